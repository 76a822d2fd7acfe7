"""A map button that saves the map as a PNG with the citation under it, drawn in the browser, offline.

The map lives in the browser, so the browser draws its picture: html-to-image (npm, MIT,
vendored in ``layers/vendor`` and served by the app like Leaflet) copies the map's own page
into an image, without the map's buttons and without tiles that did not load (offline there
are none; the bundled land layer is drawn). A white band under it carries the citation:
"Drill Atlas, dataset version …, filtered to …", then "accessed" and the reader's date and
the page's link, which only the browser knows. Nothing is sent anywhere; the file is made in
the page and saved by the browser.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.utilities import JsCode

from layers.assets import SNAPSHOT_FOLDER, AssetUrls, scripts_of
from layers.maphelpers import HelperCall, after_tools, helper

SNAPSHOT_SCALE = 2
"""Pixels per screen pixel of the saved picture."""


SNAPSHOT_JS = """function (map, caption, fileName, scale) {
                function pageLink() {
                    try { return window.parent.location.href; } catch (error) { return ""; }
                }
                function keep(node) {
                    if (!node.classList) { return true; }
                    if (node.classList.contains("leaflet-control-container")) { return false; }
                    return !(node.tagName === "IMG" && !(node.complete && node.naturalWidth > 0));
                }
                function lines(context, text, width) {
                    var words = text.split(" "), out = [], line = "";
                    for (var i = 0; i < words.length; i++) {
                        var next = line ? line + " " + words[i] : words[i];
                        if (line && context.measureText(next).width > width) { out.push(line); line = words[i]; }
                        else { line = next; }
                    }
                    out.push(line);
                    return out;
                }
                function save(button) {
                    button.textContent = "…";
                    var today = new Date().toISOString().slice(0, 10);
                    var link = pageLink();
                    var text = caption + ", accessed " + today + (link ? ", " + link : "");
                    htmlToImage.toCanvas(map.getContainer(), {filter: keep, pixelRatio: scale, skipFonts: true})
                        .then(function (picture) {
                            var out = document.createElement("canvas");
                            var context = out.getContext("2d");
                            var size = 12 * scale, margin = 8 * scale;
                            context.font = size + "px sans-serif";
                            var wrapped = lines(context, text, picture.width - 2 * margin);
                            out.width = picture.width;
                            out.height = picture.height + wrapped.length * size * 1.4 + 2 * margin;
                            context.fillStyle = "#ffffff";
                            context.fillRect(0, 0, out.width, out.height);
                            context.drawImage(picture, 0, 0);
                            context.font = size + "px sans-serif";
                            context.fillStyle = "#333333";
                            context.textBaseline = "top";
                            wrapped.forEach(function (line, index) {
                                context.fillText(line, margin, picture.height + margin + index * size * 1.4);
                            });
                            out.toBlob(function (blob) {
                                var anchor = document.createElement("a");
                                anchor.href = URL.createObjectURL(blob);
                                anchor.download = fileName;
                                document.body.appendChild(anchor);
                                anchor.click();
                                anchor.remove();
                                setTimeout(function () { URL.revokeObjectURL(anchor.href); }, 10000);
                                button.textContent = "PNG";
                            }, "image/png");
                        })
                        .catch(function (error) {
                            button.textContent = "PNG";
                            button.title = "The picture could not be made: " + error;
                        });
                }
                var Snapshot = L.Control.extend({
                    options: {position: "topleft"},
                    onAdd: function () {
                        var button = L.DomUtil.create("button", "da-snapshot leaflet-bar");
                        button.type = "button";
                        button.textContent = "PNG";
                        button.title = "Save the map as a picture (PNG) with its citation";
                        button.setAttribute("aria-label", button.title);
                        L.DomEvent.disableClickPropagation(button);
                        L.DomEvent.on(button, "click", function (event) {
                            L.DomEvent.preventDefault(event);
                            save(button);
                        });
                        return button;
                    }
                });
                new Snapshot().addTo(map);
            }"""
"""Add the "PNG" button to a map (``map, caption, fileName, scale``); see :func:`snapshot_control`."""


class _Snapshot(JSCSSMixin, HelperCall):
    helper_name = helper("snapshot", SNAPSHOT_JS)

    def __init__(self, scripts: list[tuple[str, str]], caption: str, file_name: str) -> None:
        super().__init__()
        self._name = "Snapshot"
        self.default_js = scripts
        self.caption = caption
        self.file_name = file_name
        self.scale = SNAPSHOT_SCALE

    def arguments(self) -> list[object]:
        return [JsCode(self._parent.get_name()), self.caption, self.file_name, self.scale]


_SnapshotAfterTools = after_tools(_Snapshot)


def snapshot_control(assets: AssetUrls, caption: str, file_name: str) -> MacroElement:
    """Return a map button, "PNG", that saves the map as a picture with ``caption`` under it.

    Parameters
    ----------
    assets : AssetUrls
        Where the app serves the vendored scripts (``assets.plugins``).
    caption : str
        The citation up to its date (:func:`geodata.export.citation_prefix`); the browser adds
        "accessed" with the date and the page's link. Plain text, drawn as text (never markup).
    file_name : str
        Name the browser saves the picture under.
    """
    scripts = scripts_of(assets, "html_to_image", f"{assets.plugins}/{SNAPSHOT_FOLDER}/html-to-image.js")
    snapshot = _SnapshotAfterTools(scripts, caption, file_name)
    snapshot.tools_url = assets.tools_script  # the button comes with html-to-image, from the tools' file
    return snapshot
