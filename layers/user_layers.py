"""Layers the analyst brings: an uploaded file, and the areas read from a navigational warning.

Both are drawn above the drill regions in colours and dash patterns the regions never use, and
every text from the file or the notice is escaped here: folium's tooltips and popups insert
property values as HTML.
"""

from __future__ import annotations

from types import MappingProxyType

import folium
import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geodata.notices import NoticeArea, ParsedNotice, Position, area_title
from layers.basemap import AREAS_PANE
from layers.folium_internals import FastGeoJson
from layers.popups import bind_feature_html, escape_html

UPLOAD_COLOUR = "#00897b"
NOTICE_COLOUR = "#d7191c"
UPLOAD_STYLE = MappingProxyType(
    {"color": UPLOAD_COLOUR, "weight": 2, "fillColor": UPLOAD_COLOUR, "fillOpacity": 0.15, "dashArray": "6 3"}
)
NOTICE_STYLE = MappingProxyType(
    {"color": NOTICE_COLOUR, "weight": 3, "fillColor": NOTICE_COLOUR, "fillOpacity": 0.12, "dashArray": "10 5",
     "className": "da-notice"}
)
POINT_RADIUS_PX = 6
MAX_POPUP_PROPERTIES = 30
MAX_VALUE_CHARS = 300
MAX_LAYER_TEXT_CHARS = 1_500_000
"""Property text embedded in the map for one uploaded layer, every popup together: a layer of many
features shows fewer and shorter properties per popup, so 5,000 features with 200 long properties
each cannot make a map of tens of megabytes."""
MAX_POPUP_VERTICES = 40
MAX_POPUP_TIMES = 10
NOTICE_LABEL_CSS = (
    "display:inline-block;transform:translate(-50%,-50%);white-space:nowrap;font:600 12px sans-serif;"
    "color:#fff;background:#d7191c;border-radius:3px;padding:1px 5px;box-shadow:0 0 2px #0006"
)
NAME_COLUMNS = ("name", "title", "label", "id")
KIND_LABELS = MappingProxyType(
    {
        "polygon": "area",
        "circle": "circle",
        "circles": "circles",
        "corridor": "corridor along a line",
        "sector": "sector",
        "line": "line",
        "point": "point",
    }
)


_e = escape_html


def _cut(text: object, limit: int = MAX_VALUE_CHARS) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text):,} characters)"


