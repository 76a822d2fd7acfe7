"""Drill Atlas: a map and table of China–Russia joint military exercises and patrols.

Page layout and widgets only. Loading, filtering, URL state and layer building live in
``geodata`` and ``layers``; this is the only module that imports Streamlit.
"""

from __future__ import annotations

import os
import time
from functools import partial
from pathlib import Path
from types import MappingProxyType

import folium
import streamlit as st
from streamlit_folium import st_folium

import layers
from geodata import schema
from geodata.analysis import (
    ShapeMeasures,
    checked_shape,
    drawing_title,
    exercises_in_shares,
    measure_shape_isolated,
    notice_region,
    read_drawing,
)
from geodata.export import (
    FORMATS,
    citation_prefix,
    describe_view,
    export_file_name,
)
from geodata.filters import exercises_at, region_names, regions_for
from geodata.loaders import Dataset, data_signature, load_dataset
from geodata.measure import read_countries
from geodata.notices import ParsedNotice, area_title, parse_notice
from geodata.playback import CUMULATIVE, MODES, WINDOW, describe_step, exercises_active_in, next_month, playback_months
from geodata.problems import ERROR, DataError
from geodata.query import (
    MAP_VIEW_KEY,
    PARAMS,
    Catalog,
    ViewState,
    is_map_only,
    params_to_write,
    view_from_params,
    view_from_widget_state,
    widget_state,
    years_text,
)
from geodata.uploads import UploadResult, read_upload
from layers.popups import exercise_blocks, exercise_html, markdown_escape, region_popup_html
from layers.share import SHARE_PANEL_HEIGHT, share_panel_html
from layers.timeline import MAX_TIMELINE_BARS, PICK, counts_by_year_spec, picked_exercise_id, timeline_spec
from layers.user_layers import notice_layer, upload_layer
from view.export import export_bytes
from view.scene import scene_for
from view.tools import exercise_labels, notice_time_caption, overlap_columns, tool_bounds

APP_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("DRILL_ATLAS_DATA_DIR", str(schema.DATA_DIR)))
SHOW_TILES = os.environ.get("DRILL_ATLAS_TILES", "on").lower() != "off"
MAP_HEIGHT = 600
PLAY_STEP_SECONDS = 1.0
PLAY_MODE_LABELS = {WINDOW: "Active that month", CUMULATIVE: "Everything up to that month"}
UPLOAD_TYPES = ["geojson", "json", "kml", "kmz", "zip", "csv"]
MEASURED_FEATURES = 20
"""Uploaded features measured one by one; a larger upload is drawn in full but measured in part."""
UPLOAD_MEASURE_BUDGET_S = 6.0
"""Time for measuring all of one upload's features together, shared out among them."""
MAP_ONLY_HEIGHT = 720
S23_NOTE = (
    "Sea names and limits follow IHO S-23, Limits of Oceans and Seas (1953); as S-23 itself says, "
    "they carry no political significance. Regions marked 'area' are drawn around the places sources name."
)


@st.cache_data(show_spinner="Loading exercises and regions…")
def cached_dataset(data_dir: str, signature: tuple) -> Dataset:
    return load_dataset(Path(data_dir))


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_outlines(data_dir: str, signature: tuple) -> layers.RegionGeometries:
    """Region outlines as GeoJSON, shared by every session and never modified.

    Not ``st.cache_data``: that would unpickle a copy of these nested lists on every call
    (2 ms for the bundled data, 160 ms for 10,000 polygons with the overview outlines).
    """
    return layers.region_geometries(cached_dataset(data_dir, signature).regions)


@st.cache_resource(show_spinner=False)
def published_land(static_dir: str, land_file: str) -> str | None:
    return layers.publish_static_assets(Path(static_dir), Path(land_file))


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_exercise_html(data_dir: str, signature: tuple) -> MappingProxyType:
    """HTML block of every exercise for the region popups, built once and shared read-only by sessions."""
    return MappingProxyType(exercise_blocks(cached_dataset(data_dir, signature).exercises))


