"""The Python entry point for a run: :func:`run` (``python -m population run`` is a thin layer over it).

Example::

    import population

    result = population.run({"model": "none", "origin": ["templates"], "max_evals": 20, "time_budget": 0})
    print(result.reason, result.snapshot.best_evolved)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from population.config import RunConfig, resolve
from population.status import Snapshot


@dataclass(frozen=True, slots=True)
class RunResult:
    """How a run ended.

    Attributes:
        run_dir: the run directory (archive, status, logs).
        run_id: the run object's id in the archive.
        reason: ``"done"`` (a budget was spent), ``"stopped"`` (``python -m population stop``),
            ``"interrupted"`` (Ctrl-C / KeyboardInterrupt) or ``"workers exited: …"``.
        snapshot: the final snapshot (what ``status.json`` holds).
    """

    run_dir: Path
    run_id: str
    reason: str
    snapshot: Snapshot

    @property
    def ok(self) -> bool:
        """The run ended on its budget or a stop request, not on a failure or an interrupt."""
        return self.reason in ("done", "stopped")


def run(
    config: RunConfig | Mapping[str, Any] | None = None,
    run_dir: Path | str | None = None,
    *,
    on_tick: Callable[[Snapshot], None] | None = None,
    tick_s: float = 1.0,
) -> RunResult:
    """Run evolution to its end (a budget, a stop request, Ctrl-C) and clean up everything it started.

    Args:
        config: a resolved :class:`RunConfig`, or config keys (``population/README.md``) checked by
            :func:`population.config.resolve`; None for every default.
        run_dir: a new directory for the run (default ``runs/<name or UTC timestamp>``).
        on_tick: called with a :class:`Snapshot` about every ``tick_s`` seconds and once at the end.

    Returns:
        How it ended. A KeyboardInterrupt stops the run cleanly and returns ``reason="interrupted"``.

    Raises:
        SeedpopError: bad input (unknown names, bad values, a run directory that holds a run), checked before
            anything starts; or a failure mid-run (the archive stays intact).
        redis.exceptions.RedisError, OSError: the run's Redis or disk failed mid-run.
    """
    from population.redis_server import connect
    from population.runner import Run, check_inputs, default_run_dir, prepare_run_dir

    cfg = config if isinstance(config, RunConfig) else resolve(config or {})
    origins = check_inputs(cfg)
    if cfg.redis:  # an unreachable server or a wrong password costs one line, and nothing is stored
        connect(cfg.redis, timeout_s=10).close()
    target = Path(run_dir) if run_dir is not None else default_run_dir(cfg.name)
    prepare_run_dir(target)
    with Run(cfg, target, origins) as started:
        try:
            reason = started.loop(on_tick, tick_s)
        except KeyboardInterrupt:
            reason = "interrupted"
        final = started.last if reason != "interrupted" and started.last else started.publish(on_tick, reason)
        return RunResult(target, started.run_id, reason, final)


__all__ = ["RunResult", "run"]
