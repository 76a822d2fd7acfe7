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
geodesic edges), a circle's as pi r^2, a sector's as its share of pi r^2. The reader's measured
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

CLASSES = {
    "china_msa": "China MSA warnings (航行警告, 航行通告), Chinese or English",
    "japan_jcg": "Japan Coast Guard navigational warnings and 水路通報",
    "usa_broadcast": "US broadcast notices to mariners (USCG district BNM)",
    "multi_area": "several areas: lettered or numbered areas, several warnings pasted, a list giving way to a circle",
    "numbered_points": "points numbered or lettered one by one ((1), 1., A:, 点1), read as one area",
    "circle": "radius around a centre, in digits",
    "sector": "an apex and a sector between two bearings or two arc ends",
    "japanese_markers": "北緯/東経 with 度/分/秒",
    "fullwidth_punctuation": "full-width punctuation (，、；：（）〔〕～) between positions",
    "glyphs": "prime, double-prime and seconds glyphs (′ ″ 〞 ' \" ’) other than the ASCII ones",
    "chinese_area_words": "连线/連線 with 所围/范围/範圍/水域/海域: a closed list described as an area",
    "dtg": "date-time groups in UTC (150800Z, 132200UTC)",
    "cjk_dates": "Chinese and Japanese dates and era years, local time",
    "daily_window": "daily windows (每天, 每日, 毎日, DAILY)",
    "quoted_back": "a defect in the published text the reader must quote back",
}


MISSING_CLASSES = {
    "nga_hydropac_navarea": "no NGA HYDROPAC or NAVAREA XI/XIII warning text was found in the stored pages or code",
    "russia_prip_navip": "no Russian ПРИП/НАВИП text with positions was found (only news about closures)",
    "korea_khoa": "Korean pages found name 항행경보 but quote no positions",
    "corridor": "no real warning with a width either side of a track was found whole (one China MSA cable notice "
                "was cut off in the stored excerpt)",
    "numbers_in_words": "no real warning giving a radius in words was found",
    "cyrillic_lookalike": "no real warning typing a Latin letter for a Cyrillic hemisphere letter was found",
    "run_together_seconds": "no real warning with minutes and seconds run together was found",
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
)
