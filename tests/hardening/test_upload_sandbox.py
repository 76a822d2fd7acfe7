"""Uploads cannot read server files, reach the network, or exhaust the server (issue "Safe to host").

Each test names the attack it stops. Before the fix (commit 6dbea34), an OGR VRT document named
``.kml`` returned every line of /etc/passwd as features, ESRI JSON raised AttributeError, an
unknown EPSG code was read as WGS 84, and a 16 MB CSV of ``a,b`` lines kept 4 million problems
(2.5 GB). Hostile documents are built here, by code, for every content-sniffed driver class
GDAL ships: VRT, GDALG pipelines, WFS and other network drivers, ``/vsi*`` paths, SQLite and
GeoPackage in disguise, GML and Esri JSON.
"""

from __future__ import annotations

import http.server
import io
import json
import random
import threading
import time
import zipfile

import geopandas as gpd
import pyogrio
import pytest
from shapely.geometry import Point, Polygon

from geodata import isolated
from geodata.uploads import MAX_COLUMNS, MAX_PROBLEMS, MAX_VERTICES, read_upload
from tests.conftest import zipped

SECRET_FILE_LINE = "root:"
VRT_PASSWD = (
    b'<OGRVRTDataSource><OGRVRTLayer name="passwd"><SrcDataSource>/etc/passwd</SrcDataSource>'
    b'<SrcSQL dialect="sqlite">SELECT MakePoint(1, 2) AS geom, * FROM passwd</SrcSQL>'
    b"<GeometryField encoding=\"PointFromColumns\" x=\"field_1\" y=\"field_1\"/></OGRVRTLayer></OGRVRTDataSource>"
)
VRT_CSV = (
    b'<OGRVRTDataSource><OGRVRTLayer name="passwd"><SrcDataSource>CSV:/etc/passwd</SrcDataSource>'
    b"<SrcLayer>passwd</SrcLayer><GeometryType>wkbNone</GeometryType></OGRVRTLayer></OGRVRTDataSource>"
)
VRT_VSICURL = (
    b'<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>/vsicurl/http://127.0.0.1:9/x.geojson'
    b"</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>"
)
GDALG_PIPELINE = json.dumps(
    {"type": "gdal_streamed_alg", "command_line": "gdal vector pipeline ! read /etc/passwd ! write streamed_dataset"}
).encode()
WFS = b"<OGRWFSDataSource><URL>http://127.0.0.1:9/wfs?</URL></OGRWFSDataSource>"
GML = (
    b'<?xml version="1.0"?><ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" '
    b'xmlns:gml="http://www.opengis.net/gml"><gml:featureMember><ogr:x><ogr:a>1</ogr:a></ogr:x>'
    b"</gml:featureMember></ogr:FeatureCollection>"
)
ESRI_JSON = json.dumps(
    {"displayFieldName": "", "geometryType": "esriGeometryPoint", "features": [{"attributes": {"a": 1}}]}
).encode()
ESRI_JSON_TYPED = json.dumps({"type": "x", **json.loads(ESRI_JSON)}).encode()
NETWORK_LINK_KML = (
    b'<kml xmlns="http://www.opengis.net/kml/2.2"><Document><NetworkLink><Link><href>/etc/passwd</href>'
    b"</Link></NetworkLink><Placemark><Point><coordinates>131,42</coordinates></Point></Placemark>"
    b"</Document></kml>"
)
VSI_GEOJSON = json.dumps({"type": "FeatureCollection", "features": "/vsicurl/http://127.0.0.1:9/x"}).encode()


def database_file(tmp_path, driver: str, name: str) -> bytes:
    """A real GeoPackage or SQLite file with one point, to disguise as another format."""
    path = tmp_path / name
    gpd.GeoDataFrame({"a": ["secret"]}, geometry=[Point(131, 42)], crs="EPSG:4326").to_file(
        path, driver=driver, engine="pyogrio"
    )
    return path.read_bytes()


def shapefile_zip_with(shp: bytes) -> bytes:
    """A zip holding a 'shapefile' whose .shp and .shx are the given document."""
    return zipped({"x.shp": shp, "x.shx": shp, "x.dbf": b"\x03" + b"\x00" * 40})


