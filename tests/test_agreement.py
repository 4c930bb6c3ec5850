"""One answer everywhere: calm-dates and a Sphinx build find the same tables, findings and lines;
accepted findings are pinned to their date; items that accept nothing are reported."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, soup

CALM_DATES = Path(sys.executable).parent / "calm-dates"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_LOCATED = re.compile(r"^(?P<path>.+?):(?P<line>\d+): WARNING: (?P<message>.*) \[calm_dates\.(?P<subtype>[\w-]+)\]$")


def build_findings(app) -> set[tuple[str, int, str]]:
    """(file from the source folder, line, subtype) of every calm_dates warning of a build."""
    found = set()
    for line in _ANSI.sub("", app.warning.getvalue()).splitlines():
        match = _LOCATED.match(line.strip())
        if match:
            path = Path(match["path"]).resolve().relative_to(Path(app.srcdir).resolve()).as_posix()
            found.add((path, int(match["line"]), match["subtype"]))
    return found


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([str(CALM_DATES), *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def command_findings(cwd: Path) -> tuple[set[tuple[str, int, str]], list[dict]]:
    result = command("check", "--format", "json", ".", cwd=cwd)
    reports = json.loads(result.stdout)
    return {(Path(r["path"]).as_posix(), r["line"], r["subtype"]) for r in reports if not r["accepted"]}, reports


@pytest.fixture
def corpus(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "corpus"
    shutil.copytree(rootdir / "test-corpus", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return srcdir, app


PLACED = [
    "In a note",
    "In only",
    "In an admonition",
    "In a tab",
    "In a card",
    "In a blockquote",
    "In a list item",
    "Capitalised name",
    "In eval-rst",
    "After a BOM",
    "Included",
    "Repeated option",
    "After YAML",
    "In a reST note",
    "In reST only",
    "No blank line",
    "Repeated reST option",
    "Included reST",
    "In the slice",
    "Markdown included from reST",
]
NOT_TABLES = [
    "Quoted in code",
    "Indented code",
    "Quoted in a code block",
    "Quoted in a literal block",
    "Excluded page",
    "Before the slice",
    "After the slice",
]


def test_the_command_and_the_build_agree_on_every_placement(corpus):
    srcdir, app = corpus
    from_build = build_findings(app)
    from_command, _ = command_findings(srcdir)
    assert from_command == from_build
    # The corpus really holds each placement: one after-workshop finding per rendered table,
    # plus the two repeated options; quoted and excluded blocks give nothing.
    assert sum(subtype == "after-workshop" for _, _, subtype in from_build) == len(PLACED)
    assert sorted(line for path, line, subtype in from_build if subtype == "option") == [5, 22]
    log = app.warning.getvalue()
    for label in PLACED:
        assert f"'{label}'" in log, label
    for label in NOT_TABLES:
        assert label not in log, label


def test_every_placed_table_is_rendered_with_its_rows(corpus):
    srcdir, app = corpus
    labels = [
        row.th.get_text()
        for page in Path(app.outdir).glob("*.html")
        for row in soup(page).select("table.calm-dates tr.calm-date")
    ]
    assert sorted(labels) == sorted(PLACED)


# --- accepted findings --------------------------------------------------------------------------

ACCEPTED_CONF = """extensions = ["myst_parser", "sphinxext.calm_dates"]
calm_dates_workshop = "December 2024"
calm_dates_now = "2024-06-01T00:00:00Z"
calm_dates_accepted = [
    ("index.md", "Poster deadline", "after-workshop", "March 3, 2025"),
{extra}]
"""
ACCEPTED_PAGE = """# Dates

