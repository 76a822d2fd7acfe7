"""Read the Drill Atlas data files into validated frames.

``load_dataset`` is the one entry point the app uses; ``read_exercises`` and ``read_regions``
are exposed for the validator and the tests. A file that cannot be used at all raises
:class:`~geodata.problems.DataError`; bad rows inside a usable file are reported as
:class:`~geodata.problems.Problem` and left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geodata import schema
from geodata.files import read_csv_table, read_geojson_layer
from geodata.geometry import pacific_frame
from geodata.observations import (
    OBSERVATION_ORDER,
    empty_observations,
    read_anchors,
    read_observations,
    validate_anchors,
    validate_observations,
    with_observations,
    with_route_notes,
)
from geodata.problems import DataError, Problem
from geodata.reference import ADIZ_FILE, REFERENCE_DIR, STRAITS_FILE, read_straits, read_zones
from geodata.routes import empty_routes, read_routes, validate_routes
from geodata.rules import event_group_problems, route_region_problems, validate_exercises, validate_regions
from geodata.sources import empty_sources, read_sources, validate_sources, with_outlets


@dataclass(frozen=True)
class Dataset:
    """Validated exercises and regions, ready to filter and draw.

    Attributes
    ----------
    exercises : pandas.DataFrame
        Valid rows of exercises.csv (see :func:`geodata.rules.validate_exercises`),
        plus ``source_publishers`` and ``source_labels`` from sources.csv (see
        :func:`geodata.sources.with_outlets`).
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
    sources : pandas.DataFrame
        Valid rows of sources.csv (see :func:`geodata.sources.validate_sources`); empty when
        there is no sources file.
    observations : pandas.DataFrame
        Valid rows of observations.csv, placed and with their ``route_note``
        (:mod:`geodata.observations`); empty when there is no observations file. The exercises
        carry them as text in ``observations``.
    """

    exercises: pd.DataFrame
    regions: gpd.GeoDataFrame
    version: str
    routes: gpd.GeoDataFrame = field(default_factory=empty_routes)
    problems: tuple[Problem, ...] = field(default=())
    sources: pd.DataFrame = field(default_factory=empty_sources)
    observations: pd.DataFrame = field(default_factory=empty_observations)


def read_exercises(path: Path) -> tuple[pd.DataFrame, pd.Series]:
    """Read exercises.csv as text, checking only that it is a usable table (:func:`geodata.files.read_csv_table`)."""
    return read_csv_table(path, schema.EXERCISE_COLUMNS)


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


def read_changelog(data_dir: Path = schema.DATA_DIR) -> str:
    """Return the text of the data folder's CHANGELOG.md (what each dataset version changed), or ``""``."""
    try:
        return (Path(data_dir) / schema.CHANGELOG_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def load_dataset(data_dir: Path = schema.DATA_DIR) -> Dataset:
    """Load, validate and cross-check the exercises, regions, routes and sources in ``data_dir``.

    Parameters
    ----------
    data_dir : pathlib.Path
        Folder holding ``exercises.csv``, ``regions.geojson``, ``VERSION`` and, optionally,
        ``routes.geojson`` and ``sources.csv``.

    Returns
    -------
    Dataset
        The valid rows and every problem found. Exercises that reference a region which
        is missing or invalid are left out with a problem naming the region; routes of an
        exercise that is missing or invalid are left out with a problem naming it. The
        checks across files add their warnings: region tags against routes
        (:func:`geodata.rules.route_region_problems`), sources.csv against the URLs of
        each row, event groups of one row. An unusable routes or sources file gives its
        problems and no routes or sources: both are optional.

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
    exercise_rows: dict[str, str] = {}
    for exercise_id, line in zip(frame["exercise_id"].astype(str).str.strip(), line_numbers, strict=True):
        exercise_rows.setdefault(exercise_id, f"line {line}")
    try:
        routes, route_problems = validate_routes(
            read_routes(data_dir / schema.ROUTES_FILE), frozenset(exercises["exercise_id"])
        )
    except DataError as error:
        routes, route_problems = empty_routes(), list(error.problems)
    try:
        table = read_sources(data_dir / schema.SOURCES_FILE)
        sources, source_problems = (
            (empty_sources(), []) if table is None
            else validate_sources(table[0], exercises, exercise_rows, line_numbers=table[1])
        )
    except DataError as error:
        sources, source_problems = empty_sources(), list(error.problems)
    cross_problems = route_region_problems(exercises, regions, routes, exercise_rows)
    cross_problems += event_group_problems(exercises, exercise_rows)
    observations, observation_problems = load_observations(data_dir, exercises, routes)
    return Dataset(
        exercises=with_observations(with_outlets(exercises, sources), observations),
        regions=regions,
        version=read_version(data_dir / schema.VERSION_FILE),
        routes=routes,
        problems=tuple(region_problems + exercise_problems + route_problems + source_problems + cross_problems
                       + observation_problems),
        sources=sources,
        observations=observations,
    )


def reference_dir(data_dir: Path) -> Path:
    """Return the data folder's ``reference`` folder (zones and strait gates), or the bundled one when it has none."""
    folder = Path(data_dir) / "reference"
    return folder if folder.is_dir() else REFERENCE_DIR


def load_observations(data_dir: Path, exercises: pd.DataFrame, routes: gpd.GeoDataFrame) -> tuple[pd.DataFrame, list]:
    """Read and check anchors.csv and observations.csv against the exercises, straits and zones.

    Both files are optional; an unusable one gives its problems and no observations.
    """
    try:
        anchor_table = read_anchors(Path(data_dir) / schema.ANCHORS_FILE)
        table = read_observations(Path(data_dir) / schema.OBSERVATIONS_FILE)
    except DataError as error:
        return empty_observations(), list(error.problems)
    anchors, problems = validate_anchors(*anchor_table) if anchor_table is not None else ({}, [])
    if table is None:
        return empty_observations(), problems
    try:
        zones, _ = read_zones(reference_dir(data_dir) / ADIZ_FILE)
        straits, _ = read_straits(reference_dir(data_dir) / STRAITS_FILE)
    except DataError as error:
        return empty_observations(), problems + list(error.problems)
    known = dict(schema.OBSERVED_ZONES) | dict(zip(zones["zone_id"], zones["name"], strict=True))
    observations, found = validate_observations(table[0], exercises, anchors=anchors, straits=straits, zones=known,
                                                line_numbers=table[1])
    timed = observations.sort_values(list(OBSERVATION_ORDER), kind="stable").reset_index(drop=True)
    return with_route_notes(timed, routes, zones), problems + found


def data_signature(data_dir: Path) -> tuple:
    """Return the names, sizes and modification times of the data files: a cheap cache key that changes on edit.

    A missing file appears with ``None`` for both, so adding it later changes the key too.
    """
    stats = []
    for name in (schema.EXERCISES_FILE, schema.REGIONS_FILE, schema.ROUTES_FILE, schema.SOURCES_FILE,
                 schema.OBSERVATIONS_FILE, schema.ANCHORS_FILE, schema.VERSION_FILE):
        try:
            stat = (data_dir / name).stat()
        except OSError:
            stats.append((name, None, None))
        else:
            stats.append((name, stat.st_mtime_ns, stat.st_size))
    return tuple(stats)
