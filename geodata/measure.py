"""Measures of a shape drawn or read on the map: area, distance to nearby coasts, regions it lies in.

Distances are geodesic on the WGS 84 ellipsoid. The nearest pair of points between a shape and
a country is found in an azimuthal equidistant (AEQD) projection centred on the shape's point
of that pair, re-centred until the pair stops moving: in that projection every distance from
the centre is exact, so the pair converges on the geodesically nearest one. The figure reported
is then the geodesic distance between the two points (pyproj ``Geod.inv``). Against a brute-force
geodesic search over coasts split every 0.01° it agrees within 0.01 % (tests/unit/test_measure.py
checks 0.1 %). The larger error is the coast itself: Natural Earth 1:10m simplified to within
0.05°, at most 5.6 km (``geodata/countries.geojson``, built by ``python -m geodata.build.countries``).

Shapes come from users (uploads, pasted notices, drawings), so the work is bounded: a shape's
densification adds at most :data:`MAX_SHAPE_DENSIFIED` vertices, a shape reaching farther than
:data:`MAX_SPREAD_KM` from its centre is not measured, and :func:`nearest_coasts` and
:func:`regions_containing` take a deadline. When a measure stops early it raises
:class:`Unmeasured`, which carries what was measured until then.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import numpy as np
import pyogrio.errors
import pyproj
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from geodata import schema
from geodata.geometry import area_km2, densified
from geodata.problems import DataError, Problem, quote

__all__ = [
    "COUNTRIES_FILE",
    "CoastDistance",
    "MAX_SHAPE_DENSIFIED",
    "MAX_SPREAD_KM",
    "RegionShare",
    "Unmeasured",
    "aeqd_transformer",
    "area_km2",
    "geodesic_distance_km",
    "nearest_coasts",
    "read_countries",
    "regions_containing",
    "shape_spread_km",
]

COUNTRIES_FILE = "countries.geojson"
NEARBY_KM = 1000.0
"""Default reach of :func:`nearest_coasts`: countries farther than this are left out."""
DENSIFY_DEG = 0.1
"""Edges are split to this length before projecting, so that they follow their lon/lat line."""
MAX_SHAPE_DENSIFIED = 5_000
"""At most this many vertices are added to a user's shape when densifying it: past 500° of
outline (at ``DENSIFY_DEG``) the step grows instead. Every distance projects the shape once per
iteration per country, at about 2 µs a vertex, so this bounds the cost of one country to tens of
milliseconds; shapes this long are oceans or zigzags, where a coarser step changes nothing
that the coast's own 5.6 km generalisation does not already."""
MAX_LAND_DENSIFIED = 50_000
"""The same bound for the land (trusted data: Canada, the largest, needs 27,000 at 0.1°)."""
PREFILTER_DENSIFY_DEG = 0.5
PREFILTER_SLACK_KM = 60.0
"""A coast can be this much nearer than its nearest vertex split at ``PREFILTER_DENSIFY_DEG``."""
MAX_REACH_KM = 17_000.0
"""Parts of countries farther than this from the shape (near its antipode, where the AEQD
projection breaks down) are never measured."""
MAX_SPREAD_KM = 8_000.0
"""Shapes reaching farther than this from their representative point are not measured: two of
their points could then lie more than 16,000 km apart, and re-centring the AEQD projection on
one would put the other near its antipode, where the projection tears edges apart. With
:data:`NEARBY_KM` of reach this keeps every measured coast within :data:`MAX_REACH_KM` of the
projection's centre."""
ITERATIONS = 4
CONVERGED_M = 1.0
MIN_SHARE = 1e-4
"""Overlaps smaller than this share of the shape (shared edges, rounding) are not reported."""

_GEOD = pyproj.Geod(ellps="WGS84")


class Unmeasured(Exception):
    """A measure stopped before the end: out of time, or the shape is too large to measure.

    Attributes
    ----------
    reason : str
        What was not measured, for people ("too large to measure: …").
    partial : tuple
        What was measured before stopping (coasts nearest first, or region shares).
    """

    def __init__(self, reason: str, partial: Sequence = ()):
        super().__init__(reason)
        self.reason = reason
        self.partial = tuple(partial)


