"""The words a reader sees: counts with their plurals, date spans, distances and the page's headline.

Plain text, not escaped: escape it where it goes into HTML or Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from geodata.export.describe import participants_text
from geodata.query import years_text
from layers.popups import escape_html

KM_PER_NAUTICAL_MILE = 1.852
S23_NOTE = (
    "Sea names and limits follow IHO S-23, Limits of Oceans and Seas (1953); as S-23 itself says, "
    "they carry no political significance. Regions marked 'area' are drawn around the places sources name."
)
NOTICE_LINES_SHOWN = 2
"""A link's notices shown before the rest fold away (the map must stay above the fold)."""


def plural(count: int, noun: str, many: str | None = None) -> str:
    """Count a noun: ``1 exercise``, ``2 exercises``, ``1,000 regions``; ``many`` where adding an "s" is wrong."""
    return f"{count:,} {noun if count == 1 else (many or noun + 's')}"


def exercise_count_text(events: int, rows: int) -> str:
    """``"4 exercises"``; with the rows when an event has several: ``"73 exercises (77 entries)"``.

    The heading and the list beside the map say the count in these same words, so a reader never
    meets "73 exercises" in one and "77 exercises" in the other.
    """
    return plural(events, "exercise") + (f" ({plural(rows, 'entry', 'entries')})" if events != rows else "")


def distance_text(km: float) -> str:
    """Write a distance in kilometres and nautical miles side by side: ``1,234 km (666 NM)``."""
    return f"{km:,.0f} km ({km / KM_PER_NAUTICAL_MILE:,.0f} NM)"


def area_text(km2: float) -> str:
    """Write an area in square kilometres: ``1,062,717 km²``."""
    return f"{km2:,.0f} km²"


def date_span_text(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """Write the span of a set of exercises, as finely as it needs.

    ``Jul 2024``, ``Jul–Aug 2024``, ``Nov 2024 – Jan 2025`` or ``2019–2024``.
    """
    if first.year != last.year:
        if (last - first).days <= 366:
            return f"{first:%b %Y} – {last:%b %Y}"
        return years_text((first.year, last.year))
    if first.month == last.month:
        return f"{first:%b %Y}"
    return f"{first:%b}–{last:%b %Y}"


@dataclass(frozen=True)
class Headline:
    """What the page shows, in the words of its one-line heading.

    Attributes
    ----------
    exercises, events, regions : int
        How many exercises (rows), events (phases of one exercise counted once) and regions.
    span : str
        When: :func:`date_span_text` of the shown exercises, or the filter's years when none is shown.
    names : str
        The exercises' names when the view shows one or two, else "".
    filters : tuple of str
        The series, domains and participants the view is narrowed to.
    """

    exercises: int
    events: int
    regions: int
    span: str
    names: str = ""
    filters: tuple[str, ...] = ()

    def figures(self) -> dict[str, str]:
        """Return the counts by label, as a test or a screen reader reads them (phases of one exercise once)."""
        return {"Exercises shown": str(self.events), "Regions": str(self.regions), "Years": self.span}

    def text(self) -> str:
        """Return the heading.

        ``66 exercises (70 entries) · 2005–2025 · 38 regions`` or ``Joint Sea-2024 · Jul 2024 · 1 region``.
        """
        if not self.exercises:
            return f"No exercise matches these filters · {self.span}"
        counted = self.names or exercise_count_text(self.events, self.exercises)
        return " · ".join([counted, *self.filters, self.span, plural(self.regions, "region")])


    def html(self, version: str) -> str:
        """Return the page's one heading line as escaped HTML; the counts ride along as hidden figures."""
        figures = "".join(f'<span data-metric="{escape_html(k)}" hidden>{escape_html(v)}</span>'
                          for k, v in self.figures().items())
        return (f'<div class="da-head"><b>Drill Atlas</b> · {escape_html(self.text())}'
                f'<span class="da-version"> · dataset {escape_html(version)}</span>{figures}</div>')


def headline(shown: pd.DataFrame, regions: pd.DataFrame, events: int, years: tuple[int, int],
             series: Sequence[str] = (), domains: Sequence[str] = (), zones: Sequence[str] = (),
             participants: Sequence[str] = ()) -> Headline:
    """Describe the actual filter, not only its years: the page's heading, counts and span.

    Parameters
    ----------
    shown : pandas.DataFrame
        The shown exercises (``name``, ``start``, ``end``); one or two are named.
    regions : pandas.DataFrame
        The regions they use.
    events : int
        How many events they are (phases of one exercise count once).
    years : tuple of int
        The filter's years, said when nothing is shown.
    series, domains : sequence of str
        The series and domain filters, named when set.
    zones : sequence of str
        Names of the zones of the ``zone=`` filter: said as "route entered …".
    participants : sequence of str
        The participant filter's ISO codes, said as ``with Iran and South Africa``.
    """
    if shown.empty:
        return Headline(0, 0, 0, years_text(years))
    return Headline(
        exercises=len(shown),
        events=events,
        regions=len(regions),
        span=date_span_text(shown["start"].min(), shown["end"].max()),
        names=" and ".join(shown["name"]) if len(shown) <= 2 else "",
        filters=(*series, *(domain.capitalize() for domain in domains),
                 *(["route entered " + " or ".join(zones)] if zones else []),
                 *(["with " + participants_text(participants)] if participants else [])),
    )


def link_notice(notices: Sequence[str]) -> tuple[str, list[str]]:
    """Fold a link's notices into one: a summary of the first ones, and the rest to show on demand."""
    if not notices:
        return "", []
    head = " ".join(notices[:NOTICE_LINES_SHOWN])
    rest = list(notices[NOTICE_LINES_SHOWN:])
    return head, rest


def too_many_bars(shown: int, most: int) -> str:
    """Say why the timeline is not drawn for a view of more than ``most`` exercises."""
    return (f"{shown:,} exercises shown: the timeline draws one bar per exercise up to {most:,}. "
            "Narrow the filters to see each one; the counts per year are below.")
