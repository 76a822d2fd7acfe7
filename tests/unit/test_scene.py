"""scene_for: what a view shows, the one rule the page, the command and the offline map share."""

from __future__ import annotations

from geodata.query import ViewState
from view.scene import scene_for


def test_a_scene_sorts_what_the_filters_show_and_keeps_a_focus_they_show(small_dataset):
    scene = scene_for(small_dataset, ViewState((2019, 2024), selected="bravo_2019", region="bay_box"))
    assert list(scene.shown["start"]) == sorted(scene.shown["start"])
    assert set(scene.regions["region_id"]) >= {"bay_box"}
    assert (scene.view.selected, scene.view.region, scene.notices) == ("bravo_2019", "bay_box", ())


def test_a_focus_the_filters_do_not_show_is_cleared_and_said(small_dataset):
    scene = scene_for(small_dataset, ViewState((2024, 2024), selected="alpha_2016", region="south_sea_box"))
    assert (scene.view.selected, scene.view.region) == (None, None)
    assert scene.notices == (
        "selected=alpha_2016 is not among the exercises shown (2024); the map shows the whole view.",
        "region=south_sea_box holds none of the exercises shown (2024); the map shows the whole view.",
    )


def test_exercises_are_shown_by_date_or_by_rank_and_a_frame_in_order_is_not_copied(small_dataset):
    import pandas as pd

    from geodata.search import RANK_COLUMN
    from view.scene import in_shown_order

    exercises = small_dataset.exercises
    by_date = exercises.sort_values(["start", "exercise_id"])
    assert in_shown_order(by_date) is by_date
    shuffled = by_date.iloc[::-1]
    pd.testing.assert_frame_equal(in_shown_order(shuffled), by_date)
    ranked = shuffled.assign(**{RANK_COLUMN: range(1, len(shuffled) + 1)})
    assert in_shown_order(ranked) is ranked
    pd.testing.assert_frame_equal(in_shown_order(ranked.iloc[::-1]), ranked)
    assert in_shown_order(exercises.iloc[:0]).empty
