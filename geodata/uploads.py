"""Read a user's own layer (GeoJSON, KML/KMZ, zipped shapefile, CSV with lat/lon) safely.

:func:`read_upload` takes the bytes of an uploaded file and returns a GeoDataFrame in EPSG:4326
with every property as text, plus the problems met on the way. It never raises.

An upload is untrusted, and GDAL picks a driver from a file's *content*, not its name: a
``.kml`` that is really an OGR VRT document reads server files, and other drivers reach the
network. So:

- **The name decides the format, and the content must match it** before GDAL sees a byte:
  GeoJSON must be a JSON object whose ``type`` is a GeoJSON type; KML must be XML whose root
  element is ``kml``, without a DOCTYPE or ENTITY declaration; a shapefile's ``.shp`` must start
  with the shapefile file code; CSV is parsed here, by Python.
- **GDAL reads only in a locked-down child process** (:mod:`geodata.isolated`) where the only
  registered drivers are GeoJSON, KML and ESRI Shapefile, the network is unreachable, memory is
  capped and time is limited. The file is passed as bytes (GDAL's in-memory ``/vsimem/``);
  shapefile parts are written under fixed names into a private temporary folder, removed after.
- **Work is bounded**: lines read (:data:`MAX_LINES_READ`), features (:data:`MAX_FEATURES`),
  vertices (:data:`MAX_VERTICES`), columns and text (:data:`MAX_COLUMNS`, :data:`MAX_CELL_CHARS`),
  problems kept (:data:`MAX_PROBLEMS`, then a count), zip members and the bytes unpacked from
  them (counted as they stream, never trusted from the header).

Coordinate reference systems: GeoJSON is WGS 84 by its specification (RFC 7946), unless an old
``crs`` member names another known system; KML is WGS 84 by its own; CSV columns are read as
WGS 84 degrees. A shapefile without ``.prj`` is read as EPSG:4326 with a warning when all its
coordinates are valid degrees, and refused otherwise (projected metres cannot be guessed). A
coordinate system that cannot be identified is refused, never taken for WGS 84.
"""

from __future__ import annotations

import csv
import io
import json
import stat
import tempfile
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import geopandas as gpd
import pandas as pd
import pyogrio
import pyogrio.errors
import pyproj
import pyproj.exceptions
import shapely
from shapely.geometry import Point

