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
    {
        "id": "max_in_nested",
        "sig": "def max_in_nested(items: list) -> int | None:",
        "doc": """
            items is a list whose elements are ints or lists of the same kind, nested to any depth.
            Return the largest int found anywhere inside it, or None when it holds no int at all.
        """,
        "difficulty": "easy",
        "tags": ["recursion", "lists"],
        "visible": [([3, [7, [2]], 5],), ([[-4, [-2]], -9],)],
        "hidden": [
            ([],),
            ([[]],),
            ([[], [[]]],),
            ([0],),
            ([-1],),
            ([[-5], [-3, [-8]]],),
            ([1, [2, [3, [4]]]],),
            ([[10], 10],),
            ([5, [], [6]],),
            ([[[[-100]]]],),
            ([[2, [9]], [[9, 1]]],),
        ],
        "ref": """
def max_in_nested(items):
    best = None
    for x in items:
        value = max_in_nested(x) if isinstance(x, list) else x
        if value is not None and (best is None or value > best):
            best = value
    return best
""",
        "wrong": [
            """
def max_in_nested(items):
    best = 0
    for x in items:
        value = max_in_nested(x) if isinstance(x, list) else x
        if value > best:
            best = value
    return best
""",
            """
def max_in_nested(items):
    if not items:
        return None
    return max(max_in_nested(x) if isinstance(x, list) else x for x in items)
""",
        ],
    },
    {
        "id": "outline_text",
        "sig": "def outline_text(items: list) -> str:",
        "doc": """
            items is a list of strings and lists of the same kind, nested to any depth. Write it as
            an outline: every string on a line of its own, in left-to-right order, indented by two
            spaces for each list it sits in beyond items itself (strings directly in items are not
            indented). Lines are joined by "\\n" with no newline at the end; return "" when there
            are no strings.
        """,
        "difficulty": "medium",
        "tags": ["recursion", "strings"],
        "visible": [(["Fruit", ["Apple", "Pear"], "Veg"],), ([["a", ["b"]], "c"],)],
        "hidden": [
            ([],),
            ([[]],),
            (["only"],),
            ([["deep"]],),
            ([[["deeper"]]],),
            (["x", "y", "z"],),
            (["top", ["mid", ["low", "low2"], "mid2"], "top2"],),
            ([[], "a", [[], "b"]],),
            (["1", ["2", ["3", ["4"]]]],),
            ([["p", "q"], ["r"]],),
        ],
        "ref": """
def outline_text(items):
    lines = []

    def walk(node, depth):
        for x in node:
            if isinstance(x, list):
                walk(x, depth + 1)
            else:
                lines.append("  " * depth + x)

    walk(items, 0)
    return "\\n".join(lines)
""",
        "wrong": [
            """
def outline_text(items):
    lines = []

    def walk(node, depth):
        for x in node:
            if isinstance(x, list):
                walk(x, depth + 1)
            else:
                lines.append("  " * depth + x)

    walk(items, 1)
    return "\\n".join(lines)
""",
            """
def outline_text(items):
    lines = []

    def walk(node, depth):
        for x in node:
            if isinstance(x, list):
                walk(x, depth + 1)
            else:
                lines.append("  " * depth + x + "\\n")

    walk(items, 0)
    return "".join(lines)
""",
        ],
    },
    {
        "id": "halve_until",
        "sig": "def halve_until(items: list[int], size: int) -> list[list[int]]:",
        "doc": """
            Split the non-empty list items into two halves; when its length is odd, the first half
            gets the extra element. Keep splitting every piece the same way while it is longer than
            size (size >= 1). Return the final pieces in their left-to-right order.
        """,
        "difficulty": "medium",
        "tags": ["recursion", "lists"],
        "visible": [([1, 2, 3, 4, 5, 6, 7, 8], 2), ([1, 2, 3, 4, 5], 2)],
        "hidden": [
            ([9], 1),
            ([1, 2], 2),
            ([1, 2], 1),
            ([1, 2, 3], 1),
            ([1, 2, 3], 2),
            ([4, 5, 6], 3),
            ([1, 2, 3, 4, 5, 6, 7], 3),
            ([1, 2, 3, 4, 5, 6, 7], 1),
            ([8, 7, 6, 5, 4, 3], 2),
            ([1, 1, 1, 1, 1, 1, 1, 1, 1], 4),
            ([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 2),
        ],
        "ref": """
def halve_until(items, size):
    if len(items) <= size:
        return [items]
    mid = (len(items) + 1) // 2
    return halve_until(items[:mid], size) + halve_until(items[mid:], size)
""",
        "wrong": [
            """
def halve_until(items, size):
    if len(items) <= size:
        return [items]
    mid = len(items) // 2
    return halve_until(items[:mid], size) + halve_until(items[mid:], size)
""",
            """
def halve_until(items, size):
    return [items[i : i + size] for i in range(0, len(items), size)]
""",
        ],
    },
    {
        "id": "folder_total",
        "sig": "def folder_total(tree: dict, path: str) -> int:",
        "doc": """
            tree describes a folder: each key is a name whose value is either an int, the size of a
            file, or a dict, a subfolder described the same way. path names a folder inside tree as
            folder names joined by "/", like "docs/old"; the empty path "" names tree itself. path
            always exists. Return the total size of the files in that folder, including those in
            its subfolders at any depth (0 when there are none).
        """,
        "difficulty": "medium",
        "tags": ["recursion", "dicts"],
        "visible": [
            ({"a.txt": 5, "docs": {"b.txt": 7, "old": {"c.txt": 1}}}, "docs"),
            ({"a.txt": 5, "docs": {"b.txt": 7, "old": {"c.txt": 1}}}, "docs/old"),
        ],
        "hidden": [
            ({}, ""),
            ({"a": 3}, ""),
            ({"a.txt": 5, "docs": {"b.txt": 7, "old": {"c.txt": 1}}}, ""),
            ({"x": {}}, "x"),
            ({"x": {"y": {"z": {}}}}, ""),
            ({"x": {"y": {"z": {"f": 9}}}}, "x"),
            ({"x": {"y": {"z": {"f": 9}}}, "g": 1}, "x/y/z"),
            ({"src": {"main.py": 120, "lib": {"u.py": 30, "v.py": 0}}, "README": 10}, "src"),
            ({"m": {"n": 2, "o": {"p": 3}, "q": {"r": {"s": 4}}}}, "m"),
            ({"m": {"n": 2, "o": {"p": 3}, "q": {"r": {"s": 4}}}}, "m/q"),
        ],
        "ref": """
def folder_total(tree, path):
    def size(node):
        return sum(size(v) if isinstance(v, dict) else v for v in node.values())

    node = tree
    for name in path.split("/") if path else []:
        node = node[name]
    return size(node)
""",
        "wrong": [
            """
def folder_total(tree, path):
    def size(node):
        return sum(size(v) if isinstance(v, dict) else v for v in node.values())

    node = tree
    for name in path.split("/"):
        node = node[name]
    return size(node)
""",
            """
def folder_total(tree, path):
    node = tree
    for name in path.split("/") if path else []:
        node = node[name]
    return sum(v for v in node.values() if not isinstance(v, dict))
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
