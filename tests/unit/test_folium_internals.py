"""layers.folium_internals: pinned library versions, FastGeoJson's parity with folium.GeoJson, the st_folium path."""

from __future__ import annotations

import importlib
import re
import sys
from importlib import metadata

import folium
import geopandas as gpd
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

import layers.regions
import layers.routes
import layers.user_layers
from geodata.filters import regions_for
from layers import asset_urls, dashboard_map, region_geometries
from layers.folium_internals import TESTED, FastGeoJson, check_versions
from layers.popups import bind_feature_html

CALL_SITES = (layers.regions, layers.routes, layers.user_layers)
"""Every module that builds a FastGeoJson (``grep -rn "FastGeoJson(" layers``)."""


class PlainGeoJson(folium.GeoJson):
    """``folium.GeoJson`` taking FastGeoJson's extra ``bounds`` argument.

    Bounds the caller gives are used as given: the regions' encoded outlines (layers.outlines)
    hold no coordinates for folium to walk. Without them folium computes its own.
    """

    def __init__(self, data, bounds=None, **kwargs):
        super().__init__(data, **kwargs)
        self._given_bounds = bounds

    def _get_self_bounds(self):
        return self._given_bounds or super()._get_self_bounds()


@pytest.fixture(params=[FastGeoJson, PlainGeoJson], ids=["fast", "folium"])
def both(request):
    return request.param


def _using(monkeypatch, cls) -> None:
    for module in CALL_SITES:
        monkeypatch.setattr(module, "FastGeoJson", cls)


def _without_ids(text: str) -> str:
    return re.sub(r"_[0-9a-f]{32}", "_ID", text)


# --- the pinned versions ---------------------------------------------------------------------------


def test_the_tested_versions_are_the_pins_of_requirements_in():
    pins = dict(line.split("==") for line in open("requirements.in").read().split() if "==" in line)
    assert {name: pins[name] for name in TESTED} == TESTED
    assert {name: metadata.version(name) for name in TESTED} == TESTED


@pytest.mark.parametrize("package", sorted(TESTED))
def test_another_version_is_refused_with_the_pin_named(package):
    def fake(name):
        return "0.99.0" if name == package else TESTED[name]

    with pytest.raises(ImportError) as refused:
        check_versions(fake)
    message = str(refused.value)
    assert f"{package}=={TESTED[package]} (requirements.in)" in message
    assert f"this environment has {package} 0.99.0" in message
    assert "tests/unit/test_folium_internals.py" in message


def test_importing_the_module_fresh_under_another_folium_fails(monkeypatch):
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "0.21.0" if name == "folium" else real(name))
    monkeypatch.delitem(sys.modules, "layers.folium_internals")  # restored after the test
    with pytest.raises(ImportError, match=r"tested with folium==0\.20\.0 .*has folium 0\.21\.0: check the parity"):
        importlib.import_module("layers.folium_internals")


def test_a_missing_streamlit_folium_is_refused_too():
    def fake(name):
        if name == "streamlit-folium":
            raise metadata.PackageNotFoundError(name)
        return TESTED[name]

    with pytest.raises(ImportError, match="has streamlit-folium not installed"):
        check_versions(fake)


# --- FastGeoJson renders what folium.GeoJson renders -----------------------------------------------

POLYGON = {"type": "Polygon", "coordinates": [[[131.0, 42.0], [132.0, 42.0], [132.0, 43.0], [131.0, 42.0]]]}
LINE = {"type": "LineString", "coordinates": [[120.0, 30.0], [125.5, 33.0], [130.0, 31.0]]}
POINT = {"type": "Point", "coordinates": [140.0, 35.0]}


def _collection(*geometries) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": g, "properties": {
            "a": f"x{i}", "tooltip": f"<b>t{i}</b>", "popup": f"<p>p{i}</p>",
            "style": {"color": "#c00", "weight": 2 + i}, "style_group": "air"}}
        for i, g in enumerate(geometries)]}