@st.cache_data(show_spinner=False)
def cached_countries(path: str):
    return read_countries(Path(path))


@st.cache_data(show_spinner="Measuring…", max_entries=200)
def cached_measures(wkb: bytes, label: str, budget_s: float, data_dir: str, signature: tuple) -> ShapeMeasures:
    import shapely

    dataset = cached_dataset(data_dir, signature)
    countries = cached_countries(str(schema.DATA_DIR / "countries.geojson"))
    return measure_shape_isolated(shapely.from_wkb(wkb), dataset.regions, countries, label=label, budget_s=budget_s)


@st.cache_data(show_spinner="Reading your layer…", max_entries=8, ttl=3600)
def cached_upload(name: str, data: bytes, max_bytes: int) -> UploadResult:
    """Read an uploaded layer once per file; a few recent ones kept for an hour, so uploads cannot fill memory."""
    return read_upload(name, data, max_bytes=max_bytes)


@st.cache_data(show_spinner=False, max_entries=4)
def cached_catalog(data_dir: str, signature: tuple) -> tuple[Catalog, dict[str, str]]:
    """Return what the filters offer and the exercise labels, derived once per dataset."""
    dataset = cached_dataset(data_dir, signature)
    catalog = Catalog.from_exercises(dataset.exercises, tuple(dataset.regions["region_id"]), dataset.version)
    return catalog, exercise_labels(dataset.exercises)


def restore_view_from_url(catalog: Catalog) -> None:
    """On a session's first run, put the URL's view into the widgets' session state."""
    if "view_restored" in st.session_state:
        return
    params = {p: st.query_params.get_all(p) for p in PARAMS if p in st.query_params}
    view, notices = view_from_params(params, catalog)
    st.session_state.update(widget_state(view), view_restored=True, url_notices=notices, check_link_focus=True)


def view_changed() -> None:
    """Drop the link's notices and panned map view: a widget changed the view."""
    st.session_state["url_notices"] = []
    st.session_state[MAP_VIEW_KEY] = None


def select_from_table() -> None:
    rows = st.session_state["table"].selection.rows
    if rows:
        st.session_state["selected"] = st.session_state["table_ids"][rows[0]]
        view_changed()


def render_filters(catalog: Catalog, labels: dict[str, str]) -> None:
    """Draw the filter widgets; their values live in session state under the URL parameter names."""
    sidebar = st.sidebar
    sidebar.header("Filters")
    sidebar.text_input(
        "Search", key="q", placeholder="Name in English, Русский or 中文", on_change=view_changed, max_chars=100
    )
    if catalog.first_year < catalog.last_year:
        sidebar.slider(
            "Years", min_value=catalog.first_year, max_value=catalog.last_year, key="years", on_change=view_changed
        )
    else:
        st.session_state["years"] = (catalog.first_year, catalog.last_year)
        sidebar.caption(f"Years: {catalog.first_year}")
    sidebar.multiselect(
        "Exercises",
        options=catalog.exercise_ids,
        format_func=labels.__getitem__,
        key="exercise",
        placeholder="All exercises",
        on_change=view_changed,
    )
    sidebar.multiselect(
        "Series", options=catalog.series, key="series", placeholder="All series", on_change=view_changed
    )
    sidebar.multiselect(
        "Domain",
        options=catalog.domains,
        format_func=str.capitalize,
        key="domain",
        placeholder="All domains",
        on_change=view_changed,
    )


