"""Land sites as ``area`` regions: geodesic circles around estimated positions, or whole countries."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pyogrio
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from geodata.build.land import LandError, _valid_polygons, unwrap_polygon
from geodata.build.limits import WORLD_ATLAS_URL
from geodata.build.seas import OUTPUT_GRID_DEG
from geodata.build.spec import SiteSpec
from geodata.geometry import geodesic_circle

COUNTRIES_FILE = "countries-10m.json"
COUNTRIES_LAYER = "countries"
COUNTRY_SIMPLIFY_DEG = 0.05
"""A whole country stands for "somewhere in this country": about 5 km of detail is plenty."""
MIN_COUNTRY_PART_DEG2 = 0.05
"""Islands smaller than this (a few hundred km²) are left out of a whole-country region."""


def _lonlat_text(point: tuple[float, float]) -> str:
    lon, lat = point
    return f"{abs(lon):.2f}°{'E' if lon >= 0 else 'W'} {abs(lat):.2f}°{'N' if lat >= 0 else 'S'}"


def site_basis(spec: SiteSpec) -> str:
    """Describe how a site's polygon is drawn (the ``basis`` property).

    Parameters
    ----------
    spec : SiteSpec
        The site.

    Returns
    -------
    str
        For a circle its radius, centre and projection (and the clipping country); for a
        country the boundary data set and its simplification.
    """
    if spec.centre is not None:
        text = (
            f"geodesic circle of radius {spec.radius_km:g} km around {_lonlat_text(spec.centre)} "
            "(estimated position), built in an azimuthal equidistant projection centred there"
        )
        if spec.country:
            text += f", clipped to {spec.country} (Natural Earth 10m admin-0 via {WORLD_ATLAS_URL})"
        return text
    text = (
        f"Natural Earth 10m admin-0 boundary of {spec.country} via {WORLD_ATLAS_URL}, "
        f"simplified to about {COUNTRY_SIMPLIFY_DEG * 100:.0f} km, islands under "
        f"{MIN_COUNTRY_PART_DEG2:g} deg² left out"
    )
    return f"{text}; {spec.without_note}" if spec.without_note else text


def read_named_countries(path: Path, names: Iterable[str]) -> dict[str, list[Polygon]]:
    """Read named countries from world-atlas ``countries-10m.json``.

    Parameters
    ----------
    path : pathlib.Path
        The TopoJSON file (lon/lat degrees, no CRS given).
    names : iterable of str
        Natural Earth short names (``"Russia"``, ``"China"``).

    Returns
    -------
    dict of str to list of shapely.geometry.Polygon
        Valid polygons within -180..180; rings that cross the antimeridian are split.

    Raises
    ------
    LandError
        If a name is not in the file.
    """
    wanted = set(names)
    if not wanted:
        return {}
    frame = pyogrio.read_dataframe(path, layer=COUNTRIES_LAYER)
    found: dict[str, list[Polygon]] = {}
    for name, geometry in zip(frame["name"], frame.geometry, strict=True):
        if name not in wanted:
            continue
        polygons: list[Polygon] = []
        for part in shapely.get_parts(geometry):
            west, _, east, _ = part.bounds
            polygons.extend(unwrap_polygon(part) if east - west > 180.0 else _valid_polygons(part))
        found[name] = polygons
    missing = sorted(wanted - set(found))
    if missing:
        raise LandError(f"{path}: no country named {', '.join(missing)}")
    return found


def _whole_country(spec: SiteSpec, polygons: list[Polygon]) -> BaseGeometry:
    """Return the country without its islets and ``without`` parts, simplified, in the spec's frame."""
    excluded = Polygon(spec.without) if spec.without else None
    parts = [
        p for p in polygons
        if p.area >= MIN_COUNTRY_PART_DEG2 and not (excluded and excluded.contains(p.representative_point()))
    ]
    if spec.pacific_frame:
        parts = [shapely.transform(p, lambda c: c + [360.0, 0.0]) if p.bounds[2] <= 0.0 else p for p in parts]
    merged = shapely.union_all(np.asarray(parts, dtype=object))
    return shapely.simplify(merged, COUNTRY_SIMPLIFY_DEG, preserve_topology=True)


def build_site(spec: SiteSpec, countries: dict[str, list[Polygon]]) -> BaseGeometry:
    """Draw one site.

    Parameters
    ----------
    spec : SiteSpec
        The site.
    countries : dict
        From :func:`read_named_countries`, holding ``spec.country`` if the spec names one.

    Returns
    -------
    shapely.geometry.Polygon or shapely.geometry.MultiPolygon
        Valid, snapped to the 1e-4° output grid.
    """
    if spec.centre is not None:
        geometry = geodesic_circle(*spec.centre, spec.radius_km)
        if spec.country:
            geometry = geometry.intersection(shapely.union_all(np.asarray(countries[spec.country], dtype=object)))
    else:
        geometry = _whole_country(spec, countries[spec.country])
    geometry = shapely.set_precision(geometry, OUTPUT_GRID_DEG)
    polygons = [p for p in _valid_polygons(geometry) if not p.is_empty]
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
