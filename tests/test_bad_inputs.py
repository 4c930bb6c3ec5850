"""Over a hundred distinct bad inputs: each gives its own finding, with a message that quotes it and says
what to write, at its own line, both from the core functions and in one real Sphinx build of them all."""

from __future__ import annotations

from collections import defaultdict

import pytest

from conftest import calm_warnings, other_warnings, soup
from sphinxext.calm_dates.core.check import choose_reference, find_inconsistencies
from sphinxext.calm_dates.core.parse import parse_entry, parse_when

WORKSHOP = "December 2024"
ZONE = "AoE"

# Whole lines: what is wrong is the line itself, not (only) its date.
BAD_LINES = [
    ("no colon here", "no 'label: date' colon"),
    ("* just a bullet", "no 'label: date' colon"),
    ("1. Numbered deadline", "no 'label: date' colon"),
    ("- **Bold deadline**", "no 'label: date' colon"),
    ("Deadline dash \u2014 June 6 2022", "no 'label: date' colon"),
    # A colon inside parentheses belongs to the label, so this line has none to split at.
    ("* **Deadline (note: AoE)** June 6, 2024", "no 'label: date' colon"),
    ("**:** June 6, 2022", "no label before its colon"),
    ("Deadline empty:", "the entry has no date"),
    ("* **Deadline bold empty:**", "the entry has no date"),
    ("<b>Deadline html</b>: soon", "'soon' is not a date"),
    ("\u202eDeadline bidi\u202c: 2022-06-06x", "'2022-06-06x' is not a date"),
    ("\u00dcn\u00efc\u00f6d\u00e9 \u2603: 31 F\u00e9vrier 2024", "'31 F\u00e9vrier 2024' is not a date; write one of"),
    ("Deadline nines: " + "9" * 5000, "5000 characters is too long"),
    ("Dead\x07line bell: June 6, 2024", "control character U+0007"),
    ("Deadline delete\x7f: June 6, 2024", "control character U+007F"),
    ("Deadline backspace: June 6, 2024\x08", "control character U+0008"),
    ("Deadline c1: June 6, 2024 \x9f", "control character U+009F"),
]

