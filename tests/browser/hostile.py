"""Hostile text written into every text field of a copy of the small data set."""

from __future__ import annotations

import csv
import json
from pathlib import Path

HOSTILE = '<img src=x onerror="window.__pwned=1">\u202eevil\u200b<script>window.__pwned=2</script>'
HOSTILE_URL = "https://example.org/x?q=%22%3E%3Cscript%3Ewindow.__pwned=3%3C/script%3E"


def write_hostile_data(data_dir: Path) -> None:
    path = data_dir / "exercises.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for column in ("name", "name_ru", "name_zh", "series", "forces", "summary", "notes"):
        rows[0][column] = HOSTILE
    rows[0]["sources"] = f"{rows[0]['sources']};{HOSTILE_URL}"
    rows[0]["name_sources"] = "https://example.org/names"  # a name in Russian or Chinese needs a source
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    regions = json.loads((data_dir / "regions.geojson").read_text())
    for feature in regions["features"]:
        if feature["properties"]["region_id"] == "south_sea_box":
            feature["properties"]["name"] = HOSTILE
    (data_dir / "regions.geojson").write_text(json.dumps(regions))
