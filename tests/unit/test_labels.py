"""layers.labels: place names, sent to the page as compact rows."""

from __future__ import annotations

import json

import folium
import geopandas as gpd
import shapely

from geodata.towns import TOWNS_FROM_ZOOM
from layers.labels import (
    LABEL_CLASSES,
    LABELS_PANE_Z,
    PX_PER_TOWN,
    TOWN_CLASS,
    TOWN_DOT_HALF_PX,
    TOWN_GAP_PX,
    label_rows,
    labels_layer,
    region_labels,
)


def _regions() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"region_id": ["small_bay", "big_sea", "a_country"], "name": ["Bay <b>&</b>", "Big Sea", "Somewhere"],
         "kind": ["area", "sea", "area"], "area_km2": [1_000.0, 90_000.0, 500_000.0],
         "precision": ["exact", "approximate", "region only: no site"]},
        geometry=[shapely.box(130, 40, 130.5, 40.5), shapely.box(131, 38, 136, 42), shapely.box(100, 20, 120, 40)],
        crs="EPSG:4326")


def test_rows_carry_what_the_page_draws_largest_first_and_escaped():
    regions = _regions()
    layer = labels_layer(regions, region_labels(regions))
    rows = label_rows(layer.labels)
    assert [row[4] for row in rows] == ["Big Sea", "Bay &lt;b&gt;&amp;&lt;/b&gt;", "Somewhere"]  # coarse last
    assert [LABEL_CLASSES[row[3]] for row in rows] == ["da-label da-sea", "da-label da-area", "da-label da-coarse"]
    big = region_labels(regions)["big_sea"]
    assert rows[0][:3] == [big["lat"], big["lon"], big["minZoom"]]
    assert rows[2][2] < rows[0][2] <= rows[1][2]  # wider regions are named from a lower zoom


def test_the_script_sends_rows_and_the_class_list_once():
    regions = _regions()
    m = folium.Map(location=[40, 130], zoom_start=4)
    labels_layer(regions, region_labels(regions)).add_to(m)
    script = m.get_root().render()
    call = script.split(f"labels\", {LABELS_PANE_Z}, ", 1)[1].split(");", 1)[0]
    head, _, _, towns = call.rsplit(", ", 3)  # then the two zooms and the towns
    rows, classes = json.loads("[" + head + "]")
    assert towns == "null"  # no towns file served: the page names no towns
    assert rows == label_rows(labels_layer(regions, region_labels(regions)).labels)
    assert classes == list(LABEL_CLASSES)
    assert "priority" not in call and "big_sea" not in call  # what only the server uses stays there


def test_towns_come_from_the_served_file_after_the_regions():
    regions = _regions()
    m = folium.Map(location=[40, 130], zoom_start=4)
    labels_layer(regions, region_labels(regions), "/app/static/towns/towns-abc.json").add_to(m)
    call = m.get_root().render().split(f"labels\", {LABELS_PANE_Z}, ", 1)[1].split(");", 1)[0]
    towns = json.loads(call[call.rindex(", {\"") + 2:])
    assert towns["url"] == "/app/static/towns/towns-abc.json"
    assert towns["fromZoom"] == TOWNS_FROM_ZOOM == 4 and towns["className"] == TOWN_CLASS
    assert "GeoNames" in towns["attribution"]
    assert (towns["pxPerTown"], towns["gapPx"], towns["dotHalf"]) == (PX_PER_TOWN, TOWN_GAP_PX, TOWN_DOT_HALF_PX)
