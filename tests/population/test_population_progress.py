"""Per-job progress through the real embedded Redis: a worker's entry appears, counts its tasks and goes away;
an entry whose worker is gone is ignored and then pruned; and a run off a terminal prints progress lines."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from population_helpers import REPO, processes_using, run_cli, write_config, write_seed

from fitness.suites import load_suite
from population import keys
from population.config import resolve
from population.messages import WIRE_VERSION, EvaluateDone, EvaluateJob, decode, encode
from population.progress import STALE_S, ProgressBoard, read_progress
from population.redis_server import EmbeddedRedis, connect
from population.version import code_version

pytestmark = pytest.mark.slow

# No LLM; each solve takes a while, so that a reader sees the evaluation between its tasks. Its children
# differ in N (new seeds, so a run reaches its evaluation budget).
SLOW = """
import time

N = 0


def solve(task, llm, tools):
    time.sleep(0.6)
    return "def %s(*args):\\n    return %d\\n" % (task.entry_point, N)


def reproduce(source, n, rng_seed, genome, llm):
    return [source.replace("N = %d" % N, "N = %d" % (N + 1 + k + rng_seed % 1000), 1) for k in range(n)]
"""


def test_a_workers_progress_entry_appears_counts_its_tasks_and_disappears(tmp_path: Path) -> None:
    server = EmbeddedRedis.start(tmp_path / "redis")
    worker = None
    try:
        client = connect(server.url)
        run = "progress-test"
        cfg = resolve({"model": "none", "slots": "cpu:1", "loops_per_slot": 1})
        client.set(keys.config(run), cfg.to_json())
        # What a manager publishes: a worker refuses a run without it (or of another code version).
        stamp = {"code": code_version(), "wire": WIRE_VERSION, "model": cfg.model}
        client.set(keys.version(run), json.dumps(stamp))
        for stream, group in ((keys.jobs(run), keys.WORKER_GROUP), (keys.results(run), keys.MANAGER_GROUP)):
            client.xgroup_create(stream, group, id="0", mkstream=True)
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "population",
                "worker",
                "--redis",
                server.url,
                "--run",
                run,
                "--name",
                "w0",
            ],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        block = tuple(t.id for t in load_suite("core").split("train")[:3])
        job = EvaluateJob("job-1", "ab" * 32, SLOW, "core", "train", block, "b0")
        client.xadd(keys.jobs(run), encode(job))  # type: ignore[arg-type]
        seen: list[tuple[str, str, str, int, int, str]] = []
        deadline = time.monotonic() + 120
        result = None
        while result is None and time.monotonic() < deadline:
            for job in read_progress(client, run):
                seen.append((job.job_id, job.kind, job.split, job.done, job.total, job.loop))
            reply: list = client.xrange(keys.results(run))  # type: ignore[assignment]
            if reply:
                result = decode(reply[0][1])
            time.sleep(0.05)
        assert isinstance(result, EvaluateDone), "the worker answered the job"
        assert seen, "the evaluation showed in the progress hash while it ran"
        assert {s[:3] + s[4:] for s in seen} == {("job-1", "evaluate", "train", 3, "w0.0")}
        done = [s[3] for s in seen]
        assert done == sorted(done) and done[0] < 3 and 0 < max(done) <= 3  # counted up as tasks were scored
        assert read_progress(client, run) == () and not client.exists(keys.progress(run))  # gone at the end
    finally:
        if worker is not None:
            worker.terminate()
            _, err = worker.communicate(timeout=30)
            assert "Traceback" not in err, err[-2000:]
        server.stop()
    assert processes_using(tmp_path) == []


def test_an_entry_whose_worker_is_gone_is_ignored_then_pruned_and_the_hash_expires(tmp_path: Path) -> None:
    server = EmbeddedRedis.start(tmp_path / "redis")
    try:
        client = connect(server.url)
        now = [1_800_000_000.0]
        dead = ProgressBoard(client, "r", "w9.0", clock=lambda: now[0])
        dead.begin("old", "reproduce", "cd" * 32)  # its worker is then killed: nobody ends or refreshes it
        assert [j.job_id for j in read_progress(client, "r", now=now[0])] == ["old"]
        assert 0 < client.ttl(keys.progress("r")) <= STALE_S
        now[0] += STALE_S + 1
        assert read_progress(client, "r", now=now[0]) == ()  # a reader skips it (and deletes nothing)
        assert client.hexists(keys.progress("r"), "old")
        live = ProgressBoard(client, "r", "w0.0", clock=lambda: now[0])
        live.begin("new", "evaluate", "ab" * 32, "train", 4)
        assert client.hkeys(keys.progress("r")) == [b"new"]  # the next job started pruned it
        live.scored(120)
        live.scored(80)
        [job] = read_progress(client, "r", now=now[0])
        assert (job.done, job.total, job.tokens, job.seed) == (2, 4, 200, "ab" * 32)
        live.end()
        live.end()  # idempotent
        live.refresh()  # a heartbeat after the end re-adds nothing
        assert not client.exists(keys.progress("r"))
    finally:
        server.stop()


def test_a_run_off_a_terminal_prints_a_progress_line_every_interval(tmp_path: Path) -> None:
    slow = write_seed(tmp_path, "slow", SLOW)
    cfg = write_config(tmp_path, origin=[slow], max_evals=3, final_holdout=False, display=True)
    run_dir = tmp_path / "run"
    start = time.monotonic()
    done = run_cli(
        "run", "--config", str(cfg), "--run-dir", str(run_dir), "--progress-every", "1", timeout=300
    )
    took = time.monotonic() - start
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith("[")]
    assert len(lines) >= 3, done.stderr[-2000:]
    assert lines[0].startswith("[  0.0m] running: evals 0/3, ")
    assert lines[-1].startswith("[") and "finished: evals 3/3" in lines[-1]
    assert any(" | evaluate train " in line and " tasks " in line for line in lines), (
        lines
    )  # a job's progress
    assert len(lines) <= took + 2  # about one a second, not one per tick of the run loop
    assert "\x1b[" not in done.stderr  # no live table's escape codes in a log
    quiet = run_cli(
        "run",
        "--config",
        str(cfg),
        "--run-dir",
        str(tmp_path / "quiet"),
        "--progress-every",
        "1",
        "--no-display",
        timeout=300,
    )
    assert quiet.returncode == 0 and not [line for line in quiet.stderr.splitlines() if line.startswith("[")]
    bad = run_cli("run", "--config", str(cfg), "--run-dir", str(tmp_path / "bad"), "--progress-every", "0")
    assert bad.returncode == 1 and bad.stderr.strip() == "error: --progress-every must be > 0 seconds, got 0"
