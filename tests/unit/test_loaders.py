"""Loaders and validation: every bad file, row and field is named, nothing crashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geodata.loaders import load_dataset, read_exercises, read_regions
from geodata.problems import ERROR, WARNING, DataError

HEADER = "exercise_id,name,series,start_date,end_date,domain,participants,region_ids,summary,sources"
GOOD_ROW = "ok_2024,OK-2024,Test,2024-01-01,2024-01-02,naval,CHN;RUS,north_sea_box,Fine.,https://example.org/ok"


def write_csv(data_dir: Path, *rows: str) -> None:
    (data_dir / "exercises.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    (data_dir / "routes.geojson").unlink()  # its routes belong to the exercises replaced here


def only_problem(dataset, field):
    problems = [p for p in dataset.problems if p.field == field]
    assert len(problems) == 1, dataset.problems
    return problems[0]


def test_small_dataset_loads_clean(small_dataset):
    assert small_dataset.problems == ()
    assert len(small_dataset.exercises) == 4
    assert set(small_dataset.regions["region_id"]) == {"north_sea_box", "south_sea_box", "bay_box", "dateline_box"}
    assert small_dataset.regions.crs.to_epsg() == 4326
    assert small_dataset.version == "test-1"


def test_typed_columns(small_dataset):
    bravo = small_dataset.exercises.set_index("exercise_id").loc["bravo_2019"]
    assert bravo["participant_codes"] == ("CHN", "RUS", "IRN")
    assert bravo["region_id_list"] == ("north_sea_box", "bay_box")
    assert bravo["source_urls"] == ("https://example.org/bravo", "https://example.org/bravo2")
    assert bravo["start"].year == 2019 and bravo["end"].year == 2020


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("Bad ID,OK,Test,2024-01-01,2024-01-02,naval,CHN;RUS,north_sea_box,Fine.,https://example.org/x", "exercise_id", "slug"),
        ("x_1,,Test,2024-01-01,2024-01-02,naval,CHN;RUS,north_sea_box,Fine.,https://example.org/x", "name", "empty"),
        ("x_1,X,Test,2024-13-01,2024-01-02,naval,CHN;RUS,north_sea_box,Fine.,https://example.org/x", "start_date", "ISO date"),
        ("x_1,X,Test,2024-01-01,24/01/2024,naval,CHN;RUS,north_sea_box,Fine.,https://example.org/x", "end_date", "ISO date"),
        ("x_1,X,Test,2024-02-01,2024-01-02,naval,CHN;RUS,north_sea_box,Fine.,https://example.org/x", "end_date", "before"),
        ("x_1,X,Test,2024-01-01,2024-01-02,space,CHN;RUS,north_sea_box,Fine.,https://example.org/x", "domain", "not one of"),
        ("x_1,X,Test,2024-01-01,2024-01-02,naval,China;RUS,north_sea_box,Fine.,https://example.org/x", "participants", "alpha-3"),
        ("x_1,X,Test,2024-01-01,2024-01-02,naval,CHN;RUS,atlantis,Fine.,https://example.org/x", "region_ids", "atlantis"),
        ("x_1,X,Test,2024-01-01,2024-01-02,naval,CHN;RUS,,Fine.,https://example.org/x", "region_ids", "empty"),
        ("x_1,X,Test,2024-01-01,2024-01-02,naval,CHN;RUS,north_sea_box,Fine.,", "sources", "at least one"),
        ("x_1,X,Test,2024-01-01,2024-01-02,naval,CHN;RUS,north_sea_box,Fine.,javascript:alert(1)", "sources", "http(s)"),
        ("x_1,X,Test,2024-01-01,2024-01-02,naval,CHN;RUS,north_sea_box,,https://example.org/x", "summary", "empty"),
    ],
)
def test_bad_row_is_reported_with_file_line_and_field(small_data, row, field, words):
    write_csv(small_data, GOOD_ROW, row)
    dataset = load_dataset(small_data)
    problem = only_problem(dataset, field)
    assert problem.file == "exercises.csv"
    assert problem.row == "line 3"
    assert problem.severity == ERROR
    assert words in problem.message
    assert f"exercises.csv, line 3, field '{field}'" in str(problem)
    assert list(dataset.exercises["exercise_id"]) == ["ok_2024"], "the good row must still load"


def test_duplicate_id_names_the_first_line(small_data):
    write_csv(small_data, GOOD_ROW, GOOD_ROW)
    problem = only_problem(load_dataset(small_data), "exercise_id")
    assert problem.row == "line 3" and "line 2" in problem.message


def test_line_numbers_follow_multiline_cells(small_data):
    multiline = 'm_1,M,Test,2024-01-01,2024-01-02,naval,CHN;RUS,north_sea_box,"Two\nlines",https://example.org/m'
    write_csv(small_data, multiline, GOOD_ROW.replace("2024-01-01", "2024-99-01"))
    assert only_problem(load_dataset(small_data), "start_date").row == "line 4"


def test_overlong_cell_is_reported(small_data):
    write_csv(small_data, GOOD_ROW.replace("Fine.", "x" * 5000))
    assert "5000 characters" in only_problem(load_dataset(small_data), "summary").message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "file not found"),
        (b"", "file is empty"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"exercise_id,name\nx,y\n", "required column is missing"),
        (b'exercise_id,name\n"unterminated\n', "cannot be read as CSV"),
    ],
)
def test_unusable_exercises_file_raises_named_error(small_data, content, words):
    path = small_data / "exercises.csv"
    if content is None:
        path.unlink()
    else:
        path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_dataset(small_data)
    assert any(p.file == "exercises.csv" and words in p.message for p in caught.value.problems), caught.value


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "file is empty"),
        ("{ not json", "cannot be read as GeoJSON"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "x"},'
         ' "geometry": {"type": "Point", "coordinates": [1, 2]}}]}', "required property is missing"),
    ],
)
def test_unusable_regions_file_raises_named_error(small_data, content, words):
    (small_data / "regions.geojson").write_text(content)
    with pytest.raises(DataError) as caught:
        read_regions(small_data / "regions.geojson")
    assert any(p.file == "regions.geojson" and words in p.message for p in caught.value.problems)


def edit_regions(data_dir: Path, edit) -> None:
    path = data_dir / "regions.geojson"
    collection = json.loads(path.read_text())
    edit(collection["features"])
    path.write_text(json.dumps(collection))


def test_invalid_polygon_is_repaired_with_a_warning(small_data):
    def bowtie(features):
        features[1]["geometry"]["coordinates"] = [[[110, 15], [120, 25], [120, 15], [110, 25], [110, 15]]]

    edit_regions(small_data, bowtie)
    dataset = load_dataset(small_data)
    problem = only_problem(dataset, "geometry")
    assert problem.severity == WARNING
    assert problem.row == "feature 2 (south_sea_box)"
    assert "Self-intersection" in problem.message
    repaired = dataset.regions.set_index("region_id").loc["south_sea_box", "geometry"]
    assert repaired.is_valid and repaired.area > 0
    assert "alpha_2016" in set(dataset.exercises["exercise_id"])


def test_bad_region_drops_it_and_the_exercises_that_need_it(small_data):
    def break_kind(features):
        features[3]["properties"]["kind"] = "ocean"

    edit_regions(small_data, break_kind)
    dataset = load_dataset(small_data)
    assert str(only_problem(dataset, "kind")).startswith("regions.geojson, feature 4 (dateline_box), field 'kind'")
    assert "dateline_box" not in set(dataset.regions["region_id"])
    region_problem = only_problem(dataset, "region_ids")
    assert region_problem.file == "exercises.csv" and "dateline_box" in region_problem.message
    assert "charlie_2024" not in set(dataset.exercises["exercise_id"])


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("region_id", "Sea Of Japan", "slug"),
        ("region_id", "north_sea_box", "already used"),
        ("name", "", "empty"),
        ("area_km2", -5, "positive"),
        ("source", "ftp://example.org", "http(s)"),
    ],
)
def test_bad_region_property_is_named(small_data, field, value, words):
    def edit(features):
        features[2]["properties"][field] = value

    edit_regions(small_data, edit)
    problem = [p for p in load_dataset(small_data).problems if p.field == field and p.file == "regions.geojson"][0]
    assert problem.row.startswith("feature 3") and words in problem.message


def test_read_exercises_keeps_every_cell_as_text(small_data):
    frame, lines = read_exercises(small_data / "exercises.csv")
    assert all(dtype is object or str(dtype) in ("object", "str") for dtype in frame.dtypes)
    assert list(lines) == [2, 3, 4, 5]
