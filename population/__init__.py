"""population: the evolutionary loop — run config, selection, islands, MAP-Elites, slots, workers, Redis bus.

``python -m population run|status|stop|worker`` is the command line (``population/README.md``). Modules:

* :mod:`population.config` — every config key (:data:`~population.config.KEYS`), TOML in and out.
* :mod:`population.selection` — :data:`~population.selection.SELECTORS`; :mod:`population.islands`,
  :mod:`population.qd` — islands with elitism and migration, the MAP-Elites grid.
* :mod:`population.intake` — canonicalize, dedup, validate, novelty (:mod:`population.novelty`) before any
  evaluation.
* :mod:`population.manager` — the steady-state loop; :mod:`population.worker` — one process per slot;
  :mod:`population.runner` — start, drive and always clean up a run.
* :mod:`population.keys`, :mod:`population.messages`, :mod:`population.bus` — every Redis name, the
  versioned JSON messages, typed stream calls.
* :mod:`population.rng` — ``derive_rng(run_seed, *labels)``, the only source of randomness.
"""
