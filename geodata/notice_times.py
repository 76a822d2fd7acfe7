"""Read when a navigational warning is in force: its valid period and daily windows, in UTC.

Warnings give time in a few forms, all read here with linear-time patterns (possessive runs,
bounded repeats) over the text :mod:`geodata.notices` has normalised:

- a date-time group (DTG) ``150800Z JUL 24`` and ranges ``150000Z TO 182359Z JUL 24`` (the
  first DTG takes its month and year from the second), also ``132200UTC TO 140900UTC MARCH``
  and Russian months (``151900 ИЮЛ``);
- day ranges with a month ``15 THRU 18 JUL``;
- Chinese and Japanese dates ``2024年7月15日0800时至1800时``, ``10月23日0700时至1300时``,
  ``令和6年6月18日`` (era years), with times in local time: Beijing time (UTC+8) for Chinese
  texts, Japan Standard Time (UTC+9) for Japanese and Korean texts, unless the text says UTC;
- daily windows ``DAILY 0100Z TO 0800Z``, ``0100Z TO 0800Z DAILY``, ``每天0600时—1200时``,
  ``毎日 0000〜2400``, ``ЕЖЕДНЕВНО С 0100 ДО 0800``.

A date without a year takes the year of the warning's number (``HYDROPAC 2345/24``) when the
text gives one; otherwise the window is not placed in time and a warning says so. Every
assumption (a time zone, a year) is said in a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from types import MappingProxyType

MONTHS = MappingProxyType(
    {
        "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10,
        "NOV": 11, "DEC": 12,
        "ЯНВ": 1, "ФЕВ": 2, "МАР": 3, "АПР": 4, "МАЯ": 5, "МАЙ": 5, "ИЮН": 6, "ИЮЛ": 7, "АВГ": 8, "СЕН": 9,
        "ОКТ": 10, "НОЯ": 11, "ДЕК": 12,
    }
)
"""Month abbreviations (English and Russian), the first three letters of a month's name."""
ERAS = MappingProxyType({"令和": 2018, "平成": 1988})
"""Japanese era names and the year before their first: 令和6年 is 2024."""
BEIJING = timezone(timedelta(hours=8), "UTC+8")
JAPAN = timezone(timedelta(hours=9), "UTC+9")

_MONTH = (
    r"(?P<{name}>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|ЯНВ|ФЕВ|МАР|АПР|МА[ЯЙ]|ИЮН|ИЮЛ|АВГ|СЕН|ОКТ|НОЯ|ДЕК)"
    r"[A-ZА-Я]{{0,7}}"
)


def _dtg(p: str) -> str:
    """ddhhmm, a zone letter or UTC, a month, a year: ``150800Z JUL 24``, ``132200UTC``, ``151900 ИЮЛ``."""
    return (
        rf"(?<![\d.-])(?P<{p}d>[0-3]\d)(?P<{p}h>[0-2]\d)(?P<{p}m>[0-5]\d)(?!\d) ?(?P<{p}z>Z|UTC|UT|GMT)?+"
        r"(?: ?" + _MONTH.format(name=f"{p}mon") + r")?+" + rf"(?: ?(?P<{p}y>20\d\d|\d\d)(?![\d:]))?+"
    )


