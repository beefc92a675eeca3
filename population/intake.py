"""What happens to a proposed child before it may cost an evaluation.

Order: canonicalize (``genome.canonical_source`` → id) → already archived? record the edge as a
re-discovery, stop → ``genome.validate`` (``solve`` and ``reproduce`` required) → invalid? archive it with an
``INVALID`` record naming the reason, stop → near-clone by the novelty filter? log it, stop → archive it as
new; the caller queues its evaluation. A canonical id already in the archive is never evaluated again.

Idempotent per proposal: admitting a child again with the proposal tag that first archived it (a result
handled twice across a crash) gives the same fate as the first time, never a re-discovery.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import IO

from fitness.record import FitnessRecord, Outcome
from genome import SeedpopError, canonical_of, id_of_canonical, parse, validate_tree
from lineage import AddStatus, Archive, Proposal
from population.novelty import Novelty

REQUIRED = ("solve", "reproduce")


class Fate(Enum):
    """What intake did with a child."""

    NEW = "new"  # archived, to be evaluated
    REDISCOVERY = "rediscovery"  # already archived: edge recorded, never evaluated again
    INVALID = "invalid"  # archived with an INVALID record, or unparseable (logged only)
    NEAR_CLONE = "near_clone"  # refused by the novelty filter (logged only)


@dataclass(frozen=True, slots=True)
class Proposed:
    """A child as proposed: its text and where it came from."""

    source: str
    parents: tuple[str, ...]
    operator: str
    generation: int
    island: int
    proposal: str


@dataclass(frozen=True, slots=True)
class Intake:
    """The outcome for one child: its fate, id ("" when it has none), novelty, a reason, canonical size."""

    fate: Fate
    seed_id: str = ""
    novelty: float = 1.0
    reason: str = ""
    size: int = 0


@dataclass(frozen=True, slots=True)
class Checked:
    """A child's canonical text ("" when it does not parse) and why it cannot be a seed ("" when it can)."""

    canonical: str
    problem: str


def check_child(source: str) -> Checked:
    """Canonicalize and validate one child text. Pure; never raises. Workers run it (in parallel, off the
    manager's loop) and send the result with the children; the manager runs it for its own crossovers."""
    try:
        tree = parse(source)
    except SeedpopError as err:
        return Checked("", str(err))
    canonical = canonical_of(tree)
    problems = validate_tree(tree, required=REQUIRED)
    return Checked(canonical, "; ".join(p.message for p in problems)[:300])


def admit(
    archive: Archive,
    child: Proposed,
    run: str,
    suite: tuple[str, str, str],
    novelty: Novelty | None,
    log: IO[str],
    checked: Checked | None = None,
) -> Intake:
    """Run one child through the steps of the module doc. Never evaluates; never raises for a bad child.

    Args:
        suite: (name, version, split) for the ``INVALID`` record of a child that fails validation.
        checked: :func:`check_child` of ``child.source`` when a worker computed it already.
    """
    checked = checked or check_child(child.source)
    if not checked.canonical:
        _log(log, child, "unparseable", checked.problem)
        return Intake(Fate.INVALID, reason=checked.problem)
    canonical = checked.canonical
    seed_id = id_of_canonical(canonical)
    proposal = Proposal(
        child.source,
        child.parents,
        child.operator,
        child.generation,
        child.island,
        run,
        child.proposal,
        canonical,
    )
    # Born of this very proposal (run, job and child index) already: a result handled again after a crash,
    # before the journal recorded it. It is the same child as the first time, not a re-discovery.
    again = archive.has(seed_id) and _born_of(archive, seed_id, run, child.proposal)
    if archive.has(seed_id) and not again:
        archive.add_many([proposal])
        return Intake(Fate.REDISCOVERY, seed_id)
    if checked.problem:
        reason = checked.problem
        archive.add_many([proposal])
        name, version, split = suite
        archive.add_record(FitnessRecord(seed_id, name, version, split, Outcome.INVALID, 0.0, reason=reason))
        return Intake(Fate.INVALID, seed_id, reason=reason)
    score = 1.0
    if novelty is not None:
        verdict = novelty.check(canonical)
        score = verdict.novelty
        if verdict.near_clone:
            _log(log, child, "near_clone", f"similarity {verdict.similarity:.5f}", seed_id)
            return Intake(Fate.NEAR_CLONE, seed_id, score, f"similarity {verdict.similarity:.5f}")
    result = archive.add_many([proposal])[0]
    if novelty is not None:
        novelty.add(canonical)
    fate = Fate.NEW if result.status is AddStatus.NEW or again else Fate.REDISCOVERY
    return Intake(fate, seed_id, score, size=len(canonical.encode("utf-8", "surrogatepass")))


def _born_of(archive: Archive, seed_id: str, run: str, proposal: str) -> bool:
    """Whether ``seed_id``'s first edge is ``proposal`` of ``run`` (idempotent re-admission)."""
    birth = archive.birth(seed_id)
    return birth is not None and birth.run == run and birth.proposal == proposal


def _log(log: IO[str], child: Proposed, kind: str, reason: str, seed_id: str = "") -> None:
    log_reject(log, kind, reason, seed_id, child.proposal, list(child.parents), child.operator)


def log_reject(
    log: IO[str],
    kind: str,
    reason: str,
    seed_id: str,
    proposal: str,
    parents: list[str] | None = None,
    operator: str = "",
) -> None:
    """One line of ``logs/rejects.jsonl``: something not evaluated (a child, or a reproduce call) and why."""
    entry = {"kind": kind, "seed_id": seed_id, "parents": parents or [], "proposal": proposal}
    log.write(json.dumps({**entry, "operator": operator, "reason": reason[:300]}) + "\n")
    log.flush()
