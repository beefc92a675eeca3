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
    {
        "id": "heater_states",
        "sig": "def heater_states(temps: list[int], low: int, high: int) -> list[bool]:",
        "doc": """
            A heater is off at the start (low < high). After each temperature reading in temps it
            switches on when the reading is below low, switches off when the reading is above high,
            and otherwise stays as it was. Return, for each reading, whether the heater is on right
            after it.
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "lists"],
        "visible": [([18, 21, 23, 26, 22], 20, 25), ([22], 20, 25)],
        "hidden": [
            ([], 20, 25),
            ([20], 20, 25),
            ([19, 25], 20, 25),
            ([19, 20, 25, 26], 20, 25),
            ([30, 10], 20, 25),
            ([10, 25, 26, 20, 19], 20, 25),
            ([5, 5, 5], 20, 25),
            ([21, 19, 22, 24, 25, 26, 21], 20, 25),
            ([0, -5, 2, 3, 1], -2, 2),
        ],
        "ref": """
def heater_states(temps, low, high):
    on, out = False, []
    for t in temps:
        if t < low:
            on = True
        elif t > high:
            on = False
        out.append(on)
    return out
""",
        "wrong": [
            """
def heater_states(temps, low, high):
    on, out = False, []
    for t in temps:
        if t <= low:
            on = True
        elif t >= high:
            on = False
        out.append(on)
    return out
""",
            """
def heater_states(temps, low, high):
    return [t < low for t in temps]
""",
        ],
    },
    {
        "id": "shout_outside_quotes",
        "sig": "def shout_outside_quotes(text: str) -> str:",
        "doc": """
            Return text with every letter upper-cased except the letters inside double quotes. A
            double quote starts a quoted part and the next double quote ends it; when no double quote
            ends it, the quoted part runs to the end of text. The quote characters themselves are
            kept.
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "strings"],
        "visible": [('say "hi" now',), ("ok",)],
        "hidden": [
            ("",),
            ('""',),
            ('"',),
            ('a"b',),
            ('"x" y "z"',),
            ("no quotes 123!",),
            ('"open ended',),
            ('he said "yes" and "no',),
            ("it's 'fine'",),
            ('Mixed "CaSe" x',),
        ],
        "ref": """
def shout_outside_quotes(text):
    out, quoted = [], False
    for c in text:
        if c == '"':
            quoted = not quoted
            out.append(c)
        else:
            out.append(c if quoted else c.upper())
    return "".join(out)
""",
        "wrong": [
            r"""
import re


def shout_outside_quotes(text):
    parts = re.split(r'("[^"]*")', text)
    return "".join(p if p.startswith('"') and p.endswith('"') and len(p) > 1 else p.upper() for p in parts)
""",
            """
def shout_outside_quotes(text):
    out, quoted = [], False
    for c in text:
        if c == '"':
            quoted = True
            out.append(c)
        else:
            out.append(c if quoted else c.upper())
    return "".join(out)
""",
        ],
    },
    {
        "id": "marked_lines",
        "sig": "def marked_lines(lines: list[str]) -> list[str]:",
        "doc": """
            lines are the lines of a file. A line that is exactly "BEGIN" opens a section and a line
            that is exactly "END" closes it; a "BEGIN" while a section is open, or an "END" while none
            is, changes nothing. Return, in order, the lines inside sections, never the "BEGIN" and
            "END" lines themselves. A section that is never closed runs to the last line.
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "strings"],
        "visible": [(["a", "BEGIN", "b", "c", "END", "d"],), (["BEGIN", "x"],)],
        "hidden": [
            ([],),
            (["END", "a"],),
            (["a", "b"],),
            (["BEGIN", "END"],),
            (["BEGIN", "BEGIN", "x", "END", "y"],),
            (["BEGIN", "begin", "END"],),
            (["BEGIN", " END", "z", "END"],),
            (["BEGIN", "1", "END", "2", "BEGIN", "3", "END"],),
            (["BEGIN", "", "END"],),
            (["x", "END", "BEGIN", "y", "END", "END", "z"],),
        ],
        "ref": """
def marked_lines(lines):
    out, inside = [], False
    for line in lines:
        if line == "BEGIN":
            inside = True
        elif line == "END":
            inside = False
        elif inside:
            out.append(line)
    return out
""",
        "wrong": [
            """
def marked_lines(lines):
    out, inside = [], False
    for line in lines:
        if line == "BEGIN" or line == "END":
            inside = not inside
        elif inside:
            out.append(line)
    return out
""",
            """
def marked_lines(lines):
    out, inside = [], False
    for line in lines:
        word = line.strip().upper()
        if word == "BEGIN":
            inside = True
        elif word == "END":
            inside = False
        elif inside:
            out.append(line)
    return out
""",
        ],
    },
    {
        "id": "volume_heard",
        "sig": "def volume_heard(presses: list[str]) -> int:",
        "doc": """
            A radio's volume starts at 5 and always stays between 0 and 10: "up" raises it by 1 and
            "down" lowers it by 1, and a press that would take it past 0 or 10 changes nothing. "mute"
            turns muting on, or off again when it is already on. Muting does not change the volume,
            and "up" and "down" still change the volume while muted. Return what is heard after all
            presses: 0 while muted, otherwise the volume.
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "simulation"],
        "visible": [(["up", "up", "mute"],), (["down", "mute", "up", "mute"],)],
        "hidden": [
            ([],),
            (["mute", "mute"],),
            (["up"] * 7,),
            (["down"] * 6,),
            (["mute", "up", "up", "mute"],),
            (["mute", "down", "mute", "mute"],),
            (["down"] * 8 + ["up"],),
            (["up"] * 6 + ["down"],),
            (["mute", "up", "mute", "up"],),
            (["mute", "mute", "mute"],),
        ],
        "ref": """
def volume_heard(presses):
    volume, muted = 5, False
    for p in presses:
        if p == "up":
            volume = min(volume + 1, 10)
        elif p == "down":
            volume = max(volume - 1, 0)
        elif p == "mute":
            muted = not muted
    return 0 if muted else volume
""",
        "wrong": [
            """
def volume_heard(presses):
    volume, muted = 5, False
    for p in presses:
        if p == "mute":
            muted = not muted
        elif muted:
            continue
        elif p == "up":
            volume = min(volume + 1, 10)
        elif p == "down":
            volume = max(volume - 1, 0)
    return 0 if muted else volume
""",
            """
def volume_heard(presses):
    volume, muted = 5, False
    for p in presses:
        if p == "up":
            volume += 1
        elif p == "down":
            volume -= 1
        elif p == "mute":
            muted = not muted
    return 0 if muted else volume
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
