"""Read the text of a navigational warning into its areas, each with its label, shape and times.

Drill areas are announced as text listing positions: ``42-30.00N 131-45.00E``,
``42°30'N 131°45'E``, ``4230N 13145E``, ``N42-30 E131-45``, ``42-30.0С 131-45.0В``,
``北纬42°30′ 东经131°45′``, ``北緯36度38分36秒 東経141度20分48秒``,
``43°12′45,7″ северной широты`` or decimal degrees, or "10 NM NE OF" one of them.
:func:`parse_notice` finds every position, splits the text into areas (on labels ``A.``,
``2)``, ``(3)``, ``AREA 4``, on a new warning's header ``HYDROPAC 2345/24``, ``辽航警1234/24``,
and where a polygon's list gives way to a circle), decides what shape each area is (a polygon,
a circle "radius 5 NM centred on …", a sector between two bearings, a corridor "5 NM either
side of the line joining …", a line or a point), builds it in EPSG:4326 on the WGS 84
ellipsoid (:mod:`geodata.geometry`), and reads when the warning is in force
(:mod:`geodata.notice_times`). It never raises: every part of the text that looks like a
position but cannot be read is quoted back in ``unparsed``.

Reading takes time linear in the text, whatever is pasted: Python's ``re`` holds the
interpreter lock while it matches, so one slow match would stall every session of a server.
No pattern has an unbounded run that can give characters back to another unbounded run
(runs of spaces and separators are possessive, ``*+``), no long run is scanned again from
every start of a search (a lookbehind or a bound stops it), every word list is finite, and
only the first :data:`MAX_TEXT_CHARS` characters are read. After the patterns, the work is
one pass over the positions and labels found (sorted, so n log n in their number) and the
shapes, bounded by :data:`MAX_POSITIONS` and :data:`MAX_AREAS`.
``tests/hardening/test_notice_timing.py`` lints every pattern of this module and of
:mod:`geodata.notice_times` and times them. Worst case measured on the 2-core build machine
shared with other work (Python 3.11, best of 3, load average near 4): every text of up to
100,000 characters (only the first 20,000 are read) in 0.25 s at most. The slowest found are
shapes, not patterns: three lettered self-crossing boundaries of 150 positions each, repaired,
0.24 s; a corridor along 500 zigzag positions 0.15-0.23 s. The slowest texts for the patterns
are runs of one piece: ``150800Z`` x 2,500 (2,500 date-time groups) 0.20 s, ``北緯1度`` x 4,000
0.13 s, ``1N`` x 10,000 0.12 s, ``(1)`` x 6,700 0.12 s; long runs of spaces, digits or signs
take under 0.05 s. A self-crossing boundary of more than :data:`MAX_REPAIR_POSITIONS` positions
is not repaired (500 zigzag positions took 1 s), and no shape past :data:`MAX_AREAS` is built.
The pattern for a distance followed by a word ("TWO MILE WIDE", "10 NM NE OF"), added later, scans
the text once more, like each radius pattern that starts with a number: 0.03 s over ``1N`` x 6,667
(20,000 characters), within the noise of whole parses on the shared machine (``1N`` x 10,000,
best of 5: 0.20-0.30 s at load 2-3, with and without it).
The property test there feeds 300 generated adversarial texts of up to 100,000 characters
(runs of spaces, digits, dashes, degree signs, hemisphere letters, labels, headers, times and
mixed scripts), each under 0.5 s. The last :data:`CACHE_SIZE` results are kept, so a rerun with
the same text costs nothing.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from itertools import zip_longest
from types import MappingProxyType
from typing import NamedTuple

import shapely
from shapely.geometry import GeometryCollection, LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geodata.geometry import WGS84, geodesic_circle, geodesic_corridor, geodesic_sector
from geodata.notice_times import TimeWindow, read_times
from geodata.problems import quote

MAX_TEXT_CHARS = 20_000
"""Longest text read; the rest of a longer text is ignored, with a warning."""
MAX_RADIUS_KM = 2_000.0
KM_PER_UNIT = MappingProxyType({"nm": 1.852, "cable": 0.1852, "km": 1.0, "m": 0.001})
QUOTE_LIMIT = 60
MAX_POSITIONS = 500
"""Positions used for the shapes; a longer list is cut, with a warning."""
MAX_REPAIR_POSITIONS = 150
"""A self-crossing boundary of more positions is drawn as its outline, not repaired: repair costs
time with the square of the crossings (150 zigzag positions take about 0.15 s, 500 about 1 s)."""
MAX_AREAS = 50
"""Areas built; a text with more is cut, with a warning."""
MAX_MESSAGES = 20
"""Messages about unreadable parts listed one by one; the rest are counted."""
CACHE_SIZE = 64
"""Texts whose :class:`ParsedNotice` is kept: the app parses the same text on every rerun."""

AREA_KINDS = ("polygon", "circle", "circles", "sector", "corridor", "line", "point")
"""Values of :attr:`NoticeArea.kind`."""
KINDS = (*AREA_KINDS, "areas", "none")
"""Values of :attr:`ParsedNotice.kind`: an area's kind, ``areas`` for several, ``none`` for none."""

# One character in, one character out: spans found in the normalised text are the spans of
# the same characters in the text the user pasted, which is what messages quote.
_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(ord("A") + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(ord("a") + i) for i in range(26)},
        "º": "°", "˚": "°", "∘": "°", "度": "°", "゜": "°",
        "′": "'", "’": "'", "‘": "'", "´": "'", "`": "'", "ʹ": "'", "＇": "'", "分": "'", "‵": "'",
        "ˊ": "'", "՚": "'", "ʼ": "'", "‛": "'", "｀": "'",
        "″": '"', "”": '"', "“": '"', "ʺ": '"', "〃": '"', "＂": '"', "秒": '"', "〞": '"', "〝": '"',
        "〟": '"', "‶": '"', "˝": '"', "„": '"', "‟": '"', "»": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "－": "-", "―": "-", "ー": "-",
        "，": ",", "、": ",", "；": ";", "．": ".", "：": ":", "／": "/", "（": "(", "）": ")", "［": "[",
        "］": "]", "〔": "[", "〕": "]", "【": "[", "】": "]", "～": "~", "〜": "~", "。": ".",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\t": " ", "\u2002": " ", "\u2003": " ",
        # Look-alikes typed for hemisphere letters: Greek capitals and Cyrillic Dze and We.
        "Ν": "N", "Ε": "E", "Ѕ": "S", "Ԝ": "W",
    }
)
# In a Russian text a Latin C or B right after a number is the Cyrillic С (north) or В (east)
# typed on the wrong keyboard layout.
_LATIN_LOOKALIKE = re.compile(r"""(?:(?<=[\d'"°])|(?<=[\d'"°] ))[CB](?![A-Za-zА-Яа-я])""")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")

