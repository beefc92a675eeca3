"""The Python entry point for scoring a seed: :func:`evaluate` (``python -m fitness eval`` is a thin layer over it).

Example::

    import fitness

    record = fitness.evaluate(open("my_seed.py").read(), suite="core", split="train", model="none")
    print(record.outcome, record.aggregate)
"""

from __future__ import annotations

from collections.abc import Callable

from fitness.record import FitnessRecord
from fitness.tasks import Suite
from genome.errors import SeedpopError


def evaluate(
    source: str,
    suite: str | Suite = "core",
    split: str = "train",
    *,
    model: str = "none",
    tasks: int = 0,
    tokens_per_task: int = 4000,
    fallback_to_none: bool = False,
    report: Callable[[str], None] | None = None,
) -> FitnessRecord:
    """Score seed ``source`` on ``suite``'s ``split`` (every task, no cascade) in the two sandboxes.

    Args:
        source: the seed's Python source.
        suite: a name in :data:`fitness.suites.TASK_SUITES` or a loaded :class:`~fitness.tasks.Suite`.
        split: ``"train"``, ``"holdout"`` or ``"all"``.
        model: an LLM registry name, ``.gguf`` path or endpoint URL; ``"none"`` gives the seed an ``llm`` that
            refuses every call.
        tasks: score only the first N tasks of the split (0: all).
        tokens_per_task: the LLM token budget of one ``solve`` call.
        fallback_to_none: when the model cannot start, score with ``"none"`` (and report why) instead of
            raising.
        report: receives one-line notes for people: the fallback, and the sandbox's mechanisms at the end.

    Returns:
        The record; never raises for anything the seed does (its failures are the record's outcome).

    Raises:
        SeedpopError: an unknown suite or split, or (without ``fallback_to_none``) a model that cannot start.
    """
    from fitness.harness import EvalConfig, Harness
    from fitness.scoring import CascadeConfig
    from fitness.suites import load_suite

    chosen = load_suite(suite) if isinstance(suite, str) else suite
    if tasks:
        first = chosen.split(split)[:tasks]
        chosen = Suite(chosen.name, chosen.version, tuple(t for t in chosen.tasks if t in first))
    broker = None
    used = "none"
    if model != "none":
        from llm.broker import Broker

        try:
            broker = Broker.start(model)
            used = model
        except SeedpopError as err:
            if not fallback_to_none:
                raise
            if report is not None:
                report(f"no LLM ({err}); scoring with model 'none'")
    config = EvalConfig(cascade=CascadeConfig(enabled=False), tokens_per_task=tokens_per_task)
    try:
        with Harness(broker, config, used) as harness:
            record = harness.evaluate(source, chosen, split).record
            mechanisms = harness.solution_sandbox.mechanisms
    finally:
        if broker is not None:
            broker.close()
    if report is not None and mechanisms is not None:
        report(f"sandbox: {mechanisms.describe()}")
    return record


__all__ = ["evaluate"]
