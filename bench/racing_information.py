"""Where did a run's train task-runs carry selection information? Task-runs by measured difficulty.

Racing compares a child with its parent task by task; a task both pass or both fail says nothing about
which is better, and a task no seed ever passes costs its tokens for nothing. This script reads finished
(or running) run directories and prints, per difficulty label of the run's suite (the labels of ``core``
are measured with the default model: ``bench/difficulty.py``), how many train task-runs the run spent,
how often they were solved, and how often a child's result differed from its parent's on the same task
(discordant: the only comparisons a paired test counts; and, for ``evidence = "tests"``, how often the
number of hidden tests passed differed). Train records only: it never reads validation,
holdout or HumanEval (it reads which seeds were the finalists from ``status.json``, not their scores).

    python bench/racing_information.py runs/eff/evolution runs/eff/random_search
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fitness.suites import load_suite  # noqa: E402  (after the path above)
from fitness.tasks import DIFFICULTIES  # noqa: E402
from lineage.archive import Archive  # noqa: E402


def train_results(archive: Archive) -> dict[str, dict[str, tuple[int, int]]]:
    """Seed id → train task id → (hidden tests passed, hidden tests), over all the seed's train records."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for summary in archive.all_summaries():
        solved = {
            t.task_id: (t.passed, t.total)
            for r in archive.records(summary.id)
            if r.split == "train"
            for t in r.tasks
            if t.total
        }
        if solved:
            out[summary.id] = solved
    return out


def finalists(
    run_dir: str, label: dict[str, str], results: dict[str, dict[str, tuple[int, int]]]
) -> list[str]:
    """One line per finalist (the seeds ``status.json`` says were scored on validation): its train tasks
    solved, overall and on the tasks not labelled ``hard``. Train evidence only: the line shows how far a
    run's train evidence could tell its finalists apart."""
    status = Path(run_dir) / "status.json"
    chosen = json.loads(status.read_text(encoding="utf-8")).get("validation") or {} if status.exists() else {}
    lines = []
    for seed in sorted(chosen):
        solved = results.get(seed, {})
        easy = [t for t in solved if label.get(t) != "hard"]
        lines.append(
            f"finalist {seed[:12]}: train {sum(p == n for p, n in solved.values())}/{len(solved)}, "
            f"not hard {sum(solved[t][0] == solved[t][1] for t in easy)}/{len(easy)}"
        )
    return lines


def tally(run_dir: str) -> tuple[str, Counter[tuple[str, str]], Counter[str], list[str]]:
    """The run's suite name, counts per (label, figure), and its train split's tasks per label."""
    config = tomllib.loads((Path(run_dir) / "config.toml").read_text())
    suite = load_suite(str(config.get("suite", "core")))
    train = suite.split("train")
    label = {t.id: t.difficulty for t in train}
    counts: Counter[tuple[str, str]] = Counter()
    with Archive.open(run_dir) as archive:
        results = train_results(archive)
        for seed, solved in results.items():
            parents = archive.parents(seed)
            parent = results.get(parents[0], {}) if parents else {}
            for task, (passed, total) in solved.items():
                tier = label.get(task, "?")
                counts[tier, "runs"] += 1
                counts[tier, "solved"] += passed == total
                if task in parent:
                    theirs = parent[task][0]
                    counts[tier, "paired"] += 1
                    counts[tier, "discordant"] += (passed == total) != (theirs == total)
                    counts[tier, "tests differ"] += passed != theirs
    return suite.version, counts, Counter(label.values()), finalists(run_dir, label, results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dirs", nargs="+", help="run directories to read")
    args = parser.parse_args(argv)
    for run_dir in args.run_dirs:
        version, counts, in_split, final = tally(run_dir)
        total = sum(v for (_, k), v in counts.items() if k == "runs")
        print(f"{run_dir}  (suite {version}; {total} train task-runs)")
        print(
            "label     tasks in train  task-runs  share  solved  paired with parent  discordant    tests differ"
        )
        for tier in (*DIFFICULTIES, "?"):
            runs = counts[tier, "runs"]
            if not runs and not in_split[tier]:
                continue
            paired = counts[tier, "paired"]
            print(
                f"{tier:8s}  {in_split[tier]:14d}  {runs:9d}  {runs / max(1, total):5.2f}"
                f"  {counts[tier, 'solved'] / max(1, runs):6.3f}  {paired:18d}"
                f"  {counts[tier, 'discordant']:4d} ({counts[tier, 'discordant'] / max(1, paired):.3f})"
                f"  {counts[tier, 'tests differ']:4d} ({counts[tier, 'tests differ'] / max(1, paired):.3f})"
            )
        print("\n".join(final))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