_NUMBER = r"\d{1,2}(?:[.,]\d+)?"
# "deg." and "degrees" for the degree sign, and north, south, east, west written out after a degree,
# minute or seconds sign or the word "degrees" ("57 deg. 29.8' north, 152 deg. 17.0' west", "56.5
# degrees north": the Kodiak launch safety zone as published by KMXT).
_DEG_WORD = r"(?i:deg(?:rees?|\.))"
_ENGLISH_HEMISPHERE = r"(?:(?<=['\"°.s] )|(?<=['\"°]))(?i:north|south|east|west)"
_NUMBER_ALTERNATIVES = (
    # 42°30'15.5" / 42° 30.5' / 42°  (also 度/分/秒, normalised to signs); minutes and seconds
    # run together before a seconds sign (42°3015") are read apart in Python, when unambiguous
    rf"(?P<ad>\d{{1,3}}(?:[.,]\d+)?) ?(?:°|{_DEG_WORD}) ?(?:(?P<ams>\d{{2,4}}(?:[.,]\d+)?) ?(?:\"|'')"
    rf"|(?P<am>{_NUMBER})(?!\d) ?'? ?(?:(?P<as>{_NUMBER}) ?(?:\"|'')?)?)?"
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
# Russian hemispheres spelled out: "северной широты", "восточной долготы" (any case). The
# first letter (С, Ю, В, З) is the hemisphere, as in "с.ш.".
_SPELLED = r"(?i:(?:северн|южн|восточн|западн)[а-яё]{0,3} ++(?:широт|долгот)[а-яё]{0,2})"
# A letter that starts a hyphenated word is not a hemisphere ("+47 76 14 45 87 E-MAIL" in NAVAREA
# XIX 76/26 is a telephone number).
_SUFFIX = (
    rf"(?P<suf>{_SPELLED}|{_ENGLISH_HEMISPHERE}|[СсЮю]\.? ?[Шш]\.?|[ВвЗз]\.? ?[Дд]\.?|[NSEW]|[nsew](?<! [nsew])"
    rf"|[СЮВЗЕ])(?![{_LETTER}]|-[{_LETTER}])"
)
_CJK_PREFIXES = MappingProxyType(
    {
        "北纬": "N", "北緯": "N", "南纬": "S", "南緯": "S",
        "东经": "E", "東經": "E", "东經": "E", "東经": "E", "東経": "E", "东経": "E",
        "西经": "W", "西經": "W", "西経": "W",
    }
)
_LATIN_PREFIX = rf"(?P<pre>(?<![{_LETTER}\d.°'\"])[NSEW] ?)"
_CJK_PREFIX = rf"(?P<pre>(?:{'|'.join(_CJK_PREFIXES)}) *+)"
# A number glued to a letter (``l31-45E``) is a typo, not a position; a hemisphere letter
# before it (``42-30N131-45E``) is fine, and so is a label glued to it by its dot, a letter or
# one or two digits after a space or at the start of a line (``A.68-59.34N``, ``В.66-30.5С``,
# ``1.64-35-22.3С`` in NAVAREA XIX 6/26 and ПРИП АРХАНГЕЛЬСК 4/26 and 48/26).
_GLUED_LABEL = r"(?<=(?<![^\s])[A-ZА-Я]\.)|(?<=(?<![^\s])\d\.)|(?<=(?<![^\s])\d\d\.)"
_SUFFIXED = re.compile(
    rf"(?:(?<![\d.°A-DF-MO-RT-VX-Za-z-])|{_GLUED_LABEL})(?:{_NUMBER_ALTERNATIVES}) ?{_SUFFIX}"
)
_PREFIX_END = r"(?![\d°'\"]|[.,]\d)"
_LATIN_PREFIXED = re.compile(rf"{_LATIN_PREFIX}(?:{_NUMBER_ALTERNATIVES}){_PREFIX_END}")
_CJK_PREFIXED = re.compile(rf"{_CJK_PREFIX}(?:{_NUMBER_ALTERNATIVES}){_PREFIX_END}")
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
_SEPARATOR_RUN = r"[\s,;/:&|-]*+(?:and|и|和|至|及)?+[\s,;/:&|-]*+"
_SEPARATOR = re.compile(rf"^{_SEPARATOR_RUN}$", re.IGNORECASE)
# Searched in a slice ending where a component starts. A match starting after a separator
# character would also start one character earlier, so the leftmost match never does: the
# lookbehind skips those starts, and each run is scanned once instead of once per start.
_SEPARATOR_BEFORE = re.compile(rf"(?<![\s,;/:&|-]){_SEPARATOR_RUN}$", re.IGNORECASE)
_SEPARATOR_AFTER = re.compile(_SEPARATOR_RUN, re.IGNORECASE)
_SEPARATOR_WINDOW = 40

# The ending of a Russian unit or word (…ьях, …ами): letters only, at most 30, taken whole. Unbounded,
# a word glued to thousands of others would be scanned again from every number in it (quadratic);
# bounded but giving back (``\w{0,30}``), "радиус" glued 3,333 times tried the number after each of
# 30 lengths of every ending (147 ms of a parse's 190 ms, against 18 ms when the limit was set).
_ENDING = r"[^\W\d_]{0,30}+"
_UNIT = (
    r"(?P<unit>nautical ++miles?|n\.? ?m\.?|nmi|n\.? ?miles?|miles?|cables?|kilomet(?:er|re)s?|km"
    rf"|met(?:er|re)s?|m|морск{_ENDING} ++мил{_ENDING}|мил[ьяи]{_ENDING}|кабельтов{_ENDING}|кбт|кб|км"
    rf"|метр{_ENDING}|м|海里|浬|链|公里|千米|米|メートル|キロメートル)"
    rf"(?![{_LETTER}])"
)
# Numbers in words, up to the nineties in English; Russian and Chinese numerals to thirty.
ENGLISH_NUMBERS = MappingProxyType(
    {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "half": 0.5, "a half": 0.5,
    }
)
RUSSIAN_NUMBER_STEMS = MappingProxyType(
    {
        "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
        "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
        "один": 1, "одн": 1, "полтор": 1.5, "дв": 2, "тр": 3, "четыр": 4, "пят": 5, "шест": 6, "сем": 7,
        "восем": 8, "восьм": 8, "девят": 9, "десят": 10,
    }
)
CHINESE_DIGITS = MappingProxyType(
    {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
)
_ENGLISH_WORD = "|".join(sorted((k for k in ENGLISH_NUMBERS if " " not in k), key=len, reverse=True))
_ENGLISH_NUMBER = rf"(?:{_ENGLISH_WORD})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?+(?![a-z])"
_RUSSIAN_NUMBER = rf"(?:{'|'.join(sorted(RUSSIAN_NUMBER_STEMS, key=len, reverse=True))})[а-яё]{{0,5}}"
_CHINESE_NUMBER = r"[一二两兩三四五六七八九十]{1,3}"
_NUMBER_FIRST = "".join(sorted({word[0] for word in _ENGLISH_WORD.split("|")}
                               | {stem[0] for stem in RUSSIAN_NUMBER_STEMS} | set("一二两兩三四五六七八九十")))
# Bounded and not starting inside another number: a long run of digits stays linear to scan. The
# lookahead turns away a place where no number can start with one test of its character, before the
# ~70 number words are tried there (a text of 20,000 spaces: 107 → 8 ms over its phrase patterns).
_RADIUS_NUMBER = (
    rf"(?=[\d{_NUMBER_FIRST}])(?:(?<![\d.,])(?P<r>\d{{1,6}}(?:[.,]\d{{1,6}})?)"
    rf"|(?P<w>{_ENGLISH_NUMBER}|{_RUSSIAN_NUMBER}|{_CHINESE_NUMBER}))"
)
# Runs of spaces are possessive (*+, ++, ?+). Giving spaces back cannot change the match (the
# next run takes them again, or the next item is not a space); trying to, two greedy runs in a
# row (" *-? *") tried every split of a long run of spaces, once per start (20,000: 40 s).
_RADIUS_PHRASES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"radius(?: ++of)?+ *+[:=]?+ *+{_RADIUS_NUMBER} *+{_UNIT}",
        rf"{_RADIUS_NUMBER} *+-?+ *+{_UNIT} ++radius",
        rf"within ++(?:a ++)?+{_RADIUS_NUMBER} *+{_UNIT} ++(?:of|around|from)",
        rf"радиус{_ENDING} *+(?:в ++)?+{_RADIUS_NUMBER} *+{_UNIT}",
        rf"半径 *+(?:为|為|は)?+ *+{_RADIUS_NUMBER} *+{_UNIT}",
    )
)
# Half-widths of corridors: "5 NM EITHER SIDE OF", "within a range of 300 meters from both
# sides", "两侧各300米", "по 2 мили в обе стороны".
_WIDTH_PHRASES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"{_RADIUS_NUMBER} *+-?+ *+{_UNIT} ++(?:on ++)?+(?:either|each|both) ++sides?+",
        rf"(?:range|distance|width) ++of ++{_RADIUS_NUMBER} *+{_UNIT} ++(?:from|on|to) ++"
        r"(?:both|either|each) ++sides?+",
        rf"(?:两侧|兩側|両側)各?+ *+{_RADIUS_NUMBER} *+{_UNIT}",
        rf"{_RADIUS_NUMBER} *+{_UNIT} ++(?:в ++)?+(?:обе|каждую) ++сторон",
    )
)
# A point given by its distance and compass direction from a position: "10 NM NE OF 42-30N 131-45E".
COMPASS = MappingProxyType(
    {
        **{
            point: index * 22.5
            for index, point in enumerate(
                ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
            )
        },
        "NORTH": 0.0, "NORTHEAST": 45.0, "EAST": 90.0, "SOUTHEAST": 135.0, "SOUTH": 180.0, "SOUTHWEST": 225.0,
        "WEST": 270.0, "NORTHWEST": 315.0,
    }
)
"""True bearings of compass points and words, for offsets such as "10 NM NE OF"."""
_COMPASS_WORD = "|".join(
    word.replace("HE", "H[- ]?+E").replace("HW", "H[- ]?+W") for word in sorted(COMPASS, key=len, reverse=True)
)
# One pattern for both phrases that follow a distance with a word (each pattern starting with a
# number costs a scan of the text): a full width of a corridor, "TWO MILE WIDE SEA STRIP ALONG
# THE CENTRELINE" (one mile either side), or an offset, "10 NM NE OF".
_DISTANCE_THEN_WORD = re.compile(
    rf"{_RADIUS_NUMBER} *+-?+ *+{_UNIT} ++(?:(?P<wide>wide)|(?P<dir>{_COMPASS_WORD}) ++(?:of|from))(?![a-z])",
    re.IGNORECASE,
)
# A place named between the offset and its position in brackets: "13 MILES NORTHWEST OF CABO SAN
# ANTONIO (21-51N 084-56W)" (NGA's distress relays); matched on a slice of at most
# _SEPARATOR_WINDOW characters.
_PLACE_THEN_BRACKET = re.compile(r"^\s*+[a-z][a-z'.\s-]{0,38}+\(\s*+$", re.IGNORECASE)
_SECTOR_WORDS = re.compile(r"sector|сектор|扇形|扇状", re.IGNORECASE)
_BEARING = r"(?P<{name}>\d{{1,3}}(?:\.\d{{1,2}})?)(?!\d)"
_BEARINGS = re.compile(
    r"(?:bearings?|пеленг[а-я]{0,4}) ++(?:from ++|between ++|of ++|от ++)?+" + _BEARING.format(name="b1")
    + r" *+°?+ *+(?:t(?:rue)?+(?![a-z]))?+ *+(?:-|and|to|through|thru|clockwise ++to|до|и) *+"
    + _BEARING.format(name="b2") + r"(?: *+°)?+"
    + r"|between ++(?P<b3>\d{3})(?!\d) *+°?+ *+t?+ ++and ++(?P<b4>\d{3})(?!\d)(?: *+°)?+"
    # Two three-figure bearings with degree signs joined by ~ (〜, ～) or 至: "025°~155°の扇形" (JCG).
    + r"|(?<![\d.°'])(?P<b5>\d{3})° *+(?:~|至) *+(?P<b6>\d{3})°(?![\d'\"])",
    re.IGNORECASE,
)
_CENTRE_WORDS = re.compile(r"cent(?:re|er)|центр|中心", re.IGNORECASE)
_LINE_WORDS = re.compile(
    r"along ++(?:the ++)?+(?:track *+)?+line|(?:track *+)?+line ++(?:joining|connecting|between)|trackline"
    r"|вдоль ++линии|по ++линии|лини[яиюей]++,?+ ++соединяющ|连线|連線|航线|を結ぶ線",
    re.IGNORECASE,
)
# A closed list of positions described as an area is an area, whatever joins them (连线所围海域:
# the sea enclosed by the lines joining the points; …之间, between them; район ограничен, the
# area is bounded).
_AREA_WORDS = re.compile(
    r"bounded|bound ++by|enclosed|polygon|ограничен|所围|所圍|围成|圍成|范围|範圍|区域内|區域內|以内|之间|之間"
    r"|海域|水域|囲まれ|円内|区域|内侧|內側",
    re.IGNORECASE,
)
# Labels of areas (and of points, in a numbered list): "A.", "B)", "2.", "3-", "(4)", "AREA 5",
# "区域A", "点1", at the start of a line or after punctuation, and the rows of a KHOA table
# ("1 - East Coast ~ …") at the start of a line. A letter glued to a word is part of it
# (РАЙОНЕ is not "РАЙОН Е"); so is a letter after an abbreviation's dot (U.A.E. is not "E.") and a
# letter in brackets after a word (a station's identifier: "NEW ORLEANS (G) 29-53.10N"), and the
# minutes of a time ("20:00- 21:00 UTC" in NAVAREA XIX 76/26). The run of
# spaces before a label is scanned once (the lookbehind fails inside it).
_LABEL = re.compile(
    r"\((?P<paren>(?<![A-Za-zА-Яа-я] \()(?<![A-Za-zА-Яа-я]\()[A-Za-z]|\d{1,2})\)"
    r"|(?<![^\n;,.:(])[ ]*+"
    r"(?P<label>(?:(?:AREA|ZONE|BOX|SECTOR|РАЙОН|ЗОНА|ПОЛИГОН) |区域|區域|海域|点|點) ?(?:[A-ZА-Я]|\d{1,2})(?![\w])"
    r"|(?:AREA|ZONE|BOX|SECTOR|РАЙОН|ЗОНА|ПОЛИГОН)\d{1,2}(?![\w])"
    r"|(?<![A-Za-z]\.)(?<![A-Za-zА-Яа-я] \()(?<![A-Za-zА-Яа-я]\()[A-ZА-Я](?=[.):] ?[\d(NSEW北南]|[.)][ \n])"
    r"|(?<!\d:)\d{1,2}(?=[.)] |- |\) ?\d)|(?<![^\n])\d{1,2}(?= - ))"
)
# Headers of warnings: a new one starts a new set of areas. The year of its number dates the
# warning's days.
_HEADER = re.compile(
    r"(?<![\w/])(?P<header>(?:HYDROPAC|HYDROLANT|NAVAREA(?: ?[IVXL]{1,5}(?![A-Z]))?+|NAVTEX|NAVIP|PRIP|ПРИП|НАВИП"
    r"|НАВАРЕА(?: ?[IVXL]{1,5})?+|HN(?=\d{4})|[\u4e00-\u9fff]{1,3}航[警通]|航行警告|航行警報)"
    r"[^\n\d,.:;]{0,24}?(?:\[(?P<bracket>\d{4})\] ?\d{1,4}号?|\d{1,4}(?: ?/ ?(?P<year>\d{2}(?:\d\d)?+)(?!\d))?+))"
)
_JAPANESE_ITEM = re.compile(r"(?<![\d])(?P<header>(?:\d{1,2}|元)年\d{1,4}項)")

