"""HTML of tooltips and popups, with every text field escaped.

Leaflet puts tooltip and popup strings into the page with ``innerHTML`` (bound to each
feature by :func:`bind_feature_html`), and the data is human-edited: a ``<script>`` or ``<img onerror>`` in a summary
would run. Every value from the data goes through :func:`escape_html` here, and only links
whose URL is http(s) become anchors.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import pandas as pd
from folium.utilities import JsCode

from geodata import schema
from geodata.filters import event_of

MAX_POPUP_HEIGHT_PX = 340
POPUP_MAX_WIDTH = 440


def bind_feature_html(max_width: int = POPUP_MAX_WIDTH) -> JsCode:
    """Bind each GeoJSON feature's ``tooltip`` and ``popup`` properties (escaped HTML) to it.

    For ``folium.GeoJson(on_each_feature=...)``. It does in the browser what
    ``folium.GeoJsonTooltip`` and ``folium.GeoJsonPopup`` with one field and no label do,
    without their server cost: each compiles Jinja templates on every render, a third of a
    map's render time. Leaflet reads a string given to ``bindTooltip`` or ``bindPopup`` as
    HTML, so both properties must come from the builders of this module.
    """
    return JsCode(
        "function (feature, layer) {"
        " const html = feature.properties || {};"
        ' if (html.tooltip) layer.bindTooltip(html.tooltip, {sticky: true, className: "foliumtooltip"});'
        f' if (html.popup) layer.bindPopup(html.popup, {{maxWidth: {int(max_width)}, className: "foliumpopup"}});'
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


def country_names(codes: Iterable[str]) -> str:
    """``China, Russia`` for ``("CHN", "RUS")``; unknown codes are shown as they are."""
    return ", ".join(schema.COUNTRY_NAMES.get(code, code) for code in codes)


REPORTED_BADGE = "reported — secondary sources only"
"""Shown next to the name of an exercise whose ``status`` is ``reported``."""


def source_links(urls: Iterable[str], labels: Iterable[str] | None = None) -> str:
    """Links to the sources, opened in a new tab; non-http(s) text is shown, not linked.

    Parameters
    ----------
    urls : iterable of str
        The source URLs, in order.
    labels : iterable of str, optional
        The text of each link, e.g. ``"TASS (en)"`` (:func:`geodata.sources.source_label`);
        numbers (``[1] [2]``) when not given.
    """
    urls = list(urls)
    texts = list(labels) if labels is not None else [f"[{number}]" for number in range(1, len(urls) + 1)]
    links = []
    for url, text in zip(urls, texts, strict=True):
        if schema.URL_PATTERN.match(url):
            links.append(
                f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer" title="{_e(url)}">{_e(text)}</a>'
            )
        else:
            links.append(f"{_e(text)} {_e(url)}")
    return (" · " if labels is not None else " ").join(links)


def status_badge(record: Mapping[str, object]) -> str:
    """HTML badge of a reported exercise (:data:`REPORTED_BADGE`); ``""`` for a confirmed one."""
    if record.get("status") != "reported":
        return ""
    return (' <span class="da-badge da-reported" style="background:#fef3c7;color:#78350f;border:1px solid #d97706;'
            f'border-radius:3px;padding:0 3px;font-size:90%;white-space:nowrap">{_e(REPORTED_BADGE)}</span>')


def exercise_html(record: Mapping[str, object]) -> str:
    """One exercise as an HTML block: name, dates, who, forces, what happened, doubts, sources."""
    precision = str(record.get("date_precision") or "day")
    dates = date_range_text(str(record["start_date"]), str(record["end_date"]), precision)
    parts = [
        f'<div class="da-exercise"><b>{_e(record["name"])}</b>{status_badge(record)}',
        f'<br><span class="da-meta">{_e(dates)} · {_e(record["series"])} · {_e(record["domain"])}</span>',
        f"<br>Participants: {_e(country_names(record['participant_codes']))}",
    ]
    if record.get("forces"):
        parts.append(f"<br>Forces: {_e(record['forces'])}")
    parts.append(f"<br>{_e(record['summary'])}")
    if record.get("notes"):
        parts.append(f"<br><i>Sources differ:</i> {_e(record['notes'])}")
    parts.append(f"<br>Sources: {source_links(record['source_urls'], record.get('source_labels'))}</div>")
    return "".join(parts)


def coast_text(coast_km: object) -> str:
    """``"Japan: touches · Korea 120 km · Taiwan 612 km · US 2,950 km"`` from ``"JPN:0;KOR:120;…"``.

    Unreadable parts are left out; an empty or missing value gives ``""``.
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
        parts.append(f"{name}: touches" if distance == 0 else f"{name} {distance:,} km")
    return " · ".join(parts)


