"""Practice briefings: content, sub-themes, tracker status, questions, formats, redaction."""

from __future__ import annotations

import doctest

import numpy as np
import pytest
from typer.testing import CliRunner

from report_sample import PAYLOAD_IMG, PAYLOAD_SCRIPT, TODAY, build_store
from reviewmine.cli import app
from reviewmine.embedding.embedders import HashingEmbedder
from reviewmine.errors import InputError, NotFound, QueryError
from reviewmine.outputs import briefing as briefing_mod
from reviewmine.outputs.briefing import (
    briefing_html,
    briefing_markdown,
    build_briefing,
    keep_name,
    n_subthemes,
    parse_since,
    short_quote,
    subtheme_groups,
    write_briefing,
)

runner = CliRunner()
EMB = HashingEmbedder(256)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = build_store(tmp_path_factory.mktemp("briefing"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def neglect(store):
    return build_briefing(store, "neglect", embedder=EMB, today=TODAY)


def test_module_doctests():
    assert doctest.testmod(briefing_mod).failed == 0


def test_counts_and_years(neglect):
    b = neglect
    assert (b.theme, b.theme_name) == ("neglect", "Neglect")
    assert (b.n_items, b.n_docs, b.n_reviews, b.n_inspections) == (9, 3, 3, 0)
    assert [(y.year, y.documents, y.items) for y in b.years] == [
        (2017, 1, 3),
        (2021, 1, 4),
        (2023, 1, 2),
    ]


def test_subthemes_have_labels_and_cited_verbatim_quotes(store, neglect):
    b = neglect
    assert 2 <= len(b.subthemes) <= 5
    assert sum(s.n_items for s in b.subthemes) == b.n_items
    texts = {it.text for it in store.items(theme="neglect")}
    for s in b.subthemes:
        assert s.label and s.terms and 1 <= len(s.quotes) <= 3
        for q in s.quotes:
            # verbatim: the quote (less any closing ellipsis) is a prefix of an item's text
            body = q.text.removesuffix(" …")
            assert any(t.startswith(body) for t in texts), q.text
            assert (
                ", page 1, para " in q.citation and q.citation.endswith('"') and ".md" in q.citation
            )


def test_briefing_is_deterministic(store, neglect):
    again = build_briefing(store, "neglect", embedder=EMB, today=TODAY)
    assert again == neglect
    assert briefing_markdown(again) == briefing_markdown(neglect)


def test_recommendations_carry_tracker_status(neglect):
    by_start = {r.quote.text[:30]: r for r in neglect.recommendations}
    done = by_start["The Board should launch a negl"]
    assert done.state == "complete" and done.status == "Complete"
    assert done.actions[0].action_id == "A1"
    late = by_start["The partnership should make su"]
    assert late.state == "overdue"
    assert by_start["The partnership should audit h"].state == "none"
    # newest first
    assert neglect.recommendations[0].quote.date == "2023-10-05"


def test_questions_come_from_the_documents(neglect):
    qs = [q.text for q in neglect.questions]
    # the one naming the theme comes first
    assert qs[0] == "When did you last use the neglect toolkit?"
    assert "How do you know what a child's day is like?" in qs
    assert all(q.endswith("?") for q in qs)
    assert neglect.questions[0].citation.startswith("eastmere_lcspr_child-a_2021.md, page 1")


def test_no_tracker_says_so(tmp_path):
    with build_store(tmp_path, tracker=False) as s:
        b = build_briefing(s, "neglect", embedder=EMB, today=TODAY)
    assert {r.status for r in b.recommendations} == {"No tracker linked"}
    assert "No tracker linked" in briefing_markdown(b)


def test_query_since_and_area_narrow_the_briefing(store):
    b = build_briefing(store, "Neglect", embedder=EMB, today=TODAY, query="toolkit")
    assert b.n_items == 5 and all("toolkit" in s.quotes[0].text for s in b.subthemes)
    b = build_briefing(store, "neglect", embedder=EMB, today=TODAY, since="2021")
    assert {y.year for y in b.years} == {2021, 2023}
    b = build_briefing(store, "neglect", embedder=EMB, today=TODAY, area="harrowfield")
    assert b.n_docs == 1 and b.sources[0].area == "Harrowfield"
    assert "Scope: area: harrowfield." in briefing_markdown(b)


def test_errors_name_what_to_do(store):
    with pytest.raises(NotFound, match="no theme 'radicalisation'"):
        build_briefing(store, "radicalisation", embedder=EMB)
    with pytest.raises(NotFound, match="areas: Eastmere, Harrowfield"):
        build_briefing(store, "neglect", embedder=EMB, area="Nowhere")
    with pytest.raises(NotFound, match="no items carry the theme 'neglect' matching"):
        build_briefing(store, "neglect", embedder=EMB, query="zebra")
    with pytest.raises(QueryError):
        build_briefing(store, "neglect", embedder=EMB, query="!!")
    with pytest.raises(InputError, match="since"):
        parse_since("last year")


def test_fts_syntax_in_query_is_plain_text(store):
    # read as FTS5 syntax this would match the 5 toolkit items; as plain words it needs "x" too
    with pytest.raises(NotFound):
        build_briefing(store, "neglect", embedder=EMB, today=TODAY, query='toolkit" OR "x')
    b = build_briefing(store, "neglect", embedder=EMB, today=TODAY, query="toolkit*")
    assert b.n_items == 5


# ------------------------------------------------------------------ formats


def test_docx_has_real_headings_lists_quotes_and_a_table(neglect, tmp_path):
    import docx

    path = tmp_path / "neglect.docx"
    assert write_briefing(neglect, path) == "docx"
    d = docx.Document(str(path))
    styles = [(p.style.name, p.text) for p in d.paragraphs]
    h1 = [t for s, t in styles if s == "Heading 1"]
    assert h1 == [
        "How often it was raised",
        "What the reviews and inspections found",
        "Recommendations and what happened",
        "Questions for practitioners",
        "Sources",
    ]
    assert sum(1 for s, _ in styles if s == "Heading 2") == len(neglect.subthemes)
    quotes = [t for s, t in styles if s == "Quote"]
    assert len(quotes) == sum(len(s.quotes) for s in neglect.subthemes)
    # the quotes are the sub-themes' quotes, verbatim and in order
    assert quotes == [f"“{q.text}”" for st in neglect.subthemes for q in st.quotes]
    assert any("neglect toolkit" in q for q in quotes)
    cites = [t for s, t in styles if t.startswith("— ")]
    assert all(", page 1, para " in c for c in cites) and len(cites) == len(quotes)
    bullets = [t for s, t in styles if s == "List Bullet"]
    assert any(t.startswith("When did you last use the neglect toolkit?") for t in bullets)
    # year chart as a table of bars, and the recommendations table with status
    chart, recs = d.tables
    assert chart.rows[1].cells[0].text == "2017" and "▇" in chart.rows[1].cells[1].text
    assert recs.rows[0].cells[2].text == "Tracker status"
    statuses = {r.cells[2].text.split(" (")[0].split(":")[0] for r in recs.rows[1:]}
    assert {"Complete", "Overdue", "No tracker action found"} <= statuses


def test_html_briefing_escapes_document_text(store, tmp_path):
    b = build_briefing(store, "fathers_male_carers", embedder=EMB, today=TODAY)
    page = briefing_html(b)
    assert PAYLOAD_SCRIPT not in page and PAYLOAD_IMG not in page
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()  # the page has no script of its own either
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and '<title id="chart-title">' in page
    for tag in ("<h1>", "<h2>", "<h3>", "<blockquote>", "<table>", "<ul>"):
        assert tag in page
    path = tmp_path / "b.html"
    assert write_briefing(b, path) == "html" and path.read_text(encoding="utf-8") == page


def test_markdown_briefing_escapes_document_text(store):
    b = build_briefing(store, "fathers_male_carers", embedder=EMB, today=TODAY)
    text = briefing_markdown(b)
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
    assert text.startswith("# Practice briefing: Fathers and male carers\n")
    assert "## Questions for practitioners" in text


def test_unknown_suffix_is_refused(neglect, tmp_path):
    with pytest.raises(InputError, match=r"\.docx, \.html or \.md"):
        write_briefing(neglect, tmp_path / "x.pdf")


def test_cli_briefing(store, tmp_path):
    out = tmp_path / "n.docx"
    res = runner.invoke(
        app,
        ["briefing", "neglect", "--db", str(store.path), "--embedder", "hashing", "-o", str(out)],
    )
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 5000 and "9 items from 3 documents" in res.output
    res = runner.invoke(
        app,
        [
            "briefing",
            "neglect",
            "--db",
            str(store.path),
            "--embedder",
            "hashing",
            "--since",
            "2023",
        ],
    )
    assert res.exit_code == 0 and res.output.startswith("# Practice briefing: Neglect")
    res = runner.invoke(app, ["briefing", "neglect", "--db", str(store.path), "-o", "x.pdf"])
    assert res.exit_code == 2


# ------------------------------------------------------------------ pieces


def test_short_quote_is_a_verbatim_prefix():
    text = "First sentence here. " + "word " * 100
    q = short_quote(text, 60)
    assert q == "First sentence here. …"
    q = short_quote("x" * 10 + " " + "y" * 300, 100)
    assert q.endswith(" …") and ("x" * 10 + " " + "y" * 300).startswith(q[:-2])


def test_number_of_subthemes():
    assert [n_subthemes(n) for n in (1, 3, 4, 10, 20, 50, 500)] == [1, 1, 2, 2, 3, 5, 5]


def test_subtheme_groups_are_seeded_largest_first_and_use_emergent_clustering():
    # one clustering for the briefing and 'themes emergent' (emergent.emergent_themes)
    rng = np.random.default_rng(1)
    a = rng.normal(0, 0.05, (6, 8)) + np.eye(8)[0]
    b = rng.normal(0, 0.05, (3, 8)) + np.eye(8)[1]
    vectors = np.vstack([b, a]).astype(np.float32)
    texts = ["safe sleep advice for fathers"] * 3 + ["neglect toolkit use by schools"] * 6
    first = subtheme_groups(texts, vectors, 2)
    assert [g.item_indices for g in first] == [
        g.item_indices for g in subtheme_groups(texts, vectors, 2)
    ]
    assert [g.item_indices for g in first] == [(3, 4, 5, 6, 7, 8), (0, 1, 2)]
    assert "neglect toolkit" in first[0].key_phrases and "safe sleep" in first[1].key_phrases
    # identical vectors cannot make more groups than there are distinct points
    assert len(subtheme_groups(["x"] * 5, np.ones((5, 4), dtype=np.float32), 3)) == 1


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        ("Child A", True),
        ("Baby L", True),
        ("Family X", True),
        ("Siblings M and N", True),
        ("Child A's", True),
        ("Eastmere Safeguarding Children Partnership", True),
        ("Harrowfield Police", True),
        ("Tyler", True),
        ("John Smith", False),
        ("Mary", False),
    ],
)
def test_pseudonyms_and_agencies_are_kept(span, kept):
    assert keep_name(span, keep=("Tyler",)) is kept


