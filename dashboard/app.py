"""The Dash app: one URL router, a tick that notices changes, and the pages (``dashboard/pages``)."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import figures, foreground, plotly_bundle, ui
from dashboard.live import TICK_MS
from dashboard.pages import compare, lineage, population, run, runs
from dashboard.registry import Registry

PAGES = {"run": run, "lineage": lineage, "population": population, "runs": runs, "compare": compare}

CSS = """
body { font-family: system-ui, sans-serif; margin: 0; background: #fafafa; color: #222; }
.nav { display: flex; gap: 18px; align-items: center; padding: 10px 20px; background: #1f2937; }
.nav a { color: #cbd5e1; text-decoration: none; } .nav a.active { color: #fff; font-weight: 600; }
.brand { color: #fff; margin-right: 12px; } .run-name { margin-left: auto; color: #93c5fd; }
.content { padding: 14px 20px; } .row { display: flex; gap: 12px; flex-wrap: wrap; }
.cards { display: flex; gap: 10px; flex-wrap: wrap; margin-bottom: 10px; }
.card { background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px 12px; min-width: 120px; }
.card-label { font-size: 12px; color: #6b7280; } .card-value { font-size: 20px; font-weight: 600; }
.card-sub { font-size: 11px; color: #6b7280; }
.message { padding: 14px; margin: 12px 0; border-radius: 6px; background: #fff7ed; border: 1px solid #fdba74; }
.message.info { background: #eff6ff; border-color: #93c5fd; }
.half { flex: 1 1 560px; min-width: 420px; background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; }
.detail pre { max-height: 420px; overflow: auto; font-size: 12px; }
.controls { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
table.runs, table.evidence { border-collapse: collapse; background: #fff; margin: 6px 0; }
table.runs td, table.runs th, table.evidence td, table.evidence th
{ border: 1px solid #e5e7eb; padding: 6px 10px; text-align: left; font-size: 14px; }
code.cmd { background: #111827; color: #e5e7eb; padding: 4px 8px; border-radius: 4px; display: inline-block; }
"""


def create_app(registry: Registry) -> dash.Dash:
    """A Dash app over the runs of ``registry`` (read-only). Sets plotly's default template (figures.use_template).
    Its pages load plotly.js from ``assets/plotly-bundle.min.js`` (``dashboard/plotly_bundle.py``)."""
    figures.use_template()
    app = dash.Dash(
        __name__,
        title="seedpop dashboard",
        suppress_callback_exceptions=True,
        update_title="",
        serve_locally=True,
        assets_ignore=plotly_bundle.assets_ignore(),  # the bundle, unless it is stale
    )
    app.index_string = app.index_string.replace("{%css%}", "{%css%}<style>" + CSS + "</style>")
    app.layout = html.Div(
        [
            dcc.Location(id="url", refresh=False),
            dcc.Interval(id="tick", interval=TICK_MS),
            dcc.Store(id="token"),
            dcc.Store(id="page-key"),
            html.Div(id="page"),
        ]
    )

    @app.callback(
        Output("page", "children"),
        Output("page-key", "data"),
        Input("url", "pathname"),
        Input("url", "search"),
        State("page-key", "data"),
    )
    def route(pathname: str | None, search: str | None, key: Any) -> Any:
        page = (pathname or "/").strip("/").split("/")[0]
        if page not in PAGES:
            page = "runs" if registry.default() is None else "run"
        q = ui.params(search)
        name = q.get("run") or registry.default()
        new_key = [page, name]
        if key == new_key:
            return no_update, no_update  # only the selection changed: the page updates itself
        try:
            with foreground.serving():  # the page's own callbacks follow: readers it starts wait for them
                body = PAGES[page].layout(registry, name, q)
        except Exception as err:
            body = ui.message(ui.explain(err))
        return html.Div([ui.nav(page, name), html.Div(body, className="content")]), new_key

    @app.callback(
        Output("token", "data"), Input("tick", "n_intervals"), Input("url", "search"), State("token", "data")
    )
    def token(n: int | None, search: str | None, old: str | None) -> str:
        name = ui.params(search).get("run") or registry.default()
        try:
            new = registry.get(name).live.token() if name else f"runs:{(n or 0) // 5}"
        except Exception as err:
            new = f"error:{err}"
        if new == old:
            raise PreventUpdate
        return new

    for module in PAGES.values():
        module.register(app, registry)
    return app
