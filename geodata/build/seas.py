"""Cut one region out of the land: envelope − land − limit lines, keep the seeded water."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points
from shapely.strtree import STRtree

from geodata.build.spec import ChainLimit, Cut, CutLine, RegionSpec

# Guide §3: cut-line ends are anchored only on land of at least this size (deg²),
# never on a rock or islet, or the seas leak around the islet.
BIG_LAND_DEG2 = 0.01
# Islands larger than this (deg²) are anchors (Hokkaido, Kamchatka), not chain members.
CHAIN_ISLAND_MAX_DEG2 = 5.0
# An end snapped onto the coast is pushed this far (deg) into the land, so the
# thin cutter fully crosses the water.
INLAND_PUSH_DEG = 0.002
ANCHOR_SEARCH_DEG = 0.1
CUTTER_HALF_WIDTH_DEG = 1e-6
ENVELOPE_MARGIN_DEG = 1.0
OUTPUT_GRID_DEG = 1e-4


class RegionBuildError(RuntimeError):
    """Raised when a region cannot be cut (seed on land, anchor not found...)."""


@dataclass(frozen=True)
class LandIndex:
    """Land polygons in one longitude frame, with spatial indexes.

    Attributes
    ----------
    polygons : numpy.ndarray of shapely.geometry.Polygon
        All land, EPSG:4326 coordinates in this frame.
    tree : shapely.strtree.STRtree
        Index over ``polygons``.
    big : numpy.ndarray of shapely.geometry.Polygon
        Polygons of at least ``BIG_LAND_DEG2``, the only valid anchors.
    big_tree : shapely.strtree.STRtree
        Index over ``big``.
    """

    polygons: np.ndarray
    tree: STRtree
    big: np.ndarray
    big_tree: STRtree


def land_index(polygons: list[Polygon], pacific_frame: bool = False) -> LandIndex:
    """Index land polygons, optionally in the 0..360 "Pacific frame".

    Parameters
    ----------
    polygons : list of shapely.geometry.Polygon
        Land in EPSG:4326, longitudes in -180..180.
    pacific_frame : bool
        Shift polygons lying wholly west of 0° by +360° (guide §3 step 2).

    Returns
    -------
    LandIndex
    """
    if pacific_frame:
        polygons = [
            shapely.transform(p, lambda c: c + [360.0, 0.0]) if p.bounds[2] <= 0.0 else p
            for p in polygons
        ]
    arr = np.asarray(polygons, dtype=object)
    big = arr[shapely.area(arr) >= BIG_LAND_DEG2]
    return LandIndex(arr, STRtree(arr), big, STRtree(big))


def _anchor(point: tuple[float, float], land: LandIndex) -> tuple[Point, Point]:
    """Return (coast point, inland point) for a cut-line end on big land.

    The inland point lies at least ``INLAND_PUSH_DEG`` inside the land, found
    on the locally shrunken polygon, so that thin capes cannot let it fall
    through into the water on the other side.
    """
    p = Point(point)
    poly = land.big[land.big_tree.nearest(p)]
    if poly.contains(p):
        return p, p
    coast = nearest_points(poly.exterior, p)[0]
    local = poly.intersection(coast.buffer(ANCHOR_SEARCH_DEG))
    core = local.buffer(-INLAND_PUSH_DEG)
    if core.is_empty:
        raise RegionBuildError(f"anchor {point}: no land {INLAND_PUSH_DEG}° deep near {coast.wkt}")
    return coast, nearest_points(core, coast)[0]


def cut_line_geometry(cut: Cut, land: LandIndex) -> LineString:
    """Return the limit line with both ends anchored inside large land.

    Parameters
    ----------
    cut : CutLine or ChainLimit
        The limit definition.
    land : LandIndex
        Land in the frame the region is built in.

    Returns
    -------
    shapely.geometry.LineString
        The line in lon/lat; its ends lie just inside big land polygons.

    Raises
    ------
    RegionBuildError
        If a chain limit's end is not on the convex hull of the chain.
    """
    if isinstance(cut, CutLine):
        start_coast, start_inland = _anchor(cut.points[0], land)
        end_coast, end_inland = _anchor(cut.points[-1], land)
        coords = [start_inland, start_coast, *map(Point, cut.points[1:-1]), end_coast, end_inland]
        return LineString(_dedupe([c.coords[0] for c in coords]))
    return _chain_line(cut, land)


def _chain_line(cut: ChainLimit, land: LandIndex) -> LineString:
    """Trace a chain limit along the ocean side of the chain's convex hull.

    The hull is taken over the chain's islands only. The line runs from the
    start anchor to the hull vertex nearest it, along the hull arc farther
    from ``cut.inner`` to the vertex nearest the end anchor, and on to it.
    Segments between islands may cross small islets; only water matters.
    """
    selector = Polygon(cut.selector)
    candidates = land.polygons[land.tree.query(selector)]
    islands = [
        p for p in candidates
        if p.area < CHAIN_ISLAND_MAX_DEG2 and selector.contains(p.representative_point())
    ]
    if not islands:
        raise RegionBuildError(f"{cut.name}: no islands inside the chain selector")
    start_coast, start_inland = _anchor(cut.start, land)
    end_coast, end_inland = _anchor(cut.end, land)
    ring = np.asarray(MultiPolygon(islands).convex_hull.exterior.coords)[:-1]
    i = _nearest_vertex(ring, start_coast)
    j = _nearest_vertex(ring, end_coast)
    ring = np.roll(ring, -i, axis=0)
    j = (j - i) % len(ring)
    arc_a = ring[: j + 1]
    arc_b = np.vstack([ring[j:], ring[:1]])[::-1]
    # The inner-side arc of a curved chain is a short chord passing close to
    # the sea; the ocean-side arc is the one farther from the inner point.
    inner = Point(cut.inner)
    arc = arc_a if LineString(arc_a).distance(inner) > LineString(arc_b).distance(inner) else arc_b
    coords = [start_inland.coords[0], start_coast.coords[0], *map(tuple, arc.tolist()),
              end_coast.coords[0], end_inland.coords[0]]
    return LineString(_dedupe(coords))


def _dedupe(coords: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop consecutive repeated vertices (an anchor given inside land is its own coast point)."""
    return [c for k, c in enumerate(coords) if k == 0 or c != coords[k - 1]]


