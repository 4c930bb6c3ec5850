"""The calm_dates_* config values on the Sphinx side: registered from the core's declarations,
validated once per build at config-inited into one Settings object."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ..core.confscan import ConfError, read_conf
from ..core.settings import DECLARATIONS, NAMES, Settings, load_settings
from ..core.subtypes import WARNING_TYPE

logger = logging.getLogger(__name__)


@dataclass
class BuildState:
    """What one build knows about calm_dates beyond its pages: the settings, where conf.py is, what was reported."""

    settings: Settings
    confdir: Path
    # "conf.py:LINE" of each calm_dates_* value and of each calm_dates_accepted item, for located warnings.
    value_locations: dict[str, str] = field(default_factory=dict)
    accepted_locations: list[str] = field(default_factory=list)
    reported: set[tuple[str, int]] = field(default_factory=set)
    # Pages that had a table when this build began (from the saved environment).
    tables_before: set[str] = field(default_factory=set)


# One state per build, keyed by its Config (transforms and directives reach it as self.config),
# made at config-inited; forked parallel readers inherit it.
_states: weakref.WeakKeyDictionary[Config, BuildState] = weakref.WeakKeyDictionary()


def add_config_values(app: Sphinx) -> None:
    for declaration in DECLARATIONS:
        app.add_config_value(
            declaration.name,
            declaration.default,
            declaration.rebuild,
            types=frozenset(declaration.types),
            description=declaration.description,
        )


def validate_config(app: Sphinx, config: Config) -> None:
    """Build this build's Settings; warn once, at its conf.py line, about each bad value (its default is used)."""
    values = {name: getattr(config, name) for name in NAMES}
    values["project"] = config.project
    settings, problems = load_settings(values)
    state = BuildState(settings, Path(app.confdir or app.srcdir))
    _locate_values(state, set(config.overrides))
    for problem in problems:
        logger.warning(
            f"{problem.name}: {problem.message}",
            location=state.value_locations.get(problem.name),
            type=WARNING_TYPE,
            subtype=problem.subtype.value,
        )
    # Later readers of app.config see the values in force, not the rejected ones.
    config.calm_dates_timezone = settings.timezone
    config.calm_dates_workshop = settings.workshop_text
    config.calm_dates_max_lead_days = settings.max_lead_days
    _states[config] = state


def state_of(config: Config) -> BuildState:
    return _states[config]


def settings_of(config: Config) -> Settings:
    """This build's validated calm_dates settings."""
    return _states[config].settings


def _locate_values(state: BuildState, overridden: set[str]) -> None:
    """Where conf.py assigns each value (not one given with -D), so warnings point at it."""
    path = state.confdir / "conf.py"
    try:
        found = read_conf(path)
    except ConfError:
        return
    state.value_locations = {name: f"{path}:{line}" for name, line in found.lines.items() if name not in overridden}
    if "calm_dates_accepted" not in overridden:
        state.accepted_locations = [f"{path}:{line}" for line in found.item_lines.get("calm_dates_accepted", [])]
