"""An organiser's edit, applied to a copy of the site: the workshop date is confirmed, the dates are
fixed, the accepted findings dropped and a page with its own dates table added. The site must build
clean and `make check` must pass, and every mention of the workshop date must follow conf.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from conftest import NOW, copy_of_the_site, make_check, needs_make_venv, site_conf, soup

CONFIRMED = "December 14, 2024"
FIXED_DATES = """\
* **Paper submission deadline:** August 30, 2024, 23:59 AoE
* **Notification to authors:** October 9, 2024, 23:59 AoE
* **Camera-ready version:** November 20, 2024, 23:59 AoE
* **Workshop Date:** December 14, 2024
"""
PROGRAM = """\
# Programme

```{important-dates}
* **Poster upload:** December 1, 2024, 23:59 AoE
* **Doors open:** December 14, 2024, 08:30 America/Vancouver
```
"""
BLOCK = re.compile(r"(^```\{important-dates\}[^\n]*\n)(?:^(?!```).*\n)*?(^```)", re.MULTILINE)


def organisers_edit(copy: Path) -> str:
    conf = copy / "conf.py"
    text = conf.read_text(encoding="utf-8")
    text, confirmed = re.subn(r"^calm_dates_workshop = .*$", f'calm_dates_workshop = "{CONFIRMED}"', text, flags=re.M)
    # The fixed dates are no longer findings: CONTRIBUTING says to delete their lines.
    text, dropped = re.subn(
        r"^calm_dates_accepted = \[(?:\n(?:    .*\n)*)?\]", "calm_dates_accepted = []", text, flags=re.M
    )
    assert (confirmed, dropped) == (1, 1)
    conf.write_text(text, encoding="utf-8")
    dates = copy / "docs" / "dates.md"
    text, fixed = BLOCK.subn(lambda m: m[1] + FIXED_DATES + m[2], dates.read_text(encoding="utf-8"))
    assert fixed == 1
    dates.write_text(text, encoding="utf-8")
    # A page of its own, under a name no page has yet.
    name = next(f"programme-{n}" for n in range(100) if not (copy / "docs" / f"programme-{n}.md").exists())
    (copy / "docs" / f"{name}.md").write_text(PROGRAM, encoding="utf-8")
    index = copy / "docs" / "index.md"
    toctree = r"(```\{toctree\}\n(?::.*\n)*\n(?:(?!```).+\n)*)"
    text, added = re.subn(toctree, rf"\g<1>{name}\n", index.read_text("utf-8"))
    assert added == 1
    index.write_text(text, encoding="utf-8")
    return name


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess, str]:
    tmp = tmp_path_factory.mktemp("organiser")
    copy = copy_of_the_site(tmp)
    page = organisers_edit(copy)
    out = tmp / "out"
    command = [sys.executable, "-m", "sphinx", "-M", "html", "docs", str(out), "-c", ".", "-E", "-n", "-W"]
    result = subprocess.run(
        [*command, "--keep-going", "-D", f"calm_dates_now={NOW}"], cwd=copy, capture_output=True, text=True
    )
    return copy, out / "html", result, page


def test_the_edited_site_builds_clean(edited):
    _, html, result, page = edited
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert "accepted calm_dates" not in result.stdout
    for name in ("index", "dates", page):
        assert (html / f"{name}.html").is_file()
    assert [row.th.get_text() for row in soup(html / f"{page}.html").select("tr.calm-date")] == [
        "Poster upload",
        "Doors open",
    ]
    assert not soup(html / "dates.html").select("tr.calm-date-inconsistent")


@needs_make_venv
def test_make_check_passes_after_the_edit(tmp_path):
    copy = copy_of_the_site(tmp_path)
    organisers_edit(copy)
    result = make_check(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": accepted " not in result.stdout


def test_changing_calm_dates_workshop_updates_every_mention(edited):
    copy, html, _, _ = edited
    assert site_conf(copy)["calm_dates_workshop"] == CONFIRMED
    home = soup(html / "index.html")
    text = " ".join(home.find("article").get_text().split())
    assert f"held on {CONFIRMED}." in text
    assert CONFIRMED in [" ".join(b.get_text().split()) for b in home.select("article .sd-badge")]
    assert f"({CONFIRMED})" in soup(html / "dates.html").find("article").p.get_text()
    data = json.loads(home.find("script", type="application/ld+json").string)
    assert (data["startDate"], data["endDate"]) == ("2024-12-14", "2024-12-14")
    assert CONFIRMED in data["description"]
    assert home.find("meta", attrs={"name": "description"})["content"] == data["description"]
    # The old month-only form is gone from every page's text and metadata.
    for page in html.glob("*.html"):
        assert "December 2024" not in page.read_text(encoding="utf-8"), page.name
        assert "December, 2024" not in page.read_text(encoding="utf-8"), page.name


def test_metadata_and_calendar_agree_with_the_table(edited):
    _, html, _, _ = edited
    rows = {row.th.get_text(): row.td.time["datetime"] for row in soup(html / "dates.html").select("tr.calm-date")}
    data = json.loads(soup(html / "index.html").find("script", type="application/ld+json").string)
    assert rows["Workshop Date"] == data["startDate"]
    calendar = icalendar.Calendar.from_ical((html / "dates.ics").read_bytes())
    starts = {str(e["summary"]).split(": ", 1)[1]: e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert starts["Workshop Date"].isoformat() == rows["Workshop Date"]
    assert starts["Paper submission deadline"].strftime("%Y-%m-%dT%H:%MZ") == rows["Paper submission deadline"]
