"""seedpop's fitness package: task suites, the two sandboxes, trusted scoring and the LLM service.

The Python API is :func:`evaluate` (``fitness.evaluate(source, suite, split) -> FitnessRecord``); it and
:class:`FitnessRecord` are imported on first use, so ``import fitness`` stays cheap (the sandbox's runner
imports this package next to untrusted code).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fitness.api import evaluate
    from fitness.record import FitnessRecord

_LAZY = {"evaluate": "fitness.api", "FitnessRecord": "fitness.record"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'fitness' has no attribute {name!r}")


__all__ = ["FitnessRecord", "evaluate"]
