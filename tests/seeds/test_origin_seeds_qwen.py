"""Every origin seed solves some easy ``core`` tasks with the default model (Qwen2.5-Coder-0.5B), through the
real sandbox and the real LLM service. The seeds that need no model must score too: a run works without one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fitness.harness import EvalConfig, Harness
from fitness.record import Outcome
from fitness.scoring import CascadeConfig
from fitness.suites import load_suite
from fitness.tasks import Suite
from llm.broker import Broker
from llm.devices import Slot
from seeds import ORIGIN_SEEDS, origin_source

pytestmark = pytest.mark.slow

MODEL = "qwen2.5-coder-0.5b"


def easy_tasks(count: int) -> Suite:
    """The first ``count`` trivial and easy tasks of core's train split."""
    core = load_suite("core")
    chosen = [t for t in core.split("train") if t.difficulty in ("trivial", "easy")][:count]
    assert len(chosen) == count, "the core suite has fewer easy train tasks than this test needs"
    return Suite(core.name, f"{core.version}/easy{count}", tuple(chosen))


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    config = EvalConfig(cascade=CascadeConfig(enabled=False), tokens_per_task=2000, solve_timeout_s=600.0)
    with Broker.start(MODEL, slot=Slot.cpu(2)) as broker, Harness(broker, config, MODEL) as h:
        yield h


@pytest.mark.parametrize("name", sorted(ORIGIN_SEEDS))
def test_each_origin_seed_scores_above_zero_on_easy_core_tasks(name: str, harness: Harness) -> None:
    suite = easy_tasks(4)
    record = harness.evaluate(origin_source(name), suite, "train").record
    assert record.outcome is Outcome.SCORED, record.reason
    assert len(record.tasks) == 4
    assert record.aggregate > 0.0, f"{name} passed no hidden test of {[t.task_id for t in record.tasks]}"
