"""Core suite, family 'text': text processing and regular expressions. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "squeeze_spaces",
        "sig": "def squeeze_spaces(text: str) -> str:",
        "doc": """
            Replace every run of whitespace (spaces, tabs, newlines) in text by one space and remove
            whitespace at both ends.
        """,
        "difficulty": "trivial",
        "tags": ["text", "strings"],
        "visible": [("  a   b ",), ("x\t\ny",)],
        "hidden": [
            ("",),
            ("   ",),
            ("word",),
            (" lead",),
            ("trail\n",),
            ("a \t b \n c",),
            ("one  two   three",),
            ("\n\nmid\n\n",),
        ],
        "ref": """
def squeeze_spaces(text):
    return " ".join(text.split())
""",
        "wrong": [
            """
def squeeze_spaces(text):
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip()
"""
        ],
    },
    {
        "id": "count_words_starting",
        "sig": "def count_words_starting(text: str, letter: str) -> int:",
        "doc": """
            Words are separated by whitespace. Return how many words of text start with letter, ignoring
            case.
        """,
        "difficulty": "trivial",
        "tags": ["text", "strings"],
        "visible": [("Sam sells sea shells", "s"), ("apple Banana", "c")],
        "hidden": [
            ("", "a"),
            ("a", "a"),
            ("A", "a"),
            ("a", "A"),
            ("banana bandana", "a"),
            ("  x  X  y ", "x"),
            ("Tom took two trains to town", "T"),
            ("one\ttwo\nthree", "t"),
        ],
        "ref": """
def count_words_starting(text, letter):
    return sum(1 for w in text.split() if w[0].lower() == letter.lower())
""",
        "wrong": [
            """
def count_words_starting(text, letter):
    return sum(1 for w in text.split() if w.startswith(letter))
"""
        ],
    },
    {
        "id": "extract_hashtags",
        "sig": "def extract_hashtags(post: str) -> list[str]:",
        "doc": """
            A hashtag is "#" followed by one or more letters, digits or underscores. Return the hashtags
            of post without the "#", lower-cased, in order of first appearance and without repeats.
        """,
        "difficulty": "easy",
        "tags": ["text", "regex"],
        "visible": [("Loving #Python and #python_3!",), ("no tags here",)],
        "hidden": [
            ("",),
            ("#",),
            ("# space",),
            ("#a#b",),
            ("#Go, #Rust; #go.",),
            ("email me at a#b.com #x1",),
            ("#one #two #ONE #three",),
            ("(#paren) [#brack]",),
        ],
        "ref": """
import re


def extract_hashtags(post):
    out = []
    for tag in re.findall(r"#(\\w+)", post):
        tag = tag.lower()
        if tag not in out:
            out.append(tag)
    return out
""",
        "wrong": [
            """
def extract_hashtags(post):
    out = []
    for word in post.split():
        if word.startswith("#") and len(word) > 1:
            tag = word[1:].lower().strip(".,;!")
            if tag not in out:
                out.append(tag)
    return out
"""
        ],
    },
    {
        "id": "mask_card_digits",
        "sig": "def mask_card_digits(number: str) -> str:",
        "doc": """
            Replace every digit of number by "*" except the last four digits; leave every other character
            (spaces, dashes) as it is.
        """,
        "difficulty": "easy",
        "tags": ["text", "strings"],
        "visible": [("1234 5678 9012 3456",), ("12",)],
        "hidden": [
            ("",),
            ("1234",),
            ("12345",),
            ("1234-5678",),
            ("12 34 5",),
            ("----",),
            ("9999 8888 7777 66 66",),
            ("a1b2c3d4e5",),
        ],
        "ref": """
def mask_card_digits(number):
    digits = sum(ch.isdigit() for ch in number)
    out = []
    seen = 0
    for ch in number:
        if ch.isdigit():
            seen += 1
            out.append("*" if seen <= digits - 4 else ch)
        else:
            out.append(ch)
    return "".join(out)
""",
        "wrong": [
            """
def mask_card_digits(number):
    head, tail = number[:-4], number[-4:]
    return "".join("*" if ch.isdigit() else ch for ch in head) + tail
"""
        ],
    },
    {
        "id": "slugify",
        "sig": "def slugify(title: str) -> str:",
        "doc": """
            Turn a title into a URL slug: lower-case it, replace every run of characters that are not
            ASCII letters or digits by a single "-", and remove "-" from both ends.
        """,
        "difficulty": "easy",
        "tags": ["text", "regex"],
        "visible": [("Hello, World!",), ("  Already-slugged  ",)],
        "hidden": [
            ("",),
            ("!!!",),
            ("A",),
            ("10 Tips & Tricks",),
            ("snake_case_title",),
            ("--x--y--",),
            ("Café au lait",),
            ("C++ vs. C#",),
        ],
        "ref": """
