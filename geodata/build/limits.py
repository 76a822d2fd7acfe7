"""Limit lines (IHO S-23 1953 facts, conventional lines, estimates) shared by regions.

Coordinates are (lon, lat) in degrees; Pacific-frame lines use lon > 180.
"S-23:" in a note marks the coordinate S-23 itself gives; "~" marks an
estimate read off the Natural Earth coast (see /work/shared/guides/geodata.md §6).
"""

from __future__ import annotations

from geodata.build.spec import ChainLimit, CutLine

S23_JAPAN_SEA_URLS = (
    "https://sites.google.com/site/japanseamerdujapon/japanese-home/iho-kokusai-suiro-kikan--s-23to-nihonkai",
    "http://seaofjapan-noeastsea.blogspot.com/2011/08/defenition-of-sea-of-japan-is-as.html",
    "https://en.academic.ru/dic.nsf/enwiki/37425/11449570",
)
S23_YELLOW_SEA_URL = "http://www.princeton.edu/~achaney/tmve/wiki100k/docs/Yellow_Sea.html"
S23_OKHOTSK_URL = "https://sites.google.com/view/icetinroru/границы-акваторий/границы-акватории-охотского-моря"
S23_ECS_URLS = (
    "https://howlingpixel.com/i-en/East_China_Sea",
    "https://www.luna.ovh/planeta/tab/es/Mar_de_la_China_Oriental/a9880f007176e78f3cbaba0fe854e55875196b4c",
)
S23_CHUKCHI_URL = "https://sites.google.com/view/icetinroru/границы-акваторий/границы-акватории-чукотского-моря"
SCS_NOAA_URL = "https://ncei.noaa.gov/archive/archive-management-system/OAS/bin/prd/jquery/seaname/details/106"
S23_GULF_OF_OMAN_URL = "http://the-uncensored-wiki.com:20171/2017-wikipedia_en_all_novid_2017-08/A/Oman_sea.html"
S23_GULF_OF_ADEN_URL = "https://es.metapedia.org/wiki/Golfo_de_Ad%C3%A9n"
S23_BALTIC_URLS = (
    "https://sos-de-fra-1.exo.io/ex-de-fra-1/internationale_hydrographische_organisation_der_ostsee.3.html",
    "https://gesetze.legal/eu/vo_eg_98_88/anhang_i",
)
WORLD_ATLAS_URL = "https://npmjs.com/package/world-atlas"
EAST_SIBERIAN_LIMIT_URL = "https://www.worldatlas.com/articles/where-is-the-east-siberian-sea-located.html"

