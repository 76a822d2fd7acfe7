// The rest of the page waits for the map (view/after_map.py). Runs in the page, not in a frame.
// Sends the trigger "drawn" once the map's frame has drawn its outlines (or shows an empty map
// for data.empty_map_ms, or data.give_up_ms have passed), then stops watching.
const MAP_FRAMES = 'iframe[title="streamlit_folium.st_folium"]';
const DRAWN_OUTLINES = "path.leaflet-interactive";  // regions and routes: drawn by the map's own script

// "outlines" when a map frame has drawn any, "map" when one shows a Leaflet map, else "".
function mapState() {
  let state = "";
  document.querySelectorAll(MAP_FRAMES).forEach((frame) => {
    try {
      const doc = frame.contentDocument;
      if (!doc || !doc.querySelector(".leaflet-container")) return;
      state = doc.querySelector(DRAWN_OUTLINES) ? "outlines" : state || "map";
    } catch (error) {
      // another origin: nothing to watch
    }
  });
  return state;
}

const watching = new WeakSet();  // the mounts already watching (parentElement may be a shadow root)

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (watching.has(parentElement)) return undefined;  // one watch per mount
  watching.add(parentElement);
  const started = performance.now();
  let mapSeen = null;
  let timer = null;
  const check = () => {
    const now = performance.now();
    const state = mapState();
    if (state === "map" && mapSeen === null) mapSeen = now;
    if (state === "outlines" || (mapSeen !== null && now - mapSeen > data.empty_map_ms)
        || now - started > data.give_up_ms) {
      setTriggerValue("drawn", true);
      return;
    }
    timer = setTimeout(check, 100);
  };
  check();
  return () => {
    clearTimeout(timer);
    watching.delete(parentElement);
  };
}
