"""The whole dashboard map for a view: base map, land, region groups, routes, selection, legend, layer control."""

from __future__ import annotations

from collections.abc import Mapping

import folium
import geopandas as gpd
import pandas as pd

from geodata.filters import bounds_of, landing_bounds, regions_for, with_context
from geodata.query import map_params
from layers.assets import AssetUrls, scripts_of
from layers.basemap import DEFAULT_BOUNDS, base_map, region_boxes, show_all_control
from layers.folium_internals import frame_links, stable_ids
from layers.labels import labels_layer
from layers.land import land_layer
from layers.legend import legend
from layers.maphelpers import serve_helpers
from layers.observations import LEGEND_LABEL, OBSERVATION_COLOUR, observation_layer, observation_popup_texts
from layers.outlines import DETAIL_TOLERANCE_DEG, OutlineDecoder, OutlineDetail, level_for_zoom
from layers.popups import PopupBook, PopupBookLoader
from layers.reference import LEGEND_NOTE as REFERENCE_NOTE
from layers.regions import RegionGeometries, opening_zoom, region_layers, region_popup_texts, selection_layer
from layers.routes import route_layer, route_popup_texts
from layers.snapshot import snapshot_control
from layers.styles import GROUP_COLOURS, GROUP_LABELS, fill_scale
from layers.tools import draw_control, drawings_layer, measure_control
from layers.viewsync import view_sync

LEGEND_INK = "#444444"
PLACE_OUTLINES = (
    ("place approximate", f"1.5px dashed {LEGEND_INK}"),
    ("whole country or province: no site disclosed", f"1.5px dotted {LEGEND_INK}"),
)
"""The legend lines of the region outlines."""


def outline_level_of(assets: AssetUrls, bounds: list[list[float]] | None,
                     map_view: tuple[float, float, int] | None = None) -> float:
    """Return the outline level a map opening on ``bounds`` (or ``map_view``) is sent with.

    A served map opens with the coarsest outlines its zoom allows and fetches detail as the
    reader zooms in (:class:`layers.outlines.OutlineDetail`); a map saved to a file, whose
    assets serve no detail files, carries the detail level itself.
    """
    if not assets.outlines:
        return DETAIL_TOLERANCE_DEG
    return level_for_zoom(map_view[2] if map_view else opening_zoom(bounds or DEFAULT_BOUNDS))


def reference_legend_outlines(
    extra_layers: tuple[folium.FeatureGroup, ...], layers: tuple[str, ...] | None
) -> list[tuple[str, str]]:
    """Return the legend lines of the reference layers the map opens with switched on.

    A layer is on when a link's ``layers`` names it, or, without that, when it was built shown;
    only groups carrying ``legend_outline`` (:func:`layers.reference.reference_layers_of`) count.
    """
    lines = []
    for group in extra_layers:
        outline = getattr(group, "legend_outline", None)
        shown = group.show if layers is None else getattr(group, "layer_id", None) in layers
        if outline is not None and shown and outline not in lines:
            lines.append(outline)
    return lines


def frame_files(assets: AssetUrls) -> list[str]:
    """Return the style sheets and scripts the frame of a map served with ``assets`` loads before it draws.

    They are the ``css_links`` and ``js_links`` of every map :func:`dashboard_map` composes:
    its base map's, and where the plugins are served the draw and measure tools' style sheets
    (their scripts come after the map has drawn, with the tools' file). :mod:`deploy.frontend`
    names them in the page's ``<head>`` so that a browser fetches them while it waits for the map.
    """
    m = base_map(assets, tiles=False)
    if assets.plugins:
        draw_control(assets, drawings_layer().add_to(m)).add_to(m)
        measure_control(assets).add_to(m)
    css, js = frame_links(m)
    return css + js


