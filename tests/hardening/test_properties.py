"""Property-based tests: thousands of generated inputs for every parser of outside input.

The URL parser, the data validators, the notice parser and the upload reader each promise to
never raise and to say why they refused anything. Hypothesis generates well-formed, almost
well-formed and hostile inputs; each test checks that promise, and that what is accepted is
sound. Examples per target are set so that the whole file runs in well under a minute.
"""

from __future__ import annotations

import io
import json
import math
import re
import zipfile

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, Polygon

from geodata import schema
from geodata.notices import KINDS, MAX_TEXT_CHARS, parse_notice
from geodata.problems import ERROR
from geodata.query import (
    LAT_RANGE,
    LAYER_IDS,
    LON_RANGE,
    MAX_PARAM_LENGTH,
    MAX_SEARCH_LENGTH,
    PARAMS,
    ZOOM_RANGE,
    Catalog,
    ViewState,
    view_from_params,
    view_to_params,
)
from geodata.rules import validate_exercises, validate_regions
from geodata.share_token import Drawing, SharedShapes
from geodata.uploads import MAX_NAME_CHARS, UploadResult, read_upload

HOSTILE = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "javascript:window.__pwned=1",
    "[x](javascript:alert(1))",
    "![x](https://example.invalid/p.png)",
    "\u202eevil\u202c",
    "zero\u200bwidth\ufeff",
    "{{ 7*7 }}",
    "{% x %}",
    "$\\frac{1}{0}$",
    ":red[alert]",
    "' OR '1'='1",
    "\x00\x01\x1b[31m",
    "../../etc/passwd",
    "𝕏😀\U0010ffff",
    "A" * 10_000,
)
TEXT = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE), st.text(st.sampled_from("0123456789-–:,.; _"), max_size=16))
FAST = settings(max_examples=3000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
MEDIUM = settings(max_examples=1000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=1000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
DATES = st.dates(min_value=pd.Timestamp("2000-01-01").date(), max_value=pd.Timestamp("2030-12-31").date())
SLUGS = st.from_regex(r"[a-z0-9]{1,6}(_[a-z0-9]{1,6}){0,2}", fullmatch=True)


@pytest.fixture(scope="module")
def catalog(small_dataset_module) -> Catalog:
    dataset = small_dataset_module
    return Catalog.from_exercises(dataset.exercises, tuple(dataset.regions["region_id"]), dataset.version)


@pytest.fixture(scope="module")
def small_dataset_module():
    from geodata.loaders import load_dataset
    from tests.conftest import SMALL_DATA

    return load_dataset(SMALL_DATA)


def _joined(raw: str | list[str]) -> str:
    return raw if isinstance(raw, str) else ",".join(raw)


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


@st.composite
def url_params(draw) -> dict[str, str | list[str]]:
    """Query parameters as Streamlit hands them over: known and unknown names, strings or lists."""
    names = st.one_of(st.sampled_from(PARAMS), st.sampled_from(("embed", "layout", "Years", "")), st.text(max_size=8))
    plausible = st.sampled_from(("2019", "2016-2024", "2024-2016", "1990-2100", "joint_sea_2024", "alpha_2016",
                                 "bravo_2019,charlie_2024", "naval,air", "test_series", "42.5", "131.75", "5",
                                 "-91", "1e308", "nan", "inf", "12.0", "test-1", " ", ""))
    value = st.one_of(TEXT, plausible)
    return draw(st.dictionaries(names, st.one_of(value, st.lists(value, max_size=3)), max_size=8))


@FAST
@given(params=url_params())
def test_url_parser_never_raises_and_explains_every_refusal(catalog, params):
    view, notices = view_from_params(params, catalog)
    assert isinstance(view, ViewState) and all(isinstance(n, str) and n for n in notices)
    assert catalog.first_year <= view.years[0] <= view.years[1] <= catalog.last_year
    assert set(view.exercises) <= set(catalog.exercise_ids)
    assert set(view.series) <= set(catalog.series)
    assert set(view.domains) <= set(catalog.domains)
    assert view.selected in (None, *catalog.exercise_ids)
    assert view.region in (None, *catalog.region_ids)
    assert len(view.search) <= MAX_SEARCH_LENGTH
    if view.map_view is not None:
        lat, lon, zoom = view.map_view
        assert LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]
        assert ZOOM_RANGE[0] <= zoom <= ZOOM_RANGE[1] and isinstance(zoom, int)

    def told(*starts: str) -> bool:
        return any(n.startswith(starts) for n in notices)

    given_text = {p: _joined(params[p]) for p in PARAMS if p in params}
    # the shapes token has its own limit, checked by the token reader (tests/unit/test_share_token.py)
    too_long = {p for p, text in given_text.items() if len(text) > MAX_PARAM_LENGTH and p != "shapes"}
    for param in too_long:
        assert told(f"{param}: value of"), (param, notices)
    usable = {p: text for p, text in given_text.items() if p not in too_long}
    allowed = {"exercise": catalog.exercise_ids, "series": tuple(catalog.series_by_slug), "domain": catalog.domains}
    for param, values in allowed.items():
        if param in usable and any(item not in values for item in _items(usable[param])):
            assert told(f"{param}: ignored unknown"), (param, notices)
    for param, values in (("selected", catalog.exercise_ids), ("region", catalog.region_ids)):
        if usable.get(param, "").strip() and usable[param].strip() not in values:
            assert told(f"{param}: ignored unknown"), (param, notices)
    if "years" in usable and not re.match(r"^\s*\d{4}\s*(?:[-–:]\s*\d{4}\s*)?$", usable["years"]):
        assert told("years="), notices
    if any(usable.get(p, "").strip() for p in ("lat", "lon", "z")) and view.map_view is None:
        assert told("lat, lon and z go together", "map view "), notices
    if len(" ".join(usable.get("q", "").split())) > MAX_SEARCH_LENGTH:
        assert told("q: search text cut"), notices
    if usable.get("v", "").strip() not in ("", catalog.version):
        assert told("This link was made with dataset version"), notices
    if usable.get("shapes", "").strip():
        assert view.shapes or told("The shapes in this link"), notices
    if "layers" in usable and usable["layers"].strip() != "none":
        assert set(view.layers) <= set(LAYER_IDS)
        if any(item not in LAYER_IDS for item in _items(usable["layers"])):
            assert told("layers: ignored unknown"), notices


@st.composite
def views(draw, catalog: Catalog) -> ViewState:
    first = draw(st.integers(catalog.first_year, catalog.last_year))
    last = draw(st.integers(first, catalog.last_year))
    has_view = draw(st.booleans())
    return ViewState(
        years=(first, last),
        exercises=tuple(draw(st.lists(st.sampled_from(catalog.exercise_ids), unique=True, max_size=3))),
        series=tuple(draw(st.lists(st.sampled_from(catalog.series), unique=True, max_size=2))),
        domains=tuple(draw(st.lists(st.sampled_from(catalog.domains), unique=True, max_size=2))),
        search=" ".join(draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)).split()),
        selected=draw(st.one_of(st.none(), st.sampled_from(catalog.exercise_ids))),
        region=draw(st.one_of(st.none(), st.sampled_from(catalog.region_ids))),
        map_view=(round(draw(st.floats(-85, 85)), 3), round(draw(st.floats(-360, 540)), 3),
                  draw(st.integers(*ZOOM_RANGE))) if has_view else None,
        shapes=SharedShapes(draw(st.text(max_size=200)), drawings=tuple(
            Drawing("line", ((lon / 1e5, lat / 1e5), (lat / 1e5, (lon // 2) / 1e5)))
            for lat, lon in draw(st.lists(st.tuples(st.integers(-9_000_000, 9_000_000),
                                                    st.integers(-9_000_000, 9_000_000)), max_size=3)))),
        layers=draw(st.one_of(st.none(), st.lists(st.sampled_from(LAYER_IDS), unique=True).map(tuple))),
    )


@FAST
@given(data=st.data())
def test_every_valid_view_survives_its_own_link(catalog, data):
    view = data.draw(views(catalog))
    assert view_from_params(view_to_params(view, catalog), catalog) == (view, [])


def _valid_or(valid: st.SearchStrategy) -> st.SearchStrategy:
    """Mostly a valid cell, sometimes garbage: rows are then mostly near-valid, the useful case."""
    return st.one_of(valid, valid, valid, TEXT)


@st.composite
def exercise_frames(draw) -> pd.DataFrame:
    regions = ("north_sea", "bay_box", "dateline")
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(DATES)
        end = draw(st.one_of(st.just(start), DATES))
        rows.append({
            "exercise_id": draw(_valid_or(SLUGS)),
            "name": draw(_valid_or(st.text(min_size=1, max_size=30))),
            "name_ru": draw(TEXT),
            "name_zh": draw(TEXT),
            "series": draw(_valid_or(st.sampled_from(("Joint Sea", "Peace Mission")))),
            "start_date": draw(_valid_or(st.just(start.isoformat()))),
            "end_date": draw(_valid_or(st.just(end.isoformat()))),
            "date_precision": draw(_valid_or(st.sampled_from(("", *schema.DATE_PRECISIONS)))),
            "domain": draw(_valid_or(st.sampled_from(schema.DOMAINS))),
            "participants": draw(_valid_or(st.sampled_from(("CHN;RUS", "CHN;RUS;IRN", " RUS ; CHN ")))),
            "region_ids": draw(_valid_or(st.lists(st.sampled_from(regions), min_size=1, max_size=2).map(";".join))),
            "forces": draw(TEXT),
            "summary": draw(_valid_or(st.text(min_size=1, max_size=50))),
            "notes": draw(TEXT),
            "sources": draw(_valid_or(st.sampled_from(("https://example.org/a", "http://e.org/b;https://e.org/c")))),
        })
    columns = [*schema.EXERCISE_COLUMNS, *schema.OPTIONAL_EXERCISE_COLUMNS]
    dropped = draw(st.sets(st.sampled_from(schema.OPTIONAL_EXERCISE_COLUMNS)))
    return pd.DataFrame(rows, columns=columns, dtype=str).drop(columns=sorted(dropped))


@MEDIUM
@given(frame=exercise_frames())
def test_exercise_validator_keeps_good_rows_and_names_every_bad_one(frame):
    valid, problems = validate_exercises(frame, frozenset({"north_sea", "bay_box", "dateline"}))
    labels = [f"line {index + 2}" for index in range(len(frame))]
    refused = {p.row for p in problems if p.severity == ERROR}
    assert all(p.file == "exercises.csv" and p.row in labels and p.message for p in problems)
    assert all(p.field in frame.columns or p.field in schema.OPTIONAL_EXERCISE_COLUMNS for p in problems)
    assert all(len(p.message) < 400 for p in problems)  # offending values are quoted, never pasted whole
    assert len(valid) + len(refused) == len(frame)
    assert valid["exercise_id"].is_unique
    assert (valid["start"] <= valid["end"]).all()
    assert all(valid["region_id_list"].map(bool)) and all(valid["source_urls"].map(bool))
    assert set(valid["domain"]) <= set(schema.DOMAINS)


GEOMETRIES = st.one_of(
    st.tuples(st.floats(-179, 350), st.floats(-85, 84), st.floats(0.01, 5)).map(
        lambda t: Polygon([(t[0], t[1]), (t[0] + t[2], t[1]), (t[0] + t[2], t[1] + t[2]), (t[0], t[1] + t[2])])),
    st.just(Polygon([(131, 42), (132, 43), (132, 42), (131, 43)])),  # bow tie: repaired
    st.just(Polygon([(131, 42), (132, 42), (133, 42)])),  # no area: cannot be repaired into a polygon
    st.just(Point(131, 42)),
    st.just(LineString([(131, 42), (132, 43)])),
    st.just(Polygon()),
    st.none(),
)
CELLS = st.one_of(TEXT, st.none(), st.integers(), st.floats(allow_nan=True), st.booleans())


@st.composite
def region_frames(draw) -> gpd.GeoDataFrame:
    rows, geometries = [], []
    for _ in range(draw(st.integers(0, 6))):
        rows.append({
            "region_id": draw(st.one_of(SLUGS, SLUGS, CELLS)),
            "name": draw(st.one_of(st.text(min_size=1, max_size=30), CELLS)),
            "kind": draw(st.one_of(st.sampled_from(schema.REGION_KINDS), CELLS)),
            "area_km2": draw(st.one_of(st.integers(1, 10**7), st.floats(-1e9, 1e9), CELLS)),
            "source": draw(st.one_of(st.just("https://example.org/r"), CELLS)),
        })
        geometries.append(draw(GEOMETRIES))
    columns = list(schema.REGION_PROPERTIES)
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=columns), geometry=geometries, crs="EPSG:4326")


@MEDIUM
@given(regions=region_frames())
def test_region_validator_keeps_good_features_and_names_every_bad_one(regions):
    valid, problems = validate_regions(regions)
    assert all(p.file == "regions.geojson" and re.match(r"feature \d+", p.row) and p.message for p in problems)
    assert all(len(p.message) < 400 for p in problems)
    refused = {int(re.match(r"feature (\d+)", p.row)[1]) for p in problems if p.severity == ERROR}
    assert len(valid) + len(refused) == len(regions)
    assert valid["region_id"].is_unique
    assert valid.geometry.is_valid.all() and not valid.geometry.is_empty.any()
    assert set(valid.geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    assert (valid["area_km2"] > 0).all()


NOTICE_PIECES = (
    "42-30.00N", "131-45.00E", "42°30'N", "131°45'E", "4230N", "13145E", "423015N", "1314500E", "N42-30", "E131-45",
    "42.5N", "131.75E", "42-30.0С", "131-45.0В", "北纬42°30′", "东经131°45′", "42.5, 131.75", "-42.5,-131.75",
    "radius 5 NM", "radius 0 NM", "radius 99999 km", "within 3 miles of", "радиусом 5 миль", "半径5海里",
    "along the line joining", "bounded by", "and", ",", ";", " ", "\n", "-", "°", "'", "N", "E", "S", "W",
    "99-99.99N", "181-00.00E", "00-00.00N", "000-00.00E", "179-59.99E", "180-00.00W",
)


@FAST
@given(text=st.one_of(
    st.text(max_size=200),
    st.sampled_from(HOSTILE),
    st.lists(st.one_of(st.sampled_from(NOTICE_PIECES), st.sampled_from(HOSTILE[:-1]), st.text(max_size=4)),
             max_size=40).map(" ".join),
    st.integers(), st.none(), st.binary(max_size=20),
))
def test_notice_parser_never_raises_and_explains_what_it_could_not_read(text):
    parsed = parse_notice(text)
    assert parsed.kind in KINDS
    assert (parsed.geometry is None) == (parsed.kind == "none")
    if parsed.kind == "none":
        assert parsed.unparsed, "a text that gives no shape must say why"
    else:
        assert parsed.geometry.is_valid and not parsed.geometry.is_empty
        west, south, east, north = parsed.geometry.bounds
        assert -90 <= south <= north <= 90 and -180 <= west <= east <= 540
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in parsed.vertices)
    assert all(isinstance(m, str) and m and len(m) <= 600 for m in (*parsed.warnings, *parsed.unparsed))
    if parsed.radius_km is not None:
        assert parsed.kind in ("circle", "circles", "corridor") and 0 < parsed.radius_km and math.isfinite(parsed.radius_km)
    if isinstance(text, str) and len(text) > MAX_TEXT_CHARS:
        assert parsed.warnings


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False), TEXT),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(TEXT, children, max_size=4)),
    max_leaves=12,
)
COORDINATES = st.one_of(st.floats(-200, 400), st.sampled_from((1e308, -1e308, 0.0)), st.integers(-1000, 1000))


