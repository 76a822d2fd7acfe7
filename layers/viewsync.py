"""Keep the browser's address bar in step with the map view and its layers, without rerunning the app.

The map lives in an iframe of the same origin. After the user pans or zooms, a few lines of
JavaScript write ``lat``, ``lon`` and ``z`` into the page URL with ``history.replaceState``;
after the user switches a layer on or off in the layer control, they write ``layers`` (the
switched-on layers of :data:`geodata.query.LAYER_IDS`, or ``none``). The address bar stays a
share link to exactly this view, and Streamlit is not told, so panning causes no rerun. The app
reads these values once, when a link is opened.

Only moves that follow the reader's own input (pointer, wheel, touch or key on the map) are
written. The map also moves by itself — fitting the filtered regions, or when its frame is
resized — and writing those would pin a view the reader never chose, change the address bar
under a reader who is about to copy it, and make a link stop following the filter.

Streamlit writes the whole address when the app changes a parameter (a drawn shape changes
``shapes``), from what it last knew, which drops the values written here. While the map stays
mounted and the filters are the same, the values are written again (checked twice a second).
After a change of view the app builds a new map, which starts afresh: as it opens it writes the
view and layers it was built with (and removes those it was built without), and the map it
replaces, which may live on for a moment, stops writing (the newest map frame of the page wins).
"""

from __future__ import annotations

from collections.abc import Mapping

from branca.element import MacroElement
from folium.map import Layer
from jinja2 import Template

from geodata.query import (
    COORDINATE_DECIMALS,
    LAYERS_NONE,
    MAP_PARAMS,
    PARAM_LAT,
    PARAM_LAYERS,
    PARAM_LON,
    PARAM_SHAPES,
    PARAM_VERSION,
    PARAM_ZOOM,
)

REAPPLY_MS = 500


class _ViewSync(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var map = {{ this._parent.get_name() }};
                var layers = {
                    {%- for layer_id, layer in this.layers.items() %}
                    {{ layer_id|tojson }}: {{ layer.get_name() }},
                    {%- endfor %}
                };
                var mine = {};
                var filters = null;
                var epoch = 0;
                function newest() {
                    try { return window.parent.__drillAtlasMapEpoch === epoch; } catch (error) { return false; }
                }
                {%- if this.built is not none %}
                try {
                    epoch = window.parent.__drillAtlasMapEpoch = (window.parent.__drillAtlasMapEpoch || 0) + 1;
                    var opened = new URL(window.parent.location.href);
                    var before = opened.toString();
                    var built = {{ this.built|tojson }};
                    {{ this.params|tojson }}.forEach(function (key) {
                        if (key in built) { opened.searchParams.set(key, built[key]); }
                        else { opened.searchParams.delete(key); }
                    });
                    if (opened.toString() !== before) {
                        window.parent.history.replaceState(window.parent.history.state, "", opened.toString());
                    }
                } catch (error) {
                    console.warn("map view not written to the URL", error);
                }
                {%- endif %}
                var ignored = [{{ this.shapes|tojson }}, {{ this.version|tojson }}];
                function filtersOf(url) {
                    var copy = new URL(url);
                    Object.keys(mine).concat(ignored).forEach(function (key) { copy.searchParams.delete(key); });
                    copy.searchParams.sort();
                    return copy.search;
                }
                function write(values) {
                    try {
                        Object.assign(mine, values);
                        var url = new URL(window.parent.location.href);
                        Object.keys(mine).forEach(function (key) { url.searchParams.set(key, mine[key]); });
                        filters = filtersOf(url);
                        window.parent.history.replaceState(window.parent.history.state, "", url.toString());
                    } catch (error) {
                        console.warn("map view not written to the URL", error);
                    }
                }
                function writeView() {
                    var centre = map.getCenter();
                    var view = {};
                    view[{{ this.lat|tojson }}] = centre.lat.toFixed({{ this.decimals }});
                    view[{{ this.lon|tojson }}] = centre.lng.toFixed({{ this.decimals }});
                    view[{{ this.zoom|tojson }}] = String(map.getZoom());
                    write(view);
                }
                function writeLayers() {
                    var on = Object.keys(layers).filter(function (id) { return map.hasLayer(layers[id]); });
                    var value = {};
                    value[{{ this.param_layers|tojson }}] = on.length ? on.join(",") : {{ this.none|tojson }};
                    write(value);
                }
                var readerMoved = false;
                var readerToggling = false;
                ["pointerdown", "wheel", "touchstart", "keydown"].forEach(function (type) {
                    map.getContainer().addEventListener(type, function () { readerMoved = true; },
                                                        {capture: true, passive: true});
                });
                map.getContainer().addEventListener("click", function (event) {
                    if (event.target.closest && event.target.closest(".leaflet-control-layers")) {
                        readerToggling = true;
                        setTimeout(function () { readerToggling = false; }, 0);
                    }
                }, {capture: true});
                map.on("moveend", function () { if (readerMoved) { writeView(); } });
                map.on("overlayadd overlayremove", function () { if (readerToggling) { writeLayers(); } });
                setInterval(function () {
                    if (!newest()) { return; }
                    try {
                        var url = new URL(window.parent.location.href);
                        var lost = Object.keys(mine).some(function (key) {
                            return url.searchParams.get(key) !== mine[key];
                        });
                        if (lost && filtersOf(url) === filters) { write({}); }
                    } catch (error) { /* the page is going away */ }
                }, {{ this.every_ms }});
            })();
        {% endmacro %}
        """
    )

    def __init__(self, layers: Mapping[str, Layer], built: Mapping[str, str] | None) -> None:
        super().__init__()
        self.built, self.params = (dict(built) if built is not None else None), list(MAP_PARAMS)
        self._name = "ViewSync"
        self.lat, self.lon, self.zoom = PARAM_LAT, PARAM_LON, PARAM_ZOOM
        self.param_layers, self.none = PARAM_LAYERS, LAYERS_NONE
        self.shapes, self.version = PARAM_SHAPES, PARAM_VERSION
        self.decimals = COORDINATE_DECIMALS
        self.layers = dict(layers)
        self.every_ms = REAPPLY_MS


def view_sync(layers: Mapping[str, Layer] | None = None, built: Mapping[str, str] | None = None) -> MacroElement:
    """Return the element that writes the user's map view and layers into the page URL (add it to the map last).

    Parameters
    ----------
    layers : mapping
        Each id of :data:`geodata.query.LAYER_IDS` on the map, to its layer.
    built : mapping, optional
        :func:`geodata.query.map_params` of the view and layers the map is built with: the page's
        main map writes them as it opens. None for a map that is not the view's (playback's),
        which then writes only what the reader does on it, and never re-writes it.
    """
    return _ViewSync(layers or {}, built)
