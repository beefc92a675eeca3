"""The plotly.js the pages load: a custom bundle with only the trace types the dashboard's figures draw.

dcc.Graph draws with ``window.Plotly`` when a script defined it before the first graph renders; only when none
did does it fetch the full ``plotly.min.js`` that the ``plotly`` package ships (4.8 MB, every trace type:
loading and evaluating it was most of a cold first paint). Dash puts each ``.js`` file of ``dashboard/assets/``
in the page as a script tag ahead of its renderer, so ``assets/plotly-bundle.min.js`` (1.3 MB) is the plotly.js
the browser runs.

Invariants (``tests/dashboard/test_dashboard_bundle.py``): the bundle is the plotly.js version that the
installed ``plotly`` package ships (the one dash would serve, and the one the figures' JSON is written for), and
it registers exactly the trace types this package's code adds to figures (:func:`trace_types`).
``scripts/plotly-bundle.sh`` rebuilds it (Node and npm; users and CI need neither).
"""

from __future__ import annotations

import ast
import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from core import pyast

PACKAGE = Path(__file__).parent
MANIFEST = PACKAGE / "assets" / "plotly-bundle.json"
REBUILD = "scripts/plotly-bundle.sh"


@dataclass(frozen=True, slots=True)
class Bundle:
    """What ``assets/plotly-bundle.json`` (written by the build) records of the committed bundle."""

    file: str  # its name in assets/
    plotly_js: str  # the plotly.js version it was built from
    traces: tuple[str, ...]  # the trace types it registers, sorted
    sha256: str  # of the file's bytes


def shipped(manifest: Path = MANIFEST) -> Bundle:
    """The committed bundle's manifest. Raises OSError or ValueError when it is missing or malformed."""
    raw = json.loads(manifest.read_text())
    return Bundle(raw["file"], raw["plotly.js"], tuple(raw["traces"]), raw["sha256"])


def served_version() -> str:
    """The plotly.js version the installed ``plotly`` package ships: what dash serves without the bundle."""
    from plotly.offline import get_plotlyjs_version

    return str(get_plotlyjs_version())


def assets_ignore(manifest: Path = MANIFEST) -> str:
    """``dash.Dash(assets_ignore=...)``: nothing, or, when the bundle is not the installed plotly's version, a
    pattern that leaves it out (dcc.Graph then fetches the full plotly.js: slower, never wrong) and a warning
    that names the command that rebuilds it."""
    try:
        bundle = shipped(manifest)
    except (OSError, ValueError, KeyError, TypeError) as err:
        warnings.warn(f"dashboard: no usable {manifest} ({err}); serving the full plotly.js", stacklevel=2)
        return r"^plotly-bundle\."
    wanted = served_version()
    if bundle.plotly_js == wanted:
        return ""
    warnings.warn(
        f"dashboard: assets/{bundle.file} is plotly.js {bundle.plotly_js} but the installed plotly ships "
        f"{wanted}; serving the full plotly.js until {REBUILD} rebuilds the bundle",
        stacklevel=2,
    )
    return "^" + re.escape(bundle.file) + "$"


def trace_types(package: Path = PACKAGE) -> frozenset[str]:
    """The plotly trace types the package's code puts in figures: each ``go.<Trace>(...)`` and
    ``fig.add_<trace>(...)`` in its modules. Pure given the files; ``scripts/plotly-bundle.sh`` builds the
    bundle with exactly these."""
    import plotly.graph_objects as go
    from plotly.basedatatypes import BaseTraceType

    by_class = {
        name: cls().type
        for name in dir(go)
        if isinstance(cls := getattr(go, name), type) and issubclass(cls, BaseTraceType)
    }
    known = set(by_class.values())
    found: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(pyast.parse(path.read_text())):
            if not isinstance(node, ast.Attribute):
                continue
            if isinstance(node.value, ast.Name) and node.value.id == "go" and node.attr in by_class:
                found.add(by_class[node.attr])
            elif node.attr.startswith("add_") and node.attr[4:] in known:
                found.add(node.attr[4:])
    return frozenset(found)
