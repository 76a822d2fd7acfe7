"""Pure builders from Drill Atlas frames to Folium maps and layers (no Streamlit here)."""

from layers.assets import (
    AssetUrls,
    asset_urls,
    publish_outlines,
    publish_popups,
    publish_static_assets,
    publish_towns,
)
from layers.basemap import base_map
from layers.compose import dashboard_map, dataset_popup_book
from layers.land import land_layer
from layers.legend import legend
from layers.regions import RegionGeometries, region_geometries, region_layers, selection_layer
from layers.routes import route_layer

__all__ = [
    "AssetUrls",
    "RegionGeometries",
    "asset_urls",
    "base_map",
    "dashboard_map",
    "dataset_popup_book",
    "land_layer",
    "legend",
    "publish_outlines",
    "publish_popups",
    "publish_towns",
    "publish_static_assets",
    "region_geometries",
    "region_layers",
    "route_layer",
    "selection_layer",
]
