"""What visitors see, in the built HTML: words for people, the timeline, the next date, no layout to fill in."""

from __future__ import annotations

import shutil

import pytest

from conftest import calm_warnings, soup


@pytest.fixture
def build(make_app, rootdir, tmp_path):
    def build_root(root: str, builder: str = "html", **overrides):
        srcdir = tmp_path / root
        if not srcdir.exists():
            shutil.copytree(rootdir / f"test-{root}", srcdir)
        app = make_app(builder, srcdir=srcdir, freshenv=True, confoverrides=overrides)
        app.build()
        return app

    return build_root


# --- words for visitors, details for maintainers ------------------------------------------------


@pytest.mark.parametrize(
    ("version_type", "details"),
    [(None, True), ("external", True), ("branch", False), ("tag", False)],
)
def test_maintainer_details_follow_the_kind_of_build(build, monkeypatch, version_type, details):
    if version_type is None:
        monkeypatch.delenv("READTHEDOCS_VERSION_TYPE", raising=False)
    else:
        monkeypatch.setenv("READTHEDOCS_VERSION_TYPE", version_type)
    app = build("seed")
    page = soup(app.outdir / "index.html")
    reasons = [p.get_text() for p in page.select(".calm-date-reason")]
    assert reasons[0] == (
        "Dated 2022, more than two years before the December 2024 workshop: probably left over from an earlier edition."
    )
    assert bool(page.select(".calm-date-details")) is details
    article = page.select_one("table.calm-dates").get_text()
    assert ("calm_dates_" in article) is details
    # The build log has the maintainer's words either way.
    assert "calm_dates_max_lead_days" in app.warning.getvalue()


def test_show_details_can_be_set_either_way(build, monkeypatch):
    monkeypatch.setenv("READTHEDOCS_VERSION_TYPE", "branch")
    app = build("seed", calm_dates_show_details=True)
    assert soup(app.outdir / "index.html").select(".calm-date-details")


def test_every_flagged_row_has_a_reason_for_each_finding_and_no_setting_names(build, monkeypatch):
    monkeypatch.setenv("READTHEDOCS_VERSION_TYPE", "tag")
    app = build("bad")
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "calm_dates_" not in page
    for row in soup(app.outdir / "index.html").select("tr.calm-date"):
        reasons = row.select(".calm-date-reason")
        flagged = {"calm-date-invalid", "calm-date-inconsistent"} & set(row["class"])
        assert bool(reasons) == bool(flagged), row.th.get_text()


# --- the timeline -------------------------------------------------------------------------------


def test_each_table_has_a_timeline_with_one_mark_per_dated_row(build):
    app = build("live", calm_dates_now="2024-06-05T00:00:00Z")
    wrapper = soup(app.outdir / "index.html").select_one(".calm-dates-wrapper")
    svg = wrapper.select_one("svg.calm-dates-timeline[role=img]")
    assert svg is not None and svg.title.get_text() and svg.desc.get_text()
    # Above the table, inside its wrapper.
    assert wrapper.find_all(recursive=False)[0] is svg
    rows = [row for row in wrapper.select("tr.calm-date") if row.get("data-calm-start")]
    marks = svg.select(".calm-timeline-entry")
    assert [(m["data-calm-start"], m["data-calm-end"]) for m in marks] == [
        (r["data-calm-start"], r["data-calm-end"]) for r in rows
    ]
    kinds = {r.th.get_text(): r["data-calm-kind"] for r in rows}
    for mark, row in zip(marks, rows, strict=True):
        span = kinds[row.th.get_text()] == "month" or row.th.get_text() == "Workshop"
        assert ("calm-timeline-span" in mark["class"]) is span, row.th.get_text()
        assert ("calm-timeline-past" in mark["class"]) is ("calm-date-past" in row["class"])
    assert "calm-timeline-workshop" in marks[-1]["class"]
    now = svg.select_one(".calm-timeline-now")
    assert now.text.strip() == "Today, Jun 5, 2024" and now["data-calm-edge"] == ""
    assert any("calm-timeline-past" in m["class"] for m in marks)


