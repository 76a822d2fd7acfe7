"""Page to polygons on a slow phone: headless Chromium with its CPU throttled 4x and a 1.6 Mbps link.

Issue 17's target: with 4x CPU throttling and 1.6 Mbps, the bundled data's first paint within 5 s.
Each load is a fresh browser context (an empty cache) with a 390 x 844 viewport, the internet
blocked (:data:`bench.browser.OFFLINE_ARGS`, not Playwright's routing, which turns the HTTP cache
off), and Chrome DevTools Protocol emulation on the page:
``Emulation.setCPUThrottlingRate`` (rate 4) and ``Network.emulateNetworkConditions`` (200,000
bytes/s down and up, 150 ms latency). The app, the floor app (``bench/floor_app.py``: an empty
map) and the bare page (``bench/bare_app.py``: one line of text, no map) are loaded in turn,
straight from ``streamlit run`` and through nginx (:class:`bench.proxy.NginxProxy`, which
compresses) when nginx is installed, then through nginx serving Streamlit's frontend from a copy
:func:`deploy.frontend.prepare_frontend` made (pre-compressed, its fonts cut down) when
``fonttools`` and ``brotli`` are installed.

Bytes are counted from the protocol's ``Network.loadingFinished`` (``encodedDataLength``: what
went over the wire, headers included) and the WebSocket frames the page received, sorted by what
they are (:func:`byte_kind`), up to the first polygon drawn. The protocol reports a WebSocket
frame's payload decompressed; where the handshake agreed on ``permessage-deflate`` (the app's
``server.enableWebsocketCompression``), :class:`WireFrames` compresses the frames again, in order,
with the library and the settings the server compresses with, to count what went over the wire. The landing map's bytes
(:func:`landing_map_bytes`) are the map's HTML and JavaScript as the WebSocket carried them (the
``st_folium`` component's arguments) plus every request the map frame made (its page, Leaflet, the
plugins, the outlines, the coastline backdrop) by the time the map was drawn and its requests done.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.extensions.permessage_deflate import PerMessageDeflate
from websockets.frames import Frame, Opcode

from bench.browser import CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, OFFLINE_ARGS, wait_count

PHONE_VIEWPORT = {"width": 390, "height": 844}
CPU_SLOWDOWN = 4
DOWN_BYTES_PER_S = 200_000
"""1.6 Mbps."""
UP_BYTES_PER_S = 200_000
LATENCY_MS = 150
PHONE_TARGET_S = 5.0
"""Issue 17: page to polygons on the throttled phone within 5 s."""
LANDING_MAP_TARGET_BYTES = 450_000
"""Issue 17: everything fetched for the landing page's map, the coastline backdrop included."""
MAP_COMPONENT = "st_folium"
BARE_LINE = 'div[data-testid="stMarkdownContainer"]'
"""The bare page's one line of text (``bench/bare_app.py``), in the page itself, not in a frame."""
KINDS = ("streamlit frontend", "map frame page", "map HTML/JS (WebSocket)", "other WebSocket", "Leaflet",
         "plugins", "outlines", "backdrop", "other")


def byte_kind(url: str) -> str:
    """Return what a request is, for the breakdown: Streamlit's frontend, the map frame's page, Leaflet, …."""
    path = urlsplit(url).path
    if "/app/static/outlines/" in path:
        return "outlines"
    if "/app/static/land/" in path:
        return "backdrop"
    if "/app/static/leaflet-" in path:
        return "Leaflet"
    if "/app/static/plugins/" in path:
        return "plugins"
    if "/component/" in path:
        return "map frame page"
    if "/static/" in path:
        return "streamlit frontend"
    return "other"


def map_component_bytes(payload: bytes | str) -> int | None:
    """Bytes of the ``st_folium`` component's arguments in a ForwardMsg frame, or None if it holds none."""
    if isinstance(payload, str):
        return None
    message = ForwardMsg()
    message.ParseFromString(payload)
    if message.WhichOneof("type") != "delta" or message.delta.WhichOneof("type") != "new_element":
        return None
    element = message.delta.new_element
    if element.WhichOneof("type") != "component_instance":
        return None
    if MAP_COMPONENT not in element.component_instance.component_name:
        return None
    return len(element.component_instance.json_args.encode())


