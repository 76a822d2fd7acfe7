"""Measure Drill Atlas against a naive baseline and print the figures: ``python -m bench.run``.

For the bundled data and for synthetic layers of 100, 400, 1,000 and 10,000 polygons, both the
app (``app.py``) and the baseline (``bench/baseline_app.py``, the streamlit-folium example
pattern) are measured in the same run:

- server time of a rerun after a filter change (median and p95, each rerun a year range not
  shown before), through Streamlit's AppTest;
- bytes of map HTML and JavaScript sent to the browser (the map component's script, HTML and
  header);
- in headless Chromium against ``streamlit run`` (internet blocked): time from opening the page
  to every polygon drawn, time from a filter change to the map redrawn, reruns caused by one pan
  and one zoom, WebSocket bytes of one filter change, and the server's memory with 1 and 10
  open sessions.

Then the ratios baseline/app. For the app alone, in the same run (``bench/loadgen.py``, sessions
that speak Streamlit's WebSocket protocol without a browser): the server's memory per idle session
on every data set; on the bundled data the floor of a first paint (an empty page with an empty map,
``bench/floor_app.py``) beside the app's, and the server's capacity: sessions held at a rerun p95
of 300 ms on one server and on two replicas behind nginx, with the server's CPU per rerun, beside
the floor of a rerun (a slider and the map it moves, ``bench/capacity_floor_app.py``: the most any
app of this stack holds here); page to polygons on a throttled phone with the bytes it fetched
(``bench/phone.py``), and the outlines' distance to the coast at zoom 10 (``bench/coast.py``).
Nothing here is a test: it prints, it does not judge. ``--quick`` runs the bundled data and 100
polygons only; ``--no-browser`` skips Chromium, ``--no-phone`` the phone, ``--no-load`` the load
generator. ``python -m bench.phone`` and ``python -m bench.coast`` run those two alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from bench.server import APP, BASELINE_APP, machine_lock

SIZES = (100, 400, 1000, 10000)
QUICK_SIZES = (100,)
TARGETS = (
    "full data: rerun median <= 0.100 s and new map in the page <= 1 s",
    "400 polygons: rerun >= 20x faster than the baseline",
    "10,000 polygons: rerun median <= 2 s and map payload <= 10 MB",
    "pan and zoom: 0 reruns",
)
FLOOR_RATIO_TARGET = 1.25
"""Issue 17: first paint on the bundled data at most 1.25x the floor."""
SESSIONS_TARGET = 100
"""Issue 17: sessions one server of 2 cores holds, each changing a filter every 5 s, at a rerun p95 <= 300 ms."""
REPLICAS_TARGET = 1.8
"""Issue 17: two replicas hold at least 1.8x the sessions of one."""
MB_PER_SESSION_TARGETS = {"bundled": 2.0, "10,000 polygons": 10.0}
"""Issue 17: server memory per added session."""


def machine() -> dict[str, str]:
    """Describe this machine: cores, memory, Python, Chromium and the pinned libraries."""
    memory = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kib / 2**20:.1f} GiB"
    try:
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                  timeout=30).stdout.strip()
    except OSError:
        chromium = "not installed"
    return {
        "date": dt.date.today().isoformat(),
        "system": platform.platform(),
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": platform.python_version(),
        "chromium": chromium or "?",
        "libraries": ", ".join(f"{name} {version(name)}" for name in
                               ("streamlit", "streamlit-folium", "folium", "geopandas", "shapely")),
    }


def datasets(sizes: tuple[int, ...], bundled: bool, workdir: Path) -> list[tuple[str, Path]]:
    """Return the data folders to measure: the bundled one, then a synthetic one per size."""
    from bench.synthetic import write_synthetic_data
    from geodata.schema import DATA_DIR

    found = [("bundled", DATA_DIR)] if bundled else []
    for size in sizes:
        found.append((f"{size:,} polygons", write_synthetic_data(workdir / f"synthetic-{size}", size)))
    return found


def expected_polygons(data_dir: Path) -> tuple[int, int, int]:
    """Count regions in the data, regions drawn for all years, and for the last year only."""
    from geodata.filters import exercises_in_years, regions_for
    from geodata.loaders import load_dataset

    dataset = load_dataset(data_dir)
    last = int(dataset.exercises["end"].dt.year.max())
    one_year = exercises_in_years(dataset.exercises, last, last)
    return (len(dataset.regions), len(regions_for(dataset.regions, dataset.exercises)),
            len(regions_for(dataset.regions, one_year)))


def measure(script: Path, data_dir: Path, args: argparse.Namespace, baseline: bool, log: Path) -> dict:
    """Measure every figure of one script on one data folder."""
    from bench.server_time import rerun_figures

    try:
        with machine_lock(args.lock):
            figures = rerun_figures(script, data_dir, args.reruns, args.rerun_budget)
    except RuntimeError as error:  # the script failed on this data: say so, measure the rest
        return {"failed": str(error).splitlines()[0][:160]}
    if not args.no_browser:
        from bench.browser import browser_figures
        from bench.server import StreamlitServer

        _, drawn_all, drawn_last = expected_polygons(data_dir)
        with machine_lock(args.lock):
            server = StreamlitServer(script, data_dir, log)
            try:
                figures |= browser_figures(server, baseline=baseline, expected_all=drawn_all,
                                           expected_last=drawn_last, repeats=args.browser_repeats,
                                           sessions=args.sessions)
            except TimeoutError as error:
                figures["browser_failed"] = str(error)
            finally:
                server.stop()
        if "Traceback" in server.log():
            figures["server_log"] = "Traceback in the server log: see " + str(log)
    if not baseline and not args.no_load:
        from bench.loadgen import idle_memory_of

        with machine_lock(args.lock):
            memory = idle_memory_of(data_dir, log.parent, args.idle_sessions)
        figures |= {"mb_per_idle_session": memory["mb_per_idle_session"],
                    "first_run_ws_mb": memory["first_run_ws_mb"]}
    return figures


def held_step(result: dict) -> dict:
    """Return the step of a capacity result at the sessions it held, or its first step if it held none."""
    return next((s for s in result["steps"] if s["sessions"] == result["sessions_held"]), result["steps"][0])


def issue17_figures(data_dir: Path, args: argparse.Namespace, workdir: Path) -> dict:
    """Measure the floor of a first paint, the phone, the coast and the server's capacity, on one data folder.

    The app's first paint and the floor's are timed in one browser, their loads interleaved; then
    both on a throttled phone (:mod:`bench.phone`), straight and through nginx; the coast fidelity of
    the outlines at zoom 10 (:mod:`bench.coast`) needs no browser.
    """
    figures: dict = {}
    if not args.no_browser:
        from bench.browser import APP_POLYGONS, FLOOR_MAP, first_paints
        from bench.server import APP, FLOOR_APP, StreamlitServer

        with machine_lock(args.lock):
            app_server = StreamlitServer(APP, data_dir, workdir / "first-paint.log")
            floor = StreamlitServer(FLOOR_APP, data_dir, workdir / "floor.log")
            try:
                ours, empty = first_paints([(app_server, APP_POLYGONS, expected_polygons(data_dir)[1]),
                                            (floor, FLOOR_MAP, 1)], repeats=args.first_paint_repeats)
                figures |= {"first_paint_s": ours.in_page_s, "floor_page_to_map_s": empty.in_page_s,
                            "first_paint_vs_floor": ours.in_page_s / empty.in_page_s,
                            "first_paint_polled_s": ours.polled_s, "floor_page_to_map_polled_s": empty.polled_s,
                            "first_paint_polled_vs_floor": ours.polled_s / empty.polled_s}
            except TimeoutError as error:
                figures["first_paint_failed"] = str(error)
            finally:
                app_server.stop()
                floor.stop()
    if not args.no_browser and not args.no_phone:
        from bench.phone import measure_phone

        with machine_lock(args.lock):
            figures |= measure_phone(data_dir, workdir, expected=expected_polygons(data_dir)[1],
                                     repeats=args.phone_repeats, log=lambda line: print(line, flush=True))
    try:
        from bench.coast import coast_fidelity

        figures |= coast_fidelity(data_dir)
    except Exception as error:  # noqa: BLE001 - world-atlas not installable offline, a data set without seas: say so
        figures["coast_failed"] = repr(error).splitlines()[0][:160]
    if not args.no_load:
        from bench.loadgen import TARGET_BUDGET_S, TARGET_LEVELS, server_capacity

        for pinned in (False, True):
            for replicas in (1, 2):
                tag = f"{replicas}_pinned" if pinned else f"{replicas}"
                print(f"capacity, {replicas} replica(s){', each pinned to a core' if pinned else ''}:", flush=True)
                try:
                    with machine_lock(args.lock):
                        result = server_capacity(data_dir, workdir, replicas, pinned=pinned,
                                                 window_s=args.load_window, levels=TARGET_LEVELS,
                                                 budget_s=TARGET_BUDGET_S, log=lambda line: print(line, flush=True))
                except Exception as error:  # noqa: BLE001 - nginx missing, a server that failed: say so, go on
                    figures[f"capacity_{tag}_failed"] = repr(error).splitlines()[0][:160]
                    continue
                held = held_step(result)
                figures[f"sessions_held_{tag}"] = result["sessions_held"]
                figures[f"rerun_p95_at_held_{tag}_s"] = held["rerun_p95_s"]
                figures[f"sessions_held_p95_1s_{tag}"] = result["sessions_held_at_stop_p95"]
                figures[f"capacity_budget_spent_{tag}"] = result["budget_spent"]
                figures[f"most_reruns_per_s_{tag}"] = max(s["reruns_per_s"] for s in result["steps"])
                figures[f"server_cpu_ms_per_rerun_{tag}"] = held["server_cpu_ms_per_rerun"]
                figures[f"generator_cpu_cores_{tag}"] = max(s["generator_cpu_cores"] for s in result["steps"])
        from bench.machine import two_process_speedup

        with machine_lock(args.lock):
            figures |= two_process_speedup()
        print("capacity, the floor of a rerun (a slider and the map it moves), 1 server:", flush=True)
        try:
            with machine_lock(args.lock):
                result = server_capacity(data_dir, workdir, 1, floor=True, window_s=args.load_window,
                                         levels=TARGET_LEVELS, budget_s=TARGET_BUDGET_S,
                                         log=lambda line: print(line, flush=True))
            figures["floor_sessions_held_1"] = result["sessions_held"]
            figures["floor_sessions_held_p95_1s_1"] = result["sessions_held_at_stop_p95"]
            figures["floor_server_cpu_ms_per_rerun_1"] = held_step(result)["server_cpu_ms_per_rerun"]
        except Exception as error:  # noqa: BLE001 - a server that failed: say so, go on
            figures["capacity_floor_failed"] = repr(error).splitlines()[0][:160]
        for pinned in ("", "_pinned"):
            for name in ("sessions_held", "sessions_held_p95_1s"):
                if figures.get(f"{name}_1{pinned}") and f"{name}_2{pinned}" in figures:
                    limit = name.removeprefix("sessions_held").strip("_") or "p95_300ms"
                    two, one = figures[f"{name}_2{pinned}"], figures[f"{name}_1{pinned}"]
                    figures[f"replicas_ratio{pinned}_{limit}"] = two / one
    return figures


MAP_BYTES_TARGET = 300_000
"""Issue 17: the first map, all years, bundled data."""
MAP_BYTES_ONE_YEAR_TARGET = 100_000
"""Issue 17: the map of ``?years=2024``."""


def _row(name: str, measured: float, shown: str, target: float, target_shown: str, at_most: bool = True) -> tuple:
    """One target row: the ratio measured/target and whether the target is met."""
    ratio = measured / target if target else float("nan")
    return (name, shown, target_shown, f"{ratio:.2f}", ratio <= 1 if at_most else ratio >= 1)


Row = tuple[str, str, str, str, "bool | None"]
"""A target row: figure, measured, target, measured/target, met (None: no target)."""


def target_rows(results: list[tuple[str, dict, dict | None]], extra: dict) -> list[Row]:
    """Return issue 17's figures as rows ``(figure, measured, target, measured/target, met)``; None: no target."""
    from bench.coast import COAST_TARGET_M
    from bench.phone import LANDING_MAP_TARGET_BYTES, PHONE_TARGET_S, WAYS
    from bench.server_time import TARGET_YEAR

    rows: list[Row] = []
    bundled = next((app for label, app, _ in results if label == "bundled"), {})
    if "map_bytes" in bundled:
        size = bundled["map_bytes"]
        rows.append(_row("first map, all years (bundled)", size, f"{size / 1000:,.0f} KB", MAP_BYTES_TARGET,
                         f"<= {MAP_BYTES_TARGET // 1000} KB"))
    if f"map_bytes_{TARGET_YEAR}" in bundled:
        size = bundled[f"map_bytes_{TARGET_YEAR}"]
        rows.append(_row(f"first map, ?years={TARGET_YEAR}", size, f"{size / 1000:,.0f} KB",
                         MAP_BYTES_ONE_YEAR_TARGET, f"<= {MAP_BYTES_ONE_YEAR_TARGET // 1000} KB"))
    for suffix, how in WAYS:
        if f"phone_app{suffix}_landing_map_bytes" in extra:
            size = extra[f"phone_app{suffix}_landing_map_bytes"]
            rows.append(_row(f"landing map, backdrop incl. ({how})", size, f"{size / 1000:,.0f} KB",
                             LANDING_MAP_TARGET_BYTES, f"<= {LANDING_MAP_TARGET_BYTES // 1000} KB"))
    if "coast_hausdorff_max_m" in extra:
        rows.append(_row(f"coast at zoom 10, worst: {extra['coast_worst_region']}", extra["coast_hausdorff_max_m"],
                         f"{extra['coast_hausdorff_max_m']:,.0f} m", COAST_TARGET_M, f"<= {COAST_TARGET_M:.0f} m"))
        rows.append((f"coast at zoom 10, outline -> coast only, worst: {extra['coast_outline_to_coast_worst_region']}",
                     f"{extra['coast_outline_to_coast_max_m']:,.0f} m", "", "", None))
    if "first_paint_vs_floor" in extra:
        rows.append(_row("first paint / floor (bundled)", extra["first_paint_vs_floor"],
                         f"{extra['first_paint_s']:.2f} / {extra['floor_page_to_map_s']:.2f} s = "
                         f"{extra['first_paint_vs_floor']:.2f}x", FLOOR_RATIO_TARGET, f"<= {FLOOR_RATIO_TARGET}x"))
    if "first_paint_polled_vs_floor" in extra:
        rows.append(("first paint / floor, as Playwright polls it", f"{extra['first_paint_polled_s']:.2f} / "
                     f"{extra['floor_page_to_map_polled_s']:.2f} s = {extra['first_paint_polled_vs_floor']:.2f}x",
                     "", "", None))
    for suffix, how in WAYS:
        if f"phone_app{suffix}_s" in extra:
            rows.append(_row(f"phone 4x CPU 1.6 Mbps ({how})", extra[f"phone_app{suffix}_s"],
                             f"{extra[f'phone_app{suffix}_s']:.1f} s", PHONE_TARGET_S, f"<= {PHONE_TARGET_S:.0f} s"))
        if f"phone_floor{suffix}_s" in extra:
            rows.append((f"phone, the floor ({how})", f"{extra[f'phone_floor{suffix}_s']:.1f} s", "", "", None))
        if f"phone_bare{suffix}_s" in extra:
            rows.append((f"phone, a bare Streamlit page: one line, no map ({how})",
                         f"{extra[f'phone_bare{suffix}_s']:.1f} s", "", "", None))
    if "sessions_held_1" in extra:
        held = extra["sessions_held_1"]
        shown = f"{held} (time budget spent)" if extra.get("capacity_budget_spent_1") else f"{held}"
        rows.append(_row("sessions held, 1 server, p95 <= 0.3 s", held, shown, SESSIONS_TARGET,
                         f">= {SESSIONS_TARGET}", at_most=False))
        rows.append(("server CPU per rerun (1 server)", f"{extra['server_cpu_ms_per_rerun_1']:.0f} ms", "", "", None))
    if "floor_sessions_held_1" in extra:
        rows.append(("  the floor: a slider and its map, 1 server", f"{extra['floor_sessions_held_1']}", "", "", None))
        rows.append(("  the floor's server CPU per rerun", f"{extra['floor_server_cpu_ms_per_rerun_1']:.0f} ms", "",
                     "", None))
    if "sessions_held_2" in extra:
        spent = " (time budget spent)" if extra.get("capacity_budget_spent_2") else ""
        rows.append(("sessions held, 2 replicas + nginx", f"{extra['sessions_held_2']}{spent}", "", "", None))
    if "replicas_ratio_p95_300ms" in extra:
        rows.append(_row("2 replicas / 1 server", extra["replicas_ratio_p95_300ms"],
                         f"{extra['replicas_ratio_p95_300ms']:.2f}x", REPLICAS_TARGET, f">= {REPLICAS_TARGET}x",
                         at_most=False))
    if "machine_two_process_speedup" in extra:
        speedup = extra["machine_two_process_speedup"]
        rows.append(("  the machine: 2 busy processes / 1 (bench.machine)", f"{speedup:.2f}x", "", "", None))
        if "replicas_ratio_p95_300ms" in extra:
            rows.append(("  2 replicas / 1 server, of what the machine gives 2 processes",
                         f"{extra['replicas_ratio_p95_300ms'] / speedup:.0%}", "", "", None))
    if "sessions_held_1_pinned" in extra:
        held = extra["sessions_held_1_pinned"]
        spent = " (time budget spent)" if extra.get("capacity_budget_spent_1_pinned") else ""
        rows.append(_row("sessions held, 1 server pinned to a core, p95 <= 0.3 s", held, f"{held}{spent}",
                         SESSIONS_TARGET, f">= {SESSIONS_TARGET}", at_most=False))
    if "sessions_held_2_pinned" in extra:
        spent = " (time budget spent)" if extra.get("capacity_budget_spent_2_pinned") else ""
        rows.append(("sessions held, 2 replicas + nginx, a core each", f"{extra['sessions_held_2_pinned']}{spent}",
                     "", "", None))
    if "replicas_ratio_pinned_p95_300ms" in extra:
        rows.append(_row("2 replicas / 1 server, each pinned to a core", extra["replicas_ratio_pinned_p95_300ms"],
                         f"{extra['replicas_ratio_pinned_p95_300ms']:.2f}x", REPLICAS_TARGET,
                         f">= {REPLICAS_TARGET}x", at_most=False))
    for replicas in (1, 2):
        if f"sessions_held_p95_1s_{replicas}" in extra:
            rows.append((f"sessions held at p95 <= 1 s, {replicas} replica(s)",
                         f"{extra[f'sessions_held_p95_1s_{replicas}']}", "", "", None))
    if "floor_sessions_held_p95_1s_1" in extra:
        rows.append(("  the floor at p95 <= 1 s, 1 server", f"{extra['floor_sessions_held_p95_1s_1']}", "", "", None))
    if "replicas_ratio_p95_1s" in extra:
        rows.append(_row("2 replicas / 1 server, p95 <= 1 s", extra["replicas_ratio_p95_1s"],
                         f"{extra['replicas_ratio_p95_1s']:.2f}x", REPLICAS_TARGET, f">= {REPLICAS_TARGET}x",
                         at_most=False))
    for label, app, _ in results:
        if "mb_per_idle_session" in app:
            target = MB_PER_SESSION_TARGETS.get(label)
            if target:
                rows.append(_row(f"MB per idle session ({label})", app["mb_per_idle_session"],
                                 f"{app['mb_per_idle_session']:.1f}", target, f"<= {target}"))
            else:
                rows.append((f"MB per idle session ({label})", f"{app['mb_per_idle_session']:.1f}", "", "", None))
    return rows


