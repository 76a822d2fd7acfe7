"""Routes: the waypoint-table build, the loader and validator, and the map layer."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import polyline
import pyproj
import pytest
import shapely
from shapely.geometry import LineString, MultiLineString

from geodata import schema
from geodata.build.routes import ROUTES_CSV, ROUTES_GEOJSON, build_routes, pacific_longitudes, read_waypoints
from geodata.loaders import load_dataset
from geodata.problems import ERROR, WARNING, DataError
from geodata.routes import empty_routes, read_routes, route_parts, unreported_legs, validate_routes
from layers.assets import asset_urls
from layers.compose import dashboard_map
from layers.outlines import encode_lines
from layers.regions import region_geometries
from layers.routes import (
    OTHER_ROUTE_OPACITY,
    ROUTE_CLASS,
    ROUTE_DASHES,
    ROUTE_DECIMALS,
    ROUTE_WEIGHT,
    SELECTED_ROUTE,
    UNREPORTED_LEG,
    UNREPORTED_LEGEND,
    route_layer,
    route_style,
)
from layers.styles import GROUP_COLOURS, ROUTE_COLOURS, darker

HOSTILE = '<img src=x onerror="alert(1)">'
WAYPOINT_HEADER = "route_id,exercise_id,route_kind,seq,lon,lat,place,strait,source"


def feature(**overrides) -> dict:
    props = {
        "route_id": "good_route",
        "exercise_id": "bravo_2019",
        "route_kind": "patrol",
        "waypoints": "A;B",
        "straits": "",
        "source": "https://example.org/r",
        "precision": "schematic",
    }
    geometry = overrides.pop("geometry", {"type": "LineString", "coordinates": [[131.0, 42.0], [135.0, 45.0]]})
    props.update(overrides)
    return {"type": "Feature", "properties": props, "geometry": geometry}


def write_routes(data_dir: Path, *features: dict) -> Path:
    path = data_dir / schema.ROUTES_FILE
    path.write_text(json.dumps({"type": "FeatureCollection", "features": list(features)}), encoding="utf-8")
    return path


def frame(*features: dict) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame.from_features(list(features), crs="EPSG:4326")


# --- reading ------------------------------------------------------------------------

def test_missing_routes_file_means_no_routes(tmp_path):
    routes = read_routes(tmp_path / "routes.geojson")
    assert routes.empty and routes.crs.to_epsg() == 4326
    assert set(schema.ROUTE_PROPERTIES) <= set(routes.columns)


@pytest.mark.parametrize(
    ("content", "words"),
    [("", "empty"), ("{not json", "cannot be read as GeoJSON")],
)
def test_unusable_routes_file_raises_a_data_error_naming_the_file(tmp_path, content, words):
    path = tmp_path / "routes.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_routes(path)
    assert caught.value.problems[0].file == "routes.geojson"
    assert words in caught.value.problems[0].message


def test_missing_property_is_named(tmp_path):
    bare = feature()
    del bare["properties"]["precision"]
    with pytest.raises(DataError) as caught:
        read_routes(write_routes(tmp_path, bare))
    assert [(p.file, p.field) for p in caught.value.problems] == [("routes.geojson", "precision")]


def test_one_point_line_is_reported_not_fatal(tmp_path):
    broken = feature(route_id="stub", geometry={"type": "LineString", "coordinates": [[131.0, 42.0]]})
    path = write_routes(tmp_path, feature(), broken)
    routes, problems = validate_routes(read_routes(path), frozenset({"bravo_2019"}))
    assert list(routes["route_id"]) == ["good_route"]
    assert [(p.row, p.field) for p in problems] == [("feature 2 (stub)", "geometry")]
    assert "at least 2 points" in problems[0].message


def test_unusable_routes_file_does_not_stop_the_dataset(small_data):
    (small_data / "routes.geojson").write_text("{not json", encoding="utf-8")
    dataset = load_dataset(small_data)
    assert len(dataset.exercises) == 4 and dataset.routes.empty
    assert [p.file for p in dataset.problems] == ["routes.geojson"]


def test_small_dataset_routes_load_clean(small_dataset):
    assert list(small_dataset.routes["route_id"]) == ["bravo_2019_patrol", "charlie_2024_air"]
    bravo = small_dataset.routes.iloc[0]
    assert bravo["waypoint_list"] == ("North box west", "North box middle", "Test bay")
    assert bravo["strait_list"] == ("Test strait",)
    assert small_dataset.routes.iloc[1]["strait_list"] == ()


# --- validation: each error class names file, feature and field ------------------------

@pytest.mark.parametrize(
    ("bad", "field", "words"),
    [
        (feature(route_id="Bad Route"), "route_id", "slug"),
        (feature(route_id="good_route"), "route_id", "already used by feature 1"),
        (feature(exercise_id="nowhere_2030"), "exercise_id", "not a valid exercise_id"),
        (feature(route_kind="cruise"), "route_kind", "not one of"),
        (feature(waypoints=" ; "), "waypoints", "empty"),
        (feature(source=""), "source", "at least one"),
        (feature(source="javascript:alert(1)"), "source", "http(s)"),
        (feature(precision="x" * (schema.MAX_TEXT_LENGTH + 1)), "precision", "limit"),
        (feature(geometry={"type": "Point", "coordinates": [131.0, 42.0]}), "geometry", "must be LineString"),
        (feature(geometry={"type": "LineString", "coordinates": [[131, 42], [131, 42]]}), "geometry", "invalid"),
        (feature(geometry={"type": "LineString", "coordinates": [[179, 60], [-179, 61]]}), "geometry",
         "cut a line that crosses 180°"),
        (feature(geometry={"type": "LineString", "coordinates": [[179, 60], [181, 61]]}), "geometry", "beyond ±180°"),
        (feature(geometry={"type": "MultiLineString", "coordinates": [[[130, 40], [131, 41]], [[140, 40], [141, 41]]]}),
         "geometry", "do not join into one line"),
        (feature(geometry=None), "geometry", "missing"),
    ],
)
def test_bad_route_is_reported_with_file_feature_and_field(bad, field, words):
    bad["properties"]["route_id"] = bad["properties"]["route_id"] if field == "route_id" else "bad_route"
    valid, problems = validate_routes(frame(feature(), bad), frozenset({"bravo_2019"}))
    assert list(valid["route_id"]) == ["good_route"], "the good route must still load"
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.field, problem.severity) == ("routes.geojson", field, ERROR)
    assert problem.row.startswith("feature 2")
    assert words in problem.message
    assert str(problem).startswith("routes.geojson, feature 2")


def test_waypoint_count_mismatch_is_a_warning_and_the_route_is_kept():
    valid, problems = validate_routes(frame(feature(waypoints="A;B;C")), frozenset({"bravo_2019"}))
    assert list(valid["route_id"]) == ["good_route"]
    assert [(p.field, p.severity) for p in problems] == [("waypoints", WARNING)]


def test_validate_routes_of_nothing_is_empty():
    valid, problems = validate_routes(empty_routes(), frozenset())
    assert valid.empty and problems == []


# --- the build from the waypoint table ----------------------------------------------

def test_pacific_longitudes_keep_a_route_continuous_across_180():
    assert pacific_longitudes([165.0, -178.0, -169.0]) == [165.0, 182.0, 191.0]
    assert pacific_longitudes([-172.0, -175.0]) == [188.0, 185.0]
    assert pacific_longitudes([18.0, 30.0, -10.0]) == [18.0, 30.0, -10.0]  # the Atlantic side is untouched


def write_waypoints(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "routes.csv"
    path.write_text("\n".join([WAYPOINT_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


GOOD_WAYPOINTS = (
    "r_1,bravo_2019,patrol,1,175.0,58.0,West,,https://example.org/a",
    "r_1,bravo_2019,patrol,2,-175.0,59.0,East,Test Strait,https://example.org/b",
)


def test_build_routes_writes_lines_the_loader_accepts(tmp_path):
    out = tmp_path / "routes.geojson"
    assert build_routes(write_waypoints(tmp_path, *GOOD_WAYPOINTS), out) == 1
    routes, problems = validate_routes(read_routes(out), frozenset({"bravo_2019"}))
    assert problems == []
    route = routes.iloc[0]
    assert list(route.geometry.coords) == [(175.0, 58.0), (185.0, 59.0)]
    assert route["waypoints"] == "West;East" and route["straits"] == "Test Strait"
    assert route["source"] == "https://example.org/a;https://example.org/b"
    assert route["precision"].startswith("schematic")


WAY_HEADER = WAYPOINT_HEADER + ",way"


def test_a_leg_whose_way_is_not_reported_is_built_loaded_and_drawn_apart(tmp_path, small_dataset):
    path = tmp_path / "routes.csv"
    path.write_text("\n".join([
        WAY_HEADER,
        "r_1,bravo_2019,patrol,1,130.0,30.0,Sea,,https://example.org/a,",
        "r_1,bravo_2019,patrol,2,131.0,31.0,Strait,,https://example.org/a,",
        "r_1,bravo_2019,patrol,3,132.0,40.0,<b>Home</b>,,https://example.org/b,not reported",
        "r_1,bravo_2019,patrol,4,133.0,41.0,Bay,,https://example.org/b,",
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "routes.geojson"
    build_routes(path, out)
    routes, problems = validate_routes(read_routes(out), frozenset({"bravo_2019"}))
    assert problems == [] and routes.iloc[0][schema.UNREPORTED_LEGS] == "2"
    assert routes.iloc[0]["unreported_list"] == (2,)
    runs, legs = route_parts(routes.iloc[0].geometry, (2,))
    assert [list(run.coords) for run in runs] == [[(130.0, 30.0), (131.0, 31.0)], [(132.0, 40.0), (133.0, 41.0)]]
    assert [(leg, list(line.coords)) for leg, line in legs] == [(2, [(131.0, 31.0), (132.0, 40.0)])]
    shown = small_dataset.exercises.loc[small_dataset.exercises["exercise_id"] == "bravo_2019"]
    layer = next(iter(route_layer(routes, shown)._children.values()))
    features = layer.data["features"]
    assert [f["properties"]["route_id"] for f in features] == ["r_1", "r_1 leg 2"]
    assert features[0]["geometry"]["type"] == "MultiLineString"
    unreported = layer.style_function(features[1])
    assert unreported | UNREPORTED_LEG == unreported and layer.style_function(features[0])["dashArray"] is None
    tooltip = features[1]["properties"]["tooltip"]
    assert "way from Strait to &lt;b&gt;Home&lt;/b&gt; not reported" in tooltip and "<b>Home" not in tooltip
    assert "(way here not reported)" in features[0]["properties"]["popup"]
    assert route_layer(routes, shown).legend_lines == [("patrol route", None, 1.0), (UNREPORTED_LEGEND, "10 5 2 5", 0.6)]


def test_the_legend_draws_the_route_kinds_shown(small_dataset):
    m = dashboard_map(small_dataset.regions, region_geometries(small_dataset.regions), small_dataset.exercises,
                      asset_urls(None), routes=small_dataset.routes, tiles=False)
    (legend_html,) = [child.html for child in m._children.values() if type(child).__name__ == "_Legend"]
    assert "patrol route" in legend_html and "air patrol" in legend_html and 'stroke-dasharray="1 6"' in legend_html
    assert "transit" not in legend_html and UNREPORTED_LEGEND not in legend_html  # neither drawn here


@pytest.mark.parametrize(
    ("rows", "field", "words"),
    [
        (("r_1,bravo_2019,patrol,1,130.0,30.0,A,,https://example.org/a,not reported",
          "r_1,bravo_2019,patrol,2,131.0,31.0,B,,https://example.org/a,"), "way", "first waypoint"),
        (("r_1,bravo_2019,patrol,1,130.0,30.0,A,,https://example.org/a,",
          "r_1,bravo_2019,patrol,2,131.0,31.0,B,,https://example.org/a,unknown"), "way", "neither empty nor"),
    ],
)
def test_a_bad_way_is_named_by_line_and_field(tmp_path, rows, field, words):
    path = tmp_path / "routes.csv"
    path.write_text("\n".join([WAY_HEADER, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_waypoints(path)
    assert [p.field for p in caught.value.problems] == [field] and words in caught.value.problems[0].message


@pytest.mark.parametrize(("cell", "legs", "bad"), [("", (), []), ("3;1;3", (1, 3), []), ("0;4;x;2", (2,), ["0", "4", "x"])])
def test_unreported_legs_are_numbers_of_legs_of_the_line(cell, legs, bad):
    assert unreported_legs(cell, 4) == (legs, bad)


def pacific(shape):
    return shapely.union_all([shape, shapely.transform(shape, lambda c: c + [360.0, 0.0])])


def test_no_route_is_drawn_across_land_it_did_not_cross_where_its_way_is_reported():
    """A ship's straight line over land cannot be its way, nor a bomber's over a third country
    (South Korea, Japan: no source reports an airspace violation). A leg goes by the sea its
    sources name, or says its way is not reported (drawn dash-dot, left out of the measures).
    Schematic lines may clip islands and capes: up to 40 km for ships, 50 km for aircraft."""
    land = pacific(shapely.union_all(gpd.read_file(schema.DATA_DIR / "land.geojson", engine="pyogrio").geometry.values))
    countries = gpd.read_file(schema.DATA_DIR / "countries.geojson", engine="pyogrio")
    third = pacific(shapely.union_all(countries.loc[~countries["iso_a3"].isin(["CHN", "RUS"])].geometry.values))
    geod = pyproj.Geod(ellps="WGS84")
    over = []
    for route in load_dataset().routes.to_dict("records"):
        flown = route["route_kind"] == "air_patrol"
        runs, _ = route_parts(route["geometry"], route["unreported_list"])
        for run in runs:
            for a, b in itertools.pairwise(shapely.get_coordinates(run)):
                km = geod.geometry_length(LineString([a, b]).intersection(third if flown else land)) / 1000
                if km > (50 if flown else 40):
                    over.append((route["route_id"], round(km)))
    assert over == []


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("r_1,bravo_2019,cruise,3,170.0,57.0,P,,https://example.org/c", "route_kind", "not one of"),
        ("r_1,other_2020,patrol,3,170.0,57.0,P,,https://example.org/c", "exercise_id", "differs"),
        ("r_1,bravo_2019,patrol,2,170.0,57.0,P,,https://example.org/c", "seq", "used twice"),
        ("r_1,bravo_2019,patrol,3,170.0,97.0,P,,https://example.org/c", "lat", "outside"),
        ("r_1,bravo_2019,patrol,3,east,57.0,P,,https://example.org/c", "lon", "not a number"),
        ('r_1,bravo_2019,patrol,3,170.0,57.0,"P; Q",,https://example.org/c', "place", "separates places"),
        ("r_1,bravo_2019,patrol,3,170.0,57.0,P,,ftp://example.org/c", "source", "http(s)"),
        ("r_2,bravo_2019,patrol,1,170.0,57.0,P,,https://example.org/c", "route_id", "only one waypoint"),
    ],
)
def test_bad_waypoint_is_named_by_line_and_field(tmp_path, row, field, words):
    with pytest.raises(DataError) as caught:
        read_waypoints(write_waypoints(tmp_path, *GOOD_WAYPOINTS, row))
    problems = caught.value.problems
    assert [(p.file, p.row, p.field) for p in problems] == [("routes.csv", "line 4", field)]
    assert words in problems[0].message


def test_committed_routes_are_the_build_of_the_waypoint_table(tmp_path):
    out = tmp_path / "routes.geojson"
    build_routes(ROUTES_CSV, out)
    assert out.read_bytes() == ROUTES_GEOJSON.read_bytes()


# --- the layer ------------------------------------------------------------------------

def test_route_layer_is_one_geojson_of_the_shown_exercises_routes(small_dataset):
    shown = small_dataset.exercises.loc[small_dataset.exercises["exercise_id"] != "bravo_2019"]
    fg = route_layer(small_dataset.routes, shown)
    assert isinstance(fg, folium.FeatureGroup)
    assert fg.layer_name == "Routes (1)"
    children = list(fg._children.values())
    assert len(children) == 1 and isinstance(children[0], folium.GeoJson)
    assert [f["properties"]["route_id"] for f in children[0].data["features"]] == ["charlie_2024_air"]
    # the exercise list beside the map marks a route by its exercise (data-exercise on its path)
    assert [f["properties"]["exercise_id"] for f in children[0].data["features"]] == ["charlie_2024"]


def test_route_layer_is_none_without_shown_routes(small_dataset):
    shown = small_dataset.exercises.loc[small_dataset.exercises["exercise_id"] == "alpha_2016"]
    assert route_layer(small_dataset.routes, shown) is None


def test_route_style_follows_kind_and_domain(small_dataset):
    data = route_layer(small_dataset.routes, small_dataset.exercises)._children
    geojson = next(iter(data.values()))
    styles = {f["properties"]["route_id"]: geojson.style_function(f) for f in geojson.data["features"]}
    assert styles["bravo_2019_patrol"]["color"] == ROUTE_COLOURS["naval"] == darker(GROUP_COLOURS["naval"])
    assert styles["bravo_2019_patrol"]["dashArray"] is None
    assert styles["charlie_2024_air"]["color"] == ROUTE_COLOURS["air"] == "#774818"  # #d9822b with each channel at 55 %
    assert styles["charlie_2024_air"]["dashArray"] == ROUTE_DASHES["air_patrol"]
    assert ROUTE_DASHES["transit"] not in (None, ROUTE_DASHES["air_patrol"])


def test_a_selected_exercises_routes_are_wide_on_top_and_the_others_dimmed(small_dataset):
    geojson = next(iter(route_layer(small_dataset.routes, small_dataset.exercises, "bravo_2019")._children.values()))
    features = geojson.data["features"]
    styles = {f["properties"]["route_id"]: geojson.style_function(f) for f in features}
    assert features[-1]["properties"]["exercise_id"] == "bravo_2019"  # drawn last: over the others
    assert styles["bravo_2019_patrol"] | SELECTED_ROUTE == styles["bravo_2019_patrol"]
    assert styles["bravo_2019_patrol"]["weight"] == 2 * ROUTE_WEIGHT
    assert styles["charlie_2024_air"]["opacity"] == OTHER_ROUTE_OPACITY
    assert styles["charlie_2024_air"]["dashArray"] == ROUTE_DASHES["air_patrol"]
    # an exercise without a route (or none selected) leaves every route as it was
    for selected in ("alpha_2016", None):
        layer = next(iter(route_layer(small_dataset.routes, small_dataset.exercises, selected)._children.values()))
        assert {f["properties"]["route_id"]: layer.style_function(f) for f in layer.data["features"]} == {
            route_id: route_style_of(small_dataset, route_id) for route_id in styles}


def route_style_of(dataset, route_id: str) -> dict:
    route = dataset.routes.set_index("route_id").loc[route_id]
    domain = dataset.exercises.set_index("exercise_id").loc[route["exercise_id"], "domain"]
    return route_style(route["route_kind"], domain)


def test_route_tooltip_and_popup_escape_hostile_text(small_dataset):
    exercises = small_dataset.exercises.copy()
    exercises.loc[exercises["exercise_id"] == "charlie_2024", "name"] = HOSTILE
    routes = small_dataset.routes.copy()
    routes.at[1, "waypoint_list"] = ("<script>alert(2)</script>", "B", "C")
    routes.at[1, "strait_list"] = ("<b>Strait</b>",)
    routes.at[1, "source_urls"] = ("javascript:alert(3)", "https://example.org/ok")
    geojson = next(iter(route_layer(routes, exercises)._children.values()))
    props = next(f["properties"] for f in geojson.data["features"] if f["properties"]["route_id"] == "charlie_2024_air")
    for text in (props["tooltip"], props["popup"]):
        assert "<img" not in text and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in text
    assert "<script>" not in props["popup"] and "&lt;script&gt;" in props["popup"]
    assert "<b>Strait" not in props["popup"]
    assert 'href="javascript' not in props["popup"] and 'href="https://example.org/ok"' in props["popup"]
    assert props["popup"].index("&lt;script&gt;") < props["popup"].index(">B</li>") < props["popup"].index(">C</li>")


def decoded(geometry: dict) -> list:
    """GeoJSON coordinates of an encoded line, decoded with the reference implementation (PyPI polyline)."""
    def lines(value):
        if isinstance(value, str):
            return [list(pair) for pair in polyline.decode(value, geometry["p"], geojson=True)]
        return [lines(item) for item in value]

    return lines(geometry["e"])


def test_encoded_lines_decode_to_the_coordinates_within_the_precision():
    lines = [
        LineString([(131.9, 43.1), (182.123456, 58.0), (191.0, 65.8)]),
        MultiLineString([[(120.3, 36.1), (-0.000004, -12.5)], [(140.0, 40.0), (141.5, 41.25), (179.99999, 60.0)]]),
        None,
        LineString(),
    ]
    encoded = encode_lines(lines, ROUTE_DECIMALS)
    assert [e and e["type"] for e in encoded] == ["LineString", "MultiLineString", None, None]
    assert "t" not in encoded[0]  # never refined as the region outlines are
    for geometry, line in zip(encoded[:2], lines[:2], strict=True):
        assert geometry["p"] == ROUTE_DECIMALS
        original = shapely.geometry.mapping(line)["coordinates"]
        back = decoded(geometry)
        if line.geom_type == "LineString":
            original, back = [original], [back]
        assert [len(part) for part in back] == [len(part) for part in original]
        for part, original_part in zip(back, original, strict=True):
            assert np.abs(np.array(part) - np.array(original_part)).max() <= 0.5 * 10.0**-ROUTE_DECIMALS + 1e-9


def test_route_layer_sends_encoded_lines_that_decode_to_the_routes(small_dataset):
    geojson = next(iter(route_layer(small_dataset.routes, small_dataset.exercises)._children.values()))
    by_id = small_dataset.routes.set_index("route_id")
    for feature in geojson.data["features"]:
        geometry = feature["geometry"]
        assert "coordinates" not in geometry and geometry["p"] == ROUTE_DECIMALS
        original = shapely.geometry.mapping(by_id.loc[feature["properties"]["route_id"], "geometry"])
        assert geometry["type"] == original["type"]
        assert np.allclose(np.array(decoded(geometry), dtype=float), np.array(original["coordinates"], dtype=float),
                           atol=10.0**-ROUTE_DECIMALS)
    west, south, east, north = small_dataset.routes.total_bounds
    assert geojson.get_bounds() == [[south, west], [north, east]]
    m = folium.Map(tiles=None)
    route_layer(small_dataset.routes, small_dataset.exercises).add_to(m)
    html = m.get_root().render()
    assert ROUTE_CLASS in html and '"e": ' in html and '"coordinates"' not in html


def test_route_across_the_antimeridian_stays_one_continuous_line(small_dataset):
    geojson = next(iter(route_layer(small_dataset.routes, small_dataset.exercises)._children.values()))
    line = next(f for f in geojson.data["features"] if f["properties"]["route_id"] == "charlie_2024_air")
    lons = np.array([x for x, _ in decoded(line["geometry"])])
    assert line["geometry"]["type"] == "LineString"
    assert lons.max() > 180 and np.abs(np.diff(lons)).max() <= 180


def test_dashboard_map_draws_routes_above_the_regions(small_dataset):
    assets = asset_urls(None)
    geometries = region_geometries(small_dataset.regions)
    shown = small_dataset.exercises
    with_routes = dashboard_map(
        small_dataset.regions, geometries, shown, assets, routes=small_dataset.routes, tiles=False
    )
    names = [getattr(child, "layer_name", None) for child in with_routes._children.values()]
    assert "Routes (2)" in names
    assert names.index("Routes (2)") > max(i for i, n in enumerate(names) if n and "drills" in n)
    without = dashboard_map(small_dataset.regions, geometries, shown, assets, tiles=False)
    names = [getattr(child, "layer_name", None) for child in without._children.values()]
    assert not any(n and n.startswith("Routes") for n in names)

