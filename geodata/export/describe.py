"""Plain-text descriptions of a view, for exported files, their names and citations."""

from __future__ import annotations

import re
from collections.abc import Sequence

from geodata import schema
from geodata.query import Catalog, ViewState, series_slug, years_text

MAX_FILE_NAME_LENGTH = 120
"""Longest export file name (with extension); longer filter parts are summarised."""

LISTED_IN_FILE_NAME = 2
"""At most this many exercise ids or series slugs are spelled out in a file name."""

_UNSAFE_IN_FILE_NAME = re.compile(r"[^A-Za-z0-9.-]+")


def _in_catalog_order(values: Sequence[str], order: Sequence[str]) -> list[str]:
    """Values in the catalogue's order, unknown ones after them as given: one view, one text."""
    rank = {value: index for index, value in enumerate(order)}
    return sorted(values, key=lambda value: rank.get(value, len(rank)))


def describe_view(view: ViewState, catalog: Catalog) -> str:
    """Describe what a view shows in one line of plain text.

    Parameters
    ----------
    view : ViewState
        The view.
    catalog : Catalog
        The values the data allows; lists are written in its order, so the same view always
        gives the same text, whatever order the filters were picked in.

    Returns
    -------
    str
        Such as ``2016–2024; exercises: joint_sea_2024, ocean_2024; series: Joint Sea;
        domains: naval; routes entered: CN_ECS_ADIZ; with Iran and South Africa; search: "okean"``, or
        ``2005–2025; all exercises`` without filters.
        Exercises are named by ``exercise_id``; the zoom (selected exercise or region, map
        view) is not described, since it does not change which exercises are shown. Not
        escaped: escape it where it is put into HTML.
    """
    parts = [years_text(view.years)]
    if view.exercises:
        parts.append("exercises: " + ", ".join(_in_catalog_order(view.exercises, catalog.exercise_ids)))
    if view.series:
        parts.append("series: " + ", ".join(_in_catalog_order(view.series, catalog.series)))
    if view.domains:
        parts.append("domains: " + ", ".join(_in_catalog_order(view.domains, catalog.domains)))
    if view.zones:
        parts.append("routes entered: " + ", ".join(_in_catalog_order(view.zones, catalog.zone_ids)))
    if view.participants:
        parts.append("with " + participants_text(_in_catalog_order(view.participants, catalog.participant_codes)))
    if view.search:
        parts.append(f'search: "{view.search}"')
    if len(parts) == 1:
        parts.append("all exercises")
    return "; ".join(parts)


def participants_text(codes: Sequence[str]) -> str:
    """Name the countries of a participant filter: ``Iran``, ``Iran and South Africa``, ``Iran, India and Pakistan``.

    All of them took part (:func:`geodata.filters.exercises_with_participants`), hence "and".
    Codes without a name in :data:`geodata.schema.COUNTRY_NAMES` stay codes.
    """
    names = [schema.COUNTRY_NAMES.get(code, code) for code in codes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _safe(part: str) -> str:
    return _UNSAFE_IN_FILE_NAME.sub("-", part).strip(".-")


def _listed(values: Sequence[str], noun: str) -> str:
    if len(values) <= LISTED_IN_FILE_NAME:
        return "-".join(values)
    return f"{len(values)}-{noun}"


def export_file_name(view: ViewState, catalog: Catalog, version: str, extension: str) -> str:
    """Name a file exported from a view: dataset version, years and the other filters.

    Returns
    -------
    str
        Such as ``drill-atlas_2026-11-25_2024_joint-sea.csv`` or
        ``drill-atlas_2026-11-25_2016-2024_5-exercises_naval_search.geojson``: letters,
        digits, ``.``, ``-`` and ``_`` only, at most :data:`MAX_FILE_NAME_LENGTH` characters.
    """
    parts = [years_text(view.years, "-")]
    if view.exercises:
        parts.append(_listed(_in_catalog_order(view.exercises, catalog.exercise_ids), "exercises"))
    if view.series:
        slugs = [series_slug(name) for name in _in_catalog_order(view.series, catalog.series)]
        parts.append(_listed(slugs, "series"))
    if view.domains:
        parts.append("-".join(_in_catalog_order(view.domains, catalog.domains)))
    if view.zones:
        parts.append(_listed([z.lower() for z in _in_catalog_order(view.zones, catalog.zone_ids)], "zones"))
    if view.participants:
        parts.append("with-" + _listed(
            [code.lower() for code in _in_catalog_order(view.participants, catalog.participant_codes)], "countries"))
    if view.search:
        parts.append("search")
    safe_version = _safe(version) or "unversioned"
    safe = [part for part in (_safe(part) for part in parts) if part]
    suffix = "." + _UNSAFE_IN_FILE_NAME.sub("", extension)
    name = "_".join(["drill-atlas", safe_version, *safe])
    return name[: MAX_FILE_NAME_LENGTH - len(suffix)].rstrip("._-") + suffix


def citation_prefix(version: str, description: str) -> str:
    """Return the citation of a view up to its date and link.

    The share panel appends ``accessed YYYY-MM-DD, <link>`` in the reader's browser, where the
    current link (including a panned map view) and today's date are known.

    Returns
    -------
    str
        ``Drill Atlas, dataset version 2026-11-25, filtered to 2024; all exercises``.
    """
    return f"Drill Atlas, dataset version {version}, filtered to {description}"
