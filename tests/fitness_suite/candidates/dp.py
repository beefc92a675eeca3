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
    {
        "id": "summed_area",
        "sig": "def summed_area(grid: list[list[int]]) -> list[list[int]]:",
        "doc": """
            grid is a rectangle of ints, possibly with no rows. Return a grid of the same shape in
            which cell [r][c] holds the sum of every cell of grid that is in rows 0 to r and columns
            0 to c (both ends included), so the bottom-right cell holds the sum of the whole grid.
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "grids"],
        "visible": [([[1, 2], [3, 4]],), ([[5, -1, 2]],)],
        "hidden": [
            ([],),
            ([[7]],),
            ([[1], [2], [3]],),
            ([[1, 1, 1], [1, 1, 1], [1, 1, 1]],),
            ([[0, 0], [0, 0]],),
            ([[2, -3], [-4, 5], [1, 1]],),
            ([[1, 2, 3], [4, 5, 6]],),
            ([[9, 0, 0, 1]],),
            ([[3, 1, 4], [1, 5, 9], [2, 6, 5], [3, 5, 8]],),
        ],
        "ref": """
def summed_area(grid):
    out = []
    for r, row in enumerate(grid):
        run, new = 0, []
        for c, value in enumerate(row):
            run += value
            new.append(run + (out[r - 1][c] if r else 0))
        out.append(new)
    return out
""",
        "wrong": [
            """
def summed_area(grid):
    out = [row[:] for row in grid]
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if r:
                out[r][c] += out[r - 1][c]
            if c:
                out[r][c] += out[r][c - 1]
    return out
""",
            """
def summed_area(grid):
    out = []
    for row in grid:
        run, new = 0, []
        for value in row:
            run += value
            new.append(run)
        out.append(new)
    return out
""",
        ],
    },
    {
        "id": "cheapest_commute",
        "sig": "def cheapest_commute(train: list[int], bus: list[int], change: int) -> int:",
        "doc": """
            On day i you travel once, either by train for train[i] or by bus for bus[i]; the two
            lists have the same length. On every day after the first, if you travel by a different
            means than the day before, you also pay change. Return the least possible total cost of
            all the days (0 when there are none).
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "greedy"],
        "visible": [([2, 2, 9], [3, 3, 1], 4), ([5], [4], 100)],
        "hidden": [
            ([], [], 3),
            ([1], [1], 0),
            ([1, 10, 10], [2, 1, 1], 3),
            ([1, 5, 1], [2, 1, 2], 10),
            ([1, 5, 1], [2, 1, 2], 0),
            ([4, 4, 4, 4], [1, 9, 1, 9], 2),
            ([3, 3, 3], [3, 3, 3], 5),
            ([10, 1, 10, 1], [1, 10, 1, 10], 1),
            ([10, 1, 10, 1], [1, 10, 1, 10], 20),
            ([6, 1, 1, 1], [1, 3, 3, 3], 4),
        ],
        "ref": """
def cheapest_commute(train, bus, change):
    if not train:
        return 0
    by_train, by_bus = train[0], bus[0]
    for t, b in zip(train[1:], bus[1:]):
        by_train, by_bus = t + min(by_train, by_bus + change), b + min(by_bus, by_train + change)
    return min(by_train, by_bus)
""",
        "wrong": [
            """
def cheapest_commute(train, bus, change):
    total, last = 0, None
    for t, b in zip(train, bus):
        cost_t = t + (change if last == "bus" else 0)
        cost_b = b + (change if last == "train" else 0)
        if cost_t <= cost_b:
            total, last = total + cost_t, "train"
        else:
            total, last = total + cost_b, "bus"
    return total
""",
            """
def cheapest_commute(train, bus, change):
    return sum(min(t, b) for t, b in zip(train, bus))
""",
        ],
    },
    {
        "id": "warming_streaks",
        "sig": "def warming_streaks(temps: list[int]) -> list[int]:",
        "doc": """
            temps are daily temperatures. For each day, return how many days in a row, ending with
            that day, were each strictly warmer than the day before them. The first day, and any
            day that is not strictly warmer than the day before, gets 0.
        """,
        "difficulty": "easy",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([3, 5, 6, 2, 4],), ([7, 7, 8],)],
        "hidden": [
            ([],),
            ([10],),
            ([1, 2],),
            ([2, 1],),
            ([5, 5, 5],),
            ([1, 2, 3, 4, 5],),
            ([5, 4, 3, 2, 1],),
            ([1, 3, 3, 4, 5, 5, 6],),
            ([-3, -2, -2, -1, 0],),
            ([0, 1, 0, 1, 2, 0],),
        ],
        "ref": """
def warming_streaks(temps):
    out = []
    for i, t in enumerate(temps):
        out.append(out[-1] + 1 if i and t > temps[i - 1] else 0)
    return out
""",
        "wrong": [
            """
def warming_streaks(temps):
    out = []
    for i, t in enumerate(temps):
        out.append(out[-1] + 1 if i and t >= temps[i - 1] else 0)
    return out
""",
            """
def warming_streaks(temps):
    out, count = [], 0
    for i, t in enumerate(temps):
        if i and t > temps[i - 1]:
            count += 1
        out.append(count)
    return out
""",
        ],
    },
    {
        "id": "cheapest_craft",
        "sig": "def cheapest_craft(prices: dict[str, int], recipes: dict[str, list[str]], item: str) -> int:",
        "doc": """
            Every item can be bought for prices[item]. An item that has an entry in recipes can
            instead be made from the ingredients listed there (a name listed twice is needed twice),
            and each ingredient may in turn be bought or made, whichever is cheaper. Making costs
            nothing beyond the ingredients, and recipes never loop. Return the least it costs to
            get one item.
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "recursion"],
        "visible": [
            ({"cake": 20, "flour": 3, "egg": 2}, {"cake": ["flour", "egg", "egg"]}, "cake"),
            ({"bread": 4, "flour": 3, "salt": 2}, {"bread": ["flour", "salt"]}, "bread"),
        ],
        "hidden": [
            ({"a": 5}, {}, "a"),
            ({"a": 5, "b": 1}, {"a": ["b", "b", "b"]}, "a"),
            ({"a": 5, "b": 1}, {"a": ["b", "b", "b", "b", "b", "b"]}, "a"),
            ({"a": 5, "b": 1}, {"a": ["b"]}, "b"),
            ({"a": 50, "b": 20, "c": 9}, {"a": ["b", "b"], "b": ["c"]}, "a"),
            ({"a": 50, "b": 20, "c": 30}, {"a": ["b", "b"], "b": ["c"]}, "a"),
            ({"a": 10, "b": 4, "c": 4, "d": 1}, {"a": ["b", "c"], "c": ["d", "d"]}, "a"),
            ({"a": 7, "b": 4, "c": 4, "d": 1}, {"a": ["b", "c"], "c": ["d", "d"]}, "a"),
            ({"x": 100, "y": 60, "z": 60, "w": 10}, {"x": ["y", "z"], "y": ["w", "w"], "z": ["y", "w"]}, "x"),
            ({"x": 0, "y": 1}, {"x": ["y"]}, "x"),
        ],
        "ref": """
def cheapest_craft(prices, recipes, item):
    cost = prices[item]
    if item in recipes:
        cost = min(cost, sum(cheapest_craft(prices, recipes, part) for part in recipes[item]))
    return cost
""",
        "wrong": [
            """
def cheapest_craft(prices, recipes, item):
    cost = prices[item]
    if item in recipes:
        cost = min(cost, sum(prices[part] for part in recipes[item]))
    return cost
""",
            """
def cheapest_craft(prices, recipes, item):
    if item in recipes:
        return sum(cheapest_craft(prices, recipes, part) for part in recipes[item])
    return prices[item]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
