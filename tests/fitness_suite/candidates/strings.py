"""Candidate tasks, family 'strings': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "swap_halves",
        "sig": "def swap_halves(s: str) -> str:",
        "doc": """
            Return s with its first half and its second half exchanged. When s has an odd number of
            characters, the middle character belongs to neither half and stays in the middle.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("abcdef",), ("abcde",)],
        "hidden": [
            ("",),
            ("a",),
            ("ab",),
            ("abc",),
            ("hello world",),
            ("xy z",),
            ("1234",),
            ("racecar",),
            ("aabb",),
            ("abcdefg",),
        ],
        "ref": """
def swap_halves(s):
    half = len(s) // 2
    middle = s[half:len(s) - half]
    return s[len(s) - half:] + middle + s[:half]
""",
        "wrong": [
            """
def swap_halves(s):
    half = len(s) // 2
    return s[half:] + s[:half]
""",
            """
def swap_halves(s):
    half = (len(s) + 1) // 2
    return s[half:] + s[:half]
""",
        ],
    },
    {
        "id": "next_copy_name",
        "sig": "def next_copy_name(name: str) -> str:",
        "doc": """
            Return the name for the next copy of a file called name. If name ends with a number (one or
            more digits at its very end), that whole number goes up by one: "draft7" becomes "draft8"
            and "v19" becomes "v20". Otherwise "2" is appended: "notes" becomes "notes2". A trailing
            number is never written with leading zeros.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("draft7",), ("notes",)],
        "hidden": [
            ("",),
            ("report9",),
            ("a199",),
            ("99",),
            ("x0",),
            ("2go",),
            ("file 12",),
            ("v1.9",),
            ("abc123",),
            ("copy",),
        ],
        "ref": """
def next_copy_name(name):
    stem = name.rstrip("0123456789")
    digits = name[len(stem):]
    if not digits:
        return name + "2"
    return stem + str(int(digits) + 1)
""",
        "wrong": [
            """
def next_copy_name(name):
    if name and name[-1].isdigit():
        return name[:-1] + str(int(name[-1]) + 1)
    return name + "2"
""",
            """
def next_copy_name(name):
    stem = name.rstrip("0123456789")
    digits = name[len(stem):]
    if not digits:
        return name + "1"
    return stem + str(int(digits) + 1)
""",
        ],
    },
    {
        "id": "ellipsize",
        "sig": "def ellipsize(text: str, limit: int) -> str:",
        "doc": """
            Make text fit in limit characters (limit >= 3). Text that has at most limit characters is
            returned unchanged. Longer text is cut short and ends with "...", so that the result,
            the three dots included, is exactly limit characters long.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("hello world", 8), ("short", 10)],
        "hidden": [
            ("", 3),
            ("abc", 3),
            ("abcd", 3),
            ("abcdef", 5),
            ("exactly10!", 10),
            ("exactly10!", 9),
            ("a b c d e", 4),
            ("hello", 4),
            ("hello world", 11),
            ("trailing   ", 6),
        ],
        "ref": """
def ellipsize(text, limit):
    if len(text) <= limit:
        return text
    return text[:limit - 3] + "..."
""",
        "wrong": [
            """
def ellipsize(text, limit):
    if len(text) <= limit:
        return text
    return text[:limit] + "..."
""",
            """
def ellipsize(text, limit):
    if len(text) < limit:
        return text
    return text[:limit - 3] + "..."
""",
        ],
    },
    {
        "id": "unwrap_quotes",
        "sig": "def unwrap_quotes(s: str, quote: str) -> str:",
        "doc": """
            quote is a single character. If s is at least two characters long and both starts and ends
            with quote, remove that one character from each end and return the rest. Otherwise return
            s unchanged. Quote characters further inside are kept, even next to the ends.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [('"hello"', '"'), ("'half", "'")],
        "hidden": [
            ("", '"'),
            ('"', '"'),
            ('""', '"'),
            ('""x""', '"'),
            ("*bold*", "*"),
            ("'a\"", "'"),
            ("plain", '"'),
            ("end'", "'"),
            ("|a|b|", "|"),
            ("'''", "'"),
        ],
        "ref": """
def unwrap_quotes(s, quote):
    if len(s) >= 2 and s[0] == quote and s[-1] == quote:
        return s[1:-1]
    return s
""",
        "wrong": [
            """
def unwrap_quotes(s, quote):
    if s.startswith(quote) and s.endswith(quote):
        return s.strip(quote)
    return s
""",
            """
def unwrap_quotes(s, quote):
    if s.startswith(quote) and s.endswith(quote):
        return s[1:-1]
    return s
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
