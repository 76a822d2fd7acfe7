"""The view a user sees, and its codec to and from the URL query string.

The address bar is the share link: ``?years=2016-2024&exercise=joint_sea_2024,ocean_2024``.
Parsing never raises. A value that cannot be used falls back to its default and yields a
notice the app shows; parameters it does not know are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from geodata import schema
from geodata.problems import quote

PARAM_YEARS = "years"
PARAM_EXERCISE = "exercise"
PARAM_SERIES = "series"
PARAM_DOMAIN = "domain"
PARAM_SELECTED = "selected"
PARAMS = (PARAM_YEARS, PARAM_EXERCISE, PARAM_SERIES, PARAM_DOMAIN, PARAM_SELECTED)

MAX_PARAM_LENGTH = 2000
"""Longest parameter value read; longer values are refused with a notice."""

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–:]\s*(\d{4})\s*)?$")


def series_slug(name: str) -> str:
    """URL form of a series name: ``"Joint naval patrol"`` becomes ``joint_naval_patrol``."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


@dataclass(frozen=True)
class Catalog:
    """The values a view may take, read off the loaded exercises."""

    first_year: int
    last_year: int
    exercise_ids: tuple[str, ...]
    series: tuple[str, ...]
    domains: tuple[str, ...] = schema.DOMAINS

    @classmethod
    def from_exercises(cls, exercises: pd.DataFrame) -> Catalog:
        """Build the catalogue of an exercises frame (an empty frame gives this year only)."""
        if exercises.empty:
            year = pd.Timestamp.today().year
            return cls(year, year, (), ())
        return cls(
            first_year=int(exercises["start"].dt.year.min()),
            last_year=int(exercises["end"].dt.year.max()),
            exercise_ids=tuple(exercises.sort_values(["start", "exercise_id"])["exercise_id"]),
            series=tuple(sorted(set(exercises["series"]))),
        )

    @property
    def series_by_slug(self) -> dict[str, str]:
        """Series names keyed by their URL slug."""
        return {series_slug(name): name for name in self.series}


@dataclass(frozen=True)
class ViewState:
    """Everything that defines what the dashboard shows.

    Attributes
    ----------
    years : tuple of int
        First and last year shown, inclusive.
    exercises : tuple of str
        ``exercise_id`` values chosen; empty means every exercise.
    series : tuple of str
        Series names chosen; empty means every series.
    domains : tuple of str
        Domains chosen; empty means every domain.
    selected : str or None
        The exercise the map is zoomed to.
    """

    years: tuple[int, int]
    exercises: tuple[str, ...] = ()
    series: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    selected: str | None = None

    @classmethod
    def default(cls, catalog: Catalog) -> ViewState:
        """The view of a link without parameters: every exercise in every year."""
        return cls(years=(catalog.first_year, catalog.last_year))


def _one_value(raw: str | Sequence[str] | None) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        return raw
    return ",".join(str(item) for item in raw)


def _list_values(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def parse_years(text: str, catalog: Catalog) -> tuple[tuple[int, int], str | None]:
    """Read ``2024`` or ``2016-2024`` into a year range inside the catalogue's years.

    Returns
    -------
    years : tuple of int
        The range to show.
    notice : str or None
        Why the value was changed or ignored, if it was.
    """
    default = (catalog.first_year, catalog.last_year)
    match = _YEARS.match(text)
    if not match:
        return default, f"years={quote(text)} is not a year or a range like 2016-2024; showing all years."
    first = int(match.group(1))
    last = int(match.group(2) or first)
    notice = None
    if first > last:
        first, last = last, first
        notice = f"years={quote(text)} was read as {first}-{last}."
    clamped = (max(first, catalog.first_year), min(last, catalog.last_year))
    if clamped[0] > clamped[1]:
        return default, (
            f"years={quote(text)} is outside the data ({catalog.first_year}-{catalog.last_year}); showing all years."
        )
    if clamped != (first, last):
        notice = f"years={quote(text)} reaches outside the data; showing {clamped[0]}-{clamped[1]}."
    return clamped, notice


def _known(values: list[str], allowed: Sequence[str], param: str, notices: list[str]) -> tuple[str, ...]:
    unknown = [value for value in values if value not in allowed]
    if unknown:
        shown = ", ".join(quote(value, 40) for value in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        notices.append(f"{param}: ignored unknown value(s) {shown}{more}.")
    return tuple(dict.fromkeys(value for value in values if value in allowed))


def view_from_params(params: Mapping[str, str | Sequence[str]], catalog: Catalog) -> tuple[ViewState, list[str]]:
    """Read a view from URL query parameters.

    Parameters
    ----------
    params : mapping
        Query parameters as Streamlit gives them: a value is a string, or a list of
        strings for a repeated parameter (repeated values are read like comma-separated ones).
    catalog : Catalog
        The values the data allows.

    Returns
    -------
    view : ViewState
        The view to show; anything unusable is at its default.
    notices : list of str
        One plain-text sentence per value that was changed or ignored.
    """
    view = ViewState.default(catalog)
    notices: list[str] = []
    values: dict[str, str] = {}
    for param in PARAMS:
        text = _one_value(params.get(param))
        if text is None:
            continue
        if len(text) > MAX_PARAM_LENGTH:
            notices.append(f"{param}: value of {len(text):,} characters ignored (limit {MAX_PARAM_LENGTH:,}).")
            continue
        values[param] = text

    years = view.years
    if PARAM_YEARS in values:
        years, notice = parse_years(values[PARAM_YEARS], catalog)
        if notice:
            notices.append(notice)
    exercises = _known(_list_values(values.get(PARAM_EXERCISE, "")), catalog.exercise_ids, PARAM_EXERCISE, notices)
    by_slug = catalog.series_by_slug
    series_slugs = _known(_list_values(values.get(PARAM_SERIES, "")), tuple(by_slug), PARAM_SERIES, notices)
    domains = _known(_list_values(values.get(PARAM_DOMAIN, "")), catalog.domains, PARAM_DOMAIN, notices)
    selected = None
    if values.get(PARAM_SELECTED, "").strip():
        picked = _known([values[PARAM_SELECTED].strip()], catalog.exercise_ids, PARAM_SELECTED, notices)
        selected = picked[0] if picked else None
    return (
        ViewState(
            years=years,
            exercises=exercises,
            series=tuple(by_slug[slug] for slug in series_slugs),
            domains=domains,
            selected=selected,
        ),
        notices,
    )


def view_to_params(view: ViewState, catalog: Catalog) -> dict[str, str]:
    """Write a view as URL query parameters, leaving out every value at its default.

    ``view_from_params(view_to_params(v, c), c)`` gives back ``v`` for every valid view.
    """
    params: dict[str, str] = {}
    first, last = view.years
    if (first, last) != (catalog.first_year, catalog.last_year):
        params[PARAM_YEARS] = str(first) if first == last else f"{first}-{last}"
    if view.exercises:
        params[PARAM_EXERCISE] = ",".join(view.exercises)
    if view.series:
        params[PARAM_SERIES] = ",".join(series_slug(name) for name in view.series)
    if view.domains:
        params[PARAM_DOMAIN] = ",".join(view.domains)
    if view.selected:
        params[PARAM_SELECTED] = view.selected
    return params
