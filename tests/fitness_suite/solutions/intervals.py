"""Core suite, family 'intervals': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "total_booked_minutes",
        "sig": "def total_booked_minutes(bookings: list[list[int]]) -> int:",
        "doc": """
            Each booking is [start, end), in minutes, with start <= end; bookings never overlap.
            Return the total number of booked minutes.
        """,
        "difficulty": "trivial",
        "tags": ["intervals", "lists"],
        "visible": [([[0, 30], [60, 90]],), ([[5, 6]],)],
        "hidden": [
            ([],),
            ([[10, 10]],),
            ([[0, 1]],),
            ([[0, 1440]],),
            ([[100, 200], [0, 50], [300, 301]],),
            ([[-20, -10]],),
            ([[7, 8], [8, 9], [9, 10]],),
            ([[3, 3], [4, 4]],),
        ],
        "ref": """
def total_booked_minutes(bookings):
    return sum(end - start for start, end in bookings)
""",
        "wrong": [
            """
def total_booked_minutes(bookings):
    return sum(end - start + 1 for start, end in bookings)
"""
        ],
    },
    {
        "id": "covering_count",
        "sig": "def covering_count(ranges: list[list[int]], x: int) -> int:",
        "doc": """
            Each range is [lo, hi] and includes both ends. Return how many ranges contain x.
        """,
        "difficulty": "trivial",
        "tags": ["intervals", "lists"],
        "visible": [([[1, 5], [4, 9], [10, 12]], 4), ([[0, 2]], 7)],
        "hidden": [
            ([], 0),
            ([[1, 5]], 1),
            ([[1, 5]], 5),
            ([[1, 5]], 6),
            ([[3, 3]], 3),
            ([[-5, -1], [-3, 0]], -2),
            ([[0, 10], [0, 10], [0, 10]], 10),
            ([[2, 4], [6, 8]], 5),
        ],
        "ref": """
def covering_count(ranges, x):
    return sum(1 for lo, hi in ranges if lo <= x <= hi)
""",
        "wrong": [
            """
def covering_count(ranges, x):
    return sum(1 for lo, hi in ranges if lo <= x < hi)
"""
        ],
    },
    {
        "id": "shared_span",
        "sig": "def shared_span(a: list[int], b: list[int]) -> int:",
        "doc": """
            a and b are half-open spans [start, end) with start <= end. Return the length of the part
            they share, 0 when they do not overlap.
        """,
        "difficulty": "easy",
        "tags": ["intervals", "numbers"],
        "visible": [([0, 10], [5, 20]), ([0, 3], [3, 6])],
        "hidden": [
            ([0, 3], [5, 9]),
            ([5, 9], [0, 3]),
            ([0, 100], [10, 20]),
            ([10, 20], [0, 100]),
            ([4, 4], [0, 10]),
            ([-10, -2], [-5, 5]),
            ([1, 2], [1, 2]),
            ([0, 5], [5, 5]),
            ([3, 8], [1, 4]),
        ],
        "ref": """
