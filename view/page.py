"""The dashboard map as one HTML file that opens offline, with the dataset version and filters on it."""

from __future__ import annotations

from pathlib import Path

import folium
import pandas as pd

from geodata import query
from geodata.loaders import Dataset
from geodata.reference import read_straits, read_zones
from geodata.towns import towns_file
from layers.compose import dashboard_map
from layers.popups import escape_html, exercise_html
from layers.reference import reference_features, reference_kinds_shown, reference_layers_of
from layers.regions import RegionGeometries, region_geometries
from layers.standalone import inline_asset_urls, standalone_html

TITLE = "Drill Atlas"


def caption_text(version: str, description: str, note: str = "") -> str:
    """Return the line an exported map shows: ``Drill Atlas · dataset version … · <filters>[ · note]``."""
    parts = [TITLE, f"dataset version {version}", description]
    if note:
        parts.append(note)
    return " · ".join(parts)


def to_html_bytes(m: folium.Map, *, version: str, description: str, note: str = "", below_html: str = "") -> bytes:
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
    below_html : str, default ""
        Escaped HTML shown under the map (:func:`record_section_html`).

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
    return standalone_html(m, title=text, caption_text=text, below_html=below_html).encode("utf-8")


RECORD_STYLE = "padding:8px 12px 16px;font:14px/1.45 sans-serif;max-width:60em;overflow-wrap:anywhere"
"""The list under an exported map: readable lines, long titles and URLs wrapped on a phone."""


def record_section_html(shown: pd.DataFrame) -> str:
    """Return the shown exercises in full, each with its sources, as the section under an exported map.

    The page's map popups list exercises by name only (their details open in the app); this is
    what a reader of the file has instead: :func:`layers.popups.exercise_html` per exercise, in
    the shown order, every text escaped.
    """
    count = len(shown)
    heading = f"{count} exercise{'s' if count != 1 else ''} shown, with their sources"
    records = shown.to_dict("records")
    blocks = "".join(f'<li style="margin-bottom:0.9em">{exercise_html(record)}</li>' for record in records)
    return (f'<section class="da-record" style="{RECORD_STYLE}"><h2 style="font-size:1.1em">{escape_html(heading)}'
            f'</h2><ol style="padding-left:1.4em">{blocks}</ol></section>')


def view_map_html_bytes(
    dataset: Dataset,
    shown: pd.DataFrame,
    view: query.ViewState,
    description: str,
    *,
    land_file: Path,
    tiles: bool,
    geometries: RegionGeometries | None = None,
    reference: tuple | None = None,
) -> tuple[bytes, str]:
    """Draw the map of a view as a standalone page: the app's HTML download and the CLI's ``--format html``.

    Under the map, the shown exercises in full with their sources (:func:`record_section_html`).
    A map of its own, never the one given to ``st_folium``. ``geometries`` are the caller's
    prepared outlines and popup lines (:func:`layers.regions.region_geometries`), if it has them;
    ``reference`` its reference features (:func:`layers.reference.reference_features`; read from
    the bundled zone and strait files when None). The reference layers and the layers a link
    switches on are as on the page.
    Returns the page and a note on anything left out (the land layer when ``land_file`` is
    missing), which the page's caption also shows; ``""`` when nothing is.
    """
    note = "" if land_file.is_file() else f"land layer not included ({land_file.name} is missing)"
    if reference is None:
        reference = reference_features(read_zones()[0], read_straits()[0])
    selected = shown.loc[shown["exercise_id"] == view.selected, "series"]
    shown_kinds = reference_kinds_shown(view.domains, str(selected.iloc[0]) if len(selected) else None)
    m = dashboard_map(
        dataset.regions,
        geometries or region_geometries(dataset.regions),
        shown,
        inline_asset_urls(land_file, towns_file(land_file.parent)),
        selected=view.selected,
        region=view.region,
        map_view=view.map_view,
        routes=dataset.routes,
        tiles=tiles,
        observations=dataset.observations,
        extra_layers=tuple(reference_layers_of(reference, show=shown_kinds)),
        layers=view.layers,
    )
    page = to_html_bytes(m, version=dataset.version, description=description, note=note,
                         below_html=record_section_html(shown))
    return page, note
