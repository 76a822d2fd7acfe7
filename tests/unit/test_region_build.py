"""Tests for the region build (geodata.build) and the committed geodata/regions.geojson."""

from __future__ import annotations

import dataclasses
import json
import shutil
from itertools import combinations
from pathlib import Path

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import Polygon, box, shape

from geodata.build import build
from geodata.build.checks import BuildCheckError, area_problem, check_regions, overlap_problems, radius_problem
from geodata.build.land import PACKAGE_DIR, unwrap_polygon
from geodata.build.regions import REGIONS, SITES
from geodata.build.seas import build_region, land_index
from geodata.build.sites import site_basis
from geodata.build.spec import CutLine, RegionSpec, SiteSpec, bbox
from geodata.geometry import area_km2, geodesic_circle, pacific_frame
from geodata.loaders import load_dataset
from geodata.schema import DATA_DIR

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
REGIONS_FILE = GEODATA / "regions.geojson"
LAND_FILE = GEODATA / "land.geojson"
SPECS = {spec.region_id: spec for spec in REGIONS}
SITE_SPECS = {site.region_id: site for site in SITES}
GEOD = pyproj.Geod(ellps="WGS84")
PROPERTY_TYPES = {
    "region_id": str,
    "name": str,
    "kind": str,
    "area_km2": int,
    "published_area_km2": (int, type(None)),
    "basis": str,
    "precision": str,
    "source": str,
    "coast_km": str,
}


@pytest.fixture(scope="module")
def features() -> list[dict]:
    return json.loads(REGIONS_FILE.read_text(encoding="utf-8"))["features"]


@pytest.fixture(scope="module")
def geometries(features) -> dict:
    return {f["properties"]["region_id"]: shape(f["geometry"]) for f in features}


def _spec(**overrides) -> RegionSpec:
    base = RegionSpec(
        region_id="test_sea", name="Test Sea", kind="sea", basis="test", precision="test",
        envelope=bbox(0, 0, 1, 1), seeds=((0.5, 0.5),), sources=("https://example.org",),
    )
    return dataclasses.replace(base, **overrides)


# --- antimeridian repair ------------------------------------------------------

def test_unwrap_polygon_splits_a_stitched_ring_at_the_antimeridian():
    # As GDAL reads a geostitched ring: 170°E..170°W drawn the long way round.
    stitched = Polygon([(170, 0), (-170, 0), (-170, 10), (170, 10)])
    assert stitched.bounds[2] - stitched.bounds[0] > 180

    pieces = unwrap_polygon(stitched)

    bounds = sorted(p.bounds for p in pieces)
    assert len(pieces) == 2
    assert bounds[0] == pytest.approx((-180, 0, -170, 10))
    assert bounds[1] == pytest.approx((170, 0, 180, 10))
    assert sum(p.area for p in pieces) == pytest.approx(200.0)
    assert all(p.is_valid for p in pieces)


def test_unwrap_polygon_keeps_a_hole_in_the_same_frame_as_its_shell():
    shell = [(170, 0), (-170, 0), (-170, 10), (170, 10)]
    hole = [(-178, 4), (-176, 4), (-176, 6), (-178, 6)]
    pieces = unwrap_polygon(Polygon(shell, [hole]))
    assert sum(p.area for p in pieces) == pytest.approx(200.0 - 4.0)


def test_unwrap_polygon_drops_a_ring_around_the_pole():
    # A ring that circles the globe does not close after unwrapping (Antarctica).
    ring = [(-180, -70), (-90, -75), (0, -70), (90, -75), (180, -70), (180, -90), (-180, -90)]
    assert unwrap_polygon(Polygon(ring)) == []


def test_land_index_pacific_frame_shifts_western_land_by_360():
    west = box(-170, 60, -160, 65)
    east = box(170, 60, 175, 65)
    index = land_index([west, east], pacific_frame=True)
    assert sorted(p.bounds[0] for p in index.polygons) == [170, 190]


