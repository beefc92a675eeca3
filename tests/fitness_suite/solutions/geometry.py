"""Core suite, family 'geometry': plane geometry on points. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "manhattan_distance",
        "sig": "def manhattan_distance(p: list[int], q: list[int]) -> int:",
        "doc": """
            p and q are points [x, y]. Return the distance between them when moving only along the
            axes (the sum of the absolute differences of the coordinates).
        """,
        "difficulty": "trivial",
        "tags": ["geometry", "numbers"],
        "visible": [([1, 2], [4, 6]), ([0, 0], [0, 0])],
        "hidden": [
            ([4, 6], [1, 2]),
            ([-1, -1], [1, 1]),
            ([0, 5], [0, -5]),
            ([3, 0], [-3, 0]),
            ([10, -2], [7, 9]),
            ([-7, 3], [-2, -8]),
            ([100, 100], [100, 101]),
            ([2, 2], [5, 2]),
        ],
        "ref": """
def manhattan_distance(p, q):
    return abs(p[0] - q[0]) + abs(p[1] - q[1])
""",
        "wrong": [
            """
def manhattan_distance(p, q):
    return abs(p[0] - q[0] + p[1] - q[1])
"""
        ],
    },
    {
        "id": "point_in_rect",
        "sig": "def point_in_rect(p: list[int], corner_a: list[int], corner_b: list[int]) -> bool:",
        "doc": """
            corner_a and corner_b are opposite corners [x, y] of an axis-aligned rectangle, in any order.
            Return True when point p lies inside the rectangle or on its edge.
        """,
        "difficulty": "trivial",
        "tags": ["geometry"],
        "visible": [([1, 1], [0, 0], [2, 2]), ([3, 1], [0, 0], [2, 2])],
        "hidden": [
            ([1, 1], [2, 2], [0, 0]),
            ([0, 2], [2, 0], [0, 2]),
            ([2, 2], [0, 0], [2, 2]),
            ([-1, 0], [0, 0], [2, 2]),
            ([1, 3], [0, 0], [2, 2]),
            ([5, 5], [5, 5], [5, 5]),
            ([-3, -1], [-4, 0], [-2, -2]),
            ([1, 0], [2, 5], [0, 1]),
        ],
        "ref": """
def point_in_rect(p, corner_a, corner_b):
    x0, x1 = sorted((corner_a[0], corner_b[0]))
    y0, y1 = sorted((corner_a[1], corner_b[1]))
    return x0 <= p[0] <= x1 and y0 <= p[1] <= y1
""",
        "wrong": [
            """
def point_in_rect(p, corner_a, corner_b):
    return corner_a[0] <= p[0] <= corner_b[0] and corner_a[1] <= p[1] <= corner_b[1]
