"""Lineage page: the ancestry graph (filterable), and one seed in full — chosen by click, or by id prefix.

The URL's ``seed`` parameter holds the selection, so a link to a seed can be shared.
"""

from __future__ import annotations

import difflib
import functools
from typing import Any

import dash
from dash import Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import figures, queries, ui
from dashboard.registry import Registry
from dashboard.source import RunSource
from dashboard.strips import strips
from fitness.record import FitnessRecord
from lineage import Evidence, Kind
from lineage import queries as lq


def layout(registry: Registry, run: str | None, q: dict[str, str]) -> Any:
    src = registry.get(run).source
    islands = src.cached("islands", queries.islands)
    top = src.cached("max_generation", queries.max_generation)
    ops = src.cached("operators", queries.operators)
    return [
        html.Div(
            [
                dcc.Input(
                    id="lin-search",
                    placeholder="seed id or prefix",
                    debounce=True,
                    value=q.get("seed", "")[:16],
                    style={"width": "220px"},
                ),
                html.Button("show", id="lin-go"),
                html.Span(id="lin-search-msg", style={"color": "#b45309"}),
                dcc.Checklist(
                    id="lin-islands",
                    options=[{"label": f"island {i}", "value": i} for i in islands],
                    value=[],
                    inline=True,
                ),
                html.Div(
                    dcc.RangeSlider(
                        id="lin-gens",
                        min=0,
                        max=max(top, 1),
                        step=1,
                        value=[0, max(top, 1)],
                        marks=None,
                        tooltip={"placement": "bottom"},
                    ),
                    style={"width": "260px"},
                ),
                dcc.Dropdown(
                    id="lin-ops",
                    options=ops,
                    multi=True,
                    placeholder="operators (all)",
                    style={"minWidth": "260px"},
                ),
            ],
            className="controls",
        ),
        html.Div(dcc.Graph(id="lin-graph", config={"displaylogo": False}), className="half"),
        html.Div(id="lin-detail", className="detail"),
    ]


def graph_figure(
    src: RunSource,
    islands: list[int] | None,
    gens: list[int] | None,
    ops: list[str] | None,
    focus: str | None,
) -> Any:
    """The lineage graph for these filters, cached per index version (the query and the figure both)."""

    def query(c: Any) -> queries.Graph:
        return queries.graph(
            c,
            islands=islands or None,
            generations=(gens[0], gens[1]) if gens else None,
            operators=ops or None,
            focus=focus,
        )

    key = f"graph:{islands or []}:{gens}:{ops or None}:{focus}"
    return src.cached(key, query, lambda g: figures.lineage_graph(g, focus))


def prefetch(src: RunSource) -> None:
    """Compute what the page's first paint reads (the controls' choices, the unfiltered graph) into the cache."""
    src.cached("islands", queries.islands)
    src.cached("operators", queries.operators)
    top = src.cached("max_generation", queries.max_generation)
    graph_figure(src, [], [0, max(top, 1)], None, None)


def evidence_table(evidence: list[Evidence]) -> Any:
    """The seed's evidence per split and suite version: records, tasks passed of run, rate, interval."""
    head = ("split", "suite version", "records", "tasks passed", "pass rate", "95% interval")
    rows = [
        (
            e.split,
            e.version,
            str(e.records),
            f"{e.passed}/{e.tasks}",
            "—" if e.rate is None else f"{e.rate:.3f}",
            f"{e.low:.2f}–{e.high:.2f}",
        )
        for e in evidence
    ]
    return html.Table(
        [
            html.Thead(html.Tr([html.Th(h) for h in head])),
            html.Tbody([html.Tr([html.Td(v) for v in row]) for row in rows]),
        ],
        className="evidence",
        id="lin-evidence",
    )


