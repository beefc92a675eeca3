"""The type-preserving value codec of judged calls: every builtin value survives the JSON round trip with its
exact type (1 vs 1.0 vs True, tuple vs list, nan), anything else is refused by type name, and a malformed form
is a ``ValueError``, never a crash or an object of the sender's."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fitness.sandbox.values import MAX_DEPTH, Unsendable, decode, encode

hashables = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8) | st.binary(max_size=8),
    lambda inner: st.tuples(inner, inner) | st.frozensets(inner, max_size=3),
    max_leaves=6,
)
values = st.recursive(
    hashables,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner)
        | st.dictionaries(hashables, inner, max_size=3)
        | st.sets(hashables, max_size=3)
        | st.frozensets(hashables, max_size=3)
    ),
    max_leaves=12,
)


def same(a: Any, b: Any) -> bool:
    """Equal with exact types at every level (nan equals nan; sets member by member)."""
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if type(a) in (list, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if type(a) is dict:
        return len(a) == len(b) and all(same(k, k2) and same(a[k], b[k2]) for k, k2 in zip(a, b, strict=True))
    if type(a) in (set, frozenset):
        return len(a) == len(b) and all(any(same(x, y) for y in b) for x in a)
    return bool(a == b)


def round_trip(value: Any) -> Any:
    """What the other side of the boundary gets: encoded, sent as JSON text, decoded."""
    return decode(json.loads(json.dumps(encode(value))))


@settings(max_examples=300, deadline=None)
@given(values)
def test_every_builtin_value_round_trips_with_its_exact_types(value: Any) -> None:
    assert same(round_trip(value), value)


@pytest.mark.parametrize(
    "value",
    [
        1,
        1.0,
        True,
        0,
        False,
        -0.0,
        math.inf,
        -math.inf,
        (1,),
        [1],
        {1: "a", "1": True},
        b"\x00\xff",
        frozenset(),
    ],
)
def test_values_that_compare_equal_across_types_stay_apart(value: Any) -> None:
    back = round_trip(value)
    assert type(back) is type(value) and same(back, value)


class Str(str):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ((i for i in range(3)), "generator"),
        (Str("x"), "Str"),
        ([1, {"k": object()}], "object"),
        (range(3), "range"),
        (print, "builtin_function_or_method"),
    ],
)
def test_anything_else_is_refused_by_its_type_name(value: Any, name: str) -> None:
    with pytest.raises(Unsendable) as err:
        encode(value)
    assert str(err.value) == name


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def test_nesting_is_bounded_on_both_sides() -> None:
    assert round_trip(nested(MAX_DEPTH)) == nested(MAX_DEPTH)
    with pytest.raises(Unsendable, match="nesting"):
        encode(nested(MAX_DEPTH + 2))
    with pytest.raises(ValueError, match="nesting"):
        decode(nested(MAX_DEPTH + 2))


@pytest.mark.parametrize(
    "data",
    [
        {"pickle": "gASV"},
        {"tuple": [1], "set": [2]},
        {"bytes": 12},
        {"bytes": "zz"},
        {"dict": [[{"set": []}, 1]]},  # a set cannot be a key: unhashable
        {"dict": [[1, 2, 3]]},
        {"set": [[1]]},
        {"tuple": "ab"},
    ],
)
def test_a_malformed_form_is_a_value_error(data: Any) -> None:
    with pytest.raises(ValueError):
        decode(data)
