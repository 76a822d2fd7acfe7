"""Shared fixtures: paths to the app and to small data sets built for the tests."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
SMALL_DATA = ROOT / "tests" / "data" / "small"


@pytest.fixture
def small_data(tmp_path: Path) -> Path:
    """A writable copy of the four-region test data set."""
    target = tmp_path / "data"
    shutil.copytree(SMALL_DATA, target)
    return target


@pytest.fixture
def small_dataset():
    """The four-region test data set, loaded and validated."""
    from geodata.loaders import load_dataset

    return load_dataset(SMALL_DATA)


def zipped(members: dict[str, bytes]) -> bytes:
    """A zip archive (deflated) holding ``members``: name to content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def tool_scripts(page: str) -> list[tuple[str, str]]:
    """The (tools' file, script) pairs a served map runs once its tools have loaded, decoded.

    ``layers.maphelpers.after_tools`` writes each as ``daMap.afterTools("<url>", "<script>");``
    (the function itself in place of ``daMap.afterTools`` where the map does not load the
    helpers file), with both as JSON strings.
    """
    from layers.maphelpers import AFTER_TOOLS_JS

    decoder = json.JSONDecoder()
    calls = []
    for call in ("daMap.afterTools(", f"({AFTER_TOOLS_JS})("):
        start = 0
        while (start := page.find(call, start)) >= 0:
            url, end = decoder.raw_decode(page, start + len(call))
            script, end = decoder.raw_decode(page, end + len(", "))
            calls.append((url, script))
            start = end
    return calls
