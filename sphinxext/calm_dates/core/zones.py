"""Time zone names as workshop pages write them: AoE, UTC, offsets, IANA names."""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import DateSyntaxError

# AoE ("Anywhere on Earth") is UTC-12. POSIX-style Etc names invert the sign.
AOE = ZoneInfo("Etc/GMT+12")

# Abbreviations that name different offsets in different places or seasons;
# each hint is an IANA name a page probably meant.
AMBIGUOUS_ABBREVIATIONS = {
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "PT": "America/Los_Angeles",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "ET": "America/New_York",
    "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin",
    "BST": "Europe/London",
    "WET": "Europe/Lisbon",
    "EET": "Europe/Athens",
    "IST": "Asia/Kolkata",
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "HST": "Pacific/Honolulu",
}

_OFFSET = re.compile(
    r"^(?:UTC|GMT)\s*(?P<sign>[+\-\u2212])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?$",
    re.IGNORECASE,
)
_IANA = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+$")

ZONE_FORMS = "AoE, UTC, GMT, UTC+2, UTC-07:00 or an IANA name such as America/Vancouver"


def parse_zone(text: str) -> tuple[tzinfo, str]:
    """Return the zone that *text* names and the name to display for it.

    Raises DateSyntaxError for unknown or ambiguous names.
    """
    name = text.strip()
    upper = name.upper()
    if upper == "AOE":
        return AOE, "AoE"
    if upper in {"UTC", "GMT", "Z"}:
        return UTC, upper if upper != "Z" else "UTC"
    match = _OFFSET.match(name)
    if match:
        return _offset_zone(match, name)
    if upper in AMBIGUOUS_ABBREVIATIONS:
        raise DateSyntaxError(
            f"time zone {name!r} is ambiguous; use an IANA name such as "
            f"{AMBIGUOUS_ABBREVIATIONS[upper]} (or {ZONE_FORMS})"
        )
    if _IANA.match(name):
        try:
            return ZoneInfo(name), name
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    raise DateSyntaxError(f"unknown time zone {name!r}; write {ZONE_FORMS}")


def _offset_zone(match: re.Match[str], name: str) -> tuple[tzinfo, str]:
    hours = int(match["hours"])
    minutes = int(match["minutes"] or 0)
    if minutes >= 60 or hours > 14 or (hours == 14 and minutes):
        raise DateSyntaxError(f"time zone offset {name!r} is out of range (UTC-12:00 to UTC+14:00)")
    sign = -1 if match["sign"] in "-\u2212" else 1
    offset = timedelta(hours=hours, minutes=minutes) * sign
    if offset < timedelta(hours=-12):
        raise DateSyntaxError(f"time zone offset {name!r} is out of range (UTC-12:00 to UTC+14:00)")
    return timezone(offset), name