def shared_span(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
""",
        "wrong": [
            """
def shared_span(a, b):
    return min(a[1], b[1]) - max(a[0], b[0])
"""
        ],
    },
    {
        "id": "uncovered_points",
        "sig": "def uncovered_points(ranges: list[list[int]], lo: int, hi: int) -> list[int]:",
        "doc": """
            Each range is [a, b] and includes both ends. Return, in increasing order, the integers in
            lo..hi (both included) that no range contains.
        """,
        "difficulty": "easy",
        "tags": ["intervals", "lists"],
        "visible": [([[2, 4], [7, 8]], 1, 9), ([[0, 5]], 0, 5)],
        "hidden": [
            ([], 3, 5),
            ([[1, 1]], 1, 1),
            ([[1, 1]], 0, 2),
            ([[5, 10]], 0, 4),
            ([[-3, -1], [1, 3]], -4, 4),
            ([[2, 6], [4, 9]], 1, 10),
            ([[10, 20]], 12, 15),
            ([[0, 0], [2, 2], [4, 4]], 0, 5),
        ],
        "ref": """
def uncovered_points(ranges, lo, hi):
    return [x for x in range(lo, hi + 1) if not any(a <= x <= b for a, b in ranges)]
""",
        "wrong": [
            """
def uncovered_points(ranges, lo, hi):
    return [x for x in range(lo, hi + 1) if not any(a <= x < b for a, b in ranges)]
"""
        ],
    },
    {
        "id": "clip_to_window",
        "sig": "def clip_to_window(spans: list[list[int]], lo: int, hi: int) -> list[list[int]]:",
        "doc": """
            Cut every half-open span [start, end) down to the window [lo, hi). Keep the spans' order and
            drop those that become empty (start >= end after clipping).
        """,
        "difficulty": "easy",
        "tags": ["intervals", "lists"],
        "visible": [([[0, 5], [8, 12], [20, 30]], 3, 10), ([[1, 2]], 5, 9)],
        "hidden": [
            ([], 0, 10),
            ([[0, 10]], 0, 10),
            ([[0, 10]], 2, 3),
            ([[5, 5]], 0, 10),
            ([[0, 3], [3, 6]], 3, 6),
            ([[-5, 5]], -2, 0),
            ([[9, 20], [1, 4]], 0, 10),
            ([[0, 4]], 4, 8),
            ([[6, 9], [2, 7]], 5, 8),
        ],
        "ref": """
def clip_to_window(spans, lo, hi):
    out = []
    for start, end in spans:
        s, e = max(start, lo), min(end, hi)
        if s < e:
            out.append([s, e])
    return out
""",
        "wrong": [
            """
def clip_to_window(spans, lo, hi):
    out = []
    for start, end in spans:
        s, e = max(start, lo), min(end, hi)
        if s <= e:
            out.append([s, e])
    return out
"""
        ],
    },
    {
        "id": "clashing_pairs",
        "sig": "def clashing_pairs(slots: list[list[int]]) -> list[list[int]]:",
        "doc": """
            slots are half-open [start, end) time slots. Two slots clash when they share some time
            (touching ends do not clash). Return every clashing pair of positions [i, j] with i < j,
            sorted.
        """,
        "difficulty": "easy",
        "tags": ["intervals", "lists"],
        "visible": [([[0, 10], [5, 15], [10, 20]],), ([[1, 2], [3, 4]],)],
        "hidden": [
            ([],),
            ([[0, 5]],),
            ([[0, 5], [0, 5]],),
            ([[0, 5], [5, 9]],),
            ([[10, 20], [0, 30], [15, 16]],),
            ([[0, 1], [1, 2], [2, 3], [0, 3]],),
            ([[4, 8], [1, 5], [7, 9]],),
            ([[0, 2], [3, 5], [6, 8]],),
        ],
        "ref": """
def clashing_pairs(slots):
    out = []
    for i in range(len(slots)):
        for j in range(i + 1, len(slots)):
            if max(slots[i][0], slots[j][0]) < min(slots[i][1], slots[j][1]):
                out.append([i, j])
    return out
""",
        "wrong": [
            """
def clashing_pairs(slots):
    out = []
    for i in range(len(slots)):
        for j in range(i + 1, len(slots)):
            if max(slots[i][0], slots[j][0]) <= min(slots[i][1], slots[j][1]):
                out.append([i, j])
    return out
"""
        ],
    },
    {
        "id": "covered_length",
        "sig": "def covered_length(spans: list[list[int]]) -> int:",
        "doc": """
            spans are half-open [start, end) spans, in any order, possibly overlapping. Return the length
            of the number line covered by at least one span (overlaps count once).
        """,
        "difficulty": "medium",
        "tags": ["intervals", "sorting"],
        "visible": [([[1, 4], [2, 6], [8, 9]],), ([[0, 2], [2, 3]],)],
        "hidden": [
            ([],),
            ([[5, 5]],),
            ([[0, 10], [2, 3]],),
            ([[8, 9], [1, 4], [2, 6]],),
            ([[0, 1], [0, 1], [0, 1]],),
            ([[-5, 0], [-3, 2]],),
            ([[10, 20], [0, 5], [4, 11]],),
            ([[0, 3], [5, 7], [6, 10], [1, 2]],),
        ],
        "ref": """
def covered_length(spans):
    total = 0
    cur_s = cur_e = None
    for s, e in sorted(spans):
        if s >= e:
            continue
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None:
        total += cur_e - cur_s
    return total
""",
        "wrong": [
            """
def covered_length(spans):
    total = 0
    prev_end = None
    for s, e in spans:
        if prev_end is not None and s < prev_end:
            s = prev_end
        total += max(0, e - s)
        prev_end = e if prev_end is None else max(prev_end, e)
    return total
"""
        ],
    },
    {
        "id": "free_slots",
        "sig": "def free_slots(busy: list[list[int]], day_start: int, day_end: int) -> list[list[int]]:",
        "doc": """
            busy holds half-open [start, end) meetings inside the day [day_start, day_end), in any order
            and possibly overlapping. Return the free gaps of the day as sorted [start, end) pairs, leaving
            out empty gaps.
        """,
        "difficulty": "medium",
        "tags": ["intervals", "sorting"],
        "visible": [([[9, 10], [12, 13]], 8, 17), ([[8, 17]], 8, 17)],
        "hidden": [
            ([], 8, 17),
            ([[8, 9]], 8, 17),
            ([[16, 17]], 8, 17),
            ([[10, 12], [11, 14]], 8, 17),
            ([[13, 14], [9, 10]], 8, 17),
            ([[9, 10], [10, 11]], 8, 17),
            ([[0, 5], [2, 3]], 0, 10),
            ([[3, 4], [1, 2], [5, 6]], 0, 6),
        ],
        "ref": """
def free_slots(busy, day_start, day_end):
    out = []
    t = day_start
    for s, e in sorted(busy):
        if s > t:
            out.append([t, s])
        t = max(t, e)
    if t < day_end:
        out.append([t, day_end])
    return out
""",
        "wrong": [
            """
def free_slots(busy, day_start, day_end):
    out = []
    t = day_start
    for s, e in sorted(busy):
        if s > t:
            out.append([t, s])
        t = e
    if t < day_end:
        out.append([t, day_end])
    return out
"""
        ],
    },
    {
        "id": "peak_concurrency",
        "sig": "def peak_concurrency(sessions: list[list[int]]) -> int:",
        "doc": """
            sessions are half-open [login, logout) times. Return the largest number of sessions open at the
            same moment. A session that ends at t and one that starts at t are never open together.
        """,
        "difficulty": "medium",
        "tags": ["intervals", "sorting"],
        "visible": [([[1, 5], [2, 6], [4, 8]],), ([[1, 2], [2, 3]],)],
        "hidden": [
            ([],),
            ([[0, 10]],),
            ([[0, 10], [0, 10]],),
            ([[0, 5], [5, 10], [10, 15]],),
            ([[0, 3], [1, 2], [1, 2], [2, 3]],),
            ([[5, 9], [1, 3], [2, 6], [8, 10]],),
            ([[3, 3], [3, 4]],),
            ([[0, 100], [10, 20], [20, 30], [25, 26]],),
        ],
        "ref": """
def peak_concurrency(sessions):
    events = []
    for s, e in sessions:
        if s < e:
            events.append((s, 1))
            events.append((e, -1))
    best = cur = 0
    for _, d in sorted(events):
        cur += d
        best = max(best, cur)
    return best
""",
        "wrong": [
            """
def peak_concurrency(sessions):
    events = []
    for s, e in sessions:
        events.append((s, -1))
        events.append((e, 1))
    best = cur = 0
    for _, d in sorted(events):
        cur -= d
        best = max(best, cur)
    return best
"""
        ],
    },
    {
        "id": "earliest_slot",
        "sig": "def earliest_slot(busy: list[list[int]], duration: int, lo: int, hi: int) -> int:",
        "doc": """
            busy holds half-open [start, end) appointments (any order, may overlap). Return the earliest
            start t with lo <= t and t + duration <= hi such that [t, t + duration) overlaps no
            appointment, or -1 when there is none. duration is at least 1.
        """,
        "difficulty": "medium",
        "tags": ["intervals", "sorting"],
        "visible": [([[9, 11], [12, 13]], 1, 9, 17), ([[9, 17]], 1, 9, 17)],
        "hidden": [
            ([], 3, 0, 3),
            ([], 4, 0, 3),
            ([[0, 2]], 2, 0, 4),
            ([[0, 2]], 3, 0, 4),
            ([[2, 4], [5, 8]], 2, 0, 10),
            ([[0, 1], [3, 5]], 2, 0, 10),
            ([[4, 6], [0, 3]], 1, 0, 10),
            ([[5, 9], [1, 6]], 3, 0, 12),
            ([[10, 20]], 5, 12, 30),
        ],
        "ref": """
def earliest_slot(busy, duration, lo, hi):
    t = lo
    for s, e in sorted(busy):
        if e <= t:
            continue
        if s >= t + duration:
            break
        t = max(t, e)
    return t if t + duration <= hi else -1
""",
        "wrong": [
            """
def earliest_slot(busy, duration, lo, hi):
    t = lo
    for s, e in sorted(busy):
        if e < t:
            continue
        if s > t + duration:
            break
        t = max(t, e + 1)
    return t if t + duration <= hi else -1
"""
        ],
    },
    {
        "id": "cut_out_span",
        "sig": "def cut_out_span(spans: list[list[int]], cut: list[int]) -> list[list[int]]:",
        "doc": """
            Remove the half-open span cut = [a, b) from every half-open span [start, end) in spans.
            A span may lose a piece at either end, vanish, or split in two. Return the remaining
            non-empty pieces sorted by start.
        """,
        "difficulty": "medium",
        "tags": ["intervals", "lists"],
        "visible": [([[0, 10]], [3, 5]), ([[0, 4], [6, 9]], [2, 7])],
        "hidden": [
            ([], [0, 1]),
            ([[0, 10]], [0, 10]),
            ([[0, 10]], [0, 3]),
            ([[0, 10]], [8, 12]),
            ([[0, 10]], [10, 12]),
            ([[5, 9], [0, 3]], [1, 2]),
            ([[0, 10]], [4, 4]),
            ([[2, 3], [4, 6]], [0, 20]),
            ([[0, 5], [5, 10]], [4, 6]),
        ],
        "ref": """
def cut_out_span(spans, cut):
    a, b = cut
    out = []
    for s, e in spans:
        if a >= b or e <= a or s >= b:
            out.append([s, e])
            continue
        if s < a:
            out.append([s, a])
        if b < e:
            out.append([b, e])
    return sorted(p for p in out if p[0] < p[1])
""",
        "wrong": [
            """
def cut_out_span(spans, cut):
    a, b = cut
    out = []
    for s, e in spans:
        if e <= a or s >= b:
            out.append([s, e])
        elif s < a:
            out.append([s, a])
        elif b < e:
            out.append([b, e])
    return sorted(out)
"""
        ],
    },
    {
        "id": "assign_rooms",
        "sig": "def assign_rooms(meetings: list[list[int]]) -> list[int]:",
        "doc": """
            meetings are half-open [start, end) times. Going through the meetings by start time (ties: the
            one listed first goes first), give each the lowest-numbered room (0, 1, 2, ...) that is free
            at its start; a room is free again at the end time of its meeting. Return the room number of
            each meeting, in the order the meetings were given.
        """,
        "difficulty": "hard",
        "tags": ["intervals", "greedy"],
        "visible": [([[0, 30], [5, 10], [15, 20]],), ([[10, 20], [0, 10]],)],
        "hidden": [
            ([],),
            ([[0, 5]],),
            ([[0, 5], [0, 5], [0, 5]],),
            ([[0, 5], [5, 10], [10, 15]],),
            ([[5, 10], [0, 6], [6, 8]],),
            ([[0, 10], [1, 3], [2, 4], [3, 5]],),
            ([[0, 4], [1, 9], [4, 6], [5, 7]],),
            ([[3, 4], [0, 10], [0, 2], [2, 3]],),
            ([[0, 2], [0, 3], [2, 5], [1, 4]],),
        ],
        "ref": """
def assign_rooms(meetings):
    order = sorted(range(len(meetings)), key=lambda i: (meetings[i][0], i))
    free_at = []
    rooms = [0] * len(meetings)
    for i in order:
        s, e = meetings[i]
        for r, t in enumerate(free_at):
            if t <= s:
                free_at[r] = e
                rooms[i] = r
                break
        else:
            free_at.append(e)
            rooms[i] = len(free_at) - 1
    return rooms
""",
        "wrong": [
            """
def assign_rooms(meetings):
    free_at = []
    rooms = []
    for s, e in meetings:
        for r, t in enumerate(free_at):
            if t <= s:
                free_at[r] = e
                rooms.append(r)
                break
        else:
            free_at.append(e)
            rooms.append(len(free_at) - 1)
    return rooms
"""
        ],
    },
    {
        "id": "coverage_levels",
        "sig": "def coverage_levels(spans: list[list[int]]) -> list[list[int]]:",
        "doc": """
            spans are half-open [start, end) spans. Split the covered part of the number line into maximal
            pieces over which the number of covering spans stays the same. Return [start, end, count]
            for each piece with count >= 1, sorted by start; two neighbouring pieces with the same count
            are one piece.
        """,
        "difficulty": "hard",
        "tags": ["intervals", "sorting"],
        "visible": [([[0, 4], [2, 6]],), ([[0, 2], [2, 5]],)],
        "hidden": [
            ([],),
            ([[1, 1]],),
            ([[0, 3]],),
            ([[0, 3], [0, 3]],),
            ([[0, 2], [4, 6]],),
            ([[0, 10], [2, 4], [4, 6]],),
            ([[0, 5], [1, 2], [3, 4]],),
            ([[5, 8], [0, 6], [7, 9]],),
            ([[0, 4], [0, 2], [2, 4]],),
        ],
        "ref": """
def coverage_levels(spans):
    points = sorted({p for s, e in spans if s < e for p in (s, e)})
    out = []
    for a, b in zip(points, points[1:]):
        c = sum(1 for s, e in spans if s <= a and b <= e)
        if c == 0:
            continue
        if out and out[-1][1] == a and out[-1][2] == c:
            out[-1][1] = b
        else:
            out.append([a, b, c])
    return out
""",
        "wrong": [
            """
def coverage_levels(spans):
    points = sorted({p for s, e in spans for p in (s, e)})
    out = []
    for a, b in zip(points, points[1:]):
        c = sum(1 for s, e in spans if s <= a and b <= e)
        if c:
            out.append([a, b, c])
    return out
"""
        ],
    },
    {
        "id": "longest_span",
        "sig": "def longest_span(spans: list[list[int]]) -> list[int]:",
        "doc": """
            spans are [start, end] pairs with start <= end; the length of a span is end - start. Return
            the longest span. When several are equally long, return the first of them in the list.
            Return [] for an empty list.
        """,
        "difficulty": "easy",
        "tags": ["intervals", "lists"],
        "visible": [([[0, 3], [5, 10], [2, 4]],), ([[1, 2], [7, 8]],)],
        "hidden": [
            ([],),
            ([[4, 4]],),
            ([[0, 0], [3, 3]],),
            ([[-10, -2], [0, 8]],),
            ([[1, 5], [0, 1], [10, 14]],),
            ([[5, 6], [0, 100], [-50, 50]],),
            ([[2, 3], [3, 9], [9, 10]],),
            ([[-3, 3]],),
            ([[0, 2], [1, 4], [6, 9]],),
        ],
        "ref": """
def longest_span(spans):
    best = []
    for span in spans:
        if not best or span[1] - span[0] > best[1] - best[0]:
            best = span
    return best
""",
        "wrong": [
            """
def longest_span(spans):
    if not spans:
        return []
    return sorted(spans, key=lambda s: s[1] - s[0])[-1]
""",
            """
def longest_span(spans):
    return max(spans, key=lambda s: s[1] - s[0]) if spans else None
""",
        ],
    },
    {
        "id": "gap_between",
        "sig": "def gap_between(a: list[int], b: list[int]) -> int:",
        "doc": """
            a and b are half-open spans [start, end) with start < end; either may lie to the left of the
            other. Return how far apart they are: the distance from the end of the left span to the start
            of the right one, or 0 when they overlap or touch.
        """,
        "difficulty": "easy",
        "tags": ["intervals", "numbers"],
        "visible": [([0, 5], [8, 10]), ([0, 5], [3, 9])],
        "hidden": [
            ([8, 10], [0, 5]),
            ([0, 5], [5, 7]),
            ([5, 7], [0, 5]),
            ([0, 10], [2, 3]),
            ([2, 3], [0, 10]),
            ([-10, -5], [5, 10]),
            ([1, 2], [1, 2]),
            ([100, 101], [0, 1]),
        ],
        "ref": """
def gap_between(a, b):
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))
""",
        "wrong": [
            """
