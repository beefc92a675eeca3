"""A type-preserving encoding of plain Python values as JSON, for values that cross a sandbox boundary.

Used on both sides of a judged call (:mod:`fitness.judge`): the trusted judge encodes a call's arguments,
the candidate's sandbox encodes what the call returned. Never pickle: decoding builds only builtin values
(``int``, ``float`` incl. nan/inf, ``bool``, ``None``, ``str``, ``bytes``, ``list``, ``tuple``, ``dict``,
``set``, ``frozenset``), so nothing of the candidate's — no class, no ``__eq__`` — reaches the judge.

Forms: ``None``, bools, ints, floats and strings are themselves (JSON keeps ``1`` and ``1.0`` apart;
``NaN``/``Infinity`` ride as Python's JSON extensions); lists are JSON arrays; everything else is a
one-key object: ``{"tuple": [...]}``, ``{"set": [...]}``, ``{"frozenset": [...]}``, ``{"bytes": "<hex>"}``,
``{"dict": [[key, value], ...]}`` (keys keep their types). Plain dicts are always wrapped, so an object
is never ambiguous.

Imports only the standard library: the sandbox runner imports it next to untrusted code.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 100
"""Deepest nesting encoded or decoded; deeper values are refused (no recursion blow-up on either side)."""

_WRAPPED = ("tuple", "set", "frozenset", "bytes", "dict")


class Unsendable(Exception):
    """A value that cannot leave the sandbox; ``str(err)`` names its type."""


def encode(value: Any, depth: int = 0) -> Any:
    """The JSON-able form of ``value``. Exact types only: a subclass of ``str``, ``int``, ``list`` … is refused.

    Raises:
        Unsendable: a type outside the encoding, or nesting deeper than :data:`MAX_DEPTH`.
    """
    if depth > MAX_DEPTH:
        raise Unsendable(f"nesting deeper than {MAX_DEPTH}")
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is float or kind is str:
        return value
    if kind is list:
        return [encode(v, depth + 1) for v in value]
    if kind is tuple:
        return {"tuple": [encode(v, depth + 1) for v in value]}
    if kind is set or kind is frozenset:
        return {kind.__name__: [encode(v, depth + 1) for v in value]}
    if kind is bytes:
        return {"bytes": value.hex()}
    if kind is dict:
        return {"dict": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    raise Unsendable(kind.__name__)


def decode(data: Any, depth: int = 0) -> Any:
    """The value an :func:`encode` form stands for. Pure; builds builtin values only.

    Raises:
        ValueError: ``data`` is not a well-formed encoding (unknown wrapper, unhashable key, too deep).
    """
    if depth > MAX_DEPTH:
        raise ValueError(f"nesting deeper than {MAX_DEPTH}")
    kind = type(data)
    if data is None or kind is bool or kind is int or kind is float or kind is str:
        return data
    if kind is list:
        return [decode(v, depth + 1) for v in data]
    if kind is not dict or len(data) != 1:
        raise ValueError(f"not an encoded value: {type(data).__name__}")
    ((tag, body),) = data.items()
    if tag == "bytes":
        if type(body) is not str:
            raise ValueError("bytes must be a hex string")
        return bytes.fromhex(body)
    if tag not in _WRAPPED or type(body) is not list:
        raise ValueError(f"unknown encoded form {tag!r}")
    if tag == "tuple":
        return tuple(decode(v, depth + 1) for v in body)
    try:
        if tag == "dict":
            if any(type(pair) is not list or len(pair) != 2 for pair in body):
                raise ValueError("dict items must be [key, value] pairs")
            return {decode(k, depth + 1): decode(v, depth + 1) for k, v in body}
        items = [decode(v, depth + 1) for v in body]
        return set(items) if tag == "set" else frozenset(items)
    except TypeError as err:  # an unhashable key or member: malformed, not a crash
        raise ValueError(f"malformed {tag}: {err}") from None
