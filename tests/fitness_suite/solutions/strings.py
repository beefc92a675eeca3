"""Core suite, family 'strings': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "count_vowels",
        "sig": "def count_vowels(text: str) -> int:",
        "doc": """
            Return how many vowels (a, e, i, o, u, in upper or lower case) text contains.
            The letter y is not a vowel.
        """,
        "difficulty": "trivial",
        "tags": ["strings"],
        "visible": [("hello",), ("sky",)],
        "hidden": [
            ("",),
            ("AEIOU",),
            ("aeiou",),
            ("Programming Is Fun",),
            ("rhythm",),
            ("Yy",),
            ("12345 !?",),
            ("Queue",),
            ("OooOoo",),
        ],
        "ref": """
def count_vowels(text):
    return sum(1 for ch in text if ch.lower() in "aeiou")
""",
        "wrong": [
            """
def count_vowels(text):
    return sum(1 for ch in text if ch in "aeiou")
"""
        ],
    },
    {
        "id": "initials",
        "sig": "def initials(name: str) -> str:",
        "doc": """
            Return the initials of a full name: the first letter of every word, upper-cased, each followed
            by a dot. Words are separated by spaces; extra spaces are ignored.
        """,
        "difficulty": "trivial",
        "tags": ["strings"],
        "visible": [("ada lovelace",), ("Alan Mathison Turing",)],
        "hidden": [
            ("grace",),
            ("",),
            ("  john   von neumann ",),
            ("e e cummings",),
            ("X",),
            ("barbara liskov",),
            ("Tim Berners Lee",),
            ("a b c d",),
        ],
        "ref": """
def initials(name):
    return "".join(word[0].upper() + "." for word in name.split())
""",
        "wrong": [
            """
def initials(name):
    return "".join(word[0] + "." for word in name.split(" ") if word)
"""
        ],
    },
    {
        "id": "is_palindrome_word",
        "sig": "def is_palindrome_word(word: str) -> bool:",
        "doc": """
            Return True if word reads the same forwards and backwards, ignoring upper/lower case.
            Every character counts (spaces and punctuation are not skipped). The empty string is a palindrome.
        """,
        "difficulty": "trivial",
        "tags": ["strings"],
        "visible": [("Level",), ("hello",)],
        "hidden": [
            ("",),
            ("a",),
            ("ab",),
            ("Racecar",),
            ("noon",),
            ("nOoN",),
            ("ab a",),
            ("abcba",),
            ("abca",),
            ("A man",),
        ],
        "ref": """
def is_palindrome_word(word):
    w = word.lower()
    return w == w[::-1]
""",
        "wrong": [
            """
def is_palindrome_word(word):
    return word == word[::-1]
"""
        ],
    },
    {
        "id": "reverse_words",
        "sig": "def reverse_words(text: str) -> str:",
        "doc": """
            Return the words of text in reverse order, joined by single spaces.
            Words are separated by one or more spaces; leading and trailing spaces are dropped.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("hello world",), ("one two three",)],
        "hidden": [
            ("",),
            ("single",),
            ("  padded   words  ",),
            ("a b",),
            ("x  y",),
            ("   ",),
            ("keep, the punctuation!",),
            ("1 2 3 4 5",),
        ],
        "ref": """
def reverse_words(text):
    return " ".join(reversed(text.split()))
""",
        "wrong": [
            """
def reverse_words(text):
    return " ".join(reversed(text.split(" ")))
"""
        ],
    },
    {
        "id": "capitalize_words",
        "sig": "def capitalize_words(text: str) -> str:",
        "doc": """
            Upper-case the first character of every word and leave every other character unchanged.
            Words are separated by single spaces, which are kept as they are.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("hello world",), ("the iPhone era",)],
        "hidden": [
            ("",),
            ("a",),
            ("already Capital",),
            ("mIxEd cAsE",),
            ("two  spaces",),
            ("123 abc",),
            (" lead",),
            ("o'neil mcDonald",),
        ],
        "ref": """
def capitalize_words(text):
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
""",
        "wrong": [
            """
def capitalize_words(text):
    return text.title()
"""
        ],
    },
    {
        "id": "remove_repeated_chars",
        "sig": "def remove_repeated_chars(text: str) -> str:",
        "doc": """
            Return text with every character that already appeared earlier removed, so that each character
            is kept only at its first occurrence. Upper and lower case letters are different characters.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("banana",), ("hello world",)],
        "hidden": [
            ("",),
            ("aaaa",),
            ("abcabc",),
            ("Aa",),
            ("mississippi",),
            ("xyz",),
            ("a b a b",),
            ("112233",),
        ],
        "ref": """
def remove_repeated_chars(text):
    seen = set()
    out = []
    for ch in text:
        if ch not in seen:
            seen.add(ch)
            out.append(ch)
    return "".join(out)
""",
        "wrong": [
            """
def remove_repeated_chars(text):
    out = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
"""
        ],
    },
    {
        "id": "run_length_encode",
        "sig": "def run_length_encode(text: str) -> str:",
        "doc": """
            Encode text by replacing each run of the same character with the character followed by the
            run's length, e.g. "aaab" becomes "a3b1". The empty string encodes to the empty string.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("aaabcc",), ("abc",)],
        "hidden": [
            ("",),
            ("a",),
            ("zzzzzzzzzzzz",),
            ("aabbaa",),
            ("  x",),
            ("abcd",),
            ("aAaA",),
            ("111222",),
        ],
        "ref": """
def run_length_encode(text):
    out = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] == text[i]:
            j += 1
        out.append(f"{text[i]}{j - i}")
        i = j
    return "".join(out)