SERVER_COMPRESS_SETTINGS = {"memLevel": 5}
"""How the server's WebSocket compresses (uvicorn's ``websockets-sansio`` protocol, which Streamlit runs:
``ServerPerMessageDeflateFactory(server_max_window_bits=12, client_max_window_bits=12,
compress_settings={"memLevel": 5})`` in ``uvicorn/protocols/websockets/websockets_sansio_impl.py``;
the window size is read from the handshake)."""


def frame_header_bytes(length: int) -> int:
    """Bytes of a server-to-client WebSocket frame's header (RFC 6455 5.2: unmasked)."""
    return 2 if length < 126 else 4 if length < 65536 else 10


class WireFrames:
    """Bytes on the wire of the frames a server sent, from their payloads and the agreed extensions.

    Parameters
    ----------
    extensions : str
        The handshake response's ``Sec-WebSocket-Extensions``, e.g.
        ``permessage-deflate; server_max_window_bits=12; client_max_window_bits=12``; empty if none.
    """

    def __init__(self, extensions: str = ""):
        self.deflate = None
        offers = [[param.strip() for param in offer.split(";")] for offer in extensions.split(",")]
        params = next((offer for offer in offers if offer[0] == "permessage-deflate"), None)
        if params is not None:
            settings = {name: value for name, _, value in (param.partition("=") for param in params[1:])}
            bits = int(settings.get("server_max_window_bits") or 15)
            self.deflate = PerMessageDeflate(
                remote_no_context_takeover="client_no_context_takeover" in settings,
                local_no_context_takeover="server_no_context_takeover" in settings,
                remote_max_window_bits=int(settings.get("client_max_window_bits") or 15),
                local_max_window_bits=bits,
                compress_settings=dict(SERVER_COMPRESS_SETTINGS),
            )

    def payload_bytes(self, payload: bytes | str) -> int:
        """Return the frame's payload bytes on the wire; call once per frame, in the order the server sent them."""
        data = payload.encode() if isinstance(payload, str) else payload
        if self.deflate is None:
            return len(data)
        return len(self.deflate.encode(Frame(Opcode.TEXT if isinstance(payload, str) else Opcode.BINARY, data)).data)


@dataclass
class Transfers:
    """Bytes a page received, by request, as the DevTools protocol reports them."""

    urls: dict[str, str] = field(default_factory=dict)
    in_map_frame: dict[str, bool] = field(default_factory=dict)
    finished: dict[str, int] = field(default_factory=dict)
    ws_frames: list[int] = field(default_factory=list)
    map_args: int | None = None
    wire: WireFrames = field(default_factory=WireFrames)

    def handshake(self, event: dict) -> None:
        """``Network.webSocketHandshakeResponseReceived``: which extensions the server agreed to."""
        if "_stcore/stream" in self.urls.get(event["requestId"], ""):
            headers = {name.lower(): value for name, value in event["response"]["headers"].items()}
            self.wire = WireFrames(headers.get("sec-websocket-extensions", ""))

    def socket(self, event: dict) -> None:
        """``Network.webSocketCreated``."""
        self.urls[event["requestId"]] = event["url"]

    def sent(self, event: dict) -> None:
        """``Network.requestWillBeSent``: the map frame's requests, and the page's prefetches for it, are the map's.

        The page fetches the frame's files ahead (``prefetch``, :func:`deploy.frontend.page_hints`),
        and the frame then takes them from the cache with 0 bytes: counted where they were fetched.
        """
        headers = {name.lower(): value for name, value in event["request"].get("headers", {}).items()}
        self.urls[event["requestId"]] = event["request"]["url"]
        self.in_map_frame[event["requestId"]] = ("/component/" in event.get("documentURL", "")
                                                 or headers.get("sec-purpose", "").startswith("prefetch"))

    def done(self, event: dict) -> None:
        """``Network.loadingFinished``."""
        self.finished[event["requestId"]] = int(event["encodedDataLength"])

    def failed(self, event: dict) -> None:
        """``Network.loadingFailed``."""
        self.finished[event["requestId"]] = 0

    def frame(self, payload: bytes | str) -> None:
        """Record a WebSocket frame the page received (Playwright), as its bytes on the wire.

        A frame holding the map's arguments counts them apart (:func:`map_component_bytes`): their
        share of the frame's payload on the wire, its compression spread evenly over the payload
        (uncompressed: the arguments' bytes exactly). Frame headers count as other WebSocket bytes.
        """
        wire = self.wire.payload_bytes(payload)
        size = map_component_bytes(payload)
        map_share = round(wire * size / len(payload)) if size else 0
        if size is not None and self.map_args is None:
            self.map_args = map_share
        self.ws_frames.append(wire + frame_header_bytes(wire) - map_share)

    def snapshot(self) -> dict[str, int]:
        """Bytes so far by kind (:data:`KINDS`)."""
        kinds: dict[str, int] = defaultdict(int)
        for request, size in self.finished.items():
            kinds[byte_kind(self.urls.get(request, ""))] += size
        kinds["map HTML/JS (WebSocket)"] = self.map_args or 0
        kinds["other WebSocket"] = sum(self.ws_frames)
        return {kind: kinds.get(kind, 0) for kind in KINDS}

    def largest(self, count: int = 5) -> list[tuple[str, int]]:
        """Return the ``count`` largest requests finished so far: (path, bytes), the largest first."""
        sizes = sorted(((size, self.urls.get(request, "")) for request, size in self.finished.items()), reverse=True)
        return [(urlsplit(url).path, size) for size, url in sizes[:count]]

    def map_frame_pending(self) -> int:
        """Count the map frame's requests not finished yet."""
        return sum(1 for request, ours in self.in_map_frame.items() if ours and request not in self.finished)

    def map_bytes(self) -> int:
        """Return the bytes of the map's HTML/JS from the WebSocket plus the map's finished requests (:meth:`sent`)."""
        frame = sum(size for request, size in self.finished.items() if self.in_map_frame.get(request))
        return frame + (self.map_args or 0)


