"""Read and validate geodata/routes.geojson: patrol and transit routes as ordered lines.

Routes are optional: a missing file means no routes. A file that exists but cannot be used
raises :class:`~geodata.problems.DataError`; bad features inside a usable file are reported
as :class:`~geodata.problems.Problem` (file, feature, field) and left out.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata import schema
from geodata.files import cell_text, read_geojson_layer
from geodata.geometry import pacific_frame
from geodata.problems import ERROR, WARNING, Problem, quote
from geodata.rules import split_list

MAX_ROUTES_FILE_BYTES = 10 * 1024 * 1024
"""Largest routes file read; a bigger one is refused."""
MAX_LONGITUDE_STEP = 180.0
"""Largest longitude change between consecutive points; more means the line wraps the globe."""


def empty_routes() -> gpd.GeoDataFrame:
    """Return a routes frame with no rows: the columns of a valid one, in EPSG:4326."""
    columns = {name: pd.Series(dtype=object) for name in (*schema.ROUTE_PROPERTIES, schema.UNREPORTED_LEGS,
                                                         "waypoint_list", "strait_list", "source_urls",
                                                         "unreported_list")}
    return gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries([], crs="EPSG:4326"), crs="EPSG:4326")


def read_routes(path: Path) -> gpd.GeoDataFrame:
    """Read routes.geojson with pyogrio, in EPSG:4326.

    Parameters
    ----------
    path : pathlib.Path
        GeoJSON FeatureCollection of LineStrings with :data:`geodata.schema.ROUTE_PROPERTIES`.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per feature, properties as read; :func:`empty_routes` when the file does
        not exist or holds no feature.

    Raises
    ------
    DataError
        If the file is empty, too large, not readable as GeoJSON, or its features lack a
        required property.
    """
    path = Path(path)
    if not path.exists():
        return empty_routes()
    routes = read_geojson_layer(path, schema.ROUTE_PROPERTIES, MAX_ROUTES_FILE_BYTES)
    if routes.empty:
        return empty_routes()
    if schema.UNREPORTED_LEGS not in routes.columns:  # optional: a file without it has none
        routes[schema.UNREPORTED_LEGS] = ""
    return routes


def unreported_legs(cell: str, points: int) -> tuple[tuple[int, ...], list[str]]:
    """Parse :data:`geodata.schema.UNREPORTED_LEGS` for a line of ``points`` points.

    Returns
    -------
    legs : tuple of int
        The valid leg numbers (1 .. points - 1), sorted, once each.
    bad : list of str
        The items that are not such a number.
    """
    legs, bad = set(), []
    for item in split_list(cell):
        if item.isdigit() and 1 <= int(item) <= points - 1:
            legs.add(int(item))
        else:
            bad.append(item)
    return tuple(sorted(legs)), bad


def route_parts(line: shapely.LineString, legs: tuple[int, ...]) -> tuple[list[shapely.LineString],
                                                                          list[tuple[int, shapely.LineString]]]:
    """Split a route at its unreported legs.

    Parameters
    ----------
    line : shapely.LineString
        The route as the map draws it (one point per waypoint).
    legs : tuple of int
        Its unreported legs (:func:`unreported_legs`); leg k runs from point k - 1 to point k.

    Returns
    -------
    reported : list of shapely.LineString
        The runs of reported legs, in route order (the whole line when no leg is unreported).
    unreported : list of (int, shapely.LineString)
        Each unreported leg and its straight line.
    """
    if not legs:
        return [line], []
    coords = shapely.get_coordinates(line)
    reported, unreported, run = [], [], [0]
    for leg in range(1, len(coords)):
        if leg in legs:
            unreported.append((leg, shapely.LineString(coords[leg - 1:leg + 1])))
            if len(run) > 1:
                reported.append(shapely.LineString(coords[run]))
            run = [leg]
        else:
            run.append(leg)
    if len(run) > 1:
        reported.append(shapely.LineString(coords[run]))
    return reported, unreported


def _text(value: object) -> str:
    """Return a property as text without surrounding spaces; missing values become ``""``."""
    return cell_text(value).strip()


def _feature_label(index: int, route_id: str) -> str:
    label = f"feature {index + 1}"
    return f"{label} ({quote(route_id, 40)[1:-1]})" if route_id else label


def _geometry_problems(geometry: object) -> list[tuple[str, str]]:
    """Field and message of each problem with a route's line as stored; empty when the line is usable.

    The file is RFC 7946: a route crossing 180° is a MultiLineString cut there, whose parts
    must join into one line again in the Pacific frame (:func:`geodata.geometry.pacific_frame`).
    """
    if geometry is None or geometry.is_empty:
        return [("geometry", "is missing, empty or unreadable (a LineString needs at least 2 points)")]
    if geometry.geom_type not in ("LineString", "MultiLineString"):
        return [("geometry", f"is a {geometry.geom_type}; routes must be LineString "
                             "(MultiLineString when cut at 180°)")]
    if not geometry.is_valid:
        return [("geometry", f"is invalid ({shapely.is_valid_reason(geometry)})")]
    coords = shapely.get_coordinates(geometry)
    found = []
    if np.abs(coords[:, 1]).max() > 90.0:
        found.append(("geometry", "has a latitude beyond ±90°"))
    west, east = coords[:, 0].min(), coords[:, 0].max()
    if west < schema.FILE_LON_RANGE[0] or east > schema.FILE_LON_RANGE[1]:
        found.append(("geometry", f"longitudes reach {west:.6g} to {east:.6g}, beyond ±180°: RFC 7946 files keep "
                                  "every longitude within ±180° and cut a line that crosses 180° into "
                                  "MultiLineString parts (python -m geodata.build.routes does)"))
        return found
    line = pacific_frame(geometry)
    if line.geom_type != "LineString":
        return [*found, ("geometry", f"has {len(shapely.get_parts(line))} parts that do not join into one line "
                                     "(only the cut at 180° may split a route)")]
    steps = np.abs(np.diff(shapely.get_coordinates(line)[:, 0]))
    if steps.max() > MAX_LONGITUDE_STEP:
        point = int(steps.argmax()) + 1
        found.append(("geometry", f"jumps {steps.max():.1f}° in longitude between points {point} and {point + 1}; "
                                  "cut a line that crosses 180° into MultiLineString parts"))
    return found


def _route_problems(
    text: dict[str, str], geometry: object, exercise_ids: frozenset[str]
) -> list[tuple[str, str, str]]:
    """Return (field, message, severity) for everything wrong with one route on its own."""
    found: list[tuple[str, str, str]] = []
    for name, value in text.items():
        if len(value) > schema.MAX_TEXT_LENGTH:
            found.append((name, f"is {len(value)} characters long; the limit is {schema.MAX_TEXT_LENGTH}", ERROR))
    if not schema.SLUG_PATTERN.match(text["route_id"]):
        found.append(("route_id", f"{quote(text['route_id'])} is not a slug (lower-case letters, digits, '_')", ERROR))
    if text["exercise_id"] not in exercise_ids:
        found.append(("exercise_id", f"{quote(text['exercise_id'])} is not a valid exercise_id in "
                      f"{schema.EXERCISES_FILE}", ERROR))
    if text["route_kind"] not in schema.ROUTE_KINDS:
        found.append(("route_kind", f"{quote(text['route_kind'])} is not one of {', '.join(schema.ROUTE_KINDS)}",
                      ERROR))
    waypoints = split_list(text["waypoints"])
    if not waypoints:
        found.append(("waypoints", "is empty; give the place names in order, joined by ';'", ERROR))
    sources = split_list(text["source"])
    if not sources:
        found.append(("source", "is empty; every route needs at least one http(s) source URL", ERROR))
    found.extend(("source", f"{quote(url)} is not an http(s) URL", ERROR)
                 for url in sources if not schema.URL_PATTERN.match(url))
    line_problems = _geometry_problems(geometry)
    found.extend((field, message, ERROR) for field, message in line_problems)
    if waypoints and not line_problems:
        points = len(shapely.get_coordinates(pacific_frame(geometry)))
        if points != len(waypoints):
            found.append(("waypoints", f"names {len(waypoints)} places but the line has {points} points", WARNING))
        _, bad = unreported_legs(text.get(schema.UNREPORTED_LEGS, ""), points)
        if bad:
            found.append((schema.UNREPORTED_LEGS, f"{', '.join(quote(item) for item in bad[:5])} "
                          f"{'is not a leg' if len(bad) == 1 else 'are not legs'} of a line of {points} points "
                          "(1 to points - 1); drawn as reported", WARNING))
    return found


def validate_routes(
    routes: gpd.GeoDataFrame, exercise_ids: frozenset[str], file: str = schema.ROUTES_FILE
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check every route and keep the good ones.

    Parameters
    ----------
    routes : geopandas.GeoDataFrame
        From :func:`read_routes`, in EPSG:4326.
    exercise_ids : frozenset of str
        The ``exercise_id`` values a route may belong to (the valid exercises).
    file : str
        File name used in problem messages.

    Returns
    -------
    valid : geopandas.GeoDataFrame
        Good routes in file order, text properties stripped (``straits`` ``""`` when
        empty), plus ``waypoint_list``, ``strait_list`` and ``source_urls`` (tuples of str)
        and ``unreported_list`` (:func:`unreported_legs`, tuple of int);
        each line as the map draws it, one LineString in the Pacific frame.
    problems : list of Problem
        Errors (route dropped): a route_id that is not a slug or is repeated, an unknown
        exercise_id, a route_kind not in :data:`geodata.schema.ROUTE_KINDS`, no waypoint
        names, text over :data:`geodata.schema.MAX_TEXT_LENGTH`, a missing or non-http(s)
        source, a geometry that is not a valid LineString of at least two points (or a
        MultiLineString cut at 180° that joins into one), has a longitude beyond ±180° or
        jumps more than 180° in longitude. A warning (route kept) when the number of waypoint
        names differs from the number of points.
    """
    if routes.empty:
        return empty_routes(), []
    routes = routes.reset_index(drop=True)
    problems: list[Problem] = []
    keep: list[int] = []
    seen: dict[str, str] = {}
    for index, record in enumerate(routes.to_dict("records")):
        text = {name: _text(record.get(name)) for name in (*schema.ROUTE_PROPERTIES, schema.UNREPORTED_LEGS)}
        row = _feature_label(index, text["route_id"])
        found = [
            Problem(file, row, field, message, severity)
            for field, message, severity in _route_problems(text, record.get("geometry"), exercise_ids)
        ]
        if text["route_id"] in seen and schema.SLUG_PATTERN.match(text["route_id"]):
            found.append(Problem(file, row, "route_id", f"{quote(text['route_id'])} is already used by "
                                 f"{seen[text['route_id']]}"))
        seen.setdefault(text["route_id"], row)
        problems.extend(found)
        if not any(p.severity == ERROR for p in found):
            keep.append(index)

    valid = routes.iloc[keep].copy()
    valid = valid.set_geometry([pacific_frame(g) for g in valid.geometry], crs=routes.crs)
    for name in (*schema.ROUTE_PROPERTIES, schema.UNREPORTED_LEGS):
        valid[name] = valid[name].map(_text) if name in valid else ""
    valid["unreported_list"] = [unreported_legs(cell, len(shapely.get_coordinates(line)))[0]
                                for cell, line in zip(valid[schema.UNREPORTED_LEGS], valid.geometry, strict=True)]
    valid["waypoint_list"] = valid["waypoints"].map(split_list)
    valid["strait_list"] = valid["straits"].map(split_list)
    valid["source_urls"] = valid["source"].map(split_list)
    return valid.reset_index(drop=True), problems
