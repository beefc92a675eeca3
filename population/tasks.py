"""Which tasks an evaluation scores: a split, optionally limited to N tasks spread evenly over families."""

from __future__ import annotations

from functools import cache

from fitness.suites import load_suite
from fitness.tasks import Suite, Task


def family(task: Task) -> str:
    """A task's family: its first tag (its id when untagged)."""
    return task.tags[0] if task.tags else task.id


def spread(tasks: tuple[Task, ...], limit: int) -> tuple[Task, ...]:
    """The first ``limit`` tasks taken round-robin across families, in suite order. Pure; 0 = all."""
    if limit <= 0 or limit >= len(tasks):
        return tasks
    groups: dict[str, list[Task]] = {}
    for t in tasks:
        groups.setdefault(family(t), []).append(t)
    picked: list[Task] = []
    depth = 0
    while len(picked) < limit:
        for group in groups.values():
            if depth < len(group) and len(picked) < limit:
                picked.append(group[depth])
        depth += 1
    chosen = {t.id for t in picked}
    return tuple(t for t in tasks if t.id in chosen)


@cache
def eval_suite(name: str, split: str, limit: int) -> Suite:
    """The suite an evaluation job runs: ``split``'s tasks, ``limit`` of them (0: all). Cached per process.

    A limited suite's version says so (``core-1/train16``), so its records are never mistaken for full ones.
    """
    suite = load_suite(name)
    tasks = spread(suite.split(split), limit)
    if len(tasks) == len(suite.split(split)):
        return suite
    return Suite(suite.name, f"{suite.version}/{split}{limit}", tasks)
