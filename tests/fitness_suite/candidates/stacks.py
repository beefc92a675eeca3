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
    {
        "id": "strip_bracketed",
        "sig": "def strip_bracketed(s: str) -> str:",
        "doc": """
            The round brackets in s are balanced. Return s with every part in brackets removed,
            the brackets included. A part in brackets may contain further brackets; it is removed
            whole, up to the bracket that closes its opening one. All other characters, spaces
            included, are kept as they are.
        """,
        "difficulty": "easy",
        "tags": ["stacks", "strings"],
        "visible": [("keep (drop) this",), ("a(b(c)d)e",)],
        "hidden": [
            ("",),
            ("plain",),
            ("()",),
            ("(x)",),
            ("((()))z",),
            ("1(2)3(4)5",),
            ("f(g(x), h(y)) + k",),
            ("(a(b)(c)d)e(f)",),
            ("x (y) (z) w",),
            ("start((a)(b))end",),
        ],
        "ref": """
def strip_bracketed(s):
    out, depth = [], 0
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)
""",
        "wrong": [
            """
import re


def strip_bracketed(s):
    return re.sub(r"\\([^()]*\\)", "", s)
""",
            """
import re


def strip_bracketed(s):
    return re.sub(r"\\(.*?\\)", "", s)
""",
        ],
    },
    {
        "id": "merge_pile",
        "sig": "def merge_pile(nums: list[int]) -> list[int]:",
        "doc": """
            The numbers of nums are put one at a time, in order, on top of a pile that starts
            empty. Whenever the number on top equals the number just below it, the two merge into
            a single number twice as large, which can then merge with the number below it, and so
            on. Return the pile from bottom to top once every number has been put on it.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "lists"],
        "visible": [([4, 2, 2],), ([2, 4, 2],)],
        "hidden": [
            ([],),
            ([5],),
            ([3, 3],),
            ([1, 1, 1],),
            ([1, 1, 1, 1],),
            ([8, 4, 2, 1, 1],),
            ([2, 2, 2, 2, 2, 2],),
            ([4, 4, 8, 3],),
            ([7, 3, 3, 6, 12, 1],),
            ([0, 0, 5],),
        ],
        "ref": """
def merge_pile(nums):
    pile = []
    for x in nums:
        pile.append(x)
        while len(pile) >= 2 and pile[-1] == pile[-2]:
            pile.append(pile.pop() + pile.pop())
    return pile
""",
        "wrong": [
            """
def merge_pile(nums):
    pile = []
    for x in nums:
        if pile and pile[-1] == x:
            pile[-1] = 2 * x
        else:
            pile.append(x)
    return pile
""",
            """
def merge_pile(nums):
    pile = []
    for i, x in enumerate(nums):
        if i and nums[i - 1] == x and pile:
            pile[-1] *= 2
        else:
            pile.append(x)
    return pile
""",
        ],
    },
    {
        "id": "robot_with_undo",
        "sig": "def robot_with_undo(moves: str) -> list[int]:",
        "doc": """
            A robot starts at [0, 0]. Each character of moves is "N" (y + 1), "S" (y - 1), "E"
            (x + 1), "W" (x - 1) or "Z", which takes back the most recent move that has not been
            taken back yet, returning the robot to where it was before that move; a "Z" when every
            move has been taken back (or none made) does nothing. Return the final [x, y].
        """,
        "difficulty": "medium",
        "tags": ["stacks", "simulation"],
        "visible": [("NNEZ",), ("ZN",)],
        "hidden": [
            ("",),
            ("Z",),
            ("E",),
            ("EZZ",),
            ("NEZZ",),
            ("NEZZE",),
            ("NNNZZ",),
            ("SWZZZN",),
            ("EEZNZZW",),
            ("NESWZZ",),
        ],
        "ref": """
def robot_with_undo(moves):
    steps = {"N": (0, 1), "S": (0, -1), "E": (1, 0), "W": (-1, 0)}
    done = []
    for m in moves:
        if m == "Z":
            if done:
                done.pop()
        else:
            done.append(steps[m])
    return [sum(dx for dx, _ in done), sum(dy for _, dy in done)]
""",
        "wrong": [
            """
def robot_with_undo(moves):
    steps = {"N": (0, 1), "S": (0, -1), "E": (1, 0), "W": (-1, 0)}
    x = y = 0
    last = None
    for m in moves:
        if m == "Z":
            if last:
                x, y = x - last[0], y - last[1]
                last = None
        else:
            last = steps[m]
            x, y = x + last[0], y + last[1]
    return [x, y]
""",
            """
def robot_with_undo(moves):
    steps = {"N": (0, 1), "S": (0, -1), "E": (1, 0), "W": (-1, 0)}
    done = []
    for m in moves:
        if m == "Z":
            done = done[:-2]
        else:
            done.append(steps[m])
    return [sum(dx for dx, _ in done), sum(dy for _, dy in done)]
""",
        ],
    },
    {
        "id": "total_with_checkpoints",
        "sig": "def total_with_checkpoints(ops: list[str]) -> int:",
        "doc": """
            A running total starts at 0. ops are "add N" (N an integer, possibly negative), which
            adds N; "save", which remembers the current total; and "load", which sets the total
            back to the most recently remembered value and forgets that value, so a second "load"
            goes back to the save before it. A "load" with nothing remembered does nothing.
            Return the total after all ops.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "numbers"],
        "visible": [(["add 5", "save", "add 3", "load"],), (["load", "add -2"],)],
        "hidden": [
            ([],),
            (["save"],),
            (["add 7"],),
            (["add 1", "save", "add 2", "save", "add 3", "load", "load"],),
            (["add 1", "save", "add 2", "load", "load"],),
            (["save", "add 4", "load", "add 4", "load"],),
            (["add 10", "save", "add -3", "save", "add -3", "load"],),
            (["add 2", "save", "save", "add 5", "load", "add 1", "load"],),
            (["add 3", "save", "add 1", "load", "add 1", "load", "add 1"],),
            (["add -1", "add -1", "save", "load", "load", "add 100"],),
        ],
        "ref": """
def total_with_checkpoints(ops):
    total, saved = 0, []
    for op in ops:
        if op == "save":
            saved.append(total)
        elif op == "load":
            if saved:
                total = saved.pop()
        else:
            total += int(op.split()[1])
    return total
""",
        "wrong": [
            """
def total_with_checkpoints(ops):
    total, saved = 0, []
    for op in ops:
        if op == "save":
            saved.append(total)
        elif op == "load":
            if saved:
                total = saved[-1]
        else:
            total += int(op.split()[1])
    return total
""",
            """
def total_with_checkpoints(ops):
    total, saved = 0, None
    for op in ops:
        if op == "save":
            saved = total
        elif op == "load":
            if saved is not None:
                total = saved
        else:
            total += int(op.split()[1])
    return total
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
