"""Candidate tasks, family 'numbers': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "padded_number",
        "sig": "def padded_number(n: int, width: int) -> str:",
        "doc": """
            Write the integer n in decimal with at least width digits (width >= 0), putting zeros in
            front of its digits when it has fewer. A negative n keeps its minus sign in front of the
            zeros, and the sign does not count as one of the width digits.
        """,
        "difficulty": "easy",
        "tags": ["numbers", "strings"],
        "visible": [(42, 5), (-7, 3)],
        "hidden": [
            (0, 0),
            (0, 3),
            (12345, 3),
            (-12345, 2),
            (5, 1),
            (-1, 1),
            (-40, 4),
            (999, 4),
            (7, 0),
            (-3, 5),
        ],
        "ref": """
def padded_number(n, width):
    digits = str(abs(n)).rjust(width, "0")
    return "-" + digits if n < 0 else digits
""",
        "wrong": [
            """
def padded_number(n, width):
    return str(n).zfill(width)
""",
        ],
    },
    {
        "id": "ceil_to_multiple",
        "sig": "def ceil_to_multiple(n: int, step: int) -> int:",
        "doc": """
            Return the smallest multiple of step (step >= 1) that is greater than or equal to n.
            n may be negative or zero; an n that already is a multiple of step is returned as it is.
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(17, 5), (20, 5)],
        "hidden": [
            (0, 3),
            (1, 1),
            (-7, 4),
            (-8, 4),
            (-1, 5),
            (101, 100),
            (99, 100),
            (6, 7),
            (123456789, 1000),
            (13, 13),
        ],
        "ref": """
def ceil_to_multiple(n, step):
    return -(-n // step) * step
""",
        "wrong": [
            """
def ceil_to_multiple(n, step):
    return (n // step + 1) * step
""",
            """
def ceil_to_multiple(n, step):
    q = int(n / step)
    if n % step:
        q += 1
    return q * step
""",
        ],
    },
    {
        "id": "digit_span",
        "sig": "def digit_span(n: int) -> int:",
        "doc": """
            Return the largest decimal digit of n minus its smallest decimal digit. The minus sign of a
            negative n is not a digit. A number whose digits are all the same, such as 7 or 555,
            gives 0.
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(3829,), (-51,)],
        "hidden": [
            (0,),
            (7,),
            (-9,),
            (10,),
            (555,),
            (-1000,),
            (9081726354,),
            (123,),
            (-90,),
            (44,),
        ],
        "ref": """
def digit_span(n):
    digits = [int(d) for d in str(abs(n))]
    return max(digits) - min(digits)
""",
        "wrong": [
            """
def digit_span(n):
    digits = []
    while n > 0:
        digits.append(n % 10)
        n //= 10
    return max(digits) - min(digits) if digits else 0
""",
        ],
    },
    {
        "id": "multiples_between",
        "sig": "def multiples_between(lo: int, hi: int, k: int) -> int:",
        "doc": """
            Return how many integers from lo to hi, both ends included, are divisible by k (k >= 1).
            lo and hi may be negative or zero. When lo > hi there are no such integers and the
            answer is 0.
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(1, 10, 3), (6, 12, 6)],
        "hidden": [
            (0, 0, 5),
            (5, 4, 1),
            (-10, 10, 5),
            (-7, -1, 2),
            (7, 7, 7),
            (8, 8, 7),
            (1, 100, 1),
            (10, 1, 3),
            (-3, 3, 4),
            (14, 30, 15),
        ],
        "ref": """
def multiples_between(lo, hi, k):
    return max(0, hi // k - (lo - 1) // k)
""",
        "wrong": [
            """
def multiples_between(lo, hi, k):
    return max(0, hi // k - lo // k)
""",
            """
def multiples_between(lo, hi, k):
    return sum(1 for x in range(lo, hi) if x % k == 0)
""",
        ],
    },
    {
        "id": "trailing_zero_count",
        "sig": "def trailing_zero_count(n: int) -> int:",
        "doc": """
            Return how many zero digits the integer n ends with when written in decimal: 1200 ends
            with two and 7 with none. The sign of a negative n does not matter, and 0 itself is
            written "0", so it ends with exactly one zero.
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(1200,), (7,)],
        "hidden": [
            (0,),
            (10,),
            (-500,),
            (1020,),
            (100000,),
            (-3,),
            (101,),
            (9990,),
            (1,),
            (70070,),
        ],
        "ref": """
def trailing_zero_count(n):
    digits = str(abs(n))
    return len(digits) - len(digits.rstrip("0"))
""",
        "wrong": [
            """
def trailing_zero_count(n):
    count = 0
    while n != 0 and n % 10 == 0:
        count += 1
        n //= 10
    return count
""",
            """
def trailing_zero_count(n):
    return str(n).count("0")
""",
        ],
    },
    {
        "id": "split_amount",
        "sig": "def split_amount(total: int, parts: int) -> list[int]:",
        "doc": """
            Share total cents (total >= 0) among parts people (parts >= 1) as evenly as possible in
            whole cents: every share is total // parts or one cent more, and the shares add up to
            total. Return the parts shares with the larger ones first.
        """,
        "difficulty": "easy",
        "tags": ["numbers", "lists"],
        "visible": [(10, 3), (9, 3)],
        "hidden": [
            (0, 1),
            (0, 4),
            (1, 3),
            (5, 1),
            (7, 2),
            (100, 7),
            (2, 5),
            (11, 4),
            (3, 3),
            (1000, 6),
        ],
        "ref": """
def split_amount(total, parts):
    q, r = divmod(total, parts)
    return [q + 1] * r + [q] * (parts - r)
""",
        "wrong": [
            """
def split_amount(total, parts):
    q, r = divmod(total, parts)
    return [q] * (parts - r) + [q + 1] * r
""",
            """
def split_amount(total, parts):
    q, r = divmod(total, parts)
    return [q + r] + [q] * (parts - 1)
""",
        ],
    },
    {
        "id": "bigger_digit_sum",
        "sig": "def bigger_digit_sum(a: int, b: int) -> int:",
        "doc": """
            Return whichever of the two non-negative integers a and b has the larger sum of decimal
            digits. When their digit sums are equal, return the smaller of the two numbers.
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(123, 9), (55, 19)],
        "hidden": [
            (0, 0),
            (0, 5),
            (5, 0),
            (91, 19),
            (1000, 1),
            (99, 100),
            (7, 16),
            (16, 7),
            (38, 47),
            (999, 1000),
            (12, 3),
        ],
        "ref": """
def bigger_digit_sum(a, b):
    sa = sum(int(c) for c in str(a))
    sb = sum(int(c) for c in str(b))
    if sa != sb:
        return a if sa > sb else b
    return min(a, b)
""",
        "wrong": [
            """
def bigger_digit_sum(a, b):
    sa = sum(int(c) for c in str(a))
    sb = sum(int(c) for c in str(b))
    return a if sa >= sb else b
""",
            """
def bigger_digit_sum(a, b):
    sa = sum(int(c) for c in str(a))
    sb = sum(int(c) for c in str(b))
    if sa != sb:
        return a if sa > sb else b
    return max(a, b)
""",
        ],
    },
    {
        "id": "percent_change",
        "sig": "def percent_change(old: int, new: int) -> float | None:",
        "doc": """
            Return by how many percent new differs from old, measured relative to old: a rise from
            50 to 75 is 50.0 and a fall from 80 to 60 is -25.0. old and new are never negative.
            When old is 0 no percentage can be given, and the answer is None.
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(50, 75), (80, 60)],
        "hidden": [
            (0, 5),
            (0, 0),
            (10, 10),
            (1, 3),
            (3, 1),
            (200, 0),
            (7, 8),
            (1000, 1001),
            (4, 5),
            (12, 9),
        ],
        "checker": "approx",
        "ref": """
def percent_change(old, new):
    if old == 0:
        return None
    return (new - old) / old * 100
""",
        "wrong": [
            """
def percent_change(old, new):
    return (new - old) / old * 100
""",
            """
def percent_change(old, new):
    if old == 0:
        return None
    return (new - old) / new * 100
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
