"""``bench/efficacy.py --state``: an efficacy measurement outlasts a sitting and its machine. ``--pack`` writes
the portable part of the bench's directory (consistent SQLite copies, no embedded Redis, no lock, no WAL), and
the same command with ``--state`` unpacks it into an empty directory to go on there."""

from __future__ import annotations

import fcntl
import sqlite3
import tarfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture
def efficacy(load_bench: Callable[[str], ModuleType]) -> ModuleType:
    return load_bench("efficacy")


def fake_out(root: Path) -> Path:
    """A bench directory shaped like a stopped evolution arm: a WAL-mode index with rows only in its WAL."""
    run = root / "evolution"
    for sub in ("objects/ab", "redis", "logs", "cache"):
        (run / sub).mkdir(parents=True)
    (run / "objects" / "ab" / "cdef").write_bytes(b"seed")
    (run / "journal.jsonl").write_text('{"kind": "origins"}\n')
    (run / "redis" / "appendonly.aof").write_text("*1\r\n")
    (run / "manager.lock").touch()
    (run / "logs" / "events.jsonl").write_text("{}\n")
    (root / "efficacy-scores.json").write_text("{}")
    writer = sqlite3.connect(run / "lineage.sqlite")
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE seeds (id TEXT)")
    writer.executemany("INSERT INTO seeds VALUES (?)", [(str(i),) for i in range(50)])
    writer.commit()
    writer.close()  # closing checkpoints; reopen and leave rows in the WAL, as a killed writer would
    writer = sqlite3.connect(run / "lineage.sqlite")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("INSERT INTO seeds VALUES ('in-the-wal')")
    writer.commit()
    (run / "cache" / "llm.sqlite").write_bytes(b"")
    return root


def test_pack_then_unpack_carries_the_portable_part_only(tmp_path: Path, efficacy: ModuleType) -> None:
    out = fake_out(tmp_path / "out")
    state = tmp_path / "state.tar.xz"
    assert efficacy.pack(out, state) == 6
    with tarfile.open(state) as tar:
        names = set(tar.getnames())
    assert "evolution/redis/appendonly.aof" not in names and "evolution/manager.lock" not in names
    assert not any(n.endswith(("-wal", "-shm")) for n in names)
    there = tmp_path / "elsewhere"
    efficacy.unpack(state, there)
    assert (there / "evolution" / "objects" / "ab" / "cdef").read_bytes() == b"seed"
    assert (there / "efficacy-scores.json").read_text() == "{}"
    with sqlite3.connect(there / "evolution" / "lineage.sqlite") as conn:
        rows = {r[0] for r in conn.execute("SELECT id FROM seeds")}
    assert len(rows) == 51 and "in-the-wal" in rows  # the copy holds what was only in the WAL
    assert not list(there.glob(".unpacking-*"))


def test_a_live_run_is_not_packed_and_a_run_is_not_unpacked_over(
    tmp_path: Path, efficacy: ModuleType
) -> None:
    out = fake_out(tmp_path / "out")
    state = tmp_path / "state.tar.xz"
    with open(out / "evolution" / "manager.lock", "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a live manager holds it all its life
        with pytest.raises(
            SystemExit, match=r"evolution is still running; stop it first: python -m population stop"
        ):
            efficacy.pack(out, state)
    assert not state.exists()
    efficacy.pack(out, state)
    with pytest.raises(SystemExit, match="already holds a run; give --state only with an empty --out"):
        efficacy.unpack(state, out)


def test_a_corrupt_state_file_is_one_line_and_leaves_nothing(tmp_path: Path, efficacy: ModuleType) -> None:
    state = tmp_path / "state.tar.xz"
    state.write_bytes(b"not a tarball")
    there = tmp_path / "there"
    with pytest.raises(SystemExit, match=r"state.tar.xz is not a readable efficacy state file .*--pack"):
        efficacy.unpack(state, there)
    assert list(there.iterdir()) == []


def test_a_measurement_goes_on_only_with_the_code_it_started_with(
    tmp_path: Path, efficacy: ModuleType
) -> None:
    first = efficacy.same_code(tmp_path)  # the start writes what it runs
    assert efficacy.same_code(tmp_path) == first
    (tmp_path / "efficacy-code.json").write_text('{"commit": "0123456789abcdef", "code": "other"}')
    with pytest.raises(
        SystemExit, match=r"started with other framework code \(commit 0123456789ab.*git worktree add"
    ):
        efficacy.same_code(tmp_path)


def test_the_control_arm_starts_with_a_copy_of_the_evolution_arms_completions(
    tmp_path: Path, efficacy: ModuleType
) -> None:
    out = fake_out(tmp_path / "out")
    cache = out / "evolution" / "cache" / "llm.sqlite"
    cache.unlink()
    with sqlite3.connect(cache) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE completions (key TEXT, text TEXT)")
        conn.execute("INSERT INTO completions VALUES ('k', 'def f(): pass')")
    run_dirs = {arm: out / arm for arm in efficacy.ARMS}
    efficacy.share_cache(run_dirs)
    copy = out / "random_search" / "cache" / "llm.sqlite"
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT text FROM completions").fetchall() == [("def f(): pass",)]
    with sqlite3.connect(copy) as conn:
        conn.execute("INSERT INTO completions VALUES ('k2', 'its own')")
    efficacy.share_cache(run_dirs)  # a started control arm keeps its own cache
    with sqlite3.connect(copy) as conn:
        assert len(conn.execute("SELECT * FROM completions").fetchall()) == 2
