"""Near-clone filter: MiniLM embeddings of a program's pieces, nearest neighbours among the token-near ones.

Whole-program embeddings cannot tell a child from its parent (MiniLM reads 256 tokens; one edit in a
200-line seed moves the mean of its chunk embeddings by ~1e-5), so the filter works on *pieces*: a program
is cut into chunks (each top-level statement; a long one into windows of a few lines). A child's
new chunks are those whose text no archived program has; each is compared with the chunks seen so far. The
child's novelty is ``1 − similarity`` of its most novel new chunk to its nearest neighbour; it is a near-clone
when that similarity is ≥ the threshold, i.e. every piece it changed is almost a piece already tried. Two cases
are special:

- *A parameter change is never a near-clone.* Embeddings barely see numbers (``MAX_TOKENS = 384`` and ``= 768``
  are 0.9999 alike), yet numbers are the genes most mutations tune. A new piece that equals a known piece once
  its numbers are blanked out (its *twin*) makes the child novel, and is never embedded: it shares its twin's
  vector. A child whose every new piece has a twin gets similarity 1 (novelty 0: nothing new but numbers)
  without a model call.
- *A child with no new piece* recombines known ones (a crossover, a deleted statement). It is a near-clone
  only when one archived program has exactly its pieces (top-level statements reordered); otherwise its
  similarity is the Jaccard overlap of its pieces with the closest program that shares its rarest piece.

The embedding is only asked where it can decide (:class:`NoveltyFilter`): against the indexed pieces a few
MiniLM tokens away. The model (:mod:`genome.minilm`, in numpy) loads on first use, once per process. A run
keeps it out of the manager: :class:`NoveltyProcess` serves the same filter from a child process of its own,
so the model never sits in the manager's memory and a crash in it is a one-line error, not a dead manager.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import select
import subprocess
import sys
import time
from array import array
from dataclasses import dataclass
from typing import IO, Any, Protocol

import numpy as np

from genome.minilm import INSTALL_HINT, MODEL_PACKAGE, MiniLM, model_dir, tokenizer
from genome.pieces import chunks
from population.errors import PopulationError
from population.nearby import TokenIndex, pack

MAX_NEW_PIECES = 64  # a child that changed more pieces than this is novel without asking the model
RECENT = 256  # embeddings of checked pieces kept for their program's add (a near-clone's are never added)
BAND = 4  # token edits within which an indexed piece may be a near-clone's neighbour (measured: at most 3)
ANSWER_S = 300.0  # the longest the manager waits for one answer (the first waits for the model to load)


class NoveltyUnavailableError(PopulationError):
    """The embedding model cannot be loaded."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """A child's novelty: ``similarity`` of its most novel new chunk to the nearest known chunk (0 when the
    filter has nothing to compare with), ``novelty = 1 − similarity``, and whether it is a near-clone."""

    similarity: float
    near_clone: bool

    @property
    def novelty(self) -> float:
        return 1.0 - self.similarity


def model_path() -> str:
    """Directory of the packaged MiniLM model. Raises NoveltyUnavailableError when it is not installed."""
    path = model_dir()
    if path is None:
        raise NoveltyUnavailableError(
            f"novelty filter needs the {MODEL_PACKAGE.replace('_', '-')} package: {INSTALL_HINT},"
            " or set novelty = 'off'"
        )
    return path


_NUMBER = re.compile(r"(?<![\w.])\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?j?(?!\w)")


def skeleton(piece: str) -> str:
    """``piece`` with every number written as ``#``: two pieces with one skeleton differ only in numbers. Pure."""
    return _NUMBER.sub("#", piece)


