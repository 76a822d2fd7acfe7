"""The exercise table a reader sees under the map: its rows and its column headings."""

from __future__ import annotations

from types import MappingProxyType

import pandas as pd

from geodata.filters import in_list_order, region_names
from geodata.schema import country_names
from geodata.search import MATCH_COLUMN

TABLE_COLUMNS = MappingProxyType(
    {
        "name": "Exercise",
        "matched": "Matched",
        "series": "Series",
        "start_date": "Start",
        "end_date": "End",
        "domain": "Domain",
        "status": "Status",
        "participants": "Participants",
        "regions": "Regions",
        "summary": "Summary",
        "notes": "Where sources differ",
        "source": "Source",
        "more_sources": "More sources",
    }
)
"""Columns of the table, in order, with their headings (one case style: sentence case). ``matched`` (why
a row matched the search, :data:`geodata.search.MATCH_COLUMN`) is there only while a search is."""
LINK_COLUMNS = ("source",)
PINNED_COLUMNS = ("name",)


def table_frame(shown: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """Rows of the exercise table: one per shown exercise, in the list's order, people's words not codes.

    Newest first, as the list beside the map reads (:func:`geodata.filters.in_list_order`); with
    search text, the rows come best match first and say why each matched. The index is the
    rows' ``exercise_id`` (hidden on the page), so a selected row's position names its exercise.
    Participants are country names and regions their names; the exports keep ISO codes and ids.
    """
    shown = in_list_order(shown)
    names = region_names(regions)
    table = shown.assign(
        matched=shown[MATCH_COLUMN] if MATCH_COLUMN in shown else None,
        domain=shown["domain"].str.capitalize(),
        regions=shown["region_id_list"].map(lambda ids: ", ".join(names.get(i, i) for i in ids)),
        participants=shown["participants"].map(country_names),
        source=shown["source_urls"].map(lambda urls: urls[0] if urls else ""),
        more_sources=shown["source_urls"].map(lambda urls: " ".join(urls[1:])),
    )
    columns = [column for column in TABLE_COLUMNS if column != "matched" or MATCH_COLUMN in shown]
    return table[columns].set_axis(pd.Index(shown["exercise_id"], name="exercise_id"))
