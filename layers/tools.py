"""Drawing and measuring on the map, with the plugins' files served by the app (no CDN)."""

from __future__ import annotations

from folium.plugins import Draw, MeasureControl

from layers.assets import DRAW_FOLDER, MEASURE_FOLDER, AssetUrls

DRAW_SHAPES = ("polygon", "rectangle", "circle", "polyline")


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
            **{shape: {"shapeOptions": {"color": "#c0392b", "weight": 2}} for shape in DRAW_SHAPES},
        },
        edit_options={"edit": False},
    )
    draw.default_js = [("leaflet_draw_js", f"{assets.plugins}/{DRAW_FOLDER}/leaflet.draw.js")]
    draw.default_css = [("leaflet_draw_css", f"{assets.plugins}/{DRAW_FOLDER}/leaflet.draw.css")]
    return draw


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
    measure.default_js = [("leaflet_measure_js", f"{assets.plugins}/{MEASURE_FOLDER}/leaflet-measure.min.js")]
    measure.default_css = [("leaflet_measure_css", f"{assets.plugins}/{MEASURE_FOLDER}/leaflet-measure.css")]
    return measure
