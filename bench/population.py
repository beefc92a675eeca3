"""Population benchmarks: framework overhead, LLM busy fraction, evaluations per hour, re-discovery and
novelty-reject rates, and the manager's memory with 10k seeds in the archive.

    python bench/population.py                      # all figures (a 10-minute real-model run included)
    python bench/population.py --minutes 3          # a shorter real-model run
    python bench/population.py --skip-model         # only the model-free figures
    python bench/population.py --only-novelty 60    # only the novelty filter's cost per child
    python bench/population.py --from-run runs/NAME # the run figures of a run already made (its status.json)
    python bench/population.py --only-tree 150      # framework CPU over the process tree, novelty on

Figures are printed; nothing is asserted (tests never assert on time).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from population.status import Snapshot, run_figures  # noqa: E402  (after the path above)


def run_cli(run_dir: Path, *args: str) -> Snapshot:
    """Run ``python -m population run`` to the end; return its final status.json."""
    cmd = [sys.executable, "-m", "population", "run", "--run-dir", str(run_dir), "--no-display", *args]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"run failed ({done.returncode}): {done.stderr[-2000:]}")
    return Snapshot.from_json(json.loads((run_dir / "status.json").read_text()))


def toml(**values: object) -> str:
    return "\n".join(
        f"{k} = {json.dumps(v) if not isinstance(v, bool) else str(v).lower()}" for k, v in values.items()
    )


def model_free(tmp: Path, evals: int) -> dict[str, float]:
    cfg = tmp / "free.toml"
    cfg.write_text(
        toml(
            model="none",
            origin=["templates"],
            max_evals=evals,
            time_budget=0,
            block_size=8,
            novelty="off",
            final_holdout=False,
            display=False,
        ),
        encoding="utf-8",
    )
    return run_figures(run_cli(tmp / "free", "--config", str(cfg)))


def tree_run(tmp: Path, evals: int, novelty: str, poll_s: float = 2.0) -> dict[str, float]:
    """A ``--model none`` run (origin ``templates``) with the near-clone filter ``novelty``, its framework CPU
    over the whole process tree (``population.accounting``) per child, all in and at the margin.

    The margin is the slope of framework CPU against children over the second half of the run (status.json
    is read every ``poll_s``): what one more child costs once start-up is paid. The run's whole tree is also
    measured from outside (``RUSAGE_CHILDREN`` of the run's process, which reaps everything it started, so
    shutdown is in it) less the sandboxed code CPU the run reported."""
    import resource

    name = f"tree-{novelty}-{evals}"
    cfg = tmp / f"{name}.toml"
    cfg.write_text(
        toml(
            model="none",
            origin=["templates"],
            max_evals=evals,
            time_budget=0,
            novelty=novelty,
            final_holdout=False,
            display=False,
        ),
        encoding="utf-8",
    )
    run_dir = tmp / name
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = [
        sys.executable,
        "-m",
        "population",
        "run",
        "--run-dir",
        str(run_dir),
        "--config",
        str(cfg),
        "--no-display",
    ]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[int, float]] = []
    while proc.poll() is None:
        time.sleep(poll_s)
        with contextlib.suppress(OSError, ValueError, KeyError):
            c = json.loads((run_dir / "status.json").read_text(encoding="utf-8"))["counters"]
            samples.append((int(c["children"]), float(c["tree_cpu_s"]) - float(c["code_cpu_s"])))
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({proc.returncode}): {err[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    outside = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    status = Snapshot.from_json(json.loads((run_dir / "status.json").read_text(encoding="utf-8")))
    fig = run_figures(status)
    half = [s for s in samples if s[0] >= fig["children"] / 2]
    margin = float("nan")
    if len(half) >= 2 and half[-1][0] > half[0][0]:
        margin = 1000 * (half[-1][1] - half[0][1]) / (half[-1][0] - half[0][0])
    fig["margin_cpu_per_child_ms"] = margin
    fig["outside_cpu_per_child_ms"] = 1000 * (outside - status.counters.code_cpu_s) / fig["children"]
    fig["startup_cpu_s"] = samples[0][1] if samples else float("nan")
    return fig


def tree_rows(fig: dict[str, float], run: str) -> list[tuple[str, str, str]]:
    """The framework-CPU rows of :func:`tree_run` (ms CPU per child unless said)."""
    n = int(fig["children"])
    return [
        (
            f"framework CPU per child over the process tree, {run} ({n} children)",
            f"{fig['cpu_per_child_ms']:.1f} ms",
            "≤ 20 ms",
        ),
        (
            "  at the margin (slope over the run's second half)",
            f"{fig['margin_cpu_per_child_ms']:.1f} ms",
            "≤ 20 ms",
        ),
        (
            "  measured from outside (RUSAGE_CHILDREN, shutdown included)",
            f"{fig['outside_cpu_per_child_ms']:.1f} ms",
            "",
        ),
        (
            "  manager / workers / novelty / redis / sandbox machinery",
            "{manager_cpu_per_child_ms:.1f} / {worker_cpu_per_child_ms:.1f} / {novelty_cpu_per_child_ms:.1f} / "
            "{redis_cpu_per_child_ms:.1f} / {sandbox_machinery_cpu_per_child_ms:.1f} ms".format(**fig),
            "",
        ),
        (
            "  what the old thread clocks counted (manager + workers + novelty)",
            f"{fig['thread_clock_cpu_per_child_ms']:.1f} ms",
            "",
        ),
        (
            "sandboxed seed and solution code per child (not framework)",
            f"{fig['code_cpu_per_child_ms']:.1f} ms",
            "",
        ),
        (
            "reproduce sandbox CPU per reproduce call (reflect + reproduce)",
            f"{fig['reproduce_cpu_per_call_ms']:.0f} ms",
            "",
        ),
        (
            "framework CPU at the first status snapshot (manager start-up; workers still starting)",
            f"{fig['startup_cpu_s']:.1f} s",
            "",
        ),
    ]


def intake_micro(tmp: Path, n: int) -> dict[str, float]:
    """Per-child cost of intake without novelty: the worker's check (parse, canonicalize, validate) and the
    manager's admit (dedup lookup, archive write) given that check, as a run splits them."""
    import genome
    from lineage import Archive
    from population.intake import Proposed, admit, check_child
    from seeds import origin_source

    parent = origin_source("templates")
    rng = random.Random(0)
    children = []
    while len(children) < n:
        r = genome.mutate(parent, rng.choice(["perturb_number", "swap_compare", "replace_string"]), rng)
        if r.source is not None:
            children.append(r.source)
    t = time.perf_counter()
    checked = [check_child(c) for c in children]
    check = (time.perf_counter() - t) / n
    with Archive.create(str(tmp / "micro")) as archive, open(os.devnull, "w") as log:
        pid = archive.add(parent).seed_id
        run = archive.add_run("bench")
        t = time.perf_counter()
        for k, (child, pre) in enumerate(zip(children, checked, strict=True)):
            admit(
                archive,
                Proposed(child, (pid,), "reproduce", 1, 0, f"j/{k}"),
                run,
                ("core", "core-1", "train"),
                None,
                log,
                pre,
            )
        per = (time.perf_counter() - t) / n
    return {"check_per_child_ms": 1000 * check, "admit_per_child_ms": 1000 * per}


