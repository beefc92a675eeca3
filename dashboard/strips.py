"""A seed's per-task results, one strip per (split, suite version) over every record its evidence counts.

Under racing a seed has one train record per block of 4 tasks; showing one record at a time hid most of what
it did. :func:`strips` joins the records of one split and base version (``core-2/train/b0``,
``core-2/train/b1`` … → ``core-2``) into one strip, in the order given (blocks in order), so the strip is
exactly the evidence the seed's pass rate and interval are computed from. Pure; no Dash, no SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fitness.record import FitnessRecord, Outcome
from lineage import base_version, wilson


@dataclass(frozen=True, slots=True)
class Strip:
    """The joined records of one split and base version.

    Attributes:
        split: ``"train"``, ``"validation"``, ``"holdout"`` …
        version: the base suite version (``"core-2"``).
        records: how many records were joined.
        tasks: (cell label, tests passed, tests run, reason) per task result, in record order; a task that
            appears in two records (a whole-split record beside block records of an older run) is labelled
            ``task (2)`` the second time, so no cell hides another.
        passed: task results whose hidden tests all passed.
        tokens: prompt + completion tokens over the records.
        seconds: wall seconds over the records.
        notes: ``outcome: reason`` of each record that did not score normally (invalid, crashed, …).
    """

    split: str
    version: str
    records: int
    tasks: tuple[tuple[str, int, int, str], ...]
    passed: int
    tokens: int
    seconds: float
    notes: tuple[str, ...]

    @property
    def interval(self) -> tuple[float, float]:
        """The Wilson 95% interval of the pass rate (``(0, 1)`` with no task)."""
        return wilson(self.passed, len(self.tasks))

    def title(self) -> str:
        """One line: what was run, how much passed, the interval, the cost, and any failed record."""
        n = len(self.tasks)
        low, high = self.interval
        rate = f"{self.passed / n:.3f}, 95% interval {low:.2f}–{high:.2f}" if n else "no task result"
        blocks = f"{self.records} records" if self.records != 1 else "1 record"
        text = (
            f"{self.split} on {self.version}: {self.passed}/{n} tasks passed ({rate}) · {blocks}, "
            f"{self.tokens} tokens, {self.seconds:.1f} s"
        )
        return text + (" — " + "; ".join(self.notes) if self.notes else "")


def strips(records: Sequence[FitnessRecord]) -> list[Strip]:
    """Group ``records`` by (split, base version), keeping the order in which each group first appears and
    the records' order within it. Pure."""
    groups: dict[tuple[str, str], list[FitnessRecord]] = {}
    for rec in records:
        groups.setdefault((rec.split, base_version(rec.suite_version)), []).append(rec)
    out = []
    for (split, version), recs in groups.items():
        seen: dict[str, int] = {}
        cells = []
        passed = 0
        for rec in recs:
            for t in rec.tasks:
                seen[t.task_id] = seen.get(t.task_id, 0) + 1
                label = t.task_id if seen[t.task_id] == 1 else f"{t.task_id} ({seen[t.task_id]})"
                cells.append((label, t.passed, t.total, t.reason))
                passed += bool(t.total and t.passed == t.total)
        notes = tuple(
            f"{r.outcome.value}: {r.reason}" if r.reason else r.outcome.value
            for r in recs
            if r.outcome is not Outcome.SCORED
        )
        out.append(
            Strip(
                split,
                version,
                len(recs),
                tuple(cells),
                passed,
                sum(r.prompt_tokens + r.completion_tokens for r in recs),
                sum(r.seconds for r in recs),
                notes,
            )
        )
    return out
