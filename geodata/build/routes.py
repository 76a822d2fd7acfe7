"""Build geodata/routes.geojson from the curators' waypoint table geodata/routes.csv.

Run ``python -m geodata.build.routes``. ``routes.csv`` is the one hand-edited copy of the
routes: one row per waypoint, in order within each route (``seq``). The GeoJSON is derived
from it and committed, so the app needs no build.

Each route becomes a LineString of straight segments between its waypoints, drawn in the
"Pacific frame" of the map (points between 180° and 50° W east of 180°, consecutive points
never more than 180° apart), and is written as RFC 7946: a route that crosses 180° is cut
there into a MultiLineString with every longitude within ±180°. The loader joins it again
so that Leaflet draws it across the antimeridian as one line.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from shapely.geometry import LineString

from geodata import schema
from geodata.build.backdrop import PACIFIC_COPY_EAST, PACIFIC_COPY_WEST
from geodata.build.output import write_feature_collection
from geodata.geometry import rfc7946_geometries
from geodata.problems import DataError, Problem, quote

ROUTES_CSV = schema.DATA_DIR / "routes.csv"
ROUTES_GEOJSON = schema.DATA_DIR / schema.ROUTES_FILE
WAYPOINT_COLUMNS = ("route_id", "exercise_id", "route_kind", "seq", "lon", "lat", "place", "strait", "source", "way")
"""Columns of routes.csv; ``strait`` names the strait passed at that waypoint, or is empty;
``way`` (optional) is :data:`WAY_NOT_REPORTED` when no source gives the way from the waypoint
before to this one (a ship's straight line there would cross land), else empty."""
WAY_NOT_REPORTED = "not reported"
ROUTE_DECIMALS = 3
ROUTE_PRECISION = (
    "schematic: straight segments between the places sources name, in the order reported; "
    "the places' positions are estimates and the line is not a track"
)


def pacific_longitudes(lons: list[float]) -> list[float]:
    """Return longitudes that Leaflet draws as one line in the Pacific frame.

    Parameters
    ----------
    lons : list of float
        Waypoint longitudes in -180..180, in route order.

    Returns
    -------
    list of float
        Longitudes west of ``PACIFIC_COPY_EAST`` (50° W) moved east of 180° by +360°, then
        each point shifted by whole turns so that it lies within 180° of the one before.

    Examples
    --------
    >>> pacific_longitudes([165.0, -178.0, -169.0])
    [165.0, 182.0, 191.0]
    """
    out: list[float] = []
    for lon in lons:
        if PACIFIC_COPY_WEST <= lon < PACIFIC_COPY_EAST:
            lon += 360.0
        if out:
            lon -= 360.0 * round((lon - out[-1]) / 360.0)
        out.append(lon)
    return out


def _row_problems(record: dict[str, str], file: str, row: str) -> list[Problem]:
    problems: list[Problem] = []

    def bad(field: str, message: str) -> None:
        problems.append(Problem(file, row, field, message))

    for field in ("route_id", "exercise_id"):
        if not schema.SLUG_PATTERN.match(record[field]):
            bad(field, f"{quote(record[field])} is not a slug (lower-case letters, digits, '_')")
    if record["route_kind"] not in schema.ROUTE_KINDS:
        bad("route_kind", f"{quote(record['route_kind'])} is not one of {', '.join(schema.ROUTE_KINDS)}")
    if not record["seq"].isdigit():
        bad("seq", f"{quote(record['seq'])} is not a whole number")
    for field, limit in (("lon", 180.0), ("lat", 90.0)):
        try:
            value = float(record[field])
        except ValueError:
            bad(field, f"{quote(record[field])} is not a number")
            continue
        if not -limit <= value <= limit:
            bad(field, f"{value} is outside -{limit:g}..{limit:g}")
    if not record["place"]:
        bad("place", "is empty")
    for field in ("place", "strait"):
        if schema.LIST_SEPARATOR in record[field]:
            bad(field, f"{quote(record[field])} contains {schema.LIST_SEPARATOR!r}, which separates places")
    if not schema.URL_PATTERN.match(record["source"]):
        bad("source", f"{quote(record['source'])} is not an http(s) URL")
    if record["way"] not in ("", WAY_NOT_REPORTED):
        bad("way", f"{quote(record['way'])} is neither empty nor {WAY_NOT_REPORTED!r}")
    return problems


def read_waypoints(path: Path = ROUTES_CSV) -> dict[str, list[dict[str, str]]]:
    """Read and check the waypoint table.

    Parameters
    ----------
    path : pathlib.Path
        UTF-8 CSV with :data:`WAYPOINT_COLUMNS`.

    Returns
    -------
    dict of str to list of dict
        Waypoint rows (text, stripped) keyed by ``route_id`` in file order, each list
        sorted by ``seq``.

    Raises
    ------
    DataError
        Listing every bad cell (file, line, field), mixed ``exercise_id`` or ``route_kind``
        within a route, repeated ``seq`` values and routes with fewer than two waypoints.
    """
    file = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError([Problem(file, "", "", f"cannot be read as UTF-8 text: {error}")]) from error
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in WAYPOINT_COLUMNS if c not in (reader.fieldnames or []) and c != "way"]  # way: optional
    if missing:
        raise DataError([Problem(file, "line 1", c, "required column is missing") for c in missing])
    problems: list[Problem] = []
    routes: dict[str, list[dict[str, str]]] = {}
    first_line: dict[str, str] = {}
    for record in reader:
        row = f"line {reader.line_num}"
        record = {c: (record.get(c) or "").strip() for c in WAYPOINT_COLUMNS}
        row_problems = _row_problems(record, file, row)
        problems.extend(row_problems)
        route = routes.setdefault(record["route_id"], [])
        first_line.setdefault(record["route_id"], row)
        if route:
            for field in ("exercise_id", "route_kind"):
                if field not in {p.field for p in row_problems} and record[field] != route[0][field]:
                    problems.append(Problem(file, row, field, f"{quote(record[field])} differs from "
                                            f"{quote(route[0][field])} on {first_line[record['route_id']]}"))
            if record["seq"] in {r["seq"] for r in route}:
                problems.append(Problem(file, row, "seq", f"{record['seq']} is used twice in {record['route_id']}"))
        route.append(record)
    for route_id, route in routes.items():
        if len(route) < 2:
            problems.append(Problem(file, first_line[route_id], "route_id", f"{quote(route_id)} has only one waypoint"))
        first = min(route, key=lambda r: int(r["seq"]) if r["seq"].isdigit() else 0)
        if first["way"]:
            problems.append(Problem(file, first_line[route_id], "way",
                                    f"{quote(route_id)}'s first waypoint has no way to it; leave 'way' empty there"))
    if problems:
        raise DataError(problems)
    return {rid: sorted(route, key=lambda r: int(r["seq"])) for rid, route in routes.items()}


