"""Build the reference layers: geodata/reference/adiz.geojson and geodata/reference/straits.geojson.

Run ``python -m geodata.build.reference``. The coordinates below are the fixture: each air
defence identification zone (ADIZ) as its government published it (degrees and minutes as
printed), each strait gate as the limit points its source gives. The GeoJSON written from them
is committed, so the app needs no build; a test rebuilds it and compares.

Only zones whose full vertex list was seen in a source are built. China's ECS ADIZ comes from
the government's own statement; South Korea's KADIZ (as adjusted on 8 December 2013) and
Taiwan's ADIZ from secondary transcriptions, checked against what the governments published
(their ``differences`` property says where they part). Japan's ADIZ (Defense Agency directive
No. 36 of 1969: 30 outer points, arcs and an inner line) is left out: the sources seen gave only
points (1)–(7) (README.md, "Reference layers").

Files are RFC 7946: longitudes within ±180°, exterior rings counter-clockwise.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyproj
import shapely
from shapely.geometry import LineString, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import nearest_points

from geodata.build.limits import (
    JAPAN_SEA_SW,
    LA_PEROUSE,
    LUZON_STRAIT,
    RYUKYU,
    S23_ECS_URLS,
    S23_JAPAN_SEA_URLS,
    SCS_NOAA_URL,
    TSUGARU,
    WORLD_ATLAS_URL,
)
from geodata.build.output import write_feature_collection
from geodata.geometry import area_km2
from geodata.measure import read_countries

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference"
ADIZ_FILE = REFERENCE_DIR / "adiz.geojson"
STRAITS_FILE = REFERENCE_DIR / "straits.geojson"
REFERENCE_DECIMALS = 6
"""Published vertices are given to the minute (1/60° ≈ 1.9 km); 6 decimals keep them exactly
enough for a test to recover every published minute."""
INLAND_CLOSURE_LON = 117.0
"""Longitude, well inside mainland China, to which the ECS ADIZ closing lines are drawn before
the land is taken away."""
JAPAN_SPECIFIED_STRAITS_URL = "https://www1.kaiho.mlit.go.jp/ryokai/tokutei.html"
"""Japan Coast Guard: the five specified sea areas (Sōya, Tsugaru, Tsushima East and West
Channels, Ōsumi) where Japan's territorial sea stops at 3 NM."""
_GEOD = pyproj.Geod(ellps="WGS84")


def dm_to_degrees(text: str) -> float:
    """Return decimal degrees of a published ``DD°MM'H`` value (hemisphere N, S, E or W).

    Examples
    --------
    >>> dm_to_degrees("33°11'N")
    33.18333333333333
    >>> dm_to_degrees("169°43'W")
    -169.71666666666667
    """
    hemisphere = text[-1]
    degrees, minutes = text[:-1].rstrip("'").split("°")
    value = int(degrees) + int(minutes or 0) / 60.0
    return -value if hemisphere in "SW" else value


@dataclass(frozen=True)
class ZoneSpec:
    """An ADIZ as published: its vertices in order and where the definition comes from.

    Attributes
    ----------
    zone_id, name : str
        Identifier (upper case, used in links: ``zone=CN_ECS_ADIZ``) and display name.
    vertices : tuple of (str, str)
        Published (latitude, longitude) pairs as printed, e.g. ``("33°11'N", "121°47'E")``.
    published : str
        Date and act that published the list.
    sources : tuple of str
        URLs of the government text or a faithful quotation of it that was read.
    precision : str
        How the drawn polygon relates to the definition (line type, landward limit).
    coastal_iso3 : str or None
        The state whose coast closes the zone on the landward side; None when the vertices
        close the zone themselves (it is drawn as published, over land too).
    differences : str
        Where the vertices drawn part from other versions of the definition ("" when none seen).
    """

    zone_id: str
    name: str
    vertices: tuple[tuple[str, str], ...]
    published: str
    sources: tuple[str, ...]
    precision: str
    coastal_iso3: str | None
    differences: str = ""

    def points(self) -> list[tuple[float, float]]:
        """Return the published vertices as (lon, lat) decimal degrees."""
        return [(dm_to_degrees(lon), dm_to_degrees(lat)) for lat, lon in self.vertices]


