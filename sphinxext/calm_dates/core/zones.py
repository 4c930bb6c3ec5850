"""Time zone names as workshop pages write them: AoE, UTC, offsets, IANA names."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import DateSyntaxError, refuse_non_ascii_digits

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

# Zones spelled out in words, as pasted from announcements; each maps to the IANA name to write.
_SPELLED_REGIONS = {
    "pacific": "America/Los_Angeles",
    "mountain": "America/Denver",
    "central": "America/Chicago",
    "eastern": "America/New_York",
    "atlantic": "America/Halifax",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "central european": "Europe/Berlin",
    "western european": "Europe/Lisbon",
    "eastern european": "Europe/Athens",
    "british": "Europe/London",
    "india": "Asia/Kolkata",
    "indian": "Asia/Kolkata",
    "japan": "Asia/Tokyo",
    "korea": "Asia/Seoul",
    "korean": "Asia/Seoul",
    "china": "Asia/Shanghai",
    "singapore": "Asia/Singapore",
    "australian eastern": "Australia/Sydney",
}
SPELLED_ZONES = {
    f"{region}{season} time": iana
    for region, iana in _SPELLED_REGIONS.items()
    for season in ("", " standard", " daylight", " summer")
}
# Spelled-out names that mean one fixed zone: read as that zone.
SPELLED_FIXED_ZONES = {
    "anywhere on earth": "AoE",
    "coordinated universal time": "UTC",
    "universal time": "UTC",
    "greenwich mean time": "GMT",
}

# The moments datetime can hold, in UTC; moments beyond them are clamped to these.
UTC_MIN = datetime.min.replace(tzinfo=UTC)
UTC_MAX = datetime.max.replace(tzinfo=UTC)

_OFFSET = re.compile(
    r"^(?:UTC|GMT)\s*(?P<sign>[+\-\u2212])\s*(?P<hours>[0-9]{1,2})(?::?(?P<minutes>[0-9]{2}))?$",
    re.IGNORECASE,
)
_IANA = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+$")

ZONE_FORMS = "AoE, UTC, GMT, UTC+2, UTC-07:00 or an IANA name such as America/Vancouver"


def parse_zone(text: str) -> tuple[tzinfo, str]:
    """Return the zone that *text* names and the name to display for it.

    Raises DateSyntaxError for unknown or ambiguous names.
    """
    name = " ".join(text.split())
    refuse_non_ascii_digits(name)
    upper = name.upper()
    spelled = name.casefold().strip("()")
    if spelled in SPELLED_FIXED_ZONES:
        return parse_zone(SPELLED_FIXED_ZONES[spelled])
    if spelled in SPELLED_ZONES:
        raise DateSyntaxError(
            f"time zone {name!r} changes with daylight saving time; write an IANA name such as "
            f"{SPELLED_ZONES[spelled]} (or {ZONE_FORMS})"
        )
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


def offset_name(offset: timedelta) -> str:
    """UTC-8, UTC+5:30 or UTC: an offset as entries can write it."""
    minutes = int(offset.total_seconds()) // 60
    if not minutes:
        return "UTC"
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def to_utc(moment: datetime) -> datetime:
    """*moment* in UTC, clamped to UTC_MIN..UTC_MAX (the end of 9999-12-31 AoE is in year 10000 UTC)."""
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        return UTC_MAX if moment.year == date.max.year else UTC_MIN


def moment_in(day: date, clock: time, zone: tzinfo) -> datetime:
    """*clock* on *day* in *zone*; clamped to UTC_MIN/UTC_MAX when UTC cannot hold it (so it always converts)."""
    moment = datetime.combine(day, clock, tzinfo=zone)
    utc = to_utc(moment)
    return moment if utc not in (UTC_MIN, UTC_MAX) else utc


def end_of_day(day: date, zone: tzinfo) -> datetime:
    """The moment *day* is over in *zone* (the next midnight), clamped like moment_in."""
    if day < date.max:
        return moment_in(day + timedelta(days=1), time(0), zone)
    # The midnight after 9999-12-31 is in year 10000 locally; east of UTC it is still 9999 in UTC.
    offset = datetime.combine(day, time(0), tzinfo=zone).utcoffset() or timedelta(0)
    if offset <= timedelta(0):
        return UTC_MAX
    return datetime.combine(day, time(0), tzinfo=UTC) + (timedelta(days=1) - offset)
