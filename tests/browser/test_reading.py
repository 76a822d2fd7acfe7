"""Map reading (issue "Map reading"): what a reader sees first on a laptop and on a phone, internet blocked.

Every test opens the app on the bundled data in headless Chromium at 1280×720 or 390×844 and
checks one thing a reader would trip over: where the map is, what it opens on, labels, popups,
clicks, headings and notices.
"""

from __future__ import annotations

import itertools
import re

import pytest
from playwright.sync_api import expect

from bench.server import APP, StreamlitServer
from geodata.loaders import load_dataset
from geodata.schema import DATA_DIR
from layers.labels import PX_PER_TOWN, TOWN_GAP_PX
from tests.conftest import SMALL_DATA
from view.after_map import WAITING_NOTE

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 90_000
LAPTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
LEAFLET_MAP = "Object.values(window).find(v => v && v._leaflet_id && v.getBounds)"


@pytest.fixture(scope="module")
def bundled(serve):
    return serve(DATA_DIR)


@pytest.fixture(scope="module")
def with_tiles(tmp_path_factory):
    """The small data served with tiles on, as hosted: the map's credits then name the tile sources."""
    server = StreamlitServer(APP, SMALL_DATA, tmp_path_factory.mktemp("tiles") / "streamlit.log", tiles=True)
    yield server
    server.stop()


def open_at(page, server, viewport, query: str = ""):
    page.set_viewport_size(viewport)
    page.goto(server.url + "/" + query)
    frame = page.frame_locator(MAP_FRAME).first
    expect(frame.locator("path.da-region").first).to_be_attached(timeout=TIMEOUT)
    page.wait_for_timeout(1200)
    return frame


def map_state(frame) -> dict:
    return frame.locator("body").evaluate(
        f"() => {{ const m = {LEAFLET_MAP}; const b = m.getBounds();"
        " return {zoom: m.getZoom(), south: b.getSouth(), north: b.getNorth(), west: b.getWest(), east: b.getEast()}; }"
    )


@pytest.mark.parametrize("viewport", [LAPTOP, {"width": 1440, "height": 900}], ids=["1280x720", "1440x900"])
def test_the_map_is_at_the_top_and_fills_most_of_a_laptop_screen(page, bundled, blocked_requests, viewport):
    open_at(page, bundled, viewport)
    box = page.locator(MAP_FRAME).first.bounding_box()
    assert box["y"] <= 200
    assert box["height"] >= 0.6 * viewport["height"]
    assert box["y"] + box["height"] <= viewport["height"]  # the whole map above the fold


def test_on_a_phone_the_map_comes_right_after_the_title(page, bundled, blocked_requests, screenshot):
    open_at(page, bundled, PHONE)
    title = page.get_by_text("Drill Atlas").first.bounding_box()
    box = page.locator(MAP_FRAME).first.bounding_box()
    assert box["y"] - (title["y"] + title["height"]) < 40
    assert box["y"] + box["height"] <= PHONE["height"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]  # nothing overflows
    screenshot("reading-phone")


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x720", "390x844"])
def test_what_is_under_the_map_stays_put_while_the_map_loads(page, bundled, blocked_requests, viewport):
    """The map's frame keeps its place from the first paint (``view.page_style.map_frame_css``).

    Without it the frame is 0 px high until its script reports its height: the toggle under the map
    stood 430 px higher for a moment, then jumped down, and a click in that moment was lost. What
    is first under the map is followed from the top of the map's row: the note that the rest of
    the page is coming while the map draws (``view.after_map``), then the playback toggle. The
    whole page above it moves once, by 68 px, when Streamlit's code for ``st.html`` arrives with
    the page's CSS (README, "Performance", known limits), which this frame cannot hold.
    """
    page.add_init_script(
        "window.__tops = []; setInterval(() => {"
        " const label = [...document.querySelectorAll('label, p.da-waiting')].find(l => l.offsetParent &&"
        f"   (l.textContent.includes('Playback by month') || l.textContent.includes({WAITING_NOTE!r})));"
        " const row = document.querySelector('[data-testid=stMainBlockContainer] [data-testid=stHorizontalBlock]');"
        " if (label && row) window.__tops.push([label.tagName,"
        "   Math.round(label.getBoundingClientRect().top - row.getBoundingClientRect().top)]); }, 5);"
    )
    open_at(page, bundled, viewport)
    expect(page.get_by_text("Playback by month")).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(1500)  # the toggle is followed for a while too (a busy page samples slower than every 5 ms)
    tops = page.evaluate("() => window.__tops")
    assert len(tops) > 50
    assert {tag for tag, _ in tops} == {"P", "LABEL"}  # the note while the map draws, then the toggle
    assert max(top for _, top in tops) - min(top for _, top in tops) <= 16, sorted(set(map(tuple, tops)))


