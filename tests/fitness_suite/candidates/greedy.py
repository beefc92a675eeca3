"""Candidate tasks, family 'greedy': locally best choices. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "van_load",
        "sig": "def van_load(parcels: list[int], capacity: int) -> list[int]:",
        "doc": """
            A van carries at most capacity kilograms. Go through parcels (weights in kilograms) in the
            given order and load each parcel that still fits together with what is already loaded; a
            parcel that does not fit is left behind and the later parcels are still tried. Return the
            positions of the loaded parcels, in order.
        """,
        "difficulty": "easy",
        "tags": ["greedy", "lists"],
        "visible": [([4, 3, 5, 1], 8), ([9], 5)],
        "hidden": [
            ([], 10),
            ([1, 1, 1], 0),
            ([0, 0], 0),
            ([5, 5], 10),
            ([6, 5, 4, 3], 9),
            ([2, 8, 1, 1], 3),
            ([10, 1, 2, 3], 5),
            ([3, 3, 3, 3], 10),
            ([7, 2, 2, 1], 7),
        ],
        "ref": """
def van_load(parcels, capacity):
    out, load = [], 0
    for i, w in enumerate(parcels):
        if load + w <= capacity:
            load += w
            out.append(i)
    return out
""",
        "wrong": [
            """
def van_load(parcels, capacity):
    out, load = [], 0
    for i, w in enumerate(parcels):
        if load + w > capacity:
            break
        load += w
        out.append(i)
    return out
""",
            """
def van_load(parcels, capacity):
    out, load = [], 0
    for i, w in enumerate(parcels):
        if load + w < capacity:
            load += w
            out.append(i)
    return out
""",
        ],
    },
    {
        "id": "best_hand_points",
        "sig": "def best_hand_points(cards: list[int], k: int) -> int:",
        "doc": """
            cards are the points of the cards dealt to a player, possibly negative. The player keeps at
            most k of them (k >= 0) and may keep none. Return the largest total of points the kept
            cards can have (0 when keeping no card is best).
        """,
        "difficulty": "easy",
        "tags": ["greedy", "sorting"],
        "visible": [([4, -1, 7, 2], 2), ([-3, -5], 1)],
        "hidden": [
            ([], 3),
            ([5], 0),
            ([1, 2, 3], 5),
            ([3, 3, 3], 2),
            ([-1, 0, 2], 3),
            ([10, -20, 30, -40], 4),
            ([0, 0, 0], 2),
            ([9, 8, 7, 6, 5], 3),
            ([-2, 6, -1, 6], 1),
        ],
        "ref": """
def best_hand_points(cards, k):
    return sum(c for c in sorted(cards, reverse=True)[:k] if c > 0)
""",
        "wrong": [
            """
def best_hand_points(cards, k):
    return sum(sorted(cards)[-k:])
""",
            """
def best_hand_points(cards, k):
    return max(0, sum(sorted(cards, reverse=True)[:k]))
""",
        ],
    },
    {
        "id": "fewest_bands",
        "sig": "def fewest_bands(values: list[int], width: int) -> int:",
        "doc": """
            Split values into as few bands as possible, where any two values in the same band differ by
            at most width (width >= 0). Return the number of bands (0 when there are no values).
        """,
        "difficulty": "medium",
        "tags": ["greedy", "sorting"],
        "visible": [([1, 2, 5, 6, 10], 1), ([3, 1], 5)],
        "hidden": [
            ([], 2),
            ([7], 0),
            ([4, 4, 4], 0),
            ([1, 2, 3], 0),
            ([1, 2, 3, 4, 5], 1),
            ([10, 1, 5], 4),
            ([0, 3, 6, 9], 3),
            ([-5, -1, 0, 4], 4),
            ([100, 1, 50, 2, 51], 1),
        ],
        "ref": """
def fewest_bands(values, width):
    bands, low = 0, None
    for v in sorted(values):
        if low is None or v - low > width:
            bands += 1
            low = v
    return bands
""",
        "wrong": [
            """
def fewest_bands(values, width):
    bands, prev = 0, None
    for v in sorted(values):
        if prev is None or v - prev > width:
            bands += 1
        prev = v
    return bands
""",
            """
def fewest_bands(values, width):
    bands, low = 0, None
    for v in values:
        if low is None or v - low > width:
            bands += 1
            low = v
    return bands
""",
        ],
    },
    {
        "id": "total_finish_time",
        "sig": "def total_finish_time(durations: list[int]) -> int:",
        "doc": """
            One machine runs jobs one after another, without gaps, starting at time 0; durations[i] is
            how long job i takes (>= 0). Choose the order of the jobs that makes the sum of their
            finish times as small as possible, and return that sum (0 when there are no jobs).
        """,
        "difficulty": "easy",
        "tags": ["greedy", "sorting"],
        "visible": [([3, 1, 2],), ([5],)],
        "hidden": [
            ([],),
            ([0, 0],),
            ([2, 2, 2],),
            ([10, 1],),
            ([4, 3, 2, 1],),
            ([1, 100, 1],),
            ([7, 0, 3],),
            ([5, 5, 1, 9],),
        ],
        "ref": """
def total_finish_time(durations):
    clock = total = 0
    for d in sorted(durations):
        clock += d
        total += clock
    return total
""",
        "wrong": [
            """
def total_finish_time(durations):
    clock = total = 0
    for d in sorted(durations):
        total += clock
        clock += d
    return total
""",
            """
def total_finish_time(durations):
    clock = total = 0
    for d in durations:
        clock += d
        total += clock
    return total
