"""What the view does with the user's own shapes and the exercise pickers: pure functions the page calls."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from geodata.export import citation_prefix, describe_view, export_file_name
from geodata.filters import bounds_of, landing_bounds, region_names, regions_for
from geodata.notices import NoticeArea, ParsedNotice, area_title
from geodata.problems import ERROR
from geodata.query import (
    OLDER_VERSION_NOTICE,
    PARAM_DOMAIN,
    PARAM_EXERCISE,
    PARAM_PARTICIPANTS,
    PARAM_REGION,
    PARAM_SELECTED,
    PARAM_SERIES,
    PARAM_ZONE,
    Catalog,
)
from geodata.schema import country_names
from geodata.uploads import UploadResult
from geodata.user_shapes import ExerciseOverlap, drawing_title, notice_region, read_drawing
from layers.basemap import widen_to_show
from layers.compose import dashboard_map, outline_level_of
from layers.reference import reference_kinds_shown, reference_layers_of
from layers.regions import region_layers
from layers.user_layers import notice_layer, upload_layer
from view.scene import details_series
from view.text import KM_PER_NAUTICAL_MILE, link_notice, plural

CHANGELOG_TITLE = "What changed between dataset versions (geodata/CHANGELOG.md)"
"""Title of the changelog shown under the notice about a link made with another dataset version."""

TOOL_PAD_DEG = 0.5
"""Margin around the user's notice and layer when the map zooms to them."""
UPLOAD_TYPES = ("geojson", "json", "kml", "kmz", "zip", "csv")
MEASURED_FEATURES = 20
"""Uploaded features measured one by one; a larger upload is drawn in full but measured in part."""
UPLOAD_MEASURE_BUDGET_S = 6.0
"""Time for measuring all of one upload's features together, shared out among them."""
ZONE_FILTER_LABEL = "Route entered (ADIZ)"
"""Label of the ``zone=`` filter: exercises a (schematic) route of which entered the zone."""
NOTICE_NAME = "Pasted notice"
"""Name of a pasted notice's area when the user gives none."""


def exercise_labels(exercises: pd.DataFrame) -> dict[str, str]:
    """Label each exercise for the pickers: English name and month, then its Russian and Chinese names.

    Every script is in the label, so typing any of them in a picker finds the exercise.
    """
    labels = {}
    for record in exercises.itertuples(index=False):
        native = " · ".join(name for name in (record.name_ru, record.name_zh) if name)
        labels[record.exercise_id] = f"{record.name} ({record.start_date[:7]})" + (f" · {native}" if native else "")
    return labels


def tool_bounds(parsed: ParsedNotice | None, upload: UploadResult | None,
                drawings: Sequence[Mapping] = ()) -> list[list[float]] | None:
    """Return the bounds of the user's notice, uploaded layer and drawings, padded, so the map shows what was added.

    ``[[south, west], [north, east]]`` as Leaflet takes them; None when there is neither.
    """
    boxes = []  # (west, south, east, north); a single point's is a box of no area, which a union would drop
    if parsed is not None and parsed.geometry is not None:
        boxes.append(parsed.geometry.bounds)
    if upload is not None and upload.ok:
        boxes.append(tuple(upload.frame.total_bounds))
    boxes += [shape.bounds for shape in (read_drawing(drawing)[0] for drawing in drawings) if shape is not None]
    if not boxes:
        return None
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return [[south - TOOL_PAD_DEG, west - TOOL_PAD_DEG], [north + TOOL_PAD_DEG, east + TOOL_PAD_DEG]]


def upload_shapes(upload: UploadResult, name: str) -> tuple[str, list[tuple[str, object, float]]]:
    """Which of an upload's features to measure, each with its title and share of the time budget.

    Returns
    -------
    caption : str
        Says so when only the first :data:`MEASURED_FEATURES` are measured; "" otherwise.
    shapes : list of (title, geometry, budget in seconds)
    """
    if upload.frame is None or upload.frame.empty:
        return "", []
    measured = upload.frame.head(MEASURED_FEATURES)
    caption = ""
    if len(upload.frame) > MEASURED_FEATURES:
        caption = f"{len(upload.frame):,} features drawn; the first {MEASURED_FEATURES} are measured."
    budget_s = UPLOAD_MEASURE_BUDGET_S / len(measured)
    return caption, [(f"{name}, feature {i}", geometry, budget_s) for i, geometry in enumerate(measured.geometry, 1)]


