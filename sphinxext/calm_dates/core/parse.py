"""Text to entries: the `label: when` lines of an important-dates block, as contributors paste them.

Pure functions; the only exception raised is DateSyntaxError (from parse_when),
and parse_entry never raises at all: a line that does not parse becomes an
Entry with an ``error``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta, tzinfo

from .errors import DateSyntaxError
from .model import Entry, When
from .names import MONTHS, WEEKDAY_NAMES, WEEKDAYS, long_day, month_name
from .zones import parse_zone

ACCEPTED_FORMS = (
    "June 6, 2022 / Jun 6, 2022 / 6 June 2022 / 2022-06-06; December 2024 / 2024-12; "
    "December 14\u201315, 2024 / Nov 30 \u2013 Dec 1, 2024; an optional time (23:59, 11:59 pm) "
    "and zone (AoE, UTC, UTC+2, America/Vancouver); or TBA"
)
# Longer than any date anyone writes; refusing early keeps the regexes cheap.
MAX_WHEN_LENGTH = 200
# A range written without its first year may cross New Year, but only by weeks.
MAX_WRAPPED_RANGE_DAYS = 45

# Fixed English names: calendar.month_name would follow the process locale.
_MONTHS = MONTHS
_WEEKDAYS = WEEKDAYS

_LIST_MARKER = re.compile(r"^\s*(?:[*+\-]|\d{1,9}[.)])\s+")
_LABEL_SPLIT = re.compile(r":(?=\s|$|[*_]+(?:\s|$))")
_EMPHASIS = "*_"
_STRUCK = re.compile(r"^~~(?P<old>[^~]+)~~\s*(?P<new>.*)$")
_TBA = re.compile(r"^(?:tba|tbd|to be (?:announced|determined|confirmed))\.?$", re.IGNORECASE)
_ZONE_TAIL = re.compile(
    r"^(?P<rest>.*?)(?:[\s,]+\(?|\()(?P<zone>(?:UTC|GMT)\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?"
    r"|[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+|[A-Za-z]{1,6})\)?$"
)
_TIME_TAIL = re.compile(
    r"^(?P<rest>.*?)(?:[\s,]+(?:at\s+)?|^)(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?$",
    re.IGNORECASE,
)
_WEEKDAY_HEAD = re.compile(r"^(?P<weekday>[A-Za-z]+)\.?,?\s+(?=\S)")
_ISO_DAY = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_ISO_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$")
_MONTH_DAY = re.compile(
    r"^(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?(?:,?\s+(?P<year>\d{4}))?$",
    re.IGNORECASE,
)
_DAY_ONLY = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"^(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})$")
_RANGE_SEPARATORS = (
    re.compile(r"\s*[\u2013\u2014]\s*"),
    re.compile(r"\s+(?:to|until|through)\s+", re.IGNORECASE),
    re.compile(r"\s+-\s+"),
    re.compile(r"(?<=\d)-(?=\d)"),
)


def parse_body(lines: list[str], default_zone: str, first_line: int = 1) -> list[Entry]:
    """One Entry per non-blank line of a directive body, in order.

    *first_line* is the source line number of ``lines[0]``, so entries know their own line.
    """
    return [parse_entry(text, first_line + offset, default_zone) for offset, text in enumerate(lines) if text.strip()]


def parse_entry(line: str, index: int, default_zone: str) -> Entry:
    """Read one `label: when` line found at source line *index*; never raises."""
    body = _strip_emphasis(_LIST_MARKER.sub("", line, count=1).strip())
    split = _LABEL_SPLIT.search(body)
    if split is None:
        return Entry(
            label=body,
            text="",
            line=index,
            error="the line has no 'label: date' colon; write it as "
            "'* **Paper submission deadline:** June 6, 2022, 23:59 AoE'",
        )
    label = _strip_emphasis(body[: split.start()])
    text = _strip_emphasis(body[split.end() :])
    if not label:
        return Entry(label="", text=text, line=index, error="the entry has no label before its colon")
    try:
        when = parse_when(text, default_zone)
    except DateSyntaxError as error:
        return Entry(label=label, text=text, line=index, error=str(error))
    return Entry(label=label, text=text, line=index, when=when)


def _strip_emphasis(text: str) -> str:
    return text.strip().strip(_EMPHASIS).strip()


def parse_when(text: str, default_zone: str) -> When:
    """Parse the date part of an entry; raise DateSyntaxError with the accepted forms."""
    text = " ".join(text.split())
    if not text:
        raise DateSyntaxError(f"the entry has no date; write one of: {ACCEPTED_FORMS}")
    if len(text) > MAX_WHEN_LENGTH:
        raise DateSyntaxError(f"{len(text)} characters is too long for a date; write one of: {ACCEPTED_FORMS}")
    superseded = None
    struck = _STRUCK.match(text)
    if struck:
        superseded, text = struck["old"].strip(), struck["new"].strip()
        if not text:
            raise DateSyntaxError("a struck-through date needs the new date after it: ~~June 6, 2022~~ June 13, 2022")
    if _TBA.match(text):
        return When(kind="tba", superseded=superseded)
    text, zone_text = _split_zone(text)
    tz, zone_name = parse_zone(zone_text or default_zone)
    text, clock = _split_time(text)
    when = _parse_dates(text, clock, tz, zone_name)
    return When(**{**when.__dict__, "superseded": superseded})


def _split_zone(text: str) -> tuple[str, str | None]:
    match = _ZONE_TAIL.match(text)
    if not match:
        return text, None
    zone = match["zone"]
    lowered = zone.lower().rstrip(".")
    # A trailing word can be part of the date or time rather than a zone.
    if lowered in _MONTHS or lowered in {"am", "pm", "a", "p", "m", "st", "nd", "rd", "th"}:
        return text, None
    if not match["rest"]:
        raise DateSyntaxError(f"{text!r} has a time zone but no date; write one of: {ACCEPTED_FORMS}")
    return match["rest"], zone


def _split_time(text: str) -> tuple[str, time | None]:
    match = _TIME_TAIL.match(text)
    if not match or not (match["minute"] or match["ampm"]) or not match["rest"]:
        return text, None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise DateSyntaxError(f"{hour} is not an hour on a 12-hour clock; write 11:59 pm or 23:59")
        hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise DateSyntaxError(f"{match['hour']}:{match['minute']} is not a time of day; write 23:59 or 11:59 pm")
    return match["rest"].rstrip(" ,"), time(hour, minute)


def _parse_dates(text: str, clock: time | None, tz: tzinfo, zone: str) -> When:
    text, weekday = _split_weekday(text)
    single = _parse_month(text)
    if single is not None:
        if clock is not None:
            raise DateSyntaxError(f"{text!r} is a whole month; a time needs a single day such as June 6, 2022")
        first = date(single[0], single[1], 1)
        last = date(single[0], single[1], calendar.monthrange(*single)[1])
        return _days_when("month", first, last, tz, zone)
    first, last = _parse_day_or_range(text)
    if weekday is not None and first.weekday() != weekday:
        raise DateSyntaxError(
            f"{_long(first)} is a {WEEKDAY_NAMES[first.weekday()]}, not a "
            f"{WEEKDAY_NAMES[weekday]}; fix the day or the date"
        )
    if clock is None:
        return _days_when("days", first, last, tz, zone)
    if first != last:
        raise DateSyntaxError("a time needs a single day, not a range; give the range without a time")
    instant = datetime.combine(first, clock, tzinfo=tz)
    return When(kind="instant", start=instant, end=instant, zone=zone, first_day=first, last_day=first)


def _days_when(kind: str, first: date, last: date, tz: tzinfo, zone: str) -> When:
    return When(
        kind=kind,
        start=datetime.combine(first, time(0), tzinfo=tz),
        end=datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz),
        zone=zone,
        first_day=first,
        last_day=last,
    )


def _split_weekday(text: str) -> tuple[str, int | None]:
    match = _WEEKDAY_HEAD.match(text)
    if match and match["weekday"].lower() in _WEEKDAYS:
        return text[match.end() :], _WEEKDAYS[match["weekday"].lower()]
    return text, None


def _parse_month(text: str) -> tuple[int, int] | None:
    match = _ISO_MONTH.match(text)
    if match:
        return int(match["year"]), _month_number(match["month"])
    match = _MONTH_YEAR.match(text)
    if match and match["month"].lower() in _MONTHS:
        return int(match["year"]), _MONTHS[match["month"].lower()]
    return None


def _parse_day_or_range(text: str) -> tuple[date, date]:
    iso = _ISO_DAY.match(text)
    if iso:
        day = _make_date(int(iso["year"]), _month_number(iso["month"]), int(iso["day"]))
        return day, day
    for separator in _RANGE_SEPARATORS:
        parts = separator.split(text)
        if len(parts) == 2 and all(parts):
            return _parse_range(*parts)
    year, month, day = _parse_day_parts(text)
    if year is None or month is None:
        raise DateSyntaxError(f"{text!r} needs a month and a year; write one of: {ACCEPTED_FORMS}")
    day_value = _make_date(year, month, day)
    return day_value, day_value


def _parse_range(left: str, right: str) -> tuple[date, date]:
    right_year, right_month, right_day = _parse_day_parts(right)
    left_year, left_month, left_day = _parse_day_parts(left)
    if right_year is None:
        raise DateSyntaxError(f"the range {left} \u2013 {right} needs a year at its end: December 14\u201315, 2024")
    right_month = right_month or left_month
    left_month = left_month or right_month
    if left_month is None:
        raise DateSyntaxError(f"the range {left} \u2013 {right} needs a month: December 14\u201315, 2024")
    last = _make_date(right_year, right_month, right_day)
    if left_year is None:
        first = _make_date(right_year, left_month, left_day)
        # "Dec 30 - Jan 2, 2025" spans the new year; "Dec 1 - Nov 30, 2024" is just reversed.
        if first > last and left_month >= 11:
            wrapped = first.replace(year=right_year - 1)
            first = wrapped if (last - wrapped).days <= MAX_WRAPPED_RANGE_DAYS else first
    else:
        first = _make_date(left_year, left_month, left_day)
    if last < first:
        raise DateSyntaxError(
            f"the range ends ({_long(last)}) before it starts ({_long(first)}); swap or fix the dates"
        )
    return first, last


def _parse_day_parts(text: str) -> tuple[int | None, int | None, int]:
    text = text.strip(" ,")
    iso = _ISO_DAY.match(text)
    if iso:
        return int(iso["year"]), _month_number(iso["month"]), int(iso["day"])
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.match(text)
        if match:
            name = match["month"].lower()
            if name not in _MONTHS:
                raise DateSyntaxError(f"{match['month']!r} is not a month name; write one of: {ACCEPTED_FORMS}")
            return _year(match["year"]), _MONTHS[name], int(match["day"])
    match = _DAY_ONLY.match(text)
    if match:
        return _year(match["year"]), None, int(match["day"])
    raise DateSyntaxError(f"{text!r} is not a date; write one of: {ACCEPTED_FORMS}")


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _month_number(text: str) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise DateSyntaxError(f"month {month} does not exist; months are 01 to 12")
    return month


def _make_date(year: int, month: int, day: int) -> date:
    if year < 1000:
        raise DateSyntaxError(f"year {year} is not a plausible workshop year; write the four-digit year")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateSyntaxError(
            f"{month_name(month)} {day}, {year} does not exist "
            f"({month_name(month)} {year} has {calendar.monthrange(year, month)[1]} days)"
        ) from None


def _long(day: date) -> str:
    return long_day(day)
