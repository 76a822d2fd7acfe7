"""Drawing and measuring on the map, with the plugins' files served by the app (no CDN)."""

from __future__ import annotations

from branca.element import MacroElement
from folium.plugins import Draw, MeasureControl
from jinja2 import Template

from layers.assets import DRAW_FOLDER, MEASURE_FOLDER, AssetUrls, scripts_of
from layers.maphelpers import after_tools

DRAW_SHAPES = ("polygon", "rectangle", "circle", "polyline")
DRAWN_STYLE = {"color": "#c0392b", "weight": 2, "className": "da-drawing"}
"""How the reader's drawings look, as drawn and as put back from a link."""
_Draw = after_tools(Draw)
_Measure = after_tools(MeasureControl)


class _Drawings(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup().addTo({{ this._parent.get_name() }});
            window.drawnItems = {{ this.get_name() }};
            (function (drawings, map) {
                {%- if this.features %}
                var style = {{ this.style|tojson }};
                L.geoJSON({{ this.features|tojson }}, {
                    style: function () { return style; },
                    pointToLayer: function (feature, latlng) {
                        return L.circle(latlng, Object.assign({radius: feature.properties.radius}, style));
                    },
                }).eachLayer(function (layer) { drawings.addLayer(layer); });
                {%- endif %}
                map.on("draw:created", function (event) { drawings.addLayer(event.layer); });
            })({{ this.get_name() }}, {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, features: tuple[dict, ...]) -> None:
        super().__init__()
        self._name = "Drawings"
        self.features, self.style = list(features), dict(DRAWN_STYLE)


def drawings_layer(features: tuple[dict, ...] = ()) -> MacroElement:
    """Return the layer of the reader's drawings, holding ``features``; add it to the map before :func:`draw_control`.

    ``features`` are drawings a link put back: GeoJSON features as Leaflet.draw gives them (a
    circle is a Point with ``properties.radius`` in metres), from
    :meth:`geodata.share_token.Drawing.feature`, holding numbers only (``tojson`` escapes the rest).
    They look like fresh drawings and the draw tool's bin deletes them.

    The layer is in the map's first script, so a link's drawings show with the outlines, before
    the draw tool has loaded (:func:`layers.maphelpers.after_tools`). streamlit-folium reads the
    drawings it returns (``all_drawings``) from ``window.drawnItems`` as soon as a shape is made
    (Leaflet.draw's ``draw:created``), in a handler it adds once the map's first script has run:
    the layer is ``window.drawnItems`` from the start (the draw tool's script, which
    streamlit-folium rewrites to name its layer so, sets the same later), and it takes each new
    shape in a handler added before that one.
    """
    return _Drawings(features)


def draw_control(assets: AssetUrls, drawings: MacroElement) -> Draw:
    """Return Leaflet.draw's toolbar for polygons, rectangles, circles and lines (no markers), into ``drawings``.

    The app reads the drawings back (``st_folium(..., returned_objects=["all_drawings"])``) and
    measures them; they stay on the map until deleted. On a served map the toolbar comes once
    the tools' file has loaded (:func:`layers.maphelpers.after_tools`).
    """
    draw = _Draw(
        feature_group=drawings,
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
    draw.tools_url = assets.tools_script
    return draw


MEASURE_UNITS = {
    "nauticalmiles": {"factor": 1 / 1852, "display": "nautical miles", "decimals": 1},
    "sqkilometers": {"factor": 1e-6, "display": "km²", "decimals": 0},
}
"""Units leaflet-measure lacks: nautical miles (how notices give ranges) and square kilometres."""


def measure_control(assets: AssetUrls) -> MeasureControl:
    """Return leaflet-measure's distance and area tool, in kilometres and nautical miles, km² and ha."""
    measure = _Measure(
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
    measure.tools_url = assets.tools_script
    return measure
