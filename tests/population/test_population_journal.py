"""The journal (:mod:`population.journal`), the run lock (:mod:`population.leftovers`), URL redaction and the
code version: pure logic and files, no Redis."""

from __future__ import annotations

from pathlib import Path

import pytest

from population.config import resolve
from population.errors import ConfigError, RunDirError
from population.journal import NAME, Journal, elapsed, finished, read
from population.leftovers import RunLock
from population.redis_server import redact
from population.version import code_version


def _write(run_dir: Path, entries: list[dict[str, object]]) -> None:
    journal = Journal(run_dir, durable=False)
    for entry in entries:
        journal.append(entry)
    journal.close()


def test_entries_read_back_in_order(tmp_path: Path) -> None:
    entries = [{"op": "origins", "seeds": [["ab", 3]]}, {"op": "ask", "cap": 2, "jobs": ["j1"], "t": 1.5}]
    _write(tmp_path, entries)
    assert read(tmp_path) == entries
    assert elapsed(entries) == 1.5 and finished(entries) is None
    assert finished([*entries, {"op": "end", "reason": "done"}]) == "done"
    assert read(tmp_path / "nowhere") == [] and elapsed([]) == 0.0


@pytest.mark.parametrize("torn", [b'{"op":"ask","ca', b'{"op":"ask","cap":2,"jobs":[]}'])
def test_a_torn_last_line_is_dropped_and_cut_off(tmp_path: Path, torn: bytes) -> None:
    _write(tmp_path, [{"op": "origins", "seeds": [["ab", 3]]}])
    whole = (tmp_path / NAME).read_bytes()
    with (tmp_path / NAME).open("ab") as f:
        f.write(torn)  # kill -9 mid-write: no newline yet
    assert read(tmp_path) == [{"op": "origins", "seeds": [["ab", 3]]}]
    assert (tmp_path / NAME).read_bytes() == whole  # appends go on after the last whole entry
    _write(tmp_path, [{"op": "end", "reason": "done"}])
    assert [e["op"] for e in read(tmp_path)] == ["origins", "end"]


def test_a_damaged_line_in_the_middle_is_an_error(tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(b'{"op":"origin"}\nnot json\n{"op":"end"}\n')
    with pytest.raises(RunDirError, match="line 2 is not an entry"):
        read(tmp_path)


def test_the_run_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    first = RunLock(tmp_path).acquire()
    assert RunLock(tmp_path).held_elsewhere()
    with pytest.raises(RunDirError, match=r"in use by a live manager \(pid 42\).*population stop"):
        RunLock(tmp_path).acquire(42)
    first.release()
    first.release()  # idempotent
    assert not RunLock(tmp_path).held_elsewhere()
    RunLock(tmp_path).acquire().release()


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("redis://:s3cret@db.example:6380/2", "redis://:***@db.example:6380/2"),
        (
            "rediss://alice:s3cret@db.example/0?ssl_ca_certs=/ca.pem",
            "rediss://alice:***@db.example/0?ssl_ca_certs=/ca.pem",
        ),
        ("redis://db.example:6379/0", "redis://db.example:6379/0"),
        ("unix:///tmp/r.sock", "unix:///tmp/r.sock"),
    ],
)
def test_urls_are_shown_without_their_password(url: str, shown: str) -> None:
    assert redact(url) == shown


def test_code_version_is_a_stable_digest() -> None:
    assert code_version() == code_version() and len(code_version()) == 16


def test_claim_idle_is_a_duration_of_a_second_or_more() -> None:
    assert resolve({"claim_idle": "90s"}).claim_idle_s == 90.0
    assert resolve({}).claim_idle_s == 60.0
    with pytest.raises(ConfigError, match="claim_idle"):
        resolve({"claim_idle": 0.5})
    with pytest.raises(ConfigError, match="not a duration"):
        resolve({"claim_idle": "soon"})
