"""Server capacity without browsers: hundreds of Streamlit sessions from one process.

A :class:`Session` is what a browser tab is to the server, minus the page: it asks for the page
(so a proxy can set its sticky cookie), opens ``/_stcore/stream`` with the ``streamlit``
subprotocol and sends the ``BackMsg`` a browser sends on connect (``rerun_script`` with the query
string, no widget state yet and the browser's context). It reads every ``ForwardMsg`` with
Streamlit's own protobuf classes, keeps each widget's state as the frontend does (the value the
server sent on the widget's first appearance or when the server set it, the user's value
otherwise, only widgets of the latest run) and, like the frontend, remembers the hashes of the
cacheable messages of the last runs and sends them back, so the server answers an unchanged
large element with a reference. A filter change is a ``rerun_script`` with every widget state
and the new value of one widget; its time is from sending it to the server's
``script_finished``. Like a browser it agrees on WebSocket compression (the server then
compresses what it sends, as it does for a page), and once its first run is done it sends the
trigger the page sends when its map has drawn (:mod:`view.after_map`), so that its runs build
the filters, record and charts a page's runs build.

:func:`capacity` opens sessions in steps; each session changes the year filter every 5 s (a
year range of its own, cycling through all of them from a random start), and each step reports
the rerun p50/p95 over a window, the server's CPU (``/proc/PID/stat``) per rerun and this
process's own CPU, until the p95 passes the limit. :func:`idle_memory` opens N sessions that do
nothing after their first run and reads the server's resident memory.

``python -m bench.loadgen --help`` runs either against a server it starts (one, or two replicas
behind nginx) or against a URL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.server import rss_bytes
from bench.server_time import percentile
from view import after_map

PERIOD_S = 5.0
"""Each session changes a filter this often (issue 17)."""
P95_LIMIT_S = 0.300
STOP_P95_S = 1.0
""":func:`capacity` goes on past ``P95_LIMIT_S`` up to this p95, so that the figures say how the server degrades."""
LEVELS = (5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 100, 120, 140, 160, 200, 250, 300, 400)
"""Session counts :func:`capacity` steps through: fine where one 2-core server is expected, coarse beyond."""
TARGET_LEVELS = (10, 20, 40, 60, 80, 100, 120, 140, 160, 200, 240, 280, 320, 360, 400)
"""Coarser steps for ``python -m bench.run``, within :data:`TARGET_BUDGET_S`: they reach issue 17's 100 sessions,
and go on to 400 so that two replicas can show 1.8x one server that holds up to 200 (on 2026-12-04 one held 120,
and the steps' end at 200 capped the ratio at 1.67x; on 2026-12-05 one server pinned to a core held 200)."""
TARGET_BUDGET_S = 480.0
FILTER_KEY = "years"
"""The widget every session changes: the year range slider."""
CONTEXT = {"timezone": "UTC", "timezone_offset": 0, "locale": "en-US", "is_embedded": False,
           "color_scheme": "light"}
"""What a headless Chromium's page tells the server about itself (read from its first BackMsg)."""
FINISHED = ForwardMsg.ScriptFinishedStatus
TRIGGER_PREFIX = "$$STREAMLIT_INTERNAL_KEY_"
"""A component's triggers go back as one widget, ``<prefix><component id>__events`` (Streamlit's
``components/v2/bidi_component/main.py``, ``_make_trigger_id``), holding a JSON list of events."""
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int | str = "self") -> float:
    """User plus system CPU time of a process so far, from ``/proc/PID/stat``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _key(widget_id: str) -> str:
    """Return the user key of a widget id (``$$ID-<hash>-years`` → ``years``), or the id itself."""
    parts = widget_id.split("-", 2)
    return parts[2] if widget_id.startswith("$$ID-") and len(parts) == 3 else widget_id


def initial_state(element) -> WidgetState | None:
    """Return the state the frontend reports for a widget when it appears or the server sets it.

    Only the widget types a Streamlit page reports on mount are covered (text inputs, sliders,
    multiselects, selectboxes, checkboxes and toggles, file uploaders); components, charts,
    tables and buttons report a state only once the user acts on them.
    """
    kind = element.WhichOneof("type")
    widget = getattr(element, kind)
    state = WidgetState(id=widget.id)
    if kind in ("text_input", "text_area"):
        state.string_value = widget.value if widget.set_value else widget.default
    elif kind == "slider":
        state.double_array_value.data.extend(widget.value if widget.set_value else widget.default)
    elif kind == "multiselect":
        state.string_array_value.data.extend(
            widget.raw_values if widget.set_value else [widget.options[i] for i in widget.default])
    elif kind == "selectbox":
        if widget.set_value and widget.HasField("raw_value"):
            state.string_value = widget.raw_value
        elif not widget.set_value and widget.HasField("default"):
            state.string_value = widget.options[widget.default]
    elif kind == "checkbox":
        state.bool_value = widget.value if widget.set_value else widget.default
    elif kind == "file_uploader":
        state.file_uploader_state_value.SetInParent()
    else:
        return None
    return state


def _widget_of(element) -> tuple[str, WidgetState, bool] | None:
    """(id, initial state, whether the server set the value) for a widget element, else None."""
    kind = element.WhichOneof("type")
    if kind is None or not hasattr(getattr(element, kind), "id"):
        return None
    widget = getattr(element, kind)
    if not widget.id.startswith("$$ID-"):
        return None
    state = initial_state(element)
    return None if state is None else (widget.id, state, bool(getattr(widget, "set_value", False)))


async def fetch_cookie(url: str, timeout: float) -> tuple[str, str]:
    """GET the page as a browser first does; return its ``Set-Cookie`` pairs and ``X-Upstream``."""
    parts = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.wait_for(asyncio.open_connection(parts.hostname, parts.port or 80), timeout)
    try:
        writer.write(f"GET {parts.path or '/'} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n".encode())
        head = (await asyncio.wait_for(reader.read(), timeout)).split(b"\r\n\r\n", 1)[0].decode("latin-1")
    finally:
        writer.close()
    headers = [line.split(":", 1) for line in head.split("\r\n")[1:] if ":" in line]
    cookies = "; ".join(v.strip().split(";", 1)[0] for k, v in headers if k.lower() == "set-cookie" and v.strip())
    upstream = next((v.strip() for k, v in headers if k.lower() == "x-upstream"), "")
    return cookies, upstream


@dataclass
class Session:
    """One Streamlit session over the page's WebSocket, driven as a browser tab would drive it.

    Parameters
    ----------
    url : str
        Page URL (``http://127.0.0.1:8501`` or ``http://127.0.0.1:8080/atlas/``), no query.
    query_string : str
        The page's query string without ``?`` (``years=2024``).
    """

    url: str
    query_string: str = ""
    widgets: dict[str, WidgetState] = field(default_factory=dict)
    cache: dict[str, list] = field(default_factory=dict)
    """hash → [last run that used it, widget info or None], as the frontend's message cache."""
    page_script_hash: str = ""
    max_cached_age: int = 2
    runs: int = 0
    bytes_received: int = 0
    errors: list[str] = field(default_factory=list)
    replica: str = ""
    page_query: str = ""
    """The query string the app last wrote into the page's address (``page_info_changed``)."""
    _seen: dict[str, tuple[WidgetState, bool]] = field(default_factory=dict)
    map_watch: str = ""
    """Id of the page's "the rest waits for the map" component (:mod:`view.after_map`) in the last run, if any."""
    map_watch_fragment: str = ""
    """The fragment it is drawn in (its delta's ``fragment_id``), if any: its trigger reruns that, else the page."""
    finished: list[int] = field(default_factory=list)
    """How each run ended (``ForwardMsg.ScriptFinishedStatus``): a whole page's run or a fragment's."""
    _finished: asyncio.Event | None = None
    _socket: object = None
    _reader: asyncio.Task | None = None

    async def open(self, timeout: float = 60) -> float:
        """Ask for the page, connect and run the script once; return the seconds that took."""
        from websockets.asyncio.client import connect

        started = time.perf_counter()
        cookie, self.replica = await fetch_cookie(self.url, timeout)
        parts = urllib.parse.urlsplit(self.url)
        stream = urllib.parse.urlunsplit(("ws", parts.netloc, parts.path.rstrip("/") + "/_stcore/stream", "", ""))
        self._socket = await asyncio.wait_for(connect(
            stream, subprotocols=["streamlit"], origin=f"{parts.scheme}://{parts.netloc}",
            additional_headers={"Cookie": cookie} if cookie else None, compression="deflate", max_size=None,
            ping_interval=None, open_timeout=timeout), timeout)
        self._reader = asyncio.create_task(self._read())
        await self._run(self._client_state(first=True), timeout)
        seconds = time.perf_counter() - started
        if self.map_watch:  # the page's map has drawn: it asks for the charts
            drawn = WidgetState(id=f"{TRIGGER_PREFIX}{self.map_watch}__events",
                                json_trigger_value=json.dumps([{"event": after_map.DRAWN, "value": True}]))
            await self._run(self._client_state(triggers=[drawn], fragment_id=self.map_watch_fragment), timeout)
        return seconds

    def _client_state(self, first: bool = False, triggers: list[WidgetState] = (), fragment_id: str = ""):
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query_string
        state.fragment_id = fragment_id  # as the frontend sends for a widget inside a fragment
        state.widget_states.SetInParent()
        if not first:
            state.widget_states.widgets.extend([*self.widgets.values(), *triggers])
            state.page_script_hash = self.page_script_hash
            state.cached_message_hashes.extend(self.cache)
        for name, value in CONTEXT.items():
            setattr(state.context_info, name, value)
        state.context_info.url = self.url.split("?")[0]
        return message

    async def _run(self, message: BackMsg, timeout: float) -> None:
        self._finished = asyncio.Event()
        self._seen = {}
        await self._socket.send(message.SerializeToString())
        await asyncio.wait_for(self._finished.wait(), timeout)

    async def rerun(self, key: str, state: WidgetState, timeout: float = 60) -> float:
        """Change the widget whose user key is ``key`` to ``state``'s value; return the rerun's seconds."""
        widget_id = next(i for i in self.widgets if _key(i) == key)
        changed = WidgetState()
        changed.CopyFrom(state)
        changed.id = widget_id
        self.widgets[widget_id] = changed
        started = time.perf_counter()
        await self._run(self._client_state(), timeout)
        return time.perf_counter() - started

    def widget(self, key: str):
        """Return the state this session holds for the widget with user key ``key``."""
        return next(state for i, state in self.widgets.items() if _key(i) == key)

    def _element(self, element, message_hash: str, cacheable: bool, fragment_id: str = "") -> None:
        if element.WhichOneof("type") == "bidi_component" and element.bidi_component.component_name.endswith(
                after_map.NAME):
            self.map_watch, self.map_watch_fragment = element.bidi_component.id, fragment_id
        info = _widget_of(element)
        if cacheable:
            self.cache[message_hash] = [self.runs, info]
        if info is not None:
            self._seen[info[0]] = info[1:]
        if element.WhichOneof("type") == "exception":
            self.errors.append(f"{element.exception.type}: {element.exception.message}"[:300])

    def _finish(self, status: int) -> None:
        # A fragment's run sends only the fragment's widgets;
        # the frontend keeps the others, and so does a session.
        widgets = dict(self.widgets) if status == FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY else {}
        for widget_id, (state, server_set) in self._seen.items():
            widgets[widget_id] = self.widgets[widget_id] if widget_id in self.widgets and not server_set else state
        self.widgets = widgets
        self.finished.append(status)
        self.runs += 1
        self.cache = {h: entry for h, entry in self.cache.items() if self.runs - entry[0] <= self.max_cached_age}
        if status != FINISHED.FINISHED_EARLY_FOR_RERUN and self._finished is not None:
            self._finished.set()

    async def _read(self) -> None:
        try:
            async for payload in self._socket:
                self.bytes_received += len(payload)
                message = ForwardMsg()
                message.ParseFromString(payload)
                kind = message.WhichOneof("type")
                if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                    self._element(message.delta.new_element, message.hash, message.metadata.cacheable,
                                  message.delta.fragment_id)
                elif kind == "ref_hash":
                    entry = self.cache.get(message.ref_hash)
                    if entry is None:
                        self.errors.append(f"reference to a message never received: {message.ref_hash}")
                        continue
                    entry[0] = self.runs
                    if entry[1] is not None:
                        self._seen[entry[1][0]] = entry[1][1:]
                elif kind == "new_session":
                    self.page_script_hash = message.new_session.page_script_hash
                    self.max_cached_age = message.new_session.config.max_cached_message_age or 2
                elif kind == "page_info_changed":
                    self.page_query = message.page_info_changed.query_string
                elif kind == "script_finished":
                    self._finish(message.script_finished)
        except Exception as error:  # noqa: BLE001 - the connection closed under load: report, do not hang
            self.errors.append(f"connection: {error!r}"[:300])
            if self._finished is not None:
                self._finished.set()

    async def close(self) -> None:
        """Close the WebSocket, as closing the tab does."""
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            self._reader.cancel()


def year_values(session: Session, rng: random.Random) -> list[WidgetState]:
    """Every year range of the session's year slider but the full one, from a random start."""
    slider_first, slider_last = (int(v) for v in session.widget(FILTER_KEY).double_array_value.data)
    ranges = [(a, b) for a in range(slider_first, slider_last + 1) for b in range(a, slider_last + 1)
              if (a, b) != (slider_first, slider_last)]
    rng.shuffle(ranges)
    states = []
    for first, last in ranges:
        state = WidgetState()
        state.double_array_value.data.extend([first, last])
        states.append(state)
    return states


@dataclass
class Sample:
    """One filter change: when it was sent (``perf_counter``) and how long its rerun took."""

    sent: float
    seconds: float


async def _drive(session: Session, rng: random.Random, samples: list[Sample], stop: asyncio.Event,
                 period_s: float) -> None:
    """Change the session's year range every ``period_s`` (from a random phase) until ``stop``."""
    values = year_values(session, rng)
    await asyncio.sleep(rng.uniform(0, period_s))
    step, due = 0, time.perf_counter()
    while not stop.is_set():
        sent = time.perf_counter()
        try:
            seconds = await session.rerun(FILTER_KEY, values[step % len(values)])
        except (TimeoutError, StopIteration) as error:
            session.errors.append(f"rerun {step}: {error!r}")
            return
        samples.append(Sample(sent, seconds))
        step += 1
        due = max(due + period_s, time.perf_counter())
        try:
            await asyncio.wait_for(stop.wait(), due - time.perf_counter())
        except TimeoutError:
            pass


def _cpu(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            total += cpu_seconds(pid)
        except OSError:
            pass
    return total


async def capacity(url: str, server_pids: list[int], *, levels: tuple[int, ...] = LEVELS, window_s: float = 15.0,
                   period_s: float = PERIOD_S, p95_limit_s: float = P95_LIMIT_S, stop_p95_s: float = STOP_P95_S,
                   budget_s: float = 170.0,
                   query_string: str = "", other_pids: list[int] | None = None,
                   seed: int = 17, log=print) -> dict:
    """Raise the number of sessions in steps until the rerun p95 of a step passes ``p95_limit_s``.

    Each step (a count of ``levels``) opens the new sessions over one period, lets the load settle
    for one period, then records every filter change sent during ``window_s`` and answered within
    it. Stops at the first step whose p95 passes ``stop_p95_s`` (or with a session error), or when
    ``budget_s`` would be passed. Returns the steps, ``sessions_held``: the largest step whose
    p95 stayed within ``p95_limit_s`` with no session error, ``sessions_held_at_stop_p95``:
    the same within ``stop_p95_s``, and ``budget_spent``: True when the time budget, not the
    server, ended the run (the server may hold more than the figures say).
    """
    rng = random.Random(seed)
    sessions: list[Session] = []
    drivers: list[asyncio.Task] = []
    samples: list[Sample] = []
    stop = asyncio.Event()
    steps: list[dict] = []
    budget_spent = False
    began = time.perf_counter()
    try:
        for target in levels:
            new = [Session(url, query_string) for _ in range(target - len(sessions))]

            async def open_later(session: Session, delay: float) -> None:
                await asyncio.sleep(delay)
                await session.open()
                drivers.append(asyncio.create_task(_drive(session, random.Random(rng.random()), samples, stop,
                                                          period_s)))

            await asyncio.gather(*(open_later(s, i * period_s / len(new)) for i, s in enumerate(new)))
            sessions += new
            await asyncio.sleep(period_s)
            cpu0, own0, other0, t0 = _cpu(server_pids), cpu_seconds(), _cpu(other_pids or []), time.perf_counter()
            await asyncio.sleep(window_s)
            cpu1, own1, other1, t1 = _cpu(server_pids), cpu_seconds(), _cpu(other_pids or []), time.perf_counter()
            window = [s.seconds for s in samples if t0 <= s.sent < t1 and s.sent + s.seconds <= t1]
            errors = [e for s in sessions for e in s.errors]
            figures = {
                "sessions": len(sessions),
                "reruns": len(window),
                "reruns_per_s": len(window) / (t1 - t0),
                "rerun_p50_s": statistics.median(window) if window else float("nan"),
                "rerun_p95_s": percentile(window, 0.95) if window else float("nan"),
                "rerun_max_s": max(window, default=float("nan")),
                "server_cpu_ms_per_rerun": 1000 * (cpu1 - cpu0) / max(len(window), 1),
                "server_cpu_cores": (cpu1 - cpu0) / (t1 - t0),
                "generator_cpu_cores": (own1 - own0) / (t1 - t0),
                **({"proxy_cpu_cores": (other1 - other0) / (t1 - t0)} if other_pids else {}),
                "errors": len(errors),
            }
            steps.append(figures)
            log("  " + ", ".join(f"{k} {v:,.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()))
            if errors:
                log("  first error: " + errors[0])
            if errors or not window or figures["rerun_p95_s"] > stop_p95_s:
                break
            if time.perf_counter() - began + window_s + 2 * period_s > budget_s:
                log("  (time budget spent)")
                budget_spent = True
                break
    finally:
        stop.set()
        await asyncio.gather(*drivers, return_exceptions=True)
        await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)
    def held(limit: float) -> int:
        return max((s["sessions"] for s in steps if s["rerun_p95_s"] <= limit and not s["errors"]), default=0)

    return {"sessions_held": held(p95_limit_s), "sessions_held_at_stop_p95": held(stop_p95_s),
            "budget_spent": budget_spent, "steps": steps}


async def idle_memory(url: str, server_pid: int, sessions: int, *, settle_s: float = 3.0,
                      query_string: str = "", timeout: float = 600) -> dict:
    """Open one session, then ``sessions`` in all, each idle after its first run; read the server's RSS.

    Returns the RSS with one and with all sessions, the bytes of everything the server sent a
    session on its first run, and the RSS added per session.
    """
    first = Session(url, query_string)
    await first.open(timeout)
    await asyncio.sleep(settle_s)
    one = rss_bytes(server_pid)
    others = []
    for _ in range(sessions - 1):  # one after another, as visitors arrive: no run overlaps another
        session = Session(url, query_string)
        await session.open(timeout)
        others.append(session)
    await asyncio.sleep(settle_s)
    many = rss_bytes(server_pid)
    sent = statistics.median(s.bytes_received for s in [first, *others])
    errors = [e for s in [first, *others] for e in s.errors]
    await asyncio.gather(*(s.close() for s in [first, *others]), return_exceptions=True)
    return {
        "rss_1_session_mb": one / 2**20,
        f"rss_{sessions}_sessions_mb": many / 2**20,
        "mb_per_idle_session": (many - one) / max(sessions - 1, 1) / 2**20,
        "first_run_ws_mb": sent / 2**20,
        "errors": len(errors),
    }


def server_capacity(data_dir: Path, workdir: Path, replicas: int = 1, *, floor: bool = False, pinned: bool = False,
                    **options) -> dict:
    """Start ``replicas`` servers on ``data_dir`` (behind nginx when more than one) and run :func:`capacity`.

    They serve the app, or with ``floor`` the floor of a rerun (``bench/capacity_floor_app.py``: a
    year slider and the map it moves, nothing else). With ``pinned`` each server runs on one core
    of its own (replica n on CPU n, modulo the machine's CPUs), as ``deploy/HOSTING.md`` advises;
    nginx and this process run anywhere. Returns what :func:`capacity` returns, plus ``replicas``
    and ``pinned``.
    """
    from bench.proxy import NginxProxy
    from bench.server import APP, CAPACITY_FLOOR_APP, StreamlitServer

    script = CAPACITY_FLOOR_APP if floor else APP
    cpus = sorted(os.sched_getaffinity(0))
    servers = [StreamlitServer(script, data_dir, workdir / f"replica-{n}.log",
                               cpus={cpus[n % len(cpus)]} if pinned else None) for n in range(replicas)]
    proxy = None
    try:
        proxy = NginxProxy([s.port for s in servers], workdir / "nginx") if replicas > 1 else None
        url = proxy.url if proxy else servers[0].url
        result = asyncio.run(capacity(url, [s.pid for s in servers], other_pids=proxy.pids() if proxy else None,
                                      **options))
    finally:
        if proxy:
            proxy.stop()
        for server in servers:
            server.stop()
    return {"replicas": replicas, "pinned": pinned, **result}


def idle_memory_of(data_dir: Path, workdir: Path, sessions: int, query_string: str = "") -> dict:
    """Start one server of the app on ``data_dir`` and run :func:`idle_memory`."""
    from bench.server import APP, StreamlitServer

    server = StreamlitServer(APP, data_dir, workdir / "idle-memory.log")
    try:
        return asyncio.run(idle_memory(server.url, server.pid, sessions, query_string=query_string))
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> None:
    """Start a server (or replicas behind nginx) on a data folder, measure capacity or memory, print JSON."""
    import tempfile

    from geodata.schema import DATA_DIR

    parser = argparse.ArgumentParser(prog="python -m bench.loadgen", description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("capacity", "memory"))
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: the bundled data)")
    parser.add_argument("--replicas", type=int, default=1, help="replicas; above 1 they run behind nginx")
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)),
                        help="session counts to step through, comma-separated (default %(default)s)")
    parser.add_argument("--window", type=float, default=15.0, help="seconds measured per step (default %(default)s)")
    parser.add_argument("--budget", type=float, default=170.0,
                        help="seconds the steps may take in all; the run stops before passing it (default %(default)s)")
    parser.add_argument("--sessions", type=int, default=11, help="idle sessions for the memory figure")
    parser.add_argument("--query", default="", help="query string every session opens with")
    parser.add_argument("--pinned", action="store_true", help="run each server on one core of its own")
    parser.add_argument("--floor", action="store_true",
                        help="serve the floor of a rerun (bench/capacity_floor_app.py) instead of the app")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="drill-atlas-loadgen-") as folder:
        if args.what == "memory":
            result = idle_memory_of(args.data, Path(folder), args.sessions, args.query)
        else:
            levels = tuple(int(n) for n in args.levels.split(","))
            result = server_capacity(args.data, Path(folder), args.replicas, floor=args.floor, pinned=args.pinned,
                                     levels=levels,
                                     window_s=args.window, budget_s=args.budget, query_string=args.query)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
