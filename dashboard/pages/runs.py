"""Runs page: every run under ``--runs`` with its state, budget, best scores and champion."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, dcc, html

from dashboard import queries, ui
from dashboard.registry import Registry


def row(registry: Registry, name: str) -> Any:
    try:
        src = registry.get(name).source
        info = src.info()
        st = info.status
        c = st.get("counters") or {}
        tot = src.cached("totals", queries.totals)
        champ = (st.get("best_evolved") or {}).get("id")
        if champ is None:
            found = src.cached("champion", lambda conn: queries.champion(conn, False))
            champ = found[0] if found else None
        best = src.cached("champion", lambda conn: queries.champion(conn, False))
        origin = src.cached("origin", lambda conn: queries.champion(conn, True))
        budget = st.get("time_budget_s")
        cells: list[Any] = [
            dcc.Link(name, href=ui.href("run", run=name)),
            info.state,
            (f"{budget / 60:.0f} min" if budget else "—")
            + (f", {st['max_evals']} evals" if st.get("max_evals") else ""),
            str(c.get("evaluations", tot.records)),
            "—" if best is None else f"{best[1]:.3f}",
            "—" if origin is None else f"{origin[1]:.3f}",
            dcc.Link(champ[:12], href=ui.href("lineage", run=name, seed=champ)) if champ else "—",
        ]
    except Exception as err:
        cells = [name, ui.explain(err), "", "", "", "", ""]
    return html.Tr([html.Td(x) for x in cells])


def layout(registry: Registry, run: str | None, q: dict[str, str]) -> Any:
    return [html.H3("runs"), html.Div(id="runs-table")]


def register(app: dash.Dash, registry: Registry) -> None:
    @app.callback(Output("runs-table", "children"), Input("token", "data"))
    @ui.guarded(ui.message)
    def table(_t: Any) -> Any:
        names = registry.names()
        if not names:
            where = registry.runs_dir or registry.run_dir
            return ui.message(
                f"no run directories in {where}; start one with `python -m population run`", "info"
            )
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
        return html.Table([head, *(row(registry, n) for n in names)], className="runs")