def test_the_landing_view_shows_east_asian_waters_not_the_world(page, bundled, blocked_requests):
    state = map_state(open_at(page, bundled, LAPTOP))
    assert state["zoom"] >= 3
    assert state["south"] <= 21.0 and state["west"] <= 110.5  # the waters off Zhanjiang
    assert state["north"] >= 45.0 and state["east"] >= 140.0  # the Sea of Japan
    assert not (state["south"] <= -34.0)  # Cape Town is not in the first view
    assert "lat" not in page.url and "z=" not in page.url


def test_the_all_button_counts_the_regions_out_of_sight_and_shows_every_region(page, bundled, blocked_requests):
    frame = open_at(page, bundled, LAPTOP, "?years=2026")
    button = frame.locator(".da-show-all")
    expect(button).to_have_text(re.compile(r"^All\+[1-9]\d*$"))  # "+N" under "All": Cape Town's waters, at least
    expect(button).to_have_attribute("title", re.compile(r"outside the map: show every region$"))
    button.click()
    page.wait_for_timeout(1200)
    assert map_state(frame)["south"] <= -34.0  # Cape Town now in view
    expect(button).to_have_text("All")
    expect(button).to_have_attribute("title", "Show every region of this view")


def test_place_names_are_on_the_map_and_never_overlap(page, bundled, blocked_requests):
    frame = open_at(page, bundled, LAPTOP)
    labels = frame.locator(".da-label")
    expect(labels.filter(has_text="Sea of Japan")).to_have_count(1, timeout=TIMEOUT)
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    assert len(boxes) >= 5
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"] or \
                a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
            assert apart, (a, b)


def label_boxes_outside_the_map(frame) -> list[str]:
    return frame.locator("body").evaluate(
        "() => { const view = document.querySelector('.leaflet-container').getBoundingClientRect();"
        " return [...document.querySelectorAll('.da-label')].map((label) => [label.textContent,"
        "   label.getBoundingClientRect()]).filter(([, b]) => b.left < view.left || b.right > view.right ||"
        "   b.top < view.top || b.bottom > view.bottom).map(([text, b]) => `${text} ${Math.round(b.left)}`); }"
    )


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x720", "390x844"])
def test_no_place_name_is_cut_at_the_maps_edge(page, bundled, blocked_requests, viewport):
    # At 1280 px the landing map showed "…ssi (not disclosed)" and "…tonomous Region" at its left edge.
    frame = open_at(page, bundled, viewport)
    expect(frame.locator(".da-label").first).to_be_attached(timeout=TIMEOUT)
    assert label_boxes_outside_the_map(frame) == []
    names = frame.locator(".da-label").count()
    frame.locator("body").evaluate(f"() => {LEAFLET_MAP}.panBy([-150, 60], {{animate: false}})")
    page.wait_for_timeout(500)
    assert label_boxes_outside_the_map(frame) == []  # names are placed again after a pan
    assert frame.locator(".da-label").count() >= 3 and names >= 3


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x720", "390x844"])
def test_a_view_opened_on_one_exercise_names_its_area_without_a_move(page, bundled, blocked_requests, viewport):
    # Tsentr-2026 opened on a circle in blank land with no name: the names were placed before
    # Leaflet's stylesheet had loaded, judged outside the map, and placed again only on a move.
    frame = open_at(page, bundled, viewport, "?selected=tsentr_2026")
    name = frame.locator(".da-label", has_text="Chebarkul training ground (Chelyabinsk Oblast)")
    expect(name).to_be_visible(timeout=5_000)
    assert label_boxes_outside_the_map(frame) == []


