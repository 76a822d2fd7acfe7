"""The dashboard map as one HTML file that opens offline, with the dataset version and filters on it."""

from __future__ import annotations

from pathlib import Path

import folium
import pandas as pd

from geodata import query
from geodata.loaders import Dataset
from layers.compose import dashboard_map
from layers.regions import RegionGeometries, region_geometries
from layers.standalone import inline_asset_urls, standalone_html

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


def view_map_html_bytes(
    dataset: Dataset,
    shown: pd.DataFrame,
    view: query.ViewState,
    description: str,
    *,
    land_file: Path,
    tiles: bool,
    geometries: RegionGeometries | None = None,
) -> tuple[bytes, str]:
    """Draw the map of a view as a standalone page: the app's HTML download and the CLI's ``--format html``.

    A map of its own, never the one given to ``st_folium``. ``geometries`` are the caller's
    prepared outlines and popup lines (:func:`layers.regions.region_geometries`), if it has them.
    Returns the page and a note on anything left out (the land layer when ``land_file`` is
    missing), which the page's caption also shows; ``""`` when nothing is.
    """
    note = "" if land_file.is_file() else f"land layer not included ({land_file.name} is missing)"
    m = dashboard_map(
        dataset.regions,
        geometries or region_geometries(dataset.regions),
        shown,
        inline_asset_urls(land_file),
        selected=view.selected,
        region=view.region,
        map_view=view.map_view,
        routes=dataset.routes,
        tiles=tiles,
        observations=dataset.observations,
    )
    return to_html_bytes(m, version=dataset.version, description=description, note=note), note
