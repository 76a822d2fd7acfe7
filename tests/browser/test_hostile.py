"""Hostile text everywhere text comes in: nothing runs, nothing is injected, and it shows as text.

Text comes in through every text field of the three data files and VERSION, through every URL
parameter, through a pasted notice (its text, name and source) and through an uploaded layer (its
file name, property names and values). The payloads try script tags, event handlers,
``javascript:`` links, Markdown links and images (which would fetch from outside), Streamlit's
own Markdown extras, Jinja template code, 10,000-character strings, right-to-left overrides and
zero-width characters. Each test checks, in the page and in every frame: no dialog opened, no
``window.__pwned`` flag set, no element injected (no element with an inline event handler, no
``javascript:`` link, no image pointing at ``x``), no request left the machine, and the payload
is visible as literal text where the app shows it.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import SMALL_DATA

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 30_000
REGIONS = 4
SCRIPT = "<script>window.__pwned='script'</script>"
IMG = "<img src=x onerror=\"window.__pwned='img'\">"
JS_LINK = "javascript:window.__pwned='link'"
MD_LINK = "[click](javascript:window.__pwned='md')"
MD_IMAGE = "![i](https://evil.invalid/pixel.png)"
BIDI = "\u202eevil\u202c zero\u200bwidth\ufeff"
TEMPLATE = "{{ 7*191 }}"
SOURCE_TITLE = f"&lt;b&gt; {TEMPLATE} {MD_LINK} {BIDI}"
"""A headline the validator lets through (no tag in it): shown as text, linked, nothing runs."""
HOSTILE = f"{IMG} {SCRIPT} {BIDI} {MD_LINK} {TEMPLATE}"
LONG = "L" * 10_000
VERSION = "![v](https://evil.invalid/v.png)"
"""At most 40 characters: VERSION is cut there."""
INJECTED = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (/^on/i.test(attr.name)) found.push(el.tagName + '[' + attr.name + ']');
        }
    }
    for (const a of document.querySelectorAll('a[href], area[href], iframe[src], form[action]')) {
        const url = a.getAttribute('href') || a.getAttribute('src') || a.getAttribute('action') || '';
        if (/^\\s*javascript:/i.test(url)) found.push(a.tagName + ' ' + url);
    }
    for (const img of document.querySelectorAll('img[src="x"], img[src*="evil"]')) found.push('img ' + img.src);
    for (const s of document.querySelectorAll('script')) {
        if (/^\\s*window\\.__pwned/.test(s.textContent)) found.push('script ' + s.textContent);
    }
    return {found: found, pwned: window.__pwned === undefined ? null : String(window.__pwned)};
}"""


