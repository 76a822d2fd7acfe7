"""Leaflet and the land layer, served by the app itself so the map works offline.

folium asks public CDNs for Leaflet, and streamlit-folium gives up on the first script that
fails to load: without internet the map would be a blank frame. Instead, the files of the
PyPI package XStatic-Leaflet (the Leaflet release folium expects) and the bundled land layer
are copied into Streamlit's ``static/`` folder and the map points at them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

LEAFLET_DIR = Path(xstatic_leaflet.BASE_DIR)
LEAFLET_VERSION = xstatic_leaflet.VERSION
LEAFLET_FOLDER = f"leaflet-{LEAFLET_VERSION}"
LAND_FOLDER = "land"
VENDOR_DIR = Path(__file__).resolve().parent / "vendor"
DRAW_FOLDER = "leaflet-draw-1.0.4"
MEASURE_FOLDER = "leaflet-measure-2.1.7"
SNAPSHOT_FOLDER = "html-to-image-1.11.13"
PLUGIN_FOLDERS = (DRAW_FOLDER, MEASURE_FOLDER, SNAPSHOT_FOLDER)
"""Leaflet plugins (and html-to-image, for the map's picture) copied from npm into ``layers/vendor``
(see ``layers/vendor/refresh.py``)."""


@dataclass(frozen=True)
class AssetUrls:
    """Browser URLs of the locally served map assets."""

    leaflet_js: str
    leaflet_css: str
    land_geojson: str | None
    plugins: str | None = None
    """URL of the folder holding the vendored Leaflet plugins; None where they are not served."""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.is_file() and target.stat().st_size == source.stat().st_size and _digest(target) == _digest(source):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # replicas may share one static/
    shutil.copyfile(source, temporary)
    temporary.replace(target)


def publish_static_assets(static_dir: Path, land_file: Path) -> str | None:
    """Copy Leaflet and the land layer into Streamlit's static folder.

    Parameters
    ----------
    static_dir : pathlib.Path
        The ``static/`` folder beside ``app.py`` (served at ``/app/static/`` when
        ``server.enableStaticServing`` is on).
    land_file : pathlib.Path
        The bundled land GeoJSON.

    Returns
    -------
    str or None
        Path of the land file below ``static_dir``; its name carries a content hash so
        browsers never keep a stale copy. None if ``land_file`` does not exist (the map
        then has no land backdrop, but still works).
    """
    for name in ("leaflet.js", "leaflet.css"):
        _copy_if_changed(LEAFLET_DIR / name, static_dir / LEAFLET_FOLDER / name)
    for image in sorted((LEAFLET_DIR / "images").iterdir()):
        _copy_if_changed(image, static_dir / LEAFLET_FOLDER / "images" / image.name)
    for folder in PLUGIN_FOLDERS:
        for path in sorted((VENDOR_DIR / folder).rglob("*")):
            if path.is_file() and path.suffix in (".js", ".css", ".png", ".svg"):
                _copy_if_changed(path, static_dir / "plugins" / path.relative_to(VENDOR_DIR))
    if not land_file.is_file():
        return None
    land_name = f"{LAND_FOLDER}/land-{_digest(land_file)}.geojson"
    _copy_if_changed(land_file, static_dir / land_name)
    return land_name


def asset_urls(land_name: str | None, base_url_path: str = "") -> AssetUrls:
    """Return the URLs under which Streamlit serves the published assets.

    Parameters
    ----------
    land_name : str
        What :func:`publish_static_assets` returned.
    base_url_path : str, default ""
        Streamlit's ``server.baseUrlPath`` when the app is served below a prefix.
    """
    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    static = f"{prefix}/app/static"
    return AssetUrls(
        leaflet_js=f"{static}/{LEAFLET_FOLDER}/leaflet.js",
        leaflet_css=f"{static}/{LEAFLET_FOLDER}/leaflet.css",
        land_geojson=f"{static}/{land_name}" if land_name else None,
        plugins=f"{static}/plugins",
    )
