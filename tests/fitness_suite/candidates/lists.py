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
    {
        "id": "middle_items",
        "sig": "def middle_items(items: list) -> list:",
        "doc": """
            Return the middle of items as a list: the single middle item when items has an odd
            length, the two middle items (in their order) when the length is even, and [] when
            items is empty.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 2, 3],), (["a", "b", "c", "d"],)],
        "hidden": [
            ([],),
            ([9],),
            ([4, 8],),
            ([1, 2, 3, 4, 5],),
            ([1, 2, 3, 4, 5, 6],),
            ([0, 0, 1, 0],),
            (["x", "y", "z"],),
            ([10, 20, 30, 40, 50, 60, 70, 80],),
            ([[1], [2]],),
            ([5, -5, 7],),
        ],
        "ref": """
def middle_items(items):
    if not items:
        return []
    m = len(items) // 2
    if len(items) % 2 == 0:
        return items[m - 1:m + 1]
    return [items[m]]
""",
        "wrong": [
            """
def middle_items(items):
    if not items:
        return []
    return [items[len(items) // 2]]
""",
            """
def middle_items(items):
    if not items:
        return []
    m = len(items) // 2
    if len(items) % 2 == 0:
        return items[m:m + 2]
    return [items[m]]
""",
        ],
    },
    {
        "id": "sum_runs",
        "sig": "def sum_runs(nums: list[int]) -> list[int]:",
        "doc": """
            Replace every run of equal numbers standing next to each other in nums by the sum of
            that run, keeping the runs in their order: [2, 2, 5, 1, 1, 1] gives [4, 5, 3]. Equal
            numbers that are not neighbours belong to different runs. An empty list gives [].
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([2, 2, 5, 1, 1, 1],), ([4, 4, 4],)],
        "hidden": [
            ([],),
            ([7],),
            ([1, 2, 3],),
            ([1, 1, 2, 2, 1, 1],),
            ([0, 0, 0, 5],),
            ([-3, -3, 3, 3],),
            ([5, 1, 1],),
            ([2, 2, 2, 2, 9, 2],),
            ([1, 1, 2],),
            ([6, 6, 0, 6],),
        ],
        "ref": """
def sum_runs(nums):
    out = []
    for i, x in enumerate(nums):
        if i > 0 and x == nums[i - 1]:
            out[-1] += x
        else:
            out.append(x)
    return out
""",
        "wrong": [
            """
def sum_runs(nums):
    out = []
    total = 0
    for i, x in enumerate(nums):
        if i > 0 and x != nums[i - 1]:
            out.append(total)
            total = 0
        total += x
    return out
""",
            """
def sum_runs(nums):
    sums = {}
    for x in nums:
        sums[x] = sums.get(x, 0) + x
    return list(sums.values())
""",
        ],
    },
    {
        "id": "start_at_smallest",
        "sig": "def start_at_smallest(nums: list[int]) -> list[int]:",
        "doc": """
            Rotate nums so that it starts at its smallest number: return the items from the smallest
            number to the end, followed by the items before it, so the circular order of the items
            does not change. When the smallest value occurs more than once, start at its first
            occurrence. An empty list gives [].
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([3, 4, 1, 2],), ([5, 2, 9, 7],)],
        "hidden": [
            ([],),
            ([1],),
            ([1, 2, 3],),
            ([3, 2, 1],),
            ([2, 1, 3, 1],),
            ([0, -1, 5, -1, 2],),
            ([4, 4, 4],),
            ([9, 8, 7, 1, 5, 6],),
            ([-2, 3, -2],),
            ([6, 1],),
        ],
        "ref": """
def start_at_smallest(nums):
    if not nums:
        return []
    i = nums.index(min(nums))
    return nums[i:] + nums[:i]
""",
        "wrong": [
            """
def start_at_smallest(nums):
    return sorted(nums)
""",
            """
def start_at_smallest(nums):
    if not nums:
        return []
    i = len(nums) - 1 - nums[::-1].index(min(nums))
    return nums[i:] + nums[:i]
""",
        ],
    },
    {
        "id": "biggest_rise",
        "sig": "def biggest_rise(before: list[int], after: list[int]) -> int:",
        "doc": """
            before[i] and after[i] are the scores of player i in two rounds (the lists have the same
            length). Return the index of the player whose score changed the most upwards, measured
            as after[i] - before[i]; this change may be negative for every player. When several
            players share the biggest change, return the smallest of their indexes. Empty lists
            give -1.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([10, 20, 30], [15, 28, 31]), ([5, 5], [7, 7])],
        "hidden": [
            ([], []),
            ([3], [1]),
            ([1, 2, 3], [1, 2, 3]),
            ([0, 0, 0], [1, 3, 3]),
            ([10, 8], [5, 4]),
            ([4, 9, 2, 7], [6, 9, 8, 13]),
            ([-5, 0], [0, 4]),
            ([100, 50, 70], [90, 45, 60]),
            ([1, 1, 1, 1], [2, 3, 3, 2]),
            ([0], [0]),
        ],
        "ref": """
def biggest_rise(before, after):
    best = -1
    for i in range(len(before)):
        if best == -1 or after[i] - before[i] > after[best] - before[best]:
            best = i
    return best
""",
        "wrong": [
            """
def biggest_rise(before, after):
    best = -1
    for i in range(len(before)):
        if best == -1 or after[i] - before[i] >= after[best] - before[best]:
            best = i
    return best
""",
            """
def biggest_rise(before, after):
    best, gain = -1, 0
    for i in range(len(before)):
        if after[i] - before[i] > gain:
            best, gain = i, after[i] - before[i]
    return best
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
