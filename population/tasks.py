"""Which tasks an evaluation scores: the run's train blocks, a sample of another split, or a list of task ids.

The run shuffles the train split once (from the run seed) and cuts it into blocks of ``block_size`` tasks;
every seed runs the same blocks in the same order, so any two seeds compare on the same tasks. With
``block_order = "informative"`` (the default) the tasks whose measured difficulty is ``hard`` come last.
"""

from __future__ import annotations

import random
from functools import cache

from fitness.suites import load_suite
from fitness.tasks import Suite, Task
from population.config import BLOCK_ORDERS


def family(task: Task) -> str:
    """A task's family: its first tag (its id when untagged)."""
    return task.tags[0] if task.tags else task.id


def blocks(tasks: tuple[Task, ...], size: int, rng: random.Random, order: str) -> tuple[tuple[str, ...], ...]:
    """The train split in the run's order (see :data:`BLOCK_ORDERS`), cut into blocks of ``size`` task ids
    (the last may be shorter; with ``informative``, the last block before the ``hard`` tasks may hold some
    of them). Pure given ``rng``."""
    if order not in BLOCK_ORDERS:
        raise ValueError(f"block order {order!r}: use one of {', '.join(BLOCK_ORDERS)}")
    groups = [sorted(t.id for t in tasks)]
    if order == "informative":
        groups = [
            sorted(t.id for t in tasks if t.difficulty != "hard"),
            sorted(t.id for t in tasks if t.difficulty == "hard"),
        ]
    ids: list[str] = []
    for group in groups:
        rng.shuffle(group)
        ids += group
    return tuple(tuple(ids[i : i + size]) for i in range(0, len(ids), size))


def sample(tasks: tuple[Task, ...], limit: int, rng: random.Random) -> tuple[str, ...]:
    """``limit`` task ids (0: all) taken round-robin across families from a shuffled order, so a short sample
    is neither the easiest tasks (suite files are sorted by difficulty) nor one family. Pure given ``rng``."""
    order = sorted(tasks, key=lambda t: t.id)
    rng.shuffle(order)
    if limit <= 0 or limit >= len(order):
        return tuple(t.id for t in order)
    groups: dict[str, list[Task]] = {}
    for t in order:
        groups.setdefault(family(t), []).append(t)
    picked: list[str] = []
    depth = 0
    while len(picked) < limit:
        for group in groups.values():
            if depth < len(group) and len(picked) < limit:
                picked.append(group[depth].id)
        depth += 1
    return tuple(picked)


@cache
def job_suite(name: str, split: str, task_ids: tuple[str, ...], label: str) -> Suite:
    """The suite an evaluation job runs: the tasks ``task_ids`` of ``split``, in that order; all of the split
    when ``task_ids`` is empty. Cached per process. The version names the part (``core-2/train/b3``), so a
    block's record is never mistaken for a whole split's."""
    suite = load_suite(name)
    if not task_ids:
        return suite
    by_id = {t.id: t for t in suite.split(split)}
    tasks = tuple(by_id[t] for t in task_ids if t in by_id)
    return Suite(suite.name, f"{suite.version}/{split}/{label}", tasks)
