"""Builders of hostile and broken input files, and store checks, for the hardening tests.

Everything is made here from bytes (or from the real sample PDFs), so the
tests need no extra library: PDFs are written object by object, encrypted
ones with the standard security handler (RC4, revisions 2 and 3) done by hand.
"""

from __future__ import annotations

import contextlib
import faulthandler
import hashlib
import io
import random
import sqlite3
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

# --------------------------------------------------------------------- PDF writing


def build_pdf(
    objects: list[bytes], *, root: int = 1, trailer: bytes = b"", version: bytes = b"1.4"
) -> bytes:
    """A PDF from object bodies (object n is objects[n-1]) with a correct xref table."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer,
        xref,
    )
    return bytes(out)


def _pdf_string(text: str) -> bytes:
    raw = text.encode("latin-1", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def page_content(lines: list[str], size: int = 11) -> bytes:
    ops = [b"BT /F1 %d Tf 72 770 Td %d TL" % (size, size + 4)]
    for ln in lines:
        ops.append(_pdf_string(ln) + b" Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


SAMPLE_LINES = [
    "Serious Case Review: Child Q",
    "Recommendations",
    "1. The partnership should ensure that strategy discussions include the police.",
    "2. Health visitors should record the views of the child at every visit.",
    "3. Schools should escalate concerns about neglect using the toolkit.",
]


def text_pdf(pages: list[list[str]] | None = None, *, encrypt: dict | None = None) -> bytes:
    """A small PDF with a real text layer; ``encrypt`` = {"user": b"", "owner": b"o", "r": 2|3}."""
    pages = pages or [SAMPLE_LINES]
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    key = None
    trailer = b""
    file_id = hashlib.md5(repr(pages).encode()).digest()
    if encrypt is not None:
        key, o, u, p = _standard_security(
            encrypt.get("user", b""), encrypt.get("owner", b"owner"), file_id, encrypt.get("r", 2)
        )
    for i, lines in enumerate(pages):
        num = 4 + 2 * i
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (num + 1)
        )
        data = page_content(lines)
        if key is not None:
            data = rc4(_object_key(key, num + 1), data)
        objects.append(_stream(data))
    if key is not None:
        r = encrypt["r"] if encrypt else 2  # type: ignore[index]
        v, length = (1, 40) if r == 2 else (2, 128)
        objects.append(
            b"<< /Filter /Standard /V %d /R %d /Length %d /O <%s> /U <%s> /P %d >>"
            % (v, r, length, o.hex().encode(), u.hex().encode(), p)
        )
        trailer = b"/Encrypt %d 0 R " % len(objects)
    trailer += b"/ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode())
    return build_pdf(objects, trailer=trailer)


# The standard security handler (PDF 1.7, section 7.6.3), RC4 only.
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _standard_security(
    user: bytes, owner: bytes, file_id: bytes, r: int
) -> tuple[bytes, bytes, bytes, int]:
    n = 5 if r == 2 else 16
    p = -4
    h = hashlib.md5((owner + _PAD)[:32]).digest()
    if r >= 3:
        for _ in range(50):
            h = hashlib.md5(h).digest()
    okey = h[:n]
    o = rc4(okey, (user + _PAD)[:32])
    if r >= 3:
        for i in range(1, 20):
            o = rc4(bytes(b ^ i for b in okey), o)
    h = hashlib.md5((user + _PAD)[:32] + o + struct.pack("<i", p) + file_id).digest()
    if r >= 3:
        for _ in range(50):
            h = hashlib.md5(h[:n]).digest()
    key = h[:n]
    if r == 2:
        u = rc4(key, _PAD)
    else:
        u = rc4(key, hashlib.md5(_PAD + file_id).digest())
        for i in range(1, 20):
            u = rc4(bytes(b ^ i for b in key), u)
        u += b"\0" * 16
    return key, o, u, p


def _object_key(key: bytes, num: int, gen: int = 0) -> bytes:
    return hashlib.md5(key + struct.pack("<i", num)[:3] + struct.pack("<i", gen)[:2]).digest()[
        : min(len(key) + 5, 16)
    ]


def image_only_pdf(n_pages: int = 2, seed: int = 0) -> bytes:
    """A 'scanned' PDF: each page is one grey image, no text layer at all."""
    rnd = random.Random(seed)
    kids = b" ".join(b"%d 0 R" % (3 + 3 * i) for i in range(n_pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages),
    ]
    for i in range(n_pages):
        num = 3 + 3 * i
        pixels = bytes(rnd.randrange(256) for _ in range(64 * 64))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>" % (num + 1, num + 2)
        )
        objects.append(
            _stream(
                zlib.compress(pixels),
                b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ",
            )
        )
        objects.append(_stream(b"q 500 0 0 700 50 70 cm /Im1 Do Q"))
    return build_pdf(objects)


def many_pages_pdf(n_pages: int) -> bytes:
    """n pages sharing one font; each page has a few lines of text (cheap to write)."""
    page_lines = [
        [
            f"Section {i + 1}",
            (
                f"{i + 1}.1 The board should review case {i + 1} "
                "and report on progress to the partnership."
            ),
        ]
        for i in range(n_pages)
    ]
    return text_pdf(page_lines)


# The one page of the hand-made PDFs below: font in object 5, content in object 4.
_PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
)


def nested_array_pdf(depth: int) -> bytes:
    """A page whose resources hold an array nested `depth` levels deep."""
    deep = b"[" * depth + b"1" + b"]" * depth
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >>"
            b" /Deep " + deep + b" >> /Contents 4 0 R >>",
            _stream(page_content(SAMPLE_LINES)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def nested_dict_pdf(depth: int) -> bytes:
    deep = b"<< /A " * depth + b"1" + b" >>" * depth
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Deep " + deep + b" >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _PAGE,
            _stream(page_content(SAMPLE_LINES)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def deep_page_tree_pdf(depth: int) -> bytes:
    """Pages nodes nested `depth` deep before the single page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for i in range(depth):
        num = 2 + i
        parent = b"/Parent %d 0 R " % (num - 1) if i else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, num + 1))
    page = 2 + depth
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        b"<< /F1 %d 0 R >> >> /Contents %d 0 R >>" % (page - 1, page + 2, page + 1)
    )
    objects.append(_stream(page_content(SAMPLE_LINES)))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return build_pdf(objects)


