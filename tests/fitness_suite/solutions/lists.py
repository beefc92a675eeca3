"""Core suite, family 'lists': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "sum_of_evens",
        "sig": "def sum_of_evens(nums: list[int]) -> int:",
        "doc": """
            Return the sum of the even numbers in nums (0 when there are none).
        """,
        "difficulty": "trivial",
        "tags": ["lists", "numbers"],
        "visible": [([1, 2, 3, 4],), ([5, 7],)],
        "hidden": [
            ([],),
            ([0],),
            ([-2, -3, 4],),
            ([2, 2, 2],),
            ([1, 3, 5, 7, 9],),
            ([10, 21, 32, 43],),
            ([-1, -4, -6],),
            ([1000000, 1],),
        ],
        "ref": """
def sum_of_evens(nums):
    return sum(n for n in nums if n % 2 == 0)
""",
        "wrong": [
            """
def sum_of_evens(nums):
    return sum(nums[::2])
"""
        ],
    },
    {
        "id": "last_items",
        "sig": "def last_items(items: list, n: int) -> list:",
        "doc": """
            Return the last n items of items, in their original order. If n is 0 return [];
            if n is larger than the list, return the whole list.
        """,
        "difficulty": "trivial",
        "tags": ["lists"],
        "visible": [([1, 2, 3, 4, 5], 2), (["a", "b"], 5)],
        "hidden": [
            ([], 3),
            ([1, 2, 3], 0),
            ([1, 2, 3], 3),
            ([1, 2, 3], 1),
            (["x"], 1),
            ([1, 2, 3, 4], 4),
            ([[1], [2]], 1),
            ([None, None, 1], 2),
        ],
        "ref": """
def last_items(items, n):
    return items[len(items) - n:] if n < len(items) else list(items)
""",
        "wrong": [
            """
def last_items(items, n):
    return items[-n:]
"""
        ],
    },
    {
        "id": "count_greater",
        "sig": "def count_greater(nums: list[int], x: int) -> int:",
        "doc": """
            Return how many numbers in nums are strictly greater than x.
        """,
        "difficulty": "trivial",
        "tags": ["lists"],
        "visible": [([1, 5, 3, 8], 4), ([2, 2, 2], 2)],
        "hidden": [
            ([], 0),
            ([1, 2, 3], 3),
            ([1, 2, 3], 0),
            ([-5, -1, 0], -2),
            ([4, 4, 5], 4),
            ([9], 10),
            ([10, 20, 30], 15),
            ([0, 0, 1], 0),
        ],
        "ref": """
def count_greater(nums, x):
    return sum(1 for n in nums if n > x)
""",
        "wrong": [
            """
def count_greater(nums, x):
    return sum(1 for n in nums if n >= x)
