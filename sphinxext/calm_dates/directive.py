"""The `important-dates` directive: reads the block into a DatesTable; checking waits for write time."""

from __future__ import annotations

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .model import DatesTable, Finding
from .nodes import important_dates
from .table import KNOWN_OPTIONS, read_block

DEFAULT_CAPTION = "Important dates"


class _AnyOption(dict):
    """An option_spec that accepts unknown options, so the directive can warn and still render its rows.

    docutils and MyST would otherwise drop the whole table for one misspelt option.
    """

    def __missing__(self, key: str):
        return directives.unchanged

    def __contains__(self, key: object) -> bool:
        return True


class ImportantDates(SphinxDirective):
    """A table of a workshop's dates, one `label: when` entry per line."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = _AnyOption({name: directives.unchanged for name in KNOWN_OPTIONS})

    def run(self) -> list[important_dates]:
        first_line = self._first_body_line() if self.content else self.lineno + 1
        entries, zone, findings = read_block(
            self.options, list(self.content), first_line, self.config.calm_dates_timezone
        )
        node = important_dates()
        self.set_source_info(node)
        node["classes"] += self._classes(findings)
        if self.options.get("name"):
            self.add_name(node)
        node["table"] = DatesTable(
            docname=self.env.docname,
            line=self.lineno,
            caption=self.arguments[0] if self.arguments else DEFAULT_CAPTION,
            entries=tuple(entries),
            workshop=(self.options.get("workshop") or "").strip() or None,
            zone=zone,
            findings=tuple(findings),
        )
        self.env.calm_dates_docs.add(self.env.docname)
        return [node]

    def _classes(self, findings: list[Finding]) -> list[str]:
        text = self.options.get("class")
        if not text:
            return []
        try:
            return directives.class_option(text)
        except ValueError as error:
            findings.append(Finding("option", f":class: {text!r} is not a list of class names ({error})"))
            return []

    def _first_body_line(self) -> int:
        """The source line of the body's first line, whichever parser read it.

        MyST numbers content lines from the directive body; reStructuredText from the file.
        """
        if type(self.state).__module__.startswith("myst_parser"):
            return self.lineno + self.content_offset + 1
        return self.content.info(0)[1] + 1
