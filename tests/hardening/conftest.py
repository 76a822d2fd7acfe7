"""Hardening fixtures: the app under AppTest on a data folder, checksums of data files, shown text."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.app.conftest import app_factory, fresh_caches  # noqa: F401  (fixtures used here too)
from tests.conftest import ROOT

REPOSITORY_DATA = tuple(sorted(p for p in (ROOT / "geodata").iterdir() if p.suffix in (".csv", ".geojson", "")
                               and p.is_file()))
"""The bundled data files (exercises, regions, routes, land, countries, VERSION)."""


def checksums(paths) -> dict[str, str]:
    """SHA-256 of every file given (a folder stands for the files in it)."""
    files = []
    for path in map(Path, paths):
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def shown(text: str) -> str:
    """Text as a reader sees it once Streamlit's Markdown drops the escaping backslashes."""
    return re.sub(r"\\(.)", r"\1", text)


def messages(at) -> list[str]:
    """Every error, warning and caption the app showed, as read on screen."""
    return [shown(e.value) for e in [*at.error, *at.warning, *at.caption]]


@pytest.fixture
def repository_data_unchanged():
    """Fail the test if any bundled data file changed while it ran."""
    before = checksums(REPOSITORY_DATA)
    yield
    assert checksums(REPOSITORY_DATA) == before
