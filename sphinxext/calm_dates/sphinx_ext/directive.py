"""The `important-dates` directive: records the block exactly as written; evaluation waits for write time."""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.util.docutils import SphinxDirective

from ..core.block import BlockSource, split_block
from .config import state_of
from .nodes import important_dates


class ImportantDates(SphinxDirective):
    """A table of a workshop's dates, one `label: when` entry per line.

    It declares no arguments and no options: docutils and MyST then hand over every
    line as written (caption, options, entries), and the core takes them apart. So a
    repeated or malformed option is a located warning, never a lost table.
    """

    has_content = True

    def run(self) -> list[important_dates]:
        # The file and line the directive is written at: an included file's own, not the page's.
        source, line = self.get_source_info()
        lines = tuple(self._numbered_lines())
        if type(self.state).__module__.startswith("myst_parser"):
            line, lines = _as_written(source, line, lines)
        block = BlockSource(path=self._path_from_confdir(source), line=line, lines=lines)
        node = important_dates(block=block)
        self.set_source_info(node)
        name = split_block(block).option("name")
        if name:
            self.options["name"] = name
            self.add_name(node)
        return [node]

    def _numbered_lines(self):
        """Every line after the directive name, with its source line number, whichever parser read it."""
        if type(self.state).__module__.startswith("myst_parser"):
            # MyST splits the body with str.splitlines(), which also breaks at U+2028 and form feeds;
            # its block_text keeps the fence's real lines ("```{name} caption", the lines, "```").
            head, *body = self.block_text.split("\n")
            caption = head.partition("}")[2]
            if caption.strip():
                yield self.lineno, caption
            for offset, text in enumerate(body[:-2]):
                yield self.lineno + 1 + offset, text
            return
        for offset, text in enumerate(self.content):
            yield self.content.info(offset)[1] + 1, text

    def _path_from_confdir(self, source: str) -> str:
        """The source file as calm_dates_accepted and calm-dates name it: relative to the conf.py folder."""
        try:
            return Path(os.path.relpath(source, state_of(self.config).confdir)).as_posix()
        except ValueError:  # another drive on Windows
            return Path(source).as_posix()


# How far a directive nested in another one may be misplaced (sphinx-design's tab-item: one line).
_SEARCH = 3


def _as_written(source: str, line: int, lines: tuple[tuple[int, str], ...]) -> tuple[int, tuple[tuple[int, str], ...]]:
    """The block's lines where the file really has them.

    Some directives that parse their body (sphinx-design's tab-item) hand MyST a line offset
    that is off by one; the body's lines are then looked up in the source file near where
    MyST says they are, so findings point at the right line (the line the command reports too).
    """
    try:
        written = Path(source).read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return line, lines
    body = [(number - line, text) for number, text in lines if number != line and text.strip()]
    if not body:
        return line, lines

    def matches(start: int) -> bool:
        return all(
            0 <= start + offset - 1 < len(written) and written[start + offset - 1].rstrip().endswith(text.rstrip())
            for offset, text in body
        )

    for shift in sorted(range(-_SEARCH, _SEARCH + 1), key=abs):
        if matches(line + shift):
            return line + shift, tuple((number + shift, text) for number, text in lines)
    return line, lines
