"""The calm_dates_* values: declared once, validated once, parsed results kept on one Settings object.

The Sphinx side registers the declarations and builds Settings at config-inited;
the ``calm-dates`` command builds it from conf.py's literals. Both call
``load_settings``, so a value means the same thing to both, and a bad value is
one problem and its default for both.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import NoneType

from .clock import resolve_now
from .errors import DateSyntaxError
from .event import ATTENDANCE_MODES, EVENT_KEYS
from .model import When, normalise_label
from .parse import parse_when
from .subtypes import Subtype
from .zones import parse_zone

DEFAULT_TIMEZONE = "AoE"
DEFAULT_MAX_LEAD_DAYS = 365


@dataclass(frozen=True)
class Declaration:
    """One calm_dates_* config value: what Sphinx's add_config_value needs, and the README's words."""

    name: str
    default: object
    types: tuple[type, ...]
    description: str
    # "": nothing is re-read when it changes; the extension rewrites the pages it affects itself.
    rebuild: str = ""


DECLARATIONS = (
    Declaration(
        "calm_dates_workshop",
        None,
        (str, NoneType),
        "The workshop date that entries are checked against, e.g. 'December 2024'.",
    ),
    Declaration(
        "calm_dates_timezone",
        DEFAULT_TIMEZONE,
        (str,),
        "Zone for entries that name none: AoE, UTC, UTC+2 or an IANA name.",
    ),
    Declaration(
        "calm_dates_now",
        None,
        (str, NoneType),
        "ISO 8601 instant to build 'as of'; else SOURCE_DATE_EPOCH; else the clock.",
    ),
    Declaration(
        "calm_dates_max_lead_days",
        DEFAULT_MAX_LEAD_DAYS,
        (int,),
        "Entries more than this many days before the workshop are flagged far-before.",
    ),
    Declaration(
        "calm_dates_accepted",
        [],
        (list, tuple),
        "Reviewed findings reported as info instead of warnings: (source path from the conf.py folder, "
        "entry label, subtype, the entry's date as written).",
    ),
    Declaration(
        "calm_dates_show_details",
        None,
        (bool, NoneType),
        "Show maintainers' details (setting names, how to fix) beside each flag on the page; "
        "default: on, except on Read the Docs branch and tag builds.",
    ),
    Declaration(
        "calm_dates_timeline",
        True,
        (bool,),
        "Draw each table's dates as a timeline picture above it (HTML); the :timeline: option overrides it.",
    ),
    Declaration(
        "calm_dates_event",
        {},
        (dict,),
        "The workshop as a schema.org Event: name, location, description, "
        "attendance_mode (e.g. OfflineEventAttendanceMode), url.",
        rebuild="html",
    ),
)
NAMES = tuple(declaration.name for declaration in DECLARATIONS)


@dataclass(frozen=True)
class AcceptedItem:
    """One reviewed finding in calm_dates_accepted: the file (from the conf.py folder), entry label,
    subtype, and the entry's date as written, so a changed date is a new finding again."""

    path: str
    label: str
    subtype: str
    date: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What two items must share to be the same: case, spaces, trailing colons and ./ in paths ignored."""
        return (posixpath.normpath(self.path), normalise_label(self.label), self.subtype, " ".join(self.date.split()))

    @property
    def entry_key(self) -> tuple[str, str, str]:
        """The finding it is about, whatever its date."""
        return self.key[:3]

    def as_tuple(self) -> tuple[str, str, str, str]:
        return (self.path, self.label, self.subtype, self.date)


@dataclass(frozen=True)
class AcceptedList:
    """calm_dates_accepted, read: the four-part items, and old three-part ones (which accept nothing),
    each with its position in the list (so a tool can point at its line)."""

    items: tuple[tuple[AcceptedItem, int], ...] = ()
    dateless: tuple[tuple[AcceptedItem, int], ...] = ()

    @property
    def keys(self) -> frozenset[tuple[str, str, str, str]]:
        return frozenset(item.key for item, _ in self.items)

    def accepts(self, item: AcceptedItem) -> bool:
        return item.key in self.keys


@dataclass(frozen=True)
class Problem:
    """A bad calm_dates_* value: which one, and what is wrong (the default is used instead)."""

    name: str
    message: str
    subtype: Subtype = Subtype.OPTION


@dataclass(frozen=True)
class Settings:
    """Every calm_dates_* value, validated, with its parsed form; one per build or command run."""

    timezone: str = DEFAULT_TIMEZONE
    workshop_text: str | None = None
    workshop: When | None = None
    max_lead_days: int = DEFAULT_MAX_LEAD_DAYS
    accepted: AcceptedList = field(default_factory=AcceptedList)
    event: Mapping[str, str] = field(default_factory=dict)
    project: str = ""
    now: datetime | None = None
    now_source: str = "the clock"
    show_details: bool = True
    timeline: bool = True

    @property
    def event_name(self) -> str:
        """The workshop's name for calendar entries and event metadata."""
        return str(self.event.get("name") or self.project)

    @property
    def key(self) -> str:
        """Changes whenever a value that shapes a table's output changes ("now" aside)."""
        data = repr(
            (
                self.timezone,
                self.workshop_text,
                self.max_lead_days,
                sorted(item.key for item, _ in self.accepted.items),
                sorted(self.event.items()),
                self.project,
                self.show_details,
                self.timeline,
            )
        )
        return hashlib.sha256(data.encode()).hexdigest()[:16]


