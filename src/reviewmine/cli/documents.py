"""Commands over documents and items: ingest, extract, docs, show, items, eval extraction."""

from __future__ import annotations

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
    rich_console,
)


class DocFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ItemFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    xlsx = "xlsx"


# ----------------------------------------------------------------------------- ingest


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders (PDF, DOCX, HTML, TXT, MD); with --reparse and none given, "
            "every stored document's file.",
            show_default=False,
        ),
    ] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds allowed per file.")] = None,
    workers: Annotated[int | None, typer.Option(help="Parser processes.")] = None,
    reparse: Annotated[
        bool,
        typer.Option(
            "--reparse",
            help="Parse files again even if unchanged, "
            "to bring an older store's metadata and items up to "
            "date.",
        ),
    ] = False,
    index: Annotated[
        bool,
        typer.Option(
            "--index/--no-index",
            help="Embed the new passages for "
            "search after the batch (else 'reviewmine index' or the "
            "first search does it).",
        ),
    ] = True,
) -> None:
    """Parse documents, extract their items and store them; unchanged files are skipped."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..config import load_config
    from ..ingest import expand_paths, ingest_paths, stored_paths
    from ..skipped import skipped_files

    cfg = load_config(config)
    if not paths and reparse:
        with open_store(db) as store:
            paths = [Path(p) for p in stored_paths(store)]
    files = expand_paths(paths or [])
    for skipped, why in skipped_files(paths or []):
        echo_err(f"skipped: {skipped} ({why})")
    if not files:
        raise typer.BadParameter("no files found", param_hint="PATHS")
    with open_store(db) as store:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=rich_console(stderr=True),
            transient=False,
        ) as prog:
            task = prog.add_task("ingesting", total=len(files))
            results = ingest_paths(
                files,
                store,
                timeout=timeout or cfg.timeout,
                workers=workers or cfg.workers,
                reparse=reparse,
                on_result=lambda r: prog.update(
                    task, advance=1, description=Path(r.file).name[:40]
                ),
            )
        store.record_run(
            "ingest",
            cfg,
            {"extractor": _extractor_version()},
            {r.status: sum(1 for x in results if x.status == r.status) for r in results},
        )
        if index:
            from .search import index_after_ingest  # embeds the new passages for search

            index_after_ingest(store, config)
    counts = {
        s: sum(1 for r in results if r.status == s)
        for s in ("ingested", "replaced", "unchanged", "failed")
    }
    for r in results:
        if r.status == "failed":
            echo_err(f"failed: {r.message}")
    pages = sum(r.pages for r in results)
    items = sum(r.items for r in results)
    echo_err(
        f"{counts['ingested']} ingested, {counts['replaced']} replaced, {counts['unchanged']} unchanged, "
        f"{counts['failed']} failed ({pages} pages, {items} items extracted)"
    )
    if counts["failed"]:
        raise typer.Exit(1)


def _extractor_version() -> str:
    from ..extract.items import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


@app.command()
def extract(db: DbOpt = None) -> None:
    """Re-run extraction on stored documents (after the extractor changed), without re-parsing."""
    from ..ingest import reextract

    with open_store(db) as store:
        n = reextract(store)
    echo_err(f"{n} items extracted")


# ------------------------------------------------------------------------------- docs


def doc_row(doc: Any, n_items: int | None = None) -> dict[str, Any]:
    row = {
        "id": doc.id,
        "file": doc.file,
        "title": doc.title,
        "doc_type": doc.doc_type,
        "area": doc.area,
        "date": doc.date,
        "pages": doc.pages,
        "judgements": doc.judgements,
        "pseudonym": doc.pseudonym,
        "framework": doc.framework,
        "topic": doc.topic,
        "dates": doc.dates,
    }
    if n_items is not None:
        row["items"] = n_items
    return row


@app.command()
def docs(
    db: DbOpt = None,
    format: Annotated[DocFormat, typer.Option("--format", "-f")] = DocFormat.table,
    doc_type: Annotated[
        str | None,
        typer.Option(
            "--type", help="Only this document type, e.g. focused_visit, jtai_letter, lcspr."
        ),
    ] = None,
) -> None:
    """List stored documents: type, area, first day, topic, items and judgements."""
    from ..types import DOC_TYPES

    if doc_type is not None and doc_type not in DOC_TYPES:
        raise typer.BadParameter(
            f"unknown document type '{doc_type}'; use one of: {', '.join(DOC_TYPES)}",
            param_hint="--type",
        )
    with open_store(db) as store:
        documents = [d for d in store.documents() if doc_type in (None, d.doc_type)]
        counts: dict[str, int] = {}
        for it in store.items():
            counts[it.doc_id] = counts.get(it.doc_id, 0) + 1
    rows = [doc_row(d, counts.get(d.id, 0)) for d in documents]
    if format == DocFormat.table:
        from rich.table import Table

        t = Table(title=f"{len(rows)} documents")
        for col in (
            "id",
            "file",
            "type",
            "area",
            "first day",
            "topic",
            "pages",
            "items",
            "judgements",
        ):
            t.add_column(col, overflow="fold")
        for d, r in zip(documents, rows):
            grades = "\n".join(
                f"{k}: {v}"
                for k, v in sorted(  # overall first
                    d.judgements.items(), key=lambda kv: not kv[0].lower().startswith("overall")
                )
            )
            t.add_row(
                d.id[:10],
                d.file_name,
                d.doc_type,
                d.area or "",
                d.date or "",
                d.topic or "",
                str(d.pages),
                str(r["items"]),
                grades,
            )
        rich_console().print(t)
    else:
        emit_rows(rows, format.value, None, "documents")


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id (or prefix), file name or path.")],
    db: DbOpt = None,
) -> None:
    """Outline of one document: headings, numbered paragraphs, list items and pages."""
    from ..types import DOC_TYPE_LABELS

    with open_store(db) as store:
        d = store.find_document(doc)
        items = store.items(doc_id=d.id)
    out = rich_console()
    out.print(f"[bold]{d.title}[/bold]", highlight=False)
    out.print(
        f"{d.file_name} | {DOC_TYPE_LABELS.get(d.doc_type, d.doc_type)} | {d.area or '-'} | "
        f"{d.date or '-'} | {d.pages} pages | "
        f"id {d.id[:12]}",
        highlight=False,
    )
    for k, v in d.judgements.items():
        out.print(f"  judgement: {k}: {v}", highlight=False, markup=False)
    for b in d.blocks:
        if b.kind == "heading":
            out.print(
                f"p{b.page:<3} {'  ' * max(0, b.level - 1)}# {clip(b.text, 100)}",
                highlight=False,
                markup=False,
            )
        elif b.number:
            out.print(
                f"p{b.page:<3}     {b.number} {clip(b.text, 80)}", highlight=False, markup=False
            )
    out.print(f"{len(items)} items", highlight=False)


# ------------------------------------------------------------------------------ items

ITEM_COLUMNS = [
    "id",
    "doc_id",
    "file",
    "kind",
    "kind_label",
    "number",
    "text",
    "page",
    "heading",
    "subheading",
    "paragraph",
    "section",
    "addressees",
    "confidence",
    "themes",
    "theme_names",
]


def item_row(it: Any, file: str, themes: tuple[Any, ...] = (), names: Any = None) -> dict[str, Any]:
    """An item for machines (ids) with the names people read beside them."""
    from ..types import KIND_LABELS

    ids = [t.theme for t in themes]
    return {
        "id": it.id,
        "doc_id": it.doc_id,
        "file": file,
        "kind": it.kind,
        "kind_label": KIND_LABELS.get(it.kind, it.kind),
        "number": it.number,
        "text": it.text,
        "page": it.page,
        "heading": it.heading,
        "subheading": it.subheading,
        "paragraph": it.paragraph,
        "section": it.section,
        "addressees": list(it.addressees),
        "confidence": round(it.confidence, 3),
        "themes": ids,
        "theme_names": [names(t) if names else t for t in ids],
    }


@app.command()
def items(
    db: DbOpt = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="recommendation, finding, ...")] = None,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme",
            help="Only items with this theme (id or name, any case); assigns themes "
            "to new items first, as 'reviewmine themes' does.",
        ),
    ] = None,
    format: Annotated[ItemFormat, typer.Option("--format", "-f")] = ItemFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """List extracted items with their citations (document, page, heading, number)."""
    from ..config import load_config
    from ..themes.taxonomy import load_taxonomy
    from ..types import KIND_LABELS

    if output is not None:
        check_output(output)
    cfg = load_config(config)
    taxonomy = load_taxonomy(cfg.themes_file)

    def name(tid: str) -> str:
        return taxonomy.name(tid) if tid in taxonomy else tid

    with open_store(db) as store:
        doc_id = store.find_document(doc).id if doc else None
        theme_id = None
        if theme:
            from ..outputs.briefing import resolve_theme
            from ..themes.stage import assign_themes

            assign_themes(store, cfg, progress=sys.stderr.isatty())
            theme_id = resolve_theme(store, taxonomy, theme)[0]
        found = store.items(doc_id=doc_id, kind=kind, theme=theme_id)
        files = {d.id: d.file_name for d in store.documents()}
        themes = store.item_themes()
    rows = [item_row(it, files.get(it.doc_id, ""), themes.get(it.id, ()), name) for it in found]
    if format == ItemFormat.table:
        from rich.table import Table

        t = Table(title=f"{len(rows)} items")
        for col in ("id", "file", "p.", "kind", "no.", "text", "themes"):
            t.add_column(col, overflow="fold")
        for r in rows:
            t.add_row(
                r["id"],
                r["file"],
                str(r["page"]),
                KIND_LABELS.get(r["kind"], r["kind"]),
                r["number"] or "",
                clip(r["text"], 160),
                ", ".join(r["theme_names"]),
            )
        rich_console().print(t)
    else:
        emit_rows(rows, format.value, output, "items", columns=ITEM_COLUMNS)


# ------------------------------------------------------------------------------- eval


@eval_app.command("extraction")
def eval_extraction(
    gold: Annotated[
        list[Path] | None,
        typer.Option(
            "--gold",
            help="Gold annotations (JSON Lines); repeat for several files (default: the "
            "development set's gold files, where this checkout has them).",
        ),
    ] = None,
    docs_dir: Annotated[
        Path | None,
        typer.Option(
            "--docs", help="Folder of the gold documents (default: each gold file's folder)."
        ),
    ] = None,
    kinds: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated kinds to score, gold and extracted "
            "(default: every kind but good_practice)."
        ),
    ] = None,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help="Break the scores down by document 'type' or 'family' "
            "(family: from the gold, not from the extractor).",
        ),
    ] = "type",
    details: Annotated[
        bool, typer.Option("--details/--no-details", help="List every miss and false positive.")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of extraction (token F1 >= 0.8, one-to-one), with misses.

    Gold files in the summaries format (recommendations / findings lists) are scored
    granularity-tolerant: a gold item is found when an extracted item holds 80% of its words.
    """
    import json

    from ..evaluation.extraction import development_golds, evaluate_by_family

    if by not in ("type", "family"):
        raise typer.BadParameter("choose 'type' or 'family'", param_hint="--by")
    golds = gold or development_golds()
    if not golds:
        raise typer.BadParameter("no development gold files here: name one", param_hint="--gold")
    report = evaluate_by_family(golds, docs_dir, kinds=kinds.split(",") if kinds else None)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    ev = report.items
    d = ev.as_dict()

    def line(name: str, s: dict[str, Any]) -> str:
        return (
            f"{name:<22} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
            f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
        )

    typer.echo(f"kinds scored: {', '.join(ev.kinds)}")
    if by == "family":
        typer.echo(
            f"{'family':<15}{'docs':>5}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
            f"{'pages right':>13}{'kinds right':>13}  match"
        )
        for name, f in report.by_family.items():
            fd = f.as_dict()
            pages, kinds_ok = (
                "-" if fd[k] is None else f"{fd[k]:.3f}" for k in ("pages_right", "kind_right")
            )
            typer.echo(
                f"{name:<15}{f.documents:>5}{f.precision:>7.3f}{f.recall:>7.3f}{f.f1:>7.3f}"
                f"{f.tp:>6}{f.fp:>6}{f.fn:>6}{pages:>13}{kinds_ok:>13}  {f.method}"
            )
        typer.echo("by document type (one-to-one families):")
    if ev.by_family:
        typer.echo(line("overall", d["overall"]))
        for name, s in d["by_type"].items():
            typer.echo(line(name, s))
        typer.echo(
            f"matched items with the gold page: {d['matched_page_equal']}; "
            f"with the gold kind: {d['matched_kind_equal']}"
        )
    for sev in report.summaries:
        for name, s in sev.as_dict()["by_type"].items():
            typer.echo(
                f"{'summaries ' + name:<22} P={s['precision']:.3f} R={s['recall']:.3f} "
                f"F1={s['f1']:.3f} (gold found {s['gold_found']}, missed {s['gold_missed']}, "
                f"extracted wrong {s['extracted_wrong']})"
            )
    if not details:
        return

    def tag(m: Any) -> str:  # summaries' matches carry no family of their own
        return f"{m.family or 'summaries':<14}" if by == "family" else ""

    misses = ev.misses + [m for sev in report.summaries for m in sev.misses]
    fps = ev.false_positives + [m for sev in report.summaries for m in sev.false_positives]
    for m in misses:
        typer.echo(f"MISS  {tag(m)}{m.file} p{m.gold_page} [{m.gold_kind}] {m.gold_text[:150]}")
    for m in fps:
        typer.echo(
            f"FALSE {tag(m)}{m.file} p{m.pred_page} [{m.pred_kind}] {(m.pred_text or '')[:150]}"
        )
    for failed in ev.failed_files + [x for sev in report.summaries for x in sev.failed_files]:
        typer.echo(f"FAILED {failed}")
