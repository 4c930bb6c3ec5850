"""Shared fixtures: sphinx.testing roots, and readers for what real builds produce."""

from __future__ import annotations

import json
import os
import re
import runpy
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
# The venv that `make` created and the tests run in.
VENV = Path(sys.executable).parent.parent
# A fixed "now" for builds whose Past/Next status a test asserts.
NOW = "2026-11-25T00:00:00Z"

DEBIAN_CHROMIUM = "/usr/bin/chromium"


def find_chromium() -> str | None:
    """The browser the tests drive: $CALM_CHROMIUM, else Debian's, else the one `playwright install` fetched."""
    if os.environ.get("CALM_CHROMIUM"):
        return os.environ["CALM_CHROMIUM"]
    if Path(DEBIAN_CHROMIUM).exists():
        return DEBIAN_CHROMIUM
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # no playwright driver: no browser either
        return None
    return path if Path(path).exists() else None


# Found once per session; the flags suit a sandbox whose network is closed (no background calls home).
CHROMIUM = find_chromium()
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


def chromium_or_skip() -> str:
    """The browser's path; skip without one, but under CI=true fail (CI installs one)."""
    if CHROMIUM and Path(CHROMIUM).exists():
        return CHROMIUM
    where = f"{CHROMIUM} is missing" if CHROMIUM else "no Chromium found"
    hint = "set CALM_CHROMIUM, apt-get install chromium, or .venv/bin/playwright install chromium"
    if os.environ.get("CI"):
        pytest.fail(f"{where}; {hint}")
    pytest.skip(f"{where} ({hint})")


def vendored_schema(name: str) -> dict:
    """A JSON schema that check-jsonschema ships (its `vendor.<name>`), e.g. readthedocs, github-workflows."""
    vendor = resources.files("check_jsonschema.builtin_schemas") / "vendor" / f"{name}.json"
    return json.loads(vendor.read_text(encoding="utf-8"))


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


def copy_of_the_site(tmp_path: Path) -> Path:
    """The repository's files (no venv, build output or git data) in a folder of their own, to edit freely."""
    copy = tmp_path / "site"
    shutil.copytree(
        REPO,
        copy,
        ignore=shutil.ignore_patterns(".git", ".venv*", "_build", "node_modules", "*.egg-info", ".*cache"),
    )
    return copy


def site_conf(root: Path = REPO) -> dict:
    """The values a site's conf.py sets, as Sphinx would see them (the file is run, as Sphinx runs it)."""
    return runpy.run_path(str(root / "conf.py"))


def make_check(copy: Path) -> subprocess.CompletedProcess:
    """`make check` in a copy of the site, with this project's venv as it is (the copy must not reinstall)."""
    stamp = VENV / ".installed-stamp"
    return subprocess.run(
        ["make", "-C", str(copy), "-o", str(stamp), "check", f"VENV={VENV}"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1732492800"},
    )


needs_make_venv = pytest.mark.skipif(
    not (VENV / ".installed-stamp").exists(), reason="needs the venv that make creates"
)


def many_pages(tmp_path: Path, count: int, old_rows: bool = False) -> tuple[Path, list[str]]:
    """A project of *count* pages, each with a small dates table (and, with *old_rows*, a 2022 row each)."""
    srcdir = tmp_path / "many"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxext.calm_dates"]\n'
        'calm_dates_workshop = "December 2024"\ncalm_dates_now = "2024-06-01T00:00:00Z"\n'
    )
    names = [f"page{i:02d}" for i in range(count)]
    (srcdir / "index.md").write_text("# Index\n\n```{toctree}\n" + "\n".join(names) + "\n```\n")
    for i, name in enumerate(names):
        old = f"* Old {i}: June {i + 1}, 2022\n" if old_rows else ""
        (srcdir / f"{name}.md").write_text(
            f"# Page {i}\n\n```{{important-dates}}\n* Deadline {i}: June {i + 1}, 2024, 23:59 AoE\n"
            f"{old}* Workshop: December 14, 2024\n```\n"
        )
    return srcdir, names
