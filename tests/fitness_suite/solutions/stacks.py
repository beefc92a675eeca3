"""Core suite, family 'stacks': stacks and queues. Specs, reference solutions and plausible wrong ones."""

TASKS = [
    {
        "id": "undo_typing",
        "sig": "def undo_typing(keys: list[str]) -> str:",
        "doc": """
            Replay keystrokes into an empty text: a one-character string is typed at the end, "UNDO"
            removes the most recently typed character that is still there (nothing happens on empty
            text). Return the final text.
        """,
        "difficulty": "trivial",
        "tags": ["stacks", "strings"],
        "visible": [(["a", "b", "UNDO", "c"],), (["UNDO", "x"],)],
        "hidden": [
            ([],),
            (["UNDO"],),
            (["a"],),
            (["a", "UNDO", "UNDO", "b"],),
            (["h", "i", "UNDO", "UNDO", "UNDO"],),
            (["q", "w", "e"],),
            (["1", "UNDO", "2", "UNDO", "3"],),
            ([" ", "a", "UNDO"],),
        ],
        "ref": """
def undo_typing(keys):
    out = []
    for k in keys:
        if k == "UNDO":
            if out:
                out.pop()
        else:
            out.append(k)
    return "".join(out)
""",
        "wrong": [
            """
def undo_typing(keys):
    out = []
    for k in keys:
        if k == "UNDO":
            if out:
                out.pop(0)
        else:
            out.append(k)
    return "".join(out)
"""
        ],
    },
    {
        "id": "serve_queue",
        "sig": "def serve_queue(events: list[str]) -> list[str]:",
        "doc": """
            Process a ticket counter's events: "join NAME" puts NAME at the back of the line, "serve"
            serves the person at the front (ignored when nobody waits). Return the names in the order
            they were served.
        """,
        "difficulty": "trivial",
        "tags": ["stacks", "simulation"],
        "visible": [(["join ann", "join bob", "serve"],), (["serve", "join cy"],)],
        "hidden": [
            ([],),
            (["serve", "serve"],),
            (["join a", "serve", "serve", "join b", "serve"],),
            (["join a", "join b", "join c", "serve", "serve", "serve"],),
            (["join x", "join y", "serve", "join z", "serve", "serve"],),
            (["join solo"],),
            (["join a", "join a", "serve", "serve"],),
            (["join p", "serve", "join q", "join r", "serve"],),
        ],
        "ref": """
from collections import deque


def serve_queue(events):
    line = deque()
    served = []
    for e in events:
        if e == "serve":
            if line:
                served.append(line.popleft())
        else:
            line.append(e.split(" ", 1)[1])
    return served
""",
        "wrong": [
            """
def serve_queue(events):
    line = []
    served = []
    for e in events:
        if e == "serve":
            if line:
                served.append(line.pop())
        else:
            line.append(e.split(" ", 1)[1])
    return served
"""
        ],
    },
    {
        "id": "path_after_cd",
        "sig": "def path_after_cd(commands: list[str]) -> str:",
        "doc": """
            Start in the root directory "/". Each command is a relative directory name to enter, ".."
            to go up one level (staying at the root when already there), or "." to stay. Return the
            absolute path reached, like "/a/b" (the root is "/").
        """,
        "difficulty": "easy",
        "tags": ["stacks", "strings"],
        "visible": [(["usr", "lib", "..", "bin"],), (["..", "."],)],
        "hidden": [
            ([],),
            (["a"],),
            (["a", ".."],),
            (["a", "..", ".."],),
            (["a", "b", "c", "..", "..", "d"],),
            ([".", ".", "x", "."],),
            (["..", "..", "home", "me"],),
            (["x", "y", "..", "y", "z"],),
        ],
        "ref": """
def path_after_cd(commands):
    parts = []
    for c in commands:
        if c == "..":
            if parts:
                parts.pop()
        elif c != ".":
            parts.append(c)
    return "/" + "/".join(parts)
""",
        "wrong": [
            """
def path_after_cd(commands):
    parts = []
    for c in commands:
        if c == "..":
            if parts:
                parts.pop()
        elif c != ".":
            parts.append(c)
    return "/" + "/".join(parts) + ("/" if parts else "")
"""
        ],
    },
    {
        "id": "first_unmatched_tag",
        "sig": "def first_unmatched_tag(tags: list[str]) -> int:",
        "doc": """
            tags is a sequence like ["<b>", "<i>", "</i>", "</b>"]: an opening tag is "<name>", a closing
            tag is "</name>" and must close the most recent still-open tag of the same name. Return the
            position of the first closing tag that breaks this rule; when none does, return len(tags) if
            some tags are still open at the end and -1 if the sequence is fully correct.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "parsing"],
        "visible": [(["<b>", "<i>", "</i>", "</b>"],), (["<b>", "<i>", "</b>"],)],
        "hidden": [
            ([],),
            (["<p>"],),
            (["</p>"],),
            (["<a>", "</a>", "</a>"],),
            (["<a>", "<a>", "</a>", "</a>"],),
            (["<x>", "<y>", "</y>", "<z>"],),
            (["<x>", "</y>"],),
            (["<a>", "<b>", "</b>", "</a>", "<c>", "</c>"],),
            (["<a>", "<b>", "</a>", "</b>"],),
        ],
        "ref": """
def first_unmatched_tag(tags):
    open_tags = []
    for i, t in enumerate(tags):
        if t.startswith("</"):
            if not open_tags or open_tags[-1] != t[2:-1]:
                return i
            open_tags.pop()
        else:
            open_tags.append(t[1:-1])
    return len(tags) if open_tags else -1
""",
        "wrong": [
            """
def first_unmatched_tag(tags):
    open_tags = []
    for i, t in enumerate(tags):
        if t.startswith("</"):
            if t[2:-1] not in open_tags:
                return i
            open_tags.remove(t[2:-1])
        else:
            open_tags.append(t[1:-1])
    return len(tags) if open_tags else -1
"""
        ],
    },
    {
        "id": "nearest_taller_left",
        "sig": "def nearest_taller_left(heights: list[int]) -> list[int]:",
        "doc": """
            For each position i, return the position of the closest earlier element that is strictly
            taller than heights[i], or -1 when there is none.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "lists"],
        "visible": [([4, 2, 3, 1],), ([5, 5],)],
        "hidden": [
            ([],),
            ([1],),
            ([1, 2, 3],),
            ([3, 2, 1],),
            ([2, 7, 3, 3, 5],),
            ([-1, -5, -2],),
            ([6, 1, 6, 1],),
            ([9, 4, 6, 5, 7, 10],),
        ],
        "ref": """
def nearest_taller_left(heights):
    out = []
    stack = []
    for i, h in enumerate(heights):
        while stack and heights[stack[-1]] <= h:
            stack.pop()
        out.append(stack[-1] if stack else -1)
        stack.append(i)
    return out
""",
        "wrong": [
            """
def nearest_taller_left(heights):
    out = []
    stack = []
    for i, h in enumerate(heights):
        while stack and heights[stack[-1]] < h:
            stack.pop()
        out.append(stack[-1] if stack else -1)
        stack.append(i)
    return out
"""
        ],
    },
    {
        "id": "queue_wait_times",
        "sig": "def queue_wait_times(arrivals: list[int], service: int) -> list[int]:",
        "doc": """
            Customers arrive at the given minutes (in non-decreasing order) at one counter that serves
            them first come, first served, each for exactly service minutes. Return how many minutes each
            customer waits between arriving and being served.
        """,
        "difficulty": "easy",
        "tags": ["stacks", "simulation"],
        "visible": [([0, 1, 10], 5), ([3, 3], 2)],
        "hidden": [
            ([], 4),
            ([7], 3),
            ([0, 5, 10], 5),
            ([0, 0, 0], 1),
            ([0, 2, 4], 3),
            ([1, 20, 21, 22], 2),
            ([0, 1, 2, 3], 0),
            ([5, 6, 30, 31], 10),
        ],
        "ref": """
def queue_wait_times(arrivals, service):
    free = None
    out = []
    for t in arrivals:
        start = t if free is None else max(t, free)
        out.append(start - t)
        free = start + service
    return out
""",
        "wrong": [
            """
def queue_wait_times(arrivals, service):
    return [max(0, i * service - (t - arrivals[0])) for i, t in enumerate(arrivals)]
"""
        ],
    },
    {
        "id": "deepest_bracket_text",
        "sig": "def deepest_bracket_text(text: str) -> str:",
        "doc": """
            text has balanced round brackets. Return the text inside the most deeply nested pair of
            brackets (the leftmost such pair on a tie), or "" when there are no brackets.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "strings"],
        "visible": [("a(b(c)d)e",), ("(x)(y)",)],
        "hidden": [
            ("",),
            ("plain",),
            ("()",),
            ("(())",),
            ("((a)(bb))",),
            ("f(g(h(i)), j(k(l(m))))",),
            ("(1 + (2 * 3)) - ((4))",),
            ("((x) y (z))",),
        ],
        "ref": """
def deepest_bracket_text(text):
    stack = []
    best, best_depth = "", 0
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            start = stack.pop()
            depth = len(stack) + 1
            if depth > best_depth or (depth == best_depth and start < best_start):
                best, best_depth, best_start = text[start + 1:i], depth, start
    return best
""",
        "wrong": [
            """
def deepest_bracket_text(text):
    stack = []
    best, best_depth = "", 0
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            start = stack.pop()
            depth = len(stack) + 1
            if depth >= best_depth:
                best, best_depth = text[start + 1:i], depth
    return best
"""
        ],
    },
    {
        "id": "bounded_buffer_drops",
        "sig": "def bounded_buffer_drops(events: list[str], capacity: int) -> list[str]:",
        "doc": """
            A buffer holds at most capacity items, oldest first. "put X" adds X; when the buffer is
            already full, the oldest item is dropped first to make room. "get" removes the oldest item
            (nothing happens when empty). Return the dropped items in the order they were dropped.
            capacity is at least 1.
        """,
        "difficulty": "easy",
        "tags": ["stacks", "simulation"],
        "visible": [(["put a", "put b", "put c"], 2), (["put a", "get", "put b"], 1)],
        "hidden": [
            ([], 3),
            (["get"], 1),
            (["put a"], 1),
            (["put a", "put b"], 1),
            (["put a", "put b", "get", "put c", "put d"], 2),
            (["put x", "put y", "put z", "put w"], 3),
            (["put a", "put b", "put c", "put d", "put e"], 2),
            (["put a", "get", "get", "put b", "put c"], 1),
        ],
        "ref": """
from collections import deque


def bounded_buffer_drops(events, capacity):
    buf = deque()
    dropped = []
    for e in events:
        if e == "get":
            if buf:
                buf.popleft()
        else:
            if len(buf) == capacity:
                dropped.append(buf.popleft())
            buf.append(e.split(" ", 1)[1])
    return dropped
""",
        "wrong": [
            """
def bounded_buffer_drops(events, capacity):
    buf = []
    dropped = []
    for e in events:
        if e == "get":
            if buf:
                buf.pop(0)
        else:
            if len(buf) == capacity:
                dropped.append(buf.pop())
            buf.append(e.split(" ", 1)[1])
    return dropped
"""
        ],
    },
    {
        "id": "word_undo_redo",
        "sig": "def word_undo_redo(actions: list[str]) -> str:",
        "doc": """
            Edit a document word by word. "type W" appends the word W; "undo" takes back the last
            typed word that has not been undone; "redo" puts back the most recently undone word. Typing
            a word makes earlier undone words impossible to redo. undo and redo do nothing when there is
            nothing to undo or redo. Return the words of the document joined by single spaces.
        """,
        "difficulty": "hard",
        "tags": ["stacks", "simulation"],
        "visible": [(["type hi", "type there", "undo"],), (["type a", "undo", "redo", "redo"],)],
        "hidden": [
            ([],),
            (["undo", "redo"],),
            (["type a", "type b", "undo", "undo", "redo"],),
            (["type a", "undo", "type b", "redo"],),
            (["type a", "type b", "type c", "undo", "undo", "redo", "redo", "redo"],),
            (["type x", "undo", "undo", "redo", "redo"],),
            (["type a", "type b", "undo", "type c", "undo", "redo"],),
            (["type one", "type two", "undo", "redo", "undo", "type three"],),
        ],
        "ref": """
def word_undo_redo(actions):
    words, undone = [], []
    for a in actions:
        if a == "undo":
            if words:
                undone.append(words.pop())
        elif a == "redo":
            if undone:
                words.append(undone.pop())
        else:
            words.append(a.split(" ", 1)[1])
            undone = []
    return " ".join(words)
""",
        "wrong": [
            """
def word_undo_redo(actions):
    words, undone = [], []
    for a in actions:
        if a == "undo":
            if words:
                undone.append(words.pop())
        elif a == "redo":
            if undone:
                words.append(undone.pop(0))
        else:
            words.append(a.split(" ", 1)[1])
            undone = []
    return " ".join(words)
"""
        ],
    },
    {
        "id": "call_log_depth",
        "sig": "def call_log_depth(log: list[str]) -> int:",
        "doc": """
            log lines are "enter NAME" or "exit NAME". Return the deepest nesting of calls reached, or -1
            when some exit does not name the innermost function still running (including an exit with
            nothing running). Calls left running at the end are fine.
        """,
        "difficulty": "easy",
        "tags": ["stacks", "parsing"],
        "visible": [(["enter main", "enter f", "exit f", "exit main"],), (["enter a", "exit b"],)],
        "hidden": [
            ([],),
            (["exit main"],),
            (["enter a"],),
            (["enter a", "enter a", "exit a", "exit a"],),
            (["enter a", "exit a", "enter b", "exit b"],),
            (["enter a", "enter b", "exit a"],),
            (["enter m", "enter f", "enter g", "exit g", "exit f", "enter h"],),
            (["enter a", "exit a", "exit a"],),
        ],
        "ref": """
def call_log_depth(log):
    stack = []
    deepest = 0
    for line in log:
        kind, name = line.split(" ", 1)
        if kind == "enter":
            stack.append(name)
            deepest = max(deepest, len(stack))
        else:
            if not stack or stack[-1] != name:
                return -1
            stack.pop()
    return deepest
""",
        "wrong": [
            """
def call_log_depth(log):
    depth = deepest = 0
    for line in log:
        if line.startswith("enter"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
            if depth < 0:
                return -1
    return deepest
"""
        ],
    },
    {
        "id": "stack_machine",
        "sig": "def stack_machine(program: list[str]) -> list[int]:",
        "doc": """
            Run a tiny stack program and return the stack (bottom first). Instructions: "push N" (N an
            integer), "pop", "dup" (copy the top), "swap" (exchange the two top values), "add" (replace
            the two top values a (below) and b (top) by a + b), "sub" (by a - b). An instruction that
            needs more values than the stack holds is skipped.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "simulation"],
        "visible": [(["push 2", "push 5", "sub"],), (["push 1", "dup", "add", "pop", "pop"],)],
        "hidden": [
            ([],),
            (["pop", "add", "dup", "swap"],),
            (["push -3"],),
            (["push 1", "push 2", "swap"],),
            (["push 1", "swap", "push 4", "sub"],),
            (["push 10", "push 3", "swap", "sub"],),
            (["push 5", "dup", "dup", "add", "add"],),
            (["push 7", "push 0", "sub", "push 2", "sub"],),
        ],
        "ref": """
def stack_machine(program):
    s = []
    for ins in program:
        op = ins.split()
        if op[0] == "push":
            s.append(int(op[1]))
        elif op[0] == "pop" and s:
            s.pop()
        elif op[0] == "dup" and s:
            s.append(s[-1])
        elif op[0] == "swap" and len(s) >= 2:
            s[-1], s[-2] = s[-2], s[-1]
        elif op[0] in ("add", "sub") and len(s) >= 2:
            b = s.pop()
            a = s.pop()
            s.append(a + b if op[0] == "add" else a - b)
    return s
""",
        "wrong": [
            """
def stack_machine(program):
    s = []
    for ins in program:
        op = ins.split()
        if op[0] == "push":
            s.append(int(op[1]))
        elif op[0] == "pop" and s:
            s.pop()
        elif op[0] == "dup" and s:
            s.append(s[-1])
        elif op[0] == "swap" and len(s) >= 2:
            s[-1], s[-2] = s[-2], s[-1]
        elif op[0] in ("add", "sub") and len(s) >= 2:
            a = s.pop()
            b = s.pop()
            s.append(a + b if op[0] == "add" else a - b)
    return s
"""
        ],
    },
    {
        "id": "round_robin_finish",
        "sig": "def round_robin_finish(jobs: list[int], slice_: int) -> list[int]:",
        "doc": """
            jobs[i] is the work units job i needs. A scheduler takes the job at the front of a queue
            (initially jobs in order), runs it for up to slice_ units, and puts it at the back if it is
            not finished. Return the job positions in the order they finish. Jobs needing 0 units
            finish first, in their order.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "simulation"],
        "visible": [([3, 1, 2], 1), ([5, 2], 3)],
        "hidden": [
            ([], 2),
            ([4], 1),
            ([0, 3, 0], 2),
            ([2, 2, 2], 2),
            ([2, 2, 2], 1),
            ([1, 5, 1, 5], 2),
            ([6, 1, 3], 10),
            ([3, 4, 5], 3),
        ],
        "ref": """
from collections import deque


def round_robin_finish(jobs, slice_):
    done = [i for i, w in enumerate(jobs) if w == 0]
    q = deque((i, w) for i, w in enumerate(jobs) if w > 0)
    while q:
        i, w = q.popleft()
        w -= min(w, slice_)
        if w == 0:
            done.append(i)
        else:
            q.append((i, w))
    return done
""",
        "wrong": [
            """
def round_robin_finish(jobs, slice_):
    return sorted(range(len(jobs)), key=lambda i: (jobs[i], i))
"""
        ],
    },
    {
        "id": "peak_stack_size",
        "sig": "def peak_stack_size(ops: list[str]) -> int:",
        "doc": """
            ops are "push" or "pop" operations on a stack that starts empty; a "pop" on an empty stack
            does nothing. Return the greatest number of items the stack ever holds (0 if it never holds
            any).
        """,
        "difficulty": "easy",
        "tags": ["stacks", "simulation"],
        "visible": [(["push", "push", "pop", "push"],), (["pop", "push"],)],
        "hidden": [
            ([],),
            (["pop"],),
            (["push"],),
            (["pop", "pop", "push", "push"],),
            (["push", "pop", "push", "pop"],),
            (["push", "push", "push", "pop", "pop", "pop", "push"],),
            (["pop", "pop", "pop", "push", "push", "pop", "push", "push"],),
            (["push", "pop", "pop", "push", "push"],),
        ],
        "ref": """
def peak_stack_size(ops):
    size = peak = 0
    for op in ops:
        if op == "push":
            size += 1
        elif size > 0:
            size -= 1
        peak = max(peak, size)
    return peak
""",
        "wrong": [
            """
def peak_stack_size(ops):
    size = peak = 0
    for op in ops:
        size += 1 if op == "push" else -1
        peak = max(peak, size)
    return peak
"""
        ],
    },
    {
        "id": "closing_bracket_at",
        "sig": "def closing_bracket_at(s: str, i: int) -> int:",
        "doc": """
            s[i] is an opening round bracket "(". Return the position of the ")" that closes it, taking
            nested pairs into account, or -1 when it is never closed. Characters other than round
            brackets are ignored.
        """,
        "difficulty": "easy",
        "tags": ["stacks", "strings"],
        "visible": [("(a(b)c)", 0), ("f(x) + g(y)", 8)],
        "hidden": [
            ("()", 0),
            ("((", 1),
            ("((", 0),
            ("(()())", 0),
            ("(()())", 3),
            ("x(y(z)", 1),
            ("(((a)))", 1),
            (")(", 1),
            ("a(b)(c)", 4),
        ],
        "ref": """
def closing_bracket_at(s, i):
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "(":
            depth += 1
        elif s[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return -1
""",
        "wrong": [
            """
def closing_bracket_at(s, i):
    return s.find(")", i)
""",
            """
def closing_bracket_at(s, i):
    depth = 0
    for j in range(i + 1, len(s)):
        if s[j] == "(":
            depth += 1
        elif s[j] == ")":
            if depth == 0:
                return j
            depth -= 1
    return len(s) - 1
""",
        ],
    },
    {
        "id": "page_after_clicks",
        "sig": "def page_after_clicks(events: list[str]) -> str:",
        "doc": """
            A browser starts on the page "home" with an empty history. Any event other than "back" is the
            name of a page to open: the current page is remembered in the history and the new page is
            shown. "back" shows the most recently remembered page again and forgets it; with an empty
            history it does nothing. Return the page shown at the end.
        """,
        "difficulty": "easy",
        "tags": ["stacks", "simulation"],
        "visible": [(["news", "sport", "back"],), (["back"],)],
        "hidden": [
            ([],),
            (["mail"],),
            (["a", "b", "back", "back"],),
            (["a", "b", "c", "back", "back"],),
            (["a", "back", "back", "b"],),
            (["a", "b", "back", "c", "back"],),
            (["a", "a", "back"],),
            (["x", "y", "z", "back", "w", "back", "back"],),
        ],
        "ref": """
def page_after_clicks(events):
    history = []
    page = "home"
    for event in events:
        if event == "back":
            if history:
                page = history.pop()
        else:
            history.append(page)
            page = event
    return page
""",
        "wrong": [
            """
def page_after_clicks(events):
    visited = ["home"]
    for event in events:
        if event == "back":
            if len(visited) > 1:
                visited.append(visited[-2])
        else:
            visited.append(event)
    return visited[-1]
"""
        ],
    },
    {
        "id": "eval_prefix",
        "sig": "def eval_prefix(tokens: list[str]) -> int:",
        "doc": """
            tokens spell a calculation in prefix order: each operator "+", "-" or "*" comes before its
            two operands, so ["-", "10", "3"] is 10 - 3 and ["*", "+", "1", "2", "4"] is (1 + 2) * 4.
            Numbers may be negative, like "-3". Return the value; the tokens always form one complete,
            well-formed calculation.
        """,
        "difficulty": "medium",
        "tags": ["stacks", "parsing"],
        "visible": [(["-", "10", "3"],), (["*", "+", "1", "2", "4"],)],
        "hidden": [
            (["7"],),
            (["-5"],),
            (["+", "-3", "3"],),
            (["-", "3", "10"],),
            (["-", "-", "20", "5", "3"],),
            (["-", "20", "-", "5", "3"],),
            (["*", "-", "2", "6", "-1"],),
            (["+", "*", "2", "3", "*", "4", "5"],),
            (["-", "0", "-4"],),
        ],
        "ref": """
def eval_prefix(tokens):
    stack = []
    for token in reversed(tokens):
        if token in ("+", "-", "*"):
            left = stack.pop()
            right = stack.pop()
            if token == "+":
                stack.append(left + right)
            elif token == "-":
                stack.append(left - right)
            else:
                stack.append(left * right)
        else:
            stack.append(int(token))
    return stack[0]
""",
        "wrong": [
            """
def eval_prefix(tokens):
    stack = []
    for token in reversed(tokens):
        if token in ("+", "-", "*"):
            right = stack.pop()
            left = stack.pop()
            if token == "+":
                stack.append(left + right)
            elif token == "-":
                stack.append(left - right)
            else:
                stack.append(left * right)
        else:
            stack.append(int(token))
    return stack[0]
"""
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
