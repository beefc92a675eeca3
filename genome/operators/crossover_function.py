"""``crossover_function``: replace one function (or method) with the same-named one of a second parent
(``partner=``), keeping the comments above it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators._functions import code, functions
from genome.operators.base import Context, Edit
from genome.parsed import Parsed


class CrossoverFunction:
    name: ClassVar[str] = "crossover_function"
    attempts: ClassVar[int] = 8
    needs: ClassVar[tuple[str, ...]] = ("partner",)

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        if context.partner is None:
            return []
        theirs = functions(context.partner.module)
        return [
            fn
            for qualname, fn in functions(parsed.module).items()
            if qualname in theirs and code(theirs[qualname]) != code(fn)
        ]

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.FunctionDef) and context.partner is not None
        mine = {id(fn): q for q, fn in functions(parsed.module).items()}
        qualname = mine[id(node)]
        donor = functions(context.partner.module)[qualname]
        return Edit(
            node, donor.with_changes(leading_lines=node.leading_lines), f"took {qualname} from partner"
        )
