"""CLI commands for the search stage: `index`, `search`, `similar`, `serve` and `eval search`."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ._app import ConfigOpt, DbOpt, app, echo_err, emit_rows, eval_app, open_store, rich_console


class Mode(str, Enum):
    hybrid = "hybrid"
    keyword = "keyword"
    semantic = "semantic"


class HitFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


HIT_COLUMNS = [
    "rank",
    "score",
    "doc_id",
    "file",
    "title",
    "doc_type",
    "area",
    "date",
    "page",
    "paragraph",
    "item_id",
    "kind",
    "themes",
    "text",
    "highlights",
]
EmbedderOpt = Annotated[
    str | None,
    typer.Option(
        "--embedder",
        help="Embedding model: minilm (default, from the configuration; run by ONNX "
        "Runtime, or minilm-torch for sentence-transformers), hashing (fast, "
        "for tests) or a local sentence-transformers folder.",
    ),
]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="Number of hits.")]
FormatOpt = Annotated[HitFormat, typer.Option("--format", "-f")]


def _embedder(spec: str | None, config: Path | None) -> Any:
    from ..config import load_config
    from ..embedding.embedders import load_embedder

    return load_embedder(spec or load_config(config).embedder)


GlossaryOpt = Annotated[
    Path | None,
    typer.Option(
        "--glossary",
        help="Your glossary TOML (adds, replaces or drops terms of the default one; "
        "default: the configuration's glossary_file).",
    ),
]
NoGlossaryOpt = Annotated[
    bool, typer.Option("--no-glossary", help="Hybrid search without the glossary's terms.")
]


def _glossary(path: Path | None, off: bool, config: Path | None) -> Any:
    from ..config import load_config
    from ..search.glossary import Glossary, load_glossary

    if off:
        return Glossary(())
    return load_glossary(path or load_config(config).glossary_file)


def hit_rows(hits: list[Any]) -> list[dict[str, Any]]:
    from ..search.engine import hit_rows as rows  # serve's JSON endpoint returns these too

    return rows(hits)


def _print_hits(hits: list[Any], title: str) -> None:
    from rich.table import Table
    from rich.text import Text

    t = Table(title=title, show_lines=True)
    for col in ("#", "score", "document", "type", "date", "p.", "para", "text", "themes"):
        t.add_column(col, overflow="fold")
    for n, h in enumerate(hits, start=1):
        text, spans = _excerpt(h.text, h.highlights)
        cell = Text(text)
        for a, b in spans:
            cell.stylize("bold reverse", a, b)
        doc = Text(h.title or h.file)
        doc.append(f"\n{h.file}", style="dim")
        if h.item_id:
            doc.append(f"\nitem {h.item_id} ({h.kind})", style="dim")
        t.add_row(
            str(n),
            f"{h.score:.3f}",
            doc,
            h.doc_type,
            h.date or "",
            str(h.page),
            h.paragraph or "",
            cell,
            ", ".join(h.themes),
        )
    rich_console().print(t)


def _excerpt(
    text: str, spans: tuple[tuple[int, int], ...], width: int = 360
) -> tuple[str, list[tuple[int, int]]]:
    """A window of *text* around the first highlight, with spans shifted to match."""
    if len(text) <= width:
        return text, list(spans)
    start = max(0, (spans[0][0] - width // 3) if spans else 0)
    end = min(len(text), start + width)
    prefix = "..." if start else ""
    out = prefix + text[start:end] + ("..." if end < len(text) else "")
    shift = len(prefix) - start
    return out, [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]


def _show(hits: list[Any], fmt: HitFormat, title: str) -> None:
    if fmt == HitFormat.table:
        if not hits:
            echo_err("no hits")
            return
        _print_hits(hits, title)
    else:
        emit_rows(hit_rows(hits), fmt.value, None, "hits", columns=HIT_COLUMNS)


def index_after_ingest(store: Any, config: Path | None) -> None:
    """Embed the passages an ingest stored, so the first search embeds nothing.

    Called by ``reviewmine ingest`` after its batch.  A missing or broken model
    does not fail the ingest: the documents are stored; search (or a later
    ``reviewmine index``) embeds what is missing and says so.
    """
    from ..embedding.cache import index_passages
    from ..errors import ReviewmineError

    try:
        emb = _embedder(None, config)
        n, total = index_passages(store, emb, progress=True)
    except ReviewmineError as err:
        echo_err(f"warning: passages not embedded ({err}); run 'reviewmine index' later")
        return
    if n:
        echo_err(f"embedded {n} new passages ({total} indexed for search)")


@app.command()
def index(
    db: DbOpt = None,
    embedder: EmbedderOpt = None,
    config: ConfigOpt = None,
    batch: Annotated[
        int, typer.Option("--batch", min=1, max=10000, help="Passages per saved batch.")
    ] = 256,
) -> None:
    """Embed stored passages that have no vector yet (ingest runs this; safe to interrupt).

    Each batch is saved as it is done: an interrupted run keeps its work and a
    re-run continues.
    """
    from ..embedding.cache import index_passages

    emb = _embedder(embedder, config)
    with open_store(db) as store:
        n, total = index_passages(store, emb, progress=True, batch=batch)
    echo_err(f"embedded {n} new passages; {total} indexed for search ({emb.model_id})")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, "exact phrases" and prefix* terms.')],
    mode: Annotated[
        Mode,
        typer.Option(
            "--mode", help="keyword (BM25), semantic (embeddings) or hybrid (both, fused)."
        ),
    ] = Mode.hybrid,
    doc_type: Annotated[
        str | None,
        typer.Option("--type", help="Document type, e.g. scr, lcspr, ofsted_inspection."),
    ] = None,
    area: Annotated[str | None, typer.Option("--area", help="Local area.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")
    ] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="Theme id, e.g. neglect.")] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="Item kind(s): recommendation, finding, area_for_improvement, ...; "
            "repeat or separate with commas; 'actionable' = every kind that asks "
            "for a change.",
        ),
    ] = None,
    limit: LimitOpt = 10,
    format: FormatOpt = HitFormat.table,
    db: DbOpt = None,
    embedder: EmbedderOpt = None,
    glossary: GlossaryOpt = None,
    no_glossary: NoGlossaryOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Search past findings and paragraphs, with document, page and paragraph citations."""
    emb = None if mode == Mode.keyword else _embedder(embedder, config)
    if emb is not None and hasattr(emb, "preload"):
        emb.preload()  # the model loads while the search code is imported and the index read
    from ..search.engine import Searcher, SearchFilters

    filters = SearchFilters(
        doc_type=doc_type,
        area=area,
        since=since,
        until=until,
        theme=theme,
        kind=",".join(kind) if kind else None,
    ).validated()
    with open_store(db) as store:
        searcher = Searcher(
            store, emb, progress=True, glossary=_glossary(glossary, no_glossary, config)
        )
        hits = searcher.search(query, mode=mode.value, limit=limit, filters=filters)
        if searcher.n_embedded:
            echo_err(f"embedded {searcher.n_embedded} new passages (cached for next time)")
    _show(hits, format, f"{len(hits)} hits for {query!r} ({mode.value})")