def test_names_lie_above_the_observed_positions_and_let_their_clicks_through(page, bundled, blocked_requests):
    # "Sea of Japan" was drawn under the sightings along its coast, half hidden on the landing map.
    frame = open_at(page, bundled, LAPTOP)
    name = frame.locator(".da-label", has_text="Sea of Japan")
    expect(name).to_have_count(1, timeout=TIMEOUT)
    under = frame.locator("body").evaluate(
        "() => { const label = [...document.querySelectorAll('.da-label')].find((l) => l.textContent === 'Sea of Japan');"
        " const b = label.getBoundingClientRect(); const z = (e) => +getComputedStyle(e.closest('.leaflet-pane')).zIndex;"
        " const points = [...document.querySelectorAll('path.da-observation')];"
        " const hit = points.map((p) => p.getBoundingClientRect()).find((r) =>"
        "   r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom);"
        " return {above: z(label) > z(points[0]), x: hit && (hit.left + hit.right) / 2, y: hit && (hit.top + hit.bottom) / 2}; }"
    )
    assert under["above"]
    assert under["x"] is not None  # a point under the name, on the landing map at 1280x720
    box = page.locator(MAP_FRAME).first.bounding_box()
    page.mouse.click(box["x"] + under["x"], box["y"] + under["y"])
    expect(frame.locator(".leaflet-popup .da-observation")).to_be_visible(timeout=TIMEOUT)


def test_a_region_popup_fits_a_phone_map_clear_of_its_controls(page, bundled, blocked_requests, screenshot):
    frame = open_at(page, bundled, PHONE)
    frame.locator('path.da-region[data-region="sea_of_okhotsk"]').click(force=True)
    popup = frame.locator(".leaflet-popup")
    expect(popup).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(800)  # the popup pans the map to fit
    shown = popup.bounding_box()
    assert shown["width"] <= page.locator(MAP_FRAME).first.bounding_box()["width"]
    for control in (".leaflet-control-zoom", ".leaflet-draw", ".da-show-all"):
        other = frame.locator(control).first.bounding_box()
        if other:
            apart = shown["x"] >= other["x"] + other["width"] or other["x"] >= shown["x"] + shown["width"] or \
                shown["y"] >= other["y"] + other["height"] or other["y"] >= shown["y"] + shown["height"]
            assert apart, control
    screenshot("reading-phone-popup")
    # streamlit-folium reports a clicked feature as a "drawing": the page must not measure the region.
    page.wait_for_timeout(1500)
    expect(page.get_by_text("Your shapes")).to_have_count(0)


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x720", "390x844"])
def test_the_map_credits_never_cover_the_scale_bar(page, with_tiles, blocked_requests, viewport, screenshot):
    # With tiles on (as hosted), the attribution carries OpenStreetMap's and CARTO's credits; on a
    # phone it used to wrap across the whole map and hide the scale bar under it.
    frame = open_at(page, with_tiles, viewport)
    credits = frame.locator(".leaflet-control-attribution")
    expect(credits).to_contain_text("OpenStreetMap")
    expect(credits).to_contain_text("Natural Earth")
    scale, attribution = frame.locator(".leaflet-control-scale").bounding_box(), credits.bounding_box()
    screenshot(f"credits-{viewport['width']}")
    assert scale["x"] + scale["width"] <= attribution["x"] or scale["y"] + scale["height"] <= attribution["y"]
    map_box = page.locator(MAP_FRAME).first.bounding_box()
    assert attribution["x"] + attribution["width"] <= map_box["x"] + map_box["width"] + 1  # all of it in view
    # in Leaflet's 12 px, not folium's 16 px map text: a quarter less of the map's corner (with the
    # towns' credit, three lines of 17 px on a phone, two on a laptop; 67 and 45 px high at 16 px)
    assert credits.evaluate("element => getComputedStyle(element).fontSize") == "12px"
    assert attribution["height"] <= (3 if viewport is PHONE else 2) * 1.4 * 12 + 1


