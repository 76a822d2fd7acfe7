"""Timeline charts of the shown exercises, as Vega-Lite specs (Streamlit ships Vega).

The specs are plain dicts, built directly: Altair would build the same JSON through schema
objects and validation, which cost 25 ms of each rerun that shows a new view (a unit test
validates the specs against the Vega-Lite schema Altair ships instead). The charts carry their
data inline and use no remote data, fonts or images, so they draw offline. Colours are the
map's (:data:`layers.styles.GROUP_COLOURS`). Both charts share a UTC time axis over whole
years and a fixed-width left axis, so stacked one above the other their years line up.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from geodata import schema
from layers.popups import country_names, date_range_text
from layers.styles import GROUP_COLOURS, GROUP_LABELS

PICK = "pick"
"""Name of the timeline's click selection; Streamlit reports it under this key."""

TIMELINE_COLUMNS = (
    "exercise_id",
    "name",
    "series",
    "domain",
    "domain_label",
    "start",
    "bar_end",
    "dates",
    "participants",
    "lane",
)
"""Columns of :func:`timeline_rows`: all the chart embeds in the page."""

LEGEND_TITLE = "Drills by domain"
"""Same title as the map legend."""

ROW_HEIGHT = 24
"""Pixels per series row; exercises of a series that would overlap share it in lanes."""

AXIS_LABEL_WIDTH = 170
"""Pixels reserved for the left axis of both charts, so that their time axes line up."""

MIN_BAR_PIXELS = 5
"""Drawn width of the shortest bar: a one-day exercise is 0.1 px wide at 20 years per 800 px."""

LANE_GAP_SHARE = 0.012
"""Exercises of one series closer than this share of the time axis go on separate lanes."""

MAX_TIMELINE_BARS = 2_000
"""Above this many shown exercises the app draws the counts per year only: a bar each would be
unreadable (a few pixels per series lane) and embed megabytes in the page on every view."""

DIMMED_OPACITY = 0.25
"""Opacity of the bars that are not selected, while one is."""

COUNTS_HEIGHT = 140

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
"""The Vega-Lite version Streamlit draws with; ``tests/unit/test_timeline.py`` validates the specs against it."""

FIT_WIDTH = {"type": "fit-x", "contains": "padding"}
"""Stretch to the container's width but keep the given plot height: Streamlit's default ("fit")
would squeeze the title, legend and axis into that height."""


def _year_bounds(shown: pd.DataFrame) -> tuple[int, int]:
    return int(shown["start"].dt.year.min()), int(shown["end"].dt.year.max())


def _new_year(year: int) -> dict:
    """1 January of ``year``, 00:00 UTC, as a Vega-Lite DateTime."""
    return {"year": year, "month": 1, "date": 1, "utc": True}


def _time_x(field: str, shown: pd.DataFrame) -> dict:
    """Build the shared time axis on ``field``.

    Whole years in UTC (like the ISO dates in the data), with a tick and grid line at each
    new year, labelled with the year just right of it.
    """
    if shown.empty:
        return {"field": field, "type": "temporal", "scale": {"type": "utc"}, "axis": {"title": None}}
    first, last = _year_bounds(shown)
    return {
        "field": field,
        "type": "temporal",
        "scale": {"type": "utc", "domainMin": _new_year(first), "domainMax": _new_year(last + 1)},
        "axis": {
            "title": None,
            "values": [_new_year(year) for year in range(first, last + 1)],
            "format": "%Y",
            "grid": True,
            "labelAlign": "left",
            "labelOffset": 3,
        },
    }


def _domain_scale(domains: list[str]) -> dict:
    """Domain labels to the map's colours, for the domains present, in :data:`schema.DOMAINS` order."""
    present = [d for d in schema.DOMAINS if d in set(domains)]
    return {"domain": [GROUP_LABELS[d] for d in present], "range": [GROUP_COLOURS[d] for d in present]}


def _legend() -> dict:
    return {"title": LEGEND_TITLE, "orient": "top", "direction": "horizontal"}


def _domain_colour(scale: dict) -> dict:
    return {"field": "domain_label", "type": "nominal", "scale": scale, "legend": _legend()}


def _tooltip(*fields: tuple[str, str, str]) -> list[dict]:
    return [{"field": field, "type": kind, "title": title} for field, kind, title in fields]


def _spec(title: str, height: int, rows: pd.DataFrame, dataset: str, **parts) -> dict:
    """Assemble a Vega-Lite spec with its rows inline under the name ``dataset``."""
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "title": title,
        "height": height,
        "autosize": FIT_WIDTH,
        "data": {"name": dataset},
        **parts,
        "datasets": {dataset: rows.to_dict("records")},
    }


