"""Dates as documents and trackers print them: one parser for metadata and the tracker.

Two entry points share the month names, the printed forms and how a date is built:

* :func:`find_date` finds the first date in running text (a report's title block, a
  "Published:" label).  Month names must be capitalised there ("May 2020", not the
  modal "may") and years have four digits.
* :func:`parse_date` reads a whole value that is meant to be a date (a tracker's due
  date cell): also Excel serials, two-digit years ("31-03-22", "Mar-23"), "03/2023",
  "Q1 2023" and a bare year; it raises ValueError for text that is no date.

Numeric dates are day first (UK).  A date printed without a day needs a choice, and the
caller makes it explicitly with ``month_only``: ``"first"`` for the date of a document
("April 2023" -> 1 April: the document existed from then), ``"last"`` for a due date
("by March 2024" -> 31 March: the action is not late until the month is over).  A
quarter or a bare year follows the same choice.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Literal

MonthOnly = Literal["first", "last"]

_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Full names, three-letter abbreviations and "sept" -> month number (English, whatever the locale).
MONTHS = {
    **{n: i for i, n in enumerate(_NAMES, 1)},
    **{n[:3]: i for i, n in enumerate(_NAMES, 1)},
    "sept": 9,
}

MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
ORDINAL = r"(?:st|nd|rd|th)?"
# One date in running text, most specific first; named groups say which form matched.
DATE_PATTERN = (
    rf"(?:(?P<d>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<m>{MONTH_NAME}),?\s+(?P<y>\d{{4}})"
    rf"|(?P<m2>{MONTH_NAME})\s+(?P<d2>\d{{1,2}}){ORDINAL},?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})"
    rf"|(?P<d4>\d{{1,2}})[/.](?P<m4>\d{{1,2}})[/.](?P<y4>\d{{4}})"
    rf"|(?P<m5>{MONTH_NAME})\s+(?P<y5>\d{{4}}))"
)
DATE_RE = re.compile(rf"(?<![\w/.-]){DATE_PATTERN}(?![\w/-])")

EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (10000, 80000)  # 1927 .. 2119
_NO_DATE = re.compile(
    r"^(n/?a|tbc|tbd|ongoing|on going|continuous|asap|immediate(ly)?|"
    r"none|-+|various|quarterly|monthly|annually|annual|termly|weekly|"
    r"complete|completed|see (above|below|update)|\?+)$"
)


def month_number(name: str | int) -> int | None:
    """1-12 for a month's number or English name ("Sept.", "nov", 11); None otherwise."""
    text = str(name).strip().lower().rstrip(".")
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    return MONTHS.get(text)


def make_year(year: str | int) -> int:
    """A four-digit year from a printed one ("22" -> 2022)."""
    y = int(year)
    return y + 2000 if y < 100 else y


def make_date(
    year: str | int, month: str | int, day: str | int | None, *, month_only: MonthOnly
) -> dt.date | None:
    """The date, or None when it does not exist ("31/02/2017").  Two-digit years are 20xx;
    ``day=None`` is the first or the last day of the month, as *month_only* says."""
    number = month_number(month)
    if number is None:
        return None
    y = make_year(year)
    if day is None:
        day = 1 if month_only == "first" else calendar.monthrange(y, number)[1]
    try:
        return dt.date(y, number, int(day))
    except ValueError:
        return None


def date_from_match(m: re.Match[str], *, month_only: MonthOnly) -> dt.date | None:
    """The date a :data:`DATE_RE` match printed."""
    g = m.groupdict()
    for d, mo, y in (("d", "m", "y"), ("d2", "m2", "y2"), ("d3", "m3", "y3"), ("d4", "m4", "y4")):
        if g.get(y):
            return make_date(g[y], g[mo], g[d], month_only=month_only)
    return make_date(g["y5"], g["m5"], None, month_only=month_only) if g.get("y5") else None


def find_date(text: str, *, month_only: MonthOnly) -> dt.date | None:
    """The first date printed in *text* ("12 June 2017", "12/06/2017", "June 2017", ...)."""
    for m in DATE_RE.finditer(text):
        if day := date_from_match(m, month_only=month_only):
            return day
    return None


def parse_date(value: Any, *, month_only: MonthOnly) -> dt.date | None:
    """A date from a whole value: date/datetime, Excel serial, or text.

    Returns None for empty values and non-dates people write on purpose ("Ongoing",
    "TBC", "N/A"); raises ValueError for text that looks like neither.

    >>> parse_date("31-03-22", month_only="last"), parse_date("March 2023", month_only="last")
    (datetime.date(2022, 3, 31), datetime.date(2023, 3, 31))
    >>> parse_date("March 2023", month_only="first"), parse_date(44651, month_only="last")
    (datetime.date(2023, 3, 1), datetime.date(2022, 3, 31))
    """
    first = month_only == "first"
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1990 <= value <= 2100 and float(value).is_integer():  # a bare year
            return dt.date(int(value), 1, 1) if first else dt.date(int(value), 12, 31)
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValueError(f"number {value!r} is not a date")
    text = " ".join(str(value).split()).strip()
    if not text:
        return None
    low = text.lower().strip(" .")
    low = re.sub(r"^(by|due|end of|end|before|no later than|target:?|w/?c)\s+", "", low)
    low = re.sub(r"\s*\(.*\)$", "", low)
    if _NO_DATE.match(low):
        return None
    if re.fullmatch(r"\d{5}(\.\d+)?", low):
        return parse_date(float(low), month_only=month_only)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?", low)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", low)
    if m:
        d, mo = int(m[1]), int(m[2])
        if mo > 12 and d <= 12:  # clearly month/day/year
            d, mo = mo, d
        if (day := make_date(m[3], mo, d, month_only=month_only)) is None:
            raise ValueError(f"'{text}' is not a date")
        return day
    m = re.fullmatch(
        r"(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+(?:of\s+)?([a-z]+)\.?,?[\s\-/]+(\d{2}|\d{4})", low
    )
    if m and m[2] in MONTHS:
        return dt.date(make_year(m[3]), MONTHS[m[2]], int(m[1]))
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", low)
    if m and m[1] in MONTHS:
        return dt.date(int(m[3]), MONTHS[m[1]], int(m[2]))
    m = re.fullmatch(r"([a-z]+)\.?[\s\-/,]+(\d{2}|\d{4})", low) or re.fullmatch(
        r"(\d{1,2})[/\-](\d{4})", low
    )
    if m and (day := make_date(m[2], m[1], None, month_only=month_only)):
        return day
    m = re.fullmatch(r"q([1-4])\s*(\d{4})", low) or re.fullmatch(r"(\d{4})\s*q([1-4])", low)
    if m:
        q, y = (int(m[1]), int(m[2])) if low.startswith("q") else (int(m[2]), int(m[1]))
        return make_date(y, 3 * q - 2 if first else 3 * q, None, month_only=month_only)
    m = re.fullmatch(r"(\d{4})", low)
    if m and 1990 <= int(m[1]) <= 2100:
        return dt.date(int(m[1]), 1, 1) if first else dt.date(int(m[1]), 12, 31)
    raise ValueError(f"'{text}' is not a date this reader knows")
