"""The model process: one loaded GGUF model serving frames on an inherited socket.

Started by :class:`llm.process.ModelProcess` as
``python -m llm.server --fd N --config JSON``.
It is trusted code, but it runs in its own process so that the broker can kill it at a deadline overrun and
restart it if it dies. Protocol (frames of :mod:`llm.wire`):

* first frame it sends: ``{"ready": true, "n_ctx": int, "load_seconds": float}`` or
  ``{"ready": false, "error": kind, "message": str}`` (then it exits);
* each request ``{"id": int, "request": GenerateRequest JSON, "token_limit": int | null,
  "deadline_s": float | null}`` gets ``{"id", "ok": true, "text", "prompt_tokens", "prompt_evaluated",
  "completion_tokens", "finish_reason", "seconds"}`` or ``{"id", "ok": false, "error": kind, "message"}``.
  Up to ``n_seq`` (config) requests are served at once, batched (:mod:`llm.engine`); replies come in the
  order requests end, each with its request's ``id``. A request sent while ``n_seq`` are active waits.

Prompt-prefix reuse (:mod:`llm.prefix`): when a request ends, the KV cells of its prompt's aligned prefix are
kept (live, in its sequence) and stored in a bounded :class:`~llm.prefix.PrefixStore`; a new request takes the
free sequence that shares most with it, or restores the stored prefix it shares most with, and evaluates
only the rest. A reply says how many prompt tokens were evaluated (``prompt_evaluated``).

Determinism: one request and seed always yield one text on one build and thread count, whatever was asked
before and whatever runs beside it (see :mod:`llm.engine`).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import queue
import socket
import sys
import threading
import time
from typing import Any

from llm.engine import BatchEngine, Finished, Limits
from llm.errors import BudgetExhausted, LLMError, PromptTooLong
from llm.loader import load_llama
from llm.prefix import ALIGN, DEFAULT_CAPACITY_BYTES
from llm.wire import CallKind, GenerateRequest, parse_request, recv_frame, send_frame

_CHATML = (
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
    " + '<|im_end|>' + '\\n'}}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
TOKENIZER_CTX = 256  # the Llama object's own context: unused (the engine has its own), so the smallest


class ModelRunner:
    """One loaded model serving up to ``n_seq`` requests at once through a :class:`~llm.engine.BatchEngine`.

    :meth:`admit` checks a request frame and starts its sequence (or answers it at once: a bad request, a
    prompt that does not fit); :meth:`step` advances every sequence and returns the replies of those that
    ended. Nothing but :class:`LLMError` leaves :meth:`admit` as an error reply; a llama.cpp failure in a step
    fails every active request and starts the engine afresh.
    """

    def __init__(
        self,
        model_path: str,
        n_ctx: int,
        n_threads: int,
        n_gpu_layers: int,
        prefix_cache_bytes: int = DEFAULT_CAPACITY_BYTES,
        n_seq: int = 1,
    ) -> None:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        # The Llama object lends its model and vocabulary; the engine has its own context of n_ctx cells per
        # sequence, so this one stays as small as llama.cpp allows.
        self.llm = load_llama(
            model_path, n_ctx=TOKENIZER_CTX, n_threads=n_threads, n_gpu_layers=n_gpu_layers, n_batch=ALIGN
        )
        self.engine = BatchEngine(self.llm, n_seq, n_ctx, n_threads, prefix_cache_bytes)
        self._replies: dict[int, tuple[object, bool, int]] = {}  # tag → (request id, clamped, max_tokens)
        self._tags = itertools.count()
        model = self.llm._model
        eos_id, bos_id = self.llm.token_eos(), self.llm.token_bos()
        eos = model.token_get_text(eos_id) if eos_id != -1 else ""
        bos = model.token_get_text(bos_id) if bos_id != -1 else ""
        template = self.llm.metadata.get("tokenizer.chat_template") or _CHATML
        self._formatter = Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)
        self.n_ctx = n_ctx

    def _prompt_tokens(self, request: GenerateRequest) -> tuple[list[int], list[str]]:
        if request.kind is CallKind.CHAT:
            messages: Any = [{"role": m.role, "content": m.content} for m in request.messages]
            formatted = self._formatter(messages=messages)
            tokens = self.llm.tokenize(formatted.prompt.encode("utf-8"), add_bos=False, special=True)
            extra = formatted.stop if isinstance(formatted.stop, list) else [formatted.stop or ""]
            return tokens, [s for s in extra if s]
        return self.llm.tokenize(request.prompt.encode("utf-8"), add_bos=True, special=True), []

    def _limits(
        self, request: GenerateRequest, token_limit: int | None, deadline_s: float | None
    ) -> tuple[list[int], Limits, bool]:
        """The prompt's tokens, the sequence's limits and whether the token budget clamped ``max_tokens``."""
        tokens, extra_stop = self._prompt_tokens(request)
        n_prompt = len(tokens)
        if n_prompt >= self.n_ctx:
            raise PromptTooLong(
                f"prompt of {n_prompt} tokens does not fit the context window of {self.n_ctx} tokens;"
                " shorten the prompt"
            )
        max_tokens = min(request.max_tokens, self.n_ctx - n_prompt)
        clamped = False
        if token_limit is not None:
            room = token_limit - n_prompt
            if room < 1:
                raise BudgetExhausted(
                    f"token budget: the prompt needs {n_prompt} tokens but only {token_limit} remain;"
                    " shorten the prompt or stop calling the LLM"
                )
            if room < max_tokens:
                max_tokens, clamped = room, True
        limits = Limits(
            max_tokens=max_tokens,
            temperature=request.temperature,
            seed=request.seed if request.seed is not None else 0,
            stop=tuple(s.encode("utf-8") for s in (*request.stop, *extra_stop) if s),
            deadline=time.monotonic() + deadline_s if deadline_s is not None else None,
        )
        return tokens, limits, clamped

    def admit(self, message: object) -> dict[str, object] | None:
        """Start the request in ``message`` (None), or its reply when it is answered at once (an error)."""
        request_id = message.get("id") if isinstance(message, dict) else None
        if not isinstance(message, dict):
            return {
                "id": None,
                "ok": False,
                "error": "bad_request",
                "message": "model process got a non-object frame",
            }
        try:
            request = parse_request(message.get("request"))
            token_limit = message.get("token_limit")
            deadline_s = message.get("deadline_s")
            tokens, limits, clamped = self._limits(
                request,
                int(token_limit) if token_limit is not None else None,
                float(deadline_s) if deadline_s is not None else None,
            )
            tag = next(self._tags)
            self.engine.add(tag, tokens, limits)
        except LLMError as err:
            return {"id": request_id, "ok": False, "error": err.kind, "message": str(err)}
        except Exception as err:  # a llama.cpp or template failure must not kill the process
            return {"id": request_id, **_failure(err)}
        self._replies[tag] = (request_id, clamped, limits.max_tokens)
        return None

    def step(self) -> list[dict[str, object]]:
        """Advance every active request by one step; the replies of those that ended."""
        try:
            finished = self.engine.step()
        except Exception as err:  # the engine's cells are in an unknown state: fail them all, start afresh
            self.engine.reset()
            failed = [{"id": request_id, **_failure(err)} for request_id, _, _ in self._replies.values()]
            self._replies.clear()
            return failed
        return [self._reply(f) for f in finished]

    def _reply(self, done: Finished) -> dict[str, object]:
        assert isinstance(done.tag, int)
        request_id, clamped, max_tokens = self._replies.pop(done.tag)
        g = done.generation
        finish = g.finish_reason
        if finish == "length" and clamped and g.completion_tokens >= max_tokens:
            finish = "budget"
        return {
            "id": request_id,
            "ok": True,
            "text": g.text,
            "prompt_tokens": g.prompt_tokens,
            "prompt_evaluated": g.prompt_evaluated,
            "completion_tokens": g.completion_tokens,
            "finish_reason": finish,
            "seconds": g.seconds,
        }


def _failure(err: Exception) -> dict[str, object]:
    return {"ok": False, "error": "service_error", "message": f"model failed: {type(err).__name__}: {err}"}


def serve(sock: socket.socket, config: dict[str, Any]) -> int:
    """Load the model, announce readiness, answer frames until the peer closes. Returns an exit code.

    A reader thread queues the frames; this thread admits them while the engine has room and steps the
    engine while any request is active, so requests join and leave between steps."""
    started = time.monotonic()
    try:
        runner = ModelRunner(
            str(config["model_path"]),
            int(config["n_ctx"]),
            int(config["n_threads"]),
            int(config["n_gpu_layers"]),
            int(config.get("prefix_cache_bytes", DEFAULT_CAPACITY_BYTES)),
            int(config.get("n_seq", 1)),
        )
    except Exception as err:
        send_frame(
            sock, {"ready": False, "error": "corrupt_model", "message": f"{type(err).__name__}: {err}"}
        )
        return 3
    send_frame(sock, {"ready": True, "n_ctx": runner.n_ctx, "load_seconds": time.monotonic() - started})
    inbox: queue.Queue[object] = queue.Queue()
    closed = object()

    def read() -> None:
        while True:
            try:
                ok, message = recv_frame(sock)
            except (OSError, ValueError):
                ok, message = False, None
            if not ok:
                inbox.put(closed)
                return
            inbox.put(message)

    threading.Thread(target=read, name="frames", daemon=True).start()
    while True:
        wait = not runner.engine.busy  # idle: block for the next frame; busy: take what has come
        while runner.engine.free:
            try:
                message = inbox.get(block=wait)
            except queue.Empty:
                break
            if message is closed:
                return 0
            wait = False
            reply = runner.admit(message)
            if reply is not None:
                send_frame(sock, reply)
        for reply in runner.step() if runner.engine.busy else ():
            send_frame(sock, reply)


def _exit_with_parent(parent_pid: int) -> None:
    """Die as soon as the broker's process is gone, even mid-generation (no orphaned model eating CPU)."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the model process."""
    parser = argparse.ArgumentParser(prog="python -m llm.server")
    parser.add_argument("--fd", type=int, required=True, help="inherited socket descriptor")
    parser.add_argument("--config", required=True, help="JSON: model_path, n_ctx, n_threads, n_gpu_layers")
    parser.add_argument("--parent-pid", type=int, default=None, help="exit when this process is gone")
    args = parser.parse_args(argv)
    if args.parent_pid is not None:
        _exit_with_parent(args.parent_pid)
    with socket.socket(fileno=args.fd) as sock:
        try:
            return serve(sock, json.loads(args.config))
        except (OSError, ConnectionError):
            return 0  # the broker went away; nothing left to serve


if __name__ == "__main__":
    sys.exit(main())
