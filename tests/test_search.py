"""Search: query syntax, filters, highlights, similar items, the CLI and the evaluation."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paths import CORPUS, REAL_OFSTED, ROOT
from reviewmine.cli import app
from reviewmine.embedding.embedders import HashingEmbedder
from reviewmine.errors import ConfigError, GoldError, NotFound, QueryError
from reviewmine.evaluation.search import Judged, evaluate_search, mrr_ndcg
from reviewmine.search.engine import (
    Searcher,
    SearchFilters,
    SearchHit,
    _name_terms,
    search,
    similar,
)
from reviewmine.search.glossary import Glossary, GlossaryEntry
from reviewmine.search.query import ParsedQuery, Term, parse_query
from reviewmine.store import Store
from reviewmine.types import Block, Document, Item, ThemeScore

runner = CliRunner()

# (kind, text, number, item kind or None, themes)
DOCS = {
    "a" * 64: {
        "file": "eastmere_ofsted_2019.pdf",
        "doc_type": "ofsted_inspection",
        "area": "Eastmere",
        "date": "2019-05-01",
        "blocks": [
            ("heading", "What needs to improve?", None, None, ()),
            (
                "list_item",
                "Return home interviews for children who go missing from care.",
                None,
                "area_for_improvement",
                ("missing",),
            ),
            (
                "list_item",
                "The quality of plans for children in need.",
                None,
                "area_for_improvement",
                ("assessment_quality",),
            ),
            (
                "paragraph",
                (
                    "Children who go missing from home receive timely return home "
                    "interviews, and the information is used in safety planning."
                ),
                "12",
                None,
                (),
            ),
            (
                "paragraph",
                "Managers track the risk of exploitation for every child.",
                None,
                None,
                (),
            ),
        ],
    },
    "b" * 64: {
        "file": "harrowfield_scr_2017.pdf",
        "doc_type": "scr",
        "area": "Harrowfield",
        "date": "2017-01-01",
        "blocks": [
            ("heading", "Findings", None, None, ()),
            (
                "list_item",
                ("Neglect was assessed one episode at a time, so cumulative harm was not seen."),
                "5.2",
                "finding",
                ("neglect",),
            ),
            (
                "paragraph",
                (
                    "Recommendation 1: The LSCB should revise the neglect strategy and "
                    "make the Graded Care Profile an expected part of practice."
                ),
                None,
                "recommendation",
                ("neglect", "governance_partnership"),
            ),
            ("table_cell", "Children's Social Care", None, None, ()),
        ],
    },
    "c" * 64: {
        "file": "eastmere_lcspr_2023.pdf",
        "doc_type": "lcspr",
        "area": "Eastmere",
        "date": "2023-03-15",
        "blocks": [
            ("heading", "Recommendations", None, None, ()),
            (
                "list_item",
                (
                    "Children who go missing should be offered a return interview by a "
                    "trusted adult of their choice."
                ),
                "3",
                "recommendation",
                ("missing",),
            ),
            (
                "paragraph",
                "Multi-agency training on exploitation reached 1,460 practitioners.",
                "4.1",
                None,
                (),
            ),
        ],
    },
}


def _build(store: Store) -> None:
    themes: dict[str, list[ThemeScore]] = {}
    for doc_id, d in DOCS.items():
        blocks, items, pos = [], [], 0
        for i, (kind, text, number, item_kind, item_themes) in enumerate(d["blocks"]):
            if i:
                pos += 2
            blocks.append(
                Block(
                    index=i,
                    page=1 + i // 3,
                    kind=kind,
                    text=text,
                    number=number,
                    start=pos,
                    end=pos + len(text),
                )
            )
            if item_kind:
                n = len(items)
                it = Item(
                    doc_id=doc_id,
                    kind=item_kind,
                    text=text,
                    page=1 + i // 3,
                    heading="x",
                    number=number,
                    start=pos,
                    end=pos + len(text),
                    ordinal=n,
                    id=f"{doc_id[:12]}:{n}",
                )
                items.append(it)
                themes[it.id] = [ThemeScore(t, 0.9, "test") for t in item_themes]
            pos += len(text)
        doc = Document(
            id=doc_id,
            file=d["file"],
            file_name=d["file"],
            doc_type=d["doc_type"],
            title=d["file"].split(".")[0].replace("_", " "),
            area=d["area"],
            date=d["date"],
            pages=2,
            text="\n\n".join(b.text for b in blocks),
            blocks=tuple(blocks),
            page_texts=("p1", "p2"),
        )
        store.save_document(doc, items, path=d["file"], size=1, mtime=0)
    store.set_item_themes(themes)


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "s.db")
    _build(s)
    yield s
    s.close()


@pytest.fixture
def emb():
    return HashingEmbedder(128)


# ------------------------------------------------------------------ query syntax


@pytest.mark.parametrize("query", ['return "home', '"', '"""', 'missing"'])
def test_unbalanced_quotes_are_a_clear_query_error(store, query):
    with pytest.raises(QueryError, match="double quote"):
        search(store, query, mode="keyword")


