"""Timeline charts of the shown exercises, as Vega-Lite specs (Streamlit ships Vega).

Each chart is built with Altair once, as a template (:func:`_timeline_template`,
:func:`_counts_template`: encodings, marks, legend, tooltips, the click selection, validated
against Altair's Vega-Lite schema), and each view fills a deep copy with its values: the rows,
the years of the time axis, the series order and lanes, the colours of the domains present,
the selected exercise. Measured on a busy 2-core machine over 30 different views of the bundled
data (20-68 exercises each, both charts per view): hand-written dicts 8.6-9.0 ms per view
(median); the whole chart through Altair per view 48-52 ms with ``to_dict()``, still 24-34 ms
with validation off; the template 8.1-8.6 ms, plus 18 ms once per process to build it. Over
the issue's 20 ms per view, so Altair builds the template, not every view. The specs are
the hand-written ones key for key, except ``$schema``, which is now Altair's (v6.4.1).

The charts carry their data inline and use no remote data, fonts or images, so they draw
offline. Colours are the map's (:data:`layers.styles.GROUP_COLOURS`). Both charts share a UTC
time axis over whole years and a fixed-width left axis, so stacked one above the other their
years line up.
"""

from __future__ import annotations

import copy
import functools
import textwrap
from collections.abc import Mapping

import altair as alt
import pandas as pd
import pyarrow as pa

from geodata import schema
from geodata.filters import event_ids
from geodata.schema import country_names
from layers.popups import date_range_text
from layers.styles import GROUP_COLOURS, GROUP_LABELS

PICK = "pick"
"""Name of the timeline's click selection; Streamlit reports it under this key."""

BRUSH = "brush"
"""Name of both charts' interval selection on the time axis (drag across to choose years)."""

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

NARROW_AXIS_LABEL_WIDTH = 130
"""The same on a narrow page (a phone): enough for every series name of the bundled data at the
axis' 10 px type ("Joint strategic air patrol" is 120 px), and 40 px more for the years."""

NARROW_CHART_PX = 600
"""A chart whose container is narrower than this many pixels has the narrow left axis."""

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

FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
"""Stretch to the container's width but keep the given plot height: Streamlit's default ("fit")
would squeeze the title, legend and axis into that height."""

RIGHT_PADDING_PX = 24
"""Room right of the plot for the last year's label, which starts at its new-year line and runs
right (Streamlit pads a chart only below, so without it a phone cut "2025" to "202")."""


def _year_bounds(shown: pd.DataFrame) -> tuple[int, int]:
    """First and last calendar year of ``shown``: the year of the earliest start and latest end.

    Not ``.dt.year.min()``, which makes a year for every row (0.21 against 0.07 ms a call).
    """
    return int(shown["start"].min().year), int(shown["end"].max().year)


def _new_year(year: int) -> dict:
    """1 January of ``year``, 00:00 UTC, as a Vega-Lite DateTime."""
    return {"year": year, "month": 1, "date": 1, "utc": True}


MONTHS_UP_TO_YEARS = 2
"""Views spanning at most this many calendar years get month ticks instead of year ticks."""


def _time_x(field: str) -> alt.X:
    """Build the shared time axis on ``field``, without its years (:func:`_fill_time_x` adds them).

    UTC (like the ISO dates in the data), with a grid line at each new year, labelled with the
    year just right of it.
    """
    return alt.X(
        field=field,
        type="temporal",
        scale=alt.Scale(type="utc"),
        axis=alt.Axis(title=None, format="%Y", grid=True, labelAlign="left", labelOffset=3),
    )


def _by_chart_width(wide: int, narrow: int) -> alt.ExprRef:
    """Return a size in pixels that is ``narrow`` in a container narrower than :data:`NARROW_CHART_PX`.

    Vega's ``containerSize()`` is the chart's element in the page; a renderer without a page
    (vl-convert, :func:`picture_spec`) has none, and gets ``wide``.
    """
    width = "containerSize()[0]"
    return alt.ExprRef(expr=f"isFinite({width}) && {width} < {NARROW_CHART_PX} ? {narrow} : {wide}")


def _left_axis(**more: object) -> alt.Axis:
    """Return the left axis of both charts: one width in both, so that their years line up."""
    extent = _by_chart_width(AXIS_LABEL_WIDTH, NARROW_AXIS_LABEL_WIDTH)
    return alt.Axis(title=None, minExtent=extent, maxExtent=extent, **more)


