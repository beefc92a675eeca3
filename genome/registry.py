"""Lookup in a registry dict with a "did you mean …?" error."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TypeVar

from genome.errors import UnknownNameError

T = TypeVar("T")


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
    close = difflib.get_close_matches(name, list(registry), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    known = ", ".join(sorted(registry))
    raise UnknownNameError(f"unknown {kind} {name!r}{hint}; known: {known}") from None
