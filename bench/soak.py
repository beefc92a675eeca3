"""Soak: run the population loop for an hour and watch what a leak would make grow.

    python bench/soak.py                       # 60 minutes, --model none, a sample every 30 s
    python bench/soak.py --minutes 10 --every 10
    python bench/soak.py --model qwen2.5-coder-0.5b --origin sample_filter   # with the real model

It starts ``python -m population run`` (default ``--model none`` with the ``templates`` origin and a
toggling seed, so the loop turns over as fast as it can: the framework is what soaks, not the model) and every
``--every`` seconds samples, per role of the run's process tree (``population.accounting.role``: manager,
workers, novelty filter, redis-server, sandboxes, model processes):

* resident memory (RSS, MiB), open file descriptors and the number of processes;
* from the run's Redis: ``used_memory`` and the lengths of the jobs, results and events streams;
* from ``status.json``: evaluations and children so far;
* the manager's own breakdown of its memory by allocator (``mgr_*``: Python's small objects, pymalloc arenas,
  malloc in use and free, SQLite), which it writes to ``memory.jsonl`` because the soak sets
  ``SEEDPOP_MEMSTATS`` (``population/memstats.py`` says how to read the slopes).

Each sample is a line of ``--out`` (JSON lines, flushed as it is taken). At the end it prints, per series,
the first and last value and the least-squares slope per hour over the second half of the run (after
warm-up), and writes that table to ``--report``. A slope near 0 is the pass; nothing is asserted. An
interrupted soak is not resumed (a soak is one continuous run): run it again.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import psutil  # type: ignore[import-untyped]  # noqa: E402  (no stubs in the venv)
import redis  # noqa: E402

from population import keys, memstats  # noqa: E402
from population.accounting import role  # noqa: E402

# A seed with no LLM whose children alternate, so the run makes new seeds for as long as it lasts.
TOGGLE = """
FLAG = 0


def solve(task, llm, tools):
    return "def %s(*args):\\n    return %d\\n" % (task.entry_point, FLAG % 3)


def reproduce(source, n, rng_seed, genome, llm):
    return [source.replace("FLAG = %d" % FLAG, "FLAG = %d" % (FLAG + 1 + k + rng_seed % 997), 1) for k in range(n)]
"""

ROLES = ("manager", "workers", "novelty", "redis", "sandboxes", "llm", "other")


def sample_tree(root: int) -> dict[str, float]:
    """RSS (MiB), open descriptors and process count per role of ``root``'s tree (the manager's)."""
    out = {f"{r}_{what}": 0.0 for r in ROLES for what in ("rss_mib", "fds", "procs")}
    try:
        top = psutil.Process(root)
        procs = [(top, "manager"), *((p, "") for p in top.children(recursive=True))]
    except psutil.Error:
        return out
    for proc, known in procs:
        try:
            name = known or role(proc.cmdline())
            name = name if name in ROLES else "other"
            out[f"{name}_rss_mib"] += proc.memory_info().rss / 2**20
            out[f"{name}_fds"] += proc.num_fds()
            out[f"{name}_procs"] += 1
        except psutil.Error:
            continue
    return out


def sample_redis(run_dir: Path) -> dict[str, float]:
    """The run's Redis: used memory (MiB) and its streams' lengths (empty when it does not answer)."""
    try:
        marker = json.loads((run_dir / "population.json").read_text(encoding="utf-8"))
        client = redis.Redis.from_url(marker["redis"], socket_timeout=5)
        run = marker["key"]
        memory: Any = client.info("memory")
        return {
            "redis_used_mib": float(memory["used_memory"]) / 2**20,
            "jobs_stream": float(client.xlen(keys.jobs(run))),
            "results_stream": float(client.xlen(keys.results(run))),
            "events_stream": float(client.xlen(keys.events(run))),
        }
    except (OSError, ValueError, KeyError, redis.exceptions.RedisError):
        return {}


def sample_status(run_dir: Path) -> dict[str, float]:
    try:
        data = json.loads((run_dir / "status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    c = data.get("counters", {})
    return {
        "evaluations": float(c.get("evaluations", 0)),
        "children": float(c.get("children", 0)),
        "running": float(data.get("state") == "running"),
    }


MIB_FIELDS = ("rss", "rss_anon", "malloc_used", "malloc_free", "sqlite_used", "py_traced")


def last_memstats(run_dir: Path) -> dict[str, Any]:
    """The manager's last line of ``memory.jsonl`` (``population/memstats.py``), or {} before its first."""
    try:
        lines = (run_dir / memstats.FILE).read_text(encoding="utf-8").splitlines()
        return json.loads(lines[-1]) if lines else {}
    except (OSError, ValueError):
        return {}


def sample_memstats(run_dir: Path) -> dict[str, float]:
    """The manager's own breakdown (its last sample) as ``mgr_*`` series: bytes in MiB, pymalloc blocks in
    thousands, arenas as a count."""
    last = last_memstats(run_dir)
    out = {f"mgr_{k}_mib": last[k] / 2**20 for k in MIB_FIELDS if k in last}
    if "py_blocks" in last:
        out["mgr_py_kblocks"] = last["py_blocks"] / 1000
    if "py_arenas" in last:
        out["mgr_py_arenas"] = float(last["py_arenas"])
    return out


