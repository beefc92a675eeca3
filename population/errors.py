"""The population package's errors: each a one-line message naming the thing, the value and the fix."""

from __future__ import annotations

from genome.errors import SeedpopError


class PopulationError(SeedpopError):
    """Root of the population package's deliberate errors."""


class ConfigError(PopulationError):
    """A run config key or value that is not acceptable (unknown key, wrong type, out of range)."""


class OriginError(PopulationError):
    """An origin seed that cannot start a run: unreadable, not Python, or without ``solve``/``reproduce``."""


class RunDirError(PopulationError):
    """A run directory this version cannot use (another version's run, or not writable)."""


class RedisError(PopulationError):
    """The embedded Redis server could not start, or the external one cannot be reached."""


class WorkerRefusedError(PopulationError):
    """A worker that may not serve a run: no such run, or another code version or model than the run's."""
