"""Read a user's own layer (GeoJSON, KML/KMZ, zipped shapefile, CSV with lat/lon) safely.

:func:`read_upload` takes the bytes of an uploaded file and returns a GeoDataFrame in EPSG:4326
with every property as text, plus the problems met on the way. It never raises. Before GDAL
sees anything, the input is checked: size, zip bombs (member count, declared and actual
uncompressed size, compression ratio), paths inside zips (no absolute paths, ``..``, links or
encrypted members), XML with a DOCTYPE or ENTITY declaration (external entities) and JSON
syntax. GDAL (through pyogrio) then reads only validated JSON, KML without declarations, and
shapefile members written under fixed names into a private temporary directory.

Coordinate reference systems: GeoJSON is WGS 84 by its specification (RFC 7946) and KML by
its own; CSV columns are read as WGS 84 degrees. A shapefile without ``.prj`` is read as
EPSG:4326 with a warning when all its coordinates are valid degrees, and refused otherwise
(projected metres cannot be guessed). Anything else is reprojected to EPSG:4326.
"""

from __future__ import annotations

import csv
import io
import json
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.errors
import pyproj.exceptions
import shapely
from shapely.geometry import Point

from geodata.problems import WARNING, Problem, quote

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""Default largest upload; the app passes the limit it sets in .streamlit/config.toml."""
UNZIPPED_FACTOR = 10
"""A zip may hold at most this many times ``max_bytes`` once extracted."""
MAX_ZIP_RATIO = 100
"""Largest compression ratio accepted for a zip member over 1 MiB (50 MB of zeros packs 1000:1)."""
RATIO_CHECK_BYTES = 1024 * 1024
MAX_ZIP_MEMBERS = 100
MAX_FEATURES = 5_000
"""Features kept from one file; the map embeds every one of them."""
MAX_NAME_CHARS = 120

FORMATS = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".kml": "kml",
    ".kmz": "zip",
    ".zip": "zip",
    ".csv": "csv",
}
"""File name ending → format read."""
SUPPORTED = "GeoJSON (.geojson, .json), KML (.kml, .kmz), a zipped shapefile (.zip) or CSV with lat/lon columns (.csv)"
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
LAT_NAMES = ("lat", "latitude", "y")
LON_NAMES = ("lon", "lng", "long", "longitude", "x")
NAME_COLUMNS = ("name", "title", "label", "id")
XML_DECLARATIONS = (b"<!doctype", b"<!entity")
KML_HOUSEKEEPING = ("tessellate", "extrude", "visibility", "drawOrder", "icon", "altitudeMode")
"""Columns GDAL's LIBKML driver adds to every KML layer; dropped unless they carry data."""


@dataclass(frozen=True)
class UploadResult:
    """What :func:`read_upload` made of a file.

    Attributes
    ----------
    frame : geopandas.GeoDataFrame or None
        The usable features in EPSG:4326, every property as text (``""`` for missing values);
        None when the file was refused or has no usable feature.
    problems : tuple of Problem
        Refusals and dropped features (errors) and repairs and assumptions (warnings), each
        naming the file and, where it applies, the feature or line and the field.
    """

    frame: gpd.GeoDataFrame | None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when there is at least one feature to draw."""
        return self.frame is not None and not self.frame.empty


class _Refused(Exception):
    """Internal: the file cannot be used; carries the problem to report."""

    def __init__(self, message: str, row: str = "", field_name: str = ""):
        super().__init__(message)
        self.row = row
        self.field_name = field_name


def _first_line(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text.split("/vsimem/")[0].rstrip(" '") or type(error).__name__


def _check_xml(data: bytes) -> None:
    """Refuse XML carrying a DOCTYPE or ENTITY declaration, in UTF-8 or UTF-16."""
    variants = [data.lower()]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00<" in data[:200] or b"<\x00" in data[:200]:
        for encoding in ("utf-16-le", "utf-16-be"):
            variants.append(data.decode(encoding, errors="ignore").encode("utf-8").lower())
    if any(marker in variant for variant in variants for marker in XML_DECLARATIONS):
        raise _Refused("has a DOCTYPE or ENTITY declaration, which is not read (it can pull in other files)")


def _check_json(data: bytes) -> None:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise _Refused(f"is not UTF-8 text (byte {error.start})") from error
    except RecursionError as error:
        raise _Refused("is nested too deeply to read") from error
    except json.JSONDecodeError as error:
        raise _Refused(f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from error
    if not isinstance(document, dict):
        raise _Refused("is JSON but not a GeoJSON object")


def _member_name(info: zipfile.ZipInfo) -> PurePosixPath:
    """Return a member's path; refuse it if absolute, climbing with ``..``, a link or encrypted."""
    path = PurePosixPath(info.filename.replace("\\", "/"))
    mode = info.external_attr >> 16
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise _Refused(f"holds a path that points outside the archive: {quote(info.filename)}")
    if stat.S_ISLNK(mode):
        raise _Refused(f"holds a link: {quote(info.filename)}")
    if info.flag_bits & 0x1:
        raise _Refused(f"holds an encrypted file: {quote(info.filename)}")
    return path


