"""Per-page HTML additions: the table's CSS and script where a page has a table, event metadata on the home page."""

from __future__ import annotations

from sphinx.application import Sphinx

from .config import event_name
from .jsonld import event_data, script_block
from .parse import parse_when

CSS_FILE = "calm_dates.css"
JS_FILE = "calm_dates.js"


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if pagename in getattr(app.env, "calm_dates_docs", ()):
        # Added from html-page-context, these reach this page only.
        app.add_css_file(CSS_FILE)
        app.add_js_file(JS_FILE, loading_method="defer")
    if pagename == app.config.root_doc and "metatags" in context:
        context["metatags"] += "\n" + script_block(workshop_event(app, pagename))


def workshop_event(app: Sphinx, pagename: str) -> dict:
    config = app.config
    details = config.calm_dates_event
    workshop = None
    if config.calm_dates_workshop:
        workshop = parse_when(config.calm_dates_workshop, config.calm_dates_timezone)
    url = details.get("url") or config.html_baseurl or app.builder.get_target_uri(pagename)
    return event_data(event_name(config), workshop, url, details)