@pytest.mark.parametrize("query", ["", "   ", "*", "-", "()", "((", "--- ***", '""', "^", ":"])
def test_queries_without_words_are_a_clear_query_error(store, query):
    with pytest.raises(QueryError, match="no words"):
        search(store, query, mode="keyword")


@pytest.mark.parametrize(
    "query",
    [
        "NEAR",
        "NEAR(missing interviews)",
        "missing NEAR interviews",
        "-missing",
        "missing -home",
        "(missing",
        "missing)",
        "missing AND",
        "OR missing",
        "NOT missing",
        "missing*",
        "*missing",
        "text:missing",
        "{text}: missing",
        "^missing",
        "missing + home",
        "missing'",
        "child's",
        "miss*ing",
        "a*b*c",
        "\\missing",
        "missing;DROP TABLE blocks",
        "ＭＩＳＳＩＮＧ",
    ],
)
def test_fts5_syntax_characters_are_escaped_not_crashes(store, query, emb):
    for mode in ("keyword", "hybrid"):
        hits = search(store, query, mode=mode, embedder=emb)
        assert isinstance(hits, list)
    assert store.integrity_ok()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.sampled_from(list("ab \"*-()^:+NEARORANDNOT_'.,{}")), max_size=20))
def test_any_query_gives_hits_or_a_query_error(store, query):
    try:
        hits = search(store, query, mode="keyword")
    except QueryError:
        return
    assert all(isinstance(h, SearchHit) for h in hits)


def test_parse_query_terms():
    q = parse_query('Missing "return home" interview* multi-agency the')
    assert q.fts() == '"return home" AND ("missing" OR "interview"* OR "multi agency")'
    assert q.fts("and") == '"return home" AND ("missing" AND "interview"* AND "multi agency")'
    assert parse_query("the of").fts() == '("the" OR "of")'  # only stopwords: keep them
    assert parse_query('missing care "x y"').fts("pairs") == '"x y" AND (("missing" AND "care"))'
    assert parse_query("missing").fts("pairs") == '("missing")'


def test_hybrid_feedback_words_widen_only_the_keyword_ranking(store, emb):
    s = Searcher(store, emb)
    q = parse_query("interviews")
    wide = s._expand(q, s._semantic(q, SearchFilters(), 100, s._embed_query(q.text)))
    assert all(t.words[0] not in {"interviews"} for t in wide.extra)
    hits = s.search("interviews", mode="hybrid")
    for h in hits:  # highlights mark the user's word only, never a feedback word
        assert all(h.text[a:b].lower().startswith("interview") for a, b in h.highlights)


class _Recording(HashingEmbedder):
    """The hashing embedder, remembering every text it was asked to embed."""

    def __init__(self) -> None:
        super().__init__(128)
        self.seen: list[str] = []

    def embed(self, texts, progress=False):
        self.seen.extend(texts)
        return super().embed(texts, progress)


GCP_MEANS = "a checklist for judging how well a family looks after a child"
GCP_GLOSSARY = Glossary((GlossaryEntry("graded care profile", ("GCP",), GCP_MEANS),))


def _rank_of(hits, needle):
    return next((i for i, h in enumerate(hits) if needle in h.text), None)


def test_hybrid_adds_the_term_of_a_glossary_entry_close_in_meaning(store):
    # The query shares no word with the passage; the glossary entry's meaning is the query.
    emb = _Recording()
    with_g = Searcher(store, emb, glossary=GCP_GLOSSARY).search(GCP_MEANS, mode="hybrid")
    assert _rank_of(with_g, "Graded Care Profile") == 0
    assert f"{GCP_MEANS} (graded care profile)" in emb.seen  # the semantic query too
    without = Searcher(store, HashingEmbedder(128), glossary=Glossary(())).search(
        GCP_MEANS, mode="hybrid"
    )
    assert (_rank_of(without, "Graded Care Profile") or 99) > 0
    # keyword and semantic modes never use the glossary
    for mode in ("keyword", "semantic"):
        assert [
            h.text
            for h in Searcher(store, HashingEmbedder(128), glossary=GCP_GLOSSARY).search(
                GCP_MEANS, mode=mode
            )
        ] == [
            h.text
            for h in Searcher(store, HashingEmbedder(128), glossary=Glossary(())).search(
                GCP_MEANS, mode=mode
            )
        ]


