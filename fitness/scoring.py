"""Trusted scoring: turn sandbox result lines into task scores, pick cascade samples, build records.

Pure: no processes, no I/O. Hidden expected values are compared here, on the trusted side, with
:func:`fitness.checkers.check` on plain JSON values parsed from the sandbox's output, so nothing a
solution returns can compare equal by its own ``__eq__``.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass

from fitness.checkers import check
from fitness.record import FitnessRecord, Outcome, TaskScore
from fitness.sandbox import ExecStatus, Execution
from fitness.sandbox.lines import LoadFailed, Raised, Returned
from fitness.tasks import Task

MAX_REASON = 200


@dataclass(frozen=True, slots=True)
class CascadeConfig:
    """Cascade evaluation: score a small sample of train tasks first, the rest only if promising.

    Attributes:
        enabled: off means every task of the split always runs.
        size: tasks in the first stage (the whole split when it has no more).
        factor: continue when ``cascade score >= parent's cascade score * factor``; with no parent score
            known, always continue.
    """

    enabled: bool = True
    size: int = 8
    factor: float = 0.9


@dataclass(frozen=True, slots=True)
class TestVerdict:
    """Hidden-test outcome of one solution on one task (before the LLM/time accounting)."""

    passed: int
    total: int
    reason: str
    visible: str = (
        ""  # the first visible example the solution got wrong, with its answer (see verdict_from_tests)
    )


def short_reason(text: str) -> str:
    """``text`` on one line, cut to :data:`MAX_REASON` characters."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def verdict_from_tests(task: Task, execution: Execution) -> TestVerdict:
    """Score ``task``'s hidden examples from the lines of a ``tests`` execution. Never raises.

    The first line claiming each test index counts; a test without a line (killed, crashed, forged
    garbage) fails. The reason is the first failure's, in a few words. Indices past the hidden tests are the
    task's visible examples (when the request carried them): they score nothing, but the first one the
    solution got wrong is described in ``visible`` — its call, the expected value and what came back — for
    a reflective rewrite. Visible examples are in the task's prompt, so this shows a seed nothing hidden.
    """
    total = len(task.hidden)
    first: dict[int, Returned | Raised] = {}
    for line in execution.replies():
        if isinstance(line, LoadFailed):
            return TestVerdict(0, total, short_reason(f"solution does not load: {line.reason}"))
        if isinstance(line, Returned | Raised) and line.index < total + len(task.visible):
            first.setdefault(line.index, line)
    passed = 0
    reason = ""
    for i, example in enumerate(task.hidden):
        claim = first.get(i)
        if claim is None:
            if not reason:
                reason = _missing_reason(execution, i)
            continue
        if isinstance(claim, Returned) and check(task, example, claim.value):
            passed += 1
        elif not reason:
            reason = f"test {i}: " + (claim.reason if isinstance(claim, Raised) else "wrong answer")
    visible = ""
    for k, example in enumerate(task.visible):
        claim = first.get(total + k)
        if claim is None or (isinstance(claim, Returned) and check(task, example, claim.value)):
            continue  # not run (the request had no visible examples, or time ran out), or right
        call = f"{task.entry_point}({', '.join(map(repr, example.args))})"
        got = f"raised {claim.reason}" if isinstance(claim, Raised) else f"returned {claim.value!r}"
        visible = short_reason(f"{call} should return {example.expected!r} but {got}")
        break
    return TestVerdict(passed, total, short_reason(reason), visible)


def _missing_reason(execution: Execution, index: int) -> str:
    if execution.status is ExecStatus.TIMEOUT:
        return f"test {index}: timed out (whole process tree killed)"
    if execution.status is ExecStatus.OVERSIZE:
        return f"test {index}: output over the size limit"
    if execution.status is ExecStatus.LOST:
        return f"test {index}: sandbox worker lost"
    if execution.signal:
        return f"test {index}: process killed by signal {execution.signal}"
    return f"test {index}: no result (the process exited early)"


def cascade_sample(tasks: Sequence[Task], size: int, key: str) -> tuple[Task, ...]:
    """A deterministic sample of ``size`` tasks (in suite order), the same for every seed with ``key``.

    Pure given ``key``: use the suite version so parents and children meet the same first stage.
    """
    if size >= len(tasks):
        return tuple(tasks)
    rng = random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))
    picked = set(rng.sample(range(len(tasks)), size))
    return tuple(t for i, t in enumerate(tasks) if i in picked)


def mean_score(scores: Sequence[TaskScore], n_tasks: int) -> float:
    """Mean task score over ``n_tasks`` tasks; tasks without a score count 0."""
    return sum(s.score for s in scores) / n_tasks if n_tasks else 0.0


def should_continue(cascade_score: float, parent_cascade: float | None, config: CascadeConfig) -> bool:
    """Run the rest of the split? Always when no parent score is known."""
    if parent_cascade is None:
        return True
    return cascade_score >= parent_cascade * config.factor


@dataclass(frozen=True, slots=True)
class RecordHeader:
    """What identifies an evaluation, shared by every record it produces."""

    seed_id: str
    suite: str
    suite_version: str
    split: str
    model: str


def make_record(
    header: RecordHeader,
    outcome: Outcome,
    scores: Sequence[TaskScore],
    n_tasks: int,
    *,
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
    seconds: float = 0.0,
    reason: str = "",
    stage: str = "full",
) -> FitnessRecord:
    """Assemble a :class:`FitnessRecord`; the aggregate is 0 unless the outcome is ``SCORED``."""
    aggregate = mean_score(scores, n_tasks) if outcome is Outcome.SCORED else 0.0
    return FitnessRecord(
        seed_id=header.seed_id,
        suite=header.suite,
        suite_version=header.suite_version,
        split=header.split,
        outcome=outcome,
        aggregate=aggregate,
        tasks=tuple(scores),
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        seconds=seconds,
        reason=short_reason(reason),
        stage=stage,
        model=header.model,
    )