def route_features(routes: dict[str, list[dict[str, str]]]) -> list[tuple[dict, LineString]]:
    """Turn checked waypoint rows into route features.

    Parameters
    ----------
    routes : dict
        From :func:`read_waypoints`.

    Returns
    -------
    list of (dict, shapely.geometry.LineString)
        Properties :data:`geodata.schema.ROUTE_PROPERTIES` and
        :data:`geodata.schema.UNREPORTED_LEGS`, and the line in EPSG:4326,
        Pacific frame (see :func:`pacific_longitudes`), in ``route_id`` order.
    """
    features = []
    for route_id in sorted(routes):
        route = routes[route_id]
        lons = pacific_longitudes([float(r["lon"]) for r in route])
        straits = [r["strait"] for r in route if r["strait"]]
        props = {
            "route_id": route_id,
            "exercise_id": route[0]["exercise_id"],
            "route_kind": route[0]["route_kind"],
            "waypoints": schema.LIST_SEPARATOR.join(r["place"] for r in route),
            "straits": schema.LIST_SEPARATOR.join(dict.fromkeys(straits)),
            "source": schema.LIST_SEPARATOR.join(dict.fromkeys(r["source"] for r in route)),
            "precision": ROUTE_PRECISION,
            schema.UNREPORTED_LEGS: schema.LIST_SEPARATOR.join(
                str(leg) for leg, r in enumerate(route) if r["way"] == WAY_NOT_REPORTED),
        }
        features.append((props, LineString(zip(lons, (float(r["lat"]) for r in route), strict=True))))
    return features


def build_routes(source: Path = ROUTES_CSV, out: Path = ROUTES_GEOJSON) -> int:
    """Read the waypoint table and write the routes GeoJSON.

    Parameters
    ----------
    source : pathlib.Path
        The waypoint table.
    out : pathlib.Path
        The GeoJSON file to write.

    Returns
    -------
    int
        Number of routes written.

    Raises
    ------
    DataError
        If the table has any problem; nothing is written then.
    """
    features = route_features(read_waypoints(source))
    lines = rfc7946_geometries([line for _, line in features])
    write_feature_collection(out, [(props, line) for (props, _), line in zip(features, lines, strict=True)],
                             ROUTE_DECIMALS)
    return len(features)


def main(argv: list[str] | None = None) -> int:
    """Build geodata/routes.geojson; print every problem and exit 1 if the table has any.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        Process exit status.
    """
    parser = argparse.ArgumentParser(prog="python -m geodata.build.routes", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROUTES_CSV, help="waypoint table to read")
    parser.add_argument("--out", type=Path, default=ROUTES_GEOJSON, help="GeoJSON file to write")
    args = parser.parse_args(argv)
    try:
        count = build_routes(args.source, args.out)
    except DataError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"{args.out.name}: {count} routes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
