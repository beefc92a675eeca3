"""Fixtures every test directory may use."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def load_bench() -> Callable[[str], ModuleType]:
    """Import ``bench/<name>.py`` as a module (bench/ is scripts, not a package: bench/fitness.py would shadow
    the fitness package on the path)."""

    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(f"_bench_{name}", REPO / "bench" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load