_TOKEN = re.compile(r"[^\s,;/]+")
_COORDINATE_CHARS = re.compile(r"^[\dOoОоIl|°'\".:-]*[NSEWnsewСЮВЗ]?$|^[NSEW][\dOoОоIl|°'\".:-]+$")
_SUSPICIOUS = re.compile(
    r"°|\d['\"]?[NSEWnsewСЮВЗ]$|^[NSEW]\d|\d{1,3}-\d{1,2}[.,]\d|北纬|北緯|南纬|南緯|东经|東經|東経|西经|西經|西経"
)
_LETTER_O = re.compile(r"\d[OoОо]|[OoОо]\d")
_LETTER_L = re.compile(r"\d[lI|]|[lI|]\d")
_HEMISPHERE_MARK = re.compile(r"[NSEWnsewСЮВЗЕ]|北|南|东|東|西")


class Position(NamedTuple):
    """One position read from a notice, in degrees (south and west negative)."""

    lat: float
    lon: float


@dataclass(frozen=True)
class NoticeArea:
    """One area of a warning: what it is called, its shape and when it is in force.

    Attributes
    ----------
    label : str
        As written before it: ``A``, ``2``, ``AREA 3``, a warning's number
        (``HYDROPAC 2345/24``) when the area has no label of its own; empty when the text has
        neither.
    kind : str
        One of :data:`AREA_KINDS`.
    geometry : shapely geometry
        In EPSG:4326 (lon, lat). Polygon for ``polygon``/``circle``/``sector``/``corridor``
        (MultiPolygon when ``circles`` do not overlap or a repaired polygon falls apart),
        LineString for ``line``, Point for ``point``. A shape crossing 180° has continuous
        longitudes above 180.
    vertices : tuple of Position
        The positions it was built from, in the order of the text (longitudes in -180..180).
    radius_km : float or None
        Radius of a circle or sector, half-width of a corridor, in km.
    warnings : tuple of str
        How this area was read where the text was not plain.
    times : tuple of TimeWindow
        When it is in force (its warning's periods and daily windows), in UTC.
    bearings : tuple of (float, float) or None
        A sector's true bearings from its apex, clockwise from the first to the second.
    """

    label: str
    kind: str
    geometry: BaseGeometry
    vertices: tuple[Position, ...]
    radius_km: float | None = None
    warnings: tuple[str, ...] = ()
    times: tuple[TimeWindow, ...] = ()
    bearings: tuple[float, float] | None = None


