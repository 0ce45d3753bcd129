import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewmine.store import MIGRATIONS, SCHEMA_VERSION, Store
from reviewmine.types import Block, Document, Item, ThemeScore


def make_doc(
    doc_id: str = "a" * 64, texts: tuple[str, ...] = ("Heading", "Some text.")
) -> Document:
    blocks, pos = [], 0
    for i, t in enumerate(texts):
        if i:
            pos += 2
        blocks.append(
            Block(
                index=i,
                page=1,
                kind="heading" if i == 0 else "paragraph",
                text=t,
                start=pos,
                end=pos + len(t),
            )
        )
        pos += len(t)
    return Document(
        id=doc_id,
        file="x.pdf",
        file_name="x.pdf",
        doc_type="other",
        title="T",
        area="Eastmere",
        date="2020-01-01",
        pages=1,
        text="\n\n".join(texts),
        blocks=tuple(blocks),
        page_texts=("\n".join(texts),),
        judgements={"Overall effectiveness": "Good"},
    )


def make_item(doc_id: str, n: int, text: str = "Ensure that plans are reviewed.") -> Item:
    return Item(
        doc_id=doc_id,
        kind="recommendation",
        text=text,
        page=1,
        heading="Recommendations",
        number=str(n + 1),
        ordinal=n,
        id=f"{doc_id[:12]}:{n}",
        addressees=("police",),
    )


def test_new_store_has_every_migration(tmp_path):
    store = Store.open(tmp_path / "s.db")
    assert store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.integrity_ok()


def test_older_store_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied REAL)")
    name, fn = MIGRATIONS[0]
    fn(db)
    db.execute("INSERT INTO schema_migrations VALUES (?, 0)", (name,))
    db.close()
    store = Store.open(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.counts()["tracker_actions"] == 0


def test_save_twice_keeps_one_copy_and_a_changed_file_replaces(tmp_path):
    store = Store.open(tmp_path / "s.db")
    doc = make_doc()
    store.save_document(doc, [make_item(doc.id, 0)], path="x.pdf", size=1, mtime=0)
    store.save_document(doc, [make_item(doc.id, 0)], path="x.pdf", size=1, mtime=0)
    assert store.counts()["documents"] == 1 and store.counts()["items"] == 1
    new = make_doc("b" * 64, ("Heading", "Changed text."))
    replaced = store.save_document(new, [], path="x.pdf", size=2, mtime=1)
    assert replaced == doc.id
    assert store.document_ids() == [new.id]
    assert store.counts()["blocks"] == 2
    # the keyword index follows deletions made by cascade
    hits = store.db.execute(
        "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH 'some'"
    ).fetchone()[0]
    assert hits == 0


def test_failed_write_leaves_store_unchanged(tmp_path):
    store = Store.open(tmp_path / "s.db")
    doc = make_doc()
    store.save_document(doc, [make_item(doc.id, 0)], path="x.pdf", size=1, mtime=0)
    bad = make_doc("c" * 64)
    dup = [make_item(bad.id, 0), make_item(bad.id, 0)]  # duplicate ids violate UNIQUE
    try:
        store.save_document(bad, dup, path="y.pdf", size=1, mtime=0)
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("duplicate item ids must fail")
    assert store.document_ids() == [doc.id]
    assert store.counts()["items"] == 1


def test_themes_and_embeddings_round_trip(tmp_path):
    import numpy as np

    store = Store.open(tmp_path / "s.db")
    doc = make_doc()
    store.save_document(doc, [make_item(doc.id, 0)], path="x.pdf", size=1, mtime=0)
    store.set_item_themes({f"{doc.id[:12]}:0": [ThemeScore("neglect", 0.9, "keywords: neglect")]})
    assert store.items(theme="neglect")[0].id == f"{doc.id[:12]}:0"
    v = np.arange(4, dtype=np.float32)
    store.put_embeddings({"h1": v}, "m1")
    assert np.array_equal(store.get_embeddings(["h1", "h2"], "m1")["h1"], v)
    assert store.get_embeddings(["h1"], "m2") == {}


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(
        st.text(min_size=1, max_size=80).filter(lambda t: t.strip() == t and t),
        min_size=1,
        max_size=6,
    ),
    item_text=st.text(min_size=1, max_size=200),
)
def test_document_round_trip(tmp_path_factory, texts, item_text):
    store = Store.open(tmp_path_factory.mktemp("rt") / "s.db")
    doc = make_doc(texts=tuple(texts))
    item = make_item(doc.id, 0, item_text)
    store.save_document(doc, [item], path="x.pdf", size=1, mtime=0)
    back = store.document(doc.id)
    assert back.blocks == doc.blocks and back.text == doc.text
    assert back.judgements == doc.judgements
    assert store.items() == [item]
    for b in back.blocks:
        assert back.text[b.start : b.end] == b.text


