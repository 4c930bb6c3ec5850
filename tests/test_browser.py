"""Live status in a real browser (Chromium driven by Playwright), with a controlled clock and zone."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import CHROMIUM_ARGS, chromium_or_skip

T0 = datetime(2024, 6, 1, tzinfo=UTC)
PAPER_DEADLINE = datetime(2024, 6, 7, 11, 59, tzinfo=UTC)  # June 6, 2024, 23:59 AoE
ZONES = ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati"]


@pytest.fixture(scope="module")
def live_site(rootdir, tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("live") / "src"
    shutil.copytree(rootdir / "test-live", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a built site on loopback, so its pages have a real origin to stay within; (server, origin)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def origin(live_site):
    server, address = serve(live_site)
    yield address
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    chromium = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A page opened at a given moment in a given zone, recording console errors and requests."""

    def __init__(self, browser, origin, now, zone="UTC", javascript=True, path="index.html"):
        self.context = browser.new_context(timezone_id=zone, locale="en-US", java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        if javascript:
            self.page.clock.install(time=now)
        self.page.goto(f"{origin}/{path}")

    def rows(self):
        return self.page.eval_on_selector_all(
            "tr.calm-date",
            "rows => rows.map(r => [r.querySelector('th').textContent, r.querySelector('.calm-flag').textContent,"
            " r.className])",
        )

    def flags(self):
        return {label: flag for label, flag, _ in self.rows()}

    def text(self, selector):
        return self.page.inner_text(selector)

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser, origin):
    pages = []

    def opener(now, zone="UTC", javascript=True, path="index.html"):
        page = Page(browser, origin, now, zone, javascript, path)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()


def test_viewed_three_days_after_the_build_the_passed_deadline_is_past_and_next_moves(open_page):
    page = open_page(T0 + timedelta(days=3))
    flags = page.flags()
    assert flags["Abstract deadline"] == "Past"
    assert flags["Paper submission deadline"] == "Next"
    assert flags["Notification"] == "Upcoming"
    classes = {label: cls.split() for label, _, cls in page.rows()}
    assert "calm-date-past" in classes["Abstract deadline"]
    assert "calm-date-next" in classes["Paper submission deadline"]
    assert "calm-date-next" not in classes["Abstract deadline"]
    assert page.text(".calm-dates-as-of") == "(live status)"
    assert page.errors == []


@pytest.mark.parametrize("zone", ZONES)
def test_aoe_deadline_boundary_is_the_same_in_every_zone(open_page, zone):
    before = open_page(PAPER_DEADLINE - timedelta(minutes=1), zone)
    assert before.flags()["Paper submission deadline"] == "Next"
    after = open_page(PAPER_DEADLINE + timedelta(minutes=1), zone)
    assert after.flags()["Paper submission deadline"] == "Past"
    assert after.flags()["Notification"] == "Next"


def test_status_is_re_evaluated_every_minute_without_reloading(open_page):
    page = open_page(PAPER_DEADLINE - timedelta(seconds=30))
    assert page.flags()["Paper submission deadline"] == "Next"
    page.page.clock.run_for(61_000)
    assert page.flags()["Paper submission deadline"] == "Past"
    assert page.text(".calm-dates-countdown").startswith("Notification starts in ")


@pytest.mark.parametrize("zone", ZONES)
def test_local_time_is_the_same_instant_in_the_visitors_zone(open_page, zone):
    page = open_page(T0, zone)
    local = page.page.eval_on_selector_all(
        "tr[data-calm-kind=instant]", "rows => rows.map(r => r.querySelector('.calm-date-local').textContent)"
    )
    instants = [datetime(2024, 6, 3, 11, 59, tzinfo=UTC), PAPER_DEADLINE, datetime(2024, 11, 1, 12, 0, tzinfo=UTC)]
    assert len(local) == len(instants)
    for text, instant in zip(local, instants, strict=True):
        there = instant.astimezone(ZoneInfo(zone))
        assert text.startswith(f"= {there:%a}, {there:%b} {there.day}, {there:%H:%M}"), (zone, text)
    # Date-only entries get no converted time.
    assert page.page.locator("tr[data-calm-kind=days] .calm-date-local").count() == 0


