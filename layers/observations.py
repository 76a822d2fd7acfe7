"""The observations layer: where defence ministries said they saw the shown exercises' ships or aircraft."""

from __future__ import annotations

import math
from collections.abc import Mapping

import folium
import pandas as pd

from geodata import schema
from geodata.observations import observed_text
from geodata.sources import host_of
from layers.folium_internals import FastGeoJson
from layers.popups import MAX_POPUP_HEIGHT_PX, PopupBook, bind_feature_html, escape_html, popup_value, source_links

OBSERVATION_COLOUR = "#6d28d9"
OBSERVATION_RADIUS = 6
POINT_PANE = "markerPane"
"""Leaflet's marker pane (z-index 600): the points lie above the routes and strait gates of the areas
pane, which would otherwise take the click on a point drawn at a gate's middle. (folium's
``CircleMarker`` drops a ``pane`` option, so the style carries it into ``pointToLayer``.)"""
OBSERVATION_STYLE = {"color": "#ffffff", "weight": 1.5, "fill": True, "fillColor": OBSERVATION_COLOUR,
                     "fillOpacity": 0.9, "radius": OBSERVATION_RADIUS, "pane": POINT_PANE}
OTHER_POINT_STYLE = OBSERVATION_STYLE | {"opacity": 0.35, "fillOpacity": 0.3}
"""The other exercises' points while one with observed positions is selected (see
:data:`layers.routes.OTHER_ROUTE_OPACITY`)."""
POINT_CLASS = "da-observation"
"""CSS class of the points' paths (browser tests find them by it)."""
LEGEND_LABEL = "observed by a defence ministry"
"""The legend's words for the points."""

_e = escape_html


def place_if_unsaid(what: object, place: object) -> str:
    """Return ``place`` unless ``what`` already says it (61 of the 70 bundled observations do), else ``""``.

    "heading west about 50 km south-south-east of Sumisu-jima (about 50 km south-south-east of
    Sumisu-jima)" said the place twice.
    """
    place_text = str(place or "")
    return "" if place_text.casefold() in str(what or "").casefold() else place_text


def observation_html(record: Mapping[str, object], exercise_name: str) -> str:
    """One observation as escaped HTML: exercise, when, who, what, where, zone, how placed, note, source."""
    observer = schema.OBSERVERS.get(str(record["observer"]), str(record["observer"]))
    parts = [
        f'<div class="da-observation"><b>{_e(exercise_name)}</b>',
        f'<br><span class="da-meta">{_e(observed_text(record))} · {_e(observer)}</span>',
        f"<br>{_e(record['what'])}",
    ]
    place = place_if_unsaid(record["what"], record["place"])
    if place:
        parts.append(f"<br>Where: {_e(place)}")
    if record.get("zone_name"):
        parts.append(f"<br>Entered: {_e(record['zone_name'])}")
    if record.get("route_note"):
        parts.append(f"<br><i>{_e(record['route_note'])}</i>")
    if record.get("position_basis"):
        parts.append(f'<br><span class="da-meta">Position {_e(record["position_basis"])}</span>')
    if record.get("note"):
        parts.append(f"<br><i>Sources differ:</i> {_e(record['note'])}")
    parts.append(f"<br>Source: {source_links([str(record['source'])], [host_of(str(record['source']))])}</div>")
    return "".join(parts)


def shown_observations(observations: pd.DataFrame, shown_exercises: pd.DataFrame) -> pd.DataFrame:
    """Return the observations of the shown exercises, in the order given: time order for ``Dataset.observations``.

    The loader sorts them once (:data:`geodata.observations.OBSERVATION_ORDER`), so a view only picks.
    """
    if observations.empty:
        return observations
    return observations.loc[observations["exercise_id"].isin(set(shown_exercises["exercise_id"]))]


def observation_popups(observations: pd.DataFrame, exercises: pd.DataFrame) -> dict[object, str]:
    """Return each observation's popup block (:func:`observation_html`) by its row label.

    The same for every view of a dataset, so a page builds them once (``view.prepared``) and
    :func:`observation_layer` only picks and joins them.
    """
    names = dict(zip(exercises["exercise_id"], exercises["name"], strict=True))
    return {index: observation_html(record, names.get(record["exercise_id"], record["exercise_id"]))
            for index, record in zip(observations.index, observations.to_dict("records"), strict=True)}


POINT_POPUP_OPEN = f'<div class="da-popup" style="max-height:{MAX_POPUP_HEIGHT_PX}px;overflow-y:auto">'
POINT_POPUP_BETWEEN = "<hr style='margin:4px 0'>"
POINT_POPUP_CLOSE = "</div>"


def observation_popup_texts(popups: Mapping[object, str]) -> list[str]:
    """Return what every view's point popups share, for a :class:`layers.popups.PopupBook`.

    Each observation's block (:func:`observation_popups`) and the popup's own frame around them.
    """
    return [POINT_POPUP_OPEN, POINT_POPUP_BETWEEN, POINT_POPUP_CLOSE, *popups.values()]


