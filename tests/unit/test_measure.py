"""Tests for geodata.measure and geodata/countries.geojson: areas and distances against known values."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from geodata.build.countries import build_countries, country_polygons, simplify_country
from geodata.build.land import PACKAGE_DIR
from geodata.geometry import densified
from geodata.measure import (
    COUNTRIES_FILE,
    MAX_SPREAD_KM,
    Unmeasured,
    area_km2,
    geodesic_distance_km,
    nearest_coasts,
    read_countries,
    regions_containing,
    shape_spread_km,
)
from geodata.notices import parse_notice
from geodata.problems import DataError

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
GEOD = pyproj.Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def countries() -> gpd.GeoDataFrame:
    return read_countries()


@pytest.fixture(scope="module")
def regions() -> gpd.GeoDataFrame:
    return gpd.read_file(GEODATA / "regions.geojson")


def synthetic_countries(*rows: tuple[str, str, object]) -> gpd.GeoDataFrame:
    iso, names, geometries = zip(*rows, strict=True)
    return gpd.GeoDataFrame({"iso_a3": iso, "name": names}, geometry=list(geometries), crs="EPSG:4326")


def test_tokyo_to_osaka_is_397_km():
    # Tokyo Metropolitan Government Building to Osaka City Hall area, city-centre coordinates.
    km, a, b = geodesic_distance_km(Point(139.6917, 35.6895), Point(135.5023, 34.6937))
    assert km == pytest.approx(397, rel=0.01)
    assert (a.x, a.y) == pytest.approx((139.6917, 35.6895))
    assert (b.x, b.y) == pytest.approx((135.5023, 34.6937))


def test_one_degree_north_of_a_straight_coast_is_111_km():
    land = synthetic_countries(("TST", "Testland", box(-10, -10, 10, 0)))
    [coast] = nearest_coasts(Point(0, 1), land)
    assert coast.iso3 == "TST"
    assert coast.km == pytest.approx(110.6, abs=0.2)  # one degree of latitude at the equator, WGS 84
    assert (coast.nearest_point.x, coast.nearest_point.y) == pytest.approx((0, 0), abs=1e-3)


def test_area_of_a_one_degree_cell_at_the_equator():
    assert area_km2(box(0, 0, 1, 1)) == pytest.approx(12_308, rel=0.001)


def test_sea_of_japan_area_matches_its_property_and_the_published_figure(regions):
    sea = regions.loc[regions["region_id"] == "sea_of_japan"].iloc[0]
    computed = area_km2(sea.geometry)
    assert computed == pytest.approx(sea["area_km2"], rel=0.001)
    assert computed == pytest.approx(978_000, rel=0.11)


def test_point_in_the_middle_of_the_sea_of_japan(regions):
    shares = regions_containing(Point(135.0, 40.0), regions)
    assert shares[0].region_id == "sea_of_japan"
    assert shares[0].share == 1.0


def test_notice_area_share_in_each_region(regions):
    shares = regions_containing(box(134, 40, 136, 41), regions)
    assert [s.region_id for s in shares] == ["sea_of_japan"]
    assert shares[0].share == pytest.approx(1.0)
    # A line from the Sea of Japan across Korea into the Yellow Sea lies partly in each.
    line = LineString([(130, 40), (124, 36)])
    by_id = {s.region_id: s.share for s in regions_containing(line, regions)}
    assert 0 < by_id["sea_of_japan"] < 1 and 0 < by_id["yellow_sea"] < 1


def test_regions_are_matched_across_the_antimeridian(regions):
    # The Bering Sea is kept at 0..360; a shape at -175° (the -180..180 frame) must still meet it.
    shares = regions_containing(Point(-175.0, 58.0), regions)
    assert [s.region_id for s in shares] == ["bering_sea"]
    circle = parse_notice("RADIUS 20 NM CENTRED ON 58-00N 179-50W").geometry
    assert circle.bounds[0] > 179 and circle.bounds[2] > 180  # drawn in the Pacific frame
    assert regions_containing(circle, regions)[0].region_id == "bering_sea"


def test_nothing_is_contained_for_an_empty_shape(regions):
    assert regions_containing(Point(), regions) == []
    assert nearest_coasts(Point(), read_countries()) == []


def test_nearest_coasts_of_a_notice_area_off_vladivostok(countries):
    area = parse_notice("42-30N 134-00E 42-30N 135-00E 41-30N 135-00E 41-30N 134-00E").geometry
    coasts = nearest_coasts(area, countries)
    codes = [c.iso3 for c in coasts]
    assert codes[0] == "RUS"
    assert {"CHN", "PRK", "JPN", "KOR"} <= set(codes)
    assert [c.km for c in coasts] == sorted(c.km for c in coasts)
    assert 30 < coasts[0].km < 60  # Primorye's coast lies about 45 km north of 42°30'N here
    assert {c.iso3: c.name for c in coasts}["KOR"] == "South Korea"


def test_brute_force_geodesic_search_agrees_within_0_1_percent(countries):
    area = parse_notice("38-00N 133-00E 38-30N 134-00E 37-50N 134-30E").geometry
    [japan] = nearest_coasts(area, countries, ["JPN"], max_km=None)
    land = countries.loc[countries["iso_a3"] == "JPN"].geometry.iloc[0]
    window = land.intersection(box(128, 32, 138, 40))
    coast = shapely.get_coordinates(shapely.segmentize(window.boundary, 0.02))
    shape = shapely.get_coordinates(shapely.segmentize(area.boundary, 0.02))
    shape_lon = np.repeat(shape[:, 0], len(coast))
    shape_lat = np.repeat(shape[:, 1], len(coast))
    coast_lon = np.tile(coast[:, 0], len(shape))
    coast_lat = np.tile(coast[:, 1], len(shape))
    brute = GEOD.inv(shape_lon, shape_lat, coast_lon, coast_lat)[2].min() / 1000
    assert japan.km == pytest.approx(brute, rel=0.001)


@pytest.mark.parametrize("line", [
    LineString([(129.5, 34.5), (133.0, 38.5), (140.0, 43.0)]),  # Korea Strait to the Sea of Japan's north
    LineString([(122.0, 25.0), (125.5, 24.5), (128.0, 27.0), (131.0, 31.0)]),  # off Taiwan, Miyako, Osumi
])
def test_parts_left_out_as_too_far_never_hold_the_nearest_coast(countries, line):
    """Each country's distance is the one measured against the whole country, in one piece."""
    codes = ["JPN", "KOR", "TWN", "USA"]
    measured = {c.iso3: c.km for c in nearest_coasts(line, countries, codes, max_km=None)}
    for code in codes:
        whole = countries.loc[countries["iso_a3"] == code].geometry.union_all()
        assert measured[code] == pytest.approx(geodesic_distance_km(line, whole)[0], rel=1e-6, abs=1e-6)