def tool_layers(parsed: ParsedNotice | None, notice_name: str, upload: UploadResult | None, upload_name: str) -> tuple:
    """Return the map layers of the user's pasted notice and uploaded file (drawn above the drill layers)."""
    found = []
    if parsed is not None and parsed.areas:
        found.append(notice_layer(parsed, notice_name or NOTICE_NAME))
    if upload is not None and upload.ok:
        found.append(upload_layer(upload.frame, upload_name))
    return tuple(found)


@dataclass(frozen=True)
class Block:
    """One thing the "Your shapes" section shows, in order.

    ``kind`` is ``"heading"``, ``"warning"``, ``"error"``, ``"info"``, ``"caption"``, ``"details"`` (``text`` is
    the title, ``body`` folded under it), ``"shape"`` (check and measure ``geometry`` within
    ``budget_s``, titled ``text``), ``"notice_area"`` (the same for one area of a pasted notice,
    ``geometry`` being the :class:`~geodata.notices.NoticeArea`, followed by the recorded
    exercises in it at its time) or ``"download"`` (``text`` the label, ``body`` the file,
    ``file_name``). Texts are plain: the page escapes them.
    """

    kind: str
    text: str = ""
    body: str = ""
    geometry: object = None
    budget_s: float = UPLOAD_MEASURE_BUDGET_S
    file_name: str = ""
    opened: bool = False
    """A ``details`` block shown unfolded."""


def problem_blocks(problems, *, refused: bool) -> list[Block]:
    """Report a file's problems in one box: the verdict (a refused file's last problem) or first error.

    The other problems are folded under it.
    """
    if not problems:
        return []
    errors = [problem for problem in problems if problem.severity == ERROR]
    first = problems[-1] if refused else (errors or list(problems))[0]
    blocks = [Block("error" if errors else "warning", str(first))]
    if len(problems) > 1:
        others = "\n".join(str(problem) for problem in problems if problem is not first)
        blocks.append(Block("details", f"{plural(len(problems) - 1, 'more problem')} with this file", others))
    return blocks


def tool_report(parsed: ParsedNotice | None, notice: Mapping[str, str], upload: UploadResult | None,
                upload_name: str, drawings: Sequence[Mapping]) -> list[Block]:
    """Say what the "Your shapes" section shows about a pasted notice, an uploaded file and the last drawn shape.

    Parameters
    ----------
    parsed : ParsedNotice or None
        The pasted notice, read.
    notice : mapping
        Its ``text``, the ``name`` and ``source`` the user gave it.
    upload : UploadResult or None
        The uploaded file, read.
    upload_name : str
        Its file name.
    drawings : sequence of dict
        The shapes drawn on the map (or put back from a link) as GeoJSON features, in the
        order drawn; each is measured.
    """
    blocks: list[Block] = []
    if parsed is not None:
        blocks += [Block("warning", "Notice: " + message) for message in parsed.unparsed]
        blocks += [Block("caption", "Notice: " + message) for message in parsed.warnings]
        name = notice.get("name") or NOTICE_NAME
        for index, area in enumerate(parsed.areas, start=1):
            title = area_title(name, area, index, len(parsed.areas))
            blocks.append(Block("notice_area", f"{title} ({area.kind}, {len(area.vertices)} positions)",
                                geometry=area))
            blocks += [Block("caption", "Notice: " + message) for message in area.warnings]
            blocks.append(Block("caption", notice_time_caption(area)))
            region, problems = notice_region(area, text=notice.get("text", ""), name=title,
                                             source=notice.get("source", ""))
            if region is not None:
                blocks.append(Block("download", "Save the area as a dataset region (GeoJSON)",
                                    region.to_json(drop_id=True), file_name=f"{region.iloc[0]['region_id']}.geojson"))
            else:
                fixes = "; ".join(f"{p.field} {p.message}" for p in problems)
                blocks.append(Block("caption", "To save it as a dataset region, fix: " + fixes))
    if upload is not None:
        blocks += problem_blocks(upload.problems, refused=upload.frame is None)
        caption, shapes = upload_shapes(upload, upload_name)
        blocks += [Block("caption", caption)] if caption else []
        blocks += [Block("shape", title, geometry=geometry, budget_s=budget) for title, geometry, budget in shapes]
    for number, drawing in enumerate(drawings, start=1):
        title = drawing_title(drawing) + (f" ({number} of {len(drawings)})" if len(drawings) > 1 else "")
        shape, message = read_drawing(drawing, label=title)
        if shape is not None:
            blocks.append(Block("shape", title, geometry=shape))
        elif message:
            blocks += [Block("heading", title), Block("warning", message)]
    return [Block("heading2", "Your shapes"), *blocks] if blocks else []


