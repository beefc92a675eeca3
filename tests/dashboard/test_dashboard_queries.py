"""The dashboard's SQL aggregates, on archives written with the real lineage API."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import queries
from dashboard.source import RunSource
from fitness.record import FitnessRecord, Outcome, TaskScore
from lineage import Archive


def _record(seed: str, agg: float, split: str = "train", outcome: Outcome = Outcome.SCORED) -> FitnessRecord:
    return FitnessRecord(seed, "core", "1", split, outcome, agg, (TaskScore("t1", 1, 2, "wrong"),), 5, 7, 1.0)


@pytest.fixture
def family(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A parent (0.5) with a neutral (0.5), a better (0.7), a worse (0.3) and an invalid child, and a
    re-discovery of the better child."""
    run = tmp_path / "family"
    ids: dict[str, str] = {}
    with Archive.create(str(run), durable=False) as a:
        ids["p"] = a.add("def solve(t, l, x):\n    return 'p'\n", time=100.0).seed_id
        for name, op, t in (
            ("same", "tweak", 160.0),
            ("up", "rewrite", 170.0),
            ("down", "tweak", 180.0),
            ("bad", "rewrite", 190.0),
        ):
            ids[name] = a.add(
                f"def solve(t, l, x):\n    return '{name}'\n", (ids["p"],), op, 1, 1, time=t
            ).seed_id
        a.add("def solve(t, l, x):\n    return 'up'\n", (ids["same"],), "crossover", 2, 0, time=200.0)
        for name, agg in (("p", 0.5), ("same", 0.5), ("up", 0.7), ("down", 0.3)):
            a.add_record(_record(ids[name], agg))
        a.add_record(_record(ids["bad"], 0.0, outcome=Outcome.INVALID))
        a.add_record(_record(ids["up"], 0.6, split="holdout"))
    return run, ids


def test_operator_success_counts_better_neutral_and_worse_children_against_their_parent(family) -> None:
    run, _ = family
    src = RunSource(str(run))
    stats = {s.operator: s for s in src.read(queries.operator_success)}
    assert stats["tweak"] == queries.OperatorSuccess("tweak", 2, 2, better=0, neutral=1, worse=1)
    assert stats["rewrite"] == queries.OperatorSuccess("rewrite", 2, 2, better=1, neutral=0, worse=1)
    assert "crossover" not in stats  # a re-discovery is not a birth


def test_activity_buckets_add_up_to_the_archive(family) -> None:
    run, _ = family
    act = RunSource(str(run)).read(lambda c: queries.activity(c, buckets=10))
    assert sum(act.proposals.values()) == 6 and sum(act.new.values()) == 5
    assert sum(act.rediscoveries.values()) == 1
    assert sum(act.evaluations.values()) == 5 and sum(act.invalid.values()) == 1
    assert sum(act.neutral.values()) == 1 and sum(act.better.values()) == 1
    assert act.start == 100.0 and act.width == 10.0
    assert {k: v for k, v in act.rediscoveries.items() if v} == {9: 1}  # t=200 closes the last bucket


def test_champions_are_the_best_evolved_and_the_best_origin(family) -> None:
    run, ids = family
    src = RunSource(str(run))
    assert src.read(lambda c: queries.champion(c, False)) == (ids["up"], 0.7)
    assert src.read(lambda c: queries.champion(c, True)) == (ids["p"], 0.5)


def test_evaluations_are_train_records_in_the_order_stored(family) -> None:
    run, _ = family
    ev = RunSource(str(run)).read(queries.evaluations)
    assert ev.aggregate == [0.5, 0.5, 0.7, 0.3, 0.0] and ev.island == [0, 1, 1, 1, 1]


def test_the_graph_keeps_the_best_seeds_and_the_links_among_them(small_run) -> None:
    run, _ids = small_run
    src = RunSource(str(run))
    g = src.read(lambda c: queries.graph(c, limit=20))
    assert len(g.nodes) == 20 and g.matched == 60
    best = [n.best for n in g.nodes]
    assert best == sorted(best, reverse=True)
    shown = {n.id for n in g.nodes}
    assert all(p in shown and c in shown for p, c in g.links)


def test_the_graph_filters_by_island_generation_and_operator(small_run) -> None:
    run, _ = small_run
    src = RunSource(str(run))
    g = src.read(lambda c: queries.graph(c, islands=[1], generations=(1, 3), operators=["crossover"]))
    assert g.nodes and g.matched == len(g.nodes)
    assert all(n.island == 1 and 1 <= n.generation <= 3 and n.operator == "crossover" for n in g.nodes)


