"""observations.csv: loading, each rule failing on a bad row, route notes, the map layer, details and exports."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import pyproj
import pytest

from geodata import schema
from geodata.export import to_geojson_bytes, to_kml_bytes
from geodata.export.table import OBSERVATIONS_COLUMN, to_csv_bytes
from geodata.loaders import load_dataset
from geodata.observations import parse_observed
from geodata.problems import ERROR, WARNING
from geodata.query import Catalog, view_from_params
from geodata.reference import REFERENCE_DIR, STRAITS_FILE
from geodata.schema import DATA_DIR
from geodata.validate import main as validate_main
from layers.folium_internals import geojson_bounds
from layers.observations import (
    OBSERVATION_STYLE,
    OTHER_POINT_STYLE,
    observation_layer,
    observation_popups,
    observations_panel_html,
    place_if_unsaid,
)
from view.scene import details_html, scene_for

ANCHORS = "anchor_id,name,lat,lon,source\ntest_rock,Test Rock,45.0,135.0,https://example.org/rock\n"
HEADER = ",".join(schema.OBSERVATION_COLUMNS)
GOOD = {
    "exercise_id": "bravo_2019", "observed": "2019-12-28T06:44+09:00", "observer": "ROK JCS",
    "what": "2 aircraft entered the test zone", "place": "100 km south-west of Test Rock", "anchor_id": "test_rock",
    "bearing": "SW", "distance_km": "100", "lat": "", "lon": "", "strait_id": "", "zone": "TEST_ADIZ",
    "source": "https://example.org/seen", "note": "",
}


def row(**changes: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([{**GOOD, **changes}[c] for c in schema.OBSERVATION_COLUMNS])
    return buffer.getvalue()


def zone(zone_id: str, west: float, south: float, east: float, north: float) -> dict:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
            "properties": {"zone_id": zone_id, "name": f"Zone {zone_id}", "kind": "adiz", "published": "test",
                           "precision": "test box", "source": "https://example.org/zone"}}


@pytest.fixture
def obs_data(small_data: Path) -> Path:
    """The small data set with anchors, a reference folder (a zone the bravo route crosses, one it does not)."""
    reference = small_data / "reference"
    reference.mkdir()
    shutil.copy(REFERENCE_DIR / STRAITS_FILE, reference / STRAITS_FILE)
    zones = [zone("TEST_ADIZ", 134.0, 44.0, 136.0, 46.0), zone("FAR_ADIZ", 100.0, 0.0, 101.0, 1.0)]
    (reference / "adiz.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": zones}),
                                            encoding="utf-8")
    (small_data / "anchors.csv").write_text(ANCHORS, encoding="utf-8")
    return small_data


def write(data_dir: Path, *rows: str) -> None:
    (data_dir / "observations.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")


def test_a_good_file_loads_placed_and_in_utc(obs_data):
    write(obs_data, row(), row(anchor_id="", bearing="", distance_km="", strait_id="tsugaru_strait", zone="",
                              observed="2019-12-29"))
    dataset = load_dataset(obs_data)
    assert [p for p in dataset.problems if p.file == "observations.csv"] == []
    first, second = dataset.observations.to_dict("records")
    assert first["observed_utc"] == "2019-12-27T21:44Z" and first["observed_date"] == "2019-12-28"
    azimuth, _, metres = pyproj.Geod(ellps="WGS84").inv(135.0, 45.0, first["position_lon"], first["position_lat"])
    assert round(metres / 1000.0, 3) == 100.0 and round(azimuth % 360.0, 6) == 225.0
    assert "100 km SW of Test Rock" in first["position_basis"] and "https://example.org/rock" in first["position_basis"]
    assert 41.0 < second["position_lat"] < 42.0 and "Tsugaru Strait gate" in second["position_basis"]
    bravo = dataset.exercises.set_index("exercise_id").loc["bravo_2019"]
    assert "2 aircraft entered the test zone" in bravo["observations"] and "<https://example.org/seen>" in bravo[
        "observations"]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"exercise_id": "zulu_2030"}, "exercise_id", "not a valid exercise_id"),
        ({"anchor_id": "", "bearing": "", "distance_km": "", "lat": "95", "lon": "135"}, "lat", "outside latitude"),
        ({"anchor_id": "", "bearing": "", "distance_km": "", "lat": "north", "lon": "135"}, "lat", "not a number"),
        ({"strait_id": "panama_canal"}, "strait_id", "not a strait_id"),
        ({"anchor_id": "atlantis"}, "anchor_id", "not an anchor_id"),
        ({"bearing": "SSSW"}, "bearing", "compass point"),
        ({"distance_km": "-5"}, "distance_km", "distance in km"),
        ({"distance_km": ""}, "anchor_id", "needs anchor_id, bearing and distance_km"),
        ({"source": ""}, "source", "is empty"),
        ({"source": "javascript:alert(1)"}, "source", "http(s)"),
        ({"observed": "28/12/2019"}, "observed", "ISO date"),
        ({"observed": "2019-12-28T06:44"}, "observed", "ISO date"),
        ({"observed": "2019-12-25"}, "observed", "outside bravo_2019's dates"),
        ({"observed": "2020-01-04T01:00Z"}, "observed", "outside bravo_2019's dates"),
        ({"zone": "MOON_ADIZ"}, "zone", "not a zone_id"),
        ({"observer": "Someone"}, "observer", "not one of"),
        ({"what": ""}, "what", "is empty"),
    ],
)
def test_each_rule_refuses_its_bad_row(obs_data, changes, field, words):
    write(obs_data, row(), row(**changes))
    dataset = load_dataset(obs_data)
    problems = [p for p in dataset.problems if p.file == "observations.csv" and p.severity == ERROR]
    assert len(problems) == 1, problems
    assert (problems[0].row, problems[0].field, problems[0].severity) == ("line 3", field, ERROR)
    assert words in problems[0].message
    assert len(dataset.observations) == 1
    assert validate_main(["--data-dir", str(obs_data)]) == 1


def test_a_day_either_side_of_the_dates_is_accepted(obs_data):
    write(obs_data, row(observed="2019-12-26"), row(observed="2020-01-03T23:00+09:00"))
    assert len(load_dataset(obs_data).observations) == 2


def test_an_exercise_id_in_a_note_is_a_warning_and_the_entry_stays(obs_data):
    write(obs_data, row(note="Linked with bravo_2019 by Japan."))
    dataset = load_dataset(obs_data)
    problems = [p for p in dataset.problems if p.file == "observations.csv"]
    assert [(p.row, p.field, p.severity) for p in problems] == [("line 2", "note", WARNING)]
    assert "'bravo_2019'" in problems[0].message
    assert len(dataset.observations) == 1


def test_parse_observed_keeps_the_published_offset():
    assert parse_observed("2024-07-24") == (pd.Timestamp("2024-07-24").date(), "")
    assert parse_observed("2022-11-30T05:48+09:00")[1] == "2022-11-29T20:48Z"
    assert parse_observed("2022-11-30T05:48") is None and parse_observed("x" * 5000) is None


def test_route_notes_say_when_the_route_does_not_show_an_entry(obs_data):
    write(obs_data, row(), row(zone="FAR_ADIZ"), row(zone="KR_KADIZ"), row(zone=""),
          row(exercise_id="alpha_2016", observed="2016-09-13", zone="TEST_ADIZ"))
    observations = load_dataset(obs_data).observations
    assert list(observations["exercise_id"]) == ["alpha_2016"] + ["bravo_2019"] * 4  # loaded in time order
    keys = zip(observations["exercise_id"], observations["zone"], strict=True)
    notes = dict(zip(keys, observations["route_note"], strict=True))
    assert notes["bravo_2019", "TEST_ADIZ"] == "" and notes["bravo_2019", ""] == ""
    far = notes["bravo_2019", "FAR_ADIZ"]
    assert "does not enter Zone FAR_ADIZ" in far and "South Korea Joint Chiefs of Staff reported" in far
    assert "not among the reference zones" in notes["bravo_2019", "KR_KADIZ"]
    assert "South Korea's ADIZ (KADIZ)" in notes["bravo_2019", "KR_KADIZ"]
    assert notes["alpha_2016", "TEST_ADIZ"].startswith("No route is drawn for this exercise")


def test_details_panel_lists_observations_and_unshown_entries(obs_data):
    write(obs_data, row(), row(zone="FAR_ADIZ", anchor_id="", bearing="", distance_km="", place="somewhere far"))
    dataset = load_dataset(obs_data)
    catalog = Catalog.from_exercises(dataset.exercises, tuple(dataset.regions["region_id"]), dataset.version)
    view, _ = view_from_params({"selected": ["bravo_2019"]}, catalog)
    panel = details_html(scene_for(dataset, view), dataset.regions, catalog)
    assert "Observed by defence ministries (2)" in panel
    assert "The schematic route does not enter Zone FAR_ADIZ" in panel
    assert "somewhere far" in panel and "not on the map" in panel
    assert "2019-12-28 06:44 (+09:00; 21:44 UTC on 2019-12-27)" in panel
    assert observations_panel_html("alpha_2016", dataset.observations) == ""


def test_a_place_the_text_already_says_is_not_said_again(obs_data):
    # "heading west about 50 km south-south-east of Sumisu-jima (about 50 km south-south-east of Sumisu-jima)"
    said = "3 ships heading west about 50 km SSE of Sumisu-jima"
    write(obs_data, row(what=said, place="about 50 km SSE of sumisu-jima"), row(observed="2019-12-29"))
    dataset = load_dataset(obs_data)
    panel = observations_panel_html("bravo_2019", dataset.observations)
    assert panel.count("Sumisu-jima") + panel.count("sumisu-jima") == 1
    popups = observation_popups(dataset.observations, dataset.exercises)
    first, second = (popups[i] for i in dataset.observations.index)
    assert [("Where:" in first), ("Where:" in second)] == [False, True]  # the second's text does not name it
    assert place_if_unsaid("near Ieodo", "") == "" and place_if_unsaid(None, "Ieodo") == "Ieodo"


def test_layer_is_one_geojson_of_points_with_escaped_popups(obs_data):
    hostile = "<script>alert(1)</script> {{ 7*7 }}"
    write(obs_data, row(what=hostile), row(observed="2019-12-29"), row(anchor_id="", bearing="", distance_km=""))
    dataset = load_dataset(obs_data)
    fg = observation_layer(dataset.observations, dataset.exercises)
    layers = [child for child in fg._children.values() if isinstance(child, folium.GeoJson)]
    assert len(layers) == 1 and fg.layer_name == "Observed positions (2)"
    features = layers[0].data["features"]
    assert len(features) == 1 and features[0]["geometry"]["type"] == "Point"
    popup = features[0]["properties"]["popup"]
    assert "<script>" not in popup and "&lt;script&gt;" in popup and "{{" not in popup
    assert "+1 more here" in features[0]["properties"]["tooltip"]
    shown = dataset.exercises.loc[dataset.exercises["exercise_id"] == "alpha_2016"]
    assert observation_layer(dataset.observations, shown) is None


def test_popups_built_once_per_dataset_draw_the_same_layer(obs_data):
    write(obs_data, row(), row(observed="2019-12-29"), row(anchor_id="", bearing="", distance_km=""))
    dataset = load_dataset(obs_data)
    popups = observation_popups(dataset.observations, dataset.exercises)
    assert set(popups) == set(dataset.observations.index)
    for shown in (dataset.exercises, dataset.exercises.loc[dataset.exercises["exercise_id"] == "bravo_2019"]):
        built, given = (observation_layer(dataset.observations, shown, p) for p in (None, popups))
        data = [[c.data for c in fg._children.values() if isinstance(c, folium.GeoJson)] for fg in (built, given)]
        assert data[0] == data[1]


def test_the_layer_knows_the_extent_shapely_finds_for_its_points():
    dataset = load_dataset(DATA_DIR)
    fg = observation_layer(dataset.observations, dataset.exercises)
    (layer,) = [child for child in fg._children.values() if isinstance(child, folium.GeoJson)]
    assert len(layer.data["features"]) > 10
    assert layer.get_bounds() == geojson_bounds(layer.data)


def test_a_selected_exercise_keeps_its_points_and_fades_the_others():
    dataset = load_dataset(DATA_DIR)

    def styles(selected):
        fg = observation_layer(dataset.observations, dataset.exercises, selected=selected)
        (layer,) = [child for child in fg._children.values() if isinstance(child, folium.GeoJson)]
        return [(f["properties"]["tooltip"], layer.style_function(f)) for f in layer.data["features"]]

    picked = styles("joint_naval_patrol_2021")
    own = [style for tooltip, style in picked if tooltip.startswith("1st China-Russia joint maritime patrol")]
    assert own and all(style == OBSERVATION_STYLE for style in own)
    assert sum(style == OTHER_POINT_STYLE for _, style in picked) == len(picked) - len(own) > 10
    # none selected, or one without observed positions: every point as before
    assert all(style == OBSERVATION_STYLE for _, style in styles(None) + styles("peace_mission_2005"))


def test_csv_export_carries_each_exercises_observations(obs_data):
    write(obs_data, row())
    dataset = load_dataset(obs_data)
    table = pd.read_csv(io.BytesIO(to_csv_bytes(dataset.exercises, dataset.regions, "v", "all")), dtype=str,
                        keep_default_na=False, encoding="utf-8-sig").set_index("exercise_id")
    assert "ROK JCS" not in table.loc["bravo_2019", OBSERVATIONS_COLUMN]  # the observer's full name is written
    assert "South Korea Joint Chiefs of Staff: 2 aircraft entered" in table.loc["bravo_2019", OBSERVATIONS_COLUMN]
    assert table.loc["alpha_2016", OBSERVATIONS_COLUMN] == ""


def test_bundled_observations_are_clean_and_placed_only_from_sources():
    dataset = load_dataset()
    assert [p for p in dataset.problems if p.file in ("observations.csv", "anchors.csv")] == []
    observations = dataset.observations
    assert len(observations) >= 60
    placed = observations.loc[observations["position_lat"].map(math.isfinite)]
    assert set(placed["position_basis"].str.split(":").str[0]) <= {"computed", "drawn at the middle of the Korea / "
                                                                  "Tsushima Strait (southern entrance) gate"} | {
        f"drawn at the middle of the {name} gate" for name in
        ("Tsugaru Strait", "Sōya (La Pérouse) Strait", "Ōsumi Strait (eastern entrance)", "Miyako Strait (Okinawa – Miyako)")}
    for record in placed.to_dict("records"):
        assert record["anchor_id"] or record["strait_id"], record
    patrols = dataset.exercises.loc[dataset.exercises["series"].str.contains("patrol", case=False)
                                    & (dataset.exercises["start"] >= "2019-01-01")]
    covered = set(observations["exercise_id"])
    assert len(set(patrols["exercise_id"]) & covered) >= 15


def test_geojson_and_kml_carry_observed_positions_as_points(obs_data):
    write(obs_data, row(), row(anchor_id="", bearing="", distance_km="", place="nowhere given"))
    dataset = load_dataset(obs_data)
    for make in (to_geojson_bytes, to_kml_bytes):
        data = make(dataset.exercises, dataset.regions, dataset.routes, version="v", description="all",
                    observations=dataset.observations)
        back = gpd.read_file(io.BytesIO(data))
        points = back.loc[back["feature_kind"] == "observation"]
        assert len(points) == 1 and points.geom_type.tolist() == ["Point"]
        point = points.iloc[0]
        assert point["observation_observer"] == "South Korea Joint Chiefs of Staff"
        assert point["observation_source"] == "https://example.org/seen"
        assert abs(point.geometry.y - dataset.observations.iloc[0]["position_lat"]) < 1e-6
