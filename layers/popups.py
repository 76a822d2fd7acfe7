"""HTML of tooltips and popups, with every text field escaped.

Leaflet puts tooltip and popup strings into the page with ``innerHTML`` (bound to each
feature by :func:`bind_feature_html`), and the data is human-edited: a ``<script>`` or ``<img onerror>`` in a summary
would run. Every value from the data goes through :func:`escape_html` here, and only links
whose URL is http(s) become anchors.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd
from folium.utilities import JsCode

from geodata import schema
from geodata.crossings import CROSSING_LINES_COLUMN
from geodata.filters import event_of
from geodata.schema import country_names
from layers.maphelpers import HelperCall, helper
from layers.styles import domain_label

MAX_POPUP_HEIGHT_PX = 300
POPUP_MAX_WIDTH = 440
POPUP_PAD_TOP_LEFT_PX = (56, 60)
"""Room a popup keeps from the map's left edge (zoom, draw and "All" buttons) and top edge (layer control)."""
POPUP_PAD_BOTTOM_RIGHT_PX = (12, 12)


def bind_feature_html(max_width: int = POPUP_MAX_WIDTH, by_reference: bool = False) -> JsCode:
    """Bind each GeoJSON feature's ``tooltip`` and ``popup`` properties (escaped HTML) to it.

    For ``folium.GeoJson(on_each_feature=...)``. It does in the browser what
    ``folium.GeoJsonTooltip`` and ``folium.GeoJsonPopup`` with one field and no label do,
    without their server cost: each compiles Jinja templates on every render, a third of a
    map's render time. Leaflet reads a string given to ``bindTooltip`` or ``bindPopup`` as
    HTML, so both properties must come from the builders of this module. A region's path gets
    its ``data-region`` and a route's the ``data-exercise`` of its exercise, so the page's
    exercise list (:mod:`view.exercise_list`) can mark them. An open popup closes its shape's
    tooltip: the tooltip only repeated the popup's title beside it, and on a phone, where a tap
    opens both, ran off the map's edge. ``by_reference``: a popup may be a list that refers to the
    dataset's popups file (:class:`PopupBook`), joined by the map's helper ``daMap.popupOf``
    when it opens; only a map that loads that file and the helpers draws such popups.
    """
    popup = (" const popup = Array.isArray(html.popup) ? function () { return daMap.popupOf(html.popup, layer); }"
             " : html.popup;" if by_reference else " const popup = html.popup;")
    return JsCode(
        "function (feature, layer) {"
        " const html = feature.properties || {};"
        f"{popup}"
        " if (html.region_id || html.exercise_id) layer.on('add', function () {"
        "   const path = layer.getElement && layer.getElement();"
        "   if (path && html.region_id) path.setAttribute('data-region', html.region_id);"
        "   if (path && html.exercise_id) path.setAttribute('data-exercise', html.exercise_id); });"
        ' if (html.tooltip) layer.bindTooltip(html.tooltip, {sticky: true, className: "foliumtooltip"});'
        f' if (popup) layer.bindPopup(popup, {{maxWidth: {int(max_width)}, className: "foliumpopup",'
        f" autoPanPaddingTopLeft: {list(POPUP_PAD_TOP_LEFT_PX)},"
        f" autoPanPaddingBottomRight: {list(POPUP_PAD_BOTTOM_RIGHT_PX)}}});"
        " if (html.tooltip && html.popup) layer.on('popupopen', function () { layer.closeTooltip(); });"
        " }"
    )


def escape_html(text: object) -> str:
    """Escape text for HTML, and its curly braces too.

    folium's elements hand their output to branca, which renders it once more as a Jinja
    template on the server: ``{{ … }}`` or ``{% … %}`` in a summary or an uploaded file would
    run there (and can reach the operating system). As HTML entities, braces show the same in
    the browser and mean nothing to Jinja.
    """
    return html.escape(str(text), quote=True).replace("{", "&#123;").replace("}", "&#125;")


_e = escape_html


def date_range_text(start: str, end: str, precision: str = "day") -> str:
    """Human dates: ``2024-07-14 – 2024-07-17``, one date if equal, months if imprecise."""
    if precision == "month":
        start, end = start[:7], end[:7]
    if start == end:
        return start
    return f"{start} – {end}"


