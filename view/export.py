"""Export what the dashboard shows: one function for the app's download buttons and this command.

    python -m view.export --years 2024 --series joint_sea --format geojson -o joint-sea-2024.geojson
    python -m view.export --link "https://…/?years=2016-2024&domain=air" --format html -o air.html

The options are the share link's parameters, read by the same codec
(:func:`geodata.query.view_from_params`), so a link and a command with the same values export
the same exercises. Values that cannot be used are reported on stderr and left at their
default, as the app does. Exit status: 0 when the file was written, 1 when the data could not
be loaded or the file could not be written, 2 for bad options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd

from geodata import query, schema
from geodata.crossings import dataset_with_crossings
from geodata.export.describe import describe_view, export_file_name
from geodata.export.features import ExportError, to_geojson_bytes, to_kml_bytes
from geodata.export.formats import FORMATS
from geodata.export.table import to_csv_bytes
from geodata.filters import count_events
from geodata.loaders import Dataset, load_dataset
from geodata.measure import read_countries
from geodata.problems import DataError
from geodata.reference import read_straits, read_zones
from layers.regions import RegionGeometries
from view.page import view_map_html_bytes
from view.prepared import zone_choices
from view.scene import scene_for

LIST_OPTIONS = (
    ("exercise", query.PARAM_EXERCISE, "exercise_id values, comma-separated (repeatable)"),
    ("series", query.PARAM_SERIES, "series slugs such as joint_sea, comma-separated (repeatable)"),
    ("domain", query.PARAM_DOMAIN, "naval, air, ground or combined, comma-separated (repeatable)"),
    ("zone", query.PARAM_ZONE, "zone_id of an air defence identification zone a route entered, such as "
     "CN_ECS_ADIZ, comma-separated (repeatable)"),
    ("participants", query.PARAM_PARTICIPANTS,
     "ISO alpha-3 codes such as IRN,ZAF: exercises in which all of them took part (repeatable)"),
)
TEXT_OPTIONS = (
    ("years", query.PARAM_YEARS, "a year or a range: 2024, 2016-2024"),
    ("search", query.PARAM_SEARCH, "text the exercise's name, series or summary must contain"),
    ("selected", query.PARAM_SELECTED, "exercise_id to zoom to and outline (HTML)"),
    ("region", query.PARAM_REGION, "region_id to zoom to and outline (HTML)"),
)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the command's options."""
    parser = argparse.ArgumentParser(
        prog="python -m view.export",
        description="Export the exercises a Drill Atlas view shows, with their sources, dataset version and filters.",
    )
    parser.add_argument("--format", required=True, choices=tuple(FORMATS), help="file format")
    parser.add_argument("-o", "--output", required=True, type=Path, help="file to write")
    parser.add_argument(
        "--link", default="", help="a share link or its query string; the options below override its values"
    )
    for name, _, help_text in TEXT_OPTIONS:
        parser.add_argument(f"--{name}", help=help_text)
    for name, _, help_text in LIST_OPTIONS:
        parser.add_argument(f"--{name}", action="append", help=help_text)
    parser.add_argument("--data-dir", type=Path, default=schema.DATA_DIR, help="folder of the data files")
    parser.add_argument("--no-tiles", action="store_true", help="HTML: leave out the online basemaps")
    return parser


def params_from_args(args: argparse.Namespace) -> dict[str, str | list[str]]:
    """Collect the share-link parameters the options give: ``--link`` first, each option over it."""
    link = args.link.strip()
    query_string = urlsplit(link).query if "?" in link else link
    params: dict[str, str | list[str]] = dict(parse_qs(query_string, keep_blank_values=True))
    for name, param, _ in TEXT_OPTIONS:
        if getattr(args, name) is not None:
            params[param] = getattr(args, name)
    for name, param, _ in LIST_OPTIONS:
        if getattr(args, name) is not None:
            params[param] = list(getattr(args, name))
    return params


