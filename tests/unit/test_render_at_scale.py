"""Large views send coarse outlines; shared outlines stay untouched (FastGeoJson parity: test_folium_internals.py)."""

from __future__ import annotations

import copy

import pytest

from bench.synthetic import write_synthetic_data
from geodata.filters import landing_bounds, regions_for
from geodata.loaders import load_dataset
from layers import asset_urls, dashboard_map, region_geometries
from layers.outlines import LEVELS, level_for_zoom
from layers.regions import opening_zoom

MANY = 1_200


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
    dataset = load_dataset(write_synthetic_data(tmp_path_factory.mktemp("big") / "data", MANY))
    return dataset, region_geometries(dataset.regions)


def test_a_view_of_many_regions_opens_with_coarse_outlines_and_short_popups(big):
    dataset, geometries = big
    served = asset_urls("land/x.geojson", outlines_folder="outlines/abc")
    page = dashboard_map(dataset.regions, geometries, dataset.exercises, served, tiles=False).get_root().render()
    assert "Made-up record for the benchmark" not in page  # popups list exercises; summaries are in the details
    used = regions_for(dataset.regions, dataset.exercises)
    level = level_for_zoom(opening_zoom(landing_bounds(used)))
    assert level >= LEVELS[1][0]  # an ocean-wide view: one of the two coarsest levels
    assert page.count('"t": ') == page.count(f'"t": {level}') >= MANY


def test_a_view_of_few_regions_keeps_every_focus_link(big):
    dataset, geometries = big
    few = dataset.exercises.iloc[:MANY - 200]
    page = dashboard_map(dataset.regions, geometries, few, asset_urls("land/x.geojson"), tiles=False).get_root().render()
    assert page.count("data-focus=") >= MANY - 200
