"""The share link's shapes token: a pasted notice and the shapes drawn on the map, in one short URL value.

``?shapes=AQ3MsQ…`` carries what a reader added to the map, so that a colleague who opens the
link sees the same notice areas and drawings, measured the same way. The token is::

    base64url( version byte | raw deflate(payload) | CRC-32 of the two, big-endian )

without padding. The payload is binary and read in one pass:

- ``N``, then the notice's text, its name and the URL it was published at, each as a varint
  byte length and UTF-8 bytes. The *text* travels, not the areas read from it: the reader runs
  on it as when it was pasted, so the link shows the same areas, times, warnings and saved
  region (and a later, better reader reads it better). Text compresses well; a typical warning
  of a few hundred characters takes a few hundred characters of token.
- ``P`` (polygon, ring not closed), ``L`` (line) or ``C`` (circle: centre and radius in
  metres), then the vertex count and each vertex as zigzag varint deltas of latitude and
  longitude in units of 10⁻⁵° (about a metre; a drawing is quantised when it is read, so the
  shape measured on the page is exactly the one the link carries).

Decoding refuses, with a message and never an exception escaping :func:`read_token`: a token
longer than :data:`MAX_TOKEN_CHARS` (before anything is decoded), characters outside base64url,
a wrong checksum (a damaged or altered link), an unknown version, a payload that inflates past
:data:`MAX_PAYLOAD_BYTES` (``zlib.decompressobj`` with ``max_length``: a zip bomb is never
inflated further), a truncated stream or trailing bytes, and any text, shape, vertex count or
coordinate beyond the limits below. Every step is linear in the token's length.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

TOKEN_VERSION = 1
MAX_TOKEN_CHARS = 12_000
"""Longest token read; a longer one is refused before decoding."""
MAX_PAYLOAD_BYTES = 100_000
"""Most bytes a token may inflate to (a notice of 20,000 four-byte characters and every shape fit)."""
MAX_NOTICE_CHARS = 20_000
"""As the notice text box."""
MAX_NOTICE_NAME_CHARS = 120
MAX_NOTICE_SOURCE_CHARS = 500
MAX_SHAPES = 20
"""Drawn shapes a link carries."""
MAX_VERTICES = 1_000
"""Vertices of all drawn shapes together a link carries."""
MAX_RADIUS_M = 5_000_000.0
"""Largest circle radius carried (the measuring refuses circles over 5,000 km too)."""
SCALE = 100_000
"""Coordinates are carried in units of 1/SCALE degree."""
LAT_RANGE = (-90.0, 90.0)
LON_RANGE = (-180.0, 360.0)
"""The map keeps the Pacific in a 0..360 frame, so a drawing east of 180° has a longitude above 180."""
LINK_LENGTH_GOAL = 2_000
"""A link longer than this may be cut by mail and chat programs; the share panel says so."""

_NOTICE, _POLYGON, _LINE, _CIRCLE = b"N", b"P", b"L", b"C"
_KIND_TAGS = {"polygon": _POLYGON, "line": _LINE, "circle": _CIRCLE}
_TAG_KINDS = {tag[0]: kind for kind, tag in _KIND_TAGS.items()}
_BASE64URL = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_MAX_VARINT_BYTES = 5
_CHECKSUM_BYTES = 4


class TokenError(ValueError):
    """A token that cannot be used; the message says why, in words for the reader."""


@dataclass(frozen=True)
class Drawing:
    """One shape drawn on the map, quantised to 10⁻⁵°.

    Attributes
    ----------
    kind : str
        ``polygon``, ``line`` or ``circle``.
    points : tuple of (float, float)
        ``(lon, lat)`` in degrees (EPSG:4326, longitudes in the map's −180..360 frame): a
        polygon's ring without its closing vertex, a line's vertices, a circle's centre.
    radius_m : float
        A circle's radius in metres (whole metres); 0 for the others.
    """

    kind: str
    points: tuple[tuple[float, float], ...]
    radius_m: float = 0.0

    def feature(self) -> dict:
        """Return the drawing as Leaflet.draw gives it: GeoJSON, a circle as a Point with ``properties.radius``."""
        coords = [list(point) for point in self.points]
        if self.kind == "circle":
            return {"type": "Feature", "properties": {"radius": self.radius_m},
                    "geometry": {"type": "Point", "coordinates": coords[0]}}
        if self.kind == "polygon":
            return {"type": "Feature", "properties": {},
                    "geometry": {"type": "Polygon", "coordinates": [[*coords, coords[0]]]}}
        return {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": coords}}


@dataclass(frozen=True)
class SharedShapes:
    """What a share link carries besides the filters: the pasted notice and the drawn shapes."""

    notice: str = ""
    notice_name: str = ""
    notice_source: str = ""
    drawings: tuple[Drawing, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.notice or self.notice_name or self.notice_source or self.drawings)


def _quantised(value: object, bounds: tuple[float, float]) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return None
    if not bounds[0] <= value <= bounds[1]:
        return None
    return round(value * SCALE)


def _position(value: object) -> tuple[int, int] | None:
    """``[lon, lat]`` as quantised ``(lat, lon)`` integers, or None if it is not a position in range."""
    if not isinstance(value, (list, tuple)) or len(value) < 2:
        return None
    lat, lon = _quantised(value[1], LAT_RANGE), _quantised(value[0], LON_RANGE)
    return None if lat is None or lon is None else (lat, lon)


def _drawing(kind: str, positions: list[tuple[int, int]], radius_m: float = 0.0) -> Drawing:
    return Drawing(kind, tuple((lon / SCALE, lat / SCALE) for lat, lon in positions), radius_m)


def drawing_from_feature(feature: object) -> Drawing | None:
    """Read one feature of ``st_folium``'s ``all_drawings`` (untrusted) as a :class:`Drawing`, quantised.

    A Polygon's outer ring (its holes and closing vertex dropped), a LineString, or a Point with
    a positive ``properties.radius`` (a drawn circle). None for anything else, or for a
    coordinate out of range; never raises.
    """
    if not isinstance(feature, Mapping) or not isinstance(feature.get("geometry"), Mapping):
        return None
    geometry, properties = feature["geometry"], feature.get("properties")
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if not isinstance(coords, (list, tuple)):
        return None
    if kind == "Point":
        radius = properties.get("radius") if isinstance(properties, Mapping) else None
        centre = _position(coords)
        if centre is None or isinstance(radius, bool) or not isinstance(radius, (int, float)):
            return None
        if not 0 < radius <= MAX_RADIUS_M:
            return None
        return _drawing("circle", [centre], float(max(1, round(radius))))
    if kind == "Polygon" and coords and isinstance(coords[0], (list, tuple)):
        ring, wanted, drawn_kind = coords[0][: MAX_VERTICES + 1], 3, "polygon"
    elif kind == "LineString":
        ring, wanted, drawn_kind = coords[:MAX_VERTICES], 2, "line"
    else:
        return None
    positions = [_position(point) for point in ring]
    if any(position is None for position in positions):
        return None
    if drawn_kind == "polygon" and len(positions) > 1 and positions[0] == positions[-1]:
        positions = positions[:-1]
    if len(positions) < wanted or len(positions) > MAX_VERTICES:
        return None
    return _drawing(drawn_kind, positions)


def drawings_from_features(features: Iterable[object]) -> tuple[tuple[Drawing, ...], str | None]:
    """Read ``st_folium``'s ``all_drawings`` into the drawings a link carries, within its limits.

    Returns
    -------
    drawings : tuple of Drawing
        In the order drawn: at most :data:`MAX_SHAPES`, :data:`MAX_VERTICES` vertices in all.
    message : str or None
        What was left out and why; None when every drawing is carried.
    """
    drawings: list[Drawing] = []
    unreadable = over = 0
    vertices = 0
    for feature in features:
        drawing = drawing_from_feature(feature)
        if drawing is None:
            unreadable += 1
        elif len(drawings) >= MAX_SHAPES or vertices + len(drawing.points) > MAX_VERTICES:
            over += 1
        else:
            drawings.append(drawing)
            vertices += len(drawing.points)
    notes = []
    if over:
        notes.append(f"{over} drawn shape(s) left out of the link: it carries at most {MAX_SHAPES} shapes "
                     f"and {MAX_VERTICES:,} vertices")
    if unreadable:
        notes.append(f"{unreadable} drawn shape(s) that are not a polygon, line or circle within the map's "
                     "coordinates left out of the link")
    return tuple(drawings), ("; ".join(notes) + ".") if notes else None


def _varint(value: int, out: bytearray) -> None:
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def _zigzag(value: int) -> int:
    return value * 2 if value >= 0 else -value * 2 - 1


def _text(text: str, out: bytearray) -> None:
    data = text.encode("utf-8", "surrogatepass")
    _varint(len(data), out)
    out += data


def _payload(shapes: SharedShapes) -> bytes:
    out = bytearray()
    if shapes.notice or shapes.notice_name or shapes.notice_source:
        out += _NOTICE
        for text in (shapes.notice, shapes.notice_name, shapes.notice_source):
            _text(text, out)
    for drawing in shapes.drawings:
        out += _KIND_TAGS[drawing.kind]
        if drawing.kind != "circle":
            _varint(len(drawing.points), out)
        last_lat = last_lon = 0
        for lon, lat in drawing.points:
            q_lat, q_lon = round(lat * SCALE), round(lon * SCALE)
            _varint(_zigzag(q_lat - last_lat), out)
            _varint(_zigzag(q_lon - last_lon), out)
            last_lat, last_lon = q_lat, q_lon
        if drawing.kind == "circle":
            _varint(round(drawing.radius_m), out)
    return bytes(out)


def encode(shapes: SharedShapes) -> str:
    """Write shapes as a token (``""`` when there is nothing to carry); :func:`decode` reads it back.

    The same shapes always give the same token.
    """
    if not shapes:
        return ""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    body = bytes([TOKEN_VERSION]) + compressor.compress(_payload(shapes)) + compressor.flush()
    raw = body + zlib.crc32(body).to_bytes(_CHECKSUM_BYTES, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


class _Reader:
    """Reads the payload's fields in order; every read is bounded and raises TokenError at the end."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def done(self) -> bool:
        return self.at >= len(self.data)

    def byte(self) -> int:
        if self.done():
            raise TokenError("The shapes in this link end too early (the link was cut short or altered).")
        self.at += 1
        return self.data[self.at - 1]

    def varint(self) -> int:
        value = 0
        for shift in range(0, 7 * _MAX_VARINT_BYTES, 7):
            part = self.byte()
            value |= (part & 0x7F) << shift
            if not part & 0x80:
                return value
        raise TokenError("The shapes in this link hold a number too large to be a coordinate (the link was altered).")

    def signed(self) -> int:
        value = self.varint()
        return value // 2 if value % 2 == 0 else -(value + 1) // 2

    def text(self, what: str, limit: int) -> str:
        size = self.varint()
        if size > 4 * limit:
            raise TokenError(f"The {what} in this link is longer than {limit:,} characters.")
        if self.at + size > len(self.data):
            raise TokenError(f"The {what} in this link ends too early (the link was cut short or altered).")
        try:
            text = self.data[self.at:self.at + size].decode("utf-8")
        except UnicodeDecodeError as error:
            raise TokenError(f"The {what} in this link is not valid text (the link was altered).") from error
        self.at += size
        if len(text) > limit:
            raise TokenError(f"The {what} in this link is longer than {limit:,} characters.")
        return text


def _inflate(body: bytes) -> bytes:
    inflater = zlib.decompressobj(-15)
    try:
        payload = inflater.decompress(body, MAX_PAYLOAD_BYTES + 1)
    except zlib.error as error:
        raise TokenError("The shapes in this link cannot be unpacked (the link was altered).") from error
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise TokenError(f"The shapes in this link unpack to more than {MAX_PAYLOAD_BYTES:,} bytes; not read.")
    if not inflater.eof or inflater.unconsumed_tail or inflater.unused_data:
        raise TokenError("The shapes in this link end too early or run on (the link was cut short or altered).")
    return payload


def _drawing_from(reader: _Reader, kind: str, vertices_left: int) -> Drawing:
    count = 1 if kind == "circle" else reader.varint()
    least = {"polygon": 3, "line": 2, "circle": 1}[kind]
    if count < least:
        raise TokenError(f"A drawn {kind} in this link has {count} vertices (the link was altered).")
    if count > vertices_left:
        raise TokenError(f"The drawn shapes in this link have more than {MAX_VERTICES:,} vertices; not read.")
    positions, lat, lon = [], 0, 0
    for _ in range(count):
        lat += reader.signed()
        lon += reader.signed()
        if not (LAT_RANGE[0] * SCALE <= lat <= LAT_RANGE[1] * SCALE
                and LON_RANGE[0] * SCALE <= lon <= LON_RANGE[1] * SCALE):
            raise TokenError(f"A drawn {kind} in this link lies outside the map's coordinates (the link was altered).")
        positions.append((lat, lon))
    radius = 0.0
    if kind == "circle":
        radius = float(reader.varint())
        if not 0 < radius <= MAX_RADIUS_M:
            raise TokenError("A drawn circle in this link has a radius of 0 or over 5,000 km (the link was altered).")
    return _drawing(kind, positions, radius)


def decode(token: str) -> SharedShapes:
    """Read a token written by :func:`encode`.

    Raises
    ------
    TokenError
        With a message for the reader, for any token that cannot be used (see the module's
        docstring for what is refused).
    """
    if len(token) > MAX_TOKEN_CHARS:
        raise TokenError(f"The shapes in this link take {len(token):,} characters, over the limit of "
                         f"{MAX_TOKEN_CHARS:,}; not read.")
    data = token.encode("utf-8", "surrogatepass")
    if not _BASE64URL.issuperset(data) or len(data) % 4 == 1:
        raise TokenError("The shapes in this link are damaged: the value holds characters a link never writes "
                         "(it was cut short or altered).")
    raw = base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))
    if base64.urlsafe_b64encode(raw).rstrip(b"=") != data:  # stray bits after the last byte
        raise TokenError("The shapes in this link are damaged: their last character was altered.")
    if len(raw) < 1 + _CHECKSUM_BYTES:
        raise TokenError("The shapes in this link are cut short.")
    body, checksum = raw[:-_CHECKSUM_BYTES], raw[-_CHECKSUM_BYTES:]
    if zlib.crc32(body).to_bytes(_CHECKSUM_BYTES, "big") != checksum:
        raise TokenError("The shapes in this link are damaged: their checksum does not match (the link was cut "
                         "short or altered).")
    if body[0] != TOKEN_VERSION:
        raise TokenError(f"The shapes in this link were written in format {body[0]}, which this version of Drill "
                         f"Atlas does not read (it reads format {TOKEN_VERSION}).")
    reader = _Reader(_inflate(body[1:]))
    notice = ("", "", "")
    drawings: list[Drawing] = []
    vertices_left = MAX_VERTICES
    seen_notice = False
    while not reader.done():
        tag = reader.byte()
        if tag == _NOTICE[0] and not seen_notice and not drawings:
            notice = (reader.text("notice", MAX_NOTICE_CHARS), reader.text("notice's name", MAX_NOTICE_NAME_CHARS),
                      reader.text("notice's source", MAX_NOTICE_SOURCE_CHARS))
            seen_notice = True
        elif tag in _TAG_KINDS:
            if len(drawings) >= MAX_SHAPES:
                raise TokenError(f"This link holds more than {MAX_SHAPES} drawn shapes; not read.")
            drawing = _drawing_from(reader, _TAG_KINDS[tag], vertices_left)
            vertices_left -= len(drawing.points)
            drawings.append(drawing)
        else:
            raise TokenError("The shapes in this link hold something this version does not know (the link was "
                             "altered).")
    return SharedShapes(*notice, drawings=tuple(drawings))


def read_token(token: str) -> tuple[SharedShapes, str | None]:
    """Read a link's token; never raises.

    Returns
    -------
    shapes : SharedShapes
        What the token carries; empty when it is refused.
    message : str or None
        Why it was refused; None when it was read.
    """
    try:
        return decode(token), None
    except TokenError as error:
        return SharedShapes(), str(error)
    except (binascii.Error, ValueError) as error:  # defensive: the checks above should leave none
        return SharedShapes(), f"The shapes in this link cannot be read ({type(error).__name__})."


def link_token(shapes: SharedShapes) -> tuple[str, str | None]:
    """Return the token a link carries for shapes, and what had to be left out.

    When everything together is over :data:`MAX_TOKEN_CHARS`, the notice's text is left out (its
    name and source too) and the drawings travel alone; the message says so.
    """
    token = encode(shapes)
    if len(token) <= MAX_TOKEN_CHARS:
        return token, None
    drawings_only = encode(SharedShapes(drawings=shapes.drawings))
    return drawings_only, (
        f"The pasted notice is too long to travel in the link ({len(token):,} characters packed, limit "
        f"{MAX_TOKEN_CHARS:,}): the link carries the drawn shapes only. Share the notice's text another way."
    )
