"""A dashboard map saved as one HTML file that opens offline, from disk, with nothing fetched.

In the app the browser loads Leaflet and the land layer from the app's static files (see
:mod:`layers.assets`). A saved page has no app behind it, so here the same :class:`AssetUrls`
carry the files themselves as ``data:`` URLs: the map built from them is the app's map, byte
for byte the same layers, and :func:`standalone_html` checks that nothing else is loaded.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import folium
from branca.element import MacroElement
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from geodata.problems import DataError
from layers.assets import LEAFLET_DIR, SOURCE_MAP_COMMENT, AssetUrls, encoded_land, encoded_towns
from layers.popups import escape_html

_CSS_IMAGE = re.compile(r"url\((['\"]?)images/([A-Za-z0-9_.-]+\.png)\1\)")
_EXTERNAL_LOAD = re.compile(
    r"<(?:script|link)\b[^>]*?\b(?:src|href)=[\"'](?!data:)([^\"']*)|\bfetch\(\s*\"(?!data:)([^\"]*)\""
    r"|\"url\":\s*\"(?!data:)([^\"]*)\"",
    re.IGNORECASE,
)
"""A script, stylesheet or fetched layer (the land; the towns, whose ``url`` the labels fetch) that does not
come from inside the page."""


def data_url(content: bytes, media_type: str) -> str:
    """Return ``content`` as a base64 ``data:`` URL of the given media type."""
    return f"data:{media_type};base64,{base64.b64encode(content).decode('ascii')}"


def _leaflet_css() -> bytes:
    """Leaflet's stylesheet with its icons (layer control, markers) inlined, since a data: URL has no folder."""
    css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    inlined = _CSS_IMAGE.sub(
        lambda match: f'url("{data_url((LEAFLET_DIR / "images" / match.group(2)).read_bytes(), "image/png")}")', css
    )
    return inlined.encode("utf-8")


def _leaflet_js() -> bytes:
    """Leaflet's script without its source-map comment, which would point at a file that is not there."""
    return SOURCE_MAP_COMMENT.sub("\n", (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")).encode("utf-8")


def inline_asset_urls(land_file: Path | None, towns_file: Path | None = None) -> AssetUrls:
    """Return asset URLs that hold Leaflet, the land layer and the towns themselves, for a map saved to a file.

    Pass the result to :func:`layers.compose.dashboard_map` instead of
    :func:`layers.assets.asset_urls`; the app's served mode is unchanged.

    Parameters
    ----------
    land_file : pathlib.Path or None
        The land GeoJSON to embed; None, or a path that does not exist, leaves the land
        layer out (the map still draws, on the sea colour).
    towns_file : pathlib.Path or None
        The towns to embed (:func:`layers.assets.encoded_towns`, about 120 KB as a data URL); None,
        or an unusable file, leaves them out.

    Returns
    -------
    AssetUrls
        ``data:`` URLs of Leaflet's script and stylesheet (with its icons) from the
        XStatic-Leaflet package, and of the land file.
    """
    land = None
    if land_file is not None and Path(land_file).is_file():
        try:
            land = data_url(encoded_land(Path(land_file)), "application/json")
        except DataError:
            land = None
    towns = None
    if towns_file is not None:
        try:
            towns = data_url(encoded_towns(Path(towns_file)), "application/json")
        except DataError:
            towns = None
    return AssetUrls(
        leaflet_js=data_url(_leaflet_js(), "text/javascript"),
        leaflet_css=data_url(_leaflet_css(), "text/css"),
        land_geojson=land,
        towns=towns,
    )


class _Caption(MacroElement):
    """A line of plain text along the bottom left of the map, set with textContent (never parsed as HTML)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.control({position: "bottomleft"});
            {{ this.get_name() }}.onAdd = function () {
                var div = L.DomUtil.create("div", "da-caption");
                div.style.cssText = "background:rgba(255,255,255,0.92);padding:3px 8px;border-radius:4px;"
                    + "font:12px/1.4 sans-serif;max-width:70vw;box-shadow:0 1px 4px rgba(0,0,0,0.3)";
                div.textContent = {{ this.text_literal }};
                return div;
            };
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str):
        super().__init__()
        self._name = "Caption"
        self.text = text
        # A JavaScript string literal with braces and "<" as \u escapes: branca renders this
        # element's output once more as a Jinja template, where "{{" in the text would run.
        self.text_literal = str(htmlsafe_json_dumps(text)).replace("{", "\\u007b").replace("}", "\\u007d")


class _BelowMap(MacroElement):
    """HTML placed in the page after the map's own element (the figure's html, in render order)."""

    _template = Template("{% macro html(this, kwargs) %}{{ this.content }}{% endmacro %}")

    def __init__(self, content: str):
        super().__init__()
        self._name = "BelowMap"
        self.content = content


def caption(text: str) -> MacroElement:
    """Return a map control showing ``text`` as plain text at the bottom left (add it to the map)."""
    return _Caption(text)


def standalone_html(m: folium.Map, *, title: str, caption_text: str, below_html: str = "") -> str:
    """Render a map built with :func:`inline_asset_urls` as one self-contained HTML page.

    Parameters
    ----------
    m : folium.Map
        A map made for this page: it gets the caption control and is rendered, so do not
        also hand it to ``st_folium``.
    title : str
        Page title (escaped here).
    caption_text : str
        Line shown on the map, such as the dataset version and the filters (plain text).
    below_html : str, default ""
        HTML put after the map, which the reader scrolls to. It is rendered as a Jinja template
        once more, like every element's output: escape its text with
        :func:`layers.popups.escape_html`, which also escapes braces.

    Returns
    -------
    str
        The HTML document.

    Raises
    ------
    ValueError
        If the page would load a script, a stylesheet or the land layer from anywhere (a
        CDN, the app's ``/app/static/`` folder): the map was not built with
        :func:`inline_asset_urls`.
    """
    caption(caption_text).add_to(m)
    if below_html:
        _BelowMap(below_html).add_to(m)
    m.get_root().title = escape_html(title)
    page = m.get_root().render()
    external = sorted({tag or fetched or named for tag, fetched, named in _EXTERNAL_LOAD.findall(page)})
    if external:
        raise ValueError(
            "the page would load " + ", ".join(external[:3]) + " from outside the file; build the map with "
            "layers.standalone.inline_asset_urls(...)"
        )
    return page
