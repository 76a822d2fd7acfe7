"""The shown exercises as map features, written as RFC 7946 GeoJSON and as KML by GDAL.

One feature per (exercise, region) pair carries the region's polygon, and one per route
carries its line; every feature carries the exercise's cells and sources, the dataset version
and the filters. Regions and routes near the antimeridian are kept in a 0..360° frame for
Leaflet; RFC 7946 (section 3.1.9) wants them cut at 180° with longitudes in -180..180, and
KML readers want the same, so :func:`geodata.geometry.rfc7946_geometries` does that before any
file is written.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from types import MappingProxyType
from xml.sax.saxutils import escape

import geopandas as gpd
import pandas as pd
import pyogrio
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geodata import schema
from geodata.crossings import CROSSING_COLUMNS
from geodata.export.table import (
    EXERCISE_FILE_COLUMNS,
    FILTERS_COLUMN,
    OBSERVATIONS_COLUMN,
    SOURCE_COLUMNS,
    VERSION_COLUMN,
)
from geodata.files import cell_text
from geodata.filters import region_names
from geodata.geometry import rfc7946_geometries
from geodata.observations import observed_text

REGION_FEATURE = "region"
ROUTE_FEATURE = "route"
OBSERVATION_FEATURE = "observation"

ROUTE_FIELDS = MappingProxyType(
    {
        "route_id": "route_id",
        "route_kind": "route_kind",
        "waypoints": "route_waypoints",
        "straits": "route_straits",
        "source": "route_source",
        "precision": "route_precision",
        "unreported_legs": "route_unreported_legs",
    }
)
"""Column of a routes frame -> attribute of its feature (every route attribute starts ``route_``)."""

OBSERVATION_FIELDS = (
    "observation_observed",
    "observation_observer",
    "observation_what",
    "observation_place",
    "observation_zone",
    "observation_position",
    "observation_source",
)
"""Attributes of an observation's point (every one starts ``observation_``): when (as published and in
UTC), who, what, where in the source's words, the zone entered, how the point was placed, the source."""

FEATURE_COLUMNS = (
    "feature_kind",
    *EXERCISE_FILE_COLUMNS,
    *SOURCE_COLUMNS,
    OBSERVATIONS_COLUMN,
    "region_id",
    "region_name",
    *ROUTE_FIELDS.values(),
    *OBSERVATION_FIELDS,
    *CROSSING_COLUMNS,
    VERSION_COLUMN,
    FILTERS_COLUMN,
)
"""Attributes of :func:`exercise_features`, in order; all text, ``""`` where they do not apply. What
the exercise's routes crossed (:data:`geodata.crossings.CROSSING_COLUMNS`) is on every feature of
the exercise, its regions' as well as its routes'."""

LAYER_NAME = "drill_atlas"
KML_DRIVER = "KML"
"""GDAL's own KML writer, which escapes text as XML. The LIBKML writer wraps text holding ``<``
or ``&`` in CDATA without splitting a ``]]>`` inside it, which gives a file no reader can parse
(seen with GDAL 3.12); the LIBKML reader reads what the KML writer writes, attributes included."""

_LIST_SEPARATOR = ";"

TIME_FIELDS = ("time", "start", "end")
"""GeoJSON-only attributes for time-aware viewers, all ISO 8601: ``start`` and ``end`` are the
exercise's first and last day as the record gives them (``2024-07-14``; the end day is
included), which QGIS's temporal controller reads as separate start and end fields; ``time`` is
the start as an instant (``2024-07-14T00:00:00Z``) for viewers that animate one time per
feature (kepler.gl). KML carries the same days as a ``<TimeSpan>`` per placemark instead."""


def _text(value: object) -> str:
    """One attribute as text; lists and tuples are joined by ``;``, missing values are ``""``."""
    if isinstance(value, (list, tuple)):
        return _LIST_SEPARATOR.join(_text(item) for item in value)
    return cell_text(value)


def _exercise_attributes(record: dict, version: str, description: str) -> dict[str, str]:
    attributes = {column: _text(record.get(column, "")) for column in FEATURE_COLUMNS}
    attributes[VERSION_COLUMN] = version
    attributes[FILTERS_COLUMN] = description
    return attributes


