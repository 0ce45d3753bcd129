"""Measure variants of the meaning term of "learning raised again despite a completed
action" on both gold sets, in sample and out of fold.

    .venv/bin/python scripts/recurring_variants.py --corpus-db corpus.db --ofsted-db ofsted.db \
        [--results evaluation/tracker/recurring_variants_results.json]

Each store must hold its documents, themes and tracker (evaluation/tracker/README.md).  The
candidates are those of :func:`reviewmine.tracker.despite.despite_candidates`; a variant
replaces the rule's whole-text meaning (cosine of the later item and the mean of the action
and its items) with another measure of the same kind, keeps the word bonuses, the theme
check, the margin to the later item's best action (recomputed with the new score) and the
"subject of its own" path, and is scored:

* in sample with the shipped threshold, margin and extra;
* refitted (threshold and margin of best F1 on the training part) out of fold: 5-fold
  cross-validation grouped by tracker action, grouped by the later item's document, over
  both sets pooled, and trained on one set and scored on the other.

Variants of the meaning term (each a generic measure, none names a subject):

* ``whole``: the rule's own (the mean vector of the action and its items);
* ``max_side``: the better of the action alone and its closest item; ``min_side`` the
  worse of the two (the later item must be close to both); ``mean_sides`` their mean;
* ``sentence``: the best cosine of a sentence of the later item and a sentence of the
  action or of one of its items;
* ``clause``: the same over clauses (sentences cut at ";", ":" and at a comma before
  "and", "including", "so that", "but");
* ``later_sentence`` / ``later_clause``: the best sentence (clause) of the later item
  against the mean vector (its other sentences are context); ``earlier_clause``: the best
  clause of the action and its items against the whole later item;
* ``subject_sentences``: the later item reduced to its sentences that use a word both
  texts share (its subject sentences; all of it when none does), against the mean vector;
* blends: the mean of ``whole`` and each of the above;
* ``whole@rare_pairsS``: the rule's meaning, and each pair of two listed generic words that
  both texts use and at most a share S of the store's items use ("police checks") counts
  as one more shared specific word;
* ``np_best``, ``np_cover_earlier``, ``np_cover_later``, ``np_cover_both``: the subjects
  the texts name (noun phrases whose head is not a generic word): the best pair's cosine,
  the mean over the earlier texts' phrases of the closest later one (how much of the
  earlier subject the later item names), the same from the later side, and their mean;
* ``token_f``, ``token_recall``, ``token_precision``: greedy alignment of the contextual
  token vectors of the embedder's last layer, IDF-weighted over the store's items (the
  best over the action and each of its items); ``subject_token_*`` the same over the
  tokens of specific words only (the rule's notion: not generic, function, area or
  common words); ``..._scaled``: a measure mapped to the
  mean and spread of ``whole`` over the store's candidates (no label used), so that the
  word bonuses weigh as much as in the rule;
* ``a+b:w``: the blend (1 - w) a + w b; ``a+b:fit`` chooses w among
  :data:`BLEND_WEIGHTS` with the threshold and margin on each training part;
* ``whole#rare_wordsS``: the rule's meaning and word bonuses, but a specific word is one
  that at most a share S of the store's items use (not a function or area word), in place
  of the listed generic words and the 15% cut.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import numpy as np

from reviewmine.config import load_config
from reviewmine.embedding.cache import cached_embed
from reviewmine.embedding.embedders import load_embedder
from reviewmine.evaluation.matching import load_recurring_gold, map_recurring_gold
from reviewmine.store import Store
from reviewmine.tracker.despite import (
    DEFAULT_DESPITE,
    FEATURES,
    FUNCTION_WORDS,
    GENERIC_WORDS,
    _area_words,
    common_words,
    despite_candidates,
    specific_words,
)
from reviewmine.tracker.text import clean_action_text, clean_item_text, content_tokens

ROOT = Path(__file__).resolve().parents[1]
GOLD = {
    "corpus": ROOT / "evaluation" / "tracker" / "corpus_recurring_gold.jsonl",
    "ofsted": ROOT / "evaluation" / "tracker" / "ofsted_recurring_gold.jsonl",
}
F = {n: i for i, n in enumerate(FEATURES)}
THRESHOLDS = np.round(np.arange(0.40, 0.961, 0.02), 2)
MARGINS = (0.10, 0.15, 0.20, 0.25, 0.30, 1.0)

_SENT = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9‘'\"(])")
_CLAUSE = re.compile(r"\s*[;:]\s+|,\s+(?=(?:and|including|so that|but|or)\b)")


RARE_SHARES = (0.01, 0.02, 0.05)
RARE_WORD_SHARES = (0.02, 0.04, 0.08, 0.15)


def generic_pairs(text: str) -> set[str]:
    """Adjacent word stems of *text* that are both listed generic words."""
    toks = [w for w in content_tokens(text) if len(w) > 2]
    return {f"{a} {b}" for a, b in pairwise(toks) if a in GENERIC_WORDS and b in GENERIC_WORDS}


def token_alignment(
    emb: object, texts: Sequence[str], collection: Sequence[str], ignore: frozenset[str]
) -> Callable[[str, str], tuple[float, ...]]:
    """Greedy alignment of contextual token vectors (MiniLM's last layer), IDF-weighted over
    *collection*: for (earlier, later) the share of the earlier text's tokens the later one
    says (recall), the converse (precision) and their harmonic mean; then the same over the
    tokens of specific words only (not a listed generic word, a function word or a word of
    *ignore*: the subject, said in context)."""
    import math

    import torch

    model = emb._load()  # type: ignore[attr-defined]
    tokenizer = model.tokenizer
    special = set(tokenizer.all_special_ids)
    df: Counter[int] = Counter()
    for t in collection:
        df.update(set(tokenizer(t, truncation=True)["input_ids"]))
    n = max(1, len(collection))
    torch.set_num_threads(2)
    out = model.encode(list(texts), output_value="token_embeddings", batch_size=32)
    vecs, weights, spec = {}, {}, {}
    for t, v in zip(texts, out, strict=True):
        enc = tokenizer(t, truncation=True, max_length=v.shape[0], return_offsets_mapping=True)
        ids = enc["input_ids"][: v.shape[0]]
        pieces = tokenizer.convert_ids_to_tokens(ids)
        keep = [
            i
            for i, (k, w) in enumerate(zip(ids, pieces, strict=True))
            if k not in special and (w.isalnum() or w.startswith("##"))
        ]
        m = np.asarray(v.numpy() if hasattr(v, "numpy") else v)[keep]
        vecs[t] = m / np.linalg.norm(m, axis=1, keepdims=True).clip(1e-9)
        weights[t] = np.array([math.log((n + 1) / (df[ids[i]] + 1)) for i in keep])
        # the whole word each token belongs to, by its character span
        words = [(mt.start(), mt.end()) for mt in re.finditer(r"[A-Za-z0-9][A-Za-z0-9'’-]*", t)]
        flags = []
        for i in keep:
            a, _ = enc["offset_mapping"][i]
            word = next((t[x:y] for x, y in words if x <= a < y), "")
            st = content_tokens(word)
            flags.append(
                bool(st)
                and len(st[0]) > 2
                and st[0] not in GENERIC_WORDS
                and st[0] not in FUNCTION_WORDS
                and st[0] not in ignore
            )
        spec[t] = np.array(flags, dtype=bool)

    def side(sims: np.ndarray, w: np.ndarray, axis: int) -> float:
        return float((sims.max(axis=axis) * w).sum() / (w.sum() or 1))

    def align(a: str, b: str) -> tuple[float, ...]:
        if not len(vecs[a]) or not len(vecs[b]):
            return (0.0,) * 6
        sims = vecs[a] @ vecs[b].T
        r, p = side(sims, weights[a], 1), side(sims, weights[b], 0)
        sa, sb = spec[a], spec[b]
        if sa.any() and sb.any():
            ss = sims[sa][:, sb]
            sr, sp = side(ss, weights[a][sa], 1), side(ss, weights[b][sb], 0)
        else:
            sr = sp = 0.0
        return (
            r,
            p,
            2 * r * p / (r + p) if r + p else 0.0,
            sr,
            sp,
            2 * sr * sp / (sr + sp) if sr + sp else 0.0,
        )

    return align


def noun_phrases(texts: Sequence[str]) -> dict[str, list[str]]:
    """The noun phrases of each text whose head says a subject (not a listed generic word,
    a function word or a pronoun), by spaCy's packaged English pipeline."""
    from reviewmine.tracker.despite import _parser

    out = {}
    for t, doc in zip(texts, _parser().pipe(list(texts), batch_size=64), strict=True):
        keep = []
        for nc in doc.noun_chunks:
            head = content_tokens(nc.root.text)
            if nc.root.pos_ == "PRON" or not head:
                continue
            if head[0] in GENERIC_WORDS or head[0] in FUNCTION_WORDS:
                continue
            keep.append(" ".join(w.text for w in nc if w.pos_ != "DET"))
        out[t] = sorted(set(keep))
    return out


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text) if len(s.strip()) > 2] or [text]


