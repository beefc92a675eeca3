"""Candidate tasks, family 'cleaning': tidying messy input data. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "null_tokens",
        "sig": "def null_tokens(cells: list[str]) -> list[str | None]:",
        "doc": """
            cells were read from a spreadsheet. A cell is a placeholder for a missing value when,
            ignoring letter case and the spaces around it, it is "", "na", "n/a", "null" or "-".
            Return a list in which every placeholder becomes None and every other cell is kept exactly
            as it is, spaces included.
        """,
        "difficulty": "medium",
        "tags": ["cleaning", "strings"],
        "visible": [(["3", " NA ", "x"],), (["-", " 7 "],)],
        "hidden": [
            ([],),
            ([""],),
            (["   "],),
            (["N/A", "null", "NULL", "Null"],),
            (["nan"],),
            ([" a b "],),
            (["--", "-1", "n/a "],),
            (["none", "None"],),
            (["0", "", "na", " ok"],),
        ],
        "ref": """
def null_tokens(cells):
    return [None if c.strip().lower() in ("", "na", "n/a", "null", "-") else c for c in cells]
""",
        "wrong": [
            """
def null_tokens(cells):
    out = []
    for c in cells:
        c = c.strip()
        out.append(None if c.lower() in ("", "na", "n/a", "null", "-") else c)
    return out
""",
            """
def null_tokens(cells):
    return [None if c.strip() in ("", "NA", "N/A", "null", "-") else c for c in cells]
