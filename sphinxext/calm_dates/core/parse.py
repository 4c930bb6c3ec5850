"""Text to entries: the `label: when` lines of an important-dates block, as contributors paste them.

Pure functions; the only exception raised is DateSyntaxError (from parse_when),
and parse_entry never raises at all: a line that does not parse becomes an
Entry with an ``error``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, tzinfo

from .errors import DateSyntaxError, refuse_non_ascii_digits
from .model import Entry, When
from .names import MONTHS, WEEKDAY_NAMES, WEEKDAYS, long_day, month_name
from .zones import SPELLED_FIXED_ZONES, SPELLED_ZONES, end_of_day, moment_in, offset_name, parse_zone, to_utc

ACCEPTED_FORMS = (
    "June 6, 2022 / Jun 6, 2022 / 6 June 2022 / 2022-06-06; December 2024 / 2024-12; "
    "December 14\u201315, 2024 / Nov 30 \u2013 Dec 1, 2024; an optional time (23:59, 11:59 pm) "
    "and zone (AoE, UTC, UTC+2, America/Vancouver); 2022-06-06T23:59Z; or TBA"
)
# Longer than any date anyone writes; refusing early keeps the regexes cheap.
MAX_WHEN_LENGTH = 200
# A range written without its first year may cross New Year, but only by weeks.
MAX_WRAPPED_RANGE_DAYS = 45

# Fixed English names: calendar.month_name would follow the process locale.
_MONTHS = MONTHS
_WEEKDAYS = WEEKDAYS

_LIST_MARKER = re.compile(r"^\s*(?:[*+\-]|[0-9]{1,9}[.)])\s+")
_LABEL_SPLIT = re.compile(r":(?=\s|$|[*_]+(?:\s|$))")
# Characters str.splitlines() breaks at: inside one entry they are read as spaces.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Other C0/C1 controls (tab aside): invisible on the page, so an entry holding one is refused.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_EMPHASIS = "*_"
# One or more struck-through earlier dates (a deadline extended once or more), then the date in force.
_STRUCK = re.compile(r"^(?P<old>(?:~~[^~]+~~\s*)+)(?P<new>.*)$")
_STRUCK_DATE = re.compile(r"~~([^~]+)~~")
_TBA = re.compile(r"^(?:tba|tbd|to be (?:announced|determined|confirmed))\.?$", re.IGNORECASE)
_ZONE_TAIL = re.compile(
    r"^(?P<rest>.*?)(?:[\s,]+\(?|\()(?P<zone>(?:UTC|GMT)\s*[+\-\u2212]\s*[0-9]{1,2}(?::?[0-9]{2})?"
    r"|[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+|[A-Za-z]{1,12})\)?$"
)
_TIME_TAIL = re.compile(
    r"^(?P<rest>.*?)(?:[\s,]+(?:at\s+)?|^)(?P<hour>[0-9]{1,2})(?::(?P<minute>[0-9]{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?$",
    re.IGNORECASE,
)
_ISO_INSTANT = re.compile(
    r"^(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ](?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:[.,][0-9]+)?)?\s*(?P<offset>[Zz]|[+\-\u2212][0-9]{2}(?::?[0-9]{2})?)$"
)
_ISO_LOCAL = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?$")
_ISO_WEEK = re.compile(r"(?<![0-9A-Za-z])(?P<year>[0-9]{4})-?W(?P<week>[0-9]{2})(?:-?(?P<day>[0-9]))?(?![0-9])")
_TIME_WORD = re.compile(r"(?<![A-Za-z])(?:12\s*)?(?P<word>noon|midday|midnight)(?![A-Za-z])", re.IGNORECASE)
# "23:59 Pacific Time", "(Anywhere on Earth)": a zone in words at the end of the text.
_SPELLED_ZONE_TAIL = re.compile(
    r"^(?P<rest>.*?)[\s,]*\(?(?P<zone>(?:[A-Za-z]+ ){0,3}(?:[A-Za-z]+ time|anywhere on earth))\)?$",
    re.IGNORECASE,
)
_WEEKDAY_HEAD = re.compile(r"^(?P<weekday>[A-Za-z]+)\.?,?\s+(?=\S)")
_ISO_DAY = re.compile(r"^(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})$")
_ISO_MONTH = re.compile(r"^(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})$")
_MONTH_DAY = re.compile(
    r"^(?P<month>[A-Za-z]+)\.?\s+(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>[0-9]{4}))?$",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    r"^(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?(?:,?\s+(?P<year>[0-9]{4}))?$",
    re.IGNORECASE,
)
_DAY_ONLY = re.compile(r"^(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>[0-9]{4}))?$", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"^(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>[0-9]{4})$")
_RANGE_SEPARATORS = (
    re.compile(r"\s*[\u2013\u2014]\s*"),
    re.compile(r"\s+(?:to|until|through)\s+", re.IGNORECASE),
    re.compile(r"\s+-\s+"),
    re.compile(r"(?<=[0-9])-(?=[0-9])"),
)


def parse_body(lines: list[str], default_zone: str, first_line: int = 1) -> list[Entry]:
    """One Entry per non-blank line of a directive body, in order.

    *first_line* is the source line number of ``lines[0]``, so entries know their own line.
    """
    return [parse_entry(text, first_line + offset, default_zone) for offset, text in enumerate(lines) if text.strip()]


def parse_entry(line: str, index: int, default_zone: str) -> Entry:
    """Read one `label: when` line found at source line *index*; never raises.

    Line and paragraph separators (U+2028, form feed, ...) inside the line are read as spaces;
    any other control character makes the entry invalid (it would be invisible on the page).
    """
    line = _LINE_BREAKS.sub(" ", line)
    controls = _CONTROLS.findall(line)
    entry = _parse_entry_text(_CONTROLS.sub("", line), index, default_zone)
    if controls and entry.error is None:
        return replace(
            entry,
            when=None,
            error=f"the line holds the invisible control character U+{ord(controls[0]):04X}; delete it",
        )
    return entry


def _parse_entry_text(line: str, index: int, default_zone: str) -> Entry:
    raw = _LIST_MARKER.sub("", line, count=1).strip()
    body = _strip_emphasis(raw)
    split = _label_split(body, emphasised=raw[:1] in _EMPHASIS)
    if split is None:
        return Entry(
            label=_collapse(body),
            text="",
            line=index,
            error="the line has no 'label: date' colon; write it as "
            "'* **Paper submission deadline:** June 6, 2022, 23:59 AoE'",
        )
    label = _collapse(_strip_emphasis(body[: split.start()]))
    text = _collapse(_strip_emphasis(body[split.end() :]))
    if not label:
        return Entry(label="", text=text, line=index, error="the entry has no label before its colon")
    try:
        when = parse_when(text, default_zone)
    except DateSyntaxError as error:
        return Entry(label=label, text=text, line=index, error=str(error))
    return Entry(label=label, text=text, line=index, when=when)


def _label_split(body: str, emphasised: bool) -> re.Match[str] | None:
    """The colon that ends the label: not one inside parentheses; in an emphasised label, the one at its emphasis."""
    first = None
    depth, scanned = 0, 0
    for split in _LABEL_SPLIT.finditer(body):
        # Counted incrementally, so a long line of colons stays linear.
        passed = body[scanned : split.start()]
        depth, scanned = depth + passed.count("(") - passed.count(")"), split.start()
        if depth > 0:
            continue
        # "**Deadline: extended:** June 6" keeps "Deadline: extended" as the label.
        if not emphasised or _touches_emphasis(body, split.start()):
            return split
        first = first or split
    return first


def _touches_emphasis(body: str, colon: int) -> bool:
    return body[colon + 1 : colon + 2] in {"*", "_"} or body[colon - 1 : colon] in {"*", "_"}


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _strip_emphasis(text: str) -> str:
    return text.strip().strip(_EMPHASIS).strip()


def parse_when(text: str, default_zone: str) -> When:
    """Parse the date part of an entry; raise DateSyntaxError with the accepted forms."""
    text = " ".join(text.split())
    if not text:
        raise DateSyntaxError(f"the entry has no date; write one of: {ACCEPTED_FORMS}")
    if len(text) > MAX_WHEN_LENGTH:
        raise DateSyntaxError(f"{len(text)} characters is too long for a date; write one of: {ACCEPTED_FORMS}")
    refuse_non_ascii_digits(text)
    superseded = None
    struck = _STRUCK.match(text)
    if struck:
        superseded = "; ".join(old.strip() for old in _STRUCK_DATE.findall(struck["old"]))
        text = struck["new"].strip()
        if not text:
            raise DateSyntaxError("a struck-through date needs the new date after it: ~~June 6, 2022~~ June 13, 2022")
    if _TBA.match(text):
        return When(kind="tba", superseded=superseded)
    when = _parse_iso_instant(text) or _parse_written(text, default_zone)
    return replace(when, superseded=superseded)


def _parse_written(text: str, default_zone: str) -> When:
    """A date as people write it: date, optional time, optional zone."""
    _refuse_iso_week(text)
    _refuse_time_word(text)
    rest, zone_text = _split_spelled_zone(text)
    if zone_text is None:
        rest, zone_text = _split_zone(text)
    tz, zone_name = parse_zone(zone_text or default_zone)
    rest, clock = _split_time(rest)
    when = _parse_dates(rest, clock, tz, zone_name)
    if clock is not None:
        _refuse_unclear_wall_time(text, when.first_day, clock, tz)
    return when


def _parse_iso_instant(text: str) -> When | None:
    """2024-06-06T23:59Z, 2024-06-06T23:59:00+02:00, as pasted from other tools; None for other text."""
    match = _ISO_INSTANT.match(text)
    if not match:
        if _ISO_LOCAL.match(text):
            raise DateSyntaxError(
                f"{text!r} has no UTC offset; add one ({text}Z, {text}-12:00) or write {text[:10]}, {text[11:16]} AoE"
            )
        return None
    year, month, day = match["day"].split("-")
    first = _make_date(int(year), _month_number(month), int(day))
    clock = _clock(int(match["hour"]), int(match["minute"]), int(match["second"] or 0), match[0])
    zone_name = _iso_offset_name(match["offset"])
    tz, _ = parse_zone(zone_name)
    instant = moment_in(first, clock, tz)
    return When(
        kind="instant", start=instant, end=instant, zone=zone_name, first_day=first, last_day=first, clock=clock
    )


def _iso_offset_name(offset: str) -> str:
    """Z -> UTC, +0530 -> UTC+05:30, -12 -> UTC-12:00: how the entry's zone is shown."""
    if offset in {"Z", "z"}:
        return "UTC"
    digits = offset[1:].replace(":", "")
    sign = "-" if offset[0] in "-\u2212" else "+"
    return f"UTC{sign}{digits[:2]}:{digits[2:] or '00'}"