from geodata import isolated
from geodata.files import cell_text
from geodata.problems import WARNING, Problem, quote

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""Default largest upload; the app passes the limit it sets in .streamlit/config.toml."""
UNZIPPED_FACTOR = 10
"""A zip whose members claim to unpack to more than this many times ``max_bytes`` is refused."""
UNPACKED_FACTOR = 2
"""The members actually read from a zip may unpack to at most this many times ``max_bytes``, counted
as they stream (a member's header can lie); the others are never unpacked."""
MAX_ZIP_RATIO = 100
"""Largest compression ratio accepted for a zip member over 1 MiB (50 MB of zeros packs 1000:1)."""
RATIO_CHECK_BYTES = 1024 * 1024
MAX_ZIP_MEMBERS = 100
MAX_FEATURES = 5_000
"""Features kept from one file; the map embeds every one of them."""
MAX_LINES_READ = 20_000
"""CSV lines read, good or bad: a file of malformed lines stops here instead of growing problems."""
MAX_PROBLEMS = 30
"""Problems kept for one file; the rest are counted in one last problem."""
MAX_VERTICES = 250_000
"""Vertices in one file, all features together: the map embeds every one, and each is measured."""
MAX_COLUMNS = 50
"""Properties kept per feature (the first ones); the popup shows fewer still."""
MAX_CELL_CHARS = 1_000
"""Longest property text kept; longer text is cut."""
MAX_NAME_CHARS = 120
READ_TIMEOUT_S = 30.0
"""Time the locked-down reader may take for one file before it is stopped."""
SHAPEFILE_FILE_CODE = b"\x00\x00\x27\x0a"
"""The first four bytes of every ``.shp`` and ``.shx`` file (9994, big-endian)."""
GEOJSON_TYPES = frozenset(
    {"FeatureCollection", "Feature", "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
     "MultiPolygon", "GeometryCollection"}
)
WGS84_NAMES = frozenset({"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326",
                         "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:4326"})

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
KML_LINKS = frozenset({"networklink", "include"})
"""KML elements that point to other documents: refused, so nothing outside the upload is read."""


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


def _check_kml_elements(data: bytes) -> None:
    """Refuse XML that is not KML, or that links to other documents.

    The root element must be ``kml`` (not a VRT, GML or other document named .kml), and no
    element of :data:`KML_LINKS` may appear.
    """
    parser = ElementTree.XMLPullParser(events=("start",))
    root = None
    try:
        for start in range(0, len(data), 65536):
            parser.feed(data[start : start + 65536])
            for _, element in parser.read_events():
                tag = element.tag.rsplit("}", 1)[-1]
                if root is None:
                    root = tag
                    if tag.lower() != "kml":
                        raise _Refused(f"is XML with the root element {quote(tag, 40)}, not a KML document (<kml>)")
                elif tag.lower() in KML_LINKS:
                    raise _Refused(f"holds a <{tag}> to another document, which is not followed; remove it")
                element.clear()
        parser.close()
    except ElementTree.ParseError as error:
        raise _Refused(f"cannot be read: it is not well-formed XML ({_first_line(error)})") from error
    if root is None:
        raise _Refused("is not a KML document: it has no <kml> element")


def _check_json(data: bytes) -> None:
    """Refuse anything but a GeoJSON object, and a ``crs`` member naming an unknown system."""
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
    kind = document.get("type")
    if kind not in GEOJSON_TYPES:
        hint = " (it looks like Esri JSON: export it as GeoJSON)" if "geometryType" in document else ""
        raise _Refused(f"is JSON but not GeoJSON: its \"type\" is {quote(kind, 40)}{hint}", "", "type")
    crs = document.get("crs")
    if crs is not None:
        name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
        if not isinstance(name, str):
            raise _Refused("has a \"crs\" member without a name; remove it (GeoJSON is WGS 84)", "", "crs")
        if name not in WGS84_NAMES:
            try:
                pyproj.CRS.from_user_input(name)
            except pyproj.exceptions.CRSError as error:
                message = f"names the coordinate system {quote(name, 80)}, which is not known"
                raise _Refused(message, "", "crs") from error


def _check_shapefile(parts: dict[str, bytes]) -> None:
    for suffix in (".shp", ".shx"):
        if not parts[suffix].startswith(SHAPEFILE_FILE_CODE):
            raise _Refused(f"has a {suffix} file that is not a shapefile (it does not start with the file code 9994)")


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


def _dataset_members(infos: list[zipfile.ZipInfo]) -> tuple[str, dict[str, zipfile.ZipInfo]]:
    """Pick the one dataset a zip holds, by member names: a shapefile's parts, or one KML/GeoJSON/CSV file.

    Returns the format and the members to read (keyed by suffix for a shapefile, by ``"file"``
    otherwise); every other member is never unpacked.
    """
    paths = {}
    for info in infos:
        path = _member_name(info)
        if info.is_dir() or path.name.startswith(".") or "__MACOSX" in path.parts:
            continue
        paths[path] = info
    shapefiles = [path for path in paths if path.suffix.lower() == ".shp"]
    others = [path for path in paths if path.suffix.lower() in (".kml", ".geojson", ".json", ".csv")]
    found = shapefiles + others
    if len(found) != 1:
        listed = ", ".join(str(path) for path in found[:5]) or "none"
        raise _Refused(f"must hold exactly one .shp, .kml, .geojson or .csv file; it holds {len(found)} ({listed})")
    if others:
        return FORMATS[others[0].suffix.lower()], {"file": paths[others[0]]}
    shp = shapefiles[0]
    parts = {
        suffix: paths[path]
        for path in paths
        for suffix in SHAPEFILE_PARTS
        if path.parent == shp.parent and path.stem == shp.stem and path.suffix.lower() == suffix
    }
    missing = [suffix for suffix in (".shx", ".dbf") if suffix not in parts]
    if missing:
        raise _Refused(f"has {quote(shp.name)} but not its {' and '.join(missing)} file")
    return "shapefile", parts


def _unpacked(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """One member's bytes, streamed and counted: more than ``budget`` bytes is refused, whatever the header says."""
    chunks, size = [], 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(min(1024 * 1024, budget + 1 - size)):
                size += len(chunk)
                if size > budget:
                    raise _Refused(f"{quote(info.filename)} unpacks to more than the {budget:,} bytes allowed")
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
        raise _Refused(f"cannot unpack {quote(info.filename)} ({_first_line(error)})") from error
    return b"".join(chunks)


def _unzip(data: bytes, max_bytes: int) -> tuple[str, bytes | dict[str, bytes]]:
    """Return the format and content of the one dataset in a zip, checked so it cannot be a bomb or escape."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise _Refused(f"is not a readable zip file ({_first_line(error)})") from error
    if len(infos) > MAX_ZIP_MEMBERS:
        raise _Refused(f"holds {len(infos):,} files; the limit is {MAX_ZIP_MEMBERS}")
    declared, limit = sum(info.file_size for info in infos), UNZIPPED_FACTOR * max_bytes
    if declared > limit:
        raise _Refused(f"would unpack to {declared:,} bytes; the limit is {limit:,}")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECK_BYTES and ratio > MAX_ZIP_RATIO:
            raise _Refused(
                f"{quote(info.filename)} is compressed {ratio:,.0f} to 1, like a zip bomb; the limit is {MAX_ZIP_RATIO}"
            )
    kind, members = _dataset_members(infos)
    budget = UNPACKED_FACTOR * max_bytes
    content = {}
    for key, info in members.items():
        content[key] = _unpacked(archive, info, budget)
        budget -= len(content[key])
    return (kind, content) if kind == "shapefile" else (kind, content["file"])


def _read_gdal(source: bytes | str, **options: object) -> list[gpd.GeoDataFrame]:
    """Every layer of a source GDAL can read, properties as strings, at most MAX_FEATURES + 1 rows."""
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(source)]
        # Bytes get a new /vsimem/ name on every call, and a GeoJSON layer is named after its
        # file: a single layer is read without naming it.
        frames = [
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
    return [frame for frame in frames if isinstance(frame, gpd.GeoDataFrame) and not frame.empty]


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
    _check_shapefile(parts)
    with tempfile.TemporaryDirectory(prefix="drill-atlas-upload-") as folder:
        for suffix, content in parts.items():
            (Path(folder) / f"layer{suffix}").write_bytes(content)
        frames = _read_gdal(str(Path(folder) / "layer.shp"))
    if ".cpg" not in parts:
        frames = [_utf8_if_misread(frame) for frame in frames]
    return frames, ".prj" in parts


def _read_kml(data: bytes) -> list[gpd.GeoDataFrame]:
    _check_xml(data)
    _check_kml_elements(data)
    cleaned = []
    for frame in _read_gdal(data):
        frame = frame.drop(columns=[column for column in KML_HOUSEKEEPING if column in frame.columns])
        empty = [c for c in frame.columns if c != "geometry" and frame[c].isna().all()]
        cleaned.append(frame.drop(columns=empty))
    return cleaned


def _in_degrees(west: float, south: float, east: float, north: float) -> bool:
    """Tell whether bounds are finite longitudes (-180..360, the Pacific frame included) and latitudes."""
    return bool(-180 <= west and east <= 360 and -90 <= south and north <= 90)


def _pick(columns: list[str], names: tuple[str, ...]) -> str | None:
    by_lower = {column.strip().lower(): column for column in columns}
    return next((by_lower[name] for name in names if name in by_lower), None)


def _read_csv(data: bytes, file: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Points from a CSV's latitude and longitude columns; bad rows are reported by line.

    At most :data:`MAX_LINES_READ` lines are read, good or bad, and reading stops once
    :data:`MAX_FEATURES` + 1 rows are good.
    """
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        problems.append(Problem(file, "", "", "is not UTF-8; read as Windows-1252 text", WARNING))
    header = text[: text.find("\n") if "\n" in text else len(text)]
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
        for rows_read, row in enumerate(reader, start=1):
            if len(records) >= MAX_FEATURES + 1:
                break
            if rows_read > MAX_LINES_READ:
                message = f"has more than {MAX_LINES_READ:,} rows; only the first {MAX_LINES_READ:,} were read"
                problems.append(Problem(file, "", "", message, WARNING))
                break
            line = f"line {reader.line_num}"
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
                if not _in_degrees(lon, lat, lon, lat):
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
    text = cell_text(value)
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS] + "…"


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
        if not _in_degrees(west, south, east, north):
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


def _bounded_columns(frame: gpd.GeoDataFrame, file: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    columns = [c for c in frame.columns if c != frame.geometry.name]
    if len(columns) <= MAX_COLUMNS:
        return frame, []
    message = f"has {len(columns):,} properties per feature; only the first {MAX_COLUMNS} are kept"
    return frame[[*columns[:MAX_COLUMNS], frame.geometry.name]], [Problem(file, "", "", message, WARNING)]


def _clean(frame: gpd.GeoDataFrame, file: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Properties to text; empty, unrepairable or out-of-range geometries dropped; invalid ones repaired."""
    frame, problems = _bounded_columns(frame, file)
    vertices = int(shapely.get_num_coordinates(frame.geometry.values).sum())
    if vertices > MAX_VERTICES:
        raise _Refused(f"has {vertices:,} vertices; the limit is {MAX_VERTICES:,} (simplify it first)")
    keep, geometries = [], []
    for index, geometry in enumerate(frame.geometry):
        label = _feature_label(frame, index)
        if geometry is None or geometry.is_empty:
            problems.append(Problem(file, label, "geometry", "has no geometry that could be read; left out"))
            continue
        west, south, east, north = geometry.bounds
        if not _in_degrees(west, south, east, north):
            message = "coordinates are not valid longitudes and latitudes; left out"
            problems.append(Problem(file, label, "geometry", message))
            continue
        if not geometry.is_valid:
            reason = shapely.is_valid_reason(geometry)
            geometry = shapely.make_valid(geometry, method="structure")
            message = f"geometry was invalid ({quote(reason)}) and was repaired"
            problems.append(Problem(file, label, "geometry", message, WARNING))
        keep.append(index)
        geometries.append(geometry)
    properties = frame.drop(columns=frame.geometry.name).iloc[keep]
    text = pd.DataFrame(
        {str(column): [_as_text(v) for v in properties[column]] for column in properties.columns}, dtype=object
    )
    return gpd.GeoDataFrame(text, geometry=geometries, crs="EPSG:4326"), problems


def _read(kind: str, data: bytes, file: str, max_bytes: int) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read one format into a single frame (layers stacked) with the problems met."""
    problems: list[Problem] = []
    has_crs_file = True
    if kind == "zip":
        kind, data = _unzip(data, max_bytes)
    if kind == "csv":
        return _read_csv(data, file)
    if kind == "shapefile":
        frames, has_crs_file = _read_shapefile(data)
    elif kind == "kml":
        frames = _read_kml(data)
    else:
        _check_json(data)
        frames = _read_gdal(data)
    if not frames:
        raise _Refused("holds no features with a geometry")
    reprojected = []
    for frame in frames:
        frame, crs_problems = _to_wgs84(frame, file, has_crs_file)
        reprojected.append(frame)
        problems.extend(crs_problems)
    if len(reprojected) == 1:
        return reprojected[0], problems
    return gpd.GeoDataFrame(pd.concat(reprojected, ignore_index=True), crs="EPSG:4326"), problems


def _capped(problems: list[Problem], file: str) -> tuple[Problem, ...]:
    """Keep the first :data:`MAX_PROBLEMS` problems, and one that counts the rest."""
    if len(problems) <= MAX_PROBLEMS:
        return tuple(problems)
    more = len(problems) - MAX_PROBLEMS
    last = Problem(file, "", "", f"and {more:,} more problems like these", problems[-1].severity)
    return (*problems[:MAX_PROBLEMS], last)


def _read_locked_down(file: str, data: bytes, kind: str, max_bytes: int) -> UploadResult:
    """Read the file; runs in the locked-down child of :func:`geodata.isolated.run_isolated`."""
    try:
        frame, problems = _read(kind, data, file, max_bytes)
        if len(frame) > MAX_FEATURES:
            frame = frame.iloc[:MAX_FEATURES]
            message = f"has more than {MAX_FEATURES:,} features; only the first {MAX_FEATURES:,} are shown"
            problems.append(Problem(file, "", "", message, WARNING))
        frame, feature_problems = _clean(frame, file)
    except _Refused as refusal:
        return UploadResult(None, (Problem(file, refusal.row, refusal.field_name, str(refusal)),))
    except (ValueError, IndexError, KeyError, TypeError, AttributeError, OSError,
            shapely.errors.GEOSException) as error:
        # GDAL and pandas fail in ways no check above foresees: the file is refused with what
        # went wrong, never a traceback.
        reason = f"{type(error).__name__}: {quote(_first_line(error), 160)}"
        return UploadResult(None, (Problem(file, "", "", f"could not be read ({reason})"),))
    problems.extend(feature_problems)
    if frame.empty:
        # The verdict comes after the cap, so it is never the problem that is cut.
        return UploadResult(None, (*_capped(problems, file), Problem(file, "", "", "has no feature that can be drawn")))
    return UploadResult(frame, _capped(problems, file))


def read_upload(name: str, data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> UploadResult:
    r"""Read an uploaded GeoJSON, KML/KMZ, zipped shapefile or CSV into EPSG:4326 features.

    The file is read in a locked-down child process (see the module docstring and
    :mod:`geodata.isolated`), with a memory cap and a time limit of :data:`READ_TIMEOUT_S`.

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
        says what was refused, dropped, repaired or assumed, at most :data:`MAX_PROBLEMS` + 2;
        when ``frame`` is None the last problem says why the file gives nothing to draw.
        Never raises.

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
        return isolated.run_isolated(_read_locked_down, file, bytes(data), kind, max_bytes, timeout=READ_TIMEOUT_S)
    except isolated.Busy as error:
        return UploadResult(None, (Problem(file, "", "", f"was not read: {error}"),))
    except isolated.TimedOut:
        message = f"took longer than {READ_TIMEOUT_S:g} s to read and was stopped; upload a smaller or simpler file"
        return UploadResult(None, (Problem(file, "", "", message),))
    except isolated.IsolationError as error:
        return UploadResult(None, (Problem(file, "", "", f"could not be read ({quote(str(error), 160)})"),))