# Spaces and line breaks around the word: NGA breaks its lines anywhere ("260300Z SEP TO\n   260300Z
# MAY 23" in HYDROLANT 2423/22).
_RANGE_WORD = r"\s*+(?:TO|THRU|THROUGH|UNTIL|TILL|-|ДО|ПО|至|到|〜|~)\s*+"
DTG_RANGE = re.compile(_dtg("a") + rf"(?:{_RANGE_WORD}" + _dtg("b") + r")?+", re.IGNORECASE)
DAY_RANGE = re.compile(
    r"(?<![\d.-])(?P<d1>[0-3]?\d)" + _RANGE_WORD + r"(?P<d2>[0-3]?\d) ++" + _MONTH.format(name="mon")
    + r"(?: ++(?P<y>20\d\d))?+(?![\d])",
    re.IGNORECASE,
)
# Chinese and Japanese dates: 2024年7月15日, 7月15日, 15日, 令和6年6月18日, with a time 0800时 / 08:00 / 8时.
_CJK_DATE = (
    r"(?:(?:(?P<{p}y>20\d\d)|(?P<{p}era>令和|平成)(?P<{p}ey>\d{{1,2}}|元)) ?年 ?)?+"
    r"(?:(?P<{p}mo>1[0-2]|0?[1-9]) ?月 ?)?+(?P<{p}d>[0-3]?\d) ?日"
)
_CJK_TIME = r"(?P<{p}h>[0-2]?\d)[:：]?(?P<{p}mi>[0-5]\d) ?(?:时|時)?|(?P<{p}h2>[0-2]?\d) ?(?:时|時)"
_CJK_POINT = (
    r"(?:" + _CJK_DATE + r"[ ,]?+(?:" + _CJK_TIME + r")?+|"
    + _CJK_TIME.replace("{p}", "{p}t") + ")"
)
CJK_RANGE = re.compile(
    r"(?<![\d])" + _CJK_POINT.format(p="a") + r" *+(?:至|到|-|〜|~|—) *+" + _CJK_POINT.format(p="b")
    + r"|(?<![\d])" + _CJK_DATE.format(p="c")
)
DAILY = re.compile(
    r"(?P<word>DAILY|EACH ++DAY|EVERY ++DAY|ЕЖЕДНЕВНО|每天|每日|毎日)[ (]*+(?:FROM ++|С ++)?+"
    r"(?P<h1>[0-2]\d)[:：]?(?P<m1>[0-5]\d) ?(?P<z1>Z|UTC)?+ ?(?:时|時)?+" + _RANGE_WORD
    + r"(?P<h2>[0-2]\d)[:：]?(?P<m2>[0-5]\d) ?(?P<z2>Z|UTC)?+ ?(?:时|時)?+"
    r"|(?<![\d])(?P<h3>[0-2]\d)(?P<m3>[0-5]\d) ?(?P<z3>Z|UTC)" + _RANGE_WORD
    + r"(?P<h4>[0-2]\d)(?P<m4>[0-5]\d) ?(?P<z4>Z|UTC) ++(?P<after>DAILY|EACH ++DAY)",
    re.IGNORECASE,
)
_CANCEL = re.compile(r"CANCEL|ОТМ|撤销|取消", re.IGNORECASE)
CANCEL_WINDOW = 25
"""A date-time group this many characters after "CANCEL" is the cancellation's time."""
_KANA = re.compile(r"[\u3040-\u30ff]|令和|平成")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SAYS_UTC = re.compile(r"UTC|协调世界时|世界时|\(Z\)", re.IGNORECASE)


@dataclass(frozen=True)
class TimeWindow:
    """When (part of) a warning is in force.

    Attributes
    ----------
    start, end : datetime or None
        First and last moment, timezone-aware in UTC; None when the text gives only a daily
        window, or a date without a year.
    daily : tuple of (str, str) or None
        ``("01:00", "08:00")``: within the period, only these hours of each day, in UTC. An end
        before the start runs past midnight.
    text : str
        The words the window was read from, as written.
    """

    start: datetime | None
    end: datetime | None
    daily: tuple[str, str] | None
    text: str

    def describe(self) -> str:
        """``2024-07-15 00:00 – 2024-07-18 23:59 UTC, daily 01:00–08:00 UTC``, for people."""
        parts = []
        if self.start is not None and self.end is not None:
            parts.append(f"{self.start:%Y-%m-%d %H:%M} – {self.end:%Y-%m-%d %H:%M} UTC")
        if self.daily is not None:
            parts.append(f"daily {self.daily[0]}–{self.daily[1]} UTC")
        return ", ".join(parts) or f"not placed in time ({self.text})"

    def as_properties(self) -> dict[str, str]:
        """Give the window as text properties of a saved region (ISO 8601 in UTC; empty when unknown)."""
        return {
            "valid_from": self.start.isoformat() if self.start else "",
            "valid_to": self.end.isoformat() if self.end else "",
            "daily_utc": "–".join(self.daily) if self.daily else "",
        }


