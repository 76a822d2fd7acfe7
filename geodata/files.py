"""Checks and readers shared by every data-file loader."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio.errors
import shapely

from geodata import schema
from geodata.problems import DataError, Problem, quote

MAX_DATA_FILE_BYTES = 50 * 1024 * 1024
"""Largest data file the loaders accept; a bigger one is refused, not read."""


def check_readable(path: Path, max_bytes: int = MAX_DATA_FILE_BYTES) -> None:
    """Raise DataError unless ``path`` is a non-empty file of at most ``max_bytes``."""
    if not path.is_file():
        raise DataError([Problem(path.name, "", "", f"file not found at {path}")])
    size = path.stat().st_size
    if size == 0:
        raise DataError([Problem(path.name, "", "", "file is empty")])
    if size > max_bytes:
        raise DataError([Problem(path.name, "", "", f"file is {size:,} bytes; the limit is {max_bytes:,}")])


def _csv_line_numbers(text: str) -> list[int]:
    """Editor line number at which each data record of a CSV text starts."""
    reader = csv.reader(io.StringIO(text))
    starts: list[int] = []
    next(reader, None)
    line = reader.line_num
    for _ in reader:
        starts.append(line + 1)
        line = reader.line_num
    return starts


def read_csv_table(path: Path, required: Iterable[str]) -> tuple[pd.DataFrame, pd.Series]:
    """Read a CSV data file as text, checking only that it is a usable table.

    Parameters
    ----------
    path : pathlib.Path
        The CSV file (UTF-8, comma-separated, header row).
    required : iterable of str
        Columns the header must name.

    Returns
    -------
    frame : pandas.DataFrame
        Every cell as ``str``; empty cells are ``""``.
    line_numbers : pandas.Series
        Editor line number of each row, for messages.

    Raises
    ------
    DataError
        If the file is missing, empty, too large, not UTF-8, not parseable as CSV, or
        lacks a required column.
    """
    check_readable(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError([Problem(path.name, "", "", f"is not UTF-8 text (byte {error.start})")]) from error
    try:
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, skipinitialspace=False
        )
        line_numbers = _csv_line_numbers(text)
    except (pd.errors.ParserError, csv.Error, ValueError) as error:
        raise DataError([Problem(path.name, "", "", f"cannot be read as CSV: {error}")]) from error
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError([Problem(path.name, "line 1", c, "required column is missing") for c in missing])
    if len(line_numbers) != len(frame):
        line_numbers = [index + 2 for index in range(len(frame))]
    return frame, pd.Series(line_numbers, dtype="int64")


def read_geojson_layer(path: Path, required: Iterable[str], max_bytes: int = MAX_DATA_FILE_BYTES) -> gpd.GeoDataFrame:
    """Read a GeoJSON data file with pyogrio into EPSG:4326 and check its properties exist.

    A geometry GEOS cannot build (a one-point LineString) is read as missing, so the file's
    validator reports it by feature instead of the whole file failing.

    Raises
    ------
    DataError
        If the file is missing, empty, too large, not readable as GeoJSON, or its features
        lack a property in ``required``.
    """
    check_readable(path, max_bytes)
    try:
        layer = gpd.read_file(path, engine="pyogrio", on_invalid="ignore")
    except (
        pyogrio.errors.DataSourceError,
        pyogrio.errors.DataLayerError,
        shapely.errors.GEOSException,
        ValueError,
    ) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataError([Problem(path.name, "", "", f"cannot be read as GeoJSON: {quote(message, 200)}")]) from error
    if layer.crs is None:
        layer = layer.set_crs("EPSG:4326")
    elif not layer.crs.equals("EPSG:4326"):
        layer = layer.to_crs("EPSG:4326")
    missing = [c for c in required if c not in layer.columns]
    if missing and not layer.empty:
        raise DataError([Problem(path.name, "", c, "required property is missing from the features") for c in missing])
    return layer


def cell_text(value: object) -> str:
    """Return one property or cell as text: missing values (None, NaN, NaT, NA) are ``""``, bytes are UTF-8."""
    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def finite_number(text: str) -> float | None:
    """Return ``text`` as a finite float, or None (not a number, NaN or infinite)."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def coordinate_problem(lat: float | None, lon: float | None) -> str:
    """Return what is wrong with a file's coordinate (RFC 7946 range), or ``""``."""
    if lat is None or lon is None:
        return "is not a number"
    if not (-90.0 <= lat <= 90.0 and schema.FILE_LON_RANGE[0] <= lon <= schema.FILE_LON_RANGE[1]):
        return f"{lat:g}, {lon:g} lies outside latitude ±90° and longitude ±180°"
    return ""
