"""Finding exercises in the app: the participant filter and the ranked search."""

from __future__ import annotations

import json

from tests.app.conftest import map_args, metrics, page_html
from view import exercise_list


def test_participant_filter_round_trips_through_the_url(app_factory):
    at = app_factory(participants="IRN").run()
    assert not at.exception and not at.warning
    picker = at.multiselect(key="participants")
    assert picker.value == ["IRN"]
    assert "Iran (1)" in picker.options and "China (4)" in picker.options
    assert metrics(at)["Exercises shown"] == "1"
    assert any("with Iran" in text for text in page_html(at))
    picker.set_value([]).run()
    assert metrics(at)["Exercises shown"] == "4" and "participants" not in at.query_params
    at.multiselect(key="participants").set_value(["IRN", "CHN"]).run()
    assert at.query_params["participants"] == "IRN,CHN" and metrics(at)["Exercises shown"] == "1"


def test_a_bad_participant_code_gets_the_link_notice(app_factory):
    at = app_factory(participants="IRN,QQQ").run()
    assert not at.exception
    assert [w.value.replace("\\", "") for w in at.warning] == ["participants: ignored unknown value(s) 'QQQ'."]
    assert at.multiselect(key="participants").value == ["IRN"]


def test_a_search_link_ranks_the_table_and_says_why(app_factory):
    from geodata import schema

    at = app_factory(data_dir=schema.DATA_DIR, q="Joint Sea 2024")
    at.session_state["record_tab"] = "Table"
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table.iloc[0]["name"] == "Joint Sea-2024" and table.iloc[0]["Matched"] == "English name"
    at.text_input(key="q").set_value("海上联合").run()
    table = at.dataframe[0].value
    assert set(table["Matched"]) == {"Chinese name"} and table.iloc[0]["name"].startswith("Joint Sea-")
    assert at.query_params["q"] == "海上联合"


def test_a_first_page_sends_its_map_and_list_and_the_rest_once_the_map_is_drawn(app_factory):
    # Issue 17: the sidebar's widgets, the record and Streamlit's chart code took the browser's
    # one thread before the map's outlines; the first run holds them until the page says the map
    # is drawn (view/after_map.py), and draws the link's view all the same.
    from view import after_map

    at = app_factory(map_drawn=False, years="2019-2024").run()
    assert not at.exception
    assert metrics(at)["Exercises shown"] == "3"
    assert map_args(at)["height"] == 560  # the map, at the laptop's height
    assert [c.proto.component_name for c in at.get("bidi_component")] == [exercise_list.NAME, after_map.NAME]
    assert not at.slider and not at.multiselect and not at.get("download_button") and not at.tabs
    assert len(at.get("vega_lite_chart")) == 0
    assert after_map.WAITING_HTML in [element.proto.body for element in at.main.get("html")]
    assert [caption.value for caption in at.sidebar.caption] == [after_map.SIDEBAR_NOTE]
    after_map.mark_drawn(at.session_state)  # what the component's trigger does
    at.run()
    assert not at.exception
    assert at.slider(key="years").value == (2019, 2024)
    assert [json.loads(chart.proto.spec)["title"] for chart in at.get("vega_lite_chart")] == [
        "Exercises by series", "Exercises per year"]
    assert "Map data (GeoJSON)" in [button.label for button in at.get("download_button")]
    assert [c.proto.component_name for c in at.get("bidi_component")] == [exercise_list.NAME]
    assert after_map.WAITING_HTML not in [element.proto.body for element in at.get("html")]
    assert after_map.SIDEBAR_NOTE not in [caption.value for caption in at.caption]
    at.slider(key="years").set_value((2019, 2020)).run()  # later views draw everything at once
    assert len(at.get("vega_lite_chart")) == 2 and at.query_params["years"] == "2019-2020"


def test_the_charts_can_be_saved_as_pictures(app_factory):
    from view import after_map

    at = app_factory(participants="IRN")
    at.session_state[after_map.READY] = True
    at.run()
    labels = [button.label for button in at.get("download_button")]
    assert {"Timeline (PNG)", "Timeline (SVG)", "Per year (PNG)", "Per year (SVG)"} <= set(labels)
