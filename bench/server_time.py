"""Server time of reruns and bytes of the map, through Streamlit's AppTest (no browser).

AppTest runs the script in this process exactly as the server would, minus the WebSocket, so
the time of ``at.run()`` after a widget change is the server's time for that rerun.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from view import after_map

MAP_COMPONENT = "streamlit_folium.st_folium"
TARGET_YEAR = 2024
"""Issue 17 sets a target for the map of one year, `?years=2024` (at most 100 KB)."""


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of ``values`` (``share`` in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def year_ranges(first: int, last: int, count: int, seed: int = 6) -> list[tuple[int, int]]:
    """Distinct year ranges inside ``first..last``, in a fixed shuffled order, never the full range.

    Each rerun of the benchmark then shows a view that no earlier rerun showed, so nothing is
    served from a cache keyed on the view; the full range is the starting view.
    """
    ranges = [(a, b) for a in range(first, last + 1) for b in range(a, last + 1) if (a, b) != (first, last)]
    random.Random(seed).shuffle(ranges)
    return ranges[:count] if len(ranges) >= count else (ranges * (count // max(len(ranges), 1) + 1))[:count]


def map_args(at) -> dict:
    """Return the arguments the map component sends to the browser (``script``, ``html``, ``header`` …)."""
    components = [c for c in at.get("component_instance") if c.proto.component_name == MAP_COMPONENT]
    return json.loads(components[0].proto.json_args)


def map_bytes(at) -> int:
    """Count the bytes of map HTML and JavaScript in the map component: its script, HTML and header."""
    args = map_args(at)
    return sum(len(args[part].encode()) for part in ("script", "html", "header"))


def rerun_figures(script: Path, data_dir: Path, reruns: int, budget_s: float) -> dict:
    """Time reruns of ``script`` that each change the year filter to a range not shown before.

    Parameters
    ----------
    script : pathlib.Path
        ``app.py`` or ``bench/baseline_app.py``.
    data_dir : pathlib.Path
        Passed to the script as ``DRILL_ATLAS_DATA_DIR``.
    reruns : int
        Reruns to time (at least this many, unless ``budget_s`` runs out first).
    budget_s : float
        Stop after this many seconds of reruns once at least 5 are timed: the baseline takes
        tens of seconds per rerun on the largest layers.

    Returns
    -------
    dict
        ``first_run_s`` (cold: loading included), ``rerun_median_s``, ``rerun_p95_s``,
        ``reruns`` (how many were timed), ``map_bytes`` (all years), ``map_bytes_one_year`` (the last
        year) and ``map_bytes_2024`` (:data:`TARGET_YEAR`, where the data spans it).
    """
    import streamlit as st
    from streamlit import logger
    from streamlit.testing.v1 import AppTest

    logger.set_log_level("error")  # caches cleared outside a server warn on every call

    os.environ["DRILL_ATLAS_DATA_DIR"] = str(data_dir)
    os.environ["DRILL_ATLAS_TILES"] = "off"
    os.environ.setdefault("DRILL_ATLAS_STATIC_DIR", tempfile.mkdtemp(prefix="drill-atlas-static-"))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(script), default_timeout=1800)
    at.session_state[after_map.READY] = True  # as once a page's map has drawn: its reruns build the charts
    started = time.perf_counter()
    at.run()
    first_run = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"{script.name} failed on {data_dir}: {at.exception[0].message}")
    full_bytes = map_bytes(at)
    first, last = at.slider(key="years").value
    times: list[float] = []
    deadline = time.monotonic() + budget_s
    for years in year_ranges(first, last, reruns):
        at.slider(key="years").set_value(years)
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        if len(times) >= 5 and time.monotonic() > deadline:
            break
    at.slider(key="years").set_value((last, last)).run()
    one_year_bytes = map_bytes(at)
    target_year = {}
    if first <= TARGET_YEAR <= last:  # issue 17's figure is for ?years=2024
        at.slider(key="years").set_value((TARGET_YEAR, TARGET_YEAR)).run()
        target_year = {f"map_bytes_{TARGET_YEAR}": map_bytes(at)}
    st.cache_data.clear()
    st.cache_resource.clear()
    return {
        "first_run_s": first_run,
        "rerun_median_s": statistics.median(times),
        "rerun_p95_s": percentile(times, 0.95),
        "reruns": len(times),
        "map_bytes": full_bytes,
        "map_bytes_one_year": one_year_bytes,
        **target_year,
    }
