"""Candidate tasks, family 'simulation': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "battery_levels",
        "sig": "def battery_levels(start: int, changes: list[int]) -> list[int]:",
        "doc": """
            A phone battery starts at start percent (0 to 100). Apply each change in turn: a positive
            number charges it, a negative one drains it. The level never goes above 100 or below 0;
            charge or drain beyond those limits is simply lost. Return the level after each change.
        """,
        "difficulty": "easy",
        "tags": ["simulation", "numbers"],
        "visible": [(50, [30, 40, -100, 10]), (20, [])],
        "hidden": [
            (0, [0]),
            (100, [5]),
            (100, [-1, -1]),
            (10, [-20, 5]),
            (95, [10, -10]),
            (50, [25, 25, 25, -25]),
            (0, [-5, -5, 3]),
            (33, [1, 2, 3]),
            (60, [-60, 60, -61]),
        ],
        "ref": """
def battery_levels(start, changes):
    level, out = start, []
    for change in changes:
        level = min(100, max(0, level + change))
        out.append(level)
    return out
""",
        "wrong": [
            """
def battery_levels(start, changes):
    level, out = start, []
    for change in changes:
        level += change
        out.append(min(100, max(0, level)))
    return out
""",
            """
def battery_levels(start, changes):
    level, out = start, []
    for change in changes:
        level = min(100, level + change)
        out.append(level)
    return out
""",
        ],
    },
    {
        "id": "bouncing_position",
        "sig": "def bouncing_position(length: int, steps: int) -> int:",
        "doc": """
            A ball moves along the cells 0 to length - 1 of a row, one cell per step. It starts on
            cell 0 moving towards higher cells. Whenever its next step would take it off the row, it
            turns around instead, so it goes from cell length - 1 back to length - 2 and from cell 0
            on to 1. Return its cell after steps steps (steps >= 0). When length is 1 the ball never
            moves.
        """,
        "difficulty": "medium",
        "tags": ["simulation", "numbers"],
        "visible": [(4, 5), (3, 2)],
        "hidden": [
            (1, 10),
            (2, 0),
            (2, 1),
            (2, 2),
            (2, 3),
            (5, 4),
            (5, 8),
            (5, 9),
            (4, 100),
            (6, 13),
            (7, 6),
        ],
        "ref": """
def bouncing_position(length, steps):
    pos, direction = 0, 1
    for _ in range(steps if length > 1 else 0):
        if not 0 <= pos + direction < length:
            direction = -direction
        pos += direction
    return pos
""",
        "wrong": [
            """
def bouncing_position(length, steps):
    return steps % length
""",
            """
def bouncing_position(length, steps):
    t = steps % (2 * (length - 1))
    return t if t < length else 2 * (length - 1) - t
""",
        ],
    },
    {
        "id": "lamps_on",
        "sig": "def lamps_on(count: int, presses: list[int]) -> list[int]:",
        "doc": """
            count lamps numbered 1 to count all start off. Each number in presses is a lamp whose
            switch is pressed: that turns the lamp on if it is off and off if it is on. Numbers
            outside 1..count press nothing. Return the numbers of the lamps that are on at the end,
            in increasing order.
        """,
        "difficulty": "easy",
        "tags": ["simulation", "lists"],
        "visible": [(5, [2, 4, 2, 1]), (3, [])],
        "hidden": [
            (1, [1]),
            (1, [1, 1]),
            (4, [4, 3, 2, 1]),
            (3, [0, 4, 2]),
            (6, [6, 6, 6]),
            (5, [5, 1, 5, 1, 3]),
            (2, [-1, 2, 3]),
            (10, [7, 3, 7, 3, 7]),
            (0, [1]),
        ],
        "ref": """
def lamps_on(count, presses):
    on = set()
    for p in presses:
        if 1 <= p <= count:
            on ^= {p}
    return sorted(on)
""",
        "wrong": [
            """
def lamps_on(count, presses):
    on = set()
    for p in presses:
        on ^= {p}
    return sorted(on)
""",
            """
def lamps_on(count, presses):
    return sorted({p for p in presses if 1 <= p <= count})
