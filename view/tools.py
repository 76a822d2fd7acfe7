"""What the view does with the user's own shapes and the exercise pickers: pure functions the page calls."""

from __future__ import annotations

import pandas as pd

from geodata.analysis import ExerciseOverlap
from geodata.notices import NoticeArea, ParsedNotice
from geodata.uploads import UploadResult

TOOL_PAD_DEG = 0.5
"""Margin around the user's notice and layer when the map zooms to them."""


def exercise_labels(exercises: pd.DataFrame) -> dict[str, str]:
    """Label each exercise for the pickers: English name and month, then its Russian and Chinese names.

    Every script is in the label, so typing any of them in a picker finds the exercise.
    """
    labels = {}
    for record in exercises.itertuples(index=False):
        native = " · ".join(name for name in (record.name_ru, record.name_zh) if name)
        labels[record.exercise_id] = f"{record.name} ({record.start_date[:7]})" + (f" · {native}" if native else "")
    return labels


def tool_bounds(parsed: ParsedNotice | None, upload: UploadResult | None) -> list[list[float]] | None:
    """Return the bounds of the user's notice and uploaded layer, padded, so the map shows what was just added.

    ``[[south, west], [north, east]]`` as Leaflet takes them; None when there is neither.
    """
    boxes = []  # (west, south, east, north); a single point's is a box of no area, which a union would drop
    if parsed is not None and parsed.geometry is not None:
        boxes.append(parsed.geometry.bounds)
    if upload is not None and upload.ok:
        boxes.append(tuple(upload.frame.total_bounds))
    if not boxes:
        return None
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return [[south - TOOL_PAD_DEG, west - TOOL_PAD_DEG], [north + TOOL_PAD_DEG, east + TOOL_PAD_DEG]]


def notice_time_caption(area: NoticeArea) -> str:
    """When a notice's area is in force, for the line under its measures (UTC)."""
    if not area.times:
        return "In force: the notice gives no time this reader knows; the exercises below overlap it in space only"
    return "In force (UTC): " + "; ".join(window.describe() for window in area.times)


def overlap_columns(overlaps: list[ExerciseOverlap]) -> dict[str, list]:
    """Tabulate the recorded exercises in a notice's area at its time: one column per heading."""
    return {
        "Recorded exercise": [o.name for o in overlaps],
        "Dates": [o.start_date if o.start_date == o.end_date else f"{o.start_date} – {o.end_date}" for o in overlaps],
        "Region": [o.region_name for o in overlaps],
        "Share of the area": [f"{o.share:.0%}" for o in overlaps],
    }
