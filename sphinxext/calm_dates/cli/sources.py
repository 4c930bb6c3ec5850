"""Find important-dates blocks in a project's pages the way a Sphinx build finds them.

MyST pages are read with markdown-it (the tokenizer myst-parser itself uses, with
its block plugins), so fences nested in directives, colon fences, blockquotes and
list items are where the build sees them, and code samples are not directives.
reStructuredText is read with docutils, which follows ``include`` and skips
literal blocks. Each block comes back as the core's BlockSource, with the file
and line numbers the build reports: the included file's, for an included table.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

DIRECTIVE = "important-dates"

_DIRECTIVE_INFO = re.compile(r"^\{(?P<name>[^}\s]+)\}(?P<rest>.*)$")
# Directives whose body is not parsed as markup (code, tables of data, raw output, toctrees).
LITERAL_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "sourcecode",
        "code-cell",
        "literalinclude",
        "math",
        "raw",
        "toctree",
        "mermaid",
        "graphviz",
        "digraph",
        "graph",
        "csv-table",
        "highlight",
        "parsed-literal",
        "productionlist",
        "doctest",
        "testcode",
        "testoutput",
        "testsetup",
        "testcleanup",
        "autosummary",
        "glossary",
    }
)
# Sphinx and sphinx-design directives docutils does not know whose body is markup.
SPHINX_CONTAINERS = (
    "only",
    "seealso",
    "versionadded",
    "versionchanged",
    "deprecated",
    "versionremoved",
    "hlist",
    "centered",
    "tab-set",
    "tab-item",
    "tab-set-code",
    "card",
    "card-carousel",
    "grid",
    "grid-item",
    "grid-item-card",
    "dropdown",
    "div",
)


@dataclass(frozen=True)
class FoundBlock:
    """A block and the file it is written in (an included file, for an included block)."""

    file: Path
    line: int
    lines: tuple[tuple[int, str], ...]


Reader = Callable[[Path], str]


def blocks_in(
    path: Path, read: Reader, myst_extensions: Sequence[str] = (), srcdir: Path | None = None
) -> list[FoundBlock]:
    """Every block a build of *path* renders, in order, following includes."""
    srcdir = srcdir or path.parent
    context = _Context(read, tuple(myst_extensions), srcdir, frozenset({path}))
    if path.suffix == ".rst":
        return list(_rst_blocks(read(path), path, 0, context))
    return list(_myst_blocks(read(path), path, 0, context))


@dataclass(frozen=True)
class _Context:
    read: Reader
    extensions: tuple[str, ...]
    srcdir: Path
    seen: frozenset[Path]


def _markdown(extensions: tuple[str, ...]):
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin
    from mdit_py_plugins.myst_blocks import myst_block_plugin

    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(myst_block_plugin)
    if "colon_fence" in extensions:
        from mdit_py_plugins.colon_fence import colon_fence_plugin

        parser.use(colon_fence_plugin)
    if "dollarmath" in extensions:
        from mdit_py_plugins.dollarmath import dollarmath_plugin

        parser.use(dollarmath_plugin)
    return parser


def _myst_blocks(text: str, path: Path, offset: int, context: _Context) -> Iterator[FoundBlock]:
    """Blocks in MyST text whose first line is source line ``offset + 1``."""
    for token in _markdown(context.extensions).parse(text.removeprefix("\ufeff")):
        if token.type not in {"fence", "colon_fence"} or token.map is None:
            continue
        match = _DIRECTIVE_INFO.match(token.info.strip())
        if not match:
            continue  # a code sample, not a directive
        name = match["name"].lower()
        line = offset + token.map[0] + 1
        content = token.content.split("\n")
        if content and content[-1] == "":
            content.pop()
        if name == DIRECTIVE:
            caption = token.info.partition("}")[2]
            lines = ([(line, caption)] if caption.strip() else []) + [
                (line + 1 + index, text) for index, text in enumerate(content)
            ]
            yield FoundBlock(path, line, tuple(lines))
        elif name == "eval-rst":
            # MyST pads the reST with newlines so its lines keep their numbers.
            yield from _rst_blocks("\n" * line + token.content, path, 0, context)
        elif name == "include":
            yield from _myst_include(match["rest"].strip(), content, path, context)
        elif name not in LITERAL_DIRECTIVES:
            yield from _myst_blocks(token.content, path, line, context)


def _myst_include(argument: str, content: list[str], path: Path, context: _Context) -> Iterator[FoundBlock]:
    """Follow ``{include}`` as MyST does: its path, its slicing options, literal and code includes skipped."""
    target = (context.srcdir / argument.lstrip("/")) if argument.startswith("/") else (path.parent / argument)
    options = dict(_include_options(content))
    if "literal" in options or "code" in options:
        return  # shown as text, not parsed: no directive in it runs
    parser = options.get("parser", "")
    if parser in {"rst", "restructuredtext"}:
        yield from _rst_blocks(context.read(target), target, 0, context)
    else:
        yield from _included_myst(target, options, context)


def _include_options(content: list[str]) -> Iterator[tuple[str, str]]:
    for line in content:
        match = re.match(r"^\s*:(?P<name>[\w-]+):\s*(?P<value>.*?)\s*$", line)
        if not match:
            break
        yield match["name"], match["value"]


def _included_myst(target: Path, options: dict[str, str], context: _Context) -> Iterator[FoundBlock]:
    """The part of a Markdown file an include takes (start-line, end-line, start-after, end-before), keeping
    the file's own line numbers."""
    target = Path(target)
    if target in context.seen or not target.is_file():
        return
    lines = context.read(target).split("\n")
    first, last = _int(options.get("start-line"), 0), _int(options.get("end-line"), len(lines))
    lines = lines[first:last]
    text = "\n".join(lines)
    offset = first
    if options.get("start-after"):
        head, found, rest = text.partition(options["start-after"])
        if found:
            offset += head.count("\n")
            text = rest
    if options.get("end-before"):
        text = text.partition(options["end-before"])[0]
    inner = _Context(context.read, context.extensions, context.srcdir, context.seen | {target})
    yield from _myst_blocks(text, target, offset, inner)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


def _rst_blocks(text: str, path: Path, offset: int, context: _Context) -> Iterator[FoundBlock]:
    """Blocks in reStructuredText, read by docutils (includes followed, literal blocks skipped).

    An ``include`` of Markdown (``:parser: myst_parser.sphinx_``) is handed back to the MyST reader.
    """
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    from .rst_reader import found_blocks, markdown_includes, register_directives

    register_directives(SPHINX_CONTAINERS)
    settings = get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = True
    document = new_document(str(path), settings)
    Parser().parse(text.removeprefix("\ufeff"), document)
    for source, line, lines in found_blocks(document):
        yield FoundBlock(Path(source), line, lines)
    for target, options in markdown_includes(document):
        yield from _included_myst(Path(target), options, context)
