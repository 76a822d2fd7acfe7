"""Links that carry the reader's shapes and layers: the map side (layers, drawings) and the page's bookkeeping."""

from __future__ import annotations

import re

import geopandas as gpd
import shapely

from geodata import query
from geodata.share_token import SharedShapes, drawings_from_features, encode
from layers import asset_urls, region_geometries
from layers.compose import dashboard_map
from layers.share import share_panel_html
from layers.user_layers import upload_layer
from tests.conftest import tool_scripts
from view import share

SQUARE = {"type": "Feature", "properties": {},
          "geometry": {"type": "Polygon", "coordinates": [[[133, 41], [134, 41], [134, 42], [133, 42], [133, 41]]]}}
CIRCLE = {"type": "Feature", "properties": {"radius": 5000}, "geometry": {"type": "Point", "coordinates": [190.5, 52]}}


def app_map(dataset, **kwargs):
    frame = gpd.GeoDataFrame({"name": ["a box"]}, geometry=[shapely.box(136.0, 38.0, 137.0, 39.0)], crs="EPSG:4326")
    return dashboard_map(dataset.regions, region_geometries(dataset.regions), dataset.exercises,
                         asset_urls("land/x.geojson"), routes=dataset.routes, tiles=False,
                         extra_layers=(upload_layer(frame, "up.geojson"),), **kwargs)


def tagged(m):
    return {child.layer_id: child for child in m._children.values() if getattr(child, "layer_id", None)}


def test_every_switchable_layer_has_an_id_the_link_knows(small_dataset):
    ids = set(tagged(app_map(small_dataset)))
    assert {"land", "routes", "upload"} <= ids and ids <= set(query.LAYER_IDS)
    assert ids & {"naval", "air", "ground", "combined", "several"}


def test_a_links_layers_switch_layers_on_and_off(small_dataset):
    default = tagged(app_map(small_dataset))
    assert all(layer.show for layer in default.values())
    m = app_map(small_dataset, layers=("naval", "upload"))
    shown = {layer_id for layer_id, layer in tagged(m).items() if layer.show}
    assert shown == {"naval", "upload"} & set(tagged(m))
    html = m.get_root().render()
    routes = tagged(m)["routes"].get_name()
    assert f"{routes}.addTo(" not in html and f"{tagged(m)['upload'].get_name()}.addTo(" in html
    nothing = app_map(small_dataset, layers=())
    assert not any(layer.show for layer in tagged(nothing).values())


def test_the_map_writes_the_readers_layer_choice_with_their_ids(small_dataset):
    m = app_map(small_dataset)
    html = m.get_root().render()
    for layer_id, layer in tagged(m).items():
        assert f'"{layer_id}": {layer.get_name()},' in html
    assert 'map.on("overlayadd overlayremove"' in html and '"layers"' in html and '"none"' in html


def test_drawings_are_put_back_into_the_draw_tools_layer(small_dataset, monkeypatch):
    import streamlit_folium

    features = tuple(d.feature() for d in drawings_from_features([SQUARE, CIRCLE])[0])
    m = app_map(small_dataset, drawings=features)
    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **args: sent.update(args))
    streamlit_folium.st_folium(m, key="map", returned_objects=[share.RETURNED], render=False)
    script = sent["script"]
    # The drawings show with the map, in the layer the draw tool (which comes once the tools' file has
    # loaded, layers.maphelpers.after_tools) makes window.drawnItems: streamlit-folium lists it as all_drawings.
    assert "[190.5, 52.0]" in script and '"radius": 5000.0' in script
    layer = re.search(r"var (drawings_\w+) = L\.featureGroup\(\)\.addTo\(map_div\);", script).group(1)
    [draw] = [code for _, code in tool_scripts(script) if "new L.Control.Draw" in code]
    assert f"var drawnItems =\n{layer};" in re.sub(r"=\s+", "=\n", draw)
    assert f"window.drawnItems = {layer};" in script  # from the first script: a shape drawn at once is returned
    # it takes each new shape before streamlit-folium's handler, added when the map's script has run, reads it
    assert 'map.on("draw:created", function (event) { drawings.addLayer(event.layer); });' in script
    assert "eachLayer" not in app_map(small_dataset).get_root().render()


