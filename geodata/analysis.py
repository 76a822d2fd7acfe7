"""Measures of the user's own shapes, and a pasted notice saved in the dataset's region format.

The analyst panel measures three kinds of shape the same way: a notice turned into an area
(:mod:`geodata.notices`), a shape drawn on the map (Leaflet.draw's GeoJSON) and the features of
an uploaded layer (:mod:`geodata.uploads`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geodata.measure import CoastDistance, RegionShare, area_km2, nearest_coasts, regions_containing
from geodata.notices import ParsedNotice, Position, geodesic_circle
from geodata.problems import Problem
from geodata.validation import validate_regions


@dataclass(frozen=True)
class ShapeMeasures:
    """Area, the known regions a shape lies in, and the coasts near it."""

    area_km2: float
    regions: tuple[RegionShare, ...]
    coasts: tuple[CoastDistance, ...]


def measure_shape(geometry: BaseGeometry, regions: gpd.GeoDataFrame, countries: gpd.GeoDataFrame) -> ShapeMeasures:
    """Measure a shape in EPSG:4326 against the dataset's regions and Natural Earth countries.

    Returns
    -------
    ShapeMeasures
        Area in km² (local equal-area projection; 0 for lines and points), the regions it
        overlaps with the share of the shape in each, and the nearest coast of every country
        within :data:`geodata.measure.NEARBY_KM`, nearest first.
    """
    area = area_km2(geometry) if geometry.geom_type in ("Polygon", "MultiPolygon") else 0.0
    return ShapeMeasures(
        area_km2=area,
        regions=tuple(regions_containing(geometry, regions)),
        coasts=tuple(nearest_coasts(geometry, countries)),
    )


def drawn_geometry(feature: Mapping | None) -> BaseGeometry | None:
    """Read the shape Leaflet.draw returned (``st_folium``'s ``last_active_drawing``).

    A drawn circle arrives as a Point with ``properties.radius`` in metres; it becomes a
    geodesic circle. Anything unreadable gives None.
    """
    if not isinstance(feature, Mapping) or not isinstance(feature.get("geometry"), Mapping):
        return None
    try:
        geometry = shape(feature["geometry"])
    except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException):
        return None
    radius = (feature.get("properties") or {}).get("radius")
    if geometry.geom_type == "Point" and isinstance(radius, (int, float)) and radius > 0:
        return geodesic_circle(Position(lat=geometry.y, lon=geometry.x), radius / 1000.0)
    if geometry.is_empty or not geometry.is_valid:
        return None
    return geometry


def notice_region(
    parsed: ParsedNotice, *, text: str, name: str, source: str
) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """Turn a parsed notice into one feature in the format of ``geodata/regions.geojson``.

    Parameters
    ----------
    parsed : ParsedNotice
        A notice with a polygon or circle.
    text : str
        The notice text, kept in the feature's ``notice_text``.
    name : str
        The region's display name.
    source : str
        http(s) URL where the notice was published.

    Returns
    -------
    region : geopandas.GeoDataFrame or None
        One ``area`` feature with ``region_id`` ``notice_<hash of the text>``, ready to be added
        to regions.geojson; None if it does not validate.
    problems : list of Problem
        Why it does not validate (for instance a missing source URL), naming the field.
    """
    if parsed.geometry is None or parsed.geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return None, [Problem("notice", "", "geometry", "the notice gives no area (a polygon or a circle) to save")]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    region = gpd.GeoDataFrame(
        {
            "region_id": [f"notice_{digest}"],
            "name": [name.strip() or f"Notice area {digest}"],
            "kind": ["area"],
            "area_km2": [round(area_km2(parsed.geometry))],
            "source": [source.strip()],
            "basis": ["coordinates parsed from a navigational warning"],
            "precision": ["as published: the notice's own coordinates"],
            "notice_text": [text],
        },
        geometry=[parsed.geometry],
        crs="EPSG:4326",
    )
    valid, problems = validate_regions(region, file="notice")
    return (valid.drop(columns="source_urls") if not valid.empty else None), problems
