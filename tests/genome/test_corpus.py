"""Real-world corpus: every operator on a fixed sample of 300 standard-library modules, fixed seeds."""

from __future__ import annotations

import random
import sysconfig
from pathlib import Path

import pytest

from genome import DEFAULT_LIMITS, OPERATORS, Mutated, NoCandidates, Parsed, accepted_child_id, mutate

SAMPLE_SIZE = 300
MAX_BYTES = 25_000  # keeps the test to minutes; the sample still spans tiny to large modules


def stdlib_sample() -> list[Path]:
    root = Path(sysconfig.get_paths()["stdlib"])
    files = sorted(
        p
        for p in root.rglob("*.py")
        if "site-packages" not in p.parts
        and "test" not in p.parts
        and "tests" not in p.parts
        and "lib2to3" not in p.parts
        and 0 < p.stat().st_size <= MAX_BYTES
    )
    usable = []
    for path in files:
        try:
            Parsed(path.read_bytes())
        except Exception:
            continue
        usable.append(path)
    return random.Random(20261201).sample(usable, SAMPLE_SIZE)


def relative(parsed: Parsed) -> Parsed | None:
    """A close relative to cross with (crossover between relatives is the common case in a run)."""
    for name in ("perturb_number", "swap_compare", "negate_if", "swap_arith"):
        result = mutate(parsed, name, random.Random(name))
        if isinstance(result, Mutated):
            return Parsed(result.source)
    return None


@pytest.mark.slow
@pytest.mark.timeout(2400)
def test_every_operator_on_300_stdlib_modules() -> None:
    sample = stdlib_sample()
    assert len(sample) == SAMPLE_SIZE
    outcomes: dict[str, dict[str, int]] = {name: {"mutated": 0, "no_candidates": 0} for name in OPERATORS}
    names = [n for n in OPERATORS if "llm" not in getattr(OPERATORS[n], "needs", ())]  # no model here
    for k, path in enumerate(sample):
        parsed = Parsed(path.read_bytes(), DEFAULT_LIMITS)
        partner = relative(parsed) or Parsed(sample[(k + 1) % len(sample)].read_bytes())
        for name in names:
            result = mutate(parsed, name, random.Random(f"{path.name}:{name}"), partner=partner)
            if isinstance(result, Mutated):
                assert accepted_child_id(result.source) == result.child_id, (path, name)
                assert result.child_id != parsed.id, (path, name)
                compile(result.source, str(path), "exec", dont_inherit=True)
                outcomes[name]["mutated"] += 1
            else:
                assert isinstance(result, NoCandidates), (path, name, result)
                outcomes[name]["no_candidates"] += 1
    for name in names:
        # Each operator must actually work on real code, not just decline everywhere.
        assert outcomes[name]["mutated"] > SAMPLE_SIZE // 10, (name, outcomes[name])
