"""The view a user sees, and its codec to and from the URL query string.

The address bar is the share link: ``?years=2016-2024&exercise=joint_sea_2024,ocean_2024``.
Filters (``years``, ``exercise``, ``series``, ``domain``, ``zone``, ``participants``, ``q``), the focus
(``selected`` exercise,
``region``), the map view (``lat``, ``lon``, ``z``) and the dataset version the link was made
with (``v``) all live there, and so do the month playback shows (``play``) and the reader's own
additions: the pasted notice and the shapes drawn on the map (``shapes``, a compact token:
:mod:`geodata.share_token`) and which map layers are switched on (``layers``). Parsing never
raises. A value that cannot be used falls back to its default and yields a notice the app shows;
parameters it does not know are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import pandas as pd

from geodata import schema
from geodata.problems import quote
from geodata.share_token import Drawing, SharedShapes, link_token, read_token

PARAM_YEARS = "years"
PARAM_EXERCISE = "exercise"
PARAM_SERIES = "series"
PARAM_DOMAIN = "domain"
PARAM_ZONE = "zone"
PARAM_PARTICIPANTS = "participants"
PARAM_SELECTED = "selected"
PARAM_SEARCH = "q"
PARAM_REGION = "region"
PARAM_LAT = "lat"
PARAM_LON = "lon"
PARAM_ZOOM = "z"
PARAM_VERSION = "v"
PARAM_PLAY = "play"
PLAYBACK_KEY = "playback"
"""Session key of the playback switch; on when the view has a ``play`` month."""
PARAM_SHAPES = "shapes"
PARAM_LAYERS = "layers"
OLDER_VERSION_NOTICE = "This link was made with dataset version"
"""How the notice about a link made with another dataset version starts (the app shows the changelog under it)."""
PARAMS = (
    PARAM_YEARS,
    PARAM_EXERCISE,
    PARAM_SERIES,
    PARAM_DOMAIN,
    PARAM_ZONE,
    PARAM_PARTICIPANTS,
    PARAM_SEARCH,
    PARAM_SELECTED,
    PARAM_REGION,
    PARAM_LAT,
    PARAM_LON,
    PARAM_ZOOM,
    PARAM_VERSION,
    PARAM_PLAY,
    PARAM_SHAPES,
    PARAM_LAYERS,
)
MAP_VIEW_PARAMS = (PARAM_LAT, PARAM_LON, PARAM_ZOOM)
PARAM_LAYOUT = "layout"
PARAM_EMBED = "embed"
LAYOUT_PARAMS = (PARAM_EMBED, PARAM_LAYOUT)
"""How the page is laid out, not what it shows: kept as they are when the view is written back."""
MAP_ONLY = MappingProxyType({PARAM_EMBED: "true", PARAM_LAYOUT: "map"})
"""The parameters of the embeddable map-only page."""
MAP_VIEW_KEY = "map_view"
"""Session key of the panned map view (``lat``/``lon``/``z`` together); the widgets' keys are the
parameter names themselves (:func:`widget_state`)."""
NOTICE_KEY, NOTICE_NAME_KEY, NOTICE_SOURCE_KEY = "notice", "notice_name", "notice_source"
"""Keys of the notice text box and its name and source fields, which a link's ``shapes`` fills."""
DRAWN_KEY = "drawn"
"""Session key of the shapes drawn on the map (a tuple of :class:`geodata.share_token.Drawing`)."""
LAYERS_KEY = "map_layers"
"""Session key of the link's switched-on map layers (``layers``), or None for the view's defaults."""
LAYER_IDS = (
    "naval", "air", "ground", "combined", "several", "routes", "observations", "land", "adiz", "straits", "notice",
    "upload",
)
"""The map layers a link can switch on or off, by the names ``layers=`` uses: the drill regions by
domain (``several``: places whose exercises differ in domain), the routes, the observed positions, the land
backdrop, the
reference layers and the reader's notice and uploaded layer."""
LAYERS_NONE = "none"
"""``layers=none``: every layer of :data:`LAYER_IDS` switched off."""

