"""The tables of regions built into geodata/regions.geojson: seas, then land sites (order = output order)."""

from __future__ import annotations

import shapely
from shapely.geometry import box

from geodata.build import limits as L
from geodata.build.spec import Point, RegionSpec, SiteSpec, bbox
from geodata.geometry import geodesic_circle

S23 = "IHO S-23 (1953) limits"
COAST = "Natural Earth 10m coast (simplified to about 100 m)"
S23_PRECISION = f"IHO S-23 limits on {COAST}; limit points partly estimated from the places S-23 names"
CONVENTIONAL_PRECISION = f"conventional limit lines with estimated end points, on {COAST}"
BOX_PRECISION = (
    f"schematic: a hand-drawn box around the waters sources name, on {COAST}; the box edges are not limits"
)



def _near_port(place: str, port: str, radius_km: float, wording: str) -> str:
    """Precision of sea waters that sources place only near a named port."""
    return (
        f"approximate: sources say only {wording}; no navigation warning with the exercise area was found. "
        f"Drawn as the sea within {radius_km:g} km of {port} (an estimated position), on {COAST}: the "
        f"{radius_km:g} km is this atlas's reading of 'near', not a published limit"
        + (f"; {place}" if place else "")
    )


def _circle_envelope(centre: Point, radius_km: float, east_of: float | None = None) -> tuple[Point, ...]:
    """Return a geodesic circle as a region envelope, optionally only its part east of a meridian.

    Land and limit lines are then cut out of it like out of any envelope, so the region
    follows the coast and only its seaward edge is the circle.
    """
    circle = shapely.set_precision(geodesic_circle(*centre, radius_km, segments=64), 1e-4)
    if east_of is not None:
        circle = circle.intersection(box(east_of, -90.0, 180.0, 90.0))
    return tuple(tuple(xy) for xy in circle.exterior.coords[:-1])


ZHANJIANG_PORT = (110.40, 21.20)
"""Estimated position of Zhanjiang's naval port (Zhanjiang Bay); no source gives coordinates."""
ZHANJIANG_RADIUS_KM = 100
ZHANJIANG_URLS = (
    "http://xinhuanet.com/mil/2016-09/12/c_129277307.htm",
    "http://en.people.cn/n3/2024/0716/c90000-20193952.html",
    "http://en.people.cn/n3/2024/0718/c90000-20194816.html",
)
QINGDAO_PORT = (120.32, 36.06)
"""Estimated position of Qingdao's harbour (the 2019 Russian ships berthed at Dagang port)."""
QINGDAO_RADIUS_KM = 100
QINGDAO_URLS = (
    "https://www.ckhq.net/arc/jwjs/zgjs/2016/0911/221915_2.html",
    "http://eng.chinamil.com.cn/view/2019-05/05/content_9495124.htm",
    "https://archive.shine.cn/world/SinoRussian-exercise-to-boost-ties/shdaily.shtml",
)
YANGTZE_MOUTH = (122.00, 31.30)
"""Estimated position of the Yangtze estuary's mouth (between Chongming and Nanhui)."""
YANGTZE_RADIUS_KM = 200
YANGTZE_EAST_OF = 122.2
"""Meridian east of which the waters lie 'east of the estuary' (just off its mouth)."""
YANGTZE_URLS = (
    "http://epaper.632news.com/zzrb/html/2014-05/14/content_20660.htm",
    "https://www.ckhq.net/arc/jwjs/zgjs/2016/0911/221915_2.html",
)

MOSI_2023_AREA_URLS = (
    "http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/16203348.html",
    "https://euro-sd.com/2023/02/news/29751/south-african-naval-exercise-hosts-controversial-allies-russia-and-china",
    "https://sputniknews.com/20230119/south-africa-to-host-second-joint-naval-military-exercises-with-russia-china-near-its-coast-1106484593.html",
)

