"""Measure the dashboard on the bundled data and print the figures: ``python -m bench.run``.

Figures: time to load and validate the data; server time of a rerun after a filter change
(median and p95 over alternating filter changes, through Streamlit's AppTest); bytes of map
script/HTML sent to the browser per map; and, in headless Chromium against ``streamlit run``
(internet blocked), time from opening the page to the regions drawn and from a filter change
to the map updated. Nothing here is a test: it prints, it does not judge.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of ``values`` (``share`` in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def bench_load(data_dir: Path) -> dict:
    from geodata.loaders import load_dataset

    started = time.perf_counter()
    dataset = load_dataset(data_dir)
    return {
        "load_s": time.perf_counter() - started,
        "exercises": len(dataset.exercises),
        "regions": len(dataset.regions),
        "years": (int(dataset.exercises["start"].dt.year.min()), int(dataset.exercises["end"].dt.year.max())),
    }


def _map_payload(at) -> dict:
    (component,) = [c for c in at.get("component_instance") if c.proto.component_name == "streamlit_folium.st_folium"]
    return json.loads(component.proto.json_args)


def bench_reruns(data_dir: Path, years: tuple[int, int], reruns: int) -> dict:
    """Time AppTest reruns that each change the year filter (cache warm after the first run)."""
    from streamlit.testing.v1 import AppTest

    os.environ["DRILL_ATLAS_DATA_DIR"] = str(data_dir)
    os.environ["DRILL_ATLAS_TILES"] = "off"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    started = time.perf_counter()
    at.run()
    first = time.perf_counter() - started
    full = _map_payload(at)
    first_year, last_year = years
    ranges = [(first_year, last_year), (last_year, last_year), (max(first_year, last_year - 5), last_year)]
    times = []
    for index in range(reruns):
        at.slider(key="years").set_value(ranges[index % len(ranges)])
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    at.slider(key="years").set_value((last_year, last_year)).run()
    one_year = _map_payload(at)
    return {
        "first_run_s": first,
        "rerun_median_s": statistics.median(times),
        "rerun_p95_s": percentile(times, 0.95),
        "reruns": len(times),
        "map_bytes_all_years": len(full["script"]) + len(full["html"]) + len(full["header"]),
        "map_bytes_last_year": len(one_year["script"]) + len(one_year["html"]) + len(one_year["header"]),
    }


def bench_browser(data_dir: Path, repeats: int) -> dict:
    """Open the app in headless Chromium (internet blocked) and time drawing and redrawing."""
    from playwright.sync_api import expect, sync_playwright

    from geodata.filters import exercises_in_years, regions_for
    from geodata.loaders import load_dataset
    from tests.browser.conftest import EXTERNAL, AppServer

    dataset = load_dataset(data_dir)
    last_year = int(dataset.exercises["end"].dt.year.max())
    expected_all = len(regions_for(dataset.regions, dataset.exercises))
    expected_last = len(regions_for(dataset.regions, exercises_in_years(dataset.exercises, last_year, last_year)))
    log = Path(os.environ.get("TMPDIR", "/tmp")) / "drill-atlas-bench.log"
    server = AppServer(data_dir, log)
    loads, updates = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            for _ in range(repeats + 1):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                context.route(EXTERNAL, lambda route: route.abort())
                page = context.new_page()
                paths = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
                    "path.da-region"
                )
                started = time.perf_counter()
                page.goto(server.url)
                expect(paths).to_have_count(expected_all, timeout=60_000)
                loads.append(time.perf_counter() - started)
                start_thumb = page.get_by_role("slider", name=re.compile("start"))
                start_thumb.focus()
                started = time.perf_counter()
                start_thumb.press("End")
                expect(paths).to_have_count(expected_last, timeout=60_000)
                updates.append(time.perf_counter() - started)
                context.close()
            browser.close()
    finally:
        server.stop()
    loads, updates = loads[1:], updates[1:]
    return {
        "page_to_regions_drawn_median_s": statistics.median(loads),
        "filter_to_map_updated_median_s": statistics.median(updates),
        "browser_repeats": repeats,
    }


def main(argv: list[str] | None = None) -> None:
    """Run every benchmark and print one line per figure."""
    from geodata.schema import DATA_DIR

    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--reruns", type=int, default=30)
    parser.add_argument("--browser-repeats", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)

    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    results = bench_load(args.data_dir)
    results |= bench_reruns(args.data_dir, results["years"], args.reruns)
    if not args.no_browser:
        results |= bench_browser(args.data_dir, args.browser_repeats)
    for name, value in results.items():
        shown = f"{value:.3f}" if isinstance(value, float) else f"{value:,}" if isinstance(value, int) else value
        print(f"{name:34s} {shown}")


if __name__ == "__main__":
    main()
