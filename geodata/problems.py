"""Problems found in data files, each naming the file, the row or feature and the field."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in a data file.

    Parameters
    ----------
    file : str
        File name as the curator knows it, e.g. ``exercises.csv``.
    row : str
        Where in the file: ``line 7`` for CSV (the line number an editor shows),
        ``feature 3 (sea_of_japan)`` for GeoJSON, or ``""`` for the whole file.
    field : str
        Column or property name, or ``""`` when the problem is not about one field.
    message : str
        What is wrong, in plain words, quoting the offending value.
    severity : {"error", "warning"}
        An error drops the row (the rest of the file still loads); a warning keeps it
        (for instance, a geometry that was repaired).
    """

    file: str
    row: str
    field: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.file, self.row) if part)
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class DataError(Exception):
    """A data file could not be used at all (missing, unreadable, wrong columns)."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


def quote(value: object, limit: int = 60) -> str:
    """Quote a value for a message, shortened so hostile or huge input stays readable.

    Parameters
    ----------
    value : object
        The offending value.
    limit : int, default 60
        Longest quoted text; longer values are cut with an ellipsis and their length given.

    Returns
    -------
    str
        ``repr``-style quoted text, safe to show in any message.
    """
    text = str(value)
    if len(text) > limit:
        return repr(text[:limit]) + f"… ({len(text)} characters)"
    return repr(text)
