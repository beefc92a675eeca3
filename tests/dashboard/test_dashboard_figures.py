"""Figures are pure functions from plain data: tested without a server."""

from __future__ import annotations

import numpy as np

from dashboard import figures
from dashboard.embeddings import pieces
from dashboard.live import flatten
from dashboard.queries import Activity, Evaluations, Graph, IslandFitness, Node, OperatorSuccess


def _annotation(fig) -> str:  # type: ignore[no-untyped-def]
    return str(fig.layout.annotations[0].text)


def test_pca_puts_the_widest_spread_on_the_first_component() -> None:
    rng = np.random.default_rng(0)
    t = rng.normal(size=50)
    x = np.stack([t * 10, t * 10 + rng.normal(scale=0.01, size=50), rng.normal(scale=0.5, size=50)], axis=1)
    xy = figures.pca_2d(x)
    assert xy.shape == (50, 2)
    assert abs(np.corrcoef(xy[:, 0], t)[0, 1]) > 0.999
    assert xy[:, 0].std() > 10 * xy[:, 1].std()
    assert np.allclose(xy.mean(axis=0), 0)


def test_pca_of_too_few_or_identical_rows_is_zeros() -> None:
    assert figures.pca_2d(np.ones((1, 4))).tolist() == [[0.0, 0.0]]
    assert np.allclose(figures.pca_2d(np.ones((3, 4))), 0)
    assert figures.pca_2d(np.eye(2)).shape == (2, 2)  # rank 1 after centring: padded to two columns


def test_fitness_curves_show_a_monotone_best_and_a_median_per_island() -> None:
    ev = Evaluations([0, 1, 0, 1, 0, 0], [0.2, 0.1, 0.5, 0.3, 0.4, 0.6], [0.0] * 6)
    fig = figures.fitness_curves(ev)
    names = [t.name for t in fig.data]
    assert names == ["island 0 best", "island 0 median", "island 1 best", "island 1 median"]
    best0 = list(fig.data[0].y)
    assert best0 == sorted(best0) and best0[-1] == 0.6
    assert list(fig.data[0].x)[-1] == 6  # x is the evaluation number over the whole run


def test_empty_inputs_give_a_figure_that_says_why() -> None:
    assert _annotation(figures.fitness_curves(Evaluations([], [], []))) == "no evaluations yet"
    assert (
        _annotation(figures.activity(Activity(0, 1, {}, {}, {}, {}, {}, {}, {}, {})))
        == "nothing proposed yet"
    )
    assert _annotation(figures.operators([])) == "no scored children yet"
    assert _annotation(figures.map_elites({}, 6, 8)) == "no scored seeds yet"
    assert "novelty map: loading" in _annotation(figures.novelty_map([], np.zeros((0, 2)), [], [], "loading"))
    assert _annotation(figures.lineage_graph(Graph([], [], 0), None)) == "no seed matches these filters"


def test_activity_is_per_minute() -> None:
    act = Activity(0.0, 30.0, {0: 4, 1: 2}, {0: 3, 1: 2}, {0: 1}, {0: 3, 1: 1}, {}, {}, {1: 1}, {})
    fig = figures.activity(act)
    by = {t.name: list(t.y) for t in fig.data}
    assert by["evaluations"] == [6.0, 2.0] and by["re-discoveries"] == [2.0, 0.0]
    assert by["neutral children"] == [0.0, 2.0]
    assert list(fig.data[0].x) == [0.0, 0.5]


def test_operator_shares_are_fractions_of_scored_children() -> None:
    fig = figures.operators(
        [OperatorSuccess("tweak", 10, 8, 2, 4, 2), OperatorSuccess("none", 3, 0, 0, 0, 0)]
    )
    by = {t.name: list(t.y) for t in fig.data}
    assert by == {"beat parent": [0.25], "neutral": [0.5], "worse": [0.25]}  # unscored operators left out


def test_map_elites_places_each_elite_in_its_cell() -> None:
    fig = figures.map_elites({(2, 0): (0.9, "ab" * 32), (0, 3): (0.1, "cd" * 32)}, bins=4, families=3)
    z = fig.data[0].z
    assert z[0][2] == 0.9 and z[3][0] == 0.1 and z[1][1] is None
    assert fig.data[0].text[0][2] == "ab" * 6


def test_the_lineage_graph_draws_links_and_rings_the_selected_seed() -> None:
    a, b = "a" * 64, "b" * 64
    g = Graph([Node(a, 0, 0, "origin", 0.5), Node(b, 1, 0, "tweak", None)], [(a, b)], 2)
    fig = figures.lineage_graph(g, b)
    links, nodes, ring = fig.data
    assert list(links.x) == [0, 1, None] and list(links.y) == [0.5, -0.08, None]
    assert list(nodes.customdata) == [a, b]
    assert ring.y[0] == -0.08  # an unscored seed sits below zero
    assert len(figures.lineage_graph(g, None).data) == 2


def test_task_strip_codes_pass_fail_and_error() -> None:
    fig = figures.task_strip([("t1", 3, 3, ""), ("t2", 1, 2, "wrong"), ("t3", 0, 0, "crashed")], "train")
    assert list(fig.data[0].z[0]) == [1.0, 0.25, -1.0]
    assert fig.data[0].text[0][1] == "t2: 1/2 tests — wrong"


def test_islands_stack_fitness_bands_and_name_current_members() -> None:
    fig = figures.islands([IslandFitness(0, 5, 4, (1, 0, 0, 0, 0, 3, 0, 0, 0, 0))], {0: 12})
    assert fig.data[0].x[0] == "island 0 (12 members)"
    assert [t.y[0] for t in fig.data] == [1, 0, 0, 0, 0, 3, 0, 0, 0, 0, 1]


def test_live_samples_tolerate_missing_keys() -> None:
    assert flatten({}) == {"elapsed_s": 0.0}
    got = flatten(
        {
            "elapsed_s": 10,
            "counters": {"tokens": 50, "evaluations": 3},
            "llm": {"busy_fraction": 0.5},
            "queued": 2,
            "in_flight": 1,
            "loops": 2,
        }
    )
    assert got["tokens_per_s"] == 5.0 and got["llm_busy"] == 0.5 and got["worker_use"] == 0.5


def test_pieces_cut_like_the_novelty_filter() -> None:
    src = "X = 1\n\ndef f():\n" + "".join(f"    a{i} = {i}\n" for i in range(8))
    got = pieces(src)
    assert got[0] == "X = 1" and len(got) == 3 and all(p.startswith("def f():") for p in got[1:])
    assert pieces("def (:") == ["def (:"]