def _clock(hour: int, minute: int, second: int, written: str) -> time:
    if hour > 23 or minute > 59 or second > 59:
        raise DateSyntaxError(f"{written!r} is not a time of day; write 23:59 or 11:59 pm")
    return time(hour, minute, second)


def _refuse_iso_week(text: str) -> None:
    match = _ISO_WEEK.search(text)
    if not match:
        return
    try:
        example = long_day(date.fromisocalendar(int(match["year"]), int(match["week"]), int(match["day"] or 1)))
    except ValueError:  # week 54 or day 9: no such day to suggest
        example = "June 6, 2024"
    raise DateSyntaxError(f"{match[0]!r} is an ISO week date; write the calendar date instead, e.g. {example}")


def _refuse_time_word(text: str) -> None:
    match = _TIME_WORD.search(text)
    if not match:
        return
    if match["word"].lower() == "midnight":
        raise DateSyntaxError(
            f"{match[0]!r} in {text!r} is unclear; write 00:00 for the start of that day "
            f"or 23:59 for its end: {_TIME_WORD.sub('23:59', text, count=1)}"
        )
    raise DateSyntaxError(f"write {match[0]!r} as 12:00: {_TIME_WORD.sub('12:00', text, count=1)}")


def _split_spelled_zone(text: str) -> tuple[str, str | None]:
    """A zone written in words ("Pacific Time", "Anywhere on Earth"); refused unless it means one fixed zone."""
    match = _SPELLED_ZONE_TAIL.match(text)
    if not match:
        return text, None
    words = match["zone"].split()
    # The longest run of trailing words that names a zone: "23:59 Central European Time".
    for first in range(len(words)):
        name = " ".join(words[first:])
        rest = text[: match.start("zone") + len(" ".join(words[:first]))].rstrip(" ,(")
        if name.casefold() in SPELLED_FIXED_ZONES:
            return rest, SPELLED_FIXED_ZONES[name.casefold()]
        if name.casefold() in SPELLED_ZONES:
            raise DateSyntaxError(
                f"time zone {name!r} changes with daylight saving time; write an IANA name: "
                f"{rest} {SPELLED_ZONES[name.casefold()]}"
            )
    unknown = " ".join(words[-2:])
    raise DateSyntaxError(f"unknown time zone {unknown!r}; write AoE, UTC, UTC+2 or an IANA name such as Europe/Paris")


