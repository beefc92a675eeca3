"""The run config: every key, its type, default and check; TOML in, resolved TOML out.

A config file is flat TOML (``key = value``); unknown keys are refused with a did-you-mean hint. Command-line
options override file values. ``population/README.md`` documents every key; :data:`KEYS` is the source.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fitness.llm.models import DEFAULT_MODEL
from genome.registry import did_you_mean
from population.errors import ConfigError

CONFIG_FORMAT = 1


def parse_duration(value: object, name: str = "time_budget") -> float:
    """Seconds from ``90``, ``"90s"``, ``"15m"``, ``"2h"``, ``"1h30m"``; 0 means no limit. ``name`` is the
    key the value came from, for the error message.

    Raises:
        ConfigError: anything else.
    """
    if isinstance(value, bool):
        raise ConfigError(f"{name} {value!r} is not a duration; use e.g. '15m', '2h' or seconds")
    if isinstance(value, int | float):
        if value < 0:
            raise ConfigError(f"{name} {value!r} is negative; use e.g. '15m', '2h' or 0")
        return float(value)
    text = str(value).strip().lower()
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([hms]?)", text)
    if not text or "".join(n + u for n, u in parts) != text.replace(" ", ""):
        raise ConfigError(f"{name} {value!r} is not a duration; use e.g. '15m', '2h', '1h30m' or '90s'")
    scale = {"h": 3600.0, "m": 60.0, "s": 1.0, "": 1.0}
    return sum(float(n) * scale[u] for n, u in parts)


def _positive(name: str, value: Any) -> None:
    if value < 1:
        raise ConfigError(f"{name} = {value!r} must be at least 1")


def _non_negative(name: str, value: Any) -> None:
    if value < 0:
        raise ConfigError(f"{name} = {value!r} must be 0 or more")


def _fraction(name: str, value: Any) -> None:
    if not 0.0 <= value <= 1.0:
        raise ConfigError(f"{name} = {value!r} must be between 0 and 1")


def _choice(*allowed: str) -> Callable[[str, Any], None]:
    def check(name: str, value: Any) -> None:
        if value not in allowed:
            hint = did_you_mean(str(value), allowed)
            raise ConfigError(f"{name} = {value!r} is not allowed{hint}; use one of {', '.join(allowed)}")

    return check


@dataclass(frozen=True, slots=True)
class Key:
    """One config key: its Python type(s), default, a check and a one-line description."""

    types: tuple[type, ...]
    default: Any
    help: str
    check: Callable[[str, Any], None] | None = None


KEYS: dict[str, Key] = {
    "name": Key((str,), "", "run name; the default run dir is runs/<name> ('' = a timestamp)"),
    "seed": Key((int,), 0, "the run seed; every random choice is derived from it", _non_negative),
    "model": Key((str,), DEFAULT_MODEL, "LLM: registry name, .gguf path, http(s) URL, or 'none'"),
    "suite": Key((str,), "core", "task suite used for selection (its train split)"),
    "suite_tasks": Key(
        (int,), 12, "train tasks per evaluation, spread over families (0: the whole split)", _non_negative
    ),
    "holdout_tasks": Key((int,), 8, "holdout tasks scored for the final best seeds (0: all)", _non_negative),
    "final_holdout": Key((bool,), True, "score the best seed and the best origin on holdout at the end"),
    "origin": Key(
        (list,),
        ["greedy", "sample_filter", "repair", "templates"],
        "origin seeds: names from seeds.ORIGIN_SEEDS or paths of .py files",
    ),
    "generations": Key(
        (int,),
        0,
        "stop after N × islands × island_size evaluations, no child deeper than N (0: none)",
        _non_negative,
    ),
    "max_evals": Key((int,), 0, "stop after this many train evaluations (0: no limit)", _non_negative),
    "time_budget": Key(
        (str, int, float), "10m", "stop producing work after this long ('15m', '2h'; 0: none)"
    ),
    "end_grace": Key(
        (str, int, float),
        "60s",
        "after the time budget, jobs still running get this long; then they are cancelled",
    ),
    "slots": Key((str,), "auto", "where models run: 'auto' or 'cpu:N,gpu:I,…'"),
    "loops_per_slot": Key(
        (int,),
        2,
        "worker loops sharing one slot's model (one runs tests while another waits on the LLM)",
        _positive,
    ),
    "queue_depth": Key((int,), 1, "jobs queued per worker loop beyond the one it runs", _non_negative),
    "islands": Key((int,), 2, "islands (sub-populations)", _positive),
    "island_size": Key((int,), 12, "members kept per island (elites are never dropped)", _positive),
    "migration_interval": Key((int,), 16, "evaluations between migrations (0: never)", _non_negative),
    "migration_size": Key((int,), 1, "best members copied to the next island per migration", _non_negative),
    "selector": Key((str,), "weighted", "parent selection: a name in population.selection.SELECTORS"),
    "tournament_size": Key((int,), 3, "contestants per tournament (selector 'tournament')", _positive),
    "novelty_weight": Key(
        (float, int), 0.3, "weight of novelty against fitness (selector 'weighted')", _fraction
    ),
    "children_per_job": Key((int,), 2, "children asked of one reproduce call", _positive),
    "crossover_rate": Key((float, int), 0.2, "chance a reproduce call is offered a partner", _fraction),
    "manager_crossover_rate": Key(
        (float, int), 0.1, "chance the manager crosses two parents itself (genome.crossover)", _fraction
    ),
    "novelty": Key(
        (str,),
        "on",
        "near-clone filter: 'on', 'off', or 'auto' (off if the model cannot load)",
        _choice("on", "off", "auto"),
    ),
    "novelty_threshold": Key(
        (float, int), 0.9995, "cosine similarity at or above which a child is a near-clone", _fraction
    ),
    "size_bins": Key((int,), 6, "code-size bins of the MAP-Elites grid", _positive),
    "tokens_per_task": Key((int,), 1500, "LLM token budget of one solve call", _positive),
    "solve_timeout_s": Key((float, int), 90.0, "wall seconds for one solve call", _positive),
    "reproduce_timeout_s": Key((float, int), 60.0, "wall seconds for one reflect+reproduce call", _positive),
    "cascade": Key((bool,), True, "score a sample of train tasks first; the rest only if promising"),
    "cascade_size": Key((int,), 4, "tasks in the cascade's first stage", _positive),
    "cascade_factor": Key(
        (float, int), 0.9, "continue when cascade score ≥ parent's × factor", _non_negative
    ),
    "redis": Key((str,), "", "external Redis URL (redis://host:port/db); '' starts an embedded server"),
    "display": Key((bool,), True, "live rich display on a terminal"),
}


@dataclass(frozen=True, slots=True)
class RunConfig:
    """A validated run config (every key of :data:`KEYS`). Build with :func:`resolve`."""

    values: Mapping[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return object.__getattribute__(self, "values")[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def time_budget_s(self) -> float:
        return parse_duration(self.values["time_budget"])

    @property
    def end_grace_s(self) -> float:
        return parse_duration(self.values["end_grace"], "end_grace")

    def to_toml(self) -> str:
        """The resolved config as TOML text (stored in the archive as the run object). Pure."""
        lines = [f"# seedpop run config, format {CONFIG_FORMAT}"]
        for name in KEYS:
            lines.append(f"{name} = {_toml_value(self.values[name])}")
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        """The resolved config as JSON (for workers, through Redis)."""
        return json.dumps(dict(self.values), sort_keys=True)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def check_key(name: str) -> Key:
    """The :class:`Key` called ``name``. Raises ConfigError with a did-you-mean hint."""
    if name in KEYS:
        return KEYS[name]
    hint = did_you_mean(name, KEYS)
    raise ConfigError(f"unknown config key {name!r}{hint}; see population/README.md for every key")


def resolve(
    file_values: Mapping[str, Any] | None = None, overrides: Mapping[str, Any] | None = None
) -> RunConfig:
    """Defaults, then the file's values, then command-line overrides (None values are skipped); all checked.

    Raises:
        ConfigError: an unknown key, a value of the wrong type, or out of range.
    """
    values = {name: key.default for name, key in KEYS.items()}
    for source in (file_values or {}, {k: v for k, v in (overrides or {}).items() if v is not None}):
        for name, value in source.items():
            key = check_key(name)
            if isinstance(value, bool) and bool not in key.types:
                raise ConfigError(f"{name} = {value!r} has the wrong type; expected {key.types[0].__name__}")
            if not isinstance(value, key.types):
                raise ConfigError(f"{name} = {value!r} has the wrong type; expected {key.types[0].__name__}")
            if key.check is not None:
                key.check(name, value)
            if isinstance(value, list) and not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{name} = {value!r} must be a list of strings")
            values[name] = value
    parse_duration(values["time_budget"])
    parse_duration(values["end_grace"], "end_grace")
    if not values["origin"]:
        raise ConfigError("origin = [] names no seed; give at least one origin seed name or file")
    return RunConfig(values)


def load_file(path: Path) -> dict[str, Any]:
    """Read a TOML config file (flat keys).

    Raises:
        ConfigError: the file cannot be read or is not TOML, or holds a table.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"cannot read config file {str(path)!r}: {err.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"config file {str(path)!r} is not valid TOML: {err}") from None
    for name, value in data.items():
        if isinstance(value, dict):
            raise ConfigError(f"config file {str(path)!r} has a table [{name}]; use flat 'key = value' lines")
    return data


def from_json(text: str) -> RunConfig:
    """Inverse of :meth:`RunConfig.to_json` (re-validated)."""
    return resolve(json.loads(text))


__all__ = ["CONFIG_FORMAT", "KEYS", "RunConfig", "check_key", "load_file", "parse_duration", "resolve"]
