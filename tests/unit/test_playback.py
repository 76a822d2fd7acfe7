"""Playback steps: the months a view spans and the exercises each step shows."""

from __future__ import annotations

import pandas as pd
import pytest

from geodata import playback
from geodata.loaders import load_dataset
from geodata.playback import (
    CUMULATIVE,
    WINDOW,
    describe_step,
    exercises_active_in,
    month_text,
    next_month,
    playback_months,
    step_from_link,
    step_names,
)


@pytest.fixture
def exercises(small_dataset) -> pd.DataFrame:
    return small_dataset.exercises


@pytest.fixture(scope="module")
def bundled_exercises() -> pd.DataFrame:
    return load_dataset().exercises


def ids(frame: pd.DataFrame) -> list[str]:
    return list(frame["exercise_id"])


def test_months_run_from_the_first_start_to_the_last_end(exercises):
    months = playback_months(exercises)
    assert months[0] == pd.Period("2016-09", "M")
    assert months[-1] == pd.Period("2024-09", "M")
    assert len(months) == 8 * 12 + 1, "months without exercises are steps too"
    assert all(later == earlier + 1 for earlier, later in zip(months, months[1:], strict=False))


def test_months_of_no_exercises_are_empty(exercises):
    assert playback_months(exercises.iloc[0:0]) == []


@pytest.mark.parametrize(
    ("month", "window", "cumulative"),
    [
        ("2016-08", [], []),
        ("2016-09", ["alpha_2016"], ["alpha_2016"]),
        ("2016-10", [], ["alpha_2016"]),
        ("2019-12", ["bravo_2019"], ["alpha_2016", "bravo_2019"]),
        ("2020-01", ["bravo_2019"], ["alpha_2016", "bravo_2019"]),
        ("2020-02", [], ["alpha_2016", "bravo_2019"]),
        ("2024-07", ["charlie_2024"], ["alpha_2016", "bravo_2019", "charlie_2024"]),
        ("2024-09", ["delta_2024"], ["alpha_2016", "bravo_2019", "charlie_2024", "delta_2024"]),
    ],
)
def test_window_and_cumulative_steps(exercises, month, window, cumulative):
    assert ids(exercises_active_in(exercises, month, mode=WINDOW)) == window
    assert ids(exercises_active_in(exercises, pd.Period(month, "M"), mode=CUMULATIVE)) == cumulative


def test_window_is_the_default_mode(exercises):
    assert ids(exercises_active_in(exercises, "2020-01")) == ["bravo_2019"]


def test_exercise_on_the_first_or_last_day_of_a_month_is_active_in_it(exercises):
    edges = exercises.copy()
    edges.loc[edges["exercise_id"] == "charlie_2024", ["start", "end"]] = [
        pd.Timestamp("2024-06-30"),
        pd.Timestamp("2024-07-01"),
    ]
    assert "charlie_2024" in ids(exercises_active_in(edges, "2024-06"))
    assert "charlie_2024" in ids(exercises_active_in(edges, "2024-07"))
    assert "charlie_2024" not in ids(exercises_active_in(edges, "2024-08"))


def test_steps_do_not_modify_the_exercises(exercises):
    before = exercises.copy()
    exercises_active_in(exercises, "2020-01", mode=CUMULATIVE)
    pd.testing.assert_frame_equal(exercises, before)


@pytest.mark.parametrize("mode", ["", "windowed", None, "WINDOW"])
def test_unknown_mode_is_refused(exercises, mode):
    with pytest.raises(ValueError, match="mode must be one of"):
        exercises_active_in(exercises, "2020-01", mode=mode)
    with pytest.raises(ValueError, match="mode must be one of"):
        describe_step("2020-01", mode, 1)


@pytest.mark.parametrize("month", ["garbage", "2024-13", "", None, 2024, "NaT"])
def test_a_month_that_is_not_one_is_refused(exercises, month):
    with pytest.raises(ValueError):
        exercises_active_in(exercises, month)


def test_bundled_data_spans_2005_to_2026(bundled_exercises):
    months = playback_months(bundled_exercises)
    assert months[0] == bundled_exercises["start"].min().to_period("M")
    assert months[-1] == bundled_exercises["end"].max().to_period("M")
    assert months[0].year == 2005
    assert months[-1].year == 2026


def test_bundled_window_steps_show_each_exercise_once_per_month_it_ran(bundled_exercises):
    months = playback_months(bundled_exercises)
    shown = sum(len(exercises_active_in(bundled_exercises, month)) for month in months)
    spanned = sum(
        (end.to_period("M") - start.to_period("M")).n + 1
        for start, end in zip(bundled_exercises["start"], bundled_exercises["end"], strict=True)
    )
    assert shown == spanned


def test_bundled_cumulative_steps_grow_to_every_exercise(bundled_exercises):
    months = playback_months(bundled_exercises)
    counts = [len(exercises_active_in(bundled_exercises, month, mode=CUMULATIVE)) for month in months]
    assert counts == sorted(counts)
    assert counts[0] >= 1
    assert counts[-1] == len(bundled_exercises)