""",
        "wrong": [
            """
def run_length_encode(text):
    out = []
    count = 1
    for i in range(1, len(text)):
        if text[i] == text[i - 1]:
            count += 1
        else:
            out.append(text[i - 1] + str(count))
            count = 1
    return "".join(out)
"""
        ],
    },
    {
        "id": "longest_common_prefix",
        "sig": "def longest_common_prefix(words: list[str]) -> str:",
        "doc": """
            Return the longest string that every word in words starts with.
            Return "" for an empty list.
        """,
        "difficulty": "medium",
        "tags": ["strings", "lists"],
        "visible": [(["flower", "flow", "flight"],), (["dog", "cat"],)],
        "hidden": [
            ([],),
            (["alone"],),
            (["", "abc"],),
            (["same", "same"],),
            (["prefix", "pre", "prefixes"],),
            (["abc", "abd", "xbc"],),
            (["interview", "internet", "interval", "internal"],),
            (["ab", "abc", "a"],),
            (["b", "abc", "ab"],),
        ],
        "ref": """
def longest_common_prefix(words):
    if not words:
        return ""
    prefix = words[0]
    for w in words[1:]:
        while not w.startswith(prefix):
            prefix = prefix[:-1]
    return prefix
""",
        "wrong": [
            """
def longest_common_prefix(words):
    if not words:
        return ""
    first, last = words[0], words[-1]
    i = 0
    while i < min(len(first), len(last)) and first[i] == last[i]:
        i += 1
    return first[:i]
"""
        ],
    },
    {
        "id": "caesar_shift",
        "sig": "def caesar_shift(text: str, k: int) -> str:",
        "doc": """
            Shift every letter of text k places along the alphabet, wrapping around from z to a.
            k may be negative or larger than 26. Upper-case letters stay upper-case, lower-case stay
            lower-case, and every other character is unchanged.
        """,
        "difficulty": "medium",
        "tags": ["strings"],
        "visible": [("abc", 1), ("Hello, World!", 3)],
        "hidden": [
            ("", 5),
            ("xyz", 3),
            ("ABC", -1),
            ("Zebra", 26),
            ("Zebra", 27),
            ("mixed CASE 123", 13),
            ("abc", -27),
            ("wrap", 52),
            ("Quick!", -3),
        ],
        "ref": """
def caesar_shift(text, k):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
""",
        "wrong": [
            """
def caesar_shift(text, k):
    out = []
    for ch in text:
        if ch.isalpha():
            base = 65 if ch.isupper() else 97
            out.append(chr(ord(ch) + k) if ord(ch) + k < base + 26 else chr(ord(ch) + k - 26))
        else:
            out.append(ch)
    return "".join(out)
"""
        ],
    },
    {
        "id": "wrap_words",
        "sig": "def wrap_words(text: str, width: int) -> list[str]:",
        "doc": """
            Break text into lines of at most width characters, filling each line greedily with as many
            words as fit, words on a line separated by one space. A word longer than width goes on a line
            of its own. Return the list of lines ([] when text has no words).
        """,
        "difficulty": "medium",
        "tags": ["strings", "lists"],
        "visible": [("the quick brown fox", 10), ("a b c", 3)],
        "hidden": [
            ("", 5),
            ("word", 4),
            ("word", 2),
            ("aa bb cc dd", 5),
            ("one two three four five", 9),
            ("  spaced   out  ", 20),
            ("tiny enormousword x", 6),
            ("a bb ccc dddd", 4),
            ("x y z", 1),
        ],
        "ref": """
