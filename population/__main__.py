"""``python -m population``: parse arguments and call :mod:`population.cli`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXCLUSIVE = ("generations", "max_evals", "time_budget")  # one way to say when a run stops


def _add_key_options(run: argparse.ArgumentParser) -> None:
    """A ``--name`` option for each config key marked ``option`` in the key table, with its help."""
    from population.config import key_table

    stop = run.add_mutually_exclusive_group()
    for name, key in key_table().items():
        if not key.option:
            continue
        group = stop if name in EXCLUSIVE else run
        flag = "--" + name.replace("_", "-")
        if key.types == (list,):
            group.add_argument(flag, dest=name, nargs="+", metavar="SEED", help=key.help)
        elif key.types == (int,):
            group.add_argument(flag, dest=name, type=int, help=key.help)
        else:
            group.add_argument(flag, dest=name, help=key.help)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``python -m population``."""
    parser = argparse.ArgumentParser(prog="python -m population", description="Evolve a population of seeds.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="start a run and watch it live")
    run.add_argument("--config", type=Path, help="TOML config file (keys: population/README.md)")
    run.add_argument("--run-dir", type=Path, help="where the run lives (default runs/<name or timestamp>)")
    _add_key_options(run)
    run.add_argument("--no-display", action="store_true", help="no live display (print the summary only)")
    run.add_argument(
        "--progress-every",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="off a terminal (a log file, a pipe): seconds between progress lines (default 30)",
    )
    resume = sub.add_parser("resume", help="go on with a run whose manager died, was stopped or lost Redis")
    resume.add_argument("--run-dir", type=Path, required=True)
    resume.add_argument("--no-display", action="store_true", help="no live display (print the summary only)")
    resume.add_argument("--progress-every", type=float, default=30.0, metavar="SECONDS")
    for name in ("status", "stop"):
        cmd = sub.add_parser(name, help=f"{name} of a run")
        cmd.add_argument("--run-dir", type=Path, required=True)
        if name == "status":
            cmd.add_argument("--json", action="store_true")
    replay = sub.add_parser(
        "replay", help="run a finished run again from its config and cache; report any seed that differs"
    )
    replay.add_argument("run_dir", type=Path, metavar="RUN_DIR", help="a finished run's directory")
    replay.add_argument(
        "--into", type=Path, help="keep the replay's run directory here (default: a temporary one, removed)"
    )
    worker = sub.add_parser(
        "worker",
        help="serve a running run from this machine (the manager starts its own; start more by hand)",
    )
    worker.add_argument(
        "--redis", required=True, help="the run's Redis URL (redis://host:port/db, rediss://…)"
    )
    worker.add_argument("--run", required=True, help="the run key (python -m population status shows it)")
    worker.add_argument("--name", default="", help="worker name (default <host>-<pid>)")
    worker.add_argument("--slots", "--slot", dest="slot", default="auto", help="where the model runs here")
    worker.add_argument("--model", default="", help="must equal the run's model (default: the run's)")
    worker.add_argument("--loops", type=int, default=0, help="loops sharing the model (default: the run's)")
    worker.add_argument("--cache-dir", default="cache", help="LLM completion cache directory on this machine")
    worker.add_argument("--manager-pid", type=int, default=0, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; returns the exit code."""
    from population import cli

    args = build_parser().parse_args(argv)
    if args.command == "run":
        from population.config import key_table

        overrides = {name: getattr(args, name) for name, key in key_table().items() if key.option}
        overrides["display"] = False if args.no_display else None
        if args.generations is not None or args.max_evals is not None:
            overrides["time_budget"] = overrides["time_budget"] or 0
        return cli.run_command(overrides, args.config, args.run_dir, args.progress_every)
    if args.command == "resume":
        return cli.resume_command(args.run_dir, args.no_display, args.progress_every)
    if args.command == "status":
        return cli.status_command(args.run_dir, args.json)
    if args.command == "stop":
        return cli.stop_command(args.run_dir)
    if args.command == "replay":
        return cli.replay_command(args.run_dir, args.into)
    return cli.worker_command(
        args.redis, args.run, args.name, args.slot, args.loops, args.cache_dir, args.manager_pid, args.model
    )


if __name__ == "__main__":
    sys.exit(main())
