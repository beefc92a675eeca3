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
    {
        "id": "cross_sum",
        "sig": "def cross_sum(grid: list[list[int]], r: int, c: int) -> int:",
        "doc": """
            grid is a rectangular list of rows and (r, c) is one of its cells: row r, column c. Return
            the sum of all the cells of row r and all the cells of column c, where the cell (r, c)
            itself, which lies in both, is counted only once.
        """,
        "difficulty": "easy",
        "tags": ["grids", "numbers"],
        "visible": [([[1, 2], [3, 4]], 0, 0), ([[5]], 0, 0)],
        "hidden": [
            ([[-7]], 0, 0),
            ([[1, 2, 3]], 0, 1),
            ([[1], [2], [3]], 2, 0),
            ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 1, 1),
            ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 2, 0),
            ([[1, 2, 3, 4], [5, 6, 7, 8]], 0, 3),
            ([[1, 2, 3, 4], [5, 6, 7, 8]], 1, 1),
            ([[2, 0], [0, 0], [0, 3]], 2, 1),
            ([[-1, -2], [-3, -4]], 1, 0),
            ([[9, 1, 1], [1, 1, 1]], 0, 0),
        ],
        "ref": """
def cross_sum(grid, r, c):
    return sum(grid[r]) + sum(row[c] for row in grid) - grid[r][c]
""",
        "wrong": [
            """
def cross_sum(grid, r, c):
    return sum(grid[r]) + sum(row[c] for row in grid)
""",
            """
def cross_sum(grid, r, c):
    return sum(grid[c]) + sum(row[r] for row in grid) - grid[c][r]
""",
        ],
    },
    {
        "id": "diagonal_from",
        "sig": "def diagonal_from(grid: list[list[int]], r: int, c: int) -> list[int]:",
        "doc": """
            grid is a rectangular list of rows, not necessarily square, and (r, c) is one of its cells.
            Return the values met walking diagonally down and to the right from it: the cell (r, c)
            itself, then (r + 1, c + 1), (r + 2, c + 2) and so on, stopping when the next step would
            leave the grid through its bottom or its right side.
        """,
        "difficulty": "easy",
        "tags": ["grids", "lists"],
        "visible": [([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 0, 0), ([[1, 2, 3], [4, 5, 6]], 0, 1)],
        "hidden": [
            ([[7]], 0, 0),
            ([[1, 2, 3, 4]], 0, 1),
            ([[1], [2], [3]], 0, 0),
            ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 1, 0),
            ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 0, 2),
            ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 2, 2),
            ([[1, 2], [3, 4], [5, 6], [7, 8]], 0, 0),
            ([[1, 2], [3, 4], [5, 6], [7, 8]], 1, 0),
            ([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]], 0, 0),
            ([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]], 0, 3),
        ],
        "ref": """
def diagonal_from(grid, r, c):
    values = []
    while r < len(grid) and c < len(grid[0]):
        values.append(grid[r][c])
        r += 1
        c += 1
    return values
""",
        "wrong": [
            """
def diagonal_from(grid, r, c):
    values = []
    while r < len(grid):
        values.append(grid[r][c])
        r += 1
        c += 1
    return values
""",
            """
def diagonal_from(grid, r, c):
    return [grid[r + i][c + i] for i in range(len(grid) - max(r, c))]
""",
        ],
    },
    {
        "id": "clear_full_rows",
        "sig": "def clear_full_rows(board: list[str]) -> list[str]:",
        "doc": """
            board is a list of equal-length, non-empty strings, row 0 at the top, where "#" is a filled
            cell and "." an empty one. Remove every row made only of "#". The other rows keep their
            order and slide down, and as many all-"." rows as were removed are added at the top, so the
            board keeps its height. A board without full rows comes back unchanged; [] gives [].
        """,
        "difficulty": "medium",
        "tags": ["grids", "strings"],
        "visible": [(["..#", "###", "#.#"],), (["#.", ".#"],)],
        "hidden": [
            ([],),
            (["#"],),
            (["."],),
            (["###", "###"],),
            (["#..", "###", ".#.", "###"],),
            (["###", "#.#", "..."],),
            (["....", "#.##", "####"],),
            (["##", "##", ".#", "##"],),
            (["#.#.", "####", "####", "..##"],),
            ([".##", "#.#", "##."],),
        ],
        "ref": """
def clear_full_rows(board):
    if not board:
        return []
    kept = [row for row in board if "." in row]
    return ["." * len(board[0])] * (len(board) - len(kept)) + kept
""",
        "wrong": [
            """
def clear_full_rows(board):
    if not board:
        return []
    kept = [row for row in board if "." in row]
    return kept + ["." * len(board[0])] * (len(board) - len(kept))
""",
            """
def clear_full_rows(board):
    return [row for row in board if "." in row]
""",
        ],
    },
    {
        "id": "pad_ragged_rows",
        "sig": "def pad_ragged_rows(rows: list[list[int]], fill: int) -> list[list[int]]:",
        "doc": """
            The rows of a table may have different lengths. Make the table rectangular: append copies
            of fill to the end of every row shorter than the longest row, until it is as long as that
            row; rows that are already that long stay unchanged. The longest row may be anywhere in
            the table. An empty table gives [].
        """,
        "difficulty": "easy",
        "tags": ["grids", "lists"],
        "visible": [([[1, 2, 3], [4]], 0), ([], 9)],
        "hidden": [
            ([[5]], 0),
            ([[], []], 1),
            ([[], [1]], 7),
            ([[1], [2, 3, 4], [5, 6]], 0),
            ([[1, 2], [3, 4]], 9),
            ([[1], [2], [3, 4, 5, 6]], -1),
            ([[8, 8], [], [8]], 0),
            ([[1, 2, 3], [4, 5], [6]], 0),
            ([[0], [0, 0]], 0),
            ([[3, 1], [4, 1, 5], [9, 2, 6], [5]], 2),
        ],
        "ref": """
def pad_ragged_rows(rows, fill):
    width = max((len(row) for row in rows), default=0)
    return [row + [fill] * (width - len(row)) for row in rows]
""",
        "wrong": [
            """
def pad_ragged_rows(rows, fill):
    if not rows:
        return []
    width = len(rows[0])
    return [row + [fill] * (width - len(row)) for row in rows]
""",
            """
def pad_ragged_rows(rows, fill):
    width = max((len(row) for row in rows), default=0)
    return [[fill] * (width - len(row)) + row for row in rows]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
