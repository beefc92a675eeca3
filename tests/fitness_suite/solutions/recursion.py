"""Core suite, family 'recursion': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "factorial",
        "sig": "def factorial(n: int) -> int:",
        "doc": """
            Return n! = 1 * 2 * ... * n for n >= 0 (0! is 1).
        """,
        "difficulty": "trivial",
        "tags": ["recursion", "numbers"],
        "visible": [(5,), (0,)],
        "hidden": [(1,), (2,), (3,), (10,), (12,), (20,), (25,), (7,)],
        "ref": """
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
""",
        "wrong": [
            """
def factorial(n):
    result = 1
    for i in range(1, n):
        result *= i
    return result
"""
        ],
    },
    {
        "id": "flatten_list",
        "sig": "def flatten_list(nested: list) -> list:",
        "doc": """
            Return the non-list elements of a list nested to any depth, in left-to-right order.
        """,
        "difficulty": "easy",
        "tags": ["recursion", "lists"],
        "visible": [([1, [2, [3, 4]], 5],), ([[], [[]]],)],
        "hidden": [
            ([],),
            ([1, 2],),
            ([[[[["deep"]]]]],),
            ([[1, 2], [3, [4, [5, [6]]]]],),
            (["a", ["b", None], [True]],),
            ([[], 1, [], 2],),
            ([[[1], 2], 3],),
            ([0, [0, [0]]],),
        ],
        "ref": """
def flatten_list(nested):
    out = []
    for x in nested:
        if isinstance(x, list):
            out.extend(flatten_list(x))
        else:
            out.append(x)
    return out
""",
        "wrong": [
            """
def flatten_list(nested):
    out = []
    for x in nested:
        if isinstance(x, list):
            out.extend(x)
        else:
            out.append(x)
    return out
"""
        ],
    },
    {
        "id": "digital_root",
        "sig": "def digital_root(n: int) -> int:",
        "doc": """
            Repeatedly replace n >= 0 by the sum of its decimal digits until a single digit remains, and
            return that digit.
        """,
        "difficulty": "easy",
        "tags": ["recursion", "numbers"],
        "visible": [(38,), (7,)],
        "hidden": [(0,), (9,), (10,), (99,), (999999999,), (123456789,), (19,), (10**15 + 1,)],
        "ref": """
def digital_root(n):
    return n if n < 10 else digital_root(sum(int(d) for d in str(n)))
""",
        "wrong": [
            """
def digital_root(n):
    return sum(int(d) for d in str(n))
"""
        ],
    },
    {
        "id": "nesting_depth",
        "sig": "def nesting_depth(value) -> int:",
        "doc": """
            Return how deeply lists are nested in value: 0 for a non-list, 1 for a list containing no
            lists (including []), and otherwise 1 + the largest depth among its elements.
        """,
        "difficulty": "easy",
        "tags": ["recursion", "lists"],
        "visible": [([1, [2, [3]]],), (5,)],
        "hidden": [
            ([],),
            ("text",),
            ([1, 2, 3],),
            ([[]],),
            ([[1], [[2]], 3],),
            ([1, [2], [[3], [[[4]]]]],),
            ([[[[]]], []],),
            ([None, [None]],),
        ],
        "ref": """
def nesting_depth(value):
    if not isinstance(value, list):
        return 0
    return 1 + max((nesting_depth(v) for v in value), default=0)
""",
        "wrong": [
            """
def nesting_depth(value):
    depth = 0
    while isinstance(value, list):
        depth += 1
        value = value[0] if value else None
    return depth
"""
        ],
    },
    {
        "id": "distinct_permutations",
        "sig": "def distinct_permutations(s: str) -> list[str]:",
        "doc": """
            Return every distinct rearrangement of the characters of s, each once, sorted
            alphabetically. The only permutation of "" is "".
        """,
        "difficulty": "medium",
        "tags": ["recursion", "strings"],
        "visible": [("abc",), ("aab",)],
        "hidden": [("",), ("z",), ("aa",), ("ab",), ("abcd",), ("aabb",), ("zzz",), ("bca",)],
        "ref": """
def distinct_permutations(s):
    if len(s) <= 1:
        return [s]
    out = set()
    for i, ch in enumerate(s):
        for rest in distinct_permutations(s[:i] + s[i + 1:]):
            out.add(ch + rest)
    return sorted(out)
""",
        "wrong": [
            """
def distinct_permutations(s):
    if len(s) <= 1:
        return [s]
    out = []
    for i, ch in enumerate(s):
        for rest in distinct_permutations(s[:i] + s[i + 1:]):
            out.append(ch + rest)
    return sorted(out)
