"""The app as Streamlit runs it: filters, URL state, notices, data errors."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest

from tests.app.conftest import map_args, metrics

OPENING_FIT = re.compile(r"\.fitBounds\(\s*\[\[")
"""The map fitting bounds as it opens (the "All" button's fitBounds runs only when clicked)."""


def shown_region_ids(at) -> set[str]:
    script = map_args(at)["script"]
    return {rid for rid in ("north_sea_box", "south_sea_box", "bay_box", "dateline_box") if f'"region_id": "{rid}"' in script}


def test_app_runs_on_test_data(app_factory):
    at = app_factory().run()
    assert not at.exception
    assert metrics(at) == {"Exercises shown": "4", "Regions": "4", "Years": "2016–2024"}
    assert shown_region_ids(at) == {"north_sea_box", "south_sea_box", "bay_box", "dateline_box"}
    assert at.query_params == {}


def test_map_is_served_locally_and_returns_only_drawings(app_factory):
    args = map_args(app_factory().run())
    # One script before the map draws: Leaflet and the map's own constant JavaScript (layers.maphelpers),
    # one round trip. The draw, measure and picture tools come after it, from one more file.
    from layers.assets import map_script, map_script_name, tools_script_name
    from layers.maphelpers import helpers_script
    from tests.conftest import tool_scripts

    assert args["js_links"] == [f"/app/static/{map_script_name()}"]
    assert map_script_name().startswith("leaflet-1.9.3-map/map-")
    assert map_script().endswith(helpers_script())
    assert {url for url, _ in tool_scripts(args["script"])} == {f"/app/static/{tools_script_name()}"}
    assert args["css_links"] == [
        "/app/static/leaflet-1.9.3/leaflet.css",
        "/app/static/plugins/leaflet-draw-1.0.4/leaflet.draw.css",
        "/app/static/plugins/leaflet-measure-2.1.7/leaflet-measure.css",
    ]
    assert args["returned_objects"] == ["all_drawings"]
    assert "L.tileLayer" not in args["script"]
    # What the prepared page names for the browser to fetch ahead (deploy/frontend.py, page_hints).
    from layers.assets import asset_urls
    from layers.compose import frame_files

    assert frame_files(asset_urls("")) == args["css_links"] + args["js_links"]


def test_the_towns_are_published_beside_the_map_and_named_in_its_script(app_factory):
    from geodata.towns import towns_file
    from layers.assets import encoded_towns
    from tests.conftest import SMALL_DATA

    script = map_args(app_factory().run())["script"]
    found = re.search(r'"url": ?"/app/static/(towns/towns-[0-9a-f]{12}\.json)"', script)
    assert found, "the map's labels are given the towns file"
    static = Path(os.environ["DRILL_ATLAS_STATIC_DIR"])
    assert (static / found.group(1)).read_bytes() == encoded_towns(towns_file(SMALL_DATA))  # the bundled towns


def test_sessions_showing_the_same_view_share_one_map_frame_and_a_readers_own_notice_does_not(app_factory):
    from view.shared import MAP_FRAMES

    first = app_factory(years="2024").run()
    assert len(MAP_FRAMES) == 1
    second = app_factory(years="2024").run()  # another session, the same view: its frame is not built again
    assert map_args(second) == map_args(first) and len(MAP_FRAMES) == 1
    other = app_factory(years="2016-2019").run()
    assert map_args(other)["script"] != map_args(first)["script"] and len(MAP_FRAMES) == 2
    second.text_area(key="notice").set_value(NOTICE).run()  # the reader's own notice: a map for them alone
    assert "Pasted notice" in map_args(second)["script"] and len(MAP_FRAMES) == 2
    assert "Pasted notice" not in map_args(first.run())["script"]


def test_year_filter_updates_map_table_and_url(app_factory):
    at = app_factory().run()
    assert len(at.dataframe) == 0  # the table tab is closed: no table is built or sent
    at.session_state["record_tab"] = "Table"
    at.slider(key="years").set_value((2024, 2024)).run()
    assert metrics(at)["Exercises shown"] == "2"
    assert shown_region_ids(at) == {"north_sea_box", "dateline_box"}
    assert at.query_params["years"] == "2024"
    assert len(at.dataframe[0].value) == 2


def test_exercise_filter_updates_url(app_factory):
    at = app_factory().run()
    at.multiselect(key="exercise").set_value(["bravo_2019", "alpha_2016"]).run()
    assert metrics(at)["Exercises shown"] == "2"
    assert shown_region_ids(at) == {"north_sea_box", "bay_box", "south_sea_box"}
    assert at.query_params["exercise"] == "bravo_2019,alpha_2016"


def test_shared_link_restores_the_view(app_factory):
    at = app_factory(years="2019-2024", exercise="bravo_2019,charlie_2024", domain="air").run()
    assert not at.exception and not at.warning
    assert at.slider(key="years").value == (2019, 2024)
    assert at.multiselect(key="exercise").value == ["bravo_2019", "charlie_2024"]
    assert at.multiselect(key="domain").value == ["air"]
    assert metrics(at)["Exercises shown"] == "1"
    assert shown_region_ids(at) == {"dateline_box"}


def test_single_year_link(app_factory):
    at = app_factory(years="2016").run()
    assert at.slider(key="years").value == (2016, 2016)
    assert metrics(at)["Exercises shown"] == "1"


def test_series_link_uses_slugs(app_factory):
    at = app_factory(series="test_patrol").run()
    assert at.multiselect(key="series").value == ["Test Patrol"]
    assert metrics(at)["Exercises shown"] == "2"


@pytest.mark.parametrize(
    "query",
    [
        {"years": "<script>alert(1)</script>"},
        {"years": "1800-1900"},
        {"exercise": "nope,<img src=x onerror=alert(1)>"},
        {"domain": "space"},
        {"selected": "x" * 3000},
    ],
)
def test_bad_link_falls_back_with_a_notice(app_factory, query):
    at = app_factory(**query).run()
    assert not at.exception
    assert len(at.warning) == 1
    assert metrics(at)["Exercises shown"] == "4"


def test_zone_link_filters_by_route_entered_and_stays_in_the_link(app_factory):
    at = app_factory(zone="cn_ecs_adiz").run()  # no route of the test data enters China's ECS ADIZ
    assert not at.exception and not at.warning
    assert at.multiselect(key="zone").value == ["CN_ECS_ADIZ"]
    assert metrics(at)["Exercises shown"] == "0"
    assert at.query_params["zone"] == "CN_ECS_ADIZ"
    at.multiselect(key="zone").set_value([]).run()
    assert metrics(at)["Exercises shown"] == "4" and "zone" not in at.query_params
    bad = app_factory(zone="KADIZ").run()
    assert len(bad.warning) == 1 and "KADIZ" in bad.warning[0].value
    assert metrics(bad)["Exercises shown"] == "4"


def test_notice_goes_away_after_a_filter_change(app_factory):
    at = app_factory(years="bad").run()
    assert len(at.warning) == 1
    at.slider(key="years").set_value((2019, 2024)).run()
    assert len(at.warning) == 0


def test_selected_exercise_zooms_and_shows_details(app_factory):
    at = app_factory(selected="delta_2024").run()
    assert at.selectbox(key="selected").value == "delta_2024"
    script = map_args(at)["script"]
    assert "Selected: Delta-2024" in script
    assert "[[40.0, 130.0], [50.0, 140.0]]" in script
    assert any("Delta drill in the north box." in h.proto.body for h in at.get("html"))
    assert at.query_params["selected"] == "delta_2024"


def test_selection_outside_the_filter_is_cleared(app_factory):
    at = app_factory(selected="alpha_2016").run()
    at.slider(key="years").set_value((2024, 2024)).run()
    assert at.selectbox(key="selected").value is None
    assert "selected" not in at.query_params


def test_no_match_says_so(app_factory):
    at = app_factory(domain="ground").run()
    assert metrics(at)["Exercises shown"] == "0"
    assert any("No exercise matches" in i.value for i in at.info)


def test_bad_rows_are_listed_and_the_rest_shown(app_factory, small_data):
    path = small_data / "exercises.csv"
    path.write_text(path.read_text().replace("2016-09-12", "2016-13-12"))
    at = app_factory(small_data).run()
    assert not at.exception
    assert metrics(at)["Exercises shown"] == "3"
    problems = at.expander[0].text[0].value
    assert "exercises.csv, line 2, field 'start_date'" in problems


def test_unusable_file_gives_an_error_not_a_traceback(app_factory, small_data):
    (small_data / "regions.geojson").write_text("{ broken")
    at = app_factory(small_data).run()
    assert not at.exception
    assert "regions.geojson" in at.error[0].value and "cannot be read as GeoJSON" in at.error[0].value


def test_missing_land_layer_is_a_warning(app_factory, small_data):
    (small_data / "land.geojson").unlink()
    at = app_factory(small_data).run()
    assert not at.exception
    assert any("No land layer" in w.value for w in at.warning)
    assert "land layer not loaded" not in map_args(at)["script"]  # no land fetched


def test_region_link_zooms_and_lists_what_was_held_there(app_factory):
    at = app_factory(region="north_sea_box").run()
    assert at.selectbox(key="region").value == "north_sea_box"
    script = map_args(at)["script"]
    assert "Selected: North test sea" in script and "[[40.0, 130.0], [50.0, 140.0]]" in script
    details = " ".join(h.proto.body for h in at.get("html"))
    assert "Bravo-2019" in details and "Delta-2024" in details


def test_map_view_link_opens_there_and_a_filter_change_refits(app_factory):
    at = app_factory(lat="45.5", lon="185.25", z="6").run()
    script = map_args(at)["script"]
    assert "center: [45.5, 185.25]" in script and '"zoom": 6' in script and not OPENING_FIT.search(script)
    assert at.query_params["z"] == "6"
    at.multiselect(key="domain").set_value(["naval"]).run()
    assert OPENING_FIT.search(map_args(at)["script"])
    assert "z" not in at.query_params and at.query_params["domain"] == "naval"


def test_search_finds_any_script_and_goes_into_the_link(app_factory):
    at = app_factory().run()
    at.text_input(key="q").set_value("charlie").run()
    assert metrics(at)["Exercises shown"] == "1"
    assert at.query_params["q"] == "charlie"


def test_link_pins_the_dataset_version(app_factory):
    at = app_factory().run()
    at.multiselect(key="domain").set_value(["air"]).run()
    assert at.query_params["v"] == "test-1"
    older = app_factory(domain="air", v="test-0").run()
    assert any("dataset version 'test-0'" in w.value.replace("\\", "") for w in older.warning)


def test_map_only_layout_has_no_sidebar_or_table(app_factory):
    at = app_factory(layout="map", years="2024").run()
    assert not at.exception
    assert len(at.sidebar) == 0 and len(at.dataframe) == 0
    assert shown_region_ids(at) == {"north_sea_box", "dateline_box"}
    assert at.query_params["layout"] == "map"


def test_export_buttons_offer_every_format(app_factory):
    from geodata.export import FORMATS

    buttons = {b.proto.label: b.proto for b in app_factory(years="2024").run().get("download_button")
               if b.proto.id.find("picture_") < 0}  # the charts' pictures: tests/app/test_find.py
    assert set(buttons) == {f.label for f in FORMATS.values()}
    assert not any(b.disabled for b in buttons.values())
    empty = app_factory(domain="ground").run().get("download_button")
    assert all(b.proto.disabled for b in empty)


def test_share_panel_carries_the_citation(app_factory):
    at = app_factory(years="2024", domain="air").run()
    (panel,) = at.get("iframe")
    assert "Drill Atlas, dataset version test-1, filtered to 2024; domains: air" in panel.proto.srcdoc
    hostile = app_factory(q="</script><script>alert(1)</script>").run()
    assert "</script><script>alert(1)" not in hostile.get("iframe")[0].proto.srcdoc


NOTICE = "Firing area bounded by 42-30.00N 131-45.00E, 42-30.00N 132-15.00E, 42-00.00N 132-15.00E, 42-00.00N 131-45.00E."


def test_pasted_notice_is_drawn_and_measured(app_factory):
    at = app_factory().run()
    at.text_area(key="notice").set_value(NOTICE).run()
    at.text_input(key="notice_source").set_value("https://msi.example/123").run()
    assert not at.exception
    assert "Pasted notice" in map_args(at)["script"]
    area = {m.label: m.value for m in at.metric}["Area"]
    assert 2_000 < int(area.replace(",", "").split()[0]) < 2_400
    zones = [d.value for d in at.dataframe if "ADIZ" in d.value.columns]
    assert len(zones) == 1
    assert list(zones[0]["ADIZ"]) == ["South Korea: KADIZ", "China: East China Sea ADIZ", "Taiwan: ADIZ"]
    assert 250 < int(zones[0]["km"].iloc[0]) < 450 < int(zones[0]["km"].iloc[1])  # the notice is off Vladivostok
    assert any(b.proto.label == "Save the area as a dataset region (GeoJSON)" for b in at.get("download_button"))


def test_unreadable_notice_text_is_quoted(app_factory):
    at = app_factory().run()
    at.text_area(key="notice").set_value("Area 42-3O.00N 131-45.00E").run()
    assert not at.exception
    assert any("42-3O.00N" in w.value.replace("\\", "") for w in at.warning)


def test_playback_steps_through_months_on_one_map(app_factory):
    at = app_factory(years="2024").run()
    at.toggle(key="playback").set_value(True).run()
    assert not at.exception
    assert at.select_slider(key="play_month").value.strftime("%Y-%m") == "2024-07"
    assert any("July 2024" in m.value for m in at.markdown)  # the month's line, above its map
    args = map_args(at)
    assert '"region_id"' not in args["script"] and "north_sea_box" not in args["script"]
    assert "dateline_box" in args["feature_group"]
    at.radio(key="play_mode").set_value("cumulative").run()
    at.select_slider(key="play_month").set_value(pd.Period("2024-09", "M")).run()
    assert "north_sea_box" in map_args(at)["feature_group"] and "dateline_box" in map_args(at)["feature_group"]


def test_map_fits_a_freshly_pasted_notice(app_factory):
    at = app_factory().run()
    at.text_area(key="notice").set_value(NOTICE).run()
    # The notice's 1.5° box (41.5-43.0°N, 131.25-132.75°E), widened about its middle to 2.5° by 2° so
    # that the coast around it shows (geodata.filters.with_context).
    assert "[[41.25, 130.75], [43.25, 133.25]]" in map_args(at)["script"]


def test_a_linked_exercise_outside_the_filtered_years_gets_a_notice(app_factory):
    at = app_factory(years="2024-2024", selected="alpha_2016")
    at.run()
    assert not at.exception
    [notice] = [w.value.replace("\\", "") for w in at.warning]
    assert "alpha_2016" in notice and "not among the exercises shown (2024)" in notice
    assert at.selectbox(key="selected").value is None


TWO_AREA_NOTICE = """NAVAREA XIII 100/24
SEA OF JAPAN. FIRING EXERCISES 100000Z TO 152359Z SEP 24 DAILY 0100Z TO 0800Z
A. 42-30N 133-00E, 42-30N 134-00E, 41-30N 134-00E, 41-30N 133-00E.
B. WITHIN 10 NM OF 45-00N 135-00E."""


def test_each_area_of_a_pasted_notice_is_measured_timed_and_saved_on_its_own(app_factory):
    at = app_factory().run()
    at.text_area(key="notice").set_value(TWO_AREA_NOTICE).run()
    at.text_input(key="notice_source").set_value("https://msi.example/100").run()
    assert not at.exception
    script = map_args(at)["script"]
    assert '"tooltip": "Pasted notice \\u2014 A"' in script and '"tooltip": "Pasted notice \\u2014 B"' in script
    assert script.count('class=\\"da-notice-label\\"') == 2  # each area's label written on the map
    titles = [m.value.replace("\\", "") for m in at.markdown if "Pasted notice —" in m.value]
    assert titles == ["**Pasted notice — A (polygon, 4 positions)**", "**Pasted notice — B (circle, 1 positions)**"]
    assert sum(m.label == "Area" for m in at.metric) == 2
    times = [c.value.replace("\\", "") for c in at.caption if c.value.startswith("In force")]
    assert times == ["In force (UTC): 2024-09-10 00:00 – 2024-09-15 23:59 UTC, daily 01:00–08:00 UTC"] * 2
    tables = [t.value for t in at.dataframe if "Recorded exercise" in t.value.columns]
    assert [list(t["Recorded exercise"]) for t in tables] == [["Delta-2024"], ["Delta-2024"]]
    assert sum(b.proto.label == "Save the area as a dataset region (GeoJSON)" for b in at.get("download_button")) == 2


def test_clear_all_filters_empties_the_link(app_factory):
    at = app_factory(years="2019-2024", domain="naval", q="a", selected="delta_2024").run()
    clear = next(b for b in at.button if b.label == "Clear all filters")
    assert not clear.disabled
    clear.click().run()
    assert not at.exception
    assert dict(at.query_params) == {}
    assert at.slider(key="years").value == (2016, 2024)
    assert next(b for b in at.button if b.label == "Clear all filters").disabled


def test_a_play_link_opens_playback_on_its_month_and_steps_write_it(app_factory):
    at = app_factory(years="2024", play="2024-08").run()  # August has no exercise: the next month that has
    assert not at.exception
    assert at.toggle(key="playback").value is True
    assert at.select_slider(key="play_month").value.strftime("%Y-%m") == "2024-09"
    assert any("September 2024: 1 exercise active — Delta-2024" in c.value.replace("\\", "") for c in at.markdown)
    assert at.query_params["play"] == "2024-09"
    at.toggle(key="play_skip").set_value(False).run()
    at.select_slider(key="play_month").set_value(pd.Period("2024-08", "M")).run()
    assert at.query_params["play"] == "2024-08"
    at.toggle(key="playback").set_value(False).run()
    assert "play" not in at.query_params
DRAWN_SQUARE = {"type": "Feature", "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [[[133, 41], [134, 41], [134, 42], [133, 42], [133, 41]]]}}


def test_a_pasted_notice_goes_into_the_link_and_the_link_restores_it(app_factory):
    at = app_factory().run()
    at.text_area(key="notice").set_value(NOTICE).run()
    at.text_input(key="notice_name").set_value("HYDROPAC 1/24").run()
    token = at.query_params["shapes"]
    assert len(token) < 300
    opened = app_factory(shapes=token).run()
    assert not opened.exception and not opened.warning
    assert opened.text_area(key="notice").value == NOTICE
    assert opened.text_input(key="notice_name").value == "HYDROPAC 1/24"
    assert "HYDROPAC 1/24" in map_args(opened)["script"]
    area = {m.label: m.value for m in opened.metric}["Area"]
    assert 2_000 < int(area.replace(",", "").split()[0]) < 2_400


def test_a_link_with_drawn_shapes_puts_them_on_the_map_and_measures_them(app_factory):
    from geodata.share_token import SharedShapes, drawings_from_features, encode

    drawings, _ = drawings_from_features([DRAWN_SQUARE])
    opened = app_factory(shapes=encode(SharedShapes(drawings=drawings))).run()
    assert not opened.exception
    assert "drawnItems" in map_args(opened)["script"] and "[133.0, 41.0]" in map_args(opened)["script"]
    assert any("Drawn polygon" in m.value for m in opened.markdown)
    area = {m.label: m.value for m in opened.metric}["Area"]
    assert 9_000 < int(area.replace(",", "").split()[0]) < 10_000
    assert opened.query_params["shapes"] == encode(SharedShapes(drawings=drawings))


@pytest.mark.parametrize("token", ["AQ", "!!!!", "A" * 20_000, "AfPjMzHSNTbwUzA0NtQ1MXVlYAhgPrDvC_OBI9d5GA7M4gEiBgC8z1zz"])
def test_a_tampered_or_oversized_token_gets_a_message_not_a_crash(app_factory, token):
    at = app_factory(shapes=token, years="2024").run()
    assert not at.exception
    assert any("shapes in this link" in w.value for w in at.warning)
    assert at.slider(key="years").value == (2024, 2024)
    assert "shapes" not in at.query_params


def test_a_layers_link_switches_layers_on_and_off(app_factory):
    at = app_factory(layers="adiz,naval").run()
    assert not at.exception and not at.warning
    assert at.query_params["layers"] == "adiz,naval"
    unknown = app_factory(layers="adiz,bogus").run()
    assert any("bogus" in w.value for w in unknown.warning)
