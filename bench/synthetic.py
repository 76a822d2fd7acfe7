"""Write a synthetic data folder of N small polygons over the Pacific, one exercise each.

The folder follows the data contract (README, "Data files") and loads without a problem, so the
app and the baseline can be timed on layers far larger than the bundled one. Everything in it is
made up and says so: names are "Synthetic exercise 17", sources are example.org addresses.
"""

from __future__ import annotations

import csv
import json
import math
import random
import shutil
from pathlib import Path

import shapely.geometry

from geodata import schema
from geodata.geometry import rfc7946_geometries

VERTICES = 50
"""Vertices of each polygon, about as many as a simplified real sea limit has per 100 km."""
WEST, EAST = 120.0, 240.0
"""Longitudes of the Pacific in the app's 0..360 frame (the antimeridian inside, as for the Bering Sea)."""
SOUTH, NORTH = -40.0, 55.0
FIRST_YEAR, LAST_YEAR = 2005, 2025
SERIES = ("Synthetic Sea", "Synthetic Patrol", "Synthetic Mission", "Synthetic Air", "Synthetic Other")
KM_PER_DEGREE = 111.32
TEXT = (
    "Made-up record for the benchmark: the ships, aircraft and troops of a synthetic drill, with a "
    "length close to the median of the real summaries so that popups weigh what real ones do."
)


def _polygon(lon: float, lat: float, radius: float, rng: random.Random) -> list[list[float]]:
    """Return a closed ring of VERTICES irregular points around (lon, lat), counter-clockwise."""
    ring = []
    for step in range(VERTICES):
        angle = 2 * math.pi * step / VERTICES
        reach = radius * (0.75 + 0.25 * rng.random())
        ring.append([round(lon + reach * math.cos(angle) / math.cos(math.radians(lat)), 5),
                     round(lat + reach * math.sin(angle), 5)])
    return [*ring, ring[0]]


def _area_km2(ring: list[list[float]], lat: float) -> int:
    """Return the ring's shoelace area in square degrees scaled to km² at its latitude (near enough here)."""
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))
    return max(1, round(abs(twice) / 2 * KM_PER_DEGREE**2 * math.cos(math.radians(lat))))


def write_synthetic_data(target: Path, count: int, seed: int = 6) -> Path:
    """Write exercises.csv, regions.geojson, VERSION and the bundled land layer into ``target``.

    Parameters
    ----------
    target : pathlib.Path
        Folder to create or overwrite.
    count : int
        Number of regions, each with one exercise. They lie on a jittered grid over the
        Pacific and never overlap; years cycle through 2005–2025 and domains through the four.
    seed : int
        Seed of the jitter, so that every run draws the same layer.

    Returns
    -------
    pathlib.Path
        ``target``.
    """
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    columns = max(1, math.ceil(math.sqrt(count * (EAST - WEST) / (NORTH - SOUTH))))
    rows = math.ceil(count / columns)
    cell_x, cell_y = (EAST - WEST) / columns, (NORTH - SOUTH) / rows
    radius = 0.4 * min(cell_x, cell_y)
    features, records = [], []
    years = LAST_YEAR - FIRST_YEAR + 1
    for index in range(count):
        row, column = divmod(index, columns)
        lon = WEST + (column + 0.5) * cell_x + (rng.random() - 0.5) * 0.1 * cell_x
        lat = SOUTH + (row + 0.5) * cell_y + (rng.random() - 0.5) * 0.1 * cell_y
        ring = _polygon(lon, lat, radius, rng)
        region_id = f"syn_region_{index:05d}"
        features.append({
            "type": "Feature",
            "properties": {
                "region_id": region_id,
                "name": f"Synthetic region {index}",
                "kind": "sea" if index % 3 else "area",
                "area_km2": _area_km2(ring, lat),
                "published_area_km2": None,
                "basis": "made up for the benchmark",
                "precision": "synthetic",
                "source": f"https://example.org/synthetic/region/{index}",
            },
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        })
        year = FIRST_YEAR + index % years
        month = 1 + index % 12
        records.append({
            "exercise_id": f"syn_{index:05d}",
            "name": f"Synthetic exercise {index}",
            "name_ru": "",
            "name_zh": "",
            "series": SERIES[index % len(SERIES)],
            "start_date": f"{year}-{month:02d}-03",
            "end_date": f"{year}-{month:02d}-09",
            "date_precision": "day",
            "domain": schema.DOMAINS[index % len(schema.DOMAINS)],
            "participants": "CHN;RUS",
            "region_ids": region_id,
            "forces": "3 ships, 2 aircraft (synthetic)",
            "summary": TEXT,
            "notes": "",
            "sources": f"https://example.org/synthetic/exercise/{index}",
        })
    # RFC 7946, as the bundled files are: regions east of 180° are cut there and wrapped to -180..-150.
    cut = rfc7946_geometries([shapely.geometry.shape(feature["geometry"]) for feature in features])
    for feature, geometry in zip(features, cut, strict=True):
        feature["geometry"] = shapely.geometry.mapping(geometry)
    (target / schema.REGIONS_FILE).write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
    )
    with (target / schema.EXERCISES_FILE).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    (target / schema.VERSION_FILE).write_text(f"synthetic-{count}\n", encoding="utf-8")
    (target / schema.ROUTES_FILE).unlink(missing_ok=True)
    shutil.copyfile(schema.DATA_DIR / schema.LAND_FILE, target / schema.LAND_FILE)
    return target
