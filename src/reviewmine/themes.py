"""Assign taxonomy themes to items: lexicon proposes, a small classifier confirms or adds.

The chosen method (measured against the alternatives on the annotated Ofsted
items; see ``models/themes/MODEL_CARD.md``):

* the **lexicon** (keywords and patterns from the taxonomy) proposes themes;
* a **one-vs-rest logistic regression** on sentence embeddings, trained for
  every theme with enough labelled items, scores each theme;
* a proposed theme is kept when its probability is at least
  ``confirm_threshold`` (a weak veto on keyword false alarms), and a theme the
  keywords missed is added when its probability is at least ``add_threshold``;
* themes too rare to train a classifier for rely on the lexicon alone;
* an item left with nothing gets the classifier's best guess if it reaches
  ``fallback_threshold``, else ``other``.

Every :class:`~reviewmine.types.ThemeScore` carries a checkable reason:
matched keywords, the classifier probability and the nearest example phrase.

Example::

    model = ThemeModel.load()                 # models/themes, default taxonomy
    vectors = embedder.embed(texts)           # the store caches these
    model.assign(texts, vectors)[0]
    # (ThemeScore(theme='children_in_care', score=0.98, reason="keywords: 'care leavers'; p=0.96; ..."),)
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from reviewmine.embed import Embedder
from reviewmine.errors import ConfigError, GoldError, ModelError
from reviewmine.taxonomy import (
    OTHER,
    LexiconTagger,
    Taxonomy,
    Theme,
    load_taxonomy,
    quote_list,
    theme_record,
)
from reviewmine.types import ThemeScore

__all__ = [
    "GoldItem",
    "LexiconTagger",
    "MethodScores",
    "ThemeEval",
    "ThemeMetric",
    "ThemeModel",
    "Taxonomy",
    "Theme",
    "default_gold_paths",
    "default_model_path",
    "evaluate_themes",
    "load_gold",
    "load_taxonomy",
    "score_theme_sets",
    "train_theme_model",
]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MODEL_FORMAT = "reviewmine-themes/1"
WEIGHTS_FILE = "weights.npz"
CONFIG_FILE = "model.json"


def default_model_path() -> Path:
    """``$REVIEWMINE_THEME_MODEL`` or the project's ``models/themes`` folder."""
    env = os.environ.get("REVIEWMINE_THEME_MODEL")
    return Path(env) if env else PROJECT_ROOT / "models" / "themes"


def default_gold_paths() -> list[Path]:
    """The labelled items used to train and evaluate: the shared Ofsted gold,
    plus the project's own ``corpus/gold.jsonl`` when it exists."""
    candidates = [
        PROJECT_ROOT.parent / "shared" / "real" / "ofsted" / "gold.jsonl",
        PROJECT_ROOT / "corpus" / "gold.jsonl",
    ]
    return [p for p in candidates if p.is_file()]


# --- labelled data ---------------------------------------------------------------


@dataclass(frozen=True)
class GoldItem:
    """One labelled item: its text, gold themes and the group it is cross-validated by."""

    text: str
    themes: tuple[str, ...]
    group: str  # local authority (or area / file when absent)
    doc: str  # file name of the document
    year: int | None = None
    doc_type: str | None = None
    source: str = ""  # gold file it came from


