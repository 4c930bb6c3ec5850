"""What visitors see, in a real Chromium with a fake clock: no layout shift, a script that sleeps,
an accessible countdown, local days, a live timeline and next date."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_browser import browser, serve  # noqa: F401 (the shared Chromium fixture)

from conftest import REPO

PAPER = datetime(2024, 6, 7, 11, 59, tzinfo=UTC)  # June 6, 2024, 23:59 AoE in test-live
# Counts layout shifts (as Lighthouse's CLS does) and the timers calm_dates.js sets, from the first byte on.
INSTRUMENT = """
window.__cls = 0;
window.__content_cls = 0;
// The page's content: the article, less the theme's own icon bar (furo moves it a little at load,
// with or without this extension, by as much as the page's load timing decides).
const inContent = n => n && n.closest && n.closest("article") && !n.closest(".content-icon-container");
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__cls += e.value;
    if (e.sources.some(s => inContent(s.node))) window.__content_cls += e.value;
  }
}).observe({type: "layout-shift", buffered: true});
window.__timers = [];
const realSetTimeout = window.setTimeout;
window.setTimeout = function (callback, delay) {
  if ((new Error().stack || "").includes("calm_dates.js")) window.__timers.push(delay);
  return realSetTimeout.apply(this, arguments);
};
"""


def _sphinx(srcdir: Path, outdir: Path, *extra: str, cwd: Path | None = None) -> None:
    command = [sys.executable, "-m", "sphinx", "-b", "html", str(srcdir), str(outdir), "-q", "-E", *extra]
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def sites(rootdir, tmp_path_factory):
    """The real site built as of June 1, 2022 (its seed deadlines still ahead), test-live, next-date, 1,000 rows."""
    out = tmp_path_factory.mktemp("visitors")
    _sphinx(REPO / "docs", out / "site", "-c", str(REPO), "-D", "calm_dates_now=2022-06-01T00:00:00Z", cwd=REPO)
    for root in ("live", "nextdate"):
        _sphinx(rootdir / f"test-{root}", out / root)
    big = tmp_path_factory.mktemp("big")
    (big / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxext.calm_dates"]\nhtml_theme = "furo"\n'
        'calm_dates_now = "2024-01-01T00:00:00Z"\nlanguage = "en"\n'
    )
    rows = [f"* **Entry {i}:** 2024-{1 + i // 84:02d}-{1 + i // 3 % 28:02d} {i % 24:02d}:00 UTC" for i in range(1000)]
    (big / "index.md").write_text("# Many dates\n\n```{important-dates}\n" + "\n".join(rows) + "\n```\n")
    _sphinx(big, out / "big")
    server, origin = serve(out)
    yield origin
    server.shutdown()


@pytest.fixture
def visit(browser, sites):  # noqa: F811
    contexts = []

    def open_page(path: str, now: datetime, width: int = 1280, zone: str = "UTC"):
        context = browser.new_context(viewport={"width": width, "height": 900}, timezone_id=zone, locale="en-US")
        contexts.append(context)
        page = context.new_page()
        page.clock.install(time=now)
        # After the fake clock, so the count sees the page's own timers.
        page.add_init_script(INSTRUMENT)
        page.goto(f"{sites}/{path}")
        page.wait_for_load_state("load")
        return page

    yield open_page
    for context in contexts:
        context.close()


CLS_CASES = [
    ("site/dates.html", datetime(2022, 6, 1, 1, tzinfo=UTC)),  # a countdown running
    ("site/dates.html", datetime(2026, 11, 25, tzinfo=UTC)),  # every date past
    ("site/index.html", datetime(2022, 6, 1, 1, tzinfo=UTC)),  # the home page's next date
    ("site/index.html", datetime(2026, 11, 25, tzinfo=UTC)),  # ... once every date has passed
    ("big/index.html", datetime(2024, 6, 15, tzinfo=UTC)),  # 1,000 rows
]


def _layout_shift(visit, path, now, width) -> float:
    page = visit(path, now, width)
    page.clock.run_for(3 * 60_000)  # the countdown ticks; the script updates what it shows
    page.wait_for_timeout(100)
    return page.evaluate("window.__content_cls")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize(("path", "now"), CLS_CASES)
def test_the_page_never_jumps(visit, path, now, width):
    # Nothing in the page's content moves, while the script fills in the live status and ticks.
    assert _layout_shift(visit, path, now, width) == 0


def test_the_script_sleeps_until_the_countdown_text_changes(visit):
    # 3 days, 4 hours and 30 minutes before the deadline: the text changes in 30 minutes.
    page = visit("live/index.html", PAPER - timedelta(days=3, hours=4, minutes=30))
    delays = page.evaluate("window.__timers")
    assert len(delays) == 1 and 29 * 60_000 < delays[0] <= 30 * 60_000 + 1
    page.clock.run_for(60 * 60_000)
    # Woken once at the hour boundary, once more an hour later: never every minute.
    assert len(page.evaluate("window.__timers")) <= 3


def test_the_script_schedules_nothing_once_every_date_is_past(visit):
    page = visit("live/index.html", datetime(2025, 1, 1, tzinfo=UTC))
    assert page.evaluate("window.__timers") == []
    page.evaluate(
        "window.__mutations = 0; new MutationObserver(m => window.__mutations += m.length)"
        ".observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true})"
    )
    page.clock.run_for(30 * 60_000)
    assert page.evaluate("window.__mutations") == 0 and page.evaluate("window.__timers") == []


def test_the_countdown_is_a_timer_and_a_closed_deadline_is_announced(visit):
    page = visit("live/index.html", PAPER - timedelta(seconds=30))
    countdown = page.locator(".calm-dates-countdown")
    assert countdown.get_attribute("role") == "timer" and countdown.get_attribute("aria-live") is None
    region = page.locator(".calm-dates-announce")
    assert region.get_attribute("aria-live") == "polite" and region.text_content() == ""
    page.clock.run_for(61_000)
    assert region.text_content() == "Paper submission deadline has closed."
    assert countdown.text_content().startswith("Notification starts in ")


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        (
            "Asia/Tokyo",
            ["= Mon, Jun 3, 20:59 GMT+9 (+1 day)", "= Fri, Jun 7, 20:59 GMT+9 (+1 day)", "= Fri, Nov 1, 21:00 GMT+9"],
        ),
        (
            "America/Los_Angeles",
            ["= Mon, Jun 3, 04:59 PDT (+1 day)", "= Fri, Jun 7, 04:59 PDT (+1 day)", "= Fri, Nov 1, 05:00 PDT"],
        ),
        (
            "Pacific/Kiritimati",
            [
                "= Tue, Jun 4, 01:59 GMT+14 (+2 days)",
                "= Sat, Jun 8, 01:59 GMT+14 (+2 days)",
                "= Sat, Nov 2, 02:00 GMT+14 (+1 day)",
            ],
        ),
    ],
)
def test_the_visitors_local_time_says_when_it_is_another_day(visit, zone, expected):
    page = visit("live/index.html", datetime(2024, 6, 1, tzinfo=UTC), zone=zone)
    shown = page.eval_on_selector_all("tr[data-calm-kind=instant] .calm-date-local", "s => s.map(x => x.textContent)")
    assert shown == expected


def test_the_timeline_moves_today_and_marks_what_passed(visit):
    page = visit("live/index.html", datetime(2024, 6, 5, tzinfo=UTC))
    marker = page.locator(".calm-timeline-now")
    before = float(marker.get_attribute("x").rstrip("%"))
    assert marker.locator("text").text_content() == "Today, Jun 5, 2024"
    past = page.eval_on_selector_all(
        ".calm-timeline-entry", "m => m.map(x => x.classList.contains('calm-timeline-past'))"
    )
    assert past[:2] == [True, False]
    page.clock.run_for(3 * 24 * 3_600_000)  # three days on: the paper deadline passed
    assert float(marker.get_attribute("x").rstrip("%")) > before
    past = page.eval_on_selector_all(
        ".calm-timeline-entry", "m => m.map(x => x.classList.contains('calm-timeline-past'))"
    )
    assert past[:2] == [True, True]


def test_the_timeline_works_without_javascript_and_fits_a_phone(browser, sites):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{sites}/site/dates.html")
    svg = page.locator("svg.calm-dates-timeline")
    assert svg.is_visible() and svg.bounding_box()["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_the_next_date_stays_live(visit):
    page = visit("nextdate/index.html", datetime(2024, 6, 4, 11, tzinfo=UTC))
    label = page.locator(".calm-next-date-label")
    assert label.text_content() == "Abstract deadline"
    page.clock.run_for(2 * 3_600_000)  # the abstract deadline (June 3, 23:59 AoE) passes
    assert label.text_content() == "Paper deadline"
    assert page.locator("a.calm-next-date-link").get_attribute("href") == "dates.html#main-dates"
    later = visit("nextdate/index.html", datetime(2025, 1, 1, tzinfo=UTC))
    assert later.locator(".calm-next-date-label").text_content() == "All dates have passed."