def test_countdown_names_the_next_entry_and_the_time_left(open_page):
    # Half a minute of slack: the installed clock keeps running while the page loads.
    page = open_page(PAPER_DEADLINE - timedelta(days=3, hours=4, seconds=30))
    assert page.text(".calm-dates-countdown") == "Paper submission deadline closes in 3 days, 4 hours"
    page = open_page(PAPER_DEADLINE - timedelta(hours=2, minutes=5, seconds=30))
    assert page.text(".calm-dates-countdown") == "Paper submission deadline closes in 2 hours, 5 minutes"
    page = open_page(datetime(2024, 12, 14, 18, tzinfo=UTC))
    assert page.text(".calm-dates-countdown").startswith("Workshop ends in 1 day")


def test_countdown_says_when_all_dates_have_passed(open_page):
    page = open_page(datetime(2025, 1, 1, tzinfo=UTC))
    assert page.text(".calm-dates-countdown") == "All dates have passed."
    assert set(page.flags().values()) <= {"Past", "TBA"}


def test_without_javascript_the_build_time_status_shows(open_page):
    page = open_page(T0 + timedelta(days=30), javascript=False)
    assert page.text(".calm-dates-as-of") == "(status as of June 1, 2024, 00:00 UTC)"
    flags = page.flags()
    assert flags["Abstract deadline"] == "Next"
    assert flags["Paper submission deadline"] == "Upcoming"
    # The build wrote the countdown as of its own moment (the caption says when).
    assert page.text(".calm-dates-countdown") == "Abstract deadline closes in 2 days, 11 hours"


def test_no_console_errors_and_no_request_leaves_the_origin(open_page, origin):
    page = open_page(T0)
    page.page.wait_for_load_state("networkidle")
    assert page.errors == []
    assert page.requests and all(url.startswith(origin + "/") for url in page.requests)
    assert any("/_static/calm_dates.js" in url for url in page.requests)


@pytest.fixture(scope="module")
def hostile_page(live_site, rootdir, tmp_path_factory) -> str:
    """Two tables on a furo page; rows of the first broken the ways a stale or hand-edited page can be."""
    from bs4 import BeautifulSoup

    srcdir = tmp_path_factory.mktemp("hostile") / "src"
    shutil.copytree(rootdir / "test-live", srcdir)
    (srcdir / "conf.py").write_text((srcdir / "conf.py").read_text() + 'html_theme = "furo"\n')
    page = srcdir / "index.md"
    second = "\n## Second table\n\n```{important-dates}\n* **Late:** June 20, 2024, 23:59 UTC\n```\n"
    page.write_text(page.read_text() + second)
    app = SphinxTestApp("html", srcdir=srcdir, builddir=live_site / "hostile-build", freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    built = Path(app.outdir) / "index.html"
    html = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
    first = html.select("table.calm-dates")[0].select("tr.calm-date")
    first[0]["data-calm-start"] = "999-12-31T10:00Z"  # a three-digit year, as older builds wrote
    first[0]["data-calm-end"] = "not a date"
    first[2].select_one(".calm-flag").decompose()
    built.write_text(str(html), encoding="utf-8")
    return built.relative_to(live_site).as_posix()


def test_one_broken_row_never_stops_the_other_rows_or_tables(open_page, hostile_page):
    page = open_page(datetime(2024, 6, 10, tzinfo=UTC), path=hostile_page)
    assert page.errors == []
    tables = page.page.eval_on_selector_all(
        "table.calm-dates",
        "tables => tables.map(t => [...t.querySelectorAll('tr.calm-date')].map(r =>"
        " [r.querySelector('th').textContent, (r.querySelector('.calm-flag') || {}).textContent || null]))",
    )
    first, second = (dict(rows) for rows in tables)
    # The broken rows keep what the build wrote; the others are live.
    assert first["Abstract deadline"] == "Next"  # build-time status: its dates cannot be read
    assert first["Notification"] is None  # no flag element to update
    assert first["Paper submission deadline"] == "Past"
    assert second == {"Late": "Next"}
    countdowns = page.page.eval_on_selector_all(".calm-dates-countdown", "ps => ps.map(p => p.textContent)")
    # In furo the table sits in the theme's own wrapper; each countdown still belongs to its table.
    assert countdowns[0].startswith("Notification starts in ")
    assert countdowns[1] == "Late closes in 10 days, 23 hours"
