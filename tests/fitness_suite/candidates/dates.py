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
]

REFERENCE = {t["id"]: t["ref"] for t in TASKS}
WRONG = {t["id"]: t["wrong"] for t in TASKS}
