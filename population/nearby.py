"""Token sequences within a few edits of each other, found without comparing against every one.

:class:`TokenIndex` keeps token sequences (a tokenizer's ids) and answers :meth:`TokenIndex.within`: the
sequences whose Levenshtein distance (insertions, deletions, substitutions of tokens) to a query is at most
``k``. Pure Python, no I/O. Candidates come from a q-gram count filter that never loses a true answer: an edit
touches at most ``q`` of a sequence's q-grams, so a sequence within ``k`` edits of ``a`` shares at least
``|grams(a)| − k·q`` of ``a``'s distinct q-grams (and differs in length by at most ``k``); each candidate is
then checked with a banded edit distance.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

Q = 4  # q-gram length, in tokens


def grams(seq: Sequence[int], q: int = Q) -> set[tuple[int, ...]]:
    """The distinct q-grams of ``seq`` (the whole sequence when it is shorter than ``q``). Pure."""
    if len(seq) < q:
        return {tuple(seq)}
    return {tuple(seq[i : i + q]) for i in range(len(seq) - q + 1)}


def pack(seq: Sequence[int]) -> bytes:
    """``seq`` (ids in ``[0, 2**32)``, as a tokenizer's are) as compact bytes: a typecode byte, then the ids as
    2-byte (or, when one needs it, 4-byte) machine integers. Equal sequences pack equal, different ones
    differently. Pure."""
    code = "H" if max(seq, default=0) < 1 << 16 else "I"
    return code.encode() + array(code, seq).tobytes()


def _packed_grams(seq: Sequence[int], q: int) -> set[bytes]:
    """:func:`grams` of ``seq``, each packed (:func:`pack`): the index's keys, far smaller than tuples."""
    return {pack(g) for g in grams(seq, q)}


def within_distance(a: Sequence[int], b: Sequence[int], k: int) -> int | None:
    """The Levenshtein distance of ``a`` and ``b`` when it is at most ``k``, else None. Pure; O(len·k)."""
    if abs(len(a) - len(b)) > k:
        return None
    start = 0  # a common prefix and suffix cost nothing: most pairs differ in one short stretch
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    if not a or not b:
        return max(len(a), len(b))  # within k: the lengths differ by at most k
    big = k + 1
    previous = [j if j <= k else big for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        lo, hi = max(1, i - k), min(len(b), i + k)
        current = [big] * (len(b) + 1)
        if i <= k:
            current[0] = i
        best = current[0]
        ai = a[i - 1]
        for j in range(lo, hi + 1):
            cost = previous[j - 1] + (ai != b[j - 1])
            cost = min(cost, previous[j] + 1, current[j - 1] + 1)
            current[j] = cost if cost <= k else big
            best = min(best, current[j])
        if best > k:
            return None
        previous = current
    return previous[len(b)] if previous[len(b)] <= k else None


@dataclass(frozen=True, slots=True)
class Near:
    """The answer of :meth:`TokenIndex.within`: the sequences within ``k`` edits (ids), and the best Jaccard
    overlap of q-gram sets among the sequences the count filter looked at (0.0 when none)."""

    ids: tuple[int, ...]
    overlap: float


class TokenIndex:
    """Token sequences, each with an id (its insertion order). Not thread-safe.

    Memory: it grows with every sequence added, so it is kept compact — each sequence as a machine-integer
    array (2 bytes a token rather than a tuple of int objects), each q-gram key packed into bytes, and a q-gram
    only one sequence has (most of them) posted as that sequence's id rather than a list of one.
    """

    def __init__(self, q: int = Q) -> None:
        self.q = q
        self._seqs: list[array[int]] = []
        self._grams = array("I")  # id → its number of distinct q-grams
        self._postings: dict[bytes, int | list[int]] = {}  # q-gram → the ids that have it, in order

    def __len__(self) -> int:
        return len(self._seqs)

    def tokens(self, ident: int) -> tuple[int, ...]:
        """The sequence added as ``ident``."""
        return tuple(self._seqs[ident])

    def add(self, seq: Sequence[int]) -> int:
        """Index ``seq``; returns its id."""
        ident = len(self._seqs)
        self._seqs.append(array("H" if max(seq, default=0) < 1 << 16 else "I", seq))
        mine = _packed_grams(seq, self.q)
        self._grams.append(len(mine))
        for g in mine:
            held = self._postings.get(g)
            if held is None:
                self._postings[g] = ident
            elif isinstance(held, int):
                self._postings[g] = [held, ident]
            else:
                held.append(ident)
        return ident

    def within(self, seq: Sequence[int], k: int) -> Near:
        """The indexed sequences at most ``k`` edits from ``seq``, nearest first (ties by id)."""
        mine = _packed_grams(seq, self.q)
        shared: defaultdict[int, int] = defaultdict(int)
        for g in mine:
            held = self._postings.get(g, ())
            for ident in (held,) if isinstance(held, int) else held:
                shared[ident] += 1
        need = len(mine) - k * self.q
        if need <= 0:  # too short for the count filter to say anything: every sequence of a close length
            for ident, other in enumerate(self._seqs):
                if abs(len(other) - len(seq)) <= k:
                    shared.setdefault(ident, 0)
        found: list[tuple[int, int]] = []
        overlap = 0.0
        for ident, count in shared.items():
            overlap = max(overlap, count / (len(mine) + self._grams[ident] - count))
            if count >= need:
                distance = within_distance(seq, self._seqs[ident], k)
                if distance is not None:
                    found.append((distance, ident))
        return Near(tuple(ident for _, ident in sorted(found)), overlap)
