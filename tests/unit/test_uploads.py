"""Tests for geodata.uploads and layers.user_layers: each format, bad files, hostile text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import folium
import geopandas as gpd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, Polygon

from geodata.problems import ERROR, WARNING
from geodata.uploads import MAX_FEATURES, MAX_ZIP_MEMBERS, UploadResult, read_upload
from layers.user_layers import MAX_POPUP_PROPERTIES, properties_html, upload_layer
from tests.conftest import zipped

HOSTILE_NAME = "<script>alert('name')</script>"
HOSTILE_NOTE = '<img src=x onerror="alert(1)">'
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")


@pytest.fixture
def frame() -> gpd.GeoDataFrame:
    """Three features of every geometry kind, with hostile property text, in EPSG:4326."""
    return gpd.GeoDataFrame(
        {
            "name": [HOSTILE_NAME, "Line", "Box"],
            "note": [HOSTILE_NOTE, "plain", "ünïcödé 北纬"],
            "count": [1, 2, 3],
        },
        geometry=[
            Point(131.75, 42.5),
            LineString([(130.0, 40.0), (131.0, 41.0)]),
            Polygon([(132.0, 41.0), (133.0, 41.0), (133.0, 42.0), (132.0, 42.0)]),
        ],
        crs="EPSG:4326",
    )


@pytest.fixture
def areas(frame) -> gpd.GeoDataFrame:
    """The same features as polygons only: a shapefile holds one geometry type."""
    boxes = [Polygon([(x, 40.0), (x + 1, 40.0), (x + 1, 41.0), (x, 41.0)]) for x in (130.0, 132.0, 134.0)]
    return frame.set_geometry(boxes)


def written(frame: gpd.GeoDataFrame, tmp_path: Path, filename: str, driver: str) -> bytes:
    path = tmp_path / filename
    frame.to_file(path, driver=driver, engine="pyogrio")
    return path.read_bytes()


def zipped_shapefile(frame: gpd.GeoDataFrame, tmp_path: Path, *, parts=SHAPEFILE_PARTS, folder: str = "") -> bytes:
    frame.to_file(tmp_path / "layer.shp", engine="pyogrio")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for suffix in parts:
            path = tmp_path / f"layer{suffix}"
            if path.exists():
                archive.write(path, f"{folder}drills{suffix}")
    return buffer.getvalue()


def assert_round_trip(result: UploadResult, frame: gpd.GeoDataFrame, name_column: str = "name") -> None:
    assert result.ok, [str(p) for p in result.problems]
    got = result.frame
    assert got.crs.to_epsg() == 4326
    assert list(got[name_column]) == list(frame["name"])
    assert list(got["note"]) == list(frame["note"])  # hostile text kept as text, untouched
    assert all(isinstance(value, str) for column in got.columns if column != "geometry" for value in got[column])
    for mine, theirs in zip(got.geometry, frame.geometry, strict=True):
        assert mine.equals_exact(theirs, tolerance=1e-6) or mine.normalize().equals_exact(theirs.normalize(), 1e-6)


def test_geojson(frame, tmp_path):
    data = written(frame, tmp_path, "drills.geojson", "GeoJSON")
    result = read_upload("drills.geojson", data, max_bytes=10_000)
    assert_round_trip(result, frame)
    assert list(result.frame["count"]) == ["1", "2", "3"]
    assert result.problems == ()


def test_kml(frame, tmp_path):
    result = read_upload("drills.kml", written(frame, tmp_path, "drills.kml", "KML"))
    assert_round_trip(result, frame, name_column="Name")
    assert "tessellate" not in result.frame.columns


def test_kmz(frame, tmp_path):
    data = zipped({"doc.kml": written(frame, tmp_path, "drills.kml", "KML")})
    assert_round_trip(read_upload("drills.kmz", data), frame, name_column="Name")


def test_zipped_shapefile_in_a_folder(areas, tmp_path):
    result = read_upload("drills.zip", zipped_shapefile(areas, tmp_path, folder="export/"))
    assert_round_trip(result, areas)
    assert result.problems == ()


def test_projected_shapefile_is_reprojected(areas, tmp_path):
    result = read_upload("mercator.zip", zipped_shapefile(areas.to_crs("EPSG:3857"), tmp_path))
    assert_round_trip(result, areas)


def test_shapefile_without_prj_in_degrees_is_read_with_a_warning(areas, tmp_path):
    result = read_upload("noprj.zip", zipped_shapefile(areas, tmp_path, parts=(".shp", ".shx", ".dbf")))
    assert_round_trip(result, areas)
    assert [(p.severity, p.message) for p in result.problems] == [
        (WARNING, "has no coordinate reference system (.prj); read as WGS 84 degrees (EPSG:4326)")
    ]


def test_shapefile_without_prj_in_metres_is_refused(areas, tmp_path):
    data = zipped_shapefile(areas.to_crs("EPSG:3857"), tmp_path, parts=(".shp", ".shx", ".dbf"))
    result = read_upload("metres.zip", data)
    assert result.frame is None
    [problem] = result.problems
    assert problem.file == "metres.zip"
    assert "has no .prj file" in problem.message and "include the .prj file" in problem.message


def test_shapefile_missing_its_dbf_is_refused(areas, tmp_path):
    result = read_upload("partial.zip", zipped_shapefile(areas, tmp_path, parts=(".shp", ".shx", ".prj")))
    assert [str(p) for p in result.problems] == ["partial.zip: has 'drills.shp' but not its .dbf file"]


def test_a_shp_alone_is_asked_for_as_a_zip():
    result = read_upload("drills.shp", b"\x00\x00\x27\x0a")
    assert "must be uploaded as a .zip" in result.problems[0].message


def test_csv_with_latitude_longitude_columns():
    data = (
        "name,Latitude,Longitude,note\n"
        f"\"{HOSTILE_NAME}\",42.5,131.75,\"{HOSTILE_NOTE.replace(chr(34), chr(34) * 2)}\"\n"
        "B,abc,131\n"
        "C,95,131\n"
        "D,41.5,-179.5,\n"
    ).encode()
    result = read_upload("points.csv", data)
    assert result.ok
    assert list(result.frame["name"]) == [HOSTILE_NAME, "D"]
    assert result.frame["note"].iloc[0] == HOSTILE_NOTE
    assert [(p.row, p.field, p.severity) for p in result.problems] == [
        ("line 3", "Latitude", ERROR),
        ("line 4", "", ERROR),
    ]
    assert result.problems[0].message == "'abc' is not a number; row left out"


@pytest.mark.parametrize(
    "header", ["lat,lon", "latitude,longitude", "lat,lng", "y,x", "LAT,LONG"], ids=lambda h: h
)
def test_csv_coordinate_column_names(header):
    result = read_upload("p.csv", f"{header}\n42.5,131.75\n".encode())
    assert (result.frame.geometry.iloc[0].x, result.frame.geometry.iloc[0].y) == (131.75, 42.5)


def test_csv_with_semicolons_and_decimal_commas_in_windows_1252():
    result = read_upload("excel.csv", "name;lat;lon\nBaie d'Along é;42,5;131,75\n".encode("cp1252"))
    assert result.frame["name"].iloc[0] == "Baie d'Along é"
    assert result.frame.geometry.iloc[0].x == 131.75
    assert result.problems[0].severity == WARNING and "Windows-1252" in result.problems[0].message


def test_csv_without_coordinate_columns_is_refused():
    result = read_upload("table.csv", b"name,place\nA,Vladivostok\n")
    [problem] = result.problems
    assert (problem.file, problem.row) == ("table.csv", "line 1")
    assert "needs latitude and longitude columns" in problem.message and "'name, place'" in problem.message


def test_invalid_geometry_is_repaired_and_empty_geometry_dropped_naming_the_feature():
    data = (
        '{"type":"FeatureCollection","features":['
        '{"type":"Feature","properties":{"name":"Bow tie"},"geometry":{"type":"Polygon","coordinates":'
        "[[[130,40],[131,41],[131,40],[130,41],[130,40]]]}},"
        '{"type":"Feature","properties":{"name":"Nothing"},"geometry":null},'
        '{"type":"Feature","properties":{"name":"Fine"},"geometry":{"type":"Point","coordinates":[131,42]}}]}'
    ).encode()
    result = read_upload("mixed.geojson", data)
    assert list(result.frame["name"]) == ["Bow tie", "Fine"]
    assert result.frame.geometry.is_valid.all()
    assert [(p.row, p.severity) for p in result.problems] == [
        ("feature 1 ('Bow tie')", WARNING),
        ("feature 2 ('Nothing')", ERROR),
    ]
    assert "repaired" in result.problems[0].message and "no geometry" in result.problems[1].message


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("bad.geojson", b'{"type": "FeatureCollection", "features": [', "not valid JSON"),
        ("list.geojson", b"[1, 2, 3]", "not a GeoJSON object"),
        ("latin.geojson", b'{"name": "\xff"}', "not UTF-8"),
        ("nothing.geojson", b'{"type": "FeatureCollection", "features": []}', "holds no features"),
        ("garbage.kml", b"<kml><Placemark><Point><coordinates>1,2", "cannot be read"),
        ("truncated.zip", b"PK\x03\x04\x14\x00\x00\x00", "not a readable zip"),
        ("empty.csv", b"", "is empty"),
        ("drills.docx", b"PK\x03\x04", "is not a format this map reads"),
        ("noext", b"42.5,131.75", "is not a format this map reads"),
    ],
)
def test_corrupt_and_unknown_files_give_one_clear_problem(name, data, words):
    result = read_upload(name, data)
    assert result.frame is None and not result.ok
    [problem] = result.problems
    assert problem.file == name and words in problem.message


def test_gdal_messages_do_not_leak_internal_paths():
    result = read_upload("broken.kml", b"<kml><Placemark><Point><coordinates>1,2")
    assert "/vsimem/" not in str(result.problems[0])


def test_oversized_file_is_refused_before_reading():
    result = read_upload("big.geojson", b"{" + b" " * 2_000 + b"}", max_bytes=1_000)
    assert [str(p) for p in result.problems] == ["big.geojson: is 2,002 bytes; the limit is 1,000"]


def test_zip_bomb_is_refused():
    bomb = zipped({"drills.shp": b"\x00" * 50_000_000})
    assert len(bomb) < 100_000
    result = read_upload("bomb.zip", bomb, max_bytes=1_000_000)
    [problem] = result.problems
    assert "would unpack to 50,000,000 bytes; the limit is 10,000,000" in problem.message
    result = read_upload("bomb.zip", bomb, max_bytes=10_000_000)  # within the size limit: the ratio catches it
    assert "like a zip bomb" in result.problems[0].message


def test_zip_that_lies_about_its_size_is_refused():
    bomb = bytearray(zipped({"drills.csv": b"lat,lon\n" + b"1,1\n" * 500_000}))
    # Patch the sizes both headers declare to 100 bytes; the real content is 2 MB.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = bomb.find(signature)
        bomb[start + offset:start + offset + 4] = (100).to_bytes(4, "little")
    result = read_upload("liar.zip", bytes(bomb))
    assert result.frame is None
    assert result.problems[0].message.startswith("cannot unpack 'drills.csv' (Bad CRC-32")


def test_zip_with_too_many_members_is_refused():
    result = read_upload("many.zip", zipped({f"f{i}.txt": b"x" for i in range(MAX_ZIP_MEMBERS + 1)}))
    assert f"the limit is {MAX_ZIP_MEMBERS}" in result.problems[0].message


@pytest.mark.parametrize("member", ["../evil.geojson", "/etc/evil.geojson", "C:/evil.geojson", "a/../../evil.geojson"])
def test_zip_path_traversal_is_refused(member):
    result = read_upload("escape.zip", zipped({member: b'{"type":"FeatureCollection","features":[]}'}))
    assert result.frame is None
    assert "points outside the archive" in result.problems[0].message


def test_zip_with_two_datasets_is_refused(frame, tmp_path):
    data = zipped({"a.geojson": written(frame, tmp_path, "a.geojson", "GeoJSON"), "b.csv": b"lat,lon\n1,1\n"})
    assert "exactly one" in read_upload("two.zip", data).problems[0].message


EXTERNAL_ENTITY_KML = (
    b'<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    b'<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&secret;</name>'
    b"<Point><coordinates>131.75,42.5</coordinates></Point></Placemark></kml>"
)


@pytest.mark.parametrize(
    "name, data",
    [
        ("xxe.kml", EXTERNAL_ENTITY_KML),
        ("xxe16.kml", EXTERNAL_ENTITY_KML.decode().encode("utf-16")),
        ("xxe.kmz", zipped({"doc.kml": EXTERNAL_ENTITY_KML})),
    ],
)
def test_kml_with_an_external_entity_is_refused_before_gdal(name, data):
    result = read_upload(name, data)
    assert result.frame is None
    assert "DOCTYPE or ENTITY" in result.problems[0].message


def test_too_many_features_are_cut_with_a_warning():
    rows = "".join(f"{i % 80},{i % 170}\n" for i in range(MAX_FEATURES + 10))
    result = read_upload("many.csv", f"lat,lon\n{rows}".encode())
    assert len(result.frame) == MAX_FEATURES
    assert result.problems[-1].severity == WARNING and f"first {MAX_FEATURES:,}" in result.problems[-1].message


def test_out_of_range_coordinates_are_dropped():
    data = b'{"type":"Feature","properties":{"name":"far"},"geometry":{"type":"Point","coordinates":[500000,4000000]}}'
    result = read_upload("far.geojson", data)
    assert result.frame is None
    assert "not valid longitudes and latitudes" in result.problems[0].message


def test_upload_layer_escapes_every_property(frame, tmp_path):
    result = read_upload("drills<b>.geojson", written(frame, tmp_path, "d.geojson", "GeoJSON"))
    fg = upload_layer(result.frame, "drills<b>.geojson")
    geojsons = [child for child in fg._children.values() if child._name == "GeoJson"]
    assert len(geojsons) == 1
    features = geojsons[0].data["features"]
    assert len(features) == 3
    assert set(features[0]["properties"]) == {"tooltip", "popup"}
    assert features[0]["properties"]["tooltip"] == "&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;"
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in features[0]["properties"]["popup"]
    assert "<b>" not in fg.layer_name
    m = folium.Map(tiles=None)
    fg.add_to(m)
    page = m.get_root().render()
    assert HOSTILE_NAME not in page and HOSTILE_NOTE not in page


def test_popup_caps_property_count_and_length():
    properties = {f"field{i}": "x" * 1000 for i in range(MAX_POPUP_PROPERTIES + 5)}
    popup = properties_html(properties, "t")
    assert popup.count("<tr>") == MAX_POPUP_PROPERTIES
    assert "… and 5 more properties" in popup
    assert "x" * 301 not in popup and "(1,000 characters)" in popup


SUFFIXES = st.sampled_from([".geojson", ".json", ".kml", ".kmz", ".zip", ".csv", ".shp", ".txt", ""])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=SUFFIXES, data=st.one_of(
    st.binary(max_size=400),
    st.text(st.sampled_from(list('{}[]":,0123456789.-abcdefghijklmnopqrstuvwxyz <>/!=\n')), max_size=400).map(
        str.encode
    ),
    st.sampled_from([b"lat,lon\n", b"lat,lon\n1,2\n", b"PK\x03\x04", b"<kml>", b'{"type":"Feature"}']).flatmap(
        lambda head: st.binary(max_size=200).map(lambda tail: head + tail)
    ),
))
def test_any_bytes_give_a_result_never_an_exception(suffix, data):
    result = read_upload(f"upload{suffix}", data, max_bytes=100_000)
    assert isinstance(result, UploadResult)
    assert result.ok or result.problems
    if result.frame is not None:
        assert result.frame.crs.to_epsg() == 4326
        assert result.frame.geometry.is_valid.all()
