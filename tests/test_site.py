"""The real site, built the way `make html` builds it, read back as HTML.

These tests check what must stay true whatever the organisers write in docs/ and conf.py:
nothing here pins the pages' wording or dates. Facts about the workshop come from conf.py.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import unquote

import icalendar
import pytest
from sphinx.application import Sphinx

from conftest import NOW, REPO, calm_warnings, other_warnings, site_conf, soup

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, str, str]:
    """Build docs/ with conf.py from the root, as `make html` does; return (html dir, warnings, status)."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "html", "docs", str(out), "-c", ".", "-D", f"calm_dates_now={NOW}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out / "html", result.stderr, result.stdout


@pytest.fixture(scope="module")
def conf() -> dict:
    return site_conf(REPO)


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    """What `calm-dates check` finds in docs/ (the same checker the build runs)."""
    command = [str(Path(sys.executable).parent / "calm-dates"), "check", "--format", "json"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    return json.loads(result.stdout)


def _text(node) -> str:
    return " ".join(node.get_text().split())


def test_every_page_is_built_without_unexpected_warnings(site):
    html_dir, warnings, _ = site
    # Findings listed in calm_dates_accepted are reported in the status log, never as warnings.
    assert "WARNING" not in warnings
    pages = sorted(page.stem for page in (REPO / "docs").glob("*.md"))
    assert "index" in pages and "dates" in pages
    for page in pages:
        assert soup(html_dir / f"{page}.html").find("article") is not None, page


def test_the_dates_page_has_its_table(site):
    html_dir, _, _ = site
    table = soup(html_dir / "dates.html").select_one("article table.calm-dates")
    assert table is not None
    rows = table.select("tr.calm-date")
    assert rows
    for row in rows:
        assert row.th.get_text().strip()
        assert row.td.time is not None or "TBA" in _text(row)


def _label(finding: dict) -> str:
    """The entry a finding is about: its message quotes the label first."""
    return re.search(r"'([^']*)'", finding["message"])[1]


def test_each_finding_reaches_the_page_and_the_log(site, findings, conf):
    html_dir, _, status = site
    # (path, label, subtype) of each accepted item; its fourth part, the date, is checked by the command.
    accepted = {tuple(item[:3]) for item in conf["calm_dates_accepted"]}
    rows = {}
    for page in {Path(f["path"]).stem for f in findings}:
        for row in soup(html_dir / f"{page}.html").select("tr.calm-date"):
            rows[page, row.th.get_text()] = row
    for finding in findings:
        label = _label(finding)
        row = rows[Path(finding["path"]).stem, label]
        assert "calm-date-inconsistent" in row["class"]
        assert finding["subtype"] in [s.get_text() for s in row.select(".calm-date-subtype")]
        kind = "accepted" if (finding["path"], label, finding["subtype"]) in accepted else "WARNING"
        assert kind == ("accepted" if finding["accepted"] else "WARNING")
        if kind == "accepted":
            assert f"{finding['path']}:{finding['line']}: accepted calm_dates.{finding['subtype']}: " in status
    # A row without findings is not flagged.
    flagged = {(Path(f["path"]).stem, _label(f)) for f in findings}
    for key, row in rows.items():
        assert ("calm-date-inconsistent" in row["class"]) == (key in flagged), key


def test_without_the_accepted_list_every_finding_is_a_warning(tmp_path, findings):
    warnings = io.StringIO()
    app = Sphinx(
        REPO / "docs",
        REPO,
        tmp_path / "html",
        tmp_path / "doctrees",
        "html",
        confoverrides={"calm_dates_now": NOW, "calm_dates_accepted": []},
        status=None,
        warning=warnings,
        freshenv=True,
    )
    app.build()
    log = warnings.getvalue()
    assert other_warnings(log) == []
    expected = sorted((Path(f["path"]).name, f["line"], f["subtype"]) for f in findings)
    assert sorted((name, line, subtype) for name, line, subtype, _ in calm_warnings(log)) == expected
    assert log.count("WARNING") == len(findings)


def test_the_home_page_carries_the_workshops_name_date_and_place_from_configuration(site, conf):
    html_dir, _, _ = site
    article = soup(html_dir / "index.html").find("article")
    text = _text(article)
    event = conf["calm_dates_event"]
    workshop = conf["calm_dates_workshop"]
    assert event["name"] in text
    assert event["location"] in text
    # The announcement sentence names the date as configured (a month alone reads "December, 2024").
    held_on = conf["myst_substitutions"]["workshop_held_on"]
    assert held_on.replace(",", "") == workshop.replace(",", "")
    assert f"held on {held_on}." in text
    badges = [_text(badge) for badge in article.select(".sd-badge")]
    assert event["location"] in badges and workshop in badges
    # The dates page says which date the table is checked against.
    assert f"({workshop})" in _text(soup(html_dir / "dates.html").find("article").p)


def test_no_page_source_repeats_the_workshop_date(conf):
    """Pages take the date from conf.py ({{ workshop_date }}), so changing calm_dates_workshop updates them."""
    workshop = conf["calm_dates_workshop"]
    forms = {workshop, conf["myst_substitutions"]["workshop_held_on"]}
    for page in sorted((REPO / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        # Entries in important-dates blocks are the table's own data, not mentions of the configured date.
        prose = re.sub(r"^```\{important-dates\}.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
        assert not [form for form in forms if form in prose], page.name


def _json_ld(html_dir: Path) -> dict:
    return json.loads(soup(html_dir / "index.html").find("script", type="application/ld+json").string)


def test_event_metadata_comes_from_configuration(site, conf):
    html_dir, _, _ = site
    data = _json_ld(html_dir)
    event = conf["calm_dates_event"]
    assert data["name"] == event["name"]
    assert data["location"]["name"] == event["location"]
    assert data["description"] == event["description"]
    assert event["location"] in data["description"]
    # The start date is the configured workshop date at its own precision (e.g. 2024-12 for "December 2024").
    start = data["startDate"]
    year, month = int(start[:4]), int(start[5:7])
    assert str(year) in conf["calm_dates_workshop"] and MONTHS[month - 1] in conf["calm_dates_workshop"]
    description = soup(html_dir / "index.html").find("meta", attrs={"name": "description"})["content"]
    assert description == event["description"]


def _ics_start(event) -> str:
    start = event.decoded("dtstart")
    if isinstance(start, datetime):
        return start.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    assert isinstance(start, date)
    return start.isoformat()


def test_the_calendar_agrees_with_the_table(site):
    html_dir, _, _ = site
    rows = soup(html_dir / "dates.html").select("tr.calm-date")
    calendar = icalendar.Calendar.from_ical((html_dir / "dates.ics").read_bytes())
    events = {str(e["summary"]).split(": ", 1)[1]: e for e in calendar.walk("VEVENT")}
    dated = [row for row in rows if row.td.time is not None]
    assert sorted(events) == sorted(row.th.get_text() for row in dated)
    for row in dated:
        when = row.td.time["datetime"]
        assert _ics_start(events[row.th.get_text()]).startswith(when), row.th.get_text()


def test_contact_is_a_mailto_link(site):
    html_dir, _, _ = site
    link = soup(html_dir / "contact.html").select_one('article a[href^="mailto:"]')
    # MyST percent-encodes the "@", which mail clients decode (RFC 6068).
    assert unquote(link["href"]) == f"mailto:{link.get_text()}"
    assert "@" in link.get_text()


def test_logo_and_favicon_are_referenced_and_exist(site):
    html_dir, _, _ = site
    page = soup(html_dir / "index.html")
    logos = [img["src"] for img in page.select("img.sidebar-logo")]
    assert sorted(Path(src).name for src in logos) == ["calm-logo-dark.svg", "calm-logo-light.svg"]
    icon = page.select_one("link[rel~=icon]")["href"]
    for src in [*logos, icon]:
        asset = html_dir / src
        assert asset.is_file() and asset.read_text().lstrip().startswith("<svg")


def test_opengraph_tags(site, conf):
    html_dir, _, _ = site
    page = soup(html_dir / "index.html")
    tags = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert tags["og:title"] == _text(page.find("article").h1).rstrip("¶#").strip()
    assert tags["og:site_name"] == conf["ogp_site_name"]
    assert tags["og:image"].endswith(conf["ogp_image"])
    assert (html_dir / conf["ogp_image"]).is_file()
    assert conf["calm_dates_event"]["name"] in tags["og:description"]


def test_css_is_linked_and_shipped(site):
    html_dir, _, _ = site
    page = soup(html_dir / "dates.html")
    assert page.select_one('link[href*="calm_dates.css"]') is not None
    assert (html_dir / "_static" / "calm_dates.css").is_file()
