"""Core suite, family 'cleaning': data cleaning. Specs, reference solutions and plausible wrong ones."""

TASKS = [
    {
        "id": "strip_fields",
        "sig": "def strip_fields(row: list) -> list:",
        "doc": """
            Return a copy of row where every string has its leading and trailing whitespace removed;
            values that are not strings are kept as they are.
        """,
        "difficulty": "trivial",
        "tags": ["cleaning", "strings"],
        "visible": [([" a ", 3, "b\n"],), ([],)],
        "hidden": [
            ([""],),
            (["   "],),
            ([None, True, 1.5],),
            (["\tx\t", " y"],),
            (["in  side", " two  words "],),
            ([[" nested "]],),
            (["ok"],),
            ([0, " 0 "],),
        ],
        "ref": """
def strip_fields(row):
    return [v.strip() if isinstance(v, str) else v for v in row]
""",
        "wrong": [
            """
def strip_fields(row):
    return [v.strip(" ") if isinstance(v, str) else v for v in row]
"""
        ],
    },
    {
        "id": "drop_blank",
        "sig": "def drop_blank(values: list) -> list:",
        "doc": """
            Return values without the blanks: None, and strings that are empty or only whitespace. Keep
            everything else (0, False and [] are not blank) in its order.
        """,
        "difficulty": "trivial",
        "tags": ["cleaning", "lists"],
        "visible": [(["a", "", None, "b"],), ([0, " ", False],)],
        "hidden": [
            ([],),
            ([None, None],),
            (["\t\n"],),
            ([[], {}, 0.0],),
            (["x", " x "],),
            ([None, 0, "", "0"],),
            (["  ", "a b", None],),
            ([True, None, "None"],),
        ],
        "ref": """
def drop_blank(values):
    return [v for v in values if v is not None and not (isinstance(v, str) and not v.strip())]
""",
        "wrong": [
            """
def drop_blank(values):
    return [v for v in values if v]
"""
        ],
    },
    {
        "id": "bool_field",
        "sig": "def bool_field(text: str) -> bool | None:",
        "doc": """
            Read a yes/no field from a spreadsheet. Ignoring case and surrounding whitespace, "yes", "y",
            "true", "t", "1" and "on" mean True; "no", "n", "false", "f", "0" and "off" mean False;
            anything else gives None.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "parsing"],
        "visible": [(" Yes ",), ("maybe",)],
        "hidden": [
            ("",),
            ("y",),
            ("N",),
            ("TRUE",),
            ("False",),
            ("1",),
            ("0",),
            (" off\n",),
            ("On",),
            ("yess",),
        ],
        "ref": """
def bool_field(text):
    t = text.strip().lower()
    if t in ("yes", "y", "true", "t", "1", "on"):
        return True
    if t in ("no", "n", "false", "f", "0", "off"):
        return False
    return None
""",
        "wrong": [
            """
def bool_field(text):
    t = text.strip().lower()
    if t in ("yes", "y", "true", "t", "1", "on"):
        return True
    return False
"""
        ],
    },
    {
        "id": "forward_fill",
        "sig": "def forward_fill(readings: list) -> list:",
        "doc": """
            Replace every None in readings by the closest earlier value that is not None; Nones before
            the first real value stay None.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "lists"],
        "visible": [([1, None, None, 4, None],), ([None, 2],)],
        "hidden": [
            ([],),
            ([None],),
            ([None, None, 3],),
            ([5],),
            ([0, None],),
            ([False, None, True, None],),
            (["a", None, "b", None, None],),
            ([1, 2, 3],),
        ],
        "ref": """
def forward_fill(readings):
    out, last = [], None
    for r in readings:
        if r is not None:
            last = r
        out.append(last)
    return out
""",
        "wrong": [
            """
def forward_fill(readings):
    out, last = [], None
    for r in readings:
        if r:
            last = r
        out.append(r if r is not None else last)
    return out
"""
        ],
    },
    {
        "id": "dedupe_by_key",
        "sig": "def dedupe_by_key(rows: list[dict], key: str) -> list[dict]:",
        "doc": """
            Keep only the first row for each value of rows[i][key] (rows missing key are all kept),
            preserving order.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "dicts"],
        "visible": [([{"id": 1, "v": "a"}, {"id": 1, "v": "b"}, {"id": 2, "v": "c"}], "id"), ([], "id")],
        "hidden": [
            ([{"id": 1}], "id"),
            ([{"x": 1}, {"x": 1}], "id"),
            ([{"id": 1}, {"x": 2}, {"id": 1}, {"x": 2}], "id"),
            ([{"id": "1"}, {"id": 1}], "id"),
            ([{"k": None}, {"k": None}, {"k": 0}], "k"),
            ([{"e": "a@x"}, {"e": "b@x"}, {"e": "a@x"}, {"e": "b@x"}], "e"),
            ([{"id": 3, "n": 1}, {"id": 2, "n": 2}, {"id": 3, "n": 3}], "id"),
            ([{"id": [1]}, {"id": [1]}, {"id": [2]}], "id"),
        ],
        "ref": """
def dedupe_by_key(rows, key):
    seen = []
    out = []
    for r in rows:
        if key not in r:
            out.append(r)
            continue
        if r[key] not in seen:
            seen.append(r[key])
            out.append(r)
    return out
""",
        "wrong": [
            """
def dedupe_by_key(rows, key):
    latest = {}
    for r in rows:
        latest[str(r.get(key))] = r
    return list(latest.values())
"""
        ],
    },
    {
        "id": "price_to_cents",
        "sig": "def price_to_cents(text: str) -> int:",
        "doc": """
            Convert a price typed by a person into whole cents. It may have surrounding spaces, a leading
            "-" and/or a "$", commas between thousands, and zero, one or two decimals: "$1,234.5" is
            123450 and "-$0.07" is -7.
        """,
        "difficulty": "medium",
        "tags": ["cleaning", "parsing"],
        "visible": [("$1,234.5",), ("-$0.07",)],
        "hidden": [
            ("0",),
            ("$0.00",),
            (" 12 ",),
            ("1,000,000",),
            ("$19.99",),
            ("-15",),
            ("$-3.10",),
            ("4.",),
            ("0.1",),
        ],
        "ref": """
def price_to_cents(text):
    t = text.strip().replace(",", "").replace("$", "")
    sign = -1 if t.startswith("-") else 1
    t = t.lstrip("-")
    whole, _, frac = t.partition(".")
    return sign * (int(whole or "0") * 100 + int((frac + "00")[:2]))
""",
        "wrong": [
            """
def price_to_cents(text):
    t = text.strip().replace(",", "").replace("$", "")
    return int(float(t) * 100)
"""
        ],
    },
    {
        "id": "normalise_phone",
        "sig": "def normalise_phone(text: str) -> str:",
        "doc": """
            Keep only the digits of a North American phone number. With 11 digits starting with "1", drop
            that country code. When exactly 10 digits remain, return them as "(AAA) BBB-CCCC"; otherwise
            return "".
        """,
        "difficulty": "medium",
        "tags": ["cleaning", "strings"],
        "visible": [("555.123.4567",), ("+1 (555) 123-4567",)],
        "hidden": [
            ("",),
            ("123",),
            ("5551234567",),
            ("15551234567",),
            ("25551234567",),
            ("555-1234-567x",),
            ("1-555-123-456",),
            ("555 123 45678",),
            ("phone: 212 555 0100",),
        ],
        "ref": """
def normalise_phone(text):
    d = "".join(ch for ch in text if ch.isdigit())
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    if len(d) != 10:
        return ""
    return f"({d[:3]}) {d[3:6]}-{d[6:]}"
""",
        "wrong": [
            """
def normalise_phone(text):
    d = "".join(ch for ch in text if ch.isdigit())
    d = d[-10:]
    if len(d) != 10:
        return ""
    return f"({d[:3]}) {d[3:6]}-{d[6:]}"
"""
        ],
    },
    {
        "id": "standardise_date",
        "sig": "def standardise_date(text: str) -> str:",
        "doc": """
            Dates arrive as "YYYY-MM-DD", "MM/DD/YYYY" or "D Mon YYYY" (Mon is an English three-letter
            month like "Jun", any case), possibly with spaces around. Return the date as "YYYY-MM-DD",
            or "" when the text has none of these forms or is not a real calendar date.
        """,
        "difficulty": "medium",
        "tags": ["cleaning", "dates"],
        "visible": [("06/01/2024",), ("1 jun 2024",)],
        "hidden": [
            ("",),
            ("2024-06-01",),
            (" 2024-12-31 ",),
            ("12/31/1999",),
            ("02/30/2024",),
            ("29 Feb 2023",),
            ("29 FEB 2024",),
            ("2024/06/01",),
            ("7 Sept 2024",),
        ],
        "ref": """
from datetime import datetime


def standardise_date(text):
    t = text.strip()
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%d %b %Y"):
        try:
            return datetime.strptime(t, fmt).date().isoformat()
        except ValueError:
            pass
    return ""
""",
        "wrong": [
            """
def standardise_date(text):
    t = text.strip()
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    if "-" in t:
        return t
    if "/" in t:
        m, d, y = t.split("/")
        return f"{y}-{m}-{d}"
    parts = t.split()
    if len(parts) == 3 and parts[1].lower()[:3] in months:
        return f"{parts[2]}-{months.index(parts[1].lower()[:3]) + 1:02d}-{int(parts[0]):02d}"
    return ""
"""
        ],
    },
    {
        "id": "column_types",
        "sig": "def column_types(rows: list[list[str]]) -> list[str]:",
        "doc": """
            rows is a table of strings with equal-length rows. For each column return "int" when every
            non-empty cell (after stripping spaces) is an integer like "-12", else "float" when every
            non-empty cell is a number like "3.5" or "-2", else "str"; a column with only empty cells is
            "empty". [] when there are no rows.
        """,
        "difficulty": "medium",
        "tags": ["cleaning", "parsing"],
        "visible": [([["1", "2.5", "x"], ["3", "4", "y"]],), ([["", " 7 "]],)],
        "hidden": [
            ([],),
            ([[]],),
            ([["", ""], ["", ""]],),
            ([["-1"], ["+2"], ["0"]],),
            ([["1.0"], ["2"]],),
            ([["1e3"], ["2"]],),
            ([["1"], ["one"]],),
            ([["3", ""], ["", "x"], ["4", "5"]],),
            ([["1,000"]],),
        ],
        "ref": """
def column_types(rows):
    if not rows:
        return []

    def is_int(s):
        try:
            int(s)
            return True
        except ValueError:
            return False

    def is_float(s):
        try:
            float(s)
            return True
        except ValueError:
            return False

    out = []
    for c in range(len(rows[0])):
        cells = [r[c].strip() for r in rows if r[c].strip()]
        if not cells:
            out.append("empty")
        elif all(is_int(s) for s in cells):
            out.append("int")
        elif all(is_float(s) for s in cells):
            out.append("float")
        else:
            out.append("str")
    return out
""",
        "wrong": [
            """
def column_types(rows):
    if not rows:
        return []
    out = []
    for c in range(len(rows[0])):
        cells = [r[c].strip() for r in rows if r[c].strip()]
        if not cells:
            out.append("empty")
        elif all(s.lstrip("-").isdigit() for s in cells):
            out.append("int")
        elif all(s.lstrip("-").replace(".", "", 1).isdigit() for s in cells):
            out.append("float")
        else:
            out.append("str")
    return out
"""
        ],
    },
    {
        "id": "median_impute",
        "sig": "def median_impute(values: list) -> list[float]:",
        "doc": """
            Replace every None in values by the median of the values that are not None (the mean of the
            two middle ones when their count is even). Return all values as floats; when every value is
            None, return [].
        """,
        "difficulty": "medium",
        "tags": ["cleaning", "numbers"],
        "checker": "approx",
        "visible": [([1, None, 3, 10],), ([None, None],)],
        "hidden": [
            ([],),
            ([5],),
            ([None, 4],),
            ([2, 8, None],),
            ([3, 1, 2, None, None],),
            ([-1.5, None, 1.5, 100.0],),
            ([7, 7, None, 1],),
            ([0, None, 0, 1, 1],),
        ],
        "ref": """
def median_impute(values):
    known = sorted(v for v in values if v is not None)
    if not known:
        return []
    n = len(known)
    mid = known[n // 2] if n % 2 else (known[n // 2 - 1] + known[n // 2]) / 2
    return [float(mid if v is None else v) for v in values]
""",
        "wrong": [
            """
def median_impute(values):
    known = [v for v in values if v is not None]
    if not known:
        return []
    mid = known[len(known) // 2]
    return [float(mid if v is None else v) for v in values]
"""
        ],
    },
    {
        "id": "merge_contacts",
        "sig": "def merge_contacts(contacts: list[list[str]]) -> list[list]:",
        "doc": """
            contacts holds [name, email] pairs typed by different people. Two emails are the same when
            they are equal after stripping spaces and lower-casing. Group the contacts by email and
            return, sorted by cleaned email, [cleaned email, names] where names are the distinct
            stripped names of that email in order of first appearance. Pairs whose cleaned email is
            empty are dropped.
        """,
        "difficulty": "hard",
        "tags": ["cleaning", "dicts"],
        "visible": [
            ([["Ann", "ann@x.org"], ["Ann B", " ANN@x.org "], ["Bo", "bo@y.com"]],),
            ([["Cy", "  "]],),
        ],
        "hidden": [
            ([],),
            ([["A", "a@a"]],),
            ([["A", "a@a"], ["A", "A@A"]],),
            ([[" A ", "a@a"], ["A", "a@a"]],),
            ([["Z", "z@z"], ["Y", "y@y"], ["X", "x@x"]],),
            ([["B", "b@b"], ["A", "b@b"], ["B", "B@b"]],),
            ([["P", ""], ["Q", "q@q"], ["R", " "]],),
            ([["M", "m@x"], ["N", "n@x"], ["M2", "M@X "], ["N", "n@x"]],),
        ],
        "ref": """
def merge_contacts(contacts):
    groups = {}
    for name, email in contacts:
        e = email.strip().lower()
        if not e:
            continue
        names = groups.setdefault(e, [])
        n = name.strip()
        if n not in names:
            names.append(n)
    return [[e, groups[e]] for e in sorted(groups)]
""",
        "wrong": [
            """
def merge_contacts(contacts):
    groups = {}
    for name, email in contacts:
        e = email.strip().lower()
        if not e:
            continue
        groups.setdefault(e, set()).add(name.strip())
    return [[e, sorted(groups[e])] for e in sorted(groups)]
"""
        ],
    },
    {
        "id": "csv_fields",
        "sig": "def csv_fields(line: str) -> list[str]:",
        "doc": """
            Split one line of CSV into its fields. Fields are separated by commas; a field that starts
            with a double quote runs to the matching closing quote, may contain commas, and writes a
            literal quote as two quotes (""). The quotes around a quoted field are not part of its
            value. Unquoted fields are taken as they are, spaces included. An empty line is one empty
            field.
        """,
        "difficulty": "hard",
        "tags": ["cleaning", "parsing"],
        "visible": [('a,"b,c",d',), ('"say ""hi"" now",x',)],
        "hidden": [
            ("",),
            (",",),
            ("a,,b",),
            (" a , b ",),
            ('""',),
            ('"",""',),
            ('"a,b"',),
            ('x,"y"',),
            ('"1,2,3","4"",""5",6',),
        ],
        "ref": """
def csv_fields(line):
    fields = []
    i, n = 0, len(line)
    while True:
        if i < n and line[i] == '"':
            i += 1
            value = []
            while i < n:
                if line[i] == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        value.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                value.append(line[i])
                i += 1
            fields.append("".join(value))
            while i < n and line[i] != ",":
                i += 1
        else:
            j = line.find(",", i)
            j = n if j < 0 else j
            fields.append(line[i:j])
            i = j
        if i >= n:
            return fields
        i += 1
""",
        "wrong": [
            """
def csv_fields(line):
    fields = []
    cur = ""
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            fields.append(cur)
            cur = ""
        else:
            cur += ch
    fields.append(cur)
    return fields
"""
        ],
    },
    {
        "id": "cap_readings",
        "sig": "def cap_readings(values: list[int | None], lo: int, hi: int) -> list[int | None]:",
        "doc": """
            values holds sensor readings, with None for a missing reading. Return a new list in which a
            reading below lo becomes lo, a reading above hi becomes hi, other readings stay as they are,
            and None stays None. lo <= hi.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "numbers"],
        "visible": [([5, -3, 12, None], 0, 10), ([None], 1, 2)],
        "hidden": [
            ([], 0, 1),
            ([0, 10], 0, 10),
            ([-100, 100], -5, 5),
            ([None, None, 3], 3, 3),
            ([7, 8, 9], 8, 8),
            ([1, None, 20, -20], 0, 15),
            ([4], 5, 9),
            ([0], -1, 1),
        ],
        "ref": """
def cap_readings(values, lo, hi):
    return [None if v is None else min(max(v, lo), hi) for v in values]
""",
        "wrong": [
            """
def cap_readings(values, lo, hi):
    return [None if not v else min(max(v, lo), hi) for v in values]
""",
            """
def cap_readings(values, lo, hi):
    return [v if v is None or lo < v < hi else lo for v in values]
""",
        ],
    },
    {
        "id": "clean_keys",
        "sig": "def clean_keys(record: dict) -> dict:",
        "doc": """
            Return a copy of record whose keys are tidied: spaces at both ends removed, letters made
            lower case, and every run of spaces inside the key replaced by a single "_". Values do not
            change. No two keys of record tidy to the same key.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "dicts"],
        "visible": [({" First Name ": "Ada", "AGE": 36},), ({"zip  code": "123"},)],
        "hidden": [
            ({},),
            ({"id": 1},),
            ({"  ID  ": 1},),
            ({"Home   Phone  Number": "555"},),
            ({"Q": 1, " r s ": 2},),
            ({"x": None, "Y ": [1, 2]},),
            ({"already_clean": True, " Mixed Case Key": False},),
            ({"  Multi   Word   Key  ": 0},),
            ({"Zip Code": "9", "city": "x"},),
        ],
        "ref": """
def clean_keys(record):
    return {"_".join(key.split()).lower(): value for key, value in record.items()}
""",
        "wrong": [
            """
def clean_keys(record):
    return {key.strip().lower().replace(" ", "_"): value for key, value in record.items()}
""",
            """
def clean_keys(record):
    return {key.lower().replace(" ", "_"): value for key, value in record.items()}
""",
        ],
    },
    {
        "id": "strict_ints",
        "sig": "def strict_ints(values: list[str]) -> list[int | None]:",
        "doc": """
            values are strings typed into a form. For each one, after removing the spaces around it,
            give its integer value when it is an optional "+" or "-" followed by one or more digits
            0-9, and None otherwise: empty strings, decimals, "1_000", "1e3", inner spaces and any
            other characters are all rejected.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "parsing"],
        "visible": [(["42", " -7 ", "3.5"],), (["+8", "1_000", ""],)],
        "hidden": [
            ([],),
            (["0"],),
            (["-0", "+0"],),
            (["007"],),
            (["1 2"],),
            (["  12  ", "abc", "-"],),
            (["1e3", "0x10", "12a"],),
            (["-15", "+", "99999999999999999999"],),
            (["   "],),
            (["10_000", "+3"],),
        ],
        "ref": """
import re


def strict_ints(values):
    out = []
    for value in values:
        text = value.strip()
        out.append(int(text) if re.fullmatch(r"[+-]?[0-9]+", text) else None)
    return out
""",
        "wrong": [
            """
def strict_ints(values):
    out = []
    for value in values:
        try:
            out.append(int(value))
        except ValueError:
            out.append(None)
    return out
""",
            """
def strict_ints(values):
    return [int(v.strip()) if v.strip().isdigit() else None for v in values]
""",
        ],
    },
    {
        "id": "unique_names",
        "sig": "def unique_names(names: list[str]) -> list[str]:",
        "doc": """
            Remove repeated names. Two names are the same when they are equal after removing the spaces
            around them and ignoring letter case. Keep the first spelling of each name, with its
            surrounding spaces removed, in order of first appearance. Names that are empty once their
            spaces are removed are dropped.
        """,
        "difficulty": "easy",
        "tags": ["cleaning", "strings"],
        "visible": [(["Ann", " ann", "Bob"],), (["  ", "Cy"],)],
        "hidden": [
            ([],),
            ([""],),
            (["x"],),
            (["bob", "BOB", "Bob "],),
            (["Ann Lee", "ann lee", "AnnLee"],),
            ([" Zoe ", "zoe", "Al", " al", "ZOE"],),
            (["a", "b", "a", "c", "B"],),
            (["Mary", "  mary  ", "MARY", ""],),
        ],
        "ref": """
def unique_names(names):
    seen = set()
    out = []
    for name in names:
        clean = name.strip()
        if clean and clean.lower() not in seen:
            seen.add(clean.lower())
            out.append(clean)
    return out
""",
        "wrong": [
            """
def unique_names(names):
    out = []
    for name in names:
        clean = name.strip()
        if clean and clean not in out:
            out.append(clean)
    return out
""",
            """
def unique_names(names):
    out = []
    for name in names:
        clean = name.strip().lower()
        if clean and clean not in out:
            out.append(clean)
    return out
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
