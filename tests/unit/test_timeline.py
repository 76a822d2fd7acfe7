"""Timeline charts: the Vega-Lite spec they produce, and reading Streamlit's selection back."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pytest

from geodata.filters import count_events, exercises_in_years
from geodata.loaders import load_dataset
from layers.styles import GROUP_COLOURS, GROUP_LABELS
from layers.timeline import (
    BRUSH,
    DIMMED_OPACITY,
    LEGEND_TITLE,
    MIN_BAR_PIXELS,
    PICK,
    TIMELINE_COLUMNS,
    brushed_years,
    chart_specs,
    counts_by_year,
    counts_by_year_spec,
    picked_exercise_id,
    timeline_rows,
    timeline_spec,
    with_tables,
)
from tests.conftest import ROOT

HOSTILE = "</script><img src=x onerror=alert(1)>\"'); datum.x || alert(2) ({{signal}}) \\"


def spec_of(spec: dict) -> dict:
    """The spec as the JSON Streamlit sends to the browser (must survive a JSON round trip)."""
    return json.loads(json.dumps(spec))


def data_of(spec: dict) -> list[dict]:
    (rows,) = spec["datasets"].values()
    return rows


def without_data(spec: dict) -> dict:
    return {key: value for key, value in spec.items() if key != "datasets"}


@pytest.fixture
def exercises(small_dataset) -> pd.DataFrame:
    return small_dataset.exercises


@pytest.fixture(scope="module")
def bundled_exercises():
    return load_dataset().exercises


def test_timeline_has_one_bar_per_exercise(exercises):
    spec = spec_of(timeline_spec(exercises))
    rows = data_of(spec)
    assert sorted(row["exercise_id"] for row in rows) == sorted(exercises["exercise_id"])
    assert set(rows[0]) == set(TIMELINE_COLUMNS)
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "start"
    assert spec["encoding"]["x2"]["field"] == "bar_end"
    assert spec["encoding"]["y"]["field"] == "series"


def test_timeline_bars_run_from_start_to_the_day_after_the_end(exercises):
    rows = {row["exercise_id"]: row for row in data_of(spec_of(timeline_spec(exercises)))}
    assert (rows["bravo_2019"]["start"], rows["bravo_2019"]["bar_end"]) == ("2019-12-27", "2020-01-03")
    assert (rows["charlie_2024"]["start"], rows["charlie_2024"]["bar_end"]) == ("2024-07-24", "2024-07-26")
    assert rows["bravo_2019"]["dates"] == "2019-12-27 – 2020-01-02"
    assert rows["delta_2024"]["dates"] == "2024-09", "month-precision dates show the month only"
    assert rows["bravo_2019"]["participants"] == "China, Russia, Iran"


def test_one_day_exercise_keeps_a_visible_width():
    one_day = pd.DataFrame(
        {
            "exercise_id": ["a", "b"],
            "name": ["A", "B"],
            "series": ["S", "S"],
            "domain": ["air", "naval"],
            "start": pd.to_datetime(["2005-01-01", "2025-06-01"]),
            "end": pd.to_datetime(["2005-01-01", "2025-06-30"]),
            "start_date": ["2005-01-01", "2025-06-01"],
            "end_date": ["2005-01-01", "2025-06-30"],
            "date_precision": ["day", ""],
            "participant_codes": [("CHN", "RUS"), ("CHN", "RUS")],
        }
    )
    spec = spec_of(timeline_spec(one_day))
    assert data_of(spec)[0]["bar_end"] == "2005-01-02"
    assert spec["mark"]["strokeWidth"] == MIN_BAR_PIXELS
    assert spec["encoding"]["stroke"]["field"] == spec["encoding"]["color"]["field"]


def test_timeline_axis_covers_whole_years(exercises):
    x = spec_of(timeline_spec(exercises))["encoding"]["x"]
    assert x["scale"]["type"] == "utc"
    assert x["scale"]["domainMin"]["year"] == 2016
    assert x["scale"]["domainMax"]["year"] == 2025
    assert [value["year"] for value in x["axis"]["values"]] == list(range(2016, 2025))


@pytest.mark.parametrize("build", [timeline_spec, counts_by_year_spec])
def test_colours_are_the_maps(exercises, build):
    encoding = spec_of(build(exercises))["encoding"]
    scale = encoding["color"]["scale"]
    assert scale["domain"] == [GROUP_LABELS["naval"], GROUP_LABELS["air"]]
    assert scale["range"] == [GROUP_COLOURS["naval"], GROUP_COLOURS["air"]]
    assert encoding["color"]["legend"]["title"] == LEGEND_TITLE


def test_colour_scale_lists_every_domain_present_in_schema_order(exercises):
    copies = [exercises.assign(domain=domain) for domain in ("combined", "ground", "air", "naval")]
    everything = pd.concat(copies).assign(exercise_id=[f"x{i}" for i in range(4 * len(exercises))])
    scale = spec_of(timeline_spec(everything))["encoding"]["color"]["scale"]
    assert scale["domain"] == ["Naval", "Air", "Ground", "Combined"]
    assert scale["range"] == [GROUP_COLOURS[d] for d in ("naval", "air", "ground", "combined")]


def test_timeline_has_a_click_selection_on_exercise_id(exercises):
    spec = spec_of(timeline_spec(exercises))
    param, brush = spec["params"]
    assert brush["name"] == BRUSH and brush["select"]["type"] == "interval" and "value" not in brush
    assert param["name"] == PICK
    assert param["select"]["type"] == "point"
    assert param["select"]["fields"] == ["exercise_id"]
    assert param["select"]["on"] == "click"
    assert "value" not in param, "nothing is highlighted without a selection"
    opacity = spec["encoding"]["opacity"]
    assert opacity["condition"] == [{"param": PICK, "value": 1.0}]
    assert opacity["value"] == DIMMED_OPACITY


def test_selected_exercise_is_highlighted(exercises):
    param, _ = spec_of(timeline_spec(exercises, selected="bravo_2019"))["params"]
    assert param["value"] == [{"exercise_id": "bravo_2019"}]


@pytest.mark.parametrize("selected", ["not_shown_2020", HOSTILE, ""])
def test_unknown_selection_highlights_nothing(exercises, selected):
    spec = spec_of(timeline_spec(exercises, selected=selected))
    assert "value" not in spec["params"][0]
    assert HOSTILE not in json.dumps(spec)


def test_overlapping_exercises_of_a_series_get_separate_lanes(exercises):
    overlapping = exercises.copy()
    delta = overlapping["exercise_id"] == "delta_2024"
    overlapping.loc[delta, "start"] = pd.Timestamp("2024-07-25")
    lanes = timeline_rows(overlapping).set_index("exercise_id")["lane"]
    assert lanes["charlie_2024"] != lanes["delta_2024"]
    assert timeline_rows(exercises)["lane"].eq(0).all(), "months apart: one lane"
    spec = spec_of(timeline_spec(overlapping))
    assert spec["encoding"]["yOffset"]["scale"]["domain"] == [0, 1]


def test_series_rows_follow_their_first_exercise(exercises):
    y = spec_of(timeline_spec(exercises))["encoding"]["y"]
    assert y["sort"] == ["Test Series", "Test Patrol"]


def strings_in(value) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return [value] if isinstance(value, str) else []


def keys_in(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_in(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_in(item)}
    return set()


def test_hostile_text_stays_data(exercises):
    hostile = exercises.assign(name=HOSTILE, series=HOSTILE)
    spec = spec_of(timeline_spec(hostile))
    assert {(row["name"], row["series"]) for row in data_of(spec)} == {(HOSTILE, HOSTILE)}
    assert spec["encoding"]["y"]["sort"] == [HOSTILE], "the row order lists the series as a plain JSON string"
    outside_data = without_data(spec)
    del outside_data["encoding"]["y"]["sort"]
    assert not [text for text in strings_in(outside_data) if "onerror" in text or "alert" in text]


@pytest.mark.parametrize("build", [timeline_spec, counts_by_year_spec])
def test_charts_need_no_network(exercises, build):
    spec = spec_of(build(exercises))
    assert "url" not in keys_in(spec), "data travels inline, never from a URL"
    assert "datasets" in spec
    remote = [text for text in strings_in(without_data(spec)) if "://" in text]
    assert remote == [spec["$schema"]], "only the schema id, which Vega never fetches"


def test_both_charts_share_a_left_axis_that_narrows_in_a_phones_container(exercises):
    from layers.timeline import AXIS_LABEL_WIDTH, NARROW_AXIS_LABEL_WIDTH, NARROW_CHART_PX, RIGHT_PADDING_PX

    timeline, counts = (spec_of(spec) for spec in chart_specs(exercises))
    axes = [spec["encoding"]["y"]["axis"] for spec in (timeline, counts)]
    extent = axes[0]["minExtent"]
    assert all(axis["minExtent"] == axis["maxExtent"] == extent for axis in axes)  # their years line up
    assert extent == {"expr": f"isFinite(containerSize()[0]) && containerSize()[0] < {NARROW_CHART_PX}"
                              f" ? {NARROW_AXIS_LABEL_WIDTH} : {AXIS_LABEL_WIDTH}"}
    assert axes[0]["labelLimit"]["expr"].endswith(f"? {NARROW_AXIS_LABEL_WIDTH - 6} : {AXIS_LABEL_WIDTH - 20}")
    for spec in (timeline, counts):
        legend = spec["encoding"]["color"]["legend"]
        assert legend["columns"]["expr"].endswith("? 2 : 0")  # two columns on a phone, one row otherwise
        assert spec["padding"] == {"right": RIGHT_PADDING_PX}  # room for the last year's label


def test_counts_by_year_counts_an_exercise_in_every_year_it_ran(exercises):
    counts = counts_by_year(exercises)
    by_year = counts.groupby("year")["count"].sum().to_dict()
    assert by_year == {2016: 1, 2019: 1, 2020: 1, 2024: 2}, "bravo (Dec 2019 – Jan 2020) counts in both years"
    pairs = set(zip(counts["year"], counts["domain"], strict=True))
    assert pairs == {(2016, "naval"), (2019, "naval"), (2020, "naval"), (2024, "naval"), (2024, "air")}


def test_counts_by_year_stacks_in_domain_order(exercises):
    year = counts_by_year(exercises).query("year == 2024")
    assert list(year["domain"]) == ["naval", "air"]
    assert list(zip(year["stack_low"], year["stack_high"], strict=True)) == [(0, 1), (1, 2)]
    assert list(year["year_start"]) == ["2024-01-01"] * 2
    assert list(year["year_end"]) == ["2025-01-01"] * 2


def test_counts_chart_data_is_the_counts(exercises):
    spec = spec_of(counts_by_year_spec(exercises))
    rows = data_of(spec)
    assert sum(row["count"] for row in rows) == 5
    assert spec["encoding"]["y"]["field"] == "stack_low"
    assert spec["encoding"]["y2"]["field"] == "stack_high"


def test_counts_on_bundled_data_match_the_year_filter(bundled_exercises):
    counts = counts_by_year(bundled_exercises).groupby("year")["count"].sum()
    for year, count in counts.items():
        assert count == count_events(exercises_in_years(bundled_exercises, year, year))  # an event once


def test_bundled_timeline_has_every_exercise(bundled_exercises):
    spec = spec_of(timeline_spec(bundled_exercises))
    assert len(data_of(spec)) == len(bundled_exercises)
    assert spec["encoding"]["x"]["scale"]["domainMin"]["year"] == bundled_exercises["start"].dt.year.min()


def test_empty_view_gives_empty_charts(exercises):
    none = exercises.iloc[0:0]
    assert timeline_rows(none).empty
    assert counts_by_year(none).empty
    for chart in (timeline_spec(none, selected="alpha_2016"), counts_by_year_spec(none)):
        spec = spec_of(chart)
        assert data_of(spec) == []


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ({"selection": {PICK: [{"exercise_id": "joint_sea_2012"}]}}, "joint_sea_2012"),
        ({"selection": {PICK: [{"exercise_id": "a"}, {"exercise_id": "b"}]}}, "a"),
        ({"selection": {PICK: [{"exercise_id": "a", "vlPoint": {}}]}}, "a"),
        ({"selection": {PICK: {}}}, None),
        ({"selection": {PICK: []}}, None),
        ({"selection": {}}, None),
        ({"selection": None}, None),
        ({"selection": {PICK: [{"exercise_id": 5}]}}, None),
        ({"selection": {PICK: [{"exercise_id": ""}]}}, None),
        ({"selection": {PICK: [{}]}}, None),
        ({"selection": {PICK: ["joint_sea_2012"]}}, None),
        ({"selection": {PICK: "joint_sea_2012"}}, None),
        ({"selection": {"other": [{"exercise_id": "a"}]}}, None),
        ({}, None),
        (None, None),
        ("selection", None),
        ([{"exercise_id": "a"}], None),
    ],
)
def test_picked_exercise_id(state, expected):
    assert picked_exercise_id(state) == expected


def test_picked_exercise_id_reads_dict_subclasses():
    class ReadOnly(dict):
        pass

    state = ReadOnly(selection=ReadOnly({PICK: [ReadOnly(exercise_id="ocean_2024")]}))
    assert picked_exercise_id(state) == "ocean_2024"


def test_timeline_and_playback_do_not_import_streamlit():
    code = "import layers.timeline, geodata.playback, sys; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_counts_axis_reaches_the_highest_stack(small_dataset):
    from layers.timeline import counts_by_year, counts_by_year_spec

    spec = counts_by_year_spec(small_dataset.exercises)
    assert spec["encoding"]["y"]["scale"]["domain"][1] == counts_by_year(small_dataset.exercises)["stack_high"].max()


@pytest.fixture(scope="module")
def vega_lite_validator():
    from altair.vegalite.v6.schema.core import load_schema
    from jsonschema import Draft7Validator

    return Draft7Validator(load_schema())


@pytest.mark.parametrize("selected", [None, "bravo_2019"])
def test_specs_are_valid_vega_lite(vega_lite_validator, exercises, bundled_exercises, selected):
    specs = [timeline_spec(exercises, selected=selected), counts_by_year_spec(exercises)]
    specs += [timeline_spec(bundled_exercises), counts_by_year_spec(bundled_exercises), timeline_spec(exercises.iloc[0:0])]
    specs += [counts_by_year_spec(bundled_exercises, (2016, 2019))]
    for spec in specs:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in vega_lite_validator.iter_errors(spec_of(spec))]
        assert errors == []


def test_specs_fail_validation_when_wrong(vega_lite_validator, exercises):
    spec = spec_of(timeline_spec(exercises))
    spec["encoding"]["x"]["type"] = "sometimes"
    assert list(vega_lite_validator.iter_errors(spec))


def ms(text: str) -> int:
    """Milliseconds since 1970 UTC, as Streamlit reports a brush end on a temporal axis."""
    return int(pd.Timestamp(text).value // 1_000_000)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ({"selection": {BRUSH: {"start": [ms("2016-07-01"), ms("2019-11-30")]}}}, (2016, 2019)),
        ({"selection": {BRUSH: {"year_start": [ms("2019-11-30"), ms("2016-07-01")]}}}, (2016, 2019)),
        ({"selection": {BRUSH: {"year_start": [ms("2016-01-01"), ms("2020-01-01")]}}}, (2016, 2019)),
        ({"selection": {BRUSH: {"start": [ms("2024-03-02"), ms("2024-03-09")]}}}, (2024, 2024)),
        ({"selection": {BRUSH: {"start": ["2016-07-01", "2018-02-01"]}}}, (2016, 2018)),
        ({"selection": {BRUSH: {"start": [ms("2016-07-01"), ms("2016-07-01")]}}}, (2016, 2016)),
        ({"selection": {BRUSH: {}}}, None),
        ({"selection": {BRUSH: {"start": [ms("2016-07-01")]}}}, None),
        ({"selection": {BRUSH: {"start": ["soon", "later"]}}}, None),
        ({"selection": {BRUSH: {"start": [True, False]}}}, None),
        ({"selection": {BRUSH: {"start": [1e300, 0]}}}, None),
        ({"selection": {BRUSH: [ms("2016-07-01"), ms("2019-11-30")]}}, None),
        ({"selection": {PICK: [{"exercise_id": "a"}]}}, None),
        ({"selection": None}, None),
        (None, None),
    ],
)
def test_brushed_years(state, expected):
    assert brushed_years(state) == expected


def test_both_charts_take_a_brush_on_time_and_the_counts_draw_it_from_the_years(bundled_exercises):
    timeline, counts = chart_specs(bundled_exercises, None, bundled_exercises, (2016, 2019))
    assert [p["name"] for p in timeline["params"]] == [PICK, BRUSH]
    (brush,) = counts["params"]
    assert brush["select"] == {"type": "interval", "encodings": ["x"], "zoom": False}, "the wheel scrolls the page"
    assert brush["value"] == {"x": [{"year": 2016, "month": 1, "date": 1, "utc": True},
                                    {"year": 2020, "month": 1, "date": 1, "utc": True}]}
    assert counts["encoding"]["opacity"] == {"condition": [{"param": BRUSH, "value": 1.0}], "value": DIMMED_OPACITY}
    assert counts["encoding"]["x"]["scale"]["domainMin"]["year"] == 2005, "the overview spans every year"
    assert "value" not in chart_specs(bundled_exercises)[1]["params"][0], "no brush while every year is shown"


def test_counts_count_the_overview_not_the_shown_years(bundled_exercises):
    shown = exercises_in_years(bundled_exercises, 2016, 2019)
    _, counts = chart_specs(shown, None, bundled_exercises, (2016, 2019))
    assert {row["year"] for row in data_of(spec_of(counts))} > set(range(2016, 2020))


def test_the_chart_embeds_the_rows_in_date_order_as_plain_values(exercises):
    shuffled = exercises.sample(frac=1.0, random_state=3)
    records = timeline_spec(shuffled)["datasets"]["exercises"]
    assert records == timeline_rows(shuffled).to_dict("records")
    assert [r["start"] for r in records] == sorted(r["start"] for r in records)
    assert all(type(r["lane"]) is int and type(r["name"]) is str for r in records)


def test_the_charts_tables_reach_the_page_as_their_rows_did(bundled_exercises):
    # st.vega_lite_chart turns each named dataset into Arrow bytes with this function (rows through
    # pandas, a pyarrow.Table as it is); the page must get the same values either way.
    from streamlit.dataframe_util import convert_anything_to_arrow_bytes

    def sent(data) -> list[dict]:
        return pa.ipc.open_stream(convert_anything_to_arrow_bytes(data)).read_all().to_pylist()

    shown = exercises_in_years(bundled_exercises, 2019, 2024)
    for spec in (timeline_spec(shown, selected=shown["exercise_id"].iloc[0]), counts_by_year_spec(shown, (2020, 2022))):
        drawn = with_tables(spec)
        assert without_data(drawn) == without_data(spec) and drawn["datasets"].keys() == spec["datasets"].keys()
        for name, rows in spec["datasets"].items():
            assert isinstance(drawn["datasets"][name], pa.Table)
            assert sent(drawn["datasets"][name]) == sent(rows) == rows
    assert with_tables(None) is None


def test_tables_keep_missing_values_missing():
    spec = {"mark": "bar", "datasets": {"rows": [{"name": "a", "lane": 1}, {"name": None, "lane": 2}]}}
    assert with_tables(spec)["datasets"]["rows"].to_pylist() == spec["datasets"]["rows"]


def test_the_timeline_does_not_depend_on_the_order_of_its_rows(bundled_exercises):
    # app.py caches it by the shown ids and builds it from the scene's rows, in the scene's order
    # (date, or best match first when searching).
    shown = exercises_in_years(bundled_exercises, 2012, 2024)
    selected = shown["exercise_id"].iloc[3]
    assert timeline_spec(shown.iloc[::-1], selected=selected) == timeline_spec(shown, selected=selected)
    assert timeline_spec(shown.sample(frac=1, random_state=3)) == timeline_spec(shown)