def test_the_page_keeps_the_drawings_the_map_returns():
    state = {query.DRAWN_KEY: (), share.DRAWN_ON_MAP_KEY: ()}
    assert share.take_drawings(state, None) is None and state[query.DRAWN_KEY] == ()
    assert share.take_drawings(state, {"all_drawings": None}) is None
    assert share.take_drawings(state, {"all_drawings": [SQUARE, {"geometry": {"type": "Point"}}]}).startswith(
        "Drawn point cannot be read as GeoJSON: not measured. 1 drawn")
    assert [d.kind for d in state[query.DRAWN_KEY]] == ["polygon"]
    assert share.map_drawings(state) == ()  # the map keeps its script until the view changes
    assert share.drawn_features(state)[0]["geometry"]["type"] == "Polygon"
    share.rebuild_with_drawings(state)
    assert share.map_drawings(state) == share.drawn_features(state)
    share.take_drawings(state, {"all_drawings": []})  # the reader deleted them
    assert state[query.DRAWN_KEY] == ()


def test_the_link_carries_the_pages_notice_and_drawings():
    drawings, _ = drawings_from_features([SQUARE])
    state = {query.NOTICE_KEY: "42-30N 131-45E", query.NOTICE_NAME_KEY: "", query.NOTICE_SOURCE_KEY: "",
             query.DRAWN_KEY: drawings}
    catalog = query.Catalog(2016, 2024, (), ())
    view, left_out = share.link_view(query.ViewState((2016, 2024)), state)
    assert left_out is None
    assert query.view_to_params(view, catalog)[query.PARAM_SHAPES] == encode(
        SharedShapes("42-30N 131-45E", drawings=drawings))
    state[query.NOTICE_KEY] = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(20_000))
    view, left_out = share.link_view(query.ViewState((2016, 2024)), state)
    assert "too long to travel in the link" in left_out
    assert query.view_from_params(query.view_to_params(view, catalog), catalog)[0].shapes == SharedShapes(
        drawings=drawings)


def test_the_share_panel_shows_the_links_length():
    html = share_panel_html("Drill Atlas")
    assert "var goal = 2000;" in html and 'id="length"' in html and "link().length" in html


def test_a_link_without_a_map_view_opens_on_its_drawings_too():
    from view.tools import TOOL_PAD_DEG, tool_bounds

    [[south, west], [north, east]] = tool_bounds(None, None, [SQUARE, CIRCLE])
    assert (south, west) == (41 - TOOL_PAD_DEG, 133 - TOOL_PAD_DEG)
    assert 52.04 + TOOL_PAD_DEG < north < 52.05 + TOOL_PAD_DEG and 190.57 + TOOL_PAD_DEG < east < 190.58 + TOOL_PAD_DEG
    assert tool_bounds(None, None, [{"geometry": {"type": "Point"}}]) is None


def test_the_main_map_writes_what_it_was_built_with_and_playback_does_not(small_dataset):
    html = app_map(small_dataset, map_view=(45.5, 185.25, 6), layers=("adiz",)).get_root().render()
    assert '{"lat": "45.5", "layers": "adiz", "lon": "185.25", "z": "6"}' in html
    assert '["lat", "lon", "z", "layers"]' in html and "__drillAtlasMapEpoch" in html
    assert "var built = {};" in app_map(small_dataset).get_root().render()
    playback = dashboard_map(small_dataset.regions, region_geometries(small_dataset.regions), small_dataset.exercises,
                             asset_urls("land/x.geojson"), tiles=False, with_regions=False).get_root().render()
    assert "var built" not in playback and "overlayadd overlayremove" in playback


def test_a_drawing_beyond_the_map_is_refused_with_its_reason():
    state: dict = {}
    line = {"type": "Feature", "properties": {},
            "geometry": {"type": "LineString", "coordinates": [[100, 10], [1e6, 10]]}}
    message = share.take_drawings(state, {"all_drawings": [SQUARE, line]})
    assert message.startswith("Drawn line has longitude 1e+06, outside -180..360: not measured.")
    assert "1 drawn shape(s)" in message and len(state[query.DRAWN_KEY]) == 1
