"""Core suite, family 'dicts': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "word_counts",
        "sig": "def word_counts(text: str) -> dict[str, int]:",
        "doc": """
            Count the words of text: return a dict mapping each lower-cased word to how many times it
            occurs. Words are separated by whitespace; punctuation is part of the word.
        """,
        "difficulty": "trivial",
        "tags": ["dicts", "strings"],
        "visible": [("the cat and the hat",), ("Go go GO",)],
        "hidden": [
            ("",),
            ("one",),
            ("a b a b a",),
            ("Hello hello, hello",),
            ("  spaced\tout\nwords  ",),
            ("x X x",),
            ("1 2 1",),
            ("same same same same",),
        ],
        "ref": """
def word_counts(text):
    counts = {}
    for w in text.lower().split():
        counts[w] = counts.get(w, 0) + 1
    return counts
""",
        "wrong": [
            """
def word_counts(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts
"""
        ],
    },
    {
        "id": "lookup_or_default",
        "sig": "def lookup_or_default(table: dict[str, int], key: str, default: int) -> int:",
        "doc": """
            Return table[key] if key is in table, otherwise default.
        """,
        "difficulty": "trivial",
        "tags": ["dicts"],
        "visible": [({"a": 1, "b": 2}, "a", 0), ({"a": 1}, "z", -1)],
        "hidden": [
            ({}, "a", 5),
            ({"a": 0}, "a", 9),
            ({"x": 10, "y": 20}, "y", 0),
            ({"key": 3}, "KEY", 4),
            ({"": 7}, "", 1),
            ({"a": -1}, "b", -1),
            ({"a": 1, "b": 2, "c": 3}, "c", 100),
            ({"n": 42}, "m", 42),
        ],
        "ref": """
def lookup_or_default(table, key, default):
    return table.get(key, default)
""",
        "wrong": [
            """
def lookup_or_default(table, key, default):
    return table.get(key) or default
"""
        ],
    },
    {
        "id": "group_by_first_letter",
        "sig": "def group_by_first_letter(words: list[str]) -> dict[str, list[str]]:",
        "doc": """
            Group words by their lower-cased first letter: return a dict mapping that letter to the list of
            words starting with it, in input order. Empty strings are skipped.
        """,
        "difficulty": "easy",
        "tags": ["dicts", "strings"],
        "visible": [(["apple", "bob", "avocado"],), (["Zed", "zoo"],)],
        "hidden": [
            ([],),
            ([""],),
            (["a"],),
            (["Ant", "ant", "bee", "", "Bear"],),
            (["x", "y", "z"],),
            (["same", "same"],),
            (["1st", "2nd", "1"],),
            (["", "", "q"],),
        ],
        "ref": """
def group_by_first_letter(words):
    groups = {}
    for w in words:
        if w:
            groups.setdefault(w[0].lower(), []).append(w)
    return groups
""",
        "wrong": [
            """
def group_by_first_letter(words):
    groups = {}
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w)
    return groups
"""
        ],
    },
    {
        "id": "merge_counts",
        "sig": "def merge_counts(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:",
        "doc": """
            Return a new dict with every key of a and b; the value of a key present in both is the sum
            of its two values.
        """,
        "difficulty": "easy",
        "tags": ["dicts"],
        "visible": [({"x": 1, "y": 2}, {"y": 3, "z": 4}), ({}, {"a": 1})],
        "hidden": [
            ({}, {}),
            ({"a": 1}, {}),
            ({"a": 1}, {"a": 1}),
            ({"a": -5}, {"a": 5}),
            ({"p": 1, "q": 2}, {"r": 3}),
            ({"k": 10, "m": 0}, {"k": 0, "m": 10}),
            ({"a": 1, "b": 2, "c": 3}, {"c": 3, "b": 2, "a": 1}),
            ({"only": 7}, {"only": 0}),
        ],
        "ref": """