def load_gold(paths: Iterable[Path | str], taxonomy: Taxonomy | None = None) -> list[GoldItem]:
    """Items with themes from gold JSONL files (one document per line).

    Items without a ``themes`` list are skipped; an unknown theme id is a
    :class:`GoldError` naming the file, line and id.
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
                doc_items = doc.get("items", [])
            except (ValueError, AttributeError) as err:
                raise GoldError(f"line {lineno}: not a JSON object: {err}", path=path) from err
            group = doc.get("local_authority") or doc.get("area") or doc.get("file") or f"line{lineno}"
            date = doc.get("inspection_date") or doc.get("publication_date") or doc.get("date") or ""
            year = int(date[:4]) if date[:4].isdigit() else None
            for item in doc_items:
                themes = item.get("themes")
                if not isinstance(themes, list) or not item.get("text"):
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
                        text=item["text"],
                        themes=tuple(dict.fromkeys(themes)),
                        group=str(group),
                        doc=str(doc.get("file", f"line{lineno}")),
                        year=year,
                        doc_type=doc.get("doc_type") or ("ofsted_inspection" if "framework" in doc else None),
                        source=str(path),
                    )
                )
    return items


# --- the model ---------------------------------------------------------------------


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


@dataclass
class ThemeModel:
    """Trained theme assigner; weights in ``weights.npz``, settings in ``model.json``."""

    taxonomy: Taxonomy
    classifier_themes: tuple[str, ...]  # themes with a trained classifier, row order of coef
    coef: np.ndarray  # (len(classifier_themes), dim) float32
    intercept: np.ndarray  # (len(classifier_themes),) float32
    example_texts: tuple[str, ...]  # description + examples of each theme, embedded
    example_themes: tuple[str, ...]
    example_vectors: np.ndarray  # (len(example_texts), dim) float32
    embedder_id: str
    dim: int
    confirm_threshold: float = 0.1
    add_threshold: float = 0.9
    fallback_threshold: float = 0.25
    training: dict[str, Any] = field(default_factory=dict)  # what it was trained on, how
    trained_themes: tuple[dict[str, Any], ...] = ()  # taxonomy at training time, for the record

    # ---- scoring
    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Classifier probabilities, shape (n, len(classifier_themes))."""
        vectors = self._check_vectors(vectors)
        return _sigmoid(vectors.astype(np.float64) @ self.coef.T.astype(np.float64) + self.intercept)

    def _check_vectors(self, vectors: np.ndarray) -> np.ndarray:
        vectors = np.asarray(vectors)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            raise ModelError(
                f"theme model expects vectors of size {self.dim} from {self.embedder_id}, "
                f"got shape {vectors.shape}",
                hint="embed the items with the embedder the model was trained with",
            )
        return vectors

    def assign(
        self, texts: Sequence[str], vectors: np.ndarray, *, embedder_id: str | None = None
    ) -> list[tuple[ThemeScore, ...]]:
        """Themes for each text, best first; ``vectors`` are the texts' embeddings.

        Pass ``embedder_id`` (the embedder's ``model_id``) to have a mismatch
        with the training embedder reported instead of silently mis-scored.
        """
        if embedder_id is not None and embedder_id != self.embedder_id:
            raise ModelError(
                f"vectors come from {embedder_id} but the theme model was trained on "
                f"{self.embedder_id}",
                hint="re-embed with the model's embedder or retrain: python scripts/train_themes.py",
            )
        if len(texts) != len(vectors):
            raise ModelError(f"{len(texts)} texts but {len(vectors)} vectors")
        if not len(texts):
            return []
        probs = self.probabilities(vectors)
        lexicon = LexiconTagger(self.taxonomy)
        active = [t.id for t in self.taxonomy if t.id != OTHER]
        col = {t: i for i, t in enumerate(self.classifier_themes)}
        nearest = self._nearest_examples(np.asarray(vectors, dtype=np.float32))
        out: list[tuple[ThemeScore, ...]] = []
        for i, text in enumerate(texts):
            hits = lexicon.matches(text)
            scores: list[ThemeScore] = []
            for theme in active:
                phrases = hits.get(theme, ())
                p = float(probs[i, col[theme]]) if theme in col else None
                score = _combine(phrases, p, self.confirm_threshold, self.add_threshold)
                if score is not None:
                    scores.append(ThemeScore(theme, score, _reason(phrases, p, nearest[i].get(theme))))
            if not scores:
                scores.append(self._fallback(i, probs, nearest[i], active))
            out.append(tuple(sorted(scores, key=lambda s: (-s.score, s.theme))))
        return out

    def _fallback(
        self, i: int, probs: np.ndarray, nearest: Mapping[str, str], active: Sequence[str]
    ) -> ThemeScore:
        usable = [(float(probs[i, j]), t) for j, t in enumerate(self.classifier_themes) if t in active]
        if usable:
            p, theme = max(usable, key=lambda pt: (pt[0], pt[1]))
            if p >= self.fallback_threshold:
                return ThemeScore(
                    theme,
                    round(p, 4),
                    f"no keywords; best classifier guess p={p:.2f}"
                    + (f"; nearest example: '{nearest[theme]}'" if theme in nearest else ""),
                )
            return ThemeScore(
                OTHER,
                round(1.0 - p, 4),
                f"no theme keywords; best guess '{theme}' only p={p:.2f}",
            )
        return ThemeScore(OTHER, 1.0, "no theme keywords")

    def _nearest_examples(self, vectors: np.ndarray) -> list[dict[str, str]]:
        """Per item: theme -> its most similar current example phrase."""
        current = {t.id: {t.description, *t.examples} for t in self.taxonomy}
        keep = [
            k
            for k, (theme, text) in enumerate(zip(self.example_themes, self.example_texts))
            if text in current.get(theme, ())
        ]
        result: list[dict[str, str]] = [{} for _ in range(len(vectors))]
        if not keep:
            return result
        sims = vectors @ self.example_vectors[keep].T
        for i in range(len(vectors)):
            best: dict[str, tuple[float, str]] = {}
            for col_k, k in enumerate(keep):
                theme = self.example_themes[k]
                s = float(sims[i, col_k])
                if theme not in best or s > best[theme][0]:
                    best[theme] = (s, self.example_texts[k])
            result[i] = {theme: text for theme, (_, text) in best.items()}
        return result

    # ---- persistence
    def save(self, path: Path | str) -> Path:
        """Write ``weights.npz`` + ``model.json`` into folder ``path`` (byte-for-byte reproducible)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        _write_npz(
            folder / WEIGHTS_FILE,
            {
                "coef": self.coef.astype(np.float32),
                "intercept": self.intercept.astype(np.float32),
                "example_vectors": self.example_vectors.astype(np.float32),
            },
        )
        config = {
            "format": MODEL_FORMAT,
            "embedder_id": self.embedder_id,
            "dim": self.dim,
            "classifier_themes": list(self.classifier_themes),
            "example_themes": list(self.example_themes),
            "example_texts": list(self.example_texts),
            "thresholds": {
                "confirm": self.confirm_threshold,
                "add": self.add_threshold,
                "fallback": self.fallback_threshold,
            },
            "training": self.training,
            "taxonomy_at_training": list(self.trained_themes),
        }
        (folder / CONFIG_FILE).write_text(
            json.dumps(config, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        return folder

    @classmethod
    def load(cls, path: Path | str | None = None, taxonomy: Taxonomy | None = None) -> ThemeModel:
        """Load a saved model; ``taxonomy`` (default: the shipped one) decides names,
        keywords and which themes are active (dropped themes are never assigned,
        added themes are assigned by their keywords)."""
        folder = Path(path) if path is not None else default_model_path()
        hint = "train it with: python scripts/train_themes.py"
        config_path, weights_path = folder / CONFIG_FILE, folder / WEIGHTS_FILE
        if not config_path.is_file() or not weights_path.is_file():
            raise ModelError("theme model not found (model.json, weights.npz)", path=folder, hint=hint)
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
            with np.load(weights_path, allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in ("coef", "intercept", "example_vectors")}
        except (OSError, ValueError, KeyError) as err:
            raise ModelError(f"theme model is unreadable: {err}", path=folder, hint=hint) from err
        if config.get("format") != MODEL_FORMAT:
            raise ModelError(
                f"theme model format {config.get('format')!r}, expected {MODEL_FORMAT!r}",
                path=config_path,
                hint=hint,
            )
        thresholds = config["thresholds"]
        return cls(
            taxonomy=taxonomy or load_taxonomy(),
            classifier_themes=tuple(config["classifier_themes"]),
            coef=arrays["coef"],
            intercept=arrays["intercept"],
            example_texts=tuple(config["example_texts"]),
            example_themes=tuple(config["example_themes"]),
            example_vectors=arrays["example_vectors"],
            embedder_id=config["embedder_id"],
            dim=int(config["dim"]),
            confirm_threshold=float(thresholds["confirm"]),
            add_threshold=float(thresholds["add"]),
            fallback_threshold=float(thresholds["fallback"]),
            training=config.get("training", {}),
            trained_themes=tuple(config.get("taxonomy_at_training", ())),
        )


def _combine(phrases: Sequence[str], p: float | None, confirm: float, add: float) -> float | None:
    """The decision rule; returns the score of an assigned theme or None.

    Keyword themes score in [0.5, 1]; classifier-only additions score p (>= add).
    """
    if p is None:  # no classifier for this theme: keywords decide
        return round(0.5 + 0.5 * (1.0 - 0.5 ** len(phrases)), 4) if phrases else None
    if phrases and p >= confirm:
        return round(0.5 + 0.5 * p, 4)
    if p >= add:
        return round(p, 4)
    return None


def _reason(phrases: Sequence[str], p: float | None, example: str | None) -> str:
    parts = []
    if phrases:
        parts.append("keywords: " + quote_list(phrases))
    if p is not None:
        parts.append(f"classifier p={p:.2f}")
    if example:
        parts.append(f"nearest example: '{example}'")
    return "; ".join(parts)


def _write_npz(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """np.savez-compatible archive with fixed timestamps, so retraining gives identical bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