def seed_detail(src: RunSource, seed_id: str) -> list[Any]:
    """Everything about one seed; raises LineageError (missing/corrupt object) for the guard to show."""
    summary = src.read(lambda c: lq.summary(c, seed_id))
    edge = src.birth_edge(seed_id)
    source = src.source(seed_id)
    parents = src.read(lambda c: lq.parents(c, seed_id))
    children = src.read(lambda c: lq.children(c, seed_id))
    records = [
        FitnessRecord.from_json(src.store.get(r, Kind.RECORD).body)
        for r in src.read(lambda c: queries.counted_record_ids(c, seed_id))
    ]
    evidence = src.read(lambda c: lq.evidence(c, seed_id))
    train = next((e for e in evidence if e.split == "train"), None)
    if train is not None and train.rate is not None:
        standing = (
            f"train {train.passed}/{train.tasks} tasks passed ({train.rate:.3f}, "
            f"95% interval {train.low:.2f}–{train.high:.2f}) on {train.version}"
        )
    else:
        standing = f"best record {'—' if summary.best is None else f'{summary.best:.3f}'}"
    out: list[Any] = [
        html.H3(f"seed {seed_id[:12]}"),
        html.Div(
            f"operator {summary.operator} · generation {summary.generation} · island {summary.island} · "
            f"proposed {summary.proposals}× · {standing}"
        ),
        html.Div(
            [
                "inspect in the terminal: ",
                html.Code(f"python -m lineage --run-dir {src.run_dir} show {seed_id[:12]}", className="cmd"),
            ]
        ),
    ]
    if evidence:
        out.append(evidence_table(evidence))
    for strip in strips(records):
        out.append(
            dcc.Graph(
                figure=figures.task_strip(list(strip.tasks), strip.title()),
                config={"displayModeBar": False},
                id={"type": "strip", "split": strip.split, "n": len(out)},
            )
        )
    if not records:
        out.append(
            html.Div("no fitness record (not evaluated: a re-discovery, near-clone or not reached yet)")
        )
    out.append(html.H4("source"))
    out.append(dcc.Markdown(f"```python\n{source}\n```", id="lin-source"))
    for p in parents:
        diff = "".join(
            difflib.unified_diff(
                src.source(p).splitlines(True),
                source.splitlines(True),
                f"parent {p[:12]}",
                f"seed {seed_id[:12]}",
            )
        )
        out.append(
            html.H4(["diff against parent ", dcc.Link(p[:12], href=ui.href("lineage", run=src.name, seed=p))])
        )
        out.append(dcc.Markdown(f"```\n{diff or '(no textual change)'}\n```", className="lin-diff"))
    out.append(html.H4(f"children ({len(children)})"))
    out.append(
        html.Div(
            [dcc.Link(c[:12] + " ", href=ui.href("lineage", run=src.name, seed=c)) for c in children[:200]]
        )
    )
    if edge is not None and edge.parents != tuple(parents[:1]) and edge.parents:
        out.append(html.Div(f"born of {', '.join(p[:12] for p in edge.parents)}", className="card-sub"))
    return out


def register(app: dash.Dash, registry: Registry) -> None:
    @app.callback(
        Output("lin-graph", "figure"),
        Input("token", "data"),
        Input("lin-islands", "value"),
        Input("lin-gens", "value"),
        Input("lin-ops", "value"),
        Input("url", "search"),
    )
    @ui.guarded(figures.empty)
    def graph(_t: Any, islands: list[int], gens: list[int], ops: list[str], search: str | None) -> Any:
        q = ui.params(search)
        src = registry.get(q.get("run")).source
        focus = q.get("seed")
        if focus is not None and not src.read(functools.partial(lq.has, seed_id=focus)):
            focus = None
        return graph_figure(src, islands, gens, ops, focus)

    @app.callback(
        Output("url", "search"),
        Output("lin-search-msg", "children"),
        Input("lin-graph", "clickData"),
        Input("lin-search", "value"),
        Input("lin-go", "n_clicks"),
        State("url", "search"),
        prevent_initial_call=True,
    )
    @ui.guarded(lambda msg: (no_update, msg))
    def select(click: Any, prefix: str | None, _n: Any, search: str | None) -> Any:
        q = ui.params(search)
        src = registry.get(q.get("run")).source
        if ctx.triggered_id == "lin-graph":
            points = (click or {}).get("points") or []
            seed = points[0].get("customdata") if points else None
            if not isinstance(seed, str):
                raise PreventUpdate
        else:
            if not prefix:
                raise PreventUpdate
            seed = src.read(lambda c: lq.resolve(c, prefix))  # UnknownIdError / AmbiguousIdError → message
        if seed == q.get("seed"):
            raise PreventUpdate
        return "?" + ui.href("lineage", run=q.get("run"), seed=seed).split("?", 1)[1], ""

    @app.callback(
        Output("lin-detail", "children"),
        Input("url", "search"),
        Input("token", "data"),
        State("url", "pathname"),
    )
    @ui.guarded(ui.message)
    def detail(search: str | None, _t: Any, path: str | None) -> Any:
        if not (path or "").startswith("/lineage"):
            raise PreventUpdate
        q = ui.params(search)
        src = registry.get(q.get("run")).source
        seed = q.get("seed")
        if not seed:
            return ui.message("click a seed in the graph, or type an id prefix above", "info")
        full = src.read(lambda c: lq.resolve(c, seed))
        return seed_detail(src, full)