"""
        ],
    },
    {
        "id": "count_subsets_with_sum",
        "sig": "def count_subsets_with_sum(nums: list[int], target: int) -> int:",
        "doc": """
            Count the subsets of positions of nums whose values add up to target. Positions are distinct
            even when values repeat, and the empty subset (sum 0) counts too.
        """,
        "difficulty": "medium",
        "tags": ["recursion", "lists"],
        "visible": [([1, 2, 3], 3), ([2, 2], 2)],
        "hidden": [
            ([], 0),
            ([], 5),
            ([5], 0),
            ([5], 5),
            ([1, 1, 1, 1], 2),
            ([3, -3, 0], 0),
            ([1, 2, 3, 4, 5], 10),
            ([10, 20], 15),
            ([2, 4, 6, 8], 12),
        ],
        "ref": """
def count_subsets_with_sum(nums, target):
    if not nums:
        return 1 if target == 0 else 0
    return count_subsets_with_sum(nums[1:], target) + count_subsets_with_sum(nums[1:], target - nums[0])
""",
        "wrong": [
            """
def count_subsets_with_sum(nums, target):
    count = 0
    def go(i, total, used):
        nonlocal count
        if i == len(nums):
            if used and total == target:
                count += 1
            return
        go(i + 1, total, used)
        go(i + 1, total + nums[i], True)
    go(0, 0, False)
    return count
"""
        ],
    },
    {
        "id": "hanoi_moves",
        "sig": "def hanoi_moves(n: int, source: str, target: str, spare: str) -> list[list[str]]:",
        "doc": """
            Return the shortest list of moves that carries a tower of n disks from peg source to peg
            target in the Towers of Hanoi puzzle, using peg spare. Each move is [from_peg, to_peg].
        """,
        "difficulty": "medium",
        "tags": ["recursion"],
        "visible": [(1, "A", "C", "B"), (2, "A", "C", "B")],
        "hidden": [
            (0, "A", "C", "B"),
            (3, "A", "C", "B"),
            (3, "L", "R", "M"),
            (2, "x", "y", "z"),
            (4, "A", "B", "C"),
            (1, "p", "q", "r"),
            (5, "1", "3", "2"),
            (2, "C", "A", "B"),
        ],
        "ref": """
def hanoi_moves(n, source, target, spare):
    if n == 0:
        return []
    return (hanoi_moves(n - 1, source, spare, target) + [[source, target]]
            + hanoi_moves(n - 1, spare, target, source))
""",
        "wrong": [
            """
def hanoi_moves(n, source, target, spare):
    if n == 0:
        return []
    return (hanoi_moves(n - 1, source, target, spare) + [[source, target]]
            + hanoi_moves(n - 1, spare, source, target))
"""
        ],
    },
    {
        "id": "phone_letter_combinations",
        "sig": "def phone_letter_combinations(digits: str) -> list[str]:",
        "doc": """
            On a phone keypad 2=abc, 3=def, 4=ghi, 5=jkl, 6=mno, 7=pqrs, 8=tuv, 9=wxyz. Return every string
            that digits (each 2-9) could spell, in alphabetical order. Return [] for "".
        """,
        "difficulty": "medium",
        "tags": ["recursion", "strings"],
        "visible": [("23",), ("7",)],
        "hidden": [("",), ("2",), ("9",), ("22",), ("79",), ("234",), ("56",), ("987",)],
        "ref": """
def phone_letter_combinations(digits):
    keys = {"2": "abc", "3": "def", "4": "ghi", "5": "jkl", "6": "mno", "7": "pqrs", "8": "tuv", "9": "wxyz"}
    if not digits:
        return []
    if len(digits) == 1:
        return list(keys[digits])
    return [c + rest for c in keys[digits[0]] for rest in phone_letter_combinations(digits[1:])]
""",
        "wrong": [
            """
def phone_letter_combinations(digits):
    keys = {"2": "abc", "3": "def", "4": "ghi", "5": "jkl", "6": "mno", "7": "pqr", "8": "tuv", "9": "wxy"}
    out = [""]
    for d in digits:
        out = [p + c for p in out for c in keys[d]]
    return out if digits else []
"""
        ],
    },
    {
        "id": "balanced_parentheses",
        "sig": "def balanced_parentheses(n: int) -> list[str]:",
        "doc": """
            Return every string of n pairs of correctly matched parentheses "(" and ")", sorted
            alphabetically ("(" sorts before ")"). For n = 0 the answer is [""]; for a negative n it is [].
        """,
        "difficulty": "hard",
        "tags": ["recursion", "strings"],
        "visible": [(2,), (1,)],
        "hidden": [(0,), (3,), (4,), (5,), (6,), (7,), (8,), (-1,)],
        "ref": """
