"""Browser-side figures in headless Chromium against ``streamlit run``, with the internet blocked.

- time from opening the page to every polygon drawn, and from a filter change to the map redrawn;
- reruns caused by one pan and one zoom of the map, once the page has had its own rerun for its
  charts (:mod:`view.after_map`: sent when the map has drawn; at 10,000 polygons it could come
  late enough to be counted as the pan's);
- bytes the server sends over the WebSocket for one filter change;
- the server's resident memory with 1 and with 10 open sessions.

Reruns are counted from the page's own WebSocket traffic. Every rerun the page asks for is a
``BackMsg`` whose ``rerun_script`` field is set, and every script run ends with a ``ForwardMsg``
``script_finished``; both are decoded with Streamlit's own protobuf classes, so nothing is added
to the app and no log format is relied on.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from view.after_map import WAITING_NOTE

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OFFLINE_ARGS = ["--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost"]
"""Chromium arguments that send every request but this machine's to a proxy that is not there: none leaves.

For loads that need the browser's HTTP cache (:mod:`bench.phone`). Playwright's routing
(:func:`route_offline`) pauses every request for its driver and turns that cache off, so a file
the page fetched ahead for the map's frame (:func:`deploy.frontend.page_hints`) would be fetched
again, as no phone does.
"""

MAP_FRAME_TITLE = "streamlit_folium.st_folium"
MAP_FRAME = f'iframe[title="{MAP_FRAME_TITLE}"]'
APP_POLYGONS = "path.da-region"
BASELINE_POLYGONS = "path.leaflet-interactive"
LOCAL = re.compile(r"^https?://(127\.0\.0\.1|localhost)[:/]")
LEAFLET_CDN = re.compile(r"^https://cdn\.jsdelivr\.net/npm/leaflet@[\d.]+/dist/(?P<path>[\w./-]+)$")
FOLIUM_CDNS = ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com", "netdna.bootstrapcdn.com")
QUIET_S = 2.5
"""How long the page must stay silent after a pan or zoom before the reruns are counted."""


def back_message(payload: bytes | str) -> str | None:
    """Name of the field set in a BackMsg frame the page sent (``rerun_script`` …), or None."""
    if isinstance(payload, str):
        return None
    message = BackMsg()
    message.ParseFromString(payload)
    return message.WhichOneof("type")


def forward_message(payload: bytes | str) -> str | None:
    """Name of the field set in a ForwardMsg frame the server sent (``delta``, ``script_finished`` …)."""
    if isinstance(payload, str):
        return None
    message = ForwardMsg()
    message.ParseFromString(payload)
    return message.WhichOneof("type")


@dataclass
class StreamTraffic:
    """What went over one page's ``/_stcore/stream`` WebSocket(s): reruns asked, runs finished, bytes."""

    reruns_requested: int = 0
    scripts_finished: int = 0
    bytes_received: int = 0
    rerun_started: list[float] = field(default_factory=list)
    rerun_times: list[float] = field(default_factory=list)

    def sent(self, payload: bytes | str) -> None:
        """Record a frame the page sent."""
        if back_message(payload) == "rerun_script":
            self.reruns_requested += 1
            self.rerun_started.append(time.perf_counter())

    def received(self, payload: bytes | str) -> None:
        """Record a frame the server sent; a finished run after a requested one gives a rerun time."""
        self.bytes_received += len(payload)
        if forward_message(payload) == "script_finished":
            self.scripts_finished += 1
            if self.rerun_started:
                self.rerun_times.append(time.perf_counter() - self.rerun_started.pop(0))

    def watch(self, websocket) -> None:
        """Listen to a Playwright WebSocket (sync or async API)."""
        if "_stcore/stream" in websocket.url:
            websocket.on("framesent", self.sent)
            websocket.on("framereceived", self.received)

    def reset(self) -> None:
        """Forget everything counted so far."""
        self.reruns_requested = self.scripts_finished = self.bytes_received = 0
        self.rerun_started.clear()
        self.rerun_times.clear()


