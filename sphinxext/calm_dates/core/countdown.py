"""The countdown line and a deadline in another zone, worded as the page script words them in English.

The build writes these so the page shows them before (and without) the script;
the script then changes only the text, in the visitor's language and zone, so
nothing on the page moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from .model import Entry, RowStatus
from .names import MONTH_NAMES, WEEKDAY_NAMES


def duration_text(span: timedelta) -> str:
    """'3 days, 4 hours', '2 hours, 5 minutes', '1 minute' (Intl's English for the same parts)."""
    minutes = max(int(span.total_seconds() // 60), 0)
    if minutes == 0:
        return "1 minute"
    days, hours, mins = minutes // 1440, minutes % 1440 // 60, minutes % 60
    parts = (
        [(days, "day"), (hours, "hour")]
        if days
        else [(hours, "hour"), (mins, "minute")]
        if hours
        else [(mins, "minute")]
    )
    shown = [part for index, part in enumerate(parts) if part[0] or index == 0]
    return ", ".join(f"{value} {unit}{'' if value == 1 else 's'}" for value, unit in shown)


def countdown_text(rows: Sequence[tuple[Entry, RowStatus]], now: datetime) -> str:
    """The line above a table: the next entry and the time left, or that all dates have passed."""
    upcoming = [(entry, status) for entry, status in rows if status.next]
    if upcoming:
        entry = upcoming[0][0]
        when = entry.when
        if when.kind == "instant":
            return f"{entry.label} closes in {duration_text(when.start - now)}"
        if now < when.start:
            return f"{entry.label} starts in {duration_text(when.start - now)}"
        return f"{entry.label} ends in {duration_text(when.end - now)}"
    if any(entry.is_dated for entry, _ in rows):
        return "All dates have passed."
    return ""


def utc_time_text(entry: Entry) -> str:
    """'= Fri, Jun 7, 11:59 UTC (+1 day)': an instant in UTC, marked when that is another day than written."""
    moment = entry.when.start.astimezone(UTC)
    text = (
        f"= {WEEKDAY_NAMES[moment.weekday()][:3]}, {MONTH_NAMES[moment.month - 1][:3]} {moment.day}, "
        f"{moment.hour:02d}:{moment.minute:02d} UTC"
    )
    return text + day_shift_text(moment.date(), entry.when.first_day)


def day_shift_text(shown, written) -> str:
    """' (+1 day)' when a time shown in another zone falls on another calendar day than written."""
    shift = (shown - written).days
    if shift == 0:
        return ""
    return f" ({shift:+d} day{'' if abs(shift) == 1 else 's'})"
