"""The floor of a rerun: ``streamlit run bench/capacity_floor_app.py`` (a year slider and a map it moves).

What any Streamlit page that redraws a streamlit-folium map on a filter change costs the server,
before any work of its own: one widget, a ``folium.Map`` built anew on every run and sent through
``st_folium`` (the map's centre follows the year range, so every range is a new message, as the
app's maps are), Leaflet served as the app serves it. The load generator (:mod:`bench.loadgen`)
drives it exactly as it drives the app, changing the slider with the key ``years``, so the
sessions it holds at a rerun p95 of 300 ms are the most any app of this stack holds on this
machine: the app's capacity is reported beside it.
"""

from __future__ import annotations

from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from layers.assets import asset_urls, publish_static_assets

FIRST_YEAR, LAST_YEAR = 2005, 2026
"""The app's year range on the bundled data, so the load generator steps through as many ranges."""
MAP_HEIGHT = 560


@st.cache_resource
def published() -> None:
    """Copy Leaflet into Streamlit's static folder once, as the app does.

    Sessions running at the same time would otherwise write the same files under each other.
    """
    publish_static_assets(Path(__file__).resolve().parent / "static", land_file=Path(__file__).with_name("no-land"))


st.set_page_config(page_title="Drill Atlas capacity floor", layout="wide")
published()
assets = asset_urls(None)
first, last = st.slider("Years", FIRST_YEAR, LAST_YEAR, (FIRST_YEAR, LAST_YEAR), key="years")
m = folium.Map(location=[30 + (first - FIRST_YEAR) / 2, 110 + (last - FIRST_YEAR) / 2], zoom_start=4, tiles=None)
m.default_js = [("leaflet", assets.leaflet_js)]
m.default_css = [("leaflet_css", assets.leaflet_css)]
st_folium(m, key="map", height=MAP_HEIGHT, use_container_width=True, returned_objects=[], render=False)