def wrap_words(text, width):
    lines = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
""",
        "wrong": [
            """
def wrap_words(text, width):
    lines = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) < width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
"""
        ],
    },
    {
        "id": "longest_palindromic_substring",
        "sig": "def longest_palindromic_substring(s: str) -> str:",
        "doc": """
            Return the longest contiguous substring of s that reads the same backwards (case-sensitive).
            If several have the maximum length, return the one that starts first. Return "" for "".
        """,
        "difficulty": "hard",
        "tags": ["strings"],
        "visible": [("babad",), ("cbbd",)],
        "hidden": [
            ("",),
            ("a",),
            ("abc",),
            ("racecar",),
            ("forgeeksskeegfor",),
            ("aaaa",),
            ("abacdfgdcaba",),
            ("xabay",),
            ("Aa",),
            ("abcbaxyzzyx",),
        ],
        "ref": """
def longest_palindromic_substring(s):
    best = ""
    for i in range(len(s)):
        for lo, hi in ((i, i), (i, i + 1)):
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best
""",
        "wrong": [
            """
def longest_palindromic_substring(s):
    best = ""
    for i in range(len(s)):
        for j in range(i, len(s)):
            sub = s[i:j + 1]
            if sub == sub[::-1] and len(sub) >= len(best):
                best = sub
    return best
"""
        ],
    },
    {
        "id": "expand_repeats",
        "sig": "def expand_repeats(s: str) -> str:",
        "doc": """
            Expand an encoded string where k[inner] means inner repeated k times (k is a positive integer,
            possibly with several digits) and groups may be nested. Letters outside brackets are copied.
            The input is always well formed.
        """,
        "difficulty": "hard",
        "tags": ["strings", "parsing", "recursion"],
        "visible": [("3[ab]2[c]",), ("2[a3[b]]",)],
        "hidden": [
            ("",),
            ("abc",),
            ("10[x]",),
            ("1[a]",),
            ("a2[b]c",),
            ("2[2[2[z]]]",),
            ("3[a]12[]b",),
            ("x2[y3[z]w]v",),
            ("2[ab3[c]]d",),
        ],
        "ref": """
def expand_repeats(s):
    stack = [[1, ""]]
    num = 0
    for ch in s:
        if ch.isdigit():
            num = num * 10 + int(ch)
        elif ch == "[":
            stack.append([num, ""])
            num = 0
        elif ch == "]":
            k, inner = stack.pop()
            stack[-1][1] += inner * k
        else:
            stack[-1][1] += ch
    return stack[0][1]
""",
        "wrong": [
            """
def expand_repeats(s):
    stack = [[1, ""]]
    num = 0
    for ch in s:
        if ch.isdigit():
            num = int(ch)
        elif ch == "[":
            stack.append([num, ""])
            num = 0
        elif ch == "]":
            k, inner = stack.pop()
            stack[-1][1] += inner * k
        else:
            stack[-1][1] += ch
    return stack[0][1]
