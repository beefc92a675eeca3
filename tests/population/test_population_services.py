"""The real services the population stands on: the embedded Redis server and the MiniLM novelty filter."""

from __future__ import annotations

import ast
import random
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psutil  # type: ignore[import-untyped]
import pytest
from population_helpers import (
    REPO,
    TOGGLE,
    processes_using,
    start_run,
    wait_for_evaluations,
    write_config,
    write_seed,
)

from population import keys
from population.messages import EvaluateJob, decode, encode
from population.redis_server import EmbeddedRedis, connect

pytestmark = pytest.mark.slow


def test_embedded_redis_streams_groups_and_shutdown(tmp_path: Path) -> None:
    server = EmbeddedRedis.start(tmp_path / "redis")
    try:
        client = connect(server.url)
        client.xgroup_create(keys.jobs("r"), keys.WORKER_GROUP, id="0", mkstream=True)
        job = EvaluateJob("j1", "s", "src", "core")
        client.xadd(keys.jobs("r"), encode(job))  # type: ignore[arg-type]
        reply = client.xreadgroup(keys.WORKER_GROUP, "w", {keys.jobs("r"): ">"}, count=1, block=100)
        [(_, [(entry_id, fields)])] = reply  # type: ignore[misc]
        assert decode(fields) == job
        assert client.xack(keys.jobs("r"), keys.WORKER_GROUP, entry_id) == 1
        assert client.config_get("appendonly")["appendonly"] == "yes"
    finally:
        server.stop()
        server.stop()  # idempotent
    assert (tmp_path / "redis" / "appendonly.aof").exists()
    assert processes_using(tmp_path) == []


def test_embedded_redis_starts_from_a_relative_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    server = EmbeddedRedis.start(Path("runs") / "r" / "redis")
    try:
        assert connect(server.url).ping()
    finally:
        server.stop()
    assert (tmp_path / "runs" / "r" / "redis" / "redis.log").exists()


@pytest.mark.parametrize("where", ["in_process", "child_process"])
def test_novelty_filter_rejects_near_clones_and_keeps_real_changes(where: str) -> None:
    import genome
    from population.novelty import MAX_NEW_PIECES, NoveltyFilter, NoveltyProcess, Verdict, chunks
    from seeds import origin_source

    source = genome.canonical_source(origin_source("greedy"))
    assert all(c.count("\n") <= 6 for c in chunks(source))
    nf: NoveltyFilter | NoveltyProcess = (
        NoveltyFilter(threshold=0.9995) if where == "in_process" else NoveltyProcess(threshold=0.9995)
    )
    try:
        nf.add(source)
        assert nf.check(source).near_clone  # nothing new at all
        extended = genome.canonical_source(source + "\nEXTRA_NOTE = 'x'\n")
        assert nf.check(extended).similarity < 1.0  # one new piece, compared with the known ones
        rewritten = source.replace(
            "USER_TEMPLATE = 'Complete this Python function:",
            "USER_TEMPLATE = 'First list the edge cases, then write a fast and careful solution for:",
        )
        assert rewritten != source
        verdict = nf.check(genome.canonical_source(rewritten))
        assert not verdict.near_clone and 0.0 < verdict.novelty <= 1.0
        huge = source + "".join(f"\nGENE_{i} = {i}\n" for i in range(MAX_NEW_PIECES + 1))
        assert nf.check(genome.canonical_source(huge)) == Verdict(0.0, False)  # novel, and no model call
        assert not nf.check(
            genome.canonical_source(source.replace("MAX_TOKENS = 384", "MAX_TOKENS = 768"))
        ).near_clone
        number = re.compile(r"(?<![\w.])0(?![\w.])")
        piece = next(c for c in chunks(source) if c.startswith("def extract_code") and number.search(c))
        retuned = genome.canonical_source(source.replace(piece, number.sub("1", piece, count=1), 1))
        assert retuned != source
        embedded = nf.embedded if isinstance(nf, NoveltyFilter) else 0
        # embeddings barely see numbers (0.9995+ alike), but a parameter change is still new: novelty 0, and
        # neither the check nor the indexing asks the model (the piece gets its twin's vector)
        assert nf.check(retuned) == Verdict(1.0, False)
        nf.add(retuned)
        again = genome.canonical_source(source.replace(piece, number.sub("2", piece, count=1), 1))
        assert again != retuned and nf.check(again) == Verdict(1.0, False)
        if isinstance(nf, NoveltyFilter):
            assert nf.embedded == embedded
        other = genome.canonical_source(origin_source("sample_filter"))
        nf.add(other)
        crossed = genome.crossover(genome.Parsed(source), genome.Parsed(other), random.Random(0))
        assert isinstance(crossed, genome.Mutated)  # every piece known, but never together
        verdict = nf.check(genome.canonical_source(crossed.source))
        assert not verdict.near_clone and 0.0 < verdict.similarity < 1.0
        *head, last_but_one, last = ast.parse(source).body
        reordered = genome.canonical_source(ast.unparse(ast.Module([*head, last, last_but_one], [])))
        assert reordered != source
        assert nf.check(reordered) == Verdict(1.0, True)  # the same pieces, moved
        shorter = genome.canonical_source(ast.unparse(ast.Module([*head, last_but_one], [])))
        assert not nf.check(shorter).near_clone  # a deleted function changes what the seed does
        # the child's embedding work is counted (it is not the caller's CPU time); in-process work is the caller's
        assert nf.cpu_s > 0 if where == "child_process" else nf.cpu_s == 0.0
    finally:
        if isinstance(nf, NoveltyProcess):
            nf.close()
            assert not psutil.pid_exists(nf.pid) or psutil.Process(nf.pid).status() == psutil.STATUS_ZOMBIE