@dataclass(frozen=True)
class ParsedNotice:
    """What :func:`parse_notice` read from a notice.

    Attributes
    ----------
    areas : tuple of NoticeArea
        Every area, in the order of the text.
    warnings : tuple of str
        How the text as a whole was interpreted (repairs, assumptions about time zones).
    unparsed : tuple of str
        One message per part of the text that looks like a position but could not be read,
        quoting that part.
    times : tuple of TimeWindow
        Every time window read from the text, in UTC.
    """

    areas: tuple[NoticeArea, ...]
    warnings: tuple[str, ...]
    unparsed: tuple[str, ...]
    times: tuple[TimeWindow, ...] = field(default=())

    @property
    def kind(self) -> str:
        """The one area's kind, ``areas`` for several, ``none`` when nothing was read."""
        if not self.areas:
            return "none"
        return self.areas[0].kind if len(self.areas) == 1 else "areas"

    @property
    def geometry(self) -> BaseGeometry | None:
        """The one area's shape, a GeometryCollection of several, or None."""
        if not self.areas:
            return None
        if len(self.areas) == 1:
            return self.areas[0].geometry
        return GeometryCollection([area.geometry for area in self.areas])

    @property
    def vertices(self) -> tuple[Position, ...]:
        """Every position used, area after area."""
        return tuple(p for area in self.areas for p in area.vertices)

    @property
    def radius_km(self) -> float | None:
        """The one area's radius (circle, sector) or half-width (corridor); None otherwise."""
        return self.areas[0].radius_km if len(self.areas) == 1 else None


def area_title(name: str, area: NoticeArea, index: int, count: int) -> str:
    """How an area is named on the map, in the measures and in a saved region.

    The notice's name alone when the notice has one area; with several, the name and the
    area's label as written (``Pasted notice — A``), or its number when it has no label.
    """
    if count <= 1:
        return name
    return f"{name} — {area.label or f'area {index}'}"


@dataclass(frozen=True)
class _Component:
    """A latitude or a longitude found in the text."""

    start: int
    end: int
    axis: str  # "lat" or "lon"
    value: float
    error: str = ""
    note: str = ""


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


def _run_together(digits: str, fraction: str | None) -> list[tuple[float, float]]:
    """Every reading of minutes and seconds written with no separator (``3015`` before a seconds sign).

    Four digits can only be MMSS; three are M SS or MM S; two are M S, or minutes written with a
    seconds sign by mistake (``26"`` for ``26'``). Readings with minutes or seconds of 60 or more
    are dropped.
    """
    extra = float(fraction.replace(",", ".")) if fraction else 0.0
    if len(digits) == 2:
        readings = [(float(digits[0]), float(digits[1]) + extra), (float(digits) + extra / 60.0, 0.0)]
    else:
        cuts = range(max(1, len(digits) - 2), min(3, len(digits)))  # one or two digits each
        readings = [(float(digits[:cut]), float(digits[cut:]) + extra) for cut in cuts]
    return [(m, s) for m, s in readings if m < 60 and s < 60]


def _dms(degrees: float, minutes: float, seconds: float) -> str:
    return f"{degrees:g}°{minutes:02.0f}'{seconds:02g}\""


def _component(match: re.Match) -> _Component:
    """Turn one regex match into a latitude or longitude, checking minutes and ranges."""
    groups = match.groupdict()
    marker = (groups.get("suf") or groups.get("pre") or "").strip()
    hemisphere = _CJK_PREFIXES.get(marker) or _HEMISPHERES.get(marker[:1].upper(), "")
    axis = "lat" if hemisphere in "NS" else "lon"
    sign = -1.0 if hemisphere in "SW" else 1.0
    note = ""
    if groups["pk"]:
        degrees, minutes, seconds = _split_packed(groups["pk"], groups["pf"])
    elif groups["ams"]:
        degrees = _number(groups["ad"])
        digits, _, fraction = groups["ams"].replace(",", ".").partition(".")
        readings = _run_together(digits, fraction and f".{fraction}")
        if len(readings) != 1:
            choices = " or ".join(_dms(degrees, m, s) for m, s in readings)
            choices = choices or "no reading with minutes and seconds below 60"
            error = f"no separator between minutes and seconds: {choices}?"
            return _Component(match.start(), match.end(), axis, 0.0, error)
        minutes, seconds = readings[0]
        note = f"read as {_dms(degrees, minutes, seconds)} (no separator between minutes and seconds)"
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
    return _Component(match.start(), match.end(), axis, sign * value, error, note)


