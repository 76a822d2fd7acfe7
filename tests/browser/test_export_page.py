"""The exported HTML map, opened from disk in Chromium with no network at all."""

from __future__ import annotations

import re

import pytest

from geodata.filters import regions_for
from tests.unit.test_export import VERSION, export_map
from view.page import to_html_bytes

pytestmark = pytest.mark.browser


def test_html_draws_its_regions_from_disk_with_no_network(browser, small_dataset, tmp_path):
    shown = small_dataset.exercises
    path = tmp_path / "map.html"
    path.write_bytes(to_html_bytes(export_map(small_dataset, shown), version=VERSION, description="all"))
    requested: list[str] = []
    context = browser.new_context(offline=True)
    try:
        context.route(re.compile(r"^(?!file:|data:)"), lambda route: (requested.append(route.request.url), route.abort()))
        tab = context.new_page()
        tab.goto(path.as_uri())
        regions = tab.locator("path.da-region")
        regions.first.wait_for(timeout=30_000)
        tab.locator(".leaflet-pane path:not(.leaflet-interactive)").first.wait_for(state="attached", timeout=30_000)
        assert regions.count() == len(regions_for(small_dataset.regions, shown))
        assert tab.locator(".da-caption").inner_text() == "Drill Atlas · dataset version test-1 · all"
    finally:
        context.close()
    assert requested == []
