"""The docutils side of the command's reader: a directive that records important-dates blocks.

Imported only when a page is reStructuredText, so checking Markdown never loads docutils.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from docutils.parsers.rst.directives.misc import Include

from .sources import DIRECTIVE


class recorded_block(nodes.Element):  # noqa: N801 (docutils node naming)
    """Where the build would put a table: the block's file, line and lines."""


class RecordBlock(Directive):
    """important-dates as the Sphinx directive declares it: no arguments, no options, every line kept."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        source, line = self.state_machine.get_source_and_line(self.lineno)
        lines = tuple((self.content.info(index)[1] + 1, text) for index, text in enumerate(self.content))
        return [recorded_block(source=source, line=line, lines=lines)]


class markdown_include(nodes.Element):  # noqa: N801
    """A Markdown file brought in with ``.. include:: x.md`` and ``:parser: myst_parser.sphinx_``."""


class IncludeFollowingMarkdown(Include):
    """docutils' include, except that a Markdown include is recorded for the MyST reader to follow."""

    option_spec = {**Include.option_spec, "parser": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        if "myst" not in self.options.get("parser", ""):
            return super().run()
        source = self.state_machine.get_source_and_line(self.lineno)[0] or ""
        target = Path(source).parent / directives.path(self.arguments[0])
        options = {name: str(value) for name, value in self.options.items() if name != "parser"}
        return [markdown_include(target=str(target), options=options)]


class Container(Directive):
    """A Sphinx directive docutils does not know, whose body is markup: parse the body."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = None

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, container)
        return [container]


def register_directives(containers: tuple[str, ...]) -> None:
    directives.register_directive(DIRECTIVE, RecordBlock)
    directives.register_directive("include", IncludeFollowingMarkdown)
    for name in containers:
        directives.register_directive(name, Container)


def markdown_includes(document: nodes.document):
    for node in document.findall(markdown_include):
        yield node["target"], node["options"]


def found_blocks(document: nodes.document):
    for node in document.findall(recorded_block):
        yield node["source"], node["line"], node["lines"]
