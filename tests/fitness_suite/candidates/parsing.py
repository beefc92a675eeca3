"""Candidate tasks, family 'parsing': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "match_winner",
        "sig": "def match_winner(result: str) -> str:",
        "doc": """
            result records a finished game as "<team> <goals>-<goals> <team>", such as
            "lions 3-1 tigers", where the first number is the goals of the first team. Team names are
            single words and goal counts may have several digits. Return the name of the team with
            more goals, or "draw" when both scored the same number.
        """,
        "difficulty": "easy",
        "tags": ["parsing", "strings"],
        "visible": [("lions 3-1 tigers",), ("owls 2-2 hawks",)],
        "hidden": [
            ("a 0-1 b",),
            ("reds 10-9 blues",),
            ("reds 9-10 blues",),
            ("x 0-0 y",),
            ("home 12-2 away",),
            ("Rovers 1-0 City",),
            ("up 100-99 down",),
            ("ab 7-11 cd",),
            ("p 5-5 q",),
        ],
        "ref": """
def match_winner(result):
    first, score, second = result.split()
    a, b = (int(x) for x in score.split("-"))
    if a > b:
        return first
    if b > a:
        return second
    return "draw"
""",
        "wrong": [
            """
def match_winner(result):
    first, score, second = result.split()
    a, b = score.split("-")
    if a > b:
        return first
    if b > a:
        return second
    return "draw"
""",
        ],
    },
    {
        "id": "header_value",
        "sig": "def header_value(headers: str, name: str) -> str | None:",
        "doc": """
            headers is the header block of a message: lines of the form "Name: value", separated by
            newlines, each name appearing at most once. Return the value of the header called name,
            with spaces around it removed. Names match whole and without regard to upper or lower
            case. Only the first ":" of a line ends the name, so a value may itself contain ":".
            Return None when there is no such header.
        """,
        "difficulty": "medium",
        "tags": ["parsing", "strings"],
        "visible": [("Host: example.org\nAccept: text/html", "HOST"), ("From: ann\nTo: bob", "cc")],
        "hidden": [
            ("", "host"),
            ("Host: a", "Host"),
            ("X-Time: 12:30:05", "x-time"),
            ("Link: http://a.b/c\nType: x", "link"),
            ("A: 1\nB: 2\nC: 3", "b"),
            ("Subject:   hi there  ", "SUBJECT"),
            ("Empty:\nFull: yes", "empty"),
            ("Content-Type: text/plain", "type"),
            ("Via: x\nvia2: y", "VIA2"),
        ],
        "ref": """
