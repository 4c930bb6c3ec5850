"""Per-page HTML additions: the table's CSS and script where a page shows a table, event metadata on the home page."""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from ..core.event import event_data, script_block
from .collector import may_hold_next_date, may_hold_tables
from .config import settings_of
from .nodes import dates_wrapper, next_date_box

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
CSS_FILE = "calm_dates.css"
JS_FILE = "calm_dates.js"


def add_static_files(app: Sphinx) -> None:
    """CSS and script into the output's _static, for HTML builders only (LaTeX and others get no stray files).

    Copied here rather than added to html_static_path, so the configuration Sphinx compares
    between builds stays as conf.py wrote it (no "configuration has changed" on every build).
    """
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for name in (CSS_FILE, JS_FILE):
        source, target = STATIC_DIR / name, static / name
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document) -> None:
    candidate = may_hold_tables(app, pagename) or may_hold_next_date(app, pagename)
    shows_dates = (
        candidate
        and doctree is not None
        and any(next(doctree.findall(kind), None) for kind in (dates_wrapper, next_date_box))
    )
    if shows_dates:
        # Added from html-page-context, these reach this page only (singlehtml: the one page).
        app.add_css_file(CSS_FILE)
        app.add_js_file(JS_FILE, loading_method="defer")
    if pagename == app.config.root_doc and "metatags" in context:
        context["metatags"] += "\n" + script_block(workshop_event(app, pagename))


def workshop_event(app: Sphinx, pagename: str) -> dict:
    settings = settings_of(app.config)
    url = settings.event.get("url") or app.config.html_baseurl or app.builder.get_target_uri(pagename)
    return event_data(settings.event_name, settings.workshop, url, dict(settings.event))
