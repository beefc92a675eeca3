"""``population.rederive`` pieces that need no run: the completion caches are copied consistently (a row still
in the write-ahead log included), and the report says what differs."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from population.rederive import ReplayReport, copy_caches


def test_caches_are_copied_with_what_is_still_in_the_write_ahead_log(tmp_path: Path) -> None:
    (tmp_path / "run").mkdir()
    with contextlib.closing(sqlite3.connect(tmp_path / "run" / "llm.sqlite")) as live:
        live.execute("pragma journal_mode=wal")
        live.execute("create table t(x)")
        live.execute("insert into t values (42)")
        live.commit()  # in the WAL, not yet in the main file: the run is still open
        assert copy_caches(tmp_path / "run", tmp_path / "copy") == ["llm.sqlite"]
    with contextlib.closing(sqlite3.connect(tmp_path / "copy" / "llm.sqlite")) as copied:
        assert copied.execute("select x from t").fetchall() == [(42,)]
    assert copy_caches(tmp_path / "nothing-here", tmp_path / "copy2") == []


def test_the_report_lists_what_differs_and_says_same_otherwise(tmp_path: Path) -> None:
    same = ReplayReport(frozenset({"a" * 64}), frozenset({"a" * 64}), (), 3, tmp_path)
    assert same.same and same.lines() == [
        "same: 1 seed ids and their records, re-derived from the config and cache (3 asks)"
    ]
    differ = ReplayReport(
        frozenset({"a" * 64, "b" * 64}), frozenset({"a" * 64, "c" * 64}), ("a" * 64,), 3, tmp_path
    )
    assert not differ.same
    lines = differ.lines()
    assert lines[:3] == [
        "missing from the replay: 1: " + "b" * 12,
        "only in the replay: 1: " + "c" * 12,
        "records differ: 1: " + "a" * 12,
    ]