FONT_REQUESTS = "**/*.{woff,woff2,ttf,otf}"
"""Every web font a page asks for: :func:`phone_load` refuses them with ``without_fonts``."""


class PhonePage(NamedTuple):
    """A page the phone loads: where, and what it waits for.

    ``count`` of ``selector`` in the frame ``frame`` (the map's, :data:`bench.browser.MAP_FRAME`),
    or in the page itself where ``frame`` is None (the bare page's line of text).
    """

    url: str
    selector: str
    count: int
    frame: str | None = MAP_FRAME


def _waited_for(page, selector: str, frame: str | None):
    return page.frame_locator(frame).locator(selector) if frame else page.locator(selector)


def phone_load(browser, url: str, selector: str, count: int, timeout_s: float = 120, *,
               frame: str | None = MAP_FRAME, without_fonts: bool = False) -> dict:
    """Load ``url`` once on the emulated phone; time the first and the last of ``count`` polygons.

    With ``without_fonts`` the page's font requests are refused, so its text falls back to the
    phone's own fonts: a bound on what serving fewer font bytes (Streamlit's icon and text fonts,
    half of what its frontend sends through nginx) could save, not a way to serve the app.

    Returns
    -------
    dict
        ``first_s``, ``all_s`` (seconds from ``goto`` to the first, and to ``count``, of
        ``selector`` in the map frame), ``bytes_before_first`` (by kind), ``landing_map_bytes``
        and ``total_bytes`` (everything up to the map's requests done).
    """
    context = browser.new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=3)
    if without_fonts:
        context.route(FONT_REQUESTS, lambda route: route.abort())
    page = context.new_page()
    transfers = Transfers()
    cdp = context.new_cdp_session(page)
    cdp.on("Network.requestWillBeSent", transfers.sent)
    cdp.on("Network.loadingFinished", transfers.done)
    cdp.on("Network.loadingFailed", transfers.failed)
    cdp.on("Network.webSocketCreated", transfers.socket)
    cdp.on("Network.webSocketHandshakeResponseReceived", transfers.handshake)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                  "downloadThroughput": DOWN_BYTES_PER_S,
                                                  "uploadThroughput": UP_BYTES_PER_S})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.on("websocket", lambda socket: socket.on("framereceived", transfers.frame)
            if "_stcore/stream" in socket.url else None)
    locator = _waited_for(page, selector, frame)
    first = before_first = largest = None
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    deadline = started + timeout_s
    drawn = 0
    while time.perf_counter() < deadline:
        try:
            drawn = locator.count()
        except Exception:  # noqa: BLE001 - the frame is being replaced
            drawn = 0
        if drawn and first is None:
            first, before_first, largest = time.perf_counter() - started, transfers.snapshot(), transfers.largest()
        if drawn >= count:
            break
        page.wait_for_timeout(50)
    else:
        context.close()
        raise TimeoutError(f"{url}: {drawn} of {count} {selector} within {timeout_s:.0f} s on the phone")
    done = time.perf_counter() - started
    settle = time.perf_counter() + 30
    while transfers.map_frame_pending() and time.perf_counter() < settle:
        page.wait_for_timeout(200)
    result = {"first_s": first, "all_s": done, "bytes_before_first": before_first, "largest_before_first": largest,
              "landing_map_bytes": transfers.map_bytes(), "total_bytes": sum(transfers.snapshot().values())}
    context.close()
    return result