"""
        ],
    },
    {
        "id": "running_total",
        "sig": "def running_total(nums: list[int]) -> list[int]:",
        "doc": """
            Return the list of running totals: element i is the sum of nums[0] .. nums[i].
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 2, 3],), ([5, -5, 5],)],
        "hidden": [
            ([],),
            ([7],),
            ([0, 0, 0],),
            ([-1, -2, -3],),
            ([1, 1, 1, 1, 1],),
            ([100, -50, 25],),
            ([3, 0, -3, 0],),
            ([2, 4, 8, 16],),
        ],
        "ref": """
def running_total(nums):
    out = []
    total = 0
    for n in nums:
        total += n
        out.append(total)
    return out
""",
        "wrong": [
            """
def running_total(nums):
    out = []
    total = 0
    for n in nums:
        out.append(total)
        total += n
    return out
"""
        ],
    },
    {
        "id": "chunk_list",
        "sig": "def chunk_list(items: list, size: int) -> list[list]:",
        "doc": """
            Split items into consecutive chunks of length size (size >= 1). The last chunk may be shorter.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 2, 3, 4, 5], 2), (["a", "b", "c"], 3)],
        "hidden": [
            ([], 3),
            ([1], 1),
            ([1, 2, 3], 1),
            ([1, 2, 3], 5),
            ([1, 2, 3, 4], 2),
            ([1, 2, 3, 4, 5, 6, 7], 3),
            ([None, True, 0], 2),
            (["x", "y"], 2),
        ],
        "ref": """
def chunk_list(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]
""",
        "wrong": [
            """
def chunk_list(items, size):
    return [items[i:i + size] for i in range(0, len(items) - size + 1, size)]
"""
        ],
    },
    {
        "id": "second_largest",
        "sig": "def second_largest(nums: list[int]) -> int | None:",
        "doc": """
            Return the second largest distinct value in nums, or None if there are fewer than two
            distinct values.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([3, 1, 4, 1, 5],), ([7, 7],)],
        "hidden": [
            ([],),
            ([1],),
            ([5, 5, 4],),
            ([1, 2],),
            ([-3, -1, -2],),
            ([9, 9, 9, 8, 8],),
            ([0, 0, 0],),
            ([2, 10, 10, 3],),
        ],
        "ref": """
def second_largest(nums):
    distinct = sorted(set(nums))
    return distinct[-2] if len(distinct) >= 2 else None
""",
        "wrong": [
            """
def second_largest(nums):
    if len(nums) < 2:
        return None
    return sorted(nums)[-2]
"""
        ],
    },
    {
        "id": "rotate_right",
        "sig": "def rotate_right(items: list, k: int) -> list:",
        "doc": """
            Return a new list: items rotated k places to the right (the last k items move to the front).
            k >= 0 and may be larger than the list's length; an empty list stays empty.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 2, 3, 4, 5], 2), (["a", "b", "c"], 0)],
        "hidden": [
            ([], 4),
            ([1], 7),
            ([1, 2, 3], 3),
            ([1, 2, 3], 4),
            ([1, 2, 3], 10),
            ([1, 2], 1),
            ([1, 2, 3, 4, 5, 6], 5),
            (["x", "y", "z"], 2),
        ],
        "ref": """
def rotate_right(items, k):
    if not items:
        return []
    k %= len(items)
    return items[len(items) - k:] + items[:len(items) - k]
""",
        "wrong": [
            """
def rotate_right(items, k):
    if not items:
        return []
    return items[-k:] + items[:-k]
"""
        ],
    },
    {
        "id": "merge_sorted",
        "sig": "def merge_sorted(a: list[int], b: list[int]) -> list[int]:",
        "doc": """
            Merge two ascending lists into one ascending list containing every element of both
            (duplicates kept).
        """,
        "difficulty": "medium",
        "tags": ["lists", "sorting"],
        "visible": [([1, 3, 5], [2, 4, 6]), ([], [1, 2])],
        "hidden": [
            ([], []),
            ([1], []),
            ([1, 1, 2], [1, 3]),
            ([5, 6, 7], [1, 2, 3]),
            ([1, 2, 3], [4, 5, 6, 7, 8]),
            ([-3, 0], [-5, -4, 10]),
            ([2, 2], [2, 2]),
            ([1, 10, 100], [5, 50]),
        ],
        "ref": """
def merge_sorted(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:] + b[j:]
""",
        "wrong": [
            """
def merge_sorted(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:]
"""
        ],
    },
    {
        "id": "longest_increasing_run",
        "sig": "def longest_increasing_run(nums: list[int]) -> int:",
        "doc": """
            Return the length of the longest run of consecutive elements of nums in which each element is
            strictly greater than the one before it. Return 0 for an empty list.
        """,
        "difficulty": "medium",
        "tags": ["lists"],
        "visible": [([1, 2, 3, 1, 2],), ([5, 4, 3],)],
        "hidden": [
            ([],),
            ([7],),
            ([1, 1, 1],),
            ([1, 2, 2, 3, 4],),
            ([1, 2, 3, 4, 5],),
            ([3, 1, 2, 3, 4, 0, 1],),
            ([-5, -4, -10, -9, -8, -7],),
            ([2, 1],),
        ],
        "ref": """
def longest_increasing_run(nums):
    best = run = 0
    for i, n in enumerate(nums):
        run = run + 1 if i and n > nums[i - 1] else 1
        best = max(best, run)
    return best
""",
        "wrong": [
            """
def longest_increasing_run(nums):
    best = run = 0
    for i, n in enumerate(nums):
        run = run + 1 if i and n >= nums[i - 1] else 1
        best = max(best, run)
    return best
"""
        ],
    },
    {
        "id": "pair_with_sum",
        "sig": "def pair_with_sum(nums: list[int], target: int) -> list[int]:",
        "doc": """
            Return the indices [i, j] (i < j) of two different positions whose values add up to target.
            Any such pair is accepted. Return [] if there is none.
        """,
        "difficulty": "medium",
        "tags": ["lists", "dicts"],
        "checker": "pair_summing_to_target",
        "visible": [([2, 7, 11, 15], 9), ([1, 2, 3], 7)],
        "hidden": [
            ([], 0),
            ([5], 10),
            ([3, 3], 6),
            ([3, 2, 4], 6),
            ([1, 5, 1, 5], 10),
            ([-1, 4, 6, -3], 3),
            ([0, 0, 0], 0),
            ([1, 2, 3, 4, 5], 9),
            ([4, 1], 8),
        ],
        "ref": """
def pair_with_sum(nums, target):
    seen = {}
    for j, n in enumerate(nums):
        if target - n in seen:
            return [seen[target - n], j]
        seen.setdefault(n, j)
    return []
""",
        "wrong": [
            """
def pair_with_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
"""
        ],
    },
    {
        "id": "dedupe_keep_last",
        "sig": "def dedupe_keep_last(items: list) -> list:",
        "doc": """
            Remove duplicates from items, keeping only the LAST occurrence of each value; the kept values
            stay in their original relative order.
        """,
        "difficulty": "medium",
        "tags": ["lists"],
        "visible": [([1, 2, 1, 3],), (["a", "b", "a"],)],
        "hidden": [
            ([],),
            ([1],),
            ([1, 1, 1],),
            ([1, 2, 3],),
            ([3, 2, 1, 2, 3],),
            ([5, 4, 5, 4, 6],),
            (["x", "y", "x", "z", "y"],),
            ([0, 1, 0, 1, 0],),
        ],
        "ref": """
def dedupe_keep_last(items):
    out = []
    for i, x in enumerate(items):
        if x not in items[i + 1:]:
            out.append(x)
    return out
""",
        "wrong": [
            """
def dedupe_keep_last(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out
"""
        ],
    },
    {
        "id": "merge_intervals",
        "sig": "def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:",
        "doc": """
            Given intervals [start, end] (start <= end) in any order, merge all intervals that overlap or
            touch (share an end point) and return the merged intervals sorted by start.
        """,
        "difficulty": "hard",
        "tags": ["lists", "sorting"],
        "visible": [([[1, 3], [2, 6], [8, 10]],), ([[1, 4], [4, 5]],)],
        "hidden": [
            ([],),
            ([[5, 5]],),
            ([[8, 10], [1, 3], [2, 6]],),
            ([[1, 10], [2, 3], [4, 5]],),
            ([[1, 2], [3, 4]],),
            ([[6, 8], [1, 9], [2, 4], [4, 7]],),
            ([[0, 0], [0, 0]],),
            ([[-5, -1], [-2, 3], [10, 12]],),
        ],
        "ref": """
def merge_intervals(intervals):
    out = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out
""",
        "wrong": [
            """
def merge_intervals(intervals):
    out = []
    for start, end in intervals:
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out
""",
            """
def merge_intervals(intervals):
    out = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1][1] = end
        else:
            out.append([start, end])
    return out
""",
        ],
    },
    {
        "id": "spiral_order",
        "sig": "def spiral_order(matrix: list[list[int]]) -> list[int]:",
        "doc": """
            Return the elements of a rectangular matrix (a list of equal-length rows) in clockwise spiral
            order, starting at the top-left corner and going right first.
        """,
        "difficulty": "hard",
        "tags": ["lists", "simulation"],
        "visible": [([[1, 2, 3], [4, 5, 6], [7, 8, 9]],), ([[1, 2], [3, 4]],)],
        "hidden": [
            ([],),
            ([[7]],),
            ([[1, 2, 3, 4]],),
            ([[1], [2], [3]],),
            ([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]],),
            ([[1, 2], [3, 4], [5, 6]],),
            ([[1, 2, 3], [4, 5, 6]],),
            ([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]],),
        ],
        "ref": """
def spiral_order(matrix):
    out = []
    if not matrix:
        return out
    top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1
    while top <= bottom and left <= right:
        out.extend(matrix[top][c] for c in range(left, right + 1))
        out.extend(matrix[r][right] for r in range(top + 1, bottom + 1))
        if top < bottom:
            out.extend(matrix[bottom][c] for c in range(right - 1, left - 1, -1))
        if left < right:
            out.extend(matrix[r][left] for r in range(bottom - 1, top, -1))
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out
""",
        "wrong": [
            """
def spiral_order(matrix):
    out = []
    if not matrix:
        return out
    top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1
    while top <= bottom and left <= right:
        out.extend(matrix[top][c] for c in range(left, right + 1))
        out.extend(matrix[r][right] for r in range(top + 1, bottom + 1))
        out.extend(matrix[bottom][c] for c in range(right - 1, left - 1, -1))
        out.extend(matrix[r][left] for r in range(bottom - 1, top, -1))
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out
"""
        ],
    },
    {
        "id": "next_permutation",
        "sig": "def next_permutation(nums: list[int]) -> list[int]:",
        "doc": """
            Return the next arrangement of nums in lexicographic order (as a new list). If nums is already
            the last arrangement (non-increasing), return the first one: nums sorted ascending.
        """,
        "difficulty": "hard",
        "tags": ["lists"],
        "visible": [([1, 2, 3],), ([3, 2, 1],)],
        "hidden": [
            ([],),
            ([5],),
            ([1, 1],),
            ([1, 3, 2],),
            ([1, 1, 5],),
            ([2, 3, 1],),
            ([1, 5, 8, 4, 7, 6, 5, 3, 1],),
            ([1, 2, 2, 1],),
            ([4, 3, 2, 1, 0],),
        ],
        "ref": """
def next_permutation(nums):
    a = list(nums)
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return sorted(a)
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = reversed(a[i + 1:])
    return a
""",
        "wrong": [
            """
def next_permutation(nums):
    a = list(nums)
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return sorted(a)
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    return a
"""
        ],
    },
    {
        "id": "trapped_water",
        "sig": "def trapped_water(heights: list[int]) -> int:",
        "doc": """
            heights are the heights of bars of width 1 standing side by side. Return how many units of
            rain water stay trapped between the bars.
        """,
        "difficulty": "hard",
        "tags": ["lists"],
        "visible": [([0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1],), ([3, 0, 3],)],
        "hidden": [
            ([],),
            ([4],),
            ([1, 2, 3],),
            ([3, 2, 1],),
            ([4, 2, 0, 3, 2, 5],),
            ([2, 0, 2, 0, 2],),
            ([5, 1, 1, 1, 4],),
            ([0, 0, 0],),
            ([1, 0, 2, 0, 1],),
        ],
        "ref": """
def trapped_water(heights):
    total = 0
    for i, h in enumerate(heights):
        level = min(max(heights[:i + 1]), max(heights[i:]))
        total += level - h
    return total
""",
        "wrong": [
            """
def trapped_water(heights):
    total = 0
    for i in range(1, len(heights) - 1):
        level = min(heights[i - 1], heights[i + 1])
        if level > heights[i]:
            total += level - heights[i]
    return total
"""
        ],
    },
    {
        "id": "interleave",
        "sig": "def interleave(a: list, b: list) -> list:",
        "doc": """
            Return the items of a and b taken alternately (a[0], b[0], a[1], b[1], ...); when one list
            runs out, the rest of the other follows in order.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 2, 3], ["a", "b"]), ([], [7])],
        "hidden": [
            ([], []),
            ([1], []),
            ([1], [2]),
            ([1, 2], [3, 4]),
            ([1], [2, 3, 4]),
            ([1, 2, 3, 4], [0]),
            ([None, None], [False]),
            ([[1], [2]], [[3]]),
        ],
        "ref": """
def interleave(a, b):
    out = []
    for i in range(max(len(a), len(b))):
        if i < len(a):
            out.append(a[i])
        if i < len(b):
            out.append(b[i])
    return out
""",
        "wrong": [
            """
def interleave(a, b):
    out = []
    for x, y in zip(a, b):
        out += [x, y]
    return out + a[len(b):]
"""
        ],
    },
    {
        "id": "split_at_zeros",
        "sig": "def split_at_zeros(nums: list[int]) -> list[list[int]]:",
        "doc": """
            Split nums into the groups of numbers that lie between zeros, in order. The zeros themselves
            are dropped, and so are empty groups (from a zero at either end or two zeros in a row).
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 2, 0, 3],), ([0, 0, 5, 0],)],
        "hidden": [
            ([],),
            ([0],),
            ([0, 0],),
            ([7],),
            ([1, 0, 0, 2],),
            ([-1, -2, 0, 3, 0],),
            ([4, 5, 6],),
            ([0, 1, 0, 1, 0],),
            ([3, 0, -3],),
        ],
        "ref": """
def split_at_zeros(nums):
    groups = []
    current = []
    for n in nums:
        if n == 0:
            if current:
                groups.append(current)
            current = []
        else:
            current.append(n)
    if current:
        groups.append(current)
    return groups
""",
        "wrong": [
            """
def split_at_zeros(nums):
    groups = [[]]
    for n in nums:
        if n == 0:
            groups.append([])
        else:
            groups[-1].append(n)
    return groups
""",
            """
def split_at_zeros(nums):
    groups = []
    current = []
    for n in nums:
        if n == 0:
            if current:
                groups.append(current)
            current = []
        else:
            current.append(n)
    return groups
""",
        ],
    },
    {
        "id": "last_index_of_max",
        "sig": "def last_index_of_max(nums: list[int]) -> int:",
        "doc": """
            Return the position of the largest number in nums. If the largest value occurs more than
            once, return the position of its last occurrence. Return -1 for an empty list.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([3, 9, 2],), ([5, 1, 5],)],
        "hidden": [
            ([],),
            ([7],),
            ([-3, -1, -1],),
            ([1, 2, 3],),
            ([3, 2, 1],),
            ([0, 0, 0, 0],),
            ([-5],),
            ([2, 8, 8, 1, 8, 0],),
            ([10, -10],),
        ],
        "ref": """
def last_index_of_max(nums):
    best = -1
    for i, n in enumerate(nums):
        if best == -1 or n >= nums[best]:
            best = i
    return best
""",
        "wrong": [
            """
def last_index_of_max(nums):
    if not nums:
        return -1
    return nums.index(max(nums))
""",
            """
def last_index_of_max(nums):
    best = 0
    for i, n in enumerate(nums):
        if n >= nums[best]:
            best = i
    return best
""",
        ],
    },
    {
        "id": "count_sign_changes",
        "sig": "def count_sign_changes(nums: list[int]) -> int:",
        "doc": """
            Count how many times the sign flips as you walk through nums: a flip is a positive number
            followed by a negative one, or a negative followed by a positive. Zeros have no sign and are
            skipped, so [1, 0, -2] flips once and [1, 0, 2] never flips.
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, -1, 2],), ([3, 0, -4, 0, 0, -5],)],
        "hidden": [
            ([],),
            ([0],),
            ([5],),
            ([0, 0, 0],),
            ([-1, -2, -3],),
            ([1, 0, -1, 0, 1],),
            ([-2, 3, -4, 5],),
            ([0, -1, 1],),
            ([4, 0, 4],),
            ([1, -1, 0, 0, 0, -1],),
            ([-3, 0, 0, 2, 0, -1],),
        ],
        "ref": """
def count_sign_changes(nums):
    flips = 0
    previous = 0
    for n in nums:
        if n == 0:
            continue
        if previous and (n > 0) != (previous > 0):
            flips += 1
        previous = n
    return flips
""",
        "wrong": [
            """
def count_sign_changes(nums):
    return sum(1 for a, b in zip(nums, nums[1:]) if a * b < 0)
"""
        ],
    },
    {
        "id": "rising_prefix",
        "sig": "def rising_prefix(nums: list[int]) -> list[int]:",
        "doc": """
            Return the longest prefix of nums (it starts at nums[0]) in which every number is strictly
            greater than the one before it. An empty list gives [], and a list whose first two numbers
            do not rise gives just [nums[0]].
        """,
        "difficulty": "easy",
        "tags": ["lists"],
        "visible": [([1, 3, 5, 4, 6],), ([2, 2, 3],)],
        "hidden": [
            ([],),
            ([9],),
            ([5, 4, 3],),
            ([1, 2, 3, 4],),
            ([-3, -2, -2],),
            ([0, 1, 1, 2],),
            ([1, 5, 2, 8, 9, 10],),
            ([-1, 0, 1],),
            ([7, 8],),
        ],
        "ref": """
def rising_prefix(nums):
    out = nums[:1]
    for n in nums[1:]:
        if n <= out[-1]:
            break
        out.append(n)
    return out
""",
        "wrong": [
            """
def rising_prefix(nums):
    out = nums[:1]
    for n in nums[1:]:
        if n < out[-1]:
            break
        out.append(n)
    return out
""",
            """
def rising_prefix(nums):
    out = nums[:1]
    for n in nums[1:]:
        if n > out[-1]:
            out.append(n)
    return out
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
