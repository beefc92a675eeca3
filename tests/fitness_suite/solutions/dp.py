"""Core suite, family 'dp' (dynamic programming): specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "stair_climbing_ways",
        "sig": "def stair_climbing_ways(n: int) -> int:",
        "doc": """
            Return in how many different ways you can climb a staircase of n >= 0 steps taking 1 or 2
            steps at a time (the order of the steps matters). There is 1 way to climb 0 steps.
        """,
        "difficulty": "easy",
        "tags": ["dynamic-programming"],
        "visible": [(3,), (1,)],
        "hidden": [(0,), (2,), (4,), (5,), (10,), (30,), (60,), (6,)],
        "ref": """
def stair_climbing_ways(n):
    a, b = 1, 1
    for _ in range(n):
        a, b = b, a + b
    return a
""",
        "wrong": [
            """
def stair_climbing_ways(n):
    if n <= 2:
        return n
    a, b = 1, 2
    for _ in range(n - 2):
        a, b = b, a + b
    return b
"""
        ],
    },
    {
        "id": "best_subarray_sum",
        "sig": "def best_subarray_sum(nums: list[int]) -> int:",
        "doc": """
            Return the largest sum of a non-empty run of consecutive elements of nums (nums is non-empty).
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([-2, 1, -3, 4, -1, 2, 1, -5, 4],), ([1, 2, 3],)],
        "hidden": [
            ([5],),
            ([-5],),
            ([-3, -1, -2],),
            ([0, 0],),
            ([2, -1, 2],),
            ([-1, 3, -5, 4, 6, -1, 2, -7, 13, -3],),
            ([8, -19, 5, -4, 20],),
            ([1, -1, 1, -1, 1],),
        ],
        "ref": """
def best_subarray_sum(nums):
    best = cur = nums[0]
    for n in nums[1:]:
        cur = max(n, cur + n)
        best = max(best, cur)
    return best
""",
        "wrong": [
            """
def best_subarray_sum(nums):
    best = cur = 0
    for n in nums:
        cur = max(0, cur + n)
        best = max(best, cur)
    return best
"""
        ],
    },
    {
        "id": "fewest_coins",
        "sig": "def fewest_coins(coins: list[int], amount: int) -> int:",
        "doc": """
            Return the fewest coins (each value in coins may be used any number of times) that add up
            exactly to amount >= 0, or -1 if amount cannot be made.
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming"],
        "visible": [([1, 2, 5], 11), ([2], 3)],
        "hidden": [
            ([1], 0),
            ([], 0),
            ([], 7),
            ([1, 3, 4], 6),
            ([2, 5, 10], 3),
            ([5, 7], 23),
            ([1, 5, 10, 25], 63),
            ([9, 6, 1], 12),
            ([3, 7], 1),
        ],
        "ref": """
def fewest_coins(coins, amount):
    inf = float("inf")
    best = [0] + [inf] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
    return best[amount] if best[amount] != inf else -1
""",
        "wrong": [
            """
def fewest_coins(coins, amount):
    count = 0
    for c in sorted(coins, reverse=True):
        count += amount // c
        amount %= c
    return count if amount == 0 else -1
"""
        ],
    },
    {
        "id": "common_subsequence_length",
        "sig": "def common_subsequence_length(a: str, b: str) -> int:",
        "doc": """
            Return the length of the longest sequence of characters that appears, in order but not
            necessarily contiguously, in both a and b.
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "strings"],
        "visible": [("abcde", "ace"), ("abc", "def")],
        "hidden": [
            ("", ""),
            ("", "abc"),
            ("same", "same"),
            ("abc", "cba"),
            ("AGGTAB", "GXTXAYB"),
            ("aaaa", "aa"),
            ("xaybzc", "abc"),
            ("programming", "gaming"),
        ],
        "ref": """
def common_subsequence_length(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]
""",
        "wrong": [
            """
def common_subsequence_length(a, b):
    best = 0
    for i in range(len(a)):
        for j in range(i + 1, len(a) + 1):
            if a[i:j] in b:
                best = max(best, j - i)
    return best
"""
        ],
    },
    {
        "id": "non_adjacent_max_sum",
        "sig": "def non_adjacent_max_sum(values: list[int]) -> int:",
        "doc": """
            Pick elements of values (all >= 0), never two that are next to each other, so that their sum
            is as large as possible, and return that sum (0 for an empty list).
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([1, 2, 3, 1],), ([2, 7, 9, 3, 1],)],
        "hidden": [
            ([],),
            ([5],),
            ([5, 1],),
            ([1, 5],),
            ([2, 1, 1, 2],),
            ([10, 0, 0, 10],),
            ([4, 1, 1, 4, 2, 1],),
            ([0, 0, 0],),
            ([3, 10, 3, 1, 2],),
        ],
        "ref": """
def non_adjacent_max_sum(values):
    take, skip = 0, 0
    for v in values:
        take, skip = skip + v, max(take, skip)
    return max(take, skip)
""",
        "wrong": [
            """
def non_adjacent_max_sum(values):
    return max(sum(values[0::2]), sum(values[1::2]))
"""
        ],
    },
    {
        "id": "min_grid_path_sum",
        "sig": "def min_grid_path_sum(grid: list[list[int]]) -> int:",
        "doc": """
            grid is a non-empty rectangle of non-negative numbers. Moving only right or down from the
            top-left cell to the bottom-right cell, return the smallest possible sum of the cells visited
            (both ends included).
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([[1, 3, 1], [1, 5, 1], [4, 2, 1]],), ([[5]],)],
        "hidden": [
            ([[1, 2, 3]],),
            ([[1], [2], [3]],),
            ([[1, 2], [1, 1]],),
            ([[0, 0], [0, 0]],),
            ([[1, 100, 1, 1], [1, 1, 1, 100], [100, 100, 1, 1]],),
            ([[9, 1, 9], [1, 9, 9], [1, 1, 1]],),
            ([[1, 2, 5], [3, 2, 1]],),
            ([[7, 1, 1, 1], [1, 9, 9, 1]],),
        ],
        "ref": """
def min_grid_path_sum(grid):
    rows, cols = len(grid), len(grid[0])
    best = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        for c in range(cols):
            if r == 0 and c == 0:
                best[r][c] = grid[r][c]
            elif r == 0:
                best[r][c] = best[r][c - 1] + grid[r][c]
            elif c == 0:
                best[r][c] = best[r - 1][c] + grid[r][c]
            else:
                best[r][c] = min(best[r - 1][c], best[r][c - 1]) + grid[r][c]
    return best[-1][-1]
""",
        "wrong": [
            """
def min_grid_path_sum(grid):
    r = c = 0
    total = grid[0][0]
    while r < len(grid) - 1 or c < len(grid[0]) - 1:
        if r == len(grid) - 1:
            c += 1
        elif c == len(grid[0]) - 1:
            r += 1
        elif grid[r + 1][c] < grid[r][c + 1]:
            r += 1
        else:
            c += 1
        total += grid[r][c]
    return total
"""
        ],
    },
    {
        "id": "edit_distance",
        "sig": "def edit_distance(a: str, b: str) -> int:",
        "doc": """
            Return the minimum number of single-character insertions, deletions and substitutions that
            turn a into b.
        """,
        "difficulty": "hard",
        "tags": ["dynamic-programming", "strings"],
        "visible": [("kitten", "sitting"), ("abc", "abc")],
        "hidden": [
            ("", ""),
            ("", "abc"),
            ("abc", ""),
            ("a", "b"),
            ("horse", "ros"),
            ("intention", "execution"),
            ("abcdef", "azced"),
            ("sunday", "saturday"),
            ("ab", "ba"),
        ],
        "ref": """
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]
""",
        "wrong": [
            """
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] if x == y else min(prev[j] + 1, cur[j - 1] + 1))
        prev = cur
    return prev[-1]
"""
        ],
    },
    {
        "id": "longest_rising_subsequence",
        "sig": "def longest_rising_subsequence(nums: list[int]) -> int:",
        "doc": """
            Return the length of the longest subsequence of nums (elements in their original order, not
            necessarily adjacent) in which every element is strictly greater than the previous one.
        """,
        "difficulty": "hard",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([10, 9, 2, 5, 3, 7, 101, 18],), ([7, 7, 7],)],
        "hidden": [
            ([],),
            ([1],),
            ([3, 2, 1],),
            ([1, 2, 3, 4],),
            ([0, 1, 0, 3, 2, 3],),
            ([1, 3, 6, 7, 9, 4, 10, 5, 6],),
            ([2, 2, 3, 3, 4],),
            ([-1, -5, 0, -3, 2],),
            ([5, 1, 6, 2, 7, 3, 8],),
        ],
        "ref": """
def longest_rising_subsequence(nums):
    best = []
    for i, n in enumerate(nums):
        best.append(1 + max((best[j] for j in range(i) if nums[j] < n), default=0))
    return max(best, default=0)
""",
        "wrong": [
            """
def longest_rising_subsequence(nums):
    best = []
    for i, n in enumerate(nums):
        best.append(1 + max((best[j] for j in range(i) if nums[j] <= n), default=0))
    return max(best, default=0)
"""
        ],
    },
    {
        "id": "count_letter_decodings",
        "sig": "def count_letter_decodings(code: str) -> int:",
        "doc": """
            Letters are encoded as numbers: A=1, B=2, ..., Z=26, written without separators. Return in how
            many ways the digit string code can be decoded. "06" is not a valid code for F, so a part
            starting with 0 cannot be decoded. The empty string has 1 decoding.
        """,
        "difficulty": "hard",
        "tags": ["dynamic-programming", "strings"],
        "visible": [("12",), ("226",)],
        "hidden": [
            ("",),
            ("0",),
            ("06",),
            ("10",),
            ("100",),
            ("27",),
            ("11106",),
            ("1111111111",),
            ("2611055971756562",),
            ("301",),
        ],
        "ref": """
def count_letter_decodings(code):
    ways = [1] + [0] * len(code)
    for i in range(1, len(code) + 1):
        if code[i - 1] != "0":
            ways[i] += ways[i - 1]
        if i >= 2 and code[i - 2] != "0" and 10 <= int(code[i - 2:i]) <= 26:
            ways[i] += ways[i - 2]
    return ways[-1]
""",
        "wrong": [
            """
def count_letter_decodings(code):
    ways = [1] + [0] * len(code)
    for i in range(1, len(code) + 1):
        ways[i] += ways[i - 1]
        if i >= 2 and 10 <= int(code[i - 2:i]) <= 26:
            ways[i] += ways[i - 2]
    return ways[-1]
"""
        ],
    },
    {
        "id": "can_split_equal_sum",
        "sig": "def can_split_equal_sum(nums: list[int]) -> bool:",
        "doc": """
            Return True if the positive integers nums can be divided into two groups (every number in
            exactly one group) whose sums are equal. An empty list splits into two empty groups.
        """,
        "difficulty": "hard",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([1, 5, 11, 5],), ([1, 2, 5],)],
        "hidden": [
            ([],),
            ([2],),
            ([1, 1],),
            ([3, 3, 2],),
            ([2, 2, 3, 5],),
            ([1, 2, 3, 4, 5, 6, 7],),
            ([100, 1, 1, 2],),
            ([6, 6, 6, 6, 6, 6],),
            ([1, 3, 4, 4],),
        ],
        "ref": """
def can_split_equal_sum(nums):
    total = sum(nums)
    if total % 2:
        return False
    reachable = {0}
    for n in nums:
        reachable |= {r + n for r in reachable}
    return total // 2 in reachable
""",
        "wrong": [
            """
def can_split_equal_sum(nums):
    return sum(nums) % 2 == 0
"""
        ],
    },
    {
        "id": "best_rod_price",
        "sig": "def best_rod_price(prices: list[int], length: int) -> int:",
        "doc": """
            A rod of whole length length can be cut into whole pieces; a piece of length i + 1 sells for
            prices[i] (pieces longer than len(prices) cannot be sold, so they must be cut). Return the
            most money the rod can bring.
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "lists"],
        "visible": [([1, 5, 8, 9], 4), ([3], 5)],
        "hidden": [
            ([1, 5, 8, 9], 0),
            ([2], 1),
            ([1, 5, 8, 9], 1),
            ([1, 5, 8, 9], 8),
            ([3, 5, 8, 9, 10, 17, 17, 20], 8),
            ([1, 1, 1, 10], 7),
            ([0, 0, 4], 5),
            ([2, 5, 7, 8], 5),
        ],
        "ref": """
def best_rod_price(prices, length):
    best = [0] * (length + 1)
    for n in range(1, length + 1):
        best[n] = max(prices[i] + best[n - i - 1] for i in range(min(n, len(prices))))
    return best[length]
""",
        "wrong": [
            """
def best_rod_price(prices, length):
    ratio = max(range(len(prices)), key=lambda i: prices[i] / (i + 1))
    size = ratio + 1
    return (length // size) * prices[ratio] + (length % size) * prices[0]
"""
        ],
    },
    {
        "id": "longest_shared_run",
        "sig": "def longest_shared_run(a: str, b: str) -> int:",
        "doc": """
            Return the length of the longest piece of consecutive characters that appears in both a and
            b (0 when they share no character).
        """,
        "difficulty": "medium",
        "tags": ["dynamic-programming", "strings"],
        "visible": [("xabcdy", "zabcw"), ("abc", "def")],
        "hidden": [
            ("", "abc"),
            ("a", "a"),
            ("abc", "abc"),
            ("abcde", "ace"),
            ("banana", "ananas"),
            ("aaaa", "aa"),
            ("12345", "34512"),
            ("thequickfox", "quickly"),
        ],
        "ref": """
def longest_shared_run(a, b):
    best = 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best
""",
        "wrong": [
            """
def longest_shared_run(a, b):
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
            else:
                cur[j] = max(prev[j], cur[j - 1])
        prev = cur
    return prev[-1]
"""
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
