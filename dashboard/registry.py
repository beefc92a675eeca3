"""The runs a dashboard serves, opened lazily, with each run's background readers."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

from dashboard.embeddings import Embeddings
from dashboard.errors import NotARunError
from dashboard.facts import Facts
from dashboard.live import Live
from dashboard.source import RunSource


@dataclass
class Opened:
    source: RunSource
    live: Live
    facts: Facts
    embeddings: Embeddings


@dataclass
class Registry:
    """Either one run (``run_dir``) or every run under ``runs_dir``; names are directory names."""

    run_dir: str | None = None
    runs_dir: str | None = None
    _open: dict[str, Opened] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def names(self) -> list[str]:
        if self.run_dir is not None:
            return [_name(self.run_dir)]
        assert self.runs_dir is not None
        try:
            return sorted(
                n for n in os.listdir(self.runs_dir) if os.path.isdir(os.path.join(self.runs_dir, n))
            )
        except OSError:
            return []

    def default(self) -> str | None:
        names = self.names()
        return names[0] if len(names) == 1 or self.run_dir is not None else None

    def path(self, name: str) -> str:
        if self.run_dir is not None:
            if name != _name(self.run_dir):
                raise NotARunError(f"this dashboard serves run {_name(self.run_dir)!r}, not {name!r}")
            return self.run_dir
        assert self.runs_dir is not None
        if not name or "/" in name or name.startswith("."):
            raise NotARunError(f"{name!r} is not a run name")
        return os.path.join(self.runs_dir, name)

    def get(self, name: str | None) -> Opened:
        """The opened run ``name`` (None: the only one). Raises NotARunError with the reason."""
        if name is None:
            name = self.default()
            if name is None:
                raise NotARunError("no run chosen: pick one on the runs page")
        with self._lock:
            hit = self._open.get(name)
            if hit is None:
                source = RunSource(self.path(name), name)
                hit = Opened(source, Live(source), Facts(source), Embeddings(source))
                self._open[name] = hit
        hit.live.start()
        return hit


def _name(path: str) -> str:
    return os.path.basename(os.path.abspath(path).rstrip("/"))
