"""Archive: add statuses, queries, records, reindex agreement, bad input."""

from __future__ import annotations

import os
import sqlite3

import pytest
from lineage_helpers import make_record, make_source

from genome import SourceError, seed_id
from lineage import (
    AddStatus,
    AmbiguousIdError,
    Archive,
    ArchiveBusyError,
    IndexUnavailableError,
    NotAnArchiveError,
    Proposal,
    UnknownIdError,
    reindex,
    verify,
    wilson,
)


def test_add_new_duplicate_already_recorded(archive: Archive) -> None:
    first = archive.add(make_source(1, "hello"))
    assert first.status is AddStatus.NEW and first.seed_id == seed_id(make_source(1))
    assert archive.add(make_source(1, "hello")).status is AddStatus.ALREADY_RECORDED
    again = archive.add(make_source(1, "other comment"), operator="mutate")
    assert again.status is AddStatus.DUPLICATE and again.seed_id == first.seed_id
    tagged = archive.add(make_source(1, "other comment"), operator="mutate", proposal="job-7/0")
    assert tagged.status is AddStatus.DUPLICATE
    assert archive.counts().seeds == 1 and archive.counts().edges == 3 and archive.counts().dedup_hits == 2
    assert archive.dedup_counts() == [(first.seed_id, 2)]
    assert archive.source(first.seed_id) == make_source(1, "hello")
    assert "k = 1" in archive.canonical(first.seed_id) and "#" not in archive.canonical(first.seed_id)
    assert [e.operator for e in archive.edges(first.seed_id)] == ["origin", "mutate", "mutate"]


def test_unknown_parent_or_run_is_refused_and_nothing_recorded(archive: Archive) -> None:
    with pytest.raises(UnknownIdError, match="parent"):
        archive.add(make_source(2), parents=("ab" * 32,))
    with pytest.raises(UnknownIdError, match="run"):
        archive.add(make_source(2), run="cd" * 32)
    with pytest.raises(SourceError):
        archive.add("def broken(:\n")
    assert archive.counts().seeds == 0
    assert archive.store.leftover_temp_files() == []


def test_add_many_is_all_or_nothing_and_sees_earlier_items(archive: Archive) -> None:
    root = seed_id(make_source(0))
    results = archive.add_many([Proposal(make_source(0)), Proposal(make_source(1), (root,), "mutate", 1)])
    assert [r.status for r in results] == [AddStatus.NEW, AddStatus.NEW]
    with pytest.raises(UnknownIdError):
        archive.add_many([Proposal(make_source(5)), Proposal(make_source(6), ("ef" * 32,))])
    assert not archive.has(seed_id(make_source(5)))
    assert archive.parents(results[1].seed_id) == [root]


def test_queries_on_fixture(fixture_archive: tuple[str, dict[str, str]]) -> None:
    run_dir, ids = fixture_archive
    with Archive.open(run_dir) as a:
        assert a.has(ids["x"]) and not a.has("00" * 32) and not a.has("nothex")
        assert a.resolve(ids["x"][:10].upper()) == ids["x"]
        assert sorted(a.parents(ids["x"])) == sorted([ids["a"], ids["root2"]])
        assert sorted(a.parents(ids["a"])) == sorted([ids["root"], ids["b"]])  # re-discovery is a parent link
        assert sorted(a.children(ids["root"])) == sorted([ids["a"], ids["b"]])
        anc = {r.id: r.depth for r in a.ancestors(ids["x"])}
        assert anc == {ids["a"]: 1, ids["root2"]: 1, ids["root"]: 2, ids["b"]: 2}
        assert {r.id for r in a.ancestors(ids["x"], max_depth=1)} == {ids["a"], ids["root2"]}
        desc = {r.id: r.depth for r in a.descendants(ids["root"])}
        assert desc == {ids["a"]: 1, ids["b"]: 1, ids["x"]: 2}
        assert [r.seed.id for r in a.best(2)] == [ids["x"], ids["a"]]
        assert a.best(1)[0].seed.best == 0.75
        assert [r.seed.id for r in a.best(5, split="holdout")] == [ids["x"]]
        assert [r.seed.id for r in a.best(5, island=1)] == [ids["x"], ids["root2"]]
        assert {s.id for s in a.by_generation(1)} == {ids["a"], ids["b"]}
        summary = a.summary(ids["a"])
        assert (summary.generation, summary.operator, summary.proposals) == (1, "mutate", 2)
        ops = {o.operator: o for o in a.operator_stats()}
        assert (ops["mutate"].proposals, ops["mutate"].new, ops["mutate"].best) == (2, 2, wilson(3, 4)[0])
        assert (ops["llm_rewrite"].new, ops["llm_rewrite"].duplicates) == (0, 1)
        gens = {g.generation: g for g in a.generation_stats()}
        assert (gens[2].seeds, gens[2].proposals, gens[2].best) == (1, 2, wilson(8, 8)[0])
        assert [r.aggregate for r in a.records(ids["x"])] == [0.75, 0.25]
        assert a.recent(1)[0].id == ids["x"]
        with pytest.raises(UnknownIdError):
            a.resolve("ffffffff")