def dataset_popup_book(regions: gpd.GeoDataFrame, geometries: RegionGeometries, routes: gpd.GeoDataFrame | None,
                       exercises: pd.DataFrame, observation_popups: Mapping[object, str]) -> PopupBook:
    """Return the popups' texts every view of a dataset shares, as one file for the browser (:class:`PopupBook`).

    The regions' own texts and the exercises' lines (``geometries`` built with ``exercises``),
    every route's popup and every observation's block. What a view adds (a region's count) stays
    in its map.
    """
    texts = region_popup_texts(regions, geometries)
    if routes is not None:
        texts += route_popup_texts(routes, exercises)
    return PopupBook.of(texts + observation_popup_texts(observation_popups))


def dashboard_map(
    regions: gpd.GeoDataFrame,
    geometries: RegionGeometries,
    shown: pd.DataFrame,
    assets: AssetUrls,
    *,
    selected: str | None = None,
    region: str | None = None,
    map_view: tuple[float, float, int] | None = None,
    routes: gpd.GeoDataFrame | None = None,
    tiles: bool = True,
    extra_layers: tuple[folium.FeatureGroup, ...] = (),
    with_regions: bool = True,
    fit: list[list[float]] | None = None,
    used_regions: gpd.GeoDataFrame | None = None,
    observations: pd.DataFrame | None = None,
    observation_popups: Mapping[object, str] | None = None,
    snapshot: tuple[str, str] | None = None,
    layers: tuple[str, ...] | None = None,
    drawings: tuple[dict, ...] = (),
    popup_book: PopupBook | None = None,
) -> folium.Map:
    """Compose the map of the shown exercises.

    Parameters
    ----------
    regions : geopandas.GeoDataFrame
        Every valid region (EPSG:4326).
    geometries : RegionGeometries
        From :func:`layers.regions.region_geometries`; built with the dataset's exercises, it
        carries their popup lines too, so a caller drawing many views of one dataset builds
        them once.
    shown : pandas.DataFrame
        The exercises in the view.
    assets : AssetUrls
        Where Leaflet, the land layer and the map's helpers (:mod:`layers.maphelpers`) are served.
    selected : str, optional
        ``exercise_id`` to outline and fit; it must be among ``shown``.
    region : str, optional
        ``region_id`` to outline and fit when no exercise is selected.
    map_view : tuple of (float, float, int), optional
        Latitude, longitude and zoom from a shared link; overrides fitting.
    routes : geopandas.GeoDataFrame, optional
        Valid routes (``Dataset.routes``); those of the shown exercises are drawn above
        the regions. None or empty: no routes layer.
    tiles : bool, default True
        Whether to add the online tile basemaps.
    extra_layers : tuple of folium.FeatureGroup
        The user's own layers (a pasted notice, an uploaded file), drawn above the drill layers.
        When the assets serve the Leaflet plugins, the draw and measure tools are added too.
    fit : list, optional
        ``[[south, west], [north, east]]`` to fit instead of the selection or the shown regions
        (the app passes the bounds of a freshly pasted notice or uploaded layer).
    with_regions : bool, default True
        False leaves out the region groups and routes (the map still fits and labels the shown
        exercises): playback passes each month's regions to ``st_folium(feature_group_to_add=…)``,
        which swaps them without remounting the map.
    used_regions : geopandas.GeoDataFrame, optional
        ``geodata.filters.regions_for(regions, shown)`` when the caller has it already;
        computed here when not given.
    observations : pandas.DataFrame, optional
        Valid observations (``Dataset.observations``); the placed ones of the shown exercises
        are drawn as points above the routes (:func:`layers.observations.observation_layer`).
    observation_popups : mapping, optional
        Their popup blocks built once per dataset (:func:`layers.observations.observation_popups`).
    snapshot : tuple of (str, str), optional
        The citation and file name of the map's "save as PNG" button
        (:func:`layers.snapshot.snapshot_control`); added when the assets serve the plugins.
    layers : tuple of str, optional
        The layers (ids of :data:`geodata.query.LAYER_IDS`) a link switches on; every other
        layer with an id is switched off. None keeps each layer's default.
    drawings : tuple of dict
        Shapes the reader drew (GeoJSON features as Leaflet.draw gives them), put back on the map
        as drawings: in the draw tool's layer, in its style, deletable with its bin.
    popup_book : PopupBook, optional
        The dataset's :func:`dataset_popup_book`. Where the assets serve it (``assets.popups``),
        the popups of the regions, routes and observations refer to it and the map fetches it
        once its outlines are drawn; otherwise every popup is written into the map.

    Returns
    -------
    folium.Map
        A new map on every call: st_folium mutates the map it is given, so a map must
        never be cached or reused.
    """
    used = regions_for(regions, shown) if used_regions is None else used_regions
    focus = None
    outline_label = None
    if selected is not None:
        record = shown.loc[shown["exercise_id"] == selected].iloc[0]
        focus = regions.loc[regions["region_id"].isin(record["region_id_list"])]
        outline_label = f"Selected: {record['name']}"
    elif region is not None:
        focus = regions.loc[regions["region_id"] == region]
        outline_label = f"Selected: {focus.iloc[0]['name']}"
    bounds = with_context(fit or (bounds_of(focus) if focus is not None else landing_bounds(used)))
    m = base_map(assets, bounds=bounds, view=map_view, tiles=tiles)
    everything = with_context(bounds_of(used))
    if everything is not None and everything != bounds:
        show_all_control(everything, region_boxes(used)).add_to(m)
    OutlineDecoder().add_to(m)
    tolerance = outline_level_of(assets, bounds, map_view)
    land = land_layer(assets.land_geojson) if assets.land_geojson else None
    if land is not None:
        land.add_to(m)
    lines = geometries.popup_lines or None
    book = popup_book if assets.popups else None
    if book is not None:
        PopupBookLoader(assets.popups).add_to(m)
    region_groups = region_layers(used, shown, geometries, tolerance, lines, book) if with_regions else []
    for fg in region_groups:
        fg.add_to(m)
    routes_fg = route_layer(routes, shown, selected, book) if routes is not None and with_regions else None
    if routes_fg is not None:
        routes_fg.add_to(m)
    points_fg = (observation_layer(observations, shown, observation_popups, selected, book)
                 if observations is not None and with_regions else None)
    if points_fg is not None:
        points_fg.add_to(m)
    overlays = [*region_groups, routes_fg, points_fg, *extra_layers]
    if not used.empty:  # playback names every shown region's place while the months light them up
        labels_layer(used, geometries.labels or None, assets.towns).add_to(m)
    if outline_label is not None:
        selection_layer(focus, geometries, outline_label, tolerance).add_to(m)
    if assets.outlines:
        OutlineDetail(assets.outlines).add_to(m)
    for fg in extra_layers:
        fg.add_to(m)
    if assets.plugins:
        draw_control(assets, drawings_layer(drawings).add_to(m)).add_to(m)
        measure_control(assets).add_to(m)
        if snapshot is not None:
            snapshot_control(assets, *snapshot).add_to(m)
    groups = [g for g in GROUP_COLOURS if g in set(used["style_group"])]
    references = reference_legend_outlines(extra_layers, layers)
    if groups or references:
        legend(
            "Drills by domain" if groups else "Reference layers",
            [(GROUP_LABELS[g], GROUP_COLOURS[g]) for g in groups]
            + ([(LEGEND_LABEL, OBSERVATION_COLOUR)] if points_fg is not None else []),
            "Routes are schematic." + (f" {REFERENCE_NOTE}" if references else ""),
            scale=fill_scale(int(used["exercise_count"].max())) if groups else (),
            outlines=[*(PLACE_OUTLINES if groups else ()), *references],
            strokes=getattr(routes_fg, "legend_lines", []),
        ).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    tagged = {layer.layer_id: layer for layer in (land, *overlays) if getattr(layer, "layer_id", None)}
    for layer_id, layer in tagged.items() if layers is not None else ():
        layer.show = layer_id in layers
    view_sync(tagged, built=map_params(map_view, layers) if with_regions else None).add_to(m)
    if assets.helpers:
        serve_helpers(m, scripts_of(assets, "drill_atlas_map", assets.helpers))
    stable_ids(m)
    return m

