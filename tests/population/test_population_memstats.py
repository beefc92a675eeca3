"""The manager's memory breakdown for soaks (``population/memstats.py``): off by default, and each field moves
with the allocator it names."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from population import memstats
from population.memstats import MemStats


@pytest.mark.parametrize(
    ("raw", "expected"), [("", None), ("0", None), ("-5", None), ("ten", None), ("10", 10.0)]
)
def test_the_interval_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: float | None
) -> None:
    monkeypatch.setenv(memstats.ENV, raw)
    assert memstats.interval() == expected


def test_off_by_default_it_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(memstats.ENV, raising=False)
    stats = MemStats(tmp_path)
    stats.tick(children=1)
    assert not (tmp_path / memstats.FILE).exists()


def test_a_tick_appends_at_most_one_line_per_interval(tmp_path: Path) -> None:
    stats = MemStats(tmp_path, every_s=3600)
    stats.tick(children=3)
    stats.tick(children=4)
    lines = (tmp_path / memstats.FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    row = json.loads(lines[0])
    assert row["children"] == 3
    assert {"rss", "rss_anon", "py_blocks", "py_arenas", "malloc_used", "malloc_free", "sqlite_used"} <= set(
        row
    )


def test_each_field_follows_its_allocator(tmp_path: Path) -> None:
    stats = MemStats(tmp_path, every_s=1)
    before = stats.sample()
    small: list[Any] = [object() for _ in range(50_000)]  # pymalloc blocks
    large = [bytearray(1 << 20) for _ in range(16)]  # 16 MiB through malloc (over pymalloc's 512 bytes)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (x TEXT)")
    db.executemany("INSERT INTO t VALUES (?)", [("x" * 100,) for _ in range(20_000)])
    after = stats.sample()
    assert after["py_blocks"] - before["py_blocks"] >= 50_000
    assert after["malloc_used"] - before["malloc_used"] >= 16 << 20
    assert after["sqlite_used"] - before["sqlite_used"] >= 1 << 20
    assert after["rss_anon"] > before["rss_anon"]
    db.close()
    del small, large


def test_the_soak_reads_the_last_line_as_manager_series(load_bench: Any, tmp_path: Path) -> None:
    soak = load_bench("soak")
    assert soak.sample_memstats(tmp_path) == {}
    rows = [
        {"rss": 2**20, "py_blocks": 1000, "py_arenas": 3},
        {"rss": 2**21, "sqlite_used": 2**20, "py_arenas": 4},
    ]
    (tmp_path / memstats.FILE).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert soak.sample_memstats(tmp_path) == {
        "mgr_rss_mib": 2.0,
        "mgr_sqlite_used_mib": 1.0,
        "mgr_py_arenas": 4.0,
    }


def test_tracing_adds_the_traced_total_and_the_lines_that_grew(tmp_path: Path, load_bench: Any) -> None:
    import tracemalloc

    was_tracing = tracemalloc.is_tracing()
    stats = MemStats(tmp_path, every_s=1e-9, trace=True)
    try:
        stats.tick()
        held = [bytes(4096) for _ in range(2000)]  # 8 MB from one line of this file
        stats.tick()
    finally:
        if not was_tracing:
            tracemalloc.stop()
    rows = [json.loads(line) for line in (tmp_path / memstats.FILE).read_text(encoding="utf-8").splitlines()]
    assert rows[0]["top"] == [] and rows[1]["py_traced"] - rows[0]["py_traced"] >= 2000 * 4096
    where, size, count = rows[1]["top"][0]
    assert where.startswith(__file__) and size >= 2000 * 4096 and count >= 2000
    report = load_bench("soak").traced_growth(tmp_path)
    assert any(__file__ in line and "MiB" in line for line in report)
    del held
