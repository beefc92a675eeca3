"""Candidate tasks, family 'dicts': specs, reference solutions and plausible wrong solutions."""

TASKS = [
    {
        "id": "fill_orders",
        "sig": "def fill_orders(stock: dict[str, int], orders: list[list]) -> dict[str, int]:",
        "doc": """
            stock maps each item to the quantity on the shelf, and orders is a list of [item, quantity]
            requests, handled one after another. An order takes its quantity off the shelf only when
            at least that much is left; an order asking for more than remains is skipped entirely and
            takes nothing. Every ordered item is a key of stock. Return the quantities left at the end.
        """,
        "difficulty": "easy",
        "tags": ["dicts", "simulation"],
        "visible": [
            ({"pen": 5, "ink": 2}, [["pen", 3], ["ink", 5]]),
            ({"cup": 4}, [["cup", 4], ["cup", 1]]),
        ],
        "hidden": [
            ({}, []),
            ({"a": 1}, []),
            ({"a": 3}, [["a", 3]]),
            ({"a": 3}, [["a", 4], ["a", 2]]),
            ({"a": 5, "b": 1}, [["b", 1], ["b", 1], ["a", 2], ["a", 2], ["a", 2]]),
            ({"x": 0}, [["x", 0]]),
            ({"x": 10, "y": 10}, [["y", 11], ["x", 10], ["y", 10]]),
            ({"tea": 2, "jam": 7}, [["jam", 3], ["jam", 3], ["jam", 3]]),
            ({"n": 1}, [["n", 2], ["n", 1], ["n", 1]]),
        ],
        "ref": """
def fill_orders(stock, orders):
    left = dict(stock)
    for item, qty in orders:
        if left[item] >= qty:
            left[item] -= qty
    return left
""",
        "wrong": [
            """
def fill_orders(stock, orders):
    left = dict(stock)
    for item, qty in orders:
        left[item] = max(0, left[item] - qty)
    return left
""",
            """
def fill_orders(stock, orders):
    left = dict(stock)
    for item, qty in orders:
        if left[item] > qty:
            left[item] -= qty
    return left
""",
        ],
    },
    {
        "id": "basket_total",
        "sig": "def basket_total(prices: dict[str, int], basket: dict[str, int]) -> int:",
        "doc": """
            prices maps an item to its price in cents, and basket maps an item to how many of it a
            customer wants. Return the total cost of the basket in cents. An item of the basket that
            has no price is not for sale and adds nothing to the total.
        """,
        "difficulty": "easy",
        "tags": ["dicts"],
        "visible": [
            ({"apple": 30, "pear": 45}, {"apple": 2, "pear": 1}),
            ({"milk": 99}, {"milk": 1, "gum": 3}),
        ],
        "hidden": [
            ({}, {}),
            ({"a": 5}, {}),
            ({}, {"a": 2}),
            ({"a": 5, "b": 7}, {"b": 3}),
            ({"a": 5}, {"a": 0}),
            ({"x": 250, "y": 199, "z": 1}, {"x": 1, "y": 2, "z": 100}),
            ({"a": 10}, {"b": 1, "c": 2}),
            ({"a": 3, "b": 4}, {"a": 2, "b": 2, "c": 9}),
            ({"big": 1000000}, {"big": 1000}),
        ],
        "ref": """
def basket_total(prices, basket):
    return sum(prices[item] * qty for item, qty in basket.items() if item in prices)
""",
        "wrong": [
            """
def basket_total(prices, basket):
    return sum(prices[item] * qty for item, qty in basket.items())
""",
            """
def basket_total(prices, basket):
    return sum(price * basket[item] for item, price in prices.items())
""",
        ],
    },
    {
        "id": "apply_defaults",
        "sig": "def apply_defaults(settings: dict, defaults: dict) -> dict:",
        "doc": """
            Return the settings to use: every key of defaults, with the value from settings when
            settings has that key with a value other than None, and with the default value otherwise
            (None means "not set"). Every key of settings is also a key of defaults. Values such as
            0, False and "" are real settings and override the default.
        """,
        "difficulty": "easy",
        "tags": ["dicts"],
        "visible": [
            ({"size": 12}, {"size": 10, "font": "serif"}),
            ({"font": None}, {"font": "mono"}),
        ],
        "hidden": [
            ({}, {}),
            ({}, {"a": 1}),
            ({"a": 0}, {"a": 1}),
            ({"a": False}, {"a": True}),
            ({"a": ""}, {"a": "x"}),
            ({"a": None, "b": 2}, {"a": 1, "b": 3}),
            ({"a": []}, {"a": [1]}),
            ({"k": None}, {"k": None}),
            ({"a": "on", "b": None}, {"a": "off", "b": "off", "c": "auto"}),
        ],
        "ref": """
def apply_defaults(settings, defaults):
    out = dict(defaults)
    for key, value in settings.items():
        if value is not None:
            out[key] = value
    return out
""",
        "wrong": [
            """
def apply_defaults(settings, defaults):
    return {**defaults, **settings}
""",
            """
def apply_defaults(settings, defaults):
    return {key: settings.get(key) or value for key, value in defaults.items()}
""",
        ],
    },
    {
        "id": "top_scorers",
        "sig": "def top_scorers(scores: dict[str, int]) -> list[str]:",
        "doc": """
            scores maps each player to their points. Return the names of all players who have the
            highest number of points (several when they are tied), sorted in ascending string order.
            An empty dict gives [].
        """,
        "difficulty": "easy",
        "tags": ["dicts", "sorting"],
        "visible": [({"ann": 7, "bob": 9, "cy": 4},), ({"zed": 5, "amy": 5, "kim": 1},)],
        "hidden": [
            ({},),
            ({"solo": 0},),
            ({"a": -1, "b": -2},),
            ({"b": 3, "a": 3, "c": 3},),
            ({"x": 10, "y": 2, "z": 10},),
            ({"bo": 4, "Al": 4},),
            ({"p": 0, "q": -5},),
            ({"m": 1, "n": 2, "o": 3, "p": 3},),
            ({"w": 8, "v": 8, "u": 7},),
        ],
        "ref": """
def top_scorers(scores):
    if not scores:
        return []
    best = max(scores.values())
    return sorted(name for name, points in scores.items() if points == best)
""",
        "wrong": [
            """
def top_scorers(scores):
    if not scores:
        return []
    return [max(scores, key=scores.get)]
""",
            """
def top_scorers(scores):
    if not scores:
        return []
    best = max(scores.values())
    return [name for name, points in scores.items() if points == best]
""",
        ],
    },
    {
        "id": "final_redirect",
        "sig": "def final_redirect(redirects: dict[str, str], start: str) -> str:",
        "doc": """
            redirects maps an old address to the address it moved to. Starting from start, keep
            following redirects until you reach an address that is not a key of redirects, and
            return that address; start itself is returned when it is not redirected at all. The
            redirects never lead round in a loop.
        """,
        "difficulty": "easy",
        "tags": ["dicts"],
        "visible": [({"a": "b", "b": "c"}, "a"), ({"/old": "/new"}, "/home")],
        "hidden": [
            ({}, "x"),
            ({"x": "y"}, "x"),
            ({"x": "y"}, "y"),
            ({"a": "b", "b": "c", "c": "d"}, "b"),
            ({"a": "b", "b": "c", "c": "d"}, "a"),
            ({"1": "2", "3": "4"}, "1"),
            ({"/a": "/b", "/b": "/c", "/z": "/a"}, "/z"),
            ({"p": "q", "q": "r"}, "r"),
            ({"home": "index", "index": "main"}, "home"),
        ],
        "ref": """
def final_redirect(redirects, start):
    while start in redirects:
        start = redirects[start]
    return start
""",
        "wrong": [
            """
def final_redirect(redirects, start):
    return redirects.get(start, start)
""",
        ],
    },
    {
        "id": "sparse_to_dense",
        "sig": "def sparse_to_dense(cells: dict[str, int], n: int) -> list[int]:",
        "doc": """
            cells describes a list of n numbers (n >= 0) in which most entries are 0. It maps a
            position, written as a decimal string such as "3", to the number at that position
            (positions start at 0). Return the full list of length n: positions missing from
            cells hold 0, and positions n or greater lie outside the list and are ignored.
        """,
        "difficulty": "easy",
        "tags": ["dicts", "lists"],
        "visible": [({"1": 5, "3": 2}, 5), ({"0": 7}, 1)],
        "hidden": [
            ({}, 0),
            ({}, 3),
            ({"0": 1, "1": 2, "2": 3}, 3),
            ({"5": 9}, 3),
            ({"2": 4, "10": 1}, 4),
            ({"9": -1}, 10),
            ({"0": 0}, 2),
            ({"3": 8}, 0),
            ({"1": -2, "4": 6, "7": 3}, 8),
            ({"11": 5, "1": 1}, 12),
        ],
        "ref": """
def sparse_to_dense(cells, n):
    out = [0] * n
    for key, value in cells.items():
        if int(key) < n:
            out[int(key)] = value
    return out
""",
        "wrong": [
            """
def sparse_to_dense(cells, n):
    out = [0] * n
    for key, value in cells.items():
        out[int(key)] = value
    return out
""",
            """
def sparse_to_dense(cells, n):
    return [cells.get(i, 0) for i in range(n)]
""",
        ],
    },
    {
        "id": "first_visits",
        "sig": "def first_visits(log: list[list]) -> dict[str, int]:",
        "doc": """
            log lists [visitor, day] entries in the order they happened. Return a dict mapping every
            visitor who appears in log to the day of their first visit; later visits of the same
            visitor do not change it.
        """,
        "difficulty": "easy",
        "tags": ["dicts"],
        "visible": [([["ann", 1], ["bob", 2], ["ann", 3]],), ([["cy", 5]],)],
        "hidden": [
            ([],),
            ([["a", 0], ["a", 0]],),
            ([["a", 1], ["a", 2], ["a", 3]],),
            ([["x", 1], ["y", 1], ["x", 2], ["y", 4]],),
            ([["p", 3], ["q", 4], ["r", 5]],),
            ([["m", 2], ["n", 2], ["m", 9], ["o", 9], ["n", 10]],),
            ([["solo", -1], ["solo", 7]],),
            ([["b", 1], ["a", 2], ["b", 2], ["a", 8]],),
            ([["z", 100], ["z", 100], ["y", 101]],),
        ],
        "ref": """
def first_visits(log):
    first = {}
    for visitor, day in log:
        if visitor not in first:
            first[visitor] = day
    return first
""",
        "wrong": [
            """
def first_visits(log):
    return {visitor: day for visitor, day in log}
""",
        ],
    },
    {
        "id": "expired_keys",
        "sig": "def expired_keys(saved: dict[str, int], now: int, ttl: int) -> list[str]:",
        "doc": """
            saved maps each cache key to the time, in seconds, at which it was stored, and now is
            the current time. An entry has expired when more than ttl seconds have passed since it
            was stored; an entry exactly ttl seconds old is still fresh. Return the expired keys
            sorted in ascending string order.
        """,
        "difficulty": "easy",
        "tags": ["dicts", "sorting"],
        "visible": [({"a": 0, "b": 50}, 100, 60), ({"x": 10, "y": 20}, 30, 25)],
        "hidden": [
            ({}, 5, 1),
            ({"k": 0}, 10, 10),
            ({"k": 0}, 11, 10),
            ({"c": 1, "b": 1, "a": 1}, 100, 5),
            ({"new": 100}, 100, 0),
            ({"old": 99}, 100, 0),
            ({"z": 5, "a": 50, "m": 0}, 60, 55),
            ({"s1": 0, "s2": 30, "s3": 60}, 90, 30),
            ({"b": 3, "a": 2}, 20, 10),
            ({"q": 7}, 7, 0),
        ],
        "ref": """
def expired_keys(saved, now, ttl):
    return sorted(key for key, stored in saved.items() if now - stored > ttl)
""",
        "wrong": [
            """
def expired_keys(saved, now, ttl):
    return sorted(key for key, stored in saved.items() if now - stored >= ttl)
""",
            """
def expired_keys(saved, now, ttl):
    return [key for key, stored in saved.items() if now - stored > ttl]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