# The arguments of each FastGeoJson(...) call in layers/ (regions, selection, routes, user layers),
# and folium's own tooltip and popup classes; fresh elements for each map (an element has one parent).
CALLS = {
    "regions": lambda: dict(
        data=_collection(POLYGON, POLYGON), bounds=[[42.0, 131.0], [43.0, 132.0]],
        style_function=lambda f: f["properties"]["style"], highlight_function=lambda f: {"weight": 5},
        on_each_feature=bind_feature_html(), pane="areas", smooth_factor=0.5, className="da-region"),
    "selection": lambda: dict(
        data=_collection(POLYGON), bounds=[[42.0, 131.0], [43.0, 132.0]],
        style_function=lambda f: {"color": "#000", "weight": 4, "fillOpacity": 0, "dashArray": "6 4"},
        interactive=False, pane="areas"),
    "routes": lambda: dict(
        data=_collection(LINE, LINE), style_function=lambda f: f["properties"]["style"],
        highlight_function=lambda f: {"weight": 6, "opacity": 1.0}, on_each_feature=bind_feature_html(), pane="areas"),
    "user_layers": lambda: dict(
        data=_collection(POINT, LINE, POLYGON), style_function=lambda f: {"color": "#06c", "weight": 2},
        highlight_function=lambda f: {"weight": 4, "fillOpacity": 0.3}, on_each_feature=bind_feature_html(),
        marker=folium.CircleMarker(radius=6, color="#06c", fill=True, fill_color="#06c", fill_opacity=0.8),
        pane="areas"),
    "folium_tooltip_popup": lambda: dict(
        data=_collection(POLYGON), style_function=lambda f: f["properties"]["style"],
        highlight_function=lambda f: {"weight": 3},
        tooltip=folium.GeoJsonTooltip(["a"]), popup=folium.GeoJsonPopup(["a"])),
}


def _page_with(cls, call) -> tuple[str, list]:
    kwargs = call()
    m = folium.Map(tiles=None)
    folium.map.CustomPane("areas").add_to(m)
    fg = folium.FeatureGroup(name="layer").add_to(m)
    layer = cls(**kwargs).add_to(fg)
    return _without_ids(m.get_root().render()), layer.get_bounds()


@pytest.mark.parametrize("call", sorted(CALLS))
def test_fast_geojson_renders_the_same_page_as_folium(call):
    fast, fast_bounds = _page_with(FastGeoJson, CALLS[call])
    plain, plain_bounds = _page_with(PlainGeoJson, CALLS[call])
    assert fast == plain
    assert fast_bounds == plain_bounds
    assert "L.geoJson(" in fast and fast.count(".addTo(feature_group_ID)") >= 1


def test_every_call_site_is_covered():
    sources = "".join(open(module.__file__).read() for module in CALL_SITES)
    assert sources.count("FastGeoJson(") == 4  # regions (2), routes, user layers: one CALLS entry each


def test_fast_geojson_knows_its_bounds():
    layer = FastGeoJson({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [131.5, 42.5]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [200.0, -10.0]}}]})
    assert layer.get_bounds() == [[-10.0, 131.5], [42.5, 200.0]]


def test_the_real_builders_give_the_same_page_with_either_class(small_dataset, monkeypatch):
    pages = []
    for cls in (FastGeoJson, PlainGeoJson):
        _using(monkeypatch, cls)
        pages.append(_without_ids(_app_map(small_dataset).get_root().render()))
    assert pages[0] == pages[1]


# --- the st_folium path ----------------------------------------------------------------------------


def _upload() -> folium.FeatureGroup:
    frame = gpd.GeoDataFrame(
        {"name": ["a point", "a box"]},
        geometry=[shapely.Point(135.0, 38.0), shapely.box(136.0, 38.0, 137.0, 39.0)], crs="EPSG:4326")
    return layers.user_layers.upload_layer(frame, "upload.geojson")


def _app_map(dataset, **kwargs) -> folium.Map:
    geometries = region_geometries(dataset.regions)
    return dashboard_map(dataset.regions, geometries, dataset.exercises, asset_urls("land/x.geojson"),
                         selected="bravo_2019", routes=dataset.routes, tiles=False,
                         extra_layers=(_upload(),), **kwargs)


