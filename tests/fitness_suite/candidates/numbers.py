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
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
