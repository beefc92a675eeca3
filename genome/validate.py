"""``validate``: is this a program the framework can run as a seed? Pure; compiles, never executes."""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass

from core import pyast
from genome.canonical import DEFAULT_LIMITS, Limits, parse, tree_size
from genome.errors import SourceError, UnparseableError


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a program is not acceptable.

    Attributes:
        code: a stable short name: ``source``, ``syntax``, ``compile``, ``too-many-nodes``, ``too-deep``,
            ``too-complex``, ``missing-function``.
        message: one line for people.
        line: 1-based line of the problem, when it has one.
        col: 1-based column, when it has one.
    """

    code: str
    message: str
    line: int | None = None
    col: int | None = None


def size_problems(tree: ast.AST, limits: Limits = DEFAULT_LIMITS) -> list[Problem]:
    """What of ``limits`` the tree exceeds: node count, depth, parse work. Cheap (one ``ast`` walk): run it
    before anything costlier looks at untrusted text, libcst above all. Pure; never raises."""
    problems: list[Problem] = []
    nodes, depth, work = tree_size(tree)
    if nodes > limits.max_nodes:
        problems.append(
            Problem("too-many-nodes", f"{nodes} AST nodes, over the limit of max_nodes={limits.max_nodes}")
        )
    if depth > limits.max_depth:
        problems.append(
            Problem("too-deep", f"nesting depth {depth}, over the limit of max_depth={limits.max_depth}")
        )
    if work > limits.max_work:
        problems.append(
            Problem(
                "too-complex",
                f"parse work {work} (the sum of the AST nodes' depths), over the limit of "
                f"max_work={limits.max_work}; nest less",
            )
        )
    return problems


def validate(
    source: str | bytes, required: Sequence[str] = ("solve",), limits: Limits = DEFAULT_LIMITS
) -> list[Problem]:
    """Every problem that keeps ``source`` from being run as a seed; an empty list means acceptable.

    Checks: UTF-8, not empty, ``limits.max_bytes``, parses, ``limits.max_nodes`` AST nodes,
    ``limits.max_depth`` nesting, ``limits.max_work`` parse work, compiles, and a top-level ``def`` for each
    name in ``required``. Never raises on
    ordinary input.
    """
    try:
        tree = parse(source, limits)
    except UnparseableError as err:
        return [Problem("syntax", str(err), err.line, err.col)]
    except SourceError as err:
        return [Problem("source", str(err))]
    return validate_tree(tree, required, limits)


def validate_tree(
    tree: ast.Module, required: Sequence[str] = ("solve",), limits: Limits = DEFAULT_LIMITS
) -> list[Problem]:
    """:func:`validate` of a program already parsed (with :func:`genome.parse`, so within ``limits.max_bytes``):
    for a caller that also canonicalizes it and so parses once."""
    problems = size_problems(tree, limits)
    if problems:  # an oversized tree is not worth compiling (and compiling a bomb costs)
        return problems
    try:
        pyast.compile_tree(tree, "<seed>")
    except SyntaxError as err:
        problems.append(Problem("compile", f"does not compile: {err.msg}", err.lineno, err.offset))
    except (ValueError, RecursionError) as err:
        problems.append(Problem("compile", f"does not compile: {err}"))
    defined = {s.name for s in tree.body if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef)}
    for name in required:
        if name not in defined:
            problems.append(
                Problem("missing-function", f"no top-level function {name}(); a seed must define it")
            )
    return problems
