"""Bad files, in the data folder and uploaded: each is refused with a clear message, the app keeps
serving, and no other data is lost or changed.

Every test runs the real app (AppTest), checks what it shows, then checks that the other data
files (and the bundled data) are byte for byte what they were. The comment in each test names
the defence it guards.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Polygon

from tests.app.conftest import map_args, metrics
from tests.conftest import SMALL_DATA, zipped
from tests.hardening.conftest import checksums, messages, shown

pytestmark = pytest.mark.usefixtures("repository_data_unchanged")

REGIONS = 4
PASSWD_MARKER = "root:x:0:0"


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SMALL_DATA, target)
    return target


def others_unchanged(data: Path, broken: str):
    """Checksums of every data file except ``broken``, to compare after the app ran."""
    return {name: digest for name, digest in checksums([data]).items() if not name.endswith(broken)}


def drawn_regions(at) -> int:
    return map_args(at)["script"].count('"region_id": ')


def assert_serves_map(at, regions: int = REGIONS) -> None:
    assert not at.exception
    assert drawn_regions(at) >= regions


def data_error(at) -> str:
    """The one error the app shows instead of the map when a data file is unusable."""
    assert not at.exception
    assert not [c for c in at.get("component_instance") if "st_folium" in c.proto.component_name]
    (error,) = at.error
    return shown(error.value)


def recovers(at, data: Path, name: str) -> None:
    """Put the good file back: the same session shows the map again at the next rerun."""
    shutil.copyfile(SMALL_DATA / name, data / name)
    at.run()
    assert_serves_map(at)


@pytest.mark.parametrize(
    ("name", "damage", "words"),
    [
        ("exercises.csv", "delete", "exercises.csv: file not found"),
        ("regions.geojson", "delete", "regions.geojson: file not found"),
        ("exercises.csv", "empty", "exercises.csv: file is empty"),
        ("regions.geojson", "empty", "regions.geojson: file is empty"),
        ("regions.geojson", "truncate", "regions.geojson: cannot be read as GeoJSON"),
        ("exercises.csv", "not utf-8", "exercises.csv: is not UTF-8 text"),
        ("exercises.csv", "oversized", "exercises.csv: file is 52,428,801 bytes; the limit is 52,428,800"),
        ("regions.geojson", "oversized", "regions.geojson: file is 52,428,801 bytes; the limit is 52,428,800"),
    ],
)
def test_unusable_data_file_gives_one_clear_error_and_the_app_recovers(app_factory, data, name, damage, words):
    # Defence: geodata.loaders refuses a missing, empty, unreadable or oversized file with a DataError
    # naming it, and app.py shows it instead of the map (no traceback); the cache is keyed on the files,
    # so fixing the file brings the map back in the same session.
    path = data / name
    kept = others_unchanged(data, name)
    if damage == "delete":
        path.unlink()
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "not utf-8":
        path.write_bytes(path.read_bytes().replace(b"Alpha", "Álpha".encode("latin-1")))
    elif damage == "oversized":
        with path.open("r+b") as handle:
            handle.truncate(50 * 1024 * 1024 + 1)  # sparse: the loader must refuse it on its size alone
    at = app_factory(data).run()
    assert words in data_error(at)
    assert others_unchanged(data, name) == kept
    recovers(at, data, name)


def test_truncated_exercises_drop_only_the_cut_row(app_factory, data):
    # Defence: validation is row by row; a file cut mid-row loses that row, with a message naming
    # its line and field, and every other row is drawn.
    path = data / "exercises.csv"
    path.write_text(path.read_text()[:-40], encoding="utf-8")
    at = app_factory(data).run()
    assert_serves_map(at, 3)
    problems = "\n".join(t.value for t in at.text)
    assert "exercises.csv, line 5, field " in problems
    assert metrics(at)["Exercises shown"] == "3"


def test_truncated_routes_file_leaves_the_map_without_routes(app_factory, data):
    # Defence: routes are optional; an unreadable routes.geojson is reported and the map still draws.
    path = data / "routes.geojson"
    path.write_bytes(path.read_bytes()[:100])
    at = app_factory(data).run()
    assert_serves_map(at)
    assert "routes.geojson: cannot be read as GeoJSON" in "\n".join(t.value for t in at.text)


def test_declared_projected_crs_is_reprojected(app_factory, data):
    # Defence: geodata.loaders.read_regions reprojects a file that declares another CRS to EPSG:4326.
    regions = gpd.read_file(data / "regions.geojson").to_crs(3857)
    (data / "regions.geojson").unlink()
    regions.to_file(data / "regions.geojson", driver="GeoJSON")
    at = app_factory(data).run()
    assert_serves_map(at)
    features = map_args(at)["script"].split('"features"', 1)[1]
    features = re.sub(r"L\.marker\(\s*\[[^\]]*\]", "", features)  # a small area's ring is placed [lat, lon]
    pairs = re.findall(r"\[(-?[\d.]+), (-?[\d.]+)\]", features)
    assert pairs
    assert all(-180 <= float(x) <= 360 and -90 <= float(y) <= 90 for x, y in pairs)


def test_projected_coordinates_without_a_crs_are_refused(app_factory, data):
    # Defence: a regions file in metres that does not say so is refused feature by feature, naming
    # the CRS problem, instead of drawing shapes millions of degrees wide.
    regions = gpd.read_file(data / "regions.geojson").to_crs(3857)
    document = json.loads(regions.to_json())
    document.pop("crs", None)
    (data / "regions.geojson").write_text(json.dumps(document))
    at = app_factory(data).run()
    assert not at.exception
    text = "\n".join([*(t.value for t in at.text), *messages(at)])
    assert "regions.geojson, feature 1 (north_sea_box), field 'geometry'" in text
    assert "EPSG:4326" in text
    assert not [c for c in at.get("component_instance") if '"region_id": ' in c.proto.json_args]


def test_invalid_geometry_is_repaired_and_an_unusable_one_dropped(app_factory, data):
    # Defence: validate_regions repairs a self-intersecting polygon (warning, kept) and drops a
    # feature whose geometry is not a polygon (error naming the feature), keeping the others.
    document = json.loads((data / "regions.geojson").read_text())
    bowtie = [[[131.0, 42.0], [132.0, 43.0], [132.0, 42.0], [131.0, 43.0], [131.0, 42.0]]]
    document["features"][0]["geometry"] = {"type": "Polygon", "coordinates": bowtie}
    document["features"][1]["geometry"] = {"type": "Point", "coordinates": [131.0, 42.0]}
    (data / "regions.geojson").write_text(json.dumps(document))
    at = app_factory(data).run()
    assert not at.exception
    problems = "\n".join(t.value for t in at.text)
    first, second = (f["properties"]["region_id"] for f in document["features"][:2])
    assert f"feature 1 ({first}), field 'geometry': is invalid (Self-intersection" in problems
    assert "it was repaired for display" in problems
    assert f"feature 2 ({second}), field 'geometry': is a Point" in problems
    assert drawn_regions(at) == REGIONS - 1


def test_duplicate_ids_keep_the_first_and_name_it(app_factory, data):
    # Defence: a repeated exercise_id or region_id drops the later row with a message naming the
    # earlier one; nothing is merged or overwritten.
    csv_path = data / "exercises.csv"
    lines = csv_path.read_text().splitlines()
    csv_path.write_text("\n".join([*lines, lines[1].replace("Alpha-2016", "Alpha copy")]) + "\n")
    document = json.loads((data / "regions.geojson").read_text())
    document["features"].append({**document["features"][0], "properties": {**document["features"][0]["properties"],
                                                                          "name": "Copy"}})
    (data / "regions.geojson").write_text(json.dumps(document))
    at = app_factory(data).run()
    assert_serves_map(at)
    problems = "\n".join(t.value for t in at.text)
    assert "exercises.csv, line 6, field 'exercise_id': 'alpha_2016' is already used on line 2" in problems
    first = document["features"][0]["properties"]["region_id"]
    assert f"regions.geojson, feature {len(document['features'])} ({first}), field 'region_id'" in problems
    assert "Alpha copy" not in map_args(at)["script"] and '"Copy' not in map_args(at)["script"]


EXTERNAL_ENTITY_KML = (
    b'<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    b'<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&secret;</name>'
    b"<Point><coordinates>131.5,42.5</coordinates></Point></Placemark></kml>"
)
GOOD_GEOJSON = json.dumps({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Box"},
     "geometry": {"type": "Polygon", "coordinates": [[[131, 42], [132, 42], [132, 43], [131, 42]]]}}]}).encode()


def upload(app_factory, data: Path, name: str, content: bytes):
    at = app_factory(data).run()
    at.file_uploader(key="upload").set_value((name, content, "application/octet-stream")).run()
    return at


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("bomb.zip", zipped({"drills.geojson": b" " * 210_000_000}), "would unpack to 210,000,000 bytes"),
        ("ratio.zip", zipped({"drills.geojson": b" " * 15_000_000}), "like a zip bomb"),
        ("xxe.kml", EXTERNAL_ENTITY_KML, "has a DOCTYPE or ENTITY declaration"),
        ("xxe.kmz", zipped({"doc.kml": EXTERNAL_ENTITY_KML}), "has a DOCTYPE or ENTITY declaration"),
        ("cut.geojson", GOOD_GEOJSON[:-30], "is not valid JSON"),
        ("cut.zip", zipped({"a.geojson": GOOD_GEOJSON})[:-40], "is not a readable zip file"),
        ("empty.geojson", b"", "is empty"),
        ("list.json", b"[1, 2, 3]", "is JSON but not a GeoJSON object"),
        ("deep.geojson", b"[" * 100_000, "is nested too deeply to read"),
    ],
)
def test_hostile_or_broken_upload_is_refused_and_the_app_keeps_serving(app_factory, data, name, content, words):
    # Defence: geodata.uploads.read_upload checks size, zip structure and ratio, XML declarations and
    # JSON syntax before GDAL reads anything; app.py shows the refusal as an error next to a working map.
    kept = checksums([data])
    at = upload(app_factory, data, name, content)
    assert_serves_map(at)
    refusals = [shown(e.value) for e in at.error]
    assert any(name in message and words in message for message in refusals), refusals
    assert PASSWD_MARKER not in str(at._tree)
    assert checksums([data]) == kept


def test_upload_over_the_size_cap_is_refused_before_reading(app_factory, data):
    # Defence: the app passes server.maxUploadSize to read_upload, which refuses a larger file on its
    # size alone (the browser and Streamlit's upload endpoint refuse it earlier; see tests/browser).
    import streamlit as st

    cap = st.get_option("server.maxUploadSize") * 1024 * 1024
    at = upload(app_factory, data, "big.geojson", b" " * (cap + 1))
    assert_serves_map(at)
    assert any(f"big.geojson: is {cap + 1:,} bytes; the limit is {cap:,}" in shown(e.value) for e in at.error)


def test_upload_in_metres_without_its_crs_is_refused(app_factory, data, tmp_path):
    # Defence: read_upload refuses a shapefile without .prj whose coordinates are not degrees,
    # instead of drawing it at absurd places.
    shapes = gpd.GeoDataFrame({"name": ["box"]}, geometry=[Polygon([(0, 0), (1e6, 0), (1e6, 1e6)])])
    shapes.to_file(tmp_path / "layer.shp", engine="pyogrio")
    content = zipped({f"layer{s}": (tmp_path / f"layer{s}").read_bytes() for s in (".shp", ".shx", ".dbf")})
    at = upload(app_factory, data, "metres.zip", content)
    assert_serves_map(at)
    assert any("has no .prj file and its coordinates" in shown(e.value) for e in at.error)


def test_upload_with_invalid_geometry_is_repaired_and_drawn(app_factory, data):
    # Defence: read_upload repairs an invalid polygon with a warning naming the feature.
    bowtie = {"type": "Polygon", "coordinates": [[[131, 42], [132, 43], [132, 42], [131, 43], [131, 42]]]}
    content = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Bowtie"}, "geometry": bowtie}]}).encode()
    at = upload(app_factory, data, "bowtie.geojson", content)
    assert_serves_map(at)
    assert any("feature 1 ('Bowtie')" in shown(w.value) and "repaired" in shown(w.value) for w in at.warning)
    assert "Bowtie" in map_args(at)["script"]


def test_no_upload_leaves_files_behind(app_factory, data, tmp_path, monkeypatch):
    # Defence: shapefile parts are unpacked into a private temporary folder that is removed after
    # reading; nothing is written into the data folder or left in the temporary directory.
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    shapes = gpd.GeoDataFrame({"name": ["box"]}, geometry=[Polygon([(131, 42), (132, 42), (132, 43)])], crs=4326)
    shapes.to_file(tmp_path / "layer.shp", engine="pyogrio")
    content = zipped({f"layer{s}": (tmp_path / f"layer{s}").read_bytes() for s in (".shp", ".shx", ".dbf", ".prj")})
    kept = checksums([data])
    at = upload(app_factory, data, "box.zip", content)
    assert_serves_map(at)
    assert "box" in map_args(at)["script"]
    assert list((tmp_path / "tmp").iterdir()) == []
    assert checksums([data]) == kept


def test_a_data_set_of_many_exercises_is_drawn_not_refused(app_factory, tmp_path):
    # Defence: a view of thousands of exercises is drawn, not refused (the benchmark's
    # 10,000-polygon layer once failed on Altair's 5,000-row guard). Above MAX_TIMELINE_BARS
    # the timeline gives way to a message; the counts per year still draw every exercise.
    from bench.synthetic import write_synthetic_data
    from layers.timeline import MAX_TIMELINE_BARS
    from view import after_map

    data = write_synthetic_data(tmp_path / "many", 5_001)
    at = app_factory(data)
    at.session_state[after_map.READY] = True  # as once the page's map is drawn
    at.run()
    assert not at.exception
    assert metrics(at)["Exercises shown"] == "5001"
    assert any(f"up to {MAX_TIMELINE_BARS:,}" in info.value for info in at.info)
    charts = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    assert [chart["title"] for chart in charts] == ["Exercises per year"]
    first, last = at.slider(key="years").value
    at.slider(key="years").set_value((last, last)).run()
    titles = [json.loads(chart.proto.spec)["title"] for chart in at.get("vega_lite_chart")]
    assert titles == ["Exercises by series", "Exercises per year"]
