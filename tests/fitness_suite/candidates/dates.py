"""Candidate tasks, family 'dates': dates and times with the standard library. Specs, references, wrong ones."""

TASKS = [
    {
        "id": "quarter_label",
        "sig": "def quarter_label(date: str) -> str:",
        "doc": """
            date is "YYYY-MM-DD". Return the calendar quarter it falls in as "YYYY-Qn": January to
            March are quarter 1, April to June quarter 2, July to September quarter 3 and October to
            December quarter 4.
        """,
        "difficulty": "easy",
        "tags": ["dates", "strings"],
        "visible": [("2024-02-15",), ("2023-11-30",)],
        "hidden": [
            ("2024-01-01",),
            ("2024-03-31",),
            ("2024-04-01",),
            ("2022-06-30",),
            ("2021-07-14",),
            ("2020-09-09",),
            ("2019-10-01",),
            ("1999-12-31",),
            ("2000-05-20",),
            ("2030-08-08",),
        ],
        "ref": """
def quarter_label(date):
    return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"
""",
        "wrong": [
            """
def quarter_label(date):
    return f"{date[:4]}-Q{int(date[5:7]) // 3 + 1}"
""",
            """
def quarter_label(date):
    return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 4 + 1}"
""",
        ],
    },
    {
        "id": "sort_day_first_dates",
        "sig": "def sort_day_first_dates(dates: list[str]) -> list[str]:",
        "doc": """
            Each date is written "DD/MM/YYYY": a two-digit day, a two-digit month, then the year.
            Return the dates sorted from the earliest to the latest, each written as it was given;
            equal dates keep their order.
        """,
        "difficulty": "easy",
        "tags": ["dates", "sorting"],
        "visible": [(["05/03/2024", "20/01/2024", "01/12/2023"],), ([],)],
        "hidden": [
            (["17/08/2021"],),
            (["02/01/2020", "01/02/2020"],),
            (["31/12/2019", "01/01/2020"],),
            (["15/06/2022", "15/06/2022", "14/06/2022"],),
            (["01/01/2001", "01/01/2000", "01/01/1999"],),
            (["29/02/2020", "28/02/2020", "01/03/2020"],),
            (["10/10/2010", "09/11/2010", "11/09/2010"],),
            (["01/05/2023", "02/05/2023", "03/05/2023"],),
            (["30/01/2024", "01/12/2023", "15/07/2023", "02/02/2024"],),
            (["12/12/2012", "11/12/2013"],),
        ],
        "ref": """
def sort_day_first_dates(dates):
    return sorted(dates, key=lambda d: (d[6:], d[3:5], d[:2]))
""",
        "wrong": [
            """
def sort_day_first_dates(dates):
    return sorted(dates)
""",
            """
def sort_day_first_dates(dates):
    return sorted(dates, key=lambda d: (d[3:5], d[:2], d[6:]))
""",
        ],
    },
    {
        "id": "meeting_overlap",
        "sig": "def meeting_overlap(a: list[str], b: list[str]) -> int:",
        "doc": """
            a and b are two meetings on the same day, each [start, end] with times "HH:MM" on a 24-hour
            clock and start earlier than end. Return for how many minutes both meetings are going on at
            once: 0 when they do not overlap, which includes one ending exactly when the other starts.
        """,
        "difficulty": "easy",
        "tags": ["dates", "intervals"],
        "visible": [(["09:00", "10:30"], ["10:00", "11:00"]), (["08:00", "09:00"], ["09:00", "09:45"])],
        "hidden": [
            (["08:00", "09:00"], ["13:00", "14:00"]),
            (["13:00", "14:00"], ["08:00", "09:00"]),
            (["10:15", "11:45"], ["09:50", "10:20"]),
            (["09:00", "17:00"], ["12:00", "12:30"]),
            (["12:00", "12:30"], ["09:00", "17:00"]),
            (["14:05", "15:55"], ["14:05", "15:55"]),
            (["23:00", "23:59"], ["00:00", "23:30"]),
            (["09:45", "10:00"], ["07:00", "09:45"]),
            (["06:10", "08:20"], ["07:55", "09:00"]),
            (["00:00", "00:01"], ["00:00", "23:59"]),
        ],
        "ref": """
def meeting_overlap(a, b):
    def minutes(t):
        return int(t[:2]) * 60 + int(t[3:])

    return max(0, min(minutes(a[1]), minutes(b[1])) - max(minutes(a[0]), minutes(b[0])))
""",
        "wrong": [
            """
def meeting_overlap(a, b):
    def minutes(t):
        return int(t[:2]) * 60 + int(t[3:])

    return min(minutes(a[1]), minutes(b[1])) - max(minutes(a[0]), minutes(b[0]))
""",
            """
def meeting_overlap(a, b):
    def minutes(t):
        return int(t[:2]) * 60 + int(t[3:])

    if minutes(b[0]) >= minutes(a[1]):
        return 0
    return min(minutes(a[1]), minutes(b[1])) - minutes(b[0])
""",
        ],
    },
    {
        "id": "long_form_date",
        "sig": "def long_form_date(date: str) -> str:",
        "doc": """
            date is "YYYY-MM-DD". Return it written out as the day, the English name of the month and
            the year, separated by single spaces, like "5 March 2024" for "2024-03-05": the day is
            written without a leading zero.
        """,
        "difficulty": "easy",
        "tags": ["dates", "strings"],
        "visible": [("2024-03-05",), ("1999-12-31",)],
        "hidden": [
            ("2024-01-01",),
            ("2023-02-09",),
            ("2022-04-10",),
            ("2021-05-20",),
            ("2020-06-01",),
            ("1776-07-04",),
            ("2019-08-15",),
            ("2018-09-30",),
            ("2017-10-02",),
            ("2016-11-11",),
            ("2015-12-07",),
        ],
        "ref": """
def long_form_date(date):
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    year, month, day = date.split("-")
    return f"{int(day)} {months[int(month) - 1]} {year}"
""",
        "wrong": [
            """
def long_form_date(date):
    from datetime import datetime

    return datetime.strptime(date, "%Y-%m-%d").strftime("%d %B %Y")
""",
            """
def long_form_date(date):
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    year, month, day = date.split("-")
    return f"{day.strip('0')} {months[int(month) - 1]} {year}"
""",
        ],
    },
    {
        "id": "shift_length_minutes",
        "sig": "def shift_length_minutes(start: str, end: str) -> int:",
        "doc": """
            start and end are the 24-hour times "HH:MM" at which a work shift begins and ends. Return
            the length of the shift in minutes. When end is earlier than start, the shift runs past
            midnight and ends on the next day. When end equals start, the shift is empty: 0 minutes.
        """,
        "difficulty": "easy",
        "tags": ["dates", "numbers"],
        "visible": [("09:00", "17:30"), ("22:00", "06:00")],
        "hidden": [
            ("00:00", "00:00"),
            ("12:00", "12:00"),
            ("23:59", "00:00"),
            ("00:00", "23:59"),
            ("08:15", "08:45"),
            ("18:30", "02:15"),
            ("23:00", "23:30"),
            ("10:00", "09:59"),
            ("06:05", "18:50"),
            ("00:30", "00:10"),
        ],
        "ref": """
def shift_length_minutes(start, end):
    def minutes(clock):
        hours, mins = clock.split(":")
        return int(hours) * 60 + int(mins)

    return (minutes(end) - minutes(start)) % (24 * 60)
""",
        "wrong": [
            """
def shift_length_minutes(start, end):
    def minutes(clock):
        hours, mins = clock.split(":")
        return int(hours) * 60 + int(mins)

    return abs(minutes(end) - minutes(start))
""",
            """
def shift_length_minutes(start, end):
    def minutes(clock):
        hours, mins = clock.split(":")
        return int(hours) * 60 + int(mins)

    length = minutes(end) - minutes(start)
    if length <= 0:
        length += 24 * 60
    return length
""",
        ],
    },
    {
        "id": "dates_in_range",
        "sig": "def dates_in_range(start: str, end: str) -> list[str]:",
        "doc": """
            start and end are dates "YYYY-MM-DD". Return every date from start to end, both included,
            in calendar order and in the same format. When end is earlier than start, return [].
        """,
        "difficulty": "easy",
        "tags": ["dates", "lists"],
        "visible": [("2024-02-27", "2024-03-01"), ("2024-05-05", "2024-05-05")],
        "hidden": [
            ("2024-05-06", "2024-05-05"),
            ("2024-03-01", "2024-02-27"),
            ("2023-12-30", "2024-01-02"),
            ("2023-02-27", "2023-03-01"),
            ("1900-02-27", "1900-03-01"),
            ("2000-02-28", "2000-03-01"),
            ("2022-04-29", "2022-05-02"),
            ("2021-07-14", "2021-07-15"),
            ("2024-01-30", "2024-02-02"),
            ("2019-09-01", "2019-09-10"),
        ],
        "ref": """
from datetime import date, timedelta


def dates_in_range(start, end):
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
""",
        "wrong": [
            """
from datetime import date, timedelta


def dates_in_range(start, end):
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days)]
""",
            """
from datetime import date, timedelta


def dates_in_range(start, end):
    first, last = sorted([date.fromisoformat(start), date.fromisoformat(end)])
    return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
""",
        ],
    },
    {
        "id": "months_apart",
        "sig": "def months_apart(a: str, b: str) -> int:",
        "doc": """
            a and b are dates "YYYY-MM-DD". Return how many calendar months the month of b comes after
            the month of a, looking only at the year and the month (the day does not matter):
            "2024-01-31" to "2024-02-01" is 1 month. The result is negative when b's month comes
            before a's month, and 0 when both dates are in the same month.
        """,
        "difficulty": "easy",
        "tags": ["dates", "numbers"],
        "visible": [("2024-01-31", "2024-02-01"), ("2023-11-15", "2025-02-03")],
        "hidden": [
            ("2024-03-01", "2024-03-31"),
            ("2024-05-10", "2024-02-10"),
            ("2023-12-31", "2024-01-01"),
            ("2020-01-01", "2020-12-31"),
            ("2024-06-15", "2023-06-15"),
            ("1999-12-01", "2000-01-31"),
            ("2024-02-29", "2024-03-29"),
            ("2010-07-20", "2030-07-19"),
            ("2024-08-31", "2024-08-01"),
            ("2022-01-31", "2021-12-01"),
        ],
        "ref": """
def months_apart(a, b):
    return (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7])
""",
        "wrong": [
            """
from datetime import date


def months_apart(a, b):
    return (date.fromisoformat(b) - date.fromisoformat(a)).days // 30
""",
            """
def months_apart(a, b):
    return abs((int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7]))
""",
        ],
    },
    {
        "id": "overdue_names",
        "sig": "def overdue_names(due: dict[str, str], today: str) -> list[str]:",
        "doc": """
            due maps the name of each item to its due date "YYYY-MM-DD". Return the names of the items
            that are overdue on the date today, that is whose due date is earlier than today; an item
            due on today itself is not overdue yet. List the names in alphabetical order, [] when
            none is overdue.
        """,
        "difficulty": "easy",
        "tags": ["dates", "dicts"],
        "visible": [
            ({"rent": "2024-03-01", "tax": "2024-04-30", "gym": "2024-02-15"}, "2024-03-10"),
            ({}, "2024-01-01"),
        ],
        "hidden": [
            ({"a": "2024-01-01"}, "2024-01-01"),
            ({"a": "2023-12-31"}, "2024-01-01"),
            ({"a": "2024-01-02"}, "2024-01-01"),
            ({"zinc": "2020-01-01", "iron": "2021-01-01", "gold": "2022-01-01"}, "2023-01-01"),
            ({"late": "2024-06-09", "due": "2024-06-10", "soon": "2024-06-11"}, "2024-06-10"),
            ({"b": "2024-02-28", "a": "2024-02-29", "c": "2024-03-01"}, "2024-03-01"),
            ({"x": "2025-01-01", "y": "2026-01-01"}, "2024-12-31"),
            ({"mop": "2019-05-05", "bin": "2019-05-04"}, "2019-05-05"),
            ({"q": "1999-12-31", "p": "2000-01-01"}, "2100-01-01"),
            ({"m": "2024-10-01", "k": "2024-09-30", "l": "2024-10-02"}, "2024-10-02"),
        ],
        "ref": """
def overdue_names(due, today):
    return sorted(name for name, when in due.items() if when < today)
""",
        "wrong": [
            """
def overdue_names(due, today):
    return sorted(name for name, when in due.items() if when <= today)
""",
            """
def overdue_names(due, today):
    return [name for name, when in sorted(due.items(), key=lambda kv: kv[1]) if when < today]
""",
        ],
    },
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
