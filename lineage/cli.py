"""Argument parsing and dispatch for ``python -m lineage --run-dir DIR <command>``.

Exit codes: 0 success, 1 an expected error (printed as one line on stderr) or a failed ``verify``,
2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from rich.console import Console

from genome.errors import SeedpopError
from lineage import commands
from lineage.export import FORMATS

Command = Callable[[argparse.Namespace, Console], int]


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The full parser; each subcommand stores its function as ``args.func``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON for scripts"
    )
    parser = argparse.ArgumentParser(
        prog="python -m lineage", description="Inspect and maintain a run's seed archive.", parents=[common]
    )
    parser.add_argument(
        "--run-dir", required=True, help="the run directory (holds objects/ and lineage.sqlite)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")

    def add(name: str, func: Command, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, parents=[common])
        p.set_defaults(func=func)
        return p

    p = add("init", commands.cmd_init, "create an empty archive in the run directory")
    p.add_argument("--config", help="a config file to store as the run's config")
    p = add("log", commands.cmd_log, "recent seeds with generation, operator and fitness")
    p.add_argument("-n", type=_positive, default=20, help="how many (default 20)")
    p = add("show", commands.cmd_show, "a seed's source, parents, evidence per split, records and children")
    p.add_argument("id", help="seed id or unique prefix")
    p = add("diff", commands.cmd_diff, "unified diff of two seeds' sources")
    p.add_argument("a", help="seed id or unique prefix")
    p.add_argument("b", help="seed id or unique prefix")
    p.add_argument("--canonical", action="store_true", help="diff canonical forms instead of exact sources")
    p = add("tree", commands.cmd_tree, "a seed's ancestry as a tree")
    p.add_argument("id", help="seed id or unique prefix")
    p.add_argument("--depth", type=_positive, default=12, help="generations to show (default 12)")
    p = add(
        "best",
        commands.cmd_best,
        "seeds ranked by the Wilson 95%% lower bound of their pass rate over every task of a split they ran",
    )
    p.add_argument("-n", type=_positive, default=10, help="how many (default 10)")
    p.add_argument("--island", type=int, help="only seeds proposed on this island")
    p.add_argument("--suite", help="only records of this suite (core)")
    p.add_argument("--version", help="only records of this suite version (core-2; never added to another)")
    p.add_argument(
        "--split", default="train", help="the split whose evidence ranks (default train; validation, holdout)"
    )
    add("stats", commands.cmd_stats, "counts, dedup hits, operators, per-generation fitness")
    p = add("export", commands.cmd_export, "the lineage graph as JSON or GraphML")
    p.add_argument("--format", choices=FORMATS, default="json")
    p.add_argument("-o", "--output", help="file to write (default stdout)")
    add("verify", commands.cmd_verify, "re-hash every object; exit 1 naming each corrupt one")
    add("reindex", commands.cmd_reindex, "rebuild lineage.sqlite from objects/")
    add("pack", commands.cmd_pack, "move loose objects into one pack file (saves a disk block per object)")
    p = add("add", commands.cmd_add, "put a hand-written seed into the archive as a root")
    p.add_argument("file", help="a Python file")
    p.add_argument("--operator", default="manual", help="operator recorded on its edge (default manual)")
    p.add_argument("--generation", type=int, default=0)
    p.add_argument("--island", type=int, default=0)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (argparse exits 2 itself on bad usage)."""
    args = build_parser().parse_args(argv)
    args.json = getattr(args, "json", False)
    console = Console(soft_wrap=True)
    func: Command = args.func
    try:
        return func(args, console)
    except SeedpopError as err:
        sys.stderr.write(f"lineage: error: {err}\n")
        return 1
    except BrokenPipeError:
        # `python -m lineage export | head`: the reader left; not an error, and no traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as err:
        name = err.filename if err.filename is not None else ""
        sys.stderr.write(f"lineage: error: {name}: {err.strerror or err}\n")
        return 1
