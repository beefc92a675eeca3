"""``ast.parse`` and ``compile`` of a tree, one thread at a time.

CPython 3.11 converts between its internal syntax tree and ``ast`` objects with a recursion counter kept per
interpreter, not per thread. When two threads convert at once — a garbage collection inside one conversion runs
a finalizer, which lets the other thread in — the counter goes wrong and the call raises ``SystemError: AST
constructor recursion depth mismatch`` on a perfectly good program (CPython gh-106905; the worker's loops share
a process). Every framework caller that may run on a worker thread goes through these two functions, which hold
one process-wide lock around the conversion, so a good program always parses.
"""

from __future__ import annotations

import ast
import threading
from types import CodeType

_LOCK = threading.RLock()  # re-entrant: a finalizer that parses, on the thread holding it, must not deadlock


def parse(text: str) -> ast.Module:
    """``ast.parse(text)`` under the lock. Raises what ``ast.parse`` raises (``SyntaxError``, ``ValueError``
    for NUL bytes, ``RecursionError``/``MemoryError`` for absurd nesting)."""
    with _LOCK:
        return ast.parse(text)


def parse_expression(text: str) -> ast.expr:
    """The expression ``text`` is (``ast.parse(text, mode="eval").body``) under the lock; raises as
    :func:`parse`."""
    with _LOCK:
        return ast.parse(text, mode="eval").body


def compile_tree(tree: ast.Module, filename: str, flags: int = 0) -> CodeType:
    """``compile(tree, filename, "exec", flags=flags, dont_inherit=True)`` under the lock (compiling a tree
    converts it back, with the same counter)."""
    with _LOCK:
        return compile(tree, filename, "exec", flags=flags, dont_inherit=True)
