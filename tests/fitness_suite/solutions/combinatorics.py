"""Core suite, family 'combinatorics': counting and enumerating. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "ways_to_pick",
        "sig": "def ways_to_pick(n: int, k: int) -> int:",
        "doc": """
            Return the number of ways to choose k of n distinct items when order does not matter
            (0 when k > n; n, k >= 0).
        """,
        "difficulty": "trivial",
        "tags": ["combinatorics", "numbers"],
        "visible": [(5, 2), (3, 4)],
        "hidden": [(0, 0), (4, 0), (4, 4), (10, 3), (10, 7), (1, 1), (30, 15), (52, 5)],
        "ref": """
def ways_to_pick(n, k):
    if k > n:
        return 0
    out = 1
    for i in range(k):
        out = out * (n - i) // (i + 1)
    return out
""",
        "wrong": [
            """
def ways_to_pick(n, k):
    if k > n:
        return 0
    out = 1
    for i in range(k):
        out *= n - i
    return out
"""
        ],
    },
    {
        "id": "arrangements_count",
        "sig": "def arrangements_count(n: int, k: int) -> int:",
        "doc": """
            Return the number of ordered rows of k different items taken from n distinct items
            (0 when k > n; with k = 0 there is exactly one, the empty row).
        """,
        "difficulty": "trivial",
        "tags": ["combinatorics", "numbers"],
        "visible": [(5, 2), (2, 3)],
        "hidden": [(0, 0), (7, 0), (4, 4), (10, 1), (10, 3), (1, 1), (20, 5), (6, 6)],
        "ref": """
def arrangements_count(n, k):
    if k > n:
        return 0
    out = 1
    for i in range(k):
        out *= n - i
    return out
""",
        "wrong": [
            """
from math import factorial


def arrangements_count(n, k):
    if k > n:
        return 0
    return factorial(n) // factorial(k)
