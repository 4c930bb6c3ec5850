"""The kinds of finding: each is a warning subtype, ``calm_dates.<subtype>``, that suppress_warnings can name."""

from __future__ import annotations

from enum import StrEnum

# Sphinx warnings are logged as type="calm_dates", subtype=<Subtype>.
WARNING_TYPE = "calm_dates"


class Subtype(StrEnum):
    """A kind of finding; the value is the warning subtype users see and silence."""

    def __new__(cls, value: str, doc: str) -> Subtype:
        member = str.__new__(cls, value)
        member._value_ = value
        member.__doc__ = doc
        return member

    AFTER_WORKSHOP = "after-workshop", "An entry (not the workshop) falls after the workshop has surely started."
    WORKSHOP_MISMATCH = (
        "workshop-mismatch",
        "The workshop entry lies outside the configured workshop date, or two workshop rows in one table disagree.",
    )
    OUT_OF_ORDER = "out-of-order", "An entry lies wholly before the dated entry listed above it."
    FAR_BEFORE = "far-before", "An entry ends more than calm_dates_max_lead_days before the workshop starts."
    INVALID = "invalid", "An entry does not parse: impossible date, unknown zone, no colon, ..."
    DUPLICATE = "duplicate", "The same label twice in one table."
    OPTION = "option", "A bad directive option or calm_dates_* value."
    ACCEPTED_UNUSED = "accepted-unused", "A calm_dates_accepted item that accepts no finding (or names no date)."

    @property
    def qualified(self) -> str:
        """How Sphinx prints it and suppress_warnings names it: calm_dates.far-before."""
        return f"{WARNING_TYPE}.{self.value}"


# The order findings about one entry are listed in.
ORDER = tuple(Subtype)
