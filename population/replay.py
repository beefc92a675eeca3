"""Resume's two steps on a fresh :class:`population.manager.Manager`: :func:`replay` the journal into its
scheduler, then :func:`recover` what waits on the run's streams (:mod:`population.resume` drives them)."""

from __future__ import annotations

import contextlib
from typing import Any

from fitness.record import FitnessRecord
from genome.errors import SeedpopError
from lineage.objects import Kind
from population import bus, keys
from population.errors import RunDirError
from population.intake import Fate
from population.journal import Entry
from population.manager import MANAGER_COUNTERS, Manager
from population.messages import MessageError, decode
from population.scheduler import Admitted, Job


def replay(m: Manager, entries: list[Entry]) -> str:
    """Rebuild ``m``'s scheduler from the journal (:mod:`population.journal`): every input again, in order,
    records read from the archive, the novelty filter's index refilled. Returns the phase the run was in:
    ``evolve``, ``validation`` or ``holdout``. The jobs then pending are the ones in flight when the last
    manager died.

    Raises:
        RunDirError: the journal names something the archive lacks, or the scheduler no longer makes the
            jobs it made (another version of the code).
    """
    sched, phase = m.scheduler, "evolve"
    for n, e in enumerate(entries, 1):
        op = e["op"]
        try:
            if op == "origins":
                for sid, size in e["seeds"]:
                    _check_has(m, sid)
                    sched.add_origin(sid, int(size))
            elif op in ("ask", "final"):
                if op == "ask":
                    jobs: list[Any] = sched.ask(int(e["cap"]))
                else:
                    jobs = sched.ask_final(e["split"], e["seeds"], tuple(e["tasks"]))
                    phase = e["split"]
                made = [j.job_id for j in jobs]
                if made != e["jobs"]:
                    raise RunDirError(f"the scheduler made jobs {made}, the journal says {e['jobs']}")
            elif op == "reproduced":
                admitted = [
                    Admitted(Fate(f), sid, o, float(nv), int(sz)) for f, sid, o, nv, sz in e["children"]
                ]
                for child in admitted:
                    if child.seed_id and child.fate is not Fate.NEAR_CLONE:
                        _check_has(m, child.seed_id)
                    if child.fate is Fate.NEW and m.novelty is not None:
                        m.novelty.add(m.archive.canonical(child.seed_id))
                sched.tell_reproduced(e["job"], admitted)
            elif op == "evaluated":
                record = FitnessRecord.from_json(m.archive.store.get(e["record"], Kind.RECORD).body)
                sched.tell_evaluated(e["job"], record, e["digests"], e["published"])
            elif op == "ignored":
                sched.pending.pop(e["job"], None)
            elif op == "abandon":
                sched.abandon()
                m.notes.append(f"{len(e['jobs'])} job(s) were cancelled after the end grace")
        except RunDirError as err:
            raise RunDirError(
                f"journal entry {n} ({op}) does not replay: {err}; resume with the seedpop that wrote the run"
            ) from None
        except (KeyError, TypeError, ValueError, SeedpopError) as err:
            raise RunDirError(
                f"journal entry {n} ({op}) does not replay ({type(err).__name__}: {err}); check the archive "
                "with python -m lineage verify"
            ) from None
        for name, value in e.get("m", {}).items():
            if name in MANAGER_COUNTERS:
                setattr(m.counters, name, value)
    return phase


def _check_has(m: Manager, seed_id: str) -> None:
    if not m.archive.has(seed_id):
        raise RunDirError(f"seed {seed_id[:12]} is not in the archive")


def recover(m: Manager) -> list[Job]:
    """After :func:`replay`: put the results waiting on the results stream (the dead manager's un-``XACK``ed
    ones first) in ``m``'s backlog, and return the pending jobs none of them answers, in job order — the jobs
    to send again. The results are handled later, one per step, so asks and results interleave as they
    would have without the crash."""
    stream = keys.results(m.run_key)
    answered: set[str] = set()
    seen: set[bytes] = set()
    for start in ("0", ">"):
        while True:
            got = [
                g
                for g in bus.read_now(m.client, stream, keys.MANAGER_GROUP, "manager", start, 100)
                if g[0] not in seen
            ]
            for entry_id, fields in got:
                seen.add(entry_id)
                m.backlog.append((entry_id, fields))
                with contextlib.suppress(MessageError):
                    answered.add(str(getattr(decode(fields), "job_id", "")))
            if not got or start == "0":
                break  # "0" gives the whole pending list at once (the manager holds one result at a time)
    jobs = [j for j in m.pending.values() if j.job_id not in answered]
    return sorted(jobs, key=lambda j: int(j.job_id[1:]) if j.job_id[1:].isdigit() else 0)
