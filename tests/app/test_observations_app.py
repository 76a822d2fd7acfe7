"""The page draws an exercise's observed positions on the map and lists them in its details."""

from __future__ import annotations

from geodata import schema
from tests.app.conftest import map_args, map_popups


def test_observed_positions_are_drawn_and_listed(app_factory):
    at = app_factory(schema.DATA_DIR, exercise="joint_naval_patrol_2021").run()
    assert not at.exception
    script = map_args(at)["script"]
    assert "Observed positions (5)" in script
    assert "observed by a defence ministry" in script  # the legend's line
    popups = "".join(map_popups(at))
    assert "about 110 km south-west of Okushiri Island" in popups
    # the popups' texts come from the dataset's popups file, not from the map's script
    assert "about 110 km south-west of Okushiri Island" not in script
    details = [h.proto.body for h in at.get("html") if "Observed by defence ministries" in h.proto.body]
    assert len(details) == 1
    assert "between Sumisu-jima and Torishima" in details[0] and "not on the map" in details[0]


def test_points_follow_the_filters(app_factory):
    at = app_factory(schema.DATA_DIR, years="2016").run()
    assert "Observed positions" not in map_args(at)["script"]
