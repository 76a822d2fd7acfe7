"""Faults around a running app: tile servers unreachable, the server restarted under an open page,
a data file broken and mended while pages are open, an upload over the size cap.

Each test names the defence it guards in a comment.
"""

from __future__ import annotations

import re
import shutil
import time

import pytest
from playwright.sync_api import expect

from bench.server import APP, StreamlitServer
from tests.browser.conftest import EXTERNAL
from tests.conftest import SMALL_DATA
from tests.hardening.conftest import checksums

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TILE_HOSTS = re.compile(r"^https?://([a-z0-9-]+\.)*(basemaps\.cartocdn\.com|tile\.openstreetmap\.org)/")
TIMEOUT = 30_000
REGIONS = 4


def regions_drawn(page):
    return page.frame_locator(MAP_FRAME).first.locator("path.da-region")


def map_centre(page) -> list:
    return page.frame_locator(MAP_FRAME).first.locator("body").evaluate(
        "() => { const m = Object.values(window).find(v => v && v._leaflet_id && v.getCenter); "
        "const c = m.getCenter(); return [c.lat, c.lng, m.getZoom()]; }"
    )


@pytest.fixture
def server_log(tmp_path):
    return tmp_path / "streamlit.log"


@pytest.mark.parametrize("failure", ["refused", "hanging"])
def test_unreachable_tiles_leave_a_working_offline_map(page, server_log, failure, screenshot):
    # Defence: the bundled land layer lies under the tile layer (layers.land, LAND_PANE below the
    # tile pane) and Leaflet loads tiles asynchronously, so with tile servers refusing or never
    # answering, the coast still shows, the regions draw, and the filters keep working.
    server = StreamlitServer(APP, SMALL_DATA, server_log, tiles=True)
    tile_requests: list[str] = []

    def tiles(route):
        tile_requests.append(route.request.url)
        if failure == "refused":
            route.abort("connectionrefused")
        # "hanging": never answer; the request stays pending until the page closes.

    try:
        # Playwright tries the last route added first: tiles get their own handler.
        page.context.route(EXTERNAL, lambda route: route.abort("internetdisconnected"))
        page.context.route(TILE_HOSTS, tiles)
        started = time.monotonic()
        page.goto(server.url)
        expect(regions_drawn(page)).to_have_count(REGIONS, timeout=TIMEOUT)
        expect(page.frame_locator(MAP_FRAME).first.locator(".leaflet-land-pane path")).not_to_have_count(
            0, timeout=TIMEOUT)
        drawn_after = time.monotonic() - started
        assert tile_requests, "the map asked for no tile: the test proves nothing"
        page.get_by_role("combobox", name="Exercises").click()
        page.get_by_role("option", name=re.compile("Bravo-2019")).click()
        page.keyboard.press("Escape")
        expect(regions_drawn(page)).to_have_count(2, timeout=TIMEOUT)
        screenshot(f"tiles-{failure}")
        assert drawn_after < 20, f"regions took {drawn_after:.1f} s with tiles {failure}"
        assert "Traceback" not in server.log()
    finally:
        page.context.unroute_all(behavior="ignoreErrors")
        server.stop()


