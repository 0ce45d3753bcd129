"""Read a partnership's action tracker (XLSX or CSV) into :class:`TrackerAction` rows.

Trackers are kept by people, not programs, so the reader expects mess:

* the header row need not be the first (title and key rows above it): the row
  that names most known columns within the first 40 rows wins;
* merged cells (a recommendation merged over its three action rows, a banner
  row such as "Serious Case Review: Child D" merged across the table) are
  filled with their top-left value; a banner row sets the review for the rows
  below it;
* every sheet is read unless one is named; sheets with no recognisable header
  (a "Key" sheet) are skipped with a warning;
* CSV may be UTF-8 (with or without BOM) or Windows-1252, separated by commas,
  semicolons or tabs;
* due dates may be date cells, Excel serial numbers, or text ("31/03/2022",
  "31-03-22", "31 March 2022", "2022-03-31", "March 2023"): numeric dates are
  read day first (UK); a month without a day means the END of that month (a
  target "March 2023" is met by 31 March 2023), a bare year its 31 December,
  "Q1 2023" the end of that calendar quarter;
* free-text status is normalised to one of :data:`STATUSES` (see
  :func:`normalise_status`).

Columns are found by their header names (:data:`HEADER_NAMES`) unless mapped
explicitly (``Config.tracker_columns`` or ``--map "Col Name=field"``).  Every
action keeps its sheet and row (the spreadsheet's 1-based row; for CSV the
record number, which is the row a spreadsheet shows) for citation.  Rows that
cannot be read fully are kept with a warning naming file, sheet, row and
column; fatal problems raise :class:`TrackerError`.

Example::

    result = read_tracker("tracker.xlsx")
    result.actions[0].action_id, result.actions[0].status_norm
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import dates
from ..errors import TrackerError
from ..types import TrackerAction

if TYPE_CHECKING:
    from ..store import Store

FIELDS = (
    "action_id",
    "review",
    "rec_number",
    "recommendation",
    "action",
    "owner",
    "due_date",
    "status",
    "evidence",
)
STATUSES = ("complete", "on_track", "at_risk", "overdue", "not_started", "unknown")
STATUS_LABELS = {
    "complete": "Complete",
    "on_track": "On track",
    "at_risk": "At risk",
    "overdue": "Overdue",
    "not_started": "Not started",
    "unknown": "Status not given",
}  # words for people; machine outputs keep ids
IGNORE = "ignore"  # map a column to this to leave it out

# Header names by field, normalised (lower case, letters/digits/spaces).  An exact
# match scores 3, a header starting with a name 2, containing it 1.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "action_id": (
        "ref",
        "reference",
        "ref no",
        "id",
        "action id",
        "action no",
        "action number",
        "action ref",
        "no",
        "number",
        "item no",
    ),
    "review": (
        "review",
        "source",
        "case",
        "review name",
        "source of recommendation",
        "inspection",
        "report",
        "origin",
        "review source",
        "source review",
        "learning from",
    ),
    "rec_number": (
        "rec no",
        "rec number",
        "recommendation no",
        "recommendation number",
        "rec ref",
        "recommendation ref",
        "para",
        "paragraph",
    ),
    "recommendation": (
        "recommendation",
        "recommendations",
        "finding",
        "findings",
        "learning",
        "area for improvement",
        "areas for improvement",
        "what needs to improve",
        "issue",
        "ofsted recommendation",
        "recommendation finding",
        "learning point",
        "improvement area",
    ),
    "action": (
        "action",
        "actions",
        "agreed action",
        "agreed actions",
        "action to be taken",
        "actions to be taken",
        "what we will do",
        "planned action",
        "actions required",
        "improvement action",
        "action required",
        "response",
        "activity",
    ),
    "owner": (
        "owner",
        "lead",
        "lead agency",
        "lead officer",
        "responsible",
        "responsible officer",
        "action owner",
        "accountable",
        "by whom",
        "lead person",
        "responsible agency",
        "agency",
    ),
    "due_date": (
        "due date",
        "due",
        "target date",
        "deadline",
        "timescale",
        "by when",
        "target",
        "date due",
        "completion date",
        "target completion date",
        "timescales",
        "due by",
    ),
    "status": (
        "status",
        "rag",
        "rag rating",
        "rag status",
        "progress",
        "brag",
        "bragg",
        "current status",
        "rag rating status",
        "progress rag",
        "complete",
        "percent complete",
        "completion",
        "done",
    ),
    "evidence": (
        "evidence",
        "impact",
        "update",
        "progress update",
        "evidence of impact",
        "comments",
        "notes",
        "outcome",
        "evidence impact",
        "update on progress",
        "evidence of completion",
        "measure of success",
        "latest update",
    ),
}
# A header that names the action *number* is the id, not the text.
_ID_WORDS = re.compile(r"^(action|item)\s*(no|number|ref|id)$")
HEADER_SCAN_ROWS = 40


@dataclass(frozen=True)
class TrackerImport:
    """What reading one tracker file produced."""

    file: str
    actions: tuple[TrackerAction, ...]
    sheets: tuple[tuple[str, int], ...]  # (sheet, actions read) in workbook order
    columns: dict[str, dict[str, str]]  # sheet -> field -> header used
    warnings: tuple[str, ...] = ()


# ----------------------------------------------------------------------------- text helpers


def _norm_header(text: str) -> str:
    t = text.lower().replace("&", " and ").replace("/", " ")
    t = re.sub(r"\(.*?\)", " ", t) if re.sub(r"\(.*?\)", "", t).strip() else t
    return " ".join(re.findall(r"[a-z0-9]+", t))


def _cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).replace("\u00a0", " ").split())


# ----------------------------------------------------------------------------- status

_NEG_COMPLETE = re.compile(
    r"\b(?:(?:not|un|in)\s*-?\s*(?:yet\s+)?|"
    r"(?:partially|partly|part|nearly|almost)[\s-]+)"
    r"(?:complete|completed|finished)\b"
)
_STATUS_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "complete",
        re.compile(
            r"\b(complete|completed|closed|done|achieved|implemented|"
            r"signed off|finished|blue|embedded|fully met)\b"
        ),
    ),
    (
        "overdue",
        re.compile(
            r"\b(overdue|red|off track|off-track|missed|not met|late|"
            r"past due|expired)\b"
        ),
    ),
    (
        "at_risk",
        re.compile(
            r"\b(amber|at risk|delayed|delay|slipped|slipping|slippage|behind|"
            r"some concerns?|concern|risk)\b"
        ),
    ),
    (
        "not_started",
        re.compile(
            r"\b(not started|not yet started|not commenced|not begun|"
            r"to start|pending|planned|yet to start|new|awaiting start)\b"
        ),
    ),
    (
        "on_track",
        re.compile(
            r"\b(green|on track|on-track|ongoing|on going|in progress|"
            r"progressing|underway|under way|started|partially|partly|"
            r"part complete|active|open|in hand)\b"
        ),
    ),
)
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")


def normalise_status(text: str | None) -> str:
    """Map free-text status to one of :data:`STATUSES`.

    Precedence: an explicit completion word (not negated) > overdue/red >
    at risk/amber > not started > on track/green/ongoing > a percentage
    (100% complete, 0% not started, otherwise on track).  "Not complete",
    "incomplete" and "partially complete" alone count as on track.  Green means
    on track (BRAG trackers use Blue for complete).

    >>> [normalise_status(s) for s in ("Completed", "Amber", "75%", "Not started", "")]
    ['complete', 'at_risk', 'on_track', 'not_started', 'unknown']
    """
    if text is None:
        return "unknown"
    t = " ".join(str(text).lower().replace("_", " ").split())
    if not t:
        return "unknown"
    negated = bool(_NEG_COMPLETE.search(t))
    t_pos = _NEG_COMPLETE.sub(" ", t)
    pct = _PERCENT.search(t)
    value = float(pct.group(1)) if pct else None
    if value is not None and value >= 100 and not negated:
        return "complete"
    for status, pattern in _STATUS_RULES:
        if status == "complete" and negated and not pattern.search(t_pos):
            continue
        if pattern.search(t_pos):
            return status
    if value is not None:
        return "not_started" if value == 0 else "on_track"
    if negated:
        return "on_track"
    return "unknown"


def action_state(status_norm: str | None, due_date: str | None, today: dt.date | str) -> str:
    """An action's state on *today*: the one rule for "complete" and "overdue".

    Complete when the tracker says so (:func:`normalise_status`); otherwise
    overdue when the due date has passed or the tracker says overdue/red;
    otherwise the normalised status (on_track, at_risk, not_started, unknown).

    >>> action_state("on_track", "2020-01-31", "2024-01-01")
    'overdue'
    >>> action_state("complete", "2020-01-31", "2024-01-01")
    'complete'
    >>> action_state("at_risk", "2030-01-31", "2024-01-01")
    'at_risk'
    """
    norm = status_norm if status_norm in STATUSES else "unknown"
    if norm == "complete":
        return "complete"
    day = today.isoformat() if isinstance(today, dt.date) else str(today)[:10]
    if (due_date and due_date[:10] < day) or norm == "overdue":
        return "overdue"
    return norm


# ----------------------------------------------------------------------------- dates


def parse_date(value: Any) -> dt.date | None:
    """A due date from a cell (see :func:`reviewmine.dates.parse_date`): a month without a
    day, a quarter or a bare year means its END, since an action due "by March 2024" is
    not late before the month is over.

    >>> parse_date("31-03-22"), parse_date("March 2023"), parse_date(44651)
    (datetime.date(2022, 3, 31), datetime.date(2023, 3, 31), datetime.date(2022, 3, 31))
    """
    return dates.parse_date(value, month_only="last")


# ----------------------------------------------------------------------------- sheets


@dataclass
class _Sheet:
    name: str
    rows: list[list[Any]]  # cell values; row i is spreadsheet row i+1
    banner_rows: set[int] = field(default_factory=set)  # 0-based rows merged across the table
    problems: list[str] = field(default_factory=list)  # rows that could not be read (skipped)


def _read_xlsx(path: Path) -> list[_Sheet]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # zip errors, bad XML, wrong format...
        raise TrackerError(
            f"cannot open the workbook ({type(exc).__name__}: {exc})",
            path=path,
            hint="save it again as .xlsx, or export the sheet as CSV",
        ) from exc
    sheets: list[_Sheet] = []
    for ws in wb.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        width = max((len(r) for r in rows), default=0)
        banners: set[int] = set()
        for rng in ws.merged_cells.ranges:
            top = rows[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= len(rows) else None
            for r in range(rng.min_row, min(rng.max_row, len(rows)) + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    rows[r - 1][c - 1] = top
            if rng.min_row == rng.max_row and rng.max_col - rng.min_col + 1 >= max(3, width - 1):
                banners.add(rng.min_row - 1)
        sheets.append(_Sheet(ws.title, rows, banners))
    return sheets


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (BOM or not), else Windows-1252, else Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined
        return data.decode("latin-1"), "latin-1"


def _guess_delimiter(text: str) -> str:
    """The separator that splits most sample rows into the same number of fields.

    (csv.Sniffer is thrown by title lines above the header.)
    """
    sample = text[:20000]
    best, best_score = ",", 0
    for delim in (",", ";", "\t", "|"):
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delim))[:60]
        except csv.Error:
            continue
        widths = Counter(len(r) for r in rows if len(r) > 1)
        if not widths:
            continue
        width, freq = widths.most_common(1)[0]
        score = freq * min(width, 30)
        if score > best_score:
            best, best_score = delim, score
    return best


def _read_csv(path: Path) -> list[_Sheet]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TrackerError(f"cannot read the file ({exc.strerror})", path=path) from exc
    text, _ = decode_csv_bytes(data)
    delimiter = _guess_delimiter(text)
    rows, problems = csv_records(text, delimiter)
    return [
        _Sheet(
            path.stem,
            [[c if c.strip() else None for c in r] for r in rows],
            problems=[f"{path.name}, line {p}" for p in problems],
        )
    ]


MAX_CELL_LINES = 30  # a quoted cell may span lines, but not more than this


def csv_records(text: str, delimiter: str = ",") -> tuple[list[list[str]], list[str]]:
    r"""CSV rows with row i on physical line i+1 (a cell spanning lines leaves empty rows
    after it), and the problems of rows that were skipped.

    A quote that is never closed would otherwise swallow the following rows into one
    mangled cell: a row whose quoted cell runs past the end of the file, past
    MAX_CELL_LINES lines, or into lines that are whole rows themselves is skipped with a
    problem ("3: a quote is not closed ...") and reading starts again on the next line.

    >>> rows, problems = csv_records('a,b\n1,"x\n2,y\n3,z\n')
    >>> rows[2:], problems
    ([['2', 'y'], ['3', 'z']], ['2: a quote is not closed; row skipped'])
    """
    lines = text.splitlines(keepends=True)

    def parse(chunk: str) -> list[str] | None:
        try:
            got = list(csv.reader(io.StringIO(chunk, newline=""), delimiter=delimiter))
        except csv.Error:
            return None
        return got[0] if len(got) == 1 else ([] if not got else None)

    single = [parse(line) for line in lines]
    widths = Counter(len(r) for r in single if r and len(r) > 1)
    width = widths.most_common(1)[0][0] if widths else 0
    rows: list[list[str]] = []
    problems: list[str] = []
    i = 0
    while i < len(lines):
        chunk, j = lines[i], i
        while chunk.count('"') % 2 and j + 1 < len(lines) and j - i < MAX_CELL_LINES:
            j += 1
            chunk += lines[j]
        rec = parse(chunk) if not chunk.count('"') % 2 else None
        swallowed = (
            j > i
            and width > 1
            and any(
                (r := single[k]) is not None and len(r) >= width and '"' not in lines[k]
                for k in range(i + 1, j + 1)
            )
        )
        if rec is None or (j > i and (swallowed or (width and len(rec) != width))):
            problems.append(f"{i + 1}: a quote is not closed; row skipped")
            rows.append([])
            i += 1
            continue
        rows.append(rec)
        rows.extend([] for _ in range(j - i))
        i = j + 1
    return rows, problems


# ----------------------------------------------------------------------------- headers


def _header_scores(header: str) -> dict[str, int]:
    h = _norm_header(header)
    out: dict[str, int] = {}
    if not h:
        return out
    for fld, names in HEADER_NAMES.items():
        best = 0
        for name in names:
            if h == name:
                best = 3
            elif best < 2 and (h.startswith(name + " ") or h.endswith(" " + name)):
                best = 2
            elif best < 1 and f" {name} " in f" {h} ":
                best = 1
        if best:
            out[fld] = best
    if _ID_WORDS.match(h):
        out = {"action_id": 3}
    return out


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """``["Col Name=field", ...]`` -> ``{"Col Name": "field"}``; TrackerError if malformed."""
    out: dict[str, str] = {}
    for pair in pairs:
        col, sep, fld = pair.rpartition("=")
        if not sep or not col.strip() or not fld.strip():
            raise TrackerError(
                f"--map '{pair}' is not 'Column header=field'",
                hint=f"fields: {', '.join(FIELDS)}, {IGNORE}",
            )
        out[col.strip()] = fld.strip()
    return out


def _check_mapping(mapping: Mapping[str, str]) -> dict[str, str]:
    norm: dict[str, str] = {}
    for col, fld in mapping.items():
        f = fld.strip().lower()
        if f not in FIELDS and f != IGNORE:
            raise TrackerError(
                f"column mapping '{col}={fld}': unknown field '{fld}'",
                hint=f"fields: {', '.join(FIELDS)}, {IGNORE}",
            )
        norm[_norm_header(col) or col.strip().lower()] = f
    return norm


def _assign_columns(header: Sequence[Any], mapping: dict[str, str]) -> tuple[dict[str, int], int]:
    """field -> column index for one candidate header row, and the row's score."""
    cols: dict[str, int] = {}
    taken: set[int] = set()
    score = 0
    for i, v in enumerate(header):
        h = _norm_header(_cell_text(v))
        if h and h in mapping:
            taken.add(i)
            if mapping[h] != IGNORE and mapping[h] not in cols:
                cols[mapping[h]] = i
                score += 4
    cands: list[tuple[int, int, str]] = []
    for i, v in enumerate(header):
        if i in taken or v is None or isinstance(v, (int, float, dt.date)):
            continue
        text = _cell_text(v)
        if len(text) > 60:
            continue
        for fld, s in _header_scores(text).items():
            cands.append((-s, i, fld))
    for neg, i, fld in sorted(cands):
        if fld in cols or i in taken:
            continue
        if -neg < 2 and fld in ("action_id",):
            continue
        cols[fld] = i
        taken.add(i)
        score += -neg
    return cols, score


