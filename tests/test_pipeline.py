"""The dates pipeline on Sphinx's own machinery: core without Sphinx, nodes and visitors, search,
locale-proof output, incremental writes, includes, epub, singlehtml, leftover calendars."""

from __future__ import annotations

import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sphinxext.calm_dates.core as core
from conftest import REPO, calm_warnings, many_pages, other_warnings, soup
from sphinxext.calm_dates.sphinx_ext.nodes import calendar_link, dates_wrapper

CALM_DATES = Path(sys.executable).parent / "calm-dates"


def test_no_module_of_the_core_imports_sphinx_or_docutils():
    modules = sorted(f"{core.__name__}.{info.name}" for info in pkgutil.iter_modules(core.__path__))
    assert len(modules) >= 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'sphinx', 'docutils'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_import_rule_can_fail():
    """The check above sees an import of docutils when there is one."""
    code = "import sys, docutils.nodes; print(sorted(m for m in sys.modules if m.split('.')[0] == 'docutils')[:1])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['docutils']"


# --- the table as nodes -------------------------------------------------------------------------


def _resolved_table(app, docname: str) -> str:
    doctree = app.env.get_doctree(docname)
    app.env.apply_post_transforms(doctree, docname)
    wrapper = next(doctree.findall(dates_wrapper))
    # The wrapper's own attributes (ids, the evaluated table) and the calendar link (named after
    # the page) differ between the pages; the table must not.
    return "".join(child.pformat() for child in wrapper.children if not isinstance(child, calendar_link))


@pytest.mark.sphinx("html", testroot="snapshot", freshenv=True)
def test_the_resolved_table_is_docutils_nodes_the_same_from_myst_and_rst(app, file_regression):
    app.build()
    myst = _resolved_table(app, "index")
    assert myst == _resolved_table(app, "rst")
    file_regression.check(myst, basename="resolved_table", extension=".xml")


@pytest.mark.sphinx("html", testroot="seed", freshenv=True)
def test_labels_dates_and_flag_words_are_in_the_search_index(app):
    app.build()
    script = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1 : script.rindex(")")])
    page = index["docnames"].index("index")
    # Stems of "Camera-ready version", "Paper submission deadline", "Notification to authors", "June", "Inconsistent".
    for stem in ("camera", "submiss", "notif", "june", "inconsist"):
        found = index["terms"].get(stem)
        assert found is not None, stem
        assert page in (found if isinstance(found, list) else [found]), stem


@pytest.mark.sphinx("html", testroot="snapshot", freshenv=True)
def test_html_contracts_hold_on_the_node_based_table(app):
    app.build()
    wrapper = soup(app.outdir / "index.html").select_one("div.calm-dates-wrapper#key-dates")
    table = wrapper.select_one("table.calm-dates.key-dates")
    # The countdown is a timer written at build time (not a live region); status changes go to a polite one.
    countdown = wrapper.select_one("p.calm-dates-countdown[role=timer]")
    assert countdown.get_text() == "Abstract deadline closes in 11 hours, 59 minutes" and not countdown.has_attr(
        "aria-live"
    )
    assert wrapper.select_one("p.calm-dates-announce[aria-live=polite]").get_text() == ""
    assert table.caption.get_text(" ", strip=True).startswith("Key dates (status as of")
    assert table.caption.select_one(".calm-dates-as-of time")["datetime"] == "2024-06-07T00:00Z"
    rows = table.select("tbody tr.calm-date")
    assert [row.th["scope"] for row in rows] == ["row"] * 7
    first = rows[0]
    assert first.select_one("del.calm-date-superseded").get_text() == "May 30, 2024"
    assert (first["data-calm-kind"], first["data-calm-start"]) == ("instant", "2024-06-07T11:59:00Z")
    assert first.select_one("time")["datetime"] == "2024-06-07T11:59Z"
    assert first.select_one(".calm-date-local") is not None
    assert [row.select_one(".calm-flag").get_text() for row in rows] == [
        "Next",
        "Upcoming",
        "Upcoming",
        "Past",
        "TBA",
        "Invalid date",
        "Upcoming",
    ]
    assert "calm-date-raw" in rows[5].td.span["class"]
    assert wrapper.select_one("p.calm-dates-ics a[download]")["href"] == "index.ics"


# --- locale -------------------------------------------------------------------------------------

LOCALES = ("de_DE", "tr_TR", "ja_JP")


@pytest.fixture(scope="module")
def locale_dir(tmp_path_factory) -> Path:
    localedef = shutil.which("localedef")
    if localedef is None:
        pytest.skip("localedef is missing (glibc's locale tools)")
    folder = tmp_path_factory.mktemp("locales")
    for name in LOCALES:
        subprocess.run([localedef, "-i", name, "-f", "UTF-8", str(folder / f"{name}.UTF-8")], check=True)
    return folder


