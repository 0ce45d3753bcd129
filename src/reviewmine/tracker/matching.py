"""Link tracker actions to the extracted items they answer, and report the gaps.

For every action the matcher ranks the stored items by

* **which review it names**: the tracker's review/source text (or the banner
  row above it, or its sheet's name) is compared with each document's case
  pseudonym ("Child D"), area, dates (year, month), type ("SCR", "ILACS",
  "Rapid Review") and title/file name; items of the best-fitting documents get
  a bonus, so the same words in another review rarely win;
* **meaning**: cosine similarity of sentence embeddings (any
  :class:`~reviewmine.embedding.embedders.Embedder`; cached in the store);
* **words**: TF-IDF cosine over crude word stems (unigrams and bigrams);
* **the number it quotes**: "Rec 3", "Para 27", "Action 2", "Paras 52-53"
  against the items' printed numbers in the documents it names.

The best item is linked when its meaning+words score clears a threshold (lower
inside the named review when it clearly beats the review's other items, higher
outside it); a further item is linked when the tracker quotes its number too or
it ties, or when it is a later report of the same area repeating the
recommendation (each such item goes to the one action per tracker that fits it
best).  One recommendation may of course collect several actions.  Users correct the result with an overrides file
(:func:`~reviewmine.tracker.overrides.load_overrides`): a rejected pair is never linked
again, and an action with a confirmed link keeps only its confirmed links.

Findings (:class:`MatchResult`), each decided by one function that the report
also calls (:func:`tracker_findings`): items of an actionable kind with no
action (:func:`items_without_action`), actions with no item, overdue actions on
a given day (:func:`find_overdue`, :func:`reviewmine.tracker.importer.action_state`), and
learning raised again in a later document of the same area although its action
is complete (:mod:`reviewmine.tracker.despite`).

Example::

    result = match_tracker(store, load_embedder("minilm"), today=date(2024, 6, 1))
    result.links[0].reason
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import TrackerError
from ..types import ACTIONABLE_KINDS, KIND_LABELS, Document, Item, ThemeScore
from .despite import DespiteCase, case_row, find_despite_complete
from .importer import TrackerAction, action_state, load_actions
from .overrides import Override, load_overrides
from .refs import ActionRef, ItemRef, Link, action_ref, item_ref
from .review_refs import doc_facts, review_affinity
from .text import clean_action_text, clean_item_text, content_tokens

if TYPE_CHECKING:
    from ..embedding.embedders import Embedder
    from ..store import Store

# Findings and learning points may be linked to an action, but only the kinds in
# types.ACTIONABLE_KINDS (the one owner of that rule) count as "items without an action".
LINKABLE_KINDS = ACTIONABLE_KINDS | {"finding", "learning_point"}


@dataclass(frozen=True)
class MatchParams:
    """Weights and thresholds of the matcher (see the module docstring).

    Set on the development tracker ``evaluation/tracker/ofsted_improvement_plan``
    (whose numbers are therefore not unseen), then checked once on the held-out
    ``corpus/tracker.xlsx``; the rule for a later report repeating a
    recommendation was added after that check (see evaluation/tracker/README.md).
    """

    semantic_weight: float = 0.6  # similarity = w * meaning + (1 - w) * words
    doc_bonus: float = 0.25  # added for items of the review the action names
    number_bonus: float = 0.15  # added when the quoted number is the item's
    link_threshold: float = 0.33  # similarity (+ number bonus) that links on its own
    min_threshold: float = 0.22  # ...or, in the named review, a clear winner above this
    clear_margin: float = 0.10  # ...clear: this far above the review's next item
    outside_threshold: float = 0.55  # an item outside the named review needs this much
    also_margin: float = 0.04  # a second item quoted by number, within this of the best
    tie_margin: float = 0.01  # a second item not quoted, within this of the best
    doc_min_evidence: float = 1.0  # review evidence needed before documents are preferred


DEFAULT_PARAMS = MatchParams()


# ----------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Overdue:
    action: ActionRef
    days_overdue: int | None  # None when only the status says so
    reason: str


@dataclass(frozen=True)
class MatchResult:
    links: tuple[Link, ...]
    items_without_action: tuple[ItemRef, ...]
    actions_without_item: tuple[ActionRef, ...]
    overdue: tuple[Overdue, ...]
    recurring_despite_complete: tuple[DespiteCase, ...]
    covered_docs: frozenset[str] = frozenset()  # documents with at least one linked action
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``reviewmine match --format json``."""
        return {
            "links": [link_row(x) for x in self.links],
            "items_without_action": [
                {**_item_dict(i), "document_has_actions": i.doc_id in self.covered_docs}
                for i in self.items_without_action
            ],
            "actions_without_item": [_action_dict(a) for a in self.actions_without_item],
            "overdue": [
                {**_action_dict(o.action), "days_overdue": o.days_overdue, "reason": o.reason}
                for o in self.overdue
            ],
            "recurring_despite_complete": [case_row(r) for r in self.recurring_despite_complete],
            "notes": list(self.notes),
            "warnings": list(self.warnings),
        }


