"""Core suite, family 'grids': matrices and grids. Specs, reference solutions and plausible wrong ones."""

TASKS = [
    {
        "id": "column_totals",
        "sig": "def column_totals(rows: list[list[int]]) -> list[int]:",
        "doc": """
            rows is a table whose rows all have the same length. Return the sum of each column, left to
            right ([] for a table with no rows).
        """,
        "difficulty": "trivial",
        "tags": ["grids", "numbers"],
        "visible": [([[1, 2], [3, 4]],), ([[5, -1, 0]],)],
        "hidden": [
            ([],),
            ([[]],),
            ([[7]],),
            ([[1], [2], [3]],),
            ([[1, 2, 3], [4, 5, 6]],),
            ([[-1, -1], [1, 1], [0, 5]],),
            ([[0, 0, 0], [0, 0, 0]],),
            ([[10, 20], [30, 40], [50, 60]],),
        ],
        "ref": """
def column_totals(rows):
    if not rows:
        return []
    return [sum(r[c] for r in rows) for c in range(len(rows[0]))]
""",
        "wrong": [
            """
def column_totals(rows):
    return [sum(r) for r in rows]
"""
        ],
    },
    {
        "id": "border_sum",
        "sig": "def border_sum(grid: list[list[int]]) -> int:",
        "doc": """
            Return the sum of the cells on the outer border of a non-empty rectangular grid, counting
            every cell once.
        """,
        "difficulty": "trivial",
        "tags": ["grids", "numbers"],
        "visible": [([[1, 2, 3], [4, 5, 6], [7, 8, 9]],), ([[5]],)],
        "hidden": [
            ([[1, 2]],),
            ([[1], [2], [3]],),
            ([[1, 1], [1, 1]],),
            ([[1, 2, 3, 4]],),
            ([[0, 0, 0], [0, 9, 0], [0, 0, 0]],),
            ([[1, 1, 1, 1], [1, 5, 5, 1], [1, 5, 5, 1], [1, 1, 1, 1]],),
            ([[-1, -2], [-3, -4], [-5, -6]],),
            ([[2, 2, 2], [2, 2, 2]],),
        ],
        "ref": """
def border_sum(grid):
    rows, cols = len(grid), len(grid[0])
    return sum(
        grid[r][c]
        for r in range(rows)
        for c in range(cols)
        if r in (0, rows - 1) or c in (0, cols - 1)
    )
""",
        "wrong": [
            """
def border_sum(grid):
    total = sum(grid[0]) + sum(grid[-1])
    for row in grid[1:-1]:
        total += row[0] + row[-1]
    return total
"""
        ],
    },
    {
        "id": "live_neighbours",
        "sig": "def live_neighbours(grid: list[str], r: int, c: int) -> int:",
        "doc": """
            grid is a list of equal-length strings of "#" (alive) and "." (dead). Return how many of the
            up to eight cells around (row r, column c) are alive; the cell itself does not count.
        """,
        "difficulty": "easy",
        "tags": ["grids", "simulation"],
        "visible": [(["###", "#.#", "###"], 1, 1), (["#.", ".."], 0, 0)],
        "hidden": [
            (["#"], 0, 0),
            (["##", "##"], 0, 0),
            (["##", "##"], 1, 1),
            (["###", "###", "###"], 1, 1),
            (["###", "###", "###"], 0, 2),
            ([".#.", "#.#", ".#."], 1, 1),
            (["....", ".##.", "...."], 1, 0),
            (["#..#", "....", "#..#"], 1, 3),
        ],
        "ref": """
def live_neighbours(grid, r, c):
    n = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if (dr or dc) and 0 <= r + dr < len(grid) and 0 <= c + dc < len(grid[0]):
                n += grid[r + dr][c + dc] == "#"
    return n
""",
        "wrong": [
            """
def live_neighbours(grid, r, c):
    n = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if 0 <= r + dr < len(grid) and 0 <= c + dc < len(grid[0]):
                n += grid[r + dr][c + dc] == "#"
    return n
"""
        ],
    },
    {
        "id": "rotate_left",
        "sig": "def rotate_left(grid: list[list[int]]) -> list[list[int]]:",
        "doc": """
            Return a new grid: grid (rectangular, possibly not square) turned a quarter turn
            counter-clockwise, so the last column becomes the first row.
        """,
        "difficulty": "easy",
        "tags": ["grids", "lists"],
        "visible": [([[1, 2], [3, 4]],), ([[1, 2, 3]],)],
        "hidden": [
            ([[5]],),
            ([[1], [2], [3]],),
            ([[1, 2, 3], [4, 5, 6]],),
            ([[1, 2], [3, 4], [5, 6]],),
            ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],),
            ([[0, 0], [0, 1]],),
            ([[9, 8, 7, 6]],),
            ([[1, 1], [2, 2]],),
        ],
        "ref": """
def rotate_left(grid):
    cols = len(grid[0])
    return [[row[c] for row in grid] for c in range(cols - 1, -1, -1)]
""",
        "wrong": [
            """
def rotate_left(grid):
    return [list(row) for row in zip(*grid[::-1])]
"""
        ],
    },
    {
        "id": "anti_diagonal_sums",
        "sig": "def anti_diagonal_sums(grid: list[list[int]]) -> list[int]:",
        "doc": """
            For a non-empty rectangular grid, return the sums of the cells with row + column = 0, 1, 2,
            ... up to the bottom-right cell, in that order.
        """,
        "difficulty": "easy",
        "tags": ["grids", "numbers"],
        "visible": [([[1, 2], [3, 4]],), ([[1, 2, 3]],)],
        "hidden": [
            ([[7]],),
            ([[1], [2], [3]],),
            ([[1, 2, 3], [4, 5, 6]],),
            ([[1, 2], [3, 4], [5, 6]],),
            ([[1, 1, 1], [1, 1, 1], [1, 1, 1]],),
            ([[0, -1], [-2, 0]],),
            ([[5, 0, 0, 0], [0, 5, 0, 0]],),
            ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],),
        ],
        "ref": """
def anti_diagonal_sums(grid):
    rows, cols = len(grid), len(grid[0])
    out = [0] * (rows + cols - 1)
    for r in range(rows):
        for c in range(cols):
            out[r + c] += grid[r][c]
    return out
""",
        "wrong": [
            """
def anti_diagonal_sums(grid):
    n = max(len(grid), len(grid[0]))
    out = [0] * (2 * n - 1)
    for r in range(len(grid)):
        for c in range(len(grid[0])):
            out[r + c] += grid[r][c]
    return out
"""
        ],
    },
    {
        "id": "local_peaks",
        "sig": "def local_peaks(heights: list[list[int]]) -> list[list[int]]:",
        "doc": """
            Return the positions [row, column] of the cells strictly higher than each of their up to four
            neighbours (up, down, left, right), in row-major order.
        """,
        "difficulty": "easy",
        "tags": ["grids", "lists"],
        "visible": [([[1, 5, 1], [2, 1, 3]],), ([[4, 4]],)],
        "hidden": [
            ([[0]],),
            ([[1, 2, 3]],),
            ([[3], [2], [3]],),
            ([[1, 1], [1, 1]],),
            ([[9, 1], [1, 9]],),
            ([[1, 2, 1], [2, 3, 2], [1, 2, 1]],),
            ([[5, 1, 5], [1, 1, 1], [5, 1, 5]],),
            ([[-1, -2], [-3, -4]],),
        ],
        "ref": """
def local_peaks(heights):
    rows, cols = len(heights), len(heights[0])
    out = []
    for r in range(rows):
        for c in range(cols):
            v = heights[r][c]
            if all(
                v > heights[r + dr][c + dc]
                for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1))
                if 0 <= r + dr < rows and 0 <= c + dc < cols
            ):
                out.append([r, c])
    return out
""",
        "wrong": [
            """
def local_peaks(heights):
    rows, cols = len(heights), len(heights[0])
    out = []
    for r in range(rows):
        for c in range(cols):
            v = heights[r][c]
            if all(
                v >= heights[r + dr][c + dc]
                for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1))
                if 0 <= r + dr < rows and 0 <= c + dc < cols
            ):
                out.append([r, c])
    return out
"""
        ],
    },
    {
        "id": "region_size",
        "sig": "def region_size(grid: list[str], r: int, c: int) -> int:",
        "doc": """
            grid is a list of equal-length strings. Return the number of cells in the region containing
            (row r, column c): the cells with the same character reachable from it by steps up, down,
            left or right through cells with that character.
        """,
        "difficulty": "medium",
        "tags": ["grids", "graphs"],
        "visible": [(["aab", "abb", "ccc"], 0, 0), (["xy", "yx"], 0, 0)],
        "hidden": [
            (["a"], 0, 0),
            (["aaa", "aaa"], 1, 2),
            (["aab", "abb", "ccc"], 0, 2),
            (["aab", "abb", "ccc"], 2, 1),
            (["a.a", "...", "a.a"], 1, 1),
            (["a.a", "...", "a.a"], 2, 2),
            (["zzzz", "z..z", "zzzz"], 1, 1),
            (["zzzz", "z..z", "zzzz"], 0, 3),
        ],
        "ref": """
def region_size(grid, r, c):
    ch = grid[r][c]
    seen = {(r, c)}
    todo = [(r, c)]
    while todo:
        y, x = todo.pop()
        for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
            if 0 <= ny < len(grid) and 0 <= nx < len(grid[0]) and (ny, nx) not in seen and grid[ny][nx] == ch:
                seen.add((ny, nx))
                todo.append((ny, nx))
    return len(seen)
""",
        "wrong": [
            """
def region_size(grid, r, c):
    ch = grid[r][c]
    return sum(row.count(ch) for row in grid)
"""
        ],
    },
    {
        "id": "crop_to_content",
        "sig": "def crop_to_content(picture: list[str]) -> list[str]:",
        "doc": """
            picture is a list of equal-length strings where "." is background. Return the smallest
            rectangle of the picture (as a list of strings) that contains every non-background
            character, or [] when there is none.
        """,
        "difficulty": "medium",
        "tags": ["grids", "strings"],
        "visible": [(["....", ".#..", "..#.", "...."],), (["...", "..."],)],
        "hidden": [
            ([],),
            (["x"],),
            (["."],),
            (["a..", "...", "..b"],),
            (["...", ".o.", "..."],),
            (["..#", "..#"],),
            ([".....", ".x.y.", "....."],),
            (["#....", ".....", "....#"],),
            (["..", "z.", ".."],),
        ],
        "ref": """
def crop_to_content(picture):
    cells = [(r, c) for r, row in enumerate(picture) for c, ch in enumerate(row) if ch != "."]
    if not cells:
        return []
    r0 = min(r for r, _ in cells)
    r1 = max(r for r, _ in cells)
    c0 = min(c for _, c in cells)
    c1 = max(c for _, c in cells)
    return [row[c0:c1 + 1] for row in picture[r0:r1 + 1]]
""",
        "wrong": [
            """
def crop_to_content(picture):
    rows = [row for row in picture if row.strip(".")]
    if not rows:
        return []
    c0 = min(len(row) - len(row.lstrip(".")) for row in rows)
    c1 = max(len(row.rstrip(".")) for row in rows)
    return [row[c0:c1] for row in rows]
"""
        ],
    },
    {
        "id": "drop_stones",
        "sig": "def drop_stones(grid: list[str]) -> list[str]:",
        "doc": """
            grid is a list of equal-length strings with "o" (a loose stone), "#" (fixed wall) and "."
            (empty). Every stone falls straight down until it rests on the bottom row, a wall or another
            resting stone. Return the grid after all stones have fallen.
        """,
        "difficulty": "medium",
        "tags": ["grids", "simulation"],
        "visible": [(["o.", "..", ".."],), (["o", "#", "."],)],
        "hidden": [
            (["."],),
            (["o"],),
            (["o", "o", "."],),
            (["o", ".", "o", "."],),
            (["o.o", "...", ".#."],),
            (["oo", "#.", ".."],),
            (["o", ".", "#", "o", "."],),
            (["o.", "o.", "..", "#o", ".."],),
        ],
        "ref": """
def drop_stones(grid):
    rows = [list(r) for r in grid]
    for c in range(len(rows[0])):
        floor = len(rows) - 1
        for r in range(len(rows) - 1, -1, -1):
            if rows[r][c] == "#":
                floor = r - 1
            elif rows[r][c] == "o":
                rows[r][c] = "."
                rows[floor][c] = "o"
                floor -= 1
    return ["".join(r) for r in rows]
""",
        "wrong": [
            """
def drop_stones(grid):
    rows = [list(r) for r in grid]
    for c in range(len(rows[0])):
        n = sum(1 for r in rows if r[c] == "o")
        for r in rows:
            if r[c] == "o":
                r[c] = "."
        for r in range(len(rows) - 1, -1, -1):
            if n and rows[r][c] == ".":
                rows[r][c] = "o"
                n -= 1
    return ["".join(r) for r in rows]
"""
        ],
    },
    {
        "id": "maze_steps",
        "sig": "def maze_steps(maze: list[str]) -> int:",
        "doc": """
            maze is a list of equal-length strings with one "S" (start), one "E" (exit), "#" walls and
            "." floor. Moving one cell up, down, left or right costs one step and never enters a wall.
            Return the fewest steps from S to E, or -1 when E cannot be reached.
        """,
        "difficulty": "medium",
        "tags": ["grids", "graphs"],
        "visible": [(["S.E"],), (["S#E"],)],
        "hidden": [
            (["SE"],),
            (["S", ".", "E"],),
            (["S.#", "#..", "#.E"],),
            (["S..", "##.", "E.."],),
            (["S#.", "##.", "..E"],),
            (["E...", "###.", "S..."],),
            (
                [
                    "S.....",
                    "####.#",
                    "E.....",
                ],
            ),
            ([".S.", "###", ".E."],),
        ],
        "ref": """
from collections import deque


def maze_steps(maze):
    rows, cols = len(maze), len(maze[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if maze[r][c] == "S")
    dist = {start: 0}
    q = deque([start])
    while q:
        r, c = q.popleft()
        if maze[r][c] == "E":
            return dist[(r, c)]
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                q.append((nr, nc))
    return -1
""",
        "wrong": [
            """
def maze_steps(maze):
    rows, cols = len(maze), len(maze[0])
    s = next((r, c) for r in range(rows) for c in range(cols) if maze[r][c] == "S")
    e = next((r, c) for r in range(rows) for c in range(cols) if maze[r][c] == "E")
    return abs(s[0] - e[0]) + abs(s[1] - e[1])
"""
        ],
    },
    {
        "id": "regions_per_symbol",
        "sig": "def regions_per_symbol(grid: list[str]) -> dict[str, int]:",
        "doc": """
            grid is a list of equal-length strings. Cells with the same character that touch up, down,
            left or right belong to one region. Return, for every character in the grid, how many
            separate regions it forms.
        """,
        "difficulty": "hard",
        "tags": ["grids", "graphs"],
        "visible": [(["aab", "bba"],), (["x"],)],
        "hidden": [
            ([],),
            (["aaaa"],),
            (["ab", "ba"],),
            (["a.a", ".a.", "a.a"],),
            (["aaa", "aba", "aaa"],),
            (["ab", "ab", "ab"],),
            (["xxy", "yxy", "yyy"],),
            (["1221", "1221", "3333"],),
        ],
        "ref": """
def regions_per_symbol(grid):
    seen = set()
    out = {}
    for r in range(len(grid)):
        for c in range(len(grid[0])):
            if (r, c) in seen:
                continue
            ch = grid[r][c]
            out[ch] = out.get(ch, 0) + 1
            seen.add((r, c))
            todo = [(r, c)]
            while todo:
                y, x = todo.pop()
                for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                    if (
                        0 <= ny < len(grid)
                        and 0 <= nx < len(grid[0])
                        and (ny, nx) not in seen
                        and grid[ny][nx] == ch
                    ):
                        seen.add((ny, nx))
                        todo.append((ny, nx))
    return out
""",
        "wrong": [
            """
def regions_per_symbol(grid):
    out = {}
    for r in range(len(grid)):
        for c in range(len(grid[0])):
            ch = grid[r][c]
            up = r > 0 and grid[r - 1][c] == ch
            left = c > 0 and grid[r][c - 1] == ch
            if not up and not left:
                out[ch] = out.get(ch, 0) + 1
    return out
"""
        ],
    },
    {
        "id": "knight_moves",
        "sig": "def knight_moves(rows: int, cols: int, start: list[int], goal: list[int]) -> int:",
        "doc": """
            On a board of rows x cols squares, a chess knight moves two squares in one direction and
            one square at right angles to it, never leaving the board. Return the fewest moves from
            start = [row, col] to goal, or -1 when goal cannot be reached.
        """,
        "difficulty": "hard",
        "tags": ["grids", "graphs"],
        "visible": [(8, 8, [0, 0], [1, 2]), (3, 3, [0, 0], [1, 1])],
        "hidden": [
            (1, 1, [0, 0], [0, 0]),
            (8, 8, [0, 0], [0, 0]),
            (8, 8, [0, 0], [7, 7]),
            (8, 8, [0, 0], [1, 1]),
            (2, 3, [0, 0], [1, 2]),
            (2, 2, [0, 0], [1, 1]),
            (3, 4, [0, 0], [2, 3]),
            (4, 4, [0, 0], [3, 3]),
            (3, 3, [0, 0], [2, 2]),
        ],
        "ref": """
from collections import deque


def knight_moves(rows, cols, start, goal):
    start, goal = tuple(start), tuple(goal)
    dist = {start: 0}
    q = deque([start])
    while q:
        r, c = q.popleft()
        if (r, c) == goal:
            return dist[(r, c)]
        for dr, dc in ((1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)):
            n = (r + dr, c + dc)
            if 0 <= n[0] < rows and 0 <= n[1] < cols and n not in dist:
                dist[n] = dist[(r, c)] + 1
                q.append(n)
    return -1
""",
        "wrong": [
            """
def knight_moves(rows, cols, start, goal):
    dr, dc = abs(goal[0] - start[0]), abs(goal[1] - start[1])
    if (dr, dc) == (0, 0):
        return 0
    return max((dr + 1) // 2, (dc + 1) // 2, (dr + dc + 2) // 3)
"""
        ],
    },
    {
        "id": "busiest_row",
        "sig": "def busiest_row(grid: list[list[int]], value: int) -> int:",
        "doc": """
            grid is a list of rows. Return the index of the row with the most cells equal to value; on a
            tie the lowest index wins. Return -1 when value appears nowhere (an empty grid included).
        """,
        "difficulty": "easy",
        "tags": ["grids", "lists"],
        "visible": [([[1, 0, 1], [1, 1, 1], [0, 0, 0]], 1), ([[2, 2], [3, 3]], 5)],
        "hidden": [
            ([], 1),
            ([[]], 0),
            ([[7]], 7),
            ([[0, 1], [1, 0]], 1),
            ([[0, 0], [1, 0], [1, 1]], 1),
            ([[5, 5, 0], [0, 5, 5], [5, 0, 0]], 5),
            ([[1, 2], [3, 4], [4, 4]], 4),
            ([[-1, -1], [-1, 0]], -1),
            ([[0, 0, 0], [0, 0, 0]], 9),
        ],
        "ref": """
def busiest_row(grid, value):
    best, best_count = -1, 0
    for i, row in enumerate(grid):
        count = row.count(value)
        if count > best_count:
            best, best_count = i, count
    return best
""",
        "wrong": [
            """
def busiest_row(grid, value):
    if not grid:
        return -1
    counts = [row.count(value) for row in grid]
    return counts.index(max(counts))
""",
            """
def busiest_row(grid, value):
    best, best_count = -1, 0
    for i, row in enumerate(grid):
        count = row.count(value)
        if count and count >= best_count:
            best, best_count = i, count
    return best
""",
        ],
    },
    {
        "id": "differing_cells",
        "sig": "def differing_cells(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:",
        "doc": """
            a and b are grids (lists of rows) of the same shape. Return the [row, column] positions where
            they hold different values, in row-major order: row by row from the top, left to right
            within a row. Return [] when the grids are equal.
        """,
        "difficulty": "easy",
        "tags": ["grids", "lists"],
        "visible": [([[1, 2], [3, 4]], [[1, 0], [3, 4]]), ([[5]], [[5]])],
        "hidden": [
            ([], []),
            ([[1]], [[2]]),
            ([[1, 2, 3]], [[3, 2, 1]]),
            ([[1], [2], [3]], [[1], [0], [0]]),
            ([[0, 0], [0, 0]], [[1, 1], [1, 1]]),
            ([[1, 2], [3, 4]], [[2, 1], [3, 4]]),
            ([[9, 9, 9], [9, 9, 9]], [[9, 9, 9], [9, 9, 8]]),
            ([[0, 1], [1, 0]], [[1, 1], [0, 0]]),
        ],
        "ref": """
def differing_cells(a, b):
    return [[r, c] for r in range(len(a)) for c in range(len(a[r])) if a[r][c] != b[r][c]]
""",
        "wrong": [
            """
def differing_cells(a, b):
    return [[c, r] for r in range(len(a)) for c in range(len(a[r])) if a[r][c] != b[r][c]]
""",
            """
def differing_cells(a, b):
    if not a:
        return []
    return [[r, c] for c in range(len(a[0])) for r in range(len(a)) if a[r][c] != b[r][c]]
""",
        ],
    },
    {
        "id": "find_column_major",
        "sig": "def find_column_major(grid: list[list[int]], value: int) -> list[int]:",
        "doc": """
            Search grid (a list of rows, all of one length) column by column: the whole first column
            from top to bottom, then the second column, and so on. Return [row, column] of the first
            cell equal to value, or [-1, -1] when there is none.
        """,
        "difficulty": "easy",
        "tags": ["grids", "lists"],
        "visible": [([[0, 7], [7, 0]], 7), ([[1, 2], [3, 4]], 9)],
        "hidden": [
            ([], 1),
            ([[]], 1),
            ([[5]], 5),
            ([[1, 2, 3]], 3),
            ([[1], [2], [3]], 3),
            ([[0, 0, 4], [4, 0, 0]], 4),
            ([[0, 3], [3, 0], [3, 3]], 3),
            ([[1, 1, 9], [9, 1, 1]], 9),
            ([[2, 2], [2, 2]], 2),
            ([[-1, 0], [0, -1]], -1),
        ],
        "ref": """
def find_column_major(grid, value):
    width = len(grid[0]) if grid else 0
    for c in range(width):
        for r in range(len(grid)):
            if grid[r][c] == value:
                return [r, c]
    return [-1, -1]
""",
        "wrong": [
            """
def find_column_major(grid, value):
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell == value:
                return [r, c]
    return [-1, -1]
"""
        ],
    },
    {
        "id": "king_reach",
        "sig": "def king_reach(rows: int, cols: int, r: int, c: int) -> int:",
        "doc": """
            A board has rows x cols cells (both at least 1) and a king stands on row r, column c
            (0-based, on the board). In one move the king steps to one of the up to 8 neighbouring cells,
            diagonals included. Return how many cells it can reach in one move without leaving the
            board.
        """,
        "difficulty": "easy",
        "tags": ["grids", "geometry"],
        "visible": [(8, 8, 3, 3), (8, 8, 0, 0)],
        "hidden": [
            (1, 1, 0, 0),
            (1, 5, 0, 2),
            (1, 5, 0, 4),
            (5, 1, 2, 0),
            (2, 2, 1, 1),
            (3, 7, 1, 6),
            (3, 7, 2, 3),
            (8, 8, 7, 4),
            (4, 9, 0, 8),
        ],
        "ref": """
def king_reach(rows, cols, r, c):
    count = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < cols:
                count += 1
    return count
""",
        "wrong": [
            """
def king_reach(rows, cols, r, c):
    count = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < rows:
                count += 1
    return count
""",
            """
def king_reach(rows, cols, r, c):
    count = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if 0 <= r + dr < rows and 0 <= c + dc < cols:
                count += 1
    return count
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
