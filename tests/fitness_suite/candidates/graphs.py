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
    {
        "id": "lonely_guests",
        "sig": "def lonely_guests(guests: list[str], chats: list[list[str]]) -> list[str]:",
        "doc": """
            guests lists everyone at a party, and chats holds pairs [a, b] of guests who talked to
            each other. Return the guests who appear in no pair at all, in the order of guests.
        """,
        "difficulty": "easy",
        "tags": ["graphs", "lists"],
        "visible": [(["ann", "bob", "cy"], [["ann", "bob"]]), (["x"], [])],
        "hidden": [
            ([], []),
            (["a", "b"], [["a", "b"]]),
            (["zed", "amy", "kim"], []),
            (["d", "c", "b", "a"], [["a", "c"]]),
            (["p", "q", "r"], [["r", "p"]]),
            (["m", "n"], [["m", "m"]]),
            (["u", "v", "w"], [["v", "w"], ["w", "v"]]),
            (["e", "f", "g", "h"], [["h", "e"]]),
            (["s", "t", "o"], [["o", "s"], ["t", "o"]]),
        ],
        "ref": """
def lonely_guests(guests, chats):
    talked = {g for pair in chats for g in pair}
    return [g for g in guests if g not in talked]
""",
        "wrong": [
            """
def lonely_guests(guests, chats):
    talked = {g for pair in chats for g in pair}
    return sorted(set(guests) - talked)
""",
            """
def lonely_guests(guests, chats):
    talked = {a for a, _ in chats}
    return [g for g in guests if g not in talked]
""",
        ],
    },
    {
        "id": "route_km",
        "sig": "def route_km(roads: list[list], route: list[str]) -> int:",
        "doc": """
            roads holds two-way roads [town, town, km], at most one road between two towns. route
            lists towns visited one after another. Return the total km driven when each town is
            reached by the direct road from the town before it, or -1 when two consecutive towns of
            route have no direct road. A route of fewer than two towns is 0 km.
        """,
        "difficulty": "easy",
        "tags": ["graphs", "dicts"],
        "visible": [([["a", "b", 5], ["b", "c", 3]], ["a", "b", "c"]), ([["a", "b", 5]], ["a", "c"])],
        "hidden": [
            ([], []),
            ([], ["x"]),
            ([["a", "b", 5]], ["b", "a"]),
            ([["a", "b", 5], ["b", "c", 3]], ["c", "b", "a", "b"]),
            ([["p", "q", 0]], ["p", "q", "p"]),
            ([["a", "b", 2], ["c", "d", 4]], ["a", "b", "c", "d"]),
            ([["x", "y", 7], ["y", "z", 1], ["x", "z", 10]], ["x", "z", "y"]),
            ([["s", "t", 4]], ["s", "t", "u"]),
            ([["m", "n", 6], ["n", "o", 6]], ["o", "n", "m", "n", "o"]),
        ],
        "ref": """
def route_km(roads, route):
    km = {}
    for a, b, d in roads:
        km[(a, b)] = km[(b, a)] = d
    total = 0
    for a, b in zip(route, route[1:]):
        if (a, b) not in km:
            return -1
        total += km[(a, b)]
    return total
""",
        "wrong": [
            """
def route_km(roads, route):
    km = {(a, b): d for a, b, d in roads}
    total = 0
    for a, b in zip(route, route[1:]):
        if (a, b) not in km:
            return -1
        total += km[(a, b)]
    return total
""",
            """
def route_km(roads, route):
    km = {}
    for a, b, d in roads:
        km[(a, b)] = km[(b, a)] = d
    return sum(km.get((a, b), 0) for a, b in zip(route, route[1:]))
""",
        ],
    },
    {
        "id": "ancestor_line",
        "sig": "def ancestor_line(parent: dict[str, str], person: str) -> list[str]:",
        "doc": """
            parent maps each person of a family tree to their parent; people with no known parent are
            not keys. Return the line from person up to their oldest known ancestor: person first,
            then their parent, then that parent's parent, and so on. A person who is not a key gives
            [person].
        """,
        "difficulty": "easy",
        "tags": ["graphs", "dicts"],
        "visible": [({"cy": "bo", "bo": "al"}, "cy"), ({}, "zed")],
        "hidden": [
            ({"cy": "bo", "bo": "al"}, "bo"),
            ({"cy": "bo", "bo": "al"}, "al"),
            ({"a": "b"}, "a"),
            ({"a": "b"}, "z"),
            ({"d": "c", "c": "b", "b": "a", "e": "c"}, "e"),
            ({"x": "y", "y": "z"}, "x"),
            ({"k1": "k0", "k2": "k1", "k3": "k2"}, "k3"),
            ({"m": "n", "p": "q"}, "p"),
            ({"a": "b", "b": "c", "c": "d", "d": "e"}, "a"),
        ],
        "ref": """
def ancestor_line(parent, person):
    line = [person]
    while line[-1] in parent:
        line.append(parent[line[-1]])
    return line
""",
        "wrong": [
            """
def ancestor_line(parent, person):
    line = []
    while person in parent:
        person = parent[person]
        line.append(person)
    return line
""",
            """
def ancestor_line(parent, person):
    line = [person]
    while line[0] in parent:
        line.insert(0, parent[line[0]])
    return line
""",
        ],
    },
    {
        "id": "crossing_links",
        "sig": "def crossing_links(links: list[list[str]], group: list[str]) -> int:",
        "doc": """
            links holds two-way links [a, b] between offices, and group lists some of the offices.
            Return how many links join an office in group to an office outside it. A link with both
            ends in group, or both ends outside it, does not count; a repeated link counts every
            time.
        """,
        "difficulty": "easy",
        "tags": ["graphs", "lists"],
        "visible": [([["a", "b"], ["b", "c"], ["c", "d"]], ["a", "b"]), ([["x", "y"]], [])],
        "hidden": [
            ([], ["a"]),
            ([["a", "b"]], ["a", "b"]),
            ([["a", "b"]], ["b"]),
            ([["a", "b"], ["a", "b"]], ["a"]),
            ([["a", "b"], ["a", "c"], ["a", "d"]], ["a"]),
            ([["a", "b"], ["c", "d"], ["b", "c"]], ["b", "c"]),
            ([["p", "q"], ["q", "r"], ["r", "p"]], ["q"]),
            ([["m", "n"]], ["z"]),
            ([["e", "f"], ["g", "e"], ["f", "g"], ["h", "e"]], ["e", "f", "g"]),
        ],
        "ref": """
def crossing_links(links, group):
    inside = set(group)
    return sum(1 for a, b in links if (a in inside) != (b in inside))
""",
        "wrong": [
            """
def crossing_links(links, group):
    inside = set(group)
    return sum(1 for a, b in links if a in inside or b in inside)
""",
            """
def crossing_links(links, group):
    inside = set(group)
    return sum(1 for a, b in links if a in inside and b not in inside)
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
