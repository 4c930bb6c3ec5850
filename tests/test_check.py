"""Findings and status: pure functions over parsed entries, no Sphinx."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxext.calm_dates.core.block import BlockSource, evaluate_block
from sphinxext.calm_dates.core.check import choose_reference, find_inconsistencies
from sphinxext.calm_dates.core.clock import parse_instant, resolve_now
from sphinxext.calm_dates.core.errors import DateSyntaxError
from sphinxext.calm_dates.core.parse import parse_body, parse_when
from sphinxext.calm_dates.core.settings import load_settings
from sphinxext.calm_dates.core.status import flag_words, status_window, statuses_as_of
from sphinxext.calm_dates.core.zones import UTC_MAX, UTC_MIN
from test_parse import SEED_LINES


def findings_for(lines, workshop=None, max_lead_days=365, zone="AoE"):
    entries = parse_body(lines, zone)
    configured = parse_when(workshop, zone) if workshop else None
    reference = choose_reference(entries, configured, "calm_dates_workshop")
    return entries, find_inconsistencies(entries, reference, max_lead_days)


def subtypes(findings):
    return [(f.index, f.subtype) for f in findings]


def test_seed_findings_as_of_2026_11_25_are_exactly_the_known_ones():
    entries, findings = findings_for(SEED_LINES, "December 2024")
    assert subtypes(findings) == [
        (0, "far-before"),
        (1, "far-before"),
        (2, "far-before"),
        (3, "workshop-mismatch"),
        (3, "out-of-order"),
    ]
    statuses = statuses_as_of(entries, findings, datetime(2026, 11, 25, tzinfo=UTC))
    assert [s.past for s in statuses] == [True] * 4
    assert not any(s.next for s in statuses)
    assert all(s.inconsistent for s in statuses)


def test_messages_name_the_entry_the_dates_and_a_fix():
    _, findings = findings_for(SEED_LINES, "December 2024")
    far, mismatch, order = findings[0], findings[3], findings[4]
    assert "'Paper submission deadline'" in far.message and "June 6, 2022" in far.message
    assert "December 2024" in far.message and "Update the date" in far.message
    assert "'Workshop Date'" in mismatch.message and "August 5, 2022" in mismatch.message
    assert "make the two agree" in mismatch.message
    assert "'Camera-ready version'" in order.message and "move the row" in order.message


def test_without_a_configured_workshop_the_table_entry_is_the_reference():
    _, findings = findings_for(SEED_LINES)
    # Against August 5, 2022 itself the camera-ready deadline is after the workshop.
    assert subtypes(findings) == [(2, "after-workshop"), (3, "out-of-order")]


def test_a_consistent_table_has_no_findings():
    lines = [
        "Submission: September 1, 2024, 23:59 AoE",
        "Notification: October 9, 2024",
        "Camera-ready: December 7, 2024",
        "Workshop: December 14\u201315, 2024",
    ]
    assert findings_for(lines, "December 2024")[1] == []


def test_month_only_workshop_flags_only_entries_after_the_month():
    lines = ["Camera-ready: December 31, 2024", "Poster printing: January 1, 2025"]
    _, findings = findings_for(lines, "December 2024")
    assert subtypes(findings) == [(1, "after-workshop")]


def test_day_workshop_flags_entries_after_its_first_day():
    lines = ["Camera-ready: December 14, 2024", "Late: December 15, 2024, 09:00"]
    _, findings = findings_for(lines, "December 14\u201315, 2024")
    assert subtypes(findings) == [(1, "after-workshop")]


def test_workshop_entry_inside_the_configured_date_is_no_mismatch():
    assert findings_for(["Workshop Day: December 14, 2024"], "December 2024")[1] == []
    _, findings = findings_for(["workshop: January 3, 2025"], "December 2024")
    assert subtypes(findings) == [(0, "workshop-mismatch")]


def test_out_of_order_needs_a_whole_entry_before_the_one_above():
    lines = ["A: June 6, 2024, 12:00 UTC", "B: June 6, 2024", "C: June 5, 2024", "D: June 5, 2024"]
    _, findings = findings_for(lines, zone="UTC")
    assert subtypes(findings) == [(2, "out-of-order")]


def test_tba_and_invalid_entries_are_skipped_by_ordering():
    lines = ["A: June 6, 2024", "B: TBA", "C: June 40, 2024", "D: June 7, 2024"]
    _, findings = findings_for(lines)
    assert subtypes(findings) == [(2, "invalid")]


@pytest.mark.parametrize(("days", "flagged"), [(365, False), (364, True)])
def test_far_before_respects_max_lead_days(days, flagged):
    # December 1, 2023 ends (AoE) 365 days before December 1, 2024 starts (2024 is a leap year).
    _, findings = findings_for(["Submission: December 1, 2023"], "December 2024", max_lead_days=days)
    assert subtypes(findings) == ([(0, "far-before")] if flagged else [])


def test_duplicate_labels_ignore_case_and_punctuation():
    _, findings = findings_for(["Deadline: June 1, 2024", "deadline.: June 2, 2024"])
    assert subtypes(findings) == [(1, "duplicate")]
    assert "first on line 1" in findings[0].message


def test_next_is_the_earliest_upcoming_entry_and_past_uses_the_end_in_its_zone():
    entries = parse_body(["A: June 6, 2022, 23:59 AoE", "B: June 7, 2022", "C: TBA", "D: June 10, 2022 UTC"], "AoE")
    deadline = datetime(2022, 6, 7, 11, 59, tzinfo=UTC)
    before = statuses_as_of(entries, [], deadline - timedelta(minutes=1))
    assert [(s.past, s.next) for s in before] == [(False, True), (False, False), (False, False), (False, False)]
    after = statuses_as_of(entries, [], deadline)
    assert [(s.past, s.next) for s in after] == [(True, False), (False, True), (False, False), (False, False)]
    # June 7 in AoE is over at 12:00 UTC on June 8.
    day_over = statuses_as_of(entries, [], datetime(2022, 6, 8, 12, 0, tzinfo=UTC))
    assert [s.past for s in day_over] == [True, True, False, False]
    assert [word for _, word in flag_words(entries[2], day_over[2])] == ["TBA"]


def test_a_range_is_past_when_its_last_day_is_over():
    entries = parse_body(["Workshop: December 14\u201315, 2024 UTC"], "AoE")
    on_last_day = statuses_as_of(entries, [], datetime(2024, 12, 15, 23, 0, tzinfo=UTC))
    assert not on_last_day[0].past and on_last_day[0].next
    assert statuses_as_of(entries, [], datetime(2024, 12, 16, tzinfo=UTC))[0].past


def test_now_comes_from_config_then_source_date_epoch_then_the_clock():
    assert resolve_now("2026-11-25T10:00:00+02:00", {}) == (datetime(2026, 11, 25, 8, tzinfo=UTC), "calm_dates_now")
    assert resolve_now(None, {"SOURCE_DATE_EPOCH": "0"}) == (datetime(1970, 1, 1, tzinfo=UTC), "SOURCE_DATE_EPOCH")
    now, source = resolve_now(None, {})
    assert source == "the clock" and abs(now - datetime.now(UTC)) < timedelta(minutes=1)
    assert parse_instant("2026-11-25") == datetime(2026, 11, 25, tzinfo=UTC)


@pytest.mark.parametrize("text", ["yesterday", "2026-11-25T10:00", "2026-13-01"])
def test_bad_now_is_a_date_syntax_error(text):
    with pytest.raises(DateSyntaxError):
        parse_instant(text)


def test_bad_source_date_epoch_is_a_date_syntax_error():
    with pytest.raises(DateSyntaxError, match="SOURCE_DATE_EPOCH"):
        resolve_now(None, {"SOURCE_DATE_EPOCH": "last tuesday"})


def test_two_workshop_rows_that_disagree_warn_on_the_second():
    entries, findings = findings_for(
        ["Deadline: June 6, 2024", "Workshop: December 14, 2024", "Workshop day: Dec 20, 2024"]
    )
    assert subtypes(findings) == [(2, "workshop-mismatch")]
    message = findings[0].message
    assert "'Workshop day' (December 20, 2024) disagrees with 'Workshop' (December 14, 2024) on line 2" in message
    assert "keep one workshop date" in message


def test_workshop_rows_that_nest_agree():
    _, findings = findings_for(["Workshop date: December 2024", "Workshop day: December 14, 2024"])
    assert findings == []


@pytest.mark.parametrize("days", [999_999_998, 999_999_999, 1_000_000_000, 10**30])
def test_any_max_lead_days_is_compared_without_overflow(days):
    _, findings = findings_for(["Deadline: June 6, 0001", "Workshop: December 9999"], max_lead_days=days)
    assert findings == []


def test_a_negative_max_lead_days_beyond_timedelta_flags_everything_before():
    _, findings = findings_for(["Deadline: June 6, 2024", "Workshop: December 2024"], max_lead_days=-(10**12))
    assert subtypes(findings) == [(0, "far-before")]


@pytest.mark.parametrize(
    "workshop", ["December 9999", "December 31, 9999", "December 31, 9999, 23:59 AoE", "9999-12-31T23:59-12:00"]
)
def test_a_workshop_at_the_end_of_9999_is_checked_without_overflow(workshop):
    lines = ["Deadline: December 30, 9999", "Late: December 31, 9999, 23:59 UTC+14", f"Workshop: {workshop}"]
    entries, findings = findings_for(lines, workshop, max_lead_days=10**9)
    assert [f.subtype for f in findings] == []
    for now in (parse_instant("0001-01-01T00:00:00+14:00"), parse_instant("9999-12-31T23:59:59-12:00")):
        statuses = statuses_as_of(entries, findings, now)
        assert status_window(entries, now)
        assert [s.past for s in statuses] == [now.year == 9999] * 3


def test_an_entry_after_a_workshop_in_year_1_is_flagged():
    _, findings = findings_for(["Workshop: January 1, 0001", "Late: January 3, 0001"])
    assert subtypes(findings) == [(1, "after-workshop")]


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("0001-01-01T00:00:00+14:00", UTC_MIN),
        ("9999-12-31T23:59:59-12:00", UTC_MAX),
        ("0999-12-31T10:00:00Z", datetime(999, 12, 31, 10, tzinfo=UTC)),
        ("2024-06-01T02:00:00+02:00", datetime(2024, 6, 1, tzinfo=UTC)),
    ],
)
def test_now_at_the_datetime_limits_is_clamped_into_utc(text, utc):
    now, _ = resolve_now(text, {})
    assert now == utc and now.tzinfo is UTC


@pytest.mark.parametrize("epoch", ["\uff11\uff12", "1e9", "99999999999999999999", "-99999999999999", "1" * 5000])
def test_a_source_date_epoch_that_is_not_ascii_seconds_in_range_is_a_date_syntax_error(epoch):
    with pytest.raises(DateSyntaxError, match="SOURCE_DATE_EPOCH"):
        resolve_now(None, {"SOURCE_DATE_EPOCH": epoch})


def test_a_now_with_non_ascii_digits_says_which_ascii_to_write():
    with pytest.raises(DateSyntaxError, match="write ASCII digits: '2024-06-01'"):
        parse_instant("\uff12\uff10\uff12\uff14-06-01")


_EXTREME_WHEN = st.sampled_from(
    [
        "January 1, 0001",
        "0001-01-01T00:00+14:00",
        "January 1, 0001, 05:00 UTC+14",
        "December 9999",
        "December 31, 9999",
        "Dec 30 \u2013 Dec 31, 9999",
        "December 31, 9999, 23:59 AoE",
        "December 31, 9999 UTC+14",
        "9999-12-31T23:59-12:00",
        "June 6, 2024, 23:59 AoE",
        "December 2024",
        "TBA",
        "not a date",
    ]
)
_LABELS = st.sampled_from(["Deadline", "Workshop", "Workshop day", "Notification", "Deadline"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_LABELS, _EXTREME_WHEN), max_size=8),
    st.sampled_from([None, "January 1, 0001", "December 9999", "December 31, 9999, 23:59 AoE", "December 2024"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "2024-06-01T00:00:00Z"]),
)
def test_fuzz_check_and_status_never_raise_at_the_limits(rows, workshop, max_lead_days, now_text):
    lines = [f"{label}: {when}" for label, when in rows]
    entries, findings = findings_for(lines, workshop, max_lead_days)
    now = parse_instant(now_text)
    statuses = statuses_as_of(entries, findings, now)
    start, end = status_window(entries, now)
    assert start is None or start <= now
    assert end is None or now < end
    for entry, status in zip(entries, statuses, strict=True):
        assert flag_words(entry, status)
        if entry.is_dated:
            assert status.past == (now >= entry.when.end)


def test_moments_clamped_together_at_the_end_of_9999_are_not_ordered():
    # Both lie in year 10000 UTC, hours apart; clamped to the same moment, neither is after the other.
    lines = ["Last minute: December 31, 9999, 23:59 AoE", "Workshop: December 9999"]
    assert findings_for(lines, "December 9999")[1] == []


def test_a_workshop_time_that_a_tables_zone_skips_is_reported_not_raised():
    settings, problems = load_settings({"calm_dates_workshop": "March 10, 2024, 02:30"})
    assert problems == []
    lines = ((2, ":timezone: America/Los_Angeles"), (3, "Deadline: June 6, 2023"))
    source = BlockSource("dates.md", 1, lines=lines)
    table = evaluate_block(source, settings)
    assert [finding.subtype for finding in table.findings] == ["option"]
