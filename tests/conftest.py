"""Shared fixtures: paths to the app and to small data sets built for the tests."""

from __future__ import annotations

import io
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