@app.command()
def similar(
    item_id: Annotated[str, typer.Argument(help="Item id, as listed by 'reviewmine items'.")],
    limit: LimitOpt = 10,
    format: FormatOpt = HitFormat.table,
    db: DbOpt = None,
    embedder: EmbedderOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Items in other documents closest in meaning to one item."""
    from ..search.engine import Searcher

    emb = _embedder(embedder, config)
    with open_store(db) as store:
        hits = Searcher(store, emb, progress=True).similar(item_id, limit=limit)
    _show(hits, format, f"{len(hits)} items similar to {item_id}")


@eval_app.command("search")
def eval_search(
    gold: Annotated[
        Path, typer.Option("--gold", help="Query set with judged passages (JSON Lines).")
    ],
    db: DbOpt = None,
    embedder: EmbedderOpt = None,
    config: ConfigOpt = None,
    modes: Annotated[
        str, typer.Option(help="Comma-separated modes to score.")
    ] = "keyword,semantic,hybrid",
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    glossary: GlossaryOpt = None,
    no_glossary: NoGlossaryOpt = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="Score the ranking of these item kinds only (e.g. actionable): each "
            "query gets this kind filter; queries with no judged passage of the "
            "kind are left out.",
        ),
    ] = None,
) -> None:
    """MRR@10 and nDCG@10 of each search mode over a judged query set (documents already ingested)."""
    from ..evaluation.search import evaluate_search
    from ..search.engine import MODES

    wanted = [m.strip() for m in modes.split(",") if m.strip()]
    bad = [m for m in wanted if m not in MODES]
    if bad:
        raise typer.BadParameter(
            f"unknown mode(s) {', '.join(bad)}; use {', '.join(MODES)}", param_hint="--modes"
        )
    emb = _embedder(embedder, config) if any(m != "keyword" for m in wanted) else None
    with open_store(db) as store:
        ev = evaluate_search(
            store,
            gold,
            emb,
            modes=wanted,
            progress=True,
            glossary=_glossary(glossary, no_glossary, config),
            kind=kind,
        )
    if as_json:
        typer.echo(json.dumps(ev, ensure_ascii=False, indent=2))
        return
    k = ev["k"]
    typer.echo(
        f"{ev['queries']} queries"
        + (
            f" with --kind {kind} ({ev['skipped']} left out: no judged passage of that kind)"
            if kind
            else ""
        )
    )
    for mode, r in ev["modes"].items():
        typer.echo(f"{mode:<9} MRR@{k}={r[f'mrr@{k}']:.3f} nDCG@{k}={r[f'ndcg@{k}']:.3f}")
    for mode, r in ev["modes"].items():
        for p in r["per_query"]:
            if p["first_relevant_rank"] is None:
                typer.echo(f"MISS  {mode:<9} {p['id']}: {p['query']}")
    for u in ev["unresolved"]:
        echo_err(
            f"warning: judged passage not found in the store: {u['query']} {u['file']} "
            f"p{u['page']} {u['text'][:60]!r}"
        )


@app.command()
def serve(
    db: DbOpt = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8765,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Loopback address to listen on (127.0.0.1 or ::1); other addresses "
            "are refused, since the page has no login.",
        ),
    ] = "127.0.0.1",
    embedder: EmbedderOpt = None,
    glossary: GlossaryOpt = None,
    no_glossary: NoGlossaryOpt = False,
    config: ConfigOpt = None,
) -> None:
    """A local search page (and JSON endpoint) on this computer only; Ctrl-C stops it."""
    from ..search.serve import check_host
    from ..search.serve import serve as run_server
    from ..store import default_db_path

    check_host(host)  # before loading anything
    run_server(
        db or default_db_path(),
        host=host,
        port=port,
        embedder=_embedder(embedder, config),
        glossary=_glossary(glossary, no_glossary, config),
    )