CN_ECS_ADIZ = ZoneSpec(
    zone_id="CN_ECS_ADIZ",
    name="China: East China Sea ADIZ",
    vertices=(
        ("33°11'N", "121°47'E"),
        ("33°11'N", "125°00'E"),
        ("31°00'N", "128°20'E"),
        ("25°38'N", "125°00'E"),
        ("24°45'N", "123°00'E"),
        ("26°44'N", "120°58'E"),
    ),
    published="2013-11-23: Statement of the PRC Government on establishing the East China Sea "
    "Air Defense Identification Zone (issued by the Ministry of National Defense, Xinhua)",
    sources=(
        "http://usa.fjsen.com/2013-11/23/content_13022305.htm",
        "http://www.ming7.cn/china/2013-11/24/content_17127120.htm",
    ),
    precision=(
        "seaward limit: the six published points joined in order by straight lines in longitude/latitude "
        "(the statement names no line type; straight lon/lat lines are rhumb lines along the 33°11'N "
        "parallel and depart from great circles by at most {gc_km:.1f} km elsewhere). Landward limit: the "
        "statement's limit is China's territorial sea line, published as no coordinates here; it is drawn "
        "at the Natural Earth 1:10m coast of China (so the zone is drawn about 12 NM too far landward), "
        "reached along the parallels of points 1 and 6 (an assumption)"
    ),
    coastal_iso3="CHN",
)
KR_KADIZ_TRANSCRIPTION_URL = (
    "https://github.com/Strider1370/ProjectAMO/blob/0e44c88327ca1ee7906cee5bf5ebf531c91259ba/"
    "frontend/public/data/adiz.geojson"
)
"""A project's copy of the KADIZ, labelled as from the Ministry of Land, Infrastructure and
Transport's airspace KMZ, AIP cycle 10 of 2026 (12 points, decimal degrees)."""
KR_INCHEON_FIR_URL = "http://aim.koca.go.kr/eaipPub/Package/2018-07-18-AIRAC/html/eAIP/KR-ENR-2.1-en-GB.html"
KR_KADIZ = ZoneSpec(
    zone_id="KR_KADIZ",
    name="South Korea: KADIZ",
    vertices=(
        ("39°00'N", "133°00'E"),
        ("39°00'N", "123°30'E"),
        ("37°00'N", "124°00'E"),
        ("30°00'N", "124°00'E"),
        ("30°00'N", "125°25'E"),
        ("32°30'N", "126°50'E"),
        ("32°30'N", "127°30'E"),
        ("34°17'N", "128°52'E"),
        ("34°43'N", "129°09'E"),
        ("35°13'N", "129°48'E"),
        ("36°00'N", "130°30'E"),
        ("37°17'N", "133°00'E"),
    ),
    published="2013-12-08: Ministry of National Defense announcement adjusting the Korea Air Defense "
    "Identification Zone to the Incheon FIR in the south (notice in the official gazette; in force "
    "2013-12-15 14:00 KST)",
    sources=(
        KR_KADIZ_TRANSCRIPTION_URL,
        "https://www.newdaily.co.kr/site/data/html/2013/12/08/2013120800033.html",
        "https://mnm.seoul.co.kr/news/politics/diplomacy/2013/12/08/20131208500017",
        "http://www.dgy.co.kr/news/view.php?idx=30990",
        KR_INCHEON_FIR_URL,
    ),
    precision=(
        "secondary transcription: the Ministry of National Defense's notice in the official gazette (the "
        "primary coordinate list) was not seen. The 12 points are a GitHub project's copy labelled as from "
        "the Ministry of Land, Infrastructure and Transport's airspace KMZ (AIP cycle 10 of 2026), given "
        "there in decimal degrees that are whole minutes; joined in order by straight lines in "
        "longitude/latitude (no line type seen; at most {gc_km:.1f} km from great circles). Drawn as the "
        "points close it, over land too: the zone takes in the Korean peninsula south of 39°N, part of North "
        "Korea included"
    ),
    coastal_iso3=None,
    differences=(
        "A newspaper's list of nine 'main boundary points' of the ministry's announcement (newdaily.co.kr, "
        "8 Dec 2013) has all of these points but 34°43'N 129°09'E, 35°13'N 129°48'E and 36°00'N 130°30'E, "
        "and prints 30°N 122°25'E where the transcription has 30°N 125°25'E; the Incheon FIR (AIP Korea ENR "
        "2.1, 2018), which the ministry said the new southern limit follows, has 3000N 12525E, so "
        "122°25' is taken as a misprint. Between 34°17'N 128°52'E and 37°17'N 133°E the transcription "
        "does not follow the FIR (3440N 12910E – 3730N 13300E): its 35°13'N 129°48'E and 36°00'N 130°30'E "
        "are Japan's ADIZ points (5) and (4) in the Tokyo datum; Japan's list prints them converted to "
        "WGS 84 (35°13'11\"N 129°47'52\"E, 36°00'11\"N 130°29'51\"E, within 0.1\" of a Tokyo-to-WGS 84 "
        "conversion), so if the transcription's values are WGS 84 the two limits lie about 0.4 km apart there"
    ),
)
TW_ADIZ_TRANSCRIPTION_URL = (
    "https://github.com/LunaticGhoulPiano/Flight-Spotter/blob/6af544d14c9bb0d2324fae015ae20072abf4d660/"
    "data/filter_regions/Taiwan_ADIZ.json"
)
"""A project's copy of Taiwan's ADIZ (5 points in degrees, minutes and seconds, no source named)."""
TW_ADIZ = ZoneSpec(
    zone_id="TW_ADIZ",
    name="Taiwan: ADIZ",
    vertices=(
        ("21°00'N", "117°30'E"),
        ("21°00'N", "121°30'E"),
        ("22°30'N", "123°00'E"),
        ("29°00'N", "123°00'E"),
        ("29°00'N", "117°30'E"),
    ),
    published="no coordinate list seen from Taiwan's government; the Ministry of National Defense said "
    "on 2 December 2013 that the zone has since 1959 lain west of the line 22°30'N 123°E – 21°N 121°30'E "
    "(Taiwan Today)",
    sources=(
        TW_ADIZ_TRANSCRIPTION_URL,
        "https://jp.taiwantoday.tw/news_amp.php?post=71418&unit=148",
        "https://worldjpn.net/documents/texts/JPTW/20100529.S1J.html",
        "https://yes99.com.tw/?p=64422",
    ),
    precision=(
        "secondary transcription: no coordinate list published by Taiwan's government was seen. The 5 "
        "points are a GitHub project's copy (no source named there), joined in order by straight lines "
        "in longitude/latitude (at most {gc_km:.1f} km from great circles). Drawn as the points close it, "
        "over land too: the zone takes in part of mainland China (Fujian, much of Zhejiang). The Ministry of "
        "National Defense counts about 235,000 km² east of the Taiwan Strait median line as the zone it "
        "actually polices (yes99.com.tw, repeating a 2013 report); that part has no published limit and "
        "is not drawn"
    ),
    coastal_iso3=None,
    differences=(
        "The transcription's south-east side (21°N 121°30'E – 22°30'N 123°E) is the line the Ministry of "
        "National Defense gave (Taiwan Today, 2 Dec 2013), and its east side the 123°E meridian the "
        "Ministry of Foreign Affairs named as the limit with Japan's zone (29 May 2010); its 21°N and "
        "29°N parallels and 117°30'E meridian were seen in no government text. Japan's ADIZ has run "
        "west of 123°E around Yonaguni since June 2010 (2 NM beyond the territorial sea); Taiwan's "
        "Ministry of Foreign Affairs rejected the change, and the limit here stays at 123°E. The Ministry "
        "of National Defense gave the zone's theoretical area as 487,000 km² (as repeated at "
        "yes99.com.tw); these points enclose {area_km2:,.0f} km² ({area_gap:+.1%})"
    ),
)
TW_REPORTED_AREA_KM2 = 487_000
"""The theoretical area of Taiwan's ADIZ the Ministry of National Defense reported in 2013."""
ZONES = (CN_ECS_ADIZ, KR_KADIZ, TW_ADIZ)


