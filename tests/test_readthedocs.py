"""Read the Docs: the config is valid by RTD's own schema, and its html command builds the site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from conftest import REPO, SHARED, soup

SCHEMA = SHARED / "readthedocs" / "schema.json"


def _config() -> dict:
    return yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))


def test_config_is_valid_by_read_the_docs_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(_config(), schema)


def test_schema_rejects_a_broken_config():
    """The validation above can fail: a typo in a key is caught."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    broken = _config()
    broken["build"]["jobs"]["build"]["htm"] = broken["build"]["jobs"]["build"].pop("html")
    validator = jsonschema.Draft7Validator(schema)
    assert list(validator.iter_errors(broken))


def test_the_project_is_installed_from_pyproject():
    assert {"method": "pip", "path": "."} in _config()["python"]["install"]


def test_the_html_command_builds_the_site(tmp_path):
    commands = _config()["build"]["jobs"]["build"]["html"]
    env = {
        **os.environ,
        "READTHEDOCS_OUTPUT": str(tmp_path),
        # Read the Docs runs the commands with its virtualenv's python first on PATH.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    for command in commands:
        result = subprocess.run(command, shell=True, cwd=REPO, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
    html = tmp_path / "html"
    for page in ("index", "directions", "dates", "contact"):
        assert (html / f"{page}.html").is_file()
    assert soup(html / "dates.html").select("table.calm-dates tr.calm-date")
