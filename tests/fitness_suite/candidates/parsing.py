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
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
