"""The wire format between a seed's channel, the trusted broker and the model process.

Frames are :mod:`llm.frames` (a 4-byte big-endian length, then UTF-8 JSON). Never pickle: the channel
end lives in an untrusted process. :func:`parse_request` is the single place a seed's request is validated;
it turns anything malformed into :class:`~llm.errors.BadRequest` with a one-line message.
"""

from __future__ import annotations

import json
import math
import socket
from dataclasses import dataclass
from enum import Enum

from llm.errors import BadRequest
from llm.frames import FrameError as FrameError  # re-exported: the LLM side catches it
from llm.frames import pack_frame, recv_body

MAX_FRAME_BYTES = 4 * 1024 * 1024
MAX_TOKENS_LIMIT = 8192
MAX_STOP_STRINGS = 8
MAX_STOP_CHARS = 256
MAX_MESSAGES = 256
ROLES = frozenset({"system", "user", "assistant"})


class CallKind(Enum):
    """What a request asks the model for."""

    CHAT = "chat"
    COMPLETE = "complete"


@dataclass(frozen=True, slots=True)
class Message:
    """One chat message."""

    role: str
    content: str


@dataclass(frozen=True, slots=True)
class GenerateRequest:
    """A validated generation request.

    Invariants: ``kind`` is CHAT ⇒ ``messages`` is non-empty and ``prompt`` is ""; COMPLETE ⇒ the reverse;
    ``0 <= temperature <= 5``; ``1 <= max_tokens <= MAX_TOKENS_LIMIT``; ``seed`` is None or a uint32.
    """

    kind: CallKind
    prompt: str = ""
    messages: tuple[Message, ...] = ()
    seed: int | None = None
    temperature: float = 0.0
    max_tokens: int = 256
    stop: tuple[str, ...] = ()

    @property
    def deterministic(self) -> bool:
        """True when the same request always yields the same text (greedy, or sampled with a fixed seed)."""
        return self.temperature == 0.0 or self.seed is not None

    def to_json(self) -> dict[str, object]:
        """The request as plain JSON values (the inverse of :func:`parse_request`)."""
        body: dict[str, object] = {
            "op": self.kind.value,
            "seed": self.seed,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "stop": list(self.stop),
        }
        if self.kind is CallKind.CHAT:
            body["messages"] = [{"role": m.role, "content": m.content} for m in self.messages]
        else:
            body["prompt"] = self.prompt
        return body

    def with_seed(self, seed: int | None) -> GenerateRequest:
        """A copy with another seed."""
        return GenerateRequest(
            self.kind, self.prompt, self.messages, seed, self.temperature, self.max_tokens, self.stop
        )


def _bad(what: str, value: object, fix: str) -> BadRequest:
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return BadRequest(f"bad LLM request: {what} is {shown}; {fix}")


def _parse_messages(raw: object) -> tuple[Message, ...]:
    if not isinstance(raw, list) or not raw:
        raise _bad("messages", raw, "pass a non-empty list of {'role': ..., 'content': ...} dicts")
    if len(raw) > MAX_MESSAGES:
        raise _bad("number of messages", len(raw), f"pass at most {MAX_MESSAGES}")
    out = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or set(item) != {"role", "content"}:
            raise _bad(f"messages[{i}]", item, "each message is a dict with exactly 'role' and 'content'")
        role, content = item["role"], item["content"]
        if role not in ROLES:
            raise _bad(f"messages[{i}]['role']", role, f"use one of {sorted(ROLES)}")
        if not isinstance(content, str):
            raise _bad(f"messages[{i}]['content']", content, "content must be a str")
        out.append(Message(role, content))
    return tuple(out)


def parse_request(raw: object) -> GenerateRequest:
    """Validate a decoded frame from a seed.

    Raises:
        BadRequest: anything but a well-formed chat or complete request. Never raises anything else.
    """
    if not isinstance(raw, dict):
        raise _bad("the request", raw, "send a JSON object")
    op = raw.get("op")
    known = {"op", "seed", "temperature", "max_tokens", "stop", "messages", "prompt"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise _bad("unknown fields", unknown, f"use only {sorted(known)}")
    seed = raw.get("seed")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**32):
        raise _bad("seed", seed, "pass None or an int in [0, 2**32)")
    temperature = raw.get("temperature", 0.0)
    if (
        not isinstance(temperature, int | float)
        or isinstance(temperature, bool)
        or not math.isfinite(temperature)
        or not 0.0 <= temperature <= 5.0
    ):
        raise _bad("temperature", temperature, "pass a float in [0, 5]")
    max_tokens = raw.get("max_tokens", 256)
    if (
        not isinstance(max_tokens, int)
        or isinstance(max_tokens, bool)
        or not 1 <= max_tokens <= MAX_TOKENS_LIMIT
    ):
        raise _bad("max_tokens", max_tokens, f"pass an int in [1, {MAX_TOKENS_LIMIT}]")
    stop_raw = raw.get("stop") or []
    if (
        not isinstance(stop_raw, list)
        or len(stop_raw) > MAX_STOP_STRINGS
        or not all(isinstance(s, str) and 0 < len(s) <= MAX_STOP_CHARS for s in stop_raw)
    ):
        raise _bad("stop", stop_raw, f"pass None or a list of at most {MAX_STOP_STRINGS} non-empty strings")
    stop = tuple(stop_raw)
    if op == CallKind.CHAT.value:
        if "prompt" in raw:
            raise _bad("prompt", raw["prompt"], "a chat request carries 'messages', not 'prompt'")
        messages = _parse_messages(raw.get("messages"))
        return GenerateRequest(CallKind.CHAT, "", messages, seed, float(temperature), max_tokens, stop)
    if op == CallKind.COMPLETE.value:
        prompt = raw.get("prompt")
        if not isinstance(prompt, str) or not prompt:
            raise _bad("prompt", prompt, "pass a non-empty str")
        if "messages" in raw:
            raise _bad("messages", raw["messages"], "a complete request carries 'prompt', not 'messages'")
        return GenerateRequest(CallKind.COMPLETE, prompt, (), seed, float(temperature), max_tokens, stop)
    raise _bad("op", op, "use 'chat' or 'complete'")


def encode_frame(obj: object) -> bytes:
    """One frame holding ``obj`` as JSON."""
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_FRAME_BYTES:
        raise BadRequest(f"LLM request of {len(body)} bytes exceeds {MAX_FRAME_BYTES}; send a shorter prompt")
    return pack_frame(body)


def send_frame(sock: socket.socket, obj: object) -> None:
    """Write one frame; raises ``OSError`` when the peer is gone."""
    sock.sendall(encode_frame(obj))


def recv_frame(sock: socket.socket) -> tuple[bool, object]:
    """Read one frame (:func:`llm.frames.recv_body`, the project's one framing).

    Returns:
        ``(False, None)`` on a clean end of stream, else ``(True, decoded JSON)``; a frame whose body is not
        JSON decodes to a :class:`BadRequest` instance instead (the stream is still in sync).

    Raises:
        FrameError: the length prefix is over :data:`MAX_FRAME_BYTES` or the stream ends mid-frame.
    """
    got = recv_body(sock, MAX_FRAME_BYTES)
    if got is None:
        return False, None
    body, _ = got
    try:
        return True, json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        return True, BadRequest(
            f"bad LLM request: frame is not UTF-8 JSON ({err.__class__.__name__}); send JSON"
        )