def _locale_env(locale_dir: Path, name: str) -> dict[str, str]:
    return {**os.environ, "LC_ALL": name, "LANG": name, "LOCPATH": str(locale_dir)}


def _build_site_in(locale_dir: Path, name: str, out: Path) -> tuple[dict[str, bytes], list]:
    command = [sys.executable, "-m", "sphinx", "-b", "html", "docs", str(out), "-c", ".", "-E", "-q"]
    command += ["-D", "calm_dates_now=2024-06-01T00:00:00Z", "-D", "calm_dates_accepted="]
    result = subprocess.run(
        command, cwd=REPO, env=_locale_env(locale_dir, name), capture_output=True, text=True, check=True
    )
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.suffix in {".html", ".ics"}}
    return files, calm_warnings(result.stderr)


@pytest.mark.parametrize("name", [f"{locale}.UTF-8" for locale in LOCALES])
def test_the_process_locale_changes_nothing(locale_dir, name, tmp_path):
    # The locale really is in force in a child process: strftime speaks it.
    probe = (
        "import locale, datetime; locale.setlocale(locale.LC_ALL, ''); print(datetime.date(2022, 6, 1).strftime('%B'))"
    )
    month = subprocess.run(
        [sys.executable, "-c", probe], env=_locale_env(locale_dir, name), capture_output=True, text=True, check=True
    ).stdout.strip()
    assert month != "June"
    baseline_files, baseline_warnings = _build_site_in(locale_dir, "C.UTF-8", tmp_path / "c")
    files, warnings = _build_site_in(locale_dir, name, tmp_path / "other")
    assert len(baseline_warnings) == 5
    assert warnings == baseline_warnings
    assert files.keys() == baseline_files.keys()
    assert [path for path in files if files[path] != baseline_files[path]] == []


# --- incremental writes -------------------------------------------------------------------------


def _many_pages(tmp_path, count=6):
    return many_pages(tmp_path, count, old_rows=False)


def _written(outdir: Path, names: list[str], before: dict[str, int]) -> list[str]:
    return [name for name in names if (outdir / f"{name}.html").stat().st_mtime_ns != before[name]]


def _mtimes(outdir: Path, names: list[str]) -> dict[str, int]:
    return {name: (outdir / f"{name}.html").stat().st_mtime_ns for name in names}


def test_a_rebuild_writes_only_the_pages_whose_status_changed(make_app, tmp_path):
    srcdir, names = _many_pages(tmp_path)
    first = make_app("html", srcdir=srcdir, freshenv=True)
    first.build()
    before = _mtimes(first.outdir, names)

    unchanged = make_app("html", srcdir=srcdir)
    unchanged.build()
    assert _written(unchanged.outdir, names, before) == []

    # June 3, 12:00 UTC: the deadlines of June 1 and 2 (AoE) have passed, June 3 AoE has not.
    later = make_app("html", srcdir=srcdir, confoverrides={"calm_dates_now": "2024-06-03T12:00:00Z"})
    later.build()
    assert "0 added, 0 changed, 0 removed" in later.status.getvalue()
    assert _written(later.outdir, names, before) == ["page00", "page01"]
    flags = {name: soup(later.outdir / f"{name}.html").select_one(".calm-flag").get_text() for name in names}
    assert flags == {"page00": "Past", "page01": "Past", **{name: "Next" for name in names[2:]}}


def test_a_changed_setting_rewrites_every_table_page(make_app, tmp_path):
    srcdir, names = _many_pages(tmp_path, count=3)
    first = make_app("html", srcdir=srcdir, freshenv=True)
    first.build()
    before = _mtimes(first.outdir, names)
    moved = make_app("html", srcdir=srcdir, confoverrides={"calm_dates_workshop": "November 2024"})
    moved.build()
    assert _written(moved.outdir, names, before) == names
    # Each table is checked against the new date: its workshop row now disagrees.
    assert [s for _, _, s, _ in calm_warnings(moved.warning.getvalue())] == ["workshop-mismatch"] * 3


def test_an_edited_page_is_rewritten_and_the_others_are_not(make_app, tmp_path):
    srcdir, names = _many_pages(tmp_path, count=3)
    first = make_app("html", srcdir=srcdir, freshenv=True)
    first.build()
    before = _mtimes(first.outdir, names)
    page = srcdir / "page01.md"
    page.write_text(page.read_text().replace("June 2, 2024", "June 9, 2024"))
    again = make_app("html", srcdir=srcdir)
    again.build()
    assert _written(again.outdir, names, before) == ["page01"]
    assert "June 9, 2024" in (again.outdir / "page01.html").read_text()


