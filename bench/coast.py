"""Coast fidelity: how far each sea's outline as drawn at zoom 10 strays from the Natural Earth 10m coast.

Issue 17's target: the Hausdorff distance between each sea's drawn outline at zoom 10 and the
Natural Earth 10m coast is at most 200 m. Measured here, per sea region of a dataset:

- the *drawn* outline is what the browser draws at zoom 10: the outline level
  :func:`layers.outlines.level_for_zoom` picks for that zoom, as the app encodes it
  (:func:`layers.regions.region_geometries`), decoded again;
- the *coast* is the Natural Earth 10m land of the npm package world-atlas (``land-10m.json``, the
  file the region build cuts the seas from, :mod:`geodata.build.land`), unsimplified;
- only what follows the coast counts, not the open-sea limit lines (IHO S-23 limits, the edges of
  hand-drawn areas). The full-resolution region (``regions.geojson``) is cut from land simplified
  for the build (:func:`geodata.build.land.simplify_land`), so its coast-following edges lie on
  that simplified coast and the rest of its boundary is open sea (:func:`coast_hausdorff`);
- the distance is the larger of the two directed Hausdorff distances (drawn outline → coast, the
  coast it follows → drawn outline), in metres in an azimuthal equidistant projection centred on
  each region, points every 20 m (:func:`directed_hausdorff`). Both directions are taken against
  the whole other line, not a clipped part of it, so the cuts where a limit line meets the coast
  add nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polyline
import pyproj
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

COAST_TARGET_M = 200.0
"""Issue 17: each sea's outline at zoom 10 within 200 m of the Natural Earth 10m coast."""
ZOOM = 10
ON_SIMPLIFIED_COAST_M = 25.0
"""A full-resolution region edge within this of the build's simplified land follows the coast
(the region is written on a 0.0001° grid, about 11 m)."""
NEAR_OPEN_LINE_M = 500.0
"""Drawn outline within this of an open-sea line is that line (simplified, then snapped: the Bering
Sea's drawn Aleutian limit lies 286 m off the full one where it crosses 180°)."""
NEAR_COAST_EDGE_M = 150.0
"""Natural Earth coast within this of a region's coast-following edge is the coast it follows (the
build's land is simplified by 0.001°, at most about 110 m, then written on a 0.0001° grid)."""
CORE_FROM_OPEN_M = 750.0
"""Coast-following edges closer than this to an open-sea line do not choose the coast compared."""
DENSIFY_M = 20.0
"""Points compared along each line at least every 20 m."""
MARGIN_DEG = 0.5


@dataclass(frozen=True)
class CoastDistance:
    """One region's coast fidelity: the Hausdorff distance and the lengths compared."""

    region_id: str
    hausdorff_m: float
    outline_to_coast_m: float
    """The drawn outline's coast part → the coast: an outline that cuts across land or water."""
    drawn_coast_km: float
    coast_km: float


def decode_outline(encoded: dict) -> Polygon | MultiPolygon:
    """Decode an encoded outline (:func:`layers.outlines.encode_polygons`) into a shapely geometry."""
    def rings(texts: list[str]) -> Polygon:
        coords = [polyline.decode(text, encoded["p"], geojson=True) for text in texts]
        return Polygon(coords[0], coords[1:])

    if encoded["type"] == "Polygon":
        return rings(encoded["e"])
    return MultiPolygon([rings(part) for part in encoded["e"]])


def local_projection(geometry) -> pyproj.Transformer:
    """Return a transformer from lon/lat degrees to metres, azimuthal equidistant, centred on ``geometry``."""
    centre = geometry.envelope.centroid
    crs = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={centre.y:.6f} +lon_0={centre.x:.6f} +datum=WGS84 +units=m")
    return pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def project(geometry, transformer: pyproj.Transformer):
    """Project a lon/lat geometry with ``transformer``."""
    return shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def _segments(lines) -> np.ndarray:
    """Every segment of a (multi)line or polygon boundary as its own two-point LineString."""
    if lines.geom_type.endswith("Polygon"):
        lines = lines.boundary
    coords, index = shapely.get_coordinates(shapely.get_parts(lines), return_index=True)
    same = index[:-1] == index[1:]
    return shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))


def directed_hausdorff(source, target, step: float) -> float:
    """Largest distance from a point of ``source`` (a vertex every ``step`` or closer) to ``target``.

    The discrete directed Hausdorff distance, as :func:`shapely.hausdorff_distance` computes each
    of its two directions with ``densify``, but over an index of the target's segments
    (:class:`shapely.STRtree`): GEOS compares every point with every segment, minutes for a
    Mediterranean coast.
    """
    points = shapely.points(shapely.get_coordinates(shapely.segmentize(source, step)))
    if len(points) == 0:
        return float("nan")
    _, distances = shapely.STRtree(_segments(target)).query_nearest(points, return_distance=True)
    return float(distances.max())


