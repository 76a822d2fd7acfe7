"""Measures of the user's own shapes, notice areas as dataset regions, and exercises in a notice's area.

A pasted notice's areas are saved in the dataset's region format, and compared with the record:
which recorded exercises were held in an area while its notice was in force.

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
import pandas as pd
import pyproj
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geodata import isolated
from geodata.crossings import ZoneMeasure, zone_measures
from geodata.geometry import geodesic_circle, rfc7946_geometry
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
from geodata.notice_times import TimeWindow
from geodata.notices import NoticeArea
from geodata.problems import Problem, quote
from geodata.rules import validate_regions

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
    """Area, the known regions a shape lies in, the coasts near it, and how it lies against the ADIZs.

    ``zones`` holds one :class:`geodata.crossings.ZoneMeasure` per air defence identification
    zone (the share of the shape inside it, the distance to it), the zones it lies in first.
    ``incomplete`` is None when everything was measured; otherwise it says, for people, what
    was not (the shape was refused, or it is too large to measure in time) and the other
    fields hold what was measured.
    """

    area_km2: float
    regions: tuple[RegionShare, ...]
    coasts: tuple[CoastDistance, ...]
    incomplete: str | None = None
    zones: tuple[ZoneMeasure, ...] = ()


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
    zones: gpd.GeoDataFrame | None = None,
) -> ShapeMeasures:
    """Measure a shape in EPSG:4326 against the dataset's regions, Natural Earth countries and the ADIZs.

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
        Time for the whole measure; regions, then coasts nearest first, then zones, until it runs out.
    zones : geopandas.GeoDataFrame, optional
        :func:`geodata.reference.read_zones`; None measures against no zone.

    Returns
    -------
    ShapeMeasures
        Area in km² (local equal-area projection; 0 for lines and points), the regions it
        overlaps with the share of the shape in each, the nearest coast of every country
        within :data:`geodata.measure.NEARBY_KM`, nearest first, and each zone's share and
        distance (:func:`geodata.crossings.zone_measures`); ``incomplete`` says what was
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
    in_zones: tuple[ZoneMeasure, ...] = ()
    if zones is not None and not zones.empty:
        try:
            in_zones = tuple(zone_measures(checked, zones, deadline=deadline))
        except errors as error:
            _note(notes, "Air defence identification zones", error)
    return ShapeMeasures(area_km2=area, regions=shares, coasts=coasts, incomplete="; ".join(notes) or None,
                         zones=in_zones)


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
    zones: gpd.GeoDataFrame | None = None,
) -> ShapeMeasures:
    """Run :func:`measure_shape` in a child process with a memory cap and a time limit.

    A single GEOS overlay cannot be interrupted, and a few valid shapes make one grow without
    bound (a generated test shape took a process to 24 GB): the server process must never run
    it. The child is the upload reader's (:func:`geodata.isolated.run_isolated`); its regions and
    countries travel pickled (about 1.5 MB, 25 ms). Never raises: a measure that fails, runs out
    of memory or time gives empty measures saying why.
    """
    measure = functools.partial(measure_shape, label=label, budget_s=budget_s, zones=zones)
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
        circle = geodesic_circle(point.x, point.y, radius_km)
    except (shapely.errors.GEOSException, ValueError) as error:
        return None, f"{label} cannot be drawn as a circle ({quote(str(error))})"
    return checked_shape(circle, label=label)


MAP_FEATURE_KEYS = frozenset({"region_id", "route_id", "zone_id", "strait_id", "popup", "tooltip", "label"})
"""Properties only the map's own layers carry. streamlit-folium reports a click on any GeoJSON
feature as ``last_active_drawing``, not only a shape the user drew (whose properties are empty,
or hold a circle's ``radius``)."""


def is_map_feature(feature: Mapping) -> bool:
    """Tell a feature of the map's own layers (a region or route the user clicked) from a drawn shape."""
    properties = feature.get("properties")
    return isinstance(properties, Mapping) and not MAP_FEATURE_KEYS.isdisjoint(properties)


def read_drawing(feature: Mapping | None, *, label: str = "The drawn shape") -> tuple[BaseGeometry | None, str | None]:
    """Read and check the shape Leaflet.draw returned (``st_folium``'s ``last_active_drawing``).

    A drawn circle arrives as a Point with ``properties.radius`` in metres; it becomes a
    geodesic circle once its centre and radius are checked. The shape then passes
    :func:`checked_shape`. A clicked region or route (:func:`is_map_feature`) is not a drawing.
    Never raises.

    Returns
    -------
    shape : shapely geometry or None
        None when nothing was drawn or the drawing is refused.
    message : str or None
        Why it was refused or what was repaired; None when nothing was drawn or all is well.
    """
    if not isinstance(feature, Mapping) or feature.get("geometry") is None or is_map_feature(feature):
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
    area: NoticeArea, *, text: str, name: str, source: str
) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """Turn one area of a parsed notice into one feature in the format of ``geodata/regions.geojson``.

    Parameters
    ----------
    area : NoticeArea
        An area of :func:`geodata.notices.parse_notice` with a polygon, circle, sector or
        corridor.
    text : str
        The notice text, kept in the feature's ``notice_text``.
    name : str
        The region's display name (the app passes the notice's name and the area's label).
    source : str
        http(s) URL where the notice was published.

    Returns
    -------
    region : geopandas.GeoDataFrame or None
        One ``area`` feature with ``region_id`` ``notice_<hash of the text and label>``, the
        area's label in ``notice_label`` and its first time window in ``valid_from``,
        ``valid_to`` (ISO 8601, UTC) and ``daily_utc``, ready to be added to regions.geojson;
        None if it does not validate.
    problems : list of Problem
        Why it does not validate (for instance a missing source URL), naming the field.
    """
    if area.geometry is None or area.geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return None, [Problem("notice", "", "geometry", "the notice gives no area (a polygon or a circle) to save")]
    digest = hashlib.sha256(f"{text}\x00{area.label}".encode()).hexdigest()[:10]
    window = area.times[0] if area.times else TimeWindow(None, None, None, "")
    region = gpd.GeoDataFrame(
        {
            "region_id": [f"notice_{digest}"],
            "name": [name.strip() or f"Notice area {digest}"],
            "kind": ["area"],
            "area_km2": [round(area_km2(area.geometry))],
            "source": [source.strip()],
            "basis": [f"coordinates parsed from a navigational warning ({area.kind})"],
            "precision": ["as published: the notice's own coordinates"],
            "notice_text": [text],
            "notice_label": [area.label],
            **{key: [value] for key, value in window.as_properties().items()},
        },
        geometry=[rfc7946_geometry(area.geometry)],
        crs="EPSG:4326",
    )
    valid, problems = validate_regions(region, file="notice")
    return (valid.drop(columns="source_urls") if not valid.empty else None), problems


