"""Measuring a user's shape does bounded work and never raises, whatever the shape.

Shapes come from users three ways, all untrusted: an uploaded feature (up to 20 measured per
file), a pasted notice's area, and a drawing (the map sends the server any GeoJSON it likes).
Each attack below was timed on the code before the fix (commit 6dbea34, one CPU, CPU seconds
from ``time.process_time``) and is refused or measured within the bound after it:

- A 187-byte GeoJSON line crossing the world seven times (:data:`WORLD_LINE`): 13.8 s of CPU,
  every edge split every 0.1° and projected for each of the 202 countries it came near.
  Now refused by the extent check in 0.1 ms.
- A 609-byte zigzag of 38 vertices across the world (:data:`WORLD_ZIGZAG`): 50.9 s of CPU.
  Now refused in 0.1 ms.
- A drawn line to longitude 1e6: ``drawn_geometry`` accepted it, measuring it took 7.0 s of
  CPU and the process from about 280 MB to 990 MB before it raised ``GEOSException``
  (orientationIndex encountered NaN/Inf). 3e6 and 1e7 grow further (the outside report:
  2.5 GB, then out of memory). Now refused in under 0.1 ms, the message naming the longitude.
- A drawn circle centred at latitude 95 (or -95): ``drawn_geometry`` raised ``GEOSException``
  (the ring of NaNs is not closed). A drawn circle of 20,000 km radius gave an invalid polygon
  measured for 3.8 s; 50,000 km, 4.3 s. Now refused in under 1 ms.
- ``box(-180, -90, 180, 90)``: 4.5 s of CPU; ``box(0, -89, 359, 89)``: 2.5 s. Now refused.
- Found while writing these tests: repairing a polygon of random vertices (``make_valid``)
  costs with its self-crossings, about n²/4: 400 vertices 0.7 s, 1,600 vertices 22 s, 10,000
  vertices ran the test process to 9.6 GB. Now shapes of more than 250 vertices are not
  repaired but refused (``geodata.uploads`` still repairs uploads without such a bound).

Legitimate shapes are unaffected: the measures of a notice or a sea agree with the unit tests;
the largest regions of the dataset (Russia, the Mediterranean) reach the 2 s budget and report
the coasts measured, nearest first.
"""

from __future__ import annotations

import json
import math
import resource
import time

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import GeometryCollection, LinearRing, LineString, MultiPoint, Point, Polygon, box, shape

from geodata.loaders import load_dataset
from geodata.measure import read_countries
from geodata.notices import parse_notice
from geodata.schema import DATA_DIR
from geodata.user_shapes import (
    LAT_RANGE,
    LON_RANGE,
    MAX_CIRCLE_RADIUS_KM,
    MAX_REPAIR_VERTICES,
    MAX_VERTICES,
    MEASURE_BUDGET_S,
    MEASURE_SLACK_S,
    ShapeMeasures,
    checked_shape,
    drawn_geometry,
    measure_shape,
    measure_shape_isolated,
    read_drawing,
)

SLACK_S = 1.0
"""A measure may overrun its budget by the one country it is measuring, then it stops."""


def _zigzag(lats: list[float], lon: float) -> dict:
    coords = [[-lon if i % 2 == 0 else lon, lat] for i, lat in enumerate(lats)]
    return {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": coords}}


WORLD_LINE = _zigzag([-55.5, -35.5, -15.5, 5.5, 25.5, 45.5, 65.5], 179.75)
"""187 bytes as compact GeoJSON: seven vertices, six passes from 179.75° W to 179.75° E."""
WORLD_ZIGZAG = _zigzag([round(-60 + 3.5 * i, 1) for i in range(38)], 179.5)
"""609 bytes as compact GeoJSON: 38 vertices from 60° S to 69.5° N, each edge across the world."""


def compact(feature: dict) -> bytes:
    return json.dumps(feature, separators=(",", ":")).encode()


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA_DIR).regions, read_countries()


def timed(function, *args, **kwargs):
    """The result and the CPU seconds of one call (``time.process_time``): on a loaded 2-core machine
    the wall time of a bounded call can grow several times while its CPU time does not."""
    start = time.process_time()
    result = function(*args, **kwargs)
    return result, time.process_time() - start


