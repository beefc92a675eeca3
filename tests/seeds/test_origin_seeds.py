"""Every origin seed against the seed contract (seeds/README.md)."""

from __future__ import annotations

import ast
import types
from collections.abc import Iterator
from typing import Any

import pytest

import genome
from fitness.harness import Harness
from seeds import ORIGIN_SEEDS, origin_source

NAMES = sorted(ORIGIN_SEEDS)


def load(source: str) -> types.ModuleType:
    """Import a seed in this process. Only for our own origin seeds and edits of them made in these tests."""
    module = types.ModuleType("seed_under_test")
    exec(compile(source, "<seed>", "exec"), module.__dict__)
    return module


class NoLLM:
    def chat(self, messages: list[dict[str, str]], **params: Any) -> str:
        raise RuntimeError("no model in this test")

    complete = chat


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    with Harness() as h:
        yield h


@pytest.mark.parametrize("name", NAMES)
def test_origin_seed_satisfies_the_contract(name: str) -> None:
    source = origin_source(name)
    assert genome.validate(source, required=("solve", "reproduce", "reflect")) == []
    module = load(source)
    # Genes live at module level, where mutation can reach them.
    assert isinstance(module.OPERATOR_WEIGHTS, dict) and set(module.OPERATOR_WEIGHTS) <= set(genome.OPERATORS)
    assert isinstance(module.reflect([]), dict)


def test_origin_seeds_have_different_strategies() -> None:
    ids = {genome.structure_id(origin_source(n)) for n in NAMES}
    assert len(ids) == len(NAMES)
    assert "llm." not in origin_source("templates").split("def solve", 1)[1].split("def reflect", 1)[0]


@pytest.mark.parametrize("name", NAMES)
def test_reproduce_in_the_sandbox_gives_valid_new_children(name: str, harness: Harness) -> None:
    source = origin_source(name)
    children = [c.source for c in harness.reproduce(source, 4, rng_seed=11).children]
    assert 1 <= len(children) <= 4
    ids = [genome.seed_id(c) for c in children]
    assert len(set(ids)) == len(ids)
    assert genome.seed_id(source) not in ids
    for child in children:
        assert genome.validate(child, required=("solve", "reproduce")) == []


def test_children_come_back_labelled_with_their_operators(harness: Harness) -> None:
    children = harness.reproduce(origin_source("greedy"), 4, rng_seed=2).children
    assert children
    for child in children:
        assert child.operator and all(op in genome.OPERATORS for op in child.operator.split("+"))


def test_reflect_reads_stacked_operator_labels() -> None:
    module = load(origin_source("repair"))
    history = [{"operator": "perturb_number+swap_compare", "aggregate": 0.9, "parent_aggregate": 0.1}]
    factors = module.reflect(history)["operator_factors"]
    assert factors["perturb_number"] > 1.0 and factors["swap_compare"] > 1.0


@pytest.mark.parametrize("name", NAMES)
def test_reproduce_is_deterministic(name: str, harness: Harness) -> None:
    source = origin_source(name)
    first = harness.reproduce(source, 3, rng_seed=5).children
    assert first == harness.reproduce(source, 3, rng_seed=5).children
    assert first != harness.reproduce(source, 3, rng_seed=6).children


def test_reproduce_uses_a_partner_for_crossover() -> None:
    module = load(origin_source("greedy"))
    partner = origin_source("repair")
    children = module.reproduce(origin_source("greedy"), 8, 3, genome, NoLLM(), partner_source=partner)
    assert len(children) == 8
    assert all(set(c) == {"source", "operator"} for c in children)


def test_reflection_shifts_operator_weights() -> None:
    module = load(origin_source("greedy"))
    history = [
        {"operator": "perturb_number", "aggregate": 0.5, "parent_aggregate": 0.2, "outcome": "scored"},
        {"operator": "perturb_number", "aggregate": 0.6, "parent_aggregate": 0.2, "outcome": "scored"},
        {"operator": "delete_statement", "aggregate": 0.0, "parent_aggregate": 0.2, "outcome": "scored"},
    ]
    factors = module.reflect(history)["operator_factors"]
    assert factors["perturb_number"] > 1.0 > factors["delete_statement"]


def test_self_modification_end_to_end() -> None:
    """A child whose reproduce differs from its parent's makes grandchildren the parent's reproduce would not."""
    parent_source = origin_source("greedy")
    parent = load(parent_source)
    weights = parent_source[parent_source.index("OPERATOR_WEIGHTS = {") : parent_source.index("}\n") + 2]
    child_source = parent_source.replace(weights, 'OPERATOR_WEIGHTS = {"negate_if": 1.0}\n')
    assert genome.seed_id(child_source) != genome.seed_id(parent_source)
    child = load(child_source)

    def outputs(reproduce: Any) -> set[str]:
        made = (c["source"] for seed in range(3) for c in reproduce(child_source, 4, seed, genome, NoLLM()))
        return {genome.seed_id(c) for c in made}

    by_child = outputs(child.reproduce)
    by_parent = outputs(parent.reproduce)
    assert by_child and by_parent
    assert by_child - by_parent, "the child's own reproduce found nothing new"
    # What the child made differs from it only in if-conditions: its modified genes decided the variation.
    for grandchild in child.reproduce(child_source, 4, 0, genome, NoLLM()):
        assert grandchild["operator"] == "negate_if"
        assert skeleton(grandchild["source"]) == skeleton(child_source)


def skeleton(source: str) -> str:
    """The program's AST with every if-condition blanked out."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            node.test = ast.Constant(None)
    return ast.dump(tree)


def test_templates_seed_solves_without_an_llm(harness: Harness) -> None:
    from fitness.suites import load_suite

    suite = load_suite("core")
    easy = [t for t in suite.train() if t.difficulty == "trivial"][:6]
    scores = [harness.score_task(origin_source("templates"), task)[0].score for task in easy]
    assert max(scores) > 0.0


@pytest.mark.parametrize("name", NAMES)
def test_randomness_comes_from_rng_seed_only(name: str) -> None:
    tree = ast.parse(origin_source(name))
    calls = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    used = {f.attr for f in calls if isinstance(f.value, ast.Name) and f.value.id == "random"}
    assert used == {"Random"}, f"{name} uses the global random state: {used}"
