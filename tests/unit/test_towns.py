"""geodata.towns, geodata.build.towns and layers.assets' towns file: the towns named where no tiles load."""

from __future__ import annotations

import json
import time

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from geodata import schema
from geodata.build.towns import select_towns
from geodata.problems import DataError
from geodata.towns import (
    MAX_TOWNS,
    TOWN_COLUMNS,
    TOWNS_FILE,
    Town,
    compass_point,
    read_towns,
    region_towns,
    town_min_zoom,
    towns_file,
    towns_near,
)
from layers.assets import encoded_towns, publish_towns
from layers.basemap import base_map
from layers.labels import labels_layer
from layers.standalone import data_url, inline_asset_urls, standalone_html

HEADER = ",".join(TOWN_COLUMNS)


def _write(tmp_path, *rows: str):
    path = tmp_path / TOWNS_FILE
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_larger_towns_and_capitals_are_named_sooner():
    assert [town_min_zoom(n, False) for n in (24_000_000, 5_000_000, 1_000_000, 300_000, 100_000, 20_000)] == [
        4, 4, 5, 6, 7, 8]
    assert town_min_zoom(900_000, True) == 5 and town_min_zoom(20_000, True) == 5  # Bishkek, a small capital
    assert town_min_zoom(24_000_000, True) == 4


def test_bad_rows_are_named_by_line_and_field_and_left_out(tmp_path):
    path = _write(
        tmp_path,
        "1,Good Town,RU,55.0,60.4,46502,0",
        "2,,RU,55.0,60.4,1,0",
        "3,Far,RU,95.0,60.4,1,0",
        "4,Many,RU,55.0,60.4,lots,0",
        "5,Maybe,RU,55.0,60.4,1,yes",
        "6,Tab\tName,RU,55.0,60.4,1,0",
        "7,Big City,CN,31.2,121.5,24874500,0",
    )
    towns, problems = read_towns(path)
    assert [town.name for town in towns] == ["Big City", "Good Town"]  # largest first
    assert [(problem.row, problem.field) for problem in problems] == [
        ("line 3", "name"), ("line 4", "lat"), ("line 5", "population"), ("line 6", "capital"), ("line 7", "name")]
    assert all(problem.file == TOWNS_FILE for problem in problems)


def test_a_file_of_too_many_towns_is_refused(tmp_path):
    path = _write(tmp_path, *[f"{i},Town {i},RU,55.0,60.0,20000,0" for i in range(MAX_TOWNS + 1)])
    with pytest.raises(DataError, match="more than"):
        read_towns(path)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["<", "\u202e", "a" * 7, "&#", ",", '"']), st.integers(50_000, 120_000))
