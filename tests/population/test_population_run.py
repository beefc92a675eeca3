"""End-to-end runs through ``python -m population run`` with the real embedded Redis and real sandboxes.

``--model none`` with LLM-free seeds (a real run, no fake): records, edges, re-discoveries, a hostile seed,
the golden determinism test, and bad input.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from population_helpers import HOSTILE, TOGGLE, processes_using, run_cli, write_config, write_seed

from lineage import Archive

pytestmark = pytest.mark.slow


def _archive_facts(run_dir: Path) -> tuple[list[str], list[tuple[str, tuple[str, ...], str]]]:
    with Archive.open(str(run_dir)) as archive:
        ids = sorted(s.id for s in archive.all_summaries())
        edges = sorted((e.child, e.parents, e.proposal) for sid in ids for e in archive.edges(sid))
    return ids, edges


def test_short_run_records_edges_rediscoveries_and_a_monotone_best(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=8, seed=1)
    run_dir = tmp_path / "run"
    done = run_cli("run", "--config", str(cfg), "--run-dir", str(run_dir))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "python -m lineage --run-dir" in done.stderr and " stats" in done.stderr
    status = json.loads((run_dir / "status.json").read_text())
    counters = status["counters"]
    assert status["state"] == "finished"
    assert counters["evaluations"] == 8
    assert counters["rediscoveries"] >= 1
    bests = [b for _, b in counters["best_history"]]
    assert bests == sorted(bests) and bests
    assert 0 < counters["manager_cpu_s"] <= counters["manager_s"] + 0.01  # CPU of one thread ≤ its wall
    assert 0 < counters["worker_cpu_s"] <= counters["worker_overhead_s"] + 0.01  # the workers' checks
    with Archive.open(str(run_dir)) as archive:
        counts = archive.counts()
        assert counts.records >= 8 + 2  # train evaluations + the two holdout scores
        assert counts.dedup_hits == counters["rediscoveries"]
        assert counts.edges > counts.seeds
        scored = [s for s in archive.all_summaries() if s.best is not None]
        assert len(scored) >= 5  # some seeds ran more than one block (elite contests)
        for summary in archive.all_summaries():  # a canonical id runs each train block at most once
            blocks = [r.suite_version for r in archive.records(summary.id) if r.split == "train"]
            assert len(blocks) == len(set(blocks)) and all("/train/b" in b for b in blocks)
    assert status["holdout"], "the final best seeds were scored on holdout"
    assert status["champion"] in status["validation"] and "validation" in status["champion_reason"]
    assert set(status["holdout"]) == {status["champion"], status["best_origin"]["id"]}
    assert processes_using(run_dir) == []
    shown = run_cli("status", "--run-dir", str(run_dir))
    assert shown.returncode == 0 and "finished" in shown.stdout


def test_hostile_seed_does_not_disturb_the_run(tmp_path: Path) -> None:
    hostile = write_seed(tmp_path, "hostile", HOSTILE)
    cfg = write_config(tmp_path, origin=[hostile, "templates"], max_evals=6, seed=5, solve_timeout_s=2.0)
    run_dir = tmp_path / "run"
    done = run_cli("run", "--config", str(cfg), "--run-dir", str(run_dir))
    assert done.returncode == 0, done.stderr[-2000:]
    status = json.loads((run_dir / "status.json").read_text())
    assert status["counters"]["evaluations"] == 6
    assert status["best_evolved"] is not None or status["best_origin"] is not None
    with Archive.open(str(run_dir)) as archive:
        outcomes = {r.outcome.value for s in archive.all_summaries() for r in archive.records(s.id)}
    assert "scored" in outcomes
    assert processes_using(run_dir) == []


def test_fixed_seed_reproduces_the_same_seed_ids(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=7, seed=11)
    facts = []
    for name in ("a", "b"):
        done = run_cli("run", "--config", str(cfg), "--run-dir", str(tmp_path / name))
        assert done.returncode == 0, done.stderr[-2000:]
        facts.append(_archive_facts(tmp_path / name))
    assert facts[0][0] == facts[1][0]
    assert facts[0][1] == facts[1][1]
    assert len(facts[0][0]) >= 6


def test_manager_crossovers_are_worker_jobs_with_two_parents(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)  # shares solve() and reproduce() with templates
    cfg = write_config(
        tmp_path, origin=["templates", toggle], max_evals=5, seed=4, manager_crossover_rate=1.0
    )
    run_dir = tmp_path / "run"
    done = run_cli("run", "--config", str(cfg), "--run-dir", str(run_dir))
    assert done.returncode == 0, done.stderr[-2000:]
    counters = json.loads((run_dir / "status.json").read_text())["counters"]
    assert counters["crossovers"] >= 1
    with Archive.open(str(run_dir)) as archive:
        crossed = [
            e
            for s in archive.all_summaries()
            for e in archive.edges(s.id)
            if e.operator.startswith("crossover:")
        ]
    assert crossed and all(len(e.parents) == 2 for e in crossed)
    assert {e.operator for e in crossed} <= {"crossover:crossover_function", "crossover:crossover_subtree"}
    rejects = [json.loads(line) for line in (run_dir / "logs" / "rejects.jsonl").read_text().splitlines()]
    for entry in (r for r in rejects if r["kind"] == "crossover"):  # a pair with nothing to exchange
        assert entry["reason"].startswith("no crossover child: ") and len(entry["parents"]) == 2
    assert counters["reproduce_problems"] == 0  # no seed's reproduce ran, so none failed


# A seed whose every solve takes 30 s: its evaluation (4 tasks) outlives any short time budget.
SLOW = """
import time


