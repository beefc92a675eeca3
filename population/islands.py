"""Islands: sub-populations of bounded size with elitism, and ring migration between them."""

from __future__ import annotations

from dataclasses import replace

from population.selection import Member, Pool, best_of


class Island:
    """One sub-population. Keeps at most ``capacity`` members; the fittest is never dropped (elitism).

    When full, a newcomer replaces the least fit member if it is fitter; ties keep the incumbent. ``elite`` is
    the member promoted by a paired comparison (:mod:`population.racing`); when set, it is the one never
    dropped and what :meth:`best` returns.
    """

    def __init__(self, index: int, capacity: int) -> None:
        self.index = index
        self.capacity = capacity
        self.members: dict[str, Member] = {}
        self.elite: str | None = None

    def offer(self, member: Member) -> bool:
        """Add ``member`` if there is room or it beats the worst; True when it is on the island now."""
        if member.seed_id in self.members:
            return True
        if len(self.members) < self.capacity:
            self.members[member.seed_id] = member
            return True
        protected = self.best()
        droppable = [m for m in self.members.values() if protected is None or m.seed_id != protected.seed_id]
        if not droppable:
            return False
        worst = max(droppable, key=lambda m: (-m.fitness, -m.children, m.seed_id))
        if member.fitness <= worst.fitness:
            return False
        del self.members[worst.seed_id]
        self.members[member.seed_id] = member
        return True

    def update(self, member: Member) -> None:
        """Replace a member's facts (new evidence), keeping its children count; no-op when absent."""
        old = self.members.get(member.seed_id)
        if old is not None:
            self.members[member.seed_id] = replace(member, children=old.children)

    def remove(self, seed_id: str) -> None:
        """Drop a member (a child raced out); never the elite."""
        if seed_id != self.elite:
            self.members.pop(seed_id, None)

    def count_child(self, seed_id: str) -> None:
        """Record that ``seed_id`` was given one more child to make."""
        m = self.members.get(seed_id)
        if m is not None:
            self.members[seed_id] = replace(m, children=m.children + 1)

    def pool(self, elite_ids: set[str]) -> Pool:
        """The selector's view, members in id order (selection must not depend on insertion order)."""
        members = tuple(sorted(self.members.values(), key=lambda m: m.seed_id))
        return Pool(members, tuple(m for m in members if m.seed_id in elite_ids))

    def best(self) -> Member | None:
        """The elite when one was promoted, else the fittest member."""
        if self.elite is not None and self.elite in self.members:
            return self.members[self.elite]
        return best_of(list(self.members.values())) if self.members else None

    def fitnesses(self) -> list[float]:
        return sorted(m.fitness for m in self.members.values())


def migrate(islands: list[Island], size: int) -> int:
    """Copy each island's ``size`` best members to the next island on the ring; returns how many moved."""
    if len(islands) < 2 or size < 1:
        return 0
    moving = []
    for isl in islands:
        best = isl.best()
        ranked = sorted(
            isl.members.values(),
            key=lambda m: (best is None or m.seed_id != best.seed_id, -m.fitness, m.children, m.seed_id),
        )
        moving.append(ranked[:size])
    moved = 0
    for i, group in enumerate(moving):
        target = islands[(i + 1) % len(islands)]
        for m in group:
            if m.seed_id not in target.members and target.offer(replace(m, children=0)):
                moved += 1
    return moved
