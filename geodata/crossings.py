"""What each patrol route crossed: air defence identification zones, strait gates, nearest coasts.

Routes are schematic (straight segments between the places sources name, see
:mod:`geodata.build.routes`), so everything here illustrates the record and never replaces it:
an entry point is where a schematic segment crosses a zone's published limit, not where an
aircraft was tracked. The record's sources decide whether a zone was entered or a strait passed;
:data:`SCHEMATIC_NOTE` says so and goes with every result.

All inputs are frames in EPSG:4326. Routes may run in the 0..360 "Pacific frame" (longitudes
past 180°); zones and gates are RFC 7946 (within ±180°) and are compared with each route as
drawn and shifted by ±360°, so a route across 180° meets a gate on either side of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

from geodata import schema
from geodata.filters import ZONES_ENTERED_COLUMN
from geodata.measure import (
    MAX_SPREAD_KM,
    RegionShare,
    Unmeasured,
    geodesic_distance_km,
    nearest_coasts,
    regions_containing,
    shape_spread_km,
)
from geodata.routes import route_parts

if TYPE_CHECKING:
    from geodata.loaders import Dataset

KM_PER_NM = 1.852
COAST_CODES = ("JPN", "KOR", "TWN", "USA")
"""Countries whose nearest coast every route is measured to."""


def crossing_columns(codes: Sequence[str] = COAST_CODES) -> tuple[str, ...]:
    """Return the columns of :func:`crossings_frame` for coasts ``codes``."""
    return ("adiz_entered", "adiz_entry_exit", "adiz_touched", "straits_crossed", "straits_named_not_crossed",
            *(f"min_{unit}_{code}" for code in codes for unit in ("km", "nm")), "route_note")


CROSSING_COLUMNS = crossing_columns()
"""Columns of :func:`crossings_frame`, which every export carries for each exercise (text, ``""``
for an exercise without a route)."""
CROSSING_LINES_COLUMN = "crossing_lines"
"""Column of tuples of plain-text lines saying what an exercise's routes crossed, for its details
(:func:`with_crossings`); empty for an exercise without a route."""
SCHEMATIC_NOTE = (
    "Routes are schematic: straight segments between the places sources name, not tracks. Zone entry and "
    "exit points are where those segments cross the zone's published limit, and a strait counts as passed "
    "where a segment crosses its gate; the record's sources, not this geometry, say what was entered or passed. "
    "A leg whose way no source gives is drawn dash-dot and left out of these measures."
)
FRAME_OFFSETS = (-360.0, 0.0, 360.0)
MAX_ZONE_REACH_KM = 9_000.0
"""Zones whose nearest vertex lies farther than this from a measured shape's centre get no
distance (NaN): near the shape's antipode the azimuthal projection the distance is found in
breaks down (see :mod:`geodata.measure`)."""
_SAME_POINT_DEG = 1e-9
_GEOD = pyproj.Geod(ellps="WGS84")


def nm(km: float) -> float:
    """Nautical miles in ``km`` kilometres (1 NM = 1.852 km exactly)."""
    return km / KM_PER_NM


class ZoneEntry(NamedTuple):
    """One stretch of a route inside a zone.

    Attributes
    ----------
    zone_id, name : str
        The zone.
    entry, exit : shapely.geometry.Point or None
        Where the route crosses the zone's limit going in and coming out, longitudes within
        ±180°; None when the route starts (``entry``) or ends (``exit``) inside the zone.
    """

    zone_id: str
    name: str
    entry: Point | None
    exit: Point | None


class StraitPass(NamedTuple):
    """A place where a route crosses a strait's gate.

    Attributes
    ----------
    strait_id, name : str
        The strait.
    point : shapely.geometry.Point
        Where the route crosses the gate, longitude within ±180°.
    """

    strait_id: str
    name: str
    point: Point


class RouteCrossings(NamedTuple):
    """What one route crossed.

    Attributes
    ----------
    route_id, exercise_id : str
        The route and its exercise.
    zones : tuple of ZoneEntry
        Every stretch inside a zone, in route order (a route may go in and out several times).
    touched : tuple of str
        zone_id of zones the route only touches (meets the limit without going inside).
    straits : tuple of StraitPass
        Every gate crossing, in route order.
    named_not_crossed : tuple of str
        Straits the route's sources name (``strait_list``) whose gate the schematic line does
        not cross, or that have no gate in the reference layer.
    coast_km : dict of str to float
        Geodesic distance in km from the route to the nearest coast of each of
        :data:`COAST_CODES` (0 when the route crosses that country's land).
    note : str
        :data:`SCHEMATIC_NOTE`.
    """

    route_id: str
    exercise_id: str
    zones: tuple[ZoneEntry, ...]
    touched: tuple[str, ...]
    straits: tuple[StraitPass, ...]
    named_not_crossed: tuple[str, ...]
    coast_km: dict[str, float]
    note: str = SCHEMATIC_NOTE


def _shifted(geometry: BaseGeometry, offset: float) -> BaseGeometry:
    return geometry if offset == 0.0 else shapely.transform(geometry, lambda coords: coords + [offset, 0.0])


def _wrapped(x: float, y: float) -> Point:
    """Return the point with its longitude brought within ±180°."""
    return Point((x + 180.0) % 360.0 - 180.0, y)


def _segments(line: LineString) -> list[LineString]:
    coords = shapely.get_coordinates(line)
    pairs = zip(coords[:-1], coords[1:], strict=True)
    return [LineString([a, b]) for a, b in pairs if not np.array_equal(a, b)]


def _breakpoints(segment: LineString, other: BaseGeometry) -> list[float]:
    """Distances along ``segment`` (0..1) where it meets ``other``, sorted, without repeats."""
    meeting = segment.intersection(other)
    if meeting.is_empty:
        return []
    found = {round(segment.project(Point(xy), normalized=True), 12) for xy in shapely.get_coordinates(meeting)}
    return sorted(found)


def zone_stretches(line: LineString, zone_id: str, name: str, zone: BaseGeometry) -> tuple[list[ZoneEntry], bool]:
    """Return the stretches of a route inside one zone, and whether it only touches the zone.

    The route is walked segment by segment (so a route that goes out and back along the same
    line is counted twice, as it should be); each segment is cut where it meets the zone's
    limit and each piece is inside when its midpoint lies in the zone's interior. A route that
    runs along the limit or meets it at a point is not inside.

    Parameters
    ----------
    line : shapely.geometry.LineString
        The route, any longitude frame.
    zone_id, name : str
        The zone.
    zone : shapely geometry
        Its polygon, within ±180°; compared as drawn and shifted by ±360°.

    Returns
    -------
    stretches : list of ZoneEntry
        In route order.
    touched : bool
        True when the route meets the zone but never goes inside.
    """
    frames = [_shifted(zone, offset) for offset in FRAME_OFFSETS]
    frames = [frame for frame in frames if frame.intersects(line)]
    if not frames:
        return [], False
    shape = shapely.union_all(frames)
    boundary = shape.boundary
    shapely.prepare(shape)
    stretches: list[ZoneEntry] = []
    entry: Point | None = None
    inside = False
    for segment in _segments(line):
        cuts = [0.0, *_breakpoints(segment, boundary), 1.0]
        for start, end in zip(cuts, cuts[1:], strict=False):
            if end - start <= _SAME_POINT_DEG:
                continue
            middle = segment.interpolate((start + end) / 2.0, normalized=True)
            now_inside = bool(shape.contains_properly(middle))
            if now_inside and not inside:
                at = segment.interpolate(start, normalized=True)
                entry = None if at.distance(Point(line.coords[0])) <= _SAME_POINT_DEG else _wrapped(at.x, at.y)
            elif inside and not now_inside:
                at = segment.interpolate(start, normalized=True)
                stretches.append(ZoneEntry(zone_id, name, entry, _wrapped(at.x, at.y)))
            inside = now_inside
    if inside:
        stretches.append(ZoneEntry(zone_id, name, entry, None))
    return stretches, not stretches


def strait_passes(line: LineString, straits: gpd.GeoDataFrame) -> list[StraitPass]:
    """Return every crossing of a strait gate by a route, in route order.

    A route crossing a gate exactly at one of its own waypoints is counted once.

    Parameters
    ----------
    line : shapely.geometry.LineString
        The route, any longitude frame.
    straits : geopandas.GeoDataFrame
        From :func:`geodata.reference.read_straits`.

    Returns
    -------
    list of StraitPass
    """
    gates = [
        (strait_id, name, _shifted(gate, offset))
        for strait_id, name, gate in zip(straits["strait_id"], straits["name"], straits.geometry, strict=True)
        for offset in FRAME_OFFSETS
    ]
    gates = [(strait_id, name, gate) for strait_id, name, gate in gates if gate.intersects(line)]
    passes: list[tuple[float, StraitPass]] = []
    travelled = 0.0
    for segment in _segments(line):
        for strait_id, name, gate in gates:
            for fraction in _breakpoints(segment, gate):
                at = segment.interpolate(fraction, normalized=True)
                position = travelled + fraction * segment.length
                if any(p.strait_id == strait_id and abs(d - position) <= _SAME_POINT_DEG for d, p in passes):
                    continue
                passes.append((position, StraitPass(strait_id, name, _wrapped(at.x, at.y))))
        travelled += segment.length
    return [crossing for _, crossing in sorted(passes, key=lambda item: item[0])]


def _named_not_crossed(
    named: Iterable[str], passes: Sequence[StraitPass], straits: gpd.GeoDataFrame
) -> tuple[str, ...]:
    crossed = {p.strait_id for p in passes}
    by_alias = {
        alias.casefold(): strait_id
        for strait_id, aliases in zip(straits["strait_id"], straits["alias_list"], strict=True)
        for alias in aliases
    }
    return tuple(name for name in named if by_alias.get(name.casefold()) not in crossed)


def route_crossings(
    routes: gpd.GeoDataFrame,
    zones: gpd.GeoDataFrame,
    straits: gpd.GeoDataFrame,
    countries: gpd.GeoDataFrame,
    codes: Sequence[str] = COAST_CODES,
) -> list[RouteCrossings]:
    """Compute, for every route, the zones it entered, the straits it passed and its nearest coasts.

    Parameters
    ----------
    routes : geopandas.GeoDataFrame
        Valid routes (``Dataset.routes``, see :func:`geodata.routes.validate_routes`): ``route_id``,
        ``exercise_id``, ``strait_list`` and a LineString, Pacific-frame longitudes allowed.
    zones : geopandas.GeoDataFrame
        From :func:`geodata.reference.read_zones`.
    straits : geopandas.GeoDataFrame
        From :func:`geodata.reference.read_straits`.
    countries : geopandas.GeoDataFrame
        From :func:`geodata.measure.read_countries`.
    codes : sequence of str
        ISO alpha-3 codes of the coasts measured; :data:`COAST_CODES` by default.

    Returns
    -------
    list of RouteCrossings
        One per route, in the routes' order.
    """
    results = []
    for record in routes.to_dict("records"):
        # A leg whose way no source gives is left out: its straight line may cross land and zones.
        runs, _ = route_parts(record["geometry"], tuple(record.get("unreported_list") or ()))
        stretches: list[ZoneEntry] = []
        touched: list[str] = []
        for zone_id, name, zone in zip(zones["zone_id"], zones["name"], zones.geometry, strict=True):
            inside = [zone_stretches(run, zone_id, name, zone) for run in runs]
            stretches.extend(entry for entries, _ in inside for entry in entries)
            if not any(entries for entries, _ in inside) and any(only_touched for _, only_touched in inside):
                touched.append(zone_id)
        passes = [crossing for run in runs for crossing in strait_passes(run, straits)]
        coasts = nearest_coasts(shapely.MultiLineString(runs) if len(runs) > 1 else runs[0], countries, codes,
                                max_km=None)
        results.append(
            RouteCrossings(
                route_id=str(record["route_id"]),
                exercise_id=str(record["exercise_id"]),
                zones=tuple(stretches),
                touched=tuple(touched),
                straits=tuple(passes),
                named_not_crossed=_named_not_crossed(record.get("strait_list") or (), passes, straits),
                coast_km={coast.iso3: coast.km for coast in coasts},
            )
        )
    return results


def point_text(point: Point | None) -> str:
    """``31.00°N 128.33°E``; ``"start"``-less callers pass None and get ``""``."""
    if point is None:
        return ""
    lat = f"{abs(point.y):.2f}°{'N' if point.y >= 0 else 'S'}"
    lon = f"{abs(point.x):.2f}°{'E' if point.x >= 0 else 'W'}"
    return f"{lat} {lon}"


def stretch_text(stretch: ZoneEntry) -> str:
    """``CN_ECS_ADIZ in 31.00°N 128.33°E, out 25.12°N 125.01°E`` (or "starts inside" / "ends inside")."""
    entry = f"in {point_text(stretch.entry)}" if stretch.entry is not None else "starts inside"
    leave = f"out {point_text(stretch.exit)}" if stretch.exit is not None else "ends inside"
    return f"{stretch.zone_id} {entry}, {leave}"


def crossings_frame(crossings: Sequence[RouteCrossings], codes: Sequence[str] = COAST_CODES) -> pd.DataFrame:
    """Return the crossings as export columns, one row per exercise that has a route.

    Parameters
    ----------
    crossings : sequence of RouteCrossings
        From :func:`route_crossings`.
    codes : sequence of str
        The coasts measured.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``exercise_id``. Columns: ``adiz_entered`` (zone_ids joined by ``;``),
        ``adiz_entry_exit`` (:func:`stretch_text` of every stretch, ``;``), ``adiz_touched``,
        ``straits_crossed`` (names, ``;``, in route order, repeated when passed again),
        ``straits_named_not_crossed``, ``min_km_XXX`` and ``min_nm_XXX`` for each coast (the
        smallest over the exercise's routes, rounded to 0.1), ``route_note``
        (:data:`SCHEMATIC_NOTE`). An exercise with several routes gets their union.
    """
    columns = list(crossing_columns(codes))
    rows: dict[str, dict[str, object]] = {}
    for item in crossings:
        row = rows.setdefault(item.exercise_id, {"zones": [], "stretches": [], "touched": [], "straits": [],
                                                 "missed": [], "km": {}})
        row["zones"].extend(s.zone_id for s in item.zones)
        row["stretches"].extend(stretch_text(s) for s in item.zones)
        row["touched"].extend(item.touched)
        row["straits"].extend(p.name for p in item.straits)
        row["missed"].extend(item.named_not_crossed)
        for code, km in item.coast_km.items():
            row["km"][code] = min(km, row["km"].get(code, np.inf))
    table = []
    for exercise_id, row in rows.items():
        record: dict[str, object] = {
            "exercise_id": exercise_id,
            "adiz_entered": ";".join(dict.fromkeys(row["zones"])),
            "adiz_entry_exit": ";".join(row["stretches"]),
            "adiz_touched": ";".join(z for z in dict.fromkeys(row["touched"]) if z not in row["zones"]),
            "straits_crossed": ";".join(row["straits"]),
            "straits_named_not_crossed": ";".join(dict.fromkeys(row["missed"])),
            "route_note": SCHEMATIC_NOTE,
        }
        for code in codes:
            km = row["km"].get(code)
            record[f"min_km_{code}"] = round(km, 1) if km is not None else None
            record[f"min_nm_{code}"] = round(nm(km), 1) if km is not None else None
        table.append(record)
    return pd.DataFrame(table, columns=["exercise_id", *columns]).set_index("exercise_id")


def exercises_entering_zone(exercises: pd.DataFrame, crossings: Sequence[RouteCrossings], zone_id: str) -> pd.DataFrame:
    """Return the exercises at least one of whose routes entered a zone.

    Parameters
    ----------
    exercises : pandas.DataFrame
        With ``exercise_id``.
    crossings : sequence of RouteCrossings
        From :func:`route_crossings`.
    zone_id : str
        A zone's ``zone_id`` (``CN_ECS_ADIZ``); an unknown id selects nothing.

    Returns
    -------
    pandas.DataFrame
        The matching rows, in their order (a new frame).
    """
    entered = {item.exercise_id for item in crossings for stretch in item.zones if stretch.zone_id == zone_id}
    return exercises.loc[exercises["exercise_id"].isin(entered)].copy()


class ZoneMeasure(NamedTuple):
    """How a shape lies against one zone.

    Attributes
    ----------
    zone_id, name : str
        The zone.
    share : float
        Part of the shape inside the zone, 0..1 (of its area, length or points).
    km : float
        Geodesic distance from the shape to the zone in km; 0 when they touch or overlap;
        NaN when the zone lies more than :data:`MAX_ZONE_REACH_KM` from the shape's centre.
    """

    zone_id: str
    name: str
    share: float
    km: float

    @property
    def nm(self) -> float:
        """The distance in nautical miles."""
        return nm(self.km)


def _reach_km(centre: Point, zone: BaseGeometry) -> float:
    """Geodesic km from a point to the nearest vertex of a zone split every 0.5°."""
    coords = shapely.get_coordinates(shapely.segmentize(zone, 0.5))
    count = len(coords)
    distances = _GEOD.inv(np.full(count, centre.x), np.full(count, centre.y), coords[:, 0], coords[:, 1])[2]
    return float(distances.min()) / 1000.0


def zone_measures(
    geometry: BaseGeometry, zones: gpd.GeoDataFrame, *, deadline: float | None = None
) -> list[ZoneMeasure]:
    """Measure a shape (a pasted notice, an upload, a drawing) against every zone.

    Parameters
    ----------
    geometry : shapely geometry
        In EPSG:4326, any longitude frame.
    zones : geopandas.GeoDataFrame
        From :func:`geodata.reference.read_zones`.
    deadline : float, optional
        A ``time.monotonic()`` value, passed to :func:`geodata.measure.regions_containing`.

    Returns
    -------
    list of ZoneMeasure
        One per zone, the zones the shape lies in first (largest share), then nearest first.

    Raises
    ------
    Unmeasured
        If the shape reaches farther than :data:`geodata.measure.MAX_SPREAD_KM` from its centre
        or the deadline passed.
    """
    if geometry is None or geometry.is_empty or zones.empty:
        return []
    spread = shape_spread_km(geometry)
    if not spread <= MAX_SPREAD_KM:
        raise Unmeasured(f"too large to measure against the zones: it reaches {spread:,.0f} km from its centre")
    shares: dict[str, RegionShare] = {
        share.region_id: share
        for share in regions_containing(geometry, zones.rename(columns={"zone_id": "region_id"}), deadline=deadline)
    }
    centre = geometry.representative_point()
    measures = []
    for zone_id, name, zone in zip(zones["zone_id"], zones["name"], zones.geometry, strict=True):
        if zone_id in shares:
            km = 0.0
        elif _reach_km(centre, zone) > MAX_ZONE_REACH_KM:
            km = float("nan")
        else:
            km = geodesic_distance_km(geometry, zone)[0]
        measures.append(ZoneMeasure(zone_id, name, shares[zone_id].share if zone_id in shares else 0.0, km))
    return sorted(measures, key=lambda m: (-m.share, m.km, m.zone_id))


def _coast_name(code: str) -> str:
    return "US" if code == "USA" else schema.COUNTRY_NAMES.get(code, code)


def crossing_lines(
    crossings: Sequence[RouteCrossings], zone_names: dict[str, str], codes: Sequence[str] = COAST_CODES
) -> tuple[str, ...]:
    """Say in plain text what one exercise's routes crossed, for its details panel.

    Parameters
    ----------
    crossings : sequence of RouteCrossings
        The exercise's routes (none gives no lines).
    zone_names : dict
        Zone names by ``zone_id``.
    codes : sequence of str
        The coasts measured.

    Returns
    -------
    tuple of str
        One line per zone stretch ("Entered …: in 31.00°N 128.33°E, out …"), zones only touched,
        straits passed, straits named but not crossed, the nearest coasts in km and NM, then
        :data:`SCHEMATIC_NOTE`.
    """
    if not crossings:
        return ()
    lines = []
    for item in crossings:
        for stretch in item.zones:
            entry = f"in at {point_text(stretch.entry)}" if stretch.entry is not None else "starts inside"
            leave = f"out at {point_text(stretch.exit)}" if stretch.exit is not None else "ends inside"
            lines.append(f"Entered {zone_names.get(stretch.zone_id, stretch.zone_id)}: {entry}, {leave}")
    entered = {stretch.zone_id for item in crossings for stretch in item.zones}
    touched = [z for z in dict.fromkeys(z for item in crossings for z in item.touched) if z not in entered]
    if not entered:
        lines.append("Entered no air defence identification zone on the map")
    if touched:
        lines.append("Only touched the limit of: " + ", ".join(zone_names.get(z, z) for z in touched))
    passed = [p.name for item in crossings for p in item.straits]
    lines.append("Straits passed: " + (", ".join(passed) if passed else "none on the line"))
    missed = list(dict.fromkeys(name for item in crossings for name in item.named_not_crossed))
    if missed:
        lines.append("Named by its sources but not crossed by the line: " + ", ".join(missed))
    nearest = []
    for code in codes:
        values = [item.coast_km[code] for item in crossings if code in item.coast_km]
        if values:
            km = min(values)
            nearest.append(f"{_coast_name(code)} {km:,.0f} km ({nm(km):,.0f} NM)" if km > 0 else
                           f"{_coast_name(code)} 0 km (the line crosses its land)")
    if nearest:
        lines.append("Nearest coasts: " + " · ".join(nearest))
    lines.append(SCHEMATIC_NOTE)
    return tuple(lines)


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return ""
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def with_crossings(
    exercises: pd.DataFrame, crossings: Sequence[RouteCrossings], zones: gpd.GeoDataFrame
) -> pd.DataFrame:
    """Return the exercises with what their routes crossed, as columns (a new frame).

    Parameters
    ----------
    exercises : pandas.DataFrame
        With ``exercise_id``.
    crossings : sequence of RouteCrossings
        From :func:`route_crossings`.
    zones : geopandas.GeoDataFrame
        The zones (for their names).

    Returns
    -------
    pandas.DataFrame
        ``exercises`` plus :data:`CROSSING_COLUMNS` as text (``""`` for an exercise without a
        route; distances to 0.1 km and NM), :data:`geodata.filters.ZONES_ENTERED_COLUMN` (tuple of
        ``zone_id``) and :data:`CROSSING_LINES_COLUMN` (tuple of lines, :func:`crossing_lines`).
    """
    frame = crossings_frame(crossings)
    names = dict(zip(zones["zone_id"], zones["name"], strict=True))
    by_exercise: dict[str, list[RouteCrossings]] = {}
    for item in crossings:
        by_exercise.setdefault(item.exercise_id, []).append(item)
    out = exercises.copy()
    ids = out["exercise_id"]
    for column in CROSSING_COLUMNS:
        values = frame[column].map(_cell).to_dict() if column in frame else {}
        out[column] = [values.get(exercise_id, "") for exercise_id in ids]
    out[ZONES_ENTERED_COLUMN] = [
        tuple(dict.fromkeys(s.zone_id for item in by_exercise.get(exercise_id, ()) for s in item.zones))
        for exercise_id in ids
    ]
    out[CROSSING_LINES_COLUMN] = [crossing_lines(by_exercise.get(exercise_id, ()), names) for exercise_id in ids]
    return out


def dataset_with_crossings(
    dataset: Dataset, zones: gpd.GeoDataFrame, straits: gpd.GeoDataFrame, countries: gpd.GeoDataFrame
) -> Dataset:
    """Return the dataset with :func:`with_crossings` applied to its exercises (about 2 s for the record's routes).

    The app does this once per data version, ``python -m view.export`` once per run, so the zone
    filter, the details panel and every export read the same computed crossings.
    """
    crossings = route_crossings(dataset.routes, zones, straits, countries)
    return replace(dataset, exercises=with_crossings(dataset.exercises, crossings, zones))
