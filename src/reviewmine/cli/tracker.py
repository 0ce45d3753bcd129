"""CLI commands for the tracker stage (registered on reviewmine.cli.app).

* ``reviewmine tracker import FILE`` / ``reviewmine tracker actions``
* ``reviewmine match``: links, items without action, actions without item,
  overdue actions, learning that recurs despite a completed action
* ``reviewmine recurring``: themes across documents with the tracker's actions
* ``reviewmine eval match --gold GOLD.jsonl``: precision / recall of the links
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ._app import (
    ConfigOpt,
    DbOpt,
    app,
    check_output,
    clip,
    echo_err,
    emit_rows,
    eval_app,
    open_store,
    parse_today,
    rich_console,
)

tracker_app = typer.Typer(
    help="Import and list the partnership's action tracker.", no_args_is_help=True
)
app.add_typer(tracker_app, name="tracker")


class MatchFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


class RecurringFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    xlsx = "xlsx"


class ActionsFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


MapOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        help="Column mapping 'Header text=field' (repeatable); fields: action_id, review, "
        "rec_number, recommendation, action, owner, due_date, status, evidence, ignore.",
    ),
]
EmbedderOpt = Annotated[
    str | None,
    typer.Option(
        "--embedder", help="Embedder: minilm (default from the config), hashing, or a model folder."
    ),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]


def _import(store: Any, file: Path, sheet: str | None, maps: list[str] | None, cfg: Any) -> Any:
    from ..tracker.importer import import_tracker, parse_mapping

    mapping = dict(cfg.tracker_columns)
    mapping.update(parse_mapping(maps or []))
    result = import_tracker(store, file, sheet=sheet, mapping=mapping)
    for w in result.warnings:
        echo_err(f"warning: {w}")
    for name, n in result.sheets:
        echo_err(f"{result.file}: sheet '{name}': {n} actions imported")
    return result


@tracker_app.command("import")
def tracker_import(
    file: Annotated[Path, typer.Argument(help="Tracker spreadsheet (.xlsx) or .csv.")],
    sheet: Annotated[str | None, typer.Option("--sheet", help="Only this sheet.")] = None,
    map_: MapOpt = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Read a tracker (header row found by its names, merged cells filled) into the store.

    Re-importing the same file replaces its previous rows.
    """
    from ..config import load_config

    cfg = load_config(config)
    with open_store(db, create=True) as store:
        result = _import(store, file, sheet, map_, cfg)
    typer.echo(
        f"{len(result.actions)} actions imported from {result.file} "
        f"({len(result.warnings)} warnings)"
    )


@tracker_app.command("actions")
def tracker_actions(
    db: DbOpt = None,
    format: Annotated[ActionsFormat, typer.Option("--format", "-f")] = ActionsFormat.table,
    output: OutputOpt = None,
) -> None:
    """List the stored tracker actions with their normalised status and due date."""
    from ..tracker.importer import STATUS_LABELS, load_actions

    with open_store(db) as store:
        actions = load_actions(store)
    rows: list[dict[str, Any]] = [
        {
            "action_id": a.action_id,
            "tracker": a.source_file,
            "sheet": a.sheet,
            "row": a.row,
            "review": a.review,
            "recommendation": a.recommendation,
            "action": a.action,
            "owner": a.owner,
            "due_date": a.due_date,
            "status": a.status,
            "status_norm": a.status_norm,
            "status_label": STATUS_LABELS.get(a.status_norm, ""),
            "evidence": a.evidence,
        }
        for a in actions
    ]
    if format == ActionsFormat.table:
        from rich.table import Table

        t = Table(title=f"{len(rows)} tracker actions")
        for col in ("id", "sheet:row", "review", "action", "due", "status"):
            t.add_column(col, overflow="fold", no_wrap=col == "due")
        for r in rows:
            t.add_row(
                r["action_id"],
                f"{r['sheet']}:{r['row']}",
                clip(r["review"] or "", 30),
                clip(r["action"] or r["recommendation"] or "", 90),
                r["due_date"] or "",
                r["status_label"],
            )
        rich_console().print(t)
    else:
        emit_rows(rows, format.value, output, "actions", columns=list(rows[0]) if rows else None)


def _embedder(spec: str | None, cfg: Any) -> Any:
    from ..embedding.embedders import load_embedder

    return load_embedder(spec or cfg.embedder)


MATCH_CSV_COLUMNS = [
    "section",
    "action_id",
    "tracker",
    "sheet",
    "row",
    "item_id",
    "file",
    "page",
    "item_number",
    "score",
    "reason",
    "status",
    "due_date",
    "days_overdue",
    "theme",
    "later_item_id",
    "later",
    "action",
    "item_text",
]