def write_hostile_data(target: Path) -> None:
    """Copy the small data set and put hostile text into every text field of every file."""
    shutil.copytree(SMALL_DATA, target)
    path = target / "exercises.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    kept = rows[0]  # alpha_2016: free-text fields hostile, the row stays valid and is drawn
    for column in ("name", "name_ru", "name_zh", "series", "forces", "summary", "notes"):
        kept[column] = HOSTILE
    kept["sources"] += ";https://example.org/x?q=%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E"
    kept["name_sources"] = "https://example.org/names"  # a name in Russian or Chinese needs a source
    refused = {**kept, "exercise_id": SCRIPT, "domain": IMG, "participants": MD_LINK, "region_ids": IMG,
               "start_date": SCRIPT, "end_date": TEMPLATE, "sources": JS_LINK, "date_precision": BIDI}
    long = {**rows[1], "exercise_id": "long_text", "summary": LONG}
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([*rows, refused, long])
    # sources.csv: a publisher and a headline that pass validation yet carry markup, template code,
    # a Markdown link and bidi controls; a headline with a tag is refused and quoted.
    first_url, *_, hostile_url = kept["sources"].split(";")
    with (target / "sources.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["exercise_id", "url", "publisher", "language", "published", "title", "kind"])
        writer.writerow(["alpha_2016", first_url, IMG, "en", "2016-09-12", SOURCE_TITLE, "wire"])
        writer.writerow(["alpha_2016", hostile_url, "Paper", "en", "", SCRIPT, "press"])

    regions = json.loads((target / "regions.geojson").read_text())
    for feature in regions["features"]:
        if feature["properties"]["region_id"] == "south_sea_box":
            feature["properties"].update(name=HOSTILE, basis=HOSTILE, precision=HOSTILE, coast_km=HOSTILE,
                                         source=feature["properties"]["source"] + ";https://example.org/it's'onmouseover='x")
    bad = json.loads(json.dumps(regions["features"][0]))
    bad["properties"].update(region_id=IMG, kind=SCRIPT, name=LONG, source=JS_LINK, area_km2=MD_LINK)
    regions["features"].append(bad)
    (target / "regions.geojson").write_text(json.dumps(regions))

    routes = json.loads((target / "routes.geojson").read_text())
    first = routes["features"][0]["properties"]
    first.update(waypoints=";".join([HOSTILE] * len(first["waypoints"].split(";"))), straits=HOSTILE,
                 precision=HOSTILE)
    bad = json.loads(json.dumps(routes["features"][0]))
    bad["properties"].update(route_id=SCRIPT, route_kind=IMG, source=JS_LINK, exercise_id=MD_LINK)
    routes["features"].append(bad)
    (target / "routes.geojson").write_text(json.dumps(routes))



@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("hostile") / "data"
    write_hostile_data(target)
    return target


@pytest.fixture
def watched(page):
    """Dialogs the page opens (there must be none)."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def map_frame(page):
    """The dashboard's map (a second map, the playback's, may follow it in a tab)."""
    return page.frame_locator(MAP_FRAME).first


def assert_nothing_ran(page, dialogs: list[str], blocked: list[str]) -> None:
    """No dialog, no flag, no injected element in the page or any frame, no request to the outside."""
    page.wait_for_timeout(500)
    for frame in page.frames:
        try:
            result = frame.evaluate(INJECTED)
        except Exception as error:  # noqa: BLE001 - a frame being replaced while checked: check again
            page.wait_for_timeout(500)
            result = frame.evaluate(INJECTED) if not frame.is_detached() else {"found": [], "pwned": None}
            assert result is not None, error
        assert result == {"found": [], "pwned": None}, (frame.url[:80], result)
    assert dialogs == []
    assert blocked == [], blocked


def test_hostile_data_files_show_as_text_and_never_run(page, serve, blocked_requests, watched, hostile_dir,
                                                       screenshot):
    # Defences: layers.popups / layers.routes escape every data field before folium puts it into
    # popups, tooltips and layer names (innerHTML); validation refuses javascript: sources and quotes
    # refused values in plain-text problems (st.text); st.html gets escaped HTML.
    server = serve(hostile_dir)
    page.goto(f"{server.url}/?selected=alpha_2016")
    expect(map_frame(page).locator("path.da-region")).to_have_count(REGIONS, timeout=TIMEOUT)
    # The selected exercise's details, as HTML under the map.
    details = page.locator("div.da-exercise").first
    expect(details).to_contain_text(IMG, timeout=TIMEOUT)
    expect(details).to_contain_text("<script>window.__pwned='script'</script>")
    expect(details).to_contain_text(TEMPLATE)
    expect(details.locator("ol.da-sources li").first).to_contain_text(IMG + " (en) · 2016-09-12")
    expect(details.locator("ol.da-sources a").first).to_have_text(SOURCE_TITLE)
    # The refused rows and features, quoted in the problem list.
    problems = page.get_by_test_id("stExpander").filter(has_text="data error").first
    expect(problems).to_contain_text("is not a slug", timeout=TIMEOUT)
    expect(problems).to_contain_text(f'"{JS_LINK}" is not an http(s) URL', timeout=TIMEOUT)
    expect(problems).to_contain_text("is 10000 characters long; the limit is 4000")
    expect(problems).to_contain_text("holds HTML markup; give the headline as plain text")
    # The hostile region's popup and the selection layer's name.
    frame = map_frame(page)
    frame.locator(".leaflet-overlay-pane path.da-region").nth(1).click(force=True)
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text(IMG, timeout=TIMEOUT)
    expect(popup).to_contain_text("zero\u200bwidth")
    frame.locator(".leaflet-control-layers").hover()
    expect(frame.locator(".leaflet-control-layers-overlays")).to_contain_text("Selected: " + IMG[:12])
    screenshot("hostile-data-everywhere")
    assert_nothing_ran(page, watched, blocked_requests)
    assert "Traceback" not in server.log()


def test_hostile_version_file_shows_as_text(page, serve, blocked_requests, watched, hostile_dir, tmp_path):
    # Defence: the dataset version goes into captions (Markdown) escaped, so a VERSION file holding
    # Markdown neither loads an image from outside nor makes a link.
    target = tmp_path / "data"
    shutil.copytree(hostile_dir, target)
    (target / "VERSION").write_text(VERSION + "\n")
    server = serve(target)
    page.goto(server.url)
    expect(map_frame(page).locator("path.da-region")).to_have_count(REGIONS, timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(re.escape(VERSION))).first).to_be_visible(timeout=TIMEOUT)
    assert_nothing_ran(page, watched, blocked_requests)


HOSTILE_PARAMS = {
    "years": SCRIPT,
    "exercise": f"{IMG},alpha_2016",
    "region": LONG,
    "series": MD_LINK,
    "domain": f"{JS_LINK},naval",
    "q": HOSTILE + LONG[:200],
    "selected": IMG,
    "lat": SCRIPT,
    "lon": JS_LINK,
    "z": TEMPLATE,
    "v": MD_IMAGE + IMG + MD_LINK,
    "layout": SCRIPT,
    "embed": IMG,
}


def test_hostile_url_parameters_show_as_text_and_never_run(page, serve, blocked_requests, watched, screenshot):
    # Defences: geodata.query parses every parameter without raising and quotes what it refuses;
    # app.py shows those notices through markdown_escape (no link, image, LaTeX or HTML); the
    # search box, the share panel (JSON-escaped script in an iframe) and the citation show the
    # search text as text.
    server = serve(SMALL_DATA)
    query = urllib.parse.urlencode(HOSTILE_PARAMS)
    page.goto(f"{server.url}/?{query}")
    # One notice: the first values in the warning, the rest folded under it (opened here), all as text.
    expect(page.get_by_test_id("stAlertContentWarning")).to_have_count(1, timeout=TIMEOUT)
    page.get_by_text(re.compile(r"more values? this link asked for could not be used")).click()
    notices = page.locator("[data-testid='stAlertContentWarning'], [data-testid='stExpanderDetails']")
    expect(notices.filter(has_text="is not a year").first).to_be_visible(timeout=TIMEOUT)
    expect(notices.filter(has_text="<script>window.__pwned").first).to_be_visible()
    expect(notices.filter(has_text="javascript:window.__pwned").first).to_be_visible()
    expect(notices.filter(has_text="![i](https://evil.invalid/pixel.png)").first).to_be_visible()
    expect(notices.filter(has_text="search text cut to 100 characters").first).to_be_visible()
    expect(notices.filter(has_text="region: value of 10,000 characters ignored").first).to_be_visible()
    search = page.get_by_role("textbox", name="Search")
    expect(search).to_have_value(re.compile(r"^<img src=x onerror="))
    screenshot("hostile-url-parameters")
    assert_nothing_ran(page, watched, blocked_requests)
    assert "Traceback" not in server.log()


NOTICE_TEXT = (f"NAVAREA hostile {SCRIPT} 42-30.00N 131-45.00E {IMG} 42-30.00N 132-15.00E "
               f"42-00.00N 132-15.00E {MD_LINK} 99-99.99N {TEMPLATE} {BIDI} " + LONG[:5_000])
UPLOAD = json.dumps({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": HOSTILE, IMG: SCRIPT, "long": LONG, "link": JS_LINK},
     "geometry": {"type": "Polygon", "coordinates": [[[133, 40], [134, 40], [134, 41], [133, 40]]]}}]})


def test_hostile_notice_and_upload_show_as_text_and_never_run(page, serve, blocked_requests, watched, tmp_path,
                                                              screenshot):
    # Defences: geodata.notices quotes what it cannot read; layers.user_layers escapes the notice's
    # label, the file name and every property name and value in tooltips, popups and layer names;
    # app.py shows notice messages, upload problems and shape titles through markdown_escape.
    server = serve(SMALL_DATA)
    page.goto(server.url)
    expect(map_frame(page).locator("path.da-region")).to_have_count(REGIONS, timeout=TIMEOUT)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Notice text → area").click()
    notice = sidebar.get_by_role("textbox", name="Paste a navigational warning")
    notice.fill(NOTICE_TEXT)
    notice.press("Control+Enter")
    sidebar.get_by_role("textbox", name="Name for the area").fill(HOSTILE)
    sidebar.get_by_role("textbox", name="Name for the area").press("Enter")
    sidebar.get_by_role("textbox", name="Where it was published (URL)").fill(JS_LINK)
    sidebar.get_by_role("textbox", name="Where it was published (URL)").press("Enter")
    sidebar.get_by_text("Your own layer").click()
    upload = tmp_path / f"{IMG[:20].replace('/', '_')}{BIDI}.geojson"
    upload.write_text(UPLOAD)
    sidebar.locator("input[type=file]").set_input_files(str(upload))
    frame = map_frame(page)
    expect(frame.locator(".leaflet-control-layers-overlays")).to_contain_text("Notice: ", timeout=TIMEOUT)
    expect(frame.locator(".leaflet-control-layers-overlays")).to_contain_text("Your layer: ", timeout=TIMEOUT)
    expect(frame.locator(".leaflet-control-layers-overlays")).to_contain_text(IMG[:12])
    shapes = page.get_by_text("Your shapes")
    expect(shapes).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(re.escape("99-99.99N"))).first).to_be_visible()
    expect(page.get_by_text(re.compile(re.escape(HOSTILE[:30]))).first).to_be_visible()
    screenshot("hostile-notice-and-upload")
    assert_nothing_ran(page, watched, blocked_requests)
    assert "Traceback" not in server.log()

