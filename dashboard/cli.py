"""``python -m dashboard``: check the run directory (or runs folder), then serve the app on 127.0.0.1."""

from __future__ import annotations

import logging
import os
import sys

from dashboard.errors import DashboardError
from dashboard.registry import Registry
from dashboard.source import RunSource, find_runs


def check(run_dir: str | None, runs_dir: str | None) -> Registry:
    """The registry to serve; raises DashboardError with a one-line reason when the input is unusable."""
    if run_dir is not None:
        RunSource(run_dir).close()  # NotARunError: missing, not a run, newer format, unreadable index
        return Registry(run_dir=os.path.abspath(run_dir))
    folder = runs_dir or "runs"
    find_runs(folder)  # NotARunError when the folder is missing; unreadable runs show on the runs page
    return Registry(runs_dir=os.path.abspath(folder))


def warm(registry: Registry) -> None:
    """Pay the one-time costs before the first page asks: plotly's figure classes (about 0.5 s to import and
    validate the first time) and, for one run, the per-seed table every aggregate reads (0.5 s at 100k seeds)
    and what the run, lineage and population pages read first (1.5 s at 100k seeds; cached per index version,
    so a finished run's first paint reads nothing from the index)."""
    from dashboard import figures, queries
    from dashboard.pages import lineage, population, run
    from dashboard.queries import Activity, Evaluations

    figures.fitness_curves(Evaluations([0, 0], [0.1, 0.2], [0.0, 1.0]))
    figures.activity(Activity(0.0, 1.0, {0: 1}, {0: 1}, {}, {0: 1}, {}, {}, {}, {}))
    figures.map_elites({(0, 0): (0.5, "0" * 64)}, 2, 2)
    figures.task_strip([("t", 1, 1, "")], "")
    if registry.run_dir is not None:
        try:
            source = registry.get(None).source
            source.read(queries.sync)
            for page in (run, lineage, population):
                page.prefetch(source)
        except DashboardError:
            pass  # the page will say what is wrong


def serve(run_dir: str | None, runs_dir: str | None, host: str, port: int) -> int:
    try:
        registry = check(run_dir, runs_dir)
    except DashboardError as err:
        print(f"dashboard: {err}", file=sys.stderr)
        return 1
    from dashboard.app import create_app

    app = create_app(registry)
    warm(registry)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    where = registry.run_dir or registry.runs_dir
    print(f"seedpop dashboard on http://{host}:{port}/ for {where} (read-only; Ctrl-C stops it)", flush=True)
    try:
        app.run(host=host, port=port, debug=False)
    except OSError as err:
        print(
            f"dashboard: cannot listen on {host}:{port} ({err.strerror}); pass another --port",
            file=sys.stderr,
        )
        return 1
    return 0
