"""Share links carry a pasted notice, drawn shapes and the layers switched on, into a fresh browser."""

from __future__ import annotations

import random
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import EXTERNAL
from tests.browser.test_browser import MAP_FRAME, TIMEOUT, map_frame, open_app, regions_drawn
from tests.conftest import SMALL_DATA

pytestmark = pytest.mark.browser

NOTICE = """HYDROPAC 2345/24. SEA OF JAPAN. FIRING EXERCISES 150000Z TO 182359Z JUL 24
IN AREA BOUND BY 42-30.00N 131-45.00E, 42-30.00N 132-15.00E, 42-00.00N 132-15.00E, 42-00.00N 131-45.00E."""


def shapes_param(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("shapes", [""])[0]


def fresh_page(browser):
    """A new browser context (no cookies, no storage, no session) with the internet blocked."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route(EXTERNAL, lambda route: route.abort("internetdisconnected"))
    return context, context.new_page()


def paste_notice(page, text: str) -> None:
    page.get_by_text("Notice text → area").click()
    box = page.get_by_label("Paste a navigational warning")
    box.fill(text)
    box.press("Control+Enter")


def draw_rectangle(page) -> None:
    expect(page.locator(MAP_FRAME)).to_have_count(1, timeout=TIMEOUT)  # a rerun's map has replaced the old one
    frame = map_frame(page)
    frame.locator(".leaflet-draw-draw-rectangle").click()
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(box["x"] + 500, box["y"] + 250)
    page.mouse.down()
    page.mouse.move(box["x"] + 600, box["y"] + 330, steps=6)
    page.mouse.up()


def area_of(page, title: str) -> str:
    """The km² figure measured under the map for the shape titled ``title``."""
    heading = page.get_by_text(title, exact=True)
    expect(heading).to_be_visible(timeout=TIMEOUT)
    return page.get_by_test_id("stMetric").filter(has_text="Area").first.inner_text()


def test_a_link_with_a_notice_and_a_drawn_polygon_reopens_both_in_a_fresh_browser(
        page, serve, blocked_requests, browser, screenshot):
    server = serve(SMALL_DATA)
    open_app(page, server)
    expect(regions_drawn(page)).to_have_count(4, timeout=TIMEOUT)
    paste_notice(page, NOTICE)
    expect(page.get_by_text("Pasted notice (polygon, 4 positions)")).to_be_visible(timeout=TIMEOUT)
    page.wait_for_function("() => location.search.includes('shapes=')", timeout=TIMEOUT)
    notice_only = shapes_param(page.url)
    expect(map_frame(page).locator("path.da-notice")).to_have_count(1, timeout=TIMEOUT)
    draw_rectangle(page)
    expect(page.get_by_text("Drawn polygon", exact=True)).to_be_visible(timeout=TIMEOUT)
    page.wait_for_function(f"() => !location.search.includes('shapes={notice_only}&')"
                           f" && !location.search.endsWith('shapes={notice_only}')", timeout=TIMEOUT)
    measured = page.get_by_test_id("stMetric").filter(has_text="Area").nth(1).inner_text()
    link = page.url
    assert len(link) < 2_000
    panel = page.frame_locator('iframe[srcdoc*="copy-link"]')
    expect(panel.locator("#length")).to_have_text(re.compile(rf"^Link: {len(link):,} characters$"), timeout=TIMEOUT)

    context, fresh = fresh_page(browser)
    try:
        fresh.goto(link)
        expect(fresh.get_by_text("Drill Atlas").first).to_be_visible(timeout=TIMEOUT)
        expect(regions_drawn(fresh)).to_have_count(4, timeout=TIMEOUT)
        frame = map_frame(fresh)
        expect(frame.locator("path.da-notice")).to_have_count(1, timeout=TIMEOUT)
        expect(frame.locator("path.da-drawing")).to_have_count(1, timeout=TIMEOUT)
        expect(fresh.get_by_label("Paste a navigational warning")).to_have_value(NOTICE)
        expect(fresh.get_by_text("Pasted notice (polygon, 4 positions)")).to_be_visible()
        expect(fresh.get_by_text("Drawn polygon", exact=True)).to_be_visible(timeout=TIMEOUT)
        assert fresh.get_by_test_id("stMetric").filter(has_text="Area").nth(1).inner_text() == measured
        fresh.wait_for_timeout(1000)
        assert shapes_param(fresh.url) == shapes_param(link)
        fresh.screenshot(path=str(screenshot("share-link-reopened").parent / "share-link-reopened.png"),
                         full_page=True)
        # The reader goes on drawing: the link keeps the shape it opened with and adds the new one.
        draw_rectangle(fresh)
        expect(frame.locator("path.da-drawing")).to_have_count(2, timeout=TIMEOUT)
        expect(fresh.get_by_text("Drawn polygon (2 of 2)", exact=True)).to_be_visible(timeout=TIMEOUT)
        fresh.wait_for_function(f"() => !location.search.includes({shapes_param(link)!r})", timeout=TIMEOUT)
    finally:
        context.close()
    assert "Traceback" not in server.log()


def test_a_tampered_shapes_token_gets_a_message_and_the_map_stays(page, serve, blocked_requests):
    server = serve(SMALL_DATA)
    open_app(page, server)
    paste_notice(page, NOTICE)
    page.wait_for_function("() => location.search.includes('shapes=')", timeout=TIMEOUT)
    token = shapes_param(page.url)
    tampered = token[:10] + ("B" if token[10] != "B" else "C") + token[11:]
    open_app(page, server, f"?years=2024&shapes={tampered}")
    expect(page.get_by_text(re.compile("The shapes in this link are damaged"))).to_be_visible(timeout=TIMEOUT)
    expect(regions_drawn(page)).to_have_count(2, timeout=TIMEOUT)
    expect(map_frame(page).locator("path.da-notice")).to_have_count(0)
    open_app(page, server, "?shapes=" + "A" * 13_000)
    expect(page.get_by_text(re.compile("over the limit of 12,000"))).to_be_visible(timeout=TIMEOUT)
    expect(regions_drawn(page)).to_have_count(4, timeout=TIMEOUT)
    assert "Traceback" not in server.log()


def test_a_long_link_says_so(page, serve, blocked_requests):
    open_app(page, serve(SMALL_DATA))
    expect(regions_drawn(page)).to_have_count(4, timeout=TIMEOUT)
    rng = random.Random(5)
    positions = ", ".join(f"{rng.randint(30, 45)}-{rng.randint(0, 59):02d}.{rng.randint(0, 99):02d}N "
                          f"{rng.randint(120, 140)}-{rng.randint(0, 59):02d}.{rng.randint(0, 99):02d}E"
                          for _ in range(200))
    paste_notice(page, "AREA BOUND BY " + positions)
    page.wait_for_function("() => location.search.includes('shapes=')", timeout=TIMEOUT)
    assert len(page.url) > 2_000
    panel = page.frame_locator('iframe[srcdoc*="copy-link"]')
    expect(panel.locator("#length")).to_contain_text("over 2,000: some mail and chat programs cut such links",
                                                     timeout=TIMEOUT)
    expect(panel.locator("#citation")).to_contain_text(" … ")  # shown elided; the buttons copy it whole
    assert panel.locator("body").evaluate("body => body.getBoundingClientRect().height") < 600


def test_the_layers_switched_on_travel_in_the_link(page, serve, blocked_requests, browser):
    server = serve(SMALL_DATA)
    open_app(page, server)
    expect(regions_drawn(page)).to_have_count(4, timeout=TIMEOUT)
    frame = map_frame(page)
    adiz = frame.locator(".da-ref-label", has_text="East China Sea ADIZ")
    expect(adiz).to_have_count(0)
    frame.locator(".leaflet-control-layers").hover()
    frame.get_by_text(re.compile(r"^\s*ADIZ \(\d+\)")).click()
    expect(adiz).to_have_count(1, timeout=TIMEOUT)
    frame.get_by_text(re.compile(r"^\s*Routes \(")).click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('layers') !== null", timeout=TIMEOUT)
    layers = parse_qs(urlsplit(page.url).query)["layers"][0].split(",")
    assert "adiz" in layers and "routes" not in layers and "land" in layers
    # A drawing makes the app rewrite the address: the reader's layer choice is written again.
    draw_rectangle(page)
    page.wait_for_function("() => location.search.includes('shapes=')", timeout=TIMEOUT)
    page.wait_for_function("() => (new URLSearchParams(location.search).get('layers') || '').includes('adiz')",
                           timeout=TIMEOUT)

    context, fresh = fresh_page(browser)
    try:
        fresh.goto(page.url)
        expect(regions_drawn(fresh)).to_have_count(4, timeout=TIMEOUT)
        fresh_frame = map_frame(fresh)
        expect(fresh_frame.locator(".da-ref-label", has_text="East China Sea ADIZ")).to_have_count(1, timeout=TIMEOUT)
        overlays = fresh_frame.locator(".leaflet-control-layers-overlays label")
        expect(overlays.filter(has_text="Routes").locator("input")).not_to_be_checked()
        expect(overlays.filter(has_text="ADIZ").locator("input")).to_be_checked()
        expect(fresh_frame.locator("path.da-drawing")).to_have_count(1, timeout=TIMEOUT)
    finally:
        context.close()
    assert "Traceback" not in server.log()


def test_a_pan_survives_a_drawing_but_not_a_change_of_view(page, serve, blocked_requests):
    server = serve(SMALL_DATA)
    open_app(page, server)
    expect(regions_drawn(page)).to_have_count(4, timeout=TIMEOUT)
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(box["x"] + 300, box["y"] + 300)
    page.mouse.down()
    page.mouse.move(box["x"] + 200, box["y"] + 250, steps=5)
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('lat=')", timeout=TIMEOUT)
    panned = {k: v for k, v in parse_qs(urlsplit(page.url).query).items() if k in ("lat", "lon", "z")}
    draw_rectangle(page)  # the app writes shapes=; the map writes its view again
    page.wait_for_function("() => location.search.includes('shapes=')", timeout=TIMEOUT)
    page.wait_for_function("() => location.search.includes('lat=')", timeout=TIMEOUT)
    assert {k: v for k, v in parse_qs(urlsplit(page.url).query).items() if k in panned} == panned
    paste_notice(page, NOTICE)  # a change of view: the map is rebuilt and fits the notice
    expect(page.get_by_text("Pasted notice (polygon, 4 positions)")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(MAP_FRAME)).to_have_count(1, timeout=TIMEOUT)
    page.wait_for_timeout(2000)
    query = parse_qs(urlsplit(page.url).query)
    assert "shapes" in query and not {"lat", "lon", "z"} & set(query), query
    assert "Traceback" not in server.log()
