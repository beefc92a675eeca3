"""Length-prefixed JSON frames over a unix socket: 4-byte big-endian length, then UTF-8 JSON.

The sandbox's control socket (harness ↔ worker ↔ runner, descriptors riding along as SCM_RIGHTS) and a
judged call's channel (:mod:`fitness.judge` ↔ the candidate's runner) speak this. Nothing is ever
unpickled. Imports only the standard library: the runner uses it next to untrusted code.
"""

from __future__ import annotations

import json
import socket
import struct
from typing import Any

_HEADER = struct.Struct(">I")
MAX_REQUEST = 64 * 1024 * 1024


def send_frame(sock: socket.socket, obj: Any, fds: list[int] | None = None) -> None:
    """Send ``obj`` as one frame (with ``fds`` attached to its header)."""
    body = json.dumps(obj).encode()
    header = _HEADER.pack(len(body))
    if fds:
        socket.send_fds(sock, [header], fds)
        sock.sendall(body)
    else:
        sock.sendall(header + body)


def recv_frame(
    sock: socket.socket, max_fds: int = 0, max_size: int = MAX_REQUEST
) -> tuple[Any, list[int]] | None:
    """One frame and the descriptors that came with it; None at end of stream.

    Raises:
        ValueError: the frame is larger than ``max_size``, not JSON, or nested too deeply.
        OSError: the socket failed (``TimeoutError`` past its timeout).
    """
    fds: list[int] = []
    head = b""
    while len(head) < 4:
        if max_fds and not head:
            data, got, _, _ = socket.recv_fds(sock, 4, max_fds)
            fds.extend(got)
        else:
            data = sock.recv(4 - len(head))
        if not data:
            return None
        head += data
    (size,) = _HEADER.unpack(head)
    if size > max_size:
        raise ValueError(f"frame of {size} bytes is over the limit")
    body = bytearray()
    while len(body) < size:
        chunk = sock.recv(min(1 << 20, size - len(body)))
        if not chunk:
            return None
        body += chunk
    try:
        return json.loads(body), fds
    except RecursionError:  # '[[[[…' from an untrusted peer: malformed, not a crash
        raise ValueError("frame nested too deeply") from None
