"""The one error type that parsing raises for text it cannot read."""


class DateSyntaxError(ValueError):
    """A date, time, zone or entry line that does not parse; the message says how to fix it."""