def novelty_micro(n: int) -> dict[str, float]:
    """The novelty filter as a run uses it (its own process): model load, then check + add per child. Children
    are made before the clock starts (an earlier version timed genome.mutate with the check)."""
    import genome
    from population.novelty import NoveltyProcess
    from seeds import ORIGIN_SEEDS, origin_source

    rng = random.Random(1)
    children: list[str] = []
    while len(children) < n:
        name = rng.choice(list(ORIGIN_SEEDS))
        r = genome.mutate(
            origin_source(name), rng.choice(["perturb_number", "swap_compare", "replace_string"]), rng
        )
        if r.source is not None:
            children.append(genome.canonical_source(r.source))
    nf = NoveltyProcess(0.9995)
    try:
        t = time.perf_counter()
        nf.add(genome.canonical_source(origin_source("greedy")))  # waits for the model
        load = time.perf_counter() - t
        for name in ORIGIN_SEEDS:
            nf.add(genome.canonical_source(origin_source(name)))
        t, cpu = time.perf_counter(), nf.cpu_s
        for child in children:
            if not nf.check(child).near_clone:
                nf.add(child)
        per, cpu_per = (time.perf_counter() - t) / n, (nf.cpu_s - cpu) / n
    finally:
        nf.close()
    return {"novelty_load_s": load, "novelty_check_ms": 1000 * per, "novelty_cpu_ms": 1000 * cpu_per}