def _find_header(sheet: _Sheet, mapping: dict[str, str]) -> tuple[int, dict[str, int]] | None:
    best: tuple[int, int, dict[str, int]] | None = None
    for r, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        if r in sheet.banner_rows:
            continue
        cols, score = _assign_columns(row, mapping)
        if ("action" not in cols and "recommendation" not in cols) or len(cols) < 2:
            continue
        if best is None or score > best[1]:
            best = (r, score, cols)
    return (best[0], best[2]) if best else None


# ----------------------------------------------------------------------------- reading


def read_tracker(
    path: str | Path, *, sheet: str | None = None, mapping: Mapping[str, str] | None = None
) -> TrackerImport:
    """Read every sheet (or *sheet*) of a tracker file into actions.

    *mapping* maps header text to a field name (:data:`FIELDS`, or ``"ignore"``);
    unmapped columns are found by their header names.  Raises TrackerError when
    nothing can be read; row-level problems become warnings.
    """
    p = Path(path)
    if not p.is_file():
        raise TrackerError("no such tracker file", path=p)
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        sheets = _read_xlsx(p)
    elif suffix in (".csv", ".txt", ".tsv"):
        sheets = _read_csv(p)
    elif suffix == ".xls":
        raise TrackerError(
            "old-style .xls workbooks are not supported",
            path=p,
            hint="open it in Excel or LibreOffice and save it as .xlsx or .csv",
        )
    else:
        raise TrackerError(
            f"unsupported tracker format '{suffix or p.name}'", path=p, hint="use .xlsx or .csv"
        )
    norm_map = _check_mapping(mapping or {})
    if sheet is not None:
        chosen = [s for s in sheets if s.name == sheet] or [
            s for s in sheets if s.name.lower() == sheet.lower()
        ]
        if not chosen:
            raise TrackerError(
                f"no sheet named '{sheet}'",
                path=p,
                hint=f"sheets: {', '.join(s.name for s in sheets)}",
            )
        sheets = chosen
    warnings: list[str] = []
    actions: list[TrackerAction] = []
    per_sheet: list[tuple[str, int]] = []
    columns: dict[str, dict[str, str]] = {}
    for sh in sheets:
        where = f"{p.name}, sheet '{sh.name}'"
        warnings.extend(sh.problems)
        if not any(any(_cell_text(c) for c in row) for row in sh.rows):
            warnings.append(f"{where}: the sheet is empty; skipped")
            continue
        found = _find_header(sh, norm_map)
        if found is None:
            msg = (
                f"{where}: no header row with recognisable columns in the first "
                f"{HEADER_SCAN_ROWS} rows (looked for e.g. 'Action', 'Recommendation', "
                "'Owner', 'Due date', 'Status')"
            )
            if sheet is not None or len(sheets) == 1:
                raise TrackerError(
                    msg.split(": ", 1)[1],
                    path=p,
                    hint='name the columns with --map "Header=field" '
                    f"(fields: {', '.join(FIELDS)})",
                )
            warnings.append(msg + "; skipped")
            continue
        header_row, cols = found
        header = sh.rows[header_row]
        columns[sh.name] = {
            f: _cell_text(header[i]) for f, i in sorted(cols.items(), key=lambda x: x[1])
        }
        for h, f in norm_map.items():
            if f != IGNORE and f not in cols:
                warnings.append(
                    f"{where}: mapped column '{h}' ({f}) not found in the header "
                    f"row {header_row + 1}"
                )
        got = _read_rows(p, sh, header_row, cols, warnings)
        actions.extend(got)
        per_sheet.append((sh.name, len(got)))
    if not actions:
        raise TrackerError(
            "no actions could be read from the tracker",
            path=p,
            hint="; ".join(warnings)
            if warnings
            else "check that it has a header row and rows of actions",
        )
    _check_duplicates(p.name, actions, warnings)
    return TrackerImport(
        file=p.name,
        actions=tuple(actions),
        sheets=tuple(per_sheet),
        columns=columns,
        warnings=tuple(warnings),
    )