# --- training ------------------------------------------------------------------------


def example_vectors_for(
    taxonomy: Taxonomy, embedder: Embedder
) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray]:
    """Embed each theme's description and examples: (texts, theme ids, vectors)."""
    texts: list[str] = []
    owners: list[str] = []
    for theme in taxonomy:
        if theme.id == OTHER:
            continue
        for text in dict.fromkeys((theme.description, *theme.examples)):
            texts.append(text)
            owners.append(theme.id)
    return tuple(texts), tuple(owners), embedder.embed(texts)


def train_theme_model(
    texts: Sequence[str],
    labels: Sequence[Sequence[str]],
    vectors: np.ndarray,
    taxonomy: Taxonomy,
    *,
    embedder: Embedder,
    min_positives: int = 10,
    C: float = 4.0,
    confirm_threshold: float = 0.1,
    add_threshold: float = 0.9,
    fallback_threshold: float = 0.25,
    examples: tuple[tuple[str, ...], tuple[str, ...], np.ndarray] | None = None,
    training_info: Mapping[str, Any] | None = None,
) -> ThemeModel:
    """Fit one logistic regression per theme with at least ``min_positives`` items.

    ``vectors`` must come from ``embedder`` (its ``model_id`` is recorded).
    ``examples`` may pass precomputed :func:`example_vectors_for` output.
    Deterministic: same inputs, same weights.
    """
    from sklearn.linear_model import LogisticRegression

    vectors = np.asarray(vectors, dtype=np.float32)
    if len(texts) != len(labels) or len(texts) != len(vectors):
        raise ConfigError(
            f"training data: {len(texts)} texts, {len(labels)} label sets, {len(vectors)} vectors"
        )
    if vectors.ndim != 2 or vectors.shape[1] != embedder.dim:
        raise ModelError(f"vectors of shape {vectors.shape} do not match {embedder.model_id}")
    trainable = [t.id for t in taxonomy if t.id != OTHER]
    label_sets = [set(ls) for ls in labels]
    themes, coefs, intercepts = [], [], []
    for theme in trainable:
        y = np.array([theme in ls for ls in label_sets], dtype=int)
        if y.sum() < min_positives or y.sum() == len(y):
            continue
        # class_weight: most themes are rare; without it the classifier never says yes.
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        clf.fit(vectors, y)
        themes.append(theme)
        coefs.append(clf.coef_[0])
        intercepts.append(clf.intercept_[0])
    ex_texts, ex_themes, ex_vectors = examples or example_vectors_for(taxonomy, embedder)
    dim = vectors.shape[1]
    return ThemeModel(
        taxonomy=taxonomy,
        classifier_themes=tuple(themes),
        coef=np.array(coefs, dtype=np.float32).reshape(len(themes), dim),
        intercept=np.array(intercepts, dtype=np.float32),
        example_texts=ex_texts,
        example_themes=ex_themes,
        example_vectors=np.asarray(ex_vectors, dtype=np.float32).reshape(len(ex_texts), dim),
        embedder_id=embedder.model_id,
        dim=dim,
        confirm_threshold=confirm_threshold,
        add_threshold=add_threshold,
        fallback_threshold=fallback_threshold,
        training={
            "n_items": len(texts),
            "min_positives": min_positives,
            "C": C,
            "positives": {t: int(sum(t in ls for ls in label_sets)) for t in trainable},
            **dict(training_info or {}),
        },
        trained_themes=tuple(theme_record(t) for t in taxonomy),
    )


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

    def to_markdown(self) -> str:
        """Summary and per-theme table, as used in the model card."""
        lines = [
            f"Items: {self.n_items} from {self.n_documents} documents, {self.n_groups} groups. "
            f"Learned parts evaluated by {self.grouping}; the lexicon needs no training.",
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
            "| theme | support | P | R | F1 | lexicon P | lexicon R | lexicon F1 |",
            "|---|---|---|---|---|---|---|---|",
        ]
        base = {m.theme: m for m in self.baseline.per_theme}
        for m in self.chosen.per_theme:
            b = base.get(m.theme, ThemeMetric(m.theme, 0.0, 0.0, 0.0, m.support, 0))
            lines.append(
                f"| {m.theme} | {m.support} | {m.precision:.2f} | {m.recall:.2f} | {m.f1:.2f} | "
                f"{b.precision:.2f} | {b.recall:.2f} | {b.f1:.2f} |"
            )
        return "\n".join(lines) + "\n"


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
    **train_kwargs: Any,
) -> ThemeEval:
    """Score the chosen method and the lexicon baseline on labelled items.

    Learned parts are cross-validated with GroupKFold on the local authority
    (``local_authority`` in the gold), so no model is scored on items from an
    authority it was trained on.  ``vectors`` may pass cached embeddings of
    the gold texts (in file order).
    """
    import time

    from sklearn.model_selection import GroupKFold

    start = time.perf_counter()
    taxonomy = taxonomy or load_taxonomy()
    paths = [Path(p) for p in (gold_paths if gold_paths is not None else default_gold_paths())]
    items = load_gold(paths, taxonomy)
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
        raise ModelError(f"cached vectors have shape {vectors.shape}, expected ({len(items)}, {embedder.dim})")

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
            **train_kwargs,
        )
        assigned = model.assign([texts[i] for i in test], vectors[test])
        for i, scores in zip(test, assigned):
            chosen[i] = {s.theme for s in scores}
        if ablations:
            for i, themes in zip(test, _classifier_only(model, vectors[test])):
                clf_only[i] = themes
            for i, themes in zip(test, _similarity_only(examples, vectors, gold, train, test)):
                similarity[i] = themes

    lexicon = LexiconTagger(taxonomy)
    baseline = [{s.theme for s in lexicon.tag(t)} for t in texts]
    extra: tuple[MethodScores, ...] = ()
    if ablations:
        extra = (
            score_theme_sets(
                gold, clf_only, "classifier only",
                "logistic regression on embeddings, p >= 0.5, lexicon unused", min_support,
            ),
            score_theme_sets(
                gold, similarity, "embedding similarity",
                "cosine to theme description/examples, threshold tuned on the training folds",
                min_support,
            ),
        )
    return ThemeEval(
        chosen=score_theme_sets(
            gold, chosen, "lexicon + classifier",
            "keywords confirmed by the classifier, confident classifier additions", min_support,
        ),
        baseline=score_theme_sets(gold, baseline, "lexicon", "keywords and patterns only", min_support),
        ablations=extra,
        n_items=len(items),
        n_documents=len({(it.source, it.doc) for it in items}),
        n_groups=n_groups,
        grouping=f"GroupKFold({folds}) on local_authority",
        embedder_id=embedder.model_id,
        gold_paths=tuple(str(p) for p in paths),
        seconds=time.perf_counter() - start,
    )


def _classifier_only(model: ThemeModel, vectors: np.ndarray) -> list[set[str]]:
    probs = model.probabilities(vectors)
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
    """Themes whose description/examples are within a cosine threshold (tuned on train)."""
    _, owners, ex_vectors = examples
    theme_ids = sorted(set(owners))
    sims = vectors @ ex_vectors.T
    best = np.stack(
        [sims[:, [k for k, o in enumerate(owners) if o == t]].max(axis=1) for t in theme_ids], axis=1
    )

    def predict(rows: np.ndarray, threshold: float) -> list[set[str]]:
        out = []
        for r in rows:
            themes = {theme_ids[j] for j in np.flatnonzero(best[r] >= threshold)}
            out.append(themes or {theme_ids[int(best[r].argmax())]})
        return out

    grid = np.round(np.arange(0.2, 0.8, 0.02), 2)
    train_gold = [gold[i] for i in train]
    threshold = max(
        grid, key=lambda th: (score_theme_sets(train_gold, predict(train, th)).micro_f1, -th)
    )
    return predict(test, float(threshold))
