"""Drill Atlas: a map and table of China–Russia joint military exercises and patrols.

Page layout and widgets only: what a view shows, its words, tables and files come from ``view``,
``geodata`` and ``layers``; this is the only module that imports Streamlit.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

import shapely
import streamlit as st
import streamlit_folium
from streamlit_folium import st_folium

import layers
from geodata import playback, query, schema
from geodata.export import citation_prefix, describe_view
from geodata.filters import count_events
from geodata.loaders import data_signature
from geodata.notices import parse_notice
from geodata.problems import DataError
from geodata.user_shapes import ShapeMeasures, checked_shape, exercises_in_shares
from layers import folium_internals
from layers.popups import markdown_escape
from layers.share import SHARE_PANEL_HEIGHT, share_panel_html
from layers.timeline import (
    BRUSH,
    MAX_TIMELINE_BARS,
    PICK,
)
from view import after_map, exercise_list, follow, share, tools
from view.caches import page_caches
from view.export import downloads
from view.page_style import DOWNLOAD_ROW, MAP_SLOT, PAGE_CSS, PLAY_MODE_LABELS, PLAYBACK_SLOT, map_frame_css
from view.pictures import chart_downloads, page_link
from view.prepared import Prepared
from view.scene import details_html
from view.shared import MAP_FRAMES
from view.table import LINK_COLUMNS, PINNED_COLUMNS, TABLE_COLUMNS, table_frame
from view.text import S23_NOTE, headline, too_many_bars

STATIC_DIR = Path(os.environ.get("DRILL_ATLAS_STATIC_DIR", Path(__file__).resolve().parent / "static"))
DATA_DIR = Path(os.environ.get("DRILL_ATLAS_DATA_DIR", str(schema.DATA_DIR)))
SHOW_TILES = os.environ.get("DRILL_ATLAS_TILES", "on").lower() != "off"
MAP_HEIGHT, MAP_ONLY_HEIGHT, PLAYBACK_MAP_HEIGHT, LIST_BESIDE_MAP = 560, 720, 440, (0.72, 0.28)
RECORD_TAB_KEY = "record_tab"
EXERCISE_LIST = st.components.v2.component(exercise_list.NAME, css=exercise_list.STYLE, js=exercise_list.SCRIPT)
MAP_WATCH = st.components.v2.component(after_map.NAME, js=after_map.SCRIPT)
(cached_prepared, published_land, published_outlines, published_towns, published_popups, shared_scene, shared_charts,
 cached_measures, cached_upload) = page_caches(st.cache_resource, st.cache_data)


def show_map(the_map, view: query.ViewState, signature: tuple, assets: layers.AssetUrls, *, own_layers: bool,
             height: int, returned: tuple = ()) -> dict | None:
    """Show the page's map (``the_map()`` builds it); a map with nothing of the reader's own is the view's shared frame.

    ``own_layers``: a pasted notice, an uploaded layer or drawings are on it, so it is built for
    this session alone. Otherwise the frame comes from :data:`view.shared.MAP_FRAMES`, built
    once for every session that shows the view (never the ``folium.Map`` itself: its frame's
    arguments, plain data).
    """
    if own_layers:
        return st_folium(the_map(), key="map", height=height, use_container_width=True,
                         returned_objects=list(returned), render=False)
    arguments = MAP_FRAMES.get(
        (view, str(DATA_DIR), signature, assets, SHOW_TILES, height, returned),
        lambda: folium_internals.map_frame_arguments(streamlit_folium, the_map(), key="map", height=height,
                                                     returned_objects=list(returned)))
    return folium_internals.show_map_frame(streamlit_folium, arguments)


def restore_view_from_url(catalog: query.Catalog) -> None:
    """On a session's first run, put the URL's view into the widgets' session state."""
    if "view_restored" not in st.session_state:
        params = {p: st.query_params.get_all(p) for p in query.PARAMS if p in st.query_params}
        view, notices = query.view_from_params(params, catalog)
        st.session_state.update(query.widget_state(view), view_restored=True, url_notices=notices,
                                check_link_focus=True)
        share.rebuild_with_drawings(st.session_state)


def view_changed() -> None:
    """Drop the link's notices and panned map view: a widget changed the view (and the map is rebuilt)."""
    st.session_state["url_notices"] = []
    st.session_state[query.MAP_VIEW_KEY] = None
    share.rebuild_with_drawings(st.session_state)


