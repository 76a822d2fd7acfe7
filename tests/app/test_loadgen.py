"""The load generator of the benchmark (bench/loadgen.py) speaks Streamlit's protocol well enough to drive the app."""

from __future__ import annotations

import asyncio

from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.loadgen import FILTER_KEY, FINISHED, Session
from bench.server import APP, StreamlitServer
from tests.conftest import SMALL_DATA


def test_a_generator_session_opens_the_app_and_a_year_change_reruns_it(tmp_path):
    # Defences: the capacity figures count reruns the app really ran: a session gets the page's
    # widgets from its first run, and a changed year range reaches the script (the app writes
    # it into the address) with no error and no browser.
    server = StreamlitServer(APP, SMALL_DATA, tmp_path / "streamlit.log")

    async def drive() -> tuple[Session, list[float]]:
        session = Session(server.url)
        await session.open(timeout=60)
        first, last = (int(v) for v in session.widget(FILTER_KEY).double_array_value.data)
        change = WidgetState()
        change.double_array_value.data.extend([last, last])
        seconds = await session.rerun(FILTER_KEY, change, timeout=60)
        await session.close()
        return session, [first, last, seconds]

    try:
        session, (first, last, seconds) = asyncio.run(drive())
    finally:
        server.stop()
    assert first < last
    # the first run, the run the page asks for once its map has drawn (view/after_map.py), the change
    assert session.map_watch and session.runs == 3 and not session.errors, session.errors
    # that second run is the whole page's (filters, record, charts), not a fragment's
    assert session.finished == [FINISHED.FINISHED_SUCCESSFULLY] * 3
    assert f"years={last}" in session.page_query.split("&"), session.page_query
    assert list(session.widget(FILTER_KEY).double_array_value.data) == [last, last]
    assert 0 < seconds < 60
    assert "Traceback" not in server.log()


def test_the_floor_of_a_rerun_is_driven_as_the_app_is_and_sends_a_new_map_per_year_range(tmp_path):
    # Defences: the floor of a rerun (bench/capacity_floor_app.py) that the app's capacity is
    # reported beside is driven by the same slider key, and each year range is a new map message
    # (not a reference to one already sent), as a new view of the app is.
    from bench.server import CAPACITY_FLOOR_APP

    server = StreamlitServer(CAPACITY_FLOOR_APP, SMALL_DATA, tmp_path / "streamlit.log")

    async def drive() -> tuple[Session, list[int]]:
        session = Session(server.url)
        await session.open(timeout=60)
        received = [session.bytes_received]
        for first, last in ((2010, 2012), (2015, 2020)):
            change = WidgetState()
            change.double_array_value.data.extend([first, last])
            await session.rerun(FILTER_KEY, change, timeout=60)
            received.append(session.bytes_received)
        await session.close()
        return session, received

    try:
        session, received = asyncio.run(drive())
    finally:
        server.stop()
    assert not session.map_watch and session.runs == 3 and not session.errors, session.errors
    assert list(session.widget(FILTER_KEY).double_array_value.data) == [2015, 2020]
    sent = [b - a for a, b in zip(received, received[1:], strict=False)]
    assert min(sent) > 1000, sent  # a map's HTML, not a reference by hash
    assert "Traceback" not in server.log()


def test_a_pinned_server_runs_every_thread_on_its_one_core(tmp_path):
    # Defences: "each pinned to a core" in the capacity figures is true of every thread the server
    # runs, the script runs included, not only of the process's first thread.
    import os

    cpu = max(os.sched_getaffinity(0))
    server = StreamlitServer(APP, SMALL_DATA, tmp_path / "streamlit.log", cpus={cpu})

    async def drive() -> None:
        session = Session(server.url)
        await session.open(timeout=60)
        await session.close()

    try:
        asyncio.run(drive())
        threads = os.listdir(f"/proc/{server.pid}/task")
        allowed = {tid: os.sched_getaffinity(int(tid)) for tid in threads}
    finally:
        server.stop()
    assert len(threads) > 3  # the event loop, the script runner, Streamlit's other threads
    assert set(map(frozenset, allowed.values())) == {frozenset({cpu})}, allowed
