"""The live view and the end-of-run summary, drawn from a snapshot (pure: no run, no Redis)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.console import Console

from population.display import ProgressPrinter, progress_line, render, summary_lines
from population.progress import JobProgress
from population.status import Counters, Snapshot, counters_dict

NOW = 1_800_000_000.0
JOBS = (
    JobProgress(
        "j7", "evaluate", "0218b5a0cedc77" + "0" * 50, "train", 3, 8, 1534, "w0.0", NOW - 42.4, NOW - 2
    ),
    JobProgress("j9", "reproduce", "d8877b697526aa" + "0" * 50, "", 0, 0, 0, "w0.1", NOW - 7.0, NOW - 1),
)


def _snapshot(state: str, **extra: Any) -> Snapshot:
    counters = replace(Counters(), evaluations=7, new=6, rediscoveries=2, novelty_rejects=1, tokens=6000)
    snap: dict[str, Any] = {
        "state": state,
        "run_dir": "runs/demo",
        "run": "ab" * 32,
        "pid": 0,
        "elapsed_s": 600.0,
        "counters": counters_dict(counters),
        "islands": [
            {
                "index": 0,
                "size": 3,
                "best": 0.856,
                "median": 0.5,
                "best_id": "0218b5a0cedc77",
                "max_generation": 2,
            },
            {"index": 1, "size": 0, "best": None, "median": None, "best_id": None, "max_generation": 0},
        ],
        "queued": 1,
        "in_flight": 2,
        "slots": ["cpu:2"],
        "loops": 2,
        "grid_cells": 4,
        "llm": {"busy_fraction": 0.95},
        "best_evolved": {"id": "0218b5a0cedc77", "fitness": 0.856, "generation": 1},
        "best_origin": {"id": "d8877b697526aa", "fitness": 0.825, "generation": 0},
        "holdout": {},
        "notes": [],
        "time_budget_s": 600.0,
        "max_evals": 0,
    }
    snap.update(extra)
    return Snapshot.from_json(snap)  # the unversioned form (format 1) of runs before the typed Snapshot


def _text(snap: Snapshot) -> str:
    console = Console(record=True, width=120)
    console.print(render(snap))
    return console.export_text()


def test_the_live_view_shows_progress_islands_and_the_model() -> None:
    shown = _text(
        _snapshot("running", notes=["1 job(s) still running 60 s after the time budget were cancelled"])
    )
    head, *rest = shown.splitlines()
    assert " ".join(head.split()) == "seedpop running gen 2 evals 7 queued 1 in flight 2 elapsed 10.0m / 10m"
    assert "0218b5a0cedc" in shown and "0.856" in shown and "—" in shown  # an empty island shows dashes
    assert "LLM busy 95%" in shown and "tokens/s 10" in shown and "re-discoveries 2" in shown
    assert "cpu:2 × 2 loops" in shown
    assert rest[-1].startswith("1 job(s) still running")


def test_the_holdout_phase_says_what_it_does() -> None:
    assert _text(_snapshot("holdout")).startswith("seedpop scoring the best seeds on holdout ")


def test_the_summary_gives_train_and_holdout_scores_and_the_next_commands() -> None:
    lines = summary_lines(_snapshot("finished", holdout={"0218b5a0cedc77": 0.7}), "finished")
    assert lines[0].startswith("run finished after 10.0 min: 7 evaluations, 6 new seeds, 2 re-discoveries")
    assert "best evolved seed: 0218b5a0cedc train 0.856 (generation 1), holdout 0.700" in lines
    assert "best origin seed: d8877b697526 train 0.825 (generation 0)" in lines  # not scored on holdout
    assert lines[-3:] == [
        "  python -m lineage --run-dir runs/demo best",
        "  python -m lineage --run-dir runs/demo stats",
        "  python -m dashboard --run-dir runs/demo",
    ]


def test_the_live_view_lists_each_job_in_flight_with_its_progress() -> None:
    console = Console(record=True, width=120)
    console.print(render(replace(_snapshot("running"), jobs=JOBS), now=NOW))
    rows = [" ".join(line.split()) for line in console.export_text().splitlines()]
    at = rows.index("jobs in flight")
    assert rows[at + 1] == "loop job seed tasks tokens seconds"
    assert rows[at + 2] == "w0.0 evaluate train 0218b5a0cedc 3/8 1534 42"
    assert rows[at + 3] == "w0.1 reproduce d8877b697526 — 0 7"
    assert rows[at + 4].startswith("best ")  # the counters line follows


def test_the_live_view_has_no_jobs_table_when_nothing_is_in_flight() -> None:
    assert "jobs in flight" not in _text(_snapshot("running"))


def test_a_progress_line_says_the_counters_and_each_job_on_one_line() -> None:
    line = progress_line(replace(_snapshot("running"), jobs=JOBS), now=NOW)
    assert "\n" not in line
    assert line.startswith("[ 10.0m/10m] running: evals 7, queued 1, in flight 2, best —, re-discoveries 2, ")
    assert line.endswith(" | evaluate train 0218b5a0 3/8 tasks 1534 tok 42s; reproduce d8877b69 7s")
    assert " | " not in progress_line(_snapshot("holdout"), now=NOW)


def test_the_progress_printer_writes_at_once_then_every_interval_and_on_a_state_change() -> None:
    lines: list[str] = []
    clock = iter([0.0, 1.0, 29.9, 30.0, 31.0, 45.0, 61.0])
    printer = ProgressPrinter(lines.append, every_s=30.0, clock=lambda: next(clock))
    for state in ("running", "running", "running", "running", "running", "holdout", "holdout"):
        printer(_snapshot(state))
    # Lines at 0 (the first tick), 30 (the interval) and 45 (the state changed); 61 is only 16 s after 45.
    assert [line.split("] ")[1].split(":")[0] for line in lines] == [
        "running",
        "running",
        "scoring the best seeds on holdout",
    ]


def test_the_summary_says_when_jobs_failed_on_the_workers_themselves() -> None:
    snap = _snapshot("finished")
    assert not any("failed on the workers" in line for line in summary_lines(snap, "finished"))
    failed = replace(snap, counters=replace(snap.counters, jobs_failed=2))
    assert any(
        line.startswith("2 job(s) failed on the workers") for line in summary_lines(failed, "finished")
    )


def test_the_views_warn_when_many_solves_ran_out_of_wall_clock_time() -> None:
    snap = _snapshot("running")
    loaded = replace(snap, counters=replace(snap.counters, task_runs=40, clock_bound=12))
    assert "wall-clock" not in progress_line(snap, now=NOW) + _text(snap)
    assert "wall-clock" not in "".join(summary_lines(snap, "finished"))
    warning = "12 of 40 train solves ran out of wall-clock time"
    assert warning in progress_line(loaded, now=NOW)
    assert warning in " ".join(_text(loaded).split())
    assert any(line.startswith(f"warning: {warning}") for line in summary_lines(loaded, "finished"))
    few = replace(snap, counters=replace(snap.counters, task_runs=40, clock_bound=7))  # under a fifth
    assert "wall-clock" not in progress_line(few, now=NOW)
