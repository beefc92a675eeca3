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
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