def coast_hausdorff(drawn, full, coast, simplified_coast, *,
                    step: float = DENSIFY_M) -> tuple[float, float, float, float]:
    """Hausdorff distance between a drawn outline and the coast, over the parts that follow the coast.

    Every input is in one metric projection (metres). Two directions: every point of the drawn
    outline away from the open-sea lines to the nearest coast (an outline that cuts across a
    peninsula), and every point of the coast the region follows to the nearest drawn outline (a
    bay the outline leaves out). The coast it follows is the coastline within
    :data:`NEAR_COAST_EDGE_M` of the full-resolution region's coast-following edges, those
    edges taken at least :data:`CORE_FROM_OPEN_M` from an open-sea line, so that coast running
    away from the region beyond the end of a limit line is not counted. That direction can
    therefore show at most about :data:`NEAR_COAST_EDGE_M` (coast farther from the region, such as
    a lagoon the build's simplified land closes, is not coast the region follows); the other
    direction has no such bound.

    Parameters
    ----------
    drawn : Polygon or MultiPolygon
        The region as drawn (simplified).
    full : Polygon or MultiPolygon
        The region at full resolution, cut from ``simplified_coast``.
    coast : Polygon or MultiPolygon
        The true land near the region.
    simplified_coast : Polygon or MultiPolygon
        The land the region was cut from.
    step : float
        Longest distance between the points compared along a line.

    Returns
    -------
    tuple of float
        The distance, the outline → coast direction alone, the length of the drawn outline's coast
        part and of the coast's, in metres; ``(nan, nan, 0, 0)`` when the region follows no coast.
    """
    full_edge = full.boundary
    on_coast = shapely.intersection(full_edge, shapely.buffer(simplified_coast.boundary, ON_SIMPLIFIED_COAST_M))
    open_sea = shapely.difference(full_edge, shapely.buffer(on_coast, 1.0))
    drawn_part = shapely.difference(drawn.boundary, shapely.buffer(open_sea, NEAR_OPEN_LINE_M))
    core = shapely.difference(on_coast, shapely.buffer(open_sea, CORE_FROM_OPEN_M))
    coast_part = shapely.intersection(coast.boundary, shapely.buffer(core, NEAR_COAST_EDGE_M))
    if drawn_part.is_empty or coast_part.is_empty:
        return float("nan"), float("nan"), 0.0, 0.0
    outline_to_coast = directed_hausdorff(drawn_part, coast, step)
    distance = max(outline_to_coast, directed_hausdorff(coast_part, drawn.boundary, step))
    return distance, outline_to_coast, float(drawn_part.length), float(coast_part.length)


def _near(land: shapely.STRtree, bounds: tuple[float, float, float, float]) -> list[Polygon]:
    """Land polygons (-180..180, indexed) within ``bounds`` (possibly in the 0..360 Pacific frame), in its frame."""
    west, south, east, north = bounds
    found = []
    for shift in (0.0, 360.0, -360.0):
        window = box(west - shift - MARGIN_DEG, south - MARGIN_DEG, east - shift + MARGIN_DEG, north + MARGIN_DEG)
        for piece in shapely.intersection(land.geometries[land.query(window)], window):
            found.append(shapely.transform(piece, lambda c, s=shift: c + [s, 0.0]) if shift else piece)
    return [p for p in found if not p.is_empty]


def sea_region_ids(regions) -> list[str]:
    """Region ids of the seas and sea areas: every region but the land sites of the build."""
    from geodata.build.regions import SITES

    sites = {site.region_id for site in SITES}
    return [rid for rid in regions["region_id"] if rid not in sites]


def coast_fidelity(data_dir: Path, zoom: int = ZOOM) -> dict:
    """Measure every sea region of ``data_dir`` against the Natural Earth 10m coast.

    Returns
    -------
    dict
        ``coast_hausdorff_max_m``, ``coast_worst_region``, ``coast_outline_to_coast_max_m`` and
        ``coast_outline_to_coast_worst_region`` (the direction outline → coast alone), ``coast_regions`` (how many were
        measured) and ``coast_by_region`` (``{region_id: metres}``).
    """
    from geodata.build.land import ensure_world_atlas, read_land, simplify_land
    from geodata.loaders import load_dataset
    from layers.outlines import level_for_zoom
    from layers.regions import region_geometries

    dataset = load_dataset(data_dir)
    regions = dataset.regions.set_index("region_id")
    drawn_level = region_geometries(dataset.regions).outlines(level_for_zoom(zoom))
    land = read_land(ensure_world_atlas() / "land-10m.json")
    simplified_land = shapely.STRtree(simplify_land(land))  # as the build simplifies it: whole polygons, then cut
    land = shapely.STRtree(land)
    results = []
    for region_id in sea_region_ids(dataset.regions):
        if drawn_level.get(region_id) is None:
            continue
        full = regions.geometry[region_id]
        near = _near(land, full.bounds)
        if not near:
            continue
        transformer = local_projection(full)
        coast = shapely.union_all(near)
        simplified = shapely.union_all(_near(simplified_land, full.bounds))
        distance, outline_to_coast, drawn_m, coast_m = coast_hausdorff(
            project(decode_outline(drawn_level[region_id]), transformer), project(full, transformer),
            project(coast, transformer), project(simplified, transformer))
        if not np.isnan(distance):
            results.append(CoastDistance(region_id, distance, outline_to_coast, drawn_m / 1000, coast_m / 1000))
    worst = max(results, key=lambda result: result.hausdorff_m)
    outline_worst = max(results, key=lambda result: result.outline_to_coast_m)
    return {
        "coast_hausdorff_max_m": worst.hausdorff_m,
        "coast_worst_region": worst.region_id,
        "coast_outline_to_coast_max_m": outline_worst.outline_to_coast_m,
        "coast_outline_to_coast_worst_region": outline_worst.region_id,
        "coast_regions": len(results),
        "coast_by_region": {result.region_id: round(result.hausdorff_m, 1) for result in results},
    }


if __name__ == "__main__":
    import json

    from geodata.schema import DATA_DIR

    print(json.dumps(coast_fidelity(DATA_DIR), indent=1))
