"""Functions of a module by qualified name (``f``, ``Class.method``), for function-level operators."""

from __future__ import annotations

import ast
import textwrap

import libcst as cst

from core import pyast

_EMPTY = cst.Module(body=[])


def functions(module: cst.Module) -> dict[str, cst.FunctionDef]:
    """Module-level functions and methods of module-level classes, by qualified name, in source order.

    A later definition with the same name wins, as it does when Python runs the module.
    """
    found: dict[str, cst.FunctionDef] = {}
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            found[stmt.name.value] = stmt
        elif isinstance(stmt, cst.ClassDef) and isinstance(stmt.body, cst.IndentedBlock):
            for inner in stmt.body.body:
                if isinstance(inner, cst.FunctionDef):
                    found[f"{stmt.name.value}.{inner.name.value}"] = inner
    return found


def code(node: cst.CSTNode) -> str:
    """The source of ``node`` alone, dedented."""
    return textwrap.dedent(_EMPTY.code_for_node(node))


def signature(node: cst.FunctionDef) -> str | None:
    """A comparable form of a function's name, parameters, return annotation and async-ness."""
    try:
        tree = pyast.parse(
            code(
                node.with_changes(
                    decorators=(), body=cst.IndentedBlock(body=[cst.SimpleStatementLine([cst.Pass()])])
                )
            )
        )
    except SyntaxError:
        return None
    fn = tree.body[0]
    assert isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef)
    return f"{type(fn).__name__} {fn.name} {ast.dump(fn.args)} {ast.dump(fn.returns) if fn.returns else ''}"
