"""FastGeoJson renders what folium.GeoJson renders, once; large views become overviews; outlines stay untouched."""

from __future__ import annotations

import copy
import re

import folium
import pytest

from bench.synthetic import write_synthetic_data
from geodata.filters import bounds_of, regions_for
from geodata.loaders import load_dataset
from layers import asset_urls, dashboard_map, region_geometries
from layers.onepass import FastGeoJson
from layers.regions import OVERVIEW_ABOVE, opening_zoom


def _page(cls) -> str:
    m = folium.Map(tiles=None)
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"a": "x", "style": {"color": "red"}},
         "geometry": {"type": "Polygon", "coordinates": [[[1, 2], [3, 2], [3, 4], [1, 2]]]}}]}
    cls(data, style_function=lambda f: f["properties"]["style"], highlight_function=lambda f: {"weight": 3},
        tooltip=folium.GeoJsonTooltip(["a"]), popup=folium.GeoJsonPopup(["a"])).add_to(m)
    return re.sub(r"_[0-9a-f]{32}", "_ID", m.get_root().render())


def test_fast_geojson_renders_the_same_page_as_folium():
    assert _page(FastGeoJson) == _page(folium.GeoJson)


def test_fast_geojson_knows_its_bounds():
    layer = FastGeoJson({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [131.5, 42.5]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [200.0, -10.0]}}]})
    assert layer.get_bounds() == [[-10.0, 131.5], [42.5, 200.0]]


def test_building_and_rendering_a_map_leaves_the_shared_outlines_untouched(small_dataset):
    geometries = region_geometries(small_dataset.regions)
    before = copy.deepcopy(geometries)
    m = dashboard_map(small_dataset.regions, geometries, small_dataset.exercises, asset_urls("land/x.geojson"),
                      selected="bravo_2019", routes=small_dataset.routes, tiles=False)
    m.get_root().render()
    assert geometries == before


@pytest.mark.parametrize(("bounds", "zoom"), [
    ([[-40.0, 119.0], [55.0, 241.0]], 2),  # the Pacific
    ([[30.0, 120.0], [45.0, 140.0]], 5),  # the Sea of Japan and around
    ([[42.0, 131.0], [42.5, 131.5]], 10),  # a bay
])
def test_opening_zoom_is_what_leaflet_fits(bounds, zoom):
    assert opening_zoom(bounds) == zoom


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    dataset = load_dataset(write_synthetic_data(tmp_path_factory.mktemp("big") / "data", OVERVIEW_ABOVE + 200))
    return dataset, region_geometries(dataset.regions)


def test_a_view_of_many_regions_is_an_overview_with_short_popups(big):
    dataset, geometries = big
    m = dashboard_map(dataset.regions, geometries, dataset.exercises, asset_urls("land/x.geojson"), tiles=False)
    page = m.get_root().render()
    assert 'class=\\"da-short\\"' in page and "narrow the filters" in page
    assert "Made-up record for the benchmark" not in page  # summaries are left out of short popups
    used = regions_for(dataset.regions, dataset.exercises)
    assert geometries.for_zoom(opening_zoom(bounds_of(used))) is geometries.overview


def test_a_view_of_few_regions_keeps_full_popups_and_outlines(big):
    dataset, geometries = big
    few = dataset.exercises.iloc[:OVERVIEW_ABOVE]
    page = dashboard_map(dataset.regions, geometries, few, asset_urls("land/x.geojson"), tiles=False).get_root().render()
    assert 'class=\\"da-short\\"' not in page
    assert "Made-up record for the benchmark" in page
