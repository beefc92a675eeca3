"""``python -m population resume``: go on with a run whose manager died (``kill -9``, a crash, a reboot),
was stopped, or lost its Redis.

The archive and the journal (:mod:`population.journal`) are the run; Redis is only its transport. Resume
takes the run directory's lock (a live manager holds it: refused), ends what the dead manager left running
(:func:`population.leftovers.clean_up`: its workers, its embedded ``redis-server``), replays the journal
through a fresh scheduler (islands, racing evidence, elites, budgets spent: evaluations, tokens and run
time), handles the results already waiting on the results stream, sends the jobs that were in flight again
on a fresh jobs stream (all of them when Redis lost its data: the queue is rebuilt from the journal and the
archive's sources), and drives the run on. With one worker loop and a deterministic model a killed and
resumed run ends with the same archive as one never killed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from lineage import Archive
from population.api import RunResult
from population.config import load_run_config
from population.errors import RunDirError
from population.journal import Entry, finished
from population.journal import read as read_journal
from population.leftovers import RunLock, clean_up
from population.status import Snapshot, read_status


def check_resumable(run_dir: Path, lock: RunLock) -> tuple[dict[str, object], list[Entry]]:
    """Take ``run_dir``'s lock and read its marker and journal; refuse what cannot go on.

    Raises:
        RunDirError: not a run directory, locked by a live manager, finished, or from another version — each
            with the fix.
    """
    from population.runner import MARKER, RUN_FORMAT

    where = str(run_dir)
    try:
        marker = json.loads((run_dir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise RunDirError(
            f"{where!r} is not a population run directory (no {MARKER}); pass the --run-dir of a run"
        ) from None
    if not isinstance(marker, dict) or marker.get("format") != RUN_FORMAT:
        fmt = marker.get("format") if isinstance(marker, dict) else None
        raise RunDirError(
            f"run directory {where!r} is from another seedpop version (format {fmt!r}, this one resumes "
            f"{RUN_FORMAT}); resume it with that version"
        )
    lock.acquire(int(marker.get("pid", 0) or 0))
    entries = read_journal(run_dir)
    snap = read_status(run_dir)
    ended = finished(entries) or (snap.state if snap is not None and snap.state == "finished" else None)
    if ended:
        raise RunDirError(
            f"run in {where!r} has finished (its budget was spent and its champion chosen); nothing to resume "
            f"— see python -m lineage --run-dir {where} best, or start another run with a new --run-dir"
        )
    if not entries and snap is not None and snap.counters.evaluations:
        raise RunDirError(
            f"run in {where!r} has no journal (an older seedpop wrote it), so it cannot be resumed; its archive "
            f"is intact: start a new run with a new --run-dir"
        )
    return marker, entries


def resume(
    run_dir: Path | str,
    *,
    on_tick: Callable[[Snapshot], None] | None = None,
    tick_s: float = 1.0,
) -> RunResult:
    """Resume the run in ``run_dir`` and drive it to its end (like :func:`population.run`).

    Raises:
        RunDirError: see :func:`check_resumable`.
        SeedpopError: the stored config no longer checks (a model or origin gone).
    """
    from population.runner import Run, check_inputs

    target = Path(run_dir)
    lock = RunLock(target)
    try:
        marker, entries = check_resumable(target, lock)
        cfg = load_run_config(target / "config.toml")
        # Killed before its first journal entry, a run starts from its origins again; else they are archived.
        origins = check_inputs(cfg, origins=not entries)
        clean_up(target, marker)
        with Archive.open(str(target)):  # a clear error for a run directory without its archive
            pass
    except BaseException:
        lock.release()
        raise
    with Run(cfg, target, origins, journal=entries, lock=lock) as started:
        try:
            reason = started.loop(on_tick, tick_s)
        except KeyboardInterrupt:
            reason = "interrupted"
        final = started.last if reason != "interrupted" and started.last else started.publish(on_tick, reason)
        return RunResult(target, started.run_id, reason, final)
