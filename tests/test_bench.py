"""The benchmark's smoke run: the script works end to end and reports every case (its figures are not
checked here: timings belong in `make bench`, not in tests)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import CHROMIUM, REPO


@pytest.fixture(scope="module")
def quick_run() -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick"], cwd=REPO, capture_output=True, text=True
    )


def _bench_module():
    spec = importlib.util.spec_from_file_location("calm_bench", REPO / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_bench_quick_run_prints_every_measure(quick_run):
    assert quick_run.returncode == 0, quick_run.stderr
    lines = quick_run.stdout.splitlines()
    assert "QUICK SMOKE RUN" in lines[0]
    rows = lines[3:]
    measures = [line.split("  ")[0] for line in rows]
    assert all(line.rstrip().endswith(("PASS", "MISS", "n/a")) for line in rows), rows
    assert any(m.startswith("clean build, real site") for m in measures)
    assert any(m.startswith("no-change rebuild: extension") for m in measures)
    assert any("pages: -j 1 and -j 2 pages byte-identical" in m for m in measures)
    identical = next(line for line in rows if "byte-identical" in line)
    assert identical.rstrip().endswith("PASS")
    weight = next(line for line in rows if "extension CSS + JS" in line)
    assert "calm_dates.css, calm_dates.js" in weight
    # The many-tables site against the same site with plain lists: clean, no-change rebuild, one-page edit.
    for case in ("clean build", "no-change rebuild", "one-page edit"):
        assert any("20-entry table, " + case + ": extension / plain lists" in m for m in measures), case
    html = next(line for line in rows if "dates.html itself" in line)
    assert " B gzipped" in html
    browser = [line for line in rows if line.startswith("browser")]
    if CHROMIUM:
        # dates.html and index.html at two widths in two states against plain lists, 1,000 rows at two
        # widths, and script work per minute on two pages.
        assert len(browser) == 2 * 2 * 2 + 2 + 2
        assert sum("layout shift" in line for line in browser) == 10
        assert sum("script work per minute" in line for line in browser) == 2
    else:
        assert browser and "skipped" in browser[0]
    lighthouse = [line for line in rows if line.startswith("Lighthouse")]
    assert lighthouse and "not in the quick run" in lighthouse[0]
    assert len(rows) == 15 + len(browser) + len(lighthouse)


def test_a_missed_goal_is_a_verdict_and_the_run_still_exits_0():
    bench = _bench_module()
    missed = bench.Row("a noisy ratio", "1.30", "<= 1.05", False)
    assert missed.verdict == "MISS"
    assert bench.exit_status([missed, bench.Row("other", "1", "report", None)]) == 0


def test_a_broken_measurement_is_an_error_row_and_exit_1(capsys):
    bench = _bench_module()

    def breaks():
        raise subprocess.CalledProcessError(2, ["sphinx-build"])

    rows = bench.measured("a build that fails", breaks)
    assert [row.verdict for row in rows] == ["ERROR"]
    assert "CalledProcessError" in rows[0].figure
    assert bench.exit_status(rows) == 1
    assert "Traceback" in capsys.readouterr().err
