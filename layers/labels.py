"""Place names on the map, from the bundled data (no tiles needed), thinned by zoom so they never pile up."""

from __future__ import annotations

import math
from collections.abc import Mapping

import geopandas as gpd
import shapely
from branca.element import MacroElement
from folium.utilities import JsCode
from jinja2 import Template
from shapely.ops import polylabel

from geodata.filters import REGION_ONLY, precision_class
from geodata.towns import TOWNS_FROM_ZOOM
from layers.maphelpers import HelperCall, helper
from layers.popups import escape_html

LABELS_PANE = "labels"
LABELS_PANE_Z = 610
"""Above the regions (overlay 400, areas 420) and the observed positions (Leaflet's marker pane, 600),
below tooltips (650) and popups (700). It takes no clicks, so a point under a name still opens; at
450, under the points, "Sea of Japan" was hidden by the sightings along its coast."""
TOWN_DOT_HALF_PX = 2
"""Half a town's dot: the label is shifted left by this much so the dot, not the name, is on the town."""
TOWN_CLASS = "da-label da-town"
PX_PER_TOWN = 20_000
"""A map names at most one town per this many square pixels (16 on a laptop's 582 × 560 map, 10 on a
phone's 370 × 560): around Qingdao at zoom 8, every town of Shandong that fitted, 40 of them, buried
the drill area."""
TOWN_GAP_PX = 8
"""Room kept around a town's name, so names stay apart enough to read as separate places."""
TOWNS_ATTRIBUTION = 'Places: <a href="https://www.geonames.org/">GeoNames</a>'
LABEL_MIN_WIDTH_PX = 70
"""A region is named once its outline is at least this wide on screen."""
MAX_LABEL_ZOOM = 9
REFERENCE_LABELS_FROM_ZOOM = 6
"""Strait and zone names (permanent tooltips of :mod:`layers.reference`) show from this zoom: below
it the straits of Japan lie within a few pixels of each other and their names would pile up."""
LABEL_CSS = (
    " .leaflet-tooltip.da-ref-label { background: transparent; border: 0; box-shadow: none; padding: 0;"
    " color: #0b5252; font: italic 600 11px/1.2 sans-serif; text-shadow: 0 0 3px #fff, 0 0 3px #fff; }"
    " .leaflet-tooltip.da-ref-label::before { display: none; }"
    # Hidden, not undisplayed: Leaflet centres a tooltip by its offsetWidth, which is 0 under
    # display:none, so a name hidden while zoomed out came back half its width off its zone.
    " .da-zoomed-out .leaflet-tooltip.da-ref-label { visibility: hidden; }"

    ".da-label { color: #1d2b3a; font: 600 11px/1.2 sans-serif; white-space: nowrap; text-align: center;"
    " text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; pointer-events: none; }"
    " .da-label.da-sea { font-style: italic; font-weight: 500; letter-spacing: 0.02em; color: #24496b; }"
    " .da-label.da-coarse { font-weight: 400; color: #6b6f7b; }"
    # A town (geodata.towns): a dot on the town and its name beside it, lighter than a region's.
    " .da-label.da-town { font: 400 11px/1.2 sans-serif; color: #3b3f46; text-align: left; }"
    f" .da-label.da-town::before {{ content: ''; display: inline-block; width: {2 * TOWN_DOT_HALF_PX}px;"
    f" height: {2 * TOWN_DOT_HALF_PX}px; margin-right: 3px; border-radius: 50%; background: #3b3f46;"
    " vertical-align: 1px; }"
    # A small region's ring (layers.regions.small_region_rings) is round to the pointer too (a click
    # in its square's corners reaches what lies under it), and goes once its name shows: the
    # script below marks the map "da-z<n>" for every zoom n it has reached.
    + " .da-ring { border-radius: 50%; }"
    + "".join(f" .da-z{zoom} .da-until-{zoom}" + ("," if zoom < MAX_LABEL_ZOOM else "")
              for zoom in range(MAX_LABEL_ZOOM + 1))
    + " { visibility: hidden; }"
)


def label_point(geometry: shapely.Geometry) -> tuple[float, float]:
    """Where a region's name goes: the pole of inaccessibility of its largest part (inside, far from edges)."""
    parts = getattr(geometry, "geoms", [geometry])
    largest = max(parts, key=lambda part: part.area)
    point = polylabel(largest, tolerance=0.05) if largest.geom_type == "Polygon" else largest.representative_point()
    return point.y, point.x


def label_min_zoom(geometry: shapely.Geometry) -> int:
    """Return the first zoom at which a region is wide enough on screen (:data:`LABEL_MIN_WIDTH_PX`) to be named."""
    west, _, east, _ = geometry.bounds
    width = max(east - west, 1e-3)
    return max(0, min(MAX_LABEL_ZOOM, math.ceil(math.log2(LABEL_MIN_WIDTH_PX * 360 / (256 * width)))))


