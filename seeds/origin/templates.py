"""Origin seed ``templates``: no LLM at all. Enumerates expression templates over the function's parameters,
runs each candidate on the visible examples and returns the first that passes them all (else the best).

Evolution can grow or prune the template lists (statement and string operators reach them), so a run works
with no model, and crossover can carry this strategy's pieces into LLM seeds.

The strategy uses the named steps of every origin seed: ``generate`` (the templates, lazily), ``select`` (the
first that passes the visible examples), ``repair`` (none), composed by ``solve``; ``select`` and ``repair`` need
nothing of this seed, so crossing them into an LLM seed gives a working child.

Genes: ``TEMPLATES`` (by arity), ``MAX_CANDIDATES``, ``FALLBACK``, ``OPERATOR_WEIGHTS``, ``EDITS_PER_CHILD``,
``PROMPT_FRAGMENTS``. Self-contained: imports nothing of the framework.
"""

from __future__ import annotations

import ast
import random
from collections.abc import Iterable, Iterator
from typing import Any

TEMPLATES: dict[int, list[str]] = {
    1: [
        "{0}",
        "sorted({0})",
        "{0}[::-1]",
        "len({0})",
        "sum({0})",
        "max({0})",
        "min({0})",
        "{0}.upper()",
        "{0}.lower()",
        "{0}.strip()",
        "{0}.title()",
        "{0}.split()",
        "{0}.swapcase()",
        "{0}.capitalize()",
        "sorted(set({0}))",
        "len(set({0}))",
        "list(dict.fromkeys({0}))",
        "sorted({0}, reverse=True)",
        "{0} * 2",
        "{0} + 1",
        "{0} - 1",
        "{0} ** 2",
        "abs({0})",
        "-{0}",
        "{0} % 2 == 0",
        "{0} % 2 == 1",
        "not {0}",
        "bool({0})",
        "str({0})",
        "int({0})",
        "[v * 2 for v in {0}]",
        "[v * v for v in {0}]",
        "[v for v in {0} if v % 2 == 0]",
        "[v for v in {0} if v % 2 == 1]",
        "[v for v in {0} if v > 0]",
        "[v for v in {0} if v]",
        "sum(v * v for v in {0})",
        "{0} == {0}[::-1]",
        "' '.join({0}.split()[::-1])",
        "len({0}.split())",
        "sum(1 for v in {0} if v in 'aeiouAEIOU')",
        "''.join(sorted({0}))",
        "{0}[0] if {0} else None",
        "{0}[-1] if {0} else None",
        "sum({0}) / len({0}) if {0} else 0.0",
        "max({0}) - min({0}) if {0} else 0",
        "{0}.isdigit()",
        "any({0})",
        "all({0})",
        "sum(int(d) for d in str(abs({0})))",
        "len(str(abs({0})))",
        "{0} // 2",
        "{0} * ({0} + 1) // 2",
        "[s[::-1] for s in {0}]",
        "[len(s) for s in {0}]",
    ],
    2: [
        "{0} + {1}",
        "{0} - {1}",
        "{0} * {1}",
        "{0} // {1}",
        "{0} % {1}",
        "{0} ** {1}",
        "max({0}, {1})",
        "min({0}, {1})",
        "{0} == {1}",
        "{0} in {1}",
        "{1} in {0}",
        "{0}.count({1})",
        "{0}[{1}]",
        "{0}[:{1}]",
        "{0}[{1}:]",
        "sorted({0} + {1})",
        "[v for v in {0} if v in {1}]",
        "[v for v in {0} if v not in {1}]",
        "{1}.join({0})",
        "{0}.split({1})",
        "{0}.startswith({1})",
        "{0}.endswith({1})",
        "{0}.replace({1}, '')",
        "[v * {1} for v in {0}]",
        "[v + {1} for v in {0}]",
        "[v for v in {0} if v > {1}]",
        "[v for v in {0} if v < {1}]",
        "sum(1 for v in {0} if v == {1})",
        "{0}.find({1})",
        "abs({0} - {1})",
        "({0} + {1}) / 2",
        "sorted({0})[:{1}]",
        "{0}[-{1}:] if {1} else []",
        "list(zip({0}, {1}))",
        "[a + b for a, b in zip({0}, {1})]",
        "{1} * {0}",
    ],
    3: [
        "{0} + {1} + {2}",
        "max({0}, {1}, {2})",
        "min({0}, {1}, {2})",
        "min(max({0}, {1}), {2})",
        "{0}.replace({1}, {2})",
        "{0}[{1}:{2}]",
        "sorted([{0}, {1}, {2}])[1]",
        "{0} * {1} + {2}",
        "{1} if {0} else {2}",
        "{1} <= {0} <= {2}",
    ],
}
MAX_CANDIDATES = 80
FALLBACK = "None"