def test_page_reconnects_after_a_server_restart_and_keeps_the_view(page, blocked_requests, server_log, screenshot):
    # Defence: the whole view lives in the URL (geodata.query; the map view written by
    # layers.viewsync without a rerun), and app.py restores it on a session's first run: the page
    # reconnects to a restarted server (a new session) and shows the same view, as does a reload.
    server = StreamlitServer(APP, SMALL_DATA, server_log)
    try:
        page.goto(f"{server.url}/?years=2019-2024")
        expect(regions_drawn(page)).to_have_count(3, timeout=TIMEOUT)
        page.get_by_role("combobox", name="Domain").click()
        page.get_by_role("option", name="Air").click()
        page.keyboard.press("Escape")
        expect(regions_drawn(page)).to_have_count(1, timeout=TIMEOUT)
        box = page.locator(MAP_FRAME).first.bounding_box()
        page.mouse.move(box["x"] + 300, box["y"] + 300)
        page.mouse.down()
        page.mouse.move(box["x"] + 220, box["y"] + 260, steps=5)
        page.mouse.up()
        page.wait_for_function("() => new URL(location.href).searchParams.has('z')", timeout=TIMEOUT)
        page.wait_for_timeout(1500)  # Leaflet's inertia: the last moveend writes the link
        before = page.evaluate("() => Object.fromEntries(new URL(location.href).searchParams)")
        centre = map_centre(page)
        assert before["domain"] == "air" and before["years"] == "2019-2024"

        server.kill()
        page.wait_for_timeout(1500)
        server.start()
        # The page reconnects by itself and reruns the app in a new session, with the URL it has.
        expect(regions_drawn(page)).to_have_count(1, timeout=60_000)
        expect(page.get_by_test_id("stMultiSelect").get_by_text("Air")).to_be_visible(timeout=TIMEOUT)
        page.wait_for_timeout(1000)
        after = page.evaluate("() => Object.fromEntries(new URL(location.href).searchParams)")
        assert {k: after.get(k) for k in ("years", "domain", "lat", "lon", "z")} == \
               {k: before.get(k) for k in ("years", "domain", "lat", "lon", "z")}
        restored = map_centre(page)
        one_pixel = 360 / (256 * 2 ** centre[2])
        assert restored[2] == centre[2]
        assert abs(restored[0] - centre[0]) < 2 * one_pixel and abs(restored[1] - centre[1]) < 2 * one_pixel

        page.reload()
        expect(regions_drawn(page)).to_have_count(1, timeout=TIMEOUT)
        screenshot("after-server-restart")
        assert "Traceback" not in server.log()
    finally:
        server.stop()


def test_broken_data_file_shows_an_error_to_every_page_and_mending_it_brings_the_map_back(
        page, context, blocked_requests, server_log, tmp_path):
    # Defence: the app reloads the data when a file changes (cache keyed on names, sizes and times),
    # shows a DataError instead of the map, keeps serving, and never writes to the data folder.
    data = tmp_path / "data"
    shutil.copytree(SMALL_DATA, data)
    good = (data / "regions.geojson").read_bytes()
    server = StreamlitServer(APP, data, server_log)
    other = context.new_page()
    try:
        for each in (page, other):
            each.goto(server.url)
            expect(regions_drawn(each)).to_have_count(REGIONS, timeout=TIMEOUT)
        kept = {name: digest for name, digest in checksums([data]).items() if not name.endswith("regions.geojson")}
        (data / "regions.geojson").write_bytes(good[: len(good) // 2])
        for each in (page, other):
            each.reload()
            expect(each.get_by_text(re.compile("regions.geojson: cannot be read as GeoJSON"))).to_be_visible(
                timeout=TIMEOUT)
        (data / "regions.geojson").write_bytes(good)
        for each in (page, other):
            each.reload()
            expect(regions_drawn(each)).to_have_count(REGIONS, timeout=TIMEOUT)
        assert {n: d for n, d in checksums([data]).items() if not n.endswith("regions.geojson")} == kept
        assert (data / "regions.geojson").read_bytes() == good
        assert "Traceback" not in server.log()
    finally:
        other.close()
        server.stop()


def test_upload_over_the_size_cap_is_refused_and_the_map_stays(page, blocked_requests, server_log, tmp_path):
    # Defence: server.maxUploadSize in .streamlit/config.toml (20 MB): the upload widget refuses a
    # larger file before sending it, and the app goes on serving its map.
    import tomllib

    from tests.conftest import ROOT

    cap_mb = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    big = tmp_path / "big.geojson"
    with big.open("wb") as handle:
        handle.truncate(cap_mb * 1024 * 1024 + 1)
    server = StreamlitServer(APP, SMALL_DATA, server_log)
    try:
        page.goto(server.url)
        expect(regions_drawn(page)).to_have_count(REGIONS, timeout=TIMEOUT)
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_text("Your own layer").click()
        sidebar.locator("input[type=file]").set_input_files(str(big))
        expect(sidebar.get_by_text(re.compile(rf"File must be {cap_mb}(\.0)?MB or smaller"))).to_be_visible(
            timeout=TIMEOUT)
        expect(regions_drawn(page)).to_have_count(REGIONS)
        assert "Traceback" not in server.log()
    finally:
        server.stop()
