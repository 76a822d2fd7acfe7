"""Check the data files and print every problem: ``python -m geodata.validate [--data-dir DIR]``.

Everything the app's loader reports, plus what only matters to other tools reading the files:
longitudes beyond ±180° (RFC 7946). Exit status 0 when the files are clean, 1 when anything is
wrong (a repaired geometry counts: the committed file should be fixed), 2 when a file cannot be
read at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geodata import schema
from geodata.loaders import load_dataset
from geodata.problems import DataError
from geodata.reference import ADIZ_FILE, STRAITS_FILE, read_straits, read_zones
from geodata.towns import TOWNS_FILE, read_towns


def main(argv: list[str] | None = None) -> int:
    """Validate the data folder named on the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m geodata.validate", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=schema.DATA_DIR, help="folder with the data files")
    args = parser.parse_args(argv)
    try:
        dataset = load_dataset(args.data_dir)
    except DataError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    problems = list(dataset.problems)  # the loaders refuse a longitude beyond ±180° in the files (RFC 7946)
    reference = args.data_dir / "reference"
    try:
        zones, zone_problems = read_zones(reference / ADIZ_FILE)
        straits, strait_problems = read_straits(reference / STRAITS_FILE)
    except DataError as error:
        zones = straits = ()
        zone_problems, strait_problems = list(error.problems), []
    problems += zone_problems + strait_problems
    towns: list = []
    if (reference / TOWNS_FILE).is_file():
        try:
            towns, town_problems = read_towns(reference / TOWNS_FILE)
        except DataError as error:
            town_problems = list(error.problems)
        problems += town_problems
    for problem in problems:
        print(f"{problem.severity}: {problem}", file=sys.stderr)
    print(
        f"{args.data_dir}: {len(dataset.exercises)} exercises, {len(dataset.regions)} regions, "
        f"{len(zones)} air defence identification zones, {len(straits)} strait gates, {len(towns)} towns, "
        f"dataset version {dataset.version}: {len(problems)} problem(s)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