@dataclass(frozen=True)
class StraitSpec:
    """A strait drawn as a gate: a line across it that a route passing the strait crosses.

    Attributes
    ----------
    strait_id, name : str
        Identifier and display name.
    aliases : tuple of str
        Other names, including those ``routes.csv`` uses in its ``strait`` column.
    points : tuple of (float, float)
        The gate, (lon, lat), -180..180.
    basis : str
        Which limit the gate is (S-23 limit segment, line between two named capes…).
    precision : str
        How exact the end points are.
    sources : tuple of str
        URLs of the limit description and of the named points.
    """

    strait_id: str
    name: str
    aliases: tuple[str, ...]
    points: tuple[tuple[float, float], ...]
    basis: str
    precision: str
    sources: tuple[str, ...]


def _segment(line_points: tuple[tuple[float, float], ...], start: int, end: int) -> tuple[tuple[float, float], ...]:
    return tuple(line_points[start : end + 1])


S23_ESTIMATES = "S-23 names the points; '~' coordinates are read off the Natural Earth coast (geodata/build/limits.py)"

STRAITS = (
    StraitSpec(
        "soya_strait", "Sōya (La Pérouse) Strait", ("Soya (La Perouse) Strait", "La Perouse Strait", "Soya Strait"),
        LA_PEROUSE.points,
        "IHO S-23 (1953) limit between the Japan Sea and the Sea of Okhotsk: Soya Misaki – Nishi Notoro "
        "Misaki (Cape Crillon); one of Japan's five specified international straits",
        S23_ESTIMATES, (*S23_JAPAN_SEA_URLS, JAPAN_SPECIFIED_STRAITS_URL),
    ),
    StraitSpec(
        "tsugaru_strait", "Tsugaru Strait", ("Tsugaru Strait",),
        TSUGARU.points,
        "IHO S-23 (1953) eastern limit of the Japan Sea across the Tsugaru Strait: Shiriya Saki – Esan Saki; "
        "one of Japan's five specified international straits",
        "S-23 gives Shiriya Saki 141°28'E and Esan Saki 41°48'N; the other coordinates are read off the coast",
        (*S23_JAPAN_SEA_URLS, JAPAN_SPECIFIED_STRAITS_URL),
    ),
    StraitSpec(
        "korea_tsushima_strait", "Korea / Tsushima Strait (southern entrance)",
        ("Tsushima Strait", "Korea Strait"),
        JAPAN_SEA_SW.points,
        "IHO S-23 (1953) south-western limit of the Japan Sea: Nomo Saki – Fukue-jima – Ose Saki – Jeju; "
        "the gate lies about 150 km south of the Tsushima narrows (Japan's specified Tsushima East and West "
        "Channels), so a route counts as passing the strait when it leaves or enters the Japan Sea this way",
        "S-23 gives Nomo Saki 32°35'N; the other coordinates are read off the coast",
        (*S23_JAPAN_SEA_URLS, JAPAN_SPECIFIED_STRAITS_URL),
    ),
    StraitSpec(
        "osumi_strait", "Ōsumi Strait (eastern entrance)", ("Osumi Strait",),
        _segment(RYUKYU.points, 8, 9),
        "IHO S-23 (1953) East China Sea limit between the north point of Tanegashima and Hi Saki (Kyushu), "
        "closing the Ōsumi Strait on the Pacific side; one of Japan's five specified international straits",
        "S-23 gives Hi Saki 31°17'N; the Tanegashima point is read off the coast",
        (*S23_ECS_URLS, JAPAN_SPECIFIED_STRAITS_URL),
    ),
    StraitSpec(
        "miyako_strait", "Miyako Strait (Okinawa – Miyako)", ("Miyako Strait",),
        _segment(RYUKYU.points, 3, 4),
        "IHO S-23 (1953) East China Sea limit between the east point of Miyako-jima and Kyan Misaki "
        "(southern tip of Okinawa)",
        "both end points are read off the Natural Earth coast of the islands S-23 names",
        S23_ECS_URLS,
    ),
    StraitSpec(
        "yonaguni_taiwan_gap", "Yonaguni – Taiwan gap", ("Yonaguni-Taiwan gap",),
        _segment(RYUKYU.points, 0, 1),
        "IHO S-23 (1953) East China Sea limit between Santyo (north-east point of Taiwan) and the west point "
        "of Yonaguni",
        "both end points are read off the Natural Earth coast of the places S-23 names",
        S23_ECS_URLS,
    ),
    StraitSpec(
        "luzon_strait", "Luzon Strait (Bashi, Balintang and Babuyan channels)",
        ("Luzon Strait", "Bashi Channel", "Balintang Strait", "Balintang Channel"),
        LUZON_STRAIT.points,
        "Eluanbi (southern tip of Taiwan) – Y'Ami – Batan and Babuyan islands – Cape Engaño (Luzon), the "
        "eastern limit of the South China Sea in the draft S-23 table NOAA NCEI publishes",
        "Eluanbi 21°53'45\"N 120°51'30\"E and Cape Engaño 18°35'N 122°08'E as NOAA gives them; the points "
        "through Y'Ami and the Batan and Babuyan islands are estimates",
        (SCS_NOAA_URL,),
    ),
    StraitSpec(
        "bering_strait", "Bering Strait", ("Bering Strait",),
        ((dm_to_degrees("169°43'W"), 66.08), (dm_to_degrees("168°05'W"), 65.63)),
        "line between Cape Dezhnev (easternmost point of Asia) and Cape Prince of Wales (westernmost point "
        "of North America), the two capes that bound the strait",
        "longitudes 169°43'W and 168°05'W as the source gives them; the latitudes (66.08° N, 65.63° N) are "
        "read off the Natural Earth coast at those longitudes (the source gives only 'about 65°40'N')",
        ("https://primidi.com/bering_strait",),
    ),
)
ISLAND_GATES = (
    (
        "bussol_strait", "Bussol Strait", ("Bussol Strait", "Boussole Strait"),
        "shortest line between Chirpoy (west side) and Simushir (east side), the islands the source says "
        "the strait separates",
        "both end points are the nearest points of the two islands' Natural Earth 1:10m outlines (simplified "
        "to 0.05°), computed by the build; the gate is longer than the source's 'nearly 58 km' because "
        "Natural Earth has no Broutona Island",
        ("https://en.wikipedia.org/wiki/Bussol_Strait", WORLD_ATLAS_URL),
        box(150.7, 46.35, 151.0, 46.6),  # Chirpoy
        box(151.7, 46.8, 152.3, 47.2),  # Simushir
    ),
    (
        "friza_strait", "Friza (Vries) Strait",
        ("Etorofu (Friza) Strait", "Friza Strait", "Vries Strait", "Etorofu Strait"),
        "shortest line between Iturup (west side) and Urup (east side), the islands the source says the "
        "strait separates (Japanese 択捉水道, Etorofu Strait)",
        "both end points are the nearest points of the two islands' Natural Earth 1:10m outlines (simplified "
        "to 0.05°), computed by the build; the source gives the strait as about 40 km wide",
        ("https://it.wikipedia.org/wiki/Stretto_di_Vries", WORLD_ATLAS_URL),
        box(147.6, 44.9, 148.0, 45.1),  # Iturup
        box(149.8, 45.8, 150.2, 46.0),  # Urup
    ),
)
"""Straits between two Kuril islands: the spec's text, then boxes that pick out the west and the east
island among Russia's island polygons; the gate is the shortest line between the two."""


