"""Population page: the MAP-Elites grid, islands, per-operator success, and the novelty-embedding map."""

from __future__ import annotations

from typing import Any

import dash
import numpy as np
from dash import Input, Output, State, dcc, html

from dashboard import figures, queries, ui
from dashboard.registry import Registry
from dashboard.source import RunSource

GRAPHS = ("pop-grid", "pop-islands", "pop-operators", "pop-novelty")


def layout(registry: Registry, run: str | None, q: dict[str, str]) -> Any:
    opened = registry.get(run)
    opened.facts.start()
    opened.embeddings.start()
    return [
        html.Div(id="pop-progress", className="card-sub"),
        html.Div(
            [html.Div(dcc.Graph(id=g, config={"displayModeBar": False}), className="half") for g in GRAPHS],
            className="row",
        ),
    ]


def prefetch(src: RunSource) -> None:
    """Compute what the page's first paint reads from the index into the cache."""
    src.cached("island_fitness", queries.island_fitness)
    src.cached("operators_figure", queries.operator_success, figures.operators)


def register(app: dash.Dash, registry: Registry) -> None:
    def failed(msg: str) -> tuple[Any, ...]:
        return (ui.message(msg), *(figures.empty(msg[:90]) for _ in GRAPHS))

    @app.callback(
        Output("pop-progress", "children"),
        *(Output(g, "figure") for g in GRAPHS),
        Input("token", "data"),
        Input("tick", "n_intervals"),
        State("url", "search"),
    )
    @ui.guarded(failed)
    def update(_t: Any, _n: Any, search: str | None) -> tuple[Any, ...]:
        opened = registry.get(ui.params(search).get("run"))
        src, facts, emb = opened.source, opened.facts, opened.embeddings
        cells, _evals = facts.snapshot()
        members = {
            int(i.get("index", k)): int(i.get("size", 0))
            for k, i in enumerate(src.status().get("islands") or [])
            if isinstance(i, dict)
        }
        vectors = emb.snapshot()
        ids = list(vectors)
        info = (  # only the seeds the map shows need their fitness and island
            src.cached("nodes_all", lambda c: {n.id: n for n in queries.graph(c, limit=emb.limit).nodes})
            if ids
            else {}
        )
        progress = f"records read for the grid: {facts.read} of {facts.total} · novelty map: {emb.status}"
        if facts.errors:
            progress += f" · {len(facts.errors)} unreadable: {facts.errors[-1][:160]}"
        return (
            progress,
            figures.map_elites(
                {(c.families, c.size_bin): v for c, v in cells.items()},
                facts.bins,
                len(set(facts.families.values())),
            ),
            figures.islands(src.cached("island_fitness", queries.island_fitness), members),
            src.cached("operators_figure", queries.operator_success, figures.operators),
            figures.novelty_map(
                ids,
                np.stack([vectors[s] for s in ids]) if ids else np.zeros((0, 2)),
                [info[s].best if s in info else None for s in ids],
                [info[s].island if s in info else -1 for s in ids],
                emb.status,
            ),
        )
