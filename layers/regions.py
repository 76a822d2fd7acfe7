"""Region layers: one GeoJson layer per style group, never one per polygon."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.filters import bounds_of
from layers.basemap import AREAS_PANE
from layers.folium_internals import FastGeoJson
from layers.labels import region_labels
from layers.outlines import DETAIL_TOLERANCE_DEG, LEVELS, level_folder, outline_file, outline_level
from layers.popups import (
    PopupBook,
    bind_feature_html,
    escape_html,
    exercise_blocks,
    popup_value,
    region_popup_frame,
    region_popup_pieces,
    region_tooltip_html,
)
from layers.styles import GROUP_COLOURS, GROUP_LAYER_NAMES, SELECTED_COLOUR, highlight_style, region_style

SEA_PANE = "overlayPane"
REGION_CLASS = "da-region"
"""CSS class of every drill-region path, so a page (or a test) can tell regions from routes."""


MAP_SIZE_PX = (1000, 600)
"""Width and height the map is assumed to have when its opening zoom is estimated."""


@dataclass(frozen=True)
class RegionGeometries:
    """What every map of one dataset draws, prepared once: outlines at each level, place names, popup lines.

    Build once per dataset with :func:`region_geometries`; never modify (the app shares one
    across sessions).
    """

    levels: Mapping[float, Mapping[str, dict]]
    """Encoded outline of every region by level tolerance, then ``region_id``
    (:data:`layers.outlines.LEVELS`, :func:`layers.outlines.outline_level`)."""
    labels: Mapping[str, dict] = field(default_factory=dict)
    """Each region's place name on the map (:func:`layers.labels.region_labels`)."""
    popup_lines: Mapping[str, str] = field(default_factory=dict)
    """Each exercise's line in the region popups by ``exercise_id`` (:func:`layers.popups.exercise_blocks`);
    empty when built without the exercises: the popups then build the shown exercises' lines."""
    nearby_towns: Mapping[str, tuple] = field(default_factory=dict)
    """The towns each small land area lies near, by ``region_id`` (:func:`geodata.towns.region_towns`),
    for its popup; empty when built without towns."""
    extra_files: Mapping[str, bytes] = field(default_factory=dict)
    """Other files published with the outlines, by path below their folder: the reference layers'
    files (:func:`layers.reference.reference_files`), which a map fetches when they are switched on."""

    def outlines(self, tolerance: float = DETAIL_TOLERANCE_DEG) -> Mapping[str, dict]:
        """Return every region's encoded outline at the level of ``tolerance``."""
        return self.levels[tolerance]

    def outline_files(self) -> dict[str, bytes]:
        """Return every region's outline at every level as the files the browser fetches as it zooms in.

        Keys are paths below the published folder: ``<level>/<region_id>.json``, and the paths of
        :attr:`extra_files` (``reference/<kind>.json``).
        """
        return {
            **{
                f"{level_folder(tolerance)}/{region_id}.json": outline_file(outline)
                for tolerance, outlines in self.levels.items()
                for region_id, outline in outlines.items()
                if outline is not None
            },
            **self.extra_files,
        }


def region_geometries(regions: gpd.GeoDataFrame, exercises: pd.DataFrame | None = None,
                      nearby_towns: Mapping[str, tuple] | None = None) -> RegionGeometries:
    """Encode every region's outline at every level once, keyed by ``region_id``.

    Each level is simplified (topology kept) to its tolerance on its decimal grid
    (:data:`layers.outlines.LEVELS`): a first map sends the coarsest level its zoom allows
    and the browser fetches the detail level for what it zooms into. Measures and exports use
    the full geometry. With the dataset's ``exercises``, each one's popup line is prepared too:
    what every map of the dataset draws is then built once. ``nearby_towns`` are the towns small
    land areas lie near, for their popups (:func:`geodata.towns.region_towns`).
    """
    ids = regions["region_id"].tolist()
    return RegionGeometries(
        levels={
            tolerance: dict(zip(ids, outline_level(regions.geometry.values, tolerance, decimals), strict=True))
            for tolerance, decimals in LEVELS
        },
        labels=region_labels(regions),
        popup_lines=exercise_blocks(exercises) if exercises is not None else {},
        nearby_towns=dict(nearby_towns or {}),
    )


def opening_zoom(bounds: list[list[float]] | None, size_px: tuple[int, int] = MAP_SIZE_PX) -> int | None:
    """Return the zoom Leaflet's ``fitBounds`` gives ``[[south, west], [north, east]]`` on a map of ``size_px``."""
    if bounds is None:
        return None
    (south, west), (north, east) = bounds
    mercator = [np.log(np.tan(np.pi / 4 + np.radians(np.clip(lat, -85, 85)) / 2)) for lat in (south, north)]
    spans = (max(east - west, 1e-6) / 360, max(mercator[1] - mercator[0], 1e-6) / (2 * np.pi))
    return int(np.floor(min(np.log2(size / (256 * span)) for size, span in zip(size_px, spans, strict=True))))