def _lanes(shown: pd.DataFrame, min_days: float) -> pd.Series:
    """Lane of each exercise within its series: overlapping (or visually touching) ones stack."""
    ordered = shown[["start", "end", "exercise_id", "series"]].sort_values(["start", "exercise_id"])
    min_length = pd.Timedelta(days=min_days)
    lane_ends: dict[str, list[pd.Timestamp]] = {}
    lanes: dict[object, int] = {}
    for index, series, start, end in zip(
        ordered.index, ordered["series"], ordered["start"], ordered["end"], strict=True
    ):
        ends = lane_ends.setdefault(series, [])
        visual_end = max(end, start + min_length)
        free = next((lane for lane, lane_end in enumerate(ends) if lane_end < start), None)
        if free is None:
            free = len(ends)
            ends.append(visual_end)
        else:
            ends[free] = visual_end
        lanes[index] = free
    return pd.Series(lanes, dtype="int64").reindex(shown.index)


def timeline_rows(shown: pd.DataFrame) -> pd.DataFrame:
    """Return the data of :func:`timeline_chart`: one row per exercise, as text and numbers only.

    Parameters
    ----------
    shown : pandas.DataFrame
        Exercises (validated: ``exercise_id``, ``name``, ``series``, ``domain``,
        ``start``, ``end``, ``start_date``, ``end_date``, ``date_precision``,
        ``participant_codes``).

    Returns
    -------
    pandas.DataFrame
        Columns ``exercise_id``, ``name``, ``series``, ``domain``, ``domain_label``,
        ``start`` and ``bar_end`` (ISO dates; ``bar_end`` is the day after the end, so a
        one-day exercise spans one day), ``dates``, ``participants`` and ``lane``, in
        date order.
    """
    if shown.empty:
        return pd.DataFrame({column: pd.Series(dtype="object") for column in TIMELINE_COLUMNS})
    first, last = _year_bounds(shown)
    span_days = (pd.Timestamp(year=last + 1, month=1, day=1) - pd.Timestamp(year=first, month=1, day=1)).days
    used = ["exercise_id", "name", "series", "domain", "start", "end", "start_date", "end_date"]
    shown = shown[[*used, "date_precision", "participant_codes"]].sort_values(["start", "exercise_id"])
    rows = pd.DataFrame(
        {
            "exercise_id": shown["exercise_id"],
            "name": shown["name"],
            "series": shown["series"],
            "domain": shown["domain"],
            "domain_label": shown["domain"].map(lambda d: GROUP_LABELS.get(d, d)),
            "start": shown["start"].dt.strftime("%Y-%m-%d"),
            "bar_end": (shown["end"] + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d"),
            "dates": [
                date_range_text(start, end, precision or "day")
                for start, end, precision in zip(
                    shown["start_date"], shown["end_date"], shown["date_precision"], strict=True
                )
            ],
            "participants": shown["participant_codes"].map(country_names),
            "lane": _lanes(shown, span_days * LANE_GAP_SHARE),
        }
    )
    return rows.reset_index(drop=True)[list(TIMELINE_COLUMNS)]


def _series_order(rows: pd.DataFrame) -> list[str]:
    """Series in the order of their first exercise, so the chart reads top-left to bottom-right."""
    return list(dict.fromkeys(rows["series"]))


def timeline_spec(shown: pd.DataFrame, *, selected: str | None = None) -> dict:
    """Draw one bar per exercise from its start to its end date, one row per series.

    Parameters
    ----------
    shown : pandas.DataFrame
        The exercises in the view (see :func:`timeline_rows` for the columns used).
    selected : str, optional
        ``exercise_id`` to highlight; the other bars are dimmed. Ignored if not shown.

    Returns
    -------
    dict
        A Vega-Lite spec with a click selection named :data:`PICK` on ``exercise_id``. Pass
        it to ``st.vega_lite_chart(spec=..., on_select=..., selection_mode=PICK, key=...)``
        and read the clicked exercise with :func:`picked_exercise_id`.
    """
    rows = timeline_rows(shown)
    pick = {"name": PICK, "select": {"type": "point", "fields": ["exercise_id"], "on": "click", "toggle": False}}
    if selected in set(rows["exercise_id"]):
        pick["value"] = [{"exercise_id": selected}]
    lanes = int(rows["lane"].max()) + 1 if not rows.empty else 1
    series = _series_order(rows)
    colour = _domain_colour(_domain_scale(list(rows["domain"])))
    return _spec(
        "Exercises by series",
        ROW_HEIGHT * max(len(series), 1),
        rows,
        "exercises",
        # The outline, in the bar's own colour, is what keeps a one-day bar visible and clickable.
        mark={"type": "bar", "strokeWidth": MIN_BAR_PIXELS, "cornerRadius": 1, "cursor": "pointer"},
        encoding={
            "x": _time_x("start", shown),
            "x2": {"field": "bar_end"},
            "y": {
                "field": "series",
                "type": "nominal",
                "sort": series,
                "axis": {
                    "title": None,
                    "minExtent": AXIS_LABEL_WIDTH,
                    "maxExtent": AXIS_LABEL_WIDTH,
                    "labelLimit": AXIS_LABEL_WIDTH - 20,
                },
            },
            "yOffset": {
                "field": "lane",
                "type": "ordinal",
                "scale": {"domain": list(range(lanes)), "paddingInner": 0.15},
            },
            "color": colour,
            "stroke": colour,
            "opacity": {"condition": [{"param": PICK, "value": 1.0}], "value": DIMMED_OPACITY},
            "tooltip": _tooltip(
                ("name", "nominal", "Exercise"),
                ("dates", "nominal", "Dates"),
                ("series", "nominal", "Series"),
                ("domain_label", "nominal", "Domain"),
                ("participants", "nominal", "Participants"),
            ),
        },
        params=[pick],
    )


def counts_by_year(shown: pd.DataFrame) -> pd.DataFrame:
    """Count the shown exercises per year and domain; an exercise counts in every year it was active.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``domain``, ``domain_label``, ``count``, ``year_start`` and
        ``year_end`` (ISO dates of 1 January of the year and of the next), and
        ``stack_low``/``stack_high`` (where the domain's segment of the year's stacked bar
        starts and ends), for the pairs with at least one exercise, ordered by year and
        domain (in :data:`geodata.schema.DOMAINS` order).
    """
    counts: dict[tuple[int, str], int] = {}
    for start, end, domain in zip(shown["start"], shown["end"], shown["domain"], strict=True):
        for year in range(start.year, end.year + 1):
            counts[(year, domain)] = counts.get((year, domain), 0) + 1
    order = {domain: index for index, domain in enumerate(schema.DOMAINS)}
    keys = sorted(counts, key=lambda key: (key[0], order.get(key[1], len(order)), key[1]))
    frame = pd.DataFrame(
        {
            "year": pd.Series([year for year, _ in keys], dtype="int64"),
            "domain": [domain for _, domain in keys],
            "domain_label": [GROUP_LABELS.get(domain, domain) for _, domain in keys],
            "count": pd.Series([counts[key] for key in keys], dtype="int64"),
            "year_start": [f"{year:04d}-01-01" for year, _ in keys],
            "year_end": [f"{year + 1:04d}-01-01" for year, _ in keys],
        }
    )
    frame["stack_high"] = frame.groupby("year")["count"].cumsum().astype("int64")
    frame["stack_low"] = frame["stack_high"] - frame["count"]
    return frame


def counts_by_year_spec(shown: pd.DataFrame) -> dict:
    """Draw the number of shown exercises per year, stacked by domain, in the map's colours.

    An exercise from December to January counts in both years, as in
    :func:`geodata.filters.exercises_in_years`. Returns a Vega-Lite spec.
    """
    counts = counts_by_year(shown)
    highest = int(counts["stack_high"].max()) if len(counts) else 1
    return _spec(
        "Exercises per year",
        COUNTS_HEIGHT,
        counts,
        "counts",
        mark={"type": "bar", "stroke": "white", "strokeWidth": 1},
        encoding={
            "x": _time_x("year_start", shown),
            "x2": {"field": "year_end"},
            "y": {
                "field": "stack_low",
                "type": "quantitative",
                # The domain must reach the top of the highest stack (y2), not only its base (y).
                "scale": {"domain": [0, max(1, highest)], "nice": True},
                "axis": {
                    "title": None,
                    "tickMinStep": 1,
                    "format": "d",
                    "minExtent": AXIS_LABEL_WIDTH,
                    "maxExtent": AXIS_LABEL_WIDTH,
                },
            },
            "y2": {"field": "stack_high"},
            "color": _domain_colour(_domain_scale(list(counts["domain"]))),
            "tooltip": _tooltip(
                ("year", "ordinal", "Year"),
                ("domain_label", "nominal", "Domain"),
                ("count", "quantitative", "Exercises"),
            ),
        },
    )


def picked_exercise_id(selection_state: object) -> str | None:
    """Return the exercise clicked in the timeline, from what ``st.altair_chart`` returned.

    Streamlit reports a point selection on ``exercise_id`` as
    ``{"selection": {"pick": [{"exercise_id": "joint_sea_2024"}]}}``, and an empty one
    as ``{"selection": {"pick": {}}}``.

    Parameters
    ----------
    selection_state : object
        The chart's return value or ``st.session_state[key]``; anything else (None, an
        empty or malformed dict) gives None.

    Returns
    -------
    str or None
        The ``exercise_id`` of the first picked bar.
    """
    if not isinstance(selection_state, Mapping):
        return None
    selection = selection_state.get("selection")
    if not isinstance(selection, Mapping):
        return None
    picked = selection.get(PICK)
    if not isinstance(picked, (list, tuple)) or not picked:
        return None
    first = picked[0]
    if not isinstance(first, Mapping):
        return None
    exercise_id = first.get("exercise_id")
    return exercise_id if isinstance(exercise_id, str) and exercise_id else None
