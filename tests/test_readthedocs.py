"""Read the Docs: the config is valid by the Read the Docs schema, and its html command builds the site
and fails on any new warning (so a pull-request preview with a wrong date goes red)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from conftest import REPO, copy_of_the_site, soup, vendored_schema


def _config(root: Path = REPO) -> dict:
    return yaml.safe_load((root / ".readthedocs.yaml").read_text(encoding="utf-8"))


def _validator() -> jsonschema.protocols.Validator:
    schema = vendored_schema("readthedocs")
    return jsonschema.validators.validator_for(schema)(schema)


def test_config_is_valid_by_the_read_the_docs_schema():
    errors = [error.message for error in _validator().iter_errors(_config())]
    assert errors == []


def test_schema_rejects_a_broken_config():
    """The validation above can fail: a typo in a key and a wrong type are caught."""
    broken = _config()
    broken["build"]["jobs"]["build"]["htm"] = broken["build"]["jobs"]["build"].pop("html")
    assert list(_validator().iter_errors(broken))
    wrong_type = _config()
    wrong_type["build"]["os"] = 24.04
    assert list(_validator().iter_errors(wrong_type))


def test_the_project_is_installed_from_pyproject():
    assert {"method": "pip", "path": "."} in _config()["python"]["install"]


def _run_html_commands(root: Path, output: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "READTHEDOCS_OUTPUT": str(output),
        # Read the Docs runs the commands with its virtualenv's python first on PATH.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    result = None
    for command in _config(root)["build"]["jobs"]["build"]["html"]:
        result = subprocess.run(command, shell=True, cwd=root, env=env, capture_output=True, text=True, check=False)
        if result.returncode:
            break
    return result


def test_the_html_command_builds_the_site(tmp_path):
    result = _run_html_commands(REPO, tmp_path)
    assert result.returncode == 0, result.stderr
    html = tmp_path / "html"
    for page in sorted((REPO / "docs").glob("*.md")):
        assert (html / f"{page.stem}.html").is_file()
    assert soup(html / "dates.html").select("table.calm-dates tr.calm-date")


def test_the_html_command_fails_on_a_new_wrong_date(tmp_path):
    """A pull request that adds an inconsistent date: the preview build goes red and names the line."""
    copy = copy_of_the_site(tmp_path)
    dates = copy / "docs" / "dates.md"
    text = dates.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("```{important-dates}")) + 1
    lines.insert(at, "* **Poster deadline:** March 3, 2031\n")
    dates.write_text("".join(lines), encoding="utf-8")
    result = _run_html_commands(copy, tmp_path / "out")
    assert result.returncode != 0
    assert f"dates.md:{at + 1}: WARNING: 'Poster deadline' (March 3, 2031)" in result.stderr
    assert "[calm_dates." in result.stderr