class NoveltyFilter:
    """Chunk index of every program added; not thread-safe.

    Memory: what it keeps grows with every program added (it is the index, not a cache), so it is kept
    compact: pieces and programs by 16-byte digests (bytes, not hex), a program's pieces and a piece's holders
    as integer arrays, token sequences as arrays (:class:`population.nearby.TokenIndex`), no piece texts (a
    piece is embedded from its tokens, which is what the model reads), and float32 vectors only for the pieces
    the model was asked about.

    The decisions are those of embedding every new piece and looking up its nearest neighbour among every piece
    indexed (the filter as of 5c8db62: MiniLM + hnswlib), computed lazily: a piece is compared only with the
    indexed pieces whose MiniLM token sequences are at most :data:`BAND` token edits away (:mod:`population.nearby`),
    and MiniLM embeds only those pieces, once each. Why that keeps the decisions: a similarity at or above the
    threshold (0.9995) means the two token sequences are almost the same — on the children of real runs
    every such pair was at most 3 token edits apart (``bench/novelty_agreement.py`` measures it) — so a piece
    with no indexed piece within :data:`BAND` edits is below the threshold, and a piece with the very tokens of
    an indexed one gets its vector (similarity 1). Most pieces need no model call, and the model (MiniLM in numpy,
    :mod:`genome.minilm`) loads only when one does.

    ``similarity`` of a piece with no indexed piece within the band is not an embedding similarity: it is the
    best q-gram overlap (Jaccard) with the indexed pieces, kept below the threshold.

    Args:
        threshold: cosine similarity at or above which a child counts as a near-clone.
    """

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._tokenizer = _tokenizer()
        self._model: MiniLM | None = None
        self._piece_ids: dict[bytes, int] = {}  # every piece of every program added → a small int
        self._holders: list[array[int]] = []  # piece int → the programs (indices) that have it
        self._programs: list[array[int]] = []  # program index → its pieces (sorted piece ints)
        self._added: set[bytes] = set()  # hashes of the programs added
        self._twins: dict[bytes, bytes] = {}  # a known piece's skeleton → the first known piece with it
        self._indexed: set[bytes] = set()  # pieces with a vector in the old filter's index (its _labels)
        self._near = TokenIndex()  # token sequences of the pieces whose own embedding the index holds
        self._same: dict[bytes, int] = {}  # token sequence (packed) → the first near id with it
        self._vectors: dict[int, np.ndarray] = {}  # near id → its embedding (float32), once asked for
        self._recent: dict[bytes, np.ndarray] = {}  # embeddings of recently checked pieces, by hash
        self._last: tuple[str, list[str]] = ("", [])  # the last program cut into pieces (check, then add)
        self.embedded = 0  # pieces this filter asked the model to embed
        self.cpu_s = 0.0  # runs on the caller's thread: its work is the caller's CPU time

    def ready(self, timeout: float | None = None) -> None:
        """Load the model now (it loads on first use otherwise). Raises NoveltyUnavailableError (one line)."""
        self._load()

    def _load(self) -> MiniLM:
        if self._model is not None:
            return self._model
        try:
            self._model = MiniLM(model_path())
        except NoveltyUnavailableError:
            raise
        except Exception as err:
            raise NoveltyUnavailableError(
                f"novelty model failed to load: {type(err).__name__}: {str(err)[:200]}; set novelty = 'off'"
            ) from None
        return self._model

    def _tokens(self, piece: str) -> tuple[int, ...]:
        return tuple(self._tokenizer.encode(piece).ids)

    def _vector(self, near_id: int) -> np.ndarray:
        if near_id not in self._vectors:
            self._vectors[near_id] = self._embed(self._near.tokens(near_id))
        return self._vectors[near_id]

    def _embed(self, tokens: tuple[int, ...]) -> np.ndarray:
        """MiniLM's normalised embedding of one piece's tokens (:mod:`genome.minilm`: numpy, no torch)."""
        model = self._load()
        self.embedded += 1
        return model.encode(tokens)

    def _pieces(self, canonical: str) -> list[str]:
        if self._last[0] != canonical:
            self._last = (canonical, list(dict.fromkeys(chunks(canonical))))
        return self._last[1]

    def _similarity(self, piece: str) -> float:
        """Cosine similarity of ``piece``'s embedding to its nearest indexed piece's, as far as it matters."""
        tokens = self._tokens(piece)
        if pack(tokens) in self._same:
            return 1.0  # the model sees the same input: the same vector
        near = self._near.within(tokens, BAND)
        if not near.ids:
            return min(near.overlap, _below(self.threshold))
        mine = self._recent.get(_h(piece))
        if mine is None:
            mine = self._recent[_h(piece)] = self._embed(tokens)
            if len(self._recent) > RECENT:
                del self._recent[next(iter(self._recent))]
        best = 0.0
        for i in near.ids:  # nearest first: the first at or above the threshold decides
            best = max(best, float(np.dot(mine, self._vector(i))))
            if best >= self.threshold:
                break
        return best

    def check(self, canonical: str) -> Verdict:
        """Is ``canonical`` a near-clone of what was added? Does not add it."""
        pieces = self._pieces(canonical)
        new = [c for c in pieces if _h(c) not in self._piece_ids]
        if not new:
            return self._recombination(pieces)
        if not self._indexed or len(new) > MAX_NEW_PIECES:
            return Verdict(0.0, False)  # bounded work per child, whatever a child's size
        fresh = [c for c in new if _h(skeleton(c)) not in self._twins]
        if not fresh:  # a parameter change: every new piece is a known one with other numbers
            return Verdict(1.0, False)
        similarity = min(self._similarity(c) for c in fresh)
        return Verdict(similarity, similarity >= self.threshold and len(fresh) == len(new))

    def _recombination(self, pieces: list[str]) -> Verdict:
        """The verdict on a child all of whose pieces are known (see the module docstring)."""
        mine = frozenset(self._piece_ids[_h(c)] for c in pieces)
        rarest = min(mine, key=lambda i: len(self._holders[i]))
        best = 0.0
        for program in self._holders[rarest]:
            theirs = frozenset(self._programs[program])
            if theirs == mine:
                return Verdict(1.0, True)
            best = max(best, len(mine & theirs) / len(mine | theirs))
        return Verdict(best, False)

    def add(self, canonical: str) -> None:
        """Record ``canonical``'s pieces and index those not indexed yet. Idempotent; never embeds."""
        key = _h(canonical)
        if key in self._added:
            return
        self._added.add(key)
        pieces = self._pieces(canonical)
        program = len(self._programs)
        ids = []
        for c in pieces:
            h = _h(c)
            if h not in self._piece_ids:
                self._piece_ids[h] = len(self._holders)
                self._holders.append(array("I"))
            ids.append(self._piece_ids[h])
            self._holders[ids[-1]].append(program)
        self._programs.append(array("I", sorted(set(ids))))
        new = [c for c in pieces if _h(c) not in self._indexed][: 4 * MAX_NEW_PIECES]
        # A piece whose twin was indexed before this program shares the twin's vector; any other has its own.
        own = [self._twins.get(_h(skeleton(c))) not in self._indexed for c in new]
        for c, its_own in zip(new, own, strict=True):
            if its_own:
                tokens = self._tokens(c)
                near_id = self._near.add(tokens)
                self._same.setdefault(pack(tokens), near_id)
                if _h(c) in self._recent:  # embedded when its program was checked: keep the vector
                    self._vectors[near_id] = self._recent.pop(_h(c))
            self._indexed.add(_h(c))
            self._twins.setdefault(_h(skeleton(c)), _h(c))


