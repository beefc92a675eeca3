"""Measured difficulty: ``bench/difficulty.py`` (resumable results file) and the histogram ``describe``
prints from it. The real-model measurement itself is a bench, not a test; here it runs with model
``none`` on two tasks through the real sandboxes."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from fitness_suite_specs import CORE1_HOLDOUT, VERSION, all_specs, build_tasks, measured_labels

from fitness.suites import load_suite
from fitness.suites.describe import bin_of, histogram, solve_rates
from llm.models import DEFAULT_MODEL

REPO = Path(__file__).resolve().parents[2]


def row(
    task: str,
    seed: str,
    sample: int,
    solved: bool,
    version: str = "core-2",
    model: str = "m",
    digest: str | None = None,
) -> str:
    data = {"suite_version": version, "model": model, "task": task, "seed": seed, "sample": sample}
    data["solved"] = solved
    if digest is not None:
        data["task_digest"] = digest
    return json.dumps(data)


def current_digests() -> dict[str, str]:
    return {t.id: t.digest for family in build_tasks(REPO / "no-measurement").values() for t in family}


def test_solve_rates_average_seeds_and_samples_and_never_mix_versions(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    lines = [
        row("a", "greedy", 0, True),
        row("a", "repair", 0, False),
        row("a", "repair", 1, True),
        row("a", "greedy", 0, True, version="core-1"),
        row("b", "greedy", 0, False),
        row("b", "greedy", 0, True, model="other"),
        '{"suite_version": "core-2", "mod',  # a torn last line: skipped
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert solve_rates(path, "core-2", "m") == {"a": 2 / 3, "b": 0.0}
    assert solve_rates(tmp_path / "missing.jsonl", "core-2", "m") == {}


def test_a_row_of_an_edited_or_removed_task_does_not_count(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    lines = [
        row("a", "greedy", 0, True, digest="new"),
        row("a", "repair", 0, True, digest="old"),  # measured before the task was edited
        row("b", "greedy", 0, True),  # no digest recorded
        row("gone", "greedy", 0, True, digest="x"),  # no longer in the suite
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert solve_rates(path, "core-2", "m", {"a": "new", "b": "b1"}) == {"a": 1.0}


def test_a_task_digest_covers_what_is_judged_and_not_its_labels() -> None:
    task = load_suite("core").tasks[0]
    assert dataclasses.replace(task, difficulty="hard", split="holdout", tags=("x",)).digest == task.digest
    assert dataclasses.replace(task, prompt=task.prompt + " ").digest != task.digest
    assert dataclasses.replace(task, hidden=task.hidden[1:]).digest != task.digest


@pytest.mark.parametrize(
    ("rate", "label"),
    [
        (0.0, "0"),
        (0.1, "(0, 0.25]"),
        (0.25, "(0, 0.25]"),
        (0.5, "(0.25, 0.5]"),
        (0.99, "(0.75, 1)"),
        (1.0, "1"),
    ],
)
def test_histogram_bins(rate: float, label: str) -> None:
    assert bin_of(rate) == label


def test_histogram_counts_per_split_and_the_discriminative_share() -> None:
    core = load_suite("core")
    train = core.train()
    rates = {
        train[0].id: 0.0,
        train[1].id: 0.5,
        train[2].id: 1.0,
        train[3].id: 0.5,
        core.holdout()[0].id: 1.0,
    }
    text = histogram(core, rates, "m")
    assert "5 of" in text
    assert "| 0 | 1 | 0 | 0 |" in text and "| 1 | 1 | 0 | 1 |" in text
    assert "| (0.25, 0.5] | 2 | 0 | 0 |" in text
    assert "| **in (0, 1)** | 50% | - | 0% |" in text


def test_plan_skips_what_is_recorded_and_labels_follow_the_rate(
    load_bench: Callable[[str], ModuleType],
) -> None:
    b = load_bench("difficulty")
    done = {("core-2", "m", "t1", "d1", "greedy", 0), ("core-2", "m", "t2", "old", "greedy", 0)}
    todo = b.plan([("t1", "d1"), ("t2", "d2")], ["greedy"], 2, "core-2", "m", done)
    assert todo == [("t1", "greedy", 1), ("t2", "greedy", 0), ("t2", "greedy", 1)]
    assert [b.label_for(r) for r in (1.0, 0.9, 0.6, 0.3, 0.0)] == [
        "trivial",
        "trivial",
        "easy",
        "medium",
        "hard",
    ]


@pytest.mark.slow  # starts the real sandboxes for 2 tasks x 2 seeds
def test_the_measurement_writes_as_it_goes_and_resumes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], load_bench: Callable[[str], ModuleType]
) -> None:
    b = load_bench("difficulty")
    out = tmp_path / "d.jsonl"
    args = ["--model", "none", "--seeds", "greedy,templates", "--samples", "1", "--out", str(out)]
    assert b.main([*args, "--tasks", "1"]) == 0
    first = out.read_text(encoding="utf-8").splitlines()
    assert len(first) == 2
    out.write_text("\n".join(first) + "\n" + '{"torn', encoding="utf-8")  # killed mid-write
    assert b.main([*args, "--tasks", "2"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[2] == '{"torn'  # ended, not merged with the next result
    rows = [json.loads(line) for line in lines if line != '{"torn']
    assert [(r["task"], r["seed"]) for r in rows][:2] == [
        (json.loads(x)["task"], json.loads(x)["seed"]) for x in first
    ]
    assert len(rows) == 4 and len({(r["task"], r["seed"]) for r in rows}) == 4
    assert all(r["suite_version"] == "core-2" and r["total"] >= 8 for r in rows)
    digests = {t.id: t.digest for t in load_suite("core").tasks}
    assert all(r["task_digest"] == digests[r["task"]] for r in rows)
    assert "2 to do" in capsys.readouterr().out


def test_labels_follow_the_measurement_only_once_every_task_is_measured(tmp_path: Path) -> None:
    digests = current_digests()
    ids = list(digests)
    path = tmp_path / "d.jsonl"
    # Every task solved by one of two seeds (rate 0.5 → medium), except the first: never solved (hard).
    lines = [row(i, "greedy", 0, i != ids[0], VERSION, DEFAULT_MODEL, digests[i]) for i in ids]
    lines += [row(i, "templates", 0, False, VERSION, DEFAULT_MODEL, digests[i]) for i in ids]
    partial = tmp_path / "partial.jsonl"
    partial.write_text("\n".join(r for r in lines if json.loads(r)["task"] != ids[-1]), encoding="utf-8")
    assert measured_labels(digests, partial) == {}
    stale = tmp_path / "stale.jsonl"  # every task measured, but the last one since edited
    stale.write_text("\n".join(lines).replace(digests[ids[-1]], "0" * 16), encoding="utf-8")
    assert measured_labels(digests, stale) == {}
    authored = {t.id: t.difficulty for family in build_tasks(partial).values() for t in family}
    assert authored == {s["id"]: s["difficulty"] for items in all_specs().values() for s in items}

    path.write_text("\n".join(lines), encoding="utf-8")
    labels = measured_labels(digests, path)
    assert labels == {i: ("hard" if i == ids[0] else "medium") for i in ids}
    built = {t.id: t for family in build_tasks(path).values() for t in family}
    assert {i: t.difficulty for i, t in built.items()} == labels
    # the core-1 holdout tasks stay in holdout whatever the labels say
    assert all(built[i].split == "holdout" for i in CORE1_HOLDOUT)


def test_a_run_that_ran_out_of_time_is_deferred_not_recorded_as_unsolved(
    load_bench: Callable[[str], ModuleType],
) -> None:
    b = load_bench("difficulty")
    assert b.clock_bound("solve raised DeadlineExceeded: LLM deadline of 120 s for 'x' has passed")
    assert b.clock_bound("solve timed out (whole process tree killed)")
    assert not b.clock_bound("test 0: wrong answer")
    assert not b.clock_bound("test 0: timed out (whole process tree killed)")  # the answer loops: its failure
    assert not b.clock_bound("")


def test_partial_spread_says_which_tasks_tell_seeds_apart_by_tests_passed(tmp_path: Path) -> None:
    from fitness.suites.describe import partial_spread

    def with_tests(task: str, seed: str, passed: int, total: int) -> str:
        data = json.loads(row(task, seed, 0, passed == total))
        return json.dumps({**data, "passed": passed, "total": total})

    path = tmp_path / "d.jsonl"
    lines = [
        with_tests("none_solve", "greedy", 2, 8),  # nobody solves it, but one seed gets further
        with_tests("none_solve", "repair", 5, 8),
        with_tests("flat", "greedy", 0, 8),  # nobody gets anywhere: no signal at all
        with_tests("flat", "repair", 0, 8),
        with_tests("no_tests", "greedy", 0, 0),
    ]
    path.write_text("\n".join(lines) + "\n")
    assert partial_spread(path, "core-2", "m") == {"none_solve": True, "flat": False, "no_tests": False}
    core = load_suite("core")
    a, b = core.train()[0].id, core.train()[1].id
    text = histogram(core, {a: 0.0, b: 0.0}, "m", {a: True, b: False})
    assert "| **in (0, 1)** | 0% | - | - |" in text and "| **tests passed differ** | 50% | - | - |" in text


def test_candidates_are_measured_as_their_own_suite_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, load_bench: Callable[[str], ModuleType]
) -> None:
    import fitness_suite_specs

    b = load_bench("difficulty")
    args = b.argparse.Namespace(suite="core", candidates=True)
    monkeypatch.setattr(fitness_suite_specs, "CANDIDATES_DIR", tmp_path)
    with pytest.raises(SystemExit, match="no candidate tasks"):
        b.chosen_suite(args)
    spec = dict(all_specs()["numbers"][0], id="triple_it", sig="def triple_it(x: int) -> int:")
    spec["doc"], spec["ref"] = "Return three times x.", "def triple_it(x):\n    return 3 * x\n"
    spec["visible"], spec["hidden"] = [(1,), (2,)], [(n,) for n in range(3, 11)]
    (tmp_path / "numbers.py").write_text(
        f"TASKS = [{spec!r}]\nREFERENCE = {{'triple_it': TASKS[0]['ref']}}\nWRONG = {{'triple_it': []}}\n",
        encoding="utf-8",
    )
    suite = b.chosen_suite(args)
    assert (suite.version, [t.id for t in suite.tasks]) == (b.CANDIDATES_VERSION, ["triple_it"])
    assert suite.tasks[0].hidden[0].expected == 9
    assert b.chosen_suite(b.argparse.Namespace(suite="core", candidates=False)).version == VERSION