def render_focus(shown, used_regions, labels: dict[str, str]) -> None:
    """Draw the 'zoom to' selectors, clearing a focus the filters no longer show."""
    if st.session_state.get("selected") not in set(shown["exercise_id"]):
        st.session_state["selected"] = None
    if st.session_state.get("region") not in set(used_regions["region_id"]):
        st.session_state["region"] = None
    names = region_names(used_regions)
    st.sidebar.header("Focus")
    st.sidebar.selectbox(
        "Zoom to exercise",
        options=[None, *shown["exercise_id"]],
        key="selected",
        placeholder="Whole view",
        format_func=lambda i: "Whole view" if i is None else labels[i],
        on_change=view_changed,
    )
    st.sidebar.selectbox(
        "Zoom to region",
        options=[None, *sorted(names, key=names.get)],
        key="region",
        placeholder="Whole view",
        format_func=lambda i: "Whole view" if i is None else names[i],
        on_change=view_changed,
    )


def render_tool_inputs() -> tuple[ParsedNotice | None, UploadResult | None, str]:
    """Sidebar inputs of the analyst tools: a pasted notice and an uploaded layer."""
    st.sidebar.header("Analyst tools")
    with st.sidebar.expander("Notice text → area", expanded=bool(st.session_state.get("notice"))):
        text = st.text_area(
            "Paste a navigational warning",
            key="notice",
            on_change=view_changed,
            height=140,
            max_chars=20_000,
            placeholder="e.g. 42-30.00N 131-45.00E, 42-30.00N 132-15.00E, 42-00.00N 132-15.00E …",
        )
        st.text_input("Name for the area", key="notice_name", max_chars=120)
        st.text_input("Where it was published (URL)", key="notice_source", max_chars=500)
    with st.sidebar.expander("Your own layer", expanded=False):
        upload = st.file_uploader(
            "GeoJSON, KML/KMZ, zipped shapefile or CSV with lat/lon",
            type=UPLOAD_TYPES,
            key="upload",
            on_change=view_changed,
        )
    parsed = parse_notice(text) if text and text.strip() else None
    result = None
    if upload is not None:
        result = cached_upload(upload.name, upload.getvalue(), st.get_option("server.maxUploadSize") * 1024 * 1024)
    return parsed, result, upload.name if upload is not None else ""


def tool_layers(parsed: ParsedNotice | None, upload: UploadResult | None, upload_name: str) -> tuple:
    found = []
    if parsed is not None and parsed.geometry is not None:
        found.append(notice_layer(parsed, st.session_state.get("notice_name") or "Pasted notice"))
    if upload is not None and upload.ok:
        found.append(upload_layer(upload.frame, upload_name))
    return tuple(found)


def render_measures(title: str, measures: ShapeMeasures) -> None:
    st.markdown(f"**{markdown_escape(title)}**")
    if measures.incomplete:
        st.caption(markdown_escape(measures.incomplete))
    cols = st.columns([1, 2, 2])
    cols[0].metric("Area", f"{measures.area_km2:,.0f} km²" if measures.area_km2 else "a line or point")
    cols[1].dataframe(
        {"In region": [r.name for r in measures.regions], "Share": [f"{r.share:.0%}" for r in measures.regions]},
        hide_index=True,
        width="stretch",
    )
    cols[2].dataframe(
        {
            "Nearest coast": [f"{c.name} ({c.iso3})" if c.iso3 else c.name for c in measures.coasts],
            "km": [round(c.km) for c in measures.coasts],
        },
        hide_index=True,
        width="stretch",
    )


def render_shape(title: str, geometry, signature: tuple, budget_s: float = UPLOAD_MEASURE_BUDGET_S) -> ShapeMeasures:
    """Check a user's shape (too large, out of range, too many vertices…), then measure it or say why not."""
    import shapely

    shape, message = checked_shape(geometry, label=title)
    if shape is None:
        st.markdown(f"**{markdown_escape(title)}**")
        st.warning(markdown_escape(message))
        return ShapeMeasures(area_km2=0.0, regions=(), coasts=(), incomplete=message)
    measures = cached_measures(shapely.to_wkb(shape), title, budget_s, str(DATA_DIR), signature)
    render_measures(title, measures)
    return measures