def exercise_features(
    shown: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    routes: gpd.GeoDataFrame | None = None,
    *,
    version: str,
    description: str,
    observations: pd.DataFrame | None = None,
) -> gpd.GeoDataFrame:
    """Return the shown exercises as features: one per (exercise, region), one per route and one per observed position.

    Parameters
    ----------
    shown : pandas.DataFrame
        The exercises on screen (validated, with ``region_id_list``), in the order to export.
    regions : geopandas.GeoDataFrame
        Every region, EPSG:4326, with ``region_id``, ``name`` and polygons.
    routes : geopandas.GeoDataFrame, optional
        Routes (LineStrings in EPSG:4326, longitudes possibly beyond 180) with
        ``exercise_id``, ``route_id`` and the other keys of :data:`ROUTE_FIELDS` (missing
        ones are read as empty). Only routes of shown exercises are exported. None or an
        empty frame gives region features only.
    version : str
        Dataset version, written on every feature.
    description : str
        The filters (:func:`geodata.export.describe_view`), written on every feature.
    observations : pandas.DataFrame, optional
        Valid observations (``Dataset.observations``); those of shown exercises that have a
        position become points with :data:`OBSERVATION_FIELDS`.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, columns :data:`FEATURE_COLUMNS` (all text) and ``geometry``, cut at the
        antimeridian (:func:`geodata.geometry.rfc7946_geometries`). For each exercise in ``shown`` order: its
        regions in ``region_ids`` order (``feature_kind`` ``"region"``), then its routes by
        ``route_id`` (``"route"``), then its placed observations in file order (``"observation"``).
    """
    names = region_names(regions)
    polygons = dict(zip(regions["region_id"], regions.geometry, strict=True))
    routes_of: dict[str, list[dict]] = {}
    if routes is not None and not routes.empty:
        if routes.crs is not None and not routes.crs.equals("EPSG:4326"):
            routes = routes.to_crs("EPSG:4326")
        for route in routes.sort_values("route_id").to_dict("records"):
            routes_of.setdefault(_text(route.get("exercise_id")), []).append(route)
    points_of: dict[str, list[dict]] = {}
    if observations is not None and not observations.empty:
        for record in observations.to_dict("records"):
            if isinstance(record["position_lat"], float) and math.isfinite(record["position_lat"]):
                points_of.setdefault(str(record["exercise_id"]), []).append(record)
    rows: list[dict[str, str]] = []
    geometries: list[BaseGeometry] = []
    for record in shown.to_dict("records"):
        base = _exercise_attributes(record, version, description)
        for region_id in record["region_id_list"]:
            if region_id in polygons:
                rows.append(
                    base | {"feature_kind": REGION_FEATURE, "region_id": region_id, "region_name": names[region_id]}
                )
                geometries.append(polygons[region_id])
        for route in routes_of.get(record["exercise_id"], []):
            route_attributes = {field: _text(route.get(column)) for column, field in ROUTE_FIELDS.items()}
            rows.append(base | route_attributes | {"feature_kind": ROUTE_FEATURE})
            geometries.append(route["geometry"])
        for point in points_of.get(record["exercise_id"], []):
            rows.append(base | {
                "feature_kind": OBSERVATION_FEATURE,
                "observation_observed": observed_text(point),
                "observation_observer": schema.OBSERVERS.get(str(point["observer"]), str(point["observer"])),
                "observation_what": _text(point["what"]),
                "observation_place": _text(point["place"]),
                "observation_zone": _text(point["zone_name"]),
                "observation_position": _text(point["position_basis"]),
                "observation_source": _text(point["source"]),
            })
            geometries.append(Point(point["position_lon"], point["position_lat"]))
    frame = pd.DataFrame(rows, columns=list(FEATURE_COLUMNS), dtype=str)
    return gpd.GeoDataFrame(frame, geometry=rfc7946_geometries(geometries), crs="EPSG:4326")


class ExportError(Exception):
    """An export cannot be made here (not a problem with the data)."""


def kml_driver() -> str:
    """Name the GDAL driver that writes KML (:data:`KML_DRIVER`), after checking this GDAL has it.

    Raises
    ------
    ExportError
        If this GDAL build cannot write with it.
    """
    if KML_DRIVER not in pyogrio.list_drivers(write=True):
        raise ExportError(f"this GDAL ({pyogrio.__gdal_version_string__}) has no {KML_DRIVER} driver to write KML with")
    return KML_DRIVER


