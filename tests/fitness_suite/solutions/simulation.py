"""Core suite, family 'simulation': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "final_position",
        "sig": "def final_position(moves: str) -> list[int]:",
        "doc": """
            A robot starts at [0, 0]. Each character of moves steps it one unit: "U" adds 1 to y, "D"
            subtracts 1 from y, "R" adds 1 to x and "L" subtracts 1 from x. Other characters are ignored.
            Return the final [x, y].
        """,
        "difficulty": "trivial",
        "tags": ["simulation", "strings"],
        "visible": [("UURL",), ("DDL",)],
        "hidden": [
            ("",),
            ("U",),
            ("LR",),
            ("UDUDUD",),
            ("RRRRR",),
            ("U R D L x",),
            ("LLLUUUR",),
            ("DDDDDDDDDDR",),
        ],
        "ref": """
def final_position(moves):
    x = y = 0
    for m in moves:
        if m == "U":
            y += 1
        elif m == "D":
            y -= 1
        elif m == "R":
            x += 1
        elif m == "L":
            x -= 1
    return [x, y]
""",
        "wrong": [
            """
def final_position(moves):
    x = y = 0
    for m in moves:
        if m == "U":
            y -= 1
        elif m == "D":
            y += 1
        elif m == "R":
            x += 1
        elif m == "L":
            x -= 1
    return [x, y]
"""
        ],
    },
    {
        "id": "account_balance",
        "sig": "def account_balance(start: int, transactions: list[int]) -> int:",
        "doc": """
            Apply transactions to an account holding start: a positive amount is a deposit, a negative
            amount a withdrawal. A withdrawal larger than the current balance is refused (skipped).
            Return the final balance.
        """,
        "difficulty": "easy",
        "tags": ["simulation", "lists"],
        "visible": [(100, [50, -30]), (10, [-20, 5])],
        "hidden": [
            (0, []),
            (0, [-1]),
            (5, [-5]),
            (5, [-6, -5]),
            (100, [-50, -60, 20, -60]),
            (0, [10, -10, 10]),
            (1, [0, 0, -1]),
            (50, [-10, -10, -10, -10, -10, -10]),
        ],
        "ref": """
def account_balance(start, transactions):
    balance = start
    for t in transactions:
        if balance + t >= 0:
            balance += t
    return balance
""",
        "wrong": [
            """
def account_balance(start, transactions):
    balance = start
    for t in transactions:
        if balance + t > 0:
            balance += t
    return balance
"""
        ],
    },
    {
        "id": "last_survivor",
        "sig": "def last_survivor(n: int, k: int) -> int:",
        "doc": """
            n people numbered 1..n stand in a circle. Counting starts at person 1; every k-th person
            counted is removed, and counting continues with the next person. Return the number of the
            last person left (n >= 1, k >= 1).
        """,
        "difficulty": "medium",
        "tags": ["simulation", "lists"],
        "visible": [(5, 2), (1, 3)],
        "hidden": [(2, 1), (2, 2), (7, 3), (10, 1), (6, 6), (41, 3), (100, 7), (3, 5)],
        "ref": """
def last_survivor(n, k):
    people = list(range(1, n + 1))
    i = 0
    while len(people) > 1:
        i = (i + k - 1) % len(people)
        people.pop(i)
    return people[0]
""",
        "wrong": [
            """
def last_survivor(n, k):
    people = list(range(1, n + 1))
    i = 0
    while len(people) > 1:
        i = (i + k) % len(people)
        people.pop(i)
    return people[0]
