"""Origin seeds for a run: registry names (``seeds.ORIGIN_SEEDS``) or paths of ``.py`` files, read as text."""

from __future__ import annotations

from pathlib import Path

from genome import validate
from genome.registry import lookup
from population.errors import OriginError
from population.intake import REQUIRED


def load_origins(names: list[str]) -> list[tuple[str, str]]:
    """(name, source) of each origin; checked with ``genome.validate`` (``solve`` and ``reproduce``).

    Seeds are data here: read, never imported or executed.

    Raises:
        UnknownNameError: an unknown origin name (did-you-mean).
        OriginError: an unreadable file, a syntax error, or a missing ``solve``/``reproduce``.
    """
    from seeds import ORIGIN_SEEDS

    out: list[tuple[str, str]] = []
    for name in names:
        if name.endswith(".py") or "/" in name:
            path = Path(name)
            try:
                source = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise OriginError(
                    f"cannot read origin seed {name!r}: {err}; pass a readable .py file"
                ) from None
            label = path.stem
        else:
            path = lookup(ORIGIN_SEEDS, name, "origin seed")
            source = path.read_text(encoding="utf-8")
            label = name
        problems = validate(source, required=REQUIRED)
        if problems:
            p = problems[0]
            raise OriginError(
                f"origin seed {name!r} cannot start a run: {p.message}; fix the file or drop it"
            )
        out.append((label, source))
    return out
