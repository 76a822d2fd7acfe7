"""Search that finds: one ranked list across the English, Russian and Chinese names, aliases, series and summaries.

Text is compared after :func:`fold`: case, width, diacritics, dashes, punctuation and spacing do
not matter, and letters and digits are split apart, so ``JS-2024``, ``Joint Sea 2024``,
``joint_sea_2024``, ``Морское взаимодействие-2024``, ``海上联合-2024`` and ``海上联合2024`` all
read as words. Every query word must match the exercise somewhere (a four-digit year also
matches the years the exercise was active); the exercises that match are then ranked by how
well (:data:`TIERS`), best first:

1. the query *is* one of its names (English, Russian, Chinese, an alias or the id);
2. every query word is a word of one name (or its initials, ``js`` for Joint Sea), a year
   word being met by the exercise's years;
3. the query runs inside one name (``海上联合`` inside ``第5次海上联合巡航``);
4. every word is in its names, series or years together;
5. the summary is needed too.

Within a tier, a name beats an alias, the id, the series and the summary; then the name the
query covers more of; then the newer exercise. Each match says why (:data:`MATCH_COLUMN`,
"Chinese name", "alias: Maritime Interaction-2024", "summary"). Everything runs in time linear
in the text: one pass per character, no regular expression.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import pandas as pd

from geodata.schema import country_names

RANK_COLUMN = "search_rank"
"""1 for the best match; the frame :func:`ranked` returns is in this order."""
MATCH_COLUMN = "search_match"
"""Why an exercise matched, in a reader's words."""

NAME_FIELDS = (
    ("name", "English name", 6),
    ("name_ru", "Russian name", 5),
    ("name_zh", "Chinese name", 5),
    ("aliases", "alias", 4),
    ("exercise_id", "id", 3),
)
"""Columns that name an exercise, how a reader calls each, and its weight among equal tiers."""
SERIES_FIELD = ("series", "series", 2)
PARTICIPANTS_FIELD = ("participants", "participants", 2)
SUMMARY_FIELD = ("summary", "summary", 1)
ALIAS_SEPARATOR = ";"

TIERS = {5: "exact name", 4: "all words of a name", 3: "inside a name", 2: "names, series and years", 1: "summary"}
"""How well an exercise matched, best first (the number is the tier, higher is better)."""

YEAR_RANGE = (1900, 2100)
"""A four-digit query word in this range also matches an exercise active that year."""

MAX_FOLDED_LENGTH = 10_000
"""Longest text folded; the rest is not searched (every cell of the data is far shorter)."""


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Reduce text to its words, for comparing: lower case, no diacritics, one space between words.

    NFKC then case folding (full-width ``ＪＳ`` is ``js``), then NFKD with the combining marks
    dropped (``é`` is ``e``, ``й`` is ``и``, ``ё`` is ``е``). Every character that is not a letter
    or a digit (dashes of every kind, ``_``, ``·``, ``/``, brackets, spaces) separates words, and
    so does a change between digits and other characters (``2024年`` is ``2024 年``,
    ``js2024`` is ``js 2024``). One pass over at most :data:`MAX_FOLDED_LENGTH` characters.
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", str(text)[:MAX_FOLDED_LENGTH]).casefold())
    out: list[str] = []
    previous = ""  # "d" after a digit, "w" after another word character, "" after a separator
    for char in text:
        category = unicodedata.category(char)
        if category[0] == "M":
            continue
        kind = "d" if category == "Nd" else "w" if category[0] in "LN" else ""
        if not kind:
            previous = ""
            continue
        if out and previous != kind:
            out.append(" ")
        out.append(char)
        previous = kind
    return "".join(out).strip()


def initials(words: str) -> set[str]:
    """Return the initials of each run of letter words of folded text: ``joint sea 2024`` gives ``{"js"}``.

    Runs of at least two words only; digits end a run.
    """
    found, run = set(), []
    for word in [*words.split(), "0"]:
        if word[0].isdigit():
            if len(run) >= 2:
                found.add("".join(run))
            run = []
        else:
            run.append(word[0])
    return found


@dataclass(frozen=True)
class Query:
    """Search text, folded once: its words, the same without spaces, and its years."""

    text: str
    words: tuple[str, ...]
    compact: str
    years: frozenset[int]

    @classmethod
    def of(cls, text: str) -> Query:
        """Fold search text (:func:`fold`)."""
        folded = fold(text)
        words = tuple(dict.fromkeys(folded.split()))
        years = frozenset(int(w) for w in words if len(w) == 4 and w.isdigit()
                          and YEAR_RANGE[0] <= int(w) <= YEAR_RANGE[1])
        return cls(folded, words, folded.replace(" ", ""), years)


def _is_year_met(word: str, query: Query, active: range) -> bool:
    return word.isdigit() and len(word) == 4 and int(word) in query.years and int(word) in active


@dataclass(frozen=True)
class _Name:
    """One name of an exercise, folded for matching."""

    folded: str
    compact: str
    words: frozenset[str]
    """Its words and the initials of its runs of words (:func:`initials`)."""
    label: str
    weight: int


