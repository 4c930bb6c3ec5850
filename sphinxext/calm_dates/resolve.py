"""Write time: check each table against the workshop date, work out its status as of now, warn, render.

This runs when a page is written, never when it is read, so a cached
environment cannot show yesterday's status.
"""

from __future__ import annotations

import os
from datetime import UTC
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from .config import build_now
from .ics import calendar_job, is_current, left_out
from .ics import write_calendar as write_calendar_file
from .model import DatesTable, ResolvedTable
from .nodes import important_dates, important_dates_html
from .render_docutils import build_docutils_table
from .render_html import render_html_table
from .status import statuses_as_of
from .table import accepted_keys, check_block, finding_key, finding_line

logger = logging.getLogger(__name__)


def resolve_tables(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace every important-dates placeholder in a page about to be written."""
    placeholders = list(doctree.findall(important_dates))
    if not placeholders:
        return
    resolved = [resolve_table(app, node["table"]) for node in placeholders]
    ics_href = write_calendar(app, docname, resolved) if app.builder.format == "html" else None
    for node, table in zip(placeholders, resolved, strict=True):
        if app.builder.format == "html":
            html = render_html_table(table, node["ids"], node["classes"], ics_href, left_out([table]))
            replacement = important_dates_html(html=html)
        else:
            replacement = build_docutils_table(table)
            replacement["ids"] = list(node["ids"])
            replacement["classes"] += node["classes"]
        replacement.source, replacement.line = node.source, node.line
        node.replace_self(replacement)


def write_calendar(app: Sphinx, docname: str, tables: list[ResolvedTable]) -> str:
    """Write <docname>.ics beside the page (unless it already holds exactly this); return its relative URL."""
    name = f"{docname}.ics"
    job = calendar_job(str(Path(app.outdir, name)), tables, docname, app.config.project)
    if not is_current(job):
        write_calendar_file(job)
    return relative_uri(app.builder.get_target_uri(docname), name)


def resolve_table(app: Sphinx, table: DatesTable) -> ResolvedTable:
    """Findings (warned, located) and statuses for one table."""
    now = build_now(app)
    config = app.config
    findings = list(table.findings)
    findings += check_block(
        table.entries, table.zone, table.workshop, config.calm_dates_workshop, config.calm_dates_max_lead_days
    )
    accepted, _ = accepted_keys(config.calm_dates_accepted)
    path = source_path(app, table.docname)
    for finding in findings:
        location = (table.docname, finding_line(finding, table.entries, table.line))
        if finding_key(path, table.entries, finding) in accepted:
            # Reviewed and listed in calm_dates_accepted: reported, but not a warning.
            logger.info("accepted calm_dates.%s: %s", finding.subtype, finding.message, location=location)
        else:
            logger.warning(finding.message, location=location, type="calm_dates", subtype=finding.subtype)
    statuses = statuses_as_of(table.entries, findings, now)
    past = sum(status.past for status in statuses)
    if past:
        logger.info(
            "calm_dates: %s: %d of %d dates past as of %s",
            app.env.doc2path(table.docname),
            past,
            len(statuses),
            now.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        )
    return ResolvedTable(table.caption, table.entries, tuple(statuses), now)


def source_path(app: Sphinx, docname: str) -> str:
    """A page's source file relative to the conf.py folder, as calm_dates_accepted and calm-dates name it."""
    return Path(os.path.relpath(app.env.doc2path(docname), app.confdir)).as_posix()