class _Styled(NamedTuple):
    """How a region is drawn: the map needs this when the layer is built, not in the data it sends.

    folium turns a layer's style function into one JavaScript ``switch`` of the distinct styles,
    so a style kept in each feature's properties would be sent a second time, per feature
    (80 bytes each: 0.8 MB of a map of 10,000 regions).
    """

    kind: str
    style_group: str
    style: dict


def _features(
    shown: gpd.GeoDataFrame,
    exercises: pd.DataFrame,
    geometries: RegionGeometries,
    tolerance: float,
    blocks: Mapping[str, str] | None,
    book: PopupBook | None = None,
) -> tuple[list[dict], dict[str, _Styled]]:
    """Return the regions' features (what the page needs of each) and, by ``region_id``, how each is drawn."""
    most = int(shown["exercise_count"].max())
    styles = {}
    outlines = geometries.outlines(tolerance)
    if blocks is None:
        blocks = exercise_blocks(exercises)
    used = ("region_id", "name", "kind", "area_km2", "precision", "coast_km", "exercise_ids", "exercise_count",
            "style_group")
    columns = [column for column in used if column in shown.columns]
    features = []
    table = pd.DataFrame({column: shown[column] for column in columns})  # no geometry: plain pandas, 0.8 ms less
    for region in table.sort_values("area_km2", ascending=False).to_dict("records"):
        held = [blocks[exercise_id] for exercise_id in region["exercise_ids"]]
        events = int(region["exercise_count"])  # an event of several rows (phases, two names) counts once
        features.append(
            {
                "type": "Feature",
                "geometry": outlines[region["region_id"]],
                "properties": {
                    "region_id": region["region_id"],
                    "tooltip": region_tooltip_html(region, events),
                    "popup": popup_value(region_popup_pieces(
                        region, held, events=events, near=geometries.nearby_towns.get(region["region_id"], ())), book),
                },
            }
        )
        styles[region["region_id"]] = _Styled(region["kind"], region["style_group"], region_style(
            region["style_group"], events, most, region.get("precision")))
    return features, styles


def _geojson(features: list[dict], styles: Mapping[str, _Styled], pane: str,
             bounds: list[list[float]] | None, by_reference: bool = False) -> folium.GeoJson:
    return FastGeoJson(
        {"type": "FeatureCollection", "features": features},
        bounds=bounds,
        style_function=lambda feature: styles[feature["properties"]["region_id"]].style,
        highlight_function=lambda feature: highlight_style(styles[feature["properties"]["region_id"]].style_group),
        on_each_feature=bind_feature_html(by_reference=by_reference),
        pane=pane,
        smooth_factor=0.5,
        className=REGION_CLASS,
    )


def _bounds(boxes: list[list[float]]) -> list[list[float]]:
    """Return ``[[south, west], [north, east]]`` around ``[west, south, east, north]`` boxes (as ``bounds_of``)."""
    west, south, east, north = zip(*boxes, strict=True)
    return [[min(south), min(west)], [max(north), max(east)]]


def region_layers(
    shown: gpd.GeoDataFrame,
    exercises: pd.DataFrame,
    geometries: RegionGeometries,
    tolerance: float = DETAIL_TOLERANCE_DEG,
    blocks: Mapping[str, str] | None = None,
    book: PopupBook | None = None,
) -> list[folium.FeatureGroup]:
    """Build the drill-region layers, one FeatureGroup per style group.

    Parameters
    ----------
    shown : geopandas.GeoDataFrame
        Regions to draw, as returned by :func:`geodata.filters.regions_for` (with
        ``exercise_count`` and ``style_group``).
    exercises : pandas.DataFrame
        The shown exercises; each region's popup lists those held there.
    geometries : RegionGeometries
        From :func:`region_geometries`.
    tolerance : float, optional
        Outline level to draw (:func:`layers.outlines.level_for_zoom` of the zoom the map opens
        at); the detail level when not given.
    blocks : mapping, optional
        HTML block of every exercise by id (:func:`layers.popups.exercise_blocks`), built
        once per dataset by the caller; built here for ``exercises`` when not given.
    book : PopupBook, optional
        The dataset's popups file (:func:`layers.compose.dataset_popup_book`, which takes the
        regions' texts from :func:`region_popup_texts`), where the map loads one: the popups
        then refer to it (:func:`layers.popups.popup_value`).

    Returns
    -------
    list of folium.FeatureGroup
        In the order of :data:`layers.styles.GROUP_COLOURS`, only groups that have regions.
        Each holds at most two GeoJson layers: seas, and ``area`` regions in a pane above
        them so that a bay inside a sea stays clickable. Larger regions come first. A small
        region also gets a ring (:func:`small_region_rings`) while there are few of them.
    """
    if shown.empty:
        return []
    features, styles = _features(shown, exercises, geometries, tolerance, blocks, book)
    bounds = shapely.bounds(shown.geometry.values)
    boxes = dict(zip(shown["region_id"].tolist(), bounds.tolist(), strict=True))
    small = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]) < SMALL_REGION_DEG
    rings = int(small.sum()) <= MAX_RINGS
    groups = []
    for group in GROUP_COLOURS:
        members = [f for f in features if styles[f["properties"]["region_id"]].style_group == group]
        if not members:
            continue
        count = len(members)
        fg = folium.FeatureGroup(name=f"{GROUP_LAYER_NAMES[group]} ({count} region{'s' if count != 1 else ''})")
        fg.layer_id = group
        for kind, pane in (("sea", SEA_PANE), ("area", AREAS_PANE)):
            of_kind = [f for f in members if styles[f["properties"]["region_id"]].kind == kind]
            if of_kind:
                bounds = _bounds([boxes[f["properties"]["region_id"]] for f in of_kind])
                _geojson(of_kind, styles, pane, bounds, book is not None).add_to(fg)
        if rings:
            small_region_rings(shown[small & (shown["style_group"] == group).to_numpy()], geometries.labels, fg)
        groups.append(fg)
    return groups


