"""Prepare Streamlit's frontend for nginx to serve: pre-compressed, with its fonts cut down.

Behind nginx, a phone on a 1.6 Mbps link spends most of its first paint fetching Streamlit's own
frontend: 1,153 KB before the landing map's first outline (``bench.phone``, 2026-12-04), of which
546 KB are two fonts and 607 KB scripts that nginx gzips on the fly at level 5. This module writes
a copy of that frontend (``streamlit/static/static/``, which the page loads from ``<prefix>static/``)
that nginx serves from disk (``deploy/nginx_conf.py``, ``frontend=``):

- every script, style sheet and other text file beside a ``.br`` (Brotli, quality 11) and a ``.gz``
  (gzip, level 9) copy, for nginx's ``brotli_static`` and ``gzip_static``: the three largest
  scripts a phone fetches are 324 KB at gzip level 5 and 252 KB in Brotli;
- the icon font (Material Symbols Rounded, 375 KB, 4,009 icons under 4,309 names) cut to the icons the page can
  name. Streamlit draws an icon by writing its name (``keyboard_double_arrow_right``) in that font,
  whose ligatures turn the name into the glyph, so a name is all the page needs. The icons kept
  are every name the frontend's scripts hold as a string (``:material/menu:`` or ``"menu"``),
  every ``:material/…:`` name in Streamlit's Python package and in Drill Atlas's own code. What
  is left (504 of 4,009 icons with Streamlit 1.67) is 54 KB;
- the text fonts (Source Sans, Source Code, Source Serif) cut to the scripts a reader of the record
  meets: Latin with its extensions (Vietnamese included), Greek, Cyrillic, punctuation, currency,
  arrows, symbols and mathematical signs (``TEXT_FONT_UNICODES``), with the OpenType features a browser
  applies unasked (kerning, ligatures, marks), not the ones a style sheet must ask for (small caps,
  old-style or tabular figures), which nothing in Streamlit's or Drill Atlas's styles does. The
  Source Sans the page draws its text in goes from 170 to 97 KB. A character a cut font lacks is
  drawn from the next font of the style's list (the system's sans-serif), as Chinese already is.

- the page itself (``index.html``, beside ``static/``): Streamlit's, with links that let a browser
  fetch what shows the map's frame while it waits for the app's first message (:func:`page_hints`).
  It names this release's map script, so it is written again on every run.

Nothing here changes what Streamlit serves itself; a file this copy lacks (another Streamlit
version's scripts) falls through to the replicas (the nginx configuration's ``error_page``).

``python -m deploy.frontend DIR`` writes ``DIR/static/``, ``DIR/index.html`` and ``DIR/prepared.json``
(what was made, for which Streamlit); run again, it writes only the page when the rest still
matches. It needs ``fonttools`` and ``brotli`` (``requirements-build.txt``), which the app itself
does not.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ICON_FONT_GLOB = "MaterialSymbols-Rounded.*.woff2"
"""The icon font's file in ``static/media``; the part between the dots is Streamlit's content hash."""
APP_SOURCES = ("app.py", "view", "layers", "geodata")
"""Drill Atlas's own code, searched for the ``:material/…:`` icons it names."""
TEXT_FONT_GLOBS = ("SourceSans*.woff2", "SourceCode*.woff2", "SourceSerif*.woff2")
"""Streamlit's text fonts in ``static/media``: its sans-serif, monospace and serif faces."""
TEXT_FONT_UNICODES = ",".join((
    "U+0000-024F",  # Basic Latin, Latin-1, Latin Extended-A and -B
    "U+0259",  # the schwa (Azerbaijani)
    "U+02B9-02DD",  # the prime, the apostrophes of transliteration (ʻ ʼ) and the spacing accents
    "U+0300-036F",  # combining marks
    "U+0370-03FF",  # Greek (accented Greek is drawn from these letters and the combining marks)
    "U+0400-052F",  # Cyrillic and its supplement
    "U+1E00-1EFF",  # Latin Extended Additional (Vietnamese, transliterations)
    "U+2000-23FF",  # punctuation, super- and subscripts, currency, letterlike signs, arrows, maths
    "U+25A0-27FF",  # geometric shapes, symbols, dingbats (✓ ✗), mathematical brackets
    "U+2C60-2C7F",  # Latin Extended-C
    "U+2E00-2E7F",  # supplemental punctuation
    "U+A720-A7FF",  # Latin Extended-D
    "U+FB00-FB06",  # Latin ligatures (fi, fl)
    "U+FEFF,U+FFFD",  # the byte-order mark, the replacement character
))
"""What the cut text fonts keep, in the notation of CSS ``unicode-range`` and ``pyftsubset --unicodes``.

Left out (393 of Source Sans's 1,615 characters): precomposed polytonic Greek, the phonetic
alphabets but the schwa, modifier letters, box drawing, and the few pictographs the fonts hold.
"""
MAP_COMPONENT = "streamlit_folium.st_folium"
"""The map's component as Streamlit serves it, at ``component/<name>/`` below the page."""
COMPONENT_CHUNK_GLOB = "ComponentInstance.*.js"
"""The frontend's chunk that shows a component's frame: it loads only once a page's first message names one."""
INDEX = "index.html"
COMPRESSED_SUFFIXES = frozenset({".js", ".css", ".svg", ".json", ".txt", ".html", ".map", ".ttf", ".otf"})
"""Files worth a ``.br`` and ``.gz`` copy: text, and fonts not already compressed (woff2, png, gif are)."""
BROTLI_QUALITY = 11
GZIP_LEVEL = 9
MARKER = "prepared.json"

