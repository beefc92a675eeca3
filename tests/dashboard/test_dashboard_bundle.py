"""The committed plotly.js bundle (``dashboard/assets/plotly-bundle.min.js``) matches what the dashboard needs:
the installed plotly's plotly.js version and exactly the trace types the figures draw. No browser, no Node."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import numpy as np
import pytest

from dashboard import figures, plotly_bundle
from dashboard.queries import Activity, Evaluations, Graph, IslandFitness, Node, OperatorSuccess

REBUILD = "rebuild it: scripts/plotly-bundle.sh (node + npm), then commit dashboard/assets/ and scripts/plotly-bundle/"


@pytest.fixture(scope="module")
def bundle() -> tuple[plotly_bundle.Bundle, str]:
    shipped = plotly_bundle.shipped()
    return shipped, (plotly_bundle.MANIFEST.parent / shipped.file).read_text()


def test_the_bundle_is_the_plotly_js_version_the_installed_plotly_ships(bundle) -> None:  # type: ignore[no-untyped-def]
    shipped, code = bundle
    wanted = plotly_bundle.served_version()
    assert shipped.plotly_js == wanted, (
        f"dashboard/assets/{shipped.file} is plotly.js {shipped.plotly_js}, the installed plotly ships {wanted}: "
        + REBUILD
    )
    assert code.startswith(f"/**\n* plotly.js v{wanted}, ")  # the header states it (and the license follows)
    assert f'version="{wanted}"' in code  # plotly.js's own Plotly.version


def test_the_manifest_describes_the_committed_file(bundle) -> None:  # type: ignore[no-untyped-def]
    shipped, code = bundle
    assert hashlib.sha256(code.encode()).hexdigest() == shipped.sha256, (
        f"the bundle changed by hand: {REBUILD}"
    )
    assert "Permission is hereby granted" in code[:2000]  # plotly.js's MIT license travels with it


def test_the_bundle_registers_exactly_the_trace_types_the_figures_use(bundle) -> None:  # type: ignore[no-untyped-def]
    shipped, code = bundle
    registered = set(re.findall(r'moduleType:"trace",name:"(\w+)"', code))
    used = plotly_bundle.trace_types()
    assert registered == set(shipped.traces)
    assert used == registered, (
        f"the figures use {sorted(used)}, the bundle has {sorted(registered)}: {REBUILD}"
    )


def test_trace_types_agrees_with_the_figures_the_functions_return() -> None:
    a, b = "a" * 64, "b" * 64
    ev = Evaluations([0, 1], [0.2, 0.5], [0.0, 1.0])
    made = [
        figures.fitness_curves(ev),
        figures.activity(Activity(0.0, 30.0, {0: 4}, {0: 3}, {0: 1}, {0: 3}, {}, {}, {}, {})),
        figures.live_series([{"elapsed_s": 1.0, "queued": 2.0}], [("queued", "queue depth")], "queue"),
        figures.operators([OperatorSuccess("tweak", 10, 8, 2, 4, 2)]),
        figures.islands([IslandFitness(0, 5, 4, (1, 0, 0, 0, 0, 3, 0, 0, 0, 0))], {0: 12}),
        figures.map_elites({(0, 0): (0.5, a)}, 2, 2),
        figures.novelty_map([a, b], np.zeros((2, 2)), [0.1, 0.2], [0, 1], ""),
        figures.lineage_graph(
            Graph([Node(a, 0, 0, "origin", 0.5), Node(b, 1, 0, "tweak", None)], [(a, b)], 2), b
        ),
        figures.task_strip([("t", 1, 1, "")], "train"),
        figures.compare_curves({"r": ev}),
        figures.empty("nothing"),
    ]
    assert {t.type for fig in made for t in fig.data} == plotly_bundle.trace_types()


def test_trace_types_sees_go_classes_and_add_methods(tmp_path: Path) -> None:
    (tmp_path / "f.py").write_text(
        "import plotly.graph_objects as go\n"
        "fig = go.Figure(go.Pie(values=[1]))\n"
        "fig.add_violin(y=[1])\n"
        "fig.add_annotation(text='not a trace')\n"
    )
    assert plotly_bundle.trace_types(tmp_path) == {"pie", "violin"}


def _manifest(tmp_path: Path, version: str) -> Path:
    path = tmp_path / "plotly-bundle.json"
    path.write_text(
        json.dumps({"file": "plotly-bundle.min.js", "plotly.js": version, "traces": [], "sha256": ""})
    )
    return path


def test_a_current_bundle_is_served() -> None:
    assert plotly_bundle.assets_ignore() == ""


def test_a_stale_or_missing_bundle_is_left_out_with_a_warning_naming_the_fix(tmp_path: Path) -> None:
    with pytest.warns(
        UserWarning, match=r"plotly\.js 0\.0\.1 but the installed plotly ships .*plotly-bundle\.sh"
    ):
        pattern = plotly_bundle.assets_ignore(_manifest(tmp_path, "0.0.1"))
    assert re.search(pattern, "plotly-bundle.min.js") and not re.search(pattern, "other.js")
    with pytest.warns(UserWarning, match="serving the full plotly.js"):
        pattern = plotly_bundle.assets_ignore(tmp_path / "missing.json")
    assert re.search(pattern, "plotly-bundle.min.js")