def warm_up(browser, url: str, selector: str, count: int, timeout_s: float = 120, *,
            frame: str | None = MAP_FRAME) -> None:
    """Load ``url`` once, unthrottled and untimed, until its map holds ``count`` of ``selector``.

    Waits as the laptop's loads do (:func:`bench.browser.wait_count`); on a page without a map
    (``frame`` None), until the page itself holds them.

    A fresh server loads the data and builds the landing view on its first page, which only the
    first reader after a start meets: :func:`bench.browser.first_paints` leaves that load out,
    and so does the phone. (Until 2026-12-04 the phone's one load of the app was that first
    load: through nginx 11.7, 13.0 and 13.7 s in three runs, where three loads on a warm server
    took 11.1-11.6 s.)
    """
    context = browser.new_context(viewport=PHONE_VIEWPORT)
    try:
        page = context.new_page()
        page.goto(url, timeout=timeout_s * 1000)
        if frame is None:
            page.locator(selector).nth(count - 1).wait_for(timeout=timeout_s * 1000)
        else:
            wait_count(page, selector, count, timeout_s)
    finally:
        context.close()


def phone_figures(pages: dict[str, tuple], *, repeats: int = 1, timeout_s: float = 120,
                  without_fonts: bool = False, log=print) -> dict:
    """Load each page ``repeats`` times on the emulated phone, the pages in turn; return the medians.

    Each page is first loaded once, unthrottled and untimed (:func:`warm_up`).

    Parameters
    ----------
    pages : dict
        ``{name: PhonePage}`` or ``{name: (url, selector, count)}`` for a page with a map, e.g.
        ``{"app": (url, APP_POLYGONS, 38), "floor": (url, FLOOR_MAP, 1)}``.

    Returns
    -------
    dict
        Per page ``phone_<name>_s`` (median to every polygon), ``phone_<name>_first_s``, and the
        bytes of its first load: ``phone_<name>_landing_map_bytes``, ``phone_<name>_bytes_before_first``
        and ``phone_<name>_largest_before_first`` (the five largest requests).
    """
    from playwright.sync_api import sync_playwright

    loads: dict[str, list[dict]] = {name: [] for name in pages}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + OFFLINE_ARGS)
        try:
            shown = {name: PhonePage(*spec) for name, spec in pages.items()}
            for url, selector, count, frame in shown.values():
                warm_up(browser, url, selector, count, timeout_s, frame=frame)
            for _ in range(repeats):
                for name, (url, selector, count, frame) in shown.items():
                    try:
                        loads[name].append(phone_load(browser, url, selector, count, timeout_s, frame=frame,
                                                      without_fonts=without_fonts))
                        log(f"phone {name}: {loads[name][-1]['all_s']:.1f} s")
                    except TimeoutError as error:
                        log(f"phone {name}: {error}")
        finally:
            browser.close()
    figures: dict = {}
    for name, done in loads.items():
        if not done:
            figures[f"phone_{name}_failed"] = f"no load drawn within {timeout_s:.0f} s"
            continue
        figures[f"phone_{name}_s"] = statistics.median(load["all_s"] for load in done)
        figures[f"phone_{name}_first_s"] = statistics.median(load["first_s"] for load in done)
        figures[f"phone_{name}_landing_map_bytes"] = done[0]["landing_map_bytes"]
        figures[f"phone_{name}_bytes_before_first"] = done[0]["bytes_before_first"]
        figures[f"phone_{name}_largest_before_first"] = done[0]["largest_before_first"]
    return figures


