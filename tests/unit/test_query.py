"""URL codec: round trips, and junk that falls back to defaults with a notice."""

from __future__ import annotations

import pytest

from geodata.query import Catalog, ViewState, parse_years, series_slug, view_from_params, view_to_params

CATALOG = Catalog(
    first_year=2005,
    last_year=2025,
    exercise_ids=("joint_sea_2024", "ocean_2024", "northern_joint_2024"),
    series=("Joint Sea", "Joint naval patrol", "Northern/Interaction"),
)


@pytest.mark.parametrize(
    "view",
    [
        ViewState((2005, 2025)),
        ViewState((2024, 2024)),
        ViewState((2016, 2024), exercises=("ocean_2024", "joint_sea_2024")),
        ViewState((2005, 2025), series=("Northern/Interaction", "Joint naval patrol"), domains=("air", "naval")),
        ViewState((2012, 2020), exercises=("ocean_2024",), selected="ocean_2024"),
    ],
)
def test_round_trip(view):
    params = view_to_params(view, CATALOG)
    assert view_from_params(params, CATALOG) == (view, [])


def test_defaults_are_left_out_of_the_url():
    assert view_to_params(ViewState((2005, 2025)), CATALOG) == {}
    assert view_to_params(ViewState((2024, 2024)), CATALOG) == {"years": "2024"}
    assert view_to_params(ViewState((2016, 2024), exercises=("ocean_2024",)), CATALOG) == {
        "years": "2016-2024",
        "exercise": "ocean_2024",
    }


def test_series_use_slugs_in_the_url():
    assert series_slug("Northern/Interaction") == "northern_interaction"
    params = view_to_params(ViewState((2005, 2025), series=("Joint naval patrol",)), CATALOG)
    assert params == {"series": "joint_naval_patrol"}


def test_repeated_parameters_read_like_commas():
    view, notices = view_from_params({"exercise": ["ocean_2024", "joint_sea_2024"]}, CATALOG)
    assert view.exercises == ("ocean_2024", "joint_sea_2024") and notices == []


@pytest.mark.parametrize(
    ("text", "years", "notice_words"),
    [
        ("2016-2024", (2016, 2024), None),
        ("2024", (2024, 2024), None),
        (" 2016 – 2024 ", (2016, 2024), None),
        ("2024-2016", (2016, 2024), "read as 2016-2024"),
        ("1990-2010", (2005, 2010), "reaches outside"),
        ("1990-1995", (2005, 2025), "outside the data"),
        ("twenty", (2005, 2025), "not a year"),
        ("2016-", (2005, 2025), "not a year"),
        ("<script>alert(1)</script>", (2005, 2025), "not a year"),
        ("", (2005, 2025), "not a year"),
    ],
)
def test_parse_years(text, years, notice_words):
    parsed, notice = parse_years(text, CATALOG)
    assert parsed == years
    if notice_words is None:
        assert notice is None
    else:
        assert notice_words in notice


@pytest.mark.parametrize(
    "params",
    [
        {"exercise": "<script>alert(1)</script>"},
        {"exercise": "ocean_2024,nope"},
        {"series": "joint_sea,javascript:alert(1)"},
        {"domain": "space"},
        {"selected": "' OR 1=1 --"},
        {"years": "9" * 5000},
    ],
)
def test_hostile_values_fall_back_with_a_notice(params):
    view, notices = view_from_params(params, CATALOG)
    assert len(notices) == 1
    assert all(value in CATALOG.exercise_ids for value in view.exercises)
    assert view.selected is None
    assert len(notices[0]) < 300


def test_good_values_survive_beside_bad_ones():
    view, notices = view_from_params({"exercise": "ocean_2024,nope", "domain": "naval"}, CATALOG)
    assert view.exercises == ("ocean_2024",) and view.domains == ("naval",)
    assert "'nope'" in notices[0]


def test_unknown_parameters_are_ignored():
    assert view_from_params({"utm_source": "x", "z": "5"}, CATALOG) == (ViewState((2005, 2025)), [])
