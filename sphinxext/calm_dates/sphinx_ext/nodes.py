"""Doctree nodes of an important-dates table, and their HTML visitors.

The directive leaves an ``important_dates`` placeholder holding the block as
written; the post-transform replaces it with a real docutils table built from
the classes below. Each subclasses a docutils node, so builders without a
visitor of their own (text, LaTeX, man, Texinfo) render it as that node; HTML
gets what docutils has no node for: ``<time datetime>``, ``data-calm-*``,
``scope``, ``<del>``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator


class important_dates(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A block as read (``block``: a core BlockSource); resolved when its page is written."""


class dates_wrapper(nodes.General, nodes.Element):  # noqa: N801
    """Everything one table shows: countdown, table, calendar link; carries the table's ids."""


class dates_countdown(nodes.General, nodes.TextElement):  # noqa: N801
    """The countdown line as of the build (HTML only); the page script updates its text in place.

    A timer, not a live region: screen readers would announce it every minute. Status
    changes are announced by a separate polite live region that follows it.
    """


class dates_timeline(nodes.General, nodes.Element):  # noqa: N801
    """The table's timeline picture (``svg``: inline SVG from core.timeline), HTML only."""


class dates_caption(nodes.title):  # noqa: N801
    """The table's caption; in HTML a plain ``<caption>`` (not a numbered figure that needs an id)."""


class dates_timer(nodes.inline):  # noqa: N801
    """A countdown inside a line; in HTML a ``role="timer"`` span (not announced every minute)."""


class next_date(nodes.General, nodes.Element):  # noqa: N801
    """Where the next-date directive's box goes; resolved when the page is written."""


class next_date_box(nodes.General, nodes.Element):  # noqa: N801
    """The next date across the site (``entries``: JSON of the upcoming entries, for the page script)."""


class dates_row(nodes.row):  # noqa: N801
    """A table row with its entry's kind and UTC bounds (``data``) for the page script."""


class dates_header(nodes.entry):  # noqa: N801
    """A header cell: ``scope`` is "col" or "row"."""


class dates_time(nodes.inline):  # noqa: N801
    """A date as written, with its machine-readable ``datetime``."""


class superseded_date(nodes.inline):  # noqa: N801
    """The struck-through earlier date of an extended deadline."""


class calendar_link(nodes.paragraph):  # noqa: N801
    """The "add these dates to your calendar" line (HTML builders that write a calendar)."""


class calendar_reference(nodes.reference):  # noqa: N801
    """A link to the .ics file, offered as a download."""


def visit_wrapper_html(self: HTML5Translator, node: dates_wrapper) -> None:
    self.body.append(self.starttag(node, "div", CLASS="calm-dates-wrapper"))


def depart_wrapper_html(self: HTML5Translator, node: dates_wrapper) -> None:
    self.body.append("</div>\n")


def visit_countdown_html(self: HTML5Translator, node: dates_countdown) -> None:
    attributes = {"role": "timer"}
    if not node.astext():
        attributes["hidden"] = "hidden"
    self.body.append(self.starttag(node, "p", "", CLASS="calm-dates-countdown", **attributes))
    self.body.append(self.encode(node.astext()) + "</p>\n")
    live = {"aria-live": "polite", "class": "calm-dates-announce"}
    self.body.append(self.starttag(nodes.Element(), "p", "", **live) + "</p>\n")
    raise nodes.SkipNode


def visit_timeline_html(self: HTML5Translator, node: dates_timeline) -> None:
    # Built and escaped by core.timeline: there is no docutils node for SVG.
    self.body.append(node["svg"] + "\n")
    raise nodes.SkipNode


def visit_caption_html(self: HTML5Translator, node: dates_caption) -> None:
    self.body.append(self.starttag(node, "caption", ""))


def depart_caption_html(self: HTML5Translator, node: dates_caption) -> None:
    self.body.append("</caption>\n")


def visit_timer_html(self: HTML5Translator, node: dates_timer) -> None:
    self.body.append(self.starttag(node, "span", "", role="timer"))


