"""The worst inputs one visitor may send, built by code: for the safety benchmark and the browser tests.

Each is the largest or slowest input the limits allow (or a known attack the app must refuse):
the numbers in :mod:`geodata.uploads`, the notice box's ``max_chars`` and the drawn-shape limits
of :mod:`geodata.user_shapes` decide what "worst" means.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

UPLOAD_LIMIT_BYTES = 19_900_000
"""Just under ``server.maxUploadSize`` (20 MB in .streamlit/config.toml) as the browser's uploader
counts it: it refuses a file of 20 MiB."""
NOTICE_LIMIT_CHARS = 20_000
"""``max_chars`` of the notice box in app.py."""

VRT_PASSWD_KML = (
    b'<OGRVRTDataSource><OGRVRTLayer name="passwd"><SrcDataSource>CSV:/etc/passwd</SrcDataSource>'
    b"<SrcLayer>passwd</SrcLayer></OGRVRTLayer></OGRVRTDataSource>"
)
"""An OGR VRT document named .kml that read /etc/passwd before the fix."""


def bad_rows_csv(size: int = UPLOAD_LIMIT_BYTES) -> bytes:
    """Return a CSV of malformed rows just under the upload limit (4 million problems before the fix)."""
    return b"lat,lon\n" + b"a,b\n" * ((size - 8) // 4)


def compressible_csv_zip(unpacked: int = 2 * UPLOAD_LIMIT_BYTES) -> bytes:
    """Return a zip of about 2 MB holding a CSV of bad rows that compresses about 20:1, under the ratio limit.

    Before the fix such a zip took a live server past 14 GB; now the rows read are capped.
    """
    rows = random.Random(1).choices([b"a,b\n", b"c,d\n"], k=(unpacked - 8) // 4)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("rows.csv", b"lat,lon\n" + b"".join(rows))
    return buffer.getvalue()


def wide_geojson(size: int = UPLOAD_LIMIT_BYTES) -> bytes:
    """As many features as fit under the limit, each with 200 properties (a 28 MB map before the fix)."""
    properties = {f"property_{index:03d}": f"value {index}" for index in range(200)}
    feature = json.dumps({"type": "Feature", "properties": properties,
                          "geometry": {"type": "Point", "coordinates": [131.5, 42.5]}})
    count = min(5_000, (size - 60) // (len(feature) + 1))
    return ('{"type":"FeatureCollection","features":[' + ",".join([feature] * count) + "]}").encode()


def write_worst_uploads(folder: Path) -> dict[str, Path]:
    """Write every worst upload into ``folder``; returns label → path."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "bad-rows.csv": bad_rows_csv(),
        "compressible.zip": compressible_csv_zip(),
        "wide.geojson": wide_geojson(),
        "passwd.kml": VRT_PASSWD_KML,
    }
    paths = {}
    for name, content in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(content)
    return paths


WORST_NOTICES = {
    "digit then spaces": "1" + " " * (NOTICE_LIMIT_CHARS - 1),
    "radius then spaces": "RADIUS" + " " * (NOTICE_LIMIT_CHARS - 6),
    "latitude then separators": "42-30N" + " ,-" * ((NOTICE_LIMIT_CHARS - 6) // 3),
    "positions": " ".join(["42-30.00N 131-45.00E"] * (NOTICE_LIMIT_CHARS // 21)),
}
"""Notice texts at the box's limit that took 26–33 s each before the parser was linear."""

WORST_DRAWINGS = {
    "line to longitude 10^6": [[10.0, 100.0], [10.0, 1_000_000.0]],
    "line to longitude 10^7": [[10.0, 100.0], [10.0, 10_000_000.0]],
    "line around the world": [[0.0, -179.9], [0.0, 179.9]],
    "zigzag across the world": [[(-60.0 if index % 2 else 60.0), -179.0 + index * 9.0] for index in range(40)],
}
"""Lines (as Leaflet ``[lat, lng]`` pairs) the map may send as a drawing; the server took 1 GB to out
of memory (the first two) or 14–151 s of CPU (the last two) before drawn shapes were checked."""


def fire_drawing_script(latlngs: list[list[float]]) -> str:
    """JavaScript, run in the map's frame, that reports a drawn line as Leaflet.draw would."""
    # Returns nothing: Leaflet's fire() returns the map, which Playwright would spend seconds serialising.
    layer = f"L.polyline({json.dumps(latlngs)})"
    return f"() => {{ window.map.fire('draw:created', {{layer: {layer}, layerType: 'polyline'}}); }}"
