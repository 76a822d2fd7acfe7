"""Observed positions in a real browser: the points of a patrol appear, and a click opens what was seen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from geodata.schema import DATA_DIR

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 90_000


def test_a_patrols_observed_positions_appear_and_open_their_popup(page, serve, blocked_requests, screenshot):
    server = serve(DATA_DIR)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(server.url + "/?exercise=joint_naval_patrol_2021")
    frame = page.frame_locator(MAP_FRAME).first
    points = frame.locator("path.da-observation")
    expect(points).to_have_count(5, timeout=TIMEOUT)
    expect(frame.locator(".da-legend")).to_contain_text("observed by a defence ministry")
    box = points.first.bounding_box()
    page.wait_for_timeout(800)
    points.first.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Japan Joint Staff Office", timeout=TIMEOUT)
    expect(popup).to_contain_text("Source:")
    assert box["width"] > 6
    screenshot("observed-positions")