PEACE_BLUE_SHIELD_2009_AREA = bbox(44 + 23 / 60, 12 + 5 / 60, 44 + 44 / 60, 12 + 25 / 60)
"""The exercise area Xinhua gives for Peace Blue Shield 2009: 12°05'-12°25'N, 44°23'-44°44'E."""
PEACE_BLUE_SHIELD_2009_AREA_URLS = (
    "http://news.cctv.com/china/20090917/104587.shtml",
    "http://www.hycfw.com/Article/31148",
)

REGIONS: tuple[RegionSpec, ...] = (
    RegionSpec(
        region_id="sea_of_japan",
        name="Sea of Japan",
        kind="sea",
        basis=S23,
        precision=S23_PRECISION,
        envelope=bbox(126.0, 32.0, 143.0, 53.0),
        cuts=(L.JAPAN_SEA_SW, L.YELLOW_SEA_SE, L.KANMON, L.TSUGARU, L.LA_PEROUSE, L.TATAR_NORTH),
        seeds=((135.0, 40.0),),
        sources=(*L.S23_JAPAN_SEA_URLS, L.S23_YELLOW_SEA_URL),
        published_area_km2=978_000,
        area_source="https://www.britannica.com/contributor/Michitaka-Uda/3016",
        # S-23 gives the whole Korea/Tsushima Strait (to the Goto-Jeju line) to this sea,
        # which published figures seem to leave out: about +8.6 % (guide §4.3).
        area_tolerance=0.11,
    ),
    RegionSpec(
        region_id="sea_of_okhotsk",
        name="Sea of Okhotsk",
        kind="sea",
        basis=S23,
        precision=S23_PRECISION,
        envelope=bbox(135.0, 42.0, 165.0, 64.0),
        cuts=(L.LA_PEROUSE, L.TATAR_NORTH, L.KURILS),
        seeds=((150.0, 55.0),),
        sources=(L.S23_OKHOTSK_URL,),
        published_area_km2=1_583_000,
        area_source="https://kiwix.casplantje.nl/wikipedia_en_all_maxi_2018-10/A/Sea_of_Okhotsk.html",
        area_tolerance=0.04,
    ),
    RegionSpec(
        region_id="zhanjiang_waters",
        name="Waters off Zhanjiang",
        kind="area",
        basis=(
            f"the sea within {ZHANJIANG_RADIUS_KM} km (geodesic) of Zhanjiang's naval port "
            f"({ZHANJIANG_PORT[1]:.2f}°N {ZHANJIANG_PORT[0]:.2f}°E, estimated) east of the Leizhou Peninsula, "
            "minus land"
        ),
        precision=_near_port(
            "the waters west of the Leizhou Peninsula (Beibu Gulf) are left out because sources say 'east of "
            "Zhanjiang'",
            "Zhanjiang's naval port",
            ZHANJIANG_RADIUS_KM,
            "'the sea and airspace east of Zhanjiang, Guangdong' (Xinhua, Joint Sea 2016) and 'the waters and "
            "airspace near Zhanjiang' (China MND, Joint Sea 2024)",
        ),
        envelope=_circle_envelope(ZHANJIANG_PORT, ZHANJIANG_RADIUS_KM),
        seeds=((111.0, 21.0), (110.45, 21.15)),
        sources=ZHANJIANG_URLS,
        parent="south_china_sea",
        max_pieces=4,
    ),
    RegionSpec(
        region_id="qingdao_waters",
        name="Waters off Qingdao",
        kind="area",
        basis=(
            f"the sea within {QINGDAO_RADIUS_KM} km (geodesic) of Qingdao's harbour "
            f"({QINGDAO_PORT[1]:.2f}°N {QINGDAO_PORT[0]:.2f}°E, estimated), minus land"
        ),
        precision=_near_port(
            "",
            "Qingdao's harbour",
            QINGDAO_RADIUS_KM,
            "'the Yellow Sea waters and airspace near Qingdao' (China's navy spokesman on Joint Sea 2012) and "
            "'in Qingdao' (Xinhua on Joint Sea 2019)",
        ),
        envelope=_circle_envelope(QINGDAO_PORT, QINGDAO_RADIUS_KM),
        seeds=((121.0, 35.6), (120.25, 36.12)),
        sources=QINGDAO_URLS,
        parent="yellow_sea",
        max_pieces=4,
    ),
    RegionSpec(
        region_id="east_china_sea",
        name="East China Sea",
        kind="sea",
        basis=S23,
        precision=S23_PRECISION,
        envelope=bbox(117.0, 23.5, 132.0, 34.5),
        cuts=(L.SCS_NORTH, L.RYUKYU, L.JAPAN_SEA_SW, L.YELLOW_SEA_SOUTH),
        seeds=((125.0, 29.0),),
        sources=L.S23_ECS_URLS,
        published_area_km2=752_000,
        area_source="https://academia-lab.com/encyclopedia/east-china-sea",
        area_tolerance=0.03,
    ),
    RegionSpec(
        region_id="east_of_yangtze_mouth",
        name="Northern East China Sea east of the Yangtze estuary",
        kind="area",
        basis=(
            f"the S-23 East China Sea within {YANGTZE_RADIUS_KM} km (geodesic) of the Yangtze mouth "
            f"({YANGTZE_MOUTH[1]:.2f}°N {YANGTZE_MOUTH[0]:.2f}°E, estimated) and east of {YANGTZE_EAST_OF}°E, "
            "minus land"
        ),
        precision=(
            "approximate: sources say only 'the northern East China Sea east of the Yangtze estuary' (China's "
            "navy spokesman, Joint Sea 2014); the announced closure areas were not found with coordinates. Drawn "
            f"as the S-23 East China Sea within {YANGTZE_RADIUS_KM} km of the estuary's mouth and east of "
            f"{YANGTZE_EAST_OF}°E, on {COAST}: the radius is this atlas's reading of the wording, not a "
            "published limit"
        ),
        envelope=_circle_envelope(YANGTZE_MOUTH, YANGTZE_RADIUS_KM, east_of=YANGTZE_EAST_OF),
        cuts=(L.YELLOW_SEA_SOUTH,),
        seeds=((123.3, 31.0),),
        sources=YANGTZE_URLS,
        parent="east_china_sea",
        max_pieces=3,
    ),
    RegionSpec(
        region_id="yellow_sea",
        name="Yellow Sea",
        kind="sea",
        basis=f"{S23} (incl. Bohai and Korea Bay)",
        precision=S23_PRECISION,
        envelope=bbox(117.0, 33.0, 127.5, 41.5),
        cuts=(L.YELLOW_SEA_SOUTH, L.YELLOW_SEA_SE),
        seeds=((123.0, 36.0),),
        sources=(L.S23_YELLOW_SEA_URL,),
    ),
    RegionSpec(
        region_id="peter_the_great_gulf",
        name="Peter the Great Gulf",
        kind="area",
        basis="conventional closing line (Tumen mouth - Cape Povorotny)",
        precision=CONVENTIONAL_PRECISION,
        envelope=bbox(130.4, 42.0, 133.4, 43.6),
        cuts=(L.PETER_THE_GREAT_GULF,),
        seeds=((132.0, 42.8),),
        sources=L.S23_JAPAN_SEA_URLS[:1],
        parent="sea_of_japan",
    ),
    RegionSpec(
        region_id="south_china_sea",
        name="South China Sea",
        kind="sea",
        basis="IHO S-23 (1953) northern limit; other limits conventional lines with estimated points",
        precision=CONVENTIONAL_PRECISION,
        envelope=bbox(99.0, -4.5, 122.5, 25.6),
        cuts=(L.SCS_NORTH, L.LUZON_STRAIT, L.MINDORO_PALAWAN, L.BALABAC, L.JAVA_SEA_NORTH,
              L.SINGAPORE_STRAIT_EAST, L.GULF_OF_THAILAND),
        seeds=((114.0, 12.0),),
        sources=(L.SCS_NOAA_URL, L.SULU_NOAA_URL, *L.S23_ECS_URLS),
    ),
    RegionSpec(
        region_id="philippine_sea",
        name="Philippine Sea / western Pacific south of Japan",
        kind="sea",
        basis="hand-drawn box (21.1-36°N, to 142.5°E) minus land; S-23 Ryukyu line on the west",
        precision=BOX_PRECISION,
        envelope=bbox(120.0, 21.1, 142.5, 36.0),
        cuts=(L.RYUKYU, L.LUZON_STRAIT, L.KII_SUIDO, L.BUNGO_SUIDO),
        seeds=((135.0, 28.0),),
        sources=L.S23_ECS_URLS,
    ),
    RegionSpec(
        region_id="northwest_pacific",
        name="North-western Pacific (east of Japan and the Kurils)",
        kind="sea",
        basis="hand-drawn (34-56°N, to 170°E) minus land; S-23 Kuril and Aleutian limits",
        precision=BOX_PRECISION,
        envelope=((139.0, 36.0), (142.5, 36.0), (142.5, 34.0), (170.0, 34.0),
                  (170.0, 56.0), (155.0, 56.0), (139.0, 46.0)),
        cuts=(L.TSUGARU, L.LA_PEROUSE, L.KURILS, L.ALEUTIANS),
        seeds=((150.0, 42.0),),
        sources=(L.S23_OKHOTSK_URL, "https://www.britannica.com/print/article/61938"),
        # Built with the Bering Sea's land frame so the Aleutian limit is identical.
        pacific_frame=True,
    ),
    RegionSpec(
        region_id="bering_sea",
        name="Bering Sea",
        kind="sea",
        basis=S23,
        precision=S23_PRECISION,
        envelope=bbox(156.0, 50.0, 206.0, 66.5608),
        cuts=(L.ALEUTIANS,),
        seeds=((180.0, 58.0),),
        sources=(L.S23_CHUKCHI_URL,),
        published_area_km2=2_304_000,
        area_source="http://www.britannica.com/print/article/61938",
        area_tolerance=0.04,
        pacific_frame=True,
    ),
    RegionSpec(
        region_id="chukchi_sea",
        name="Chukchi Sea",
        kind="sea",
        basis=S23,
        precision=S23_PRECISION,
        envelope=bbox(176.0, 66.5608, 204.5, 72.5),
        cuts=(L.CHUKCHI_NORTH, L.EAST_SIBERIAN_EAST),
        seeds=((190.0, 69.0),),
        sources=(L.S23_CHUKCHI_URL, L.EAST_SIBERIAN_LIMIT_URL),
        # The often quoted 595,000 km² (worldatlas.com) uses a northern limit beyond
        # S-23's Point Barrow - Wrangel line; S-23 gives about 342,000 km² here.
        pacific_frame=True,
    ),
    RegionSpec(
        region_id="gulf_of_oman",
        name="Gulf of Oman",
        kind="sea",
        basis=S23,
        precision=S23_PRECISION,
        envelope=bbox(56.0, 22.0, 62.0, 27.5),
        cuts=(L.GULF_OF_OMAN_NW, L.GULF_OF_OMAN_SE),
        seeds=((58.5, 24.5),),
        sources=(L.S23_GULF_OF_OMAN_URL,),
    ),
    RegionSpec(
        region_id="arabian_sea",
        name="Northern Arabian Sea (off Chabahar and Pakistan)",
        kind="sea",
        basis="hand-drawn box (20-25.5°N, 57-66°E) minus land, outside the S-23 Gulf of Oman limit",
        precision=BOX_PRECISION,
        envelope=bbox(57.0, 20.0, 66.0, 25.5),
        cuts=(L.GULF_OF_OMAN_SE,),
        seeds=((63.0, 22.0),),
        sources=(L.S23_GULF_OF_OMAN_URL,),
    ),
    RegionSpec(
        region_id="gulf_of_aden",
        name="Gulf of Aden",
        kind="sea",
        basis=f"{S23} (east: meridian of Ras Asir 51°16'E)",
        precision=S23_PRECISION,
        # The east side of the envelope is the S-23 limit itself, the meridian 51°16'E.
        envelope=bbox(42.5, 10.0, 51.2667, 16.5),
        cuts=(L.BAB_EL_MANDEB,),
        seeds=((48.0, 13.0),),
        sources=(L.S23_GULF_OF_ADEN_URL,),
    ),
    RegionSpec(
        region_id="gulf_of_aden_2009_area",
        name="Agreed exercise area, western Gulf of Aden (2009)",
        kind="area",
        basis="the four-point area Xinhua gives, 12°05'-12°25'N 44°23'-44°44'E, as a box",
        precision=(
            "published: the area the two navies' escort forces agreed for Peace Blue Shield 2009, as Xinhua "
            "gives it (12°05'-12°25'N, 44°23'-44°44'E, 'the sea area between the lines joining four points'); "
            "drawn as the box those corners make"
        ),
        envelope=PEACE_BLUE_SHIELD_2009_AREA,
        seeds=((44.5917, 12.25),),
        sources=PEACE_BLUE_SHIELD_2009_AREA_URLS,
        parent="gulf_of_aden",
    ),
    RegionSpec(
        region_id="baltic_sea",
        name="Baltic Sea",
        kind="sea",
        basis=f"{S23} (incl. Gulfs of Bothnia, Finland and Riga)",
        precision=S23_PRECISION,
        envelope=bbox(9.0, 53.0, 31.0, 66.5),
        cuts=(L.BALTIC_WEST,),
        seeds=((19.0, 57.0),),
        sources=L.S23_BALTIC_URLS,
        published_area_km2=377_000,
        area_source="http://en.citizendium.org/wiki/Baltic_Sea/Definition",
        area_tolerance=0.04,
    ),
    RegionSpec(
        region_id="mediterranean_sea",
        name="Mediterranean Sea",
        kind="sea",
        basis=S23,
        precision=S23_PRECISION,
        envelope=bbox(-6.5, 30.0, 37.0, 46.0),
        cuts=(L.GIBRALTAR, L.DARDANELLES, L.SUEZ),
        seeds=((18.0, 35.0),),
        sources=(),
        published_area_km2=2_500_000,
        area_source="https://wwf.panda.org/discover/knowledge_hub/where_we_work/mediterranean/?",
        area_tolerance=0.03,
    ),
    RegionSpec(
        region_id="black_sea",
        name="Black Sea",
        kind="sea",
        basis=f"{S23} (Bosporus; Kerch Strait; excl. Sea of Azov)",
        precision=S23_PRECISION,
        envelope=bbox(27.0, 40.5, 42.0, 47.5),
        cuts=(L.BOSPORUS, L.KERCH),
        seeds=((34.0, 43.0),),
        sources=(),
        published_area_km2=436_400,
        area_source="https://rachel.core2learn.org/modules/en-wikipedia_for_schools-static/wp/b/Black_Sea.htm",
        area_tolerance=0.05,
    ),
    RegionSpec(
        region_id="cape_town_waters",
        name="Waters off Cape Town",
        kind="area",
        basis="hand-drawn box (33.5-34.8°S, 17.6-19.0°E) minus land",
        precision=BOX_PRECISION,
        envelope=bbox(17.6, -34.8, 19.0, -33.5),
        seeds=((18.2, -34.0), (18.7, -34.2)),
        sources=(L.WORLD_ATLAS_URL,),
    ),
    RegionSpec(
        region_id="durban_richards_bay_waters",
        name="Waters off Durban and Richards Bay (KwaZulu-Natal)",
        kind="area",
        basis="hand-drawn box (28.3-30.3°S, 30.7-33.2°E) minus land",
        precision=BOX_PRECISION + " (China's MND: from Durban to Richards Bay; Euro-SD: from Durban to the "
        "Mozambique border, further north than the box)",
        envelope=bbox(30.7, -30.3, 33.2, -28.3),
        seeds=((32.0, -29.5),),
        sources=MOSI_2023_AREA_URLS,
    ),
)


