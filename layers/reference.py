"""The reference layers: air defence identification zones (outlines) and strait gates, with labels."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import folium
import geopandas as gpd
import shapely
from folium.map import Layer
from folium.utilities import JsCode
from jinja2 import Template

from geodata.build.backdrop import PACIFIC_COPY_EAST, PACIFIC_COPY_WEST
from layers.basemap import AREAS_PANE
from layers.folium_internals import FastGeoJson
from layers.popups import MAX_POPUP_HEIGHT_PX, escape_html, source_links

ADIZ_COLOUR = "#c0392b"
STRAIT_COLOUR = "#0b6e6e"
REFERENCE_KINDS = ("adiz", "straits")
"""The reference layers, by the names a link uses (``ref=adiz,straits``)."""
ADIZ_STYLE = {"color": ADIZ_COLOUR, "weight": 2, "opacity": 0.9, "dashArray": "8 4 2 4", "fill": False}
STRAIT_STYLE = {"color": STRAIT_COLOUR, "weight": 4, "opacity": 0.85, "lineCap": "butt"}
LABEL_CLASS = "da-ref-label"
"""CSS class of the permanent labels (Leaflet's tooltip look; browser tests find labels by it)."""
LEGEND_NOTE = "ADIZ limits and strait gates take no position on sovereignty."
"""Small print the legend adds when a reference layer is shown."""
LEGEND_OUTLINES = {
    "adiz": ("ADIZ limit", f"2px dashed {ADIZ_COLOUR}"),
    "straits": ("Strait gate", f"4px solid {STRAIT_COLOUR}"),
}
"""The legend line of each reference layer: (label, CSS border), drawn when the layer is shown."""
REFERENCE_FOLDER = "reference"
"""Folder of the reference files below the published outlines folder (:func:`reference_files`)."""

_e = escape_html


def _bind_labelled_html() -> JsCode:
    """Bind each feature's escaped ``label`` (permanent), ``tooltip`` and ``popup`` properties."""
    return JsCode(
        "function (feature, layer) {"
        " const html = feature.properties || {};"
        f' if (html.label) layer.bindTooltip(html.label, {{permanent: true, direction: "center",'
        f' className: "{LABEL_CLASS}"}});'
        ' if (html.popup) layer.bindPopup(html.popup, {maxWidth: 440, className: "foliumpopup"});'
        " }"
    )


def _pacific(geometry: shapely.Geometry) -> shapely.Geometry:
    """Return the geometry in the map's Pacific frame: longitudes between 180° and 50° W moved east of 180°."""
    def shift(coords):
        west = (coords[:, 0] >= PACIFIC_COPY_WEST) & (coords[:, 0] < PACIFIC_COPY_EAST)
        coords[west, 0] += 360.0
        return coords

    return shapely.transform(geometry, shift)


def zone_popup_html(zone: Mapping[str, object]) -> str:
    """Popup of a zone: name, who published it and when, its vertices, precision, differences, sources; escaped."""
    vertices = "".join(f"<li>{_e(v)}</li>" for v in str(zone.get("published_vertices") or "").split(";") if v)
    area = zone.get("area_km2")
    parts = [
        f'<div class="da-popup da-reference" style="max-height:{MAX_POPUP_HEIGHT_PX}px;overflow-y:auto;'
        'min-width:260px">',
        f"<b>{_e(zone['name'])}</b>",
        f"<br>Published: {_e(zone['published'])}",
    ]
    if vertices:
        parts.append(f'<br>Points in order:<ol style="margin:2px 0 2px 18px;padding:0">{vertices}</ol>')
    if area is not None and str(area) not in ("", "nan"):
        parts.append(f"Area as drawn: {_e(f'{float(area):,.0f}')} km²<br>")
    parts.append(f"<i>{_e(zone['precision'])}</i>")
    differences = zone.get("differences")
    if isinstance(differences, str) and differences.strip():
        parts.append(f"<br>Where versions differ: {_e(differences)}")
    parts.append(f"<br>Sources: {source_links(str(zone['source']).split(';'))}</div>")
    return "".join(parts)


def strait_popup_html(strait: Mapping[str, object]) -> str:
    """Popup of a strait gate: name, other names, what the line is, its precision and sources; escaped."""
    aliases = [a for a in str(strait.get("aliases") or "").split(";") if a and a != strait["name"]]
    parts = [
        f'<div class="da-popup da-reference" style="max-height:{MAX_POPUP_HEIGHT_PX}px;overflow-y:auto;'
        'min-width:260px">',
        f"<b>{_e(strait['name'])}</b>",
    ]
    if aliases:
        parts.append(f"<br>Also: {_e(', '.join(aliases))}")
    width = strait.get("width_km")
    if width is not None and str(width) not in ("", "nan"):
        parts.append(f"<br>Gate length: {_e(f'{float(width):,.1f}')} km")
    parts.append(f"<br>Gate: {_e(strait['basis'])}")
    parts.append(f"<br><i>{_e(strait['precision'])}</i>")
    parts.append(f"<br>Sources: {source_links(str(strait['source']).split(';'))}</div>")
    return "".join(parts)


def _features(frame: gpd.GeoDataFrame, popup, style: Mapping[str, object]) -> list[dict]:
    collection = gpd.GeoSeries([_pacific(g) for g in frame.geometry], crs=frame.crs).__geo_interface__
    return [
        {
            "type": "Feature",
            "geometry": feature["geometry"],
            "properties": {"label": _e(record["name"]), "popup": popup(record), "style": dict(style)},
        }
        for feature, record in zip(collection["features"], frame.to_dict("records"), strict=True)
    ]


def reference_features(zones: gpd.GeoDataFrame, straits: gpd.GeoDataFrame) -> tuple[tuple[str, str, tuple], ...]:
    """Build the GeoJSON features of the reference layers once (they do not depend on the view).

    Returns
    -------
    tuple of (kind, title, features)
        For each kind of :data:`REFERENCE_KINDS` that has features: its layer title
        (``ADIZ (1)``) and its features (labels, popups and styles escaped and set). Never
        modified: :func:`reference_layers_of` copies each feature it draws.
    """
    kinds = []
    for kind, frame, popup, style, title in (
        ("adiz", zones, zone_popup_html, ADIZ_STYLE, "ADIZ"),
        ("straits", straits, strait_popup_html, STRAIT_STYLE, "Strait gates"),
    ):
        if not frame.empty:
            kinds.append((kind, f"{title} ({len(frame)})", tuple(_features(frame, popup, style))))
    return tuple(kinds)


def reference_kinds_shown(domains: tuple[str, ...], selected_series: str | None) -> tuple[str, ...]:
    """Which reference layers a view opens with: strait gates always, ADIZs when it is about air patrols.

    The others are in the map's layer control, switched off.
    """
    about_air = domains == ("air",) or (selected_series or "").lower().endswith("air patrol")
    return ("straits", "adiz") if about_air else ("straits",)


def reference_file_path(kind: str) -> str:
    """Path of a reference kind's file below the published outlines folder (``reference/adiz.json``)."""
    return f"{REFERENCE_FOLDER}/{kind}.json"


def reference_files(features: tuple[tuple[str, str, tuple], ...]) -> dict[str, bytes]:
    """Return the files the browser fetches a reference layer from when it is switched on.

    Keys are paths below the published outlines folder (:func:`reference_file_path`), values a
    compact GeoJSON FeatureCollection of the kind's prepared features (:func:`reference_features`).
    Published with the region outlines (:meth:`layers.regions.RegionGeometries.outline_files`),
    in a folder named after a digest of every file, so a changed layer gets a new URL.
    """
    return {
        reference_file_path(kind): json.dumps(
            {"type": "FeatureCollection", "features": list(kind_features)}, separators=(",", ":")
        ).encode()
        for kind, _, kind_features in features
    }


class _OnDemandGeoJson(Layer):
    """A reference kind's GeoJSON layer whose features the browser fetches the first time it is on the map.

    Its FeatureGroup may start switched off; the file (:func:`reference_files`) is then fetched
    only if the reader switches the layer on in the layer control (or a link does). Features,
    styles, labels and popups are those of the inline layer (:class:`FastGeoJson`); a failed
    fetch is tried again the next time the layer is switched on.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJson(null, {
                pane: {{ this.pane|tojson }},
                style: function (feature) { return feature.properties.style; },
                onEachFeature: {{ this.on_each_feature.js_code }}
            });
            (function (layer) {
                var state = "";
                layer.on("add", function () {
                    if (state) { return; }
                    state = "loading";
                    fetch({{ this.url|tojson }}).then(function (response) {
                        if (!response.ok) { throw new Error("HTTP " + response.status); }
                        return response.json();
                    }).then(function (data) {
                        layer.addData(data);
                        state = "loaded";
                    }).catch(function (error) {
                        state = "";
                        console.warn("reference layer not loaded", error);
                    });
                });
            })({{ this.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, on_each_feature: JsCode, pane: str):
        super().__init__(name=None, overlay=True, control=False, show=True)
        self._name = "OnDemandGeoJson"
        self.url = url
        self.on_each_feature = on_each_feature
        self.pane = pane


def reference_layers_of(
    features: tuple[tuple[str, str, tuple], ...], show: Iterable[str] = (), base_url: str | None = None
) -> list[folium.FeatureGroup]:
    """Draw prepared reference features (:func:`reference_features`): one FeatureGroup per kind.

    ``show`` names the kinds switched on; the others are added switched off, so the reader can
    turn them on in the layer control. Each group carries ``layer_id`` (its kind) and
    ``legend_outline`` (:data:`LEGEND_OUTLINES`), which :func:`layers.compose.dashboard_map` puts in
    the legend when the group is shown.

    With ``base_url``, the folder URL of the published outlines (:attr:`layers.assets.AssetUrls.outlines`,
    where :func:`reference_files` of the same features were published), each group fetches its
    kind's file the first time it is on the map instead of carrying the features: a kind that
    stays switched off costs the map a few hundred bytes. Without it (no static folder, a map
    saved to a file) the features are in the map itself.
    """
    shown = set(show)
    groups = []
    for kind, title, kind_features in features:
        group = folium.FeatureGroup(name=title, show=kind in shown)
        group.layer_id = kind
        group.legend_outline = LEGEND_OUTLINES[kind]
        if base_url:
            _OnDemandGeoJson(base_url + reference_file_path(kind), _bind_labelled_html(), AREAS_PANE).add_to(group)
        else:
            FastGeoJson(
                # folium may write an "id" into each feature: draw copies, the prepared ones are shared.
                {"type": "FeatureCollection", "features": [dict(feature) for feature in kind_features]},
                style_function=lambda feature: feature["properties"]["style"],
                on_each_feature=_bind_labelled_html(),
                pane=AREAS_PANE,
            ).add_to(group)
        groups.append(group)
    return groups


def reference_layers(
    zones: gpd.GeoDataFrame, straits: gpd.GeoDataFrame, show: Iterable[str] = ()
) -> list[folium.FeatureGroup]:
    """Draw the zones as labelled outlines and the strait gates as labelled lines.

    Parameters
    ----------
    zones : geopandas.GeoDataFrame
        From :func:`geodata.reference.read_zones`.
    straits : geopandas.GeoDataFrame
        From :func:`geodata.reference.read_straits`.
    show : iterable of str
        The kinds (of :data:`REFERENCE_KINDS`) switched on; the others are added switched off,
        so the reader can turn them on in the layer control.

    Returns
    -------
    list of folium.FeatureGroup
        ``ADIZ (N)`` and ``Strait gates (N)``, each holding one GeoJson in the areas pane with a
        permanent label per feature and a popup with the sources; a kind with no feature is
        left out. Every text value is escaped. A page drawing many maps prepares the features
        once (:func:`reference_features`) and draws them with :func:`reference_layers_of`.
    """
    return reference_layers_of(reference_features(zones, straits), show)


def reference_legend_items(zones: gpd.GeoDataFrame, straits: gpd.GeoDataFrame) -> list[tuple[str, str]]:
    """Return the legend swatches of the reference layers that have features: ``(label, colour)``."""
    items = []
    if not zones.empty:
        items.append((LEGEND_OUTLINES["adiz"][0], ADIZ_COLOUR))
    if not straits.empty:
        items.append((LEGEND_OUTLINES["straits"][0], STRAIT_COLOUR))
    return items
