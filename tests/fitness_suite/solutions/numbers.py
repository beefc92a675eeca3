"""Core suite, family 'numbers': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "clamp",
        "sig": "def clamp(x: int, lo: int, hi: int) -> int:",
        "doc": """
            Return x limited to the range [lo, hi]: lo if x < lo, hi if x > hi, otherwise x. lo <= hi.
        """,
        "difficulty": "trivial",
        "tags": ["numbers"],
        "visible": [(5, 0, 10), (-3, 0, 10)],
        "hidden": [
            (11, 0, 10),
            (0, 0, 10),
            (10, 0, 10),
            (7, 7, 7),
            (-10, -5, -1),
            (0, -5, -1),
            (-3, -5, -1),
            (1000000, 1, 2),
        ],
        "ref": """
def clamp(x, lo, hi):
    return max(lo, min(x, hi))
""",
        "wrong": [
            """
def clamp(x, lo, hi):
    return lo if x < lo else x
"""
        ],
    },
    {
        "id": "celsius_to_fahrenheit",
        "sig": "def celsius_to_fahrenheit(celsius: float) -> float:",
        "doc": """
            Convert a temperature from degrees Celsius to degrees Fahrenheit (F = C * 9 / 5 + 32).
        """,
        "difficulty": "trivial",
        "tags": ["numbers"],
        "checker": "approx",
        "visible": [(0,), (100,)],
        "hidden": [(-40,), (37,), (36.6,), (-273.15,), (1,), (20.5,), (1000,), (-17.7777777778,)],
        "ref": """
def celsius_to_fahrenheit(celsius):
    return celsius * 9 / 5 + 32
""",
        "wrong": [
            """
def celsius_to_fahrenheit(celsius):
    return celsius * 9 // 5 + 32
"""
        ],
    },
    {
        "id": "sign",
        "sig": "def sign(x: float) -> int:",
        "doc": """
            Return -1 if x is negative, 1 if x is positive and 0 if x is zero.
        """,
        "difficulty": "trivial",
        "tags": ["numbers"],
        "visible": [(-5,), (3.5,)],
        "hidden": [(0,), (0.0,), (-0.001,), (1e-9,), (-1000000,), (7,), (-1,), (1,)],
        "ref": """
def sign(x):
    return (x > 0) - (x < 0)
""",
        "wrong": [
            """
def sign(x):
    return 1 if x >= 0 else -1