def route_offline(context, baseline: bool) -> None:
    """Abort every request that leaves the machine; for the baseline, serve folium's CDN files locally.

    The baseline loads Leaflet, jQuery, Bootstrap and icon fonts from public CDNs, as folium does
    by default. Leaflet is answered from the XStatic-Leaflet copy the app serves (the same
    release), the other files with an empty body: nothing the baseline draws needs them.
    """
    leaflet_dir = Path(xstatic_leaflet.BASE_DIR)

    def handle(route):
        url = route.request.url
        match = LEAFLET_CDN.match(url)
        if baseline and match and (leaflet_dir / match["path"]).is_file():
            route.fulfill(path=str(leaflet_dir / match["path"]))
        elif baseline and any(f"//{host}/" in url for host in FOLIUM_CDNS):
            kind = "text/css" if url.endswith(".css") else "application/javascript"
            route.fulfill(status=200, body="", headers={"Content-Type": kind})
        else:
            route.abort("internetdisconnected")

    context.route(re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])[a-z]+:"), handle)


def _polygons(page, selector: str):
    return page.frame_locator(MAP_FRAME).locator(selector)


def wait_count(page, selector: str, count: int, timeout_s: float) -> None:
    """Wait until the map frame holds exactly ``count`` polygons (polling, 50 ms)."""
    locator = _polygons(page, selector)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if locator.count() == count:
                return
        except Exception:  # noqa: BLE001 - the frame is being replaced while the map rerenders
            pass
        page.wait_for_timeout(50)  # not time.sleep: route handlers and events run only inside Playwright calls
    raise TimeoutError(f"the map did not show {count} polygons ({selector}) within {timeout_s:.0f} s")


def _new_page(browser, baseline: bool, traffic: StreamTraffic | None = None):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    route_offline(context, baseline)
    page = context.new_page()
    if traffic is not None:
        page.on("websocket", traffic.watch)
    return context, page


def _pan_and_zoom(page) -> None:
    """Drag the map by 150 px, then zoom in one step with the mouse wheel."""
    box = page.locator(MAP_FRAME).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 150, y - 60, steps=8)
    page.mouse.up()
    page.wait_for_timeout(800)
    page.mouse.move(x, y)
    page.mouse.wheel(0, -240)


