"""Sphinx's exclude_patterns, matched as Sphinx matches them (sphinx.util.matching), without importing Sphinx."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    """``**`` crosses folders, ``*`` and ``?`` do not, ``[...]`` is a class (never matching ``/``)."""
    index, end, regex = 0, len(pattern), ""
    while index < end:
        char = pattern[index]
        index += 1
        if char == "*":
            if index < end and pattern[index] == "*":
                index += 1
                regex += ".*"
            else:
                regex += "[^/]*"
        elif char == "?":
            regex += "[^/]"
        elif char == "[":
            close = index
            if close < end and pattern[close] == "!":
                close += 1
            if close < end and pattern[close] == "]":
                close += 1
            while close < end and pattern[close] != "]":
                close += 1
            if close >= end:
                regex += "\\["
            else:
                stuff = pattern[index:close].replace("\\", "\\\\")
                index = close + 1
                if stuff[0] == "!":
                    stuff = "^/" + stuff[1:]
                elif stuff[0] == "^":
                    stuff = "\\" + stuff
                regex += f"[{stuff}]"
        else:
            regex += re.escape(char)
    return re.compile(regex + "$")


def excluded(relative: str, patterns: Sequence[str]) -> bool:
    """Whether a file (posix path from the source folder) or a folder above it matches a pattern."""
    parts = relative.split("/")
    candidates = ["/".join(parts[: count + 1]) for count in range(len(parts))]
    return any(_compile(pattern).match(candidate) for pattern in patterns for candidate in candidates)