def test_codes_and_reach_limit_the_countries(countries):
    point = Point(135.0, 40.0)
    assert [c.iso3 for c in nearest_coasts(point, countries, ["TWN", "USA"], max_km=None)] == ["TWN", "USA"]
    assert nearest_coasts(point, countries, ["TWN", "USA"]) == []  # both farther than 1,000 km
    assert all(c.km <= 500 for c in nearest_coasts(point, countries, max_km=500))


def test_distance_across_the_antimeridian_uses_the_shapes_frame():
    land = synthetic_countries(("TST", "Eastland", box(-179.5, 50, -170, 60)))
    [coast] = nearest_coasts(Point(179.5, 55), land)
    assert coast.km == pytest.approx(GEOD.inv(179.5, 55, -179.5, 55)[2] / 1000, rel=0.001)
    assert coast.nearest_point.x == pytest.approx(180.5)  # beside the shape, not across the map


def test_a_shape_on_land_is_zero_km_away():
    land = synthetic_countries(("TST", "Testland", box(0, 0, 10, 10)), ("TSU", "Otherland", box(20, 0, 30, 10)))
    coasts = nearest_coasts(box(5, 5, 6, 6), land, max_km=None)
    assert coasts[0].iso3 == "TST" and coasts[0].km == 0.0
    assert coasts[1].iso3 == "TSU" and coasts[1].km > 1000


