"""Synthetic archives for the dashboard's tests and bench, written with the real ``lineage`` API.

Seeds form a tree over islands and generations: seed ``i`` (``i ≥ origins``) has parent ``i // branching``-ish,
an operator from a small list, and a train record whose per-task results follow from its fitness; every
tenth child is a re-discovery of its parent's id. Deterministic given ``rng_seed``.
"""

from __future__ import annotations

import random
from pathlib import Path

from fitness.record import FitnessRecord, Outcome, TaskScore
from genome import canonical_source
from lineage import Archive, Kind, Proposal
from lineage.objects import object_id

OPERATORS = ("mutate:swap_compare", "mutate:tweak_number", "llm_rewrite", "crossover")
TASKS = ("count_vowels", "reverse_words", "fizzbuzz", "is_prime", "flatten", "median")
_TEMPLATE = (
    '"""Seed."""\n\n\ndef solve(task, llm, tools):\n    k = 12345\n    return str(k)\n\n\n'
    "def reproduce(source, n, rng_seed, genome, llm):\n    return [source]\n"
)
CANON = canonical_source(_TEMPLATE)


def source_of(i: int) -> str:
    """Seed ``i``'s text (canonical already, so adding it needs no parse)."""
    return CANON.replace("12345", str(i))


def make_archive(
    run_dir: Path, seeds: int, *, islands: int = 2, origins: int = 4, rng_seed: int = 0, batch: int = 500
) -> list[str]:
    """Write ``seeds`` seeds (with edges and train records) into a new archive at ``run_dir``; their ids."""
    rng = random.Random(rng_seed)
    ids: list[str] = []
    fitness: list[float] = []
    gen: list[int] = []
    t0 = 1_700_000_000.0
    with Archive.create(str(run_dir), "[run]\nsuite = 'core'\n", durable=False) as archive:
        run = archive.add_run("[run]\nsuite = 'core'\n")
        i = 0
        while i < seeds:
            props: list[Proposal] = []
            meta: list[float] = []
            for k in range(i, min(seeds, i + batch)):
                if k < origins:
                    parents: tuple[str, ...] = ()
                    op, g, isl, fit = "origin", 0, k % islands, 0.3 + 0.1 * k
                else:
                    p = rng.randrange(max(origins, k // 2), k) if k > origins else 0
                    p = min(p, len(ids) - 1) if ids else 0
                    parents = (ids[p],)
                    op = OPERATORS[k % len(OPERATORS)]
                    g, isl = gen[p] + 1, k % islands
                    fit = min(1.0, max(0.0, round(fitness[p] + rng.choice((-0.1, 0.0, 0.0, 0.05, 0.1)), 3)))
                props.append(Proposal(source_of(k), parents, op, g, isl, run, f"j{k}", source_of(k), t0 + k))
                meta.append(fit)
                gen.append(g)
                fitness.append(fit)
                ids.append(object_id(Kind.SEED, source_of(k).encode()))
            results = archive.add_many(props)
            for j, r in enumerate(results):
                fit = meta[j]
                solved = round(fit * len(TASKS))
                tasks = tuple(
                    TaskScore(t, 3 if n < solved else 1, 3, "" if n < solved else "wrong answer", 40, 0.2)
                    for n, t in enumerate(TASKS)
                )
                archive.add_record(
                    FitnessRecord(r.seed_id, "core", "1", "train", Outcome.SCORED, fit, tasks, 100, 140, 1.5)
                )
            i += len(props)
    return ids
