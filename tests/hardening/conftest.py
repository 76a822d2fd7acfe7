"""Hardening fixtures: the app under AppTest on a data folder, checksums of data files, shown text."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.conftest import APP, ROOT

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


@pytest.fixture(autouse=True)
def fresh_caches():
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def app_on(monkeypatch):
    """Return a function making an AppTest of app.py on a data folder, tiles off."""
    from streamlit.testing.v1 import AppTest

    def make(data_dir: Path, **query: str):
        monkeypatch.setenv("DRILL_ATLAS_DATA_DIR", str(data_dir))
        monkeypatch.setenv("DRILL_ATLAS_TILES", "off")
        at = AppTest.from_file(str(APP), default_timeout=120)
        for key, value in query.items():
            at.query_params[key] = value
        return at

    return make


@pytest.fixture
def repository_data_unchanged():
    """Fail the test if any bundled data file changed while it ran."""
    before = checksums(REPOSITORY_DATA)
    yield
    assert checksums(REPOSITORY_DATA) == before
