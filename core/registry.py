"""Lookup in a registry dict with a "did you mean …?" error, and that hint for any other list of names.

``genome.registry`` re-exports both functions.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TypeVar

from core.errors import UnknownNameError

T = TypeVar("T")


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``known`` to ``name``, or "" when none is close: the one
    hint every "unknown name" message of the project uses. Pure."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def lookup(registry: Mapping[str, T], name: str, kind: str) -> T:
    """Return ``registry[name]``; raise :class:`UnknownNameError` with close matches otherwise.

    Args:
        registry: the registry dict, e.g. ``OPERATORS``.
        name: the name a user asked for.
        kind: what the registry holds, in words ("operator", "selector"), for the message.
    """
    try:
        return registry[name]
    except KeyError:
        pass
    known = ", ".join(sorted(registry))
    raise UnknownNameError(f"unknown {kind} {name!r}{did_you_mean(name, registry)}; known: {known}") from None