# Date texts, each written after its own label ("* **Bad 1:** ...").
BAD_DATES = [
    ("garbage", "'garbage' is not a date"),
    ("June", "'June' is not a date"),
    ("2022", "'2022' is not a date"),
    ("June 6", "'June 6' needs a month and a year"),
    ("6 June", "'6 June' needs a month and a year"),
    ("June 32, 2022", "June 32, 2022 does not exist"),
    ("June 0, 2024", "June 0, 2024 does not exist"),
    ("February 30, 2024", "February 2024 has 29 days"),
    ("February 29, 2023", "February 2023 has 28 days"),
    ("April 31, 2024", "April 2024 has 30 days"),
    ("Sept 31, 2024", "September 2024 has 30 days"),
    ("2022-13-01", "month 13 does not exist"),
    ("2022-00-10", "month 0 does not exist"),
    ("2022-02-30", "February 2022 has 28 days"),
    ("0000-01-01", "year 0000 does not exist"),
    ("December 0000", "year 0000 does not exist"),
    ("June 6, 20222", "'June 6, 20222' is not a date"),
    ("January 1, 10000", "'January 1, 10000' is not a date"),
    ("Smarch 6, 2022", "'Smarch' is not a month name"),
    ("31 F\u00e9vrier 2024", "'31 F\u00e9vrier 2024' is not a date"),
    ("June 6, 2022, 25:00", "25:00 is not a time of day"),
    ("June 6, 2022, 23:60", "23:60 is not a time of day"),
    ("June 6, 2022, 13:00 pm", "13 is not an hour on a 12-hour clock"),
    ("June 6, 2022, 0:30 am", "0 is not an hour on a 12-hour clock"),
    ("June 6, 2022, 23:59 PST", "'PST' is ambiguous; use an IANA name such as America/Los_Angeles"),
    ("June 6, 2022, 23:59 PT", "'PT' is ambiguous; use an IANA name such as America/Los_Angeles"),
    ("June 6, 2022, 11:59 p.m. PDT", "'PDT' is ambiguous"),
    ("June 6, 2022, 23:59 CST", "America/Chicago"),
    ("June 6, 2022, 23:59 EST", "America/New_York"),
    ("June 6, 2022, 23:59 CET", "'CET' is ambiguous; use an IANA name such as Europe/Berlin"),
    ("June 6, 2022, 23:59 CEST", "'CEST' is ambiguous"),
    ("June 6, 2022, 23:59 BST", "Europe/London"),
    ("June 6, 2022, 23:59 IST", "Asia/Kolkata"),
    ("June 6, 2022, 23:59 JST", "Asia/Tokyo"),
    ("June 6, 2022, 23:59 KST", "Asia/Seoul"),
    ("June 6, 2022, 23:59 AEST", "Australia/Sydney"),
    ("June 6, 2022, 23:59 HST", "Pacific/Honolulu"),
    ("June 6, 2022, 23:59 Mars/Olympus_Mons", "unknown time zone 'Mars/Olympus_Mons'"),
    ("June 6, 2024, 23:59 Europe/Nowhere", "unknown time zone 'Europe/Nowhere'"),
    ("June 6, 2024 America/Argentina", "unknown time zone 'America/Argentina'"),
    ("June 6, 2022 Nowhere", "unknown time zone 'Nowhere'"),
    ("June 6, 2022 Atlantis", "unknown time zone 'Atlantis'"),
    ("June 6, 2022, 23:59 UTC+15", "'UTC+15' is out of range (UTC-12:00 to UTC+14:00)"),
    ("June 6, 2022, 23:59 UTC-13", "'UTC-13' is out of range"),
    ("June 6, 2022, 23:59 UTC+05:75", "'UTC+05:75' is out of range"),
    ("June 6, 2024, 23:59 UTC-12:30", "'UTC-12:30' is out of range"),
    ("June 6, 2024, 23:59 GMT+14:30", "'GMT+14:30' is out of range"),
    ("December 31, 9999, 23:59 UTC+15", "'UTC+15' is out of range"),
    ("AoE", "'AoE' is not a date"),
    ("23:59 AoE", "'23:59' is not a date"),
    ("December 15\u201314, 2024", "reads as December 15, 2024 to December 14, 2024, which ends before it starts"),
    ("Dec 1 \u2013 Nov 30, 2024", "reads as December 1, 2024 to November 30, 2024"),
    ("Feb 29 \u2013 Jan 5, 2024", "reads as February 29, 2024 to January 5, 2024"),
    ("June 6, 2024 to June 1, 2024", "the range 'June 6, 2024 to June 1, 2024' reads as June 6, 2024 to June 1, 2024"),
    ("2024-06-10 \u2013 2024-06-01", "reads as June 10, 2024 to June 1, 2024, which ends before it starts"),
    ("Nov 1 \u2013 Jan 2, 2025", "reads as November 1, 2025 to January 2, 2025"),
    ("Oct 30 \u2013 Jan 2, 2025", "write the first year: Oct 30, 2024 \u2013 Jan 2, 2025"),
    ("November 20 through January 10, 2025", "write the first year: November 20, 2024 \u2013 January 10, 2025"),
    ("December 14\u201315", "needs a year at its end"),
    ("December 2024, 23:59", "'December 2024' is a whole month; a time needs a single day"),
    ("2024-06, 10:00", "'2024-06' is a whole month"),
    ("December 14\u201315, 2024, 10:00", "a time needs a single day, not a range"),
    ("June 6\u20137, 2024, 23:59 AoE", "a time needs a single day, not a range"),
    ("Friday, June 6, 2022", "June 6, 2022 is a Monday, not a Friday"),
    ("Monday, June 7, 2024", "June 7, 2024 is a Friday, not a Monday"),
    ("Tue, June 6, 2024", "June 6, 2024 is a Thursday, not a Tuesday"),
    ("~~June 6, 2022~~", "needs the new date after it"),
    ("~~June 6, 2022~~ whenever", "'whenever' is not a date"),
    ("x" * 300, "300 characters is too long for a date"),
    ("<script>alert(1)</script>", "'<script>alert(1)</script>' is not a date"),
    ("June 6 2022 12 UTC", "'June 6 2022 12' is not a date"),
    ("2022-06-06T23:59", "'2022-06-06T23:59' has no UTC offset; add one (2022-06-06T23:59Z"),
    ("2024-06-06T10:00:00", "'2024-06-06T10:00:00' has no UTC offset"),
    ("2024-06-06T24:00Z", "'2024-06-06T24:00Z' is not a time of day"),
    ("2024-06-06T23:59:60Z", "'2024-06-06T23:59:60Z' is not a time of day"),
    ("2024-06-06T23:59+15:00", "'UTC+15:00' is out of range"),
    ("2024-02-30T10:00Z", "February 2024 has 29 days"),
    ("2024-13-01T10:00Z", "month 13 does not exist"),
    ("June 6, 2024, noon", "write 'noon' as 12:00: June 6, 2024, 12:00"),
    ("June 6, 2024, 12 noon", "write '12 noon' as 12:00: June 6, 2024, 12:00"),
    ("June 6, 2024, midday AoE", "write 'midday' as 12:00: June 6, 2024, 12:00 AoE"),
    ("June 6, 2024, midnight", "write 00:00 for the start of that day or 23:59 for its end: June 6, 2024, 23:59"),
    ("Midnight, June 6, 2024", "'Midnight' in 'Midnight, June 6, 2024' is unclear"),
    ("June 6, 2024, 23:59 Pacific Time", "'Pacific Time' changes with daylight saving time; write an IANA name: "),
    ("June 6, 2024, 23:59 Pacific Standard Time", "June 6, 2024, 23:59 America/Los_Angeles"),
    ("June 6, 2024, 23:59 (Eastern Time)", "'Eastern Time' changes with daylight saving time"),
    ("June 6, 2024, 23:59 Central Time", "June 6, 2024, 23:59 America/Chicago"),
    ("June 6, 2024, 23:59 Mountain Time", "America/Denver"),
    ("June 6, 2024, 23:59 Central European Time", "June 6, 2024, 23:59 Europe/Berlin"),
    ("June 6, 2024, 23:59 Central European Summer Time", "'Central European Summer Time'"),
    ("June 6, 2024, 23:59 British Summer Time", "Europe/London"),
    ("June 6, 2024, 23:59 India Standard Time", "Asia/Kolkata"),
    ("June 6, 2024, 23:59 Japan Standard Time", "Asia/Tokyo"),
    ("June 6, 2024, 23:59 Local Time", "unknown time zone 'Local Time'"),
    ("2024-W23-4", "'2024-W23-4' is an ISO week date; write the calendar date instead, e.g. June 6, 2024"),
    ("2024W234", "'2024W234' is an ISO week date; write the calendar date instead, e.g. June 6, 2024"),
    ("2024-W23", "'2024-W23' is an ISO week date; write the calendar date instead, e.g. June 3, 2024"),
    ("2024-W54-1", "'2024-W54-1' is an ISO week date"),
    ("Thursday, 2024-W23-4, 23:59 AoE", "'2024-W23-4' is an ISO week date"),
    ("March 10, 2024, 02:30 America/Los_Angeles", "does not exist (the clocks skip it); it could mean UTC-8"),
    ("November 3, 2024, 01:30 America/Los_Angeles", "happens twice (the clocks go back); it could mean UTC-7"),
    ("March 31, 2024, 02:30 Europe/Berlin", "e.g. March 31, 2024, 02:30 UTC+1, or pick another time"),
    ("October 27, 2024, 02:30 Europe/Berlin", "UTC+2 (00:30 UTC) or UTC+1 (01:30 UTC)"),
    ("\uff12\uff10\uff12\uff14-06-06", "has non-ASCII digits; write ASCII digits: '2024-06-06'"),
    ("June \uff16, 2024", "write ASCII digits: 'June 6, 2024'"),
    ("June 6, \u0662\u0660\u0662\u0664", "write ASCII digits: 'June 6, 2024'"),
    ("June 6, 2024, \uff12\uff13:\uff15\uff19", "write ASCII digits: 'June 6, 2024, 23:59'"),
    ("June 6, 2024, 23:59 UTC+\uff12", "write ASCII digits: 'June 6, 2024, 23:59 UTC+2'"),
    ("\u0967\u096c \u091c\u0942\u0928 2024", "has non-ASCII digits"),
]

