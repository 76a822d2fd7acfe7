"""geodata/observations.csv: where defence ministries said they saw an exercise's ships or aircraft.

Japan's Joint Staff Office publishes strait passages and positions ("about 110 km south-west of
Okushiri Island"), South Korea's Joint Chiefs of Staff the times and places of entries into its air
defence identification zone. Each row is one such published sighting, dated, with its source.
A row is drawn on the map only where its source gives a position: coordinates, a distance and
bearing from a named place of ``anchors.csv`` (the point is computed on the WGS 84 ellipsoid), or a
strait (drawn at the middle of the strait's gate). Both files are optional. Nothing here reads
files except :func:`read_observations` and :func:`read_anchors`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import pandas as pd
import pyproj

from geodata import schema
from geodata.crossings import zone_stretches
from geodata.files import coordinate_problem, finite_number, read_csv_table
from geodata.problems import ERROR, WARNING, Problem, quote
from geodata.rules import CSV_FIRST_DATA_LINE, formula_warning, identifier_warning, identifiers_in, parse_iso_date

DATE_SLACK_DAYS = 1
"""An observation may fall a day before or after its exercise's dates: a ship seen the evening before
a patrol was announced, an aircraft dated by Alaska time while the participants use Asian time."""
MAX_DISTANCE_KM = 3000.0
"""Longest distance from a named place accepted (Okinotorishima to the nearest coast is about 1,000 km)."""
COMPUTED_COLUMNS = ("observed_date", "observed_utc", "position_lat", "position_lon", "position_basis",
                    "zone_name", "route_note")
"""Columns :func:`validate_observations` and :func:`with_route_notes` add to each valid row."""
_GEOD = pyproj.Geod(ellps="WGS84")


class Anchor(NamedTuple):
    """A named place observations measure from: ``Okushiri Island`` at 42.149°N 139.467°E, read at ``source``."""

    name: str
    lat: float
    lon: float
    source: str


OBSERVATION_ORDER = ("observed_date", "observed_utc", "exercise_id")
"""The order observations are loaded in (``Dataset.observations``): time order, so every view of them is."""

def empty_observations() -> pd.DataFrame:
    """Return an observations table with no rows: the columns of a valid one."""
    return pd.DataFrame({column: pd.Series(dtype=object) for column in (*schema.OBSERVATION_COLUMNS,
                                                                         *COMPUTED_COLUMNS)})


def read_observations(path: Path) -> tuple[pd.DataFrame, pd.Series] | None:
    """Read observations.csv as text; None when the file does not exist (it is optional).

    Raises
    ------
    DataError
        If the file exists but is unusable as a table or lacks a column of
        :data:`geodata.schema.OBSERVATION_COLUMNS`.
    """
    return read_csv_table(Path(path), schema.OBSERVATION_COLUMNS) if Path(path).exists() else None


def read_anchors(path: Path) -> tuple[pd.DataFrame, pd.Series] | None:
    """Read anchors.csv as text; None when the file does not exist."""
    return read_csv_table(Path(path), schema.ANCHOR_COLUMNS) if Path(path).exists() else None


def validate_anchors(
    frame: pd.DataFrame, line_numbers: pd.Series | None = None, file: str = schema.ANCHORS_FILE
) -> tuple[dict[str, Anchor], list[Problem]]:
    """Check anchors.csv: a slug id once, a name, a coordinate in range and an http(s) source per row.

    Returns
    -------
    anchors : dict of str to Anchor
        The good rows by ``anchor_id``.
    problems : list of Problem
        One error per bad field (the row is left out).
    """
    anchors: dict[str, Anchor] = {}
    problems: list[Problem] = []
    frame = frame.reset_index(drop=True).astype(str).apply(lambda column: column.str.strip())
    for index, record in enumerate(frame[list(schema.ANCHOR_COLUMNS)].to_dict("records")):
        row = f"line {int(line_numbers.iloc[index]) if line_numbers is not None else index + CSV_FIRST_DATA_LINE}"
        found = []
        if not schema.SLUG_PATTERN.match(record["anchor_id"]):
            found.append(Problem(file, row, "anchor_id", f"{quote(record['anchor_id'])} is not a slug"))
        elif record["anchor_id"] in anchors:
            found.append(Problem(file, row, "anchor_id", f"{quote(record['anchor_id'])} is already used"))
        if not record["name"]:
            found.append(Problem(file, row, "name", "is empty"))
        lat, lon = finite_number(record["lat"]), finite_number(record["lon"])
        message = coordinate_problem(lat, lon)
        if message:
            found.append(Problem(file, row, "lat", message))
        if not schema.URL_PATTERN.match(record["source"]):
            found.append(Problem(file, row, "source", f"{quote(record['source'])} is not an http(s) URL: give the "
                                 "page the coordinates were read on"))
        problems.extend(found)
        if not found:
            anchors[record["anchor_id"]] = Anchor(record["name"], lat, lon, record["source"])
    return anchors, problems


def parse_observed(text: str) -> tuple[dt.date, str] | None:
    """Read ``observed``: the local date, and the UTC time (``2019-07-22T21:44Z``) or ``""`` for a date.

    Returns
    -------
    tuple or None
        None when the text is neither ``YYYY-MM-DD`` nor ``YYYY-MM-DDTHH:MM`` with an offset
        (``+09:00``) or ``Z``: a time without its zone cannot be placed in UTC.
    """
    text = text.strip()
    if len(text) == 10:
        date = parse_iso_date(text)
        return None if date is None else (date, "")
    if len(text) > 32 or len(text) < 17 or text[10] != "T":
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    utc = moment.astimezone(dt.timezone.utc)
    return moment.date(), utc.strftime("%Y-%m-%dT%H:%MZ")


def gate_midpoints(straits: gpd.GeoDataFrame) -> dict[str, tuple[float, float, str]]:
    """Return ``strait_id`` to (lat, lon, name) of the middle of each strait's gate."""
    points = {}
    for strait_id, name, gate in zip(straits["strait_id"], straits["name"], straits.geometry, strict=True):
        middle = gate.interpolate(0.5, normalized=True)
        points[strait_id] = (float(middle.y), float(middle.x), name)
    return points