def test_today_outside_the_dates_sits_at_the_nearer_edge_and_says_so(build):
    app = build("seed")  # all 2022 dates, "now" 2026
    now = soup(app.outdir / "index.html").select_one(".calm-timeline-now")
    assert now["x"] == "96.00%" and now["data-calm-edge"] == "after"
    assert now.text.strip() == "Today, Nov 25, 2026: after these dates \u2192"
    early = build("seed", calm_dates_now="2020-01-01T00:00:00Z")
    now = soup(early.outdir / "index.html").select_one(".calm-timeline-now")
    assert now["x"] == "4.00%" and now.text.strip().startswith("\u2190 Today, Jan 1, 2020: before")


def test_flags_on_the_timeline_read_without_colour(build):
    app = build("seed")
    marks = soup(app.outdir / "index.html").select(".calm-timeline-entry")
    # Flagged marks carry a "!" in text; past ones are drawn hollow (a class the stylesheet gives no fill).
    assert all(m.select_one(".calm-timeline-flag").get_text() == "!" for m in marks)
    assert all("calm-timeline-past" in m["class"] for m in marks)


def test_the_timeline_option_and_setting_turn_it_off_and_other_builders_leave_it_out(build):
    app = build("nextdate")
    assert soup(app.outdir / "dates.html").select("svg.calm-dates-timeline")
    assert not soup(app.outdir / "more.html").select("svg.calm-dates-timeline")  # :timeline: off
    off = build("seed", calm_dates_timeline=False)
    assert not soup(off.outdir / "index.html").select("svg.calm-dates-timeline")
    text = build("seed", "text")
    assert (
        "<svg" not in (text.outdir / "index.txt").read_text()
        and "Timeline" not in (text.outdir / "index.txt").read_text()
    )


def test_a_bad_timeline_option_is_warned_at_its_line(tmp_path, make_app):
    srcdir = tmp_path / "bad-timeline"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinxext.calm_dates"]\n')
    (srcdir / "index.md").write_text("# T\n\n```{important-dates}\n:timeline: sideways\n\n* A: June 1, 2024\n```\n")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert [(line, subtype) for _, line, subtype, _ in calm_warnings(app.warning.getvalue())] == [(4, "option")]
    assert soup(app.outdir / "index.html").select("svg.calm-dates-timeline")


# --- the next date ------------------------------------------------------------------------------


def test_the_next_date_across_the_site_links_to_its_table(build):
    app = build("nextdate")
    box = soup(app.outdir / "index.html").select_one(".calm-next-date")
    assert box.select_one(".calm-next-date-label").get_text() == "Abstract deadline"
    assert box.select_one("time.calm-next-date-when").get_text() == "June 3, 2024, 23:59 AoE"
    assert box.select_one(".calm-next-date-countdown[role=timer]").get_text() == "closes in 3 days, 11 hours"
    assert box.select_one("a.calm-next-date-link")["href"] == "more.html#calm-dates-more-3"
    # The link's target exists on that page.
    assert soup(app.outdir / "more.html").select_one("#calm-dates-more-3.calm-dates-wrapper") is not None
    # The home page has the script and stylesheet although it has no table.
    page = soup(app.outdir / "index.html")
    assert page.select_one('script[src*="calm_dates.js"]') and page.select_one('link[href*="calm_dates.css"]')


def test_the_next_date_moves_on_and_says_when_all_have_passed(build):
    later = build("nextdate", calm_dates_now="2024-06-05T00:00:00Z")
    box = soup(later.outdir / "index.html").select_one(".calm-next-date")
    assert box.select_one(".calm-next-date-label").get_text() == "Paper deadline"
    assert box.select_one("a.calm-next-date-link")["href"] == "dates.html#main-dates"
    done = build("nextdate", calm_dates_now="2025-01-01T00:00:00Z")
    box = soup(done.outdir / "index.html").select_one(".calm-next-date")
    assert box.select_one(".calm-next-date-label").get_text() == "All dates have passed."
    assert "calm-next-date-none" in box["class"] and box.select_one("a.calm-next-date-link")["href"]


