"""English month and weekday names, fixed here so no process locale can change them.

``calendar.month_name`` and ``%B`` follow ``setlocale``, which ``sphinx-build``
calls: under ``LC_ALL=de_DE.UTF-8`` they name June in German. Pages are written in
English, so parsing and every date the output shows use these lists instead.
"""

from __future__ import annotations

from datetime import date, datetime

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Lower-case name or abbreviation -> month number (1-12) / weekday number (Monday = 0).
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}
WEEKDAYS.update({name[:3].lower(): number for number, name in enumerate(WEEKDAY_NAMES)})
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})


def month_name(month: int) -> str:
    return MONTH_NAMES[month - 1]


def long_day(day: date) -> str:
    """June 6, 2022 (four-digit years, whatever the year)."""
    return f"{month_name(day.month)} {day.day}, {day.year:04d}"


def month_year(day: date) -> str:
    """December 2024."""
    return f"{month_name(day.month)} {day.year:04d}"


def long_moment(moment: datetime) -> str:
    """June 6, 2022, 23:59 (in the moment's own zone)."""
    return f"{long_day(moment.date())}, {moment.hour:02d}:{moment.minute:02d}"


def iso_day(day: date) -> str:
    """2022-06-06, with a four-digit year even before 1000 (isoformat does this; strftime may not)."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def iso_minute_utc(moment: datetime) -> str:
    """2022-06-07T11:59Z for a UTC moment."""
    return f"{iso_day(moment.date())}T{moment.hour:02d}:{moment.minute:02d}Z"


def iso_second_utc(moment: datetime) -> str:
    """2022-06-07T11:59:00Z for a UTC moment."""
    return f"{iso_day(moment.date())}T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}Z"