PLACE = ".da-label.da-town"
TILE_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)
"""A 1x1 picture, answered for every tile request where a test needs tiles that load."""


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x720", "390x844"])
def test_an_inland_range_is_shown_among_its_towns_offline(page, bundled, blocked_requests, viewport, screenshot):
    # Offline, Tsentr-2026 opened on one circle in blank land: the bundled land names nothing.
    frame = open_at(page, bundled, viewport, "?selected=tsentr_2026")
    expect(frame.locator(PLACE, has_text="Chelyabinsk")).to_be_visible(timeout=TIMEOUT)
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("Places: GeoNames")
    screenshot(f"towns-chebarkul-{viewport['width']}")
    crossing = frame.locator("body").evaluate(
        "() => { const over = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;"
        " const controls = [...document.querySelectorAll('.leaflet-control')].map((c) => c.getBoundingClientRect());"
        " const names = [...document.querySelectorAll('.da-label')];"
        " return names.filter((n) => n.matches('.da-town')).flatMap((n) => names.filter((m) => m !== n)"
        "   .map((m) => m.getBoundingClientRect()).concat(controls)"
        "   .filter((b) => over(n.getBoundingClientRect(), b)).map(() => n.textContent)); }"
    )
    assert crossing == []  # no town under another name, a button or the scale
    assert label_boxes_outside_the_map(frame) == []


def test_a_town_crowded_coast_names_only_a_few_towns_apart(page, bundled, blocked_requests):
    # Around Qingdao at zoom 8 every town of Shandong that fitted was named, 40 of them.
    frame = open_at(page, bundled, LAPTOP, "?selected=joint_sea_2012")
    expect(frame.locator(PLACE, has_text="Qingdao")).to_be_visible(timeout=TIMEOUT)
    size = frame.locator(".leaflet-container").bounding_box()
    assert 3 <= frame.locator(PLACE).count() <= round(size["width"] * size["height"] / PX_PER_TOWN)
    gaps = frame.locator("body").evaluate(
        "() => { const boxes = [...document.querySelectorAll('.da-town')].map((t) => t.getBoundingClientRect());"
        " return Math.min(...boxes.flatMap((a, i) => boxes.slice(i + 1).map((b) => Math.max("
        "   b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom)))); }"
    )
    assert gaps >= 2 * TOWN_GAP_PX - 1  # every two towns' names at least this far apart


def test_the_landing_map_fetches_no_towns_until_zoomed_in(page, bundled, blocked_requests):
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "/towns/" in request.url else None)
    frame = open_at(page, bundled, LAPTOP)
    expect(frame.locator(".da-label", has_text="Sea of Japan")).to_have_count(1, timeout=TIMEOUT)
    assert frame.locator(PLACE).count() == 0 and asked == []  # zoom 3: nothing more on the first paint
    frame.locator("body").evaluate(f"() => {LEAFLET_MAP}.setView([43.1, 131.9], 6, {{animate: false}})")
    expect(frame.locator(PLACE, has_text="Harbin")).to_be_visible(timeout=TIMEOUT)
    frame.locator("body").evaluate(f"() => {LEAFLET_MAP}.setView([35.0, 135.0], 6, {{animate: false}})")
    expect(frame.locator(PLACE, has_text="Osaka")).to_be_visible(timeout=TIMEOUT)
    assert len(asked) == 1  # fetched once, then cached in the page


def test_towns_give_way_to_tiles_that_load(page, with_tiles, context):
    # Tiles (as hosted, online) name towns themselves: the bundled names would print twice.
    context.route(re.compile(r"^https://[a-z]\.basemaps\.cartocdn\.com/"),
                  lambda route: route.fulfill(status=200, content_type="image/png", body=TILE_PNG))
    frame = open_at(page, with_tiles, LAPTOP, "?selected=alpha_2016")
    frame.locator("body").evaluate(f"() => {LEAFLET_MAP}.setView([43.1, 131.9], 7, {{animate: false}})")
    page.wait_for_timeout(1500)
    assert frame.locator(PLACE).count() == 0
    expect(frame.locator(".leaflet-control-attribution")).not_to_contain_text("GeoNames")


def test_a_clicked_region_gets_no_focus_rectangle(page, serve, blocked_requests):
    frame = open_at(page, serve(SMALL_DATA), LAPTOP, "?years=2016")
    region = frame.locator("path.da-region").first
    region.click(force=True)
    assert region.evaluate("(path) => getComputedStyle(path).outlineStyle") == "none"


