"""Compact outlines: region polygons in Google's encoded polyline format, with detail fetched by zoom.

A first map carries every shown region at the coarsest level that stays under a pixel at the zoom
it opens at (:data:`LEVELS`), each ring as an encoded polyline string (integer deltas on a
decimal grid, five bits a character: about a third of the bytes of GeoJSON numbers). The browser
decodes them as Leaflet adds them (:class:`OutlineDecoder`). When the reader zooms past what that
level can show, the map fetches the next level the zoom needs for each region in view from the
app's static files (:class:`OutlineDetail`, files written by
:func:`layers.assets.publish_outlines`), down to the detail level, so the coast stays true to the
Natural Earth 10m coast the regions were built on at every zoom, while only what a reader looks
at is sent.

The format is the one the PyPI package ``polyline`` reads and writes (tests decode this module's
output with it, a test dependency); it is encoded here with NumPy because the package encodes a coordinate at a
time in Python, five times slower than a dataset of 10,000 polygons can afford at start-up.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import numpy as np
import shapely
from folium.utilities import JsCode

from layers.maphelpers import HelperCall, helper

LEVELS: tuple[tuple[float, int], ...] = ((0.1, 2), (0.04, 3), (0.01, 3), (0.001, 4))
"""``(tolerance in degrees, decimals)`` of each outline level, coarsest first. A level is drawn at
zooms where its tolerance is under :data:`MAX_ERROR_PX` pixels; the last, the detail level
(about 100 m, on a 0.0001° grid), is what the browser ends with when zoomed in."""
DETAIL_TOLERANCE_DEG, DETAIL_DECIMALS = LEVELS[-1]
MAX_ERROR_PX = 0.75
"""Largest simplification error, in screen pixels, a level may show before detail is fetched."""


def degrees_per_pixel(zoom: float) -> float:
    """Degrees of longitude one screen pixel spans at ``zoom`` (256-pixel Web Mercator tiles)."""
    return 360.0 / (256.0 * 2.0**zoom)


def level_for_zoom(zoom: int | None) -> float:
    """Return the tolerance of the coarsest level that stays under :data:`MAX_ERROR_PX` at ``zoom``.

    ``None`` (zoom unknown) gives the detail level.
    """
    if zoom is None:
        return DETAIL_TOLERANCE_DEG
    fitting = [tolerance for tolerance, _ in LEVELS if tolerance <= MAX_ERROR_PX * degrees_per_pixel(zoom)]
    return fitting[0] if fitting else DETAIL_TOLERANCE_DEG


def _zigzag_chars(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Encode integer deltas as polyline characters; return the characters and how many each value took."""
    shifted = values.astype(np.int64) << 1
    zigzag = np.where(values < 0, ~shifted, shifted).astype(np.uint64)
    chunks = np.ones(len(zigzag), dtype=np.int64)
    rest = zigzag >> np.uint64(5)
    while rest.any():
        chunks += rest > 0
        rest >>= np.uint64(5)
    width = int(chunks.max()) if len(chunks) else 1
    position = np.arange(width, dtype=np.uint64)
    five_bits = (zigzag[:, None] >> (np.uint64(5) * position[None, :])) & np.uint64(31)
    more = position[None, :].astype(np.int64) < (chunks[:, None] - 1)
    chars = (five_bits.astype(np.int64) | (more * 0x20)) + 63
    return chars[position[None, :].astype(np.int64) < chunks[:, None]].astype(np.uint8), chunks


