"""Bytes the population keeps per child, in process: the pure scheduler and the near-clone filter's index.

    python bench/scheduler_memory.py          # scheduler: 2,000 and 8,000 children; novelty: 500 and 2,000
    python bench/scheduler_memory.py --children 500 4000 --part scheduler

No Redis, no sandbox, no LLM. The scheduler is driven as the manager drives it, with synthetic results (the
tests' scripted *world*: a seed passes a task when the task's difficulty is below the seed's quality), each
record and digest map round-tripped through JSON as the manager gets them from the results stream. The novelty
part adds children to :class:`population.novelty.NoveltyFilter` as intake does (``add`` only: it never embeds,
so no model is loaded): first the real children of a fixture stream, then synthetic ones, each an earlier one
with one literal changed (half a number: a parameter change, which shares its twin's vector; half a string:
a piece of its own in the index).

For each size it prints the bytes ``tracemalloc`` sees retained after N children (and how many of them were
allocated on lines of ``population/``: interpreter-wide tables such as the names ``ast`` interns grow in
doublings and blur a total), the slope between the two sizes (bytes per child: what growth per child
costs), the live seeds the scheduler holds, and the top allocation sites of the growth between the two sizes.
Figures are printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import hashlib
import json
import random
import re
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

STREAM = REPO / "tests" / "population" / "fixtures" / "novelty-stream-four-origins.json.gz"
TOP = 8  # allocation sites printed per part


def _unit(*labels: object) -> float:
    digest = hashlib.sha256("\x1f".join(map(str, labels)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


# --------------------------------------------------------------------------------------------- scheduler
def scheduler_run(children: int) -> Callable[[], tuple[Any, int]]:
    """A driver that runs a fresh scheduler until ``children`` new children were told; returns (the
    scheduler, evaluations) so the caller can measure what it holds."""
    from fitness.record import FitnessRecord, Outcome, TaskScore
    from fitness.suites import load_suite
    from population.config import resolve
    from population.intake import Fate
    from population.scheduler import Admitted, Evaluate, Reproduce, Scheduler

    train = load_suite("core").split("train")
    cfg = resolve({"model": "none", "seed": 7, "crossover_rate": 0.3, "manager_crossover_rate": 0.1})
    quality: dict[str, float] = {"o1": 0.35, "o2": 0.5, "o3": 0.45}

    def record(job: Evaluate) -> tuple[FitnessRecord, dict[str, str]]:
        q = quality[job.seed_id]
        scores = []
        for t in job.tasks:
            ok = _unit("task", t) < q + 0.1 * (_unit("noise", job.seed_id, t) - 0.5)
            reason = "" if ok else f"test {int(10 * _unit('r', t))}: AssertionError: {t} gave 17, expected 18"
            visible = "" if ok else f"{t}(3, 4) should return 7 but returned 8"
            scores.append(TaskScore(t, int(ok), 1, reason, 40, 0.2, visible))
        agg = sum(s.passed for s in scores) / len(scores)
        rec = FitnessRecord(job.seed_id, "core", "v", job.split, Outcome.SCORED, agg, tuple(scores))
        digests = {t: hashlib.sha256(f"{job.seed_id}/{t}".encode()).hexdigest() for t in job.tasks}
        # what the manager has: the record and the digests decoded from JSON (fresh strings every time)
        return FitnessRecord.from_json(rec.to_json()), json.loads(json.dumps(digests))

    def drive() -> tuple[Any, int]:
        sched = Scheduler(cfg, train)
        for origin in sorted(quality):
            sched.add_origin(origin, 3000)
        capacity = 4
        while sched.counters.new < children:
            sched.ask(capacity)
            if not sched.pending:
                break
            job_id = min(sched.pending, key=lambda j: int(j[1:]))
            job = sched.pending[job_id]
            if isinstance(job, Evaluate):
                rec, digests = record(job)
                sched.tell_evaluated(job_id, rec, digests)
                continue
            n = job.n if isinstance(job, Reproduce) else 1
            out = []
            for k in range(n):
                cid = hashlib.sha256(f"{job.parent_id}/{job.job_id}/{k}".encode()).hexdigest()
                step = 0.12 * (_unit("d", cid) - 0.55)
                quality[cid] = min(1.0, max(0.0, quality[job.parent_id] + step))
                out.append(Admitted(Fate.NEW, cid, "perturb_number", _unit("nov", cid), 3000))
            sched.tell_reproduced(job_id, out)
        return sched, sched.counters.evaluations

    return drive


def live_seeds(sched: Any) -> str:
    kept = len(sched.seeds)
    dormant = len(getattr(sched, "dormant", {}))
    return f"{kept} seeds held (+{dormant} dormant finalist candidates), {len(sched.history)} histories"


# --------------------------------------------------------------------------------------------- novelty
_NUM = re.compile(r"(?<![\w.])\d+(?![\w.])")
_STR = re.compile(r"'([A-Za-z][A-Za-z ]{3,})'")


def child_texts(n: int) -> list[str]:
    """``n`` canonical texts: the fixture's real children, then synthetic ones (see the module docstring)."""
    with gzip.open(STREAM) as f:
        stream: list[str] = list(json.loads(f.read())["stream"])
    rng = random.Random(11)
    out = stream[:n]
    words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta"]
    while len(out) < n:
        parent = out[rng.randrange(len(out))]
        pattern = _NUM if rng.random() < 0.5 else _STR
        spots = list(pattern.finditer(parent))
        if not spots:
            continue
        m = spots[rng.randrange(len(spots))]
        if pattern is _NUM:
            new = str(int(m.group()) + rng.randint(1, 9))
        else:
            new = f"'{m.group(1)} {rng.choice(words)}{len(out)}'"
        child = parent[: m.start()] + new + parent[m.end() :]
        if child != parent:
            out.append(child)
    return out