def test_a_one_exercise_link_names_it_with_its_months_and_details(page, bundled, blocked_requests):
    open_at(page, bundled, LAPTOP, "?exercise=joint_sea_2024")
    head = page.locator(".da-head")
    expect(head).to_contain_text("Joint Sea-2024 · Jul 2024")
    expect(head).not_to_contain_text("2005")
    expect(page.locator(".da-exercise")).to_contain_text("Forces", timeout=TIMEOUT)  # the details panel
    page.get_by_role("tab", name="Timeline").click()
    axis = page.locator("[data-testid='stVegaLiteChart']").first
    expect(axis).to_contain_text(re.compile("Jul"), timeout=TIMEOUT)


def test_a_bad_link_gives_one_notice(page, bundled, blocked_requests):
    open_at(page, bundled, LAPTOP, "?years=abc&exercise=nope,nada&series=zzz&domain=sky&region=nowhere&z=99")
    alerts = page.get_by_test_id("stAlert")
    expect(alerts).to_have_count(1, timeout=TIMEOUT)
    expect(alerts.first).to_contain_text("abc")
    box = page.locator(MAP_FRAME).first.bounding_box()
    assert box["y"] + box["height"] <= LAPTOP["height"] + 120  # the map stays (nearly all) above the fold


def test_switching_the_adiz_layer_on_shows_its_name(page, bundled, blocked_requests):
    frame = open_at(page, bundled, LAPTOP, "?lat=29.5&lon=125.0&z=6")
    frame.locator(".leaflet-control-layers").hover()
    frame.get_by_text(re.compile(r"^\s*ADIZ")).click()
    expect(frame.locator(".da-ref-label").filter(has_text=re.compile("East China Sea"))).to_be_visible(
        timeout=TIMEOUT
    )


def test_a_reference_layer_is_fetched_once_when_switched_on_then_shows_names_and_popups(page, bundled,
                                                                                        blocked_requests):
    """Issue 17: a switched-off reference layer costs the map nothing until the reader switches it on."""
    requested = []
    page.on("request", lambda request: requested.append(request.url) if "/reference/" in request.url else None)
    frame = open_at(page, bundled, LAPTOP, "?lat=29.5&lon=125.0&z=6")

    def count(kind: str) -> int:
        return sum(1 for url in requested if re.search(rf"/app/static/outlines/[0-9a-f]{{12}}/reference/{kind}\.json$", url))

    expect(frame.locator(".da-ref-label").first).to_be_visible(timeout=TIMEOUT)  # strait gates: on at start
    assert count("straits") == 1 and count("adiz") == 0, requested
    assert frame.locator(".da-ref-label").filter(has_text=re.compile("ADIZ")).count() == 0
    toggle = frame.get_by_text(re.compile(r"^\s*ADIZ"))
    frame.locator(".leaflet-control-layers").hover()
    toggle.click()
    expect(frame.locator(".da-ref-label").filter(has_text="China: East China Sea ADIZ")).to_be_visible(timeout=TIMEOUT)
    assert count("adiz") == 1
    opened = frame.locator("body").evaluate(
        """() => {
            const map = Object.values(window).find(v => v instanceof L.Map);
            let found = false;
            map.eachLayer(layer => {
                if (!found && layer.feature && layer.feature.properties.label === "China: East China Sea ADIZ") {
                    layer.openPopup(); found = true;
                }
            });
            return found;
        }"""
    )
    assert opened
    popup = frame.locator(".leaflet-popup-content .da-reference")
    expect(popup).to_contain_text("Published:", timeout=TIMEOUT)
    expect(popup).to_contain_text("Sources:")
    # switched off and on again: drawn again from what was fetched, not fetched twice
    frame.locator(".leaflet-control-layers").hover()
    toggle.click()
    expect(frame.locator(".da-ref-label").filter(has_text="China: East China Sea ADIZ")).to_have_count(0)
    toggle.click()
    expect(frame.locator(".da-ref-label").filter(has_text="China: East China Sea ADIZ")).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(500)
    assert count("adiz") == 1 and count("straits") == 1, requested


