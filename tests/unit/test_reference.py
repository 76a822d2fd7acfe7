"""Tests for the reference layers: the zone and strait files, route crossings, the layer builder."""

from __future__ import annotations

import io
import json
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box, shape

from geodata.build import reference as build_reference
from geodata.crossings import (
    CROSSING_COLUMNS,
    SCHEMATIC_NOTE,
    crossings_frame,
    dataset_with_crossings,
    exercises_entering_zone,
    nm,
    route_crossings,
    strait_passes,
    zone_measures,
    zone_stretches,
)
from geodata.export import TABLE_COLUMNS, describe_view, export_file_name, to_csv_bytes, to_geojson_bytes
from geodata.filters import exercises_in_view
from geodata.geometry import area_km2
from geodata.loaders import load_dataset
from geodata.measure import read_countries
from geodata.query import Catalog, ViewState, view_from_params, view_from_widget_state, view_to_params, widget_state
from geodata.reference import REFERENCE_DIR, read_straits, read_zones
from geodata.user_shapes import measure_shape
from layers.popups import exercise_html
from layers.reference import LABEL_CLASS, reference_layers
from view.prepared import zone_choices
from view.text import headline
from view.tools import ZONE_FILTER_LABEL, filter_lists, measure_tables

# The published numbers, typed again from the sources the zone cites (not read from the build):
# Statement of the PRC Government, 23 Nov 2013, as printed by Xinhua
# (http://usa.fjsen.com/2013-11/23/content_13022305.htm): 北纬33度11分、东经121度47分, 北纬33度11分、
# 东经125度00分, 北纬31度00分、东经128度20分, 北纬25度38分、东经125度00分, 北纬24度45分、东经123度00分,
# 北纬26度44分、东经120度58分.
PUBLISHED = {
    "CN_ECS_ADIZ": [
        ((33, 11), (121, 47)),
        ((33, 11), (125, 0)),
        ((31, 0), (128, 20)),
        ((25, 38), (125, 0)),
        ((24, 45), (123, 0)),
        ((26, 44), (120, 58)),
    ],
    # KADIZ as adjusted on 8 Dec 2013: the 12 points of the transcription the zone cites
    # (github.com/Strider1370/ProjectAMO @0e44c88, frontend/public/data/adiz.geojson, "KOREA ADIZ":
    # [133.0,39.0],[123.5,39.0],[124.0,37.0],[124.0,30.0],[125.416667,30.0],[126.833333,32.5],[127.5,32.5],
    # [128.866667,34.283333],[129.15,34.716667],[129.8,35.216667],[130.5,36.0],[133.0,37.283333]).
    "KR_KADIZ": [
        ((39, 0), (133, 0)),
        ((39, 0), (123, 30)),
        ((37, 0), (124, 0)),
        ((30, 0), (124, 0)),
        ((30, 0), (125, 25)),
        ((32, 30), (126, 50)),
        ((32, 30), (127, 30)),
        ((34, 17), (128, 52)),
        ((34, 43), (129, 9)),
        ((35, 13), (129, 48)),
        ((36, 0), (130, 30)),
        ((37, 17), (133, 0)),
    ],
    # Taiwan's ADIZ: the 5 points of the transcription the zone cites
    # (github.com/LunaticGhoulPiano/Flight-Spotter @6af544d, data/filter_regions/Taiwan_ADIZ.json:
    # 21°00'00"N 117°30'00"E, 21°00'00"N 121°30'00"E, 22°30'00"N 123°00'00"E, 29°00'00"N 123°00'00"E,
    # 29°00'00"N 117°30'00"E).
    "TW_ADIZ": [
        ((21, 0), (117, 30)),
        ((21, 0), (121, 30)),
        ((22, 30), (123, 0)),
        ((29, 0), (123, 0)),
        ((29, 0), (117, 30)),
    ],
}
# What the governments published, where it can be set against a transcription: the nine "main
# boundary points" of the ROK Ministry of National Defense's announcement of 8 Dec 2013 as a newspaper
# printed them (https://www.newdaily.co.kr/site/data/html/2013/12/08/2013120800033.html; its
# "122°25'" is a misprint of 125°25', the Incheon FIR's 3000N 12525E), and the line Taiwan's Ministry
# of National Defense gave in Dec 2013 (https://jp.taiwantoday.tw/news_amp.php?post=71418&unit=148).
KADIZ_ANNOUNCED = [((39, 0), (123, 30)), ((39, 0), (133, 0)), ((37, 0), (124, 0)), ((37, 17), (133, 0)),
                   ((30, 0), (124, 0)), ((30, 0), (125, 25)), ((32, 30), (126, 50)), ((32, 30), (127, 30)),
                   ((34, 17), (128, 52))]
TW_ANNOUNCED_LINE = [((22, 30), (123, 0)), ((21, 0), (121, 30))]
CLOSED_AS_PUBLISHED = {"KR_KADIZ", "TW_ADIZ"}
"""Zones drawn as their points close them (no landward limit at a coast)."""


def _degrees(dm: tuple[int, int]) -> float:
    return dm[0] + dm[1] / 60.0


