import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewmine.store import MIGRATIONS, SCHEMA_VERSION, Store
from reviewmine.types import Block, Document, Item, ThemeScore


def make_doc(doc_id: str = "a" * 64, texts: tuple[str, ...] = ("Heading", "Some text.")) -> Document:
    blocks, pos = [], 0
    for i, t in enumerate(texts):
        if i:
            pos += 2
        blocks.append(Block(index=i, page=1, kind="heading" if i == 0 else "paragraph", text=t,
                            start=pos, end=pos + len(t)))
        pos += len(t)
    return Document(id=doc_id, file="x.pdf", file_name="x.pdf", doc_type="other", title="T",
                    area="Eastmere", date="2020-01-01", pages=1, text="\n\n".join(texts),
                    blocks=tuple(blocks), page_texts=("\n".join(texts),),
                    judgements={"Overall effectiveness": "Good"})


def make_item(doc_id: str, n: int, text: str = "Ensure that plans are reviewed.") -> Item:
    return Item(doc_id=doc_id, kind="recommendation", text=text, page=1, heading="Recommendations",
                number=str(n + 1), ordinal=n, id=f"{doc_id[:12]}:{n}", addressees=("police",))


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
    hits = store.db.execute("SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH 'some'").fetchone()[0]
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
@given(texts=st.lists(st.text(min_size=1, max_size=80).filter(lambda t: t.strip() == t and t),
                      min_size=1, max_size=6),
       item_text=st.text(min_size=1, max_size=200))
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
        assert back.text[b.start:b.end] == b.text