def format_targets(rows: list[Row]) -> str:
    """Return the target rows as a fixed-width table: figure, measured, target, measured/target, met."""
    width = max([40, *(len(row[0]) for row in rows)])
    lines = [f"{'figure':{width}s} {'measured':>22s} {'target':>10s} {'ratio':>6s}  met"]
    for name, value, target, ratio, met in rows:
        lines.append(f"{name:{width}s} {value:>22s} {target:>10s} {ratio:>6s}  "
                     f"{'' if met is None else ('yes' if met else 'NO')}")
    return "\n".join(lines)


def print_targets(results: list[tuple[str, dict, dict | None]], extra: dict) -> None:
    """Print issue 17's figures beside their targets and the ratio measured/target, then the phone's bytes."""
    rows = target_rows(results, extra)
    if not rows:
        return
    print("\n== issue 17: bytes, coast, first paint, phone, capacity, memory per session")
    print(format_targets(rows))
    from bench.phone import WAYS, format_breakdown

    for name in (f"{page}{suffix}" for page in ("app", "floor", "bare") for suffix, _ in WAYS):
        if f"phone_{name}_bytes_before_first" in extra:
            what = "its line of text" if name.startswith("bare") else "the first polygon"
            print(f"phone {name}, KB before {what}: "
                  f"{format_breakdown(extra[f'phone_{name}_bytes_before_first'])}")
            if extra.get(f"phone_{name}_largest_before_first"):
                print("  largest: " + ", ".join(f"{path} {size / 1000:,.0f}"
                                                for path, size in extra[f"phone_{name}_largest_before_first"]))


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _ratio(name: str, app: object, base: object) -> str:
    if not isinstance(app, (int, float)) or not isinstance(base, (int, float)) or name.startswith("rss_"):
        return ""
    if name == "pan_zoom_reruns":
        return "app 0" if app == 0 else ""
    return f"{base / app:,.1f}x" if app else ""


