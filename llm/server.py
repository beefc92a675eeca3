"""The model process: one loaded GGUF model serving frames on an inherited socket.

Started by :class:`llm.process.ModelProcess` as
``python -m llm.server --fd N --config JSON``.
It is trusted code, but it runs in its own process so that the broker can kill it at a deadline overrun and
restart it if it dies. Protocol (frames of :mod:`llm.wire`):

* first frame it sends: ``{"ready": true, "n_ctx": int, "load_seconds": float}`` or
  ``{"ready": false, "error": kind, "message": str}`` (then it exits);
* each request ``{"id": int, "request": GenerateRequest JSON, "token_limit": int | null,
  "deadline_s": float | null}`` gets ``{"id", "ok": true, "text", "prompt_tokens", "completion_tokens",
  "finish_reason", "seconds"}`` or ``{"id", "ok": false, "error": kind, "message"}``.

Prompt-prefix reuse (:mod:`llm.prefix`): after each request the KV cells of the prompt's aligned prefix are
kept (live) and stored in a bounded :class:`~llm.prefix.PrefixStore`; the next request restores the stored
prefix it shares most with and evaluates only the rest. A reply says how many prompt tokens were evaluated
(``prompt_evaluated``).

Determinism: prompts are evaluated in aligned chunks and only aligned prefixes are reused, and the sampler is
seeded with the request's seed, so one request always yields one text on one build and thread count, whatever
was asked before.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import socket
import sys
import threading
import time
from typing import Any

from llm.errors import BudgetExhausted, LLMError, PromptTooLong
from llm.loader import load_llama
from llm.prefix import ALIGN, DEFAULT_CAPACITY_BYTES, PrefixStore, Stored, common_prefix, reusable
from llm.wire import CallKind, GenerateRequest, parse_request, recv_frame, send_frame

_CHATML = (
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
    " + '<|im_end|>' + '\\n'}}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


class ModelRunner:
    """Wraps one ``llama_cpp.Llama``; :meth:`run` never raises anything but :class:`LLMError`."""

    def __init__(
        self,
        model_path: str,
        n_ctx: int,
        n_threads: int,
        n_gpu_layers: int,
        prefix_cache_bytes: int = DEFAULT_CAPACITY_BYTES,
    ) -> None:
        import llama_cpp
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        self._llama_cpp = llama_cpp
        self.llm = load_llama(
            model_path, n_ctx=n_ctx, n_threads=n_threads, n_gpu_layers=n_gpu_layers, n_batch=ALIGN
        )
        self.prefixes = PrefixStore(prefix_cache_bytes)
        self._live: tuple[int, ...] = ()  # the tokens whose KV cells sequence 0 holds now (aligned)
        model = self.llm._model
        eos_id, bos_id = self.llm.token_eos(), self.llm.token_bos()
        eos = model.token_get_text(eos_id) if eos_id != -1 else ""
        bos = model.token_get_text(bos_id) if bos_id != -1 else ""
        template = self.llm.metadata.get("tokenizer.chat_template") or _CHATML
        self._formatter = Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)
        self.n_ctx = int(self.llm.n_ctx())

    def _prompt_tokens(self, request: GenerateRequest) -> tuple[list[int], list[str]]:
        if request.kind is CallKind.CHAT:
            messages: Any = [{"role": m.role, "content": m.content} for m in request.messages]
            formatted = self._formatter(messages=messages)
            tokens = self.llm.tokenize(formatted.prompt.encode("utf-8"), add_bos=False, special=True)
            extra = formatted.stop if isinstance(formatted.stop, list) else [formatted.stop or ""]
            return tokens, [s for s in extra if s]
        return self.llm.tokenize(request.prompt.encode("utf-8"), add_bos=True, special=True), []

    def run(
        self, request: GenerateRequest, token_limit: int | None, deadline_s: float | None
    ) -> dict[str, object]:
        """Generate for ``request`` within ``token_limit`` tokens (prompt + completion) and the deadline."""
        started = time.monotonic()
        deadline = started + deadline_s if deadline_s is not None else None
        tokens, extra_stop = self._prompt_tokens(request)
        n_prompt = len(tokens)
        if n_prompt >= self.n_ctx:
            raise PromptTooLong(
                f"prompt of {n_prompt} tokens does not fit the context window of {self.n_ctx} tokens;"
                " shorten the prompt"
            )
        max_tokens = min(request.max_tokens, self.n_ctx - n_prompt)
        budget_clamped = False
        if token_limit is not None:
            room = token_limit - n_prompt
            if room < 1:
                raise BudgetExhausted(
                    f"token budget: the prompt needs {n_prompt} tokens but only {token_limit} remain;"
                    " shorten the prompt or stop calling the LLM"
                )
            if room < max_tokens:
                max_tokens, budget_clamped = room, True
        hit_deadline = False

        def past_deadline(_ids: Any, _logits: Any) -> bool:
            nonlocal hit_deadline
            if deadline is not None and time.monotonic() > deadline:
                hit_deadline = True
            return hit_deadline

        reused = self._reuse(tokens)
        try:
            result: Any = self.llm.create_completion(
                tokens,
                max_tokens=max_tokens,
                temperature=request.temperature,
                seed=request.seed if request.seed is not None else 0,
                stop=list(request.stop) + extra_stop,
                stopping_criteria=self._llama_cpp.StoppingCriteriaList([past_deadline]),
            )
        except BaseException:
            self._set_live(())  # the cells' state is unknown: start the next prompt from scratch
            raise
        self._keep(tokens)
        choice = result["choices"][0]
        completion_tokens = int(result["usage"]["completion_tokens"])
        finish = str(choice.get("finish_reason") or "stop")
        if hit_deadline:
            finish = "deadline"
        elif finish == "length" and budget_clamped and completion_tokens >= max_tokens:
            finish = "budget"
        return {
            "ok": True,
            "text": choice["text"],
            "prompt_tokens": n_prompt,
            "prompt_evaluated": n_prompt - reused,
            "completion_tokens": completion_tokens,
            "finish_reason": finish,
            "seconds": time.monotonic() - started,
        }

    # ------------------------------------------------------------------ prompt-prefix reuse
    def _set_live(self, tokens: tuple[int, ...]) -> None:
        """Drop every cell from ``len(tokens)`` on and tell ``Llama`` that ``tokens`` are evaluated."""
        n = len(tokens)
        self.llm._ctx.kv_cache_seq_rm(-1, n, -1)
        self.llm.input_ids[:n] = tokens
        self.llm.n_tokens = n
        self._live = tokens

    def _reuse(self, tokens: list[int]) -> int:
        """Make the cells hold the longest reusable prefix of ``tokens`` (live or stored); return its length.

        ``Llama.generate`` then finds that prefix evaluated and evaluates the rest from an aligned position.
        """
        live = reusable(common_prefix(self._live, tokens), len(tokens))
        stored, n = self.prefixes.best(tokens)
        if stored is not None and n > live:
            live = n if self._restore(stored) else 0
        self._set_live(tuple(tokens[:live]))
        return live

    def _restore(self, stored: Stored) -> bool:
        """Load a stored prefix into the cells; False (and empty cells) when llama.cpp refuses it."""
        lowlevel = self._llama_cpp.llama_cpp
        self.llm._ctx.kv_cache_seq_rm(-1, 0, -1)
        buf = (ctypes.c_uint8 * len(stored.state)).from_buffer_copy(stored.state)
        if lowlevel.llama_state_seq_set_data(self.llm._ctx.ctx, buf, len(stored.state), 0) != len(
            stored.state
        ):
            self._set_live(())
            return False
        self._live = stored.tokens
        return True

    def _keep(self, tokens: list[int]) -> None:
        """Keep the aligned prefix of the prompt just answered (live and stored); drop the rest."""
        keep = len(tokens) - len(tokens) % ALIGN
        self._set_live(tuple(tokens[:keep]))
        if keep == 0 or self.prefixes.holds(self._live):
            return
        lowlevel = self._llama_cpp.llama_cpp
        ctx = self.llm._ctx.ctx
        size = int(lowlevel.llama_state_seq_get_size(ctx, 0))
        buf = (ctypes.c_uint8 * size)()
        written = int(lowlevel.llama_state_seq_get_data(ctx, buf, size, 0))
        if 0 < written <= size:
            self.prefixes.put(self._live, bytes(buf)[:written])


def _handle(runner: ModelRunner, message: object) -> dict[str, object]:
    if not isinstance(message, dict):
        return {"ok": False, "error": "bad_request", "message": "model process got a non-object frame"}
    try:
        request = parse_request(message.get("request"))
        token_limit = message.get("token_limit")
        deadline_s = message.get("deadline_s")
        return runner.run(
            request,
            int(token_limit) if token_limit is not None else None,
            float(deadline_s) if deadline_s is not None else None,
        )
    except LLMError as err:
        return {"ok": False, "error": err.kind, "message": str(err)}
    except Exception as err:  # a llama.cpp failure must not kill the process
        return {
            "ok": False,
            "error": "service_error",
            "message": f"model failed: {type(err).__name__}: {err}",
        }


def serve(sock: socket.socket, config: dict[str, Any]) -> int:
    """Load the model, announce readiness, answer frames until the peer closes. Returns an exit code."""
    started = time.monotonic()
    try:
        runner = ModelRunner(
            str(config["model_path"]),
            int(config["n_ctx"]),
            int(config["n_threads"]),
            int(config["n_gpu_layers"]),
            int(config.get("prefix_cache_bytes", DEFAULT_CAPACITY_BYTES)),
        )
    except Exception as err:
        send_frame(
            sock, {"ready": False, "error": "corrupt_model", "message": f"{type(err).__name__}: {err}"}
        )
        return 3
    send_frame(sock, {"ready": True, "n_ctx": runner.n_ctx, "load_seconds": time.monotonic() - started})
    while True:
        ok, message = recv_frame(sock)
        if not ok:
            return 0
        reply = _handle(runner, message)
        reply["id"] = message.get("id") if isinstance(message, dict) else None
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