def changelog_after_notices(notices: list[str], changelog: str) -> str | None:
    """Return the dataset changelog to show under the link's notices, or None.

    The changelog goes with the notice that a link was made with another dataset version
    (:data:`geodata.query.OLDER_VERSION_NOTICE`), so the reader sees what was added and
    corrected since; None when no notice is about the version or there is no changelog.
    """
    if not changelog.strip() or not any(notice.startswith(OLDER_VERSION_NOTICE) for notice in notices):
        return None
    return changelog


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


def measure_tables(measures) -> tuple[str, dict[str, list], dict[str, list], dict[str, list]]:
    """Return how the page shows a shape's measures: its area, the regions it lies in, the nearest coasts, the ADIZs.

    Distances in km and nautical miles side by side; countries by name with their ISO code; each
    air defence identification zone with the share of the shape inside it and its distance
    ("–" where too far to measure).
    """
    area = f"{measures.area_km2:,.0f} km²" if measures.area_km2 else "a line or point"
    in_regions = {"In region": [r.name for r in measures.regions],
                  "Share": [f"{r.share:.0%}" for r in measures.regions]}
    coasts = {
        "Nearest coast": [f"{c.name} ({c.iso3})" if c.iso3 else c.name for c in measures.coasts],
        "km": [round(c.km) for c in measures.coasts],
        "NM": [round(c.km / KM_PER_NAUTICAL_MILE) for c in measures.coasts],
    }
    measured = [z for z in measures.zones if z.km == z.km]
    zones = {
        "ADIZ": [z.name for z in measured],
        "Inside": [f"{z.share:.0%}" for z in measured],
        "km": [round(z.km) for z in measured],
        "NM": [round(z.nm) for z in measured],
    }
    return area, in_regions, coasts, zones


def dashboard_map_of(prepared, scene, assets, *, tiles: bool, parsed: ParsedNotice | None, notice_name: str,
                     upload: UploadResult | None, upload_name: str, drawings: Sequence[Mapping] = ()):
    """Build the page's map of a scene: the drill layers, the reference layers, the user's own shapes.

    A fresh map on every call (streamlit-folium changes the map it is given; never cache it).
    The map fits the user's just-added notice or layer, unless the link holds a map view; the
    reader's ``drawings`` (GeoJSON features) are put back on it, and a link's layer choice applies.
    """
    view = scene.view
    # Served outlines come with the reference files (view.prepared): the layers fetch them when switched on.
    reference = reference_layers_of(prepared.reference, show=reference_kinds_shown(view.domains, details_series(scene)),
                                    base_url=assets.outlines)
    return dashboard_map(
        prepared.dataset.regions, prepared.geometries, scene.shown, assets, selected=view.selected,
        region=view.region, map_view=view.map_view, routes=prepared.dataset.routes, tiles=tiles,
        used_regions=scene.regions, observations=prepared.dataset.observations,
        observation_popups=prepared.observation_popups,
        extra_layers=(*reference, *tool_layers(parsed, notice_name, upload, upload_name)),
        fit=tool_bounds(parsed, upload, drawings) if view.map_view is None else None,
        snapshot=map_picture(prepared.dataset.version, view, prepared.catalog),
        layers=view.layers, drawings=tuple(drawings), popup_book=prepared.popup_book,
    )


def map_picture(version: str, view, catalog: Catalog) -> tuple[str, str]:
    """Return the citation and file name of the map's "save as PNG" button (:mod:`layers.snapshot`)."""
    return (citation_prefix(version, describe_view(view, catalog)),
            export_file_name(view, catalog, version, "map.png"))