def write_link(view: query.ViewState, catalog: query.Catalog) -> str | None:
    """Put the view, with the reader's notice and drawings, in the address bar; return what it leaves out."""
    link_view, left_out = share.link_view(view, st.session_state)
    params = query.params_to_write(link_view, catalog, {k: st.query_params[k] for k in st.query_params})
    if params is not None:
        st.query_params.from_dict(params)
    return left_out


def select(key: str, read) -> None:
    """Focus the exercise a table row or timeline bar picked (``read`` gets its id from the widget's state)."""
    picked = read(st.session_state.get(key))
    if picked is not None:
        st.session_state[query.PARAM_SELECTED] = picked
        view_changed()


def chart_changed(key: str, catalog: query.Catalog, overview: bool) -> None:
    """Set the years a chart's brush covers, or focus the timeline bar clicked (:func:`view.follow.chart_event`).

    The charts live in a fragment (:func:`render_timeline`), whose widgets rerun only the fragment;
    a changed view reruns the whole page (map, list, address), hence ``st.rerun()``.
    """
    changes = follow.chart_event(st.session_state.get(key), catalog, overview=overview)
    if changes:
        st.session_state.update(changes)
        view_changed()
        st.rerun()


def clear_all(catalog: query.Catalog) -> None:
    st.session_state.update(follow.cleared_state(catalog))
    view_changed()


def render_sidebar(catalog: query.Catalog, labels: dict[str, str], scene) -> tuple:
    """Draw filters, focus and the analyst tools' inputs; return the upload, read, and its name."""
    bar = st.sidebar
    bar.header("Filters")
    bar.button("Clear all filters", on_click=clear_all, args=(catalog,), icon=":material/filter_alt_off:",
               disabled=follow.is_cleared(scene.view, catalog))
    bar.text_input("Search", key=query.PARAM_SEARCH, placeholder="Name in English, Русский or 中文",
                   on_change=view_changed, max_chars=100)
    if catalog.first_year < catalog.last_year:
        bar.slider("Years", catalog.first_year, catalog.last_year, key=query.PARAM_YEARS, on_change=view_changed)
    else:
        st.session_state[query.PARAM_YEARS] = (catalog.first_year, catalog.last_year)
        bar.caption(f"Years: {catalog.first_year}")
    for label, key, options, empty, shown_as in tools.filter_lists(catalog, labels):
        bar.multiselect(label, options, key=key, placeholder=empty, format_func=shown_as, on_change=view_changed)
    st.session_state.update({query.PARAM_SELECTED: scene.view.selected, query.PARAM_REGION: scene.view.region})
    bar.header("Focus")
    for label, key, options, shown_as in tools.focus_lists(scene, labels):
        bar.selectbox(label, options, key=key, placeholder="Whole view", format_func=shown_as, on_change=view_changed)
    bar.header("Analyst tools")
    with bar.expander("Notice text → area", expanded=bool(st.session_state.get(query.NOTICE_KEY))):
        st.text_area("Paste a navigational warning", key=query.NOTICE_KEY, on_change=view_changed, height=140,
                     max_chars=20_000,
                     placeholder="e.g. 42-30.00N 131-45.00E, 42-30.00N 132-15.00E, 42-00.00N 132-15.00E …")
        st.text_input("Name for the area", key=query.NOTICE_NAME_KEY, max_chars=120,
                      on_change=share.rebuild_with_drawings, args=(st.session_state,))
        st.text_input("Where it was published (URL)", key=query.NOTICE_SOURCE_KEY, max_chars=500)
    with bar.expander("Your own layer"):
        upload = st.file_uploader("GeoJSON, KML/KMZ, zipped shapefile or CSV with lat/lon", key="upload",
                                  type=list(tools.UPLOAD_TYPES), on_change=view_changed)
    if upload is None:
        return None, ""
    limit = st.get_option("server.maxUploadSize") * 1024 * 1024
    return cached_upload(upload.name, upload.getvalue(), limit), upload.name


def render_shape(title: str, geometry, signature: tuple, budget_s: float) -> ShapeMeasures | None:
    """Check a user's shape (too large, out of range, too many vertices…), then measure it or say why not."""
    st.markdown(f"**{markdown_escape(title)}**")
    shape, message = checked_shape(geometry, label=title)
    if shape is None:
        st.warning(markdown_escape(message))
        return None
    measures = cached_measures(shapely.to_wkb(shape), title, budget_s, str(DATA_DIR), signature)
    if measures.incomplete:
        st.caption(markdown_escape(measures.incomplete))
    area, *tables, zones = tools.measure_tables(measures)
    cols = st.columns([1, 2, 2])
    cols[0].metric("Area", area)
    for column, table in zip(cols[1:], tables, strict=True):
        column.dataframe(table, hide_index=True, width="stretch")
    if zones["ADIZ"]:  # under the row, which is full at a laptop's width
        st.dataframe(zones, hide_index=True)
    return measures