# Rows that parse but contradict the workshop (December 2024) or their neighbours; they go last,
# in this order, because ordering and duplicates depend on the rows around them.
CONTEXT_ROWS = [
    ("* **Old deadline:** June 6, 2022", "far-before", "is 908 days before the workshop"),
    ("* **Late deadline:** March 2025", "after-workshop", "falls after the workshop has started"),
    ("* **Early deadline:** October 2024", "out-of-order", "is earlier than 'Late deadline' (March 2025)"),
    ("* **Early deadline:** November 2024", "duplicate", "appears twice in this table (first on line"),
    ("* **Workshop:** December 14, 2024", None, ""),
    ("* **Workshop day:** December 20, 2024", "workshop-mismatch", "disagrees with 'Workshop' (December 14, 2024)"),
]

ROWS = (
    [(line, "invalid", fragment) for line, fragment in BAD_LINES]
    + [(f"* **Bad {number}:** {text}", "invalid", fragment) for number, (text, fragment) in enumerate(BAD_DATES, 1)]
    + CONTEXT_ROWS
)
FIRST_LINE = 4  # the index.md written below: a title, a blank line, the fence, then the rows


def test_there_are_at_least_a_hundred_distinct_bad_inputs():
    bad = {line for line, subtype, _ in ROWS if subtype is not None}
    assert len(bad) == len([row for row in ROWS if row[1] is not None]) >= 100


