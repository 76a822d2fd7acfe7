"""The map's constant JavaScript: served once as a static file, or written into a map that is saved alone."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from layers.assets import asset_urls, map_script, publish_static_assets
from layers.compose import dashboard_map
from layers.maphelpers import _HELPERS, HelperCall, _registered, helper, helpers_path, helpers_script
from layers.regions import region_geometries
from layers.standalone import inline_asset_urls
from tests.conftest import tool_scripts

CALLS = ("focusWithoutScrolling", "focusLinks", "showAll", "installDecoder", "labels", "outlineDetail", "snapshot",
         "afterTools")


def _map(small_dataset, assets):
    return dashboard_map(small_dataset.regions, region_geometries(small_dataset.regions), small_dataset.exercises,
                         assets, tiles=False, snapshot=("Drill Atlas, dataset version x", "x.map.png"))


def _js_links(m) -> list[str]:
    links = []

    def visit(element):
        links.extend(src for _, src in getattr(element, "default_js", []))
        for child in element._children.values():
            visit(child)

    visit(m)
    return links


def test_a_served_map_calls_the_helpers_file_and_loads_it(small_dataset):
    assets = asset_urls("land/x.json", outlines_folder="outlines/abc")
    m = _map(small_dataset, assets)
    page = m.get_root().render()
    assert re.fullmatch(r"/app/static/drill-atlas/map-[0-9a-f]{12}\.js", assets.helpers)
    # the map's one script holds them (layers.assets.map_script): the file alone is not loaded
    assert _js_links(m) == [assets.map_script] and f'src="{assets.map_script}"' in page
    assert map_script().endswith(helpers_script())
    for name in CALLS:
        assert f"daMap.{name}(" in page
    # the functions themselves are in the file only
    assert "function pageLink()" not in page and "L.GeoJSON.include" not in page and "function overlaps(" not in page
    assert any('"Drill Atlas, dataset version x", "x.map.png", 2)' in code for _, code in tool_scripts(page))


def test_a_map_without_served_helpers_carries_them(small_dataset):
    m = _map(small_dataset, inline_asset_urls(None))
    page = m.get_root().render()
    assert "daMap." not in page and "drill-atlas/map-" not in page
    assert "L.GeoJSON.include" in page and "function overlaps(" in page and "preventScroll" in page
    assert not any("drill-atlas" in link for link in _js_links(m))


def test_the_helpers_file_is_published_under_its_digest_with_every_helper(tmp_path):
    publish_static_assets(tmp_path, tmp_path / "no-land.geojson")
    body = (tmp_path / helpers_path()).read_bytes()
    assert body == helpers_script() and helpers_path().removeprefix("drill-atlas/map-")[:12] in helpers_path()
    text = body.decode()
    for name in CALLS:
        assert f"window.daMap.{name} = function (" in text
    assert set(CALLS) <= set(_registered())
    assert asset_urls(None).helpers == f"/app/static/{helpers_path()}"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_helpers_file_is_valid_javascript(tmp_path):
    script = tmp_path / "helpers.js"
    script.write_bytes(helpers_script())
    subprocess.run(["node", "--check", str(script)], check=True, capture_output=True, timeout=60)


@pytest.fixture
def echo_helper():
    yield helper("testEcho", "function (value, map) { return [value, map]; }")
    _HELPERS.pop("testEcho")  # the served file stays the app's


def test_a_helper_call_writes_its_arguments_as_json_safe_in_html(echo_helper):
    name = echo_helper

    class Echo(HelperCall):
        helper_name = name

        def arguments(self):
            from folium.utilities import JsCode

            return ["</script><b>", JsCode("map_x")]

    call = Echo()
    assert call.script_text().strip() == (
        '(function (value, map) { return [value, map]; })("\\u003c/script\\u003e\\u003cb\\u003e", map_x);'
    )
    call.served = True
    assert call.script_text().strip() == 'daMap.testEcho("\\u003c/script\\u003e\\u003cb\\u003e", map_x);'
    with pytest.raises(ValueError, match="already registered"):
        helper("testEcho", "function () {}")


def test_a_tool_waits_for_the_tools_file_only_where_the_map_loads_one():
    import folium
    from folium.plugins import MeasureControl

    from layers.maphelpers import AFTER_TOOLS_JS, after_tools

    def page(control) -> str:
        m = folium.Map(tiles=None)
        control.add_to(m)
        return re.sub(r"_[0-9a-f]{32}", "_ID", m.get_root().render())

    plain, deferred = MeasureControl(position="topleft"), after_tools(MeasureControl)(position="topleft")
    assert page(deferred) == page(plain)  # no tools' file: the script as folium writes it
    waiting = after_tools(MeasureControl)(position="topleft")
    waiting.tools_url = "/app/static/plugins/tools-x.js"
    text = page(waiting)
    assert "daMap." not in text and f"({AFTER_TOOLS_JS})(" in text  # no helpers file: the function itself
    [(url, code)] = tool_scripts(text)
    assert url == "/app/static/plugins/tools-x.js" and "new L.Control.Measure" in code
    assert code.strip() in page(plain) and code.strip() not in text  # folium's script, only as a JSON string
    assert type(waiting).__name__ == "MeasureControlAfterTools"