def render_blocks(blocks, exercises, signature: tuple) -> None:
    """Show what :func:`view.tools.tool_report` says about the user's shapes."""
    for block in blocks:
        text = markdown_escape(block.text)
        if block.kind == "shape":
            render_shape(block.text, block.geometry, signature, block.budget_s)
        elif block.kind == "notice_area":  # measured, then the recorded exercises in it at its time
            measures = render_shape(block.text, block.geometry.geometry, signature, block.budget_s)
            overlaps = exercises_in_shares(measures.regions, block.geometry.times, exercises) if measures else []
            if overlaps:
                st.dataframe(tools.overlap_columns(overlaps), hide_index=True, width="stretch")
            elif measures:
                st.caption("No recorded exercise in this area at this time.")
        elif block.kind == "download":
            st.download_button(block.text, block.body, file_name=block.file_name, mime="application/geo+json",
                               on_click="ignore", key=f"save_{block.file_name}")
        elif block.kind == "details":
            with st.expander(block.text, expanded=block.opened):
                st.text(block.body)
        else:
            {"heading2": st.subheader, "heading": lambda t: st.markdown(f"**{t}**"), "warning": st.warning,
             "error": st.error, "info": st.info, "caption": st.caption}[block.kind](text)


def render_playback(prepared: Prepared, scene, assets, catalog: query.Catalog) -> None:
    """Step through the shown exercises month by month; only the month's layers change (the map stays mounted)."""
    shown = scene.shown
    for key, value in playback.PLAYBACK_DEFAULTS.items():
        st.session_state.setdefault(key, value)
    months = playback.playback_months(shown, skip_empty=st.session_state["play_skip"])
    if not months:
        st.info("No exercise to play back: widen the filters.")
        return
    st.session_state.update(playback.start_month(months, st.session_state, st.session_state.get(query.PARAM_PLAY)))
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):  # one line of controls
        st.toggle("▶ Play", key="playing", width="content",
                  on_change=lambda: st.session_state.update(playback.restart_if_at_end(months, st.session_state)))
        st.toggle("Skip empty months", key="play_skip", help="Step only through months with an exercise",
                  width="content")
        st.radio("Speed", playback.SPEEDS, key="play_speed", horizontal=True, label_visibility="collapsed",
                 format_func=lambda s: f"{s:g} s a month", width="content")
    step_s = st.session_state["play_speed"]

    @st.fragment(run_every=step_s if st.session_state.get("playing") else None)
    def playback_step() -> None:
        changes = playback.advance(months, st.session_state, time.monotonic(), step_s)
        st.session_state.update(changes)
        if changes.get("playing") is False:
            st.rerun(scope="app")
        cols = st.columns([1, 1], vertical_alignment="bottom")
        cols[0].select_slider("Month", options=months, format_func=lambda p: p.strftime("%b %Y"), key="play_month")
        cols[1].radio("Show", playback.MODES, key="play_mode", horizontal=True, format_func=PLAY_MODE_LABELS.get)
        month, mode = st.session_state["play_month"], st.session_state["play_mode"]
        st.session_state[query.PARAM_PLAY] = playback.month_text(month)
        write_link(replace(scene.view, play=playback.month_text(month)), catalog)
        active = playback.exercises_active_in(shown, month, mode=mode)
        # What the month shows, above its map, so a reader sees it change while the map plays.
        st.markdown(f"**{markdown_escape(follow.step_line(shown, month, mode, count_events(active)))}**")
        base, month_layers = tools.playback_map(prepared, shown, active, assets, tiles=SHOW_TILES)
        with st.container(key=PLAYBACK_SLOT):
            st_folium(base, key="playback_map", height=PLAYBACK_MAP_HEIGHT, use_container_width=True,
                      returned_objects=[], feature_group_to_add=month_layers)

    playback_step()


def download_buttons(files, prefix: str, disabled: bool = False) -> None:
    """One button per file, in a row that wraps: side by side on a laptop, two to a line on a phone."""
    with st.container(horizontal=True, gap="small", key=f"{DOWNLOAD_ROW}{prefix}"):
        for file in files:
            st.download_button(file.label, data=file.make, file_name=file.file_name, mime=file.media_type,
                               key=f"{prefix}_{file.key}", on_click="ignore", disabled=disabled, width="stretch")