REPORTED_BADGE = "reported — not confirmed"
"""Shown next to the name of an exercise whose ``status`` is ``reported``: only secondary sources,
or only one side's word (a submarine patrol only Russia announced). "Secondary sources only" was
true of none of the three reported rows of 2026-12-05.4; each row's notes say which it is."""


def source_links(urls: Iterable[str], labels: Iterable[str] | None = None) -> str:
    """Numbered links (``[1] [2]``) to the sources, opened in a new tab; non-http(s) text is shown, not linked.

    For URLs nothing more is known of (routes, reference layers, observations, an exercise
    without sources.csv); :func:`source_list_html` lists an exercise's sources with outlet, date
    and title. ``labels`` (e.g. the host names) replace the numbers as the links' text.
    """
    links = []
    urls = list(urls)
    texts = list(labels) if labels is not None else [f"[{n}]" for n in range(1, len(urls) + 1)]
    for url, text in zip(urls, texts, strict=True):
        if schema.URL_PATTERN.match(url):
            links.append(
                f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer" title="{_e(url)}">{_e(text)}</a>'
            )
        else:
            links.append(f"{_e(text)} {_e(url)}")
    return " ".join(links)


SOURCE_LIST_STYLE = "margin:0.2em 0 0;padding-left:1.4em;overflow-wrap:anywhere"
"""The details panel's list of sources: indented numbers, long titles and URLs wrapped on a phone."""


def source_list_html(
    urls: Iterable[str], labels: Iterable[str], titles: Iterable[str] = (), dates: Iterable[str] = ()
) -> str:
    """Return the sources of one exercise as a numbered list: outlet, date, and the title as the link.

    Parameters
    ----------
    urls : iterable of str
        The source URLs, in order.
    labels : iterable of str
        The outlet of each, e.g. ``"TASS (en)"`` (:func:`geodata.sources.source_label`).
    titles, dates : iterable of str, optional
        The headline and the ISO date published of each, ``""`` where not known; missing items
        count as unknown. Without a title the outlet is the link.

    Returns
    -------
    str
        ``<ol>`` with one ``<li>`` per URL, every text escaped: ``TASS (en) · 2024-07-25 ·
        <a>Russian, Chinese bombers …</a>``; a URL that is not http(s) is shown, not linked.
    """
    urls, labels, titles, dates = list(urls), list(labels), list(titles), list(dates)
    items = []
    for index, (url, label) in enumerate(zip(urls, labels, strict=True)):
        title = titles[index] if index < len(titles) else ""
        date = dates[index] if index < len(dates) else ""
        text = title or label
        if schema.URL_PATTERN.match(url):
            link = f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer" title="{_e(url)}">{_e(text)}</a>'
        else:
            link = f"{_e(text)} {_e(url)}"
        parts = [_e(label)] if title else [link]
        if date:
            parts.append(f'<span class="da-meta">{_e(date)}</span>')
        if title:
            parts.append(link)
        items.append(f"<li>{' · '.join(parts)}</li>")
    return f'<ol class="da-sources" style="{SOURCE_LIST_STYLE}">{"".join(items)}</ol>'


def status_badge(record: Mapping[str, object]) -> str:
    """HTML badge of a reported exercise (:data:`REPORTED_BADGE`); ``""`` for a confirmed one."""
    if record.get("status") != "reported":
        return ""
    return (' <span class="da-badge da-reported" style="background:#fef3c7;color:#78350f;border:1px solid #d97706;'
            f'border-radius:3px;padding:0 3px;font-size:90%;white-space:nowrap">{_e(REPORTED_BADGE)}</span>')


EXERCISE_PART_STYLE = "margin:0.5em 0 0"
"""Space above each part of an exercise's details (what happened, who, forces, doubts, sources)."""

SOURCES_DIFFER_STYLE = f"{EXERCISE_PART_STYLE};padding:0.1em 0 0.1em 0.6em;border-left:3px solid #d97706"
"""Where sources disagree: set apart by an amber rule, the colour of the "reported" badge."""