# A chunk's static import of another chunk of its folder (Vite writes `from"./name.hash.js"`).
_STATIC_IMPORT = re.compile(r'(?:from|import)\s*"\./([A-Za-z0-9_$.-]{1,200}\.js)"')
# A script a page names in its own folder's static/js/ (its entry, its module preloads).
_PAGE_SCRIPT = re.compile(r'(?:href|src)="\./static/js/([A-Za-z0-9_$.-]{1,200}\.js)"')
_MATERIAL_NAME = re.compile(r":material/([a-z0-9_]{1,64}):")
# A quoted lowercase word in a script: a name the frontend may pass to its icon component.
_QUOTED_NAME = re.compile(r"""["'`]([a-z0-9_]{1,64})["'`]""")


@dataclass(frozen=True)
class PreparedFrontend:
    """What :func:`prepare_frontend` wrote, and for which Streamlit.

    Attributes
    ----------
    streamlit_version : str
        The installed Streamlit whose frontend was copied.
    icon_font : str
        The icon font's file name (as the frontend's style sheet asks for it).
    icons_kept, icons_in_font : int
        Icons in the cut font, and in Streamlit's.
    icon_font_bytes, icon_font_original_bytes : int
        The cut font's size, and the original's.
    text_fonts : dict of str to list of int
        Each cut text font's file name: its size after and before the cut.
    text_font_unicodes : str
        The characters the text fonts kept (``TEXT_FONT_UNICODES`` when they were cut); another
        set prepares again.
    compressed_files : int
        Files given a ``.br`` and ``.gz`` copy.
    names_digest : str
        SHA-256 of the sorted icon names asked for; a change (a new icon in the app) prepares again.
    hints : list of list of str
        The ``[rel, href]`` of each ``<link>`` the copy's ``index.html`` adds to Streamlit's
        (:func:`page_hints`); written again on every run, as the app's files may have changed.
    """

    streamlit_version: str
    icon_font: str
    icons_kept: int
    icons_in_font: int
    icon_font_bytes: int
    icon_font_original_bytes: int
    text_fonts: dict[str, list[int]]
    text_font_unicodes: str
    compressed_files: int
    names_digest: str
    hints: list[list[str]]


def streamlit_package() -> Path:
    """Return the installed Streamlit's package folder (found, not imported: only app.py imports it)."""
    return Path(importlib.util.find_spec("streamlit").origin).parent


def streamlit_version() -> str:
    """Return the installed Streamlit's version."""
    return importlib.metadata.version("streamlit")


def streamlit_frontend() -> Path:
    """Return the installed Streamlit's ``static/static`` folder: what the page loads from ``static/``."""
    return streamlit_package() / "static" / "static"


def _texts(paths: Iterable[Path], suffix: str) -> Iterable[str]:
    for path in paths:
        files = sorted(path.rglob(f"*{suffix}")) if path.is_dir() else [path]
        for file in files:
            if file.suffix == suffix:
                yield file.read_text(encoding="utf-8", errors="replace")


