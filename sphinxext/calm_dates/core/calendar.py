"""Evaluated tables to an iCalendar file's bytes (RFC 5545), made with the icalendar package.

Instants are written in UTC, days as all-day DATE events; month-only, TBA and
invalid entries have no day to put in a calendar and are listed as left out.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from .block import EvaluatedTable
from .model import Entry, RowStatus, normalise_label
from .names import iso_day
from .status import flag_words
from .zones import to_utc

PRODID = "-//sphinxext.calm_dates//important-dates//EN"
FINGERPRINT_PROPERTY = "X-CALM-DATES-FINGERPRINT"
# Part of the fingerprint: bump when build_calendar's output changes for the same inputs.
FORMAT_VERSION = 3
# C0 and C1 controls (line breaks included): a calendar's text values must not hold them raw.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def plain_text(text: str) -> str:
    """*text* with each run of control characters read as one space, as one line a calendar can hold."""
    return " ".join(_CONTROLS.sub(" ", text).split())


def in_calendar(entry: Entry) -> bool:
    """Whether an entry has a day or instant a calendar can hold."""
    return entry.is_dated and entry.when.kind in {"instant", "days"}


def left_out(tables: Sequence[EvaluatedTable]) -> list[str]:
    """Labels of the entries that the calendar file leaves out, with why."""
    reasons = {"month": "month only", "tba": "not yet announced"}
    return [
        f"{entry.label or entry.text} ({reasons.get(entry.when.kind, '') if entry.when else 'no valid date'})"
        for table in tables
        for entry in table.entries
        if not in_calendar(entry)
    ]


def event_uid(page: str, label: str, occurrence: int = 0) -> str:
    """Stable across builds, so re-importing the file updates events instead of duplicating them."""
    key = f"{page}\n{normalise_label(label)}\n{occurrence}"
    # surrogatepass: a label is any str, and a stray surrogate must not stop the calendar.
    return f"{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}@calm-dates"


@dataclass(frozen=True)
class CalendarJob:
    """Everything one page's .ics file is made from; ``day`` is the UTC day its status is as of."""

    page: str
    name: str
    day: date
    rows: tuple[tuple[Entry, RowStatus], ...]

    @property
    def fingerprint(self) -> str:
        """Changes whenever the file's content would, so an unchanged file need not be written again."""
        data = pickle.dumps((FORMAT_VERSION, self.page, self.name, self.day, self.rows), protocol=4)
        return hashlib.sha256(data).hexdigest()[:32]


def calendar_job(tables: Sequence[EvaluatedTable], page: str, name: str) -> CalendarJob:
    rows = tuple((entry, status) for table in tables for entry, status in table.rows if in_calendar(entry))
    day = max((table.now for table in tables), default=None)
    return CalendarJob(page, name, to_utc(day).date() if day else date(1970, 1, 1), rows)


def is_written_from(head: bytes, job: CalendarJob) -> bool:
    """Whether a file that starts with *head* was written from exactly these inputs (read without icalendar)."""
    return f"{FINGERPRINT_PROPERTY}:{job.fingerprint}".encode() in head


def extensions(entry: Entry) -> int:
    """How many times an entry's date was moved: its struck-through earlier dates."""
    return entry.text.count("~~") // 2


def build_calendar(job: CalendarJob) -> bytes:
    # Imported here: icalendar costs ~30 ms to import, paid only where a calendar is written.
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    name = plain_text(job.name)
    calendar.add("x-wr-calname", name)
    calendar.add(FINGERPRINT_PROPERTY, job.fingerprint)
    # DTSTAMP: when the information was last revised; the status in it is as of that day.
    stamp = datetime.combine(job.day, time(0), tzinfo=UTC)
    seen: dict[str, int] = {}
    for entry, status in job.rows:
        key = normalise_label(entry.label)
        seen[key] = seen.get(key, -1) + 1
        event = Event()
        event.add("uid", event_uid(job.page, entry.label, seen[key]))
        event.add("dtstamp", stamp)
        # Each extension of a deadline (a struck-through earlier date) is a new revision of the event,
        # so calendar apps that subscribed replace the old date instead of keeping both.
        event.add("sequence", extensions(entry))
        event.add("summary", f"{name}: {plain_text(entry.label)}")
        _add_time(event, entry)
        words = ", ".join(word for _, word in flag_words(entry, status))
        reasons = [f"{f.subtype}: {plain_text(f.message)}" for f in status.findings]
        lines = [plain_text(entry.text), f"Status as of {iso_day(job.day)}: {words}", *reasons]
        event.add("description", "\n".join(lines))
        calendar.add_component(event)
    return calendar.to_ical()


def _add_time(event, entry: Entry) -> None:
    when = entry.when
    if when.kind == "instant":
        event.add("dtstart", _utc(when.start))
    elif when.last_day < date.max:
        event.add("dtstart", when.first_day)
        event.add("dtend", when.last_day + timedelta(days=1))
    else:
        # DTEND would be 10000-01-01, which no date can hold; a DURATION says the same.
        event.add("dtstart", when.first_day)
        event.add("duration", timedelta(days=(when.last_day - when.first_day).days + 1))


def _utc(moment: datetime) -> datetime:
    return to_utc(moment)