""",
        ],
    },
    {
        "id": "odometer_after",
        "sig": "def odometer_after(start: str, km: int) -> str:",
        "doc": """
            A mechanical odometer has len(start) digit wheels and currently shows start, a string of
            digits. Return what it shows after km more kilometres: always the same number of digits,
            with leading zeros, and after the largest value (all nines) it rolls over to all zeros
            and keeps counting.
        """,
        "difficulty": "easy",
        "tags": ["simulation", "strings"],
        "visible": [("0990", 15), ("999", 2)],
        "hidden": [
            ("0", 0),
            ("5", 7),
            ("0000", 1),
            ("123456", 0),
            ("99", 1),
            ("99", 100),
            ("0042", 10000),
            ("12", 345),
            ("000", 999),
            ("7", 33),
        ],
        "ref": """
def odometer_after(start, km):
    width = len(start)
    return str((int(start) + km) % 10**width).zfill(width)
""",
        "wrong": [
            """
def odometer_after(start, km):
    return str((int(start) + km) % 10 ** len(start))
""",
            """
def odometer_after(start, km):
    return str(int(start) + km).zfill(len(start))
""",
        ],
    },
    {
        "id": "light_colour_at",
        "sig": "def light_colour_at(t: int, green: int, yellow: int, red: int) -> str:",
        "doc": """
            A traffic light shows green for green seconds, then yellow for yellow seconds, then red
            for red seconds, and then starts again with green; each duration is at least 1. It
            turns green at second 0. Return its colour ("green", "yellow" or "red") at second
            t >= 0. At the second a colour's time is up, the next colour is already showing.
        """,
        "difficulty": "easy",
        "tags": ["simulation", "strings"],
        "visible": [(12, 10, 3, 7), (25, 10, 3, 7)],
        "hidden": [
            (0, 10, 3, 7),
            (9, 10, 3, 7),
            (10, 10, 3, 7),
            (13, 10, 3, 7),
            (19, 10, 3, 7),
            (20, 10, 3, 7),
            (0, 1, 1, 1),
            (4, 1, 1, 1),
            (1000, 30, 5, 25),
            (35, 30, 5, 25),
            (59, 30, 5, 25),
        ],
        "ref": """
def light_colour_at(t, green, yellow, red):
    t %= green + yellow + red
    if t < green:
        return "green"
    if t < green + yellow:
        return "yellow"
    return "red"
""",
        "wrong": [
            """
def light_colour_at(t, green, yellow, red):
    t %= green + yellow + red
    if t <= green:
        return "green"
    if t <= green + yellow:
        return "yellow"
    return "red"
""",
            """
def light_colour_at(t, green, yellow, red):
    if t < green:
        return "green"
    if t < green + yellow:
        return "yellow"
    return "red"
""",
        ],
    },
    {
        "id": "leader_after_each",
        "sig": "def leader_after_each(scores: list[list]) -> list[str]:",
        "doc": """
            Teams "A" and "B" start a game at 0 points each. scores lists the scoring plays in
            order, each as [team, points] with points >= 1. After each play, note which team has
            more points in total: "A", "B", or "tie" when their totals are equal. Return the notes
            in order.
        """,
        "difficulty": "easy",
        "tags": ["simulation", "lists"],
        "visible": [([["A", 2], ["B", 3], ["A", 1]],), ([],)],
        "hidden": [
            ([["A", 1]],),
            ([["B", 5]],),
            ([["A", 2], ["B", 2]],),
            ([["B", 1], ["A", 1], ["A", 1]],),
            ([["A", 3], ["B", 1], ["B", 1], ["B", 1]],),
            ([["A", 1], ["B", 3], ["A", 3]],),
            ([["B", 2], ["B", 2], ["A", 3], ["A", 1], ["A", 1]],),
            ([["A", 2], ["A", 2], ["B", 3], ["B", 3]],),
            ([["A", 1], ["B", 1], ["A", 1], ["B", 1]],),
        ],
        "ref": """
