"""Read the text of a navigational warning (NAVAREA, Russian PRIP, Chinese MSA) into a geometry.

Drill areas are announced as text listing positions: ``42-30.00N 131-45.00E``,
``42°30'N 131°45'E``, ``4230N 13145E``, ``N42-30 E131-45``, ``42-30.0С 131-45.0В``,
``北纬42°30′ 东经131°45′`` or decimal degrees. :func:`parse_notice` finds every position, decides
what shape the text describes (an area, a circle "radius 5 NM centred on …", a line "along the
line joining …", or a point) and builds it in EPSG:4326. It never raises: every part of the
text that looks like a position but cannot be read is quoted back in ``unparsed``.

Reading takes time linear in the text, whatever is pasted: Python's ``re`` holds the
interpreter lock while it matches, so one slow match would stall every session of a server.
No pattern has an unbounded run that can give characters back to another unbounded run
(runs of spaces and separators are possessive, ``*+``), no long run is scanned again from
every start of a search (a lookbehind or a bound stops it), and only the first
:data:`MAX_TEXT_CHARS` characters are read. ``tests/hardening/test_notice_timing.py`` lints
and times every pattern. Measured on a 2-core machine shared with other work (Python 3.11,
best of 7), any text of up to 100,000 characters is read in about 0.1 s at most (80-125 ms;
up to 0.3 s while the machine was busiest). The slowest are positions packed tight
(``1N1N1N…``: 10,000 latitudes, each checked and reported in Python code, not in a pattern);
long runs of spaces, digits, signs or separators take under 20 ms (up to 71 s before the
patterns were made linear). Building the shape does not depend on how the text is written
and is bounded by :data:`MAX_POSITIONS`: at worst 0.45-1.1 s for a corridor around 500
positions zigzagging over degrees, 0.3-0.5 s for a self-crossing polygon of 500. The last
:data:`CACHE_SIZE` results are kept, so a rerun with the same text costs nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import zip_longest
from types import MappingProxyType
from typing import NamedTuple

import numpy as np
import pyproj
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geodata.measure import aeqd_transformer
from geodata.problems import quote

MAX_TEXT_CHARS = 20_000
"""Longest text read; the rest of a longer text is ignored, with a warning."""
CIRCLE_SEGMENTS = 128
"""Vertices of a circle; the polygon's area is within 0.05 % of the true circle's."""
MAX_RADIUS_KM = 2_000.0
KM_PER_UNIT = MappingProxyType({"nm": 1.852, "cable": 0.1852, "km": 1.0, "m": 0.001})
QUOTE_LIMIT = 60
MAX_POSITIONS = 500
"""Positions used for the shape; a longer list is cut, with a warning."""
MAX_MESSAGES = 20
"""Messages about unreadable parts listed one by one; the rest are counted."""
CACHE_SIZE = 64
"""Texts whose :class:`ParsedNotice` is kept: the app parses the same text on every rerun."""

KINDS = ("polygon", "circle", "circles", "corridor", "line", "point", "none")
"""Values of :attr:`ParsedNotice.kind`."""

# One character in, one character out: spans found in the normalised text are the spans of
# the same characters in the text the user pasted, which is what messages quote.
_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + ord(c) - ord("A")): c for c in "NSEW"},
        "º": "°", "˚": "°", "∘": "°", "度": "°",
        "′": "'", "’": "'", "‘": "'", "´": "'", "`": "'", "ʹ": "'", "＇": "'", "分": "'",
        "″": '"', "”": '"', "“": '"', "ʺ": '"', "〃": '"', "＂": '"', "秒": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "－": "-",
        "，": ",", "、": ",", "；": ";", "．": ".", "：": ":", "／": "/",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\t": " ",
    }
)

_NUMBER = r"\d{1,2}(?:[.,]\d+)?"
_NUMBER_ALTERNATIVES = (
    # 42°30'15.5" / 42° 30.5' / 42°  (also 度/分/秒, normalised to signs)
    rf"(?P<ad>\d{{1,3}}(?:[.,]\d+)?) ?° ?(?:(?P<am>{_NUMBER}) ?'? ?(?:(?P<as>{_NUMBER}) ?(?:\"|'')?)?)?"
    # 42-30.00 / 42-30-15
    rf"|(?P<bd>\d{{1,3}})-(?P<bm>{_NUMBER})(?:-(?P<bs>{_NUMBER}))?'?"
    # 42 30.5 / 42 30 15 (only with a hemisphere)
    rf"|(?P<cd>\d{{1,3}}) (?P<cm>{_NUMBER})(?: (?P<cs>{_NUMBER}))?'?"
    # 4230 / 13145 / 423015 / 1314500, decimals on the last unit
    r"|(?P<pk>\d{4,7})(?P<pf>[.,]\d+)?"
    # 42 / 42.5 (degrees)
    r"|(?P<ed>\d{1,3}(?:[.,]\d+)?)°?"
)
_LETTER = "A-Za-zА-Яа-яЁё"
_SUFFIX = (
    rf"(?P<suf>[СсЮю]\.? ?[Шш]\.?|[ВвЗз]\.? ?[Дд]\.?|[NSEW]|[nsew](?<! [nsew])|[СЮВЗЕ])(?![{_LETTER}])"
)
_CHINESE_PREFIXES = MappingProxyType(
    {"北纬": "N", "北緯": "N", "南纬": "S", "南緯": "S", "东经": "E", "東經": "E", "东經": "E", "東经": "E",
     "西经": "W", "西經": "W"}
)
_LATIN_PREFIX = rf"(?P<pre>(?<![{_LETTER}\d.°'\"])[NSEW] ?)"
_CHINESE_PREFIX = rf"(?P<pre>(?:{'|'.join(_CHINESE_PREFIXES)}) *+)"
# A number glued to a letter (``l31-45E``) is a typo, not a position; a hemisphere letter
# before it (``42-30N131-45E``) is fine.
_SUFFIXED = re.compile(rf"(?<![\d.°A-DF-MO-RT-VX-Za-z-])(?:{_NUMBER_ALTERNATIVES}) ?{_SUFFIX}")
_PREFIX_END = r"(?![\d°'\"]|[.,]\d)"
_LATIN_PREFIXED = re.compile(rf"{_LATIN_PREFIX}(?:{_NUMBER_ALTERNATIVES}){_PREFIX_END}")
_CHINESE_PREFIXED = re.compile(rf"{_CHINESE_PREFIX}(?:{_NUMBER_ALTERNATIVES}){_PREFIX_END}")
_HEMISPHERES = MappingProxyType(
    {"N": "N", "S": "S", "E": "E", "W": "W", "С": "N", "Ю": "S", "В": "E", "З": "W", "Е": "E"}
)

_DECIMAL = r"-?\d{1,3}\.\d+"
_DECIMAL_PAIR = re.compile(rf"(?<![\d.°-])(?P<a>{_DECIMAL}) *+[,;/] *+(?P<b>{_DECIMAL})(?![\d.°'\"])")
_DECIMAL_PAIR_LINE = re.compile(
    rf"^ *+(?:\d{{1,3}}[.)] *+)?(?P<a>{_DECIMAL}) ++(?P<b>{_DECIMAL}) *+$", re.MULTILINE
)
# Separator characters, at most one joining word, separator characters. The runs are possessive:
# a word is not a separator character, so giving characters back could never help, and without
# it a failed match tries every split of a long run (quadratic).
_SEPARATOR_RUN = r"[\s,;/:&-]*+(?:and|и|和|至)?+[\s,;/:&-]*+"
_SEPARATOR = re.compile(rf"^{_SEPARATOR_RUN}$", re.IGNORECASE)
# Searched in a slice ending where a component starts. A match starting after a separator
# character would also start one character earlier, so the leftmost match never does: the
# lookbehind skips those starts, and each run is scanned once instead of once per start.
_SEPARATOR_BEFORE = re.compile(rf"(?<![\s,;/:&-]){_SEPARATOR_RUN}$", re.IGNORECASE)
_SEPARATOR_AFTER = re.compile(_SEPARATOR_RUN, re.IGNORECASE)
_SEPARATOR_WINDOW = 40

# The ending of a Russian unit or word (…ьях, …ами), at most 30 characters: unbounded, a word
# glued to thousands of others would be scanned again from every number in it (quadratic).
_ENDING = r"\w{0,30}"
_UNIT = (
    r"(?P<unit>nautical ++miles?|n\.? ?m\.?|nmi|n\.? ?miles?|miles?|cables?|kilomet(?:er|re)s?|km"
    rf"|met(?:er|re)s?|m|морск{_ENDING} ++мил{_ENDING}|мил[ьяи]{_ENDING}|кабельтов{_ENDING}|кбт|кб|км"
    rf"|метр{_ENDING}|м|海里|链|公里|千米|米)"
    rf"(?![{_LETTER}])"
)
# Bounded and not starting inside another number: a long run of digits stays linear to scan.
_RADIUS_NUMBER = r"(?<![\d.,])(?P<r>\d{1,6}(?:[.,]\d{1,6})?)"
# Runs of spaces are possessive (*+, ++, ?+). Giving spaces back cannot change the match (the
# next run takes them again, or the next item is not a space); trying to, two greedy runs in a
# row (" *-? *") tried every split of a long run of spaces, once per start (20,000: 40 s).
_RADIUS_PHRASES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"radius(?: ++of)?+ *+[:=]?+ *+{_RADIUS_NUMBER} *+{_UNIT}",
        rf"{_RADIUS_NUMBER} *+-?+ *+{_UNIT} ++radius",
        rf"within ++{_RADIUS_NUMBER} *+{_UNIT} ++(?:of|around|from)",
        rf"радиус{_ENDING} *+{_RADIUS_NUMBER} *+{_UNIT}",
        rf"半径 *+为?+ *+{_RADIUS_NUMBER} *+{_UNIT}",
    )
)
_LINE_WORDS = re.compile(
    r"along ++(?:the ++)?+(?:track *+)?+line|(?:track *+)?+line ++(?:joining|connecting|between)|trackline"
    r"|вдоль ++линии|по ++линии|лини[яиюей]++,?+ ++соединяющ|连线|航线",
    re.IGNORECASE,
)
_AREA_WORDS = re.compile(r"bounded|enclosed|polygon|ограниченн|围成|范围内|区域内", re.IGNORECASE)

_TOKEN = re.compile(r"[^\s,;/]+")
_COORDINATE_CHARS = re.compile(r"^[\dOoОоIl|°'\".:-]*[NSEWnsewСЮВЗ]?$|^[NSEW][\dOoОоIl|°'\".:-]+$")
_SUSPICIOUS = re.compile(
    r"°|\d['\"]?[NSEWnsewСЮВЗ]$|^[NSEW]\d|\d{1,3}-\d{1,2}[.,]\d|北纬|北緯|南纬|南緯|东经|東經|西经|西經"
)
_LETTER_O = re.compile(r"\d[OoОо]|[OoОо]\d")
_LETTER_L = re.compile(r"\d[lI|]|[lI|]\d")
_HEMISPHERE_MARK = re.compile(r"[NSEWnsewСЮВЗЕ]|北|南|东|東|西")


class Position(NamedTuple):
    """One position read from a notice, in degrees (south and west negative)."""

    lat: float
    lon: float


@dataclass(frozen=True)
class ParsedNotice:
    """What :func:`parse_notice` read from a notice.

    Attributes
    ----------
    geometry : shapely geometry or None
        In EPSG:4326 (lon, lat). Polygon for ``polygon``/``circle``/``corridor``, MultiPolygon
        for ``circles`` that do not overlap, LineString for ``line``, Point for ``point``; None
        when no position was read. A shape crossing 180° has continuous longitudes above 180.
    kind : str
        One of :data:`KINDS`.
    vertices : tuple of Position
        Every position read, in the order of the text, as written (longitudes in -180..180).
    warnings : tuple of str
        How the text was interpreted where it was not plain (repairs, assumptions).
    unparsed : tuple of str
        One message per part of the text that looks like a position but could not be read,
        quoting that part.
    radius_km : float or None
        Radius of a circle or corridor, in km.
    """

    geometry: BaseGeometry | None
    kind: str
    vertices: tuple[Position, ...]
    warnings: tuple[str, ...]
    unparsed: tuple[str, ...]
    radius_km: float | None = None


@dataclass(frozen=True)
class _Component:
    """A latitude or a longitude found in the text."""

    start: int
    end: int
    axis: str  # "lat" or "lon"
    value: float
    error: str = ""


def _number(text: str | None) -> float | None:
    return None if text is None else float(text.replace(",", "."))


def _split_packed(digits: str, fraction: str | None) -> tuple[float, float | None, float | None]:
    """Split ``4230``/``13145``/``423015``/``1314500`` into degrees, minutes, seconds."""
    width = 2 if len(digits) in (4, 6) else 3
    degrees, rest = float(digits[:width]), digits[width:]
    extra = float(fraction.replace(",", ".")) if fraction else 0.0
    if len(rest) == 2:
        return degrees, float(rest) + extra, None
    return degrees, float(rest[:2]), float(rest[2:]) + extra


def _component(match: re.Match) -> _Component:
    """Turn one regex match into a latitude or longitude, checking minutes and ranges."""
    groups = match.groupdict()
    marker = (groups.get("suf") or groups.get("pre") or "").strip()
    hemisphere = _CHINESE_PREFIXES.get(marker) or _HEMISPHERES.get(marker[:1].upper(), "")
    axis = "lat" if hemisphere in "NS" else "lon"
    sign = -1.0 if hemisphere in "SW" else 1.0
    if groups["pk"]:
        degrees, minutes, seconds = _split_packed(groups["pk"], groups["pf"])
    else:
        for prefix in "abce":
            if groups[f"{prefix}d"] is not None:
                degrees = _number(groups[f"{prefix}d"])
                minutes = _number(groups.get(f"{prefix}m"))
                seconds = _number(groups.get(f"{prefix}s"))
                break
    value = degrees + (minutes or 0.0) / 60.0 + (seconds or 0.0) / 3600.0
    error = ""
    if minutes is not None and degrees != int(degrees):
        error = "degrees with decimals cannot have minutes"
    elif minutes is not None and minutes >= 60:
        error = f"minutes {minutes:g} must be below 60"
    elif seconds is not None and seconds >= 60:
        error = f"seconds {seconds:g} must be below 60"
    elif axis == "lat" and value > 90:
        error = f"latitude {value:.6g}° is beyond 90°"
    elif axis == "lon" and value > 180:
        error = f"longitude {value:.6g}° is beyond 180°"
    return _Component(match.start(), match.end(), axis, sign * value, error)


def _components(norm: str) -> list[_Component]:
    """Every hemisphere-marked latitude and longitude, left to right, without overlaps.

    In ``42-30N 131-45E`` the ``N`` could also start ``N 131-45``: a text is read with
    hemisphere letters after the numbers unless that finds fewer values than reading them
    before (``N42-30 E131-45``). Chinese markers (``北纬``, ``东经`` …) are read either way.
    """
    suffixed = list(_SUFFIXED.finditer(norm))
    prefixed = list(_LATIN_PREFIXED.finditer(norm))
    latin = prefixed if len(prefixed) > len(suffixed) else suffixed
    matches = sorted([*latin, *_CHINESE_PREFIXED.finditer(norm)], key=lambda m: (m.start(), -m.end()))
    chosen: list[_Component] = []
    for match in matches:
        if chosen and match.start() < chosen[-1].end:
            continue
        chosen.append(_component(match))
    return chosen


def _decimal_pairs(norm: str) -> list[tuple[int, int, float, float]]:
    """Signed decimal ``lat, lon`` pairs, left to right, without overlaps.

    Used only when the text has no hemisphere-marked position.
    """
    matches = sorted(
        [*_DECIMAL_PAIR.finditer(norm), *_DECIMAL_PAIR_LINE.finditer(norm)], key=lambda m: (m.start("a"), -m.end("b"))
    )
    pairs: list[tuple[int, int, float, float]] = []
    for match in matches:
        if not pairs or match.start("a") >= pairs[-1][1]:
            pairs.append((match.start("a"), match.end("b"), float(match["a"]), float(match["b"])))
    return pairs


def _hint(piece: str) -> str:
    if _LETTER_O.search(piece):
        return "letter O instead of zero?"
    if _LETTER_L.search(piece):
        return "letter l or I instead of one?"
    if not _HEMISPHERE_MARK.search(piece):
        return "no hemisphere letter N, S, E or W"
    return "not a position format this reader knows"


def _uncovered_pieces(norm: str, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the text's tokens (split at spaces, commas, semicolons, slashes) left unread.

    ``covered`` holds the spans that were read, sorted and not overlapping.
    """
    pieces = []
    first = 0  # first covered span that can still meet a token
    for match in _TOKEN.finditer(norm):
        while first < len(covered) and covered[first][1] <= match.start():
            first += 1
        cursor = match.start()
        index = first
        while index < len(covered) and covered[index][0] < match.end():
            start, end = covered[index]
            if start > cursor:
                pieces.append((cursor, start))
            cursor = max(cursor, end)
            index += 1
        if cursor < match.end():
            pieces.append((cursor, match.end()))
    return pieces


