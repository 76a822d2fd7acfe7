"""geodata/sources.csv: who published each source of an exercise, in what language, when, and what kind it is.

``exercises.csv`` keeps its ``sources`` (and ``name_sources``) URLs, the list curators edit
with the row and the exports carry; ``sources.csv`` describes each of them, one row per
exercise and URL. The file is optional (a data folder without it loads, its sources shown by
host name); when it is there, every URL of a row must have its line and every line a URL of
its row. Nothing here reads files except :func:`read_sources`.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from geodata import schema
from geodata.files import read_csv_table
from geodata.problems import ERROR, WARNING, Problem, quote
from geodata.rules import CSV_FIRST_DATA_LINE, formula_warning, parse_iso_date


def empty_sources() -> pd.DataFrame:
    """Return a sources table with no rows: the columns of a valid one."""
    return pd.DataFrame({column: pd.Series(dtype=object) for column in schema.SOURCE_COLUMNS})


def read_sources(path: Path) -> tuple[pd.DataFrame, pd.Series] | None:
    """Read sources.csv as text; None when the file does not exist (it is optional).

    Raises
    ------
    DataError
        If the file exists but is empty, too large, not UTF-8, not CSV, or lacks a column of
        :data:`geodata.schema.SOURCE_COLUMNS`.
    """
    if not Path(path).exists():
        return None
    return read_csv_table(Path(path), schema.SOURCE_COLUMNS)


def _source_row_problems(record: dict[str, str], exercise_ids: frozenset[str], file: str, row: str) -> list[Problem]:
    problems: list[Problem] = []

    def bad(field: str, message: str, severity: str = ERROR) -> None:
        problems.append(Problem(file, row, field, message, severity))

    for field, value in record.items():
        if len(value) > schema.MAX_TEXT_LENGTH:
            bad(field, f"is {len(value)} characters long; the limit is {schema.MAX_TEXT_LENGTH}")
        if value.startswith(schema.FORMULA_TRIGGERS):
            bad(field, formula_warning(value), WARNING)
    if record["exercise_id"] not in exercise_ids:
        bad("exercise_id", f"{quote(record['exercise_id'])} is not a valid exercise_id in {schema.EXERCISES_FILE}")
    if not schema.URL_PATTERN.match(record["url"]):
        bad("url", f"{quote(record['url'])} is not an http(s) URL")
    if not record["publisher"]:
        bad("publisher", "is empty; name the outlet (TASS, Xinhua, Japan Ministry of Defense, …)")
    if record["language"] and record["language"] not in schema.ISO639_1_CODES:
        bad("language", f"{quote(record['language'])} is not an ISO 639-1 code (en, ru, zh, …); leave it empty "
                        "if not known")
    if record["published"] and parse_iso_date(record["published"]) is None:
        bad("published", f"{quote(record['published'])} is not an ISO date (YYYY-MM-DD); leave it empty if not known")
    if record["kind"] not in schema.SOURCE_KINDS:
        bad("kind", f"{quote(record['kind'])} is not one of {', '.join(schema.SOURCE_KINDS)}")
    return problems


def validate_sources(
    frame: pd.DataFrame,
    exercises: pd.DataFrame,
    exercise_rows: Mapping[str, str],
    line_numbers: pd.Series | None = None,
    file: str = schema.SOURCES_FILE,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check every row of a sources table, and that it describes exactly the URLs of each exercise.

    Parameters
    ----------
    frame : pandas.DataFrame
        All cells as text, with :data:`geodata.schema.SOURCE_COLUMNS`.
    exercises : pandas.DataFrame
        The valid exercises (``exercise_id``, ``source_urls``, ``name_source_urls``).
    exercise_rows : mapping
        ``exercise_id`` to its row in exercises.csv (``"line 7"``), for messages.
    line_numbers : pandas.Series, optional
        Editor line number of each row of ``frame``; defaults to the position plus 2.
    file : str
        File name used in problem messages.

    Returns
    -------
    valid : pandas.DataFrame
        The good rows, cells stripped, in file order.
    problems : list of Problem
        Errors (row left out): an unknown exercise_id, a URL that is not http(s) or not a
        source of its exercise, a repeated (exercise_id, url), an empty publisher, a language
        that is not ISO 639-1, a published date that is not ISO, a kind not in
        :data:`geodata.schema.SOURCE_KINDS`. Warnings on exercises.csv (row kept): a URL of
        ``sources`` or ``name_sources`` that sources.csv does not describe.
    """
    frame = frame.reset_index(drop=True).astype(str)
    frame = frame.apply(lambda column: column.str.strip())
    listed = {
        exercise_id: set(urls) | set(names)
        for exercise_id, urls, names in zip(
            exercises["exercise_id"], exercises["source_urls"], exercises["name_source_urls"], strict=True
        )
    }
    problems: list[Problem] = []
    keep: list[int] = []
    seen: dict[tuple[str, str], str] = {}
    for index, record in enumerate(frame[list(schema.SOURCE_COLUMNS)].to_dict("records")):
        number = int(line_numbers.iloc[index]) if line_numbers is not None else index + CSV_FIRST_DATA_LINE
        row = f"line {number}"
        found = _source_row_problems(record, frozenset(listed), file, row)
        key = (record["exercise_id"], record["url"])
        if record["exercise_id"] in listed and record["url"] not in listed[record["exercise_id"]]:
            found.append(Problem(file, row, "url", f"{quote(record['url'])} is not among the sources or name_sources "
                                 f"of {record['exercise_id']} in {schema.EXERCISES_FILE}"))
        if key in seen:
            found.append(Problem(file, row, "url", f"{quote(record['url'])} is already described on {seen[key]}"))
        seen.setdefault(key, row)
        problems.extend(found)
        if not any(problem.severity == ERROR for problem in found):
            keep.append(index)
    valid = frame.iloc[keep].reset_index(drop=True)
    described = set(zip(valid["exercise_id"], valid["url"], strict=True))
    for exercise_id, urls, names in zip(
        exercises["exercise_id"], exercises["source_urls"], exercises["name_source_urls"], strict=True
    ):
        row = exercise_rows.get(exercise_id, "")
        for field, field_urls in (("sources", urls), ("name_sources", names)):
            for url in field_urls:
                if (exercise_id, url) not in described:
                    problems.append(Problem(
                        schema.EXERCISES_FILE, row, field,
                        f"{quote(url)} has no line in {file}: add exercise_id, url, publisher, language, published, "
                        "title and kind", WARNING,
                    ))
    return valid, problems


