"""Build gates: validity, piece count, area against published figures, neighbour overlap, site radii."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

from geodata.build.spec import RegionSpec, SiteSpec
from geodata.geometry import area_km2

# Neighbouring seas share edges exactly (land simplified once, same cut lines),
# so anything above a rounding-level overlap is a build error.
MAX_OVERLAP_KM2 = 1.0
RADIUS_TOLERANCE = 0.01
"""Largest relative difference between a circle vertex's geodesic distance and the radius."""

_GEOD = pyproj.Geod(ellps="WGS84")


class BuildCheckError(RuntimeError):
    """Raised when one or more built regions fail the gates; lists every failure."""


def area_problem(spec: RegionSpec, computed_km2: float) -> str | None:
    """Compare a region's area with its published figure.

    Parameters
    ----------
    spec : RegionSpec
        Carries ``published_area_km2`` and ``area_tolerance`` (relative).
    computed_km2 : float
        Area of the built polygon in km².

    Returns
    -------
    str or None
        A message naming the region, computed and published areas and the
        drift, or ``None`` if there is no published figure or it is within
        tolerance.
    """
    published = spec.published_area_km2
    if published is None:
        return None
    drift = computed_km2 / published - 1.0
    if abs(drift) <= spec.area_tolerance:
        return None
    return (
        f"{spec.region_id}: area {computed_km2:,.0f} km² vs published {published:,} km² "
        f"({drift:+.1%}, tolerance ±{spec.area_tolerance:.0%})"
    )


def geometry_problems(spec: RegionSpec, geometry: BaseGeometry) -> list[str]:
    """Return validity and piece-count failures for one region."""
    problems = []
    if geometry.is_empty or not geometry.is_valid:
        problems.append(f"{spec.region_id}: geometry is empty or invalid ({shapely.is_valid_reason(geometry)})")
    pieces = len(shapely.get_parts(geometry))
    if pieces > spec.max_pieces:
        problems.append(f"{spec.region_id}: {pieces} pieces, at most {spec.max_pieces} allowed")
    return problems


def overlap_problems(specs: Sequence[RegionSpec], geometries: Mapping[str, BaseGeometry]) -> list[str]:
    """Return overlaps above ``MAX_OVERLAP_KM2`` between regions not nested in each other.

    A region whose spec names a ``parent`` is expected to lie inside that
    parent; that pair is skipped.
    """
    problems = []
    for a, b in combinations(specs, 2):
        if a.parent == b.region_id or b.parent == a.region_id:
            continue
        ga, gb = geometries[a.region_id], geometries[b.region_id]
        if not ga.intersects(gb):
            continue
        overlap = area_km2(ga.intersection(gb))
        if overlap > MAX_OVERLAP_KM2:
            problems.append(f"{a.region_id} and {b.region_id} overlap by {overlap:,.1f} km²")
    return problems


def nesting_problems(specs: Sequence[RegionSpec], geometries: Mapping[str, BaseGeometry]) -> list[str]:
    """Return regions that stick out of their declared ``parent`` by more than ``MAX_OVERLAP_KM2``."""
    problems = []
    for spec in specs:
        if spec.parent is None or spec.parent not in geometries:
            continue
        outside = area_km2(geometries[spec.region_id].difference(geometries[spec.parent]))
        if outside > MAX_OVERLAP_KM2:
            problems.append(f"{spec.region_id}: {outside:,.1f} km² lies outside its parent {spec.parent}")
    return problems


def radius_problem(spec: SiteSpec, geometry: BaseGeometry) -> str | None:
    """Check that a circle's vertices lie at the radius (inside it, for a clipped circle).

    Parameters
    ----------
    spec : SiteSpec
        A circle site (``centre`` and ``radius_km`` set).
    geometry : shapely geometry
        The built polygon.

    Returns
    -------
    str or None
        A message naming the site and the distances found, or None when they are within
        ``RADIUS_TOLERANCE`` of the radius.
    """
    coords = shapely.get_coordinates(geometry)
    lon, lat = spec.centre
    _, _, metres = _GEOD.inv(np.full(len(coords), lon), np.full(len(coords), lat), coords[:, 0], coords[:, 1])
    ratio = metres / (spec.radius_km * 1000.0)
    high = ratio.max() - 1.0
    low = 0.0 if spec.country else 1.0 - ratio.min()
    if max(high, low) <= RADIUS_TOLERANCE:
        return None
    return (
        f"{spec.region_id}: vertices lie {ratio.min() * spec.radius_km:,.1f}-{ratio.max() * spec.radius_km:,.1f} km "
        f"from the centre; the radius is {spec.radius_km:g} km (tolerance ±{RADIUS_TOLERANCE:.0%})"
    )


def site_problems(spec: SiteSpec, geometry: BaseGeometry) -> list[str]:
    """Return validity and radius failures of one built site."""
    problems = []
    if not spec.precision.strip():
        problems.append(f"{spec.region_id}: precision is empty")
    if geometry.is_empty or not geometry.is_valid:
        problems.append(f"{spec.region_id}: geometry is empty or invalid ({shapely.is_valid_reason(geometry)})")
    elif spec.centre is not None:
        radius = radius_problem(spec, geometry)
        if radius:
            problems.append(radius)
    if not spec.sources:
        problems.append(f"{spec.region_id}: no source names the site")
    return problems


def check_regions(
    specs: Sequence[RegionSpec],
    geometries: Mapping[str, BaseGeometry],
    areas: Mapping[str, float],
    sites: Sequence[SiteSpec] = (),
) -> None:
    """Run every gate and raise if any region fails.

    Seas and sea areas (``specs``) must not overlap each other; land sites (``sites``) may
    overlap anything (a range lies inside its country, a circle may reach the coast).

    Parameters
    ----------
    specs : sequence of RegionSpec
        The sea regions built.
    geometries : mapping of str to shapely geometry
        Built polygons in EPSG:4326 keyed by ``region_id``, seas and sites.
    areas : mapping of str to float
        Computed areas in km² keyed by ``region_id``.
    sites : sequence of SiteSpec
        The land sites built.

    Raises
    ------
    BuildCheckError
        Listing every failed gate, one line each.
    """
    problems: list[str] = []
    counts = Counter(spec.region_id for spec in [*specs, *sites])
    problems.extend(f"{rid}: region_id is used {n} times" for rid, n in counts.items() if n > 1)
    for spec in specs:
        if not spec.precision.strip():
            problems.append(f"{spec.region_id}: precision is empty")
        problems.extend(geometry_problems(spec, geometries[spec.region_id]))
        drift = area_problem(spec, areas[spec.region_id])
        if drift:
            problems.append(drift)
    problems.extend(overlap_problems(specs, geometries))
    problems.extend(nesting_problems(specs, geometries))
    for site in sites:
        problems.extend(site_problems(site, geometries[site.region_id]))
    if problems:
        raise BuildCheckError("region build failed its checks:\n  " + "\n  ".join(problems))