def solve(task, llm, tools):
    time.sleep(30)
    return "def %s(*args):\\n    return 0\\n" % task.entry_point


def reproduce(source, n, rng_seed, genome, llm):
    return []
"""


def test_jobs_past_the_end_grace_are_cancelled_and_the_holdout_still_runs(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    slow = write_seed(tmp_path, "slow", SLOW)
    cfg = write_config(
        tmp_path, origin=[toggle, slow], time_budget="20s", end_grace="1s", solve_timeout_s=60.0, seed=2
    )
    run_dir = tmp_path / "run"
    done = run_cli("run", "--config", str(cfg), "--run-dir", str(run_dir))
    assert done.returncode == 0, done.stderr[-2000:]
    status = json.loads((run_dir / "status.json").read_text())
    assert status["state"] == "finished"
    assert any("cancelled" in note for note in status["notes"]), status["notes"]
    origin = status["best_origin"]["id"]
    assert list(status["holdout"]) == [origin]  # the holdout ran despite the cancelled job
    # Left running, the slow evaluation would hold the only worker loop for 4 × 30 s and the holdout job would
    # wait behind it; cancelled, its loop lets go after the solve in progress (≤ 30 s).
    assert status["elapsed_s"] < 100
    with Archive.open(str(run_dir)) as archive:
        slow_ids = [s.id for s in archive.all_summaries() if s.id != origin]
        assert slow_ids and all(not archive.records(sid) for sid in slow_ids)  # stored, never scored
    assert processes_using(run_dir) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--selector", "tournement"], "unknown selector 'tournement' (did you mean 'tournament'?)"),
        (["--model", "qwen2.5-coder-0.6b"], "did you mean 'qwen2.5-coder-0.5b'?"),
        (["--origin", "gredy"], "unknown origin seed 'gredy' (did you mean 'greedy'?)"),
        (["--suite", "coer"], "did you mean 'core'?"),
        (["--slots", "tpu:1"], "slot 'tpu:1' is not understood"),
        (["--time-budget", "soon"], "not a duration"),
    ],
)
def test_bad_arguments_are_one_line_errors(tmp_path: Path, args: list[str], message: str) -> None:
    run_dir = tmp_path / "run"
    done = run_cli("run", "--run-dir", str(run_dir), *args, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and message in done.stderr
    assert not run_dir.exists()


def test_bad_config_and_origins(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text('selectr = "tournament"\n', encoding="utf-8")
    done = run_cli("run", "--config", str(cfg), "--run-dir", str(tmp_path / "r1"), timeout=120)
    assert done.returncode == 1 and "unknown config key 'selectr' (did you mean 'selector'?)" in done.stderr
    broken = write_seed(tmp_path, "broken", "def solve(task, llm, tools:\n    pass\n")
    done = run_cli(
        "run", "--model", "none", "--origin", broken, "--run-dir", str(tmp_path / "r2"), timeout=120
    )
    assert done.returncode == 1 and "origin seed" in done.stderr and "not valid Python" in done.stderr
    nosolve = write_seed(
        tmp_path, "nosolve", "def reproduce(source, n, rng_seed, genome, llm):\n    return []\n"
    )
    done = run_cli(
        "run", "--model", "none", "--origin", nosolve, "--run-dir", str(tmp_path / "r3"), timeout=120
    )
    assert done.returncode == 1 and "no top-level function solve()" in done.stderr
    assert done.stderr.strip().count("\n") == 0


def test_run_dir_of_another_version_is_left_alone(tmp_path: Path) -> None:
    run_dir = tmp_path / "old"
    run_dir.mkdir()
    marker = run_dir / "population.json"
    marker.write_text('{"format": 99}', encoding="utf-8")
    done = run_cli("run", "--model", "none", "--run-dir", str(run_dir), timeout=120)
    assert done.returncode == 1 and "another seedpop version" in done.stderr
    assert marker.read_text() == '{"format": 99}' and sorted(p.name for p in run_dir.iterdir()) == [
        "population.json"
    ]
    done = run_cli("status", "--run-dir", str(tmp_path / "nothing"), timeout=120)
    assert done.returncode == 1 and "not a population run directory" in done.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 600 KiB tmpfs: a run fills it within seconds. Needs root (CI and the dev machine run as root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_is_a_one_line_error_and_loses_nothing_stored(small_disk: Path, tmp_path: Path) -> None:
    run_dir = small_disk / "run"
    done = run_cli(
        "run", "--model", "none", "--origin", "templates", "--max-evals", "400", "--run-dir", str(run_dir)
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    error = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(error) == 1 and "free space" in error[0], done.stderr[-2000:]
    assert processes_using(run_dir) == []
    copy = tmp_path / "copy"  # what was stored, read back on a disk with room
    shutil.copytree(run_dir, copy)
    with Archive.open(str(copy)) as archive:
        indexed = {s.id for s in archive.all_summaries()}
        assert indexed, "the origin seed was stored before the disk filled"
        for sid in indexed:
            assert archive.source(sid)  # the object is there and its hash checks
    verified = subprocess.run(
        [sys.executable, "-m", "lineage", "--run-dir", str(copy), "verify"], capture_output=True, text=True
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr


BOMBER = """
def solve(task, llm, tools):
    return task.prompt + "    return None\\n"


