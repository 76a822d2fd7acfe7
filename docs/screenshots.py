"""Take the README's pictures from the real app, offline: ``python -m docs.screenshots``.

Starts ``streamlit run app.py`` on the bundled data (tiles off, as a machine without internet
sees it), opens it in headless Debian Chromium with every request outside 127.0.0.1 refused, and
writes PNG files to ``docs/img/``:

- ``landing.png``: the first view at 1280×720;
- ``region-popup.png``: a region's popup and the details panel of one exercise, at 1280×1150;
- ``phone.png``: the first view on a 390×844 phone;
- ``inland-range.png``: a link to one exercise on land (Vostok-2018) at 1280×720, its range's
  popup open: the towns around it, which the map names without tiles, and how far it lies from them.

``--out DIR`` writes elsewhere (the browser tests use it to look at a page without touching the
checkout); ``--only NAME`` takes one picture.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from bench.server import APP, StreamlitServer
from geodata.schema import DATA_DIR

CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).resolve().parent / "img"
LAPTOP = {"width": 1280, "height": 720}
LAPTOP_TALL = {"width": 1280, "height": 1150}
"""The popup picture is taller, to show the details panel under the map too."""
PHONE = {"width": 390, "height": 844}
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
POPUP_REGION = "sea_of_japan"
DETAIL_EXERCISE = "joint_sea_2025"
INLAND_EXERCISE = "vostok_2018"
INLAND_REGION = "tsugol_range"
SETTLE_MS = 1500


def _open(page, url: str) -> None:
    page.goto(url)
    page.frame_locator(MAP_FRAME).first.locator("path.da-region").filter(visible=True).first.wait_for(timeout=90_000)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=90_000)  # the script has finished
    page.wait_for_timeout(SETTLE_MS)


def take(base_url: str, out: Path, only: str | None = None) -> list[Path]:
    """Write the pictures of the app at ``base_url`` into ``out``; return their paths."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            for name, viewport, query in (
                ("landing", LAPTOP, ""),
                ("region-popup", LAPTOP_TALL, f"?selected={DETAIL_EXERCISE}"),
                ("phone", PHONE, ""),
                ("inland-range", LAPTOP, f"?selected={INLAND_EXERCISE}"),
            ):
                if only and name != only:
                    continue
                context = browser.new_context(viewport=viewport, device_scale_factor=1)
                context.route(re.compile(r"^(?!https?://127\.0\.0\.1)[a-z]+:"), lambda route: route.abort())
                page = context.new_page()
                _open(page, base_url + "/" + query)
                popup_region = {"region-popup": POPUP_REGION, "inland-range": INLAND_REGION}.get(name)
                if popup_region:
                    frame = page.frame_locator(MAP_FRAME).first
                    frame.locator(f'path.da-region[data-region="{popup_region}"]').first.click(force=True)
                    page.mouse.move(0, 0)  # no hover text over the popup
                    page.wait_for_timeout(SETTLE_MS)
                path = out / f"{name}.png"
                page.screenshot(path=str(path))
                written.append(path)
                context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> None:
    """Start the app on the bundled data, take the pictures, stop it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", choices=["landing", "region-popup", "phone", "inland-range"])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        server = StreamlitServer(APP, DATA_DIR, Path(tmp) / "server.log")
        try:
            for path in take(server.url, args.out, args.only):
                print(path)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
