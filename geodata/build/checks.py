"""Build gates: validity, piece count, area against published figures, neighbour overlap."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

import shapely
from shapely.geometry.base import BaseGeometry

from geodata.build.spec import RegionSpec
from geodata.geometry import area_km2

# Neighbouring seas share edges exactly (land simplified once, same cut lines),
# so anything above a rounding-level overlap is a build error.
MAX_OVERLAP_KM2 = 1.0


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


def check_regions(
    specs: Sequence[RegionSpec], geometries: Mapping[str, BaseGeometry], areas: Mapping[str, float]
) -> None:
    """Run every gate and raise if any region fails.

    Parameters
    ----------
    specs : sequence of RegionSpec
        The regions built.
    geometries : mapping of str to shapely geometry
        Built polygons in EPSG:4326 keyed by ``region_id``.
    areas : mapping of str to float
        Computed areas in km² keyed by ``region_id``.

    Raises
    ------
    BuildCheckError
        Listing every failed gate, one line each.
    """
    problems: list[str] = []
    for spec in specs:
        problems.extend(geometry_problems(spec, geometries[spec.region_id]))
        drift = area_problem(spec, areas[spec.region_id])
        if drift:
            problems.append(drift)
    problems.extend(overlap_problems(specs, geometries))
    problems.extend(nesting_problems(specs, geometries))
    if problems:
        raise BuildCheckError("region build failed its checks:\n  " + "\n  ".join(problems))
