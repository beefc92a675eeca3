"""Candidate tasks, family 'fsm': state machines driven by events. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "lockout_at",
        "sig": "def lockout_at(attempts: list[str]) -> int:",
        "doc": """
            attempts lists login attempts in order, each "ok" or "fail". The account locks at the third
            "fail" in a row; an "ok" resets the count of failures in a row to zero. Return the position
            of the attempt at which the account locks, or -1 when it never locks.
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "lists"],
        "visible": [(["fail", "fail", "fail"],), (["fail", "fail", "ok", "fail"],)],
        "hidden": [
            ([],),
            (["ok"],),
            (["fail", "fail", "fail", "fail"],),
            (["ok", "fail", "fail", "fail", "ok"],),
            (["fail", "ok", "fail", "ok", "fail", "ok"],),
            (["fail", "fail", "ok", "fail", "fail", "fail"],),
            (["fail", "ok", "fail", "fail"],),
            (["ok", "ok", "fail", "fail", "ok", "fail", "fail", "fail", "fail"],),
        ],
        "ref": """
def lockout_at(attempts):
    streak = 0
    for i, a in enumerate(attempts):
        streak = streak + 1 if a == "fail" else 0
        if streak == 3:
            return i
    return -1
""",
        "wrong": [
            """
def lockout_at(attempts):
    fails = 0
    for i, a in enumerate(attempts):
        if a == "fail":
            fails += 1
        if fails == 3:
            return i
    return -1
""",
            """
def lockout_at(attempts):
    streak = 0
    for i, a in enumerate(attempts):
        streak = streak + 1 if a == "fail" else 0
        if streak == 3:
            return i + 1
    return -1
""",
        ],
    },
    {
        "id": "rising_edges",
        "sig": "def rising_edges(samples: list[int]) -> list[int]:",
        "doc": """
            samples are readings of a digital signal, each 0 or 1, and the signal was 0 before the first
            sample. Return the positions where the signal rises: every 1 that comes right after a 0 (a 1
            at position 0 counts, since the signal was 0 before it).
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "lists"],
        "visible": [([0, 1, 1, 0, 1],), ([1, 1, 0],)],
        "hidden": [
            ([],),
            ([0],),
            ([1],),
            ([0, 0, 0],),
            ([1, 0, 1, 0, 1],),
            ([1, 1, 1, 1],),
            ([0, 1, 0, 1, 1, 0],),
            ([0, 0, 1, 1, 0, 0, 1],),
        ],
        "ref": """
def rising_edges(samples):
    out, level = [], 0
    for i, s in enumerate(samples):
        if s == 1 and level == 0:
            out.append(i)
        level = s
    return out
""",
        "wrong": [
            """
def rising_edges(samples):
    return [i for i in range(1, len(samples)) if samples[i] == 1 and samples[i - 1] == 0]
""",
            """
def rising_edges(samples):
    return [i for i, s in enumerate(samples) if s == 1]
""",
        ],
    },
    {
        "id": "unescape_text",
        "sig": "def unescape_text(text: str) -> str:",
        "doc": """
            In text, a backslash character escapes the character right after it: the backslash is
            dropped and the next character is kept as it is, even when that character is another
            backslash (so two backslashes in a row give one). A backslash at the very end of text, with
            nothing after it, is kept. Return text with its escapes resolved.
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "strings"],
        "visible": [("a\\-b",), ("c:\\\\dir",)],
        "hidden": [
            ("",),
            ("plain",),
            ("\\",),
            ("\\\\",),
            ("\\\\\\",),
            ("x\\",),
            ("\\n",),
            ("a\\\\b\\c",),
            ("\\\\\\\\",),
        ],
        "ref": r"""
def unescape_text(text):
    out, escaped = [], False
    for c in text:
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            escaped = True
        else:
            out.append(c)
    if escaped:
        out.append("\\")
    return "".join(out)
""",
        "wrong": [
            r"""
def unescape_text(text):
    return text.replace("\\", "")
""",
            r"""
def unescape_text(text):
    out, escaped = [], False
    for c in text:
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            escaped = True
        else:
            out.append(c)
    return "".join(out)
""",
        ],
    },
    {
        "id": "lamp_setting",
        "sig": "def lamp_setting(events: list[str]) -> str:",
        "doc": """
            A desk lamp is "off", "dim" or "bright", and starts "off". The event "tap" moves it one step
            along the cycle off -> dim -> bright -> off; the event "hold" switches it "off" whatever its
            setting. Any other event is ignored. Return the setting after all events.
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "simulation"],
        "visible": [(["tap", "tap"],), (["tap", "hold", "tap"],)],
        "hidden": [
            ([],),
            (["hold"],),
            (["tap", "tap", "tap"],),
            (["tap", "tap", "tap", "tap"],),
            (["tap", "tap", "hold"],),
            (["blink", "tap"],),
            (["tap", "TAP", "tap"],),
            (["hold", "hold", "tap", "tap", "tap", "tap", "tap"],),
            (["tap", "tap", "tap", "hold", "tap", "press"],),
        ],
        "ref": """
def lamp_setting(events):
    cycle = ["off", "dim", "bright"]
    state = 0
    for e in events:
        if e == "tap":
            state = (state + 1) % 3
        elif e == "hold":
            state = 0
    return cycle[state]
""",
        "wrong": [
            """
def lamp_setting(events):
    cycle = ["off", "dim", "bright"]
    state = 0
    for e in events:
        if e == "hold":
            state = 0
        else:
            state = (state + 1) % 3
    return cycle[state]
""",
            """
def lamp_setting(events):
    cycle = ["off", "dim", "bright"]
    state = 0
    for e in events:
        if e == "tap":
            state = min(state + 1, 2)
        elif e == "hold":
            state = 0
    return cycle[state]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
