"""Filters: tables of views and the exercises and regions they show; inputs never change."""

from __future__ import annotations

import pytest

from geodata.filters import (
    bounds_of,
    domain_group,
    exercises_at,
    exercises_in_view,
    exercises_in_years,
    exercises_matching,
    regions_for,
    with_context,
)
from geodata.query import ViewState


def ids(frame):
    return sorted(frame["exercise_id"])


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (2016, 2024, ["alpha_2016", "bravo_2019", "charlie_2024", "delta_2024"]),
        (2024, 2024, ["charlie_2024", "delta_2024"]),
        (2020, 2020, ["bravo_2019"]),  # runs from December 2019 into January 2020
        (2017, 2018, []),
    ],
)
def test_exercises_in_years(small_dataset, first, last, expected):
    assert ids(exercises_in_years(small_dataset.exercises, first, last)) == expected


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        (ViewState((2016, 2024)), ["alpha_2016", "bravo_2019", "charlie_2024", "delta_2024"]),
        (ViewState((2016, 2024), exercises=("bravo_2019", "delta_2024")), ["bravo_2019", "delta_2024"]),
        (ViewState((2024, 2024), exercises=("bravo_2019", "delta_2024")), ["delta_2024"]),
        (ViewState((2016, 2024), series=("Test Patrol",)), ["charlie_2024", "delta_2024"]),
        (ViewState((2016, 2024), domains=("air",)), ["charlie_2024"]),
        (ViewState((2016, 2024), series=("Test Patrol",), domains=("naval",)), ["delta_2024"]),
        (ViewState((2016, 2024), domains=("ground",)), []),
    ],
)
def test_exercises_in_view(small_dataset, view, expected):
    before = small_dataset.exercises.copy()
    assert ids(exercises_in_view(small_dataset.exercises, view)) == expected
    assert small_dataset.exercises.equals(before)


def test_regions_for_lists_what_was_held_where(small_dataset):
    used = regions_for(small_dataset.regions, small_dataset.exercises).set_index("region_id")
    assert list(used.index) == ["north_sea_box", "south_sea_box", "bay_box", "dateline_box"]
    assert used.loc["north_sea_box", "exercise_ids"] == ("bravo_2019", "delta_2024")
    assert used.loc["north_sea_box", "exercise_count"] == 2
    assert used.loc["dateline_box", "style_group"] == "air"
    assert "exercise_ids" not in small_dataset.regions.columns


def test_region_shows_when_any_selected_exercise_was_there(small_dataset):
    shown = exercises_in_view(small_dataset.exercises, ViewState((2016, 2024), exercises=("bravo_2019",)))
    assert sorted(regions_for(small_dataset.regions, shown)["region_id"]) == ["bay_box", "north_sea_box"]


def test_style_group_of_mixed_domains(small_dataset):
    exercises = small_dataset.exercises.copy()
    is_charlie = exercises["exercise_id"] == "charlie_2024"
    exercises["region_id_list"] = [("north_sea_box",) if c else ids for c, ids in zip(is_charlie, exercises["region_id_list"], strict=True)]
    used = regions_for(small_dataset.regions, exercises).set_index("region_id")
    assert used.loc["north_sea_box", "style_group"] == "several"


@pytest.mark.parametrize(("domains", "group"), [(["naval"], "naval"), (["air", "air"], "air"), (["air", "naval"], "several")])
def test_domain_group(domains, group):
    assert domain_group(domains) == group


def test_exercises_at_is_in_date_order(small_dataset):
    assert list(exercises_at(small_dataset.exercises, "north_sea_box")["exercise_id"]) == ["bravo_2019", "delta_2024"]


def test_bounds_keep_the_pacific_frame(small_dataset):
    dateline = small_dataset.regions.loc[small_dataset.regions["region_id"] == "dateline_box"]
    assert bounds_of(dateline) == [[55.0, 175.0], [62.0, 195.0]]
    assert bounds_of(dateline.iloc[0:0]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["alpha_2016", "bravo_2019", "charlie_2024", "delta_2024"]),
        ("bravo", ["bravo_2019"]),
        ("BRAVO new year", ["bravo_2019"]),
        ("test patrol", ["charlie_2024", "delta_2024"]),
        ("Морское", ["alpha_2016"]),
        ("МОРСКОЕ", ["alpha_2016"]),
        ("海上联合", ["alpha_2016"]),
        ("ＡＬＰＨＡ", ["alpha_2016"]),
        ("nothing-like-this", []),
        ("(", []),
    ],
)
def test_search_matches_any_script(small_dataset, text, expected):
    exercises = small_dataset.exercises.copy()
    exercises.loc[exercises["exercise_id"] == "alpha_2016", ["name_ru", "name_zh"]] = ["Морское взаимодействие-2016", "海上联合-2016"]
    assert ids(exercises_matching(exercises, text)) == expected


def test_a_small_region_is_fitted_amid_its_surroundings():
    # The 37 km box of Peace Blue Shield 2009's announced area filled the map at zoom 11, with no coast in sight.
    box = [[12.0833, 44.3833], [12.4167, 44.7333]]
    (south, west), (north, east) = with_context(box)
    assert (east - west, north - south) == pytest.approx((2.5, 2.0))
    assert ((south + north) / 2, (west + east) / 2) == pytest.approx((12.25, 44.5583))
    from layers.regions import opening_zoom
    assert opening_zoom(box, (580, 560)) == 11 and opening_zoom(with_context(box), (580, 560)) == 8
    # A region wider than that, or none, is left as it is; a box at the pole stays on the map.
    assert with_context([[55.0, 175.0], [62.0, 195.0]]) == [[55.0, 175.0], [62.0, 195.0]]
    assert with_context(None) is None
    assert with_context([[84.5, 0.0], [84.9, 10.0]])[1][0] == 85.0
