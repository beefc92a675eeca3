"""Candidate tasks, family 'combinatorics': counting and enumerating. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "flag_stripes",
        "sig": "def flag_stripes(colours: int, stripes: int) -> int:",
        "doc": """
            A flag has stripes horizontal stripes (stripes >= 1), each painted in one of colours colours
            (colours >= 1). Two stripes that touch must have different colours; stripes that do not
            touch may share a colour. Return how many different flags can be painted.
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "numbers"],
        "visible": [(3, 2), (2, 3)],
        "hidden": [
            (1, 1),
            (1, 2),
            (1, 3),
            (5, 1),
            (4, 3),
            (3, 4),
            (10, 5),
            (2, 10),
            (7, 2),
        ],
        "ref": """
def flag_stripes(colours, stripes):
    return colours * (colours - 1) ** (stripes - 1)
""",
        "wrong": [
            """
def flag_stripes(colours, stripes):
    return colours**stripes
""",
            """
def flag_stripes(colours, stripes):
    out = 1
    for i in range(stripes):
        out *= max(colours - i, 0)
    return out
""",
        ],
    },
    {
        "id": "outfit_choices",
        "sig": "def outfit_choices(wardrobe: dict[str, int]) -> int:",
        "doc": """
            wardrobe maps a kind of clothing (like "hat") to how many items of that kind there are
            (>= 0). An outfit wears at most one item of each kind, and at least one item in all.
            Return how many different outfits there are (0 for an empty wardrobe).
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "dicts"],
        "visible": [({"hat": 2, "scarf": 1},), ({"shoes": 3},)],
        "hidden": [
            ({},),
            ({"hat": 0},),
            ({"a": 1, "b": 1, "c": 1},),
            ({"hat": 0, "coat": 4},),
            ({"x": 2, "y": 2},),
            ({"top": 5, "bottom": 3, "shoes": 2},),
            ({"ring": 10},),
            ({"a": 1, "b": 0, "c": 2, "d": 3},),
        ],
        "ref": """
def outfit_choices(wardrobe):
    out = 1
    for count in wardrobe.values():
        out *= count + 1
    return out - 1
""",
        "wrong": [
            """
def outfit_choices(wardrobe):
    if not wardrobe:
        return 0
    out = 1
    for count in wardrobe.values():
        out *= count
    return out
""",
            """
def outfit_choices(wardrobe):
    out = 1
    for count in wardrobe.values():
        out *= count + 1
    return out
""",
        ],
    },
    {
        "id": "codes_with_digit",
        "sig": "def codes_with_digit(length: int, letters: int, digits: int) -> int:",
        "doc": """
            A code is a string of length characters (length >= 0). Each character is one of letters
            different letters or one of digits different digits (letters, digits >= 0). Return how
            many codes contain at least one digit.
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "numbers"],
        "visible": [(2, 1, 1), (1, 26, 10)],
        "hidden": [
            (0, 5, 5),
            (3, 0, 2),
            (2, 3, 0),
            (3, 1, 1),
            (4, 26, 10),
            (1, 0, 1),
            (5, 2, 3),
            (2, 26, 10),
            (3, 5, 0),
        ],
        "ref": """
def codes_with_digit(length, letters, digits):
    return (letters + digits) ** length - letters**length
""",
        "wrong": [
            """
def codes_with_digit(length, letters, digits):
    if length == 0:
        return 0
    return length * digits * (letters + digits) ** (length - 1)
""",
            """
def codes_with_digit(length, letters, digits):
    return digits**length
""",
        ],
    },
    {
        "id": "domino_tiles",
        "sig": "def domino_tiles(top: int) -> list[list[int]]:",
        "doc": """
            A domino set has one tile for every unordered pair of numbers from 0 to top (top >= 0),
            doubles such as [3, 3] included, and no two tiles alike ([1, 2] and [2, 1] are the same
            tile). Return every tile as [a, b] with a <= b, sorted by a and then by b.
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "lists"],
        "visible": [(1,), (2,)],
        "hidden": [(0,), (3,), (4,), (5,), (6,), (7,), (8,), (9,)],
        "ref": """
def domino_tiles(top):
    return [[a, b] for a in range(top + 1) for b in range(a, top + 1)]
""",
        "wrong": [
            """
def domino_tiles(top):
    return [[a, b] for a in range(top + 1) for b in range(a + 1, top + 1)]
""",
            """
def domino_tiles(top):
    return [[a, b] for a in range(top + 1) for b in range(top + 1)]
""",
        ],
    },
    {
        "id": "sticker_spots",
        "sig": "def sticker_spots(rows: int, cols: int, h: int, w: int) -> int:",
        "doc": """
            A board has rows by cols square cells (rows, cols >= 0). A sticker h cells tall and w cells
            wide (h, w >= 1) is stuck on it covering whole cells, entirely on the board and never
            turned sideways. Return how many different places the sticker can go (0 when it does not
            fit on the board).
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "numbers"],
        "visible": [(3, 4, 2, 2), (2, 5, 3, 1)],
        "hidden": [
            (1, 1, 1, 1),
            (0, 0, 1, 1),
            (5, 5, 5, 5),
            (4, 4, 1, 1),
            (2, 2, 5, 5),
            (3, 10, 1, 4),
            (10, 3, 4, 1),
            (6, 2, 2, 3),
            (8, 8, 3, 3),
            (5, 7, 6, 8),
        ],
        "ref": """
def sticker_spots(rows, cols, h, w):
    return max(rows - h + 1, 0) * max(cols - w + 1, 0)
""",
        "wrong": [
            """
def sticker_spots(rows, cols, h, w):
    return max((rows - h + 1) * (cols - w + 1), 0)
""",
            """
def sticker_spots(rows, cols, h, w):
    return max(rows - h, 0) * max(cols - w, 0)
""",
        ],
    },
    {
        "id": "pattern_fills",
        "sig": "def pattern_fills(pattern: str) -> int:",
        "doc": """
            pattern describes a code one character at a time: "L" stands for any one of the 26 capital
            letters, "D" for any one of the 10 digits and "?" for any letter or digit (36 choices);
            every other character, lower-case "l" and "d" included, is written exactly as it is.
            Return how many different codes fit pattern (the empty pattern fits one code, the empty
            one).
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "strings"],
        "visible": [("LLD",), ("AB-?",)],
        "hidden": [
            ("",),
            ("XYZ",),
            ("D",),
            ("L",),
            ("??",),
            ("DDDD",),
            ("L-D-L",),
            ("ld",),
            ("LDld?",),
            ("2024-DD",),
        ],
        "ref": """
def pattern_fills(pattern):
    choices = {"L": 26, "D": 10, "?": 36}
    out = 1
    for c in pattern:
        out *= choices.get(c, 1)
    return out
""",
        "wrong": [
            """
def pattern_fills(pattern):
    return 26 ** pattern.count("L") * 10 ** pattern.count("D")
""",
            """
def pattern_fills(pattern):
    choices = {"L": 26, "D": 10, "?": 36}
    out = 1
    for c in pattern.upper():
        out *= choices.get(c, 1)
    return out
""",
        ],
    },
    {
        "id": "toast_pairs",
        "sig": "def toast_pairs(guests: list[str]) -> list[str]:",
        "doc": """
            At a dinner every two guests clink glasses exactly once. guests lists the (all different)
            names in seating order. Return every clink as "A&B", where A sits before B in guests,
            ordered by A's seat and then by B's seat.
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "strings"],
        "visible": [(["ann", "bob", "cy"],), (["solo"],)],
        "hidden": [
            ([],),
            (["b", "a"],),
            (["x", "y", "z", "w"],),
            (["zed", "amy"],),
            (["p", "q", "r", "s", "t"],),
            (["Bo", "al"],),
            (["m", "n", "o"],),
            (["d", "c", "b", "a"],),
        ],
        "ref": """
def toast_pairs(guests):
    return [f"{a}&{b}" for i, a in enumerate(guests) for b in guests[i + 1 :]]
""",
        "wrong": [
            """
from itertools import combinations


def toast_pairs(guests):
    return [f"{a}&{b}" for a, b in combinations(sorted(guests), 2)]
""",
            """
def toast_pairs(guests):
    return [f"{a}&{b}" for a in guests for b in guests if a < b]
""",
        ],
    },
    {
        "id": "times_table_values",
        "sig": "def times_table_values(rows: int, cols: int) -> int:",
        "doc": """
            A poster shows a times table: the cell in row r and column c holds r * c, for r from 1 to
            rows and c from 1 to cols (rows, cols >= 0). Return how many different numbers appear on
            the poster, a number written in several cells counting once (0 when there are no cells).
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "numbers"],
        "visible": [(3, 3), (1, 4)],
        "hidden": [
            (0, 5),
            (5, 0),
            (1, 1),
            (2, 2),
            (4, 4),
            (2, 6),
            (6, 2),
            (10, 10),
            (5, 1),
            (7, 3),
        ],
        "ref": """
def times_table_values(rows, cols):
    return len({r * c for r in range(1, rows + 1) for c in range(1, cols + 1)})
""",
        "wrong": [
            """
def times_table_values(rows, cols):
    return rows * cols
""",
            """
def times_table_values(rows, cols):
    return len({r * c for r in range(rows) for c in range(cols)})
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
