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
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
