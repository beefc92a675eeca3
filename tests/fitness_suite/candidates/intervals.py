"""Candidate tasks, family 'intervals': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "first_clash",
        "sig": "def first_clash(bookings: list[list[int]]) -> int:",
        "doc": """
            bookings are half-open [start, end) time ranges with start < end, listed in the order
            they were made. Return the position of the first booking that shares some time with
            any booking made before it, or -1 if no booking does. Bookings that only touch (one
            ends exactly when the other starts) share no time.
        """,
        "difficulty": "easy",
        "tags": ["intervals", "lists"],
        "visible": [([[9, 11], [13, 15], [10, 12]],), ([[1, 3], [3, 5]],)],
        "hidden": [
            ([],),
            ([[0, 5]],),
            ([[0, 10], [2, 3]],),
            ([[2, 3], [0, 10]],),
            ([[5, 8], [1, 5], [8, 9]],),
            ([[0, 4], [10, 14], [20, 24], [13, 21]],),
            ([[1, 2], [1, 2]],),
            ([[0, 3], [5, 7], [6, 8], [2, 4]],),
            ([[10, 20], [0, 10], [20, 30], [15, 16]],),
            ([[0, 100], [50, 60], [70, 80]],),
        ],
        "ref": """
def first_clash(bookings):
    for i, (start, end) in enumerate(bookings):
        for s, e in bookings[:i]:
            if start < e and s < end:
                return i
    return -1
""",
        "wrong": [
            """
def first_clash(bookings):
    for i, (start, end) in enumerate(bookings):
        for s, e in bookings[:i]:
            if start <= e and s <= end:
                return i
    return -1
""",
            """
def first_clash(bookings):
    for i, (start, end) in enumerate(bookings):
        for s, e in bookings[:i]:
            if s <= start < e:
                return i
    return -1
""",
        ],
    },
    {
        "id": "common_window",
        "sig": "def common_window(spans: list[list[int]]) -> list[int]:",
        "doc": """
            spans are half-open [start, end) ranges with start <= end. Return the range
            [start, end) of the times covered by every one of the spans, or [] when no time is
            covered by all of them (and [] when spans is empty).
        """,
        "difficulty": "easy",
        "tags": ["intervals", "lists"],
        "visible": [([[1, 10], [4, 12], [0, 8]],), ([[0, 3], [3, 6]],)],
        "hidden": [
            ([],),
            ([[2, 5]],),
            ([[0, 10], [0, 10]],),
            ([[0, 5], [6, 9]],),
            ([[-5, 5], [-3, 0]],),
            ([[0, 10], [2, 8], [4, 6]],),
            ([[0, 4], [1, 5], [2, 6], [3, 7]],),
            ([[0, 4], [1, 5], [4, 6]],),
            ([[5, 6], [0, 100]],),
            ([[3, 3], [0, 9]],),
        ],
        "ref": """
def common_window(spans):
    if not spans:
        return []
    start = max(s for s, _ in spans)
    end = min(e for _, e in spans)
    return [start, end] if start < end else []
""",
        "wrong": [
            """
def common_window(spans):
    if not spans:
        return []
    start = max(s for s, _ in spans)
    end = min(e for _, e in spans)
    return [start, end] if start <= end else []
""",
            """
def common_window(spans):
    start = max(s for s, _ in spans)
    end = min(e for _, e in spans)
    return [start, end] if start < end else []
""",
        ],
    },
    {
        "id": "seat_ranges_text",
        "sig": "def seat_ranges_text(blocks: list[list[int]]) -> str:",
        "doc": """
            blocks are booked seats as closed ranges [first, last] of seat numbers, first <= last,
            in any order and never overlapping. Write them for a ticket: the blocks in increasing
            order of first, each as "first-last", or as just "first" when the block is a single
            seat, joined by "," with no spaces. Return "" when there are no blocks.
        """,
        "difficulty": "easy",
        "tags": ["intervals", "strings"],
        "visible": [([[1, 3], [5, 5], [8, 10]],), ([[7, 7]],)],
        "hidden": [
            ([],),
            ([[0, 0]],),
            ([[2, 9]],),
            ([[4, 4], [1, 2]],),
            ([[10, 11], [12, 12], [13, 20]],),
            ([[100, 250]],),
            ([[30, 31], [3, 3], [12, 15]],),
            ([[3, 3], [2, 2], [1, 1]],),
            ([[5, 6]],),
        ],
        "ref": """
def seat_ranges_text(blocks):
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in sorted(blocks))
""",
        "wrong": [
            """
def seat_ranges_text(blocks):
    return ",".join(f"{a}-{b}" for a, b in sorted(blocks))
""",
            """
def seat_ranges_text(blocks):
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in blocks)
""",
        ],
    },
    {
        "id": "joint_busy_time",
        "sig": "def joint_busy_time(a: list[list[int]], b: list[list[int]]) -> int:",
        "doc": """
            a and b are the busy times of two people, each a list of half-open [start, end) ranges
            that do not overlap one another within the same list. Return the total length of time
            during which both people are busy.
        """,
        "difficulty": "medium",
        "tags": ["intervals", "lists"],
        "visible": [([[0, 10], [20, 30]], [[5, 25]]), ([[0, 5]], [[5, 9]])],
        "hidden": [
            ([], [[0, 5]]),
            ([[0, 5]], []),
            ([[0, 5]], [[0, 5]]),
            ([[1, 4]], [[0, 10]]),
            ([[0, 2], [4, 6], [8, 10]], [[1, 9]]),
            ([[0, 3], [10, 13]], [[3, 10]]),
            ([[0, 100]], [[10, 20], [30, 40], [90, 110]]),
            ([[5, 7], [1, 3]], [[2, 6]]),
            ([[0, 1], [2, 3]], [[0, 1], [2, 3]]),
            ([[-10, -5]], [[-7, 0]]),
        ],
        "ref": """
def joint_busy_time(a, b):
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
""",
        "wrong": [
            """
def joint_busy_time(a, b):
    return sum(min(e1, e2) - max(s1, s2) for s1, e1 in a for s2, e2 in b)
""",
            """
def joint_busy_time(a, b):
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            if s1 <= s2 < e1:
                total += min(e1, e2) - s2
    return total
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