import re


def slugify(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
""",
        "wrong": [
            """
def slugify(title):
    return "-".join(title.lower().split()).strip("-")
"""
        ],
    },
    {
        "id": "snake_to_camel",
        "sig": "def snake_to_camel(name: str) -> str:",
        "doc": """
            Convert a snake_case name to camelCase: split on underscores, ignore empty parts, keep the
            first part in lower case and capitalise the first letter of each later part (the rest of
            each part is lower-cased).
        """,
        "difficulty": "easy",
        "tags": ["text", "strings"],
        "visible": [("user_id",), ("total",)],
        "hidden": [
            ("",),
            ("a_b_c",),
            ("__private_name",),
            ("double__under",),
            ("trailing_",),
            ("HTTP_STATUS_CODE",),
            ("x1_y2",),
            ("already_camelCase",),
        ],
        "ref": """
def snake_to_camel(name):
    parts = [p for p in name.split("_") if p]
    if not parts:
        return ""
    return parts[0].lower() + "".join(p[0].upper() + p[1:].lower() for p in parts[1:])
""",
        "wrong": [
            """
def snake_to_camel(name):
    parts = name.split("_")
    return parts[0].lower() + "".join(p.capitalize() for p in parts[1:])
"""
        ],
    },
    {
        "id": "camel_to_snake",
        "sig": "def camel_to_snake(name: str) -> str:",
        "doc": """
            Convert a camelCase or PascalCase name to snake_case. A run of capitals is one word (an
            acronym), except that its last capital starts a new word when a lower-case letter follows
            it: "parseHTTPResponse" becomes "parse_http_response". Digits stay with the word before them.
        """,
        "difficulty": "medium",
        "tags": ["text", "regex"],
        "visible": [("parseHTTPResponse",), ("userId",)],
        "hidden": [
            ("",),
            ("x",),
            ("X",),
            ("ID",),
            ("PascalCase",),
            ("getURL",),
            ("HTMLParser",),
            ("version2Name",),
            ("aB",),
        ],
        "ref": """
import re


def camel_to_snake(name):
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\\1_\\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\\1_\\2", s)
    return s.lower()
""",
        "wrong": [
            """
def camel_to_snake(name):
    out = ""
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0:
            out += "_"
        out += ch.lower()
    return out
"""
        ],
    },
    {
        "id": "fill_template",
        "sig": "def fill_template(template: str, values: dict[str, str]) -> str:",
        "doc": """
            Replace every placeholder "{key}" (key: letters, digits, underscores) in template by
            values[key]. A placeholder whose key is not in values stays as it is. Replacement text is
            not scanned again.
        """,
        "difficulty": "medium",
        "tags": ["text", "regex"],
        "visible": [("Hi {name}!", {"name": "Ada"}), ("{a}{b}", {"a": "1"})],
        "hidden": [
            ("", {}),
            ("no placeholders", {"x": "y"}),
            ("{x}", {"x": ""}),
            ("{x} and {x}", {"x": "7"}),
            ("{a}", {"a": "{b}", "b": "no"}),
            ("{ spaced }", {" spaced ": "z"}),
            ("{{x}}", {"x": "X"}),
            ("{user_1}: {msg}", {"user_1": "bo", "msg": "hey"}),
        ],
        "ref": """
import re


def fill_template(template, values):
    return re.sub(r"\\{(\\w+)\\}", lambda m: values.get(m.group(1), m.group(0)), template)
""",
        "wrong": [
            """
def fill_template(template, values):
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template
"""
        ],
    },
    {
        "id": "redact_words",
        "sig": "def redact_words(text: str, banned: list[str]) -> str:",
        "doc": """
            Replace every whole-word occurrence of a banned word in text, ignoring case, by as many "*"
            as it has letters. A word is a maximal run of letters; banned words inside longer words are
            kept.
        """,
        "difficulty": "medium",
        "tags": ["text", "regex"],
        "visible": [("Darn it, DARN!", ["darn"]), ("class assignment", ["ass"])],
        "hidden": [
            ("", ["x"]),
            ("nothing here", []),
            ("bad", ["bad"]),
            ("bad-bad", ["bad"]),
            ("Bad badge bad.", ["bad"]),
            ("foo bar baz", ["bar", "baz"]),
            ("abc1abc", ["abc"]),
            ("BaD bAd", ["bad"]),
        ],
        "ref": """
import re


def redact_words(text, banned):
    low = {b.lower() for b in banned}
    return re.sub(r"[A-Za-z]+", lambda m: "*" * len(m.group(0)) if m.group(0).lower() in low else m.group(0), text)
""",
        "wrong": [
            """
def redact_words(text, banned):
    for b in banned:
        text = text.replace(b, "*" * len(b))
    return text
"""
        ],
    },
    {
        "id": "top_words",
        "sig": "def top_words(text: str, k: int) -> list[str]:",
        "doc": """
            Words are maximal runs of letters, compared in lower case. Return the k most frequent words,
            most frequent first, ties in alphabetical order (fewer when text has fewer distinct words).
        """,
        "difficulty": "medium",
        "tags": ["text", "sorting"],
        "visible": [("the cat and the hat", 2), ("B a b A c", 5)],
        "hidden": [
            ("", 3),
            ("one", 0),
            ("one", 1),
            ("x y z", 2),
            ("it's it is", 2),
            ("Go go GO stop Stop", 1),
            ("b b a a c", 2),
            ("dog, dog; cat! cat? bird", 3),
        ],
        "ref": """
import re
from collections import Counter


def top_words(text, k):
    counts = Counter(w.lower() for w in re.findall(r"[A-Za-z]+", text))
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]
""",
        "wrong": [
            """
