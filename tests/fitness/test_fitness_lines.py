"""The sandbox's reply-line protocol: every well-formed line decodes to its class, anything else to None."""

from __future__ import annotations

import json
import socket
import struct

import pytest

from fitness.sandbox import lines
from fitness.sandbox.lines import (
    Children,
    End,
    Failed,
    Invalid,
    LoadFailed,
    Note,
    Published,
    Raised,
    Reflection,
    Returned,
    Solution,
    decode,
    decode_all,
)
from llm import frames


@pytest.mark.parametrize(
    ("raw", "typed"),
    [
        (["r", 0, [1, 2]], Returned(0, [1, 2])),
        (["e", 3, "ZeroDivisionError"], Raised(3, "ZeroDivisionError")),
        (["load", "SyntaxError"], LoadFailed("SyntaxError")),
        (["solution", "def f(): pass"], Solution("def f(): pass")),
        (["publish", 7], Published("7")),
        (["invalid", "no solve"], Invalid("no solve")),
        (["error", "boom"], Failed("boom")),
        (["note", "cut"], Note("cut")),
        (["children", [["a = 1\n", "op"], ["b", 2], "x"]], Children((("a = 1\n", "op"),), 2)),
        (["reflection", {"w": 1}], Reflection({"w": 1})),
        (["end", 0.5, 1024], End(0.5, 1024)),
    ],
)
def test_each_line_kind_decodes_to_its_class(raw: object, typed: object) -> None:
    assert decode(raw) == typed


@pytest.mark.parametrize(
    "raw",
    [
        None,
        [],
        [1, 2],
        "r",
        ["r", True, 1],  # a bool is not a test index
        ["r", -1, 1],
        ["r", 0],
        ["e", "0", "x"],
        ["solution", 3],
        ["children", "not a list"],
        ["reflection", [1]],
        ["end", "x", 1],
        ["end", float("nan"), float("inf")],
        ["load"],
        ["forged", 1],
    ],
)
def test_malformed_lines_decode_to_none(raw: object) -> None:
    assert decode(raw) is None


def test_decode_all_drops_malformed_and_keeps_order() -> None:
    assert decode_all([["note", "a"], ["r", True, 1], ["solution", "s"]]) == (Note("a"), Solution("s"))
    assert decode_all("not a list") == ()
    assert lines.__all__  # the module's table and exports exist together


def test_llm_wire_and_sandbox_share_one_framing() -> None:
    from llm import wire

    a, b = socket.socketpair()
    with a, b:
        wire.send_frame(a, {"op": "chat"})
        sandbox_view = frames.recv_frame(b)
        assert sandbox_view is not None and sandbox_view[0] == {"op": "chat"}
        frames.send_frame(a, {"ok": True})
        assert wire.recv_frame(b) == (True, {"ok": True})
    assert wire.FrameError is frames.FrameError


def test_sandbox_framing_keeps_its_contract_for_bad_frames() -> None:
    a, b = socket.socketpair()
    with a, b:
        a.sendall(struct.pack(">I", 100))
        with pytest.raises(ValueError, match="over the limit"):
            frames.recv_frame(b, max_size=10)
    a, b = socket.socketpair()
    with a, b:
        a.sendall(struct.pack(">I", 10) + json.dumps([1]).encode())
        a.close()
        assert frames.recv_frame(b) is None  # cut inside a frame: the peer is gone
