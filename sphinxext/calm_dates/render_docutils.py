"""A resolved table to plain docutils nodes, for text, LaTeX, man and other non-HTML builders."""

from __future__ import annotations

from docutils import nodes

from .model import Entry, ResolvedTable, RowStatus, utc_text
from .status import flag_words

COLUMNS = ("What", "When", "Status")


def build_docutils_table(table: ResolvedTable) -> nodes.table:
    """A three-column table with the same words as the HTML one."""
    title = f"{table.caption} (status as of {utc_text(table.now)})"
    group = nodes.tgroup(cols=len(COLUMNS))
    # Widths are characters for the text builder and proportions elsewhere.
    group += [nodes.colspec(colwidth=width) for width in (28, 28, 44)]
    group += nodes.thead("", _row(COLUMNS))
    group += nodes.tbody("", *(_entry_row(e, s) for e, s in zip(table.entries, table.statuses, strict=True)))
    return nodes.table("", nodes.title(title, title), group, classes=["calm-dates"])


def _entry_row(entry: Entry, status: RowStatus) -> nodes.row:
    when = entry.text
    if entry.when is not None and entry.when.superseded is not None:
        when = f"{entry.when.superseded} (superseded by) {entry.date_text}"
    words = ", ".join(word for _, word in flag_words(entry, status))
    reasons = [f"{finding.subtype}: {finding.message}" for finding in status.findings]
    return _row((entry.label, when, ". ".join([words, *reasons])))


def _row(cells) -> nodes.row:
    row = nodes.row()
    for text in cells:
        row += nodes.entry("", nodes.paragraph(text, text))
    return row
