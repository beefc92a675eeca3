"""Intake on a real archive: re-discoveries are edges (never evaluations), invalid children are recorded with
their reason, unparseable ones are logged only."""

from __future__ import annotations

import io
import json
from pathlib import Path

from lineage import Archive
from population.intake import Fate, Proposed, admit, check_child
from seeds import origin_source

SUITE = ("core", "core-1/train4", "train")


def _child(source: str, k: int, parent: str) -> Proposed:
    return Proposed(source, (parent,), "reproduce", 1, 0, f"j1/{k}")


def test_check_child_canonicalizes_and_names_the_problem() -> None:
    good = check_child(origin_source("templates"))
    assert good.canonical and good.problem == ""
    assert "solve" in check_child("def reproduce(source, n, rng_seed, genome, llm):\n    return []\n").problem
    broken = check_child("def solve(:\n")
    assert broken.canonical == "" and "not valid Python" in broken.problem


def test_admit_on_a_real_archive(tmp_path: Path) -> None:
    log = io.StringIO()
    parent_src = origin_source("templates")
    with Archive.create(str(tmp_path)) as archive:
        run = archive.add_run("test")
        parent = archive.add(parent_src, run=run).seed_id
        child_src = parent_src + "\nEXTRA = 1\n"
        first = admit(archive, _child(child_src, 0, parent), run, SUITE, None, log)
        assert first.fate is Fate.NEW
        again = admit(archive, _child("# reformatted\n" + child_src, 1, parent), run, SUITE, None, log)
        assert again.fate is Fate.REDISCOVERY and again.seed_id == first.seed_id
        self_copy = admit(archive, _child(parent_src, 2, parent), run, SUITE, None, log)
        assert self_copy.fate is Fate.REDISCOVERY
        pre = check_child(child_src)
        retried = admit(archive, _child(child_src, 0, parent), run, SUITE, None, log, pre)
        # The proposal that first archived the child, admitted again (a result handled twice across a
        # crash): recorded once, and the same fate as the first time, not a re-discovery.
        assert retried.fate is Fate.NEW and retried.seed_id == first.seed_id
        nosolve = "def reproduce(source, n, rng_seed, genome, llm):\n    return []\n"
        invalid = admit(archive, _child(nosolve, 3, parent), run, SUITE, None, log)
        assert invalid.fate is Fate.INVALID and "solve" in invalid.reason
        [record] = archive.records(invalid.seed_id)
        assert record.outcome.value == "invalid" and "solve" in record.reason
        garbage = admit(archive, _child("def solve(:\n", 4, parent), run, SUITE, None, log)
        assert garbage.fate is Fate.INVALID and garbage.seed_id == ""
        counts = archive.counts()
        assert counts.seeds == 3 and counts.dedup_hits == 2
        assert archive.records(first.seed_id) == []  # admitted, not evaluated here
    logged = [json.loads(line) for line in log.getvalue().splitlines()]
    assert [entry["kind"] for entry in logged] == ["unparseable"]


def test_reproduce_problems_are_logged_and_counted(tmp_path: Path) -> None:
    import redis

    from population.config import resolve
    from population.manager import Manager
    from population.messages import ReproduceDone
    from population.scheduler import Reproduce

    with Archive.create(str(tmp_path / "run")) as archive, (tmp_path / "rejects.jsonl").open("w") as log:
        run = archive.add_run("test")
        manager = Manager(resolve({"model": "none"}), archive, redis.Redis(), "t", run, None, log, 1)
        job = Reproduce("j1", "p" * 64, 2, 1, "", (), 0, 1)
        manager.pending[job.job_id] = job
        problems = ("child 1 is a int, not a str or {'source', 'operator'}: dropped", "returned 5 children")
        manager.handle(ReproduceDone("j1", (), problems=problems))
    lines = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert [(e["kind"], e["seed_id"], e["proposal"], e["reason"]) for e in lines] == [
        ("reproduce", "p" * 64, "j1", problems[0]),
        ("reproduce", "p" * 64, "j1", problems[1]),
    ]
    assert manager.counters.reproduce_problems == 1
