"""Write rows as CSV, JSON Lines, JSON or XLSX.

Spreadsheet cells that would run as formulas (starting with =, +, -, @, tab or
carriage return) are prefixed with a quote, so a hostile document cannot turn
an export into an attack on the person who opens it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Make a cell value safe for a spreadsheet."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    """A value for one spreadsheet cell, readable by people: lists joined with "; ",
    mappings as "key: value" pairs (never a Python or JSON structure).

    >>> _cell({"Overall": "Good", "years": [2019, 2020]})
    'Overall: Good; years: 2019, 2020'
    """
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_inner(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(str(_inner(v)) for v in value)
    return value


def _inner(value: Any) -> Any:
    if isinstance(value, dict):
        return ", ".join(f"{k} {_inner(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_inner(v)) for v in value)
    return value


def write_jsonl(rows: Sequence[dict[str, Any]], out: TextIO) -> None:
    out.writelines(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n" for row in rows)


def write_csv(
    rows: Sequence[dict[str, Any]], out: TextIO, columns: Sequence[str] | None = None
) -> None:
    cols = list(columns or (rows[0].keys() if rows else []))
    # CRLF (RFC 4180) also makes the writer quote any cell holding a bare "\r".
    w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\r\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: neutralise(_cell(row.get(k))) for k in cols})


def write_xlsx(sheets: Mapping[str, Sequence[dict[str, Any]]], path: Path) -> None:
    """One worksheet per entry; header row bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(title=name[:31])
        cols = list(rows[0].keys()) if rows else []
        ws.append(cols)
        for c in ws[1]:
            c.font = Font(bold=True)
        for row in rows:
            ws.append([neutralise(_cell(row.get(k))) for k in cols])
        ws.freeze_panes = "A2"
        for i, col in enumerate(cols, start=1):
            width = min(
                80,
                max([len(str(col))] + [len(str(_cell(r.get(col)) or "")) for r in rows[:200]]) + 2,
            )
            ws.column_dimensions[ws.cell(1, i).column_letter].width = width
    wb.save(path)


def render(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    out: TextIO,
    xlsx_path: Path | None = None,
    sheet: str = "data",
    columns: Sequence[str] | None = None,
) -> None:
    """Write *rows* in *fmt* (csv, jsonl, json, xlsx) to *out* or *xlsx_path*.

    *columns* fixes the CSV header, so an empty result still has one.
    """
    if fmt == "jsonl":
        write_jsonl(rows, out)
    elif fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        write_csv(rows, out, columns)
    elif fmt == "xlsx":
        if xlsx_path is None:
            raise ValueError("xlsx needs an output file")
        write_xlsx({sheet: rows}, xlsx_path)
    else:
        raise ValueError(f"unknown format {fmt}")


def to_string(rows: Sequence[dict[str, Any]], fmt: str) -> str:
    buf = io.StringIO()
    render(rows, fmt, buf)
    return buf.getvalue()