JAPAN_SEA_SW = CutLine(
    "Japan Sea / East China Sea (Korea Strait, Goto-Jeju)",
    (
        (129.75, 32.58),  # Nomo Saki, S-23: 32°35'N
        (128.771, 32.572),  # S point of Fukue-jima ~
        (128.599, 32.614),  # Ose Saki ~
        (126.269, 33.198),  # Hunan Kan, S point of Jeju ~
        (126.161, 33.301),  # through Jeju to its W extreme ~
    ),
    "S-23 #52 SW limit: Nomo Saki - Fukae Sima - Ose Saki - Hunan Kan (Quelpart) - W extreme",
)
YELLOW_SEA_SE = CutLine(
    "Yellow Sea / Japan Sea (Jeju - Jindo - Korean mainland)",
    (
        (126.161, 33.301),  # W extreme of Jeju ~
        (125.93, 34.2167),  # Ka Nyo / West Pinnacle, Maenggol group, S-23: 34°13'N, lon ~
        (126.02, 34.3667),  # Oku To N point, S-23: 34°22'N
        (126.05, 34.40),  # South Stone islands, S-23: 34°24'N
        (126.104, 34.417),  # Jindo coast, S-23: 34°25'N
        (126.262, 34.576),  # N point of Jindo ~
        (126.33, 34.64),  # Korean mainland ~
    ),
    "S-23 Yellow Sea SE limit (points named in S-23; longitudes partly ~)",
)
YELLOW_SEA_SOUTH = CutLine(
    "Yellow Sea / East China Sea (33°17'N)",
    ((126.161, 33.301), (126.10, 33.2833), (119.8, 33.2833)),
    "S-23: from the W extreme of Quelpart (Jeju) along 33°17'N to the mainland; last point inland",
)
KANMON = CutLine(
    "Kanmon Strait",
    ((130.825, 33.93), (130.87, 33.97), (130.92, 34.02)),
    "S-23: Kyushu 130°49.5'E - Mutsure Sima - Murasaki Hana 34°01'N",
)
TSUGARU = CutLine(
    "Tsugaru Strait",
    ((141.46, 41.43), (141.18, 41.80)),
    "S-23: Shiriya Saki 141°28'E - Esan Saki 41°48'N",
)
LA_PEROUSE = CutLine(
    "La Perouse Strait",
    ((141.94, 45.52), (142.08, 45.90)),
    "S-23: Soya Misaki - Nishi Notoro Misaki (Cape Crillon)",
)
TATAR_NORTH = CutLine(
    "Tatar Strait north (Tuik - Sushcheva)",
    ((141.811, 51.762), (141.175, 51.762)),
    "S-23: Cape Tuik 51°45.7'N - Cape Sushcheva; mainland point taken at the same latitude (uncertain)",
)
KURILS = ChainLimit(
    "Okhotsk / Pacific (Kuril chain)",
    start=(145.817, 43.385),  # Nosappu Saki, S-23: 43°23'N
    end=(156.67, 50.87),  # Cape Lopatka ~
    selector=((145.6, 43.2), (146.5, 42.9), (157.2, 50.4), (156.9, 51.0), (155.6, 50.9), (145.4, 43.9)),
    inner=(150.0, 48.0),
    note="S-23: Nosappu Saki through the Kuril Islands to Cape Lopatka, all narrow waters in Okhotsk; "
    "drawn on the Pacific side of the chain's convex hull",
)
SCS_NORTH = CutLine(
    "South China Sea / East China Sea (Taiwan Strait north)",
    (
        (121.535, 25.297),  # Fuki Kaku ~
        (119.93, 25.43),  # Kiushan Tao ~
        (119.78, 25.42),  # S point of Haitan Tao, S-23: 25°25'N
        (119.70, 25.40),  # along 25°24'N
        (119.30, 25.40),  # Fujian coast, inland
    ),
    "S-23 (1953) SCS northern limit: Fuki Kaku - Kiushan Tao - Haitan Tao - 25°24'N to Fujian",
)
RYUKYU = CutLine(
    "East China Sea / Pacific (Taiwan - Ryukyu - Kyushu)",
    (
        (122.0, 25.007),  # Santyo, NE point of Taiwan ~
        (122.939, 24.444),  # W point of Yonaguni ~
        (123.783, 24.05),  # Haderuma, S-23: 24°03'N 123°47'E (island missing in NE)
        (125.452, 24.745),  # E point of Miyako ~
        (127.655, 26.075),  # Kyan Misaki ~
        (128.33, 26.74),  # Ada-Ko Sima, through Okinawa ~
        (130.032, 28.374),  # E point of Kikai, S-23: 28°20'N
        (131.086, 30.5),  # Tanegashima, S-23: 30°30'N
        (131.05, 30.841),  # N point of Tanegashima ~
        (131.10, 31.28),  # Hi Saki, Kyushu, S-23: 31°17'N
    ),
    "S-23 #50 ECS southern/eastern limit, Miyako group inside the ECS",
)
LUZON_STRAIT = CutLine(
    "South China Sea / Pacific (Eluanbi - Y'Ami - Batan - Babuyan - Cape Engano)",
    (
        (120.83, 21.93),  # Garan Bi (Eluanbi), NOAA draft 21°53'45"N 120°51'30"E
        (121.95, 21.1),  # Y'Ami ~ (not in NE land)
        (121.95, 20.4),  # through the Batan islands (estimate)
        (121.9, 19.5),  # through the Babuyan islands (estimate)
        (122.13, 18.58),  # Cape Engano, NOAA draft 18°35'N 122°08'E
    ),
    "Luzon Strait: Eluanbi - Y'Ami as in the guide; the Batan/Babuyan points are estimates",
)
KII_SUIDO = CutLine(
    "Kii Suido", ((134.75, 33.83), (135.06, 33.88)), "conventional closing line; both ends estimates"
)
BUNGO_SUIDO = CutLine(
    "Bungo Suido", ((132.02, 33.34), (131.87, 33.26)), "conventional closing line; both ends estimates"
)
PETER_THE_GREAT_GULF = CutLine(
    "Peter the Great Gulf closing line",
    ((130.70, 42.29), (133.04, 42.68)),
    "conventional closing line Tumen mouth - Cape Povorotny (not in S-23); both ends estimates",
)
ALEUTIANS = ChainLimit(
    "Bering Sea / Pacific (Aleutians - Komandorskis)",
    start=(196.65, 54.817),  # Kabuch Point 163°21'W 54°49'N (guide: not re-verified)
    end=(163.368, 56.181),  # Cape Kamchatka ~
    selector=(
        (163.5, 54.3), (172.0, 52.0), (186.0, 50.8), (196.9, 53.9),
        (196.8, 55.2), (186.0, 53.0), (172.0, 53.8), (166.0, 55.7), (164.0, 55.5),
    ),
    inner=(180.0, 58.0),
    note="S-23: Kabuch Point through the Aleutian Islands to the S extreme of the Komandorski Islands "
    "and on to Cape Kamchatka; drawn on the Pacific side of the chain's convex hull",
)
CHUKCHI_NORTH = CutLine(
    "Chukchi Sea north (Point Barrow - Wrangel Island)",
    ((203.667, 71.333), (180.5, 71.6)),
    "S-23: Point Barrow 71°20'N 156°20'W to the northernmost point of Wrangel Island (179°30'W; lat ~)",
)
EAST_SIBERIAN_EAST = CutLine(
    "Chukchi Sea / East Siberian Sea (Wrangel - Cape Blossom - Cape Yakan)",
    ((180.5, 71.6), (178.9, 70.8), (176.667, 69.7)),
    "S-23 East Siberian Sea E limit: N point of Wrangel - Blossom Point - Cape Yakan 176°40'E; "
    "latitudes and Blossom Point are estimates",
)
GULF_OF_OMAN_NW = CutLine(
    "Strait of Hormuz (Ras Limah - Ras al Kuh)",
    ((56.42, 25.95), (57.30, 25.80)),
    "S-23: Ras Limah 25°57'N - Ras al Kuh 25°48'N",
)
GULF_OF_OMAN_SE = CutLine(
    "Gulf of Oman / Arabian Sea (Ras al Hadd - Ras Jiwani)",
    ((59.80, 22.53), (61.72, 25.05)),
    "S-23: Ras al Hadd 22°32'N - Ras Jiwani 61°43'E",
)
BAB_EL_MANDEB = CutLine(
    "Red Sea / Gulf of Aden (Husn Murad - Ras Siyan)",
    ((43.50, 12.667), (43.333, 12.483)),
    "S-23 #38: Husn Murad 12°40'N 43°30'E - Ras Siyan 12°29'N 43°20'E",
)
BALTIC_WEST = CutLine(
    "Baltic Sea western limit (Danish straits)",
    (
        (9.96, 54.78),  # Falshoft 54°47'N 9°57.5'E
        (10.43, 54.82),  # Vejsnaes Nakke, Aero 54°49'N 10°26'E
        (10.53, 54.86),  # across Aero (closure, estimate)
        (10.70, 54.73),  # Gulstav, S tip of Langeland
        (11.02, 54.77),  # Kappel Kirke, Lolland 54°46'N 11°01'E
        (11.88, 54.633),  # Guldborg Sund, 54°38'N 11°53'E
        (12.10, 54.80),  # closures across Gronsund / Bogestrom (estimates)
        (12.25, 54.93),
        (12.30, 55.03),
        (12.20, 55.20),
        (12.45, 55.29),  # Stevns lighthouse 55°17'N 12°28'E
        (12.82, 55.38),  # Falsterbo 55°23'N 12°49'E
    ),
    "S-23 Baltic western limits; Stevns and Falsterbo per EU 88/98 annex I, others from memory of S-23",
)
GIBRALTAR = CutLine(
    "Strait of Gibraltar (Cape Trafalgar - Cape Spartel)",
    ((-6.035, 36.183), (-5.925, 35.79)),
    "S-23 Mediterranean W limit; coordinates are estimates of the named capes",
)
DARDANELLES = CutLine(
    "Dardanelles (Kum Kale - Cape Helles)",
    ((26.20, 40.00), (26.18, 40.045)),
    "S-23 Mediterranean NE limit; coordinates are estimates of the named points",
)
SUEZ = CutLine(
    "Suez Canal entrance (Port Said)",
    ((32.28, 31.28), (32.36, 31.23)),
    "S-23 Mediterranean SE limit; estimates (the canal is not in NE land)",
)
BOSPORUS = CutLine(
    "Bosporus north entrance (Rumeli Feneri - Anadolu Feneri)",
    ((29.04, 41.235), (29.15, 41.22)),
    "Black Sea SW limit at the Bosporus north entrance; coordinates are estimates of the two lighthouses",
)
KERCH = CutLine(
    "Kerch Strait (Cape Takil - Cape Panaghia)",
    ((36.41, 45.10), (36.64, 45.08)),
    "Black Sea / Sea of Azov limit across the Kerch Strait; coordinates are estimates",
)
# South China Sea: the S-23 (1953) northern limit is above (SCS_NORTH). The other
# limits below are conventional lines; point coordinates are estimates unless noted.
GULF_OF_THAILAND = CutLine(
    "South China Sea / Gulf of Thailand (Camau Point - Kuala Terengganu)",
    ((104.75, 8.6), (103.13, 5.33)),
    "Camau Point 8°36'N - N side of the bay of Kuala Terengganu 5°20'N (from memory of S-23, "
    "not verified); longitudes are estimates",
)
SINGAPORE_STRAIT_EAST = CutLine(
    "South China Sea / Singapore Strait and Riau waters (Johor - Bintan - Lingga - Singkep - Sumatra)",
    ((104.283, 1.367), (104.6, 1.0), (104.6, -0.2), (104.5, -0.5), (103.9, -1.2)),
    "conventional: Johor E point - E of Bintan - Lingga - Singkep - Sumatra (end inland); all estimates",
)
JAVA_SEA_NORTH = CutLine(
    "South China Sea / Java Sea (Sumatra - Bangka - Belitung - Borneo)",
    ((106.083, -3.233), (105.95, -3.0), (106.85, -2.567), (107.617, -2.6), (108.267, -2.767), (110.317, -3.0)),
    "conventional, after the S-23 Java Sea northern limit as remembered (Lucipara Point - Bangka - "
    "Tanjong Berikat - Billiton - Tanjong Sambar); not verified, treat as estimates",
)
MINDORO_PALAWAN = CutLine(
    "South China Sea / Philippine inland seas (Luzon - Cape Calavite - Busuanga - Cabuli - Palawan)",
    ((120.65, 13.77), (120.30, 13.446), (119.8625, 12.311), (119.497, 11.446), (119.5, 11.417)),
    "Cape Calavite 13°26'45\"N 120°18'E, Busuanga NW 12°18'40\"N 119°51'45\"E, Cabuli Island "
    "11°26'45\"N 119°29'50\"E (NOAA draft Sulu Sea limit); Luzon end is an estimate",
)
BALABAC = CutLine(
    "South China Sea / Sulu Sea (Palawan - Balabac - Borneo)",
    ((117.18, 8.33), (117.0, 7.95), (116.8, 7.02)),
    "conventional: SW Palawan - Balabac Island - Tanjong Sampanmangio (N point of Borneo); estimates",
)
SULU_NOAA_URL = "https://www.nodc.noaa.gov/cgi-bin/OAS/prd/seaname/details/110"
