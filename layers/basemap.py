"""The Folium map every layer is added to, wired to locally served Leaflet."""

from __future__ import annotations

import math

import folium
import geopandas as gpd
import shapely
from branca.element import Element, MacroElement
from folium.utilities import JsCode

from geodata.query import MAP_VIEW_PARAMS, PARAM_SELECTED
from layers.assets import AssetUrls
from layers.folium_internals import KEYBOARD_FOCUS_WITHOUT_SCROLL_JS
from layers.maphelpers import HelperCall, helper
from layers.popups import MAX_POPUP_HEIGHT_PX
from layers.styles import SEA_BACKGROUND, SELECTED_COLOUR

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


ATTRIBUTION_CLEARANCE_PX = 130
"""Room the attribution leaves at the map's left for the scale bar (Leaflet's ``maxWidth`` 100 px and margins)."""

CREDITS_FONT_PX = 12
"""Leaflet's own size for the credits and the scale bar, which folium's 1rem map text overrides."""

MAP_CSS = (
    f"html body .leaflet-container {{ background: {SEA_BACKGROUND}; }}"
    # A popup never wider than the map minus its controls (on a 390 px phone too).
    " .leaflet-popup-content { max-width: calc(100vw - 110px); overflow-wrap: break-word; }"
    # The attribution (bottom right) wraps before it reaches the scale bar (bottom left, at most
    # 100 px wide): with the tiles' credits it is about 390 px, wider than what a phone's map leaves.
    f" .leaflet-control-attribution {{ max-width: calc(100vw - {ATTRIBUTION_CLEARANCE_PX}px); }}"
    # folium sets the map's text to 1rem (16 px); the credits and the scale keep Leaflet's own 12 px,
    # a quarter less of the map's bottom right (on a phone 67 -> 50 px high).
    f" .leaflet-control-attribution, .leaflet-control-scale-line {{ font-size: {CREDITS_FONT_PX}px; }}"
    f" .da-popup {{ max-height: {MAX_POPUP_HEIGHT_PX}px; overflow-y: auto; font-size: 13px; line-height: 1.4; }}"
    " .da-popup .da-title { font-weight: 600; font-size: 14px; }"
    " .da-meta { color: #555; }"
    " .da-lines { margin: 6px 0 0; padding-left: 16px; } .da-lines li { margin: 2px 0; }"
    " .da-badge { font-size: 11px; background: #fdecc8; color: #6b4500; border-radius: 3px; padding: 0 4px; }"
    # A clicked shape gets no focus rectangle; a keyboard user still sees which one has focus.
    " path.leaflet-interactive:focus { outline: none; }"
    f" path.leaflet-interactive:focus-visible {{ stroke: {SELECTED_COLOUR}; stroke-width: 4px; }}"
    # The exercise list beside the map marks a row's regions and routes (view/exercise_list.js).
    f" .da-hovering path.leaflet-interactive:not(.da-hover) {{ opacity: 0.3; }}"
    f" path.da-hover {{ stroke: {SELECTED_COLOUR}; stroke-width: 5px; stroke-opacity: 1; stroke-dasharray: none; }}"
    " .da-show-all { background: #fff; font: 600 12px/26px sans-serif; padding: 0 8px; cursor: pointer;"
    "   border: 2px solid rgba(0,0,0,0.2); background-clip: padding-box; }"
    " .da-show-all-more { display: block; font-size: 11px; line-height: 11px; margin: -6px 0 4px; color: #8a4b00; }"
    # The legend's route lines (layers.legend._stroke_svg).
    " .da-stroke { margin-right: 6px; vertical-align: 1px; }"
    " .da-stroke line { stroke: #444; stroke-width: 2.5px; stroke-linecap: round; }"
)


