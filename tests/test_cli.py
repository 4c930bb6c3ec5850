"""The calm-dates command, run as a subprocess on real files; and its agreement with a Sphinx build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, calm_warnings

ROOTS = Path(__file__).parent / "roots"
CALM_DATES = Path(sys.executable).parent / "calm-dates"


def run(*args, cwd=REPO):
    result = subprocess.run([str(CALM_DATES), *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_the_command_is_installed_with_the_project():
    assert CALM_DATES.is_file()


def test_the_real_site_has_no_new_findings_and_each_accepted_item_accepts_one():
    # Whatever the organisers write: what is reported is accepted, and every accepted item is used.
    result = run("check", "--format", "json")
    assert result.returncode == 0, result.stdout
    reports = json.loads(result.stdout)
    assert all(report["accepted"] for report in reports)
    assert not any(report["subtype"] == "accepted-unused" for report in reports)


def test_findings_exit_1_with_path_line_subtype_message():
    result = run("check", ".", cwd=ROOTS / "test-seed")
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("index.md:10: far-before: 'Paper submission deadline' (June 6, 2022, 23:59 AoE)")
    assert len(result.stdout.splitlines()) == 10


def test_a_clean_file_exits_0(tmp_path):
    page = tmp_path / "dates.md"
    page.write_text("```{important-dates}\n:workshop: December 2024\n\n* Deadline: September 1, 2024\n```\n")
    result = run("check", str(page), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")


def test_only_new_findings_fail_the_check():
    result = run("check", ".", cwd=ROOTS / "test-accepted")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert sum(" accepted " in line for line in lines) == 4
    assert [line for line in lines if " accepted " not in line][0].startswith("index.md:7: out-of-order:")


def test_github_format_is_workflow_commands_with_escaping(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("```{important-dates}\n* A, b: 50%: June 40, 2024\n```\n")
    result = run("check", "--format", "github", "p.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("::warning file=p.md,line=2,title=calm_dates.invalid::'A, b': ")
    assert "50%25" in result.stdout or "does not exist" in result.stdout
    accepted = run("check", "--format", "github", ".", cwd=ROOTS / "test-accepted")
    assert accepted.stdout.count("::notice file=index.md,") == 4


def test_json_format(tmp_path):
    result = run("check", "--format", "json", ".", cwd=ROOTS / "test-seed")
    data = json.loads(result.stdout)
    assert {"path": "index.md", "line": 14, "subtype": "out-of-order"}.items() <= data[4].items()
    assert all(set(item) == {"path", "line", "subtype", "message", "accepted"} for item in data)


def test_list_shows_the_table_as_of_a_moment():
    result = run("list", "--now", "2022-06-01T00:00:00Z", "rst.rst", cwd=ROOTS / "test-seed")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "rst.rst:4: Dates (reST) (status as of 2022-06-01 00:00 UTC)"
    assert lines[1].split() == [
        "Paper",
        "submission",
        "deadline",
        "June",
        "6,",
        "2022,",
        "23:59",
        "AoE",
        "Next,",
        "Inconsistent",
    ]
    assert lines[4].endswith("Upcoming, Inconsistent")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "nowhere.md"], "nowhere.md: no such file or directory"),
        (["check", "--conf", "missing.py"], "missing.py: no such file"),
        (["check", "--timezone", "PST"], "--timezone: time zone 'PST' is ambiguous"),
        (["check", "--workshop", "Smarch 2024"], "--workshop: "),
        (["check", "--max-lead-days", "-1"], "--max-lead-days must be"),
        (["list", "--now", "yesterday"], "--now: 'yesterday' is not an ISO 8601 instant"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, args, message):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("calm-dates: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["check", "--format", "xml"]])
def test_argument_errors_exit_2(args):
    assert run(*args).returncode == 2


def test_a_file_that_is_not_utf8_is_a_usage_error(tmp_path):
    (tmp_path / "latin1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    result = run("check", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "latin1.md: not UTF-8 text" in result.stderr


def test_a_conf_py_that_does_not_parse_is_a_usage_error(tmp_path):
    (tmp_path / "conf.py").write_text("calm_dates_workshop = (\n")
    (tmp_path / "docs").mkdir()
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "conf.py:1: not valid Python" in result.stderr


def test_bad_conf_values_are_reported_at_their_line(tmp_path):
    shutil.copytree(ROOTS / "test-badconfig", tmp_path / "root")
    result = run("check", ".", cwd=tmp_path / "root")
    assert result.returncode == 1
    options = [line for line in result.stdout.splitlines() if ": option: " in line]
    # The same four values a build warns about, each at its own line.
    assert [line.split(": ")[0] for line in options] == ["conf.py:3", "conf.py:2", "conf.py:4", "conf.py:5"]


def test_the_command_imports_neither_sphinx_nor_docutils():
    code = (
        "import sys; from sphinxext.calm_dates.cli import main; main(['check', 'docs']);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'sphinx', 'docutils', 'myst_parser'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("root", ["seed", "bad", "options", "forms", "live", "accepted", "yaml"])
def test_the_command_and_a_sphinx_build_report_the_same_findings(make_app, tmp_path, root):
    srcdir = tmp_path / root
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    from_sphinx = sorted((name, line, subtype) for name, line, subtype, _ in calm_warnings(app.warning.getvalue()))
    result = run("check", "--format", "json", ".", cwd=srcdir)
    from_command = sorted(
        (Path(item["path"]).name, item["line"], item["subtype"])
        for item in json.loads(result.stdout)
        if not item["accepted"]
    )
    assert from_command == from_sphinx
    assert result.returncode == (1 if from_sphinx else 0)


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_a_file_that_cannot_be_read_is_a_usage_error():
    # /proc/self/mem is a regular file whose plain read fails (EIO), even for root.
    result = run("check", "/proc/self/mem")
    assert result.returncode == 2
    assert result.stderr.startswith("calm-dates: error: /proc/self/mem: cannot read: ")


def test_a_path_that_is_neither_file_nor_folder_is_a_usage_error(tmp_path):
    fifo = tmp_path / "dates.md"
    os.mkfifo(fifo)
    result = run("check", str(fifo))
    assert result.returncode == 2
    assert "dates.md: not a regular file or folder" in result.stderr


def test_yaml_options_colon_fences_and_code_samples(make_app, tmp_path):
    result = run("check", "--format", "json", ".", cwd=ROOTS / "test-yaml")
    found = [(item["line"], item["subtype"]) for item in json.loads(result.stdout)]
    assert found == [(9, "far-before"), (16, "invalid")]
