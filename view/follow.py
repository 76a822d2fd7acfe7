"""Finding and following a view: the time brush on the charts, "Clear all filters", playback's line.

Pure functions over the widgets' state (keys are the URL parameter names, :mod:`geodata.query`);
the page draws the widgets and applies what these return.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from geodata.filters import exercises_in_view
from geodata.playback import describe_step, step_names
from geodata.query import PARAM_SELECTED, PARAM_YEARS, Catalog, ViewState, parse_years, widget_state
from layers.timeline import brushed_years, picked_exercise_id


def cleared_state(catalog: Catalog) -> dict[str, object]:
    """Return the widgets' state of a link without parameters: every filter, focus and playback off.

    "Clear all filters" puts it in place; the page then writes the address bar back to nothing
    but its layout parameters.
    """
    return widget_state(ViewState.default(catalog))


def chart_event(state: object, catalog: Catalog, *, overview: bool) -> dict[str, object]:
    """Return what a chart's selection changes in the widgets' state; ``{}`` when nothing.

    A brush across either chart sets the years it covers (within the data's years). On the
    per-year chart (``overview``) a cleared brush means every year; on the timeline a click on a
    bar focuses its exercise instead.
    """
    years = brushed_years(state)
    if years is not None:
        return {PARAM_YEARS: parse_years(f"{years[0]}-{years[1]}", catalog)[0]}
    if overview:
        return {PARAM_YEARS: (catalog.first_year, catalog.last_year)}
    picked = picked_exercise_id(state)
    return {PARAM_SELECTED: picked} if picked else {}


def year_overview(exercises: pd.DataFrame, view: ViewState, catalog: Catalog) -> pd.DataFrame:
    """Return the exercises a view shows in every year: what the per-year chart (the year brush) counts."""
    return exercises_in_view(exercises, replace(view, years=(catalog.first_year, catalog.last_year)))


def step_line(shown: pd.DataFrame, month: pd.Period, mode: str, events: int) -> str:
    """Return the line under the playback map: the step and the names of what it shows (plain text)."""
    names = step_names(shown, month, mode=mode)
    return describe_step(month, mode, events) + (f" — {names}" if names else "")


def chart_key(name: str, view: ViewState) -> str:
    """Return a chart's widget key, new for every focus and year range.

    Its selection then starts afresh and its brush is drawn from the years the view shows: the
    slider moves the brush.
    """
    return f"{name}-{view.selected}-{view.years[0]}-{view.years[1]}"


def is_cleared(view: ViewState, catalog: Catalog) -> bool:
    """Tell whether a view is the default one (nothing to clear)."""
    return view == ViewState.default(catalog)