def test_novelty_process_that_cannot_start_is_a_one_line_error() -> None:
    from population.novelty import NoveltyProcess, NoveltyUnavailableError

    nf = NoveltyProcess(threshold=float("nan"))  # the child refuses it and exits
    try:
        with pytest.raises(NoveltyUnavailableError, match=r"novelty process exited .*novelty = 'off'"):
            nf.check("x = 1")
    finally:
        nf.close()


def test_ctrl_c_and_stop_leave_nothing_behind(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    # novelty on: its child process must go too
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=500, seed=1, novelty="on")
    for how in ("sigint", "stop"):
        run_dir = tmp_path / how
        proc = start_run(cfg, run_dir)
        wait_for_evaluations(run_dir)
        if how == "sigint":
            proc.send_signal(signal.SIGINT)
        else:
            stopped = subprocess.run(
                [sys.executable, "-m", "population", "stop", "--run-dir", str(run_dir)],
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert stopped.returncode == 0, stopped.stderr
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == (130 if how == "sigint" else 0), err[-2000:]
        assert "python -m lineage --run-dir" in err
        assert processes_using(run_dir) == []
        assert (run_dir / "logs" / "novelty.log").exists()
        from lineage import Archive, verify

        with Archive.open(str(run_dir)) as archive:
            assert archive.counts().records >= 1
        report = verify(str(run_dir))
        assert not report.corrupt and not report.missing


def test_redis_dying_for_good_mid_run_is_a_one_line_error_and_loses_nothing(tmp_path: Path) -> None:
    # A Redis that dies is started again (test_population_redis_outage.py); one that cannot come back — its
    # directory is replaced by a file — ends the run with the outage as a one-line error.
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=500, seed=2)
    run_dir = tmp_path / "run"
    proc = start_run(cfg, run_dir)
    wait_for_evaluations(run_dir)
    servers = [
        p
        for p in psutil.process_iter(["cmdline"])
        if "redis-server" in " ".join(p.info["cmdline"] or []) and str(run_dir) in " ".join(p.info["cmdline"])
    ]
    assert len(servers) == 1
    shutil.rmtree(run_dir / "redis")  # first, so the manager cannot start it again in between
    (run_dir / "redis").write_text("not a directory")
    servers[0].kill()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err[-2000:]
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "Redis failed mid-run" in errors[0] and "archive" in errors[0], err[-2000:]
    assert processes_using(run_dir) == []
    from lineage import Archive, verify

    with Archive.open(str(run_dir)) as archive:
        assert archive.counts().records >= 1
    report = verify(str(run_dir))
    assert not report.corrupt and not report.missing