def _unzip(data: bytes, max_bytes: int) -> dict[PurePosixPath, bytes]:
    """Extract a zip in memory after checking it cannot be a bomb or escape its folder."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise _Refused(f"is not a readable zip file ({_first_line(error)})") from error
    if len(infos) > MAX_ZIP_MEMBERS:
        raise _Refused(f"holds {len(infos):,} files; the limit is {MAX_ZIP_MEMBERS}")
    limit = UNZIPPED_FACTOR * max_bytes
    declared = sum(info.file_size for info in infos)
    if declared > limit:
        raise _Refused(f"would unpack to {declared:,} bytes; the limit is {limit:,}")
    members: dict[PurePosixPath, bytes] = {}
    for info in infos:
        path = _member_name(info)
        if info.is_dir() or path.name.startswith(".") or "__MACOSX" in path.parts:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECK_BYTES and ratio > MAX_ZIP_RATIO:
            raise _Refused(
                f"{quote(info.filename)} is compressed {ratio:,.0f} to 1, like a zip bomb; the limit is {MAX_ZIP_RATIO}"
            )
        try:
            # zipfile never unpacks more than the size a member declares, and then checks its
            # CRC: a member lying about its size fails here instead of filling memory.
            members[path] = archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
            raise _Refused(f"cannot unpack {quote(info.filename)} ({_first_line(error)})") from error
    return members


def _dataset_in_zip(members: dict[PurePosixPath, bytes]) -> tuple[str, bytes | dict[str, bytes]]:
    """Return the one dataset a zip holds: a shapefile (its parts by suffix) or a KML/GeoJSON/CSV file."""
    shapefiles = [path for path in members if path.suffix.lower() == ".shp"]
    others = [path for path in members if path.suffix.lower() in (".kml", ".geojson", ".json", ".csv")]
    found = shapefiles + others
    if len(found) != 1:
        listed = ", ".join(str(path) for path in found[:5]) or "none"
        raise _Refused(f"must hold exactly one .shp, .kml, .geojson or .csv file; it holds {len(found)} ({listed})")
    if others:
        return FORMATS[others[0].suffix.lower()], members[others[0]]
    shp = shapefiles[0]
    parts = {
        suffix: members[path]
        for path in members
        for suffix in SHAPEFILE_PARTS
        if path.parent == shp.parent and path.stem == shp.stem and path.suffix.lower() == suffix
    }
    missing = [suffix for suffix in (".shx", ".dbf") if suffix not in parts]
    if missing:
        raise _Refused(f"has {quote(shp.name)} but not its {' and '.join(missing)} file")
    return "shapefile", parts


def _read_gdal(source: bytes | str, **options: object) -> list[gpd.GeoDataFrame]:
    """Every layer of a source GDAL can read, properties as strings, at most MAX_FEATURES + 1 rows."""
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(source)]
        # Bytes get a new /vsimem/ name on every call, and a GeoJSON layer is named after its
        # file: a single layer is read without naming it.
        return [
            pyogrio.read_dataframe(
                source, layer=layer, force_2d=True, max_features=MAX_FEATURES + 1,
                datetime_as_string=True, on_invalid="ignore", **options,
            )
            for layer in (layers if len(layers) > 1 else [None])
        ]
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.FieldError,
            pyogrio.errors.GeometryError, pyogrio.errors.FeatureError, pyogrio.errors.CRSError,
            ValueError, OSError, MemoryError) as error:
        raise _Refused(f"cannot be read: {quote(_first_line(error), 200)}") from error


def _utf8_if_misread(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Undo GDAL's Latin-1 reading of a UTF-8 .dbf that came without its .cpg file.

    Text that is valid UTF-8 once its Latin-1 reading is undone was UTF-8 (real Latin-1 text
    almost never is); any column where that fails is left as GDAL read it.
    """
    fixed = frame.copy()
    for column in frame.columns:
        if column == frame.geometry.name or frame[column].dtype.kind not in "OT":
            continue
        try:
            fixed[column] = [v.encode("latin-1").decode("utf-8") if isinstance(v, str) else v for v in frame[column]]
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return fixed