def test_entities_without_iso_code_are_kept_by_name():
    land = synthetic_countries(("", "Disputed Reef", box(1, 0, 2, 1)), ("", "Other Reef", box(-2, 0, -1, 1)))
    assert sorted(c.name for c in nearest_coasts(Point(0, 0.5), land)) == ["Disputed Reef", "Other Reef"]


def test_densifying_adds_at_most_the_bound_of_vertices():
    zigzag = LineString([(100 if i % 2 else 180, i * 0.04) for i in range(2000)])  # 160,000° long
    assert shapely.get_num_coordinates(densified(zigzag, 0.1, 5_000)) <= 2000 + 5_000
    short = LineString([(0, 0), (1, 0)])
    assert shapely.get_num_coordinates(densified(short, 0.1, 5_000)) == 11  # short shapes keep the step
    assert densified(Point(0, 0), 0.1, 5) == Point(0, 0)


def test_a_passed_deadline_stops_the_measures_with_what_was_measured(countries, regions):
    with pytest.raises(Unmeasured, match="too large to measure in time") as stopped:
        nearest_coasts(box(134, 40, 135, 41), countries, deadline=0.0)
    assert stopped.value.partial == ()
    with pytest.raises(Unmeasured, match="too large to measure in time"):
        regions_containing(box(134, 40, 135, 41), regions, deadline=0.0)


def test_a_shape_reaching_near_its_own_antipode_is_not_measured(countries):
    line = LineString([(0, 60), (0, 59), (179, -59)])
    assert shape_spread_km(line) > MAX_SPREAD_KM
    with pytest.raises(Unmeasured, match="too large to measure"):
        nearest_coasts(line, countries)


def test_read_countries_of_a_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="cannot be read"):
        read_countries(tmp_path / "missing.geojson")


def test_committed_countries_file_is_small_and_complete(countries):
    path = GEODATA / COUNTRIES_FILE
    assert path.stat().st_size < 1_100_000
    names = dict(zip(countries["iso_a3"], countries["name"], strict=True))
    for code in ("JPN", "KOR", "PRK", "TWN", "USA", "CHN", "RUS", "PHL", "VNM", "MNG", "IRN", "OMN", "PAK", "ZAF"):
        assert code in names, code
    assert names["TWN"] == "Taiwan"
    assert countries.geometry.is_valid.all()
    west, south, east, north = countries.total_bounds
    assert -180 <= west and east <= 180 and south > -60
    # Alaska's Aleutians reach past 180°: the Near Islands lie at about 173° E.
    usa = countries.loc[countries["iso_a3"] == "USA"].geometry.iloc[0]
    assert usa.intersects(box(172, 52, 174, 54))
    assert usa.intersects(box(-170, 60, -160, 70))  # mainland Alaska
    properties = json.loads(path.read_text(encoding="utf-8"))["features"][0]["properties"]
    assert set(properties) == {"iso_a3", "name", "source"}


def test_country_build_splits_rings_stitched_across_180():
    # A ring from 179° E across 180° to 179° W, as GDAL returns a stitched world-atlas ring.
    stitched = Polygon([(179, 50), (-179, 50), (-179, 51), (179, 51)])
    pieces = country_polygons(stitched)
    assert sorted(p.bounds for p in pieces) == [(-180, 50, -179, 51), (179, 50, 180, 51)]


def test_country_build_drops_islets_but_keeps_a_country_of_islets():
    mainland = box(0, 0, 5, 5)
    islet = box(10, 10, 10.01, 10.01)
    assert len(simplify_country([mainland, islet]).geoms) == 1
    assert len(simplify_country([islet]).geoms) == 1
    assert simplify_country([]) is None


@pytest.mark.skipif(
    (not PACKAGE_DIR.exists() and shutil.which("npm") is None) or importlib.util.find_spec("pycountry") is None,
    reason="needs world-atlas (or npm to install it) and pycountry",
)
def test_country_build_reproduces_the_committed_file(tmp_path):
    build_countries(tmp_path / COUNTRIES_FILE)
    assert (tmp_path / COUNTRIES_FILE).read_bytes() == (GEODATA / COUNTRIES_FILE).read_bytes()
