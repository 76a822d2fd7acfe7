"""Real published navigational warnings, and the areas each describes, worked out by hand.

Every text below is the warning part of a page found with the project's ``search`` tool (corpus
``pages``), quoted as that page gives it: typos, missing hemisphere letters and odd glyphs
included, surrounding news prose left out. Where a part of a warning is left out (a list of
ships, say), the entry's ``notes`` say which. Each entry cites the issuing authority, the
warning's number and date as the page gives them (``—`` where the page gives none) and the URL
of the page the text was read from. No text is invented, and no position or date is changed.

The expected areas were worked out by hand from the text: each position converted from degrees,
minutes and seconds to decimal degrees (``dms``/``dm`` below do only that arithmetic), the
shape named from the wording, and the area computed independently of the reader: a polygon's
area on the WGS 84 ellipsoid from its vertices as listed (``pyproj.Geod.polygon_area_perimeter``,
with each edge followed straight in latitude and longitude, as a chart in those coordinates
draws it), a circle's as pi r^2, n circles apart as n pi r^2, a sector's as its share of pi r^2. The reader's measured
area (a local equal-area projection) must match within 1 %.

Format classes (``classes``) name what each text exercises; :data:`CLASSES` lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def dm(degrees: float, minutes: float, hemisphere: str = "") -> float:
    """Decimal degrees of degrees and minutes; south and west negative."""
    value = degrees + minutes / 60.0
    return -value if hemisphere in ("S", "W") else value


def dms(degrees: float, minutes: float, seconds: float, hemisphere: str = "") -> float:
    """Decimal degrees of degrees, minutes and seconds; south and west negative."""
    value = degrees + minutes / 60.0 + seconds / 3600.0
    return -value if hemisphere in ("S", "W") else value


NM = 1.852


@dataclass(frozen=True)
class Area:
    """One expected area: label as written, kind, vertices (lat, lon) and what to measure."""

    label: str
    kind: str
    vertices: tuple[tuple[float, float], ...]
    radius_km: float | None = None
    bearings: tuple[float, float] | None = None  # sector: hand-read from the text
    note: str = ""


@dataclass(frozen=True)
class Warning:
    """A published warning (or several pasted together), where it was found, and its areas."""

    key: str
    authority: str
    number: str
    date: str
    url: str
    text: str
    areas: tuple[Area, ...]
    classes: tuple[str, ...]
    times: tuple[str, ...] = ()  # TimeWindow.describe() of each window, in UTC, worked out by hand
    unparsed: tuple[str, ...] = ()  # parts the reader must quote back
    warnings_count: int = 1  # warnings in the text (a page may hold several)
    notes: str = field(default="")


# Area B of CCGD8 BNM 0019-24 as published, one position a line (the text joins them with ",\n"
# and "AND\n", rebuilt exactly below); its expected vertices are read from the same strings.
DEBRIS_AREA_1 = (
    "25-59-00N 097-11-00W", "26-03-00N 097-11-00W", "26-04-00N 097-08-00W", "26-05-00N 097-04-00W",
    "26-06-00N 097-01-00W", "26-16-00N 096-39-00W", "26-18-00N 096-37-00W", "26-24-00N 096-31-00W",
    "26-27-00N 096-17-00W", "26-37-00N 095-18-00W", "26-39-00N 094-45-00W", "26-45-00N 093-28-00W",
    "26-42-00N 092-18-00W", "26-41-00N 091-02-00W", "26-38-00N 090-16-00W", "26-02-00N 086-23-00W",
    "25-33-00N 084-49-00W", "24-30-00N 082-45-00W", "23-07-00N 076-51-00W", "23-20-00N 076-35-00W",
    "23-02-00N 075-43-00W", "22-17-00N 074-33-00W", "22-13-00N 074-33-00W", "23-10-00N 078-58-00W",
    "23-36-00N 081-02-00W", "23-42-00N 082-58-00W", "23-52-00N 083-55-00W", "23-38-00N 087-03-00W",
    "23-52-00N 087-03-00W", "24-16-00N 084-33-00W", "25-03-00N 090-41-00W", "24-39-00N 091-29-00W",
    "25-01-00N 092-35-00W", "24-59-00N 093-26-00W", "24-49-00N 094-12-00W", "25-18-00N 094-41-00W",
    "24-57-00N 095-24-00W", "25-24-00N 095-39-00W", "25-28-00N 096-30-00W",
)

# Where texts kept as files were read: a public GitHub repository's copy of a published list
# (the commit is the one the files were read at).
_NAVAREA2UC = "https://github.com/drlivsi2004/NAVAREA2UC/blob/"
NAVAREA_XIII_FILE = _NAVAREA2UC + "3f7b0ce703119df786fba888e4749d305efaca9e/NAVAREA%20XIII%20-%20RUSSIA.txt"
NAVAREA_XI_FILE = _NAVAREA2UC + "6cadc8184cc85f0330511607ab114f3060934d1b/NAVAREA%20XI%20-%20JAPAN.txt"
NAVAREA_XII_FILE = _NAVAREA2UC + "3f7b0ce703119df786fba888e4749d305efaca9e/NAVAREA%20XII%20-%20USA.txt"
NAVAREA_XII_COASTAL_FILE = _NAVAREA2UC + "6cadc8184cc85f0330511607ab114f3060934d1b/NAVAREA%20XII%20-%20USA%20(COASTAL).txt"
KOREA_FILE = _NAVAREA2UC + "71e8f56d731285ad30fe4a4ee82729d89250b330/NAVAREA%20XI%20-%20JAPAN%20(KOREA).txt"
"""Lists of warnings in force ("AS AT 120900 UTC AUG 2026" and "AS AT 270900 UTC AUG 2026") exported from
the NautoShark service, kept in the NAVAREA2UC repository."""
MARLIN_NAVWARNINGS = (
    "https://github.com/ngageoint/marlin-ios/blob/23668d1b510c60d7c2147ff031503b29821dceb0/"
    "Marlin/MarlinTests/Mocks/Data/navwarnings.json"
)
"""NGA's own app (Marlin) keeps a copy of the NGA MSI broadcast-warning feed (April 2023) for its tests;
each HYDROPAC text below is the ``text`` field of one record, verbatim."""
_NAVWARNS = "https://github.com/havardgulldahl/navwarns/blob/02c165817ea7817fb564e790a29195deba70df3d/"
PRIP_2025_11_29 = _NAVWARNS + "history/2025/PRIP/PripAr_2025-11-29.html"
PRIP_2026_04_10 = _NAVWARNS + "history/2026/PRIP/PripAr_2026-04-10.html"
"""Daily copies of the Arkhangelsk PRIP page (https://www.mapm.ru/PripAr, named in the repository's
scraper); each text is the page's title line and body of one warning."""
PRIP_2026_06_17 = _NAVWARNS + "history/2026/PRIP/PripAr_2026-06-17.html"
NAVAREA_XIX_2026_06_11 = _NAVWARNS + "history/2026/NAVAREAXIX/NAVAREAXIX_2026-06-11.html"
"""The NAVAREA XIX page (Norway), copied daily by the same repository; a warning is its table cell, its <BR />
line breaks as newlines."""
NAVAREA_XIX_6_26 = _NAVWARNS + "history/2026/navwarns/NAVAREA_XIX_6_26_grp1.json"
"""A warning of January 2026, before the daily page copies began: the ``body`` field of the repository's record."""

_NAVWARNS_NGA = _NAVWARNS + "history/"
"""The same repository keeps NGA's broadcast warnings by year and NGA area code (``A``: HYDROLANT, ``C``:
HYDROARC), one JSON record a warning; each text below is the record's ``body`` field, verbatim. The
repository names every record HYDROARC (its scraper was written for HYDROARC), also those of area ``A``:
these are HYDROLANT warnings (HYDROLANT 1514/12 of the same folder cancels HYDROLANT 1472/12)."""


def _dms_positions(pairs: tuple[str, ...]) -> tuple[tuple[float, float], ...]:
    """``"69-15-06N 051-17-30E"`` to (lat, lon): degrees, minutes and seconds, by the arithmetic of ``dms``."""
    out = []
    for pair in pairs:
        lat, lon = pair.split()
        (lat_d, lat_m, lat_s), (lon_d, lon_m, lon_s) = (v[:-1].split("-") for v in (lat, lon))
        out.append((dms(int(lat_d), int(lat_m), int(lat_s), lat[-1]), dms(int(lon_d), int(lon_m), int(lon_s), lon[-1])))
    return tuple(out)


def offset_point(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) on a true ``bearing``: the direct geodesic problem on WGS 84
    (``pyproj.Geod.fwd``), as a navigator's "30 MILES SOUTH OF" is worked out on a chart."""
    from pyproj import Geod

    lon2, lat2, _ = Geod(ellps="WGS84").fwd(lon, lat, bearing, km * 1000.0)
    return lat2, lon2


# The 79 positions of NAVAREA XII 523/2026's track, as the text gives them (its line breaks fall
# inside pairs; the text is quoted whole below).
XII_523_TRACK = (
    "48-57.51N 162-53.63W", "48-55.01N 162-45.02W", "48-54.59N 162-18.29W", "48-54.03N 161-51.12W",
    "48-53.63N 161-32.00W", "48-53.47N 161-23.99W", "48-52.77N 160-57.37W", "48-51.94N 160-30.70W",
    "48-51.02N 160-04.11W", "48-50.01N 159-37.57W", "48-49.50N 159-25.00W", "48-49.28N 159-23.89W",
    "48-48.40N 159-19.52W", "48-47.20N 159-13.67W", "48-45.50N 159-05.00W", "48-43.50N 158-50.00W",
    "48-43.86N 158-47.56W", "48-45.00N 158-40.00W", "48-47.03N 158-21.26W", "48-47.50N 158-17.00W",
    "48-48.39N 157-54.83W", "48-49.00N 157-40.00W", "48-45.90N 157-29.16W", "48-43.30N 157-20.00W",
    "48-41.27N 157-03.72W", "48-39.60N 156-50.00W", "48-39.46N 156-37.36W", "48-39.30N 156-21.10W",
    "48-38.20N 156-12.80W", "48-37.73N 156-11.13W", "48-36.60N 156-07.00W", "48-34.44N 155-59.39W",
    "48-35.31N 155-57.60W", "48-36.33N 155-57.26W", "48-34.01N 155-57.90W", "48-33.89N 155-57.42W",
    "48-33.20N 155-55.00W", "48-33.20N 155-49.10W", "48-33.43N 155-47.69W", "48-33.84N 155-44.87W",
    "48-34.80N 155-38.70W", "48-36.28N 155-35.66W", "48-38.10N 155-31.96W", "48-39.50N 155-29.10W",
    "48-39.87N 155-26.02W", "48-40.00N 155-25.00W", "48-40.03N 155-15.05W", "48-40.00N 155-14.30W",
    "48-38.70N 155-06.70W", "48-37.00N 155-02.50W", "48-31.40N 154-56.10W", "48-30.75N 154-53.95W",
    "48-29.38N 154-49.67W", "48-25.60N 154-37.78W", "48-24.60N 154-34.70W", "48-24.35N 154-32.04W",
    "48-22.64N 154-14.65W", "48-20.12N 153-49.75W", "48-18.52N 153-34.45W", "48-17.95N 153-29.12W",
    "48-17.69N 153-26.81W", "48-14.78N 153-00.17W", "48-12.80N 152-42.40W", "48-11.53N 152-33.70W",
    "48-10.18N 152-24.42W", "48-09.50N 152-20.00W", "48-08.63N 152-08.03W", "48-06.75N 151-42.45W",
    "48-05.00N 151-20.00W", "48-04.71N 151-16.59W", "48-04.53N 151-14.58W", "48-02.50N 150-51.58W",
    "48-01.00N 150-35.00W", "47-59.85N 150-26.37W", "47-59.12N 150-20.92W", "47-56.50N 150-01.68W",
    "47-56.13N 149-58.98W", "47-56.00N 149-58.00W", "47-51.36N 149-40.84W",
)


def _positions(pairs: tuple[str, ...]) -> list[tuple[float, float]]:
    """``"48-57.51N 162-53.63W"`` to (lat, lon): degrees and decimal minutes, by the arithmetic of ``dm``."""
    out = []
    for pair in pairs:
        lat, lon = pair.split()
        out.append((dm(int(lat[:2]), float(lat[3:-1]), lat[-1]), dm(int(lon[:3]), float(lon[4:-1]), lon[-1])))
    return out

# 33 CFR 165.T07-0806 as published: each site's four table rows, "lat | lon" as on the page.
REENTRY_SITES = (
    (1, "Jacksonville", ("31°06′28″ N | 080°15′00″ W", "30°55′01″ N | 080°01′40″ W", "30°43′30″ N | 080°15′00″ W",
                         "30°55′01″ N | 080°28′19″ W")),
    (2, "Daytona", ("29°59′27″ N | 080°40′01″ W", "29°48′00″ N | 080°26′52″ W", "29°36′32″ N | 080°40′01″ W",
                    "29°48′00″ N | 080°53′09″ W")),
    (3, "Cape Canaveral", ("29°02′27″ N | 080°13′48″ W", "28°51′00″ N | 080°00′46″ W", "28°39′32″ N | 080°13′48″ W",
                           "28°51′00″ N | 080°26′49″ W")),
    (4, "Tampa", ("28°17′27″ N | 083°54′00″ W", "28°06′00″ N | 083°41′02″ W", "27°54′32″ N | 083°54′00″ W",
                  "28°06′00″ N | 084°06′57″ W")),
)


def _dms_row(row: str) -> tuple[float, float]:
    """``"31°06′28″ N | 080°15′00″ W"`` to (lat, lon), by the arithmetic of ``dms``."""
    def one(part: str) -> float:
        value, hemisphere = part.strip().split(" ")
        degrees, rest = value.split("°")
        minutes, rest = rest.split("′")
        return dms(int(degrees), int(minutes), int(rest.rstrip("″")), hemisphere)
    lat, lon = row.split("|")
    return one(lat), one(lon)


CLASSES = {
    "china_msa": "China MSA warnings (航行警告, 航行通告), Chinese or English",
    "japan_jcg": "Japan Coast Guard navigational warnings and 水路通報",
    "usa_broadcast": "US broadcast notices to mariners (USCG district BNM)",
    "multi_area": "several areas: lettered or numbered areas, several warnings pasted, a list giving way to a circle",
    "numbered_points": "points numbered or lettered one by one ((1), 1., A:, 点1), read as one area",
    "circle": "radius around a centre (or several centres)",
    "sector": "an apex and a sector between two bearings or two arc ends",
    "japanese_markers": "北緯/東経 with 度/分/秒",
    "fullwidth_punctuation": "full-width punctuation (，、；：（）〔〕～) between positions",
    "glyphs": "prime, double-prime and seconds glyphs (′ ″ 〞 ' \" ’) other than the ASCII ones",
    "chinese_area_words": "连线/連線 with 所围/范围/範圍/水域/海域: a closed list described as an area",
    "dtg": "date-time groups in UTC (150800Z, 132200UTC)",
    "cjk_dates": "Chinese and Japanese dates and era years, local time",
    "daily_window": "daily windows (每天, 每日, 毎日, DAILY)",
    "quoted_back": "a defect in the published text the reader must quote back",
    "nga_hydropac_navarea": "NGA HYDROPAC and NAVAREA XI, XII and XIII warnings, in English as broadcast",
    "russia_prip": "Russian coastal warnings (ПРИП) in Cyrillic: 64-37.0С 038-37.0В, СТРЕЛЬБЫ, ОТМ ЭТОТ НР",
    "korea_hangul": "Korean-language (한글) reports of KHOA's navigational warnings and notices (항행경보, 항행통보) "
                    "with positions",
    "korea_khoa": "Korean (KHOA) navigational warnings, in the English text KHOA publishes",
    "corridor": "a width either side of a line: WITHIN THREE MILES OF TRACKLINE, TWO MILE WIDE … ALONG THE CENTRELINE",
    "numbers_in_words": "a radius or width in words (WITHIN THREE MILES OF)",
    "compass_offset": "a point placed by distance and compass direction from a position (30 MILES SOUTH OF …)",
    "run_together_seconds": "seconds joined to minutes without a seconds sign (69-15-06N, 343015N)",
    "cyrillic_lookalike": "a Latin C typed for the Cyrillic С (north) in a Russian warning",
    "russian_spelled_hemispheres": "северной широты / восточной долготы written out (Russian orders defining areas)",
    "us_coast_guard_zones": "US Coast Guard safety zones and hazard areas (33 CFR 165 point tables with | between "
                            "latitude and longitude; deg., degrees, north and west written out in a report)",
}


MISSING_CLASSES = {
    "russia_navip_pacific": "no ПРИП ВЛАДИВОСТОК or НАВИП text with positions was found (pages in Russian; the navwarns "
                            "repository holds only ПРИП АРХАНГЕЛЬСК, МУРМАНСК and WEST); the Russian warnings here "
                            "are ПРИП АРХАНГЕЛЬСК and NAVAREA XIII (English)",
    "chinese_between": "no real warning with …之间海域 or …连线之间 was found (pages and code searched again in session 7)",
}
"""Format classes of issue 16 with no real example in this corpus, and why; the unit tests in
test_notices.py cover them with constructed texts."""