def _components(norm: str) -> list[_Component]:
    """Every hemisphere-marked latitude and longitude, left to right, without overlaps.

    In ``42-30N 131-45E`` the ``N`` could also start ``N 131-45``: a text is read with
    hemisphere letters after the numbers unless that finds fewer values than reading them
    before (``N42-30 E131-45``). Chinese markers (``北纬``, ``东经`` …) are read either way.
    """
    suffixed = list(_SUFFIXED.finditer(norm))
    prefixed = list(_LATIN_PREFIXED.finditer(norm))
    latin = prefixed if len(prefixed) > len(suffixed) else suffixed
    matches = sorted([*latin, *_CJK_PREFIXED.finditer(norm)], key=lambda m: (m.start(), -m.end()))
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
) -> tuple[list[tuple[int, int, Position]], list[tuple[int, int, str]], list[tuple[int, int, str]], list[str]]:
    """Join each latitude with the longitude next to it.

    Latitude comes first unless the text more often puts the longitude first.

    Returns
    -------
    positions : list of (start, end, Position)
    failures : list of (start, end, message)
        Pairs or components whose values are out of range.
    lone : list of (start, end, message)
        Well-formed components with no partner next to them.
    notes : list of str
        How positions written in an unusual way were read.
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
    positions, failures, lone, notes = [], [], [], []
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
                for component in (first, second):
                    if component.note:
                        text = quote(original[component.start:component.end], QUOTE_LIMIT)
                        notes.append(f"{text}: {component.note}")
            i += 2
            continue
        text = quote(original[first.start:first.end], QUOTE_LIMIT)
        if first.error:
            failures.append((first.start, first.end, f"could not read {text} ({first.error})"))
        else:
            need = "a latitude needs a longitude" if first.axis == "lat" else "a longitude needs a latitude"
            lone.append((first.start, first.end, f"could not read {text} ({need} next to it)"))
        i += 1
    return positions, failures, lone, notes


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


# --- Radii and widths, in digits or in words -------------------------------------------------


@dataclass(frozen=True)
class _Phrase:
    """A radius or width phrase: where it is, its value in km (None if unusable) and what it says."""

    start: int
    end: int
    km: float | None
    text: str
    warnings: tuple[str, ...] = ()
    problem: str = ""


def _chinese_value(text: str) -> float | None:
    """``三`` 3, ``十二`` 12, ``二十`` 20, ``二十五`` 25; None for other runs of numerals."""
    if "十" not in text:
        return float(CHINESE_DIGITS[text]) if len(text) == 1 and text in CHINESE_DIGITS else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in CHINESE_DIGITS) or (ones and ones not in CHINESE_DIGITS):
        return None
    return float(CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(ones, 0))


def _word_value(word: str) -> float | None:
    """Return the value of a number written in words (English, Russian or Chinese), or None."""
    lower = word.lower()
    if lower[:1] in CHINESE_DIGITS or lower[:1] == "十":
        return _chinese_value(lower)
    if lower[:1] in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя":
        stems = sorted(RUSSIAN_NUMBER_STEMS, key=len, reverse=True)
        stem = next((stem for stem in stems if lower.startswith(stem)), None)
        return float(RUSSIAN_NUMBER_STEMS[stem]) if stem else None
    parts = re.split(r"[- ]", lower, maxsplit=1)
    value = ENGLISH_NUMBERS.get(parts[0])
    if value is None:
        return None
    return float(value + (ENGLISH_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0))


def _unit_key(unit: str) -> str:
    unit = unit.lower()
    if unit in ("m", "м", "米", "メートル") or unit.startswith(("met", "метр")):
        return "m"
    if unit.startswith(("km", "kilo", "км", "公里", "千米", "キロ")):
        return "km"
    if unit.startswith(("cable", "кабел", "кб", "链")):
        return "cable"
    return "nm"


def _phrases(patterns: tuple[re.Pattern, ...], original: str, norm: str) -> list[_Phrase]:
    """Every radius (or width) phrase of the text, left to right, without overlaps."""
    matches = sorted((m for pattern in patterns for m in pattern.finditer(norm)), key=lambda m: (m.start(), -m.end()))
    phrases: list[_Phrase] = []
    for match in matches:
        if phrases and match.start() < phrases[-1].end:
            continue
        text = quote(original[match.start():match.end()], QUOTE_LIMIT)
        value = float(match["r"].replace(",", ".")) if match["r"] else _word_value(match["w"])
        if value is None:
            phrases.append(_Phrase(match.start(), match.end(), None, text, (), f"could not read the number in {text}"))
            continue
        unit = match["unit"].lower()
        km = value * KM_PER_UNIT[_unit_key(unit)]
        warnings = []
        if match["w"]:
            warnings.append(f"read {text} as {value:g} {unit}")
        if unit.startswith("mile"):
            warnings.append(f"read {text} as nautical miles, as navigational warnings use them")
        if not 0 < km <= MAX_RADIUS_KM:
            problem = f"could not use the radius in {text} (not between 0 and {MAX_RADIUS_KM:,.0f} km)"
            phrases.append(_Phrase(match.start(), match.end(), None, text, tuple(warnings), problem))
            continue
        phrases.append(_Phrase(match.start(), match.end(), km, text, tuple(warnings)))
    return phrases


def _distance_phrases(original: str, norm: str) -> tuple[list[_Phrase], list[_Phrase]]:
    """Full widths ("TWO MILE WIDE", as half-widths of a corridor) and offsets ("10 NM NE OF")."""
    halves, offsets = [], []
    for phrase in _phrases((_DISTANCE_THEN_WORD,), original, norm):
        if _DISTANCE_THEN_WORD.match(norm, phrase.start)["wide"] is None:
            offsets.append(phrase)
        elif phrase.km is None:
            halves.append(phrase)
        else:
            note = f"read {phrase.text} as the full width: {phrase.km / 2:g} km either side of the line"
            halves.append(_Phrase(phrase.start, phrase.end, phrase.km / 2, phrase.text, (*phrase.warnings, note)))
    return halves, offsets


def _offset(
    found: list[tuple[int, int, Position]], offsets: list[_Phrase], original: str, norm: str
) -> tuple[list[tuple[int, int, Position]], list[str]]:
    """Move each position written after "10 NM NE OF" to the point that far, on that bearing, from it.

    The position may follow a place's name in brackets ("13 MILES NORTHWEST OF CABO SAN ANTONIO
    (21-51N 084-56W)"): it is then the place's, and the point is moved from it just the same.

    The distance is measured along the geodesic on the WGS 84 ellipsoid; the moved position's
    span starts at the phrase, so the phrase stays with its area.
    """
    if not offsets:
        return found, []
    starts = [start for start, _, _ in found]
    moved, notes = list(found), []
    for phrase in offsets:
        index = bisect.bisect_left(starts, phrase.end)
        # Only a position right after the phrase (a bounded slice: no long run is copied per phrase).
        if phrase.km is None or index == len(found) or found[index][0] - phrase.end > _SEPARATOR_WINDOW:
            continue
        gap = norm[phrase.end:found[index][0]]
        if not (_SEPARATOR.match(gap) or _PLACE_THEN_BRACKET.match(gap)):
            continue
        start, end, position = found[index]
        direction = _DISTANCE_THEN_WORD.match(norm, phrase.start)["dir"].upper().replace("-", "").replace(" ", "")
        bearing = COMPASS[direction]
        lon, lat, _ = WGS84.fwd(position.lon, position.lat, bearing, phrase.km * 1000.0)
        moved[index] = (phrase.start, end, Position(lat, (lon + 180.0) % 360.0 - 180.0))
        text = quote(original[phrase.start:end], QUOTE_LIMIT)
        notes.append(f"read {text} as the point {phrase.km:g} km from the position on a true bearing of {bearing:g}°")
        notes.extend(phrase.warnings)
    return moved, notes


# --- Shapes ------------------------------------------------------------------------------------


def _continuous(points: list[Position]) -> list[tuple[float, float]]:
    """(lon, lat) tuples; across 180° western longitudes are shifted by +360 (Pacific frame)."""
    lons = [p.lon for p in points]
    shift = max(lons) - min(lons) > 180.0
    return [(p.lon + 360.0 if shift and p.lon < 0 else p.lon, p.lat) for p in points]


def _polygon(ring: list[tuple[float, float]]) -> tuple[BaseGeometry, str, list[str]]:
    """Close the ring into a polygon, repaired if its boundary crosses itself."""
    polygon = Polygon(ring)
    if polygon.is_valid:
        return polygon, "polygon", []
    reason = shapely.is_valid_reason(polygon)
    if len(ring) > MAX_REPAIR_POSITIONS:
        return LineString([*ring, ring[0]]), "line", [
            f"the boundary crosses itself ({reason}) and has {len(ring)} positions, more than the "
            f"{MAX_REPAIR_POSITIONS} that can be repaired quickly: its outline is drawn as a line"
        ]
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


@dataclass(frozen=True)
class _Context:
    """What the words of an area's part of the text say about its shape."""

    line: bool = False
    area: bool = False
    sector: bool = False
    bearings: tuple[float, float] | None = None
    angle: float | None = None
    width: _Phrase | None = None


