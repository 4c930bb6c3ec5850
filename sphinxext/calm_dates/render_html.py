"""A resolved table to HTML: an accessible table whose flags are words, not colour alone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape

from .model import Entry, ResolvedTable, RowStatus, utc_text
from .status import flag_words


def render_html_table(
    table: ResolvedTable,
    ids: Sequence[str] = (),
    classes: Sequence[str] = (),
    ics_href: str | None = None,
    left_out: Sequence[str] = (),
) -> str:
    """The whole ``<table class="calm-dates">`` for one important-dates block.

    The countdown paragraph and the local-time spans stay empty until the page's script fills them.
    """
    id_attr = f' id="{escape(ids[0])}"' if ids else ""
    class_attr = " ".join(["calm-dates", *classes])
    rows = "".join(_row(entry, status) for entry, status in zip(table.entries, table.statuses, strict=True))
    return (
        f'<div class="calm-dates-wrapper"{id_attr}>'
        '<p class="calm-dates-countdown" aria-live="polite" hidden></p>'
        f'<table class="{escape(class_attr)}">'
        f"<caption>{escape(table.caption)} {_as_of(table.now)}</caption>"
        '<thead><tr><th scope="col">What</th><th scope="col">When</th><th scope="col">Status</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>{_calendar_link(ics_href, left_out)}</div>\n"
    )


def _calendar_link(href: str | None, left_out: Sequence[str]) -> str:
    if href is None:
        return ""
    note = f" Not in the file: {escape('; '.join(left_out))}." if left_out else ""
    return (
        f'<p class="calm-dates-ics"><a href="{escape(href)}" download>Add these dates to your calendar</a>'
        f" (iCalendar file).{note}</p>"
    )


def _as_of(now: datetime) -> str:
    utc = now.astimezone(UTC)
    return (
        '<span class="calm-dates-as-of">(status as of '
        f'<time datetime="{utc:%Y-%m-%dT%H:%MZ}">{utc_text(now)}</time>)</span>'
    )


def _row(entry: Entry, status: RowStatus) -> str:
    flags = flag_words(entry, status)
    classes = ["calm-date", *(f"calm-date-{key}" for key, _ in flags if key != "upcoming")]
    data = ""
    if entry.is_dated:
        data = (
            f' data-calm-kind="{entry.when.kind}"'
            f' data-calm-start="{_utc(entry.when.start)}" data-calm-end="{_utc(entry.when.end)}"'
        )
    words = " ".join(f'<strong class="calm-flag calm-flag-{key}">{escape(word)}</strong>' for key, word in flags)
    reasons = "".join(
        f'<li><span class="calm-date-subtype">{escape(f.subtype)}</span>: {escape(f.message)}</li>'
        for f in status.findings
    )
    reasons_list = f'<ul class="calm-date-reasons">{reasons}</ul>' if reasons else ""
    return (
        f'<tr class="{" ".join(classes)}"{data}>'
        f'<th scope="row">{escape(entry.label)}</th>'
        f"<td>{_when_cell(entry)}</td>"
        f'<td class="calm-date-status">{words}{reasons_list}</td>'
        "</tr>"
    )


def _when_cell(entry: Entry) -> str:
    when = entry.when
    if when is None:
        return f'<span class="calm-date-raw">{escape(entry.text)}</span>'
    shown = entry.date_text
    struck = ""
    if when.superseded is not None:
        struck = f'<del class="calm-date-superseded">{escape(when.superseded)}</del> '
    if not when.is_dated:
        return f"{struck}{escape(shown)}"
    local = ' <span class="calm-date-local"></span>' if when.kind == "instant" else ""
    return f'{struck}<time datetime="{when.html_datetime}">{escape(shown)}</time>{local}'


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
