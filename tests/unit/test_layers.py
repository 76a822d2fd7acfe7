"""Layer builders: structure first, rendered HTML second; hostile text never reaches the page raw."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import folium
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from geodata.filters import regions_for
from layers import asset_urls, base_map, land_layer, legend, region_geometries, region_layers, selection_layer
from layers.basemap import region_boxes, show_all_control
from layers.popups import date_range_text, exercise_html, note_items, region_popup_html, source_links
from layers.styles import GROUP_COLOURS, fill_opacity
from tests.conftest import tool_scripts

ASSETS = asset_urls("land/land-abc.geojson")
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def render(m: folium.Map) -> str:
    return m.get_root().render()


def geojson_children(fg: folium.FeatureGroup) -> list[folium.GeoJson]:
    return [child for child in fg._children.values() if isinstance(child, folium.GeoJson)]


@pytest.fixture
def built(small_dataset):
    used = regions_for(small_dataset.regions, small_dataset.exercises)
    return used, region_layers(used, small_dataset.exercises, region_geometries(small_dataset.regions))


def test_base_map_loads_leaflet_from_the_app_not_a_cdn():
    html = render(base_map(ASSETS, tiles=False))
    assert f"<script src=\"{ASSETS.map_script}\">" in html and ASSETS.map_script.startswith("/app/static/leaflet-1.9.3")
    assert "/app/static/leaflet-1.9.3/leaflet.css" in html
    assert not re.search(r"cdn\.jsdelivr|code\.jquery|cdnjs\.cloudflare|bootstrapcdn", html)
    assert "L.tileLayer" not in html


def test_base_map_with_tiles_offers_two_base_layers():
    html = render(base_map(ASSETS, tiles=True))
    assert html.count("L.tileLayer(") == 2


def test_asset_urls_follow_the_base_url_path():
    assets = asset_urls("land/x.geojson", "/atlas/")
    assert assets.leaflet_js == "/atlas/app/static/leaflet-1.9.3/leaflet.js"
    assert assets.map_script.startswith("/atlas/app/static/leaflet-1.9.3-map/map-")
    assert assets.tools_script.startswith("/atlas/app/static/plugins/tools-")
    assert assets.land_geojson == "/atlas/app/static/land/x.geojson"
    assert asset_urls(None).land_geojson is None


def test_fit_bounds_in_the_pacific_frame():
    m = base_map(ASSETS, bounds=[[55.0, 175.0], [62.0, 195.0]], tiles=False)
    assert "[[55.0, 175.0], [62.0, 195.0]]" in render(m)


def test_region_boxes_hold_each_region_in_tenths_of_a_degree(small_dataset):
    regions = small_dataset.regions
    boxes = region_boxes(regions)
    assert len(boxes) == len(regions)
    for (south, west, north, east), (minx, miny, maxx, maxy) in zip(
            boxes, regions.geometry.bounds.itertuples(index=False), strict=True):
        assert south <= miny < south + 0.1 and west <= minx < west + 0.1
        assert north - 0.1 < maxy <= north and east - 0.1 < maxx <= east
        assert all(round(value, 1) == value for value in (south, west, north, east))


def test_the_all_button_is_given_the_view_and_every_region_box(small_dataset):
    m = base_map(ASSETS, bounds=[[0.0, 0.0], [1.0, 1.0]], tiles=False)
    boxes = region_boxes(small_dataset.regions)
    control = show_all_control([[-10.0, -10.0], [10.0, 10.0]], boxes).add_to(m)
    call = f"({m.get_name()}, [[-10.0, -10.0], [10.0, 10.0]], {json.dumps(boxes)});"
    assert control.script_text().rstrip().endswith(call)
    assert call in render(m)


def test_one_feature_group_per_style_group(built):
    used, groups = built
    assert [fg.layer_name for fg in groups] == ["Naval drills (3 regions)", "Air drills (1 region)"]
    naval_layers = geojson_children(groups[0])
    assert [len(g.data["features"]) for g in naval_layers] == [2, 1]  # two seas, then the bay in the areas pane
    assert naval_layers[1].options["pane"] == "areas"
    assert sum(len(g.data["features"]) for fg in groups for g in geojson_children(fg)) == len(used)


def test_larger_seas_are_drawn_first(built):
    _, groups = built
    seas = geojson_children(groups[0])[0].data["features"]
    assert [f["properties"]["region_id"] for f in seas] == ["north_sea_box", "south_sea_box"]


def test_style_follows_group_and_activity(built):
    _, groups = built
    north, south = geojson_children(groups[0])[0].data["features"]
    style = geojson_children(groups[0])[0].style_function(north)
    assert style["color"] == GROUP_COLOURS["naval"]
    assert style["fillOpacity"] > geojson_children(groups[0])[0].style_function(south)["fillOpacity"]
    # the style reaches the page once per distinct style (folium's switch), never in each feature
    assert set(north["properties"]) == {"region_id", "tooltip", "popup"}


@pytest.mark.parametrize(("count", "most", "opacity"), [(1, 1, 0.55), (1, 5, 0.15), (5, 5, 0.55), (3, 5, 0.35)])
def test_fill_opacity(count, most, opacity):
    assert fill_opacity(count, most) == pytest.approx(opacity)


def test_popup_lists_exercises_newest_first_one_line_each_as_focus_links(built):
    _, groups = built
    north = geojson_children(groups[0])[0].data["features"][0]["properties"]
    assert north["popup"].index("Delta-2024") < north["popup"].index("Bravo-2019")
    assert 'data-focus="bravo_2019">Bravo-2019</a>' in north["popup"]
    assert north["popup"].count("<li>") == 2
    # Forces, summaries, notes and sources are in the details panel, not in the popup.
    assert "Sources differ:" not in north["popup"] and "example.org" not in north["popup"]
    assert "1,234,567 km²" in north["popup"]
    assert north["tooltip"] == "North test sea · 2 exercises"


def test_no_exercises_no_layers(small_dataset):
    empty = small_dataset.exercises.iloc[0:0]
    assert region_layers(regions_for(small_dataset.regions, empty), empty, {}) == []


def hostile_record(**overrides):
    record = {
        "exercise_id": HOSTILE,
        "name": HOSTILE,
        "start_date": "2024-07-14",
        "end_date": "2024-07-17",
        "date_precision": "day",
        "series": HOSTILE,
        "domain": "naval",
        "participant_codes": ("CHN", HOSTILE),
        "forces": HOSTILE,
        "summary": HOSTILE,
        "notes": HOSTILE,
        "source_urls": ('https://example.org/"><script>alert(1)</script>', "javascript:alert(1)"),
    }
    record.update(overrides)
    return record


def test_exercise_html_escapes_every_field():
    text = exercise_html(hostile_record())
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
    assert 'href="javascript:' not in text
    assert "[2] javascript:alert(1)" in text
    assert "[1] https://example.org/&quot;&gt;&lt;script&gt;" in text  # quotes in a URL: shown, not linked


def paragraphs(html: str) -> list[tuple[str, str, str]]:
    """Each ``<p>`` of ``html``: its class, its style and its text (markup left out)."""
    from html.parser import HTMLParser

    found: list[list[str]] = []

    class Paragraphs(HTMLParser):
        inside = False

        def handle_starttag(self, tag, attrs):
            if tag == "p":
                self.inside = True
                found.append([dict(attrs).get("class", ""), dict(attrs).get("style", ""), ""])

        def handle_endtag(self, tag):
            if tag == "p":
                self.inside = False

        def handle_data(self, data):
            if self.inside:
                found[-1][2] += data

    Paragraphs().feed(html)
    return [(css, style, text.strip()) for css, style, text in found]


def test_exercise_details_are_parts_under_labels_what_happened_first(small_dataset):
    record = small_dataset.exercises.set_index("exercise_id").loc["bravo_2019"].to_dict()
    parts = paragraphs(exercise_html(record))
    assert [(css, text) for css, _, text in parts] == [
        ("da-summary", "Bravo drill across the new year."),
        ("da-participants", "Participants: China, Russia, Iran"),
        ("da-forces", "Forces: 5 ships"),
        ("da-differ", "Sources differ: Sources differ on the end date."),
        ("da-sources-head", "Sources:"),
    ]
    assert "border-left" in parts[3][1]  # where sources disagree is set apart
    assert "· Test Series · Naval</span>" in exercise_html(record)  # the domain as the list and legend write it
    bare = exercise_html(record | {"forces": "", "notes": ""})
    assert [css for css, _, _ in paragraphs(bare)] == ["da-summary", "da-participants", "da-sources-head"]


JOINT_SEA_2012_NOTES = (
    "Russian names vary: 'Sea Cooperation-2012' (ITAR-TASS). ITAR-TASS describes Admiral Tributs as a Northern "
    "Fleet ship. Ships: Xinhua names Admiral Panteleyev. End date: TASS says 27 Apr. Place: 'near Qingdao'."
)


def test_where_sources_differ_is_a_line_per_topic():
    # Joint Sea-2012's notes were one 900-character paragraph of five topics.
    assert note_items(JOINT_SEA_2012_NOTES) == [
        ("Russian names vary", "'Sea Cooperation-2012' (ITAR-TASS). ITAR-TASS describes Admiral Tributs as a "
                               "Northern Fleet ship"),  # a sentence without a topic stays with the one before
        ("Ships", "Xinhua names Admiral Panteleyev"),
        ("End date", "TASS says 27 Apr"),
        ("Place", "'near Qingdao'."),
    ]
    html = exercise_html({**hostile_record(), "notes": JOINT_SEA_2012_NOTES})
    assert html.count("<li><b>") == 4 and "<li><b>Ships:</b> Xinhua names Admiral Panteleyev.</li>" in html
    assert "<li><b>Place:</b> &#x27;near Qingdao&#x27;.</li>" in html  # the last keeps its own full stop
    # One topic, or none, stays a paragraph; a long opening or a lower-case one is no topic.
    assert note_items("Sources differ on the end date.") == [(None, "Sources differ on the end date.")]
    assert note_items("Dates: 9-13 Aug.") == [("Dates", "9-13 Aug.")]
    assert note_items("x. The ship that China's navy named in its first report: Harbin.") == [
        (None, "x. The ship that China's navy named in its first report: Harbin.")]
    assert note_items("x. dates: y") == [(None, "x. dates: y")]


def test_the_topics_of_hostile_notes_are_escaped():
    html = exercise_html({**hostile_record(), "notes": f"A: {HOSTILE}. <b>B</b>: {HOSTILE}"})
    assert "<script>" not in html and "<b>B</b>" not in html and "&lt;b&gt;B&lt;/b&gt;" in html


@given(st.lists(st.sampled_from(["A", "a", ":", " ", ".", ": ", ". ", "Place", "x"]), max_size=120).map("".join))
def test_notes_split_into_topics_lose_nothing(notes):
    items = note_items(notes)
    assert ". ".join(f"{label}: {text}" if label is not None else text for label, text in items) == notes


@pytest.mark.parametrize("notes", ["A: " * 100_000, ". " * 150_000, "Ab: x. " * 40_000, "A" * 300_000 + ": x"])
def test_long_hostile_notes_are_split_in_linear_time(notes):
    started = time.perf_counter()
    note_items(notes)
    assert time.perf_counter() - started < 2.0


def test_region_popup_escapes_the_region_name_and_the_focus_link():
    text = region_popup_html({"name": HOSTILE, "area_km2": 10}, [hostile_record()])
    assert "<script>" not in text and "<img" not in text
    from layers.popups import escape_html

    assert f'data-focus="{escape_html(HOSTILE)}"' in text


def test_hostile_text_in_data_never_renders_raw(small_dataset):
    exercises = small_dataset.exercises.copy()
    for column in ("name", "series", "summary", "forces", "notes"):
        exercises[column] = HOSTILE
    regions = small_dataset.regions.copy()
    regions["name"] = HOSTILE
    m = base_map(ASSETS, tiles=False)
    for fg in region_layers(regions_for(regions, exercises), exercises, region_geometries(regions)):
        fg.add_to(m)
    selection_layer(regions.iloc[:1], region_geometries(regions), f"Selected: {HOSTILE}").add_to(m)
    legend(HOSTILE, [(HOSTILE, "#123456")], HOSTILE).add_to(m)
    folium.LayerControl().add_to(m)
    html = render(m)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "\\u003cscript\\u003e" not in html or "&lt;" in html


def test_date_range_text():
    assert date_range_text("2024-07-14", "2024-07-17") == "2024-07-14 – 2024-07-17"
    assert date_range_text("2024-07-24", "2024-07-24") == "2024-07-24"
    assert date_range_text("2024-09-01", "2024-09-30", "month") == "2024-09"


def test_source_links_number_and_open_in_a_new_tab():
    links = source_links(["https://a.example/1", "https://b.example/2"])
    assert links.count('target="_blank" rel="noopener noreferrer"') == 2
    assert ">[1]<" in links and ">[2]<" in links


def test_land_layer_fetches_its_data():
    m = base_map(ASSETS, tiles=False)
    land_layer(ASSETS.land_geojson).add_to(m)
    html = render(m)
    assert 'fetch("/app/static/land/land-abc.geojson")' in html
    assert '"pane": "land"' in html and '"interactive": false' in html


def test_selection_layer_outlines_without_blocking_clicks(small_dataset):
    fg = selection_layer(small_dataset.regions.iloc[:2], region_geometries(small_dataset.regions), "Selected: X")
    (layer,) = geojson_children(fg)
    assert len(layer.data["features"]) == 2
    assert layer.options["interactive"] is False


def test_geodata_and_layers_do_not_import_streamlit():
    code = "import geodata.loaders, geodata.filters, geodata.query, layers, sys; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("precision", "dashed", "nearly_empty"),
    [
        (None, False, False),
        ("IHO S-23 limits on Natural Earth 10m coast (about 1 km)", False, False),
        ("approximate: position estimated from the named site; 30 km circle", True, False),
        ("region only: sources say only 'in Russia'", True, True),
    ],
)
def test_region_style_shows_how_precise_the_place_is(precision, dashed, nearly_empty):
    from layers.styles import region_style

    style = region_style("naval", 3, 3, precision)
    assert ("dashArray" in style) is dashed
    assert (style["fillOpacity"] < 0.1) is nearly_empty


def test_popup_states_the_location_precision_after_what_happened_there(small_dataset):
    records = small_dataset.exercises.to_dict("records")
    region = {"name": "Tsugol", "area_km2": 11305, "precision": "approximate: <estimated>",
              "coast_km": "JPN:10;KOR:20;TWN:30;USA:40"}
    text = region_popup_html(region, records)
    assert "Location: approximate: &lt;estimated&gt;" in text
    assert text.index("Tsugol") < text.index("Delta-2024") < text.index("Alpha-2016") < text.index(
        "Nearest coasts") < text.index("Location:")  # the exercises, newest first, then where and how drawn


def test_a_range_says_how_far_it_lies_from_the_towns_near_it(small_dataset):
    from geodata.towns import NearbyTown
    from layers.popups import towns_text

    near = (NearbyTown("Borzya", 67.46, "west"), NearbyTown("Chita", 225.99, "south-east"))
    assert towns_text(near) == "65 km west of Borzya · 230 km south-east of Chita"
    assert towns_text([NearbyTown("Znamensk", 1.2, "east"), NearbyTown("X", 1_234.0, "north")]) == (
        "5 km east of Znamensk · 1,230 km north of X")  # never "0 km"
    region = {"name": "Tsugol", "area_km2": 11305, "precision": "approximate", "coast_km": "JPN:900"}
    text = region_popup_html(region, small_dataset.exercises.to_dict("records"), near=near)
    assert "Estimated position: 65 km west of Borzya · 230 km south-east of Chita" in text
    assert text.index("Alpha-2016") < text.index("Estimated position") < text.index("Nearest coasts") < text.index(
        "Location:")
    hostile = region_popup_html(region, [], near=[NearbyTown(HOSTILE, 10, "north")])
    assert "<script>" not in hostile and "<img" not in hostile
    assert "Estimated position" not in region_popup_html(region, [])


def test_region_layers_put_the_prepared_towns_in_the_popup(small_dataset):
    from geodata.towns import NearbyTown

    regions, exercises = small_dataset.regions, small_dataset.exercises
    region_id = regions_for(regions, exercises)["region_id"].iloc[0]
    geometries = region_geometries(regions, nearby_towns={region_id: (NearbyTown("Borzya", 67.46, "west"),)})
    popups = {feature["properties"]["region_id"]: feature["properties"]["popup"]
              for layer in region_layers(regions_for(regions, exercises), exercises, geometries)
              for child in layer._children.values() if hasattr(child, "data")
              for feature in child.data["features"]}
    assert "Estimated position: 65 km west of Borzya" in popups[region_id]
    assert sum("Estimated position" in popup for popup in popups.values()) == 1


def test_coast_distances_read_in_words():
    from layers.popups import coast_text

    assert coast_text("JPN:0;KOR:1274;TWN:2500;USA:1028") == (
        "Japan: touches · South Korea 1,274 km (688 NM) · Taiwan 2,500 km (1,350 NM) · US 1,028 km (555 NM)"
    )
    # Far coasts say nothing: the Sea of Okhotsk's Taiwan, and all four of the Gulf of Aden's.
    assert coast_text("JPN:0;KOR:1274;TWN:2881;USA:1028") == (
        "Japan: touches · South Korea 1,274 km (688 NM) · US 1,028 km (555 NM)")
    assert coast_text("JPN:8272;KOR:8291;TWN:7802;USA:10569") == ""
    assert coast_text("JPN:x;KOR:12") == "South Korea 12 km (6 NM)"
    assert coast_text(None) == ""


def test_bundled_regions_state_their_coast_distances():
    from geodata.loaders import load_dataset
    from geodata.schema import DATA_DIR

    regions = load_dataset(DATA_DIR).regions.set_index("region_id")
    assert regions.loc["sea_of_japan", "coast_km"].startswith("JPN:0;KOR:0;")
    assert regions.loc["bering_sea", "coast_km"].endswith("USA:0")


@pytest.mark.parametrize(
    "text", ["[x](javascript:alert(1))", "**bold** _i_ `code`", "$x^2$ :smile: <b>", "# title\n- item"]
)
def test_markdown_escape_leaves_no_markup(text):
    from layers.popups import markdown_escape

    escaped = markdown_escape(text)
    assert escaped.replace("\\", "") == text
    assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c in "[]()*_`$:<>#" and i > 0)


def test_the_same_map_renders_the_same_script(small_dataset):
    from layers import dashboard_map

    def build():
        return dashboard_map(small_dataset.regions, region_geometries(small_dataset.regions), small_dataset.exercises,
                             ASSETS, routes=small_dataset.routes).get_root().render()

    assert build() == build()


def test_popup_lines_built_once_per_dataset_give_the_same_map(small_dataset):
    from layers import dashboard_map

    shown = small_dataset.exercises.iloc[1:3]

    def build(geometries):
        page = dashboard_map(small_dataset.regions, geometries, shown, ASSETS, routes=small_dataset.routes
                             ).get_root().render()
        return re.sub(r"_[0-9a-f]{32}", "_ID", page)

    with_lines = region_geometries(small_dataset.regions, small_dataset.exercises)
    assert with_lines.popup_lines and build(with_lines) == build(region_geometries(small_dataset.regions))
    page = build(with_lines)
    assert all(name in page for name in shown["name"])
    assert small_dataset.exercises.iloc[0]["name"] not in page


def test_tooltips_and_popups_are_bound_in_the_browser(built):
    _, groups = built
    page = folium.Map(tiles=None)
    for fg in groups:
        fg.add_to(page)
    script = page.get_root().render()
    assert "layer.bindTooltip(html.tooltip" in script and "layer.bindPopup(popup" in script
    assert "GeoJsonPopup" not in script and "geojsondetail" not in script.lower()


def test_regions_given_by_the_caller_give_the_same_map(small_dataset):
    from layers import dashboard_map

    geometries = region_geometries(small_dataset.regions)
    shown = small_dataset.exercises.iloc[1:3]

    def build(**kwargs):
        page = dashboard_map(small_dataset.regions, geometries, shown, ASSETS, **kwargs).get_root().render()
        return re.sub(r"_[0-9a-f]{32}", "_ID", page)

    assert build(used_regions=regions_for(small_dataset.regions, shown)) == build()


def test_the_map_script_holds_leaflet_the_tools_script_the_plugins_in_order_and_both_are_published(tmp_path):
    from geodata.schema import DATA_DIR
    from layers.assets import (
        MAP_SCRIPT_PARTS,
        SOURCE_MAP_COMMENT,
        TOOLS_SCRIPT_PARTS,
        AssetUrls,
        map_script,
        map_script_name,
        publish_static_assets,
        scripts_of,
        tools_script,
        tools_script_name,
    )
    from layers.maphelpers import helpers_script

    def starts(script: bytes, parts) -> list[int]:
        text = script.decode("utf-8")
        return [text.index(SOURCE_MAP_COMMENT.sub("\n", part.read_text(encoding="utf-8"))[:200]) for part in parts]

    assert starts(map_script(), MAP_SCRIPT_PARTS) == [0] and map_script().endswith(helpers_script())
    assert [part.name for part in TOOLS_SCRIPT_PARTS] == ["leaflet.draw.js", "leaflet-measure.min.js",
                                                          "html-to-image.js"]
    assert starts(tools_script(), TOOLS_SCRIPT_PARTS) == sorted(starts(tools_script(), TOOLS_SCRIPT_PARTS))
    assert b"L.Control.Draw" not in map_script() and b"sourceMappingURL" not in map_script() + tools_script()
    publish_static_assets(tmp_path, DATA_DIR / "land.geojson")
    assert (tmp_path / map_script_name()).read_bytes() == map_script()
    assert (tmp_path / tools_script_name()).read_bytes() == tools_script()
    served = asset_urls("land/x.json")
    assert served.tools_script == f"/app/static/{tools_script_name()}"
    assert scripts_of(served, "x", "/x.js") == []  # the plugins come with the tools' script
    assert scripts_of(AssetUrls("/l.js", "/l.css", None), "x", "/x.js") == [("x", "/x.js")]


def test_a_served_map_with_its_tools_loads_one_script():
    from layers.snapshot import snapshot_control
    from layers.tools import draw_control, drawings_layer, measure_control

    m = base_map(ASSETS, tiles=False)
    drawings = drawings_layer().add_to(m)
    for control in (draw_control(ASSETS, drawings), measure_control(ASSETS),
                    snapshot_control(ASSETS, "Drill Atlas", "m.png")):
        control.add_to(m)
    page = render(m)
    assert re.findall(r'<script src="([^"]+)"', page) == [ASSETS.map_script]
    # the tools come from one more file, once the map is drawn (layers.maphelpers.after_tools)
    calls = tool_scripts(page)
    assert [url for url, _ in calls] == [ASSETS.tools_script] * 3
    assert ["new L.Control.Draw" in calls[0][1], "new L.Control.Measure" in calls[1][1],
            "Save the map as a picture" in calls[2][1]] == [True] * 3


def test_a_month_out_of_sight_widens_the_view_and_a_small_area_gets_a_ring():
    from streamlit_folium import _get_feature_group_string

    from geodata.loaders import load_dataset
    from layers.basemap import widen_to_show

    dataset = load_dataset()
    geometries = region_geometries(regions_for(dataset.regions, dataset.exercises))

    def month_of(exercise_id):
        shown = dataset.exercises[dataset.exercises["exercise_id"] == exercise_id]
        return region_layers(regions_for(dataset.regions, shown), shown, geometries)

    [group] = month_of("peace_mission_2012")  # a range in Tajikistan, 0.9° across
    widen_to_show(group, [[39.89, 69.03], [40.61, 69.97]])
    script = _get_feature_group_string(group, folium.Map())  # as streamlit-folium swaps a month in
    assert "(map_div, [[39.89, 69.03], [40.61, 69.97]]);" in script and "flyToBounds" in script
    assert script.count("L.marker(") == 1 and 'data-region=\\"chorukh_dairon_range\\"' in script
    until = geometries.labels["chorukh_dairon_range"]["minZoom"]
    assert f'"className": "da-ring da-until-{until}"' in script and until >= 7  # hidden once its name shows
    [seas] = month_of("joint_air_patrol_2026_jun")  # the Sea of Japan and the East China Sea: no ring
    assert "L.marker(" not in _get_feature_group_string(seas, folium.Map())


def test_rings_are_left_out_of_a_map_crowded_with_small_regions(small_dataset):
    from layers.regions import MAX_RINGS, SMALL_REGION_DEG

    tiny = small_dataset.regions.iloc[[0]].copy()
    many = tiny.loc[tiny.index.repeat(MAX_RINGS + 1)].reset_index(drop=True)
    many["region_id"] = [f"r{i}" for i in range(len(many))]
    many["geometry"] = [shapely.box(i, 0, i + SMALL_REGION_DEG / 2, 0.5) for i in range(len(many))]
    shown = small_dataset.exercises.assign(region_id_list=[tuple(many["region_id"])] * len(small_dataset.exercises))
    used = regions_for(many, shown)

    def markers(regions) -> int:
        m = folium.Map()
        for group in region_layers(regions, shown, region_geometries(regions)):
            group.add_to(m)
        return m.get_root().render().count("L.marker(")

    assert markers(used) == 0
    assert markers(used.iloc[:3]) == 3
