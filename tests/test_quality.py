"""Quality gates on the built site: valid HTML (Nu Html Checker), accessibility (axe-core in Chromium),
375 px mobile layout, and byte-identical rebuilds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CHROMIUM_ARGS, REPO, chromium_or_skip

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
EPOCH = "1732492800"  # 2024-11-25T00:00:00Z

# Nu Html Checker messages allowed in markup we do not produce, each with why.
ALLOWED_VNU = {
    # furo's base template prefetches the light/dark logos with <link rel="prefetch" as="image">;
    # the spec defines `as` only for preload, browsers accept it for prefetch too. Not our markup.
    "A \u201clink\u201d element with an \u201cas\u201d attribute must have a \u201crel\u201d attribute that contains"
    " the value \u201cpreload\u201d or the value \u201cmodulepreload\u201d.": "furo",
}


def needs(tool: Path | str, what: str) -> None:
    """Skip on a bare machine, but never in CI, where .ci/run installs the tool."""
    if shutil.which(str(tool)) or Path(tool).exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: {tool}")
    pytest.skip(f"{what} is missing: {tool} (make test installs node packages when npm exists)")


def build(outdir: Path) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    command = [sys.executable, "-m", "sphinx", "-M", "html", "docs", str(outdir), "-c", ".", "-E", "-q"]
    subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)
    return outdir / "html"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("quality"))


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def test_two_clean_builds_with_the_same_source_date_epoch_are_byte_identical(site, tmp_path):
    again = build(tmp_path / "again")
    produced = sorted(p.relative_to(site) for p in site.rglob("*") if p.suffix in {".html", ".ics"})
    assert Path("dates.ics") in produced and Path("index.html") in produced
    for relative in produced:
        assert (site / relative).read_bytes() == (again / relative).read_bytes(), relative
    assert 'status as of <time datetime="2024-11-25T00:00Z">' in (site / "dates.html").read_text()


def test_every_page_is_valid_html(site):
    needs("java", "Java (for the Nu Html Checker)")
    needs(VNU, "the Nu Html Checker (npm vnu-jar)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages(site))],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["message"] not in ALLOWED_VNU
    ]
    assert problems == []


@pytest.fixture(scope="module")
def browser():
    chromium = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_accessibility_violations(site, browser, scheme):
    needs(AXE, "axe-core (npm)")
    context = browser.new_context(color_scheme=scheme)
    report = {}
    for page_path in pages(site):
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        if serious:
            report[page_path.name] = serious
        page.close()
    context.close()
    assert report == {}


def test_dark_mode_is_applied(site, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto((site / "dates.html").as_uri())
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    red, green, blue = (int(x) for x in background[background.index("(") + 1 : -1].split(",")[:3])
    assert red + green + blue < 150, background


def test_pages_fit_a_375_pixel_screen(site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800}, device_scale_factor=1)
    too_wide = {}
    for page_path in pages(site):
        page = context.new_page()
        page.goto(page_path.as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[page_path.name] = width
        page.close()
    context.close()
    assert too_wide == {}


def test_the_checkers_do_report_planted_problems(browser, tmp_path):
    """The gates above can fail: each checker finds a problem planted in a page."""
    needs("java", "Java (for the Nu Html Checker)")
    needs(VNU, "the Nu Html Checker (npm vnu-jar)")
    needs(AXE, "axe-core (npm)")
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><img src="x.png"><p><div></p>')
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", str(bad)], capture_output=True, text=True)
    assert result.returncode != 0 and "error" in result.stderr
    page = browser.new_page()
    page.goto(bad.as_uri())
    page.add_script_tag(path=str(AXE))
    ids = page.evaluate("async () => (await axe.run()).violations.map(v => v.id)")
    page.close()
    assert "image-alt" in ids
