"""Export the lineage graph: JSON (everything the index holds) or GraphML (seeds as nodes, parent links as
edges) for Gephi, yEd, networkx and friends."""

from __future__ import annotations

import json
from dataclasses import asdict
from html import escape
from typing import TextIO

from lineage.archive import Archive


def quoteattr(text: str) -> str:
    """A double-quoted XML attribute value (html.escape covers XML's five special characters)."""
    return f'"{escape(text, quote=True)}"'


FORMATS = ("json", "graphml")


def export_json(archive: Archive, out: TextIO) -> None:
    """Write ``{"seeds": [...], "edges": [...], "records": [...]}`` (ids in hex) to ``out``."""
    data = {
        "seeds": [asdict(s) for s in archive.all_summaries()],
        "edges": archive.all_edges(),
        "records": archive.all_records(),
    }
    json.dump(data, out, indent=1, sort_keys=True)
    out.write("\n")


_NODE_KEYS = (
    ("generation", "int"),
    ("island", "int"),
    ("operator", "string"),
    ("best", "double"),
    ("proposals", "int"),
)
_EDGE_KEYS = (
    ("edge", "string"),
    ("operator", "string"),
    ("generation", "int"),
    ("island", "int"),
    ("position", "int"),
)


def export_graphml(archive: Archive, out: TextIO) -> None:
    """Write a GraphML directed multigraph: one node per seed, one edge per (parent → child) link."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name, kind in _NODE_KEYS:
        out.write(f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n')
    for name, kind in _EDGE_KEYS:
        out.write(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n')
    out.write('  <graph id="lineage" edgedefault="directed">\n')
    for seed in archive.all_summaries():
        out.write(f"    <node id={quoteattr(seed.id)}>")
        values = {
            "generation": seed.generation,
            "island": seed.island,
            "operator": seed.operator,
            "best": seed.best,
            "proposals": seed.proposals,
        }
        for name, _ in _NODE_KEYS:
            if values[name] is not None:
                out.write(f'<data key="n_{name}">{escape(str(values[name]), quote=False)}</data>')
        out.write("</node>\n")
    for edge in archive.all_edges():
        parents = edge["parents"]
        assert isinstance(parents, list)
        for pos, parent in enumerate(parents):
            out.write(f"    <edge source={quoteattr(parent)} target={quoteattr(str(edge['child']))}>")
            values = {
                "edge": edge["id"],
                "operator": edge["operator"],
                "generation": edge["generation"],
                "island": edge["island"],
                "position": pos,
            }
            for name, _ in _EDGE_KEYS:
                out.write(f'<data key="e_{name}">{escape(str(values[name]), quote=False)}</data>')
            out.write("</edge>\n")
    out.write("  </graph>\n</graphml>\n")
