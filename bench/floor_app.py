"""The floor of a first paint: ``streamlit run bench/floor_app.py`` (an empty page, an empty map).

What any Streamlit page with a streamlit-folium map costs before it draws anything of its own:
the Streamlit frontend, one script run, the component's frame and Leaflet, served by the app
itself as Drill Atlas serves it (from Streamlit's static folder, no CDN), with no tiles, no
layers and no other element. The benchmark times it beside the app in the same run and gives
the app's first paint as a ratio to it.
"""

from __future__ import annotations

from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from layers.assets import asset_urls, publish_static_assets

MAP_HEIGHT = 560
"""The app's map height on a laptop (app.py ``MAP_HEIGHT``), so the frame is the same size."""

st.set_page_config(page_title="Drill Atlas floor", layout="wide")
# Leaflet only: with no land file there is no land layer, and the floor draws nothing of its own.
publish_static_assets(Path(__file__).resolve().parent / "static", land_file=Path(__file__).with_name("no-land"))
assets = asset_urls(None)
m = folium.Map(location=[35, 125], zoom_start=4, tiles=None)
m.default_js = [("leaflet", assets.leaflet_js)]
m.default_css = [("leaflet_css", assets.leaflet_css)]
st_folium(m, key="map", height=MAP_HEIGHT, use_container_width=True, returned_objects=[], render=False)
