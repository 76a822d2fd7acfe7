"""Column names, allowed values and file names of the Drill Atlas data contract.

The contract is documented in README.md ("Data files"). Every module that reads or writes the
files takes its names from here, so a column is renamed in one place.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

DATA_DIR = Path(__file__).resolve().parent
EXERCISES_FILE = "exercises.csv"
REGIONS_FILE = "regions.geojson"
LAND_FILE = "land.geojson"
VERSION_FILE = "VERSION"
ROUTES_FILE = "routes.geojson"

EXERCISE_COLUMNS = (
    "exercise_id",
    "name",
    "series",
    "start_date",
    "end_date",
    "domain",
    "participants",
    "region_ids",
    "summary",
    "sources",
)
"""Columns every exercises.csv must have, in the documented order."""

OPTIONAL_EXERCISE_COLUMNS = (
    "name_ru",
    "name_zh",
    "date_precision",
    "forces",
    "notes",
)
"""Columns that may be present; missing ones are read as empty text."""

REGION_PROPERTIES = ("region_id", "name", "kind", "area_km2", "source")
"""Properties every feature of regions.geojson must have."""

OPTIONAL_REGION_PROPERTIES = ("published_area_km2", "basis", "precision", "coast_km")
"""Properties a region may have; ``precision`` says in plain words how exact the polygon is, and
``coast_km`` gives the distance to the nearest Japanese, South Korean, Taiwanese and US coast
(``"JPN:0;KOR:120;TWN:612;USA:2950"``, whole km, 0 where the region touches that coast)."""

ROUTE_PROPERTIES = ("route_id", "exercise_id", "route_kind", "waypoints", "straits", "source", "precision")
"""Properties every feature of routes.geojson must have (``straits`` may be empty)."""

ROUTE_KINDS = ("patrol", "transit", "air_patrol")
"""``patrol``: ships on a joint patrol; ``transit``: ships on their way to or from one;
``air_patrol``: aircraft on a joint air patrol."""

DOMAINS = ("naval", "air", "ground", "combined")
REGION_KINDS = ("sea", "area")
DATE_PRECISIONS = ("day", "month")

LIST_SEPARATOR = ";"
"""Separator inside multi-valued cells (participants, region_ids, sources)."""

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
ISO3_PATTERN = re.compile(r"^[A-Z]{3}$")
URL_PATTERN = re.compile(r'^https?://[^\s<>"`]+$')

LON_RANGE = (-360.0, 540.0)
"""Longitudes a map view may use: beyond ±180 for views of shapes drawn in the Pacific frame."""

FILE_LON_RANGE = (-180.0, 180.0)
"""Longitudes the data files may hold (RFC 7946): a shape crossing 180° is cut there into parts."""

MAX_TEXT_LENGTH = 4000
"""Longest text cell accepted; longer cells are reported, never silently cut."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make spreadsheet programs run a cell as a formula (OWASP, "CSV Injection"):
CSV exports prefix such cells with an apostrophe, and the validator warns about them in the data."""

COUNTRY_NAMES = MappingProxyType(
    {
        "CHN": "China",
        "RUS": "Russia",
        "IRN": "Iran",
        "ZAF": "South Africa",
        "KAZ": "Kazakhstan",
        "KGZ": "Kyrgyzstan",
        "TJK": "Tajikistan",
        "UZB": "Uzbekistan",
        "IND": "India",
        "PAK": "Pakistan",
        "MNG": "Mongolia",
        "BLR": "Belarus",
        "ARM": "Armenia",
        "MMR": "Myanmar",
        "AZE": "Azerbaijan",
        "DZA": "Algeria",
        "LAO": "Laos",
        "NIC": "Nicaragua",
        "SYR": "Syria",
        "JPN": "Japan",
        "KOR": "South Korea",
        "PRK": "North Korea",
        "TWN": "Taiwan",
        "USA": "United States",
    }
)
"""Display names for the ISO 3166 alpha-3 codes used in the data; unknown codes show as codes."""