def _st_folium_args(monkeypatch, the_map, returned_objects=(), **kwargs) -> dict:
    """What ``st_folium`` sends to its frontend component, as app.py calls it (``render=False``)."""
    import streamlit_folium

    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **args: sent.update(args))
    streamlit_folium.st_folium(the_map, key="map", returned_objects=list(returned_objects), render=False, **kwargs)
    return sent


def _geojson_count(m: folium.Map) -> int:
    def walk(element):
        yield element
        for child in element._children.values():
            yield from walk(child)

    return sum(isinstance(e, folium.GeoJson) for e in walk(m))


def test_st_folium_sends_the_fast_layers_as_it_sends_folium_layers(small_dataset, monkeypatch):
    sent = {}
    for cls in (FastGeoJson, PlainGeoJson):
        _using(monkeypatch, cls)
        m = _app_map(small_dataset)
        count = _geojson_count(m)
        sent[cls] = _st_folium_args(monkeypatch, m)
    fast, plain = sent[FastGeoJson], sent[PlainGeoJson]
    for part in ("script", "header", "html", "css_links", "js_links"):
        assert fast[part] == plain[part], part
    script = fast["script"]
    # each layer is created once, from its data, and added to its feature group
    created = re.findall(r"var (geo_json_\w+) = L\.geoJson\(null, \{", script)
    assert len(created) == count >= 4  # regions, selection, routes, upload
    for name in created:
        assert len(re.findall(rf"\n\s*{name}_add\(\{{\"features\": \[", script)) == 1, name  # its data, once
        assert len(re.findall(rf"\n\s*{name}\.addTo\(feature_group_\w+\);", script)) == 1, name
    assert "_pointToLayer(feature, latlng)" in script and "new L.CircleMarker(latlng" in script  # the upload's marker
    assert '"className": "da-region"' in script and '"pane": "areas"' in script
    assert "{{" not in script and "{%" not in script  # no template text left unrendered


def test_st_folium_sends_the_same_script_for_two_builds_of_the_same_map(small_dataset, monkeypatch):
    first = _st_folium_args(monkeypatch, _app_map(small_dataset))
    second = _st_folium_args(monkeypatch, _app_map(small_dataset))
    assert first["script"] == second["script"] and first["key"] == second["key"]


@pytest.mark.parametrize(("returned", "options"), [((), {}), (("all_drawings",), {"map_view": (38.0, 135.0, 6)})])
def test_the_shared_map_frame_is_what_st_folium_sends(small_dataset, monkeypatch, returned, options):
    """app.py keeps ``map_frame_arguments`` once per view and shows it with ``show_map_frame``: the same as st_folium."""
    import streamlit_folium

    from layers.folium_internals import map_frame_arguments, show_map_frame

    expected = _st_folium_args(monkeypatch, _app_map(small_dataset, **options), returned_objects=returned,
                               height=560, use_container_width=True)
    expected.pop("on_change")  # st_folium's copies the value to session_state["map"], which nothing reads
    arguments = map_frame_arguments(streamlit_folium, _app_map(small_dataset, **options), key="map",
                                    height=560, returned_objects=list(returned))
    assert arguments == expected
    assert arguments["css_links"] and arguments["js_links"] and "L.map(" in arguments["script"]
    shown = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **args: shown.append(args) or args["default"])
    value = show_map_frame(streamlit_folium, arguments)
    assert shown == [arguments]
    value["all_drawings"] = ["changed by a session"]  # what one session gets back is its own copy
    assert arguments["default"].get("all_drawings") is None


def test_playback_feature_groups_sent_by_st_folium_hold_the_same_layers(small_dataset, monkeypatch):
    geometries = region_geometries(small_dataset.regions)
    sent = {}
    for cls in (FastGeoJson, PlainGeoJson):
        _using(monkeypatch, cls)
        base = dashboard_map(small_dataset.regions, geometries, small_dataset.exercises,
                             asset_urls("land/x.geojson"), tiles=False, with_regions=False)
        groups = layers.region_layers(regions_for(small_dataset.regions, small_dataset.exercises),
                                      small_dataset.exercises, geometries)
        sent[cls] = _st_folium_args(monkeypatch, base, feature_group_to_add=groups)
    assert sent[FastGeoJson]["feature_group"] == sent[PlainGeoJson]["feature_group"]
    assert sent[FastGeoJson]["script"] == sent[PlainGeoJson]["script"]
    groups_js = sent[FastGeoJson]["feature_group"]
    assert groups_js.count("L.geoJson(null") == sum(_geojson_count(g) for g in groups) >= len(groups) >= 1
    assert groups_js.count("map_div.addLayer(feature_group_feature_group_") == len(groups)