def _year(text: str | None, hint: int | None) -> int | None:
    if not text:
        return hint
    value = int(text)
    return value + 2000 if value < 100 else value


def _at(year: int | None, month: int | None, day: int, hour: int, minute: int, zone) -> datetime | None:
    """Return a moment in UTC, or None when the date is not complete or not a real date (30 FEB)."""
    if year is None or month is None:
        return None
    try:
        if hour == 24:
            return datetime(year, month, day, 0, minute, tzinfo=zone).astimezone(UTC) + timedelta(days=1)
        return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(UTC)
    except ValueError:
        return None


def _local_zone(norm: str) -> tuple[timezone, str]:
    """Return the time zone a text's own times are in, and how that was decided."""
    if _SAYS_UTC.search(norm):
        return UTC, ""
    if _KANA.search(norm) or _HANGUL.search(norm):
        return JAPAN, "read the times as Japan/Korea Standard Time (UTC+9), as these warnings give them"
    if _HAN.search(norm):
        return BEIJING, "read the times as Beijing time (UTC+8), as China MSA warnings give them"
    return UTC, ""


_SERIES_GAP = re.compile(r"[\s,;]*+(?:AND|ALTERNATE|ALSO)?+[\s,;]*+", re.IGNORECASE)
"""What may stand between two ranges of one series: commas, AND, ALTERNATE."""


def _series_months(matches: list[re.Match], norm: str) -> list[tuple[str | None, str | None]]:
    """Give each range without a month the month and year of the range that ends its series.

    NGA gives a series of windows the month once, at its end: "201153Z TO 201622Z, 211128Z TO
    211556Z, … AND 250947Z TO 251416Z APR" (NAVAREA IV 418/23). Walking back from each range
    that has a month, the ranges before it joined only by commas, AND or ALTERNATE take it.
    """
    borrowed: list[tuple[str | None, str | None]] = [(None, None)] * len(matches)
    carry: tuple[str | None, str | None] = (None, None)
    for index in range(len(matches) - 1, -1, -1):
        g = matches[index].groupdict()
        month = g["bmon"] or g["amon"]
        if month:
            carry = (month, g["by"] or g["ay"])
        else:
            borrowed[index] = carry
        if index and _SERIES_GAP.fullmatch(norm, matches[index - 1].end(), matches[index].start()) is None:
            carry = (None, None)
    return borrowed


def _dtg_windows(norm: str, hint: int | None) -> tuple[list[tuple[int, int, TimeWindow]], list[str]]:
    found, warnings = [], []
    matches = list(DTG_RANGE.finditer(norm))
    borrowed = _series_months(matches, norm)
    for match, (series_month, series_year) in zip(matches, borrowed, strict=True):
        g = dict(match.groupdict())
        if g["bd"] is None and g["az"] is None and g["amon"] is None:
            continue  # six digits alone are not a date-time group
        if series_month and g["bd"] is not None:
            g["bmon"], g["by"] = series_month, g["by"] or series_year
        if _CANCEL.search(norm, max(0, match.start() - CANCEL_WINDOW), match.start()):
            continue  # when the warning is cancelled, not when it is in force
        month_b = MONTHS.get((g["bmon"] or "")[:3].upper())
        month_a = MONTHS.get((g["amon"] or "")[:3].upper()) or month_b
        year_b = _year(g["by"], hint)
        year_a = _year(g["ay"], None) or year_b or hint
        if g["ay"] is None and year_b and month_a and month_b and month_a > month_b:
            year_a = year_b - 1  # "260300Z SEP TO 260300Z MAY 23": September of the year before
        if g["az"] is None and g["bz"] is None:
            warnings.append(f"read {match.group(0)!r} as UTC (no time zone given)")
        start = _at(year_a, month_a, int(g["ad"]), int(g["ah"]), int(g["am"]), UTC)
        if g["bd"] is None:
            end = start
        else:
            end = _at(year_b or year_a, month_b or month_a, int(g["bd"]), int(g["bh"]), int(g["bm"]), UTC)
        if start is not None and end is not None and end < start and g["bmon"] is None and month_a:
            end = _at(year_a, month_a % 12 + 1, int(g["bd"]), int(g["bh"]), int(g["bm"]), UTC)
        if start is None or end is None:
            missing = "no year" if month_a else "no month or year"
            warnings.append(f"could not place {match.group(0)!r} in time ({missing})")
            continue
        found.append((match.start(), match.end(), TimeWindow(start, end, None, match.group(0))))
    return found, warnings