def _nearest_vertex(ring: np.ndarray, point: Point) -> int:
    """Index of the ring vertex nearest to ``point``."""
    return int(np.argmin(np.hypot(ring[:, 0] - point.x, ring[:, 1] - point.y)))


def build_region(spec: RegionSpec, land: LandIndex) -> BaseGeometry:
    """Cut one region: envelope minus land minus limit lines, seeded pieces kept.

    Parameters
    ----------
    spec : RegionSpec
        Region definition.
    land : LandIndex
        Simplified land in the region's frame (``spec.pacific_frame``).

    Returns
    -------
    shapely.geometry.Polygon or shapely.geometry.MultiPolygon
        The region in EPSG:4326 (0..360 frame if ``spec.pacific_frame``),
        snapped to a 1e-4° grid and valid.

    Raises
    ------
    RegionBuildError
        If a seed lies on land or outside the envelope.
    """
    envelope = Polygon(spec.envelope)
    near = land.polygons[land.tree.query(envelope.buffer(ENVELOPE_MARGIN_DEG))]
    local_land = shapely.union_all(near)
    cutters = shapely.union_all(
        [
            cut_line_geometry(cut, land).buffer(CUTTER_HALF_WIDTH_DEG, cap_style="flat")
            for cut in spec.cuts
        ]
    )
    water = envelope.difference(local_land).difference(cutters)
    pieces = shapely.get_parts(water)
    keep = []
    for seed in spec.seeds:
        hits = [p for p in pieces if p.contains(Point(seed))]
        if not hits:
            raise RegionBuildError(f"{spec.region_id}: seed {seed} is not in the region's water")
        keep.extend(hits)
    region = shapely.union_all(keep)
    region = shapely.set_precision(region, OUTPUT_GRID_DEG)
    polygons = [p for p in shapely.get_parts(region) if isinstance(p, Polygon)]
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