NOTE_LABEL_MAX_CHARS = 40
NOTE_LABEL_MAX_WORDS = 5
"""A notes sentence's topic is this short at most (:func:`note_label`): "Russian names vary", not a claim."""
NOTE_LIST_STYLE = "margin:0.2em 0 0;padding-left:1.2em"
"""The topics of where sources differ: a short indented list under its label."""


def note_label(sentence: str) -> str | None:
    """Return the topic a notes sentence opens with (``"Dates"`` of ``"Dates: 9-13 Aug (Xinhua) …"``), or None.

    A topic is at most :data:`NOTE_LABEL_MAX_WORDS` words and :data:`NOTE_LABEL_MAX_CHARS`
    characters before the sentence's first ``": "``, and starts with a capital letter. Plain
    string searches, no regular expression: linear in the sentence's length.
    """
    end = sentence.find(": ", 0, NOTE_LABEL_MAX_CHARS + 2)
    if end <= 0 or not sentence[0].isupper():
        return None
    label = sentence[:end]
    return label if len(label.split()) <= NOTE_LABEL_MAX_WORDS else None


def note_items(notes: str) -> list[tuple[str | None, str]]:
    """Split an exercise's ``notes`` into its topics: ``[(label or None, text after the label), …]``.

    Notes are written as sentences opening with their topic (``"Dates: … Place: …"``); a Joint
    Sea-2012 reader met five topics in one 900-character paragraph. A new item starts at each
    sentence (after ``". "``) that opens with a topic (:func:`note_label`); a sentence without
    one stays with the item before it. Nothing is dropped or reworded: the items' texts joined
    with their labels give back the notes. Linear time: one ``split`` and a bounded search per
    sentence.
    """
    items: list[tuple[str | None, list[str]]] = []
    for sentence in notes.split(". "):
        label = note_label(sentence)
        if label is not None or not items:
            items.append((label, [sentence[len(label) + 2:] if label is not None else sentence]))
        else:
            items[-1][1].append(sentence)
    return [(label, ". ".join(sentences)) for label, sentences in items]


def notes_html(notes: str, style: str) -> str:
    """Where sources disagree, set apart: one paragraph, or a list with a line per topic (:func:`note_items`)."""
    items = note_items(notes)
    if len(items) < 2:
        return f'<p class="da-differ" style="{style}"><b>Sources differ:</b> {_e(notes)}</p>'
    last = len(items) - 1
    lines = "".join(  # the split took the full stop of every item but the last
        f"<li>{f'<b>{_e(label)}:</b> ' if label is not None else ''}{_e(text)}{'.' if i < last else ''}</li>"
        for i, (label, text) in enumerate(items)
    )
    return (f'<div class="da-differ" style="{style}"><b>Sources differ:</b>'
            f'<ul style="{NOTE_LIST_STYLE}">{lines}</ul></div>')


def exercise_html(record: Mapping[str, object]) -> str:
    """One exercise as an HTML block: name, when, what happened, who, forces, doubts, sources.

    Each part is a paragraph of its own under a bold label, what happened first after the dates,
    so that a reader finds a part at a glance instead of reading one run of text.
    """
    precision = str(record.get("date_precision") or "day")
    dates = date_range_text(str(record["start_date"]), str(record["end_date"]), precision)

    def part(label: str, html: str, css_class: str, style: str = EXERCISE_PART_STYLE) -> str:
        return f'<p class="{css_class}" style="{style}"><b>{label}</b> {html}</p>'

    parts = [
        f'<div class="da-exercise"><b>{_e(record["name"])}</b>{status_badge(record)}',
        f'<br><span class="da-meta">{_e(dates)} · {_e(record["series"])} · {_e(domain_label(record["domain"]))}</span>',
        f'<p class="da-summary" style="{EXERCISE_PART_STYLE}">{_e(record["summary"])}</p>',
        part("Participants:", _e(country_names(record["participant_codes"])), "da-participants"),
    ]
    if record.get("forces"):
        parts.append(part("Forces:", _e(record["forces"]), "da-forces"))
    if record.get("notes"):
        parts.append(notes_html(str(record["notes"]), SOURCES_DIFFER_STYLE))
    labels = record.get("source_labels")
    if labels is None:
        parts.append(part("Sources:", source_links(record["source_urls"]), "da-sources-head"))
    else:
        titles, dates = record.get("source_title_items") or (), record.get("source_date_items") or ()
        sources = source_list_html(record["source_urls"], labels, titles, dates)
        parts.append(part("Sources:", "", "da-sources-head") + sources)
    parts.append(crossings_html(record.get(CROSSING_LINES_COLUMN)))
    return "".join(parts) + "</div>"


