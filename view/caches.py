"""The page's cached reads: defined once per process, put in Streamlit's caches by app.py.

Streamlit names a cached function's cache after its module, name and source code, and reads
that source (``inspect.getsource``, which tokenizes the function) each time the decorator runs.
At the top of app.py the decorators ran again on every rerun, as Streamlit runs the script anew:
the script's body outside ``main()`` took 2.1 ms a rerun, 0.09 ms now (bench/README.md, "The
decorators once per process"). Here they run once, on the first call of :func:`page_caches`,
and Streamlit stays imported by app.py alone: it hands in its two decorators.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, NamedTuple

import shapely

import layers
from geodata import query, schema
from geodata.measure import read_countries
from geodata.towns import towns_file
from geodata.uploads import read_upload
from geodata.user_shapes import ShapeMeasures, measure_shape_isolated
from layers.timeline import MAX_TIMELINE_BARS, counts_overview_spec, timeline_spec, with_tables, with_years_brush
from view import collector, follow
from view.prepared import Prepared, prepare
from view.scene import Scene, scene_for

VIEWS_KEPT = 320
"""Views whose scene and charts are kept for every session (the map frames: view.shared, by size).

Room for every year range of the bundled data (2005-2026: 253), the slider readers move most, with
some to spare: at 128, readers stepping through the years evicted each other's views and a server
spent a quarter more CPU a rerun (README, "Views shared between sessions")."""


class PageCaches(NamedTuple):
    """The cached functions app.py calls, each shared by every session of the process."""

    cached_prepared: Any
    published_land: Any
    published_outlines: Any
    published_towns: Any
    published_popups: Any
    shared_scene: Any
    shared_charts: Any
    cached_measures: Any
    cached_upload: Any


@functools.cache
def page_caches(cache_resource, cache_data) -> PageCaches:
    """Return the page's cached functions, decorated with ``cache_resource`` and ``cache_data`` once per process.

    Parameters
    ----------
    cache_resource, cache_data
        ``st.cache_resource`` and ``st.cache_data``: shared objects, kept in one cache for the
        whole server (``cache_resource``), or copied to each caller (``cache_data``, for what a
        caller may change).
    """

    @cache_resource(show_spinner="Loading exercises and regions…", max_entries=4)
    def cached_prepared(data_dir: str, signature: tuple) -> Prepared:
        """Everything read and derived from the data files, once per version, shared read-only by every session.

        Then set the garbage collector for a long-lived server and move what is loaded out of its
        sight (:mod:`view.collector`): full collections no longer walk the data while sessions wait.
        """
        prepared = prepare(Path(data_dir))
        collector.tune_for_server()
        collector.freeze_loaded_data()
        return prepared

    @cache_resource(show_spinner=False)
    def published_land(static_dir: str, land_file: str) -> str | None:
        return layers.publish_static_assets(Path(static_dir), Path(land_file))

    @cache_resource(show_spinner=False)
    def published_towns(static_dir: str, data_dir: str) -> str | None:
        return layers.publish_towns(Path(static_dir), towns_file(Path(data_dir)))

    @cache_resource(show_spinner=False, max_entries=4)
    def published_outlines(static_dir: str, data_dir: str, signature: tuple) -> str | None:
        outlines = cached_prepared(data_dir, signature).geometries.outline_files()
        return layers.publish_outlines(Path(static_dir), outlines)

    @cache_resource(show_spinner=False, max_entries=4)
    def published_popups(static_dir: str, data_dir: str, signature: tuple) -> str | None:
        return layers.publish_popups(Path(static_dir), cached_prepared(data_dir, signature).popup_book.file())

    @cache_resource(show_spinner=False, max_entries=VIEWS_KEPT)
    def shared_scene(view: query.ViewState, data_dir: str, signature: tuple) -> Scene:
        """Resolve a view once for every session that shows it (shared read-only, like ``cached_prepared``)."""
        return scene_for(cached_prepared(data_dir, signature).dataset, view)

    @cache_resource(show_spinner=False, max_entries=VIEWS_KEPT)
    def shared_charts(view: query.ViewState, data_dir: str, signature: tuple) -> tuple:
        """Build a view's timeline and year counts once for every session that shows it (shared read-only).

        Returns the two specs with their rows (for the pictures), then the same with Arrow tables
        (:func:`layers.timeline.with_tables`, for the page). The timeline is None above
        ``MAX_TIMELINE_BARS`` exercises.
        """
        prepared = cached_prepared(data_dir, signature)
        shown = shared_scene(view, data_dir, signature).shown
        overview = follow.year_overview(prepared.dataset.exercises, view, prepared.catalog)["exercise_id"]
        timeline = timeline_spec(shown, selected=view.selected) if len(shown) <= MAX_TIMELINE_BARS else None
        counts = with_years_brush(cached_counts(data_dir, signature, tuple(overview)), view.years)
        return timeline, counts, with_tables(timeline), with_tables(counts)

    @cache_data(show_spinner=False, max_entries=64)
    def cached_counts(data_dir: str, signature: tuple, overview_ids: tuple) -> dict:
        """Count every year of the view once per set of exercises: a change of years only moves the brush."""
        exercises = cached_prepared(data_dir, signature).dataset.exercises
        return counts_overview_spec(exercises.loc[exercises["exercise_id"].isin(overview_ids)])

    @cache_data(show_spinner="Measuring…", max_entries=200)
    def cached_measures(wkb: bytes, label: str, budget_s: float, data_dir: str, signature: tuple) -> ShapeMeasures:
        countries = read_countries(schema.DATA_DIR / "countries.geojson")
        prepared = cached_prepared(data_dir, signature)
        return measure_shape_isolated(shapely.from_wkb(wkb), prepared.dataset.regions, countries, label=label,
                                      budget_s=budget_s, zones=prepared.zones)

    @cache_data(show_spinner="Reading your layer…", max_entries=8, ttl=3600)
    def cached_upload(name: str, data: bytes, max_bytes: int):
        """Read an uploaded layer once per file; a few recent ones kept for an hour, so uploads cannot fill memory."""
        return read_upload(name, data, max_bytes=max_bytes)

    return PageCaches(cached_prepared, published_land, published_outlines, published_towns, published_popups,
                      shared_scene, shared_charts, cached_measures, cached_upload)