def test_zone_names_switched_on_zoomed_out_sit_on_their_zones_once_zoomed_in(page, bundled, blocked_requests):
    # Names are hidden below zoom 6; hidden with display:none, Leaflet measured them as 0 px wide and
    # they came back half their width off their zone.
    frame = open_at(page, bundled, LAPTOP, "?lat=33.0&lon=126.0&z=5")
    frame.locator(".leaflet-control-layers").hover()
    frame.get_by_text(re.compile(r"^\s*ADIZ")).click()
    frame.locator(".leaflet-control-zoom-in").click()
    kadiz = frame.locator(".da-ref-label").filter(has_text="South Korea: KADIZ")
    expect(kadiz).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(800)
    offsets = frame.locator("body").evaluate(
        """() => {
            const map = Object.values(window).find(v => v instanceof L.Map);
            const out = [];
            map.eachLayer(layer => {
                const tip = layer.getTooltip && layer.getTooltip();
                if (!tip || !tip._container || !tip._container.classList.contains("da-ref-label") || !map.hasLayer(tip)) return;
                const box = tip._container.getBoundingClientRect(), frame = map.getContainer().getBoundingClientRect();
                const at = map.latLngToContainerPoint(tip.getLatLng());
                out.push([tip._container.textContent, box.x + box.width / 2 - frame.x - at.x, box.y + box.height / 2 - frame.y - at.y]);
            });
            return out;
        }"""
    )
    names = {name for name, _, _ in offsets}
    assert {"South Korea: KADIZ", "China: East China Sea ADIZ", "Taiwan: ADIZ"} <= names
    assert all(abs(dx) < 3 and abs(dy) < 3 for _, dx, dy in offsets), offsets


def test_a_zone_link_names_the_zone_and_the_details_say_what_the_route_crossed(page, bundled, blocked_requests):
    open_at(page, bundled, LAPTOP, "?zone=CN_ECS_ADIZ&selected=joint_air_patrol_2019_jul")
    expect(page.locator(".da-head")).to_contain_text("route entered China: East China Sea ADIZ", timeout=TIMEOUT)
    crossings = page.locator(".da-crossings")
    expect(crossings).to_contain_text("Entered China: East China Sea ADIZ", timeout=TIMEOUT)
    expect(crossings).to_contain_text("Routes are schematic")
    expect(page.get_by_test_id("stMultiSelect").get_by_text("China: East China Sea ADIZ")).to_be_attached()


def test_a_test_server_publishes_its_static_files_outside_the_checkout(page, blocked_requests, tmp_path):
    from bench.server import APP, ROOT, StreamlitServer

    before = sorted(p.relative_to(ROOT) for p in (ROOT / "static").rglob("*"))
    server = StreamlitServer(APP, SMALL_DATA, tmp_path / "streamlit.log")
    try:
        frame = open_at(page, server, LAPTOP)
        expect(frame.locator(".leaflet-land-pane path")).not_to_have_count(0, timeout=TIMEOUT)  # served from it
        assert (server.served_script.parent / "static" / "leaflet-1.9.3" / "leaflet.js").is_file()
    finally:
        server.stop()
    assert sorted(p.relative_to(ROOT) for p in (ROOT / "static").rglob("*")) == before


def test_zooming_in_fetches_finer_outlines_for_the_regions_in_view(page, bundled, blocked_requests):
    """Issue 17: the first map is light; the coast is true once the reader zooms in (files from the app, offline)."""
    fetched = []
    page.on("response", lambda response: fetched.append((response.url, response.status))
            if "/app/static/outlines/" in response.url else None)
    frame = open_at(page, bundled, LAPTOP)
    # the landing map carries what its zoom needs (the switched-on reference layers come from their files)
    assert [url for url, _ in fetched if "/reference/" not in url] == []
    zhanjiang = frame.locator('path.da-region[data-region="zhanjiang_waters"]')
    before = len(zhanjiang.get_attribute("d"))
    frame.locator("body").evaluate(f"() => {LEAFLET_MAP}.setView([21.0, 110.5], 10)")  # issue 17: zoom 10
    for _ in range(40):
        if any("/0.001/zhanjiang_waters.json" in url for url, _ in fetched):
            break
        page.wait_for_timeout(250)
    page.wait_for_timeout(500)
    assert ("/0.001/zhanjiang_waters.json", 200) in [(url[url.index("/0.001/"):], status) for url, status in fetched
                                                    if "/0.001/" in url]
    assert not any("/0.001/bering_sea.json" in url for url, _ in fetched)  # out of view: not fetched
    after = len(zhanjiang.get_attribute("d"))
    assert after > 2 * before
    assert blocked_requests == []  # nothing left the machine