# --- includes -----------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="include", freshenv=True)
def test_a_table_in_an_included_file_is_reported_at_that_file(app):
    app.build()
    found = sorted(
        (str(Path(path).relative_to(app.srcdir)) if Path(path).is_absolute() else path, line, subtype)
        for path, line, subtype in _located(app.warning.getvalue())
    )
    assert found == [
        ("parts/dates.md", 5, "after-workshop"),
        ("parts/dates.md", 6, "out-of-order"),
        ("parts/dates.rst", 5, "after-workshop"),
        ("parts/dates.rst", 6, "out-of-order"),
    ]
    # calm_dates_accepted names the included file, and the build honours it.
    assert re.search(r"parts/dates\.md:4: accepted calm_dates\.far-before", app.status.getvalue())
    assert len(soup(app.outdir / "index.html").select("tr.calm-date")) == 3


def test_the_command_reports_an_included_table_at_the_same_file_and_line(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "include"
    shutil.copytree(rootdir / "test-include", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    from_build = sorted(
        (Path(path).resolve().relative_to(srcdir.resolve()).as_posix(), line, subtype)
        for path, line, subtype in _located(app.warning.getvalue())
    )
    result = subprocess.run(
        [str(CALM_DATES), "check", "--format", "json", "."], cwd=srcdir, capture_output=True, text=True, check=False
    )
    reports = json.loads(result.stdout)
    from_command = sorted((Path(r["path"]).as_posix(), r["line"], r["subtype"]) for r in reports if not r["accepted"])
    assert from_command == from_build
    assert [(r["path"], r["line"]) for r in reports if r["accepted"]] == [("parts/dates.md", 4)]


def _located(log: str) -> list[tuple[str, int, str]]:
    pattern = re.compile(r"^(?P<path>.+?):(?P<line>\d+): WARNING: .* \[calm_dates\.(?P<subtype>[\w-]+)\]$")
    return [
        (m["path"], int(m["line"]), m["subtype"])
        for line in re.sub(r"\x1b\[[0-9;]*m", "", log).splitlines()
        if (m := pattern.match(line.strip()))
    ]


# --- builders -----------------------------------------------------------------------------------


def test_epub_gets_no_calendar_no_extra_warning_and_each_finding_once(make_app, rootdir, tmp_path):
    shutil.copytree(rootdir / "test-seed", tmp_path / "src")
    app = make_app("epub", srcdir=tmp_path / "src", freshenv=True)
    app.build()
    log = app.warning.getvalue()
    assert not list(Path(app.outdir).rglob("*.ics"))
    pages = "".join(p.read_text(encoding="utf-8") for p in Path(app.outdir).rglob("*.xhtml"))
    assert "calm-dates-ics" not in pages and ".ics" not in pages
    assert "calm-dates" in pages
    assert [line for line in other_warnings(log) if "mimetype" in line or "calm" in line] == []
    found = [(name, line, subtype) for name, line, subtype, _ in calm_warnings(log)]
    assert len(found) == 10 and len(set(found)) == 10


@pytest.mark.sphinx("singlehtml", testroot="singlehtml", freshenv=True)
def test_singlehtml_carries_the_css_and_script_when_a_table_is_inlined(app):
    app.build()
    page = soup(app.outdir / "index.html")
    assert page.select("table.calm-dates tr.calm-date")
    assert page.select_one('link[href*="calm_dates.css"]') is not None
    assert page.select_one('script[src*="calm_dates.js"]') is not None
    assert (app.outdir / "index.ics").is_file()


def test_a_removed_table_or_page_takes_its_calendar_with_it(make_app, tmp_path):
    srcdir, names = _many_pages(tmp_path, count=3)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert sorted(p.name for p in Path(app.outdir).glob("*.ics")) == ["page00.ics", "page01.ics", "page02.ics"]
    (srcdir / "page01.md").write_text("# No dates any more\n")
    (srcdir / "page02.md").unlink()
    (srcdir / "index.md").write_text("# Index\n\n```{toctree}\npage00\npage01\n```\n")
    # A calendar this extension did not write is left alone.
    (Path(app.outdir) / "other.ics").write_text("BEGIN:VCALENDAR\nPRODID:-//someone else//EN\nEND:VCALENDAR\n")
    again = make_app("html", srcdir=srcdir)
    again.build()
    assert sorted(p.name for p in Path(again.outdir).glob("*.ics")) == ["other.ics", "page00.ics"]


def test_the_readme_module_table_names_every_module():
    package = REPO / "sphinxext" / "calm_dates"
    table = (package / "README.md").read_text(encoding="utf-8").split("## Modules", 1)[1]
    modules = sorted(
        path.relative_to(package).as_posix()
        for path in package.glob("*/*.py")
        if path.name not in {"__init__.py", "__main__.py"}
    )
    missing = [module for module in modules if module not in table and Path(module).name not in table]
    assert missing == []
