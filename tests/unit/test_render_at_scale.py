"""Large views become overviews; outlines stay untouched (FastGeoJson parity: tests/unit/test_folium_internals.py)."""

from __future__ import annotations

import copy

import pytest

from bench.synthetic import write_synthetic_data
from geodata.filters import bounds_of, regions_for
from geodata.loaders import load_dataset
from layers import asset_urls, dashboard_map, region_geometries
from layers.regions import OVERVIEW_ABOVE, opening_zoom


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


def test_a_view_of_many_regions_is_an_overview_with_simplified_outlines(big):
    dataset, geometries = big
    m = dashboard_map(dataset.regions, geometries, dataset.exercises, asset_urls("land/x.geojson"), tiles=False)
    page = m.get_root().render()
    assert "outlines simplified" in page
    assert "Made-up record for the benchmark" not in page  # popups list exercises; summaries are in the details
    used = regions_for(dataset.regions, dataset.exercises)
    assert geometries.for_zoom(opening_zoom(bounds_of(used))) is geometries.overview


def test_a_view_of_few_regions_keeps_full_outlines(big):
    dataset, geometries = big
    few = dataset.exercises.iloc[:OVERVIEW_ABOVE]
    page = dashboard_map(dataset.regions, geometries, few, asset_urls("land/x.geojson"), tiles=False).get_root().render()
    assert "outlines simplified" not in page
    assert page.count("data-focus=") >= OVERVIEW_ABOVE