def _fill_time_x(x: dict, shown: pd.DataFrame) -> None:
    """Set the view's whole years on a copy of :func:`_time_x`'s spec (a bare axis if none shown)."""
    if shown.empty:
        x["axis"] = {"title": None}
        return
    first, last = _year_bounds(shown)
    x["scale"] |= {"domainMin": _new_year(first), "domainMax": _new_year(last + 1)}
    if last - first + 1 <= MONTHS_UP_TO_YEARS:
        # A view of a year or two: a tick each month, the year named at January.
        x["axis"]["values"] = [
            {"year": year, "month": month, "date": 1, "utc": True}
            for year in range(first, last + 1) for month in range(1, 13)
        ]
        x["axis"]["labelExpr"] = (
            "utcmonth(datum.value) == 0 ? utcFormat(datum.value, '%b %Y') : utcFormat(datum.value, '%b')"
        )
        x["axis"]["labelOverlap"] = True
    else:
        x["axis"]["values"] = [_new_year(year) for year in range(first, last + 1)]
        x["axis"]["labelExpr"] = _year_label_expr(first, last)
        x["axis"]["labelOverlap"] = False


YEAR_LABEL_PX = 28
"""Room one year's label takes on the time axis: "2026" is 22 px at the axis' 10 px type, after a
3 px offset, and a gap (a laptop's plot gives each of 22 years 28.5 px and names them all)."""


def _year_label_expr(first: int, last: int) -> str:
    """Return a Vega expression naming every ``step``-th year counted back from ``last``, the newest first.

    Where the plot has room for every year, ``step`` is 1. On a phone 22 years share about 220 px:
    Vega's own overlap rule kept every fourth label counting from the first year, so the axis
    ended at "2025" under the 2026 bars. The plot's width is the container's less the left axis
    and the right padding; a renderer without a page (:func:`picture_spec`) names every year.
    """
    width = "containerSize()[0]"
    axis = f"({width} < {NARROW_CHART_PX} ? {NARROW_AXIS_LABEL_WIDTH} : {AXIS_LABEL_WIDTH})"
    plot = f"max({width} - {axis} - {RIGHT_PADDING_PX}, 1)"
    step = f"(isFinite({width}) ? max(1, ceil({last - first + 1} * {YEAR_LABEL_PX} / {plot})) : 1)"
    return f"({last} - utcyear(datum.value)) % {step} == 0 ? utcFormat(datum.value, '%Y') : ''"


def _domain_scale(domains: list[str]) -> dict:
    """Domain labels to the map's colours, for the domains present, in :data:`schema.DOMAINS` order."""
    present = [d for d in schema.DOMAINS if d in set(domains)]
    return {"domain": [GROUP_LABELS[d] for d in present], "range": [GROUP_COLOURS[d] for d in present]}


def _domain_colour(channel: type[alt.Color] | type[alt.Stroke]) -> alt.Color | alt.Stroke:
    """Colour by domain label; :func:`_domain_scale` gives the view's labels and colours."""
    legend = alt.Legend(title=LEGEND_TITLE, orient="top", direction="horizontal",
                        columns=_by_chart_width(0, 2))
    return channel(field="domain_label", type="nominal", legend=legend)


def _tooltip(*fields: tuple[str, str, str]) -> list[alt.Tooltip]:
    return [alt.Tooltip(field=field, type=kind, title=title) for field, kind, title in fields]


def _chart(title: str, dataset: str) -> alt.Chart:
    """Start a chart whose rows are inline under the name ``dataset`` (filled in per view)."""
    return alt.Chart(alt.Data(name=dataset)).properties(
        title=title, autosize=FIT_WIDTH, padding={"right": RIGHT_PADDING_PX})


def _template(chart: alt.Chart) -> dict:
    """Return the chart's Vega-Lite spec, validated by Altair, without the default theme's config.

    The theme sets a 300 x 300 px view size; these charts set their height and take their
    width from the page (:data:`FIT_WIDTH`), and without the theme draw as before Altair.
    """
    spec = chart.to_dict()
    spec.pop("config", None)
    return spec


TIMELINE_FIELDS = ("exercise_id", "name", "series", "domain", "start", "end", "start_date", "end_date",
                   "date_precision", "participant_codes")
"""What :func:`timeline_records` reads of each exercise."""