def icon_names(frontend: Path, python_sources: Sequence[Path]) -> set[str]:
    """Return every icon name the page could ask the icon font for.

    Parameters
    ----------
    frontend : pathlib.Path
        Streamlit's ``static/static`` folder; its scripts are read for ``:material/name:`` and for
        quoted lowercase words (a superset: most are not icons, and :func:`cut_icon_font` keeps only
        the words that name one).
    python_sources : sequence of pathlib.Path
        Files or folders of Python code (Streamlit's package, the app) read for ``:material/name:``.

    Returns
    -------
    set of str
    """
    names: set[str] = set()
    for text in _texts([frontend / "js"], ".js"):
        names.update(_MATERIAL_NAME.findall(text))
        names.update(_QUOTED_NAME.findall(text))
    for text in _texts(python_sources, ".py"):
        names.update(_MATERIAL_NAME.findall(text))
    return names


def ligatures(font) -> dict[str, str]:
    """Return the font's ligatures as ``{text: glyph name}`` (``"menu": "menu"``, ``"123": "_123"``).

    Parameters
    ----------
    font : fontTools.ttLib.TTFont
        A font whose GSUB table holds ligature substitutions (lookup type 4, or 7 wrapping 4).
    """
    characters = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    found: dict[str, str] = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            for first, entries in getattr(table, "ligatures", {}).items():
                for entry in entries:
                    parts = [first, *entry.Component]
                    if all(part in characters for part in parts):
                        found.setdefault("".join(characters[part] for part in parts), entry.LigGlyph)
    return found


def cut_icon_font(source: Path, target: Path, names: Iterable[str]) -> tuple[int, int]:
    """Write ``source`` (a ligature icon font) to ``target`` with only the icons ``names`` name.

    The letters, digits and ``_`` stay, and so do the ligatures whose result is kept; no other
    glyph is added by following the font's substitutions (``layout_closure`` off), or every icon
    would come back, since every icon's name is made of letters the font keeps.

    Returns
    -------
    tuple of int
        Icons kept, icons in ``source``.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    by_name = ligatures(font)
    kept = sorted({by_name[name] for name in names if name in by_name})
    options = subset.Options()
    options.layout_closure = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=kept, text="".join(sorted(set("".join(by_name)))))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(target)
    return len(kept), len(set(by_name.values()))


def cut_text_font(source: Path, target: Path, unicodes: str = TEXT_FONT_UNICODES) -> int:
    """Write ``source`` (a text font) to ``target`` with only the characters ``unicodes`` names; return its size.

    A variable font stays variable (its weight axis is kept). Only the OpenType features fontTools
    keeps by default stay: those a browser applies unasked (``kern``, ``liga``, ``mark``, ``locl`` …).
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    options = subset.Options()
    options.flavor = "woff2"
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(target)
    return target.stat().st_size


def _compress_one(path: str, quality: int, level: int) -> bool:
    import brotli

    data = Path(path).read_bytes()
    written = False
    for suffix, packed in ((".br", brotli.compress(data, quality=quality)),
                           (".gz", gzip.compress(data, compresslevel=level, mtime=0))):
        if len(packed) < len(data):
            Path(path + suffix).write_bytes(packed)
            written = True
    return written


def precompress(folder: Path, quality: int = BROTLI_QUALITY, level: int = GZIP_LEVEL,
                workers: int | None = None) -> int:
    """Write a ``.br`` and ``.gz`` copy beside every compressible file under ``folder``; return how many.

    A copy no smaller than its file is not written. The files are shared among ``workers``
    processes (default: the machine's cores); Brotli's quality 11 takes about 1.5 s a megabyte.
    """
    files = sorted(str(path) for path in folder.rglob("*") if path.is_file() and path.suffix in COMPRESSED_SUFFIXES)
    if not files:
        return 0
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        return sum(_compress_one(path, quality, level) for path in files)
    with ProcessPoolExecutor(workers) as pool:
        return sum(pool.map(_compress_one, files, [quality] * len(files), [level] * len(files), chunksize=8))


def chunk_closure(js_dir: Path, first: str) -> list[str]:
    """Return the chunk ``first`` of ``js_dir`` and every chunk it imports statically, in the order met."""
    seen: list[str] = []
    waiting = [first]
    while waiting:
        name = waiting.pop(0)
        if name in seen or not (js_dir / name).is_file():
            continue
        seen.append(name)
        waiting.extend(_STATIC_IMPORT.findall((js_dir / name).read_text(encoding="utf-8", errors="replace")))
    return seen


