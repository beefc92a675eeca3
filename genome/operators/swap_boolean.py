"""``swap_boolean``: turn one ``and`` into ``or`` or back."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators.base import Context, Edit, collect
from genome.parsed import Parsed


class SwapBoolean:
    name: ClassVar[str] = "swap_boolean"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return collect(parsed.module, cst.BooleanOperation)

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.BooleanOperation)
        old = node.operator
        spacing = {"whitespace_before": old.whitespace_before, "whitespace_after": old.whitespace_after}
        if isinstance(old, cst.And):
            return Edit(node, node.with_changes(operator=cst.Or(**spacing)), "and -> or")
        return Edit(node, node.with_changes(operator=cst.And(**spacing)), "or -> and")
