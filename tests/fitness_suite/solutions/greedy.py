"""Core suite, family 'greedy': greedy choices. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "affordable_count",
        "sig": "def affordable_count(prices: list[int], budget: int) -> int:",
        "doc": """
            Return the largest number of different items (prices[i] each, one of each at most) that can
            be bought together without spending more than budget.
        """,
        "difficulty": "trivial",
        "tags": ["greedy", "sorting"],
        "visible": [([5, 1, 3, 8], 9), ([10], 5)],
        "hidden": [
            ([], 10),
            ([1, 1, 1], 0),
            ([0, 0, 7], 0),
            ([4, 4, 4], 12),
            ([4, 4, 4], 11),
            ([9, 2, 7, 1, 3], 6),
            ([100, 1, 2], 103),
            ([6, 5, 4, 3, 2, 1], 10),
        ],
        "ref": """
def affordable_count(prices, budget):
    n = 0
    for p in sorted(prices):
        if p > budget:
            break
        budget -= p
        n += 1
    return n
""",
        "wrong": [
            """
def affordable_count(prices, budget):
    n = 0
    for p in prices:
        if p <= budget:
            budget -= p
            n += 1
    return n
"""
        ],
    },
    {
        "id": "canonical_coin_count",
        "sig": "def canonical_coin_count(cents: int) -> int:",
        "doc": """
            Coins are worth 1, 5, 10, 25 and 100 cents. Return the fewest coins that make exactly cents
            (cents >= 0).
        """,
        "difficulty": "trivial",
        "tags": ["greedy", "numbers"],
        "visible": [(30,), (0,)],
        "hidden": [(1,), (4,), (5,), (9,), (24,), (99,), (100,), (341,)],
        "ref": """
def canonical_coin_count(cents):
    n = 0
    for c in (100, 25, 10, 5, 1):
        n += cents // c
        cents %= c
    return n
""",
        "wrong": [
            """
def canonical_coin_count(cents):
    n = 0
    for c in (25, 10, 5, 1):
        n += cents // c
        cents %= c
    return n
"""
        ],
    },
    {
        "id": "largest_from_digits",
        "sig": "def largest_from_digits(digits: str) -> str:",
        "doc": """
            digits is a non-empty string of decimal digits. Return the largest number that uses every one
            of them exactly once, as a string without leading zeros ("0" when the number is zero).
        """,
        "difficulty": "easy",
        "tags": ["greedy", "strings"],
        "visible": [("3091",), ("0",)],
        "hidden": [("000",), ("5",), ("10",), ("99",), ("1234567890",), ("00100",), ("2112",), ("7007",)],
        "ref": """
def largest_from_digits(digits):
    s = "".join(sorted(digits, reverse=True))
    return s.lstrip("0") or "0"
""",
        "wrong": [
            """
def largest_from_digits(digits):
    return "".join(sorted(digits, reverse=True))
"""
        ],
    },
    {
        "id": "limited_change",
        "sig": "def limited_change(amount: int, drawer: dict[str, int]) -> dict[str, int]:",
        "doc": """
            drawer maps a coin value (as a string, e.g. "25") to how many such coins are available. Pay
            amount greedily: take as many of the largest coin as possible without exceeding what is left
            to pay or the coins available, then the next largest, and so on. Return {value: coins used}
            for the coins used at least once, or {} when the greedy payment cannot reach amount exactly.
        """,
        "difficulty": "medium",
        "tags": ["greedy", "dicts"],
        "visible": [(40, {"25": 1, "10": 2, "5": 4}), (3, {"2": 5})],
        "hidden": [
            (0, {"1": 3}),
            (7, {}),
            (30, {"25": 0, "10": 3}),
            (30, {"25": 1, "10": 3}),
            (65, {"50": 1, "20": 1, "5": 1}),
            (6, {"4": 1, "3": 2}),
            (100, {"5": 20, "100": 0}),
            (12, {"10": 1, "1": 1, "2": 1}),
            (30, {"5": 6, "10": 3}),
        ],
        "ref": """
