"""Core suite, family 'dates': dates and times with the standard library. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "day_of_year",
        "sig": "def day_of_year(date: str) -> int:",
        "doc": """
            date is "YYYY-MM-DD". Return its day number within its year (January 1st is 1).
        """,
        "difficulty": "trivial",
        "tags": ["dates", "parsing"],
        "visible": [("2023-02-01",), ("2023-01-01",)],
        "hidden": [
            ("2023-12-31",),
            ("2024-12-31",),
            ("2024-03-01",),
            ("2023-03-01",),
            ("2000-02-29",),
            ("1900-03-01",),
            ("2024-07-04",),
            ("2021-10-10",),
        ],
        "ref": """
from datetime import date as _date


def day_of_year(date):
    return _date.fromisoformat(date).timetuple().tm_yday
""",
        "wrong": [
            """
def day_of_year(date):
    y, m, d = (int(p) for p in date.split("-"))
    days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return sum(days[: m - 1]) + d
"""
        ],
    },
    {
        "id": "is_weekend",
        "sig": "def is_weekend(date: str) -> bool:",
        "doc": """
            date is "YYYY-MM-DD". Return True when it falls on a Saturday or a Sunday.
        """,
        "difficulty": "trivial",
        "tags": ["dates"],
        "visible": [("2024-06-08",), ("2024-06-10",)],
        "hidden": [
            ("2024-06-09",),
            ("2024-06-07",),
            ("2024-06-11",),
            ("2000-01-01",),
            ("2000-01-03",),
            ("2023-12-31",),
            ("2024-02-29",),
            ("1999-12-31",),
        ],
        "ref": """
import datetime


def is_weekend(date):
    return datetime.date.fromisoformat(date).weekday() >= 5
""",
        "wrong": [
            """
import datetime


def is_weekend(date):
    return datetime.date.fromisoformat(date).weekday() in (0, 6)
"""
        ],
    },
    {
        "id": "days_between",
        "sig": "def days_between(a: str, b: str) -> int:",
        "doc": """
            a and b are dates "YYYY-MM-DD". Return how many days apart they are (never negative).
        """,
        "difficulty": "easy",
        "tags": ["dates"],
        "visible": [("2024-01-01", "2024-01-31"), ("2024-03-01", "2024-02-28")],
        "hidden": [
            ("2024-05-05", "2024-05-05"),
            ("2023-12-31", "2024-01-01"),
            ("2023-02-28", "2023-03-01"),
            ("2000-01-01", "2001-01-01"),
            ("2001-01-01", "2000-01-01"),
            ("1999-12-31", "2000-03-01"),
            ("2024-01-15", "2023-01-15"),
            ("1970-01-01", "2024-06-01"),
        ],
        "ref": """
from datetime import date


def days_between(a, b):
    return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)
""",
        "wrong": [
            """
from datetime import date


def days_between(a, b):
    return (date.fromisoformat(b) - date.fromisoformat(a)).days
"""
        ],
    },
    {
        "id": "month_length",
        "sig": "def month_length(year: int, month: int) -> int:",
        "doc": """
            Return the number of days in the given month (1-12) of the given year of the Gregorian
            calendar.
        """,
        "difficulty": "easy",
        "tags": ["dates", "numbers"],
        "visible": [(2023, 4), (2024, 2)],
        "hidden": [
            (2023, 2),
            (2000, 2),
            (1900, 2),
            (2100, 2),
            (2023, 1),
            (2023, 12),
            (2023, 9),
            (2024, 7),
            (2024, 8),
        ],
        "ref": """
import calendar


def month_length(year, month):
    return calendar.monthrange(year, month)[1]
""",
        "wrong": [
            """
def month_length(year, month):
    if month == 2:
        return 29 if year % 4 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31
"""
        ],
    },
    {
        "id": "clock_12h_minutes",
        "sig": "def clock_12h_minutes(clock: str) -> int:",
        "doc": """
            clock is a 12-hour time like "7:05 PM" or "12:30 AM". Return the minutes since midnight
            (12:00 AM is midnight, 12:00 PM is noon).
        """,
        "difficulty": "easy",
        "tags": ["dates", "parsing"],
        "visible": [("7:05 PM",), ("12:30 AM",)],
        "hidden": [
            ("12:00 AM",),
            ("12:00 PM",),
            ("12:59 PM",),
            ("1:00 AM",),
            ("1:00 PM",),
            ("11:59 PM",),
            ("11:59 AM",),
            ("6:07 AM",),
        ],
        "ref": """
