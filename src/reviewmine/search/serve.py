"""``reviewmine serve``: a local search page over one store, for the scrutineer and the QIP.

One warm process keeps the embedding model loaded and the search index
(units, vectors) in memory, so a hybrid query costs tens of milliseconds.  It
listens on the loopback interface only and has no login because nothing leaves
the machine: :func:`check_host` refuses any other address, and the Host header
must name the loopback too (so a web page elsewhere cannot reach the server by
DNS rebinding).

Built on Starlette and uvicorn; pages are Jinja2 templates with autoescaping
(``data/serve_*.html``), with no script at all and a Content-Security-Policy
that forbids any, so document text, however hostile, is only ever shown.

Routes:

* ``/``: the search form (query, mode, type, area, dates, theme, kinds) and hits
  with highlighted text and full citations;
* ``/api/search``: the same hits as ``reviewmine search --format json``;
* ``/doc/{doc_id}``: a document's outline (headings, numbered paragraphs,
  items) with an anchor per page and item;
* ``/similar/{item_id}``: items of other documents closest in meaning.

The store is reopened-and-reloaded when another process (an ingest) commits to
it, checked with SQLite's ``PRAGMA data_version`` on each request.
"""

from __future__ import annotations

import contextlib
import ipaddress
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..artefacts import DATA_DIR
from ..errors import ConfigError, NotFound, QueryError
from ..types import DOC_TYPE_LABELS, ITEM_KINDS, KIND_LABELS
from .engine import KIND_GROUPS, MODES, Searcher, SearchFilters, SearchHit, hit_rows

if TYPE_CHECKING:
    from ..embedding.embedders import Embedder
    from ..store import Store
    from .glossary import Glossary

DEFAULT_PORT = 8765
DEFAULT_LIMIT = 10  # as reviewmine search, so the JSON endpoint matches it
MAX_LIMIT = 200
LOOPBACK_NAMES = ("localhost",)
TEMPLATES = DATA_DIR
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


def check_host(host: str) -> str:
    """*host* if it is a loopback address (or ``localhost``); ConfigError otherwise."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return "127.0.0.1"
    try:
        if ipaddress.ip_address(name).is_loopback:
            return name
    except ValueError:
        pass
    raise ConfigError(
        f"serve listens on the loopback interface only, not '{host}'",
        hint="use 127.0.0.1 (the default); the page has no login, so it must "
        "not be reachable from other machines",
    )


# ------------------------------------------------------------------------ the service


@dataclass(frozen=True)
class Query:
    """A request's search parameters, as typed (for refilling the form)."""

    q: str = ""
    mode: str = "hybrid"
    doc_type: str = ""
    area: str = ""
    since: str = ""
    until: str = ""
    theme: str = ""
    kinds: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT

    @classmethod
    def from_params(cls, params: Any) -> Query:
        def one(name: str) -> str:
            return str(params.get(name) or "").strip()

        try:
            limit = int(one("limit") or DEFAULT_LIMIT)
        except ValueError:
            raise QueryError("limit must be a whole number") from None
        return cls(
            q=one("q"),
            mode=one("mode") or "hybrid",
            doc_type=one("type"),
            area=one("area"),
            since=one("since"),
            until=one("until"),
            theme=one("theme"),
            kinds=tuple(k for k in params.getlist("kind") if k.strip()),
            limit=max(1, min(MAX_LIMIT, limit)),
        )

    def filters(self) -> SearchFilters:
        return SearchFilters(
            doc_type=self.doc_type or None,
            area=self.area or None,
            since=self.since or None,
            until=self.until or None,
            theme=self.theme or None,
            kind=",".join(self.kinds) if self.kinds else None,
        ).validated()


class SearchService:
    """One store and a warm :class:`Searcher`; reloaded when the store changes."""

    def __init__(self, db: Path, embedder: Embedder | None, glossary: Glossary | None) -> None:
        self.db_path = db
        self.embedder = embedder
        self.glossary = glossary
        self.store: Store | None = None
        self.searcher: Searcher | None = None
        self._version: int | None = None

    def open(self) -> None:
        from ..store import Store

        self.store = Store.open(self.db_path)
        self._fresh()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def warm(self) -> None:
        """Load the index and the model now, not on the first query (embeds what is missing)."""
        s = self._fresh()
        _ = s.units
        if self.embedder is not None:
            _ = s.matrix
            s.search("warm up", mode="hybrid", limit=1)

    def _fresh(self) -> Searcher:
        assert self.store is not None
        version = self.store.data_version()
        if self.searcher is None or version != self._version:
            self.searcher = Searcher(
                self.store, self.embedder, progress=True, glossary=self.glossary
            )
            self._version = version
        return self.searcher

    def search(self, query: Query) -> list[SearchHit]:
        if not query.q:
            return []
        mode = query.mode if query.mode in MODES else "hybrid"
        if self.embedder is None:
            mode = "keyword"
        return self._fresh().search(query.q, mode=mode, limit=query.limit, filters=query.filters())

    def similar(self, item_id: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        if self.embedder is None:
            raise QueryError(
                "similar items need the embedding model", hint="start serve without --embedder none"
            )
        return self._fresh().similar(item_id, limit=limit)

    def choices(self) -> dict[str, list[tuple[str, str]]]:
        """The filters' options, from what the store holds."""
        u = self._fresh().units
        types = sorted({m["doc_type"] for m in u.doc_meta})
        areas = sorted({m["area"] for m in u.doc_meta if m["area"]})
        themes = sorted({t for ts in u.themes.values() for t in ts})
        kinds = [(g, f"{g} (any kind that asks for a change)") for g in KIND_GROUPS]
        kinds += [(k, KIND_LABELS.get(k, k)) for k in ITEM_KINDS]
        return {
            "types": [(t, DOC_TYPE_LABELS.get(t, t)) for t in types],
            "areas": [(a, a) for a in areas],
            "themes": [(t, t) for t in themes],
            "kinds": kinds,
            "modes": [(m, m) for m in MODES],
        }


# ------------------------------------------------------------------------ rendering


def segments(text: str, spans: Any) -> list[tuple[str, bool]]:
    """*text* cut into (piece, highlighted) runs; the template escapes every piece.

    >>> segments("abc def", ((4, 7),))
    [('abc ', False), ('def', True)]
    """
    out: list[tuple[str, bool]] = []
    pos = 0
    for a, b in sorted((int(a), int(b)) for a, b in spans):
        if a < pos or b > len(text) or a >= b:
            continue
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def citation(hit: SearchHit) -> str:
    parts = [hit.title or hit.file, f"page {hit.page}"]
    if hit.paragraph:
        parts.append(f"paragraph {hit.paragraph}")
    if hit.item_id:
        parts.append(f"{KIND_LABELS.get(hit.kind, hit.kind).lower()} {hit.item_id}")
    return ", ".join(parts)


def _templates() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        segments=segments,
        citation=citation,
        kind_labels=KIND_LABELS,
        doc_type_labels=DOC_TYPE_LABELS,
    )
    return env