"""
        ],
    },
    {
        "id": "bounding_box",
        "sig": "def bounding_box(points: list[list[int]]) -> list[int]:",
        "doc": """
            Return [min_x, min_y, max_x, max_y] of the smallest axis-aligned box containing every point
            [x, y], or [] when there are no points.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "lists"],
        "visible": [([[1, 5], [3, 2], [-1, 4]],), ([],)],
        "hidden": [
            ([[0, 0]],),
            ([[2, 3], [2, 3]],),
            ([[-5, -5], [5, 5]],),
            ([[5, -5], [-5, 5]],),
            ([[1, 1], [1, 9], [1, 4]],),
            ([[3, 7], [8, 7], [5, 7]],),
            ([[-2, 10], [4, -3], [0, 0], [7, 1]],),
            ([[100, -100]],),
        ],
        "ref": """
def bounding_box(points):
    if not points:
        return []
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return [min(xs), min(ys), max(xs), max(ys)]
""",
        "wrong": [
            """
def bounding_box(points):
    if not points:
        return []
    lo = min(points)
    hi = max(points)
    return [lo[0], lo[1], hi[0], hi[1]]
"""
        ],
    },
    {
        "id": "rotate_quarter_turns",
        "sig": "def rotate_quarter_turns(p: list[int], turns: int) -> list[int]:",
        "doc": """
            Rotate point p = [x, y] about the origin by turns quarter turns counter-clockwise (negative
            turns rotate clockwise) and return the new point.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "numbers"],
        "visible": [([1, 0], 1), ([2, 3], 2)],
        "hidden": [
            ([1, 0], 0),
            ([1, 0], 4),
            ([1, 0], -1),
            ([0, 1], 1),
            ([2, 3], 3),
            ([2, 3], -3),
            ([-4, 5], 1),
            ([7, -1], 10),
            ([0, 0], 3),
        ],
        "ref": """
def rotate_quarter_turns(p, turns):
    x, y = p
    for _ in range(turns % 4):
        x, y = -y, x
    return [x, y]
""",
        "wrong": [
            """
def rotate_quarter_turns(p, turns):
    x, y = p
    for _ in range(turns % 4):
        x, y = y, -x
    return [x, y]
"""
        ],
    },
    {
        "id": "points_within",
        "sig": "def points_within(points: list[list[int]], center: list[int], radius: int) -> int:",
        "doc": """
            Return how many of the integer points [x, y] lie inside or on the circle with the given
            center and radius (radius >= 0). Use exact integer arithmetic.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "numbers"],
        "visible": [([[0, 0], [3, 4], [4, 4]], [0, 0], 5), ([[1, 1]], [0, 0], 1)],
        "hidden": [
            ([], [0, 0], 3),
            ([[0, 0]], [0, 0], 0),
            ([[0, 1]], [0, 0], 0),
            ([[5, 0], [0, -5], [-3, -4]], [0, 0], 5),
            ([[6, 0]], [0, 0], 5),
            ([[2, 2], [3, 3]], [1, 1], 2),
            ([[10, 10], [13, 14], [14, 14]], [10, 10], 5),
            ([[-1, 0], [1, 0], [0, 2]], [0, 0], 1),
        ],
        "ref": """
def points_within(points, center, radius):
    cx, cy = center
    return sum(1 for x, y in points if (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius)
""",
        "wrong": [
            """
def points_within(points, center, radius):
    cx, cy = center
    return sum(1 for x, y in points if abs(x - cx) + abs(y - cy) <= radius)
"""
        ],
    },
    {
        "id": "rect_overlap_area",
        "sig": "def rect_overlap_area(a: list[int], b: list[int]) -> int:",
        "doc": """
            a and b are axis-aligned rectangles [x1, y1, x2, y2] with x1 < x2 and y1 < y2. Return the
            area they have in common (0 when they only touch or are apart).
        """,
        "difficulty": "easy",
        "tags": ["geometry", "intervals"],
        "visible": [([0, 0, 4, 4], [2, 2, 6, 6]), ([0, 0, 1, 1], [1, 0, 2, 1])],
        "hidden": [
            ([0, 0, 4, 4], [0, 0, 4, 4]),
            ([0, 0, 10, 10], [2, 3, 4, 5]),
            ([2, 3, 4, 5], [0, 0, 10, 10]),
            ([0, 0, 2, 2], [5, 5, 6, 6]),
            ([0, 0, 2, 2], [1, 5, 3, 6]),
            ([-3, -3, 0, 0], [-1, -5, 4, -2]),
            ([0, 0, 5, 1], [1, -1, 2, 3]),
            ([0, 0, 3, 3], [3, 3, 4, 4]),
        ],
        "ref": """
def rect_overlap_area(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0
""",
        "wrong": [
            """
def rect_overlap_area(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0, w * h)
"""
        ],
    },
    {
        "id": "polygon_area",
        "sig": "def polygon_area(vertices: list[list[float]]) -> float:",
        "doc": """
            vertices lists the corners [x, y] of a simple polygon in order (clockwise or
            counter-clockwise). Return its area (never negative); fewer than three vertices have area 0.
        """,
        "difficulty": "medium",
        "tags": ["geometry", "numbers"],
        "checker": "approx",
        "visible": [([[0, 0], [4, 0], [4, 3]],), ([[0, 0], [1, 0]],)],
        "hidden": [
            ([],),
            ([[0, 0], [2, 0], [2, 2], [0, 2]],),
            ([[0, 0], [0, 2], [2, 2], [2, 0]],),
            ([[0, 0], [4, 0], [4, 4], [2, 1], [0, 4]],),
            ([[1.5, 0], [3, 0], [3, 2.5]],),
            ([[-1, -1], [1, -1], [1, 1], [-1, 1]],),
            ([[0, 0], [1, 1], [2, 2]],),
            ([[0, 0], [10, 0], [10, 1], [1, 1], [1, 10], [0, 10]],),
        ],
        "ref": """
def polygon_area(vertices):
    n = len(vertices)
    if n < 3:
        return 0.0
    s = 0.0
    for i in range(n):
        x1, y1 = vertices[i]
        x2, y2 = vertices[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2
""",
        "wrong": [
            """
def polygon_area(vertices):
    n = len(vertices)
    if n < 3:
        return 0.0
    s = 0.0
    for i in range(n - 1):
        x1, y1 = vertices[i]
        x2, y2 = vertices[i + 1]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2
"""
        ],
    },
    {
        "id": "turn_direction",
        "sig": "def turn_direction(a: list[int], b: list[int], c: list[int]) -> str:",
        "doc": """
            Walking from point a to point b and then on to point c, return "left" when the path turns
            counter-clockwise at b, "right" when it turns clockwise, and "straight" when the three points
            are on one line.
        """,
        "difficulty": "medium",
        "tags": ["geometry"],
        "visible": [([0, 0], [1, 0], [1, 1]), ([0, 0], [1, 1], [2, 2])],
        "hidden": [
            ([0, 0], [1, 0], [1, -1]),
            ([0, 0], [1, 0], [0, 0]),
            ([0, 0], [0, 1], [-1, 1]),
            ([0, 0], [0, 1], [1, 1]),
            ([2, 2], [1, 1], [0, 0]),
            ([-1, 3], [2, 1], [5, 0]),
            ([-1, 3], [2, 1], [5, -2]),
            ([5, 5], [2, 3], [0, 2]),
        ],
        "ref": """
def turn_direction(a, b, c):
    cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
    if cross > 0:
        return "left"
    if cross < 0:
        return "right"
    return "straight"
""",
        "wrong": [
            """
def turn_direction(a, b, c):
    cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
    if cross > 0:
        return "right"
    if cross < 0:
        return "left"
    return "straight"
"""
        ],
    },
    {
        "id": "closest_pair_squared",
        "sig": "def closest_pair_squared(points: list[list[int]]) -> int:",
        "doc": """
            Return the smallest squared distance between two of the given points (two equal points are
            at distance 0), or -1 when there are fewer than two points.
        """,
        "difficulty": "medium",
        "tags": ["geometry", "lists"],
        "visible": [([[0, 0], [3, 4], [1, 1]],), ([[5, 5]],)],
        "hidden": [
            ([],),
            ([[0, 0], [0, 0]],),
            ([[0, 0], [10, 0]],),
            ([[0, 0], [5, 0], [9, 0]],),
            ([[1, 1], [-1, -1], [4, 4], [5, 6]],),
            ([[0, 0], [100, 100], [101, 100], [50, 50]],),
            ([[-3, 2], [2, -3], [0, 0]],),
            ([[7, 1], [1, 7], [4, 4]],),
            ([[0, 0], [1, 10], [2, 0]],),
        ],
        "ref": """
def closest_pair_squared(points):
    best = -1
    for i in range(len(points)):
        for j in range(i + 1, len(points)):
            d = (points[i][0] - points[j][0]) ** 2 + (points[i][1] - points[j][1]) ** 2
            if best < 0 or d < best:
                best = d
    return best
""",
        "wrong": [
            """
def closest_pair_squared(points):
    if len(points) < 2:
        return -1
    pts = sorted(points)
    return min(
        (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 for a, b in zip(pts, pts[1:])
    )
"""
        ],
    },
    {
        "id": "lattice_points_on_segment",
        "sig": "def lattice_points_on_segment(a: list[int], b: list[int]) -> int:",
        "doc": """
            Return how many points with integer coordinates lie on the segment from a to b, both
            end points included.
        """,
        "difficulty": "medium",
        "tags": ["geometry", "numbers"],
        "visible": [([0, 0], [4, 2]), ([1, 1], [1, 1])],
        "hidden": [
            ([0, 0], [1, 0]),
            ([0, 0], [0, 7]),
            ([0, 0], [3, 5]),
            ([0, 0], [6, 9]),
            ([-2, -2], [2, 2]),
            ([5, 0], [-5, 0]),
            ([3, 7], [15, -11]),
            ([0, 0], [12, 18]),
        ],
        "ref": """
from math import gcd


def lattice_points_on_segment(a, b):
    return gcd(abs(b[0] - a[0]), abs(b[1] - a[1])) + 1
""",
        "wrong": [
            """
def lattice_points_on_segment(a, b):
    return max(abs(b[0] - a[0]), abs(b[1] - a[1])) + 1
"""
        ],
    },
    {
        "id": "segments_intersect",
        "sig": "def segments_intersect(p1: list[int], p2: list[int], q1: list[int], q2: list[int]) -> bool:",
        "doc": """
            Return True when the closed segment p1-p2 and the closed segment q1-q2 have at least one point
            in common (touching at an end or overlapping along a line counts).
        """,
        "difficulty": "hard",
        "tags": ["geometry"],
        "visible": [([0, 0], [2, 2], [0, 2], [2, 0]), ([0, 0], [1, 1], [2, 2], [3, 3])],
        "hidden": [
            ([0, 0], [2, 0], [1, 0], [3, 0]),
            ([0, 0], [2, 0], [2, 0], [2, 5]),
            ([0, 0], [2, 0], [3, 0], [4, 0]),
            ([0, 0], [2, 0], [1, 1], [1, 3]),
            ([0, 0], [2, 0], [1, -1], [1, 1]),
            ([0, 0], [4, 4], [1, 2], [2, 3]),
            ([0, 0], [0, 0], [0, 0], [1, 1]),
            ([0, 0], [5, 5], [5, 0], [3, 2]),
            ([0, 0], [5, 5], [5, 0], [3, 3]),
        ],
        "ref": """
def segments_intersect(p1, p2, q1, q2):
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)

    def on(a, b, c):
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])

    o1, o2 = orient(p1, p2, q1), orient(p1, p2, q2)
    o3, o4 = orient(q1, q2, p1), orient(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (
        (o1 == 0 and on(p1, p2, q1))
        or (o2 == 0 and on(p1, p2, q2))
        or (o3 == 0 and on(q1, q2, p1))
        or (o4 == 0 and on(q1, q2, p2))
    )
""",
        "wrong": [
            """
def segments_intersect(p1, p2, q1, q2):
    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = orient(p1, p2, q1), orient(p1, p2, q2)
    d3, d4 = orient(q1, q2, p1), orient(q1, q2, p2)
    return d1 * d2 < 0 and d3 * d4 < 0
"""
        ],
    },
    {
        "id": "hull_vertex_count",
        "sig": "def hull_vertex_count(points: list[list[int]]) -> int:",
        "doc": """
            Return the number of corners of the convex hull of the given points: points lying on a hull
            edge between two corners are not corners, and repeated points count once. One distinct point
            has 1 corner, two distinct points 2, and points all on one line 2.
        """,
        "difficulty": "hard",
        "tags": ["geometry", "sorting"],
        "visible": [([[0, 0], [2, 0], [1, 1], [0, 2], [2, 2]],), ([[0, 0], [1, 1], [2, 2]],)],
        "hidden": [
            ([[3, 3]],),
            ([[3, 3], [3, 3]],),
            ([[0, 0], [1, 0]],),
            ([[0, 0], [4, 0], [2, 3]],),
            ([[0, 0], [1, 0], [2, 0], [2, 2], [0, 2]],),
            ([[0, 0], [2, 0], [2, 2], [0, 2], [1, 1], [1, 0]],),
            ([[0, 0], [5, 1], [6, 4], [3, 7], [-1, 5], [2, 3], [3, 2]],),
            ([[0, 0], [0, 0], [1, 0], [1, 0], [0, 1]],),
        ],
        "ref": """
def hull_vertex_count(points):
    pts = sorted({(p[0], p[1]) for p in points})
    if len(pts) <= 2:
        return len(pts)

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return max(2, len(lower) + len(upper) - 2)
""",
        "wrong": [
            """
def hull_vertex_count(points):
    pts = sorted({(p[0], p[1]) for p in points})
    if len(pts) <= 2:
        return len(pts)

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) < 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) < 0:
            upper.pop()
        upper.append(p)
    return len(lower) + len(upper) - 2
"""
        ],
    },
    {
        "id": "farthest_point",
        "sig": "def farthest_point(points: list[list[int]]) -> list[int]:",
        "doc": """
            points are [x, y] pairs of integers. Return the point farthest from the origin (0, 0) by
            straight-line (Euclidean) distance; on a tie, the one that comes first in the list. Return []
            for an empty list.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "lists"],
        "visible": [([[1, 1], [-3, 0], [2, 2]],), ([[0, 5], [5, 0]],)],
        "hidden": [
            ([],),
            ([[0, 0]],),
            ([[4, 0], [3, 3]],),
            ([[3, 3], [0, 4]],),
            ([[-1, -1], [1, 1]],),
            ([[0, -7], [5, 5], [-6, 2]],),
            ([[1, 2], [2, 1], [-2, -1]],),
            ([[10, 0], [6, 8], [-8, -6]],),
            ([[0, 0], [0, 1]],),
            ([[3, 4], [0, 6]],),
        ],
        "ref": """
def farthest_point(points):
    best = []
    for x, y in points:
        if not best or x * x + y * y > best[0] ** 2 + best[1] ** 2:
            best = [x, y]
    return best
""",
        "wrong": [
            """
def farthest_point(points):
    best = []
    for x, y in points:
        if not best or abs(x) + abs(y) > abs(best[0]) + abs(best[1]):
            best = [x, y]
    return best
""",
            """
def farthest_point(points):
    if not points:
        return []
    return sorted(points, key=lambda p: p[0] ** 2 + p[1] ** 2)[-1]
""",
        ],
    },
    {
        "id": "quadrant_counts",
        "sig": "def quadrant_counts(points: list[list[int]]) -> list[int]:",
        "doc": """
            points are [x, y] pairs. Return [q1, q2, q3, q4], how many points lie in each quadrant:
            quadrant 1 has x > 0 and y > 0, quadrant 2 has x < 0 and y > 0, quadrant 3 has x < 0 and
            y < 0, quadrant 4 has x > 0 and y < 0. A point on an axis (x == 0 or y == 0) is in none.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "lists"],
        "visible": [([[1, 2], [-1, 2], [-3, -3]],), ([[0, 5], [2, -2]],)],
        "hidden": [
            ([],),
            ([[0, 0]],),
            ([[5, 0], [-5, 0], [0, -5]],),
            ([[1, 1], [1, 1], [2, 3]],),
            ([[-1, 1], [-2, 5]],),
            ([[-1, -1], [1, -1], [1, 1], [-1, 1]],),
            ([[3, -4], [0, 1], [-7, -7], [4, 0]],),
            ([[100, -1], [-100, 1]],),
            ([[2, -3], [2, -3], [-1, -9]],),
        ],
        "ref": """
def quadrant_counts(points):
    counts = [0, 0, 0, 0]
    for x, y in points:
        if x > 0 and y > 0:
            counts[0] += 1
        elif x < 0 and y > 0:
            counts[1] += 1
        elif x < 0 and y < 0:
            counts[2] += 1
        elif x > 0 and y < 0:
            counts[3] += 1
    return counts
""",
        "wrong": [
            """
def quadrant_counts(points):
    counts = [0, 0, 0, 0]
    for x, y in points:
        if x >= 0 and y >= 0:
            counts[0] += 1
        elif x < 0 and y >= 0:
            counts[1] += 1
        elif x < 0 and y < 0:
            counts[2] += 1
        else:
            counts[3] += 1
    return counts
""",
            """
def quadrant_counts(points):
    counts = [0, 0, 0, 0]
    for x, y in points:
        if x > 0 and y > 0:
            counts[0] += 1
        elif x < 0 and y > 0:
            counts[1] += 1
        elif x > 0 and y < 0:
            counts[2] += 1
        elif x < 0 and y < 0:
            counts[3] += 1
    return counts
""",
        ],
    },
    {
        "id": "king_distance",
        "sig": "def king_distance(a: list[int], b: list[int]) -> int:",
        "doc": """
            a and b are squares [x, y] of an unbounded board. A chess king moves one step at a time, and
            a step changes x by -1, 0 or 1 and y by -1, 0 or 1 (diagonal steps allowed). Return the
            fewest steps it needs to get from a to b.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "numbers"],
        "visible": [([0, 0], [3, 5]), ([2, 2], [2, 2])],
        "hidden": [
            ([0, 0], [4, 4]),
            ([0, 0], [-4, 1]),
            ([5, 5], [0, 0]),
            ([-3, -3], [3, 3]),
            ([1, 0], [0, 1]),
            ([0, 0], [7, 0]),
            ([10, -2], [10, 9]),
            ([3, 8], [-1, 2]),
        ],
        "ref": """
def king_distance(a, b):
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]))
""",
        "wrong": [
            """
