"""``fitness.evaluate``: the Python API that ``python -m fitness eval`` is a layer over (real sandboxes)."""

from __future__ import annotations

from pathlib import Path

import pytest

import fitness
from fitness.cli import main
from fitness.record import FitnessRecord, Outcome
from genome.errors import SeedpopError
from seeds import origin_source


def test_evaluate_scores_a_seed_and_reports_the_sandbox() -> None:
    notes: list[str] = []
    record = fitness.evaluate(origin_source("templates"), "core", "train", tasks=2, report=notes.append)
    assert isinstance(record, FitnessRecord) and record.outcome is Outcome.SCORED
    assert len(record.tasks) == 2 and record.model == "none" and record.split == "train"
    assert [n for n in notes if n.startswith("sandbox: ")]


def test_evaluate_refuses_bad_input_and_a_model_that_cannot_start_unless_told_to_fall_back() -> None:
    with pytest.raises(SeedpopError, match="did you mean 'core'"):
        fitness.evaluate("def solve(t, l, x):\n    return ''\n", "cor")
    with pytest.raises(SeedpopError):
        fitness.evaluate("def solve(t, l, x):\n    return ''\n", tasks=1, model="/nonexistent/model.gguf")
    notes: list[str] = []
    record = fitness.evaluate(
        "def solve(t, l, x):\n    return ''\n",
        tasks=1,
        model="/nonexistent/model.gguf",
        fallback_to_none=True,
        report=notes.append,
    )
    assert record.model == "none" and notes[0].startswith("no LLM (")


def test_the_command_line_is_a_layer_over_evaluate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tmp_path / "seed.py"
    seed.write_text(origin_source("templates"), encoding="utf-8")
    assert main(["eval", str(seed), "--tasks", "1", "--model", "none", "--json"]) == 0
    printed = FitnessRecord.from_json(capsys.readouterr().out)
    assert printed.outcome is Outcome.SCORED and len(printed.tasks) == 1
    assert main(["eval", str(tmp_path / "missing.py")]) == 2
    assert "error: cannot read seed file" in capsys.readouterr().err