@pytest.fixture(scope="module")
def zone_features() -> dict[str, dict]:
    data = json.loads((REFERENCE_DIR / "adiz.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["zone_id"]: f for f in data["features"]}


@pytest.fixture(scope="module")
def zones():
    frame, problems = read_zones()
    assert problems == []
    return frame


@pytest.fixture(scope="module")
def straits():
    frame, problems = read_straits()
    assert problems == []
    return frame


@pytest.fixture(scope="module")
def countries():
    return read_countries()


# --- the files ---------------------------------------------------------------------------------

def test_every_zone_has_the_published_vertices_in_order(zone_features):
    assert set(zone_features) == set(PUBLISHED)
    for zone_id, points in PUBLISHED.items():
        ring = zone_features[zone_id]["geometry"]["coordinates"][0]
        expected = [(_degrees(lon), _degrees(lat)) for lat, lon in points]
        found = [min(range(len(ring)), key=lambda i, p=p: abs(ring[i][0] - p[0]) + abs(ring[i][1] - p[1]))
                 for p in expected]
        for index, (lon, lat) in zip(found, expected, strict=True):
            assert ring[index][0] == pytest.approx(lon, abs=1e-6)
            assert ring[index][1] == pytest.approx(lat, abs=1e-6)
        # consecutive published points are consecutive vertices of the ring (either direction)
        steps = {(b - a) % (len(ring) - 1) for a, b in zip(found, found[1:], strict=False)}
        assert steps in ({1}, {len(ring) - 2})


def test_the_transcriptions_hold_what_the_governments_published(zone_features):
    def vertex_set(zone_id):
        return {(round(x, 6), round(y, 6)) for x, y in zone_features[zone_id]["geometry"]["coordinates"][0]}

    announced = {(round(_degrees(lon), 6), round(_degrees(lat), 6)) for lat, lon in KADIZ_ANNOUNCED}
    assert announced <= vertex_set("KR_KADIZ")
    assert len(vertex_set("KR_KADIZ") - announced) == 3  # the three points along Japan's ADIZ
    line = [(_degrees(lon), _degrees(lat)) for lat, lon in TW_ANNOUNCED_LINE]
    assert set(line) <= vertex_set("TW_ADIZ")
    for zone_id in CLOSED_AS_PUBLISHED:
        props = zone_features[zone_id]["properties"]
        assert props["precision"].startswith("secondary transcription")
        assert "github.com" in props["source"].split(";")[0]
        assert props["differences"]
    assert "122°25'" in zone_features["KR_KADIZ"]["properties"]["differences"]
    assert "487,000 km²" in zone_features["TW_ADIZ"]["properties"]["differences"]


def test_closed_zones_have_just_their_published_vertices(zone_features):
    for zone_id in CLOSED_AS_PUBLISHED:
        ring = zone_features[zone_id]["geometry"]["coordinates"][0]
        assert len(ring) == len(PUBLISHED[zone_id]) + 1 and ring[0] == ring[-1]


def test_zone_area_is_within_one_percent_of_what_the_published_vertices_give(zone_features, countries):
    for zone_id, points in PUBLISHED.items():
        feature = zone_features[zone_id]
        vertices = [(_degrees(lon), _degrees(lat)) for lat, lon in points]
        if zone_id in CLOSED_AS_PUBLISHED:
            drawn = area_km2(shape(feature["geometry"]))
            assert drawn == pytest.approx(area_km2(Polygon(vertices)), rel=0.01)
            assert feature["properties"]["area_km2"] == pytest.approx(drawn, rel=0.01)
            continue
        china = countries.loc[countries["iso_a3"] == "CHN"].geometry.iloc[0]
        expected = area_km2(build_reference.zone_polygon(vertices, china))
        drawn = area_km2(shape(feature["geometry"]))
        assert drawn == pytest.approx(expected, rel=0.01)
        assert feature["properties"]["area_km2"] == pytest.approx(drawn, rel=0.01)
        # the seaward part alone: the polygon of the published points, west-closed, minus land
        assert drawn < area_km2(Polygon([*vertices, (117.0, vertices[-1][1]), (117.0, vertices[0][1])]))


def test_zone_properties_carry_source_precision_and_published(zone_features):
    for feature in zone_features.values():
        props = feature["properties"]
        assert props["source"].startswith("http")
        assert "straight lines" in props["precision"]
    assert zone_features["CN_ECS_ADIZ"]["properties"]["published"].startswith("2013-11-23")
    assert zone_features["KR_KADIZ"]["properties"]["published"].startswith("2013-12-08")


def test_reference_files_are_rfc7946_and_rebuild_identically(tmp_path):
    build_reference.build(tmp_path)
    for name in ("adiz.geojson", "straits.geojson"):
        committed = (REFERENCE_DIR / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == committed
        for feature in json.loads(committed)["features"]:
            coords = shapely.get_coordinates(shape(feature["geometry"]))
            assert abs(coords[:, 0]).max() <= 180.0 and abs(coords[:, 1]).max() <= 90.0
            assert shape(feature["geometry"]).is_valid


def test_every_strait_named_in_the_routes_has_a_gate(straits):
    dataset = load_dataset()
    named = {name for names in dataset.routes["strait_list"] for name in names}
    aliases = {alias.casefold() for names in straits["alias_list"] for alias in names}
    assert named and {name.casefold() for name in named} <= aliases
    assert all(url.startswith("http") for urls in straits["source"] for url in urls.split(";"))


def test_dm_to_degrees_reads_hemispheres():
    assert build_reference.dm_to_degrees("26°44'N") == pytest.approx(26.733333, abs=1e-6)
    assert build_reference.dm_to_degrees("168°05'W") == pytest.approx(-168.083333, abs=1e-6)


def test_bad_reference_features_are_reported_not_drawn(tmp_path):
    features = [
        {"type": "Feature", "properties": {"zone_id": "OK_ZONE", "name": "ok", "kind": "adiz", "published": "x",
                                            "precision": "p", "source": "https://example.org"},
         "geometry": {"type": "Polygon", "coordinates": [[[120, 30], [121, 30], [121, 31], [120, 30]]]}},
        {"type": "Feature", "properties": {"zone_id": "lower", "name": "bad id", "kind": "adiz", "published": "x",
                                            "precision": "p", "source": "https://example.org"},
         "geometry": {"type": "Polygon", "coordinates": [[[120, 30], [121, 30], [121, 31], [120, 30]]]}},
        {"type": "Feature", "properties": {"zone_id": "NO_SOURCE", "name": "n", "kind": "adiz", "published": "x",
                                            "precision": "p", "source": "javascript:alert(1)"},
         "geometry": {"type": "Polygon", "coordinates": [[[190, 30], [191, 30], [191, 31], [190, 30]]]}},
    ]
    path = tmp_path / "adiz.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    zones, problems = read_zones(path)
    assert list(zones["zone_id"]) == ["OK_ZONE"]
    messages = " | ".join(str(p) for p in problems)
    assert "upper-case" in messages and "not an http(s) URL" in messages and "±180" in messages
    assert read_zones(tmp_path / "missing.geojson")[0].empty


# --- crossings -----------------------------------------------------------------------------------

SQUARE = box(120.0, 20.0, 130.0, 30.0)


def _zones(*items: tuple[str, object]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"zone_id": [i for i, _ in items], "name": [i.title() for i, _ in items]},
                            geometry=[g for _, g in items], crs="EPSG:4326")


def _gates(*items: tuple[str, object], aliases=()) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"strait_id": [i for i, _ in items], "name": [i for i, _ in items],
         "alias_list": [(i, *aliases) for i, _ in items]},
        geometry=[g for _, g in items], crs="EPSG:4326",
    )


