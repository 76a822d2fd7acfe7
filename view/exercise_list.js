// The exercise list beside the map (view/exercise_list.py). Runs in the page, not in a frame.
// Rows are written with textContent only: no text from the data is read as HTML.
const MAP_FRAMES = 'iframe[title="streamlit_folium.st_folium"]';
const HOVER = "da-hover";
const HOVERING = "da-hovering";

function mapDocuments() {
  // The map's frame is of the same origin (streamlit-folium serves it from the app).
  const docs = [];
  document.querySelectorAll(MAP_FRAMES).forEach((frame) => {
    try {
      if (frame.contentDocument && frame.contentDocument.body) docs.push(frame.contentDocument);
    } catch (error) {
      // another origin: nothing to mark
    }
  });
  return docs;
}

function inView(path, container) {
  const a = path.getBoundingClientRect();
  const b = container.getBoundingClientRect();
  return a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;
}

// Mark a row's regions and routes on the map (none for null); return whether any is in the map's view.
function mark(row) {
  let seen = false;
  mapDocuments().forEach((doc) => {
    doc.querySelectorAll("." + HOVER).forEach((path) => path.classList.remove(HOVER));
    const container = doc.querySelector(".leaflet-container");
    if (container) container.classList.toggle(HOVERING, Boolean(row));
    if (!row) return;
    const paths = row.regions.map((id) => `path[data-region="${CSS.escape(id)}"]`);
    paths.push(`path[data-exercise="${CSS.escape(row.id)}"]`);
    doc.querySelectorAll(paths.join(",")).forEach((path) => {
      path.classList.add(HOVER);
      seen = seen || (container !== null && inView(path, container));
    });
  });
  return seen;
}

// A focus chosen below the map (a row here, in the table, a bar in the timeline) zooms the map to
// it: scroll the page up to the map when its top is out of sight, as on a phone, where the list
// is under the map and the zoom happened off screen. A map in sight is left alone. The focus
// reruns the page, which lays the map's frame out again: wait (up to ``tries`` × 100 ms) for it.
function bringMapIntoView(tries = 30) {
  const frame = [...document.querySelectorAll(MAP_FRAMES)].find((element) => element.getBoundingClientRect().height > 0);
  if (!frame) {
    if (tries > 0) setTimeout(() => bringMapIntoView(tries - 1), 100);
    return;
  }
  const header = document.querySelector('[data-testid="stHeader"]');
  const clear = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  if (frame.getBoundingClientRect().top >= clear) return;
  frame.style.scrollMarginTop = `${clear + 8}px`;
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  frame.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
}

function text(tag, className, value) {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = value;
  return element;
}

function rowButton(row) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "da-row";
  button.dataset.exercise = row.id;
  const name = text("span", "da-name", row.name);
  if (row.reported) name.append(" ", text("span", "da-reported", "reported"));
  const swatch = text("span", "da-swatch", "");
  swatch.style.background = row.colour;
  const meta = text("span", "da-meta", "");
  meta.append(swatch, `${row.dates} · ${row.domain} · ${row.participants} · ${row.outlets}`);
  button.append(name, meta);
  button.title = row.reported
    ? "Reported, not confirmed: only secondary sources, or only one side's word (the details say which). Click to focus."
    : "Click to focus.";
  return button;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (!data || !Array.isArray(data.rows)) return undefined;
  let root = parentElement.querySelector(".da-list");
  if (!root) {
    root = document.createElement("details");
    root.className = "da-list";
    root.open = !window.matchMedia(`(max-width: ${data.narrow - 0.02}px)`).matches;
    root.append(document.createElement("summary"), document.createElement("ul"));
    parentElement.append(root);
  }
  const byId = new Map(data.rows.map((row) => [row.id, row]));
  root.querySelector("summary").textContent = data.title;
  const list = root.querySelector("ul");
  list.style.maxHeight = `${data.height - 40}px`;
  const ids = data.rows.map((row) => row.id).join("\n");
  if (list.dataset.ids !== ids) {  // rebuild only when the rows change, so keyboard focus stays put
    list.replaceChildren(...data.rows.map((row) => {
      const item = document.createElement("li");
      item.append(rowButton(row));
      return item;
    }));
    list.dataset.ids = ids;
  }
  list.querySelectorAll("button.da-row").forEach((button) => {
    const row = byId.get(button.dataset.exercise);
    if (row.selected) button.setAttribute("aria-current", "true");
    else button.removeAttribute("aria-current");
  });
  const current = list.querySelector('[aria-current="true"]');
  if (current && root.dataset.scrolledTo !== current.dataset.exercise) {  // once per new focus
    list.scrollTop = current.parentElement.offsetTop - list.offsetTop;
    if (root.dataset.scrolledTo !== undefined) bringMapIntoView();  // not on opening a link
    root.dataset.scrolledTo = current.dataset.exercise;
  } else if (!current) {
    root.dataset.scrolledTo = "";
  }

  const rowOf = (event) => {
    const button = event.target.closest ? event.target.closest("button.da-row") : null;
    return button ? byId.get(button.dataset.exercise) : null;
  };
  const over = (event) => {
    const row = rowOf(event);
    if (!row) return;
    const button = event.target.closest("button.da-row");
    list.querySelectorAll(".da-off-view").forEach((other) => other.classList.remove("da-off-view"));
    button.classList.toggle("da-off-view", !mark(row));  // says so when the map cannot show it here
  };
  const out = () => {
    mark(null);
    list.querySelectorAll(".da-off-view").forEach((button) => button.classList.remove("da-off-view"));
  };
  const click = (event) => {
    const row = rowOf(event);
    if (!row) return;
    event.target.closest("button.da-row").classList.remove("da-off-view");  // the focus brings it into view
    setTriggerValue("focus", row.id);
  };
  const keys = (event) => {  // arrows, Home and End move between rows
    const buttons = [...list.querySelectorAll("button.da-row")];
    const at = buttons.indexOf(list.getRootNode().activeElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined || !buttons[to]) return;
    event.preventDefault();
    buttons[to].focus();
  };
  const handlers = { pointerover: over, focusin: over, pointerleave: out, focusout: out, click, keydown: keys };
  for (const [name, handler] of Object.entries(handlers)) list.addEventListener(name, handler);
  return () => {
    for (const [name, handler] of Object.entries(handlers)) list.removeEventListener(name, handler);
    mark(null);
  };
}