def assert_sound(measures: ShapeMeasures) -> None:
    assert isinstance(measures, ShapeMeasures)
    assert math.isfinite(measures.area_km2) and measures.area_km2 >= 0
    assert all(math.isfinite(c.km) and c.km >= 0 for c in measures.coasts)
    assert all(0 < r.share <= 1 for r in measures.regions)
    assert measures.incomplete is None or (isinstance(measures.incomplete, str) and measures.incomplete)


def test_the_attack_shapes_are_as_small_as_reported():
    assert len(compact(WORLD_LINE)) == 187
    assert len(compact(WORLD_ZIGZAG)) == 609


def test_a_187_byte_line_across_the_world_is_refused_within_a_second(data):
    measures, seconds = timed(measure_shape, shape(WORLD_LINE["geometry"]), *data, label="Feature 1")
    assert seconds < 1.0  # 13.8 s of CPU before the fix
    assert measures.incomplete.startswith("Feature 1 is too large to measure")
    assert "longitude" in measures.incomplete
    assert measures.coasts == () and measures.regions == ()


def test_a_609_byte_zigzag_across_the_world_is_refused_within_two_seconds(data):
    measures, seconds = timed(measure_shape, shape(WORLD_ZIGZAG["geometry"]), *data)
    assert seconds < 2.0  # 50.9 s of CPU before the fix
    assert "too large to measure" in measures.incomplete


def test_a_zigzag_within_the_extent_limits_is_measured_within_the_budget(data):
    # 2,000 edges each 80° long: 160,000° of line, 1.6 million vertices at the old 0.1° step.
    lons = np.where(np.arange(2000) % 2 == 0, 100.0, 180.0)
    lats = np.linspace(-40, 50, 2000)
    measures, seconds = timed(measure_shape, LineString(np.c_[lons, lats]), *data)
    assert seconds < MEASURE_BUDGET_S + SLACK_S
    assert_sound(measures)


@pytest.mark.parametrize("lon", [1e6, 3e6, 1e7])
def test_a_drawn_line_to_a_huge_longitude_is_refused_at_once_without_memory(data, lon):
    feature = {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [lon, 0]]}}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (geometry, message), seconds = timed(read_drawing, feature)
    assert seconds < 0.1
    assert geometry is None and "longitude" in message
    assert drawn_geometry(feature) is None
    measures, seconds = timed(measure_shape, shape(feature["geometry"]), *data)
    assert seconds < 0.1 and "longitude" in measures.incomplete
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 50_000  # 1e6 took the process from ~280 MB to 990 MB before the fix


@pytest.mark.parametrize(
    ("lat", "radius_m", "says"),
    [
        (95, 10_000, "latitude 95"),
        (-95, 10_000, "latitude -95"),
        (float("nan"), 10_000, "not a number"),
        (42, 2e7, "radius"),
        (42, 5e7, "radius"),
        (42, float("inf"), "radius"),
        (89.9, 500_000, "North Pole"),
        (-89, 200_000, "South Pole"),
    ],
)
def test_impossible_drawn_circles_are_refused(data, lat, radius_m, says):
    feature = {"type": "Feature", "properties": {"radius": radius_m}, "geometry": {"type": "Point", "coordinates": [131.0, lat]}}
    (geometry, message), seconds = timed(read_drawing, feature)
    assert seconds < 0.1
    assert geometry is None and says in message


def test_a_normal_drawn_circle_is_read_and_measured(data):
    feature = {"type": "Feature", "properties": {"radius": 100_000}, "geometry": {"type": "Point", "coordinates": [134.0, 40.0]}}
    geometry, message = read_drawing(feature)
    assert message is None and geometry.geom_type == "Polygon"
    measures = measure_shape(geometry, *data)
    assert measures.incomplete is None and measures.regions[0].region_id == "sea_of_japan"
    assert MAX_CIRCLE_RADIUS_KM * 1000 > 100_000


@pytest.mark.parametrize(
    "geometry",
    [
        box(-180, -90, 180, 90),
        box(0, -89, 359, 89),
        box(-180, -60, 0, 60),  # 180° wide, but reaching 10,000 km from its centre
        LineString([(0, 60), (0, 59), (179, -59)]),  # within the spans, its end near the antipode
        Polygon([(-180, -90), (180, -90), (180, 90), (-180, 90)]),
    ],
)
def test_world_spanning_shapes_are_refused_as_too_large(data, geometry):
    measures, seconds = timed(measure_shape, geometry, *data)
    assert seconds < 1.0
    assert "too large to measure" in measures.incomplete


