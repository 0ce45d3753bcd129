"""The typer app, its shared options and the helpers every command group uses.

A leaf: it imports no command module, so the groups import it without a cycle.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    name="reviewmine",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(help="Measure quality against gold annotations.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

DbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db", help="Store file (default: $REVIEWMINE_DB or ./reviewmine.db).", show_default=False
    ),
]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Configuration TOML file.")]


def echo_err(msg: str) -> None:
    typer.echo(msg, err=True)


# Global options given before the subcommand (``reviewmine --db x.db themes show neglect``);
# a subcommand's own --db/--config wins.  Reset on every invocation.
_GLOBAL: dict[str, Path | None] = {"db": None, "config": None}
_COMMAND: list[str | None] = [None]  # the subcommand being run
# Commands that may create the store (and `tracker import`, which says so itself);
# every other command reads an existing one.
CREATING_COMMANDS = frozenset({"ingest"})


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"reviewmine {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: DbOpt = None,
    config: ConfigOpt = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Learn from safeguarding reviews and inspections: extract every recommendation,
    finding and area for improvement with its citation, find recurring themes, match them
    to the action tracker, and search past findings.

    --db and --config work before the subcommand or after it."""
    from ..config import set_default_config

    _GLOBAL["db"], _GLOBAL["config"] = db, config
    _COMMAND[0] = ctx.invoked_subcommand
    set_default_config(config)


def open_store(db: Path | None, create: bool | None = None) -> Any:
    """Open the store named by --db (the subcommand's, else the global one, else the default).

    Only ``ingest`` and ``tracker import`` create a missing store (or *create*); other
    commands say there is no store rather than showing an empty one.
    """
    from ..errors import StoreMissing
    from ..store import Store, default_db_path

    path = db or _GLOBAL["db"] or default_db_path()
    if create is None:
        create = _COMMAND[0] is None or _COMMAND[0] in CREATING_COMMANDS
    if not create and str(path) != ":memory:" and not Path(path).exists():
        raise StoreMissing(f"no store at {path}: run `reviewmine ingest` first")
    return Store.open(path)


def check_output(path: Path, suffixes: tuple[str, ...] | None = None) -> None:
    """Fail before any work when *path* cannot be written: a missing folder, a folder
    given as the file, or (with *suffixes*) the wrong kind of file."""
    from ..errors import OutputError

    if path.is_dir():
        raise OutputError("is a folder; name the file to write", path=path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputError(
            f"the folder '{parent}' does not exist",
            hint="create it first or choose another --output",
            path=path,
        )
    if suffixes and path.suffix.lower() not in suffixes:
        raise OutputError(f"name the output {' or '.join(suffixes)}", path=path)


def rich_console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def emit_rows(
    rows: list[dict[str, Any]],
    fmt: str,
    output: Path | None,
    sheet: str,
    columns: list[str] | None = None,
) -> None:
    from ..outputs.export import render

    if output is not None:
        check_output(output)
    if fmt == "xlsx":
        if output is None:
            raise typer.BadParameter("--format xlsx needs --output FILE.xlsx")
        render(rows, "xlsx", sys.stdout, xlsx_path=output, sheet=sheet)
        echo_err(f"wrote {len(rows)} rows to {output}")
    elif output is not None:
        with output.open("w", encoding="utf-8", newline="") as fh:
            render(rows, fmt, fh, columns=columns)
        echo_err(f"wrote {len(rows)} rows to {output}")
    else:
        render(rows, fmt, sys.stdout, columns=columns)


def clip(text: str, n: int) -> str:
    """*text* on one line, cut to at most *n* characters at a word boundary ("…" marks a cut).

    >>> clip("safeguarding partners agree", 20)
    'safeguarding…'
    """
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def parse_today(value: str | None) -> dt.date:
    """The --today option as a date (today when not given)."""
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(
            f"'{value}' is not a date like 2024-03-31", param_hint="--today"
        ) from exc
