"""Candidate tasks, family 'stacks': stacks and queues. Specs, reference solutions and plausible wrong ones."""

TASKS = [
    {
        "id": "closing_suffix",
        "sig": "def closing_suffix(s: str) -> str:",
        "doc": """
            s is the beginning of a text that uses the brackets "()", "[]" and "{}" among other
            characters; every closing bracket in s correctly closes the most recently opened bracket
            still open. Return the closing brackets to append to s so that every bracket still open
            is closed, innermost first ("" when none is open).
        """,
        "difficulty": "easy",
        "tags": ["stacks", "strings"],
        "visible": [("f(a[1",), ("{x}(",)],
        "hidden": [
            ("",),
            ("abc",),
            ("(((",),
            ("([{",),
            ("()[]{}",),
            ("{[()]",),
            ("(a)[b{c",),
            ("x = {'k': [1, (2",),
            ("[[]",),
            ("((a)(b)",),
        ],
        "ref": """
def closing_suffix(s):
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack = []
    for ch in s:
        if ch in pairs:
            stack.append(pairs[ch])
        elif ch in ")]}":
            stack.pop()
    return "".join(reversed(stack))
""",
        "wrong": [
            """
def closing_suffix(s):
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack = []
    for ch in s:
        if ch in pairs:
            stack.append(pairs[ch])
        elif ch in ")]}":
            stack.pop()
    return "".join(stack)
""",
            """
def closing_suffix(s):
    pairs = {"(": ")", "[": "]", "{": "}"}
    return "".join(pairs[ch] for ch in reversed(s) if ch in pairs)
""",
        ],
    },
    {
        "id": "bracket_pairs",
        "sig": "def bracket_pairs(s: str) -> list[list[int]]:",
        "doc": """
            Return the positions of every matched pair of round brackets in s as [open, close],
            sorted by the position of the opening bracket. A ")" with no unmatched "(" before it,
            and a "(" that is never closed, belong to no pair. Other characters are ignored.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "strings"],
        "visible": [("(a(b))",), (")(",)],
        "hidden": [
            ("",),
            ("()",),
            ("()()",),
            ("((()))",),
            ("(()",),
            ("())(",),
            ("f(x, g(y)) + (z",),
            ("))((()",),
            ("(a)(b(c)d)",),
            ("no brackets",),
        ],
        "ref": """
def bracket_pairs(s):
    stack, pairs = [], []
    for i, ch in enumerate(s):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append([stack.pop(), i])
    return sorted(pairs)
""",
        "wrong": [
            """
def bracket_pairs(s):
    stack, pairs = [], []
    for i, ch in enumerate(s):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append([stack.pop(), i])
    return pairs
""",
            """
def bracket_pairs(s):
    opens = [i for i, ch in enumerate(s) if ch == "("]
    closes = [i for i, ch in enumerate(s) if ch == ")"]
    return [[o, c] for o, c in zip(opens, closes) if o < c]
""",
        ],
    },
    {
        "id": "plate_pile",
        "sig": "def plate_pile(actions: list[int]) -> list[int]:",
        "doc": """
            Plates are kept in a pile that starts empty. Each action is either a plate number
            greater than 0, meaning that plate is put on top of the pile, or 0, meaning the top
            plate is taken away (nothing happens when the pile is empty). Return the numbers of the
            plates left in the pile, from the top plate down to the bottom one.
        """,
        "difficulty": "easy",
        "tags": ["stacks", "lists"],
        "visible": [([1, 2, 3, 0, 4],), ([0, 5],)],
        "hidden": [
            ([],),
            ([0],),
            ([7],),
            ([1, 0, 0, 2],),
            ([3, 3, 3],),
            ([1, 2, 0, 0],),
            ([9, 8, 7, 6],),
            ([5, 0, 6, 0, 7, 8, 0],),
            ([2, 4, 0, 6, 0, 0, 0, 1, 3],),
        ],
        "ref": """
def plate_pile(actions):
    pile = []
    for a in actions:
        if a:
            pile.append(a)
        elif pile:
            pile.pop()
    return pile[::-1]
""",
        "wrong": [
            """
def plate_pile(actions):
    pile = []
    for a in actions:
        if a:
            pile.append(a)
        elif pile:
            pile.pop()
    return pile
""",
            """
def plate_pile(actions):
    pile = []
    for a in actions:
        if a:
            pile.insert(0, a)
        elif pile:
            pile.pop()
    return pile
""",
        ],
    },
    {
        "id": "settings_after",
        "sig": "def settings_after(commands: list[str]) -> dict[str, int]:",
        "doc": """
            commands are "set NAME VALUE" (VALUE an integer) or "undo". A set gives the setting NAME
            that value. An undo takes back the most recent set that has not been taken back yet:
            NAME gets back the value it had just before that set, or is removed if it had none. An
            undo with nothing left to take back does nothing. Return the final settings as a dict.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "dicts"],
        "visible": [(["set a 1", "set b 2", "set a 5", "undo"],), (["undo", "set x 3", "undo"],)],
        "hidden": [
            ([],),
            (["set v 0"],),
            (["set v 0", "undo"],),
            (["set a 1", "set a 2", "set a 3", "undo", "undo"],),
            (["set a 1", "set a 2", "undo", "undo", "undo"],),
            (["set k -4", "set k 0", "set k 9", "undo"],),
            (["set p 1", "set q 2", "undo", "set r 3"],),
            (["set a 1", "set b 2", "set c 3", "undo", "undo", "set b 7"],),
            (["set x 10", "set x 0", "set x 5", "undo", "undo"],),
        ],
        "ref": """
def settings_after(commands):
    values, history = {}, []
    for command in commands:
        parts = command.split()
        if parts[0] == "set":
            history.append((parts[1], values.get(parts[1])))
            values[parts[1]] = int(parts[2])
        elif history:
            name, old = history.pop()
            if old is None:
                del values[name]
            else:
                values[name] = old
    return values
""",
        "wrong": [
            """
def settings_after(commands):
    values, history = {}, []
    for command in commands:
        parts = command.split()
        if parts[0] == "set":
            history.append(parts[1])
            values[parts[1]] = int(parts[2])
        elif history:
            values.pop(history.pop(), None)
    return values
""",
            """
def settings_after(commands):
    values, history = {}, []
    for command in commands:
        parts = command.split()
        if parts[0] == "set":
            history.append((parts[1], values.get(parts[1])))
            values[parts[1]] = int(parts[2])
        elif history:
            name, old = history.pop()
            if old:
                values[name] = old
            else:
                del values[name]
    return values
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
