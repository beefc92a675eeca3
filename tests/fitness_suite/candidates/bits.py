"""Candidate tasks, family 'bits': bit manipulation. Specs, reference solutions and plausible wrong ones."""

TASKS = [
    {
        "id": "permission_string",
        "sig": "def permission_string(mode: int) -> str:",
        "doc": """
            mode is a Unix file mode in 0..0o777: nine bits, three each for the owner, the group and
            everyone else. Return its nine-character form: write "rwxrwxrwx" and match its letters to
            the bits from the highest (bit 8) down to the lowest (bit 0), keeping a letter when its bit
            is 1 and writing "-" when it is 0. So 0o754 gives "rwxr-xr--" and 0 gives "---------".
        """,
        "difficulty": "easy",
        "tags": ["bits", "strings"],
        "visible": [(0o754,), (0o600,)],
        "hidden": [
            (0,),
            (0o777,),
            (0o644,),
            (0o007,),
            (0o070,),
            (0o100,),
            (0o001,),
            (0o755,),
            (0o421,),
            (0o052,),
        ],
        "ref": """
def permission_string(mode):
    return "".join(ch if mode >> (8 - i) & 1 else "-" for i, ch in enumerate("rwxrwxrwx"))
""",
        "wrong": [
            """
def permission_string(mode):
    return "".join(ch if mode >> i & 1 else "-" for i, ch in enumerate("rwxrwxrwx"))
""",
            """
def permission_string(mode):
    out = ""
    for digit in oct(mode)[2:]:
        d = int(digit)
        out += ("r" if d & 4 else "-") + ("w" if d & 2 else "-") + ("x" if d & 1 else "-")
    return out
""",
        ],
    },
    {
        "id": "flag_names",
        "sig": "def flag_names(mask: int, names: list[str]) -> list[str]:",
        "doc": """
            Bit i of the non-negative integer mask (bit 0 is the least significant) switches on the flag
            called names[i]. Return the names of the switched-on flags in the order they have in names.
            A 1 bit at a position that has no name (i >= len(names)) is ignored.
        """,
        "difficulty": "easy",
        "tags": ["bits", "lists"],
        "visible": [(5, ["read", "write", "exec"]), (0, ["a", "b"])],
        "hidden": [
            (7, ["a", "b", "c"]),
            (8, ["a", "b", "c"]),
            (9, ["a", "b", "c", "d"]),
            (2, ["x", "y"]),
            (255, ["p", "q"]),
            (6, []),
            (1025, ["a"]),
            (10, ["a", "b", "c", "d", "e"]),
            (16, ["a", "b", "c", "d", "e"]),
            (1, ["solo"]),
        ],
        "ref": """
def flag_names(mask, names):
    return [name for i, name in enumerate(names) if mask >> i & 1]
""",
        "wrong": [
            """
def flag_names(mask, names):
    bits = bin(mask)[2:]
    return [names[i] for i, b in enumerate(bits) if b == "1" and i < len(names)]
""",
            """
def flag_names(mask, names):
    return [names[i] for i in range(mask.bit_length()) if mask >> i & 1]
""",
        ],
    },
    {
        "id": "sign_extend",
        "sig": "def sign_extend(value: int, bits: int) -> int:",
        "doc": """
            value holds a word of bits bits (bits >= 1, 0 <= value < 2 ** bits) in two's complement.
            Return the signed integer it stands for: a word whose highest bit is 1 is negative, so with
            8 bits 0xFF is -1 and 0x7F is 127.
        """,
        "difficulty": "medium",
        "tags": ["bits", "numbers"],
        "visible": [(0xFF, 8), (0x7F, 8)],
        "hidden": [
            (0x80, 8),
            (0, 8),
            (1, 1),
            (0, 1),
            (0x8000, 16),
            (0xFFFE, 16),
            (5, 4),
            (12, 4),
            (7, 3),
            (2**31, 32),
            (2**31 - 1, 32),
        ],
        "ref": """
def sign_extend(value, bits):
    return value - (1 << bits) if value >> (bits - 1) & 1 else value
""",
        "wrong": [
            """
def sign_extend(value, bits):
    return value - (1 << bits) if value > 1 << (bits - 1) else value
""",
            """
def sign_extend(value, bits):
    if value >> (bits - 1) & 1:
        return -(~value & ((1 << bits) - 1))
    return value
""",
        ],
    },
    {
        "id": "little_endian_bytes",
        "sig": "def little_endian_bytes(n: int, size: int) -> list[int]:",
        "doc": """
            Split the non-negative integer n into exactly size bytes (each a number 0..255), least
            significant byte first. n always fits in size bytes; the high bytes it does not need are 0.
            size may be 0, and then n is 0 and the result is [].
        """,
        "difficulty": "easy",
        "tags": ["bits", "lists"],
        "visible": [(258, 2), (0x123456, 3)],
        "hidden": [
            (0, 0),
            (0, 1),
            (1, 4),
            (255, 1),
            (256, 2),
            (0xABCD, 4),
            (2**32 - 1, 4),
            (0x0100, 3),
            (7, 2),
            (2**40, 6),
        ],
        "ref": """
def little_endian_bytes(n, size):
    return [n >> (8 * i) & 0xFF for i in range(size)]
""",
        "wrong": [
            """
def little_endian_bytes(n, size):
    out = []
    while n:
        out.append(n & 0xFF)
        n >>= 8
    return out
""",
            """
def little_endian_bytes(n, size):
    return [n >> (8 * i) & 0xFF for i in reversed(range(size))]
""",
        ],
    },
    {
        "id": "balancing_byte",
        "sig": "def balancing_byte(data: list[int]) -> int:",
        "doc": """
            data is a list of bytes, each in 0..255. Return the byte b in 0..255 that, added to the sum
            of data, makes the total a multiple of 256. When the sum already is a multiple of 256 (an
            empty list included), b is 0.
        """,
        "difficulty": "easy",
        "tags": ["bits", "numbers"],
        "visible": [([1, 2, 3],), ([200, 100],)],
        "hidden": [
            ([],),
            ([0],),
            ([1],),
            ([255],),
            ([128, 128],),
            ([255, 255, 255],),
            ([16] * 16,),
            ([10, 20, 30, 40],),
            ([0, 0, 7],),
            ([100, 100, 100],),
        ],
        "ref": """
def balancing_byte(data):
    return -sum(data) % 256
""",
        "wrong": [
            """
def balancing_byte(data):
    return 256 - sum(data) % 256
""",
            """
def balancing_byte(data):
    return ~sum(data) & 0xFF
""",
        ],
    },
    {
        "id": "grouped_binary",
        "sig": "def grouped_binary(n: int) -> str:",
        "doc": """
            Write the non-negative integer n in binary without a "0b" prefix, padded on the left with
            "0" to the smallest multiple of 4 digits that holds it, and cut into groups of 4 digits
            joined by "_". So 300 (binary 100101100) gives "0001_0010_1100", and 0 gives "0000".
        """,
        "difficulty": "medium",
        "tags": ["bits", "strings"],
        "visible": [(5,), (300,)],
        "hidden": [
            (0,),
            (1,),
            (15,),
            (16,),
            (255,),
            (256,),
            (4095,),
            (4096,),
            (10,),
            (65535,),
            (2**20,),
        ],
        "ref": """
def grouped_binary(n):
    digits = bin(n)[2:]
    digits = digits.zfill((len(digits) + 3) // 4 * 4)
    return "_".join(digits[i : i + 4] for i in range(0, len(digits), 4))
""",
        "wrong": [
            """
def grouped_binary(n):
    return format(n, "_b")
""",
            """
def grouped_binary(n):
    digits = bin(n)[2:]
    return "_".join(digits[i : i + 4] for i in range(0, len(digits), 4))
""",
        ],
    },
    {
        "id": "nearest_power_of_two",
        "sig": "def nearest_power_of_two(n: int) -> int:",
        "doc": """
            n >= 1. Return the power of two (1, 2, 4, 8, ...) closest to n. When n lies exactly
            halfway between two powers of two, as 6 does between 4 and 8, return the smaller one.
        """,
        "difficulty": "medium",
        "tags": ["bits", "numbers"],
        "visible": [(5,), (7,)],
        "hidden": [
            (1,),
            (2,),
            (3,),
            (6,),
            (11,),
            (12,),
            (13,),
            (24,),
            (25,),
            (100,),
            (1000,),
            (1536,),
        ],
        "ref": """
def nearest_power_of_two(n):
    low = 1 << (n.bit_length() - 1)
    high = low * 2
    return low if n - low <= high - n else high
""",
        "wrong": [
            """
def nearest_power_of_two(n):
    low = 1 << (n.bit_length() - 1)
    high = low * 2
    return low if n - low < high - n else high
""",
            """
def nearest_power_of_two(n):
    return 1 << (n - 1).bit_length()
""",
        ],
    },
    {
        "id": "split_bit_fields",
        "sig": "def split_bit_fields(word: int, widths: list[int]) -> list[int]:",
        "doc": """
            word is a non-negative integer made of bit fields packed side by side. The first field is
            the lowest widths[0] bits of word, the next field the widths[1] bits just above those, and
            so on (every width is at least 1). Return the value of each field, in the order of widths.
            Bits above the last field are ignored.
        """,
        "difficulty": "medium",
        "tags": ["bits", "lists"],
        "visible": [(0xAB, [4, 4]), (0b110101, [1, 2, 3])],
        "hidden": [
            (0, [3]),
            (255, [8]),
            (255, [4]),
            (0x1234, [4, 4, 4, 4]),
            (5, [1, 1, 1]),
            (1023, [2, 3]),
            (7, []),
            (0b1000, [3, 1]),
            (0xFF00, [8, 8]),
            (2**20 + 5, [10, 11]),
        ],
        "ref": """
def split_bit_fields(word, widths):
    values = []
    for width in widths:
        values.append(word & ((1 << width) - 1))
        word >>= width
    return values
""",
        "wrong": [
            """
def split_bit_fields(word, widths):
    return [word & ((1 << width) - 1) for width in widths]
""",
            """
def split_bit_fields(word, widths):
    digits = bin(word)[2:]
    values, i = [], 0
    for width in widths:
        values.append(int(digits[i : i + width] or "0", 2))
        i += width
    return values
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
