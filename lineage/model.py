"""Values the archive hands across module boundaries: frozen dataclasses and enums."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class AddStatus(Enum):
    """What :meth:`lineage.Archive.add` did.

    * ``NEW``: the seed was not in the archive; it is now, with the edge that proposed it.
    * ``DUPLICATE``: the seed was already there (a re-discovery); the proposing edge was recorded.
    * ``ALREADY_RECORDED``: this very proposal (same key: child, source text, parents, operator,
      generation, island, run, proposal tag) was recorded before, e.g. a retried job; nothing was written.
    """

    NEW = "new"
    DUPLICATE = "duplicate"
    ALREADY_RECORDED = "already_recorded"


@dataclass(frozen=True, slots=True)
class Proposal:
    """One child to add (the argument of :meth:`lineage.Archive.add_many`).

    Attributes:
        source: the exact text proposed.
        parents: seed ids of its parents, all already in the archive (or earlier in the same batch).
        operator: how it was made; ``"origin"`` for a root.
        generation: generation it was proposed in.
        island: island it was proposed on.
        run: id of the run object (``Archive.add_run``), or None.
        proposal: the caller's tag for this proposal (job id + child index), so that a retried job is
            recorded once while a genuine re-discovery is recorded again; "" when none.
        canonical: ``genome.canonical_source(source)`` if the caller already has it (it must be exactly
            that); saves a parse.
        time: seconds since the epoch to record; None for now.
    """

    source: str
    parents: tuple[str, ...] = ()
    operator: str = "origin"
    generation: int = 0
    island: int = 0
    run: str | None = None
    proposal: str = ""
    canonical: str | None = None
    time: float | None = None


@dataclass(frozen=True, slots=True)
class AddResult:
    """The outcome of adding one proposal."""

    status: AddStatus
    seed_id: str
    edge_id: str


@dataclass(frozen=True, slots=True)
class RecordResult:
    """The outcome of adding one fitness record: ``NEW`` or ``ALREADY_RECORDED``."""

    status: AddStatus
    record_id: str


@dataclass(frozen=True, slots=True)
class SeedSummary:
    """One seed as the index knows it.

    Attributes:
        id: seed id.
        generation, island, operator, time: of its birth (its earliest edge by time, then edge id).
        proposals: how many edges proposed it (1 + the number of re-discoveries).
        best: its highest single record aggregate, None when it has no record. In a racing run that is one
            block of 4 tasks: read ``train`` for the seed's fitness.
        train: its train evidence, all blocks added up (of the suite version where its lower bound is
            highest, when it was scored on several); None when it has no train record.
    """

    id: str
    generation: int
    island: int
    operator: str
    time: float
    proposals: int
    best: float | None
    train: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A seed's results on one split of one suite version, all its records there added up.

    Attributes:
        suite: suite name (``"core"``).
        version: base suite version (``"core-2"``): records ``core-2/train/b0``, ``core-2/train/b1`` … and a
            whole-split ``core-2`` record all count here; ``core-1`` records never do.
        split: ``"train"``, ``"validation"``, ``"holdout"`` …
        records: records counted (one per block; a block scored twice counts once, its longest record).
        tasks: task results in those records (tasks run).
        passed: tasks whose hidden tests all passed.
        rate: ``passed / tasks``; None with no task.
        low, high: the Wilson 95% interval of the pass rate (``(0, 1)`` with no task). ``low`` on train is
            the seed's fitness: what the scheduler ranks by and ``best`` sorts on.
    """

    suite: str
    version: str
    split: str
    records: int
    tasks: int
    passed: int
    rate: float | None
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Ranked:
    """A row of :meth:`lineage.Archive.best`: the seed, and the evidence it was ranked by."""

    seed: SeedSummary
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Relative:
    """A seed reached from another one, and how many generations of edges away (1 = parent/child)."""

    id: str
    depth: int


@dataclass(frozen=True, slots=True)
class OperatorStats:
    """How one operator did: proposals, how many were new, and the fitness (train lower bound) of the
    children it made: ``scored`` of them have train evidence, ``mean`` and ``best`` are over those."""

    operator: str
    proposals: int
    new: int
    duplicates: int
    scored: int
    mean: float | None
    best: float | None


@dataclass(frozen=True, slots=True)
class GenerationStats:
    """Seeds born in one generation and their fitness (train lower bound of each; see ``Evidence.low``)."""

    generation: int
    seeds: int
    proposals: int
    scored: int
    mean: float | None
    best: float | None


@dataclass(frozen=True, slots=True)
class Counts:
    """Sizes of the archive; ``dedup_hits`` = proposals of a seed already there (edges − seeds)."""

    seeds: int
    edges: int
    records: int
    runs: int
    dedup_hits: int
