"""``negate_if``: negate the condition of one ``if``/``elif`` (``if x:`` → ``if not (x):``, ``not x`` → ``x``)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators.base import Context, Edit, collect, snippet
from genome.parsed import Parsed


def negated(test: cst.BaseExpression) -> cst.BaseExpression:
    """``not (test)``, or the operand when ``test`` already is a ``not``."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and not test.lpar:
        return test.expression
    if not test.lpar:
        test = test.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.UnaryOperation(operator=cst.Not(), expression=test)


class NegateIf:
    name: ClassVar[str] = "negate_if"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return collect(parsed.module, cst.If)

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.If)
        new = node.with_changes(test=negated(node.test), whitespace_before_test=cst.SimpleWhitespace(" "))
        return Edit(node, new, f"negated if {snippet(node.test)}")
