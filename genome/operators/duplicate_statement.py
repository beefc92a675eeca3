"""``duplicate_statement``: repeat one statement right after itself (comments above it are not copied)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators._statements import statements, without_comments
from genome.operators.base import Context, Edit, snippet
from genome.parsed import Parsed


class DuplicateStatement:
    name: ClassVar[str] = "duplicate_statement"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return statements(parsed.module)

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        return Edit(node, (node, without_comments(node)), f"duplicated {snippet(node)}")
