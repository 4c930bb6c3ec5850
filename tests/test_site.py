"""The real site, built the way `make html` builds it, read back as HTML."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from sphinx.application import Sphinx

from conftest import NOW, REPO, SEED, calm_warnings, other_warnings, soup

SEED_FIXES = {"Workshop on Workshop on": "Workshop on"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, str]:
    """Build docs/ with conf.py from the root, as `make html` does; return (html dir, build log)."""
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


def _seed_blocks() -> list[str]:
    """The seed's paragraphs, headings and list items as plain text (markup removed, the typo fixed)."""
    text = SEED.read_text(encoding="utf-8").split("---", 2)[2]
    for wrong, right in SEED_FIXES.items():
        text = text.replace(wrong, right)
    text = re.sub(r"^(#+ .*)$", r"\n\1\n", text, flags=re.MULTILINE)
    blocks = []
    for raw in re.split(r"\n\s*\n|\n(?=\d+\. |\* )", text):
        block = " ".join(raw.split())
        block = re.sub(r"<img[^>]*>(</a>)?", "", block)
        block = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", block)
        block = re.sub(r"<([^<>@\s]+@[^<>\s]+)>", r"\1", block)
        block = re.sub(r"^#+ ", "", block).replace("**", "").strip()
        if block:
            blocks.append(block)
    return blocks


def _page_text(html_dir: Path) -> str:
    texts = []
    for page in sorted(html_dir.glob("*.html")):
        article = soup(page).find("article")
        if article is not None:
            texts.append(" ".join(article.get_text().split()))
    return "\n".join(texts)


def test_seed_parsed_into_blocks():
    blocks = _seed_blocks()
    assert blocks[0] == "Welcome!"
    assert any(block.startswith("The First Workshop on Causality") for block in blocks)
    assert sum(block.startswith(("1.", "2.", "3.", "4.")) for block in blocks) == 4
    assert sum(block.startswith("* ") for block in blocks) == 4


def test_every_seed_paragraph_is_in_the_site(site):
    html_dir, _, _ = site
    text = _page_text(html_dir)
    prose = [b for b in _seed_blocks() if not b.startswith(("1.", "2.", "3.", "4.", "* "))]
    assert len(prose) >= 8
    missing = [block for block in prose if block not in text]
    assert not missing


def test_the_four_directions_are_cards(site):
    html_dir, _, _ = site
    cards = soup(html_dir / "directions.html").select(".sd-card")
    assert len(cards) == 4
    items = [b for b in _seed_blocks() if re.match(r"\d\. ", b)]
    for card, item in zip(cards, items, strict=True):
        title, body = item.split(": ", 1)
        assert " ".join(card.select_one(".sd-card-title").get_text().split()) == title
        # sphinx-design puts the title inside the card body.
        assert " ".join(card.select_one(".sd-card-body").get_text().split()) == f"{title} {body}"


def test_the_seed_date_lines_are_rows_of_the_dates_table(site):
    html_dir, _, _ = site
    rows = soup(html_dir / "dates.html").select("table.calm-dates tr.calm-date")
    lines = [b[2:] for b in _seed_blocks() if b.startswith("* ")]
    assert len(rows) == len(lines) == 4
    for row, line in zip(rows, lines, strict=True):
        label, when = line.split(": ", 1)
        assert row.th.get_text() == label
        assert row.td.time.get_text() == when


def test_the_seed_dates_are_flagged_on_the_page(site):
    html_dir, _, _ = site
    rows = soup(html_dir / "dates.html").select("tr.calm-date")
    assert all("calm-date-past" in row["class"] for row in rows)
    assert all("calm-date-inconsistent" in row["class"] for row in rows)
    reasons = [[s.get_text() for s in row.select(".calm-date-subtype")] for row in rows]
    assert reasons == [["far-before"], ["far-before"], ["far-before"], ["workshop-mismatch", "out-of-order"]]


def test_contact_is_a_mailto_link(site):
    html_dir, _, _ = site
    link = soup(html_dir / "contact.html").select_one('article a[href^="mailto:"]')
    # MyST percent-encodes the "@", which mail clients decode (RFC 6068).
    assert unquote(link["href"]) == "mailto:calmworkshop2024@gmail.com"
    assert link.get_text() == "calmworkshop2024@gmail.com"


def test_logo_and_favicon_are_referenced_and_exist(site):
    html_dir, _, _ = site
    page = soup(html_dir / "index.html")
    logos = [img["src"] for img in page.select("img.sidebar-logo")]
    assert sorted(Path(src).name for src in logos) == ["calm-logo-dark.svg", "calm-logo-light.svg"]
    icon = page.select_one("link[rel~=icon]")["href"]
    for src in [*logos, icon]:
        asset = html_dir / src
        assert asset.is_file() and asset.read_text().lstrip().startswith("<svg")


def test_opengraph_tags(site):
    html_dir, _, _ = site
    page = soup(html_dir / "index.html")
    tags = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert tags["og:title"] == "Welcome!"
    assert tags["og:site_name"] == "C♥LM 2024"
    assert tags["og:image"].endswith("_static/calm-social.png")
    assert (html_dir / "_static" / "calm-social.png").is_file()
    assert "Causality and Large Models" in tags["og:description"]


def test_the_seed_date_findings_are_the_only_problems_and_are_accepted(site):
    _, warnings, status = site
    # conf.py lists the seed's five known findings in calm_dates_accepted: reported, not warned.
    assert "WARNING" not in warnings
    accepted = re.findall(r"/docs/(dates\.md):(\d+): accepted calm_dates\.([\w-]+): ", status)
    assert sorted((name, int(line), subtype) for name, line, subtype in accepted) == [
        ("dates.md", 8, "far-before"),
        ("dates.md", 9, "far-before"),
        ("dates.md", 10, "far-before"),
        ("dates.md", 11, "out-of-order"),
        ("dates.md", 11, "workshop-mismatch"),
    ]


def test_without_the_accepted_list_the_findings_are_warnings(tmp_path):
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
    assert sorted((name, line, subtype) for name, line, subtype, _ in calm_warnings(log)) == [
        ("dates.md", 8, "far-before"),
        ("dates.md", 9, "far-before"),
        ("dates.md", 10, "far-before"),
        ("dates.md", 11, "out-of-order"),
        ("dates.md", 11, "workshop-mismatch"),
    ]
    assert log.count("WARNING") == 5


def test_css_is_linked_and_shipped(site):
    html_dir, _, _ = site
    page = soup(html_dir / "dates.html")
    assert page.select_one('link[href*="calm_dates.css"]') is not None
    assert (html_dir / "_static" / "calm_dates.css").is_file()