def _expected() -> dict[int, tuple[str, str]]:
    return {FIRST_LINE + i: (subtype, fragment) for i, (_, subtype, fragment) in enumerate(ROWS) if subtype}


def _core_findings() -> dict[int, list[tuple[str, str]]]:
    entries = [parse_entry(line, FIRST_LINE + i, ZONE) for i, (line, _, _) in enumerate(ROWS)]
    reference = choose_reference(entries, parse_when(WORKSHOP, ZONE), "calm_dates_workshop")
    found = defaultdict(list)
    for finding in find_inconsistencies(entries, reference, 365):
        found[entries[finding.index].line].append((finding.subtype.value, finding.message))
    return found


_CORE = _core_findings()
_FLAGGED = [(FIRST_LINE + i, subtype, fragment) for i, (_, subtype, fragment) in enumerate(ROWS) if subtype]


@pytest.mark.parametrize(("number", "subtype", "fragment"), _FLAGGED, ids=[str(row[0]) for row in _FLAGGED])
def test_each_bad_input_gives_its_finding_from_the_core(number, subtype, fragment):
    found = _CORE[number]
    assert [kind for kind, _ in found] == [subtype]
    assert fragment in found[0][1]


def test_the_core_finds_nothing_else():
    assert sorted(_CORE) == sorted(_expected())


def _write_root(path) -> None:
    path.mkdir()
    (path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxext.calm_dates"]\n'
        f'calm_dates_workshop = "{WORKSHOP}"\n'
        'calm_dates_now = "2024-06-01T00:00:00Z"\n',
        encoding="utf-8",
    )
    body = "\n".join(line for line, _, _ in ROWS)
    (path / "index.md").write_text(f"# Bad inputs\n\n```{{important-dates}}\n{body}\n```\n", encoding="utf-8")


def test_one_sphinx_build_reports_every_bad_input_at_its_own_line(make_app, tmp_path):
    srcdir = tmp_path / "bad-inputs"
    _write_root(srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    log = app.warning.getvalue()
    found = defaultdict(list)
    for name, line, subtype, message in calm_warnings(log):
        assert name == "index.md"
        found[line].append((subtype, message))
    expected = _expected()
    assert sorted(found) == sorted(expected)
    for line, (subtype, fragment) in expected.items():
        assert [kind for kind, _ in found[line]] == [subtype], line
        assert fragment in found[line][0][1], line
    assert "Traceback" not in log + app.status.getvalue()
    assert other_warnings(log) == []
    assert len(soup(app.outdir / "index.html").select("tr.calm-date")) == len(ROWS)


def test_a_line_separator_inside_an_entry_neither_splits_it_nor_moves_later_lines(make_app, tmp_path):
    srcdir = tmp_path / "separator"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinxext.calm_dates"]\n', encoding="utf-8")
    body = "* **A:** June 6,\u2028 2024\n* **B:** June 32, 2024"
    (srcdir / "index.md").write_text(f"# T\n\n```{{important-dates}}\n{body}\n```\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    found = [(line, subtype) for _, line, subtype, _ in calm_warnings(app.warning.getvalue())]
    assert found == [(5, "invalid")]