def browser_figures(server, *, baseline: bool, expected_all: int, expected_last: int, repeats: int,
                    sessions: int, timeout_s: float = 300) -> dict:
    """Measure one running server in headless Chromium.

    Parameters
    ----------
    server : bench.server.StreamlitServer
        Serving the app or the baseline.
    baseline : bool
        Whether it is the baseline (its polygons carry Leaflet's class, not the app's).
    expected_all, expected_last : int
        Polygons drawn for all years, and for the last year only.
    repeats : int
        Page loads timed, after one untimed warm-up load.
    sessions : int
        Open sessions for the memory figure (compared with one).
    timeout_s : float
        Longest wait for a map.

    Returns
    -------
    dict
        ``page_to_polygons_s``, ``filter_to_map_s`` (medians), ``pan_zoom_reruns``,
        ``filter_change_ws_bytes``, ``rss_1_session_mb``, ``rss_n_sessions_mb`` and
        ``mb_per_session``.
    """
    from playwright.sync_api import sync_playwright

    selector = BASELINE_POLYGONS if baseline else APP_POLYGONS
    loads, updates, ws_bytes, pan_reruns = [], [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for attempt in range(repeats + 1):
            traffic = StreamTraffic()
            context, page = _new_page(browser, baseline, traffic)
            started = time.perf_counter()
            page.goto(server.url)
            wait_count(page, selector, expected_all, timeout_s)
            loaded = time.perf_counter() - started
            if not baseline:  # the page's own rerun for its charts, once its map is drawn, is not the pan's
                page.get_by_text(WAITING_NOTE).wait_for(state="detached", timeout=timeout_s * 1000)
            page.wait_for_timeout(QUIET_S * 1000)
            traffic.reset()
            _pan_and_zoom(page)
            page.wait_for_timeout(QUIET_S * 1000)
            reruns = traffic.reruns_requested
            page.wait_for_timeout(300)
            traffic.reset()
            start_thumb = page.get_by_role("slider", name=re.compile("start"))
            start_thumb.focus()
            started = time.perf_counter()
            start_thumb.press("End")
            wait_count(page, selector, expected_last, timeout_s)
            updated = time.perf_counter() - started
            page.wait_for_timeout(1000)
            if attempt:
                loads.append(loaded)
                updates.append(updated)
                pan_reruns.append(reruns)
                ws_bytes.append(traffic.bytes_received)
            context.close()
        open_pages = []
        for count in range(sessions):
            context, page = _new_page(browser, baseline)
            page.goto(server.url)
            wait_count(page, selector, expected_all, timeout_s)
            open_pages.append(context)
            if count == 0:
                page.wait_for_timeout(QUIET_S * 1000)
                rss_one = server.rss()
        time.sleep(QUIET_S)
        rss_many = server.rss()
        for context in open_pages:
            context.close()
        browser.close()
    return {
        "page_to_polygons_s": statistics.median(loads),
        "filter_to_map_s": statistics.median(updates),
        "pan_zoom_reruns": max(pan_reruns),
        "filter_change_ws_bytes": int(statistics.median(ws_bytes)),
        "rss_1_session_mb": rss_one / 2**20,
        f"rss_{sessions}_sessions_mb": rss_many / 2**20,
        "mb_per_session": (rss_many - rss_one) / max(sessions - 1, 1) / 2**20,
    }


FLOOR_MAP = ".leaflet-map-pane"
"""Leaflet's map pane: in the floor app's empty map, the first thing Leaflet draws."""


DRAWN_CLOCK = """(([selector, count, frameTitle]) => {
    if (!window.frameElement || window.frameElement.title !== frameTitle) { return; }
    var timer = setInterval(function () {
        if (document.querySelectorAll(selector).length >= count) {
            clearInterval(timer);
            requestAnimationFrame(function () {
                setTimeout(function () { window.__daPaintedAt = performance.timeOrigin + performance.now(); }, 0);
            });
        }
    }, 1);
})"""
"""An init script for the map's frame: the moment (milliseconds since the epoch, the page's clock) the
browser has painted the frame in which its document first holds ``count`` of ``selector``.

A timer looks for them between tasks, so it finds them as the task that drew them ends; the browser
paints them at its next frame (``requestAnimationFrame`` runs just before that paint, a task queued
from it just after). A timer, not an observer: the frame's window is that of its first, blank
document, kept when the frame navigates to the map's page, and so are its timers."""


PAINTED_AT = ("() => new Promise((done, fail) => { const started = performance.now(); const read = () =>"
              " window.__daPaintedAt ? done(window.__daPaintedAt) : performance.now() - started > 10000"
              " ? fail(new Error('the map frame never recorded its first paint')) : setTimeout(read, 10); read(); })")
"""Read :data:`DRAWN_CLOCK`'s moment in the map's frame, once it is set (Playwright may see the polygons first);
fail after 10 s rather than wait for ever."""


@dataclass(frozen=True)
class FirstPaint:
    """Median times from opening a page to its map drawn (seconds)."""

    in_page_s: float
    """From the page's navigation start to the map frame's first paint with the polygons, both read from
    the page's own clock (:data:`DRAWN_CLOCK`)."""
    polled_s: float
    """From ``page.goto`` to Playwright seeing the polygons (:func:`wait_count`, every 50 ms): adds up
    to 50 ms and the time a busy page takes to answer; how this was measured before 2026-12-04, late evening."""


def first_paints(pages: list[tuple[object, str, int]], *, repeats: int, timeout_s: float = 120) -> list[FirstPaint]:
    """Median time from opening each page to its map drawn, the pages' loads interleaved.

    Parameters
    ----------
    pages : list of (server, selector, count)
        A running server, and what its map frame must hold to count as drawn: for the app
        ``APP_POLYGONS`` and the regions of the landing view, for the floor app
        (``bench/floor_app.py``, an empty page with an empty ``st_folium`` map on the locally
        served Leaflet) ``FLOOR_MAP`` and 1.
    repeats : int
        Loads timed per page, after one untimed warm-up load each; each round loads every page
        once, in turn, so that both meet the same machine.
    """
    from playwright.sync_api import sync_playwright

    in_page: list[list[float]] = [[] for _ in pages]
    polled: list[list[float]] = [[] for _ in pages]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for attempt in range(repeats + 1):
            for index, (server, selector, count) in enumerate(pages):
                context, page = _new_page(browser, baseline=False)
                page.add_init_script(script=f"{DRAWN_CLOCK}({json.dumps([selector, count, MAP_FRAME_TITLE])})")
                started = time.perf_counter()
                page.goto(server.url)
                wait_count(page, selector, count, timeout_s)
                if attempt:
                    polled[index].append(time.perf_counter() - started)
                    painted_at = page.frame_locator(MAP_FRAME).locator("body").evaluate(PAINTED_AT)
                    in_page[index].append((painted_at - page.evaluate("() => performance.timeOrigin")) / 1000)
                context.close()
        browser.close()
    return [FirstPaint(statistics.median(a), statistics.median(b)) for a, b in zip(in_page, polled, strict=True)]
