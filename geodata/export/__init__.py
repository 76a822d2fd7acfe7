"""Exports of exactly what the dashboard shows: CSV table, GeoJSON and KML features, standalone HTML map.

Every export carries the dataset version and a plain-text description of the filters
(:func:`describe_view`). ``python -m geodata.export`` is the command-line twin: it reads the
same parameters as a share link.
"""

from geodata.export.describe import citation_prefix, describe_view, export_file_name
from geodata.export.features import (
    FEATURE_COLUMNS,
    ExportError,
    exercise_features,
    kml_driver,
    rfc7946_geometry,
    to_geojson_bytes,
    to_kml_bytes,
)
from geodata.export.formats import FORMATS, ExportFormat
from geodata.export.page import to_html_bytes, view_map_html_bytes
from geodata.export.table import EXERCISE_FILE_COLUMNS, TABLE_COLUMNS, exercises_table, to_csv_bytes

__all__ = [
    "EXERCISE_FILE_COLUMNS",
    "FEATURE_COLUMNS",
    "FORMATS",
    "TABLE_COLUMNS",
    "ExportError",
    "ExportFormat",
    "citation_prefix",
    "describe_view",
    "exercise_features",
    "exercises_table",
    "export_file_name",
    "kml_driver",
    "rfc7946_geometry",
    "to_csv_bytes",
    "to_geojson_bytes",
    "to_html_bytes",
    "to_kml_bytes",
    "view_map_html_bytes",
]
