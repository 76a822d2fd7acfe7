"""Exit 0 when the Streamlit server in this container answers its health check (the image's HEALTHCHECK).

The URL follows ``STREAMLIT_SERVER_PORT`` (default 8501) and ``STREAMLIT_SERVER_BASE_URL_PATH``, so
the check still finds the server when the app is served below a prefix.
"""

from __future__ import annotations

import os
import sys
import urllib.request
from collections.abc import Mapping


def health_url(environ: Mapping[str, str]) -> str:
    """Return the local health URL for Streamlit's port and base URL path in ``environ``."""
    port = environ.get("STREAMLIT_SERVER_PORT") or "8501"
    prefix = environ.get("STREAMLIT_SERVER_BASE_URL_PATH", "").strip("/")
    return f"http://127.0.0.1:{port}/{prefix + '/' if prefix else ''}_stcore/health"


def main() -> int:
    """Return 0 if the server answers ``ok`` within four seconds, else 1."""
    try:
        with urllib.request.urlopen(health_url(os.environ), timeout=4) as response:
            return 0 if response.read().strip() == b"ok" else 1
    except OSError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
