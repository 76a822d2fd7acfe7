"""Encoded outlines: the polyline format, the levels by zoom, the files the browser fetches."""

from __future__ import annotations

import json
import re

import numpy as np
import polyline
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Polygon, box

from geodata.loaders import load_dataset
from geodata.schema import DATA_DIR
from layers import asset_urls, dashboard_map, publish_outlines, region_geometries
from layers.assets import encoded_land
from layers.outlines import (
    DETAIL_TOLERANCE_DEG,
    LEVELS,
    MAX_ERROR_PX,
    degrees_per_pixel,
    encode_polygons,
    encode_rings,
    level_for_zoom,
)
from layers.standalone import inline_asset_urls


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA_DIR)


def decoded(encoded: dict) -> dict:
    """Decode with the reference implementation of the format (the PyPI package polyline)."""

    def nested(value):
        if isinstance(value, str):
            return [list(pair) for pair in polyline.decode(value, encoded["p"], geojson=True)]
        return [nested(item) for item in value]

    return {"type": encoded["type"], "coordinates": nested(encoded["e"])}


coordinate = st.tuples(st.floats(-540, 540), st.floats(-89.9, 89.9))


@settings(max_examples=200, deadline=None)
@given(rings=st.lists(st.lists(coordinate, min_size=1, max_size=40), min_size=1, max_size=6),
       decimals=st.integers(0, 5))
def test_rings_encode_exactly_as_the_reference_implementation(rings, decimals):
    coordinates = np.array([point for ring in rings for point in ring], dtype=float)
    index = np.repeat(np.arange(len(rings)), [len(ring) for ring in rings])
    assert encode_rings(coordinates, index, decimals) == [polyline.encode(ring, decimals, geojson=True)
                                                          for ring in rings]


def test_polygons_with_holes_and_parts_decode_to_their_rounded_rings():
    hole = Polygon(box(0, 0, 10, 10).exterior.coords, [box(2, 2, 4, 4).exterior.coords])
    parts = MultiPolygon([box(170.12345, 50, 171, 51), box(185, 50, 186.5, 51)])  # the Pacific frame
    polygon_e, multi_e = encode_polygons([hole, parts], 3, tolerance=0.01)
    assert polygon_e["type"] == "Polygon" and polygon_e["t"] == 0.01 and len(polygon_e["e"]) == 2
    assert shapely.equals(shapely.geometry.shape(decoded(polygon_e)), hole)
    back = shapely.geometry.shape(decoded(multi_e))
    assert back.geom_type == "MultiPolygon" and len(back.geoms) == 2
    assert shapely.hausdorff_distance(back, parts) <= 0.0005 + 1e-9  # three decimals
    assert encode_polygons([None, Polygon()], 3) == [None, None]


@pytest.mark.parametrize("zoom", range(0, 16))
def test_each_zoom_gets_the_coarsest_level_under_the_error_budget(zoom):
    chosen = level_for_zoom(zoom)
    budget = MAX_ERROR_PX * degrees_per_pixel(zoom)
    tolerances = [tolerance for tolerance, _ in LEVELS]
    assert chosen <= budget or chosen == DETAIL_TOLERANCE_DEG
    coarser = [t for t in tolerances if t > chosen]
    assert all(t > budget for t in coarser)
    assert level_for_zoom(None) == DETAIL_TOLERANCE_DEG


@pytest.mark.parametrize("region_id", ["zhanjiang_waters", "peter_the_great_gulf", "qingdao_waters"])
def test_the_detail_level_stays_within_200_m_of_the_bundled_outlines(dataset, region_id):
    """Issue 17: at zoom 10 the drawn seas follow the Natural Earth 10m coast they were built on.

    Three coast-following waters here; ``python -m bench.run`` measures every sea.
    """
    full = dataset.regions.set_index("region_id").geometry[region_id]
    drawn = shapely.geometry.shape(decoded(region_geometries(dataset.regions).outlines()[region_id]))
    assert shapely.hausdorff_distance(drawn, full) * 111_320 <= 200 * np.cos(np.radians(abs(full.centroid.y)))


def test_outline_files_hold_every_level_and_are_published_under_a_content_digest(small_dataset, tmp_path):
    files = region_geometries(small_dataset.regions).outline_files()
    region_ids = set(small_dataset.regions["region_id"])
    assert {path.split("/")[0] for path in files} == {f"{t:g}" for t, _ in LEVELS}
    assert {path.split("/")[1].removesuffix(".json") for path in files} == region_ids
    folder = publish_outlines(tmp_path, files)
    assert re.fullmatch(r"outlines/[0-9a-f]{12}", folder)
    path, body = next(iter(files.items()))
    assert json.loads((tmp_path / folder / path).read_bytes()) == json.loads(body)
    assert publish_outlines(tmp_path, files) == folder  # same data, same folder
    with pytest.raises(ValueError, match="leaves"):
        publish_outlines(tmp_path, {"0.1/../../../escape.json": b"{}"})
    assert not (tmp_path / "escape.json").exists()


def test_a_served_map_sends_the_coarse_level_and_fetches_finer_ones(small_dataset):
    geometries = region_geometries(small_dataset.regions)
    served = asset_urls("land/x.json", outlines_folder="outlines/abc")
    script = dashboard_map(small_dataset.regions, geometries, small_dataset.exercises, served,
                           tiles=False).get_root().render()
    assert '"t": 0.1' in script or '"t": 0.04' in script
    assert "/app/static/outlines/abc/" in script
    # the decoder and the refining code come with the served helpers file (layers.maphelpers)
    assert "daMap.installDecoder();" in script and "daMap.outlineDetail(" in script
    saved = dashboard_map(small_dataset.regions, geometries, small_dataset.exercises, inline_asset_urls(None),
                          tiles=False).get_root().render()
    assert f'"t": {DETAIL_TOLERANCE_DEG}' in saved and "outlines/" not in saved


def test_a_served_map_is_a_third_of_its_geojson_bytes(dataset):
    geometries = region_geometries(dataset.regions)
    served = dashboard_map(dataset.regions, geometries, dataset.exercises, asset_urls("land/x.json", outlines_folder="o"),
                           tiles=False).get_root().render()
    full = json.dumps(dataset.regions.geometry.__geo_interface__)
    assert len(served) < len(full) / 3


def test_the_land_layer_is_sent_encoded_and_decodes_to_the_bundled_land():
    body = encoded_land(DATA_DIR / "land.geojson")
    sent = [shapely.geometry.shape(decoded(f["geometry"])) for f in json.loads(body)["features"]]
    bundled = [shapely.geometry.shape(f["geometry"])
               for f in json.loads((DATA_DIR / "land.geojson").read_text())["features"]]
    sent_xy, bundled_xy = shapely.get_coordinates(sent), shapely.get_coordinates(bundled)
    assert sent_xy.shape == bundled_xy.shape  # every vertex kept...
    assert np.abs(sent_xy - bundled_xy).max() <= 0.0005 + 1e-9  # ...to three decimals
    assert len(body) < (DATA_DIR / "land.geojson").stat().st_size / 2
