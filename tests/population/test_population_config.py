"""Run config: every key checked, unknown keys refused with a hint, durations, TOML in and out."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from population.__main__ import build_parser
from population.config import (
    KEYS,
    REMOVED,
    RunConfig,
    from_json,
    load_file,
    load_run_config,
    markdown_table,
    parse_duration,
    removed_notes,
    resolve,
)
from population.errors import ConfigError

FIXTURE_RUN = (
    Path(__file__).resolve().parent / "fixtures" / "run-v1"
)  # made by main before RunConfig was typed


def test_defaults_resolve_and_round_trip_through_toml() -> None:
    cfg = resolve()
    assert list(cfg.as_dict()) == list(KEYS)
    again = resolve(tomllib.loads(cfg.to_toml()))
    assert again == cfg
    assert from_json(cfg.to_json()) == cfg


def test_fields_are_typed_values_not_a_dict() -> None:
    cfg = resolve({"origin": ["templates"], "islands": 3, "novelty_weight": 1})
    assert isinstance(cfg, RunConfig) and not hasattr(cfg, "values")
    assert cfg.origin == ("templates",) and cfg.islands == 3
    assert "novelty_weight = 1\n" in cfg.to_toml()  # a whole number stays as written
    with pytest.raises(AttributeError):
        cfg.islands = 4  # type: ignore[misc]  # frozen


def test_a_config_written_by_an_older_version_loads_with_a_note_per_removed_key() -> None:
    old = load_file(FIXTURE_RUN / "config.toml")
    cfg = resolve(old)
    kept = {k: v for k, v in old.items() if k not in REMOVED}
    assert {k: v for k, v in cfg.as_dict().items() if k in kept} == kept  # every kept key as written
    notes = removed_notes(old)
    assert [n.split("'")[1] for n in notes] == [k for k in old if k in REMOVED] and notes
    assert all("no longer used" in n and "racing" in n for n in notes)
    assert resolve(tomllib.loads(cfg.to_toml())) == cfg


@pytest.mark.parametrize(
    ("values", "match"),
    [
        ({"block_size": 0}, "block_size = 0 must be at least 1"),
        ({"race_alpha": 1.0}, "race_alpha = 1.0 must be between 0 and 1"),
        ({"race_alpha": 0}, "race_alpha = 0 must be between 0 and 1"),
        ({"finalists": 0}, "finalists = 0 must be at least 1"),
        ({"validation_tasks": -1}, "validation_tasks = -1 must be 0 or more"),
        ({"race_blcks": 2}, "did you mean 'race_blocks'"),
    ],
)
def test_racing_keys_are_checked(values: dict[str, object], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        resolve(values)


def test_unknown_key_names_the_closest_key() -> None:
    with pytest.raises(ConfigError, match=r"unknown config key 'selecter' \(did you mean 'selector'\?\)"):
        resolve({"selecter": "tournament"})


@pytest.mark.parametrize(
    ("values", "match"),
    [
        ({"islands": 0}, "islands = 0 must be at least 1"),
        ({"islands": "2"}, "wrong type; expected int"),
        ({"display": 1}, "wrong type; expected bool"),
        ({"seed": True}, "wrong type"),
        ({"crossover_rate": 1.5}, "between 0 and 1"),
        ({"novelty": "maybe"}, "novelty = 'maybe' is not allowed"),
        ({"time_budget": "soon"}, "not a duration"),
        ({"end_grace": "soon"}, "end_grace 'soon' is not a duration"),
        ({"end_grace": -1}, "end_grace -1 is negative"),
        ({"origin": []}, "names no seed"),
        ({"origin": ["greedy", 3]}, "list of strings"),
    ],
)
def test_bad_values_are_one_line_errors(values: dict[str, object], match: str) -> None:
    with pytest.raises(ConfigError, match=match) as info:
        resolve(values)
    assert "\n" not in str(info.value)


def test_overrides_win_and_none_is_skipped() -> None:
    cfg = resolve({"islands": 3, "seed": 5}, {"islands": 4, "seed": None})
    assert cfg.islands == 4 and cfg.seed == 5


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90.0), ("15m", 900.0), ("2h", 7200.0), ("1h30m", 5400.0), (0, 0.0), (12.5, 12.5)],
)
def test_durations(text: object, seconds: float) -> None:
    assert parse_duration(text) == seconds


def test_config_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("islands = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_file(bad)
    table = tmp_path / "table.toml"
    table.write_text("[run]\nislands = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="has a table"):
        load_file(table)
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_file(tmp_path / "missing.toml")


def test_the_readme_table_is_the_key_table() -> None:
    readme = (Path(__file__).resolve().parents[2] / "population" / "README.md").read_text(encoding="utf-8")
    fix = "regenerate it: python -c 'import population.config as c; print(c.markdown_table())'"
    assert markdown_table() in readme, fix


def test_command_line_options_come_from_the_key_table() -> None:
    run = build_parser().parse_args(["run", "--max-evals", "3", "--origin", "a", "b", "--islands", "4"])
    options = {name for name, key in KEYS.items() if key.option}
    assert options <= set(vars(run)) and {"max_evals", "origin", "islands"} <= options
    assert (run.max_evals, run.origin, run.islands) == (3, ["a", "b"], 4)
    with pytest.raises(SystemExit):  # one way to say when a run stops
        build_parser().parse_args(["run", "--max-evals", "3", "--time-budget", "1m"])


def test_a_stored_config_without_a_key_added_since_keeps_what_its_run_did(tmp_path: Path) -> None:
    """A run stored before ``block_order`` existed cut its blocks from one shuffle: resuming or replaying it
    must keep those blocks, while a new run gets today's default and stores it."""
    old = tmp_path / "old.toml"
    old.write_text('name = "before"\nseed = 3\n', encoding="utf-8")
    assert load_run_config(old).block_order == "shuffled"
    assert resolve(load_file(old)).block_order == "informative"
    new = tmp_path / "new.toml"
    new.write_text(resolve({"seed": 3}).to_toml(), encoding="utf-8")
    assert 'block_order = "informative"' in new.read_text(encoding="utf-8")
    assert load_run_config(new).block_order == "informative"
    assert load_run_config(new, {"display": False}).display is False
    assert load_run_config(FIXTURE_RUN / "config.toml").block_order == "shuffled"
