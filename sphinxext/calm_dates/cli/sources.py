"""Find important-dates blocks in Markdown (MyST) and reStructuredText source, without a parser.

Each block comes back with the same line numbers Sphinx reports, so the
``calm-dates`` command and a Sphinx build point at the same lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DIRECTIVE = "important-dates"

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,}|:{3,})\s*(?P<info>.*)$")
_MYST_OPTION = re.compile(r"^:(?P<name>[\w-]+):\s*(?P<value>.*)$")
_YAML_OPTION = re.compile(r"^(?P<name>[\w-]+)\s*:\s*(?P<value>.*)$")
_RST_DIRECTIVE = re.compile(r"^(?P<indent>\s*)\.\.\s+" + DIRECTIVE + r"::\s*(?P<argument>.*)$")
_RST_OPTION = re.compile(r"^\s+:(?P<name>[^:\s][^:]*):\s*(?P<value>.*)$")


@dataclass
class Block:
    """An important-dates block as written: ``first_line`` is the source line of ``lines[0]``."""

    line: int
    argument: str
    options: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    first_line: int = 0


def find_blocks(text: str, suffix: str) -> list[Block]:
    """Blocks in a .md or .rst file's text."""
    lines = text.splitlines()
    return _rst_blocks(lines) if suffix == ".rst" else _myst_blocks(lines)


def _myst_blocks(lines: list[str]) -> list[Block]:
    blocks = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence = opening["fence"]
        closing = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
        end = next((j for j in range(index + 1, len(lines)) if closing.match(lines[j])), len(lines))
        info = opening["info"]
        if info.startswith("{" + DIRECTIVE + "}"):
            blocks.append(_myst_block(lines, index, end, info[len(DIRECTIVE) + 2 :].strip()))
        # Anything inside another fence (a code sample, say) is not a directive.
        index = end + 1
    return blocks


def _myst_block(lines: list[str], start: int, end: int, argument: str) -> Block:
    block = Block(line=start + 1, argument=argument)
    body = start + 1
    if body < end and lines[body].strip() == "---":
        close = next((j for j in range(body + 1, end) if lines[j].strip() == "---"), None)
        if close is not None:
            for line in lines[body + 1 : close]:
                match = _YAML_OPTION.match(line.strip())
                if match:
                    block.options[match["name"]] = _unquote(match["value"])
            body = close + 1
    else:
        while body < end and (match := _MYST_OPTION.match(lines[body])):
            block.options[match["name"]] = match["value"].strip()
            body += 1
    block.lines = lines[body:end]
    block.first_line = body + 1
    return block


def _rst_blocks(lines: list[str]) -> list[Block]:
    blocks = []
    for index, line in enumerate(lines):
        match = _RST_DIRECTIVE.match(line)
        if not match:
            continue
        indent = len(match["indent"])
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > indent):
            end += 1
        block = Block(line=index + 1, argument=match["argument"].strip())
        body = index + 1
        while body < end and (option := _RST_OPTION.match(lines[body])):
            block.options[option["name"]] = option["value"].strip()
            body += 1
        block.lines = lines[body:end]
        block.first_line = body + 1
        blocks.append(block)
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