def _shape(points: list[Position], radius_km: float | None, context: _Context) -> tuple[BaseGeometry, str, list[str]]:
    """Build the geometry the positions and the wording describe (before the frame is fixed)."""
    unique = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    coords = _continuous(unique)
    closed = len(coords) > 3 and coords[0] == coords[-1]
    ring = coords[:-1] if len(coords) > 1 and coords[0] == coords[-1] else coords
    if radius_km is not None and context.area and len(ring) >= 3:
        geometry, kind, warnings = _polygon(ring)
        return geometry, kind, [*warnings, "a radius is given, but the text describes an area bounded by the positions"]
    if radius_km is not None and context.line and len(unique) >= 2:
        return geodesic_corridor(coords, radius_km), "corridor", []
    if radius_km is not None:
        circles = [geodesic_circle(lon, lat, radius_km) for lon, lat in coords]
        if len(circles) == 1:
            return circles[0], "circle", []
        warning = f"the radius is applied around each of the {len(circles)} positions"
        return shapely.union_all(circles), "circles", [warning]
    if len(unique) == 1:
        return Point(coords[0]), "point", []
    if context.line and not context.area and not closed:
        return LineString(coords), "line", []
    if len(ring) < 3:
        return LineString(coords), "line", ["two positions make a line, not an area"]
    return _polygon(ring)


def _sector(
    points: list[Position], radius_km: float | None, context: _Context
) -> tuple[BaseGeometry, str, list[str], float | None, tuple[float, float] | None]:
    """Build a sector from its apex with a radius and two bearings, or with the two ends of its arc.

    Returns the geometry, kind, warnings, radius and bearings; a text that gives neither form
    is drawn as its positions would be without the word "sector", with a warning.
    """
    apex, warnings = points[0], []
    bearings = context.bearings
    if len(points) >= 3 and (bearings is None or radius_km is None):
        ends = [WGS84.inv(apex.lon, apex.lat, p.lon, p.lat) for p in points[1:3]]
        distances = [d / 1000.0 for _, _, d in ends]
        if radius_km is None:
            radius_km = sum(distances) / 2.0
            if abs(distances[0] - distances[1]) > 0.01 * radius_km:
                warnings.append(
                    f"the ends of the arc lie {distances[0]:.2f} and {distances[1]:.2f} km from the apex; "
                    f"the radius is taken as {radius_km:.2f} km"
                )
        if bearings is None:
            first, second = ends[0][0] % 360.0, ends[1][0] % 360.0
            if context.angle is not None and abs((first - second) % 360.0 - context.angle) < abs(
                (second - first) % 360.0 - context.angle
            ):
                first, second = second, first
            bearings = (round(first, 2), round(second, 2))
    if bearings is None or radius_km is None:
        geometry, kind, shape_warnings = _shape(points, radius_km, _Context(line=context.line, area=context.area))
        warning = "a sector needs an apex, a radius and two bearings, or an apex and the two ends of its arc"
        return geometry, kind, [warning, *shape_warnings], radius_km if kind == "circle" else None, None
    sector = geodesic_sector(apex.lon, apex.lat, radius_km, *bearings)
    return sector, "sector", warnings, radius_km, bearings


# --- Splitting a text into areas ---------------------------------------------------------------


@dataclass
class _Segment:
    """A stretch of text holding one area or more: from one label or header to the next."""

    start: int
    end: int
    label: str
    header: int  # index of the warning (header) it belongs to; -1 before the first
    is_header: bool = False
    positions: list[tuple[int, int, Position]] = field(default_factory=list)