def _read_rows(
    p: Path, sh: _Sheet, header_row: int, cols: dict[str, int], warnings: list[str]
) -> list[TrackerAction]:
    header = sh.rows[header_row]
    names = [_cell_text(h) or f"column {_col_letter(i)}" for i, h in enumerate(header)]
    header_norm = [_norm_header(_cell_text(h)) for h in header]
    out: list[TrackerAction] = []
    banner: str | None = None
    for r in range(header_row + 1, len(sh.rows)):
        row = sh.rows[r]
        texts = [_cell_text(c) for c in row]
        if not any(texts):
            continue
        nonempty = {t for t in texts if t}
        lone_first = (
            len(row) > 2
            and bool(texts[0])
            and not any(texts[1:])
            and 0 not in (cols.get("action"), cols.get("recommendation"))
        )
        if r in sh.banner_rows or lone_first:
            banner = next(iter(nonempty))
            continue
        if [_norm_header(t) for t in texts[: len(header_norm)]] == header_norm:
            continue  # header repeated (printed trackers)

        cells = {f: (row[i] if i < len(row) else None) for f, i in cols.items()}
        text = {f: _cell_text(v) or None for f, v in cells.items()}
        action, rec = text.get("action"), text.get("recommendation")
        rownum = r + 1
        where = f"{p.name}, sheet '{sh.name}', row {rownum}"
        if not action and not rec:
            warnings.append(f"{where}: no action or recommendation text; row skipped")
            continue
        due_raw = cells.get("due_date")
        due_iso: str | None = None
        try:
            d = parse_date(due_raw)
            due_iso = d.isoformat() if d else None
        except (ValueError, OverflowError) as exc:
            col = cols["due_date"]
            warnings.append(
                f"{where}, column {_col_letter(col)} ('{names[col]}'): cannot read "
                f"the due date: {exc}; kept without a due date"
            )
        status = text.get("status")
        raw_status = cells.get("status")
        if (
            isinstance(raw_status, (int, float))
            and not isinstance(raw_status, bool)
            and 0 <= raw_status <= 100
        ):
            # a percentage cell: Excel stores 75% as 0.75
            pct = raw_status * 100 if raw_status <= 1 else raw_status
            status = f"{pct:g}%"
        own = text.get("action_id")
        review = text.get("review") or banner
        raw = {names[i]: t for i, t in enumerate(texts) if t and i < len(names)}
        if banner:
            raw["_section"] = banner
        out.append(
            TrackerAction(
                action_id=own or f"{sh.name}:{rownum}",
                source_file=p.name,
                sheet=sh.name,
                row=rownum,
                review=review,
                recommendation=rec,
                action=action,
                owner=text.get("owner"),
                due_date=due_iso,
                status=status,
                status_norm=normalise_status(status),
                evidence=text.get("evidence"),
                rec_number=text.get("rec_number"),
                due_text=_cell_text(due_raw) or None,
                own_id=bool(own),
                raw=raw,
            )
        )
    return out