def timeline_records(shown: pd.DataFrame) -> list[dict]:
    """Return the rows of :func:`timeline_chart` as plain records (see :func:`timeline_rows`), in date order.

    Plain Python over the few columns used: the same rows built with pandas operations cost
    11 ms for 40 exercises, on every new view.
    """
    if shown.empty:
        return []
    first, last = _year_bounds(shown)
    span_days = (pd.Timestamp(year=last + 1, month=1, day=1) - pd.Timestamp(year=first, month=1, day=1)).days
    min_length = pd.Timedelta(days=span_days * LANE_GAP_SHARE)
    one_day = pd.Timedelta(days=1)
    rows = sorted(zip(*(shown[field].tolist() for field in TIMELINE_FIELDS), strict=True),
                  key=lambda row: (row[4], row[0]))
    lane_ends: dict[str, list[pd.Timestamp]] = {}
    records = []
    for exercise_id, name, series, domain, start, end, start_date, end_date, precision, codes in rows:
        # Lanes: within a series, an exercise that overlaps (or visually touches) an earlier one stacks below it.
        ends = lane_ends.setdefault(series, [])
        visual_end = max(end, start + min_length)
        lane = next((index for index, lane_end in enumerate(ends) if lane_end < start), None)
        if lane is None:
            lane = len(ends)
            ends.append(visual_end)
        else:
            ends[lane] = visual_end
        records.append({
            "exercise_id": exercise_id,
            "name": name,
            "series": series,
            "domain": domain,
            "domain_label": GROUP_LABELS.get(domain, domain),
            "start": start.strftime("%Y-%m-%d"),
            "bar_end": (end + one_day).strftime("%Y-%m-%d"),
            "dates": date_range_text(start_date, end_date, precision or "day"),
            "participants": country_names(codes),
            "lane": lane,
        })
    return records


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
    return pd.DataFrame(timeline_records(shown), columns=list(TIMELINE_COLUMNS))


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
    records = timeline_records(shown)
    spec = copy.deepcopy(_timeline_template())
    series = list(dict.fromkeys(record["series"] for record in records))  # in the order of their first exercise
    lanes = max((record["lane"] for record in records), default=0) + 1
    spec["height"] = ROW_HEIGHT * max(len(series), 1)
    spec["datasets"] = {"exercises": records}
    encoding = spec["encoding"]
    _fill_time_x(encoding["x"], shown)
    encoding["y"]["sort"] = series
    encoding["yOffset"]["scale"]["domain"] = list(range(lanes))
    domains = [record["domain"] for record in records]
    encoding["color"]["scale"] = _domain_scale(domains)
    encoding["stroke"]["scale"] = _domain_scale(domains)
    if selected in {record["exercise_id"] for record in records}:
        spec["params"][0]["value"] = [{"exercise_id": selected}]
    return spec


@functools.cache
def _timeline_template() -> dict:
    """Build the timeline with Altair, once; :func:`timeline_spec` fills in the view's values."""
    pick = alt.selection_point(name=PICK, fields=["exercise_id"], on="click", toggle=False)
    chart = (
        _chart("Exercises by series", "exercises")
        # The outline, in the bar's own colour, is what keeps a one-day bar visible and clickable.
        .mark_bar(strokeWidth=MIN_BAR_PIXELS, cornerRadius=1, cursor="pointer")
        .encode(
            x=_time_x("start"),
            x2=alt.X2(field="bar_end"),
            y=alt.Y(
                field="series",
                type="nominal",
                axis=_left_axis(
                    labelLimit=_by_chart_width(AXIS_LABEL_WIDTH - 20, NARROW_AXIS_LABEL_WIDTH - 6),
                ),
            ),
            yOffset=alt.YOffset(field="lane", type="ordinal", scale=alt.Scale(paddingInner=0.15)),
            color=_domain_colour(alt.Color),
            stroke=_domain_colour(alt.Stroke),
            opacity=alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(DIMMED_OPACITY)),
            tooltip=_tooltip(
                ("name", "nominal", "Exercise"),
                ("dates", "nominal", "Dates"),
                ("series", "nominal", "Series"),
                ("domain_label", "nominal", "Domain"),
                ("participants", "nominal", "Participants"),
            ),
        )
        .add_params(pick, _brush())
    )
    return _template(chart)


def counts_by_year(shown: pd.DataFrame) -> pd.DataFrame:
    """Count the shown exercises per year and domain, an event once (:func:`geodata.filters.count_events`).

    An event counts in every year one of its rows was active, under the domain of its rows, or
    ``combined`` when they differ (``vostok_2022``, combined, and ``vostok_2022_naval``, naval,
    count once, as combined).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``domain``, ``domain_label``, ``count``, ``year_start`` and
        ``year_end`` (ISO dates of 1 January of the year and of the next), and
        ``stack_low``/``stack_high`` (where the domain's segment of the year's stacked bar
        starts and ends), for the pairs with at least one exercise, ordered by year and
        domain (in :data:`geodata.schema.DOMAINS` order).
    """
    columns = [column for column in ("exercise_id", "event_group", "domain", "start", "end") if column in shown]
    rows = shown[columns].copy()
    rows["event"] = event_ids(rows)
    by_event = rows.groupby("event")["domain"]
    domains = by_event.first().where(by_event.nunique() == 1, "combined")
    rows["event_domain"] = rows["event"].map(domains)
    # One row per year each exercise was active in, then the events of each year and domain, counted once.
    rows["year"] = [list(range(first, last + 1)) for first, last in zip(rows["start"].dt.year, rows["end"].dt.year,
                                                                         strict=True)]
    per_year = rows.explode("year").groupby(["year", "event_domain"])["event"].nunique()
    counts: dict[tuple[int, str], int] = {(int(year), domain): int(n) for (year, domain), n in per_year.items()}
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


