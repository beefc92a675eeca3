"""Run page: fitness per island, what happened over time, throughput and load, champions, live events."""

from __future__ import annotations

import functools
import sqlite3
import time
from typing import Any

import dash
from dash import Input, Output, State, dcc, html

from dashboard import figures, queries, ui
from dashboard.registry import Registry
from dashboard.source import RunSource

GRAPHS = ("run-fitness", "run-activity", "run-throughput", "run-load")


def layout(registry: Registry, run: str | None, q: dict[str, str]) -> Any:
    registry.get(run)  # a bad run fails here, as a message
    return [
        html.Div(id="run-cards", className="cards"),
        html.Div(
            [html.Div(dcc.Graph(id=g, config={"displayModeBar": False}), className="half") for g in GRAPHS],
            className="row",
        ),
        html.H4("latest events"),
        html.Div(id="run-events"),
    ]


def prefetch(src: RunSource) -> None:
    """Compute what the page's first paint reads from the index into the cache (its figures included)."""
    src.cached("totals", queries.totals)
    src.cached("champion", lambda conn: queries.champion(conn, False))
    src.cached("origin", lambda conn: queries.champion(conn, True))
    src.cached("fitness_figure", queries.evaluations, figures.fitness_curves)
    src.cached("activity_figure", queries.activity, figures.activity)


def _score_line(scores: dict[str, float]) -> str:
    order = ("train", "validation", "holdout")
    parts = [f"{s} {scores[s]:.3f}" for s in order if s in scores]
    parts += [f"{s} {v:.3f}" for s, v in sorted(scores.items()) if s not in order]
    return ", ".join(parts) or "not scored"


def _scores(conn: sqlite3.Connection, seed_id: str) -> dict[str, float]:
    return queries.scores_by_split(conn, seed_id)


def cards(registry: Registry, run: str | None) -> list[Any]:
    opened = registry.get(run)
    src = opened.source
    info = src.info()
    st = info.status
    c = st.get("counters") or {}
    tot = src.cached("totals", queries.totals)
    elapsed = float(st.get("elapsed_s") or 0.0)
    budget = float(st.get("time_budget_s") or 0.0)
    max_evals = st.get("max_evals") or 0
    evo_id = (st.get("best_evolved") or {}).get("id")
    ori_id = (st.get("best_origin") or {}).get("id")
    if evo_id is None:
        evo = src.cached("champion", lambda conn: queries.champion(conn, False))
        evo_id = evo[0] if evo else None
    if ori_id is None:
        ori = src.cached("origin", lambda conn: queries.champion(conn, True))
        ori_id = ori[0] if ori else None
    out = [
        ui.card(
            "state", info.state, f"{elapsed / 60:.1f} min" + (f" of {budget / 60:.0f}" if budget else "")
        ),
        ui.card("evaluations", c.get("evaluations", tot.records), f"of {max_evals}" if max_evals else ""),
        ui.card("seeds", tot.seeds, f"{tot.rediscoveries} re-discoveries"),
        ui.card("novelty rejects", c.get("novelty_rejects", "—"), f"invalid {c.get('invalid', '—')}"),
        ui.card(
            "queue",
            st.get("queued", "—"),
            f"in flight {st.get('in_flight', '—')} of {st.get('loops', '—')} loops",
        ),
        ui.card("slots", ", ".join(st.get("slots") or []) or "—", f"model {st.get('model', '—')}"),
    ]
    for label, sid in (("champion (best evolved)", evo_id), ("best origin", ori_id)):
        if sid:
            scores = src.read(functools.partial(_scores, seed_id=sid))
            link = dcc.Link(sid[:12], href=ui.href("lineage", run=src.name, seed=sid))
            out.append(
                html.Div(
                    [
                        html.Div(label, className="card-label"),
                        html.Div(link, className="card-value"),
                        html.Div(_score_line(scores), className="card-sub"),
                    ],
                    className="card",
                )
            )
    return out


def events(registry: Registry, run: str | None) -> Any:
    live = registry.get(run).live
    rows = []
    for e in list(live.events)[:15]:
        what = f"{e.get('kind')} {str(e.get('id', ''))[:12]}"
        if "aggregate" in e:
            what += f" fitness {e['aggregate']:.3f} ({e.get('outcome', '')})"
        if "island" in e:
            what += f" island {e['island']} gen {e.get('generation')}"
        rows.append(html.Li(f"{time.strftime('%H:%M:%S', time.localtime(e['at']))}  {what}"))
    return [html.Div(live.redis_state, className="card-sub"), html.Ul(rows)]


def register(app: dash.Dash, registry: Registry) -> None:
    def failed(msg: str) -> tuple[Any, ...]:
        return (ui.message(msg), *(figures.empty(msg[:90]) for _ in GRAPHS), "")

    @app.callback(
        Output("run-cards", "children"),
        *(Output(g, "figure") for g in GRAPHS),
        Output("run-events", "children"),
        Input("token", "data"),
        State("url", "search"),
    )
    @ui.guarded(failed)
    def update(_token: str | None, search: str | None) -> tuple[Any, ...]:
        run = ui.params(search).get("run")
        src = registry.get(run).source
        live = registry.get(run).live
        samples = list(live.samples)
        return (
            cards(registry, run),
            src.cached("fitness_figure", queries.evaluations, figures.fitness_curves),
            src.cached("activity_figure", queries.activity, figures.activity),
            figures.live_series(
                samples,
                [("tokens_per_s", "tokens/s"), ("llm_busy", "LLM busy fraction")],
                "throughput (sampled while this dashboard watched)",
            ),
            figures.live_series(
                samples,
                [
                    ("queued", "queue depth"),
                    ("in_flight", "jobs in flight"),
                    ("worker_use", "worker loops busy (fraction)"),
                ],
                "slots and queue (sampled while this dashboard watched)",
            ),
            events(registry, run),
        )