def cyclic_page_tree_pdf() -> bytes:
    """A Pages node that lists itself among its kids."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            _PAGE,
            _stream(page_content(SAMPLE_LINES)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def recursive_form_pdf() -> bytes:
    """A form XObject that draws itself (infinite recursion if followed)."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _PAGE.replace(b"/F1 5 0 R >>", b"/F1 5 0 R >> /XObject << /X 6 0 R >>"),
            _stream(page_content(SAMPLE_LINES) + b"\n/X Do"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(
                b"/X Do BT /F1 9 Tf 10 10 Td (loop) Tj ET",
                b"/Type /XObject /Subtype /Form /BBox [0 0 100 100] "
                b"/Resources << /XObject << /X 6 0 R >> /Font << /F1 5 0 R >> >> ",
            ),
        ]
    )


def unbalanced_q_pdf(n: int) -> bytes:
    """A content stream opening `n` graphics states and closing none."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _PAGE,
            _stream(b"q " * n + page_content(SAMPLE_LINES)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def flate_bomb_pdf(megabytes: int) -> bytes:
    """A content stream that inflates to `megabytes` MB of spaces around a little text."""
    comp = zlib.compressobj(1)  # level 1: ~0.3 s per 50 MB here, ratio still ~200:1
    head = page_content(SAMPLE_LINES[:2]) + b"\n"
    parts = [comp.compress(head)]
    chunk = b" " * (1 << 20)
    for _ in range(megabytes):
        parts.append(comp.compress(chunk))
    parts.append(comp.compress(b"\n" + page_content(SAMPLE_LINES[2:])))
    parts.append(comp.flush())
    data = b"".join(parts)
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _PAGE,
            _stream(data, b"/Filter /FlateDecode "),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


# ------------------------------------------------------------------- damaging PDFs


def truncate(data: bytes, fraction: float) -> bytes:
    return data[: max(1, int(len(data) * fraction))]


def flip_bytes(data: bytes, n: int, rnd: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(n):
        i = rnd.randrange(len(buf))
        buf[i] ^= 1 << rnd.randrange(8)
    return bytes(buf)


def break_xref(data: bytes, how: str, rnd: random.Random) -> bytes:
    """Damage the cross-reference information of a real PDF in one of several ways."""
    if how == "startxref":  # point startxref at a wrong offset
        i = data.rfind(b"startxref")
        if i < 0:
            return data[:-20]
        return data[:i] + b"startxref\n%d\n%%%%EOF\n" % rnd.randrange(len(data))
    if how == "drop_startxref":
        i = data.rfind(b"startxref")
        return data[:i] if i > 0 else data[:-50]
    if how == "shift":  # every xref / object offset off by a few bytes
        return data[:20] + b" " * rnd.randrange(1, 50) + data[20:]
    if how == "garble_table":
        i = data.rfind(b"xref")
        if i < 0:
            return flip_bytes(data, 30, rnd)
        j = min(len(data), i + 400)
        noise = bytes(rnd.randrange(48, 58) for _ in range(j - i - 4))
        return data[: i + 4] + noise + data[j:]
    if how == "no_trailer":
        i = data.rfind(b"trailer")
        return data[:i] if i > 0 else data[:-100]
    raise ValueError(how)


XREF_DAMAGE = ("startxref", "drop_startxref", "shift", "garble_table", "no_trailer")


# --------------------------------------------------------------------------- DOCX


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A minimal valid DOCX written directly as a zip (no python-docx needed)."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return _docx_zip(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )


def _docx_zip(document_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
            'org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        zf.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx_zip_bomb(megabytes: int, *, lie: bool = False) -> bytes:
    """A DOCX whose document.xml inflates to `megabytes` MB of spaces.

    With ``lie=True`` the zip headers claim a tiny uncompressed size (the
    classic way past a size check); the real data is still the big stream.
    """
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        b'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    )
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    comp = zlib.compressobj(1, zlib.DEFLATED, -15)
    crc = zlib.crc32(head)
    parts = [comp.compress(head)]
    chunk = b" " * (1 << 20)
    for _ in range(megabytes):
        parts.append(comp.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    parts.append(comp.compress(tail))
    crc = zlib.crc32(tail, crc)
    parts.append(comp.flush())
    deflated = b"".join(parts)
    size = len(head) + len(tail) + megabytes * (1 << 20)
    claimed = 1000 if lie else size
    small = zipfile.ZipFile(io.BytesIO(docx_bytes(["x"])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in small.infolist():
            if info.filename != "word/document.xml":
                zf.writestr(info.filename, small.read(info.filename))
    # append the bomb member by hand: local header, data, then rebuild the central directory
    out = bytearray(buf.getvalue())
    cd_start = out.find(b"PK\x01\x02")
    central = bytes(out[cd_start : out.rfind(b"PK\x05\x06")])
    eocd = bytes(out[out.rfind(b"PK\x05\x06") :])
    del out[cd_start:]
    name = b"word/document.xml"
    offset = len(out)
    out += (
        struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(deflated), claimed, len(name), 0
        )
        + name
        + deflated
    )
    new_cd_start = len(out)
    out += central
    out += (
        struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(deflated),
            claimed,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + name
    )
    n_entries = struct.unpack("<H", eocd[10:12])[0] + 1
    cd_size = len(out) - new_cd_start
    out += struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, n_entries, n_entries, cd_size, new_cd_start, 0
    )
    return bytes(out)


# --------------------------------------------------------------------------- store

TABLES = (
    "documents",
    "files",
    "pages",
    "blocks",
    "items",
    "item_themes",
    "embeddings",
    "tracker_actions",
)


def snapshot(db_path: Path) -> dict[str, dict[str, str]]:
    """Per table, a digest of every row keyed by its identity (independent of rowid)."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        out: dict[str, dict[str, str]] = {}
        for table in TABLES:
            cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != "rowid"]
            rows: dict[str, str] = {}
            for row in db.execute(f"SELECT {', '.join(cols)} FROM {table}"):
                rec = dict(zip(cols, row))
                rec.pop("ingested_at", None)  # a re-save of the same bytes may touch only this
                digest = hashlib.sha256(repr(sorted(rec.items())).encode()).hexdigest()
                rows[digest] = str(rec.get("doc_id") or rec.get("id") or rec.get("path") or "")
            out[table] = rows
        return out
    finally:
        db.close()


