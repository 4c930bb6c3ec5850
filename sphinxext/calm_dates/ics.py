"""Resolved tables to an iCalendar file (RFC 5545), written with the icalendar package.

Instants are written in UTC, days as all-day DATE events; month-only, TBA and
invalid entries have no day to put in a calendar and are listed as left out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from .model import Entry, ResolvedTable, normalise_label
from .status import flag_words

PRODID = "-//sphinxext.calm_dates//important-dates//EN"


def in_calendar(entry: Entry) -> bool:
    """Whether an entry has a day or instant a calendar can hold."""
    return entry.is_dated and entry.when.kind in {"instant", "days"}


def left_out(tables: Sequence[ResolvedTable]) -> list[str]:
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
    return f"{hashlib.sha256(key.encode()).hexdigest()[:32]}@calm-dates"


def build_calendar(tables: Sequence[ResolvedTable], page: str, calendar_name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", calendar_name)
    seen: dict[str, int] = {}
    for table in tables:
        stamp = table.now.astimezone(UTC).replace(microsecond=0)
        for entry, status in zip(table.entries, table.statuses, strict=True):
            if not in_calendar(entry):
                continue
            key = normalise_label(entry.label)
            seen[key] = seen.get(key, -1) + 1
            event = Event()
            event.add("uid", event_uid(page, entry.label, seen[key]))
            event.add("dtstamp", stamp)
            event.add("summary", f"{calendar_name}: {entry.label}")
            _add_time(event, entry)
            words = ", ".join(word for _, word in flag_words(entry, status))
            reasons = [f"{f.subtype}: {f.message}" for f in status.findings]
            event.add("description", "\n".join([f"{entry.text}", f"Status as of {stamp:%Y-%m-%d}: {words}", *reasons]))
            calendar.add_component(event)
    return calendar.to_ical()


def _add_time(event: Event, entry: Entry) -> None:
    when = entry.when
    if when.kind == "instant":
        event.add("dtstart", _utc(when.start))
    else:
        event.add("dtstart", when.first_day)
        event.add("dtend", when.last_day + timedelta(days=1))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
