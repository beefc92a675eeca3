"""Candidate tasks, family 'grids': matrices and grids. Specs, reference solutions and plausible wrong ones."""

TASKS = [
    {
        "id": "column_heights",
        "sig": "def column_heights(grid: list[str]) -> list[int]:",
        "doc": """
            grid is a list of equal-length strings of "#" and ".", row 0 at the top. For every column,
            left to right, return its height: the number of rows from the column's highest "#" down to
            the bottom row, both included, or 0 when the column has no "#". An empty grid gives [].
        """,
        "difficulty": "easy",
        "tags": ["grids", "lists"],
        "visible": [(["..#", "#.#", "###"],), ([".#.", "...", "##."],)],
        "hidden": [
            ([],),
            (["#"],),
            (["."],),
            (["#..", "...", "..."],),
            (["....", "...."],),
            (["#", ".", ".", "#"],),
            (["..#.", "....", ".#..", "#..."],),
            (["###", "###"],),
            (["#.#.#", ".....", "....."],),
            ([".", "#", "."],),
        ],
        "ref": """
def column_heights(grid):
    if not grid:
        return []
    heights = []
    for c in range(len(grid[0])):
        rows = [r for r in range(len(grid)) if grid[r][c] == "#"]
        heights.append(len(grid) - rows[0] if rows else 0)
    return heights
""",
        "wrong": [
            """
def column_heights(grid):
    if not grid:
        return []
    return [sum(row[c] == "#" for row in grid) for c in range(len(grid[0]))]
""",
            """
def column_heights(grid):
    if not grid:
        return []
    heights = []
    for c in range(len(grid[0])):
        rows = [r for r in range(len(grid)) if grid[r][c] == "#"]
        heights.append(len(grid) - rows[-1] if rows else 0)
    return heights
""",
        ],
    },
    {
        "id": "equal_adjacent_pairs",
        "sig": "def equal_adjacent_pairs(grid: list[list[int]]) -> int:",
        "doc": """
            grid is a rectangular list of rows. Count the pairs of cells that touch side by side (one
            directly right of the other, or one directly below the other) and hold equal values. Each
            pair counts once, and cells that only meet at a corner (diagonally) do not touch. An empty
            grid has 0 pairs.
        """,
        "difficulty": "easy",
        "tags": ["grids", "numbers"],
        "visible": [([[1, 1], [2, 1]],), ([[5, 5, 5]],)],
        "hidden": [
            ([],),
            ([[7]],),
            ([[1], [1], [1]],),
            ([[0, 0], [0, 0]],),
            ([[1, 2], [3, 4]],),
            ([[1, 2], [2, 1]],),
            ([[3, 3, 4], [3, 4, 4], [5, 4, 4]],),
            ([[1, 2, 1, 2]],),
            ([[9, 9], [9, 9], [9, 9]],),
            ([[1, 2, 3], [4, 1, 6], [7, 8, 1]],),
        ],
        "ref": """
def equal_adjacent_pairs(grid):
    count = 0
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if c + 1 < len(row) and row[c + 1] == value:
                count += 1
            if r + 1 < len(grid) and grid[r + 1][c] == value:
                count += 1
    return count
""",
        "wrong": [
            """
def equal_adjacent_pairs(grid):
    count = 0
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < len(grid) and 0 <= cc < len(row) and grid[rr][cc] == value:
                    count += 1
    return count
""",
            """
def equal_adjacent_pairs(grid):
    count = 0
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < len(grid) and 0 <= cc < len(row) and grid[rr][cc] == value:
                    count += 1
    return count
""",
        ],
    },
    {
        "id": "enlarge_picture",
        "sig": "def enlarge_picture(picture: list[str], k: int) -> list[str]:",
        "doc": """
            picture is a list of equal-length strings. Scale it up by the whole factor k (k >= 1): every
            character becomes a k by k block of that character, so the result has k times as many rows
            and each row is k times as long.
        """,
        "difficulty": "easy",
        "tags": ["grids", "strings"],
        "visible": [(["ab"], 2), (["x.", ".x"], 3)],
        "hidden": [
            ([], 3),
            (["a"], 1),
            (["a"], 4),
            (["abc"], 2),
            (["a", "b", "c"], 2),
            (["#.#"], 3),
            (["..", ".."], 2),
            (["ab", "cd"], 1),
            (["xy", "zw"], 2),
            (["#..#"], 2),
        ],
        "ref": """
def enlarge_picture(picture, k):
    return ["".join(ch * k for ch in row) for row in picture for _ in range(k)]
""",
        "wrong": [
            """
def enlarge_picture(picture, k):
    return [row * k for row in picture for _ in range(k)]
""",
            """
def enlarge_picture(picture, k):
    return ["".join(ch * k for ch in row) for row in picture]
""",
        ],
    },
    {
        "id": "first_blank_column",
        "sig": "def first_blank_column(picture: list[str]) -> int:",
        "doc": """
            picture is a list of equal-length strings in which "." is an empty cell. Return the index of
            the leftmost column whose cells are all ".", or -1 when every column holds some other
            character. An empty picture has no columns, so it gives -1.
        """,
        "difficulty": "easy",
        "tags": ["grids", "strings"],
        "visible": [(["#..", "..#"],), (["##", "#."],)],
        "hidden": [
            ([],),
            (["."],),
            (["#"],),
            (["...."],),
            (["#.#.", "#.#."],),
            (["#..", ".#.", "..#"],),
            ([".#", ".#"],),
            (["##.", "#..", "#.."],),
            (["a.b", "..c", "d.."],),
            (["#.", "##", ".#"],),
        ],
        "ref": """
def first_blank_column(picture):
    if not picture:
        return -1
    for c in range(len(picture[0])):
        if all(row[c] == "." for row in picture):
            return c
    return -1
""",
        "wrong": [
            """
def first_blank_column(picture):
    if not picture:
        return -1
    for c in range(len(picture[0])):
        if any(row[c] == "." for row in picture):
            return c
    return -1
""",
            """
def first_blank_column(picture):
    for c in range(len(picture[0])):
        if all(row[c] == "." for row in picture):
            return c
    return -1
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