def clock_12h_minutes(clock):
    time, half = clock.split()
    h, m = (int(p) for p in time.split(":"))
    h %= 12
    if half == "PM":
        h += 12
    return h * 60 + m
""",
        "wrong": [
            """
def clock_12h_minutes(clock):
    time, half = clock.split()
    h, m = (int(p) for p in time.split(":"))
    if half == "PM":
        h += 12
    return h * 60 + m
"""
        ],
    },
    {
        "id": "seconds_as_clock",
        "sig": "def seconds_as_clock(seconds: int) -> str:",
        "doc": """
            Format a non-negative number of seconds as "H:MM:SS" (hours are not limited to 24 and have no
            leading zero).
        """,
        "difficulty": "easy",
        "tags": ["dates", "strings"],
        "visible": [(3725,), (59,)],
        "hidden": [(0,), (60,), (3600,), (3599,), (86399,), (86400,), (360000,), (7322,)],
        "ref": """
def seconds_as_clock(seconds):
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}"
""",
        "wrong": [
            """
import time


def seconds_as_clock(seconds):
    return time.strftime("%-H:%M:%S", time.gmtime(seconds))
"""
        ],
    },
    {
        "id": "shift_minutes",
        "sig": "def shift_minutes(start: str, end: str) -> int:",
        "doc": """
            A work shift starts at start and ends at end, both "HH:MM" on a 24-hour clock. When end is
            not later than start the shift ends on the next day. Return its length in minutes; a shift
            whose start equals its end lasts 24 hours.
        """,
        "difficulty": "medium",
        "tags": ["dates", "parsing"],
        "visible": [("09:00", "17:30"), ("22:00", "06:00")],
        "hidden": [
            ("00:00", "00:00"),
            ("08:15", "08:15"),
            ("00:00", "23:59"),
            ("23:59", "00:00"),
            ("12:00", "12:01"),
            ("12:01", "12:00"),
            ("18:45", "02:15"),
            ("06:30", "14:00"),
        ],
        "ref": """
def shift_minutes(start, end):
    def minutes(t):
        h, m = t.split(":")
        return int(h) * 60 + int(m)

    d = minutes(end) - minutes(start)
    return d if d > 0 else d + 24 * 60
""",
        "wrong": [
            """
def shift_minutes(start, end):
    def minutes(t):
        h, m = t.split(":")
        return int(h) * 60 + int(m)

    return (minutes(end) - minutes(start)) % (24 * 60)
"""
        ],
    },
    {
        "id": "add_business_days",
        "sig": "def add_business_days(date: str, n: int) -> str:",
        "doc": """
            date is "YYYY-MM-DD" and n >= 0. Return the date n working days later, where working days are
            Monday to Friday. With n = 0, return date itself, even on a weekend.
        """,
        "difficulty": "medium",
        "tags": ["dates", "simulation"],
        "visible": [("2024-06-07", 1), ("2024-06-03", 4)],
        "hidden": [
            ("2024-06-05", 0),
            ("2024-06-08", 0),
            ("2024-06-08", 1),
            ("2024-06-09", 1),
            ("2024-06-07", 5),
            ("2024-06-03", 10),
            ("2024-12-31", 3),
            ("2024-02-28", 2),
        ],
        "ref": """
from datetime import date as _date, timedelta


def add_business_days(date, n):
    d = _date.fromisoformat(date)
    while n:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d.isoformat()
""",
        "wrong": [
            """
from datetime import date as _date, timedelta


def add_business_days(date, n):
    d = _date.fromisoformat(date) + timedelta(days=n)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d.isoformat()
"""
        ],
    },
    {
        "id": "age_on",
        "sig": "def age_on(birth: str, day: str) -> int:",
        "doc": """
            birth and day are "YYYY-MM-DD" with day not before birth. Return the person's age in full
            years on day. Someone born on February 29 becomes a year older on March 1 in years without
            February 29.
        """,
        "difficulty": "medium",
        "tags": ["dates"],
        "visible": [("2000-05-20", "2024-05-19"), ("2000-05-20", "2024-05-20")],
        "hidden": [
            ("2024-01-01", "2024-01-01"),
            ("2000-12-31", "2001-12-30"),
            ("2000-12-31", "2001-12-31"),
            ("2000-02-29", "2001-02-28"),
            ("2000-02-29", "2001-03-01"),
            ("2000-02-29", "2004-02-29"),
            ("1990-03-01", "2024-02-29"),
            ("1950-07-15", "2024-07-16"),
        ],
        "ref": """
