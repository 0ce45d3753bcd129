"""CLI commands for the report stage: `reviewmine briefing` and `reviewmine report`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import ConfigOpt, DbOpt, app, check_output, echo_err, open_store, parse_today


@app.command()
def briefing(
    theme: Annotated[str, typer.Argument(help="Theme id or name, e.g. neglect.")],
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="Only items containing all these words.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Only documents dated from this year or ISO date (e.g. 2019)."),
    ] = None,
    area: Annotated[str | None, typer.Option(help="Only documents from this area.")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to FILE.docx, .html or .md (default: Markdown to stdout)."
        ),
    ] = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Replace people's names in quotes with [name] (keeps 'Child A', agency names).",
        ),
    ] = False,
    embedder: Annotated[
        str | None,
        typer.Option(help="Embedder for grouping findings (default: from the configuration)."),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Date for overdue actions (default: today), e.g. 2024-03-31; the same "
            "rule as 'reviewmine match'.",
        ),
    ] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """A practice briefing on one theme: how often it was raised, what was found (with quotes and
    citations), the recommendations and their tracker status, and questions for practitioners."""
    from ..config import load_config
    from ..embedding.embedders import load_embedder
    from ..outputs.briefing import briefing_markdown, build_briefing, write_briefing
    from ..themes.taxonomy import load_taxonomy

    cfg = load_config(config)
    day = parse_today(today).isoformat()
    if output is not None:
        # Check the suffix and the folder before any work is done.
        from ..outputs.briefing import FORMATS

        if output.suffix.lower() not in FORMATS:
            raise typer.BadParameter("name the output .docx, .html or .md", param_hint="--output")
        check_output(output)
    with open_store(db) as store:
        b = build_briefing(
            store,
            theme,
            embedder=load_embedder(embedder or cfg.embedder),
            query=query,
            since=since,
            area=area,
            redact=redact,
            taxonomy=load_taxonomy(cfg.themes_file),
            today=day,
        )
    if output is None:
        typer.echo(briefing_markdown(b), nl=False)
        return
    write_briefing(b, output)
    echo_err(
        f"wrote a briefing on '{b.theme_name}' ({b.n_items} items from {b.n_docs} documents) "
        f"to {output}"
    )


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    title: Annotated[str, typer.Option(help="Title shown at the top of the report.")] = (
        "Learning from reviews and inspections"
    ),
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Date for overdue checks and the report's date (default: today), "
            "e.g. 2024-03-31; the same rule as 'reviewmine match'.",
        ),
    ] = None,
    embedder: Annotated[
        str | None, typer.Option(help="Embedder used by 'match' (default: from the configuration).")
    ] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """One self-contained HTML report (works offline, e.g. as an email attachment): themes by
    year, each theme's findings with citations, recurring learning, tracker coverage, search.

    "Match strength" in the tracker tab runs from 0 (unrelated) to 1 (asks for the same
    change): similarity of meaning plus a bonus for each specific word both texts use."""
    from ..config import load_config
    from ..embedding.embedders import load_embedder
    from ..outputs.report import write_report
    from ..themes.taxonomy import load_taxonomy

    cfg = load_config(config)
    day = parse_today(today).isoformat()
    check_output(output, (".html", ".htm"))
    with open_store(db) as store:
        data = write_report(
            store,
            output,
            taxonomy=load_taxonomy(cfg.themes_file),
            min_docs=cfg.min_docs,
            title=title,
            today=day,
            embedder=load_embedder(embedder or cfg.embedder),
        )
    s = data.summary()
    size = output.stat().st_size
    echo_err(
        f"wrote {output} ({size / 1e6:.1f} MB): {s['documents']} documents, {s['items']} items, "
        f"{s['themes']} themes ({s['recurring_themes']} recurring)"
    )
    cov = data.coverage
    if cov.has_tracker:  # the same figures as 'reviewmine match' on the same --today
        echo_err(
            f"tracker on {data.generated}: {len(cov.gaps)} items without an action, "
            f"{len(cov.overdue)} overdue actions, {len(cov.despite_complete)} completed "
            "actions raised again"
        )
