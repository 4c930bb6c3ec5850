"""The workshop as a schema.org Event, as a JSON-LD script block that no text can break out of (pure)."""

from __future__ import annotations

import json
import re

from .model import When
from .names import iso_day

ATTENDANCE_MODES = {"OfflineEventAttendanceMode", "OnlineEventAttendanceMode", "MixedEventAttendanceMode"}
EVENT_KEYS = {"name", "location", "description", "attendance_mode", "url"}
# C0 and C1 controls and line/paragraph separators: never meaningful in a one-line metadata value.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _plain(value: object) -> str:
    return " ".join(_CONTROLS.sub(" ", str(value)).split())


def event_data(name: str, workshop: When | None, url: str, details: dict) -> dict:
    """schema.org Event fields; dates at the precision the workshop date is known (e.g. 2024-12)."""
    data = {"@context": "https://schema.org", "@type": "Event", "name": _plain(name), "url": _plain(url)}
    if workshop is not None and workshop.is_dated:
        data["startDate"], data["endDate"] = _bounds(workshop)
    if details.get("location"):
        location = _plain(details["location"])
        data["location"] = {"@type": "Place", "name": location, "address": location}
    if details.get("attendance_mode"):
        data["eventAttendanceMode"] = f"https://schema.org/{_plain(details['attendance_mode'])}"
    if details.get("description"):
        data["description"] = _plain(details["description"])
    return data


def _bounds(when: When) -> tuple[str, str]:
    if when.kind == "instant":
        return when.html_datetime, when.html_datetime
    if when.kind == "month":
        return when.html_datetime, when.html_datetime
    return iso_day(when.first_day), iso_day(when.last_day)


def script_block(data: dict) -> str:
    """A <script type="application/ld+json"> whose text cannot close the element early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Escaped forms are still valid JSON, and "</script>" or "<!--" can no longer appear.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
