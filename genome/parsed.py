"""A program parsed once, for many mutations: libcst module, parent links, parent id, cached candidates."""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import cached_property

import libcst as cst

from genome.canonical import DEFAULT_LIMITS, Limits, as_text, id_of_canonical, parse

Replacement = cst.CSTNode | Sequence[cst.CSTNode]


class Parsed:
    """A parsed program. Immutable in effect: mutations build new modules and never change this one.

    Raises (on construction):
        SourceError: not UTF-8, empty, or over ``limits``.
        UnparseableError: not valid Python (checked with :mod:`ast`, which is stricter than libcst).
    """

    def __init__(self, source: str | bytes, limits: Limits = DEFAULT_LIMITS) -> None:
        self.text = as_text(source, limits)
        self.limits = limits
        self.canonical = ast.unparse(parse(self.text, limits))
        self.id = id_of_canonical(self.canonical)
        self._candidates: dict[str, Sequence[cst.CSTNode]] = {}

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

    def candidates(self, key: str, find: Callable[[], Sequence[cst.CSTNode]]) -> Sequence[cst.CSTNode]:
        """``find()`` once per key, then the cached answer (candidates depend only on the program)."""
        if key not in self._candidates:
            self._candidates[key] = find()
        return self._candidates[key]

    def replace(self, old: cst.CSTNode, new: Replacement) -> cst.Module:
        """A new module with ``old`` replaced by ``new``: a node, or a sequence of nodes where ``old`` sits in a
        list (an empty sequence deletes it). Rebuilds only the path from ``old`` to the root.
        """
        child: cst.CSTNode = old
        replacement: Replacement = new
        while child is not self.module:
            parent = self.parents[id(child)]
            replacement = _with_child_replaced(parent, child, replacement)
            child = parent
        assert isinstance(replacement, cst.Module)
        return replacement


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