def merge_counts(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out
""",
        "wrong": [
            """
def merge_counts(a, b):
    return {**a, **b}
"""
        ],
    },
    {
        "id": "most_frequent",
        "sig": "def most_frequent(items: list[str]) -> str | None:",
        "doc": """
            Return the item that occurs most often in items. If several are tied, return the one whose
            first occurrence comes earliest. Return None for an empty list.
        """,
        "difficulty": "easy",
        "tags": ["dicts", "lists"],
        "visible": [(["a", "b", "a"],), (["x", "y"],)],
        "hidden": [
            ([],),
            (["solo"],),
            (["b", "a", "a", "b"],),
            (["z", "y", "y", "z", "x"],),
            (["p", "q", "q"],),
            (["m", "m", "n", "n", "n"],),
            (["c", "b", "a"],),
            (["A", "a", "a"],),
        ],
        "ref": """
def most_frequent(items):
    counts = {}
    for x in items:
        counts[x] = counts.get(x, 0) + 1
    best = None
    for x in counts:
        if best is None or counts[x] > counts[best]:
            best = x
    return best
""",
        "wrong": [
            """
def most_frequent(items):
    if not items:
        return None
    return max(sorted(set(items)), key=items.count)
"""
        ],
    },
    {
        "id": "invert_multi",
        "sig": "def invert_multi(owners: dict[str, list[str]]) -> dict[str, list[str]]:",
        "doc": """
            owners maps a person to the things they own. Return the inverse: a dict mapping each thing to
            the sorted list of the people who own it.
        """,
        "difficulty": "easy",
        "tags": ["dicts", "sorting"],
        "visible": [({"ann": ["car", "bike"], "bob": ["car"]},), ({"cy": []},)],
        "hidden": [
            ({},),
            ({"a": ["x"]},),
            ({"zed": ["pen"], "amy": ["pen"], "kim": ["pen"]},),
            ({"a": ["x", "y"], "b": ["y", "z"], "c": ["z", "x"]},),
            ({"p": [], "q": ["r"]},),
            ({"one": ["t1", "t2", "t3"]},),
            ({"b": ["k"], "a": ["k"]},),
            ({"x": ["x"], "y": ["x"]},),
        ],
        "ref": """
def invert_multi(owners):
    out = {}
    for person, things in owners.items():
        for t in things:
            out.setdefault(t, []).append(person)
    return {t: sorted(p) for t, p in out.items()}
""",
        "wrong": [
            """
def invert_multi(owners):
    out = {}
    for person, things in owners.items():
        for t in things:
            out[t] = [person]
    return out
"""
        ],
    },
    {
        "id": "deep_get",
        "sig": "def deep_get(data: dict, path: str):",
        "doc": """
            Follow a dotted path of keys through nested dicts, e.g. "a.b.c" returns data["a"]["b"]["c"].
            Return None if any key is missing or an intermediate value is not a dict.
            The empty path returns data itself.
        """,
        "difficulty": "medium",
        "tags": ["dicts", "parsing"],
        "visible": [({"a": {"b": {"c": 5}}}, "a.b.c"), ({"a": {"b": 1}}, "a.x")],
        "hidden": [
            ({}, "a"),
            ({"a": 1}, ""),
            ({"a": 1}, "a"),
            ({"a": 1}, "a.b"),
            ({"a": {"b": None}}, "a.b"),
            ({"x": {"y": {"z": [1, 2]}}}, "x.y.z"),
            ({"x": {"y": {"z": [1, 2]}}}, "x.y"),
            ({"a": {"b": "str"}}, "a.b.c"),
            ({"k": {"": 3}}, "k."),
        ],
        "ref": """
def deep_get(data, path):
    if path == "":
        return data
    cur = data
    for key in path.split("."):
        if not isinstance(cur, dict) or key not in cur:
            return None
        cur = cur[key]
    return cur
""",
        "wrong": [
            """
def deep_get(data, path):
    cur = data
    try:
        for key in path.split("."):
            cur = cur[key]
    except (KeyError, TypeError):
        return None
    return cur
"""
        ],
    },
    {
        "id": "flatten_dict",
        "sig": "def flatten_dict(data: dict) -> dict:",
        "doc": """
            Flatten nested dicts into one level, joining keys with dots: {"a": {"b": 1}} becomes
            {"a.b": 1}. Values that are not dicts are kept as they are; an empty nested dict disappears.
        """,
        "difficulty": "medium",
        "tags": ["dicts", "recursion"],
        "visible": [({"a": {"b": 1, "c": 2}, "d": 3},), ({"x": {}},)],
        "hidden": [
            ({},),
            ({"a": 1},),
            ({"a": {"b": {"c": {"d": 4}}}},),
            ({"a": [1, {"b": 2}]},),
            ({"a": {"b": 1}, "a.c": 2},),
            ({"p": {"q": None, "r": {"s": True}}},),
            ({"k": {"": 1}},),
            ({"a": {"b": {}}, "c": {"d": "x"}},),
        ],
        "ref": """
def flatten_dict(data):
    out = {}
    def walk(d, prefix):
        for k, v in d.items():
            key = prefix + k
            if isinstance(v, dict):
                walk(v, key + ".")
            else:
                out[key] = v
    walk(data, "")
    return out
""",
        "wrong": [
            """
def flatten_dict(data):
    out = {}
    for k, v in data.items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                out[k + "." + k2] = v2
        else:
            out[k] = v
    return out
"""
        ],
    },
    {
        "id": "anagram_groups",
        "sig": "def anagram_groups(words: list[str]) -> list[list[str]]:",
        "doc": """
            Group words that are anagrams of each other (same letters, same counts, case-sensitive).
            Return a list of groups; the order of the groups and of the words inside a group does not
            matter. Every word appears in exactly one group (duplicates stay in the same group).
        """,
        "difficulty": "medium",
        "tags": ["dicts", "strings"],
        "checker": "unordered_groups",
        "visible": [(["eat", "tea", "tan", "ate", "nat", "bat"],), (["a"],)],
        "hidden": [
            ([],),
            ([""],),
            (["ab", "ba", "ab"],),
            (["abc", "def"],),
            (["aab", "aba", "ab"],),
            (["Tea", "eat"],),
            (["listen", "silent", "enlist", "google", "gogole"],),
            (["", "", "x"],),
        ],
        "ref": """
def anagram_groups(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return list(groups.values())
""",
        "wrong": [
            """
def anagram_groups(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(set(w))), []).append(w)
    return list(groups.values())
""",
            """
def anagram_groups(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w.lower())), []).append(w)
    return list(groups.values())
