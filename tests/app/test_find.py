"""Finding exercises in the app: the participant filter and the ranked search."""

from __future__ import annotations

from tests.app.conftest import metrics


def test_participant_filter_round_trips_through_the_url(app_factory):
    at = app_factory(participants="IRN").run()
    assert not at.exception and not at.warning
    picker = at.multiselect(key="participants")
    assert picker.value == ["IRN"]
    assert "Iran (1)" in picker.options and "China (4)" in picker.options
    assert metrics(at)["Exercises shown"] == "1"
    assert any("with Iran" in markdown.value for markdown in at.markdown)
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


def test_the_charts_can_be_saved_as_pictures(app_factory):
    at = app_factory(participants="IRN").run()
    labels = [button.label for button in at.get("download_button")]
    assert {"Timeline (PNG)", "Timeline (SVG)", "Per year (PNG)", "Per year (SVG)"} <= set(labels)