def test_a_route_through_a_zone_enters_and_leaves_where_it_crosses_the_limit():
    stretches, touched = zone_stretches(LineString([(115, 25), (135, 25)]), "Z", "Zed", SQUARE)
    assert not touched and len(stretches) == 1
    assert (stretches[0].entry.x, stretches[0].entry.y) == pytest.approx((120, 25))
    assert (stretches[0].exit.x, stretches[0].exit.y) == pytest.approx((130, 25))


def test_a_route_starting_or_ending_inside_has_no_entry_or_no_exit():
    starts, _ = zone_stretches(LineString([(125, 25), (135, 25)]), "Z", "Zed", SQUARE)
    assert starts[0].entry is None and starts[0].exit.x == pytest.approx(130)
    ends, _ = zone_stretches(LineString([(115, 25), (125, 25)]), "Z", "Zed", SQUARE)
    assert ends[0].entry.x == pytest.approx(120) and ends[0].exit is None


def test_a_route_that_only_touches_the_edge_does_not_enter():
    along, touched = zone_stretches(LineString([(115, 30), (135, 30)]), "Z", "Zed", SQUARE)
    assert along == [] and touched
    corner, touched = zone_stretches(LineString([(110, 40), (130, 30), (140, 40)]), "Z", "Zed", SQUARE)
    assert corner == [] and touched
    away, touched = zone_stretches(LineString([(110, 40), (140, 40)]), "Z", "Zed", SQUARE)
    assert away == [] and not touched


def test_an_out_and_back_route_enters_twice():
    stretches, _ = zone_stretches(LineString([(115, 25), (125, 25), (115, 25)]), "Z", "Zed", SQUARE)
    assert len(stretches) == 1  # it turns inside: one stretch, in and out through the same side
    assert stretches[0].entry.x == pytest.approx(120) and stretches[0].exit.x == pytest.approx(120)
    twice, _ = zone_stretches(LineString([(115, 25), (135, 25), (115, 26)]), "Z", "Zed", SQUARE)
    assert len(twice) == 2


def test_a_route_across_180_meets_zones_and_gates_on_either_side():
    zone = box(-175.0, 50.0, -165.0, 60.0)  # RFC 7946, west of 180°
    route = LineString([(170.0, 55.0), (200.0, 55.0)])  # Pacific frame, across 180°
    stretches, _ = zone_stretches(route, "BERING_BOX", "Bering box", zone)
    assert len(stretches) == 1
    assert (stretches[0].entry.x, stretches[0].exit.x) == pytest.approx((-175.0, -165.0))
    gate = LineString([(-169.7, 66.08), (-168.1, 65.63)])
    passes = strait_passes(LineString([(189.0, 65.0), (192.0, 67.0)]), _gates(("bering", gate)))
    assert [p.strait_id for p in passes] == ["bering"] and -180 <= passes[0].point.x <= 180


