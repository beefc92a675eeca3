"""``python -m dashboard``: parse arguments and call :func:`dashboard.cli.serve`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard", description="Watch a seedpop run in the browser."
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--run-dir", help="one run directory (e.g. runs/<name>)")
    where.add_argument("--runs", help="a folder of run directories (default: runs/)")
    parser.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    args = parser.parse_args(argv)
    from dashboard.cli import serve

    return serve(args.run_dir, args.runs, args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
