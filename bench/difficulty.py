"""Measured task difficulty: score every task of a suite with the origin seeds under one model.

For each task × origin seed × sample the seed's ``solve`` runs in the seed sandbox (sample k passes
``rng_seed=k`` to the LLM session, so a sampling seed draws different completions per sample, while a
greedy one repeats itself and is answered by the completion cache), and the solution runs against the
hidden tests in the solution sandbox — the same path a population run scores seeds on.

Every result is appended to ``--out`` (default ``bench/results/difficulty.jsonl``) as soon as it is known,
one JSON object per line, and flushed to disk; a rerun skips every (suite version, model, task, seed,
sample) already there, so an interrupted measurement resumes where it stopped. LLM completions go to a
completion cache (``--cache``), so re-running a finished measurement costs no model time.

    python bench/difficulty.py                                 # everything: hours on 2 cores
    python bench/difficulty.py --tasks 3 --seeds greedy,repair --model none   # a plumbing check
    python bench/difficulty.py --summary                       # per-task solve rates and labels
    python bench/difficulty.py --candidates                    # the candidate tasks for the next version

``--candidates`` measures the specs in ``tests/fitness_suite/candidates/`` (suite version
:data:`CANDIDATES_VERSION`; a candidate joins ``core`` once measured, and its rows stay valid by digest).

A task's measured solve rate is the fraction of its (seed, sample) runs that pass every hidden test;
``python -m fitness.suites.describe core`` prints their histogram per split.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fitness.record import clock_bound  # noqa: E402
from fitness.suites.describe import label_for  # noqa: E402  (after the path above)
from fitness.tasks import Suite  # noqa: E402

RESULTS = REPO / "bench" / "results" / "difficulty.jsonl"
CANDIDATES_VERSION = "core-candidates"
CACHE = REPO / "bench" / "results" / "difficulty-cache.sqlite"


def key_of(row: dict[str, Any]) -> tuple[str, str, str, str, str, int]:
    """What makes a result unique: (suite version, model, task, task digest, seed, sample). A row of a task
    since edited (another digest) no longer counts, so that task is measured again."""
    return (
        str(row["suite_version"]),
        str(row["model"]),
        str(row["task"]),
        str(row.get("task_digest", "")),
        str(row["seed"]),
        int(row["sample"]),
    )


def read_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The results recorded in ``path`` (none when it does not exist). A torn last line (the process was
    killed mid-write) is skipped: that result is simply measured again."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict) and {"suite_version", "model", "task", "seed", "sample"} <= set(row):
                yield row


def append_row(path: Path, row: dict[str, Any]) -> None:
    """Append one result and push it to disk before the next one starts (what makes resuming exact).

    A torn last line (no newline: the previous run was killed mid-write) is ended first, so it stays one
    unreadable line instead of swallowing this result.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    torn = False
    if path.exists() and path.stat().st_size:
        with path.open("rb") as fh:
            fh.seek(-1, os.SEEK_END)
            torn = fh.read(1) != b"\n"
    with path.open("a", encoding="utf-8") as fh:
        fh.write(("\n" if torn else "") + json.dumps(row, sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def plan(
    tasks: list[tuple[str, str]],
    seeds: list[str],
    samples: int,
    version: str,
    model: str,
    done: set[tuple[Any, ...]],
) -> list[tuple[str, str, int]]:
    """The (task, seed, sample) runs still to do for ``tasks`` ((id, digest) pairs), task by task (so
    partial results cover whole tasks first). Pure."""
    return [
        (task, seed, k)
        for task, digest in tasks
        for seed in seeds
        for k in range(samples)
        if (version, model, task, digest, seed, k) not in done
    ]


def chosen_suite(args: argparse.Namespace) -> Suite:
    """The suite to measure: ``--suite``, or with ``--candidates`` the candidate tasks (as train tasks of a
    suite named like ``--suite``, version :data:`CANDIDATES_VERSION`)."""
    from fitness.suites import load_suite

    if not args.candidates:
        return load_suite(args.suite)
    sys.path.insert(0, str(REPO / "tests" / "fitness_suite"))
    from fitness_suite_specs import candidate_tasks

    tasks = tuple(t for family in candidate_tasks().values() for t in family)
    if not tasks:
        raise SystemExit("no candidate tasks: tests/fitness_suite/candidates/ holds no <family>.py")
    return Suite(args.suite, CANDIDATES_VERSION, tasks)


def measure(args: argparse.Namespace) -> int:
    from fitness.harness import EvalConfig, Harness
    from fitness.scoring import CascadeConfig
    from seeds import ORIGIN_SEEDS, origin_source

    suite = chosen_suite(args)
    tasks = list(suite.split(args.split))
    if args.tasks:
        if args.tasks.isdigit():
            tasks = tasks[: int(args.tasks)]
        else:
            wanted = args.tasks.split(",")
            tasks = [suite.get(name) for name in wanted]
    if args.shuffle is not None:
        # A fixed shuffle makes a partial measurement a random sample of every split and family, not the
        # first families in file order.
        random.Random(args.shuffle).shuffle(tasks)
    seeds = args.seeds.split(",") if args.seeds else list(ORIGIN_SEEDS)
    for name in seeds:
        if name not in ORIGIN_SEEDS:
            raise SystemExit(f"unknown origin seed {name!r}; choose from {', '.join(ORIGIN_SEEDS)}")
    done = {key_of(row) for row in read_rows(args.out)}
    todo = plan([(t.id, t.digest) for t in tasks], seeds, args.samples, suite.version, args.model, done)
    print(
        f"{suite.version}: {len(tasks)} tasks × {len(seeds)} seeds × {args.samples} samples; {len(todo)} to do"
    )
    if not todo:
        return 0
    broker = None
    if args.model != "none":
        from llm.broker import Broker

        broker = Broker.start(args.model, cache_path=args.cache)
    by_id = {t.id: t for t in tasks}
    harnesses: dict[int, Harness] = {}
    start = time.monotonic()
    deferred = 0
    try:
        for n, (task_id, seed, k) in enumerate(todo, 1):
            if k not in harnesses:
                config = EvalConfig(
                    cascade=CascadeConfig(enabled=False), rng_seed=k, solve_timeout_s=args.solve_timeout
                )
                harnesses[k] = Harness(broker, config, args.model)
            score, _ = harnesses[k].score_task(
                origin_source(seed), by_id[task_id], label=f"difficulty-{seed}"
            )
            if clock_bound(score.reason):
                # The machine was too slow for the deadline: that measures its load, not the task. Leave the
                # run unrecorded so the next invocation measures it again.
                deferred += 1
                print(f"[{n}/{len(todo)}] {task_id} {seed} #{k}: deferred ({score.reason[:80]})", flush=True)
                continue
            row = {
                "suite_version": suite.version,
                "model": args.model,
                "task": task_id,
                "task_digest": by_id[task_id].digest,
                "seed": seed,
                "sample": k,
                "passed": score.passed,
                "total": score.total,
                "solved": score.total > 0 and score.passed == score.total,
                "tokens": score.tokens,
                "seconds": round(score.seconds, 3),
                "reason": score.reason[:200],
            }
            append_row(args.out, row)
            print(
                f"[{n}/{len(todo)} {time.monotonic() - start:.0f}s] {task_id} {seed} #{k}: "
                f"{score.passed}/{score.total}",
                flush=True,
            )
    finally:
        for harness in harnesses.values():
            harness.close()
        if broker is not None:
            broker.close()
    if deferred:
        print(
            f"{deferred} runs hit a deadline and were not recorded; run again (on a quieter machine) to measure them"
        )
    return 0


def summary(args: argparse.Namespace) -> int:
    from fitness.suites.describe import solve_rates

    suite = chosen_suite(args)
    rates = solve_rates(args.out, suite.version, args.model, {t.id: t.digest for t in suite.tasks})
    print("| task | split | authored | solve rate | measured label |\n|---|---|---|---:|---|")
    for task in suite.tasks:
        if task.id in rates:
            rate = rates[task.id]
            print(f"| {task.id} | {task.split} | {task.difficulty} | {rate:.2f} | {label_for(rate)} |")
    print(f"\n{len(rates)} of {len(suite.tasks)} tasks measured")
    return 0


def main(argv: list[str] | None = None) -> int:
    from llm.models import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="core")
    parser.add_argument("--split", default="all", choices=["train", "validation", "holdout", "all"])
    parser.add_argument(
        "--model", default=DEFAULT_MODEL, help="LLM name, .gguf path, endpoint URL, or 'none'"
    )
    parser.add_argument("--seeds", default="", help="comma-separated origin seeds (default: all of them)")
    parser.add_argument("--tasks", default="", help="the first N tasks of the split, or comma-separated ids")
    parser.add_argument(
        "--samples",
        type=int,
        default=1,
        help="samples per task and seed (rng_seed 0..N-1; the origin seeds pass explicit LLM seeds, so their "
        "repeated samples replay the completion cache: 1 is enough for them)",
    )
    parser.add_argument(
        "--solve-timeout",
        type=float,
        default=600.0,
        help="wall seconds per solve (LLM deadline included); generous, because a run that hits it is not "
        "recorded (default 600)",
    )
    parser.add_argument(
        "--shuffle", type=int, default=None, metavar="SEED", help="measure the tasks in a fixed random order"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="results file (JSON lines, appended)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="LLM completion cache file")
    parser.add_argument("--summary", action="store_true", help="print the measured solve rates and stop")
    parser.add_argument(
        "--candidates",
        action="store_true",
        help="measure the candidate tasks of tests/fitness_suite/candidates/ instead of the suite",
    )
    args = parser.parse_args(argv)
    return summary(args) if args.summary else measure(args)


if __name__ == "__main__":
    raise SystemExit(main())
