"""Everything the page reads and derives from the data files once, for every session to share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from types import MappingProxyType

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata.crossings import dataset_with_crossings
from geodata.loaders import Dataset, load_dataset, read_changelog
from geodata.measure import read_countries
from geodata.problems import DataError
from geodata.query import Catalog
from geodata.reference import read_straits, read_zones
from geodata.towns import read_towns, region_towns, towns_file
from layers.compose import dataset_popup_book
from layers.observations import observation_popups
from layers.popups import PopupBook
from layers.reference import reference_features, reference_files
from layers.regions import RegionGeometries, region_geometries
from view.exercise_list import list_rows
from view.tools import exercise_labels


@dataclass(frozen=True)
class Prepared:
    """A dataset and what the page derives from it, built once per data version.

    Shared read-only by every session (the app caches it as a resource, not a copy per call):
    never modify its frames or mappings; filter into new ones.

    Attributes
    ----------
    dataset : Dataset
        The loaded files, each exercise with what its routes crossed
        (:func:`geodata.crossings.dataset_with_crossings`).
    catalog : Catalog
        The values the filters offer.
    labels : mapping
        Each exercise's label for the pickers (:func:`view.tools.exercise_labels`).
    geometries : RegionGeometries
        Region outlines, place names and popup lines for drawing; the files it publishes
        (:meth:`layers.regions.RegionGeometries.outline_files`) hold the reference layers' too.
    zones, straits : geopandas.GeoDataFrame
        The reference layers: air defence identification zones and strait gates
        (:mod:`geodata.reference`), the same for every data folder.
    reference : tuple
        Their map features, built once (:func:`layers.reference.reference_features`).
    changelog : str
        ``CHANGELOG.md`` of the data folder ("" without one), shown under a link's version notice.
    list_rows : tuple of dict
        Every exercise's row of the list beside the map, newest first
        (:func:`view.exercise_list.list_rows`); a view picks its own.
    observation_popups : mapping
        Each observation's popup block by its row label (:func:`layers.observations.observation_popups`).
    popup_book : layers.popups.PopupBook
        The popups' texts every view shares (:func:`layers.compose.dataset_popup_book`), which the
        app publishes as a static file its maps refer to.
    """

    dataset: Dataset
    catalog: Catalog
    labels: Mapping[str, str]
    geometries: RegionGeometries
    zones: gpd.GeoDataFrame
    straits: gpd.GeoDataFrame
    reference: tuple
    changelog: str
    list_rows: tuple
    observation_popups: Mapping
    popup_book: PopupBook


def zone_choices(zones: gpd.GeoDataFrame) -> tuple[tuple[str, str], ...]:
    """``(zone_id, name)`` of every zone, for the catalogue's ``zone=`` filter."""
    return tuple(zip(zones["zone_id"], zones["name"], strict=True))


PYTHON_STRINGS = pd.StringDtype("python", na_value=np.nan)
"""pandas' default ``str`` dtype with its strings kept as Python objects rather than in Arrow."""


def with_python_strings(dataset: Dataset) -> Dataset:
    """Return the dataset with every ``str`` column of its tables kept as Python strings.

    Same dtype family, same missing value (NaN) and same string methods as pandas' default,
    which keeps them in Arrow arrays. Every rerun selects rows of these small tables many times
    (filters, scene, timeline), and an Arrow ``take`` costs about 75 µs per column whatever the
    row count: selecting a third of the 73 exercises took 2.1 ms with Arrow strings and 1.0 ms
    with Python ones (2026-12-03).
    """
    def converted(frame):
        columns = {c: PYTHON_STRINGS for c, dtype in frame.dtypes.items() if isinstance(dtype, pd.StringDtype)}
        return frame.astype(columns) if columns else frame

    return replace(dataset, **{f.name: converted(getattr(dataset, f.name)) for f in fields(dataset)
                               if isinstance(getattr(dataset, f.name), pd.DataFrame)})


def nearby_towns(regions: gpd.GeoDataFrame, data_dir: Path, land: gpd.GeoDataFrame) -> dict[str, tuple]:
    """Return the towns each small land area lies near (:func:`geodata.towns.region_towns`).

    From the data folder's towns file; none when it is missing or unusable, as the map then goes
    on without towns.
    """
    try:
        towns, _ = read_towns(towns_file(data_dir))
    except (DataError, OSError):
        return {}
    return region_towns(regions, towns, land)


def prepare(data_dir: Path) -> Prepared:
    """Load a data folder and derive what every page of it needs; raises ``DataError`` as the loader does."""
    zones, straits, countries = read_zones()[0], read_straits()[0], read_countries()
    dataset = with_python_strings(dataset_with_crossings(load_dataset(data_dir), zones, straits, countries))
    exercises = dataset.exercises
    reference = reference_features(zones, straits)
    geometries = replace(region_geometries(dataset.regions, exercises, nearby_towns(dataset.regions, data_dir,
                                                                                  countries)),
                         extra_files=reference_files(reference))
    points = MappingProxyType(observation_popups(dataset.observations, exercises))
    return Prepared(
        dataset=dataset,
        catalog=Catalog.from_exercises(exercises, tuple(dataset.regions["region_id"]), dataset.version,
                                       zones=zone_choices(zones)),
        labels=MappingProxyType(exercise_labels(exercises)),
        geometries=geometries,
        zones=zones,
        straits=straits,
        reference=reference,
        changelog=read_changelog(data_dir),
        list_rows=tuple(list_rows(exercises)),
        observation_popups=points,
        popup_book=dataset_popup_book(dataset.regions, geometries, dataset.routes, exercises, points),
    )
