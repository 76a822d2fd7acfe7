"""The bundled data: clean, cited, and holding the 2024 events of the news item the project grew from."""

from __future__ import annotations

import pandas as pd
import pytest

from geodata.loaders import load_dataset
from geodata.schema import DATA_DIR


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA_DIR)


def test_bundled_data_has_no_problem(dataset):
    assert dataset.problems == ()
    assert dataset.version != "unversioned"


def test_every_record_cites_a_source(dataset):
    assert all(len(urls) >= 1 for urls in dataset.exercises["source_urls"])
    assert all(url.startswith(("http://", "https://")) for urls in dataset.exercises["source_urls"] for url in urls)


@pytest.mark.parametrize(
    ("exercise_id", "region_ids", "month"),
    [
        ("joint_sea_2024", {"zhanjiang_waters"}, "2024-07"),
        ("northern_joint_2024", {"sea_of_japan", "sea_of_okhotsk"}, "2024-09"),
        ("ocean_2024", {"sea_of_japan"}, "2024-09"),
        ("joint_naval_patrol_2024_jul", {"philippine_sea"}, "2024-07"),
        ("joint_naval_patrol_2024_autumn", {"sea_of_okhotsk"}, "2024-10"),
    ],
)
def test_seed_events_are_present(dataset, exercise_id, region_ids, month):
    record = dataset.exercises.set_index("exercise_id").loc[exercise_id]
    assert region_ids <= set(record["region_id_list"])
    assert record["start_date"].startswith(month)
    assert {"CHN", "RUS"} <= set(record["participant_codes"])


def test_seed_regions_follow_the_coast(dataset):
    regions = dataset.regions.set_index("region_id")
    for region_id in ("sea_of_japan", "sea_of_okhotsk", "zhanjiang_waters"):
        geometry = regions.loc[region_id, "geometry"]
        assert geometry.is_valid
        assert len(geometry.exterior.coords if geometry.geom_type == "Polygon" else geometry.geoms[0].exterior.coords) > 100


def test_every_exercise_has_a_place_on_the_map(dataset):
    assert len(dataset.exercises) >= 65
    assert {"naval", "air", "ground"} <= set(dataset.exercises["domain"])
    assert all(len(ids) >= 1 for ids in dataset.exercises["region_id_list"])
    # An event only secondary sources report is in the record, marked as such, not left out.
    reported = dataset.exercises.set_index("exercise_id")["status"]
    assert reported["msb_2026"] == "reported" and reported["tsentr_2026"] == "reported"
    assert reported["will_for_peace_2026"] == "confirmed" and reported["joint_sea_2026"] == "confirmed"
    assert reported["joint_naval_patrol_2026"] == "confirmed"  # Xinhua and PLA Daily, 13-29 Jul 2026
    assert dataset.exercises["end"].max() >= pd.Timestamp("2026-10-10")


def test_bundled_routes_are_valid_and_cover_every_kind(dataset):
    routes = dataset.routes
    assert set(routes["route_kind"]) == {"patrol", "transit", "air_patrol"}
    assert set(routes["exercise_id"]) <= set(dataset.exercises["exercise_id"])
    assert all(len(urls) >= 1 for urls in routes["source_urls"])
    alaska = routes.set_index("route_id").loc["joint_air_patrol_2024_jul", "geometry"]
    assert min(x for x, _ in alaska.coords) > 180  # Bering and Chukchi waypoints kept east of 180°
