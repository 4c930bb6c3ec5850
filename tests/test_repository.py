"""The files a repository is expected to have, packaging metadata, and `make linkcheck` without a network."""

from __future__ import annotations

import re
import socket
import subprocess
import tomllib
from importlib import metadata

import jsonschema
import yaml

from conftest import REPO, VENV, needs_make_venv, vendored_schema


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_license_is_mit_held_by_the_organisers():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert re.search(r"^Copyright \(c\) \d{4} The C♥LM organisers$", text, flags=re.MULTILINE)
    project = _pyproject()["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]


def test_the_build_backend_minimum_supports_a_license_expression():
    """PEP 639 (`license = "MIT"`, license-files) needs setuptools 77: the declared minimum must allow no older one."""
    requires = _pyproject()["build-system"]["requires"]
    setuptools = next(r for r in requires if r.startswith("setuptools"))
    minimum = re.fullmatch(r"setuptools>=(\d+)(?:\.\d+)*", setuptools)
    assert minimum and int(minimum[1]) >= 77, setuptools


def test_the_installed_metadata_carries_the_license():
    info = metadata.metadata("calm-workshop-site")
    assert info["License-Expression"] == "MIT"
    assert "LICENSE" in info.get_all("License-File")


def test_the_changelog_follows_keep_a_changelog():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog")
    assert "https://keepachangelog.com/" in text
    versions = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, flags=re.MULTILINE)
    assert versions[0] == ("Unreleased", "")
    assert all(date for _, date in versions[1:])
    assert (f"{_pyproject()['project']['version']}") in [name for name, _ in versions]
    sections = set(re.findall(r"^### (\w+)$", text, flags=re.MULTILINE))
    assert sections <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def test_editorconfig_matches_the_whitespace_hooks():
    text = (REPO / ".editorconfig").read_text(encoding="utf-8")
    assert text.count("root = true") == 1
    assert "insert_final_newline = true" in text and "trim_trailing_whitespace = true" in text
    assert re.search(r"\[Makefile\]\nindent_style = tab", text)


def test_the_pull_request_template_has_the_contributors_checklist():
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    checks = re.findall(r"^- \[ \] (.*)$", text, flags=re.MULTILINE)
    assert any("`make check`" in check for check in checks)
    assert any("`make test`" in check for check in checks)
    assert any("calm_dates_accepted" in check for check in checks)


def _issue_form() -> dict:
    return yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "wrong-date.yml").read_text(encoding="utf-8"))


def _issue_form_validator() -> jsonschema.protocols.Validator:
    schema = vendored_schema("github-issue-forms")
    return jsonschema.validators.validator_for(schema)(schema)


def test_the_wrong_date_issue_form_is_valid_by_githubs_schema():
    form = _issue_form()
    assert [error.message for error in _issue_form_validator().iter_errors(form)] == []
    assert "date" in form["name"].lower() and "wrong" in form["name"].lower()
    required = [item["id"] for item in form["body"] if item.get("validations", {}).get("required")]
    assert {"page", "entry", "correct"} <= set(required)


def test_the_issue_form_schema_rejects_a_broken_form():
    broken = _issue_form()
    broken["body"][1]["type"] = "date-picker"
    assert list(_issue_form_validator().iter_errors(broken))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: nothing listens there


@needs_make_venv
def test_linkcheck_says_the_network_is_unreachable_instead_of_listing_broken_links():
    result = subprocess.run(
        ["make", "-C", str(REPO), "-o", str(VENV / ".installed-stamp"), "linkcheck", f"VENV={VENV}"]
        + [f"LINKCHECK_PROBE=127.0.0.1:{_closed_port()}", "BUILDDIR=/nonexistent-linkcheck-output"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert "the network is unreachable" in result.stderr
    assert "broken" not in result.stdout + result.stderr


def test_readme_shows_the_two_commands_and_only_real_targets():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make html" in readme and "make test" in readme
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):.*## ", makefile, flags=re.MULTILINE))
    listed = set(re.findall(r"^\| `make ([a-z-]+)`", readme, flags=re.MULTILINE))
    assert listed and listed <= targets
