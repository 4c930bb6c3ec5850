"""The important-dates directive in real Sphinx builds (sphinx.testing roots under tests/roots/)."""

from __future__ import annotations

import re

import pytest

import sphinxext.calm_dates as calm_dates
from conftest import calm_warnings, many_pages, other_warnings, soup
from sphinxext.calm_dates.sphinx_ext import ENV_VERSION
from sphinxext.calm_dates.sphinx_ext.collector import pages_with_tables

SEED_FINDINGS = [
    (10, "far-before"),
    (11, "far-before"),
    (13, "far-before"),
    (14, "workshop-mismatch"),
    (14, "out-of-order"),
]


@pytest.mark.sphinx("html", testroot="seed", freshenv=True)
def test_seed_findings_are_located_at_each_entry_line_in_myst_and_rst(app):
    app.build()
    log = app.warning.getvalue()
    found = calm_warnings(log)
    assert [(line, subtype) for name, line, subtype, _ in found if name == "index.md"] == SEED_FINDINGS
    # The reST copy's entries sit one line higher (no paragraph, but a title underline).
    rst = [(line + 1, subtype) for name, line, subtype, _ in found if name == "rst.rst"]
    assert rst == [(line, subtype) for line, subtype in SEED_FINDINGS]
    assert other_warnings(log) == []


@pytest.mark.sphinx("html", testroot="seed", freshenv=True)
def test_past_is_summarised_in_the_log_not_warned(app):
    app.build()
    assert re.search(r"calm_dates: \S*index\.md: 4 of 4 dates past as of 2026-11-25 00:00 UTC", app.status.getvalue())
    assert "past as of" not in app.warning.getvalue()


@pytest.mark.sphinx("html", testroot="seed", freshenv=True)
def test_html_table_is_accessible_and_flags_are_words(app):
    app.build()
    table = soup(app.outdir / "index.html").select_one("table.calm-dates")
    assert table.caption.get_text(" ", strip=True).startswith("Important dates (status as of")
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col", "col", "col"]
    rows = table.tbody.find_all("tr")
    assert all(row.th["scope"] == "row" for row in rows)
    assert [row["class"] for row in rows] == [["calm-date", "calm-date-past", "calm-date-inconsistent"]] * 4
    assert [row.time["datetime"] for row in rows] == [
        "2022-06-07T11:59Z",
        "2022-07-06T11:59Z",
        "2022-08-18T11:59Z",
        "2022-08-05",
    ]
    status = rows[3].select_one("td.calm-date-status").get_text(" ", strip=True)
    assert status.startswith("Past Inconsistent")
    assert "workshop-mismatch" in status and "lies outside the workshop date December 2024" in status
    assert soup(app.outdir / "rst.html").select_one("table.calm-dates caption").get_text().startswith("Dates (reST)")


@pytest.mark.sphinx("html", testroot="forms", freshenv=True)
def test_forms_next_tba_and_struck_dates(app):
    app.build()
    rows = soup(app.outdir / "index.html").select("tr.calm-date")
    assert len(rows) == 6
    assert rows[0].select_one("del.calm-date-superseded").get_text() == "May 30, 2024"
    assert rows[0].time.get_text() == "June 6, 2024, 23:59 AoE"
    assert rows[0]["data-calm-end"] == "2024-06-07T11:59:00Z"
    assert "calm-date-next" in rows[0]["class"]
    assert rows[1].time["datetime"] == "2024-06-13T23:59Z"
    assert rows[2].time["datetime"] == "2024-10"
    assert rows[4]["class"] == ["calm-date", "calm-date-tba"] and rows[4].time is None
    assert rows[5].time["datetime"] == "2024-12-14"
    assert [r.select_one(".calm-flag").get_text() for r in rows] == [
        "Next",
        "Upcoming",
        "Upcoming",
        "Upcoming",
        "TBA",
        "Upcoming",
    ]
    assert calm_warnings(app.warning.getvalue()) == []