@dataclass(frozen=True)
class ExerciseOverlap:
    """A recorded exercise held in a notice's area while the notice was in force.

    Attributes
    ----------
    exercise_id, name : str
        From exercises.csv.
    start_date, end_date : str
        The exercise's dates (``YYYY-MM-DD``).
    region_id, region_name : str
        The region of the exercise that the area overlaps.
    share : float
        Part of the notice's area inside that region, 0..1.
    in_time : bool or None
        True when the exercise's dates overlap a time window of the notice; None when the
        notice gives no window placed in time (the overlap is in space only).
    """

    exercise_id: str
    name: str
    start_date: str
    end_date: str
    region_id: str
    region_name: str
    share: float
    in_time: bool | None


def _days(window: TimeWindow) -> tuple[str, str] | None:
    if window.start is None or window.end is None:
        return None
    return f"{window.start:%Y-%m-%d}", f"{window.end:%Y-%m-%d}"


def exercises_in_shares(
    shares: tuple[RegionShare, ...] | list[RegionShare], times: tuple[TimeWindow, ...], exercises: pd.DataFrame
) -> list[ExerciseOverlap]:
    """Find the recorded exercises in the regions a shape overlaps, at the time of a notice.

    Parameters
    ----------
    shares : sequence of RegionShare
        The regions a notice's area overlaps and the share of the area in each
        (:attr:`ShapeMeasures.regions`, or :func:`geodata.measure.regions_containing`).
    times : tuple of TimeWindow
        The area's time windows (:attr:`geodata.notices.NoticeArea.times`).
    exercises : pandas.DataFrame
        exercises.csv as loaded (``region_ids`` separated by ``;``, ISO dates).

    Returns
    -------
    list of ExerciseOverlap
        When some window is placed in time, only the exercises whose days (UTC dates, as the
        record gives days) meet a window's days; otherwise every exercise held in those
        regions, with ``in_time`` None. Largest share first, then by start date.
    """
    if not shares or exercises.empty:
        return []
    spans = [span for span in (_days(window) for window in times) if span is not None]
    by_region = {share.region_id: share for share in shares}
    found = []
    for record in exercises.itertuples(index=False):
        regions = [r for r in str(record.region_ids).split(";") if r in by_region]
        if not regions:
            continue
        in_time = None
        if spans:
            in_time = any(record.start_date <= last and first <= record.end_date for first, last in spans)
            if not in_time:
                continue
        best = max((by_region[r] for r in regions), key=lambda share: share.share)
        found.append(
            ExerciseOverlap(
                record.exercise_id, record.name, record.start_date, record.end_date, best.region_id, best.name,
                best.share, in_time,
            )
        )
    return sorted(found, key=lambda overlap: (-overlap.share, overlap.start_date))


def exercises_overlapping(
    area: NoticeArea, exercises: pd.DataFrame, regions: gpd.GeoDataFrame, *, budget_s: float = MEASURE_BUDGET_S
) -> list[ExerciseOverlap]:
    """Find the recorded exercises held in a notice's area while it was in force (space and time).

    Parameters
    ----------
    area : NoticeArea
        One area of :func:`geodata.notices.parse_notice`, with its time windows.
    exercises, regions : pandas.DataFrame, geopandas.GeoDataFrame
        The record, as :func:`geodata.loaders.load_dataset` gives it.
    budget_s : float, default :data:`MEASURE_BUDGET_S`
        Time for comparing the area with the regions; the shape is checked first
        (:func:`checked_shape`).

    Returns
    -------
    list of ExerciseOverlap
        See :func:`exercises_in_shares`; empty when the area is refused or overlaps no region.

    Examples
    --------
    >>> from geodata.loaders import load_dataset
    >>> from geodata.notices import parse_notice
    >>> dataset = load_dataset()
    >>> area = parse_notice("SEA OF JAPAN 150000Z TO 182359Z JUL 24. AREA BOUNDED BY "
    ...                     "42-30N 133-00E, 42-30N 134-00E, 41-30N 134-00E, 41-30N 133-00E.").areas[0]
    >>> isinstance(exercises_overlapping(area, dataset.exercises, dataset.regions), list)
    True
    """
    shape, _ = checked_shape(area.geometry, label="The notice's area")
    if shape is None:
        return []
    try:
        shares = regions_containing(shape, regions, deadline=time.monotonic() + budget_s)
    except Unmeasured as error:
        shares = list(error.partial)
    return exercises_in_shares(shares, area.times, exercises)
