"""Command line: ``python -m geodata.build [--out-dir DIR]``; exits 1 when a check fails."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from geodata.build import GEODATA_DIR, build
from geodata.build.checks import BuildCheckError
from geodata.build.land import LandError


def main(argv: list[str] | None = None) -> int:
    """Run the build and print a per-region report.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        Process exit status: 0 on success, 1 if the build failed.
    """
    parser = argparse.ArgumentParser(prog="python -m geodata.build", description=__doc__)
    parser.add_argument("--out-dir", type=Path, default=GEODATA_DIR, help="where to write the GeoJSON files")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        result = build(args.out_dir)
    except (BuildCheckError, LandError) as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    for row in result.regions:
        published = row["published_area_km2"]
        drift = f"{row['area_km2'] / published - 1:+.1%}" if published else "-"
        print(
            f"{row['region_id']:26} {row['area_km2']:>10,} km²  published {published or '-':>10}  "
            f"{drift:>6}  {result.vertices[row['region_id']]:>5} vertices"
        )
    print(
        f"regions.geojson {result.regions_bytes / 1024:.1f} KiB, "
        f"land.geojson {result.land_bytes / 1024:.1f} KiB ({result.land_vertices} vertices), "
        f"{time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
