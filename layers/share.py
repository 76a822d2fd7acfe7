"""The share panel: copy the current link, a ready citation, or an embed snippet; the link's length, said when long.

It runs in a small same-origin iframe so that it can read the page's *current* address,
including the map view the map wrote there after the user panned (see layers/viewsync.py),
and today's date in the reader's browser.
"""

from __future__ import annotations

import json

from geodata.query import MAP_ONLY
from geodata.share_token import LINK_LENGTH_GOAL

SHARE_PANEL_HEIGHT = 150

_TEMPLATE = r"""<!doctype html>
<style>
  body { font: 14px/1.45 "Source Sans Pro", sans-serif; margin: 0; color: #31333f; }
  button { font: inherit; padding: 3px 10px; margin: 0 6px 6px 0; border: 1px solid #c7c9d1;
           border-radius: 6px; background: #fff; cursor: pointer; }
  button:hover { border-color: #1f5fa8; color: #1f5fa8; }
  #citation { background: #f0f2f6; border-radius: 6px; padding: 6px 8px; overflow-wrap: anywhere; word-break: normal; }
  #status { color: #1a7f37; }
  #length { color: #6b6f7b; font-size: 12px; margin-top: 2px; }
  #length.long { color: #9a5b00; }
</style>
<div>
  <button id="copy-link" type="button">Copy link</button>
  <button id="copy-citation" type="button">Copy citation</button>
  <button id="copy-embed" type="button">Copy embed code</button>
  <span id="status" role="status"></span>
</div>
<div id="citation"></div>
<div id="length" role="status"></div>
<script>
(function () {
  var prefix = __PREFIX__;
  var mapOnly = __MAP_ONLY__;
  var goal = __GOAL__;
  function link() { return window.parent.location.href; }
  function today() { return new Date().toISOString().slice(0, 10); }
  function citation() { return prefix + ", accessed " + today() + ", " + link(); }
  function embed() {
    var url = new URL(link());
    Object.entries(mapOnly).forEach(function (pair) { url.searchParams.set(pair[0], pair[1]); });
    return '<iframe src="' + url.toString().replace(/"/g, "&quot;") +
      '" width="100%" height="600" style="border:0" title="Drill Atlas map"></iframe>';
  }
  function copy(text, what) {
    var done = function () { document.getElementById("status").textContent = what + " copied"; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else { fallback(text); done(); }
  }
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text; document.body.appendChild(area); area.select();
    document.execCommand("copy"); area.remove();
  }
  // The citation shows whole (a link longer than the goal with its middle elided; the buttons
  // copy it whole): its link breaks after "/", "?" or "&" (a <wbr> there), inside a long value
  // (a shapes token) only where nothing else fits, and the frame fits it.
  function shown() {
    var whole = link();
    var elided = whole.length > goal ? whole.slice(0, 160) + " … " + whole.slice(-40) : whole;
    return prefix + ", accessed " + today() + ", " + elided;
  }
  function show() {
    var box = document.getElementById("citation");
    var text = shown();
    if (box.getAttribute("data-text") !== text) {
      box.setAttribute("data-text", text);
      box.textContent = "";
      text.split(/(?<=[\/?&])/).forEach(function (part) {
        box.appendChild(document.createTextNode(part));
        box.appendChild(document.createElement("wbr"));
      });
    }
    var size = link().length;
    var length = document.getElementById("length");
    length.className = size > goal ? "long" : "";
    length.textContent = "Link: " + size.toLocaleString("en") + " characters" + (size > goal
      ? " (over " + goal.toLocaleString("en") + ": some mail and chat programs cut such links; "
        + "shorten the notice or remove a drawn shape)" : "");
    try {
      var frame = window.frameElement;
      var needed = Math.ceil(document.body.getBoundingClientRect().height);
      if (frame && Math.abs(frame.offsetHeight - needed) > 2) { frame.style.height = needed + "px"; }
    } catch (error) { /* a cross-origin embed keeps its fixed height */ }
  }
  document.getElementById("copy-link").onclick = function () { copy(link(), "Link"); };
  document.getElementById("copy-citation").onclick = function () { copy(citation(), "Citation"); };
  document.getElementById("copy-embed").onclick = function () { copy(embed(), "Embed code"); };
  show();
  setInterval(show, 1000);
})();
</script>
"""


def share_panel_html(citation_prefix: str) -> str:
    """HTML of the share panel for a view whose citation starts with ``citation_prefix``.

    The prefix is written into the script as a JSON string literal (with ``<`` escaped, so no
    text can close the script element) and shown with ``textContent``, never as HTML.
    """
    prefix = json.dumps(citation_prefix).replace("<", "\\u003c")
    map_only = json.dumps(dict(MAP_ONLY))
    return (_TEMPLATE.replace("__PREFIX__", prefix).replace("__MAP_ONLY__", map_only)
            .replace("__GOAL__", str(LINK_LENGTH_GOAL)))
