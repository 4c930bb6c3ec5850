"""The `important-dates` directive: reads the block into a DatesTable; checking waits for write time."""

from __future__ import annotations

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .errors import DateSyntaxError
from .model import DatesTable, Finding
from .nodes import important_dates
from .parse import parse_body
from .zones import ZONE_FORMS, parse_zone

KNOWN_OPTIONS = ("workshop", "timezone", "class", "name")
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
        findings: list[Finding] = []
        for name in self.options:
            if name not in KNOWN_OPTIONS:
                findings.append(
                    Finding(
                        "option",
                        f"important-dates has no option {name!r}; "
                        f"the options are {', '.join(':' + known + ':' for known in KNOWN_OPTIONS)}",
                    )
                )
        zone = self._zone(findings)
        node = important_dates()
        self.set_source_info(node)
        node["classes"] += self._classes(findings)
        if self.options.get("name"):
            self.add_name(node)
        if not any(line.strip() for line in self.content):
            findings.append(
                Finding(
                    "invalid",
                    "important-dates has no entries; add one line per date, "
                    "e.g. '* **Paper submission deadline:** June 6, 2022, 23:59 AoE'",
                )
            )
        entries = parse_body(list(self.content), zone, self._first_body_line()) if self.content else []
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

    def _zone(self, findings: list[Finding]) -> str:
        """The default zone for entries: the option if it is valid, else the (validated) config value."""
        configured = self.config.calm_dates_timezone
        text = (self.options.get("timezone") or "").strip()
        if not text:
            return configured
        try:
            parse_zone(text)
        except DateSyntaxError as error:
            findings.append(Finding("option", f":timezone: {error}; using {configured} instead ({ZONE_FORMS})"))
            return configured
        return text

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
