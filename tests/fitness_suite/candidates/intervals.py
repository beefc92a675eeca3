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
    {
        "id": "widen_to_step",
        "sig": "def widen_to_step(spans: list[list[int]], step: int) -> list[list[int]]:",
        "doc": """
            spans are half-open [start, end) ranges with start < end. Widen each one so that both
            ends are whole multiples of step (step >= 1): start moves down to the nearest multiple
            of step at or below it, and end moves up to the nearest multiple at or above it, so an
            end that already is a multiple stays put. Return the widened spans in the given order.
        """,
        "difficulty": "easy",
        "tags": ["intervals", "numbers"],
        "visible": [([[3, 14], [20, 25]], 5), ([[7, 9]], 10)],
        "hidden": [
            ([], 5),
            ([[0, 10]], 5),
            ([[1, 2]], 1),
            ([[5, 6]], 5),
            ([[4, 5]], 5),
            ([[11, 19], [0, 1]], 10),
            ([[-7, -2]], 5),
            ([[-10, 10]], 5),
            ([[-3, 3]], 4),
            ([[15, 30], [31, 44], [60, 61]], 15),
        ],
        "ref": """
def widen_to_step(spans, step):
    return [[start // step * step, -(-end // step) * step] for start, end in spans]
""",
        "wrong": [
            """
def widen_to_step(spans, step):
    return [[start // step * step, (end // step + 1) * step] for start, end in spans]
""",
            """
def widen_to_step(spans, step):
    out = []
    for start, end in spans:
        low = int(start / step) * step
        high = int(end / step) * step
        if high < end:
            high += step
        out.append([low, high])
    return out
""",
        ],
    },
    {
        "id": "on_duty",
        "sig": "def on_duty(shifts: dict[str, list[int]], hour: int) -> list[str]:",
        "doc": """
            shifts maps each guard's name to their shift [start, end): the hours of the day (0 to
            23) from start up to but not including end, with start != end. A shift whose start is
            greater than its end runs past midnight, so [22, 6] covers hours 22, 23 and 0 to 5.
            Return the names of the guards on duty during hour (0 to 23), in alphabetical order.
        """,
        "difficulty": "medium",
        "tags": ["intervals", "dicts"],
        "visible": [
            ({"ann": [8, 16], "bo": [16, 0], "cy": [0, 8]}, 16),
            ({"ann": [22, 6], "bo": [6, 14]}, 3),
        ],
        "hidden": [
            ({}, 12),
            ({"x": [9, 17]}, 9),
            ({"x": [9, 17]}, 17),
            ({"x": [9, 17]}, 8),
            ({"night": [22, 6]}, 22),
            ({"night": [22, 6]}, 0),
            ({"night": [22, 6]}, 6),
            ({"night": [22, 6]}, 12),
            ({"zed": [5, 4], "amy": [23, 1], "kai": [12, 23]}, 23),
            ({"p": [20, 4], "q": [4, 20], "r": [3, 5]}, 4),
            ({"d": [1, 2], "c": [1, 2], "b": [2, 1]}, 1),
        ],
        "ref": """
def on_duty(shifts, hour):
    names = []
    for name, (start, end) in shifts.items():
        if start < end:
            working = start <= hour < end
        else:
            working = hour >= start or hour < end
        if working:
            names.append(name)
    return sorted(names)
""",
        "wrong": [
            """
def on_duty(shifts, hour):
    return sorted(name for name, (start, end) in shifts.items() if start <= hour < end)
""",
            """
def on_duty(shifts, hour):
    names = []
    for name, (start, end) in shifts.items():
        if start < end:
            working = start <= hour <= end
        else:
            working = hour >= start or hour <= end
        if working:
            names.append(name)
    return sorted(names)
""",
        ],
    },
    {
        "id": "split_span",
        "sig": "def split_span(span: list[int], cuts: list[int]) -> list[list[int]]:",
        "doc": """
            span is a half-open range [start, end) with start < end. Cut it at every point of cuts
            that lies strictly inside it (start < point < end); points elsewhere change nothing,
            and a point listed more than once cuts only once. cuts may be in any order. Return the
            pieces as [start, end) ranges from left to right.
        """,
        "difficulty": "easy",
        "tags": ["intervals", "lists"],
        "visible": [([0, 10], [3, 7]), ([5, 8], [])],
        "hidden": [
            ([0, 1], [0, 1]),
            ([0, 10], [7, 3]),
            ([0, 10], [5, 5]),
            ([0, 10], [0, 10, 20, -5]),
            ([0, 10], [9, 1, 5]),
            ([-5, 5], [0]),
            ([2, 4], [3, 3, 3]),
            ([0, 6], [1, 2, 3, 4, 5]),
            ([100, 200], [150, 99, 201, 100]),
            ([1, 9], [8, 2, 8, 2]),
        ],
        "ref": """
def split_span(span, cuts):
    start, end = span
    points = [start] + sorted({p for p in cuts if start < p < end}) + [end]
    return [[a, b] for a, b in zip(points, points[1:])]
""",
        "wrong": [
            """
def split_span(span, cuts):
    start, end = span
    points = [start] + sorted(p for p in cuts if start < p < end) + [end]
    return [[a, b] for a, b in zip(points, points[1:])]
""",
            """
def split_span(span, cuts):
    start, end = span
    points = [start] + [p for p in cuts if start < p < end] + [end]
    return [[a, b] for a, b in zip(points, points[1:]) if a != b]
""",
        ],
    },
    {
        "id": "wait_until_free",
        "sig": "def wait_until_free(busy: list[list[int]], t: int) -> int:",
        "doc": """
            busy holds the half-open [start, end) times at which a machine is in use, in any order.
            They never overlap, but one may begin exactly when another ends. Someone arrives at
            time t and waits until the machine is free. Return how long they wait: 0 when it is
            free at t; otherwise the time until the end of the busy stretch, which carries on
            through every busy time that begins just as the previous one ends.
        """,
        "difficulty": "medium",
        "tags": ["intervals", "lists"],
        "visible": [([[0, 5], [5, 9], [12, 15]], 2), ([[0, 5]], 5)],
        "hidden": [
            ([], 4),
            ([[0, 5]], 0),
            ([[0, 5]], 4),
            ([[0, 5]], -1),
            ([[10, 20], [0, 10]], 0),
            ([[10, 20], [0, 10], [20, 25]], 3),
            ([[0, 5], [6, 9]], 4),
            ([[0, 5], [6, 9]], 5),
            ([[30, 40], [40, 45], [10, 30], [50, 60]], 12),
            ([[3, 4], [4, 5], [5, 6], [6, 7]], 3),
            ([[3, 4], [4, 5], [5, 6], [6, 7]], 7),
        ],
        "ref": """
def wait_until_free(busy, t):
    now = t
    for start, end in sorted(busy):
        if start <= now < end:
            now = end
    return now - t
""",
        "wrong": [
            """
def wait_until_free(busy, t):
    for start, end in busy:
        if start <= t < end:
            return end - t
    return 0
""",
            """
def wait_until_free(busy, t):
    now = t
    for start, end in sorted(busy):
        if start < now < end:
            now = end
    return now - t
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
