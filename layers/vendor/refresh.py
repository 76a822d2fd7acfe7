"""Copy the Leaflet plugins' browser files from their npm packages: ``python -m layers.vendor.refresh``.

Each package is fetched with ``npm pack`` at the pinned version and only the files listed in
:data:`PACKAGES` are kept, with the package's licence. ``MANIFEST.sha256`` records what was
copied; a test checks the committed files against it. Every package is MIT-licensed (see the
copied ``package.json`` and, where the package ships one, ``LICENSE``). html-to-image is not a
Leaflet plugin: the map's "save as PNG" button draws the map's own page into a picture with it.
Run this only to change a version.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from types import MappingProxyType

VENDOR_DIR = Path(__file__).resolve().parent
MANIFEST = VENDOR_DIR / "MANIFEST.sha256"

PACKAGES = MappingProxyType(
    {
        ("leaflet-draw", "1.0.4"): (
            "package.json",
            "dist/leaflet.draw.js",
            "dist/leaflet.draw.css",
            "dist/images/spritesheet.png",
            "dist/images/spritesheet-2x.png",
            "dist/images/spritesheet.svg",
        ),
        ("leaflet-measure", "2.1.7"): (
            "package.json",
            "LICENSE",
            "dist/leaflet-measure.min.js",
            "dist/leaflet-measure.css",
            "dist/images/cancel.png",
            "dist/images/cancel_@2X.png",
            "dist/images/check.png",
            "dist/images/check_@2X.png",
            "dist/images/focus.png",
            "dist/images/focus_@2X.png",
            "dist/images/rulers.png",
            "dist/images/rulers_@2X.png",
            "dist/images/start.png",
            "dist/images/start_@2X.png",
            "dist/images/trash.png",
            "dist/images/trash_@2X.png",
        ),
        ("html-to-image", "1.11.13"): (
            "package.json",
            "LICENSE",
            "dist/html-to-image.js",
        ),
    }
)
"""Files kept from each ``(package, version)``, as paths inside the npm tarball."""


def package_dir(name: str, version: str) -> Path:
    """Folder of one vendored package, e.g. ``layers/vendor/leaflet-draw-1.0.4``."""
    return VENDOR_DIR / f"{name}-{version}"


def manifest_lines(root: Path = VENDOR_DIR) -> list[str]:
    """``sha256  relative/path`` for every vendored file below ``root``, sorted."""
    lines = []
    for (name, version), members in PACKAGES.items():
        for member in members:
            path = root / f"{name}-{version}" / member.removeprefix("dist/")
            lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(root)}")
    return sorted(lines)


def refresh(target: Path = VENDOR_DIR) -> None:
    """Fetch every pinned package with npm and copy its listed files below ``target``."""
    with tempfile.TemporaryDirectory() as scratch:
        for (name, version), members in PACKAGES.items():
            tarball = (
                subprocess.run(
                    ["npm", "pack", "--silent", f"{name}@{version}"],
                    cwd=scratch,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            with tarfile.open(Path(scratch) / tarball) as archive:
                for member in members:
                    data = archive.extractfile(f"package/{member}").read()
                    out = target / f"{name}-{version}" / member.removeprefix("dist/")
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(data)
    (target / MANIFEST.name).write_text("\n".join(manifest_lines(target)) + "\n")


if __name__ == "__main__":
    refresh(Path(sys.argv[1]) if len(sys.argv) > 1 else VENDOR_DIR)
