"""``perturb_default``: change one default argument value: a number moves nearby, a bool flips, a string is
replaced from the pool (as ``replace_string`` does).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators._values import literal_number, module_strings, number_node, perturb_number, string_value
from genome.operators.base import Context, Edit, collect, snippet
from genome.parsed import Parsed


def _is_literal(value: cst.BaseExpression | None) -> bool:
    if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Minus):
        value = value.expression
    if isinstance(value, cst.Name):
        return value.value in ("True", "False")
    return isinstance(value, cst.Integer | cst.Float | cst.SimpleString)


class PerturbDefault:
    name: ClassVar[str] = "perturb_default"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return [p for p in collect(parsed.module, cst.Param) if _is_literal(p.default)]  # type: ignore[attr-defined]

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.Param) and node.default is not None
        new = self._new_default(parsed, node.default, rng, context)
        if new is None:
            return None
        return Edit(
            node,
            node.with_changes(default=new),
            f"{node.name.value}={snippet(node.default)} -> {snippet(new)}",
        )

    def _new_default(
        self, parsed: Parsed, old: cst.BaseExpression, rng: random.Random, context: Context
    ) -> cst.BaseExpression | None:
        if isinstance(old, cst.Name):
            return old.with_changes(value="False" if old.value == "True" else "True")
        if isinstance(old, cst.UnaryOperation):
            inner = self._new_default(parsed, old.expression, rng, context)
            return old.with_changes(expression=inner) if inner is not None else None
        if isinstance(old, cst.Integer | cst.Float):
            value = literal_number(old)
            new = number_node(perturb_number(value, rng, context.scale)) if value is not None else None
            return new.with_changes(lpar=old.lpar, rpar=old.rpar) if new is not None else None
        if isinstance(old, cst.SimpleString):
            current = string_value(old)
            choices = [s for s in dict.fromkeys(context.strings or module_strings(parsed)) if s != current]
            return cst.SimpleString(repr(rng.choice(choices))) if choices else None
        return None
