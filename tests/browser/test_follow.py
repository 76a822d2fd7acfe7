"""Find and follow (issue 13, items 1, 3, 4) in headless Chromium with the internet blocked.

The exercise list beside the map (hover marks, click focuses), the time brush on the charts,
"Clear all filters", and playback that skips empty months, names what it shows and keeps its
month in the link.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import SMALL_DATA

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 60_000
LAPTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
CHARTS = "[data-testid='stVegaLiteChart']"
STEP_LINE = re.compile(r"2024: \d+ exercises? active")
"""The line under the playback map."""


@pytest.fixture(scope="module")
def small(serve):
    return serve(SMALL_DATA)


def open_at(page, server, query: str = "", viewport=LAPTOP):
    page.set_viewport_size(viewport)
    page.goto(server.url + "/" + query)
    frame = page.frame_locator(MAP_FRAME).first
    expect(frame.locator("path.da-region").first).to_be_attached(timeout=TIMEOUT)
    return frame


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def row(page, exercise_id: str):
    return page.locator(f'button.da-row[data-exercise="{exercise_id}"]')


def test_hovering_a_row_marks_its_regions_and_routes(page, small, blocked_requests, screenshot):
    frame = open_at(page, small)
    expect(page.locator("button.da-row")).to_have_count(4, timeout=TIMEOUT)
    names = [name.strip() for name in page.locator("button.da-row .da-name").all_inner_texts()]
    assert [name.split()[0] for name in names] == ["Delta-2024", "Charlie-2024", "Bravo-2019", "Alpha-2016"]
    row(page, "bravo_2019").hover()  # two regions and a patrol route
    marked = frame.locator("path.da-hover")
    expect(marked).to_have_count(3, timeout=TIMEOUT)
    marks = marked.evaluate_all("ps => ps.map(p => p.dataset.region || p.dataset.exercise)")
    assert sorted(marks) == ["bay_box", "bravo_2019", "north_sea_box"]
    expect(frame.locator(".leaflet-container.da-hovering")).to_have_count(1)
    assert marked.first.evaluate("p => getComputedStyle(p).strokeWidth") == "5px"
    assert frame.locator('path.da-region[data-region="dateline_box"]').evaluate("p => getComputedStyle(p).opacity") == "0.3"
    screenshot("follow-list-hover")
    row(page, "charlie_2024").hover()  # a region and its air patrol route
    expect(marked).to_have_count(2)
    marks = marked.evaluate_all("ps => ps.map(p => p.dataset.region || p.dataset.exercise)")
    assert sorted(marks) == ["charlie_2024", "dateline_box"]
    page.mouse.move(5, 700)  # off the list: nothing marked
    expect(marked).to_have_count(0)
    expect(frame.locator(".da-hovering")).to_have_count(0)
    row(page, "alpha_2016").focus()  # the keyboard marks too
    expect(frame.locator('path.da-hover[data-region="south_sea_box"]')).to_have_count(1)


def test_clicking_a_row_focuses_its_exercise(page, small, blocked_requests):
    frame = open_at(page, small)
    row(page, "bravo_2019").click()
    expect(page).to_have_url(re.compile(r"selected=bravo_2019"), timeout=TIMEOUT)
    expect(page.locator(".da-exercise")).to_contain_text("Bravo-2019", timeout=TIMEOUT)
    expect(frame.locator("path.da-region").first).to_be_attached(timeout=TIMEOUT)
    expect(row(page, "bravo_2019")).to_have_attribute("aria-current", "true", timeout=TIMEOUT)
    row(page, "alpha_2016").focus()
    page.keyboard.press("Home")  # arrows, Home and End move between rows; Enter focuses like a click
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"selected=delta_2024"), timeout=TIMEOUT)
    expect(page.locator(".da-exercise")).to_contain_text("Delta-2024", timeout=TIMEOUT)


def test_a_row_out_of_the_maps_view_says_so_until_its_click_brings_it_into_view(page, small, blocked_requests):
    frame = open_at(page, small)
    expect(row(page, "delta_2024")).to_be_visible(timeout=TIMEOUT)
    # The rest of the page comes once the map is drawn (view/after_map.py): pan after it, not before.
    expect(page.get_by_text("Playback by month")).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(500)
    frame.locator("body").evaluate(
        "() => Object.values(window).find(v => v && v._leaflet_id && v.setView).setView([-60, -30], 8, {animate: false})")
    page.mouse.move(5, 700)
    row(page, "delta_2024").hover()
    expect(row(page, "delta_2024")).to_have_class(re.compile(r"\bda-off-view\b"))
    box = row(page, "delta_2024").bounding_box()  # (a locator's click here reached no element of the page)
    page.mouse.click(box["x"] + 20, box["y"] + 20)  # the focus zooms the map to it: the note would be wrong
    expect(row(page, "delta_2024")).not_to_have_class(re.compile(r"\bda-off-view\b"))
    expect(row(page, "delta_2024")).to_have_attribute("aria-current", "true", timeout=TIMEOUT)
    expect(row(page, "delta_2024")).not_to_have_class(re.compile(r"\bda-off-view\b"))


def test_on_a_phone_the_list_is_under_the_map_and_folded(page, small, blocked_requests, screenshot):
    open_at(page, small, viewport=PHONE)
    summary = page.locator(".da-list summary")
    expect(summary).to_contain_text("4 exercises", timeout=TIMEOUT)
    the_map = page.locator(MAP_FRAME).first.bounding_box()
    assert summary.bounding_box()["y"] >= the_map["y"] + the_map["height"]
    expect(page.locator("button.da-row").first).to_be_hidden()
    summary.click()
    expect(page.locator("button.da-row").first).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot("follow-list-phone")


def drag_across(page, chart, start: float, end: float) -> None:
    """Drag across a chart's plot from ``start`` to ``end`` (shares of its width), slowly, like a hand."""
    chart.scroll_into_view_if_needed()
    box = chart.locator("svg").first.bounding_box()
    y = box["y"] + box["height"] - 60
    x0, x1 = box["x"] + box["width"] * start, box["x"] + box["width"] * end
    page.mouse.move(x0, y)
    page.mouse.down()
    for step in range(1, 13):
        page.mouse.move(x0 + (x1 - x0) * step / 12, y)
        page.wait_for_timeout(40)
    page.mouse.up()