def test_a_next_date_page_is_rewritten_when_a_date_passes_elsewhere(build, make_app):
    first = build("nextdate")
    home = first.outdir / "index.html"
    before = home.stat().st_mtime_ns
    unchanged = make_app("html", srcdir=first.srcdir)
    unchanged.build()
    assert home.stat().st_mtime_ns == before
    later = make_app("html", srcdir=first.srcdir, confoverrides={"calm_dates_now": "2024-06-05T00:00:00Z"})
    later.build()
    assert home.stat().st_mtime_ns != before
    assert soup(home).select_one(".calm-next-date-label").get_text() == "Paper deadline"


# --- nothing for the script to fill in ----------------------------------------------------------


def test_countdown_and_local_times_are_written_at_build_time(build):
    app = build("live")
    page = soup(app.outdir / "index.html")
    assert page.select_one(".calm-dates-countdown").get_text() == "Abstract deadline closes in 2 days, 11 hours"
    local = [span.get_text() for span in page.select("tr[data-calm-kind=instant] .calm-date-local")]
    # An AoE deadline on June 2 is June 3 in UTC: marked as another day.
    assert local[0] == "= Mon, Jun 3, 11:59 UTC (+1 day)"
    assert local[2] == "= Fri, Nov 1, 12:00 UTC"


# --- subscribe, not just download ---------------------------------------------------------------


def test_a_known_site_url_offers_a_webcal_subscription(build):
    app = build("live", html_baseurl="https://calm.example.org/en/latest/")
    line = soup(app.outdir / "index.html").select_one(".calm-dates-ics")
    assert line.select_one("a[download]")["href"] == "index.ics"
    assert line.select_one("a.calm-dates-subscribe")["href"] == "webcal://calm.example.org/en/latest/index.ics"
    unknown = build("forms")
    assert soup(unknown.outdir / "index.html").select_one("a.calm-dates-subscribe") is None


def test_each_extension_of_a_deadline_raises_the_events_sequence(build):
    from icalendar import Calendar

    app = build("forms")
    events = {
        str(e["summary"]).split(": ", 1)[1]: e
        for e in Calendar.from_ical((app.outdir / "index.ics").read_bytes()).walk("VEVENT")
    }
    assert int(events["Abstract deadline"]["sequence"]) == 1  # ~~May 30, 2024~~ June 6, 2024
    assert int(events["Paper deadline"]["sequence"]) == 0
    # The UID stays, so an app replaces the event rather than adding a second one.
    assert str(events["Abstract deadline"]["uid"]).endswith("@calm-dates")


def test_singlehtml_next_date_links_each_entry_to_its_own_table(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "single"
    shutil.copytree(rootdir / "test-nextdate", srcdir)
    app = make_app("singlehtml", srcdir=srcdir, freshenv=True)
    app.build()
    page = soup(app.outdir / "index.html")
    import json

    entries = json.loads(page.select_one(".calm-next-date")["data-calm-entries"])
    for entry in entries:
        anchor = entry["href"].split("#", 1)[1]
        table = page.select_one(f"#{anchor}.calm-dates-wrapper")
        assert table is not None, anchor
        assert entry["label"] in [row.th.get_text() for row in table.select("tr.calm-date")]


def test_a_lead_shorter_than_a_month_is_said_in_days():
    from sphinxext.calm_dates.core import BlockSource, evaluate_block, load_settings

    settings, _ = load_settings({"calm_dates_workshop": "December 2024", "calm_dates_max_lead_days": 3})
    table = evaluate_block(BlockSource("d.md", 1, ((2, "* **Paper:** November 20, 2024"),)), settings)
    from sphinxext.calm_dates.core.reasons import visitor_reason

    entry, status = table.rows[0]
    assert visitor_reason(status.findings[0], entry, table.workshop) == (
        "Dated 2024, 10 days before the December 2024 workshop: probably left over from an earlier edition."
    )