def _position(record: dict[str, str], anchors: Mapping[str, Anchor], gates: Mapping[str, tuple],
              bad) -> tuple[float, float, str]:
    """Return the row's position and how it was found; NaN and ``""`` when the source gives none."""
    nowhere = (math.nan, math.nan, "")
    given = [record[field] for field in ("lat", "lon")]
    anchored = [record[field] for field in ("anchor_id", "bearing", "distance_km")]
    if any(given) and any(anchored):
        bad("lat", "give either lat and lon or anchor_id, bearing and distance_km, not both")
        return nowhere
    if any(given):
        lat, lon = finite_number(record["lat"]), finite_number(record["lon"])
        message = coordinate_problem(lat, lon)
        if message:
            bad("lat", message)
            return nowhere
        return lat, lon, "coordinates as published"
    if any(anchored):
        if not all(anchored):
            bad("anchor_id", "a position from a named place needs anchor_id, bearing and distance_km")
            return nowhere
        anchor = anchors.get(record["anchor_id"])
        distance = finite_number(record["distance_km"])
        if anchor is None:
            bad("anchor_id", f"{quote(record['anchor_id'])} is not an anchor_id in {schema.ANCHORS_FILE}")
        if record["bearing"] not in schema.COMPASS_POINTS:
            bad("bearing", f"{quote(record['bearing'])} is not a compass point ({', '.join(schema.COMPASS_POINTS)})")
        if distance is None or not 0.0 < distance <= MAX_DISTANCE_KM:
            bad("distance_km", f"{quote(record['distance_km'])} is not a distance in km between 0 and "
                f"{MAX_DISTANCE_KM:,.0f}")
        if anchor is None or record["bearing"] not in schema.COMPASS_POINTS or distance is None \
                or not 0.0 < distance <= MAX_DISTANCE_KM:
            return nowhere
        azimuth = 22.5 * schema.COMPASS_POINTS.index(record["bearing"])
        lon, lat, _ = _GEOD.fwd(anchor.lon, anchor.lat, azimuth, distance * 1000.0)
        basis = (f"computed: {distance:g} km {record['bearing']} of {anchor.name} "
                 f"({anchor.lat:.3f}°N {anchor.lon:.3f}°E, {anchor.source}), as the source gives it")
        return float(lat), float(lon), basis
    if record["strait_id"] in gates:
        lat, lon, name = gates[record["strait_id"]]
        return lat, lon, f"drawn at the middle of the {name} gate: the source names the strait, not a position"
    return nowhere


