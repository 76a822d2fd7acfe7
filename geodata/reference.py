"""Read and check the reference layers: air defence identification zones and strait gates.

``geodata/reference/adiz.geojson`` holds zones as their governments published them (polygons),
``geodata/reference/straits.geojson`` named lines across straits ("gates"). Both are built by
``python -m geodata.build.reference`` and are RFC 7946 (longitudes within ±180°). They are
context for the exercises, not part of the record: a missing file means no layer.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata import schema
from geodata.files import cell_text, read_geojson_layer
from geodata.problems import Problem, quote

REFERENCE_DIR = schema.DATA_DIR / "reference"
ADIZ_FILE = "adiz.geojson"
STRAITS_FILE = "straits.geojson"
ZONE_PROPERTIES = ("zone_id", "name", "kind", "published", "precision", "source")
"""Properties every zone must have."""
STRAIT_PROPERTIES = ("strait_id", "name", "aliases", "kind", "basis", "precision", "source")
"""Properties every strait gate must have (``aliases`` may be empty)."""
ZONE_ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
MAX_REFERENCE_FILE_BYTES = 5 * 1024 * 1024


def _empty(columns: tuple[str, ...]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {name: pd.Series(dtype=object) for name in columns},
        geometry=gpd.GeoSeries([], crs="EPSG:4326"),
        crs="EPSG:4326",
    )


def _geometry_problem(geometry: object, kinds: tuple[str, ...]) -> str:
    if geometry is None or geometry.is_empty:
        return "is missing or empty"
    if geometry.geom_type not in kinds:
        return f"is a {geometry.geom_type}; expected {' or '.join(kinds)}"
    if not geometry.is_valid:
        return f"is invalid ({shapely.is_valid_reason(geometry)})"
    coords = shapely.get_coordinates(geometry)
    if np.abs(coords[:, 0]).max() > 180.0 or np.abs(coords[:, 1]).max() > 90.0:
        return "has a longitude beyond ±180° or a latitude beyond ±90° (RFC 7946)"
    return ""


def _checked(
    layer: gpd.GeoDataFrame, file: str, id_field: str, required: tuple[str, ...], kinds: tuple[str, ...]
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    problems: list[Problem] = []
    keep = []
    seen: set[str] = set()
    for index, record in enumerate(layer.to_dict("records")):
        identifier = cell_text(record.get(id_field)).strip()
        row = f"feature {index + 1}" + (f" ({quote(identifier, 40)[1:-1]})" if identifier else "")
        found = [Problem(file, row, name, "is empty") for name in required
                 if name != "aliases" and not cell_text(record.get(name)).strip()]
        if identifier in seen:
            found.append(Problem(file, row, id_field, f"{quote(identifier)} is already used"))
        seen.add(identifier)
        urls = [url for url in cell_text(record.get("source")).split(schema.LIST_SEPARATOR) if url.strip()]
        found.extend(Problem(file, row, "source", f"{quote(url)} is not an http(s) URL")
                     for url in urls if not schema.URL_PATTERN.match(url.strip()))
        message = _geometry_problem(record.get("geometry"), kinds)
        if message:
            found.append(Problem(file, row, "geometry", message))
        problems.extend(found)
        if not found:
            keep.append(index)
    valid = layer.iloc[keep].copy().reset_index(drop=True)
    for name in required:
        valid[name] = valid[name].map(lambda value: cell_text(value).strip())
    return valid, problems


def read_zones(path: Path = REFERENCE_DIR / ADIZ_FILE) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read the air defence identification zones and keep the usable ones.

    Parameters
    ----------
    path : pathlib.Path
        ``geodata/reference/adiz.geojson`` by default.

    Returns
    -------
    zones : geopandas.GeoDataFrame
        One row per zone with :data:`ZONE_PROPERTIES` (text, stripped), ``area_km2`` and a
        Polygon or MultiPolygon in EPSG:4326; empty when the file does not exist.
    problems : list of Problem
        Zones left out: an empty required property, a zone_id that is not upper-case letters,
        digits and ``_`` or is repeated, a source that is not http(s), a geometry that is not a
        valid polygon within ±180°.

    Raises
    ------
    DataError
        If the file exists but cannot be read as GeoJSON or lacks a required property.
    """
    path = Path(path)
    if not path.exists():
        return _empty((*ZONE_PROPERTIES, "area_km2")), []
    layer = read_geojson_layer(path, ZONE_PROPERTIES, MAX_REFERENCE_FILE_BYTES)
    zones, problems = _checked(layer, path.name, "zone_id", ZONE_PROPERTIES, ("Polygon", "MultiPolygon"))
    bad = ~zones["zone_id"].map(lambda text: bool(text) and set(text) <= ZONE_ID_CHARS)
    problems.extend(
        Problem(path.name, f"feature ({quote(z, 40)[1:-1]})", "zone_id", f"{quote(z)} must be upper-case letters, "
                "digits and '_'")
        for z in zones.loc[bad, "zone_id"]
    )
    return zones.loc[~bad].reset_index(drop=True), problems


def read_straits(path: Path = REFERENCE_DIR / STRAITS_FILE) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read the strait gates and keep the usable ones.

    Parameters
    ----------
    path : pathlib.Path
        ``geodata/reference/straits.geojson`` by default.

    Returns
    -------
    straits : geopandas.GeoDataFrame
        One row per gate with :data:`STRAIT_PROPERTIES` (text, stripped), ``alias_list``
        (tuple of str: the name and every alias) and a LineString in EPSG:4326; empty when
        the file does not exist.
    problems : list of Problem
        Gates left out, as for :func:`read_zones` (the geometry must be a LineString).
    """
    path = Path(path)
    if not path.exists():
        straits = _empty(STRAIT_PROPERTIES)
        straits["alias_list"] = pd.Series(dtype=object)
        return straits, []
    layer = read_geojson_layer(path, STRAIT_PROPERTIES, MAX_REFERENCE_FILE_BYTES)
    straits, problems = _checked(layer, path.name, "strait_id", STRAIT_PROPERTIES, ("LineString",))
    straits["alias_list"] = [
        tuple(dict.fromkeys([name, *(a.strip() for a in aliases.split(schema.LIST_SEPARATOR) if a.strip())]))
        for name, aliases in zip(straits["name"], straits["aliases"], strict=True)
    ]
    return straits, problems