def _day_windows(norm: str, hint: int | None) -> tuple[list[tuple[int, int, TimeWindow]], list[str]]:
    found, warnings = [], []
    for match in DAY_RANGE.finditer(norm):
        month = MONTHS[match["mon"][:3].upper()]
        year = _year(match["y"], hint)
        start = _at(year, month, int(match["d1"]), 0, 0, UTC)
        end = _at(year, month, int(match["d2"]), 23, 59, UTC)
        if start is None or end is None or end < start:
            warnings.append(f"could not place {match.group(0)!r} in time (no year)")
            continue
        found.append((match.start(), match.end(), TimeWindow(start, end, None, match.group(0))))
    return found, warnings


def _cjk_point(g: dict, p: str, base: tuple[int | None, int | None, int | None]) -> tuple:
    """(year, month, day, hour, minute) of one side of a CJK range; missing parts from ``base``."""
    if g.get(f"{p}era"):
        year = ERAS[g[f"{p}era"]] + (1 if g[f"{p}ey"] == "元" else int(g[f"{p}ey"]))
    else:
        year = int(g[f"{p}y"]) if g.get(f"{p}y") else base[0]
    month = int(g[f"{p}mo"]) if g.get(f"{p}mo") else base[1]
    day = int(g[f"{p}d"]) if g.get(f"{p}d") else base[2]
    hour = minute = None
    for q in (p, f"{p}t"):
        if g.get(f"{q}h") is not None:
            hour, minute = int(g[f"{q}h"]), int(g[f"{q}mi"])
        elif g.get(f"{q}h2") is not None:
            hour, minute = int(g[f"{q}h2"]), 0
    return year, month, day, hour, minute


def _cjk_windows(
    norm: str, hint: int | None, zone
) -> tuple[list[tuple[int, int, TimeWindow]], list[tuple[int, int, tuple]], list[str]]:
    """Periods, and times of day alone (``07:00〜17:00`` after a date range: a daily window)."""
    found, hours, warnings = [], [], []
    last: tuple[int | None, int | None, None] = (hint, None, None)
    for match in CJK_RANGE.finditer(norm):
        g = match.groupdict()
        if g["cd"] is not None:  # a single date
            year, month, day, _, _ = _cjk_point(g, "c", last)
            start, end = _at(year, month, day, 0, 0, zone), _at(year, month, day, 23, 59, zone)
        else:
            if g["ad"] is None and g["bd"] is None:
                first, second = _cjk_point(g, "a", last), _cjk_point(g, "b", last)
                hours.append((match.start(), match.end(), (first[3], first[4], second[3], second[4])))
                continue
            first = _cjk_point(g, "a", last)
            second = _cjk_point(g, "b", first[:3])
            start = _at(*first[:3], first[3] or 0, first[4] or 0, zone) if first[2] else None
            if second[3] is None:
                end = _at(*second[:3], 23, 59, zone) if second[2] else None
            else:
                end = _at(*second[:3], second[3], second[4], zone) if second[2] else None
        if start is None or end is None or end < start:
            warnings.append(f"could not place {match.group(0)!r} in time (no year or month)")
            continue
        local = start.astimezone(zone)
        last = (local.year, local.month, None)
        found.append((match.start(), match.end(), TimeWindow(start, end, None, match.group(0))))
    return found, hours, warnings


