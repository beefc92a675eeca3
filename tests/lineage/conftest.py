"""Fixtures for the lineage tests: small sources and a small fixture archive."""

from __future__ import annotations

import pytest
from lineage_helpers import make_record, make_source

from lineage import Archive


@pytest.fixture
def archive(tmp_path: object) -> Archive:
    a = Archive.create(str(tmp_path), "run = 'test'\n", durable=False)
    yield a
    a.close()


@pytest.fixture
def fixture_archive(tmp_path: object) -> tuple[str, dict[str, str]]:
    """A run directory with a small lineage: two roots, children, a crossover, a re-discovery, records."""
    run_dir = str(tmp_path)
    with Archive.create(run_dir, "run = 'fixture'\n", durable=False) as a:
        run = a.add_run("run = 'fixture'\n")
        ids: dict[str, str] = {}
        ids["root"] = a.add(make_source(0, "root"), run=run, time=100.0).seed_id
        ids["root2"] = a.add(make_source(1), run=run, island=1, time=101.0).seed_id
        ids["a"] = a.add(make_source(2), (ids["root"],), "mutate", 1, 0, run, time=102.0).seed_id
        ids["b"] = a.add(make_source(3), (ids["root"],), "mutate", 1, 0, run, time=103.0).seed_id
        ids["x"] = a.add(make_source(4), (ids["a"], ids["root2"]), "crossover", 2, 1, run, time=104.0).seed_id
        # re-discovery of "a", differently formatted, by another operator
        again = a.add(make_source(2, "again"), (ids["b"],), "llm_rewrite", 2, 0, run, time=105.0)
        assert again.seed_id == ids["a"]
        a.add_record(make_record(ids["a"], 0.5, results="1101"))  # train 3/4
        a.add_record(make_record(ids["x"], 0.75, results="11111111"))  # train 8/8
        a.add_record(make_record(ids["x"], 0.25, split="holdout"))
        a.add_record(make_record(ids["root2"], 0.1, results="0"))  # train 0/1
    return run_dir, ids