def _item_dict(i: ItemRef) -> dict[str, Any]:
    return {
        "item_id": i.item_id,
        "file": i.file,
        "page": i.page,
        "number": i.number,
        "kind": i.kind,
        "kind_label": KIND_LABELS.get(i.kind, i.kind),
        "date": i.date,
        "heading": i.heading,
        "text": i.text,
    }


def _action_dict(a: ActionRef) -> dict[str, Any]:
    return {
        "action_id": a.action_id,
        "tracker": a.source_file,
        "sheet": a.sheet,
        "row": a.row,
        "review": a.review,
        "action": a.text,
        "owner": a.owner,
        "due_date": a.due_date,
        "status": a.status,
        "status_norm": a.status_norm,
    }


def link_row(x: Link) -> dict[str, Any]:
    return {
        "action_id": x.action.action_id,
        "item_id": x.item.item_id,
        "file": x.item.file,
        "page": x.item.page,
        "score": round(x.score, 3),
        "reason": x.reason,
        "origin": x.origin,
        "tracker": x.action.source_file,
        "sheet": x.action.sheet,
        "row": x.action.row,
        "item_number": x.item.number,
        "kind": x.item.kind,
        "kind_label": KIND_LABELS.get(x.item.kind, x.item.kind),
        "action": x.action.text,
        "item_text": x.item.text,
        "status_norm": x.action.status_norm,
    }


# ----------------------------------------------------------------------------- text


def _analyzer(text: str) -> list[str]:
    toks = content_tokens(text)
    return toks + [f"{a} {b}" for a, b in pairwise(toks)]


_NUM_REF = re.compile(
    r"\b(rec(?:ommendation)?s?|paras?|paragraphs?|action|finding|learning point|lp|r)\.?\s*"
    r"(\d+(?:\.\d+)*)([a-z])?(?:\s*(?:-|–|to|and|&)\s*(\d+))?\b",
    re.IGNORECASE,
)
_LABELS = {
    "rec": "rec",
    "recs": "rec",
    "recommendation": "rec",
    "recommendations": "rec",
    "r": "rec",
    "para": "para",
    "paras": "para",
    "paragraph": "para",
    "paragraphs": "para",
    "action": "action",
    "finding": "finding",
    "learning point": "learning",
    "lp": "learning",
}


def quoted_numbers(action: TrackerAction) -> set[tuple[str, str]]:
    """(label, number) pairs the tracker quotes: {("rec", "3"), ("para", "27")}."""
    out: set[tuple[str, str]] = set()
    sources = [action.rec_number or "", action.recommendation or "", action.action or ""]
    for i, src in enumerate(sources):
        if i == 0 and re.fullmatch(r"\s*\d+(?:\.\d+)*\s*", src):
            out.add(("any", src.strip()))
            continue
        for m in _NUM_REF.finditer(src):
            label = _LABELS.get(m[1].lower(), "any")
            first = m[2]
            out.add((label, first))
            if m[4] and first.isdigit() and 0 < int(m[4]) - int(first) <= 10:
                out.update((label, str(n)) for n in range(int(first) + 1, int(m[4]) + 1))
    return out


def _item_number(item: Item) -> tuple[str, str] | None:
    if not item.number:
        return None
    m = re.search(r"(\d+(?:\.\d+)*)", item.number)
    if not m:
        return None
    word = item.number.lower()
    label = (
        "action"
        if word.startswith("action")
        else "finding"
        if word.startswith("finding")
        else "learning"
        if word.startswith("learning")
        else "rec"
        if word.startswith(("rec", "r"))
        else "any"
    )
    return label, m.group(1)


