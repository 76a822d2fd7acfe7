"""Offline build of geodata/regions.geojson and geodata/land.geojson (run: python -m geodata.build)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shapely

from geodata.build.backdrop import BACKDROP_DECIMALS, backdrop_land
from geodata.build.checks import check_regions
from geodata.build.land import ensure_world_atlas, read_land, simplify_land
from geodata.build.limits import WORLD_ATLAS_URL
from geodata.build.output import REGION_DECIMALS, write_feature_collection
from geodata.build.regions import REGIONS, SITES
from geodata.build.seas import build_region, land_index
from geodata.build.sites import COUNTRIES_FILE, build_site, read_named_countries, site_basis
from geodata.build.spec import RegionSpec, SiteSpec
from geodata.geometry import area_km2, rfc7946_geometries
from geodata.measure import nearest_coasts
from geodata.measure import read_countries as read_country_coasts

COAST_COUNTRIES = ("JPN", "KOR", "TWN", "USA")
"""Countries whose nearest coast every region's popup states (the US one is mostly Alaska and Guam)."""

__all__ = ["BuildResult", "build", "region_properties", "site_properties", "GEODATA_DIR"]

GEODATA_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: per-region rows and file sizes in bytes."""

    regions: tuple[dict, ...]
    vertices: dict[str, int]
    regions_bytes: int
    land_bytes: int
    land_vertices: int


def region_properties(spec: RegionSpec, area: float) -> dict:
    """Return the output properties of one region feature.

    Parameters
    ----------
    spec : RegionSpec
        Region definition.
    area : float
        Computed area in km².

    Returns
    -------
    dict
        ``region_id``, ``name``, ``kind``, ``area_km2`` (int),
        ``published_area_km2`` (int or None), ``basis``, ``precision`` and ``source``
        (http(s) URLs joined by ``";"``, limit pages first, area source last).
    """
    urls = list(dict.fromkeys([*spec.sources, *([spec.area_source] if spec.area_source else [])]))
    return {
        "region_id": spec.region_id,
        "name": spec.name,
        "kind": spec.kind,
        "area_km2": int(round(area)),
        "published_area_km2": spec.published_area_km2,
        "basis": spec.basis,
        "precision": spec.precision,
        "source": ";".join(urls),
    }


def site_properties(spec: SiteSpec, area: float) -> dict:
    """Return the output properties of one land site, with the same keys as a sea.

    Parameters
    ----------
    spec : SiteSpec
        Site definition.
    area : float
        Computed area in km².

    Returns
    -------
    dict
        As :func:`region_properties`; ``kind`` is ``"area"``, ``published_area_km2`` is
        None and ``source`` lists the exercise sources that name the site.
    """
    return {
        "region_id": spec.region_id,
        "name": spec.name,
        "kind": "area",
        "area_km2": int(round(area)),
        "published_area_km2": None,
        "basis": site_basis(spec),
        "precision": spec.precision,
        "source": ";".join(dict.fromkeys(spec.sources)),
    }


def coast_distances(geometry: shapely.Geometry, countries) -> str:
    """Nearest-coast distances of a region as ``"JPN:0;KOR:120;TWN:612;USA:2950"`` (whole km).

    ``0`` means the region touches that country's coast. Computed geodesically from the
    committed ``geodata/countries.geojson`` (see :mod:`geodata.measure`).
    """
    found = {c.iso3: c.km for c in nearest_coasts(geometry, countries, COAST_COUNTRIES, max_km=None)}
    return ";".join(f"{code}:{round(found[code])}" for code in COAST_COUNTRIES if code in found)


def build(
    out_dir: Path = GEODATA_DIR, specs: tuple[RegionSpec, ...] = REGIONS, sites: tuple[SiteSpec, ...] = SITES
) -> BuildResult:
    """Build, check and write the region and land layers.

    Parameters
    ----------
    out_dir : pathlib.Path
        Directory receiving ``regions.geojson`` and ``land.geojson``.
    specs : tuple of RegionSpec
        Seas and sea areas to build, in output order.
    sites : tuple of SiteSpec
        Land sites to build, written after ``specs`` in this order.

    Returns
    -------
    BuildResult

    Raises
    ------
    geodata.build.checks.BuildCheckError
        If any region fails validity, piece-count, area, overlap or site-radius checks;
        nothing is written in that case.
    geodata.build.land.LandError
        If world-atlas cannot be installed or read.
    """
    package = ensure_world_atlas()
    land = simplify_land(read_land(package / "land-10m.json"))
    frames = {frame: land_index(land, pacific_frame=frame) for frame in (False, True)}
    geometries = {spec.region_id: build_region(spec, frames[spec.pacific_frame]) for spec in specs}
    countries = read_named_countries(package / COUNTRIES_FILE, {site.country for site in sites if site.country})
    geometries.update({site.region_id: build_site(site, countries) for site in sites})
    areas = {rid: area_km2(geom) for rid, geom in geometries.items()}
    check_regions(specs, geometries, areas, sites)

    coasts = read_country_coasts()
    rows = tuple(
        row | {"coast_km": coast_distances(geometries[row["region_id"]], coasts)}
        for row in [region_properties(spec, areas[spec.region_id]) for spec in specs]
        + [site_properties(site, areas[site.region_id]) for site in sites]
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    # Built in the Pacific frame, written as RFC 7946: cut at 180°, longitudes within ±180°.
    written = rfc7946_geometries([geometries[row["region_id"]] for row in rows])
    regions_bytes = write_feature_collection(
        out_dir / "regions.geojson", list(zip(rows, written, strict=True)), REGION_DECIMALS
    )
    backdrop = backdrop_land(read_land(package / "land-50m.json"))
    land_bytes = write_feature_collection(
        out_dir / "land.geojson",
        [({"source": f"Natural Earth 1:50m land via {WORLD_ATLAS_URL}"}, backdrop)],
        BACKDROP_DECIMALS,
    )
    return BuildResult(
        regions=rows,
        vertices={rid: int(shapely.get_num_coordinates(g)) for rid, g in geometries.items()},
        regions_bytes=regions_bytes,
        land_bytes=land_bytes,
        land_vertices=int(shapely.get_num_coordinates(backdrop)),
    )
