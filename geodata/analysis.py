"""Measures of the user's own shapes, and a pasted notice saved in the dataset's region format.

The analyst panel measures three kinds of shape the same way: a notice turned into an area
(:mod:`geodata.notices`), a shape drawn on the map (Leaflet.draw's GeoJSON) and the features of
an uploaded layer (:mod:`geodata.uploads`). All three are untrusted: :func:`checked_shape` is the
one gate each passes before any work is done on it (coordinates in range, a bounded number of
vertices and extent, valid), and :func:`measure_shape` works within a time budget and never
raises, reporting what it could not measure in :attr:`ShapeMeasures.incomplete`.
"""

from __future__ import annotations

import functools
import hashlib
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pyproj
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geodata import isolated
from geodata.geometry import rfc7946_geometry
from geodata.measure import (
    MAX_SPREAD_KM,
    CoastDistance,
    RegionShare,
    Unmeasured,
    area_km2,
    nearest_coasts,
    regions_containing,
    shape_spread_km,
)
from geodata.notices import ParsedNotice, Position, geodesic_circle
from geodata.problems import Problem, quote
from geodata.validation import validate_regions

MAX_VERTICES = 10_000
"""Shapes with more vertices are not measured. Every vertex is projected once per country per
iteration of the coast distance (about 2 µs each), so 10,000 keeps one country to tens of
milliseconds; it is far more than a notice (tens of positions), a drawing (hundreds) or a
region of the dataset (the largest has about 5,000), and an uploaded outline finer than that
is finer than the 5.6 km coastline it is measured against."""
MAX_REPAIR_VERTICES = 250
"""Invalid shapes with more vertices are refused rather than repaired. ``shapely.make_valid``
costs time and memory with the number of self-crossings, which can grow as the square of the
vertices: a polygon of 400 random vertices takes 0.7 s to repair, 1,600 take 22 s and
10,000 run out of memory. Notices and drawings that need repair (a bow tie) have a handful of
vertices, and uploads arrive repaired by :mod:`geodata.uploads`."""
LON_RANGE = (-180.0, 360.0)
"""Longitudes accepted: -180..180, and up to 360 for shapes drawn in the Pacific frame."""
LAT_RANGE = (-90.0, 90.0)
MAX_LON_SPAN = 180.0
"""Shapes spanning more longitude than this are too large to measure: half the world, where
"the nearest coast" means little, and a line from -179° to 179° (the long way round the world)
is the cheap way to make the measure expensive."""
MAX_LAT_SPAN = 120.0
"""The same for latitude: from 60° S to 60° N."""
MAX_CIRCLE_RADIUS_KM = 5_000.0
"""Drawn circles wider than this are not measured (a circle of 5,000 km already spans 90° of
latitude; the largest exercise areas are a few hundred km across)."""
MEASURE_BUDGET_S = 2.0
"""Time for measuring one shape; past it the coasts not yet measured are left out and
:attr:`ShapeMeasures.incomplete` says so. Normal shapes take 0.1–0.5 s; the whole Russia
region of the dataset about 4 s without a budget. Countries are measured nearest first, so what
is cut is the farthest."""

_GEOD = pyproj.Geod(ellps="WGS84")


@dataclass(frozen=True)
class ShapeMeasures:
    """Area, the known regions a shape lies in, and the coasts near it.

    ``incomplete`` is None when everything was measured; otherwise it says, for people, what
    was not (the shape was refused, or it is too large to measure in time) and the other
    fields hold what was measured.
    """

    area_km2: float
    regions: tuple[RegionShare, ...]
    coasts: tuple[CoastDistance, ...]
    incomplete: str | None = None


def _number(value: float) -> str:
    return f"{value:.6g}"


def _of_dimension(geometry: BaseGeometry, dimension: int) -> BaseGeometry:
    """Return the parts of ``geometry`` of that dimension, as one (multi)geometry."""
    parts = [p for p in shapely.get_parts(geometry) if shapely.get_dimensions(p) == dimension]
    if len(parts) == 1:
        return parts[0]
    if dimension == 2:
        return shapely.multipolygons(parts)
    if dimension == 1:
        return shapely.multilinestrings(parts)
    return shapely.multipoints(parts)


def _homogeneous(geometry: BaseGeometry, label: str) -> tuple[BaseGeometry, str | None]:
    """Keep the highest-dimension parts of a geometry collection (polygons over lines over points)."""
    if geometry.geom_type == "LinearRing":
        return shapely.LineString(geometry.coords), None
    if geometry.geom_type != "GeometryCollection":
        return geometry, None
    parts = shapely.get_parts(geometry)
    dimension = max(int(shapely.get_dimensions(p)) for p in parts)
    kept = _of_dimension(geometry, dimension)
    if len(shapely.get_parts(kept)) == len(parts):
        return kept, None
    kind = {2: "its areas", 1: "its lines", 0: "its points"}[dimension]
    return kept, f"{label} mixes points, lines and areas; only {kind} are measured"


