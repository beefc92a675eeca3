"""``swap_if_branches``: exchange the two bodies of an ``if … else`` (the condition stays as it is)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators.base import Context, Edit, collect, snippet
from genome.parsed import Parsed


class SwapIfBranches:
    name: ClassVar[str] = "swap_if_branches"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return [n for n in collect(parsed.module, cst.If) if isinstance(n.orelse, cst.Else)]  # type: ignore[attr-defined]

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.If) and isinstance(node.orelse, cst.Else)
        new = node.with_changes(body=node.orelse.body, orelse=node.orelse.with_changes(body=node.body))
        return Edit(node, new, f"swapped the branches of if {snippet(node.test)}")
