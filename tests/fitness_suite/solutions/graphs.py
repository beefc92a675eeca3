"""Core suite, family 'graphs': graphs and search. Specs, reference solutions and plausible wrong ones."""

TASKS = [
    {
        "id": "out_degrees",
        "sig": "def out_degrees(edges: list[list[str]]) -> dict[str, int]:",
        "doc": """
            edges holds directed edges [from, to] (repeats are separate edges). Return each node's
            number of outgoing edges, including 0 for nodes that only appear as a target.
        """,
        "difficulty": "trivial",
        "tags": ["graphs", "dicts"],
        "visible": [([["a", "b"], ["a", "c"], ["b", "c"]],), ([],)],
        "hidden": [
            ([["x", "x"]],),
            ([["a", "b"], ["a", "b"]],),
            ([["a", "b"], ["b", "a"]],),
            ([["p", "q"]],),
            ([["1", "2"], ["2", "3"], ["3", "1"], ["1", "3"]],),
            ([["hub", "a"], ["hub", "b"], ["hub", "c"]],),
            ([["a", "b"], ["c", "d"]],),
            ([["z", "y"], ["y", "x"], ["x", "w"]],),
        ],
        "ref": """
def out_degrees(edges):
    out = {}
    for a, b in edges:
        out[a] = out.get(a, 0) + 1
        out.setdefault(b, 0)
    return out
""",
        "wrong": [
            """
def out_degrees(edges):
    out = {}
    for a, b in edges:
        out[a] = out.get(a, 0) + 1
    return out
"""
        ],
    },
    {
        "id": "neighbours_of",
        "sig": "def neighbours_of(edges: list[list[int]], node: int) -> list[int]:",
        "doc": """
            edges holds undirected edges [u, v]. Return the distinct nodes joined to node by an edge,
            sorted (node itself is included only when there is an edge [node, node]).
        """,
        "difficulty": "trivial",
        "tags": ["graphs", "lists"],
        "visible": [([[1, 2], [3, 1], [2, 3]], 1), ([[4, 5]], 6)],
        "hidden": [
            ([], 0),
            ([[1, 2]], 2),
            ([[1, 2], [2, 1]], 1),
            ([[7, 7]], 7),
            ([[5, 1], [5, 3], [2, 5], [5, 3]], 5),
            ([[0, 1], [1, 2], [2, 3]], 2),
            ([[10, -1], [-1, 3]], -1),
            ([[1, 2], [3, 4]], 4),
        ],
        "ref": """
def neighbours_of(edges, node):
    out = set()
    for u, v in edges:
        if u == node:
            out.add(v)
        if v == node:
            out.add(u)
    return sorted(out)
""",
        "wrong": [
            """
def neighbours_of(edges, node):
    return sorted({v for u, v in edges if u == node})
"""
        ],
    },
    {
        "id": "tree_root",
        "sig": "def tree_root(links: list[list[str]]) -> str:",
        "doc": """
            links holds [child, parent] pairs of a family tree with one root. Return the root: the one
            person who appears but never as a child. With no links return "".
        """,
        "difficulty": "easy",
        "tags": ["graphs", "dicts"],
        "visible": [([["bo", "al"], ["cy", "bo"]],), ([],)],
        "hidden": [
            ([["a", "r"]],),
            ([["c", "b"], ["b", "a"]],),
            ([["x", "root"], ["y", "root"], ["z", "root"]],),
            ([["leaf", "mid"], ["mid", "top"], ["other", "top"]],),
            ([["d", "c"], ["c", "b"], ["b", "a"], ["e", "a"]],),
            ([["n2", "n1"], ["n3", "n2"], ["n4", "n1"]],),
            ([["k", "j"], ["j", "i"], ["i", "h"], ["h", "g"]],),
            ([["a", "z"], ["b", "a"]],),
        ],
        "ref": """
def tree_root(links):
    children = {c for c, _ in links}
    for _, p in links:
        if p not in children:
            return p
    return ""
""",
        "wrong": [
            """
def tree_root(links):
    return links[-1][1] if links else ""
"""
        ],
    },
    {
        "id": "is_reachable",
        "sig": "def is_reachable(edges: list[list[str]], start: str, goal: str) -> bool:",
        "doc": """
            edges holds one-way links [from, to]. Return True when goal can be reached from start by
            following links (every node reaches itself).
        """,
        "difficulty": "easy",
        "tags": ["graphs", "recursion"],
        "visible": [([["a", "b"], ["b", "c"]], "a", "c"), ([["a", "b"], ["b", "c"]], "c", "a")],
        "hidden": [
            ([], "a", "a"),
            ([], "a", "b"),
            ([["a", "b"]], "b", "a"),
            ([["a", "b"], ["b", "a"]], "b", "a"),
            ([["a", "b"], ["c", "d"]], "a", "d"),
            ([["a", "b"], ["b", "c"], ["c", "a"], ["c", "d"]], "b", "d"),
            ([["s", "x"], ["x", "x"], ["s", "y"], ["y", "t"]], "s", "t"),
            ([["1", "2"], ["2", "3"], ["3", "4"], ["4", "2"]], "2", "1"),
            ([["c", "d"], ["b", "c"], ["a", "b"]], "a", "d"),
        ],
        "ref": """
def is_reachable(edges, start, goal):
    seen = {start}
    todo = [start]
    while todo:
        n = todo.pop()
        for a, b in edges:
            if a == n and b not in seen:
                seen.add(b)
                todo.append(b)
    return goal in seen
""",
        "wrong": [
            """
def is_reachable(edges, start, goal):
    seen = {start}
    for a, b in edges:
        if a in seen:
            seen.add(b)
    return goal in seen
"""
        ],
    },
    {
        "id": "group_count",
        "sig": "def group_count(people: list[str], knows: list[list[str]]) -> int:",
        "doc": """
            knows holds pairs of people who know each other (in both directions). Two people are in the
            same group when a chain of acquaintances links them. Return the number of groups among
            people (everyone in a pair is in people).
        """,
        "difficulty": "easy",
        "tags": ["graphs"],
        "visible": [(["a", "b", "c"], [["a", "b"]]), (["a"], [])],
        "hidden": [
            ([], []),
            (["a", "b"], []),
            (["a", "b"], [["b", "a"]]),
            (["a", "b", "c", "d"], [["a", "b"], ["c", "d"]]),
            (["a", "b", "c", "d"], [["a", "b"], ["c", "d"], ["b", "c"]]),
            (["a", "b", "c"], [["a", "a"]]),
            (["p", "q", "r", "s", "t"], [["t", "p"], ["r", "q"], ["p", "r"]]),
            (["x", "y", "z"], [["z", "y"], ["y", "z"]]),
        ],
        "ref": """
def group_count(people, knows):
    parent = {p: p for p in people}

    def find(p):
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    for a, b in knows:
        parent[find(a)] = find(b)
    return len({find(p) for p in people})
""",
        "wrong": [
            """
def group_count(people, knows):
    return len(people) - len(knows)
"""
        ],
    },
    {
        "id": "hop_distance",
        "sig": "def hop_distance(links: list[list[str]], a: str, b: str) -> int:",
        "doc": """
            links holds two-way links between machines. Return the fewest links a message needs to go
            from a to b (0 when a == b), or -1 when b cannot be reached.
        """,
        "difficulty": "medium",
        "tags": ["graphs"],
        "visible": [([["a", "b"], ["b", "c"], ["a", "c"]], "a", "c"), ([["a", "b"]], "a", "z")],
        "hidden": [
            ([], "a", "a"),
            ([["a", "b"]], "b", "a"),
            ([["a", "b"], ["b", "c"], ["c", "d"]], "a", "d"),
            ([["a", "b"], ["b", "c"], ["c", "d"], ["d", "a"]], "a", "c"),
            ([["a", "b"], ["c", "d"]], "a", "d"),
            ([["s", "x"], ["x", "y"], ["y", "t"], ["s", "z"], ["z", "t"]], "s", "t"),
            ([["1", "2"], ["2", "3"], ["3", "4"], ["4", "5"], ["1", "5"]], "2", "5"),
            ([["m", "n"], ["n", "m"], ["n", "o"]], "o", "m"),
        ],
        "ref": """
from collections import deque


def hop_distance(links, a, b):
    adj = {}
    for u, v in links:
        adj.setdefault(u, []).append(v)
        adj.setdefault(v, []).append(u)
    dist = {a: 0}
    q = deque([a])
    while q:
        n = q.popleft()
        if n == b:
            return dist[n]
        for m in adj.get(n, []):
            if m not in dist:
                dist[m] = dist[n] + 1
                q.append(m)
    return -1
""",
        "wrong": [
            """
def hop_distance(links, a, b):
    adj = {}
    for u, v in links:
        adj.setdefault(u, []).append(v)
    dist = {a: 0}
    todo = [a]
    while todo:
        n = todo.pop()
        for m in adj.get(n, []):
            if m not in dist:
                dist[m] = dist[n] + 1
                todo.append(m)
    return dist.get(b, -1)
"""
        ],
    },
    {
        "id": "has_directed_cycle",
        "sig": "def has_directed_cycle(edges: list[list[str]]) -> bool:",
        "doc": """
            edges holds one-way dependencies [a, b]. Return True when following dependencies can lead
            from some node back to itself (a self-dependency [a, a] counts).
        """,
        "difficulty": "medium",
        "tags": ["graphs", "recursion"],
        "visible": [([["a", "b"], ["b", "c"], ["c", "a"]],), ([["a", "b"], ["a", "c"], ["b", "c"]],)],
        "hidden": [
            ([],),
            ([["a", "a"]],),
            ([["a", "b"]],),
            ([["a", "b"], ["b", "a"]],),
            ([["a", "b"], ["c", "b"]],),
            ([["a", "b"], ["b", "c"], ["c", "d"], ["d", "b"]],),
            ([["x", "y"], ["y", "z"], ["x", "z"], ["w", "x"]],),
            ([["p", "q"], ["r", "s"], ["s", "t"], ["t", "r"]],),
        ],
        "ref": """
def has_directed_cycle(edges):
    adj = {}
    for a, b in edges:
        adj.setdefault(a, []).append(b)
    state = {}

    def visit(n):
        state[n] = 1
        for m in adj.get(n, []):
            if state.get(m) == 1:
                return True
            if m not in state and visit(m):
                return True
        state[n] = 2
        return False

    return any(n not in state and visit(n) for n in list(adj))
""",
        "wrong": [
            """
def has_directed_cycle(edges):
    adj = {}
    for a, b in edges:
        adj.setdefault(a, []).append(b)
    seen = set()

    def visit(n):
        if n in seen:
            return True
        seen.add(n)
        return any(visit(m) for m in adj.get(n, []))

    return any(visit(n) for n in list(adj) if n not in seen)
"""
        ],
    },
    {
        "id": "course_levels",
        "sig": "def course_levels(prereqs: dict[str, list[str]]) -> dict[str, int]:",
        "doc": """
            prereqs maps each course to the courses that must be taken before it (no circular
            requirements; every course mentioned is a key). A course without prerequisites is level 0;
            any other course is one more than the highest level among its prerequisites. Return every
            course's level.
        """,
        "difficulty": "medium",
        "tags": ["graphs", "recursion"],
        "visible": [({"intro": [], "data": ["intro"], "ml": ["data", "intro"]},), ({},)],
        "hidden": [
            ({"a": []},),
            ({"a": [], "b": []},),
            ({"a": [], "b": ["a"], "c": ["b"], "d": ["c"]},),
            ({"b": ["a"], "a": [], "c": ["a", "b"]},),
            ({"a": [], "b": [], "c": ["a", "b"]},),
            ({"x": [], "y": ["x"], "z": ["x"], "w": ["y", "z"]},),
            ({"a": [], "b": ["a"], "c": ["a"], "d": ["b"], "e": ["d", "c"]},),
            ({"top": ["l", "r"], "l": ["base"], "r": [], "base": []},),
        ],
        "ref": """
def course_levels(prereqs):
    memo = {}

    def level(c):
        if c not in memo:
            memo[c] = 1 + max((level(p) for p in prereqs[c]), default=-1)
        return memo[c]

    return {c: level(c) for c in prereqs}
""",
        "wrong": [
            """
def course_levels(prereqs):
    return {c: len(ps) for c, ps in prereqs.items()}
"""
        ],
    },
    {
        "id": "two_tables",
        "sig": "def two_tables(guests: int, feuds: list[list[int]]) -> bool:",
        "doc": """
            Guests are numbered 0 to guests - 1 and feuds lists pairs who must not sit at the same table.
            Return True when all guests can be seated at two tables without any feuding pair together.
        """,
        "difficulty": "medium",
        "tags": ["graphs"],
        "visible": [(3, [[0, 1], [1, 2]]), (3, [[0, 1], [1, 2], [2, 0]])],
        "hidden": [
            (0, []),
            (1, []),
            (2, [[0, 1]]),
            (1, [[0, 0]]),
            (4, [[0, 1], [1, 2], [2, 3], [3, 0]]),
            (5, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]]),
            (6, [[0, 1], [2, 3], [4, 5], [1, 2]]),
            (6, [[0, 1], [2, 3], [3, 4], [4, 2]]),
            (4, [[0, 1], [2, 3], [1, 3]]),
        ],
        "ref": """
def two_tables(guests, feuds):
    adj = [[] for _ in range(guests)]
    for a, b in feuds:
        adj[a].append(b)
        adj[b].append(a)
    side = [None] * guests
    for s in range(guests):
        if side[s] is not None:
            continue
        side[s] = 0
        todo = [s]
        while todo:
            n = todo.pop()
            for m in adj[n]:
                if side[m] is None:
                    side[m] = 1 - side[n]
                    todo.append(m)
                elif side[m] == side[n]:
                    return False
    return True
""",
        "wrong": [
            """
def two_tables(guests, feuds):
    side = {}
    for a, b in feuds:
        if a not in side:
            side[a] = 0
        if b in side and side[b] == side[a]:
            return False
        side[b] = 1 - side[a]
    return True
"""
        ],
    },
    {
        "id": "friend_suggestions",
        "sig": "def friend_suggestions(friends: list[list[str]], person: str) -> list[str]:",
        "doc": """
            friends holds pairs of friends (friendship goes both ways). Suggest to person everyone who is
            a friend of a friend but neither person nor already a friend, ordered by the number of mutual
            friends (most first), then by name.
        """,
        "difficulty": "hard",
        "tags": ["graphs", "sorting"],
        "visible": [
            ([["ann", "bob"], ["bob", "cat"], ["ann", "dan"], ["dan", "cat"], ["dan", "eve"]], "ann"),
            ([["a", "b"]], "a"),
        ],
        "hidden": [
            ([], "x"),
            ([["a", "b"], ["b", "c"]], "a"),
            ([["a", "b"], ["b", "c"]], "c"),
            ([["a", "b"], ["b", "c"], ["a", "c"]], "a"),
            ([["a", "b"], ["b", "z"], ["b", "y"]], "a"),
            ([["p", "f1"], ["p", "f2"], ["f1", "s"], ["f2", "s"], ["f2", "t"], ["f1", "p"]], "p"),
            ([["me", "x"], ["x", "me"], ["x", "far"], ["far", "farther"]], "me"),
            ([["u", "v"], ["v", "w"], ["w", "u2"], ["u", "v2"], ["v2", "w"]], "u"),
            ([["me", "a"], ["me", "b"], ["a", "zed"], ["b", "zed"], ["a", "amy"]], "me"),
        ],
        "ref": """
def friend_suggestions(friends, person):
    adj = {}
    for a, b in friends:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    mine = adj.get(person, set())
    mutual = {}
    for f in mine:
        for g in adj[f]:
            if g != person and g not in mine:
                mutual[g] = mutual.get(g, 0) + 1
    return sorted(mutual, key=lambda g: (-mutual[g], g))
""",
        "wrong": [
            """
def friend_suggestions(friends, person):
    adj = {}
    for a, b in friends:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    mine = adj.get(person, set())
    out = set()
    for f in mine:
        out |= adj[f]
    return sorted(out - mine - {person})
"""
        ],
    },
    {
        "id": "cheapest_route",
        "sig": "def cheapest_route(roads: list[list], start: str, goal: str) -> int:",
        "doc": """
            roads holds two-way roads [town, town, toll] with tolls >= 0. Return the smallest total toll
            of a trip from start to goal (0 when they are the same town), or -1 when goal cannot be
            reached.
        """,
        "difficulty": "hard",
        "tags": ["graphs", "greedy"],
        "visible": [([["a", "b", 5], ["b", "c", 1], ["a", "c", 10]], "a", "c"), ([["a", "b", 1]], "a", "c")],
        "hidden": [
            ([], "a", "a"),
            ([["a", "b", 0]], "b", "a"),
            ([["a", "b", 2], ["a", "b", 1]], "a", "b"),
            ([["a", "b", 1], ["b", "c", 1], ["c", "d", 1], ["a", "d", 5]], "a", "d"),
            ([["a", "b", 1], ["b", "c", 1], ["c", "d", 1], ["a", "d", 2]], "a", "d"),
            ([["s", "x", 4], ["s", "y", 1], ["y", "x", 1], ["x", "t", 1], ["y", "t", 5]], "s", "t"),
            ([["a", "b", 3], ["c", "d", 3]], "a", "d"),
            ([["p", "q", 7], ["q", "r", 0], ["r", "p", 2], ["r", "z", 9]], "q", "z"),
        ],
        "ref": """
import heapq


def cheapest_route(roads, start, goal):
    adj = {}
    for a, b, w in roads:
        adj.setdefault(a, []).append((b, w))
        adj.setdefault(b, []).append((a, w))
    best = {start: 0}
    heap = [(0, start)]
    while heap:
        d, n = heapq.heappop(heap)
        if n == goal:
            return d
        if d > best[n]:
            continue
        for m, w in adj.get(n, []):
            if d + w < best.get(m, float("inf")):
                best[m] = d + w
                heapq.heappush(heap, (d + w, m))
    return -1
""",
        "wrong": [
            """
from collections import deque


def cheapest_route(roads, start, goal):
    adj = {}
    for a, b, w in roads:
        adj.setdefault(a, []).append((b, w))
        adj.setdefault(b, []).append((a, w))
    cost = {start: 0}
    q = deque([start])
    while q:
        n = q.popleft()
        for m, w in adj.get(n, []):
            if m not in cost:
                cost[m] = cost[n] + w
                q.append(m)
    return cost.get(goal, -1)
"""
        ],
    },
    {
        "id": "longest_task_chain",
        "sig": "def longest_task_chain(durations: dict[str, int], after: list[list[str]]) -> int:",
        "doc": """
            durations gives each task's length in hours; after holds pairs [a, b] meaning b can only start
            once a has finished (no circular waits). With unlimited workers, return the fewest hours
            needed to finish every task (0 with no tasks).
        """,
        "difficulty": "hard",
        "tags": ["graphs", "dynamic-programming"],
        "visible": [({"a": 3, "b": 2, "c": 4}, [["a", "b"]]), ({"x": 5}, [])],
        "hidden": [
            ({}, []),
            ({"a": 1, "b": 1}, []),
            ({"a": 2, "b": 3}, [["a", "b"]]),
            ({"a": 2, "b": 3}, [["b", "a"]]),
            ({"a": 1, "b": 5, "c": 1}, [["a", "c"], ["b", "c"]]),
            ({"a": 1, "b": 2, "c": 3, "d": 4}, [["a", "b"], ["b", "c"], ["a", "d"]]),
            ({"s": 0, "m": 7, "e": 0}, [["s", "m"], ["m", "e"], ["s", "e"]]),
            ({"p": 4, "q": 1, "r": 1, "t": 1}, [["q", "r"], ["r", "t"]]),
            ({"a": 1, "b": 2, "c": 3}, [["b", "c"], ["a", "b"]]),
        ],
        "ref": """
def longest_task_chain(durations, after):
    preds = {t: [] for t in durations}
    for a, b in after:
        preds[b].append(a)
    memo = {}

    def finish(t):
        if t not in memo:
            memo[t] = durations[t] + max((finish(p) for p in preds[t]), default=0)
        return memo[t]

    return max((finish(t) for t in durations), default=0)
""",
        "wrong": [
            """
def longest_task_chain(durations, after):
    finish = dict(durations)
    for a, b in after:
        finish[b] = max(finish[b], finish[a] + durations[b])
    return max(finish.values(), default=0)
"""
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