def king_distance(a, b):
    return abs(a[0] - b[0]) + abs(a[1] - b[1])
""",
            """
def king_distance(a, b):
    return max(b[0] - a[0], b[1] - a[1])
""",
        ],
    },
    {
        "id": "rect_inside",
        "sig": "def rect_inside(outer: list[int], inner: list[int]) -> bool:",
        "doc": """
            Rectangles are given as [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2, edges included. Return
            True when inner lies completely within outer. Touching or sharing edges still counts as
            within, so every rectangle lies within itself.
        """,
        "difficulty": "easy",
        "tags": ["geometry"],
        "visible": [([0, 0, 10, 10], [2, 3, 5, 4]), ([0, 0, 5, 5], [3, 3, 6, 4])],
        "hidden": [
            ([0, 0, 5, 5], [0, 0, 5, 5]),
            ([0, 0, 5, 5], [0, 1, 2, 5]),
            ([0, 0, 5, 5], [-1, 1, 2, 2]),
            ([0, 0, 5, 5], [1, 1, 2, 6]),
            ([1, 1, 2, 2], [0, 0, 5, 5]),
            ([-5, -5, 0, 0], [-3, -2, -1, 0]),
            ([0, 0, 4, 4], [2, 2, 2, 2]),
            ([0, 0, 4, 4], [5, 5, 6, 6]),
            ([0, 0, 10, 2], [1, -1, 3, 1]),
        ],
        "ref": """
def rect_inside(outer, inner):
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )
""",
        "wrong": [
            """
def rect_inside(outer, inner):
    return outer[0] < inner[0] and outer[1] < inner[1] and inner[2] < outer[2] and inner[3] < outer[3]
""",
            """
def rect_inside(outer, inner):
    return outer[0] <= inner[0] <= outer[2] and outer[1] <= inner[1] <= outer[3]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