def render_notice_area(title: str, area, key: str, signature: tuple) -> None:
    """Measure one area of the pasted notice; say when it is in force and which recorded exercises were there then."""
    measures = render_shape(f"{title} ({area.kind}, {len(area.vertices)} positions)", area.geometry, signature)
    for message in area.warnings:
        st.caption("Notice: " + markdown_escape(message))
    st.caption(markdown_escape(notice_time_caption(area)))
    overlaps = exercises_in_shares(measures.regions, area.times, cached_dataset(str(DATA_DIR), signature).exercises)
    if overlaps:
        st.dataframe(overlap_columns(overlaps), hide_index=True, width="stretch")
    else:
        st.caption("No recorded exercise in this area at this time.")
    region, problems = notice_region(
        area, text=st.session_state["notice"], name=title, source=st.session_state.get("notice_source", "")
    )
    if region is not None:
        st.download_button(
            "Save the area as a dataset region (GeoJSON)",
            region.to_json(drop_id=True),
            file_name=f"{region.iloc[0]['region_id']}.geojson",
            mime="application/geo+json",
            on_click="ignore",
            key=f"{key}_save",
        )
    else:
        fix = "; ".join(f"{p.field} {p.message}" for p in problems)
        st.caption("To save it as a dataset region, fix: " + markdown_escape(fix))


def render_drawing(drawing, signature: tuple) -> None:
    """Measure the last drawn shape, or say why it was refused (the map may send any GeoJSON)."""
    title = drawing_title(drawing)
    shape, message = read_drawing(drawing, label=title)
    if shape is None:
        if message:
            st.markdown(f"**{markdown_escape(title)}**")
            st.warning(markdown_escape(message))
        return
    render_shape(title, shape, signature)


def render_problems(problems, *, refused: bool) -> None:
    """Show a file's problems in one box: the verdict or first error in full, the others folded under it.

    A refused file's verdict is its last problem (:func:`geodata.uploads.read_upload`).
    """
    if not problems:
        return
    errors = [problem for problem in problems if problem.severity == ERROR]
    first = problems[-1] if refused else (errors or list(problems))[0]
    (st.error if errors else st.warning)(markdown_escape(str(first)))
    if len(problems) > 1:
        with st.expander(f"{len(problems) - 1} more problem{'s' if len(problems) > 2 else ''} with this file"):
            st.text("\n".join(str(problem) for problem in problems if problem is not first))


def render_tool_results(parsed, upload, upload_name, drawing, signature: tuple) -> None:
    """Measures of the notice, the uploaded features and the last drawn shape, under the map."""
    if parsed is None and upload is None and not drawing:
        return
    st.subheader("Your shapes")
    if parsed is not None:
        for message in parsed.unparsed:
            st.warning("Notice: " + markdown_escape(message))
        for message in parsed.warnings:
            st.caption("Notice: " + markdown_escape(message))
        name = st.session_state.get("notice_name") or "Pasted notice"
        for index, area in enumerate(parsed.areas, start=1):
            title = area_title(name, area, index, len(parsed.areas))
            render_notice_area(title, area, f"notice_area_{index}", signature)
    if upload is not None:
        render_problems(upload.problems, refused=upload.frame is None)
        if upload.frame is not None:
            shown = upload.frame.head(MEASURED_FEATURES)
            if len(upload.frame) > MEASURED_FEATURES:
                st.caption(f"{len(upload.frame):,} features drawn; the first {MEASURED_FEATURES} are measured.")
            budget_s = UPLOAD_MEASURE_BUDGET_S / len(shown)
            for index, geometry in enumerate(shown.geometry, start=1):
                render_shape(f"{upload_name}, feature {index}", geometry, signature, budget_s)
    if drawing:
        render_drawing(drawing, signature)