def test_hybrid_expands_an_acronym_typed_in_capitals(store):
    far = Glossary((GlossaryEntry("graded care profile", ("GCP",), "zebra crossing painted"),))
    s = Searcher(store, HashingEmbedder(128), glossary=far)
    assert _rank_of(s.search("GCP uptake", mode="hybrid"), "Graded Care Profile") == 0
    meant, named = s._glossary_entries(parse_query("gcp uptake"), s._embed_query("gcp uptake"))
    assert (meant, named) == ([], [])  # lower case is an ordinary word, not the acronym


def test_glossary_names_come_with_their_plurals_since_fts5_does_not_stem():
    terms = _name_terms([GlossaryEntry("independent visitor", ("IV", "care leavers"), "x")])
    assert [" ".join(t.words) for t in terms] == [
        "independent visitor",
        "independent visitors",
        "iv",
        "ivs",
        "care leavers",
    ]


def test_glossary_names_join_the_fts_expression_as_alternatives():
    q = ParsedQuery(
        "x", (Term(("missing",)), Term(("care",))), (), (Term(("return", "interview")),)
    )
    assert q.fts("pairs") == '((("missing" AND "care")) OR "return interview")'
    req = ParsedQuery("x", (Term(("home",), phrase=True),), (), (Term(("rhi",)),))
    assert req.fts() == '"home" AND ("rhi")'  # typed phrases stay required


def test_a_long_question_keeps_its_rarest_words_for_the_keyword_ranking(store, emb):
    from reviewmine.search.engine import MAX_QUERY_WORDS

    s = Searcher(store, emb)
    words = (
        "neglect strategy profile graded revise cumulative episode harm assessed "
        "zeppelinish quokkas"
    )
    wide = s._expand(parse_query(words), [], ())
    kept = [t.words[0] for t in wide.words]
    assert len(kept) == MAX_QUERY_WORDS
    assert "zeppelinish" not in kept and "quokkas" not in kept  # found nowhere: dropped first
    assert "neglect" not in kept  # the most common word left goes next
    assert kept == [w for w in words.split() if w in kept]  # the question's order is kept


def test_phrase_is_required_and_prefix_matches_longer_words(store):
    hits = search(store, '"return interview"', mode="keyword")
    assert [h.file for h in hits] == ["eastmere_lcspr_2023.pdf"]
    assert search(store, "exploit*", mode="keyword")
    assert not search(store, "exploit", mode="keyword") or all(
        "exploit" in h.text.lower() for h in search(store, "exploit", mode="keyword")
    )
    assert {h.file for h in search(store, "exploit*", mode="keyword")} == {
        "eastmere_ofsted_2019.pdf",
        "eastmere_lcspr_2023.pdf",
    }


# -------------------------------------------------------------------- results


def test_an_item_and_its_block_come_back_once_with_the_item_id(store):
    hits = search(store, "return interviews missing care", mode="keyword", limit=20)
    keys = [(h.file, h.page, h.text) for h in hits]
    assert len(keys) == len(set(keys))
    item_hit = next(h for h in hits if h.text.startswith("Return home interviews for children"))
    assert item_hit.item_id == "aaaaaaaaaaaa:0" and item_hit.kind == "area_for_improvement"
    assert item_hit.themes == ("missing",)


def test_paragraph_is_the_block_number_or_the_nearest_numbered_paragraph(store):
    hits = search(store, "exploitation risk managers", mode="keyword")
    hit = next(h for h in hits if h.text.startswith("Managers track"))
    assert hit.paragraph == "12" and hit.item_id is None
    hit = next(
        h
        for h in search(store, "timely safety planning", mode="keyword")
        if h.text.startswith("Children who go missing from home")
    )
    assert hit.paragraph == "12"


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
def test_highlight_offsets_slice_back_to_the_query_words(store, emb, mode):
    hits = search(store, 'missing "return home" interview*', mode=mode, embedder=emb, limit=20)
    assert hits
    seen = 0
    for h in hits:
        for a, b in h.highlights:
            word = h.text[a:b].lower()
            seen += 1
            assert re.fullmatch(r"[\w ]+", word), word
            assert word.startswith(("miss", "return home", "interview")), word
        # every occurrence of a query word is marked
        marked = {a for a, _ in h.highlights}
        for m in re.finditer(r"\bmissing\b", h.text, re.IGNORECASE):
            assert m.start() in marked
    assert seen >= 4


