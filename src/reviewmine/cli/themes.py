"""CLI commands for the themes stage (registered on reviewmine.cli.app)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ._app import ConfigOpt, DbOpt, app, echo_err, emit_rows, eval_app, open_store, rich_console

themes_app = typer.Typer(
    help="Themes across reviews: which recur, where and when (assigns themes first).",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(themes_app, name="themes")


class ThemeFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


def _cfg(config: Path | None, embedder: str | None) -> Any:
    from dataclasses import replace

    from ..config import load_config

    cfg = load_config(config)
    return replace(cfg, embedder=embedder) if embedder else cfg


def theme_row(r: Any, example: Any | None) -> dict[str, Any]:
    return {
        "theme": r.theme,
        "name": r.name,
        "items": r.n_items,
        "documents": r.n_docs,
        "first_year": r.first_year,
        "last_year": r.last_year,
        "years": list(r.years),
        "areas": list(r.areas),
        "doc_types": list(r.doc_types),
        "recurring": r.recurring,
        "recurring_areas": list(r.recurring_areas),
        "by_year": [asdict(y) for y in r.by_year],
        "example_item_ids": list(r.example_item_ids),
        "example": (
            f"{example.text} [{example.file}, p. {example.page}"
            f"{', ' + example.number if example.number else ''}]"
        )
        if example
        else None,
    }


@themes_app.callback()
def themes(
    ctx: typer.Context,
    db: DbOpt = None,
    config: ConfigOpt = None,
    since: Annotated[int | None, typer.Option(help="First year (inclusive).")] = None,
    until: Annotated[int | None, typer.Option(help="Last year (inclusive).")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="Document type, e.g. scr.")] = None,
    area: Annotated[str | None, typer.Option(help="Local authority or partnership area.")] = None,
    min_docs: Annotated[
        int | None,
        typer.Option("--min-docs", help="Documents for a theme to count as recurring (default 2)."),
    ] = None,
    format: Annotated[ThemeFormat, typer.Option("--format", "-f")] = ThemeFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    embedder: Annotated[
        str | None, typer.Option(help="minilm (default) or a local model folder.")
    ] = None,
    assign: Annotated[bool, typer.Option(help="Assign themes to new items first.")] = True,
) -> None:
    """Themes with their items, documents, years, areas and whether they recur."""
    ctx.obj = {"db": db, "config": config, "embedder": embedder}
    if ctx.invoked_subcommand is not None:
        return
    from ..themes.stage import assign_themes, citations, theme_summary
    from ._app import check_output

    if output is not None:
        check_output(output)

    cfg = _cfg(config, embedder)
    with open_store(db) as store:
        if assign:
            run = assign_themes(store, cfg, progress=sys.stderr.isatty())
            if run.upgraded:
                echo_err(
                    f"the store was themed with taxonomy {run.previous_taxonomy}; "
                    f"re-themed every item with taxonomy {run.taxonomy}"
                )
            echo_err(
                f"themes assigned to {run.items} items ({run.embedded} newly embedded, "
                f"{run.embedder_id})"
            )
        summary = theme_summary(
            store, cfg, since=since, until=until, doc_type=doc_type, area=area, min_docs=min_docs
        )
        examples = {
            c.item_id: c
            for c in citations(
                store, [r.example_item_ids[0] for r in summary if r.example_item_ids]
            )
        }
    rows = [
        theme_row(r, examples.get(r.example_item_ids[0]) if r.example_item_ids else None)
        for r in summary
    ]
    if format == ThemeFormat.table:
        from rich.table import Table

        from ._app import clip

        t = Table(title=f"{len(rows)} themes ({sum(r['recurring'] for r in rows)} recurring)")
        for col in ("theme", "items", "docs", "years", "recurring", "example (citation)"):
            t.add_column(col, overflow="fold")
        for r in rows:
            years = f"{r['first_year']}-{r['last_year']}" if r["first_year"] else "-"
            rec = (
                "yes" + (f" ({', '.join(r['recurring_areas'])})" if r["recurring_areas"] else "")
                if r["recurring"]
                else "no"
            )
            t.add_row(
                r["name"],
                str(r["items"]),
                str(r["documents"]),
                years,
                rec,
                clip(r["example"] or "", 200),
            )
        rich_console().print(t)
    elif format == ThemeFormat.json:
        out = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
        if output:
            output.write_text(out, encoding="utf-8")
        else:
            sys.stdout.write(out)
    else:
        emit_rows(flat_rows(rows), format.value, output, "themes")


def flat_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for CSV and Excel: lists joined with "; " and one column per year (every year
    from the first to the last, documents raising the theme that year)."""
    years = sorted({y["year"] for r in rows for y in r["by_year"]})
    span = list(range(years[0], years[-1] + 1)) if years else []
    out = []
    for r in rows:
        per = {y["year"]: y["n_docs"] for y in r["by_year"]}
        flat = {
            k: ("; ".join(str(x) for x in v) if isinstance(v, list) else v)
            for k, v in r.items()
            if k not in ("by_year", "years")
        }
        flat.update({f"documents_{y}": per.get(y, 0) for y in span})
        out.append(flat)
    return out


