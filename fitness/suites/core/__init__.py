"""The ``core`` suite: coding tasks written for seedpop, stored as JSON task files next to this module.

One file per task family (strings, lists, …); all files carry the same suite version. Reference and
wrong solutions live in ``tests/fitness_suite/solutions/``, outside the package, where seeds cannot read
them.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fitness.tasks import Suite, load_suite_dir

DATA_DIR = Path(__file__).resolve().parent


@functools.cache
def load_core() -> Suite:
    """The ``core`` suite (cached; immutable).

    Raises:
        TaskFormatError: a task file is malformed (names the file, the task and the field).
    """
    return load_suite_dir(DATA_DIR, "core")
