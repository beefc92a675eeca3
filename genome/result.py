"""The closed result type of a mutation: exactly one of four outcomes, each with ``.status`` and ``.source``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import ClassVar


class MutationStatus(Enum):
    MUTATED = "mutated"
    NO_CANDIDATES = "no_candidates"
    UNPARSEABLE = "unparseable"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class Mutated:
    """A child: valid Python (parses and compiles) whose ``seed_id`` differs from its parent's.

    Attributes:
        source: the child's text; untouched regions keep the parent's formatting and comments.
        child_id: ``seed_id(source)``.
        parent_id: ``seed_id`` of the (first) parent.
        operator: the registry name of the operator that made it.
        detail: what changed, in a few words (for lineage views).
    """

    source: str
    child_id: str
    parent_id: str
    operator: str
    detail: str
    status: ClassVar[MutationStatus] = MutationStatus.MUTATED


@dataclass(frozen=True, slots=True)
class NoCandidates:
    """The operator found nothing it could change into a valid, different child (``reason`` says why)."""

    operator: str
    reason: str
    source: None = None
    status: ClassVar[MutationStatus] = MutationStatus.NO_CANDIDATES


@dataclass(frozen=True, slots=True)
class Unparseable:
    """The input is not valid Python; ``line``/``col`` locate the syntax error (1-based, None if unknown)."""

    operator: str
    message: str
    line: int | None
    col: int | None
    source: None = None
    status: ClassVar[MutationStatus] = MutationStatus.UNPARSEABLE


@dataclass(frozen=True, slots=True)
class Unchanged:
    """Every edit tried gave a program with the parent's canonical id (e.g. only formatting moved)."""

    operator: str
    reason: str
    source: None = None
    status: ClassVar[MutationStatus] = MutationStatus.UNCHANGED


MutationResult = Mutated | NoCandidates | Unparseable | Unchanged
