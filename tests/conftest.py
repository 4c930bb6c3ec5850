"""Shared fixtures: sphinx.testing roots, and readers for what real builds produce."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
# The team's shared folder (seed text, Read the Docs schema) lies beside the checkout.
SHARED = Path(os.environ.get("CALM_SHARED_DIR", REPO.parent / "shared"))
SEED = SHARED / "seed" / "000_77371e01a34afc87.txt"
# A fixed "now" for builds whose Past/Next status a test asserts.
NOW = "2026-11-25T00:00:00Z"

# Debian's Chromium, with flags for a sandbox whose network is closed (no background calls home).
CHROMIUM = os.environ.get("CALM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WARNING = re.compile(r"^(?P<path>.+?):(?P<line>\d+): WARNING: (?P<message>.*) \[calm_dates\.(?P<subtype>[\w-]+)\]$")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def calm_warnings(text: str) -> list[tuple[str, int, str, str]]:
    """(file name, line, subtype, message) for each calm_dates warning in a build log."""
    found = []
    for line in _ANSI.sub("", text).splitlines():
        match = _WARNING.match(line.strip())
        if match:
            found.append((Path(match["path"]).name, int(match["line"]), match["subtype"], match["message"]))
    return found


def other_warnings(text: str) -> list[str]:
    """Warning lines that are not calm_dates findings."""
    lines = _ANSI.sub("", text).splitlines()
    return [line for line in lines if "WARNING" in line and "[calm_dates." not in line]
