"""Measuring the user's shapes and saving a notice as a dataset region."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from shapely.geometry import GeometryCollection, LineString, Point, Polygon, box

from geodata.loaders import load_dataset
from geodata.measure import RegionShare, read_countries
from geodata.notices import parse_notice
from geodata.rules import validate_regions
from geodata.schema import DATA_DIR, REGION_PROPERTIES
from geodata.user_shapes import (
    MAX_VERTICES,
    checked_shape,
    drawn_geometry,
    exercises_in_shares,
    exercises_overlapping,
    measure_shape,
    notice_region,
    read_drawing,
)

NOTICE = "NAVAREA XIII 123/24. Firing exercise in area bounded by 42-30.00N 131-45.00E, 42-30.00N 132-15.00E, 42-00.00N 132-15.00E, 42-00.00N 131-45.00E."


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(DATA_DIR), read_countries()


def test_measure_a_box_in_the_sea_of_japan(bundled):
    dataset, countries = bundled
    measures = measure_shape(box(134.0, 40.0, 135.0, 41.0), dataset.regions, countries)
    assert 9_000 < measures.area_km2 < 9_600
    assert measures.regions[0].region_id == "sea_of_japan" and measures.regions[0].share == pytest.approx(1.0)
    assert {c.iso3 for c in measures.coasts} >= {"JPN", "RUS"}
    assert measures.incomplete is None


def test_a_line_has_no_area(bundled):
    dataset, countries = bundled
    assert measure_shape(LineString([(134, 40), (135, 41)]), dataset.regions, countries).area_km2 == 0.0


@pytest.mark.parametrize(
    ("feature", "kind"),
    [
        ({"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}, "Polygon"),
        ({"type": "Feature", "properties": {"radius": 10000}, "geometry": {"type": "Point", "coordinates": [131.0, 42.0]}}, "Polygon"),
        ({"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}, "LineString"),
    ],
)
def test_drawn_shapes_are_read(feature, kind):
    assert drawn_geometry(feature).geom_type == kind


def test_a_drawn_circle_keeps_its_radius():
    from geodata.geometry import area_km2

    circle = drawn_geometry({"properties": {"radius": 10_000}, "geometry": {"type": "Point", "coordinates": [131.0, 42.0]}})
    assert area_km2(circle) == pytest.approx(314.16, rel=0.01)


@pytest.mark.parametrize("feature", [None, {}, {"geometry": "x"}, {"geometry": {"type": "Polygon", "coordinates": "bad"}}])
def test_unreadable_drawings_give_none(feature):
    assert drawn_geometry(feature) is None


@pytest.mark.parametrize(
    ("feature", "says"),
    [
        (None, None),
        ({}, None),
        ({"geometry": "x"}, "The drawn shape cannot be read as GeoJSON"),
        ({"geometry": {"type": "LineString", "coordinates": [[0, 0], [1e6, 0]]}}, "The drawn shape has longitude 1e+06, outside -180..360"),
        ({"geometry": {"type": "Point", "coordinates": [131, 95]}, "properties": {"radius": 10}}, "The drawn shape's centre has latitude 95"),
        ({"geometry": {"type": "Point", "coordinates": [131, 42]}, "properties": {"radius": 1e9}}, "The drawn shape has a radius of 1e+06 km"),
    ],
)
def test_read_drawing_says_why_a_drawing_is_refused(feature, says):
    geometry, message = read_drawing(feature)
    assert geometry is None
    assert message == says if says is None else message.startswith(says)


@pytest.mark.parametrize(
    ("geometry", "says"),
    [
        (None, "X has no shape to measure"),
        (LineString(), "X is empty"),
        (LineString([(0, float("nan")), (1, 1)]), "X has a coordinate that is not a number"),
        (LineString([(0, 0), (1, 91)]), "X has latitude 91, outside -90..90"),
        (LineString([(0, 0), (-181, 0)]), "X has longitude -181, outside -180..360"),
        (LineString([(-179, 0), (179, 0)]), "X is too large to measure: it spans 358.0° of longitude"),
        (LineString([(0, -61), (0, 61)]), "X is too large to measure: it spans 122.0° of latitude"),
        (LineString([(0, 60), (0, 59), (179, -59)]), "X is too large to measure: it reaches"),
        (Point(0, 0).buffer(1, quad_segs=MAX_VERTICES // 4 + 1), "X has 10,005 vertices; at most 10,000"),
    ],
)
def test_checked_shape_refuses_with_a_message_naming_the_shape(geometry, says):
    checked, message = checked_shape(geometry, label="X")
    assert checked is None and message.startswith(says)


def test_checked_shape_passes_a_normal_shape_unchanged_and_repairs_an_invalid_one():
    assert checked_shape(box(134, 40, 135, 41), label="X") == (box(134, 40, 135, 41), None)
    assert checked_shape(box(170, 40, 190, 41), label="X")[0] is not None  # the Pacific frame
    bow_tie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    repaired, message = checked_shape(bow_tie, label="X")
    assert repaired.geom_type == "MultiPolygon" and repaired.is_valid
    assert message.startswith("X was not a valid shape ('Self-intersection") and message.endswith("repaired")
    mixed, message = checked_shape(GeometryCollection([Point(0, 0), box(0, 0, 1, 1)]), label="X")
    assert mixed.geom_type == "Polygon" and message == "X mixes points, lines and areas; only its areas are measured"


def test_a_refused_shape_has_empty_measures_and_the_reason(bundled):
    dataset, countries = bundled
    measures = measure_shape(LineString([(0, 0), (1e7, 0)]), dataset.regions, countries, label="Feature 3")
    assert (measures.area_km2, measures.regions, measures.coasts) == (0.0, (), ())
    assert measures.incomplete == "Feature 3 has longitude 1e+07, outside -180..360"


def test_a_measure_out_of_time_keeps_what_it_measured(bundled):
    dataset, countries = bundled
    measures = measure_shape(box(134.0, 40.0, 135.0, 41.0), dataset.regions, countries, budget_s=0.0)
    assert "too large to measure in time" in measures.incomplete
    assert measures.area_km2 > 9_000 and measures.coasts == ()


def test_notice_saved_in_the_dataset_format():
    region, problems = notice_region(parse_notice(NOTICE).areas[0], text=NOTICE, name="Firing area", source="https://msi.example/navarea/123")
    assert problems == []
    assert set(REGION_PROPERTIES) <= set(region.columns)
    assert region.iloc[0]["region_id"].startswith("notice_") and region.iloc[0]["kind"] == "area"
    assert region.iloc[0]["notice_text"] == NOTICE
    again, more = validate_regions(json_round_trip(region))
    assert more == [] and len(again) == 1


def json_round_trip(region):
    import geopandas as gpd

    return gpd.GeoDataFrame.from_features(json.loads(region.to_json())["features"], crs="EPSG:4326")


def test_notice_without_a_source_url_says_so():
    region, problems = notice_region(parse_notice(NOTICE).areas[0], text=NOTICE, name="x", source="")
    assert region is None and problems[0].field == "source"


def test_a_notice_without_an_area_cannot_be_saved():
    region, problems = notice_region(parse_notice("42-30N 131-45E").areas[0], text="p", name="x", source="https://a.example")
    assert region is None and "no area" in problems[0].message


TWO_AREAS = """NAVAREA XIII 100/25
SEA OF JAPAN. 010000Z TO 052359Z AUG 25 DAILY 0100Z TO 0800Z
A. 42-30N 133-00E, 42-30N 134-00E, 41-30N 134-00E, 41-30N 133-00E.
B. WITHIN 10 NM OF 43-00N 132-00E."""


def test_each_area_of_a_notice_is_saved_as_its_own_region_with_its_time():
    parsed = parse_notice(TWO_AREAS)
    regions = [notice_region(area, text=TWO_AREAS, name=f"Test {area.label}", source="https://msi.example/1")[0]
               for area in parsed.areas]
    assert [r.iloc[0]["notice_label"] for r in regions] == ["A", "B"]
    assert len({r.iloc[0]["region_id"] for r in regions}) == 2
    first = regions[0].iloc[0]
    assert (first["valid_from"], first["valid_to"], first["daily_utc"]) == (
        "2025-08-01T00:00:00+00:00", "2025-08-05T23:59:00+00:00", "01:00–08:00")
    again, more = validate_regions(json_round_trip(regions[1]))
    assert more == [] and len(again) == 1


def test_recorded_exercises_in_the_area_at_the_time(bundled):
    dataset, _ = bundled
    area = parse_notice(TWO_AREAS).areas[0]
    found = exercises_overlapping(area, dataset.exercises, dataset.regions)
    assert {o.exercise_id for o in found} >= {"joint_sea_2025"}
    assert all(o.in_time and o.start_date <= "2025-08-05" and o.end_date >= "2025-08-01" for o in found)
    assert all(0 < o.share <= 1 for o in found)


def test_without_a_time_every_exercise_in_the_area_counts_in_space_only(bundled):
    dataset, _ = bundled
    area = parse_notice(TWO_AREAS.split("\n", 2)[2]).areas[0]  # no header, no dates
    found = exercises_overlapping(area, dataset.exercises, dataset.regions)
    assert area.times == () and len(found) > 2 and all(o.in_time is None for o in found)


def test_overlaps_come_from_region_shares_and_dates_alone():
    shares = [RegionShare("sea_a", "Sea A", 0.25), RegionShare("sea_b", "Sea B", 1.0)]
    exercises = pd.DataFrame({
        "exercise_id": ["x", "y", "z"], "name": ["X", "Y", "Z"], "region_ids": ["sea_a", "sea_a;sea_b", "sea_c"],
        "start_date": ["2024-07-10", "2024-07-18", "2024-07-15"], "end_date": ["2024-07-14", "2024-07-20", "2024-07-16"],
    })
    window = parse_notice("150000Z TO 182359Z JUL 24 42-30N 131-45E").times
    found = exercises_in_shares(shares, window, exercises)
    assert [(o.exercise_id, o.region_id, o.share) for o in found] == [("y", "sea_b", 1.0)]


def test_a_clicked_region_or_route_is_not_taken_for_a_drawing():
    from geodata.user_shapes import read_drawing

    square = {"type": "Polygon", "coordinates": [[[130, 40], [131, 40], [131, 41], [130, 41], [130, 40]]]}
    clicked = {"type": "Feature", "geometry": square, "properties": {"region_id": "sea_of_japan", "popup": "<b>x</b>"}}
    assert read_drawing(clicked) == (None, None)
    drawn, message = read_drawing({"type": "Feature", "geometry": square, "properties": {}})
    assert drawn is not None and drawn.area > 0
