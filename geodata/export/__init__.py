"""Exports of exactly what the dashboard shows: CSV table, GeoJSON and KML features.

Every export carries the dataset version and a plain-text description of the filters
(:func:`describe_view`). The standalone HTML map is drawn above this package, in
:mod:`view.page`, and :mod:`view.export` is the one entry point of the app's downloads and of
``python -m view.export``, which reads the same parameters as a share link.
"""

from geodata.export.describe import citation_prefix, describe_view, export_file_name
from geodata.export.features import (
    FEATURE_COLUMNS,
    ExportError,
    exercise_features,
    kml_driver,
    to_geojson_bytes,
    to_kml_bytes,
)
from geodata.export.formats import FORMATS, ExportFormat
from geodata.export.table import EXERCISE_FILE_COLUMNS, TABLE_COLUMNS, exercises_table, to_csv_bytes
from geodata.geometry import rfc7946_geometry

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
    "to_kml_bytes",
]
