"""An evaluated table to docutils nodes: the one renderer, for every builder.

HTML gets more than the plain table through the node classes' own visitors
(nodes.py); everything else sees ordinary table, paragraph and inline nodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from docutils import nodes

from ..core.block import EvaluatedTable
from ..core.countdown import countdown_text, utc_time_text
from ..core.model import Entry, RowStatus, When, utc_text
from ..core.names import iso_day, iso_minute_utc, iso_second_utc
from ..core.reasons import visitor_reason
from ..core.status import flag_words
from ..core.timeline import timeline_svg
from .nodes import (
    calendar_link,
    calendar_reference,
    dates_caption,
    dates_countdown,
    dates_header,
    dates_row,
    dates_time,
    dates_timeline,
    dates_wrapper,
    superseded_date,
)

COLUMNS = ("What", "When", "Status")
# Characters for the text builder, proportions for LaTeX.
COLUMN_WIDTHS = (28, 28, 44)


def render_table(table: EvaluatedTable, show_details: bool = True) -> dates_wrapper:
    """Timeline, countdown line and table, all as of the build (the page script updates them in place).

    ``table`` stays on the wrapper for the calendar writer.
    """
    wrapper = dates_wrapper(table=table)
    svg = timeline_svg(table) if table.timeline else ""
    if svg:
        wrapper += dates_timeline(svg=svg)
    text = countdown_text(table.rows, table.now)
    wrapper += dates_countdown(text, text)
    wrapper += _table(table, show_details)
    return wrapper


def _table(table: EvaluatedTable, show_details: bool) -> nodes.table:
    group = nodes.tgroup(cols=len(COLUMNS))
    group += [nodes.colspec(colwidth=width) for width in COLUMN_WIDTHS]
    group += nodes.thead("", nodes.row("", *(_header(word, "col") for word in COLUMNS)))
    group += nodes.tbody("", *(_row(entry, status, table.workshop, show_details) for entry, status in table.rows))
    return nodes.table("", _caption(table), group, classes=["calm-dates", *table.classes])


def _caption(table: EvaluatedTable) -> dates_caption:
    moment = table.now.astimezone(UTC)
    as_of = nodes.inline("", "(status as of ", classes=["calm-dates-as-of"])
    as_of += dates_time("", utc_text(moment), datetime=iso_minute_utc(moment))
    as_of += nodes.Text(")")
    return dates_caption("", f"{table.caption} ", as_of)


def _header(text: str, scope: str) -> dates_header:
    return dates_header("", nodes.paragraph(text, text), scope=scope)


def _row(entry: Entry, status: RowStatus, workshop: When | None, show_details: bool) -> dates_row:
    flags = flag_words(entry, status)
    row = dates_row(classes=["calm-date", *(f"calm-date-{key}" for key, _ in flags if key != "upcoming")])
    if entry.is_dated:
        when = entry.when
        row["data"] = {
            "kind": when.kind,
            "start": iso_second_utc(when.start.astimezone(UTC)),
            "end": iso_second_utc(when.end.astimezone(UTC)),
        }
        if when.kind == "instant":
            # The day as written, so the script can say when the visitor's day is another one.
            row["data"]["day"] = iso_day(when.first_day)
    row += _header(entry.label, "row")
    row += nodes.entry("", nodes.paragraph("", "", *_when(entry)))
    row += nodes.entry("", *_status(flags, status, entry, workshop, show_details), classes=["calm-date-status"])
    return row


def _when(entry: Entry) -> list[nodes.Node]:
    when = entry.when
    if when is None:
        return [nodes.inline(entry.text, entry.text, classes=["calm-date-raw"])]
    shown: list[nodes.Node] = []
    if when.superseded is not None:
        shown += [superseded_date(when.superseded, when.superseded, classes=["calm-date-superseded"]), nodes.Text(" ")]
    if not when.is_dated:
        return [*shown, nodes.Text(entry.date_text)]
    shown.append(dates_time(entry.date_text, entry.date_text, datetime=when.html_datetime))
    if when.kind == "instant":
        # In UTC as built; the page script writes the visitor's own time in its place.
        local = utc_time_text(entry)
        shown += [nodes.Text(" "), nodes.inline(local, local, classes=["calm-date-local"])]
    return shown


def _status(
    flags: list[tuple[str, str]], status: RowStatus, entry: Entry, workshop: When | None, show_details: bool
) -> list[nodes.Element]:
    words = nodes.paragraph()
    for position, (key, word) in enumerate(flags):
        if position:
            words += nodes.Text(" ")
        words += nodes.strong(word, word, classes=["calm-flag", f"calm-flag-{key}"])
    if not status.findings:
        return [words]
    # Explanations, not content: left out of the search index (and out of its weight on big sites).
    reasons = nodes.bullet_list(classes=["calm-date-reasons", "no-search"])
    for finding in status.findings:
        reason = visitor_reason(finding, entry, workshop)
        item = nodes.list_item("", nodes.paragraph(reason, reason, classes=["calm-date-reason"]))
        if show_details:
            # For maintainers and pull-request previews: the build log's words, setting names included.
            subtype = finding.subtype.value
            item += nodes.paragraph(
                "",
                "",
                nodes.inline(subtype, subtype, classes=["calm-date-subtype"]),
                nodes.Text(f": {finding.message}"),
                classes=["calm-date-details"],
            )
        reasons += item
    return [words, reasons]


def calendar_line(href: str, left_out: Sequence[str], subscribe: str | None = None) -> calendar_link:
    """The line under a table that links to its page's calendar file and says what it leaves out.

    With the site's public URL known, a webcal:// link lets calendar apps subscribe, so an extended
    deadline reaches calendars that added the old one.
    """
    text = "Add these dates to your calendar"
    line = calendar_link("", "", classes=["calm-dates-ics"])
    line += calendar_reference(text, text, refuri=href)
    line += nodes.Text(" (iCalendar file).")
    if subscribe:
        line += nodes.Text(" Or ")
        words = "subscribe to them"
        line += nodes.reference(words, words, refuri=subscribe, classes=["calm-dates-subscribe"])
        line += nodes.Text(", so changed dates reach your calendar.")
    if left_out:
        line += nodes.Text(f" Not in the file: {'; '.join(left_out)}.")
    return line