@pytest.mark.sphinx("html", testroot="bad", freshenv=True)
def test_bad_entries_keep_their_rows_and_get_one_located_warning_each(app):
    app.build()
    log = app.warning.getvalue()
    assert "Traceback" not in log + app.status.getvalue()
    tables = soup(app.outdir / "index.html").select("table.calm-dates")
    assert len(tables) == 2
    rows = tables[0].select("tr.calm-date")
    assert len(rows) == 10
    invalid = [row.th.get_text() for row in rows if "calm-date-invalid" in row["class"]]
    assert invalid == [
        "no colon on this line",
        "Impossible",
        "Zone",
        "Unknown zone",
        "Reversed",
        "Huge year",
        '<script>alert("x")</script>',
    ]
    for row in rows:
        if "calm-date-invalid" in row["class"]:
            assert "Invalid date" in row.get_text()
            # Plain words for visitors, then the maintainer's details (on by default outside Read the Docs).
            reason, details = row.select_one(".calm-date-reasons li").find_all("p")
            assert reason.get_text() == "This date could not be read, so it is shown as written."
            assert "calm-date-details" in details["class"] and details.get_text().startswith("invalid: ")
    found = [(line, subtype) for _, line, subtype, _ in calm_warnings(log)]
    assert found == [
        (5, "invalid"),
        (6, "invalid"),
        (7, "invalid"),
        (8, "invalid"),
        (9, "invalid"),
        (10, "invalid"),
        (11, "invalid"),
        (12, "duplicate"),
        (16, "invalid"),
    ]
    # The empty block is reported at its directive line and renders an empty table.
    assert tables[1].select("tr.calm-date") == []


@pytest.mark.sphinx("html", testroot="bad", freshenv=True)
def test_labels_and_raw_text_are_escaped(app):
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;soon&lt;/b&gt;" in html


@pytest.mark.sphinx("html", testroot="options", freshenv=True)
def test_bad_options_are_warned_at_their_own_lines_and_rows_stay(app):
    app.build()
    log = app.warning.getvalue()
    options = [(line, message) for _, line, subtype, message in calm_warnings(log) if subtype == "option"]
    assert [line for line, _ in options] == [4, 5, 6]
    messages = " | ".join(message for _, message in options)
    assert "no option 'bogus'" in messages
    assert ":timezone: time zone 'PST' is ambiguous" in messages
    assert ":workshop: " in messages and "Smarch" in messages
    page = soup(app.outdir / "index.html")
    first, second = page.select("table.calm-dates")
    assert len(first.select("tr.calm-date")) == 2
    # The bad :timezone: falls back to the config default (AoE).
    assert first.tbody.time["datetime"] == "2024-06-07T11:59Z"
    # The good options: caption, class, name (anchor) and zone.
    assert second.caption.get_text().startswith("Dates with a caption")
    assert "extra-class" in second["class"]
    assert second.parent["id"] == "my-dates"
    assert second.tbody.time["datetime"] == "2024-06-07T06:59Z"
    assert [s for _, _, s, _ in calm_warnings(log) if s != "option"] == []


@pytest.mark.sphinx("html", testroot="badconfig", freshenv=True)
def test_bad_config_values_are_warned_once_and_defaults_used(app):
    app.build()
    log = app.warning.getvalue()
    assert "Traceback" not in log
    lines = [line for line in log.splitlines() if "[calm_dates.option]" in line]
    assert len(lines) == 4
    for name in ("calm_dates_timezone", "calm_dates_workshop", "calm_dates_now", "calm_dates_max_lead_days"):
        assert sum(name + ":" in line for line in lines) == 1, name
    # Each is located at its own assignment in conf.py.
    where = sorted(re.sub(r"\x1b\[[0-9;]*m", "", line).split(": WARNING")[0].rsplit("/", 1)[-1] for line in lines)
    assert where == ["conf.py:2", "conf.py:3", "conf.py:4", "conf.py:5"]
    assert app.config.calm_dates_timezone == "AoE"
    assert app.config.calm_dates_max_lead_days == 365
    assert len(soup(app.outdir / "index.html").select("tr.calm-date")) == 2