def encode_rings(coordinates: np.ndarray, ring_index: np.ndarray, decimals: int) -> list[str]:
    """Encode rings of ``(lon, lat)`` coordinates as polyline strings (latitude first, as Google's format).

    Parameters
    ----------
    coordinates : numpy.ndarray
        ``(n, 2)`` longitudes and latitudes of every ring, one after the other.
    ring_index : numpy.ndarray
        ``(n,)`` non-decreasing index of the ring each coordinate belongs to, from 0.
    decimals : int
        Decimal places kept (the format's "precision").

    Returns
    -------
    list of str
        One string per ring, ``polyline.encode(ring, decimals, geojson=True)`` for each.
    """
    if len(coordinates) == 0:
        return []
    scaled = coordinates[:, ::-1] * 10.0**decimals
    grid = (np.sign(scaled) * np.floor(np.abs(scaled) + 0.5)).astype(np.int64)  # rounds halves away from 0
    starts = np.flatnonzero(np.r_[True, ring_index[1:] != ring_index[:-1]])
    deltas = np.diff(grid, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    deltas[starts] = grid[starts]
    chars, widths = _zigzag_chars(deltas.ravel())
    per_ring = np.add.reduceat(widths.reshape(-1, 2).sum(axis=1), starts)
    text = chars.tobytes().decode("ascii")
    ends = np.cumsum(per_ring)
    return [text[end - width : end] for end, width in zip(ends.tolist(), per_ring.tolist(), strict=True)]


def encode_polygons(geometries: Sequence, decimals: int, tolerance: float = 0.0) -> list[dict | None]:
    """Encode polygons and multipolygons as ``{"type", "p", "t", "e"}`` dicts.

    Parameters
    ----------
    geometries : sequence of shapely geometries
        Polygons or MultiPolygons (None or empty give None).
    decimals : int
        Decimal places kept (``p``).
    tolerance : float, default 0
        How far, in degrees, the outlines were simplified (``t``): the browser fetches the
        detail level when that would show on screen.

    Returns
    -------
    list of dict or None
        ``e`` holds the rings as encoded strings, nested as GeoJSON nests coordinates.
    """
    geometries = np.asarray(geometries, dtype=object)
    parts, part_of = shapely.get_parts(geometries, return_index=True)
    rings, ring_of = shapely.get_rings(parts, return_index=True)
    coordinates, coordinate_of = shapely.get_coordinates(rings, return_index=True)
    texts = encode_rings(coordinates, coordinate_of, decimals)
    polygons: list[list[str]] = [[] for _ in range(len(parts))]
    for text, part in zip(texts, ring_of.tolist(), strict=True):
        polygons[part].append(text)
    by_geometry: list[list[list[str]]] = [[] for _ in range(len(geometries))]
    for polygon, geometry in zip(polygons, part_of.tolist(), strict=True):
        by_geometry[geometry].append(polygon)
    encoded: list[dict | None] = []
    for geometry, polygons_of in zip(geometries, by_geometry, strict=True):
        if geometry is None or geometry.is_empty or not polygons_of:
            encoded.append(None)
        elif geometry.geom_type == "Polygon":
            encoded.append({"type": "Polygon", "p": decimals, "t": tolerance, "e": polygons_of[0]})
        else:
            encoded.append({"type": "MultiPolygon", "p": decimals, "t": tolerance, "e": polygons_of})
    return encoded


def encode_lines(geometries: Sequence, decimals: int) -> list[dict | None]:
    """Encode LineStrings and MultiLineStrings as ``{"type", "p", "e"}`` dicts (no ``t``: never refined).

    Parameters
    ----------
    geometries : sequence of shapely geometries
        LineStrings or MultiLineStrings (None or empty give None); longitudes beyond 180° are kept.
    decimals : int
        Decimal places kept (``p``).

    Returns
    -------
    list of dict or None
        ``e`` holds each line as an encoded string: one string for a LineString, a list of them
        for a MultiLineString, as GeoJSON nests coordinates. ``window.daDecodeGeometry``
        (:class:`OutlineDecoder`) turns them back into GeoJSON coordinates.
    """
    geometries = np.asarray(geometries, dtype=object)
    parts, part_of = shapely.get_parts(geometries, return_index=True)
    coordinates, coordinate_of = shapely.get_coordinates(parts, return_index=True)
    texts = encode_rings(coordinates, coordinate_of, decimals)
    by_geometry: list[list[str]] = [[] for _ in range(len(geometries))]
    for text, geometry in zip(texts, part_of[np.unique(coordinate_of)].tolist(), strict=True):
        by_geometry[geometry].append(text)
    encoded: list[dict | None] = []
    for geometry, lines in zip(geometries, by_geometry, strict=True):
        if geometry is None or geometry.is_empty or not lines:
            encoded.append(None)
        elif geometry.geom_type == "LineString":
            encoded.append({"type": "LineString", "p": decimals, "e": lines[0]})
        else:
            encoded.append({"type": "MultiLineString", "p": decimals, "e": lines})
    return encoded


def outline_level(geometries: Sequence, tolerance: float, decimals: int) -> list[dict | None]:
    """Simplify ``geometries`` to ``tolerance`` (topology kept) on a ``decimals`` grid and encode them."""
    simplified = shapely.simplify(np.asarray(geometries, dtype=object), tolerance, preserve_topology=True)
    return encode_polygons(shapely.set_precision(simplified, 10.0**-decimals), decimals, tolerance)


def outline_file(encoded: Mapping) -> bytes:
    """Return one region's outline at one level as the file the browser fetches (compact JSON)."""
    return json.dumps(encoded, separators=(",", ":")).encode()


DECODER_JS = """function () {
        if (L.GeoJSON.prototype.daDecodes) { return; }
        function line(text, factor) {
            var out = [], index = 0, lat = 0, lng = 0, value, shift, code;
            while (index < text.length) {
                value = 0; shift = 0;
                do {
                    code = text.charCodeAt(index++) - 63; value |= (code & 31) << shift; shift += 5;
                } while (code >= 32);
                lat += (value & 1) ? ~(value >> 1) : (value >> 1);
                value = 0; shift = 0;
                do {
                    code = text.charCodeAt(index++) - 63; value |= (code & 31) << shift; shift += 5;
                } while (code >= 32);
                lng += (value & 1) ? ~(value >> 1) : (value >> 1);
                out.push([lng / factor, lat / factor]);
            }
            return out;
        }
        function nested(value, factor) {
            if (typeof value === "string") { return line(value, factor); }
            return value.map(function (item) { return nested(item, factor); });
        }
        window.daDecodeGeometry = function (geometry) {
            if (!geometry || geometry.e === undefined) { return geometry; }
            return {type: geometry.type, t: geometry.t, coordinates: nested(geometry.e, Math.pow(10, geometry.p))};
        };
        L.GeoJSON.include({
            daDecodes: true,
            addData: (function (addData) {
                return function (data) {
                    if (data && data.type === "Feature" && data.geometry && data.geometry.e !== undefined) {
                        data = L.extend({}, data, {geometry: window.daDecodeGeometry(data.geometry)});
                    }
                    return addData.call(this, data);
                };
            })(L.GeoJSON.prototype.addData)
        });
    }"""
"""Install ``window.daDecodeGeometry`` and teach ``L.GeoJSON.addData`` to decode encoded geometry (once a page)."""
DECODER = helper("installDecoder", DECODER_JS)


class OutlineDecoder(HelperCall):
    """Teach the page's Leaflet to read encoded outlines: ``L.GeoJSON.addData`` decodes them first.

    Add it to the map before any layer with encoded geometry. It extends Leaflet through its
    public class API (``L.GeoJSON.include``), once per page (:data:`DECODER_JS`, a served helper).
    """

    helper_name = DECODER

    def __init__(self):
        super().__init__()
        self._name = "OutlineDecoder"


DETAIL_JS = """function (map, base, levels, maxError) {
                var pending = {}, queued = false;
                function load(path) {
                    if (!pending[path]) {
                        pending[path] = fetch(base + path).then(function (response) {
                            if (!response.ok) { throw new Error("HTTP " + response.status); }
                            return response.json();
                        });
                        pending[path].catch(function () { delete pending[path]; });
                    }
                    return pending[path];
                }
                function refine() {
                    queued = false;
                    var pixel = 360 / (256 * Math.pow(2, map.getZoom())), view = map.getBounds().pad(0.25);
                    var want = levels[levels.length - 1];
                    for (var i = 0; i < levels.length; i++) {
                        if (levels[i][0] <= maxError * pixel) { want = levels[i]; break; }
                    }
                    map.eachLayer(function (layer) {
                        var feature = layer.feature;
                        var id = feature && feature.properties && feature.properties.region_id;
                        if (!id || !layer.setLatLngs || !feature.geometry) { return; }
                        if (feature.geometry.t === undefined) { return; }
                        var drawn = layer.daLevel === undefined ? feature.geometry.t : layer.daLevel;
                        if (!(drawn > want[0]) || layer.daLoading === want[0]) { return; }
                        if (!view.intersects(layer.getBounds())) { return; }
                        layer.daLoading = want[0];
                        load(want[1] + "/" + encodeURIComponent(id) + ".json").then(function (encoded) {
                            if (layer.daLevel !== undefined && layer.daLevel <= want[0]) { return; }
                            var geometry = window.daDecodeGeometry(encoded);
                            var depth = geometry.type === "Polygon" ? 1 : 2;
                            layer.setLatLngs(L.GeoJSON.coordsToLatLngs(geometry.coordinates, depth));
                            layer.daLevel = want[0];
                        }).catch(function (error) {
                            console.warn("finer outline not loaded", id, error);
                        }).then(function () { layer.daLoading = undefined; });
                    });
                }
                function soon() { if (!queued) { queued = true; setTimeout(refine, 0); } }
                map.on("zoomend moveend layeradd", soon);
                map.whenReady(soon);
            }"""
"""Refine the outlines of a map (``map, base, levels, maxError``): see :class:`OutlineDetail`."""
DETAIL = helper("outlineDetail", DETAIL_JS)


class OutlineDetail(HelperCall):
    """Fetch a finer outline of each region in view whenever its drawn level would show its error.

    Every region layer of the map, also one added later (playback swaps the month's layers in),
    is refined on its own: its geometry says how far it was simplified (``t``), and the finest
    level needed is the coarsest one under :data:`MAX_ERROR_PX` at the new zoom. Zooming out
    keeps the finer outline.

    Parameters
    ----------
    base_url : str
        Folder URL of the outline files (``<level>/<region_id>.json``, from
        :func:`layers.assets.publish_outlines`), ending in ``/``.
    """

    helper_name = DETAIL

    def __init__(self, base_url: str):
        super().__init__()
        self._name = "OutlineDetail"
        self.base_url = base_url
        self.levels = [[tolerance, level_folder(tolerance)] for tolerance, _ in LEVELS]
        self.max_error = MAX_ERROR_PX

    def arguments(self) -> list[object]:
        """Return the map, the folder URL, the levels and the largest error in pixels."""
        return [JsCode(self._parent.get_name()), self.base_url, self.levels, self.max_error]


def level_folder(tolerance: float) -> str:
    """Name of the folder holding one level's outline files (the tolerance, as ``0.04``)."""
    return f"{tolerance:g}"
