"""The rest of the page waits for the map (view/after_map.py): the session's flag and the component's data."""

from __future__ import annotations

from view import after_map


def test_a_session_draws_its_whole_page_once_its_map_was_drawn():
    state: dict = {}
    assert not after_map.map_drawn(state)
    after_map.mark_drawn(state)
    assert after_map.map_drawn(state) and state == {after_map.READY: True}


def test_the_watch_gives_up_so_a_broken_map_never_hides_the_page():
    data = after_map.watch_data()
    assert 0 < data["empty_map_ms"] < data["give_up_ms"] <= 60_000


def test_the_script_sends_the_trigger_the_page_listens_for():
    # app.py binds on_drawn_change: the script must send that trigger, and watch the map's frame.
    assert after_map.DRAWN == "drawn"
    assert 'setTriggerValue("drawn", true)' in after_map.SCRIPT
    assert 'iframe[title="streamlit_folium.st_folium"]' in after_map.SCRIPT


def test_the_note_under_the_map_shows_only_with_the_css_that_holds_the_maps_place():
    # Streamlit draws an st.html note a moment before the st.html holding the page's CSS: the note
    # is hidden inline and only that CSS shows it, the same CSS that keeps the map's place.
    from view.page_style import MAP_SLOT, PAGE_CSS, map_frame_css

    assert 'style="display: none"' in after_map.WAITING_HTML and after_map.WAITING_NOTE in after_map.WAITING_HTML
    assert ".da-waiting { display: block !important;" in PAGE_CSS
    assert f".st-key-{MAP_SLOT} {{ min-height: 560px; }}" in map_frame_css(560)
