"""The live terminal view of a run (rich), drawn from the same snapshot ``status.json`` holds."""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.console import Group
from rich.table import Table
from rich.text import Text

from population.progress import JobProgress
from population.status import Snapshot, clock_warning


def _f(value: float | None, fmt: str = ".3f") -> str:
    return "—" if value is None else format(value, fmt)


STATES = {"holdout": "scoring the best seeds on holdout"}  # how a state reads in the header


def render(snap: Snapshot, now: float | None = None) -> Group:
    """A renderable of one snapshot: header line, islands table, jobs in flight (when any), counters line.

    ``now`` (wall-clock seconds, default the current time) is when the jobs' seconds are counted to.
    """
    c = snap.counters
    elapsed = snap.elapsed_s
    budget = snap.time_budget_s
    gen = max((i.max_generation for i in snap.islands), default=0)
    limit = f" / {snap.max_evals}" if snap.max_evals else ""
    head = Text.assemble(
        ("seedpop ", "bold"),
        f"{STATES.get(snap.state, snap.state)}  ",
        ("gen ", "dim"),
        f"{gen}  ",
        ("evals ", "dim"),
        f"{c.evaluations}{limit}  ",
        ("queued ", "dim"),
        f"{snap.queued}  ",
        ("in flight ", "dim"),
        f"{snap.in_flight}  ",
        ("elapsed ", "dim"),
        f"{elapsed / 60:.1f}m" + (f" / {budget / 60:.0f}m" if budget else ""),
    )
    table = Table(box=None, pad_edge=False)
    for col in ("island", "members", "best", "median", "max gen", "best seed"):
        table.add_column(col, justify="left" if col in ("island", "best seed") else "right")
    for isl in snap.islands:
        table.add_row(
            str(isl.index),
            str(isl.size),
            _f(isl.best),
            _f(isl.median),
            str(isl.max_generation),
            (isl.best_id or "")[:12],
        )
    tok_s = c.tokens / elapsed if elapsed > 0 else 0.0
    slots = ", ".join(snap.slots)
    foot = Text.assemble(
        ("best ", "dim"),
        f"{_f(c.best)}  ",
        ("re-discoveries ", "dim"),
        f"{c.rediscoveries}  ",
        ("novelty rejects ", "dim"),
        f"{c.novelty_rejects}  ",
        ("invalid ", "dim"),
        f"{c.invalid}  ",
        ("tokens/s ", "dim"),
        f"{tok_s:.0f}  ",
        ("LLM busy ", "dim"),
        f"{100 * snap.llm.busy_fraction:.0f}%  ",
        ("slots ", "dim"),
        f"{slots} × {snap.loops // max(1, len(snap.slots))} loops  ",
        ("grid cells ", "dim"),
        str(snap.grid_cells),
    )
    notes = [Text(n, style="yellow") for n in snap.notes]
    warning = clock_warning(c)
    if warning:
        notes.append(Text(warning, style="bold yellow"))
    if not snap.jobs:
        return Group(head, table, foot, *notes)
    return Group(head, table, jobs_table(snap.jobs, time.time() if now is None else now), foot, *notes)


def _job_kind(job: JobProgress) -> str:
    return f"{job.kind} {job.split}" if job.split else job.kind


def _tasks(job: JobProgress) -> str:
    return f"{job.done}/{job.total}" if job.total else "—"


def jobs_table(jobs: tuple[JobProgress, ...], now: float) -> Table:
    """Each job in flight: its loop, kind, seed (id prefix), tasks scored of N, tokens and seconds so far. Pure."""
    table = Table(box=None, pad_edge=False, title="jobs in flight", title_justify="left", title_style="dim")
    for col in ("loop", "job", "seed", "tasks", "tokens", "seconds"):
        table.add_column(col, justify="left" if col in ("loop", "job", "seed") else "right")
    for j in jobs:
        table.add_row(
            j.loop, _job_kind(j), j.seed[:12], _tasks(j), str(j.tokens), f"{max(0.0, now - j.started):.0f}"
        )
    return table