CORPUS: tuple[Warning, ...] = (
    Warning(
        key="liaoning_msa_english_bohai",
        authority="Liaoning MSA (China), as quoted by China Military Online",
        number="—",
        date="12 March (year not on the page)",
        url="http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/16374694.html",
        text=(
            "Bohai Sea Military Mission In Area Bounded By The Lines Joining 38-46.58N120-59.10E, "
            "38-46.58N121-05.88E, 38-41.60N121-05.88E, 38-41.60N120-59.10E From 132200UTC To 140900UTC March. "
            "Entering Prohibited. LIAONING MSA CHINA."
        ),
        areas=(
            Area("", "polygon", (
                (dm(38, 46.58), dm(120, 59.10)), (dm(38, 46.58), dm(121, 5.88)),
                (dm(38, 41.60), dm(121, 5.88)), (dm(38, 41.60), dm(120, 59.10)),
            )),
        ),
        classes=("china_msa", "dtg"),
        notes="No year: the window cannot be placed in time, and the reader says so.",
    ),
    Warning(
        key="dalian_msa_bohai_strait_traditional",
        authority="Dalian MSA (China), via Liaoning MSA, as quoted by China News Service (Hong Kong)",
        number="—",
        date="27 April (year not on the page)",
        url="https://nearhk.com/information/gd/3032.html",
        text=(
            "航行警告指，執行軍事任務的範圍在38°51′41″N121°38′12″E、38°34′12″N121°38′12″E、"
            "38°33′55″N121°07′51″E、38°48′13″N121°14′03″E諸點連線範圍內。"
        ),
        areas=(
            Area("", "polygon", (
                (dms(38, 51, 41), dms(121, 38, 12)), (dms(38, 34, 12), dms(121, 38, 12)),
                (dms(38, 33, 55), dms(121, 7, 51)), (dms(38, 48, 13), dms(121, 14, 3)),
            )),
        ),
        classes=("china_msa", "glyphs", "chinese_area_words", "fullwidth_punctuation"),
    ),
    Warning(
        key="huludao_and_dalian_msa_two_warnings",
        authority="Huludao MSA and Dalian MSA (China)",
        number="辽航警 (number not on the page)",
        date="23 October (year not on the page)",
        url="http://africantimes2005.com/gnyw/29779.html",
        text=(
            "渤海，10月23日0700时至1300时，在以下各点连线所围海域执行军事任务：\n"
            "A: 40°42′46″N 121°14′49″E\nB: 40°41′44″N 121°16′43″E\nC: 39°09′02″N 119°27′20″E\n"
            "D: 39°16′57″N 119°17′07″E\n任何船只在上述时间内不得进入该海域，希各航船注意。辽航警。\n"
            "另据大连海事局：\n渤海海峡黄海北部，10月23日1600时至10月30日1600时，在\n"
            "1. 38°51′41″N 121°38′12″E\n2. 38°34′12″N 121°38′12″E\n3. 38°33′55″N 121°07′51″E\n"
            "4. 38°48′13″N 121°14′03″E\n诸点连线范围内执行军事任务。禁止驶入。"
        ),
        areas=(
            Area("", "polygon", (
                (dms(40, 42, 46), dms(121, 14, 49)), (dms(40, 41, 44), dms(121, 16, 43)),
                (dms(39, 9, 2), dms(119, 27, 20)), (dms(39, 16, 57), dms(119, 17, 7)),
            ), note="A–D label points, not areas: one area"),
            Area("", "polygon", (
                (dms(38, 51, 41), dms(121, 38, 12)), (dms(38, 34, 12), dms(121, 38, 12)),
                (dms(38, 33, 55), dms(121, 7, 51)), (dms(38, 48, 13), dms(121, 14, 3)),
            ), note="1–4 label points of the second warning: a second area"),
        ),
        classes=("china_msa", "multi_area", "numbered_points", "chinese_area_words", "glyphs", "fullwidth_punctuation"),
        warnings_count=2,
    ),
    Warning(
        key="zhejiang_msa_854_21",
        authority="Zhejiang MSA (China)",
        number="浙航警854/21",
        date="2021 (2–7 September)",
        url="http://nvmoo.com/shehui/202109/246248.html",
        text=(
            "浙航警854 /21 东海，9月2日0800时-7日1800时，在(1)29-04.0N,122-00.7E(2)29-04.0N,123-00.7E"
            "(3)28-15.5N,123-00.7E(4)27-31.5N,122-20.3E(5)27-42.5N,121-21.8E(6)28-28.9N,122-00.7E"
            "连线水域范围内进行军事训练活动，禁止驶入。"
        ),
        areas=(
            Area("浙航警854 /21", "polygon", (
                (dm(29, 4.0), dm(122, 0.7)), (dm(29, 4.0), dm(123, 0.7)), (dm(28, 15.5), dm(123, 0.7)),
                (dm(27, 31.5), dm(122, 20.3)), (dm(27, 42.5), dm(121, 21.8)), (dm(28, 28.9), dm(122, 0.7)),
            )),
        ),
        classes=("china_msa", "numbered_points", "chinese_area_words", "cjk_dates", "fullwidth_punctuation"),
        times=("2021-09-02 00:00 – 2021-09-07 10:00 UTC",),
        notes="Year 2021 from the warning's number /21; times Beijing time (UTC+8).",
    ),
    Warning(
        key="wenzhou_2013_live_firing",
        authority="Wenzhou Municipal People's Government (PLA annual training), as quoted by Wen Wei Po",
        number="—",
        date="2013-07-05",
        url="http://news.wenweipo.com/2013/07/09/IN1307090055.htm",
        text=(
            "定於2013年7月7日至13日，在象山至溫州以東海域組織實際使用武器訓練，其中禁航時間為每日0000至1800時，"
            "禁航禁漁海域為以下7點按序連成的海域（2000中國大地坐標系）：\n"
            "(1)27°51′00〞N,121°10′00〞E;\n(2)28°09′00〞N,121°40′00〞E;\n(3)28°24′00〞N,121°55′00〞E;\n"
            "(4)29°10′00〞N,122°03′00〞E;\n(5)29°10′00〞N,123°15′00〞E;\n(6)27°25′00〞N,123°15′00〞E;\n"
            "(7)27°25′00〞N,121°10′00〞E。"
        ),
        areas=(
            Area("", "polygon", (
                (dm(27, 51), dm(121, 10)), (dm(28, 9), dm(121, 40)), (dm(28, 24), dm(121, 55)),
                (dm(29, 10), dm(122, 3)), (dm(29, 10), dm(123, 15)), (dm(27, 25), dm(123, 15)),
                (dm(27, 25), dm(121, 10)),
            )),
        ),
        classes=("china_msa", "numbered_points", "glyphs", "cjk_dates", "daily_window", "chinese_area_words",
                 "fullwidth_punctuation"),
        times=("2013-07-06 16:00 – 2013-07-13 15:59 UTC, daily 16:00–10:00 UTC",),
        notes="〞 (U+301E) is the seconds sign; 每日0000至1800時 Beijing time is 16:00–10:00 UTC.",
    ),
    Warning(
        key="putian_msa_2022_live_firing",
        authority="Putian MSA (China), as quoted by CCTV News",
        number="—",
        date="2022-08-24",
        url="http://exam.cnbzol.com/exam/2022/0824/529940.html",
        text=(
            "8月26日6时-21时、8月27日6时-21时，福建福清市沙埔镇目鱼岛附近海域、福建莆田市南日镇东月屿附近海域开展"
            "实弹射击训练，禁止一切船舶进入。\n具体警戒封锁区域为：\nA：25°26′58.1″N，119°18′56.7″E\n\n"
            "B：25°21′45.8″N，119°16′10.6″E\n\nC：25°12′16.9″N，119°41′46.4″E\n\n"
            "D：25°16′36.2″N，119°44′22.3″E等四点连线范围内水域。"
        ),
        areas=(
            Area("", "polygon", (
                (dms(25, 26, 58.1), dms(119, 18, 56.7)), (dms(25, 21, 45.8), dms(119, 16, 10.6)),
                (dms(25, 12, 16.9), dms(119, 41, 46.4)), (dms(25, 16, 36.2), dms(119, 44, 22.3)),
            )),
        ),
        classes=("china_msa", "numbered_points", "glyphs", "chinese_area_words", "fullwidth_punctuation"),
        notes="No year in the warning text: its days are not placed in time.",
    ),
    Warning(
        key="fuzhou_msa_2024_kemen_channel",
        authority="Fuzhou MSA (China), as quoted by China News Service",
        number="—",
        date="2024-10-21",
        url="http://news.calyptus.net/test/news.php?ruYZ=cL.html",
        text=(
            "具体因实弹射击禁止驶入区域为：点1(26°25′40″N,119°47′52″E)，点2(26°25′12″N,119°48′02″E)，"
            "点3(26°25′58″N,119°48′45″E)，点4(26°26′08″N,119°48′15″E)。"
        ),
        areas=(
            Area("", "polygon", (
                (dms(26, 25, 40), dms(119, 47, 52)), (dms(26, 25, 12), dms(119, 48, 2)),
                (dms(26, 25, 58), dms(119, 48, 45)), (dms(26, 26, 8), dms(119, 48, 15)),
            )),
        ),
        classes=("china_msa", "numbered_points", "glyphs", "fullwidth_punctuation"),
    ),
    Warning(
        key="huludao_msa_northern_bohai",
        authority="Huludao MSA (China), as quoted by China News Service",
        number="—",
        date="27 May (year not on the page)",
        url="http://wuwenjie.xyz/wordpress/archives/68046",
        text=(
            "具体坐标为40-21.46N120-35.29E、40-22.20N120-35.52E、40-24.42N120-38.31E、40-21.48N120-40.66E。"
        ),
        areas=(
            Area("", "polygon", (
                (dm(40, 21.46), dm(120, 35.29)), (dm(40, 22.20), dm(120, 35.52)),
                (dm(40, 24.42), dm(120, 38.31)), (dm(40, 21.48), dm(120, 40.66)),
            )),
        ),
        classes=("china_msa", "fullwidth_punctuation"),
    ),
    Warning(
        key="fujian_msa_2018_taiwan_strait",
        authority="Fujian MSA (China), as quoted by Global Times",
        number="—",
        date="2018-04-12",
        url="http://argcandargv.com/news/201804/13/qiye80023155.html",
        text=(
            "臺灣海峽2018年4月18日0800時至2400時在24-52.9N/118-50.0E、24-52.9N/118-55.9E、 "
            "24-42.6N/118-55.9E、24-42.6N/118-50E四點連線水域范圍內進行實彈射擊軍事演習，禁止駛入。"
        ),
        areas=(
            Area("", "polygon", (
                (dm(24, 52.9), dm(118, 50.0)), (dm(24, 52.9), dm(118, 55.9)),
                (dm(24, 42.6), dm(118, 55.9)), (dm(24, 42.6), dm(118, 50)),
            )),
        ),
        classes=("china_msa", "chinese_area_words", "cjk_dates", "fullwidth_punctuation"),
        times=("2018-04-18 00:00 – 2018-04-18 16:00 UTC",),
    ),
    Warning(
        key="tangshan_msa_sector",
        authority="Tangshan MSA (China), as quoted from the China MSA website",
        number="—",
        date="21–22 May (year not on the page)",
        url="http://www.yantai119.com/news/1726998.html",
        text=(
            "以N 39°24′35″、E 119°13′44″为顶点，正东方向至正南偏西6°、圆心角为96°的扇形区域。该扇形区域所对应圆弧的"
            "2个端点坐标分别为N 39°24′14″、E119°28′24″和N 39°13′13″、E 119°11′51″。该扇形区域内进行实弹射击活动。禁止驶入。"
        ),
        areas=(
            Area("", "sector", (
                (dms(39, 24, 35), dms(119, 13, 44)), (dms(39, 24, 14), dms(119, 28, 24)),
                (dms(39, 13, 13), dms(119, 11, 51)),
            ), bearings=(90.0, 186.0), note=(
                "apex and the two ends of its arc. The words say due east to S6°W (090°–186°, 96°); the arc's "
                "ends as published lie at 091.7° and 187.3° from the apex (95.7°): the source disagrees with "
                "itself by 1.5°, and the reader draws the ends as published"
            )),
        ),
        classes=("china_msa", "sector", "glyphs", "fullwidth_punctuation"),
    ),
    Warning(
        key="zhoushan_two_notices_2020",
        authority="Zhoushan MSA (China), as quoted by Hong Kong Commercial Daily",
        number="舟航通[2020]0097号 and 0098号",
        date="2020-08-06",
        url="http://hkcd.com/content/2020-08/07/content_1205980.html",
        text=(
            "舟山黄大洋海域实弹射击训练--舟航通[2020]0097号\n"
            "一、训练时间：2020年8月11日至2020年8月13日，每天0600时—1200时。\n"
            "二、训练地点：舟山海区黄大洋海域，即下列五点连线水域范围内（位置坐标系采用2000国家大地坐标系）："
            "(1)30°09′02″N/122°21′20″E；(2)30°06′44″N/122°26′01″E；(3)30°03′19″N/122°23′13″E；"
            "(4)30°00′21″N/122°21′12″E；(5)30°03′20″N/122°17′56″E。\n"
            "舟山海区岱山水道北面海域实弹射击训练--舟航通[2020]0098号\n"
            "一、训练时间：2020年8月16日至2020年8月17日，每天0600时—1200时。\n"
            "二、训练地点：舟山海区岱山水道北面海域，即下列四点连线水域范围内（位置坐标系采用2000国家大地坐标系）："
            "(1)30°19′28″N/122°13′14″E；(2)30°22′36″N/122°17′20″E；(3)30°19′07″N/122°20′22″E；"
            "(4)30°18′16″N/122°14′57″E。"
        ),
        areas=(
            Area("舟航通[2020]0097号", "polygon", (
                (dms(30, 9, 2), dms(122, 21, 20)), (dms(30, 6, 44), dms(122, 26, 1)),
                (dms(30, 3, 19), dms(122, 23, 13)), (dms(30, 0, 21), dms(122, 21, 12)),
                (dms(30, 3, 20), dms(122, 17, 56)),
            )),
            Area("舟航通[2020]0098号", "polygon", (
                (dms(30, 19, 28), dms(122, 13, 14)), (dms(30, 22, 36), dms(122, 17, 20)),
                (dms(30, 19, 7), dms(122, 20, 22)), (dms(30, 18, 16), dms(122, 14, 57)),
            )),
        ),
        classes=("china_msa", "multi_area", "numbered_points", "glyphs", "cjk_dates", "daily_window",
                 "chinese_area_words", "fullwidth_punctuation"),
        times=(
            "2020-08-10 16:00 – 2020-08-13 15:59 UTC, daily 22:00–04:00 UTC",
            "2020-08-15 16:00 – 2020-08-17 15:59 UTC, daily 22:00–04:00 UTC",
        ),
        warnings_count=2,
    ),
    Warning(
        key="jcg_10th_region_h30_252",
        authority="Japan Coast Guard, 10th Regional Headquarters (十管区水路通報)",
        number="30年252項",
        date="平成30年 (2018), for 23 May",
        url="http://www1.kaiho.mlit.go.jp/KAN10/koukai/CGI/html/300252.html",
        text=(
            "30年252項 九州東岸 − 日向灘  射撃訓練\n巡視船による射撃訓練が実施される。\n"
            " 期 間  平成30年5月23日(予備日24日)、1000〜1555\n"
            " 区 域  31-47.0N 131-56.0E を中心とする半径5海里の円内\n"
            " 備 考  訓練中、紅色閃光灯を点灯し、国際信号旗「UY」及び「NE4」旗を掲揚\n"
        ),
        areas=(Area("30年252項", "circle", ((dm(31, 47.0), dm(131, 56.0)),), radius_km=5 * NM),),
        classes=("japan_jcg", "circle", "cjk_dates"),
        times=("2018-05-22 15:00 – 2018-05-23 14:59 UTC",
               "2018-05-23 15:00 – 2018-05-24 14:59 UTC, daily 01:00–06:55 UTC"),
        notes="The reserve day (予備日24日) is read as a second day; the hours 1000〜1555 JST are joined to it only.",
    ),
    Warning(
        key="jcg_10th_region_r1_no17",
        authority="Japan Coast Guard, 10th Regional Headquarters (第十管区水路通報 第17号)",
        number="元年192項–195項",
        date="令和元年 (2019)",
        url="https://www1.kaiho.mlit.go.jp/KAN10/koukai/CGI/html/1917.html",
        text=(
            "★元年192項 九州東岸 − 日向灘  射撃訓練\n巡視船による射撃訓練が実施される。\n"
            " 期 間  令和元年5月16日(予備日17日)、0900〜1700\n"
            " 区 域  31-47.0N 131-56.0E を中心とする半径5海里の円内\n"
            "★元年193項 九州東岸 − 宮崎港北方  救難訓練\n自衛隊ヘリコプターによる救難訓練が実施される。\n"
            " 期 間  令和元年5月16日、20日、21日、0800〜1700\n 区 域  4地点により囲まれる区域\n"
            "  (1) 32-10-30N 131-33-30E\n(2) 32-10-30N 131-37-30E\n(3) 32-07-30N 131-36-30E\n"
            "(4) 32-07-30N 131-32-30E\n"
            "★元年194項 九州東岸 − 宮崎港  カッター訓練\nカッター訓練が実施される。\n"
            " 期 間  令和元年9月30日まで(毎週月曜日または予備日)、1100〜1250\n 区 域  4地点及び陸岸により囲まれる区域\n"
            "(1) 31-54-48.4N 131-27-55.1E(岸線上)\n(2) 31-54-52.0N 131-27-56.1E\n(3) 31-54-47.5N 131-28-21.8E\n"
            "(4) 31-54-43.7N 131-28-21.0E(岸線上)\n"
            "★元年195項 南西諸島 − 奄美大島東方  海洋調査\n調査船「新青丸」(1635トン)による海洋調査が実施される。\n"
            " 期 間  令和元年5月17日〜26日\n 位 置  28-03.7N 131-27.3E付近\n"
        ),
        areas=(
            Area("元年192項", "circle", ((dm(31, 47.0), dm(131, 56.0)),), radius_km=5 * NM),
            Area("元年193項", "polygon", (
                (dms(32, 10, 30), dms(131, 33, 30)), (dms(32, 10, 30), dms(131, 37, 30)),
                (dms(32, 7, 30), dms(131, 36, 30)), (dms(32, 7, 30), dms(131, 32, 30)),
            )),
            Area("元年194項", "polygon", (
                (dms(31, 54, 48.4), dms(131, 27, 55.1)), (dms(31, 54, 52.0), dms(131, 27, 56.1)),
                (dms(31, 54, 47.5), dms(131, 28, 21.8)), (dms(31, 54, 43.7), dms(131, 28, 21.0)),
            ), note="the shore between points 4 and 1 is drawn as a straight edge"),
            Area("元年195項", "point", ((dm(28, 3.7), dm(131, 27.3)),)),
        ),
        classes=("japan_jcg", "multi_area", "numbered_points", "circle", "cjk_dates"),
        warnings_count=4,
    ),
    Warning(
        key="jcg_11th_region_okidaito_2024",
        authority="Japan Coast Guard, 11th Regional Headquarters (海上安全情報)",
        number="—",
        date="2024-06-19",
        url="https://www6.kaiho.mlit.go.jp/m/11kanku/anzen/1100_20240619112646402_JA_299_NOR.html",
        text=(
            "「沖大東島射爆撃場」において、在日米軍による艦対地射撃訓練及び空対地射爆撃訓練が実施される。\n"
            "【期 間】令和6年6月18日、7月22日〜26日、29日、30日(毎日 0000〜2400)\n"
            "【区 域】下記地点を中心とする半径5海里の円内区域\n     24-28-15.3N 131-10-52.0E\n"
        ),
        areas=(Area("", "circle", ((dms(24, 28, 15.3), dms(131, 10, 52.0)),), radius_km=5 * NM),),
        classes=("japan_jcg", "circle", "cjk_dates", "daily_window"),
        times=(
            "2024-06-17 15:00 – 2024-06-18 14:59 UTC",
            "2024-07-21 15:00 – 2024-07-26 14:59 UTC",
            "2024-07-28 15:00 – 2024-07-29 14:59 UTC",
            "2024-07-29 15:00 – 2024-07-30 14:59 UTC",
        ),
        notes="The centre comes after the radius phrase here; 毎日 0000〜2400 is the whole day.",
    ),
    Warning(
        key="jcg_3rd_region_kashimanada_227",
        authority="Japan Coast Guard, 3rd Regional Headquarters",
        number="三管区地域航行警報 番号227",
        date="2025-06-30",
        url="https://www6.kaiho.mlit.go.jp/m/03kanku/kinkyu/0300_20250630173807154_JA_199_EME.html",
        text=(
            "本州東岸、鹿島灘北東方において、令和7年7月1日〜31日(日曜日及び祝日を除く)の07:00〜17:00まで、"
            "自衛隊航空機による射爆撃訓練が実施されます。\n区域は、下記5地点を結ぶ線により囲まれる海域\n"
            "(1) 北緯36度38分36秒 東経141度20分48秒\n(2) 北緯36度40分43秒 東経142度10分46秒\n"
            "(3) 北緯36度09分59秒 東経141度59分52秒\n(4) 北緯36度05分00秒 東経141度46分04秒\n"
            "(5) 北緯36度05分00秒 東経141度20分48秒で囲まれる海面です。"
        ),
        areas=(
            Area("", "polygon", (
                (dms(36, 38, 36), dms(141, 20, 48)), (dms(36, 40, 43), dms(142, 10, 46)),
                (dms(36, 9, 59), dms(141, 59, 52)), (dms(36, 5, 0), dms(141, 46, 4)),
                (dms(36, 5, 0), dms(141, 20, 48)),
            )),
        ),
        classes=("japan_jcg", "japanese_markers", "numbered_points", "cjk_dates", "daily_window"),
        times=("2025-06-30 15:00 – 2025-07-31 14:59 UTC, daily 22:00–08:00 UTC",),
    ),
    Warning(
        key="jcg_3rd_region_kashimanada_90",
        authority="Japan Coast Guard, 3rd Regional Headquarters, as relayed by SECOM",
        number="三管区地域航行警報 番号90",
        date="2026-03-01",
        url="https://www.secom-anshin.jp/lalert/08/articles/33ca27d7-c101-4422-8da6-a3a40373bf7d.html",
        text=(
            "本州東岸、鹿島灘北東方において、令和8年3月2日~31日(日曜日及び祝日を除く)07:00~17:00の間、"
            "自衛隊航空機による射爆撃が実施されます。 区域は、 (1) 北緯36度38分36秒 東経141度20分48秒 "
            "(2) 北緯36度40分43秒 東経142度10分46秒 (3) 北緯36度09分59秒 東経141度59分52秒 "
            "(4) 北緯36度05分00秒 東経141度46分04秒 (5) 北緯36度05分00秒 東経141度20分48秒で囲まれる海面です。"
        ),
        areas=(
            Area("", "polygon", (
                (dms(36, 38, 36), dms(141, 20, 48)), (dms(36, 40, 43), dms(142, 10, 46)),
                (dms(36, 9, 59), dms(141, 59, 52)), (dms(36, 5, 0), dms(141, 46, 4)),
                (dms(36, 5, 0), dms(141, 20, 48)),
            )),
        ),
        classes=("japan_jcg", "japanese_markers", "numbered_points", "cjk_dates", "daily_window"),
        times=("2026-03-01 15:00 – 2026-03-31 14:59 UTC, daily 22:00–08:00 UTC",),
    ),
    Warning(
        key="uscg_d8_bnm_0019_24_space_launch",
        authority="US Coast Guard District 8 (broadcast notice to mariners), as reposted",
        number="CCGD8 BNM 0019-24",
        date="2024-03-14",
        url="https://maritimeconsulting.xyz/safety-tx-la-ms-al-fl-gulf-of-mexico-space-operations-ccgd8-bnm-0019-24/",
        text=(
            "1. SPACE LAUNCH OPERATIONS, WHICH MAY BE HAZARDOUS TO SURFACE VESSELS, WILL BE CONDUCTED IN BOCA CHICA, "
            "TEXAS, ON MARCH 14, 2024, BETWEEN 7:00 A.M. AND 11:00 A.M. HAZARD AREAS EXTEND ACROSS THE GULF OF MEXICO "
            "AND ARE BOUND BY THE FOLLOWING APPROXIMATE POSITIONS:\nA. HIGH RISK AREA\n25-43-00N 095-52-00W,\n"
            "25-37-00N 094-50-00W,\n25-21-00N 093-15-00W,\n25-26-00N 092-48-00W,\n25-58-00N 092-47-00W,\n"
            "26-04-00N 093-18-00W,\n26-01-00N 094-13-00W,\n26-02-00N 094-48-00W,\n26-06-00N 095-42-00W,\n"
            "26-10-00N 096-30-00W,\n26-10-00N 096-51-00W,\n26-03-00N 097-07-00W,\n26-02-00N 097-12-00W,\n"
            "25-57-00N 097-12-00W,\n25-54-00N 097-05-00W,\n25-50-00N 097-00-00W,\n25-48-00N 096-51-00W AND\n"
            "25-43-00N 095-52-00W.\nB. DEBRIS AREA 1\n" + ",\n".join(DEBRIS_AREA_1[:-1]) + " AND\n"
            + DEBRIS_AREA_1[-1] + ".\nC. DEBRIS AREA 2\n23-45-00N 089-55-00W,\n23-42-00N 089-09-00W,\n"
            "23-28-00N 089-00-00W,\n23-22-00N 089-06-00W,\n23-32-00N 089-23-00W AND\n23-33-00N 089-55-00W.\n"
            "2. BACK-UP LAUNCH DATES INCLUDE EACH DAY FOLLOWING MARCH 14, 2024, UNTIL CONDITIONS PERMIT THE LAUNCH."
        ),
        areas=(
            Area("A", "polygon", (
                (dms(25, 43, 0), dms(95, 52, 0, "W")), (dms(25, 37, 0), dms(94, 50, 0, "W")),
                (dms(25, 21, 0), dms(93, 15, 0, "W")), (dms(25, 26, 0), dms(92, 48, 0, "W")),
                (dms(25, 58, 0), dms(92, 47, 0, "W")), (dms(26, 4, 0), dms(93, 18, 0, "W")),
                (dms(26, 1, 0), dms(94, 13, 0, "W")), (dms(26, 2, 0), dms(94, 48, 0, "W")),
                (dms(26, 6, 0), dms(95, 42, 0, "W")), (dms(26, 10, 0), dms(96, 30, 0, "W")),
                (dms(26, 10, 0), dms(96, 51, 0, "W")), (dms(26, 3, 0), dms(97, 7, 0, "W")),
                (dms(26, 2, 0), dms(97, 12, 0, "W")), (dms(25, 57, 0), dms(97, 12, 0, "W")),
                (dms(25, 54, 0), dms(97, 5, 0, "W")), (dms(25, 50, 0), dms(97, 0, 0, "W")),
                (dms(25, 48, 0), dms(96, 51, 0, "W")), (dms(25, 43, 0), dms(95, 52, 0, "W")),
            ), note="closed: the last position repeats the first"),
            Area("B", "polygon", tuple(
                (dms(int(p[0:2]), int(p[3:5]), 0), dms(int(p[10:13]), int(p[14:16]), 0, "W")) for p in DEBRIS_AREA_1
            ), note="a long thin debris corridor drawn as a polygon"),
            Area("C", "polygon", (
                (dms(23, 45, 0), dms(89, 55, 0, "W")), (dms(23, 42, 0), dms(89, 9, 0, "W")),
                (dms(23, 28, 0), dms(89, 0, 0, "W")), (dms(23, 22, 0), dms(89, 6, 0, "W")),
                (dms(23, 32, 0), dms(89, 23, 0, "W")), (dms(23, 33, 0), dms(89, 55, 0, "W")),
            )),
        ),
        classes=("usa_broadcast", "multi_area"),
    ),
    Warning(
        key="hainan_msa_hn0127_0129",
        authority="Hainan MSA (China), as quoted by China Military Online",
        number="HN0127, HN0128, HN0129",
        date="2020-12-28",
        url="http://eng.chinamil.com.cn/CHINA_209163/Exercises/News_209184/15947376.html",
        text=(
            "HN0129 SOUTH CHINA SEA MILITARY EXERCISES IN AREA BOUNDED BY THE LINES JOINING 17-29.0N 110-02.0E, "
            "17-43.5N 110-18.5E, 17-37.5N 110-24.5E AND 17-23.0N 110-08.0E FROM 290000UTC DEC 20 TO 070800UTC JAN 21. "
            "ENTERING PROHIBITED. HAINAN MSA CHINA.\n"
            "HN0128 SOUTH CHINA SEA MILITARY EXERCISES IN AREA BOUNDED BY THE LINES JOINING 17-33.0N 109-30.0E, "
            "17-33.0N 109-51.0E, 17-58.0N 109-51.0E AND 17-58.0N 109-30.0E FROM 290000UTC DEC 20 TO 070800UTC JAN 21. "
            "ENTERING PROHIBITED. HAINAN MSA CHINA.\n"
            "HN0127 SOUTH CHINA SEA MILITARY EXERCISES IN AREA BOUNDED BY THE LINES JOINING 17-54.0N 108-59.0E, "
            "17-54.0N 109-09.0E, 18-04.0N 109-09.0E AND 18-04.0N 108-59.0E FROM 290000UTC DEC 20 TO 070800UTC JAN 21. "
            "ENTERING PROHIBITED. HAINAN MSA CHINA."
        ),
        areas=(
            Area("HN0129", "polygon", ((dm(17, 29.0), dm(110, 2.0)), (dm(17, 43.5), dm(110, 18.5)),
                                       (dm(17, 37.5), dm(110, 24.5)), (dm(17, 23.0), dm(110, 8.0)))),
            Area("HN0128", "polygon", ((dm(17, 33.0), dm(109, 30.0)), (dm(17, 33.0), dm(109, 51.0)),
                                       (dm(17, 58.0), dm(109, 51.0)), (dm(17, 58.0), dm(109, 30.0)))),
            Area("HN0127", "polygon", ((dm(17, 54.0), dm(108, 59.0)), (dm(17, 54.0), dm(109, 9.0)),
                                       (dm(18, 4.0), dm(109, 9.0)), (dm(18, 4.0), dm(108, 59.0)))),
        ),
        classes=("china_msa", "multi_area", "dtg"),
        times=("2020-12-29 00:00 – 2021-01-07 08:00 UTC",) * 3,
        warnings_count=3,
    ),
    Warning(
        key="hainan_msa_hn0078",
        authority="Hainan MSA (China), as quoted by China Military Online",
        number="HN0078",
        date="2020-08-21",
        url="http://eng.chinamil.com.cn/view/2020-08/22/content_9887538.htm",
        text=(
            "HN0078 SOUTH CHINA SEA MILITARY EXERCISES IN AREA BOUNDED BY THE LINES JOINING :18-19.5N/111-13.5E、"
            "19-02.00N/112-14.5E、19-02.5N/112-57.0E、18-17.0N/113-51.5E、17-37.5N/113-52.0E、16-38.00N/112-44.0、"
            "16-38.00N/112-44.0E、16-38.00N/112-20.0E FROM 231600UTC AUG. TO 291600UTC AUG.\n\nENTERING PROHIBITED.\n\n"
            "HAINAN MSA CHINA"
        ),
        areas=(
            Area("HN0078", "polygon", (
                (dm(18, 19.5), dm(111, 13.5)), (dm(19, 2.0), dm(112, 14.5)), (dm(19, 2.5), dm(112, 57.0)),
                (dm(18, 17.0), dm(113, 51.5)), (dm(17, 37.5), dm(113, 52.0)), (dm(16, 38.0), dm(112, 44.0)),
                (dm(16, 38.0), dm(112, 20.0)),
            ), note="the sixth position lacks its E and repeats the seventh: quoted back, the rest kept"),
        ),
        classes=("china_msa", "dtg", "quoted_back", "fullwidth_punctuation"),
        unparsed=("could not read '112-44.0' (no hemisphere letter N, S, E or W)",),
        notes="No year in the DTGs and none in the number: the window is not placed in time.",
    ),
    Warning(
        key="hainan_msa_hn0048_english",
        authority="Hainan MSA (China), English text, as quoted by Lianhe Zaobao",
        number="HN0048",
        date="2018-04-10",
        url="http://www.zaobao.com.sg/realtime/china/story20180411-849952",
        text=(
            "HN0048 SOUTH CHINA SEA MILITARY EXERCISES IN AREA BOUNDED BY THE LINES JOINING 18-15.30N 109-44.72E,"
            "18-15.30N 110-09.10E,17-37.00N 110-09.10E,17-37.00N 108-55.92E,18-13.00N 108-55.92E,"
            "18-13.00N 109-24.73E AND 18-11.30N 109-28.80E FROM 101600UTC TO 131600UTC APR. ENTERING PROHIBITED. "
            "HAINAN MSA CHINA。"
        ),
        areas=(
            Area("HN0048", "polygon", (
                (dm(18, 15.30), dm(109, 44.72)), (dm(18, 15.30), dm(110, 9.10)), (dm(17, 37.00), dm(110, 9.10)),
                (dm(17, 37.00), dm(108, 55.92)), (dm(18, 13.00), dm(108, 55.92)), (dm(18, 13.00), dm(109, 24.73)),
                (dm(18, 11.30), dm(109, 28.80)),
            )),
        ),
        classes=("china_msa", "dtg"),
    ),
    Warning(
        key="hainan_msa_qionghangjing_0048_chinese",
        authority="Hainan MSA (China), Chinese text, as quoted by Lianhe Zaobao",
        number="琼航警0048",
        date="2018-04-10",
        url="http://www.zaobao.com.sg/realtime/china/story20180411-849952",
        text=(
            "琼航警0048，南海，4月11日0000时至4月13日2400时，18-15.30N 109-44.72E、18-15.30N 110-09.10E、"
            "17-37.00N 110-09.10E、17-37.00N 108-55.92E、18-13.00N 108-55.92E、18-13.00N 109-24.73E及"
            "18-11.30N 109-28.80E诸点连线水域范围内进行军事训练，禁止驶入"
        ),
        areas=(
            Area("琼航警0048", "polygon", (
                (dm(18, 15.30), dm(109, 44.72)), (dm(18, 15.30), dm(110, 9.10)), (dm(17, 37.00), dm(110, 9.10)),
                (dm(17, 37.00), dm(108, 55.92)), (dm(18, 13.00), dm(108, 55.92)), (dm(18, 13.00), dm(109, 24.73)),
                (dm(18, 11.30), dm(109, 28.80)),
            )),
        ),
        classes=("china_msa", "chinese_area_words", "fullwidth_punctuation"),
    ),
    Warning(
        key="sansha_msa_qionghangtong_2025_0083",
        authority="Sansha MSA (China)",
        number="琼航通〔2025〕0083",
        date="2025-03-07",
        url=(
            "https://www.msa.gov.cn/page/article.do?articleId=D65F555E-2344-43BA-9F91-A73BE6D4F329"
            "&channelId=5EB28631-6746-4A6F-AAA1-FCA5BFF0A2A9"
        ),
        text=(
            "关于东亚海底光缆系统和城市到城市海底光缆 EAC2 (S2A1)领海外故障修理施工作业的航行通告--琼航通〔2025〕0083\n"
            "一、作业时间\n2025 年3月10日至2025年5月10日，昼夜作业。\n"
            "三、作业地点\n南海海域三沙海事局辖区以下四点连线的水域范围内：\n"
            "(1)8°56'31.980 \"N、109°52'24.600 \"E，\n(2)9°5'37.680 \"N、109°58'17.220 \"E，\n"
            "(3)9°2'39.000 \"N、110°2'45.120 \"E，\n(4)8°53'35.940 \"N、109°56'54.360 \"E。\n"
            "五、注意事项\n（一）为确保施工期间通航安全，划定以作业船舶为圆心、半径1n mile的圆形区域范围作为本次施工的移动"
            "安全作业区，禁止其他船舶通行，其他水域船舶安全通过；"
        ),
        notes="Sections 二 (the ships) and 四 (the work) are left out of the quote.",
        areas=(
            Area("琼航通〔2025〕0083", "polygon", (
                (dms(8, 56, 31.980), dms(109, 52, 24.600)), (dms(9, 5, 37.680), dms(109, 58, 17.220)),
                (dms(9, 2, 39.000), dms(110, 2, 45.120)), (dms(8, 53, 35.940), dms(109, 56, 54.360)),
            ), note="the 1 n mile radius is around the moving work ship, not a listed position"),
        ),
        classes=("china_msa", "numbered_points", "chinese_area_words", "fullwidth_punctuation"),
    ),
    Warning(
        key="liaoning_msa_2014_english_points",
        authority="Liaoning MSA (China), as quoted by China Military Online / ECNS",
        number="—",
        date="2014-02-21",
        url="http://www.ecns.cn/military/2014/02-21/101873.shtml",
        text=(
            "The following are the coordination points for the lines drawn to demarcate the related prohibited waters:\n\n"
            "1. 38°51′41″N 121°38′12″E\n\n2. 38°34′12″N 121°38′12″E\n\n3. 38°33′55″N 121°07′51″E\n\n"
            "4. 38°48′13″N 121°14′03″E"
        ),
        areas=(
            Area("", "polygon", (
                (dms(38, 51, 41), dms(121, 38, 12)), (dms(38, 34, 12), dms(121, 38, 12)),
                (dms(38, 33, 55), dms(121, 7, 51)), (dms(38, 48, 13), dms(121, 14, 3)),
            )),
        ),
        classes=("china_msa", "numbered_points", "glyphs"),
    ),
    Warning(
        key="china_msa_lht_2019_378_well",
        authority="Liaoning MSA / China MSA (LHT (2019) No.378), Sloma & Co. translation for the Japan P&I Club",
        number="LHT (2019) No.378",
        date="2019-12-19",
        url="https://www.piclub.or.jp/en/news/30280",
        text=(
            "Announcement on the well exploration operation of Well BZ34-9-10\n(Sloma Translation)\n"
            "LHT (2019) No.378\nChina MSA 19 December 2019\n"
            "  1. Work duration: 20 December 2019 – 30 January 2020.\n"
            "  2. Work areas: Well drilling operation on Well BZ34-9-10 centered by 38°00′59″N/119°41′12″E, "
            "with a radius of 500 meters."
        ),
        areas=(Area("2", "circle", ((dms(38, 0, 59), dms(119, 41, 12)),), radius_km=0.5),),
        classes=("china_msa", "circle", "glyphs"),
    ),
    Warning(
        key="china_msa_2018_bz19_6_7_well",
        authority="China MSA, Sloma & Co. translation for the Japan P&I Club",
        number="— (Announcement on Well Exploration Operation of BZ19-6-7)",
        date="2018-06-13",
        url="https://www.piclub.or.jp/en/news/25374",
        text=(
            "1. Announcement on Well Exploration Operation of BZ19-6-7\nChina MSA 13 June 2018\n"
            "  1. Work duration: 13 June 2018 – 29 August 2018\n  2. Work unit: CNOOC Limited, Tianjin Branch\n"
            "  4. Work site: well exploration operation on Well BZ19-6-7 in waters centered by "
            "38°23′49.152″N/119°04′01.290″E, with a radius of 1000 meters."
        ),
        areas=(Area("4", "circle", ((dms(38, 23, 49.152), dms(119, 4, 1.290)),), radius_km=1.0),),
        classes=("china_msa", "circle", "glyphs"),
    ),
    Warning(
        key="china_msa_hhh_2020_432_cable",
        authority="China MSA, HHH (2020) No. 432, MSA translation for the Japan P&I Club",
        number="HHH (2020) No. 432",
        date="2020-09-30",
        url="https://www.piclub.or.jp/en/news/32178",
        text=(
            "Work duration: 5 October 2020 – 4 December 2020, day-night operation.\n"
            "Work site: water areas of East China Sea outside north branch of Changjiang Estuary, bounded by the "
            "following six points:\nA. 31°47′27.6″N/122°25′13.8″E;\nB. 31°48′00.0″N/122°25′13.8″E;\n"
            "C. 31°48′01.8″N/122°16′43.2″E;\nD. 31°46′43.2″N/122°12′37.8″E;\nE. 31°46′13.2″N/122°12′51.0″E;\n"
            "F. 31°47′27.0″N/122°16′49.2″E."
        ),
        areas=(
            Area("", "polygon", (
                (dms(31, 47, 27.6), dms(122, 25, 13.8)), (dms(31, 48, 0.0), dms(122, 25, 13.8)),
                (dms(31, 48, 1.8), dms(122, 16, 43.2)), (dms(31, 46, 43.2), dms(122, 12, 37.8)),
                (dms(31, 46, 13.2), dms(122, 12, 51.0)), (dms(31, 47, 27.0), dms(122, 16, 49.2)),
            ), note="A–F label points: one area"),
        ),
        classes=("china_msa", "numbered_points", "glyphs"),
    ),
    Warning(
        key="china_msa_yht_2022_262_survey",
        authority="China MSA, YHT (2022) No.262, Sloma & Co. translation for the Japan P&I Club",
        number="YHT (2022) No.262",
        date="2022-08-10",
        url="https://www.piclub.or.jp/en/news/36044",
        text=(
            "YHT (2022) No.262\nChina MSA 10 August 2022\n"
            "  1. Work duration: 12 August 2022 – 30 November 2022, daytime operation.\n"
            "  2. Work site: waters in the east of coastal area of Xiangshan, Ningbo in the East China Sea Area, "
            "bounded by the following 6 points in order (2000 National Geodetic Coordinate System):\n"
            "    1. 29°31′06.0″N / 122°15′18.0″E;\n    2. 29°27′12.0″N / 122°37′30.0″E;\n"
            "    3. 28°46′36.0″N / 123°30′12.0″E;\n    4. 28°45′54.0″N / 123°29′30.0″E;\n"
            "    5. 29°26′12.0″N / 122°37′06.0″E;\n    6. 29°30′00.0″N / 122°15′00.0″E.\n"
            "  3. Safe Operation Zone: circular waters in the work site, centered by the research vessel, "
            "\u201cChen Xi 5\u201d, with a radius of 0.5nm."
        ),
        areas=(
            Area("2", "polygon", (
                (dms(29, 31, 6.0), dms(122, 15, 18.0)), (dms(29, 27, 12.0), dms(122, 37, 30.0)),
                (dms(28, 46, 36.0), dms(123, 30, 12.0)), (dms(28, 45, 54.0), dms(123, 29, 30.0)),
                (dms(29, 26, 12.0), dms(122, 37, 6.0)), (dms(29, 30, 0.0), dms(122, 15, 0.0)),
            ), note="points 1–6 inside paragraph 2; the 0.5 nm circle of paragraph 3 is around a moving ship"),
        ),
        classes=("china_msa", "numbered_points", "multi_area", "glyphs"),
    ),
    Warning(
        key="china_msa_mhsxh_2017_71_cable",
        authority="Xiamen MSA / China MSA, MHSXH (2017) No.71, Sloma & Co. translation for the Japan P&I Club",
        number="MHSXH (2017) No.71",
        date="2017-12-22",
        url="https://www.piclub.or.jp/en/news/23317",
        text=(
            "MHSXH (2017) No.71\nChina MSA 22 December 2017\n- Work duration: 23 December 2017 – 23 February 2018.\n"
            "- Work site: water areas in east side of Xiamen Island, bounded by the following six points in order "
            "(2000 National Geodetic Coordinate System):\n"
            "1. 24°29′39″N,118°12′12″E; 2. 24°28′40″N,118°13′30″E;3. 24°28′31″N,118°13′35″E;\n"
            "4. 24°28′21″N,118°13′26″E; 5. 24°28′39″N,118°13′21″E;6. 24°29′33″N,118°12′08″E."
        ),
        areas=(
            Area("", "polygon", (
                (dms(24, 29, 39), dms(118, 12, 12)), (dms(24, 28, 40), dms(118, 13, 30)),
                (dms(24, 28, 31), dms(118, 13, 35)), (dms(24, 28, 21), dms(118, 13, 26)),
                (dms(24, 28, 39), dms(118, 13, 21)), (dms(24, 29, 33), dms(118, 12, 8)),
            )),
        ),
        classes=("china_msa", "numbered_points", "glyphs"),
    ),
    Warning(
        key="hydropac_1262_23_kuril_islands",
        authority="NGA (HYDROPAC), relaying NAVAREA XIII 44/23 (Russia)",
        number="HYDROPAC 1262/23",
        date="2023-04-16 (issued 161005Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "SEA OF OKHOTSK.\nWESTERN NORTH PACIFIC.\nKURIL ISLANDS.\nDNC 24.\n"
            "1. HAZARDOUS OPERATIONS 2200Z TO 1000Z DAILY\n   17 THRU 21 APR IN AREAS BOUND BY:\n"
            "   A. 46-05.00N 148-45.00E, 46-10.00N 149-15.00E,\n      45-30.00N 149-23.00E, 45-23.30N 149-00.00E.\n"
            "   B. 45-27.30N 149-24.30E, 46-03.00N 150-33.50E,\n      45-35.00N 150-45.00E, 45-03.00N 149-46.00E.\n"
            "   C. 44-35.50N 147-21.30E, 45-15.00N 148-50.00E,\n      44-55.00N 149-10.00E, 44-15.00N 147-43.00E.\n"
            "   D. 47-05.00N 150-40.00E, 47-15.00N 151-35.00E,\n      46-27.00N 151-45.00E, 46-15.00N 151-10.00E.\n"
            "2. CANCEL THIS MSG 221100Z APR 23.\n"
        ),
        areas=(
            Area("A", "polygon", ((dm(46, 5.0), dm(148, 45.0)), (dm(46, 10.0), dm(149, 15.0)),
                                  (dm(45, 30.0), dm(149, 23.0)), (dm(45, 23.30), dm(149, 0.0)))),
            Area("B", "polygon", ((dm(45, 27.30), dm(149, 24.30)), (dm(46, 3.0), dm(150, 33.50)),
                                  (dm(45, 35.0), dm(150, 45.0)), (dm(45, 3.0), dm(149, 46.0)))),
            Area("C", "polygon", ((dm(44, 35.50), dm(147, 21.30)), (dm(45, 15.0), dm(148, 50.0)),
                                  (dm(44, 55.0), dm(149, 10.0)), (dm(44, 15.0), dm(147, 43.0)))),
            Area("D", "polygon", ((dm(47, 5.0), dm(150, 40.0)), (dm(47, 15.0), dm(151, 35.0)),
                                  (dm(46, 27.0), dm(151, 45.0)), (dm(46, 15.0), dm(151, 10.0)))),
        ),
        classes=("nga_hydropac_navarea", "multi_area", "daily_window"),
        notes=("The record's text field as NGA publishes it; its number and year are fields of the record, not "
               "part of the text, so the days (17 THRU 21 APR) are not placed in a year."),
    ),
    Warning(
        key="hydropac_1259_23_sea_of_okhotsk",
        authority="NGA (HYDROPAC), relaying NAVAREA XIII 43/23 (Russia)",
        number="HYDROPAC 1259/23",
        date="2023-04-15 (issued 152136Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "SEA OF OKHOTSK.\nDNC 24.\n1. HAZARDOUS OPERATIONS 2200Z TO 1000Z DAILY\n"
            "   17 THRU 21 APR IN AREAS BOUND BY:\n   A. 45-46.00N 147-55.00E, 45-46.00N 148-40.00E,\n"
            "      45-26.08N 148-30.00E, 45-25.50N 148-00.00E.\n   B. 45-35.00N 147-40.00E, 45-17.00N 147-48.00E,\n"
            "      45-08.00N 147-30.00E, 45-25.00N 147-20.00E.\n2. CANCEL THIS MSG 221100Z APR 23.\n"
        ),
        areas=(
            Area("A", "polygon", ((dm(45, 46.0), dm(147, 55.0)), (dm(45, 46.0), dm(148, 40.0)),
                                  (dm(45, 26.08), dm(148, 30.0)), (dm(45, 25.50), dm(148, 0.0)))),
            Area("B", "polygon", ((dm(45, 35.0), dm(147, 40.0)), (dm(45, 17.0), dm(147, 48.0)),
                                  (dm(45, 8.0), dm(147, 30.0)), (dm(45, 25.0), dm(147, 20.0)))),
        ),
        classes=("nga_hydropac_navarea", "multi_area", "daily_window"),
    ),
    Warning(
        key="hydropac_1144_23_sea_of_japan_gunnery",
        authority="NGA (HYDROPAC), relaying NAVAREA XI 123/23 (Japan, for Russia)",
        number="HYDROPAC 1144/23",
        date="2023-04-05 (issued 051400Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "SEA OF JAPAN.\nRUSSIA.\nDNC 23, DNC 24.\n1. GUNNERY EXERCISES 2200Z TO 0800Z DAILY\n"
            "   09 THRU 14 AND 16 THRU 19 APR\n   IN AREA BOUND BY\n"
            "   42-40.00N 131-41.00E, 42-40.00N 131-57.00E,\n   42-38.50N 132-15.00E, 42-15.00N 132-15.00E,\n"
            "   42-15.00N 131-41.00E.\n2. CANCEL THIS MSG 200900Z APR 23.\n"
        ),
        areas=(
            Area("1", "polygon", (
                (dm(42, 40.0), dm(131, 41.0)), (dm(42, 40.0), dm(131, 57.0)), (dm(42, 38.50), dm(132, 15.0)),
                (dm(42, 15.0), dm(132, 15.0)), (dm(42, 15.0), dm(131, 41.0)),
            ), note="the label is the paragraph number"),
        ),
        classes=("nga_hydropac_navarea", "daily_window"),
        notes="The same gunnery range south of Vladivostok as NAVAREA XI 341/26 below.",
    ),
    Warning(
        key="hydropac_1037_23_western_north_pacific_gunnery",
        authority="NGA (HYDROPAC), relaying NAVAREA XI 114/23 (Japan)",
        number="HYDROPAC 1037/23",
        date="2023-03-27 (issued 271258Z MAR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "WESTERN NORTH PACIFIC.\nDNC 12.\n1. GUNNERY EXERCISES 2300Z TO 0900Z DAILY\n"
            "   31 MAR THRU 29 APR IN AREA BOUND BY\n   28-15.25N 146-29.78E, 27-55.25N 144-57.80E,\n"
            "   25-00.26N 145-35.80E, 25-25.27N 147-37.78E.\n2. CANCEL THIS MSG 301000Z APR 23.\n"
        ),
        areas=(
            Area("1", "polygon", (
                (dm(28, 15.25), dm(146, 29.78)), (dm(27, 55.25), dm(144, 57.80)), (dm(25, 0.26), dm(145, 35.80)),
                (dm(25, 25.27), dm(147, 37.78)),
            )),
        ),
        classes=("nga_hydropac_navarea", "daily_window"),
    ),
    Warning(
        key="hydropac_1201_23_guam_three_miles",
        authority="NGA (HYDROPAC), relaying COMCOGARD Forces Micronesia Sector Guam 138/23",
        number="HYDROPAC 1201/23",
        date="2023-04-12 (issued 120659Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "PHILIPPINE SEA.\nWESTERN NORTH PACIFIC.\nGUAM.\nDNC 12.\n"
            "1. HAZARDOUS OPERATIONS 2300Z TO 1355Z DAILY\n   17 THRU 19 APR IN AREAS WITHIN THREE MILES OF:\n"
            "   A. 13-26.00N 145-08.00E.\n   B. 13-42.00N 144-36.00E.\n2. CANCEL THIS MSG 201455Z APR 23.\n"
        ),
        areas=(
            Area("1", "circles", ((dm(13, 26.0), dm(145, 8.0)), (dm(13, 42.0), dm(144, 36.0))), radius_km=3 * NM,
                 note="A and B label the centres of one paragraph's areas: one area of two circles, 3 NM each"),
        ),
        classes=("nga_hydropac_navarea", "numbers_in_words", "circle", "daily_window"),
    ),
    Warning(
        key="hydropac_1256_23_mayotte_two_miles",
        authority="NGA (HYDROPAC), relaying AVURNAV La Réunion 22/23 (France)",
        number="HYDROPAC 1256/23",
        date="2023-04-15 (issued 151544Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "MOZAMBIQUE CHANNEL.\nMAYOTTE.\nDNC 02.\n1. GUNNERY EXERCISES 0500Z TO 0900Z AND\n"
            "   1100Z TO 1500Z DAILY 18 AND 19 APR\n   IN AREAS WITHIN TWO MILES OF:\n   A. 12-33.00S 045-11.00E.\n"
            "   B. 13-04.00S 045-15.00E.\n   C. 12-57.00S 044-52.00E.\n   D. 12-35.00S 044-53.00E.\n"
            "2. CANCEL THIS MSG 191600Z APR 23.\n"
        ),
        areas=(
            Area("1", "circles", (
                (dm(12, 33.0, "S"), dm(45, 11.0)), (dm(13, 4.0, "S"), dm(45, 15.0)), (dm(12, 57.0, "S"), dm(44, 52.0)),
                (dm(12, 35.0, "S"), dm(44, 53.0)),
            ), radius_km=2 * NM, note="four gunnery circles of 2 NM"),
        ),
        classes=("nga_hydropac_navarea", "numbers_in_words", "circle"),
        notes="Southern latitudes; two daily windows (0500Z TO 0900Z AND 1100Z TO 1500Z), of which the reader keeps one.",
    ),
    Warning(
        key="navarea_xiii_80_26_gunnery_two_areas",
        authority="NAVAREA XIII coordinator (Russian Federation), as listed by the NautoShark service",
        number="NAVAREA XIII 80/2026",
        date="2026-08-09 (090800 UTC AUG 2026)",
        url=NAVAREA_XIII_FILE,
        text=(
            "NAVAREA XIII 80/2026\n090800 UTC AUG 2026\nCHART RUS 61018\n"
            "1. GUNNERY EXERCISES FOR 16 HOURS FROM 2000 UTC\n09 TO 14 AUG IN AREAS\nBOUNDED BY\n"
            "A. 46-41N 146-02E 45-13N 148-05E 44-58N 147-58E 44-27N 147-16E\n44-25N 146-57E\n44-53N 144-54E\n"
            "B. 45-37N 144-00E 45-25N 146-52E 45-03N 147-00E 45-14N 146-09E\n2. CANCEL\n"
            "THIS MESSAGE 151300 UTC AUG 26\n"
        ),
        areas=(
            Area("A", "polygon", (
                (dm(46, 41), dm(146, 2)), (dm(45, 13), dm(148, 5)), (dm(44, 58), dm(147, 58)), (dm(44, 27), dm(147, 16)),
                (dm(44, 25), dm(146, 57)), (dm(44, 53), dm(144, 54)),
            )),
            Area("B", "polygon", ((dm(45, 37), dm(144, 0)), (dm(45, 25), dm(146, 52)), (dm(45, 3), dm(147, 0)),
                                  (dm(45, 14), dm(146, 9)))),
        ),
        classes=("nga_hydropac_navarea", "multi_area"),
    ),
    Warning(
        key="navarea_xiii_82_26_gunnery",
        authority="NAVAREA XIII coordinator (Russian Federation), as listed by the NautoShark service",
        number="NAVAREA XIII 82/2026",
        date="2026-08-10 (100800 UTC AUG 2026)",
        url=NAVAREA_XIII_FILE,
        text=(
            "NAVAREA XIII 82/2026\n100800 UTC AUG 2026\nCHART RUS 61018\n"
            "1. GUNNERY EXERCISES FOR 16 HOURS FROM 2000 UTC TO 14 AUG\nIN AREA BOUNDED\n"
            "BY 45-33N 143-20E 46-04N 143-26E 45-57N 144-43E\n45-39N 145-00E 45-25N 144-36E\n2. CANCEL\n"
            "THIS MESSAGE 151300 UTC AUG 26\n3. CANCEL 79/26 AND THIS PARA\n"
        ),
        areas=(
            Area("1", "polygon", (
                (dm(45, 33), dm(143, 20)), (dm(46, 4), dm(143, 26)), (dm(45, 57), dm(144, 43)), (dm(45, 39), dm(145, 0)),
                (dm(45, 25), dm(144, 36)),
            )),
        ),
        classes=("nga_hydropac_navarea",),
    ),
    Warning(
        key="navarea_xiii_123_25_two_mile_radius",
        authority="NAVAREA XIII coordinator (Russian Federation), as listed by the NautoShark service",
        number="NAVAREA XIII 123/2025",
        date="2025-09-27 (270800 UTC SEP 2025)",
        url=NAVAREA_XIII_FILE,
        text=(
            "NAVAREA XIII 123/2025\n270800 UTC SEP 2025\nCHART RUS 62275 \n"
            "AREA TEMPORARILY DANGEROUS TO NAVIGATION \nWITHIN 2 MILE RADIUS OF\n48-17.8N 154-36.2E\n"
        ),
        areas=(Area("NAVAREA XIII 123/2025", "circle", ((dm(48, 17.8), dm(154, 36.2)),), radius_km=2 * NM),),
        classes=("nga_hydropac_navarea", "circle"),
    ),
    Warning(
        key="navarea_xiii_56_26_two_mile_wide_strip",
        authority="NAVAREA XIII coordinator (Russian Federation), as listed by the NautoShark service",
        number="NAVAREA XIII 56/2026",
        date="2026-07-13 (130800 UTC JUL 2026)",
        url=NAVAREA_XIII_FILE,
        text=(
            "NAVAREA XIII 56/2026\n130800 UTC JUL 2026\nCHARTS RUS 63104 60101 62271 \n"
            "1. ENGINEERING RESEARCH BY VESSEL NIKOLAY TRUBYATCHINSKIY\n"
            "15 JUL TO 15 OCT WITHIN TWO MILE WIDE SEA STRIP ALONG THE CENTRELINE \n46-48.6N 143-25.8E\n"
            "46-52.8N 143-23.4E 46-54.0N 143-27.0E \n45-15.6N 147-49.2E 45-13.8N 147-50.4E 45-14.4N\n147-49.8E \n"
            "45-16.2N 147-48.0E 45-14.4N 147-45.6E 45-16.8N 147-39.6E \n45-08.4N 147-39.0E\n"
            "45-05.4N 147-41.4E 45-08.4N 147-39.0E \n45-05.4N 147-41.4E 45-08.7N 147-22.8E 44-56.4N\n147-07.8E \n"
            "44-19.8N 146-41.4E 44-04.8N 146-03.6E \n44-03.0N 145-54.0E 44-03.0N 145-56.6E\n"
            "TW0 CABLE BERTH REQUESTED \n2. CANCEL THIS MESSAGE 16 OCT 26\n"
        ),
        areas=(
            Area("1", "corridor", (
                (dm(46, 48.6), dm(143, 25.8)), (dm(46, 52.8), dm(143, 23.4)), (dm(46, 54.0), dm(143, 27.0)),
                (dm(45, 15.6), dm(147, 49.2)), (dm(45, 13.8), dm(147, 50.4)), (dm(45, 14.4), dm(147, 49.8)),
                (dm(45, 16.2), dm(147, 48.0)), (dm(45, 14.4), dm(147, 45.6)), (dm(45, 16.8), dm(147, 39.6)),
                (dm(45, 8.4), dm(147, 39.0)), (dm(45, 5.4), dm(147, 41.4)), (dm(45, 8.4), dm(147, 39.0)),
                (dm(45, 5.4), dm(147, 41.4)), (dm(45, 8.7), dm(147, 22.8)), (dm(44, 56.4), dm(147, 7.8)),
                (dm(44, 19.8), dm(146, 41.4)), (dm(44, 4.8), dm(146, 3.6)), (dm(44, 3.0), dm(145, 54.0)),
                (dm(44, 3.0), dm(145, 56.6)),
            ), radius_km=1 * NM, note="TWO MILE WIDE is the full width: 1 NM either side of the centreline"),
        ),
        classes=("nga_hydropac_navarea", "corridor", "numbers_in_words"),
        notes="'TW0 CABLE BERTH' (a zero for O) is not position-like and is left alone; the track doubles back "
              "on itself where the text repeats 45-08.4N 147-39.0E and 45-05.4N 147-41.4E.",
    ),
    Warning(
        key="navarea_xi_341_26_japan_sea_gunnery",
        authority="NAVAREA XI coordinator (Japan Coast Guard), as listed by the NautoShark service",
        number="NAVAREA XI 341/2026",
        date="2026-07-27 (2026/07/27 12 UTC)",
        url=NAVAREA_XI_FILE,
        text=(
            "NAVAREA XI 341/2026\n2026/07/27 12 UTC\nJAPAN SEA.\nGUNNERY. 2200Z TO 1000Z COMMENCING DAILY\n"
            "31 JUL, 02 TO 14, 16 TO 21, 23 TO 28,\nAND 30 AUG. AREA BOUNDED BY\n"
            "42-40.0N 131-41.0E 42-40.0N 131-57.0E\n42-38.5N 132-15.0E\n42-15.0N 132-15.0E\n42-15.0N 131-41.0E.\n"
            "CANCEL THIS MSG 311100Z AUG.\n"
        ),
        areas=(
            Area("NAVAREA XI 341/2026", "polygon", (
                (dm(42, 40.0), dm(131, 41.0)), (dm(42, 40.0), dm(131, 57.0)), (dm(42, 38.5), dm(132, 15.0)),
                (dm(42, 15.0), dm(132, 15.0)), (dm(42, 15.0), dm(131, 41.0)),
            )),
        ),
        classes=("nga_hydropac_navarea", "daily_window"),
    ),
    Warning(
        key="navarea_xi_372_26_rocket_firing_25_miles",
        authority="NAVAREA XI coordinator (Japan Coast Guard), as listed by the NautoShark service",
        number="NAVAREA XI 372/2026",
        date="2026-08-19 (2026/08/19 12 UTC)",
        url=NAVAREA_XI_FILE,
        text=(
            "NAVAREA XI 372/2026\n2026/08/19 12 UTC\nNORTH PACIFIC, NANPO SHOTO.\n"
            "ROCKET FIRING. 2200Z TO 1300Z COMMENCING\nDAILY 23 AND 29 AUG.\nWITHIN 25 MILES OF\n"
            "31-14-14N 144-26-48E.\nCANCEL THIS MSG 301400Z AUG.\n"
        ),
        areas=(Area("NAVAREA XI 372/2026", "circle", ((dms(31, 14, 14), dms(144, 26, 48)),), radius_km=25 * NM),),
        classes=("nga_hydropac_navarea", "circle"),
    ),
    Warning(
        key="navarea_xi_377_26_missile_firing_and_shore",
        authority="NAVAREA XI coordinator (Japan Coast Guard), as listed by the NautoShark service",
        number="NAVAREA XI 377/2026",
        date="2026-08-20 (201236 UTC AUG 2026)",
        url=NAVAREA_XI_FILE,
        text=(
            "NAVAREA XI 377/2026\n201236 UTC AUG 2026\nJAPAN SEA. \nMISSILE FIRING. 1400Z TO 0800Z\n"
            "COMMENCING DAILY 25 TO 30 AUG.\nAREA BOUNDED BY\nLINE JOINING\n42-43.9N 132-50.6E 42-30.5N 133-14.0E\n"
            "41-24.4N 133-11.3E 41-21.2N 132-24.6E\n42-21.6N 132-08.0E 42-48.3N 132-28.5E\n"
            "42-51.5N 132-30.8E AND BY SHORE.\nCANCEL THIS MSG\n310900Z AUG.\n"
        ),
        areas=(
            Area("NAVAREA XI 377/2026", "polygon", (
                (dm(42, 43.9), dm(132, 50.6)), (dm(42, 30.5), dm(133, 14.0)), (dm(41, 24.4), dm(133, 11.3)),
                (dm(41, 21.2), dm(132, 24.6)), (dm(42, 21.6), dm(132, 8.0)), (dm(42, 48.3), dm(132, 28.5)),
                (dm(42, 51.5), dm(132, 30.8)),
            ), note="AREA BOUNDED BY LINE JOINING … AND BY SHORE: the shore is drawn as a straight edge"),
        ),
        classes=("nga_hydropac_navarea", "daily_window"),
    ),
    Warning(
        key="navarea_xi_390_26_fourteen_gunnery_circles",
        authority="NAVAREA XI coordinator (Japan Coast Guard), as listed by the NautoShark service",
        number="NAVAREA XI 390/2026",
        date="2026-08-25 (251230 UTC AUG 2026)",
        url=NAVAREA_XI_FILE,
        text=(
            "NAVAREA XI 390/2026\n251230 UTC AUG 2026\nSOUTH CHINA SEA, SOUTHERN PART.\n"
            "GUNNERY. 290000Z TO 290200Z AUG,\nALTERNATE 290700Z TO\n290900Z AUG.\nWITHIN 4000 METRES OF\n"
            "A. 08-02.05N 110-37.01E.\nB. 07-49.03N 110-30.05E.\nC.\n07-52.51N 111-44.68E.\n"
            "D. 07-30.41N 109-54.71E.\nE. 08-09.95N 110-35.80E.\nF. 07-29.13N\n109-37.26E.\n"
            "G. 07-31.83N 109-50.21E.\nH. 07-48.20N 109-55.93E.\nI. 08-04.55N 110-28.06E.\nJ.\n"
            "08-09.58N 110-29.98E.\nK. 08-05.75N 110-33.65E.\nL. 07-47.16N 110-27.03E.\nM. 07-42.18N\n111-45.15E.\n"
            "N. 07-32.08N 111-32.83E.\nCANCEL THIS MSG 291000Z AUG.\n"
        ),
        areas=(
            Area("NAVAREA XI 390/2026", "circles", (
                (dm(8, 2.05), dm(110, 37.01)), (dm(7, 49.03), dm(110, 30.05)), (dm(7, 52.51), dm(111, 44.68)),
                (dm(7, 30.41), dm(109, 54.71)), (dm(8, 9.95), dm(110, 35.80)), (dm(7, 29.13), dm(109, 37.26)),
                (dm(7, 31.83), dm(109, 50.21)), (dm(7, 48.20), dm(109, 55.93)), (dm(8, 4.55), dm(110, 28.06)),
                (dm(8, 9.58), dm(110, 29.98)), (dm(8, 5.75), dm(110, 33.65)), (dm(7, 47.16), dm(110, 27.03)),
                (dm(7, 42.18), dm(111, 45.15)), (dm(7, 32.08), dm(111, 32.83)),
            ), radius_km=4.0, note="A–N label fourteen centres (C. and J. end their lines) of 4000 m circles"),
        ),
        classes=("nga_hydropac_navarea", "circle", "multi_area"),
        notes="The alternate window's first DTG (290700Z, its month only after TO) is reported as not placed in time.",
    ),
    Warning(
        key="navarea_xii_523_26_three_miles_of_trackline",
        authority="NAVAREA XII coordinator (NGA, United States), as listed by the NautoShark service",
        number="NAVAREA XII 523/2026",
        date="2026-08-01 (010114 UTC AUG 2026)",
        url=NAVAREA_XII_FILE,
        text=(
            "NAVAREA XII 523/2026\n010114 UTC AUG 2026\nNORTH PACIFIC.\n"
            "1. CABLE OPERATIONS IN PROGRESS UNTIL FURTHER NOTICE\nBY M/V GRACE WITHIN\n"
            "THREE MILES OF TRACKLINE JOINING\n48-57.51N 162-53.63W, 48-55.01N 162-45.02W,\n48-54.59N\n"
            "162-18.29W, 48-54.03N 161-51.12W,\n48-53.63N 161-32.00W, 48-53.47N 161-23.99W,\n48-52.77N\n"
            "160-57.37W, 48-51.94N 160-30.70W,\n48-51.02N 160-04.11W, 48-50.01N 159-37.57W,\n48-49.50N\n"
            "159-25.00W, 48-49.28N 159-23.89W,\n48-48.40N 159-19.52W, 48-47.20N 159-13.67W,\n48-45.50N\n"
            "159-05.00W, 48-43.50N 158-50.00W,\n48-43.86N 158-47.56W, 48-45.00N 158-40.00W,\n48-47.03N\n"
            "158-21.26W, 48-47.50N 158-17.00W,\n48-48.39N 157-54.83W, 48-49.00N 157-40.00W,\n48-45.90N\n"
            "157-29.16W, 48-43.30N 157-20.00W,\n48-41.27N 157-03.72W, 48-39.60N 156-50.00W,\n48-39.46N\n"
            "156-37.36W, 48-39.30N 156-21.10W,\n48-38.20N 156-12.80W, 48-37.73N 156-11.13W,\n48-36.60N\n"
            "156-07.00W, 48-34.44N 155-59.39W,\n48-35.31N 155-57.60W, 48-36.33N 155-57.26W,\n48-34.01N\n"
            "155-57.90W, 48-33.89N 155-57.42W,\n48-33.20N 155-55.00W, 48-33.20N 155-49.10W,\n48-33.43N\n"
            "155-47.69W, 48-33.84N 155-44.87W,\n48-34.80N 155-38.70W, 48-36.28N 155-35.66W,\n48-38.10N\n"
            "155-31.96W, 48-39.50N 155-29.10W,\n48-39.87N 155-26.02W, 48-40.00N 155-25.00W,\n48-40.03N\n"
            "155-15.05W, 48-40.00N 155-14.30W,\n48-38.70N 155-06.70W, 48-37.00N 155-02.50W,\n48-31.40N\n"
            "154-56.10W, 48-30.75N 154-53.95W,\n48-29.38N 154-49.67W, 48-25.60N 154-37.78W,\n48-24.60N\n"
            "154-34.70W, 48-24.35N 154-32.04W,\n48-22.64N 154-14.65W, 48-20.12N 153-49.75W,\n48-18.52N\n"
            "153-34.45W, 48-17.95N 153-29.12W,\n48-17.69N 153-26.81W, 48-14.78N 153-00.17W,\n48-12.80N\n"
            "152-42.40W, 48-11.53N 152-33.70W,\n48-10.18N 152-24.42W, 48-09.50N 152-20.00W,\n48-08.63N\n"
            "152-08.03W, 48-06.75N 151-42.45W,\n48-05.00N 151-20.00W, 48-04.71N 151-16.59W,\n48-04.53N\n"
            "151-14.58W, 48-02.50N 150-51.58W,\n48-01.00N 150-35.00W, 47-59.85N 150-26.37W,\n47-59.12N\n"
            "150-20.92W, 47-56.50N 150-01.68W,\n47-56.13N 149-58.98W, 47-56.00N 149-58.00W,\n47-51.36N\n"
            "149-40.84W.\nTWO MILE BERTH REQUESTED.\n2. CANCEL NAVAREA XII 497/26.\n"
        ),
        areas=(Area("1", "corridor", tuple(_positions(XII_523_TRACK)), radius_km=3 * NM,
                    note="WITHIN THREE MILES OF TRACKLINE JOINING: 3 NM either side of the 79-position track"),),
        classes=("nga_hydropac_navarea", "corridor", "numbers_in_words"),
        notes="NAVAREA XII is the United States' area (NGA); the warning is in the North Pacific and is quoted "
              "for its corridor with the width in words. The track's positions are listed in XII_523_TRACK.",
    ),
    Warning(
        key="prip_arkhangelsk_100_25_missile_firing",
        authority="Arkhangelsk coastal warning service (ФГБУ «АМП Западной Арктики», mapm.ru/PripAr)",
        number="ПРИП АРХАНГЕЛЬСК 100/25",
        date="2025-11-28 (281000 МСК)",
        url=PRIP_2025_11_29,
        text=(
            "ПРИП АРХАНГЕЛЬСК 100/25 КАРТА  91306  \nБЕЛОЕ МОРE \n1. СТРЕЛЬБЫ РАКЕТНЫЕ 03 ПО 06 ДЕК 0300 ДО 1700\n"
            "РАЙОНЕ ЗАПРЕТНОМ ДЛЯ ПЛАВАНИЯ\n67-12.0С 041-20.0В \n67-40.0C 044-02.0В\nДАЛЕЕ ПО БЕРЕГОВОЙ ЛИНИИ ДО\n"
            "65-01.5С 040-11.0В \n64-53.0С 039-24.0В\n65-39.0С 037-37.0В \n66-06.0С 039-05.0В\n"
            "ДАЛЕЕ ПО БЕРЕГОВОЙ ЛИНИИ ДО\n67-12.0С 041-20.0В \nИСКЛЮЧАЯ ОСТРОВ МОРЖОВЕЦ \n"
            "2. ОТМ ЭТОТ НР 061800 ДЕК=\n281000 МСК ГС-\n"
        ),
        areas=(
            Area("1", "polygon", (
                (dm(67, 12.0), dm(41, 20.0)), (dm(67, 40.0), dm(44, 2.0)), (dm(65, 1.5), dm(40, 11.0)),
                (dm(64, 53.0), dm(39, 24.0)), (dm(65, 39.0), dm(37, 37.0)), (dm(66, 6.0), dm(39, 5.0)),
                (dm(67, 12.0), dm(41, 20.0)),
            ), note="ДАЛЕЕ ПО БЕРЕГОВОЙ ЛИНИИ ДО (then along the coast to) is drawn as a straight edge; closed by "
                    "repeating the first position; the island excluded (ИСКЛЮЧАЯ ОСТРОВ МОРЖОВЕЦ) is not cut out"),
        ),
        classes=("russia_prip", "cyrillic_lookalike"),
        notes="The second position is typed 67-40.0C with a Latin C for the Cyrillic С; the page's title line "
              "and body are joined as the page shows them.",
    ),
    Warning(
        key="prip_arkhangelsk_101_25_artillery_firing",
        authority="Arkhangelsk coastal warning service (ФГБУ «АМП Западной Арктики», mapm.ru/PripAr)",
        number="ПРИП АРХАНГЕЛЬСК 101/25",
        date="2025-11-28 (281100 МСК)",
        url=PRIP_2025_11_29,
        text=(
            "ПРИП АРХАНГЕЛЬСК 101/25 КАРТА 14006\nДВИНСКИЙ ЗАЛИВ\n"
            "1.СТРЕЛЬБЫ АРТИЛЛЕРИЙСКИЕ  01 ПО 05 ДЕК 0800 ДО 1400\nРАЙОНЕ ЗАПРЕТНОМ  ДЛЯ ПЛАВАНИЯ \n"
            "65-04.5С 039-38.0В \n65-04.5С 039-48.0В \n64-57.0С 039-59.2В \n64-48.5С 039-38.0В \n"
            "2.ОТМ ЭТОТ НР 051500 ДЕК=\n281100 МСК ГС-\n"
        ),
        areas=(
            Area("ПРИП АРХАНГЕЛЬСК 101/25", "polygon", (
                (dm(65, 4.5), dm(39, 38.0)), (dm(65, 4.5), dm(39, 48.0)), (dm(64, 57.0), dm(39, 59.2)),
                (dm(64, 48.5), dm(39, 38.0)),
            ), note="1.СТРЕЛЬБЫ (no space after the point) is not a label; the warning's number names the area"),
        ),
        classes=("russia_prip",),
    ),
    Warning(
        key="prip_arkhangelsk_25_26_missile_launches",
        authority="Arkhangelsk coastal warning service (ФГБУ «АМП Западной Арктики», mapm.ru/PripAr)",
        number="ПРИП АРХАНГЕЛЬСК 25/26",
        date="2026-04-09 (091600 МСК)",
        url=PRIP_2026_04_10,
        text=(
            "ПРИП АРХАНГЕЛЬСК 25/26 КАРТА 91306\nПРИП АРХАНГЕЛЬСК 25 КАРТА 91306\nЮЖНАЯ ЧАСТЬ БЕЛОГО МОРЯ\n"
            "1. ПУСКИ РАКЕТНЫЕ 13 АПР 2100 ДО 2400 \n14 ПО 29 АПР 0000 ДО 1600 И\n"
            "2100 ДО 2400 30 АПР 0000 ДО 1600 \nРАЙОНЕ ЗАПРЕТНОМ ДЛЯ ПЛАВАНИЯ \n"
            "66-10.0С 037-10.0В 66-00.0C 038-20.0В\n65-30.0С 038-30.0В 65-30.0С 037-30.0В\n"
            "2. ОТМ ЭТОТ НР 301700 АПР=\n091600 МСК ГС-\n"
        ),
        areas=(
            Area("1", "polygon", ((dm(66, 10.0), dm(37, 10.0)), (dm(66, 0.0), dm(38, 20.0)), (dm(65, 30.0), dm(38, 30.0)),
                                  (dm(65, 30.0), dm(37, 30.0)))),
        ),
        classes=("russia_prip", "cyrillic_lookalike"),
        notes="66-00.0C has a Latin C; the title line (with /26) and the broadcast header (without) are joined "
              "with a line break between them, which the page puts in separate elements.",
    ),
    Warning(
        key="prip_arkhangelsk_24_26_artillery_dms",
        authority="Arkhangelsk coastal warning service (ФГБУ «АМП Западной Арктики», mapm.ru/PripAr)",
        number="ПРИП АРХАНГЕЛЬСК 24/26",
        date="2026-04-09 (091100 МСК)",
        url=PRIP_2026_04_10,
        text=(
            "ПРИП АРХАНГЕЛЬСК 24/26 КАРТА 16004\nПРИП АРХАНГЕЛЬСК 24 КАРТА 16004\nДВИНСКИЙ ЗАЛИВ\n"
            "1.СТРЕЛЬБЫ АРТИЛЛЕРИЙСКИЕ  13 И 14 АПР \n0700 ДО 1100 РАЙОНЕ ЗАПРЕТНОМ  ДЛЯ ПЛАВАНИЯ \n"
            "64-34-02С 039-43-04В\n64-32-42С 039-34-36В\n64-38-30С 039-37-48В\n64-39-54С 039-42-18В\n"
            "64-38-30С 039-43-18В\n2.ОТМ ЭТОТ НР 141200 АПР=\n091100 МСК ГС-\n"
        ),
        areas=(
            Area("ПРИП АРХАНГЕЛЬСК 24/26", "polygon", (
                (dms(64, 34, 2), dms(39, 43, 4)), (dms(64, 32, 42), dms(39, 34, 36)), (dms(64, 38, 30), dms(39, 37, 48)),
                (dms(64, 39, 54), dms(39, 42, 18)), (dms(64, 38, 30), dms(39, 43, 18)),
            )),
        ),
        classes=("russia_prip",),
        notes="The title line and the broadcast header are joined with a line break, as for 25/26.",
    ),
    Warning(
        key="korea_khoa_289_26_maritime_training",
        authority="Korea Hydrographic and Oceanographic Agency (KHOA), English text, as listed by the NautoShark service",
        number="KOREA 289/2026 (KHOA navigational warning)",
        date="2026-08-24 (240000 UTC AUG 2026)",
        url=KOREA_FILE,
        text=(
            "KOREA 289/2026\n240000 UTC AUG 2026\n"
            "<Maritime Training>   1. This is in reference to Ocean Information Unit Ocean Topographic\n"
            "Information Division-3256 (2026. 8. 20.).\n"
            "2. The Ocean Information Unit has informed us of the maritime training implementation\n"
            "plan as attached, so please notify vessels engaged in navigation and fishing of the\n"
            "relevant details.\n  * Detailed locations can be checked on the navigation warning status\n"
            "board (https://www.khoa.go.kr/nwb).\n"
            "  <Source> Ocean Information Unit  Ocean Topographic Information Division\nEnd.\n\n\n"
            "No. - Firing range area - Date - Time - Related chart\n"
            "1 - East Coast ~ area bounded by the line sequentially connecting the points below near\n"
            "Gangneung Port (1) 37-45-58N,128-57-12E(2) 37-47-28N,128-59-05E(3)\n"
            "37-45-02N,129-01-31E(4) 37-44-30N,128-59-07E - 08/24,25,26,27 - 00:00 ~ 24:00 - 1455\n"
            "2 - South Coast ~ Jeju-do, area bounded by the line sequentially connecting the points\n"
            "below near Seogwipo Port (1) 33-12-00N,126-28-00E(2) 33-12-00N,126-34-00E(3)\n"
            "33-07-00N,126-34-00E(4) 33-07-00N,126-28-00E - 08/24,25,26,27,28,29 - 07:00 ~ 18:00 - 2714\n"
            "3 - South Coast ~ Jeju-do, vicinity of Seogwipo Port centered at 33-13-19N,126-31-31E\n"
            "within a radius of 0.5 NM - 08/28,29 - 07:00 ~ 18:00 - 2755\n"
        ),
        areas=(
            Area("1", "polygon", ((dms(37, 45, 58), dms(128, 57, 12)), (dms(37, 47, 28), dms(128, 59, 5)),
                                  (dms(37, 45, 2), dms(129, 1, 31)), (dms(37, 44, 30), dms(128, 59, 7))),
                 note="rows 1–3 of the table are three areas; (1)–(4) label points"),
            Area("2", "polygon", ((dms(33, 12, 0), dms(126, 28, 0)), (dms(33, 12, 0), dms(126, 34, 0)),
                                  (dms(33, 7, 0), dms(126, 34, 0)), (dms(33, 7, 0), dms(126, 28, 0)))),
            Area("3", "circle", ((dms(33, 13, 19), dms(126, 31, 31)),), radius_km=0.5 * NM),
        ),
        classes=("korea_khoa", "multi_area", "numbered_points", "circle"),
        notes="Times are in Korean local time (KST) by row ('08/24,25,26,27 - 00:00 ~ 24:00'); not worked out here.",
    ),
    Warning(
        key="korea_khoa_295_26_naval_training",
        authority="Korea Hydrographic and Oceanographic Agency (KHOA), English text, as listed by the NautoShark service",
        number="KOREA 295/2026 (KHOA navigational warning)",
        date="2026-09-01 (010000 UTC SEP 2026)",
        url=KOREA_FILE,
        text=(
            "KOREA 295/2026\n010000 UTC SEP 2026\n"
            "<Maritime Training>   1. This is in reference to Naval Operations Command Training\n"
            "Division-12435 (2026. 8. 27.).\n"
            "2. As Naval Operations Command will conduct maritime training as attached, please inform\n"
            "vessels engaged in navigation and fishing of the details.\n  * Check detailed location:\n"
            "Navigational Warning Status Board (https://www.khoa.go.kr/nwb)\n"
            "  <Source>  Naval Operations Command  Training Division\nEnd.\n\n"
            "No. - Firing Range Area - Date - Time - Related Chart\n1 - South Sea Coast ~ area bounded\n"
            "by sequentially connecting the points below south of Geoje-do (1) 34-49-00N,128-56-00E\n"
            "(2) 34-49-00N,129-00-00E (3) 34-39-00N,129-00-00E (4) 34-44-00N,128-56-00E -\n"
            "09/01,02,03,04 - 09:00 ~ 16:00 - 2112\n2 - East Sea Coast ~ area bounded by sequentially\n"
            "connecting the points below south of the East Sea (1) 36-40-00N,129-52-30E (2)\n"
            "36-40-00N,130-17-30E (3) 36-20-00N,130-17-30E (4) 36-20-00N,129-52-30E - 09/01,02 - 08:00\n"
            "~ 17:00 - 1600\n3 - South Sea Coast ~ vicinity of south of Busan Port, near Hyeongjedo\n"
            "centered at 34-53-00N,128-57-00E within a radius of 5 NM - 09/01 - 13:00 ~ 15:00 - 2112\n"
        ),
        areas=(
            Area("1", "polygon", ((dms(34, 49, 0), dms(128, 56, 0)), (dms(34, 49, 0), dms(129, 0, 0)),
                                  (dms(34, 39, 0), dms(129, 0, 0)), (dms(34, 44, 0), dms(128, 56, 0)))),
            Area("2", "polygon", ((dms(36, 40, 0), dms(129, 52, 30)), (dms(36, 40, 0), dms(130, 17, 30)),
                                  (dms(36, 20, 0), dms(130, 17, 30)), (dms(36, 20, 0), dms(129, 52, 30)))),
            Area("3", "circle", ((dms(34, 53, 0), dms(128, 57, 0)),), radius_km=5 * NM),
        ),
        classes=("korea_khoa", "multi_area", "numbered_points", "circle"),
    ),
    Warning(
        key="dalian_msa_liaohangjing_523_25",
        authority="Dalian MSA (China), as quoted by HK01",
        number="遼航警523/25",
        date="2025-12-06",
        url=(
            "https://www.hk01.com/%E5%8D%B3%E6%99%82%E4%B8%AD%E5%9C%8B/60301111/%E4%B8%AD%E6%97%A5%E9%97%9C%E4%BF%82"
            "%E6%8C%81%E7%BA%8C%E7%B7%8A%E5%BC%B5-%E5%A4%A7%E9%80%A3%E6%B5%B7%E4%BA%8B%E5%B1%80-7%E6%97%A5%E8%B5%B7"
            "%E6%B8%A4%E6%B5%B7%E6%B5%B7%E5%B3%BD%E9%BB%83%E6%B5%B7%E5%8C%97%E9%83%A8%E8%BB%8D%E6%BC%94%E4%B8%80%E9%80%B1"
        ),
        text=(
            "大連海事局發布「遼航警523/25」航行警告，稱渤海海峽黃海北部，自12月7日16時至14日16時在38-51.7N121-38.2E、38-34.2N121-38.2E、38-33.9N121-07.9E"
            "、38-48.2N121-14.1E諸點連線範圍內執行軍事任務。禁止駛入。"
        ),
        areas=(
            Area("遼航警523/25", "polygon", ((dm(38, 51.7), dm(121, 38.2)), (dm(38, 34.2), dm(121, 38.2)),
                                             (dm(38, 33.9), dm(121, 7.9)), (dm(38, 48.2), dm(121, 14.1)))),
        ),
        classes=("china_msa", "chinese_area_words", "cjk_dates", "fullwidth_punctuation"),
        times=("2025-12-07 08:00 – 2025-12-14 08:00 UTC",),
        notes="Year 2025 from the number /25; 16時 Beijing time is 08:00 UTC.",
    ),
    Warning(
        key="russia_port_regulations_sevastopol_anchorages",
        authority="Obligatory regulations of a Russian sea port, Annex 4 (anchorage areas), as published by ConsultantPlus",
        number="Приложение N 4, районы N 386 и N 389",
        date="— (the excerpt gives none)",
        url="https://consultant.ru/document/cons_doc_LAW_213117/a86b457a7a7ce2b7d6360594e6f647b4442fea7b",
        text=(
            "2. Район N 386. Район ограничен линиями, соединяющими по порядку следующие точки:\n\n"
            "44°39'42\" северной широты и 33°23'24\" восточной долготы;\n\n"
            "44°40'30\" северной широты и 33°23'24\" восточной долготы;\n\n"
            "44°40'30\" северной широты и 33°25'24\" восточной долготы;\n\n"
            "44°39'42\" северной широты и 33°25'24\" восточной долготы.\n\n"
            "3. Район N 389 (район бухты Двойная). Район ограничен линиями, соединяющими по порядку следующие точки:"
            "\n\n44°36'12.0\" северной широты и 33°25'00.0\" восточной долготы;\n\n"
            "44°36'40.0\" северной широты и 33°24'45.0\" восточной долготы;\n\n"
            "44°36'42.0\" северной широты и 33°25'21.0\" восточной долготы;\n\n"
            "44°36'27.0\" северной широты и 33°25'24.0\" восточной долготы."
        ),
        areas=(
            Area("2", "polygon", ((dms(44, 39, 42), dms(33, 23, 24)), (dms(44, 40, 30), dms(33, 23, 24)),
                                  (dms(44, 40, 30), dms(33, 25, 24)), (dms(44, 39, 42), dms(33, 25, 24)))),
            Area("3", "polygon", ((dms(44, 36, 12.0), dms(33, 25, 0.0)), (dms(44, 36, 40.0), dms(33, 24, 45.0)),
                                  (dms(44, 36, 42.0), dms(33, 25, 21.0)), (dms(44, 36, 27.0), dms(33, 25, 24.0)))),
        ),
        classes=("russian_spelled_hemispheres", "multi_area"),
        warnings_count=0,
        notes=("Not a warning: an order defining areas, quoted for its spelled-out hemispheres. Area 1 (N 384) is "
               "left out: as published its second latitude (44°30′24.6″, likely 44°40′) makes the boundary cross "
               "itself. The positions lie off Sevastopol; the excerpt does not name the port."),
    ),
    Warning(
        key="russia_mintrans_401_21_okean_prohibited_area",
        authority="Ministry of Transport of Russia, order No. 401 of 22.11.2021, as quoted by kprim.ru",
        number="Приказ Минтранса России № 401",
        date="2021-11-22 (in force 9 January, year as on the page)",
        url="https://kprim.ru/ustanovlen-zapret-dlya-plavaniya-sudov-ryadom-s-okeanom",
        text=(
            "Запретный для судов район ограничен отрезками прямых линий, соединяющих по порядку пять точек с координ"
            "атами:\n\n— 1) 43°12’45,7» северной широты, 132°10’08,8» восточной долготы;\n"
            "— 2) 43°12’44,2» северной широты, 132°10’19,1» восточной долготы;\n"
            "— 3) 43°12’46,7» северной широты, 132°10’34,4» восточной долготы;\n"
            "— 4) 43°12’23,0» северной широты, 132°10’34,1» восточной долготы;\n"
            "—   5)    42°12’18,4» северной широты, 132°09’28,6» восточной долготы и далее вдоль береговой линии, со"
            "единяющей точки № 1 и № 5."
        ),
        areas=(
            Area("", "polygon", (
                (dms(43, 12, 45.7), dms(132, 10, 8.8)), (dms(43, 12, 44.2), dms(132, 10, 19.1)),
                (dms(43, 12, 46.7), dms(132, 10, 34.4)), (dms(43, 12, 23.0), dms(132, 10, 34.1)),
                (dms(42, 12, 18.4), dms(132, 9, 28.6)),
            ), note="read as published: the fifth latitude, 42°12′, is a degree south of the others (likely 43°)"),
        ),
        classes=("russian_spelled_hemispheres", "glyphs"),
        warnings_count=0,
        notes="Not a warning: an order closing an area, quoted for its spelled-out hemispheres; the page prints » "
              "for the seconds sign and a decimal comma.",
    ),
    Warning(
        key="navarea_iv_418_23_two_launch_areas",
        authority="NGA (NAVAREA IV), relaying Eastern Range 0/23",
        number="NAVAREA IV 418/23",
        date="2023-04-15 (issued 150429Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "WESTERN NORTH ATLANTIC.\nFLORIDA.\n1. HAZARDOUS OPERATIONS, ROCKET LAUNCHING\n"
            "   191218Z TO 191647Z APR, ALTERNATE\n   201153Z TO 201622Z, 211128Z TO 211556Z,\n"
            "   221102Z TO 221531Z, 231037Z TO 231506Z,\n   241012Z TO 241441Z AND 250947Z TO 251416Z APR\n"
            "   IN AREAS BOUND BY:\n   A. 28-38.47N 080-37.31W, 28-38.00N 080-32.00W,\n"
            "      28-37.00N 080-23.00W, 28-20.00N 079-55.00W,\n"
            "      28-16.00N 079-57.00W, 28-31.21N 080-33.38W.\n"
            "   B. 26-26.00N 076-00.00W, 25-40.00N 074-06.00W,\n"
            "      25-24.00N 073-52.00W, 25-04.00N 074-14.00W,\n"
            "      25-13.00N 074-45.00W, 26-03.00N 076-00.00W.\n2. CANCEL NAVAREA IV 414/23.\n"
            "3. CANCEL THIS MSG 251516Z APR 23.\n"
        ),
        areas=(
            Area("A", "polygon", _positions((
                    "28-38.47N 080-37.31W", "28-38.00N 080-32.00W", "28-37.00N 080-23.00W", "28-20.00N 079-55.00W",
                    "28-16.00N 079-57.00W", "28-31.21N 080-33.38W",
                ))),
            Area("B", "polygon", _positions((
                    "26-26.00N 076-00.00W", "25-40.00N 074-06.00W", "25-24.00N 073-52.00W", "25-04.00N 074-14.00W",
                    "25-13.00N 074-45.00W", "26-03.00N 076-00.00W",
                ))),
        ),
        classes=('nga_hydropac_navarea', 'multi_area', 'dtg'),
        times=('2023-04-19 12:18 – 2023-04-19 16:47 UTC', '2023-04-19 12:18 – 2023-04-19 16:47 UTC'),
        notes="Seven launch windows, the month given once at the end of the series (191218Z TO 191647Z APR, ALTERNATE 201153Z TO 201622Z, …, 250947Z TO 251416Z APR): the five between take APR from the series' end (they were not placed before); the year is that of CANCEL THIS MSG … APR 23.",
    ),
    Warning(
        key="navarea_iv_387_23_launch_and_debris",
        authority="NGA (NAVAREA IV), relaying SpaceX 0/23",
        number="NAVAREA IV 387/23",
        date="2023-04-07 (issued 070735Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "GULF OF MEXICO.\nTEXAS.\n1. HAZARDOUS OPERATIONS, ROCKET LAUNCHING\n"
            "   1025Z TO 1610Z DAILY 17 THRU 21 APR\n   IN AREA BOUND BY\n"
            "   25-57.00N 093-13.00W, 26-05.00N 095-44.00W,\n   26-06.00N 096-46.00W, 26-02.00N 097-12.00W,\n"
            "   25-57.00N 097-12.00W, 25-53.00N 096-46.00W,\n   25-52.00N 096-17.00W, 25-47.00N 095-14.00W,\n"
            "   25-32.00N 093-07.00W, 25-33.00N 092-44.00W,\n   25-43.00N 092-44.00W.\n"
            "2. HAZARDOUS OPERATIONS, SPACE DEBRIS\n   1155Z TO 1610Z DAILY 17 THRU 21 APR\n"
            "   IN AREA BOUND BY\n   26-08.00N 091-05.00W, 26-42.00N 092-53.00W,\n"
            "   26-42.00N 095-34.00W, 26-32.00N 096-25.00W,\n   26-10.00N 096-49.00W, 26-07.00N 096-59.00W,\n"
            "   26-03.00N 097-07.00W, 26-02.00N 097-12.00W,\n   25-57.00N 097-12.00W, 25-54.00N 097-04.00W,\n"
            "   25-12.00N 096-10.00W, 24-58.00N 094-40.00W,\n   25-14.00N 093-53.00W, 25-09.00N 092-53.00W,\n"
            "   24-55.00N 091-06.00W, 25-09.00N 090-30.00W,\n   24-30.00N 084-52.00W, 24-37.00N 084-52.00W,\n"
            "   25-32.00N 090-24.00W.\n3. CANCEL THIS MSG 211710Z APR 23.\n"
        ),
        areas=(
            Area("1", "polygon", _positions((
                    "25-57.00N 093-13.00W", "26-05.00N 095-44.00W", "26-06.00N 096-46.00W", "26-02.00N 097-12.00W",
                    "25-57.00N 097-12.00W", "25-53.00N 096-46.00W", "25-52.00N 096-17.00W", "25-47.00N 095-14.00W",
                    "25-32.00N 093-07.00W", "25-33.00N 092-44.00W", "25-43.00N 092-44.00W",
                ))),
            Area("2", "polygon", _positions((
                    "26-08.00N 091-05.00W", "26-42.00N 092-53.00W", "26-42.00N 095-34.00W", "26-32.00N 096-25.00W",
                    "26-10.00N 096-49.00W", "26-07.00N 096-59.00W", "26-03.00N 097-07.00W", "26-02.00N 097-12.00W",
                    "25-57.00N 097-12.00W", "25-54.00N 097-04.00W", "25-12.00N 096-10.00W", "24-58.00N 094-40.00W",
                    "25-14.00N 093-53.00W", "25-09.00N 092-53.00W", "24-55.00N 091-06.00W", "25-09.00N 090-30.00W",
                    "24-30.00N 084-52.00W", "24-37.00N 084-52.00W", "25-32.00N 090-24.00W",
                ))),
        ),
        classes=('nga_hydropac_navarea', 'multi_area', 'daily_window'),
        notes="Two numbered paragraphs, a launch area and a debris area, each with its own daily window (1025Z TO 1610Z, 1155Z TO 1610Z); the reader keeps one window for the whole warning, so times are not checked here.",
    ),
    Warning(
        key="navarea_iv_329_23_navigation_prohibited",
        authority="NGA (NAVAREA IV), relaying Space Launch Delta 0/23",
        number="NAVAREA IV 329/23",
        date="2023-03-23 (issued 232055Z MAR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "WESTERN NORTH ATLANTIC.\n1. NAVIGATION PROHIBITED UNTIL FURTHER\n   NOTICE IN AREAS BOUND BY:\n"
            "   A. 28-22.00N 074-43.00W, 28-22.00N 074-32.00W,\n"
            "      28-14.00N 074-32.00W, 28-14.00N 074-43.00W.\n"
            "   B. 28-01.00N 074-36.00W, 28-29.00N 074-36.00W,\n"
            "      28-43.00N 074-00.00W, 28-43.00N 073-20.00W,\n"
            "      28-24.00N 072-52.00W, 28-04.00N 072-52.00W,\n"
            "      27-46.00N 073-20.00W, 27-44.00N 074-05.00W.\n2. CANCEL NAVAREA IV 326/23.\n"
        ),
        areas=(
            Area("A", "polygon", _positions((
                    "28-22.00N 074-43.00W", "28-22.00N 074-32.00W", "28-14.00N 074-32.00W", "28-14.00N 074-43.00W",
                ))),
            Area("B", "polygon", _positions((
                    "28-01.00N 074-36.00W", "28-29.00N 074-36.00W", "28-43.00N 074-00.00W", "28-43.00N 073-20.00W",
                    "28-24.00N 072-52.00W", "28-04.00N 072-52.00W", "27-46.00N 073-20.00W", "27-44.00N 074-05.00W",
                ))),
        ),
        classes=('nga_hydropac_navarea', 'multi_area'),
    ),
    Warning(
        key="navarea_iv_396_23_150_miles",
        authority="NGA (NAVAREA IV), relaying NAVAREA II 0/23",
        number="NAVAREA IV 396/23",
        date="2023-04-09 (issued 090315Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "NORTH ATLANTIC.\n1. HAZARDOUS OPERATIONS, ROCKET LAUNCHING\n"
            "   0030Z TO 1000Z DAILY 14 APR THRU 07 MAY\n   IN AREA WITHIN 150 MILES OF 37-35.15N 045-40.37W.\n"
            "2. CANCEL THIS MSG 071100Z MAY 23.\n"
        ),
        areas=(
            Area("1", "circle", _positions((
                    "37-35.15N 045-40.37W",
                )), radius_km=150 * NM),
        ),
        classes=('nga_hydropac_navarea', 'circle', 'daily_window'),
        notes="A rocket-launch circle of 150 miles in mid-Atlantic; the days (14 APR THRU 07 MAY) have no year in the text.",
    ),
    Warning(
        key="hydrolant_2423_22_ten_miles",
        authority="NGA (HYDROLANT), relaying NAVAREA V coastal 671/22 (Brazil)",
        number="HYDROLANT 2423/22",
        date="2022-09-25 (issued 250412Z SEP 2022)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "WESTERN SOUTH ATLANTIC.\nBRAZIL.\nDNC 01.\n1. SURVEY OPERATIONS 260300Z SEP TO\n"
            "   260300Z MAY 23 IN AREA WITHIN TEN MILES\n   OF 00-14.49S 047-23.07W.\n   WIDE BERTH REQUESTED.\n"
            "2. CANCEL THIS MSG 260400Z MAY 23.\n"
        ),
        areas=(
            Area("1", "circle", _positions((
                    "00-14.49S 047-23.07W",
                )), radius_km=10 * NM),
        ),
        classes=('nga_hydropac_navarea', 'circle', 'numbers_in_words', 'dtg'),
        times=('2022-09-26 03:00 – 2023-05-26 03:00 UTC',),
        notes="260300Z SEP TO 260300Z MAY 23 breaks its line after TO; September has no year of its own and comes before May 2023, so it is September 2022. Southern latitude just below the equator (00-14.49S).",
    ),
    Warning(
        key="hydrolant_1387_22_one_mile",
        authority="NGA (HYDROLANT), relaying NAVAREA V coastal 348/22 (Brazil)",
        number="HYDROLANT 1387/22",
        date="2022-05-27 (issued 270451Z MAY 2022)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "WESTERN SOUTH ATLANTIC.\nBRAZIL.\nDNC 01.\nFOUL GROUND IN AREA WITHIN ONE MILE OF\n"
            "32-18.70S 052-05.10W.\n"
        ),
        areas=(
            Area("", "circle", _positions((
                    "32-18.70S 052-05.10W",
                )), radius_km=1 * NM),
        ),
        classes=('nga_hydropac_navarea', 'circle', 'numbers_in_words'),
    ),
    Warning(
        key="hydropac_1134_23_three_miles",
        authority="NGA (HYDROPAC), relaying NAVAREA IX 152/23 (Qatar)",
        number="HYDROPAC 1134/23",
        date="2023-04-05 (issued 050615Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "PERSIAN GULF.\nQATAR.\nDNC 10.\nUNDERWATER OPERATIONS IN PROGRESS UNTIL FURTHER\n"
            "NOTICE BY M/V SHADDAD IN AREA WITHIN THREE MILES OF\n25-53.23N 052-43.61E.\nWIDE BERTH REQUESTED.\n"
        ),
        areas=(
            Area("", "circle", _positions((
                    "25-53.23N 052-43.61E",
                )), radius_km=3 * NM),
        ),
        classes=('nga_hydropac_navarea', 'circle', 'numbers_in_words'),
    ),
    Warning(
        key="hydropac_240_22_uae_shoals",
        authority="NGA (HYDROPAC), relaying NAVAREA IX 39/22",
        number="HYDROPAC 240/22",
        date="2022-01-28 (issued 281745Z JAN 2022)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "PERSIAN GULF.\nU.A.E.\nDNC 10.\nSHOALS REPORTED IN AREA BOUND BY\n"
            "25-20.9N 055-12.9E, 25-23.0N 055-10.6E,\n25-23.8N 055-12.1E, 25-22.5N 055-14.8E.\n"
        ),
        areas=(
            Area("", "polygon", _positions((
                    "25-20.9N 055-12.9E", "25-23.0N 055-10.6E", "25-23.8N 055-12.1E", "25-22.5N 055-14.8E",
                ))),
        ),
        classes=('nga_hydropac_navarea',),
        notes="The E. of U.A.E. on its own line is an abbreviation's letter, not a label (it was read as area E).",
    ),
    Warning(
        key="hydropac_236_21_uae_two_areas",
        authority="NGA (HYDROPAC), relaying NAVAREA IX 24/21",
        number="HYDROPAC 236/21",
        date="2021-01-18 (issued 181642Z JAN 2021)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "PERSIAN GULF.\nU.A.E.\nDNC 10.\n1. UNDERWATER OPERATIONS IN PROGRESS UNTIL\n"
            "   FURTHER NOTICE IN AREAS BOUND BY:\n   A. 24-40.22N 052-52.61E, 24-39.08N 053-00.18E,\n"
            "      24-30.79N 053-03.24E, 24-26.33N 052-56.63E,\n      24-30.70N 052-52.08E.\n"
            "   B. 24-24.56N 053-21.72E, 24-24.46N 053-28.22E,\n"
            "      24-17.96N 053-28.09E, 24-18.07N 053-21.60E.\n   WIDE BERTH REQUESTED.\n"
            "2. CANCEL HYDROPAC 1742/19.\n"
        ),
        areas=(
            Area("A", "polygon", _positions((
                    "24-40.22N 052-52.61E", "24-39.08N 053-00.18E", "24-30.79N 053-03.24E", "24-26.33N 052-56.63E",
                    "24-30.70N 052-52.08E",
                ))),
            Area("B", "polygon", _positions((
                    "24-24.56N 053-21.72E", "24-24.46N 053-28.22E", "24-17.96N 053-28.09E", "24-18.07N 053-21.60E",
                ))),
        ),
        classes=('nga_hydropac_navarea', 'multi_area'),
    ),
    Warning(
        key="navarea_iv_785_22_station_letter",
        authority="NGA (NAVAREA IV), relaying COGARD Communications Command 0/22",
        number="NAVAREA IV 785/22",
        date="2022-08-09 (issued 092241Z AUG 2022)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "LOUISIANA.\n1. USCG REMOTE COMMUNICATION FACILITY\n   NEW ORLEANS (G) 29-53.10N 089-56.70W\n"
            "   WEATHER FAX OFF AIR.\n2. CANCEL NAVAREA IV MSG 634/22 AND 753/22.\n"
        ),
        areas=(
            Area("1", "point", _positions((
                    "29-53.10N 089-56.70W",
                ))),
        ),
        classes=('nga_hydropac_navarea',),
        notes="A US Coast Guard communication facility's notice broadcast by NGA; (G) is the station's NAVTEX identifier, not a label (it was read as area G).",
    ),
    Warning(
        key="hydrolant_2369_21_la_palma_west_of",
        authority="NGA (HYDROLANT), relaying NAVAREA II 356/21 (Spain)",
        number="HYDROLANT 2369/21",
        date="2021-09-21 (issued 211049Z SEP 2021)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "EASTERN NORTH ATLANTIC.\nCANARY ISLANDS.\nDNC 01.\nVOLCANIC ACTIVITY IN VICINITY OF LA PALMA\n"
            "ISLAND. VESSELS TO AVOID AREA BOUND BY\n28-37.2N 017-58.1W, 28-37.2N 017-55.5W,\n"
            "28-34.5N 017-54.3W, 28-34.5N 017-58.1W.\nVESSELS REQUESTED TO TRANSIT WEST OF 017-58.1W.\n"
        ),
        areas=(
            Area("", "polygon", _positions((
                    "28-37.2N 017-58.1W", "28-37.2N 017-55.5W", "28-34.5N 017-54.3W", "28-34.5N 017-58.1W",
                ))),
        ),
        classes=('nga_hydropac_navarea', 'quoted_back'),
        unparsed=("could not read '017-58.1W' (a longitude needs a latitude next to it)",),
        notes="TRANSIT WEST OF 017-58.1W is a meridian, not a position: quoted back, not drawn.",
    ),
    Warning(
        key="hydroarc_49_23_norway_four_areas",
        authority="NGA (HYDROARC), relaying NAVAREA XIX 38/23 (Norway)",
        number="HYDROARC 49/23",
        date="2023-04-15 (issued 150716Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "NORWEGIAN SEA.\nNORWAY.\nDNC 21, DNC 22.\n1. HAZARDOUS OPERATIONS 1800Z TO 0200Z\n"
            "   DAILY 17 THRU 26 APR IN AREAS BOUND BY:\n   A. 69-00.00N 012-18.00E, 70-17.00N 016-13.50E,\n"
            "      72-19.50N 013-54.50E, 72-06.00N 005-51.00E,\n      69-17.00N 006-37.00E.\n"
            "   B. 69-24.30N 016-50.90E, 69-18.60N 016-42.20E,\n"
            "      69-30.90N 015-01.50E, 69-59.90N 015-40.60E,\n"
            "      69-49.80N 016-35.20E, 69-32.40N 017-10.50E.\n"
            "   C. 69-55.00N 013-53.00E, 69-16.00N 015-02.00E,\n"
            "      69-38.00N 016-48.00E, 70-16.00N 015-45.00E.\n"
            "   D. 69-31.50N 012-53.30E, 69-05.50N 014-15.00E,\n"
            "      69-38.00N 016-48.00E, 70-10.60N 015-53.50E,\n"
            "      70-37.00N 015-48.30E, 70-18.70N 013-28.60E.\n2. CANCEL THIS MSG 270300Z APR 23.\n"
        ),
        areas=(
            Area("A", "polygon", _positions((
                    "69-00.00N 012-18.00E", "70-17.00N 016-13.50E", "72-19.50N 013-54.50E", "72-06.00N 005-51.00E",
                    "69-17.00N 006-37.00E",
                ))),
            Area("B", "polygon", _positions((
                    "69-24.30N 016-50.90E", "69-18.60N 016-42.20E", "69-30.90N 015-01.50E", "69-59.90N 015-40.60E",
                    "69-49.80N 016-35.20E", "69-32.40N 017-10.50E",
                ))),
            Area("C", "polygon", _positions((
                    "69-55.00N 013-53.00E", "69-16.00N 015-02.00E", "69-38.00N 016-48.00E", "70-16.00N 015-45.00E",
                ))),
            Area("D", "polygon", _positions((
                    "69-31.50N 012-53.30E", "69-05.50N 014-15.00E", "69-38.00N 016-48.00E", "70-10.60N 015-53.50E",
                    "70-37.00N 015-48.30E", "70-18.70N 013-28.60E",
                ))),
        ),
        classes=('nga_hydropac_navarea', 'multi_area', 'daily_window'),
    ),
    Warning(
        key="hydroarc_44_23_barents_two_areas",
        authority="NGA (HYDROARC), relaying NAVAREA XX 42/23 (Russia)",
        number="HYDROARC 44/23",
        date="2023-04-12 (issued 121830Z APR 2023)",
        url=MARLIN_NAVWARNINGS,
        text=(
            "BARENTS SEA.\nRUSSIA.\nDNC 22.\n1. HAZARDOUS OPERATIONS 122100Z TO 142100Z AND\n"
            "   180500Z TO 212100Z APR IN AREAS BOUND BY:\n   A. 72-18.00N 049-32.00E, 72-03.00N 050-30.00E,\n"
            "      68-53.00N 043-25.00E, 69-06.00N 042-32.00E.\n"
            "   B. 76-26.00N 055-22.00E, 76-19.00N 056-25.00E,\n"
            "      72-25.00N 050-35.00E, 72-32.00N 049-25.00E.\n2. CANCEL THIS MSG 212200Z APR 23.\n"
        ),
        areas=(
            Area("A", "polygon", _positions((
                    "72-18.00N 049-32.00E", "72-03.00N 050-30.00E", "68-53.00N 043-25.00E", "69-06.00N 042-32.00E",
                ))),
            Area("B", "polygon", _positions((
                    "76-26.00N 055-22.00E", "76-19.00N 056-25.00E", "72-25.00N 050-35.00E", "72-32.00N 049-25.00E",
                ))),
        ),
        classes=('nga_hydropac_navarea', 'multi_area', 'dtg'),
        notes="Two periods (122100Z TO 142100Z AND 180500Z TO 212100Z APR); no year in the text, so neither is placed.",
    ),
    Warning(
        key="navarea_xix_6_26_glued_labels",
        authority="NAVAREA XIX coordinator (Norway), as scraped into the navwarns repository",
        number="NAVAREA XIX 6/26",
        date="January 2026 (19 JAN TO 25 JAN)",
        url=NAVAREA_XIX_6_26,
        text=(
            " NAVAREA XIX 6/26\n NORWEGIAN SEA BARENTS SEA\n"
            " ANDOEYA SPACE WILL CONDUCT LAUNCH OPERATIONS FROM 2005 TO 2020 UTC 19 JAN TO 25 JAN\n"
            " MARITIME TRAFFIC IS REQUESTED TO BE AWARE OF THE FOLLOWING DANGER AREA\n\n"
            " DANGER AREA UP RANGE\xa0 \xa0CLOSED FROM 2005 TO 2045 UTC\n A.68-59.34N 015-28.05E\n"
            " B.69-13.37N 015-58.53E\n C.70-53.83N 014-10.91E\n D.70-41.63N 012-51.95E\n\n"
            " DANGER AREA DOWN RANGE\xa0 CLOSED FROM 2005 TO 2150 UTC\n A.71-03.42N 015-12.97E\n"
            " B.74-15.84N 009-52.26E\n C.76-50.36N 003-23.82E\n D.79-11.76N 006-04.26W\n E.79-55.85N 010-21.89W\n"
            " F.79-41.46N 011-34.90W\n G.78-03.48N 004-13.39W\n H.76-01.02N 002-00.04E\n I.73-32.12N 007-12.24E\n"
            " J.70-30.12N 011-37.50E\n K.71-03.42N 015-12.97E\n\n"
            " FOR COORDINATION, ANDOEYA SPACE OPERATIONS CENTER CAN BE REACHED ON.\xa0\n"
            " TELEPHONE +47 94 07 59 44 / +47 73 60 70 64 OR MARITIME VHF CH 14/16 CALLSIGN ANDOEYA SPACE.\xa0\n"
            " E-MAIL MSO@ANDOYASPACE.NO.\n WWW.KARTVERKET.NO/EN/AT-SEA/EFS AND WWW.ANDOYASPACE.NO FOR DAILY\xa0\n"
            " UPDATES AND MAPS.\n REF NOTICES TO MARINERS 01/2026\n \xa0"
        ),
        areas=(
            Area("NAVAREA XIX 6/26", "polygon", _positions((
                    "68-59.34N 015-28.05E", "69-13.37N 015-58.53E", "70-53.83N 014-10.91E", "70-41.63N 012-51.95E",
                ))),
            Area("", "polygon", _positions((
                    "71-03.42N 015-12.97E", "74-15.84N 009-52.26E", "76-50.36N 003-23.82E", "79-11.76N 006-04.26W",
                    "79-55.85N 010-21.89W", "79-41.46N 011-34.90W", "78-03.48N 004-13.39W", "76-01.02N 002-00.04E",
                    "73-32.12N 007-12.24E", "70-30.12N 011-37.50E", "71-03.42N 015-12.97E",
                ))),
        ),
        classes=('multi_area', 'numbered_points'),
        notes="Each point's letter is glued to its position by the dot (A.68-59.34N): nothing was read before. Two lettered lists, the up-range and down-range danger areas; the first takes the header's name, the second has none. The text is the record's body field, leading spaces included.",
    ),
    Warning(
        key="navarea_xix_76_26_two_lists_and_a_phone",
        authority="NAVAREA XIX coordinator (Norway), page copied daily into the navwarns repository",
        number="NAVAREA XIX 76/26",
        date="2026-06-10 (100630 UTC jun 26)",
        url=NAVAREA_XIX_2026_06_11,
        text=(
            "NAVAREA XIX 76/26\nNORWEGIAN SEA\nGRENNLAND SEA\n"
            "1. ROCKET LAUNCH OPERATION WILL BE CONDUCTED.\xa020:00- 21:00 UTC DAILY FROM 15 TO 21 JUN 26.\n"
            "IN AREAS BOUNDED BY:\n\xa0\nA. 68-59.33N 015-28.04E\nB. 69-13.36N 015-58.52E\nC. 70-53.82N 014-10.90E\n"
            "D. 70-41.62N 012-51.94E\nE. 68-59.33N 015-28.04E\n\nA. 71-03.42N 015-12.97E\n"
            "B. 74-15.83N 009-52.26E\nC. 76-50.36N 003-23.81E\nD. 79-11.76N 006-04.25W\nE. 79-55.85N 010-21.89W\n"
            "F. 79-41.45N 011-34.90W\nG. 78-03.47N 004-13.39W\nH. 76-01.02N 002-00.03E\nI. 73-32.12N 007-12.24E\n"
            "J. 70-30.12N 011-37.50E\nK. 71-03.42N 015-12.97E\nL. 71-03.42N 015-12.97E\n\n"
            "FOR COORDINATION, CONTACT ANDOEYA SPACE CENTER.\n"
            "TELEPHONE +47 94 07 59 44 / +47 76 14 45 87 E-MAIL MSO@ANDOYASPACE.NO OR MARITIME VHF CH 14/16\xa0 WWW.ANDOYASPACE.NO\n"
            "2. REFERS NORWEGIAN NOTICES TO MARINERS 11/2026\n\n\xa0"
        ),
        areas=(
            Area("1", "polygon", _positions((
                    "68-59.33N 015-28.04E", "69-13.36N 015-58.52E", "70-53.82N 014-10.90E", "70-41.62N 012-51.94E",
                    "68-59.33N 015-28.04E",
                )), note="closed: E repeats A"),
            Area("", "polygon", _positions((
                    "71-03.42N 015-12.97E", "74-15.83N 009-52.26E", "76-50.36N 003-23.81E", "79-11.76N 006-04.25W",
                    "79-55.85N 010-21.89W", "79-41.45N 011-34.90W", "78-03.47N 004-13.39W", "76-01.02N 002-00.03E",
                    "73-32.12N 007-12.24E", "70-30.12N 011-37.50E", "71-03.42N 015-12.97E", "71-03.42N 015-12.97E",
                )), note="K and L both repeat A"),
        ),
        classes=('multi_area', 'numbered_points'),
        notes="The page's <BR /> line breaks become newlines, its no-break spaces are kept. 20:00- 21:00 is a time, not label 00; +47 76 14 45 87 E-MAIL is a telephone number, not a position (it was quoted back as seconds 87). The daily window written 20:00- 21:00 UTC DAILY is not read.",
    ),
    Warning(
        key="prip_arkhangelsk_48_26_three_areas_glued",
        authority="Arkhangelsk coastal warning service (ФГБУ «АМП Западной Арктики», mapm.ru/PripAr)",
        number="ПРИП АРХАНГЕЛЬСК 48/26",
        date="2026-06-15 (151800 МСК)",
        url=PRIP_2026_06_17,
        text=(
            "ПРИП АРХАНГЕЛЬСК 48/26 КАРТЫ 10100 91306\nБЕЛОЕ И БАРЕНЦЕВО МОРЯ\n"
            "ПРИП АРХАНГЕЛЬСК 48 КАРТЫ 10100 91306\nБЕЛОЕ И БАРЕНЦЕВО МОРЯ\n"
            "1. СТРЕЛЬБЫ РАКЕТНЫЕ 19 ПО 21 ИЮНЬ 0400 ДО 1700\nПЛАВАНИЕ ЗАПРЕЩЕНО ТЕРВОДАХ ОПАСНО\n"
            "ИХ ПРЕДЕЛАМИ РАЙОНАХ\nА. 68-58.0С 038-52.0В\n68-41.0С 040-28.0В\n68-03.0С 042-10.0В\n"
            "66-48.0С 041-10.0В\n67-37.0С 040-06.0В\n68-01.0С 040-58.0В\n68-23.0С 040-03.0В\n68-40.0С 038-26.0В\n"
            "ИСКЛЮЧАЯ БЕРЕГОВУЮ ЧАСТЬ\nБ. 66-48.0С 041-10.0В\n66-30.5С 042-12.0В\nДАЛЕЕ ПО БЕРЕГОВОЙ ЛИНИИ ДО\n"
            "66-00.0С 040-56.0В\n66-17.5С 040-06.0В\nДАЛЕЕ ПО БЕРЕГОВОЙ ЛИНИИ ДО\n66-48.0С 041-10.0В\n"
            "В.66-30.5С 042-12.0В\n66-54.8С 044-31.0В\nДАЛЕЕ ПО БЕРЕГОВОЙ ЛИНИИ ДО\n66-30.5С 042-12.0В\n"
            "2. ОТМ ЭТОТ НР 211800 ИЮНЬ=\n151800 МСК ГС-\n"
        ),
        areas=(
            Area("А", "polygon", (
                (dm(68, 58.0), dm(38, 52.0)), (dm(68, 41.0), dm(40, 28.0)), (dm(68, 3.0), dm(42, 10.0)),
                (dm(66, 48.0), dm(41, 10.0)), (dm(67, 37.0), dm(40, 6.0)), (dm(68, 1.0), dm(40, 58.0)),
                (dm(68, 23.0), dm(40, 3.0)), (dm(68, 40.0), dm(38, 26.0)),
            ), note="the coastal part excluded (ИСКЛЮЧАЯ БЕРЕГОВУЮ ЧАСТЬ) is not cut out"),
            Area("Б", "polygon", (
                (dm(66, 48.0), dm(41, 10.0)), (dm(66, 30.5), dm(42, 12.0)), (dm(66, 0.0), dm(40, 56.0)),
                (dm(66, 17.5), dm(40, 6.0)), (dm(66, 48.0), dm(41, 10.0)),
            ), note="two stretches along the coast (ДАЛЕЕ ПО БЕРЕГОВОЙ ЛИНИИ ДО) drawn as straight edges"),
            Area("В", "line", (
                (dm(66, 30.5), dm(42, 12.0)), (dm(66, 54.8), dm(44, 31.0)), (dm(66, 30.5), dm(42, 12.0)),
            ), note="two positions and the coast between them: without the coast, only a line out and back"),
        ),
        classes=("russia_prip", "multi_area"),
        notes="Area В's letter is glued to its first position (В.66-30.5С), and В is also the east hemisphere "
              "letter ending the line before it; nothing of area В was read before. Title line and broadcast "
              "header joined as for 24/26. ПРИП hours (0400 ДО 1700, Moscow time) are not read.",
    ),
    Warning(
        key="huludao_and_sanya_msa_2020_two_paragraphs",
        authority="Huludao MSA and Sanya MSA (China), as quoted by ETtoday",
        number="— (numbers not on the page)",
        date="2020-12-15 (the page prints 2月15日 for the first day)",
        url="https://www.ettoday.net/news/20201215/1876540.htm?from=pctaglist",
        text=(
            "遼寧葫蘆島海事局15日發布航行警告,渤海於2月15日12時至18時,12月16日04時至18時,在以下各點連線所圍海域執行軍事任務:"
            "A: 40°29′09″N 120°54′06″E、B: 40°13′50″N 120°33′45″E、C: 39°54′18″N 120°31′09″E、D: 40°02′25″N 120°47′51″E。"
            "\n\n航警指出,任何船隻在上述時間內不得進入該海域,希各航船注意。\n\n"
            "另海南三亞海事局也在同一天公告,南海,自12月16日00時至24時,在18-16.68N 109-28.39E、18-11.78N 109-26.03E、"
            "18-13.11N 109-22.63E和18-17.35N 109 -26.18E諸點連線水域範圍內進行軍事訓練,禁止駛入。"
        ),
        areas=(
            Area("", "polygon", (
                (dms(40, 29, 9), dms(120, 54, 6)), (dms(40, 13, 50), dms(120, 33, 45)),
                (dms(39, 54, 18), dms(120, 31, 9)), (dms(40, 2, 25), dms(120, 47, 51)),
            ), note="points A–D: one area"),
            Area("", "polygon", (
                (dm(18, 16.68), dm(109, 28.39)), (dm(18, 11.78), dm(109, 26.03)), (dm(18, 13.11), dm(109, 22.63)),
            ), note="the fourth position is printed 109 -26.18E (a space in it): quoted back, the three others kept"),
        ),
        classes=("china_msa", "multi_area", "numbered_points", "glyphs", "chinese_area_words", "quoted_back"),
        unparsed=("could not read '18-17.35N' (a latitude needs a longitude next to it)",),
        warnings_count=2,
        notes="Two warnings in paragraphs of one news item, with no header between them: the blank line and the "
              "words after it end the first (the Sanya positions were read as part of the Huludao list's point D). "
              "Punctuation as the search tool gave the page (ASCII commas and colons). No year in the dates.",
    ),
    Warning(
        key="beibu_gulf_msa_enclosure_decimal_minutes",
        authority="Beibu Gulf MSA (China), navigational notice as quoted by monvtuan.com",
        number="—",
        date="18 August – 18 September (year not on the page)",
        url="https://monvtuan.com/new/effef83833094ded92ce0eb88bef2d43",
        text=(
            "近日北部湾海事出了一纸航行通告,因8月18日至9月18日有演习任务,各类船舶禁止驶入以下坐标位置处设置的围栏内。\n"
            "1、北纬21°31.9,东经108°11.30,\n2、北纬21°31.17,东经108°12.60,\n3、北纬21°31.00,东经108°12.79,\n"
            "4、北纬21°30.86,东经108°12.95,"
        ),
        areas=(
            Area("", "polygon", (
                (dm(21, 31.9), dm(108, 11.30)), (dm(21, 31.17), dm(108, 12.60)), (dm(21, 31.00), dm(108, 12.79)),
                (dm(21, 30.86), dm(108, 12.95)),
            ), note="four points numbered 1、 to 4、, minutes with decimals after 北纬/东经"),
        ),
        classes=("china_msa", "numbered_points", "fullwidth_punctuation"),
        notes="A blog's copy of the notice; it says the four points enclose a small part of Zhenzhu Bay (Fangchenggang).",
    ),
    Warning(
        key="uscg_kodiak_2008_launch_zones_spelled",
        authority="US Coast Guard (safety zone and hazard areas for a Kodiak launch), as reported by KMXT",
        number="—",
        date="July 2008 (the page's URL; the days are Friday to Monday)",
        url="https://kmxt.org/2008/07/launch-safety-zones-established/",
        text=(
            "The Safety Zone includes all navigable waters contained within the area bordered by the following "
            "points: 57 deg. 29.8′ north, 152 deg. 17.0′ west, 57 deg. 21.1′ north, 152 deg. 11.2′ west, 57 deg. "
            "19.9′ north, 152 deg. 14.2′ west, 57deg. 25.4′ north and 152 deg. 28.2′ west.\n\n"
            "The hazard area is defined by the points 56.5 degrees north, 151.3 degrees west, 55.95 degrees north, "
            "150.65 degrees west, 56.05 degrees north, 150.35 degrees west, 56.6 degrees north and 151.0 degrees "
            "west.\n\n"
            "The second stage hazard area is defined by points 41.15 degrees north, 138.35 degrees west, 39.5 "
            "degrees north, 137.45 degrees west, 39.5 degrees north, 136.85 degrees west, 41.15 degrees north and "
            "137.75 degrees west.\n\n"
            "The third stage hazard area is defined by points 33.25 degrees north, 135.0 degrees west, 30.9 degrees "
            "north, 133.75 degrees west, 30.9 degrees north, 133.0 degrees west, 33.25 degrees north and 134.25 "
            "degrees west."
        ),
        areas=(
            Area("", "polygon", ((dm(57, 29.8), dm(152, 17.0, "W")), (dm(57, 21.1), dm(152, 11.2, "W")),
                                 (dm(57, 19.9), dm(152, 14.2, "W")), (dm(57, 25.4), dm(152, 28.2, "W"))),
                 note="the safety zone around the launch complex"),
            Area("", "polygon", ((56.5, -151.3), (55.95, -150.65), (56.05, -150.35), (56.6, -151.0)),
                 note="decimal degrees"),
            Area("", "polygon", ((41.15, -138.35), (39.5, -137.45), (39.5, -136.85), (41.15, -137.75))),
            Area("", "polygon", ((33.25, -135.0), (30.9, -133.75), (30.9, -133.0), (33.25, -134.25))),
        ),
        classes=("us_coast_guard_zones", "multi_area", "glyphs"),
        warnings_count=0,
        notes="Not a broadcast warning: a Coast Guard safety zone and three hazard areas in a radio station's "
              "report, each paragraph one area. 'deg.', 'degrees' and north/west written out were not read "
              "before (nothing was read). The paragraphs before, with the days, are left out.",
    ),
    Warning(
        key="uscg_33_cfr_165_t07_0806_reentry_sites",
        authority="US Coast Guard, 33 CFR § 165.T07-0806 (safety zones in reentry sites), as published by LawStack",
        number="33 CFR 165.T07-0806",
        date="— (the excerpt gives none)",
        url="https://law.lawstack.com/laws/33-cfr_s_165-t07-0806_safety-zones-in-reentry-sites-jacksonville-daytona-cape-canaveral-tampa-and-tallahassee-florida",
        text=(
            "§ 165.T07-0806 Safety Zones in Reentry Sites; Jacksonville, Daytona, Cape Canaveral, Tampa, and "
            "Tallahassee, Florida.\n(a) Location. The coordinates used in this paragraph are based on the World "
            "Geodetic System (WGS) 1984. The following areas are safety zones:\n"
            + "".join(
                f"({n}) {site} site. All waters from surface to bottom encompassed within a line connecting the "
                "following points: Point 1, thence to Point 2, thence to Point 3, thence to Point 4, and then back to "
                f"Point 1.\nTable {n} to Paragraph (a)({n})\n" + "".join(f"Point {i} | {row} |\n" for i, row in
                                                                         enumerate(rows, 1))
                for n, site, rows in REENTRY_SITES
            )
        ),
        areas=tuple(
            Area(str(n), "polygon", tuple(_dms_row(row) for row in rows)) for n, _, rows in REENTRY_SITES
        ),
        classes=("us_coast_guard_zones", "multi_area", "numbered_points", "glyphs"),
        warnings_count=0,
        notes="Not a warning: a temporary rule's safety zones, four of the five (the excerpt ends at '(5) "
              "Tallahassee site.'). Each table row puts '|' between latitude and longitude, which was not read "
              "as a separator before (nothing was read). The text is rebuilt from REENTRY_SITES exactly as the "
              "page gives it, one table row a line.",
    ),
    Warning(
        key="jcg_11th_region_white_beach_sector_and_circle",
        authority="Japan Coast Guard, 11th Regional Headquarters (list of US forces' training areas), as quoted by "
                  "liuqiu-china.com",
        number="— (海軍訓練区域 1. ホワイト・ビーチ地区)",
        date="— (the page gives none)",
        url="https://www.liuqiu-china.com/portal.php?aid=1450&mod=view",
        text=(
            "I 海軍訓練区域 1.ホワイト・ビーチ地区(沖縄島勝連埼東方) 区 域 :(1) 26-17-49.1N 127-55-16.2E の地点を中心"
            "とする半径2海里の円のうち 025°~155°の扇形及び陸岸で囲まれる区域 (2) 26-20-59.3N 128-08-37.9E の地点を中心"
            "とする半径5海里の円内区域 訓練の種類:標的機の発射及び回収訓練 制限事項 :本区域は、使用期間中漁業及び立ち入り"
            "を禁止する。 備 考 :本区域を使用する際は予告される。"
        ),
        areas=(
            Area("1", "sector", ((dms(26, 17, 49.1), dms(127, 55, 16.2)),), radius_km=2 * NM, bearings=(25.0, 155.0),
                 note="the part of a 2 NM circle between the bearings 025° and 155°, and the coast (not cut out)"),
            Area("2", "circle", ((dms(26, 20, 59.3), dms(128, 8, 37.9)),), radius_km=5 * NM),
        ),
        classes=("japan_jcg", "sector", "circle", "multi_area"),
        notes="The JCG list of US training areas as a Chinese site reproduces it; the site's own introduction "
              "is left out, and so is item 2 (Kume Island), whose four airspace points are printed in two "
              "columns ((イ), (ハ), (ロ), (二)), so that the text's order crosses itself. The bearings written "
              "025°~155° were not read before: a circle was drawn.",
    ),
    Warning(
        key="hydroarc_137_19_barents_seconds_run_together",
        authority="NGA (HYDROARC), Barents Sea (Russia)",
        number="HYDROARC 137/19",
        date="2019-07-22 (issued 220910Z JUL 19)",
        url=_NAVWARNS_NGA + "2019/C/HYDROARC_137_19_42_.json",
        text=(
            "BARENTS SEA.\nRUSSIA.\nDNC 22.\n1. HAZARDOUS OPERATIONS, ROCKET LAUNCHING\n"
            "   0800Z TO 1200Z DAILY 24 THRU 27 JUL\n   IN AREA BOUND BY\n"
            "   69-15-06N 051-17-30E, 69-03-48N 052-03-18E,\n   68-07-53N 049-57-55E, 67-52-36N 048-53-36E,\n"
            "   68-05-18N 048-18-48E.\n2. CANCEL THIS MSG 271300Z JUL 19."
        ),
        areas=(
            Area("1", "polygon", _dms_positions((
                "69-15-06N 051-17-30E", "69-03-48N 052-03-18E", "68-07-53N 049-57-55E", "67-52-36N 048-53-36E",
                "68-05-18N 048-18-48E",
            ))),
        ),
        classes=("nga_hydropac_navarea", "run_together_seconds", "daily_window"),
        notes="Degrees, minutes and seconds joined by hyphens (69-15-06N), as NGA writes positions to the second. "
              "The days (24 THRU 27 JUL) have no year and are not placed; the daily window is read.",
    ),
    Warning(
        key="hydroarc_323_19_barents_two_areas_seconds",
        authority="NGA (HYDROARC), Barents Sea (Russia)",
        number="HYDROARC 323/19",
        date="2019-12-23 (issued 230947Z DEC 19)",
        url=_NAVWARNS_NGA + "2019/C/HYDROARC_323_19_42_grp2.json",
        text=(
            "BARENTS SEA.\nRUSSIA.\nDNC 22.\n1. HAZARDOUS OPERATIONS, ROCKET LAUNCHING\n"
            "   2230Z TO 0001Z COMMENCING DAILY\n   26 THRU 28 DEC IN AREAS BOUND BY:\n"
            "   A. 74-50-00N 052-04-55E, 74-51-30N 054-03-30E,\n      74-24-20N 055-00-20E, 73-57-20N 054-06-30E,\n"
            "      73-56-35N 052-13-45E, 74-22-40N 051-11-20E.\n"
            "   B. 73-06-00N 049-38-00E, 72-47-00N 051-49-00E,\n      71-20-00N 049-34-00E, 71-38-00N 047-29-00E.\n"
            "2. CANCEL THIS MSG 290101Z DEC 19."
        ),
        areas=(
            Area("A", "polygon", _dms_positions((
                "74-50-00N 052-04-55E", "74-51-30N 054-03-30E", "74-24-20N 055-00-20E", "73-57-20N 054-06-30E",
                "73-56-35N 052-13-45E", "74-22-40N 051-11-20E",
            ))),
            Area("B", "polygon", _dms_positions((
                "73-06-00N 049-38-00E", "72-47-00N 051-49-00E", "71-20-00N 049-34-00E", "71-38-00N 047-29-00E",
            ))),
        ),
        classes=("nga_hydropac_navarea", "run_together_seconds", "multi_area"),
        notes="The record is the repository's second group of the warning (HYDROARC 323/19(42)#grp2), its whole "
              "body. The window 2230Z TO 0001Z COMMENCING DAILY crosses midnight and is not read as a daily window.",
    ),
    Warning(
        key="hydrolant_1040_23_thirty_miles_south_of",
        authority="NGA (HYDROLANT), distress signal off Florida relayed for RCC Miami",
        number="HYDROLANT 1040/23 (the repository's record: HYDROARC 1040/23(11))",
        date="2023-05-11 (issued 110420Z MAY 23)",
        url=_NAVWARNS_NGA + "2023/A/HYDROARC_1040_23_11_.json",
        text=(
            "STRAITS OF FLORIDA.\nWESTERN NORTH ATLANTIC.\nFLORIDA.\nDNC 15.\nDISTRESS SIGNAL RECEIVED 30 MILES SOUTH\n"
            "OF 24-40.20N 081-21.20W ON 10 MAY.\nVESSELS IN VICINITY REQUESTED TO KEEP\n"
            "A SHARP LOOKOUT, ASSIST IF POSSIBLE.\nREPORTS TO RCC MIAMI,\nPHONE: 305 415 6800,\n"
            "E-MAIL: RCCMIAMI@USCG.MIL."
        ),
        areas=(
            Area("", "point", (offset_point(dm(24, 40.20), dm(81, 21.20, "W"), 180.0, 30 * NM),),
                 note="30 nautical miles due south (180°) of 24-40.20N 081-21.20W"),
        ),
        classes=("compass_offset",),
        notes="A point placed by distance and compass direction from a position, across a line break (SOUTH / OF). "
              "The phone number 305 415 6800 is not a position.",
    ),
    Warning(
        key="hydrolant_182_12_thirteen_miles_northwest_of_cape",
        authority="NGA (HYDROLANT), vessel adrift in the Yucatan Channel relayed for the US Coast Guard, Miami",
        number="HYDROLANT 182/12 (the repository's record: HYDROARC 182/12(27))",
        date="2012-01-23 (issued 230046Z JAN 12)",
        url=_NAVWARNS_NGA + "2012/A/HYDROARC_182_12_27_.json",
        text=(
            "GULF OF MEXICO.\nYUCATAN CHANNEL.\nVESSEL DISABLED AND ADRIFT VICINITY 13 MILES NORTHWEST\n"
            "OF CABO SAN ANTONIO (21-51N 084-56W). VESSELS\nIN VICINITY REQUESTED TO KEEP A SHARP LOOKOUT,\n"
            "ASSIST IF POSSIBLE. REPORTS TO \nU.S.COAST GUARD MIAMI, PHONE: 305 415 6800,\n"
            "E-MAIL: RCCMIAMI@USCG.MIL."
        ),
        areas=(
            Area("", "point", (offset_point(dm(21, 51), dm(84, 56, "W"), 315.0, 13 * NM),),
                 note="13 nautical miles north-west (315°) of the cape, whose position the brackets give"),
        ),
        classes=("compass_offset",),
        notes="The offset is from a named place with its position in brackets; before, the bracketed position "
              "was drawn as the vessel's, 13 miles from where the text puts it.",
    ),
    Warning(
        key="hydrolant_2327_12_forty_three_miles_south_of_island",
        authority="NGA (HYDROLANT), distress signal off the Turks and Caicos Islands relayed for RCC Miami",
        number="HYDROLANT 2327/12 (the repository's record: HYDROARC 2327/12(25,26))",
        date="2012-10-04 (issued 041944Z OCT 12)",
        url=_NAVWARNS_NGA + "2012/A/HYDROARC_2327_12_25_26_.json",
        text=(
            "WESTERN NORTH ATLANTIC.\nTURKS AND CAICOS ISLANDS.\nDISTRESS SIGNAL RECEIVED FROM VESSEL MENTOR VICINITY\n"
            "43 MILES SOUTH OF GRAND TURK ISLAND (21-28.3N 071-08.3W).\n"
            "VESSELS IN VICINITY REQUESTED TO KEEP A SHARP LOOKOUT,\nASSIST IF POSSIBLE. REPORTS TO RCC MIAMI,\n"
            "PHONE: 305 415 6800, E-MAIL: RCCMIAMI@USCG.MIL."
        ),
        areas=(
            Area("", "point", (offset_point(dm(21, 28.3), dm(71, 8.3, "W"), 180.0, 43 * NM),),
                 note="43 nautical miles due south of the island, whose position the brackets give"),
        ),
        classes=("compass_offset",),
        notes="As HYDROLANT 182/12: the bracketed position is the island's; the signal was 43 miles south of it.",
    ),
    Warning(
        key="uscg_d11_bnm_25619_26_humboldt_bay_buoy",
        authority="US Coast Guard, Eleventh District (broadcast notice to mariners), as listed by NautoShark",
        number="D11 25619/2026 (BNM Ref: D11-25619-26)",
        date="2026-06-15 (151706 UTC JUN 2026)",
        url=NAVAREA_XII_COASTAL_FILE,
        text=(
            "D11 25619/2026\n151706 UTC JUN 2026\nLight List Number: 8185\nAid Name: Humboldt Bay Lighted Bell Buoy 7\n"
            "Status: RELOCATED FOR DREDGING\nPosition: 40-45-21.036N 124-13-38.303W\nBNM Ref: D11-25619-26\n"
            "LNM Start: 15/06/2026 17:06:16\n"
        ),
        areas=(
            Area("", "point", ((dms(40, 45, 21.036), dms(124, 13, 38.303, "W")),)),
        ),
        classes=("usa_broadcast", "run_together_seconds"),
        notes="One record of the list of US coastal warnings in force AS AT 270900 UTC AUG 2026: an aid to "
              "navigation moved, its position to thousandths of a second. The light list number 8185 is not a "
              "position. The LNM start (15/06/2026 17:06:16) is read as a moment, not as a period.",
    ),
    Warning(
        key="khoa_east_sea_2006_shoal_hangul",
        authority="KHOA East Sea Hydrographic Office (국립해양조사원 동해해양조사사무소), as reported by 해사신문 (ihaesa.com)",
        number="항행통보 2006년 27호 374항",
        date="2006 (the notice's year; the page gives no day)",
        url="http://www.ihaesa.com/mobile/article.html?no=5422",
        text=(
            "그 결과 울진 오산항 거북초 부근에 기존 해도 수심10m에 새로 2.9m(36-52-23.7N, 129-25-56.2E)낮은 수심이 "
            "발견돼 입,출항하는 어선의 주의가 필요한 것으로 조사됐다.\n"
            "해양조사원 관계자는 “이번 조사된 해양정보는 신속히 항행통보 조치(2006년 27호 374항)했으며, 곧 해도에 "
            "반영해 항해자들에게 최신정보를 제공할 계획”이라고 말했다."
        ),
        areas=(Area("", "point", ((dms(36, 52, 23.7), dms(129, 25, 56.2)),), note="a shoal of 2.9 m"),),
        classes=("korea_hangul", "run_together_seconds"),
        notes="Not the notice itself: KHOA's report of a shoal it published in 항행통보 2006년 27호 374항, in Korean. "
              "The report's first paragraphs (the survey, April to July) are left out. 매일신문 (imaeil.com) prints the "
              "same position with spaces inside it (36-52-23. 7N, 129-25-56. 2E).",
    ),
    Warning(
        key="khoa_south_sea_2013_two_hazards_hangul",
        authority="KHOA South Sea Hydrographic Office (국립해양조사원 남해해양조사사무소), as reported by 아주경제 (Aju News)",
        number="— (the page gives none; published in 항행경보 and 항행통보, as it says)",
        date="2013-11-25 (the page's URL; 25일 밝혔다)",
        url="https://www4.ajunews.com/view/20131125170605561",
        text=(
            '국립해양조사원 남해해양조사사무소는 남해안에서 암초와 침몰 선박 같은 항해위험물 13곳을 발견했다고 25일 밝혔다.\n'
            '주요 항해위험물은 광양항에서 장애물 8개와 암초 1곳, 마산항에서 암초 2곳, 침몰선박 2척 등이 각각 발견됐다.\n'
            '해양조사원은 이들 항해위험물을 3차원 영상으로 구현, 크기나 형상을 정확히 파악했다.\n'
            '특히 광양항 남서쪽 1.4㎞ 지점(34-52-57.8N, 127-40-15.8E)에서는 기존 수심(3.9m)보다 3.3m 낮은 수심 '
            '0.6m에서 장애물(길이 80m, 폭 0.7m)이 발견됐다. 잠수조사 결과 오탁방지막이 해저에 가라앉아 있는 것으로 '
            '확인됐다.\n'
            '마산항 남동쪽 0.8㎞지점(35-07-51.1N, 128-34-54.0E)에서는 기존 해도에는 없는 수심 3.6m 지점에 '
            '침몰선박(길이 15.4m, 폭 6m)이 발견되기도 했다.\n'
            '남해해양조사사무소 관계자는 "이번에 나온 해저정보를 항행경보와 항행통보에 실어 항해자와 어업인들에게 '
            '제공했다"고 말했다.'
        ),
        areas=(
            Area("", "point", ((dms(34, 52, 57.8), dms(127, 40, 15.8)),), note="an obstacle off Gwangyang (광양항)"),
            Area("", "point", ((dms(35, 7, 51.1), dms(128, 34, 54.0)),), note="a wreck off Masan (마산항)"),
        ),
        classes=("korea_hangul", "run_together_seconds", "multi_area"),
        warnings_count=2,
        notes="Two hazards in two paragraphs of one report, each placed also by distance and direction from a port "
              "(남서쪽 1.4㎞ 지점), its position given as well. Before, the two were joined as a line between them: a "
              "line ending a sentence now ends a stretch holding positions when words and positions follow.",
    ),
)
