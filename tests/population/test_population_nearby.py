"""Token sequences within k edits: the banded distance and the q-gram index against brute force."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from population.nearby import TokenIndex, within_distance

tokens = st.lists(st.integers(0, 5), max_size=14)


def levenshtein(a: list[int], b: list[int]) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


@given(tokens, tokens, st.integers(0, 6))
def test_banded_distance_is_levenshtein_within_the_band(a: list[int], b: list[int], k: int) -> None:
    d = levenshtein(a, b)
    assert within_distance(a, b, k) == (d if d <= k else None)


@settings(max_examples=200)
@given(st.lists(tokens, max_size=12), tokens, st.integers(0, 5))
def test_index_finds_exactly_the_sequences_within_k(seqs: list[list[int]], query: list[int], k: int) -> None:
    index = TokenIndex(q=3)
    for s in seqs:
        index.add(s)
    near = index.within(query, k)
    expected = sorted((levenshtein(query, s), i) for i, s in enumerate(seqs) if levenshtein(query, s) <= k)
    assert list(near.ids) == [i for _, i in expected]  # nearest first, ties by id
    assert 0.0 <= near.overlap <= 1.0


def test_one_substitution_in_a_long_sequence() -> None:
    base = list(range(100, 300))
    index = TokenIndex()
    index.add(base)
    index.add(list(range(500, 700)))
    assert index.within([*base[:50], 7, *base[51:]], 1).ids == (0,)
    assert index.within(list(range(900, 1100)), 8).ids == ()
