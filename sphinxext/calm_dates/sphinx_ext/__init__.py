"""The Sphinx integration of calm_dates: directive, nodes and visitors, collector, post-transform, assets."""

from __future__ import annotations

from sphinx.application import Sphinx

from . import nodes
from .assets import add_page_assets, add_static_files
from .calendar_files import add_calendar, note_tables_before_reading, remove_stale_calendars
from .collector import DatesCollector, DatesStore
from .config import add_config_values, validate_config
from .directive import ImportantDates
from .next_date import NextDate, resolve_next_dates
from .transform import ResolveDatesTables

# Bump when the pickled shapes (BlockSource, PageRecord, node attributes) change, so old environments are discarded.
ENV_VERSION = 4


def setup(app: Sphinx, version: str) -> dict:
    add_config_values(app)
    app.connect("config-inited", validate_config)
    nodes.register(app)
    app.add_directive("important-dates", ImportantDates)
    app.add_directive("next-date", NextDate)
    app.add_node(nodes.next_date, **dict.fromkeys(("html", "latex", "text", "man", "texinfo"), (nodes.skip, None)))
    app.add_domain(DatesStore)
    app.add_env_collector(DatesCollector)
    app.add_post_transform(ResolveDatesTables)
    app.connect("builder-inited", add_static_files)
    app.connect("html-page-context", add_page_assets)
    app.connect("doctree-resolved", add_calendar)
    app.connect("doctree-resolved", resolve_next_dates)
    app.connect("env-get-outdated", note_tables_before_reading)
    app.connect("build-finished", remove_stale_calendars)
    return {
        "version": version,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