WAYS = (("", "direct"), ("_nginx", "nginx"), ("_frontend", "nginx, frontend prepared"))
"""How a page is served: the suffix of its figures' names, and the words the printout uses."""


def measure_phone(data_dir: Path, workdir: Path, *, expected: int, repeats: int = 1, nginx: bool = True,
                  direct: bool = True, frontend: bool = True, without_fonts: bool = False, log=print) -> dict:
    """Start the app, the floor app and the bare page on ``data_dir``, nginx in front of each; time them on the phone.

    ``direct=False`` loads them only through nginx (straight from Streamlit where nginx is missing);
    ``frontend=False`` leaves out the loads through nginx serving a prepared frontend (they also
    need ``fonttools`` and ``brotli``: :mod:`deploy.frontend`); ``without_fonts`` refuses every
    font (:func:`phone_load`).
    """
    from bench.browser import APP_POLYGONS, FLOOR_MAP
    from bench.proxy import NGINX, NginxProxy
    from bench.server import APP, BARE_APP, FLOOR_APP, StreamlitServer

    servers, proxies = [], []
    try:
        app = StreamlitServer(APP, data_dir, workdir / "phone-app.log")
        servers.append(app)
        floor = StreamlitServer(FLOOR_APP, data_dir, workdir / "phone-floor.log")
        servers.append(floor)
        bare = StreamlitServer(BARE_APP, data_dir, workdir / "phone-bare.log")
        servers.append(bare)
        direct_pages = {"app": PhonePage(app.url, APP_POLYGONS, expected), "floor": PhonePage(floor.url, FLOOR_MAP, 1),
                        "bare": PhonePage(bare.url, BARE_LINE, 1, None)}
        through_nginx = nginx and Path(NGINX).exists()
        pages = dict(direct_pages) if direct or not through_nginx else {}
        prepared = None
        if through_nginx and frontend:
            from deploy.frontend import prepare_frontend

            try:
                workdir.chmod(0o755)  # nginx's workers (nobody, when it starts as root) read the copy
                prepare_frontend(workdir / "frontend")
                prepared = workdir / "frontend"
            except ImportError as error:
                log(f"phone: no prepared frontend ({error.name} is missing: pip install -r requirements-build.txt)")
        if through_nginx:
            for name, server in (("app", app), ("floor", floor), ("bare", bare)):
                for suffix, folder in (("_nginx", None), ("_frontend", prepared)):
                    if suffix == "_frontend" and folder is None:
                        continue
                    proxy = NginxProxy([server.port], workdir / f"phone{suffix}-{name}", frontend=folder)
                    proxies.append(proxy)
                    pages[f"{name}{suffix}"] = direct_pages[name]._replace(url=proxy.url)
        return phone_figures(pages, repeats=repeats, without_fonts=without_fonts, log=log)
    finally:
        for proxy in proxies:
            proxy.stop()
        for server in servers:
            server.stop()


def format_breakdown(kinds: dict[str, int]) -> str:
    """One line of bytes by kind, in KB, the largest first; kinds with no bytes left out."""
    shown = sorted(((size, kind) for kind, size in kinds.items() if size), reverse=True)
    total = sum(kinds.values())
    return ", ".join(f"{kind} {size / 1000:,.0f}" for size, kind in shown) + f" (total {total / 1000:,.0f} KB)"


if __name__ == "__main__":
    import argparse
    import json
    import tempfile

    from bench.run import expected_polygons
    from geodata.schema import DATA_DIR

    parser = argparse.ArgumentParser(prog="python -m bench.phone", description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--no-nginx", action="store_true", help="load the pages only straight from Streamlit")
    parser.add_argument("--no-direct", action="store_true", help="load the pages only through nginx")
    parser.add_argument("--no-frontend", action="store_true",
                        help="leave out nginx serving a prepared frontend (deploy/frontend.py)")
    parser.add_argument("--without-fonts", action="store_true",
                        help="refuse every font request: a bound on what fewer font bytes could save")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="drill-atlas-phone-") as folder:
        found = measure_phone(DATA_DIR, Path(folder), expected=expected_polygons(DATA_DIR)[1], repeats=args.repeats,
                              nginx=not args.no_nginx, direct=not args.no_direct, frontend=not args.no_frontend,
                              without_fonts=args.without_fonts)
    print(json.dumps(found, indent=1))