def _match_sections(d: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {
        "links": d["links"],
        "items_without_action": d["items_without_action"],
        "actions_without_item": d["actions_without_item"],
        "overdue": d["overdue"],
        # one row per (action, later item): a cell never holds a list or a dict
        "recurring_despite_complete": [
            {k: v for k, v in r.items() if k != "section"}
            for r in _flat(d)
            if r["section"] == "recurring_despite_complete"
        ],
    }


def _flat(d: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for x in d["links"]:
        rows.append({**x, "section": "link", "status": x["status_norm"]})
    for x in d["items_without_action"]:
        rows.append(
            {
                "section": "item_without_action",
                "item_id": x["item_id"],
                "file": x["file"],
                "page": x["page"],
                "item_number": x["number"],
                "item_text": x["text"],
            }
        )
    for x in d["actions_without_item"]:
        rows.append({"section": "action_without_item", **x, "status": x["status_norm"]})
    for x in d["overdue"]:
        rows.append({"section": "overdue", **x, "status": x["status_norm"], "reason": x["reason"]})
    for x in d["recurring_despite_complete"]:
        for ev in x["later"]:
            rows.append(
                {
                    "section": "recurring_despite_complete",
                    "action_id": x["action_id"],
                    "tracker": x["tracker"],
                    "sheet": x["sheet"],
                    "row": x["row"],
                    "action": x["action"],
                    "status": x["status_norm"],
                    "item_id": "; ".join(e["item_id"] for e in x["earlier"]),
                    "file": "; ".join(e["citation"] for e in x["earlier"]),
                    "later_item_id": ev["item_id"],
                    "later": ev["citation"],
                    "score": ev["score"],
                    "reason": ", ".join(ev["shared_words"]),
                    "item_text": ev["text"],
                }
            )
    return rows


@app.command()
def match(
    tracker: Annotated[
        Path | None,
        typer.Argument(
            help="Import this tracker first (optional; else the stored actions are used)."
        ),
    ] = None,
    format: Annotated[MatchFormat, typer.Option("--format", "-f")] = MatchFormat.table,
    output: OutputOpt = None,
    overrides: Annotated[
        Path | None,
        typer.Option(
            "--overrides",
            help="CSV/TOML of confirmed or rejected links (action_id, item_id, decision).",
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", help="Date for overdue checks (default: today), e.g. 2024-03-31."),
    ] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Link tracker actions to the items they answer; show gaps, overdue actions and
    learning raised again although its action is complete.

    In the reasons, "meaning" and "words" are similarities from 0 (unrelated) to 1 (the
    same text); "strength" of a raised-again item, from 0 to 1, is meaning plus a bonus
    per specific word both texts use, over the most it can be.  JSON and CSV keep the raw
    link score, whose
    bonuses for the named review and a quoted number can take it above 1."""
    from ..config import load_config
    from ..tracker.matching import match_tracker

    cfg = load_config(config)
    if output is not None:
        check_output(output)
    day = parse_today(today)
    ov = overrides or (Path(cfg.overrides_file) if cfg.overrides_file else None)
    emb = _embedder(embedder, cfg)
    with open_store(db) as store:
        if tracker is not None:
            _import(store, tracker, None, None, cfg)
        result = match_tracker(store, emb, today=day, overrides=ov, save=True)
        store.record_run(
            "match",
            cfg,
            {"embedder": emb.model_id},
            {"links": len(result.links), "today": day.isoformat()},
        )
    for w in result.warnings:
        echo_err(f"warning: {w}")
    for n in result.notes:
        echo_err(f"note: {n}")
    d = result.as_dict()
    if format == MatchFormat.json:
        text = json.dumps(d, ensure_ascii=False, indent=2) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
            echo_err(f"wrote {output}")
        else:
            sys.stdout.write(text)
    elif format == MatchFormat.xlsx:
        from ..outputs.export import write_xlsx

        if output is None:
            raise typer.BadParameter("--format xlsx needs --output FILE.xlsx")
        write_xlsx(_match_sections(d), output)
        echo_err(f"wrote {output}")
    elif format == MatchFormat.csv:
        emit_rows(_flat(d), "csv", output, "match", columns=MATCH_CSV_COLUMNS)
    else:
        _print_match(d)


def _print_match(d: dict[str, Any]) -> None:
    from rich.table import Table

    from ..types import KIND_LABELS

    out = rich_console()
    t = Table(title=f"{len(d['links'])} links")
    for col in ("action", "item", "cited at", "why"):
        t.add_column(col, overflow="fold")
    for x in d["links"]:
        t.add_row(
            x["action_id"],
            KIND_LABELS.get(x["kind"], x["kind"]),
            f"{x['file']} p.{x['page']}" + (f" ({x['item_number']})" if x["item_number"] else ""),
            x["reason"],
        )
    out.print(t)
    missing = d["items_without_action"]
    covered = [x for x in missing if x["document_has_actions"]]
    out.print(
        f"{len(missing)} items without an action ({len(covered)} in documents the tracker covers):",
        highlight=False,
    )
    for x in covered[:50]:
        out.print(
            f"  {x['file']} p.{x['page']} {x['number'] or ''} {clip(x['text'], 110)}",
            highlight=False,
            markup=False,
        )
    out.print(f"{len(d['actions_without_item'])} actions without an item:", highlight=False)
    for x in d["actions_without_item"]:
        out.print(
            f"  {x['action_id']} ({x['sheet']}:{x['row']}) {clip(x['action'] or '', 110)}",
            highlight=False,
            markup=False,
        )
    out.print(f"{len(d['overdue'])} overdue actions:", highlight=False)
    for x in d["overdue"]:
        out.print(
            f"  {x['action_id']} ({x['tracker']}, {x['sheet']}:{x['row']}) {x['reason']}",
            highlight=False,
            markup=False,
        )
    rec = d["recurring_despite_complete"]
    out.print(
        f"{len(rec)} completed actions whose learning was raised again in a later document "
        "(one line each, strongest evidence shown; strength 0-1):",
        highlight=False,
    )
    for x in rec:
        ev = x["later"][0]
        more = f" (+{len(x['later']) - 1} more)" if len(x["later"]) > 1 else ""
        out.print(
            f"  {x['action_id']}: {clip(x['action'] or '', 60)} -> {ev['citation']} "
            f"({ev['date'] or 'undated'}, strength {ev['score']:.2f}){more}: "
            f'"{clip(ev["text"], 90)}"',
            highlight=False,
            markup=False,
            soft_wrap=True,
        )


@app.command()
def recurring(
    format: Annotated[RecurringFormat, typer.Option("--format", "-f")] = RecurringFormat.table,
    output: OutputOpt = None,
    min_docs: Annotated[
        int | None,
        typer.Option(
            "--min-docs", help="A theme recurs when found in at least this many documents."
        ),
    ] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Learning recurring in one area: each theme raised by --min-docs documents of the same
    area, its documents in date order with citations, and the tracker actions answering it
    (links from the last 'match'); 'recurs after complete' uses the rule of 'match'."""
    from ..config import load_config
    from ..tracker.matching import recurring_learning, tracker_findings

    cfg = load_config(config)
    if output is not None:
        check_output(output)
    with open_store(db) as store:
        despite = None
        if store.counts()["tracker_actions"]:
            despite = tracker_findings(store, _embedder(embedder, cfg)).recurring_despite_complete
        table, notes = recurring_learning(store, min_docs=min_docs or cfg.min_docs, despite=despite)
    for n in notes:
        echo_err(f"note: {n}")
    from ..themes.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(cfg.themes_file)
    full = [
        {**r.as_dict(), "theme_name": taxonomy.name(r.theme) if r.theme in taxonomy else r.theme}
        for r in table
    ]
    if format == RecurringFormat.json:
        text = json.dumps(full, ensure_ascii=False, indent=2) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return
    if format == RecurringFormat.jsonl:
        emit_rows(full, "jsonl", output, "recurring")
        return
    rows = [
        {
            "theme": r["theme"],
            "theme_name": r["theme_name"],
            "area": r["area"],
            "n_documents": r["n_documents"],
            "documents": "; ".join(
                f"{g['file']} ({g['date'] or 'undated'}): "
                + _cites(g["citations"], 4 if format == RecurringFormat.table else None)
                for g in r["documents"]
            ),
            "actions": "; ".join(f"{a['action_id']} ({a['status_norm']})" for a in r["actions"]),
            "complete_then_recurs": r["complete_then_recurs"],
        }
        for r in full
    ]
    if format == RecurringFormat.table:
        from rich.table import Table

        t = Table(title=f"{len(rows)} recurring themes")
        for col in (
            "theme",
            "area",
            "docs",
            "documents (date order) and citations",
            "tracker actions",
            "recurs after complete",
        ):
            t.add_column(col, overflow="fold")
        for r in rows:
            t.add_row(
                r["theme_name"],
                r["area"] or "",
                str(r["n_documents"]),
                r["documents"],
                r["actions"] or "-",
                "yes" if r["complete_then_recurs"] else "",
            )
        rich_console().print(t)
    else:
        emit_rows(
            rows,
            format.value,
            output,
            "recurring",
            columns=[
                "theme",
                "theme_name",
                "area",
                "n_documents",
                "documents",
                "actions",
                "complete_then_recurs",
            ],
        )


def _cites(citations: list[dict[str, Any]], limit: int | None) -> str:
    parts = [f"p.{c['page']}" + (f" no. {c['number']}" if c["number"] else "") for c in citations]
    if limit is None or len(parts) <= limit:
        return ", ".join(parts)
    return ", ".join(parts[:limit]) + f" +{len(parts) - limit} more"


@eval_app.command("match")
def eval_match(
    gold: Annotated[
        Path,
        typer.Option(
            "--gold",
            help="Gold links (JSON Lines: action_id, file, item_n, item_number, item_text).",
        ),
    ],
    tracker: Annotated[
        str | None,
        typer.Option(
            "--tracker", help="Stored tracker file name (default: the one the gold ids fit)."
        ),
    ] = None,
    overrides: Annotated[
        Path | None, typer.Option("--overrides", help="Apply these overrides (default: none).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    db: DbOpt = None,
    config: ConfigOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Precision, recall and F1 of tracker links against gold links."""
    from ..config import load_config
    from ..evaluation.matching import evaluate_match

    cfg = load_config(config)
    emb = _embedder(embedder, cfg)
    with open_store(db) as store:
        ev = evaluate_match(store, emb, gold, tracker=tracker, overrides=overrides)
    if as_json:
        typer.echo(json.dumps(ev.as_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"tracker: {ev.tracker} (embedder {emb.model_id})")
    typer.echo(
        f"links  P={ev.precision:.3f} R={ev.recall:.3f} F1={ev.f1:.3f} "
        f"(tp {ev.tp}, fp {ev.fp}, fn {ev.fn}; {ev.gold_links} gold links)"
    )
    typer.echo(f"actions with no item left unlinked: {ev.no_item_correct}/{ev.no_item_total}")
    if ev.gold_not_in_tracker:
        typer.echo(
            f"gold actions not in this tracker (left out): {', '.join(ev.gold_not_in_tracker)}"
        )
    for g in ev.unmapped_gold:
        typer.echo(f"UNEXTRACTED {g['action_id']} {g['file']}: {str(g['item_text'])[:120]}")
    for x in ev.missed_links:
        typer.echo(f"MISS  {x['action_id']} -> {x['item_id']} {x['item_text'][:120]}")
    for x in ev.false_links:
        typer.echo(f"FALSE {x['action_id']} -> {x['item_id']} {x['item_text'][:120]}")


@eval_app.command("recurring")
def eval_recurring(
    gold: Annotated[
        Path,
        typer.Option(
            "--gold", help="Gold cases (JSON Lines: action_id, tracker, later_file, later_text)."
        ),
    ],
    tracker: Annotated[
        str | None,
        typer.Option(
            "--tracker", help="Stored tracker file name (default: the one the gold names)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    db: DbOpt = None,
    config: ConfigOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Precision and recall of 'raised again despite a completed action' against gold pairs
    (completed action, later item asking for the same change)."""
    from ..config import load_config
    from ..evaluation.matching import evaluate_recurring

    cfg = load_config(config)
    emb = _embedder(embedder, cfg)
    with open_store(db) as store:
        ev = evaluate_recurring(store, emb, gold, tracker=tracker)
    if as_json:
        typer.echo(json.dumps(ev.as_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"tracker: {ev.tracker} (embedder {emb.model_id})")
    typer.echo(
        f"pairs  P={ev.precision:.3f} R={ev.recall:.3f} F1={ev.f1:.3f} "
        f"(tp {ev.tp}, fp {ev.fp}, fn {ev.fn}; {ev.gold_pairs} gold pairs)"
    )
    typer.echo(f"actions with a gold case found: {ev.actions_tp}/{ev.actions_gold}")
    for g in ev.unmapped_gold:
        typer.echo(f"UNEXTRACTED {g['action_id']} {g['later_file']}: {str(g['later_text'])[:110]}")
    for x in ev.missed_pairs:
        typer.echo(f"MISS  {x['action_id']} -> {x['item_id']} {x['text'][:110]}")
    for x in ev.false_pairs:
        typer.echo(f"FALSE {x['action_id']} -> {x['item_id']} {x['text'][:110]}")