@functools.lru_cache(maxsize=1024)
def _spaced_script(word: str) -> bool:
    """Tell whether a word is in a script that separates words by spaces (Latin, Cyrillic, Greek…), not CJK."""
    return all(ord(char) < 0x2E80 for char in word)


def _in_words(word: str, folded: str) -> bool:
    """Tell whether a word of the text begins with the query word (``морск``, ``морское``); in CJK, anywhere."""
    return (" " + word) in (" " + folded) if _spaced_script(word) else word in folded


@functools.lru_cache(maxsize=4096)
def _names(name: str, name_ru: str, name_zh: str, aliases: str, exercise_id: str) -> tuple[_Name, ...]:
    """Fold an exercise's names once: English, Russian, Chinese, each alias and the id, with their labels."""
    found = []
    values = dict(zip(("name", "name_ru", "name_zh", "aliases", "exercise_id"),
                      (name, name_ru, name_zh, aliases, exercise_id), strict=True))
    for column, label, weight in NAME_FIELDS:
        value = values[column]
        if column == "aliases":
            named = [(alias.strip(), f"alias: {alias.strip()}") for alias in value.split(ALIAS_SEPARATOR)]
        else:  # "Vostok-2018 (East-2018)" is also "Vostok-2018" and "East-2018"
            head, _, rest = value.partition("(")
            named = [(value, label), (head, label), (rest.partition(")")[0], label)] if rest else [(value, label)]
        for text, how in named:
            folded = fold(text)
            if folded:
                found.append(_Name(folded, folded.replace(" ", ""), frozenset(folded.split()) | initials(folded),
                                   how, weight))
    return tuple(found)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def match(record: dict, query: Query) -> tuple[int, int, float, str]:
    """Rank one exercise: (tier, weight of the field, share of the name covered, why); tier 0 for no match.

    A query without words matches nothing.

    ``record`` holds the exercises.csv columns and ``start``/``end`` (timestamps).
    """
    if not query.words:
        return 0, 0, 0.0, ""
    active = range(record["start"].year, record["end"].year + 1)
    names = _names(*(_text(record.get(column)) for column, _, _ in NAME_FIELDS))
    best = (0, 0, 0.0, "")
    for name in names:
        share = len(query.compact) / max(len(name.compact), 1)
        if name.folded == query.text or name.compact == query.compact:
            tier, share = 5, 1.0
        elif all(word in name.words or _is_year_met(word, query, active) for word in query.words):
            tier = 4
        elif query.compact in name.compact:
            tier = 3
        else:
            continue
        if (tier, name.weight, share) > best[:3]:
            best = (tier, name.weight, share, name.label)
    if best[0]:
        return best
    fields = [(name.folded, name.label.split(":")[0]) for name in names]
    fields.append((fold(_text(record.get(SERIES_FIELD[0]))), SERIES_FIELD[1]))
    fields.append((fold(country_names(_text(record.get(PARTICIPANTS_FIELD[0])), separator=" ")), PARTICIPANTS_FIELD[1]))
    why: dict[str, None] = {}
    for word in query.words:
        hit = next((label for folded, label in fields if word in folded.split() or _in_words(word, folded)), None)
        if hit is None and _is_year_met(word, query, active):
            hit = "year"
        if hit is None and _in_words(word, fold(_text(record.get(SUMMARY_FIELD[0])))):
            hit = SUMMARY_FIELD[1]
        if hit is None:
            return 0, 0, 0.0, ""
        why[hit] = None
    return (1 if SUMMARY_FIELD[1] in why else 2), 0, 0.0, ", ".join(why)


SEARCHED = ("exercise_id", "name", "name_ru", "name_zh", "aliases", "series", "participants", "summary", "start", "end")
"""The columns search reads."""


def ranked(exercises: pd.DataFrame, text: str) -> pd.DataFrame:
    """Return the exercises that match search text, best first, with :data:`RANK_COLUMN` and :data:`MATCH_COLUMN`.

    Empty text returns the exercises as they are, without those columns; text without a letter
    or digit (``(``) finds nothing. Ties (same tier, field, share of the name) go newest first,
    then by ``exercise_id``.
    """
    if not text.strip():
        return exercises
    query = Query.of(text)
    keys, whys, kept = [], [], []
    columns = [column for column in SEARCHED if column in exercises]
    for position, values in enumerate(exercises[columns].itertuples(index=False, name=None)):
        record = dict(zip(columns, values, strict=True))
        tier, weight, share, why = match(record, query)
        if tier:
            kept.append(position)
            keys.append((-tier, -weight, -share, -record["start"].value, str(record["exercise_id"])))
            whys.append(why)
    order = sorted(range(len(kept)), key=keys.__getitem__)
    result = exercises.iloc[[kept[i] for i in order]].copy()
    result[RANK_COLUMN] = pd.Series(range(1, len(order) + 1), index=result.index, dtype="int64")
    result[MATCH_COLUMN] = [whys[i] for i in order]
    return result