def crossings_html(lines: object) -> str:
    """Show what an exercise's routes crossed (:func:`geodata.crossings.crossing_lines`), escaped.

    The items as a list under "What the route crosses on the map", the last line (the statement
    that routes are schematic) under it; ``""`` for an exercise without a route.
    """
    if not isinstance(lines, (list, tuple)) or not lines:
        return ""
    *items, note = (str(line) for line in lines)
    listed = "".join(f"<li>{_e(item)}</li>" for item in items)
    return (f'<div class="da-crossings"><b>What the route crosses on the map</b><ul>{listed}</ul>'
            f'<span class="da-meta">{_e(note)}</span></div>')


NEAR_COAST_KM = 2_500
"""Coasts farther than this are left out of a region's popup: Japan 8,272 km from the Gulf of
Aden, or the US 12,152 km from Cape Town, tell a reader nothing about the region."""


def coast_text(coast_km: object) -> str:
    """``"Japan: touches · South Korea 120 km (65 NM) · …"`` from ``"JPN:0;KOR:120;…"``.

    Coasts beyond :data:`NEAR_COAST_KM` and unreadable parts are left out; an empty or missing
    value, or one with no coast that near, gives ``""`` (the popup then has no such line).
    """
    if not isinstance(coast_km, str):
        return ""
    parts = []
    for item in coast_km.split(";"):
        code, _, km = item.partition(":")
        if not km.strip().isdigit():
            continue
        name = "US" if code.strip() == "USA" else schema.COUNTRY_NAMES.get(code.strip(), code.strip())
        distance = int(km)
        if distance > NEAR_COAST_KM:
            continue
        parts.append(f"{name}: touches" if distance == 0 else f"{name} {distance:,} km ({distance / 1.852:,.0f} NM)")
    return " · ".join(parts)


def _about_km(km: float) -> int:
    """Round a distance from an estimated position: to 5 km under 100 km, to 10 km above."""
    step = 5 if km < 100 else 10
    return max(step, int(round(km / step)) * step)


def towns_text(near: Iterable[object]) -> str:
    """``"65 km west of Borzya · 230 km south-east of Chita"`` from :class:`geodata.towns.NearbyTown` items."""
    return " · ".join(f"{_about_km(town.km):,} km {town.direction} of {town.town}" for town in near)


def exercise_line_html(record: Mapping[str, object], href: str = "#") -> str:
    """One exercise in one line of a region popup: its name, a link that focuses it, dates and domain.

    The link carries the ``exercise_id`` in ``data-focus``; the map's script
    (:func:`layers.basemap.focus_links`) opens the same view focused on it. Forces, summary,
    notes and sources are in the details panel that opens then, not in the popup. Outside the
    map (the page's details panel) ``href`` is a link of the page itself that does the same.
    """
    precision = str(record.get("date_precision") or "day")
    dates = date_range_text(str(record["start_date"]), str(record["end_date"]), precision)
    return (
        f'<li><a href="{_e(href)}" target="_self" class="da-focus" data-focus="{_e(record["exercise_id"])}">'
        f'{_e(record["name"])}</a>'
        f'{status_badge(record)} <span class="da-meta">{_e(dates)} · '
        f'{_e(domain_label(record["domain"]))}</span></li>'
    )


def exercise_blocks(exercises: pd.DataFrame) -> dict[str, str]:
    """Popup line of each exercise by ``exercise_id`` (:func:`exercise_line_html`).

    The lines depend on the exercise only, not on the view: build them once per dataset and
    pass them to :func:`layers.dashboard_map` (converting the records is most of a popup's cost).
    """
    return {record["exercise_id"]: exercise_line_html(record) for record in exercises.to_dict("records")}


