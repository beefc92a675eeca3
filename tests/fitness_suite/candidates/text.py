"""Candidate tasks, family 'text': text processing and regular expressions. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "drop_doubled_words",
        "sig": "def drop_doubled_words(text: str) -> str:",
        "doc": """
            text is words separated by single spaces. Remove every word that equals the word just before
            it, ignoring case, so that each run of repeated words keeps only its first word, spelled as
            written: "the The cat" gives "the cat". A word repeated later but not right after itself
            stays.
        """,
        "difficulty": "easy",
        "tags": ["text", "strings"],
        "visible": [("the The cat sat sat",), ("",)],
        "hidden": [
            ("a",),
            ("a a a a",),
            ("a b a",),
            ("Go go GO now",),
            ("x y z",),
            ("one two two three three three",),
            ("Ha ha ha",),
            ("b B",),
            ("the cat the cat",),
            ("A a b B a A",),
        ],
        "ref": """
def drop_doubled_words(text):
    kept = []
    for word in text.split():
        if not kept or kept[-1].lower() != word.lower():
            kept.append(word)
    return " ".join(kept)
""",
        "wrong": [
            """
def drop_doubled_words(text):
    kept = []
    for word in text.split():
        if not kept or kept[-1] != word:
            kept.append(word)
    return " ".join(kept)
""",
            """
def drop_doubled_words(text):
    kept = []
    for word in text.split():
        if word.lower() not in [k.lower() for k in kept]:
            kept.append(word)
    return " ".join(kept)
""",
        ],
    },
    {
        "id": "format_settings",
        "sig": "def format_settings(settings: dict[str, int]) -> str:",
        "doc": """
            The keys of settings are lower-case words. Write the settings on one line as "key=value"
            items joined by ", ", with the keys in alphabetical order (whatever order the dict has them
            in). An empty dict gives "".
        """,
        "difficulty": "easy",
        "tags": ["text", "dicts"],
        "visible": [({"width": 80, "depth": 3},), ({},)],
        "hidden": [
            ({"a": 1},),
            ({"b": 2, "a": 1},),
            ({"a": 1, "b": 2, "c": 3},),
            ({"zoom": -1, "alpha": 0, "mid": 5},),
            ({"retries": 10, "delay": 250, "backoff": 2},),
            ({"x": 0},),
            ({"port": 8080, "host": 7},),
            ({"size": 2, "scale": 10, "seed": 1},),
        ],
        "ref": """
def format_settings(settings):
    return ", ".join(f"{key}={settings[key]}" for key in sorted(settings))
""",
        "wrong": [
            """
def format_settings(settings):
    return ", ".join(f"{key}={value}" for key, value in settings.items())
""",
            """
def format_settings(settings):
    line = ""
    for key in sorted(settings):
        line += f"{key}={settings[key]}, "
    return line[:-1]
""",
        ],
    },
    {
        "id": "replace_nth_occurrence",
        "sig": "def replace_nth_occurrence(text: str, old: str, new: str, n: int) -> str:",
        "doc": """
            Replace only the n-th occurrence (n >= 1, counting from 1) of the non-empty string old in
            text by new and return the result. Occurrences are counted from the left without
            overlapping: after one is found, the search goes on after its end. When text has fewer than
            n occurrences, return text unchanged.
        """,
        "difficulty": "medium",
        "tags": ["text", "strings"],
        "visible": [("a-b-c-d", "-", "+", 2), ("cat", "x", "y", 1)],
        "hidden": [
            ("aaaa", "aa", "b", 2),
            ("aaa", "aa", "b", 2),
            ("one two one two one", "one", "1", 3),
            ("abc", "abc", "", 1),
            ("x.y.z", ".", "", 1),
            ("hello", "l", "L", 2),
            ("hello", "l", "L", 3),
            ("", "a", "b", 1),
            ("abab", "ab", "X", 1),
            ("ab ab ab", "ab", "cd", 2),
        ],
        "ref": """
def replace_nth_occurrence(text, old, new, n):
    start = 0
    for _ in range(n):
        i = text.find(old, start)
        if i < 0:
            return text
        start = i + len(old)
    return text[:i] + new + text[start:]
""",
        "wrong": [
            """
def replace_nth_occurrence(text, old, new, n):
    start = 0
    for _ in range(n):
        i = text.find(old, start)
        if i < 0:
            return text
        start = i + 1
    return text[:i] + new + text[i + len(old):]
""",
            """
def replace_nth_occurrence(text, old, new, n):
    return text.replace(old, new, n)
""",
        ],
    },
    {
        "id": "words_in_both",
        "sig": "def words_in_both(a: str, b: str) -> list[str]:",
        "doc": """
            Words are maximal runs of the letters a-z and A-Z; every other character separates words,
            and words are compared ignoring case. Return the words that occur in both a and b, in lower
            case, in alphabetical order and without repeats.
        """,
        "difficulty": "easy",
        "tags": ["text", "sorting"],
        "visible": [("The cat sat.", "A cat and the dog"), ("", "x")],
        "hidden": [
            ("red", "red"),
            ("Red", "rED"),
            ("one, two; three", "three two"),
            ("cat cat cat", "dog cat"),
            ("abc1def", "def abc"),
            ("hello", "world"),
            ("It's fine", "it is"),
            ("zeta alpha mu", "mu alpha zeta beta"),
            ("well-known fact", "known WELL"),
            ("x", ""),
        ],
        "ref": """
import re


def words_in_both(a, b):
    def words(s):
        return {w.lower() for w in re.findall(r"[A-Za-z]+", s)}

    return sorted(words(a) & words(b))
""",
        "wrong": [
            """
def words_in_both(a, b):
    return sorted({w.lower() for w in a.split()} & {w.lower() for w in b.split()})
