"""Lookup in a registry dict with a "did you mean …?" error: :mod:`core.registry`, re-exported here."""

from __future__ import annotations

from core.registry import did_you_mean, lookup

__all__ = ["did_you_mean", "lookup"]
