"""The task-suite registry: ``TASK_SUITES`` maps a suite name to a loader; :func:`load_suite` looks one up.

Loaders are cached, so every caller of one process shares one :class:`~fitness.tasks.Suite` object per
suite (suites are immutable).
"""

from __future__ import annotations

from collections.abc import Callable

from fitness.suites.core import load_core
from fitness.suites.humaneval import load_humaneval
from fitness.tasks import Suite
from genome.registry import lookup

TASK_SUITES: dict[str, Callable[[], Suite]] = {
    "core": load_core,
    "humaneval": load_humaneval,
}
"""Suite name → cached loader. Add a suite here (see ``fitness/README.md``, "Adding a suite")."""


def load_suite(name: str) -> Suite:
    """The suite registered as ``name``, loaded once per process.

    Raises:
        UnknownNameError: no such suite (with a did-you-mean hint).
        TaskFormatError: the suite's data is malformed (names the file, the task and the field).
    """
    return lookup(TASK_SUITES, name, "task suite")()


__all__ = ["TASK_SUITES", "load_suite"]