def test_tracker_rows_come_back_as_the_importers_records(tmp_path):
    # one read path: the store's records equal what the importer read from the file
    from reviewmine.store import StoredLink
    from reviewmine.tracker.importer import import_tracker, load_actions

    store = Store.open(tmp_path / "s.db")
    doc = make_doc()
    store.save_document(doc, [make_item(doc.id, 0)], path="x.pdf", size=1, mtime=0)
    csv = tmp_path / "tracker.csv"
    csv.write_text(
        "Ref,Recommendation,Action,Owner,Due date,Status,Rec no\n"
        "A1,Ensure plans are reviewed,Audit plans,Head of service,31/03/2021,Complete,3\n"
        "A2,Share information,,,,Amber,\n",
        encoding="utf-8",
    )
    result = import_tracker(store, csv)
    records = store.tracker_actions()
    assert records == list(result.actions) == load_actions(store)
    assert records[0].due_date == "2021-03-31" and records[0].raw["Owner"] == "Head of service"
    assert store.tracker_action_count() == 2
    a = records[0]
    stored = store.replace_tracker_links(
        [
            {
                "source_file": a.source_file,
                "sheet": a.sheet,
                "row": a.row,
                "item_id": f"{doc.id[:12]}:0",
                "score": 0.75,
                "reason": "words",
                "origin": "match",
            },
            {
                "source_file": a.source_file,
                "sheet": a.sheet,
                "row": a.row,
                "item_id": "no-such-item",
                "score": 0.5,
                "reason": "words",
                "origin": "match",
            },
        ]
    )
    assert stored == 1
    assert store.tracker_links() == [
        StoredLink(a.source_file, a.sheet, a.row, "A1", f"{doc.id[:12]}:0", 0.75, "words", "match")
    ]


def test_passage_queries_for_search(tmp_path):
    store = Store.open(tmp_path / "s.db")
    doc = make_doc(texts=("Heading", "Plans were not reviewed.", "Neglect was missed."))
    store.save_document(
        doc,
        [make_item(doc.id, 0, "Ensure that neglect is recognised.")],
        path="x.pdf",
        size=1,
        mtime=0,
    )
    blocks = list(store.index_blocks())
    assert [b.text for b in blocks] == [
        "Heading",
        "Plans were not reviewed.",
        "Neglect was missed.",
    ]
    assert [d.file_name for d in store.index_documents()] == ["x.pdf"]
    [item] = store.index_items()
    assert sorted(store.passage_texts()) == sorted([b.text for b in blocks] + [item.text])
    ranked = store.keyword_ranked("blocks", '"neglect"', 10)
    assert [r for r, _ in ranked] == [blocks[2].rowid]
    assert store.keyword_ranked("blocks", '"neglect"', 10, kinds=["finding"]) == []
    assert store.keyword_ranked("items", '"neglect"', 10, rowids=[]) == []
    assert store.blocks_matching('"neglect"') == 1 and store.block_count() == 3
    assert store.item_ids_matching('"recognised"') == {item.id}
    assert store.highlighted("blocks", '"neglect"', [blocks[2].rowid], "[", "]") == [
        (blocks[2].rowid, "[Neglect] was missed.")
    ]
    assert store.passage_text("items", [item.rowid, 999]) == {item.rowid: item.text}
    try:
        store.passage_text("documents", [1])
    except ValueError:
        pass
    else:
        raise AssertionError("only the passage tables can be named")


def test_health_checks_read_without_migrating(tmp_path):
    from reviewmine.store.health import StoreInspection, fts_integrity_error

    path = tmp_path / "s.db"
    Store.open(path).close()
    with StoreInspection(path) as s:
        assert s.applied_migrations() == {name for name, _ in MIGRATIONS}
        assert s.integrity_check() == ["ok"] and s.foreign_key_problems() == []
    assert fts_integrity_error(path, "blocks") is None