@pytest.mark.parametrize("builder", ["text", "latex", "man", "texinfo", "singlehtml", "dirhtml", "xml"])
def test_every_builder_renders_or_skips_without_crashing(make_app, rootdir, tmp_path, builder):
    import shutil

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-seed", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    assert "Traceback" not in app.warning.getvalue()
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in app.outdir.rglob("*") if p.is_file())
    if builder in {"text", "latex", "man", "texinfo"}:
        assert "Paper submission deadline" in text
        # The same flag words and reasons as the HTML table, whatever the output format.
        assert "Past" in text and "Inconsistent" in text and "days before the workshop" in text
    if builder == "text":
        assert not (app.outdir / "_static").exists()


@pytest.mark.sphinx("html", testroot="seed", freshenv=True)
def test_status_is_evaluated_when_written_not_when_read(app, make_app):
    app.build()
    rows = soup(app.outdir / "index.html").select("tr.calm-date")
    assert all("calm-date-past" in row["class"] for row in rows)
    # Same environment, an earlier "now": nothing is re-read, the page is re-written.
    again = make_app("html", srcdir=app.srcdir, confoverrides={"calm_dates_now": "2022-06-01T00:00:00Z"})
    again.build()
    assert "0 added, 0 changed, 0 removed" in again.status.getvalue()
    rows = soup(again.outdir / "index.html").select("tr.calm-date")
    assert [row.select_one(".calm-flag").get_text() for row in rows] == ["Next", "Upcoming", "Upcoming", "Upcoming"]
    assert "status as of June 1, 2022" in rows[0].find_parent("table").caption.get_text()
    # Findings are reported again on a rebuild, so a -W check after a plain build still fails.
    assert len(calm_warnings(again.warning.getvalue())) == 10


def _many_pages(tmp_path, count=12):
    return many_pages(tmp_path, count, old_rows=True)


def test_parallel_build_gives_the_same_output_and_merges_env_data(make_app, tmp_path):
    srcdir, names = _many_pages(tmp_path)
    outputs = {}
    for jobs in (1, 2):
        app = make_app("html", srcdir=srcdir, builddir=tmp_path / f"build-j{jobs}", parallel=jobs, freshenv=True)
        app.build()
        assert pages_with_tables(app.env) == set(names)
        outputs[jobs] = {name: (app.outdir / f"{name}.html").read_bytes() for name in names}
        assert len(calm_warnings(app.warning.getvalue())) == 2 * len(names)
    assert outputs[1] == outputs[2]


def test_removed_pages_are_purged(make_app, tmp_path):
    srcdir, names = _many_pages(tmp_path, count=3)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert pages_with_tables(app.env) == set(names)
    (srcdir / "page01.md").write_text("# No dates any more\n")
    again = make_app("html", srcdir=srcdir)
    again.build()
    assert pages_with_tables(again.env) == {"page00", "page02"}


def test_setup_metadata(make_app, rootdir, tmp_path):
    import shutil

    shutil.copytree(rootdir / "test-seed", tmp_path / "src")
    app = make_app("html", srcdir=tmp_path / "src")
    metadata = app.extensions["sphinxext.calm_dates"]
    assert metadata.version == calm_dates.__version__
    assert metadata.parallel_read_safe and metadata.parallel_write_safe
    assert app.registry.get_envversion(app)["sphinxext.calm_dates"] == ENV_VERSION
    for name in ("calm_dates_workshop", "calm_dates_timezone", "calm_dates_now", "calm_dates_max_lead_days"):
        assert name in app.config


def test_a_ten_thousand_line_body_keeps_every_row(make_app, tmp_path):
    srcdir = tmp_path / "big"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxext.calm_dates"]\ncalm_dates_now = "2024-01-01T00:00:00Z"\n'
    )
    lines = [f"* Entry {i}: 2024-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}" for i in range(10_000)]
    lines[5000] = "* Broken: " + "x" * 20_000
    (srcdir / "index.md").write_text("# Big\n\n```{important-dates}\n" + "\n".join(lines) + "\n```\n")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    rows = soup(app.outdir / "index.html").select("tr.calm-date")
    assert len(rows) == 10_000
    assert "calm-date-invalid" in rows[5000]["class"]
    warnings = calm_warnings(app.warning.getvalue())
    assert (5004, "invalid") in [(line, subtype) for _, line, subtype, _ in warnings]