def region_labels(regions: gpd.GeoDataFrame) -> dict[str, dict]:
    """Return one label per region by ``region_id``: text, position, the zoom it appears from, its class and priority.

    Larger regions win a collision (priority is the area); a region that stands for a whole
    country or province is named in grey, last. Built once per dataset
    (:func:`layers.regions.region_geometries` keeps them): finding label points is the slow part.
    """
    labels = {}
    for region in regions[["region_id", "name", "kind", "area_km2", "precision", "geometry"]].itertuples(index=False):
        coarse = precision_class(region.precision) == REGION_ONLY
        lat, lon = label_point(region.geometry)
        labels[region.region_id] = {
            "id": region.region_id,
            "html": escape_html(region.name),
            "lat": round(lat, 3),
            "lon": round(lon, 3),
            "minZoom": label_min_zoom(region.geometry),
            "className": "da-label " + ("da-coarse" if coarse else "da-sea" if region.kind == "sea" else "da-area"),
            "priority": 0 if coarse else float(region.area_km2),
        }
    return labels


LABELS_JS = """function (map, paneName, z, rows, classNames, referenceFrom, maxZoom, towns) {
                var pane = map.createPane(paneName);
                pane.style.zIndex = z;
                pane.style.pointerEvents = "none";
                function markerOf(label) {
                    var marker = L.marker([label.lat, label.lon], {
                        pane: paneName, interactive: false, keyboard: false,
                        icon: L.divIcon({className: label.className, html: label.html, iconSize: null})
                    });
                    marker.daLabel = label;
                    return marker;
                }
                var markers = rows.map(function (row) {
                    return markerOf({lat: row[0], lon: row[1], minZoom: row[2], className: classNames[row[3]],
                                     html: row[4]});
                });
                // Towns, after every region's name (a region's name wins a collision), fetched once the
                // map is zoomed in far enough to name one, and gone once a tile has loaded: tiles name
                // towns themselves.
                var townsAsked = false, tilesShown = false;
                function loadTowns() {
                    if (!towns || townsAsked || map.getZoom() < towns.fromZoom) { return; }
                    townsAsked = true;
                    fetch(towns.url)
                        .then(function (response) { return response.json(); })
                        .then(function (data) {
                            data.forEach(function (row) {
                                markers.push(markerOf({lat: row[0], lon: row[1], minZoom: row[2],
                                                       className: towns.className, html: row[3], town: true}));
                            });
                            if (map.attributionControl && !tilesShown) {
                                map.attributionControl.addAttribution(towns.attribution);
                            }
                            place();
                        })
                        .catch(function (error) { console.warn("town names not loaded", error); });
                }
                map.eachLayer(function (layer) {
                    if (!towns || !(layer instanceof L.TileLayer)) { return; }
                    layer.on("tileload", function () {
                        if (tilesShown) { return; }
                        tilesShown = true;
                        if (map.attributionControl) { map.attributionControl.removeAttribution(towns.attribution); }
                        place();
                    });
                });
                function overlaps(a, b) {
                    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                }
                function inside(box, view) {
                    return box.left >= view.left && box.right <= view.right &&
                           box.top >= view.top && box.bottom <= view.bottom;
                }
                function place() {
                    var zoom = map.getZoom(), kept = [], controls = null, container = map.getContainer();
                    var view = container.getBoundingClientRect(), bounds = map.getBounds(), townsShown = 0;
                    var mostTowns = towns ? Math.max(3, Math.round(view.width * view.height / towns.pxPerTown)) : 0;
                    container.classList.toggle("da-zoomed-out", zoom < referenceFrom);
                    for (var reached = 0; reached <= maxZoom; reached++) {
                        container.classList.toggle("da-z" + reached, zoom >= reached);
                    }
                    markers.forEach(function (marker) {
                        var label = marker.daLabel;
                        if (zoom < label.minZoom) { marker.remove(); return; }
                        // Towns are context, a few and apart: the largest in view, up to a number the map's
                        // size allows, none added to the page only to be measured off screen.
                        if (label.town && (tilesShown || townsShown >= mostTowns ||
                                           !bounds.contains([label.lat, label.lon]))) { marker.remove(); return; }
                        marker.addTo(map);
                        var element = marker.getElement();
                        // A town's dot sits on the town, its name to the right; a region's name is centred.
                        element.style.marginLeft = (label.town ? -towns.dotHalf : -(element.offsetWidth / 2)) + "px";
                        element.style.marginTop = -(element.offsetHeight / 2) + "px";
                        var box = element.getBoundingClientRect();
                        var room = label.town ? {left: box.left - towns.gapPx, right: box.right + towns.gapPx,
                                                 top: box.top - towns.gapPx, bottom: box.bottom + towns.gapPx} : box;
                        var free = inside(box, view) && kept.every(function (other) { return !overlaps(room, other); });
                        // A town is only context: it never lies under the map's buttons or scale.
                        if (free && label.town) {
                            controls = controls || Array.prototype.map.call(
                                container.querySelectorAll(".leaflet-control"),
                                function (control) { return control.getBoundingClientRect(); });
                            free = controls.every(function (other) { return !overlaps(box, other); });
                        }
                        if (free) { kept.push(room); townsShown += label.town ? 1 : 0; } else { marker.remove(); }
                    });
                }
                map.whenReady(function () {
                    place();
                    loadTowns();
                    map.on("moveend", function () { place(); loadTowns(); });
                    // The component adds Leaflet's stylesheets and runs this script without waiting for
                    // them. Unstyled, a name is a full-width line below the map, judged outside it and
                    // removed: a view opened on one exercise showed no name until the reader moved it.
                    Array.prototype.forEach.call(document.querySelectorAll('link[rel="stylesheet"]'), function (link) {
                        if (!link.sheet) { link.addEventListener("load", place); }
                    });
                });
                // A small area's ring (layers.regions.small_region_rings) passes its click on to the area.
                map.getContainer().addEventListener("click", function (event) {
                    var marker = event.target.closest ? event.target.closest(".da-ring") : null;
                    var ring = marker ? marker.querySelector("[data-region]") : null;
                    if (!ring) { return; }
                    var area = map.getContainer().querySelector(
                        'path.da-region[data-region="' + CSS.escape(ring.dataset.region) + '"]');
                    if (!area) { return; }
                    var box = area.getBoundingClientRect();
                    area.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true, view: window,
                        clientX: box.left + box.width / 2, clientY: box.top + box.height / 2}));
                });
            }"""