def _out_of_time(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() > deadline


class CoastDistance(NamedTuple):
    """Distance from a shape to the nearest land of one country.

    Attributes
    ----------
    iso3 : str
        ISO 3166-1 alpha-3 code; ``""`` for entities Natural Earth gives none (Spratly Is.…).
    name : str
        Natural Earth's name of the country (or entity) whose land is nearest.
    km : float
        Geodesic distance in km; 0 when the shape touches or overlaps the land.
    nearest_point : shapely.geometry.Point
        The nearest point of that land, (lon, lat), its longitude in the shape's frame
        (within 180° of the shape's centre, so above 180 for a shape in the Pacific frame).
    """

    iso3: str
    name: str
    km: float
    nearest_point: Point


class RegionShare(NamedTuple):
    """A known region a shape lies in, and how much of the shape lies in it.

    Attributes
    ----------
    region_id, name : str
        From regions.geojson.
    share : float
        Part of the shape inside the region, 0..1: of its area (polygons), length (lines) or
        points. Regions can nest (a gulf inside a sea), so shares can add up to more than 1.
    """

    region_id: str
    name: str
    share: float


def read_countries(path: Path = schema.DATA_DIR / COUNTRIES_FILE) -> gpd.GeoDataFrame:
    """Read the country land used for coast distances.

    Parameters
    ----------
    path : pathlib.Path
        ``geodata/countries.geojson`` by default.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``iso_a3``, ``name`` and ``geometry`` (MultiPolygons in EPSG:4326, -180..180).

    Raises
    ------
    DataError
        If the file is missing or unreadable, or lacks ``iso_a3`` or ``name``.
    """
    try:
        countries = gpd.read_file(path, engine="pyogrio", columns=["iso_a3", "name"])
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError, OSError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataError([Problem(path.name, "", "", f"cannot be read: {quote(message, 200)}")]) from error
    missing = [column for column in ("iso_a3", "name") if column not in countries.columns]
    if missing:
        raise DataError([Problem(path.name, "", column, "required property is missing") for column in missing])
    countries["iso_a3"] = countries["iso_a3"].fillna("").astype(str)
    return countries.set_crs("EPSG:4326", allow_override=True)


def aeqd_transformer(lon: float, lat: float) -> pyproj.Transformer:
    """Return a transformer from lon/lat degrees to an azimuthal equidistant projection, in metres.

    Parameters
    ----------
    lon, lat : float
        Centre in degrees; ``lon`` may lie outside -180..180.

    Returns
    -------
    pyproj.Transformer
        Forward: (lon, lat) → (x, y) metres on WGS 84, exact in distance and azimuth from the
        centre. ``transform(x, y, direction="INVERSE")`` goes back; longitudes come back in
        -180..180. Built as a PROJ pipeline, which is about 100 times faster to create than a
        CRS-to-CRS transformer.
    """
    return pyproj.Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=aeqd +lat_0={lat:.9f} +lon_0={lon:.9f} +ellps=WGS84"
    )


def _project(geometry: BaseGeometry, transformer: pyproj.Transformer, max_added: int) -> BaseGeometry:
    dense = densified(geometry, DENSIFY_DEG, max_added)
    return shapely.transform(dense, transformer.transform, interleaved=False)


def _near(lon: float, centre_lon: float) -> float:
    """``lon`` shifted by whole turns to lie within 180° of ``centre_lon``."""
    return centre_lon + (lon - centre_lon + 180.0) % 360.0 - 180.0


def geodesic_distance_km(a: BaseGeometry, b: BaseGeometry) -> tuple[float, Point, Point]:
    """Return the geodesic distance between two lon/lat geometries and their nearest points.

    Parameters
    ----------
    a, b : shapely geometry
        In EPSG:4326; longitudes in any frame (``b`` may be in -180..180 while ``a`` is in
        the 0..360 Pacific frame). Neither may reach the other's antipode. ``a`` is the
        user's shape (densified by at most :data:`MAX_SHAPE_DENSIFIED` vertices), ``b`` the
        land (at most :data:`MAX_LAND_DENSIFIED`).

    Returns
    -------
    km : float
        Geodesic distance on WGS 84; 0 if the geometries touch or overlap.
    point_a, point_b : shapely.geometry.Point
        The nearest points, longitudes within 180° of ``a``'s representative point.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> round(geodesic_distance_km(Point(0, 0), Point(0, 1))[0], 1)
    110.6
    """
    centre = a.representative_point()
    lon, lat = centre.x, centre.y
    for _ in range(ITERATIONS):
        transformer = aeqd_transformer(lon, lat)
        projected_a = _project(a, transformer, MAX_SHAPE_DENSIFIED)
        projected_b = _project(b, transformer, MAX_LAND_DENSIFIED)
        if projected_a.intersects(projected_b):
            # A point the two share; nearest_points finds one without building their overlay,
            # whose cost grows with the number of crossings of their edges.
            touch = nearest_points(projected_a, projected_b)[0]
            x, y = transformer.transform(touch.x, touch.y, direction="INVERSE")
            point = Point(_near(x, centre.x), y)
            return 0.0, point, point
        near_a, near_b = nearest_points(projected_a, projected_b)
        (lon_a, lon_b), (lat_a, lat_b) = transformer.transform(
            [near_a.x, near_b.x], [near_a.y, near_b.y], direction="INVERSE"
        )
        moved = _GEOD.inv(lon, lat, lon_a, lat_a)[2]
        lon, lat = lon_a, lat_a
        if moved < CONVERGED_M:
            break
    metres = _GEOD.inv(lon_a, lat_a, lon_b, lat_b)[2]
    return metres / 1000.0, Point(_near(lon_a, centre.x), lat_a), Point(_near(lon_b, centre.x), lat_b)