""",
            """
import re


def words_in_both(a, b):
    return sorted(set(re.findall(r"[A-Za-z]+", a)) & set(re.findall(r"[A-Za-z]+", b)))
""",
        ],
    },
    {
        "id": "center_in_width",
        "sig": "def center_in_width(text: str, width: int, fill: str) -> str:",
        "doc": """
            Center text in a field of width characters by adding copies of the one-character string
            fill on both sides. When the number of fill characters needed is odd, the left side gets
            the smaller half and the right side one more. When text already has width characters or
            more, return it unchanged.
        """,
        "difficulty": "medium",
        "tags": ["text", "strings"],
        "visible": [("cat", 7, "*"), ("ab", 5, "-")],
        "hidden": [
            ("hello", 3, "*"),
            ("hello", 5, "*"),
            ("", 4, "="),
            ("x", 2, "."),
            ("x", 4, "."),
            ("hi", 7, "."),
            ("abcd", 7, "#"),
            ("odd", 8, "~"),
            ("a b", 6, "_"),
            ("", 1, "+"),
            ("word", 11, " "),
        ],
        "ref": """
def center_in_width(text, width, fill):
    pad = max(width - len(text), 0)
    left = pad // 2
    return fill * left + text + fill * (pad - left)
""",
        "wrong": [
            """
def center_in_width(text, width, fill):
    return text.center(width, fill)
""",
            """
def center_in_width(text, width, fill):
    pad = max(width - len(text), 0)
    left = (pad + 1) // 2
    return fill * left + text + fill * (pad - left)
""",
        ],
    },
    {
        "id": "line_number_at",
        "sig": "def line_number_at(text: str, offset: int) -> int:",
        "doc": """
            offset is a character position in text, 0 <= offset <= len(text). Return the number of the
            line that position is on, counting lines from 1. Lines are separated by "\\n", and a "\\n"
            character is on the line it ends; offset == len(text) is on the last line.
        """,
        "difficulty": "easy",
        "tags": ["text", "strings"],
        "visible": [("ab\ncd", 3), ("ab\ncd", 1)],
        "hidden": [
            ("", 0),
            ("x", 1),
            ("ab\ncd", 2),
            ("ab\ncd", 5),
            ("\n\n\n", 0),
            ("\n\n\n", 2),
            ("\n\n\n", 3),
            ("one\ntwo\nthree", 7),
            ("one\ntwo\nthree", 8),
            ("a\n", 2),
        ],
        "ref": """
def line_number_at(text, offset):
    return text.count("\\n", 0, offset) + 1
""",
        "wrong": [
            """
def line_number_at(text, offset):
    return text[: offset + 1].count("\\n") + 1
""",
            """
def line_number_at(text, offset):
    return len(text[:offset].splitlines())
""",
        ],
    },
    {
        "id": "join_broken_lines",
        "sig": "def join_broken_lines(text: str) -> str:",
        "doc": """
            text is lines separated by "\\n". Join them into one line. Two neighbouring lines are
            normally joined by a single space, but when a line ends with "-" (a word broken across the
            lines) that hyphen is dropped and the next line follows directly, with no space. The last
            line is kept as it is, a final hyphen included, and every other character is kept too.
        """,
        "difficulty": "medium",
        "tags": ["text", "strings"],
        "visible": [("a long sen-\ntence here",), ("one\ntwo",)],
        "hidden": [
            ("",),
            ("single",),
            ("ends with-",),
            ("a\nb\nc",),
            ("co-\nop-\nera-\ntion",),
            ("mid-word stays\nas is",),
            ("x-\ny\nz-",),
            ("  spaced\nline  ",),
            ("a-\n-b",),
            ("hyphen- \nspace",),
        ],
        "ref": """
def join_broken_lines(text):
    return text.replace("-\\n", "").replace("\\n", " ")
""",
        "wrong": [
            """
def join_broken_lines(text):
    return text.replace("\\n", " ")
""",
            """
def join_broken_lines(text):
    out = ""
    for line in text.split("\\n"):
        if line.endswith("-"):
            out += line[:-1]
        else:
            out += line + " "
    return out.strip()
""",
        ],
    },
    {
        "id": "table_row",
        "sig": "def table_row(record: dict[str, str], columns: list[str]) -> str:",
        "doc": """
            Write one row of a plain-text table: the values of record for the keys in columns, in the
            order of columns, joined by " | ". A column that record has no key for shows "-"; a value
            that is present is shown exactly as it is, even the empty string. Keys of record that are
            not in columns are left out.
        """,
        "difficulty": "easy",
        "tags": ["text", "dicts"],
        "visible": [
            ({"name": "Ann", "age": "31"}, ["name", "age"]),
            ({"name": "Bo"}, ["name", "city", "age"]),
        ],
        "hidden": [
            ({}, ["a"]),
            ({"a": "1"}, []),
            ({"a": "1", "b": "2"}, ["b", "a"]),
            ({"a": "1", "b": "2", "c": "3"}, ["c"]),
            ({"a": ""}, ["a", "b"]),
            ({"x": "", "y": "0"}, ["y", "x"]),
            ({"city": "Rome"}, ["name", "city"]),
            ({"k": "v"}, ["k", "k"]),
            ({"a": "-", "b": "two words"}, ["a", "b", "c"]),
            ({}, []),
        ],
        "ref": """
def table_row(record, columns):
    return " | ".join(record.get(column, "-") for column in columns)
""",
        "wrong": [
            """
def table_row(record, columns):
    return " | ".join(record.get(column) or "-" for column in columns)
""",
            """
def table_row(record, columns):
    return " | ".join(value for key, value in record.items() if key in columns)
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
