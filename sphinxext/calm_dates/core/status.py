"""Entries and findings to what each row shows as of a moment: Past, Next, its findings; and until when."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import datetime

from .model import Entry, Finding, RowStatus


def statuses_as_of(entries: Sequence[Entry], findings: Sequence[Finding], now: datetime) -> list[RowStatus]:
    """One RowStatus per entry; the upcoming entry that starts first is Next."""
    upcoming = [i for i, entry in enumerate(entries) if entry.is_dated and now < entry.when.end]
    next_index = min(upcoming, key=lambda i: (entries[i].when.start, i), default=None)
    by_entry: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.index is not None:
            by_entry.setdefault(finding.index, []).append(finding)
    return [
        RowStatus(
            past=entry.is_dated and now >= entry.when.end,
            next=index == next_index,
            findings=tuple(by_entry.get(index, ())),
        )
        for index, entry in enumerate(entries)
    ]


def status_window(entries: Iterable[Entry], now: datetime) -> tuple[datetime | None, datetime | None]:
    """The moments between which every status of these entries stays as it is at *now*.

    Past and Next change only when an entry ends, so the window runs from the last
    end at or before *now* to the first end after it; None means unbounded.
    """
    ends = sorted({entry.when.end for entry in entries if entry.is_dated})
    position = bisect_right(ends, now)
    return (ends[position - 1] if position else None), (ends[position] if position < len(ends) else None)


def flag_words(entry: Entry, status: RowStatus) -> list[tuple[str, str]]:
    """The visible flags of a row as (key, word) pairs; every renderer shows the same words."""
    flags = []
    if status.invalid:
        flags.append(("invalid", "Invalid date"))
    elif entry.when is not None and not entry.when.is_dated:
        flags.append(("tba", "TBA"))
    elif status.past:
        flags.append(("past", "Past"))
    elif status.next:
        flags.append(("next", "Next"))
    else:
        flags.append(("upcoming", "Upcoming"))
    if status.inconsistent:
        flags.append(("inconsistent", "Inconsistent"))
    return flags
