"""Drawing and measuring on the map, with the plugins' files served by the app (no CDN)."""

from __future__ import annotations

from branca.element import MacroElement
from folium.plugins import Draw, MeasureControl
from jinja2 import Template

from layers.assets import DRAW_FOLDER, MEASURE_FOLDER, AssetUrls, scripts_of

DRAW_SHAPES = ("polygon", "rectangle", "circle", "polyline")
DRAWN_STYLE = {"color": "#c0392b", "weight": 2, "className": "da-drawing"}
"""How the reader's drawings look, as drawn and as put back from a link."""


def draw_control(assets: AssetUrls) -> Draw:
    """Return Leaflet.draw's toolbar for polygons, rectangles, circles and lines (no markers).

    The app reads the last drawn shape back (``st_folium(..., returned_objects=
    ["last_active_drawing"])``) and measures it; drawings stay on the map until deleted.
    """
    draw = Draw(
        position="topleft",
        draw_options={
            "marker": False,
            "circlemarker": False,
            **{shape: {"shapeOptions": dict(DRAWN_STYLE)} for shape in DRAW_SHAPES},
        },
        edit_options={"edit": False},
    )
    draw.default_js = scripts_of(assets, "leaflet_draw_js", f"{assets.plugins}/{DRAW_FOLDER}/leaflet.draw.js")
    draw.default_css = [("leaflet_draw_css", f"{assets.plugins}/{DRAW_FOLDER}/leaflet.draw.css")]
    return draw


class _DrawnShapes(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var style = {{ this.style|tojson }};
                L.geoJSON({{ this.features|tojson }}, {
                    style: function () { return style; },
                    pointToLayer: function (feature, latlng) {
                        return L.circle(latlng, Object.assign({radius: feature.properties.radius}, style));
                    },
                }).eachLayer(function (layer) { drawnItems_{{ this.draw.get_name() }}.addLayer(layer); });
            })();
        {% endmacro %}
        """
    )

    def __init__(self, draw: Draw, features: tuple[dict, ...]) -> None:
        super().__init__()
        self._name = "DrawnShapes"
        self.draw, self.features, self.style = draw, list(features), dict(DRAWN_STYLE)


def drawn_shapes(draw: Draw, features: tuple[dict, ...]) -> MacroElement:
    """Put the reader's drawings back on the map, into the draw tool's own layer (add it right after ``draw``).

    ``features`` are GeoJSON features as Leaflet.draw gives them (a circle is a Point with
    ``properties.radius`` in metres), from :meth:`geodata.share_token.Drawing.feature`. They
    look like fresh drawings, the bin deletes them, and ``st_folium``'s ``all_drawings`` lists
    them with what the reader draws next, so a link keeps carrying them. The features hold
    numbers only; ``tojson`` escapes the rest.
    """
    return _DrawnShapes(draw, features)


MEASURE_UNITS = {
    "nauticalmiles": {"factor": 1 / 1852, "display": "nautical miles", "decimals": 1},
    "sqkilometers": {"factor": 1e-6, "display": "km²", "decimals": 0},
}
"""Units leaflet-measure lacks: nautical miles (how notices give ranges) and square kilometres."""


def measure_control(assets: AssetUrls) -> MeasureControl:
    """Return leaflet-measure's distance and area tool, in kilometres and nautical miles, km² and ha."""
    measure = MeasureControl(
        position="topleft",
        primary_length_unit="kilometers",
        secondary_length_unit="nauticalmiles",
        primary_area_unit="sqkilometers",
        secondary_area_unit="hectares",
        units=MEASURE_UNITS,
    )
    measure.default_js = scripts_of(assets, "leaflet_measure_js",
                                    f"{assets.plugins}/{MEASURE_FOLDER}/leaflet-measure.min.js")
    measure.default_css = [("leaflet_measure_css", f"{assets.plugins}/{MEASURE_FOLDER}/leaflet-measure.css")]
    return measure