# --- cutting ------------------------------------------------------------------

def test_build_region_cut_line_separates_connected_water():
    # Two land blocks reaching past the envelope leave a strait between x=4 and x=6.
    land = land_index([box(-5, -5, 4, 15), box(6, -5, 15, 15)])
    spec = _spec(
        envelope=bbox(-2, -2, 12, 12),
        seeds=((5, 9),),
        cuts=(CutLine("strait", ((3.9, 5.0), (6.1, 5.0)), "test line"),),
    )
    uncut = build_region(dataclasses.replace(spec, cuts=()), land)
    cut = build_region(spec, land)
    assert uncut.contains(shapely.Point(5, 1))
    assert not cut.contains(shapely.Point(5, 1))
    assert cut.contains(shapely.Point(5, 9))
    assert cut.is_valid


# --- area ---------------------------------------------------------------------

def test_area_km2_of_one_degree_cell_at_the_equator():
    assert area_km2(box(0, 0, 1, 1)) == pytest.approx(12_308, rel=0.005)


def test_area_km2_is_the_same_in_the_pacific_frame():
    assert area_km2(box(179.5, 50, 180.5, 51)) == pytest.approx(area_km2(box(-180.5, 50, -179.5, 51)), rel=1e-9)


def test_area_problem_names_the_region_on_drift():
    spec = _spec(region_id="drifting_sea", published_area_km2=100_000, area_tolerance=0.05)
    message = area_problem(spec, 120_000.0)
    assert message is not None
    assert "drifting_sea" in message
    assert "120,000" in message and "100,000" in message
    assert area_problem(spec, 104_000.0) is None
    assert area_problem(_spec(), 1.0) is None


def test_check_regions_fails_loudly_on_area_drift():
    spec = _spec(region_id="drifting_sea", published_area_km2=100_000, area_tolerance=0.05)
    geom = box(0, 0, 1, 1)
    with pytest.raises(BuildCheckError, match="drifting_sea"):
        check_regions([spec], {"drifting_sea": geom}, {"drifting_sea": 150_000.0})


def test_overlap_problems_skips_declared_parent_only():
    parent = _spec(region_id="big")
    child = _spec(region_id="small", parent="big")
    other = _spec(region_id="other")
    geoms = {"big": box(0, 0, 2, 2), "small": box(0.5, 0.5, 1, 1), "other": box(1, 1, 3, 3)}
    problems = overlap_problems([parent, child, other], geoms)
    assert any("big and other" in p for p in problems)
    assert not any("big and small" in p for p in problems)


# --- committed output -----------------------------------------------------------

def test_regions_file_is_a_feature_collection_with_every_spec(features):
    ids = [f["properties"]["region_id"] for f in features]
    assert len(ids) == len(set(ids))
    assert ids == [spec.region_id for spec in REGIONS] + [site.region_id for site in SITES]


def test_region_properties_are_exact_and_typed(features):
    for feature in features:
        props = feature["properties"]
        assert set(props) == set(PROPERTY_TYPES), props["region_id"]
        for key, types in PROPERTY_TYPES.items():
            assert isinstance(props[key], types), (props["region_id"], key)
        assert props["kind"] in {"sea", "area"}
        assert props["precision"].strip(), props["region_id"]
        urls = props["source"].split(";")
        assert urls and all(u.startswith(("http://", "https://")) for u in urls), props["region_id"]


def test_region_geometries_are_valid_polygons_with_four_decimals(features, geometries):
    for rid, geom in geometries.items():
        assert geom.geom_type in {"Polygon", "MultiPolygon"}, rid
        assert geom.is_valid and not geom.is_empty, rid
        if rid in SPECS:
            assert len(shapely.get_parts(pacific_frame(geom))) <= SPECS[rid].max_pieces, rid
    coords = np.concatenate([shapely.get_coordinates(g) for g in geometries.values()])
    assert np.allclose(coords, np.round(coords, 4), atol=1e-9)