@st.composite
def geojson_documents(draw) -> bytes:
    def geometry():
        kind = draw(st.sampled_from(("Point", "LineString", "Polygon", "MultiPolygon", "GeometryCollection", "Bogus")))
        point = [draw(COORDINATES), draw(COORDINATES)]
        ring = [point, [draw(COORDINATES), draw(COORDINATES)], [draw(COORDINATES), draw(COORDINATES)], point]
        coordinates = {"Point": point, "LineString": ring[:2], "Polygon": [ring], "MultiPolygon": [[ring]]}
        return {"type": kind, "coordinates": coordinates.get(kind, draw(JSON_VALUES))}

    features = [
        {"type": "Feature", "properties": draw(st.dictionaries(TEXT, JSON_VALUES, max_size=4)),
         "geometry": draw(st.one_of(st.none(), st.builds(geometry), JSON_VALUES))}
        for _ in range(draw(st.integers(0, 4)))
    ]
    document = draw(st.sampled_from(({"type": "FeatureCollection", "features": features},
                                     {"type": "FeatureCollection", "features": features,
                                      "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}},
                                     {"type": "Feature"}, features[:1])))
    return json.dumps(document, allow_nan=True).encode()


@st.composite
def kml_documents(draw) -> bytes:
    doctype = draw(st.sampled_from(("", '<!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>')))
    name = draw(TEXT).replace("<", "&lt;") if draw(st.booleans()) else draw(TEXT)
    coordinates = ",".join(str(draw(COORDINATES)) for _ in range(2))
    body = (f'<?xml version="1.0"?>{doctype}<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>'
            f"<name>{name}</name><Point><coordinates>{coordinates}</coordinates></Point></Placemark></kml>")
    return body.encode(draw(st.sampled_from(("utf-8", "utf-16"))), errors="replace")


@st.composite
def csv_documents(draw) -> bytes:
    header = draw(st.lists(st.sampled_from(("lat", "lon", "latitude", "lng", "x", "y", "name", "Name", "")),
                           min_size=1, max_size=4))
    delimiter = draw(st.sampled_from((",", ";", "\t")))
    lines = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 5))):
        lines.append(delimiter.join(str(draw(st.one_of(COORDINATES, TEXT))) for _ in header))
    return "\n".join(lines).encode(draw(st.sampled_from(("utf-8", "cp1252"))), errors="replace")


