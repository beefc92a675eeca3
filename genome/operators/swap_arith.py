"""``swap_arith``: change one arithmetic operator, in an expression or an augmented assignment
(``+`` ↔ ``-``, ``*`` → ``/`` or ``//``, ``+=`` ↔ ``-=`` …).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, ClassVar

import libcst as cst

from genome.operators.base import Context, Edit, collect
from genome.parsed import Parsed

BINARY: dict[type[cst.BaseBinaryOp], tuple[type[cst.BaseBinaryOp], ...]] = {
    cst.Add: (cst.Subtract,),
    cst.Subtract: (cst.Add,),
    cst.Multiply: (cst.FloorDivide, cst.Divide, cst.Add),
    cst.Divide: (cst.Multiply, cst.FloorDivide),
    cst.FloorDivide: (cst.Divide, cst.Modulo),
    cst.Modulo: (cst.FloorDivide,),
    cst.Power: (cst.Multiply,),
}

AUGMENTED: dict[type[cst.BaseAugOp], tuple[type[cst.BaseAugOp], ...]] = {
    cst.AddAssign: (cst.SubtractAssign,),
    cst.SubtractAssign: (cst.AddAssign,),
    cst.MultiplyAssign: (cst.FloorDivideAssign, cst.DivideAssign),
    cst.DivideAssign: (cst.MultiplyAssign,),
    cst.FloorDivideAssign: (cst.MultiplyAssign,),
}


class SwapArith:
    name: ClassVar[str] = "swap_arith"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        found = []
        for node in collect(parsed.module, cst.BinaryOperation, cst.AugAssign):
            table: dict = BINARY if isinstance(node, cst.BinaryOperation) else AUGMENTED
            if type(node.operator) in table:  # type: ignore[attr-defined]
                found.append(node)
        return found

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.BinaryOperation | cst.AugAssign)
        old: Any = node.operator  # every concrete operator node has both whitespace fields
        table: dict = BINARY if isinstance(node, cst.BinaryOperation) else AUGMENTED
        new_type = rng.choice(table[type(old)])
        new = new_type(whitespace_before=old.whitespace_before, whitespace_after=old.whitespace_after)
        return Edit(node, node.with_changes(operator=new), f"{type(old).__name__} -> {new_type.__name__}")