"""
        ],
    },
    {
        "id": "grid_robot",
        "sig": "def grid_robot(grid: list[str], commands: str) -> list[int]:",
        "doc": """
            grid is a list of equal-length strings: "." is floor, "#" is wall and "S" (exactly once) is
            the robot's start. Commands "N", "S", "E", "W" move it one cell up, down, right or left; a
            move into a wall or off the grid is skipped. Return the final [row, column].
        """,
        "difficulty": "medium",
        "tags": ["simulation"],
        "visible": [(["S..", ".#.", "..."], "EES"), (["S"], "NSEW")],
        "hidden": [
            (["..S"], ""),
            (["S#."], "EEE"),
            (["S..", "...", "..."], "SSSSEEEE"),
            ([".S.", "...", "..."], "NNW"),
            (["S.#", "..#", "###"], "ESSS"),
            (["....", ".S#.", "...."], "EENWWWW"),
            (["#S#"], "EWN"),
            (["...", ".S.", "..."], "NESWNESW"),
        ],
        "ref": """
def grid_robot(grid, commands):
    r, c = next((i, row.index("S")) for i, row in enumerate(grid) if "S" in row)
    step = {"N": (-1, 0), "S": (1, 0), "E": (0, 1), "W": (0, -1)}
    for cmd in commands:
        dr, dc = step[cmd]
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#":
            r, c = nr, nc
    return [r, c]
""",
        "wrong": [
            """
def grid_robot(grid, commands):
    r, c = next((i, row.index("S")) for i, row in enumerate(grid) if "S" in row)
    step = {"N": (-1, 0), "S": (1, 0), "E": (0, 1), "W": (0, -1)}
    for cmd in commands:
        dr, dc = step[cmd]
        nr, nc = r + dr, c + dc
        try:
            if grid[nr][nc] != "#":
                r, c = nr, nc
        except IndexError:
            pass
    return [r, c]
"""
        ],
    },
    {
        "id": "inventory_levels",
        "sig": "def inventory_levels(events: list[list]) -> dict[str, int]:",
        "doc": """
            Process stock events in order. ["add", item, qty] adds qty of item; ["remove", item, qty]
            removes qty of item, or all of it if fewer are in stock. Return a dict of the items with a
            positive quantity left.
        """,
        "difficulty": "medium",
        "tags": ["simulation", "dicts"],
        "visible": [([["add", "nut", 5], ["remove", "nut", 2]],), ([["remove", "bolt", 1]],)],
        "hidden": [
            ([],),
            ([["add", "a", 1]],),
            ([["add", "a", 1], ["remove", "a", 1]],),
            ([["add", "a", 2], ["remove", "a", 5]],),
            ([["add", "a", 2], ["remove", "a", 5], ["add", "a", 1]],),
            ([["add", "x", 3], ["add", "y", 4], ["add", "x", 1]],),
            ([["add", "p", 0]],),
            ([["remove", "q", 3], ["add", "q", 3], ["remove", "q", 1], ["remove", "r", 1]],),
        ],
        "ref": """
def inventory_levels(events):
    stock = {}
    for action, item, qty in events:
        if action == "add":
            stock[item] = stock.get(item, 0) + qty
        else:
            stock[item] = max(0, stock.get(item, 0) - qty)
    return {k: v for k, v in stock.items() if v > 0}
""",
        "wrong": [
            """
def inventory_levels(events):
    stock = {}
    for action, item, qty in events:
        if action == "add":
            stock[item] = stock.get(item, 0) + qty
        else:
            stock[item] = stock.get(item, 0) - qty
    return {k: v for k, v in stock.items() if v > 0}
"""
        ],
    },
    {
        "id": "life_step",
        "sig": "def life_step(grid: list[str]) -> list[str]:",
        "doc": """
            Compute one generation of Conway's Game of Life on a finite grid of strings ("#" alive, "."
            dead); cells outside the grid are dead. A live cell with 2 or 3 live neighbours (of its 8)
            stays alive, a dead cell with exactly 3 becomes alive, every other cell is dead next.
        """,
        "difficulty": "medium",
        "tags": ["simulation"],
        "visible": [([".....", "..#..", "..#..", "..#..", "....."],), (["##", "##"],)],
        "hidden": [
            ([],),
            (["#"],),
            (["..."],),
            (["###"],),
            (["#.#", ".#.", "#.#"],),
            (["....", ".##.", ".##.", "...."],),
            ([".#..", "..#.", "###.", "...."],),
            (["##.", "#..", "..."],),
        ],
        "ref": """
