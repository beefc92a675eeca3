"""Figures: pure functions from plain data to plotly figures (no I/O, no server, no randomness)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from dashboard.queries import Activity, Evaluations, Graph, IslandFitness, OperatorSuccess

COLORSCALE = "Viridis"
# The look of every figure: plotly's default template, which the app sets once (use_template). Naming the
# template in each figure's layout costs 35-90 ms a figure (plotly validates the whole template each time),
# a page of four figures up to a third of a second; the default is applied without that validation.
TEMPLATE = "plotly_white"
_LAYOUT = {
    "margin": {"l": 50, "r": 40, "t": 40, "b": 40},
    "height": 330,
}


def use_template() -> None:
    """Make :data:`TEMPLATE` plotly's default template in this process (the dashboard server's)."""
    import plotly.io as pio

    pio.templates.default = TEMPLATE


def empty(message: str) -> go.Figure:
    """A blank figure that says why it is blank."""
    fig = go.Figure(layout=_LAYOUT)
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def fitness_curves(ev: Evaluations, buckets: int = 80) -> go.Figure:
    """Best-so-far and median train fitness per island against the number of evaluations stored."""
    if not ev.aggregate:
        return empty("no evaluations yet")
    island = np.asarray(ev.island)
    agg = np.asarray(ev.aggregate, dtype=float)
    order = np.arange(1, len(agg) + 1)
    fig = go.Figure(layout={**_LAYOUT, "title": "train fitness per island"})
    for i in sorted(set(ev.island)):
        mask = island == i
        xs, ys = order[mask], agg[mask]
        best = np.maximum.accumulate(ys)
        step = max(1, len(xs) // buckets)
        fig.add_scatter(
            x=[*xs[::step].tolist(), int(xs[-1])],
            y=[*best[::step].tolist(), float(best[-1])],
            mode="lines",
            name=f"island {i} best",
            line={"shape": "hv"},
        )
        ends = list(range(step, len(ys) + step, step))
        med = [float(np.median(ys[max(0, e - step * 4) : e])) for e in ends]
        fig.add_scatter(
            x=[int(xs[min(e, len(xs)) - 1]) for e in ends],
            y=med,
            mode="lines",
            name=f"island {i} median",
            line={"dash": "dot"},
        )
    fig.update_xaxes(title="evaluations")
    fig.update_yaxes(title="fitness", range=[-0.02, 1.02])
    return fig


def activity(act: Activity) -> go.Figure:
    """Evaluations, re-discoveries, neutral, invalid and crashed children per minute of the run."""
    keys = sorted(set(act.proposals) | set(act.evaluations))
    if not keys:
        return empty("nothing proposed yet")
    minutes = [(k * act.width) / 60 for k in keys]
    per_min = 60 / act.width
    fig = go.Figure(layout={**_LAYOUT, "title": "what happened, per minute (by birth time)"})
    for label, data in (
        ("evaluations", act.evaluations),
        ("re-discoveries", act.rediscoveries),
        ("neutral children", act.neutral),
        ("invalid", act.invalid),
        ("crashed / timed out", act.failed),
    ):
        fig.add_scatter(x=minutes, y=[data.get(k, 0) * per_min for k in keys], mode="lines", name=label)
    fig.update_xaxes(title="minutes since the first seed")
    fig.update_yaxes(title="per minute")
    return fig


def live_series(
    samples: Sequence[Mapping[str, float]], keys: Sequence[tuple[str, str]], title: str
) -> go.Figure:
    """Counters the dashboard sampled from the run's status while it watched (x: minutes of the run)."""
    if not samples:
        return empty("no status samples yet (the run writes status.json while it runs)")
    fig = go.Figure(layout={**_LAYOUT, "title": title})
    xs = [s.get("elapsed_s", 0.0) / 60 for s in samples]
    for key, label in keys:
        fig.add_scatter(x=xs, y=[s.get(key) for s in samples], mode="lines+markers", name=label)
    fig.update_xaxes(title="minutes of the run")
    return fig


def operators(stats: Sequence[OperatorSuccess]) -> go.Figure:
    """Per operator: share of its scored children that beat their parent, tied it (neutral) or lost."""
    rows = [s for s in stats if s.scored]
    if not rows:
        return empty("no scored children yet")
    names = [s.operator for s in rows]
    fig = go.Figure(
        layout={**_LAYOUT, "title": "operator success (children vs their parent)", "barmode": "stack"}
    )
    for label, attr, color in (
        ("beat parent", "better", "#2ca02c"),
        ("neutral", "neutral", "#bbbbbb"),
        ("worse", "worse", "#d62728"),
    ):
        share = [getattr(s, attr) / s.scored for s in rows]
        fig.add_bar(
            x=names,
            y=share,
            name=label,
            marker_color=color,
            customdata=[[getattr(s, attr), s.scored, s.children] for s in rows],
            hovertemplate="%{x}: %{customdata[0]} of %{customdata[1]} scored (%{customdata[2]} born)",
        )
    fig.update_yaxes(title="share of scored children", range=[0, 1])
    return fig


