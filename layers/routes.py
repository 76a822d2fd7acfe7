"""The routes layer: patrol, transit and air-patrol lines of the shown exercises."""

from __future__ import annotations

from collections.abc import Mapping

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.routes import route_parts
from layers.basemap import AREAS_PANE
from layers.folium_internals import FastGeoJson
from layers.outlines import encode_lines
from layers.popups import PopupBook, bind_feature_html, date_range_text, escape_html, popup_value, source_links
from layers.styles import ROUTE_COLOURS

ROUTE_KIND_LABELS = {"patrol": "patrol", "transit": "transit", "air_patrol": "air patrol"}
ROUTE_DASHES = {"patrol": None, "transit": "10 7", "air_patrol": "1 6"}
"""Leaflet ``dashArray`` per route kind: patrols solid, transits dashed, air patrols dotted."""
ROUTE_WEIGHT = 2.5
UNREPORTED_LEG = {"dashArray": "10 5 2 5", "opacity": 0.6}
"""A leg whose way no source gives: a faint dash-dot straight line, unlike any route kind's
(a ship's straight line home from the East China Sea to Vladivostok crossed Korea)."""
ROUTE_KIND_LEGEND = {"patrol": "patrol route", "transit": "transit", "air_patrol": "air patrol"}
UNREPORTED_LEGEND = "way not reported (drawn straight)"
SELECTED_ROUTE = {"weight": ROUTE_WEIGHT + 2.5, "opacity": 1.0}
"""A selected exercise's routes: twice as wide in their own dark colour, drawn over the others
(amber, the colour of its regions' outline, ran into that outline along the coasts)."""
OTHER_ROUTE_OPACITY = 0.35
"""The other routes' opacity while an exercise with a route is selected: among 20 routes its own
line was lost (the selection outlined only its regions)."""
ROUTE_DECIMALS = 5
"""Decimal places a route's coordinates keep on the map (about a metre; routes are schematic)."""


_e = escape_html

ROUTE_CLASS = "da-route"
"""CSS class of every route's path: what the page's styles and the browser tests find routes by."""


def route_legend(kinds: set[str], unreported: bool) -> list[tuple[str, str | None, float]]:
    """Return the legend lines (label, dash array, opacity) of the route kinds drawn, in :data:`ROUTE_DASHES` order."""
    lines = [(ROUTE_KIND_LEGEND[kind], ROUTE_DASHES[kind], 1.0) for kind in ROUTE_DASHES if kind in kinds]
    return lines + ([(UNREPORTED_LEGEND, UNREPORTED_LEG["dashArray"], UNREPORTED_LEG["opacity"])] if unreported else [])


def route_style(route_kind: str, domain: str) -> dict[str, object]:
    """Leaflet path options of a route: the exercise's domain colour, the kind's dash pattern.

    Parameters
    ----------
    route_kind : str
        One of :data:`geodata.schema.ROUTE_KINDS`.
    domain : str
        The exercise's domain (a key of :data:`layers.styles.GROUP_COLOURS`).

    Returns
    -------
    dict
        ``color``, ``weight``, ``opacity``, ``lineCap`` and ``dashArray`` (None for solid).
    """
    return {
        "color": ROUTE_COLOURS[domain],
        "weight": ROUTE_WEIGHT,
        "opacity": 0.9,
        "lineCap": "round",
        "dashArray": ROUTE_DASHES[route_kind],
    }


def route_tooltip_html(route: Mapping[str, object], exercise: Mapping[str, object], leg: int | None = None) -> str:
    """Hover text of a route: ``exercise name · kind``, escaped; for an unreported leg, its two ends."""
    text = f"{_e(exercise['name'])} · {_e(ROUTE_KIND_LABELS[str(route['route_kind'])])}"
    if leg is None:
        return text
    places = route["waypoint_list"]
    ends = f" from {places[leg - 1]} to {places[leg]}" if leg < len(places) else ""
    return f"{text}<br>way{_e(ends)} not reported: drawn straight"


