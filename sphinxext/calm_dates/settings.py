"""The calm_dates_* values the checks use, validated the same way for a Sphinx build and the command."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import DateSyntaxError
from .parse import parse_when
from .table import accepted_keys
from .zones import parse_zone

DEFAULT_TIMEZONE = "AoE"
DEFAULT_MAX_LEAD_DAYS = 365


@dataclass
class CheckSettings:
    workshop: str | None = None
    timezone: str = DEFAULT_TIMEZONE
    max_lead_days: int = DEFAULT_MAX_LEAD_DAYS
    accepted: set[tuple[str, str, str]] = field(default_factory=set)


def checked_settings(values: Mapping[str, object]) -> tuple[CheckSettings, list[tuple[str, str]]]:
    """Settings from calm_dates_* values, each bad one replaced by its default; (name, problem) for each."""
    settings, problems = CheckSettings(), []
    zone = values.get("calm_dates_timezone", DEFAULT_TIMEZONE)
    try:
        parse_zone(str(zone))
        settings.timezone = str(zone)
    except DateSyntaxError as error:
        problems.append(("calm_dates_timezone", f"{error}; using {DEFAULT_TIMEZONE}"))
    workshop = values.get("calm_dates_workshop")
    if workshop is not None:
        try:
            parse_when(str(workshop), settings.timezone)
            settings.workshop = str(workshop)
        except DateSyntaxError as error:
            problems.append(("calm_dates_workshop", f"{error}; checking against the table's workshop entry instead"))
    lead = values.get("calm_dates_max_lead_days", DEFAULT_MAX_LEAD_DAYS)
    if isinstance(lead, int) and not isinstance(lead, bool) and lead >= 0:
        settings.max_lead_days = lead
    else:
        problems.append(
            ("calm_dates_max_lead_days", f"{lead!r} is not a whole number of days >= 0; using {DEFAULT_MAX_LEAD_DAYS}")
        )
    settings.accepted, bad_items = accepted_keys(values.get("calm_dates_accepted", []))
    problems += [("calm_dates_accepted", problem) for problem in bad_items]
    return settings, problems
