"""The origin seeds' measured table (issue 6): core train and holdout score, HumanEval pass@1, tokens and
seconds per task, with one model.

Usage: python bench/seeds.py [--model NAME] [--seeds greedy,repair] [--core-limit N]
                             [--humaneval-limit N]
Prints figures; asserts nothing. A full run (4 seeds × 90 core tasks + 164 HumanEval problems) takes hours on
2 cores; the limits take the first N tasks of each split for a quick look (say so when you quote them).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fitness.harness import EvalConfig, Harness
from fitness.record import FitnessRecord
from fitness.scoring import CascadeConfig
from fitness.suites import load_suite
from fitness.tasks import Suite
from llm.broker import Broker
from llm.devices import Slot
from llm.models import DEFAULT_MODEL
from seeds import ORIGIN_SEEDS, origin_source


def first(suite: Suite, split: str, limit: int) -> Suite:
    chosen = suite.split(split)[:limit] if limit else suite.split(split)
    return Suite(suite.name, suite.version, tuple(chosen))


def pass_at_1(record: FitnessRecord) -> float:
    """Share of tasks whose every hidden test passed (one solve per task)."""
    return sum(1 for t in record.tasks if t.total and t.passed == t.total) / max(1, len(record.tasks))


def per_task(record: FitnessRecord) -> tuple[float, float]:
    n = max(1, len(record.tasks))
    return (record.prompt_tokens + record.completion_tokens) / n, record.seconds / n


def measured(
    harness: Harness, broker: Broker | None, name: str, source: str, suite: Suite, split: str
) -> tuple[FitnessRecord, float]:
    """One evaluation, printed as soon as it is done, and its seconds per task.

    A long table survives being stopped half way: its LLM calls are in the completion cache, so a rerun with the
    same ``--cache`` skips them. Seconds per task then count each replayed call at what it cost when it was
    generated (the cache keeps that), so a table resumed from the cache reports the same cost as one run in a
    single go; calls cached before those times were kept count 0 s and are reported.
    """
    before = broker.stats() if broker is not None else None
    record = harness.evaluate(source, suite, split).record
    after = broker.stats() if broker is not None else None
    replayed = after.replayed_seconds - before.replayed_seconds if after and before else 0.0
    unknown = after.replayed_unknown - before.replayed_unknown if after and before else 0
    tokens, seconds = per_task(record)
    seconds += replayed / max(1, len(record.tasks))
    note = f" ({replayed:.0f} s of it replayed from the cache" if replayed else ""
    if unknown:
        note += ("; " if note else " (") + f"{unknown} cached calls without a stored time count 0 s"
    print(
        f"{name} {suite.name} {split}: aggregate {record.aggregate:.3f}, pass@1 {pass_at_1(record):.3f} "
        f"({len(record.tasks)} tasks), {tokens:.0f} tokens/task, {seconds:.1f} s/task{note + ')' if note else ''}",
        flush=True,
    )
    return record, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--seeds", default=",".join(ORIGIN_SEEDS))
    parser.add_argument(
        "--core-limit", type=int, default=0, help="first N tasks of each core split (0: all, -1: skip)"
    )
    parser.add_argument(
        "--humaneval-limit", type=int, default=0, help="first N problems (0: all 164, -1: skip)"
    )
    parser.add_argument("--threads", type=int, default=0, help="CPU threads for the model (0: every core)")
    parser.add_argument(
        "--cache", type=Path, default=None, help="completion cache file (share it with bench/efficacy.py)"
    )
    args = parser.parse_args()

    core = load_suite("core")
    humaneval = load_suite("humaneval")
    config = EvalConfig(cascade=CascadeConfig(enabled=False))
    slot = Slot.cpu(args.threads or None)
    broker = Broker.start(args.model, slot=slot, cache_path=args.cache) if args.model != "none" else None
    rows = []
    try:
        with Harness(broker, config, args.model) as harness:
            for name in args.seeds.split(","):
                source = origin_source(name)
                start = time.monotonic()
                train = hold = None
                seconds = 0.0
                if args.core_limit >= 0:
                    train, seconds = measured(
                        harness, broker, name, source, first(core, "train", args.core_limit), "train"
                    )
                    hold, _ = measured(
                        harness, broker, name, source, first(core, "holdout", args.core_limit), "holdout"
                    )
                he = None
                if args.humaneval_limit >= 0:
                    he, he_seconds = measured(
                        harness,
                        broker,
                        name,
                        source,
                        first(humaneval, "holdout", args.humaneval_limit),
                        "holdout",
                    )
                tokens, _ = per_task(train or he) if (train or he) else (0.0, 0.0)
                seconds = seconds if train is not None else (he_seconds if he is not None else 0.0)
                rows.append((name, train, hold, he, tokens, seconds, time.monotonic() - start))
    finally:
        if broker is not None:
            broker.close()
    print(
        f"\nmodel {args.model}; core limit {args.core_limit or 'all'}; humaneval limit {args.humaneval_limit or 'all'}"
    )
    print(
        f"{'seed':<15}{'core train':>12}{'core holdout':>14}{'HumanEval':>17}{'tokens/task':>13}{'s/task':>8}"
    )
    for name, train, hold, he, tokens, seconds, _ in rows:
        he_text = (
            f"{pass_at_1(he):.3f} ({sum(t.total > 0 and t.passed == t.total for t in he.tasks)})"
            if he
            else "-"
        )
        train_text = f"{train.aggregate:.3f}" if train else "-"
        hold_text = f"{hold.aggregate:.3f}" if hold else "-"
        print(f"{name:<15}{train_text:>12}{hold_text:>14}{he_text:>17}{tokens:>13.0f}{seconds:>8.1f}")


if __name__ == "__main__":
    main()
