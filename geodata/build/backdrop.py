"""The light world land layer (geodata/land.geojson) used as an offline coastline backdrop."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from geodata.geometry import PACIFIC_BAND

BACKDROP_SIMPLIFY_DEG = 0.03
BACKDROP_DECIMALS = 3
# Land in this longitude band is also drawn shifted by +360° (clipped at the
# band's east edge), so the coast shows around regions kept in the 0..360
# Pacific frame (Bering, Chukchi) and the map has no bare edge east of them: the
# Americas west of 50° W, Chukotka east of 180°, Wrangel Island.
PACIFIC_COPY_WEST, PACIFIC_COPY_EAST = PACIFIC_BAND
MIN_AREA_DEG2 = 0.002


def backdrop_land(polygons: list[Polygon]) -> MultiPolygon:
    """Return the simplified world land for the backdrop layer.

    Parameters
    ----------
    polygons : list of shapely.geometry.Polygon
        Repaired land (world-atlas land-50m) in EPSG:4326, -180..180.

    Returns
    -------
    shapely.geometry.MultiPolygon
        Land simplified at ``BACKDROP_SIMPLIFY_DEG``, tiny islets dropped,
        plus a +360° copy of the land in the ``PACIFIC_COPY_*`` band; pieces
        that meet at 180° (Chukotka, Wrangel Island) are merged.
    """
    band = box(PACIFIC_COPY_WEST, -90.0, PACIFIC_COPY_EAST, 90.0)
    copies = [
        shapely.transform(p.intersection(band), lambda c: c + [360.0, 0.0])
        for p in polygons
        if p.intersects(band)
    ]
    merged = shapely.union_all(np.asarray(polygons + copies, dtype=object))
    parts = shapely.get_parts(merged)
    parts = parts[shapely.area(parts) >= MIN_AREA_DEG2]
    simplified = shapely.simplify(parts, BACKDROP_SIMPLIFY_DEG, preserve_topology=True)
    snapped = shapely.set_precision(simplified, 10.0**-BACKDROP_DECIMALS)
    keep = [p for g in snapped for p in shapely.get_parts(g) if isinstance(p, Polygon) and not p.is_empty]
    return MultiPolygon(keep)
