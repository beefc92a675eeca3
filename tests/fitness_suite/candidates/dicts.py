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
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