"""
        ],
    },
    {
        "id": "alternate_letter_case",
        "sig": "def alternate_letter_case(text: str) -> str:",
        "doc": """
            Write the letters of text alternately in upper and lower case, starting with upper case.
            Other characters are kept as they are and do not count in the alternation.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("hello",), ("a b-c",)],
        "hidden": [
            ("",),
            ("x",),
            ("AB",),
            ("123",),
            ("a1b2c3",),
            ("  spaced out  ",),
            ("MiXeD CaSe",),
            ("it's ok",),
        ],
        "ref": """
def alternate_letter_case(text):
    out = []
    upper = True
    for ch in text:
        if ch.isalpha():
            out.append(ch.upper() if upper else ch.lower())
            upper = not upper
        else:
            out.append(ch)
    return "".join(out)
""",
        "wrong": [
            """
def alternate_letter_case(text):
    return "".join(ch.upper() if i % 2 == 0 else ch.lower() for i, ch in enumerate(text))
"""
        ],
    },
    {
        "id": "centre_pad",
        "sig": "def centre_pad(s: str, width: int, fill: str) -> str:",
        "doc": """
            Return s centred in a field of width characters, padded on both sides with fill (a single
            character). When the padding cannot be split evenly, the extra fill character goes on the
            right. If width <= len(s), return s unchanged.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("cat", 7, "*"), ("ab", 5, "-")],
        "hidden": [
            ("", 3, "."),
            ("", 0, "*"),
            ("abc", 3, "x"),
            ("abc", 2, "x"),
            ("a", 4, "#"),
            ("hello", 8, " "),
            ("xy", 3, "0"),
            ("x", 2, "-"),
            ("odd", 10, "="),
            ("even", 9, "+"),
        ],
        "ref": """
def centre_pad(s, width, fill):
    if width <= len(s):
        return s
    pad = width - len(s)
    left = pad // 2
    return fill * left + s + fill * (pad - left)
""",
        "wrong": [
            """
def centre_pad(s, width, fill):
    return s.center(width, fill)
""",
            """
def centre_pad(s, width, fill):
    if width <= len(s):
        return s
    pad = width - len(s)
    left = (pad + 1) // 2
    return fill * left + s + fill * (pad - left)
""",
        ],
    },
    {
        "id": "first_repeat",
        "sig": "def first_repeat(s: str) -> str:",
        "doc": """
            Read s from left to right and return the first character that is seen for the second time
            (the repeat that happens earliest in s, not the character that first appeared). Case
            matters: "A" and "a" are different characters. Return "" when no character repeats.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("swiss",), ("abcb",)],
        "hidden": [
            ("",),
            ("a",),
            ("abc",),
            ("abba",),
            ("Aa",),
            ("xyzzyx",),
            ("hello world",),
            ("  ",),
            ("abcdeca",),
            ("1231",),
        ],
        "ref": """
def first_repeat(s):
    seen = set()
    for ch in s:
        if ch in seen:
            return ch
        seen.add(ch)
    return ""
""",
        "wrong": [
            """
def first_repeat(s):
    for ch in s:
        if s.count(ch) > 1:
            return ch
    return ""
""",
            """
def first_repeat(s):
    seen = set()
    for ch in s.lower():
        if ch in seen:
            return ch
        seen.add(ch)
    return ""
""",
        ],
    },
    {
        "id": "longest_run_char",
        "sig": "def longest_run_char(s: str) -> list:",
        "doc": """
            Return [character, length] for the longest block of one character repeated back to back in
            s. When several blocks tie for the longest, give the one that starts first. For the empty
            string return ["", 0].
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("aabbbc",), ("xyz",)],
        "hidden": [
            ("",),
            ("a",),
            ("aabb",),
            ("abbbaaa",),
            ("zzzz",),
            ("aAAa",),
            ("ab  c",),
            ("112233311",),
            ("abccc",),
            ("aaabaaa",),
        ],
        "ref": """
def longest_run_char(s):
    best = ["", 0]
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        if j - i > best[1]:
            best = [s[i], j - i]
        i = j
    return best
""",
        "wrong": [
            """
def longest_run_char(s):
    best = ["", 0]
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        if j - i >= best[1]:
            best = [s[i], j - i]
        i = j
    return best
""",
            """
def longest_run_char(s):
    best = ["", 0]
    run = 0
    for i, ch in enumerate(s):
        if i > 0 and ch == s[i - 1]:
            run += 1
        else:
            if i > 0 and run > best[1]:
                best = [s[i - 1], run]
            run = 1
    return best
""",
        ],
    },
    {
        "id": "mask_middle",
        "sig": "def mask_middle(s: str, keep: int) -> str:",
        "doc": """
            Keep the first keep characters and the last keep characters of s and replace every character
            between them with "*" (keep >= 0; with keep 0 every character is replaced). When s has
            2 * keep characters or fewer, nothing is masked: return s unchanged.
        """,
        "difficulty": "easy",
        "tags": ["strings"],
        "visible": [("password", 2), ("abcd", 2)],
        "hidden": [
            ("", 0),
            ("abc", 0),
            ("abcde", 2),
            ("abc", 1),
            ("ab", 1),
            ("a", 3),
            ("secret-key", 3),
            ("xy", 0),
            ("abcdef", 1),
        ],
        "ref": """
def mask_middle(s, keep):
    if len(s) <= 2 * keep:
        return s
    return s[:keep] + "*" * (len(s) - 2 * keep) + s[len(s) - keep:]
""",
        "wrong": [
            """
def mask_middle(s, keep):
    if len(s) <= 2 * keep:
        return s
    return s[:keep] + "*" * (len(s) - 2 * keep) + s[-keep:]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
