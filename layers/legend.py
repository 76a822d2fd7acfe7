"""A map legend drawn as a Leaflet control."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from layers.popups import escape_html


class _Legend(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.control({position: "bottomright"});
            {{ this.get_name() }}.onAdd = function (map) {
                var div = L.DomUtil.create("details", "da-legend");
                div.style.cssText = "background:rgba(255,255,255,0.92);padding:4px 9px;border-radius:4px;"
                    + "font:12px/1.5 sans-serif;box-shadow:0 1px 4px rgba(0,0,0,0.3);max-width:230px";
                div.innerHTML = {{ this.html|tojson }};
                // Folded on a map narrower than a wide laptop's (a phone, a laptop with the sidebar
                // open), where it would cover a fifth to a third of it; the exercise list beside the
                // map shows the domain colours too. One click on its summary opens it.
                div.open = map.getSize().x >= {{ this.open_from_px }};
                // A popup opens over the map's middle and the legend sits over its lower right: fold
                // the legend while a popup is open, so it never hides the popup's lines.
                var openBefore = false;
                map.on("popupopen", function () { openBefore = div.open; div.open = false; });
                map.on("popupclose", function () { if (openBefore) { div.open = true; } openBefore = false; });
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str):
        super().__init__()
        self._name = "Legend"
        self.html = html_text
        self.open_from_px = LEGEND_OPEN_FROM_PX


LEGEND_OPEN_FROM_PX = 720
"""Map width from which the legend opens unfolded (the map is 580 px wide at 1280 px with the sidebar open)."""
_SWATCH = "display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px;"
_LINE = "display:inline-block;width:22px;height:0;margin-right:6px;vertical-align:3px;"


def _stroke_svg(dashes: str | None, opacity: float) -> str:
    """Return a 22 px line in the legend's ink, with the route's dash array and opacity.

    The markup is kept short, styled by the map's ``.da-stroke`` rule: the legend travels
    JSON-escaped in every map.
    """
    dash = f' stroke-dasharray="{escape_html(dashes)}"' if dashes else ""
    faint = f' opacity="{opacity:g}"' if opacity < 1 else ""
    return (f'<svg width="22" height="6" class="da-stroke"><line x1="1" y1="3" x2="21" y2="3"{dash}{faint}/>'
            "</svg>")


def legend(
    title: str,
    items: list[tuple[str, str]],
    note: str = "",
    *,
    scale: list[tuple[str, float]] = (),
    scale_colour: str = "#555555",
    strokes: list[tuple[str, str | None, float]] = (),
    outlines: list[tuple[str, str]] = (),
) -> MacroElement:
    """Return a legend control, folded on narrow maps.

    Parameters
    ----------
    title : str
        Heading, also the fold's summary line.
    items : list of (label, colour)
        Colour swatches (CSS hex colours).
    note : str
        Small print under everything.
    scale : list of (label, fill opacity)
        The fill scale in numbers: how many exercises a shade means.
    scale_colour : str
        Colour the scale's shades are drawn in.
    outlines : list of (label, CSS border)
        Outline styles and what they mean (e.g. ``"1px dashed #333"``).
    strokes : list of (label, SVG dash array or None, opacity)
        Line styles drawn as a short SVG line (a dash-dot has no CSS border).

    Every text is escaped; colours and borders come from the code, never from data.
    """
    rows = "<div>" + "".join(
        f'<span style="display:inline-block;margin-right:9px;white-space:nowrap"><span style="{_SWATCH}'
        f'background:{escape_html(colour)};opacity:0.75;border:1px solid {escape_html(colour)};margin-right:4px">'
        f"</span>{escape_html(label)}</span>"
        for label, colour in items
    ) + "</div>"
    if scale:
        shades = " ".join(
            f'<span style="white-space:nowrap"><span style="{_SWATCH}margin-right:2px;background:'
            f'{escape_html(scale_colour)};opacity:{opacity + 0.1:.2f}"></span>{escape_html(label)}</span>'
            for label, opacity in scale
        )
        rows += f'<div style="margin-top:3px">Exercises in a region: {shades}</div>'
    rows += "".join(
        f'<div><span style="{_LINE}border-top:{escape_html(border)}"></span>{escape_html(label)}</div>'
        for label, border in outlines
    )
    rows += "".join(f"<div>{_stroke_svg(dashes, opacity)}{escape_html(label)}</div>"
                    for label, dashes, opacity in strokes)
    footer = f'<div style="color:#555;max-width:210px;margin-top:2px">{escape_html(note)}</div>' if note else ""
    return _Legend(f'<summary style="cursor:pointer"><b>{escape_html(title)}</b></summary>{rows}{footer}')
