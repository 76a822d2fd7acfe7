"""A pasted warning with two areas draws two shapes, each with its label written on the map."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_browser import MAP_FRAME, TIMEOUT, map_frame, open_app, regions_drawn
from tests.conftest import SMALL_DATA

pytestmark = pytest.mark.browser

TWO_AREAS = """NAVAREA XIII 100/24
SEA OF JAPAN. FIRING EXERCISES 100000Z TO 152359Z SEP 24 DAILY 0100Z TO 0800Z
A. 42-30N 133-00E, 42-30N 134-00E, 41-30N 134-00E, 41-30N 133-00E.
B. WITHIN 10 NM OF 45-00N 135-00E."""


def test_a_two_area_warning_draws_two_labelled_shapes(page, serve, blocked_requests, screenshot):
    server = serve(SMALL_DATA)
    open_app(page, server)
    expect(regions_drawn(page)).to_have_count(4, timeout=TIMEOUT)
    page.get_by_text("Notice text → area").click()
    box = page.get_by_label("Paste a navigational warning")
    box.fill(TWO_AREAS)
    box.press("Control+Enter")
    expect(page.get_by_text("Pasted notice — A (polygon, 4 positions)")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(MAP_FRAME)).to_have_count(1, timeout=TIMEOUT)  # the rerun's map replaced the old one
    frame = map_frame(page)
    expect(frame.locator("path.da-notice")).to_have_count(2, timeout=TIMEOUT)
    labels = frame.locator(".da-notice-label")
    expect(labels).to_have_text(["A", "B"], timeout=TIMEOUT)
    expect(labels.nth(0)).to_be_visible()
    expect(labels.nth(1)).to_be_visible()
    expect(page.get_by_text("Pasted notice — B (circle, 1 positions)")).to_be_visible()
    expect(page.get_by_text("In force (UTC): 2024-09-10 00:00 – 2024-09-15 23:59 UTC, daily 01:00–08:00 UTC"))\
        .to_have_count(2)
    screenshot("notice-two-areas")
    assert "Traceback" not in server.log()
