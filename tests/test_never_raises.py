"""No input crashes the core: any config values, SOURCE_DATE_EPOCH and entry lines go through the whole
evaluation (settings, parse, check, status, calendar, event metadata) without an exception."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sphinxext.calm_dates.core.block import BlockSource, evaluate_block
from sphinxext.calm_dates.core.calendar import build_calendar, calendar_job, left_out
from sphinxext.calm_dates.core.event import event_data, script_block
from sphinxext.calm_dates.core.settings import load_settings
from sphinxext.calm_dates.core.status import flag_words, status_window

_PIECES = st.sampled_from(
    [
        "December",
        "Dec 31",
        "9999",
        "0001",
        "0000",
        "2024",
        ", ",
        " ",
        "\u2013",
        "23:59",
        "02:30",
        "AoE",
        "UTC+14",
        "UTC-12",
        "America/Los_Angeles",
        "T",
        "Z",
        "+14:00",
        "-12:00",
        "\u2028",
        "\x85",
        "\r",
        "\n",
        "\x07",
        "\uff19",
        "noon",
        "Pacific Time",
        "W23",
        "TBA",
        "~~",
        "(",
        ")",
        ":",
        "**",
    ]
)
_TEXT = st.lists(_PIECES, max_size=10).map("".join) | st.text(max_size=40)
_LABELS = st.sampled_from(["Deadline", "Workshop", "Workshop day", "Notification", "\x00", ""])
_FOUR_DIGIT_YEAR = re.compile(r"^[0-9]{4}")


@settings(max_examples=200, deadline=None)
@given(
    workshop=st.none() | _TEXT,
    now=st.none() | _TEXT | st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"]),
    epoch=st.none() | st.text(max_size=30) | st.integers().map(str),
    max_lead_days=st.integers() | st.booleans() | st.none() | st.text(max_size=5),
    project=st.text(max_size=30),
    rows=st.lists(st.tuples(_LABELS, _TEXT), max_size=6),
)
@example(
    workshop="December 9999",
    now="9999-12-31T23:59:59-12:00",
    epoch=None,
    max_lead_days=1_000_000_000,
    project="Line\none\r",
    rows=[("Deadline", "December 31, 9999, 23:59 AoE"), ("Workshop", "Dec 30 \u2013 Dec 31, 9999")],
)
def test_fuzz_any_config_and_entries_evaluate_render_and_export(workshop, now, epoch, max_lead_days, project, rows):
    values = {"calm_dates_max_lead_days": max_lead_days, "project": project}
    if workshop is not None:
        values["calm_dates_workshop"] = workshop
    if now is not None:
        values["calm_dates_now"] = now
    environ = {} if epoch is None else {"SOURCE_DATE_EPOCH": epoch}
    config, _ = load_settings(values, environ)
    lines = tuple((line, f"* **{label}:** {text}") for line, (label, text) in enumerate(rows, start=2))
    table = evaluate_block(BlockSource("dates.md", 1, lines=lines), config)
    for entry, status in table.rows:
        assert flag_words(entry, status)
        if entry.is_dated:
            assert _FOUR_DIGIT_YEAR.match(entry.when.html_datetime)
    status_window(table.entries, table.now)
    job = calendar_job([table], "index", config.event_name)
    assert build_calendar(job).startswith(b"BEGIN:VCALENDAR")
    left_out([table])
    assert script_block(event_data(config.event_name, config.workshop, "https://example.org/", dict(config.event)))
