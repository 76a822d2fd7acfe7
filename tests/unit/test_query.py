"""URL codec: round trips, and junk that falls back to defaults with a notice."""

from __future__ import annotations

import pytest

from geodata.query import Catalog, ViewState, parse_years, series_slug, view_from_params, view_to_params

CATALOG = Catalog(
    first_year=2005,
    last_year=2025,
    exercise_ids=("joint_sea_2024", "ocean_2024", "northern_joint_2024"),
    series=("Joint Sea", "Joint naval patrol", "Northern/Interaction"),
    region_ids=("sea_of_japan", "bering_sea"),
    version="2026-11-25",
)


@pytest.mark.parametrize(
    "view",
    [
        ViewState((2005, 2025)),
        ViewState((2024, 2024)),
        ViewState((2016, 2024), exercises=("ocean_2024", "joint_sea_2024")),
        ViewState((2005, 2025), series=("Northern/Interaction", "Joint naval patrol"), domains=("air", "naval")),
        ViewState((2012, 2020), exercises=("ocean_2024",), selected="ocean_2024"),
        ViewState((2005, 2025), region="bering_sea", map_view=(58.25, 185.5, 5)),
        ViewState((2024, 2024), selected="ocean_2024", region="sea_of_japan", map_view=(-12.345, -170.0, 12)),
        ViewState((2024, 2024), play="2024-07"),
        ViewState((2005, 2025), play="2005-01"),
    ],
)
def test_round_trip(view):
    params = view_to_params(view, CATALOG)
    assert view_from_params(params, CATALOG) == (view, [])


def test_defaults_are_left_out_of_the_url():
    assert view_to_params(ViewState((2005, 2025)), CATALOG) == {}
    assert view_to_params(ViewState((2024, 2024)), CATALOG) == {"years": "2024", "v": "2026-11-25"}
    assert view_to_params(ViewState((2016, 2024), exercises=("ocean_2024",)), CATALOG) == {
        "years": "2016-2024",
        "exercise": "ocean_2024",
        "v": "2026-11-25",
    }


def test_map_view_is_written_rounded():
    params = view_to_params(ViewState((2005, 2025), map_view=(42.5, 131.25, 6)), CATALOG)
    assert params == {"lat": "42.5", "lon": "131.25", "z": "6", "v": "2026-11-25"}
    view, notices = view_from_params({"lat": "42.123456", "lon": "131.98765", "z": "7"}, CATALOG)
    assert view.map_view == (42.123, 131.988, 7) and notices == []


@pytest.mark.parametrize(
    "params",
    [
        {"lat": "42.5", "lon": "131"},
        {"lat": "95", "lon": "131", "z": "5"},
        {"lat": "42", "lon": "999", "z": "5"},
        {"lat": "42", "lon": "131", "z": "5.5"},
        {"lat": "42", "lon": "131", "z": "40"},
        {"lat": "nan", "lon": "131", "z": "5"},
        {"lat": "<b>", "lon": "131", "z": "5"},
    ],
)
def test_bad_map_view_falls_back_to_fitting(params):
    view, notices = view_from_params(params, CATALOG)
    assert view.map_view is None and len(notices) == 1


def test_link_from_an_older_dataset_says_so():
    view, notices = view_from_params({"years": "2024", "v": "2025-01-01"}, CATALOG)
    assert view.years == (2024, 2024)
    assert notices == [
        "This link was made with dataset version '2025-01-01'; you are seeing version 2026-11-25, "
        "which may hold more or corrected records."
    ]
    assert view_from_params({"v": "2026-11-25"}, CATALOG)[1] == []


def test_unknown_region_is_ignored():
    view, notices = view_from_params({"region": "atlantis"}, CATALOG)
    assert view.region is None and "'atlantis'" in notices[0]


def test_series_use_slugs_in_the_url():
    assert series_slug("Northern/Interaction") == "northern_interaction"
    params = view_to_params(ViewState((2005, 2025), series=("Joint naval patrol",)), CATALOG)
    assert params == {"series": "joint_naval_patrol", "v": "2026-11-25"}


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
    assert view_from_params({"utm_source": "x", "embed": "true"}, CATALOG) == (ViewState((2005, 2025)), [])


def test_search_text_round_trips_and_is_bounded():
    view = ViewState((2005, 2025), search="Морское 2024")
    assert view_from_params(view_to_params(view, CATALOG), CATALOG) == (view, [])
    long_view, notices = view_from_params({"q": "x" * 150}, CATALOG)
    assert len(long_view.search) == 100 and "cut" in notices[0]
    assert view_from_params({"q": "  two   words "}, CATALOG)[0].search == "two words"


def test_widget_state_round_trips_a_view_under_the_parameter_names():
    from geodata.query import (
        DRAWN_KEY,
        LAYERS_KEY,
        MAP_VIEW_KEY,
        NOTICE_KEY,
        NOTICE_NAME_KEY,
        NOTICE_SOURCE_KEY,
        PARAMS,
        PLAYBACK_KEY,
        view_from_widget_state,
        widget_state,
    )

    view = ViewState((2016, 2024), ("js_2024",), ("Joint Sea",), ("naval",), "sea", "js_2024", "sea_of_japan",
                     (40.0, 135.0, 5), play="2024-07")
    state = widget_state(view)
    assert set(state) - {MAP_VIEW_KEY, PLAYBACK_KEY, NOTICE_KEY, NOTICE_NAME_KEY, NOTICE_SOURCE_KEY, DRAWN_KEY,
                         LAYERS_KEY} <= set(PARAMS)
    assert state[PLAYBACK_KEY] is True
    assert view_from_widget_state(state) == view
    assert view_from_widget_state({**state, PLAYBACK_KEY: False}).play is None, "playback off: no month"


def test_params_to_write_keeps_the_layout_and_says_when_nothing_changes():
    from geodata.query import MAP_ONLY, is_map_only, params_to_write, view_to_params

    catalog = Catalog(2005, 2025, ("a_2016",), ("Series",), ("naval",), ("box",), "v1")
    view = ViewState((2016, 2016))
    current = {**view_to_params(view, catalog), **MAP_ONLY}
    assert params_to_write(view, catalog, current) is None
    assert params_to_write(ViewState((2017, 2017)), catalog, current) == {
        **view_to_params(ViewState((2017, 2017)), catalog), **MAP_ONLY
    }
    assert params_to_write(view, catalog, {**current, "junk": "1"}) == current
    assert is_map_only(current) and not is_map_only({})


@pytest.mark.parametrize(
    ("text", "play", "notice_words"),
    [
        ("2024-07", "2024-07", None),
        (" 2024-07 ", "2024-07", None),
        ("2024-13", None, "not a month"),
        ("2024-7", None, "not a month"),
        ("July 2024", None, "not a month"),
        ("2024-07-01", None, "not a month"),
        ("1999-07", None, "outside the data"),
        ("2030-01", None, "outside the data"),
        ("<script>", None, "not a month"),
    ],
)
def test_a_play_link_opens_playback_on_its_month(text, play, notice_words):
    view, notices = view_from_params({"play": text}, CATALOG)
    assert view.play == play
    if notice_words is None:
        assert notices == []
    else:
        assert len(notices) == 1 and notice_words in notices[0] and "<script>" not in notices[0].replace("'<script>'", "")
