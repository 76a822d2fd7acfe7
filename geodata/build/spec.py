"""Data types for region definitions: cut lines, island-chain limits, sea specs and land sites."""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class CutLine:
    """A limit line (lon, lat vertices) that separates two water bodies.

    Only the two end points are snapped onto large land; intermediate
    vertices may lie in water or on islands ("through this island").
    ``note`` cites the S-23 wording or says which points are estimates.
    """

    name: str
    points: tuple[Point, ...]
    note: str


@dataclass(frozen=True)
class ChainLimit:
    """A limit running along the ocean side of an island chain.

    The line follows the convex hull of the islands whose representative
    point lies inside ``selector`` (a lon/lat polygon), from ``start`` to
    ``end`` (both snapped onto large land), on the side away from ``inner``.
    """

    name: str
    start: Point
    end: Point
    selector: tuple[Point, ...]
    inner: Point
    note: str


Cut = CutLine | ChainLimit


@dataclass(frozen=True)
class RegionSpec:
    """Everything needed to build and check one region polygon.

    Attributes
    ----------
    region_id, name, kind
        Output properties; ``kind`` is ``"sea"`` or ``"area"``.
    basis
        Short text written to the output, e.g. ``"IHO S-23 (1953) limits"``.
    precision
        How exact the polygon is, in plain words for the reader (written to the output).
    envelope
        Lon/lat polygon around the water; land and cuts are removed from it.
    cuts
        Limit lines separating the region from connected water.
    seeds
        Points in the water pieces to keep.
    sources
        Limit-description URLs (written to ``source`` with the area source).
    published_area_km2, area_source, area_tolerance
        Published figure, its URL, and the allowed relative drift.
    pacific_frame
        Build in the 0..360 longitude frame (regions near the antimeridian).
    parent
        ``region_id`` of a region this one lies inside (overlap expected).
    max_pieces
        Number of polygon parts allowed in the output.
    """

    region_id: str
    name: str
    kind: str
    basis: str
    precision: str
    envelope: tuple[Point, ...]
    seeds: tuple[Point, ...]
    sources: tuple[str, ...]
    cuts: tuple[Cut, ...] = ()
    published_area_km2: int | None = None
    area_source: str | None = None
    area_tolerance: float = 0.05
    pacific_frame: bool = False
    parent: str | None = None
    max_pieces: int = 1


@dataclass(frozen=True)
class SiteSpec:
    """An ``area`` region for an exercise held on land: a geodesic circle or a whole country.

    With ``centre`` and ``radius_km`` the region is the circle of that radius around the
    estimated position, clipped to ``country`` when one is named (a province drawn as a
    circle must not spill into the neighbours). Without them it is the whole ``country``.

    Attributes
    ----------
    region_id, name
        Output properties; the kind is always ``"area"``.
    precision
        How exact the polygon is, in plain words (written to the output).
    sources
        Exercise source URLs that name the site.
    centre
        Estimated (lon, lat) of the site; no source gives coordinates.
    radius_km
        Circle radius, chosen to show the uncertainty of the position.
    country
        Natural Earth admin-0 name (world-atlas ``countries-10m``) to clip the circle to,
        or to draw whole when there is no circle.
    without
        Lon/lat polygon: country parts whose representative point lies inside are left out.
    without_note
        Why those parts are left out (appended to ``basis``).
    pacific_frame
        Write the country in the 0..360 longitude frame (it crosses the antimeridian).
    """

    region_id: str
    name: str
    precision: str
    sources: tuple[str, ...]
    centre: Point | None = None
    radius_km: float | None = None
    country: str | None = None
    without: tuple[Point, ...] = ()
    without_note: str = ""
    pacific_frame: bool = False


def bbox(west: float, south: float, east: float, north: float) -> tuple[Point, ...]:
    """Return the four lon/lat corners of a rectangular envelope."""
    return ((west, south), (east, south), (east, north), (west, north))
