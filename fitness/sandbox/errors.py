"""Errors of the sandbox."""

from __future__ import annotations

from genome.errors import SeedpopError


class SandboxError(SeedpopError):
    """The sandbox itself failed (not the code it ran): a worker that cannot start or keeps dying."""
