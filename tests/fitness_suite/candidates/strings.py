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
    {
        "id": "swap_chars",
        "sig": "def swap_chars(s: str, a: str, b: str) -> str:",
        "doc": """
            a and b are single characters. Return s with every a turned into b and, at the same
            time, every b turned into a; every other character stays as it is. When a and b are the
            same character, s comes back unchanged.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("abba", "a", "b"), ("hello world", "o", "l")],
        "hidden": [
            ("", "a", "b"),
            ("aaa", "a", "b"),
            ("xyz", "a", "b"),
            ("a#b", "a", "b"),
            ("#a#", "a", "#"),
            ("Aa", "a", "A"),
            ("1 2 1", "1", "2"),
            ("aba", "a", "a"),
            ("swap me", "s", "m"),
            ("b", "a", "b"),
        ],
        "ref": """
def swap_chars(s, a, b):
    return "".join(b if c == a else a if c == b else c for c in s)
""",
        "wrong": [
            """
def swap_chars(s, a, b):
    return s.replace(a, b).replace(b, a)
""",
            """
def swap_chars(s, a, b):
    return s.replace(a, "#").replace(b, a).replace("#", b)
""",
        ],
    },
    {
        "id": "mark_differences",
        "sig": "def mark_differences(a: str, b: str) -> str:",
        "doc": """
            Compare the strings a and b position by position and return a marker string with one
            character per position of the longer of the two: "." where both strings have the same
            character, and "^" where their characters differ or where only the longer string has a
            character at all.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("kitten", "sitten"), ("abc", "abcde")],
        "hidden": [
            ("", ""),
            ("", "ab"),
            ("xy", ""),
            ("same", "same"),
            ("abcd", "dcba"),
            ("Hello", "hello"),
            ("a b", "a-b"),
            ("long word", "long"),
            ("12345", "12045"),
            ("aaa", "aab"),
        ],
        "ref": """
def mark_differences(a, b):
    marks = []
    for i in range(max(len(a), len(b))):
        same = i < len(a) and i < len(b) and a[i] == b[i]
        marks.append("." if same else "^")
    return "".join(marks)
""",
        "wrong": [
            """
def mark_differences(a, b):
    return "".join("." if x == y else "^" for x, y in zip(a, b))
""",
            """
def mark_differences(a, b):
    return "".join("." if i < len(b) and a[i] == b[i] else "^" for i in range(len(a)))
""",
        ],
    },
    {
        "id": "repeat_to_length",
        "sig": "def repeat_to_length(s: str, n: int) -> str:",
        "doc": """
            Return a string of exactly n characters (n >= 0) made by writing s over and over and
            cutting the last copy short where needed. When s is empty there is nothing to repeat,
            and the result is "" whatever n is.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("abc", 7), ("ab", 4)],
        "hidden": [
            ("", 5),
            ("", 0),
            ("x", 0),
            ("x", 3),
            ("abc", 2),
            ("abc", 3),
            ("hello", 12),
            ("ab ", 5),
            ("1234", 1),
            ("abc", 9),
        ],
        "ref": """
def repeat_to_length(s, n):
    if not s:
        return ""
    return (s * (n // len(s) + 1))[:n]
""",
        "wrong": [
            """
def repeat_to_length(s, n):
    return (s * (n // len(s) + 1))[:n]
""",
            """
def repeat_to_length(s, n):
    if not s:
        return ""
    return s * (n // len(s))
""",
        ],
    },
    {
        "id": "tally_marks",
        "sig": "def tally_marks(n: int) -> str:",
        "doc": """
            Write the count n (n >= 0) in tally marks: every complete group of five marks is
            "|||||", the marks left over (fewer than five) form one last, shorter group, and the
            groups are separated by single spaces. 0 gives "", and there is never a space at
            either end of the result.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [(7,), (3,)],
        "hidden": [
            (0,),
            (1,),
            (4,),
            (5,),
            (6,),
            (10,),
            (11,),
            (14,),
            (15,),
            (23,),
        ],
        "ref": """
def tally_marks(n):
    groups = ["|||||"] * (n // 5)
    if n % 5:
        groups.append("|" * (n % 5))
    return " ".join(groups)
""",
        "wrong": [
            """
def tally_marks(n):
    groups = ["|||||"] * (n // 5)
    groups.append("|" * (n % 5))
    return " ".join(groups)
""",
            """
def tally_marks(n):
    return "||||| " * (n // 5) + "|" * (n % 5)
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