def test_ambiguous_prefix(archive: Archive) -> None:
    ids = [archive.add(make_source(i)).seed_id for i in range(40)]
    first = {}
    for sid in ids:
        first.setdefault(sid[0], []).append(sid)
    shared = next(k for k, v in first.items() if len(v) > 1)
    with pytest.raises(AmbiguousIdError, match="ambiguous"):
        archive.resolve(shared)


def test_record_of_unknown_seed_is_refused(archive: Archive) -> None:
    with pytest.raises(UnknownIdError, match="not in the archive"):
        archive.add_record(make_record("12" * 32, 0.5))
    sid = archive.add(make_source(3)).seed_id
    assert archive.add_record(make_record(sid, 0.5)).status is AddStatus.NEW
    assert archive.add_record(make_record(sid, 0.5)).status is AddStatus.ALREADY_RECORDED


def test_reindex_equals_live_index(fixture_archive: tuple[str, dict[str, str]]) -> None:
    run_dir, _ = fixture_archive
    with Archive.open(run_dir) as a:
        # add more with clock times, a parent whose time is later than its child's, and a batch
        b = a.add(make_source(10), time=500.0).seed_id
        a.add(make_source(11), (b,), "mutate", 3, 2, time=400.0)
        a.add_many(
            [Proposal(make_source(12), (b,), "mutate", 4), Proposal(make_source(10, "x"), (b,), "self")]
        )
        live = a.dump()
    report = reindex(run_dir)
    assert report.problems == ()
    with Archive.open(run_dir) as a:
        assert a.dump() == live
    assert reindex(run_dir).objects == report.objects  # idempotent


def test_foreign_and_missing_run_dirs(tmp_path: object) -> None:
    with pytest.raises(NotAnArchiveError, match="does not exist"):
        Archive.open(os.path.join(str(tmp_path), "nope"))
    with pytest.raises(NotAnArchiveError, match="not a seedpop run directory"):
        Archive.open(str(tmp_path))
    os.makedirs(os.path.join(str(tmp_path), "objects"))
    with open(os.path.join(str(tmp_path), "objects", "VERSION"), "w") as fh:
        fh.write("seedpop-lineage 99\n")
    with pytest.raises(NotAnArchiveError, match="seedpop-lineage 99"):
        Archive.open(str(tmp_path))
    with pytest.raises(NotAnArchiveError):
        Archive.create(str(tmp_path))
    assert os.listdir(os.path.join(str(tmp_path), "objects")) == ["VERSION"]


def test_missing_and_unusable_index(fixture_archive: tuple[str, dict[str, str]]) -> None:
    run_dir, ids = fixture_archive
    index = os.path.join(run_dir, "lineage.sqlite")
    os.rename(index, index + ".away")
    with pytest.raises(IndexUnavailableError, match=r"missing.*reindex"):
        Archive.open(run_dir)
    assert not os.path.exists(index)  # nothing was created behind the user's back
    with open(index, "wb") as fh:
        fh.write(b"this is not a database" * 100)
    with pytest.raises(IndexUnavailableError, match=r"unusable.*reindex"):
        Archive.open(run_dir)
    reindex(run_dir)
    with Archive.open(run_dir) as a:
        assert a.has(ids["x"])


def test_locked_index(fixture_archive: tuple[str, dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    run_dir, _ = fixture_archive
    monkeypatch.setattr("lineage.index.BUSY_TIMEOUT_S", 0.1)
    blocker = sqlite3.connect(os.path.join(run_dir, "lineage.sqlite"), isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with Archive.open(run_dir) as a, pytest.raises(IndexUnavailableError, match="locked"):
            a.add(make_source(77))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_reindex_refused_while_archive_is_open(fixture_archive: tuple[str, dict[str, str]]) -> None:
    run_dir, _ = fixture_archive
    with Archive.open(run_dir), pytest.raises(ArchiveBusyError, match="open in another process"):
        reindex(run_dir)


def test_verify_reports_index_rows_without_objects(fixture_archive: tuple[str, dict[str, str]]) -> None:
    run_dir, ids = fixture_archive
    with Archive.open(run_dir) as a:
        rid = a.add_record(make_record(ids["b"], 0.3)).record_id
        path = a.store.path(rid)
    os.unlink(path)
    report = verify(run_dir)
    assert not report.ok and report.missing == (rid,) and report.corrupt == () and report.index_checked
    assert reindex(run_dir).problems == ()
    assert verify(run_dir).ok
    os.unlink(os.path.join(run_dir, "lineage.sqlite"))
    report = verify(run_dir)
    assert report.ok and not report.index_checked


def test_create_on_an_archive_without_index_refuses(fixture_archive: tuple[str, dict[str, str]]) -> None:
    run_dir, _ = fixture_archive
    os.unlink(os.path.join(run_dir, "lineage.sqlite"))
    with pytest.raises(IndexUnavailableError, match="reindex"):
        Archive.create(run_dir)
    assert not os.path.exists(os.path.join(run_dir, "lineage.sqlite"))
