"""Write compact, deterministic GeoJSON (EPSG:4326, fixed decimals)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

REGION_DECIMALS = 4


def geometry_dict(geometry: BaseGeometry, decimals: int) -> dict[str, Any]:
    """Return a GeoJSON geometry dict, exterior rings counter-clockwise, coordinates rounded.

    Parameters
    ----------
    geometry : shapely geometry
        Polygon or MultiPolygon in EPSG:4326 (any longitude frame).
    decimals : int
        Decimal places kept.

    Returns
    -------
    dict
        ``{"type": ..., "coordinates": ...}``.
    """
    oriented = shapely.orient_polygons(geometry)
    mapping = shapely.geometry.mapping(oriented)
    return {"type": mapping["type"], "coordinates": _round(mapping["coordinates"], decimals)}


def _round(coords: Any, decimals: int) -> Any:
    """Round nested coordinate tuples to lists of floats."""
    if isinstance(coords[0], (int, float)):
        return [round(float(c), decimals) for c in coords]
    return [_round(c, decimals) for c in coords]


def write_feature_collection(
    path: Path, features: Iterable[tuple[Mapping[str, Any], BaseGeometry]], decimals: int
) -> int:
    """Write a FeatureCollection with one compact feature per line.

    Parameters
    ----------
    path : pathlib.Path
        Output file.
    features : iterable of (properties, geometry)
        Geometries in EPSG:4326.
    decimals : int
        Decimal places for coordinates.

    Returns
    -------
    int
        Size of the written file in bytes.
    """
    lines = [
        json.dumps(
            {"type": "Feature", "properties": dict(props), "geometry": geometry_dict(geom, decimals)},
            separators=(",", ":"),
            ensure_ascii=False,
        )
        for props, geom in features
    ]
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
