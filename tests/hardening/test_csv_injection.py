"""CSV exports cannot run formulas in a reader's spreadsheet program (OWASP "CSV Injection").

Before the fix, a summary starting with ``=`` (from a contributed record) or a region named
``@SUM(...)`` (a saved notice a curator added) was exported as is and ran in Excel/LibreOffice.
"""

from __future__ import annotations

import csv
import io

import geopandas as gpd
import pandas as pd
import pytest

from geodata import schema
from geodata.export import to_csv_bytes
from geodata.export.table import CSV_ENCODING, spreadsheet_safe
from geodata.rules import validate_exercises, validate_regions
from tests.conftest import SMALL_DATA

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_cells_get_an_apostrophe(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Joint Sea-2024", "", "'quoted", "2024-07-14", "Sea of Japan", "—dash"])
def test_plain_cells_are_untouched(cell):
    assert spreadsheet_safe(cell) == cell


def test_no_exported_cell_starts_with_a_formula_trigger(small_dataset):
    shown = small_dataset.exercises.copy()
    shown.loc[shown.index[0], "summary"] = FORMULAS[0]
    shown.loc[shown.index[0], "notes"] = FORMULAS[3]
    regions = small_dataset.regions.copy()
    regions.loc[regions.index[0], "name"] = "=cmd|' /C calc'!A0"
    shown.loc[shown.index[0], "region_id_list"] = (regions.iloc[0]["region_id"],)
    exported = to_csv_bytes(shown, regions, "v1", "-all years")
    rows = list(csv.reader(io.StringIO(exported.decode(CSV_ENCODING))))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(schema.FORMULA_TRIGGERS)]
    assert "'" + FORMULAS[0] in cells and "'=cmd|' /C calc'!A0" in cells and "'-all years" in cells


def test_the_validator_warns_about_formula_text_and_keeps_the_row(small_dataset):
    frame = pd.read_csv(
        small_dataset_path := schema.DATA_DIR.parent / "tests" / "data" / "small" / "exercises.csv",
        dtype=str,
        keep_default_na=False,
    )
    assert small_dataset_path.exists()
    frame.loc[0, "summary"] = "=1+1"
    valid, problems = validate_exercises(frame, frozenset(small_dataset.regions["region_id"]))
    [warning] = [problem for problem in problems if "formula" in problem.message]
    assert warning.severity == "warning" and warning.field == "summary" and warning.row == "line 2"
    assert len(valid) == len(frame)


def test_the_validator_warns_about_a_formula_region_name():
    regions = gpd.read_file(SMALL_DATA / "regions.geojson")  # as in the file: RFC 7946, cut at 180°
    regions.loc[regions.index[0], "name"] = "@evil"
    valid, problems = validate_regions(regions, file="regions.geojson")
    assert any(problem.field == "name" and "formula" in problem.message for problem in problems)
    assert len(valid) == len(regions)
