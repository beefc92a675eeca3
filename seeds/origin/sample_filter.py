"""Origin seed ``sample_filter``: draw several samples at a temperature, run each on the visible examples,
keep the one that passes most (ties: the first). Reads its island's inbox for hints and publishes the system
prompt when a sample passes every visible example.

Genes: ``SYSTEM_PROMPT``, ``USER_TEMPLATE``, ``SAMPLES``, ``TEMPERATURE``, ``MAX_TOKENS``, ``INBOX_HINTS``,
``OPERATOR_WEIGHTS``, ``EDITS_PER_CHILD``, ``PROMPT_FRAGMENTS``. Self-contained: imports nothing of the framework.
"""

from __future__ import annotations

import random
import re
from typing import Any

SYSTEM_PROMPT = (
    "You are an expert Python programmer. Write the function the user asks for. "
    "Reply with the whole function in one ```python code block and nothing else."
)
USER_TEMPLATE = "{hints}Write this Python function:\n\n```python\n{prompt}\n```"
SAMPLES = 4
TEMPERATURE = 0.7
MAX_TOKENS = 384
INBOX_HINTS = 1  # how many island messages to show the model

# How this seed varies itself: operator weights (genes too, so the way it mutates evolves).
OPERATOR_WEIGHTS = {
    "replace_string": 2.0,
    "perturb_number": 3.0,
    "llm_rewrite": 1.0,
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


def solve(task: Any, llm: Any, tools: Any) -> str:
    hints = "".join(f"Hint: {h}\n" for h in tools.inbox()[-INBOX_HINTS:] if INBOX_HINTS > 0)
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": USER_TEMPLATE.format(hints=hints, prompt=task.prompt)},
    ]
    best, best_passed = "", -1
    for i in range(max(1, SAMPLES)):
        reply = llm.chat(messages, seed=i, temperature=TEMPERATURE, max_tokens=MAX_TOKENS)
        code = extract_code(reply, task.prompt, task.entry_point)
        score = passed(tools.run(code, task.visible)) if task.visible else 0
        if score > best_passed:
            best, best_passed = code, score
        if task.visible and score == len(task.visible):
            tools.publish(SYSTEM_PROMPT)
            break
    return best


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
) -> list[dict[str, str]]:
    """Up to ``n`` children of ``source``, each made by ``EDITS_PER_CHILD`` operators drawn by weight, and
    labelled with the operators that changed it (``reflect`` learns from those labels)."""
    rng = random.Random(rng_seed)
    weights = dict(OPERATOR_WEIGHTS)
    for op, factor in ((reflection or {}).get("operator_factors") or {}).items():
        if op in weights:
            weights[op] *= float(factor)
    if partner_source is None:
        weights.pop("crossover_function", None)
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
            )
            if result.source is not None:
                child, used = result.source, [*used, name]
        child_id = genome.seed_id(child)
        if child_id not in seen:
            seen.add(child_id)
            children.append({"source": child, "operator": "+".join(used)})
    return children
