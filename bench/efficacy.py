"""Evolution efficacy: does a run make seeds better on tasks it never selected on?

1. ``python -m population run`` for ``--hours`` (default 2) with Qwen-0.5B, selecting only on the ``core``
   *train* split (racing on train blocks; the run's own champion is chosen on validation).
2. The best origin seed and the best evolved seed (by train score) are scored on the ``core`` holdout split
   (all 36 tasks) and on HumanEval (all 164, pass@1: one greedy solve per problem). HumanEval is never used for
   selection; these records are added to the run's archive afterwards.

    python bench/efficacy.py                          # the full 2-hour experiment
    python bench/efficacy.py --hours 0.25 --humaneval-tasks 20     # a smoke run
    python bench/efficacy.py --score-only --run-dir runs/efficacy-…  # re-score a finished run

Prints the four numbers and writes them to ``<run_dir>/reports/efficacy.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fitness.llm.models import DEFAULT_MODEL  # noqa: E402  (after the path above)


def evolve(
    run_dir: Path, hours: float, model: str, seed: int, block_size: int, slots: str, solve_timeout: float
) -> None:
    cfg = run_dir.parent / f"{run_dir.name}.toml"
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_text(
        "\n".join(
            [
                f'model = "{model}"',
                'suite = "core"',
                f"block_size = {block_size}",
                f'time_budget = "{int(hours * 3600)}s"',
                "final_holdout = false",
                f"seed = {seed}",
                f'slots = "{slots}"',
                f"solve_timeout_s = {solve_timeout}",
                "display = false",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    cmd = [sys.executable, "-m", "population", "run", "--config", str(cfg), "--run-dir", str(run_dir)]
    done = subprocess.run(cmd, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"the run failed with exit code {done.returncode}; see {run_dir}/logs")


def run_figures(run_dir: Path) -> dict[str, float]:
    """The run's own figures from its ``status.json`` (:func:`population.status.run_figures`): evaluations per
    hour, LLM busy fraction, re-discovery and novelty-reject rates, framework overhead per child."""
    from population.status import Snapshot
    from population.status import run_figures as figures

    return figures(Snapshot.from_json(json.loads((run_dir / "status.json").read_text(encoding="utf-8"))))


def pick(run_dir: Path) -> tuple[str, str | None]:
    """(best origin seed, best evolved seed) by their train record on the full split."""
    from lineage import Archive

    with Archive.open(str(run_dir)) as archive:
        best_origin: tuple[float, str] | None = None
        best_evolved: tuple[float, str] | None = None
        for s in archive.all_summaries():
            train = [
                r
                for r in archive.records(s.id)
                if r.split == "train"
                and r.suite == "core"
                and r.stage == "full"
                and r.outcome.value == "scored"
            ]
            if not train:
                continue
            key = (train[0].aggregate, s.id)
            if s.operator == "origin":
                best_origin = max(best_origin or key, key)
            else:
                best_evolved = max(best_evolved or key, key)
    if best_origin is None:
        raise SystemExit(f"no scored origin seed in {run_dir}")
    return best_origin[1], best_evolved[1] if best_evolved else None


def score(
    run_dir: Path, sid: str, model: str, humaneval_tasks: int, holdout_tasks: int, slot: str, cache: Path
) -> dict[str, float]:
    """Holdout and HumanEval scores of ``sid``, added to the archive as records.

    ``cache`` is the completion cache: share it with ``bench/seeds.py`` and an origin seed it already scored
    costs no LLM call here (same model, same prompts, same seeds).
    """
    from fitness.harness import EvalConfig, Harness
    from fitness.llm.broker import Broker
    from fitness.scoring import CascadeConfig
    from fitness.suites import load_suite
    from fitness.tasks import Suite
    from lineage import Archive
    from population.slots import parse_slots
    from population.tasks import eval_suite

    with Archive.open(str(run_dir)) as archive:
        source = archive.source(sid)

    core = eval_suite("core", "holdout", holdout_tasks)
    human = load_suite("humaneval")
    if humaneval_tasks:
        human = Suite(human.name, f"{human.version}/first{humaneval_tasks}", human.tasks[:humaneval_tasks])
    broker = Broker.start(model, slot=parse_slots(slot, model)[0], cache_path=cache)
    config = EvalConfig(cascade=CascadeConfig(enabled=False), tokens_per_task=4000, solve_timeout_s=120.0)
    out: dict[str, float] = {}
    try:
        with Harness(broker, config, model) as harness:
            for name, suite, split in (("core_holdout", core, "holdout"), ("humaneval", human, "all")):
                started = time.monotonic()
                record = harness.evaluate(source, suite, split).record
                with Archive.open(str(run_dir)) as archive:
                    archive.add_record(record)
                passed = sum(1 for t in record.tasks if t.total and t.passed == t.total)
                out[name] = record.aggregate
                out[f"{name}_pass_at_1"] = passed / len(suite.split(split))
                out[f"{name}_seconds"] = time.monotonic() - started
    finally:
        broker.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=2.0)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--run-dir", type=Path, default=None)
    parser.add_argument("--score-only", action="store_true", help="skip the run; score an existing run dir")
    parser.add_argument(
        "--humaneval-tasks", type=int, default=0, help="first N HumanEval problems (0: all 164)"
    )
    parser.add_argument("--block-size", type=int, default=4, help="train tasks per racing block")
    parser.add_argument("--holdout-tasks", type=int, default=0, help="core holdout tasks scored (0: all 36)")
    parser.add_argument("--slots", default="auto", help="the run's slots, e.g. cpu:1 (and the scoring slot)")
    parser.add_argument(
        "--cache", type=Path, default=None, help="completion cache for scoring (default <run_dir>/cache)"
    )
    parser.add_argument(
        "--solve-timeout",
        type=float,
        default=90.0,
        help="seconds per solve in the run; raise it on a loaded machine, or load decides fitness",
    )
    args = parser.parse_args()
    run_dir = args.run_dir or REPO / "runs" / time.strftime("efficacy-%Y%m%d-%H%M%S", time.gmtime())
    if not args.score_only:
        evolve(run_dir, args.hours, args.model, args.seed, args.block_size, args.slots, args.solve_timeout)
    origin, evolved = pick(run_dir)
    cache = args.cache or run_dir / "cache" / "llm.sqlite"
    result: dict[str, object] = {
        "run_dir": str(run_dir),
        "hours": args.hours,
        "block_size": args.block_size,
        "holdout_tasks": args.holdout_tasks or "all 36",
        "humaneval_tasks": args.humaneval_tasks or "all 164",
        "origin": origin,
        "evolved": evolved,
        "run": run_figures(run_dir),
    }
    for key, sid in (("origin_scores", origin), ("evolved_scores", evolved)):
        if sid is not None:
            result[key] = score(
                run_dir, sid, args.model, args.humaneval_tasks, args.holdout_tasks, args.slots, cache
            )
            print(f"{key}: {sid[:12]} {result[key]}", flush=True)
    (run_dir / "reports").mkdir(exist_ok=True)
    (run_dir / "reports" / "efficacy.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(
        f"efficacy run {run_dir} ({args.hours:g} h, selection on core train only; "
        f"{result['holdout_tasks']} core holdout tasks, {result['humaneval_tasks']} HumanEval problems)"
    )
    figures = result["run"]
    assert isinstance(figures, dict)
    print("run: " + ", ".join(f"{k} {v:.3g}" for k, v in figures.items()))
    print(f"{'seed':<28} {'core holdout':>12} {'HumanEval pass@1':>17}")
    for label, sid, key in (
        ("best origin", origin, "origin_scores"),
        ("best evolved", evolved, "evolved_scores"),
    ):
        scores = result.get(key)
        if sid is None or not isinstance(scores, dict):
            print(f"{label:<28} {'—':>12} {'—':>17}  (no evolved seed was scored)")
            continue
        name = f"{label} {sid[:12]}"
        print(f"{name:<28} {scores['core_holdout']:>12.3f} {scores['humaneval_pass_at_1']:>17.3f}")


if __name__ == "__main__":
    main()
