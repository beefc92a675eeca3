"""Candidate tasks, family 'dp': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "best_run_ending_at",
        "sig": "def best_run_ending_at(nums: list[int]) -> list[int]:",
        "doc": """
            For each position i of nums, return the largest sum of a run of consecutive elements that
            ends exactly at position i: the run must include nums[i] and may start anywhere at or
            before i. Return [] for an empty list.
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([2, -5, 3, 1],), ([-1, -2],)],
        "hidden": [
            ([],),
            ([7],),
            ([0, 0, 0],),
            ([1, 2, 3],),
            ([-3, 4, -1, 2, -6, 5],),
            ([5, -2, -2, 1],),
            ([-2, -1, -3],),
            ([10, -10, 10],),
            ([4, -4, 4, -4],),
        ],
        "ref": """
def best_run_ending_at(nums):
    out = []
    for x in nums:
        out.append(x + max(out[-1], 0) if out else x)
    return out
""",
        "wrong": [
            """
def best_run_ending_at(nums):
    out, total = [], 0
    for x in nums:
        total += x
        out.append(total)
    return out
""",
            """
def best_run_ending_at(nums):
    out, cur = [], 0
    for x in nums:
        cur = max(cur + x, 0)
        out.append(cur)
    return out
""",
        ],
    },
    {
        "id": "strip_tilings",
        "sig": "def strip_tilings(n: int) -> int:",
        "doc": """
            A strip n units long is covered end to end, with no gaps and no overlaps, by tiles that
            are 1 or 3 units long. Two coverings differ when their sequences of tile lengths, read
            from left to right, differ. Return how many coverings there are for n >= 0; the empty
            strip (n = 0) has exactly 1.
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "combinatorics"],
        "visible": [(4,), (7,)],
        "hidden": [(0,), (1,), (2,), (3,), (5,), (6,), (8,), (10,), (20,), (30,)],
        "ref": """
def strip_tilings(n):
    ways = [1, 1, 1]
    for i in range(3, n + 1):
        ways.append(ways[i - 1] + ways[i - 3])
    return ways[n]
""",
        "wrong": [
            """
def strip_tilings(n):
    if n <= 0:
        return 0
    ways = [0, 1, 1, 2]
    for i in range(4, n + 1):
        ways.append(ways[i - 1] + ways[i - 3])
    return ways[n]
""",
            """
def strip_tilings(n):
    ways = [1, 1, 2]
    for i in range(3, n + 1):
        ways.append(ways[i - 1] + ways[i - 3])
    return ways[n]
""",
        ],
    },
    {
        "id": "hop_collect",
        "sig": "def hop_collect(cells: list[int]) -> int:",
        "doc": """
            A token starts on cells[0] and must finish exactly on the last cell, moving forward 1 or
            2 cells at a time. It collects the value of every cell it lands on, the first and the
            last included; values may be negative. Return the largest total it can collect. cells
            is non-empty.
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([1, -5, 2, -1, 3],), ([4],)],
        "hidden": [
            ([3, 3],),
            ([5, -1, -1, 5],),
            ([1, 2, 3, 4],),
            ([-2, -3, -4],),
            ([0, -10, -10, 0],),
            ([2, -1, -1, -1, 2],),
            ([-5, 7],),
            ([1, -3, -3, -3, -3, 1],),
            ([10, -1, -20, -1, 10],),
        ],
        "ref": """
def hop_collect(cells):
    best = [cells[0]]
    for i in range(1, len(cells)):
        before = best[i - 1] if i == 1 else max(best[i - 1], best[i - 2])
        best.append(before + cells[i])
    return best[-1]
""",
        "wrong": [
            """
def hop_collect(cells):
    i, total = 0, cells[0]
    while i < len(cells) - 1:
        if i + 2 < len(cells) and cells[i + 2] > cells[i + 1]:
            i += 2
        else:
            i += 1
        total += cells[i]
    return total
""",
            """
def hop_collect(cells):
    if len(cells) == 1:
        return cells[0]
    return cells[0] + cells[-1] + sum(v for v in cells[1:-1] if v > 0)
""",
        ],
    },
    {
        "id": "tallest_tower",
        "sig": "def tallest_tower(boxes: list[list[int]]) -> int:",
        "doc": """
            boxes are [width, height] pairs in the order they arrive. Build a tower from some of
            them, keeping that order: the first chosen box is at the bottom and each later chosen
            box goes on top of the one chosen before it. A box may only sit on a box that is at
            least as wide as itself. Return the greatest total height possible (0 for no boxes).
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([[5, 2], [3, 4], [4, 1], [2, 3]],), ([[1, 5], [2, 1]],)],
        "hidden": [
            ([],),
            ([[3, 3]],),
            ([[2, 1], [2, 1], [2, 1]],),
            ([[1, 1], [2, 2], [3, 3]],),
            ([[9, 1], [1, 10], [8, 2], [7, 2], [6, 2]],),
            ([[4, 5], [5, 1], [3, 2]],),
            ([[6, 1], [5, 1], [4, 1], [10, 20]],),
            ([[3, 2], [1, 1], [2, 5], [1, 4]],),
            ([[5, 5], [6, 6], [5, 1]],),
        ],
        "ref": """
def tallest_tower(boxes):
    best = []
    for i, (width, height) in enumerate(boxes):
        below = [best[j] for j in range(i) if boxes[j][0] >= width]
        best.append(height + max(below, default=0))
    return max(best, default=0)
""",
        "wrong": [
            """
def tallest_tower(boxes):
    best = []
    for i, (width, height) in enumerate(boxes):
        below = [best[j] for j in range(i) if boxes[j][0] > width]
        best.append(height + max(below, default=0))
    return max(best, default=0)
""",
            """
def tallest_tower(boxes):
    total, top = 0, None
    for width, height in boxes:
        if top is None or width <= top:
            total += height
            top = width
    return total
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
