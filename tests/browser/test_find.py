"""Finding exercises in a real browser, internet blocked: the participant filter in the link, and chart pictures."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_browser import TIMEOUT, download_from, open_app, regions_drawn
from tests.conftest import SMALL_DATA

pytestmark = pytest.mark.browser


def test_participant_filter_round_trips_through_the_url(page, serve, blocked_requests, browser):
    server = serve(SMALL_DATA)
    open_app(page, server, "?participants=IRN")
    expect(regions_drawn(page)).to_have_count(2, timeout=TIMEOUT)  # Bravo-2019: two regions
    picker = page.get_by_test_id("stMultiSelect").filter(has_text="With countries")
    expect(picker.get_by_text("Iran (1)")).to_be_visible()
    expect(page.get_by_text(re.compile("with Iran")).first).to_be_visible()
    picker.get_by_role("button", name=re.compile("Remove")).first.click()
    expect(regions_drawn(page)).to_have_count(4, timeout=TIMEOUT)
    page.wait_for_function("() => !location.search.includes('participants')", timeout=TIMEOUT)
    page.get_by_role("combobox", name=re.compile("With countries")).click()
    page.get_by_role("option", name="Iran (1)").click()
    page.keyboard.press("Escape")
    expect(regions_drawn(page)).to_have_count(2, timeout=TIMEOUT)
    page.wait_for_function("() => location.search.includes('participants=IRN')", timeout=TIMEOUT)
    link = page.url
    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        fresh.route(re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])[a-z]+:"), lambda r: r.abort())
        other = fresh.new_page()
        other.goto(link)
        expect(regions_drawn(other)).to_have_count(2, timeout=TIMEOUT)
        expect(other.get_by_test_id("stMultiSelect").get_by_text("Iran (1)")).to_be_visible()
    finally:
        fresh.close()


def test_a_chart_saves_as_a_picture_with_the_citation_and_link(page, serve, blocked_requests, tmp_path):
    server = serve(SMALL_DATA)
    open_app(page, server, "?participants=IRN")
    expect(regions_drawn(page)).to_have_count(2, timeout=TIMEOUT)
    download = download_from(page, "Per year (SVG)")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.name == "drill-atlas_test-1_2016-2024_with-irn.per-year.svg"
    text = " ".join(t.strip() for t in ET.parse(path).getroot().itertext() if t.strip())
    assert "Drill Atlas, dataset version test-1, filtered to 2016–2024; with Iran, accessed 20" in text
    assert f"{server.url}/?participants=IRN&v=test-1" in text
    png = tmp_path / "timeline.png"
    download_from(page, "Timeline (PNG)").save_as(png)
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert all("127.0.0.1" not in url for url in blocked_requests)


def test_the_map_saves_as_a_png_with_its_citation_offline(page, serve, blocked_requests):
    from PIL import Image

    server = serve(SMALL_DATA)
    open_app(page, server, "?participants=IRN")
    expect(regions_drawn(page)).to_have_count(2, timeout=TIMEOUT)
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    with page.expect_download(timeout=TIMEOUT) as download:
        frame.get_by_role("button", name=re.compile("Save the map as a picture")).click()
    assert download.value.suggested_filename == "drill-atlas_test-1_2016-2024_with-irn.map.png"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "map-picture.png"  # for a human to look at
    download.value.save_as(path)
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()
    picture = Image.open(path).convert("RGB")
    assert picture.width == round(box["width"]) * 2 and picture.height > round(box["height"]) * 2
    band = picture.crop((0, picture.height - 30, picture.width // 2, picture.height))
    assert band.getextrema() != ((255, 255), (255, 255), (255, 255))  # the citation is written in the band
    colours = picture.crop((0, 0, picture.width, picture.height - 60)).getcolors(maxcolors=1 << 20)
    assert len(colours) > 20  # land, seas, regions: a map, not a blank frame
    assert all("127.0.0.1" not in url for url in blocked_requests)