def novelty_run(children: int) -> Callable[[], tuple[Any, int]]:
    from population.novelty import NoveltyFilter

    texts = child_texts(children)

    def drive() -> tuple[Any, int]:
        nf = NoveltyFilter(0.9995)
        for text in texts:
            nf.add(text)
        return nf, len(texts)

    return drive


def novelty_facts(nf: Any) -> str:
    return f"{len(nf._piece_ids)} pieces, {len(nf._near)} indexed with their own tokens"


# --------------------------------------------------------------------------------------------- measure
def measure(
    name: str, make: Callable[[int], Callable[[], tuple[Any, int]]], sizes: list[int], facts: Any
) -> None:
    print(f"\n## {name}\n")
    snaps = []
    for n in sizes:
        drive = make(n)  # inputs made before tracing starts: only what the part keeps is counted
        gc.collect()
        tracemalloc.start(1)
        base = tracemalloc.take_snapshot()
        kept, work = drive()
        gc.collect()
        # the driver's own world (its per-child quality map) is not what the part keeps
        snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, __file__)])
        base = base.filter_traces([tracemalloc.Filter(False, __file__)])
        tracemalloc.stop()
        by_file = snap.compare_to(base, "filename")
        held = sum(s.size_diff for s in by_file)
        # allocated on lines of population/ itself (interpreter-wide tables, e.g. ast's interned names, apart)
        own = sum(
            s.size_diff for s in by_file if s.traceback[0].filename.startswith(str(REPO / "population"))
        )
        snaps.append((n, work, held, snap, base, own))
        print(
            f"- {n} children ({work} evaluations/items): {held / 1024:.0f} KiB retained "
            f"({own / 1024:.0f} KiB on population/ lines), {held / n:.0f} B per child; {facts(kept)}"
        )
        del kept
    (n1, _, h1, _, _, o1), (n2, _, h2, s2, base2, o2) = snaps[0], snaps[-1]
    if n2 > n1:
        print(
            f"- slope {n1} → {n2} children: {(h2 - h1) / (n2 - n1):.0f} B per child "
            f"({(o2 - o1) / (n2 - n1):.0f} B on population/ lines)\n"
        )
        print(f"top allocation sites by bytes held at {n2} children (per child):\n")
        stats = s2.compare_to(base2, "lineno")
        for stat in stats[:TOP]:
            frame = stat.traceback[0]
            path = Path(frame.filename)
            name = path.relative_to(REPO) if path.is_relative_to(REPO) else path.name
            where = f"{name}:{frame.lineno}"
            print(f"  {stat.size_diff / n2:8.0f} B/child  {stat.count_diff:8d} blocks  {where}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, nargs="+", default=[2000, 8000], help="scheduler sizes")
    parser.add_argument(
        "--novelty-children", type=int, nargs="+", default=[500, 2000], help="novelty sizes (~50 ms a child)"
    )
    parser.add_argument("--part", choices=["scheduler", "novelty", "both"], default="both")
    args = parser.parse_args(argv)
    sizes = sorted(args.children)
    if args.part in ("scheduler", "both"):
        measure("scheduler (population/scheduler.py)", scheduler_run, sizes, live_seeds)
    if args.part in ("novelty", "both"):
        sizes = sorted(args.novelty_children)
        measure("novelty index (population/novelty.py: NoveltyFilter.add)", novelty_run, sizes, novelty_facts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