def _unreadable(original: str, norm: str, covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Messages quoting position-like text outside every span that was read.

    Neighbouring position-like pieces separated only by spaces (``42° 3O' N``) are quoted as
    one; a group is reported when one of its pieces carries a degree sign, a hemisphere
    letter next to a digit or a ``DD-MM.m`` pattern, so dates and times are not.
    """
    groups: list[list[tuple[int, int]]] = []
    for start, end in _uncovered_pieces(norm, covered):
        piece = norm[start:end]
        if not (_COORDINATE_CHARS.match(piece) or _SUSPICIOUS.search(piece)):
            continue
        if groups and not norm[groups[-1][-1][1]:start].strip():
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
    messages = []
    for group in groups:
        if any(_SUSPICIOUS.search(norm[a:b]) for a, b in group):
            start, end = group[0][0], group[-1][1]
            text = quote(original[start:end], QUOTE_LIMIT)
            messages.append((start, end, f"could not read {text} ({_hint(norm[start:end])})"))
    return messages


def _pair(
    components: list[_Component], original: str, norm: str
) -> tuple[list[tuple[int, int, Position]], list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Join each latitude with the longitude next to it.

    Latitude comes first unless the text more often puts the longitude first.

    Returns
    -------
    positions : list of (start, end, Position)
    failures : list of (start, end, message)
        Pairs or components whose values are out of range.
    lone : list of (start, end, message)
        Well-formed components with no partner next to them.
    """
    def adjacent(first: _Component, second: _Component | None, leading: str) -> bool:
        return (
            second is not None
            and first.axis == leading
            and second.axis != leading
            and bool(_SEPARATOR.match(norm[first.end:second.start]))
        )

    neighbours = list(zip_longest(components, components[1:]))
    lon_first = sum(adjacent(a, b, "lon") for a, b in neighbours) > sum(adjacent(a, b, "lat") for a, b in neighbours)
    leading = "lon" if lon_first else "lat"
    positions, failures, lone = [], [], []
    i = 0
    while i < len(components):
        first = components[i]
        second = components[i + 1] if i + 1 < len(components) else None
        if adjacent(first, second, leading):
            errors = [c.error for c in (first, second) if c.error]
            if errors:
                text = quote(original[first.start:second.end], QUOTE_LIMIT)
                failures.append((first.start, second.end, f"could not read {text} ({'; '.join(errors)})"))
            else:
                lat, lon = (first, second) if first.axis == "lat" else (second, first)
                positions.append((first.start, second.end, Position(lat.value, lon.value)))
            i += 2
            continue
        text = quote(original[first.start:first.end], QUOTE_LIMIT)
        if first.error:
            failures.append((first.start, first.end, f"could not read {text} ({first.error})"))
        else:
            need = "a latitude needs a longitude" if first.axis == "lat" else "a longitude needs a latitude"
            lone.append((first.start, first.end, f"could not read {text} ({need} next to it)"))
        i += 1
    return positions, failures, lone


def _explained(
    lone: list[tuple[int, int, str]], unreadable: list[tuple[int, int, str]], norm: str
) -> list[tuple[int, int, str]]:
    """Drop partnerless components that sit next to unreadable text (their partner, misspelt)."""
    ends = {end for _, end, _ in unreadable}
    starts = {start for start, _, _ in unreadable}
    kept = []
    for start, end, message in lone:
        window = max(0, start - _SEPARATOR_WINDOW)
        before = window + _SEPARATOR_BEFORE.search(norm[window:start]).start()
        after = _SEPARATOR_AFTER.match(norm, end).end()
        if before not in ends and after not in starts:
            kept.append((start, end, message))
    return kept


def _radius(norm: str) -> tuple[float | None, list[str], list[str]]:
    """Radius in km of the first "radius N unit" phrase; warnings and problems about it."""
    matches = [m for m in (pattern.search(norm) for pattern in _RADIUS_PHRASES) if m]
    if not matches:
        return None, [], []
    match = min(matches, key=lambda m: m.start())
    unit = match["unit"].lower()
    if unit in ("m", "м", "米") or unit.startswith(("met", "метр")):
        key = "m"
    elif unit.startswith(("km", "kilo", "км", "公里", "千米")):
        key = "km"
    elif unit.startswith(("cable", "кабел", "кб", "链")):
        key = "cable"
    else:
        key = "nm"
    radius = float(match["r"].replace(",", ".")) * KM_PER_UNIT[key]
    phrase = quote(match.group(0), QUOTE_LIMIT)
    warnings = []
    if unit.startswith("mile"):
        warnings.append(f"read {phrase} as nautical miles, as navigational warnings use them")
    if not 0 < radius <= MAX_RADIUS_KM:
        return None, warnings, [f"could not use the radius in {phrase} (not between 0 and {MAX_RADIUS_KM:,.0f} km)"]
    return radius, warnings, []


def _continuous(points: list[Position]) -> list[tuple[float, float]]:
    """(lon, lat) tuples; across 180° western longitudes are shifted by +360 (Pacific frame)."""
    lons = [p.lon for p in points]
    shift = max(lons) - min(lons) > 180.0
    return [(p.lon + 360.0 if shift and p.lon < 0 else p.lon, p.lat) for p in points]


def geodesic_circle(centre: Position, radius_km: float, segments: int = CIRCLE_SEGMENTS) -> Polygon:
    """Return the polygon of all points within ``radius_km`` of ``centre`` on the WGS 84 ellipsoid.

    Parameters
    ----------
    centre : Position
        Centre in degrees.
    radius_km : float
        Geodesic radius in km.
    segments : int, default :data:`CIRCLE_SEGMENTS`
        Number of vertices.

    Returns
    -------
    shapely.geometry.Polygon
        In EPSG:4326, longitudes continuous around the centre's (above 180 when the circle
        crosses 180° east of a centre in the Pacific, below -180 west of it).
    """
    geod = pyproj.Geod(ellps="WGS84")
    azimuths = [360.0 * i / segments for i in range(segments)]
    lons, lats, _ = geod.fwd(
        [centre.lon] * segments, [centre.lat] * segments, azimuths, [radius_km * 1000.0] * segments
    )
    ring = [(centre.lon + (lon - centre.lon + 180.0) % 360.0 - 180.0, lat) for lon, lat in zip(lons, lats, strict=True)]
    return Polygon(ring)


def _local_buffer(line: LineString, radius_km: float) -> BaseGeometry:
    """Buffer a lon/lat line by ``radius_km`` in an azimuthal equidistant projection at its centre.

    Distances from the centre are exact in that projection; a corridor a few hundred km long
    is within about 1 % of its geodesic width.
    """
    centre = line.centroid
    transformer = aeqd_transformer(centre.x, centre.y)
    projected = shapely.transform(shapely.segmentize(line, 0.1), transformer.transform, interleaved=False)
    buffered = shapely.transform(
        projected.buffer(radius_km * 1000.0, quad_segs=32),
        lambda x, y: transformer.transform(x, y, direction="INVERSE"),
        interleaved=False,
    )

    def around_centre(coords: np.ndarray) -> np.ndarray:
        lon = centre.x + (coords[:, 0] - centre.x + 180.0) % 360.0 - 180.0
        return np.column_stack([lon, coords[:, 1]])

    return shapely.transform(buffered, around_centre)


def _polygon(ring: list[tuple[float, float]]) -> tuple[BaseGeometry, str, list[str]]:
    """Close the ring into a polygon, repaired if its boundary crosses itself."""
    polygon = Polygon(ring)
    if polygon.is_valid:
        return polygon, "polygon", []
    reason = shapely.is_valid_reason(polygon)
    repaired = shapely.make_valid(polygon, method="structure")
    if repaired.is_empty or repaired.area == 0:
        return LineString(ring), "line", ["the positions lie on one line; drawn as a line"]
    return repaired, "polygon", [
        f"the boundary crosses itself ({reason}): the positions may be listed out of order; "
        "the area inside the boundary is drawn"
    ]


def _pacific_frame(geometry: BaseGeometry) -> BaseGeometry:
    """Shift a shape reaching west of -180° by +360°, so everything crossing 180° lies past 180."""
    if geometry.bounds[0] < -180.0:
        return shapely.transform(geometry, lambda coords: coords + [360.0, 0.0])
    return geometry


def _shape(
    points: list[Position], radius_km: float | None, line_words: bool, area_words: bool
) -> tuple[BaseGeometry, str, list[str]]:
    """Build the geometry the positions and the wording describe (before the frame is fixed)."""
    unique = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    coords = _continuous(unique)
    ring = coords[:-1] if len(coords) > 1 and coords[0] == coords[-1] else coords
    if radius_km is not None and area_words and len(ring) >= 3:
        geometry, kind, warnings = _polygon(ring)
        return geometry, kind, [*warnings, "a radius is given, but the text describes an area bounded by the positions"]
    if radius_km is not None and line_words and len(unique) >= 2:
        return _local_buffer(LineString(coords), radius_km), "corridor", []
    if radius_km is not None:
        circles = [geodesic_circle(p, radius_km) for p in unique]
        if len(circles) == 1:
            return circles[0], "circle", []
        warning = f"the radius is applied around each of the {len(circles)} positions"
        return shapely.union_all(circles), "circles", [warning]
    if len(unique) == 1:
        return Point(coords[0]), "point", []
    if line_words and not area_words:
        return LineString(coords), "line", []
    if len(ring) < 3:
        return LineString(coords), "line", ["two positions make a line, not an area"]
    return _polygon(ring)


def _signed_pairs(
    original: str, norm: str
) -> tuple[list[tuple[int, int, Position]], list[tuple[int, int, str]], list[tuple[int, int]], list[str]]:
    """Positions from signed decimal pairs; a pair whose first value exceeds 90 is read lon, lat."""
    found, failures, warnings = [], [], []
    pairs = _decimal_pairs(norm)
    for start, end, first, second in pairs:
        text = quote(original[start:end], QUOTE_LIMIT)
        if abs(first) > 90 >= abs(second):
            first, second = second, first
            warnings.append(f"read {text} as longitude, latitude")
        if abs(first) > 90 or abs(second) > 180:
            failures.append((start, end, f"could not read {text} (not a latitude and longitude)"))
        else:
            found.append((start, end, Position(first, second)))
    return found, failures, [(start, end) for start, end, *_ in pairs], warnings


def parse_notice(text: object) -> ParsedNotice:
    """Read the positions of a navigational warning and build the area it describes.

    Parameters
    ----------
    text : str
        The notice as pasted. Positions may be degrees-minutes(-seconds) with signs, dashes,
        spaces or packed digits (``42°30.5'N``, ``42-30.00N``, ``42 30 N``, ``4230N``,
        ``423015N``), decimal degrees with a hemisphere (``42.5N``), the hemisphere before or
        after (``N42-30``), Russian markers (``С``/``Ю``/``В``/``З``, ``с.ш.``/``в.д.``) and
        Chinese ones (``北纬``/``南纬``/``东经``/``西经``, ``度``/``分``/``秒``). Signed decimal
        pairs (``42.5, 131.75``) are read only when the text has no hemisphere markers.
        The wording decides the shape: "radius 5 NM" (also ``радиусом 5 миль``, ``半径5海里``)
        gives a geodesic circle around each position, or a corridor along a line; "along the
        line joining" (``по линии``, ``连线``) a line; otherwise three or more positions give a
        polygon, two a line and one a point. "miles" are read as nautical miles.

    Returns
    -------
    ParsedNotice
        Never raises; text that cannot be read is quoted in ``unparsed``.

    Notes
    -----
    The last :data:`CACHE_SIZE` results are kept (``parse_notice.cache_info()``,
    ``parse_notice.cache_clear()``): the app calls this on every rerun with the same text. A
    result is shared, which is safe because :class:`ParsedNotice` is frozen, its fields are
    tuples, and shapely geometries cannot be changed.

    Examples
    --------
    >>> parse_notice("42-30.00N 131-45.00E 42-30.00N 132-00.00E 42-00.00N 132-00.00E").kind
    'polygon'
    """
    if not isinstance(text, str) or not text.strip():
        return ParsedNotice(None, "none", (), (), ("the text is empty",))
    # What is read depends only on the first MAX_TEXT_CHARS characters and, for the warning
    # about the rest, on the length: a key that stays small however long the text.
    return _parse_cached(text[:MAX_TEXT_CHARS], len(text))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _parse_cached(text: str, length: int) -> ParsedNotice:
    """Parse ``text``, at most :data:`MAX_TEXT_CHARS` long, of a notice ``length`` characters long."""
    warnings: list[str] = []
    if length > MAX_TEXT_CHARS:
        warnings.append(f"only the first {MAX_TEXT_CHARS:,} of {length:,} characters were read")
    norm = text.translate(_NORMALISE)
    components = _components(norm)
    found, failures, lone = _pair(components, text, norm)
    covered = [(c.start, c.end) for c in components]
    if not components:
        found, failures, covered, pair_warnings = _signed_pairs(text, norm)
        warnings.extend(pair_warnings)
    unreadable = _unreadable(text, norm, covered)
    messages = sorted(failures + unreadable + _explained(lone, unreadable, norm))
    unparsed = [message for _, _, message in messages]
    if len(unparsed) > MAX_MESSAGES:
        more = f"… and {len(unparsed) - MAX_MESSAGES:,} more parts that could not be read"
        unparsed = [*unparsed[:MAX_MESSAGES], more]
    if len(found) > MAX_POSITIONS:
        warnings.append(f"only the first {MAX_POSITIONS} of {len(found):,} positions are used")
        found = found[:MAX_POSITIONS]
    radius_km, radius_warnings, radius_problems = _radius(norm)
    warnings.extend(radius_warnings)
    unparsed.extend(radius_problems)
    vertices = tuple(position for _, _, position in found)
    if not vertices:
        if not unparsed:
            unparsed.append("found no position (such as 42-30.00N 131-45.00E) in the text")
        return ParsedNotice(None, "none", (), tuple(warnings), tuple(unparsed))
    area_words = bool(_AREA_WORDS.search(norm))
    geometry, kind, shape_warnings = _shape(list(vertices), radius_km, bool(_LINE_WORDS.search(norm)), area_words)
    geometry = _pacific_frame(geometry)
    if kind not in ("circle", "circles", "corridor"):
        radius_km = None
    return ParsedNotice(geometry, kind, vertices, tuple(warnings + shape_warnings), tuple(unparsed), radius_km)


parse_notice.cache_info = _parse_cached.cache_info
parse_notice.cache_clear = _parse_cached.cache_clear
