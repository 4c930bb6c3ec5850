"""Contributors' gates: `make check` fails on a new inconsistent date, lint passes, the CI workflow runs the targets."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from conftest import REPO, VENV, copy_of_the_site, make_check, needs_make_venv, site_conf


@needs_make_venv
def test_make_check_passes_with_only_the_accepted_findings(tmp_path):
    result = make_check(copy_of_the_site(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    # Each accepted finding is listed by calm-dates check, none is a warning of the build.
    assert result.stdout.count(": accepted ") == len(site_conf()["calm_dates_accepted"])


@needs_make_venv
def test_make_check_fails_on_a_new_inconsistent_date_and_lists_it(tmp_path):
    copy = copy_of_the_site(tmp_path)
    dates = copy / "docs" / "dates.md"
    lines = dates.read_text(encoding="utf-8").splitlines(keepends=True)
    # The new entry goes last in the table, a year after the workshop.
    start = next(i for i, line in enumerate(lines) if line.startswith("```{important-dates}"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("```"))
    lines.insert(end, "* **Poster deadline:** March 3, 2031\n")
    dates.write_text("".join(lines), encoding="utf-8")
    result = make_check(copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = end + 1
    assert f"docs/dates.md:{line}: after-workshop: 'Poster deadline' (March 3, 2031)" in output
    assert f"dates.md:{line}: WARNING: 'Poster deadline' (March 3, 2031) falls after the workshop" in output
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
