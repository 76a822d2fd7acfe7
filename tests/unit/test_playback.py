"""Playback steps: the months a view spans and the exercises each step shows."""

from __future__ import annotations

import pandas as pd
import pytest

from geodata.loaders import load_dataset
from geodata.playback import (
    CUMULATIVE,
    WINDOW,
    describe_step,
    exercises_active_in,
    next_month,
    playback_months,
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
