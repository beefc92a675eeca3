"""``delete_statement``: remove one statement from a body that keeps at least one other."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators._statements import statements
from genome.operators.base import Context, Edit, snippet
from genome.parsed import Parsed


class DeleteStatement:
    name: ClassVar[str] = "delete_statement"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return statements(parsed.module, min_len=2)

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        return Edit(node, (), f"deleted {snippet(node)}")