def _checked(geometry: BaseGeometry, label: str) -> tuple[BaseGeometry | None, str | None]:
    count = int(shapely.get_num_coordinates(geometry))
    if count > MAX_VERTICES:
        return None, f"{label} has {count:,} vertices; at most {MAX_VERTICES:,} can be measured"
    if geometry.is_empty:
        return None, f"{label} is empty: there is nothing to measure"
    coords = shapely.get_coordinates(geometry)
    lon, lat = coords[:, 0], coords[:, 1]
    if not np.isfinite(coords).all():
        return None, f"{label} has a coordinate that is not a number (NaN or infinite)"
    outside = (lat < LAT_RANGE[0]) | (lat > LAT_RANGE[1])
    if outside.any():
        bad = lat[outside][0]
        return None, f"{label} has latitude {_number(bad)}, outside {LAT_RANGE[0]:g}..{LAT_RANGE[1]:g}"
    outside = (lon < LON_RANGE[0]) | (lon > LON_RANGE[1])
    if outside.any():
        bad = lon[outside][0]
        return None, f"{label} has longitude {_number(bad)}, outside {LON_RANGE[0]:g}..{LON_RANGE[1]:g}"
    lon_span, lat_span = float(lon.max() - lon.min()), float(lat.max() - lat.min())
    if lon_span > MAX_LON_SPAN:
        return None, (
            f"{label} is too large to measure: it spans {lon_span:,.1f}° of longitude "
            f"(at most {MAX_LON_SPAN:g}°; a line from -179° to 179° goes the long way round the world)"
        )
    if lat_span > MAX_LAT_SPAN:
        return None, (
            f"{label} is too large to measure: it spans {lat_span:,.1f}° of latitude (at most {MAX_LAT_SPAN:g}°)"
        )
    geometry = shapely.force_2d(geometry)
    note = None
    if not shapely.is_valid(geometry):
        reason = shapely.is_valid_reason(geometry)
        if count > MAX_REPAIR_VERTICES:
            return None, (
                f"{label} is not a valid shape ({quote(reason)}); only shapes of at most "
                f"{MAX_REPAIR_VERTICES:,} vertices are repaired"
            )
        geometry = shapely.make_valid(geometry, method="structure")
        if geometry is None or geometry.is_empty:
            return None, f"{label} is not a valid shape ({quote(reason)}) and cannot be repaired"
        repaired = int(shapely.get_num_coordinates(geometry))
        if repaired > MAX_VERTICES:
            return None, f"{label} is not a valid shape ({quote(reason)}); repaired, it has too many vertices"
        note = f"{label} was not a valid shape ({quote(reason)}) and was repaired"
    geometry, mixed = _homogeneous(geometry, label)
    if geometry.is_empty:
        return None, f"{label} is empty: there is nothing to measure"
    spread = shape_spread_km(geometry)
    if not spread <= MAX_SPREAD_KM:
        return None, (
            f"{label} is too large to measure: it reaches {spread:,.0f} km from its centre "
            f"(at most {MAX_SPREAD_KM:,.0f} km)"
        )
    return geometry, note or mixed


