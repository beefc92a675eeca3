"""Fixtures of the dashboard tests: small synthetic archives written with the real lineage API."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from dashboard_helpers import make_archive


@pytest.fixture(scope="session")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A 60-seed archive on 2 islands (read-only use only: tests must not change it)."""
    run = tmp_path_factory.mktemp("dash") / "small"
    return run, make_archive(run, 60)
