"""The values that flow from parsing to checking to rendering; plain, picklable data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal

Kind = Literal["instant", "days", "month", "tba"]

WORKSHOP_LABELS = frozenset({"workshop", "workshop date", "workshop day"})


@dataclass(frozen=True)
class When:
    """When an entry happens.

    ``start`` is its first moment and ``end`` the moment it becomes past
    (equal to ``start`` for an instant; the end of the last day, in the
    entry's zone, for days and months). Both are None for TBA.
    """

    kind: Kind
    start: datetime | None = None
    end: datetime | None = None
    zone: str = ""
    first_day: date | None = None
    last_day: date | None = None
    superseded: str | None = None

    @property
    def is_dated(self) -> bool:
        return self.kind != "tba"

    @property
    def html_datetime(self) -> str:
        """A valid HTML ``<time datetime>`` value: UTC instant, date or month."""
        if self.kind == "instant":
            return self.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
        if self.kind == "month":
            return self.first_day.strftime("%Y-%m")
        if self.kind == "days":
            return self.first_day.isoformat()
        return ""

    def describe(self) -> str:
        """A short, unambiguous rendering for messages."""
        if self.kind == "instant":
            return f"{self.start:%B} {self.start.day}, {self.start:%Y, %H:%M} {self.zone}"
        if self.kind == "month":
            return f"{self.first_day:%B %Y}"
        if self.kind == "days":
            if self.first_day == self.last_day:
                return _day(self.first_day)
            return f"{_day(self.first_day)} to {_day(self.last_day)}"
        return "TBA"


def utc_text(moment: datetime) -> str:
    """A moment as the tables' "status as of" note shows it: November 25, 2026, 12:00 UTC."""
    utc = moment.astimezone(UTC)
    return f"{utc:%B} {utc.day}, {utc:%Y, %H:%M} UTC"


def _day(day: date) -> str:
    return f"{day:%B} {day.day}, {day:%Y}"


@dataclass(frozen=True)
class Entry:
    """One line of an important-dates table, parsed or not.

    ``line`` is the 1-based source line of the entry;
    ``error`` says why ``when`` is None for a dated entry that did not parse.
    """

    label: str
    text: str
    line: int
    when: When | None = None
    error: str | None = None

    @property
    def date_text(self) -> str:
        """The date as written, without the struck-through earlier date of an extended deadline."""
        if self.when is not None and self.when.superseded is not None:
            return self.text.split("~~", 2)[-1].strip()
        return self.text

    @property
    def is_workshop(self) -> bool:
        return normalise_label(self.label) in WORKSHOP_LABELS

    @property
    def is_dated(self) -> bool:
        return self.when is not None and self.when.is_dated


def normalise_label(label: str) -> str:
    """The form of a label used to compare labels: case, spaces and trailing punctuation ignored."""
    return re.sub(r"\s+", " ", label).strip().rstrip(".:").casefold()


@dataclass(frozen=True)
class Finding:
    """One inconsistency: a warning subtype, the message, and the entry it is about.

    ``index`` is None for findings about the table itself (options, config).
    """

    subtype: str
    message: str
    index: int | None = None


@dataclass(frozen=True)
class RowStatus:
    """Status of one entry as of a moment: what the page shows in its Status cell."""

    past: bool = False
    next: bool = False
    findings: tuple[Finding, ...] = field(default=())

    @property
    def inconsistent(self) -> bool:
        return any(f.subtype != "invalid" for f in self.findings)

    @property
    def invalid(self) -> bool:
        return any(f.subtype == "invalid" for f in self.findings)


@dataclass(frozen=True)
class DatesTable:
    """What the directive read: kept in the doctree until the page is written.

    ``findings`` holds what was wrong with the directive itself (options), found while reading.
    """

    docname: str
    line: int
    caption: str
    entries: tuple[Entry, ...]
    workshop: str | None
    zone: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ResolvedTable:
    """A table with its status as of ``now``: everything a renderer needs."""

    caption: str
    entries: tuple[Entry, ...]
    statuses: tuple[RowStatus, ...]
    now: datetime