def test_region_areas_match_geometry_and_published_figures(features, geometries):
    for feature in features:
        props = feature["properties"]
        rid = props["region_id"]
        assert props["area_km2"] == pytest.approx(area_km2(geometries[rid]), rel=1e-3), rid
        assert props["published_area_km2"] == (SPECS[rid].published_area_km2 if rid in SPECS else None)
        if props["published_area_km2"]:
            assert area_problem(SPECS[rid], props["area_km2"]) is None


def test_bering_sea_is_cut_at_180_in_the_file_and_one_piece_in_the_pacific_frame(geometries):
    assert geometries["bering_sea"].geom_type == "MultiPolygon"
    assert geometries["bering_sea"].bounds[::2] == (-180.0, 180.0)
    bering = pacific_frame(geometries["bering_sea"])
    lons = shapely.get_coordinates(bering)[:, 0]
    assert bering.geom_type == "Polygon"
    assert lons.min() > 0 and lons.max() > 180
    assert 160 < lons.min() and lons.max() < 210


def test_non_nested_regions_overlap_less_than_one_km2(geometries):
    for a, b in combinations(REGIONS, 2):
        if a.parent == b.region_id or b.parent == a.region_id:
            continue
        ga, gb = geometries[a.region_id], geometries[b.region_id]
        if ga.intersects(gb):
            assert area_km2(ga.intersection(gb)) < 1.0, (a.region_id, b.region_id)


def test_nested_regions_lie_inside_their_parent(geometries):
    for spec in REGIONS:
        if spec.parent:
            outside = geometries[spec.region_id].difference(geometries[spec.parent])
            assert area_km2(outside) < 1.0, spec.region_id


# --- land sites (kind "area") ------------------------------------------------------

def _geodesic_km(centre, geometry) -> np.ndarray:
    coords = shapely.get_coordinates(geometry)
    n = len(coords)
    _, _, metres = GEOD.inv(np.full(n, centre[0]), np.full(n, centre[1]), coords[:, 0], coords[:, 1])
    return metres / 1000.0


@pytest.mark.parametrize(("centre", "radius_km"), [((60.35, 54.95), 30), ((0.0, 0.0), 100), ((170.0, 70.0), 250)])
def test_geodesic_circle_has_the_radius_everywhere(centre, radius_km):
    circle = geodesic_circle(*centre, radius_km)
    distances = _geodesic_km(centre, circle)
    assert circle.is_valid
    assert distances == pytest.approx(np.full(len(distances), radius_km), rel=1e-6)
    assert area_km2(circle) == pytest.approx(np.pi * radius_km**2, rel=0.01)


def test_radius_problem_names_a_site_whose_circle_is_off():
    site = SiteSpec("test_range", "Test range", "approximate", ("https://example.org",), (40.0, 50.0), 30)
    assert radius_problem(site, geodesic_circle(40.0, 50.0, 30)) is None
    message = radius_problem(site, geodesic_circle(40.0, 50.0, 33))
    assert message is not None and "test_range" in message and "30 km" in message
    with pytest.raises(BuildCheckError, match="test_range"):
        check_regions([], {"test_range": geodesic_circle(40.0, 50.0, 33)}, {}, [site])


def test_site_basis_says_how_the_polygon_is_drawn():
    circle = SiteSpec("a", "A", "p", ("https://example.org",), centre=(85.0, -41.5), radius_km=700, country="China")
    assert site_basis(circle).startswith("geodesic circle of radius 700 km around 85.00°E 41.50°S")
    assert "clipped to China" in site_basis(circle)
    country = SiteSpec("b", "B", "p", ("https://example.org",), country="Russia", without_note="Crimea left out")
    assert "boundary of Russia" in site_basis(country) and site_basis(country).endswith("Crimea left out")