def print_block(label: str, regions: tuple[int, int, int], app: dict, base: dict | None) -> None:
    """Print one dataset: a line per figure, app beside baseline and the ratio baseline/app."""
    print(f"\n== {label}: {regions[0]:,} regions, {regions[1]:,} drawn for all years, {regions[2]:,} for the last year")
    print(f"{'figure':28s} {'app':>14s} {'baseline':>14s} {'baseline/app':>13s}")
    for name in dict.fromkeys([*app, *(base or {})]):
        value, other = app.get(name, ""), (base.get(name, "") if base else "not run")
        print(f"{name:28s} {_shown(value):>14s} {_shown(other):>14s} {_ratio(name, value, other) if base else '':>13s}")


def markdown_table(results: list[tuple[str, dict, dict | None]]) -> str:
    """Return the headline figures of every dataset as one Markdown table (for bench/README.md)."""
    head = ("| data | rerun median app / baseline (s) | ratio | rerun p95 app / baseline (s) | map bytes app / "
            "baseline | page to polygons app / baseline (s) | filter to map app / baseline (s) | pan+zoom reruns "
            "app / baseline | MB per session app / baseline |")
    lines = [head, "|" + " --- |" * 9]

    def pair(name: str, app: dict, base: dict | None, digits: int = 3) -> str:
        def one(figures: dict | None) -> str:
            value = (figures or {}).get(name)
            if value is None:
                return "–"
            return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"
        return f"{one(app)} / {one(base)}"

    for label, app, base in results:
        both = base and "rerun_median_s" in base and "rerun_median_s" in app
        ratio = f"{base['rerun_median_s'] / app['rerun_median_s']:,.1f}x" if both else "–"
        lines.append(
            f"| {label} | {pair('rerun_median_s', app, base)} | {ratio} | {pair('rerun_p95_s', app, base)} | "
            f"{pair('map_bytes', app, base)} | {pair('page_to_polygons_s', app, base, 2)} | "
            f"{pair('filter_to_map_s', app, base, 2)} | {pair('pan_zoom_reruns', app, base)} | "
            f"{pair('mb_per_session', app, base, 1)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run every benchmark and print the figures, the ratios and a Markdown summary."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="synthetic layer sizes, comma-separated (default %(default)s; '' for none)")
    parser.add_argument("--no-bundled", action="store_true", help="skip the bundled data")
    parser.add_argument("--reruns", type=int, default=20, help="reruns timed per app and data (default 20)")
    parser.add_argument("--rerun-budget", type=float, default=120,
                        help="seconds of reruns per app and data before stopping early (at least 5 are timed)")
    parser.add_argument("--browser-repeats", type=int, default=3, help="page loads timed (default 3)")
    parser.add_argument("--first-paint-repeats", type=int, default=10,
                        help="loads of the app and of the floor, in turn, for first paint against the floor "
                             "(default 10: three gave 1.23x and 1.30x on the same page, either side of 1.25x)")
    parser.add_argument("--sessions", type=int, default=10, help="open sessions for the memory figure (default 10)")
    parser.add_argument("--baseline-max", type=int, default=1000,
                        help="largest synthetic size the baseline runs on (default 1000: it needs minutes above)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-browser", action="store_true", help="server-side figures only")
    parser.add_argument("--no-phone", action="store_true", help="skip the throttled phone loads")
    parser.add_argument("--phone-repeats", type=int, default=1,
                        help="page loads per page on the throttled phone (default 1: about 30 s each)")
    parser.add_argument("--no-load", action="store_true",
                        help="skip the load generator (capacity and memory per idle session)")
    parser.add_argument("--idle-sessions", type=int, default=11,
                        help="idle sessions for the memory figure of the load generator (default 11)")
    parser.add_argument("--load-window", type=float, default=15.0, help="seconds measured per capacity step")
    parser.add_argument("--quick", action="store_true",
                        help="bundled data and 100 polygons, 1 page load, 3 sessions (about two minutes)")
    parser.add_argument("--lock", metavar="PATH",
                        help="hold an flock on PATH (/tmp/browser.lock) during each measurement")
    parser.add_argument("--markdown", type=Path, help="also write the summary table to this file")
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    if args.quick:
        sizes, args.browser_repeats, args.first_paint_repeats, args.sessions = QUICK_SIZES, 1, 1, 3

    about = machine()
    print("Drill Atlas benchmark · " + " · ".join(f"{k}: {v}" for k, v in about.items()))
    print("command: python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:]))
    results, extra = [], {}
    with tempfile.TemporaryDirectory(prefix="drill-atlas-bench-") as folder:
        workdir = Path(folder)
        for label, data_dir in datasets(sizes, not args.no_bundled, workdir):
            regions = expected_polygons(data_dir)
            app = measure(APP, data_dir, args, baseline=False, log=workdir / "app.log")
            run_baseline = not args.no_baseline and (label == "bundled" or regions[0] <= args.baseline_max)
            base = measure(BASELINE_APP, data_dir, args, baseline=True, log=workdir / "baseline.log") \
                if run_baseline else None
            print_block(label, regions, app, base)
            results.append((label, app, base))
            if label == "bundled":
                extra = issue17_figures(data_dir, args, workdir)
                for name, value in extra.items():
                    if not isinstance(value, dict):
                        print(f"{name:36s} {_shown(value):>14s}")
    print_targets(results, extra)
    table = markdown_table(results)
    print("\nTargets: " + "; ".join(TARGETS))
    print("\n" + table)
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
