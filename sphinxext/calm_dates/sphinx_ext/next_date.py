"""The `next-date` directive: the next upcoming entry across the site's tables, with a link to its table.

Evaluated when its page is written (from every page's blocks, as the collector
keeps them) and kept live by the page script, which reads the upcoming entries
from the box's ``data-calm-entries``.
"""

from __future__ import annotations

import json
from datetime import UTC

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from ..core.block import evaluate_block, table_id
from ..core.countdown import countdown_text
from ..core.model import RowStatus
from ..core.names import iso_second_utc
from .collector import may_hold_next_date, store
from .config import settings_of
from .nodes import dates_time, dates_timer, next_date, next_date_box

# Enough upcoming entries for the script to move on as dates pass, without weighing the page down.
MAX_ENTRIES = 50


class NextDate(SphinxDirective):
    """Show the next upcoming important date of the site, with its countdown and a link to its table."""

    def run(self) -> list[nodes.Node]:
        node = next_date()
        self.set_source_info(node)
        return [node]


def resolve_next_dates(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """On doctree-resolved: fill each next-date with the site's upcoming entries as of this build."""
    if not may_hold_next_date(app, docname):
        return
    placeholders = list(doctree.findall(next_date))
    if not placeholders:
        return
    entries, first_table = upcoming_entries(app, docname)
    for placeholder in placeholders:
        placeholder.replace_self(_box(entries, first_table, settings_of(app.config).now))


def upcoming_entries(app: Sphinx, docname: str) -> tuple[list[dict], str]:
    """Entries not over as of the build, soonest first, each with a link to its table from *docname*."""
    settings = settings_of(app.config)
    here = app.builder.get_target_uri(docname)
    found, first_table = [], ""
    for order, (page, record) in enumerate(sorted(store(app.env).pages.items())):
        for position, block in enumerate(record.blocks, start=1):
            table = evaluate_block(block, settings)
            href = f"{relative_uri(here, app.builder.get_target_uri(page))}#{table_id(table)}"
            first_table = first_table or href
            for index, (entry, status) in enumerate(table.rows):
                if entry.is_dated and not status.invalid and settings.now < entry.when.end:
                    found.append(((entry.when.start, order, position, index), entry, href))
    found.sort(key=lambda item: item[0])
    return [_entry_data(entry, href) for _, entry, href in found[:MAX_ENTRIES]], first_table


def _entry_data(entry, href: str) -> dict:
    when = entry.when
    return {
        "label": entry.label,
        "text": entry.date_text,
        "kind": when.kind,
        "datetime": when.html_datetime,
        "start": iso_second_utc(when.start.astimezone(UTC)),
        "end": iso_second_utc(when.end.astimezone(UTC)),
        "href": href,
        "entry": entry,
    }


def _box(entries: list[dict], first_table: str, now) -> next_date_box:
    data = [{key: value for key, value in item.items() if key != "entry"} for item in entries]
    box = next_date_box(entries=json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    line = nodes.paragraph(classes=["calm-next-date-line"])
    if entries:
        first = entries[0]
        entry = first["entry"]
        countdown = countdown_text([(entry, RowStatus(next=True))], now).removeprefix(entry.label).strip()
        line += nodes.Text("Next: ")
        line += nodes.strong(entry.label, entry.label, classes=["calm-next-date-label"])
        line += nodes.Text(", ")
        line += dates_time(first["text"], first["text"], datetime=first["datetime"], classes=["calm-next-date-when"])
        line += nodes.Text(": ")
        line += dates_timer(countdown, countdown, classes=["calm-next-date-countdown"])
        href = first["href"]
    else:
        box["classes"].append("calm-next-date-none")
        text = "All dates have passed."
        line += nodes.strong(text, text, classes=["calm-next-date-label"])
        href = first_table
    box += line
    if href:
        # On a line of its own: the line above changes as dates pass; this one never moves.
        more = nodes.paragraph(classes=["calm-next-date-more"])
        more += nodes.reference("", "All important dates", refuri=href, classes=["calm-next-date-link"])
        box += more
    return box
