"""The code version a run was started with, so a worker on another machine running other code is refused.

:func:`code_version` hashes the framework's own files (every ``.py`` and data file of the packages a worker
runs: the genome operators, the harness and task suites, the LLM layer, the seeds, the population loop).
Two checkouts agree exactly when those files do, whatever their paths or git state.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGES = ("genome", "fitness", "llm", "lineage", "population", "seeds")
SUFFIXES = (".py", ".json", ".jsonl", ".toml")


@functools.cache
def code_version() -> str:
    """A short hex digest of the framework's files (cached: computed once per process)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                body = path.read_bytes()
                digest.update(f"{path.relative_to(root).as_posix()}\0{len(body)}\0".encode())
                digest.update(body)
    return digest.hexdigest()[:16]