def clauses(text: str) -> list[str]:
    out = [c.strip() for s in sentences(text) for c in _CLAUSE.split(s) if len(c.strip()) > 2]
    return out or [text]


@dataclass
class Pairs:
    name: str
    x: np.ndarray  # FEATURES
    y: np.ndarray
    action: np.ndarray  # action group ids
    later_doc: np.ndarray
    later_item: np.ndarray
    gold: int
    meanings: dict[str, np.ndarray] = field(default_factory=dict)
    bonuses: dict[str, np.ndarray] = field(default_factory=dict)  # extra shared units
    texts: list[tuple[str, str]] = field(default_factory=list)  # (action id, later text)


def load(name: str, db: Path) -> Pairs:
    from reviewmine.tracker.matching import match_tracker

    emb = load_embedder(load_config(None).embedder)
    store = Store.open(db)
    gold = load_recurring_gold(GOLD[name])
    tracker = str(gold[0].get("tracker") or "") or None
    links = match_tracker(store, emb, source_file=tracker).links
    docs = store.documents()
    by_doc = {d.id: d for d in docs}
    items = [it for it in store.items() if it.doc_id in by_doc]

    def embed(texts: Sequence[str]) -> np.ndarray:
        v = np.asarray(cached_embed(store, emb, list(texts))[0], dtype=np.float64)
        n = np.linalg.norm(v, axis=1, keepdims=True)
        n[n == 0] = 1
        return v / n

    done, cands = despite_candidates(links, items, docs, embed, themes=store.item_themes())
    pairs, _ = map_recurring_gold(gold, items, {d.id: d.file_name for d in docs})
    aid = {k: v[0].action.action_id for k, v in done.items()}
    refs = {
        k: [clean_action_text(v[0].action.text)] + [clean_item_text(ln.item.text) for ln in v]
        for k, v in done.items()
    }
    # every segment text, embedded once
    seg_texts: set[str] = set()
    for ts in refs.values():
        for t in ts:
            seg_texts |= set(sentences(t)) | set(clauses(t)) | {t}
    for c in cands:
        t = clean_item_text(c.item.text)
        seg_texts |= set(sentences(t)) | set(clauses(t)) | {t}
    # the subjects each text names: its noun phrases (spaCy's noun chunks) whose head is
    # not a listed generic word, a pronoun or a function word
    nps = noun_phrases(
        sorted(
            {t for ts in refs.values() for t in ts} | {clean_item_text(c.item.text) for c in cands}
        )
    )
    seg_texts |= {n for v in nps.values() for n in v}
    seg = sorted(seg_texts)
    vec = dict(zip(seg, embed(seg), strict=True))

    def stack(ts: Sequence[str]) -> np.ndarray:
        return np.stack([vec[t] for t in ts])

    meanings: dict[str, list[float]] = {
        k: []
        for k in ("whole", "max_side", "min_side", "mean_sides", "sentence", "clause")
        + ("later_sentence", "later_clause", "earlier_clause", "subject_sentences")
        + ("np_best", "np_cover_earlier", "np_cover_later", "np_cover_both")
        + ("token_f", "token_recall", "token_precision")
        + ("subject_token_f", "subject_token_recall", "subject_token_precision")
    }
    tok = token_alignment(
        load_embedder("minilm-torch"),
        sorted(
            {t for ts in refs.values() for t in ts} | {clean_item_text(c.item.text) for c in cands}
        ),
        [clean_item_text(it.text) for it in items],
        _area_words(docs) | common_words([it.text for it in items], DEFAULT_DESPITE.common_share),
    )
    for c in cands:
        ref = refs[c.action]
        later = clean_item_text(c.item.text)
        al = [tok(r, later) for r in ref]
        meanings["token_f"].append(max(a[2] for a in al))
        meanings["token_recall"].append(max(a[0] for a in al))
        meanings["token_precision"].append(max(a[1] for a in al))
        meanings["subject_token_f"].append(max(a[5] for a in al))
        meanings["subject_token_recall"].append(max(a[3] for a in al))
        meanings["subject_token_precision"].append(max(a[4] for a in al))
        ref_mean = stack(ref).mean(axis=0)
        ref_mean = ref_mean / (np.linalg.norm(ref_mean) or 1)
        lv = vec[later]
        meanings["whole"].append(float(lv @ ref_mean))
        sides = stack(ref) @ lv
        meanings["max_side"].append(float(max(sides[0], sides[1:].max())))
        meanings["min_side"].append(float(min(sides[0], sides[1:].max())))
        meanings["mean_sides"].append(float((sides[0] + sides[1:].max()) / 2))
        rs = [s for t in ref for s in sentences(t)]
        ls = sentences(later)
        meanings["sentence"].append(float((stack(ls) @ stack(rs).T).max()))
        rc = [s for t in ref for s in clauses(t)]
        lc = clauses(later)
        meanings["clause"].append(float((stack(lc) @ stack(rc).T).max()))
        meanings["later_sentence"].append(float((stack(ls) @ ref_mean).max()))
        meanings["later_clause"].append(float((stack(lc) @ ref_mean).max()))
        meanings["earlier_clause"].append(float((stack(rc) @ lv).max()))
        # the later item's sentences that use a word both texts share (or its own word for
        # an earlier word): its subject; the others are context
        keep = [s for s in ls if specific_words(s)[0] & set(c.words)]
        sv = stack(keep or ls).mean(axis=0)
        sv = sv / (np.linalg.norm(sv) or 1)
        meanings["subject_sentences"].append(float(sv @ ref_mean))
        rn = [n for t in ref for n in nps[t]] or ref
        ln_ = nps[later] or [later]
        sims = stack(ln_) @ stack(rn).T
        meanings["np_best"].append(float(sims.max()))
        meanings["np_cover_earlier"].append(float(sims.max(axis=0).mean()))
        meanings["np_cover_later"].append(float(sims.max(axis=1).mean()))
        meanings["np_cover_both"].append(
            float((sims.max(axis=0).mean() + sims.max(axis=1).mean()) / 2)
        )
    # word pairs of two listed generic words that few of the store's items use ("police
    # checks", "new adult"): a subject of their own although each word says little
    df: Counter[str] = Counter()
    for it in items:
        df.update(generic_pairs(it.text))
    bonuses: dict[str, list[float]] = {f"rare_pairs{s}": [] for s in RARE_SHARES}
    for c in cands:
        both = generic_pairs(" ".join(refs[c.action])) & generic_pairs(c.item.text)
        for share in RARE_SHARES:
            bonuses[f"rare_pairs{share}"].append(
                float(sum(1 for b in both if df[b] <= share * len(items)))
            )
    # specific words by the collection's own rarity instead of the listed generic words: a
    # word counts when at most a share S of the store's items use it
    area = _area_words(docs)
    wdf: Counter[str] = Counter()
    for it in items:
        wdf.update(set(content_tokens(it.text)))
    for share in RARE_WORD_SHARES:
        rare = {w for w, k in wdf.items() if k <= share * len(items)}

        def words(t: str, rare: set[str] = rare) -> tuple[set[str], set[str]]:
            toks = [w for w in content_tokens(t) if len(w) > 2]
            keep = {w for w in toks if w in rare and w not in FUNCTION_WORDS and w not in area}
            return keep, {f"{a} {b}" for a, b in pairwise(toks) if a in keep or b in keep}

        ref_w = {k: words(" ".join(v)) for k, v in refs.items()}
        got = []
        for c in cands:
            lw, lp = words(c.item.text)
            rw, rp = ref_w[c.action]
            got.append(float(min(DEFAULT_DESPITE.max_words, len(lw & rw) + len(lp & rp))))
        bonuses[f"rare_words{share}"] = got
    x = np.array([c.features for c in cands], dtype=np.float64)
    y = np.array([(aid[c.action], c.item.id) in pairs for c in cands], dtype=int)
    # each measure put on the scale of the rule's meaning (same mean and spread over this
    # store's candidates; no label is used), so the word bonuses weigh the same
    whole = np.array(meanings["whole"])
    for k in list(meanings):
        v = np.array(meanings[k])
        meanings[f"{k}_scaled"] = list(
            (v - v.mean()) / (v.std() or 1.0) * whole.std() + whole.mean()
        )
    out = Pairs(
        name,
        x,
        y,
        np.array([f"{name}:{aid[c.action]}" for c in cands]),
        np.array([f"{name}:{c.doc.id}" for c in cands]),
        np.array([f"{name}:{c.item.id}" for c in cands]),
        len(gold),
        {k: np.array(v) for k, v in meanings.items()},
        {k: np.array(v) for k, v in bonuses.items()},
        [(aid[c.action], c.item.text) for c in cands],
    )
    store.close()
    return out