from collections import Counter


def top_words(text, k):
    return [w for w, _ in Counter(text.lower().split()).most_common(k)]
"""
        ],
    },
    {
        "id": "parse_log_line",
        "sig": "def parse_log_line(line: str) -> list[str]:",
        "doc": """
            A log line looks like "[2024-06-01 12:00:03] ERROR (db): message text": a date and a time in
            square brackets, a level of capital letters, a component name in parentheses (letters,
            digits, "_" or "-"), a colon, a space, then the message (possibly empty). Return
            [date, time, level, component, message], or [] when the line does not have this form.
        """,
        "difficulty": "hard",
        "tags": ["text", "regex", "parsing"],
        "visible": [("[2024-06-01 12:00:03] ERROR (db): disk full",), ("hello",)],
        "hidden": [
            ("",),
            ("[2024-06-01 12:00:03] INFO (web-1): ",),
            ("[2024-06-01 12:00:03] info (web): lower level",),
            ("[2024-06-01 12:00:03] WARN (a_b): x: y: z",),
            ("[2024-06-01] WARN (a): no time",),
            ("[2024-06-01 12:00:03] WARN a: no parens",),
            ("[1999-12-31 23:59:59] DEBUG (k9): (nested) [brackets]",),
            (" [2024-06-01 12:00:03] ERROR (db): leading space",),
        ],
        "ref": """
import re

_LINE = re.compile(r"\\[(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})\\] ([A-Z]+) \\(([\\w-]+)\\): (.*)")


def parse_log_line(line):
    m = _LINE.fullmatch(line)
    return list(m.groups()) if m else []
""",
        "wrong": [
            """
def parse_log_line(line):
    try:
        stamp, rest = line[1:].split("] ", 1)
        date, time = stamp.split(" ")
        level, rest = rest.split(" (", 1)
        component, message = rest.split("): ", 1)
    except ValueError:
        return []
    return [date, time, level, component, message]
"""
        ],
    },
    {
        "id": "split_quoted",
        "sig": "def split_quoted(line: str) -> list[str]:",
        "doc": """
            Split a command line into arguments at runs of spaces, except inside double quotes: a quoted
            part belongs to the current argument and loses its quotes, so 'a "b c"d' gives
            ['a', 'b cd']. An empty pair of quotes makes an empty argument when it stands alone. The
            quotes in line are always balanced.
        """,
        "difficulty": "hard",
        "tags": ["text", "parsing"],
        "visible": [('cp "my file.txt" dest',), ("  ls   -l ",)],
        "hidden": [
            ("",),
            ("   ",),
            ('""',),
            ('a "" b',),
            ('"x y"z w',),
            ('say "hi  there"',),
            ('k="v w"',),
            ('"a" "b"',),
            ('one "two" three"four five"',),
        ],
        "ref": """
def split_quoted(line):
    args = []
    cur = []
    have = False
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
            have = True
        elif ch == " " and not quoted:
            if have:
                args.append("".join(cur))
                cur, have = [], False
        else:
            cur.append(ch)
            have = True
    if have:
        args.append("".join(cur))
    return args
""",
        "wrong": [
            """
def split_quoted(line):
    parts = line.split('"')
    args = []
    for i, part in enumerate(parts):
        if i % 2:
            args.append(part)
        else:
            args.extend(part.split())
    return args
"""
        ],
    },
    {
        "id": "longest_word",
        "sig": "def longest_word(text: str) -> str:",
        "doc": """
            Words are maximal runs of the letters a-z and A-Z; every other character separates words.
            Return the longest word exactly as written in text; when several are equally long, the
            first of them. Return "" when text has no letters.
        """,
        "difficulty": "easy",
        "tags": ["text", "strings"],
        "visible": [("The quick brown fox",), ("it's a test-case!",)],
        "hidden": [
            ("",),
            ("123 456",),
            ("a",),
            ("hi, there!!!",),
            ("one two six",),
            ("tie tie TIE",),
            ("well-being matters",),
            ("x2yy3zzz",),
            ("   spaced    out   ",),
        ],
        "ref": """
