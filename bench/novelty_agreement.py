"""The near-clone filter against a reference version of it, on the same stream of children.

    python bench/novelty_agreement.py --run-dir runs/NAME            # the children a run admitted, in order
    python bench/novelty_agreement.py --fixture tests/population/fixtures/novelty-stream-templates.json.gz
    python bench/novelty_agreement.py --run-dir runs/NAME --write-fixture FILE.json.gz

A stream is what a run's intake showed the filter: the canonical text of every valid new child, in the order it
was admitted (the archive's insertion order; origins never go through the filter). Make one with a model-free
run with the filter off (every child is then admitted): ``python -m population run --model none --origin
templates --max-evals 150`` with ``novelty = "off"``. Each filter replays it as intake does (check; add unless a
near-clone). The reference is ``population/novelty.py`` at ``--reference`` (default 5c8db62: MiniLM on every
new piece + hnswlib), loaded from git. Printed: the confusion matrix of the decisions, CPU per child of both
(model load apart), model calls, how far the new similarity is from the reference's, and the largest token
distance between a near-clone's piece and its nearest indexed piece (what ``population.novelty.BAND`` must
cover). Figures are printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

REFERENCE = "5c8db62"
THRESHOLD = 0.9995


def run_stream(run_dir: Path) -> list[str]:
    """The canonical texts of a run's valid non-origin seeds, in archive order."""
    from lineage import Archive

    with sqlite3.connect(run_dir / "lineage.sqlite") as con:
        rows = con.execute(
            "SELECT lower(hex(s.id)),"
            " (SELECT min(e.operator) FROM edges e WHERE e.child = s.n),"
            " (SELECT count(*) FROM records r WHERE r.seed = s.n AND r.outcome = 'invalid')"
            " FROM seeds s ORDER BY s.n"
        ).fetchall()
    with Archive.open(str(run_dir)) as archive:
        return [archive.canonical(sid) for sid, op, invalid in rows if op != "origin" and not invalid]


def reference_module(commit: str) -> ModuleType:
    """``population/novelty.py`` as it was at ``commit``, imported under another name."""
    text = subprocess.run(
        ["git", "show", f"{commit}:population/novelty.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = Path(tempfile.mkdtemp(prefix="seedpop-novelty-ref-")) / "novelty_reference.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("novelty_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def replay(nf: Any, stream: list[str]) -> tuple[list[tuple[float, bool]], float]:
    """Each child checked, then added unless a near-clone; the verdicts and the CPU seconds they took."""
    out = []
    cpu = time.process_time()
    for canonical in stream:
        verdict = nf.check(canonical)
        out.append((verdict.similarity, verdict.near_clone))
        if not verdict.near_clone:
            nf.add(canonical)
    return out, time.process_time() - cpu


def band_needed(stream: list[str], verdicts: list[tuple[float, bool]]) -> int:
    """The largest token distance from a (reference) near-clone's new piece to the nearest piece indexed
    before it: how wide ``BAND`` must be for the new filter to see every near-clone the reference saw."""
    from population import novelty
    from population.nearby import within_distance

    nf = novelty.NoveltyFilter(THRESHOLD)
    widest = 0
    for canonical, (_, clone) in zip(stream, verdicts, strict=True):
        if clone:
            pieces = nf._pieces(canonical)
            for piece in pieces:
                if novelty._h(piece) in nf._piece_ids or novelty._h(novelty.skeleton(piece)) in nf._twins:
                    continue
                tokens = nf._tokens(piece)
                for k in (0, 1, 2, 3, 4, 6, 8, 12, 16, 24):
                    ids = nf._near.within(tokens, k).ids
                    if ids:
                        distance = within_distance(tokens, nf._near._seqs[ids[0]], k)
                        widest = max(widest, distance if distance is not None else k)
                        break
                else:
                    widest = max(widest, 25)  # farther than 24: printed as 25
        else:
            nf.add(canonical)
    return widest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--run-dir", type=Path)
    source.add_argument("--fixture", type=Path)
    parser.add_argument("--reference", default=REFERENCE, help="git commit of the reference filter")
    parser.add_argument(
        "--write-fixture", type=Path, default=None, help="save the stream and reference verdicts"
    )
    args = parser.parse_args()
    if args.fixture is not None:
        data = json.loads(gzip.decompress(args.fixture.read_bytes()))
        stream, label = list(data["stream"]), f"fixture {args.fixture.name} ({data.get('run', '')})"
    else:
        stream, label = run_stream(args.run_dir), f"run {args.run_dir}"
    from genome.minilm import MiniLM
    from population import novelty

    ref = reference_module(args.reference).NoveltyFilter(THRESHOLD)
    t = time.process_time()
    ref.ready()
    ref_load = time.process_time() - t
    old, old_cpu = replay(ref, stream)
    new_filter = novelty.NoveltyFilter(THRESHOLD)
    new, new_cpu = replay(new_filter, stream)  # the model loads inside, when first needed
    t = time.process_time()
    new_load = 0.0
    if new_filter._model is not None:  # what that load cost: load it again
        MiniLM(novelty.model_path())
        new_load = time.process_time() - t
        new_cpu -= new_load
    if args.write_fixture is not None:
        payload = {"reference": args.reference, "threshold": THRESHOLD, "run": label, "stream": stream}
        payload["verdicts"] = [[s, c] for s, c in old]
        args.write_fixture.write_bytes(gzip.compress(json.dumps(payload).encode("utf-8"), 9))
    n = len(stream)
    matrix = [[0, 0], [0, 0]]
    for (_, a), (_, b) in zip(old, new, strict=True):
        matrix[a][b] += 1
    diffs = sorted(abs(a - b) for (a, _), (b, _) in zip(old, new, strict=True))
    exact = sum(d < 1e-6 for d in diffs)
    print(
        f"bench/novelty_agreement.py  {label}; reference {args.reference}; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(f"children {n}: near-clones {sum(c for _, c in old)} (reference), {sum(c for _, c in new)} (new)")
    print("confusion (rows: reference, columns: new)   new novel   new near-clone")
    print(f"  reference novel                          {matrix[0][0]:>9}   {matrix[0][1]:>14}")
    print(f"  reference near-clone                     {matrix[1][0]:>9}   {matrix[1][1]:>14}")
    print(f"agreement {100 * (matrix[0][0] + matrix[1][1]) / n:.1f} %")
    print(
        f"CPU per child, reference: {1000 * old_cpu / n:.1f} ms ({ref.embedded} pieces embedded; model load "
        f"{ref_load:.1f} s apart)"
    )
    print(
        f"CPU per child, new:       {1000 * new_cpu / n:.1f} ms ({new_filter.embedded} pieces embedded; model "
        f"load {new_load:.2f} s apart, only when first needed: MiniLM in numpy)"
    )
    print(f"similarity equal to the reference's (±1e-6): {exact} of {n}; largest difference {diffs[-1]:.4f}")
    print(
        f"largest token distance of a near-clone's piece to its nearest indexed piece: {band_needed(stream, old)}"
        f" (BAND = {novelty.BAND})"
    )


if __name__ == "__main__":
    main()
