"""The data files and exports are RFC 7946 (longitudes within ±180°), and the map still draws
shapes across 180° as one piece."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, box, shape

from geodata.export import to_geojson_bytes, to_kml_bytes
from geodata.geometry import area_km2, pacific_frame, rfc7946_geometries, rfc7946_geometry
from geodata.loaders import load_dataset
from geodata.notices import parse_notice
from geodata.rules import validate_regions
from geodata.schema import DATA_DIR
from geodata.user_shapes import notice_region

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
AREA_AGREEMENT = 0.01
"""Largest relative difference between a region's area in EPSG:6933 and in a local LAEA."""


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA_DIR)


def file_longitudes(name: str) -> np.ndarray:
    features = json.loads((GEODATA / name).read_text(encoding="utf-8"))["features"]
    return np.concatenate([shapely.get_coordinates(shape(f["geometry"]))[:, 0] for f in features])


@pytest.mark.parametrize("name", ["regions.geojson", "routes.geojson"])
def test_every_longitude_of_the_data_files_is_within_180(name):
    lons = file_longitudes(name)
    assert lons.min() >= -180.0 and lons.max() <= 180.0
    assert (np.abs(lons) == 180.0).any(), "the shapes that cross 180° are cut there"


def test_exports_of_every_exercise_are_within_180(dataset):
    kwargs = {"version": dataset.version, "description": "all"}
    exported = gpd.read_file(io.BytesIO(to_geojson_bytes(dataset.exercises, dataset.regions, dataset.routes, **kwargs)))
    lons = shapely.get_coordinates(exported.geometry.values)[:, 0]
    assert len(exported) > len(dataset.exercises)
    assert lons.min() >= -180.0 and lons.max() <= 180.0
    kml = ET.fromstring(to_kml_bytes(dataset.exercises, dataset.regions, dataset.routes, **kwargs))
    kml_lons = [
        float(point.split(",")[0])
        for element in kml.iter("{http://www.opengis.net/kml/2.2}coordinates")
        for point in element.text.split()
    ]
    assert kml_lons and min(kml_lons) >= -180.0 and max(kml_lons) <= 180.0


def test_region_areas_agree_in_a_global_and_a_local_equal_area_projection():
    # A global equal-area CRS gave the Bering Sea 30 million km² while it was written in 0..360°.
    regions = gpd.read_file(GEODATA / "regions.geojson")
    global_km2 = regions.to_crs("EPSG:6933").area / 1e6
    for region_id, geometry, km2 in zip(regions["region_id"], regions.geometry, global_km2, strict=True):
        local = area_km2(geometry)
        assert km2 == pytest.approx(local, rel=AREA_AGREEMENT), region_id


def test_the_map_draws_bering_chukchi_and_russia_as_before_in_the_pacific_frame(dataset):
    drawn = dict(zip(dataset.regions["region_id"], dataset.regions.geometry, strict=True))
    for region_id in ("bering_sea", "chukchi_sea"):
        assert drawn[region_id].geom_type == "Polygon", region_id
        assert 180.0 < drawn[region_id].bounds[2] < 210.0 and drawn[region_id].bounds[0] > 150.0
    assert drawn["russia"].bounds[2] > 185.0 and drawn["russia"].contains(shapely.Point(185.0, 66.0))
    lines = dict(zip(dataset.routes["route_id"], dataset.routes.geometry, strict=True))
    coast_guard = lines["coast_guard_joint_patrol_2024"]
    assert coast_guard.geom_type == "LineString" and coast_guard.bounds[2] > 180.0
    assert np.abs(np.diff(shapely.get_coordinates(coast_guard)[:, 0])).max() < 180.0


@pytest.mark.parametrize(
    "geometry",
    [
        box(175, 55, 195, 62),
        box(150, 50, 170, 60).difference(box(160, 52, 161, 53)),
        box(170, 50, 200, 60).difference(box(185, 52, 186, 53)).difference(box(175, 55, 176, 56)),
        LineString([(170, 58), (190, 60), (195, 61)]),
        LineString([(188, 69), (185, 60), (185, 52)]),
    ],
)
def test_cut_and_join_again_give_the_same_shape(geometry):
    cut = rfc7946_geometry(geometry)
    assert -180.0 <= cut.bounds[0] and cut.bounds[2] <= 180.0
    assert sum(len(getattr(p, "interiors", ())) for p in shapely.get_parts(cut)) == sum(
        len(getattr(p, "interiors", ())) for p in shapely.get_parts(geometry)
    ), "every island (hole) is kept"
    joined = pacific_frame(cut)
    assert joined.geom_type == geometry.geom_type
    assert joined.hausdorff_distance(geometry) < 1e-9
    if geometry.geom_type == "LineString":  # the vertex the cut added on 180° is gone again
        assert np.allclose(shapely.get_coordinates(joined), shapely.get_coordinates(geometry))


def test_shapes_inside_the_world_are_left_alone():
    square = box(130, 40, 140, 50)
    assert rfc7946_geometries([square])[0] is square
    assert pacific_frame(square) is square


def test_validator_refuses_a_region_beyond_180():
    regions = gpd.GeoDataFrame(
        {"region_id": ["wide"], "name": ["Wide"], "kind": ["sea"], "area_km2": [1], "source": ["https://a.example"]},
        geometry=[box(175, 55, 195, 62)],
        crs="EPSG:4326",
    )
    valid, problems = validate_regions(regions)
    assert valid.empty
    assert [p.field for p in problems] == ["geometry"] and "beyond ±180°" in problems[0].message


def test_a_notice_across_180_is_saved_cut_at_180():
    text = "61-00N 175-00E 61-00N 170-00W 58-00N 170-00W 58-00N 175-00E"
    (area,) = parse_notice(text).areas
    region, problems = notice_region(area, text=text, name="x", source="https://a.example")
    assert problems == [] and region is not None
    west, _, east, _ = region.geometry.iloc[0].bounds
    assert (west, east) == (-180.0, 180.0)
