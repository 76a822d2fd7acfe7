"""Measuring the user's shapes and saving a notice as a dataset region."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import box

from geodata.analysis import drawn_geometry, measure_shape, notice_region
from geodata.loaders import load_dataset
from geodata.measure import read_countries
from geodata.notices import parse_notice
from geodata.schema import DATA_DIR, REGION_PROPERTIES
from geodata.validation import validate_regions

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


def test_a_line_has_no_area(bundled):
    from shapely.geometry import LineString

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


def test_notice_saved_in_the_dataset_format():
    region, problems = notice_region(parse_notice(NOTICE), text=NOTICE, name="Firing area", source="https://msi.example/navarea/123")
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
    region, problems = notice_region(parse_notice(NOTICE), text=NOTICE, name="x", source="")
    assert region is None and problems[0].field == "source"


def test_a_notice_without_an_area_cannot_be_saved():
    region, problems = notice_region(parse_notice("42-30N 131-45E"), text="p", name="x", source="https://a.example")
    assert region is None and "no area" in problems[0].message