def islands(rows: Sequence[IslandFitness], members: Mapping[int, int]) -> go.Figure:
    """Seeds born per island by fitness band (stacked), with current members from the run's status."""
    if not rows:
        return empty("no islands yet")
    fig = go.Figure(layout={**_LAYOUT, "title": "islands: seeds born, by train fitness", "barmode": "stack"})
    labels = [
        f"island {r.island}" + (f" ({members[r.island]} members)" if r.island in members else "")
        for r in rows
    ]
    for k in range(10):
        fig.add_bar(
            x=labels,
            y=[r.histogram[k] for r in rows],
            name=f"{k / 10:.1f}–{(k + 1) / 10:.1f}",
            marker_color=_viridis(k / 9),
        )
    fig.add_bar(x=labels, y=[r.seeds - r.scored for r in rows], name="not scored", marker_color="#dddddd")
    fig.update_yaxes(title="seeds")
    return fig


def _viridis(t: float) -> str:
    stops = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
    pos = min(max(t, 0.0), 1.0) * (len(stops) - 1)
    i = min(int(pos), len(stops) - 2)
    f = pos - i
    r, g, b = (round(a + (c - a) * f) for a, c in zip(stops[i], stops[i + 1], strict=True))
    return f"rgb({r},{g},{b})"


def map_elites(cells: Mapping[tuple[int, int], tuple[float, str]], bins: int, families: int) -> go.Figure:
    """The MAP-Elites grid: best fitness per (task families solved, code-size bin) cell."""
    if not cells:
        return empty("no scored seeds yet")
    cols = max(families, max(f for f, _ in cells)) + 1
    z: list[list[float | None]] = [[None] * cols for _ in range(bins)]
    text: list[list[str]] = [[""] * cols for _ in range(bins)]
    for (fam, size), (fit, sid) in cells.items():
        if 0 <= size < bins:
            z[size][fam] = fit
            text[size][fam] = sid[:12]
    sizes = ["≤1 KiB"] + [f"≥{2 ** (k / 2):.1f} KiB" for k in range(1, bins)]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=list(range(cols)),
            y=sizes,
            text=text,
            colorscale=COLORSCALE,
            zmin=0,
            zmax=1,
            hovertemplate="families %{x}, size %{y}<br>best %{z:.3f} %{text}<extra></extra>",
            colorbar={"title": "fitness"},
        ),
        layout={**_LAYOUT, "title": f"MAP-Elites grid ({len(cells)} of {bins * cols} cells occupied)"},
    )
    fig.update_xaxes(title="task families fully solved", dtick=1)
    fig.update_yaxes(title="code size")
    return fig


def pca_2d(vectors: np.ndarray) -> np.ndarray:
    """The rows of ``vectors`` projected on their first two principal components (numpy SVD). Pure.

    Fewer than two rows, or rows that do not vary, project to zeros.
    """
    x = np.asarray(vectors, dtype=float)
    if x.ndim != 2 or len(x) < 2:
        return np.zeros((len(x), 2))
    centred = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    out = centred @ vt[:2].T
    if out.shape[1] < 2:
        out = np.hstack([out, np.zeros((len(x), 2 - out.shape[1]))])
    return np.asarray(out)


def novelty_map(
    ids: Sequence[str],
    vectors: np.ndarray,
    fitness: Sequence[float | None],
    islands_of: Sequence[int],
    status: str,
) -> go.Figure:
    """Seeds on the first two principal components of their novelty embeddings, coloured by fitness."""
    if len(ids) < 2:
        return empty(f"novelty map: {status}")
    xy = pca_2d(vectors)
    fig = go.Figure(
        go.Scattergl(
            x=xy[:, 0],
            y=xy[:, 1],
            mode="markers",
            customdata=list(ids),
            text=[
                f"{s[:12]} island {i} fitness {'—' if f is None else f'{f:.3f}'}"
                for s, f, i in zip(ids, fitness, islands_of, strict=True)
            ],
            hoverinfo="text",
            marker={
                "color": [-0.05 if f is None else f for f in fitness],
                "colorscale": COLORSCALE,
                "cmin": 0,
                "cmax": 1,
                "size": 7,
                "colorbar": {"title": "fitness"},
            },
        ),
        layout={**_LAYOUT, "title": f"novelty embeddings, PCA ({status})"},
    )
    fig.update_xaxes(title="PC 1")
    fig.update_yaxes(title="PC 2")
    return fig


