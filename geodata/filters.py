"""Filters from exercises to the exercises and regions a view shows.

Every function takes frames and returns new frames; inputs are never modified.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import geopandas as gpd
import pandas as pd
import shapely

from geodata.query import ViewState
from geodata.search import RANK_COLUMN, ranked

SEVERAL_DOMAINS = "several"
"""Style group of a region whose shown exercises span more than one domain."""


def event_of(record: Mapping[str, object]) -> str:
    """Return the event a row belongs to: its ``event_group``, or its own ``exercise_id`` when that is empty.

    This is the one counting rule of the atlas: the rows of one event (the phases of an
    exercise, or one exercise listed under two names, e.g. ``vostok_2022`` and
    ``vostok_2022_naval``) share an ``event_group`` and count once. Use :func:`count_events`
    for a table of rows.
    """
    return _event(record.get("event_group"), record["exercise_id"])


def _event(group: object, exercise_id: object) -> str:
    return group.strip() if isinstance(group, str) and group.strip() else str(exercise_id)


def _events(exercises: pd.DataFrame) -> list[str]:
    """Return each row's event, in plain Python.

    Every rerun counts events several times over a few dozen rows, where pandas' string methods
    cost a millisecond a call whatever the row count.
    """
    ids = exercises["exercise_id"]
    groups = exercises["event_group"] if "event_group" in exercises.columns else [None] * len(ids)
    return [_event(group, exercise_id) for group, exercise_id in zip(groups, ids, strict=True)]


def event_ids(exercises: pd.DataFrame) -> pd.Series:
    """Return each row's event (:func:`event_of`) as a column, for a whole table at once."""
    return pd.Series(_events(exercises), index=exercises.index, dtype=object)


def count_events(exercises: pd.DataFrame) -> int:
    """Count the events among the rows of ``exercises`` (see :func:`event_of`): what "exercises shown" counts.

    The map and the table still show every row; the counts, the chart of exercises per year
    and each region's count of what was held there count events.
    """
    return len(set(_events(exercises)))


