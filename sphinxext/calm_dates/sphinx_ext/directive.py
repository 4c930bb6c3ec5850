"""The `important-dates` directive: records the block as written; evaluation waits for write time."""

from __future__ import annotations

import os
from pathlib import Path

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..core.block import KNOWN_OPTIONS, BlockSource
from .config import state_of
from .nodes import important_dates


class _AnyOption(dict):
    """An option_spec that accepts unknown options, so the evaluation can warn and still render every row.

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
        source, _ = self.get_source_info()
        node = important_dates(
            block=BlockSource(
                path=self._path_from_confdir(source),
                line=self.lineno,
                argument=self.arguments[0] if self.arguments else "",
                options=tuple((name, value or "") for name, value in self.options.items()),
                lines=tuple(self._numbered_lines()),
            )
        )
        self.set_source_info(node)
        if self.options.get("name"):
            self.add_name(node)
        return [node]

    def _numbered_lines(self):
        """The body's lines with their source line numbers, whichever parser read them.

        MyST numbers content lines from the directive body; reStructuredText from the file.
        """
        if type(self.state).__module__.startswith("myst_parser"):
            first = self.lineno + self.content_offset + 1
            return ((first + offset, text) for offset, text in enumerate(self.content))
        return ((self.content.info(offset)[1] + 1, text) for offset, text in enumerate(self.content))

    def _path_from_confdir(self, source: str) -> str:
        """The source file as calm_dates_accepted and calm-dates name it: relative to the conf.py folder."""
        base = state_of(self.config).confdir
        try:
            return Path(os.path.relpath(source, base)).as_posix()
        except ValueError:  # another drive on Windows
            return Path(source).as_posix()
