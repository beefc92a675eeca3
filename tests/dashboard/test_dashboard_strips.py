"""A seed's per-task strips: every record its evidence counts, joined per split and suite version."""

from __future__ import annotations

from dashboard.strips import strips
from fitness.record import FitnessRecord, Outcome, TaskScore


def _rec(
    version: str, split: str, tasks: list[tuple[str, int, int]], outcome: Outcome = Outcome.SCORED
) -> FitnessRecord:
    scores = tuple(TaskScore(t, p, n, "" if p == n else "wrong answer") for t, p, n in tasks)
    reason = "" if outcome is Outcome.SCORED else "solve raised KeyError"
    return FitnessRecord("ab" * 32, "core", version, split, outcome, 0.0, scores, 10, 5, 1.5, reason)


def test_blocks_of_one_split_join_into_one_strip_with_the_evidence_interval() -> None:
    got = strips(
        [
            _rec("core-2/train/b0", "train", [("a", 3, 3), ("b", 1, 3), ("c", 2, 2), ("d", 0, 0)]),
            _rec("core-2/train/b1", "train", [("e", 4, 4), ("f", 4, 4), ("g", 0, 4), ("h", 4, 4)]),
            _rec("core-2/validation/validation24", "validation", [("v", 1, 1)]),
        ]
    )
    assert [(s.split, s.version, s.records) for s in got] == [
        ("train", "core-2", 2),
        ("validation", "core-2", 1),
    ]
    train = got[0]
    assert [t[0] for t in train.tasks] == list("abcdefgh") and train.passed == 5
    assert train.tokens == 30 and train.seconds == 3.0
    low, high = train.interval
    assert 0.30 < low < 0.35 and 0.84 < high < 0.87  # Wilson 95% of 5/8
    assert train.title().startswith("train on core-2: 5/8 tasks passed (0.625, 95% interval 0.31–0.86)")
    assert "2 records" in train.title()


def test_versions_never_mix_and_a_repeated_task_keeps_its_own_cell() -> None:
    got = strips(
        [
            _rec("core-1", "train", [("a", 1, 1)]),
            _rec("core-1/train12", "train", [("a", 0, 1)]),
            _rec("core-2/train/b0", "train", [("a", 1, 1)]),
        ]
    )
    assert [(s.version, [t[0] for t in s.tasks]) for s in got] == [
        ("core-1", ["a", "a (2)"]),
        ("core-2", ["a"]),
    ]


def test_a_record_that_did_not_score_is_named_in_the_title() -> None:
    (strip,) = strips([_rec("core-2/train/b0", "train", [], Outcome.CRASHED)])
    assert strip.tasks == () and strip.interval == (0.0, 1.0)
    assert strip.title().endswith("— crashed: solve raised KeyError")
    assert "no task result" in strip.title()
