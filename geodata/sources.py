"""geodata/sources.csv: who published each source of an exercise, in what language, when, and what kind it is.

``exercises.csv`` keeps its ``sources`` (and ``name_sources``) URLs, the list curators edit
with the row and the exports carry; ``sources.csv`` describes each of them, one row per
exercise and URL. The file is optional (a data folder without it loads, its sources shown by
host name); when it is there, every URL of a row must have its line and every line a URL of
its row. Nothing here reads files except :func:`read_sources`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import urllib.parse
from collections.abc import Mapping, Sequence
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


_MARKUP = re.compile(r"<[A-Za-z/!?]")
"""The start of an HTML or XML tag, comment or declaration: a title pasted with its markup."""

_BREAKING_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})
"""Unicode categories a one-line text must not hold: control characters (tab, line feed,
NUL, C1 controls) and the line and paragraph separators."""


def control_characters(text: str) -> list[str]:
    """Return the control characters and line or paragraph separators in ``text``, as ``U+000A`` codes, each once."""
    found = dict.fromkeys(f"U+{ord(char):04X}" for char in text if unicodedata.category(char) in _BREAKING_CATEGORIES)
    return list(found)


def _text_problems(field: str, value: str) -> list[str]:
    """Return what is wrong with a one-line text cell (``publisher``, ``title``), in words; empty when nothing is."""
    messages = []
    if controls := control_characters(value):
        messages.append(f"holds control characters or line breaks ({', '.join(controls[:3])}); give it on one line "
                        "as plain text")
    if field == "title":
        if len(value) > schema.SOURCE_TITLE_MAX_LENGTH:
            messages.append(f"is {len(value)} characters long; a headline has at most "
                            f"{schema.SOURCE_TITLE_MAX_LENGTH}")
        if _MARKUP.search(value):
            messages.append("holds HTML markup; give the headline as plain text")
    if field == "publisher" and schema.LIST_SEPARATOR in value:
        messages.append(f"holds {quote(schema.LIST_SEPARATOR)}, which separates the publishers in the exports")
    return messages


def _source_row_problems(
    record: dict[str, str], exercise_ids: frozenset[str], file: str, row: str, today: dt.date
) -> list[Problem]:
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
    if record["published"]:
        published = parse_iso_date(record["published"])
        if published is None:
            bad("published", f"{quote(record['published'])} is not an ISO date (YYYY-MM-DD); leave it empty if not "
                             "known")
        elif published > today:
            bad("published", f"{record['published']} is in the future (today is {today.isoformat()})")
    for field in ("publisher", "title"):
        for message in _text_problems(field, record[field]):
            bad(field, message)
    if record["kind"] not in schema.SOURCE_KINDS:
        bad("kind", f"{quote(record['kind'])} is not one of {', '.join(schema.SOURCE_KINDS)}")
    return problems


def validate_sources(
    frame: pd.DataFrame,
    exercises: pd.DataFrame,
    exercise_rows: Mapping[str, str],
    line_numbers: pd.Series | None = None,
    file: str = schema.SOURCES_FILE,
    today: dt.date | None = None,
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
    today : datetime.date, optional
        The last date a source can have been published on; defaults to today.

    Returns
    -------
    valid : pandas.DataFrame
        The good rows, cells stripped, in file order.
    problems : list of Problem
        Errors (row left out): an unknown exercise_id, a URL that is not http(s) or not a
        source of its exercise, a repeated (exercise_id, url), an empty publisher, a language
        that is not ISO 639-1, a published date that is not ISO or lies after ``today``, a
        publisher or title with control characters or line breaks, a publisher with ``;``, a
        title longer than :data:`geodata.schema.SOURCE_TITLE_MAX_LENGTH` or holding HTML
        markup, a kind not in :data:`geodata.schema.SOURCE_KINDS`. Warnings on exercises.csv (row kept): a URL of
        ``sources`` or ``name_sources`` that sources.csv does not describe.
    """
    today = today or dt.date.today()
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
        found = _source_row_problems(record, frozenset(listed), file, row, today)
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


def titles_text(titles: Sequence[str]) -> str:
    """Return the known titles one a line, each with its place in the list: ``1: First`` and ``3: Third``.

    A headline can hold ``;``, so titles are not joined like the other lists. They never hold a
    line break (the validator refuses control characters), so one line per title is unambiguous;
    numbering the lines, instead of leaving blank ones for untitled sources, keeps the text free
    of leading and trailing blank lines, which GDAL's KML reader trims, and free of a leading
    ``[``, which its GeoJSON writer turns into a JSON array.
    """
    return "\n".join(f"{place}: {title}" for place, title in enumerate(titles, start=1) if title)


def with_outlets(exercises: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the exercises with what sources.csv says of each of their ``source_urls``, in the same order.

    Returns
    -------
    pandas.DataFrame
        A copy with, per URL of ``source_urls`` in order (``""`` where sources.csv does not
        say; the dates and the titles are ``""`` when none is known):

        - ``source_publishers``: the publishers joined by ``;`` (text, for the exports);
        - ``source_published``: the dates published joined by ``;`` (text, for the exports);
        - ``source_titles``: one line per source that has a title, ``n: title`` with ``n`` its
          place in ``sources`` from 1 (text, for the exports; see :func:`titles_text`);
        - ``source_labels``: tuple of :func:`source_label`;
        - ``source_title_items`` and ``source_date_items``: tuples of the titles and dates.
    """
    described = {
        (exercise_id, url): (publisher, language, title, published)
        for exercise_id, url, publisher, language, title, published in zip(
            sources["exercise_id"], sources["url"], sources["publisher"], sources["language"], sources["title"],
            sources["published"], strict=True,
        )
    }
    columns: dict[str, list] = {name: [] for name in (
        "source_publishers", "source_published", "source_titles", "source_labels", "source_title_items",
        "source_date_items",
    )}
    for exercise_id, urls in zip(exercises["exercise_id"], exercises["source_urls"], strict=True):
        outlets = [described.get((exercise_id, url), ("", "", "", "")) for url in urls]
        titles = tuple(title for _, _, title, _ in outlets)
        dates = tuple(published for _, _, _, published in outlets)
        columns["source_publishers"].append(schema.LIST_SEPARATOR.join(publisher for publisher, *_ in outlets))
        columns["source_published"].append(schema.LIST_SEPARATOR.join(dates) if any(dates) else "")
        columns["source_titles"].append(titles_text(titles))
        columns["source_labels"].append(tuple(source_label(publisher, language, url)
                                              for (publisher, language, _, _), url in zip(outlets, urls, strict=True)))
        columns["source_title_items"].append(titles)
        columns["source_date_items"].append(dates)
    return exercises.assign(**columns)
