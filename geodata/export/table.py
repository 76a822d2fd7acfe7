"""The shown exercises as a table: every column of exercises.csv, region names, version and filters."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geodata import schema
from geodata.crossings import CROSSING_COLUMNS
from geodata.filters import region_names

EXERCISE_FILE_COLUMNS = (
    "exercise_id",
    "name",
    "name_ru",
    "name_zh",
    "aliases",
    "name_sources",
    "series",
    "event_group",
    "start_date",
    "end_date",
    "date_precision",
    "domain",
    "participants",
    "region_ids",
    "forces",
    "summary",
    "notes",
    "status",
    "sources",
)
"""Every column of exercises.csv in the order README.md ("Data files") documents them."""

PUBLISHERS_COLUMN = "source_publishers"
"""The publisher of each URL of ``sources`` from sources.csv, in the same order, joined by ``;``."""
SOURCE_COLUMNS = (PUBLISHERS_COLUMN, "source_published", "source_titles")
"""What sources.csv says of each URL of ``sources``: publishers and dates in the same order,
joined by ``;`` (dates empty when none is known); titles one a line as ``n: title``, ``n`` the
source's place in ``sources`` (:func:`geodata.sources.titles_text`)."""
VERSION_COLUMN = "dataset_version"
FILTERS_COLUMN = "filters"
OBSERVATIONS_COLUMN = "observations"
"""The exercise's observations (:func:`geodata.observations.with_observations`): when, who, what, where, source."""
TABLE_COLUMNS = (*EXERCISE_FILE_COLUMNS, "region_names", *SOURCE_COLUMNS, OBSERVATIONS_COLUMN, *CROSSING_COLUMNS,
                 VERSION_COLUMN,
                 FILTERS_COLUMN)
"""Columns of :func:`exercises_table`, in order."""

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: spreadsheet programs then read Cyrillic and Chinese names
correctly, and pandas, Python's csv module (``utf-8-sig``) and the Drill Atlas loader skip it."""


def exercises_table(shown: pd.DataFrame, regions: gpd.GeoDataFrame, version: str, description: str) -> pd.DataFrame:
    """Return the shown exercises as the table a CSV export holds.

    Parameters
    ----------
    shown : pandas.DataFrame
        The exercises on screen, as validated by :func:`geodata.rules.validate_exercises`
        (text columns plus ``region_id_list``), in the order to export.
    regions : geopandas.GeoDataFrame
        The regions, for their names.
    version : str
        Dataset version (:attr:`geodata.loaders.Dataset.version`).
    description : str
        The filters, from :func:`geodata.export.describe_view`.

    Returns
    -------
    pandas.DataFrame
        :data:`TABLE_COLUMNS`, all text, a fresh 0..n-1 index: the exercises.csv cells as
        they were loaded, ``region_names`` (names in ``region_ids`` order, joined by ``;``),
        ``source_publishers``, ``source_published`` and ``source_titles``
        (:data:`SOURCE_COLUMNS`), ``observations`` (:data:`OBSERVATIONS_COLUMN`), what the
        exercise's routes crossed (:data:`geodata.crossings.CROSSING_COLUMNS`, ``""`` where they
        were not computed or there is no route), and the same ``dataset_version`` and ``filters``
        on every row.
    """
    names = region_names(regions)
    table = shown.reindex(columns=list(EXERCISE_FILE_COLUMNS), fill_value="").astype(str)
    table["region_names"] = [
        schema.LIST_SEPARATOR.join(names.get(region_id, region_id) for region_id in ids)
        for ids in shown["region_id_list"]
    ]
    for column in (*SOURCE_COLUMNS, OBSERVATIONS_COLUMN, *CROSSING_COLUMNS):
        table[column] = shown[column].astype(str).to_numpy() if column in shown else ""
    table[VERSION_COLUMN] = version
    table[FILTERS_COLUMN] = description
    return table.reset_index(drop=True)


def spreadsheet_safe(cell: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet program would run as a formula (:data:`geodata.schema.FORMULA_TRIGGERS`).

    OWASP's rule against CSV injection: ``=HYPERLINK(...)`` in a contributed summary must stay
    text when a reader opens the export in Excel or LibreOffice.
    """
    return "'" + cell if cell.startswith(schema.FORMULA_TRIGGERS) else cell


def to_csv_bytes(shown: pd.DataFrame, regions: gpd.GeoDataFrame, version: str, description: str) -> bytes:
    """Return :func:`exercises_table` as CSV (comma-separated, header row, :data:`CSV_ENCODING`).

    Parameters are those of :func:`exercises_table`. Every cell goes through
    :func:`spreadsheet_safe`; reading the bytes back with
    ``pandas.read_csv(..., dtype=str, keep_default_na=False)`` gives the same table, except for
    the apostrophe before such cells.
    """
    table = exercises_table(shown, regions, version, description).map(spreadsheet_safe)
    return table.to_csv(index=False, lineterminator="\n").encode(CSV_ENCODING)