def test_scores_are_ordered_and_modes_differ(store, emb):
    for mode in ("keyword", "semantic", "hybrid"):
        hits = search(store, "missing children interviews", mode=mode, embedder=emb)
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    with pytest.raises(QueryError, match="mode"):
        search(store, "x", mode="fuzzy")
    with pytest.raises(QueryError, match="embedding model"):
        search(store, "missing", mode="semantic")


def test_hybrid_is_reciprocal_rank_fusion_of_both_rankings(store, emb):
    s = Searcher(store, emb)
    kw = s.search("neglect strategy", mode="keyword", limit=50)
    hy = s.search("neglect strategy", mode="hybrid", limit=50)
    assert kw[0].text in {h.text for h in hy[:3]}
    assert all(0 < h.score <= 3 / 61 for h in hy)


# ---------------------------------------------------------------------- filters


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
def test_filters(store, emb, mode):
    def files(**kw):
        return {
            h.file
            for h in search(
                store,
                "children missing neglect exploitation interviews",
                mode=mode,
                embedder=emb,
                limit=50,
                filters=SearchFilters(**kw),
            )
        }

    assert files(doc_type="scr") == {"harrowfield_scr_2017.pdf"}
    assert files(area="eastmere") == {"eastmere_ofsted_2019.pdf", "eastmere_lcspr_2023.pdf"}
    assert files(since="2018-01-01", until="2020-12-31") == {"eastmere_ofsted_2019.pdf"}
    assert files(since="2024-01-01") == set()
    hits = search(
        store,
        "children missing neglect interviews",
        mode=mode,
        embedder=emb,
        limit=50,
        filters=SearchFilters(theme="missing"),
    )
    assert hits and all("missing" in h.themes for h in hits)
    hits = search(
        store,
        "children missing neglect interviews strategy",
        mode=mode,
        embedder=emb,
        limit=50,
        filters=SearchFilters(kind="recommendation", area="Eastmere"),
    )
    assert [h.item_id for h in hits] == ["cccccccccccc:0"]


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
def test_kind_takes_several_kinds_and_the_actionable_group(store, emb, mode):
    query = "children missing neglect interviews strategy plans cumulative"

    def kinds(flt):
        hits = search(store, query, mode=mode, embedder=emb, limit=50, filters=flt)
        return {h.item_id: h.kind for h in hits if h.item_id}

    both = kinds(SearchFilters(kind="recommendation,finding"))
    assert set(both.values()) == {"recommendation", "finding"}
    assert kinds(SearchFilters(kind="finding, Recommendation")) == both  # order, case, spaces
    actionable = kinds(SearchFilters(kind="actionable"))
    assert set(actionable.values()) == {"recommendation", "area_for_improvement"}
    assert "bbbbbbbbbbbb:0" not in actionable  # the finding asks for no change
    mixed = kinds(SearchFilters(kind="actionable,finding"))
    assert set(mixed) == set(actionable) | {"bbbbbbbbbbbb:0"}


def test_with_a_kind_filter_meaning_is_matched_on_the_items_own_text(tmp_path, emb):
    """A paragraph that only contains an item is not ranked by its other sentences."""
    text = (
        "The partnership has improved its audits. Recommendation 1: improve pathway plans "
        "for care leavers. Zebra giraffe okapi meerkat were discussed at length."
    )
    start = text.index("Recommendation")
    end = text.index("leavers.") + len("leavers.")
    doc_id = "d" * 64
    block = Block(index=0, page=1, kind="paragraph", text=text, start=0, end=len(text))
    item = Item(
        doc_id=doc_id,
        kind="recommendation",
        text=text[start:end],
        page=1,
        heading="x",
        start=start,
        end=end,
        ordinal=0,
        id=f"{doc_id[:12]}:0",
    )
    with Store.open(tmp_path / "k.db") as s:
        s.save_document(
            Document(
                id=doc_id,
                file="x.pdf",
                file_name="x.pdf",
                doc_type="scr",
                title="X",
                area=None,
                date=None,
                pages=1,
                text=text,
                blocks=(block,),
                page_texts=(text,),
            ),
            [item],
            path="x.pdf",
            size=1,
            mtime=0,
        )
        plain = search(s, "zebra giraffe okapi meerkat", mode="semantic", embedder=emb)
        assert plain[0].item_id is None  # unfiltered, the paragraph is the best match
        hits = search(
            s,
            "zebra giraffe okapi meerkat",
            mode="semantic",
            embedder=emb,
            filters=SearchFilters(kind="recommendation"),
        )
        assert [h.item_id for h in hits] == [item.id]


