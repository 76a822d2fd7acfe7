"""Pictures of the view: the timeline and the chart per year as PNG and SVG, the citation under each.

Vega-Lite specs come from :mod:`layers.timeline`; vl-convert (PyPI ``vl-convert-python``, which
carries Vega, Vega-Lite and a JavaScript engine of its own) draws them on the server with no
browser and no network. A picture is drawn only when its button is clicked (:class:`Download`
``make``), so the page's rerun does not pay for it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from urllib.parse import urlencode

from geodata.export import citation_prefix, describe_view, export_file_name
from geodata.query import Catalog, ViewState, view_to_params
from layers.timeline import picture_spec
from view.export import Download

PNG_SCALE = 2
"""Pixels per CSS pixel of a PNG: sharp on a high-density screen and in print."""

CHARTS = (("timeline", "Timeline"), ("per-year", "Per year"))
"""The page's two charts, in :func:`layers.timeline.chart_specs` order: file name part and label."""
PICTURE_FORMATS = (("png", "PNG", "image/png"), ("svg", "SVG", "image/svg+xml"))


def citation_line(version: str, view: ViewState, catalog: Catalog, *, link: str = "",
                  today: datetime.date | None = None) -> str:
    """Return the citation printed under a picture, as the share panel words it.

    ``Drill Atlas, dataset version X, filtered to …, accessed YYYY-MM-DD, <link>``; the link is
    left out when the page's address is not known (the command line, a test).
    """
    accessed = (today or datetime.date.today()).isoformat()
    return f"{citation_prefix(version, describe_view(view, catalog))}, accessed {accessed}" + (
        f", {link}" if link else "")


def page_link(page_url: str | None, view: ViewState, catalog: Catalog) -> str:
    """Return the share link of a view on the page at ``page_url`` (no query string); "" when it is not known."""
    if not page_url:
        return ""
    params = view_to_params(view, catalog)
    page = page_url if page_url.endswith("/") else page_url + "/"  # Streamlit gives http://host:8501 or …/atlas
    return page + ("?" + urlencode(params) if params else "")


def render_chart(spec: dict, caption: str, picture_format: str) -> bytes:
    """Draw a chart with its caption under it (:func:`layers.timeline.picture_spec`) as PNG or SVG bytes."""
    import vl_convert  # a second or two to start its engine: only when a picture is asked for

    picture = picture_spec(spec, caption)
    if picture_format == "png":
        return vl_convert.vegalite_to_png(picture, scale=PNG_SCALE)
    if picture_format == "svg":
        return vl_convert.vegalite_to_svg(picture).encode("utf-8")
    raise ValueError(f"unknown picture format {picture_format!r}")


def chart_downloads(specs: tuple[dict | None, dict], version: str, view: ViewState, catalog: Catalog, *,
                    link: str = "") -> list[Download]:
    """Return a download button per chart and picture format; a chart that is not drawn (None) has none.

    Each picture is drawn by its ``make`` when its button is clicked, with the citation of the
    view (:func:`citation_line`, dated that day) under it.
    """
    def maker(spec: dict, picture_format: str) -> Callable[[], bytes]:
        return lambda: render_chart(spec, citation_line(version, view, catalog, link=link), picture_format)

    return [
        Download(f"{chart}_{extension}", f"{label} ({shown_as})",
                 export_file_name(view, catalog, version, f"{chart}.{extension}"), media_type, maker(spec, extension))
        for (chart, label), spec in zip(CHARTS, specs, strict=True) if spec is not None
        for extension, shown_as, media_type in PICTURE_FORMATS
    ]
