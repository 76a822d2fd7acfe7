"""The notice reader against real published warnings (tests/unit/notice_corpus.py).

Each warning must give exactly the areas worked out by hand: same number, labels as written,
kinds, vertices (to 1e-6°), and an area within 1 % of the one computed independently from the
hand-read vertices (area on the ellipsoid of the polygon with edges straight in latitude and
longitude, see :data:`EDGE_STEPS`; pi r^2 for a circle, the sector's
share of pi r^2, n pi r^2 for n circles apart). Every format class of the corpus has at least two real warnings, except the
ones listed in :data:`SHORT_CLASSES` with the reason.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest
from pyproj import Geod

from geodata.geometry import area_km2
from geodata.notices import parse_notice
from tests.unit.notice_corpus import CLASSES, CORPUS, MISSING_CLASSES, Area, Warning

GEOD = Geod(ellps="WGS84")
EDGE_STEPS = 64
"""A warning gives vertices, not the edges between them. Its polygon is drawn, as on a chart in
latitude and longitude, with straight edges in those coordinates; the hand area follows each edge
in this many steps. Geodesic edges would give areas up to 3 % apart on the long edges at high
latitude (PRIP АРХАНГЕЛЬСК 100/25: 28,987 km² geodesic against 29,876 km²)."""
SHORT_CLASSES: dict[str, str] = {}
"""Format classes with fewer than two real warnings in the corpus, and why."""


def hand_area_km2(area: Area) -> float:
    """The area computed from the hand-read vertices alone, without the reader."""
    if area.kind == "circle":
        return math.pi * area.radius_km**2
    if area.kind == "circles":  # the corpus's circles do not overlap
        return len(area.vertices) * math.pi * area.radius_km**2
    if area.kind == "sector" and len(area.vertices) == 1:  # an apex, a radius and two bearings
        sweep = (area.bearings[1] - area.bearings[0]) % 360.0
        return math.pi * area.radius_km**2 * sweep / 360.0
    if area.kind == "sector":
        apex, first, second = area.vertices[:3]
        radii = [GEOD.inv(apex[1], apex[0], p[1], p[0])[2] / 1000.0 for p in (first, second)]
        sweep = (area.bearings[1] - area.bearings[0]) % 360.0
        return math.pi * (sum(radii) / 2) ** 2 * sweep / 360.0
    ring = [*area.vertices, area.vertices[0]]
    steps = [(a[0] + (b[0] - a[0]) * k / EDGE_STEPS, a[1] + (b[1] - a[1]) * k / EDGE_STEPS)
             for a, b in zip(ring, ring[1:], strict=False) for k in range(EDGE_STEPS)]
    lats, lons = zip(*steps, strict=True)
    return abs(GEOD.polygon_area_perimeter(lons, lats)[0]) / 1e6


@pytest.mark.parametrize("warning", CORPUS, ids=[w.key for w in CORPUS])
def test_every_area_of_a_real_warning_is_read_as_worked_out_by_hand(warning: Warning):
    parsed = parse_notice(warning.text)
    assert [(a.label, a.kind) for a in parsed.areas] == [(a.label, a.kind) for a in warning.areas]
    assert parsed.unparsed == warning.unparsed
    for got, want in zip(parsed.areas, warning.areas, strict=True):
        assert len(got.vertices) == len(want.vertices), want.label
        for position, (lat, lon) in zip(got.vertices, want.vertices, strict=True):
            assert position.lat == pytest.approx(lat, abs=1e-6) and position.lon == pytest.approx(lon, abs=1e-6)
        if want.kind in ("polygon", "circle", "circles", "sector"):
            assert area_km2(got.geometry) == pytest.approx(hand_area_km2(want), rel=0.01), want.label
        if want.radius_km is not None:
            assert got.radius_km == pytest.approx(want.radius_km, rel=1e-9)
        if want.bearings is not None:
            assert got.bearings == pytest.approx(want.bearings, abs=2.0)  # see the note of the Tangshan sector


@pytest.mark.parametrize("warning", [w for w in CORPUS if w.times], ids=[w.key for w in CORPUS if w.times])
def test_the_time_windows_of_a_real_warning_are_read_in_utc(warning: Warning):
    parsed = parse_notice(warning.text)
    assert tuple(window.describe() for area in parsed.areas for window in area.times[:1]) == warning.times[
        : len(parsed.areas)
    ] or tuple(window.describe() for window in parsed.times) == warning.times


def test_the_corpus_holds_at_least_thirty_real_warnings_with_their_sources():
    assert sum(w.warnings_count for w in CORPUS) >= 30
    assert len({w.key for w in CORPUS}) == len(CORPUS)
    for warning in CORPUS:
        assert warning.url.startswith(("http://", "https://")) and warning.authority and warning.date
        assert set(warning.classes) <= set(CLASSES), warning.key


def test_every_format_class_has_two_real_warnings_or_says_why_not():
    counts = Counter(c for w in CORPUS for c in w.classes)
    short = {c: counts[c] for c in CLASSES if counts[c] < 2}
    assert set(short) == set(SHORT_CLASSES), short
    assert all(counts[c] >= 1 for c in SHORT_CLASSES)


def test_classes_with_no_real_example_are_named_with_the_reason():
    assert not set(MISSING_CLASSES) & set(CLASSES)
    assert all(reason for reason in MISSING_CLASSES.values())