def assert_refused_without_leaking(result, *words: str) -> None:
    assert result.frame is None, "a hostile document was read"
    text = " ".join(str(problem) for problem in result.problems)
    assert SECRET_FILE_LINE not in text and "/etc/passwd" not in text.replace("'/etc/passwd'", "")
    for word in words:
        assert word in text, text


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("passwd.kml", VRT_PASSWD, ["root element 'OGRVRTDataSource'"]),
        ("passwd_csv.kml", VRT_CSV, ["not a KML document"]),
        ("vsicurl.kml", VRT_VSICURL, ["not a KML document"]),
        ("passwd.geojson", VRT_PASSWD, ["not valid JSON"]),
        ("passwd.json", VRT_CSV, ["not valid JSON"]),
        ("passwd.kmz", zipped({"doc.kml": VRT_PASSWD}), ["not a KML document"]),
        ("passwd.zip", zipped({"doc.kml": VRT_CSV}), ["not a KML document"]),
        ("passwd_shp.zip", shapefile_zip_with(VRT_PASSWD), ["not a shapefile"]),
        ("pipeline.geojson", GDALG_PIPELINE, ["not GeoJSON", "gdal_streamed_alg"]),
        ("pipeline.zip", zipped({"x.json": GDALG_PIPELINE}), ["not GeoJSON"]),
        ("wfs.kml", WFS, ["not a KML document"]),
        ("gml.kml", GML, ["not a KML document"]),
        ("esri.json", ESRI_JSON, ["not GeoJSON", "Esri JSON"]),
        ("esri_typed.geojson", ESRI_JSON_TYPED, ["not GeoJSON", "Esri JSON"]),
        ("network_link.kml", NETWORK_LINK_KML, ["NetworkLink", "not followed"]),
        ("vsi.geojson", VSI_GEOJSON, []),
    ],
)
def test_content_sniffed_documents_are_refused(name, content, words):
    assert_refused_without_leaking(read_upload(name, content), *words)


@pytest.mark.parametrize(("driver", "stored_as"), [("GPKG", "x.gpkg"), ("SQLite", "x.sqlite")])
@pytest.mark.parametrize("upload_name", ["db.kml", "db.geojson", "db.json", "db_kml.kmz", "db_shp.zip", "db.csv"])
def test_databases_in_disguise_are_refused(tmp_path, driver, stored_as, upload_name):
    database = database_file(tmp_path, driver, stored_as)
    if upload_name == "db_kml.kmz":
        content = zipped({"doc.kml": database})
    elif upload_name == "db_shp.zip":
        content = shapefile_zip_with(database)
    else:
        content = database
    result = read_upload(upload_name, content)
    assert result.frame is None or "secret" not in result.frame.to_json()
    assert_refused_without_leaking(result)


def registered_drivers() -> list[str]:
    """Run in the locked-down child: the drivers GDAL registered there."""
    return sorted(pyogrio.list_drivers())


def read_info_directly(source: bytes | str) -> str:
    """Run in the locked-down child: open a source with no check before GDAL (a bypass of every check)."""
    try:
        return pyogrio.read_info(source)["driver"]
    except Exception as error:  # noqa: BLE001 - the test wants the failure as text
        return f"refused: {type(error).__name__}"


def test_the_reader_process_has_only_the_reader_drivers():
    assert registered_drivers() != sorted(isolated.READER_DRIVERS), "the test needs a GDAL with more drivers"
    assert isolated.run_isolated(registered_drivers, timeout=30) == sorted(isolated.READER_DRIVERS)


def test_the_main_process_is_not_where_uploads_are_read():
    with pytest.raises(isolated.IsolationError, match="not locked down"):
        isolated.assert_locked_down()


@pytest.mark.parametrize("document", [VRT_PASSWD, VRT_CSV, WFS, GDALG_PIPELINE, GML, ESRI_JSON])
def test_even_without_the_checks_gdal_cannot_open_hostile_documents_in_the_reader(document):
    assert read_info_directly(document) not in ("GeoJSON", "KML", "LIBKML", "ESRI Shapefile")  # opened here
    assert isolated.run_isolated(read_info_directly, document, timeout=30).startswith("refused")


