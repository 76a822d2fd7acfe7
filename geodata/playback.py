"""Playback: stepping through the shown exercises month by month.

Pure functions over an exercises frame (with the typed ``start`` and ``end`` columns from
:func:`geodata.rules.validate_exercises`); the app draws the slider and the play button.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

WINDOW = "window"
"""Show the exercises active at some time during the month."""

CUMULATIVE = "cumulative"
"""Show every exercise that started on or before the end of the month."""

MODES = (WINDOW, CUMULATIVE)

MONTH_FORMAT = "%B %Y"


def _as_month(month: pd.Period | str) -> pd.Period:
    """Return the monthly period of ``month``; raise ValueError if it names no month."""
    if not isinstance(month, (pd.Period, pd.Timestamp, str)):
        raise ValueError(f"{month!r} is not a month")
    period = pd.Period(month, freq="M")
    if pd.isna(period):
        raise ValueError(f"{month!r} is not a month")
    return period


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")


SPEEDS = (2.0, 1.0, 0.5)
"""Seconds per playback step the speed control offers, slow to fast."""


def playback_months(exercises: pd.DataFrame, *, skip_empty: bool = False) -> list[pd.Period]:
    """Return the months playback steps through, from the first exercise's start to the last one's end.

    Parameters
    ----------
    exercises : pandas.DataFrame
        With datetime columns ``start`` and ``end``.
    skip_empty : bool, default False
        False: every month, those without any exercise too, so that playback runs at an even
        pace. True: only the months in which at least one exercise was active (a record of
        20 years holds about 70 such months, not 250).

    Returns
    -------
    list of pandas.Period
        Monthly periods in order; empty if there are no exercises.
    """
    if exercises.empty:
        return []
    if skip_empty:
        first = exercises["start"].dt.year * 12 + exercises["start"].dt.month - 1
        last = exercises["end"].dt.year * 12 + exercises["end"].dt.month - 1
        active = {month for low, high in zip(first, last, strict=True) for month in range(low, high + 1)}
        return [pd.Period(year=month // 12, month=month % 12 + 1, freq="M") for month in sorted(active)]
    first = exercises["start"].min().to_period("M")
    last = exercises["end"].max().to_period("M")
    return list(pd.period_range(first, last, freq="M"))


def month_text(month: pd.Period) -> str:
    """``2024-07``: a step as the ``play`` link parameter writes it (:mod:`geodata.query`)."""
    return _as_month(month).strftime("%Y-%m")


def step_from_link(months: list[pd.Period], wanted: str | None) -> pd.Period | None:
    """Return the step a link's ``play`` month opens on: that month, or the first step after it.

    A month playback skips (no exercise active) opens on the next one that has one; a month
    after the last step opens on the last. None when there are no steps or no usable month.
    """
    if not months or not wanted:
        return None
    try:
        period = _as_month(wanted)
    except ValueError:
        return None
    return next((month for month in months if month >= period), months[-1])


def step_names(exercises: pd.DataFrame, month: pd.Period | str, *, mode: str = WINDOW, most: int = 12) -> str:
    """Name what a step shows, for the line under the playback map; ``""`` when nothing.

    ``"window"``: the exercises active that month; ``"cumulative"``: those that started that
    month (the rest were named at their own step). In date order, ``most`` names at most, then
    how many more.
    """
    _check_mode(mode)
    period = _as_month(month)
    shown = exercises_active_in(exercises, period, mode=WINDOW)
    if mode == CUMULATIVE:
        shown = shown.loc[shown["start"] >= period.start_time]
    names = list(shown.sort_values(["start", "exercise_id"])["name"])
    more = f" and {len(names) - most} more" if len(names) > most else ""
    text = " · ".join(names[:most]) + more
    return ("New: " + text if mode == CUMULATIVE else text) if names else ""


def exercises_active_in(exercises: pd.DataFrame, month: pd.Period | str, *, mode: str = WINDOW) -> pd.DataFrame:
    """Return the exercises a playback step shows.

    Parameters
    ----------
    exercises : pandas.DataFrame
        With datetime columns ``start`` and ``end``.
    month : pandas.Period or str
        The step, as a monthly period or text such as ``"2024-07"``.
    mode : {"window", "cumulative"}, default "window"
        ``"window"``: exercises active on at least one day of the month (an exercise from
        27 December to 2 January is active in both months). ``"cumulative"``: exercises
        that started on or before the last day of the month.

    Returns
    -------
    pandas.DataFrame
        The matching rows, in their original order; ``exercises`` is not modified.

    Raises
    ------
    ValueError
        If ``mode`` is not one of :data:`MODES` or ``month`` is not a month.
    """
    _check_mode(mode)
    period = _as_month(month)
    started = exercises["start"] < (period + 1).start_time
    if mode == CUMULATIVE:
        return exercises.loc[started]
    return exercises.loc[started & (exercises["end"] >= period.start_time)]


def next_month(months: list[pd.Period], month: pd.Period | str) -> pd.Period | None:
    """Return the step after ``month`` in ``months``, or None at the end or if it is not a step."""
    try:
        period = _as_month(month)
    except ValueError:
        return None
    if period not in months:
        return None
    index = months.index(period)
    return months[index + 1] if index + 1 < len(months) else None


def describe_step(month: pd.Period | str, mode: str, count: int) -> str:
    """Return the caption of a playback step, for example ``"July 2024: 3 exercises active"``.

    Parameters
    ----------
    month : pandas.Period or str
        The step.
    mode : {"window", "cumulative"}
        How the step was chosen (see :func:`exercises_active_in`).
    count : int
        How many exercises the step shows.

    Raises
    ------
    ValueError
        If ``mode`` or ``month`` is not valid.
    """
    _check_mode(mode)
    label = _as_month(month).strftime(MONTH_FORMAT)
    noun = "exercise" if count == 1 else "exercises"
    if mode == CUMULATIVE:
        return f"Up to the end of {label}: {count} {noun} started"
    return f"{label}: {count} {noun} active"


PLAYBACK_DEFAULTS = {"play_mode": WINDOW, "play_skip": True, "play_speed": 1.0}
"""Playback's controls as a session first sees them: the month's own exercises, empty months skipped, 1 s a month."""


def start_month(months: list[pd.Period], state: Mapping[str, object], link_month: str | None) -> dict[str, object]:
    """Return the month playback shows when its month is not one of ``months``, as a state change.

    That is a fresh start (the month a ``play=`` link names, ``link_month``, or the first), or a
    month the reader was on that *Skip empty months* now passes over (the next one with an
    exercise). Nothing changes when the month is one of ``months``.
    """
    current = state.get("play_month")
    if current in months:
        return {}
    wanted = current or link_month
    return {"play_month": step_from_link(months, str(wanted) if wanted else None) or months[0]}


def restart_if_at_end(months: list[pd.Period], state: Mapping[str, object]) -> dict[str, object]:
    """Return the state change *Play* makes: from the first month again when it is pressed on the last."""
    if state.get("playing") and state.get("play_month") == months[-1]:
        return {"play_month": months[0]}
    return {}


def advance(months: list[pd.Period], state: Mapping[str, object], now: float, step_s: float) -> dict[str, object]:
    """Return what playback changes in its state when its timer fires at ``now`` (monotonic seconds).

    ``state`` holds ``playing``, ``play_month`` and ``play_stepped_at`` (when it last stepped). A
    slider or radio click reruns the playback too, so it steps only when a step is due (90 % of
    ``step_s`` since the last); at the last month it stops. Returns the keys to update, none
    when nothing changes.
    """
    if not state.get("playing") or now - float(state.get("play_stepped_at", 0.0)) < 0.9 * step_s:
        return {}
    following = next_month(months, state["play_month"])
    if following is None:
        return {"playing": False}
    return {"play_month": following, "play_stepped_at": now}
