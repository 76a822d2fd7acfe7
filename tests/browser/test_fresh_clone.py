"""The dashboard from a fresh checkout: only the files git tracks, nothing published yet."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from bench.server import StreamlitServer
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def test_first_run_of_a_fresh_checkout_draws_the_map(page, blocked_requests, tmp_path):
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    checkout = tmp_path / "checkout"
    for name in tracked:
        if (ROOT / name).is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, checkout / name)
    server = StreamlitServer(checkout / "app.py", checkout / "geodata", tmp_path / "streamlit.log", cwd=checkout)
    try:
        page.goto(server.url)
        regions = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator("path.da-region")
        expect(regions.first).to_be_visible(timeout=60_000)
        assert "no static folder found" not in server.log()
    finally:
        server.stop()
