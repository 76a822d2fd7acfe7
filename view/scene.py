"""What a view shows: the one rule behind the page, the export command and the offline map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise
from urllib.parse import urlencode

import geopandas as gpd
import pandas as pd

from geodata.filters import exercises_at, exercises_in_view, regions_for
from geodata.loaders import Dataset
from geodata.query import Catalog, ViewState, view_to_params, years_text
from geodata.search import RANK_COLUMN
from layers.observations import observations_panel_html, shown_observations
from layers.popups import exercise_html, region_popup_html


@dataclass(frozen=True)
class Scene:
    """A view resolved against the data.

    Attributes
    ----------
    view : ViewState
        The view, its ``selected`` exercise and ``region`` cleared when the filters do not show
        them.
    shown : pandas.DataFrame
        The exercises the filters show, by start date and ``exercise_id``; with search text, best
        match first (:func:`geodata.search.ranked`, which adds why each matched).
    regions : geopandas.GeoDataFrame
        The regions those exercises use.
    notices : tuple of str
        One plain-text sentence per focus that was cleared.
    observations : pandas.DataFrame
        The shown exercises' observations (``Dataset.observations``), in time order.
    """

    view: ViewState
    shown: pd.DataFrame
    regions: gpd.GeoDataFrame
    notices: tuple[str, ...]
    observations: pd.DataFrame | None = None


def focus_outside_view(view: ViewState, shown_ids: Iterable[str], region_ids: Iterable[str]) -> list[str]:
    """Say which focus of a view its filters cannot show, so it is never dropped silently."""
    years = years_text(view.years)
    notices = []
    if view.selected and view.selected not in set(shown_ids):
        notices.append(
            f"selected={view.selected} is not among the exercises shown ({years}); the map shows the whole view."
        )
    if view.region and view.region not in set(region_ids):
        notices.append(
            f"region={view.region} holds none of the exercises shown ({years}); the map shows the whole view."
        )
    return notices


def in_shown_order(shown: pd.DataFrame) -> pd.DataFrame:
    """Order exercises as a view lists them: best match first when searching, else by date then id.

    A frame already in that order is returned as it is (the bundled file is in date order, and
    a search ranks its result in order): a sort copies all 49 columns, 1.5 ms of a rerun.
    """
    keys = (shown[RANK_COLUMN].tolist() if RANK_COLUMN in shown
            else list(zip(shown["start"].tolist(), shown["exercise_id"].tolist(), strict=True)))
    if all(first < second for first, second in pairwise(keys)):  # keys are unique: no ties to keep
        return shown
    return shown.sort_values(RANK_COLUMN if RANK_COLUMN in shown else ["start", "exercise_id"])


def scene_for(dataset: Dataset, view: ViewState) -> Scene:
    """Resolve a view against the data: what it shows, in order, and the focus it can keep."""
    shown = in_shown_order(exercises_in_view(dataset.exercises, view))
    regions = regions_for(dataset.regions, shown)
    notices = focus_outside_view(view, shown["exercise_id"], regions["region_id"])
    resolved = replace(
        view,
        selected=view.selected if view.selected in set(shown["exercise_id"]) else None,
        region=view.region if view.region in set(regions["region_id"]) else None,
    )
    return Scene(view=resolved, shown=shown, regions=regions, notices=tuple(notices),
                 observations=shown_observations(dataset.observations, shown))


def details_exercise(scene: Scene) -> dict | None:
    """Return the exercise the details panel shows in full: the focused one, or the only one the view shows."""
    if scene.view.selected:
        return scene.shown.loc[scene.shown["exercise_id"] == scene.view.selected].iloc[0].to_dict()
    if len(scene.shown) == 1:
        return scene.shown.iloc[0].to_dict()
    return None


def details_series(scene: Scene) -> str | None:
    """Return the series of the exercise the details panel shows, if any."""
    record = details_exercise(scene)
    return None if record is None else str(record["series"])


def focus_href(view: ViewState, catalog: Catalog, exercise_id: str) -> str:
    """Return a link of the page (a query string) to the same view focused on one exercise."""
    focused = replace(view, selected=exercise_id, region=None, map_view=None)
    return "?" + urlencode(view_to_params(focused, catalog))


def details_html(scene: Scene, regions: gpd.GeoDataFrame, catalog: Catalog) -> str | None:
    """Return the details panel under the map, as escaped HTML, or None when there is nothing to detail.

    The focused exercise in full (or the only one the view shows), else the focused region with
    its exercises, each a link that focuses it.
    """
    record = details_exercise(scene)
    if record is not None:
        observed = scene.observations if scene.observations is not None else pd.DataFrame()
        return exercise_html(record) + observations_panel_html(str(record["exercise_id"]), observed)
    if not scene.view.region:
        return None
    region = regions.loc[regions["region_id"] == scene.view.region].iloc[0].to_dict()
    held = exercises_at(scene.shown, scene.view.region)
    hrefs = {exercise_id: focus_href(scene.view, catalog, exercise_id) for exercise_id in held["exercise_id"]}
    return region_popup_html(region, held.to_dict("records"), hrefs)
