"""The near-clone filter's pure parts, and its decisions on real runs' streams against the reference filter
(the other model-backed checks are in test_population_services.py)."""

from __future__ import annotations

import ast
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from genome import canonical_source
from population.novelty import chunks, skeleton
from seeds import ORIGIN_SEEDS, origin_source


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("MAX_TOKENS = 384", "MAX_TOKENS = 768"),
        ("TEMPERATURE = 0.7", "TEMPERATURE = 1.25"),
        ("x = f(3, 1e-05)", "x = f(12, 2.5e+03)"),
        ("ROUNDS = 1_000", "ROUNDS = 2"),
    ],
)
def test_pieces_that_differ_only_in_numbers_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("x1 = 3", "x2 = 3"),  # a digit inside a name is part of the name
        ("y = a + 1", "y = a - 1"),
        ("P = 'Complete this'", "P = 'Write this'"),
    ],
)
def test_any_other_difference_keeps_the_skeletons_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


FIXTURES = Path(__file__).resolve().parent / "fixtures"
STREAMS = sorted(FIXTURES.glob("novelty-stream-*.json.gz"))


def _stream(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gzip.decompress(path.read_bytes()))
    return data


def _unparsed_chunks(canonical: str) -> list[str]:
    """The pieces as the filter cut them at 5c8db62: every top-level statement unparsed again."""
    out: list[str] = []
    for node in ast.parse(canonical).body:
        lines = ast.unparse(node).splitlines()
        if len(lines) <= 6:
            out.append("\n".join(lines))
            continue
        out.extend("\n".join([lines[0], *lines[i : i + 6]]) for i in range(1, len(lines), 6))
    return out


def test_pieces_cut_from_canonical_lines_equal_the_unparsed_ones() -> None:
    texts = [canonical_source(origin_source(name)) for name in ORIGIN_SEEDS]
    for path in STREAMS:
        texts += _stream(path)["stream"]
    texts.append(canonical_source("@dec\ndef f():\n    '''doc\n\n    more'''\n    return 1\nx = 2"))
    for text in texts:
        assert chunks(text) == _unparsed_chunks(text)
    assert chunks("x = (") == ["x = ("]  # unparseable: one piece
    assert chunks("x = 1\n\n\ny = 2") == ["x = 1", "y = 2"]  # not canonical: unparsed, not cut


@pytest.mark.slow
@pytest.mark.parametrize("path", STREAMS, ids=[p.name for p in STREAMS])
def test_decisions_equal_the_reference_filter_on_a_real_run_stream(path: Path) -> None:
    """The stream of children a real run admitted, with the verdicts of the reference filter (MiniLM on every
    new piece + hnswlib, 5c8db62) recorded by bench/novelty_agreement.py: the filter decides the same."""
    from population.novelty import NoveltyFilter

    data = _stream(path)
    nf = NoveltyFilter(float(data["threshold"]))
    decisions = []
    for canonical in data["stream"]:
        verdict = nf.check(canonical)
        decisions.append(verdict.near_clone)
        if not verdict.near_clone:
            nf.add(canonical)
    assert decisions == [bool(clone) for _, clone in data["verdicts"]]
    assert any(decisions) and not all(decisions)


@pytest.mark.slow
def test_numpy_minilm_equals_sentence_transformers() -> None:
    """genome.minilm is the same model as sentence-transformers' (torch): equal to float32 rounding."""
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from population.novelty import NoveltyFilter, model_path

    nf = NoveltyFilter(0.9995)
    pieces = [p for name in ORIGIN_SEEDS for p in chunks(canonical_source(origin_source(name)))][:40]
    pieces.append("x" * 3000)  # longer than the model's 256 tokens: truncated alike
    reference = SentenceTransformer(model_path(), device="cpu").encode(
        pieces, batch_size=1, normalize_embeddings=True, convert_to_numpy=True
    )
    ours = np.stack([nf._embed(nf._tokens(p)) for p in pieces])
    assert float(np.abs(ours - reference).max()) < 1e-5
