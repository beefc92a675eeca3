"""The ``llm`` object a seed receives: a thin client over one inherited socket.

Runs inside the untrusted seed sandbox, so it imports only the standard library and this package's ``wire``
and ``errors`` modules (never ``llama_cpp``), holds no budget logic (the trusted broker enforces it) and
opens no network connection: it speaks over a file descriptor the harness inherited to the sandbox
(``LLMChannel.from_fd``).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Sequence

from llm.errors import BadRequest, LLMError, ServiceError, error_from_wire
from llm.wire import FrameError, recv_frame, send_frame


class LLMChannel:
    """A seed's budgeted LLM.

    Satisfies the seed-contract protocol: ``chat(messages, *, seed, temperature, max_tokens, stop) -> str``
    and ``complete(prompt, *, ...) -> str``. Thread-safe: calls from several threads are serialised.
    Every failure raises an :class:`~llm.errors.LLMError` subclass with a one-line message.
    ``last_prompt_tokens``, ``last_completion_tokens`` and ``last_model_seconds`` (0 for a cache hit) describe
    the last successful call, for information only: accounting happens on the trusted side.
    """

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._lock = threading.Lock()
        self.last_prompt_tokens = 0
        self.last_completion_tokens = 0
        self.last_model_seconds = 0.0

    @classmethod
    def from_fd(cls, fd: int) -> LLMChannel:
        """Wrap an inherited ``AF_UNIX`` stream socket descriptor (one end of ``socket.socketpair()``)."""
        return cls(socket.socket(fileno=fd))

    def chat(
        self,
        messages: list[dict[str, str]],
        *,
        seed: int | None = None,
        temperature: float = 0.0,
        max_tokens: int = 256,
        stop: list[str] | None = None,
    ) -> str:
        """Generate the assistant's reply to ``messages`` (the model's chat template applies)."""
        return self._call({"op": "chat", "messages": messages}, seed, temperature, max_tokens, stop)

    def complete(
        self,
        prompt: str,
        *,
        seed: int | None = None,
        temperature: float = 0.0,
        max_tokens: int = 256,
        stop: list[str] | None = None,
    ) -> str:
        """Continue ``prompt`` verbatim (no chat template)."""
        return self._call({"op": "complete", "prompt": prompt}, seed, temperature, max_tokens, stop)

    def _call(
        self,
        body: dict[str, object],
        seed: int | None,
        temperature: float,
        max_tokens: int,
        stop: Sequence[str] | None,
    ) -> str:
        body.update(
            seed=seed,
            temperature=temperature,
            max_tokens=max_tokens,
            stop=list(stop) if isinstance(stop, list | tuple) else stop,
        )
        with self._lock:
            try:
                send_frame(self._sock, body)
                ok, reply = recv_frame(self._sock)
            except (TypeError, ValueError) as err:
                raise BadRequest(
                    f"bad LLM request: not JSON-serialisable ({err}); pass str/int/float/list"
                ) from None
            except (OSError, FrameError) as err:
                raise ServiceError(
                    f"LLM channel broken: {err}; the evaluation's LLM session is over"
                ) from None
        if not ok:
            raise ServiceError("LLM service closed the channel; the evaluation's LLM session is over")
        if not isinstance(reply, dict):
            raise ServiceError(f"LLM service sent a malformed reply {reply!r:.60}")
        if reply.get("ok") is True and isinstance(reply.get("text"), str):
            self.last_prompt_tokens = int(reply.get("prompt_tokens", 0))
            self.last_completion_tokens = int(reply.get("completion_tokens", 0))
            self.last_model_seconds = float(reply.get("model_seconds", 0.0))
            return str(reply["text"])
        raise error_from_wire(str(reply.get("error", "")), str(reply.get("message", "LLM call failed")))

    def close(self) -> None:
        """Close the socket; later calls raise :class:`ServiceError`. Idempotent."""
        self._sock.close()

    def __enter__(self) -> LLMChannel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["LLMChannel", "LLMError"]