@pytest.mark.parametrize(
    "text",
    [
        "60-00N 179-00W 60-00N 179-00E 60-00S 179-00E 60-00S 179-00W",
        "80-00S 010-00W 80-00N 010-00W 80-00N 170-00E 80-00S 170-00E",
        "89-00N 000-00E 89-00N 120-00E 89-00S 120-00E",
        "RADIUS 1000 NM CENTRED ON 89-00N 000-00E",
    ],
)
def test_world_spanning_notices_are_measured_or_refused(data, text):
    parsed = parse_notice(text)
    measures, seconds = timed(measure_shape, parsed.geometry, *data, label="Pasted notice")
    assert seconds < MEASURE_BUDGET_S + SLACK_S
    assert_sound(measures)


@pytest.mark.parametrize(
    "geometry",
    [
        None,
        "POLYGON ((0 0, 1 1, 0 0))",
        Point(),
        LineString(),
        Polygon(),
        GeometryCollection(),
        LineString([(134, 40), (134, 40)]),  # a single-point line
        Polygon([(134, 40), (135, 41), (136, 42), (134, 40)]),  # zero area
        Polygon([(134, 40), (134, 40), (134, 40), (134, 40)]),  # one repeated point
        Polygon([(134, 40), (136, 42), (136, 40), (134, 42), (134, 40)]),  # bow tie
        MultiPoint([(134, 40), (134, 40)]),
        GeometryCollection([Point(134, 40), box(134, 40, 135, 41), LineString([(130, 40), (131, 41)])]),
        GeometryCollection([GeometryCollection([Point(134, 40)])]),
        LinearRing([(134, 40), (135, 40), (135, 41)]),
        shapely.from_wkt("POLYGON Z ((134 40 1, 135 40 nan, 135 41 1, 134 40 1))"),
        Point(float("nan"), 40),
        Point(134, float("inf")),
        box(134, 40, 135, 41).buffer(0.5).exterior.parallel_offset(0.1),
    ],
)
def test_degenerate_shapes_get_measures_or_a_message(data, geometry):
    if isinstance(geometry, str):
        geometry = shapely.from_wkt(geometry)
    measures, seconds = timed(measure_shape, geometry, *data)
    assert seconds < MEASURE_BUDGET_S + SLACK_S
    assert_sound(measures)


def test_a_repaired_shape_is_measured_and_says_so(data):
    bow_tie = Polygon([(134, 40), (136, 42), (136, 40), (134, 42), (134, 40)])
    measures = measure_shape(bow_tie, *data, label="Feature 2")
    assert measures.area_km2 > 0
    assert measures.incomplete.startswith("Feature 2 was not a valid shape") and "repaired" in measures.incomplete


@pytest.mark.parametrize("count", [250, 400, 10_000])
def test_a_tangle_of_random_vertices_is_repaired_only_when_small(data, count):
    # A polygon of random vertices crosses itself about count²/4 times: make_valid of 1,600
    # vertices took 22 s, of 10,000 it ran the test process out of memory (9.6 GB and growing).
    rng = np.random.default_rng(count)
    coords = np.c_[135 + rng.uniform(-5, 5, count - 1), 40 + rng.uniform(-5, 5, count - 1)]  # closed: count
    measures, seconds = timed(measure_shape, Polygon(np.r_[coords, coords[:1]]), *data)
    assert seconds < MEASURE_BUDGET_S + SLACK_S
    assert_sound(measures)
    if count > MAX_REPAIR_VERTICES:
        assert f"only shapes of at most {MAX_REPAIR_VERTICES} vertices are repaired" in measures.incomplete
    else:
        assert "was repaired" in measures.incomplete and measures.area_km2 > 0


def test_too_many_vertices_are_refused_before_any_work(data):
    circle = Point(134, 40).buffer(1, quad_segs=MAX_VERTICES)
    measures, seconds = timed(measure_shape, circle, *data)
    assert seconds < 0.1
    assert "vertices" in measures.incomplete


# --- properties -------------------------------------------------------------------------------

SCALES = (1.0, 10.0, 100.0, 400.0, 1e6, 1e300)
SPECIAL = (float("nan"), float("inf"), float("-inf"), 1e308, -1e308, 90.0, -90.0, 180.0, 360.0, -180.0, 360.0001)