def max_great_circle_departure_km(points: list[tuple[float, float]]) -> float:
    """Return how far straight lon/lat edges between points depart from great circles, at most, in km.

    Each edge is compared at 50 points along it with the great circle between its ends.
    """
    worst = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(points, points[1:], strict=False):
        great = LineString([(lon1, lat1), *_GEOD.npts(lon1, lat1, lon2, lat2, 48), (lon2, lat2)])
        for fraction in np.linspace(0.0, 1.0, 50):
            lon, lat = lon1 + (lon2 - lon1) * fraction, lat1 + (lat2 - lat1) * fraction
            nearest = great.interpolate(great.project(shapely.Point(lon, lat)))
            worst = max(worst, _GEOD.inv(lon, lat, nearest.x, nearest.y)[2] / 1000.0)
    return worst


def zone_polygon(points: list[tuple[float, float]], land: BaseGeometry) -> Polygon:
    """Return a zone from its published seaward vertices, closed on the landward side at the coast.

    Parameters
    ----------
    points : list of (lon, lat)
        The published vertices in order; the first and last lie off the coast.
    land : shapely geometry
        The land that bounds the zone on the landward side (the coastal state's polygons).

    Returns
    -------
    shapely.geometry.Polygon
        The published vertices, then along the last vertex's parallel to
        :data:`INLAND_CLOSURE_LON`, back along the first vertex's parallel, minus ``land``;
        the piece holding the published vertices.
    """
    first_lat, last_lat = points[0][1], points[-1][1]
    ring = [*points, (INLAND_CLOSURE_LON, last_lat), (INLAND_CLOSURE_LON, first_lat)]
    sea = Polygon(ring).difference(land)
    pieces = sorted(shapely.get_parts(sea), key=lambda part: -part.area)
    return pieces[0]


