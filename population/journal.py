"""The run's journal: the scheduler's inputs, in order, so that ``resume`` rebuilds its exact state.

The archive holds what a run made (seeds, edges, records) but not the order in which results reached the
scheduler, nor what intake refused without archiving (near-clones, unparseable children); the scheduler's
state — islands, racing evidence, elites, budgets spent, the jobs in flight and their ids — is a pure function
of that order (:mod:`population.scheduler` has no clock and no I/O). So the manager appends one line per call
that changes it to ``<run_dir>/journal.jsonl``, *after* the archive writes it depends on and *before* it
``XACK``s the result, and ``resume`` replays the lines through a fresh scheduler. An evaluation's line names
its record by archive object id, so replay reads every record from the archive (the source of truth) and a
journal that points at something the archive lacks is refused.

Entries (``op``): ``origins`` (ids and sizes), ``ask`` (capacity → job ids), ``reproduced`` (job, each child's fate),
``evaluated`` (job, record id, digests, published), ``ignored`` (a result of the wrong kind), ``abandon``
(job ids), ``final`` (split, seeds, tasks → job ids) and ``end`` (reason). Every entry may carry ``t`` (run
seconds elapsed, summed over every manager that drove the run) and ``m`` (the counters the manager itself
keeps, absolute).

Invariants: append-only; each line is written whole, flushed and fsynced before the caller goes on; a line
torn by ``kill -9`` can only be the last one, and :func:`read` drops it (its result is still un-``XACK``ed, or
its job still pending, so nothing it said is lost).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from population.errors import RunDirError

NAME = "journal.jsonl"

Entry = dict[str, Any]


class Journal:
    """An open journal, appending. Use :meth:`append`; :meth:`close` is idempotent."""

    def __init__(self, run_dir: Path, durable: bool = True) -> None:
        self.path = run_dir / NAME
        self.durable = durable
        self._file = self.path.open("a", encoding="utf-8")

    def append(self, entry: Entry) -> None:
        """Write one entry as a line, durably (flushed and fsynced) before returning."""
        self._file.write(json.dumps(entry, sort_keys=True, separators=(",", ":")) + "\n")
        self._file.flush()
        if self.durable:
            os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()


def read(run_dir: Path) -> list[Entry]:
    """Every entry of ``run_dir``'s journal, in order ([] when there is none). A torn last line (``kill -9``
    mid-write) is cut off the file, so appends go on after the last whole entry.

    Raises:
        RunDirError: a line other than the last is not an entry (the file was edited or damaged).
    """
    path = run_dir / NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    entries: list[Entry] = []
    good = 0  # bytes of whole entries
    lines = data.split(b"\n")
    for n, line in enumerate(lines):
        last = n == len(lines) - 1
        if last and not line:
            break
        try:
            entry = json.loads(line)
            if not isinstance(entry, dict) or "op" not in entry:
                raise ValueError("no op")
        except ValueError:
            if last or (n == len(lines) - 2 and not lines[-1]):
                break  # torn by a kill mid-write: drop it
            raise RunDirError(
                f"journal {str(path)!r} line {n + 1} is not an entry; the run cannot be resumed from it "
                "(its archive is intact: inspect it with python -m lineage)"
            ) from None
        if last:
            break  # whole JSON but no newline: the write was cut before its end, like a torn line
        entries.append(entry)
        good += len(line) + 1
    if good < len(data):
        with path.open("r+b") as f:
            f.truncate(good)
            f.flush()
            os.fsync(f.fileno())
    return entries


def finished(entries: list[Entry]) -> str | None:
    """The reason of the run's ``end`` entry, or None while it can go on."""
    ends = [e for e in entries if e.get("op") == "end"]
    return str(ends[-1].get("reason", "done")) if ends else None


def elapsed(entries: list[Entry]) -> float:
    """Run seconds spent by the managers that wrote ``entries`` (the time budget already used)."""
    return max((float(e.get("t", 0.0)) for e in entries), default=0.0)
