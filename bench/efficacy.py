"""Evolution efficacy with a control arm: does the full loop make seeds better on tasks it never selected on,
and better than random search with the same LLM-token budget?

1. Arm ``evolution``: ``python -m population run`` for ``--hours`` (default 2) with the default loop (racing on
   train blocks, the configured selector, islands). Its champion and best origin are chosen on the
   ``validation`` split by the run itself (population/README.md, "Champion").
2. Arm ``random_search``: the same origin seeds and operators, with the token budget the evolution arm spent
   (``max_tokens``; with ``--model none`` no tokens are spent, so its evaluation count instead): uniform
   parent choice over every seed born (``selector = "uniform"``, islands that keep everyone), no racing
   (``race_alpha`` so small that no child is ever stopped), champion chosen on validation the same way.
   Its completion cache starts as a copy of the evolution arm's: a request both arms make (the origins'
   train tasks and validation) gets the same completion either way and counts against the budget the
   same; the copy only saves the machine time of computing it twice.
3. Scoring (resumable: every task's result is saved as it comes, ``<out dir>/efficacy-scores.json``; run the
   same command again after an interruption; task by task, every seed on a task before the next, so what is
   done is always paired): each arm's champion and best origin on the core ``holdout``
   split and on HumanEval (pass@1, one solve per problem). Paired statistics on the same tasks: exact
   McNemar p (two-sided) and a bootstrap 95% CI of the pass-rate difference, for champion vs best origin in
   each arm, and evolution's champion vs random search's (``control``).

    python bench/efficacy.py                                    # the reference 2-hour-per-arm experiment
    python bench/efficacy.py --tokens 600000                    # the same, budgeted in LLM tokens (load-proof)
    python bench/efficacy.py --model none --origin templates --minutes 1 --humaneval-tasks 3 \\
        --holdout-tasks 3 --out /tmp/eff                         # plumbing check, a few minutes

A measurement outlasts a sitting, and the next sitting may be on another machine: ``--state FILE`` carries it.
Stop the bench (``python -m population stop --run-dir <out>/<arm>``, or Ctrl-C, during a run; anything during
scoring), then ``--pack`` writes the out directory's portable part — archives, journals, completion caches,
configs, logs and scores; not the embedded Redis, which a resume rebuilds — to FILE (a few MB of tar.xz: commit
it). The same command with ``--state FILE`` on any machine unpacks it into an empty ``--out`` and goes on::

    python bench/efficacy.py --tokens 600000 --out runs/eff --state bench/results/efficacy-core2.state.tar.xz
    python -m population stop --run-dir runs/eff/evolution         # time is up: stop the arm cleanly
    python bench/efficacy.py --out runs/eff --state bench/results/efficacy-core2.state.tar.xz --pack

The result JSON (``bench/results/efficacy-<UTC time>.json`` unless ``--result``) holds the commit, config, model,
machine load and timestamps, and ``arms.<arm>.champion|best_origin`` (seed id, pass@1 on validation, holdout,
humaneval), ``arms.<arm>.paired.holdout|humaneval`` (``p``, ``ci_low``, ``ci_high``, ``n``), ``arms.<arm>.run``
(the run's figures: neutral rate, task-runs per evaluation, …) and ``control.holdout|humaneval``.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from llm.models import DEFAULT_MODEL  # noqa: E402  (after the path above)

ARMS = ("evolution", "random_search")
BOOTSTRAP = 2000


def arm_config(arm: str, args: argparse.Namespace, budget: dict[str, int]) -> dict[str, Any]:
    """The run config of one arm. ``budget`` is what the evolution arm spent (for the control arm)."""
    cfg: dict[str, Any] = {
        "name": f"efficacy-{arm}",
        "model": args.model,
        "suite": "core",
        "seed": args.seed,
        "slots": args.slots,
        "solve_timeout_s": args.solve_timeout,
        "validation_tasks": args.validation_tasks,
        "holdout_tasks": 1,  # the run's own holdout line; the bench scores holdout itself below
        "display": False,
    }
    if args.origin:
        cfg["origin"] = args.origin
    if args.model == "none":
        cfg["novelty"] = "off"
    if arm == "evolution":
        cfg["time_budget"] = f"{int(args.minutes * 60)}s" if args.minutes else 0
        if args.tokens:
            cfg["max_tokens"] = args.tokens
        cfg.update(dict(kv.split("=", 1) for kv in args.set))  # e.g. --set evidence=tests selector=lexicase
        return cfg
    cfg.update(selector="uniform", island_size=100_000, migration_interval=0, race_alpha=1e-9)
    if budget["tokens"]:
        cap = f"{int(args.minutes * 120)}s" if args.minutes else 0  # a safety cap: twice evolution's time
        cfg.update(max_tokens=budget["tokens"], time_budget=cap)
    else:
        cfg.update(max_evals=max(1, budget["evaluations"]), time_budget=0)
    return cfg


def evolve(run_dir: Path, cfg: dict[str, Any]) -> dict[str, Any]:
    """Run one arm to its end (skipped when ``run_dir`` holds a finished run); its ``status.json``."""
    status = run_dir / "status.json"
    if status.exists() and json.loads(status.read_text(encoding="utf-8")).get("state") == "finished":
        return dict(json.loads(status.read_text(encoding="utf-8")))
    path = run_dir.parent / f"{run_dir.name}.toml"
    # An interrupted arm resumes: its run seconds and tokens count on from where it stopped.
    if (run_dir / "config.toml").exists():
        cmd = [sys.executable, "-m", "population", "resume", "--run-dir", str(run_dir), "--no-display"]
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(f"{k} = {json.dumps(v)}\n" for k, v in cfg.items()), encoding="utf-8")
        cmd = [sys.executable, "-m", "population", "run", "--config", str(path), "--run-dir", str(run_dir)]
    done = subprocess.run(cmd, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(
            f"the {run_dir.name} run failed with exit code {done.returncode}; see {run_dir}/logs"
        )
    data = json.loads(status.read_text(encoding="utf-8"))
    if data.get("state") != "finished":
        raise SystemExit(
            f"the {run_dir.name} run stopped before its budget was spent (state {data.get('state')!r}); "
            "run the same command again to resume it (add --pack to save it first, see --state)"
        )
    if not data.get("champion") or not data.get("best_origin"):
        raise SystemExit(f"the {run_dir.name} run named no champion or no best origin; see {status}")
    return dict(data)


def copy_sqlite(src_path: Path, dst_path: Path) -> None:
    """A consistent copy of a SQLite database (the backup API: committed rows, WAL included)."""
    src, dst = sqlite3.connect(src_path), sqlite3.connect(dst_path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def share_cache(run_dirs: dict[str, Path]) -> None:
    """Start the control arm's completion cache as a copy of the evolution arm's.

    A completion is keyed by the model and the whole request (prompt, sampling, seed), so the control arm gets,
    for every request the evolution arm already made (the origins' train tasks, their validation), exactly the
    completion it would compute, and its budget counts the replay like the call. Only wall-clock time changes:
    the origins' validation alone is ~1.7 hours of model time per arm on the 2-core machine."""
    control = run_dirs["random_search"]
    source = run_dirs["evolution"] / "cache" / "llm.sqlite"
    target = control / "cache" / "llm.sqlite"
    if control.exists() or not source.exists():
        return  # the control arm has started (its cache is its own now), or there is nothing to share
    target.parent.mkdir(parents=True)
    copy_sqlite(source, target)


def portable(rel: Path) -> bool:
    """Whether a file of the out directory belongs in a state file: not what a resume rebuilds or what only a
    live process uses (the embedded Redis, the manager's lock, SQLite's WAL files: packed databases are
    consistent copies)."""
    return not (
        "redis" in rel.parts[:-1] or rel.name == "manager.lock" or rel.name.endswith(("-wal", "-shm", ".tmp"))
    )


def live_run(out: Path) -> Path | None:
    """A run directory under ``out`` whose manager is alive (it holds ``manager.lock``), if any."""
    for lock in sorted(out.glob("*/manager.lock")):
        with open(lock, "a+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return lock.parent
            fcntl.flock(handle, fcntl.LOCK_UN)
    return None


def pack(out: Path, state: Path) -> int:
    """Write ``out``'s portable part to ``state`` (tar.xz; SQLite files copied with the backup API); files."""
    running = live_run(out)
    if running is not None:
        raise SystemExit(
            f"{running} is still running; stop it first: python -m population stop --run-dir {running}"
        )
    state.parent.mkdir(parents=True, exist_ok=True)
    partial = state.with_name(state.name + ".tmp")
    count = 0
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(partial, "w:xz") as tar:
        for path in sorted(out.rglob("*")):
            rel = path.relative_to(out)
            if not path.is_file() or not portable(rel):
                continue
            if path.suffix == ".sqlite":
                copy = Path(tmp) / f"{count}.sqlite"
                copy_sqlite(path, copy)
                tar.add(copy, arcname=str(rel))
            else:
                tar.add(path, arcname=str(rel))
            count += 1
    os.replace(partial, state)
    return count


def unpack(state: Path, out: Path) -> None:
    """Unpack a state file into ``out``; refused when ``out`` already holds a run (it would be overwritten)."""
    if any((out / arm).exists() for arm in ARMS):
        raise SystemExit(
            f"{out} already holds a run; give --state only with an empty --out, or leave it out to go on with {out}"
        )
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=out))  # a failed unpack leaves no half run
    try:
        with tarfile.open(state, "r:xz") as tar:
            tar.extractall(staging, filter="data")
        for entry in sorted(staging.iterdir()):
            os.replace(entry, out / entry.name)
    except (tarfile.TarError, OSError, EOFError) as err:
        raise SystemExit(
            f"{state} is not a readable efficacy state file ({err}); pack it again with --pack"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class Scores:
    """Per-task pass results, saved after every task (the scoring phase resumes from the file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, dict[str, bool]] = (
            json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        )

    def vector(self, sid: str, split: str) -> dict[str, bool]:
        return self.data.setdefault(f"{split}:{sid}", {})

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.data, indent=0, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)


def score(run_dirs: dict[str, Path], seeds: dict[str, str], args: argparse.Namespace, scores: Scores) -> None:
    """Score every seed in ``seeds`` (id → arm) on holdout and HumanEval, task by task, skipping tasks done."""
    from fitness.harness import EvalConfig, Harness
    from fitness.scoring import CascadeConfig
    from fitness.suites import load_suite
    from lineage import Archive
    from llm.broker import Broker
    from population.slots import parse_slots

    holdout = load_suite("core").split("holdout")
    human = load_suite("humaneval").split("all")
    plan = {
        "holdout": holdout[: args.holdout_tasks] if args.holdout_tasks else holdout,
        "humaneval": human[: args.humaneval_tasks] if args.humaneval_tasks else human,
    }
    broker = None
    if args.model != "none":
        cache = run_dirs["evolution"] / "cache" / "llm.sqlite"
        broker = Broker.start(args.model, slot=parse_slots(args.slots, args.model)[0], cache_path=cache)
    config = EvalConfig(
        cascade=CascadeConfig(enabled=False), tokens_per_task=4000, solve_timeout_s=args.solve_timeout
    )
    sources: dict[str, str] = {}
    for sid, arm in seeds.items():
        with Archive.open(str(run_dirs[arm])) as archive:
            sources[sid] = archive.source(sid)
    try:
        with Harness(broker, config, args.model) as harness:
            # Task-major: every seed solves a task before the next task starts, so an interruption leaves all
            # seeds scored on the same tasks and the paired figures of what is done are already meaningful.
            for split, tasks in plan.items():
                for i, task in enumerate(tasks, 1):
                    for sid in seeds:
                        done = scores.vector(sid, split)
                        if task.id in done:
                            continue
                        result, _ = harness.score_task(sources[sid], task, sid)
                        done[task.id] = bool(result.total) and result.passed == result.total
                        scores.save()
                    if i % 10 == 0 or i == len(tasks):
                        solved = ", ".join(
                            f"{seeds[sid]} {sid[:8]} {sum(scores.vector(sid, split).values())}"
                            for sid in seeds
                        )
                        print(f"{split} {i}/{len(tasks)} tasks: solved {solved}", flush=True)
    finally:
        if broker is not None:
            broker.close()


def paired(a: dict[str, bool], b: dict[str, bool], seed: int) -> dict[str, float]:
    """``a`` against ``b`` on their common tasks: exact two-sided McNemar p, bootstrap 95% CI of the
    pass-rate difference (``BOOTSTRAP`` resamples of the tasks, seeded), and ``n``."""
    from population.racing import paired as count
    from population.racing import sign_p
    from population.rng import derive_rng

    p = count(a, b)
    common = sorted(a.keys() & b.keys())
    diffs = [int(a[t]) - int(b[t]) for t in common]
    rng = derive_rng(seed, "bootstrap")
    means = (
        sorted(sum(rng.choices(diffs, k=len(diffs))) / len(diffs) for _ in range(BOOTSTRAP))
        if diffs
        else [0.0]
    )
    low, high = means[int(0.025 * (len(means) - 1))], means[int(0.975 * (len(means) - 1))]
    mcnemar = min(1.0, 2 * sign_p(min(p.wins, p.losses), max(p.wins, p.losses)))
    return {"p": mcnemar, "ci_low": low, "ci_high": high, "n": p.n, "wins": p.wins, "losses": p.losses}


def summarize(
    statuses: dict[str, dict[str, Any]],
    chosen: dict[str, tuple[str, str]],
    run_dirs: dict[str, Path],
    scores: Scores,
    seed: int,
) -> dict[str, Any]:
    """Per arm with a champion: its champion and best origin (validation, holdout, HumanEval), the paired
    figures on the tasks both have been scored on, and the run's figures."""
    from population.status import Snapshot, run_figures

    arms: dict[str, Any] = {}
    for arm, (champion, origin) in chosen.items():
        validation = statuses[arm].get("validation", {})
        entry: dict[str, Any] = {"run_dir": str(run_dirs[arm])}
        for role, sid in (("champion", champion), ("best_origin", origin)):
            entry[role] = {
                "id": sid,
                "validation": validation.get(sid),
                "holdout": rate(scores.vector(sid, "holdout")),
                "humaneval": rate(scores.vector(sid, "humaneval")),
            }
        entry["champion_reason"] = statuses[arm].get("champion_reason", "")
        entry["paired"] = {
            split: paired(scores.vector(champion, split), scores.vector(origin, split), seed)
            for split in ("holdout", "humaneval")
        }
        entry["run"] = run_figures(Snapshot.from_json(statuses[arm]))
        arms[arm] = entry
    return arms


def versus_control(chosen: dict[str, tuple[str, str]], scores: Scores, seed: int) -> dict[str, Any]:
    """Evolution's champion against random search's, per unseen split (``chosen``: arm → (champion, origin))."""
    evo, rnd = chosen["evolution"][0], chosen["random_search"][0]
    return {
        split: paired(scores.vector(evo, split), scores.vector(rnd, split), seed)
        for split in ("holdout", "humaneval")
    }


def show(arms: dict[str, Any], control: dict[str, Any]) -> None:
    """The result table, the paired figures and the clock-bound share per arm."""
    print(f"{'arm':<14} {'seed':<14} {'validation':>10} {'holdout':>8} {'HumanEval':>9}")
    for arm, entry in arms.items():
        for role in ("champion", "best_origin"):
            e = entry[role]
            cells = [
                f"{e[k]:.3f}" if e[k] is not None else "—" for k in ("validation", "holdout", "humaneval")
            ]
            print(f"{arm:<14} {role + ' ' + e['id'][:6]:<14} {cells[0]:>10} {cells[1]:>8} {cells[2]:>9}")
        clock = entry["run"].get("clock_bound_rate", float("nan"))
        print(
            f"  {arm}: {clock:.1%} of train solves ran out of wall-clock time (high: the load, not the seeds)"
        )
        for split, p in entry["paired"].items():
            ci = f"[{p['ci_low']:.3f}, {p['ci_high']:.3f}]"
            print(f"  {arm} champion vs best origin, {split}: p {p['p']:.3g}, CI {ci}, n {p['n']}")
    for split, p in control.items():
        print(f"control (evolution vs random search champions), {split}: p {p['p']:.3g}, n {p['n']}")


def report(out: Path, seed: int) -> None:
    """What a measurement in progress knows so far: each arm's state and budget spent, and the paired figures
    of the seeds on the tasks scored so far (all seeds are scored task by task, so these are paired)."""
    run_dirs = {arm: out / arm for arm in ARMS}
    statuses: dict[str, dict[str, Any]] = {}
    for arm, run_dir in run_dirs.items():
        path = run_dir / "status.json"
        if not path.exists():
            print(f"{arm}: not started")
            continue
        status = json.loads(path.read_text(encoding="utf-8"))
        c = status.get("counters", {})
        print(
            f"{arm}: {status.get('state')}, {c.get('evaluations', 0)} evaluations, {c.get('tokens', 0)} tokens, "
            f"{c.get('task_runs', 0)} task-runs ({c.get('clock_bound', 0)} clock-bound), "
            f"champion {str(status.get('champion') or '—')[:12]}"
        )
        if status.get("state") == "finished" and status.get("champion") and status.get("best_origin"):
            statuses[arm] = status
    chosen = {arm: (s["champion"], s["best_origin"]["id"]) for arm, s in statuses.items()}
    scores = Scores(out / "efficacy-scores.json")
    if not chosen or not scores.data:
        print("no seed scored on holdout or HumanEval yet")
        return
    arms = summarize(statuses, chosen, run_dirs, scores, seed)
    control = versus_control(chosen, scores, seed) if len(chosen) == len(ARMS) else {}
    print("interim: the rates and paired figures below are over the tasks scored so far")
    show(arms, control)


def rate(vector: dict[str, bool]) -> float | None:
    return sum(vector.values()) / len(vector) if vector else None


def git_commit() -> str:
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def same_code(out: Path) -> dict[str, str]:
    """The code a measurement started with, and when (``<out>/efficacy-code.json``, written at its start).
    Refuses to go on with other code: an arm resumed or a seed scored by another framework measures a mix."""
    from population.version import code_version

    path = out / "efficacy-code.json"
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    here = {"commit": git_commit(), "code": code_version(), "started": now}
    if not path.exists():
        path.write_text(json.dumps(here) + "\n", encoding="utf-8")
        return here
    started = json.loads(path.read_text(encoding="utf-8"))
    if started.get("code") != here["code"]:
        raise SystemExit(
            f"{out} was started with other framework code (commit {started.get('commit', '?')[:12]}, code "
            f"{started.get('code')}; here {here['code']}); go on with that commit's framework and this bench: "
            f"git worktree add ../efficacy {started.get('commit', 'COMMIT')} && cp bench/efficacy.py ../efficacy/bench/"
        )
    return started


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--minutes",
        type=float,
        default=None,
        help="evolution arm's time budget (default 120, or none when --tokens is given)",
    )
    parser.add_argument(
        "--tokens",
        type=int,
        default=0,
        help="evolution arm's budget in LLM tokens (prompt + completion; a cache replay counts like the call "
        "it replays): the same amount of evolution whatever the machine's load; the control arm gets what "
        "the evolution arm spent",
    )
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--origin", nargs="*", default=None, help="origin seeds (default: the config's)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="directory of the runs and scores")
    parser.add_argument("--result", type=Path, default=None, help="result JSON (default bench/results/…)")
    parser.add_argument(
        "--state",
        type=Path,
        default=None,
        help="a state file (tar.xz) to carry the measurement to another sitting or machine: unpacked into an "
        "empty --out at the start; written by --pack",
    )
    parser.add_argument(
        "--pack", action="store_true", help="write --out's portable state to --state, then exit"
    )
    parser.add_argument(
        "--report",
        action="store_true",
        help="print what the measurement in --out knows so far (arms' progress, interim paired figures); "
        "runs nothing",
    )
    parser.add_argument(
        "--humaneval-tasks", type=int, default=0, help="first N HumanEval problems (0: all 164)"
    )
    parser.add_argument("--holdout-tasks", type=int, default=0, help="first N core holdout tasks (0: all)")
    parser.add_argument(
        "--validation-tasks", type=int, default=0, help="validation tasks per finalist (0: all)"
    )
    parser.add_argument("--slots", default="auto", help="the runs' slots, e.g. cpu:1 (and the scoring slot)")
    parser.add_argument(
        "--solve-timeout",
        type=float,
        default=300.0,
        help="wall seconds per solve, in the runs and in scoring (default 300: long enough that each solve's "
        "4000-token budget ends it, not the clock, so the machine's load slows the bench but changes no "
        "result; the runs' default of 90 s turns load into failed solves)",
    )
    parser.add_argument(
        "--set",
        nargs="*",
        default=[],
        metavar="KEY=VALUE",
        help="string config keys for the evolution arm, e.g. evidence=tests selector=lexicase (the variant "
        "under test; the control arm stays random search)",
    )
    args = parser.parse_args()
    if args.pack:
        if args.state is None or args.out is None:
            parser.error("--pack needs --out (the bench's directory) and --state (the file to write)")
        if not any((args.out / arm).is_dir() for arm in ARMS):
            parser.error(f"{args.out} holds no efficacy run to pack")
        files = pack(args.out, args.state)
        print(f"{args.state}: {files} files, {args.state.stat().st_size / 1e6:.1f} MB")
        return
    if args.report:
        if args.out is None or not args.out.is_dir():
            parser.error("--report needs --out, the directory of a measurement")
        report(args.out, args.seed)
        return
    if args.state is not None:
        if args.out is None:
            parser.error("--state needs --out: the directory to unpack it into and go on in")
        if not args.state.exists():
            parser.error(f"state file {args.state} does not exist; write one with --pack")
        if not any((args.out / arm).exists() for arm in ARMS):
            unpack(args.state, args.out)
    if args.minutes is None:
        args.minutes = 0.0 if args.tokens else 120.0
    if args.minutes < 0 or args.tokens < 0 or not (args.minutes or args.tokens):
        parser.error("give the evolution arm a budget: --minutes > 0 and/or --tokens > 0")
    if args.tokens and not args.minutes and args.model == "none":
        parser.error("--model none spends no tokens: give --minutes (or --tokens with a model)")
    started = time.time()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(started))
    out = args.out or REPO / "runs" / f"efficacy-{stamp}"
    out.mkdir(parents=True, exist_ok=True)
    code = same_code(out)
    run_dirs = {arm: out / arm for arm in ARMS}
    load = {"before": os.getloadavg()}
    statuses: dict[str, dict[str, Any]] = {}
    budget = {"tokens": 0, "evaluations": 0}
    configs: dict[str, dict[str, Any]] = {}
    for arm in ARMS:
        configs[arm] = arm_config(arm, args, budget)
        if arm == "random_search":
            share_cache(run_dirs)
        statuses[arm] = evolve(run_dirs[arm], configs[arm])
        if arm == "evolution":
            c = statuses[arm]["counters"]
            budget = {"tokens": int(c["tokens"]), "evaluations": int(c["evaluations"])}
    load["after_runs"] = os.getloadavg()
    chosen = {arm: (s["champion"], s["best_origin"]["id"]) for arm, s in statuses.items()}
    seeds = {sid: arm for arm, pair in chosen.items() for sid in pair}
    scores = Scores(out / "efficacy-scores.json")
    score(run_dirs, seeds, args, scores)
    load["after_scoring"] = os.getloadavg()

    arms = summarize(statuses, chosen, run_dirs, scores, args.seed)
    for arm in arms:
        arms[arm]["config"] = configs[arm]
    result = {
        "commit": code["commit"],
        "code_version": code["code"],
        "model": args.model,
        "command": " ".join(sys.argv),
        "machine": {"cpus": os.cpu_count(), "load": load},
        "started": code.get("started") or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "budget": {"evolution_minutes": args.minutes, "evolution_tokens": args.tokens, **budget},
        "arms": arms,
        "control": versus_control(chosen, scores, args.seed),
    }
    path = args.result or REPO / "bench" / "results" / f"efficacy-{stamp}.json"
    path.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    show(arms, result["control"])
    print(f"result: {path}")


if __name__ == "__main__":
    main()
