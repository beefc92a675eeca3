"""Print a suite's composition: ``python -m fitness.suites.describe [core|humaneval ...] [--measured FILE]``.

Counts tasks by split × family × difficulty (a task's family is its first tag), and by tag. When a
difficulty measurement exists (``bench/difficulty.py`` writes ``bench/results/difficulty.jsonl``), it also
prints each split's histogram of measured solve rates under the default model.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from fitness.suites import load_suite
from fitness.tasks import DIFFICULTIES, SPLITS, Suite

MEASURED = Path("bench/results/difficulty.jsonl")
"""Default measurement file, relative to the working directory (the repository root)."""
BINS: tuple[tuple[float, float, str], ...] = (
    (0.0, 0.0, "0"),
    (0.0, 0.25, "(0, 0.25]"),
    (0.25, 0.5, "(0.25, 0.5]"),
    (0.5, 0.75, "(0.5, 0.75]"),
    (0.75, 1.0, "(0.75, 1)"),
    (1.0, 1.0, "1"),
)
"""Solve-rate histogram bins (lo, hi, label): exactly 0, half-open quarters, exactly 1."""
LABELS: tuple[tuple[float, str], ...] = ((0.9, "trivial"), (0.6, "easy"), (0.2, "medium"), (0.0, "hard"))
"""Measured solve rate → difficulty label: the first row whose bound the rate reaches."""


def label_for(rate: float) -> str:
    """The difficulty label of a measured solve rate (see :data:`LABELS`). Pure."""
    return next(name for bound, name in LABELS if rate >= bound)


def measured_runs(
    path: Path, version: str, model: str, digests: Mapping[str, str] | None = None
) -> dict[str, list[tuple[bool, float]]]:
    """Task id → its recorded (seed, sample) runs of ``model`` on suite ``version``, each as (passed every
    hidden test, fraction of hidden tests passed). Empty when ``path`` does not exist; unreadable lines (a run
    killed mid-write) are skipped; records of other suite versions are never mixed in.

    With ``digests`` (task id → :attr:`Task.digest`), a row counts only when it names its task's current
    digest: a task whose prompt or tests were edited after it was measured has no measurement until it is
    measured again, and a task no longer in the suite is left out."""
    runs: dict[str, list[tuple[bool, float]]] = {}
    if not path.exists():
        return {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(row, dict) or row.get("suite_version") != version or row.get("model") != model:
            continue
        task = str(row.get("task"))
        if digests is not None and (task not in digests or row.get("task_digest") != digests[task]):
            continue
        total = int(row.get("total") or 0)
        fraction = int(row.get("passed") or 0) / total if total > 0 else 0.0
        runs.setdefault(task, []).append((bool(row.get("solved")), fraction))
    return runs


def solve_rates(
    path: Path, version: str, model: str, digests: Mapping[str, str] | None = None
) -> dict[str, float]:
    """Task id → measured solve rate: the fraction of its runs (:func:`measured_runs`) that passed every
    hidden test."""
    runs = measured_runs(path, version, model, digests)
    return {task: sum(ok for ok, _ in v) / len(v) for task, v in runs.items()}


def partial_spread(
    path: Path, version: str, model: str, digests: Mapping[str, str] | None = None
) -> dict[str, bool]:
    """Task id → whether its runs passed different fractions of its hidden tests: the task tells seeds apart
    under partial credit (the run config's ``evidence = "tests"``) even when none or all of them solve it."""
    runs = measured_runs(path, version, model, digests)
    return {task: len({fraction for _, fraction in v}) > 1 for task, v in runs.items()}


def bin_of(rate: float) -> str:
    """The histogram bin label of a solve rate in [0, 1]. Pure."""
    if rate <= 0.0:
        return "0"
    if rate >= 1.0:
        return "1"
    return next(label for lo, hi, label in BINS if lo < rate <= hi)


def family(task_tags: tuple[str, ...], task_id: str) -> str:
    return task_tags[0] if task_tags else task_id


def composition(suite: Suite) -> str:
    """Markdown tables: difficulty × split, family × split (with difficulty counts), tag × split. Pure."""
    by_split = Counter((t.difficulty, t.split) for t in suite.tasks)
    sizes = Counter(t.split for t in suite.tasks)
    hidden = sum(t.hidden_count for t in suite.tasks)
    head = " | ".join(SPLITS)
    rule = "|---|" + "---:|" * (len(SPLITS) + 1)
    lines = [
        f"suite {suite.name} ({suite.version}): {len(suite.tasks)} tasks, "
        + " / ".join(f"{sizes[s]} {s}" for s in SPLITS)
        + f", {hidden} hidden tests",
        "",
        f"| difficulty | {head} | total |",
        rule,
    ]
    for difficulty in DIFFICULTIES:
        row = [by_split[(difficulty, s)] for s in SPLITS]
        if sum(row):
            lines.append(f"| {difficulty} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    lines.append("| **all** | " + " | ".join(str(sizes[s]) for s in SPLITS) + f" | {len(suite.tasks)} |")
    fam = Counter((family(t.tags, t.id), t.split, t.difficulty) for t in suite.tasks)
    families = list(dict.fromkeys(family(t.tags, t.id) for t in suite.tasks))
    short = "/".join(d[0] for d in DIFFICULTIES)
    lines += ["", f"| family ({short}) | {head} | total |", rule]
    for name in families:
        cells = []
        for s in SPLITS:
            counts = [fam[(name, s, d)] for d in DIFFICULTIES]
            cells.append(f"{sum(counts)} ({'/'.join(map(str, counts))})")
        total = sum(fam[(name, s, d)] for s in SPLITS for d in DIFFICULTIES)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {total} |")
    tags = Counter((tag, t.split) for t in suite.tasks for tag in t.tags)
    names = sorted({tag for tag, _ in tags}, key=lambda tag: (-sum(tags[(tag, s)] for s in SPLITS), tag))
    lines += ["", f"| tag | {head} | total |", rule]
    for tag in names:
        row = [tags[(tag, s)] for s in SPLITS]
        lines.append(f"| {tag} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    return "\n".join(lines)


def histogram(
    suite: Suite, rates: Mapping[str, float], model: str, spread: Mapping[str, bool] | None = None
) -> str:
    """Markdown table: per split, how many tasks fall in each measured solve-rate bin; with ``spread``
    (:func:`partial_spread`) also the share of tasks whose runs passed different fractions of tests. Pure."""
    measured = [t for t in suite.tasks if t.id in rates]
    head = " | ".join(SPLITS)
    lines = [
        f"measured solve rate ({model}, {len(measured)} of {len(suite.tasks)} tasks measured)",
        "",
        f"| solve rate | {head} |",
        "|---|" + "---:|" * len(SPLITS),
    ]
    counts = Counter((bin_of(rates[t.id]), t.split) for t in measured)
    for _, _, label in BINS:
        lines.append(f"| {label} | " + " | ".join(str(counts[(label, s)]) for s in SPLITS) + " |")
    inside = Counter(t.split for t in measured if 0.0 < rates[t.id] < 1.0)
    total = Counter(t.split for t in measured)
    share = [f"{inside[s] / total[s]:.0%}" if total[s] else "-" for s in SPLITS]
    lines.append("| **in (0, 1)** | " + " | ".join(share) + " |")
    if spread is not None:
        differs = Counter(t.split for t in measured if spread.get(t.id))
        share = [f"{differs[s] / total[s]:.0%}" if total[s] else "-" for s in SPLITS]
        lines.append("| **tests passed differ** | " + " | ".join(share) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the composition of each named suite (default: core), and its measured histogram if any."""
    from llm.models import DEFAULT_MODEL

    parser = argparse.ArgumentParser(prog="python -m fitness.suites.describe")
    parser.add_argument("suites", nargs="*", default=["core"])
    parser.add_argument("--measured", type=Path, default=MEASURED, help="bench/difficulty.py results")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="the model whose measurement to show")
    args = parser.parse_args(argv)
    for n, name in enumerate(args.suites):
        suite = load_suite(name)
        print(("\n" if n else "") + composition(suite))
        digests = {t.id: t.digest for t in suite.tasks}
        rates = solve_rates(args.measured, suite.version, args.model, digests)
        if rates:
            spread = partial_spread(args.measured, suite.version, args.model, digests)
            print("\n" + histogram(suite, rates, args.model, spread))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
