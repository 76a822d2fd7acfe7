"""The import rule is enforced: geodata imports nothing of ours, layers only geodata, view both.

``ruff check`` (run by tests/run.sh and so by CI) reads geodata/ruff.toml, layers/ruff.toml and
view/ruff.toml. These tests plant violations in a copy of that configuration and see ruff refuse
them, so a change to the configuration that stops enforcing the rule fails here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PACKAGES = ("geodata", "layers", "view")


def ruff(folder) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "TID251", "--output-format", "concise", "."],
        cwd=folder, capture_output=True, text=True,
    )


@pytest.fixture
def tree(tmp_path):
    """An empty project with the repository's ruff configuration."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for package in PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
        shutil.copy(ROOT / package / "ruff.toml", tmp_path / package / "ruff.toml")
    return tmp_path


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("geodata/bad.py", "from layers.compose import dashboard_map\n"),
        ("geodata/bad.py", "import view.export\n"),
        ("geodata/bad.py", "import streamlit\n"),
        ("layers/bad.py", "from view.page import to_html_bytes\n"),
        ("layers/bad.py", "import streamlit_folium\n"),
        ("view/bad.py", "import streamlit\n"),
        ("view/bad.py", "import app\n"),
    ],
)
def test_a_planted_violation_fails_the_check(tree, module, line):
    (tree / module).write_text(line)
    result = ruff(tree)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{module}:1:" in result.stdout and "TID251" in result.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("layers/good.py", "from geodata.query import ViewState\n"),
        ("view/good.py", "from layers.compose import dashboard_map\nfrom geodata import schema\n"),
        ("geodata/good.py", "from geodata import schema\n"),
    ],
)
def test_allowed_imports_pass(tree, module, line):
    (tree / module).write_text(line)
    result = ruff(tree)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_repository_keeps_the_rule():
    result = ruff(ROOT)
    assert result.returncode == 0, result.stdout
