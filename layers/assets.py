"""Leaflet, the land layer and the detail outlines, served by the app itself so the map works offline.

folium asks public CDNs for Leaflet, and streamlit-folium gives up on the first script that
fails to load: without internet the map would be a blank frame. Instead, the files of the
PyPI package XStatic-Leaflet (the Leaflet release folium expects) and the bundled land layer
are copied into Streamlit's ``static/`` folder and the map points at them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from geodata.files import read_geojson_layer
from geodata.problems import DataError
from geodata.towns import read_towns
from layers.maphelpers import helpers_path, helpers_script
from layers.outlines import encode_polygons
from layers.popups import escape_html

LEAFLET_DIR = Path(xstatic_leaflet.BASE_DIR)
LEAFLET_VERSION = xstatic_leaflet.VERSION
LEAFLET_FOLDER = f"leaflet-{LEAFLET_VERSION}"
LAND_FOLDER = "land"
TOWNS_FOLDER = "towns"
POPUPS_FOLDER = "popups"
LAND_DECIMALS = 3
OUTLINES_FOLDER = "outlines"
VENDOR_DIR = Path(__file__).resolve().parent / "vendor"
DRAW_FOLDER = "leaflet-draw-1.0.4"
MEASURE_FOLDER = "leaflet-measure-2.1.7"
SNAPSHOT_FOLDER = "html-to-image-1.11.13"
PLUGIN_FOLDERS = (DRAW_FOLDER, MEASURE_FOLDER, SNAPSHOT_FOLDER)
"""Leaflet plugins (and html-to-image, for the map's picture) copied from npm into ``layers/vendor``
(see ``layers/vendor/refresh.py``)."""
MAP_SCRIPT_FOLDER = f"{LEAFLET_FOLDER}-map"
MAP_SCRIPT_PARTS = (LEAFLET_DIR / "leaflet.js",)
"""The scripts a served map loads before it draws, as one file with the map's helpers (:func:`map_script`)."""
TOOLS_SCRIPT_FOLDER = "plugins"
TOOLS_SCRIPT_PARTS = (
    VENDOR_DIR / DRAW_FOLDER / "leaflet.draw.js",
    VENDOR_DIR / MEASURE_FOLDER / "leaflet-measure.min.js",
    VENDOR_DIR / SNAPSHOT_FOLDER / "html-to-image.js",
)
"""The plugins a served map loads once its outlines are drawn, as one file (:func:`tools_script`), in the
order they must run."""
SOURCE_MAP_COMMENT = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
"""A script's closing source-map comment: it would name a file that is not served."""


@dataclass(frozen=True)
class AssetUrls:
    """Browser URLs of the locally served map assets."""

    leaflet_js: str
    leaflet_css: str
    land_geojson: str | None
    plugins: str | None = None
    """URL of the folder holding the vendored Leaflet plugins; None where they are not served."""
    outlines: str | None = None
    """URL of the folder of detail outlines (``<region_id>.json``, ending in ``/``); None where they
    are not served: the map then carries the detail level itself."""
    helpers: str | None = None
    """URL of the map's constant JavaScript (:func:`layers.maphelpers.helpers_script`); None where it
    is not served: each map then carries the functions it calls."""
    map_script: str | None = None
    """URL of Leaflet and the map's helpers as one script (:func:`map_script`). Where set, a map loads it
    instead of ``leaflet_js`` and the helpers file, and its tools come from ``tools_script``
    (:func:`scripts_of`)."""
    tools_script: str | None = None
    """URL of the draw, measure and picture plugins as one script (:func:`tools_script`), which a map
    loads once its outlines are drawn (:func:`layers.maphelpers.after_tools`). Set with ``map_script``."""
    towns: str | None = None
    """URL of the town and city names (:func:`encoded_towns`) a map shows where no tiles load; None
    where they are not served: the map then names only its regions."""
    popups: str | None = None
    """URL of the dataset's popups file (:func:`publish_popups`); None where it is not served: every
    popup is then written into the map."""


def scripts_of(assets: AssetUrls, name: str, url: str) -> list[tuple[str, str]]:
    """Return a map element's ``default_js``: its own script, or none where the map loads :func:`map_script`."""
    return [] if assets.map_script else [(name, url)]


def _script_parts(paths: tuple[Path, ...]) -> list[str]:
    return [SOURCE_MAP_COMMENT.sub("\n", path.read_text(encoding="utf-8")) for path in paths]


@functools.cache
def map_script() -> bytes:
    """Return Leaflet and the map's helpers as one script: what a served map runs before it draws.

    streamlit-folium loads a map's scripts one after another, each when the one before has run
    (``loadScripts`` in its frontend), so two files would cost two round trips before the first
    outline. The map's tools are not in it (:func:`tools_script`).
    """
    parts = _script_parts(MAP_SCRIPT_PARTS)
    parts.append(helpers_script().decode("utf-8"))  # the map's own functions (layers.maphelpers), last
    return "\n;\n".join(parts).encode("utf-8")


@functools.cache
def tools_script() -> bytes:
    """Return the draw, measure and picture plugins as one script, in :data:`TOOLS_SCRIPT_PARTS` order.

    They are half of the bytes Leaflet and they would be together (53 of 95 KB compressed) and
    are not needed to draw the map, so a served map loads them once its outlines are painted
    (:func:`layers.maphelpers.after_tools`): the emulated phone drew them 0.3 s sooner through
    nginx (bench/README.md, "The tools after the map"). Each part is a self-contained UMD or
    browserify bundle, so running them in one script is running them in turn.
    """
    return "\n;\n".join(_script_parts(TOOLS_SCRIPT_PARTS)).encode("utf-8")


def _named_by_content(folder: str, stem: str, body: bytes, suffix: str = ".js") -> str:
    return f"{folder}/{stem}-{hashlib.sha256(body).hexdigest()[:12]}{suffix}"


@functools.cache
def map_script_name() -> str:
    """Path of :func:`map_script` below the static folder; its name carries a content hash (no stale copies)."""
    return _named_by_content(MAP_SCRIPT_FOLDER, "map", map_script())


@functools.cache
def tools_script_name() -> str:
    """Path of :func:`tools_script` below the static folder, named by its content like :func:`map_script_name`."""
    return _named_by_content(TOOLS_SCRIPT_FOLDER, "tools", tools_script())


def _write_if_changed(body: bytes, target: Path) -> None:
    if target.is_file() and target.stat().st_size == len(body) and target.read_bytes() == body:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # replicas may share one static/
    temporary.write_bytes(body)
    temporary.replace(target)


def _published(static_dir: Path, name: str, body: bytes) -> str | None:
    """Write ``body`` to ``name`` below ``static_dir`` and return ``name``; None where static/ cannot be written."""
    try:
        _write_if_changed(body, static_dir / name)
    except OSError:
        return None
    return name


def _copy_if_changed(source: Path, target: Path) -> None:
    _write_if_changed(source.read_bytes(), target)


def publish_static_assets(static_dir: Path, land_file: Path) -> str | None:
    """Copy Leaflet, its plugins, the map's helpers and the land layer into Streamlit's static folder.

    Parameters
    ----------
    static_dir : pathlib.Path
        The ``static/`` folder beside ``app.py`` (served at ``/app/static/`` when
        ``server.enableStaticServing`` is on).
    land_file : pathlib.Path
        The bundled land GeoJSON; published encoded (:func:`encoded_land`).

    Returns
    -------
    str or None
        Path of the land file below ``static_dir``; its name carries a content hash so
        browsers never keep a stale copy. None if ``land_file`` is missing or unreadable (the
        map then has no land backdrop, but still works).
    """
    for name in ("leaflet.js", "leaflet.css"):
        _copy_if_changed(LEAFLET_DIR / name, static_dir / LEAFLET_FOLDER / name)
    for image in sorted((LEAFLET_DIR / "images").iterdir()):
        _copy_if_changed(image, static_dir / LEAFLET_FOLDER / "images" / image.name)
    for folder in PLUGIN_FOLDERS:
        for path in sorted((VENDOR_DIR / folder).rglob("*")):
            if path.is_file() and path.suffix in (".js", ".css", ".png", ".svg"):
                _copy_if_changed(path, static_dir / "plugins" / path.relative_to(VENDOR_DIR))
    _write_if_changed(map_script(), static_dir / map_script_name())
    _write_if_changed(tools_script(), static_dir / tools_script_name())
    _write_if_changed(helpers_script(), static_dir / helpers_path())
    try:
        land = encoded_land(land_file)
    except DataError:
        return None
    land_name = f"{LAND_FOLDER}/land-{hashlib.sha256(land).hexdigest()[:12]}.json"
    _write_if_changed(land, static_dir / land_name)
    return land_name


def encoded_land(land_file: Path) -> bytes:
    """Return the land layer as the browser fetches it: its polygons as encoded outlines (:mod:`layers.outlines`).

    Three decimals (about 100 m) keep every vertex of the bundled 1:50m backdrop, at about a
    third of its GeoJSON bytes.
    """
    land = read_geojson_layer(land_file, required=())
    features = [
        {"type": "Feature", "properties": {}, "geometry": geometry}
        for geometry in encode_polygons(land.geometry.values, LAND_DECIMALS)
        if geometry is not None
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")).encode()


def encoded_towns(towns_file: Path) -> bytes:
    """Return the towns as the browser fetches them: ``[lat, lon, minZoom, name]`` rows, largest first.

    Names are HTML-escaped here, once: the page puts each into a label as markup. 89 KB (41 KB
    gzipped) for the bundled 3,007 towns, which a map fetches only once zoomed in far enough to
    name one (:data:`geodata.towns.TOWNS_FROM_ZOOM`): the landing map costs nothing more.

    Raises
    ------
    DataError
        If the file is unusable (:func:`geodata.towns.read_towns`); bad rows are left out.
    """
    towns, _ = read_towns(towns_file)
    rows = [[round(town.lat, 3), round(town.lon, 3), town.min_zoom, escape_html(town.name)] for town in towns]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def publish_towns(static_dir: Path, towns_file: Path) -> str | None:
    """Write :func:`encoded_towns` into Streamlit's static folder under a content-hashed name; return it.

    None if the file is missing or unusable (maps then name only their regions) or static/
    cannot be written.
    """
    try:
        body = encoded_towns(towns_file)
    except DataError:
        return None
    return _published(static_dir, _named_by_content(TOWNS_FOLDER, "towns", body, ".json"), body)


def publish_popups(static_dir: Path, body: bytes) -> str | None:
    """Write a dataset's popups file (:meth:`layers.popups.PopupBook.file`) under a content-hashed name; return it.

    None when static/ cannot be written: maps then carry their popups themselves.
    """
    return _published(static_dir, _named_by_content(POPUPS_FOLDER, "popups", body, ".json"), body)


def publish_outlines(static_dir: Path, files: Mapping[str, bytes]) -> str | None:
    """Write the regions' outline files into Streamlit's static folder; return their folder below it.

    ``files`` maps paths (``<level>/<region_id>.json``,
    :meth:`layers.regions.RegionGeometries.outline_files`) to bytes. The folder is named after a
    digest of all of them, so a new dataset version never mixes with files a browser cached
    for an older one. None when static/ cannot be written (a read-only container image built
    without them): maps then carry the detail level themselves.
    """
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    folder = f"{OUTLINES_FOLDER}/{digest.hexdigest()[:12]}"
    root = (static_dir / folder).resolve()
    for path, body in files.items():
        target = (root / path).resolve()
        if not target.is_relative_to(root):  # region ids are validated slugs; never write elsewhere
            raise ValueError(f"outline path {path!r} leaves {root}")
        try:
            _write_if_changed(body, target)
        except OSError:  # a read-only static/ without them (see deploy/Dockerfile): maps carry the detail level
            return None
    return folder


def asset_urls(land_name: str | None, base_url_path: str = "", outlines_folder: str | None = None,
               towns_name: str | None = None, popups_name: str | None = None) -> AssetUrls:
    """Return the URLs under which Streamlit serves the published assets.

    Parameters
    ----------
    land_name : str
        What :func:`publish_static_assets` returned.
    base_url_path : str, default ""
        Streamlit's ``server.baseUrlPath`` when the app is served below a prefix.
    outlines_folder : str, optional
        What :func:`publish_outlines` returned; without it maps carry the detail outlines.
    towns_name : str, optional
        What :func:`publish_towns` returned; without it maps name no towns.
    popups_name : str, optional
        What :func:`publish_popups` returned; without it maps carry their popups.
    """
    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    static = f"{prefix}/app/static"
    return AssetUrls(
        leaflet_js=f"{static}/{LEAFLET_FOLDER}/leaflet.js",
        leaflet_css=f"{static}/{LEAFLET_FOLDER}/leaflet.css",
        land_geojson=f"{static}/{land_name}" if land_name else None,
        plugins=f"{static}/plugins",
        outlines=f"{static}/{outlines_folder}/" if outlines_folder else None,
        map_script=f"{static}/{map_script_name()}",
        tools_script=f"{static}/{tools_script_name()}",
        helpers=f"{static}/{helpers_path()}",
        towns=f"{static}/{towns_name}" if towns_name else None,
        popups=f"{static}/{popups_name}" if popups_name else None,
    )