# How this seed varies itself: operator weights (genes too, so the way it mutates evolves).
OPERATOR_WEIGHTS = {
    "replace_string": 1.0,
    "perturb_number": 2.0,
    "llm_rewrite": 0.2,
    "crossover_function": 1.0,
    "swap_compare": 0.3,
    "delete_statement": 1.0,
    "duplicate_statement": 1.5,
    "swap_statements": 0.2,
    "negate_if": 0.2,
    "perturb_default": 0.5,
}
EDITS_PER_CHILD = 1
MIN_PROMPT_LENGTH = 30  # only strings this long are swapped for prompt fragments
PROMPT_FRAGMENTS = (
    "Think about edge cases such as empty inputs before writing the code.",
    "Write clear, correct, simple Python. Use only the standard library.",
    "Reply with the whole function in one ```python code block and nothing else.",
    "You are a careful senior Python engineer who writes correct code on the first try.",
)


def parameters(prompt: str, entry_point: str) -> list[str] | None:
    """The parameter names of ``entry_point`` as the prompt declares it, or ``None``."""
    try:
        tree = ast.parse(prompt.rstrip() + "\n    pass\n")
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == entry_point:
            return [a.arg for a in node.args.posonlyargs + node.args.args]
    return None


def candidate(prompt: str, expression: str) -> str:
    return prompt.rstrip() + f"\n    return {expression}\n"


def fallback(task: Any) -> str:
    """What to return when no template applies: ``FALLBACK`` under the prompt's signature."""
    if parameters(task.prompt, task.entry_point) is None:
        return f"def {task.entry_point}(*args):\n    return {FALLBACK}\n"
    return candidate(task.prompt, FALLBACK)


# ---- the strategy, in named steps (the same names and signatures as the LLM origin seeds' steps) ----


def generate(task: Any, llm: Any, tools: Any, n: int) -> Iterator[str]:
    """Up to ``n`` candidates: the templates of the function's arity over its parameters, in order. Lazy."""
    names = parameters(task.prompt, task.entry_point)
    if names is None:
        return
    for template in TEMPLATES.get(len(names), [])[:n]:
        yield candidate(task.prompt, template.format(*names))


def select(candidates: Iterable[str], task: Any, tools: Any) -> str:
    """The first candidate that passes every visible example, else the one that passes most (ties: the first);
    with no visible examples, the first. ``""`` when there is no candidate."""
    best, best_passed = "", -1
    for code in candidates:
        if not task.visible:
            return code
        passed = sum(1 for r in tools.run(code, task.visible) if r.get("passed"))
        if passed > best_passed:
            best, best_passed = code, passed
        if passed == len(task.visible):
            break
    return best


def repair(code: str, task: Any, llm: Any, tools: Any) -> str:
    """No repair (and no model): the selected candidate as it is."""
    return code


def solve(task: Any, llm: Any, tools: Any) -> str:
    return repair(
        select(generate(task, llm, tools, MAX_CANDIDATES), task, tools) or fallback(task), task, llm, tools
    )


def reflect(history: list[dict[str, Any]]) -> dict[str, Any]:
    """Favour the operators whose children beat their parent; damp the others (a Beta(1, 1) prior: 1.0 = no data)."""
    tried: dict[str, int] = {}
    won: dict[str, int] = {}
    for item in history:
        better = float(item.get("aggregate") or 0.0) > float(item.get("parent_aggregate") or 0.0)
        for op in str(item.get("operator") or "").split("+"):
            if op in OPERATOR_WEIGHTS:
                tried[op] = tried.get(op, 0) + 1
                won[op] = won.get(op, 0) + better
    return {"operator_factors": {op: 2.0 * (won.get(op, 0) + 1) / (n + 2) for op, n in tried.items()}}


def reproduce(
    source: str,
    n: int,
    rng_seed: int,
    genome: Any,
    llm: Any,
    partner_source: str | None = None,
    reflection: dict[str, Any] | None = None,
    failures: list[dict[str, str]] | None = None,
) -> list[dict[str, str]]:
    """Up to ``n`` children of ``source``, each made by ``EDITS_PER_CHILD`` operators drawn by weight, and
    labelled with the operators that changed it (``reflect`` learns from those labels). ``failures`` (this
    seed's failed train tasks) let ``reflective_rewrite`` join the draw: the model reads them and rewrites a
    prompt gene; without them it is left out, as ``crossover_function`` is without a partner."""
    rng = random.Random(rng_seed)
    weights = dict(OPERATOR_WEIGHTS)
    for op, factor in ((reflection or {}).get("operator_factors") or {}).items():
        if op in weights:
            weights[op] *= float(factor)
    if partner_source is None:
        weights.pop("crossover_function", None)
    if not failures:
        weights.pop("reflective_rewrite", None)
    names = sorted(weights)
    children: list[dict[str, str]] = []
    seen = {genome.seed_id(source)}
    for _ in range(6 * n):
        if len(children) >= n:
            break
        child, used = source, list[str]()
        for _ in range(max(1, EDITS_PER_CHILD)):
            name = rng.choices(names, weights=[weights[k] for k in names])[0]
            fragments = name == "replace_string" and rng.random() < 0.5
            result = genome.mutate(
                child,
                name,
                rng,
                partner=partner_source,
                llm=llm,
                strings=PROMPT_FRAGMENTS if fragments else (),
                min_length=MIN_PROMPT_LENGTH if fragments else 0,
                failures=failures or None,
            )
            if result.source is not None:
                child, used = result.source, [*used, name]
        child_id = genome.seed_id(child)
        if child_id not in seen:
            seen.add(child_id)
            children.append({"source": child, "operator": "+".join(used)})
    return children