def test_a_gate_crossed_at_a_waypoint_counts_once_and_a_return_counts_again():
    gate = LineString([(0, -1), (0, 1)])
    passes = strait_passes(LineString([(-1, 0), (0, 0), (1, 0)]), _gates(("g", gate)))
    assert len(passes) == 1
    back = strait_passes(LineString([(-1, 0), (1, 0), (-1, 0.5)]), _gates(("g", gate)))
    assert len(back) == 2


def test_route_crossings_report_coasts_in_km_and_named_straits_the_line_misses(countries):
    routes = gpd.GeoDataFrame(
        {"route_id": ["r"], "exercise_id": ["e"], "strait_list": [("Gap Strait", "Unknown Strait")]},
        geometry=[LineString([(124.0, 26.0), (128.0, 26.0)])], crs="EPSG:4326",
    )
    zones = _zones(("Z", box(125, 25, 127, 27)))
    gates = _gates(("gap", LineString([(130, 20), (130, 30)])), aliases=("Gap Strait",))
    (result,) = route_crossings(routes, zones, gates, countries)
    assert [s.zone_id for s in result.zones] == ["Z"]
    assert result.named_not_crossed == ("Gap Strait", "Unknown Strait")
    assert set(result.coast_km) == {"JPN", "KOR", "TWN", "USA"}
    assert result.coast_km["JPN"] < 50  # it passes just south of Okinawa
    assert 0 < result.coast_km["TWN"] < 500
    frame = crossings_frame([result])
    assert frame.loc["e", "adiz_entered"] == "Z"
    assert frame.loc["e", "min_nm_TWN"] == pytest.approx(round(nm(result.coast_km["TWN"]), 1))
    assert frame.loc["e", "route_note"] == SCHEMATIC_NOTE
    exercises = pd.DataFrame({"exercise_id": ["e", "f"]})
    assert list(exercises_entering_zone(exercises, [result], "Z")["exercise_id"]) == ["e"]
    assert exercises_entering_zone(exercises, [result], "NOPE").empty


def test_bundled_routes_crossings(zones, straits, countries):
    dataset = load_dataset()
    crossings = route_crossings(dataset.routes, zones, straits, countries)
    by_route = {c.route_id: c for c in crossings}
    assert len(crossings) == len(dataset.routes)
    # West of Ieodo lies inside China's zone: the Dec 2020 route starts inside it
    assert by_route["joint_air_patrol_2020_dec"].zones[0].entry is None
    # The Alaska patrol and the coast guard's Bering route are nowhere near it
    assert by_route["joint_air_patrol_2024_jul"].zones == ()
    bering = by_route["coast_guard_joint_patrol_2024"]
    assert [p.strait_id for p in bering.straits] == ["bering_strait"]
    assert bering.coast_km["USA"] < 100
    # The first joint naval patrol went out through the Tsugaru Strait and south along Japan's
    # Pacific side: its line crossed Honshu and missed the Tsugaru gate until that leg was drawn
    first_patrol = by_route["joint_naval_patrol_2021"]
    assert [p.strait_id for p in first_patrol.straits] == ["tsugaru_strait", "osumi_strait"]
    assert first_patrol.named_not_crossed == () and first_patrol.coast_km["JPN"] > 0  # 0: across its land
    frame = crossings_frame(crossings)
    assert frame.index.is_unique and set(frame.index) <= set(dataset.exercises["exercise_id"])


def test_zone_measures_for_a_drawn_shape(zones):
    inside = zone_measures(Point(126.0, 29.0).buffer(0.2), zones)
    assert inside[0].zone_id == "CN_ECS_ADIZ" and inside[0].share == pytest.approx(1.0) and inside[0].km == 0.0
    outside = {m.zone_id: m for m in zone_measures(Point(129.4, 34.4), zones)}["CN_ECS_ADIZ"]
    assert outside.share == 0.0 and 100 < outside.km < 600 and outside.nm == pytest.approx(outside.km / 1.852)
    off_busan = {m.zone_id: m for m in zone_measures(Point(129.4, 34.4), zones)}["KR_KADIZ"]
    assert off_busan.share == 0.0 and 20 < off_busan.km < 60  # just east of the limit in the Korea Strait
    seoul = {m.zone_id: m for m in zone_measures(Point(127.0, 37.5).buffer(0.1), zones)}
    assert seoul["KR_KADIZ"].share == pytest.approx(1.0) and seoul["TW_ADIZ"].km > 800
    assert zone_measures(Point(-60.0, -30.0), zones)[0].km != zone_measures(Point(-60.0, -30.0), zones)[0].km  # NaN


# --- the layer ---------------------------------------------------------------------------------------

