"""The data's rules: exercises.csv and regions.geojson row by row, and checks across the files.

(The command that applies them to a data folder is ``python -m geodata.validate``.)

Validators take frames and return ``(valid_rows, problems)``: a bad row is reported with its
file, row and field and left out, the rest of the file still loads. The checks across files
(:func:`route_region_problems`) compare region tags with routes. Nothing here reads files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
import shapely.ops
from shapely.geometry.base import BaseGeometry

from geodata import schema
from geodata.problems import ERROR, WARNING, Problem, quote

CSV_FIRST_DATA_LINE = 2
"""Line number of the first data row in a CSV file (line 1 is the header)."""


def split_list(cell: str) -> tuple[str, ...]:
    """Split a multi-valued cell on ``;``, dropping blanks around and between items."""
    return tuple(item.strip() for item in str(cell).split(schema.LIST_SEPARATOR) if item.strip())


def parse_iso_date(text: str) -> dt.date | None:
    """Return the date of a strict ``YYYY-MM-DD`` string, or None if it is not one."""
    text = text.strip()
    if len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _row_label(index: int, line_numbers: pd.Series | None) -> str:
    if line_numbers is not None:
        return f"line {int(line_numbers.iloc[index])}"
    return f"line {index + CSV_FIRST_DATA_LINE}"


def formula_warning(text: str) -> str:
    """Warning for text a spreadsheet program would run as a formula (see :data:`geodata.schema.FORMULA_TRIGGERS`)."""
    return (
        f"starts with {quote(text[:1])}, which spreadsheet programs run as a formula; "
        "CSV exports prefix it with an apostrophe: reword it if that is not wanted"
    )


READER_TEXT_FIELDS = ("summary", "forces", "notes")
"""exercises.csv columns readers see as written (popups, details, exports)."""
_WORD = re.compile(r"\w+")


def identifiers_in(text: str) -> list[str]:
    """Return the words of ``text`` written like data identifiers (``sea_of_japan``, ``region_ids``).

    Readers see notes and summaries as written, so a region id or column name in them is a note to
    the data's editors that leaked. Words of URLs are left out. Linear in ``text``: one scan for
    whitespace, one for word characters.
    """
    return [token for word in text.split() if "://" not in word
            for token in _WORD.findall(word) if "_" in token.strip("_")]


def identifier_warning(identifiers: list[str]) -> str:
    """Warning for reader-facing text holding data identifiers (see :func:`identifiers_in`)."""
    shown = ", ".join(quote(token) for token in dict.fromkeys(identifiers))
    return f"names {shown} as the data files do; readers see this text: write the place's or exercise's name"


def _exercise_row_problems(record: dict[str, str], known_regions: frozenset[str], file: str, row: str) -> list[Problem]:
    problems: list[Problem] = []

    def bad(field: str, message: str) -> None:
        problems.append(Problem(file, row, field, message))

    for field, value in record.items():
        if len(value) > schema.MAX_TEXT_LENGTH:
            bad(field, f"is {len(value)} characters long; the limit is {schema.MAX_TEXT_LENGTH}")
        if value.startswith(schema.FORMULA_TRIGGERS):
            problems.append(Problem(file, row, field, formula_warning(value), WARNING))

    exercise_id = record["exercise_id"].strip()
    if not schema.SLUG_PATTERN.match(exercise_id):
        bad("exercise_id", f"{quote(exercise_id)} is not a slug (lower-case letters, digits, '_')")
    for field in ("name", "series", "summary"):
        if not record[field].strip():
            bad(field, "is empty")
    for field in READER_TEXT_FIELDS:
        if identifiers := identifiers_in(record.get(field, "")):
            problems.append(Problem(file, row, field, identifier_warning(identifiers), WARNING))

    start = parse_iso_date(record["start_date"])
    end = parse_iso_date(record["end_date"])
    if start is None:
        bad("start_date", f"{quote(record['start_date'])} is not an ISO date (YYYY-MM-DD)")
    if end is None:
        bad("end_date", f"{quote(record['end_date'])} is not an ISO date (YYYY-MM-DD)")
    if start and end and end < start:
        bad("end_date", f"{end.isoformat()} is before start_date {start.isoformat()}")

    if record["domain"].strip() not in schema.DOMAINS:
        bad("domain", f"{quote(record['domain'])} is not one of {', '.join(schema.DOMAINS)}")

    precision = record.get("date_precision", "").strip()
    if precision and precision not in schema.DATE_PRECISIONS:
        bad("date_precision", f"{quote(precision)} is not one of {', '.join(schema.DATE_PRECISIONS)}")

    participants = split_list(record["participants"])
    if not participants:
        bad("participants", "is empty; give ISO 3166 alpha-3 codes joined by ';'")
    for code in participants:
        if not schema.ISO3_PATTERN.match(code):
            bad("participants", f"{quote(code)} is not an ISO 3166 alpha-3 code")
        elif code not in schema.ISO3_CODES:
            bad("participants", f"{quote(code)} is not an ISO 3166 alpha-3 code (no country has it)")

    status = record.get("status", "").strip()
    if status and status not in schema.STATUSES:
        bad("status", f"{quote(status)} is not one of {', '.join(schema.STATUSES)}")
    event_group = record.get("event_group", "").strip()
    if event_group and not schema.SLUG_PATTERN.match(event_group):
        bad("event_group", f"{quote(event_group)} is not a slug (lower-case letters, digits, '_')")

    name_sources = split_list(record.get("name_sources", ""))
    for url in name_sources:
        if not schema.URL_PATTERN.match(url):
            bad("name_sources", f"{quote(url)} is not an http(s) URL")
    for field in ("name_ru", "name_zh"):
        if record.get(field, "").strip() and not name_sources:
            bad(field, "has no source: give the URL where this name was read in name_sources")

    region_ids = split_list(record["region_ids"])
    if not region_ids:
        bad("region_ids", "is empty; give region_id values from regions.geojson joined by ';'")
    for region_id in region_ids:
        if region_id not in known_regions:
            bad("region_ids", f"{quote(region_id)} is not a region_id in regions.geojson")

    sources = split_list(record["sources"])
    if not sources:
        bad("sources", "is empty; every record needs at least one http(s) source URL")
    for url in sources:
        if not schema.URL_PATTERN.match(url):
            bad("sources", f"{quote(url)} is not an http(s) URL")
    return problems


def validate_exercises(
    frame: pd.DataFrame,
    known_regions: frozenset[str],
    file: str = schema.EXERCISES_FILE,
    line_numbers: pd.Series | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check every row of an exercises table and type the good ones.

    Parameters
    ----------
    frame : pandas.DataFrame
        All columns as text (``dtype=str``, empty cells as ``""``), with at least
        :data:`geodata.schema.EXERCISE_COLUMNS`.
    known_regions : frozenset of str
        The ``region_id`` values a row may reference.
    file : str
        File name used in problem messages.
    line_numbers : pandas.Series, optional
        Editor line number of each row (quoted cells can span lines); defaults to the
        row position plus 2.

    Returns
    -------
    valid : pandas.DataFrame
        The rows without errors, text columns unchanged, plus typed columns ``start``
        and ``end`` (datetime64), ``participant_codes``, ``region_id_list``,
        ``source_urls``, ``alias_list`` and ``name_source_urls`` (tuples of str). Row
        order is kept.
    problems : list of Problem
        One entry per bad field; duplicates of an earlier ``exercise_id`` are errors, and
        so are a participant that is no ISO 3166-1 alpha-3 code (:data:`geodata.schema.ISO3_CODES`)
        and a ``name_ru`` or ``name_zh`` without ``name_sources``.
    """
    frame = frame.reset_index(drop=True)
    for column in schema.OPTIONAL_EXERCISE_COLUMNS:
        frame[column] = frame[column].fillna("") if column in frame.columns else ""
    problems: list[Problem] = []
    keep: list[int] = []
    seen: dict[str, str] = {}
    for index, record in enumerate(frame.to_dict("records")):
        row = _row_label(index, line_numbers)
        row_problems = _exercise_row_problems(record, known_regions, file, row)
        exercise_id = record["exercise_id"].strip()
        if exercise_id in seen:
            row_problems.append(
                Problem(file, row, "exercise_id", f"{quote(exercise_id)} is already used on {seen[exercise_id]}")
            )
        elif exercise_id:
            seen[exercise_id] = row
        problems.extend(row_problems)
        if not any(problem.severity == ERROR for problem in row_problems):
            keep.append(index)

    valid = frame.iloc[keep].copy()
    for column in valid.columns:
        valid[column] = valid[column].astype(str).str.strip()
    valid["start"] = pd.to_datetime(valid["start_date"], format="%Y-%m-%d")
    valid["end"] = pd.to_datetime(valid["end_date"], format="%Y-%m-%d")
    valid["participant_codes"] = valid["participants"].map(split_list)
    valid["region_id_list"] = valid["region_ids"].map(split_list)
    valid["source_urls"] = valid["sources"].map(split_list)
    valid["alias_list"] = valid["aliases"].map(split_list)
    valid["name_source_urls"] = valid["name_sources"].map(split_list)
    return valid.reset_index(drop=True), problems


