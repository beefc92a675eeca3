"""Where statements live: the bodies (lists of statements) of a module, for statement-level operators."""

from __future__ import annotations

import libcst as cst

from genome.operators.base import collect

Body = cst.Module | cst.IndentedBlock


def bodies(module: cst.Module) -> list[Body]:
    """Every statement list of ``module`` (the module itself and each indented block), in source order."""
    return [b for b in collect(module, cst.Module, cst.IndentedBlock)]  # type: ignore[misc]


def statements(module: cst.Module, min_len: int = 1) -> list[cst.CSTNode]:
    """Every statement that sits in a body of at least ``min_len`` statements, in source order."""
    found: list[cst.CSTNode] = []
    for body in bodies(module):
        if len(body.body) >= min_len:
            found.extend(body.body)
    return found


def without_comments(stmt: cst.CSTNode) -> cst.CSTNode:
    """``stmt`` without the blank lines and comments above it."""
    if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement):
        return stmt.with_changes(leading_lines=())
    return stmt