def checked_shape(geometry: object, *, label: str) -> tuple[BaseGeometry | None, str | None]:
    """Check an untrusted shape (upload, notice, drawing) before anything is measured on it.

    The checks are cheap and come before any densifying or projecting: at most
    :data:`MAX_VERTICES` vertices, finite coordinates, latitudes in :data:`LAT_RANGE`,
    longitudes in :data:`LON_RANGE`, an extent of at most :data:`MAX_LON_SPAN` by
    :data:`MAX_LAT_SPAN` degrees and of :data:`geodata.measure.MAX_SPREAD_KM` from its centre.
    An invalid shape of at most :data:`MAX_REPAIR_VERTICES` vertices is repaired with
    ``shapely.make_valid`` (as uploads are), a larger one refused; a geometry
    collection keeps its parts of the highest dimension. Z values are dropped. Never raises.

    Parameters
    ----------
    geometry : shapely geometry or None
        In EPSG:4326 (lon, lat).
    label : str
        Names the shape in the message: "The drawn shape", "Feature 3 of zones.kml".

    Returns
    -------
    shape : shapely geometry or None
        The shape to measure (perhaps repaired), or None if it is refused.
    message : str or None
        Why it was refused, or what was changed (repaired, parts left out); None if nothing
        needs saying. Starts with ``label``.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> checked_shape(LineString([(0, 0), (1e6, 0)]), label="The drawn line")[1]
    'The drawn line has longitude 1e+06, outside -180..360'
    """
    if not isinstance(geometry, BaseGeometry):
        return None, f"{label} has no shape to measure"
    try:
        return _checked(geometry, label)
    except (shapely.errors.GEOSException, ValueError, TypeError, pyproj.exceptions.ProjError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return None, f"{label} cannot be measured ({quote(reason)})"


def _note(notes: list[str], what: str, error: Exception) -> None:
    reason = error.reason if isinstance(error, Unmeasured) else f"could not be computed ({type(error).__name__})"
    notes.append(f"{what}: {reason}")


def measure_shape(
    geometry: BaseGeometry,
    regions: gpd.GeoDataFrame,
    countries: gpd.GeoDataFrame,
    *,
    label: str = "The shape",
    budget_s: float = MEASURE_BUDGET_S,
) -> ShapeMeasures:
    """Measure a shape in EPSG:4326 against the dataset's regions and Natural Earth countries.

    The shape goes through :func:`checked_shape` first; a refused shape gives empty measures
    with the reason in ``incomplete``. Never raises.

    Parameters
    ----------
    geometry : shapely geometry
        The user's shape, untrusted.
    regions, countries : geopandas.GeoDataFrame
        The dataset's regions and :func:`geodata.measure.read_countries`.
    label : str, default "The shape"
        Names the shape in messages.
    budget_s : float, default :data:`MEASURE_BUDGET_S`
        Time for the whole measure; regions, then coasts nearest first, until it runs out.

    Returns
    -------
    ShapeMeasures
        Area in km² (local equal-area projection; 0 for lines and points), the regions it
        overlaps with the share of the shape in each, and the nearest coast of every country
        within :data:`geodata.measure.NEARBY_KM`, nearest first; ``incomplete`` says what was
        refused, repaired or left out, else None.
    """
    deadline = time.monotonic() + budget_s
    checked, message = checked_shape(geometry, label=label)
    if checked is None:
        return ShapeMeasures(area_km2=0.0, regions=(), coasts=(), incomplete=message)
    notes = [message] if message else []
    area = 0.0
    shares: tuple[RegionShare, ...] = ()
    coasts: tuple[CoastDistance, ...] = ()
    errors = (Unmeasured, shapely.errors.GEOSException, ValueError, pyproj.exceptions.ProjError)
    if checked.geom_type in ("Polygon", "MultiPolygon"):
        try:
            area = area_km2(checked)
        except errors as error:
            _note(notes, "Area", error)
        if not math.isfinite(area):
            area = 0.0
            notes.append("Area: could not be computed")
    try:
        shares = tuple(regions_containing(checked, regions, deadline=deadline))
    except errors as error:
        shares = tuple(error.partial) if isinstance(error, Unmeasured) else ()
        _note(notes, "Regions", error)
    try:
        coasts = tuple(nearest_coasts(checked, countries, deadline=deadline))
    except errors as error:
        coasts = tuple(error.partial) if isinstance(error, Unmeasured) else ()
        _note(notes, "Nearest coasts", error)
    return ShapeMeasures(area_km2=area, regions=shares, coasts=coasts, incomplete="; ".join(notes) or None)


MEASURE_SLACK_S = 10.0
"""Time a measure may run past its budget (the one country or region in progress) before its
child process is stopped."""


def measure_shape_isolated(
    geometry: BaseGeometry,
    regions: gpd.GeoDataFrame,
    countries: gpd.GeoDataFrame,
    *,
    label: str = "The shape",
    budget_s: float = MEASURE_BUDGET_S,
) -> ShapeMeasures:
    """Run :func:`measure_shape` in a child process with a memory cap and a time limit.

    A single GEOS overlay cannot be interrupted, and a few valid shapes make one grow without
    bound (a generated test shape took a process to 24 GB): the server process must never run
    it. The child is the upload reader's (:func:`geodata.isolated.run_isolated`); its regions and
    countries travel pickled (about 1.5 MB, 25 ms). Never raises: a measure that fails, runs out
    of memory or time gives empty measures saying why.
    """
    measure = functools.partial(measure_shape, label=label, budget_s=budget_s)
    try:
        return isolated.run_isolated(measure, geometry, regions, countries, timeout=budget_s + MEASURE_SLACK_S)
    except isolated.IsolationError as error:
        return ShapeMeasures(area_km2=0.0, regions=(), coasts=(), incomplete=f"{label} could not be measured: {error}")


def _circle(centre: BaseGeometry, radius_m: float, label: str) -> tuple[BaseGeometry | None, str | None]:
    """Return the geodesic circle of a drawn circle, its centre and radius checked first."""
    point, message = checked_shape(centre, label=f"{label}'s centre")
    if point is None:
        return None, message
    radius_km = radius_m / 1000.0
    if not radius_km <= MAX_CIRCLE_RADIUS_KM:
        return None, (
            f"{label} has a radius of {_number(radius_km)} km; at most {MAX_CIRCLE_RADIUS_KM:,.0f} km can be measured"
        )
    for pole, name in ((90.0, "North"), (-90.0, "South")):
        if _GEOD.inv(point.x, point.y, point.x, pole)[2] <= radius_m:
            return None, f"{label} reaches over the {name} Pole; it cannot be measured"
    try:
        circle = geodesic_circle(Position(lat=point.y, lon=point.x), radius_km)
    except (shapely.errors.GEOSException, ValueError) as error:
        return None, f"{label} cannot be drawn as a circle ({quote(str(error))})"
    return checked_shape(circle, label=label)


def read_drawing(feature: Mapping | None, *, label: str = "The drawn shape") -> tuple[BaseGeometry | None, str | None]:
    """Read and check the shape Leaflet.draw returned (``st_folium``'s ``last_active_drawing``).

    A drawn circle arrives as a Point with ``properties.radius`` in metres; it becomes a
    geodesic circle once its centre and radius are checked. The shape then passes
    :func:`checked_shape`. Never raises.

    Returns
    -------
    shape : shapely geometry or None
        None when nothing was drawn or the drawing is refused.
    message : str or None
        Why it was refused or what was repaired; None when nothing was drawn or all is well.
    """
    if not isinstance(feature, Mapping) or feature.get("geometry") is None:
        return None, None
    try:
        geometry = shape(feature["geometry"])
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, shapely.errors.GEOSException):
        return None, f"{label} cannot be read as GeoJSON"
    properties = feature.get("properties")
    radius = properties.get("radius") if isinstance(properties, Mapping) else None
    if (
        geometry.geom_type == "Point"
        and isinstance(radius, (int, float))
        and not isinstance(radius, bool)
        and radius > 0
    ):
        return _circle(geometry, float(radius), label)
    return checked_shape(geometry, label=label)


