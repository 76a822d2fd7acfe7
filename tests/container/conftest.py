"""Container tests: the image deploy/Dockerfile builds, run with podman as it would be hosted.

They need root, Debian's podman and debootstrap, and Debian's package archive and PyPI over the
network, and take a few minutes (most of it building the image), so they run only in CI (``CI=true``)
or when asked for with ``DRILL_ATLAS_CONTAINER_TESTS=1``. The browser checks use the same Playwright
set-up as tests/browser.
"""

from __future__ import annotations

# The same Chromium, window and blocked internet as the browser tests.
from tests.browser.conftest import (  # noqa: F401
    blocked_requests,
    browser_context_args,
    browser_type_launch_args,
)


def pytest_configure(config):
    # Also in pyproject.toml's markers; registered here too so that --strict-markers accepts it.
    config.addinivalue_line("markers", "container: builds and runs the container image with podman (root; opt-in)")
