"""The list of shown exercises beside the map: its rows, and the script that ties them to the map.

The list is a Streamlit component (``st.components.v2``) that runs in the page itself, not in a
frame of its own. Its script (``exercise_list.js``) builds the rows from :func:`list_data` with
``textContent`` only, so no text from the data is ever read as HTML. Hovering a row, or moving
the keyboard focus onto it, marks that exercise's regions and routes in the map's frame (same
origin: the paths carry ``data-region`` and ``data-exercise``, :func:`layers.popups.bind_feature_html`)
with the map's ``da-hover`` class; clicking it, or Enter, sends its ``exercise_id`` back as the
trigger :data:`FOCUS`, and the page focuses that exercise as a click in the table does. Nothing
is fetched and the map's own bytes do not grow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from geodata.filters import count_events, in_list_order
from geodata.schema import country_names
from geodata.search import RANK_COLUMN
from geodata.sources import host_of
from layers.popups import date_range_text
from layers.styles import GROUP_COLOURS, domain_label
from view.text import exercise_count_text, plural

NAME = "drill_atlas.exercise_list"
"""The component's name (unique in the app)."""
KEY = "exercise_list"
"""Its widget key: ``st.session_state[KEY]`` holds what it last sent."""
FOCUS = "focus"
"""The trigger a row click sends: the ``exercise_id`` to focus."""
SCRIPT = (Path(__file__).with_suffix(".js")).read_text(encoding="utf-8")
STYLE = (Path(__file__).with_suffix(".css")).read_text(encoding="utf-8")
NARROW_PX = 640
"""Below this page width Streamlit stacks columns: the list goes under the map and opens folded."""


def outlet_count(record: Mapping[str, object]) -> int:
    """How many outlets report an exercise: its sources' publishers, or their hosts where none is known.

    Two articles of TASS count once; a source without a ``sources.csv`` line counts by host name.
    """
    urls = list(record.get("source_urls") or ())
    publishers = (str(record.get("source_publishers") or "").split(";") + [""] * len(urls))[: len(urls)]
    return len({(name.strip() or host_of(url)).casefold() for name, url in zip(publishers, urls, strict=True)})


def list_rows(shown: pd.DataFrame, selected: str | None = None) -> list[dict]:
    """Return the list's rows in its order (newest first, best match first while searching): plain JSON values.

    Each row has ``id``, ``name``, ``dates``, ``domain`` (its label) and ``colour`` (the map's),
    ``participants`` (country names), ``outlets`` (:func:`outlet_count`), ``reported`` (True
    when only secondary sources report it), ``regions`` (the ``region_id`` values whose paths
    hover marks) and ``selected``.
    """
    rows = []
    used = ["exercise_id", "name", "start", "start_date", "end_date", "date_precision", "domain", "participant_codes",
            "source_urls", "source_publishers", "status", "region_id_list"]
    ordered = in_list_order(shown[[column for column in used + [RANK_COLUMN] if column in shown]])
    for record in ordered.to_dict("records"):
        precision = str(record.get("date_precision") or "day")
        domain = str(record["domain"])
        rows.append(
            {
                "id": str(record["exercise_id"]),
                "name": str(record["name"]),
                "dates": date_range_text(str(record["start_date"]), str(record["end_date"]), precision),
                "domain": domain_label(domain),
                "colour": GROUP_COLOURS.get(domain, "#666666"),
                "participants": country_names(record["participant_codes"]),
                "outlets": plural(outlet_count(record), "outlet"),
                "reported": record.get("status") == "reported",
                "regions": [str(region_id) for region_id in record["region_id_list"]],
                "selected": record["exercise_id"] == selected,
            }
        )
    return rows


def list_data(shown: pd.DataFrame, selected: str | None, height_px: int,
              every_row: Sequence[dict] | None = None, events: int | None = None) -> dict:
    """Return what the component draws: a title, the rows and the height of the map beside it.

    ``every_row`` is :func:`list_rows` of the whole dataset, built once (``view.prepared``): the
    view's rows are then picked from it, in the list's order, instead of being built again.
    ``events`` is :func:`geodata.filters.count_events` of ``shown`` when the page has counted
    them already for its heading; it is counted here otherwise.
    """
    searched = RANK_COLUMN in shown
    if every_row is None:
        rows = list_rows(shown, selected)
    elif searched:  # every_row is newest first: take the rows in the search's order
        by_id = {row["id"]: row for row in every_row}
        order = in_list_order(shown[["exercise_id", RANK_COLUMN]])["exercise_id"]
        rows = [{**by_id[i], "selected": i == selected} for i in order]
    else:
        ids = set(shown["exercise_id"])
        rows = [{**row, "selected": row["id"] == selected} for row in every_row if row["id"] in ids]
    counted = exercise_count_text(count_events(shown) if events is None else events, len(shown))
    return {
        "title": f"{counted}, {'best match' if searched else 'newest'} first",
        "rows": rows,
        "height": int(height_px),
        "narrow": NARROW_PX,
    }


def focused_id(state: object) -> str | None:
    """Return the ``exercise_id`` a row click sent, from ``st.session_state[KEY]``; None otherwise."""
    value = state.get(FOCUS) if isinstance(state, Mapping) else getattr(state, FOCUS, None)
    return value if isinstance(value, str) and value else None
