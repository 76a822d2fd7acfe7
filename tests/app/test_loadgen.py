"""The load generator of the benchmark (bench/loadgen.py) speaks Streamlit's protocol well enough to drive the app."""

from __future__ import annotations

import asyncio

from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.loadgen import FILTER_KEY, Session
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
    assert f"years={last}" in session.page_query.split("&"), session.page_query
    assert list(session.widget(FILTER_KEY).double_array_value.data) == [last, last]
    assert 0 < seconds < 60
    assert "Traceback" not in server.log()
