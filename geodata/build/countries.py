"""Country land for coast distances: geodata/countries.geojson from world-atlas admin-0 polygons.

Run ``python -m geodata.build.countries [--out PATH]``. The input is Natural Earth 1:10m
admin-0 (``countries-10m.json`` in the npm package world-atlas, installed into the build cache
as for the land layer). Rings stitched across ±180° are split with the land build's
:func:`~geodata.build.land.unwrap_polygon`, so every polygon lies within -180..180.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pyogrio
import shapely
from shapely.geometry import MultiPolygon, Polygon

from geodata.build.land import SOUTH_CUTOFF_LAT, LandError, _valid_polygons, ensure_world_atlas, unwrap_polygon
from geodata.build.limits import WORLD_ATLAS_URL
from geodata.build.output import write_feature_collection

OUTPUT = Path(__file__).resolve().parent.parent / "countries.geojson"
COUNTRIES_FILE = "countries-10m.json"
COUNTRIES_LAYER = "countries"

COUNTRY_SIMPLIFY_DEG = 0.05
"""Douglas-Peucker tolerance: every coast stays within 0.05° (at most 5.6 km) of Natural Earth
1:10m, so coast distances move by at most that much. It keeps the whole world under 1 MB
(0.02° gives 1.9 MB, 0.04° 1.2 MB)."""
COUNTRY_DECIMALS = 3
"""Coordinates kept to 0.001° (about 100 m)."""
MIN_PART_AREA_DEG2 = 0.0005
"""Islets smaller than about 5 km² are dropped: they rarely decide a coast distance and
they are most of the file's vertices."""


def iso_alpha3_by_numeric() -> Mapping[str, str]:
    """Return ISO 3166-1 alpha-3 codes keyed by the numeric code (``"158"`` → ``"TWN"``).

    The table comes from pycountry (the ISO 3166 list from Debian's iso-codes), a
    build-time dependency only: the app reads the codes from the written file.

    Returns
    -------
    Mapping of str to str
    """
    import pycountry

    return {country.numeric: country.alpha_3 for country in pycountry.countries}


def country_polygons(geometry: shapely.Geometry) -> list[Polygon]:
    """Return a country's valid polygons within -180..180, Antarctic parts removed.

    Parameters
    ----------
    geometry : shapely geometry
        One world-atlas admin-0 geometry in EPSG:4326; rings crossing ±180° come out of
        GDAL spanning the whole world and are split.

    Returns
    -------
    list of shapely.geometry.Polygon
    """
    polygons: list[Polygon] = []
    for part in shapely.get_parts(geometry):
        west, _, east, north = part.bounds
        if north < SOUTH_CUTOFF_LAT:
            continue
        polygons.extend(unwrap_polygon(part) if east - west > 180.0 else _valid_polygons(part))
    return [p for p in polygons if p.bounds[3] >= SOUTH_CUTOFF_LAT]


def simplify_country(polygons: list[Polygon]) -> MultiPolygon | None:
    """Drop islets, simplify and snap a country's polygons to the output grid.

    Parameters
    ----------
    polygons : list of shapely.geometry.Polygon
        From :func:`country_polygons`.

    Returns
    -------
    shapely.geometry.MultiPolygon or None
        None when nothing of the country is left (only islets).
    """
    parts = np.asarray(polygons, dtype=object)
    if parts.size == 0:
        return None
    areas = shapely.area(parts)
    # A country made only of islets keeps its largest one, so it still has a coast.
    keep = parts[(areas >= MIN_PART_AREA_DEG2) | (areas == areas.max())]
    simplified = shapely.simplify(keep, COUNTRY_SIMPLIFY_DEG, preserve_topology=True)
    # Simplified islands can overlap the simplified mainland: the union keeps the result valid.
    merged = shapely.union_all(simplified, grid_size=10.0**-COUNTRY_DECIMALS)
    out = [p for p in shapely.get_parts(merged) if isinstance(p, Polygon) and not p.is_empty]
    return MultiPolygon(out) if out else None


def read_atlas_countries(path: Path) -> list[tuple[dict, MultiPolygon]]:
    """Read world-atlas admin-0 countries into (properties, geometry) pairs.

    Parameters
    ----------
    path : pathlib.Path
        ``countries-10m.json`` (TopoJSON, lon/lat degrees) from world-atlas.

    Returns
    -------
    list of (dict, shapely.geometry.MultiPolygon)
        Properties ``iso_a3`` (ISO 3166-1 alpha-3, ``""`` for the entities that have no ISO
        code in Natural Earth: Kosovo, Somaliland, N. Cyprus, Spratly Is. …) and ``name``
        (Natural Earth's short name), sorted by ``iso_a3`` then name so the file is
        deterministic.

    Raises
    ------
    LandError
        If the file holds no countries or a numeric code is not in the ISO list.
    """
    frame = pyogrio.read_dataframe(path, layer=COUNTRIES_LAYER)
    alpha3 = iso_alpha3_by_numeric()
    features = []
    for numeric, name, geometry in zip(frame["id"], frame["name"], frame.geometry, strict=True):
        code = ""
        if isinstance(numeric, str) and numeric:
            if numeric not in alpha3:
                raise LandError(f"{path}: numeric code {numeric!r} ({name}) is not in the ISO 3166 list")
            code = alpha3[numeric]
        simplified = simplify_country(country_polygons(geometry))
        if simplified is not None:
            features.append(({"iso_a3": code, "name": str(name)}, simplified))
    if not features:
        raise LandError(f"{path}: no countries read")
    return sorted(features, key=lambda item: (item[0]["iso_a3"], item[0]["name"]))


def build_countries(out: Path = OUTPUT) -> tuple[int, int, int]:
    """Install world-atlas if needed, read the countries and write ``countries.geojson``.

    Parameters
    ----------
    out : pathlib.Path
        Output file.

    Returns
    -------
    tuple of int
        Features written, vertices written, file size in bytes.
    """
    package = ensure_world_atlas()
    features = read_atlas_countries(package / COUNTRIES_FILE)
    source = f"Natural Earth 1:10m admin-0 via {WORLD_ATLAS_URL}"
    size = write_feature_collection(
        out, [({**props, "source": source}, geom) for props, geom in features], COUNTRY_DECIMALS
    )
    vertices = sum(int(shapely.get_num_coordinates(geom)) for _, geom in features)
    return len(features), vertices, size


def main(argv: list[str] | None = None) -> int:
    """Build geodata/countries.geojson and print its size; exit status 1 on failure.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        Process exit status.
    """
    parser = argparse.ArgumentParser(prog="python -m geodata.build.countries", description=__doc__)
    parser.add_argument("--out", type=Path, default=OUTPUT, help="file to write")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        count, vertices, size = build_countries(args.out)
    except LandError as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"{args.out.name}: {count} countries, {vertices} vertices, {size / 1024:.1f} KiB, "
          f"{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