@pytest.mark.parametrize(("viewport", "query"), [(LAPTOP, ""), (PHONE, ""), (PHONE, "?years=2024")],
                         ids=["1280x720", "390x844", "390x844-months"])
def test_every_word_of_both_charts_is_inside_the_chart(page, bundled, blocked_requests, viewport, query, screenshot):
    """On a phone the last year ("2025" cut to "202") and the legend's last domain ran off the right edge.

    Every shown text of the timeline and the chart per year (series names, years, counts, the legend)
    lies within its chart's box; labels Vega hides where they would overlap (opacity 0) are left out.
    A year's view has a tick each month, named "Jan 2024" at January.
    """
    open_at(page, bundled, viewport, query)
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(2, timeout=TIMEOUT)
    for chart in (charts.first, charts.last):
        expect(chart.locator("svg text", has_text="Drills by domain")).to_be_attached(timeout=TIMEOUT)
    charts.last.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    words = charts.evaluate_all(
        """(charts) => charts.map((chart) => {
            const box = chart.getBoundingClientRect();
            const shown = [...chart.querySelectorAll('svg text')].filter((text) =>
                text.textContent.trim() && +getComputedStyle(text).opacity > 0);
            return {left: box.left, right: box.right, count: shown.length,
                    outside: shown.map((text) => [text.textContent, text.getBoundingClientRect()])
                        .filter(([, r]) => r.left < box.left - 1 || r.right > box.right + 1)
                        .map(([text, r]) => `${text}: ${Math.round(r.left)}-${Math.round(r.right)}`)};
        })"""
    )
    screenshot(f"charts-{viewport['width']}{query and '-year'}")
    for chart in words:
        assert chart["count"] >= 10  # title, legend, axes
        assert chart["outside"] == [], (chart["left"], chart["right"], chart["outside"])
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x720", "390x844"])
def test_both_charts_name_the_newest_year_without_overlapping_years(page, bundled, blocked_requests, viewport):
    """On a phone Vega kept every fourth year counting from 2005, so the axis ended at "2025" under
    the 2026 bars and the record looked a year older than it is. Years are now named counting back
    from the newest: every year on a laptop, every third on a phone."""
    newest = str(load_dataset(DATA_DIR).exercises["end"].max().year)
    open_at(page, bundled, viewport)
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(2, timeout=TIMEOUT)
    for chart in (charts.first, charts.last):
        expect(chart.locator("svg text", has_text=newest)).to_be_attached(timeout=TIMEOUT)
    years = charts.evaluate_all(
        """(charts) => charts.map((chart) => [...chart.querySelectorAll('svg text')]
            .filter((text) => /^\\d{4}$/.test(text.textContent) && +getComputedStyle(text).opacity > 0)
            .map((text) => { const r = text.getBoundingClientRect(); return [text.textContent, r.left, r.right]; })
            .sort((a, b) => a[1] - b[1]))"""
    )
    for shown in years:
        names = [name for name, _, _ in shown]
        assert names[-1] == newest, names
        pairs = list(itertools.pairwise(shown))
        assert all(right <= next_left for (_, _, right), (_, next_left, _) in pairs), shown
        steps = {int(b) - int(a) for (a, _, _), (b, _, _) in pairs}
        assert steps == ({1} if viewport is LAPTOP else {3}), names


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x720", "390x844"])
def test_download_buttons_sit_side_by_side_and_show_their_whole_names(page, bundled, blocked_requests, viewport,
                                                                       screenshot):
    """On a phone the eight download buttons stood one under another, 450 px of buttons to scroll past.

    A laptop has each row of four on one line; a phone two to a line, none of their names cut.
    """
    open_at(page, bundled, viewport)
    buttons = page.get_by_test_id("stDownloadButton")
    expect(buttons).to_have_count(8, timeout=TIMEOUT)
    buttons.last.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    screenshot(f"downloads-{viewport['width']}")
    boxes = buttons.evaluate_all(
        """(buttons) => buttons.map((button) => {
            const box = button.getBoundingClientRect(), name = button.querySelector('p');
            return {top: Math.round(box.top), left: box.left, right: box.right, cut: name.scrollWidth > name.clientWidth,
                    name: name.textContent};
        })"""
    )
    assert not [box["name"] for box in boxes if box["cut"]]
    assert all(box["left"] >= 0 and box["right"] <= viewport["width"] for box in boxes)
    per_line = 4 if viewport is LAPTOP else 2
    lines = [boxes[start:start + per_line] for start in range(0, 8, per_line)]
    assert [len({box["top"] for box in line}) for line in lines] == [1] * len(lines), boxes
    assert len({line[0]["top"] for line in lines}) == len(lines)