@st.fragment
def render_timeline(scene, prepared: Prepared, signature: tuple) -> None:
    """Draw the shown exercises' timeline and year counts, with their pictures, as a fragment of its own.

    Its widgets rerun only it (a click on a download during a page's rerun gets nothing: its file
    id is revoked), and a chart that changes the view asks for the whole page (:func:`chart_changed`).
    """
    shown, view, dataset, catalog = scene.shown, scene.view, prepared.dataset, prepared.catalog
    timeline, counts, timeline_tables, counts_tables = shared_charts(view, str(DATA_DIR), signature)
    if timeline is None:
        st.info(too_many_bars(len(shown), MAX_TIMELINE_BARS))
    else:  # the key follows the selection, or clicking the same bar after another pick would be lost
        key = follow.chart_key("timeline", view)
        st.vega_lite_chart(spec=timeline_tables, key=key, on_select=partial(chart_changed, key, catalog, False),
                           selection_mode=(PICK, BRUSH), width="stretch")
    key = follow.chart_key("years", view)
    st.caption("Drag across either chart to choose years; double-click the years chart for all years.")
    st.vega_lite_chart(spec=counts_tables, key=key, on_select=partial(chart_changed, key, catalog, True),
                       selection_mode=BRUSH, width="stretch")
    pictures = chart_downloads((timeline, counts), dataset.version, view, catalog,
                               link=page_link(st.context.url, view, catalog))
    download_buttons(pictures, "picture")


def render_record(scene, prepared: Prepared, signature: tuple) -> None:
    """Timeline and table of the shown exercises, then one download button per export format."""
    shown, view, dataset, catalog = scene.shown, scene.view, prepared.dataset, prepared.catalog
    # Only the open tab runs: a first page sends no table (Streamlit's table code is 182 KB a phone
    # would fetch before the map) and a change of view builds one of the two.
    timeline_tab, table_tab = st.tabs(["Timeline", "Table"], key=RECORD_TAB_KEY, on_change="rerun")
    if timeline_tab.open and not shown.empty:
        with timeline_tab:
            render_timeline(scene, prepared, signature)
    if table_tab.open:
        with table_tab:
            table = table_frame(shown, dataset.regions)
            st.session_state["table_ids"] = list(table.index)
            config = {c: st.column_config.LinkColumn(TABLE_COLUMNS[c]) for c in LINK_COLUMNS}
            config |= {c: st.column_config.TextColumn(TABLE_COLUMNS[c], pinned=True) for c in PINNED_COLUMNS}
            st.dataframe(table.rename(columns=TABLE_COLUMNS | {c: c for c in config}),
                         key="table", selection_mode="single-row", hide_index=True, width="stretch",
                         column_config=config,
                         on_select=partial(select, "table", lambda s: st.session_state["table_ids"][s.selection.rows[0]]
                                           if s is not None and s.selection.rows else None))
    st.markdown("**Export what you see** — every file carries the dataset version and the filters.")
    files = downloads(dataset, shown, view, catalog, land_file=DATA_DIR / schema.LAND_FILE, tiles=SHOW_TILES,
                      geometries=prepared.geometries, reference=prepared.reference)
    download_buttons(files, "download", disabled=shown.empty)