def link_blocks(notices: list[str], changelog: str) -> list[Block]:
    """Say what a link asked for that could not be used, in one notice with the rest folded under it.

    The data changelog is folded under it too when a notice is about the link's dataset version
    (:func:`changelog_after_notices`). Empty when the link was fine.
    """
    head, rest = link_notice(notices)
    if not head:
        return []
    blocks = [Block("warning", head)]
    if rest:
        blocks.append(Block("details", f"{plural(len(rest), 'more value')} this link asked for could not be used",
                            "\n".join(rest)))
    changes = changelog_after_notices(notices, changelog)
    return blocks + ([Block("details", CHANGELOG_TITLE, changes)] if changes else [])


def filter_lists(catalog: Catalog, labels: Mapping[str, str]) -> list[tuple[str, str, tuple, str, Callable]]:
    """Return the page's list filters.

    Each is a label, its widget key (the URL parameter, :mod:`geodata.query`), the options, what
    an empty choice means and how an option reads. Countries read as their name and the events
    they took part in, most first: ``Iran (7)``; an exercise shows when all chosen took part.
    """
    lists = [
        ("Exercises", PARAM_EXERCISE, catalog.exercise_ids, "All exercises", labels.__getitem__),
        ("Series", PARAM_SERIES, catalog.series, "All series", str),
        ("Domain", PARAM_DOMAIN, catalog.domains, "All domains", str.capitalize),
        ("With countries (all of them)", PARAM_PARTICIPANTS, catalog.participant_codes, "Any participants",
         participant_label(catalog)),
    ]
    if catalog.zones:
        lists.append((ZONE_FILTER_LABEL, PARAM_ZONE, catalog.zone_ids, "Any route or none", catalog.zone_name))
    return lists


def participant_label(catalog: Catalog) -> Callable[[str], str]:
    """Return how the participant picker reads a code: ``Iran (7)``, the events it took part in."""
    counts = dict(catalog.participants)
    return lambda code: f"{country_names(code)} ({counts.get(code, 0)})"


def playback_map(prepared, shown: pd.DataFrame, active: pd.DataFrame, assets, *, tiles: bool) -> tuple:
    """Return playback's map without its regions, and the month's region layers swapped into it.

    streamlit-folium swaps ``feature_group_to_add`` without remounting the map, so the user's
    zoom and pan stay while the months change, unless none of the month's regions is in sight:
    the view then widens to take them in (:func:`layers.basemap.widen_to_show`).
    """
    regions = prepared.dataset.regions
    base = dashboard_map(regions, prepared.geometries, shown, assets, tiles=tiles, with_regions=False)
    tolerance = outline_level_of(assets, landing_bounds(regions_for(regions, shown)))  # as the base map opens
    month_regions = regions_for(regions, active)
    groups = region_layers(month_regions, active, prepared.geometries, tolerance)
    bounds = bounds_of(month_regions)
    if groups and bounds is not None:  # a month out of sight widens the view to take it in
        widen_to_show(groups[0], bounds)
    return base, groups


def page_blocks(problems, *, land_missing: str, nothing_shown: bool) -> list[Block]:
    """Say above the map what is wrong with the data files, and when the filters show nothing.

    ``land_missing`` names the missing land layer ("" when it is there). The data's problems are
    folded into one box, unfolded when there are errors.
    """
    blocks = [Block("warning", f"No land layer ({land_missing} missing): without tiles the coast will not show.")
              ] if land_missing else []
    if problems:
        errors = sum(problem.severity == ERROR for problem in problems)
        title = f"⚠️ {plural(errors, 'data error')}, {plural(len(problems) - errors, 'warning')}"
        blocks.append(Block("details", title, "\n".join(str(p) for p in problems), opened=bool(errors)))
    if nothing_shown:
        blocks.append(Block("info", "No exercise matches these filters. Widen the years or clear a filter in the "
                                    "sidebar."))
    return blocks


def focus_lists(scene, labels: Mapping[str, str]) -> list[tuple[str, str, list, Callable]]:
    """Return the page's focus pickers: label, widget key (the URL parameter), options and how one reads.

    "Whole view" (None) first, then the shown exercises in date order or the regions in use by name.
    """
    names = region_names(scene.regions)

    def reading(by: Mapping[str, str]) -> Callable:
        return lambda option: "Whole view" if option is None else by[option]

    return [
        ("Zoom to exercise", PARAM_SELECTED, [None, *scene.shown["exercise_id"]], reading(labels)),
        ("Zoom to region", PARAM_REGION, [None, *sorted(names, key=names.get)], reading(names)),
    ]
