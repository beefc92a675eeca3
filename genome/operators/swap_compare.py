"""``swap_compare``: change one comparison operator (``<`` → ``<=``, ``==`` → ``!=``, ``in`` → ``not in`` …)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, ClassVar

import libcst as cst

from genome.operators.base import Context, Edit, collect
from genome.parsed import Parsed

SWAPS: dict[type, tuple[type, ...]] = {
    cst.Equal: (cst.NotEqual,),
    cst.NotEqual: (cst.Equal,),
    cst.LessThan: (cst.LessThanEqual, cst.GreaterThan),
    cst.LessThanEqual: (cst.LessThan, cst.GreaterThanEqual),
    cst.GreaterThan: (cst.GreaterThanEqual, cst.LessThan),
    cst.GreaterThanEqual: (cst.GreaterThan, cst.LessThanEqual),
    cst.In: (cst.NotIn,),
    cst.NotIn: (cst.In,),
    cst.Is: (cst.IsNot,),
    cst.IsNot: (cst.Is,),
}

SYMBOLS: dict[type, str] = {
    cst.Equal: "==",
    cst.NotEqual: "!=",
    cst.LessThan: "<",
    cst.LessThanEqual: "<=",
    cst.GreaterThan: ">",
    cst.GreaterThanEqual: ">=",
    cst.In: "in",
    cst.NotIn: "not in",
    cst.Is: "is",
    cst.IsNot: "is not",
}


class SwapCompare:
    name: ClassVar[str] = "swap_compare"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return [n for n in collect(parsed.module, cst.ComparisonTarget) if type(n.operator) in SWAPS]  # type: ignore[attr-defined]

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.ComparisonTarget)
        old: Any = node.operator  # every concrete operator node has both whitespace fields
        new_type = rng.choice(SWAPS[type(old)])
        new = new_type(whitespace_before=old.whitespace_before, whitespace_after=old.whitespace_after)
        return Edit(node, node.with_changes(operator=new), f"{SYMBOLS[type(old)]} -> {SYMBOLS[new_type]}")
