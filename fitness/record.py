"""The fitness record: what scoring one seed produced. Crosses every module boundary, so it is a frozen
dataclass with a stable JSON form (``to_json``/``from_json``), never pickled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum

from genome.errors import SeedpopError

RECORD_SCHEMA = 1


class Outcome(Enum):
    """How an evaluation ended. Only ``SCORED`` records carry meaningful per-task scores."""

    SCORED = "scored"
    CRASHED = "crashed"
    TIMED_OUT = "timed_out"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class TaskScore:
    """One task's result.

    Attributes:
        task_id: the task's id in its suite.
        passed: hidden tests passed.
        total: hidden tests run.
        reason: why tests failed, in a few words ("" when all passed).
        tokens: LLM tokens (prompt + completion) the seed spent on this task.
        seconds: wall-clock seconds spent on this task, solve and tests together.
        visible: the first of the task's visible examples the solution got wrong — the call, the expected
            value and what it returned or raised — or ``""`` (all right, or not run). Visible examples are in
            the prompt, so a seed may be shown this (reflective rewrites are); never a hidden test's detail.
    """

    task_id: str
    passed: int
    total: int
    reason: str = ""
    tokens: int = 0
    seconds: float = 0.0
    visible: str = ""

    @property
    def score(self) -> float:
        """Fraction of hidden tests passed, in [0, 1]."""
        return self.passed / self.total if self.total else 0.0

    @property
    def clock_bound(self) -> bool:
        """Whether the task failed because the solve ran out of wall-clock time (:func:`clock_bound`)."""
        return clock_bound(self.reason)


CLOCK_BOUND = ("DeadlineExceeded", "solve timed out")
"""Reasons that say the solve ran out of wall-clock time (the LLM deadline, the solve timeout): on a loaded
machine those measure the load, not the seed. A hidden test that times out (``test N: timed out``, after 3 s
where a reference takes milliseconds) is the answer's failure, most often an infinite loop, and is not one."""


def clock_bound(reason: str) -> bool:
    """Whether a task's failure reason is a deadline or timeout of the solve rather than the seed's answer."""
    return any(mark in reason for mark in CLOCK_BOUND)


@dataclass(frozen=True, slots=True)
class FitnessRecord:
    """The outcome of scoring one seed on one suite split.

    Attributes:
        seed_id: the scored program's id (``genome.seed_id``).
        suite: suite name, e.g. ``"core"``.
        suite_version: version of the suite data the scores refer to.
        split: ``"train"``, ``"holdout"`` or ``"all"``.
        outcome: how the evaluation ended.
        aggregate: mean task score over the tasks of the split, in [0, 1] (tasks not run count 0).
        tasks: per-task results, in suite order.
        prompt_tokens: LLM prompt tokens over the whole evaluation.
        completion_tokens: LLM completion tokens over the whole evaluation.
        seconds: wall-clock seconds of the whole evaluation.
        reason: why the outcome is not ``SCORED`` (or why the cascade stopped), in one line.
        stage: ``"full"`` when every task of the split ran, ``"cascade"`` when the cascade stopped early.
        model: the LLM the seed used.
    """

    seed_id: str
    suite: str
    suite_version: str
    split: str
    outcome: Outcome
    aggregate: float
    tasks: tuple[TaskScore, ...] = ()
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    reason: str = ""
    stage: str = "full"
    model: str = ""
    schema: int = field(default=RECORD_SCHEMA)

    @property
    def behaviour(self) -> frozenset[str]:
        """Behaviour signature: the ids of the tasks whose hidden tests all passed."""
        return frozenset(t.task_id for t in self.tasks if t.total and t.passed == t.total)

    def to_json(self) -> str:
        """Stable JSON (sorted keys, no whitespace): equal records give equal bytes."""
        data = {
            "schema": self.schema,
            "seed_id": self.seed_id,
            "suite": self.suite,
            "suite_version": self.suite_version,
            "split": self.split,
            "outcome": self.outcome.value,
            "aggregate": self.aggregate,
            # ``visible`` only when set, so a record without it has the bytes (and id) it always had
            "tasks": [
                [t.task_id, t.passed, t.total, t.reason, t.tokens, t.seconds]
                + ([t.visible] if t.visible else [])
                for t in self.tasks
            ],
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "seconds": self.seconds,
            "reason": self.reason,
            "stage": self.stage,
            "model": self.model,
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes) -> FitnessRecord:
        """Inverse of :meth:`to_json`.

        Raises:
            RecordError: the text is not a record of a known schema.
        """
        try:
            data = json.loads(text)
            if data.get("schema") != RECORD_SCHEMA:
                raise RecordError(
                    f"fitness record has schema {data.get('schema')!r}, this seedpop reads {RECORD_SCHEMA}"
                )
            tasks = tuple(
                TaskScore(
                    str(t[0]),
                    int(t[1]),
                    int(t[2]),
                    str(t[3]),
                    int(t[4]),
                    float(t[5]),
                    str(t[6]) if len(t) > 6 else "",
                )
                for t in data["tasks"]
            )
            return cls(
                seed_id=str(data["seed_id"]),
                suite=str(data["suite"]),
                suite_version=str(data["suite_version"]),
                split=str(data["split"]),
                outcome=Outcome(data["outcome"]),
                aggregate=float(data["aggregate"]),
                tasks=tasks,
                prompt_tokens=int(data["prompt_tokens"]),
                completion_tokens=int(data["completion_tokens"]),
                seconds=float(data["seconds"]),
                reason=str(data["reason"]),
                stage=str(data["stage"]),
                model=str(data["model"]),
            )
        except RecordError:
            raise
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as err:
            raise RecordError(f"not a fitness record: {type(err).__name__}: {err}") from None


class RecordError(SeedpopError):
    """Text that should be a fitness record is not one."""
