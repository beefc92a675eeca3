"""Length-prefixed JSON frames over a unix socket: 4-byte big-endian length, then UTF-8 JSON.

The one framing of the project. The sandbox's control socket (harness ↔ worker ↔ runner, descriptors riding
along as SCM_RIGHTS), a judged call's channel (:mod:`fitness.judge` ↔ the candidate's runner) and the LLM
wire (:mod:`llm.wire`: seed channel ↔ broker ↔ model process) all speak it; the byte layer here is
shared, and each side decides what a malformed body means to it. Nothing is ever unpickled. Imports only the
standard library: the runner and the seed's LLM channel use it next to untrusted code.
"""

from __future__ import annotations

import json
import socket
import struct
from typing import Any

HEADER = struct.Struct(">I")
MAX_REQUEST = 64 * 1024 * 1024


class FrameError(Exception):
    """The byte stream is not a sequence of valid frames (a length over the limit, or the stream ended inside
    a frame); the connection cannot be resynchronised."""


class TruncatedFrame(FrameError):
    """The stream ended inside a frame."""


def pack_frame(body: bytes) -> bytes:
    """``body`` with its length prefix. Pure."""
    return HEADER.pack(len(body)) + body


def recv_body(sock: socket.socket, max_size: int, max_fds: int = 0) -> tuple[bytes, list[int]] | None:
    """The body of one frame and the descriptors that came with its header; None on a clean end of stream
    (before a frame's first byte).

    Raises:
        FrameError: the length prefix is over ``max_size``.
        TruncatedFrame: the stream ended inside a frame.
        OSError: the socket failed (``TimeoutError`` past its timeout).
    """
    fds: list[int] = []
    head = b""
    while len(head) < HEADER.size:
        if max_fds and not head:
            data, got, _, _ = socket.recv_fds(sock, HEADER.size, max_fds)
            fds.extend(got)
        else:
            data = sock.recv(HEADER.size - len(head))
        if not data:
            if head:
                raise TruncatedFrame(f"connection closed inside a frame header after {len(head)} bytes")
            return None
        head += data
    (size,) = HEADER.unpack(head)
    if size > max_size:
        raise FrameError(f"frame of {size} bytes is over the limit of {max_size}")
    body = bytearray()
    while len(body) < size:
        chunk = sock.recv(min(1 << 20, size - len(body)))
        if not chunk:
            raise TruncatedFrame(f"connection closed inside a frame after {len(body)} of {size} bytes")
        body += chunk
    return bytes(body), fds


def send_frame(sock: socket.socket, obj: Any, fds: list[int] | None = None) -> None:
    """Send ``obj`` as one frame (with ``fds`` attached to its header)."""
    body = json.dumps(obj).encode()
    if fds:
        socket.send_fds(sock, [HEADER.pack(len(body))], fds)
        sock.sendall(body)
    else:
        sock.sendall(pack_frame(body))


def recv_frame(
    sock: socket.socket, max_fds: int = 0, max_size: int = MAX_REQUEST
) -> tuple[Any, list[int]] | None:
    """One frame and the descriptors that came with it; None at end of stream (also inside a frame: the
    sandbox's peers treat a cut frame as the peer gone).

    Raises:
        ValueError: the frame is larger than ``max_size``, not JSON, or nested too deeply.
        OSError: the socket failed (``TimeoutError`` past its timeout).
    """
    try:
        got = recv_body(sock, max_size, max_fds)
    except TruncatedFrame:
        return None
    except FrameError as err:
        raise ValueError(str(err)) from None
    if got is None:
        return None
    body, fds = got
    try:
        return json.loads(body), fds
    except RecursionError:  # '[[[[…' from an untrusted peer: malformed, not a crash
        raise ValueError("frame nested too deeply") from None
