"""Geometry helpers shared by the region build and the app: areas, the antimeridian, geodesic shapes.

The geodesic shapes (:func:`geodesic_circle`, :func:`geodesic_sector`, :func:`geodesic_corridor`)
are computed with :class:`pyproj.Geod` on the WGS 84 ellipsoid: every vertex lies at the true
geodesic distance and azimuth from the point it is built around. This module owns them; the
region build (``geodata.build.sites``), the notice reader and the app's measures use them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pyogrio
import pyproj
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

KM2_PER_M2 = 1e-6
PACIFIC_BAND = (-180.0, -50.0)
"""Longitudes drawn east of 180° (+360°) on the map: Chukotka east of 180°, the Bering and Chukchi
Seas' eastern halves, Alaska and the Americas. Leaflet does not wrap vector layers, so a shape
that crosses 180° is drawn as one piece only in this 0..360° "Pacific frame"."""
SEAM_TOLERANCE_DEG = 1e-3
"""How far (degrees) a vertex on 180° may lie off the straight line through its neighbours and
still be taken for the point where a route was cut at the antimeridian (files keep 3 decimals)."""
# Long straight lon/lat edges (hand-drawn boxes) are densified before projecting,
# so that the projected polygon follows the lon/lat edge rather than its chord.
DENSIFY_DEG = 0.25
MAX_AREA_DENSIFIED = 50_000
CIRCLE_SEGMENTS = 128
"""Vertices of a circle: the chord between two of them stays within 0.03 % of the radius, and
the polygon's area within 0.05 % of the true circle's."""
JOIN_SEGMENTS = 64
"""Vertices of the round joins and ends of a corridor."""
CORRIDOR_STEP_KM = 10.0
"""Spacing of the offset points along each leg of a corridor."""
MAX_CORRIDOR_STEPS = 2_000
"""At most this many offset points on all the legs of a corridor together."""
WGS84 = pyproj.Geod(ellps="WGS84")

"""At most this many vertices are added when densifying for :func:`area_km2`: the step grows
with the outline's length past ``DENSIFY_DEG * MAX_AREA_DENSIFIED`` = 12,500° (a few times the
longest region outline), so a shape of long zigzag edges costs bounded time and memory."""


def densified(geometry: BaseGeometry, step: float, max_added: int) -> BaseGeometry:
    """Split the edges of a lon/lat geometry every ``step`` degrees, adding at most ``max_added`` vertices.

    Parameters
    ----------
    geometry : shapely.geometry.base.BaseGeometry
        Any geometry.
    step : float
        Wanted edge length in degrees; longer edges are split.
    max_added : int
        Bound on the vertices added: past a total length of ``step * max_added`` degrees the
        step grows to ``length / max_added``, so the output has at most the input's vertices
        plus ``max_added`` (``shapely.segmentize`` splits an edge of length ``l`` into
        ``ceil(l / step)`` pieces).

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        The densified geometry; unchanged if its length is not finite.
    """
    length = float(shapely.length(geometry))
    if not np.isfinite(length) or length <= 0.0:
        return geometry
    return shapely.segmentize(geometry, max(step, length / max_added))


def laea_crs(lon: float, lat: float) -> pyproj.CRS:
    """Return a Lambert azimuthal equal-area CRS centred on a point.

    Parameters
    ----------
    lon, lat : float
        Centre in degrees. ``lon`` may lie outside -180..180 (e.g. 190 in the
        0..360 "Pacific frame"); PROJ normalises it.

    Returns
    -------
    pyproj.CRS
        A metre-based LAEA CRS on the WGS 84 ellipsoid.
    """
    return pyproj.CRS.from_proj4(
        f"+proj=laea +lat_0={lat:.6f} +lon_0={lon:.6f} +datum=WGS84 +units=m +no_defs"
    )


def area_km2(geometry: BaseGeometry) -> float:
    """Return the area of a lon/lat geometry in square kilometres.

    The geometry is projected into a Lambert azimuthal equal-area CRS centred
    on its representative point, so the figure is accurate for regional shapes
    (seas, gulfs) anywhere on the globe. A global equal-area CRS is not used:
    it fails on geometries drawn in the 0..360 "Pacific frame" that Leaflet
    needs for seas crossing the antimeridian.

    Parameters
    ----------
    geometry : shapely.geometry.base.BaseGeometry
        Polygon or MultiPolygon in EPSG:4326 axis order (lon, lat). Longitudes
        may run beyond 180 (0..360 frame) as long as the shape itself is
        continuous in that frame.

    Returns
    -------
    float
        Area in km². ``0.0`` for empty geometries.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> round(area_km2(box(0, 0, 1, 1)))
    12308
    """
    if geometry.is_empty:
        return 0.0
    centre = geometry.representative_point()
    transformer = pyproj.Transformer.from_crs(
        "EPSG:4326", laea_crs(centre.x, centre.y), always_xy=True
    )
    dense = densified(geometry, DENSIFY_DEG, MAX_AREA_DENSIFIED)
    projected = shapely.transform(dense, transformer.transform, interleaved=False)
    return float(projected.area) * KM2_PER_M2


def rfc7946_geometries(geometries: Sequence[BaseGeometry]) -> list[BaseGeometry]:
    """Cut shapes at the antimeridian and bring every piece into longitudes -180..180 (RFC 7946, 3.1.9).

    The cut is GDAL's: the shapes beyond ±180° are written by its GeoJSON driver with
    ``RFC7946=YES`` and read back. (The ``antimeridian`` package was tried first: version 0.4.9
    keeps only one hole per cut polygon, which dropped 75 of the Bering Sea's 77 islands.)

    Parameters
    ----------
    geometries : sequence of shapely geometry
        Polygonal or linear, EPSG:4326, possibly in the 0..360° Pacific frame (or below -180°).

    Returns
    -------
    list of shapely geometry
        In input order. A shape already within -180..180 is returned as it is; the others
        become MultiPolygons or MultiLineStrings whose parts meet at ±180° (a shape lying
        wholly beyond 180° is only shifted by 360°).
    """
    out = list(geometries)
    beyond = [i for i, g in enumerate(out) if not g.is_empty and not _within_world(g)]
    if not beyond:
        return out
    buffer = io.BytesIO()
    frame = gpd.GeoDataFrame(geometry=[out[i] for i in beyond], crs="EPSG:4326")
    frame.to_file(buffer, driver="GeoJSON", engine="pyogrio",
                  layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": "15", "WRITE_BBOX": "NO"})
    cut = pyogrio.read_dataframe(io.BytesIO(buffer.getvalue())).geometry
    for index, geometry in zip(beyond, cut, strict=True):
        out[index] = _without_empty_parts(geometry)
    return out


def _without_empty_parts(geometry: BaseGeometry) -> BaseGeometry:
    """Drop the empty parts GDAL's cut can leave (a sliver on 180° of zero width)."""
    parts = shapely.get_parts(geometry)
    kept = parts[~shapely.is_empty(parts)]
    if len(kept) == len(parts):
        return geometry
    return shapely.multipolygons(kept) if shapely.get_dimensions(geometry) == 2 else shapely.multilinestrings(kept)


def rfc7946_geometry(geometry: BaseGeometry) -> BaseGeometry:
    """Return one shape cut at the antimeridian (see :func:`rfc7946_geometries`)."""
    return rfc7946_geometries([geometry])[0]


def _within_world(geometry: BaseGeometry) -> bool:
    west, _, east, _ = geometry.bounds
    return -180.0 <= west and east <= 180.0


def pacific_frame(geometry: BaseGeometry) -> BaseGeometry:
    """Return a shape as the map draws it: parts in :data:`PACIFIC_BAND` moved east of 180° and joined.

    The inverse of :func:`rfc7946_geometry` for the shapes of this dataset: a sea cut at 180°
    becomes one polygon again, a route cut there one line (the vertex the cut added on 180°
    is removed), so Leaflet draws them across the antimeridian without a gap.

    Parameters
    ----------
    geometry : shapely geometry
        Polygonal or linear, EPSG:4326, longitudes -180..180 (RFC 7946).

    Returns
    -------
    shapely geometry
        The same shape, unchanged when no part lies in the band. A part counts as in the
        band when its bounds lie within it; polygons meeting at 180° are merged into one,
        lines meeting there are joined in their order.
    """
    parts = shapely.get_parts(geometry)
    west, east = PACIFIC_BAND
    bounds = shapely.bounds(parts)
    moved = (bounds[:, 0] >= west) & (bounds[:, 2] <= east)
    if geometry.is_empty or not moved.any():
        return geometry
    parts = np.where(moved, shapely.transform(parts, lambda c: c + [360.0, 0.0]), parts)
    if shapely.get_dimensions(geometry) == 2:
        merged = shapely.union_all(parts)
        return shapely.orient_polygons(merged) if merged.geom_type != "GeometryCollection" else geometry
    lines = shapely.line_merge(shapely.MultiLineString(list(parts)), directed=True)
    if lines.geom_type == "LineString":
        return _without_seam_vertices(lines)
    return shapely.MultiLineString([_without_seam_vertices(line) for line in lines.geoms])


def _without_seam_vertices(line: LineString) -> LineString:
    """Drop inner vertices on 180° that lie on the straight line through their neighbours."""
    coords = shapely.get_coordinates(line)
    keep = [
        k for k in range(len(coords))
        if k in (0, len(coords) - 1)
        or abs(coords[k, 0] - 180.0) > 1e-9
        or LineString([coords[k - 1], coords[k + 1]]).distance(Point(coords[k])) > SEAM_TOLERANCE_DEG
    ]
    return line if len(keep) == len(coords) else LineString(coords[keep])


def _around(lon: float, lons: np.ndarray) -> np.ndarray:
    """Longitudes made continuous around ``lon`` (within 180° of it), so a shape crossing 180° is one piece."""
    return lon + (np.asarray(lons) - lon + 180.0) % 360.0 - 180.0


def geodesic_circle(lon: float, lat: float, radius_km: float, segments: int = CIRCLE_SEGMENTS) -> Polygon:
    """Return the polygon of all points within ``radius_km`` of a point on the WGS 84 ellipsoid.

    Parameters
    ----------
    lon, lat : float
        Centre in degrees.
    radius_km : float
        Geodesic radius in km.
    segments : int, default :data:`CIRCLE_SEGMENTS`
        Number of vertices (a multiple of 4 puts one due north, east, south and west).

    Returns
    -------
    shapely.geometry.Polygon
        In EPSG:4326 (lon, lat), from due east round through south; longitudes continuous around
        the centre's (above 180 when the circle crosses 180° east of a centre in the Pacific,
        below -180 west of it).

    Examples
    --------
    >>> round(area_km2(geodesic_circle(131.75, 42.5, 10.0)) / (np.pi * 100), 3)
    1.0
    """
    azimuths = 90.0 + 360.0 * np.arange(segments) / segments
    lons, lats, _ = WGS84.fwd(
        np.full(segments, float(lon)), np.full(segments, float(lat)), azimuths, np.full(segments, radius_km * 1000.0)
    )
    return Polygon(np.column_stack([_around(lon, lons), lats]))


def geodesic_sector(
    lon: float, lat: float, radius_km: float, bearing_from: float, bearing_to: float, segments: int = CIRCLE_SEGMENTS
) -> Polygon:
    """Return the sector of a geodesic circle between two true bearings, clockwise from the first.

    Parameters
    ----------
    lon, lat : float
        Apex in degrees.
    radius_km : float
        Geodesic radius in km.
    bearing_from, bearing_to : float
        True bearings in degrees from the apex; the sector runs clockwise from ``bearing_from``
        to ``bearing_to`` (090° to 186° is the 96° from east round to just west of south).
    segments : int, default :data:`CIRCLE_SEGMENTS`
        Vertices of a full circle; the arc has a proportional share, at least 2.

    Returns
    -------
    shapely.geometry.Polygon
        Apex, arc, apex; in EPSG:4326 with longitudes continuous around the apex's. Its area
        is (bearing_to - bearing_from) / 360 of the circle's.
    """
    sweep = (bearing_to - bearing_from) % 360.0 or 360.0
    count = max(2, int(np.ceil(segments * sweep / 360.0)) + 1)
    azimuths = bearing_from + sweep * np.arange(count) / (count - 1)
    lons, lats, _ = WGS84.fwd(
        np.full(count, float(lon)), np.full(count, float(lat)), azimuths, np.full(count, radius_km * 1000.0)
    )
    arc = np.column_stack([_around(lon, lons), lats])
    if sweep >= 360.0:
        return Polygon(arc[:-1])
    return Polygon([(lon, lat), *map(tuple, arc)])


def geodesic_corridor(points: list[tuple[float, float]], half_width_km: float) -> BaseGeometry:
    """Return every point within ``half_width_km`` of a track of geodesic legs (a buffer with round ends).

    Each leg is split into pieces of about :data:`CORRIDOR_STEP_KM` along the geodesic; at every
    split point the two edges of the corridor are found :func:`pyproj.Geod.fwd` at right
    angles to the leg, and the joins and ends are geodesic circles. The union of the legs' strips
    and the circles is the corridor.

    Parameters
    ----------
    points : list of (lon, lat)
        The track, in order; at least two distinct points. Longitudes may run past 180.
    half_width_km : float
        Distance from the track to each edge.

    Returns
    -------
    shapely geometry
        A Polygon (or MultiPolygon for a track that folds back on itself) in EPSG:4326,
        longitudes continuous around the first point's.
    """
    lon0 = points[0][0]
    total = sum(WGS84.inv(a[0], a[1], b[0], b[1])[2] for a, b in zip(points, points[1:], strict=False)) / 1000.0
    step_km = max(CORRIDOR_STEP_KM, total / MAX_CORRIDOR_STEPS)
    metres = half_width_km * 1000.0
    parts = [geodesic_circle(lon, lat, half_width_km, JOIN_SEGMENTS) for lon, lat in points]
    for (lon1, lat1), (lon2, lat2) in zip(points, points[1:], strict=False):
        forward, _, length = WGS84.inv(lon1, lat1, lon2, lat2)
        if length <= 0.0:
            continue
        count = max(2, int(np.ceil(length / 1000.0 / step_km)) + 1)
        distances = length * np.arange(count) / (count - 1)
        lons, lats, backs = WGS84.fwd(np.full(count, lon1), np.full(count, lat1), np.full(count, forward), distances)
        along = np.asarray(backs) + 180.0  # the track's azimuth at each point
        left = WGS84.fwd(lons, lats, along - 90.0, np.full(count, metres))
        right = WGS84.fwd(lons, lats, along + 90.0, np.full(count, metres))
        ring = [
            *zip(_around(lon0, left[0]), left[1], strict=True),
            *reversed(list(zip(_around(lon0, right[0]), right[1], strict=True))),
        ]
        strip = Polygon(ring)
        parts.append(strip if strip.is_valid else shapely.make_valid(strip))
    parts = [shapely.transform(p, lambda c: np.column_stack([_around(lon0, c[:, 0]), c[:, 1]])) for p in parts]
    return shapely.union_all(parts)