def balanced_parentheses(n):
    if n < 0:
        return []
    out = []
    def go(prefix, opened, closed):
        if len(prefix) == 2 * n:
            out.append(prefix)
            return
        if opened < n:
            go(prefix + "(", opened + 1, closed)
        if closed < opened:
            go(prefix + ")", opened, closed + 1)
    go("", 0, 0)
    return sorted(out)
""",
        "wrong": [
            """
def balanced_parentheses(n):
    if n == 0:
        return [""]
    out = set()
    for s in balanced_parentheses(n - 1):
        out.update({"(" + s + ")", "()" + s, s + "()"})
    return sorted(out)
"""
        ],
    },
    {
        "id": "count_queens",
        "sig": "def count_queens(n: int) -> int:",
        "doc": """
            Return in how many ways n queens can be placed on an n x n chessboard so that no two attack
            each other (no shared row, column or diagonal). For n = 0 there is 1 way (the empty board).
        """,
        "difficulty": "hard",
        "tags": ["recursion"],
        "visible": [(4,), (1,)],
        "hidden": [(0,), (2,), (3,), (5,), (6,), (7,), (8,), (9,)],
        "ref": """
def count_queens(n):
    def place(row, cols, diag1, diag2):
        if row == n:
            return 1
        total = 0
        for c in range(n):
            if c not in cols and row - c not in diag1 and row + c not in diag2:
                total += place(row + 1, cols | {c}, diag1 | {row - c}, diag2 | {row + c})
        return total
    return place(0, frozenset(), frozenset(), frozenset())
""",
        "wrong": [
            """
def count_queens(n):
    def place(row, cols, diag):
        if row == n:
            return 1
        total = 0
        for c in range(n):
            if c not in cols and row - c not in diag:
                total += place(row + 1, cols | {c}, diag | {row - c})
        return total
    return place(0, frozenset(), frozenset())
"""
        ],
    },
    {
        "id": "sum_nested_numbers",
        "sig": "def sum_nested_numbers(data) -> int:",
        "doc": """
            data is JSON-like: an int, a string, None, a list of such values or a dict whose values are
            such values. Return the sum of every int anywhere inside data (dict keys do not count,
            True and False are not numbers here).
        """,
        "difficulty": "medium",
        "tags": ["recursion", "dicts"],
        "visible": [([1, {"a": 2, "b": [3, "x"]}],), ("7",)],
        "hidden": [
            (5,),
            (None,),
            ([],),
            ({},),
            ([[[[4]]]],),
            ({"1": 1, "2": {"3": 3}},),
            ([True, False, 2],),
            ([-1, {"x": [-2, {"y": -3}]}, "4"],),
        ],
        "ref": """
def sum_nested_numbers(data):
    if isinstance(data, bool):
        return 0
    if isinstance(data, int):
        return data
    if isinstance(data, list):
        return sum(sum_nested_numbers(x) for x in data)
    if isinstance(data, dict):
        return sum(sum_nested_numbers(x) for x in data.values())
    return 0
""",
        "wrong": [
            """
def sum_nested_numbers(data):
    if isinstance(data, int):
        return data
    if isinstance(data, list):
        return sum(sum_nested_numbers(x) for x in data)
    if isinstance(data, dict):
        return sum(sum_nested_numbers(x) for x in data.values())
    return 0
"""
        ],
    },
    {
        "id": "leaf_paths",
        "sig": "def leaf_paths(tree: dict) -> list[str]:",
        "doc": """
            tree is a folder tree: each key is a folder name and its value the tree of its subfolders
            ({} for none). Return the "/"-joined path of every folder that has no subfolders, sorted.
        """,
        "difficulty": "medium",
        "tags": ["recursion", "strings"],
        "visible": [({"a": {"b": {}, "c": {"d": {}}}},), ({},)],
        "hidden": [
            ({"x": {}},),
            ({"x": {}, "y": {}},),
            ({"a": {"a": {"a": {}}}},),
            ({"b": {}, "a": {"z": {}, "y": {}}},),
            ({"root": {"lib": {}, "bin": {}, "usr": {"lib": {}}}},),
            ({"1": {"2": {"3": {}, "4": {}}}, "5": {}},),
            ({"a": {}, "a-b": {}},),
            ({"top": {"mid": {"low": {}}, "other": {}}},),
            ({"a": {"b": {}}, "a-b": {}},),
        ],
        "ref": """
def leaf_paths(tree):
    out = []

    def walk(node, prefix):
        for name, sub in node.items():
            path = prefix + name
            if sub:
                walk(sub, path + "/")
            else:
                out.append(path)

    walk(tree, "")
    return sorted(out)
""",
        "wrong": [
            """
def leaf_paths(tree):
    out = []
    for name, sub in tree.items():
        if not sub:
            out.append(name)
        for inner in leaf_paths(sub):
            out.append(name + "/" + inner)
    return out
"""
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