def test_layer_renders_labels_and_escapes_text(zones, straits):
    hostile = zones.copy()
    hostile.loc[0, "name"] = "<script>alert(1)</script>{{ 7*7 }}"
    groups = reference_layers(hostile, straits, show=["adiz"])
    assert [g.layer_name for g in groups] == [f"ADIZ ({len(zones)})", f"Strait gates ({len(straits)})"]
    assert [g.show for g in groups] == [True, False]
    m = folium.Map(tiles=None)
    for group in groups:
        group.add_to(m)
    html = m.get_root().render()
    assert "<script>alert(1)" not in html and "{{ 7*7 }}" not in html
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&#123;&#123; 7*7 &#125;&#125;"
    assert escaped.replace("&", "\\u0026") in html  # escaped HTML inside the layer's JSON
    assert LABEL_CLASS in html and "permanent: true" in html
    assert "Bering Strait" in html and "Sources:" in html
    assert reference_layers(zones.iloc[0:0], straits.iloc[0:0]) == []


def test_reference_files_exist_in_the_package():
    assert Path(REFERENCE_DIR / "adiz.geojson").is_file() and Path(REFERENCE_DIR / "straits.geojson").is_file()


# --- the crossings in the page: zone filter, details, exports, measures -------------------------

@pytest.fixture(scope="module")
def crossed(zones, straits, countries):
    """The bundled dataset with its crossings, and its catalogue with the zones."""
    dataset = dataset_with_crossings(load_dataset(), zones, straits, countries)
    catalog = Catalog.from_exercises(dataset.exercises, tuple(dataset.regions["region_id"]), dataset.version,
                                     zones=zone_choices(zones))
    return dataset, catalog


def test_zone_parameter_round_trips_and_reads_any_case(crossed):
    _, catalog = crossed
    view, notices = view_from_params({"zone": "cn_ecs_adiz", "years": "2019-2024"}, catalog)
    assert notices == [] and view.zones == ("CN_ECS_ADIZ",)
    params = view_to_params(view, catalog)
    assert params["zone"] == "CN_ECS_ADIZ"
    assert view_from_params(params, catalog)[0] == view
    assert view_from_widget_state(widget_state(view)) == view
    assert "zone" not in view_to_params(ViewState(view.years), catalog)


@pytest.mark.parametrize("value", ["KADIZ", "<script>alert(1)</script>", "CN_ECS_ADIZ,nope", "x" * 3000])
def test_a_bad_zone_value_is_ignored_with_a_notice(crossed, value):
    _, catalog = crossed
    view, notices = view_from_params({"zone": value}, catalog)
    assert len(notices) == 1 and notices[0].startswith("zone")
    assert view.zones == (("CN_ECS_ADIZ",) if value.startswith("CN_ECS_ADIZ") else ())


def test_zone_filter_shows_exactly_the_exercises_whose_route_entered(crossed, zones, straits, countries):
    from geodata.query import view_from_params

    dataset, catalog = crossed
    view, _ = view_from_params({"zone": "CN_ECS_ADIZ"}, catalog)
    shown = exercises_in_view(dataset.exercises, view)
    crossings = route_crossings(dataset.routes, zones, straits, countries)
    expected = exercises_entering_zone(dataset.exercises, crossings, "CN_ECS_ADIZ")
    assert set(shown["exercise_id"]) == set(expected["exercise_id"]) and len(shown) >= 10
    assert "joint_air_patrol_2024_jul" not in set(shown["exercise_id"])  # the Alaska patrol
    plain = load_dataset().exercises  # without crossings computed, no exercise entered any zone
    assert exercises_in_view(plain, view).empty


def test_zone_filter_is_in_the_citation_file_name_headline_and_sidebar(crossed):
    from geodata.query import ViewState

    dataset, catalog = crossed
    view = ViewState((2019, 2024), zones=("CN_ECS_ADIZ",))
    assert describe_view(view, catalog) == "2019–2024; routes entered: CN_ECS_ADIZ"
    assert export_file_name(view, catalog, "v1", "csv") == "drill-atlas_v1_2019-2024_cn-ecs-adiz.csv"
    shown = dataset.exercises.head(3)
    text = headline(shown, shown, 3, view.years, zones=[catalog.zone_name("CN_ECS_ADIZ")]).text()
    assert "route entered China: East China Sea ADIZ" in text
    lists = {key: (label, options, shown_as) for label, key, options, _, shown_as in filter_lists(catalog, {})}
    label, options, shown_as = lists["zone"]
    assert label == ZONE_FILTER_LABEL and options == ("CN_ECS_ADIZ", "KR_KADIZ", "TW_ADIZ")
    assert shown_as("CN_ECS_ADIZ") == "China: East China Sea ADIZ"
    without = Catalog.from_exercises(dataset.exercises, (), dataset.version)
    assert "zone" not in {key for _, key, *_ in filter_lists(without, {})}