def depart_timer_html(self: HTML5Translator, node: dates_timer) -> None:
    self.body.append("</span>")


def visit_next_date_html(self: HTML5Translator, node: next_date_box) -> None:
    self.body.append(self.starttag(node, "div", CLASS="calm-next-date", **{"data-calm-entries": node["entries"]}))


def depart_next_date_html(self: HTML5Translator, node: next_date_box) -> None:
    self.body.append("</div>\n")


def visit_row_html(self: HTML5Translator, node: dates_row) -> None:
    node.column = 0
    data = {f"data-calm-{key}": value for key, value in node.get("data", {}).items()}
    self.body.append(self.starttag(node, "tr", "", **data))


def depart_row_html(self: HTML5Translator, node: dates_row) -> None:
    self.body.append("</tr>\n")


def visit_header_html(self: HTML5Translator, node: dates_header) -> None:
    node.parent.column += 1
    self.body.append(self.starttag(node, "th", "", scope=node["scope"]))


def depart_header_html(self: HTML5Translator, node: dates_header) -> None:
    self.body.append("</th>")


def visit_time_html(self: HTML5Translator, node: dates_time) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def depart_time_html(self: HTML5Translator, node: dates_time) -> None:
    self.body.append("</time>")


def visit_superseded_html(self: HTML5Translator, node: superseded_date) -> None:
    self.body.append(self.starttag(node, "del", ""))


def depart_superseded_html(self: HTML5Translator, node: superseded_date) -> None:
    self.body.append("</del>")


def depart_superseded_text(self, node: superseded_date) -> None:
    """Text has no strike-through: say it in words."""
    self.add_text(" (superseded by)")


def depart_superseded_body(self, node: superseded_date) -> None:
    self.body.append(" (superseded by)")


def visit_calendar_reference_html(self: HTML5Translator, node: calendar_reference) -> None:
    self.body.append(self.starttag(node, "a", "", href=node["refuri"], download=""))


def depart_calendar_reference_html(self: HTML5Translator, node: calendar_reference) -> None:
    self.body.append("</a>")


def pass_through(self, node: nodes.Element) -> None:
    """A container with no markup of its own outside HTML: only its children are rendered."""


def skip(self, node: nodes.Element) -> None:
    """For what a builder has nothing to show (a placeholder never resolved, HTML-only lines)."""
    raise nodes.SkipNode


def register(app) -> None:
    skip_it = (skip, None)
    non_html = ("latex", "text", "man", "texinfo")
    app.add_node(important_dates, html=skip_it, **dict.fromkeys(non_html, skip_it))
    app.add_node(
        dates_wrapper,
        html=(visit_wrapper_html, depart_wrapper_html),
        **dict.fromkeys(non_html, (pass_through, pass_through)),
    )
    app.add_node(dates_countdown, html=(visit_countdown_html, None), **dict.fromkeys(non_html, skip_it))
    app.add_node(dates_timeline, html=(visit_timeline_html, None), **dict.fromkeys(non_html, skip_it))
    app.add_node(dates_caption, html=(visit_caption_html, depart_caption_html))
    app.add_node(dates_row, html=(visit_row_html, depart_row_html))
    app.add_node(dates_timer, html=(visit_timer_html, depart_timer_html))
    app.add_node(
        next_date_box,
        html=(visit_next_date_html, depart_next_date_html),
        **dict.fromkeys(non_html, (pass_through, pass_through)),
    )
    app.add_node(dates_header, html=(visit_header_html, depart_header_html))
    app.add_node(dates_time, html=(visit_time_html, depart_time_html))
    app.add_node(
        superseded_date,
        html=(visit_superseded_html, depart_superseded_html),
        text=(lambda self, node: None, depart_superseded_text),
        latex=(lambda self, node: None, depart_superseded_body),
        man=(lambda self, node: None, depart_superseded_body),
        texinfo=(lambda self, node: None, depart_superseded_body),
    )
    app.add_node(calendar_link, **dict.fromkeys(non_html, skip_it))
    app.add_node(calendar_reference, html=(visit_calendar_reference_html, depart_calendar_reference_html))
