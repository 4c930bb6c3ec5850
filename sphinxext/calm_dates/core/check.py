"""Entries to findings: what in a table of dates contradicts itself or the workshop date.

Pure functions. Every finding names the entry, the dates involved and how to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .model import Entry, Finding, When, normalise_label
from .subtypes import ORDER, Subtype
from .zones import UTC_MAX, to_utc


@dataclass(frozen=True)
class Reference:
    """The workshop date that entries are checked against, and where it was set."""

    when: When
    source: str
    configured: bool


def choose_reference(entries: Sequence[Entry], configured: When | None, source: str) -> Reference | None:
    """The configured workshop date if any, else the table's own workshop entry."""
    if configured is not None and configured.is_dated:
        return Reference(configured, source, configured=True)
    for entry in entries:
        if entry.is_workshop and entry.is_dated:
            return Reference(entry.when, f"the table's {entry.label!r} entry", configured=False)
    return None


def find_inconsistencies(entries: Sequence[Entry], reference: Reference | None, max_lead_days: int) -> list[Finding]:
    """All findings for one table, in table order."""
    findings: list[Finding] = []
    findings += _invalid(entries)
    findings += _duplicates(entries)
    findings += _workshop_rows_disagree(entries)
    findings += _out_of_order(entries)
    if reference is not None:
        findings += _against_workshop(entries, reference, max_lead_days)
    return sorted(findings, key=lambda f: (f.index is not None, f.index or 0, ORDER.index(f.subtype)))


def _invalid(entries: Sequence[Entry]) -> list[Finding]:
    return [
        Finding(Subtype.INVALID, f"{_name(entry)}: {entry.error}", index)
        for index, entry in enumerate(entries)
        if entry.error is not None
    ]


def _duplicates(entries: Sequence[Entry]) -> list[Finding]:
    findings = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        key = normalise_label(entry.label)
        if not key:
            continue
        if key in seen:
            first = entries[seen[key]]
            findings.append(
                Finding(
                    Subtype.DUPLICATE,
                    f"{_name(entry)} appears twice in this table (first on line {first.line}); "
                    "remove the copy or give each entry its own label",
                    index,
                )
            )
        else:
            seen[key] = index
    return findings


def _workshop_rows_disagree(entries: Sequence[Entry]) -> list[Finding]:
    """Each workshop row that neither contains nor lies within the table's first workshop row."""
    rows = [(index, entry) for index, entry in enumerate(entries) if entry.is_workshop and entry.is_dated]
    if not rows:
        return []
    first = rows[0][1]
    return [
        Finding(
            Subtype.WORKSHOP_MISMATCH,
            f"the workshop entry {_name(entry)} ({entry.when.describe()}) disagrees with {_name(first)} "
            f"({first.when.describe()}) on line {first.line}; keep one workshop date or make the two agree",
            index,
        )
        for index, entry in rows[1:]
        if not (_within(entry.when, first.when) or _within(first.when, entry.when))
    ]


def _out_of_order(entries: Sequence[Entry]) -> list[Finding]:
    findings = []
    previous: Entry | None = None
    for index, entry in enumerate(entries):
        if not entry.is_dated:
            continue
        if previous is not None and _certainly_before(entry.when, previous.when):
            findings.append(
                Finding(
                    Subtype.OUT_OF_ORDER,
                    f"{_name(entry)} ({entry.when.describe()}) is earlier than {_name(previous)} "
                    f"({previous.when.describe()}), listed above it; the table reads as a timeline: "
                    "fix the date or move the row",
                    index,
                )
            )
        previous = entry
    return findings


def _against_workshop(entries: Sequence[Entry], reference: Reference, max_lead_days: int) -> list[Finding]:
    findings = []
    workshop = reference.when
    started_by = _certainly_started_by(workshop)
    for index, entry in enumerate(entries):
        if not entry.is_dated:
            continue
        when = entry.when
        if entry.is_workshop:
            if reference.configured and not _within(when, workshop):
                findings.append(
                    Finding(
                        Subtype.WORKSHOP_MISMATCH,
                        f"the workshop entry {_name(entry)} ({when.describe()}) lies outside the workshop date "
                        f"{workshop.describe()} set by {reference.source}; make the two agree",
                        index,
                    )
                )
            continue
        # A workshop that starts at the clamped last moment has no representable "after".
        if started_by < UTC_MAX and when.start >= started_by:
            findings.append(
                Finding(
                    Subtype.AFTER_WORKSHOP,
                    f"{_name(entry)} ({when.describe()}) falls after the workshop has started "
                    f"({workshop.describe()}, from {reference.source}); fix this date or the workshop date",
                    index,
                )
            )
        lead = workshop.start - when.end
        if _longer_than_days(lead, max_lead_days):
            findings.append(
                Finding(
                    Subtype.FAR_BEFORE,
                    f"{_name(entry)} ({when.describe()}) is {lead.days} days before the workshop "
                    f"({workshop.describe()}, from {reference.source}), more than calm_dates_max_lead_days = "
                    f"{max_lead_days}; is it left over from an earlier cycle? Update the date, or raise "
                    "calm_dates_max_lead_days if it is right",
                    index,
                )
            )
    return findings


def _longer_than_days(span: timedelta, days: int) -> bool:
    # timedelta cannot hold a billion days; no span between two datetimes is that long anyway.
    if abs(days) >= timedelta.max.days:
        return days < 0
    return span > timedelta(days=days)


def _later(moment: datetime, step: timedelta) -> datetime:
    """*moment* + *step*, clamped at the last moment datetime can hold."""
    try:
        return moment + step
    except OverflowError:
        pass
    try:
        return to_utc(moment) + step
    except OverflowError:
        return UTC_MAX


def _certainly_before(later: When, earlier: When) -> bool:
    """True when *later* (listed below) lies wholly before *earlier* (listed above) begins."""
    # Two ends clamped to UTC_MAX may be hours apart in year 10000: equal there proves nothing.
    return later.start < earlier.start and later.end <= earlier.start and later.end < UTC_MAX


def _certainly_started_by(workshop: When) -> datetime:
    """The first moment at which the workshop has surely begun, given how precisely it is dated.

    A month-only date could start on the month's last day, so only what follows the month counts.
    """
    if workshop.kind == "instant":
        return _later(workshop.start, timedelta(minutes=1))
    if workshop.kind == "month":
        return workshop.end
    return _later(workshop.start, timedelta(days=1))


def _within(inner: When, outer: When) -> bool:
    return outer.start <= inner.start and inner.end <= max(outer.end, _later(outer.start, timedelta(minutes=1)))


def _name(entry: Entry) -> str:
    return repr(entry.label) if entry.label else f"the entry on line {entry.line}"
