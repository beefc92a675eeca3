"""Origin seed ``greedy``: one deterministic completion from a prompt template.

The strategy is made of named steps, the same names and signatures in every origin seed: ``generate`` (lazy
candidate solutions), ``select`` (here: the first candidate), ``repair`` (here: none), composed by ``solve``.
Crossing with a partner (``crossover_function``) swaps one step for the partner's; the genes every origin's steps
read are declared here too (``SAMPLES``, ``INBOX_HINTS``, ``REPAIR_*``), so a step taken from a partner finds its
genes.

Genes: ``SYSTEM_PROMPT``, ``USER_TEMPLATE``, ``TEMPERATURE``, ``MAX_TOKENS``, ``LLM_SEED``, ``SAMPLES``,
``INBOX_HINTS``, ``REPAIR_TEMPLATE``, ``REPAIR_ROUNDS``, ``REPAIR_TEMPERATURE``, ``OPERATOR_WEIGHTS``,
``EDITS_PER_CHILD``, ``PROMPT_FRAGMENTS``. Self-contained: a seed imports nothing of the framework.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator
from typing import Any

SYSTEM_PROMPT = (
    "You are an expert Python programmer. Complete the function the user gives you. "
    "Reply with the whole function in one ```python code block and nothing else."
)
USER_TEMPLATE = "Complete this Python function:\n\n```python\n{prompt}\n```"
TEMPERATURE = 0.0
MAX_TOKENS = 384
LLM_SEED = 0
SAMPLES = 1  # candidates generate offers; this select reads only the first
INBOX_HINTS = 0  # island hints shown to the model (USER_TEMPLATE needs a {hints} field to show them)
# Read only by a repairing ``repair`` step (this seed's does not repair): the values of the ``repair`` origin.
REPAIR_TEMPLATE = (
    "Your function is wrong on this example.\n{failure}\n"
    "Fix it. Reply with the whole corrected function in one ```python code block."
)
REPAIR_ROUNDS = 2
REPAIR_TEMPERATURE = 0.3

# How this seed varies itself: operator weights (genes too, so the way it mutates evolves).
OPERATOR_WEIGHTS = {
    "replace_string": 3.0,
    "perturb_number": 2.0,
    "llm_rewrite": 1.0,
    "reflective_rewrite": 2.0,
    "crossover_function": 1.0,
    "swap_compare": 0.3,
    "delete_statement": 0.3,
    "duplicate_statement": 0.2,
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

FENCE = re.compile(r"```(?:python|py)?[ \t]*\n(.*?)```", re.DOTALL)


def extract_code(reply: str, prompt: str, entry_point: str) -> str:
    """The solution source in a model reply: the first fenced block that defines ``entry_point``, else the
    reply itself; prompt imports are kept, and a bare function body is appended to the prompt's signature."""
    blocks = FENCE.findall(reply) or [reply]
    code = next((b for b in blocks if f"def {entry_point}" in b), blocks[0])
    imports = [ln for ln in prompt.splitlines() if ln.startswith(("import ", "from "))]
    if f"def {entry_point}" not in code:
        return prompt.rstrip() + "\n" + code
    return "\n".join([*imports, code]) if imports else code


def passed(results: list[dict[str, Any]]) -> int:
    return sum(1 for r in results if r.get("passed"))


def first_failure(task: Any, results: list[dict[str, Any]]) -> str | None:
    """A description of the first failing visible example, or ``None`` when all pass."""
    for example, result in zip(task.visible, results, strict=False):
        if result.get("passed"):
            continue
        call = f"{task.entry_point}({', '.join(repr(a) for a in example.args)})"
        if result.get("error"):
            return f"{call} raised: {result['error']}"
        return f"{call} returned {result.get('output')!r}, expected {example.expected!r}"
    return None


# ---- the strategy, in named steps (the same names and signatures in every origin seed, so crossover_function
# with a partner swaps one step of a strategy for another's) ----


def prompt_messages(task: Any, tools: Any) -> list[dict[str, str]]:
    """The chat that asks for a solution: the system prompt, then the task (after up to ``INBOX_HINTS`` of the
    island's hints, where ``USER_TEMPLATE`` has a ``{hints}`` field)."""
    hints = "".join(f"Hint: {h}\n" for h in tools.inbox()[-INBOX_HINTS:]) if INBOX_HINTS > 0 else ""
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": USER_TEMPLATE.format(hints=hints, prompt=task.prompt)},
    ]


def generate(task: Any, llm: Any, tools: Any, n: int) -> Iterator[str]:
    """Up to ``n`` candidate solutions, sample ``i`` with LLM seed ``LLM_SEED + i``. Lazy: the model is asked for
    a sample only when ``select`` reads it."""
    messages = prompt_messages(task, tools)
    for i in range(max(1, n)):
        reply = llm.chat(messages, seed=LLM_SEED + i, temperature=TEMPERATURE, max_tokens=MAX_TOKENS)
        yield extract_code(reply, task.prompt, task.entry_point)


def select(candidates: Iterable[str], task: Any, tools: Any) -> str:
    """The first candidate (so ``generate`` asks the model once)."""
    return next(iter(candidates), "")


def repair(code: str, task: Any, llm: Any, tools: Any) -> str:
    """No repair: the selected candidate as it is."""
    return code


def solve(task: Any, llm: Any, tools: Any) -> str:
    return repair(select(generate(task, llm, tools, SAMPLES), task, tools), task, llm, tools)


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