"""
        ],
    },
    {
        "id": "subsets_of_size",
        "sig": "def subsets_of_size(items: list, k: int) -> list[list]:",
        "doc": """
            Return every way to pick k of the items keeping their original order inside each pick, the
            picks listed in order of the positions they use (the pick using positions 0, 1, ... first).
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "recursion"],
        "visible": [(["a", "b", "c"], 2), ([1, 2], 3)],
        "hidden": [
            ([], 0),
            ([1, 2, 3], 0),
            ([1, 2, 3], 3),
            ([1, 2, 3, 4], 1),
            ([3, 1, 2], 2),
            ([1, 1, 2], 2),
            (["w", "x", "y", "z"], 3),
            ([5, 6, 7, 8, 9], 4),
        ],
        "ref": """
from itertools import combinations


def subsets_of_size(items, k):
    return [list(c) for c in combinations(items, k)]
""",
        "wrong": [
            """
from itertools import combinations


def subsets_of_size(items, k):
    return sorted(list(c) for c in combinations(sorted(items), k))
"""
        ],
    },
    {
        "id": "distinct_anagram_count",
        "sig": "def distinct_anagram_count(word: str) -> int:",
        "doc": """
            Return how many different strings can be made by reordering all the letters of word
            (the word itself included; the empty word gives 1).
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "strings"],
        "visible": [("abc",), ("aab",)],
        "hidden": [("",), ("a",), ("aa",), ("abcd",), ("aabb",), ("banana",), ("mississippi",), ("zzzzzz",)],
        "ref": """
from collections import Counter
from math import factorial


def distinct_anagram_count(word):
    out = factorial(len(word))
    for c in Counter(word).values():
        out //= factorial(c)
    return out
""",
        "wrong": [
            """
from math import factorial


def distinct_anagram_count(word):
    return factorial(len(set(word)))
"""
        ],
    },
    {
        "id": "compositions_count",
        "sig": "def compositions_count(total: int, parts: int) -> int:",
        "doc": """
            Return how many ordered lists of exactly parts positive integers add up to total
            (total, parts >= 1); [1, 2] and [2, 1] are different lists.
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "numbers"],
        "visible": [(4, 2), (2, 3)],
        "hidden": [(1, 1), (5, 1), (5, 5), (5, 6), (6, 3), (10, 4), (20, 2), (30, 10)],
        "ref": """
from math import comb


def compositions_count(total, parts):
    return comb(total - 1, parts - 1) if parts <= total else 0
""",
        "wrong": [
            """
from math import comb


def compositions_count(total, parts):
    return comb(total + parts - 1, parts - 1)
"""
        ],
    },
    {
        "id": "no_adjacent_ones_count",
        "sig": "def no_adjacent_ones_count(n: int) -> int:",
        "doc": """
            Return how many strings of n characters, each "0" or "1", have no two "1" characters next to
            each other (n >= 0; the empty string counts).
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "dynamic-programming"],
        "visible": [(2,), (3,)],
        "hidden": [(0,), (1,), (4,), (5,), (10,), (20,), (40,), (7,)],
        "ref": """
def no_adjacent_ones_count(n):
    end0, end1 = 1, 0
    for _ in range(n):
        end0, end1 = end0 + end1, end0
    return end0 + end1
""",
        "wrong": [
            """
def no_adjacent_ones_count(n):
    a, b = 1, 1
    for _ in range(n):
        a, b = b, a + b
    return a
"""
        ],
    },
    {
        "id": "permutation_rank",
        "sig": "def permutation_rank(perm: list[int]) -> int:",
        "doc": """
            perm is an ordering of distinct integers. Among all orderings of those integers listed in
            lexicographic order, return the position of perm, counting from 0.
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "lists"],
        "visible": [([1, 2, 3],), ([3, 2, 1],)],
        "hidden": [
            ([],),
            ([7],),
            ([2, 1],),
            ([1, 3, 2],),
            ([2, 1, 3],),
            ([10, 30, 20],),
            ([4, 1, 3, 2],),
            ([5, 4, 3, 2, 1],),
            ([-1, 5, 0],),
        ],
        "ref": """
from math import factorial


def permutation_rank(perm):
    rank = 0
    rest = sorted(perm)
    for x in perm:
        i = rest.index(x)
        rank += i * factorial(len(rest) - 1)
        rest.pop(i)
    return rank
""",
        "wrong": [
            """
from math import factorial


def permutation_rank(perm):
    rank = 0
    n = len(perm)
    for pos, x in enumerate(perm):
        smaller = sum(1 for y in perm if y < x)
        rank += smaller * factorial(n - pos - 1)
    return rank
"""
        ],
    },
    {
        "id": "derangements",
        "sig": "def derangements(n: int) -> int:",
        "doc": """
            n guests each brought a coat. Return in how many ways the n coats can be handed back so that
            no guest gets their own coat (n >= 0; with no guests there is one way).
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "recursion"],
        "visible": [(3,), (1,)],
        "hidden": [(0,), (2,), (4,), (5,), (6,), (10,), (15,), (8,)],
        "ref": """
def derangements(n):
    a, b = 1, 0
    if n == 0:
        return 1
    for k in range(2, n + 1):
        a, b = b, (k - 1) * (a + b)
    return b
""",
        "wrong": [
            """
from math import factorial


def derangements(n):
    return factorial(n) - n if n else 1
"""
        ],
    },
    {
        "id": "partitions_count",
        "sig": "def partitions_count(n: int) -> int:",
        "doc": """
            Return in how many ways n (n >= 0) can be written as a sum of positive integers when the
            order of the terms does not matter (4 = 3+1 = 2+2 = 2+1+1 = 1+1+1+1 gives 5; 0 gives 1).
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "dynamic-programming"],
        "visible": [(4,), (1,)],
        "hidden": [(0,), (2,), (3,), (5,), (7,), (10,), (30,), (60,)],
        "ref": """
def partitions_count(n):
    ways = [1] + [0] * n
    for part in range(1, n + 1):
        for total in range(part, n + 1):
            ways[total] += ways[total - part]
    return ways[n]
""",
        "wrong": [
            """
def partitions_count(n):
    ways = [1] + [0] * n
    for total in range(1, n + 1):
        for part in range(1, total + 1):
            ways[total] += ways[total - part]
    return ways[n]
"""
        ],
    },
    {
        "id": "subsets_by_size",
        "sig": "def subsets_by_size(items: list) -> list[list]:",
        "doc": """
            Return every subset of items (each keeping the items' original order), smallest subsets
            first; subsets of the same size in order of the positions they use. items has no repeats.
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "recursion"],
        "visible": [([1, 2],), ([],)],
        "hidden": [
            ([5],),
            ([1, 2, 3],),
            ([3, 2, 1],),
            (["a", "b", "c", "d"],),
            ([0, 1],),
            ([True, False],),
            ([9, 8, 7],),
            ([[1], [2]],),
        ],
        "ref": """
from itertools import combinations


def subsets_by_size(items):
    return [list(c) for k in range(len(items) + 1) for c in combinations(items, k)]
""",
        "wrong": [
            """
def subsets_by_size(items):
    out = [[]]
    for x in items:
        out += [s + [x] for s in out]
    return sorted(out, key=len)
"""
        ],
    },
    {
        "id": "no_triple_strings",
        "sig": "def no_triple_strings(n: int, letters: int) -> int:",
        "doc": """
            Return how many strings of length n over an alphabet of letters different letters never
            have the same letter three times in a row (n >= 0, letters >= 1; the empty string counts).
        """,
        "difficulty": "hard",
        "tags": ["combinatorics", "dynamic-programming"],
        "visible": [(3, 2), (2, 3)],
        "hidden": [(0, 5), (1, 4), (3, 1), (2, 1), (4, 2), (5, 3), (10, 2), (12, 26)],
        "ref": """
def no_triple_strings(n, letters):
    if n == 0:
        return 1
    run1, run2 = letters, 0
    for _ in range(n - 1):
        run1, run2 = (run1 + run2) * (letters - 1), run1
    return run1 + run2
""",
        "wrong": [
            """
def no_triple_strings(n, letters):
    if n < 3:
        return letters ** n
    return letters ** n - (n - 2) * letters * letters ** (n - 3)
"""
        ],
    },
    {
        "id": "lottery_match_odds",
        "sig": "def lottery_match_odds(n: int, k: int, m: int) -> str:",
        "doc": """
            A lottery draws k different numbers out of 1..n, and a ticket also holds k different numbers.
            Return the probability that exactly m of the ticket's numbers are drawn, as a reduced
            fraction "p/q" ("0/1" when impossible, "1/1" when certain).
        """,
        "difficulty": "hard",
        "tags": ["combinatorics", "numbers"],
        "visible": [(4, 2, 1), (3, 1, 1)],
        "hidden": [
            (5, 5, 5),
            (5, 3, 0),
            (6, 3, 0),
            (10, 3, 4),
            (49, 6, 6),
            (49, 6, 3),
            (10, 1, 0),
            (20, 10, 5),
        ],
        "ref": """
from fractions import Fraction
from math import comb


def lottery_match_odds(n, k, m):
    if m > k:
        return "0/1"
    p = Fraction(comb(k, m) * comb(n - k, k - m), comb(n, k))
    return f"{p.numerator}/{p.denominator}"
""",
        "wrong": [
            """
from math import comb


def lottery_match_odds(n, k, m):
    if m > k:
        return "0/1"
    return f"{comb(k, m) * comb(n - k, k - m)}/{comb(n, k)}"
"""
        ],
    },
    {
        "id": "league_games",
        "sig": "def league_games(teams: int, meetings: int) -> int:",
        "doc": """
            In a league, every pair of different teams plays each other exactly meetings times. Return
            the total number of games played (teams >= 0, meetings >= 0): 0 when there are fewer than 2
            teams.
        """,
        "difficulty": "easy",
        "tags": ["combinatorics", "numbers"],
        "visible": [(4, 1), (3, 2)],
        "hidden": [
            (0, 3),
            (1, 5),
            (2, 1),
            (2, 0),
            (5, 2),
            (10, 1),
            (20, 3),
            (7, 4),
        ],
        "ref": """
def league_games(teams, meetings):
    return teams * (teams - 1) // 2 * meetings
""",
        "wrong": [
            """
def league_games(teams, meetings):
    return teams * (teams - 1) * meetings
""",
            """
def league_games(teams, meetings):
    return teams * teams // 2 * meetings
""",
        ],
    },
    {
        "id": "strings_with_k_ones",
        "sig": "def strings_with_k_ones(n: int, k: int) -> list[str]:",
        "doc": """
            Return every string of length n made of the characters "0" and "1" that contains exactly k
            ones, in ascending lexicographic order ("0" sorts before "1"). n >= 0 and k >= 0; the result
            is [] when k > n, and n = 0 with k = 0 gives [""].
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "strings"],
        "visible": [(3, 1), (2, 2)],
        "hidden": [
            (0, 0),
            (1, 0),
            (1, 1),
            (2, 3),
            (3, 2),
            (4, 2),
            (4, 0),
            (5, 4),
            (3, 3),
        ],
        "ref": """
from itertools import product


def strings_with_k_ones(n, k):
    return ["".join(bits) for bits in product("01", repeat=n) if bits.count("1") == k]
""",
        "wrong": [
            """
from itertools import combinations


def strings_with_k_ones(n, k):
    out = []
    for ones in combinations(range(n), k):
        out.append("".join("1" if i in ones else "0" for i in range(n)))
    return out
""",
            """
from itertools import product


def strings_with_k_ones(n, k):
    if n == 0:
        return []
    return ["".join(bits) for bits in product("01", repeat=n) if bits.count("1") == k]
""",
        ],
    },
    {
        "id": "multiset_count",
        "sig": "def multiset_count(n: int, k: int) -> int:",
        "doc": """
            Return the number of ways to choose k items from n kinds when a kind may be chosen more than
            once and order does not matter (like picking k scoops of ice cream from n flavours).
            n >= 0 and k >= 0. Choosing 0 items is possible in exactly one way, even when n is 0; with
            n = 0 and k > 0 there is no way.
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "numbers"],
        "visible": [(3, 2), (2, 0)],
        "hidden": [
            (0, 0),
            (0, 3),
            (1, 5),
            (5, 1),
            (4, 3),
            (10, 2),
            (2, 10),
            (6, 6),
            (30, 20),
        ],
        "ref": """
from math import comb


def multiset_count(n, k):
    if k == 0:
        return 1
    if n == 0:
        return 0
    return comb(n + k - 1, k)
""",
        "wrong": [
            """
from math import comb


def multiset_count(n, k):
    return comb(n + k - 1, k)
""",
            """
from math import comb


def multiset_count(n, k):
    return comb(n, k)
""",
        ],
    },
    {
        "id": "dice_total_ways",
        "sig": "def dice_total_ways(dice: int, total: int) -> int:",
        "doc": """
            Return the number of ways dice six-sided dice (faces 1 to 6) can land so that their faces add
            up to total. The dice are told apart, so a 1 then a 2 and a 2 then a 1 are different ways.
            dice >= 0; zero dice make the total 0 in exactly one way.
        """,
        "difficulty": "medium",
        "tags": ["combinatorics", "dynamic-programming"],
        "visible": [(2, 7), (1, 4)],
        "hidden": [
            (0, 0),
            (0, 5),
            (1, 0),
            (1, 7),
            (2, 2),
            (2, 12),
            (3, 10),
            (3, 2),
            (4, 14),
            (10, 35),
        ],
        "ref": """
def dice_total_ways(dice, total):
    ways = {0: 1}
    for _ in range(dice):
        nxt = {}
        for s, w in ways.items():
            for face in range(1, 7):
                nxt[s + face] = nxt.get(s + face, 0) + w
        ways = nxt
    return ways.get(total, 0)
""",
        "wrong": [
            """
from itertools import combinations_with_replacement


def dice_total_ways(dice, total):
    return sum(1 for roll in combinations_with_replacement(range(1, 7), dice) if sum(roll) == total)
""",
            """
def dice_total_ways(dice, total):
    ways = {0: 1}
    for _ in range(dice):
        nxt = {}
        for s, w in ways.items():
            for face in range(6):
                nxt[s + face] = nxt.get(s + face, 0) + w
        ways = nxt
    return ways.get(total, 0)
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