""",
        ],
    },
    {
        "id": "least_busy_worker",
        "sig": "def least_busy_worker(tasks: list[int], workers: int) -> list[int]:",
        "doc": """
            There are workers workers (workers >= 1), numbered from 0, all starting with no work. Hand
            out tasks (lengths in hours) in the given order, each one to the worker whose total hours
            so far is the smallest; on a tie the lowest-numbered of those workers gets it. Return, for
            each task, the number of the worker it went to.
        """,
        "difficulty": "medium",
        "tags": ["greedy", "lists"],
        "visible": [([5, 2, 3, 1], 2), ([4], 3)],
        "hidden": [
            ([], 2),
            ([1, 1, 1], 1),
            ([3, 3, 3], 3),
            ([1, 1, 1, 1], 2),
            ([10, 1, 1, 1, 1], 2),
            ([0, 0, 0], 2),
            ([6, 1, 2, 3], 3),
            ([1, 2, 3, 4, 5, 6], 3),
            ([7, 3, 3, 1], 2),
        ],
        "ref": """
def least_busy_worker(tasks, workers):
    hours = [0] * workers
    out = []
    for t in tasks:
        w = hours.index(min(hours))
        hours[w] += t
        out.append(w)
    return out
""",
        "wrong": [
            """
def least_busy_worker(tasks, workers):
    hours = [0] * workers
    out = []
    for t in tasks:
        w = 0
        for i in range(workers):
            if hours[i] <= hours[w]:
                w = i
        hours[w] += t
        out.append(w)
    return out
""",
            """
def least_busy_worker(tasks, workers):
    return [i % workers for i in range(len(tasks))]
""",
        ],
    },
    {
        "id": "photographed_peaks",
        "sig": "def photographed_peaks(heights: list[int]) -> list[int]:",
        "doc": """
            A hiker passes peaks of the given heights in order. She photographs the first peak, and
            after that only a peak strictly higher than the last peak she photographed. Return the
            heights of the photographed peaks, in order ([] when there are no peaks).
        """,
        "difficulty": "easy",
        "tags": ["greedy", "lists"],
        "visible": [([3, 1, 4, 1, 5],), ([9, 2],)],
        "hidden": [
            ([],),
            ([7],),
            ([1, 1, 1],),
            ([1, 2, 2, 3],),
            ([5, 1, 3, 6],),
            ([-3, -5, -1, -1, 0],),
            ([10, 9, 8, 7],),
            ([1, 3, 2, 4, 3, 5],),
            ([0, 0, 1, 0, 1, 2],),
            ([4, 8, 6, 7, 9],),
        ],
        "ref": """
def photographed_peaks(heights):
    out = []
    for h in heights:
        if not out or h > out[-1]:
            out.append(h)
    return out
""",
        "wrong": [
            """
def photographed_peaks(heights):
    out = []
    for h in heights:
        if not out or h >= out[-1]:
            out.append(h)
    return out
""",
            """
def photographed_peaks(heights):
    return [h for i, h in enumerate(heights) if i == 0 or h > heights[i - 1]]
""",
        ],
    },
    {
        "id": "trim_to_budget",
        "sig": "def trim_to_budget(costs: list[int], budget: int) -> list[int]:",
        "doc": """
            A shopping list has items of the given costs (each >= 0) and budget >= 0. While the total
            cost of the list is more than budget, cross off one item with the highest cost. Return
            the costs of the items left, in their original order ([] when every item was crossed
            off).
        """,
        "difficulty": "easy",
        "tags": ["greedy", "lists"],
        "visible": [([4, 9, 2, 7], 10), ([5, 5], 3)],
        "hidden": [
            ([], 0),
            ([1, 2, 3], 6),
            ([3, 1, 2], 0),
            ([10, 1, 10, 1], 12),
            ([0, 0, 5], 0),
            ([8, 3, 6, 1], 10),
            ([2, 7, 2, 7], 9),
            ([5], 5),
            ([6, 5, 4, 3, 2, 1], 10),
        ],
        "ref": """
def trim_to_budget(costs, budget):
    items = list(costs)
    while sum(items) > budget:
        items.remove(max(items))
    return items
""",
        "wrong": [
            """
def trim_to_budget(costs, budget):
    items = sorted(costs)
    while sum(items) > budget:
        items.pop()
    return items
""",
            """
def trim_to_budget(costs, budget):
    items = list(costs)
    while items and sum(items) >= budget:
        items.remove(max(items))
    return items
""",
        ],
    },
    {
        "id": "draft_totals",
        "sig": "def draft_totals(skills: list[int]) -> list[int]:",
        "doc": """
            Two captains, A and B, pick players in turns, A first. On each turn the captain takes the
            player with the highest skill still available, until every player is taken. skills lists
            the skill of every player. Return [total skill of A's team, total skill of B's team]
            ([0, 0] when there are no players).
        """,
        "difficulty": "easy",
        "tags": ["greedy", "sorting"],
        "visible": [([5, 9, 1, 7],), ([4],)],
        "hidden": [
            ([],),
            ([1, 1],),
            ([3, 2, 1],),
            ([1, 2, 3],),
            ([10, 0, 10, 0],),
            ([2, 8, 6, 4, 10],),
            ([-1, -2, 3],),
            ([7, 7, 7],),
            ([1, 100, 50, 60, 2, 3],),
        ],
        "ref": """
def draft_totals(skills):
    ranked = sorted(skills, reverse=True)
    return [sum(ranked[0::2]), sum(ranked[1::2])]
""",
        "wrong": [
            """
def draft_totals(skills):
    return [sum(skills[0::2]), sum(skills[1::2])]
""",
            """
def draft_totals(skills):
    ranked = sorted(skills)
    return [sum(ranked[0::2]), sum(ranked[1::2])]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
