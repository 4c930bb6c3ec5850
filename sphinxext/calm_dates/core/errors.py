"""The one error type that parsing raises for text it cannot read."""

from __future__ import annotations

import unicodedata


class DateSyntaxError(ValueError):
    """A date, time, zone or entry line that does not parse; the message says how to fix it."""


def refuse_non_ascii_digits(text: str) -> None:
    """Raise for digits such as ２０２４ or ٢٠٢٤: int() reads them, but no reader of the page expects them."""
    if not any(char.isdigit() and not char.isascii() for char in text):
        return
    ascii_text = "".join(
        str(unicodedata.digit(char)) if char.isdigit() and not char.isascii() else char for char in text
    )
    raise DateSyntaxError(f"{text!r} has non-ASCII digits; write ASCII digits: {ascii_text!r}")
