"""The .ics file and the schema.org Event that a real build writes, read back with icalendar and json."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from conftest import soup
from sphinxext.calm_dates.core.calendar import CalendarJob, build_calendar, event_uid
from sphinxext.calm_dates.core.event import event_data, script_block
from sphinxext.calm_dates.core.model import RowStatus
from sphinxext.calm_dates.core.parse import parse_entry


@pytest.fixture
def live(make_app, rootdir, tmp_path):
    def build(**overrides):
        srcdir = tmp_path / "src"
        if not srcdir.exists():
            shutil.copytree(rootdir / "test-live", srcdir)
        app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides=overrides)
        app.build()
        return app

    return build


def _events(app):
    calendar = Calendar.from_ical((app.outdir / "index.ics").read_bytes())
    return {str(event["summary"]).removeprefix("Live: "): event for event in calendar.walk("VEVENT")}


def test_every_dated_entry_is_an_event_at_the_tables_instant(live):
    app = live()
    events = _events(app)
    rows = soup(app.outdir / "index.html").select("tr.calm-date")
    in_file = {"instant", "days"}
    dated = [row for row in rows if row.get("data-calm-kind") in in_file]
    assert sorted(events) == sorted(row.th.get_text() for row in dated)
    for row in dated:
        event = events[row.th.get_text()]
        start = event.decoded("dtstart")
        if row["data-calm-kind"] == "instant":
            assert start.tzinfo is not None and start.utcoffset().total_seconds() == 0
            assert start.strftime("%Y-%m-%dT%H:%MZ") == row.time["datetime"]
            assert "dtend" not in event
        else:
            assert type(start) is date and start.isoformat() == row.time["datetime"]
    # An AoE 23:59 deadline is 11:59 UTC the next day.
    assert events["Paper submission deadline"].decoded("dtstart") == datetime(2024, 6, 7, 11, 59, tzinfo=UTC)
    assert b"DTSTART:20240607T115900Z" in (app.outdir / "index.ics").read_bytes()


def test_ranges_are_multi_day_all_day_events(live):
    workshop = _events(live())["Workshop"]
    assert workshop.decoded("dtstart") == date(2024, 12, 14)
    assert workshop.decoded("dtend") == date(2024, 12, 16)  # DTEND is exclusive
    assert b"DTSTART;VALUE=DATE:20241214" in workshop.to_ical()


def test_month_only_and_tba_are_left_out_with_a_note(live):
    app = live()
    assert "Camera-ready" not in _events(app) and "Speakers" not in _events(app)
    note = soup(app.outdir / "index.html").select_one(".calm-dates-ics")
    link = note.a
    assert link["href"] == "index.ics" and link.get_text() == "Add these dates to your calendar"
    assert "Not in the file: Camera-ready (month only); Speakers (not yet announced)." in note.get_text()


def test_uids_are_stable_and_status_is_in_the_description(live):
    first = {label: str(e["uid"]) for label, e in _events(live()).items()}
    later = live(calm_dates_now="2025-01-01T00:00:00Z")
    again = _events(later)
    assert {label: str(e["uid"]) for label, e in again.items()} == first
    assert first["Abstract deadline"] == event_uid("index", "Abstract deadline")
    assert "Status as of 2025-01-01: Past" in str(again["Abstract deadline"]["description"])


def test_a_hostile_label_round_trips_as_text_in_the_calendar(live):
    events = _events(live())
    hostile = '</script><script>alert("label")</script>'
    assert hostile in events
    assert events[hostile].decoded("dtstart") == datetime(2024, 11, 1, 12, 0, tzinfo=UTC)


def _json_ld(app):
    scripts = soup(app.outdir / "index.html").select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return scripts[0].string, json.loads(scripts[0].string)


def test_event_metadata_has_the_workshop_fields(live):
    _, data = _json_ld(live())
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == ("2024-12", "2024-12")
    assert data["location"] == {"@type": "Place", "name": "Vancouver", "address": "Vancouver"}
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["url"] == "https://example.org/live/"
    assert data["description"] == "A test event & its <description>."


def test_event_metadata_cannot_break_out_of_its_script_block(live):
    app = live()
    raw, data = _json_ld(app)
    assert data["name"] == "Live </script><script>alert('event')</script> Workshop"
    assert "<" not in raw and ">" not in raw
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "alert('event')" not in html.replace(raw, "")
    # The hostile label in the table is text, not markup.
    assert '<script>alert("label")' not in html


def test_the_workshop_date_range_gives_start_and_end_days(live):
    _, data = _json_ld(live(calm_dates_workshop="December 14\u201315, 2024"))
    assert (data["startDate"], data["endDate"]) == ("2024-12-14", "2024-12-15")


def test_non_html_builders_write_no_calendar(make_app, rootdir, tmp_path):
    shutil.copytree(rootdir / "test-live", tmp_path / "src")
    app = make_app("text", srcdir=tmp_path / "src", freshenv=True)
    app.build()
    assert not list(app.outdir.rglob("*.ics"))


def test_an_unchanged_calendar_is_not_written_again(live):
    app = live()
    ics = app.outdir / "index.ics"
    first = ics.stat().st_mtime_ns
    again = live()  # same inputs, fresh environment
    assert again.outdir == app.outdir and ics.stat().st_mtime_ns == first
    later = live(calm_dates_now="2024-06-05T00:00:00Z")
    assert ics.stat().st_mtime_ns != first
    assert "X-CALM-DATES-FINGERPRINT" in ics.read_text()
    assert later.outdir == app.outdir


# U+2028, form feed and friends are left out here: the Markdown and reST parsers split lines at them
# before the directive sees its body (test_parse covers them inside one entry).
EXTREME_ROWS = [
    "* **Early east:** 0001-01-01T00:00+14:00",
    "* **First day:** January 1, 0001",
    "* **Pasted instant:** 2024-06-06T23:59:00+02:00",
    "* **Tab\tseparated:** June 6, 2024, 23:59 AoE",
    "* **Last days:** Dec 30 \u2013 Dec 31, 9999",
    "* **Last minute:** December 31, 9999, 23:59 AoE",
    "* **Workshop:** December 9999",
]


def _extreme_root(path):
    path.mkdir()
    (path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxext.calm_dates"]\n'
        'project = "Line one\\nLine two\\r\\x85end"\n'
        'calm_dates_workshop = "December 9999"\n'
        "calm_dates_max_lead_days = 1000000000\n"
        'calm_dates_now = "9999-12-31T23:59:59-12:00"\n'
        'calm_dates_event = {"location": "Here\\u2028and\\x9fthere", "description": "One\\nTwo\\x00"}\n',
        encoding="utf-8",
    )
    rows = "\n".join(EXTREME_ROWS)
    (path / "index.md").write_text(f"# Extremes\n\n```{{important-dates}}\n{rows}\n```\n", encoding="utf-8")


def test_a_build_at_the_datetime_limits_with_control_characters_in_names(make_app, tmp_path):
    _extreme_root(tmp_path / "src")
    app = make_app("html", srcdir=tmp_path / "src", freshenv=True)
    app.build()
    log = app.warning.getvalue()
    assert "Traceback" not in log + app.status.getvalue()
    assert "WARNING" not in log
    rows = soup(app.outdir / "index.html").select("tr.calm-date")
    assert len(rows) == len(EXTREME_ROWS)
    assert [row.time["datetime"] for row in rows] == [
        "0001-01-01T00:00Z",
        "0001-01-01",
        "2024-06-06T21:59Z",
        "2024-06-07T11:59Z",
        "9999-12-30",
        "9999-12-31T23:59Z",
        "9999-12",
    ]
    assert rows[3].th.get_text() == "Tab separated"
    ics = (app.outdir / "index.ics").read_bytes()
    unfolded = ics.replace(b"\r\n ", b"").split(b"\r\n")
    assert b"X-WR-CALNAME:Line one Line two end" in unfolded
    assert not any(b"\r" in line or b"\n" in line for line in unfolded)
    events = {str(e["summary"]): e for e in Calendar.from_ical(ics).walk("VEVENT")}
    last_days = events["Line one Line two end: Last days"]
    assert last_days.decoded("dtstart") == date(9999, 12, 30) and last_days.decoded("duration").days == 2
    assert events["Line one Line two end: First day"].decoded("dtend") == date(1, 1, 2)
    _, data = _json_ld(app)
    assert (data["name"], data["startDate"], data["endDate"]) == ("Line one Line two end", "9999-12", "9999-12")
    assert (data["location"]["name"], data["description"]) == ("Here and there", "One Two")


def test_control_characters_never_reach_the_calendar_or_the_event_metadata():
    entry = parse_entry("* **Deadline:** June 6, 2024", 1, "AoE")
    job = CalendarJob("index", "Name\r\nwith\x1b[31mcolour\x85", date(2024, 6, 1), ((entry, RowStatus()),))
    text = build_calendar(job).decode()
    assert "X-WR-CALNAME:Name with [31mcolour\r\n" in text
    assert "SUMMARY:Name with [31mcolour: Deadline\r\n" in text
    data = event_data("A\u2028B\x00", None, "https://x.org/\n", {"location": "L\x9fM", "description": "\r"})
    assert data["name"] == "A B" and data["url"] == "https://x.org/" and data["location"]["name"] == "L M"
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", script_block(data))


def test_a_label_with_a_stray_surrogate_still_gets_a_stable_uid():
    assert event_uid("index", "Dead\udc80line") == event_uid("index", "dead\udc80line")