def counts_by_year_spec(shown: pd.DataFrame, years: tuple[int, int] | None = None) -> dict:
    """Draw the number of exercises per year, stacked by domain, in the map's colours.

    An exercise from December to January counts in both years, as in
    :func:`geodata.filters.exercises_in_years`. Returns a Vega-Lite spec with an interval
    selection named :data:`BRUSH` on the time axis: the year filter's control.

    Parameters
    ----------
    shown : pandas.DataFrame
        The exercises to count: the page passes those every filter but the years shows, so the
        chart is an overview of all their years.
    years : tuple of int, optional
        The years the view shows. When they are fewer than the chart's, the brush is drawn
        across them and the other years are dimmed.
    """
    return with_years_brush(counts_overview_spec(shown), years)


def counts_overview_spec(shown: pd.DataFrame) -> dict:
    """Return the counts per year of :func:`counts_by_year_spec` without a brush: the same for every year range.

    A page caches it per set of exercises and draws the view's years on it with
    :func:`with_years_brush`, so a change of years does not count the exercises again.
    """
    counts = counts_by_year(shown)
    highest = int(counts["stack_high"].max()) if len(counts) else 1
    spec = copy.deepcopy(_counts_template())
    spec["datasets"] = {"counts": counts.to_dict("records")}
    encoding = spec["encoding"]
    _fill_time_x(encoding["x"], shown)
    spec["usermeta"] = {"years": list(_year_bounds(shown)) if not shown.empty else None}
    encoding["y"]["scale"]["domain"] = [0, max(1, highest)]
    encoding["color"]["scale"] = _domain_scale(list(counts["domain"]))
    return spec


def with_years_brush(overview: dict, years: tuple[int, int] | None) -> dict:
    """Return a copy of a :func:`counts_overview_spec` with the brush across ``years``.

    No brush when ``years`` is None or covers every year the chart shows.
    """
    spec = {**overview, "params": copy.deepcopy(overview["params"])}
    bounds = overview.get("usermeta", {}).get("years")
    if years is not None and bounds is not None and list(years) != bounds:
        spec["params"][0]["value"] = {"x": [_new_year(years[0]), _new_year(years[1] + 1)]}
    return spec


def with_tables(spec: dict | None) -> dict | None:
    """Return a copy of a chart spec whose named datasets are Arrow tables, for the page to draw.

    ``st.vega_lite_chart`` sends each named dataset as Arrow bytes. Given rows (a list of dicts,
    as the spec holds them for the pictures, which vl-convert reads as JSON), Streamlit builds a
    pandas DataFrame and converts it on every call (7.5% of the server's samples under eight
    sessions changing years, py-spy, 2026-12-03). A :class:`pyarrow.Table` is among the data
    types ``st.vega_lite_chart`` documents, and Streamlit only writes it out: both charts of the
    bundled data, all years, cost 0.4 ms this way against 2.7-2.9 ms as rows (same machine,
    rows to Arrow bytes, 100 calls). The values are the same (a unit test
    compares what reaches the page both ways); the strings are plain ``string``, not pandas'
    ``large_string``, which the page decodes alike. None stays None.
    """
    if spec is None:
        return None
    return {**spec, "datasets": {name: pa.Table.from_pylist(rows) for name, rows in spec["datasets"].items()}}


@functools.cache
def _counts_template() -> dict:
    """Build the counts per year with Altair, once; :func:`counts_by_year_spec` fills in the view's values."""
    brush = _brush()
    chart = (
        _chart("Exercises per year", "counts")
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            x=_time_x("year_start"),
            x2=alt.X2(field="year_end"),
            y=alt.Y(
                field="stack_low",
                type="quantitative",
                # The domain must reach the top of the highest stack (y2), not only its base (y).
                scale=alt.Scale(nice=True),
                axis=_left_axis(tickMinStep=1, format="d"),
            ),
            y2=alt.Y2(field="stack_high"),
            color=_domain_colour(alt.Color),
            opacity=alt.when(brush).then(alt.value(1.0)).otherwise(alt.value(DIMMED_OPACITY)),
            tooltip=_tooltip(
                ("year", "ordinal", "Year"),
                ("domain_label", "nominal", "Domain"),
                ("count", "quantitative", "Exercises"),
            ),
        )
        .properties(height=COUNTS_HEIGHT)
        .add_params(brush)
    )
    return _template(chart)


