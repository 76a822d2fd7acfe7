"""Peak server memory and health-check latency while one visitor sends the worst allowed inputs.

``python -m bench.safety`` starts ``streamlit run app.py`` on the bundled data and, in headless
Chromium with the internet blocked, uploads each of :func:`bench.worst_inputs.write_worst_uploads`,
pastes each of :data:`bench.worst_inputs.WORST_NOTICES` and draws each of
:data:`bench.worst_inputs.WORST_DRAWINGS`. Throughout, a thread samples the resident memory of the
server and its child processes (the upload reader) every 50 ms and asks ``/_stcore/health`` every
250 ms. It prints, per input: how long until the app answered, peak memory, and the slowest
health answer. Targets (issue "Safe to host"): the server stays under 1 GB and answers its health
check within 2 s throughout. It asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from bench.server import APP, StreamlitServer
from bench.worst_inputs import WORST_DRAWINGS, WORST_NOTICES, fire_drawing_script, write_worst_uploads
from geodata.schema import DATA_DIR

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
UPLOAD_ANSWERS = {
    "bad-rows.csv": "more problems with this file",
    "compressible.zip": "more problems with this file",
    "wide.geojson": "wide.geojson, feature 1",
    "passwd.kml": "not a KML document",
}
"""Text the app shows once it has read each worst upload."""
MEMORY_TARGET_BYTES = 1024**3
HEALTH_TARGET_S = 2.0


class Watch:
    """Sample the server's memory and health-check latency in a background thread."""

    def __init__(self, server: StreamlitServer):
        self.server = server
        self.peak_rss = 0
        self.slowest_health = 0.0
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._memory, daemon=True),
                         threading.Thread(target=self._health, daemon=True)]
        for thread in self._threads:
            thread.start()

    def reset(self) -> None:
        """Start a new measurement from the memory in use now."""
        self.peak_rss, self.slowest_health = self.server.tree_rss(), 0.0

    def _memory(self) -> None:
        while not self._stop.is_set():
            self.peak_rss = max(self.peak_rss, self.server.tree_rss())
            self._stop.wait(0.05)

    def _health(self) -> None:
        while not self._stop.is_set():
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(f"{self.server.url}/_stcore/health", timeout=30) as response:
                    response.read()
            except OSError:
                pass
            self.slowest_health = max(self.slowest_health, time.perf_counter() - started)
            self._stop.wait(0.25)

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()
        for thread in self._threads:
            thread.join(5)


def _open(browser, server):
    from bench.browser import route_offline

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    route_offline(context, baseline=False)
    page = context.new_page()
    page.goto(server.url + "/")
    page.frame_locator(MAP_FRAME).locator("path.da-region").first.wait_for(timeout=60_000)
    return context, page


def _wait_for_answer(page, text: str, timeout_s: float = 120) -> None:
    page.get_by_text(text).first.wait_for(timeout=timeout_s * 1000)


def run(server: StreamlitServer, workdir: Path) -> list[tuple[str, str, float, int, float]]:
    """Send every worst input; return (kind, label, seconds to answer, peak bytes, slowest health s)."""
    from playwright.sync_api import sync_playwright

    uploads = write_worst_uploads(workdir)
    results = []
    watch = Watch(server)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for label, path in uploads.items():
            context, page = _open(browser, server)
            page.get_by_text("Your own layer").click()
            watch.reset()
            started = time.perf_counter()
            page.locator('input[type="file"]').set_input_files(str(path))
            _wait_for_answer(page, UPLOAD_ANSWERS[label])
            results.append(("upload", label, time.perf_counter() - started, watch.peak_rss, watch.slowest_health))
            context.close()
        for label, text in WORST_NOTICES.items():
            context, page = _open(browser, server)
            page.get_by_text("Notice text → area").click()
            box = page.get_by_label("Paste a navigational warning")
            watch.reset()
            started = time.perf_counter()
            box.fill(text)
            box.press("Control+Enter")
            _wait_for_answer(page, "Your shapes")
            results.append(("notice", label, time.perf_counter() - started, watch.peak_rss, watch.slowest_health))
            context.close()
        for label, latlngs in WORST_DRAWINGS.items():
            context, page = _open(browser, server)
            frame = page.locator(MAP_FRAME).element_handle().content_frame()
            watch.reset()
            started = time.perf_counter()
            frame.evaluate(fire_drawing_script(latlngs))
            # Measured under the map ("Drawn line"), or refused with the reason ("Drawn line has longitude…").
            page.get_by_text(re.compile(r"^Drawn line\b")).first.wait_for(timeout=120_000)
            results.append(("drawing", label, time.perf_counter() - started, watch.peak_rss, watch.slowest_health))
            context.close()
        browser.close()
    watch.stop()
    return results


def main(argv: list[str] | None = None) -> None:
    """Run the safety benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: the bundled data)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="drill-atlas-safety-") as folder:
        server = StreamlitServer(APP, args.data, Path(folder) / "streamlit.log")
        try:
            idle = server.tree_rss()
            results = run(server, Path(folder))
        finally:
            server.stop()
    print(f"Server memory before the first visitor: {idle / 2**20:,.0f} MB (server and its child processes)")
    print(f"{'input':<10} {'what':<28} {'answer s':>9} {'peak MB':>8} {'slowest health s':>17}  targets")
    for kind, label, seconds, peak, health in results:
        verdict = "met" if peak < MEMORY_TARGET_BYTES and health <= HEALTH_TARGET_S else "MISSED"
        print(f"{kind:<10} {label:<28} {seconds:>9.2f} {peak / 2**20:>8,.0f} {health:>17.2f}  {verdict}")
    print(f"Targets: peak under {MEMORY_TARGET_BYTES / 2**20:,.0f} MB; health answered within {HEALTH_TARGET_S:g} s.")


if __name__ == "__main__":
    main()
