"""Origin seeds are made of named steps (``generate``, ``select``, ``repair``, composed by ``solve``) with the same
names and signatures in every seed, so crossing a step in from a partner recombines strategies; and with
``failures`` their ``reproduce`` draws ``reflective_rewrite``.

The LLM and the tools here are scripted (this is the seeds' control flow, not the model or the sandbox: the real
ones are in ``test_origin_seeds.py`` and ``test_origin_seeds_qwen.py``)."""

from __future__ import annotations

import inspect
import random
import types
from dataclasses import dataclass
from typing import Any

import pytest

import genome
from genome.operators._functions import code, functions
from seeds import ORIGIN_SEEDS, origin_source

STEPS = ("generate", "select", "repair", "solve")
LLM_SEEDS = ("greedy", "repair", "sample_filter")
WRONG = "def inc(x):\n    return x\n"
FIXED = "def inc(x):\n    return x + 1\n"


def load(source: str) -> types.ModuleType:
    """Import a seed in this process. Only for our own origin seeds and edits of them made in these tests."""
    module = types.ModuleType("seed_under_test")
    exec(compile(source, "<seed>", "exec"), module.__dict__)
    return module


@dataclass(frozen=True)
class Example:
    args: tuple[Any, ...]
    expected: Any


@dataclass(frozen=True)
class Task:
    id: str = "t/inc"
    prompt: str = 'def inc(x):\n    """x plus one."""\n'
    entry_point: str = "inc"
    visible: tuple[Example, ...] = (Example((1,), 2), Example((5,), 6))


