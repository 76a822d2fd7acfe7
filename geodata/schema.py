"""Column names, allowed values and file names of the Drill Atlas data contract.

The contract is documented in README.md ("Data files"). Every module that reads or writes the
files takes its names from here, so a column is renamed in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType

DATA_DIR = Path(__file__).resolve().parent
EXERCISES_FILE = "exercises.csv"
REGIONS_FILE = "regions.geojson"
LAND_FILE = "land.geojson"
VERSION_FILE = "VERSION"
ROUTES_FILE = "routes.geojson"
SOURCES_FILE = "sources.csv"
CHANGELOG_FILE = "CHANGELOG.md"
OBSERVATIONS_FILE = "observations.csv"
ANCHORS_FILE = "anchors.csv"

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
    "aliases",
    "name_sources",
    "event_group",
    "date_precision",
    "forces",
    "notes",
    "status",
)
"""Columns that may be present; missing ones are read as empty text.

``aliases``: other spellings and abbreviations joined by ``;``. ``name_sources``: the http(s)
URLs, joined by ``;``, where ``name_ru`` and ``name_zh`` were read; required when either is
given. ``event_group``: the id shared by the rows of one event (phases, or one exercise listed
under two names); empty when the row is an event of its own. ``status``: one of
:data:`STATUSES`."""

STATUSES = ("confirmed", "reported")
"""``confirmed``: an official or wire source of a participant confirms the event; ``reported``:
only secondary sources, or one side only (the notes say why)."""

SOURCE_COLUMNS = ("exercise_id", "url", "publisher", "language", "published", "title", "kind")
"""Columns of sources.csv: one row per exercise and source URL. ``language`` is an ISO 639-1
code, ``published`` an ISO date; both and ``title`` may be empty where not known."""

SOURCE_TITLE_MAX_LENGTH = 300
"""Longest ``title`` of sources.csv accepted: a headline, not an article; longer is a paste error."""

SOURCE_KINDS = ("official", "wire", "press", "research")
"""``official``: a government, ministry or armed force's own site; ``wire``: a news agency;
``press``: newspapers, broadcasters and news sites; ``research``: think tanks, analysts,
reference works."""

OBSERVATION_COLUMNS = (
    "exercise_id",
    "observed",
    "observer",
    "what",
    "place",
    "anchor_id",
    "bearing",
    "distance_km",
    "lat",
    "lon",
    "strait_id",
    "zone",
    "source",
    "note",
)
"""Columns of observations.csv: one row per published sighting of an exercise's ships or aircraft.

``observed``: ISO date, or date and time with the offset as published (``2019-07-23T06:44+09:00``).
``place``: where, in the source's words. A position only from what the source gives: ``lat`` and
``lon`` when it prints coordinates; ``anchor_id``, ``bearing`` and ``distance_km`` when it gives a
distance and direction from a named place ("about 110 km SW of Okushiri Island"); ``strait_id``
(a gate of ``reference/straits.geojson``) when it names a strait. ``zone``: the air defence
identification zone the source says was entered. ``note``: where sources differ."""

OBSERVERS = MappingProxyType(
    {
        "JSO": "Japan Joint Staff Office",
        "Japan MOD": "Japan Ministry of Defense",
        "ROK JCS": "South Korea Joint Chiefs of Staff",
        "NORAD": "North American Aerospace Defense Command",
    }
)
"""Who published an observation: ``Japan MOD`` where the source names the ministry, not its Joint Staff."""

OBSERVED_ZONES = MappingProxyType(
    {
        "KR_KADIZ": "South Korea's ADIZ (KADIZ)",
        "JP_ADIZ": "Japan's ADIZ",
        "US_ALASKA_ADIZ": "the Alaska ADIZ (United States)",
    }
)
"""Zones an observation may name that ``reference/adiz.geojson`` may not hold (yet); a zone_id of that
file is valid too."""

ANCHOR_COLUMNS = ("anchor_id", "name", "lat", "lon", "source")
"""Columns of anchors.csv: the named places observations give distances from, with the page their
coordinates were read on."""

COMPASS_POINTS = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
"""Bearings an observation may give, clockwise from north in steps of 22.5°."""

REGION_PROPERTIES = ("region_id", "name", "kind", "area_km2", "source")
"""Properties every feature of regions.geojson must have."""

OPTIONAL_REGION_PROPERTIES = ("published_area_km2", "basis", "precision", "coast_km")
"""Properties a region may have; ``precision`` says in plain words how exact the polygon is, and
``coast_km`` gives the distance to the nearest Japanese, South Korean, Taiwanese and US coast
(``"JPN:0;KOR:120;TWN:612;USA:2950"``, whole km, 0 where the region touches that coast)."""

ROUTE_PROPERTIES = ("route_id", "exercise_id", "route_kind", "waypoints", "straits", "source", "precision")
UNREPORTED_LEGS = "unreported_legs"
"""Optional route property: the legs (``;``-joined numbers, leg 1 from the first waypoint to the
second) whose way no source gives; the straight line there is drawn apart and left out of the
zones, straits and coasts the route is measured against."""
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

ISO3_CODES = frozenset(
    (
        "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR "
        "BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG "
        "COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH "
        "FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY "
        "HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM "
        "KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL "
        "MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR "
        "NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU "
        "SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA "
        "TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB "
        "VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE"
    ).split()
)
"""Every ISO 3166-1 alpha-3 code (Debian iso-codes 4.15): a participant must be one of them."""

ISO639_1_CODES = frozenset(
    (
        "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da "
        "de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz "
        "ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln "
        "lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi "
        "pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti "
        "tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
    ).split()
)
"""Every ISO 639-1 language code (Debian iso-codes 4.15): the languages of sources.csv."""

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
        "ARE": "United Arab Emirates",
    }
)
"""Display names for the ISO 3166 alpha-3 codes used in the data; unknown codes show as codes."""


def country_names(codes: str | Iterable[str], separator: str = ", ") -> str:
    """Name the countries of ISO 3166 alpha-3 codes: ``China, Russia`` for ``"CHN;RUS"`` or ``("CHN", "RUS")``.

    Unknown codes stay codes; blanks around codes of a ``;``-joined text are dropped.
    """
    if isinstance(codes, str):
        codes = [code.strip() for code in codes.split(";") if code.strip()]
    return separator.join(COUNTRY_NAMES.get(code, code) for code in codes)
