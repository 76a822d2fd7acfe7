"""The share link's shapes token: round trips, size, and refusal of tampered, truncated and oversized tokens."""

from __future__ import annotations

import base64
import zlib
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodata import query
from geodata.share_token import (
    MAX_NOTICE_CHARS,
    MAX_PAYLOAD_BYTES,
    MAX_SHAPES,
    MAX_TOKEN_CHARS,
    MAX_VERTICES,
    SCALE,
    TOKEN_VERSION,
    Drawing,
    SharedShapes,
    TokenError,
    decode,
    drawing_from_feature,
    drawings_from_features,
    encode,
    link_token,
    read_token,
)
from tests.unit.notice_corpus import CORPUS

POLYGON = {"type": "Feature", "properties": {},
           "geometry": {"type": "Polygon", "coordinates": [[[131.712344, 42.612341], [132.4876, 42.55123],
                                                            [132.3, 41.9], [131.6, 41.95], [131.712344, 42.612341]]]}}
CIRCLE = {"type": "Feature", "properties": {"radius": 37040.4}, "geometry": {"type": "Point", "coordinates": [129.5, 35.1]}}
LINE = {"type": "Feature", "properties": {},
        "geometry": {"type": "LineString", "coordinates": [[128.1, 34.2], [129.3, 33.9], [191.2, 53.0]]}}
BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def token_of(payload: bytes, version: int = TOKEN_VERSION) -> str:
    """A token with a valid checksum around any payload: what a forger who knows the format can write."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bytes([version]) + compressor.compress(payload) + compressor.flush()
    return base64.urlsafe_b64encode(body + zlib.crc32(body).to_bytes(4, "big")).rstrip(b"=").decode()


def refused(token: str) -> str:
    with pytest.raises(TokenError) as error:
        decode(token)
    shapes, message = read_token(token)
    assert not shapes and message == str(error.value)
    return message


def test_drawings_are_read_as_leaflet_draw_gives_them_and_quantised():
    drawings, message = drawings_from_features([POLYGON, CIRCLE, LINE])
    assert message is None
    polygon, circle, line = drawings
    assert polygon.kind == "polygon" and polygon.points[0] == (131.71234, 42.61234) and len(polygon.points) == 4
    assert circle == Drawing("circle", ((129.5, 35.1),), 37040.0)
    assert line.points[-1] == (191.2, 53.0)  # east of 180° in the map's Pacific frame
    assert circle.feature() == {"type": "Feature", "properties": {"radius": 37040.0},
                                "geometry": {"type": "Point", "coordinates": [129.5, 35.1]}}
    for drawing in drawings:  # what the map gives back for a drawing put back on it is the same drawing
        assert drawing_from_feature(drawing.feature()) == drawing


@pytest.mark.parametrize("feature", [
    None, {}, {"geometry": None}, {"geometry": {"type": "Point", "coordinates": [1, 2]}},  # a marker, no radius
    {"geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {"radius": True}},
    {"geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {"radius": -5}},
    {"geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}},
    {"geometry": {"type": "LineString", "coordinates": [[0, 0], [400, 1]]}},
    {"geometry": {"type": "LineString", "coordinates": [[0, 0], [1, float("nan")]]}},
    {"geometry": {"type": "LineString", "coordinates": [[0, 0], ["1", 1]]}},
    {"geometry": {"type": "MultiPolygon", "coordinates": []}},
    {"geometry": {"type": "LineString", "coordinates": "0,0 1,1"}},
])
def test_what_is_not_a_drawing_is_left_out_with_a_message(feature):
    assert drawing_from_feature(feature) is None
    drawings, message = drawings_from_features([POLYGON, feature])
    assert len(drawings) == 1 and "1 drawn shape(s) that are not a polygon, line or circle" in message


def test_a_link_carries_at_most_its_shapes_and_vertices():
    drawings, message = drawings_from_features([CIRCLE] * (MAX_SHAPES + 3))
    assert len(drawings) == MAX_SHAPES and message.startswith("3 drawn shape(s) left out of the link")
    long_line = {"geometry": {"type": "LineString", "coordinates": [[i / 1000, 0] for i in range(MAX_VERTICES)]}}
    drawings, message = drawings_from_features([CIRCLE, long_line])
    assert [d.kind for d in drawings] == ["circle"] and "1,000 vertices" in message


def test_a_notice_and_shapes_round_trip_and_the_token_is_canonical():
    drawings, _ = drawings_from_features([POLYGON, CIRCLE, LINE])
    shapes = SharedShapes(CORPUS[0].text, "Liaoning MSA 海事 — Bohai", CORPUS[0].url, drawings)
    token = encode(shapes)
    assert set(token) <= set(BASE64URL)
    assert decode(token) == shapes and encode(decode(token)) == token
    assert encode(SharedShapes()) == "" and read_token(token) == (shapes, None)


def test_typical_links_stay_under_2000_characters():
    """Every real warning of the corpus, with a polygon, a circle and a line, the filters, map view and layers."""
    drawings, _ = drawings_from_features([POLYGON, CIRCLE, LINE])
    catalog = query.Catalog(2005, 2026, ("joint_sea_2024",), ("Joint Sea",), version="2026-12-02")
    lengths = []
    for warning in CORPUS:
        view = query.ViewState((2016, 2024), ("joint_sea_2024",), map_view=(38.5, 128.25, 6),
                               layers=("naval", "adiz", "straits", "routes"),
                               shapes=SharedShapes(warning.text, "HYDROPAC 2345/24", warning.url, drawings))
        lengths.append(len("https://drill-atlas.example.org/?" + urlencode(query.view_to_params(view, catalog))))
    assert max(lengths) < 2_000, max(lengths)


coordinate = st.tuples(st.integers(-180 * SCALE, 360 * SCALE), st.integers(-90 * SCALE, 90 * SCALE))
drawing = st.one_of(
    st.builds(lambda pts: Drawing("polygon", tuple((x / SCALE, y / SCALE) for x, y in pts)),
              st.lists(coordinate, min_size=3, max_size=40)),
    st.builds(lambda pts: Drawing("line", tuple((x / SCALE, y / SCALE) for x, y in pts)),
              st.lists(coordinate, min_size=2, max_size=40)),
    st.builds(lambda pt, r: Drawing("circle", ((pt[0] / SCALE, pt[1] / SCALE),), float(r)),
              coordinate, st.integers(1, 5_000_000)),
)
shared = st.builds(SharedShapes, st.text(max_size=3_000), st.text(max_size=120), st.text(max_size=500),
                   st.lists(drawing, max_size=MAX_SHAPES).map(tuple))


@settings(max_examples=150, deadline=None)
@given(shared)
def test_any_shapes_round_trip(shapes):
    token = encode(shapes)
    assert decode(token) == shapes if shapes else token == ""


@settings(max_examples=150, deadline=None)
@given(shared, st.data())
def test_any_altered_character_or_cut_is_refused(shapes, data):
    token = encode(shapes)
    if not token:
        return
    at = data.draw(st.integers(0, len(token) - 1))
    other = data.draw(st.sampled_from(BASE64URL.replace(token[at], "") + "=+/.~ é"))
    refused(token[:at] + other + token[at + 1:])
    refused(token[:data.draw(st.integers(0, len(token) - 1))])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_never_raised(text):
    shapes, message = read_token(text)
    assert (message is None) or not shapes


def test_a_token_over_the_limit_is_refused_before_it_is_read():
    message = refused("A" * (MAX_TOKEN_CHARS + 1))
    assert "12,001 characters, over the limit of 12,000" in message


def test_a_zip_bomb_is_not_inflated_past_the_limit():
    bomb = token_of(b"N" + b"\x00" * 5_000_000)
    assert len(bomb) < MAX_TOKEN_CHARS
    assert f"more than {MAX_PAYLOAD_BYTES:,} bytes" in refused(bomb)


@pytest.mark.parametrize(("payload", "words"), [
    (b"X", "something this version does not know"),
    (b"P\x02\x00\x00\x00\x00", "has 2 vertices"),
    (b"L\x02\x00\x00", "end too early"),
    (b"L\x02" + b"\xff" * 12, "number too large"),
    (b"C\x00\x00\x00", "radius of 0"),
    (b"L\x02\x00\x00\xc0\x89\xcb\x11\x00", "outside the map's coordinates"),  # a latitude of 184°
    (b"N\x05ab", "notice in this link ends too early"),
    (b"N\x02\xff\xfe\x00\x00", "not valid text"),
    (b"N\x00\x00\x00N\x00\x00\x00", "something this version does not know"),  # a second notice
    (b"P\xe9\x07" + b"\x00\x00" * 1001, "more than 1,000 vertices"),
    (b"C\x00\x00\x01" * (MAX_SHAPES + 1), f"more than {MAX_SHAPES} drawn shapes"),
])
def test_a_forged_payload_with_a_valid_checksum_is_refused_with_a_message(payload, words):
    assert words in refused(token_of(payload))


def test_a_text_longer_than_its_limit_is_refused():
    text = "海" * (MAX_NOTICE_CHARS + 1)
    data = text.encode()
    varint = bytearray()
    size = len(data)
    while size > 0x7F:
        varint.append((size & 0x7F) | 0x80)
        size >>= 7
    varint.append(size)
    assert "longer than 20,000 characters" in refused(token_of(b"N" + bytes(varint) + data + b"\x00\x00"))


def test_a_token_of_another_format_says_so():
    assert "written in format 2" in refused(token_of(b"", version=2))


def test_a_token_with_non_canonical_padding_bits_is_refused():
    token = encode(SharedShapes("xy"))
    assert len(token) % 4 in (2, 3)
    last = BASE64URL.index(token[-1])
    refused(token[:-1] + BASE64URL[last | 1 if last % 2 == 0 else last & ~1])


def test_a_notice_too_long_for_the_link_leaves_it_out_and_says_so():
    import random

    rng = random.Random(7)
    noise = "".join(rng.choice("0123456789NSEW-.,漢字") for _ in range(MAX_NOTICE_CHARS))
    drawings, _ = drawings_from_features([POLYGON])
    token, message = link_token(SharedShapes(noise, "name", "", drawings))
    assert decode(token) == SharedShapes(drawings=drawings)
    assert "too long to travel in the link" in message


def test_the_largest_drawings_fit_in_a_token():
    """The link's limits on shapes and vertices keep any drawings under the token limit."""
    import random

    rng = random.Random(3)
    far = [Drawing("line", tuple((-180 + rng.random() if i % 2 else 359 + rng.random(), (-90 if i % 2 else 89) + rng.random())
                                 for i in range(MAX_VERTICES // MAX_SHAPES))) for _ in range(MAX_SHAPES)]
    token = encode(SharedShapes(drawings=tuple(far)))
    assert len(token) < MAX_TOKEN_CHARS and decode(token).drawings == tuple(
        Drawing("line", tuple((round(x * SCALE) / SCALE, round(y * SCALE) / SCALE) for x, y in d.points)) for d in far)