def test_the_graph_always_shows_the_focus_with_its_parents_and_children(small_run) -> None:
    run, ids = small_run
    src = RunSource(str(run))
    focus = ids[10]
    g = src.read(lambda c: queries.graph(c, limit=1, focus=focus))
    from lineage import queries as lq

    near = set(src.read(lambda c: lq.parents(c, focus))) | set(src.read(lambda c: lq.children(c, focus)))
    assert {focus, *near} <= {n.id for n in g.nodes}
    assert any(focus in link for link in g.links)


def test_island_histograms_count_every_scored_seed_once(small_run) -> None:
    run, _ = small_run
    rows = RunSource(str(run)).read(queries.island_fitness)
    assert sum(r.seeds for r in rows) == 60 and sum(sum(r.histogram) for r in rows) == 60
    assert all(r.scored == sum(r.histogram) for r in rows)


def test_answers_are_cached_per_index_version(tmp_path: Path) -> None:
    run = tmp_path / "grow"
    with Archive.create(str(run), durable=False) as a:
        a.add("def solve(t, l, x):\n    return 1\n")
        src = RunSource(str(run))
        calls = []

        def count(conn):  # type: ignore[no-untyped-def]
            calls.append(1)
            return queries.totals(conn).seeds

        assert src.cached("n", count) == 1 and src.cached("n", count) == 1 and len(calls) == 1
        a.add("def solve(t, l, x):\n    return 2\n")
        assert src.cached("n", count) == 2 and len(calls) == 2  # a write by the run is seen


def test_new_records_reads_incrementally(small_run) -> None:
    run, _ = small_run
    src = RunSource(str(run))
    first = src.read(lambda c: queries.new_records(c, 0, 25))
    rest = src.read(lambda c: queries.new_records(c, first[-1][0], 1000))
    assert len(first) == 25 and len(rest) == 35 and not {r[1] for r in first} & {r[1] for r in rest}


def test_warming_a_run_answers_the_first_paint_from_the_cache(small_run) -> None:
    """``python -m dashboard`` warms before it serves: the run, lineage and population pages' first callbacks then
    find their figures computed (the very objects, not recomputed) for the index as it is."""
    from dashboard.cli import warm
    from dashboard.pages import lineage
    from dashboard.registry import Registry

    run, _ids = small_run
    registry = Registry(run_dir=str(run))
    warm(registry)
    src = registry.get(None).source
    warmed = dict(src._cache)
    assert {"totals", "champion", "fitness_figure", "activity_figure", "operators_figure"} <= set(warmed)
    top = src.cached("max_generation", queries.max_generation)
    first = lineage.graph_figure(src, [], [0, max(top, 1)], None, None)  # what the page's first paint asks
    assert any(first is value for _version, value in warmed.values())
    # Another filter is computed, not served from the first paint's figure.
    assert lineage.graph_figure(src, [0], [0, max(top, 1)], None, None) is not first


def _block(seed: str, version: str, split: str, solved: int, run: int) -> FitnessRecord:
    tasks = tuple(TaskScore(f"{version}-t{k}", 2 if k < solved else 0, 2, "") for k in range(run))
    return FitnessRecord(seed, "core", version, split, Outcome.SCORED, solved / max(run, 1), tasks, 5, 7, 1.0)


@pytest.fixture
def raced(tmp_path: Path) -> tuple[Path, str, dict[str, str]]:
    """A seed raced on three train blocks (block 0 scored twice: a full and a cut-short record), with a
    validation record and an old core-1 record."""
    run = tmp_path / "raced"
    with Archive.create(str(run), durable=False) as a:
        seed = a.add("def solve(t, l, x):\n    return 'r'\n", time=100.0).seed_id
        recs = {
            "b0": _block(seed, "core-2/train/b0", "train", 3, 4),
            "b0-short": _block(seed, "core-2/train/b0", "train", 2, 2),
            "b10": _block(seed, "core-2/train/b10", "train", 1, 4),
            "b2": _block(seed, "core-2/train/b2", "train", 4, 4),
            "val": _block(seed, "core-2/validation/validation24", "validation", 12, 24),
            "old": _block(seed, "core-1", "train", 12, 12),
        }
        ids = {name: a.add_record(rec).record_id for name, rec in recs.items()}
    return run, seed, ids


def test_counted_records_are_one_per_block_in_block_order_newest_version_first(raced) -> None:
    run, seed, ids = raced
    got = RunSource(str(run)).read(lambda c: queries.counted_record_ids(c, seed))
    assert got == [ids["b0"], ids["b2"], ids["b10"], ids["old"], ids["val"]]


def test_scores_by_split_are_the_evidence_pass_rates_of_the_newest_version(raced) -> None:
    run, seed, _ = raced
    scores = RunSource(str(run)).read(lambda c: queries.scores_by_split(c, seed))
    assert scores == {"train": 8 / 12, "validation": 0.5}  # not the best block's 1.0, not core-1's 1.0