"""Put the place names on a map and thin them after every move or zoom (see :func:`labels_layer`); mark the
map with the zooms reached, which hide small areas' rings, and pass a ring's click on to its area."""


class _Labels(HelperCall):
    _template = Template(
        "{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}"
        "{% macro script(this, kwargs) %}{{ this.script_text() }}{% endmacro %}"
    )
    helper_name = helper("labels", LABELS_JS)

    def __init__(self, labels: list[dict], towns_url: str | None = None) -> None:
        super().__init__()
        self._name = "Labels"
        self.labels = labels
        self.towns = None if towns_url is None else {
            "url": towns_url, "fromZoom": TOWNS_FROM_ZOOM, "className": TOWN_CLASS,
            "attribution": TOWNS_ATTRIBUTION, "dotHalf": TOWN_DOT_HALF_PX, "pxPerTown": PX_PER_TOWN,
            "gapPx": TOWN_GAP_PX,
        }
        self.pane = LABELS_PANE
        self.z = LABELS_PANE_Z
        self.css = LABEL_CSS
        self.reference_from = REFERENCE_LABELS_FROM_ZOOM

    def arguments(self) -> list[object]:
        return [JsCode(self._parent.get_name()), self.pane, self.z, label_rows(self.labels), list(LABEL_CLASSES),
                self.reference_from, MAX_LABEL_ZOOM, self.towns]


LABEL_CLASSES = ("da-label da-sea", "da-label da-area", "da-label da-coarse")
"""The class of a label, sent once; each label row gives its place in this list."""


def label_rows(labels: list[dict]) -> list[list]:
    """Return what the page needs of each label, in order: ``[lat, lon, minZoom, class index, html]``.

    Rows rather than objects, without the id and priority only the server uses: a label costs
    about 45 bytes instead of 150 (1.0 MB less on a map of 10,000 regions).
    """
    return [[label["lat"], label["lon"], label["minZoom"], LABEL_CLASSES.index(label["className"]), label["html"]]
            for label in labels]


def labels_layer(regions: gpd.GeoDataFrame, labels: Mapping[str, dict] | None = None,
                 towns_url: str | None = None) -> MacroElement:
    """Name the shown regions on the map, thinned by zoom.

    Each name sits at its region's label point from the zoom at which the region is wide enough;
    where two would overlap on screen, the larger region's stays, and a name that would not fit
    wholly inside the map is left out (it was cut at the map's edge: "…ssi (not disclosed)").
    Both are checked after every move and zoom.
    ``labels`` are the dataset's :func:`region_labels` when the caller has them; computed here
    for ``regions`` when not. With ``towns_url`` (:func:`layers.assets.encoded_towns`) towns are
    named too, after the regions, from :data:`geodata.towns.TOWNS_FROM_ZOOM`, while no tile has
    loaded: offline the bundled land names nothing, and tiles name towns themselves.
    """
    labels = region_labels(regions) if labels is None else labels
    shown = [labels[region_id] for region_id in regions["region_id"] if region_id in labels]
    return _Labels(sorted(shown, key=lambda label: -label["priority"]), towns_url)
