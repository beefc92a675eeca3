"""Selector contract over the registry, islands with elitism, migration, the MAP-Elites grid, the RNG factory."""

from __future__ import annotations

import random

import pytest

from genome.errors import UnknownNameError
from genome.registry import lookup
from population.islands import Island, migrate
from population.qd import Grid, size_bin
from population.rng import derive_rng, derive_seed
from population.selection import SELECTORS, Member, Pool, SelectionParams

POOL = Pool(
    tuple(
        Member(f"id{i:02d}", fitness=i / 10, generation=i % 3, children=i % 4, novelty=(i % 5) / 5)
        for i in range(10)
    ),
)
POOL = Pool(POOL.members, POOL.members[7:9])
PARAMS = SelectionParams(tournament_size=3, novelty_weight=0.3)


@pytest.mark.parametrize("name", sorted(SELECTORS))
def test_selector_returns_a_member_and_is_pure_given_the_rng(name: str) -> None:
    selector = SELECTORS[name]
    assert selector.name == name
    picks = [selector.select(POOL, random.Random(7), PARAMS) for _ in range(3)]
    assert all(p in POOL.members for p in picks)
    assert len(set(picks)) == 1
    before = POOL
    selector.select(POOL, random.Random(8), PARAMS)
    assert before == POOL


@pytest.mark.parametrize("name", sorted(SELECTORS))
def test_selector_handles_a_single_member(name: str) -> None:
    only = Pool((Member("solo", 0.0),))
    assert SELECTORS[name].select(only, random.Random(0), PARAMS).seed_id == "solo"


@pytest.mark.parametrize("name", sorted(SELECTORS))
def test_selector_does_not_depend_on_member_order(name: str) -> None:
    shuffled = list(POOL.members)
    random.Random(1).shuffle(shuffled)
    # islands hand selectors their members in id order; selectors that sort must agree with that order
    ordered = Pool(tuple(sorted(shuffled, key=lambda m: m.seed_id)), POOL.elites)
    assert SELECTORS[name].select(ordered, random.Random(3), PARAMS) == SELECTORS[name].select(
        POOL, random.Random(3), PARAMS
    )


def test_selection_pressure_favours_fit_members() -> None:
    for name in ("tournament", "weighted"):
        picks = [SELECTORS[name].select(POOL, random.Random(i), PARAMS).fitness for i in range(300)]
        assert sum(picks) / len(picks) > 0.5, name
    assert SELECTORS["elite"].select(POOL, random.Random(0), PARAMS).seed_id == "id09"
    assert {SELECTORS["map_elites"].select(POOL, random.Random(i), PARAMS).seed_id for i in range(50)} == {
        "id07",
        "id08",
    }


def test_weighted_penalises_prolific_parents() -> None:
    a, b = Member("a", 0.5, children=0), Member("b", 0.5, children=9)
    picks = [SELECTORS["weighted"].select(Pool((a, b)), random.Random(i), PARAMS).seed_id for i in range(400)]
    assert picks.count("a") > 3 * picks.count("b")


def test_unknown_selector_suggests_the_closest() -> None:
    with pytest.raises(UnknownNameError, match=r"did you mean 'tournament'"):
        lookup(SELECTORS, "tournement", "selector")


def test_island_keeps_its_best_and_replaces_the_worst() -> None:
    island = Island(0, capacity=3)
    for i, fit in enumerate((0.5, 0.2, 0.9)):
        assert island.offer(Member(f"m{i}", fit))
    assert not island.offer(Member("weak", 0.1))
    assert island.offer(Member("strong", 0.6))
    assert set(island.members) == {"m0", "m2", "strong"}
    best = island.best()
    assert best is not None and best.seed_id == "m2"
    island.count_child("m2")
    assert island.members["m2"].children == 1


def test_migration_copies_the_best_around_the_ring() -> None:
    islands = [Island(i, 4) for i in range(3)]
    for i, isl in enumerate(islands):
        isl.offer(Member(f"best{i}", 0.9 - i / 10))
        isl.offer(Member(f"low{i}", 0.1))
    assert migrate(islands, 1) == 3
    assert "best0" in islands[1].members and "best2" in islands[0].members
    assert migrate([islands[0]], 1) == 0


def test_grid_keeps_one_elite_per_cell() -> None:
    grid = Grid({"t1": "strings", "t2": "strings", "t3": "lists"}, bins=4)
    cell = grid.descriptor(frozenset({"t1", "t2", "t3"}), 3000)
    assert cell.families == 2
    assert grid.tell("a", 0.5, cell) and not grid.tell("b", 0.4, cell) and grid.tell("c", 0.6, cell)
    assert grid.elite_ids() == {"c"} and grid.coverage == 1
    assert size_bin(100, 4) == 0 and size_bin(10**9, 4) == 3


def test_derived_randomness_depends_only_on_labels() -> None:
    assert derive_seed(1, "reproduce", "abc", 0) == derive_seed(1, "reproduce", "abc", 0)
    assert derive_seed(1, "reproduce", "abc", 0) != derive_seed(1, "reproduce", "abc", 1)
    assert derive_seed(2, "x") != derive_seed(1, "x")
    assert derive_rng(3, "select", 4).random() == derive_rng(3, "select", 4).random()