""",
        ],
    },
    {
        "id": "dict_diff",
        "sig": "def dict_diff(old: dict, new: dict) -> dict[str, list[str]]:",
        "doc": """
            Compare two flat dicts. Return {"added": [...], "removed": [...], "changed": [...]}: the keys
            only in new, the keys only in old, and the keys in both whose values differ, each list sorted.
        """,
        "difficulty": "medium",
        "tags": ["dicts", "sorting"],
        "visible": [({"a": 1, "b": 2}, {"b": 3, "c": 4}), ({}, {})],
        "hidden": [
            ({"a": 1}, {}),
            ({}, {"a": 1}),
            ({"a": 1}, {"a": 1}),
            ({"z": 1, "y": 2, "x": 3}, {"x": 0, "y": 0, "z": 1}),
            ({"a": 1}, {"a": True}),
            ({"a": [1]}, {"a": [1, 2]}),
            ({"k": None}, {"k": 0}),
            ({"c": 1, "a": 2}, {"d": 1, "b": 2}),
        ],
        "ref": """
def dict_diff(old, new):
    def differ(x, y):
        return type(x) is not type(y) or x != y
    return {
        "added": sorted(k for k in new if k not in old),
        "removed": sorted(k for k in old if k not in new),
        "changed": sorted(k for k in old if k in new and differ(old[k], new[k])),
    }
""",
        "wrong": [
            """
def dict_diff(old, new):
    return {
        "added": [k for k in new if k not in old],
        "removed": [k for k in old if k not in new],
        "changed": [k for k in old if k in new and old[k] != new[k]],
    }
"""
        ],
    },
    {
        "id": "topo_sort",
        "sig": "def topo_sort(deps: dict[str, list[str]]) -> list[str]:",
        "doc": """
            deps maps each task to the tasks it depends on (which may themselves be missing from deps'
            keys). Return an order of all tasks (keys and dependencies) in which every task comes after
            all of its dependencies; any valid order is accepted. Return [] if the dependencies contain
            a cycle.
        """,
        "difficulty": "hard",
        "tags": ["dicts", "graphs"],
        "checker": "topological_order",
        "visible": [({"b": ["a"], "c": ["b"]},), ({"x": ["y"], "y": ["x"]},)],
        "hidden": [
            ({},),
            ({"a": []},),
            ({"a": ["a"]},),
            ({"app": ["lib", "util"], "lib": ["util"]},),
            ({"d": ["b", "c"], "b": ["a"], "c": ["a"]},),
            ({"a": ["b"], "b": ["c"], "c": ["a"], "d": []},),
            ({"p": ["q"], "r": ["s"]},),
            ({"z": [], "y": ["z"], "x": ["y", "z"], "w": ["x"]},),
            ({"a": ["b"], "b": ["c"], "c": ["d"], "d": ["b"]},),
        ],
        "ref": """
