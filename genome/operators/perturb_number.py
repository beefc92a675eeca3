"""``perturb_number``: move one integer or float literal to a nearby value (3 → 4, 0.7 → 0.64)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators._values import literal_number, number_node, perturb_number
from genome.operators.base import Context, Edit, collect
from genome.parsed import Parsed


class PerturbNumber:
    name: ClassVar[str] = "perturb_number"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return collect(parsed.module, cst.Integer, cst.Float)

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.Integer | cst.Float)
        value = literal_number(node)
        if value is None:
            return None
        new = number_node(perturb_number(value, rng, context.scale))
        if new is None:
            return None
        return Edit(node, new.with_changes(lpar=node.lpar, rpar=node.rpar), f"{node.value} -> {new.value}")