def test_redaction_runs_on_every_quote(store):
    calls = []

    def fake(texts, keep):
        calls.append((list(texts), list(keep)))
        return [t.replace("John Smith", "[name]") for t in texts]

    b = build_briefing(store, "neglect", embedder=EMB, today=TODAY, redact=True, redactor=fake)
    ((texts, keep),) = calls
    assert len(texts) == (
        sum(len(s.quotes) for s in b.subthemes) + len(b.recommendations) + len(b.questions)
    )
    assert "Child A" in keep and "Family X" in keep
    assert b.redacted and "John Smith" not in briefing_markdown(b)
    assert "People's names in quotes are replaced by [name]." in briefing_markdown(b)


@pytest.mark.slow
def test_redaction_with_spacy():
    from reviewmine.outputs.briefing import redact_names

    out = redact_names(
        [
            (
                "Practitioners did not recognise the harm to Child A; John Smith, the health visitor, "
                "saw poor home conditions."
            ),
            (
                "Baby L's father, David Jones, was not seen by Harrowfield Police or the Eastmere "
                "Safeguarding Children Partnership."
            ),
            "Tyler was excluded from school.",
        ],
        keep=("Tyler",),
    )
    assert "John Smith" not in out[0] and "[name]" in out[0] and "Child A" in out[0]
    assert "David Jones" not in out[1] and "Baby L" in out[1]
    assert "Harrowfield Police" in out[1] and "Eastmere" in out[1]
    assert out[2] == "Tyler was excluded from school."


@pytest.mark.slow
def test_briefing_with_the_real_embedder(store):
    from reviewmine.embedding.embedders import load_embedder

    b = build_briefing(store, "neglect", embedder=load_embedder("minilm"), today=TODAY)
    assert b.embedder.startswith("all-MiniLM-L6-v2")
    assert sum(s.n_items for s in b.subthemes) == 9 and len(b.subthemes) >= 2


def test_regression_subtheme_headings_are_phrases_from_the_texts():
    # once "Experiencing; neglect prolonged; period": TF-IDF terms joined with semicolons
    from reviewmine.outputs.briefing import phrase_label

    text = (
        "The recognition of and response to children who are experiencing neglect over a "
        "prolonged period of time."
    )
    label = phrase_label([text], ["experiencing", "neglect prolonged", "period"])
    assert label == "Children who are experiencing neglect over a prolonged period"
    assert ";" not in label and label.lower() in text.lower()
    assert phrase_label(["Nothing relevant here."], ["neglect"]) == ""
