"""Prompt-prefix reuse: a bounded store of evaluated prompt prefixes and the rule for how much to reuse.

The model process keeps, per recent prompt, llama.cpp's KV state of that prompt's sequence (a few MB:
``llama_state_seq_get_data``, no logits), keyed by the prompt's tokens. A new prompt restores the stored
state with the longest common prefix and evaluates only the rest, so the next sample of the same system
prompt and task, or the other worker loop's prompt after an interleaved call, costs a few tokens instead of
the whole prompt.

Determinism (same request + seed ⇒ same text, reused or not): the KV values of a token may depend on how
the prompt was cut into batches. Prompts are therefore always evaluated in chunks of :data:`ALIGN` tokens
that start at multiples of :data:`ALIGN` (the model's ``n_batch`` is ``ALIGN``), and only a multiple of
:data:`ALIGN` tokens of a stored prompt is reused: the reused cells were computed from exactly the same
chunks as a cold evaluation would compute them. At least one prompt token is always evaluated (the logits
of the last one are what the first sample reads).

Pure: no ``llama_cpp`` here; the store holds opaque bytes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

ALIGN = 64
"""Prompt chunk size in tokens; reused prefixes are multiples of it."""

DEFAULT_CAPACITY_BYTES = 256 * 1024 * 1024
"""Default bound of the stored states (Qwen2.5-0.5B: ~12 KiB per token, so ~20k tokens of prompts)."""


def common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    """Length of the longest common prefix of two token lists. Pure."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def reusable(common: int, n_prompt: int) -> int:
    """Tokens of a stored prefix that a prompt of ``n_prompt`` tokens may reuse, given ``common`` tokens in
    common: aligned down to :data:`ALIGN`, and leaving at least one token to evaluate. Pure."""
    limit = min(common, n_prompt - 1)
    return max(0, limit - limit % ALIGN)


@dataclass(frozen=True, slots=True)
class Stored:
    """One stored prefix: its tokens (a multiple of :data:`ALIGN` long) and its sequence state."""

    tokens: tuple[int, ...]
    state: bytes


class PrefixStore:
    """Least-recently-used store of prefix states, bounded in bytes. Not thread-safe (one engine, one thread).

    Invariants: the stored bytes never exceed ``capacity_bytes`` (a state larger than the capacity is not
    stored); every key is a multiple of :data:`ALIGN` tokens long and non-empty.
    """

    def __init__(self, capacity_bytes: int = DEFAULT_CAPACITY_BYTES) -> None:
        if capacity_bytes < 0:
            raise ValueError(f"capacity_bytes is {capacity_bytes}; pass a non-negative int")
        self.capacity_bytes = capacity_bytes
        self._items: OrderedDict[tuple[int, ...], bytes] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)

    def holds(self, tokens: Sequence[int]) -> bool:
        """Whether exactly ``tokens`` is stored."""
        return tuple(tokens) in self._items

    def best(self, tokens: Sequence[int]) -> tuple[Stored | None, int]:
        """The stored prefix that lets ``tokens`` reuse the most, and how many tokens that is (0: none).
        Marks it recently used."""
        best_key: tuple[int, ...] | None = None
        best_n = 0
        for key in self._items:
            n = reusable(common_prefix(key, tokens), len(tokens))
            if n > best_n:
                best_key, best_n = key, n
        if best_key is None:
            return None, 0
        self._items.move_to_end(best_key)
        return Stored(best_key, self._items[best_key]), best_n

    def put(self, tokens: Sequence[int], state: bytes) -> bool:
        """Store ``state`` for ``tokens`` (a non-empty multiple of :data:`ALIGN`), evicting the least recently
        used entries to stay within the capacity. Returns whether it was stored."""
        key = tuple(tokens)
        if not key or len(key) % ALIGN:
            raise ValueError(f"a stored prefix is a non-empty multiple of {ALIGN} tokens, not {len(key)}")
        if len(state) > self.capacity_bytes:
            return False
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= len(old)
        # A shorter stored prefix of this key is now useless: this one reuses at least as much.
        for shorter in [k for k in self._items if len(k) < len(key) and key[: len(k)] == k]:
            self._bytes -= len(self._items.pop(shorter))
        self._items[key] = state
        self._bytes += len(state)
        while self._bytes > self.capacity_bytes:
            _, evicted = self._items.popitem(last=False)
            self._bytes -= len(evicted)
        return True