@st.composite
def zip_documents(draw) -> bytes:
    names = st.sampled_from(("a.geojson", "a.kml", "a.csv", "layer.shp", "layer.dbf", "layer.shx", "doc.kml",
                             "../evil.geojson", "/abs.kml", "dir/a.geojson", "__MACOSX/a.kml", ".hidden", "C:/x.kml"))
    members = draw(st.dictionaries(names, st.one_of(geojson_documents(), kml_documents(), csv_documents(),
                                                   st.binary(max_size=100)), max_size=3))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    data = buffer.getvalue()
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


UPLOAD_NAMES = st.one_of(
    st.sampled_from(("layer.geojson", "layer.json", "layer.kml", "layer.kmz", "layer.zip", "layer.csv", "layer.shp",
                     "layer.txt", "", "LAYER.GEOJSON", "a" * 500 + ".csv")),
    st.sampled_from(HOSTILE[:-1]).map(lambda text: text + ".geojson"),
)


@SLOW
@given(name=UPLOAD_NAMES, data=st.one_of(geojson_documents(), kml_documents(), csv_documents(), zip_documents(),
                                         st.binary(max_size=300)))
def test_upload_reader_never_raises_and_refuses_with_a_message(name, data):
    result = read_upload(name, data, max_bytes=200_000)
    assert isinstance(result, UploadResult)
    file = name[:MAX_NAME_CHARS] or "upload"
    # Quoted values are cut (geodata.problems.quote), so a message stays readable whatever the file holds.
    assert all(p.file == file and p.message and len(p.message) < 3000 for p in result.problems)
    if result.frame is None:
        assert any(p.severity == ERROR for p in result.problems), result.problems
        return
    frame = result.frame
    assert not frame.empty and frame.crs.to_epsg() == 4326
    assert frame.geometry.is_valid.all() and not frame.geometry.is_empty.any()
    west, south, east, north = frame.total_bounds
    assert -180 <= west <= east <= 360 and -90 <= south <= north <= 90
    properties = frame.drop(columns=frame.geometry.name)
    assert all(isinstance(value, str) for column in properties for value in properties[column])
    assert shapely.is_valid(frame.geometry.values).all()


@pytest.mark.parametrize("data", [b"lat,lat,lon", b"name,lat,lon,lat\nA,1,2,3\n", b"lat,lon,name,name\n1,2,a,b\n"])
def test_upload_reader_survives_repeated_csv_columns(data):
    # Found by test_upload_reader_never_raises_and_refuses_with_a_message: pandas cannot build the
    # property table from repeated column names, and the ValueError escapes read_upload.
    result = read_upload("layer.csv", data)
    assert result.problems and all(p.file == "layer.csv" for p in result.problems)


def _zip_of_empty_shapefile_parts() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.shp", b"")
        archive.writestr("b.dbf", b"")
    return buffer.getvalue()


def test_upload_reader_survives_a_zip_named_kml():
    # Found by test_upload_reader_never_raises_and_refuses_with_a_message (a zipped shapefile
    # renamed .kml is an easy mistake to make).
    result = read_upload("layer.kml", _zip_of_empty_shapefile_parts())
    assert result.frame is None and result.problems[0].file == "layer.kml"
