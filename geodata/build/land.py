"""Land polygons from the npm package world-atlas: install, read, repair, simplify."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pyogrio
import shapely
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

WORLD_ATLAS_VERSION = "2.0.2"
CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache"
NPM_PREFIX = CACHE_DIR / "npm"
PACKAGE_DIR = NPM_PREFIX / "node_modules" / "world-atlas"

# Antarctica encloses the pole; the regions never reach it, so land south of
# this latitude is dropped instead of being repaired.
SOUTH_CUTOFF_LAT = -60.0
# Frames a longitude-unwrapped ring is clipped into before shifting back.
FRAMES = ((-540.0, -180.0, 360.0), (-180.0, 180.0, 0.0), (180.0, 540.0, -360.0))
# Simplification of the land before cutting (guide §3): neighbours then share edges. About 100 m,
# so outlines stay within 200 m of the Natural Earth 10m coast at zoom 10 (layers/outlines.py).
LAND_SIMPLIFY_DEG = 0.001


class LandError(RuntimeError):
    """Raised when the world-atlas land cannot be installed or read."""


def ensure_world_atlas(package_dir: Path = PACKAGE_DIR) -> Path:
    """Install the pinned world-atlas npm package into the build cache if absent.

    Parameters
    ----------
    package_dir : pathlib.Path
        ``node_modules/world-atlas`` inside the npm prefix to install into.

    Returns
    -------
    pathlib.Path
        The package directory holding ``land-10m.json`` and ``land-50m.json``.

    Raises
    ------
    LandError
        If npm is missing, fails, or installs a different version.
    """
    manifest = package_dir / "package.json"
    if not manifest.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise LandError("npm not found; it is needed to install world-atlas")
        prefix = package_dir.parent.parent
        cmd = [npm, "install", "--no-save", "--prefix", str(prefix),
               f"world-atlas@{WORLD_ATLAS_VERSION}"]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise LandError(f"{' '.join(cmd)} failed:\n{result.stderr}")
    text = manifest.read_text(encoding="utf-8")
    if f'"version": "{WORLD_ATLAS_VERSION}"' not in text:
        raise LandError(f"{manifest} is not world-atlas {WORLD_ATLAS_VERSION}")
    return package_dir


def _unwrap_ring(coords: np.ndarray) -> np.ndarray:
    """Remove the 360° jumps from a ring's longitudes (d3 geostitch undone)."""
    lon = coords[:, 0].copy()
    jumps = np.diff(lon)
    offsets = np.concatenate([[0.0], np.cumsum(-360.0 * np.round(jumps / 360.0))])
    return np.column_stack([lon + offsets, coords[:, 1]])


def unwrap_polygon(polygon: Polygon) -> list[Polygon]:
    """Split a polygon stitched across ±180° into pieces inside -180..180.

    world-atlas rings that cross the antimeridian come out of GDAL as flat
    rings spanning the whole world. Their longitudes are unwrapped into one
    continuous frame, the result is clipped into the -540..-180, -180..180
    and 180..540 frames and each piece is shifted back by 360°.

    Parameters
    ----------
    polygon : shapely.geometry.Polygon
        Lon/lat polygon whose ring longitudes jump by ~360° where it crosses
        the antimeridian.

    Returns
    -------
    list of shapely.geometry.Polygon
        Valid pieces with longitudes in -180..180; empty if the outer ring does
        not close after unwrapping (a ring around a pole, i.e. Antarctica).
    """
    shell = _unwrap_ring(np.asarray(polygon.exterior.coords))
    if not np.allclose(shell[0], shell[-1]):
        return []
    lo, hi = shell[:, 0].min(), shell[:, 0].max()
    holes = []
    for ring in polygon.interiors:
        hole = _unwrap_ring(np.asarray(ring.coords))
        centre = (hole[:, 0].min() + hole[:, 0].max()) / 2.0
        shift = 360.0 * np.round(((lo + hi) / 2.0 - centre) / 360.0)
        holes.append(hole + np.array([shift, 0.0]))
    unwrapped = _valid_polygons(Polygon(shell, holes))
    pieces = []
    for west, east, shift in FRAMES:
        frame = box(west, -90.0, east, 90.0)
        for part in unwrapped:
            clipped = part.intersection(frame)
            if not clipped.is_empty:
                pieces.extend(_valid_polygons(shapely.transform(clipped, lambda c, s=shift: c + [s, 0.0])))
    return pieces


def _valid_polygons(geometry: BaseGeometry) -> list[Polygon]:
    """Repair a geometry and return its polygon parts (guide pitfall 2).

    ``make_valid(method="structure")`` and flattening twice keeps every polygon;
    a single flatten of the default method's GeometryCollection drops parts.
    """
    repaired = shapely.make_valid(geometry, method="structure")
    parts = shapely.get_parts(shapely.get_parts(repaired))
    return [p for p in parts if isinstance(p, Polygon) and not p.is_empty]


def read_land(path: Path) -> list[Polygon]:
    """Read a world-atlas land TopoJSON file into valid polygons in EPSG:4326.

    Parameters
    ----------
    path : pathlib.Path
        ``land-10m.json`` or ``land-50m.json`` from world-atlas. The file
        carries no CRS; its coordinates are lon/lat degrees (EPSG:4326).

    Returns
    -------
    list of shapely.geometry.Polygon
        Valid land polygons, longitudes in -180..180, Antarctica removed,
        in file order (the build is deterministic).

    Raises
    ------
    LandError
        If the file holds no polygons or the Americas are missing after repair.
    """
    frame = pyogrio.read_dataframe(path)
    polygons: list[Polygon] = []
    for part in shapely.get_parts(frame.geometry.values):
        west, south, east, north = part.bounds
        if north < SOUTH_CUTOFF_LAT:
            continue
        if east - west > 180.0:
            polygons.extend(unwrap_polygon(part))
        else:
            polygons.extend(_valid_polygons(part))
    polygons = [p for p in polygons if p.bounds[3] >= SOUTH_CUTOFF_LAT]
    if not polygons:
        raise LandError(f"{path}: no land polygons read")
    americas = box(-100.0, 30.0, -90.0, 40.0)
    if not any(p.intersects(americas) for p in polygons):
        raise LandError(f"{path}: the Americas are missing after repair")
    return polygons


def simplify_land(polygons: list[Polygon], tolerance: float = LAND_SIMPLIFY_DEG) -> list[Polygon]:
    """Simplify every land polygon once, keeping each one valid and non-empty.

    Parameters
    ----------
    polygons : list of shapely.geometry.Polygon
        Land in EPSG:4326.
    tolerance : float
        Douglas-Peucker tolerance in degrees.

    Returns
    -------
    list of shapely.geometry.Polygon
        Simplified land, same order; polygons that collapse are dropped.
    """
    simplified = shapely.simplify(np.asarray(polygons, dtype=object), tolerance, preserve_topology=True)
    out: list[Polygon] = []
    for geom in simplified:
        out.extend(_valid_polygons(geom))
    return out
