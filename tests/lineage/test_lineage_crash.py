"""Crash safety (a writer killed with SIGKILL mid-stream) and concurrent writers (4 processes)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter

import pytest
from lineage_helpers import make_source

from genome import seed_id
from lineage import Archive, Kind, reindex, verify

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def _writer(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([HERE, ROOT, os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, os.path.join(HERE, "lineage_writer.py"), *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def _consistent(run_dir: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the index refers to objects that exist and verify; births and links are sound."""
    with Archive.open(run_dir) as a:
        dump = a.dump()
        store = a.store
        for sid, birth in dump["seeds"]:
            assert birth is not None
            assert store.get(str(sid), Kind.SEED)
            assert a.source(str(sid))
        for edge in dump["edges"]:
            eid, _key, child, source, *_rest, parents = edge
            assert store.get(str(eid), Kind.EDGE) and store.get(str(source), Kind.SOURCE)
            assert a.has(str(child)) and all(a.has(p) for p in parents)  # type: ignore[union-attr]
        for record in dump["records"]:
            assert store.get(str(record[0]), Kind.RECORD) and a.has(str(record[1]))
    return dump


@pytest.mark.slow
@pytest.mark.parametrize("lines_before_kill", [3, 20, 41])
def test_sigkill_mid_stream_leaves_a_verifiable_archive(tmp_path: object, lines_before_kill: int) -> None:
    run_dir = str(tmp_path)
    Archive.create(run_dir, durable=False).close()
    proc = _writer(run_dir, "chain", "0", "0", "crash", "durable")
    assert proc.stdout is not None
    for _ in range(lines_before_kill):
        assert proc.stdout.readline().startswith("ok ")
    os.kill(proc.pid, signal.SIGKILL)  # lands somewhere inside the next add: objects, index, or in between
    proc.wait()
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    report = verify(run_dir)
    assert report.ok, report.corrupt
    before = _consistent(run_dir)  # the live index the killed writer left is usable as it is
    rebuilt = reindex(run_dir)
    assert rebuilt.problems == ()
    after = _consistent(run_dir)
    for table, rows in before.items():  # nothing committed was lost; at most the last add was completed
        assert set(rows) <= set(after[table])
    assert len(after["seeds"]) - len(before["seeds"]) <= 2
    assert len(after["seeds"]) >= lines_before_kill
    # and the archive goes on: a restarted writer continues the chain
    proc = _writer(run_dir, "chain", "1000", "3", "resume")
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and out.count("ok") == 2


@pytest.mark.slow
def test_four_concurrent_writers_with_overlapping_sets(tmp_path: object) -> None:
    run_dir = str(tmp_path)
    with Archive.create(run_dir, durable=False) as a:
        root = a.add(make_source(0)).seed_id
    procs = [_writer(run_dir, "set", str(1 + 15 * k), "40", f"w{k}", "fast", root) for k in range(4)]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0]
    results = [json.loads(line) for out in outputs for line in out.splitlines()]
    assert len(results) == 160
    expected = {seed_id(make_source(i)) for i in range(1, 1 + 15 * 3 + 40)}
    assert {r["id"] for r in results} == expected
    new = Counter(r["id"] for r in results if r["status"] == "new")
    assert set(new) == expected and set(new.values()) == {1}  # exactly one writer saw each seed as new
    with Archive.open(run_dir) as a:
        dump = a.dump()
        assert len(dump["seeds"]) == len({s for s, _ in dump["seeds"]}) == len(expected) + 1
        assert len(dump["edges"]) == 161  # every proposal kept, re-discoveries included
        assert a.counts().dedup_hits == 160 - len(expected)
    assert verify(run_dir).ok
    live = dump
    reindex(run_dir)
    with Archive.open(run_dir) as a:
        assert a.dump() == live


@pytest.mark.slow
def test_repeated_sigkill_at_random_moments(tmp_path: object) -> None:
    """Ten writers in a row on one archive, each killed after a pseudo-random delay; verify after each."""
    import random
    import time

    run_dir = str(tmp_path)
    Archive.create(run_dir, durable=False).close()
    rng = random.Random(1234)
    seen_partial = 0
    for cycle in range(10):
        proc = _writer(run_dir, "chain", str(10_000 * (cycle + 1)), "0", f"c{cycle}", "durable")
        assert proc.stdout is not None
        proc.stdout.readline()  # started writing
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        report = verify(run_dir)
        assert report.ok, report.corrupt
        seen_partial += bool(report.temp_files)
        _consistent(run_dir)
    assert reindex(run_dir).problems == ()
    _consistent(run_dir)