def _refuse_unclear_wall_time(text: str, day: date, clock: time, tz: tzinfo) -> None:
    """A local time that a DST change skips or repeats names no single moment."""
    wall = datetime.combine(day, clock)
    early, late = wall.replace(tzinfo=tz, fold=0), wall.replace(tzinfo=tz, fold=1)
    try:
        if early.utcoffset() == late.utcoffset():
            return
        readings = [(moment.utcoffset(), to_utc(moment)) for moment in (early, late)]
        skipped = early.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall
    except OverflowError:
        return
    options = " or ".join(f"{offset_name(offset)} ({utc.hour:02d}:{utc.minute:02d} UTC)" for offset, utc in readings)
    happens = "does not exist (the clocks skip it)" if skipped else "happens twice (the clocks go back)"
    example = f"{long_day(day)}, {clock.hour:02d}:{clock.minute:02d} {offset_name(readings[0][0])}"
    raise DateSyntaxError(
        f"{text!r} {happens}; it could mean {options}: write the offset, e.g. {example}, or pick another time"
    )


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
        first = _make_date(single[0], single[1], 1)
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
    instant = moment_in(first, clock, tz)
    return When(kind="instant", start=instant, end=instant, zone=zone, first_day=first, last_day=first, clock=clock)


def _days_when(kind: str, first: date, last: date, tz: tzinfo, zone: str) -> When:
    return When(
        kind=kind,
        start=moment_in(first, time(0), tz),
        end=end_of_day(last, tz),
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
            return _parse_range(*parts, written=text)
    year, month, day = _parse_day_parts(text)
    if year is None or month is None:
        raise DateSyntaxError(f"{text!r} needs a month and a year; write one of: {ACCEPTED_FORMS}")
    day_value = _make_date(year, month, day)
    return day_value, day_value


def _parse_range(left: str, right: str, written: str) -> tuple[date, date]:
    right_year, right_month, right_day = _parse_day_parts(right)
    left_year, left_month, left_day = _parse_day_parts(left)
    if right_year is None:
        raise DateSyntaxError(f"the range {written!r} needs a year at its end: December 14\u201315, 2024")
    right_month = right_month or left_month
    left_month = left_month or right_month
    if left_month is None:
        raise DateSyntaxError(f"the range {written!r} needs a month: December 14\u201315, 2024")
    last = _make_date(right_year, right_month, right_day)
    if left_year is None:
        first = _make_date(right_year, left_month, left_day)
        # "Dec 30 - Jan 2, 2025" spans the new year; "Dec 1 - Nov 30, 2024" is just reversed.
        if first > last and left_month >= 11 and right_year > 1:
            wrapped = first.replace(year=right_year - 1)
            first = wrapped if (last - wrapped).days <= MAX_WRAPPED_RANGE_DAYS else first
    else:
        first = _make_date(left_year, left_month, left_day)
    if last < first:
        raise DateSyntaxError(_reversed_range_message(written, left, right, first, last, left_year is None))
    return first, last


def _reversed_range_message(written: str, left: str, right: str, first: date, last: date, year_missing: bool) -> str:
    message = f"the range {written!r} reads as {_long(first)} to {_long(last)}, which ends before it starts"
    if year_missing and first.month > last.month and first.year > 1:
        # Written without its first year, the range may be meant to cross New Year.
        return f"{message}; if it crosses New Year, write the first year: {left}, {first.year - 1} \u2013 {right}"
    return f"{message}; swap or fix the dates"


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
    if year < 1:
        raise DateSyntaxError("year 0000 does not exist; years run from 0001 to 9999")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateSyntaxError(
            f"{month_name(month)} {day}, {year} does not exist "
            f"({month_name(month)} {year} has {calendar.monthrange(year, month)[1]} days)"
        ) from None


def _long(day: date) -> str:
    return long_day(day)
