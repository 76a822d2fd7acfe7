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
            {{ this.get_name() }}.onAdd = function () {
                var div = L.DomUtil.create("div", "da-legend");
                div.style.cssText = "background:rgba(255,255,255,0.92);padding:6px 9px;border-radius:4px;"
                    + "font:12px/1.5 sans-serif;box-shadow:0 1px 4px rgba(0,0,0,0.3)";
                div.innerHTML = {{ this.html|tojson }};
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


def legend(title: str, items: list[tuple[str, str]], note: str = "") -> MacroElement:
    """Return a legend control listing ``(label, colour)`` swatches under ``title``.

    Labels, title and note are escaped; colours must be CSS hex colours.
    """
    rows = "".join(
        f'<div><span style="display:inline-block;width:12px;height:12px;margin-right:6px;'
        f'vertical-align:-1px;background:{escape_html(colour)};opacity:0.75;border:1px solid {escape_html(colour)}">'
        f"</span>{escape_html(label)}</div>"
        for label, colour in items
    )
    footer = f'<div style="color:#555;max-width:200px">{escape_html(note)}</div>' if note else ""
    return _Legend(f"<b>{escape_html(title)}</b>{rows}{footer}")
