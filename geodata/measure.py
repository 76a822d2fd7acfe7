"""Measures of a shape drawn or read on the map: area, distance to nearby coasts, regions it lies in.

Distances are geodesic on the WGS 84 ellipsoid. The nearest pair of points between a shape and
a country is found in an azimuthal equidistant (AEQD) projection centred on the shape's point
of that pair, re-centred until the pair stops moving: in that projection every distance from
the centre is exact, so the pair converges on the geodesically nearest one. The figure reported
is then the geodesic distance between the two points (pyproj ``Geod.inv``). Against a brute-force
geodesic search over coasts split every 0.01° it agrees within 0.01 % (tests/unit/test_measure.py
checks 0.1 %). The larger error is the coast itself: Natural Earth 1:10m simplified to within
0.05°, at most 5.6 km (``geodata/countries.geojson``, built by ``python -m geodata.build.countries``).
"""

from __future__ import annotations

from collections.abc import Iterable
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
from geodata.geometry import area_km2
from geodata.problems import DataError, Problem, quote

__all__ = [
    "COUNTRIES_FILE",
    "CoastDistance",
    "RegionShare",
    "aeqd_transformer",
    "area_km2",
    "geodesic_distance_km",
    "nearest_coasts",
    "read_countries",
    "regions_containing",
]

COUNTRIES_FILE = "countries.geojson"
NEARBY_KM = 1000.0
"""Default reach of :func:`nearest_coasts`: countries farther than this are left out."""
DENSIFY_DEG = 0.1
"""Edges are split to this length before projecting, so that they follow their lon/lat line."""
PREFILTER_DENSIFY_DEG = 0.5
PREFILTER_SLACK_KM = 60.0
"""A coast can be this much nearer than its nearest vertex split at ``PREFILTER_DENSIFY_DEG``."""
MAX_REACH_KM = 17_000.0
"""Parts of countries farther than this from the shape (near its antipode, where the AEQD
projection breaks down) are never measured."""
ITERATIONS = 4
CONVERGED_M = 1.0
MIN_SHARE = 1e-4
"""Overlaps smaller than this share of the shape (shared edges, rounding) are not reported."""

_GEOD = pyproj.Geod(ellps="WGS84")


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


def _project(geometry: BaseGeometry, transformer: pyproj.Transformer) -> BaseGeometry:
    return shapely.transform(shapely.segmentize(geometry, DENSIFY_DEG), transformer.transform, interleaved=False)


def _near(lon: float, centre_lon: float) -> float:
    """``lon`` shifted by whole turns to lie within 180° of ``centre_lon``."""
    return centre_lon + (lon - centre_lon + 180.0) % 360.0 - 180.0


def geodesic_distance_km(a: BaseGeometry, b: BaseGeometry) -> tuple[float, Point, Point]:
    """Return the geodesic distance between two lon/lat geometries and their nearest points.

    Parameters
    ----------
    a, b : shapely geometry
        In EPSG:4326; longitudes in any frame (``b`` may be in -180..180 while ``a`` is in
        the 0..360 Pacific frame). Neither may reach the other's antipode.

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
        projected_a, projected_b = _project(a, transformer), _project(b, transformer)
        if projected_a.intersects(projected_b):
            touch = projected_a.intersection(projected_b).representative_point()
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


def _candidate_parts(
    geometry: BaseGeometry, countries: gpd.GeoDataFrame, max_km: float | None
) -> dict[int, BaseGeometry]:
    """Country polygons (by row position) near enough to the shape to be worth measuring."""
    parts, rows = shapely.get_parts(countries.geometry.values, return_index=True)
    coords, vertex_part = shapely.get_coordinates(
        shapely.segmentize(parts, PREFILTER_DENSIFY_DEG), return_index=True
    )
    centre = geometry.representative_point()
    shape_coords = shapely.get_coordinates(shapely.segmentize(geometry, PREFILTER_DENSIFY_DEG))
    spread = _distances_km(centre, shape_coords).max()
    distance = _distances_km(centre, coords)
    nearest = np.full(len(parts), np.inf)
    farthest = np.zeros(len(parts))
    np.minimum.at(nearest, vertex_part, distance)
    np.maximum.at(farthest, vertex_part, distance)
    reach = np.inf if max_km is None else max_km + spread + PREFILTER_SLACK_KM
    keep = (nearest <= reach) & (farthest <= MAX_REACH_KM)
    grouped: dict[int, list] = {}
    for part, row in zip(parts[keep], rows[keep], strict=True):
        grouped.setdefault(int(row), []).append(part)
    return {row: shapely.union_all(members) if len(members) > 1 else members[0] for row, members in grouped.items()}


def nearest_coasts(
    geometry: BaseGeometry,
    countries: gpd.GeoDataFrame,
    codes: Iterable[str] | None = None,
    *,
    max_km: float | None = NEARBY_KM,
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

    Returns
    -------
    list of CoastDistance
        One per country (its nearest entity when Natural Earth splits it, e.g. Australia and
        Ashmore and Cartier Is.), nearest first.
    """
    if geometry is None or geometry.is_empty:
        return []
    if codes is not None:
        countries = countries[countries["iso_a3"].isin(set(codes))]
    if countries.empty:
        return []
    best: dict[str, CoastDistance] = {}
    candidates = _candidate_parts(geometry, countries, max_km)
    for row, land in candidates.items():
        iso3, name = countries["iso_a3"].iloc[row], countries["name"].iloc[row]
        km, _, point = geodesic_distance_km(geometry, land)
        if max_km is not None and km > max_km:
            continue
        key = iso3 or name
        if key not in best or km < best[key].km:
            best[key] = CoastDistance(iso3, name, km, point)
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


def regions_containing(geometry: BaseGeometry, regions: gpd.GeoDataFrame) -> list[RegionShare]:
    """Return the known regions a shape lies in or overlaps, with the share of the shape in each.

    Parameters
    ----------
    geometry : shapely geometry
        In EPSG:4326, any longitude frame: it is compared with each region as drawn and
        shifted by ±360°, so a shape at -170° meets the Bering Sea kept at 190°.
    regions : geopandas.GeoDataFrame
        Regions with ``region_id``, ``name`` and geometry in EPSG:4326.

    Returns
    -------
    list of RegionShare
        Regions holding at least :data:`MIN_SHARE` of the shape, largest share first.
    """
    if geometry is None or geometry.is_empty or regions.empty:
        return []
    whole = _measure(geometry)
    if whole == 0.0:
        return []
    dimension = shapely.get_dimensions(geometry)
    shares = []
    for region_id, name, region in zip(regions["region_id"], regions["name"], regions.geometry, strict=True):
        inside = 0.0
        for offset in (-360.0, 0.0, 360.0):
            moved = _shifted(geometry, offset)
            if moved.intersects(region):
                part = moved.intersection(region)
                kept = [p for p in shapely.get_parts(part) if shapely.get_dimensions(p) == dimension]
                inside += _measure(shapely.union_all(kept)) if kept else 0.0
        if inside / whole >= MIN_SHARE:
            shares.append(RegionShare(str(region_id), str(name), min(inside / whole, 1.0)))
    return sorted(shares, key=lambda item: (-item.share, item.region_id))
