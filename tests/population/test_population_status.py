"""The run snapshot: typed, versioned JSON (``status.json`` format 2), and the unversioned form still reads."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from population.progress import JobProgress
from population.status import SNAPSHOT_FORMAT, Snapshot, read_status, write_status

FIXTURE_RUN = Path(__file__).resolve().parent / "fixtures" / "run-v1"  # written by main before Snapshot


def test_a_status_file_written_before_the_typed_snapshot_reads() -> None:
    raw = json.loads((FIXTURE_RUN / "status.json").read_text(encoding="utf-8"))
    assert "format" not in raw
    snap = read_status(FIXTURE_RUN)
    assert snap is not None and snap.state == "finished" and snap.counters.evaluations == 3
    assert snap.best_evolved is not None and snap.best_evolved.id == raw["best_evolved"]["id"]
    assert snap.islands[0].max_generation == 1 and snap.llm.busy_fraction == 0.0
    assert snap.counters.best == raw["counters"]["best"]


def test_the_json_form_is_versioned_and_round_trips(tmp_path: Path) -> None:
    snap = read_status(FIXTURE_RUN)
    assert snap is not None
    write_status(tmp_path, snap)
    data = json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))
    assert data["format"] == SNAPSHOT_FORMAT == 2
    again = read_status(tmp_path)
    assert again is not None  # compared as JSON: a figure the old run did not record is NaN, and NaN != NaN
    assert json.dumps(again.to_json(), sort_keys=True) == json.dumps(snap.to_json(), sort_keys=True)
    old = json.loads((FIXTURE_RUN / "status.json").read_text(encoding="utf-8"))
    added = {
        "format",
        "champion",
        "champion_reason",
        "validation",
        "jobs",
    }  # the same keys as before, plus these
    assert set(data["llm"]) - set(old["llm"]) == {"prompt_tokens", "prompt_evaluated"}  # added, defaults 0
    assert {k: v for k, v in data["llm"].items() if k in old["llm"]} == old["llm"]
    assert {k: v for k, v in data.items() if k not in added | {"counters", "llm"}} == {
        k: v for k, v in old.items() if k not in ("counters", "llm")
    }
    assert {k: v for k, v in data["counters"].items() if k in old["counters"]} == old["counters"]
    assert data["champion"] is None and data["validation"] == {}
    assert data["jobs"] == []


def test_jobs_in_flight_round_trip_and_a_malformed_one_is_refused(tmp_path: Path) -> None:
    snap = read_status(FIXTURE_RUN)
    assert snap is not None and snap.jobs == ()  # a run before per-job progress has none
    job = JobProgress("j3", "evaluate", "ab" * 32, "train", 2, 8, 900, "w0.1", 10.0, 12.5)
    write_status(tmp_path, replace(snap, jobs=(job,)))
    again = read_status(tmp_path)
    assert again is not None and again.jobs == (job,)
    assert replace(again, counters=snap.counters) == replace(snap, jobs=(job,))  # NaN counters: see above
    data = json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="malformed"):
        Snapshot.from_json({**data, "jobs": [{"kind": "evaluate"}]})


def test_an_unknown_format_or_a_broken_file_is_refused_not_misread(tmp_path: Path) -> None:
    data = json.loads((FIXTURE_RUN / "status.json").read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="status format 99"):
        Snapshot.from_json({**data, "format": 99})
    with pytest.raises(ValueError, match="malformed"):
        Snapshot.from_json({k: v for k, v in data.items() if k != "counters"})
    (tmp_path / "status.json").write_text("{", encoding="utf-8")
    assert read_status(tmp_path) is None