def _distances_km(origin: Point, coords: np.ndarray) -> np.ndarray:
    """Geodesic distances in km from one point to each (lon, lat) row of ``coords``."""
    count = len(coords)
    return _GEOD.inv(np.full(count, origin.x), np.full(count, origin.y), coords[:, 0], coords[:, 1])[2] / 1000.0


def shape_spread_km(geometry: BaseGeometry) -> float:
    """Return how far a lon/lat shape reaches from its representative point, in km.

    Geodesic distances to its vertices, its edges split every ``PREFILTER_DENSIFY_DEG``
    (adding at most :data:`MAX_SHAPE_DENSIFIED` vertices); 0 for an empty shape.
    """
    if geometry.is_empty:
        return 0.0
    centre = geometry.representative_point()
    coords = shapely.get_coordinates(densified(geometry, PREFILTER_DENSIFY_DEG, MAX_SHAPE_DENSIFIED))
    return float(_distances_km(centre, coords).max())


def _too_large(spread: float) -> str:
    return (
        f"too large to measure: it reaches {spread:,.0f} km from its centre "
        f"(coast distances are measured up to {MAX_SPREAD_KM:,.0f} km)"
    )


def _candidate_parts(
    geometry: BaseGeometry, countries: gpd.GeoDataFrame, max_km: float | None
) -> dict[int, BaseGeometry]:
    """Country polygons (by row position) near enough to the shape to be worth measuring.

    Ordered by the distance of their nearest vertex from the shape's centre, nearest first.
    Raises :class:`Unmeasured` if the shape reaches farther than :data:`MAX_SPREAD_KM`.
    """
    spread = shape_spread_km(geometry)
    if not spread <= MAX_SPREAD_KM:
        raise Unmeasured(_too_large(spread))
    centre = geometry.representative_point()
    parts, rows = shapely.get_parts(countries.geometry.values, return_index=True)
    coords, vertex_part = shapely.get_coordinates(
        shapely.segmentize(parts, PREFILTER_DENSIFY_DEG), return_index=True
    )
    distance = _distances_km(centre, coords)
    nearest = np.full(len(parts), np.inf)
    farthest = np.zeros(len(parts))
    np.minimum.at(nearest, vertex_part, distance)
    np.maximum.at(farthest, vertex_part, distance)
    reach = np.inf if max_km is None else max_km + spread + PREFILTER_SLACK_KM
    keep = (nearest <= reach) & (farthest <= MAX_REACH_KM)
    # A part whose nearest vertex lies farther than the country's nearest vertex by more than the
    # slack and the shape's spread cannot hold the country's nearest coast: the shape lies within
    # that vertex's distance of the country, and within the spread of its centre.
    row_nearest = np.full(int(rows.max()) + 1 if len(rows) else 0, np.inf)
    np.minimum.at(row_nearest, rows, np.where(keep, nearest, np.inf))
    keep &= nearest <= row_nearest[rows] + PREFILTER_SLACK_KM + spread
    grouped: dict[int, list] = {}
    order = np.argsort(nearest, kind="stable")
    for part, row in zip(parts[order][keep[order]], rows[order][keep[order]], strict=True):
        grouped.setdefault(int(row), []).append(part)
    return {row: shapely.union_all(members) if len(members) > 1 else members[0] for row, members in grouped.items()}