def _number_match(quoted: set[tuple[str, str]], item: Item) -> float:
    """1 when the quoted number and label agree, 0.34 when only the number does."""
    num = _item_number(item)
    if not num or not quoted:
        return 0.0
    best = 0.0
    for label, n in quoted:
        if n != num[1]:
            continue
        same = label == num[0] or "any" in (label, num[0]) or {label, num[0]} <= {"rec", "para"}
        best = max(best, 1.0 if same else 0.34)
    return best


# ----------------------------------------------------------------------------- matching


def _cosine_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    an = np.linalg.norm(a, axis=1, keepdims=True)
    bn = np.linalg.norm(b, axis=1, keepdims=True)
    an[an == 0] = 1
    bn[bn == 0] = 1
    return (a / an) @ (b / bn).T


def _tfidf(
    action_texts: Sequence[str], item_texts: Sequence[str]
) -> tuple[np.ndarray, dict[str, float]]:
    """TF-IDF cosine (sublinear tf, smoothed idf, unigrams and bigrams of stems) of every
    action against every item, and the idf table (fitted on actions and items together)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer=_analyzer)
    try:
        vectorizer.fit([*item_texts, *action_texts])
    except ValueError:  # no texts, or not one content word in them: nothing is similar
        return np.zeros((len(action_texts), len(item_texts)), dtype=np.float64), {}
    # Rows are L2-normalised, so the product of the sparse matrices is the cosine.
    out = (vectorizer.transform(action_texts) @ vectorizer.transform(item_texts).T).toarray()
    idf = dict(zip(vectorizer.get_feature_names_out().tolist(), vectorizer.idf_.tolist()))
    return np.asarray(out, dtype=np.float64), idf


def _shared_words(a: str, b: str, idf: Mapping[str, float]) -> list[str]:
    """Up to four words both texts use (rarest first), as written in *b*, not as stems."""
    from .despite import as_written

    ta, tb = set(content_tokens(a)), set(content_tokens(b))
    stems = sorted(ta & tb, key=lambda w: (-idf.get(w, 0.0), w))[:4]
    written = dict(zip(stems, (as_written([st], b) or (st,) for st in stems)))
    return [written[st][0] for st in stems]


def _choose(
    total: np.ndarray, base: np.ndarray, preferred: np.ndarray | None, params: MatchParams
) -> int | None:
    """Index of the item to link, or None.

    With a named review (*preferred* marks its items), an item elsewhere must
    score ``outside_threshold``; within the review the best item links when it
    reaches ``link_threshold``, or ``min_threshold`` while standing
    ``clear_margin`` above the review's next item.  Without one, the best item
    links when it reaches ``link_threshold``.
    """
    order = np.argsort(-total, kind="stable")
    j0 = int(order[0])
    if not np.isfinite(total[j0]):
        return None
    if preferred is None or not preferred.any():
        return j0 if base[j0] >= params.link_threshold else None
    if not preferred[j0]:
        if base[j0] >= params.outside_threshold:
            return j0
        inside = [int(j) for j in order if preferred[j] and np.isfinite(total[j])]
        if not inside:
            return None
        j0 = inside[0]
    inside_rest = [
        base[int(j)] for j in order if preferred[j] and int(j) != j0 and np.isfinite(total[j])
    ]
    runner_up = max(inside_rest) if inside_rest else 0.0
    if base[j0] >= params.link_threshold:
        return j0
    if base[j0] >= params.min_threshold and base[j0] - runner_up >= params.clear_margin:
        return j0
    return None


def find_links(
    actions: Sequence[TrackerAction],
    docs: Sequence[Document],
    items: Sequence[Item],
    embed: Any,
    params: MatchParams = DEFAULT_PARAMS,
    overrides: Sequence[Override] = (),
) -> tuple[list[Link], list[str]]:
    """The links for *actions* among *items*; *embed(texts)* returns unit row vectors.

    Returns the links (sorted by tracker, sheet, row, score) and warnings about
    overrides that name unknown actions or items.
    """
    warnings: list[str] = []
    by_doc = {d.id: d for d in docs}
    cands = [it for it in items if it.kind in LINKABLE_KINDS and it.doc_id in by_doc]
    if not actions or not cands:
        return [], warnings
    facts = [doc_facts(by_doc[i]) for i in dict.fromkeys(it.doc_id for it in cands)]
    areas = {f.area for f in facts if f.area}
    item_texts = [clean_item_text(it.text) for it in cands]
    full = [clean_action_text(a.recommendation) + ". " + (a.action or "") for a in actions]
    recs = [clean_action_text(a.recommendation) for a in actions]
    acts = [a.action or "" for a in actions]
    vec_items = embed(item_texts)
    has_rec = np.array([len(content_tokens(r)) >= 2 for r in recs])
    sem = _cosine_rows(embed(full), vec_items)
    sem_act = _cosine_rows(embed(acts), vec_items)
    sem = np.maximum(sem, sem_act)
    if has_rec.any():
        sem_rec = _cosine_rows(embed([r or "-" for r in recs]), vec_items)
        sem = np.where(has_rec[:, None], np.maximum(sem, sem_rec), sem)
    lex, idf = _tfidf(full, item_texts)
    sim = params.semantic_weight * sem + (1 - params.semantic_weight) * lex
    doc_index = {f.doc_id: k for k, f in enumerate(facts)}
    item_doc = np.array([doc_index[it.doc_id] for it in cands])

    rejected = {(o.action_id, o.item_id, o.tracker) for o in overrides if o.decision == "reject"}
    confirmed = [o for o in overrides if o.decision == "confirm"]
    item_pos = {it.id: j for j, it in enumerate(cands)}

    def hit(o_aid: str, o_tracker: str | None, a: TrackerAction) -> bool:
        return o_aid in (a.action_id, a.key, f"{a.source_file}:{a.key}") and (
            o_tracker is None or o_tracker == a.source_file
        )

    def _why(i: int, j: int) -> str:
        it = cands[j]
        why = []
        if ctx[i][0][j] >= 0.8 and ctx[i][1].get(it.doc_id):
            why.append(f"same review ({ctx[i][1][it.doc_id]})")
        why.append(f"meaning {sem[i, j]:.2f}")
        words = _shared_words(full[i], item_texts[j], idf)
        why.append(f"words {lex[i, j]:.2f}" + (f" ({', '.join(words)})" if words else ""))
        if ctx[i][2][j] >= 1.0:
            why.append(f"quotes {it.number}")
        return "; ".join(why)

    ctx: dict[int, tuple[np.ndarray, dict[str, str], np.ndarray]] = {}
    used_overrides: set[int] = set()
    links: list[Link] = []
    repeats: list[tuple[float, int, int]] = []  # (score, action, item) links to later reports
    explain: dict[tuple[int, int], str] = {}
    for i, a in enumerate(actions):
        aref = action_ref(a)
        scores, why_doc = review_affinity(
            f"{a.review or ''} {a.raw.get('_section', '')}", a.sheet, facts, areas
        )
        best_doc = max(scores.values()) if scores else 0.0
        named = best_doc >= params.doc_min_evidence
        prior = np.zeros(len(facts))
        if named:
            for k, f in enumerate(facts):
                prior[k] = max(0.0, scores[f.doc_id]) / best_doc
        prior_items = prior[item_doc]
        quoted = quoted_numbers(a)
        num = (
            np.array(
                [
                    _number_match(quoted, it) if prior_items[j] >= 0.8 else 0.0
                    for j, it in enumerate(cands)
                ]
            )
            if quoted
            else np.zeros(len(cands))
        )
        base = sim[i] + params.number_bonus * num
        total = base + params.doc_bonus * prior_items
        ctx[i] = (prior_items, why_doc, num)
        mine = [k for k, o in enumerate(confirmed) if hit(o.action_id, o.tracker, a)]
        if mine:
            for k in mine:
                used_overrides.add(k)
                j = item_pos.get(confirmed[k].item_id)
                if j is None:
                    warnings.append(
                        f"{confirmed[k].where}: item '{confirmed[k].item_id}' is not "
                        "stored (re-extracted or removed?); override ignored"
                    )
                    continue
                links.append(
                    Link(
                        aref,
                        item_ref(cands[j], by_doc[cands[j].doc_id]),
                        1.0,
                        f"confirmed in {confirmed[k].where}",
                        "confirmed",
                    )
                )
            continue
        for aid, iid, tr in rejected:
            if iid in item_pos and hit(aid, tr, a):
                total[item_pos[iid]] = -np.inf
        j0 = _choose(total, base, prior_items >= 0.8 if named else None, params)
        if j0 is None:
            continue
        chosen = [j0]
        if named:
            named_dates = [
                dt for k, f in enumerate(facts) if prior[k] >= 0.8 and (dt := by_doc[f.doc_id].date)
            ]
            named_date = min(named_dates) if named_dates else None
            named_areas = {f.area for k, f in enumerate(facts) if prior[k] >= 0.8}
        else:
            named_date, named_areas = None, set()
        for j in np.argsort(-total, kind="stable")[:10]:
            j = int(j)
            if j == j0 or not np.isfinite(total[j]) or base[j] < params.min_threshold:
                continue
            eligible = not named or prior_items[j] >= 0.8 or base[j] >= params.outside_threshold
            both_quoted = num[j] >= 1.0 and num[j0] >= 1.0
            if eligible and (
                (both_quoted and total[j] >= total[j0] - params.also_margin)
                or total[j] >= total[j0] - params.tie_margin
            ):
                chosen.append(j)
                continue
            # A later report of the same area repeating the recommendation: linked
            # when as close as any link from outside the named review must be.
            d = by_doc[cands[j].doc_id]
            if (
                named_date
                and prior_items[j] < 0.8
                and base[j] >= params.outside_threshold
                and scores[d.id] >= 0
                and d.date
                and d.date > named_date
                and facts[item_doc[j]].area in named_areas
            ):
                repeats.append((float(total[j]), i, j))
        for j in chosen:
            links.append(
                Link(aref, item_ref(cands[j], by_doc[cands[j].doc_id]), float(total[j]), _why(i, j))
            )
        for _, _, j in [r for r in repeats if r[1] == i]:
            explain[(i, j)] = _why(i, j) + "; repeated in a later report"
    # A later report's item goes to the one action (per tracker) that answers it best.
    claimed: set[tuple[str, int]] = set()
    for score, i, j in sorted(repeats, key=lambda r: (-r[0], r[1], r[2])):
        if (actions[i].source_file, j) in claimed:
            continue
        claimed.add((actions[i].source_file, j))
        links.append(
            Link(
                action_ref(actions[i]),
                item_ref(cands[j], by_doc[cands[j].doc_id]),
                score,
                explain[(i, j)],
            )
        )
    for k, o in enumerate(confirmed):
        if k not in used_overrides:
            warnings.append(f"{o.where}: no tracker action '{o.action_id}'; override ignored")
    for o in overrides:
        if o.decision == "reject" and not any(hit(o.action_id, o.tracker, a) for a in actions):
            warnings.append(f"{o.where}: no tracker action '{o.action_id}'; override ignored")
        elif o.decision == "reject" and o.item_id not in item_pos:
            warnings.append(f"{o.where}: item '{o.item_id}' is not stored; override ignored")
    links.sort(
        key=lambda x: (x.action.source_file, x.action.sheet, x.action.row, -x.score, x.item.item_id)
    )
    return links, warnings


# ----------------------------------------------------------------------------- findings


def find_overdue(actions: Iterable[TrackerAction], today: dt.date) -> list[Overdue]:
    """Actions whose state on *today* is overdue (:func:`reviewmine.tracker.importer.action_state`):
    due before *today* and not complete, or marked overdue/red in the tracker."""
    out: list[Overdue] = []
    for a in actions:
        if action_state(a.status_norm, a.due_date, today) != "overdue":
            continue
        due = dt.date.fromisoformat(a.due_date) if a.due_date else None
        if due and due < today:
            out.append(
                Overdue(
                    action_ref(a),
                    (today - due).days,
                    f"due {due.isoformat()}, status '{a.status or 'none'}'",
                )
            )
        else:
            out.append(Overdue(action_ref(a), None, f"marked '{a.status}'"))
    out.sort(
        key=lambda o: (-(o.days_overdue or 0), o.action.source_file, o.action.sheet, o.action.row)
    )
    return out


def items_without_action(
    items: Iterable[Item], docs: Mapping[str, Document], links: Iterable[Link]
) -> list[ItemRef]:
    """Items of an actionable kind (types.ACTIONABLE_KINDS) that no tracker action answers."""
    linked = {x.item.item_id for x in links}
    return [
        item_ref(it, docs[it.doc_id])
        for it in items
        if it.kind in ACTIONABLE_KINDS and it.id not in linked and it.doc_id in docs
    ]


def actions_without_item(
    actions: Iterable[TrackerAction], links: Iterable[Link]
) -> list[ActionRef]:
    """Tracker actions linked to no item."""
    linked = {(x.action.source_file, x.action.sheet, x.action.row) for x in links}
    return [action_ref(a) for a in actions if (a.source_file, a.sheet, a.row) not in linked]


def match_tracker(
    store: Store,
    embedder: Embedder,
    *,
    today: dt.date | None = None,
    overrides: Sequence[Override] | str | Path | None = None,
    source_file: str | None = None,
    params: MatchParams = DEFAULT_PARAMS,
    save: bool = False,
) -> MatchResult:
    """Link the stored tracker actions to the stored items and compute the findings.

    *overrides* is a list of :class:`Override` or the path of an overrides file.
    With *save*, the links replace those stored (read by ``reviewmine recurring``
    and the report).
    """
    from ..embedding.cache import cached_embed

    if isinstance(overrides, (str, Path)):
        overrides = load_overrides(overrides)
    today = today or dt.date.today()
    actions = load_actions(store, source_file)
    if not actions:
        raise TrackerError(
            "no tracker actions are stored" + (f" for {source_file}" if source_file else ""),
            hint="import one with 'reviewmine tracker import FILE'",
        )
    docs = store.documents()
    items = store.items()

    def embed(texts: Sequence[str]) -> np.ndarray:
        return cached_embed(store, embedder, list(texts))[0]

    links, warnings = find_links(actions, docs, items, embed, params, overrides or ())
    if save:
        store.replace_tracker_links([_stored(x) for x in links])
    return _findings(actions, docs, items, links, today, warnings, embed, store.item_themes())


def _stored(x: Link) -> dict[str, Any]:
    return {
        "source_file": x.action.source_file,
        "sheet": x.action.sheet,
        "row": x.action.row,
        "item_id": x.item.item_id,
        "score": round(x.score, 4),
        "reason": x.reason,
        "origin": x.origin,
    }


def _findings(
    actions: Sequence[TrackerAction],
    docs: Sequence[Document],
    items: Sequence[Item],
    links: Sequence[Link],
    today: dt.date,
    warnings: Sequence[str],
    embed: Any,
    themes: Mapping[str, Sequence[ThemeScore]] | None = None,
) -> MatchResult:
    by_doc = {d.id: d for d in docs}
    covered = frozenset(x.item.doc_id for x in links)
    # with themes stored, learning raised again must share a theme with what the action answered
    recurring = find_despite_complete(links, items, docs, embed, themes=themes or None)
    return MatchResult(
        tuple(links),
        tuple(items_without_action(items, by_doc, links)),
        tuple(actions_without_item(actions, links)),
        tuple(find_overdue(actions, today)),
        tuple(recurring),
        covered,
        (),
        tuple(warnings),
    )


def tracker_findings(
    store: Store,
    embedder: Embedder,
    *,
    today: dt.date | None = None,
    links: Sequence[Link] | None = None,
) -> MatchResult:
    """The findings of the links saved by the last ``match`` run (or *links*): what the
    report shows, computed by the same functions as ``reviewmine match``."""
    from ..embedding.cache import cached_embed

    def embed(texts: Sequence[str]) -> np.ndarray:
        return cached_embed(store, embedder, list(texts))[0]

    return _findings(
        load_actions(store),
        store.documents(),
        store.items(),
        stored_links(store) if links is None else links,
        today or dt.date.today(),
        (),
        embed,
        store.item_themes(),
    )


def stored_links(store: Store) -> list[Link]:
    """The links saved by the last ``match`` run, with their citations."""
    acts = {(a.source_file, a.sheet, a.row): a for a in store.tracker_actions()}
    docs = {d.id: d for d in store.documents()}
    items = {it.id: it for it in store.items()}
    out = []
    for r in store.tracker_links():
        a = acts.get((r.source_file, r.sheet, r.row))
        it = items.get(r.item_id)
        if a is None or it is None or it.doc_id not in docs:
            continue
        out.append(Link(action_ref(a), item_ref(it, docs[it.doc_id]), r.score, r.reason, r.origin))
    return out


# ----------------------------------------------------------------------------- recurring table


@dataclass(frozen=True)
class RecurringTheme:
    """One theme found in several documents of one area, with the tracker's answer to it."""

    theme: str
    area: str | None
    documents: tuple[tuple[ItemRef, ...], ...]  # per document (date order), its items
    actions: tuple[tuple[ActionRef, str], ...]  # linked actions and the item id they answer
    complete_then_recurs: bool  # an action complete, yet the theme is in a later document

    def as_dict(self) -> dict[str, Any]:
        return {
            "theme": self.theme,
            "area": self.area,
            "n_documents": len(self.documents),
            "documents": [
                {
                    "file": g[0].file,
                    "date": g[0].date,
                    "citations": [
                        {"item_id": i.item_id, "page": i.page, "number": i.number, "text": i.text}
                        for i in g
                    ],
                }
                for g in self.documents
            ],
            "actions": [{**_action_dict(a), "item_id": iid} for a, iid in self.actions],
            "complete_then_recurs": self.complete_then_recurs,
        }


