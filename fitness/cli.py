"""``python -m fitness eval SEED.py --suite core|humaneval [--split …] [--model NAME]``.

Prints a per-task table (rich) and the aggregate, so anyone can score any seed file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from genome.errors import SeedpopError
from llm.models import DEFAULT_MODEL

if TYPE_CHECKING:
    from rich.console import Console

    from fitness.record import FitnessRecord
    from fitness.tasks import Suite


class SeedFileError(SeedpopError):
    """The seed file named on the command line cannot be read."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m fitness``."""
    parser = argparse.ArgumentParser(
        prog="python -m fitness", description="Score seeds on coding-task suites."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("eval", help="score one seed file and print a per-task table")
    ev.add_argument("seed", type=Path, help="the seed's Python file")
    ev.add_argument("--suite", default="core", help="task suite (core, humaneval)")
    ev.add_argument("--split", default="train", choices=["train", "validation", "holdout", "all"])
    ev.add_argument("--model", default=DEFAULT_MODEL, help="LLM name, .gguf path, endpoint URL, or 'none'")
    ev.add_argument("--tasks", type=int, default=0, help="score only the first N tasks of the split (0: all)")
    ev.add_argument("--tokens-per-task", type=int, default=4000, help="LLM token budget of one solve call")
    ev.add_argument("--json", action="store_true", help="print the FitnessRecord JSON instead of a table")
    return parser


def run_eval(args: argparse.Namespace) -> int:
    """Score ``args.seed`` with :func:`fitness.evaluate`; print the table; exit code 0 when ``scored``."""
    from rich.console import Console

    from fitness.api import evaluate
    from fitness.record import Outcome
    from fitness.suites import load_suite

    console = Console(width=None if sys.stdout.isatty() else 160)
    try:
        source = args.seed.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SeedFileError(
            f"cannot read seed file {str(args.seed)!r}: {err}; pass a UTF-8 Python file"
        ) from None
    suite = load_suite(args.suite)
    notes: list[str] = []

    def report(note: str) -> None:
        if note.startswith("sandbox:"):
            notes.append(note)  # printed under the table
        else:
            console.print(f"[yellow]{note}[/yellow]")

    record = evaluate(
        source,
        suite,
        args.split,
        model=args.model,
        tasks=args.tasks,
        tokens_per_task=args.tokens_per_task,
        fallback_to_none=True,
        report=report,
    )
    model = record.model
    if args.json:
        print(record.to_json())
        return 0 if record.outcome is Outcome.SCORED else 1
    _print_record(
        console, record, suite, f"{args.seed.name} on {suite.version} ({args.split}), model {model}"
    )
    for note in notes:
        console.print(note)
    return 0 if record.outcome is Outcome.SCORED else 1


def _print_record(console: Console, record: FitnessRecord, suite: Suite, title: str) -> None:
    """The per-task table and the totals line."""
    from rich.table import Table

    by_id = {t.id: t for t in suite.tasks}
    table = Table(title=title)
    for column in ("task", "difficulty", "passed", "score", "tokens", "seconds", "reason"):
        table.add_column(
            column, justify="right" if column in ("passed", "score", "tokens", "seconds") else "left"
        )
    for t in record.tasks:
        table.add_row(
            t.task_id,
            by_id[t.task_id].difficulty if t.task_id in by_id else "",
            f"{t.passed}/{t.total}",
            f"{t.score:.2f}",
            str(t.tokens),
            f"{t.seconds:.2f}",
            t.reason[:80],
        )
    console.print(table)
    console.print(
        f"outcome [bold]{record.outcome.value}[/bold]  aggregate [bold]{record.aggregate:.4f}[/bold]  "
        f"tasks {len(record.tasks)}  fully passed {len(record.behaviour)}  "
        f"tokens {record.prompt_tokens}+{record.completion_tokens}  seconds {record.seconds:.1f}"
    )
    if record.reason:
        console.print(f"reason: {record.reason}")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; deliberate errors print one line and exit 2."""
    args = build_parser().parse_args(argv)
    try:
        return run_eval(args)
    except SeedpopError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
