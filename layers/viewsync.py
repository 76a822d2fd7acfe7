"""Keep the browser's address bar in step with the map view, without rerunning the app.

The map lives in an iframe of the same origin. After the user pans or zooms, a few lines of
JavaScript write ``lat``, ``lon`` and ``z`` into the page URL with ``history.replaceState``:
the address bar stays a share link to exactly this view, and Streamlit is not told, so
panning causes no rerun. The app reads the three values once, when a link is opened.

Only moves that follow the reader's own input (pointer, wheel, touch or key on the map) are
written. The map also moves by itself — fitting the filtered regions, or when its frame is
resized — and writing those would pin a view the reader never chose, change the address bar
under a reader who is about to copy it, and make a link stop following the filter.
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from geodata.query import COORDINATE_DECIMALS, PARAM_LAT, PARAM_LON, PARAM_ZOOM


class _ViewSync(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var map = {{ this._parent.get_name() }};
                function writeView() {
                    try {
                        var centre = map.getCenter();
                        var url = new URL(window.parent.location.href);
                        url.searchParams.set({{ this.lat|tojson }}, centre.lat.toFixed({{ this.decimals }}));
                        url.searchParams.set({{ this.lon|tojson }}, centre.lng.toFixed({{ this.decimals }}));
                        url.searchParams.set({{ this.zoom|tojson }}, String(map.getZoom()));
                        window.parent.history.replaceState(window.parent.history.state, "", url.toString());
                    } catch (error) {
                        console.warn("map view not written to the URL", error);
                    }
                }
                var readerMoved = false;
                ["pointerdown", "wheel", "touchstart", "keydown"].forEach(function (type) {
                    map.getContainer().addEventListener(type, function () { readerMoved = true; },
                                                        {capture: true, passive: true});
                });
                map.on("moveend", function () { if (readerMoved) { writeView(); } });
            })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "ViewSync"
        self.lat, self.lon, self.zoom = PARAM_LAT, PARAM_LON, PARAM_ZOOM
        self.decimals = COORDINATE_DECIMALS


def view_sync() -> MacroElement:
    """Return the element that writes the user's map view into the page URL (add it to the map)."""
    return _ViewSync()
