"""Real-browser fixtures: `streamlit run` on 127.0.0.1 and Debian Chromium with the internet blocked."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("DRILL_ATLAS_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-results" / "screenshots"
EXTERNAL = re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])[a-z]+:")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """One `streamlit run app.py` process serving a data folder."""

    def __init__(self, data_dir: Path, log_path: Path, app_dir: Path = ROOT):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        env = {**os.environ, "DRILL_ATLAS_DATA_DIR": str(data_dir), "DRILL_ATLAS_TILES": "off"}
        self._log = open(log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=app_dir, env=env, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.read().decode().strip() == "ok":
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        pytest.fail(f"streamlit did not become healthy; log:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@pytest.fixture(scope="session")
def serve(tmp_path_factory):
    """Start (once per data folder) and return a running AppServer."""
    servers: dict[Path, AppServer] = {}

    def start(data_dir: Path) -> AppServer:
        if data_dir not in servers:
            log = tmp_path_factory.mktemp("server") / "streamlit.log"
            servers[data_dir] = AppServer(data_dir, log)
        return servers[data_dir]

    yield start
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


@pytest.fixture
def blocked_requests(context):
    """Abort every request that leaves this machine, and record it: the app must not need the internet."""
    blocked: list[str] = []

    def abort(route):
        blocked.append(route.request.url)
        route.abort("internetdisconnected")

    context.route(EXTERNAL, abort)
    return blocked


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-results/screenshots/ for a human to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def hostile_data(tmp_path_factory) -> Path:
    """The small data set with hostile text in every text field of one record and one region."""
    from tests.browser.hostile import write_hostile_data

    target = tmp_path_factory.getbasetemp() / "hostile-data"
    if not target.exists():
        shutil.copytree(ROOT / "tests" / "data" / "small", target)
        write_hostile_data(target)
    return target