def gap_between(a, b):
    return max(0, b[0] - a[1])
""",
            """
def gap_between(a, b):
    return max(a[0], b[0]) - min(a[1], b[1])
""",
        ],
    },
    {
        "id": "nested_count",
        "sig": "def nested_count(ranges: list[list[int]]) -> int:",
        "doc": """
            ranges are closed ranges [lo, hi] with lo <= hi. Count the ranges that lie inside some other
            range of the list, where [a, b] lies inside [c, d] when c <= a and b <= d (shared ends are
            allowed). A range is never compared with itself, but two equal ranges each lie inside the
            other, so both count.
        """,
        "difficulty": "medium",
        "tags": ["intervals", "lists"],
        "visible": [([[1, 10], [2, 3], [5, 12]],), ([[0, 4], [0, 4]],)],
        "hidden": [
            ([],),
            ([[1, 2]],),
            ([[1, 5], [1, 3]],),
            ([[1, 5], [3, 5]],),
            ([[0, 1], [2, 3], [4, 5]],),
            ([[0, 100], [10, 20], [12, 15], [50, 60]],),
            ([[3, 3], [3, 3], [3, 3]],),
            ([[0, 5], [4, 9], [5, 5]],),
            ([[-5, 5], [-6, 0], [0, 6]],),
        ],
        "ref": """
