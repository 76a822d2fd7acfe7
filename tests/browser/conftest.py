"""Real-browser fixtures: `streamlit run` on 127.0.0.1 and Debian Chromium with the internet blocked."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from bench.server import APP, StreamlitServer
from tests.conftest import ROOT

CHROMIUM = os.environ.get("DRILL_ATLAS_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-results" / "screenshots"
EXTERNAL = re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])[a-z]+:")


@pytest.fixture(scope="session")
def serve(tmp_path_factory):
    """Start (once per data folder) and return a running ``streamlit run app.py``."""
    servers: dict[Path, StreamlitServer] = {}

    def start(data_dir: Path) -> StreamlitServer:
        if data_dir not in servers:
            log = tmp_path_factory.mktemp("server") / "streamlit.log"
            servers[data_dir] = StreamlitServer(APP, data_dir, log)
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