def _in_degrees(geometry) -> bool:
    west, south, east, north = geometry.bounds
    return schema.LON_RANGE[0] <= west and east <= schema.LON_RANGE[1] and -90.0 <= south and north <= 90.0


def _in_file_range(geometry) -> bool:
    west, _, east, _ = geometry.bounds
    return schema.FILE_LON_RANGE[0] <= west and east <= schema.FILE_LON_RANGE[1]


def _feature_label(index: int, region_id: object) -> str:
    label = f"feature {index + 1}"
    if isinstance(region_id, str) and region_id.strip():
        label += f" ({quote(region_id.strip(), 40)[1:-1]})"
    return label


def validate_regions(
    regions: gpd.GeoDataFrame, file: str = schema.REGIONS_FILE
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check every feature of a regions layer; repair invalid polygons.

    Parameters
    ----------
    regions : geopandas.GeoDataFrame
        In EPSG:4326, with at least :data:`geodata.schema.REGION_PROPERTIES`.
    file : str
        File name used in problem messages.

    Returns
    -------
    valid : geopandas.GeoDataFrame
        Good features in file order. Invalid polygons are repaired with
        ``shapely.make_valid(method="structure")`` and kept, with a warning.
    problems : list of Problem
        Errors (feature dropped) and warnings (feature kept).
    """
    regions = regions.reset_index(drop=True)
    for column in schema.OPTIONAL_REGION_PROPERTIES:
        if column not in regions.columns:
            regions[column] = None
    problems: list[Problem] = []
    keep: list[int] = []
    repaired: dict[int, object] = {}
    seen: dict[str, str] = {}
    for index, record in enumerate(regions.to_dict("records")):
        row = _feature_label(index, record.get("region_id"))
        found: list[Problem] = []

        def bad(field: str, message: str, severity: str = ERROR, found: list = found, row: str = row) -> None:
            found.append(Problem(file, row, field, message, severity))

        region_id = record.get("region_id")
        if not isinstance(region_id, str) or not schema.SLUG_PATTERN.match(region_id):
            bad("region_id", f"{quote(region_id)} is not a slug (lower-case letters, digits, '_')")
        elif region_id in seen:
            bad("region_id", f"{quote(region_id)} is already used by {seen[region_id]}")
        else:
            seen[region_id] = row
        name = record.get("name")
        if not isinstance(name, str) or not name.strip():
            bad("name", "is empty")
        elif len(name) > schema.MAX_TEXT_LENGTH:
            bad("name", f"is {len(name)} characters long; the limit is {schema.MAX_TEXT_LENGTH}")
        elif name.startswith(schema.FORMULA_TRIGGERS):
            bad("name", formula_warning(name), WARNING)
        if record.get("kind") not in schema.REGION_KINDS:
            bad("kind", f"{quote(record.get('kind'))} is not one of {', '.join(schema.REGION_KINDS)}")
        area = pd.to_numeric(pd.Series([record.get("area_km2")]), errors="coerce").iloc[0]
        if pd.isna(area) or area <= 0:
            bad("area_km2", f"{quote(record.get('area_km2'))} is not a positive number")
        sources = split_list(record.get("source") or "")
        if not sources:
            bad("source", "is empty; every region needs at least one http(s) source URL")
        for url in sources:
            if not schema.URL_PATTERN.match(url):
                bad("source", f"{quote(url)} is not an http(s) URL")

        geometry = record.get("geometry")
        if geometry is None or geometry.is_empty:
            bad("geometry", "is missing or empty")
        elif geometry.geom_type not in ("Polygon", "MultiPolygon"):
            bad("geometry", f"is a {geometry.geom_type}; regions must be Polygon or MultiPolygon")
        elif not _in_degrees(geometry):
            west, south, east, north = geometry.bounds
            bad(
                "geometry",
                f"coordinates reach {west:.6g}, {south:.6g} to {east:.6g}, {north:.6g}: not longitude and latitude "
                "in degrees; save the file in EPSG:4326 (WGS 84)",
            )
        elif not _in_file_range(geometry):
            west, _, east, _ = geometry.bounds
            bad(
                "geometry",
                f"longitudes reach {west:.6g} to {east:.6g}, beyond ±180°: RFC 7946 files keep every longitude "
                "within ±180° and cut a shape that crosses 180° into MultiPolygon parts (python -m geodata.build does)",
            )
        elif not geometry.is_valid:
            reason = shapely.is_valid_reason(geometry)
            fixed = shapely.make_valid(geometry, method="structure")
            if fixed.geom_type in ("Polygon", "MultiPolygon") and not fixed.is_empty:
                repaired[index] = fixed
                bad("geometry", f"is invalid ({reason}); it was repaired for display", WARNING)
            else:
                bad("geometry", f"is invalid ({reason}) and could not be repaired")

        problems.extend(found)
        if not any(p.severity == ERROR for p in found):
            keep.append(index)

    valid = regions.copy()
    for index, geometry in repaired.items():
        valid.loc[index, "geometry"] = geometry
    valid = valid.iloc[keep].copy()
    valid["area_km2"] = pd.to_numeric(valid["area_km2"]).round().astype("int64")
    valid["source_urls"] = valid["source"].map(split_list)
    return valid.reset_index(drop=True), problems


# --- checks across files --------------------------------------------------------------------------------------------

UNLISTED_SEA_KM = 100.0
UNLISTED_SEA_SHARE = 0.10
"""A row's route may run through seas its ``region_ids`` does not list for up to 100 km or up to
10 % of its length, whichever is more: routes are straight segments between the places sources
name, and such a segment may clip the corner of a neighbouring sea the ships or aircraft never
entered."""

SEA_TOUCH_KM = 50.0
"""A listed sea counts as touched by a route passing within 50 km of it: waypoints are estimates
(a strait, "off" a port), and a straight segment may cut across the land along its coast."""

CHECKED_ROUTE_KINDS = ("patrol", "air_patrol")
"""Routes that show where an exercise took place; a ``transit`` leads to or from it and may
cross seas the row rightly does not list."""

_GEOD = pyproj.Geod(ellps="WGS84")
_PACIFIC_WEST, _PACIFIC_EAST = -180.0, -50.0


def pacific_frame(geometry: BaseGeometry) -> BaseGeometry:
    """Move every point between 180° and 50° W east of 180° (+360°), so shapes near the antimeridian join up.

    Regions and routes split at 180° (RFC 7946) and those kept in the 0..360° frame come out
    the same, and can be intersected and measured together.
    """

    def shift(coords: np.ndarray) -> np.ndarray:
        moved = coords.copy()
        west = (moved[:, 0] >= _PACIFIC_WEST) & (moved[:, 0] < _PACIFIC_EAST)
        moved[west, 0] += 360.0
        return moved

    return shapely.transform(geometry, shift)


def _km(geometry: BaseGeometry) -> float:
    return 0.0 if geometry.is_empty else _GEOD.geometry_length(geometry) / 1000.0


def _distance_km(line: BaseGeometry, area: BaseGeometry) -> float:
    near_line, near_area = shapely.ops.nearest_points(line, area)
    return _GEOD.inv(near_line.x, near_line.y, near_area.x, near_area.y)[2] / 1000.0


def route_region_problems(
    exercises: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    routes: gpd.GeoDataFrame,
    exercise_rows: Mapping[str, str],
) -> list[Problem]:
    """Check that each row's region_ids agree with its routes.

    Parameters
    ----------
    exercises : pandas.DataFrame
        Valid exercises (``exercise_id``, ``region_id_list``).
    regions : geopandas.GeoDataFrame
        Valid regions (``region_id``, ``name``, ``kind``, geometry).
    routes : geopandas.GeoDataFrame
        Valid routes (``route_id``, ``exercise_id``, ``route_kind``, geometry), joined to
        the exercises by ``exercise_id``. Only :data:`CHECKED_ROUTE_KINDS` are checked.
    exercise_rows : mapping
        ``exercise_id`` to its row in exercises.csv (``"line 7"``), for messages.

    Returns
    -------
    list of Problem
        Warnings on the row's ``region_ids`` (the row still loads; the validator fails):
        a route running through seas the row does not list for more than
        :data:`UNLISTED_SEA_KM` and more than :data:`UNLISTED_SEA_SHARE` of its length; a
        listed sea that none of the row's routes comes within :data:`SEA_TOUCH_KM` of and no
        listed area (a gulf, a port's waters) touches.
    """
    checked = routes.loc[routes["route_kind"].isin(CHECKED_ROUTE_KINDS)]
    if checked.empty:
        return []
    shapes = {region_id: pacific_frame(geometry) for region_id, geometry in zip(regions["region_id"],
                                                                               regions.geometry, strict=True)}
    kinds = dict(zip(regions["region_id"], regions["kind"], strict=True))
    names = dict(zip(regions["region_id"], regions["name"], strict=True))
    seas = [region_id for region_id, kind in kinds.items() if kind == "sea"]
    listed = dict(zip(exercises["exercise_id"], exercises["region_id_list"], strict=True))
    problems: list[Problem] = []
    for exercise_id, group in checked.groupby("exercise_id", sort=False):
        row = exercise_rows.get(exercise_id, "")
        region_ids = [region_id for region_id in listed.get(exercise_id, ()) if region_id in shapes]
        lines = {route_id: pacific_frame(line) for route_id, line in zip(group["route_id"], group.geometry,
                                                                        strict=True)}
        for route_id, line in lines.items():
            length = _km(line)
            inside = {sea: _km(line.intersection(shapes[sea])) for sea in seas
                      if sea not in region_ids and line.intersects(shapes[sea])}
            unlisted = sum(inside.values())
            if unlisted > max(UNLISTED_SEA_KM, UNLISTED_SEA_SHARE * length):
                where = ", ".join(f"{names[sea]} ({sea}) {km:,.0f} km" for sea, km in inside.items() if km > 0)
                problems.append(Problem(
                    schema.EXERCISES_FILE, row, "region_ids",
                    f"route {quote(route_id)} runs {unlisted:,.0f} km of its {length:,.0f} km through seas "
                    f"region_ids does not list: {where}", WARNING,
                ))
        areas = [shapes[region_id] for region_id in region_ids if kinds[region_id] != "sea"]
        for sea in (region_id for region_id in region_ids if kinds[region_id] == "sea"):
            nearest = min(_distance_km(line, shapes[sea]) for line in lines.values())
            if nearest > SEA_TOUCH_KM and not any(area.intersects(shapes[sea]) for area in areas):
                problems.append(Problem(
                    schema.EXERCISES_FILE, row, "region_ids",
                    f"{quote(sea)} is listed, but its route{'s' if len(lines) > 1 else ''} "
                    f"({', '.join(lines)}) pass no closer than {nearest:,.0f} km and no listed place touches it",
                    WARNING,
                ))
    return problems


def event_group_problems(exercises: pd.DataFrame, exercise_rows: Mapping[str, str]) -> list[Problem]:
    """Warn about an ``event_group`` that joins nothing: used by one row only and naming no other row.

    Returns
    -------
    list of Problem
        A warning on the row's ``event_group`` (the row still loads).
    """
    groups = exercises.loc[exercises["event_group"] != "", ["exercise_id", "event_group"]]
    sizes = groups["event_group"].value_counts()
    ids = set(exercises["exercise_id"])
    return [
        Problem(schema.EXERCISES_FILE, exercise_rows.get(exercise_id, ""), "event_group",
                f"{quote(group)} joins nothing: no other row has it, and it is no other row's exercise_id", WARNING)
        for exercise_id, group in zip(groups["exercise_id"], groups["event_group"], strict=True)
        if sizes[group] == 1 and (group not in ids or group == exercise_id)
    ]


