"""Bad input and read-only access: a clear one-line message, never a write to the run."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from dashboard import ui
from dashboard.__main__ import main
from dashboard.errors import NotARunError
from dashboard.facts import Facts
from dashboard.pages.lineage import seed_detail
from dashboard.source import RunSource, find_runs
from lineage import AmbiguousIdError, Archive, CorruptObjectError, UnknownIdError
from lineage import queries as lq
from lineage.layout import ArchiveLock, Layout


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def test_a_missing_directory_is_refused_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(NotARunError, match="does not exist; pass an existing run directory"):
        RunSource(str(tmp_path / "nope"))


def test_a_directory_that_is_not_a_run_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotARunError, match="is not a seedpop run directory"):
        RunSource(str(tmp_path))


def test_a_run_of_a_newer_format_is_refused(tmp_path: Path, small_run) -> None:
    run = tmp_path / "newer"
    run.mkdir()
    (run / "population.json").write_text(json.dumps({"format": 2}))
    with pytest.raises(NotARunError, match=r"another seedpop version .*format 2"):
        RunSource(str(run))
    other = tmp_path / "other-archive"
    (other / "objects").mkdir(parents=True)
    (other / "objects" / "VERSION").write_text("seedpop-lineage 9\n")
    with pytest.raises(NotARunError, match="this seedpop reads 'seedpop-lineage 1'"):
        RunSource(str(other))


def test_an_index_of_another_schema_is_refused(tmp_path: Path) -> None:
    run = tmp_path / "schema"
    Archive.create(str(run), durable=False).close()
    with sqlite3.connect(run / "lineage.sqlite") as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(NotARunError, match="schema '99', this dashboard reads 1"):
        RunSource(str(run))


def test_reading_writes_nothing_and_takes_no_lock(small_run) -> None:
    run, ids = small_run
    before = _tree(run)
    src = RunSource(str(run))
    lock = ArchiveLock(Layout(str(run)), exclusive=True)  # a reindex could start: we hold no lock
    lock.release()
    facts = Facts(src)
    while facts.step():
        pass
    seed_detail(src, ids[7])
    src.cached("x", lambda c: c.execute("SELECT COUNT(*) FROM records").fetchone())
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        src.read(lambda c: c.execute("DELETE FROM seeds"))
    src.close()
    assert _tree(run) == before


def test_cached_builds_outside_the_index_lock_once_per_index_version(small_run) -> None:
    run, _ = small_run
    src = RunSource(str(run))
    builds: list[bool] = []

    def build(count: int) -> int:
        free = threading.Thread(target=lambda: builds.append(src.read(lambda c: True)))
        free.start()
        free.join(timeout=5)  # another callback's read goes through while this figure builds
        assert not free.is_alive()
        return count * 2

    def count(c: sqlite3.Connection) -> int:
        return int(c.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    first = src.cached("doubled", count, build)
    assert first == 2 * src.read(count) and first > 0
    assert src.cached("doubled", count, build) == first and builds == [True]  # the same version: no rebuild
    src.close()


def test_unknown_and_ambiguous_prefixes_are_one_line_messages(small_run) -> None:
    run, ids = small_run
    src = RunSource(str(run))
    with pytest.raises(UnknownIdError, match="no seed id starts with 'ffffffffff'"):
        src.read(lambda c: lq.resolve(c, "ffffffffff"))
    with pytest.raises(AmbiguousIdError, match="is ambiguous"):
        src.read(lambda c: lq.resolve(c, ids[0][0]))
    with pytest.raises(UnknownIdError):
        src.read(lambda c: lq.resolve(c, "xyz"))


def test_a_corrupt_object_becomes_a_message_not_a_traceback(tmp_path: Path) -> None:
    run = tmp_path / "corrupt"
    with Archive.create(str(run), durable=False) as a:
        sid = a.add("def solve(t, l, x):\n    return 1\n").seed_id
    for path in Path(run, "objects").glob("??/*"):  # every object: the edge, the source, the seed
        path.write_bytes(path.read_bytes()[:-3] + b"xyz")
    src = RunSource(str(run))
    with pytest.raises(CorruptObjectError):
        seed_detail(src, sid)
    shown = ui.guarded(ui.message)(seed_detail)(src, sid)
    assert " is corrupt (" in shown.children and "verify` to list every corrupt object" in shown.children
    assert "\n" not in shown.children
    assert "Traceback" not in shown.children


def test_an_unexpected_error_is_named_without_a_trace() -> None:
    def broken() -> None:
        raise KeyError("counters")

    shown = ui.guarded(ui.message)(broken)()
    assert shown.children.startswith("the dashboard could not read this (KeyError")


def test_the_cli_refuses_bad_input_with_one_line_and_exit_1(tmp_path: Path, capsys) -> None:
    assert main(["--run-dir", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("dashboard: run directory") and "\n" not in err
    assert main(["--run-dir", str(tmp_path)]) == 1
    assert "is not a seedpop run directory" in capsys.readouterr().err
    assert main(["--runs", str(tmp_path / "none")]) == 1
    assert "runs directory" in capsys.readouterr().err


def test_find_runs_lists_runs_and_says_why_others_are_not(tmp_path: Path, small_run) -> None:
    (tmp_path / "junk").mkdir()
    os.symlink(small_run[0], tmp_path / "good")
    found = find_runs(str(tmp_path))
    assert isinstance(found[0], RunSource) and found[0].name == "good"
    assert found[1][0] == "junk" and "not a seedpop run directory" in found[1][1]  # type: ignore[index]


def test_facts_place_each_scored_seed_in_a_grid_cell(small_run) -> None:
    run, _ = small_run
    facts = Facts(RunSource(str(run)))
    while facts.step():
        pass
    cells, evals = facts.snapshot()
    assert facts.read == facts.total == 60 and len(evals) == 60
    assert all(c.size_bin == 0 for c in cells)  # tiny programs
    assert max(fit for fit, _ in cells.values()) == max(c[0] for c in cells.values())
    assert facts.errors == []
