"""Read the Drill Atlas data files into validated frames.

``load_dataset`` is the one entry point the app uses; ``read_exercises`` and ``read_regions``
are exposed for the validator and the tests. A file that cannot be used at all raises
:class:`~geodata.problems.DataError`; bad rows inside a usable file are reported as
:class:`~geodata.problems.Problem` and left out.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geodata import schema
from geodata.files import check_readable, read_geojson_layer
from geodata.geometry import pacific_frame
from geodata.problems import DataError, Problem
from geodata.routes import empty_routes, read_routes, validate_routes
from geodata.validation import validate_exercises, validate_regions


@dataclass(frozen=True)
class Dataset:
    """Validated exercises and regions, ready to filter and draw.

    Attributes
    ----------
    exercises : pandas.DataFrame
        Valid rows of exercises.csv (see :func:`geodata.validation.validate_exercises`).
    regions : geopandas.GeoDataFrame
        Valid features of regions.geojson in EPSG:4326, as the map draws them: the file is
        RFC 7946 (cut at 180°), and shapes cut there are joined again in the 0..360° Pacific
        frame (:func:`geodata.geometry.pacific_frame`); exports cut them again.
    version : str
        Dataset version from ``geodata/VERSION`` (``"unversioned"`` if absent).
    routes : geopandas.GeoDataFrame
        Valid features of routes.geojson in EPSG:4326, in the Pacific frame like the regions
        (see :func:`geodata.routes.validate_routes`); empty when there is no routes file.
    problems : tuple of Problem
        Everything the loaders reported, errors and warnings.
    """

    exercises: pd.DataFrame
    regions: gpd.GeoDataFrame
    version: str
    routes: gpd.GeoDataFrame = field(default_factory=empty_routes)
    problems: tuple[Problem, ...] = field(default=())


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


def read_exercises(path: Path) -> tuple[pd.DataFrame, pd.Series]:
    """Read exercises.csv as text, checking only that it is a usable table.

    Parameters
    ----------
    path : pathlib.Path
        The CSV file (UTF-8, comma-separated, header row).

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
    missing = [c for c in schema.EXERCISE_COLUMNS if c not in frame.columns]
    if missing:
        raise DataError([Problem(path.name, "line 1", c, "required column is missing") for c in missing])
    if len(line_numbers) != len(frame):
        line_numbers = [index + 2 for index in range(len(frame))]
    return frame, pd.Series(line_numbers, dtype="int64")


def read_regions(path: Path) -> gpd.GeoDataFrame:
    """Read regions.geojson with pyogrio, in EPSG:4326.

    Raises
    ------
    DataError
        If the file is missing, empty, too large, not readable as GeoJSON, or lacks a
        required property.
    """
    return read_geojson_layer(path, schema.REGION_PROPERTIES)


def read_version(path: Path) -> str:
    """Return the first line of the VERSION file, or ``"unversioned"``."""
    try:
        return path.read_text(encoding="utf-8").strip().splitlines()[0][:40] or "unversioned"
    except (OSError, IndexError, UnicodeDecodeError):
        return "unversioned"


def load_dataset(data_dir: Path = schema.DATA_DIR) -> Dataset:
    """Load, validate and cross-check the exercises, regions and routes in ``data_dir``.

    Parameters
    ----------
    data_dir : pathlib.Path
        Folder holding ``exercises.csv``, ``regions.geojson``, ``VERSION`` and, optionally,
        ``routes.geojson``.

    Returns
    -------
    Dataset
        The valid rows and every problem found. Exercises that reference a region which
        is missing or invalid are left out with a problem naming the region; routes of an
        exercise that is missing or invalid are left out with a problem naming it. An
        unusable routes file gives its problems and no routes: routes are optional.

    Raises
    ------
    DataError
        If the exercises or regions file is unusable as a whole.
    """
    data_dir = Path(data_dir)
    regions, region_problems = validate_regions(read_regions(data_dir / schema.REGIONS_FILE))
    regions = regions.set_geometry([pacific_frame(g) for g in regions.geometry], crs=regions.crs)
    frame, line_numbers = read_exercises(data_dir / schema.EXERCISES_FILE)
    exercises, exercise_problems = validate_exercises(
        frame, frozenset(regions["region_id"]), line_numbers=line_numbers
    )
    try:
        routes, route_problems = validate_routes(
            read_routes(data_dir / schema.ROUTES_FILE), frozenset(exercises["exercise_id"])
        )
    except DataError as error:
        routes, route_problems = empty_routes(), list(error.problems)
    return Dataset(
        exercises=exercises,
        regions=regions,
        version=read_version(data_dir / schema.VERSION_FILE),
        routes=routes,
        problems=tuple(region_problems + exercise_problems + route_problems),
    )


def data_signature(data_dir: Path) -> tuple:
    """Return the names, sizes and modification times of the data files: a cheap cache key that changes on edit.

    A missing file appears with ``None`` for both, so adding it later changes the key too.
    """
    stats = []
    for name in (schema.EXERCISES_FILE, schema.REGIONS_FILE, schema.ROUTES_FILE, schema.VERSION_FILE):
        try:
            stat = (data_dir / name).stat()
        except OSError:
            stats.append((name, None, None))
        else:
            stats.append((name, stat.st_mtime_ns, stat.st_size))
    return tuple(stats)