def _brush() -> alt.Parameter:
    """Drag across the time axis to select a span; the mouse wheel keeps scrolling the page."""
    return alt.selection_interval(name=BRUSH, encodings=["x"], zoom=False)


def _instant(value: object) -> pd.Timestamp | None:
    """Read a brush end as Streamlit reports it (milliseconds since 1970 UTC, or a date text), or None."""
    if isinstance(value, bool):
        return None
    try:
        instant = pd.Timestamp(value, unit="ms") if isinstance(value, (int, float)) else pd.Timestamp(str(value))
    except (ValueError, TypeError, OverflowError):
        return None
    return None if pd.isna(instant) else instant


def brushed_years(selection_state: object) -> tuple[int, int] | None:
    """Return the years a brush across a chart's time axis covers, from what Streamlit reported.

    Streamlit reports an interval selection on a temporal field as
    ``{"selection": {"brush": {"start": [1467331200000, 1577836800000]}}}`` (the field is the
    chart's ``x`` field); a year counts when the brush covers any of it (a brush ending on
    1 January does not take in that year). None when there is no brush (it was cleared) or the
    state is malformed.
    """
    if not isinstance(selection_state, Mapping) or not isinstance(selection_state.get("selection"), Mapping):
        return None
    brush = selection_state["selection"].get(BRUSH)
    if not isinstance(brush, Mapping) or not brush:
        return None
    span = next(iter(brush.values()))
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    ends = [_instant(value) for value in span]
    if None in ends:
        return None
    first, last = sorted(ends)
    return first.year, max(first.year, (last - pd.Timedelta(milliseconds=1)).year)


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


def chart_specs(
    shown: pd.DataFrame,
    selected: str | None = None,
    overview: pd.DataFrame | None = None,
    years: tuple[int, int] | None = None,
) -> tuple[dict | None, dict]:
    """Return the view's two charts: the timeline and the counts per year.

    The timeline is None above :data:`MAX_TIMELINE_BARS` exercises: a bar per exercise would be
    unreadable and megabytes big. The counts count ``overview`` (the exercises of the view in
    every year, by default ``shown``) with the brush across ``years``
    (:func:`counts_by_year_spec`).
    """
    timeline = timeline_spec(shown, selected=selected) if len(shown) <= MAX_TIMELINE_BARS else None
    return timeline, counts_by_year_spec(shown if overview is None else overview, years)


PICTURE_WIDTH = 960
"""Width in pixels of a chart saved as a picture (the page's charts take the page's width instead)."""
CAPTION_CHARACTERS = 150
"""Longest line of the citation under a saved chart; a longer citation wraps."""


def picture_spec(spec: dict, caption: str, *, width: int = PICTURE_WIDTH) -> dict:
    """Return a chart of the page as a picture: a fixed width and the citation in small type under it.

    Parameters
    ----------
    spec : dict
        A spec of :func:`chart_specs` (left as it is).
    caption : str
        The citation line; wrapped at :data:`CAPTION_CHARACTERS` characters, set as text (no markup).
    width : int
        The plot's width in pixels.

    Returns
    -------
    dict
        A Vega-Lite ``vconcat`` of the chart and its caption, its rows inline, for a renderer
        without a page (vl-convert).
    """
    page_only = ("$schema", "datasets", "autosize", "padding")
    chart = {key: value for key, value in copy.deepcopy(spec).items() if key not in page_only}
    chart["width"] = width
    lines = textwrap.wrap(caption, CAPTION_CHARACTERS) or [""]
    caption_chart = {
        "data": {"values": [{"line": line, "row": row} for row, line in enumerate(lines)]},
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 11, "color": "#444"},
        "encoding": {
            "text": {"field": "line", "type": "nominal"},
            "x": {"value": 0},
            "y": {"field": "row", "type": "ordinal", "axis": None},
        },
        "width": width,
        "height": 16 * len(lines),
    }
    return {
        "$schema": spec.get("$schema", "https://vega.github.io/schema/vega-lite/v6.json"),
        "datasets": copy.deepcopy(spec.get("datasets", {})),
        "vconcat": [chart, caption_chart],
        "spacing": 12,
        "padding": 12,
        "background": "white",
        "config": {"view": {"stroke": None}, "concat": {"spacing": 12}},
    }
