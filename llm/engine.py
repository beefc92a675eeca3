"""Batched decoding in the model process: several sequences in one llama.cpp context, one decode per step.

:class:`BatchEngine` serves up to ``n_seq`` requests at once (continuous batching: a sequence joins and leaves
between steps). Each :meth:`BatchEngine.step` evaluates one prompt chunk of a joining sequence (a decode of
its own) and then the next token of every generating sequence (one decode for all of them), so a long
prompt delays the others by one chunk per step, never by the whole prompt.

Same request + seed ⇒ same text, alone or batched, and the same text ``Llama.create_completion`` gives:

* every sequence has its own KV stream (``kv_unified = false``): its attention reads only its own cells, in
  its own order, whatever the other sequences hold;
* prompts are evaluated in chunks of :data:`~llm.prefix.ALIGN` tokens that start at multiples of ``ALIGN``,
  each chunk in a decode of its own with the logits of its last token (what ``Llama.eval`` does), and only
  aligned prefixes are reused (:mod:`llm.prefix`);
* a generation step's rows are computed independently of each other (``bench/batched_identity.py`` measures
  bit-identical logits alone and batched for the default model, build and thread count);
* each sequence samples with its own sampler chain seeded with its request's seed — the chain
  ``Llama.create_completion`` builds (top-k 40, typical 1.0, top-p 0.95, min-p 0.05, temperature, seeded
  ``dist``; greedy at temperature 0) — and detokenizes, stops and counts tokens the way it does.

Single-threaded: one thread owns an engine (the model process's serving loop).
"""

from __future__ import annotations

import ctypes
import time
from dataclasses import dataclass, field
from typing import Any

from llm.cache import Generation
from llm.prefix import ALIGN, DEFAULT_CAPACITY_BYTES, PrefixStore, common_prefix, reusable

# create_completion's sampling defaults (llama-cpp-python 0.3.x), so that a request gets the same text here.
TOP_K, TYPICAL_P, TOP_P, MIN_P = 40, 1.0, 0.95, 0.05


@dataclass(frozen=True, slots=True)
class Limits:
    """How one sequence samples and when it ends.

    Attributes:
        max_tokens: completion tokens at most (``length`` when reached).
        temperature: 0 for greedy decoding.
        seed: the sampler's seed (ignored when greedy).
        stop: stop strings as UTF-8 bytes; the text ends before the first of them (in this order) it holds.
        deadline: ``time.monotonic()`` after which the sequence ends (``deadline``); None for none.
    """

    max_tokens: int
    temperature: float = 0.0
    seed: int = 0
    stop: tuple[bytes, ...] = ()
    deadline: float | None = None


@dataclass(frozen=True, slots=True)
class Finished:
    """A sequence that ended: the caller's ``tag`` and what it produced (``finish_reason`` ``"stop"``: end of
    generation or a stop string; ``"length"``; ``"deadline"``)."""

    tag: object
    generation: Generation


@dataclass(slots=True)
class _Sequence:
    tag: object
    sid: int
    prompt: list[int]
    limits: Limits
    sampler: Any
    reused: int
    started: float
    n_eval: int = 0  # prompt tokens whose cells are in place
    pending: int | None = None  # a sampled token not yet decoded
    multibyte: int = 0  # tokens still to take before the text is checked (an incomplete UTF-8 character)
    generated: list[int] = field(default_factory=list)
    out: bytearray = field(default_factory=bytearray)