def _read_shapefile(parts: dict[str, bytes]) -> tuple[list[gpd.GeoDataFrame], bool]:
    """Read shapefile parts written under fixed names into a private temporary directory."""
    with tempfile.TemporaryDirectory(prefix="drill-atlas-upload-") as folder:
        for suffix, content in parts.items():
            (Path(folder) / f"layer{suffix}").write_bytes(content)
        frames = _read_gdal(str(Path(folder) / "layer.shp"))
    if ".cpg" not in parts:
        frames = [_utf8_if_misread(frame) for frame in frames]
    return frames, ".prj" in parts


def _read_kml(data: bytes) -> list[gpd.GeoDataFrame]:
    _check_xml(data)
    frames = _read_gdal(data)
    cleaned = []
    for frame in frames:
        for column in KML_HOUSEKEEPING:
            if column in frame.columns:
                frame = frame.drop(columns=column)
        empty = [c for c in frame.columns if c != "geometry" and frame[c].isna().all()]
        cleaned.append(frame.drop(columns=empty))
    return cleaned


def _pick(columns: list[str], names: tuple[str, ...]) -> str | None:
    by_lower = {column.strip().lower(): column for column in columns}
    return next((by_lower[name] for name in names if name in by_lower), None)


def _read_csv(data: bytes, file: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Points from a CSV's latitude and longitude columns; bad rows are reported by line."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        problems.append(Problem(file, "", "", "is not UTF-8; read as Windows-1252 text", WARNING))
    header = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=header.count)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns = [str(c) for c in (reader.fieldnames or [])]
        repeated = sorted({c for c in columns if columns.count(c) > 1})
        if repeated:
            raise _Refused(f"repeats the column {quote(repeated[0], 60)}; every column needs its own name", "line 1")
        lat_column, lon_column = _pick(columns, LAT_NAMES), _pick(columns, LON_NAMES)
        if lat_column is None or lon_column is None:
            raise _Refused(
                f"needs latitude and longitude columns (lat/latitude/y and lon/lng/longitude/x); "
                f"it has {quote(', '.join(columns), 200)}", "line 1"
            )
        records, points = [], []
        for row in reader:
            line = f"line {reader.line_num}"
            if len(records) >= MAX_FEATURES + 1:
                break
            values = {}
            for column, cell_name in ((lat_column, "lat"), (lon_column, "lon")):
                cell = (row.get(column) or "").strip()
                try:
                    values[cell_name] = float(cell.replace(",", ".") if delimiter == ";" else cell)
                except ValueError:
                    problems.append(Problem(file, line, column, f"{quote(cell)} is not a number; row left out"))
                    break
            else:
                lat, lon = values["lat"], values["lon"]
                if not (-90 <= lat <= 90 and -180 <= lon <= 360):
                    message = f"({lat:g}, {lon:g}) is not a latitude and longitude; row left out"
                    problems.append(Problem(file, line, "", message))
                    continue
                records.append({str(k): "" if v is None else str(v) for k, v in row.items() if k is not None})
                points.append(Point(lon, lat))
    except csv.Error as error:
        raise _Refused(f"cannot be read as CSV: {quote(str(error), 200)}") from error
    frame = gpd.GeoDataFrame(pd.DataFrame(records, columns=columns), geometry=points, crs="EPSG:4326")
    return frame, problems


