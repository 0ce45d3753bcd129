"""CLI commands for the doctor stage (registered on reviewmine.cli.app)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ._app import DbOpt, app


@app.command()
def doctor(
    db: DbOpt = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Also load the spaCy pipeline, the "
            "embedding model and the theme model and run each once "
            "(slower).",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the checks as JSON.")] = False,
) -> None:
    """Check the installation (libraries, models and their hashes) and the store's schema and
    integrity; say what to fix.  Exits 1 if any check fails."""
    from ..doctor import run_checks

    checks = run_checks(db, full=full)
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {"name": c.name, "status": c.status, "detail": c.detail, "fix": c.fix}
                    for c in checks
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for c in checks:
            typer.echo(f"{c.status.upper() if c.failed else c.status:<5} {c.name:<16} {c.detail}")
            if c.fix:
                typer.echo(f"{'':<5} {'':<16} fix: {c.fix}")
        failed = [c for c in checks if c.failed]
        typer.echo(
            f"{len(failed)} problem{'s' if len(failed) != 1 else ''} found"
            if failed
            else "everything needed is in place"
        )
    if any(c.failed for c in checks):
        raise typer.Exit(1)
