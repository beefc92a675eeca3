"""Candidate tasks, family 'geometry': plane geometry on points. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "polygon_perimeter",
        "sig": "def polygon_perimeter(vertices: list[list[float]]) -> float:",
        "doc": """
            vertices lists the corners [x, y] of a closed polygon in order. Return the total length of
            its edges, the edge from the last corner back to the first one included. A list with fewer
            than two corners has perimeter 0.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "numbers"],
        "visible": [([[0, 0], [3, 0], [3, 4]],), ([],)],
        "checker": "approx",
        "hidden": [
            ([[2, 2]],),
            ([[0, 0], [1, 0]],),
            ([[0, 0], [2, 0], [2, 2], [0, 2]],),
            ([[0, 0], [0, 5], [12, 5]],),
            ([[1.5, 1.5], [4.5, 1.5], [4.5, 3.0], [1.5, 3.0]],),
            ([[-1, -1], [1, -1], [1, 1], [-1, 1]],),
            ([[0, 0], [1, 1], [2, 0]],),
            ([[0, 0], [4, 0], [4, 3], [0, 3], [0, 1]],),
            ([[10, 10], [13, 14], [13, 10]],),
        ],
        "ref": """
import math


def polygon_perimeter(vertices):
    if len(vertices) < 2:
        return 0.0
    return sum(math.dist(vertices[i - 1], vertices[i]) for i in range(len(vertices)))
""",
        "wrong": [
            """
import math


def polygon_perimeter(vertices):
    return sum(math.dist(vertices[i], vertices[i + 1]) for i in range(len(vertices) - 1))
"""
        ],
    },
    {
        "id": "all_collinear",
        "sig": "def all_collinear(points: list[list[int]]) -> bool:",
        "doc": """
            Return True when all the given points [x, y] lie on one straight line (of any direction,
            vertical included). Fewer than three points always do, and so do points that are all equal;
            a point may appear more than once.
        """,
        "difficulty": "medium",
        "tags": ["geometry", "lists"],
        "visible": [([[0, 0], [1, 1], [3, 3]],), ([[0, 0], [1, 0], [1, 1]],)],
        "hidden": [
            ([],),
            ([[5, 5]],),
            ([[1, 2], [3, 4]],),
            ([[2, 0], [2, 5], [2, -3]],),
            ([[0, 0], [0, 0], [1, 2], [2, 3]],),
            ([[1, 1], [1, 1], [1, 1]],),
            ([[0, 0], [2, 1], [4, 2], [6, 3]],),
            ([[0, 0], [2, 1], [4, 2], [6, 4]],),
            ([[-1, 3], [5, 3], [0, 3]],),
            ([[0, 0], [1, 1], [0, 0], [2, 2]],),
            ([[3, 1], [3, 1], [4, 1], [3, 2]],),
        ],
        "ref": """
def all_collinear(points):
    others = [p for p in points if p != points[0]]
    if not others:
        return True
    (x0, y0), (x1, y1) = points[0], others[0]
    return all((x1 - x0) * (y - y0) == (y1 - y0) * (x - x0) for x, y in points)
""",
        "wrong": [
            """
def all_collinear(points):
    if len(points) < 3:
        return True
    (x0, y0), (x1, y1) = points[0], points[1]
    return all((x1 - x0) * (y - y0) == (y1 - y0) * (x - x0) for x, y in points)
""",
            """
def all_collinear(points):
    if len(points) < 3:
        return True
    slopes = set()
    for x, y in points[1:]:
        if [x, y] != points[0]:
            slopes.add((y - points[0][1]) / (x - points[0][0]))
    return len(slopes) <= 1
""",
        ],
    },
    {
        "id": "squared_gap_to_rect",
        "sig": "def squared_gap_to_rect(p: list[int], rect: list[int]) -> int:",
        "doc": """
            rect is an axis-aligned rectangle [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2. Return the
            squared straight-line distance from the point p = [x, y] to the nearest point of the
            rectangle; it is 0 when p lies inside the rectangle or on its edge.
        """,
        "difficulty": "medium",
        "tags": ["geometry", "numbers"],
        "visible": [([5, 1], [0, 0, 3, 2]), ([1, 1], [0, 0, 3, 2])],
        "hidden": [
            ([4, 4], [0, 0, 3, 2]),
            ([-2, -3], [0, 0, 3, 2]),
            ([1, 6], [0, 0, 3, 2]),
            ([-4, 1], [0, 0, 3, 2]),
            ([3, 2], [0, 0, 3, 2]),
            ([0, 1], [0, 0, 3, 2]),
            ([2, -5], [-1, -1, 5, 5]),
            ([7, 7], [2, 2, 2, 2]),
            ([2, 2], [2, 2, 2, 2]),
            ([10, -10], [-3, -3, 3, 3]),
            ([1, 1], [-10, -10, 10, 10]),
        ],
        "ref": """
def squared_gap_to_rect(p, rect):
    x1, y1, x2, y2 = rect
    dx = max(x1 - p[0], 0, p[0] - x2)
    dy = max(y1 - p[1], 0, p[1] - y2)
    return dx * dx + dy * dy
""",
        "wrong": [
            """
def squared_gap_to_rect(p, rect):
    x1, y1, x2, y2 = rect
    if x1 <= p[0] <= x2 and y1 <= p[1] <= y2:
        return 0
    corners = [(x1, y1), (x1, y2), (x2, y1), (x2, y2)]
    return min((p[0] - x) ** 2 + (p[1] - y) ** 2 for x, y in corners)
""",
            """
def squared_gap_to_rect(p, rect):
    x1, y1, x2, y2 = rect
    dx = min(abs(p[0] - x1), abs(p[0] - x2))
    dy = min(abs(p[1] - y1), abs(p[1] - y2))
    if x1 <= p[0] <= x2 and y1 <= p[1] <= y2:
        return 0
    return dx * dx + dy * dy
""",
        ],
    },
    {
        "id": "points_on_rect_edge",
        "sig": "def points_on_rect_edge(points: list[list[int]], rect: list[int]) -> int:",
        "doc": """
            rect is an axis-aligned rectangle [x1, y1, x2, y2] with x1 < x2 and y1 < y2. Return how many
            of the points [x, y] lie exactly on its outline (one of its four sides, corners included).
            Points strictly inside the rectangle or outside it do not count.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "lists"],
        "visible": [([[0, 1], [1, 1], [2, 0]], [0, 0, 2, 2]), ([], [0, 0, 1, 1])],
        "hidden": [
            ([[5, 0]], [0, 0, 2, 2]),
            ([[0, 7], [-3, 2]], [0, 0, 2, 2]),
            ([[0, 0], [0, 2], [2, 0], [2, 2]], [0, 0, 2, 2]),
            ([[1, 1]], [0, 0, 2, 2]),
            ([[3, 1], [1, 3]], [0, 0, 2, 2]),
            ([[-1, -1], [4, -1], [4, 6], [0, 6], [2, 2]], [-1, -1, 4, 6]),
            ([[1, 0], [1, 0], [1, 0]], [0, 0, 5, 5]),
            ([[0, 2], [5, 2], [6, 2], [-1, 2]], [0, 0, 5, 5]),
            ([[10, 10]], [0, 0, 3, 3]),
            ([[2, 5], [2, 4], [3, 5]], [1, 1, 3, 5]),
        ],
        "ref": """
def points_on_rect_edge(points, rect):
    x1, y1, x2, y2 = rect
    return sum(
        1
        for x, y in points
        if x1 <= x <= x2 and y1 <= y <= y2 and (x in (x1, x2) or y in (y1, y2))
    )
""",
        "wrong": [
            """
def points_on_rect_edge(points, rect):
    x1, y1, x2, y2 = rect
    return sum(1 for x, y in points if x in (x1, x2) or y in (y1, y2))
""",
            """
def points_on_rect_edge(points, rect):
    x1, y1, x2, y2 = rect
    return sum(1 for x, y in points if x1 < x < x2 and y in (y1, y2) or y1 < y < y2 and x in (x1, x2))
""",
        ],
    },
    {
        "id": "shift_to_origin",
        "sig": "def shift_to_origin(points: list[list[int]]) -> list[list[int]]:",
        "doc": """
            Move all the points [x, y] by one and the same offset so that the smallest x among them
            becomes 0 and the smallest y becomes 0; the smallest x and the smallest y may belong to
            different points. Return the moved points in their original order, [] for no points.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "lists"],
        "visible": [([[3, 5], [4, 2]],), ([[-1, -1]],)],
        "hidden": [
            ([],),
            ([[0, 0]],),
            ([[7, 9]],),
            ([[2, 2], [1, 5], [4, 3]],),
            ([[5, 1], [1, 5]],),
            ([[-3, 4], [2, -6], [0, 0]],),
            ([[1, 1], [1, 1]],),
            ([[10, 3], [10, 8], [12, 3]],),
            ([[0, 7], [3, 2], [0, 9]],),
            ([[-5, -5], [-2, -9], [-7, 0]],),
        ],
        "ref": """
def shift_to_origin(points):
    if not points:
        return []
    min_x = min(x for x, _ in points)
    min_y = min(y for _, y in points)
    return [[x - min_x, y - min_y] for x, y in points]
""",
        "wrong": [
            """
def shift_to_origin(points):
    if not points:
        return []
    min_x, min_y = min(points)
    return [[x - min_x, y - min_y] for x, y in points]
""",
            """
def shift_to_origin(points):
    if not points:
        return []
    x0, y0 = points[0]
    return [[x - x0, y - y0] for x, y in points]
""",
        ],
    },
    {
        "id": "is_right_corner",
        "sig": "def is_right_corner(a: list[int], b: list[int], c: list[int]) -> bool:",
        "doc": """
            a, b and c are points [x, y], and a and c both differ from b. Return True when the corner
            at b, between the segment from b to a and the segment from b to c, is a right angle
            (90 degrees). Only the angle at the middle point b matters, not the angles at a or c.
        """,
        "difficulty": "medium",
        "tags": ["geometry", "numbers"],
        "visible": [([0, 3], [0, 0], [4, 0]), ([0, 0], [0, 3], [4, 0])],
        "hidden": [
            ([0, 0], [3, 0], [3, 4]),
            ([3, 0], [0, 0], [0, 4]),
            ([0, 4], [0, 0], [3, 4]),
            ([1, 1], [2, 2], [3, 1]),
            ([0, 0], [2, 2], [4, 4]),
            ([5, 5], [2, 2], [5, 5]),
            ([2, 5], [1, 2], [4, 1]),
            ([4, 1], [1, 2], [2, 5]),
            ([1, 2], [2, 5], [4, 1]),
            ([-3, 2], [0, 0], [2, 3]),
            ([-3, 2], [0, 0], [2, 4]),
        ],
        "ref": """
def is_right_corner(a, b, c):
    return (a[0] - b[0]) * (c[0] - b[0]) + (a[1] - b[1]) * (c[1] - b[1]) == 0
""",
        "wrong": [
            """
def is_right_corner(a, b, c):
    return (b[0] - a[0]) * (c[0] - a[0]) + (b[1] - a[1]) * (c[1] - a[1]) == 0
""",
            """
def is_right_corner(a, b, c):
    def sq(p, q):
        return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2

    sides = sorted([sq(a, b), sq(b, c), sq(a, c)])
    return sides[0] + sides[1] == sides[2]
""",
        ],
    },
    {
        "id": "count_axis_parallel",
        "sig": "def count_axis_parallel(segments: list[list[int]]) -> int:",
        "doc": """
            Each segment is [x1, y1, x2, y2], its two end points. Return how many of the segments are
            horizontal (both ends have the same y) or vertical (both ends have the same x). A segment
            whose two ends are the same point has no direction and is not counted at all.
        """,
        "difficulty": "easy",
        "tags": ["geometry", "lists"],
        "visible": [([[0, 0, 5, 0], [1, 1, 2, 3], [2, 2, 2, 7]],), ([[1, 1, 1, 1]],)],
        "hidden": [
            ([],),
            ([[0, 0, 1, 1]],),
            ([[3, 4, -2, 4]],),
            ([[-1, -5, -1, 5]],),
            ([[0, 0, 0, 0], [0, 0, 0, 1]],),
            ([[2, 2, 2, 2], [3, 3, 3, 3], [4, 5, 6, 7]],),
            ([[0, 0, 3, 0], [0, 0, 0, 3], [0, 0, 3, 3], [3, 3, 3, 3]],),
            ([[5, 1, 1, 1], [1, 5, 1, 1], [1, 1, 5, 5]],),
            ([[7, -2, 9, -2], [7, -2, 7, -2], [8, 8, 9, 9], [0, 4, 0, -4]],),
            ([[1, 2, 3, 4], [4, 3, 2, 1]],),
        ],
        "ref": """
def count_axis_parallel(segments):
    return sum(1 for x1, y1, x2, y2 in segments if (x1 == x2) != (y1 == y2))
""",
        "wrong": [
            """
def count_axis_parallel(segments):
    return sum(1 for x1, y1, x2, y2 in segments if x1 == x2 or y1 == y2)
""",
            """
def count_axis_parallel(segments):
    return sum((x1 == x2) + (y1 == y2) for x1, y1, x2, y2 in segments)
""",
        ],
    },
    {
        "id": "snap_to_grid",
        "sig": "def snap_to_grid(points: list[list[int]], step: int) -> list[list[int]]:",
        "doc": """
            step >= 1. Move each point [x, y] to the nearest grid point, whose coordinates are
            multiples of step, rounding x and y separately. A coordinate exactly halfway between two
            multiples goes to the larger one (towards positive infinity, for negative coordinates
            too). Return the moved points in their original order.
        """,
        "difficulty": "medium",
        "tags": ["geometry", "numbers"],
        "visible": [([[7, 12], [-3, 4]], 5), ([[5, -5]], 10)],
        "hidden": [
            ([], 3),
            ([[3, -4]], 1),
            ([[0, 0]], 10),
            ([[25, -25]], 10),
            ([[-15, 15]], 10),
            ([[3, -3], [-1, 1]], 2),
            ([[4, 6], [-4, -6]], 10),
            ([[14, 16], [-14, -16]], 10),
            ([[2, 3], [-2, -3]], 5),
            ([[100, -250]], 100),
            ([[7, 8]], 3),
        ],
        "ref": """
def snap_to_grid(points, step):
    def snap(v):
        return (2 * v + step) // (2 * step) * step

    return [[snap(x), snap(y)] for x, y in points]
""",
        "wrong": [
            """
def snap_to_grid(points, step):
    return [[round(x / step) * step, round(y / step) * step] for x, y in points]
""",
            """
def snap_to_grid(points, step):
    return [[int(x / step + 0.5) * step, int(y / step + 0.5) * step] for x, y in points]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
