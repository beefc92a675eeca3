"""seeds: the seed contract (``seeds/README.md``) and the origin seeds every run can start from.

Origin seeds are plain Python files under ``seeds/origin/``; the framework reads them as text and runs them only
inside the seed sandbox. This package imports nothing of the framework.
"""

from __future__ import annotations

from pathlib import Path

ORIGIN_DIR = Path(__file__).resolve().parent / "origin"

#: Origin seeds by name, in the order a default run starts them.
ORIGIN_SEEDS: dict[str, Path] = {
    name: ORIGIN_DIR / f"{name}.py" for name in ("greedy", "sample_filter", "repair", "templates")
}


def origin_source(name: str) -> str:
    """The text of the origin seed called ``name`` (see :data:`ORIGIN_SEEDS`)."""
    return ORIGIN_SEEDS[name].read_text(encoding="utf-8")
