"""``python -m population replay RUN_DIR``: run a finished run again from its config and LLM cache, and report
every seed id and record that comes out differently.

A run is deterministic by construction (one run seed, RNGs derived from it, the LLM called with explicit
seeds) when it has one worker loop: then the order in which results reach the scheduler is the order of the
jobs. The replay

1. refuses a directory that is not a finished run (with the fix),
2. makes a new run directory (``--into``, else a temporary one, removed afterwards) with the original's
   config, one worker loop, the embedded Redis and no time budget, and copies the original's completion
   caches into it (``sqlite3`` backup: a consistent copy), so every LLM request the original made is answered
   from the cache exactly as it was then,
3. stops asking for jobs after as many job-making asks as the original journaled: where the original's time
   budget ran out, the replay's runs out too (a budget of evaluations or generations is in the config anyway),
4. compares the two archives: the seed ids, and per seed the records (split, suite version, aggregate and
   per-task outcomes — never timings).

A difference means something was not deterministic: several worker loops in the original (said in the
report), a completion missing from the cache (the model answered anew), a seed that reads the clock or
``os.urandom``, or a bug of seedpop's.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from lineage import Archive
from population.config import RunConfig, load_run_config
from population.errors import RunDirError
from population.journal import finished
from population.journal import read as read_journal

#: ids listed per kind of difference (the rest are counted).
SHOWN = 10


@dataclass(frozen=True, slots=True)
class ReplayReport:
    """What the replay found. ``notes`` are reasons to expect differences (several loops in the original)."""

    original: frozenset[str]
    replayed: frozenset[str]
    records_differ: tuple[str, ...]
    asks: int
    replay_dir: Path
    notes: tuple[str, ...] = field(default=())

    @property
    def missing(self) -> list[str]:
        """Seeds of the original the replay did not make."""
        return sorted(self.original - self.replayed)

    @property
    def extra(self) -> list[str]:
        """Seeds the replay made that the original did not."""
        return sorted(self.replayed - self.original)

    @property
    def same(self) -> bool:
        return not self.missing and not self.extra and not self.records_differ

    def lines(self) -> list[str]:
        """The report, one fact per line."""
        out = [*self.notes]
        if self.same:
            out.append(
                f"same: {len(self.original)} seed ids and their records, re-derived from the config and cache "
                f"({self.asks} asks)"
            )
            return out
        for label, ids in (
            ("missing from the replay", self.missing),
            ("only in the replay", self.extra),
            ("records differ", list(self.records_differ)),
        ):
            if ids:
                more = f" … and {len(ids) - SHOWN} more" if len(ids) > SHOWN else ""
                out.append(f"{label}: {len(ids)}: " + " ".join(i[:12] for i in ids[:SHOWN]) + more)
        out.append(
            f"{len(self.original)} seeds in the run, {len(self.replayed)} in the replay ({self.replay_dir})"
        )
        return out


def _behaviour(archive: Archive, seed_id: str) -> list[tuple[object, ...]]:
    """A seed's records without timings or identities: what a deterministic re-run must reproduce."""
    out = []
    for record in archive.records(seed_id):
        tasks = tuple((t.task_id, t.passed, t.total, t.reason) for t in record.tasks)
        out.append(
            (record.suite, record.suite_version, record.split, record.outcome.value, record.aggregate, tasks)
        )
    return sorted(out, key=repr)


def compare(original_dir: Path, replay_dir: Path) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(original seed ids, replayed seed ids, common seeds whose records differ). Opens both read-only."""
    with Archive.open(str(original_dir)) as a, Archive.open(str(replay_dir)) as b:
        first = frozenset(s.id for s in a.all_summaries())
        second = frozenset(s.id for s in b.all_summaries())
        differ = tuple(sid for sid in sorted(first & second) if _behaviour(a, sid) != _behaviour(b, sid))
    return first, second, differ


def check_finished(run_dir: Path) -> tuple[RunConfig, int]:
    """The config of the finished run in ``run_dir`` and how many job-making asks its journal holds.

    Raises:
        RunDirError: not a run directory, not finished, or without a journal — each with the fix.
    """
    from population.runner import MARKER

    where = str(run_dir)
    if not (run_dir / MARKER).is_file() or not (run_dir / "config.toml").is_file():
        raise RunDirError(
            f"{where!r} is not a population run directory (no {MARKER}); pass a run's directory"
        )
    entries = read_journal(run_dir)
    if not entries:
        raise RunDirError(
            f"run in {where!r} has no journal (an older seedpop wrote it), so it cannot be replayed"
        )
    ended = finished(entries)
    if ended != "done":
        state = f"ended {ended!r}" if ended else "has not finished"
        raise RunDirError(
            f"run in {where!r} {state}; replay re-derives a finished run: finish it first with "
            f"python -m population resume --run-dir {where}"
        )
    cfg = load_run_config(run_dir / "config.toml")
    return cfg, sum(1 for e in entries if e.get("op") == "ask")


def copy_caches(source: Path, target: Path) -> list[str]:
    """Copy every completion cache (``*.sqlite``) of ``source`` into ``target`` with sqlite's backup (WAL
    included, consistent); returns the names copied."""
    target.mkdir(parents=True, exist_ok=True)
    names = []
    for path in sorted(source.glob("*.sqlite")):
        with (
            contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as src,
            contextlib.closing(sqlite3.connect(target / path.name)) as dst,
        ):
            src.backup(dst)
        names.append(path.name)
    return names


def replay(run_dir: Path | str, into: Path | str | None = None) -> ReplayReport:
    """Re-derive the finished run in ``run_dir`` (see the module doc). The replay's run directory is ``into``
    (kept), else a temporary directory removed before returning.

    Raises:
        RunDirError: ``run_dir`` is not a finished run, or ``into`` holds a run.
        SeedpopError: the replay could not start (a missing origin seed file, the model not installed).
    """
    from population.runner import Run, check_inputs, prepare_run_dir

    original = Path(run_dir)
    cfg, asks = check_finished(original)
    notes = []
    if cfg.loops_per_slot > 1 or "," in cfg.slots:
        notes.append(
            "note: the original ran several worker loops, so the order its results arrived in was not "
            "determined by its seed; differences below may be that order, not a bug"
        )
    slot = cfg.slots.split(",")[0]
    cfg = replace(cfg, slots=slot, loops_per_slot=1, time_budget=0, redis="", metrics_port=0, display=False)
    keep = into is not None
    target = Path(into) if into is not None else Path(tempfile.mkdtemp(prefix="seedpop-replay-"))
    try:
        prepare_run_dir(target)
        copy_caches(original / "cache", target / "cache")
        origins = check_inputs(cfg)
        with Run(cfg, target, origins) as started:
            started.manager.ask_limit = asks
            reason = started.loop(None, 1.0)
        if reason != "done":
            raise RunDirError(
                f"the replay of {str(original)!r} ended {reason!r} before its budget; run it again"
            )
        first, second, differ = compare(original, target)
        return ReplayReport(first, second, differ, asks, target, tuple(notes))
    finally:
        if not keep:
            shutil.rmtree(target, ignore_errors=True)
