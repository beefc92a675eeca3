"""``swap_statements``: exchange one statement with the next one in the same body (comments travel along)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators._statements import bodies
from genome.operators.base import Context, Edit, snippet
from genome.parsed import Parsed


class SwapStatements:
    name: ClassVar[str] = "swap_statements"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        # Every statement that has a next sibling.
        return [s for body in bodies(parsed.module) for s in list(body.body)[:-1]]

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        owner = parsed.parents[id(node)]
        assert isinstance(owner, cst.Module | cst.IndentedBlock)
        items = list(owner.body)
        i = next(k for k, s in enumerate(items) if s is node)
        items[i], items[i + 1] = items[i + 1], items[i]
        return Edit(owner, owner.with_changes(body=items), f"swapped {snippet(node)} with the next statement")