"""
        ],
    },
    {
        "id": "digits_total",
        "sig": "def digits_total(n: int) -> int:",
        "doc": """
            Return the sum of the decimal digits of n. The sign of a negative number is ignored.
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(123,), (-45,)],
        "hidden": [(0,), (7,), (-7,), (1000,), (99999,), (-101,), (123456789,), (10**20 + 5,)],
        "ref": """
def digits_total(n):
    return sum(int(d) for d in str(abs(n)))
""",
        "wrong": [
            """
def digits_total(n):
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total
"""
        ],
    },
    {
        "id": "gcd_of_list",
        "sig": "def gcd_of_list(nums: list[int]) -> int:",
        "doc": """
            Return the greatest common divisor of all numbers in nums (all >= 0). The gcd of an empty
            list is 0, and gcd(0, n) is n.
        """,
        "difficulty": "easy",
        "tags": ["numbers", "lists"],
        "visible": [([12, 18, 24],), ([7, 13],)],
        "hidden": [
            ([],),
            ([5],),
            ([0, 9],),
            ([0, 0],),
            ([100, 75, 50, 25],),
            ([6, 10, 15],),
            ([48, 36, 24, 12],),
            ([17, 34, 51, 1],),
        ],
        "ref": """
def gcd_of_list(nums):
    g = 0
    for n in nums:
        a, b = g, n
        while b:
            a, b = b, a % b
        g = a
    return g
""",
        "wrong": [
            """
import math
def gcd_of_list(nums):
    if not nums:
        return 0
    if len(nums) == 1:
        return nums[0]
    return math.gcd(nums[0], nums[1])
"""
        ],
    },
    {
        "id": "is_prime_number",
        "sig": "def is_prime_number(n: int) -> bool:",
        "doc": """
            Return True if n is a prime number. Numbers below 2 (including negatives) are not prime.
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(7,), (10,)],
        "hidden": [(-7,), (0,), (1,), (2,), (4,), (9,), (25,), (97,), (7919,), (7917,)],
        "ref": """
def is_prime_number(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True
""",
        "wrong": [
            """
def is_prime_number(n):
    if n < 2:
        return False
    for i in range(2, int(n ** 0.5)):
        if n % i == 0:
            return False
    return True
"""
        ],
    },
    {
        "id": "collatz_steps",
        "sig": "def collatz_steps(n: int) -> int:",
        "doc": """
            Starting from n >= 1, repeatedly replace n by n / 2 if it is even or by 3n + 1 if it is odd.
            Return the number of replacements needed to reach 1 (0 when n is already 1).
        """,
        "difficulty": "easy",
        "tags": ["numbers", "simulation"],
        "visible": [(6,), (1,)],
        "hidden": [(2,), (3,), (7,), (27,), (16,), (97,), (1000000,), (5,)],
        "ref": """
def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
""",
        "wrong": [
            """
def collatz_steps(n):
    terms = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        terms += 1
    return terms
"""
        ],
    },
    {
        "id": "mean_and_median",
        "sig": "def mean_and_median(nums: list[float]) -> list[float]:",
        "doc": """
            Return [mean, median] of a non-empty list of numbers. The median of an even number of values
            is the mean of the two middle values (in sorted order).
        """,
        "difficulty": "easy",
        "tags": ["numbers", "lists"],
        "checker": "approx",
        "visible": [([1, 2, 3, 4],), ([5, 1, 3],)],
        "hidden": [
            ([7],),
            ([2, 2],),
            ([3, 1, 2],),
            ([10, -10],),
            ([1.5, 2.5, 10],),
            ([9, 1, 8, 2, 7, 3],),
            ([0.1, 0.2, 0.3],),
            ([100, 1, 1, 1],),
        ],
        "ref": """
def mean_and_median(nums):
    s = sorted(nums)
    n = len(s)
    mid = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    return [sum(s) / n, mid]
""",
        "wrong": [
            """
def mean_and_median(nums):
    n = len(nums)
    mid = nums[n // 2] if n % 2 else (nums[n // 2 - 1] + nums[n // 2]) / 2
    return [sum(nums) / n, mid]
"""
        ],
    },
    {
        "id": "to_base",
        "sig": "def to_base(n: int, base: int) -> str:",
        "doc": """
            Write the non-negative integer n in the given base (2 to 16), using the digits 0-9 and the
            lower-case letters a-f. Zero is "0". No prefix.
        """,
        "difficulty": "medium",
        "tags": ["numbers", "strings"],
        "visible": [(10, 2), (255, 16)],
        "hidden": [
            (0, 2),
            (0, 16),
            (1, 2),
            (7, 8),
            (8, 8),
            (35, 16),
            (12345, 10),
            (4095, 16),
            (100, 3),
            (2**40, 2),
        ],
        "ref": """
def to_base(n, base):
    digits = "0123456789abcdef"
    if n == 0:
        return "0"
    out = ""
    while n:
        n, r = divmod(n, base)
        out = digits[r] + out
    return out
""",
        "wrong": [
            """
def to_base(n, base):
    digits = "0123456789abcdef"
    out = ""
    while n:
        n, r = divmod(n, base)
        out = digits[r] + out
    return out
"""
        ],
    },
    {
        "id": "int_to_roman",
        "sig": "def int_to_roman(n: int) -> str:",
        "doc": """
            Write 1 <= n <= 3999 in Roman numerals, using the subtractive forms IV, IX, XL, XC, CD and CM.
        """,
        "difficulty": "medium",
        "tags": ["numbers", "strings"],
        "visible": [(3,), (58,)],
        "hidden": [(1,), (4,), (9,), (14,), (40,), (90,), (400,), (1994,), (2024,), (3999,)],
        "ref": """
def int_to_roman(n):
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, sym in table:
        while n >= value:
            out += sym
            n -= value
    return out
""",
        "wrong": [
            """
def int_to_roman(n):
    table = [(1000, "M"), (500, "D"), (100, "C"), (50, "L"), (10, "X"), (5, "V"), (1, "I")]
    out = ""
    for value, sym in table:
        while n >= value:
            out += sym
            n -= value
    return out
"""
        ],
    },
    {
        "id": "prime_factors",
        "sig": "def prime_factors(n: int) -> list[int]:",
        "doc": """
            Return the prime factors of n >= 1 in ascending order, each repeated as often as it divides n.
            prime_factors(1) is [].
        """,
        "difficulty": "medium",
        "tags": ["numbers"],
        "visible": [(12,), (13,)],
        "hidden": [
            (1,),
            (2,),
            (8,),
            (45,),
            (97,),
            (360,),
            (1001,),
            (2 * 3 * 5 * 7 * 11 * 13,),
            (999983 * 2,),
        ],
        "ref": """
def prime_factors(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
""",
        "wrong": [
            """
def prime_factors(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    return out
"""
        ],
    },
    {
        "id": "integer_sqrt",
        "sig": "def integer_sqrt(n: int) -> int:",
        "doc": """
            Return the largest integer r with r * r <= n, for any integer n >= 0, exactly even when n has
            hundreds of digits (floating point is not precise enough).
        """,
        "difficulty": "medium",
        "tags": ["numbers"],
        "visible": [(17,), (16,)],
        "hidden": [
            (0,),
            (1,),
            (2,),
            (3,),
            (24,),
            (25,),
            (10**30,),
            (10**30 - 1,),
            (2**127 + 12345,),
            (99999999999999999999999999999999,),
        ],
        "ref": """
def integer_sqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
""",
        "wrong": [
            """
import math
def integer_sqrt(n):
    return int(math.sqrt(n))
"""
        ],
    },
    {
        "id": "fraction_to_decimal",
        "sig": "def fraction_to_decimal(numerator: int, denominator: int) -> str:",
        "doc": """
            Write numerator / denominator (denominator != 0) as a decimal string. Put a repeating part of the
            fraction in parentheses, e.g. 1/3 is "0.(3)" and 1/6 is "0.1(6)". Exact integers have no ".",
            e.g. 4/2 is "2". A negative result starts with "-".
        """,
        "difficulty": "hard",
        "tags": ["numbers", "strings"],
        "visible": [(1, 2), (2, 3)],
        "hidden": [(0, 5), (4, 2), (1, 6), (22, 7), (-1, 4), (1, -3), (-50, -8), (1, 7), (7, -12), (1, 333)],
        "ref": """
def fraction_to_decimal(numerator, denominator):
    sign = "-" if (numerator < 0) != (denominator < 0) and numerator != 0 else ""
    n, d = abs(numerator), abs(denominator)
    whole, rem = divmod(n, d)
    if rem == 0:
        return f"{sign}{whole}"
    digits = []
    seen = {}
    while rem and rem not in seen:
        seen[rem] = len(digits)
        rem *= 10
        digits.append(str(rem // d))
        rem %= d
    if rem:
        i = seen[rem]
        frac = "".join(digits[:i]) + "(" + "".join(digits[i:]) + ")"
    else:
        frac = "".join(digits)
    return f"{sign}{whole}.{frac}"
""",
        "wrong": [
            """
def fraction_to_decimal(numerator, denominator):
    whole, rem = divmod(numerator, denominator)
    if rem == 0:
        return str(whole)
    digits = []
    seen = {}
    while rem and rem not in seen:
        seen[rem] = len(digits)
        rem *= 10
        digits.append(str(rem // denominator))
        rem %= denominator
    if rem:
        i = seen[rem]
        frac = "".join(digits[:i]) + "(" + "".join(digits[i:]) + ")"
    else:
        frac = "".join(digits)
    return f"{whole}.{frac}"
"""
        ],
    },
    {
        "id": "nearest_multiple",
        "sig": "def nearest_multiple(n: int, m: int) -> int:",
        "doc": """
            Return the multiple of m (m >= 1) closest to the integer n; when two multiples are equally
            close, return the larger one.
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(17, 5), (-7, 4)],
        "hidden": [
            (0, 3),
            (10, 5),
            (12, 5),
            (13, 5),
            (-12, 5),
            (-13, 5),
            (-6, 4),
            (6, 4),
            (99, 1),
        ],
        "ref": """
def nearest_multiple(n, m):
    below = n - n % m
    above = below + m
    return above if above - n <= n - below else below
""",
        "wrong": [
            """
def nearest_multiple(n, m):
    return round(n / m) * m
"""
        ],
    },
    {
        "id": "rounded_quotient",
        "sig": "def rounded_quotient(a: int, b: int) -> int:",
        "doc": """
            Return a / b rounded to the nearest integer, where an exact half is rounded away from zero
            (2.5 gives 3 and -2.5 gives -3). b is never 0; a and b may be negative and very large, so
            compute exactly with integers.
        """,
        "difficulty": "medium",
        "tags": ["numbers"],
        "visible": [(7, 2), (-9, 4)],
        "hidden": [
            (5, 2),
            (-5, 2),
            (5, -2),
            (0, 5),
            (9, 3),
            (1, 3),
            (2, 3),
            (-7, -2),
            (-1, 2),
            (10**18 + 1, 2),
        ],
        "ref": """
def rounded_quotient(a, b):
    q, r = divmod(abs(a), abs(b))
    if 2 * r >= abs(b):
        q += 1
    return q if (a < 0) == (b < 0) else -q
""",
        "wrong": [
            """
def rounded_quotient(a, b):
    return round(a / b)
""",
            """
def rounded_quotient(a, b):
    return (a + b // 2) // b
""",
        ],
    },
    {
        "id": "digit_occurrences",
        "sig": "def digit_occurrences(n: int, d: int) -> int:",
        "doc": """
            Return how many times the digit d (0 to 9) appears when the integer n is written in decimal.
            The minus sign of a negative n is ignored, and 0 is written "0" (one digit 0).
        """,
        "difficulty": "easy",
        "tags": ["numbers"],
        "visible": [(1212, 1), (-505, 5)],
        "hidden": [
            (0, 0),
            (0, 5),
            (100, 0),
            (-7, 7),
            (999999, 9),
            (123, 4),
            (10**20, 0),
            (-1000, 0),
            (5, 5),
        ],
        "ref": """
def digit_occurrences(n, d):
    return str(abs(n)).count(str(d))
""",
        "wrong": [
            """
def digit_occurrences(n, d):
    n = abs(n)
    count = 0
    while n > 0:
        if n % 10 == d:
            count += 1
        n //= 10
    return count
"""
        ],
    },
    {
        "id": "digit_product_steps",
        "sig": "def digit_product_steps(n: int) -> int:",
        "doc": """
            Repeatedly replace n (n >= 0) by the product of its decimal digits until it has a single
            digit, and return how many replacements were made: 0 when n is already below 10.
            For example 39 -> 27 -> 14 -> 4 takes 3 steps.
        """,
        "difficulty": "easy",
        "tags": ["numbers", "recursion"],
        "visible": [(39,), (7,)],
        "hidden": [
            (0,),
            (10,),
            (25,),
            (999,),
            (77,),
            (100,),
            (11,),
            (9,),
            (277777788888899,),
        ],
        "ref": """
def digit_product_steps(n):
    steps = 0
    while n >= 10:
        product = 1
        for ch in str(n):
            product *= int(ch)
        n = product
        steps += 1
    return steps
""",
        "wrong": [
            """
def digit_product_steps(n):
    steps = 0
    while True:
        product = 1
        for ch in str(n):
            product *= int(ch)
        n = product
        steps += 1
        if n < 10:
            return steps
"""
        ],
    },
    {
        "id": "next_palindrome",
        "sig": "def next_palindrome(n: int) -> int:",
        "doc": """
            Return the smallest palindromic number strictly greater than n (n >= 0). A palindromic
            number reads the same forwards and backwards in decimal, like 7, 44 or 121.
        """,
        "difficulty": "easy",
        "tags": ["numbers", "strings"],
        "visible": [(12,), (99,)],
        "hidden": [
            (0,),
            (9,),
            (11,),
            (121,),
            (808,),
            (999,),
            (1234,),
            (1991,),
            (5,),
        ],
        "ref": """
def next_palindrome(n):
    n += 1
    while str(n) != str(n)[::-1]:
        n += 1
    return n
""",
        "wrong": [
            """
def next_palindrome(n):
    while str(n) != str(n)[::-1]:
        n += 1
    return n
"""
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
