"""The .ics file beside each HTML page with a table: written when its content changes, removed with the table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urljoin

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from ..core.block import EvaluatedTable
from ..core.calendar import PRODID, build_calendar, calendar_job, is_written_from, left_out
from .collector import may_hold_tables, pages_with_tables
from .config import settings_of, state_of
from .nodes import dates_wrapper
from .render import calendar_line

logger = logging.getLogger(__name__)

HEAD_BYTES = 1024


def writes_calendars(app: Sphinx) -> bool:
    """HTML builders that publish a site; an epub cannot link to a calendar file."""
    return app.builder.format == "html" and not app.builder.name.startswith("epub")


def add_calendar(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """On doctree-resolved: write the page's calendar and link it under each of its tables."""
    if not may_hold_tables(app, docname):
        return
    wrappers = list(doctree.findall(dates_wrapper))
    if not wrappers or not writes_calendars(app):
        return
    href = write_calendar(app, docname, [wrapper["table"] for wrapper in wrappers])
    subscribe = subscription_url(app.config.html_baseurl, f"{docname}.ics")
    for wrapper in wrappers:
        wrapper += calendar_line(href, left_out([wrapper["table"]]), subscribe)


def subscription_url(baseurl: str, name: str) -> str | None:
    """webcal://host/path/<page>.ics when the site's public URL is known (html_baseurl, set by Read the Docs)."""
    if not baseurl:
        return None
    absolute = urljoin(baseurl if baseurl.endswith("/") else baseurl + "/", name)
    scheme, _, rest = absolute.partition("://")
    return f"webcal://{rest}" if scheme in {"http", "https"} and rest else None


def write_calendar(app: Sphinx, docname: str, tables: Sequence[EvaluatedTable]) -> str:
    """Write <docname>.ics beside the page (unless it already holds exactly this); return its relative URL."""
    name = f"{docname}.ics"
    path = Path(app.outdir, name)
    job = calendar_job(tables, docname, settings_of(app.config).project)
    if not is_written_from(_head(path), job):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(build_calendar(job))
    return relative_uri(app.builder.get_target_uri(docname), name)


def note_tables_before_reading(app: Sphinx, env, added, changed, removed) -> list[str]:
    """On env-get-outdated, before removed pages are purged: remember which pages had tables when the
    build began, since their calendars are the ones that can go stale. Asks for no page to be re-read."""
    state_of(app.config).tables_before = pages_with_tables(env)
    return []


def remove_stale_calendars(app: Sphinx, exception: Exception | None) -> None:
    """A calendar whose page or table is gone goes too (only files this extension wrote)."""
    if exception is not None or not writes_calendars(app):
        return
    outdir = Path(app.outdir)
    keep = {f"{docname}.ics" for docname in pages_with_tables(app.env)}
    if app.builder.name == "singlehtml":
        keep = {f"{app.config.root_doc}.ics"} if keep else set()
    before = state_of(app.config).tables_before
    # Where the last build's tables are known, only their calendars can be stale; after a fresh
    # environment (-E, a new Sphinx), look through the whole output once.
    candidates = [outdir / f"{docname}.ics" for docname in before] if before else outdir.rglob("*.ics")
    for path in candidates:
        if not path.is_file():
            continue
        if path.relative_to(outdir).as_posix() not in keep and PRODID.encode() in _head(path):
            path.unlink()
            logger.info("calm_dates: removed %s (its dates table is gone)", path.relative_to(outdir))


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(HEAD_BYTES)
    except OSError:
        return b""
