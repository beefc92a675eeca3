"""Core suite, family 'fsm': state machines. Specs, reference solutions and plausible wrong ones."""

TASKS = [
    {
        "id": "traffic_light_after",
        "sig": "def traffic_light_after(state: str, ticks: int) -> str:",
        "doc": """
            A traffic light cycles "green" -> "yellow" -> "red" -> "green", moving one step per tick.
            Return its state after ticks ticks (ticks >= 0) starting from state.
        """,
        "difficulty": "trivial",
        "tags": ["state-machines", "simulation"],
        "visible": [("green", 1), ("red", 4)],
        "hidden": [
            ("green", 0),
            ("yellow", 0),
            ("yellow", 1),
            ("red", 1),
            ("green", 3),
            ("green", 2),
            ("yellow", 100),
            ("red", 1000001),
        ],
        "ref": """
def traffic_light_after(state, ticks):
    cycle = ["green", "yellow", "red"]
    return cycle[(cycle.index(state) + ticks) % 3]
""",
        "wrong": [
            """
def traffic_light_after(state, ticks):
    cycle = ["green", "red", "yellow"]
    return cycle[(cycle.index(state) + ticks) % 3]
"""
        ],
    },
    {
        "id": "turnstile_state",
        "sig": "def turnstile_state(events: list[str]) -> str:",
        "doc": """
            A turnstile starts "locked". A "coin" unlocks it (a coin while unlocked changes nothing); a
            "push" while unlocked lets one person through and locks it again (a push while locked
            changes nothing). Return the final state, "locked" or "unlocked".
        """,
        "difficulty": "trivial",
        "tags": ["state-machines", "simulation"],
        "visible": [(["coin"],), (["coin", "push"],)],
        "hidden": [
            ([],),
            (["push"],),
            (["coin", "coin"],),
            (["coin", "coin", "push"],),
            (["push", "coin", "push", "push"],),
            (["coin", "push", "coin"],),
            (["push", "push", "coin"],),
            (["coin", "push", "push", "coin", "coin"],),
        ],
        "ref": """
def turnstile_state(events):
    state = "locked"
    for e in events:
        if e == "coin":
            state = "unlocked"
        elif e == "push":
            state = "locked"
    return state
""",
        "wrong": [
            """
def turnstile_state(events):
    state = "locked"
    for e in events:
        if e == "coin":
            state = "unlocked" if state == "locked" else "locked"
        elif e == "push":
            state = "locked"
    return state
"""
        ],
    },
    {
        "id": "turnstile_passes",
        "sig": "def turnstile_passes(events: list[str]) -> list[int]:",
        "doc": """
            Same turnstile: it starts locked, "coin" unlocks it, "push" while unlocked lets one person
            through and locks it. Return [people who passed, coins wasted], where a coin is wasted when
            it is inserted while the turnstile is already unlocked.
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "simulation"],
        "visible": [(["coin", "push", "push"],), (["coin", "coin", "push"],)],
        "hidden": [
            ([],),
            (["push", "push"],),
            (["coin"],),
            (["coin", "coin", "coin"],),
            (["coin", "push", "coin", "push"],),
            (["push", "coin", "coin", "push", "coin"],),
            (["coin", "push", "push", "coin", "coin", "push", "push"],),
            (["coin", "coin", "push", "coin", "push"],),
        ],
        "ref": """
def turnstile_passes(events):
    unlocked = False
    passed = wasted = 0
    for e in events:
        if e == "coin":
            if unlocked:
                wasted += 1
            unlocked = True
        elif e == "push" and unlocked:
            passed += 1
            unlocked = False
    return [passed, wasted]
""",
        "wrong": [
            """
def turnstile_passes(events):
    coins = events.count("coin")
    passed = 0
    unlocked = False
    for e in events:
        if e == "coin":
            unlocked = True
        elif e == "push" and unlocked:
            passed += 1
            unlocked = False
    return [passed, coins - passed]
"""
        ],
    },
    {
        "id": "binary_multiple_of_three",
        "sig": "def binary_multiple_of_three(bits: str) -> bool:",
        "doc": """
            bits is a string of "0" and "1" read as a binary number, most significant bit first (possibly
            very long; the empty string is 0). Return True when the number is a multiple of 3, reading
            the bits one at a time and keeping only the remainder.
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "bits"],
        "visible": [("110",), ("111",)],
        "hidden": [
            ("",),
            ("0",),
            ("1",),
            ("11",),
            ("1001",),
            ("000011",),
            ("1" * 64,),
            ("10" * 40,),
            ("1" * 63,),
        ],
        "ref": """
def binary_multiple_of_three(bits):
    r = 0
    for b in bits:
        r = (2 * r + int(b)) % 3
    return r == 0
""",
        "wrong": [
            """
def binary_multiple_of_three(bits):
    return bits.count("1") % 3 == 0
"""
        ],
    },
    {
        "id": "door_state",
        "sig": "def door_state(events: list[str]) -> list:",
        "doc": """
            A door is "closed", "open" or "locked", and starts closed. "open" opens a closed door,
            "close" closes an open door, "lock" locks a closed door and "unlock" turns a locked door back
            to closed. Any other event, or an event that does not apply in the current state, is
            ignored. Return [final state, number of ignored events].
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "simulation"],
        "visible": [(["open", "close", "lock"],), (["lock", "open"],)],
        "hidden": [
            ([],),
            (["close"],),
            (["open", "open"],),
            (["open", "lock"],),
            (["lock", "unlock", "open"],),
            (["knock", "open", "close"],),
            (["unlock", "lock", "lock", "unlock", "unlock"],),
            (["open", "close", "open", "close", "lock", "open"],),
        ],
        "ref": """
def door_state(events):
    moves = {
        ("closed", "open"): "open",
        ("open", "close"): "closed",
        ("closed", "lock"): "locked",
        ("locked", "unlock"): "closed",
    }
    state, ignored = "closed", 0
    for e in events:
        if (state, e) in moves:
            state = moves[(state, e)]
        else:
            ignored += 1
    return [state, ignored]
""",
        "wrong": [
            """
def door_state(events):
    state, ignored = "closed", 0
    for e in events:
        if e == "open" and state != "locked":
            state = "open"
        elif e == "close" and state == "open":
            state = "closed"
        elif e == "lock" and state == "closed":
            state = "locked"
        elif e == "unlock" and state == "locked":
            state = "closed"
        else:
            ignored += 1
    return [state, ignored]
"""
        ],
    },
    {
        "id": "caps_typing",
        "sig": "def caps_typing(keys: list[str]) -> str:",
        "doc": """
            Replay keys on a keyboard: a single character is typed; "CAPS" toggles caps lock (starts
            off); "SHIFT" affects only the next typed character. A letter comes out upper-case when
            exactly one of caps lock and shift is active, otherwise lower-case; other characters come
            out unchanged. Letters in keys are lower-case. Return the typed text.
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "strings"],
        "visible": [(["SHIFT", "h", "i"],), (["CAPS", "a", "SHIFT", "b", "c"],)],
        "hidden": [
            ([],),
            (["CAPS", "CAPS", "x"],),
            (["SHIFT"],),
            (["SHIFT", "1", "a"],),
            (["SHIFT", "SHIFT", "a", "b"],),
            (["CAPS", "SHIFT", "CAPS", "q", "r"],),
            (["a", "CAPS", "b", "CAPS", "c"],),
            (["CAPS", "o", "k", " ", "SHIFT", "n", "o"],),
        ],
        "ref": """
def caps_typing(keys):
    caps = shift = False
    out = []
    for k in keys:
        if k == "CAPS":
            caps = not caps
        elif k == "SHIFT":
            shift = True
        else:
            out.append(k.upper() if caps != shift else k)
            shift = False
    return "".join(out)
""",
        "wrong": [
            """
def caps_typing(keys):
    caps = shift = False
    out = []
    for k in keys:
        if k == "CAPS":
            caps = not caps
        elif k == "SHIFT":
            shift = True
        else:
            out.append(k.upper() if caps or shift else k)
            if k.isalpha():
                shift = False
    return "".join(out)
"""
        ],
    },
    {
        "id": "run_dfa",
        "sig": "def run_dfa(table: dict[str, dict[str, str]], start: str, accepting: list[str], word: str) -> bool:",
        "doc": """
            table[state][symbol] is the next state of a finite automaton. Starting in start, read word one
            character at a time; when a character has no entry in the current state's row the word is
            rejected. Return True when the automaton ends in an accepting state.
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "dicts"],
        "visible": [
            ({"even": {"a": "odd"}, "odd": {"a": "even"}}, "even", ["even"], "aa"),
            ({"s": {"x": "t"}, "t": {}}, "s", ["t"], "xx"),
        ],
        "hidden": [
            ({"s": {}}, "s", ["s"], ""),
            ({"s": {}}, "s", [], ""),
            ({"even": {"a": "odd"}, "odd": {"a": "even"}}, "even", ["even"], "aaa"),
            ({"q0": {"0": "q0", "1": "q1"}, "q1": {"0": "q0", "1": "q1"}}, "q0", ["q1"], "0101"),
            ({"q0": {"0": "q0", "1": "q1"}, "q1": {"0": "q0", "1": "q1"}}, "q0", ["q1"], "0110"),
            ({"q0": {"0": "q0", "1": "q1"}, "q1": {"0": "q0", "1": "q1"}}, "q0", ["q1"], "012"),
            ({"a": {"x": "b"}, "b": {"y": "a"}}, "a", ["a", "b"], "xyx"),
            ({"a": {"x": "b"}, "b": {"y": "a"}}, "a", ["a", "b"], "xx"),
        ],
        "ref": """
def run_dfa(table, start, accepting, word):
    state = start
    for ch in word:
        row = table.get(state, {})
        if ch not in row:
            return False
        state = row[ch]
    return state in accepting
""",
        "wrong": [
            """
def run_dfa(table, start, accepting, word):
    state = start
    for ch in word:
        state = table.get(state, {}).get(ch, state)
    return state in accepting
"""
        ],
    },
    {
        "id": "vending_machine",
        "sig": "def vending_machine(events: list[str], price: int) -> list[int]:",
        "doc": """
            A vending machine holds a credit that starts at 0. "coin N" adds N to the credit; "buy"
            dispenses one item and takes price from the credit when the credit is at least price
            (otherwise nothing happens); "refund" pays the whole credit back and sets it to 0. Return
            [items dispensed, total refunded, credit left at the end].
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "simulation"],
        "visible": [(["coin 50", "coin 50", "buy", "refund"], 75), (["buy", "coin 10"], 20)],
        "hidden": [
            ([], 10),
            (["coin 5", "buy"], 5),
            (["coin 4", "buy"], 5),
            (["coin 30", "buy", "buy", "buy", "refund"], 10),
            (["refund", "refund"], 10),
            (["coin 7", "refund", "coin 3", "buy"], 5),
            (["coin 25", "coin 25", "buy", "coin 1", "buy"], 25),
            (["coin 100", "buy", "refund", "buy"], 0),
        ],
        "ref": """
def vending_machine(events, price):
    credit = items = refunded = 0
    for e in events:
        if e == "buy":
            if credit >= price:
                credit -= price
                items += 1
        elif e == "refund":
            refunded += credit
            credit = 0
        else:
            credit += int(e.split()[1])
    return [items, refunded, credit]
""",
        "wrong": [
            """
def vending_machine(events, price):
    credit = items = refunded = 0
    for e in events:
        if e == "buy":
            if credit > price:
                credit -= price
                items += 1
        elif e == "refund":
            refunded += credit
            credit = 0
        else:
            credit += int(e.split()[1])
    return [items, refunded, credit]
"""
        ],
    },
    {
        "id": "order_history_error",
        "sig": "def order_history_error(history: list[str]) -> int:",
        "doc": """
            An order's status moves created -> paid -> shipped -> delivered; it may also move to
            "cancelled" from created or paid, and nothing follows delivered or cancelled. history lists
            the statuses in order and must start with "created". Return the position of the first status
            that is not a legal move from the one before it (0 when the history does not start with
            "created"), or -1 when the whole history is legal. An empty history is legal.
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "lists"],
        "visible": [(["created", "paid", "shipped"],), (["created", "shipped"],)],
        "hidden": [
            ([],),
            (["paid"],),
            (["created"],),
            (["created", "cancelled"],),
            (["created", "paid", "cancelled"],),
            (["created", "paid", "shipped", "cancelled"],),
            (["created", "paid", "shipped", "delivered", "delivered"],),
            (["created", "cancelled", "paid"],),
            (["created", "created"],),
        ],
        "ref": """
def order_history_error(history):
    legal = {
        "created": {"paid", "cancelled"},
        "paid": {"shipped", "cancelled"},
        "shipped": {"delivered"},
        "delivered": set(),
        "cancelled": set(),
    }
    if history and history[0] != "created":
        return 0
    for i in range(1, len(history)):
        if history[i] not in legal.get(history[i - 1], set()):
            return i
    return -1
""",
        "wrong": [
            """
def order_history_error(history):
    order = ["created", "paid", "shipped", "delivered"]
    if history and history[0] != "created":
        return 0
    for i in range(1, len(history)):
        prev, cur = history[i - 1], history[i]
        if cur == "cancelled":
            continue
        if prev not in order or order.index(cur) != order.index(prev) + 1:
            return i
    return -1
"""
        ],
    },
    {
        "id": "reachable_states",
        "sig": "def reachable_states(table: dict[str, dict[str, str]], start: str) -> list[str]:",
        "doc": """
            table[state][symbol] is the next state of a finite automaton (a state may appear only as a
            target, with no row of its own). Return every state reachable from start by reading some
            word (start itself included), sorted.
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "graphs"],
        "visible": [({"a": {"0": "b"}, "b": {"1": "c"}, "d": {"0": "a"}}, "a"), ({"x": {}}, "x")],
        "hidden": [
            ({}, "s"),
            ({"a": {"0": "a"}}, "a"),
            ({"a": {"0": "b", "1": "c"}, "b": {"0": "a"}}, "a"),
            ({"a": {"0": "b"}, "b": {"0": "c"}, "c": {"0": "a"}}, "b"),
            ({"a": {"0": "b"}, "c": {"0": "a"}}, "c"),
            ({"a": {"0": "b"}, "c": {"0": "a"}}, "b"),
            ({"q": {"x": "r", "y": "s"}, "r": {"x": "t"}, "s": {"y": "t"}, "t": {}}, "q"),
            ({"1": {"a": "2"}, "2": {"a": "10"}, "10": {"a": "1"}}, "1"),
        ],
        "ref": """
def reachable_states(table, start):
    seen = {start}
    todo = [start]
    while todo:
        s = todo.pop()
        for nxt in table.get(s, {}).values():
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return sorted(seen)
""",
        "wrong": [
            """
def reachable_states(table, start):
    out = {start}
    out.update(table.get(start, {}).values())
    return sorted(out)
"""
        ],
    },
    {
        "id": "nfa_accepts",
        "sig": (
            "def nfa_accepts(table: dict[str, dict[str, list[str]]], start: str, accepting: list[str],"
            " word: str) -> bool:"
        ),
        "doc": """
            table[state][symbol] lists the states a nondeterministic automaton may move to on symbol;
            the symbol "" marks moves taken without reading anything. Return True when some way of
            reading the whole word from start ends in an accepting state.
        """,
        "difficulty": "hard",
        "tags": ["state-machines", "graphs"],
        "visible": [
            ({"s": {"a": ["s", "t"]}, "t": {"b": ["u"]}}, "s", ["u"], "aab"),
            ({"s": {"": ["t"]}, "t": {"a": ["t"]}}, "s", ["s"], "a"),
        ],
        "hidden": [
            ({}, "s", ["s"], ""),
            ({}, "s", [], ""),
            ({"s": {"": ["t"]}}, "s", ["t"], ""),
            ({"s": {"": ["t"]}, "t": {"": ["u"]}}, "s", ["u"], ""),
            ({"s": {"a": ["s", "t"]}, "t": {"b": ["u"]}}, "s", ["u"], "abb"),
            ({"s": {"a": ["t"]}, "t": {"": ["s"]}}, "s", ["s"], "aaa"),
            ({"s": {"a": ["t"], "": ["u"]}, "u": {"b": ["v"]}}, "s", ["v", "t"], "b"),
            ({"s": {"": ["s", "t"]}, "t": {"x": ["s"]}}, "s", ["s"], "xx"),
            ({"s": {"0": ["s"], "1": ["s", "a"]}, "a": {"0": ["b"], "1": ["b"]}}, "s", ["b"], "0110"),
        ],
        "ref": """
def nfa_accepts(table, start, accepting, word):
    def close(states):
        todo = list(states)
        seen = set(states)
        while todo:
            s = todo.pop()
            for nxt in table.get(s, {}).get("", []):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    current = close({start})
    for ch in word:
        current = close({n for s in current for n in table.get(s, {}).get(ch, [])})
    return any(s in accepting for s in current)
""",
        "wrong": [
            """
def nfa_accepts(table, start, accepting, word):
    current = {start}
    for ch in word:
        nxt = set()
        for s in current:
            nxt.update(table.get(s, {}).get(ch, []))
            for e in table.get(s, {}).get("", []):
                nxt.update(table.get(e, {}).get(ch, []))
        current = nxt
    return any(s in accepting for s in current)
"""
        ],
    },
    {
        "id": "strip_comments",
        "sig": "def strip_comments(code: str) -> str:",
        "doc": """
            Remove comments from C-like code: "//" starts a comment that runs to the end of the line (the
            newline stays), "/*" starts one that runs to the next "*/" (or to the end of the code). Text
            inside double-quoted strings is never a comment; inside a string a backslash escapes the next
            character. Return the code without its comments.
        """,
        "difficulty": "hard",
        "tags": ["state-machines", "parsing"],
        "visible": [("x = 1; // set x\ny = 2;",), ('s = "a//b"; /* c */ t',)],
        "hidden": [
            ("",),
            ("no comments",),
            ("//only",),
            ("a/*b*/c/*d*/e",),
            ("a /* never closed",),
            ('"/* not a comment */"',),
            ('"quote \\" // still string" x // gone',),
            ("a / b / c",),
            ("a /* x // y */ b\nc // z\nd",),
        ],
        "ref": """
def strip_comments(code):
    out = []
    i, n = 0, len(code)
    state = "code"
    while i < n:
        ch = code[i]
        two = code[i:i + 2]
        if state == "code":
            if two == "//":
                state, i = "line", i + 2
                continue
            if two == "/*":
                state, i = "block", i + 2
                continue
            if ch == '"':
                state = "string"
            out.append(ch)
        elif state == "string":
            out.append(ch)
            if ch == "\\\\" and i + 1 < n:
                out.append(code[i + 1])
                i += 1
            elif ch == '"':
                state = "code"
        elif state == "line":
            if ch == "\\n":
                out.append(ch)
                state = "code"
        elif state == "block":
            if two == "*/":
                state, i = "code", i + 2
                continue
        i += 1
    return "".join(out)
""",
        "wrong": [
            """
import re


def strip_comments(code):
    code = re.sub(r"/\\*.*?\\*/", "", code, flags=re.S)
    return re.sub(r"//[^\\n]*", "", code)
"""
        ],
    },
    {
        "id": "player_state",
        "sig": "def player_state(events: list[str]) -> str:",
        "doc": """
            A media player starts "stopped". The event "play" always makes it "playing"; "pause" makes
            a "playing" player "paused" and is ignored in any other state; "stop" always makes it
            "stopped". Return the state after all events.
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "simulation"],
        "visible": [(["play", "pause"],), (["pause"],)],
        "hidden": [
            ([],),
            (["play"],),
            (["stop"],),
            (["play", "stop", "pause"],),
            (["play", "pause", "pause"],),
            (["play", "pause", "play"],),
            (["pause", "play", "stop"],),
            (["play", "pause", "stop", "pause", "play", "pause"],),
            (["stop", "pause"],),
        ],
        "ref": """
def player_state(events):
    state = "stopped"
    for event in events:
        if event == "play":
            state = "playing"
        elif event == "pause" and state == "playing":
            state = "paused"
        elif event == "stop":
            state = "stopped"
    return state
""",
        "wrong": [
            """
def player_state(events):
    state = "stopped"
    for event in events:
        if event == "play":
            state = "playing"
        elif event == "pause":
            state = "paused"
        elif event == "stop":
            state = "stopped"
    return state
""",
            """
def player_state(events):
    state = "stopped"
    for event in events:
        if event == "play":
            state = "playing"
        elif event == "pause":
            state = "paused" if state == "playing" else "playing"
        elif event == "stop":
            state = "stopped"
    return state
""",
        ],
    },
    {
        "id": "modal_text",
        "sig": "def modal_text(keys: list[str]) -> str:",
        "doc": """
            An editor starts in command mode. In command mode the key "i" switches to insert mode and
            every other key is ignored. In insert mode the key "esc" switches back to command mode and
            every other key (a single character, "i" included) is typed at the end of the text. Return
            the text typed.
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "strings"],
        "visible": [(["x", "i", "h", "i", "esc", "y"],), (["i", "a", "esc", "i", "b"],)],
        "hidden": [
            ([],),
            (["i"],),
            (["a", "b", "c"],),
            (["esc", "i", "esc", "z"],),
            (["i", "i", "i"],),
            (["i", "o", "k", "esc", "esc", "i", "!"],),
            (["i", " ", "esc", "i", " "],),
            (["q", "i", "w", "esc", "e", "i", "r"],),
            (["i", "h", "i", "!"],),
        ],
        "ref": """
def modal_text(keys):
    inserting = False
    text = ""
    for key in keys:
        if not inserting:
            inserting = key == "i"
        elif key == "esc":
            inserting = False
        else:
            text += key
    return text
""",
        "wrong": [
            """
def modal_text(keys):
    inserting = False
    text = ""
    for key in keys:
        if key == "i":
            inserting = True
        elif key == "esc":
            inserting = False
        elif inserting:
            text += key
    return text
""",
            """
def modal_text(keys):
    inserting = False
    text = ""
    for key in keys:
        if key == "esc":
            inserting = False
        elif inserting or key != "i":
            text += key
        else:
            inserting = True
    return text
""",
        ],
    },
    {
        "id": "debounced_level",
        "sig": "def debounced_level(samples: list[int], n: int) -> list[int]:",
        "doc": """
            A debouncer turns noisy 0/1 samples into a steady level. The level starts at 0 and switches
            to the other value only once n samples in a row (n >= 1) have shown that other value; a
            sample equal to the current level breaks the streak. Return the level after each sample.
        """,
        "difficulty": "medium",
        "tags": ["state-machines", "lists"],
        "visible": [([1, 1, 1, 0, 1], 2), ([1, 0, 1, 0], 2)],
        "hidden": [
            ([], 3),
            ([0, 0], 1),
            ([1], 1),
            ([1, 0, 1, 0], 1),
            ([1, 1, 0, 1, 1], 3),
            ([1, 1, 1, 0, 0, 0], 3),
            ([1, 1, 0, 0, 1, 0, 0], 2),
            ([0, 1, 1, 1, 1, 0, 1, 0, 0], 2),
            ([1, 1, 1, 1], 5),
        ],
        "ref": """
def debounced_level(samples, n):
    level = 0
    streak = 0
    out = []
    for sample in samples:
        if sample == level:
            streak = 0
        else:
            streak += 1
            if streak >= n:
                level = sample
                streak = 0
        out.append(level)
    return out
""",
        "wrong": [
            """
def debounced_level(samples, n):
    level = 0
    streak = 0
    out = []
    for sample in samples:
        if sample != level:
            streak += 1
            if streak >= n:
                level = sample
                streak = 0
        out.append(level)
    return out
""",
            """
def debounced_level(samples, n):
    level = 0
    streak = 0
    out = []
    for sample in samples:
        if sample == level:
            streak = 0
        else:
            streak += 1
            if streak > n:
                level = sample
                streak = 0
        out.append(level)
    return out
""",
        ],
    },
    {
        "id": "lift_floor",
        "sig": "def lift_floor(start: int, top: int, commands: list[str]) -> list[int]:",
        "doc": """
            A lift serves floors 0 to top (both included) and starts on floor start. "up" moves it one
            floor up and "down" one floor down, but a command that would take it below 0 or above top is
            ignored. Return [final floor, number of ignored commands].
        """,
        "difficulty": "easy",
        "tags": ["state-machines", "simulation"],
        "visible": [(0, 3, ["up", "up", "down"]), (2, 2, ["up", "down"])],
        "hidden": [
            (0, 0, []),
            (0, 0, ["up", "down"]),
            (5, 9, []),
            (0, 5, ["down", "down", "up"]),
            (3, 4, ["up", "up", "up"]),
            (1, 2, ["up", "down", "down", "down", "up"]),
            (0, 10, ["up", "up", "up", "up"]),
            (4, 4, ["down", "up", "up", "down", "down"]),
        ],
        "ref": """
def lift_floor(start, top, commands):
    floor = start
    ignored = 0
    for command in commands:
        step = 1 if command == "up" else -1
        if 0 <= floor + step <= top:
            floor += step
        else:
            ignored += 1
    return [floor, ignored]
""",
        "wrong": [
            """
def lift_floor(start, top, commands):
    floor = start
    ignored = 0
    for command in commands:
        step = 1 if command == "up" else -1
        if 0 <= floor + step < top:
            floor += step
        else:
            ignored += 1
    return [floor, ignored]
""",
            """
def lift_floor(start, top, commands):
    floor = start
    for command in commands:
        floor += 1 if command == "up" else -1
        floor = max(0, min(top, floor))
    return [floor, 0]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
