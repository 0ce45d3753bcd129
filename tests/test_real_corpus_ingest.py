"""Every real PDF in ../shared/real (all folders) is read, or refused with a stated reason.

The same check benchmarks/bench.py prints for any folder; here it guards the
shared real documents (read in place).  A 2014 SIF report once failed with a
bare "StopIteration": an exception that is not a ReviewmineError is a bug.
"""

import pytest

from paths import SHARED
from reviewmine.errors import ReviewmineError
from reviewmine.ingest import parse_file

REAL = SHARED / "real"


@pytest.mark.slow
def test_every_real_pdf_ingests_or_is_refused_with_a_reason():
    pdfs = sorted(REAL.rglob("*.pdf"))
    folders = {p.parent.name for p in pdfs}
    assert len(pdfs) >= 100 and {"ofsted", "letters", "regressions"} <= folders
    crashed, refused, empty = [], [], []
    for pdf in pdfs:
        try:
            doc, items = parse_file(pdf)
        except ReviewmineError as exc:
            # a stated reason: one line that names the file
            if pdf.name not in str(exc) or "\n" in str(exc):
                crashed.append(f"{pdf.name}: reason does not name the file: {exc}")
            refused.append(str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - the point of the test
            crashed.append(f"{pdf.name}: {type(exc).__name__}: {exc}")
            continue
        if doc.pages < 1 or not doc.text.strip() or any(it.page > doc.pages for it in items):
            empty.append(pdf.name)
    assert not crashed, crashed
    assert not empty, empty
