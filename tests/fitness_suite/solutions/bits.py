"""Core suite, family 'bits': bit manipulation. Specs, reference solutions and plausible wrong ones."""

TASKS = [
    {
        "id": "set_bit_count",
        "sig": "def set_bit_count(n: int) -> int:",
        "doc": """
            Return how many 1 bits the binary form of the non-negative integer n has.
        """,
        "difficulty": "trivial",
        "tags": ["bits", "numbers"],
        "visible": [(5,), (0,)],
        "hidden": [(1,), (2,), (7,), (8,), (255,), (256,), (1023,), (2**40 + 1,), (123456789,)],
        "ref": """
def set_bit_count(n):
    return bin(n).count("1")
""",
        "wrong": [
            """
def set_bit_count(n):
    count = 0
    while n > 1:
        count += n & 1
        n >>= 1
    return count
"""
        ],
    },
    {
        "id": "lowest_set_bit",
        "sig": "def lowest_set_bit(n: int) -> int:",
        "doc": """
            Return the value of the lowest 1 bit of the non-negative integer n (for 12 = 0b1100 that is
            4), or 0 when n is 0.
        """,
        "difficulty": "trivial",
        "tags": ["bits", "numbers"],
        "visible": [(12,), (7,)],
        "hidden": [(0,), (1,), (2,), (8,), (10,), (96,), (1024,), (2**50 + 2**30,)],
        "ref": """
def lowest_set_bit(n):
    return n & -n
""",
        "wrong": [
            """
def lowest_set_bit(n):
    k = 0
    while n and not n & 1:
        n >>= 1
        k += 1
    return k
"""
        ],
    },
    {
        "id": "bit_positions",
        "sig": "def bit_positions(n: int) -> list[int]:",
        "doc": """
            Return the positions of the 1 bits of the non-negative integer n, lowest first; position 0
            is the least significant bit.
        """,
        "difficulty": "easy",
        "tags": ["bits", "lists"],
        "visible": [(6,), (1,)],
        "hidden": [(0,), (2,), (5,), (15,), (16,), (1000,), (2**33,), (2**10 - 1 - 2**4,)],
        "ref": """
def bit_positions(n):
    return [i for i in range(n.bit_length()) if n >> i & 1]
""",
        "wrong": [
            """
def bit_positions(n):
    s = bin(n)[2:]
    return [i for i, ch in enumerate(s) if ch == "1"]
"""
        ],
    },
    {
        "id": "pack_flags",
        "sig": "def pack_flags(flags: list[bool]) -> int:",
        "doc": """
            Pack a list of booleans into an integer: bit i is 1 exactly when flags[i] is True.
        """,
        "difficulty": "easy",
        "tags": ["bits", "lists"],
        "visible": [([True, False, True],), ([],)],
        "hidden": [
            ([False],),
            ([True],),
            ([False, True],),
            ([True, True, True, True],),
            ([False, False, False, True],),
            ([True] + [False] * 9 + [True],),
            ([False, True, False, True, False, True],),
            ([True, True, False, False],),
        ],
        "ref": """
def pack_flags(flags):
    return sum(1 << i for i, f in enumerate(flags) if f)
""",
        "wrong": [
            """
def pack_flags(flags):
    n = 0
    for f in flags:
        n = n << 1 | int(f)
    return n
"""
        ],
    },
    {
        "id": "swap_nibbles",
        "sig": "def swap_nibbles(byte: int) -> int:",
        "doc": """
            byte is in 0..255. Return it with its high four bits and low four bits exchanged
            (0x1F becomes 0xF1).
        """,
        "difficulty": "easy",
        "tags": ["bits", "numbers"],
        "visible": [(0x1F,), (0,)],
        "hidden": [(1,), (0x10,), (0xFF,), (0xF0,), (0xAB,), (0x80,), (0x0E,), (200,)],
        "ref": """
def swap_nibbles(byte):
    return (byte & 0x0F) << 4 | byte >> 4
""",
        "wrong": [
            """
def swap_nibbles(byte):
    return (byte << 4 | byte >> 4) & 0xFFF
"""
        ],
    },
    {
        "id": "toggle_bit_range",
        "sig": "def toggle_bit_range(n: int, lo: int, hi: int) -> int:",
        "doc": """
            Flip bits lo through hi (both included, 0 = least significant, lo <= hi) of the
            non-negative integer n and return the result.
        """,
        "difficulty": "easy",
        "tags": ["bits", "numbers"],
        "visible": [(0, 0, 2), (0b1010, 1, 1)],
        "hidden": [
            (0, 0, 0),
            (1, 0, 0),
            (0b1111, 0, 3),
            (0b1111, 1, 2),
            (0, 3, 3),
            (0b101, 0, 4),
            (255, 4, 7),
            (2**20, 20, 21),
        ],
        "ref": """
def toggle_bit_range(n, lo, hi):
    mask = ((1 << (hi - lo + 1)) - 1) << lo
    return n ^ mask
""",
        "wrong": [
            """
def toggle_bit_range(n, lo, hi):
    mask = ((1 << (hi - lo)) - 1) << lo
    return n ^ mask
"""
        ],
    },
    {
        "id": "bit_runs",
        "sig": "def bit_runs(n: int) -> list[int]:",
        "doc": """
            Write the positive integer n in binary without leading zeros and return the lengths of its
            runs of equal bits, from the most significant end (0b110001 gives [2, 3, 1]).
        """,
        "difficulty": "medium",
        "tags": ["bits", "strings"],
        "visible": [(0b110001,), (1,)],
        "hidden": [(2,), (3,), (5,), (8,), (0b1110111,), (0b101010,), (255,), (0b1000000001,)],
        "ref": """
def bit_runs(n):
    s = bin(n)[2:]
    runs = [1]
    for a, b in zip(s, s[1:]):
        if a == b:
            runs[-1] += 1
        else:
            runs.append(1)
    return runs
""",
        "wrong": [
            """
def bit_runs(n):
    s = bin(n)[2:]
    runs, count = [], 1
    for a, b in zip(s, s[1:]):
        if a == b:
            count += 1
        else:
            runs.append(count)
            count = 1
    return runs or [count]
"""
        ],
    },
    {
        "id": "from_gray",
        "sig": "def from_gray(g: int) -> int:",
        "doc": """
            g is a reflected binary Gray code word: the number n was encoded as n ^ (n >> 1). Return n.
        """,
        "difficulty": "medium",
        "tags": ["bits", "numbers"],
        "visible": [(3,), (0,)],
        "hidden": [(1,), (2,), (6,), (7,), (4,), (12,), (0b100000,), (0b11011011,), (2**40,)],
        "ref": """
def from_gray(g):
    n = 0
    while g:
        n ^= g
        g >>= 1
    return n
""",
        "wrong": [
            """
def from_gray(g):
    return g ^ (g >> 1)
"""
        ],
    },
    {
        "id": "reverse_low_bits",
        "sig": "def reverse_low_bits(n: int, width: int) -> int:",
        "doc": """
            n fits in width bits (0 <= n < 2 ** width). Return the number whose width-bit binary form is
            n's width-bit form read backwards (leading zeros included).
        """,
        "difficulty": "medium",
        "tags": ["bits", "numbers"],
        "visible": [(1, 4), (0b1101, 4)],
        "hidden": [
            (0, 8),
            (1, 1),
            (1, 8),
            (0b10, 2),
            (0b0110, 4),
            (0b1011, 5),
            (255, 8),
            (0b100, 10),
        ],
        "ref": """
def reverse_low_bits(n, width):
    out = 0
    for _ in range(width):
        out = out << 1 | n & 1
        n >>= 1
    return out
""",
        "wrong": [
            """
def reverse_low_bits(n, width):
    return int(bin(n)[2:][::-1], 2)
"""
        ],
    },
    {
        "id": "xor_of_range",
        "sig": "def xor_of_range(a: int, b: int) -> int:",
        "doc": """
            Return a ^ (a + 1) ^ ... ^ b for non-negative integers a <= b.
        """,
        "difficulty": "medium",
        "tags": ["bits", "numbers"],
        "visible": [(1, 3), (5, 5)],
        "hidden": [(0, 0), (0, 1), (0, 3), (2, 4), (3, 8), (10, 20), (7, 8), (100, 1000)],
        "ref": """
def xor_of_range(a, b):
    out = 0
    for x in range(a, b + 1):
        out ^= x
    return out
""",
        "wrong": [
            """
def xor_of_range(a, b):
    out = 0
    for x in range(a, b):
        out ^= x
    return out
"""
        ],
    },
    {
        "id": "next_same_popcount",
        "sig": "def next_same_popcount(n: int) -> int:",
        "doc": """
            Return the smallest integer greater than the positive integer n that has the same number of
            1 bits as n.
        """,
        "difficulty": "hard",
        "tags": ["bits", "numbers"],
        "visible": [(3,), (4,)],
        "hidden": [(1,), (2,), (5,), (6,), (7,), (12,), (0b10110,), (0b111000,), (2**20 - 1,)],
        "ref": """
def next_same_popcount(n):
    c = bin(n).count("1")
    m = n + 1
    while bin(m).count("1") != c:
        m += 1
    return m
""",
        "wrong": [
            """
def next_same_popcount(n):
    low = n & -n
    return n + low
"""
        ],
    },
    {
        "id": "subnet_contains",
        "sig": "def subnet_contains(cidr: str, address: str) -> bool:",
        "doc": """
            cidr is an IPv4 network like "10.1.0.0/16" (prefix length 0 to 32) and address an IPv4
            address like "10.1.200.3". Return True when the first prefix-length bits of the address
            equal those of the network address.
        """,
        "difficulty": "hard",
        "tags": ["bits", "parsing"],
        "visible": [("10.1.0.0/16", "10.1.200.3"), ("192.168.1.0/24", "192.168.2.1")],
        "hidden": [
            ("0.0.0.0/0", "8.8.8.8"),
            ("8.8.8.8/32", "8.8.8.8"),
            ("8.8.8.8/32", "8.8.8.9"),
            ("172.16.0.0/12", "172.31.255.255"),
            ("172.16.0.0/12", "172.32.0.0"),
            ("10.0.0.0/8", "11.0.0.0"),
            ("192.168.1.128/25", "192.168.1.127"),
            ("192.168.1.128/25", "192.168.1.200"),
            ("10.0.0.0/7", "11.255.0.1"),
        ],
        "ref": """
def subnet_contains(cidr, address):
    def value(text):
        a, b, c, d = (int(p) for p in text.split("."))
        return a << 24 | b << 16 | c << 8 | d

    net, bits = cidr.split("/")
    bits = int(bits)
    mask = (0xFFFFFFFF << (32 - bits)) & 0xFFFFFFFF
    return value(net) & mask == value(address) & mask
""",
        "wrong": [
            """
def subnet_contains(cidr, address):
    net, bits = cidr.split("/")
    keep = int(bits) // 8
    return net.split(".")[:keep] == address.split(".")[:keep]
"""
        ],
    },
    {
        "id": "to_binary_width",
        "sig": "def to_binary_width(n: int, width: int) -> str:",
        "doc": """
            Return the binary digits of n (n >= 0) as a string without a prefix, padded on the left with
            "0" to at least width characters (width >= 0). A number that needs more digits than width is
            returned in full, never cut; 0 is written "0".
        """,
        "difficulty": "easy",
        "tags": ["bits", "strings"],
        "visible": [(5, 8), (300, 4)],
        "hidden": [
            (0, 0),
            (0, 3),
            (1, 1),
            (1, 0),
            (255, 8),
            (256, 8),
            (6, 2),
            (2**40, 3),
            (10, 6),
        ],
        "ref": """
def to_binary_width(n, width):
    return bin(n)[2:].rjust(width, "0")
""",
        "wrong": [
            """
def to_binary_width(n, width):
    return bin(n)[2:].zfill(width)[-width:]
""",
            """
def to_binary_width(n, width):
    digits = ""
    while n > 0:
        digits = str(n % 2) + digits
        n //= 2
    return digits.rjust(width, "0")
""",
        ],
    },
    {
        "id": "clear_low_bits",
        "sig": "def clear_low_bits(n: int, k: int) -> int:",
        "doc": """
            Return n (n >= 0) with its k lowest bits set to 0 (k >= 0) and every other bit unchanged.
            For example 23 = 0b10111 with k = 3 gives 0b10000 = 16.
        """,
        "difficulty": "easy",
        "tags": ["bits", "numbers"],
        "visible": [(23, 3), (8, 2)],
        "hidden": [
            (0, 5),
            (7, 0),
            (7, 3),
            (7, 10),
            (255, 4),
            (256, 8),
            (1, 1),
            (2**50 + 12345, 20),
            (100, 1),
        ],
        "ref": """
def clear_low_bits(n, k):
    return (n >> k) << k
""",
        "wrong": [
            """
def clear_low_bits(n, k):
    return n >> k
""",
            """
def clear_low_bits(n, k):
    return n & ~(1 << k)
""",
        ],
    },
    {
        "id": "trailing_ones",
        "sig": "def trailing_ones(n: int) -> int:",
        "doc": """
            Return how many 1 bits n (n >= 0) has at its low end, counting from the lowest bit up to the
            first 0 bit. For example 23 = 0b10111 ends in 3 ones, and any even number ends in none.
        """,
        "difficulty": "easy",
        "tags": ["bits", "numbers"],
        "visible": [(23,), (8,)],
        "hidden": [
            (0,),
            (1,),
            (2,),
            (3,),
            (7,),
            (13,),
            (255,),
            (2**60 - 1,),
            (0b1101111,),
            (0b1011,),
        ],
        "ref": """
def trailing_ones(n):
    count = 0
    while n & 1:
        count += 1
        n >>= 1
    return count
""",
        "wrong": [
            """
def trailing_ones(n):
    return bin(n).count("1")
""",
            """
def trailing_ones(n):
    digits = bin(n)[2:]
    return len(digits) - len(digits.lstrip("1"))
""",
        ],
    },
    {
        "id": "ones_in_range",
        "sig": "def ones_in_range(lo: int, hi: int) -> int:",
        "doc": """
            Return the total number of 1 bits in the binary forms of all the integers from lo to hi,
            both included (lo >= 0). When lo > hi the range is empty and the total is 0.
        """,
        "difficulty": "easy",
        "tags": ["bits", "numbers"],
        "visible": [(1, 3), (4, 4)],
        "hidden": [
            (0, 0),
            (0, 1),
            (5, 4),
            (7, 7),
            (0, 7),
            (8, 15),
            (1, 100),
            (1000, 1023),
            (3, 3),
        ],
        "ref": """
def ones_in_range(lo, hi):
    return sum(bin(x).count("1") for x in range(lo, hi + 1))
""",
        "wrong": [
            """
def ones_in_range(lo, hi):
    return sum(bin(x).count("1") for x in range(lo, hi))
""",
            """
def ones_in_range(lo, hi):
    return bin(hi).count("1") - bin(lo).count("1")
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
