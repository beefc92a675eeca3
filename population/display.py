"""The live terminal view of a run (rich), drawn from the same snapshot ``status.json`` holds."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text


def _f(value: float | None, fmt: str = ".3f") -> str:
    return "—" if value is None else format(value, fmt)


STATES = {"holdout": "scoring the best seeds on holdout"}  # how a state reads in the header


def render(snap: dict[str, Any]) -> Group:
    """A renderable of one snapshot: header line, islands table, counters line."""
    c = snap["counters"]
    elapsed = snap["elapsed_s"]
    budget = snap.get("time_budget_s") or 0
    gen = max((i["max_generation"] for i in snap["islands"]), default=0)
    limit = f" / {snap['max_evals']}" if snap.get("max_evals") else ""
    head = Text.assemble(
        ("seedpop ", "bold"),
        f"{STATES.get(snap['state'], snap['state'])}  ",
        ("gen ", "dim"),
        f"{gen}  ",
        ("evals ", "dim"),
        f"{c['evaluations']}{limit}  ",
        ("queued ", "dim"),
        f"{snap['queued']}  ",
        ("in flight ", "dim"),
        f"{snap['in_flight']}  ",
        ("elapsed ", "dim"),
        f"{elapsed / 60:.1f}m" + (f" / {budget / 60:.0f}m" if budget else ""),
    )
    table = Table(box=None, pad_edge=False)
    for col in ("island", "members", "best", "median", "max gen", "best seed"):
        table.add_column(col, justify="left" if col in ("island", "best seed") else "right")
    for isl in snap["islands"]:
        table.add_row(
            str(isl["index"]),
            str(isl["size"]),
            _f(isl["best"]),
            _f(isl["median"]),
            str(isl["max_generation"]),
            (isl["best_id"] or "")[:12],
        )
    tok_s = c["tokens"] / elapsed if elapsed > 0 else 0.0
    llm = snap.get("llm", {})
    slots = ", ".join(snap.get("slots", []))
    foot = Text.assemble(
        ("best ", "dim"),
        f"{_f(c.get('best'))}  ",
        ("re-discoveries ", "dim"),
        f"{c['rediscoveries']}  ",
        ("novelty rejects ", "dim"),
        f"{c['novelty_rejects']}  ",
        ("invalid ", "dim"),
        f"{c['invalid']}  ",
        ("tokens/s ", "dim"),
        f"{tok_s:.0f}  ",
        ("LLM busy ", "dim"),
        f"{100 * llm.get('busy_fraction', 0):.0f}%  ",
        ("slots ", "dim"),
        f"{slots} × {snap.get('loops', 0) // max(1, len(snap.get('slots', [])) or 1)} loops  ",
        ("grid cells ", "dim"),
        str(snap.get("grid_cells", 0)),
    )
    notes = [Text(n, style="yellow") for n in snap.get("notes", [])]
    jobs = snap.get("jobs") or []
    if not jobs:
        return Group(head, table, foot, *notes)
    return Group(head, table, jobs_table(jobs, time.time()), foot, *notes)


def jobs_table(jobs: list[dict[str, Any]], now: float) -> Table:
    """Each evaluation in flight: which seed, tasks scored of the split's N, tokens and seconds so far. Pure."""
    table = Table(
        box=None, pad_edge=False, title="evaluations in flight", title_justify="left", title_style="dim"
    )
    for col in ("loop", "seed", "split", "tasks", "tokens", "for"):
        table.add_column(col, justify="left" if col in ("loop", "seed", "split") else "right")
    for j in jobs:
        started = j.get("started")
        table.add_row(
            str(j.get("loop", "")),
            str(j.get("seed", ""))[:12],
            str(j.get("split", "")),
            f"{j.get('done', 0)}/{j.get('total', '?')}",
            str(j.get("tokens", 0)),
            f"{max(0.0, now - started):.0f}s" if isinstance(started, int | float) else "—",
        )
    return table


def progress_line(snap: dict[str, Any]) -> str:
    """One line of progress for a run whose output is not a terminal (a log file, a pipe). Pure."""
    c = snap.get("counters") or {}
    elapsed = float(snap.get("elapsed_s") or 0.0)
    budget = snap.get("time_budget_s") or 0
    limit = f"/{snap['max_evals']}" if snap.get("max_evals") else ""
    jobs = snap.get("jobs") or []
    doing = ""
    if jobs and snap.get("in_flight"):
        done = sum(int(j.get("done", 0)) for j in jobs)
        total = sum(int(j.get("total", 0)) for j in jobs)
        tokens = sum(int(j.get("tokens", 0)) for j in jobs)
        doing = f" ({done}/{total} tasks, {tokens} tokens so far)"
    best = c.get("best")
    return (
        f"[{elapsed / 60:5.1f}m"
        + (f"/{budget / 60:.0f}m" if budget else "")
        + f"] {snap.get('state', '?')}: "
        f"evals {c.get('evaluations', 0)}{limit}, queued {snap.get('queued', 0)}, "
        f"in flight {snap.get('in_flight', 0)}{doing}, best {_f(best)}, "
        f"re-discoveries {c.get('rediscoveries', 0)}, novelty rejects {c.get('novelty_rejects', 0)}"
    )


class ProgressPrinter:
    """An ``on_tick`` for a run off a terminal: writes :func:`progress_line` at most every ``every_s`` seconds
    (the first tick at once), and always when the state changes (e.g. to the holdout phase).

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
        self._state: object = None

    def __call__(self, snap: dict[str, Any]) -> None:
        now = self.clock()
        state = snap.get("state")
        if self._last is None or now - self._last >= self.every_s or state != self._state:
            self._last, self._state = now, state
            self.write(progress_line(snap))


def summary_lines(snap: dict[str, Any], reason: str) -> list[str]:
    """The end-of-run summary and the next commands to type."""
    c = snap["counters"]
    run_dir = snap["run_dir"]
    lines = [
        f"run {reason} after {snap['elapsed_s'] / 60:.1f} min: {c['evaluations']} evaluations, {c['new']} new seeds, "
        f"{c['rediscoveries']} re-discoveries, {c['novelty_rejects']} novelty rejects, {c['invalid']} invalid",
    ]
    hold = snap.get("holdout", {})
    for label, key in (("best evolved seed", "best_evolved"), ("best origin seed", "best_origin")):
        m = snap.get(key)
        if m:
            h = hold.get(m["id"])
            extra = f", holdout {h:.3f}" if h is not None else ""
            lines.append(
                f"{label}: {m['id'][:12]} train {m['fitness']:.3f} (generation {m['generation']}){extra}"
            )
    lines += [
        "next:",
        f"  python -m lineage --run-dir {run_dir} best",
        f"  python -m lineage --run-dir {run_dir} stats",
        f"  python -m dashboard --run-dir {run_dir}",
    ]
    return lines