def test_a_hostile_name_is_refused_or_escaped_in_linear_time(tmp_path_factory, piece, length):
    name = (piece * (length // len(piece) + 1))[:length]
    quoted = '"' + name.replace('"', '""') + '"'
    path = _write(tmp_path_factory.mktemp("towns"), f"1,{quoted},RU,55.0,60.0,20000,0", "2,<b>Bold</b>,RU,1,1,1,0")
    started = time.perf_counter()
    towns, problems = read_towns(path)
    rows = json.loads(encoded_towns(path))
    assert time.perf_counter() - started < 2.0
    assert [problem.field for problem in problems] == ["name"]  # too long, or a control character
    assert [row[3] for row in rows] == ["&lt;b&gt;Bold&lt;/b&gt;"] and len(towns) == 1


def test_a_name_past_the_csv_field_limit_refuses_the_file_by_name(tmp_path):
    path = _write(tmp_path, "1," + "a" * 300_000 + ",RU,55.0,60.0,20000,0")
    with pytest.raises(DataError, match="towns.csv"):
        read_towns(path)
    assert publish_towns(tmp_path / "static", path) is None  # the map goes on without towns


def test_the_page_gets_compact_rows_and_a_content_named_file(tmp_path):
    path = _write(tmp_path, "1,Chebarkul’,RU,54.97812,60.36625,46502,0", "2,Moscow,RU,55.752,37.616,10381222,1")
    assert json.loads(encoded_towns(path)) == [[55.752, 37.616, 4, "Moscow"], [54.978, 60.366, 8, "Chebarkul’"]]
    static = tmp_path / "static"
    name = publish_towns(static, path)
    assert name.startswith("towns/towns-") and (static / name).read_bytes() == encoded_towns(path)
    assert publish_towns(static, tmp_path / "missing.csv") is None  # no file: a map without towns


def test_a_data_folder_without_its_own_towns_uses_the_bundled_file(tmp_path):
    assert towns_file(tmp_path) == schema.DATA_DIR / "reference" / TOWNS_FILE
    own = tmp_path / "reference" / TOWNS_FILE
    own.parent.mkdir()
    own.write_text(HEADER + "\n", encoding="utf-8")
    assert towns_file(tmp_path) == own


def test_the_bundled_towns_name_every_drill_sites_surroundings():
    towns, problems = read_towns(schema.DATA_DIR / "reference" / TOWNS_FILE)
    assert problems == [] and 1_000 < len(towns) <= MAX_TOWNS
    names = {town.name for town in towns}
    # Chebarkul (Tsentr-2026), Taonan (Peace Mission 2009), Zhanjiang (Joint Sea-2024), Vladivostok, the capitals.
    assert {"Chelyabinsk", "Chebarkul’", "Taonan", "Baicheng", "Zhanjiang", "Vladivostok", "Beijing", "Moscow",
            "Bishkek", "Dushanbe", "Tehran", "Pretoria", "Borzya"} <= names  # Borzya: Tsugol (Vostok-2018)


def test_the_selection_keeps_big_cities_capitals_and_the_towns_near_the_regions():
    cities = pd.DataFrame({
        "geonameid": [1, 2, 3, 4, 5, 6, 7],
        "name": ["Megacity", "Capital", "Near City", "Far City", "Range Town", "Remote Town", "Capital"],
        "countrycode": ["AA", "BB", "AA", "AA", "AA", "AA", "BB"],
        "latitude": [0.0, -30.0, 42.0, 10.0, 45.3, 50.0, -31.0],
        "longitude": [0.0, -60.0, 132.0, 10.0, 122.7, 100.0, -61.0],
        "population": [2_000_000, 20_000, 150_000, 150_000, 20_000, 20_000, 15_000],
    })
    regions = gpd.GeoDataFrame(
        {"region_id": ["sea", "range"], "kind": ["sea", "area"], "area_km2": [250_000.0, 2_800.0]},
        geometry=[shapely.box(132.5, 38, 136, 41.5), shapely.Point(122.8, 45.5).buffer(0.3)], crs="EPSG:4326")
    kept = select_towns(cities, {"BB": "Capital"}, regions)
    assert list(kept.columns) == list(TOWN_COLUMNS)
    assert list(kept["name"]) == ["Megacity", "Near City", "Capital", "Range Town"]  # largest first
    assert kept.loc[kept["name"] == "Capital", "geonameid"].tolist() == [2]  # the larger of two of that name
    assert kept["capital"].tolist() == [0, 0, 1, 0]


def test_a_saved_map_carries_its_towns_and_never_fetches_them_from_the_app(tmp_path):
    path = _write(tmp_path, "2,Moscow,RU,55.752,37.616,10381222,1")
    assets = inline_asset_urls(None, path)
    assert assets.towns == data_url(encoded_towns(path), "application/json")
    assert inline_asset_urls(None, tmp_path / "missing.csv").towns is None
    regions = gpd.GeoDataFrame({"region_id": ["sea"], "name": ["Sea"], "kind": ["sea"], "area_km2": [1.0],
                                "precision": ["exact"]}, geometry=[shapely.box(130, 40, 131, 41)], crs="EPSG:4326")
    for url, saved in ((assets.towns, True), ("/app/static/towns/towns-abc.json", False)):
        m = base_map(assets, tiles=False)
        labels_layer(regions, towns_url=url).add_to(m)
        if saved:
            assert "towns-abc" not in standalone_html(m, title="t", caption_text="c")
        else:  # a map built for the app would ask the app for its towns: not a file that stands alone
            with pytest.raises(ValueError, match="/app/static/towns/towns-abc.json"):
                standalone_html(m, title="t", caption_text="c")


# The towns a small land area lies near, for its popup (geodata.towns.region_towns).

def _town(name: str, lat: float, lon: float, population: int = 20_000) -> Town:
    return Town(name, lat, lon, population, False)


def test_compass_points_name_the_direction_from_the_town():
    assert [compass_point(a) for a in (0, 22.4, 22.6, 90, 135, 180, 225, 270, 315, 337.6, -45, 720)] == [
        "north", "north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west", "north",
        "north-west", "north"]


def test_a_site_gets_its_nearest_town_and_the_nearest_city_a_reader_knows():
    towns = [_town("Bigcity", 50.0, 113.0, 400_000), _town("Smalltown", 50.5, 115.0), _town("Far", 40.0, 100.0)]
    near = towns_near(115.6, 50.5, towns, "Some training range")
    assert [(n.town, n.direction) for n in near] == [("Smalltown", "east"), ("Bigcity", "east")]
    assert 40 < near[0].km < 45 and near[0].km < near[1].km
    # the nearest town is the city: named once
    assert [n.town for n in towns_near(113.1, 50.0, towns)] == ["Bigcity"]
    assert towns_near(115.6, 50.5, []) == ()


def test_a_name_that_already_says_where_gives_no_towns():
    towns = [_town("Ussuriysk", 43.8, 131.95, 170_000), _town("Vladivostok", 43.1, 131.9, 600_000)]
    assert towns_near(132.1, 43.7, towns, "Sergeyevsky training ground near Ussuriysk") == ()
    assert towns_near(132.1, 43.7, towns, "Ussuriysk range") == ()  # a town within 100 km, named
    assert towns_near(132.1, 43.7, towns, "Ussuriyskiy range")  # a longer word is not the town's name
    assert towns_near(140.0, 43.7, towns, "Ussuriysk") != ()  # named, but 650 km away


def test_one_place_under_two_names_is_named_once_as_the_city():
    towns = [_town("Jining", 41.03, 113.11, 258_757), _town("Ulanqab", 41.0, 113.13, 400_000)]
    assert [n.town for n in towns_near(112.9, 42.4, towns)] == ["Ulanqab"]


def test_only_small_land_areas_get_towns():
    square = shapely.box(0, 0, 10, 10)
    land = gpd.GeoDataFrame({"iso_a3": ["AAA"]}, geometry=[square], crs="EPSG:4326")
    regions = gpd.GeoDataFrame(
        {"region_id": ["range", "sea_area", "big", "sea"], "name": ["Range", "Waters", "Big", "Sea"],
         "kind": ["area", "area", "area", "sea"], "area_km2": [2_826, 10_000, 1_339_095, 5_000]},
        geometry=[shapely.Point(5, 5).buffer(0.2), shapely.Point(12, 5).buffer(0.2), shapely.Point(5, 5).buffer(3),
                  shapely.Point(4, 4).buffer(0.2)], crs="EPSG:4326")
    found = region_towns(regions, [_town("Town", 5.5, 5.0, 500_000)], land)
    assert list(found) == ["range"] and found["range"][0].direction == "south"


def test_the_bundled_ranges_say_where_they_are():
    from geodata.measure import read_countries

    towns, problems = read_towns(towns_file(schema.DATA_DIR))
    regions = gpd.read_file(schema.DATA_DIR / schema.REGIONS_FILE)
    found = {key: [(n.town, n.direction) for n in near]
             for key, near in region_towns(regions, towns, read_countries()).items()}
    # Sources put Tsugol "about 250 km south-east of Chita"; the circle's middle is an estimate.
    assert found["tsugol_range"] == [("Borzya", "west"), ("Chita", "south-east")]
    assert "zhurihe_base" in found and "kapustin_yar_range" in found
    # placed by their names, or at sea
    assert not {"moscow_area", "sergeyevsky_range", "zhanjiang_waters", "smolensk_region", "russia"} & set(found)


def test_an_unusable_towns_file_leaves_the_popups_without_towns(tmp_path):
    from geodata.measure import read_countries
    from view.prepared import nearby_towns

    regions = gpd.read_file(schema.DATA_DIR / schema.REGIONS_FILE)
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / TOWNS_FILE).write_text("not,the,columns\n1,2,3\n", encoding="utf-8")
    assert nearby_towns(regions, tmp_path, read_countries()) == {}
    (tmp_path / "reference" / TOWNS_FILE).unlink()  # no file of its own: the bundled towns
    assert "tsugol_range" in nearby_towns(regions, tmp_path, read_countries())