def test_a_brush_on_the_years_chart_sets_the_slider_and_the_url(page, small, blocked_requests, screenshot):
    open_at(page, small)
    counts = page.locator(CHARTS).nth(1)
    expect(counts).to_contain_text("Exercises per year", timeout=TIMEOUT)
    drag_across(page, counts, 0.45, 0.78)
    expect(page).to_have_url(re.compile(r"years=\d{4}-\d{4}"), timeout=TIMEOUT)
    first, last = map(int, params(page)["years"][0].split("-"))
    assert 2016 < first <= last < 2024
    slider = page.get_by_test_id("stSlider")
    expect(slider).to_contain_text(str(first), timeout=TIMEOUT)
    expect(slider).to_contain_text(str(last))
    # the slider moves the brush: one year more on the left, and the chart draws the brush there
    page.get_by_role("slider").first.focus()
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(rf"years={first - 1}-{last}"), timeout=TIMEOUT)
    brush = page.locator(CHARTS).nth(1).locator("g.brush_brush_bg path")
    expect(brush).to_have_count(1, timeout=TIMEOUT)
    expect(brush).to_have_attribute("d", re.compile(r"^M\d"), timeout=TIMEOUT)
    assert brush.evaluate("p => p.getBBox().width") > 20
    screenshot("follow-brush")


def test_a_brush_on_the_timeline_narrows_the_years(page, small, blocked_requests):
    open_at(page, small)
    timeline = page.locator(CHARTS).first
    expect(timeline).to_contain_text("Exercises by series", timeout=TIMEOUT)
    drag_across(page, timeline, 0.25, 0.6)
    expect(page).to_have_url(re.compile(r"years=\d{4}"), timeout=TIMEOUT)
    assert "selected" not in params(page)


def test_clear_all_resets_every_filter_and_the_url(page, small, blocked_requests):
    open_at(page, small, "?years=2019-2024&domain=naval&q=a&selected=delta_2024")
    expect(page.locator(".da-head")).to_contain_text("Delta-2024", timeout=TIMEOUT)
    page.get_by_role("button", name="Clear all filters").click()
    expect(page).not_to_have_url(re.compile(r"years=|domain=|q=|selected="), timeout=TIMEOUT)
    expect(page.locator(".da-head")).to_contain_text("4 exercises", timeout=TIMEOUT)
    expect(page.get_by_test_id("stSlider")).to_contain_text("2016")
    expect(page.locator("button.da-row")).to_have_count(4, timeout=TIMEOUT)
    expect(page.get_by_role("button", name="Clear all filters")).to_be_disabled()