@themes_app.command("show")
def themes_show(
    ctx: typer.Context,
    theme: Annotated[
        str, typer.Argument(help="Theme id or name, any case, e.g. neglect or 'Neglect'.")
    ],
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """List a theme's items with their citations, oldest document first."""
    from ..outputs.briefing import resolve_theme
    from ..themes.stage import theme_items
    from ..themes.taxonomy import load_taxonomy

    opts = ctx.obj or {}
    cfg = _cfg(config or opts.get("config"), None)
    taxonomy = load_taxonomy(cfg.themes_file)
    with open_store(db or opts.get("db")) as store:
        theme = resolve_theme(store, taxonomy, theme)[0]
        found = theme_items(store, theme)
    out = rich_console()
    name = taxonomy.name(theme) if theme in taxonomy else theme
    out.print(f"[bold]{name}[/bold]: {len(found)} items", highlight=False)
    for c in found:
        cite = f"{c.file}, p. {c.page}" + (f", {c.number}" if c.number else "")
        out.print(f"- {c.text}", markup=False, highlight=False)
        out.print(
            f"  [{cite}; {c.date or 'undated'}; {c.heading or ''}]", markup=False, highlight=False
        )


@themes_app.command("emergent")
def themes_emergent(ctx: typer.Context, db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Clusters of items no taxonomy theme explains, with key phrases and examples."""
    from ..themes.stage import emergent, emergent_stability
    from ._app import clip

    opts = ctx.obj or {}
    cfg = _cfg(config or opts.get("config"), opts.get("embedder"))
    with open_store(db or opts.get("db")) as store:
        found, items = emergent(store, cfg)
        stability = emergent_stability(store, cfg) if found else None
    if stability is not None:
        echo_err(stability.describe())
    if not found:
        echo_err("no emergent themes: every item fits a taxonomy theme well")
    out = rich_console()
    for e in found:
        out.print(f"[bold]{e.id}[/bold] ({e.size} items): {e.label}", highlight=False)
        for i in e.representative:
            out.print(
                f"  - {clip(items[i].text, 160)} [{items[i].id}]", markup=False, highlight=False
            )


@eval_app.command("themes")
def eval_themes(
    gold: Annotated[list[Path], typer.Option("--gold", help="Gold annotations (repeatable).")],
    embedder: Annotated[
        str | None, typer.Option(help="minilm (default) or a local model folder.")
    ] = None,
    folds: Annotated[int, typer.Option(help="Cross-validation folds (grouped by area).")] = 5,
) -> None:
    """Theme F1 of the chosen method beside a plain keyword baseline, per theme."""
    from ..embedding.embedders import load_embedder
    from ..evaluation.themes import evaluate_themes

    ev = evaluate_themes(
        gold, load_embedder(embedder), n_splits=folds, ablations=False, progress=sys.stderr.isatty()
    )
    typer.echo(ev.to_markdown())