def _written(features: gpd.GeoDataFrame, driver: str, **options: str) -> bytes:
    buffer = io.BytesIO()
    features.to_file(buffer, driver=driver, engine="pyogrio", layer=LAYER_NAME, layer_options=options or None)
    return buffer.getvalue()


def to_geojson_bytes(
    shown: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    routes: gpd.GeoDataFrame | None = None,
    *,
    version: str,
    description: str,
    observations: pd.DataFrame | None = None,
) -> bytes:
    """Return :func:`exercise_features` as an RFC 7946 GeoJSON FeatureCollection (UTF-8).

    Written by GDAL's GeoJSON driver with ``RFC7946=YES`` (WGS 84 longitude/latitude,
    counter-clockwise outer rings, 7 decimals). The collection's ``description`` member names
    the dataset version and the filters, which every feature also carries, with its
    :data:`TIME_FIELDS`.
    """
    features = exercise_features(shown, regions, routes, version=version, description=description,
                                 observations=observations)
    features = features.assign(
        time=[f"{start}T00:00:00Z" if start else "" for start in features["start_date"]],
        start=features["start_date"],
        end=features["end_date"],
    )
    return _written(
        features,
        "GeoJSON",
        RFC7946="YES",
        DESCRIPTION=f"Drill Atlas, dataset version {version}: {description}",
    )


def to_kml_bytes(
    shown: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    routes: gpd.GeoDataFrame | None = None,
    *,
    version: str,
    description: str,
    observations: pd.DataFrame | None = None,
) -> bytes:
    """Return :func:`exercise_features` as KML 2.2, written by GDAL (see :func:`kml_driver`).

    Each feature is a Placemark whose ``<name>`` is the exercise's ``name`` (GDAL reads it
    back as ``Name``) followed by its ``<TimeSpan>`` (:func:`with_time_spans`); every other
    attribute, the sources among them, is ExtendedData, so ``geopandas.read_file`` gives back
    every attribute (and, through GDAL's LIBKML reader, the TimeSpan as ``begin`` and ``end``).
    """
    features = exercise_features(shown, regions, routes, version=version, description=description,
                                 observations=observations)
    return with_time_spans(_written(features, kml_driver()), zip(features["start_date"], features["end_date"],
                                                                 strict=True))


_PLACEMARK = b"<Placemark"
_NAME_START, _NAME_END = b"<name>", b"</name>"


def _time_span(start: str, end: str) -> bytes:
    parts = [f"<begin>{escape(start)}</begin>" if start else "", f"<end>{escape(end)}</end>" if end else ""]
    return f"<TimeSpan>{''.join(parts)}</TimeSpan>".encode() if start or end else b""


def with_time_spans(kml: bytes, spans: Iterable[tuple[str, str]]) -> bytes:
    """Put a ``<TimeSpan><begin>…</begin><end>…</end></TimeSpan>`` into each Placemark GDAL wrote.

    GDAL's KML writer has no time option (its LIBKML writer has, but is not used, see
    :data:`KML_DRIVER`), so the spans go in after writing: the n-th Placemark is the n-th
    feature, and the span follows its ``<name>``, where KML 2.2 wants a TimePrimitive (before
    ``<Style>`` and ``<ExtendedData>``). Values are ISO dates (``2024-07-14``); a date-only
    end covers that whole day (how ArcGIS reads a date-only KML time, for instance). Text in the
    file is escaped by GDAL, so the markup searched for occurs only as markup. One pass.

    Parameters
    ----------
    kml : bytes
        What GDAL's KML driver wrote.
    spans : iterable of (str, str)
        First and last day of each feature, in feature order; an empty one is left out.
    """
    out, position = [], 0
    for start, end in spans:
        found = kml.find(_PLACEMARK, position)
        if found < 0:
            break
        tag_end = kml.index(b">", found) + 1
        name_at = kml.find(_NAME_START, tag_end)
        if name_at >= 0 and not kml[tag_end:name_at].strip():
            tag_end = kml.index(_NAME_END, name_at) + len(_NAME_END)
        span = _time_span(start, end)
        out += [kml[position:tag_end], b"\n\t" + span if span else b""]
        position = tag_end
    out.append(kml[position:])
    return b"".join(out)
