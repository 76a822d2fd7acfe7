"""Geometry helpers shared by the region build and the app: equal-area measurement, the antimeridian."""

from __future__ import annotations

import io
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pyogrio
import pyproj
import shapely
from shapely.geometry import LineString, Point
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
