"""Evaluate theme assignment on labelled items, against the lexicon baseline.

Learned parts are cross-validated with GroupKFold on the local authority, so
no model is ever scored on items of an authority it was trained on.  The
lexicon baseline is scored on the same items in the same run.

Example::

    result = evaluate_themes(default_gold_paths(), load_embedder("minilm"))
    print(result.to_markdown())
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from reviewmine.embedding.embedders import Embedder
from reviewmine.errors import GoldError, ModelError
from reviewmine.themes.classifier import (
    PROJECT_ROOT,
    ThemeModel,
    example_vectors_for,
    train_theme_model,
)
from reviewmine.themes.taxonomy import OTHER, LexiconTagger, Taxonomy, load_taxonomy

REAL = PROJECT_ROOT.parent / "shared" / "real"

# Families of documents, named after how they write their items.
FAMILIES = ("ilacs_sif", "letters", "summaries", "corpus")


def default_gold_paths() -> list[Path]:
    """The labelled items used to train and evaluate: the shared real gold sets
    (ILACS/SIF reports, letters and joint inspections, review summaries), plus
    the project's own ``corpus/gold.jsonl`` when it exists."""
    candidates = [
        REAL / "ofsted" / "gold.jsonl",
        REAL / "letters" / "gold.jsonl",
        REAL / "summaries" / "gold.jsonl",
        PROJECT_ROOT / "corpus" / "gold.jsonl",
    ]
    return [p for p in candidates if p.is_file()]


# --- labelled data ---------------------------------------------------------------


@dataclass(frozen=True)
class GoldItem:
    """One labelled item: its text, gold themes and the group it is cross-validated by."""

    text: str
    themes: tuple[str, ...]
    group: str  # local authority (or the document when it has none)
    doc: str  # file name of the document
    year: int | None = None
    doc_type: str | None = None
    source: str = ""  # gold file it came from
    family: str = ""  # one of FAMILIES
    kind: str = ""  # recommendation, finding, area_for_improvement ...


def family_of(doc: dict[str, Any]) -> str:
    """Which family a gold document belongs to, from the fields its gold file uses."""
    if "recommendation_themes" in doc or "finding_themes" in doc:
        return "summaries"
    if "framework" in doc:
        return "ilacs_sif"
    if "doc_kind" in doc:
        return "letters"
    return "corpus"


def _authority(name: str) -> str:
    # "Stockton-on-Tees" in one file and "Stockton on Tees" in another are one group.
    return " ".join(name.lower().replace("-", " ").split())


def _doc_items(doc: dict[str, Any]) -> list[tuple[str, Any, str]]:
    """(text, themes, kind) of a gold document, in either gold layout."""
    if "recommendation_themes" in doc or "finding_themes" in doc:
        out = []
        for key, kind in (("recommendations", "recommendation"), ("findings", "finding")):
            texts = doc.get(key) or []
            themes = doc.get(f"{kind}_themes") or []
            out += [(t, th, kind) for t, th in zip(texts, themes)]
        return out
    return [
        (str(it.get("text") or ""), it.get("themes"), str(it.get("kind") or ""))
        for it in doc.get("items", [])
        if isinstance(it, dict)
    ]