class ScriptedLLM:
    """Answers a repair request (a chat that shows the model its earlier answer) with ``FIXED``, every other
    request with ``WRONG``; records each request."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []

    def chat(self, messages: list[dict[str, str]], **params: Any) -> str:
        self.requests.append({"messages": [dict(m) for m in messages], **params})
        repairing = any(m["role"] == "assistant" for m in messages)
        return f"```python\n{FIXED if repairing else WRONG}```"


class ScriptedTools:
    """Runs nothing: a candidate passes an example when it is the ``FIXED`` source."""

    def __init__(self) -> None:
        self.published: list[str] = []

    def run(self, code: str, examples: Any, timeout_s: float | None = None) -> list[dict[str, Any]]:
        ok = code.strip() == FIXED.strip()
        return [{"passed": ok, "output": None, "error": None} for _ in examples]

    def publish(self, message: str) -> None:
        self.published.append(message)

    def inbox(self) -> list[str]:
        return []


def crossed(recipient: str, donor: str, step: str) -> str:
    """``recipient`` with its ``step`` function taken from ``donor`` by ``crossover_function``."""
    theirs = code(functions(genome.Parsed(origin_source(donor)).module)[step])
    for seed in range(200):
        result = genome.mutate(
            origin_source(recipient), "crossover_function", random.Random(seed), partner=origin_source(donor)
        )
        taken = isinstance(result, genome.Mutated) and code(
            functions(genome.Parsed(result.source).module)[step]
        )
        if taken == theirs:
            assert isinstance(result, genome.Mutated)
            return result.source
    raise AssertionError(f"crossover_function never took {step}() from {donor} into {recipient}")


@pytest.mark.parametrize("name", sorted(ORIGIN_SEEDS))
def test_every_origin_seed_has_the_named_steps_with_one_signature(name: str) -> None:
    module = load(origin_source(name))
    reference = load(origin_source("greedy"))
    for step in STEPS:
        assert list(inspect.signature(getattr(module, step)).parameters) == list(
            inspect.signature(getattr(reference, step)).parameters
        ), (name, step)


def test_llm_origin_seeds_differ_in_the_steps_that_make_their_strategies() -> None:
    steps = {n: functions(genome.Parsed(origin_source(n)).module) for n in LLM_SEEDS}
    different = {
        step: {n for n in LLM_SEEDS if code(steps[n][step]) != code(steps["greedy"][step])}
        for step in ("generate", "select", "repair")
    }
    assert different == {"generate": set(), "select": {"sample_filter"}, "repair": {"repair"}}


def test_greedy_asks_once_and_does_not_repair() -> None:
    llm = ScriptedLLM()
    out = load(origin_source("greedy")).solve(Task(), llm, ScriptedTools())
    assert out.strip() == WRONG.strip()
    assert len(llm.requests) == 1


def test_a_greedy_child_with_repairs_repair_step_repairs() -> None:
    child = crossed("greedy", "repair", "repair")
    assert genome.validate(child, required=("solve", "reproduce", "reflect")) == []
    llm = ScriptedLLM()
    out = load(child).solve(Task(), llm, ScriptedTools())
    assert out.strip() == FIXED.strip()
    assert len(llm.requests) == 2
    # The repair request is the partner's step, fed by the child's own genes (greedy's prompt, then the failure).
    child_module = load(child)
    repair_turn = llm.requests[1]["messages"]
    assert (
        repair_turn[0]["content"] == child_module.SYSTEM_PROMPT == load(origin_source("greedy")).SYSTEM_PROMPT
    )
    assert repair_turn[-1]["content"] == child_module.REPAIR_TEMPLATE.format(
        failure="inc(1) returned None, expected 2"
    )
    assert llm.requests[1]["temperature"] == child_module.REPAIR_TEMPERATURE


def test_sample_filter_draws_every_sample_when_none_passes_and_does_not_repair() -> None:
    llm, tools = ScriptedLLM(), ScriptedTools()
    module = load(origin_source("sample_filter"))
    assert module.solve(Task(), llm, tools).strip() == WRONG.strip()
    assert len(llm.requests) == module.SAMPLES > 1
    assert [r["seed"] for r in llm.requests] == list(range(module.SAMPLES))
    assert tools.published == []


def test_a_sample_filter_child_with_repairs_repair_step_filters_then_repairs() -> None:
    child = crossed("sample_filter", "repair", "repair")
    llm, tools = ScriptedLLM(), ScriptedTools()
    module = load(child)
    assert module.solve(Task(), llm, tools).strip() == FIXED.strip()
    assert len(llm.requests) == module.SAMPLES + 1  # every sample failed the filter, then one repair round
    assert llm.requests[-1]["temperature"] == module.REPAIR_TEMPERATURE


def test_a_repair_child_with_sample_filters_select_step_filters_then_repairs() -> None:
    child = crossed("repair", "sample_filter", "select")
    llm, tools = ScriptedLLM(), ScriptedTools()
    assert load(child).solve(Task(), llm, tools).strip() == FIXED.strip()
    assert len(llm.requests) == 2  # repair's one sample (SAMPLES = 1), then one repair round
    assert tools.published == []  # the filter ran the sample, which failed: nothing to publish


FAILURES = [
    {
        "task_id": "core/inc",
        "prompt": 'def inc(x):\n    """x plus one."""\n',
        "entry_point": "inc",
        "reason": "inc(1) returned 1, expected 2",
    }
]


class ReflectingLLM:
    """Answers a reflection request with a new system prompt (no placeholders), anything else with an error."""

    def __init__(self) -> None:
        self.reflections = 0

    def chat(self, messages: list[dict[str, str]], **params: Any) -> str:
        if "----- end of" not in messages[-1]["content"]:
            raise RuntimeError("only reflection requests in this test")
        self.reflections += 1
        assert isinstance(params["seed"], int)
        return "```\nYou write Python. Check edge cases such as off-by-one errors before you answer.\n```"


@pytest.mark.parametrize("name", LLM_SEEDS)
def test_reproduce_with_failures_rewrites_a_prompt_gene_by_reflection(name: str) -> None:
    module = load(origin_source(name))
    llm = ReflectingLLM()
    children = module.reproduce(origin_source(name), 8, 1, genome, llm, failures=FAILURES)
    reflective = [c for c in children if "reflective_rewrite" in c["operator"].split("+")]
    assert reflective and llm.reflections >= len(reflective)
    for child in reflective:
        assert "Check edge cases such as off-by-one errors" in child["source"]
        assert genome.validate(child["source"], required=("solve", "reproduce")) == []


@pytest.mark.parametrize("name", sorted(ORIGIN_SEEDS))
def test_reproduce_without_failures_never_reflects(name: str) -> None:
    module = load(origin_source(name))
    llm = ReflectingLLM()
    children = module.reproduce(origin_source(name), 8, 1, genome, llm)
    assert children and llm.reflections == 0
    assert not any("reflective_rewrite" in c["operator"] for c in children)