def memory_10k(tmp: Path, seeds: int) -> dict[str, float]:
    """Manager RSS with ``seeds`` seeds (and records) in its archive, after building its state from them. The
    novelty filter is not in this process: a run serves it from a child process (see :func:`novelty_memory`)."""
    code = f"""
import resource, sys, json
from collections import deque
sys.path.insert(0, {str(REPO)!r})
import redis
from fitness.record import FitnessRecord, Outcome
from lineage import Archive, Proposal
from population.config import resolve
from population.manager import Manager
from population.selection import Member
from seeds import origin_source
base = origin_source("templates")
archive = Archive.create({str(tmp / "mem")!r}, durable=False)
ids = []
for start in range(0, {seeds}, 500):
    stop = min({seeds}, start + 500)
    batch = [Proposal(base + f"\\nBENCH_ID = {{i}}\\n", (), "origin", i % 50, i % 4) for i in range(start, stop)]
    ids += [r.seed_id for r in archive.add_many(batch)]
for i, sid in enumerate(ids):
    archive.add_record(FitnessRecord(sid, "core", "core-1", "train", Outcome.SCORED, (i % 97) / 97))
cfg = resolve({{"model": "none", "islands": 4, "island_size": 50}})
m = Manager(cfg, archive, redis.Redis(), "bench", "", None, open("/dev/null", "w"), 2)
for i, sid in enumerate(ids):
    member = Member(sid, (i % 97) / 97, None, i % 50)
    for isl in m.islands:
        isl.offer(member)
    m.grid.tell(sid, member.fitness, m.grid.descriptor(frozenset(), 3000 + i))
    m.scheduler.history.setdefault(sid, deque(maxlen=24)).append({{"seed_id": sid, "aggregate": 0.1}})
    m.source(sid)  # the manager's cache of parent texts (jobs carry them)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seeds": archive.counts().seeds, "rss_mb": rss}}))
"""
    data = _child_json(code)
    return {"manager_rss_mb_10k": data["rss_mb"], "archive_seeds": data["seeds"]}