def load_gold(paths: Iterable[Path | str], taxonomy: Taxonomy | None = None) -> list[GoldItem]:
    """Items with themes from gold JSONL files (one document per line).

    Reads both layouts in ../shared/real: ``items`` with ``themes`` (reports,
    letters, the corpus) and parallel ``recommendations``/``recommendation_themes``
    and ``findings``/``finding_themes`` (review summaries).  Items without a
    themes list are skipped; an unknown theme id is a :class:`GoldError`
    naming the file, line and id.
    """
    known = set((taxonomy or load_taxonomy()).ids)
    items: list[GoldItem] = []
    for path in paths:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise GoldError(f"cannot read gold file: {err.strerror}", path=path) from err
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                doc_items = _doc_items(doc)
            except (ValueError, AttributeError, TypeError) as err:
                raise GoldError(f"line {lineno}: not a JSON object: {err}", path=path) from err
            family = family_of(doc)
            file_name = str(doc.get("file", f"{path.name}:{lineno}"))
            authority = doc.get("local_authority")
            # Summaries name areas loosely ("England", "X and Y"): each is its own group.
            group = _authority(authority) if authority and family != "summaries" else file_name
            date = str(
                doc.get("inspection_date")
                or doc.get("publication_date")
                or doc.get("date")
                or doc.get("letter_date")
                or doc.get("year")
                or ""
            )
            year = int(date[:4]) if date[:4].isdigit() else None
            for text, themes, kind in doc_items:
                if not isinstance(themes, list) or not themes or not text:
                    continue
                unknown = [t for t in themes if t not in known]
                if unknown:
                    raise GoldError(
                        f"line {lineno}: unknown theme id {unknown[0]!r}",
                        path=path,
                        hint="use the ids in the taxonomy (reviewmine/data/themes.toml)",
                    )
                items.append(
                    GoldItem(
                        text=str(text),
                        themes=tuple(dict.fromkeys(themes)),
                        group=str(group),
                        doc=file_name,
                        year=year,
                        doc_type=doc.get("doc_type")
                        or doc.get("doc_kind")
                        or ("ofsted_inspection" if "framework" in doc else None),
                        source=str(path),
                        family=family,
                        kind=kind,
                    )
                )
    return items


# --- evaluation ------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeMetric:
    theme: str
    precision: float
    recall: float
    f1: float
    support: int  # gold items with the theme
    predicted: int  # items the method gave the theme


@dataclass(frozen=True)
class MethodScores:
    """Scores of one method over all evaluated items."""

    method: str
    description: str
    micro_precision: float
    micro_recall: float
    micro_f1: float
    macro_f1: float  # mean F1 over ``macro_themes``
    macro_themes: tuple[str, ...]  # themes with at least min_support gold items
    per_theme: tuple[ThemeMetric, ...]

    def theme(self, theme_id: str) -> ThemeMetric:
        return next(m for m in self.per_theme if m.theme == theme_id)


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_theme_sets(
    gold: Sequence[Iterable[str]],
    predicted: Sequence[Iterable[str]],
    method: str = "",
    description: str = "",
    min_support: int = 3,
) -> MethodScores:
    """Micro P/R/F1 over (item, theme) pairs (``other`` included) and macro-F1
    over themes with at least ``min_support`` gold items.

    >>> score_theme_sets([{"neglect"}], [{"neglect", "other"}]).micro_f1
    0.6666666666666666
    """
    gold_sets = [set(g) for g in gold]
    pred_sets = [set(p) for p in predicted]
    themes = sorted(set().union(*gold_sets, *pred_sets)) if gold_sets else []
    per_theme = []
    tp_all = fp_all = fn_all = 0
    for theme in themes:
        tp = sum(theme in g and theme in p for g, p in zip(gold_sets, pred_sets))
        fp = sum(theme not in g and theme in p for g, p in zip(gold_sets, pred_sets))
        fn = sum(theme in g and theme not in p for g, p in zip(gold_sets, pred_sets))
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        p, r, f = _f1(tp, fp, fn)
        per_theme.append(ThemeMetric(theme, p, r, f, tp + fn, tp + fp))
    micro_p, micro_r, micro_f = _f1(tp_all, fp_all, fn_all)
    macro = [m for m in per_theme if m.support >= min_support]
    per_theme.sort(key=lambda m: (-m.support, m.theme))
    return MethodScores(
        method=method,
        description=description,
        micro_precision=micro_p,
        micro_recall=micro_r,
        micro_f1=micro_f,
        macro_f1=float(np.mean([m.f1 for m in macro])) if macro else 0.0,
        macro_themes=tuple(m.theme for m in macro),
        per_theme=tuple(per_theme),
    )


@dataclass(frozen=True)
class FamilyScores:
    """The chosen method and the lexicon on the items of one family of documents."""

    family: str
    n_items: int
    n_documents: int
    n_groups: int
    chosen: MethodScores
    baseline: MethodScores


