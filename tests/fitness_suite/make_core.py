"""Regenerate ``fitness/suites/core/*.json`` from the specs in ``solutions/``.

Run from the repository root: ``.venv/bin/python tests/fitness_suite/make_core.py``. Bump
``fitness_suite_specs.VERSION`` whenever a task's prompt or tests change: records name the version.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fitness_suite_specs import FAMILIES, VERSION, build_tasks  # noqa: E402

from fitness.suites.core import DATA_DIR  # noqa: E402
from fitness.tasks import write_task_file  # noqa: E402


def main() -> None:
    for old in DATA_DIR.glob("*.json"):
        old.unlink()
    for n, (family, tasks) in enumerate(build_tasks().items()):
        path = DATA_DIR / f"{n:02d}_{family}.json"
        write_task_file(path, "core", VERSION, tasks)
        print(f"{path}: {len(tasks)} tasks")
    assert list(FAMILIES)


if __name__ == "__main__":
    main()