def reproduce(source, n, rng_seed, genome, llm):
    wide = "x = [" + ",".join("[" * 95 + "]" * 95 for _ in range(500)) + "]\\n"  # libcst: ~20 s, 4 GB
    parens = "x = " + "(" * 5000 + ")" * 5000 + "\\n"  # libcst: segfault
    big = "x = 1\\n" + "#" * 100_000
    return [wide, parens, source + f"\\n# child {rng_seed}\\n"] + [big] * 5000
"""

PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stderr.write(done.stderr)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
"""
PEAK_MB = 1024  # any framework process: a libcst parse of the wide child alone took 4.3 GB


def test_parser_bombs_cost_rejected_children_and_the_run_goes_on(tmp_path: Path) -> None:
    bomber = write_seed(tmp_path, "bomber", BOMBER)
    cfg = write_config(
        tmp_path, origin=[bomber, "templates"], max_evals=6, seed=9, manager_crossover_rate=0.5
    )
    run_dir = tmp_path / "run"
    cmd = [sys.executable, "-m", "population", "run", "--config", str(cfg), "--run-dir", str(run_dir)]
    done = subprocess.run([sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True, timeout=900)
    code, peak_mb = map(int, done.stdout.split())
    assert code == 0, done.stderr[-2000:]
    assert peak_mb < PEAK_MB, peak_mb  # the largest process of the whole run tree, sandboxes included
    assert json.loads((run_dir / "status.json").read_text())["counters"]["evaluations"] == 6
    with Archive.open(str(run_dir)) as archive:
        ids = [s.id for s in archive.all_summaries()]
        bombs = [sid for sid in ids if "[" * 95 in archive.source(sid)]
        parents = {p for sid in ids for e in archive.edges(sid) for p in e.parents}
        for (
            sid
        ) in bombs:  # kept as an invalid seed (never evaluated, never a parent), like any oversized child
            assert [(r.outcome.value, "max_work" in r.reason) for r in archive.records(sid)] == [
                ("invalid", True)
            ]
        assert not any("(" * 5000 in archive.source(sid) for sid in ids)  # not even Python: never stored
    assert bombs and not parents & set(bombs)
    assert processes_using(run_dir) == []
