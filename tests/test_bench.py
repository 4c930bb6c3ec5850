"""The benchmark's smoke run: the script works end to end (its figures are not checked here)."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_bench_quick_run_prints_every_measure():
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "QUICK SMOKE RUN" in lines[0]
    measures = [line.split("  ")[0] for line in lines[3:]]
    assert len(measures) == 11
    assert any(m.startswith("clean build, real site") for m in measures)
    assert any(m.startswith("no-change rebuild: extension") for m in measures)
    assert any("pages: -j 1 and -j 2 pages byte-identical" in m for m in measures)
    identical = next(line for line in lines if "byte-identical" in line)
    assert identical.rstrip().endswith("PASS")
    weight = next(line for line in lines if "gzipped" in line)
    assert "calm_dates.css, calm_dates.js" in weight