def render_playback(dataset: Dataset, geometries: dict, shown, assets) -> None:
    """Step through the shown exercises month by month, on a map that stays mounted.

    Only the month's region layers change, through ``feature_group_to_add``: the map keeps the
    user's zoom and pan, and a step reruns this fragment, not the whole page.
    """
    months = playback_months(shown)
    if not months:
        st.info("No exercise to play back: widen the filters.")
        return
    if st.session_state.get("play_month") not in months:
        st.session_state["play_month"] = months[0]
    st.session_state.setdefault("play_mode", WINDOW)

    def restart_at_end() -> None:
        if st.session_state["playing"] and st.session_state.get("play_month") == months[-1]:
            st.session_state["play_month"] = months[0]

    st.toggle("▶ Play (one month a second)", key="playing", on_change=restart_at_end)

    @st.fragment(run_every=PLAY_STEP_SECONDS if st.session_state.get("playing") else None)
    def playback_step() -> None:
        now = time.monotonic()
        # A slider or radio click also reruns the fragment: step only when the timer is due.
        due = now - st.session_state.get("play_stepped_at", 0.0) >= 0.9 * PLAY_STEP_SECONDS
        if st.session_state.get("playing") and due:
            following = next_month(months, st.session_state["play_month"])
            if following is None:
                st.session_state["playing"] = False
                st.rerun(scope="app")
            st.session_state.update(play_month=following, play_stepped_at=now)
        cols = st.columns([3, 2])
        cols[0].select_slider("Month", options=months, format_func=lambda p: p.strftime("%b %Y"), key="play_month")
        cols[1].radio("Show", MODES, key="play_mode", horizontal=True, format_func=PLAY_MODE_LABELS.get)
        active = exercises_active_in(shown, st.session_state["play_month"], mode=st.session_state["play_mode"])
        st.caption(describe_step(st.session_state["play_month"], st.session_state["play_mode"], len(active)))
        # A fresh map every step (st_folium changes the map it is given); streamlit-folium gives its
        # elements stable ids, so it is the same script, the frame stays mounted and only the month's
        # layers are swapped.
        base = layers.dashboard_map(dataset.regions, geometries, shown, assets, tiles=SHOW_TILES, with_regions=False)
        st_folium(
            base,
            key="playback_map",
            height=MAP_HEIGHT,
            use_container_width=True,
            returned_objects=[],
            feature_group_to_add=layers.region_layers(regions_for(dataset.regions, active), active, geometries),
        )

    playback_step()


def sync_url(view: ViewState, catalog: Catalog) -> None:
    """Write the view into the address bar when it differs from what is there."""
    params = params_to_write(view, catalog, {k: st.query_params[k] for k in st.query_params})
    if params is not None:
        st.query_params.from_dict(params)


def select_from_timeline(key: str) -> None:
    picked = picked_exercise_id(st.session_state.get(key))
    if picked is not None:
        st.session_state["selected"] = picked
        view_changed()


@st.cache_data(show_spinner=False, max_entries=64)
def cached_chart_specs(
    data_dir: str, signature: tuple, shown_ids: tuple, selected: str | None
) -> tuple[dict | None, dict]:
    """Vega-Lite specs of the two charts for a set of shown exercises (built once per view).

    The timeline is None above :data:`layers.timeline.MAX_TIMELINE_BARS` exercises: a bar per
    exercise would be unreadable and megabytes big.
    """
    dataset = cached_dataset(data_dir, signature)
    shown = dataset.exercises.loc[dataset.exercises["exercise_id"].isin(shown_ids)]
    timeline = timeline_spec(shown, selected=selected) if len(shown) <= MAX_TIMELINE_BARS else None
    return timeline, counts_by_year_spec(shown)