def recurring_learning(
    store: Store,
    *,
    min_docs: int = 2,
    links: Sequence[Link] | None = None,
    despite: Sequence[DespiteCase] | None = None,
) -> tuple[list[RecurringTheme], list[str]]:
    """Themes recurring in the same area (:func:`reviewmine.themes.recurrence.area_recurrence`:
    at least *min_docs* documents of one area), documents in date order, with the
    tracker actions linked to their items.

    Uses the links saved by the last ``match`` run unless *links* are given.  A
    theme is marked ``complete_then_recurs`` when one of *despite* (the cases of
    :func:`reviewmine.tracker.despite.find_despite_complete`) has its action among the
    theme's actions and a later item among the theme's items.
    Returns the table and notes (e.g. that no themes or links are stored).
    """
    from ..themes.recurrence import area_recurrence, themed_items

    notes: list[str] = []
    themes = store.item_themes()
    if not themes:
        return [], ["no themes are stored: run 'reviewmine themes' first"]
    docs = {d.id: d for d in store.documents()}
    items = {it.id: it for it in store.items() if it.doc_id in docs}
    if links is None:
        links = stored_links(store)
        if not links and store.counts()["tracker_actions"]:
            notes.append("no stored tracker links: run 'reviewmine match' to add tracker actions")
    by_item: dict[str, list[Link]] = defaultdict(list)
    for ln in links:
        by_item[ln.item.item_id].append(ln)
    again = [
        (c.action.action_id, c.action.source_file, {e.item.item_id for e in c.later})
        for c in despite or ()
    ]
    out: list[RecurringTheme] = []
    groups = area_recurrence(themed_items(docs, items.values(), themes), min_docs)
    for (theme, area), rows in groups.items():
        per_doc: dict[str, list[Item]] = defaultdict(list)
        for r in rows:
            per_doc[r.doc_id].append(items[r.item_id])
        order = sorted(per_doc, key=lambda d: (docs[d].date or "9999", docs[d].file_name))
        documents = tuple(tuple(item_ref(it, docs[d]) for it in per_doc[d]) for d in order)
        acts: list[tuple[ActionRef, str]] = []
        for d in order:
            for it in per_doc[d]:
                acts.extend((ln.action, it.id) for ln in by_item.get(it.id, ()))
        ids = {r.item_id for r in rows}
        mine = {(a.action_id, a.source_file) for a, _ in acts}
        out.append(
            RecurringTheme(
                theme,
                area,
                documents,
                tuple(acts),
                any((aid, src) in mine and later & ids for aid, src, later in again),
            )
        )
    out.sort(key=lambda r: (-len(r.documents), r.theme, r.area or ""))
    return out, notes


__all__ = [
    "ACTIONABLE_KINDS",
    "ActionRef",
    "ItemRef",
    "Link",
    "MatchParams",
    "MatchResult",
    "Overdue",
    "RecurringTheme",
    "actions_without_item",
    "find_links",
    "find_overdue",
    "items_without_action",
    "link_row",
    "match_tracker",
    "recurring_learning",
    "stored_links",
    "tracker_findings",
]
