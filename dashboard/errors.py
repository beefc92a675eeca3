"""The dashboard's errors: one line each, naming the path or id and what to do."""

from __future__ import annotations

from genome.errors import SeedpopError


class DashboardError(SeedpopError):
    """Root of the dashboard's deliberate errors (bad run directory, newer format, unknown seed)."""


class NotARunError(DashboardError):
    """A directory that does not exist, or holds no seedpop run this dashboard can read."""