def main() -> None:
    map_only = query.is_map_only(st.query_params)
    st.set_page_config(page_title="Drill Atlas", page_icon="🗺️", layout="wide",
                       initial_sidebar_state="collapsed" if map_only else "auto")
    frame_css = map_frame_css(MAP_ONLY_HEIGHT if map_only else MAP_HEIGHT, PLAYBACK_MAP_HEIGHT)
    st.html(f"<style>{PAGE_CSS}{frame_css}</style>")
    try:
        signature = data_signature(DATA_DIR)
        prepared = cached_prepared(str(DATA_DIR), signature)
    except DataError as error:
        st.title("Drill Atlas")
        st.error("The data files could not be loaded:\n\n" + "\n".join(f"- {p}" for p in error.problems))
        st.stop()
    land_name = published_land(str(STATIC_DIR), str(DATA_DIR / schema.LAND_FILE))
    dataset, catalog, labels = prepared.dataset, prepared.catalog, prepared.labels
    restore_view_from_url(catalog)
    scene = shared_scene(query.view_from_widget_state(st.session_state), str(DATA_DIR), signature)
    if st.session_state.pop("check_link_focus", False):
        st.session_state["url_notices"] += list(scene.notices)
    notice_text = st.session_state.get(query.NOTICE_KEY) or ""  # the text area's value, before it is drawn
    parsed = parse_notice(notice_text) if notice_text.strip() else None
    # A session's first run draws the map and the list; the rest comes once the map is drawn.
    whole_page = after_map.map_drawn(st.session_state)
    upload, upload_name = None, ""
    if whole_page and not map_only:
        upload, upload_name = render_sidebar(catalog, labels, scene)
    elif not map_only:
        st.sidebar.caption(after_map.SIDEBAR_NOTE)
    view = scene.view
    assets = layers.asset_urls(land_name, st.get_option("server.baseUrlPath") or "",
                               published_outlines(str(STATIC_DIR), str(DATA_DIR), signature),
                               published_towns(str(STATIC_DIR), str(DATA_DIR)),
                               published_popups(str(STATIC_DIR), str(DATA_DIR), signature))

    drawings = share.map_drawings(st.session_state)
    own_layers = parsed is not None or upload is not None or bool(drawings)
    the_map = partial(tools.dashboard_map_of, prepared, scene, assets, tiles=SHOW_TILES, parsed=parsed, upload=upload,
                      notice_name=st.session_state.get(query.NOTICE_NAME_KEY, ""), upload_name=upload_name,
                      drawings=drawings)
    if map_only:
        write_link(view, catalog)
        show_map(the_map, view, signature, assets, own_layers=own_layers, height=MAP_ONLY_HEIGHT)
        st.caption(f"Drill Atlas · dataset version {markdown_escape(dataset.version)} · {markdown_escape(S23_NOTE)}")
        return
    heading = headline(scene.shown, scene.regions, count_events(scene.shown), view.years, view.series, view.domains,
                       [catalog.zone_name(zone) for zone in view.zones], view.participants)
    st.html(heading.html(dataset.version))
    notices = st.session_state.get("url_notices", [])
    render_blocks(tools.link_blocks(notices, prepared.changelog), dataset.exercises, signature)
    missing = f"{schema.LAND_FILE} in {DATA_DIR}" if land_name is None else ""
    render_blocks(tools.page_blocks(dataset.problems, land_missing=missing, nothing_shown=scene.shown.empty),
                  dataset.exercises, signature)
    if st.session_state.get(query.PLAYBACK_KEY):  # playback writes its month into the link after this
        left_out = write_link(view, catalog)
        render_playback(prepared, scene, assets, catalog)
    else:
        map_column, list_column = st.columns(LIST_BESIDE_MAP, gap="small")  # on a phone the list goes under it
        with map_column, st.container(key=MAP_SLOT):
            out = show_map(the_map, view, signature, assets, own_layers=own_layers, height=MAP_HEIGHT,
                           returned=(share.RETURNED,))
        left_out = " ".join(filter(None, (share.take_drawings(st.session_state, out), write_link(view, catalog))))
        with list_column:
            rows = exercise_list.list_data(scene.shown, view.selected, MAP_HEIGHT, prepared.list_rows,
                                           events=heading.events)
            EXERCISE_LIST(key=exercise_list.KEY, data=rows,
                          on_focus_change=partial(select, exercise_list.KEY, exercise_list.focused_id))
    if not whole_page:
        st.html(after_map.WAITING_HTML)
        MAP_WATCH(key=after_map.KEY, data=after_map.watch_data(),
                  on_drawn_change=partial(after_map.mark_drawn, st.session_state))
        return
    st.toggle("Playback by month", key=query.PLAYBACK_KEY, help="Step through the shown exercises month by month",
              on_change=share.rebuild_with_drawings, args=(st.session_state,))
    notice = {"text": notice_text, "name": st.session_state.get(query.NOTICE_NAME_KEY, ""),
              "source": st.session_state.get(query.NOTICE_SOURCE_KEY, "")}
    render_blocks(tools.tool_report(parsed, notice, upload, upload_name, share.drawn_features(st.session_state)),
                  dataset.exercises, signature)
    details = details_html(scene, dataset.regions, catalog)
    if details:
        st.html(details)
    render_record(scene, prepared, signature)
    with st.sidebar:
        st.header("Share and cite")
        st.iframe(share_panel_html(citation_prefix(dataset.version, describe_view(view, catalog))),
                  height=SHARE_PANEL_HEIGHT)
        if left_out:
            st.warning(markdown_escape(left_out))
    st.caption(markdown_escape(S23_NOTE + f" Land: Natural Earth. Dataset version {dataset.version}."))


main()
