"""Contributors' gates: `make check` fails on a new inconsistent date, lint passes, the CI workflow runs the targets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

VENV = Path(sys.executable).parent.parent


def _copy_of_the_site(tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(
        REPO, copy, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "node_modules", "*.egg-info", ".*cache")
    )
    return copy


def _make_check(copy: Path) -> subprocess.CompletedProcess:
    # -o: take this project's venv as it is (the copy must not reinstall into it).
    stamp = VENV / ".installed-stamp"
    return subprocess.run(
        ["make", "-C", str(copy), "-o", str(stamp), "check", f"VENV={VENV}"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1732492800"},
    )


@pytest.mark.skipif(not (VENV / ".installed-stamp").exists(), reason="needs the venv that make creates")
def test_make_check_passes_with_only_the_accepted_findings(tmp_path):
    result = _make_check(_copy_of_the_site(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": accepted ") == 5


@pytest.mark.skipif(not (VENV / ".installed-stamp").exists(), reason="needs the venv that make creates")
def test_make_check_fails_on_a_new_inconsistent_date_and_lists_it(tmp_path):
    copy = _copy_of_the_site(tmp_path)
    dates = copy / "docs" / "dates.md"
    text = dates.read_text(encoding="utf-8")
    dates.write_text(text.replace("* **Workshop Date:**", "* **Poster deadline:** March 3, 2025\n* **Workshop Date:**"))
    result = _make_check(copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/dates.md:11: after-workshop: 'Poster deadline' (March 3, 2025)" in output
    assert "dates.md:11: WARNING: 'Poster deadline' (March 3, 2025) falls after the workshop" in output
    assert "[calm_dates.after-workshop]" in output


@pytest.mark.skipif(not (REPO / ".git").exists(), reason="pre-commit needs a git checkout")
def test_the_pre_commit_hooks_pass_on_every_file():
    result = subprocess.run(
        [str(VENV / "bin" / "pre-commit"), "run", "--all-files", "--show-diff-on-failure"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_workflow_runs_the_make_targets_and_uploads_the_site():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "docs.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["docs"]["steps"]
    commands = [step.get("run", "") for step in steps]
    for command in ("make test", "make check", "make lint", "make html"):
        assert any(command in run for run in commands), command
    assert any("calm-dates check --format github" in run for run in commands)
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "_build/html"