def route_popup_html(route: Mapping[str, object], exercise: Mapping[str, object]) -> str:
    """Popup of a route: exercise, dates, kind, waypoints in order, straits, precision, sources.

    Parameters
    ----------
    route : mapping
        A valid route (see :func:`geodata.routes.validate_routes`), with ``waypoint_list``,
        ``strait_list``, ``source_urls``, ``route_kind`` and ``precision``.
    exercise : mapping
        Its exercise row, with ``name``, ``start_date``, ``end_date``, ``date_precision``.

    Returns
    -------
    str
        HTML with every text value escaped and only http(s) sources linked.
    """
    dates = date_range_text(
        str(exercise["start_date"]), str(exercise["end_date"]), str(exercise.get("date_precision") or "day")
    )
    unreported = set(route.get("unreported_list") or ())
    stops = "".join(f"<li>{_e(place)}{' <i>(way here not reported)</i>' if leg in unreported else ''}</li>"
                    for leg, place in enumerate(route["waypoint_list"]))
    parts = [
        '<div class="da-popup da-route">',
        f'<b>{_e(exercise["name"])}</b>',
        f'<br><span class="da-meta">{_e(dates)} · {_e(ROUTE_KIND_LABELS[str(route["route_kind"])])}</span>',
        f'<br>Waypoints in order:<ol style="margin:2px 0 2px 18px;padding:0">{stops}</ol>',
    ]
    if route["strait_list"]:
        parts.append(f"Straits: {_e(', '.join(route['strait_list']))}<br>")
    parts.append(f"<i>{_e(route['precision'])}</i>")
    parts.append(f"<br>Sources: {source_links(route['source_urls'])}</div>")
    return "".join(parts)


ROUTE_EXERCISE_FIELDS = ("name", "domain", "start_date", "end_date", "date_precision")
"""What a route's tooltip, popup and style read of its exercise."""
ROUTE_FIELDS = ("route_id", "exercise_id", "route_kind", "waypoint_list", "strait_list", "precision", "source_urls",
                "unreported_list")
"""What its tooltip, popup and style read of a route."""


def _records(frame: pd.DataFrame, fields: tuple[str, ...], rows: np.ndarray | None = None) -> list[dict]:
    """Return ``fields`` of the frame's rows (at positions ``rows``, or all) as plain dicts, column by column."""
    columns = [frame[field].to_numpy() if rows is None else frame[field].to_numpy()[rows] for field in fields]
    return [dict(zip(fields, values, strict=True)) for values in zip(*columns, strict=True)]


def route_popup_texts(routes: gpd.GeoDataFrame, exercises: pd.DataFrame) -> list[str]:
    """Return every route's popup (:func:`route_popup_html`), the same in every view, for a :class:`PopupBook`."""
    by_id = {record["exercise_id"]: record for record in _records(exercises, ("exercise_id", *ROUTE_EXERCISE_FIELDS))}
    return [route_popup_html(route, by_id[route["exercise_id"]])
            for route in _records(routes, ROUTE_FIELDS) if route["exercise_id"] in by_id]