def novelty_memory(pieces: int) -> dict[str, float]:
    """RSS of the novelty process: MiniLM loaded and ``pieces`` pieces indexed, each with its token sequence
    and vector (a run indexes about two new pieces per admitted seed; most never get a vector)."""
    code = f"""
import resource, sys, json
sys.path.insert(0, {str(REPO)!r})
import numpy as np
from population.novelty import NoveltyFilter
nf = NoveltyFilter(0.9995)
nf.ready()
rng = np.random.default_rng(0)
vecs = rng.standard_normal(({pieces}, 384)).astype("float32")
for i in range({pieces}):  # a piece's token sequence (~80 tokens) and its vector
    nf._near.add([int(t) for t in rng.integers(1000, 30000, 80)])
    nf._vectors[i] = vecs[i]
print(json.dumps({{"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    return {"novelty_rss_mb": _child_json(code)["rss_mb"]}


def _child_json(code: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    data: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="length of the real-model run")
    parser.add_argument("--skip-model", action="store_true")
    parser.add_argument("--seeds", type=int, default=10_000)
    parser.add_argument("--free-evals", type=int, default=100, help="length of the --model none run")
    parser.add_argument("--only-memory", action="store_true", help="only the 10k-seed memory figures")
    parser.add_argument("--only-model", action="store_true", help="only the real-model run's figures")
    parser.add_argument(
        "--only-novelty",
        type=int,
        default=0,
        metavar="N",
        help="only the novelty filter's cost over N children",
    )
    parser.add_argument(
        "--from-run", type=Path, default=None, help="only the run figures of an existing run directory"
    )
    parser.add_argument(
        "--only-tree",
        type=int,
        default=0,
        metavar="EVALS",
        help="only framework CPU over the process tree: a --model none run of EVALS evaluations, novelty on",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="seedpop-bench-"))
    rows: list[tuple[str, str, str]] = []
    try:
        load = os.getloadavg()[0]
        if args.from_run is not None:
            status = Snapshot.from_json(
                json.loads((args.from_run / "status.json").read_text(encoding="utf-8"))
            )
            minutes = status.elapsed_s / 60
            rows += run_rows(run_figures(status), f"{minutes:.0f}-min run {args.from_run.name}")
        elif args.only_tree:
            rows += tree_rows(tree_run(tmp, args.only_tree, "on"), "--model none run, novelty on")
        elif args.only_novelty:
            rows += novelty_rows(args.only_novelty)
        elif args.only_memory:
            rows += memory_rows(tmp, args.seeds)
        elif args.only_model:
            rows += model_rows(tmp, args.minutes)
        else:
            rows += measured_rows(tmp, args)
            rows += memory_rows(tmp, args.seeds)
        rows.append(("evaluations of a canonical id already archived", "0 (by construction; tested)", "0"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    print(f"bench/population.py  (load average at start {load:.1f} on {os.cpu_count()} cores)")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>14}  {target}")


def novelty_rows(n: int) -> list[tuple[str, str, str]]:
    nov = novelty_micro(n)
    return [
        (
            f"novelty check + add per child, wall / CPU ({n} children; own process, MiniLM on token-near pieces)",
            "{novelty_check_ms:.0f} / {novelty_cpu_ms:.0f} ms".format(**nov),
            "",
        ),
        ("novelty model load", f"{nov['novelty_load_s']:.1f} s", ""),
    ]


def measured_rows(tmp: Path, args: argparse.Namespace) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    micro = intake_micro(tmp, 200)
    rows.append(
        (
            "check per child, in the worker (parse, canonical, validate)",
            f"{micro['check_per_child_ms']:.1f} ms",
            "",
        )
    )
    rows.append(
        (
            "admit per child, in the manager (dedup, archive write)",
            f"{micro['admit_per_child_ms']:.1f} ms",
            "",
        )
    )
    rows += novelty_rows(20)
    free = model_free(tmp, args.free_evals)
    rows += overhead_rows("--model none run", free)
    rows += tree_rows(tree_run(tmp, args.free_evals, "on"), "--model none run, novelty on")
    if not args.skip_model:
        rows += model_rows(tmp, args.minutes)
    return rows


def overhead_rows(run: str, fig: dict[str, float]) -> list[tuple[str, str, str]]:
    """The framework-overhead rows of one run: wall and CPU time per child, and their share of the run."""
    return [
        (f"framework overhead per child, wall, {run}", f"{fig['overhead_per_child_ms']:.1f} ms", "≤ 20 ms"),
        (
            "  of which manager, wall (waits for cores the model holds)",
            f"{fig['manager_per_child_ms']:.1f} ms",
            "",
        ),
        (f"framework CPU per child, {run}", f"{fig['cpu_per_child_ms']:.1f} ms", "≤ 20 ms"),
        (
            "  manager / workers / novelty process",
            "{manager_cpu_per_child_ms:.1f} / {worker_cpu_per_child_ms:.1f} / "
            "{novelty_cpu_per_child_ms:.1f} ms".format(**fig),
            "",
        ),
        (f"framework overhead share of wall, {run}", f"{100 * fig['overhead_share']:.2f} %", "≤ 2 %"),
        (f"framework CPU share of wall (of one core), {run}", f"{100 * fig['cpu_share']:.2f} %", ""),
    ]


def model_rows(tmp: Path, minutes: float) -> list[tuple[str, str, str]]:
    cfg = tmp / "model.toml"
    cfg.write_text(
        toml(time_budget=f"{int(minutes * 60)}s", final_holdout=False, display=False),
        encoding="utf-8",
    )
    return run_rows(
        run_figures(run_cli(tmp / "model", "--config", str(cfg))), f"{minutes:g}-min Qwen-0.5B run"
    )


def run_rows(real: dict[str, float], run: str) -> list[tuple[str, str, str]]:
    """The rows of a run with a real model: LLM busy fraction, evaluations per hour, overhead, rates."""
    return [
        (f"LLM busy fraction, {run}", f"{100 * real['llm_busy']:.1f} %", "≥ 90 %"),
        (f"evaluations per hour, {run}", f"{real['evals_per_hour']:.0f}", ""),
        *overhead_rows(run, real),
        ("re-discovery rate (of children)", f"{100 * real['rediscovery_rate']:.1f} %", ""),
        ("novelty-reject rate (of children)", f"{100 * real['novelty_reject_rate']:.1f} %", ""),
        ("children / evaluations in the run", f"{real['children']} / {real['evaluations']}", ""),
    ]


def memory_rows(tmp: Path, seeds: int) -> list[tuple[str, str, str]]:
    mem = memory_10k(tmp, seeds)
    nov = novelty_memory(2 * seeds)
    return [
        (
            f"manager peak RSS, {mem['archive_seeds']} seeds in the archive",
            f"{mem['manager_rss_mb_10k']:.0f} MB",
            "≤ 500 MB",
        ),
        (
            f"novelty process peak RSS (MiniLM, {2 * seeds} pieces indexed)",
            f"{nov['novelty_rss_mb']:.0f} MB",
            "",
        ),
    ]


if __name__ == "__main__":
    main()
