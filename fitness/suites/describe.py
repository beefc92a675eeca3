"""Print a suite's composition: ``python -m fitness.suites.describe [core|humaneval ...]``.

Counts tasks by difficulty and split, and by tag (a task with several tags counts once per tag).
"""

from __future__ import annotations

import sys
from collections import Counter

from fitness.suites import load_suite
from fitness.tasks import DIFFICULTIES, SPLITS, Suite


def composition(suite: Suite) -> str:
    """A Markdown table of counts by difficulty × split, then one by tag × split. Pure."""
    by_split = Counter((t.difficulty, t.split) for t in suite.tasks)
    hidden = sum(t.hidden_count for t in suite.tasks)
    lines = [
        f"suite {suite.name} ({suite.version}): {len(suite.tasks)} tasks, {len(suite.train())} train / "
        f"{len(suite.holdout())} holdout, {hidden} hidden tests",
        "",
        "| difficulty | train | holdout | total |",
        "|---|---:|---:|---:|",
    ]
    for difficulty in DIFFICULTIES:
        row = [by_split[(difficulty, s)] for s in SPLITS]
        if sum(row):
            lines.append(f"| {difficulty} | {row[0]} | {row[1]} | {sum(row)} |")
    lines.append(f"| **all** | {len(suite.train())} | {len(suite.holdout())} | {len(suite.tasks)} |")
    tags = Counter((tag, t.split) for t in suite.tasks for tag in t.tags)
    names = sorted({tag for tag, _ in tags}, key=lambda tag: (-sum(tags[(tag, s)] for s in SPLITS), tag))
    lines += ["", "| tag | train | holdout | total |", "|---|---:|---:|---:|"]
    for tag in names:
        row = [tags[(tag, s)] for s in SPLITS]
        lines.append(f"| {tag} | {row[0]} | {row[1]} | {sum(row)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the composition of each named suite (default: core)."""
    for n, name in enumerate(argv if argv else ["core"]):
        print(("\n" if n else "") + composition(load_suite(name)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