def topo_sort(deps):
    nodes = []
    for k, vs in deps.items():
        for n in [k, *vs]:
            if n not in nodes:
                nodes.append(n)
    state = {}
    order = []
    def visit(n):
        if state.get(n) == 1:
            return False
        if state.get(n) == 2:
            return True
        state[n] = 1
        for d in deps.get(n, []):
            if not visit(d):
                return False
        state[n] = 2
        order.append(n)
        return True
    for n in nodes:
        if not visit(n):
            return []
    return order
""",
        "wrong": [
            """
def topo_sort(deps):
    order = []
    def visit(n):
        if n in order:
            return
        for d in deps.get(n, []):
            if d != n:
                visit(d)
        order.append(n)
    for n in deps:
        try:
            visit(n)
        except RecursionError:
            return []
    return order
"""
        ],
    },
    {
        "id": "nested_counts",
        "sig": "def nested_counts(pairs: list[list[str]]) -> dict[str, dict[str, int]]:",
        "doc": """
            pairs holds [outer, inner] observations, e.g. [city, product] for each sale. Return
            {outer: {inner: number of times the pair occurs}}.
        """,
        "difficulty": "easy",
        "tags": ["dicts"],
        "visible": [([["rome", "tea"], ["rome", "tea"], ["oslo", "jam"]],), ([],)],
        "hidden": [
            ([["a", "x"]],),
            ([["a", "x"], ["a", "y"]],),
            ([["a", "x"], ["b", "x"]],),
            ([["a", "a"], ["a", "a"], ["a", "a"]],),
            ([["x", "1"], ["y", "2"], ["x", "2"], ["x", "1"]],),
            ([["", ""]],),
            ([["k", "v"], ["v", "k"]],),
            ([["p", "q"], ["p", "r"], ["p", "q"], ["s", "q"]],),
        ],
        "ref": """
def nested_counts(pairs):
    out = {}
    for outer, inner in pairs:
        row = out.setdefault(outer, {})
        row[inner] = row.get(inner, 0) + 1
    return out
""",
        "wrong": [
            """
def nested_counts(pairs):
    out = {}
    for outer, inner in pairs:
        out[outer] = {inner: out.get(outer, {}).get(inner, 0) + 1}
    return out
"""
        ],
    },
    {
        "id": "rank_by_value",
        "sig": "def rank_by_value(d: dict[str, int]) -> list[str]:",
        "doc": """
            Return the keys of d ordered from the highest value to the lowest. Keys with equal values
            are ordered among themselves in ascending string order (so "B" comes before "a"). An empty
            dict gives [].
        """,
        "difficulty": "easy",
        "tags": ["dicts", "sorting"],
        "visible": [({"ann": 3, "bob": 5, "cy": 1},), ({"b": 2, "a": 2, "c": 9},)],
        "hidden": [
            ({},),
            ({"k": 0},),
            ({"x": 5, "y": 5, "z": 5},),
            ({"a": -1, "b": 1},),
            ({"b": 2, "B": 2, "a": 2},),
            ({"one": 1, "two": 2, "three": 3},),
            ({"m": 7, "n": 8, "l": 7, "o": -8},),
            ({"p": 0, "q": -1, "r": 0},),
        ],
        "ref": """
def rank_by_value(d):
    return sorted(d, key=lambda k: (-d[k], k))
""",
        "wrong": [
            """
def rank_by_value(d):
    return [k for k, v in sorted(d.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)]
""",
            """
def rank_by_value(d):
    return sorted(d, key=lambda k: (-d[k], k.lower()))