def test_details_say_what_the_route_crossed_and_that_routes_are_schematic(crossed):
    dataset, _ = crossed
    by_id = dataset.exercises.set_index("exercise_id", drop=False)
    html = exercise_html(by_id.loc["joint_air_patrol_2019_jul"].to_dict())
    assert "What the route crosses on the map" in html
    assert "Entered China: East China Sea ADIZ: in at 31.50°N 127.57°E" in html
    assert "Korea / Tsushima Strait" in html and "South Korea 4 km (2 NM)" in html
    assert "KADIZ: in at 32.53°N 124.00°E, out at 31.68°N 126.37°E" in html  # JCS: in north-west of Ieodo, out east
    assert "Routes are schematic" in html
    no_route = dataset.exercises.loc[dataset.exercises["route_note"] == ""].iloc[0].to_dict()
    assert "What the route crosses" not in exercise_html(no_route)
    hostile = by_id.loc["joint_air_patrol_2019_jul"].to_dict() | {"crossing_lines": ("<b>x</b>", "<i>note</i>")}
    assert "<b>x</b>" not in exercise_html(hostile) and "&lt;b&gt;x&lt;/b&gt;" in exercise_html(hostile)


def test_exports_carry_the_crossings(crossed, tmp_path):
    dataset, _ = crossed
    no_route = dataset.exercises.loc[dataset.exercises["route_note"] == "", "exercise_id"].iloc[0]
    shown = dataset.exercises.loc[dataset.exercises["exercise_id"].isin(["joint_air_patrol_2019_jul", no_route])]
    assert set(CROSSING_COLUMNS) <= set(TABLE_COLUMNS)
    table = pd.read_csv(io.BytesIO(to_csv_bytes(shown, dataset.regions, dataset.version, "d")), dtype=str,
                        keep_default_na=False, encoding="utf-8-sig").set_index("exercise_id")
    patrol = table.loc["joint_air_patrol_2019_jul"]
    assert patrol["adiz_entered"] == "CN_ECS_ADIZ;KR_KADIZ"
    assert patrol["adiz_entry_exit"].startswith("CN_ECS_ADIZ starts inside, ends inside;CN_ECS_ADIZ in 31.50°N")
    assert ";KR_KADIZ in 32.53°N 124.00°E, out 31.68°N 126.37°E;" in patrol["adiz_entry_exit"]
    assert float(patrol["min_km_KOR"]) == pytest.approx(float(patrol["min_nm_KOR"]) * 1.852, abs=0.2)
    assert patrol["route_note"] == SCHEMATIC_NOTE
    assert (table.loc[no_route, list(CROSSING_COLUMNS)] == "").all()
    features = gpd.read_file(io.BytesIO(to_geojson_bytes(shown, dataset.regions, dataset.routes,
                                                         version=dataset.version, description="d")))
    route = features.loc[features["feature_kind"] == "route"].iloc[0]
    assert route["adiz_entered"] == "CN_ECS_ADIZ;KR_KADIZ" and route["straits_crossed"]


def test_shapes_are_measured_against_the_zones(zones):

    regions = load_dataset().regions
    countries = read_countries()
    inside = measure_shape(Point(126.0, 29.0).buffer(0.2), regions, countries, zones=zones)
    assert inside.zones[0].zone_id == "CN_ECS_ADIZ" and inside.zones[0].share == pytest.approx(1.0)
    *_, table = measure_tables(inside)
    assert table["ADIZ"] == ["China: East China Sea ADIZ", "South Korea: KADIZ", "Taiwan: ADIZ"]
    assert table["Inside"] == ["100%", "0%", "0%"] and table["km"][0] == 0 and table["NM"][0] == 0
    off_busan = measure_shape(LineString([(129.5, 34.8), (130.0, 35.0)]), regions, countries, zones=zones)
    by_id = {z.zone_id: z for z in off_busan.zones}
    zone = by_id["CN_ECS_ADIZ"]
    assert zone.share == 0.0 and 150 < zone.km < 400
    assert by_id["KR_KADIZ"].share == 0.0 and 0 < by_id["KR_KADIZ"].km < 40  # just south-east of its limit
    assert measure_tables(off_busan)[3]["NM"][list(by_id).index("CN_ECS_ADIZ")] == round(zone.km / 1.852)
    assert measure_shape(Point(126.0, 29.0), regions, countries).zones == ()  # no zones given


def test_a_route_along_a_limit_then_across_180_in_the_bundled_zone(zones):
    china = zones.geometry.iloc[0]
    lon, lat = 125.0, 33.183333  # along the 33°11'N limit, eastwards from point 2: outside, touching
    along, touched = zone_stretches(LineString([(124.0, lat), (lon, lat)]), "CN_ECS_ADIZ", "c", china)
    assert along == [] and touched
    across = zone_stretches(LineString([(126.0, 29.0), (200.0, 29.0)]), "CN_ECS_ADIZ", "c", china)[0]
    assert len(across) == 1 and across[0].entry is None and 125.0 < across[0].exit.x < 129.0


# --- KADIZ and Taiwan's ADIZ ---------------------------------------------------------------------