def traced_growth(run_dir: Path) -> list[str]:
    """With ``--trace``: the manager's source lines whose allocations grew most over the soak (its last sample)."""
    top = last_memstats(run_dir).get("top")
    if not top:
        return []
    out = ["", "manager: traced allocations that grew most since its first sample", ""]
    out += [f"- {where}: {size / 2**20:+.2f} MiB in {count:+d} blocks" for where, size, count in top]
    return out


def slope_per_hour(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, value) points, per hour (0 for fewer than 2 points). Pure."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mx = sum(t for t, _ in points) / n
    my = sum(v for _, v in points) / n
    var = sum((t - mx) ** 2 for t, _ in points)
    if var == 0:
        return 0.0
    return sum((t - mx) * (v - my) for t, v in points) / var * 3600


def report(samples: list[dict[str, float]]) -> list[str]:
    """The summary table over the samples taken while the run was evolving (not its start-up, final scoring
    or shutdown): per series, first, last and the slope per hour over the second half."""
    running = [s for s in samples if s.get("running")]
    if len(running) < 2:
        return ["fewer than 2 samples while the run was evolving: run longer"]
    start, end = running[0]["t"], running[-1]["t"]
    half = [s for s in running if s["t"] >= (start + end) / 2]
    names = list(dict.fromkeys(k for s in running for k in s if k not in ("t", "running")))
    names = [k for k in names if any(s.get(k) for s in running)]
    lines = [
        f"soak: {end / 60:.1f} min, {len(running)} samples while evolving; slope over the second half "
        f"({len(half)} samples, from {half[0]['t'] / 60:.1f} min)",
        "",
        "| series | first | last | slope per hour |",
        "|---|---:|---:|---:|",
    ]
    for name in names:
        points = [(s["t"], s[name]) for s in half if name in s]
        first = next((s[name] for s in running if name in s), 0.0)
        last = next((s[name] for s in reversed(running) if name in s), 0.0)
        lines.append(f"| {name} | {first:.1f} | {last:.1f} | {slope_per_hour(points):+.1f} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    parser.add_argument("--model", default="none")
    parser.add_argument(
        "--origin", nargs="+", default=None, help="origin seeds (default: templates + a toggle)"
    )
    parser.add_argument(
        "--trace",
        action="store_true",
        help="tracemalloc in the manager (mgr_py_traced, and the lines that grew most in its memory.jsonl)",
    )
    parser.add_argument("--run-dir", type=Path, default=None, help="default: a new temporary directory")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "soak.jsonl")
    parser.add_argument("--report", type=Path, default=REPO / "bench" / "results" / "soak.md")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="seedpop-soak-"))
    run_dir = args.run_dir or work / "run"
    origins = args.origin
    if origins is None:
        toggle = work / "toggle.py"
        toggle.write_text(TOGGLE, encoding="utf-8")
        origins = ["templates", str(toggle)]
    cmd = [
        sys.executable,
        "-m",
        "population",
        "run",
        "--model",
        args.model,
        "--time-budget",
        f"{args.minutes * 60:.0f}s",
        "--run-dir",
        str(run_dir),
        "--no-display",
        "--origin",
        *origins,
    ]
    print(" ".join(cmd), flush=True)
    log = (work / "run.log").open("w")
    # The manager writes its memory breakdown (population/memstats.py) as often as the soak samples.
    env = os.environ | {memstats.ENV: f"{args.every:g}", memstats.TRACE_ENV: "1" if args.trace else ""}
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env)
    started = time.monotonic()
    load_at_start = os.getloadavg()[0]
    samples: list[dict[str, float]] = []
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"soak": str(run_dir), "cmd": cmd, "time": time.time()}) + "\n")
        try:
            while proc.poll() is None:
                sample = {"t": round(time.monotonic() - started, 1)}
                sample |= sample_tree(proc.pid) | sample_redis(run_dir) | sample_status(run_dir)
                sample |= sample_memstats(run_dir)
                samples.append(sample)
                out.write(json.dumps(sample) + "\n")
                out.flush()
                print(
                    f"{sample['t'] / 60:5.1f} min: evaluations {sample.get('evaluations', 0):.0f}, manager "
                    f"{sample['manager_rss_mib']:.0f} MiB, workers {sample['workers_rss_mib']:.0f} MiB, "
                    f"processes {sum(sample[f'{r}_procs'] for r in ROLES):.0f}, jobs stream "
                    f"{sample.get('jobs_stream', 0):.0f}",
                    flush=True,
                )
                deadline = time.monotonic() + args.every
                while proc.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.5)
        except KeyboardInterrupt:
            proc.terminate()
        proc.wait()
    lines = report(samples)
    lines += traced_growth(run_dir)
    lines.append("")
    lines.append(
        f"command: python bench/soak.py --minutes {args.minutes:g} --every {args.every:g} --model {args.model}"
        + (" --trace" if args.trace else "")
    )
    lines.append(f"run exit status {proc.returncode}; run log {work / 'run.log'}")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    lines.append(f"commit {commit.stdout.strip() or 'unknown'}; load average at start {load_at_start:.2f}")
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if proc.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