def route_layer(routes: gpd.GeoDataFrame, shown_exercises: pd.DataFrame,
                selected: str | None = None, book: PopupBook | None = None) -> folium.FeatureGroup | None:
    """Draw the routes of the shown exercises as one GeoJson layer.

    Parameters
    ----------
    routes : geopandas.GeoDataFrame
        Valid routes in EPSG:4326 (``Dataset.routes``); Pacific-frame longitudes are kept.
    shown_exercises : pandas.DataFrame
        The exercises in the view, with ``exercise_id``, ``name``, ``domain``,
        ``start_date``, ``end_date`` and ``date_precision``.
    selected : str, optional
        The selected exercise: its routes are drawn last in :data:`SELECTED_ROUTE`, the others
        at :data:`OTHER_ROUTE_OPACITY` (unchanged when it has no route).
    book : PopupBook, optional
        The dataset's popups file, where the map loads one: the popups refer to it.

    Returns
    -------
    folium.FeatureGroup or None
        Named ``Routes (N)``, holding one GeoJson layer in the areas pane (above the region
        polygons, so lines stay visible and clickable), routes in date order (a selected
        exercise's last), each followed by its unreported legs (:func:`geodata.routes.route_parts`);
        None when no shown exercise has a route. ``legend_lines`` holds its :func:`route_legend`.
        Each line is an encoded polyline (:func:`layers.outlines.encode_lines`, :data:`ROUTE_DECIMALS`),
        which the map's :class:`layers.outlines.OutlineDecoder` decodes.
    """
    # Plain records over the few fields used: the same selection with pandas operations cost 11 ms a view.
    exercises = {record["exercise_id"]: record
                 for record in _records(shown_exercises, ("exercise_id", *ROUTE_EXERCISE_FIELDS))}
    picked = np.flatnonzero(routes["exercise_id"].isin(exercises).to_numpy())
    if not len(picked):
        return None
    found = _records(routes, ROUTE_FIELDS, picked)
    picked_out = any(route["exercise_id"] == selected for route in found)
    order = sorted(range(len(found)), key=lambda i: (
        picked_out and found[i]["exercise_id"] == selected,
        exercises[found[i]["exercise_id"]]["start_date"], found[i]["exercise_id"], found[i]["route_id"]))
    features, styles = [], {}
    lines = routes.geometry.values[picked]
    # One feature per route (its reported legs), then one per unreported leg, drawn apart.
    pieces: list[tuple[dict, int | None, object]] = []
    for route, line in zip((found[i] for i in order), lines[order], strict=True):
        runs, legs = route_parts(line, tuple(route["unreported_list"] or ()))
        pieces.append((route, None, runs[0] if len(runs) == 1 else shapely.MultiLineString(runs) if runs else None))
        pieces.extend((route, leg, leg_line) for leg, leg_line in legs)
    geometries = encode_lines([geometry for _, _, geometry in pieces], ROUTE_DECIMALS)
    for geometry, (route, leg, _) in zip(geometries, pieces, strict=True):
        if geometry is None:  # every leg unreported: only the legs are drawn
            continue
        exercise = exercises[route["exercise_id"]]
        key = route["route_id"] if leg is None else f"{route['route_id']} leg {leg}"
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "route_id": key,
                    "exercise_id": route["exercise_id"],
                    "tooltip": route_tooltip_html(route, exercise, leg),
                    # a leg's popup says what its hover says: the route's own popup lists the waypoints
                    "popup": popup_value([route_popup_html(route, exercise) if leg is None else
                                          f'<div class="da-popup da-route">{route_tooltip_html(route, exercise, leg)}'
                                          "</div>"], book),
                },
            }
        )
        # kept out of the features: folium sends each distinct style once, in the layer's switch
        style = route_style(str(route["route_kind"]), str(exercise["domain"])) | (UNREPORTED_LEG if leg else {})
        if picked_out:
            style |= SELECTED_ROUTE if route["exercise_id"] == selected else {"opacity": OTHER_ROUTE_OPACITY}
        styles[key] = style
    west, south, east, north = shapely.total_bounds(lines)
    fg = folium.FeatureGroup(name=f"Routes ({len(found)})")
    fg.layer_id = "routes"
    fg.legend_lines = route_legend({str(route["route_kind"]) for route in found},
                                   any(leg is not None for _, leg, _ in pieces))
    FastGeoJson(
        {"type": "FeatureCollection", "features": features},
        bounds=[[float(south), float(west)], [float(north), float(east)]],
        style_function=lambda feature: styles[feature["properties"]["route_id"]],
        highlight_function=lambda feature: {"weight": ROUTE_WEIGHT + 3, "opacity": 1.0},
        on_each_feature=bind_feature_html(by_reference=book is not None),
        pane=AREAS_PANE,
        className=ROUTE_CLASS,
    ).add_to(fg)
    return fg