def observation_layer(observations: pd.DataFrame, shown_exercises: pd.DataFrame,
                      popups: Mapping[object, str] | None = None,
                      selected: str | None = None, book: PopupBook | None = None) -> folium.FeatureGroup | None:
    """Draw the placed observations of the shown exercises as one GeoJson layer of points.

    Observations at the same position (several passages of one strait) share one point, whose
    popup lists them in time order.

    Parameters
    ----------
    observations : pandas.DataFrame
        Valid observations (``Dataset.observations``).
    shown_exercises : pandas.DataFrame
        The exercises in the view (``exercise_id``, ``name``).
    popups : mapping, optional
        :func:`observation_popups` of these observations, when the caller built them already.
    selected : str, optional
        The selected exercise: when it has a placed observation, points without one of its
        observations are drawn faded (:data:`OTHER_POINT_STYLE`).
    book : PopupBook, optional
        The dataset's popups file, where the map loads one: the popups refer to it.

    Returns
    -------
    folium.FeatureGroup or None
        Named ``Observed positions (N)``, N the observations drawn; None when no shown
        exercise has a placed observation.
    """
    picked = shown_observations(observations, shown_exercises)
    if picked.empty:
        return None
    placed = picked.loc[picked["position_lat"].map(lambda v: isinstance(v, float) and math.isfinite(v))]
    if placed.empty:
        return None
    names = dict(zip(shown_exercises["exercise_id"], shown_exercises["name"], strict=True))
    if popups is None:
        popups = observation_popups(placed, shown_exercises)
    points: dict[tuple[float, float], list[tuple[object, dict]]] = {}
    for index, record in zip(placed.index, placed.to_dict("records"), strict=True):
        key = (round(record["position_lat"], 5), round(record["position_lon"], 5))
        points.setdefault(key, []).append((index, record))
    picked_out = selected is not None and bool((placed["exercise_id"] == selected).any())
    features = []
    for (lat, lon), pairs in points.items():
        records = [record for _, record in pairs]
        faded = picked_out and all(record["exercise_id"] != selected for record in records)
        blocks = [piece for position, (index, _) in enumerate(pairs)
                  for piece in ((POINT_POPUP_BETWEEN,) if position else ()) + (popups[index],)]
        first = records[0]
        more = f" (+{len(records) - 1} more here)" if len(records) > 1 else ""
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "tooltip": _e(f"{names.get(first['exercise_id'], first['exercise_id'])} · {first['observed_date']}"
                              f" · {first['observer']}{more}"),
                "popup": popup_value([POINT_POPUP_OPEN, *blocks, POINT_POPUP_CLOSE], book),
                **({"faded": True} if faded else {}),
            },
        })
    fg = folium.FeatureGroup(name=f"Observed positions ({len(placed)})")
    fg.layer_id = "observations"
    latitudes, longitudes = [lat for lat, _ in points], [lon for _, lon in points]
    FastGeoJson(
        {"type": "FeatureCollection", "features": features},
        # The points' own extent: shapely would make a Point of each to find it (2.7 ms a rerun).
        bounds=[[min(latitudes), min(longitudes)], [max(latitudes), max(longitudes)]],
        style_function=lambda feature: OTHER_POINT_STYLE if feature["properties"].get("faded") else OBSERVATION_STYLE,
        marker=folium.CircleMarker(radius=OBSERVATION_RADIUS, fill=True, bubbling_mouse_events=False,
                                   class_name=POINT_CLASS),
        on_each_feature=bind_feature_html(by_reference=book is not None),
    ).add_to(fg)
    return fg


def _panel_item(r: Mapping[str, object]) -> str:
    """One observation as a line of the details panel: when, who, what, where (if unsaid), zone, source."""
    place = place_if_unsaid(r["what"], r["place"])
    placed = isinstance(r["position_lat"], float) and math.isfinite(r["position_lat"])
    return (
        f"<li>{_e(observed_text(r))} · {_e(schema.OBSERVERS.get(str(r['observer']), r['observer']))}: {_e(r['what'])}"
        f"{_e(' (' + place + ')') if place else ''}"
        f"{_e(' — entered ' + str(r['zone_name'])) if r.get('zone_name') else ''}"
        f"{'' if placed else ' · not on the map'}"
        f" · {source_links([str(r['source'])], [host_of(str(r['source']))])}</li>"
    )


def observations_panel_html(exercise_id: str, observations: pd.DataFrame) -> str:
    """Return an exercise's observations for its details panel, escaped; ``""`` when it has none.

    First, in plain words, each zone a ministry reported entered that the schematic route does
    not show (``route_note``), then every observation in time order, placed or not.
    """
    if observations.empty:
        return ""
    own = shown_observations(observations, pd.DataFrame({"exercise_id": [exercise_id]}))
    if own.empty:
        return ""
    notes = list(dict.fromkeys(note for note in own["route_note"] if note))
    items = "".join(_panel_item(r) for r in own.to_dict("records"))
    zone_notes = "".join(f"<br><i>{_e(note)}</i>" for note in notes)
    return (f'<div class="da-observations"><b>Observed by defence ministries ({len(own)})</b>{zone_notes}'
            f'<ul style="margin:2px 0 2px 18px;padding:0">{items}</ul></div>')