def nested_count(ranges):
    count = 0
    for i, (a, b) in enumerate(ranges):
        if any(c <= a and b <= d for j, (c, d) in enumerate(ranges) if j != i):
            count += 1
    return count
""",
        "wrong": [
            """
def nested_count(ranges):
    count = 0
    for i, (a, b) in enumerate(ranges):
        if any(c < a and b < d for j, (c, d) in enumerate(ranges) if j != i):
            count += 1
    return count
""",
            """
def nested_count(ranges):
    count = 0
    for a, b in ranges:
        if any(c <= a and b <= d and [c, d] != [a, b] for c, d in ranges):
            count += 1
    return count
""",
        ],
    },
    {
        "id": "widest_gap",
        "sig": "def widest_gap(spans: list[list[int]]) -> int:",
        "doc": """
            spans are half-open [start, end) spans with start < end, in any order and possibly
            overlapping. Between the smallest start and the largest end, return the length of the
            longest stretch that no span covers: 0 when there is no such stretch, and 0 for fewer than
            two spans.
        """,
        "difficulty": "medium",
        "tags": ["intervals", "sorting"],
        "visible": [([[0, 3], [10, 12], [5, 6]],), ([[0, 5], [5, 9]],)],
        "hidden": [
            ([],),
            ([[2, 7]],),
            ([[0, 10], [2, 3], [12, 13]],),
            ([[20, 25], [0, 1]],),
            ([[0, 4], [1, 2], [3, 8]],),
            ([[-10, -5], [-3, 0], [4, 6]],),
            ([[0, 100], [10, 20], [30, 40], [101, 102]],),
            ([[5, 6], [5, 6], [9, 10]],),
            ([[1, 3], [2, 4], [3, 5]],),
        ],
        "ref": """
def widest_gap(spans):
    best = 0
    reach = None
    for start, end in sorted(spans):
        if reach is not None and start > reach:
            best = max(best, start - reach)
        reach = end if reach is None else max(reach, end)
    return best
""",
        "wrong": [
            """
def widest_gap(spans):
    ordered = sorted(spans)
    best = 0
    for (s1, e1), (s2, e2) in zip(ordered, ordered[1:]):
        best = max(best, s2 - e1)
    return best
""",
            """
def widest_gap(spans):
    best = 0
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        best = max(best, s2 - e1)
    return best
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