DRAWN_KINDS = {"Point": "point", "LineString": "line", "Polygon": "polygon", "MultiPolygon": "polygon"}


def drawing_title(feature: Mapping | None) -> str:
    """``Drawn line``, ``Drawn polygon``, ``Drawn circle``…: what the user drew, read from the feature alone.

    Known even for a drawing :func:`read_drawing` refuses, so the message can say what it is about.
    """
    geometry = feature.get("geometry") if isinstance(feature, Mapping) else None
    kind = geometry.get("type") if isinstance(geometry, Mapping) else None
    properties = feature.get("properties") if isinstance(feature, Mapping) else None
    if kind == "Point" and isinstance(properties, Mapping) and properties.get("radius"):
        return "Drawn circle"
    return f"Drawn {DRAWN_KINDS.get(kind, 'shape')}"


def drawn_geometry(feature: Mapping | None) -> BaseGeometry | None:
    """Return the checked shape of a drawing, or None if nothing was drawn or it is refused.

    Kept for callers that show no message; :func:`read_drawing` also says why.
    """
    return read_drawing(feature)[0]


def notice_region(
    parsed: ParsedNotice, *, text: str, name: str, source: str
) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """Turn a parsed notice into one feature in the format of ``geodata/regions.geojson``.

    Parameters
    ----------
    parsed : ParsedNotice
        A notice with a polygon or circle.
    text : str
        The notice text, kept in the feature's ``notice_text``.
    name : str
        The region's display name.
    source : str
        http(s) URL where the notice was published.

    Returns
    -------
    region : geopandas.GeoDataFrame or None
        One ``area`` feature with ``region_id`` ``notice_<hash of the text>``, ready to be added
        to regions.geojson; None if it does not validate.
    problems : list of Problem
        Why it does not validate (for instance a missing source URL), naming the field.
    """
    if parsed.geometry is None or parsed.geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return None, [Problem("notice", "", "geometry", "the notice gives no area (a polygon or a circle) to save")]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    region = gpd.GeoDataFrame(
        {
            "region_id": [f"notice_{digest}"],
            "name": [name.strip() or f"Notice area {digest}"],
            "kind": ["area"],
            "area_km2": [round(area_km2(parsed.geometry))],
            "source": [source.strip()],
            "basis": ["coordinates parsed from a navigational warning"],
            "precision": ["as published: the notice's own coordinates"],
            "notice_text": [text],
        },
        geometry=[rfc7946_geometry(parsed.geometry)],
        crs="EPSG:4326",
    )
    valid, problems = validate_regions(region, file="notice")
    return (valid.drop(columns="source_urls") if not valid.empty else None), problems