""",
        ],
    },
    {
        "id": "missing_per_field",
        "sig": "def missing_per_field(rows: list[dict], fields: list[str]) -> dict[str, int]:",
        "doc": """
            rows are records read from a file. For each name in fields, count the rows in which that
            field is missing: the key is absent, or its value is None (other values, such as 0, "" or
            False, are present). Return {field: count} for every name in fields, counts of 0 included.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "dicts"],
        "visible": [([{"a": 1, "b": None}, {"a": None}], ["a", "b"]), ([], ["x"])],
        "hidden": [
            ([], []),
            ([{"a": 1}], []),
            ([{"a": 0, "b": ""}], ["a", "b"]),
            ([{}, {}], ["k"]),
            ([{"a": None}, {"a": None}, {"a": 3}], ["a"]),
            ([{"x": False}], ["x", "y"]),
            ([{"a": 1, "b": 2}, {"b": None, "c": 3}], ["c", "a", "b"]),
            ([{"name": "ann", "age": None}, {"name": None}], ["age"]),
        ],
        "ref": """
def missing_per_field(rows, fields):
    return {f: sum(1 for row in rows if row.get(f) is None) for f in fields}
""",
        "wrong": [
            """
def missing_per_field(rows, fields):
    return {f: sum(1 for row in rows if not row.get(f)) for f in fields}
""",
            """
def missing_per_field(rows, fields):
    return {f: sum(1 for row in rows if f in row and row[f] is None) for f in fields}
""",
        ],
    },
    {
        "id": "fill_defaults",
        "sig": "def fill_defaults(record: dict, defaults: dict) -> dict:",
        "doc": """
            Return a copy of record in which every key of defaults that record lacks, or that has the
            value None in record, gets its value from defaults. Values in record that are not None
            (0, "" and False included) are kept, and keys of record that defaults does not mention stay
            as they are.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "dicts"],
        "visible": [({"name": "ann", "age": None}, {"age": 30, "city": "?"}), ({"n": 0}, {"n": 5})],
        "hidden": [
            ({}, {}),
            ({}, {"a": 1}),
            ({"a": 1}, {}),
            ({"a": None}, {}),
            ({"a": ""}, {"a": "x"}),
            ({"a": False, "b": None}, {"a": True, "b": True}),
            ({"a": None}, {"a": None}),
            ({"x": [1]}, {"x": [], "y": [2]}),
            ({"k": 1, "m": None, "z": 2}, {"m": 0, "q": None}),
        ],
        "ref": """
def fill_defaults(record, defaults):
    out = dict(record)
    for key, value in defaults.items():
        if out.get(key) is None:
            out[key] = value
    return out
""",
        "wrong": [
            """
def fill_defaults(record, defaults):
    out = dict(record)
    for key, value in defaults.items():
        if not out.get(key):
            out[key] = value
    return out
""",
            """
def fill_defaults(record, defaults):
    return {**defaults, **record}
""",
        ],
    },
    {
        "id": "pad_ragged",
        "sig": "def pad_ragged(rows: list[list]) -> list[list]:",
        "doc": """
            Rows read from a CSV file may have different lengths. Return new rows, each padded at the
            end with None up to the length of the longest row ([] when there are no rows).
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "lists"],
        "visible": [([[1, 2, 3], [4]],), ([["a"], []],)],
        "hidden": [
            ([],),
            ([[]],),
            ([[], []],),
            ([[1]],),
            ([[1], [2, 3], [4, 5, 6]],),
            ([[None, 1], [2]],),
            ([["x", "y"], ["z", "w"]],),
            ([[0], [], [0, 0]],),
            ([[1, 2], [3], [4, 5, 6, 7], []],),
        ],
        "ref": """
def pad_ragged(rows):
    width = max((len(r) for r in rows), default=0)
    return [r + [None] * (width - len(r)) for r in rows]
""",
        "wrong": [
            """
def pad_ragged(rows):
    width = max(len(r) for r in rows)
    return [r + [None] * (width - len(r)) for r in rows]
""",
            """
def pad_ragged(rows):
    if not rows:
        return []
    width = len(rows[0])
    return [r + [None] * (width - len(r)) for r in rows]
""",
        ],
    },
    {
        "id": "drop_repeated_rows",
        "sig": "def drop_repeated_rows(rows: list[list]) -> list[list]:",
        "doc": """
            A logger sometimes writes the same row two or more times in a row. Return rows without
            every row that is equal to the row right before it. A row equal to an earlier row that is
            not right before it is kept.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "lists"],
        "visible": [([[1, "a"], [1, "a"], [2, "b"]],), ([["x"], ["y"], ["y"]],)],
        "hidden": [
            ([],),
            ([[]],),
            ([[], []],),
            ([[1], [1], [1]],),
            ([[1], [2], [1], [2]],),
            ([[1, 2], [2, 1]],),
            ([["a", None], ["a", None], ["a", ""]],),
            ([[0], [0], [1], [1], [0]],),
            ([[3, 3], [3], [3, 3]],),
        ],
        "ref": """
def drop_repeated_rows(rows):
    return [r for i, r in enumerate(rows) if i == 0 or r != rows[i - 1]]
""",
        "wrong": [
            """
def drop_repeated_rows(rows):
    out = []
    for r in rows:
        if r not in out:
            out.append(r)
    return out
""",
            """
def drop_repeated_rows(rows):
    out = [rows[0]]
    for r in rows[1:]:
        if r != out[-1]:
            out.append(r)
    return out
""",
        ],
    },
    {
        "id": "trim_blank_tail",
        "sig": "def trim_blank_tail(rows: list[list[str]]) -> list[list[str]]:",
        "doc": """
            rows is a sheet of text cells. A row is blank when it has no cells or every cell is empty
            or only whitespace. Remove the blank rows at the end of the sheet and return the rest;
            blank rows that come before the last non-blank row are kept as they are.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "lists"],
        "visible": [([["a", "b"], ["", ""], ["c", ""], ["", " "], []],), ([[" "]],)],
        "hidden": [
            ([],),
            ([[]],),
            ([["x"]],),
            ([["", ""], ["y"]],),
            ([["x"], ["  ", ""]],),
            ([["x"], [], ["y"], []],),
            ([[""], ["z"], [" "], ["\t"]],),
            ([["", "0"]],),
            ([["q"], [" "], [""], []],),
        ],
        "ref": """
def trim_blank_tail(rows):
    end = len(rows)
    while end and all(not c.strip() for c in rows[end - 1]):
        end -= 1
    return rows[:end]
""",
        "wrong": [
            """
def trim_blank_tail(rows):
    return [r for r in rows if any(c.strip() for c in r)]
""",
            """
def trim_blank_tail(rows):
    end = len(rows)
    while end and all(c == "" for c in rows[end - 1]):
        end -= 1
    return rows[:end]
""",
        ],
    },
    {
        "id": "percent_to_fraction",
        "sig": "def percent_to_fraction(cells: list[str]) -> list[float]:",
        "doc": """
            cells hold numbers typed into a survey, some as percentages like "45%" and some as plain
            numbers like "0.3". Return each one as a float: a percentage is divided by 100, a plain
            number keeps its value. Spaces around a cell are ignored.
        """,
        "difficulty": "easy",
        "checker": "approx",
        "tags": ["cleaning", "parsing"],
        "visible": [(["45%", "0.3"],), ([" 100% ", "2"],)],
        "hidden": [
            ([],),
            (["0%"],),
            (["12.5%"],),
            (["-20%"],),
            (["150%"],),
            (["7"],),
            (["  0.05 "],),
            (["3%", "3", " 3% "],),
            (["99.9%", "-1.5"],),
        ],
        "ref": """
def percent_to_fraction(cells):
    out = []
    for c in cells:
        c = c.strip()
        out.append(float(c[:-1]) / 100 if c.endswith("%") else float(c))
    return out
""",
        "wrong": [
            """
def percent_to_fraction(cells):
    return [float(c.strip().rstrip("%")) / 100 for c in cells]
""",
            """
def percent_to_fraction(cells):
    return [float(c[:-1]) / 100 if c.endswith("%") else float(c) for c in cells]
""",
        ],
    },
    {
        "id": "first_name_first",
        "sig": "def first_name_first(name: str) -> str:",
        "doc": """
            A name was typed either as "First Last" or as "Last, First". Return it as "First Last": a
            name with a comma is split at its first comma, and the part after it, then one space,
            then the part before it are returned, each part without the spaces around it. A name
            without a comma is returned exactly as it is.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "strings"],
        "visible": [("Lovelace, Ada",), ("Grace Hopper",)],
        "hidden": [
            ("",),
            ("Turing,Alan",),
            ("  Knuth ,  Donald ",),
            ("Cher",),
            (" Ada Lovelace ",),
            ("van Rossum, Guido",),
            ("Smith, John, Jr.",),
            ("Hopper, Grace  Brewster",),
            ("Liskov,   Barbara",),
        ],
        "ref": """
def first_name_first(name):
    if "," not in name:
        return name
    last, first = name.split(",", 1)
    return first.strip() + " " + last.strip()
""",
        "wrong": [
            """
def first_name_first(name):
    if ", " not in name:
        return name
    last, first = name.split(", ", 1)
    return first + " " + last
""",
            """
def first_name_first(name):
    if "," not in name:
        return name.strip()
    last, first = name.split(",", 1)
    return first.strip() + " " + last.strip()
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