def region_popup_html(
    region: Mapping[str, object], exercises: Iterable[Mapping[str, object]], hrefs: Mapping[str, str] | None = None,
    near: Iterable[object] = (),
) -> str:
    """Popup of a region: name, size, nearest coasts, then the exercises held there, newest first.

    ``hrefs`` gives each exercise's link by ``exercise_id`` where the page shows this outside the
    map (see :func:`exercise_line_html`); ``near``, the towns a small land area lies near
    (:func:`geodata.towns.region_towns`).
    """
    records = list(exercises)
    hrefs = hrefs or {}
    # a record without an id (a caller's own) is an event of its own
    events = len({event_of(record) if record.get("exercise_id") else index for index, record in enumerate(records)})
    lines = [exercise_line_html(record, hrefs.get(str(record.get("exercise_id")), "#")) for record in records]
    return region_popup_of_blocks(region, lines, events=events, near=near)


def shown_count_text(events: int, rows: int) -> str:
    """``"3 exercises shown"``; with the rows when an event has several (``"2 exercises shown (3 entries)"``)."""
    text = f'{events} exercise{"s" if events != 1 else ""} shown'
    return text if rows == events else f"{text} ({rows} entries: phases or names of one event)"


def region_popup_of_blocks(region: Mapping[str, object], lines: list[str], *, events: int | None = None,
                           near: Iterable[object] = ()) -> str:
    """Popup of a region around the lines of its exercises, given oldest first (see :func:`region_popup_html`).

    Short by design: a sea that held 26 exercises gets 26 lines, not 26 write-ups. ``events`` is
    the number of events among them (:func:`geodata.filters.count_events`); one per line when
    not given. What happened there comes first, under the name; the nearest coasts and how the
    outline was drawn follow (on a phone the waters off Zhanjiang's 80-word location filled the
    popup, and its two exercises lay below its fold). A training range drawn around an estimated
    position says how far it lies from the towns near it (``near``, :func:`towns_text`): the name
    "Tsugol training range" tells a reader little, "65 km west of Borzya · 230 km south-east of
    Chita" where it is.
    """
    return "".join(region_popup_pieces(region, lines, events=events, near=near))


def region_popup_pieces(region: Mapping[str, object], lines: Sequence[str], *, events: int | None = None,
                        near: Iterable[object] = ()) -> list[str]:
    """:func:`region_popup_of_blocks` in pieces: the region's own text around the view's count and lines.

    ``[head, count, middle, *lines newest first, tail]``: the head, middle and tail
    (:func:`region_popup_frame`) and each line are the same in every view of a dataset, so a
    :class:`PopupBook` holds them; the count is the view's.
    """
    count = len(lines) if events is None else events
    head, middle, tail = region_popup_frame(region, near)
    return [head, _e(shown_count_text(count, len(lines))), middle, *reversed(lines), tail]


def region_popup_frame(region: Mapping[str, object], near: Iterable[object] = ()) -> tuple[str, str, str]:
    """Return a region popup's own text: before the count, between the count and the lines, after them."""
    coast = coast_text(region.get("coast_km"))
    where = f'<div class="da-meta">Location: {_e(region["precision"])}</div>' if region.get("precision") else ""
    towns = towns_text(near)
    return (
        f'<div class="da-popup"><div class="da-title">{_e(region["name"])}</div><div class="da-meta">',
        f' · {int(region["area_km2"]):,} km²</div><ul class="da-lines">',
        "</ul>"
        + (f'<div class="da-meta">Estimated position: {_e(towns)}</div>' if towns else "")
        + (f'<div class="da-meta">Nearest coasts: {_e(coast)}</div>' if coast else "")
        + where
        + "</div>",
    )


def region_tooltip_html(region: Mapping[str, object], count: int) -> str:
    """Hover text of a region: its name and how many shown exercises it holds."""
    return f"{_e(region['name'])} · {count} exercise{'s' if count != 1 else ''}"


