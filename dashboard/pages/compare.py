"""Compare page: two or more runs' fitness curves, budgets and champions side by side."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, dcc, html

from dashboard import figures, queries, ui
from dashboard.pages.runs import row
from dashboard.registry import Registry


def layout(registry: Registry, run: str | None, q: dict[str, str]) -> Any:
    names = registry.names()
    chosen = [n for n in (q.get("runs") or "").split(",") if n in names] or names[:4]
    return [
        dcc.Dropdown(id="cmp-runs", options=names, value=chosen, multi=True, placeholder="runs to compare"),
        dcc.Graph(id="cmp-curves", config={"displaylogo": False}),
        html.Div(id="cmp-table"),
    ]


def register(app: dash.Dash, registry: Registry) -> None:
    @app.callback(
        Output("cmp-curves", "figure"),
        Output("cmp-table", "children"),
        Input("cmp-runs", "value"),
        Input("token", "data"),
    )
    @ui.guarded(lambda msg: (figures.empty(msg[:90]), ui.message(msg)))
    def update(names: list[str] | None, _t: Any) -> Any:
        names = names or []
        curves = {}
        for name in names:
            try:
                curves[name] = registry.get(name).source.cached("evaluations", queries.evaluations)
            except Exception:
                continue  # the table row says why
        head = html.Tr(
            [
                html.Th(h)
                for h in (
                    "run",
                    "state",
                    "budget",
                    "evaluations",
                    "best evolved (train)",
                    "best origin (train)",
                    "champion",
                )
            ]
        )
        return figures.compare_curves(curves), html.Table(
            [head, *(row(registry, n) for n in names)], className="runs"
        )