def life_step(grid):
    rows = len(grid)
    out = []
    for r in range(rows):
        cols = len(grid[r])
        line = []
        for c in range(cols):
            n = sum(
                1
                for dr in (-1, 0, 1)
                for dc in (-1, 0, 1)
                if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < cols and grid[r + dr][c + dc] == "#"
            )
            alive = grid[r][c] == "#"
            line.append("#" if n == 3 or (alive and n == 2) else ".")
        out.append("".join(line))
    return out
""",
        "wrong": [
            """
def life_step(grid):
    rows = len(grid)
    out = []
    for r in range(rows):
        cols = len(grid[r])
        line = []
        for c in range(cols):
            n = sum(
                1
                for dr in (-1, 0, 1)
                for dc in (-1, 0, 1)
                if 0 <= r + dr < rows and 0 <= c + dc < cols and grid[r + dr][c + dc] == "#"
            )
            alive = grid[r][c] == "#"
            line.append("#" if n == 3 or (alive and n == 2) else ".")
        out.append("".join(line))
    return out
"""
        ],
    },
    {
        "id": "elementary_automaton",
        "sig": "def elementary_automaton(cells: str, rule: int, steps: int) -> str:",
        "doc": """
            Run a one-dimensional cellular automaton ("1" alive, "0" dead) for steps generations. A cell's
            next state is bit number (4 * left + 2 * self + right) of rule (0..255), where cells beyond
            both ends always count as 0. Return the final cells as a string of the same length.
        """,
        "difficulty": "hard",
        "tags": ["simulation", "numbers"],
        "visible": [("00100", 90, 1), ("0110", 204, 3)],
        "hidden": [
            ("", 30, 5),
            ("1", 0, 1),
            ("1", 255, 1),
            ("0001000", 30, 3),
            ("0001000", 90, 3),
            ("1111", 0, 0),
            ("10101", 110, 4),
            ("0000000001", 110, 6),
            ("111000111", 184, 2),
        ],
        "ref": """
def elementary_automaton(cells, rule, steps):
    state = [int(c) for c in cells]
    for _ in range(steps):
        padded = [0] + state + [0]
        state = [
            (rule >> (4 * padded[i - 1] + 2 * padded[i] + padded[i + 1])) & 1
            for i in range(1, len(padded) - 1)
        ]
    return "".join(str(c) for c in state)
""",
        "wrong": [
            """
def elementary_automaton(cells, rule, steps):
    state = [int(c) for c in cells]
    n = len(state)
    for _ in range(steps):
        state = [(rule >> (4 * state[i - 1] + 2 * state[i] + state[(i + 1) % n])) & 1 for i in range(n)]
    return "".join(str(c) for c in state)
