"""A program parsed once, for many mutations.

Holds the libcst module, parent links, the parent's canonical id, and memoized per-operator data. Children are
built incrementally: an edit inside one top-level statement regenerates, re-parses, compiles and re-canonicalizes
that statement only, and reuses the cached text and canonical form of all the others. The statement is compiled
with the module's ``__future__`` flags (``from __future__ import annotations`` reaches every statement). Edits of
the module's own statement list or of a ``__future__`` import, and modules importing a feature that changes how
code parses (``barry_as_FLUFL``), take the full path.
"""

from __future__ import annotations
import __future__

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Any

import libcst as cst

from core import pyast
from genome.canonical import (
    DEFAULT_LIMITS,
    Limits,
    accepted_child_id,
    as_text,
    canonical_of,
    id_of_canonical,
    parse,
)
from genome.errors import SourceError
from genome.validate import size_problems

Replacement = cst.CSTNode | Sequence[cst.CSTNode]


@dataclass(frozen=True, slots=True)
class _Pieces:
    header: str
    codes: tuple[str, ...]
    canon: tuple[str, ...]
    footer: str
    flags: int  # the module's __future__ compiler flags


class Parsed:
    """A parsed program. Immutable in effect: mutations build new modules and never change this one.

    Raises (on construction):
        SourceError: not UTF-8, empty, or over ``limits`` (size, nodes, depth, parse work: all checked with
            :mod:`ast` before libcst parses anything).
        UnparseableError: not valid Python (checked with :mod:`ast`, which is stricter than libcst).
    """

    def __init__(self, source: str | bytes, limits: Limits = DEFAULT_LIMITS) -> None:
        self.text = as_text(source, limits)
        self.limits = limits
        self.tree = parse(self.text, limits)
        oversized = size_problems(self.tree, limits)
        if oversized:  # checked with ast before libcst ever sees the text: libcst's cost grows with these
            raise SourceError(oversized[0].message)
        self.canonical = canonical_of(self.tree)
        self.id = id_of_canonical(self.canonical)
        self._memo: dict[str, Any] = {}

    @cached_property
    def module(self) -> cst.Module:
        return cst.parse_module(self.text)

    @cached_property
    def parents(self) -> dict[int, cst.CSTNode]:
        """``id(child) -> parent`` for every node of :attr:`module`."""
        links: dict[int, cst.CSTNode] = {}
        stack: list[cst.CSTNode] = [self.module]
        while stack:
            node = stack.pop()
            for child in node.children:
                links[id(child)] = node
                stack.append(child)
        return links

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per key, then the cached answer (it must depend only on the program and key)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def candidates(self, key: str, find: Callable[[], Sequence[cst.CSTNode]]) -> Sequence[cst.CSTNode]:
        return self.memo(f"candidates:{key}", find)

    def replace(self, old: cst.CSTNode, new: Replacement) -> cst.Module:
        """A new module with ``old`` replaced by ``new``: a node, or a sequence of nodes where ``old`` sits in a
        list (an empty sequence deletes it). Rebuilds only the path from ``old`` to the root.
        """
        module = self._rebuild(old, new, self.module)
        assert isinstance(module, cst.Module)
        return module

    def child(self, old: cst.CSTNode, new: Replacement) -> tuple[str, str] | None:
        """``(text, canonical id)`` of the program with ``old`` replaced by ``new``, or ``None`` when that
        program does not parse, compile or fit the limits. Never raises on an edit libcst can render.
        """
        pieces = self._pieces
        top = self._top_statement(old)
        if pieces is None or top is None or (top is old and not isinstance(new, cst.CSTNode)):
            text = self.replace(old, new).code
            child_id = accepted_child_id(text, self.limits)
            return (text, child_id) if child_id is not None else None
        k = next(i for i, s in enumerate(self.module.body) if s is top)
        if pieces.canon[k].startswith("from __future__ import"):
            text = self.replace(old, new).code  # the flags of every other statement may change
            child_id = accepted_child_id(text, self.limits)
            return (text, child_id) if child_id is not None else None
        statement = self._rebuild(old, new, top)
        code = self.module.code_for_node(statement)
        try:
            tree = pyast.parse(code)
            pyast.compile_tree(tree, "<child>", pieces.flags)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        canon = list(pieces.canon)
        canon[k] = canonical_of(tree)
        codes = list(pieces.codes)
        codes[k] = code
        text = self._assemble(pieces.header, codes, pieces.footer)
        if len(text.encode("utf-8", errors="surrogatepass")) > self.limits.max_bytes:
            return None
        return text, id_of_canonical("\n".join(c for c in canon if c))

    def _rebuild(self, old: cst.CSTNode, new: Replacement, stop: cst.CSTNode) -> cst.CSTNode:
        child: cst.CSTNode = old
        replacement: Replacement = new
        while child is not stop:
            parent = self.parents[id(child)]
            replacement = _with_child_replaced(parent, child, replacement)
            child = parent
        assert isinstance(replacement, cst.CSTNode)
        return replacement

    def _top_statement(self, node: cst.CSTNode) -> cst.CSTNode | None:
        """The top-level statement that contains (or is) ``node``; ``None`` for the module itself."""
        if any(node is s for s in self.module.body):
            return node  # a whole top-level statement (a function crossover): no parent map needed
        while node is not self.module:
            parent = self.parents[id(node)]
            if parent is self.module:
                return node if not isinstance(node, cst.EmptyLine) else None
            node = parent
        return None

    def _assemble(self, header: str, codes: Sequence[str], footer: str) -> str:
        text = header + "".join(codes) + footer
        if not self.module.has_trailing_newline and text.endswith(self.module.default_newline):
            text = text[: -len(self.module.default_newline)]
        return text

    @cached_property
    def _pieces(self) -> _Pieces | None:
        """Per-top-level-statement text and canonical form, or ``None`` when incremental children are unsafe."""
        flags = _future_flags(self.tree)
        if flags is None:
            return None
        module = self.module
        header = "".join(module.code_for_node(line) for line in module.header)
        footer = "".join(module.code_for_node(line) for line in module.footer)
        codes = tuple(module.code_for_node(s) for s in module.body)
        try:
            canon = tuple(canonical_of(pyast.parse(code)) for code in codes)
        except SyntaxError:
            return None
        if (
            self._assemble(header, codes, footer) != self.text
            or "\n".join(c for c in canon if c) != self.canonical
        ):
            return None
        return _Pieces(header, codes, canon, footer, flags)


def _future_flags(tree: ast.Module) -> int | None:
    """Compiler flags of ``tree``'s ``__future__`` imports; ``None`` when one changes how code parses."""
    flags = 0
    for node in tree.body:
        if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
            continue
        for alias in node.names:
            feature = getattr(__future__, alias.name, None)
            if alias.name == "barry_as_FLUFL" or not isinstance(feature, __future__._Feature):
                return None
            flags |= feature.compiler_flag
    return flags


def _with_child_replaced(parent: cst.CSTNode, old: cst.CSTNode, new: Replacement) -> cst.CSTNode:
    for f in fields(parent):
        value = getattr(parent, f.name)
        if value is old:
            if not isinstance(new, cst.CSTNode):
                raise TypeError(f"cannot put a sequence in field {type(parent).__name__}.{f.name}")
            return parent.with_changes(**{f.name: new})
        if isinstance(value, tuple | list) and any(v is old for v in value):
            items: list[cst.CSTNode] = []
            for v in value:
                if v is old:
                    items.extend([new] if isinstance(new, cst.CSTNode) else new)
                else:
                    items.append(v)
            return parent.with_changes(**{f.name: items})
    raise LookupError(f"{type(old).__name__} is not a child of {type(parent).__name__}")