def test_cli_kind_is_repeatable_and_accepts_the_group(tmp_path):
    db = _db(tmp_path)
    base = [
        "search",
        "missing neglect plans",
        "--db",
        str(db),
        "--mode",
        "keyword",
        "--format",
        "json",
    ]
    rows = json.loads(
        runner.invoke(app, [*base, "--kind", "finding", "--kind", "area-for-improvement"]).stdout
    )
    assert rows and {r["kind"] for r in rows} <= {"finding", "area_for_improvement"}
    rows = json.loads(runner.invoke(app, [*base, "--kind", "actionable"]).stdout)
    assert rows and {r["kind"] for r in rows} <= {"recommendation", "area_for_improvement"}
    res = runner.invoke(app, [*base, "--kind", "actionable,wish"])
    assert isinstance(res.exception, QueryError) and "wish" in str(res.exception)


@pytest.mark.parametrize(
    "bad",
    [
        SearchFilters(doc_type="novel"),
        SearchFilters(kind="wish"),
        SearchFilters(kind=" , "),
        SearchFilters(since="last year"),
        SearchFilters(until="2020-13-01"),
        SearchFilters(since="2021-01-01", until="2020-01-01"),
    ],
)
def test_bad_filters_are_query_errors(store, bad):
    with pytest.raises(QueryError):
        search(store, "missing", mode="keyword", filters=bad)


# ---------------------------------------------------------------------- similar


def test_similar_returns_items_of_other_documents(store, emb):
    hits = similar(store, "aaaaaaaaaaaa:0", embedder=emb, limit=5)
    assert hits and all(h.doc_id != "a" * 64 and h.item_id for h in hits)
    assert hits[0].item_id == "cccccccccccc:0"  # the other 'return interview' item
    with pytest.raises(NotFound):
        similar(store, "nope:1", embedder=emb)


def test_vectors_are_cached_in_the_store(store, emb):
    s = Searcher(store, emb)
    s.search("missing", mode="semantic")
    assert s.n_embedded > 0
    again = Searcher(store, emb)
    again.search("missing", mode="semantic")
    assert again.n_embedded == 0


def test_an_empty_store_returns_nothing(tmp_path, emb):
    assert search(Store.open(tmp_path / "e.db"), "missing", embedder=emb) == []


# -------------------------------------------------------------------------- CLI


def _db(tmp_path):
    path = tmp_path / "cli.db"
    with Store.open(path) as s:
        _build(s)
    return path