def test_next_month_steps_forward_and_stops_at_the_end(exercises):
    months = playback_months(exercises)
    assert next_month(months, months[0]) == months[1]
    assert next_month(months, "2019-12") == pd.Period("2020-01", "M")
    assert next_month(months, months[-1]) is None


@pytest.mark.parametrize("month", ["2030-01", "garbage", None])
def test_next_month_of_a_month_outside_the_steps_is_none(exercises, month):
    assert next_month(playback_months(exercises), month) is None


@pytest.mark.parametrize(
    ("mode", "count", "text"),
    [
        (WINDOW, 3, "July 2024: 3 exercises active"),
        (WINDOW, 1, "July 2024: 1 exercise active"),
        (WINDOW, 0, "July 2024: 0 exercises active"),
        (CUMULATIVE, 12, "Up to the end of July 2024: 12 exercises started"),
        (CUMULATIVE, 1, "Up to the end of July 2024: 1 exercise started"),
    ],
)
def test_describe_step(mode, count, text):
    assert describe_step("2024-07", mode, count) == text
    assert describe_step(pd.Period("2024-07", "M"), mode, count) == text


def test_skipping_empty_months_keeps_only_months_with_an_exercise(exercises):
    months = playback_months(exercises, skip_empty=True)
    assert [str(month) for month in months] == ["2016-09", "2019-12", "2020-01", "2024-07", "2024-09"]
    assert all(len(exercises_active_in(exercises, month)) for month in months)
    every = playback_months(exercises)
    assert [m for m in every if len(exercises_active_in(exercises, m))] == months


def test_bundled_playback_skips_most_months(bundled_exercises):
    skipped = playback_months(bundled_exercises, skip_empty=True)
    assert len(skipped) < len(playback_months(bundled_exercises)) / 3
    assert "2022-07" not in {str(month) for month in skipped}, "the issue's empty July 2022"


@pytest.mark.parametrize(
    ("wanted", "step"),
    [("2019-12", "2019-12"), ("2024-08", "2024-09"), ("2017-05", "2019-12"), ("2030-01", "2024-09"),
     ("2001-01", "2016-09")],
)
def test_a_link_opens_on_its_month_or_the_next_step(exercises, wanted, step):
    months = playback_months(exercises, skip_empty=True)
    assert str(step_from_link(months, wanted)) == step


@pytest.mark.parametrize("wanted", [None, "", "garbage", "2024-13"])
def test_a_link_without_a_usable_month_opens_nowhere(exercises, wanted):
    assert step_from_link(playback_months(exercises), wanted) is None
    assert step_from_link([], "2024-07") is None


def test_month_text_is_the_link_form(exercises):
    assert month_text(pd.Period("2024-07", "M")) == "2024-07"
    assert month_text("2024-7") == "2024-07"


def test_step_names_the_active_exercises_in_date_order(exercises):
    assert step_names(exercises, "2019-12") == exercises.set_index("exercise_id").loc["bravo_2019", "name"]
    assert step_names(exercises, "2024-08") == ""
    names = exercises.set_index("exercise_id")["name"]
    assert step_names(exercises, "2024-09", mode=CUMULATIVE) == f"New: {names['delta_2024']}"
    assert step_names(exercises, "2024-07", mode=CUMULATIVE) == f"New: {names['charlie_2024']}"


def test_step_names_are_capped(bundled_exercises):
    text = step_names(bundled_exercises, "2026-06", mode=CUMULATIVE, most=3)
    assert text.startswith("New: ") and text.count(" · ") <= 2
    every = step_names(bundled_exercises.assign(start=bundled_exercises["start"].min(),
                                                end=bundled_exercises["end"].max()), "2010-01", most=5)
    assert every.endswith(f" and {len(bundled_exercises) - 5} more")


def test_playback_starts_on_the_links_month_or_moves_off_a_skipped_one():
    months = [pd.Period("2024-07", "M"), pd.Period("2024-09", "M")]
    assert playback.start_month(months, {}, None) == {"play_month": months[0]}
    assert playback.start_month(months, {}, "2024-09") == {"play_month": months[1]}
    assert playback.start_month(months, {"play_month": pd.Period("2024-08", "M")}, None) == {"play_month": months[1]}
    assert playback.start_month(months, {"play_month": months[1]}, "2024-07") == {}  # the reader's month stays


def test_play_on_the_last_month_starts_again_from_the_first():
    months = [pd.Period("2024-07", "M"), pd.Period("2024-09", "M")]
    assert playback.restart_if_at_end(months, {"playing": True, "play_month": months[1]}) == {"play_month": months[0]}
    assert playback.restart_if_at_end(months, {"playing": True, "play_month": months[0]}) == {}
    assert playback.restart_if_at_end(months, {"playing": False, "play_month": months[1]}) == {}