def host_of(url: str) -> str:
    """Return the host of a URL without ``www.`` (``tass.com``), or the URL itself if it has none."""
    host = urllib.parse.urlsplit(url).hostname or ""
    return host.removeprefix("www.") or url


def source_label(publisher: str, language: str, url: str) -> str:
    """Return ``"TASS (en)"``: the outlet and the language of one source; the host when the outlet is not known."""
    name = publisher or host_of(url)
    return f"{name} ({language})" if language else name


def with_outlets(exercises: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the exercises with what sources.csv says of each of their ``source_urls``, in the same order.

    Returns
    -------
    pandas.DataFrame
        A copy with ``source_publishers`` (text: the publishers joined by ``;``, ``""`` for a
        URL sources.csv does not describe) and ``source_labels`` (tuple of
        :func:`source_label` per URL).
    """
    described = {
        (exercise_id, url): (publisher, language)
        for exercise_id, url, publisher, language in zip(
            sources["exercise_id"], sources["url"], sources["publisher"], sources["language"], strict=True
        )
    }
    publishers, labels = [], []
    for exercise_id, urls in zip(exercises["exercise_id"], exercises["source_urls"], strict=True):
        outlets = [described.get((exercise_id, url), ("", "")) for url in urls]
        publishers.append(schema.LIST_SEPARATOR.join(publisher for publisher, _ in outlets))
        labels.append(tuple(source_label(publisher, language, url)
                            for (publisher, language), url in zip(outlets, urls, strict=True)))
    return exercises.assign(source_publishers=publishers, source_labels=labels)
