"""A MAP-Elites grid kept alongside the islands: one elite per behaviour cell.

Behaviour descriptor of a scored seed: how many task *families* (a task's first tag) it fully solves at least
one task of, and a code-size bin (log scale of its canonical text). The grid never drops a seed from an island;
it records which seeds are the best of their kind, for the ``map_elites`` selector and for reports.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cell:
    """A grid coordinate: families solved, size bin."""

    families: int
    size_bin: int


@dataclass(frozen=True, slots=True)
class Elite:
    """The best seed of a cell."""

    seed_id: str
    fitness: float


def size_bin(canonical_bytes: int, bins: int) -> int:
    """Bin of a program size: half-octaves above 1 KiB, clamped to ``[0, bins)``. Pure."""
    if canonical_bytes <= 1024:
        return 0
    return min(bins - 1, int(2 * math.log2(canonical_bytes / 1024)))


class Grid:
    """The MAP-Elites archive of behaviour cells.

    Args:
        families: task id → family name, for the suite in use.
        bins: code-size bins.
    """

    def __init__(self, families: Mapping[str, str], bins: int) -> None:
        self.families = dict(families)
        self.bins = bins
        self.cells: dict[Cell, Elite] = {}

    def descriptor(self, solved: frozenset[str], canonical_bytes: int) -> Cell:
        """The cell of a seed that fully solves ``solved`` (task ids) and has this size. Pure."""
        fams = {self.families.get(t, t) for t in solved}
        return Cell(len(fams), size_bin(canonical_bytes, self.bins))

    def tell(self, seed_id: str, fitness: float, cell: Cell) -> bool:
        """Offer a seed to its cell; True when it became the cell's elite (strictly better, or first)."""
        current = self.cells.get(cell)
        if current is not None and current.fitness >= fitness:
            return False
        self.cells[cell] = Elite(seed_id, fitness)
        return True

    def elite_ids(self) -> set[str]:
        """Ids of every cell's elite."""
        return {e.seed_id for e in self.cells.values()}

    @property
    def coverage(self) -> int:
        """Occupied cells."""
        return len(self.cells)
