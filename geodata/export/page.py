"""The dashboard map as one HTML file that opens offline, with the dataset version and filters on it."""

from __future__ import annotations

import folium

from layers.standalone import standalone_html

TITLE = "Drill Atlas"


def caption_text(version: str, description: str, note: str = "") -> str:
    """Return the line an exported map shows: ``Drill Atlas · dataset version … · <filters>[ · note]``."""
    parts = [TITLE, f"dataset version {version}", description]
    if note:
        parts.append(note)
    return " · ".join(parts)


def to_html_bytes(m: folium.Map, *, version: str, description: str, note: str = "") -> bytes:
    """Return a map as a standalone HTML page (UTF-8) that draws from disk with no network.

    Parameters
    ----------
    m : folium.Map
        The map from :func:`layers.compose.dashboard_map`, built with
        ``layers.standalone.inline_asset_urls(land_file)`` as its assets and not shown with
        ``st_folium`` (this adds a caption to it and renders it).
    version : str
        Dataset version, shown on the map and in the page title.
    description : str
        The filters (:func:`geodata.export.describe_view`), shown likewise.
    note : str, default ""
        Anything else the reader must know, such as a land layer that was left out.

    Returns
    -------
    bytes
        The page. Leaflet, its stylesheet and the land layer are ``data:`` URLs inside it;
        tile layers, if the map has them, load when online and are skipped offline. Every
        text from the data is escaped, as in the app.

    Raises
    ------
    ValueError
        If the map would load a script or stylesheet from elsewhere (it was built with
        the app's served asset URLs).
    """
    text = caption_text(version, description, note)
    return standalone_html(m, title=text, caption_text=text).encode("utf-8")
