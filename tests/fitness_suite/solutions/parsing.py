"""Core suite, family 'parsing': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "split_csv_line",
        "sig": "def split_csv_line(line: str) -> list[str]:",
        "doc": """
            Split a line of comma-separated values into its fields, with spaces around each field removed.
            There is no quoting. An empty line has one empty field.
        """,
        "difficulty": "trivial",
        "tags": ["parsing", "strings"],
        "visible": [("a, b ,c",), ("1,2,3",)],
        "hidden": [
            ("",),
            ("single",),
            (" x ",),
            ("a,,b",),
            (",",),
            ("  lots  ,  of ,space  ",),
            ("a,b,",),
            ("tab\t,x",),
        ],
        "ref": """
def split_csv_line(line):
    return [field.strip() for field in line.split(",")]
""",
        "wrong": [
            """
def split_csv_line(line):
    return [field.strip() for field in line.split(",") if field.strip()]
"""
        ],
    },
    {
        "id": "parse_key_values",
        "sig": "def parse_key_values(text: str) -> dict[str, str]:",
        "doc": """
            Parse "key=value" pairs separated by semicolons into a dict of strings. Spaces around keys and
            values are removed, empty segments are ignored, and a later key overrides an earlier one.
            Only the first "=" of a segment separates the key from the value.
        """,
        "difficulty": "easy",
        "tags": ["parsing", "dicts"],
        "visible": [("a=1;b=2",), (" name = Ada ; lang=py ",)],
        "hidden": [
            ("",),
            (";;",),
            ("k=v;",),
            ("x=1;x=2",),
            ("eq=a=b",),
            ("empty=",),
            (" a = 1 ;; b = 2 ; ",),
            ("url=http://x.org/?q=1",),
        ],
        "ref": """
def parse_key_values(text):
    out = {}
    for seg in text.split(";"):
        if seg.strip():
            key, _, value = seg.partition("=")
            out[key.strip()] = value.strip()
    return out
""",
        "wrong": [
            """
def parse_key_values(text):
    out = {}
    for seg in text.split(";"):
        if seg.strip():
            parts = seg.split("=")
            out[parts[0].strip()] = parts[-1].strip()
    return out
"""
        ],
    },
    {
        "id": "roman_to_int",
        "sig": "def roman_to_int(s: str) -> int:",
        "doc": """
            Convert a valid Roman numeral (I, V, X, L, C, D, M, with subtractive forms such as IV and CM)
            to an integer.
        """,
        "difficulty": "easy",
        "tags": ["parsing", "numbers"],
        "visible": [("XIV",), ("MMXXIV",)],
        "hidden": [
            ("I",),
            ("IV",),
            ("IX",),
            ("XL",),
            ("XC",),
            ("CD",),
            ("MCMXCIV",),
            ("MMMCMXCIX",),
            ("LVIII",),
            ("CCCXLIV",),
        ],
        "ref": """
