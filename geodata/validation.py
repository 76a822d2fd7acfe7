"""Row-by-row validation of exercises.csv and regions.geojson.

Validators take frames and return ``(valid_rows, problems)``: a bad row is reported with its
file, row and field and left out, the rest of the file still loads. Nothing here reads files.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import shapely

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
        and ``end`` (datetime64), ``participant_codes``, ``region_id_list`` and
        ``source_urls`` (tuples of str). Row order is kept.
    problems : list of Problem
        One entry per bad field; duplicates of an earlier ``exercise_id`` are errors.
    """
    frame = frame.reset_index(drop=True)
    for column in schema.OPTIONAL_EXERCISE_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
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