class _Spans:
    """Sorted spans of one kind of match, for finding those inside a stretch of text in log time."""

    def __init__(self, items: list) -> None:
        def start(item) -> int:
            return item.start if isinstance(item, _Phrase) else item[0]

        self.items = sorted(items, key=start)
        self.starts = [start(item) for item in self.items]

    def within(self, start: int, end: int) -> list:
        return self.items[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def any(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, start)
        return index < len(self.starts) and self.starts[index] < end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a (start, end) span of these (sorted, not overlapping) meets [start, end)."""
        index = bisect.bisect_right(self.starts, start) - 1
        return (index >= 0 and self.items[index][1] > start) or self.any(start, end)


def _headers(original: str, norm: str, covered: _Spans) -> list[tuple[int, int, str, int | None]]:
    """Warning headers outside positions: (start, end, text as written, year of the warning's number)."""
    found = []
    for match in [*_HEADER.finditer(norm), *_JAPANESE_ITEM.finditer(norm)]:
        if covered.overlaps(*match.span("header")):
            continue
        groups = match.groupdict()
        year = groups.get("bracket") or groups.get("year")
        value = int(year) if year else None
        if value is not None and value < 100:
            value += 2000
        start, end = match.span("header")
        found.append((start, end, original[start:end], value))
    # A broadcast repeats its number without the year (ПРИП АРХАНГЕЛЬСК 24/26 … ПРИП АРХАНГЕЛЬСК 24):
    # the same warning, not a new one.
    kept: list[tuple[int, int, str, int | None]] = []
    for header in sorted(found):
        if kept and _same_number(kept[-1][2], header[2]):
            continue
        kept.append(header)
    return kept


_HEADER_YEAR = re.compile(r" ?/ ?\d{2,4}$")


def _same_number(first: str, second: str) -> bool:
    """Whether two headers name one warning: the same words and number, one of them without the year."""
    def key(text: str) -> str:
        return " ".join(_HEADER_YEAR.sub("", text).upper().split())

    return key(first) == key(second) and (_HEADER_YEAR.search(first) is None) != (_HEADER_YEAR.search(second) is None)


def _labels(original: str, norm: str, taken: _Spans) -> list[tuple[int, int, str]]:
    """Labels outside positions and headers: (start, end, text as written)."""
    found = []
    for match in _LABEL.finditer(norm):
        group = "paren" if match["paren"] is not None else "label"
        start, end = match.start(group), match.end(group)
        if taken.overlaps(start, end):
            continue
        found.append((start, end, original[start:end].strip()))
    return found


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*+\n")
"""A blank line (spaces and tabs on it are scanned once: possessive)."""
_SENTENCE_BREAK = re.compile(r"[.。][ \t]*+\n")
"""A line ending a sentence: after a stretch that holds positions, a news item's next paragraph
with words and positions of its own is another area (one hazard a paragraph, KHOA's reports)."""
_WORD_CHARACTER = re.compile(r"[^\W\d_]")
_SEQUENCE = re.compile(r"(?<![A-Za-zА-Яа-я\d])(\d{1,2}|[A-Za-zА-Яа-я])\)?$")
_RADIUS_REACH = 25
"""A radius phrase this close after a numbered point's position is that point's own (a circle)."""


def _sequence(label: str) -> tuple[str, int] | None:
    """``("letter", 1)`` for ``A``, ``("number", 3)`` for ``3``, ``(3)`` or ``点3``; None for other labels."""
    match = _SEQUENCE.search(label)
    if match is None:
        return None
    if match[1].isdigit():
        return "number", int(match[1])
    return "letter", ord(match[1].upper())


def _segments(
    original: str, norm: str, positions: list[tuple[int, int, Position]], covered: list[tuple[int, int]],
    headers: list[tuple[int, int, str, int | None]], phrases: _Spans,
) -> list[_Segment]:
    """Split the text at labels and headers, keep the stretches holding positions, join numbered points.

    A run of two or more labelled stretches holding one position each, none with a radius
    or width of its own, is a numbered list of points (``(1) … (2) … (3) …``): one area, named
    by the label just before the list when that label holds no position itself.
    """
    taken = _Spans([*covered, *((s, e) for s, e, _, _ in headers)])
    labels = _labels(original, norm, taken)
    # A blank line ends a stretch: what follows it is not the last label's (two warnings pasted
    # as paragraphs of one news item, the Huludao and Sanya warnings of 15 December 2020).
    breaks = [(m.end(), m.end(), "", False) for m in _PARAGRAPH_BREAK.finditer(norm)]
    sentences = {m.end() for m in _SENTENCE_BREAK.finditer(norm)} - {start for start, _, _, _ in breaks}
    breaks += [(start, start, "", False) for start in sorted(sentences)]
    bounds = sorted([(s, e, text, True) for s, e, text, _ in headers]
                    + [(s, e, text, False) for s, e, text in labels] + breaks)
    segments = [_Segment(0, bounds[0][0] if bounds else len(norm), "", -1)]
    header = -1
    for index, (start, _, text, is_header) in enumerate(bounds):
        header += is_header
        end = bounds[index + 1][0] if index + 1 < len(bounds) else len(norm)
        segments.append(_Segment(start, end, text, header, is_header))
    starts = [segment.start for segment in segments]
    for position in positions:
        segments[bisect.bisect_right(starts, position[0]) - 1].positions.append(position)
    # A blank line is only spacing when no words follow it before the next position or label (the
    # blank lines between the points of a web page's list): then the stretch goes on.
    blank = {start for start, _, _, _ in breaks} - sentences
    kept: list[_Segment] = []
    for seg in segments:
        if seg.start in sentences and not seg.label and not seg.is_header and kept:
            # A sentence's end splits only a stretch that already holds positions from words and
            # positions after it; otherwise the stretch goes on.
            if (not seg.positions or not kept[-1].positions
                    or _WORD_CHARACTER.search(norm, seg.start, seg.positions[0][0]) is None):
                kept[-1].positions.extend(seg.positions)
                kept[-1].end = seg.end
                continue
        if seg.start in blank and not seg.label and not seg.is_header and kept:
            if not seg.positions:
                continue
            if _WORD_CHARACTER.search(norm, seg.start, seg.positions[0][0]) is None:
                kept[-1].positions.extend(seg.positions)
                kept[-1].end = seg.end
                continue
        kept.append(seg)
    segments = kept

    def single(segment: _Segment) -> bool:
        if segment.is_header or len(segment.positions) != 1:
            return False
        return not phrases.any(segment.start, segment.positions[0][1] + _RADIUS_REACH)

    def follows(previous: _Segment, segment: _Segment) -> bool:
        """Whether a label continues the numbering of the one before (B after A, 3 after 2)."""
        before, after = _sequence(previous.label), _sequence(segment.label)
        return before is not None and after is not None and before[0] == after[0] and after[1] == before[1] + 1

    merged: list[_Segment] = []
    index = 0
    while index < len(segments):
        run = index
        while (
            run < len(segments) and single(segments[run]) and segments[run].header == segments[index].header
            and (run == index or follows(segments[run - 1], segments[run]))
        ):
            run += 1
        if run - index >= 2:
            first = segments[index]
            before = merged[-1] if merged else None
            label, start = "", first.start
            if before is not None and not before.positions and before.header == first.header:
                label, start = before.label, before.start  # its words describe the list
                merged.pop()
            points = [p for segment in segments[index:run] for p in segment.positions]
            merged.append(_Segment(start, segments[run - 1].end, label, first.header, False, points))
            index = run
            continue
        merged.append(segments[index])
        index += 1
    return [segment for segment in merged if segment.positions]


def _groups(
    segment: _Segment, radii: _Spans, centres: _Spans, area_words: _Spans
) -> list[tuple[list[Position], _Phrase | None]]:
    """Split one stretch's positions where a polygon's list gives way to a circle (or back).

    A radius phrase belongs to the position just before it when a word for "centre" lies
    between them (``以…为中心，半径2海里``, ``…を中心とする半径5海里``); otherwise to the
    positions after it, up to the next radius phrase or area word (``WITHIN 2 NM OF …``). A
    phrase with no position of its own applies to every position of the stretch that has none.
    """
    positions = segment.positions
    phrases = radii.within(segment.start, segment.end)
    owner: list[int | None] = [None] * len(positions)
    starts = [p[0] for p in positions]
    loose = []
    for number, phrase in enumerate(phrases):
        before = bisect.bisect_right(starts, phrase.start) - 1
        if before >= 0 and owner[before] is None and centres.any(positions[before][1], phrase.start):
            owner[before] = number
            continue
        stop = phrases[number + 1].start if number + 1 < len(phrases) else segment.end
        words = area_words.within(phrase.end, stop)
        stop = min(stop, words[0][0]) if words else stop
        after = [i for i in range(before + 1, len(positions)) if positions[i][0] < stop and owner[i] is None]
        if after:
            for i in after:
                owner[i] = number
        else:
            loose.append(phrase)
    default = next((phrase for phrase in loose if phrase.km is not None), loose[0] if loose else None)
    groups: list[tuple[list[Position], _Phrase | None]] = []
    for i, (_, _, position) in enumerate(positions):
        phrase = phrases[owner[i]] if owner[i] is not None else default
        if i and owner[i] == owner[i - 1]:
            groups[-1][0].append(position)
        else:
            groups.append(([position], phrase))
    return groups


def _context(norm: str, segment: _Segment, spans: dict[str, _Spans]) -> _Context:
    start, end = segment.start, segment.end
    bearings = spans["bearings"].within(start, end)
    angle = spans["angle"].within(start, end)
    widths = spans["widths"].within(start, end)
    return _Context(
        line=spans["line"].any(start, end),
        area=spans["area"].any(start, end),
        sector=spans["sector"].any(start, end),
        bearings=bearings[0][2] if bearings else None,
        angle=angle[0][2] if angle else None,
        width=widths[0] if widths else None,
    )


_DIRECTION = re.compile(r"(?:偏|正)[东南西北東](?:偏[东南西北東])?+ ?\d{1,3}(?:\.\d{1,2})? ?°")
"""Compass directions with an angle (正南偏西6°): wording of a sector, not a position."""
_SECTOR_ANGLE = re.compile(r"(?:圆心角|圓心角|中心角) *+(?:为|為|は)?+ *+(?P<a>\d{1,3}(?:\.\d{1,2})?) *+°")


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, each overlapping run joined into one."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _word_spans(norm: str) -> dict[str, _Spans]:
    def bearing(match: re.Match) -> tuple[float, float]:
        first, second = next(
            (match[a], match[b]) for a, b in (("b1", "b2"), ("b3", "b4"), ("b5", "b6")) if match[a] is not None
        )
        return float(first) % 360.0, float(second) % 360.0

    return {
        "line": _Spans([(m.start(), m.end()) for m in _LINE_WORDS.finditer(norm)]),
        "area": _Spans([(m.start(), m.end()) for m in _AREA_WORDS.finditer(norm)]),
        "sector": _Spans([(m.start(), m.end()) for m in _SECTOR_WORDS.finditer(norm)]),
        "centre": _Spans([(m.start(), m.end()) for m in _CENTRE_WORDS.finditer(norm)]),
        "bearings": _Spans([(m.start(), m.end(), bearing(m)) for m in _BEARINGS.finditer(norm)]),
        "angle": _Spans([(m.start(), m.end(), float(m["a"])) for m in _SECTOR_ANGLE.finditer(norm)]),
    }


def _area(
    label: str, points: list[Position], phrase: _Phrase | None, context: _Context, times: tuple[TimeWindow, ...]
) -> NoticeArea:
    """Build one area from its positions, its radius phrase and its wording."""
    warnings = list(phrase.warnings) if phrase is not None else []
    radius_km = phrase.km if phrase is not None else None
    bearings = None
    if context.sector:
        geometry, kind, shape_warnings, radius_km, bearings = _sector(points, radius_km, context)
    elif context.width is not None and context.width.km is not None and len(points) >= 2:
        warnings.extend(context.width.warnings)
        radius_km = context.width.km
        geometry, kind, shape_warnings = geodesic_corridor(_continuous(points), radius_km), "corridor", []
    else:
        geometry, kind, shape_warnings = _shape(points, radius_km, context)
    if kind not in ("circle", "circles", "corridor", "sector"):
        radius_km = None
    geometry = _pacific_frame(geometry)
    warnings += shape_warnings
    return NoticeArea(label, kind, geometry, tuple(points), radius_km, tuple(warnings), times, bearings)


def _times(norm: str, headers: list[tuple[int, int, str, int | None]]) -> tuple[list[list[TimeWindow]], list[str]]:
    """Time windows of each warning (the text before the first header first), and the warnings about them.

    Each warning is read on its own, with the year of its number for dates written without one.
    """
    cuts = [0, *(start for start, _, _, _ in headers), len(norm)]
    years = [headers[0][3] if headers else None, *(year for _, _, _, year in headers)]
    windows, warnings = [], []
    for index, (start, end) in enumerate(zip(cuts, cuts[1:], strict=False)):
        found, notes = read_times(norm[start:end], years[index])
        windows.append([window for _, _, window in found])
        warnings.extend(notes)
    return windows, list(dict.fromkeys(warnings))


def parse_notice(text: object) -> ParsedNotice:
    """Read a navigational warning into its areas, each with its label, shape and times.

    Parameters
    ----------
    text : str
        The warning as pasted, or several. Positions may be degrees-minutes(-seconds) with
        signs, dashes, spaces or packed digits (``42°30.5'N``, ``42-30.00N``, ``42 30 N``,
        ``4230N``, ``423015N``), decimal degrees with a hemisphere (``42.5N``), the hemisphere
        before or after (``N42-30``), Russian markers (``С``/``Ю``/``В``/``З``,
        ``с.ш.``/``в.д.``, ``северной широты``/``восточной долготы`` written out; a Latin C or B
        typed for С or В in a Russian text), Chinese and
        Japanese ones (``北纬``/``北緯``/``东经``/``東経`` …, ``度``/``分``/``秒``), in
        full-width characters and with any common prime or seconds sign. Minutes and seconds
        run together before a seconds sign (``42°3015"N``) are read only when one reading is
        possible; otherwise both readings are quoted back. Signed decimal pairs
        (``42.5, 131.75``) are read only when the text has no hemisphere markers.
        Areas are split at labels (``A.``, ``2)``, ``(3)``, ``AREA 4``), at warning headers
        and where a polygon's list gives way to a circle. The wording decides each shape:
        "radius 5 NM" (also ``within three miles of``, ``радиусом пять миль``, ``半径2海里``)
        gives a geodesic circle, or a corridor along a line; "5 NM either side of" (``两侧各
        300米``) or a full width ("TWO MILE WIDE … ALONG THE CENTRELINE", halved) a corridor;
        "sector" with bearings (``BEARINGS 090° AND 186°``) or with the
        two ends of its arc a sector; "along the line joining" (``по линии``, ``连线``) a line,
        unless the text calls it an area (``连线所围海域``); otherwise three or more positions
        give a polygon, two a line and one a point. "miles" are read as nautical miles. A
        position after "10 NM NE OF" is moved 10 NM on 045° along the geodesic. Phrases may
        run across line breaks.

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
    >>> [(a.label, a.kind) for a in parse_notice("A. 42-30N 131-45E, 42-30N 132-00E, 42-00N 132-00E. "
    ...                                          "B. WITHIN 2 NM OF 41-00N 131-00E.").areas]
    [('A', 'polygon'), ('B', 'circle')]
    """
    if not isinstance(text, str) or not text.strip():
        return ParsedNotice((), (), ("the text is empty",))
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
    if _CYRILLIC.search(norm):
        swapped = _LATIN_LOOKALIKE.sub(lambda m: {"C": "С", "B": "В"}[m.group(0)], norm)
        if swapped != norm:
            warnings.append("read a Latin C or B after a number as the Russian С (north) or В (east)")
            norm = swapped
    # Phrases run across line breaks ("WITHIN\nTHREE MILES OF"); one character for one keeps spans.
    flat = norm.replace("\n", " ")
    radii = _phrases(_RADIUS_PHRASES, text, flat)
    full_widths, offsets = _distance_phrases(text, flat)
    widths = sorted(_phrases(_WIDTH_PHRASES, text, flat) + full_widths, key=lambda phrase: phrase.start)
    phrase_spans = _Spans([(p.start, p.end) for p in radii + widths + offsets])
    # A number inside a radius phrase ("1n mile") is not a latitude.
    components = [c for c in _components(norm) if not phrase_spans.overlaps(c.start, c.end)]
    found, failures, lone, notes = _pair(components, text, norm)
    warnings.extend(notes)
    found, offset_notes = _offset(found, offsets, text, flat)
    warnings.extend(offset_notes)
    covered = [(c.start, c.end) for c in components]
    if not components:
        found, failures, covered, pair_warnings = _signed_pairs(text, norm)
        warnings.extend(pair_warnings)
    # Degree signs in bearings and angles are not positions: keep them out of "could not read".
    wording = [m.span() for pattern in (_BEARINGS, _SECTOR_ANGLE, _DIRECTION) for m in pattern.finditer(norm)]
    spans = _without_overlaps([*covered, *wording, *phrase_spans.items])
    unreadable = _unreadable(text, norm, spans)
    messages = sorted(failures + unreadable + _explained(lone, unreadable, norm))
    unparsed = [message for _, _, message in messages]
    if len(unparsed) > MAX_MESSAGES:
        more = f"… and {len(unparsed) - MAX_MESSAGES:,} more parts that could not be read"
        unparsed = [*unparsed[:MAX_MESSAGES], more]
    if len(found) > MAX_POSITIONS:
        warnings.append(f"only the first {MAX_POSITIONS} of {len(found):,} positions are used")
        found = found[:MAX_POSITIONS]
    unparsed.extend(phrase.problem for phrase in radii + widths + offsets if phrase.problem)
    headers = _headers(text, norm, _Spans(covered))
    windows, time_warnings = _times(norm, headers)
    warnings.extend(time_warnings)
    all_times = tuple(window for group in windows for window in group)
    if not found:
        if not unparsed:
            unparsed.append("found no position (such as 42-30.00N 131-45.00E) in the text")
        return ParsedNotice((), tuple(warnings), tuple(unparsed), all_times)
    spans = _word_spans(norm)
    spans["widths"] = _Spans([p for p in widths if p.km is not None])
    radius_spans = _Spans(radii)
    segments = _segments(text, norm, found, covered, headers, _Spans([*radii, *widths]))
    areas: list[NoticeArea] = []
    total = 0
    for segment in segments:
        context = _context(norm, segment, spans)
        times = tuple(windows[segment.header + 1] or all_times)
        if context.sector or context.width is not None:
            first = radius_spans.within(segment.start, segment.end)[:1]
            groups = [([p for _, _, p in segment.positions], first[0] if first else None)]
        else:
            groups = _groups(segment, radius_spans, spans["centre"], spans["area"])
        label = segment.label
        if not label and segment.header >= 0 and len(headers) > 1:
            label = headers[segment.header][2]
        for points, phrase in groups:
            total += 1
            if len(areas) < MAX_AREAS:  # the shapes past the cap are never built
                areas.append(_area(label, points, phrase, context, times))
    if total > MAX_AREAS:
        warnings.append(f"only the first {MAX_AREAS} of {total:,} areas are used")
    return ParsedNotice(tuple(areas), tuple(warnings), tuple(unparsed), all_times)


parse_notice.cache_info = _parse_cached.cache_info
parse_notice.cache_clear = _parse_cached.cache_clear