# ------------------------------------------------------------------------- the app


def create_app(service: SearchService, *, warm: bool = True) -> Any:
    """The Starlette application; the store is opened (and the model warmed) at startup."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    env = _templates()

    def page(name: str, status: int = 200, **ctx: Any) -> Response:
        html = env.get_template(name).render(**ctx)
        return HTMLResponse(html, status_code=status, headers=_HEADERS)

    async def home(request: Request) -> Response:
        error, hits = None, []
        try:
            query = Query.from_params(request.query_params)
            hits = service.search(query)
        except QueryError as err:
            query, error = Query(q=str(request.query_params.get("q") or "")), str(err)
        return page(
            "serve_search.html",
            400 if error else 200,
            query=query,
            hits=hits,
            error=error,
            choices=service.choices(),
            title="Search",
        )

    async def api_search(request: Request) -> Response:
        try:
            query = Query.from_params(request.query_params)
            if not query.q:
                raise QueryError("the query is empty", hint="pass ?q=...")
            hits = service.search(query)
        except QueryError as err:
            return JSONResponse({"error": str(err)}, status_code=400, headers=_HEADERS)
        return JSONResponse(hit_rows(hits), headers=_HEADERS)

    async def document(request: Request) -> Response:
        assert service.store is not None
        try:
            doc = service.store.find_document(request.path_params["doc_id"])
        except NotFound as err:
            return page("serve_error.html", 404, message=str(err), title="Not found")
        items = service.store.items(doc_id=doc.id)
        outline = [b for b in doc.blocks if b.kind == "heading" or b.number]
        return page(
            "serve_doc.html",
            doc=doc,
            items=items,
            outline=outline,
            title=doc.title or doc.file_name,
        )

    async def similar(request: Request) -> Response:
        item_id = request.path_params["item_id"]
        try:
            hits = service.similar(item_id)
            item = service.store.item(item_id) if service.store else None
        except (NotFound, QueryError) as err:
            return page("serve_error.html", 404, message=str(err), title="Not found")
        return page("serve_similar.html", item=item, hits=hits, title="Similar items")

    async def css(request: Request) -> Response:
        return FileResponse(TEMPLATES / "serve.css", media_type="text/css", headers=_HEADERS)

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        service.open()  # in the server's thread: SQLite connections stay in one thread
        if warm:
            service.warm()
        try:
            yield
        finally:
            service.close()

    routes = [
        Route("/", home),
        Route("/api/search", api_search),
        Route("/doc/{doc_id}", document),
        Route("/similar/{item_id}", similar),
        Route("/static/serve.css", css),
    ]
    hosts = ["127.0.0.1", "localhost", "[::1]", "::1", "testserver"]
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts)],
    )


_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def serve(
    db: Path,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    embedder: Embedder | None = None,
    glossary: Glossary | None = None,
) -> None:
    """Run the server until Ctrl-C (uvicorn stops it cleanly: requests finish, store closes)."""
    import uvicorn

    bind = check_host(host)
    if not Path(db).is_file():
        raise ConfigError("no store to serve", hint="ingest documents first, or pass --db FILE")
    service = SearchService(Path(db), embedder, glossary)
    app = create_app(service)
    url_host = f"[{bind}]" if ":" in bind else bind
    print(
        f"reviewmine search page on http://{url_host}:{port}/  (Ctrl-C stops it)",
        file=sys.stderr,
        flush=True,
    )
    config = uvicorn.Config(
        app,
        host=bind,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="on",
        server_header=False,
    )
    server = uvicorn.Server(config)
    try:
        server.run()
    except KeyboardInterrupt:
        pass  # uvicorn has shut down cleanly and re-raised Ctrl-C: that is the normal way out
    except SystemExit:  # uvicorn exits when it cannot bind; say so in our own words below
        pass
    if not server.started:
        raise ConfigError(
            f"could not listen on {url_host}:{port}",
            hint="is another server using that port? pass --port",
        )
    print("stopped", file=sys.stderr, flush=True)
