"""Contributors' gates: `make check` fails on a new inconsistent date, lint passes, the CI workflow runs the targets."""

from __future__ import annotations

import re
import subprocess

import jsonschema
import pytest
import yaml

from conftest import REPO, VENV, copy_of_the_site, make_check, needs_make_venv, site_conf, vendored_schema


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


def _workflow() -> dict:
    # YAML 1.1 reads the key `on` as True; the schema expects the string.
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "docs.yml").read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True)
    return workflow


def _workflow_validator() -> jsonschema.protocols.Validator:
    schema = vendored_schema("github-workflows")
    return jsonschema.validators.validator_for(schema)(schema)


def test_the_workflow_is_valid_by_the_github_workflow_schema():
    assert [error.message for error in _workflow_validator().iter_errors(_workflow())] == []


def test_the_workflow_schema_rejects_a_broken_workflow():
    """The validation above can fail: a misspelt key and a step with neither `run` nor `uses` are caught."""
    broken = _workflow()
    broken["jobs"]["docs"]["run-on"] = broken["jobs"]["docs"].pop("runs-on")
    assert list(_workflow_validator().iter_errors(broken))
    empty_step = _workflow()
    empty_step["jobs"]["docs"]["steps"].append({"name": "does nothing"})
    assert list(_workflow_validator().iter_errors(empty_step))


def test_the_workflow_runs_on_github_ubuntu_with_playwrights_browser_and_caches():
    job = _workflow()["jobs"]["docs"]
    assert job["runs-on"] == "ubuntu-24.04"
    steps = job["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    # apt's chromium on ubuntu-24.04 is a snap wrapper: the browser comes from Playwright.
    assert "playwright install" in runs and "chromium" in runs
    assert not re.search(r"apt-get install[^\n]*\bchromium\b", runs)
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    node = next(step for step in steps if step.get("uses", "").startswith("actions/setup-node"))
    assert python["with"]["cache"] == "pip" and node["with"]["cache"] == "npm"
    assert (REPO / node["with"]["cache-dependency-path"]).is_file()
    assert (REPO / python["with"]["cache-dependency-path"]).is_file()


def test_the_date_annotations_never_stop_the_later_steps():
    steps = _workflow()["jobs"]["docs"]["steps"]
    annotate = next(i for i, step in enumerate(steps) if "--format github" in step.get("run", ""))
    assert steps[annotate].get("continue-on-error") is True
    tests = next(i for i, step in enumerate(steps) if step.get("run") == "make test")
    assert tests > annotate
    # The gates after the tests run even when the tests fail, so a pull request sees every problem.
    for step in steps[tests + 1 :]:
        assert "cancelled()" in step.get("if", ""), step