# --- compiled_once ---------------------------------------------------------------------------------


def test_branca_compiles_a_short_macro_text_once_and_renders_it_as_jinja_would():
    from branca.element import Element
    from jinja2 import Template

    from layers.folium_internals import COMPILED_MAX_CHARS

    text = "<div id='x'>{{ 1 + 1 }}</div>"
    first, second = Element(template=text), Element(template=text)
    assert first._template is second._template
    assert first.render() == Template(text).render() == "<div id='x'>2</div>"
    assert not isinstance(first._template, layers.folium_internals.PlainText)
    long_text = "{{ 'a' }}" + "a" * COMPILED_MAX_CHARS
    assert Element(template=long_text)._template is not Element(template=long_text)._template


@given(st.text(alphabet="{}%#-\r\n\t <>'\"\\abc\u00e9\u4e2d", max_size=400))
def test_a_text_without_jinja_syntax_renders_as_jinja_renders_it(text):
    from branca.element import Element
    from jinja2 import Template

    from layers.folium_internals import JINJA_MARKS, PlainText, compiled_once

    if any(mark in text for mark in JINJA_MARKS):
        return  # compiled by Jinja (raising on bad syntax, as before): the test above
    assert isinstance(compiled_once(text), PlainText)
    element = Element(template=text)
    assert element.render(extra=1) == Template(text).render(this=element, kwargs={"extra": 1})


def test_every_macro_text_of_the_landing_map_is_plain_text(small_dataset, monkeypatch):
    # What makes the rerun cheaper: no macro text of the app's map is compiled (2026-12-03: 51 texts).
    import branca.element

    from layers.folium_internals import PlainText, compiled_once

    made = []
    monkeypatch.setattr(branca.element, "Template", lambda source: made.append(compiled_once(source)) or made[-1])
    _st_folium_args(monkeypatch, _app_map(small_dataset))
    assert made and all(isinstance(template, PlainText) for template in made)



def test_st_folium_sends_the_same_map_with_templates_kept_or_compiled_each_time(small_dataset, monkeypatch):
    import branca.element
    from jinja2 import Template

    kept = _st_folium_args(monkeypatch, _app_map(small_dataset))
    assert branca.element.Template is layers.folium_internals.compiled_once  # the app's path
    monkeypatch.setattr(branca.element, "Template", Template)
    fresh = _st_folium_args(monkeypatch, _app_map(small_dataset))
    for part in ("script", "header", "html", "css_links", "js_links"):
        assert kept[part] == fresh[part], part


@pytest.mark.parametrize("make", [
    lambda cls: cls(position="topleft", draw_options={"marker": False}, edit_options={"edit": False}),
    lambda cls: cls(export=True, filename="shapes.geojson"),
], ids=["draw", "draw with its export button"])
def test_a_rewritten_script_keeps_folium_s_header_html_and_script(make):
    from folium.plugins import Draw, MeasureControl

    from layers.folium_internals import script_rewritten

    def page(element) -> str:
        m = folium.Map(tiles=None)
        element.add_to(m)
        return re.sub(r"_[0-9a-f]{32}", "_ID", m.get_root().render())

    kept = page(make(script_rewritten(Draw, lambda element, script: script)))
    assert kept == page(make(Draw))
    assert ("<a href='#' id='export'>Export</a>" in kept) == make(Draw).export  # the HTML macro too
    marked = page(make(script_rewritten(Draw, lambda element, script: f"/* {element.get_name()} */")))
    assert "new L.Control.Draw" not in marked and re.search(r"/\* draw_control_ID \*/", marked)
    measure = script_rewritten(MeasureControl, lambda element, script: script)(position="topleft")
    assert page(measure) == page(MeasureControl(position="topleft"))