LAT_RANGE = (-85.0, 85.0)
LON_RANGE = schema.LON_RANGE
"""Longitudes beyond ±180 are valid: the map keeps the Pacific in a 0..360 frame."""
ZOOM_RANGE = (2, 12)
COORDINATE_DECIMALS = 3

MAX_PARAM_LENGTH = 2000
MAX_SEARCH_LENGTH = 100
"""Longest parameter value read; longer values are refused with a notice."""

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–:]\s*(\d{4})\s*)?$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def series_slug(name: str) -> str:
    """URL form of a series name: ``"Joint naval patrol"`` becomes ``joint_naval_patrol``."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def participant_counts(exercises: pd.DataFrame) -> tuple[tuple[str, int], ...]:
    """Count the events each country took part in (``participants``, ISO alpha-3 codes joined by ``;``).

    Events as :func:`geodata.filters.count_events` counts them (an ``event_group`` once). Most
    events first, then by code.
    """
    from geodata.filters import event_ids  # filters imports this module; its counting rule is the one rule

    if exercises.empty or "participants" not in exercises:
        return ()
    events: dict[str, set[str]] = {}
    for codes, event in zip(exercises["participants"].astype(str), event_ids(exercises), strict=True):
        for code in codes.split(schema.LIST_SEPARATOR):
            if code.strip():
                events.setdefault(code.strip(), set()).add(event)
    return tuple(sorted(((code, len(held)) for code, held in events.items()), key=lambda pair: (-pair[1], pair[0])))


@dataclass(frozen=True)
class Catalog:
    """The values a view may take, read off the loaded exercises."""

    first_year: int
    last_year: int
    exercise_ids: tuple[str, ...]
    series: tuple[str, ...]
    domains: tuple[str, ...] = schema.DOMAINS
    region_ids: tuple[str, ...] = ()
    version: str = ""
    zones: tuple[tuple[str, str], ...] = ()
    """``(zone_id, name)`` of each air defence identification zone a route can be filtered by
    (:mod:`geodata.reference`), in the file's order."""
    participants: tuple[tuple[str, int], ...] = ()
    """Every participating country as ``(ISO alpha-3 code, events it took part in)``, most events first."""

    @classmethod
    def from_exercises(
        cls,
        exercises: pd.DataFrame,
        region_ids: tuple[str, ...] = (),
        version: str = "",
        zones: Sequence[tuple[str, str]] = (),
    ) -> Catalog:
        """Build the catalogue of an exercises frame (an empty frame gives this year only)."""
        zones = tuple((str(zone_id), str(name)) for zone_id, name in zones)
        if exercises.empty:
            year = pd.Timestamp.today().year
            return cls(year, year, (), (), region_ids=tuple(region_ids), version=version, zones=zones)
        return cls(
            first_year=int(exercises["start"].dt.year.min()),
            last_year=int(exercises["end"].dt.year.max()),
            exercise_ids=tuple(exercises.sort_values(["start", "exercise_id"])["exercise_id"]),
            series=tuple(sorted(set(exercises["series"]))),
            region_ids=tuple(region_ids),
            version=version,
            zones=zones,
            participants=participant_counts(exercises),
        )

    @property
    def zone_ids(self) -> tuple[str, ...]:
        """The ``zone_id`` values a ``zone=`` filter may take."""
        return tuple(zone_id for zone_id, _ in self.zones)

    def zone_name(self, zone_id: str) -> str:
        """Return the name of a zone (its id when unknown)."""
        return dict(self.zones).get(zone_id, zone_id)

    @property
    def participant_codes(self) -> tuple[str, ...]:
        """The participants' codes, in the catalogue's order."""
        return tuple(code for code, _ in self.participants)

    @property
    def series_by_slug(self) -> dict[str, str]:
        """Series names keyed by their URL slug."""
        return {series_slug(name): name for name in self.series}