def progress_line(snap: Snapshot, now: float | None = None) -> str:
    """One line of progress for a run whose output is not a terminal (a log file, a pipe). Pure given ``now``."""
    c = snap.counters
    now = time.time() if now is None else now
    budget = snap.time_budget_s
    limit = f"/{snap.max_evals}" if snap.max_evals else ""
    line = (
        f"[{snap.elapsed_s / 60:5.1f}m" + (f"/{budget / 60:.0f}m" if budget else "") + f"] "
        f"{STATES.get(snap.state, snap.state)}: evals {c.evaluations}{limit}, queued {snap.queued}, "
        f"in flight {snap.in_flight}, best {_f(c.best)}, re-discoveries {c.rediscoveries}, "
        f"novelty rejects {c.novelty_rejects}, invalid {c.invalid}"
    )
    warning = clock_warning(c)
    if warning:
        line += f" | {warning}"
    jobs = [
        f"{_job_kind(j)} {j.seed[:8]}"
        + (f" {j.done}/{j.total} tasks {j.tokens} tok" if j.total else "")
        + f" {max(0.0, now - j.started):.0f}s"
        for j in snap.jobs
    ]
    return line + (" | " + "; ".join(jobs) if jobs else "")


class ProgressPrinter:
    """An ``on_tick`` for a run off a terminal: writes :func:`progress_line` at most every ``every_s`` seconds
    (the first tick at once) and whenever the state changes (e.g. to the holdout phase).

    Args:
        write: where a line goes (e.g. ``print``).
        every_s: seconds between lines.
        clock: monotonic seconds (an argument so tests need not wait).
    """

    def __init__(
        self, write: Callable[[str], None], every_s: float = 30.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.write = write
        self.every_s = every_s
        self.clock = clock
        self._last: float | None = None
        self._state: str | None = None

    def __call__(self, snap: Snapshot) -> None:
        now = self.clock()
        if self._last is None or now - self._last >= self.every_s or snap.state != self._state:
            self._last, self._state = now, snap.state
            self.write(progress_line(snap))


def summary_lines(snap: Snapshot, reason: str) -> list[str]:
    """The end-of-run summary and the next commands to type."""
    c = snap.counters
    lines = [
        f"run {reason} after {snap.elapsed_s / 60:.1f} min: {c.evaluations} evaluations, {c.new} new seeds, "
        f"{c.rediscoveries} re-discoveries, {c.novelty_rejects} novelty rejects, {c.invalid} invalid",
    ]
    if c.task_runs:
        lines.append(
            f"racing: {c.task_runs} train task-runs, {c.raced_out} children raced out, {c.promotions} promotions, "
            f"{c.reevaluations} elite re-evaluations, {c.neutral} neutral children of {c.new} new"
        )
    warning = clock_warning(c)
    if warning:
        lines.append(warning)
    if c.jobs_failed:
        lines.append(
            f"{c.jobs_failed} job(s) failed on the workers themselves and were dropped (a seedpop bug: the "
            "tracebacks are in the workers' output; please report them)"
        )
    first = "champion" if snap.champion else "best evolved seed"
    for label, m in ((first, snap.best_evolved), ("best origin seed", snap.best_origin)):
        if m is not None:
            v, h = snap.validation.get(m.id), snap.holdout.get(m.id)
            extra = (f", validation {v:.3f}" if v is not None else "") + (
                f", holdout {h:.3f}" if h is not None else ""
            )
            lines.append(f"{label}: {m.id[:12]} train {m.fitness:.3f} (generation {m.generation}){extra}")
    if snap.champion_reason:
        lines.append(snap.champion_reason)
    lines += [
        "next:",
        f"  python -m lineage --run-dir {snap.run_dir} best",
        f"  python -m lineage --run-dir {snap.run_dir} stats",
        f"  python -m dashboard --run-dir {snap.run_dir}",
    ]
    return lines