def unchanged_except(
    before: dict[str, dict[str, str]], after: dict[str, dict[str, str]], new_docs: set[str]
) -> list[str]:
    """Differences between snapshots other than rows added for the documents in `new_docs`."""
    problems = []
    for table, rows in before.items():
        lost = set(rows) - set(after[table])
        if lost:
            problems.append(f"{table}: {len(lost)} rows changed or removed")
        added = {k: v for k, v in after[table].items() if k not in rows}
        if table == "embeddings":
            added = {}  # a cache keyed by text hash, not by document: new passages add rows
        stray = [v for v in added.values() if not any(v.startswith(d[:12]) for d in new_docs)]
        if stray:
            problems.append(f"{table}: {len(stray)} rows added for unknown documents {stray[:3]}")
    return problems


def consistency_problems(db_path: Path) -> list[str]:
    """What is wrong with a store after a crash: integrity, half-stored documents, FTS drift."""
    db = sqlite3.connect(str(db_path), timeout=60)
    try:
        q = db.execute
        problems = []
        ic = q("PRAGMA integrity_check").fetchall()
        if ic != [("ok",)]:
            problems.append(f"integrity_check: {ic[:3]}")
        fk = q("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:3]}")
        tables = {r[0] for r in q("SELECT name FROM sqlite_master WHERE type='table'")}
        if "documents" not in tables:
            return problems  # killed before the schema was made: nothing to check
        for doc_id, pages, n_pages, n_blocks, n_files in q(
            "SELECT d.id, d.pages, (SELECT count(*) FROM pages p WHERE p.doc_id=d.id),"
            " (SELECT count(*) FROM blocks b WHERE b.doc_id=d.id),"
            " (SELECT count(*) FROM files f WHERE f.doc_id=d.id) FROM documents d"
        ):
            if n_pages != pages:
                problems.append(f"{doc_id[:12]}: {n_pages} page rows for {pages} pages")
            if n_blocks == 0:
                problems.append(f"{doc_id[:12]}: no blocks")
            if n_files == 0:
                problems.append(f"{doc_id[:12]}: no file path points at it")
        for table in ("pages", "blocks", "items", "files"):
            n = q(
                f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            if n:
                problems.append(f"{table}: {n} rows of no document")
        n = q(
            "SELECT count(*) FROM items i WHERE i.ordinal >= (SELECT count(*) FROM items j "
            "WHERE j.doc_id = i.doc_id)"
        ).fetchone()[0]
        if n:
            problems.append(f"items: {n} documents with gaps in item ordinals")
        for fts in ("blocks_fts", "items_fts"):
            if fts in tables:
                try:
                    q(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
                except sqlite3.DatabaseError as exc:
                    problems.append(f"{fts}: {exc}")
        return problems
    finally:
        db.close()


# ------------------------------------------------------------------------ helpers


@contextlib.contextmanager
def quiet_crashes() -> Iterator[None]:
    """Turn off pytest's faulthandler while workers may die on purpose: forked workers
    inherit it and would print a traceback for an expected abort (the test reads the
    one-line reason instead)."""
    was_on = faulthandler.is_enabled()
    faulthandler.disable()
    try:
        yield
    finally:
        if was_on:
            faulthandler.enable(file=sys.__stderr__)


def store_signature(db_path: Path) -> dict[str, object]:
    """What a finished ingest leaves: per document its row counts, and which path holds which."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        docs = {
            r[0]: r[1:]
            for r in db.execute(
                "SELECT d.id, d.pages, (SELECT count(*) FROM pages p WHERE p.doc_id=d.id),"
                " (SELECT count(*) FROM blocks b WHERE b.doc_id=d.id),"
                " (SELECT count(*) FROM items i WHERE i.doc_id=d.id),"
                " (SELECT group_concat(text, '|') FROM (SELECT text FROM items i WHERE i.doc_id=d.id"
                "  ORDER BY ordinal)) FROM documents d"
            )
        }
        files = dict(db.execute("SELECT path, doc_id FROM files"))
        return {"documents": docs, "files": files}
    finally:
        db.close()
