"""Geometry helpers shared by the region build and the app: equal-area measurement."""

from __future__ import annotations

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

KM2_PER_M2 = 1e-6
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