@dataclass(frozen=True)
class ThemeEval:
    """Chosen method vs the lexicon baseline (and component ablations), same items, same run."""

    chosen: MethodScores
    baseline: MethodScores
    ablations: tuple[MethodScores, ...]
    n_items: int
    n_documents: int
    n_groups: int
    grouping: str  # how the learned parts were cross-validated
    embedder_id: str
    gold_paths: tuple[str, ...]
    seconds: float
    families: tuple[FamilyScores, ...] = ()  # the same grouped-CV predictions, per family
    lofo: tuple[FamilyScores, ...] = ()  # each family scored by a model trained on the others

    def family_markdown(self) -> str:
        """Per-family and leave-one-family-out tables (empty with one family)."""
        if len(self.families) < 2:
            return ""
        head = [
            (
                "| family | items | documents | groups | micro-F1 | macro-F1 | lexicon micro-F1 "
                "| lexicon macro-F1 |"
            ),
            "|---|---|---|---|---|---|---|---|",
        ]

        def rows(scores: Sequence[FamilyScores]) -> list[str]:
            return [
                f"| {f.family} | {f.n_items} | {f.n_documents} | {f.n_groups} | "
                f"{f.chosen.micro_f1:.3f} | {f.chosen.macro_f1:.3f} | "
                f"{f.baseline.micro_f1:.3f} | {f.baseline.macro_f1:.3f} |"
                for f in scores
            ]

        lines = [
            f"Per family (the grouped cross-validation above, {self.grouping}):",
            "",
            *head,
            *rows(self.families),
            "",
        ]
        if self.lofo:
            lines += [
                "Leave one family out (trained on the other families only):",
                "",
                *head,
                *rows(self.lofo),
                "",
            ]
        return "\n".join(lines) + "\n"

    def to_markdown(self) -> str:
        """Summary and per-theme table, as used in the model card."""
        lines = [
            (
                f"Items: {self.n_items} from {self.n_documents} documents, {self.n_groups} groups. "
                f"Learned parts evaluated by {self.grouping}; the lexicon needs no training."
            ),
            "",
            "| method | micro-P | micro-R | micro-F1 | macro-F1 (themes with >= 3 gold items) |",
            "|---|---|---|---|---|",
        ]
        for m in (self.chosen, self.baseline, *self.ablations):
            lines.append(
                f"| {m.method} | {m.micro_precision:.3f} | {m.micro_recall:.3f} | "
                f"{m.micro_f1:.3f} | {m.macro_f1:.3f} ({len(m.macro_themes)} themes) |"
            )
        lines += [
            "",
            f"Per theme ({self.chosen.method} vs {self.baseline.method}):",
            "",
            "| theme | support | predicted | P | R | F1 | lexicon predicted | lexicon P | lexicon R | lexicon F1 |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        base = {m.theme: m for m in self.baseline.per_theme}
        chosen = {m.theme: m for m in self.chosen.per_theme}
        themes = list(chosen) + [t for t in base if t not in chosen]
        for theme in themes:
            cm = chosen.get(theme) or ThemeMetric(theme, 0.0, 0.0, 0.0, base[theme].support, 0)
            b = base.get(theme) or ThemeMetric(theme, 0.0, 0.0, 0.0, cm.support, 0)
            lines.append(
                f"| {cm.theme} | {cm.support} | {cm.predicted} | {cm.precision:.2f} | {cm.recall:.2f} | "
                f"{cm.f1:.2f} | {b.predicted} | {b.precision:.2f} | {b.recall:.2f} | {b.f1:.2f} |"
            )
        return "\n".join(lines) + "\n" + ("\n" + fam if (fam := self.family_markdown()) else "")


def evaluate_themes(
    gold_paths: Sequence[Path | str] | None,
    embedder: Embedder,
    *,
    taxonomy: Taxonomy | None = None,
    n_splits: int = 5,
    min_support: int = 3,
    vectors: np.ndarray | None = None,
    ablations: bool = True,
    progress: bool = False,
    leave_family_out: bool = True,
    items: Sequence[GoldItem] | None = None,
    tune_thresholds: bool = True,
    **train_kwargs: Any,
) -> ThemeEval:
    """Score the chosen method and the lexicon baseline on labelled items.

    Learned parts are cross-validated with GroupKFold on the local authority
    (``local_authority`` in the gold), so no model is scored on items from an
    authority it was trained on.  ``vectors`` may pass cached embeddings of
    the gold texts (in file order).  With ``tune_thresholds`` (the default, as
    in the shipped model) every fold's decision thresholds are tuned by an
    inner grouped CV on that fold's training items, never on the items scored.
    """

    from sklearn.model_selection import GroupKFold

    start = time.perf_counter()
    taxonomy = taxonomy or load_taxonomy()
    paths = [Path(p) for p in (gold_paths if gold_paths is not None else default_gold_paths())]
    # Pass ``items`` (with their ``vectors``) to score exactly what was embedded even
    # when a gold file grows meanwhile.
    items = list(items) if items is not None else load_gold(paths, taxonomy)
    if not items:
        raise GoldError("no labelled items in the gold files", path=", ".join(map(str, paths)))
    texts = [it.text for it in items]
    gold = [set(it.themes) for it in items]
    groups = np.array([it.group for it in items])
    n_groups = len(set(groups))
    if n_groups < 2:
        raise GoldError("grouped cross-validation needs items from at least 2 local authorities")
    if vectors is None:
        vectors = embedder.embed(texts, progress=progress)
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.shape != (len(items), embedder.dim):
        raise ModelError(
            f"cached vectors have shape {vectors.shape}, expected ({len(items)}, {embedder.dim})"
        )

    folds = min(n_splits, n_groups)
    examples = example_vectors_for(taxonomy, embedder)
    chosen: list[set[str]] = [set() for _ in items]
    clf_only: list[set[str]] = [set() for _ in items]
    similarity: list[set[str]] = [set() for _ in items]
    for train, test in GroupKFold(n_splits=folds).split(vectors, groups=groups):
        model = train_theme_model(
            [texts[i] for i in train],
            [gold[i] for i in train],
            vectors[train],
            taxonomy,
            embedder=embedder,
            examples=examples,
            # Thresholds are tuned by an inner grouped CV on these training items only.
            groups=[str(groups[i]) for i in train] if tune_thresholds else None,
            **train_kwargs,
        )
        assigned = model.assign([texts[i] for i in test], vectors[test])
        for i, scores in zip(test, assigned):
            chosen[i] = {s.theme for s in scores}
        if ablations:
            for i, themes in zip(
                test, _classifier_only(model, [texts[i] for i in test], vectors[test])
            ):
                clf_only[i] = themes
            for i, themes in zip(test, _similarity_only(examples, vectors, gold, train, test)):
                similarity[i] = themes

    lexicon = LexiconTagger(taxonomy)
    baseline = [{s.theme for s in lexicon.tag(t)} for t in texts]
    families = [f for f in FAMILIES if any(it.family == f for it in items)]
    families += sorted({it.family for it in items} - set(families))
    lofo: dict[str, list[set[str]]] = {}
    if leave_family_out and len(families) > 1:
        for family in families:
            train = np.array([i for i, it in enumerate(items) if it.family != family])
            test = np.array([i for i, it in enumerate(items) if it.family == family])
            model = train_theme_model(
                [texts[i] for i in train],
                [gold[i] for i in train],
                vectors[train],
                taxonomy,
                embedder=embedder,
                examples=examples,
                groups=([str(groups[i]) for i in train] if tune_thresholds else None),
                **train_kwargs,
            )
            lofo[family] = [
                {s.theme for s in a} for a in model.assign([texts[i] for i in test], vectors[test])
            ]
    extra: tuple[MethodScores, ...] = ()
    if ablations:
        extra = (
            score_theme_sets(
                gold,
                clf_only,
                "classifier only",
                "logistic regression on embeddings, p >= 0.5, lexicon unused",
                min_support,
            ),
            score_theme_sets(
                gold,
                similarity,
                "embedding similarity",
                "cosine to theme description/examples, threshold tuned on the training folds",
                min_support,
            ),
        )
    return ThemeEval(
        chosen=score_theme_sets(
            gold,
            chosen,
            "lexicon + classifier",
            "keywords confirmed by the classifier, confident classifier additions",
            min_support,
        ),
        baseline=score_theme_sets(
            gold, baseline, "lexicon", "keywords and patterns only", min_support
        ),
        ablations=extra,
        n_items=len(items),
        n_documents=len({(it.source, it.doc) for it in items}),
        n_groups=n_groups,
        grouping=f"GroupKFold({folds}) on local authority (the document where none)"
        + ("; thresholds tuned inside each training fold" if tune_thresholds else ""),
        embedder_id=embedder.model_id,
        gold_paths=tuple(str(p) for p in paths),
        seconds=time.perf_counter() - start,
        families=tuple(
            _family_scores(f, items, gold, chosen, baseline, min_support) for f in families
        ),
        lofo=tuple(_family_scores(f, items, gold, lofo[f], baseline, min_support) for f in lofo),
    )


def _family_scores(
    family: str,
    items: Sequence[GoldItem],
    gold: Sequence[set[str]],
    predicted: Sequence[set[str]],
    baseline: Sequence[set[str]],
    min_support: int,
) -> FamilyScores:
    idx = [i for i, it in enumerate(items) if it.family == family]
    if len(predicted) != len(idx):  # whole-set predictions: pick the family's items
        predicted = [predicted[i] for i in idx]
    return FamilyScores(
        family=family,
        n_items=len(idx),
        n_documents=len({(items[i].source, items[i].doc) for i in idx}),
        n_groups=len({items[i].group for i in idx}),
        chosen=score_theme_sets(
            [gold[i] for i in idx], predicted, "lexicon + classifier", "", min_support
        ),
        baseline=score_theme_sets(
            [gold[i] for i in idx], [baseline[i] for i in idx], "lexicon", "", min_support
        ),
    )


def _classifier_only(
    model: ThemeModel, texts: Sequence[str], vectors: np.ndarray
) -> list[set[str]]:
    probs = model.probabilities(vectors, texts)
    out = []
    for row in probs:
        themes = {t for t, p in zip(model.classifier_themes, row) if p >= 0.5}
        out.append(themes or {OTHER})
    return out


def _similarity_only(
    examples: tuple[tuple[str, ...], tuple[str, ...], np.ndarray],
    vectors: np.ndarray,
    gold: Sequence[set[str]],
    train: np.ndarray,
    test: np.ndarray,
) -> list[set[str]]:
    """Themes whose description/examples are within a cosine threshold (tuned on train);
    at least the most similar theme."""
    _, owners, ex_vectors = examples
    theme_ids = sorted(set(owners))
    sims = vectors @ ex_vectors.T
    best = np.stack(
        [sims[:, [k for k, o in enumerate(owners) if o == t]].max(axis=1) for t in theme_ids],
        axis=1,
    )
    top = best == best.max(axis=1, keepdims=True)
    truth = np.array([[t in gold[i] for t in theme_ids] for i in train])
    n_gold_train = sum(len(gold[i]) for i in train)  # gold themes outside theme_ids count as misses

    def micro_f1(threshold: float) -> float:
        pred = (best[train] >= threshold) | top[train]
        tp = int((pred & truth).sum())
        return 2 * tp / (int(pred.sum()) + n_gold_train)

    grid = np.round(np.arange(0.2, 0.8, 0.02), 2)
    threshold = float(max(grid, key=lambda th: (micro_f1(float(th)), -th)))
    pred = (best[test] >= threshold) | top[test]
    return [{theme_ids[j] for j in np.flatnonzero(row)} for row in pred]


# --- a file cache of vectors, for training runs outside a store ---------------------


def embed_cached(
    embedder: Embedder,
    texts: Sequence[str],
    cache_dir: Path | str | None,
    *,
    progress: bool = False,
) -> np.ndarray:
    """``embedder.embed(texts)``, reusing vectors saved in ``cache_dir`` by earlier runs.

    One ``.npz`` per embedder (keys are sha1 of the text), so repeated training
    and evaluation runs embed only new texts.  ``cache_dir=None`` embeds everything.
    """
    import hashlib

    if cache_dir is None:
        return np.asarray(embedder.embed(list(texts), progress=progress), dtype=np.float32)
    folder = Path(cache_dir)
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(embedder.model_id.encode("utf-8")).hexdigest()[:12]
    path = folder / f"vectors-{name}.npz"
    cached: dict[str, np.ndarray] = {}
    if path.is_file():
        with np.load(path, allow_pickle=False) as npz:
            cached = {k: npz[k] for k in npz.files}
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    missing = list(dict.fromkeys(k for k in keys if k not in cached))
    if missing:
        by_key = dict(zip(keys, texts))
        new = embedder.embed([by_key[k] for k in missing], progress=progress)
        cached.update({k: np.asarray(v, dtype=np.float32) for k, v in zip(missing, new)})
        np.savez(path, allow_pickle=False, **cached)
    if not keys:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.stack([cached[k] for k in keys]).astype(np.float32)
