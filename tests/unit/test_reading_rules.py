"""The pure rules behind the map-first page: landing view, heading line, notices, units, playback steps."""

from __future__ import annotations

import pandas as pd
import pytest

from geodata.filters import event_ids, landing_bounds, precision_class, regions_for
from geodata.loaders import load_dataset
from geodata.playback import advance
from geodata.query import Catalog, ViewState
from geodata.schema import DATA_DIR
from view.scene import details_html, focus_href, scene_for
from view.text import date_span_text, distance_text, headline, link_notice, plural


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(DATA_DIR)


def test_the_landing_view_is_east_asia_for_the_whole_record(bundled):
    (south, west), (north, east) = landing_bounds(regions_for(bundled.regions, bundled.exercises))
    assert south <= 21.0 and west <= 110.5  # the waters off Zhanjiang
    assert north >= 45.0 and 140.0 <= east <= 185.0  # the Sea of Japan, not the Bering Strait's far side
    assert south > -10.0 and west > 60.0  # not Cape Town, not the Baltic


def test_the_landing_view_follows_the_data_not_a_fixed_box(bundled):
    ground = bundled.exercises.loc[bundled.exercises["domain"] == "ground"]
    (south, west), (north, east) = landing_bounds(regions_for(bundled.regions, ground))
    assert west < 100.0  # Central Asian ranges, not the East Asian seas


def test_a_country_sized_region_never_decides_the_landing_view(bundled):
    used = regions_for(bundled.regions, bundled.exercises)
    only_russia = used.loc[used["precision"].map(precision_class) == "region only"]
    assert not only_russia.empty
    assert landing_bounds(used) != landing_bounds(only_russia)


def test_headline_names_one_exercise_and_its_month_instead_of_the_years(bundled):
    scene = scene_for(bundled, ViewState(years=(2005, 2026), exercises=("joint_sea_2024",)))
    heading = headline(scene.shown, scene.regions, 1, (2005, 2026))
    assert heading.text().startswith("Joint Sea-2024 · Jul 2024 · ")
    assert heading.figures()["Years"] == "Jul 2024"


def test_headline_counts_events_and_says_entries_when_they_differ(bundled):
    scene = scene_for(bundled, ViewState(years=(2022, 2022)))
    events = int(event_ids(scene.shown).nunique())
    heading = headline(scene.shown, scene.regions, events, (2022, 2022))
    assert events < len(scene.shown)  # vostok_2022 and vostok_2022_naval are one event
    assert f"{events} exercises ({len(scene.shown)} entries)" in heading.text()
    assert '<span data-metric="Exercises shown" hidden>' in heading.html("v")
    assert "<script>" not in headline(scene.shown.assign(name="<script>"), scene.regions, 1, (2022, 2022)).html("v")


@pytest.mark.parametrize(("first", "last", "text"), [
    ("2024-07-12", "2024-07-17", "Jul 2024"),
    ("2024-07-12", "2024-08-02", "Jul–Aug 2024"),
    ("2024-11-29", "2025-01-03", "Nov 2024 – Jan 2025"),
    ("2019-05-01", "2024-07-17", "2019–2024"),
])
def test_date_spans_are_as_fine_as_they_need(first, last, text):
    assert date_span_text(pd.Timestamp(first), pd.Timestamp(last)) == text


def test_words_and_units():
    assert plural(1, "exercise") == "1 exercise" and plural(2, "entry", "entries") == "2 entries"
    assert distance_text(1852) == "1,852 km (1,000 NM)"


def test_a_bad_link_gives_one_notice_with_the_rest_folded():
    head, rest = link_notice(["a is bad.", "b is bad.", "c is bad.", "d is bad."])
    assert head == "a is bad. b is bad." and rest == ["c is bad.", "d is bad."]
    assert link_notice([]) == ("", [])


def test_the_region_details_link_each_exercise_to_the_view_focused_on_it(bundled):
    catalog = Catalog.from_exercises(bundled.exercises, tuple(bundled.regions["region_id"]), bundled.version)
    view = ViewState(years=(2024, 2024), region="sea_of_japan")
    scene = scene_for(bundled, view)
    html = details_html(scene, bundled.regions, catalog)
    href = focus_href(scene.view, catalog, "joint_air_patrol_2024_nov")
    assert href.startswith("?") and "selected=joint_air_patrol_2024_nov" in href and "region=" not in href
    assert f'href="{href.replace("&", "&amp;")}"' in html


def test_playback_steps_only_when_due_and_stops_at_the_end():
    months = list(pd.period_range("2024-01", "2024-03", freq="M"))
    state = {"playing": True, "play_month": months[0], "play_stepped_at": 10.0}
    assert advance(months, state, 10.5, 1.0) == {}  # a click, not the timer
    assert advance(months, state, 11.0, 1.0) == {"play_month": months[1], "play_stepped_at": 11.0}
    assert advance(months, {**state, "play_month": months[2]}, 20.0, 1.0) == {"playing": False}
    assert advance(months, {**state, "playing": False}, 20.0, 1.0) == {}