@st.composite
def untrusted_shapes(draw):
    """Lines, polygons, points and collections: a random number of vertices near a random centre
    and scale, sometimes with NaN, infinite or out-of-range values dropped in."""
    count = draw(st.one_of(st.integers(1, 12), st.integers(13, 600), st.integers(MAX_VERTICES - 5, MAX_VERTICES + 5)))
    scale = draw(st.sampled_from(SCALES))
    centre = (draw(st.floats(-200, 400)), draw(st.floats(-100, 100)))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    coords = np.c_[centre[0] + rng.uniform(-scale, scale, count), centre[1] + rng.uniform(-scale, scale, count)]
    if count > 12 and draw(st.booleans()):
        coords = coords[np.argsort(np.arctan2(coords[:, 1] - centre[1], coords[:, 0] - centre[0]))]  # a star, valid
    for _ in range(draw(st.integers(0, 3))):
        coords[rng.integers(0, count), rng.integers(0, 2)] = draw(st.sampled_from(SPECIAL))
    kind = draw(st.sampled_from(["line", "polygon", "points", "collection"]))
    try:
        if kind == "line":
            return LineString(coords if count > 1 else np.r_[coords, coords])
        if kind == "polygon":
            ring = np.r_[coords, coords[:1]]
            return Polygon(ring if len(ring) >= 4 else np.r_[ring, ring[:1], ring[:1]])
        if kind == "points":
            return MultiPoint(coords)
        return GeometryCollection([LineString(coords[:2]) if count > 1 else Point(coords[0]), Point(coords[-1])])
    except (ValueError, shapely.errors.GEOSException):
        return None


PROPERTY = settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@PROPERTY
@given(geometry=untrusted_shapes())
def test_any_shape_is_checked_and_measured_in_bounded_time_without_raising(data, geometry):
    checked, message = checked_shape(geometry, label="Feature 7")
    assert checked is not None or message.startswith("Feature 7")
    if checked is not None:
        coords = shapely.get_coordinates(checked)
        assert np.isfinite(coords).all()
        assert (LON_RANGE[0] <= coords[:, 0]).all() and (coords[:, 0] <= LON_RANGE[1]).all()
        assert (LAT_RANGE[0] <= coords[:, 1]).all() and (coords[:, 1] <= LAT_RANGE[1]).all()
    # In its own process, as the app measures: one generated shape once took a test process to
    # 24 GB inside a GEOS overlay, which no time budget can interrupt.
    measures, seconds = timed(measure_shape_isolated, geometry, *data, label="Feature 7")
    assert seconds < MEASURE_BUDGET_S + MEASURE_SLACK_S + 1
    assert_sound(measures)
    if checked is None:
        assert measures.incomplete == message


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(
    lon=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.floats(-200, 400)),
    lat=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.floats(-100, 100)),
    radius=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10, 10**12), st.booleans(), st.text(max_size=3)),
)
def test_any_drawn_circle_is_read_or_refused_quickly(lon, lat, radius):
    feature = {"type": "Feature", "properties": {"radius": radius}, "geometry": {"type": "Point", "coordinates": [lon, lat]}}
    (geometry, message), seconds = timed(read_drawing, feature)
    assert seconds < 0.5
    assert geometry is not None or message
    if geometry is not None:
        assert np.isfinite(shapely.get_coordinates(geometry)).all() and geometry.is_valid


def test_a_measure_that_outgrows_its_memory_is_stopped_in_its_own_process(data, monkeypatch):
    from geodata import isolated, user_shapes

    square = shapely.box(130, 40, 131, 41)
    measures = user_shapes.measure_shape_isolated(square, *data, label="Feature 1")
    assert measures.area_km2 > 0 and measures.incomplete is None

    def out_of_memory(*args, **kwargs):
        raise isolated.IsolationError("needed more than 900 MB of memory")  # as run_isolated reports it

    monkeypatch.setattr(isolated, "run_isolated", out_of_memory)
    measures = user_shapes.measure_shape_isolated(square, *data, label="Feature 1", budget_s=1)
    assert measures.incomplete == "Feature 1 could not be measured: needed more than 900 MB of memory"
    assert measures.regions == () and measures.coasts == ()
