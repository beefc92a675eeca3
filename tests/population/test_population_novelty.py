"""The near-clone filter's pure parts (the model-backed checks are in test_population_services.py)."""

from __future__ import annotations

import pytest

from population.novelty import skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("MAX_TOKENS = 384", "MAX_TOKENS = 768"),
        ("TEMPERATURE = 0.7", "TEMPERATURE = 1.25"),
        ("x = f(3, 1e-05)", "x = f(12, 2.5e+03)"),
        ("ROUNDS = 1_000", "ROUNDS = 2"),
    ],
)
def test_pieces_that_differ_only_in_numbers_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("x1 = 3", "x2 = 3"),  # a digit inside a name is part of the name
        ("y = a + 1", "y = a - 1"),
        ("P = 'Complete this'", "P = 'Write this'"),
    ],
)
def test_any_other_difference_keeps_the_skeletons_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)
