"""Versioned JSON messages on the run's streams. Never pickle: a message is ``{"v", "kind", "data"}`` strings.

Jobs are self-contained and idempotent: a job carries every source text it needs (a worker never reads the
archive), and running it twice gives the same answer up to LLM sampling, so a later reclaim may retry it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from population.errors import PopulationError

WIRE_VERSION = (
    3  # 2: evaluate jobs name their tasks (racing blocks); reproduce jobs carry failures; 3: job_failed
)


class MessageError(PopulationError):
    """A stream entry that is not a message of this version."""


@dataclass(frozen=True, slots=True)
class ReproduceJob:
    """Run ``reflect(history)`` then ``reproduce`` of a parent in the seed sandbox.

    Attributes:
        job_id: unique within the run; also the lineage proposal tag of its children.
        parent_id: the parent's seed id.
        parent_source: the parent's exact text.
        n: children wanted.
        rng_seed: passed to ``reproduce`` (derived from the run seed, the parent and the job's index).
        partner_id: a second parent offered for crossover ("" when none).
        partner_source: its text ("" when none).
        history: what the parent's ``reflect`` sees (plain dicts, seeds/README.md).
        island: the island the parent was picked on.
        generation: the children's generation.
        failures: up to 5 of the parent's failed train tasks, ``{"task_id", "prompt", "entry_point",
            "reason"}``, passed to a ``reproduce`` that names ``failures`` (a reflective rewrite).
    """

    KIND: ClassVar[str] = "reproduce"
    job_id: str
    parent_id: str
    parent_source: str
    n: int
    rng_seed: int
    partner_id: str = ""
    partner_source: str = ""
    history: tuple[dict[str, Any], ...] = ()
    island: int = 0
    generation: int = 1
    failures: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CrossoverJob:
    """Cross two parents with the genome's own crossover (``genome.crossover``, trusted code: it parses, never
    runs, the parents). The manager chooses the pair; a worker does the parsing, so the manager's loop stays
    light. Answered by a :class:`ReproduceDone` with at most one child.

    Attributes:
        job_id: unique within the run; also the lineage proposal tag of the child.
        parent_id, parent_source: the first parent (the child's ``parent_id`` in genome terms).
        partner_id, partner_source: the second parent.
        rng_seed: seeds the crossover's ``random.Random`` (derived from the run seed and the job's index).
        island: the island the pair was picked on.
        generation: the child's generation.
    """

    KIND: ClassVar[str] = "crossover"
    job_id: str
    parent_id: str
    parent_source: str
    partner_id: str
    partner_source: str
    rng_seed: int
    island: int = 0
    generation: int = 1


@dataclass(frozen=True, slots=True)
class EvaluateJob:
    """Score a seed on some tasks of a suite split: one train block, or the final validation/holdout sample.

    Attributes:
        job_id: unique within the run.
        seed_id: the seed's id (``genome.seed_id``).
        source: its exact text.
        suite: task suite name.
        split: ``"train"``, ``"validation"`` or ``"holdout"``.
        tasks: the task ids to score, in order (empty: the whole split).
        label: names the part in the record's suite version (``b3``: train block 3; ``validation24``).
        inbox: island messages the seed's ``tools.inbox()`` returns (train evaluations only; a worker
            ignores an inbox on any other split).
    """

    KIND: ClassVar[str] = "evaluate"
    job_id: str
    seed_id: str
    source: str
    suite: str
    split: str = "train"
    tasks: tuple[str, ...] = ()
    label: str = ""
    inbox: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReproduceDone:
    """Children of a :class:`ReproduceJob` (raw texts, untrusted) and the parent's reflection; also the answer
    to a :class:`CrossoverJob` (its child, if the parents had anything to exchange).

    ``checked`` holds, per child, ``(canonical text or "", problem or "")`` as the worker's
    ``population.intake.check_child`` found them (the worker is trusted; the sandbox is not).

    ``busy_s`` is the wall time the worker spent inside the sandboxes (LLM included); ``seconds`` the whole job;
    ``cpu_s`` the CPU time the worker's own thread spent on the job outside the sandboxes (its overhead; 0 from
    a worker that predates the field). ``code_cpu_s`` is the CPU the sandboxes spent executing the seed's code
    (``population.accounting``).
    """

    KIND: ClassVar[str] = "reproduce_done"
    job_id: str
    children: tuple[str, ...]
    checked: tuple[tuple[str, str], ...] = ()
    operators: tuple[str, ...] = ()  # the seed's label per child ("" when it gave none)
    reflection: dict[str, Any] = field(default_factory=dict)
    worker: str = ""
    seconds: float = 0.0
    busy_s: float = 0.0
    problems: tuple[str, ...] = ()  # why children were dropped or cut, or why reproduce failed
    cpu_s: float = 0.0
    code_cpu_s: float = 0.0  # CPU of the sandboxed seed code (reflect + reproduce; 0 for a crossover)


@dataclass(frozen=True, slots=True)
class EvaluateDone:
    """The fitness record of an :class:`EvaluateJob` (``FitnessRecord.to_json``) and its cascade score;
    ``seconds``, ``busy_s`` and ``cpu_s`` as for :class:`ReproduceDone`."""

    KIND: ClassVar[str] = "evaluate_done"
    job_id: str
    record: str
    cascade_score: float | None = None
    published: tuple[str, ...] = ()
    worker: str = ""
    seconds: float = 0.0
    busy_s: float = 0.0
    cpu_s: float = 0.0
    digests: dict[str, str] = field(default_factory=dict)  # task id → behaviour digest (fitness.harness)
    code_cpu_s: float = 0.0  # CPU of the sandboxed seed and solution code (solve, hidden tests)


@dataclass(frozen=True, slots=True)
class JobFailed:
    """A job the workers gave up on: running it raised an error of the worker's own (a bug of the framework,
    not the seed's doing) on every one of its deliveries, or it was delivered
    ``population.worker.MAX_DELIVERIES`` times without a result (its loops died or stalled on it). The manager
    drops it and counts it; no seed is scored by it."""

    KIND: ClassVar[str] = "job_failed"
    job_id: str
    error: str
    worker: str = ""
    deliveries: int = 0


Message = ReproduceJob | CrossoverJob | EvaluateJob | ReproduceDone | EvaluateDone | JobFailed
_TYPES: dict[str, type[Message]] = {
    t.KIND: t for t in (ReproduceJob, CrossoverJob, EvaluateJob, ReproduceDone, EvaluateDone, JobFailed)
}


def encode(message: Message) -> dict[str, str]:
    """Stream fields of ``message``: ``{"v": "1", "kind": ..., "data": JSON}``. Pure."""
    data = {f.name: getattr(message, f.name) for f in fields(message)}
    return {"v": str(WIRE_VERSION), "kind": message.KIND, "data": json.dumps(data, sort_keys=True)}


def _text(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def decode(entry: dict[Any, Any]) -> Message:
    """Inverse of :func:`encode` (accepts the bytes Redis returns).

    Raises:
        MessageError: another wire version, an unknown kind, or malformed data.
    """
    fields_ = {_text(k): _text(v) for k, v in entry.items()}
    if fields_.get("v") != str(WIRE_VERSION):
        raise MessageError(
            f"message has wire version {fields_.get('v')!r}, this seedpop speaks {WIRE_VERSION}"
        )
    kind = fields_.get("kind", "")
    cls = _TYPES.get(kind)
    if cls is None:
        raise MessageError(f"unknown message kind {kind!r}; known: {', '.join(sorted(_TYPES))}")
    try:
        data = json.loads(fields_["data"])
        names = {f.name for f in fields(cls)}
        for name in (
            "history",
            "children",
            "published",
            "operators",
            "problems",
            "tasks",
            "failures",
            "inbox",
        ):
            if name in data and name in names:
                data[name] = tuple(data[name])
        if "checked" in data and "checked" in names:
            data["checked"] = tuple((str(c), str(p)) for c, p in data["checked"])
        return cls(**{k: v for k, v in data.items() if k in names})
    except (KeyError, TypeError, ValueError) as err:
        raise MessageError(f"malformed {kind} message: {type(err).__name__}: {err}") from None
