"""A seed's evidence: per-block records added up per (suite, base version, split), ranked by the Wilson lower
bound, through the real archive and the real command line."""

from __future__ import annotations

import json
import os
import random
import sqlite3

import pytest
from lineage_helpers import make_record, make_source

from fitness.record import Outcome
from lineage import Archive, IndexUnavailableError, base_version, reindex, wilson
from lineage.cli import main
from population.racing import wilson as racing_wilson


def _blocks(a: Archive, sid: str, results: str, *, version: str = "core-2", split: str = "train") -> None:
    """One record per block of 4 tasks (``core-2/train/b0`` …), as a racing run archives them."""
    for k in range(0, len(results), 4):
        a.add_record(
            make_record(
                sid,
                0.0,
                split,
                results=results[k : k + 4],
                version=f"{version}/{split}/b{k // 4}",
                first=k + 1,
            )
        )


def _cli(capsys: pytest.CaptureFixture[str], run_dir: str, *args: str) -> str:
    code = main(["--run-dir", run_dir, *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_wilson_agrees_with_the_scheduler() -> None:
    rng = random.Random(7)
    for _ in range(300):
        tasks = rng.randint(1, 60)
        passed = rng.randint(0, tasks)
        vector = {f"t{i}": i < passed for i in range(tasks)}
        assert wilson(passed, tasks) == pytest.approx(racing_wilson(vector), abs=1e-12)
    assert wilson(0, 0) == (0.0, 1.0)
    assert round(wilson(4, 4)[0], 2) == 0.51 and round(wilson(13, 16)[0], 2) == 0.57  # population/README


def test_base_version() -> None:
    assert [
        base_version(v) for v in ("core-2/train/b3", "core-2/validation/validation24", "core-1/train12")
    ] == [
        "core-2",
        "core-2",
        "core-1",
    ]
    assert base_version("core-1") == "core-1"


def test_blocks_add_up_and_rank_by_lower_bound(archive: Archive) -> None:
    lucky = archive.add(make_source(1), time=1.0).seed_id
    steady = archive.add(make_source(2), time=2.0).seed_id
    _blocks(archive, lucky, "1111")  # one lucky block: 4/4, lower bound 0.51
    _blocks(archive, steady, "11111101111111110111111111111111")  # 30/32 over 8 blocks
    ev = archive.evidence(steady)
    assert len(ev) == 1
    e = ev[0]
    assert (e.suite, e.version, e.split, e.records, e.tasks, e.passed) == (
        "core",
        "core-2",
        "train",
        8,
        32,
        30,
    )
    assert e.rate == 30 / 32 and (e.low, e.high) == wilson(30, 32)
    ranked = archive.best(5)
    assert [r.seed.id for r in ranked] == [steady, lucky]  # the single 4/4 block ranks below 30/32
    assert ranked[1].evidence.low == pytest.approx(0.51, abs=0.005)
    assert archive.summary(steady).train == e
    assert (
        archive.summary(lucky).best == archive.summary(steady).best
    )  # the per-record max cannot tell them apart


def test_splits_and_base_versions_are_never_added_together(archive: Archive) -> None:
    sid = archive.add(make_source(3)).seed_id
    other = archive.add(make_source(4)).seed_id
    _blocks(archive, sid, "11110000")  # core-2 train 4/8
    _blocks(archive, sid, "1111", version="core-1")  # core-1 train 4/4
    archive.add_record(
        make_record(sid, 0.0, "validation", results="101", version="core-2/validation/validation3")
    )
    archive.add_record(make_record(sid, 0.0, "holdout", results="0", version="core-2/holdout/holdout1"))
    archive.add_record(make_record(sid, 0.0, "train", results="11", version="core-2", suite="other"))
    _blocks(archive, other, "1110")
    got = {(e.suite, e.version, e.split): (e.records, e.tasks, e.passed) for e in archive.evidence(sid)}
    assert got == {
        ("core", "core-2", "train"): (2, 8, 4),
        ("core", "core-1", "train"): (1, 4, 4),
        ("other", "core-2", "train"): (1, 2, 2),
        ("core", "core-2", "validation"): (1, 3, 2),
        ("core", "core-2", "holdout"): (1, 1, 0),
    }
    assert [e.split for e in archive.evidence(sid)] == ["train", "train", "train", "validation", "holdout"]
    rows = [(r.seed.id, r.evidence.suite, r.evidence.version) for r in archive.best(10)]
    assert sorted(rows) == sorted(
        [
            (sid, "core", "core-2"),
            (sid, "core", "core-1"),
            (sid, "other", "core-2"),
            (other, "core", "core-2"),
        ]
    )
    only = archive.best(10, suite="core", version="core-2/train/b0")
    assert [(r.seed.id, r.evidence.passed, r.evidence.tasks) for r in only] == [(other, 3, 4), (sid, 4, 8)]
    val = archive.best(10, split="validation")
    assert [(r.seed.id, r.evidence.tasks) for r in val] == [(sid, 3)]
    (core1,) = [e for e in archive.evidence(sid) if e.version == "core-1"]
    assert archive.summary(sid).train == core1  # 4/4 on core-1: its highest lower bound


def test_a_retried_block_counts_once_and_a_crash_counts_what_it_ran(archive: Archive) -> None:
    sid = archive.add(make_source(5)).seed_id
    archive.add_record(make_record(sid, 0.0, results="1111", version="core-2/train/b0"))
    archive.add_record(make_record(sid, 0.5, results="11", version="core-2/train/b0"))  # a retry that stopped
    archive.add_record(make_record(sid, 0.0, results="0", version="core-2/train/b1", outcome=Outcome.CRASHED))
    (e,) = archive.evidence(sid)
    assert (e.records, e.tasks, e.passed) == (2, 5, 4)
    bare = archive.add(make_source(6)).seed_id
    archive.add_record(make_record(bare, 0.0, results="", version="core-2", outcome=Outcome.INVALID))
    (b,) = archive.evidence(bare)
    assert (b.tasks, b.passed, b.rate, b.low, b.high) == (0, 0, None, 0.0, 1.0)


def test_reindex_rebuilds_the_same_evidence(tmp_path: object) -> None:
    run_dir = str(tmp_path)
    with Archive.create(run_dir, durable=False) as a:
        ids = [a.add(make_source(i), time=float(i)).seed_id for i in range(6)]
        rng = random.Random(3)
        for sid in ids:
            _blocks(a, sid, "".join(rng.choice("01") for _ in range(4 * rng.randint(1, 5))))
            a.add_record(
                make_record(sid, 0.3, results="1101", version="core-1/train12", outcome=Outcome.SCORED)
            )
        before = a.dump()
        ranked = [(r.seed.id, r.evidence) for r in a.best(20)]
    reindex(run_dir)
    with Archive.open(run_dir) as a:
        assert a.dump() == before and len(before["evidence"]) == 12
        assert [(r.seed.id, r.evidence) for r in a.best(20)] == ranked


def test_old_format_archive_reads_and_prints(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """A run from before racing: one whole-split record per evaluation (``core-1``, ``core-1/train12``)."""
    run_dir = str(tmp_path)
    with Archive.create(run_dir, durable=False) as a:
        root = a.add(make_source(0), time=1.0).seed_id
        child = a.add(make_source(1), (root,), "mutate", 1, time=2.0).seed_id
        a.add_record(make_record(root, 0.5, results="110011001100", version="core-1/train12"))
        a.add_record(make_record(child, 0.9, results="1111", version="core-1/train12"))  # cascade stage only
        a.add_record(make_record(child, 0.4, "holdout", results="10", version="core-1/holdout8"))
    best = json.loads(_cli(capsys, run_dir, "best", "--json"))
    assert [
        (b["id"], b["evidence"]["version"], b["evidence"]["passed"], b["evidence"]["tasks"]) for b in best
    ] == [
        (child, "core-1", 4, 4),
        (root, "core-1", 6, 12),
    ]
    out = _cli(capsys, run_dir, "show", child[:10])
    assert "train core core-1: 4/4 tasks passed (1.000)" in out and "holdout core core-1: 1/2" in out
    assert "record core core-1/train12 (train): scored, 4/4 tasks passed" in out
    assert f"train 4/4, fitness {wilson(4, 4)[0]:.3f}" in _cli(capsys, run_dir, "tree", child[:10])
    assert "6/12" in _cli(capsys, run_dir, "log")
    assert f"{wilson(4, 4)[0]:.3f}" in _cli(capsys, run_dir, "stats")


def test_cli_best_show_and_champion(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    run_dir = str(tmp_path)
    with Archive.create(run_dir, durable=False) as a:
        lucky = a.add(make_source(1), time=1.0).seed_id
        steady = a.add(make_source(2), time=2.0).seed_id
        _blocks(a, lucky, "1111")
        _blocks(a, steady, "1111" * 5 + "1011" + "1111" * 4 + "1110")  # 11 blocks: 42/44
        a.add_record(
            make_record(lucky, 0.0, "validation", results="11", version="core-2/validation/validation2")
        )
    out = _cli(capsys, run_dir, "best")
    assert "lower bound of the Wilson 95% interval" in out and "train" in out
    assert out.index(steady[:12]) < out.index(lucky[:12])
    assert "42/44" in out and "4/4" in out and f"{wilson(42, 44)[0]:.3f}–{wilson(42, 44)[1]:.3f}" in out
    assert "★" not in out
    with open(os.path.join(run_dir, "status.json"), "w", encoding="utf-8") as fh:
        json.dump({"champion": lucky, "champion_reason": "best validation pass rate"}, fh)
    out = _cli(capsys, run_dir, "best")
    (marked,) = [line for line in out.splitlines() if line.startswith("│ ★")]
    assert lucky[:12] in marked
    data = json.loads(_cli(capsys, run_dir, "best", "--json"))
    assert [(d["id"], d["champion"]) for d in data] == [(steady, False), (lucky, True)]
    assert data[0]["evidence"]["records"] == 11 and data[0]["train"]["passed"] == 42
    out = _cli(capsys, run_dir, "best", "-n", "1")
    assert "run champion" in out and lucky[:12] in out  # the champion is named even when not listed
    out = _cli(capsys, run_dir, "best", "--split", "validation")
    assert lucky[:12] in out and steady[:12] not in out
    out = _cli(capsys, run_dir, "show", steady[:10])
    assert "train core core-2: 42/44 tasks passed (0.955)" in out and "over 11 records" in out
    blocks = [line for line in out.splitlines() if "record core core-2/train/b" in line]
    assert [line.split("core-2/train/")[1].split(" ")[0] for line in blocks] == [f"b{k}" for k in range(11)]
    show = json.loads(_cli(capsys, run_dir, "show", lucky[:10], "--json"))
    assert [(e["split"], e["passed"], e["tasks"]) for e in show["evidence"]] == [
        ("train", 4, 4),
        ("validation", 2, 2),
    ]


def _remove_evidence(run_dir: str) -> None:
    """Make the index what a seedpop before evidence wrote: no evidence table, no record counts."""
    conn = sqlite3.connect(os.path.join(run_dir, "lineage.sqlite"))
    with conn:
        conn.execute("DROP TABLE evidence")
        for column in ("base", "tasks", "passed"):
            conn.execute(f"ALTER TABLE records DROP COLUMN {column}")
        conn.execute("DELETE FROM meta WHERE key = 'evidence'")
    conn.close()


def test_an_index_without_evidence_is_upgraded_in_place(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir = str(tmp_path)
    with Archive.create(run_dir, durable=False) as a:
        root = a.add(make_source(0), time=1.0).seed_id
        child = a.add(make_source(1), (root,), "mutate", 1, time=2.0).seed_id
        a.add_record(make_record(root, 0.5, results="110011001100", version="core-1/train12"))
        _blocks(a, child, "11110111", version="core-1")
        a.add_record(make_record(child, 0.4, "holdout", results="10", version="core-1/holdout8"))
        before = a.dump()
    _remove_evidence(run_dir)
    best = json.loads(_cli(capsys, run_dir, "best", "--json"))
    assert [(b["id"], b["evidence"]["passed"], b["evidence"]["tasks"]) for b in best] == [
        (child, 7, 8),
        (root, 6, 12),
    ]
    with Archive.open(run_dir) as a:
        assert a.dump() == before


def test_an_upgrade_that_meets_a_corrupt_record_says_reindex(tmp_path: object) -> None:
    run_dir = str(tmp_path)
    with Archive.create(run_dir, durable=False) as a:
        sid = a.add(make_source(0)).seed_id
        rid = a.add_record(make_record(sid, 0.5, results="11")).record_id
        path = a.store.path(rid)
    _remove_evidence(run_dir)
    os.chmod(path, 0o644)
    with open(path, "wb") as fh:
        fh.write(b"not an object")
    with pytest.raises(IndexUnavailableError, match=r"could not be upgraded.*reindex"):
        Archive.open(run_dir)
    conn = sqlite3.connect(os.path.join(run_dir, "lineage.sqlite"))
    assert conn.execute("SELECT value FROM meta WHERE key = 'evidence'").fetchone() is None  # rolled back
    assert "evidence" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    report = reindex(run_dir)
    assert report.records == 0 and len(report.problems) == 1
    with Archive.open(run_dir) as a:
        assert a.evidence(sid) == []


def test_a_reader_that_may_not_upgrade_still_reads_an_index_without_evidence(tmp_path: object) -> None:
    """The dashboard opens a run read-only and never upgrades it: a run written before the evidence table
    still gives summaries (with no train evidence) and an empty evidence list, not an SQL error."""
    from lineage import queries

    run_dir = str(tmp_path)
    with Archive.create(run_dir, durable=False) as a:
        root = a.add(make_source(0), time=1.0).seed_id
        a.add_record(make_record(root, 0.5, results="1100", version="core-1/train12"))
    _remove_evidence(run_dir)
    conn = sqlite3.connect(f"file:{os.path.join(run_dir, 'lineage.sqlite')}?mode=ro", uri=True)
    try:
        assert not queries.has_evidence(conn)
        summary = queries.summary(conn, root)
        assert summary.id == root and summary.best == 0.5 and summary.train is None
        assert [s.id for s in queries.recent(conn, 5)] == [root]
        assert queries.evidence(conn, root) == []
    finally:
        conn.close()
