"""The charts wait for the map (view/after_map.py): the session's flag and the component's data."""

from __future__ import annotations

from view import after_map


def test_a_session_draws_charts_once_its_map_was_drawn():
    state: dict = {}
    assert not after_map.charts_ready(state)
    after_map.mark_drawn(state)
    assert after_map.charts_ready(state) and state == {after_map.READY: True}


def test_the_watch_gives_up_so_a_broken_map_never_hides_the_charts():
    data = after_map.watch_data()
    assert 0 < data["empty_map_ms"] < data["give_up_ms"] <= 60_000


def test_the_script_sends_the_trigger_the_page_listens_for():
    # app.py binds on_drawn_change: the script must send that trigger, and watch the map's frame.
    assert after_map.DRAWN == "drawn"
    assert 'setTriggerValue("drawn", true)' in after_map.SCRIPT
    assert 'iframe[title="streamlit_folium.st_folium"]' in after_map.SCRIPT