def age_on(birth, day):
    by, bm, bd = (int(p) for p in birth.split("-"))
    y, m, d = (int(p) for p in day.split("-"))
    age = y - by
    if (m, d) < (bm, bd):
        age -= 1
    return age
""",
        "wrong": [
            """
from datetime import date


def age_on(birth, day):
    return (date.fromisoformat(day) - date.fromisoformat(birth)).days // 365
"""
        ],
    },
    {
        "id": "local_to_utc",
        "sig": "def local_to_utc(stamp: str, offset: str) -> str:",
        "doc": """
            stamp is a local time "YYYY-MM-DD HH:MM" and offset the local zone's offset from UTC, like
            "+05:30" or "-08:00". Return the same moment in UTC, formatted like stamp.
        """,
        "difficulty": "medium",
        "tags": ["dates", "parsing"],
        "visible": [("2024-06-01 12:00", "+02:00"), ("2024-06-01 20:00", "-05:00")],
        "hidden": [
            ("2024-06-01 12:00", "+00:00"),
            ("2024-06-01 01:00", "+02:00"),
            ("2024-01-01 00:15", "+05:30"),
            ("2023-12-31 23:00", "-01:30"),
            ("2024-02-28 22:00", "-03:00"),
            ("2023-02-28 22:00", "-03:00"),
            ("2024-03-01 00:00", "+14:00"),
            ("2024-07-15 09:45", "-09:45"),
        ],
        "ref": """
from datetime import datetime, timedelta


def local_to_utc(stamp, offset):
    t = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    sign = -1 if offset[0] == "-" else 1
    h, m = (int(p) for p in offset[1:].split(":"))
    return (t - sign * timedelta(hours=h, minutes=m)).strftime("%Y-%m-%d %H:%M")
""",
        "wrong": [
            """
from datetime import datetime, timedelta


def local_to_utc(stamp, offset):
    t = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    h, m = (int(p) for p in offset.split(":"))
    return (t - timedelta(hours=h, minutes=m)).strftime("%Y-%m-%d %H:%M")
"""
        ],
    },
    {
        "id": "calendar_rows",
        "sig": "def calendar_rows(year: int, month: int) -> int:",
        "doc": """
            A wall calendar shows a month as rows of seven days, Monday first, with a new row every
            Monday. Return how many rows the given month needs.
        """,
        "difficulty": "hard",
        "tags": ["dates", "numbers"],
        "visible": [(2024, 6), (2015, 2)],
        "hidden": [
            (2021, 2),
            (2024, 2),
            (2024, 9),
            (2023, 7),
            (2024, 12),
            (2026, 2),
            (2020, 8),
            (2024, 1),
        ],
        "ref": """
import calendar


def calendar_rows(year, month):
    first, days = calendar.monthrange(year, month)
    return (first + days + 6) // 7
""",
        "wrong": [
            """
import calendar


def calendar_rows(year, month):
    first, days = calendar.monthrange(year, month)
    return days // 7 + 1
"""
        ],
    },
    {
        "id": "nth_weekday",
        "sig": "def nth_weekday(year: int, month: int, weekday: int, n: int) -> str:",
        "doc": """
            weekday is 0 for Monday through 6 for Sunday. Return, as "YYYY-MM-DD", the n-th such weekday
            of the month (n = 1 is the first); n = -1 asks for the last one. Return "" when the month
            has no n-th such weekday.
        """,
        "difficulty": "hard",
        "tags": ["dates"],
        "visible": [(2024, 11, 3, 4), (2024, 5, 0, -1)],
        "hidden": [
            (2024, 6, 5, 1),
            (2024, 6, 6, 5),
            (2024, 6, 5, 5),
            (2024, 6, 0, 5),
            (2024, 2, 3, 5),
            (2023, 2, 3, 5),
            (2024, 12, 1, -1),
            (2024, 9, 6, -1),
            (2025, 1, 2, 1),
        ],
        "ref": """
import calendar
import datetime


def nth_weekday(year, month, weekday, n):
    days = calendar.monthrange(year, month)[1]
    hits = [
        datetime.date(year, month, d)
        for d in range(1, days + 1)
        if datetime.date(year, month, d).weekday() == weekday
    ]
    if n == -1:
        return hits[-1].isoformat()
    return hits[n - 1].isoformat() if n <= len(hits) else ""
""",
        "wrong": [
            """
import datetime


def nth_weekday(year, month, weekday, n):
    first = datetime.date(year, month, 1)
    shift = (weekday - first.weekday()) % 7
    if n == -1:
        n = 4
    d = first + datetime.timedelta(days=shift + 7 * (n - 1))
    return d.isoformat() if d.month == month else ""
"""
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
