"""The naive baseline the benchmark compares Drill Atlas with: ``streamlit run bench/baseline_app.py``.

This is the pattern of the streamlit-folium examples, on purpose: the files are read on every
rerun, each region becomes its own ``folium.GeoJson`` layer built from a one-row GeoDataFrame,
Leaflet comes from folium's default CDNs and ``st_folium`` returns its default objects, so every
pan or zoom reruns the script. It offers the app's filters under the same widget keys, so the
benchmark drives both the same way. It does not escape popups and is not meant to be served.
"""

from __future__ import annotations

import os
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

DATA_DIR = Path(os.environ.get("DRILL_ATLAS_DATA_DIR", Path(__file__).resolve().parents[1] / "geodata"))
COLOURS = {"naval": "#1f78b4", "air": "#6a3d9a", "ground": "#b15928", "combined": "#33a02c"}

st.set_page_config(page_title="Drill Atlas baseline", layout="wide")
exercises = pd.read_csv(DATA_DIR / "exercises.csv", dtype=str, keep_default_na=False)
regions = gpd.read_file(DATA_DIR / "regions.geojson")
exercises["start"] = pd.to_datetime(exercises["start_date"])
exercises["end"] = pd.to_datetime(exercises["end_date"])
first, last = int(exercises["start"].dt.year.min()), int(exercises["end"].dt.year.max())

search = st.sidebar.text_input("Search", key="q")
years = st.sidebar.slider("Years", first, last, (first, last), key="years")
chosen = st.sidebar.multiselect("Exercises", sorted(exercises["exercise_id"]), key="exercise")
series = st.sidebar.multiselect("Series", sorted(set(exercises["series"])), key="series")
domains = st.sidebar.multiselect("Domain", sorted(COLOURS), key="domain")

shown = exercises[(exercises["start"].dt.year <= years[1]) & (exercises["end"].dt.year >= years[0])]
if chosen:
    shown = shown[shown["exercise_id"].isin(chosen)]
if series:
    shown = shown[shown["series"].isin(series)]
if domains:
    shown = shown[shown["domain"].isin(domains)]
if search:
    shown = shown[shown["name"].str.contains(search, case=False, regex=False)]

st.title("Drill Atlas baseline")
st.metric("Exercises shown", len(shown))
m = folium.Map(location=[40, 150], zoom_start=3)
for _, region in regions.iterrows():
    held = shown[shown["region_ids"].str.split(";").map(lambda ids, rid=region["region_id"]: rid in ids)]
    if held.empty:
        continue
    one_row = regions[regions["region_id"] == region["region_id"]].copy()
    one_row["exercises"] = "<br>".join(held["name"] + " (" + held["start_date"] + "): " + held["summary"])
    colour = COLOURS.get(held["domain"].iloc[0], "#333333")
    folium.GeoJson(
        one_row[["region_id", "name", "exercises", "geometry"]],
        name=region["name"],
        style_function=lambda feature, colour=colour: {"color": colour, "fillColor": colour, "fillOpacity": 0.4},
        tooltip=folium.GeoJsonTooltip(fields=["name"]),
        popup=folium.GeoJsonPopup(fields=["name", "exercises"]),
    ).add_to(m)
folium.LayerControl().add_to(m)
st_folium(m, key="map", height=600, use_container_width=True)
st.dataframe(shown.drop(columns=["start", "end"]))