def _named_site(radius_km: float) -> str:
    """Precision of a site whose name is known and whose position is estimated from it."""
    return (
        "approximate: no source gives coordinates, the position is estimated from the named site; "
        f"the {radius_km:g} km circle shows that uncertainty, not the site's extent"
    )


def _city_only(city: str, radius_km: float) -> str:
    """Precision of a site that sources place only in or near a city."""
    return (
        f"approximate: sources name the city ({city}), not where in or around it; "
        f"the {radius_km:g} km circle covers the city and its outskirts"
    )


CHEBARKUL_URLS = (
    "http://china.org.cn/english/international/220038.htm",
    "https://www.rt.com/news/russia-china-drills-urals-016/",
    "https://www.latestly.com/world/sco-peace-mission-2018-begins-today-eight-member-countries-including-india-and-pakistan-participating-in-the-military-exercise-342830.html",
    "https://dailytimes.com.pk/291048/peace-mission-2018-bringing-antagonists-together",
)
DONGUZ_URLS = (
    "https://tass.com/defense/1075535",
    "http://eng.chinamil.com.cn/2019jsyx/2019-09/06/content_9622893.htm",
    "http://eng.chinamil.com.cn/view/2019-09/24/content_9633843.htm",
    "https://www.tellerreport.com/news/2021-09-10-all-chinese-troops-going-to-russia-to-participate-in-the-%22peace-mission-2021%22-joint-exercise-arrived-in-the-exercise-area.rkIqtZgKGt.html",
)
QINGTONGXIA_URLS = (
    "http://eng.chinamil.com.cn/view/2021-07/29/content_10068378.htm",
    "http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/10073434.html",
    "http://english.pladaily.com.cn/view/2017-12/04/content_7854670.htm",
    "http://english.chinamil.com.cn/view/2017-12/13/content_7866564.htm",
    "https://www.app.com.pk/global/sino-russian-counterpart-drill-is-not-destabilizing-factor-in-region/",
)
MOSCOW_URLS = (
    "http://rbase.new-factoria.ru/news/rf-i-kitay-nachali-pervye-v-istorii-sovmestnye-kompyuternye-ucheniya-po-pro",
    "https://jamestown.org/program/russia-and-china-hold-anti-terrorist-exercise/",
    "https://defencetalk.com/chinese-russian-special-forces-hold-counterterrorism-drill-12743",
    "https://www.rt.com/news/russia-and-china-hit-terrorists-together/",
    "https://portuguese.cri.cn/101/2007/09/04/1@74782.htm",
    "http://eng.chinamil.com.cn/news-channels/china-military-news/2016-07/04/content_7134000.htm",
    "http://www.thebricspost.com/china-russia-begin-joint-anti-terror-exercises/",
    "http://watsupasia.com/news/china-russia-launch-joint-anti-terror-drills/",
)
BEIJING_URLS = (
    "http://english.chinamil.com.cn/view/2017-12/12/content_7864935.htm",
    "http://english.chinamil.com.cn/view/2017-11/17/content_7831133.htm",
    "https://www.defense-aerospace.com/articles-view/release/3/189295/china-mod-claims-new-breakthroughs-in-anti_missile-cooperation.html",
    "http://tass.com/defense/976152",
    "https://ibpsblogs.blogspot.com/2013/06/china-russia-cooperation-2013-held-in.html",
)

