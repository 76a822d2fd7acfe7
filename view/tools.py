"""What the view does with the user's own shapes and the exercise pickers: pure functions the page calls."""

from __future__ import annotations

import pandas as pd

from geodata.notices import ParsedNotice
from geodata.query import OLDER_VERSION_NOTICE
from geodata.uploads import UploadResult

CHANGELOG_TITLE = "What changed between dataset versions (geodata/CHANGELOG.md)"
"""Title of the changelog shown under the notice about a link made with another dataset version."""

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


def changelog_after_notices(notices: list[str], changelog: str) -> str | None:
    """Return the dataset changelog to show under the link's notices, or None.

    The changelog goes with the notice that a link was made with another dataset version
    (:data:`geodata.query.OLDER_VERSION_NOTICE`), so the reader sees what was added and
    corrected since; None when no notice is about the version or there is no changelog.
    """
    if not changelog.strip() or not any(notice.startswith(OLDER_VERSION_NOTICE) for notice in notices):
        return None
    return changelog
