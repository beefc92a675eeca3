"""``reflective_rewrite`` with the default model (Qwen2.5-Coder-0.5B) through the real LLM service: an origin seed
and the failures of a few ``core`` train tasks give children that pass ``genome.validate`` and differ from the
parent in one prompt gene only (lessons appended), or a result that says why the model's reply was refused; never
an exception."""

from __future__ import annotations

import ast
import random
from collections.abc import Iterator

import pytest

import genome
from fitness.suites import load_suite
from llm.broker import Broker
from llm.devices import Slot
from seeds import origin_source

pytestmark = pytest.mark.slow

MODEL = "qwen2.5-coder-0.5b"
ATTEMPTS = 4  # model calls; each is about 700 prompt and up to 160 reply tokens


def failures() -> list[dict[str, str]]:
    """The first three ``core`` train tasks with a visible example, failed the way a wrong solution fails them."""
    tasks = [t for t in load_suite("core").split("train") if t.visible][:3]
    return [
        {
            "task_id": t.id,
            "prompt": t.prompt,
            "entry_point": t.entry_point,
            "reason": f"{t.entry_point}({', '.join(map(repr, t.visible[0].args))}) returned None, "
            f"expected {t.visible[0].expected!r}",
        }
        for t in tasks
    ]


def constants(source: str) -> dict[str, str]:
    """Module-level ``NAME = <expr>`` of ``source``, as source text of the value."""
    tree = ast.parse(source)
    return {
        node.targets[0].id: ast.unparse(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
    }


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Broker]:
    cache = tmp_path_factory.mktemp("llm") / "completions.sqlite"
    with Broker.start(MODEL, slot=Slot.cpu(2), cache_path=cache) as b:
        yield b


@pytest.mark.timeout(2400)  # three model calls of up to ~900 tokens each; minutes apiece on a loaded machine
def test_reflective_rewrite_with_the_default_model(broker: Broker) -> None:
    parent = origin_source("repair")
    before = constants(parent)
    results: list[genome.MutationResult] = []
    for seed in range(ATTEMPTS):
        llm = broker.open_session(f"reflect-{seed}", token_budget=4000).channel()
        results.append(
            genome.mutate(parent, "reflective_rewrite", random.Random(seed), llm=llm, failures=failures())
        )
        print(
            seed, results[-1].status.value, getattr(results[-1], "detail", getattr(results[-1], "reason", ""))
        )
    mutated = [r for r in results if isinstance(r, genome.Mutated)]
    assert mutated, [getattr(r, "reason", r) for r in results]
    for result in results:
        if isinstance(result, genome.Mutated):
            assert genome.validate(result.source, required=("solve", "reproduce", "reflect")) == []
            after = constants(result.source)
            changed = {k for k in before if after.get(k) != before[k]}
            assert len(changed) == 1 and changed <= {"SYSTEM_PROMPT", "USER_TEMPLATE", "REPAIR_TEMPLATE"}
            # The seed formats the new template without error: every placeholder kept, no stray brace.
            name = changed.pop()
            old, new = ast.literal_eval(before[name]), ast.literal_eval(after[name])
            print(name, "->", new)
            assert new.startswith(old.rstrip()) and len(new) > len(old)  # lessons appended, the text kept
            if "{" in old:  # the seed formats the template as before
                new.format(prompt="p", failure="f", hints="h")
        else:
            assert result.status is genome.MutationStatus.NO_CANDIDATES
            assert result.reason.startswith("the model")  # type: ignore[union-attr]
    # Deterministic: the same rng state asks the same seeded question (answered from the completion cache, which
    # keys on the whole request, seed included) and gives the same child.
    again = genome.mutate(
        parent,
        "reflective_rewrite",
        random.Random(results.index(mutated[0])),
        llm=broker.open_session("reflect-again", token_budget=4000).channel(),
        failures=failures(),
    )
    assert again == mutated[0]
