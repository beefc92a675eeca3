"""A canonical program's *pieces*: what the near-clone filter (``population/novelty.py``) and the dashboard's
novelty map (``dashboard/embeddings.py``) embed, cut one way for both."""

from __future__ import annotations

import ast

from core import pyast

_LINES = 6  # a piece has at most this many lines after its header


def chunks(canonical: str) -> list[str]:
    """The pieces of a canonical program, in order. Pure; an unparseable text is one chunk.

    Each top-level statement is a piece; one longer than :data:`_LINES` lines is cut into windows of that many
    lines, each prefixed by the statement's first line, so that every piece fits MiniLM's 256-token window and
    no edit goes unseen. A statement's text is ``ast.unparse`` of it; in canonical text (which is made of
    exactly those, one after the other) that is its own lines, so they are cut out rather than unparsed again,
    unless the statements' line spans do not tile the text (text that is not canonical).
    """
    try:
        tree = pyast.parse(canonical)
    except (SyntaxError, ValueError):
        return [canonical]
    lines = canonical.split("\n")
    ends = [getattr(node, "end_lineno", None) or 0 for node in tree.body]
    tiled = (
        bool(ends) and ends[-1] == len(lines) and all(a < b for a, b in zip([0, *ends], ends, strict=False))
    )
    firsts = [
        min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))]) for node in tree.body
    ]
    tiled = tiled and all(first == end + 1 for first, end in zip(firsts, [0, *ends], strict=False))
    out: list[str] = []
    for k, node in enumerate(tree.body):
        statement = lines[([0, *ends][k]) : ends[k]] if tiled else ast.unparse(node).splitlines()
        if len(statement) <= _LINES:
            out.append("\n".join(statement))
            continue
        head = statement[0]
        out.extend("\n".join([head, *statement[i : i + _LINES]]) for i in range(1, len(statement), _LINES))
    return out
