"""Candidate tasks, family 'graphs': nodes, edges and reachability. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "sink_nodes",
        "sig": "def sink_nodes(edges: list[list[str]]) -> list[str]:",
        "doc": """
            edges holds one-way links [from, to]. Return, sorted and without repeats, every node that
            appears in edges but has no outgoing link (a link [a, a] from a node to itself is an
            outgoing link of a).
        """,
        "difficulty": "easy",
        "tags": ["graphs", "sorting"],
        "visible": [([["a", "b"], ["b", "c"], ["d", "c"]],), ([["x", "y"], ["y", "x"]],)],
        "hidden": [
            ([],),
            ([["a", "a"]],),
            ([["a", "b"]],),
            ([["a", "b"], ["a", "c"]],),
            ([["z", "y"], ["y", "x"], ["w", "x"]],),
            ([["b", "a"], ["c", "a"], ["a", "d"], ["e", "e"]],),
            ([["p", "q"], ["p", "q"]],),
            ([["m", "n"], ["n", "o"], ["o", "m"], ["q", "r"]],),
            ([["c", "b"], ["c", "a"]],),
        ],
        "ref": """
def sink_nodes(edges):
    sources = {a for a, _ in edges}
    return sorted({b for _, b in edges} - sources)
""",
        "wrong": [
            """
def sink_nodes(edges):
    sources = {a for a, _ in edges}
    out = []
    for _, b in edges:
        if b not in sources and b not in out:
            out.append(b)
    return out
""",
            """
def sink_nodes(edges):
    sources = {a for a, _ in edges}
    return sorted(b for _, b in edges if b not in sources)
""",
        ],
    },
    {
        "id": "mutual_follows",
        "sig": "def mutual_follows(follows: list[list[str]]) -> list[list[str]]:",
        "doc": """
            follows holds pairs [a, b] meaning that a follows b (a pair may be repeated). Return every
            pair of two different people who follow each other, written [x, y] with x < y, each pair
            once, the pairs sorted.
        """,
        "difficulty": "medium",
        "tags": ["graphs", "sorting"],
        "visible": [([["ann", "bob"], ["bob", "ann"], ["ann", "cy"]],), ([["x", "x"]],)],
        "hidden": [
            ([],),
            ([["a", "b"]],),
            ([["b", "a"], ["a", "b"]],),
            ([["a", "b"], ["b", "a"], ["a", "b"], ["b", "a"]],),
            ([["d", "c"], ["c", "d"], ["a", "b"], ["b", "a"]],),
            ([["a", "b"], ["b", "c"], ["c", "a"]],),
            ([["p", "q"], ["q", "p"], ["p", "r"], ["r", "p"], ["q", "r"]],),
            ([["z", "z"], ["z", "y"], ["y", "z"]],),
        ],
        "ref": """
def mutual_follows(follows):
    seen = {(a, b) for a, b in follows}
    return sorted([a, b] for a, b in seen if a < b and (b, a) in seen)
""",
        "wrong": [
            """
def mutual_follows(follows):
    return [[a, b] for a, b in follows if a < b and [b, a] in follows]
""",
            """
def mutual_follows(follows):
    seen = {(a, b) for a, b in follows}
    return sorted([a, b] for a, b in seen if a <= b and (b, a) in seen)
""",
        ],
    },
    {
        "id": "within_hops",
        "sig": "def within_hops(links: list[list[str]], start: str, hops: int) -> list[str]:",
        "doc": """
            links holds two-way links between places. Return, sorted, every place that can be reached
            from start using at most hops links (hops >= 0); start itself is always included, even when
            it has no links.
        """,
        "difficulty": "medium",
        "tags": ["graphs", "sorting"],
        "visible": [([["a", "b"], ["b", "c"], ["c", "d"]], "a", 2), ([["a", "b"]], "z", 3)],
        "hidden": [
            ([], "s", 0),
            ([["a", "b"]], "a", 0),
            ([["a", "b"]], "b", 1),
            ([["a", "b"], ["b", "c"], ["c", "d"]], "d", 5),
            ([["a", "b"], ["a", "c"], ["c", "d"], ["d", "e"]], "a", 1),
            ([["a", "b"], ["b", "c"], ["a", "c"], ["c", "d"]], "a", 2),
            ([["s", "t"], ["t", "u"], ["u", "s"], ["u", "v"]], "s", 1),
            ([["1", "2"], ["2", "3"], ["3", "4"], ["4", "5"]], "3", 1),
            ([["h", "i"], ["j", "k"]], "h", 2),
        ],
        "ref": """
def within_hops(links, start, hops):
    near = {}
    for a, b in links:
        near.setdefault(a, []).append(b)
        near.setdefault(b, []).append(a)
    seen, frontier = {start}, [start]
    for _ in range(hops):
        frontier = [n for p in frontier for n in near.get(p, []) if n not in seen]
        seen.update(frontier)
    return sorted(seen)
""",
        "wrong": [
            """
def within_hops(links, start, hops):
    near = {}
    for a, b in links:
        near.setdefault(a, []).append(b)
        near.setdefault(b, []).append(a)
    seen = set()

    def visit(p, left):
        seen.add(p)
        if left == 0:
            return
        for n in near.get(p, []):
            if n not in seen:
                visit(n, left - 1)

    visit(start, hops)
    return sorted(seen)
""",
            """
def within_hops(links, start, hops):
    near = {}
    for a, b in links:
        near.setdefault(a, []).append(b)
    seen, frontier = {start}, [start]
    for _ in range(hops):
        frontier = [n for p in frontier for n in near.get(p, []) if n not in seen]
        seen.update(frontier)
    return sorted(seen)
""",
        ],
    },
    {
        "id": "most_connected",
        "sig": "def most_connected(edges: list[list[str]]) -> str:",
        "doc": """
            edges holds two-way links [u, v] between two different nodes; a link may be repeated and
            every copy counts. Return the node with the most links; on a tie the name that sorts first
            wins. Return "" when there are no links.
        """,
        "difficulty": "easy",
        "tags": ["graphs", "dicts"],
        "visible": [([["a", "b"], ["b", "c"]],), ([["y", "x"]],)],
        "hidden": [
            ([],),
            ([["m", "n"], ["m", "n"]],),
            ([["c", "d"], ["d", "e"], ["c", "f"]],),
            ([["z", "a"], ["z", "b"], ["z", "c"]],),
            ([["q", "p"], ["s", "r"]],),
            ([["b", "a"], ["c", "a"], ["b", "d"], ["b", "e"]],),
            ([["k", "l"], ["l", "m"], ["m", "k"]],),
            ([["a", "z"], ["b", "z"]],),
            ([["n2", "n1"], ["n3", "n2"], ["n1", "n3"], ["n3", "n4"]],),
        ],
        "ref": """
def most_connected(edges):
    count = {}
    for u, v in edges:
        count[u] = count.get(u, 0) + 1
        count[v] = count.get(v, 0) + 1
    return min(count, key=lambda n: (-count[n], n), default="")
""",
        "wrong": [
            """
def most_connected(edges):
    count = {}
    for u, _ in edges:
        count[u] = count.get(u, 0) + 1
    return min(count, key=lambda n: (-count[n], n), default="")
""",
            """
from collections import Counter


def most_connected(edges):
    count = Counter(n for edge in edges for n in edge)
    return count.most_common(1)[0][0] if count else ""
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