def test_cli_search_json_shape(tmp_path):
    db = _db(tmp_path)
    res = runner.invoke(
        app,
        [
            "search",
            'missing "return home"',
            "--db",
            str(db),
            "--format",
            "json",
            "--embedder",
            "hashing",
            "--limit",
            "3",
        ],
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert 1 <= len(rows) <= 3
    for r in rows:
        assert {
            "doc_id",
            "file",
            "title",
            "page",
            "paragraph",
            "item_id",
            "score",
            "text",
            "highlights",
            "themes",
            "rank",
        } <= set(r)
        for a, b in r["highlights"]:
            assert r["text"][a:b].lower().startswith(("miss", "return home"))
    res = runner.invoke(
        app,
        [
            "search",
            "missing",
            "--db",
            str(db),
            "--format",
            "csv",
            "--mode",
            "keyword",
            "--type",
            "lcspr",
            "--since",
            "2020-01-01",
        ],
    )
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("rank,score,doc_id") and len(lines) == 2


def test_cli_table_similar_and_errors(tmp_path):
    db = _db(tmp_path)
    res = runner.invoke(app, ["search", "neglect", "--db", str(db), "--embedder", "hashing"])
    assert res.exit_code == 0 and "harrowfield_scr_2017" in res.stdout
    res = runner.invoke(
        app,
        ["similar", "aaaaaaaaaaaa:0", "--db", str(db), "--embedder", "hashing", "--format", "json"],
    )
    assert res.exit_code == 0, res.output
    assert all(r["doc_id"] != "a" * 64 for r in json.loads(res.stdout))
    res = runner.invoke(app, ["search", '"unclosed', "--db", str(db), "--mode", "keyword"])
    assert res.exit_code != 0 and isinstance(res.exception, QueryError)
    res = runner.invoke(
        app, ["search", "x", "--db", str(db), "--mode", "keyword", "--since", "soon"]
    )
    assert isinstance(res.exception, QueryError)


def test_cli_glossary_options(tmp_path):
    db = _db(tmp_path)
    mine = tmp_path / "mine.toml"
    mine.write_text(
        f'[[terms]]\nterm = "graded care profile"\nmeans = "{GCP_MEANS}"\n', encoding="utf-8"
    )
    args = ["search", GCP_MEANS, "--db", str(db), "--embedder", "hashing", "--format", "json"]
    with_g = json.loads(runner.invoke(app, [*args, "--glossary", str(mine)]).stdout)
    assert "Graded Care Profile" in with_g[0]["text"]
    without = json.loads(runner.invoke(app, [*args, "--no-glossary"]).stdout)
    assert "Graded Care Profile" not in without[0]["text"]
    res = runner.invoke(app, [*args, "--glossary", str(tmp_path / "absent.toml")])
    assert res.exit_code != 0 and isinstance(res.exception, ConfigError)
    assert "absent.toml" in str(res.exception)


# ------------------------------------------------------------------- evaluation


def _hit(file, page, text):
    return SearchHit(
        doc_id="d",
        file=file,
        title="t",
        doc_type="scr",
        date=None,
        page=page,
        paragraph=None,
        item_id=None,
        score=1.0,
        text=text,
    )


def test_mrr_and_ndcg_by_hand():
    rel = [Judged("a.pdf", 2, "return home interviews"), Judged("b.pdf", 1, "neglect strategy")]
    hits = [
        _hit("a.pdf", 2, "Nothing here"),
        _hit("b.pdf", 1, "Revise the Neglect strategy."),
        _hit("a.pdf", 2, "Timely return-home interviews are offered."),
        _hit("a.pdf", 2, "Timely return-home interviews are offered."),
    ]  # counted once
    mrr, ndcg, first = mrr_ndcg(hits, rel)
    assert first == 2 and mrr == 0.5
    dcg = 1 / 1.5849625007211563 + 1 / 2.0
    assert ndcg == pytest.approx(dcg / (1 + 1 / 1.5849625007211563))
    assert mrr_ndcg(hits[:1], rel)[:2] == (0.0, 0.0)
    # the page must be the hit's page or the next one
    assert not Judged("a.pdf", 5, "return home").matches(hits[2])


def test_eval_search_on_a_tiny_hand_made_set(store, tmp_path, emb):
    qs = tmp_path / "q.jsonl"
    qs.write_text(
        "\n".join(
            json.dumps(o)
            for o in [
                {
                    "id": "q1",
                    "query": "neglect strategy",
                    "relevant": [
                        {
                            "file": "harrowfield_scr_2017.pdf",
                            "page": 1,
                            "text": "The LSCB should revise the neglect strategy",
                        }
                    ],
                },
                {
                    "id": "q2",
                    "query": "trusted adult interview",
                    "relevant": [
                        {
                            "file": "eastmere_lcspr_2023.pdf",
                            "page": 1,
                            "text": "offered a return interview by a trusted adult",
                        }
                    ],
                },
                {
                    "id": "q3",
                    "query": "exploitation training",
                    "relevant": [
                        {"file": "eastmere_lcspr_2023.pdf", "page": 1, "text": "not in the store"}
                    ],
                },
            ]
        )
        + "\n"
    )
    ev = evaluate_search(store, qs, emb)
    kw = ev["modes"]["keyword"]
    ranks = [p["first_relevant_rank"] for p in kw["per_query"]]
    assert ranks[0] == 1 and ranks[1] == 1 and ranks[2] is None
    assert kw["mrr@10"] == pytest.approx(2 / 3)
    assert [u["query"] for u in ev["unresolved"]] == ["q3"]
    assert set(ev["modes"]) == {"keyword", "semantic", "hybrid"}
    res = runner.invoke(
        app,
        [
            "eval",
            "search",
            "--gold",
            str(qs),
            "--db",
            str(store.path),
            "--embedder",
            "hashing",
            "--modes",
            "keyword",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "keyword   MRR@10=0.667" in res.stdout and "MISS  keyword   q3" in res.stdout


def test_eval_search_with_a_kind_scores_those_items_only(store, tmp_path, emb):
    qs = tmp_path / "q.jsonl"
    qs.write_text(
        "\n".join(
            json.dumps(o)
            for o in [
                {
                    "id": "rec",
                    "query": "neglect strategy graded care",
                    "relevant": [
                        {
                            "file": "harrowfield_scr_2017.pdf",
                            "page": 1,
                            "text": "The LSCB should revise the neglect strategy",
                        }
                    ],
                },
                {
                    "id": "finding-only",
                    "query": "cumulative harm",
                    "relevant": [
                        {
                            "file": "harrowfield_scr_2017.pdf",
                            "page": 1,
                            "text": "Neglect was assessed one episode at a time",
                        }
                    ],
                },
                {
                    "id": "para-only",
                    "query": "exploitation training",
                    "relevant": [
                        {
                            "file": "eastmere_lcspr_2023.pdf",
                            "page": 2,
                            "text": "Multi-agency training on exploitation",
                        }
                    ],
                },
            ]
        )
        + "\n"
    )
    ev = evaluate_search(store, qs, emb, kind="actionable", modes=["keyword"])
    assert ev["queries"] == 1 and ev["skipped"] == 2  # a finding and a paragraph: not actionable
    kw = ev["modes"]["keyword"]["per_query"]
    assert [p["id"] for p in kw] == ["rec"] and kw[0]["first_relevant_rank"] == 1
    ev = evaluate_search(store, qs, emb, kind="finding,recommendation", modes=["keyword"])
    assert ev["queries"] == 2
    res = runner.invoke(
        app,
        [
            "eval",
            "search",
            "--gold",
            str(qs),
            "--db",
            str(store.path),
            "--embedder",
            "hashing",
            "--modes",
            "keyword",
            "--kind",
            "actionable",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "1 queries with --kind actionable (2 left out" in res.stdout


def test_malformed_query_sets_are_gold_errors(store, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"query": "x"}\n')
    with pytest.raises(GoldError, match="line 1"):
        evaluate_search(store, bad, None)
    other = tmp_path / "other.jsonl"
    other.write_text(
        json.dumps({"query": "x", "relevant": [{"file": "zzz.pdf", "page": 1, "text": "x"}]}) + "\n"
    )
    with pytest.raises(GoldError, match="ingest"):
        evaluate_search(store, other, None)


def test_store_is_not_touched_by_a_search(store):
    before = store.counts()
    search(store, "neglect", mode="keyword")
    assert store.counts() == before
    with pytest.raises(sqlite3.OperationalError):
        store.db.execute("SELECT * FROM blocks_fts WHERE blocks_fts MATCH 'NEAR('").fetchall()


# ------------------------------------------------------- real query sets (slow)

_PDF = lambda p: p.suffix == ".pdf"
QUERY_SETS = {
    "ofsted": (REAL_OFSTED, "ofsted_queries.jsonl", _PDF),
    # written and judged after the glossary, by someone who had not seen it or the search code
    "ofsted_heldout": (REAL_OFSTED, "ofsted_heldout_queries.jsonl", _PDF),
    "corpus": (
        CORPUS,
        "corpus_queries.jsonl",
        lambda p: p.suffix in (".pdf", ".docx", ".html", ".md") and p.name != "README.md",
    ),
}
_EVALS: dict[str, dict] = {}
_STORES: dict[str, Store] = {}


def _evaluate(name, tmp_path_factory):
    """Ingest the folder once, score all three modes with MiniLM, once per query set."""
    if name not in _EVALS:
        from reviewmine.embedding.embedders import load_embedder
        from reviewmine.ingest import ingest_paths

        folder, qfile, keep = QUERY_SETS[name]
        if str(folder) not in _STORES:  # both Ofsted sets share one store (and its vectors)
            store = Store.open(tmp_path_factory.mktemp("search") / "s.db")
            ingest_paths(sorted(p for p in folder.iterdir() if keep(p)), store)
            _STORES[str(folder)] = store
        _EVALS[name] = evaluate_search(
            _STORES[str(folder)], ROOT / "evaluation" / "search" / qfile, load_embedder("minilm")
        )
    return _EVALS[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(QUERY_SETS))
def test_hybrid_beats_keyword_and_semantic_on_the_real_query_sets(
    name, tmp_path_factory, no_network
):
    ev = _evaluate(name, tmp_path_factory)
    assert ev["unresolved"] == []
    m = {mode: r["mrr@10"] for mode, r in ev["modes"].items()}
    n = {mode: r["ndcg@10"] for mode, r in ev["modes"].items()}
    assert m["hybrid"] > max(m["keyword"], m["semantic"]), m
    assert n["hybrid"] > max(n["keyword"], n["semantic"]), n


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(QUERY_SETS))
def test_hybrid_meets_the_acceptance_mrr(name, tmp_path_factory, no_network):
    ev = _evaluate(name, tmp_path_factory)
    # the acceptance target is 0.8; the corpus floor sits a little under its measured 0.958
    assert ev["modes"]["hybrid"]["mrr@10"] >= {"corpus": 0.9}.get(name, 0.8)


# ------------------------------------------------------- index (embedding at ingest)


class _DiesAfter:
    """A hashing embedder that raises on its n-th call, like a run killed mid-way."""

    def __init__(self, calls):
        self.inner, self.calls = HashingEmbedder(128), calls
        self.model_id, self.dim = self.inner.model_id, self.inner.dim

    def embed(self, texts, progress=False):
        self.calls -= 1
        if self.calls < 0:
            raise KeyboardInterrupt
        return self.inner.embed(texts)


def test_index_saves_each_batch_so_a_killed_run_loses_nothing(store):
    from reviewmine.embedding.cache import index_passages, missing_texts

    todo, total = missing_texts(store, "hashing-128@v1")
    assert len(todo) == total > 6
    with pytest.raises(KeyboardInterrupt):
        index_passages(store, _DiesAfter(2), batch=3)
    left, _ = missing_texts(store, "hashing-128@v1")
    assert len(left) == total - 6  # two batches of three were saved before the kill
    n, _ = index_passages(store, HashingEmbedder(128), batch=3)
    assert n == len(left) and missing_texts(store, "hashing-128@v1")[0] == []
    searcher = Searcher(store, HashingEmbedder(128))
    searcher.search("neglect")
    assert searcher.n_embedded == 0  # the first search after indexing embeds nothing


def test_cli_index_reports_progress_in_lines_when_not_on_a_terminal(tmp_path):
    db = _db(tmp_path)
    res = runner.invoke(app, ["index", "--db", str(db), "--embedder", "hashing", "--batch", "4"])
    assert res.exit_code == 0, res.output
    assert re.search(r"embedding passages: (\d+)/\1 ", res.stderr)  # the closing line
    assert "embedded 12 new passages; 12 indexed" in res.stderr
    again = runner.invoke(app, ["index", "--db", str(db), "--embedder", "hashing"])
    assert "embedded 0 new passages; 12 indexed" in again.stderr
    res = runner.invoke(app, ["search", "neglect", "--db", str(db), "--embedder", "hashing"])
    assert "not indexed" not in res.stderr


def test_a_search_before_indexing_says_it_is_embedding(tmp_path):
    db = _db(tmp_path)
    res = runner.invoke(app, ["search", "neglect", "--db", str(db), "--embedder", "hashing"])
    assert res.exit_code == 0
    assert "passages are not indexed yet: embedding them now" in res.stderr


_NO_TORCH_SCRIPT = """
import sys
from reviewmine.cli import main
sys.argv = ["reviewmine", "search", "children who run away", "--db", sys.argv[1],
            "--format", "json"]
try:
    main()
except SystemExit:
    pass
finally:
    heavy = [m for m in ("torch", "sentence_transformers", "transformers", "sklearn")
             if m in sys.modules]
    print("HEAVY=" + ",".join(heavy), file=sys.stderr)
"""


@pytest.mark.slow
def test_hybrid_search_with_the_real_model_imports_no_torch(tmp_path, no_network):
    import subprocess
    import sys

    db = _db(tmp_path)
    res = runner.invoke(app, ["index", "--db", str(db)])  # default embedder: MiniLM on ONNX
    assert res.exit_code == 0, res.output
    out = subprocess.run(
        [sys.executable, "-c", _NO_TORCH_SCRIPT, str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "HEAVY=\n" in out.stderr, out.stderr
    assert "not indexed" not in out.stderr
    hits = json.loads(out.stdout)
    assert "missing" in hits[0]["text"]
