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
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
