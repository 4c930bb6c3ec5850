"""A table's dates as a picture: an inline SVG timeline, drawn at build time, readable without colour.

Positions are percentages of the picture's width, so it fits any screen while
its text keeps the page's size. Spans (ranges, months) are bars, instants and
single days diamonds; past entries are hollow, flagged ones carry a "!", and
"today" is a labelled line that the page script moves.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from .block import EvaluatedTable
from .model import Entry, RowStatus
from .names import MONTH_NAMES, iso_second_utc, long_day

LEFT, RIGHT = 4.0, 96.0  # percent of the width the dates span
TOP, LANE, BOTTOM = 30, 18, 24  # pixels
MAX_LANES = 12  # more entries share lanes, so a long table keeps a small picture
# Inline SVG needs no namespace in HTML, but epub's XHTML does.
SVG_NAMESPACE = "http://www.w3.org/2000/svg"


def _utc(moment: datetime) -> str:
    return iso_second_utc(moment.astimezone(UTC))


def timeline_svg(table: EvaluatedTable) -> str:
    """The <svg class="calm-dates-timeline"> for a table, or "" when it has no dated entry."""
    rows = [(entry, status) for entry, status in table.rows if entry.is_dated]
    if not rows:
        return ""
    first = min(entry.when.start for entry, _ in rows)
    last = max(entry.when.end for entry, _ in rows)
    lanes = min(len(rows), MAX_LANES)
    height = TOP + lanes * LANE + BOTTOM
    scale = _Scale(first, last)
    span = f'data-calm-from="{_utc(first)}" data-calm-to="{_utc(last)}"'
    parts = [
        f'<svg xmlns="{SVG_NAMESPACE}" class="calm-dates-timeline" role="img" width="100%" height="{height}" {span}>',
        f"<title>{escape(_title(table))}</title>",
        f"<desc>{escape(_summary(rows, table.now))}</desc>",
        f'<line class="calm-timeline-axis" x1="{LEFT}%" x2="{RIGHT}%" y1="{height - BOTTOM + 4}" '
        f'y2="{height - BOTTOM + 4}"></line>',
        f'<text class="calm-timeline-tick" x="{LEFT}%" y="{height - 4}" text-anchor="start">{_month(first)}</text>',
        f'<text class="calm-timeline-tick" x="{RIGHT}%" y="{height - 4}" text-anchor="end">{_month(last)}</text>',
    ]
    for index, (entry, status) in enumerate(rows):
        parts.append(_entry(entry, status, scale, TOP + (index % MAX_LANES) * LANE + LANE // 2))
    parts.append(_now(table.now, scale, height))
    parts.append("</svg>")
    return "".join(parts)


class _Scale:
    def __init__(self, first: datetime, last: datetime):
        self.first, self.span = first, max((last - first).total_seconds(), 1.0)

    def position(self, moment: datetime) -> float:
        fraction = (moment - self.first).total_seconds() / self.span
        return LEFT + (RIGHT - LEFT) * min(max(fraction, 0.0), 1.0)

    def edge(self, moment: datetime) -> str:
        fraction = (moment - self.first).total_seconds() / self.span
        return "before" if fraction < 0 else "after" if fraction > 1 else ""


def _title(table: EvaluatedTable) -> str:
    return f"Timeline: {table.caption}"


def _summary(rows: list[tuple[Entry, RowStatus]], now: datetime) -> str:
    past = sum(status.past for _, status in rows)
    first = min(entry.when.first_day for entry, _ in rows)
    last = max(entry.when.last_day for entry, _ in rows)
    flagged = [entry.label for entry, status in rows if status.findings]
    text = (
        f"{len(rows)} dates, from {long_day(first)} to {long_day(last)}; "
        f"as of {_day(now)}, {past} of them {'has' if past == 1 else 'have'} passed."
    )
    if flagged:
        text += f" Flagged as looking wrong: {', '.join(flagged)}."
    return text


def _entry(entry: Entry, status: RowStatus, scale: _Scale, y: int) -> str:
    when = entry.when
    classes = ["calm-timeline-entry"]
    if entry.is_workshop:
        classes.append("calm-timeline-workshop")
    if status.past:
        classes.append("calm-timeline-past")
    flagged = bool(status.findings)
    if flagged:
        classes.append("calm-timeline-flagged")
    data = (
        f'data-calm-start="{iso_second_utc(when.start.astimezone(UTC))}" '
        f'data-calm-end="{iso_second_utc(when.end.astimezone(UTC))}"'
    )
    tooltip = f"<title>{escape(entry.label)}: {escape(entry.date_text)}{' (looks wrong)' if flagged else ''}</title>"
    flag = '<text class="calm-timeline-flag" x="10" y="5">!</text>' if flagged else ""
    is_span = when.kind == "month" or (when.kind == "days" and when.first_day != when.last_day)
    if is_span:
        left, right = scale.position(when.start), scale.position(when.end)
        width = max(right - left, 0.8)
        return (
            f'<svg class="{" ".join([*classes, "calm-timeline-span"])}" x="{left:.2f}%" y="{y}" overflow="visible" '
            f'{data}>{tooltip}<rect x="0" y="-5" width="{width:.2f}%" height="10" rx="2"></rect></svg>'
            + (
                f'<text class="calm-timeline-flag" x="{left + width:.2f}%" dx="4" y="{y + 5}">!</text>'
                if flagged
                else ""
            )
        )
    # An instant at its moment; a single day at its middle.
    x = scale.position(when.start if when.kind == "instant" else when.start + (when.end - when.start) / 2)
    return (
        f'<svg class="{" ".join([*classes, "calm-timeline-mark"])}" x="{x:.2f}%" y="{y}" overflow="visible" {data}>'
        f'{tooltip}<path d="M0,-6 L6,0 L0,6 L-6,0 Z"></path>{flag}</svg>'
    )


def _now(now: datetime, scale: _Scale, height: int) -> str:
    x = scale.position(now)
    edge = scale.edge(now)
    label = f"Today, {_day(now)}"
    if edge == "after":
        label, anchor = f"Today, {_day(now)}: after these dates \u2192", "end"
    elif edge == "before":
        label, anchor = f"\u2190 Today, {_day(now)}: before these dates", "start"
    else:
        anchor = "start" if x < 30 else "end" if x > 70 else "middle"
    return (
        f'<svg class="calm-timeline-now" x="{x:.2f}%" y="0" overflow="visible" data-calm-edge="{edge}">'
        f'<line x1="0" x2="0" y1="{TOP - 8}" y2="{height - BOTTOM + 4}"></line>'
        f'<text class="calm-timeline-now-label" x="0" y="14" text-anchor="{anchor}">{escape(label)}</text></svg>'
    )


def _day(moment: datetime) -> str:
    utc = moment.astimezone(UTC)
    return f"{MONTH_NAMES[utc.month - 1][:3]} {utc.day}, {utc.year:04d}"


def _month(moment: datetime) -> str:
    utc = moment.astimezone(UTC)
    return f"{MONTH_NAMES[utc.month - 1][:3]} {utc.year:04d}"