def header_value(headers, name):
    for line in headers.split("\\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == name.lower():
            return value.strip()
    return None
""",
        "wrong": [
            """
def header_value(headers, name):
    for line in headers.split("\\n"):
        if ":" in line:
            key, value = line.split(":")
            if key.strip().lower() == name.lower():
                return value.strip()
    return None
""",
            """
def header_value(headers, name):
    for line in headers.split("\\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() == name:
            return value.strip()
    return None
""",
        ],
    },
    {
        "id": "parse_number_rows",
        "sig": "def parse_number_rows(text: str) -> list[list[int]]:",
        "doc": """
            text holds rows of integers, one row per line (lines are separated by newlines), and the
            numbers of a row are separated by one or more spaces. Return the rows as lists of ints,
            in order. Lines that are empty or hold only spaces are not rows and are skipped.
        """,
        "difficulty": "easy",
        "tags": ["parsing", "numbers"],
        "visible": [("1 2 3\n4 5 6",), ("7\n\n-8  9\n",)],
        "hidden": [
            ("",),
            ("   ",),
            ("42",),
            ("\n\n1\n\n",),
            ("  3   4  \n5",),
            ("-1 -2\n-3",),
            ("10 200 3000",),
            ("1\n2\n3",),
            ("0 0\n \n0",),
        ],
        "ref": """
def parse_number_rows(text):
    return [[int(x) for x in line.split()] for line in text.split("\\n") if line.strip()]
""",
        "wrong": [
            """
def parse_number_rows(text):
    return [[int(x) for x in line.split()] for line in text.split("\\n")]
""",
            """
def parse_number_rows(text):
    return [[int(x) for x in line.strip().split(" ")] for line in text.split("\\n") if line.strip()]
""",
        ],
    },
    {
        "id": "reading_to_celsius",
        "sig": "def reading_to_celsius(text: str) -> float:",
        "doc": """
            text is a temperature reading: a number (possibly negative, possibly with a decimal point)
            directly followed by its unit, the letter C or F in upper or lower case, as in "21C" or
            "98.6f". Return the temperature in degrees Celsius; Fahrenheit converts as
            (F - 32) * 5 / 9.
        """,
        "difficulty": "easy",
        "tags": ["parsing", "numbers"],
        "visible": [("21C",), ("212F",)],
        "hidden": [
            ("0c",),
            ("-40F",),
            ("-40c",),
            ("98.6f",),
            ("32F",),
            ("-3.5C",),
            ("451F",),
            ("0.5c",),
            ("100f",),
            ("-459.67F",),
        ],
        "checker": "approx",
        "ref": """
def reading_to_celsius(text):
    value = float(text[:-1])
    if text[-1] in "Ff":
        return (value - 32) * 5 / 9
    return value
""",
        "wrong": [
            """
def reading_to_celsius(text):
    value = float(text[:-1])
    if text[-1] == "F":
        return (value - 32) * 5 / 9
    return value
""",
        ],
    },
    {
        "id": "argument_count",
        "sig": "def argument_count(call: str) -> int:",
        "doc": """
            call is a function call written like "f(a, b, c)": a name, "(", the arguments separated
            by commas, and ")". No argument contains a comma or a bracket itself. Return the number
            of arguments; a call with nothing, or only spaces, between its brackets has 0.
        """,
        "difficulty": "easy",
        "tags": ["parsing"],
        "visible": [("f(a, b, c)",), ("now()",)],
        "hidden": [
            ("g(x)",),
            ("h( )",),
            ("max(1,2)",),
            ("print('hi', end)",),
            ("area(w ,h ,d ,e)",),
            ("run(   )",),
            ("add(1, 2, 3, 4, 5)",),
            ("call_me(x_1,y_2)",),
            ("sum(  values  )",),
            ("z()",),
        ],
        "ref": """
def argument_count(call):
    inside = call[call.index("(") + 1:call.rindex(")")]
    if not inside.strip():
        return 0
    return inside.count(",") + 1
""",
        "wrong": [
            """
def argument_count(call):
    inside = call[call.index("(") + 1:call.rindex(")")]
    return len(inside.split(","))
""",
            """
def argument_count(call):
    return call.count(",")
""",
        ],
    },
    {
        "id": "titles_by_priority",
        "sig": "def titles_by_priority(lines: list[str]) -> list[str]:",
        "doc": """
            Each entry of lines is a to-do item written "P<n> <title>": n is its priority, a
            non-negative integer that may have several digits, and the title is the rest of the
            entry after the first space. Return the titles ordered by priority, lowest number
            first; items with the same priority keep the order they have in lines.
        """,
        "difficulty": "medium",
        "tags": ["parsing", "sorting"],
        "visible": [
            (["P2 write report", "P1 call bob"],),
            (["P1 tidy desk", "P1 answer mail", "P0 pay rent"],),
        ],
        "hidden": [
            ([],),
            (["P5 only"],),
            (["P10 late", "P9 early"],),
            (["P2 b", "P2 a"],),
            (["P0 x y z", "P1 a b"],),
            (["P3 c", "P1 a", "P2 b"],),
            (["P12 m", "P2 n", "P1 o", "P2 k"],),
            (["P7 same", "P7 same"],),
            (["P100 z", "P20 y", "P3 x"],),
            (["P1 zebra", "P0 yak", "P1 ant"],),
        ],
        "ref": """
def titles_by_priority(lines):
    items = []
    for line in lines:
        tag, title = line.split(" ", 1)
        items.append((int(tag[1:]), title))
    return [title for _, title in sorted(items, key=lambda item: item[0])]
""",
        "wrong": [
            """
def titles_by_priority(lines):
    return [line.split(" ", 1)[1] for line in sorted(lines)]
""",
            """
def titles_by_priority(lines):
    items = []
    for line in lines:
        tag, title = line.split(" ", 1)
        items.append((int(tag[1:]), title))
    return [title for _, title in sorted(items)]
""",
        ],
    },
    {
        "id": "column_values",
        "sig": "def column_values(table: str, name: str) -> list[str]:",
        "doc": """
            table is a small comma-separated table: its first line holds the column names, every
            further line is one row, lines are separated by newlines, and there are no quotes or
            spaces around fields. Return the values of the column called name (names match
            exactly), one per row from top to bottom, as strings. When there is no column called
            name, return [].
        """,
        "difficulty": "easy",
        "tags": ["parsing"],
        "visible": [("name,age\nann,31\nbob,27", "age"), ("id,city\n1,Oslo", "zip")],
        "hidden": [
            ("a", "a"),
            ("a\n1\n2", "a"),
            ("x,y,z\n1,2,3\n4,5,6", "z"),
            ("x,y,z\n1,2,3", "x"),
            ("x,y\n,\n1,", "y"),
            ("k,v", "v"),
            ("k,v\np,q", "K"),
            ("c1,c2,c3\na,b,c\nd,e,f\ng,h,i", "c2"),
            ("name,age\nann,31", "name"),
            ("one,two\n1,2", "three"),
        ],
        "ref": """
def column_values(table, name):
    lines = table.split("\\n")
    header = lines[0].split(",")
    if name not in header:
        return []
    i = header.index(name)
    return [line.split(",")[i] for line in lines[1:]]
""",
        "wrong": [
            """
def column_values(table, name):
    lines = table.split("\\n")
    i = lines[0].split(",").index(name)
    return [line.split(",")[i] for line in lines[1:]]
""",
            """
def column_values(table, name):
    lines = table.split("\\n")
    header = lines[0].split(",")
    if name not in header:
        return []
    i = header.index(name)
    return [line.split(",")[i] for line in lines]
""",
        ],
    },
    {
        "id": "last_path_part",
        "sig": "def last_path_part(path: str) -> str:",
        "doc": """
            path is a file path whose parts are separated by "/". Return its last part: the name of
            the file or folder the path ends at. Slashes at the end of path do not count, so
            "docs/img/" gives "img". A path that is empty or made only of slashes gives "".
        """,
        "difficulty": "easy",
        "tags": ["parsing", "strings"],
        "visible": [("docs/img/logo.png",), ("docs/img/",)],
        "hidden": [
            ("",),
            ("/",),
            ("///",),
            ("file.txt",),
            ("/usr/lib",),
            ("a//b",),
            ("a/b//",),
            ("/home/ann/",),
            (".hidden/x.y",),
            ("dir/sub dir/",),
        ],
        "ref": """
def last_path_part(path):
    parts = [part for part in path.split("/") if part]
    return parts[-1] if parts else ""
""",
        "wrong": [
            """
def last_path_part(path):
    return path.split("/")[-1]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