def render_timeline(shown, view: ViewState, signature: tuple) -> None:
    """Bars per exercise by series, and counts per year; clicking a bar selects that exercise."""
    if shown.empty:
        return
    timeline, counts = cached_chart_specs(
        str(DATA_DIR), signature, tuple(shown["exercise_id"]), view.selected
    )
    if timeline is None:
        st.info(
            f"{len(shown):,} exercises shown: the timeline draws one bar per exercise up to "
            f"{MAX_TIMELINE_BARS:,}. Narrow the years or filters to see each one; the counts per year are below."
        )
    else:
        # The key follows the selection: Streamlit reports only a selection that differs from the chart's
        # previous one, so with a fixed key, clicking the same bar after picking another elsewhere would be lost.
        key = f"timeline-{view.selected}"
        st.vega_lite_chart(
            spec=timeline, key=key, on_select=partial(select_from_timeline, key), selection_mode=PICK, width="stretch"
        )
    st.vega_lite_chart(spec=counts, width="stretch")


def render_table(shown, dataset: Dataset) -> None:
    names = region_names(dataset.regions)
    table = shown.assign(
        regions=shown["region_id_list"].map(lambda ids: ", ".join(names[i] for i in ids)),
        participants=shown["participants"].str.replace(";", ", "),
        source=shown["source_urls"].map(lambda urls: urls[0]),
        more_sources=shown["source_urls"].map(lambda urls: " ".join(urls[1:])),
    )[
        [
            "name",
            "series",
            "start_date",
            "end_date",
            "domain",
            "participants",
            "regions",
            "summary",
            "notes",
            "source",
            "more_sources",
        ]
    ]
    st.session_state["table_ids"] = list(shown["exercise_id"])
    st.dataframe(
        table,
        key="table",
        on_select=select_from_table,
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn("Exercise", pinned=True),
            "start_date": "Start",
            "end_date": "End",
            "notes": "Where sources differ",
            "source": st.column_config.LinkColumn("Source"),
            "more_sources": "More sources",
        },
    )


def render_downloads(
    dataset: Dataset, geometries, shown, view: ViewState, catalog: Catalog, signature: tuple
) -> None:
    """One button per export format; each file is built by :func:`view.export.export_bytes` when clicked."""
    description = describe_view(view, catalog)

    def make(file_format: str) -> bytes:
        data, _ = export_bytes(
            dataset, shown, view, description, file_format,
            land_file=DATA_DIR / schema.LAND_FILE, tiles=SHOW_TILES, geometries=geometries,
            exercise_html=cached_exercise_html(str(DATA_DIR), signature),
        )
        return data

    for column, (key, export_format) in zip(st.columns(len(FORMATS)), FORMATS.items(), strict=True):
        column.download_button(
            export_format.label,
            data=partial(make, key),
            file_name=export_file_name(view, catalog, dataset.version, export_format.extension),
            mime=export_format.media_type,
            key=f"download_{key}",
            on_click="ignore",
            disabled=shown.empty,
            width="stretch",
        )


def render_focus_details(view: ViewState, shown, dataset: Dataset) -> None:
    if view.selected:
        record = shown.loc[shown["exercise_id"] == view.selected].iloc[0].to_dict()
        st.html(exercise_html(record))
    elif view.region:
        region = dataset.regions.loc[dataset.regions["region_id"] == view.region].iloc[0].to_dict()
        held = exercises_at(shown, view.region)
        st.html(region_popup_html(region, held.to_dict("records")))