@pytest.mark.parametrize("database", ["GPKG", "SQLite"])
def test_even_without_the_checks_databases_cannot_be_opened_in_the_reader(tmp_path, database):
    content = database_file(tmp_path, database, f"x.{database.lower()}")
    assert read_info_directly(content) == database
    assert isolated.run_isolated(read_info_directly, content, timeout=30).startswith("refused")


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the standard library's name
        _CountingHandler.requests.append(self.path)
        body = json.dumps({"type": "FeatureCollection", "features": []}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    _CountingHandler.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_reader_process_reaches_no_network(loopback_server):
    url = f"/vsicurl/{loopback_server}/layer.geojson"
    assert read_info_directly(url) == "GeoJSON" and _CountingHandler.requests, "the test server must be reachable"
    _CountingHandler.requests.clear()
    assert isolated.run_isolated(read_info_directly, url, timeout=30).startswith("refused")
    vrt = f'<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>{url}</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>'
    assert isolated.run_isolated(read_info_directly, vrt.encode(), timeout=30).startswith("refused")
    assert _CountingHandler.requests == []


def sleep_for(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def test_a_reader_that_runs_too_long_is_stopped():
    started = time.perf_counter()
    with pytest.raises(isolated.TimedOut):
        isolated.run_isolated(sleep_for, 30, timeout=1)
    assert time.perf_counter() - started < 5


def test_a_reader_that_takes_too_much_memory_is_stopped():
    assert isolated.run_isolated(allocate, 50, timeout=30) == 50 * 1024 * 1024
    with pytest.raises(isolated.IsolationError, match="memory"):
        isolated.run_isolated(allocate, 4096, timeout=30)


def test_malformed_csv_rows_are_bounded_in_problems_and_time():
    data = b"lat,lon\n" + b"a,b\n" * 4_000_000  # 16 MB: 4 million problems before the fix
    started = time.perf_counter()
    result = read_upload("bad.csv", data, max_bytes=20 * 1024 * 1024)
    assert time.perf_counter() - started < 10
    assert result.frame is None
    assert len(result.problems) <= MAX_PROBLEMS + 2
    assert "more problems like these" in str(result.problems[-2:])
    assert result.problems[-1].message == "has no feature that can be drawn"


def test_a_small_zip_of_a_compressible_csv_is_bounded():
    data = zipped({"bad.csv": b"lat,lon\n" + b"a,b\n" * 10_000_000})  # 40 MB of CSV in a zip under 1 MB
    assert len(data) < 1_000_000
    started = time.perf_counter()
    result = read_upload("bad.zip", data, max_bytes=20 * 1024 * 1024)
    assert time.perf_counter() - started < 10
    assert len(result.problems) <= MAX_PROBLEMS + 2


def test_zip_junk_members_are_never_unpacked(monkeypatch):
    from geodata import uploads

    block = bytes(random.Random(0).choices(b"ab", k=1_000_000))  # compresses about 7:1, under the ratio limit
    members = {f"junk/{index}.bin": block for index in range(99)}  # 99 MB unpacked, before the fix all in memory
    members["points.csv"] = b"name,lat,lon\nA,42.5,131.75\n"
    data = zipped(members)
    assert len(data) < 20 * 1024 * 1024
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info, *a, **k: opened.append(info) or real_open(self, info, *a, **k))
    kind, content = uploads._unzip(data, 20 * 1024 * 1024)
    assert kind == "csv" and content == members["points.csv"]
    assert [getattr(info, "filename", info) for info in opened] == ["points.csv"]
    monkeypatch.undo()
    result = read_upload("junk.zip", data, max_bytes=20 * 1024 * 1024)
    assert result.ok and len(result.frame) == 1


def test_an_unknown_epsg_code_is_refused_not_taken_for_wgs84():
    document = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::999999"}},
        "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}],
    }
    result = read_upload("odd.geojson", json.dumps(document).encode())
    assert result.frame is None
    assert "999999" in result.problems[0].message and result.problems[0].field == "crs"


def test_a_known_crs_member_is_reprojected():
    document = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
        "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [0, 0]}}],
    }
    result = read_upload("mercator.geojson", json.dumps(document).encode())
    assert result.ok and result.frame.geometry.iloc[0].equals_exact(Point(0, 0), 1e-9)