""",
        ],
    },
    {
        "id": "net_totals",
        "sig": "def net_totals(pairs: list[list]) -> dict[str, int]:",
        "doc": """
            pairs holds [name, amount] entries (amount is an int, possibly negative). Add up the amounts
            of each name and return {name: total}, leaving out every name whose total is exactly 0.
        """,
        "difficulty": "easy",
        "tags": ["dicts", "numbers"],
        "visible": [([["ann", 5], ["bob", 2], ["ann", 1]],), ([["x", 3], ["x", -3]],)],
        "hidden": [
            ([],),
            ([["a", 0]],),
            ([["a", 4]],),
            ([["a", -4], ["b", 4]],),
            ([["a", 1], ["b", 2], ["a", -1], ["b", 2]],),
            ([["q", 10], ["q", -3], ["q", -7], ["r", 1]],),
            ([["m", 0], ["n", 0], ["m", 2]],),
            ([["z", -1], ["z", -1]],),
        ],
        "ref": """
def net_totals(pairs):
    totals = {}
    for name, amount in pairs:
        totals[name] = totals.get(name, 0) + amount
    return {name: total for name, total in totals.items() if total != 0}
""",
        "wrong": [
            """
def net_totals(pairs):
    totals = {}
    for name, amount in pairs:
        totals[name] = totals.get(name, 0) + amount
    return totals
""",
            """
def net_totals(pairs):
    totals = {}
    for name, amount in pairs:
        if amount != 0:
            totals[name] = totals.get(name, 0) + amount
    return totals
""",
        ],
    },
    {
        "id": "invert_keep_smallest",
        "sig": "def invert_keep_smallest(d: dict[str, str]) -> dict[str, str]:",
        "doc": """
            Swap the keys and values of d: each value becomes a key mapped to the key it came from. When
            several keys share one value, keep the smallest of those keys in ascending string order.
        """,
        "difficulty": "easy",
        "tags": ["dicts", "strings"],
        "visible": [({"a": "x", "b": "y"},), ({"dog": "pet", "cat": "pet"},)],
        "hidden": [
            ({},),
            ({"a": "x"},),
            ({"c": "x", "b": "y", "a": "x"},),
            ({"a": "x", "b": "x"},),
            ({"z": "1", "y": "2", "x": "1"},),
            ({"b": "v", "B": "v"},),
            ({"k": "k", "j": "k"},),
            ({"m": "p", "l": "q", "n": "p", "a": "q"},),
        ],
        "ref": """
def invert_keep_smallest(d):
    out = {}
    for key, value in d.items():
        if value not in out or key < out[value]:
            out[value] = key
    return out
""",
        "wrong": [
            """
def invert_keep_smallest(d):
    return {v: k for k, v in d.items()}
"""
        ],
    },
    {
        "id": "rename_keys",
        "sig": "def rename_keys(d: dict, mapping: dict[str, str]) -> dict:",
        "doc": """
            Return a new dict in which every key of d that appears in mapping is renamed to
            mapping[key]; keys not in mapping are kept as they are, values never change, and d itself
            is left unchanged. mapping may name keys that d does not have (they are ignored), and it
            never makes two keys of the result equal.
        """,
        "difficulty": "easy",
        "tags": ["dicts"],
        "visible": [({"a": 1, "b": 2}, {"a": "x"}), ({"n": 5}, {"m": "z"})],
        "hidden": [
            ({}, {"a": "b"}),
            ({"a": 1}, {}),
            ({"a": 1, "b": 2}, {"a": "b", "b": "a"}),
            ({"k": None}, {"z": "y"}),
            ({"x": 1, "y": 2, "z": 3}, {"x": "w"}),
            ({"p": [1], "q": "s"}, {"p": "P", "q": "Q"}),
            ({"a": 1, "b": 2, "c": 3}, {"a": "n", "c": "m"}),
            ({"id": 7, "nm": "x"}, {"nm": "name", "zz": "q"}),
        ],
        "ref": """
def rename_keys(d, mapping):
    return {mapping.get(key, key): value for key, value in d.items()}
""",
        "wrong": [
            """
def rename_keys(d, mapping):
    return {mapping[k]: v for k, v in d.items() if k in mapping}
""",
            """
def rename_keys(d, mapping):
    out = dict(d)
    for old, new in mapping.items():
        if old in out:
            out[new] = out.pop(old)
    return out
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