```{{important-dates}}
* **Workshop:** December 14, 2024
* **Poster deadline:** {poster}
```
"""


def _accepted_project(tmp_path: Path, poster: str = "March 3, 2025", extra: str = "") -> Path:
    srcdir = tmp_path / "accepted"
    srcdir.mkdir(exist_ok=True)
    (srcdir / "conf.py").write_text(ACCEPTED_CONF.format(extra=extra), encoding="utf-8")
    (srcdir / "index.md").write_text(ACCEPTED_PAGE.format(poster=poster), encoding="utf-8")
    return srcdir


def _both(make_app, srcdir: Path):
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    result = command("check", "--format", "json", ".", cwd=srcdir)
    return app, result, json.loads(result.stdout)


def test_an_accepted_finding_stays_accepted_while_its_date_is_unchanged(make_app, tmp_path):
    app, result, reports = _both(make_app, _accepted_project(tmp_path))
    assert build_findings(app) == set()
    assert "index.md:5: accepted calm_dates.after-workshop" in _ANSI.sub("", app.status.getvalue())
    assert result.returncode == 0
    assert [(r["line"], r["subtype"], r["accepted"]) for r in reports] == [(5, "after-workshop", True)]


def test_a_changed_date_on_an_accepted_row_is_a_new_finding(make_app, tmp_path):
    # The organisers fixed the year, and a typo crept in: still after the workshop.
    app, result, reports = _both(make_app, _accepted_project(tmp_path, poster="March 3, 2026"))
    expected = {("index.md", 5, "after-workshop"), ("conf.py", 5, "accepted-unused")}
    assert build_findings(app) == expected
    assert {(r["path"], r["line"], r["subtype"]) for r in reports if not r["accepted"]} == expected
    assert result.returncode == 1
    unused = next(r["message"] for r in reports if r["subtype"] == "accepted-unused")
    assert "accepts the date 'March 3, 2025', but the entry now reads 'March 3, 2026'" in unused
    assert "('index.md', 'Poster deadline', 'after-workshop', 'March 3, 2026')" in unused
    # The new finding's log line says what to write if the date is right.
    finding = next(r["message"] for r in reports if r["subtype"] == "after-workshop")
    assert "if the date is right, add ('index.md', 'Poster deadline', 'after-workshop', 'March 3, 2026')" in finding


@pytest.mark.parametrize(
    ("item", "hint"),
    [
        ('("index.md", "Workshop", "after_workshop", "December 14, 2024")', "write 'after-workshop'"),
        ('("index.md", "Workshop", "calm_dates.after-workshop", "December 14, 2024")', "write 'after-workshop'"),
        ('("docs/index.md", "Poster deadline", "after-workshop", "March 3, 2025")', "there is no file 'docs/index.md'"),
        ('("gone.md", "Poster deadline", "after-workshop", "March 3, 2025")', "there is no file 'gone.md'"),
        ('("index.md", "Workshop", "far-before", "December 14, 2024")', "remove the item"),
        ('("index.md", "Poster deadline", "after-workshop")', "names no date, so it accepts nothing"),
    ],
)
def test_an_item_that_accepts_nothing_is_reported_at_its_line(make_app, tmp_path, item, hint):
    app, result, reports = _both(make_app, _accepted_project(tmp_path, extra=f"    {item},\n"))
    assert ("conf.py", 6, "accepted-unused") in build_findings(app)
    unused = [r for r in reports if r["subtype"] == "accepted-unused"]
    assert [(r["path"], r["line"]) for r in unused] == [("conf.py", 6)]
    assert hint in unused[0]["message"]
    assert hint in _ANSI.sub("", app.warning.getvalue())
    assert result.returncode == 1


def test_a_three_part_item_gets_the_four_part_item_to_write(make_app, tmp_path):
    srcdir = _accepted_project(tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace(', "March 3, 2025"),', "),"))
    app, result, reports = _both(make_app, srcdir)
    assert build_findings(app) == {("index.md", 5, "after-workshop"), ("conf.py", 5, "accepted-unused")}
    message = next(r["message"] for r in reports if r["subtype"] == "accepted-unused")
    assert "write ('index.md', 'Poster deadline', 'after-workshop', 'March 3, 2025')" in message


def test_checking_one_file_does_not_judge_items_about_other_files(tmp_path):
    srcdir = _accepted_project(tmp_path, extra='    ("other.md", "Deadline", "far-before", "June 6, 2022"),\n')
    (srcdir / "other.md").write_text("# Other\n", encoding="utf-8")
    result = command("check", "index.md", cwd=srcdir)
    assert result.returncode == 0, result.stdout
    whole = command("check", ".", cwd=srcdir)
    assert whole.returncode == 1 and "conf.py:6: accepted-unused" in whole.stdout


# --- conf.py as Sphinx reads it -----------------------------------------------------------------


def test_a_conf_py_with_a_byte_order_mark_is_read(tmp_path):
    srcdir = _accepted_project(tmp_path, poster="March 3, 2026")
    conf = srcdir / "conf.py"
    conf.write_bytes(b"\xef\xbb\xbf" + conf.read_bytes())
    result = command("check", ".", cwd=srcdir)
    assert result.returncode == 1
    assert "index.md:5: after-workshop" in result.stdout


def test_augmented_and_tuple_assignments_are_read_as_sphinx_runs_them(make_app, tmp_path):
    srcdir = _accepted_project(tmp_path, poster="March 3, 2026")
    conf = srcdir / "conf.py"
    text = conf.read_text()
    text = text.replace('calm_dates_workshop = "December 2024"\n', 'calm_dates_workshop, other = "December 2024", 1\n')
    text += 'calm_dates_accepted += [("index.md", "Poster deadline", "after-workshop", "March 3, 2026")]\n'
    conf.write_text(text)
    app, result, reports = _both(make_app, srcdir)
    # The appended item accepts the new date; the first one (old date) accepts nothing.
    assert build_findings(app) == {("conf.py", 5, "accepted-unused")}
    assert {(r["path"], r["line"], r["subtype"], r["accepted"]) for r in reports} == {
        ("index.md", 5, "after-workshop", True),
        ("conf.py", 5, "accepted-unused", False),
    }


@pytest.mark.parametrize(
    "assignment",
    [
        'if True:\n    calm_dates_workshop = "November 2024"\n',
        'import os\ncalm_dates_workshop = os.environ.get("WORKSHOP", "November 2024")\n',
        "for _ in range(1):\n    calm_dates_max_lead_days = 10\n",
        'calm_dates_accepted.append(("index.md", "Workshop", "out-of-order", "December 14, 2024"))\n',
        "del calm_dates_workshop\n",
    ],
)
def test_a_value_the_command_cannot_know_is_named_and_exits_2(tmp_path, assignment):
    srcdir = _accepted_project(tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + assignment)
    result = command("check", ".", cwd=srcdir)
    assert result.returncode == 2
    assert result.stderr.startswith("calm-dates: error: conf.py: cannot tell the value of calm_dates_")
    assert "(line " in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_internal_error_exits_3_with_one_line_and_debug_shows_the_traceback(tmp_path, monkeypatch, capsys):
    import importlib

    cli = importlib.import_module("sphinxext.calm_dates.cli.main")

    def broken(*args, **kwargs):
        raise RuntimeError("something unexpected")

    srcdir = _accepted_project(tmp_path)
    monkeypatch.chdir(srcdir)
    monkeypatch.setattr(cli, "evaluate_block", broken)
    assert cli.main(["check", "."]) == 3
    error = capsys.readouterr().err
    assert error.strip() == (
        "calm-dates: internal error: RuntimeError: something unexpected (run with --debug for the traceback)"
    )
    with pytest.raises(RuntimeError):
        cli.main(["check", "--debug", "."])


def test_the_pre_commit_hook_also_runs_when_conf_py_changes():
    import yaml

    for path in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        config = yaml.safe_load((REPO / path).read_text())
        hooks = config if isinstance(config, list) else [h for repo in config["repos"] for h in repo["hooks"]]
        hook = next(h for h in hooks if h["id"] == "calm-dates")
        pattern = re.compile(hook["files"])
        assert pattern.search("conf.py") and pattern.search("docs/dates.md"), path
        # Checking the whole source folder: a changed conf.py can make any page wrong.
        assert hook.get("pass_filenames") is False, path


def test_an_item_path_written_with_dot_slash_is_the_same_file(make_app, tmp_path):
    srcdir = _accepted_project(tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace('("index.md", "Poster', '("./index.md", "Poster'))
    app, result, reports = _both(make_app, srcdir)
    assert build_findings(app) == set()
    assert result.returncode == 0 and [r["accepted"] for r in reports] == [True]


def test_exclude_patterns_hold_whichever_folder_is_checked(tmp_path):
    project = tmp_path / "project"
    (project / "docs" / "parts").mkdir(parents=True)
    (project / "conf.py").write_text('exclude_patterns = ["parts"]\ncalm_dates_workshop = "December 2024"\n')
    (project / "docs" / "parts" / "part.md").write_text("```{important-dates}\n* **Late:** March 3, 2025\n```\n")
    (project / "docs" / "index.md").write_text("# Home\n")
    for folder in ("docs", "."):
        result = command("check", folder, cwd=project)
        assert (result.returncode, result.stdout) == (0, ""), folder
