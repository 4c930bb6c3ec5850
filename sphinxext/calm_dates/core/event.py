"""The workshop as a schema.org Event, as a JSON-LD script block that no text can break out of (pure)."""

from __future__ import annotations

import json

from .model import When

ATTENDANCE_MODES = {"OfflineEventAttendanceMode", "OnlineEventAttendanceMode", "MixedEventAttendanceMode"}
EVENT_KEYS = {"name", "location", "description", "attendance_mode", "url"}


def event_data(name: str, workshop: When | None, url: str, details: dict) -> dict:
    """schema.org Event fields; dates at the precision the workshop date is known (e.g. 2024-12)."""
    data = {"@context": "https://schema.org", "@type": "Event", "name": name, "url": url}
    if workshop is not None and workshop.is_dated:
        data["startDate"], data["endDate"] = _bounds(workshop)
    if details.get("location"):
        data["location"] = {"@type": "Place", "name": details["location"], "address": details["location"]}
    if details.get("attendance_mode"):
        data["eventAttendanceMode"] = f"https://schema.org/{details['attendance_mode']}"
    if details.get("description"):
        data["description"] = details["description"]
    return data


def _bounds(when: When) -> tuple[str, str]:
    if when.kind == "instant":
        return when.html_datetime, when.html_datetime
    if when.kind == "month":
        return when.html_datetime, when.html_datetime
    return when.first_day.isoformat(), when.last_day.isoformat()


def script_block(data: dict) -> str:
    """A <script type="application/ld+json"> whose text cannot close the element early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Escaped forms are still valid JSON, and "</script>" or "<!--" can no longer appear.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
