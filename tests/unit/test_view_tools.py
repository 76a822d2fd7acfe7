"""Pure helpers the page calls: exercise labels, the zoom to the user's shapes, the data cache key."""

from __future__ import annotations

import shutil

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point, box

from geodata.loaders import data_signature
from geodata.notices import parse_notice
from geodata.uploads import UploadResult
from tests.conftest import SMALL_DATA
from view.tools import TOOL_PAD_DEG, exercise_labels, tool_bounds


def test_labels_carry_every_script_so_any_finds_the_exercise():
    exercises = pd.DataFrame(
        {"exercise_id": ["js_2024", "x_2019"], "name": ["Joint Sea-2024", "X"], "start_date": ["2024-07-14", "2019-01-02"],
         "name_ru": ["Морское взаимодействие-2024", ""], "name_zh": ["海上联合-2024", ""]}
    )
    assert exercise_labels(exercises) == {
        "js_2024": "Joint Sea-2024 (2024-07) · Морское взаимодействие-2024 · 海上联合-2024",
        "x_2019": "X (2019-01)",
    }


def test_tool_bounds_cover_the_notice_and_the_upload_with_a_margin():
    notice = parse_notice("42-30.00N 131-45.00E, 42-30.00N 132-15.00E, 42-00.00N 132-15.00E")
    upload = UploadResult(gpd.GeoDataFrame(geometry=[Point(140, 35)], crs="EPSG:4326"))
    [[south, west], [north, east]] = tool_bounds(notice, upload)
    assert (south, west) == (35 - TOOL_PAD_DEG, 131.75 - TOOL_PAD_DEG)
    assert (north, east) == (42.5 + TOOL_PAD_DEG, 140 + TOOL_PAD_DEG)
    assert tool_bounds(None, UploadResult(None)) is None
    assert tool_bounds(None, UploadResult(gpd.GeoDataFrame(geometry=[box(1, 2, 3, 4)]))) == [[1.5, 0.5], [4.5, 3.5]]


def test_data_signature_changes_when_a_file_changes(tmp_path):
    shutil.copytree(SMALL_DATA, tmp_path / "data")
    before = data_signature(tmp_path / "data")
    (tmp_path / "data" / "VERSION").write_text("changed-1\n")
    assert data_signature(tmp_path / "data") != before
    (tmp_path / "data" / "VERSION").unlink()
    assert ("VERSION", None, None) in data_signature(tmp_path / "data")
