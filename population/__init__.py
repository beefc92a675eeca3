"""population: the evolutionary loop — run config, selection, islands, MAP-Elites, slots, workers, Redis bus.

``python -m population run|resume|status|stop|worker`` is the command line (``population/README.md``); the Python API
is :func:`run` (``population.run(config) -> RunResult``, a thin layer the command line also uses), with
:class:`RunConfig`, :func:`resolve` and :class:`Snapshot`. Modules:

* :mod:`population.config` — every config key (:data:`~population.config.KEYS`), TOML in and out.
* :mod:`population.selection` — :data:`~population.selection.SELECTORS`; :mod:`population.islands`,
  :mod:`population.qd` — islands with elitism and migration, the MAP-Elites grid.
* :mod:`population.intake` — canonicalize, dedup, validate, novelty (:mod:`population.novelty`) before any
  evaluation.
* :mod:`population.manager` — the steady-state loop; :mod:`population.worker` — one process per slot;
  :mod:`population.runner` — start, drive and always clean up a run.
* :mod:`population.journal`, :mod:`population.replay`, :mod:`population.resume`,
  :mod:`population.leftovers` — crash-proof resume (the scheduler's inputs journaled and replayed, the run
  lock, what a dead manager left behind); :mod:`population.version` — the code version workers must share;
  :mod:`population.metrics` — Prometheus metrics.
* :mod:`population.keys`, :mod:`population.messages`, :mod:`population.bus` — every Redis name, the
  versioned JSON messages, typed stream calls.
* :mod:`population.rng` — ``derive_rng(run_seed, *labels)``, the only source of randomness.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from population.api import RunResult, run
    from population.config import RunConfig, resolve
    from population.status import Snapshot

_LAZY = {
    "run": "population.api",
    "RunResult": "population.api",
    "RunConfig": "population.config",
    "resolve": "population.config",
    "Snapshot": "population.status",
}


def __getattr__(name: str) -> Any:  # imported on first use: ``python -m population worker`` stays lean
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'population' has no attribute {name!r}")


__all__ = ["RunConfig", "RunResult", "Snapshot", "resolve", "run"]