def limited_change(amount, drawer):
    used = {}
    for value in sorted(drawer, key=int, reverse=True):
        take = min(drawer[value], amount // int(value))
        if take:
            used[value] = take
            amount -= take * int(value)
    return used if amount == 0 else {}
""",
        "wrong": [
            """
def limited_change(amount, drawer):
    used = {}
    for value in sorted(drawer, reverse=True):
        take = min(drawer[value], amount // int(value))
        if take:
            used[value] = take
            amount -= take * int(value)
    return used if amount == 0 else {}
"""
        ],
    },
    {
        "id": "fewest_steps_to",
        "sig": "def fewest_steps_to(n: int) -> int:",
        "doc": """
            Starting from 1, each step either adds 1 or doubles the number. Return the fewest steps that
            reach exactly n (n >= 1).
        """,
        "difficulty": "easy",
        "tags": ["greedy", "numbers"],
        "visible": [(5,), (1,)],
        "hidden": [(2,), (3,), (4,), (7,), (8,), (15,), (16,), (1000,), (1023,)],
        "ref": """
def fewest_steps_to(n):
    steps = 0
    while n > 1:
        n = n // 2 if n % 2 == 0 else n - 1
        steps += 1
    return steps
""",
        "wrong": [
            """
def fewest_steps_to(n):
    steps = 0
    x = 1
    while x * 2 <= n:
        x *= 2
        steps += 1
    return steps + n - x
"""
        ],
    },
    {
        "id": "most_talks",
        "sig": "def most_talks(talks: list[list[int]]) -> list[int]:",
        "doc": """
            talks are half-open [start, end) times. Attend as many whole talks as possible, one at a
            time, by always picking next the talk that ends first among those starting no earlier than
            the previous pick's end (ties: the talk listed first). Return the positions of the chosen
            talks in the order attended.
        """,
        "difficulty": "medium",
        "tags": ["greedy", "intervals"],
        "visible": [([[1, 4], [3, 5], [0, 6], [5, 7]],), ([[0, 2], [0, 2]],)],
        "hidden": [
            ([],),
            ([[3, 4]],),
            ([[0, 10], [1, 2], [2, 3]],),
            ([[5, 6], [1, 2], [3, 4]],),
            ([[0, 3], [3, 6], [6, 9]],),
            ([[0, 5], [1, 3], [3, 8], [4, 6], [6, 7]],),
            ([[2, 4], [1, 4], [4, 4], [4, 5]],),
            ([[0, 1], [0, 1], [1, 2], [0, 2]],),
        ],
        "ref": """
def most_talks(talks):
    order = sorted(range(len(talks)), key=lambda i: (talks[i][1], i))
    chosen = []
    t = None
    for i in order:
        if t is None or talks[i][0] >= t:
            chosen.append(i)
            t = talks[i][1]
    return chosen
""",
        "wrong": [
            """
def most_talks(talks):
    order = sorted(range(len(talks)), key=lambda i: (talks[i][0], i))
    chosen = []
    t = None
    for i in order:
        if t is None or talks[i][0] >= t:
            chosen.append(i)
            t = talks[i][1]
    return chosen
"""
        ],
    },
    {
        "id": "charging_stops",
        "sig": "def charging_stops(chargers: list[int], reach: int, destination: int) -> int:",
        "doc": """
            A car starts at position 0 fully charged and can drive reach kilometres on a full battery.
            chargers holds the positions of charging points (sorted, between 0 and destination); a stop
            recharges fully. Return the fewest stops needed to reach destination, or -1 when it is
            impossible.
        """,
        "difficulty": "medium",
        "tags": ["greedy", "simulation"],
        "visible": [([100, 200, 300], 150, 400), ([10], 5, 20)],
        "hidden": [
            ([], 10, 10),
            ([], 10, 11),
            ([5], 10, 15),
            ([5, 10], 10, 20),
            ([3, 6, 9, 12], 5, 15),
            ([1, 2, 3, 4], 10, 11),
            ([40, 60, 80, 150], 70, 200),
            ([50, 100, 150], 50, 200),
        ],
        "ref": """
def charging_stops(chargers, reach, destination):
    pos, stops, i = 0, 0, 0
    while pos + reach < destination:
        best = None
        while i < len(chargers) and chargers[i] <= pos + reach:
            best = chargers[i]
            i += 1
        if best is None or best <= pos:
            return -1
        pos = best
        stops += 1
    return stops
""",
        "wrong": [
            """
def charging_stops(chargers, reach, destination):
    pos, stops = 0, 0
    for c in chargers:
        if c - pos > reach:
            return -1
        if c - pos == reach or c + reach < destination:
            pos = c
            stops += 1
    return stops if destination - pos <= reach else -1
"""
        ],
    },
    {
        "id": "nearest_neighbour_tour",
        "sig": "def nearest_neighbour_tour(points: list[list[int]]) -> list[int]:",
        "doc": """
            Plan a visiting order: start at points[0], then repeatedly go to the closest point not yet
            visited (squared straight-line distance; ties go to the lower position). Return the positions
            in visiting order.
        """,
        "difficulty": "medium",
        "tags": ["greedy", "geometry"],
        "visible": [([[0, 0], [5, 0], [1, 0]],), ([[2, 2]],)],
        "hidden": [
            ([],),
            ([[0, 0], [0, 0]],),
            ([[0, 0], [1, 0], [-1, 0]],),
            ([[0, 0], [3, 4], [-3, -4], [0, 1]],),
            ([[0, 0], [10, 10], [1, 1], [9, 9]],),
            ([[5, 5], [0, 0], [5, 6], [0, 1]],),
            ([[0, 0], [2, 0], [2, 2], [0, 2]],),
            ([[1, 1], [4, 5], [1, 2], [4, 4], [2, 2]],),
        ],
        "ref": """
def nearest_neighbour_tour(points):
    if not points:
        return []
    order = [0]
    left = set(range(1, len(points)))
    while left:
        x, y = points[order[-1]]
        nxt = min(left, key=lambda i: ((points[i][0] - x) ** 2 + (points[i][1] - y) ** 2, i))
        order.append(nxt)
        left.remove(nxt)
    return order
""",
        "wrong": [
            """
def nearest_neighbour_tour(points):
    if not points:
        return []
    x0, y0 = points[0]
    return sorted(range(len(points)), key=lambda i: ((points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2, i))
"""
        ],
    },
    {
        "id": "close_pairs_count",
        "sig": "def close_pairs_count(values: list[int], gap: int) -> int:",
        "doc": """
            Form as many pairs as possible from values, each value in at most one pair, where the two
            values of a pair differ by at most gap. Return the number of pairs.
        """,
        "difficulty": "medium",
        "tags": ["greedy", "sorting"],
        "visible": [([1, 3, 4, 9], 1), ([5, 5, 5], 0)],
        "hidden": [
            ([], 3),
            ([7], 3),
            ([1, 2], 0),
            ([1, 2], 1),
            ([10, 1, 2, 11], 1),
            ([1, 2, 3, 4, 5, 6], 1),
            ([1, 2, 3], 1),
            ([1, 4, 7, 10], 2),
            ([-3, 0, 3, 6, 9, 12], 3),
        ],
        "ref": """
def close_pairs_count(values, gap):
    v = sorted(values)
    i = pairs = 0
    while i + 1 < len(v):
        if v[i + 1] - v[i] <= gap:
            pairs += 1
            i += 2
        else:
            i += 1
    return pairs
""",
        "wrong": [
            """
def close_pairs_count(values, gap):
    v = sorted(values)
    return sum(1 for a, b in zip(v, v[1:]) if b - a <= gap)
"""
        ],
    },
    {
        "id": "deadline_order",
        "sig": "def deadline_order(jobs: list[list]) -> list[str]:",
        "doc": """
            jobs holds [name, deadline] pairs; every job takes one hour and the clock starts at hour 0.
            Go through the jobs by deadline (ties by name) and run each one when it can still finish by
            its deadline (finish time = number of jobs run so far + 1 <= deadline); otherwise skip it.
            Return the names of the jobs run, in order.
        """,
        "difficulty": "easy",
        "tags": ["greedy", "sorting"],
        "visible": [([["b", 1], ["a", 1], ["c", 2]],), ([["x", 0]],)],
        "hidden": [
            ([],),
            ([["a", 5]],),
            ([["a", 1], ["b", 1], ["c", 1]],),
            ([["late", 3], ["early", 1], ["mid", 2]],),
            ([["q", 2], ["p", 2], ["r", 2]],),
            ([["a", 2], ["b", 2], ["c", 3], ["d", 3]],),
            ([["z", 10], ["y", 1], ["x", 1]],),
            ([["m", 1], ["n", 0], ["o", 2], ["p", 2]],),
        ],
        "ref": """
def deadline_order(jobs):
    done = []
    for name, deadline in sorted(jobs, key=lambda j: (j[1], j[0])):
        if len(done) + 1 <= deadline:
            done.append(name)
    return done
""",
        "wrong": [
            """
def deadline_order(jobs):
    done = []
    for name, deadline in sorted(jobs, key=lambda j: j[1]):
        if len(done) + 1 <= deadline:
            done.append(name)
    return done
"""
        ],
    },
    {
        "id": "merge_cost",
        "sig": "def merge_cost(sizes: list[int]) -> int:",
        "doc": """
            Files of the given sizes must be merged into one, two at a time; merging files of sizes a and
            b costs a + b and leaves one file of size a + b. Return the smallest total cost (0 for one
            file or none).
        """,
        "difficulty": "hard",
        "tags": ["greedy", "sorting"],
        "visible": [([4, 3, 2],), ([7],)],
        "hidden": [
            ([],),
            ([1, 1],),
            ([1, 2, 3, 4],),
            ([5, 5, 5, 5],),
            ([10, 1, 1, 1],),
            ([1, 2, 3, 4, 5, 6],),
            ([100, 1, 50, 2],),
            ([0, 0, 3],),
        ],
        "ref": """
import heapq


def merge_cost(sizes):
    heap = list(sizes)
    heapq.heapify(heap)
    cost = 0
    while len(heap) > 1:
        a = heapq.heappop(heap)
        b = heapq.heappop(heap)
        cost += a + b
        heapq.heappush(heap, a + b)
    return cost
""",
        "wrong": [
            """
def merge_cost(sizes):
    cost = 0
    total = 0
    for i, s in enumerate(sorted(sizes)):
        total += s
        if i:
            cost += total
    return cost
"""
        ],
    },
    {
        "id": "unit_job_profit",
        "sig": "def unit_job_profit(jobs: list[list[int]]) -> int:",
        "doc": """
            jobs holds [deadline, profit] pairs; each job takes one time slot, slots are numbered
            1, 2, 3, ..., and a job earns its profit only when done in a slot not later than its
            deadline. At most one job per slot. Return the largest total profit.
        """,
        "difficulty": "hard",
        "tags": ["greedy", "sorting"],
        "visible": [([[1, 50], [1, 20], [2, 10]],), ([[0, 9]],)],
        "hidden": [
            ([],),
            ([[3, 5]],),
            ([[2, 10], [1, 20], [2, 30]],),
            ([[1, 5], [2, 5], [3, 5]],),
            ([[2, 100], [2, 19], [1, 27], [1, 25], [3, 15]],),
            ([[3, 1], [3, 2], [3, 3], [3, 4]],),
            ([[4, 20], [1, 10], [1, 40], [1, 30]],),
            ([[2, 7], [2, 7], [2, 7], [5, 1]],),
            ([[1, 1], [2, 10], [2, 20]],),
        ],
        "ref": """
def unit_job_profit(jobs):
    taken = {}
    total = 0
    for deadline, profit in sorted(jobs, key=lambda j: -j[1]):
        for slot in range(deadline, 0, -1):
            if slot not in taken:
                taken[slot] = profit
                total += profit
                break
    return total
""",
        "wrong": [
            """
def unit_job_profit(jobs):
    total = 0
    slot = 0
    for deadline, profit in sorted(jobs, key=lambda j: (j[0], -j[1])):
        if slot < deadline:
            slot += 1
            total += profit
    return total
"""
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