def load_settings(
    values: Mapping[str, object], environ: Mapping[str, str] = os.environ
) -> tuple[Settings, list[Problem]]:
    """Settings from calm_dates_* values (and ``project``), each bad one replaced by its default."""
    problems: list[Problem] = []
    timezone = _timezone(values.get("calm_dates_timezone", DEFAULT_TIMEZONE), problems)
    workshop_text, workshop = _workshop(values.get("calm_dates_workshop"), timezone, problems)
    now, now_source = _now(values.get("calm_dates_now"), environ, problems)
    settings = Settings(
        timezone=timezone,
        workshop_text=workshop_text,
        workshop=workshop,
        max_lead_days=_max_lead_days(values.get("calm_dates_max_lead_days", DEFAULT_MAX_LEAD_DAYS), problems),
        accepted=_accepted(values.get("calm_dates_accepted", []), problems),
        event=_event(values.get("calm_dates_event", {}), problems),
        project=str(values.get("project") or ""),
        now=now,
        now_source=now_source,
        show_details=_show_details(values.get("calm_dates_show_details"), environ, problems),
        timeline=_flag("calm_dates_timeline", values.get("calm_dates_timeline", True), True, problems),
    )
    return settings, problems


# Read the Docs tells a build what it is: "external" for a pull-request preview.
PUBLISHED_VERSION_TYPES = {"branch", "tag"}


def _show_details(value: object, environ: Mapping[str, str], problems: list[Problem]) -> bool:
    """Maintainers' details on the page: as set, else everywhere but Read the Docs' published versions."""
    default = environ.get("READTHEDOCS_VERSION_TYPE", "") not in PUBLISHED_VERSION_TYPES
    return default if value is None else _flag("calm_dates_show_details", value, default, problems)


def _flag(name: str, value: object, default: bool, problems: list[Problem]) -> bool:
    if isinstance(value, bool):
        return value
    problems.append(Problem(name, f"{value!r} is not True or False; using {default}"))
    return default


def _timezone(value: object, problems: list[Problem]) -> str:
    try:
        parse_zone(str(value))
        return str(value)
    except DateSyntaxError as error:
        problems.append(Problem("calm_dates_timezone", f"{error}; using {DEFAULT_TIMEZONE}"))
        return DEFAULT_TIMEZONE


def _workshop(value: object, zone: str, problems: list[Problem]) -> tuple[str | None, When | None]:
    if value is None:
        return None, None
    text = str(value).strip()
    try:
        return text, parse_when(text, zone)
    except DateSyntaxError as error:
        problems.append(Problem("calm_dates_workshop", f"{error}; checking against the table's workshop entry instead"))
        return None, None


def _now(value: object, environ: Mapping[str, str], problems: list[Problem]) -> tuple[datetime, str]:
    """calm_dates_now, else SOURCE_DATE_EPOCH, else the clock, skipping (with a problem) a bad one."""
    if value is not None:
        try:
            return resolve_now(str(value), environ)
        except DateSyntaxError as error:
            problems.append(Problem("calm_dates_now", f"{error}; using SOURCE_DATE_EPOCH or the clock"))
    try:
        return resolve_now(None, environ)
    except DateSyntaxError as error:
        problems.append(Problem("calm_dates_now", f"{error}; using the clock"))
        return resolve_now(None, {})


def _max_lead_days(value: object, problems: list[Problem]) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    problems.append(
        Problem(
            "calm_dates_max_lead_days",
            f"{value!r} is not a whole number of days >= 0; using {DEFAULT_MAX_LEAD_DAYS}",
        )
    )
    return DEFAULT_MAX_LEAD_DAYS


ACCEPTED_FORM = "(path, label, subtype, date as written)"


def _accepted(value: object, problems: list[Problem]) -> AcceptedList:
    if not isinstance(value, list | tuple):
        problems.append(Problem("calm_dates_accepted", f"must be a list of {ACCEPTED_FORM} items, not {value!r}"))
        return AcceptedList()
    items, dateless = [], []
    for position, item in enumerate(value):
        strings = isinstance(item, list | tuple) and all(isinstance(part, str) for part in item)
        if strings and len(item) == 4:
            items.append((AcceptedItem(*item), position))
        elif strings and len(item) == 3:
            # Reported once the findings are known, with the four-part item to write instead.
            dateless.append((AcceptedItem(*item, ""), position))
        else:
            problems.append(Problem("calm_dates_accepted", f"{item!r} is not a {ACCEPTED_FORM} item of strings"))
    return AcceptedList(tuple(items), tuple(dateless))


def _event(value: object, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(Problem("calm_dates_event", f"{value!r} is not a dict; leaving event metadata out"))
        return {}
    event = {}
    for key, text in value.items():
        if isinstance(text, str):
            event[str(key)] = text
        elif text is not None:
            problems.append(Problem("calm_dates_event", f"{key!r} must be text, not {text!r}; leaving it out"))
    unknown = sorted(set(event) - EVENT_KEYS)
    if unknown:
        problems.append(Problem("calm_dates_event", f"unknown keys {unknown}; the keys are {sorted(EVENT_KEYS)}"))
    mode = event.get("attendance_mode")
    if mode and mode not in ATTENDANCE_MODES:
        problems.append(
            Problem(
                "calm_dates_event",
                f"attendance_mode {mode!r} is not one of {sorted(ATTENDANCE_MODES)}; leaving it out",
            )
        )
        del event["attendance_mode"]
    return event