class BatchEngine:
    """Up to ``n_seq`` concurrent sequences on the model of ``llm`` (a loaded ``llama_cpp.Llama``, used for
    its model and vocabulary only: the engine has its own context of ``n_ctx`` cells per sequence).

    Invariants: a sequence id is either free or held by exactly one active sequence; a free id's cells hold
    an aligned prompt prefix (``_live``) or nothing; the stored prefixes stay within ``prefix_cache_bytes``.
    """

    def __init__(
        self,
        llm: Any,
        n_seq: int,
        n_ctx: int,
        n_threads: int,
        prefix_cache_bytes: int = DEFAULT_CAPACITY_BYTES,
    ) -> None:
        import llama_cpp.llama_cpp as ll

        if not 1 <= n_seq <= ALIGN:
            raise ValueError(f"n_seq is {n_seq}; pass 1 to {ALIGN}")
        self._ll = ll
        self._llm = llm  # the model must outlive the context made from it
        self.n_seq = n_seq
        self.n_ctx = n_ctx
        params = ll.llama_context_params()
        ctypes.memmove(ctypes.byref(params), ctypes.byref(llm.context_params), ctypes.sizeof(params))
        params.n_ctx = n_ctx * n_seq
        params.n_batch = params.n_ubatch = ALIGN
        params.n_seq_max = n_seq
        params.kv_unified = False
        params.n_threads = params.n_threads_batch = n_threads
        self._ctx = ll.llama_init_from_model(self._llm._model.model, params)
        if not self._ctx:
            raise RuntimeError(f"llama.cpp could not create a context of {n_seq} × {n_ctx} cells")
        self._mem = ll.llama_get_memory(self._ctx)
        self._vocab = ll.llama_model_get_vocab(self._llm._model.model)
        self._bos = int(ll.llama_vocab_bos(self._vocab))
        self._batch = ll.llama_batch_init(ALIGN, 0, 1)
        self._piece = ctypes.create_string_buffer(64)
        self.prefixes = PrefixStore(prefix_cache_bytes)
        self._live: list[tuple[int, ...]] = [() for _ in range(n_seq)]
        self._free: list[int] = list(range(n_seq))
        self._active: list[_Sequence] = []
        self._closed = False

    # ------------------------------------------------------------------ public
    @property
    def free(self) -> int:
        """How many more sequences :meth:`add` accepts now."""
        return len(self._free)

    @property
    def busy(self) -> bool:
        """Whether any sequence is active (:meth:`step` has work)."""
        return bool(self._active)

    def add(self, tag: object, prompt: list[int], limits: Limits) -> None:
        """Start a sequence for ``prompt`` (``1 ≤ len(prompt) < n_ctx``, ``max_tokens ≥ 1``); it ends in a
        later :meth:`step`. Raises ``RuntimeError`` when every sequence id is taken."""
        if not self._free:
            raise RuntimeError(f"all {self.n_seq} sequences are busy; wait for a step to finish one")
        if not 1 <= len(prompt) < self.n_ctx or limits.max_tokens < 1:
            raise ValueError(f"prompt of {len(prompt)} tokens, max_tokens {limits.max_tokens}: out of range")
        sid, reused = self._place(prompt)
        self._active.append(
            _Sequence(tag, sid, list(prompt), limits, self._sampler(limits), reused, time.monotonic(), reused)
        )

    def step(self) -> list[Finished]:
        """One prompt chunk of the first sequence still evaluating its prompt, then one token of every
        generating sequence; the sequences that ended. Raises ``RuntimeError`` when llama.cpp fails (the
        engine's state is then unknown: drop it)."""
        done: list[Finished] = []
        joining = next((s for s in self._active if s.n_eval < len(s.prompt)), None)
        generating = [s for s in self._active if s.pending is not None]
        if joining is not None:
            end = min(len(joining.prompt), joining.n_eval + ALIGN)
            chunk = joining.prompt[joining.n_eval : end]
            self._decode(
                [(joining.sid, joining.n_eval + i, t, i == len(chunk) - 1) for i, t in enumerate(chunk)]
            )
            joining.n_eval = end
            if end == len(joining.prompt):
                self._take(joining, len(chunk) - 1, done)
        if generating:
            rows = []
            for seq in generating:
                assert seq.pending is not None
                rows.append((seq.sid, len(seq.prompt) + len(seq.generated) - 1, seq.pending, True))
            self._decode(rows)
            for i, seq in enumerate(generating):
                self._take(seq, i, done)
        now = time.monotonic()
        for seq in [s for s in self._active if s.limits.deadline is not None and now > s.limits.deadline]:
            self._end(seq, "deadline", self._text(seq), done)
        return done

    def reset(self) -> None:
        """Drop every active sequence and every kept cell (after a failed step)."""
        for seq in self._active:
            self._ll.llama_sampler_free(seq.sampler)
        self._active.clear()
        self._ll.llama_memory_clear(self._mem, True)
        self._live = [() for _ in range(self.n_seq)]
        self._free = list(range(self.n_seq))

    def close(self) -> None:
        """Free the context, the batch and the samplers. Idempotent."""
        if self._closed:
            return
        self._closed = True
        for seq in self._active:
            self._ll.llama_sampler_free(seq.sampler)
        self._active.clear()
        self._ll.llama_batch_free(self._batch)
        self._ll.llama_free(self._ctx)

    # ------------------------------------------------------------------ sequences
    def _place(self, prompt: list[int]) -> tuple[int, int]:
        """A free sequence id for ``prompt`` and how many of its tokens are already in that id's cells: the
        free id whose kept prefix it shares most with, or a stored prefix restored into the least useful."""
        n = len(prompt)

        def use(sid: int) -> tuple[int, int, int]:  # what it reuses, then what its cells would lose
            return reusable(common_prefix(self._live[sid], prompt), n), -len(self._live[sid]), -sid

        best = max(self._free, key=use)
        live = use(best)[0]
        stored, from_store = self.prefixes.best(prompt)
        if stored is not None and from_store > live:
            best = max(self._free, key=lambda sid: use(sid)[1:])  # the emptiest cells take the restore
            live = from_store if self._restore(best, stored.tokens, stored.state) else 0
        self._free.remove(best)
        self._ll.llama_memory_seq_rm(self._mem, best, live, -1)
        self._live[best] = tuple(prompt[:live])
        return best, live

    def _restore(self, sid: int, tokens: tuple[int, ...], state: bytes) -> bool:
        """Load a stored prefix into ``sid``'s cells; False (and empty cells) when llama.cpp refuses it."""
        self._ll.llama_memory_seq_rm(self._mem, sid, 0, -1)
        buf = (ctypes.c_uint8 * len(state)).from_buffer_copy(state)
        if self._ll.llama_state_seq_set_data(self._ctx, buf, len(state), sid) != len(state):
            self._ll.llama_memory_seq_rm(self._mem, sid, 0, -1)
            self._live[sid] = ()
            return False
        self._live[sid] = tokens
        return True

    def _sampler(self, limits: Limits) -> Any:
        ll = self._ll
        chain = ll.llama_sampler_chain_init(ll.llama_sampler_chain_default_params())
        if limits.temperature == 0.0:
            ll.llama_sampler_chain_add(chain, ll.llama_sampler_init_greedy())
            return chain
        for sampler in (
            ll.llama_sampler_init_top_k(TOP_K),
            ll.llama_sampler_init_typical(TYPICAL_P, 1),
            ll.llama_sampler_init_top_p(TOP_P, 1),
            ll.llama_sampler_init_min_p(MIN_P, 1),
            ll.llama_sampler_init_temp(limits.temperature),
            ll.llama_sampler_init_dist(limits.seed & 0xFFFFFFFF),
        ):
            ll.llama_sampler_chain_add(chain, sampler)
        return chain

    def _decode(self, rows: list[tuple[int, int, int, bool]]) -> None:
        """One ``llama_decode`` of ``(sequence id, position, token, wants logits)`` rows."""
        batch = self._batch
        batch.n_tokens = len(rows)
        for i, (sid, pos, token, logits) in enumerate(rows):
            batch.token[i], batch.pos[i], batch.n_seq_id[i], batch.logits[i] = token, pos, 1, logits
            batch.seq_id[i][0] = sid
        status = self._ll.llama_decode(self._ctx, batch)
        if status != 0:
            raise RuntimeError(f"llama_decode failed with status {status}")

    def _take(self, seq: _Sequence, row: int, done: list[Finished]) -> None:
        """Sample ``seq``'s next token from the logits of ``row`` of the last decode; end it if it is done.

        The order of the checks is ``create_completion``'s: end of generation; then, unless the text ends in
        an incomplete UTF-8 character (its ``multibyte_fix``: those tokens are not checked), the first stop
        string in the request's order that the text holds, then the length."""
        token = int(self._ll.llama_sampler_sample(seq.sampler, self._ctx, row))
        seq.pending = None
        if self._ll.llama_vocab_is_eog(self._vocab, token):
            self._end(seq, "stop", self._text(seq), done)
            return
        seq.generated.append(token)
        seq.out += self._token_bytes(token)
        text = self._text(seq)
        if len(seq.prompt) + len(seq.generated) >= self.n_ctx:
            self._end(
                seq, "length", text, done
            )  # its context is full (past max_tokens only by multibyte_fix)
            return
        for k, char in enumerate(text[-3:]):
            k = 3 - k
            for num, pattern in ((2, 192), (3, 224), (4, 240)):
                if num > k and pattern & char == pattern:
                    seq.multibyte = num - k
        if seq.multibyte > 0:
            seq.multibyte -= 1
            seq.pending = token
            return
        stop = next((s for s in seq.limits.stop if s in text), None)
        if stop is not None:
            self._end(seq, "stop", text[: text.index(stop)], done)
        elif len(seq.generated) >= seq.limits.max_tokens:
            self._end(seq, "length", text, done)
        else:
            seq.pending = token

    def _text(self, seq: _Sequence) -> bytes:
        """The completion's bytes as ``Llama.detokenize`` gives them (a leading BOS loses its space)."""
        if seq.generated and seq.generated[0] == self._bos and seq.out[:1] == b" ":
            return bytes(seq.out[1:])
        return bytes(seq.out)

    def _token_bytes(self, token: int) -> bytes:
        n = self._ll.llama_token_to_piece(self._vocab, token, self._piece, len(self._piece), 0, False)
        if n < 0:
            self._piece = ctypes.create_string_buffer(-n)
            n = self._ll.llama_token_to_piece(self._vocab, token, self._piece, len(self._piece), 0, False)
        return bytes(self._piece.raw[:n])

    def _end(self, seq: _Sequence, reason: str, text: bytes, done: list[Finished]) -> None:
        """Report ``seq``, keep its prompt's aligned prefix (live and stored) and free its id."""
        self._active.remove(seq)
        self._ll.llama_sampler_free(seq.sampler)
        generation = Generation(
            text.decode("utf-8", errors="ignore"),
            len(seq.prompt),
            len(seq.generated),
            reason,
            time.monotonic() - seq.started,
            len(seq.prompt) - seq.reused,
        )
        done.append(Finished(seq.tag, generation))
        evaluated = min(seq.n_eval, len(seq.prompt))
        keep = evaluated - evaluated % ALIGN
        self._ll.llama_memory_seq_rm(self._mem, seq.sid, keep, -1)
        self._live[seq.sid] = tuple(seq.prompt[:keep])
        self._free.append(seq.sid)
        if keep and not self.prefixes.holds(self._live[seq.sid]):
            size = int(self._ll.llama_state_seq_get_size(self._ctx, seq.sid))
            buf = (ctypes.c_uint8 * size)()
            written = int(self._ll.llama_state_seq_get_data(self._ctx, buf, size, seq.sid))
            if 0 < written <= size:
                self.prefixes.put(self._live[seq.sid], bytes(buf)[:written])
