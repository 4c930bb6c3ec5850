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
    reported: set[tuple[str, int]] = field(default_factory=set)


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
    lines = _assignment_lines(app)
    overridden = set(config.overrides)
    for problem in problems:
        where = lines.get(problem.name) if problem.name not in overridden else None
        logger.warning(
            f"{problem.name}: {problem.message}", location=where, type=WARNING_TYPE, subtype=problem.subtype.value
        )
    # Later readers of app.config see the values in force, not the rejected ones.
    config.calm_dates_timezone = settings.timezone
    config.calm_dates_workshop = settings.workshop_text
    config.calm_dates_max_lead_days = settings.max_lead_days
    _states[config] = BuildState(settings, Path(app.confdir or app.srcdir))


def state_of(config: Config) -> BuildState:
    return _states[config]


def settings_of(config: Config) -> Settings:
    """This build's validated calm_dates settings."""
    return _states[config].settings


def _assignment_lines(app: Sphinx) -> dict[str, str]:
    """'conf.py:LINE' for each calm_dates_* value assigned in conf.py, so warnings point at it."""
    if app.confdir is None:
        return {}
    path = Path(app.confdir, "conf.py")
    try:
        found = read_conf(path)
    except ConfError:
        return {}
    return {name: f"{path}:{line}" for name, line in found.lines.items()}
