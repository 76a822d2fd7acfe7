"""Region layers: one GeoJson layer per style group, never one per polygon."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import shapely

from layers.basemap import AREAS_PANE
from layers.popups import escape_html, region_popup_html, region_tooltip_html
from layers.styles import GROUP_COLOURS, GROUP_LABELS, SELECTED_COLOUR, highlight_style, region_style

SEA_PANE = "overlayPane"
REGION_CLASS = "da-region"
"""CSS class of every drill-region path, so a page (or a test) can tell regions from routes."""
POPUP_MAX_WIDTH = 440


DISPLAY_TOLERANCE_DEG = 0.02
"""Simplification of the drawn outlines (about 2 km): it halves what every map sends to the
browser. Measures and exports use the full geometry."""
DISPLAY_GRID_DEG = 0.001


def region_geometries(regions: gpd.GeoDataFrame) -> dict[str, dict]:
    """Convert every region's outline for drawing to a GeoJSON dict once, keyed by ``region_id``.

    Outlines are simplified to :data:`DISPLAY_TOLERANCE_DEG` (topology kept) on a
    :data:`DISPLAY_GRID_DEG` grid. Building layers from these dicts instead of one-row
    GeoDataFrames is what keeps a map build in milliseconds (folium would call
    ``__geo_interface__`` again per layer).
    """
    simplified = regions[["region_id", "geometry"]].copy()
    simplified["geometry"] = shapely.set_precision(
        simplified.geometry.simplify(DISPLAY_TOLERANCE_DEG, preserve_topology=True).values, DISPLAY_GRID_DEG
    )
    collection = simplified.__geo_interface__
    return {feature["properties"]["region_id"]: feature["geometry"] for feature in collection["features"]}


def _features(shown: gpd.GeoDataFrame, exercises: pd.DataFrame, geometries: dict[str, dict]) -> list[dict]:
    most = int(shown["exercise_count"].max())
    records = exercises.set_index("exercise_id", drop=False).to_dict("index")
    features = []
    for region in shown.sort_values("area_km2", ascending=False).to_dict("records"):
        held = [records[exercise_id] for exercise_id in region["exercise_ids"]]
        features.append(
            {
                "type": "Feature",
                "geometry": geometries[region["region_id"]],
                "properties": {
                    "region_id": region["region_id"],
                    "kind": region["kind"],
                    "style_group": region["style_group"],
                    "tooltip": region_tooltip_html(region, len(held)),
                    "popup": region_popup_html(region, held),
                    "style": region_style(region["style_group"], len(held), most, region.get("precision")),
                },
            }
        )
    return features


def _geojson(features: list[dict], pane: str) -> folium.GeoJson:
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        style_function=lambda feature: feature["properties"]["style"],
        highlight_function=lambda feature: highlight_style(feature["properties"]["style_group"]),
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=True),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=POPUP_MAX_WIDTH),
        pane=pane,
        smooth_factor=0.5,
        className=REGION_CLASS,
    )


def region_layers(
    shown: gpd.GeoDataFrame, exercises: pd.DataFrame, geometries: dict[str, dict]
) -> list[folium.FeatureGroup]:
    """Build the drill-region layers, one FeatureGroup per style group.

    Parameters
    ----------
    shown : geopandas.GeoDataFrame
        Regions to draw, as returned by :func:`geodata.filters.regions_for` (with
        ``exercise_count`` and ``style_group``).
    exercises : pandas.DataFrame
        The shown exercises; each region's popup lists those held there.
    geometries : dict
        From :func:`region_geometries`.

    Returns
    -------
    list of folium.FeatureGroup
        In the order of :data:`layers.styles.GROUP_COLOURS`, only groups that have regions.
        Each holds at most two GeoJson layers: seas, and ``area`` regions in a pane above
        them so that a bay inside a sea stays clickable. Larger regions come first.
    """
    if shown.empty:
        return []
    features = _features(shown, exercises, geometries)
    groups = []
    for group in GROUP_COLOURS:
        members = [f for f in features if f["properties"]["style_group"] == group]
        if not members:
            continue
        count = len(members)
        fg = folium.FeatureGroup(name=f"{GROUP_LABELS[group]} drills ({count} region{'s' if count != 1 else ''})")
        for kind, pane in (("sea", SEA_PANE), ("area", AREAS_PANE)):
            of_kind = [f for f in members if f["properties"]["kind"] == kind]
            if of_kind:
                _geojson(of_kind, pane).add_to(fg)
        groups.append(fg)
    return groups


def selection_layer(regions: gpd.GeoDataFrame, geometries: dict[str, dict], label: str) -> folium.FeatureGroup:
    """Outline the regions of the selected exercise, above everything else, without blocking clicks.

    Parameters
    ----------
    regions : geopandas.GeoDataFrame
        The selected exercise's regions.
    geometries : dict
        From :func:`region_geometries`.
    label : str
        Layer name shown in the layer control; it is escaped here because Leaflet's layer
        control inserts names as HTML.
    """
    features = [
        {"type": "Feature", "geometry": geometries[rid], "properties": {"region_id": rid}}
        for rid in regions["region_id"]
    ]
    fg = folium.FeatureGroup(name=escape_html(label))
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        style_function=lambda feature: {"color": SELECTED_COLOUR, "weight": 4, "fillOpacity": 0, "dashArray": "6 4"},
        interactive=False,
        pane=AREAS_PANE,
    ).add_to(fg)
    return fg
