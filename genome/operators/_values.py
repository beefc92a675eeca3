"""Shared value perturbations for operators that edit literals (numbers, strings)."""

from __future__ import annotations

import ast
import math
import random

import libcst as cst

from genome.parsed import Parsed


def literal_number(node: cst.Integer | cst.Float) -> int | float | None:
    """The value of a numeric literal, or ``None`` if it cannot be read."""
    try:
        value = ast.literal_eval(node.value)
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def perturb_number(value: int | float, rng: random.Random, scale: float) -> int | float:
    """A nearby non-negative number of the same type, different from ``value`` when possible. Pure given rng."""
    if isinstance(value, int):
        if value == 0:
            return 1
        step = max(1, round(abs(value) * scale * rng.random()))
        moves = [value + step, value - step, value * 2, value // 2]
        return abs(rng.choice([m for m in moves if m != value] or [value + 1]))
    if value == 0.0:
        return rng.choice([0.1, 0.5, 1.0])
    new = value * (1.0 + rng.uniform(-scale, scale))
    new = float(f"{new:.4g}")
    if new == value:
        new = float(f"{value * (1.0 + scale):.4g}")
    return abs(new)


def number_node(value: int | float) -> cst.Integer | cst.Float | None:
    """A literal for a non-negative finite number, or ``None``."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return cst.Float(repr(value))
    return cst.Integer(str(value))


def docstring_ids(module: cst.Module) -> set[int]:
    """``id()`` of every docstring literal in ``module`` (module, class and function docstrings)."""
    found: set[int] = set()
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        body: object = None
        if isinstance(node, cst.Module):
            body = node.body
        elif isinstance(node, cst.FunctionDef | cst.ClassDef) and isinstance(node.body, cst.IndentedBlock):
            body = node.body.body
        if isinstance(body, list | tuple) and body:
            first = body[0]
            if isinstance(first, cst.SimpleStatementLine) and len(first.body) == 1:
                expr = first.body[0]
                if isinstance(expr, cst.Expr) and isinstance(
                    expr.value, cst.SimpleString | cst.ConcatenatedString
                ):
                    found.add(id(expr.value))
                    if isinstance(expr.value, cst.ConcatenatedString):
                        stack.append(expr.value)
        stack.extend(node.children)
    return found


def text_strings(module: cst.Module, skip: set[int]) -> list[cst.SimpleString]:
    """Every non-bytes simple string literal of ``module`` that is not in ``skip``, in source order."""
    from genome.operators.base import collect

    found = []
    for node in collect(module, cst.SimpleString):
        assert isinstance(node, cst.SimpleString)
        if id(node) in skip or "b" in node.prefix.lower():
            continue
        found.append(node)
    return found


def string_value(node: cst.SimpleString) -> str | None:
    try:
        value = node.evaluated_value
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, str) else None


def module_strings(parsed: Parsed) -> tuple[str, ...]:
    """The distinct values of the module's (non-docstring, non-bytes) string literals, in source order."""

    def compute() -> tuple[str, ...]:
        values = (string_value(n) for n in text_strings(parsed.module, docstring_ids(parsed.module)))
        return tuple(dict.fromkeys(v for v in values if v is not None))

    return parsed.memo("module_strings", compute)