def region_popup_texts(regions: gpd.GeoDataFrame, geometries: RegionGeometries) -> list[str]:
    """Return what every view's region popups share, for a :class:`layers.popups.PopupBook`.

    Each region's own text (:func:`layers.popups.region_popup_frame`) and each exercise's line
    (``geometries.popup_lines``, built with the dataset's exercises).
    """
    used = ("region_id", "name", "area_km2", "precision", "coast_km")
    table = pd.DataFrame({column: regions[column] for column in used if column in regions.columns})
    texts = [text for region in table.to_dict("records")
             for text in region_popup_frame(region, geometries.nearby_towns.get(region["region_id"], ()))]
    return texts + list(geometries.popup_lines.values())


def selection_layer(
    regions: gpd.GeoDataFrame, geometries: RegionGeometries, label: str, tolerance: float = DETAIL_TOLERANCE_DEG
) -> folium.FeatureGroup:
    """Outline the regions of the selected exercise, above everything else, without blocking clicks.

    Parameters
    ----------
    regions : geopandas.GeoDataFrame
        The selected exercise's regions.
    geometries : RegionGeometries
        From :func:`region_geometries`.
    label : str
        Layer name shown in the layer control; it is escaped here because Leaflet's layer
        control inserts names as HTML.
    tolerance : float, optional
        Outline level, as for :func:`region_layers`.
    """
    outlines = geometries.outlines(tolerance)
    features = [
        {"type": "Feature", "geometry": outlines[rid], "properties": {"region_id": rid}}
        for rid in regions["region_id"]
    ]
    fg = folium.FeatureGroup(name=escape_html(label))
    FastGeoJson(
        {"type": "FeatureCollection", "features": features},
        bounds=bounds_of(regions),
        style_function=lambda feature: {"color": SELECTED_COLOUR, "weight": 4, "fillOpacity": 0, "dashArray": "6 4"},
        interactive=False,
        pane=AREAS_PANE,
    ).add_to(fg)
    return fg


SMALL_REGION_DEG = 1.5
"""A region narrower and shorter than this (about 8 px at the landing zoom 3) gets a ring."""
SMALL_REGION_RING_PX = 10
MAX_RINGS = 60
"""Rings are drawn while a map has at most this many small regions: past that they would crowd it
(and each ring is an element of its own, built on every rerun)."""


def small_region_rings(regions: gpd.GeoDataFrame, labels: Mapping[str, dict], group: folium.FeatureGroup) -> None:
    """Ring each of ``regions`` (small ones, :data:`SMALL_REGION_DEG`: a range, a base, a port's waters) on ``group``.

    At the landing zoom the waters off Zhanjiang are 7 px across and a base 4 px; at the zoom a
    playback month opened on, Peace Mission 2012's range in Tajikistan was a 5 px dot under
    "1 exercise active". The ring, a fixed size on screen, says where to look. It sits on the
    region's place-name point (``labels``, :func:`layers.labels.region_labels`) and is hidden from
    the zoom its name shows at (class ``da-until-<zoom>``, :data:`layers.labels.LABEL_CSS`), when the
    region itself is wide enough to see. A click on it opens the region's popup, as a click on the
    region would (the labels' script passes it on): a 20 px target for a 7 px area. The ring is in
    the region's domain colour; :func:`region_layers` picks the small regions.
    """
    for region_id, name, style_group in zip(regions["region_id"], regions["name"], regions["style_group"],
                                            strict=True):
        label = labels.get(region_id)
        if label is None:
            continue
        size = 2 * SMALL_REGION_RING_PX
        ring = (f'<div data-region="{escape_html(region_id)}" title="{escape_html(name)}" style="width:{size}px;'
                f'height:{size}px;border:2.5px solid {GROUP_COLOURS[style_group]};border-radius:50%;'
                'box-sizing:border-box"></div>')
        icon = folium.DivIcon(html=ring, icon_size=(size, size), icon_anchor=(size // 2, size // 2),
                              class_name=f"da-ring da-until-{int(label['minZoom'])}")
        folium.Marker((label["lat"], label["lon"]), icon=icon, keyboard=False).add_to(group)