def leader_after_each(scores):
    totals = {"A": 0, "B": 0}
    notes = []
    for team, points in scores:
        totals[team] += points
        a, b = totals["A"], totals["B"]
        notes.append("A" if a > b else "B" if b > a else "tie")
    return notes
""",
        "wrong": [
            """
def leader_after_each(scores):
    totals = {"A": 0, "B": 0}
    notes = []
    for team, points in scores:
        totals[team] += 1
        a, b = totals["A"], totals["B"]
        notes.append("A" if a > b else "B" if b > a else "tie")
    return notes
""",
            """
def leader_after_each(scores):
    totals = {"A": 0, "B": 0}
    notes = []
    for team, points in scores:
        totals[team] += points
        notes.append("A" if totals["A"] >= totals["B"] else "B")
    return notes
""",
        ],
    },
    {
        "id": "board_square",
        "sig": "def board_square(size: int, rolls: list[int]) -> int:",
        "doc": """
            A token starts on square 0 of a track whose last square is size (size >= 1). Each roll,
            from 1 to 6, moves it forward that many squares, except that a roll which would carry
            it beyond square size is wasted: the token stays where it is for that roll. Return the
            token's square after all the rolls.
        """,
        "difficulty": "easy",
        "tags": ["simulation", "numbers"],
        "visible": [(10, [4, 5, 3, 1]), (20, [6, 6])],
        "hidden": [
            (5, []),
            (1, [1]),
            (1, [2, 1]),
            (6, [6, 1]),
            (10, [6, 6, 4]),
            (10, [5, 5, 5]),
            (3, [4, 5, 6]),
            (12, [3, 4, 6, 2, 1]),
            (7, [6, 3, 2, 1, 1]),
            (30, [6, 6, 6, 6, 6]),
        ],
        "ref": """
def board_square(size, rolls):
    square = 0
    for roll in rolls:
        if square + roll <= size:
            square += roll
    return square
""",
        "wrong": [
            """
def board_square(size, rolls):
    square = 0
    for roll in rolls:
        square = min(size, square + roll)
    return square
""",
            """
def board_square(size, rolls):
    square = 0
    for roll in rolls:
        square += roll
        if square > size:
            square = 2 * size - square
    return square
""",
        ],
    },
    {
        "id": "paint_planks",
        "sig": "def paint_planks(length: int, jobs: list[list]) -> str:",
        "doc": """
            A fence has length planks numbered 0 to length - 1, none painted yet. jobs are
            [first, last, colour] in the order they are done, with 0 <= first <= last < length and
            colour a single letter: each paints planks first to last, both included, over any
            earlier paint. Return the fence as a string with one character per plank: its colour,
            or "." when it was never painted.
        """,
        "difficulty": "easy",
        "tags": ["simulation", "strings"],
        "visible": [(6, [[0, 3, "r"], [2, 4, "b"]]), (3, [])],
        "hidden": [
            (0, []),
            (1, [[0, 0, "g"]]),
            (4, [[1, 1, "y"]]),
            (5, [[0, 4, "a"], [0, 4, "b"]]),
            (5, [[1, 3, "x"], [0, 0, "y"], [4, 4, "z"]]),
            (8, [[2, 5, "r"], [3, 3, "g"], [0, 7, "b"], [6, 7, "w"]]),
            (6, [[0, 2, "k"], [3, 5, "m"]]),
            (7, [[5, 6, "p"], [0, 1, "q"], [1, 5, "s"]]),
            (3, [[2, 2, "c"], [1, 2, "d"]]),
        ],
        "ref": """
def paint_planks(length, jobs):
    fence = ["."] * length
    for first, last, colour in jobs:
        for i in range(first, last + 1):
            fence[i] = colour
    return "".join(fence)
""",
        "wrong": [
            """
def paint_planks(length, jobs):
    fence = ["."] * length
    for first, last, colour in jobs:
        for i in range(first, last):
            fence[i] = colour
    return "".join(fence)
""",
            """
def paint_planks(length, jobs):
    fence = ["."] * length
    for first, last, colour in jobs:
        for i in range(first, last + 1):
            if fence[i] == ".":
                fence[i] = colour
    return "".join(fence)
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