def main() -> None:
    map_only = is_map_only(st.query_params)
    st.set_page_config(
        page_title="Drill Atlas",
        page_icon="🗺️",
        layout="wide",
        initial_sidebar_state="collapsed" if map_only else "auto",
    )
    try:
        signature = data_signature(DATA_DIR)
        dataset = cached_dataset(str(DATA_DIR), signature)
        geometries = cached_outlines(str(DATA_DIR), signature)
    except DataError as error:
        st.title("Drill Atlas")
        st.error("The data files could not be loaded:\n\n" + "\n".join(f"- {p}" for p in error.problems))
        st.stop()
    land_name = published_land(str(APP_DIR / "static"), str(DATA_DIR / schema.LAND_FILE))
    catalog, labels = cached_catalog(str(DATA_DIR), signature)
    restore_view_from_url(catalog)
    if not map_only:
        render_filters(catalog, labels)
    scene = scene_for(dataset, view_from_widget_state(st.session_state))
    if st.session_state.pop("check_link_focus", False):
        st.session_state["url_notices"] += list(scene.notices)
    view, shown, used_regions = scene.view, scene.shown, scene.regions
    parsed, upload, upload_name = None, None, ""
    if not map_only:
        render_focus(shown, used_regions, labels)
        parsed, upload, upload_name = render_tool_inputs()
    sync_url(view, catalog)

    assets = layers.asset_urls(land_name, st.get_option("server.baseUrlPath") or "")

    def the_map() -> folium.Map:
        """Build a fresh map of the view (st_folium changes the map it is given), only where it is shown."""
        return layers.dashboard_map(
            dataset.regions,
            geometries,
            shown,
            assets,
            selected=view.selected,
            region=view.region,
            map_view=view.map_view,
            routes=dataset.routes,
            tiles=SHOW_TILES,
            extra_layers=tool_layers(parsed, upload, upload_name),
            fit=tool_bounds(parsed, upload) if view.map_view is None else None,
            exercise_html=cached_exercise_html(str(DATA_DIR), signature),
            used_regions=used_regions,
        )

    if map_only:
        st_folium(
            the_map(), key="map", height=MAP_ONLY_HEIGHT, use_container_width=True, returned_objects=[], render=False
        )
        st.caption(f"Drill Atlas · dataset version {markdown_escape(dataset.version)} · " + markdown_escape(S23_NOTE))
        return

    st.title("Drill Atlas")
    st.caption(
        f"China–Russia joint military exercises and patrols · dataset version {markdown_escape(dataset.version)} · "
        "the address bar is a share link to this view"
    )
    for notice in st.session_state.get("url_notices", []):
        st.warning(markdown_escape(notice), icon="🔗")
    if land_name is None:
        st.warning(
            f"No land layer ({schema.LAND_FILE} missing in {DATA_DIR}): without map tiles the coast will not show."
        )
    errors = [p for p in dataset.problems if p.severity == ERROR]
    if dataset.problems:
        with st.expander(
            f"⚠️ {len(errors)} data error(s), {len(dataset.problems) - len(errors)} warning(s)", expanded=bool(errors)
        ):
            st.text("\n".join(str(p) for p in dataset.problems))

    years = years_text(view.years)
    cols = st.columns(3)
    cols[0].metric("Exercises shown", len(shown))
    cols[1].metric("Regions", len(used_regions))
    cols[2].metric("Years", years)
    if shown.empty:
        st.info("No exercise matches these filters. Widen the years or clear a filter in the sidebar.")
    if st.toggle("Playback by month", key="playback", help="Step through the shown exercises month by month"):
        render_playback(dataset, geometries, shown, assets)
        drawing = None
    else:
        out = st_folium(
            the_map(),
            key="map",
            height=MAP_HEIGHT,
            use_container_width=True,
            returned_objects=["last_active_drawing"],
            render=False,
        )
        drawing = (out or {}).get("last_active_drawing")
    render_tool_results(parsed, upload, upload_name, drawing, signature)
    render_focus_details(view, shown, dataset)
    st.subheader(f"{len(shown)} exercise{'s' if len(shown) != 1 else ''}, {years}")
    timeline_tab, table_tab = st.tabs(["Timeline", "Table"])
    with timeline_tab:
        render_timeline(shown, view, signature)
    with table_tab:
        render_table(shown, dataset)
    st.markdown("**Export what you see** — every file carries the dataset version and the filters.")
    render_downloads(dataset, geometries, shown, view, catalog, signature)
    with st.sidebar:
        st.header("Share and cite")
        st.iframe(
            share_panel_html(citation_prefix(dataset.version, describe_view(view, catalog))), height=SHARE_PANEL_HEIGHT
        )
    st.caption(markdown_escape(S23_NOTE + f" Land: Natural Earth. Dataset version {dataset.version}."))


main()