def test_playback_its_months_line_and_its_whole_map_fit_a_laptop_screen(page, bundled, blocked_requests, screenshot):
    """Playback's controls took four rows and its map ran 100 px under a 720 px screen, the line saying
    what the month shows under it: a reader pressing Play saw neither the map's foot nor that line."""
    open_at(page, bundled, LAPTOP)
    page.get_by_text("Playback by month").click()
    line = page.get_by_text(re.compile(r"^August 2005: 1 exercise active"))
    expect(line).to_be_visible(timeout=TIMEOUT)
    page.evaluate("() => (document.querySelector('[data-testid=stMain]') || document.scrollingElement).scrollTo(0, 0)")
    frame = page.locator(".st-key-playback_slot " + MAP_FRAME)
    expect(frame).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(500)
    screenshot("playback-1280")
    box, line_box = frame.bounding_box(), line.bounding_box()
    assert line_box["y"] + line_box["height"] <= box["y"]  # the month's line above its map
    assert box["y"] + box["height"] <= LAPTOP["height"], box
    assert box["height"] >= 400
    assert page.get_by_role("switch", name="▶ Play").bounding_box()["y"] < 130  # the controls in one line under the heading


def test_a_playback_month_out_of_sight_widens_the_map_and_rings_its_small_area(page, bundled, blocked_requests,
                                                                               screenshot):
    """June 2012's one exercise, Peace Mission 2012 in Tajikistan, lay 5 px wide under the zoom buttons."""
    open_at(page, bundled, LAPTOP, "?play=2012-06")
    frame = page.frame_locator(".st-key-playback_slot " + MAP_FRAME)
    region = frame.locator("path.da-region")
    expect(region).to_have_count(1, timeout=TIMEOUT)
    expect(frame.locator(".da-ring")).to_have_count(1)
    page.wait_for_timeout(1500)  # the map flies to take it in
    screenshot("playback-widened")
    box = region.bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    view = page.locator(".st-key-playback_slot " + MAP_FRAME).bounding_box()
    assert view["x"] + 60 <= centre[0] <= view["x"] + view["width"] and view["y"] <= centre[1] <= view["y"] + view[
        "height"], (centre, view)


def test_a_small_area_has_a_ring_that_opens_it_until_its_name_shows(page, bundled, blocked_requests, screenshot):
    """The waters off Zhanjiang, where the record began, were a 7 px patch on the landing map."""
    frame = open_at(page, bundled, LAPTOP)
    zhanjiang = frame.locator('path.da-region[data-region="zhanjiang_waters"]')
    ring = frame.locator(".da-ring", has=frame.locator('[data-region="zhanjiang_waters"]'))
    expect(ring).to_be_visible(timeout=TIMEOUT)
    area, around = zhanjiang.bounding_box(), ring.bounding_box()
    assert area["width"] < 12 and around["width"] == 20, (area, around)
    assert around["x"] < area["x"] + area["width"] / 2 < around["x"] + around["width"]
    assert ring.locator("[title]").get_attribute("title") == "Waters off Zhanjiang"
    screenshot("ring-zhanjiang")
    page.mouse.click(around["x"] + 3, around["y"] + around["height"] / 2)  # on the ring, off the area
    expect(frame.locator(".leaflet-popup", has_text="Waters off Zhanjiang")).to_be_visible(timeout=TIMEOUT)
    frame.locator("body").evaluate(f"() => {LEAFLET_MAP}.setView([21.0, 111.0], 7, {{animate: false}})")
    expect(frame.locator(".da-label", has_text="Waters off Zhanjiang")).to_be_visible(timeout=TIMEOUT)
    expect(ring).to_be_hidden()  # the area is now wide enough to see, and named