import re


def longest_word(text):
    best = ""
    for word in re.findall(r"[A-Za-z]+", text):
        if len(word) > len(best):
            best = word
    return best
""",
        "wrong": [
            """
def longest_word(text):
    best = ""
    for word in text.split():
        if len(word) > len(best):
            best = word
    return best
""",
            """
import re


def longest_word(text):
    words = sorted(re.findall(r"[A-Za-z]+", text), key=len)
    return words[-1] if words else ""
""",
        ],
    },
    {
        "id": "count_sentences",
        "sig": "def count_sentences(text: str) -> int:",
        "doc": """
            A sentence ends at a run of one or more of the characters ".", "!" and "?", or at the end of
            the text. Count the sentences that contain at least one letter or digit, so "Wait... what?!"
            has 2 sentences, "Hi. " has 1, and "?!" or "" has 0.
        """,
        "difficulty": "medium",
        "tags": ["text", "strings"],
        "visible": [("Wait... what?!",), ("One. Two three",)],
        "hidden": [
            ("",),
            ("?!",),
            ("Hi. ",),
            ("No punctuation at all",),
            ("A. B! C?",),
            ("Version 2.0 is out.",),
            ("...",),
            ("  Hello!!! World...  ",),
            ("a.b.c",),
        ],
        "ref": """
import re


def count_sentences(text):
    return sum(1 for piece in re.split(r"[.!?]+", text) if any(ch.isalnum() for ch in piece))
""",
        "wrong": [
            """
def count_sentences(text):
    return sum(text.count(mark) for mark in ".!?")
""",
            """
import re


def count_sentences(text):
    return len(re.findall(r"[.!?]+", text))
""",
        ],
    },
    {
        "id": "shorten_to_words",
        "sig": "def shorten_to_words(text: str, limit: int) -> str:",
        "doc": """
            text is words separated by single spaces. If the whole text has at most limit characters,
            return it unchanged. Otherwise keep as many whole words from the start as fit in limit
            characters (counting the single spaces between them) and add "..." after them; the dots do
            not count towards the limit, and the result is just "..." when not even the first word fits.
        """,
        "difficulty": "medium",
        "tags": ["text", "strings"],
        "visible": [("the quick brown fox", 12), ("short", 10)],
        "hidden": [
            ("", 0),
            ("hello", 5),
            ("hello", 4),
            ("a b c", 3),
            ("a b c", 5),
            ("one two three", 7),
            ("one two three", 8),
            ("one two three", 0),
            ("aa bb", 2),
        ],
        "ref": """
def shorten_to_words(text, limit):
    if len(text) <= limit:
        return text
    kept = ""
    for word in text.split(" "):
        candidate = word if not kept else kept + " " + word
        if len(candidate) > limit:
            break
        kept = candidate
    return kept + "..."
""",
        "wrong": [
            """
def shorten_to_words(text, limit):
    if len(text) <= limit:
        return text
    kept = ""
    for word in text.split(" "):
        candidate = word if not kept else kept + " " + word
        if len(candidate) >= limit:
            break
        kept = candidate
    return kept + "..."
""",
            """
def shorten_to_words(text, limit):
    kept = ""
    for word in text.split(" "):
        candidate = word if not kept else kept + " " + word
        if len(candidate) > limit:
            break
        kept = candidate
    return kept + "..."
""",
        ],
    },
    {
        "id": "indent_nonblank",
        "sig": "def indent_nonblank(text: str, n: int) -> str:",
        "doc": """
            Lines of text are separated by "\\n". Put n spaces (n >= 0) in front of every line that has
            a character other than a space; a line that is empty or made only of spaces becomes empty.
            Keep the same number of lines, joined by "\\n".
        """,
        "difficulty": "easy",
        "tags": ["text", "strings"],
        "visible": [("a\n\nb", 2), ("x\n   \ny", 1)],
        "hidden": [
            ("", 3),
            ("a", 0),
            ("a", 4),
            ("\n", 2),
            ("line\n", 2),
            ("  x\n  y", 2),
            ("   ", 1),
            ("one\n \ntwo\n\nthree", 3),
            ("  \n", 0),
        ],
        "ref": """
def indent_nonblank(text, n):
    lines = []
    for line in text.split("\\n"):
        lines.append(" " * n + line if line.strip(" ") else "")
    return "\\n".join(lines)
""",
        "wrong": [
            """
def indent_nonblank(text, n):
    return "\\n".join(" " * n + line for line in text.split("\\n"))
""",
            """
def indent_nonblank(text, n):
    return "\\n".join(" " * n + line if line else line for line in text.split("\\n"))
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
