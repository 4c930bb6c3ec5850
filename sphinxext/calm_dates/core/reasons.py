"""What a visitor reads beside a flag: why a date looks wrong, in plain words, with no setting names.

The maintainer's message (setting names, how to fix) stays in the build log,
and on the page only where calm_dates_show_details is on.
"""

from __future__ import annotations

from .model import Entry, Finding, When
from .subtypes import Subtype


def visitor_reason(finding: Finding, entry: Entry | None, workshop: When | None) -> str:
    """One sentence for the public page."""
    subtype = finding.subtype
    when = entry.when if entry is not None and entry.is_dated else None
    event = f"the {workshop.describe()} workshop" if workshop is not None and workshop.is_dated else "the workshop"
    if subtype == Subtype.INVALID:
        return "This date could not be read, so it is shown as written."
    if subtype == Subtype.DUPLICATE:
        return "This item is listed twice in this table."
    if subtype == Subtype.OUT_OF_ORDER:
        return "This date is earlier than the one listed above it: one of the two may be wrong."
    if when is None:
        return "This date looks wrong."
    if subtype == Subtype.FAR_BEFORE and workshop is not None:
        return (
            f"Dated {when.first_day.year}, {_lead(workshop, when)} before {event}: "
            "probably left over from an earlier edition."
        )
    if subtype == Subtype.AFTER_WORKSHOP:
        return f"Dated {when.describe()}, after {event} has begun: this date cannot be right."
    if subtype == Subtype.WORKSHOP_MISMATCH and workshop is not None:
        return f"This says {when.describe()}, but the workshop is announced for {workshop.describe()}: one is wrong."
    return "This date looks wrong."


def _lead(workshop: When, when: When) -> str:
    days = (workshop.start - when.end).days
    years = days // 365
    if years >= 2:
        return f"more than {_NUMBERS.get(years, str(years))} years"
    if years == 1:
        return "more than a year"
    months = days // 30
    if months >= 2:
        return f"more than {months} months"
    return "more than a month" if months == 1 else f"{days} days"


_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
