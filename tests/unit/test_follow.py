"""Find and follow: the exercise list's rows, the time brush's effect, "Clear all filters", playback's line."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from geodata.filters import count_events
from geodata.query import PARAM_SELECTED, PARAM_YEARS, PLAYBACK_KEY, Catalog, ViewState, view_from_widget_state
from geodata.search import MATCH_COLUMN, RANK_COLUMN
from layers.popups import bind_feature_html
from layers.timeline import BRUSH, PICK
from tests.conftest import ROOT
from view.exercise_list import FOCUS, focused_id, list_data, list_rows, outlet_count
from view.follow import chart_event, chart_key, cleared_state, is_cleared, step_line, year_overview
from view.table import table_frame
from view.text import headline

CATALOG = Catalog(2016, 2024, ("alpha_2016", "bravo_2019", "charlie_2024", "delta_2024"), ("Alpha",))
HOSTILE = "</script><img src=x onerror=alert(1)>"


def ms(text: str) -> int:
    return int(pd.Timestamp(text).value // 1_000_000)


def test_the_list_is_newest_first_with_what_a_row_shows(small_dataset):
    rows = list_rows(small_dataset.exercises, selected="bravo_2019")
    assert [row["id"] for row in rows] == ["delta_2024", "charlie_2024", "bravo_2019", "alpha_2016"]
    bravo = rows[2]
    assert bravo["dates"] == "2019-12-27 – 2020-01-02"
    assert bravo["domain"] == "Naval" and bravo["colour"].startswith("#")
    assert bravo["participants"] == "China, Russia, Iran"
    assert bravo["regions"] == ["north_sea_box", "bay_box"]
    assert bravo["selected"] and not any(row["selected"] for row in rows if row is not bravo)
    assert rows[0]["dates"] == "2024-09", "a month-precise exercise shows its month"
    assert all(row["outlets"].endswith(("outlet", "outlets")) for row in rows)
    json.dumps(list_data(small_dataset.exercises, None, 560))  # plain JSON for the component


def test_the_table_reads_in_the_lists_order_and_its_rows_name_their_exercises(small_dataset):
    rows = [row["id"] for row in list_rows(small_dataset.exercises)]
    table = table_frame(small_dataset.exercises, small_dataset.regions)
    assert list(table.index) == rows  # a selected row's position names its exercise
    assert list(table["name"]) == [small_dataset.exercises.set_index("exercise_id").at[i, "name"] for i in rows]
    # A search's rows, in both, come best match first (here a ranking that puts the oldest first).
    found = small_dataset.exercises.assign(**{MATCH_COLUMN: "English name", RANK_COLUMN: [1, 2, 3, 4]})
    best_first = list(found["exercise_id"])
    assert list(table_frame(found, small_dataset.regions).index) == best_first != rows
    every_row = list_rows(small_dataset.exercises)
    for listed in (list_data(found, None, 560), list_data(found, None, 560, every_row)):
        assert [row["id"] for row in listed["rows"]] == best_first
        assert listed["title"] == "4 exercises, best match first"
    assert list_data(small_dataset.exercises, None, 560, every_row)["title"] == "4 exercises, newest first"


def test_the_list_counts_in_the_headings_words(small_dataset):
    # Two rows of one event: the heading said "3 exercises (4 entries)" while the list said "4 exercises".
    phased = small_dataset.exercises.assign(event_group=["one", "one", None, None])
    assert list_data(phased, None, 560)["title"] == "3 exercises (4 entries), newest first"
    assert headline(phased, small_dataset.regions, count_events(phased), (2000, 2030)).text().startswith(
        "3 exercises (4 entries) · ")


def test_rows_built_once_are_picked_as_a_view_would_build_them(small_dataset):
    exercises = small_dataset.exercises
    every_row = list_rows(exercises)
    for shown in (exercises, exercises.iloc[[0, 2]], exercises.iloc[0:0]):
        for selected in (None, str(shown["exercise_id"].iloc[0]) if len(shown) else None):
            assert list_data(shown, selected, 560, every_row) == list_data(shown, selected, 560)


def test_a_reported_exercise_is_flagged(small_dataset):
    exercises = small_dataset.exercises.assign(status=["confirmed", "reported", "confirmed", "confirmed"])
    assert [row["reported"] for row in list_rows(exercises)] == [False, False, True, False]


@pytest.mark.parametrize(
    ("publishers", "urls", "count"),
    [
        ("TASS;TASS;Xinhua", ("https://tass.com/a", "https://tass.ru/b", "https://xinhua.net/c"), 2),
        ("", ("https://www.tass.com/a", "https://tass.com/b", "https://mil.ru/c"), 2),
        ("TASS;", ("https://tass.com/a", "https://mil.ru/c"), 2),
        ("", (), 0),
    ],
)
def test_outlets_count_publishers_or_hosts_once(publishers, urls, count):
    assert outlet_count({"source_publishers": publishers, "source_urls": urls}) == count


def test_bundled_list_counts_outlets_and_names_countries():
    from geodata.loaders import load_dataset

    exercises = load_dataset().exercises
    rows = {row["id"]: row for row in list_rows(exercises)}
    assert len(rows) == len(exercises)
    assert all(int(row["outlets"].split()[0]) >= 1 for row in rows.values())
    assert "South Africa" in rows["will_for_peace_2026"]["participants"]


def test_row_text_stays_data(small_dataset):
    exercises = small_dataset.exercises.assign(name=HOSTILE)
    data = list_data(exercises, None, 560)
    assert {row["name"] for row in data["rows"]} == {HOSTILE}, "the script writes it as text, never as HTML"
    script = (ROOT / "view" / "exercise_list.js").read_text()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "eval(" not in script


@pytest.mark.parametrize(
    ("state", "expected"),
    [({FOCUS: "alpha_2016"}, "alpha_2016"), ({FOCUS: None}, None), ({FOCUS: 3}, None), ({}, None), (None, None)],
)
def test_focused_id(state, expected):
    assert focused_id(state) == expected


def test_paths_carry_what_the_list_marks():
    script = bind_feature_html().js_code
    assert "data-region" in script and "data-exercise" in script


@pytest.mark.parametrize(
    ("state", "overview", "expected"),
    [
        ({"selection": {BRUSH: {"year_start": [ms("2017-03-01"), ms("2019-06-01")]}}}, True, {PARAM_YEARS: (2017, 2019)}),
        ({"selection": {BRUSH: {"start": [ms("2010-03-01"), ms("2018-06-01")]}}}, False, {PARAM_YEARS: (2016, 2018)}),
        ({"selection": {BRUSH: {}}}, True, {PARAM_YEARS: (2016, 2024)}),
        ({"selection": {BRUSH: {}, PICK: [{"exercise_id": "bravo_2019"}]}}, False, {PARAM_SELECTED: "bravo_2019"}),
        ({"selection": {BRUSH: {}, PICK: {}}}, False, {}),
        (None, False, {}),
    ],
)
def test_a_brush_sets_the_years_and_a_click_focuses(state, overview, expected):
    assert chart_event(state, CATALOG, overview=overview) == expected


def test_clear_all_gives_the_view_of_a_bare_link():
    state = cleared_state(CATALOG)
    assert view_from_widget_state(state) == ViewState.default(CATALOG)
    assert state[PLAYBACK_KEY] is False
    assert is_cleared(ViewState.default(CATALOG), CATALOG)
    assert not is_cleared(ViewState((2016, 2020)), CATALOG)


def test_chart_keys_change_with_the_years_and_the_focus():
    keys = {chart_key("years", ViewState(years)) for years in [(2016, 2024), (2016, 2020), (2017, 2020)]}
    assert len(keys) == 3
    assert chart_key("t", ViewState((2016, 2020))) != chart_key("t", ViewState((2016, 2020), selected="alpha_2016"))


def test_the_year_overview_keeps_every_filter_but_the_years(small_dataset):
    view = ViewState((2024, 2024), domains=("naval",))
    assert list(year_overview(small_dataset.exercises, view, CATALOG)["exercise_id"]) == [
        "alpha_2016", "bravo_2019", "delta_2024"]


def test_the_playback_line_names_the_step(small_dataset):
    name = small_dataset.exercises.set_index("exercise_id").loc["charlie_2024", "name"]
    assert step_line(small_dataset.exercises, pd.Period("2024-07", "M"), "window", 1) == (
        f"July 2024: 1 exercise active — {name}")
    assert step_line(small_dataset.exercises, pd.Period("2024-08", "M"), "window", 0) == "August 2024: 0 exercises active"


def test_follow_and_the_list_do_not_import_streamlit():
    code = "import view.follow, view.exercise_list, sys; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