def test_playback_skips_empty_months_and_names_what_it_shows(page, small, blocked_requests, screenshot):
    open_at(page, small, "?years=2024")
    page.get_by_text("Playback by month").click()
    line = page.get_by_text(STEP_LINE)
    expect(line).to_contain_text("July 2024: 1 exercise active — Charlie-2024", timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"play=2024-07"), timeout=TIMEOUT)
    page.get_by_text("▶ Play").click()
    seen = set()
    for _ in range(300):  # read the line as it changes, up to 30 s
        seen.add(line.first.inner_text(timeout=TIMEOUT) if line.count() else "")
        if any("September" in text for text in seen):
            break
        page.wait_for_timeout(100)
    assert not any("August" in text for text in seen), seen
    expect(line).to_contain_text("September 2024: 1 exercise active — Delta-2024", timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"play=2024-09"), timeout=TIMEOUT)
    screenshot("follow-playback")


@pytest.mark.parametrize(("month", "shown"), [("2024-09", "September 2024"), ("2024-08", "September 2024")])
def test_a_play_link_opens_playback_on_its_month(page, small, blocked_requests, month, shown):
    page.goto(small.url + f"/?years=2024&play={month}")
    line = page.get_by_text(STEP_LINE)
    expect(line).to_contain_text(f"{shown}: 1 exercise active — Delta-2024", timeout=TIMEOUT)
    expect(page.get_by_role("switch", name="Playback by month")).to_be_checked()
    expect(page).to_have_url(re.compile(r"play=2024-09"), timeout=TIMEOUT)


def test_a_click_on_a_timeline_bar_still_focuses_it(page, small, blocked_requests):
    open_at(page, small)
    timeline = page.locator(CHARTS).first
    expect(timeline).to_contain_text("Exercises by series", timeout=TIMEOUT)
    timeline.scroll_into_view_if_needed()
    bar = timeline.locator("g.mark-rect.role-mark.marks path").first  # the oldest: Alpha-2016
    page.emulate_media(reduced_motion="reduce")
    bar.click(force=True)
    expect(page).to_have_url(re.compile(r"selected=alpha_2016"), timeout=TIMEOUT)
    assert "years" not in params(page), "a click is not a brush"
    wait_for_the_map_in_sight(page)  # the charts are under the map: the page goes up to it


def wait_for_the_map_in_sight(page) -> None:
    header = page.get_by_test_id("stHeader").bounding_box()
    clear = header["y"] + header["height"]
    for _ in range(50):
        top = map_top(page)
        if top is not None and top >= clear:
            break
        page.wait_for_timeout(100)
    top = map_top(page)
    assert top is not None and clear <= top <= clear + 40


def map_top(page) -> float | None:
    """The map frame's top in the viewport, or None while the rerun that focuses a row swaps the frame."""
    box = page.locator(MAP_FRAME).first.bounding_box()
    return None if box is None else box["y"]


def test_on_a_phone_a_row_tapped_under_the_map_brings_the_map_into_sight(page, small, blocked_requests, screenshot):
    """The list is under the map on a phone: a tap zoomed the map off screen, and the reader saw nothing move."""
    page.emulate_media(reduced_motion="reduce")
    open_at(page, small, viewport=PHONE)
    page.locator(".da-list summary").click()
    page.locator("[data-testid=stMain]").evaluate("(main) => main.scrollBy(0, 450)")
    page.wait_for_timeout(300)
    assert map_top(page) < 0
    row(page, "bravo_2019").click()
    expect(page).to_have_url(re.compile(r"selected=bravo_2019"), timeout=TIMEOUT)
    wait_for_the_map_in_sight(page)
    screenshot("follow-row-phone-map-in-sight")


def test_a_row_chosen_with_the_map_in_sight_leaves_the_page_where_it_is(page, small, blocked_requests):
    open_at(page, small)
    main = page.locator("[data-testid=stMain]")
    main.evaluate("(main) => main.scrollBy(0, 10)")  # the map's top stays clear of the header
    before = main.evaluate("(main) => main.scrollTop")
    row(page, "bravo_2019").click()
    expect(page).to_have_url(re.compile(r"selected=bravo_2019"), timeout=TIMEOUT)
    expect(row(page, "bravo_2019")).to_have_attribute("aria-current", "true", timeout=TIMEOUT)
    page.wait_for_timeout(800)
    assert main.evaluate("(main) => main.scrollTop") == before