def test_a_route_into_the_kadiz_enters_at_its_published_limit(zones):
    kadiz = zones.set_index("zone_id").geometry["KR_KADIZ"]
    # eastwards across the Yellow Sea: in at the 124°E meridian
    (stretch,), touched = zone_stretches(LineString([(122.0, 35.0), (126.0, 35.0)]), "KR_KADIZ", "k", kadiz)
    assert not touched and stretch.entry.x == pytest.approx(124.0) and stretch.exit is None
    # north-eastwards from the East China Sea: in across 30°N, between 124°E and 125°25'E
    (south,), _ = zone_stretches(LineString([(124.5, 28.0), (124.5, 31.0)]), "KR_KADIZ", "k", kadiz)
    assert south.entry.y == pytest.approx(30.0)
    # along the 39°N limit: touches, does not enter
    along, touched = zone_stretches(LineString([(124.0, 39.0), (132.0, 39.0)]), "KR_KADIZ", "k", kadiz)
    assert along == [] and touched


def test_bundled_routes_enter_the_kadiz_and_none_enters_taiwans_zone(zones, straits, countries):
    dataset = load_dataset()
    crossings = route_crossings(dataset.routes, zones, straits, countries)
    kadiz = [c for c in crossings if any(s.zone_id == "KR_KADIZ" for s in c.zones)]
    # 2022's straight way home from the East China Sea to Vladivostok, across Korea, is not reported
    assert len(kadiz) == 13 and len({c.exercise_id for c in kadiz}) == 12
    assert "joint_naval_patrol_2022" not in {c.exercise_id for c in kadiz}
    assert not [c for c in crossings if any(s.zone_id == "TW_ADIZ" for s in c.zones)]
    limit = zones.set_index("zone_id").geometry["KR_KADIZ"].exterior
    points = [p for c in kadiz for s in c.zones if s.zone_id == "KR_KADIZ" for p in (s.entry, s.exit) if p is not None]
    assert points and all(limit.distance(p) < 1e-6 for p in points)  # entries and exits lie on the limit
    assert "joint_air_patrol_2024_jul" not in {c.exercise_id for c in kadiz}  # the Alaska patrol


@pytest.mark.parametrize("value, zones_read", [("kr_kadiz", ("KR_KADIZ",)), ("TW_ADIZ,KR_KADIZ", ("KR_KADIZ", "TW_ADIZ"))])
def test_the_zone_filter_takes_the_new_zones(crossed, value, zones_read):
    dataset, catalog = crossed
    view, notices = view_from_params({"zone": value}, catalog)
    assert notices == [] and tuple(sorted(view.zones)) == zones_read
    assert view_from_params(view_to_params(view, catalog), catalog)[0] == view
    kadiz = exercises_in_view(dataset.exercises, view_from_params({"zone": "KR_KADIZ"}, catalog)[0])
    assert len(kadiz) == 12 and "joint_air_patrol_2019_jul" in set(kadiz["exercise_id"])
    assert exercises_in_view(dataset.exercises, view_from_params({"zone": "TW_ADIZ"}, catalog)[0]).empty


def test_reported_kadiz_entries_are_now_measured_against_the_zone():
    observations = load_dataset().observations
    kadiz = observations.loc[observations["zone"] == "KR_KADIZ"]
    assert len(kadiz) >= 10
    assert not kadiz["route_note"].str.contains("not among the reference zones").any()
    assert kadiz["zone_name"].eq("South Korea: KADIZ").all()


# --- the legend ------------------------------------------------------------------------------------

def _legend_html(m: folium.Map) -> str:
    from layers.legend import _Legend

    (element,) = [child for child in m._children.values() if isinstance(child, _Legend)]
    return element.html


def test_switched_on_reference_layers_are_in_the_legend(small_dataset, zones, straits):
    from layers import asset_urls, dashboard_map, region_geometries
    from layers.reference import ADIZ_COLOUR, LEGEND_NOTE, LEGEND_OUTLINES

    def built(show, layers=None, shown=small_dataset.exercises):
        return dashboard_map(small_dataset.regions, region_geometries(small_dataset.regions), shown,
                             asset_urls("land/x.geojson"), tiles=False, layers=layers,
                             extra_layers=tuple(reference_layers(zones, straits, show=show)))

    adiz, gates = (f"{label}</div>" for label, _ in (LEGEND_OUTLINES["adiz"], LEGEND_OUTLINES["straits"]))
    with_adiz = _legend_html(built(["adiz", "straits"]))
    assert adiz in with_adiz and f"2px dashed {ADIZ_COLOUR}" in with_adiz
    assert gates in with_adiz and LEGEND_NOTE in with_adiz
    assert with_adiz.index("place approximate") < with_adiz.index(adiz)
    straits_only = _legend_html(built(["straits"]))
    assert adiz not in straits_only and gates in straits_only
    # a link's layer choice decides over the view's default
    from_link = _legend_html(built(["straits"], layers=("adiz",)))
    assert adiz in from_link and gates not in from_link
    nothing = _legend_html(built([], layers=("naval",)))
    assert adiz not in nothing and LEGEND_NOTE not in nothing
    # no exercise shown: the legend still names the reference layers
    empty = _legend_html(built(["adiz"], shown=small_dataset.exercises.iloc[0:0]))
    assert "Reference layers" in empty and adiz in empty and "place approximate" not in empty


