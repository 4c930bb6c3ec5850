"""Parsing entry lines and dates: pure functions, no Sphinx."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from time import perf_counter
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sphinxext.calm_dates.core.errors import DateSyntaxError
from sphinxext.calm_dates.core.names import MONTH_NAMES
from sphinxext.calm_dates.core.parse import parse_body, parse_entry, parse_when
from sphinxext.calm_dates.core.zones import UTC_MAX, UTC_MIN, parse_zone

SEED_LINES = [
    "* **Paper submission deadline: June 6, 2022, 23:59 AoE**",
    "* **Notification to authors:** July 5, 2022, 23:59 AoE",
    "* **Camera-ready version:** August 17, 2022, 23:59 AoE",
    "* **Workshop Date:** August 5, 2022",
]


def test_the_seed_lines_parse_exactly_as_pasted():
    entries = parse_body(SEED_LINES, "AoE", first_line=10)
    assert [(e.label, e.text, e.line, e.error) for e in entries] == [
        ("Paper submission deadline", "June 6, 2022, 23:59 AoE", 10, None),
        ("Notification to authors", "July 5, 2022, 23:59 AoE", 11, None),
        ("Camera-ready version", "August 17, 2022, 23:59 AoE", 12, None),
        ("Workshop Date", "August 5, 2022", 13, None),
    ]
    assert entries[0].when.start == datetime(2022, 6, 7, 11, 59, tzinfo=UTC)
    assert entries[0].when.html_datetime == "2022-06-07T11:59Z"
    workshop = entries[3]
    assert workshop.is_workshop
    assert (workshop.when.kind, workshop.when.html_datetime) == ("days", "2022-08-05")
    # A whole day in AoE: from 12:00 UTC on the day to 12:00 UTC the next; no time invented.
    assert workshop.when.start == datetime(2022, 8, 5, 12, 0, tzinfo=UTC)
    assert workshop.when.end == datetime(2022, 8, 6, 12, 0, tzinfo=UTC)


def test_blank_lines_are_skipped_but_count_for_line_numbers():
    entries = parse_body(["", "- A: June 1, 2024", "   ", "- B: June 2, 2024"], "UTC", first_line=5)
    assert [(e.label, e.line) for e in entries] == [("A", 6), ("B", 8)]


@pytest.mark.parametrize(
    "line",
    [
        "* **Deadline:** June 6, 2022",
        "- **Deadline**: June 6, 2022",
        "+ __Deadline:__ June 6, 2022",
        "1. *Deadline:* June 6, 2022",
        "12) _Deadline_: June 6, 2022",
        "**Deadline: June 6, 2022**",
        "Deadline: June 6, 2022",
        "* __Deadline: June 6, 2022__",
    ],
)
def test_list_markers_and_emphasis_are_accepted(line):
    entry = parse_entry(line, 1, "AoE")
    assert (entry.label, entry.text, entry.error) == ("Deadline", "June 6, 2022", None)
    assert entry.when.first_day == date(2022, 6, 6)


@pytest.mark.parametrize(
    ("text", "kind", "first", "last"),
    [
        ("June 6, 2022", "days", date(2022, 6, 6), date(2022, 6, 6)),
        ("Jun 6, 2022", "days", date(2022, 6, 6), date(2022, 6, 6)),
        ("Sept 6, 2022", "days", date(2022, 9, 6), date(2022, 9, 6)),
        ("6 June 2022", "days", date(2022, 6, 6), date(2022, 6, 6)),
        ("June 6th, 2022", "days", date(2022, 6, 6), date(2022, 6, 6)),
        ("2022-06-06", "days", date(2022, 6, 6), date(2022, 6, 6)),
        ("Monday, June 6, 2022", "days", date(2022, 6, 6), date(2022, 6, 6)),
        ("December 2024", "month", date(2024, 12, 1), date(2024, 12, 31)),
        ("December, 2024", "month", date(2024, 12, 1), date(2024, 12, 31)),
        ("2024-12", "month", date(2024, 12, 1), date(2024, 12, 31)),
        ("February 2024", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("December 14\u201315, 2024", "days", date(2024, 12, 14), date(2024, 12, 15)),
        ("December 14-15, 2024", "days", date(2024, 12, 14), date(2024, 12, 15)),
        ("Nov 30 \u2013 Dec 1, 2024", "days", date(2024, 11, 30), date(2024, 12, 1)),
        ("14\u201315 December 2024", "days", date(2024, 12, 14), date(2024, 12, 15)),
        ("2024-12-14 \u2013 2024-12-15", "days", date(2024, 12, 14), date(2024, 12, 15)),
        ("Dec 30 \u2013 Jan 2, 2025", "days", date(2024, 12, 30), date(2025, 1, 2)),
        ("December 14 to December 15, 2024", "days", date(2024, 12, 14), date(2024, 12, 15)),
    ],
)
def test_date_forms(text, kind, first, last):
    when = parse_when(text, "AoE")
    assert (when.kind, when.first_day, when.last_day) == (kind, first, last)
    assert when.end == datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=ZoneInfo("Etc/GMT+12"))


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("June 6, 2022, 23:59 AoE", datetime(2022, 6, 7, 11, 59, tzinfo=UTC)),
        ("June 6, 2022 23:59", datetime(2022, 6, 7, 11, 59, tzinfo=UTC)),
        ("June 6, 2022, 11:59 pm", datetime(2022, 6, 7, 11, 59, tzinfo=UTC)),
        ("June 6, 2022 11:59pm UTC", datetime(2022, 6, 6, 23, 59, tzinfo=UTC)),
        ("June 6, 2022, 12:00 am UTC", datetime(2022, 6, 6, 0, 0, tzinfo=UTC)),
        ("June 6, 2022, 12:30 pm UTC", datetime(2022, 6, 6, 12, 30, tzinfo=UTC)),
        ("June 6, 2022 at 5pm GMT", datetime(2022, 6, 6, 17, 0, tzinfo=UTC)),
        ("June 6, 2022, 23:59 UTC+2", datetime(2022, 6, 6, 21, 59, tzinfo=UTC)),
        ("June 6, 2022, 23:59 UTC-07:00", datetime(2022, 6, 7, 6, 59, tzinfo=UTC)),
        # dateutil would read UTC-12 as +12; the sign here is the one written.
        ("June 6, 2022, 23:59 UTC-12", datetime(2022, 6, 7, 11, 59, tzinfo=UTC)),
        ("June 6, 2022, 23:59 UTC\u221212", datetime(2022, 6, 7, 11, 59, tzinfo=UTC)),
        ("June 6, 2022, 23:59 UTC+05:30", datetime(2022, 6, 6, 18, 29, tzinfo=UTC)),
        ("June 6, 2022, 23:59 America/Vancouver", datetime(2022, 6, 7, 6, 59, tzinfo=UTC)),
        ("December 6, 2022, 23:59 America/Vancouver", datetime(2022, 12, 7, 7, 59, tzinfo=UTC)),
        ("2022-06-06 23:59 (AoE)", datetime(2022, 6, 7, 11, 59, tzinfo=UTC)),
    ],
)
def test_instants(text, utc):
    when = parse_when(text, "AoE")
    assert when.kind == "instant"
    assert when.start == when.end == utc


@pytest.mark.parametrize(
    ("text", "utc", "zone"),
    [
        ("2024-06-06T23:59-12:00", datetime(2024, 6, 7, 11, 59, tzinfo=UTC), "UTC-12:00"),
        ("2024-06-06T23:59Z", datetime(2024, 6, 6, 23, 59, tzinfo=UTC), "UTC"),
        ("2024-06-06T23:59:00+02:00", datetime(2024, 6, 6, 21, 59, tzinfo=UTC), "UTC+02:00"),
        ("2024-06-06 23:59Z", datetime(2024, 6, 6, 23, 59, tzinfo=UTC), "UTC"),
        ("2024-06-06T23:59:30.5+0530", datetime(2024, 6, 6, 18, 29, 30, tzinfo=UTC), "UTC+05:30"),
        ("~~2024-05-30T23:59Z~~ 2024-06-06T23:59Z", datetime(2024, 6, 6, 23, 59, tzinfo=UTC), "UTC"),
    ],
)
def test_iso_instants_with_an_offset_are_pasted_as_instants(text, utc, zone):
    when = parse_entry(f"* **Deadline:** {text}", 3, "AoE").when
    assert (when.kind, when.start, when.end, when.zone) == ("instant", utc, utc, zone)
    assert when.describe().endswith(f"23:59 {zone}")


@pytest.mark.parametrize(
    ("text", "html", "start", "end"),
    [
        ("January 1, 0001", "0001-01-01", datetime(1, 1, 1, 12, tzinfo=UTC), datetime(1, 1, 2, 12, tzinfo=UTC)),
        ("0999-12-31, 10:00 UTC", "0999-12-31T10:00Z", datetime(999, 12, 31, 10, tzinfo=UTC), None),
        ("March 0999", "0999-03", datetime(999, 3, 1, 12, tzinfo=UTC), datetime(999, 4, 1, 12, tzinfo=UTC)),
        # The end of 9999-12-31 in AoE is in year 10000 UTC: clamped to the last moment datetime holds.
        ("December 9999", "9999-12", datetime(9999, 12, 1, 12, tzinfo=UTC), UTC_MAX),
        ("Dec 30 \u2013 Dec 31, 9999", "9999-12-30", datetime(9999, 12, 30, 12, tzinfo=UTC), UTC_MAX),
        ("9999-12-31", "9999-12-31", datetime(9999, 12, 31, 12, tzinfo=UTC), UTC_MAX),
        ("December 31, 9999, 23:59 AoE", "9999-12-31T23:59Z", UTC_MAX, UTC_MAX),
        # East of UTC the end of 9999-12-31 is still in 9999: not clamped.
        ("December 31, 9999 UTC+14", "9999-12-31", datetime(9999, 12, 30, 10, tzinfo=UTC), None),
        ("January 1, 0001, 00:00 UTC+14", "0001-01-01T00:00Z", UTC_MIN, UTC_MIN),
        ("0001-01-01T00:00+14:00", "0001-01-01T00:00Z", UTC_MIN, UTC_MIN),
        ("9999-12-31T23:59-12:00", "9999-12-31T23:59Z", UTC_MAX, UTC_MAX),
    ],
)
def test_years_1_to_9999_parse_with_four_digit_years_and_clamp_at_the_limits(text, html, start, end):
    when = parse_when(text, "AoE")
    assert when.html_datetime == html
    assert when.start == start
    if end is not None:
        assert when.end == end
    assert when.start <= when.end
    assert when.start.astimezone(UTC) <= when.end.astimezone(UTC)


def test_the_end_of_9999_east_of_utc_is_exact():
    assert parse_when("December 31, 9999", "UTC+14").end == datetime(9999, 12, 31, 10, tzinfo=UTC)


def test_a_clamped_instant_still_describes_what_was_written():
    assert parse_when("December 31, 9999, 13:00 AoE", "UTC").describe() == "December 31, 9999, 13:00 AoE"


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        (
            "March 10, 2024, 02:30 America/Los_Angeles",
            "does not exist (the clocks skip it); it could mean "
            "UTC-8 (10:30 UTC) or UTC-7 (09:30 UTC): write the offset, e.g. March 10, 2024, 02:30 UTC-8",
        ),
        (
            "November 3, 2024, 01:30 America/Los_Angeles",
            "happens twice (the clocks go back); it could mean "
            "UTC-7 (08:30 UTC) or UTC-8 (09:30 UTC): write the offset, e.g. November 3, 2024, 01:30 UTC-7",
        ),
    ],
)
def test_local_times_that_dst_skips_or_repeats_name_both_readings(text, readings):
    with pytest.raises(DateSyntaxError) as raised:
        parse_when(text, "AoE")
    assert str(raised.value) == f"{text!r} {readings}, or pick another time"


@pytest.mark.parametrize("text", ["November 3, 2024, 01:30 UTC-7", "November 3, 2024, 01:30 UTC-8"])
def test_an_offset_settles_a_repeated_local_time(text):
    assert parse_when(text, "AoE").kind == "instant"


@pytest.mark.parametrize(
    ("line", "label", "text"),
    [
        ("* **Deadline (note: AoE):** June 6, 2024", "Deadline (note: AoE)", "June 6, 2024"),
        ("* Deadline (note: AoE): June 6, 2024", "Deadline (note: AoE)", "June 6, 2024"),
        ("* **Deadline: extended:** June 6, 2024", "Deadline: extended", "June 6, 2024"),
        ("* *Deadline (a: b)*: June 6, 2024", "Deadline (a: b)", "June 6, 2024"),
        ("* **Deadline: June 6, 2024**", "Deadline", "June 6, 2024"),
        ("Deadline: extended: June 6, 2024", "Deadline", "extended: June 6, 2024"),
    ],
)
def test_a_colon_in_parentheses_or_in_an_emphasised_label_stays_in_the_label(line, label, text):
    entry = parse_entry(line, 1, "AoE")
    assert (entry.label, entry.text) == (label, text)


# Characters str.splitlines() breaks at; inside one entry they read as spaces.
LINE_BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("separator", LINE_BREAKS)
def test_line_separators_inside_an_entry_read_as_spaces(separator):
    entries = parse_body([f"* **Paper{separator}deadline:** June 6,{separator}2024{separator}"], "AoE", first_line=4)
    assert [(e.label, e.text, e.line, e.error) for e in entries] == [("Paper deadline", "June 6, 2024", 4, None)]


def test_a_zone_without_a_time_is_a_whole_day_in_that_zone():
    when = parse_when("June 6, 2022 America/Vancouver", "AoE")
    assert (when.kind, when.start, when.end) == (
        "days",
        datetime(2022, 6, 6, 7, 0, tzinfo=UTC),
        datetime(2022, 6, 7, 7, 0, tzinfo=UTC),
    )


@pytest.mark.parametrize("text", ["TBA", "tbd", "To be announced", "TBA."])
def test_tba(text):
    when = parse_when(text, "AoE")
    assert (when.kind, when.start, when.is_dated) == ("tba", None, False)


def test_extended_deadline_keeps_the_old_date_struck():
    when = parse_when("~~June 6, 2022~~ June 13, 2022, 23:59 AoE", "AoE")
    assert when.superseded == "June 6, 2022"
    assert when.start == datetime(2022, 6, 14, 11, 59, tzinfo=UTC)


def test_aoe_is_twelve_hours_behind_utc():
    zone, name = parse_zone("aoe")
    assert name == "AoE"
    assert datetime(2024, 1, 1, tzinfo=zone).utcoffset() == timedelta(hours=-12)


BAD_WHEN = [
    "",
    "garbage",
    "June",
    "2022",
    "June 6",
    "6 June",
    "June 32, 2022",
    "February 30, 2024",
    "February 29, 2023",
    "April 31, 2024",
    "2022-13-01",
    "2022-00-10",
    "2022-02-30",
    "0000-01-01",
    "June 6, 20222",
    "June 6, 99999999999999999999",
    "Smarch 6, 2022",
    "June 6, 2022, 25:00",
    "June 6, 2022, 23:60",
    "June 6, 2022, 13:00 pm",
    "June 6, 2022, 0:30 am",
    "June 6, 2022, 23:59 PST",
    "June 6, 2022, 23:59 CET",
    "June 6, 2022, 23:59 CEST",
    "June 6, 2022, 23:59 EST",
    "June 6, 2022, 23:59 IST",
    "June 6, 2022, 23:59 Mars/Olympus_Mons",
    "June 6, 2022, 23:59 UTC+15",
    "June 6, 2022, 23:59 UTC-13",
    "June 6, 2022, 23:59 UTC+05:75",
    "June 6, 2022 Nowhere",
    "December 15\u201314, 2024",
    "Dec 1 \u2013 Nov 30, 2024",
    "Feb 29 \u2013 Jan 5, 2024",
    "December 14\u201315",
    "December 2024, 23:59",
    "December 14\u201315, 2024, 10:00",
    "Friday, June 6, 2022",
    "~~June 6, 2022~~",
    "~~June 6, 2022~~ whenever",
    "AoE",
    "x" * 10_000,
    "<script>alert(1)</script>",
    "2022-06-06T23:59",
    "June 6 2022 12 UTC",
]


@pytest.mark.parametrize("text", BAD_WHEN)
def test_bad_dates_raise_the_documented_error_with_a_hint(text):
    with pytest.raises(DateSyntaxError) as raised:
        parse_when(text, "AoE")
    message = str(raised.value)
    assert message and len(message) < 600
    assert any(hint in message for hint in ("write", "use", "fix", "swap", "needs", "out of range", "exist"))


def test_ambiguous_zones_name_an_iana_zone():
    with pytest.raises(DateSyntaxError, match="America/Los_Angeles"):
        parse_when("June 6, 2022, 23:59 PST", "AoE")


def test_impossible_dates_say_how_many_days_the_month_has():
    with pytest.raises(DateSyntaxError, match="February 2023 has 28 days"):
        parse_when("February 29, 2023", "AoE")


def test_wrong_weekday_is_reported():
    with pytest.raises(DateSyntaxError, match="is a Monday, not a Friday"):
        parse_when("Friday, June 6, 2022", "AoE")


BAD_LINES = [
    "no colon here",
    "* just a bullet",
    ": June 6, 2022",
    "**:** June 6, 2022",
    "Deadline:",
    "Deadline: ",
    "* **Deadline:**",
    "<b>Deadline</b>: soon",
    "Deadline — June 6 2022",
    "\u202eDeadline\u202c: 2022-06-06x",
    "Ünïcödé ☃: 31 Février 2024",
    "Deadline: " + "9" * 5000,
]


@pytest.mark.parametrize("line", BAD_LINES)
def test_bad_lines_become_entries_with_an_error(line):
    entry = parse_entry(line, 7, "AoE")
    assert entry.line == 7
    assert entry.when is None
    assert entry.error


def test_there_are_at_least_forty_distinct_bad_inputs():  # tests/test_bad_inputs.py has over a hundred more
    assert len(set(BAD_WHEN)) + len(set(BAD_LINES)) >= 40


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_parse_when_raises_only_its_own_error(text):
    try:
        when = parse_when(text, "AoE")
    except DateSyntaxError:
        return
    assert when.kind in {"instant", "days", "month", "tba"}
    if when.is_dated:
        assert when.start <= when.end


_PIECES = st.sampled_from(
    [
        "June",
        "Dec",
        "6",
        "14",
        "2022",
        "2024",
        ",",
        " ",
        "\u2013",
        "-",
        "23:59",
        "pm",
        "AoE",
        "UTC+2",
        "~~",
        "TBA",
        "th",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_fuzz_date_like_text(text):
    try:
        when = parse_when(text, "UTC")
    except DateSyntaxError:
        return
    assert when.kind == "tba" or when.start <= when.end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_fuzz_parse_entry_never_raises(line):
    entry = parse_entry(line, 1, "AoE")
    assert (entry.when is None) == (entry.error is not None)


_FOUR_DIGIT_YEAR = re.compile(r"^[0-9]{4}-[0-9]{2}")
_ZONES = ["AoE", "UTC", "UTC+14", "UTC-12", "UTC+05:30", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kolkata"]


def _assert_sound(when) -> None:
    """What renderers rely on: a four-digit year, start <= end, both convertible to UTC."""
    if not when.is_dated:
        return
    assert _FOUR_DIGIT_YEAR.match(when.html_datetime), when.html_datetime
    assert when.start <= when.end
    assert when.start.astimezone(UTC) <= when.end.astimezone(UTC)
    assert re.search(r"[0-9]{4}", when.describe())


def _offset(minutes: int) -> str:
    if minutes == 0:
        return "Z"
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
    st.sampled_from(["T", " "]),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
)
@example(datetime(9999, 12, 31, 23, 59, 59), "T", -12 * 60)
@example(datetime(1, 1, 1), " ", 14 * 60)
def test_fuzz_iso_instants_from_year_1_to_9999(moment, separator, offset):
    text = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}{separator}{moment:%H:%M:%S}{_offset(offset)}"
    entry = parse_entry(f"* **Deadline:** {text}", 1, "AoE")
    assert entry.error is None, entry.error
    assert entry.when.kind == "instant"
    _assert_sound(entry.when)


_FORMS = [
    "{month} {day}, {year}",
    "{day} {month} {year}",
    "{year}-{m:02d}-{day:02d}",
    "{month} {year}",
    "{year}-{m:02d}",
    "{month} {day}\u2013{day2}, {year}",
    "{month} {day}, {year}, {hour:02d}:{minute:02d}",
    "{month} {day}, {year}, {hour:02d}:{minute:02d} {zone}",
    "{month} {day}, {year} {zone}",
    "Dec {day} \u2013 Jan {day2}, {year}",
]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_FORMS),
    st.integers(min_value=1, max_value=9999) | st.sampled_from([1, 2, 999, 1000, 9998, 9999]),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=31),
    st.integers(min_value=1, max_value=31),
    st.times(),
    st.sampled_from(_ZONES),
)
def test_fuzz_written_dates_at_any_year(form, year, month, day, day2, clock: time, zone):
    text = form.format(
        month=MONTH_NAMES[month - 1],
        m=month,
        day=day,
        day2=day2,
        year=f"{year:04d}",
        hour=clock.hour,
        minute=clock.minute,
        zone=zone,
    )
    try:
        when = parse_when(text, zone)
    except DateSyntaxError:
        return
    _assert_sound(when)


_SEPARATOR_PIECES = st.sampled_from(
    [
        "June",
        "6",
        "2024",
        "0001",
        "9999",
        ", ",
        " ",
        "\u2013",
        "23:59",
        "AoE",
        "UTC+14",
        "UTC-12",
        "T",
        "Z",
        "2024-06-06T23:59",
        "+02:00",
        "-12:00",
        ":",
        "**",
        "(",
        ")",
        "\u2028",
        "\u2029",
        "\x0c",
        "\x0b",
        "\x85",
        "\r",
        "\n",
        "\x07",
        "\uff12",
        "\u0662",
        "\u0967",
        "noon",
        "Pacific Time",
        "2024-W23-4",
        "TBA",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SEPARATOR_PIECES, max_size=14).map("".join))
def test_fuzz_entry_pieces_new_forms_separators_and_digits(text):
    entry = parse_entry(f"* **Deadline:** {text}", 1, "AoE")
    assert (entry.when is None) == (entry.error is not None)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", entry.label + entry.text)
    if entry.when is not None:
        _assert_sound(entry.when)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=["Nd"]), min_size=1, max_size=8))
def test_fuzz_digits_that_are_not_ascii_are_refused_with_the_ascii_text(digits):
    text = f"June 6, {digits}"
    if digits.isascii():
        return
    with pytest.raises(DateSyntaxError, match="non-ASCII digits; write ASCII digits"):
        parse_when(text, "AoE")


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("Pacific Time", "America/Los_Angeles"),
        ("eastern standard time", "America/New_York"),
        ("Central European Summer Time", "Europe/Berlin"),
    ],
)
def test_zones_spelled_out_that_change_with_dst_name_an_iana_zone(text, hint):
    with pytest.raises(DateSyntaxError, match=f"{text!r} changes with daylight saving time; .*{hint}"):
        parse_zone(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anywhere on Earth", "AoE"),
        ("(anywhere on earth)", "AoE"),
        ("Coordinated Universal Time", "UTC"),
        ("Greenwich Mean Time", "GMT"),
    ],
)
def test_zones_spelled_out_that_mean_one_offset_are_read(text, name):
    assert parse_zone(text)[1] == name
    assert parse_when(f"June 6, 2024, 23:59 {text}", "UTC+2").zone == name


def test_a_long_line_of_colons_is_read_in_linear_time():
    # Quadratic label splitting took ~25 s on this line; linear takes milliseconds.
    started = perf_counter()
    entry = parse_entry("(" + ": " * 200_000, 1, "AoE")
    assert perf_counter() - started < 2
    assert "no 'label: date' colon" in entry.error


def test_a_zone_with_non_ascii_digits_says_which_ascii_to_write():
    with pytest.raises(DateSyntaxError, match="write ASCII digits: 'UTC\\+2'"):
        parse_zone("UTC+\uff12")


def test_a_deadline_extended_twice_keeps_both_struck_dates_and_counts_both():
    from sphinxext.calm_dates.core.calendar import extensions

    entry = parse_entry("* **Paper:** ~~June 1, 2024~~ ~~June 8, 2024~~ June 15, 2024, 23:59 AoE", 3, "AoE")
    assert entry.error is None
    assert entry.when.superseded == "June 1, 2024; June 8, 2024"
    assert entry.date_text == "June 15, 2024, 23:59 AoE"
    assert entry.when.first_day == date(2024, 6, 15)
    assert extensions(entry) == 2
