"""The moment a build reports its status as of: calm_dates_now, else SOURCE_DATE_EPOCH, else the clock."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime

from .errors import DateSyntaxError, refuse_non_ascii_digits
from .zones import to_utc

_EPOCH = re.compile(r"-?[0-9]+")


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant with an offset or Z (a bare date means its 00:00 UTC), in UTC.

    A moment that UTC cannot hold (0001-01-01T00:00+14:00) is clamped to datetime.min/max in UTC.
    """
    refuse_non_ascii_digits(text)
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise DateSyntaxError(
            f"{text!r} is not an ISO 8601 instant; write e.g. 2026-11-25T12:00:00Z or 2026-11-25"
        ) from None
    if value.tzinfo is None:
        if "T" in text or " " in text.strip():
            raise DateSyntaxError(f"{text!r} has no UTC offset; add Z or +HH:MM, e.g. 2026-11-25T12:00:00Z")
        value = value.replace(tzinfo=UTC)
    return to_utc(value)


def resolve_now(configured: str | None, environ: Mapping[str, str] = os.environ) -> tuple[datetime, str]:
    """The moment to evaluate Past/Next at, and where it came from.

    Raises DateSyntaxError for a bad calm_dates_now or SOURCE_DATE_EPOCH.
    """
    if configured:
        return parse_instant(configured), "calm_dates_now"
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not _EPOCH.fullmatch(epoch.strip()):
            raise DateSyntaxError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp in seconds")
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC), "SOURCE_DATE_EPOCH"
        except (ValueError, OverflowError, OSError):
            raise DateSyntaxError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp in seconds") from None
    return datetime.now(tz=UTC), "the clock"