def test_too_many_vertices_are_refused():
    ring = [(130 + i * 1e-5, 40 + (i % 2) * 1e-3) for i in range(MAX_VERTICES + 10)]
    line = {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": ring}}
    result = read_upload("dense.geojson", json.dumps({"type": "FeatureCollection", "features": [line]}).encode(),
                         max_bytes=50 * 1024 * 1024)
    assert result.frame is None and "vertices" in result.problems[0].message


def test_many_properties_are_cut_to_the_first_ones():
    properties = {f"p{index:03d}": "x" * 5_000 for index in range(200)}
    feature = {"type": "Feature", "properties": properties, "geometry": {"type": "Point", "coordinates": [131, 42]}}
    result = read_upload(
        "wide.geojson", json.dumps({"type": "FeatureCollection", "features": [feature] * 20}).encode(),
        max_bytes=30 * 1024 * 1024,
    )
    assert result.ok
    assert len(result.frame.columns) == MAX_COLUMNS + 1
    assert max(len(value) for value in result.frame["p000"]) <= 1_001
    assert any("only the first" in problem.message for problem in result.problems)


def test_a_valid_upload_still_reads_in_every_format(tmp_path):
    frame = gpd.GeoDataFrame({"name": ["A"]}, geometry=[Polygon([(130, 40), (131, 40), (131, 41)])], crs="EPSG:4326")
    for driver, name in (("GeoJSON", "a.geojson"), ("KML", "a.kml")):
        frame.to_file(tmp_path / name, driver=driver, engine="pyogrio")
        assert read_upload(name, (tmp_path / name).read_bytes()).ok, driver
    frame.to_file(tmp_path / "a.shp", engine="pyogrio")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for suffix in (".shp", ".shx", ".dbf", ".prj"):
            archive.write(tmp_path / f"a{suffix}", f"a{suffix}")
    assert read_upload("a.zip", buffer.getvalue()).ok


def test_a_wide_upload_makes_a_bounded_map():
    import folium

    from layers.user_layers import MAX_LAYER_TEXT_CHARS, upload_layer

    columns = {f"p{index:02d}": ["x" * 1_000] * 5_000 for index in range(MAX_COLUMNS)}
    frame = gpd.GeoDataFrame(columns, geometry=[Point(100 + i / 100, 40) for i in range(5_000)], crs="EPSG:4326")
    page = folium.Map(tiles=None)
    started = time.perf_counter()
    upload_layer(frame, "wide.geojson").add_to(page)
    size = len(page.get_root().render())
    # Before the per-layer text budget: 30 properties of 300 characters in each of 5,000 popups,
    # about 50 MB; now 5.7 MB, most of it the popups' markup.
    assert size < 4 * MAX_LAYER_TEXT_CHARS + 1_500_000, size
    assert time.perf_counter() - started < 10


def main_module_file() -> str | None:
    """Run in the locked-down child: the file of the ``__main__`` module there."""
    import sys

    return getattr(sys.modules["__main__"], "__file__", None)


def test_the_reader_never_reruns_the_parents_main_script(tmp_path, monkeypatch):
    import sys
    import types

    marker = tmp_path / "ran"
    script = tmp_path / "page.py"
    script.write_text(f"open({str(marker)!r}, 'w').write('the page ran in the reader')\n")
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", fake_main)  # as Streamlit does while app.py runs
    assert isolated.run_isolated(main_module_file, timeout=30) != str(script)
    assert not marker.exists()


def _json_documents():
    from hypothesis import strategies as st

    keys = st.sampled_from(["type", "geometryType", "features", "attributes", "geometry", "spatialReference",
                            "fields", "x", "y", "rings", "paths", "coordinates", "properties", "crs", "wkid"])
    leaves = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                       st.sampled_from(["FeatureCollection", "Feature", "Point", "esriGeometryPolygon", ""]))
    return st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(keys, inner, max_size=5)), max_leaves=25)


def _xml_documents():
    from hypothesis import strategies as st

    tags = st.sampled_from(["kml", "Document", "Placemark", "Point", "coordinates", "gml:FeatureCollection",
                            "gml:featureMember", "ogr:x", "OGRVRTDataSource", "NetworkLink", "LineString", "name"])
    texts = st.sampled_from(["", "131,42", "1,2 3,4", "x", "/etc/passwd", "CSV:/etc/passwd"])

    def element(children):
        return st.builds(lambda tag, body: f"<{tag}>{''.join(body)}</{tag}>", tags, st.lists(children, max_size=3))

    return st.recursive(texts, element, max_leaves=12)


def test_any_esri_json_or_gml_like_upload_gives_a_result_never_an_exception():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=120, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(document=st.one_of(_json_documents().map(json.dumps), _xml_documents()),
           name=st.sampled_from(["a.json", "a.geojson", "a.kml", "a.kmz"]))
    def check(document, name):
        data = document.encode()
        if name.endswith(".kmz"):
            data = zipped({"doc.kml": data})
        result = read_upload(name, data)
        assert result.ok or result.problems
        assert all(problem.file == name for problem in result.problems)
        assert SECRET_FILE_LINE not in " ".join(str(problem) for problem in result.problems)

    check()