FOCUS_LINKS_JS = """function (selected, viewParams) {
            document.addEventListener("click", function (event) {
                var link = event.target.closest ? event.target.closest("a[data-focus]") : null;
                if (!link) { return; }
                event.preventDefault();
                if (window.parent === window) { return; }
                try {
                    var url = new URL(window.parent.location.href);
                    url.searchParams.set(selected, link.getAttribute("data-focus"));
                    viewParams.forEach(function (name) { url.searchParams.delete(name); });
                    // The map's frame is sandboxed without top navigation: a link of the page
                    // itself, clicked, navigates as the page would.
                    var anchor = window.parent.document.createElement("a");
                    anchor.href = url.toString();
                    window.parent.document.body.appendChild(anchor);
                    anchor.click();
                    anchor.remove();
                } catch (error) {
                    console.warn("could not open the exercise", error);
                }
            }, true);  // capture: Leaflet stops clicks from bubbling out of a popup
        }"""
FOCUS_LINKS = helper("focusLinks", FOCUS_LINKS_JS)


class _FocusLinks(HelperCall):
    """Open the page focused on an exercise when a popup's exercise link is clicked.

    Region popups list their exercises as links carrying ``data-focus``
    (:func:`layers.popups.exercise_line_html`). A click opens the page's own link with
    ``selected`` set to that exercise (and the map view dropped, so the map fits it): the details
    panel opens and the link is a share link to it. On a page that is not inside the app (the
    offline HTML export) the links do nothing.
    """

    helper_name = FOCUS_LINKS

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusLinks"
        self.selected = PARAM_SELECTED
        self.view_params = list(MAP_VIEW_PARAMS)

    def arguments(self) -> list[object]:
        return [self.selected, self.view_params]


class _FocusWithoutScrolling(HelperCall):
    """Let the first click on the map reach the feature under the pointer.

    Leaflet's keyboard handler focuses the map on its first mousedown. The map sits in an
    iframe, so that focus scrolls the Streamlit page to bring the map into view, between the
    button's press and its release: the release lands on another spot, the browser sends the
    click to the map instead of the region, and no popup opens. The map is focused as before,
    with ``preventScroll`` (:data:`layers.folium_internals.KEYBOARD_FOCUS_WITHOUT_SCROLL_JS`).
    """

    helper_name = helper("focusWithoutScrolling", KEYBOARD_FOCUS_WITHOUT_SCROLL_JS.strip()[1:-1])

    def arguments(self) -> list[object]:
        return [JsCode(self._parent.get_name())]


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
    m.default_js = [("leaflet", assets.map_script or assets.leaflet_js)]  # with the plugins, where served so
    m.default_css = [("leaflet_css", assets.leaflet_css)]
    m.get_root().header.add_child(Element(f"<style>{MAP_CSS}</style>"))
    _FocusWithoutScrolling().add_to(m)
    _FocusLinks().add_to(m)
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


SHOW_ALL_JS = """function (map, bounds, boxes) {
                var ShowAll = L.Control.extend({
                    options: {position: "topleft"},
                    onAdd: function () {
                        var button = L.DomUtil.create("button", "da-show-all leaflet-bar");
                        button.type = "button";
                        L.DomEvent.disableClickPropagation(button);
                        L.DomEvent.on(button, "click", function (event) {
                            L.DomEvent.preventDefault(event);
                            map.fitBounds(bounds);
                        });
                        var count = function () {
                            var view = map.getBounds(), outside = 0;
                            boxes.forEach(function (box) {
                                var area = L.latLngBounds([box[0], box[1]], [box[2], box[3]]);
                                if (!view.intersects(area)) { outside += 1; }
                            });
                            button.textContent = "All";
                            if (outside) {  // under "All", so the button stays as narrow as the zoom buttons
                                var more = L.DomUtil.create("span", "da-show-all-more", button);
                                more.textContent = "+" + outside;
                            }
                            var regions = outside === 1 ? " region" : " regions";
                            button.title = outside
                                ? outside + regions + " of this view outside the map: show every region"
                                : "Show every region of this view";
                            button.setAttribute("aria-label", button.title);
                        };
                        map.on("moveend", count);
                        map.whenReady(count);
                        return button;
                    }
                });
                new ShowAll().addTo(map);
            }"""