def validate_observations(
    frame: pd.DataFrame,
    exercises: pd.DataFrame,
    *,
    anchors: Mapping[str, Anchor],
    straits: gpd.GeoDataFrame,
    zones: Mapping[str, str],
    line_numbers: pd.Series | None = None,
    file: str = schema.OBSERVATIONS_FILE,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check every row of an observations table and place the good ones.

    Parameters
    ----------
    frame : pandas.DataFrame
        All cells as text, with :data:`geodata.schema.OBSERVATION_COLUMNS`.
    exercises : pandas.DataFrame
        The valid exercises (``exercise_id``, ``start``, ``end``).
    anchors : mapping
        From :func:`validate_anchors`.
    straits : geopandas.GeoDataFrame
        The strait gates (:func:`geodata.reference.read_straits`).
    zones : mapping
        Every zone an observation may name, id to display name: the zones of
        ``reference/adiz.geojson`` and :data:`geodata.schema.OBSERVED_ZONES`.
    line_numbers : pandas.Series, optional
        Editor line number of each row.
    file : str
        File name used in problem messages.

    Returns
    -------
    valid : pandas.DataFrame
        The good rows in file order, cells stripped, plus :data:`COMPUTED_COLUMNS`
        (``route_note`` empty until :func:`with_route_notes`).
    problems : list of Problem
        Errors (row left out): an unknown exercise_id, observer, anchor, strait or zone; a
        coordinate that is no number or out of range; a bearing or distance that is none; an
        ``observed`` that is no ISO date or time with its zone, or lies more than
        :data:`DATE_SLACK_DAYS` outside the exercise's dates; an empty ``what`` or ``place``; a
        source that is missing or not http(s). Warnings: cells a spreadsheet would run.
    """
    frame = frame.reset_index(drop=True).astype(str).apply(lambda column: column.str.strip())
    dates = {
        exercise_id: (start.date(), end.date())
        for exercise_id, start, end in zip(exercises["exercise_id"], exercises["start"], exercises["end"], strict=True)
    }
    gates = gate_midpoints(straits)
    slack = dt.timedelta(days=DATE_SLACK_DAYS)
    problems: list[Problem] = []
    keep: list[int] = []
    computed: list[dict[str, object]] = []
    for index, record in enumerate(frame[list(schema.OBSERVATION_COLUMNS)].to_dict("records")):
        number = int(line_numbers.iloc[index]) if line_numbers is not None else index + CSV_FIRST_DATA_LINE
        row = f"line {number}"
        found: list[Problem] = []

        def bad(field: str, message: str, severity: str = ERROR, found: list = found, row: str = row) -> None:
            found.append(Problem(file, row, field, message, severity))

        for field, value in record.items():
            if len(value) > schema.MAX_TEXT_LENGTH:
                bad(field, f"is {len(value)} characters long; the limit is {schema.MAX_TEXT_LENGTH}")
            if value.startswith(schema.FORMULA_TRIGGERS):
                bad(field, formula_warning(value), WARNING)
        exercise_id = record["exercise_id"]
        if exercise_id not in dates:
            bad("exercise_id", f"{quote(exercise_id)} is not a valid exercise_id in {schema.EXERCISES_FILE}")
        observed = parse_observed(record["observed"])
        if observed is None:
            bad("observed", f"{quote(record['observed'])} is not an ISO date (2019-07-23) or a date and time with its "
                            "offset (2019-07-23T06:44+09:00)")
        elif exercise_id in dates:
            start, end = dates[exercise_id]
            if not start - slack <= observed[0] <= end + slack:
                bad("observed", f"{observed[0].isoformat()} lies outside {exercise_id}'s dates "
                                f"({start.isoformat()} – {end.isoformat()}) by more than {DATE_SLACK_DAYS} day")
        if record["observer"] not in schema.OBSERVERS:
            bad("observer", f"{quote(record['observer'])} is not one of {', '.join(schema.OBSERVERS)}")
        for field in ("what", "place"):
            if not record[field]:
                bad(field, "is empty: say what was seen and where, in the source's words")
        for field in ("what", "place", "note"):
            if identifiers := identifiers_in(record[field]):
                bad(field, identifier_warning(identifiers), WARNING)
        if not record["source"]:
            bad("source", "is empty: every observation needs the http(s) URL where it was read")
        elif not schema.URL_PATTERN.match(record["source"]):
            bad("source", f"{quote(record['source'])} is not an http(s) URL")
        if record["strait_id"] and record["strait_id"] not in gates:
            bad("strait_id", f"{quote(record['strait_id'])} is not a strait_id in reference/straits.geojson")
        if record["zone"] and record["zone"] not in zones:
            bad("zone", f"{quote(record['zone'])} is not a zone_id of reference/adiz.geojson nor one of "
                        f"{', '.join(schema.OBSERVED_ZONES)}")
        lat, lon, basis = _position(record, anchors, gates, bad)
        problems.extend(found)
        if not any(problem.severity == ERROR for problem in found):
            keep.append(index)
            computed.append({
                "observed_date": observed[0].isoformat(), "observed_utc": observed[1],
                "position_lat": lat, "position_lon": lon, "position_basis": basis,
                "zone_name": zones.get(record["zone"], ""), "route_note": "",
            })
    valid = frame.iloc[keep].reset_index(drop=True)
    extra = pd.DataFrame(computed, columns=list(COMPUTED_COLUMNS))
    return pd.concat([valid, extra], axis=1) if keep else empty_observations(), problems


def with_route_notes(observations: pd.DataFrame, routes: gpd.GeoDataFrame, zones: gpd.GeoDataFrame) -> pd.DataFrame:
    """Say, for each observation of a zone entry, when the exercise's schematic route does not show it.

    The record's sources decide what was entered; the routes only illustrate. So an entry a
    ministry reported stays in the record either way, and ``route_note`` says in plain words
    why the map does not show it: no route is drawn, the route does not enter the zone, or the
    zone is not among the reference zones (``reference/adiz.geojson``). ``""`` when a route of
    the exercise enters the zone (:func:`geodata.crossings.zone_stretches`).

    Returns
    -------
    pandas.DataFrame
        A copy with ``route_note`` filled in.
    """
    if observations.empty:
        return observations
    shapes = dict(zip(zones["zone_id"], zones.geometry, strict=True)) if not zones.empty else {}
    lines = {exercise_id: list(group.geometry) for exercise_id, group in routes.groupby("exercise_id")} \
        if not routes.empty else {}
    entered: dict[tuple[str, str], bool] = {}
    notes = []
    for exercise_id, zone, name, observer in zip(observations["exercise_id"], observations["zone"],
                                                 observations["zone_name"], observations["observer"], strict=True):
        who = schema.OBSERVERS.get(observer, observer)
        if not zone:
            notes.append("")
        elif zone not in shapes:
            notes.append(f"The map cannot show this entry: {name} is not among the reference zones drawn here. "
                         f"The {who} reported it; the record's sources, not the route, decide what was entered.")
        elif exercise_id not in lines:
            notes.append(f"No route is drawn for this exercise, so the map does not show this entry into {name}; "
                         f"the {who} reported it.")
        else:
            key = (exercise_id, zone)
            if key not in entered:
                entered[key] = any(zone_stretches(line, zone, name, shapes[zone])[0] for line in lines[exercise_id])
            notes.append("" if entered[key] else
                         f"The schematic route does not enter {name}, but the {who} reported this entry: the "
                         "record's sources, not the route, decide what was entered.")
    return observations.assign(route_note=notes)


def observed_text(record: Mapping[str, object]) -> str:
    """When, as published and in UTC: ``2019-07-23 06:44 (+09:00; 21:44 UTC on 2019-07-22)`` or the date alone."""
    published = str(record["observed"])
    if not record.get("observed_utc"):
        return published
    local = f"{published[:10]} {published[11:16]}"
    utc = str(record["observed_utc"])
    day = "" if utc[:10] == published[:10] else f" on {utc[:10]}"
    return f"{local} ({published[16:] or 'UTC'}; {utc[11:16]} UTC{day})"


def observation_line(record: Mapping[str, object]) -> str:
    """One observation as plain text: when, who, what, where (and the zone), for panels and exports."""
    zone = f" [entered {record['zone_name']}]" if record.get("zone_name") else ""
    return (f"{observed_text(record)} · {schema.OBSERVERS.get(str(record['observer']), record['observer'])}: "
            f"{record['what']} ({record['place']}){zone}")


def with_observations(exercises: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """Return the exercises with ``observations``: each one's observations as text (source after each), ``;``-joined."""
    lines: dict[str, list[str]] = {}
    for record in observations.to_dict("records"):
        lines.setdefault(str(record["exercise_id"]), []).append(f"{observation_line(record)} <{record['source']}>")
    return exercises.assign(observations=[" ; ".join(lines.get(exercise_id, ()))
                                          for exercise_id in exercises["exercise_id"]])