@dataclass(frozen=True)
class ViewState:
    """Everything that defines what the dashboard shows.

    Attributes
    ----------
    years : tuple of int
        First and last year shown, inclusive.
    exercises : tuple of str
        ``exercise_id`` values chosen; empty means every exercise.
    series : tuple of str
        Series names chosen; empty means every series.
    domains : tuple of str
        Domains chosen; empty means every domain.
    search : str
        Search text: an exercise's names (English, Russian, Chinese, aliases), series, summary or
        year must match it (:mod:`geodata.search`); the shown exercises are then ranked by it.
    selected : str or None
        The exercise the map is zoomed to and outlines.
    region : str or None
        The region the map is zoomed to and outlines (when no exercise is selected).
    map_view : tuple of (float, float, int) or None
        Latitude, longitude and zoom the user panned to; None lets the map fit what it shows.
    zones : tuple of str
        ``zone_id`` values: only exercises a route of which entered one of these zones, as the
        schematic routes show it (:mod:`geodata.crossings`); empty means no such filter.
    participants : tuple of str
        ISO alpha-3 codes of countries an exercise must *all* have taken part in; empty means any.
    play : str or None
        The month playback shows (``"2024-07"``); None when playback is off.
    shapes : SharedShapes
        The pasted notice and the shapes drawn on the map.
    layers : tuple of str or None
        The layers of :data:`LAYER_IDS` switched on; None leaves each at the view's default.
    """

    years: tuple[int, int]
    exercises: tuple[str, ...] = ()
    series: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    search: str = ""
    selected: str | None = None
    region: str | None = None
    map_view: tuple[float, float, int] | None = None
    zones: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    play: str | None = None
    shapes: SharedShapes = SharedShapes()
    layers: tuple[str, ...] | None = None

    @classmethod
    def default(cls, catalog: Catalog) -> ViewState:
        """Return the view of a link without parameters: every exercise in every year."""
        return cls(years=(catalog.first_year, catalog.last_year))


def _one_value(raw: str | Sequence[str] | None) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        return raw
    return ",".join(str(item) for item in raw)