def roman_to_int(s):
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        if i + 1 < len(s) and values[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
""",
        "wrong": [
            """
def roman_to_int(s):
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    return sum(values[ch] for ch in s)
"""
        ],
    },
    {
        "id": "parse_duration",
        "sig": "def parse_duration(text: str) -> int:",
        "doc": """
            Convert a duration such as "1h30m15s" to seconds. Each of the parts h (hours), m (minutes) and
            s (seconds) is optional but they appear in this order; numbers may have several digits.
            The empty string is 0 seconds.
        """,
        "difficulty": "easy",
        "tags": ["parsing", "numbers"],
        "visible": [("1h30m",), ("45s",)],
        "hidden": [("",), ("0s",), ("2h",), ("10m",), ("1h1s",), ("100m",), ("12h34m56s",), ("1m60s",)],
        "ref": """
def parse_duration(text):
    total = 0
    num = ""
    for ch in text:
        if ch.isdigit():
            num += ch
        else:
            total += int(num) * {"h": 3600, "m": 60, "s": 1}[ch]
            num = ""
    return total
""",
        "wrong": [
            """
def parse_duration(text):
    total = 0
    for part, unit in (("h", 3600), ("m", 60), ("s", 1)):
        if part in text:
            i = text.index(part)
            total += int(text[i - 1]) * unit
    return total
"""
        ],
    },
    {
        "id": "eval_rpn",
        "sig": "def eval_rpn(tokens: list[str]) -> int:",
        "doc": """
            Evaluate an expression in reverse Polish notation given as tokens: integers (possibly
            negative, like "-3") and the operators +, -, * and /. Division truncates toward zero
            (7 / -2 is -3). The expression is always valid.
        """,
        "difficulty": "medium",
        "tags": ["parsing"],
        "visible": [(["2", "1", "+", "3", "*"],), (["4", "13", "5", "/", "+"],)],
        "hidden": [
            (["42"],),
            (["-7"],),
            (["7", "-2", "/"],),
            (["-7", "2", "/"],),
            (["3", "4", "-"],),
            (["10", "6", "9", "3", "+", "-11", "*", "/", "*", "17", "+", "5", "+"],),
            (["1", "3", "/"],),
            (["5", "1", "2", "+", "4", "*", "+", "3", "-"],),
        ],
        "ref": """
def eval_rpn(tokens):
    stack = []
    for tok in tokens:
        if tok in ("+", "-", "*", "/"):
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            else:
                q = abs(a) // abs(b)
                stack.append(q if (a >= 0) == (b >= 0) else -q)
        else:
            stack.append(int(tok))
    return stack[0]
""",
        "wrong": [
            """
def eval_rpn(tokens):
    stack = []
    for tok in tokens:
        if tok in ("+", "-", "*", "/"):
            b = stack.pop()
            a = stack.pop()
            stack.append({"+": a + b, "-": a - b, "*": a * b, "/": a // b if b else 0}[tok])
        else:
            stack.append(int(tok))
    return stack[0]
"""
        ],
    },
    {
        "id": "parse_query",
        "sig": "def parse_query(query: str) -> dict[str, list[str]]:",
        "doc": """
            Parse a URL query string like "a=1&b=2&a=3" into a dict mapping each key to the list of its
            values in order of appearance. A part without "=" has the value "". Empty parts are ignored.
        """,
        "difficulty": "medium",
        "tags": ["parsing", "dicts"],
        "visible": [("a=1&b=2&a=3",), ("flag&x=",)],
        "hidden": [
            ("",),
            ("&&",),
            ("k=v",),
            ("k=1&k=2&k=3",),
            ("a=1&&b=2&",),
            ("x=a=b",),
            ("p&p=1",),
            ("z=9&y=8&x=7",),
        ],
        "ref": """
def parse_query(query):
    out = {}
    for part in query.split("&"):
        if part:
            key, _, value = part.partition("=")
            out.setdefault(key, []).append(value)
    return out
""",
        "wrong": [
            """
def parse_query(query):
    out = {}
    for part in query.split("&"):
        if part:
            key, _, value = part.partition("=")
            out[key] = [value]
    return out
"""
        ],
    },
    {
        "id": "brackets_balanced",
        "sig": "def brackets_balanced(text: str) -> bool:",
        "doc": """
            Return True if the brackets (), [] and {} in text are balanced and properly nested.
            Every other character is ignored.
        """,
        "difficulty": "medium",
        "tags": ["parsing", "strings"],
        "visible": [("(a[b]{c})",), ("(]",)],
        "hidden": [
            ("",),
            ("no brackets",),
            ("(",),
            (")(",),
            ("([)]",),
            ("{[()()]}",),
            ("((())",),
            ("x(y)z]",),
            ("[{}](){}",),
        ],
        "ref": """
def brackets_balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
""",
        "wrong": [
            """
def brackets_balanced(text):
    return all(text.count(o) == text.count(c) for o, c in ("()", "[]", "{}"))
"""
        ],
    },
    {
        "id": "compare_versions",
        "sig": "def compare_versions(a: str, b: str) -> int:",
        "doc": """
            Compare two version strings made of dot-separated non-negative integers, such as "1.2.10".
            Return -1 if a is older than b, 1 if it is newer and 0 if they are equal. Missing parts
            count as 0, so "1.0" equals "1", and leading zeros do not matter ("1.01" equals "1.1").
        """,
        "difficulty": "medium",
        "tags": ["parsing", "numbers"],
        "visible": [("1.2.10", "1.2.9"), ("1.0", "1")],
        "hidden": [
            ("1", "2"),
            ("2", "1"),
            ("1.01", "1.1"),
            ("1.0.0.0", "1"),
            ("0.9", "0.10"),
            ("1.2", "1.2.1"),
            ("10.0", "9.99"),
            ("3.4.5", "3.4.5"),
            ("1.0.1", "1"),
        ],
        "ref": """
def compare_versions(a, b):
    pa = [int(x) for x in a.split(".")]
    pb = [int(x) for x in b.split(".")]
    n = max(len(pa), len(pb))
    pa += [0] * (n - len(pa))
    pb += [0] * (n - len(pb))
    return (pa > pb) - (pa < pb)
""",
        "wrong": [
            """
def compare_versions(a, b):
    return (a > b) - (a < b)
""",
            """
def compare_versions(a, b):
    pa = [int(x) for x in a.split(".")]
    pb = [int(x) for x in b.split(".")]
    return (pa > pb) - (pa < pb)
""",
        ],
    },
    {
        "id": "parse_ini",
        "sig": "def parse_ini(text: str) -> dict[str, dict[str, str]]:",
        "doc": """
            Parse INI-style text into {section: {key: value}}. A line "[name]" starts a section; a line
            "key = value" adds to the current section (keys before any section go to section "").
            Spaces around names, keys and values are removed. Blank lines and lines whose first non-space
            character is ";" or "#" are ignored. A section that is declared but empty still appears.
        """,
        "difficulty": "hard",
        "tags": ["parsing", "dicts"],
        "visible": [("[db]\nhost = x\nport=5",), ("top=1\n[s]",)],
        "hidden": [
            ("",),
            ("# only a comment",),
            ("[a]\n[b]\nk=v",),
            ("  [ spaced ]  \n  key   =  some value  ",),
            ("[s]\na=1\n; c\n# d\n\nb = 2",),
            ("[s]\nx=1\n[s]\ny=2",),
            ("k=v=w",),
            ("[x]\nempty=\n[y]\nz = # not a comment",),
        ],
        "ref": """
def parse_ini(text):
    out = {}
    section = ""
    for raw in text.split("\\n"):
        line = raw.strip()
        if not line or line[0] in ";#":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            out.setdefault(section, {})
        elif "=" in line:
            key, _, value = line.partition("=")
            out.setdefault(section, {})[key.strip()] = value.strip()
    return out
""",
        "wrong": [
            """
def parse_ini(text):
    out = {}
    section = ""
    for raw in text.split("\\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("["):
            section = line[1:-1].strip()
        elif "=" in line:
            key, _, value = line.partition("=")
            out.setdefault(section, {})[key.strip()] = value.strip()
    return out
"""
        ],
    },
    {
        "id": "eval_arithmetic",
        "sig": "def eval_arithmetic(expr: str) -> int:",
        "doc": """
            Evaluate an integer arithmetic expression with +, -, *, /, parentheses, unary minus and spaces,
            with the usual precedence (* and / before + and -, left to right within a level). Division
            truncates toward zero. The expression is valid and never divides by zero. Do not use eval.
        """,
        "difficulty": "hard",
        "tags": ["parsing", "recursion"],
        "visible": [("1 + 2 * 3",), ("(1 + 2) * 3",)],
        "hidden": [
            ("42",),
            ("-5",),
            ("2 - 3 - 4",),
            ("8 / 2 / 2",),
            ("7 / -2",),
            ("-(3 + 4) * 2",),
            ("10 - 2 * 3 + 4 / 2",),
            ("((2))",),
            ("2 * (3 + (4 - 1)) - -1",),
            ("100 / 7 * 7",),
        ],
        "ref": """
def eval_arithmetic(expr):
    tokens = []
    i = 0
    while i < len(expr):
        ch = expr[i]
        if ch.isdigit():
            j = i
            while j < len(expr) and expr[j].isdigit():
                j += 1
            tokens.append(int(expr[i:j]))
            i = j
        else:
            if ch != " ":
                tokens.append(ch)
            i += 1
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def expression():
        value = term()
        while peek() in ("+", "-"):
            op = take()
            rhs = term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term():
        value = factor()
        while peek() in ("*", "/"):
            op = take()
            rhs = factor()
            if op == "*":
                value *= rhs
            else:
                q = abs(value) // abs(rhs)
                value = q if (value >= 0) == (rhs >= 0) else -q
        return value

    def factor():
        tok = take()
        if tok == "-":
            return -factor()
        if tok == "(":
            value = expression()
            take()
            return value
        return tok

    return expression()
""",
        "wrong": [
            """
def eval_arithmetic(expr):
    tokens = []
    for ch in expr.replace(" ", ""):
        if ch.isdigit() and tokens and isinstance(tokens[-1], int):
            tokens[-1] = tokens[-1] * 10 + int(ch)
        else:
            tokens.append(int(ch) if ch.isdigit() else ch)
    pos = 0

    def operand():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        if tok == "-":
            return -operand()
        if tok == "(":
            value = run()
            pos += 1
            return value
        return tok

    def run():
        nonlocal pos
        value = operand()
        while pos < len(tokens) and tokens[pos] != ")":
            op = tokens[pos]
            pos += 1
            rhs = operand()
            if op == "+":
                value += rhs
            elif op == "-":
                value -= rhs
            elif op == "*":
                value *= rhs
            else:
                value = int(value / rhs)
        return value

    return run()
"""
        ],
    },
    {
        "id": "parse_size",
        "sig": "def parse_size(text: str) -> int:",
        "doc": """
            text is a size like "512", "2KB", "1.5 GB" or "3 mb": a number, optional spaces, and an
            optional unit B, KB, MB or GB in any case, where KB = 1024 B, MB = 1024 KB and GB = 1024 MB.
            Return the size in bytes, rounded down to a whole number.
        """,
        "difficulty": "easy",
        "tags": ["parsing", "numbers"],
        "visible": [("2KB",), ("1.5 GB",)],
        "hidden": [
            ("0",),
            ("512",),
            ("512B",),
            ("1 kb",),
            ("3 mb",),
            ("0.5KB",),
            ("1.001 kb",),
            ("10 Gb",),
        ],
        "ref": """
import re


def parse_size(text):
    m = re.fullmatch(r"\\s*([0-9.]+)\\s*([a-zA-Z]*)\\s*", text)
    number, unit = m.group(1), m.group(2).upper()
    scale = {"": 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[unit]
    return int(float(number) * scale)
""",
        "wrong": [
            """
import re


def parse_size(text):
    m = re.fullmatch(r"\\s*([0-9.]+)\\s*([a-zA-Z]*)\\s*", text)
    number, unit = m.group(1), m.group(2).upper()
    scale = {"": 1, "B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3}[unit]
    return int(float(number) * scale)
"""
        ],
    },
    {
        "id": "page_selection",
        "sig": "def page_selection(spec: str, last_page: int) -> list[int]:",
        "doc": """
            spec is a print-dialog page selection like "1-3, 5, 9-7": comma-separated page numbers and
            ranges (a range may be written backwards), spaces allowed. Return the selected pages sorted
            and without repeats, leaving out pages outside 1..last_page.
        """,
        "difficulty": "medium",
        "tags": ["parsing", "lists"],
        "visible": [("1-3, 5", 10), ("9-7,8", 8)],
        "hidden": [
            ("", 5),
            ("4", 5),
            ("6", 5),
            ("0-2", 5),
            ("3-3", 5),
            (" 2 , 2 ,1-2 ", 5),
            ("5-1", 3),
            ("10-12,1,11", 11),
        ],
        "ref": """
def page_selection(spec, last_page):
    pages = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = (int(x) for x in part.split("-"))
            lo, hi = min(a, b), max(a, b)
            pages.update(range(lo, hi + 1))
        else:
            pages.add(int(part))
    return sorted(p for p in pages if 1 <= p <= last_page)
""",
        "wrong": [
            """
def page_selection(spec, last_page):
    pages = set()
    for part in spec.replace(" ", "").split(","):
        if not part:
            continue
        if "-" in part:
            a, b = (int(x) for x in part.split("-"))
            pages.update(range(a, b + 1))
        else:
            pages.add(int(part))
    return sorted(p for p in pages if 1 <= p <= last_page)
"""
        ],
    },
    {
        "id": "parse_hex_colour",
        "sig": "def parse_hex_colour(text: str) -> list[int] | None:",
        "doc": """
            text is a colour written "#rrggbb" or in the short form "#rgb", where each short digit stands
            for itself twice ("#fa0" means "#ffaa00"). Hex digits may be upper or lower case. Return
            [red, green, blue] as integers from 0 to 255, or None when text is not in one of these two
            forms (missing "#", wrong length, or a character that is not a hex digit).
        """,
        "difficulty": "medium",
        "tags": ["parsing", "strings"],
        "visible": [("#ff8000",), ("#fa0",)],
        "hidden": [
            ("#000000",),
            ("#FFF",),
            ("#123",),
            ("123456",),
            ("#12345",),
            ("#ggg",),
            ("#AbCdEf",),
            ("",),
            ("#0a0b0c",),
            ("#",),
        ],
        "ref": """
def parse_hex_colour(text):
    digits = text[1:]
    if not text.startswith("#") or len(digits) not in (3, 6):
        return None
    if any(ch not in "0123456789abcdefABCDEF" for ch in digits):
        return None
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return [int(digits[i:i + 2], 16) for i in (0, 2, 4)]
""",
        "wrong": [
            """
def parse_hex_colour(text):
    digits = text[1:]
    if not text.startswith("#") or len(digits) not in (3, 6):
        return None
    if any(ch not in "0123456789abcdefABCDEF" for ch in digits):
        return None
    if len(digits) == 3:
        return [int(ch, 16) for ch in digits]
    return [int(digits[i:i + 2], 16) for i in (0, 2, 4)]
""",
            """
def parse_hex_colour(text):
    digits = text.lstrip("#")
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    try:
        return [int(digits[i:i + 2], 16) for i in (0, 2, 4)]
    except ValueError:
        return None
""",
        ],
    },
    {
        "id": "split_key_path",
        "sig": "def split_key_path(path: str) -> list:",
        "doc": """
            path addresses a value inside nested data, like "users[2].name": names joined by dots (a
            name is any run of characters other than ".", "[" and "]"), and index steps [n] (n a
            non-negative integer) that follow a name or another index step. Return the steps in order,
            names as strings and indexes as ints. An empty path gives [].
        """,
        "difficulty": "medium",
        "tags": ["parsing", "strings"],
        "visible": [("users[2].name",), ("grid[1][0]",)],
        "hidden": [
            ("",),
            ("x",),
            ("a.b.c",),
            ("[3]",),
            ("items[10]",),
            ("m[0].n[1]",),
            ("v2.x_y",),
            ("a[0][12][3].b",),
            ("config.db.port",),
        ],
        "ref": """
import re


def split_key_path(path):
    steps = []
    for name, index in re.findall(r"([^.\\[\\]]+)|\\[(\\d+)\\]", path):
        steps.append(int(index) if index else name)
    return steps
""",
        "wrong": [
            """
import re


def split_key_path(path):
    return re.findall(r"[^.\\[\\]]+", path)
""",
            """
def split_key_path(path):
    steps = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        steps.append(name)
        if rest:
            steps.append(int(rest.rstrip("]").split("][")[0]))
    return steps
""",
        ],
    },
    {
        "id": "parse_dimensions",
        "sig": "def parse_dimensions(text: str) -> list[int] | None:",
        "doc": """
            text gives dimensions like "3x4x5": one or more positive integers separated by the letter x
            (lower or upper case), with optional spaces around each number; leading zeros are allowed.
            Return the numbers as a list, or None when any part is not a positive integer (empty, zero,
            signed, a decimal, or containing other characters).
        """,
        "difficulty": "medium",
        "tags": ["parsing", "strings"],
        "visible": [("3x4x5",), ("2 X 0",)],
        "hidden": [
            ("10X2",),
            (" 7 x 8 ",),
            ("5",),
            ("3xx4",),
            ("",),
            ("2x-1",),
            ("+2x3",),
            ("1.5x2",),
            ("007x1",),
            ("4x5x",),
            ("6X7X8",),
            ("+7",),
        ],
        "ref": """
def parse_dimensions(text):
    parts = text.replace("X", "x").split("x")
    numbers = []
    for part in parts:
        part = part.strip()
        if not part.isdigit() or int(part) == 0:
            return None
        numbers.append(int(part))
    return numbers
""",
        "wrong": [
            """
def parse_dimensions(text):
    try:
        numbers = [int(p) for p in text.lower().split("x")]
    except ValueError:
        return None
    return numbers if all(n > 0 for n in numbers) or not numbers else None
""",
            """
def parse_dimensions(text):
    numbers = []
    for part in text.split("x"):
        part = part.strip()
        if not part.isdigit() or int(part) == 0:
            return None
        numbers.append(int(part))
    return numbers
""",
        ],
    },
    {
        "id": "parse_int_list",
        "sig": "def parse_int_list(text: str) -> list[int]:",
        "doc": """
            text lists integers, possibly negative (like "-4"), separated by commas, spaces or both, such
            as "3, -4 5,,6". Separators may repeat and may also appear at the start or the end. Return the
            integers in order ([] when there are none).
        """,
        "difficulty": "easy",
        "tags": ["parsing", "strings"],
        "visible": [("3, -4 5,,6",), ("10 20",)],
        "hidden": [
            ("",),
            ("7",),
            (" , ",),
            ("-1,-2",),
            ("1 2  3",),
            (",10,,20,",),
            ("0, -0",),
            ("  -15  ",),
            ("100,200 , 300",),
        ],
        "ref": """
def parse_int_list(text):
    return [int(part) for part in text.replace(",", " ").split()]
""",
        "wrong": [
            """
import re


def parse_int_list(text):
    return [int(x) for x in re.findall(r"\\d+", text)]
""",
            """
def parse_int_list(text):
    return [int(part.strip()) for part in text.split(",") if part.strip()]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