def exercises_in_years(exercises: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Return the exercises active at any time from 1 January ``first`` to 31 December ``last``.

    An exercise that starts in December 2021 and ends in January 2022 is in both years.
    """
    active = (exercises["start"].dt.year <= last) & (exercises["end"].dt.year >= first)
    return exercises.loc[active]


def exercises_with_ids(exercises: pd.DataFrame, exercise_ids: Iterable[str]) -> pd.DataFrame:
    """Return the exercises whose ``exercise_id`` is listed; all of them if none is listed."""
    wanted = set(exercise_ids)
    if not wanted:
        return exercises
    return exercises.loc[exercises["exercise_id"].isin(wanted)]


def exercises_in_series(exercises: pd.DataFrame, series_names: Iterable[str]) -> pd.DataFrame:
    """Return the exercises of the listed series; all of them if none is listed."""
    wanted = set(series_names)
    if not wanted:
        return exercises
    return exercises.loc[exercises["series"].isin(wanted)]


def exercises_in_domains(exercises: pd.DataFrame, domains: Iterable[str]) -> pd.DataFrame:
    """Return the exercises of the listed domains; all of them if none is listed."""
    wanted = set(domains)
    if not wanted:
        return exercises
    return exercises.loc[exercises["domain"].isin(wanted)]


ZONES_ENTERED_COLUMN = "zones_entered"
"""Column of tuples: the ``zone_id`` of every air defence identification zone an exercise's
routes entered, added by :func:`geodata.crossings.with_crossings`."""


def exercises_in_zones(exercises: pd.DataFrame, zone_ids: Iterable[str]) -> pd.DataFrame:
    """Return the exercises a route of which entered any listed zone; all of them if none is listed.

    Without the :data:`ZONES_ENTERED_COLUMN` (no crossings computed) no exercise entered any zone.
    """
    wanted = set(zone_ids)
    if not wanted:
        return exercises
    if ZONES_ENTERED_COLUMN not in exercises.columns:
        return exercises.iloc[0:0]
    return exercises.loc[exercises[ZONES_ENTERED_COLUMN].map(lambda entered: bool(wanted.intersection(entered)))]


def exercises_with_participants(exercises: pd.DataFrame, codes: Iterable[str]) -> pd.DataFrame:
    """Return the exercises in which *every* listed country took part; all of them if none is listed.

    "With Iran" and "with South Africa" together mean exercises with both, as an analyst
    narrowing a list expects (each country chosen narrows it further, like every other filter
    added), not exercises with either.
    """
    wanted = set(codes)
    if not wanted:
        return exercises
    column = exercises["participant_codes"] if "participant_codes" in exercises else exercises["participants"].map(
        lambda text: [code.strip() for code in str(text).split(";")])
    return exercises.loc[column.map(lambda held: wanted <= set(held))]


def exercises_matching(exercises: pd.DataFrame, text: str) -> pd.DataFrame:
    """Return the exercises search text finds, best match first (:func:`geodata.search.ranked`).

    Names in English, Russian and Chinese, aliases, series, summaries and years are searched,
    whatever the case, diacritics, dashes and spacing; each match carries its rank and why it
    matched. Empty text returns the exercises as they are.
    """
    return ranked(exercises, text)


def exercises_at(exercises: pd.DataFrame, region_id: str) -> pd.DataFrame:
    """Return the exercises held (at least partly) in one region, in date order."""
    held = exercises["region_id_list"].map(lambda ids: region_id in ids)
    return exercises.loc[held].sort_values(["start", "end", "exercise_id"])


def in_list_order(exercises: pd.DataFrame) -> pd.DataFrame:
    """Return exercises in the order the list beside the map and the table read.

    Best match first while a search ranks them (:data:`geodata.search.RANK_COLUMN`), else newest
    first (by start, then id): a reader looks for the latest, and the list's title says which.
    """
    if RANK_COLUMN in exercises:
        return exercises.sort_values(RANK_COLUMN)
    return exercises.sort_values(["start", "exercise_id"], ascending=[False, True])


def domain_group(domains: Iterable[str]) -> str:
    """Name the style group for a set of domains: the domain itself, or ``"several"``."""
    distinct = set(domains)
    if len(distinct) == 1:
        return distinct.pop()
    return SEVERAL_DOMAINS


def regions_for(regions: gpd.GeoDataFrame, exercises: pd.DataFrame) -> gpd.GeoDataFrame:
    """Return the regions where any of ``exercises`` took place, with what took place there.

    Parameters
    ----------
    regions : geopandas.GeoDataFrame
        All regions, EPSG:4326, with ``region_id``.
    exercises : pandas.DataFrame
        The exercises to show, with ``region_id_list`` and ``domain``.

    Returns
    -------
    geopandas.GeoDataFrame
        The used regions in their original order, plus ``exercise_ids`` (tuple, date
        order: every row held there), ``exercise_count`` (the events among them, see
        :func:`event_of`) and ``style_group`` (see :func:`domain_group`).
    """
    held: dict[str, list[str]] = {}
    events: dict[str, set[str]] = {}
    domains: dict[str, set[str]] = {}
    rows = zip(exercises["start"].tolist(), exercises["exercise_id"].tolist(), event_ids(exercises),
               exercises["region_id_list"], exercises["domain"], strict=True)
    for _, exercise_id, event, region_ids, domain in sorted(rows, key=lambda row: row[:2]):  # date order
        for region_id in region_ids:
            held.setdefault(region_id, []).append(exercise_id)
            events.setdefault(region_id, set()).add(event)
            domains.setdefault(region_id, set()).add(domain)
    used = regions.loc[regions["region_id"].isin(held)]  # a new frame: setting its columns leaves ``regions`` be
    ids = used["region_id"].tolist()
    used["exercise_ids"] = pd.Series([tuple(held[rid]) for rid in ids], index=used.index, dtype=object)
    used["exercise_count"] = pd.array([len(events[rid]) for rid in ids], dtype="int64")
    used["style_group"] = pd.array([domain_group(domains[rid]) for rid in ids], dtype=used["region_id"].dtype)
    return used


def bounds_of(regions: gpd.GeoDataFrame) -> list[list[float]] | None:
    """Return ``[[south, west], [north, east]]`` around the regions, or None if there are none.

    Longitudes may exceed 180 for regions kept in the Pacific frame; Leaflet handles that.
    """
    if regions.empty:
        return None
    west, south, east, north = regions.total_bounds
    return [[float(south), float(west)], [float(north), float(east)]]


REGION_ONLY = "region only"
"""Precision class of a region that stands for a whole country or province: no source names a site."""
APPROXIMATE = "approximate"
LANDING_MAX_SPAN_DEG = (75.0, 50.0)
"""Largest longitude and latitude span of the landing view: about one sea basin and its neighbours,
which a laptop map shows at zoom 3 or more."""


MIN_FIT_SPAN_DEG = (2.5, 2.0)
"""Smallest longitude and latitude span a view fits: a region smaller than this is shown amid its
surroundings (zoom 8 on a laptop's map), not blown up to fill the map with no coast in sight."""


def with_context(bounds: list[list[float]] | None) -> list[list[float]] | None:
    """Return ``bounds`` widened about their centre to at least :data:`MIN_FIT_SPAN_DEG`.

    The 37 km box of an announced exercise area, or a 40 km circle around a base, would
    otherwise fill the map at zoom 11, and the reader would see a blue square with no land to
    say where it is.
    """
    if bounds is None:
        return None
    (south, west), (north, east) = bounds
    min_lon, min_lat = MIN_FIT_SPAN_DEG
    if east - west < min_lon:
        middle = (west + east) / 2
        west, east = middle - min_lon / 2, middle + min_lon / 2
    if north - south < min_lat:
        middle = (south + north) / 2
        south, north = max(middle - min_lat / 2, -85.0), min(middle + min_lat / 2, 85.0)
    return [[south, west], [north, east]]


def precision_class(precision: object) -> str:
    """Return the kind of a region's ``precision`` text: the words before its first colon, lower-cased.

    ``"approximate: position estimated from the named site; …"`` gives ``"approximate"``; a
    missing text gives ``""``.
    """
    if not isinstance(precision, str):
        return ""
    return precision.split(":", 1)[0].strip().lower()


def landing_bounds(used: gpd.GeoDataFrame) -> list[list[float]] | None:
    """Bounds of the waters where most shown exercises took place: what the map opens on.

    Regions are taken busiest first (``exercise_count``; the smaller first among equals), each
    kept only if the box around those kept so far stays within :data:`LANDING_MAX_SPAN_DEG`.
    Regions that stand for a whole country or province (:data:`REGION_ONLY`) are left out: they
    say nothing about where. So the default view opens on East Asia and its seas, not on a world
    stretched from Cape Town to the Bering Sea; a view of Central Asian land drills opens there.

    Parameters
    ----------
    used : geopandas.GeoDataFrame
        Regions in use, from :func:`regions_for`.

    Returns
    -------
    list or None
        ``[[south, west], [north, east]]``; the bounds of every region when all of them are
        region-only; None when there is no region.
    """
    if used.empty:
        return None
    # In plain Python over a few dozen regions: pandas' sort and masks cost 2 ms a rerun here, this 0.2 ms.
    geometries = used.geometry.values
    precisions = used["precision"].tolist() if "precision" in used else [None] * len(used)
    placed = [i for i, precision in enumerate(precisions) if precision_class(precision) != REGION_ONLY]
    if not placed:
        return bounds_of(used)
    counts = used["exercise_count"].tolist()
    areas = shapely.area(geometries)  # square degrees: only to order regions of equal count, smaller first
    order = sorted(placed, key=lambda i: (-counts[i], areas[i]))
    box = None
    max_lon, max_lat = LANDING_MAX_SPAN_DEG
    for west, south, east, north in shapely.bounds(geometries[order]).tolist():
        grown = (west, south, east, north) if box is None else (
            min(box[0], west), min(box[1], south), max(box[2], east), max(box[3], north)
        )
        if box is None or (grown[2] - grown[0] <= max_lon and grown[3] - grown[1] <= max_lat):
            box = grown
    return [[float(box[1]), float(box[0])], [float(box[3]), float(box[2])]]


def exercises_in_view(exercises: pd.DataFrame, view: ViewState) -> pd.DataFrame:
    """Apply every filter of a view: years, exercises, series, domains, zones entered, participants, search text."""
    shown = exercises_in_years(exercises, *view.years)
    shown = exercises_with_ids(shown, view.exercises)
    shown = exercises_in_series(shown, view.series)
    shown = exercises_in_domains(shown, view.domains)
    shown = exercises_in_zones(shown, view.zones)
    shown = exercises_with_participants(shown, view.participants)
    return exercises_matching(shown, view.search)


def region_names(regions: gpd.GeoDataFrame) -> dict[str, str]:
    """Return region names keyed by ``region_id``."""
    return dict(zip(regions["region_id"], regions["name"], strict=True))