def variant_scores(p: Pairs, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """The rule's score with the meaning term *kind*, and its gap to the later item's best."""
    base = p.x[:, F["rule_score"]]
    extra = np.zeros(len(base))
    if "#" in kind:
        # the word bonus counted with another notion of a specific word
        kind, words = kind.split("#")
        n = p.bonuses[words]
        m = p.meanings[kind]
        soft = DEFAULT_DESPITE.soft_bonus * p.x[:, F["soft"]]
        s = np.where((n > 0) | (soft > 0), m + DEFAULT_DESPITE.word_bonus * n + soft, 0.0)
        return s, _gap(p, s)
    if "@" in kind:
        kind, bonus = kind.split("@")
        extra = DEFAULT_DESPITE.word_bonus * p.bonuses[bonus]
    if "+" in kind:
        a, b = kind.split("+")
        b, _, w = b.partition(":")
        wb = float(w) if w else 0.5  # "a+b:w" weighs b by w and a by 1 - w
        m = (1 - wb) * p.meanings[a] + wb * p.meanings[b]
    else:
        m = p.meanings[kind]
    s = np.where(base > 0, base - p.x[:, F["meaning"]] + m, 0.0)
    # a rare pair is a shared subject: it lets a pair with no shared specific word count
    s = np.where(extra > 0, np.where(s > 0, s, m) + extra, s)
    return s, _gap(p, s)


def _gap(p: Pairs, s: np.ndarray) -> np.ndarray:
    best: dict[str, float] = {}
    for it, v in zip(p.later_item, s, strict=True):
        best[it] = max(best.get(it, v), v)
    return s - np.array([best[i] for i in p.later_item])


Judge = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def accept(s: np.ndarray, gap: np.ndarray, x: np.ndarray, t: float, m: float) -> np.ndarray:
    own = (x[:, F["own_subject"]] > 0) & (s >= t + DEFAULT_DESPITE.own_subject_extra)
    return (s >= t) & (x[:, F["theme_agree"]] > 0) & ((gap >= -m) | own)


def prf(pred: np.ndarray, y: np.ndarray, gold: int) -> tuple[float, float, int, int]:
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    return (tp / (tp + fp) if tp + fp else 0.0, tp / gold if gold else 0.0, tp, fp)


def f1(pred: np.ndarray, y: np.ndarray, gold: int) -> float:
    p, r, _, _ = prf(pred, y, gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def fit(s, gap, x, y, gold) -> tuple[float, float]:
    best = (-1.0, 0.64, 0.2)
    for t in THRESHOLDS:
        for m in MARGINS:
            v = f1(accept(s, gap, x, float(t), m), y, gold)
            if v > best[0] + 1e-9:
                best = (v, float(t), m)
    return best[1], best[2]


BLEND_WEIGHTS = (0.25, 0.35, 0.5, 0.65, 0.75)


def evaluate(sets: list[Pairs], kind: str) -> dict[str, dict[str, list[float]]]:
    """Scores of the variant *kind*; "a+b:fit" chooses the blend weight of b among
    :data:`BLEND_WEIGHTS` with the threshold and margin on each training part."""
    from sklearn.model_selection import GroupKFold

    kinds = (
        [kind.replace(":fit", f":{w}") for w in BLEND_WEIGHTS] if kind.endswith(":fit") else [kind]
    )
    per = []
    for k in kinds:
        sg = [variant_scores(p, k) for p in sets]
        per.append((np.concatenate([a for a, _ in sg]), np.concatenate([b for _, b in sg])))
    x = np.vstack([p.x for p in sets])
    y = np.concatenate([p.y for p in sets])
    which = np.concatenate([np.full(len(p.y), i) for i, p in enumerate(sets)])

    def row(pred: np.ndarray) -> dict[str, list[float]]:
        out = {}
        for i, p in enumerate(sets):
            pr, rc, tp, fp = prf(pred[which == i], p.y, p.gold)
            out[p.name] = [round(pr, 3), round(rc, 3), tp, fp]
        return out

    def fit_all(tr: np.ndarray) -> tuple[int, float, float]:
        best = (-1.0, 0, 0.64, 0.2)
        for n, (s, gap) in enumerate(per):
            t, m = fit(s[tr], gap[tr], x[tr], y[tr], int(y[tr].sum()))
            v = f1(accept(s[tr], gap[tr], x[tr], t, m), y[tr], int(y[tr].sum()))
            if v > best[0] + 1e-9:
                best = (v, n, t, m)
        return best[1], best[2], best[3]

    def apply(n: int, t: float, m: float, te: np.ndarray) -> np.ndarray:
        s, gap = per[n]
        return accept(s[te], gap[te], x[te], t, m)

    s0, g0 = per[0]
    res = {"shipped settings": row(accept(s0, g0, x, DEFAULT_DESPITE.threshold, 0.2))}
    everything = np.arange(len(y))
    n, t, m = fit_all(everything)
    res[f"refit in sample ({kinds[n]}, t {t}, m {m})"] = row(apply(n, t, m, everything))
    for unit, groups in (
        ("action", np.concatenate([p.action for p in sets])),
        ("later document", np.concatenate([p.later_doc for p in sets])),
    ):
        pred = np.zeros(len(y), dtype=bool)
        for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
            pred[te] = apply(*fit_all(tr), te)
        res[f"5-fold by {unit}"] = row(pred)
    pred = np.zeros(len(y), dtype=bool)
    for i in range(len(sets)):
        tr, te = np.where(which != i)[0], np.where(which == i)[0]
        pred[te] = apply(*fit_all(tr), te)
    res["trained on the other set"] = row(pred)
    return res


KINDS = (
    "whole",
    "max_side",
    "min_side",
    "mean_sides",
    "sentence",
    "clause",
    "later_sentence",
    "later_clause",
    "earlier_clause",
    "subject_sentences",
    "whole+max_side",
    "whole+sentence",
    "whole+clause",
    "whole+later_clause",
    "whole+earlier_clause",
    "whole+subject_sentences",
    "whole@rare_pairs0.01",
    "whole@rare_pairs0.02",
    "whole@rare_pairs0.05",
    *(f"whole#rare_words{s}" for s in RARE_WORD_SHARES),
    "np_best",
    "np_cover_earlier",
    "np_cover_later",
    "np_cover_both",
    "whole+np_cover_earlier",
    "whole+np_cover_later",
    "whole+np_cover_both",
    "token_f",
    "token_recall",
    "token_precision",
    "whole+token_f",
    "whole+token_recall",
    "token_f_scaled",
    "token_recall_scaled",
    "token_precision_scaled",
    "whole+token_f_scaled",
    "whole+token_recall_scaled",
    "subject_token_f",
    "subject_token_recall",
    "subject_token_precision",
    "whole+subject_token_f",
    "whole+subject_token_recall",
    "subject_token_f_scaled",
    "whole+subject_token_f_scaled",
    "whole+subject_token_recall:fit",
    "whole+subject_token_f:fit",
    "whole+token_f:fit",
    "whole+token_recall:fit",
)


def evaluate_logistic(sets: list[Pairs]) -> dict[str, dict[str, list[float]]]:
    """Logistic regression over the rule's features and every meaning variant (standardised;
    decision threshold of best F1 on the training part), out of fold as above."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    def cols(p: Pairs) -> np.ndarray:
        return np.hstack([p.x, np.stack([p.meanings[k] for k in sorted(p.meanings)], axis=1)])

    x = np.vstack([cols(p) for p in sets])
    y = np.concatenate([p.y for p in sets])
    which = np.concatenate([np.full(len(p.y), i) for i, p in enumerate(sets)])

    def fit_predict(tr: np.ndarray, te: np.ndarray) -> np.ndarray:
        mu, sd = x[tr].mean(axis=0), x[tr].std(axis=0)
        sd[sd == 0] = 1.0
        model = LogisticRegression(C=1.0, max_iter=5000).fit((x[tr] - mu) / sd, y[tr])
        p_tr = model.predict_proba((x[tr] - mu) / sd)[:, 1]
        gold = int(y[tr].sum())
        cut = max(np.unique(np.round(p_tr, 4)), key=lambda c: (f1(p_tr >= c, y[tr], gold), -c))
        return model.predict_proba((x[te] - mu) / sd)[:, 1] >= cut

    def row(pred: np.ndarray) -> dict[str, list[float]]:
        out = {}
        for i, p in enumerate(sets):
            pr, rc, tp, fp = prf(pred[which == i], p.y, p.gold)
            out[p.name] = [round(pr, 3), round(rc, 3), tp, fp]
        return out

    res = {}
    for unit, groups in (
        ("action", np.concatenate([p.action for p in sets])),
        ("later document", np.concatenate([p.later_doc for p in sets])),
    ):
        pred = np.zeros(len(y), dtype=bool)
        for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
            pred[te] = fit_predict(tr, te)
        res[f"5-fold by {unit}"] = row(pred)
    pred = np.zeros(len(y), dtype=bool)
    for i in range(len(sets)):
        pred[which == i] = fit_predict(np.where(which != i)[0], np.where(which == i)[0])
    res["trained on the other set"] = row(pred)
    return res


def markdown(results: dict[str, dict[str, dict[str, list[float]]]]) -> str:
    """The figures as a Markdown table: one row per variant, P / R on each gold set."""
    cols = ("refit in sample", "5-fold by action", "5-fold by later document", "other set")
    lines = [
        "| variant | " + " | ".join(cols) + " |",
        "|---" * (len(cols) + 1) + "|",
    ]
    for kind, rows in results.items():
        cells = []
        for col in cols:
            row = next((v for k, v in rows.items() if k.startswith(col.split(" set")[0])), None)
            if col == "other set":
                row = rows.get("trained on the other set")
            cells.append(
                "-"
                if row is None
                else f"{row['corpus'][0]:.3f} / {row['corpus'][1]:.3f}; "
                f"{row['ofsted'][0]:.3f} / {row['ofsted'][1]:.3f}"
            )
        refit = next((k for k in rows if k.startswith("refit in sample")), "")
        note = refit.removeprefix("refit in sample").strip()
        lines.append(f"| `{kind}` {note} | " + " | ".join(cells) + " |")
    return (
        "# Variants of the rule's meaning term (`scripts/recurring_variants.py`)\n\n"
        "Development figures, P / R on the corpus gold; then on the Ofsted plan gold. "
        "Refitted: threshold and margin (and a blend's weight, `:fit`) of best F1 on the "
        "training part; out of fold as in evaluation/tracker/README.md.\n\n"
        + "\n".join(lines)
        + "\n"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus-db", type=Path, required=True)
    ap.add_argument("--ofsted-db", type=Path, required=True)
    ap.add_argument("--results", type=Path, default=None)
    ap.add_argument("--markdown", type=Path, default=None, help="write the figures as a table")
    ap.add_argument("--kinds", default=",".join(KINDS))
    args = ap.parse_args()
    sets = [load("corpus", args.corpus_db), load("ofsted", args.ofsted_db)]
    results = {}
    for kind in args.kinds.split(","):
        results[kind] = evaluate(sets, kind)
        print(f"== {kind}")
        for name, r in results[kind].items():
            c, o = r["corpus"], r["ofsted"]
            print(f"  {name:<34} corpus {c[0]:.3f} / {c[1]:.3f}   ofsted {o[0]:.3f} / {o[1]:.3f}")
    results["logistic, rule features + every meaning"] = evaluate_logistic(sets)
    print("== logistic, rule features + every meaning")
    for name, r in results["logistic, rule features + every meaning"].items():
        c, o = r["corpus"], r["ofsted"]
        print(f"  {name:<34} corpus {c[0]:.3f} / {c[1]:.3f}   ofsted {o[0]:.3f} / {o[1]:.3f}")
    if args.results:
        args.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(markdown(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