SITES: tuple[SiteSpec, ...] = (
    SiteSpec(
        region_id="weibei_range",
        name="Weibei firing range near Weifang (Shandong)",
        precision=_named_site(30),
        sources=("http://covid-19.chinadaily.com.cn/english/doc/2005-08/26/content_472288.htm",),
        centre=(119.30, 36.70),
        radius_km=30,
    ),
    SiteSpec(
        region_id="chebarkul_range",
        name="Chebarkul training ground (Chelyabinsk Oblast)",
        precision=_named_site(30),
        sources=CHEBARKUL_URLS,
        centre=(60.35, 54.95),
        radius_km=30,
    ),
    SiteSpec(
        region_id="moscow_area",
        name="Moscow",
        precision=_city_only("Moscow", 40),
        sources=MOSCOW_URLS,
        centre=(37.62, 55.75),
        radius_km=40,
    ),
    SiteSpec(
        region_id="taonan_base",
        name="Taonan tactical training base (Jilin)",
        precision=_named_site(30),
        sources=(
            "http://covid-19.chinadaily.com.cn/china/peacemission2009/2009-07/17/content_8449021.htm",
            "https://en.kllproject.lv/chinese-and-russian-army-against-terrorism.html",
        ),
        centre=(122.70, 45.35),
        radius_km=30,
    ),
    SiteSpec(
        region_id="matybulak_range",
        name="Matybulak range (Almaty Region, Kazakhstan)",
        precision=_named_site(60) + "; the estimate is a weak one",
        sources=(
            "http://m.keyanhelp.cn/world/2010-09/25/content_20997066.htm",
            "https://www.army-technology.com/news/news96062-html/",
            "https://global.chinadaily.com.cn/ethnic/photo/2010-09/16/content_11311623.htm",
        ),
        centre=(75.30, 43.50),
        radius_km=60,
    ),
    SiteSpec(
        region_id="chorukh_dairon_range",
        name="Chorukh-Dairon range near Khujand (Tajikistan)",
        precision=_named_site(40) + "; the estimate is a weak one",
        sources=("https://ecrats.org/en/activity/coordination/", "http://photo.chinamil.com.cn/jqsj/2012-06/15/content_5677669_3.htm"),
        centre=(69.50, 40.25),
        radius_km=40,
    ),
    SiteSpec(
        region_id="beijing_area",
        name="Beijing",
        precision=_city_only("Beijing", 40),
        sources=BEIJING_URLS,
        centre=(116.40, 39.90),
        radius_km=40,
    ),
    SiteSpec(
        region_id="zhurihe_base",
        name="Zhurihe training base (Inner Mongolia)",
        precision=_named_site(30),
        sources=(
            "http://europe.chinadaily.com.cn/china/2014-08/19/content_18446028.htm",
            "https://www.globaltimes.cn/daily-specials/peace-mission-2014/",
            "https://sldinfo.com/2014/10/analyzing-peace-mission-2014-china-and-russia-exercise-with-the-central-asian-states/",
        ),
        centre=(112.90, 42.40),
        radius_km=30,
    ),
    SiteSpec(
        region_id="smolensk_region",
        name="Smolensk Oblast",
        precision=(
            "region only: sources name the Smolensk region, not a site; the 120 km circle around the "
            "region's middle is about the region's size, not its border"
        ),
        sources=(
            "http://www.thebricspost.com/china-russia-begin-joint-anti-terror-exercises/",
            "http://watsupasia.com/news/china-russia-launch-joint-anti-terror-drills/",
        ),
        centre=(32.9, 54.9),
        radius_km=120,
    ),
    SiteSpec(
        region_id="edelweiss_range",
        name="Edelweiss mountain training centre near Balykchy (Kyrgyzstan)",
        precision=_named_site(30),
        sources=(
            "https://en.inform.kz/amp/sco-countries-display-high-combat-potential-kyrgyz-general-staff-chief_a2951406/",
            "https://en.inform.kz/news/sco-military-drill-peace-mission-2016-finished-in-kyrgyzstan_a2951834/",
            "https://en.vestikavkaza.ru/amp/94250",
        ),
        centre=(76.15, 42.45),
        radius_km=30,
    ),
    SiteSpec(
        region_id="qingtongxia_base",
        name="Qingtongxia training bases near Yinchuan (Ningxia)",
        precision=(
            "approximate: no source gives coordinates, the position is estimated from the named base; "
            "the 50 km circle shows that uncertainty and takes in the Armed Police grounds near Yinchuan"
        ),
        sources=QINGTONGXIA_URLS,
        centre=(105.95, 37.95),
        radius_km=50,
    ),
    SiteSpec(
        region_id="tsugol_range",
        name="Tsugol training range (Zabaykalsky Krai)",
        precision=_named_site(60) + "; sources say about 250 km south-east of Chita",
        sources=(
            "http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/9259467.html",
            "http://english.chinamil.com.cn/view/2018-09/14/content_9282928.htm",
            "http://eng.chinamil.com.cn/view/2018-09/11/content_9278407.htm",
            "http://www.globaltimes.cn/content/1119576.shtml",
            "http://www.defense-aerospace.com/cgi-bin/client/modele.pl?shop=dae&modele=release&prod=195609&cat=3",
        ),
        centre=(115.60, 50.50),
        radius_km=60,
    ),
    SiteSpec(
        region_id="donguz_range",
        name="Donguz training range (Orenburg Oblast)",
        precision=_named_site(30),
        sources=DONGUZ_URLS,
        centre=(54.90, 51.50),
        radius_km=30,
    ),
    SiteSpec(
        region_id="novosibirsk_area",
        name="Novosibirsk (Yermak detachment base)",
        precision=_city_only("Novosibirsk; the base is in its suburbs", 30),
        sources=(
            "http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/9649625.html",
            "https://tass.com/world/1083958",
            "https://defence-point.com/2019/10/04/russian-national-guard-chinese-police-to-hold-anti-terror-drills-in-siberia/",
        ),
        centre=(82.90, 55.00),
        radius_km=30,
    ),
    SiteSpec(
        region_id="kapustin_yar_range",
        name="Kapustin Yar training centre (Astrakhan Oblast)",
        precision=_named_site(40) + "; the range itself stretches much further east",
        sources=("http://en.special.kremlin.ru/catalog/keywords/91/events/64087",),
        centre=(46.00, 48.60),
        radius_km=40,
    ),
    SiteSpec(
        region_id="sergeyevsky_range",
        name="Sergeyevsky training ground near Ussuriysk (Primorsky Krai)",
        precision=_named_site(30),
        sources=(
            "http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/10183365.html",
            "https://news.cgtn.com/news/2022-09-08/Vostok-2022-exercises-conclude-in-Russia-1d9VBoUn1Ty/index.html",
        ),
        centre=(132.10, 43.70),
        radius_km=30,
    ),
    SiteSpec(
        region_id="xinjiang_region",
        name="Xinjiang Uygur Autonomous Region",
        precision=(
            "region only: sources name Xinjiang, not a site; drawn as a 700 km circle around the region's "
            "middle (about the region's size) clipped to China, not the region's border"
        ),
        sources=(
            "http://en.chinadiplomacy.org.cn/2024-07/23/content_117325990.shtml",
            "https://tass.com/world/1820061",
            "https://devdiscourse.com/article/law-order/3028241-sco-member-states-conduct-first-joint-anti-terrorism-drill-in-china",
            "https://asianlite.ae/2024/top-news/sco-members-hold-joint-anti-terror-drill",
        ),
        centre=(85.0, 41.5),
        radius_km=700,
        country="China",
    ),
    SiteSpec(
        region_id="manzhouli_border_area",
        name="China–Russia–Mongolia border area near Manzhouli",
        precision=(
            "approximate: official sources say only 'a border region shared by the three countries'; 'near "
            "Manzhouli' comes from one secondary source; the 100 km circle takes in Manzhouli and the tripoint"
        ),
        sources=(
            "https://www.trtworld.com/article/ca0b0ac6cab7",
            "https://www.straitstimes.com/asia/china-russia-mongolia-step-up-security-ties-with-border-exercise",
            "https://news.az/news/china-russia-mongolia-conduct-first-joint-border-defense-drills",
            "http://cryptospotters.net/?p=136141",
        ),
        centre=(117.40, 49.60),
        radius_km=100,
    ),
    SiteSpec(
        region_id="russia",
        name="Russia (site not disclosed)",
        precision="region only: sources say only 'in Russia', the site was not disclosed; the whole country is drawn",
        sources=(
            "http://en.people.cn/n3/2025/1208/c90000-20399498.html",
            "https://www.globalbankingandfinance.com/china-russia-military-five",
            "https://news.liga.net/en/politics/news/moscow-and-beijing-hold-missile-defense-exercises-in-russia",
            "https://khabarasia.com/world/20251206-china-russia-conduct-3rd-joint-anti-missile-drill-amid-regional-focus",
        ),
        country="Russia",
        without=bbox(32.3, 44.3, 36.7, 46.3),
        without_note=(
            "Crimea left out: Natural Earth draws it inside Russia, but it is internationally recognised "
            "as part of Ukraine"
        ),
        pacific_frame=True,
    ),
)
"""Land sites in the order of the first exercise held at each (shared by every exercise there)."""
