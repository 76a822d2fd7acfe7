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