def test_circle_sites_honour_their_radius_within_one_percent(geometries):
    for site in SITES:
        if site.centre is None:
            continue
        distances = _geodesic_km(site.centre, geometries[site.region_id])
        assert distances.max() <= site.radius_km * 1.01, site.region_id
        if site.country is None:
            assert distances.min() >= site.radius_km * 0.99, site.region_id


def test_site_properties_describe_the_site(features):
    by_id = {f["properties"]["region_id"]: f["properties"] for f in features}
    for site in SITES:
        props = by_id[site.region_id]
        assert props["kind"] == "area"
        assert props["precision"] == site.precision
        assert props["source"].split(";") == list(dict.fromkeys(site.sources))
        if site.radius_km is not None:
            assert f"{site.radius_km:g} km" in props["basis"] and f"{site.radius_km:g} km" in props["precision"]


def test_whole_country_site_is_one_pacific_frame_shape_without_crimea(geometries):
    russia = pacific_frame(geometries["russia"])
    lons = shapely.get_coordinates(russia)[:, 0]
    assert russia.is_valid
    assert 19 < lons.min() and 185 < lons.max() < 200  # Kaliningrad to Chukotka, east of 180° kept east
    assert russia.contains(shapely.Point(37.6, 55.75)) and russia.contains(shapely.Point(185.0, 66.0))
    assert not russia.intersects(shapely.Point(34.1, 45.0))  # Simferopol
    assert area_km2(russia) == pytest.approx(17_000_000, rel=0.03)


def test_every_exercise_on_land_has_an_area_with_a_precision():
    dataset = load_dataset(DATA_DIR)
    regions = dataset.regions.set_index("region_id")
    land = dataset.exercises.loc[dataset.exercises["domain"].isin(["ground", "combined"])]
    assert len(land) >= 20
    for record in land.to_dict("records"):
        kinds = {regions.loc[rid, "kind"] for rid in record["region_id_list"]}
        assert "area" in kinds, record["exercise_id"]
    for rid in {rid for ids in dataset.exercises["region_id_list"] for rid in ids}:
        assert str(regions.loc[rid, "precision"]).strip(), rid


def test_shared_sites_hold_every_exercise_held_there():
    exercises = load_dataset(DATA_DIR).exercises.set_index("exercise_id")["region_id_list"]
    for region_id, exercise_ids in {
        "chebarkul_range": ("peace_mission_2007", "peace_mission_2013", "peace_mission_2018"),
        "donguz_range": ("tsentr_2019", "peace_mission_2021"),
        "qingtongxia_base": ("zapad_interaction_2021", "cooperation_2017"),
        "moscow_area": ("aerospace_security_2016", "cooperation_2007", "cooperation_2016"),
        "durban_richards_bay_waters": ("mosi_2023",),
    }.items():
        for exercise_id in exercise_ids:
            assert region_id in exercises[exercise_id], (region_id, exercise_id)


def test_land_backdrop_is_small_and_valid():
    assert LAND_FILE.stat().st_size <= 600 * 1024
    land = shape(json.loads(LAND_FILE.read_text(encoding="utf-8"))["features"][0]["geometry"])
    assert land.is_valid
    assert land.bounds[2] > 180  # Pacific-frame copy of Alaska and Chukotka


@pytest.mark.skipif(
    not PACKAGE_DIR.exists() and shutil.which("npm") is None, reason="needs world-atlas or npm to install it"
)
def test_full_build_reproduces_the_committed_files(tmp_path):
    build(tmp_path)
    assert (tmp_path / "regions.geojson").read_bytes() == REGIONS_FILE.read_bytes()
    assert (tmp_path / "land.geojson").read_bytes() == LAND_FILE.read_bytes()


def test_coast_distances_name_the_four_countries(features):
    import re

    pattern = re.compile(r"^JPN:\d+;KOR:\d+;TWN:\d+;USA:\d+$")
    assert all(pattern.match(f["properties"]["coast_km"]) for f in features)
