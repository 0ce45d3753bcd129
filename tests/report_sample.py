"""A small store for the report and briefing tests: four made-up documents, hand-set
themes, and a tracker with a complete, an overdue and a missing action.

One document carries hostile text (``<script>``, ``<img onerror>``, ``</script>``)
that must reach every output as literal text.
"""

from __future__ import annotations

from pathlib import Path

from reviewmine.ingest import ingest_paths
from reviewmine.store import Store
from reviewmine.types import ThemeScore

TODAY = "2026-11-26"
PAYLOAD_SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=2;alert(2)">'

DOCS = {
    "eastmere_scr_family-x_2017.md": """# Serious Case Review: Family X

Eastmere Safeguarding Children Board. Published 3 May 2017.

## Findings

1. Neglect of the children in Family X was seen as a housing problem and the cumulative harm was missed.
2. Health visitors did not use the neglect toolkit and home conditions were not recorded.

## Recommendations

1. The Board should launch a neglect toolkit for all agencies and train staff to use it.
2. Agencies should share information about missed health appointments with children's social care.
""",
    "eastmere_lcspr_child-a_2021.md": """# Local Child Safeguarding Practice Review: Child A

Eastmere Safeguarding Children Partnership. Published 12 March 2021.

## Findings

1. Practitioners did not recognise the cumulative harm of long-term neglect on Child A; John Smith, the health visitor, saw poor home conditions on four visits.
2. The neglect toolkit was not used by schools or health visitors.
3. Child A's father was not seen by any practitioner and his history was not known.

## Recommendations

1. The partnership should make sure all agencies use the neglect toolkit when they are worried about home conditions.
2. Children's social care should review how supervision considers drift in neglect cases.

## Questions for practitioners

- When did you last use the neglect toolkit?
- How do you know what a child's day is like?
""",
    "harrowfield_rapid-review_baby-l_2022.md": f"""# Rapid Review: Baby L {"</script>"}

Harrowfield Safeguarding Children Partnership. Published 14 June 2022.

## Recommendations

1. Police and health should share information about the father {PAYLOAD_SCRIPT} and {PAYLOAD_IMG} before discharge.
2. Safe sleep advice must be given to both parents & recorded by Mary Jones.
""",
    "harrowfield_lcspr_tyler_2023.md": """# Local Child Safeguarding Practice Review: Tyler

Harrowfield Safeguarding Children Partnership. Published 5 October 2023.

## Findings

1. Neglect at home was not linked to Tyler's exclusion from school and going missing.
2. Information held by the school was not shared with the MASH.

## Recommendations

1. The partnership should audit how the neglect toolkit is used in schools.
""",
}

RULES = {
    "neglect": ("neglect",),
    "information_sharing": ("information", "share"),
    "fathers_male_carers": ("father",),
    "safe_sleep": ("safe sleep",),
    "education_schools": ("school",),
}


def write_docs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def themes_for(text: str) -> tuple[ThemeScore, ...]:
    low = text.lower()
    found = [
        ThemeScore(t, 0.9, "test rule: " + w)
        for t, words in RULES.items()
        for w in words[:1]
        if any(x in low for x in words)
    ]
    return tuple(found) or (ThemeScore("other", 0.5, "test rule: none"),)


def _action(
    row: int, action_id: str, rec: str, action: str, due: str, status: str, norm: str
) -> dict[str, object]:
    return {
        "action_id": action_id,
        "source_file": "tracker.xlsx",
        "sheet": "Actions",
        "row": row,
        "review": None,
        "recommendation": rec,
        "action": action,
        "owner": "Head of Service",
        "due_date": due,
        "status": status,
        "status_norm": norm,
        "evidence": None,
        "raw_json": "{}",
    }


def build_store(tmp: Path, *, tracker: bool = True) -> Store:
    """Ingest the sample documents into tmp/sample.db, set themes, load a tracker."""
    folder = write_docs(tmp / "docs")
    store = Store.open(tmp / "sample.db")
    results = ingest_paths([folder], store, workers=1)
    assert all(r.status == "ingested" for r in results), results
    items = store.items()
    store.set_item_themes({it.id: themes_for(it.text) for it in items})
    if tracker:
        by_text = {it.text[:40]: it for it in items}
        scr_rec = next(it for t, it in by_text.items() if t.startswith("The Board should launch"))
        lcspr_rec = next(
            it for t, it in by_text.items() if t.startswith("The partnership should make")
        )
        store.replace_tracker_actions(
            "tracker.xlsx",
            [
                _action(
                    2,
                    "A1",
                    scr_rec.text,
                    "Launch the neglect toolkit <b>and</b> train staff",
                    "2018-03-31",
                    "Completed",
                    "complete",
                ),
                _action(
                    3,
                    "A2",
                    lcspr_rec.text,
                    "Audit use of the toolkit",
                    "2022-01-31",
                    "Amber",
                    "on_track",
                ),
            ],
        )
        store.replace_tracker_links(
            [
                {
                    "source_file": "tracker.xlsx",
                    "sheet": "Actions",
                    "row": 2,
                    "item_id": scr_rec.id,
                    "score": 0.91,
                    "reason": "test",
                    "origin": "match",
                },
                {
                    "source_file": "tracker.xlsx",
                    "sheet": "Actions",
                    "row": 3,
                    "item_id": lcspr_rec.id,
                    "score": 0.88,
                    "reason": "test",
                    "origin": "match",
                },
            ]
        )
    return store