def _list_values(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def parse_years(text: str, catalog: Catalog) -> tuple[tuple[int, int], str | None]:
    """Read ``2024`` or ``2016-2024`` into a year range inside the catalogue's years.

    Returns
    -------
    years : tuple of int
        The range to show.
    notice : str or None
        Why the value was changed or ignored, if it was.
    """
    default = (catalog.first_year, catalog.last_year)
    match = _YEARS.match(text)
    if not match:
        return default, f"years={quote(text)} is not a year or a range like 2016-2024; showing all years."
    first = int(match.group(1))
    last = int(match.group(2) or first)
    notice = None
    if first > last:
        first, last = last, first
        notice = f"years={quote(text)} was read as {first}-{last}."
    clamped = (max(first, catalog.first_year), min(last, catalog.last_year))
    if clamped[0] > clamped[1]:
        return default, (
            f"years={quote(text)} is outside the data ({catalog.first_year}-{catalog.last_year}); showing all years."
        )
    if clamped != (first, last):
        notice = f"years={quote(text)} reaches outside the data; showing {clamped[0]}-{clamped[1]}."
    return clamped, notice


def parse_play(text: str, catalog: Catalog) -> tuple[str | None, str | None]:
    """Read the playback month ``2024-07``; it must lie within the catalogue's years.

    Returns the month (None when unusable) and why it was ignored, if it was.
    """
    match = _MONTH.match(text.strip())
    if not match:
        return None, f"play={quote(text)} is not a month like 2024-07; playback is off."
    if not catalog.first_year <= int(match.group(1)) <= catalog.last_year:
        years = f"{catalog.first_year}-{catalog.last_year}"
        return None, f"play={quote(text)} is outside the data ({years}); playback is off."
    return match.group(0), None


def _known(values: list[str], allowed: Sequence[str], param: str, notices: list[str]) -> tuple[str, ...]:
    unknown = [value for value in values if value not in allowed]
    if unknown:
        shown = ", ".join(quote(value, 40) for value in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        notices.append(f"{param}: ignored unknown value(s) {shown}{more}.")
    return tuple(dict.fromkeys(value for value in values if value in allowed))


def _number(text: str, bounds: tuple[float, float]) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    if not bounds[0] <= value <= bounds[1] or value != value:
        return None
    return value


def parse_map_view(values: Mapping[str, str]) -> tuple[tuple[float, float, int] | None, str | None]:
    """Read ``lat``, ``lon`` and ``z`` together; all three or none, each within its range.

    Returns
    -------
    map_view : tuple or None
        ``(lat, lon, zoom)`` rounded to :data:`COORDINATE_DECIMALS`, or None.
    notice : str or None
        Why the view was ignored, if it was.
    """
    given = [param for param in MAP_VIEW_PARAMS if values.get(param, "").strip()]
    if not given:
        return None, None
    if len(given) < len(MAP_VIEW_PARAMS):
        return None, "lat, lon and z go together; the map view was ignored."
    lat = _number(values[PARAM_LAT], LAT_RANGE)
    lon = _number(values[PARAM_LON], LON_RANGE)
    zoom = _number(values[PARAM_ZOOM], ZOOM_RANGE)
    if lat is None or lon is None or zoom is None or zoom != int(zoom):
        shown = ", ".join(f"{p}={quote(values[p], 20)}" for p in MAP_VIEW_PARAMS)
        return None, f"map view {shown} is out of range or not a number; the map fits the regions instead."
    return (round(lat, COORDINATE_DECIMALS), round(lon, COORDINATE_DECIMALS), int(zoom)), None


def view_from_params(params: Mapping[str, str | Sequence[str]], catalog: Catalog) -> tuple[ViewState, list[str]]:
    """Read a view from URL query parameters.

    Parameters
    ----------
    params : mapping
        Query parameters as Streamlit gives them: a value is a string, or a list of
        strings for a repeated parameter (repeated values are read like comma-separated ones).
    catalog : Catalog
        The values the data allows.

    Returns
    -------
    view : ViewState
        The view to show; anything unusable is at its default.
    notices : list of str
        One plain-text sentence per value that was changed or ignored.
    """
    view = ViewState.default(catalog)
    notices: list[str] = []
    values: dict[str, str] = {}
    for param in PARAMS:
        text = _one_value(params.get(param))
        if text is None:
            continue
        if len(text) > MAX_PARAM_LENGTH and param != PARAM_SHAPES:  # the token has its own, checked limit
            notices.append(f"{param}: value of {len(text):,} characters ignored (limit {MAX_PARAM_LENGTH:,}).")
            continue
        values[param] = text

    years = view.years
    if PARAM_YEARS in values:
        years, notice = parse_years(values[PARAM_YEARS], catalog)
        if notice:
            notices.append(notice)
    exercises = _known(_list_values(values.get(PARAM_EXERCISE, "")), catalog.exercise_ids, PARAM_EXERCISE, notices)
    by_slug = catalog.series_by_slug
    series_slugs = _known(_list_values(values.get(PARAM_SERIES, "")), tuple(by_slug), PARAM_SERIES, notices)
    domains = _known(_list_values(values.get(PARAM_DOMAIN, "")), catalog.domains, PARAM_DOMAIN, notices)
    zone_values = [value.upper() if value.upper() in catalog.zone_ids else value
                   for value in _list_values(values.get(PARAM_ZONE, ""))]
    zones = _known(zone_values, catalog.zone_ids, PARAM_ZONE, notices)
    participants = _known([code.upper() for code in _list_values(values.get(PARAM_PARTICIPANTS, ""))],
                          catalog.participant_codes, PARAM_PARTICIPANTS, notices)
    search = " ".join(values.get(PARAM_SEARCH, "").split())
    if len(search) > MAX_SEARCH_LENGTH:
        notices.append(f"q: search text cut to {MAX_SEARCH_LENGTH} characters.")
        search = search[:MAX_SEARCH_LENGTH]
    selected = None
    if values.get(PARAM_SELECTED, "").strip():
        picked = _known([values[PARAM_SELECTED].strip()], catalog.exercise_ids, PARAM_SELECTED, notices)
        selected = picked[0] if picked else None
    region = None
    if values.get(PARAM_REGION, "").strip():
        picked = _known([values[PARAM_REGION].strip()], catalog.region_ids, PARAM_REGION, notices)
        region = picked[0] if picked else None
    map_view, notice = parse_map_view(values)
    if notice:
        notices.append(notice)
    play = None
    if values.get(PARAM_PLAY, "").strip():
        play, notice = parse_play(values[PARAM_PLAY], catalog)
        if notice:
            notices.append(notice)
    shapes = SharedShapes()
    if values.get(PARAM_SHAPES, "").strip():
        shapes, notice = read_token(values[PARAM_SHAPES].strip())
        if notice:
            notices.append(notice + " The notice and drawn shapes it carried are not shown.")
    layers = None
    if PARAM_LAYERS in values:
        text = values[PARAM_LAYERS].strip()
        layers = () if text == LAYERS_NONE else _known(_list_values(text), LAYER_IDS, PARAM_LAYERS, notices)
    link_version = values.get(PARAM_VERSION, "").strip()
    if link_version and catalog.version and link_version != catalog.version:
        notices.append(
            f"{OLDER_VERSION_NOTICE} {quote(link_version, 40)}; you are seeing version "
            f"{catalog.version}, which may hold more or corrected records."
        )
    return (
        ViewState(
            years=years,
            exercises=exercises,
            series=tuple(by_slug[slug] for slug in series_slugs),
            domains=domains,
            zones=zones,
            participants=participants,
            search=search,
            selected=selected,
            region=region,
            map_view=map_view,
            play=play,
            shapes=shapes,
            layers=layers,
        ),
        notices,
    )


def view_to_params(view: ViewState, catalog: Catalog) -> dict[str, str]:
    """Write a view as URL query parameters, leaving out every value at its default.

    ``view_from_params(view_to_params(v, c), c)`` gives back ``v`` for every valid view. When
    anything is written, the dataset version goes along (``v``) so a reader of an old link is
    told the data has changed since.
    """
    params: dict[str, str] = {}
    first, last = view.years
    if (first, last) != (catalog.first_year, catalog.last_year):
        params[PARAM_YEARS] = str(first) if first == last else f"{first}-{last}"
    if view.exercises:
        params[PARAM_EXERCISE] = ",".join(view.exercises)
    if view.series:
        params[PARAM_SERIES] = ",".join(series_slug(name) for name in view.series)
    if view.domains:
        params[PARAM_DOMAIN] = ",".join(view.domains)
    if view.zones:
        params[PARAM_ZONE] = ",".join(view.zones)
    if view.participants:
        params[PARAM_PARTICIPANTS] = ",".join(view.participants)
    if view.search:
        params[PARAM_SEARCH] = view.search
    if view.selected:
        params[PARAM_SELECTED] = view.selected
    if view.region:
        params[PARAM_REGION] = view.region
    params |= map_params(view.map_view, view.layers)
    if view.shapes:
        params[PARAM_SHAPES] = link_token(view.shapes)[0]
    if view.play:
        params[PARAM_PLAY] = view.play
    if params and catalog.version:
        params[PARAM_VERSION] = catalog.version
    return params


MAP_PARAMS = (*MAP_VIEW_PARAMS, PARAM_LAYERS)
"""The parameters the map itself writes after the reader pans, zooms or switches layers (layers/viewsync.py)."""


def map_params(map_view: tuple[float, float, int] | None, layers: tuple[str, ...] | None) -> dict[str, str]:
    """Write a map view and the layers switched on as URL parameters (none for a view or layers at default)."""
    params: dict[str, str] = {}
    if map_view:
        lat, lon, zoom = map_view
        params |= {PARAM_LAT: f"{lat:g}", PARAM_LON: f"{lon:g}", PARAM_ZOOM: str(zoom)}
    if layers is not None:
        params[PARAM_LAYERS] = ",".join(layers) or LAYERS_NONE
    return params


def years_text(years: tuple[int, int], dash: str = "–") -> str:
    """``2024`` for one year, ``2016–2024`` for a range (an en dash; file names pass ``"-"``)."""
    first, last = years
    return str(first) if first == last else f"{first}{dash}{last}"


def is_map_only(params: Mapping[str, object]) -> bool:
    """Tell whether a link asks for the map-only (embeddable) page."""
    return params.get(PARAM_LAYOUT) == MAP_ONLY[PARAM_LAYOUT]


def widget_state(view: ViewState) -> dict[str, object]:
    """Return the widgets' values for a view, keyed by their keys, which are the URL parameter names.

    :func:`view_from_widget_state` reads them back; the focus, the map view and the playback
    month are kept too. The widgets' state of the default view is what "Clear all filters" restores.
    """
    return {
        PARAM_YEARS: view.years,
        PARAM_EXERCISE: list(view.exercises),
        PARAM_SERIES: list(view.series),
        PARAM_DOMAIN: list(view.domains),
        PARAM_ZONE: list(view.zones),
        PARAM_PARTICIPANTS: list(view.participants),
        PARAM_SEARCH: view.search,
        PARAM_SELECTED: view.selected,
        PARAM_REGION: view.region,
        MAP_VIEW_KEY: view.map_view,
        PLAYBACK_KEY: view.play is not None,
        PARAM_PLAY: view.play,
        NOTICE_KEY: view.shapes.notice,
        NOTICE_NAME_KEY: view.shapes.notice_name,
        NOTICE_SOURCE_KEY: view.shapes.notice_source,
        DRAWN_KEY: view.shapes.drawings,
        LAYERS_KEY: view.layers,
    }


def view_from_widget_state(state: Mapping[str, object]) -> ViewState:
    """Return the view the widgets hold (see :func:`widget_state`)."""
    years = tuple(state[PARAM_YEARS])
    return ViewState(
        years=(int(years[0]), int(years[-1])),
        exercises=tuple(state[PARAM_EXERCISE]),
        series=tuple(state[PARAM_SERIES]),
        domains=tuple(state[PARAM_DOMAIN]),
        zones=tuple(state.get(PARAM_ZONE, ())),
        participants=tuple(state.get(PARAM_PARTICIPANTS, ())),
        search=state[PARAM_SEARCH],
        selected=state.get(PARAM_SELECTED),
        region=state.get(PARAM_REGION),
        map_view=state.get(MAP_VIEW_KEY),
        play=state.get(PARAM_PLAY) if state.get(PLAYBACK_KEY) else None,
        shapes=shapes_in(state),
        layers=state.get(LAYERS_KEY),
    )


def shapes_in(state: Mapping[str, object]) -> SharedShapes:
    """Return the notice and drawn shapes the page holds (see :func:`widget_state`), as a link carries them."""
    drawings = state.get(DRAWN_KEY) or ()
    return SharedShapes(
        notice=str(state.get(NOTICE_KEY) or ""),
        notice_name=str(state.get(NOTICE_NAME_KEY) or ""),
        notice_source=str(state.get(NOTICE_SOURCE_KEY) or ""),
        drawings=tuple(d for d in drawings if isinstance(d, Drawing)),
    )


def params_to_write(view: ViewState, catalog: Catalog, current: Mapping[str, str]) -> dict[str, str] | None:
    """Return the parameters the address bar should hold for a view, or None when it already does.

    ``current`` is what the address bar holds now (one value per parameter); the layout parameters
    in it are kept.
    """
    params = view_to_params(view, catalog) | {k: current[k] for k in LAYOUT_PARAMS if k in current}
    return None if params == dict(current) else params
