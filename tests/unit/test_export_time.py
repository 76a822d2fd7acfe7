"""Time in the map exports: GeoJSON time/start/end and a KML TimeSpan per placemark, read back."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import geopandas as gpd
import pandas as pd
import pytest

from geodata import schema
from geodata.crossings import dataset_with_crossings
from geodata.export import describe_view, to_geojson_bytes, to_kml_bytes
from geodata.export.features import with_time_spans
from geodata.loaders import load_dataset
from geodata.measure import read_countries
from geodata.query import Catalog, ViewState
from geodata.reference import read_straits, read_zones
from tests.conftest import SMALL_DATA
from view.export import downloads, main
from view.scene import scene_for

KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(schema.DATA_DIR)


def placemarks(data: bytes) -> list[ET.Element]:
    return list(ET.fromstring(data).iter(f"{KML}Placemark"))


def extended(placemark: ET.Element) -> dict[str, str]:
    return {item.get("name"): item.text or "" for item in placemark.iter(f"{KML}SimpleData")}


def test_geojson_reads_back_with_iso_dates_and_a_time(bundled):
    shown = bundled.exercises
    data = to_geojson_bytes(shown, bundled.regions, bundled.routes, version="v", description="all")
    read = gpd.read_file(io.BytesIO(data), engine="pyogrio")
    assert len(read) > len(shown)  # a feature per region and route
    assert pd.api.types.is_datetime64_any_dtype(read["start"]) and pd.api.types.is_datetime64_any_dtype(read["end"])
    assert pd.api.types.is_datetime64_any_dtype(read["time"])
    by_id = shown.set_index("exercise_id")
    for exercise_id, start, end, time in zip(read["exercise_id"], read["start"], read["end"], read["time"],
                                             strict=True):
        assert start.strftime("%Y-%m-%d") == by_id.loc[exercise_id, "start_date"]
        assert end.strftime("%Y-%m-%d") == by_id.loc[exercise_id, "end_date"]
        assert (time.year, time.month, time.day, time.hour) == (start.year, start.month, start.day, 0)
        assert end >= start


def test_every_kml_placemark_has_its_time_span_where_kml_wants_it(bundled):
    data = to_kml_bytes(bundled.exercises, bundled.regions, bundled.routes, version="v", description="all")
    found = placemarks(data)
    assert len(found) > len(bundled.exercises)
    for placemark in found:
        children = [child.tag.removeprefix(KML) for child in placemark]
        assert children[:2] == ["name", "TimeSpan"], children
        span = placemark.find(f"{KML}TimeSpan")
        cells = extended(placemark)
        assert span.findtext(f"{KML}begin") == cells["start_date"]
        assert span.findtext(f"{KML}end") == cells["end_date"]


def test_kml_time_reads_back_with_geopandas(small_dataset, tmp_path):
    path = tmp_path / "drills.kml"
    path.write_bytes(to_kml_bytes(small_dataset.exercises, small_dataset.regions, version="v", description="all"))
    read = gpd.read_file(path, engine="pyogrio")  # GDAL's LIBKML reader: TimeSpan as begin and end
    by_id = small_dataset.exercises.set_index("exercise_id")
    assert list(read["begin"].dt.strftime("%Y-%m-%d")) == list(by_id.loc[read["exercise_id"], "start_date"])
    assert list(read["end"].dt.strftime("%Y-%m-%d")) == list(by_id.loc[read["exercise_id"], "end_date"])


def test_hostile_names_cannot_move_the_time_spans(small_data, tmp_path):
    table = pd.read_csv(small_data / "exercises.csv", dtype=str, keep_default_na=False)
    table.loc[0, "name"] = '</name><Placemark id="x"><name>evil</name> <TimeSpan>'
    table.loc[1, "summary"] = "<Placemark>" * 3
    table.to_csv(small_data / "exercises.csv", index=False)
    dataset = load_dataset(small_data)
    data = to_kml_bytes(dataset.exercises, dataset.regions, version="v", description="all")
    found = placemarks(data)
    assert found[0].findtext(f"{KML}name") == '</name><Placemark id="x"><name>evil</name> <TimeSpan>'
    assert all(len(p.findall(f"{KML}TimeSpan")) == 1 for p in found)


def test_a_span_without_dates_is_left_out():
    kml = b'<kml><Placemark id="a">\n\t<name>A</name>\n</Placemark><Placemark id="b">\n</Placemark></kml>'
    assert with_time_spans(kml, [("", ""), ("2024-01-02", "")]) == (
        b'<kml><Placemark id="a">\n\t<name>A</name>\n</Placemark><Placemark id="b">'
        b"\n\t<TimeSpan><begin>2024-01-02</begin></TimeSpan>\n</Placemark></kml>"
    )


@pytest.mark.parametrize("file_format", ["geojson", "kml"])
def test_the_app_and_the_command_write_the_same_bytes(capsys, tmp_path, file_format):
    zones, straits = read_zones()[0], read_straits()[0]
    dataset = dataset_with_crossings(load_dataset(SMALL_DATA), zones, straits, read_countries())
    catalog = Catalog.from_exercises(dataset.exercises, tuple(dataset.regions["region_id"]), dataset.version)
    scene = scene_for(dataset, ViewState((2019, 2024), participants=("IRN",)))
    button = next(d for d in downloads(dataset, scene.shown, scene.view, catalog, land_file=tmp_path / "none",
                                       tiles=False) if d.key == file_format)
    output = tmp_path / f"out.{file_format}"
    assert main(["--years", "2019-2024", "--participants", "IRN", "--data-dir", str(SMALL_DATA),
                 "--format", file_format, "-o", str(output)]) == 0
    assert button.make() == output.read_bytes()
    assert describe_view(scene.view, catalog).encode() in output.read_bytes()
