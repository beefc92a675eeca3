"""The wire format: request validation and framing."""

from __future__ import annotations

import socket
import struct

import pytest

from llm.errors import BadRequest
from llm.wire import (
    MAX_FRAME_BYTES,
    CallKind,
    FrameError,
    GenerateRequest,
    Message,
    parse_request,
    recv_frame,
    send_frame,
)


def test_chat_request_round_trips() -> None:
    raw = {
        "op": "chat",
        "messages": [{"role": "user", "content": "hi"}],
        "seed": 7,
        "temperature": 0.5,
        "max_tokens": 12,
        "stop": ["\n"],
    }
    req = parse_request(raw)
    assert req == GenerateRequest(CallKind.CHAT, "", (Message("user", "hi"),), 7, 0.5, 12, ("\n",))
    assert parse_request(req.to_json()) == req


def test_complete_request_defaults() -> None:
    req = parse_request({"op": "complete", "prompt": "def f():"})
    assert (req.kind, req.temperature, req.max_tokens, req.seed, req.stop) == (
        CallKind.COMPLETE,
        0.0,
        256,
        None,
        (),
    )
    assert req.deterministic


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ([], "the request"),
        ({"op": "embed", "prompt": "x"}, "op"),
        ({"op": "complete", "prompt": ""}, "prompt"),
        ({"op": "complete", "prompt": 3}, "prompt"),
        ({"op": "complete", "prompt": "x", "max_tokens": 0}, "max_tokens"),
        ({"op": "complete", "prompt": "x", "max_tokens": True}, "max_tokens"),
        ({"op": "complete", "prompt": "x", "temperature": "hot"}, "temperature"),
        ({"op": "complete", "prompt": "x", "temperature": float("nan")}, "temperature"),
        ({"op": "complete", "prompt": "x", "seed": -1}, "seed"),
        ({"op": "complete", "prompt": "x", "stop": "\n"}, "stop"),
        ({"op": "complete", "prompt": "x", "stop": [""]}, "stop"),
        ({"op": "complete", "prompt": "x", "evil": 1}, "unknown fields"),
        ({"op": "chat", "messages": []}, "messages"),
        ({"op": "chat", "messages": [{"role": "robot", "content": "x"}]}, "role"),
        ({"op": "chat", "messages": [{"role": "user", "content": 1}]}, "content"),
        ({"op": "chat", "messages": [{"role": "user"}]}, "messages[0]"),
        ({"op": "chat", "messages": [{"role": "user", "content": "x"}], "prompt": "y"}, "prompt"),
    ],
)
def test_malformed_requests_are_bad_requests(raw: object, fragment: str) -> None:
    with pytest.raises(BadRequest) as info:
        parse_request(raw)
    message = str(info.value)
    assert fragment in message
    assert "\n" not in message


def test_frames_round_trip_and_end_cleanly() -> None:
    a, b = socket.socketpair()
    with a, b:
        send_frame(a, {"text": "héllo", "n": [1, 2]})
        assert recv_frame(b) == (True, {"text": "héllo", "n": [1, 2]})
        a.close()
        assert recv_frame(b) == (False, None)


def test_non_json_frame_keeps_stream_in_sync() -> None:
    a, b = socket.socketpair()
    with a, b:
        a.sendall(struct.pack(">I", 3) + b"{{{")
        send_frame(a, {"ok": 1})
        ok, first = recv_frame(b)
        assert ok and isinstance(first, BadRequest)
        assert recv_frame(b) == (True, {"ok": 1})


def test_oversize_and_truncated_frames_raise_frame_error() -> None:
    a, b = socket.socketpair()
    with a, b:
        a.sendall(struct.pack(">I", MAX_FRAME_BYTES + 1))
        with pytest.raises(FrameError):
            recv_frame(b)
    a, b = socket.socketpair()
    with a, b:
        a.sendall(struct.pack(">I", 10) + b"abc")
        a.close()
        with pytest.raises(FrameError):
            recv_frame(b)
