"""The values that flow from parsing to checking to rendering; plain, picklable data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Literal

from .names import iso_day, iso_minute_utc, long_day, long_moment, month_year
from .subtypes import Subtype
from .zones import to_utc

Kind = Literal["instant", "days", "month", "tba"]

WORKSHOP_LABELS = frozenset({"workshop", "workshop date", "workshop day"})


@dataclass(frozen=True)
class When:
    """When an entry happens.

    ``start`` is its first moment and ``end`` the moment it becomes past
    (equal to ``start`` for an instant; the end of the last day, in the
    entry's zone, for days and months). Both are None for TBA. Both can be
    converted to UTC: a moment beyond what datetime holds in UTC (the end of
    9999-12-31 in AoE) is clamped to datetime.max or datetime.min in UTC.
    ``clock`` is an instant's time of day as written, in its zone.
    """

    kind: Kind
    start: datetime | None = None
    end: datetime | None = None
    zone: str = ""
    first_day: date | None = None
    last_day: date | None = None
    superseded: str | None = None
    clock: time | None = None

    @property
    def is_dated(self) -> bool:
        return self.kind != "tba"

    @property
    def html_datetime(self) -> str:
        """A valid HTML ``<time datetime>`` value: UTC instant, date or month."""
        if self.kind == "instant":
            return iso_minute_utc(to_utc(self.start))
        if self.kind == "month":
            return iso_day(self.first_day)[:7]
        if self.kind == "days":
            return iso_day(self.first_day)
        return ""

    def describe(self) -> str:
        """A short, unambiguous rendering for messages."""
        if self.kind == "instant" and self.clock is not None:
            return f"{long_day(self.first_day)}, {self.clock.hour:02d}:{self.clock.minute:02d} {self.zone}"
        if self.kind == "instant":
            return f"{long_moment(self.start)} {self.zone}"
        if self.kind == "month":
            return month_year(self.first_day)
        if self.kind == "days":
            if self.first_day == self.last_day:
                return long_day(self.first_day)
            return f"{long_day(self.first_day)} to {long_day(self.last_day)}"
        return "TBA"


def utc_text(moment: datetime) -> str:
    """A moment as the tables' "status as of" note shows it: November 25, 2026, 12:00 UTC."""
    return f"{long_moment(to_utc(moment))} UTC"


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
        """The date as written, without the struck-through earlier dates of an extended deadline."""
        if self.when is not None and self.when.superseded is not None:
            return self.text.rsplit("~~", 1)[-1].strip()
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

    subtype: Subtype
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
        return any(f.subtype != Subtype.INVALID for f in self.findings)

    @property
    def invalid(self) -> bool:
        return any(f.subtype == Subtype.INVALID for f in self.findings)