def nearest_coasts(
    geometry: BaseGeometry,
    countries: gpd.GeoDataFrame,
    codes: Iterable[str] | None = None,
    *,
    max_km: float | None = NEARBY_KM,
    deadline: float | None = None,
) -> list[CoastDistance]:
    """Return the distance from a shape to the nearest land of each country nearby.

    Parameters
    ----------
    geometry : shapely geometry
        The shape in EPSG:4326 (a notice's area, an uploaded feature, a region); longitudes may
        run past 180 (Pacific frame).
    countries : geopandas.GeoDataFrame
        From :func:`read_countries`.
    codes : iterable of str, optional
        Only these ISO alpha-3 codes (``["JPN", "KOR", "TWN", "USA"]``); all countries if None.
    max_km : float or None, default :data:`NEARBY_KM`
        Leave out countries farther than this; None keeps every requested country (except
        land near the shape's antipode).
    deadline : float, optional
        A ``time.monotonic()`` value; countries are measured nearest first, and once it has
        passed the measure stops.

    Returns
    -------
    list of CoastDistance
        One per country (its nearest entity when Natural Earth splits it, e.g. Australia and
        Ashmore and Cartier Is.), nearest first.

    Raises
    ------
    Unmeasured
        If the deadline passed, the shape reaches farther than :data:`MAX_SPREAD_KM` from its
        centre, or the distance to some country could not be computed; ``partial`` holds the
        coasts measured (nearest first).
    """
    if geometry is None or geometry.is_empty:
        return []
    if codes is not None:
        countries = countries[countries["iso_a3"].isin(set(codes))]
    if countries.empty:
        return []
    best: dict[str, CoastDistance] = {}
    candidates = _candidate_parts(geometry, countries, max_km)
    failed = []
    for done, (row, land) in enumerate(candidates.items()):
        if _out_of_time(deadline):
            reason = (
                f"too large to measure in time: the coasts of {done:,} of the {len(candidates):,} "
                "countries that could be near were measured (the nearest ones)"
            )
            raise Unmeasured(reason, _ordered(best))
        iso3, name = countries["iso_a3"].iloc[row], countries["name"].iloc[row]
        try:
            km, _, point = geodesic_distance_km(geometry, land)
        except (shapely.errors.GEOSException, ValueError, pyproj.exceptions.ProjError):
            failed.append(name)
            continue
        if not np.isfinite(km) or (max_km is not None and km > max_km):
            continue
        key = iso3 or name
        if key not in best or km < best[key].km:
            best[key] = CoastDistance(iso3, name, km, point)
    if failed:
        raise Unmeasured(f"the distance to {quote(', '.join(failed[:3]), 120)} could not be measured", _ordered(best))
    return _ordered(best)


def _ordered(best: dict[str, CoastDistance]) -> list[CoastDistance]:
    return sorted(best.values(), key=lambda item: (item.km, item.iso3, item.name))


def _shifted(geometry: BaseGeometry, offset: float) -> BaseGeometry:
    return shapely.transform(geometry, lambda coords: coords + [offset, 0.0])


def _measure(geometry: BaseGeometry) -> float:
    """Area in km² of polygons, geodesic length in km of lines, count of points."""
    if geometry.is_empty:
        return 0.0
    dimension = shapely.get_dimensions(geometry)
    if dimension == 2:
        return area_km2(geometry)
    if dimension == 1:
        return _GEOD.geometry_length(geometry) / 1000.0
    return float(len(shapely.get_parts(geometry)))


def regions_containing(
    geometry: BaseGeometry, regions: gpd.GeoDataFrame, *, deadline: float | None = None
) -> list[RegionShare]:
    """Return the known regions a shape lies in or overlaps, with the share of the shape in each.

    Parameters
    ----------
    geometry : shapely geometry
        In EPSG:4326, any longitude frame: it is compared with each region as drawn and
        shifted by ±360°, so a shape at -170° meets the Bering Sea kept at 190°.
    regions : geopandas.GeoDataFrame
        Regions with ``region_id``, ``name`` and geometry in EPSG:4326.
    deadline : float, optional
        A ``time.monotonic()`` value; once it has passed the measure stops.

    Returns
    -------
    list of RegionShare
        Regions holding at least :data:`MIN_SHARE` of the shape, largest share first.

    Raises
    ------
    Unmeasured
        If the deadline passed or the overlap with some region could not be computed;
        ``partial`` holds the shares measured.
    """
    if geometry is None or geometry.is_empty or regions.empty:
        return []
    whole = _measure(geometry)
    if not whole > 0.0 or not np.isfinite(whole):
        return []
    dimension = shapely.get_dimensions(geometry)
    shares: list[RegionShare] = []
    failed = []
    rows = list(zip(regions["region_id"], regions["name"], regions.geometry, strict=True))
    for done, (region_id, name, region) in enumerate(rows):
        if _out_of_time(deadline):
            reason = f"too large to measure in time: {done:,} of the {len(rows):,} regions were compared with it"
            raise Unmeasured(reason, _by_share(shares))
        inside = 0.0
        try:
            for offset in (-360.0, 0.0, 360.0):
                moved = _shifted(geometry, offset)
                if moved.intersects(region):
                    part = moved.intersection(region)
                    kept = [p for p in shapely.get_parts(part) if shapely.get_dimensions(p) == dimension]
                    inside += _measure(shapely.union_all(kept)) if kept else 0.0
        except (shapely.errors.GEOSException, ValueError, pyproj.exceptions.ProjError):
            failed.append(str(name))
            continue
        if inside / whole >= MIN_SHARE:
            shares.append(RegionShare(str(region_id), str(name), min(inside / whole, 1.0)))
    if failed:
        reason = f"the overlap with {quote(', '.join(failed[:3]), 120)} could not be measured"
        raise Unmeasured(reason, _by_share(shares))
    return _by_share(shares)


def _by_share(shares: list[RegionShare]) -> list[RegionShare]:
    return sorted(shares, key=lambda item: (-item.share, item.region_id))