def test_zone_popups_give_the_differences_escaped(zones):
    from layers.reference import zone_popup_html

    by_id = zones.set_index("zone_id", drop=False)
    kadiz = zone_popup_html(by_id.loc["KR_KADIZ"].to_dict())
    assert "Where versions differ:" in kadiz and "122°25&#x27;" in kadiz and "secondary transcription" in kadiz
    assert "Where versions differ" not in zone_popup_html(by_id.loc["CN_ECS_ADIZ"].to_dict())
    hostile = zone_popup_html(by_id.loc["TW_ADIZ"].to_dict() | {"differences": "<img src=x onerror=alert(1)>"})
    assert "<img" not in hostile and "&lt;img" in hostile


def test_zone_names_are_hidden_zoomed_out_without_losing_their_width():
    from layers.labels import LABEL_CSS

    rule = LABEL_CSS.split(".da-zoomed-out .leaflet-tooltip.da-ref-label {", 1)[1].split("}", 1)[0]
    assert "visibility: hidden" in rule and "display" not in rule


# --- reference layers fetched on demand ----------------------------------------------------------------

def _rendered(groups) -> str:
    m = folium.Map(tiles=None)
    for group in groups:
        group.add_to(m)
    return m.get_root().render()


def test_served_reference_layers_fetch_their_file_when_added_and_carry_no_feature(zones, straits):
    from layers.reference import reference_features, reference_file_path, reference_files, reference_layers_of

    features = reference_features(zones, straits)
    base = "/app/static/outlines/0123456789ab/"
    groups = reference_layers_of(features, show=["straits"], base_url=base)
    assert [(g.layer_id, g.show) for g in groups] == [("adiz", False), ("straits", True)]
    html = _rendered(groups)
    for kind in ("adiz", "straits"):
        assert html.count(f'fetch("{base}reference/{kind}.json")') == 1
        assert reference_file_path(kind) == f"reference/{kind}.json"
    # the features (names, popups, coordinates) are in the files only
    assert "Bering Strait" not in html and "Sources:" not in html and "South Korea: KADIZ" not in html
    # fetched the first time the layer is on the map (switched on at start or later), labels and popups bound
    assert 'layer.on("add"' in html and LABEL_CLASS in html and "permanent: true" in html and "bindPopup" in html
    assert "feature.properties.style" in html and '"areas"' in html
    files = reference_files(features)
    assert sorted(files) == ["reference/adiz.json", "reference/straits.json"]
    for kind, _, kind_features in features:
        collection = json.loads(files[reference_file_path(kind)])
        assert collection["type"] == "FeatureCollection" and collection["features"] == json.loads(json.dumps(list(kind_features)))


def test_without_a_static_folder_reference_layers_stay_inline(zones, straits):
    from layers.reference import reference_features, reference_layers_of

    features = reference_features(zones, straits)
    for base in (None, ""):
        html = _rendered(reference_layers_of(features, show=["straits"], base_url=base))
        assert "fetch(" not in html and "reference/" not in html
        assert "Bering Strait" in html and "South Korea: KADIZ" in html and LABEL_CLASS in html


def test_reference_files_are_published_with_the_outlines_and_served_where_the_map_fetches(tmp_path, small_dataset,
                                                                                          zones, straits):
    from dataclasses import replace

    from layers import asset_urls, publish_outlines, region_geometries
    from layers.reference import reference_features, reference_files, reference_layers_of

    features = reference_features(zones, straits)
    geometries = replace(region_geometries(small_dataset.regions), extra_files=reference_files(features))
    files = geometries.outline_files()
    assert files["reference/adiz.json"] == reference_files(features)["reference/adiz.json"]
    folder = publish_outlines(tmp_path, files)
    assets = asset_urls("land/x.json", outlines_folder=folder)
    html = _rendered(reference_layers_of(features, show=["adiz"], base_url=assets.outlines))
    for kind in ("adiz", "straits"):
        url = f"/app/static/{folder}/reference/{kind}.json"
        assert f'fetch("{url}")' in html
        published = json.loads((tmp_path / url.removeprefix("/app/static/")).read_bytes())
        assert [f["properties"]["label"] for f in published["features"]] == [
            f["properties"]["label"] for f in dict((k, fs) for k, _, fs in features)[kind]]
    # a changed layer is published in another folder, so a browser never keeps a stale copy
    changed = dict(files, **{"reference/adiz.json": b'{"type":"FeatureCollection","features":[]}'})
    assert publish_outlines(tmp_path, changed) != folder


def test_prepared_outlines_publish_the_reference_files_and_the_export_fetches_nothing(small_data):
    from geodata.query import ViewState
    from layers.reference import reference_files
    from view.page import view_map_html_bytes
    from view.prepared import prepare

    prepared = prepare(small_data)
    files = prepared.geometries.outline_files()
    assert {path: files[path] for path in files if path.startswith("reference/")} == reference_files(prepared.reference)
    page, _ = view_map_html_bytes(prepared.dataset, prepared.dataset.exercises, ViewState((2016, 2024)), "all",
                                  land_file=small_data / "land.geojson", tiles=False,
                                  geometries=prepared.geometries, reference=prepared.reference)
    text = page.decode("utf-8")
    assert "reference/" not in text and "South Korea: KADIZ" in text and "Bering Strait" in text
    assert "fetch(\"/" not in text and "fetch(\"http" not in text
