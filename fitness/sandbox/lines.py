"""The runner's reply lines, typed: one frozen dataclass per line kind and one :func:`decode`.

A runner (:mod:`fitness.sandbox.runner`) writes one JSON array per line, ``[tag, *fields]``; the trusted side
(:mod:`fitness.harness`, :mod:`fitness.scoring`, :mod:`fitness.sandbox.pool`) and the runner's own nested test
child read them back only through :func:`decode`, so what a well-formed line is lives here once. Every line is
a claim from untrusted code: :func:`decode` checks shapes and types and returns None for anything else, and
nothing here looks at a task's expected values. Imports only the standard library (the runner uses it next to
untrusted code).

===============  ================================  ==========================================
tag              fields                            class
===============  ================================  ==========================================
``r``            test index, returned value        :class:`Returned`
``e``            test index, reason                :class:`Raised`
``load``         reason                            :class:`LoadFailed`
``solution``     source                            :class:`Solution`
``publish``      message                           :class:`Published`
``invalid``      reason                            :class:`Invalid`
``error``        reason                            :class:`Failed`
``note``         reason                            :class:`Note`
``children``     ``[[source, operator], ...]``     :class:`Children`
``reflection``   an object                         :class:`Reflection`
``end``          CPU seconds, peak RSS in KiB      :class:`End`
===============  ================================  ==========================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeAlias


@dataclass(frozen=True, slots=True)
class Returned:
    """Test ``index`` returned ``value`` (plain JSON; compared on the trusted side only)."""

    index: int
    value: Any


@dataclass(frozen=True, slots=True)
class Raised:
    """Test ``index`` raised or timed out."""

    index: int
    reason: str


@dataclass(frozen=True, slots=True)
class LoadFailed:
    """The solution module did not load."""

    reason: str


@dataclass(frozen=True, slots=True)
class Solution:
    """``solve`` returned ``source``."""

    source: str


@dataclass(frozen=True, slots=True)
class Published:
    """``solve`` published ``message`` to its island."""

    message: str


@dataclass(frozen=True, slots=True)
class Invalid:
    """The seed lacks the function the request calls."""

    reason: str


@dataclass(frozen=True, slots=True)
class Failed:
    """The seed failed: raised, returned the wrong type, or did not import (``reason`` says which)."""

    reason: str


@dataclass(frozen=True, slots=True)
class Note:
    """Something about the children the runner dropped or cut."""

    reason: str


@dataclass(frozen=True, slots=True)
class Children:
    """``reproduce`` or ``crossover`` children as ``(source, operator)`` pairs; ``malformed`` counts the
    entries that were not a pair of strings (dropped)."""

    children: tuple[tuple[str, str], ...]
    malformed: int = 0


@dataclass(frozen=True, slots=True)
class Reflection:
    """What ``reflect`` returned."""

    value: dict[str, Any]


@dataclass(frozen=True, slots=True)
class End:
    """The runner's own rusage (informational)."""

    cpu_seconds: float
    maxrss_kb: int


Line: TypeAlias = (
    Returned
    | Raised
    | LoadFailed
    | Solution
    | Published
    | Invalid
    | Failed
    | Note
    | Children
    | Reflection
    | End
)

_REASONS: dict[str, type[LoadFailed | Invalid | Failed | Note]] = {
    "load": LoadFailed,
    "invalid": Invalid,
    "error": Failed,
    "note": Note,
}


def decode(item: Any) -> Line | None:
    """The typed line for one decoded JSON value, or None when it is not a well-formed line. Never raises.

    Reasons and messages may be any JSON value and are turned into text; a test index must be an int (not a
    bool); a solution must be a string; children must be a list and a reflection an object.
    """
    if not isinstance(item, list) or not item or not isinstance(item[0], str):
        return None
    tag, fields = item[0], item[1:]
    if tag in ("r", "e"):
        if len(fields) != 2 or type(fields[0]) is not int or fields[0] < 0:
            return None
        return Returned(fields[0], fields[1]) if tag == "r" else Raised(fields[0], str(fields[1]))
    if not fields:
        return None
    first = fields[0]
    if tag in _REASONS:
        return _REASONS[tag](str(first))
    if tag == "publish":
        return Published(str(first))
    if tag == "solution":
        return Solution(first) if isinstance(first, str) else None
    if tag == "children":
        return _children(first) if isinstance(first, list) else None
    if tag == "reflection":
        return Reflection(dict(first)) if isinstance(first, dict) else None
    if tag == "end" and len(fields) == 2:
        try:
            return End(float(first), int(fields[1]))
        except (TypeError, ValueError, OverflowError):
            return None
    return None


def _children(raw: list[Any]) -> Children:
    pairs = tuple(
        (c[0], c[1])
        for c in raw
        if isinstance(c, list) and len(c) == 2 and isinstance(c[0], str) and isinstance(c[1], str)
    )
    return Children(pairs, len(raw) - len(pairs))


def decode_all(items: Any) -> tuple[Line, ...]:
    """:func:`decode` of each item, the malformed ones left out. Never raises."""
    if not isinstance(items, list | tuple):
        return ()
    return tuple(line for line in map(decode, items) if line is not None)


__all__ = [
    "Children",
    "End",
    "Failed",
    "Invalid",
    "Line",
    "LoadFailed",
    "Note",
    "Published",
    "Raised",
    "Reflection",
    "Returned",
    "Solution",
    "decode",
    "decode_all",
]
