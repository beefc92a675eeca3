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
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