def lineage_graph(g: Graph, selected: str | None) -> go.Figure:
    """Seeds by generation (x) and train fitness (y: the mean aggregate of its train records), parent → child
    links, coloured by fitness."""
    if not g.nodes:
        return empty("no seed matches these filters")
    pos = {n.id: (n.generation, -0.08 if n.best is None else n.best) for n in g.nodes}
    lx: list[float | None] = []
    ly: list[float | None] = []
    for p, c in g.links:
        (x0, y0), (x1, y1) = pos[p], pos[c]
        lx += [x0, x1, None]
        ly += [y0, y1, None]
    # Seeds of one generation and equal fitness would sit on one point: spread them a little, deterministically.
    jitter = {n.id: (int(n.id[:6], 16) / 0xFFFFFF - 0.5) * 0.5 for n in g.nodes}
    lx = [None if x is None else x for x in lx]
    fig = go.Figure(
        layout={
            **_LAYOUT,
            "height": 520,
            "showlegend": False,
            "title": f"lineage: {len(g.nodes)} of {g.matched} seeds (best first), unscored at −0.08",
        }
    )
    fig.add_scattergl(
        x=lx, y=ly, mode="lines", line={"color": "rgba(120,120,120,0.35)", "width": 1}, hoverinfo="skip"
    )
    fig.add_scattergl(
        x=[n.generation + jitter[n.id] for n in g.nodes],
        y=[pos[n.id][1] for n in g.nodes],
        mode="markers",
        customdata=[n.id for n in g.nodes],
        text=[
            f"{n.id[:12]} gen {n.generation} island {n.island}<br>{n.operator}<br>fitness "
            f"{'—' if n.best is None else f'{n.best:.3f}'}"
            for n in g.nodes
        ],
        hoverinfo="text",
        marker={
            "color": [-0.08 if n.best is None else n.best for n in g.nodes],
            "colorscale": COLORSCALE,
            "cmin": 0,
            "cmax": 1,
            "size": 9,
            "line": {"width": 0.5, "color": "#333"},
            "colorbar": {"title": "fitness"},
        },
    )
    if selected is not None and selected in pos:
        x, y = pos[selected]
        fig.add_scatter(
            x=[x + jitter[selected]],
            y=[y],
            mode="markers",
            hoverinfo="skip",
            marker={"size": 18, "color": "rgba(0,0,0,0)", "line": {"width": 3, "color": "#e4572e"}},
        )
    fig.update_xaxes(title="generation")
    fig.update_yaxes(title="train fitness (mean over records)")
    return fig


def task_strip(tasks: Sequence[tuple[str, int, int, str]], title: str) -> go.Figure:
    """One cell per task: passed (green), failed (red) or error (orange: no test ran); hover for the reason."""
    if not tasks:
        return empty("no per-task results")
    code = []
    for _tid, passed, total, _reason in tasks:
        if total and passed == total:
            code.append(1.0)
        elif total:
            code.append(0.5 * passed / total)
        else:
            code.append(-1.0)
    hover = [f"{tid}: {p}/{t} tests" + (f" — {r}" if r else "") for tid, p, t, r in tasks]
    fig = go.Figure(
        go.Heatmap(
            z=[code],
            x=[t[0] for t in tasks],
            y=[""],
            text=[hover],
            hoverinfo="text",
            zmin=-1,
            zmax=1,
            colorscale=[
                [0, "#ff9f1c"],
                [0.49, "#ff9f1c"],
                [0.5, "#d62728"],
                [0.74, "#f4a6a6"],
                [0.99, "#f4a6a6"],
                [1, "#2ca02c"],
            ],
            showscale=False,
            xgap=2,
        ),
        layout={**_LAYOUT, "height": 140, "title": title, "margin": {"l": 20, "r": 20, "t": 35, "b": 50}},
    )
    fig.update_xaxes(tickangle=-45, tickfont={"size": 9})
    return fig


def compare_curves(runs: Mapping[str, Evaluations]) -> go.Figure:
    """Best-so-far train fitness of several runs against evaluations."""
    if not any(ev.aggregate for ev in runs.values()):
        return empty("no evaluations in the runs chosen")
    fig = go.Figure(layout={**_LAYOUT, "title": "best train fitness", "height": 420})
    for name, ev in runs.items():
        if ev.aggregate:
            best = np.maximum.accumulate(np.asarray(ev.aggregate, dtype=float))
            xs = np.arange(1, len(best) + 1)
            step = max(1, len(best) // 400)
            fig.add_scatter(
                x=[*xs[::step].tolist(), int(xs[-1])],
                y=[*best[::step].tolist(), float(best[-1])],
                mode="lines",
                name=name,
                line={"shape": "hv"},
            )
    fig.update_xaxes(title="evaluations")
    fig.update_yaxes(title="fitness", range=[-0.02, 1.02])
    return fig
