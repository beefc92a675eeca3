"""``crossover_subtree``: replace one expression with a different expression of the same kind (a call for a
call, a comparison for a comparison …) taken from a second parent (``partner=``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators._functions import code
from genome.operators.base import Context, Edit, collect, snippet
from genome.parsed import Parsed

#: Expression kinds that can never be assignment targets, so any one may stand where another stood.
KINDS: tuple[type[cst.BaseExpression], ...] = (
    cst.Call,
    cst.BinaryOperation,
    cst.BooleanOperation,
    cst.Comparison,
    cst.UnaryOperation,
    cst.IfExp,
    cst.Integer,
    cst.Float,
    cst.SimpleString,
    cst.ListComp,
    cst.SetComp,
    cst.DictComp,
    cst.GeneratorExp,
    cst.Lambda,
)
#: Kinds that need their own parentheses wherever they land.
COMPOUND = (
    cst.BinaryOperation,
    cst.BooleanOperation,
    cst.Comparison,
    cst.UnaryOperation,
    cst.IfExp,
    cst.Lambda,
    cst.GeneratorExp,
)


def _kinds(parsed: Parsed) -> dict[type, list[tuple[str, cst.BaseExpression]]]:
    """The partner's expressions by kind, each with its code without outer parentheses (memoized)."""

    def compute() -> dict[type, list[tuple[str, cst.BaseExpression]]]:
        by_kind: dict[type, list[tuple[str, cst.BaseExpression]]] = {}
        for node in collect(parsed.module, *KINDS):
            assert isinstance(node, cst.BaseExpression)
            by_kind.setdefault(type(node), []).append((code(node.with_changes(lpar=(), rpar=())), node))
        return by_kind

    return parsed.memo("crossover_subtree:kinds", compute)


class CrossoverSubtree:
    name: ClassVar[str] = "crossover_subtree"
    attempts: ClassVar[int] = 8
    needs: ClassVar[tuple[str, ...]] = ("partner",)

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        if context.partner is None:
            return []
        theirs = _kinds(context.partner)
        return [n for n in collect(parsed.module, *KINDS) if type(n) in theirs]

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.BaseExpression) and context.partner is not None
        mine = code(node.with_changes(lpar=(), rpar=()))
        donors = [d for text, d in _kinds(context.partner).get(type(node), []) if text != mine]
        if not donors:
            return None
        donor = rng.choice(donors)
        if node.lpar:
            new = donor.with_changes(lpar=node.lpar, rpar=node.rpar)
        elif isinstance(donor, COMPOUND):
            new = donor.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        else:
            new = donor.with_changes(lpar=(), rpar=())
        return Edit(node, new, f"{snippet(node, 24)} -> {snippet(donor, 24)} from partner")