def export_bytes(
    dataset: Dataset,
    shown: pd.DataFrame,
    view: query.ViewState,
    description: str,
    file_format: str,
    *,
    land_file: Path,
    tiles: bool,
    geometries: RegionGeometries | None = None,
    reference: tuple | None = None,
) -> tuple[bytes, list[str]]:
    """Produce one export file of a view, and notices about anything it leaves out.

    The app's download buttons and :func:`main` both call this, so a link and a command with
    the same values give the same bytes (the HTML page's timestamp aside).

    Parameters
    ----------
    dataset, shown, view, description
        The data, the exercises the view shows (in order), the view, and its description
        (:func:`geodata.export.describe_view`).
    file_format : str
        A key of :data:`geodata.export.FORMATS`: ``csv``, ``geojson``, ``kml`` or ``html``.
    land_file : pathlib.Path
        The land layer the HTML page inlines.
    tiles : bool
        HTML: include the online basemaps.
    geometries : RegionGeometries, optional
        HTML: outlines and popup lines the caller already prepared.
    reference : tuple, optional
        HTML: the reference layers' features the caller already prepared
        (:func:`layers.reference.reference_features`).
    """
    if file_format == "csv":
        return to_csv_bytes(shown, dataset.regions, dataset.version, description), []
    if file_format == "geojson":
        return to_geojson_bytes(
            shown, dataset.regions, dataset.routes, version=dataset.version, description=description,
            observations=dataset.observations,
        ), []
    if file_format == "kml":
        return to_kml_bytes(
            shown, dataset.regions, dataset.routes, version=dataset.version, description=description,
            observations=dataset.observations,
        ), []
    page, note = view_map_html_bytes(
        dataset, shown, view, description, land_file=land_file, tiles=tiles,
        geometries=geometries, reference=reference,
    )
    return page, [note] if note else []


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        dataset = load_dataset(args.data_dir)
    except DataError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"error: the data in {args.data_dir} cannot be loaded; nothing was written.", file=sys.stderr)
        return 1
    for problem in dataset.problems:
        print(f"{problem.severity}: {problem}", file=sys.stderr)
    zones, straits = read_zones()[0], read_straits()[0]
    dataset = dataset_with_crossings(dataset, zones, straits, read_countries())
    catalog = query.Catalog.from_exercises(dataset.exercises, tuple(dataset.regions["region_id"]), dataset.version,
                                           zones=zone_choices(zones))
    view, notices = query.view_from_params(params_from_args(args), catalog)
    scene = scene_for(dataset, view)
    shown, view, focus_notices = scene.shown, scene.view, list(scene.notices)
    description = describe_view(view, catalog)
    try:
        data, export_notices = export_bytes(
            dataset, shown, view, description, args.format,
            land_file=args.data_dir / schema.LAND_FILE, tiles=not args.no_tiles,
        )
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.format == "html":  # the focus only moves the map
        notices += focus_notices
    for notice in notices + export_notices:
        print(f"notice: {notice}", file=sys.stderr)
    try:
        args.output.write_bytes(data)
    except OSError as error:
        print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 1
    count = count_events(shown)
    print(
        f"wrote {count} exercise{'s' if count != 1 else ''} in {len(shown)} rows ({description}), dataset version "
        f"{dataset.version}, as {args.format} to {args.output} ({len(data):,} bytes)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())


@dataclass(frozen=True)
class Download:
    """One download button of the page: what it says, the file it gives, and how to make that file."""

    key: str
    label: str
    file_name: str
    media_type: str
    make: Callable[[], bytes]


def downloads(dataset: Dataset, shown: pd.DataFrame, view: query.ViewState, catalog: query.Catalog, *,
              land_file: Path, tiles: bool, geometries: RegionGeometries | None = None,
              reference: tuple | None = None) -> list[Download]:
    """Return the page's download buttons, one per export format.

    Each file is made by :func:`export_bytes` only when its button is clicked.
    """
    description = describe_view(view, catalog)

    def maker(file_format: str) -> Callable[[], bytes]:
        return lambda: export_bytes(dataset, shown, view, description, file_format, land_file=land_file, tiles=tiles,
                                    geometries=geometries, reference=reference)[0]

    return [
        Download(key, export_format.label, export_file_name(view, catalog, dataset.version, export_format.extension),
                 export_format.media_type, maker(key))
        for key, export_format in FORMATS.items()
    ]
