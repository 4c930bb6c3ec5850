"""Doctree nodes: a placeholder the directive leaves, and the HTML that replaces it when written."""

from __future__ import annotations

from docutils import nodes


class important_dates(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """An important-dates table as read; resolved when its page is written (status depends on the day)."""


class important_dates_html(nodes.General, nodes.Element):  # noqa: N801
    """The finished HTML of a table, for HTML builders."""


def visit_html(translator, node: important_dates_html) -> None:
    translator.body.append(node["html"])
    raise nodes.SkipNode


def skip(translator, node: nodes.Element) -> None:
    """For a placeholder that a builder never resolved: render nothing rather than crash."""
    raise nodes.SkipNode