def _utc_hours(h1: int, m1: int, h2: int, m2: int, in_utc: bool, zone) -> tuple[str, str] | None:
    """Return a daily window in UTC ``("01:00", "08:00")``; None for the whole day or impossible times."""
    times = []
    for hour, minute in ((h1, m1), (h2, m2)):
        if hour > 24 or (hour == 24 and minute):
            return None
        offset = timedelta(0) if in_utc else zone.utcoffset(None)
        moment = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(hours=hour, minutes=minute) - offset
        times.append(f"{moment:%H:%M}")
    return None if times[0] == times[1] else (times[0], times[1])


def _daily(norm: str, zone) -> list[tuple[int, int, tuple[str, str] | None]]:
    found = []
    for match in DAILY.finditer(norm):
        if match["word"]:
            h1, m1, h2, m2 = match["h1"], match["m1"], match["h2"], match["m2"]
            in_utc = bool(match["z1"] or match["z2"]) or zone is UTC
        else:
            h1, m1, h2, m2 = match["h3"], match["m3"], match["h4"], match["m4"]
            in_utc = True
        found.append((match.start(), match.end(), _utc_hours(int(h1), int(m1), int(h2), int(m2), in_utc, zone)))
    return found


def read_times(norm: str, year_hint: int | None = None) -> tuple[list[tuple[int, int, TimeWindow]], list[str]]:
    """Every valid period and daily window of a normalised notice text, left to right.

    Parameters
    ----------
    norm : str
        The text as :mod:`geodata.notices` normalises it (full-width digits and punctuation
        made ASCII, one character for one).
    year_hint : int, optional
        Year of the warning's number, used for dates written without a year.

    Returns
    -------
    windows : list of (start, end, TimeWindow)
        Spans in the text and the windows read there. A daily window is joined to the period
        nearest before it (or the first period, when none is before); one with no period is
        kept alone. A window of the whole day (``0000〜2400``) is no restriction.
    warnings : list of str
        Assumptions made (time zone, year) and dates that could not be placed.
    """
    zone, zone_note = _local_zone(norm)
    dtg, warnings = _dtg_windows(norm, year_hint)
    days, day_warnings = _day_windows(norm, year_hint)
    cjk, hours, cjk_warnings = (
        _cjk_windows(norm, year_hint, zone) if zone is not UTC or _HAN.search(norm) else ([], [], [])
    )
    warnings += day_warnings + cjk_warnings
    kept: list[tuple[int, int, TimeWindow]] = []
    for window in sorted(dtg + days + cjk, key=lambda w: (w[0], -w[1])):
        if not kept or window[0] >= kept[-1][1]:  # overlapping readings of the same words: the longest
            kept.append(window)
    dailies = _daily(norm, zone)
    for start, end, (h1, m1, h2, m2) in hours:  # times of day alone, after a date: a daily window
        if not any(s <= start < e for s, e, _ in dailies) and None not in (h1, m1, h2, m2):
            dailies.append((start, end, _utc_hours(h1, m1, h2, m2, zone is UTC, zone)))
    dailies = [d for d in dailies if not any(s <= d[0] < e for s, e, _ in kept)]
    for start, end, daily in sorted(dailies, key=lambda d: d[0]):
        before = [i for i, w in enumerate(kept) if w[0] < start]
        index = before[-1] if before else (0 if kept else None)
        if index is None:
            if daily is not None:
                kept.append((start, end, TimeWindow(None, None, daily, norm[start:end])))
            continue
        s, e, window = kept[index]
        if daily is not None:
            kept[index] = (s, e, TimeWindow(window.start, window.end, daily, f"{window.text} … {norm[start:end]}"))
    if kept and zone_note and (cjk or dailies):
        warnings.append(zone_note)
    return sorted(kept, key=lambda w: w[0]), warnings