def component_build() -> Path:
    """Return the map component's built frontend (streamlit-folium's ``frontend/build``)."""
    return Path(importlib.util.find_spec("streamlit_folium").origin).parent / "frontend" / "build"


def page_hints(index_html: str, frontend: Path, component: Path, frame_files: Sequence[str]) -> list[list[str]]:
    """Return the ``[rel, href]`` of the links that let a browser fetch the map's frame while it waits for the map.

    Streamlit's page fetches what shows a component's frame (:data:`COMPONENT_CHUNK_GLOB` and the
    chunks it imports) only once the app's first message names a component, and the frame then
    fetches its own page, streamlit-folium's script and the map's (``frame_files``), each after
    the one before has run: on the emulated phone 1.9 s from the map's message to its outlines,
    most of it waiting for these files while the link stood idle (bench/README.md). Named in the
    page's ``<head>``, they come while the page waits for the app's first message instead:

    - ``modulepreload`` for the chunks the page does not preload already (a module preload is
      not refetched when the page imports the module);
    - ``prefetch`` for streamlit-folium's scripts and ``frame_files`` (paths from the site's root,
      :func:`layers.compose.frame_files`): the frame, a document of its own, takes them from the
      browser's HTTP cache, so they must be answered cacheable (nginx's configuration does so).

    Every ``href`` is relative to the page, as Streamlit's own are, so a site below a prefix works.
    """
    js_dir = frontend / "js"
    loaded = set(_PAGE_SCRIPT.findall(index_html))
    hints = []
    for chunk in sorted(js_dir.glob(COMPONENT_CHUNK_GLOB))[:1]:
        hints += [["modulepreload", f"./static/js/{name}"] for name in chunk_closure(js_dir, chunk.name)
                  if name not in loaded]
    component_page = component / INDEX
    if component_page.is_file():
        hints += [["prefetch", f"./component/{MAP_COMPONENT}/static/js/{name}"]
                  for name in _PAGE_SCRIPT.findall(component_page.read_text(encoding="utf-8", errors="replace"))]
    hints += [["prefetch", f".{path}"] for path in frame_files if path.startswith("/")]
    return hints


def index_with_hints(index_html: str, hints: Sequence[Sequence[str]]) -> str:
    """Return Streamlit's ``index.html`` with a ``<link>`` for each hint just before ``</head>``."""
    links = "".join(f'<link rel="{rel}"{" crossorigin" if rel == "modulepreload" else ""} href="{html.escape(href)}">\n'
                    for rel, href in hints)
    return index_html.replace("</head>", links + "</head>", 1)


def _digest(names: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(names)).encode()).hexdigest()