def _as_text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT or value is pd.NA:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _feature_label(frame: gpd.GeoDataFrame, index: int) -> str:
    column = _pick([str(c) for c in frame.columns if c != "geometry"], NAME_COLUMNS)
    label = f"feature {index + 1}"
    if column is not None and _as_text(frame[column].iloc[index]):
        label += f" ({quote(_as_text(frame[column].iloc[index]), 40)})"
    return label


def _to_wgs84(frame: gpd.GeoDataFrame, file: str, has_crs_file: bool) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    problems = []
    if frame.crs is None:
        west, south, east, north = frame.total_bounds
        if not (-180 <= west and east <= 360 and -90 <= south and north <= 90):
            missing = "has no .prj file" if not has_crs_file else "has no coordinate reference system"
            raise _Refused(
                f"{missing} and its coordinates (up to {max(abs(west), abs(east), abs(south), abs(north)):,.0f}) "
                "are not degrees; include the .prj file"
            )
        message = "has no coordinate reference system (.prj); read as WGS 84 degrees (EPSG:4326)"
        problems.append(Problem(file, "", "", message, WARNING))
        return frame.set_crs("EPSG:4326"), problems
    if frame.crs.equals("EPSG:4326"):
        return frame, problems
    try:
        return frame.to_crs("EPSG:4326"), problems
    except (pyproj.exceptions.CRSError, pyproj.exceptions.ProjError, ValueError) as error:
        raise _Refused(f"cannot be reprojected to EPSG:4326: {quote(_first_line(error), 200)}") from error


