"""Paired statistics on pass vectors: the racing rule, the promotion rule and the confidence interval.

A seed's evidence is its *pass vector*: task id → its score on that task in [0, 1] for each train task it ran —
1.0 or 0.0 (every hidden test passed or not; config ``evidence = "tasks"``), or the fraction of hidden tests
passed (``evidence = "tests"``: partial credit, so two seeds that both miss a task still compare).
Every seed runs the same shuffled blocks in the same order, so two seeds' vectors share the tasks of the
blocks both ran; every comparison here is *paired* on those common tasks, which removes the task-difficulty
variance that made one unpaired 12-task score worth ±0.14. All functions are pure and never raise.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

Evidence = Mapping[str, float]  # task id → score in [0, 1] (1.0: every hidden test passed)


@dataclass(frozen=True, slots=True)
class Paired:
    """Two seeds on their common tasks: ``wins`` (a scores higher: a passes and b fails, or with partial
    credit a passes more of the task's tests), ``losses`` (b higher), ``n`` common tasks (ties are
    ``n − wins − losses``)."""

    wins: int
    losses: int
    n: int


def paired(a: Evidence, b: Evidence) -> Paired:
    """``a`` against ``b`` on the tasks both ran. Pure."""
    common = a.keys() & b.keys()
    wins = sum(1 for t in common if a[t] > b[t])
    losses = sum(1 for t in common if b[t] > a[t])
    return Paired(wins, losses, len(common))


def sign_p(wins: int, losses: int) -> float:
    """One-sided exact sign test (McNemar's exact test on the discordant pairs): the chance of ``wins`` or
    fewer among ``wins + losses`` discordant tasks if both seeds were equally good. 1.0 with no discordant
    task. Pure."""
    n = wins + losses
    if n == 0:
        return 1.0
    return sum(math.comb(n, k) for k in range(wins + 1)) / 2**n


def clearly_behind(child: Evidence, parent: Evidence, alpha: float) -> bool:
    """The racing rule: the child is clearly behind its parent when the one-sided sign test on their
    discordant common tasks gives ``p ≤ alpha``. Pure."""
    p = paired(child, parent)
    return p.losses > p.wins and sign_p(p.wins, p.losses) <= alpha


def beats(challenger: Evidence, elite: Evidence, min_tasks: int) -> bool:
    """The promotion rule: on at least ``min_tasks`` common tasks the challenger passes strictly more of them
    than the elite (more discordant wins than losses). Pure."""
    p = paired(challenger, elite)
    return p.n >= min_tasks and p.wins > p.losses


def task_score(passed: int, total: int, evidence: str) -> float:
    """One task's entry in a pass vector: with ``evidence = "tasks"`` 1.0 when every one of ``total`` hidden
    tests passed, else 0.0; with ``"tests"`` the fraction passed. 0.0 when no test ran. Pure."""
    if total <= 0:
        return 0.0
    if evidence == "tests":
        return min(1.0, max(0.0, passed / total))
    return 1.0 if passed == total else 0.0


def pass_rate(evidence: Evidence) -> float:
    """Mean score over the tasks run: the fraction passed, or with partial credit the mean fraction of tests
    passed (0.0 with no evidence). Pure."""
    return sum(evidence.values()) / len(evidence) if evidence else 0.0


def wilson(evidence: Evidence, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval (95% by default) of the pass rate; ``(0, 1)`` with no evidence. With partial
    credit the scores are fractions: a [0, 1] variable with mean p has variance at most p(1 − p), so the
    interval is conservative there. Pure."""
    n = len(evidence)
    if n == 0:
        return 0.0, 1.0
    p = pass_rate(evidence)
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def lower_bound(evidence: Evidence) -> float:
    """The Wilson lower bound: a seed's train fitness for ranking, so a lucky short record never outranks a
    long good one (the winner's curse of ranking by the mean). Pure."""
    return wilson(evidence)[0]