def read_prepared(target: Path) -> PreparedFrontend | None:
    """Return what ``target/prepared.json`` records, or None when it is missing or unreadable."""
    try:
        return PreparedFrontend(**json.loads((target / MARKER).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def prepare_frontend(target: Path, *, frontend: Path | None = None,
                     python_sources: Sequence[Path] | None = None,
                     quality: int = BROTLI_QUALITY, workers: int | None = None,
                     frame_files: Sequence[str] | None = None,
                     component: Path | None = None) -> PreparedFrontend:
    """Write Streamlit's frontend, ready for nginx, to ``target/static`` and its page to ``target/index.html``.

    Returns what was made. The page is Streamlit's ``index.html`` (beside ``frontend``) with the
    links of :func:`page_hints`; it is written on every run, the rest only when it changed.

    Parameters
    ----------
    target : pathlib.Path
        Folder to write (created). When ``target/prepared.json`` already records this Streamlit
        version and the same icon names, nothing is written again.
    frontend : pathlib.Path, optional
        The frontend to copy; default :func:`streamlit_frontend`.
    python_sources : sequence of pathlib.Path, optional
        Code read for icon names; default Streamlit's package and Drill Atlas's ``APP_SOURCES``.
    quality : int, default 11
        Brotli quality of the ``.br`` copies.
    workers : int, optional
        Processes compressing; default the machine's cores.
    frame_files : sequence of str, optional
        The files a served map's frame loads (:func:`layers.compose.frame_files`); default those
        of the app served at the site's root.
    component : pathlib.Path, optional
        The map component's built frontend; default :func:`component_build`.

    Raises
    ------
    FileNotFoundError
        If the frontend has no icon font (a Streamlit whose frontend is laid out differently).
    ImportError
        If ``fonttools`` or ``brotli`` is not installed.
    """
    import brotli  # noqa: F401  (fail before copying anything when it is missing)
    import fontTools  # noqa: F401

    frontend = frontend or streamlit_frontend()
    if python_sources is None:
        python_sources = [streamlit_package(), *(REPO / name for name in APP_SOURCES)]
    fonts = sorted((frontend / "media").glob(ICON_FONT_GLOB))
    if len(fonts) != 1:
        raise FileNotFoundError(f"{frontend / 'media'} holds {len(fonts)} files like {ICON_FONT_GLOB}, not one")
    names = icon_names(frontend, python_sources)
    digest = _digest(names)
    version = streamlit_version()
    if frame_files is None:
        from layers.assets import asset_urls
        from layers.compose import frame_files as files_of

        frame_files = files_of(asset_urls(""))
    page = frontend.parent / INDEX
    index_html = page.read_text(encoding="utf-8") if page.is_file() else ""
    hints = page_hints(index_html, frontend, component or component_build(), frame_files) if index_html else []
    done = read_prepared(target)
    if (done is not None and done.streamlit_version == version and done.names_digest == digest
            and done.text_font_unicodes == TEXT_FONT_UNICODES
            and (target / "static" / "media" / done.icon_font).is_file()):
        prepared = replace(done, hints=hints)
    else:
        static = target / "static"
        if static.exists():
            shutil.rmtree(static)
        (target / MARKER).unlink(missing_ok=True)
        shutil.copytree(frontend, static)
        font = static / "media" / fonts[0].name
        kept, total = cut_icon_font(fonts[0], font, names)
        text_fonts = {}
        for source in sorted({path for pattern in TEXT_FONT_GLOBS for path in (frontend / "media").glob(pattern)}):
            text_fonts[source.name] = [cut_text_font(source, static / "media" / source.name, TEXT_FONT_UNICODES),
                                       source.stat().st_size]
        compressed = precompress(static, quality=quality, workers=workers)
        prepared = PreparedFrontend(version, font.name, kept, total, font.stat().st_size, fonts[0].stat().st_size,
                                    text_fonts, TEXT_FONT_UNICODES, compressed, digest, hints)
    _write_page(target / INDEX, index_with_hints(index_html, hints) if index_html else None, quality)
    (target / MARKER).write_text(json.dumps(asdict(prepared), indent=1) + "\n", encoding="utf-8")
    return prepared


def _write_page(path: Path, text: str | None, quality: int) -> None:
    """Write the page and its compressed copies, or remove them where Streamlit has no page to copy.

    Each file replaces the one before at once (``os.replace``): nginx may be sending the page
    while ``python -m deploy.frontend`` runs again on a live site.
    """
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    if text is not None:
        temporary.write_text(text, encoding="utf-8")
        _compress_one(str(temporary), quality, GZIP_LEVEL)
    for suffix in (".br", ".gz", ""):
        made = Path(f"{temporary}{suffix}")
        if made.is_file():
            os.replace(made, f"{path}{suffix}")
        else:
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Prepare the frontend into a folder and print what was made; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m deploy.frontend", description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="folder to write (its static/ is what nginx serves)")
    parser.add_argument("--quality", type=int, default=BROTLI_QUALITY, choices=range(0, 12), metavar="0-11",
                        help=f"Brotli quality (default {BROTLI_QUALITY})")
    args = parser.parse_args(argv)
    try:
        prepared = prepare_frontend(args.target, quality=args.quality)
    except ImportError as error:
        print(f"{error.name} is missing: pip install -r requirements-build.txt", file=sys.stderr)
        return 1
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{args.target / 'static'}: Streamlit {prepared.streamlit_version}'s frontend, "
          f"{prepared.compressed_files} files with .br and .gz copies; {prepared.icon_font} "
          f"{prepared.icon_font_original_bytes:,} -> {prepared.icon_font_bytes:,} bytes "
          f"({prepared.icons_kept} of {prepared.icons_in_font} icons); text fonts "
          f"{sum(before for _, before in prepared.text_fonts.values()):,} -> "
          f"{sum(after for after, _ in prepared.text_fonts.values()):,} bytes ({len(prepared.text_fonts)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
