"""A seed's evidence on one split: its records there added up, and the Wilson interval of its pass rate.

A racing run archives one record per train block (suite version ``core-2/train/b3``); validation and holdout
records look like ``core-2/validation/validation24``; older runs wrote one whole-split record per evaluation
(``core-1`` or ``core-1/train12``). Evidence groups a seed's records by (suite, *base* version — the part
before the first ``/`` — split), so core-1 and core-2, or train and validation, are never added together.

Pure and never raises. This re-implements ``population.racing.wilson`` (lineage may not import population);
the two agree on z = 1.96, so the lower bound printed here is the train fitness the scheduler ranked by.
"""

from __future__ import annotations

import math

from fitness.record import FitnessRecord
from lineage.model import Evidence

Z95 = 1.96  # the scheduler's z (population.racing.wilson)


def wilson(passed: int, tasks: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval (95% by default) of ``passed`` out of ``tasks``; ``(0, 1)`` with no task. Pure."""
    if tasks <= 0:
        return 0.0, 1.0
    p = passed / tasks
    centre = (p + z * z / (2 * tasks)) / (1 + z * z / tasks)
    half = z * math.sqrt(p * (1 - p) / tasks + z * z / (4 * tasks * tasks)) / (1 + z * z / tasks)
    return max(0.0, centre - half), min(1.0, centre + half)


def base_version(suite_version: str) -> str:
    """``core-2`` for ``core-2/train/b3``, ``core-1/train12`` and ``core-1`` alike. Pure."""
    return suite_version.split("/", 1)[0]


def task_counts(record: FitnessRecord) -> tuple[int, int]:
    """(tasks run, tasks fully passed) of one record: every hidden test of a task must pass, as in the
    scheduler's pass vector. A record that stopped early (a crash) holds only the tasks it reached. Pure."""
    passed = sum(1 for t in record.tasks if t.total and t.passed == t.total)
    return len(record.tasks), passed


def make_evidence(suite: str, version: str, split: str, records: int, tasks: int, passed: int) -> Evidence:
    """An :class:`Evidence` with its pass rate and interval computed. Pure."""
    low, high = wilson(passed, tasks)
    rate = passed / tasks if tasks else None
    return Evidence(suite, version, split, records, tasks, passed, rate, low, high)