def _below(threshold: float) -> float:
    """The largest float below ``threshold``: a similarity estimate that can never make a near-clone."""
    return float(np.nextafter(np.float64(threshold), np.float64(0.0)))


def _tokenizer() -> Any:
    """MiniLM's own tokenizer (the ``tokenizers`` library: no torch), truncating as the model does."""
    path = model_path()
    try:
        return tokenizer(path)
    except Exception as err:
        raise NoveltyUnavailableError(
            f"novelty tokenizer failed to load: {type(err).__name__}: {str(err)[:200]}; set novelty = 'off'"
        ) from None


def _h(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Novelty(Protocol):
    """What the manager's intake needs of a near-clone filter.

    ``cpu_s``: CPU seconds the filter has spent answering, outside the caller's thread (0 for a filter that
    runs in it: the caller's own CPU time already counts that work).
    """

    cpu_s: float

    def check(self, canonical: str) -> Verdict: ...

    def add(self, canonical: str) -> None: ...


PROTOCOL = 1  # the JSON-lines protocol between NoveltyProcess and serve()


class NoveltyProcess:
    """A :class:`NoveltyFilter` in a child process (``python -c 'from population.novelty import serve; …'``).

    One JSON object a line each way, answered in order: ``{"op": "check"|"add", "text": …}`` gets
    ``{"similarity", "near_clone"}`` or ``{}``, each with ``cpu_s`` (the CPU time the answer took, summed in
    :attr:`cpu_s`); ``{"error": …}`` when the model failed to load. The child exits
    when its stdin closes, so it never outlives the manager, not even a SIGKILLed one.

    Args:
        threshold: as for :class:`NoveltyFilter`.
        log: where the child's stderr goes (model-loading chatter); None discards it.
        label: shown in the child's command line (the run directory), so ``ps`` tells whose filter it is.
    """

    def __init__(self, threshold: float, log: IO[bytes] | None = None, label: str = "") -> None:
        code = "from population.novelty import serve; serve()"
        # one BLAS thread: numpy's matrix products are the embedding, and the cores belong to the model
        one = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
        self._proc = subprocess.Popen(
            [sys.executable, "-c", code, str(threshold), *([label] if label else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log if log is not None else subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="surrogatepass",
            env={**os.environ, **one},
        )
        self.cpu_s = 0.0

    def _call(self, op: str, text: str) -> dict[str, Any]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        try:
            self._proc.stdin.write(json.dumps({"v": PROTOCOL, "op": op, "text": text}) + "\n")
            self._proc.stdin.flush()
            ready, _, _ = select.select([self._proc.stdout], [], [], ANSWER_S)
            if not ready:
                self._proc.kill()
                raise NoveltyUnavailableError(
                    f"novelty process gave no answer in {ANSWER_S:g} s; see logs/novelty.log or set novelty = 'off'"
                )
            line = self._proc.stdout.readline()
        except (BrokenPipeError, OSError, ValueError):
            line = ""
        if not line:
            code = self._proc.poll()
            raise NoveltyUnavailableError(
                f"novelty process exited (code {code}); see the run's logs/novelty.log or set novelty = 'off'"
            )
        reply: dict[str, Any] = json.loads(line)
        if "error" in reply:
            raise NoveltyUnavailableError(str(reply["error"]))
        self.cpu_s += float(reply.get("cpu_s", 0.0))
        return reply

    def check(self, canonical: str) -> Verdict:
        """As :meth:`NoveltyFilter.check` (waits for the model the first time)."""
        reply = self._call("check", canonical)
        return Verdict(float(reply["similarity"]), bool(reply["near_clone"]))

    def add(self, canonical: str) -> None:
        """As :meth:`NoveltyFilter.add`."""
        self._call("add", canonical)

    @property
    def pid(self) -> int:
        return self._proc.pid

    def close(self) -> None:
        """End the child (closing its stdin ends it; killed if it lingers). Idempotent; never raises."""
        with contextlib.suppress(OSError, ValueError):
            if self._proc.stdin is not None:
                self._proc.stdin.close()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=5)
        with contextlib.suppress(OSError, ValueError):
            if self._proc.stdout is not None:
                self._proc.stdout.close()


def serve() -> None:
    """The child side of :class:`NoveltyProcess`: threshold in ``sys.argv[1]`` (then the label), requests on
    stdin."""
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", errors="surrogatepass")
    os.dup2(2, 1)  # a library's print() must not corrupt the replies
    threshold = float(sys.argv[1])
    if not 0.0 <= threshold <= 1.0:
        sys.exit(f"novelty threshold {threshold} is not between 0 and 1")
    nf: NoveltyFilter | None = None
    failed = ""
    try:
        nf = NoveltyFilter(threshold)
    except NoveltyUnavailableError as err:
        failed = str(err)
    for line in sys.stdin:
        cpu = time.thread_time()  # the embedding runs on this thread (one BLAS thread, see NoveltyProcess)
        try:
            request = json.loads(line)
            if request.get("v") != PROTOCOL:
                raise NoveltyUnavailableError(f"novelty protocol {request.get('v')!r}, expected {PROTOCOL}")
            if nf is None:
                raise NoveltyUnavailableError(failed)
            if request["op"] == "check":
                verdict = nf.check(request["text"])
                reply: dict[str, Any] = {"similarity": verdict.similarity, "near_clone": verdict.near_clone}
            else:
                nf.add(request["text"])
                reply = {}
            reply["cpu_s"] = time.thread_time() - cpu
        except NoveltyUnavailableError as err:
            reply = {"error": str(err)}
        out.write(json.dumps(reply) + "\n")
        out.flush()