@dataclass(frozen=True)
class PopupBook:
    """The popups' texts that are the same in every view of a dataset, for the browser to fetch once.

    A map's popups are most of its script (150 of the landing map's 262 KB: regions, routes,
    observations), and every new view sent them again, though a reader opens one or two. With a
    book, published as a static file of the dataset (:func:`layers.assets.publish_popups`), a
    feature's ``popup`` is a list: a number is the position of a text of the book, a string is
    the view's own (a region's count) and is HTML already. The map's script joins them when the
    popup opens (``daMap.popupOf``), once the file has come (:class:`PopupBookLoader`). Every text
    comes from this module's builders, escaped as they escape.
    """

    texts: tuple[str, ...]
    positions: Mapping[str, int] = field(repr=False, compare=False)

    @classmethod
    def of(cls, texts: Iterable[str]) -> PopupBook:
        """Return the book of ``texts``, each once, in the order first given."""
        unique = tuple(dict.fromkeys(text for text in texts if text))
        return cls(unique, {text: position for position, text in enumerate(unique)})

    def refer(self, pieces: Sequence[str]) -> list[int | str]:
        """Return ``pieces`` with each text the book holds replaced by its position."""
        return [self.positions.get(piece, piece) for piece in pieces if piece]

    def text_of(self, popup: Sequence[int | str]) -> str:
        """Return a popup of :meth:`refer` as HTML, as the map's script joins it."""
        return "".join(self.texts[piece] if isinstance(piece, int) else piece for piece in popup)

    def file(self) -> bytes:
        """Return the book as the browser fetches it: a JSON array of its texts."""
        return json.dumps(list(self.texts), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def popup_value(pieces: Sequence[str], book: PopupBook | None) -> str | list[int | str]:
    """Return a feature's ``popup``: the pieces joined, or by reference to ``book`` where the map has one."""
    return book.refer(pieces) if book is not None else "".join(pieces)


POPUP_LOADING = '<div class="da-popup da-meta">Loading…</div>'
POPUP_FAILED = '<div class="da-popup da-meta">This popup could not be loaded; reload the page to try again.</div>'

POPUP_OF_JS = f"""function (popup, layer) {{
                var book = window.daPopupBook;
                if (book && book.texts) {{
                    return popup.map(function (piece) {{
                        return typeof piece === "number" ? book.texts[piece] : piece;
                    }}).join("");
                }}
                if (!book || book.failed) {{ return {json.dumps(POPUP_FAILED)}; }}
                book.waiting.push(layer);
                return {json.dumps(POPUP_LOADING)};
            }}"""
"""Join a popup given by reference (:meth:`PopupBook.refer`) from the popups file, or say it is still loading."""
POPUP_OF = helper("popupOf", POPUP_OF_JS)

LOAD_POPUPS_JS = """function (url) {
                var books = window.daPopupBooks || (window.daPopupBooks = {});
                var book = books[url];
                window.daPopupBook = book || (books[url] = {texts: null, failed: false, waiting: []});
                if (book) { return; }
                book = books[url];
                function settle() {
                    book.waiting.splice(0).forEach(function (layer) {
                        if (layer.isPopupOpen()) { layer.getPopup().update(); }
                    });
                }
                function load() {
                    fetch(url).then(function (response) {
                        if (!response.ok) { throw new Error(response.status + " " + response.statusText); }
                        return response.json();
                    }).then(function (texts) {
                        book.texts = texts;
                        settle();
                    }).catch(function (error) {
                        book.failed = true;
                        console.warn("Drill Atlas: the popups could not be loaded from " + url + ": " + error);
                        settle();
                    });
                }
                requestAnimationFrame(function () { setTimeout(load, 0); });
            }"""
"""Fetch the popups file (``url``) once per page, after the next paint: the outlines come first.

A map of another dataset version names another file, and its popups read from that one."""
LOAD_POPUPS = helper("loadPopups", LOAD_POPUPS_JS)


class PopupBookLoader(HelperCall):
    """Load the dataset's popups file in the map's frame (:data:`LOAD_POPUPS_JS`)."""

    helper_name = LOAD_POPUPS

    def __init__(self, url: str) -> None:
        super().__init__()
        self._name = "PopupBookLoader"
        self.url = url

    def arguments(self) -> list[object]:
        """Return the file's URL."""
        return [self.url]


_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$:"


def markdown_escape(text: object) -> str:
    """Escape text for Streamlit's Markdown so user or data text shows literally.

    Every Markdown, HTML, LaTeX (``$``) and emoji-shortcode (``:``) special character gets a
    backslash, so ``[x](javascript:…)`` stays text instead of becoming a link.
    """
    return "".join("\\" + char if char in _MARKDOWN_SPECIALS else char for char in str(text))
