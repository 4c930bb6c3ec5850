"""The calm_dates_* config values: declared, validated once per build, bad ones reset with a warning."""

from __future__ import annotations

import weakref
from datetime import datetime

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .clock import resolve_now
from .errors import DateSyntaxError
from .jsonld import ATTENDANCE_MODES
from .settings import DEFAULT_MAX_LEAD_DAYS, DEFAULT_TIMEZONE, checked_settings

logger = logging.getLogger(__name__)

CHECKED_NAMES = ("calm_dates_workshop", "calm_dates_timezone", "calm_dates_max_lead_days", "calm_dates_accepted")
EVENT_KEYS = {"name", "location", "description", "attendance_mode", "url"}

# The moment each build reports status as of, fixed once so every page agrees.
_build_now: weakref.WeakKeyDictionary[Sphinx, datetime] = weakref.WeakKeyDictionary()


def add_config_values(app: Sphinx) -> None:
    # The zone is applied while reading; everything else at write time, when pages
    # with tables are always rewritten, so changing them needs no re-read.
    app.add_config_value(
        "calm_dates_workshop",
        None,
        "",
        types=frozenset({str, type(None)}),
        description="The workshop date that entries are checked against, e.g. 'December 2024'.",
    )
    app.add_config_value(
        "calm_dates_timezone",
        DEFAULT_TIMEZONE,
        "env",
        types=frozenset({str}),
        description="Zone for entries that name none: AoE, UTC, UTC+2 or an IANA name.",
    )
    app.add_config_value(
        "calm_dates_now",
        None,
        "",
        types=frozenset({str, type(None)}),
        description="ISO 8601 instant to build 'as of'; else SOURCE_DATE_EPOCH; else the clock.",
    )
    app.add_config_value(
        "calm_dates_max_lead_days",
        DEFAULT_MAX_LEAD_DAYS,
        "",
        types=frozenset({int}),
        description="Entries more than this many days before the workshop are flagged far-before.",
    )
    app.add_config_value(
        "calm_dates_accepted",
        [],
        "",
        types=frozenset({list, tuple}),
        description="Reviewed findings reported as info instead of warnings: "
        "(source path from the conf.py folder, entry label, subtype) triples.",
    )
    app.add_config_value(
        "calm_dates_event",
        {},
        "html",
        types=frozenset({dict}),
        description="The workshop as a schema.org Event: name, location, description, "
        "attendance_mode (e.g. OfflineEventAttendanceMode), url.",
    )


def event_name(config: Config) -> str:
    """The workshop's name for calendar entries and event metadata."""
    return str(config.calm_dates_event.get("name") or config.project)


def validate_config(app: Sphinx, config: Config) -> None:
    """Warn once about each bad calm_dates_* value and fall back to its default, so the build goes on."""
    settings, problems = checked_settings({name: getattr(config, name) for name in CHECKED_NAMES})
    for name, problem in problems:
        _bad(name, problem)
    config.calm_dates_timezone = settings.timezone
    config.calm_dates_workshop = settings.workshop
    config.calm_dates_max_lead_days = settings.max_lead_days
    _build_now[app] = _first_valid_now(config)
    _validate_event(config)


def _validate_event(config: Config) -> None:
    event = config.calm_dates_event
    if not isinstance(event, dict):
        _bad("calm_dates_event", f"{event!r} is not a dict; leaving event metadata out")
        config.calm_dates_event = {}
        return
    unknown = sorted(set(event) - EVENT_KEYS)
    if unknown:
        _bad("calm_dates_event", f"unknown keys {unknown}; the keys are {sorted(EVENT_KEYS)}")
    mode = event.get("attendance_mode")
    if mode and mode not in ATTENDANCE_MODES:
        _bad("calm_dates_event", f"attendance_mode {mode!r} is not one of {sorted(ATTENDANCE_MODES)}; leaving it out")
        config.calm_dates_event = {key: value for key, value in event.items() if key != "attendance_mode"}


def _first_valid_now(config: Config) -> datetime:
    """calm_dates_now, else SOURCE_DATE_EPOCH, else the clock, skipping (with a warning) a bad one."""
    if config.calm_dates_now is not None:
        try:
            return resolve_now(str(config.calm_dates_now))[0]
        except DateSyntaxError as error:
            _bad("calm_dates_now", f"{error}; using SOURCE_DATE_EPOCH or the clock")
            config.calm_dates_now = None
    try:
        return resolve_now(None)[0]
    except DateSyntaxError as error:
        _bad("calm_dates_now", f"{error}; using the clock")
        return resolve_now(None, {})[0]


def build_now(app: Sphinx) -> datetime:
    """The moment this build's statuses are evaluated at."""
    return _build_now[app]


def _bad(name: str, message: str) -> None:
    logger.warning(f"{name}: {message}", type="calm_dates", subtype="option")