def _clean(frame: gpd.GeoDataFrame, file: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Properties to text; empty, unrepairable or out-of-range geometries dropped; invalid ones repaired."""
    problems = []
    keep, geometries = [], []
    for index, geometry in enumerate(frame.geometry):
        label = _feature_label(frame, index)
        if geometry is None or geometry.is_empty:
            problems.append(Problem(file, label, "geometry", "has no geometry that could be read; left out"))
            continue
        if not geometry.is_valid:
            reason = shapely.is_valid_reason(geometry)
            geometry = shapely.make_valid(geometry, method="structure")
            message = f"geometry was invalid ({quote(reason)}) and was repaired"
            problems.append(Problem(file, label, "geometry", message, WARNING))
        west, south, east, north = geometry.bounds
        in_range = -180 <= west and east <= 360 and -90 <= south and north <= 90
        if not (np.isfinite([west, south, east, north]).all() and in_range):
            message = "coordinates are not valid longitudes and latitudes; left out"
            problems.append(Problem(file, label, "geometry", message))
            continue
        keep.append(index)
        geometries.append(geometry)
    properties = frame.drop(columns="geometry").iloc[keep]
    text = pd.DataFrame(
        {str(column): [_as_text(v) for v in properties[column]] for column in properties.columns}, dtype=object
    )
    return gpd.GeoDataFrame(text, geometry=geometries, crs="EPSG:4326"), problems


def _read(kind: str, data: bytes, file: str, max_bytes: int) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read one format into a single frame (layers stacked) with the problems met."""
    problems: list[Problem] = []
    has_crs_file = True
    if kind == "zip":
        kind, data = _dataset_in_zip(_unzip(data, max_bytes))
    if kind == "csv":
        return _read_csv(data, file)
    if kind == "shapefile":
        frames, has_crs_file = _read_shapefile(data)
    elif kind == "kml":
        frames = _read_kml(data)
    else:
        _check_json(data)
        frames = _read_gdal(data)
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        raise _Refused("holds no features")
    reprojected = []
    for frame in frames:
        frame, crs_problems = _to_wgs84(frame, file, has_crs_file)
        reprojected.append(frame)
        problems.extend(crs_problems)
    if len(reprojected) == 1:
        return reprojected[0], problems
    return gpd.GeoDataFrame(pd.concat(reprojected, ignore_index=True), crs="EPSG:4326"), problems


def read_upload(name: str, data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> UploadResult:
    r"""Read an uploaded GeoJSON, KML/KMZ, zipped shapefile or CSV into EPSG:4326 features.

    Parameters
    ----------
    name : str
        The file name as uploaded; its ending picks the format and it names the file in
        every problem.
    data : bytes
        The file's content.
    max_bytes : int, default :data:`MAX_UPLOAD_BYTES`
        Largest upload accepted; a zip may unpack to :data:`UNZIPPED_FACTOR` times this.

    Returns
    -------
    UploadResult
        ``frame`` holds at most :data:`MAX_FEATURES` features, their properties as text
        (hostile text is kept as it is: the layer escapes it) and valid geometry; ``problems``
        says what was refused, dropped, repaired or assumed. Never raises.

    Examples
    --------
    >>> result = read_upload("points.csv", b"name,lat,lon\nA,42.5,131.75\n")
    >>> result.frame.geometry.iloc[0].wkt, result.problems
    ('POINT (131.75 42.5)', ())
    """
    file = str(name)[:MAX_NAME_CHARS] or "upload"
    if not isinstance(data, (bytes, bytearray)):
        return UploadResult(None, (Problem(file, "", "", "is not file content"),))
    suffix = PurePosixPath(file.lower()).suffix
    if suffix == ".shp":
        message = "a shapefile must be uploaded as a .zip holding its .shp, .shx, .dbf and .prj files"
        return UploadResult(None, (Problem(file, "", "", message),))
    kind = FORMATS.get(suffix)
    if kind is None:
        return UploadResult(None, (Problem(file, "", "", f"is not a format this map reads; upload {SUPPORTED}"),))
    if len(data) > max_bytes:
        return UploadResult(None, (Problem(file, "", "", f"is {len(data):,} bytes; the limit is {max_bytes:,}"),))
    if not data.strip():
        return UploadResult(None, (Problem(file, "", "", "is empty"),))
    try:
        frame, problems = _read(kind, bytes(data), file, max_bytes)
        if len(frame) > MAX_FEATURES:
            frame = frame.iloc[:MAX_FEATURES]
            message = f"has more than {MAX_FEATURES:,} features; only the first {MAX_FEATURES:,} are shown"
            problems.append(Problem(file, "", "", message, WARNING))
        frame, feature_problems = _clean(frame, file)
    except _Refused as refusal:
        return UploadResult(None, (Problem(file, refusal.row, refusal.field_name, str(refusal)),))
    except (ValueError, IndexError, KeyError, TypeError, OSError, shapely.errors.GEOSException) as error:
        # GDAL and pandas fail in ways no check above foresees (a zip renamed .kml, a CSV that
        # repeats a column name): the file is refused with what went wrong, never a traceback.
        reason = f"{type(error).__name__}: {quote(_first_line(error), 160)}"
        return UploadResult(None, (Problem(file, "", "", f"could not be read ({reason})"),))
    problems.extend(feature_problems)
    if frame.empty:
        problems.append(Problem(file, "", "", "has no feature that can be drawn"))
        return UploadResult(None, tuple(problems))
    return UploadResult(frame, tuple(problems))