def _gate_between(russia: BaseGeometry, west_probe: Polygon, east_probe: Polygon) -> tuple[tuple[float, float], ...]:
    parts = shapely.get_parts(russia)
    west = next(part for part in parts if part.intersects(west_probe))
    east = next(part for part in parts if part.intersects(east_probe))
    west_end, east_end = nearest_points(west, east)
    return ((round(west_end.x, 3), round(west_end.y, 3)), (round(east_end.x, 3), round(east_end.y, 3)))


def straits() -> tuple[StraitSpec, ...]:
    """Return every strait gate, those between two Kuril islands computed from the Natural Earth islands."""
    countries = read_countries()
    russia = countries.loc[countries["iso_a3"] == "RUS"].geometry.iloc[0]
    between = tuple(
        StraitSpec(strait_id, name, aliases, _gate_between(russia, west, east), basis, precision, sources)
        for strait_id, name, aliases, basis, precision, sources, west, east in ISLAND_GATES
    )
    return (*STRAITS, *between)


def zone_features() -> list[tuple[dict, BaseGeometry]]:
    """Return (properties, polygon) of every zone in :data:`ZONES`."""
    countries = read_countries()
    features = []
    for spec in ZONES:
        points = spec.points()
        if spec.coastal_iso3 is None:
            polygon = orient(Polygon(points), 1.0)
        else:
            coast = countries.loc[countries["iso_a3"] == spec.coastal_iso3].geometry.iloc[0]
            polygon = zone_polygon(points, coast)
        departure = max_great_circle_departure_km([*points, points[0]] if spec.coastal_iso3 is None else points)
        area = area_km2(polygon)
        properties = {
            "zone_id": spec.zone_id,
            "name": spec.name,
            "kind": "adiz",
            "published_vertices": ";".join(f"{lat} {lon}" for lat, lon in spec.vertices),
            "published": spec.published,
            "precision": spec.precision.format(gc_km=departure),
            "area_km2": round(area),
            "source": ";".join(spec.sources),
        }
        if spec.differences:
            properties["differences"] = spec.differences.format(
                area_km2=area, area_gap=area / TW_REPORTED_AREA_KM2 - 1.0
            )
        features.append((properties, polygon))
    return features


def strait_features() -> list[tuple[dict, BaseGeometry]]:
    """Return (properties, gate line) of every strait."""
    return [
        (
            {
                "strait_id": spec.strait_id,
                "name": spec.name,
                "aliases": ";".join(spec.aliases),
                "kind": "gate",
                "basis": spec.basis,
                "precision": spec.precision,
                "width_km": round(_GEOD.geometry_length(LineString(spec.points)) / 1000.0, 1),
                "source": ";".join(spec.sources),
            },
            LineString(spec.points),
        )
        for spec in straits()
    ]


def build(out_dir: Path = REFERENCE_DIR) -> dict[str, int]:
    """Write adiz.geojson and straits.geojson into ``out_dir``; return their sizes in bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return {
        "adiz.geojson": write_feature_collection(out_dir / "adiz.geojson", zone_features(), REFERENCE_DECIMALS),
        "straits.geojson": write_feature_collection(
            out_dir / "straits.geojson", strait_features(), REFERENCE_DECIMALS
        ),
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m geodata.build.reference [--out-dir DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m geodata.build.reference", description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=REFERENCE_DIR)
    args = parser.parse_args(argv)
    for name, size in build(args.out_dir).items():
        print(f"{args.out_dir / name}: {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
