"""Candidate tasks, family 'lists': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "trim_both_ends",
        "sig": "def trim_both_ends(items: list, k: int) -> list:",
        "doc": """
            Return a new list: items without its first k and without its last k elements (k >= 0).
            When 2 * k is at least the length of items, nothing is left and the result is [].
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 2, 3, 4, 5], 1), (["a", "b", "c"], 2)],
        "hidden": [
            ([], 0),
            ([], 2),
            ([1, 2, 3], 0),
            ([1, 2, 3, 4], 2),
            ([1, 2, 3, 4, 5], 2),
            ([7], 0),
            ([1, 2, 3, 4, 5, 6], 1),
            (["x", "y", "z", "w"], 1),
            ([5, 5, 5, 5, 5], 3),
        ],
        "ref": """
def trim_both_ends(items, k):
    return items[k:len(items) - k]
""",
        "wrong": [
            """
def trim_both_ends(items, k):
    return items[k:-k]
""",
        ],
    },
    {
        "id": "count_blocks",
        "sig": "def count_blocks(nums: list[int], x: int) -> int:",
        "doc": """
            Count the blocks of x in nums. A block is a longest possible stretch of one or more
            neighbouring elements that all equal x; for example [x, x, 0, x] holds two blocks.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 1, 0, 1], 1), ([0, 0, 0], 1)],
        "hidden": [
            ([], 3),
            ([5], 5),
            ([5, 5, 5], 5),
            ([2, 5, 2, 5, 2], 5),
            ([5, 2, 5, 2, 5], 5),
            ([1, 0, 0, 1, 1, 0], 0),
            ([3, 3, 4, 3, 3, 3, 4, 4], 4),
            ([7, 8, 9], 8),
            ([0, 1, 0, 1, 0, 1], 1),
        ],
        "ref": """
def count_blocks(nums, x):
    count = 0
    for i, v in enumerate(nums):
        if v == x and (i == 0 or nums[i - 1] != x):
            count += 1
    return count
""",
        "wrong": [
            """
def count_blocks(nums, x):
    count = 0
    for i in range(1, len(nums)):
        if nums[i] == x and nums[i - 1] != x:
            count += 1
    return count
""",
            """
def count_blocks(nums, x):
    count = 0
    inside = False
    for v in nums:
        if v == x:
            inside = True
        elif inside:
            count += 1
            inside = False
    return count
""",
        ],
    },
    {
        "id": "standings_ranks",
        "sig": "def standings_ranks(scores: list[int]) -> list[int]:",
        "doc": """
            scores holds the points of the players in a contest, in any order. Return the rank of each
            player, in the same order. A player's rank is 1 plus the number of players with strictly
            more points, so equal scores share a rank and the ranks after a tie are skipped: two
            players tied for rank 2 are followed by rank 4.
        """,
        "difficulty": "medium",
        "tags": ["lists", "sorting"],
        "visible": [([70, 90, 80, 80],), ([5, 5],)],
        "hidden": [
            ([],),
            ([10],),
            ([1, 2, 3],),
            ([3, 3, 3],),
            ([10, 20, 20, 20, 5],),
            ([0, -1, 0, 2],),
            ([100, 90, 90, 80, 80, 70],),
            ([4, 4, 1, 4],),
            ([7, 9],),
        ],
        "ref": """
def standings_ranks(scores):
    return [1 + sum(1 for other in scores if other > s) for s in scores]
""",
        "wrong": [
            """
def standings_ranks(scores):
    distinct = sorted(set(scores), reverse=True)
    return [distinct.index(s) + 1 for s in scores]
""",
            """
def standings_ranks(scores):
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    ranks = [0] * len(scores)
    for place, i in enumerate(order):
        ranks[i] = place + 1
    return ranks
""",
        ],
    },
    {
        "id": "pad_or_cut",
        "sig": "def pad_or_cut(items: list, n: int, filler) -> list:",
        "doc": """
            Return a list of exactly n items (n >= 0): the first n items of items when it is longer
            than that, otherwise all of items followed by as many copies of filler as it takes to
            reach n.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 2], 4, 0), (["a", "b", "c"], 2, "")],
        "hidden": [
            ([], 0, 1),
            ([], 3, None),
            ([1, 2, 3], 3, 9),
            ([1, 2, 3], 0, 9),
            ([5], 2, 5),
            (["x"], 1, "y"),
            ([1, 2, 3, 4, 5], 2, 0),
            ([0], 4, -1),
            ([[1]], 2, []),
        ],
        "ref": """
def pad_or_cut(items, n, filler):
    return items[:n] + [filler] * (n - len(items))
""",
        "wrong": [
            """
def pad_or_cut(items, n, filler):
    return items + [filler] * (n - len(items))
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
