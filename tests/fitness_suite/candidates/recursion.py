"""Candidate tasks, family 'recursion': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "mirror_nested",
        "sig": "def mirror_nested(items: list) -> list:",
        "doc": """
            Return a copy of items with the order reversed at every level: the outer list is
            reversed, and so is every list inside it, however deeply it is nested. Elements that are
            not lists stay as they are.
        """,
        "difficulty": "easy",
        "tags": ["recursion", "lists"],
        "visible": [([1, [2, 3], 4],), (["a", ["b", ["c", "d"]]],)],
        "hidden": [
            ([],),
            ([5],),
            ([[]],),
            ([[1, 2], [3, 4]],),
            ([1, [2, [3, [4, 5]]]],),
            (["x", "y", "z"],),
            ([[[1, 2, 3]]],),
            ([None, [True, False], 0],),
            ([[1], [2, [3, 4]], []],),
        ],
        "ref": """
def mirror_nested(items):
    return [mirror_nested(x) if isinstance(x, list) else x for x in reversed(items)]
""",
        "wrong": [
            """
def mirror_nested(items):
    return items[::-1]
""",
            """
def mirror_nested(items):
    return [x[::-1] if isinstance(x, list) else x for x in reversed(items)]
""",
        ],
    },
    {
        "id": "count_nested_keys",
        "sig": "def count_nested_keys(data: dict) -> int:",
        "doc": """
            data is a dict whose values may themselves be dicts, nested to any depth. Return how many
            keys there are in all: the keys of data plus the keys of every dict inside it. Values
            that are not dicts (lists included) are not looked into.
        """,
        "difficulty": "easy",
        "tags": ["recursion", "dicts"],
        "visible": [({"a": 1, "b": {"c": 2, "d": {"e": 3}}},), ({},)],
        "hidden": [
            ({"x": None},),
            ({"a": {}, "b": {}},),
            ({"a": {"b": {"c": {"d": {}}}}},),
            ({"a": [{"b": 1}, {"c": 2}]},),
            ({"k": "text", "n": 5, "m": 1.5},),
            ({"a": {"x": 1}, "b": {"x": 2}, "c": {"x": 3}},),
            ({"outer": {"inner": {"leaf": [1, 2, 3]}, "other": 0}},),
            ({"1": {"2": {}}, "3": {"4": {}, "5": {"6": True}}},),
        ],
        "ref": """
def count_nested_keys(data):
    return sum(1 + (count_nested_keys(v) if isinstance(v, dict) else 0) for v in data.values())
""",
        "wrong": [
            """
def count_nested_keys(data):
    total = 0
    for v in data.values():
        if isinstance(v, dict):
            total += count_nested_keys(v)
        else:
            total += 1
    return total
""",
            """
def count_nested_keys(data):
    total = 0
    for v in data.values():
        total += 1
        if isinstance(v, dict):
            total += count_nested_keys(v)
        elif isinstance(v, list):
            total += sum(count_nested_keys(x) for x in v if isinstance(x, dict))
    return total
""",
        ],
    },
    {
        "id": "drop_empty_dicts",
        "sig": "def drop_empty_dicts(data: dict) -> dict:",
        "doc": """
            Return a copy of data without empty dicts, at every depth: a key is dropped when its
            value is a dict that is empty, or that becomes empty once its own empty dicts are
            removed. All other values, including empty lists, empty strings, 0 and None, are kept.
        """,
        "difficulty": "medium",
        "tags": ["recursion", "dicts"],
        "visible": [({"a": 1, "b": {}, "c": {"d": {}}},), ({"x": {"y": 2, "z": {}}},)],
        "hidden": [
            ({},),
            ({"a": {}},),
            ({"a": [], "b": "", "c": 0, "d": None},),
            ({"a": {"b": {"c": {}}}},),
            ({"a": {"b": {"c": {}}, "d": 1}},),
            ({"k": {"v": [{}]}},),
            ({"p": {"q": {"r": 5}}, "s": {}},),
            ({"one": 1, "two": {"three": {}, "four": {"five": {}}}},),
            ({"a": {"b": False}},),
        ],
        "ref": """
def drop_empty_dicts(data):
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = drop_empty_dicts(value)
            if not value:
                continue
        out[key] = value
    return out
""",
        "wrong": [
            """
def drop_empty_dicts(data):
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            if not value:
                continue
            value = drop_empty_dicts(value)
        out[key] = value
    return out
""",
            """
def drop_empty_dicts(data):
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = drop_empty_dicts(value)
        if not value:
            continue
        out[key] = value
    return out
""",
        ],
    },
    {
        "id": "people_under",
        "sig": "def people_under(reports: dict[str, list[str]], name: str) -> int:",
        "doc": """
            reports maps each manager to the list of people who report directly to them; someone who
            manages nobody may be missing from reports. Return how many people are below name in the
            hierarchy: their direct reports, the reports of those, and so on (name itself is not
            counted). There are no cycles.
        """,
        "difficulty": "easy",
        "tags": ["recursion", "graphs"],
        "visible": [
            ({"ann": ["bob", "cy"], "bob": ["dee"]}, "ann"),
            ({"ann": ["bob", "cy"], "bob": ["dee"]}, "cy"),
        ],
        "hidden": [
            ({}, "x"),
            ({"a": []}, "a"),
            ({"a": ["b"], "b": ["c"], "c": ["d"]}, "a"),
            ({"a": ["b"], "b": ["c"], "c": ["d"]}, "b"),
            ({"boss": ["p", "q", "r"]}, "boss"),
            ({"r": ["a", "b"], "a": ["c", "d"], "b": ["e"], "e": ["f", "g"]}, "r"),
            ({"r": ["a", "b"], "a": ["c", "d"], "b": ["e"], "e": ["f", "g"]}, "b"),
            ({"r": ["a"], "a": []}, "r"),
            ({"top": ["mid"], "mid": ["low1", "low2"], "other": ["z"]}, "top"),
        ],
        "ref": """
def people_under(reports, name):
    return sum(1 + people_under(reports, p) for p in reports.get(name, []))
""",
        "wrong": [
            """
def people_under(reports, name):
    return len(reports.get(name, []))
""",
            """
def people_under(reports, name):
    return 1 + sum(people_under(reports, p) for p in reports.get(name, []))
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
