"""`make serve`: the real live-preview server follows conf.py through atomic saves (write a temporary
file, then rename it over conf.py, as sed -i, git checkout and editors' safe writes do)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import VENV, copy_of_the_site, needs_make_venv

pytestmark = pytest.mark.skipif(not (VENV / "bin" / "sphinx-autobuild").exists(), reason="needs the dev extra")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    return False


def _atomic_save(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@needs_make_venv
def test_make_serve_rebuilds_after_each_atomic_save_of_conf_py(tmp_path):
    copy = copy_of_the_site(tmp_path)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/index.html"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        ["make", "-C", str(copy), "-o", str(VENV / ".installed-stamp"), "serve", f"VENV={VENV}"]
        + [f"SERVEOPTS=--host 127.0.0.1 --port {port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        assert _wait_for(url, "<article", 120), (tmp_path / "serve.log").read_text()
        conf = copy / "conf.py"
        original = conf.read_text(encoding="utf-8")
        # Three saves: inotify on the file itself sees the first replacement, then loses the file.
        for n in (1, 2, 3):
            _atomic_save(conf, original + f'\nhtml_title = "Atomic save {n}"\n')
            assert _wait_for(url, f"Atomic save {n}", 60), (n, (tmp_path / "serve.log").read_text()[-3000:])
            # Polling compares modification times to the second: keep saves of equal size a second apart.
            time.sleep(1.1)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