def exercise_line_html(record: Mapping[str, object]) -> str:
    """One exercise in one line: name, dates, series, domain and links to its sources."""
    precision = str(record.get("date_precision") or "day")
    dates = date_range_text(str(record["start_date"]), str(record["end_date"]), precision)
    links = " ".join(
        f'<a href="{_e(url)}" target="_blank" rel="noopener">[{number}]</a>'
        for number, url in enumerate(record["source_urls"], start=1)
        if schema.URL_PATTERN.match(url)
    )
    return (f"<br><b>{_e(record['name'])}</b>{status_badge(record)} {_e(dates)} · {_e(record['series'])} · "
            f"{_e(record['domain'])} {links}")


def exercise_blocks(exercises: pd.DataFrame, *, short: bool = False) -> dict[str, str]:
    """HTML block of each exercise by ``exercise_id``, for region popups.

    The blocks depend on the exercise only, not on the view: build them once per dataset and
    pass them to :func:`layers.dashboard_map` (converting the records is most of a popup's cost).
    With ``short``, one line each (:func:`exercise_line_html`), else :func:`exercise_html`.
    """
    render = exercise_line_html if short else exercise_html
    return {record["exercise_id"]: render(record) for record in exercises.to_dict("records")}


def region_popup_html(
    region: Mapping[str, object], exercises: Iterable[Mapping[str, object]], *, short: bool = False
) -> str:
    """Popup of a region: its name and size, then each exercise held there in date order.

    With ``short``, the popup is as small as it can be (an overview of thousands of regions
    embeds thousands of popups): the region's name and size, then one line per exercise
    (:func:`exercise_line_html`); the map's legend says how to see the rest.
    """
    render = exercise_line_html if short else exercise_html
    records = list(exercises)
    # a record without an id (a caller's own) is an event of its own
    events = len({event_of(record) if record.get("exercise_id") else index for index, record in enumerate(records)})
    return region_popup_of_blocks(region, [render(record) for record in records], short=short, events=events)


def shown_count_text(events: int, rows: int) -> str:
    """``"3 exercises shown"``; with the rows when an event has several (``"2 exercises shown (3 entries)"``)."""
    text = f'{events} exercise{"s" if events != 1 else ""} shown'
    return text if rows == events else f"{text} ({rows} entries: phases or names of one event)"


def region_popup_of_blocks(
    region: Mapping[str, object], blocks: list[str], *, short: bool = False, events: int | None = None
) -> str:
    """Popup of a region around the HTML blocks of its exercises (see :func:`region_popup_html`).

    ``events`` is the number of events among them (:func:`geodata.filters.count_events`);
    one per block when not given.
    """
    count = len(blocks) if events is None else events
    shown = f'{shown_count_text(count, len(blocks))} · about {int(region["area_km2"]):,} km²'
    if short:
        return f'<div class="da-short"><b>{_e(region["name"])}</b><br>{shown}{"".join(blocks)}</div>'
    coast = coast_text(region.get("coast_km"))
    header = (
        f'<div class="da-popup" style="max-height:{MAX_POPUP_HEIGHT_PX}px;overflow-y:auto;min-width:260px">'
        f'<h4 style="margin:0 0 4px">{_e(region["name"])}</h4>'
        f'<span class="da-meta">{shown}</span>'
        + (f'<br><span class="da-meta">Location: {_e(region["precision"])}</span>' if region.get("precision") else "")
        + (f'<br><span class="da-meta">Nearest coast: {_e(coast)}</span>' if coast else "")
        + '<hr style="margin:4px 0">'
    )
    return header + '<hr style="margin:4px 0">'.join(blocks) + "</div>"


def region_tooltip_html(region: Mapping[str, object], count: int) -> str:
    """Hover text of a region: its name and how many shown exercises it holds."""
    return f"{_e(region['name'])} · {count} exercise{'s' if count != 1 else ''}"


_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$:"


def markdown_escape(text: object) -> str:
    """Escape text for Streamlit's Markdown so user or data text shows literally.

    Every Markdown, HTML, LaTeX (``$``) and emoji-shortcode (``:``) special character gets a
    backslash, so ``[x](javascript:…)`` stays text instead of becoming a link.
    """
    return "".join("\\" + char if char in _MARKDOWN_SPECIALS else char for char in str(text))