class _ShowAll(HelperCall):
    helper_name = helper("showAll", SHOW_ALL_JS)

    def __init__(self, bounds: list[list[float]], boxes: list[list[float]]) -> None:
        super().__init__()
        self._name = "ShowAll"
        self.bounds = bounds
        self.boxes = boxes

    def arguments(self) -> list[object]:
        return [JsCode(self._parent.get_name()), self.bounds, self.boxes]


def region_boxes(regions: gpd.GeoDataFrame) -> list[list[float]]:
    """Return ``[south, west, north, east]`` of each region, widened to whole tenths of a degree.

    Enough to tell whether a region lies in the map's view, in a few bytes a region. Built on every
    map, so from ``shapely.bounds`` as :func:`geodata.filters.landing_bounds` does (0.04 ms for 40
    regions, where ``GeoSeries.bounds`` makes a DataFrame: 0.45 ms).
    """
    bounds = shapely.bounds(regions.geometry.values).tolist()
    return [[math.floor(south * 10) / 10, math.floor(west * 10) / 10, math.ceil(north * 10) / 10,
             math.ceil(east * 10) / 10] for west, south, east, north in bounds]


def show_all_control(bounds: list[list[float]], boxes: list[list[float]]) -> MacroElement:
    """Return a map button, "All", that fits ``[[south, west], [north, east]]``: every region of the view.

    The map opens on the waters where most shown exercises took place
    (:func:`geodata.filters.landing_bounds`); this is the way to see the rest. The button counts
    the regions (``boxes``, from :func:`region_boxes`) that lie outside the map as it moves ("+2"
    under "All"), so a reader knows the heading's regions are not all in sight.
    """
    return _ShowAll(bounds, boxes)


WIDEN_TO_SHOW_JS = """function (map, bounds) {
                var wanted = L.latLngBounds(bounds), controls = [60, 20], edge = [20, 20];
                setTimeout(function () {  // once the month's layers are on the map
                    var size = map.getSize(), centre = map.latLngToContainerPoint(wanted.getCenter());
                    var seen = centre.x >= controls[0] && centre.x <= size.x - edge[0] &&
                               centre.y >= controls[1] && centre.y <= size.y - edge[1];
                    if (!seen) {
                        map.flyToBounds(map.getBounds().extend(wanted),
                                        {paddingTopLeft: controls, paddingBottomRight: edge, duration: 0.6});
                    }
                }, 0);
            }"""
"""Widen the view to take in ``bounds`` too when their centre is out of sight: outside the map, or
under the buttons down its left side (Peace Mission 2012 lay 5 px wide under the zoom buttons)."""


class _WidenToShow(HelperCall):
    helper_name = helper("widenToShow", WIDEN_TO_SHOW_JS)

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "WidenToShow"
        self.bounds = bounds

    def arguments(self) -> list[object]:
        return [JsCode(self._parent._parent.get_name()), self.bounds]


def widen_to_show(group: folium.FeatureGroup, bounds: list[list[float]]) -> folium.FeatureGroup:
    """Make ``group``, once on a map, widen the map's view to ``bounds`` too when they are out of sight.

    Playback swaps each month's layers into a map the reader may have panned or zoomed: a month
    whose exercises were all out of sight (Peace Mission 2012 in Tajikistan, under a map of the East
    Asian seas, 5 px wide under the zoom buttons) showed an empty map under "1 exercise active". When
    the centre of ``bounds`` is outside the map or under its buttons, the view grows to take them in;
    any other month leaves the reader's view as it is. ``group`` must be added to
    the map (as streamlit-folium's ``feature_group_to_add`` is) before it is rendered.
    """
    _WidenToShow(bounds).add_to(group)
    return group
