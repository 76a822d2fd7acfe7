"""The bundled Natural Earth land layer, fetched by the browser from the app's static files."""

from __future__ import annotations

from branca.element import MacroElement
from folium.map import Layer
from jinja2 import Template

from layers.basemap import LAND_ATTRIBUTION, LAND_PANE
from layers.styles import LAND_STYLE


class _FetchedGeoJson(Layer):
    """A non-interactive GeoJSON layer whose data the browser fetches from a URL.

    Embedding the world's land in every map would add hundreds of kilobytes to each
    rerun; fetched once from a static URL, the browser caches it.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJson(null, {{ this.options|tojson }});
            fetch({{ this.url|tojson }})
                .then(function (response) { return response.json(); })
                .then(function (data) { {{ this.get_name() }}.addData(data); })
                .catch(function (error) { console.warn("land layer not loaded", error); });
        {% endmacro %}
        """
    )

    def __init__(self, url: str, *, name: str, options: dict[str, object]):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "FetchedGeoJson"
        self.url = url
        self.options = options


def land_layer(url: str) -> MacroElement:
    """Return the land backdrop layer, loaded from ``url`` into the land pane.

    Parameters
    ----------
    url : str
        Where the app serves ``geodata/land.geojson`` (see :func:`layers.assets.asset_urls`).
    """
    options = {
        "pane": LAND_PANE,
        "interactive": False,
        "style": dict(LAND_STYLE),
        "attribution": LAND_ATTRIBUTION,
    }
    layer = _FetchedGeoJson(url, name="Land (bundled, works offline)", options=options)
    layer.layer_id = "land"
    return layer
