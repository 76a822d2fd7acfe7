"""The export formats: file extension and media type of each, for download buttons and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class ExportFormat:
    """How one export format is named, saved and served."""

    label: str
    extension: str
    media_type: str


FORMATS = MappingProxyType(
    {
        "csv": ExportFormat("Table (CSV)", "csv", "text/csv"),
        "geojson": ExportFormat("Map data (GeoJSON)", "geojson", "application/geo+json"),
        "kml": ExportFormat("Map data (KML)", "kml", "application/vnd.google-earth.kml+xml"),
        "html": ExportFormat("Offline map (HTML)", "html", "text/html"),
    }
)
"""Export formats by the name ``--format`` takes."""