def _col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def _check_duplicates(name: str, actions: Sequence[TrackerAction], warnings: list[str]) -> None:
    seen: dict[str, TrackerAction] = {}
    for a in actions:
        if not a.own_id:
            continue
        first = seen.get(a.action_id)
        if first is None:
            seen[a.action_id] = a
            continue
        warnings.append(
            f"{name}, sheet '{a.sheet}', row {a.row}: action id '{a.action_id}' is also used at "
            f"sheet '{first.sheet}', row {first.row}; both kept (links name the sheet and row)"
        )


# ----------------------------------------------------------------------------- store


def import_tracker(
    store: Store,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
) -> TrackerImport:
    """Read a tracker and store its actions, replacing the file's previous rows.

    With *sheet*, only that sheet's previous rows are replaced.  One transaction.
    """
    result = read_tracker(path, sheet=sheet, mapping=mapping)
    store.replace_tracker_actions(
        result.file, [_to_row(a) for a in result.actions], sheet=sheet and result.sheets[0][0]
    )
    return result


def _to_row(a: TrackerAction) -> dict[str, Any]:
    extra = {"cells": a.raw, "rec_number": a.rec_number, "due_text": a.due_text, "own_id": a.own_id}
    return {
        "action_id": a.action_id,
        "source_file": a.source_file,
        "sheet": a.sheet,
        "row": a.row,
        "review": a.review,
        "recommendation": a.recommendation,
        "action": a.action,
        "owner": a.owner,
        "due_date": a.due_date,
        "status": a.status,
        "status_norm": a.status_norm,
        "evidence": a.evidence,
        "raw_json": json.dumps(extra, ensure_ascii=False, sort_keys=True),
    }


def load_actions(store: Store, source_file: str | None = None) -> list[TrackerAction]:
    """Stored tracker actions (optionally of one file) in file, sheet order, row order."""
    return store.tracker_actions(source_file)
