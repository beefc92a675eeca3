"""Pack files: objects read the same packed as loose, corruption in a pack is caught, packing is repeatable."""

from __future__ import annotations

import os

import pytest
from lineage_helpers import make_record, make_source

from lineage import Archive, CorruptObjectError, Kind, ObjectStore, pack, reindex, verify
from lineage.cli import main


def test_pack_moves_everything_and_reads_stay_the_same(fixture_archive: tuple[str, dict[str, str]]) -> None:
    run_dir, ids = fixture_archive
    objects = os.path.join(run_dir, "objects")
    early = ObjectStore(objects)  # created before the pack: must find objects after their loose files go
    with Archive.open(run_dir) as a:
        live = a.dump()
        source = a.source(ids["a"])
    before = sorted(early.ids())
    report = pack(run_dir)
    assert report.packed == len(before) and report.skipped == ()
    assert list(early.loose_ids()) == []
    assert sorted(early.ids()) == before
    assert early.get(ids["x"], Kind.SEED).body
    assert verify(run_dir).ok
    with Archive.open(run_dir) as a:
        assert a.source(ids["a"]) == source and a.dump() == live
        assert [r.aggregate for r in a.records(ids["x"])] == [0.75, 0.25]
        # writing goes on: new objects are loose, existing ones are not written again
        a.add(make_source(50), (ids["x"],), "mutate", 3)
        a.add_record(
            make_record(ids["a"], 0.5, results="1101")
        )  # already packed: ALREADY_RECORDED, nothing new
        live = a.dump()
    assert len(list(early.loose_ids())) == 3  # seed, source, edge of the new child
    assert pack(run_dir).packed == 3
    assert len(os.listdir(os.path.join(objects, "pack"))) == 4
    reindex(run_dir)
    with Archive.open(run_dir) as a:
        assert a.dump() == live
    assert pack(run_dir).pack is None  # nothing loose: no empty pack


def test_flipped_byte_in_a_pack_is_caught(fixture_archive: tuple[str, dict[str, str]]) -> None:
    run_dir, ids = fixture_archive
    report = pack(run_dir)
    assert report.pack is not None
    store = ObjectStore(os.path.join(run_dir, "objects"))
    packed = store._packed(ids["x"])
    assert packed is not None
    _, offset, length = packed
    with open(report.pack, "r+b") as fh:
        fh.seek(offset + length // 2)
        byte = fh.read(1)
        fh.seek(offset + length // 2)
        fh.write(bytes([byte[0] ^ 0x40]))
    with pytest.raises(CorruptObjectError) as err:
        ObjectStore(os.path.join(run_dir, "objects")).get(ids["x"])
    assert ids["x"] in str(err.value) and report.pack in str(err.value)
    result = verify(run_dir)
    assert not result.ok and ids["x"] in {c[0] for c in result.corrupt}


def test_corrupt_pack_index_is_named(fixture_archive: tuple[str, dict[str, str]]) -> None:
    run_dir, ids = fixture_archive
    report = pack(run_dir)
    assert report.pack is not None
    idx = report.pack[: -len(".pack")] + ".idx"
    with open(idx, "r+b") as fh:
        fh.seek(20)
        fh.write(b"\xff")
    with pytest.raises(CorruptObjectError, match="pack index"):
        ObjectStore(os.path.join(run_dir, "objects")).get(ids["x"])


def test_pack_command(
    fixture_archive: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir, _ = fixture_archive
    assert main(["--run-dir", run_dir, "pack"]) == 0
    assert "packed" in capsys.readouterr().out
    assert main(["--run-dir", run_dir, "verify"]) == 0