def popup_limits(feature_count: int) -> tuple[int, int]:
    """Properties per popup and characters per value for a layer of ``feature_count`` features.

    Within :data:`MAX_LAYER_TEXT_CHARS` for the whole layer; never fewer than 3 properties of 40
    characters.
    """
    budget = MAX_LAYER_TEXT_CHARS // max(feature_count, 1)
    count = min(MAX_POPUP_PROPERTIES, max(3, budget // 100))
    return count, min(MAX_VALUE_CHARS, max(40, budget // count - 60))


def properties_html(
    properties: dict[str, object],
    title: str,
    *,
    max_properties: int = MAX_POPUP_PROPERTIES,
    max_chars: int = MAX_VALUE_CHARS,
) -> str:
    """Show a feature's properties as an escaped two-column table under a title.

    Parameters
    ----------
    properties : dict
        Property names and values (any text, hostile or huge).
    title : str
        Heading of the popup.
    max_properties, max_chars : int
        Properties shown, and characters shown of each value (see :func:`popup_limits`).

    Returns
    -------
    str
        HTML showing at most ``max_properties`` properties, each name cut to 60 characters and
        each value to ``max_chars``, escaped.
    """
    items = list(properties.items())
    rows = "".join(
        f'<tr><th style="text-align:left;padding-right:6px;vertical-align:top">{_e(_cut(key, 60))}</th>'
        f"<td>{_e(_cut(value, max_chars))}</td></tr>"
        for key, value in items[:max_properties]
    )
    more = len(items) - max_properties
    extra = f'<br><span class="da-meta">… and {more} more properties</span>' if more > 0 else ""
    return (
        f'<div class="da-popup">'
        f'<h4 style="margin:0 0 4px">{_e(_cut(title, 120))}</h4><table>{rows}</table>{extra}</div>'
    )


def _geojson(features: list[dict], style: MappingProxyType) -> folium.GeoJson:
    return FastGeoJson(
        {"type": "FeatureCollection", "features": features},
        style_function=lambda feature: dict(style),
        highlight_function=lambda feature: {"weight": int(style["weight"]) + 2, "fillOpacity": 0.3},
        on_each_feature=bind_feature_html(),
        marker=folium.CircleMarker(
            radius=POINT_RADIUS_PX, color=style["color"], fill=True, fill_color=style["color"], fill_opacity=0.8
        ),
        pane=AREAS_PANE,
    )


def _feature(geometry: BaseGeometry, tooltip: str, popup: str) -> dict:
    return {
        "type": "Feature",
        "geometry": shapely.geometry.mapping(geometry),
        "properties": {"tooltip": tooltip, "popup": popup},
    }


def upload_layer(frame: gpd.GeoDataFrame, name: str) -> folium.FeatureGroup:
    """Draw an uploaded file's features as one GeoJson layer.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        From :func:`geodata.uploads.read_upload`: EPSG:4326, properties as text.
    name : str
        Layer name (usually the file name), escaped here: the layer control inserts it as HTML.

    Returns
    -------
    folium.FeatureGroup
        Holding one GeoJson whose features carry only an escaped ``tooltip`` (the feature's
        name-like property, else the layer name) and ``popup`` (every property); the raw
        property values are not put in the page.
    """
    columns = [c for c in frame.columns if c != frame.geometry.name]
    by_lower = {str(c).strip().lower(): c for c in columns}
    label_column = next((by_lower[n] for n in NAME_COLUMNS if n in by_lower), None)
    max_properties, max_chars = popup_limits(len(frame))
    features = []
    records = frame[columns].rename(columns=str).to_dict("records")
    for index, (geometry, properties) in enumerate(zip(frame.geometry, records, strict=True)):
        label = str(properties.get(str(label_column)) or "") if label_column is not None else ""
        title = label or f"{name} · feature {index + 1}"
        popup = properties_html(properties, title, max_properties=max_properties, max_chars=max_chars)
        features.append(_feature(geometry, _e(_cut(title, 120)), popup))
    layer_name = _e(f"Your layer: {_cut(name, 80)} ({len(features)} feature{'s' if len(features) != 1 else ''})")
    fg = folium.FeatureGroup(name=layer_name)
    fg.layer_id = "upload"
    if features:
        _geojson(features, UPLOAD_STYLE).add_to(fg)
    return fg


def _position_text(position: Position) -> str:
    """``42°30.000'N 131°45.000'E``: degrees and decimal minutes, as notices write them."""

    def part(value: float, positive: str, negative: str, width: int) -> str:
        hemisphere = positive if value >= 0 else negative
        minutes_total = round(abs(value) * 60, 3)
        degrees, minutes = divmod(minutes_total, 60)
        return f"{int(degrees):0{width}d}°{minutes:06.3f}'{hemisphere}"

    return f"{part(position.lat, 'N', 'S', 2)} {part(position.lon, 'E', 'W', 3)}"


def notice_popup_html(area: NoticeArea, label: str) -> str:
    """Popup of a notice's area: title, kind, radius or bearings, time windows and the positions read, escaped."""
    kind = KIND_LABELS.get(area.kind, area.kind)
    if area.radius_km is not None:
        what = "half-width" if area.kind == "corridor" else "radius"
        kind += f", {what} {area.radius_km:,.2f} km ({area.radius_km / 1.852:,.2f} NM)"
    if area.bearings is not None:
        kind += f", bearings {area.bearings[0]:05.1f}° to {area.bearings[1]:05.1f}°"
    times = "".join(f"<li>{_e(window.describe())}</li>" for window in area.times[:MAX_POPUP_TIMES])
    positions = "".join(f"<li>{_e(_position_text(p))}</li>" for p in area.vertices[:MAX_POPUP_VERTICES])
    more = len(area.vertices) - MAX_POPUP_VERTICES
    extra = f"<li>… and {more} more</li>" if more > 0 else ""
    return (
        f'<div class="da-popup">'
        f'<h4 style="margin:0 0 4px">{_e(_cut(label, 120))}</h4>'
        f'<span class="da-meta">From a notice: {_e(kind)}, {len(area.vertices)} position'
        f'{"s" if len(area.vertices) != 1 else ""}</span>'
        + (f'<br><span class="da-meta">In force (UTC):</span><ul style="margin:2px 0 2px 18px;padding:0">{times}</ul>'
           if times else "")
        + f'<ol style="margin:2px 0 2px 18px;padding:0">{positions}{extra}</ol></div>'
    )


def _label_marker(area: NoticeArea, title: str) -> folium.Marker:
    """Write the area's label on the map at a point inside it (escaped)."""
    point = area.geometry.representative_point() if area.geometry.geom_type != "Point" else area.geometry
    html = f'<div class="da-notice-label" style="{NOTICE_LABEL_CSS}">{_e(_cut(title, 60))}</div>'
    return folium.Marker(
        [point.y, point.x], icon=folium.DivIcon(html=html, icon_size=(0, 0), class_name="da-notice-label-icon")
    )


def notice_layer(parsed: ParsedNotice, label: str) -> folium.FeatureGroup:
    """Draw every area read from a navigational warning, each with its label written on the map.

    Parameters
    ----------
    parsed : ParsedNotice
        From :func:`geodata.notices.parse_notice`.
    label : str
        Name of the notice (e.g. ``NAVAREA XI 123/24``), shown in the layer control, and with
        each area's own label (:func:`geodata.notices.area_title`) on the map, in its tooltip
        and its popup; escaped here.

    Returns
    -------
    folium.FeatureGroup
        Holding one GeoJson with a feature per area in the notice colour and, when there are
        several areas, a label on each; empty when nothing was read.
    """
    name = _e(f"Notice: {_cut(label, 80)}")
    fg = folium.FeatureGroup(name=name)
    fg.layer_id = "notice"
    features = []
    for index, area in enumerate(parsed.areas, start=1):
        if area.geometry is None or area.geometry.is_empty:
            continue
        title = area_title(label, area, index, len(parsed.areas))
        features.append(_feature(area.geometry, _e(_cut(title, 120)), notice_popup_html(area, title)))
        if len(parsed.areas) > 1:
            _label_marker(area, area.label or str(index)).add_to(fg)
    if features:
        _geojson(features, NOTICE_STYLE).add_to(fg)
    return fg