"""
        ],
    },
    {
        "id": "bowling_score",
        "sig": "def bowling_score(rolls: list[int]) -> int:",
        "doc": """
            Return the total score of a complete game of ten-pin bowling given the pins knocked down by
            each roll. A strike (10 on a frame's first roll) scores 10 plus the next two rolls; a spare
            (10 over a frame's two rolls) scores 10 plus the next roll; the tenth frame includes its bonus
            rolls and nothing more.
        """,
        "difficulty": "hard",
        "tags": ["simulation", "lists"],
        "visible": [([10] * 12,), ([9, 0] * 10,)],
        "hidden": [
            ([0] * 20,),
            ([1] * 20,),
            ([5, 5] * 10 + [5],),
            ([10, 3, 4] + [0] * 16,),
            ([7, 3, 4, 2] + [0] * 16,),
            ([0] * 18 + [10, 10, 10],),
            ([0] * 18 + [7, 3, 10],),
            ([10, 7, 3, 9, 0, 10, 0, 8, 8, 2, 0, 6, 10, 10, 10, 8, 1],),
            ([0] * 18 + [3, 4],),
        ],
        "ref": """
def bowling_score(rolls):
    total = 0
    i = 0
    for _ in range(10):
        if rolls[i] == 10:
            total += 10 + rolls[i + 1] + rolls[i + 2]
            i += 1
        elif rolls[i] + rolls[i + 1] == 10:
            total += 10 + rolls[i + 2]
            i += 2
        else:
            total += rolls[i] + rolls[i + 1]
            i += 2
    return total
""",
        "wrong": [
            """
def bowling_score(rolls):
    total = 0
    i = 0
    while i < len(rolls):
        if rolls[i] == 10:
            total += 10 + sum(rolls[i + 1:i + 3])
            i += 1
        elif i + 1 < len(rolls) and rolls[i] + rolls[i + 1] == 10:
            total += 10 + sum(rolls[i + 2:i + 3])
            i += 2
        else:
            total += sum(rolls[i:i + 2])
            i += 2
    return total
"""
        ],
    },
    {
        "id": "lru_cache_hits",
        "sig": "def lru_cache_hits(capacity: int, operations: list[list]) -> list:",
        "doc": """
            Simulate a least-recently-used cache holding at most capacity >= 1 keys. operations are
            ["put", key, value] (insert or update; counts as a use) and ["get", key] (counts as a use if
            present). When a put of a new key overflows the cache, the least recently used key is evicted.
            Return the results of the gets in order: the value, or None if the key is not cached.
        """,
        "difficulty": "hard",
        "tags": ["simulation", "dicts"],
        "visible": [
            (
                2,
                [["put", "a", 1], ["put", "b", 2], ["get", "a"], ["put", "c", 3], ["get", "b"], ["get", "a"]],
            ),
            (1, [["get", "x"]]),
        ],
        "hidden": [
            (1, []),
            (1, [["put", "a", 1], ["put", "b", 2], ["get", "a"], ["get", "b"]]),
            (2, [["put", "a", 1], ["put", "a", 5], ["get", "a"]]),
            (
                2,
                [
                    ["put", "a", 1],
                    ["put", "b", 2],
                    ["put", "a", 3],
                    ["put", "c", 4],
                    ["get", "a"],
                    ["get", "b"],
                    ["get", "c"],
                ],
            ),
            (
                3,
                [
                    ["put", "a", 1],
                    ["put", "b", 2],
                    ["put", "c", 3],
                    ["get", "a"],
                    ["put", "d", 4],
                    ["get", "b"],
                    ["get", "c"],
                    ["get", "a"],
                    ["get", "d"],
                ],
            ),
            (2, [["get", "a"], ["put", "a", None], ["get", "a"]]),
            (
                2,
                [["put", "x", 1], ["get", "y"], ["put", "y", 2], ["put", "z", 3], ["get", "x"], ["get", "y"]],
            ),
            (1, [["put", "k", 1], ["get", "k"], ["put", "k", 2], ["get", "k"]]),
        ],
        "ref": """
def lru_cache_hits(capacity, operations):
    cache = {}
    out = []
    for op in operations:
        if op[0] == "put":
            _, key, value = op
            cache.pop(key, None)
            cache[key] = value
            if len(cache) > capacity:
                del cache[next(iter(cache))]
        else:
            key = op[1]
            if key in cache:
                value = cache.pop(key)
                cache[key] = value
                out.append(value)
            else:
                out.append(None)
    return out
""",
        "wrong": [
            """
def lru_cache_hits(capacity, operations):
    cache = {}
    out = []
    for op in operations:
        if op[0] == "put":
            _, key, value = op
            if key not in cache and len(cache) >= capacity:
                del cache[next(iter(cache))]
            cache[key] = value
        else:
            out.append(cache.get(op[1]))
    return out
"""
        ],
    },
    {
        "id": "elevator_travel",
        "sig": "def elevator_travel(start: int, calls: list[int]) -> int:",
        "doc": """
            An elevator at floor start answers calls in the given order, going straight to each called
            floor. Return the total number of floors it travels.
        """,
        "difficulty": "trivial",
        "tags": ["simulation", "numbers"],
        "visible": [(0, [3, 1]), (5, [])],
        "hidden": [
            (0, [0]),
            (2, [2, 2]),
            (0, [10]),
            (10, [0]),
            (-2, [3]),
            (1, [4, 1, 4]),
            (7, [3, 9, 0, 12]),
            (3, [-1, -4, 2]),
        ],
        "ref": """
def elevator_travel(start, calls):
    total, at = 0, start
    for floor in calls:
        total += abs(floor - at)
        at = floor
    return total
""",
        "wrong": [
            """
def elevator_travel(start, calls):
    if not calls:
        return 0
    floors = [start] + calls
    return max(floors) - min(floors)
"""
        ],
    },
    {
        "id": "tank_overflow",
        "sig": "def tank_overflow(inflows: list[int], capacity: int, drain: int) -> list[int]:",
        "doc": """
            A tank starts empty. Each hour, first inflows[h] litres flow in (whatever does not fit in the
            capacity overflows and is lost), then drain litres flow out (the level never goes below 0).
            Return [level at the end, total litres that overflowed].
        """,
        "difficulty": "easy",
        "tags": ["simulation", "numbers"],
        "visible": [([5, 5, 5], 8, 2), ([], 10, 1)],
        "hidden": [
            ([0], 5, 0),
            ([10], 5, 0),
            ([10], 5, 3),
            ([1, 1, 1], 10, 5),
            ([4, 4, 4, 4], 6, 1),
            ([6, 0, 6], 6, 6),
            ([3, 9, 2], 7, 2),
            ([100], 100, 100),
        ],
        "ref": """
def tank_overflow(inflows, capacity, drain):
    level = lost = 0
    for q in inflows:
        level += q
        if level > capacity:
            lost += level - capacity
            level = capacity
        level = max(0, level - drain)
    return [level, lost]
""",
        "wrong": [
            """
def tank_overflow(inflows, capacity, drain):
    level = lost = 0
    for q in inflows:
        level = max(0, level + q - drain)
        if level > capacity:
            lost += level - capacity
            level = capacity
    return [level, lost]
"""
        ],
    },
    {
        "id": "parking_turnaways",
        "sig": "def parking_turnaways(events: list[str], spaces: int) -> list:",
        "doc": """
            A car park has spaces numbered 0 to spaces - 1. "in CAR" parks CAR in the lowest free space,
            or turns it away when the car park is full; "out CAR" frees its space (ignored when CAR is
            not parked). Return [cars turned away in order, {car: space} for the cars parked at the end].
        """,
        "difficulty": "medium",
        "tags": ["simulation", "dicts"],
        "visible": [(["in a", "in b", "out a", "in c"], 2), (["in a", "in b"], 1)],
        "hidden": [
            ([], 3),
            (["out x"], 1),
            (["in a"], 0),
            (["in a", "out a", "out a", "in b"], 1),
            (["in a", "in b", "in c", "out b", "in d", "in e"], 3),
            (["in a", "in b", "in c", "out a", "out c", "in d", "in e"], 3),
            (["in a", "in b", "out b", "in c", "in d"], 2),
            (["in x", "in y", "in z", "out y", "out x", "in w"], 2),
        ],
        "ref": """
def parking_turnaways(events, spaces):
    parked = {}
    away = []
    for e in events:
        kind, car = e.split(" ", 1)
        if kind == "in":
            free = [s for s in range(spaces) if s not in parked.values()]
            if free:
                parked[car] = free[0]
            else:
                away.append(car)
        else:
            parked.pop(car, None)
    return [away, parked]
""",
        "wrong": [
            """
def parking_turnaways(events, spaces):
    parked = {}
    away = []
    for e in events:
        kind, car = e.split(" ", 1)
        if kind == "in":
            if len(parked) < spaces:
                parked[car] = len(parked)
            else:
                away.append(car)
        else:
            parked.pop(car, None)
    return [away, parked]
"""
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
