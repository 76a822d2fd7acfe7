"""Reading a link's shapes token takes time in proportion to the token, bounded: no link can hold a server.

Measured (2-core machine shared with other runs, fastest of 5): a zip bomb of 10,384 characters
(8 MB of zeros, inflated no further than the 100,000-byte limit) 0.43 ms; 12,000 characters of
garbage 0.21 ms; the largest token that is read (a 20,000-character notice of four-byte
characters, the longest name and source, 20 circles) 0.27 ms; a 10-million-character value,
refused on its length, under 0.01 ms.
"""

from __future__ import annotations

import base64
import zlib

import pytest

from geodata.share_token import MAX_NOTICE_CHARS, MAX_PAYLOAD_BYTES, MAX_SHAPES, MAX_TOKEN_CHARS, read_token
from tests.hardening.test_notice_timing import fastest

LIMIT_S = 0.05
"""50 times the slowest seen."""


def forged(payload: bytes, level: int = 9) -> str:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    body = b"\x01" + compressor.compress(payload) + compressor.flush()
    return base64.urlsafe_b64encode(body + zlib.crc32(body).to_bytes(4, "big")).rstrip(b"=").decode()


def text(value: str) -> bytes:
    data, size, out = value.encode(), len(value.encode()), bytearray()
    while size > 0x7F:
        out.append((size & 0x7F) | 0x80)
        size >>= 7
    return bytes(out) + bytes([size]) + data


LARGEST = forged(b"N" + text("\U00020000" * MAX_NOTICE_CHARS) + text("名" * 120) + text("源" * 500)
                 + b"C\x00\x00\x01" * MAX_SHAPES)
"""The largest payload a token may carry (the token itself is short: the text repeats)."""
ATTACKS = {
    "ten_million_characters": "A" * 10_000_000,
    "longest_garbage": "A" * MAX_TOKEN_CHARS,
    "bomb": forged(b"N" + b"\x00" * 8_000_000),
    "notice_one_over": forged(b"N" + text("\U00020000" * (MAX_NOTICE_CHARS + 1)) + b"\x00\x00"),
    "many_records": forged(b"L\x02\x00\x00\x00\x00" * 20_000),
    "unterminated_varints": forged(b"L" + b"\xff" * (MAX_PAYLOAD_BYTES - 1)),
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_a_hostile_token_is_refused_quickly(name):
    token = ATTACKS[name]
    shapes, message = read_token(token)
    assert message and not shapes
    assert fastest(lambda: read_token(token), LIMIT_S) < LIMIT_S


def test_the_largest_token_is_read_quickly():
    shapes, message = read_token(LARGEST)
    assert message is None and len(shapes.notice) == MAX_NOTICE_CHARS and len(shapes.drawings) == MAX_SHAPES
    assert fastest(lambda: read_token(LARGEST), LIMIT_S) < LIMIT_S
