"""Parent selection: one small class per strategy, all registered in :data:`SELECTORS`, chosen by config.

A selector sees a :class:`Pool` (an island's members and the MAP-Elites elites living on it) and an RNG, and
returns one member. Selectors are pure given the RNG: the same pool and RNG state give the same parent.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Protocol


@dataclass(frozen=True, slots=True)
class Member:
    """A scored seed on an island.

    Attributes:
        seed_id: its id.
        fitness: its train aggregate in [0, 1].
        cascade: its cascade-stage score (None when unknown).
        generation: generations of descent from an origin seed.
        children: children proposed from it so far (the penalty of DGM/ShinkaEvolve-style selection).
        novelty: ``1 −`` similarity of its most novel piece at birth (1.0 for origins).
        passed: train task ids it passed (every hidden test).
        ran: train task ids it ran (the blocks it has evidence on).
        scores: its pass vector (task id → score in [0, 1]; ``population.racing``); empty when only
            ``passed`` is known, then a task scores 1.0 when passed, else 0.0.
    """

    seed_id: str
    fitness: float
    cascade: float | None = None
    generation: int = 0
    children: int = 0
    novelty: float = 1.0
    passed: frozenset[str] = frozenset()
    ran: frozenset[str] = frozenset()
    scores: Mapping[str, float] = field(default_factory=dict, compare=False)

    def score(self, task: str) -> float:
        """Its score on ``task`` (0.0 for a task it did not run)."""
        return self.scores.get(task, 1.0 if task in self.passed else 0.0)


@dataclass(frozen=True, slots=True)
class Pool:
    """What a selector chooses from: ``members`` (non-empty) and the grid ``elites`` among them."""

    members: tuple[Member, ...]
    elites: tuple[Member, ...] = ()


@dataclass(frozen=True, slots=True)
class SelectionParams:
    """Selector settings from the run config."""

    tournament_size: int = 3
    novelty_weight: float = 0.3


class Selector(Protocol):
    """Picks one parent. ``select`` never mutates the pool and uses no randomness but ``rng``."""

    name: ClassVar[str]

    def select(self, pool: Pool, rng: random.Random, params: SelectionParams) -> Member: ...


def _rank_key(m: Member) -> tuple[float, int, str]:
    return (-m.fitness, m.children, m.seed_id)


class Tournament:
    """Best of ``tournament_size`` members drawn without replacement (ties: fewer children, then id)."""

    name: ClassVar[str] = "tournament"

    def select(self, pool: Pool, rng: random.Random, params: SelectionParams) -> Member:
        k = min(len(pool.members), params.tournament_size)
        return min(rng.sample(pool.members, k), key=_rank_key)


class Weighted:
    """Score-and-novelty weighting with a penalty on prolific parents (as DGM and ShinkaEvolve do).

    weight = ((1 − w)·sigmoid(10·(fitness − median)) + w·novelty) / (1 + children), drawn proportionally.
    """

    name: ClassVar[str] = "weighted"

    def select(self, pool: Pool, rng: random.Random, params: SelectionParams) -> Member:
        members = sorted(pool.members, key=lambda m: m.seed_id)
        fits = sorted(m.fitness for m in members)
        median = fits[len(fits) // 2]
        w = params.novelty_weight
        weights = [
            ((1 - w) / (1 + math.exp(-10.0 * (m.fitness - median))) + w * m.novelty) / (1 + m.children) + 1e-9
            for m in members
        ]
        return rng.choices(members, weights=weights)[0]


class MapElites:
    """Uniform over the MAP-Elites cells' elites on this island (every member when it holds none)."""

    name: ClassVar[str] = "map_elites"

    def select(self, pool: Pool, rng: random.Random, params: SelectionParams) -> Member:
        candidates = sorted(pool.elites or pool.members, key=lambda m: m.seed_id)
        return rng.choice(candidates)


class Elite:
    """Always the fittest member (ties: fewer children, then id): pure exploitation; uses no randomness."""

    name: ClassVar[str] = "elite"

    def select(self, pool: Pool, rng: random.Random, params: SelectionParams) -> Member:
        return min(pool.members, key=_rank_key)


class Uniform:
    """Any member, uniformly: the baseline every other selector should beat."""

    name: ClassVar[str] = "uniform"

    def select(self, pool: Pool, rng: random.Random, params: SelectionParams) -> Member:
        return rng.choice(sorted(pool.members, key=lambda m: m.seed_id))


class Lexicase:
    """Lexicase selection over pass vectors: the tasks every member ran, in a random order; each task keeps
    only the candidates with the best score on it (those that pass it, when any does; with partial credit,
    those that pass most of its tests); the first lone survivor, or a random one of the last survivors.
    Favours specialists that solve what others miss, which a mean score averages away."""

    name: ClassVar[str] = "lexicase"

    def select(self, pool: Pool, rng: random.Random, params: SelectionParams) -> Member:
        candidates = sorted(pool.members, key=lambda m: m.seed_id)
        cases = sorted(frozenset.intersection(*(m.ran for m in candidates)))
        rng.shuffle(cases)
        for task in cases:
            best = max(m.score(task) for m in candidates)
            candidates = [m for m in candidates if m.score(task) == best]
            if len(candidates) == 1:
                break
        return rng.choice(candidates)


SELECTORS: dict[str, Selector] = {
    s.name: s for s in (Tournament(), Weighted(), MapElites(), Elite(), Uniform(), Lexicase())
}
"""Selector name → selector. Add one here; ``tests/population`` runs every entry through the contract."""


def best_of(members: Sequence[Member]) -> Member:
    """The fittest member (ties: fewer children, then id). ``members`` must not be empty."""
    return min(members, key=_rank_key)
