"""The Folium map every layer is added to, wired to locally served Leaflet."""

from __future__ import annotations

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from layers.assets import AssetUrls
from layers.folium_internals import KEYBOARD_FOCUS_WITHOUT_SCROLL_JS
from layers.popups import MAX_POPUP_HEIGHT_PX
from layers.styles import SEA_BACKGROUND

LAND_PANE = "land"
LAND_PANE_Z = 150
"""Below Leaflet's tile pane (200): tiles cover the bundled land when they load, and the land
shows through wherever tiles cannot be fetched (offline, air-gapped)."""

AREAS_PANE = "areas"
AREAS_PANE_Z = 420
"""Above the overlay pane (400): small ``area`` regions stay clickable over the seas around them."""

TILE_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
    '&copy; <a href="https://carto.com/attributions">CARTO</a>'
)
LAND_ATTRIBUTION = 'Land: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'

DEFAULT_BOUNDS = [[10.0, 100.0], [62.0, 170.0]]
"""East Asia and the north-western Pacific, where most drills took place."""


class _FocusWithoutScrolling(MacroElement):
    """Let the first click on the map reach the feature under the pointer.

    Leaflet's keyboard handler focuses the map on its first mousedown. The map sits in an
    iframe, so that focus scrolls the Streamlit page to bring the map into view, between the
    button's press and its release: the release lands on another spot, the browser sends the
    click to the map instead of the region, and no popup opens. The map is focused as before,
    with ``preventScroll`` (:data:`layers.folium_internals.KEYBOARD_FOCUS_WITHOUT_SCROLL_JS`).
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        + KEYBOARD_FOCUS_WITHOUT_SCROLL_JS
        + "({{ this._parent.get_name() }});{% endmacro %}"
    )


def base_map(
    assets: AssetUrls,
    *,
    bounds: list[list[float]] | None = None,
    view: tuple[float, float, int] | None = None,
    tiles: bool = True,
) -> folium.Map:
    """Create an empty map that loads Leaflet from ``assets`` instead of public CDNs.

    Parameters
    ----------
    assets : AssetUrls
        Where the app serves Leaflet.
    bounds : list, optional
        ``[[south, west], [north, east]]`` to fit; East Asia if None.
    view : tuple of (float, float, int), optional
        Latitude, longitude and zoom to open at instead of fitting ``bounds``.
    tiles : bool, default True
        Add the CARTO light basemap and OpenStreetMap (both fetched from the internet; the
        bundled land layer shows wherever they fail). False gives no tile requests at all.

    Returns
    -------
    folium.Map
        With the land and areas panes and, if ``tiles``, two base layers. jQuery, Bootstrap
        and the awesome-markers files folium would load are dropped: no element used here
        needs them.
    """
    m = folium.Map(tiles=None, min_zoom=2, max_zoom=12, control_scale=True, zoom_control=True)
    m.default_js = [("leaflet", assets.leaflet_js)]
    m.default_css = [("leaflet_css", assets.leaflet_css)]
    m.get_root().header.add_child(
        Element(
            f"<style>html body .leaflet-container {{ background: {SEA_BACKGROUND}; }}"
            f" .da-short {{ max-height: {MAX_POPUP_HEIGHT_PX}px; overflow-y: auto; min-width: 260px; }}</style>"
        )
    )
    _FocusWithoutScrolling().add_to(m)
    folium.map.CustomPane(LAND_PANE, z_index=LAND_PANE_Z, pointer_events=False).add_to(m)
    folium.map.CustomPane(AREAS_PANE, z_index=AREAS_PANE_Z, pointer_events=True).add_to(m)
    if tiles:
        folium.TileLayer(
            "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
            name="Light basemap (online)",
            attr=TILE_ATTRIBUTION,
            subdomains="abcd",
            max_zoom=19,
        ).add_to(m)
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", show=False).add_to(m)
    if view is not None:
        m.location = [view[0], view[1]]
        m.options["zoom"] = view[2]
    else:
        m.fit_bounds(bounds or DEFAULT_BOUNDS)
    return m
