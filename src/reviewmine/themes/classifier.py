"""Assign taxonomy themes to items: lexicon proposes, a small classifier confirms or adds.

The chosen method (measured against the alternatives on the annotated Ofsted
items; see ``models/themes/MODEL_CARD.md``):

* the **lexicon** (keywords and patterns from the taxonomy) proposes themes;
* a **one-vs-rest logistic regression** on sentence embeddings plus the
  lexicon's keyword indicators, trained for every theme with enough labelled
  items, scores each theme;
* a proposed theme is kept when its probability is at least
  ``confirm_threshold`` (``confirm_threshold_long`` in long paragraphs, which
  mention many topics in passing), and a theme the keywords missed is added
  when its probability is at least ``add_threshold``;
* the three thresholds are tuned by grouped cross-validation inside the training
  items (:func:`tune_thresholds`), so an evaluation never tunes on what it scores;
* themes too rare to train a classifier for rely on the lexicon alone;
* an item left with nothing gets the classifier's best guess if it reaches
  ``fallback_threshold`` and the item resembles some theme's examples
  (cosine >= ``fallback_min_similarity``), else ``other``.

Every :class:`~reviewmine.types.ThemeScore` carries a checkable reason: the
item's own words that carry the theme, matched keywords and the classifier
probability.

Example::

    model = ThemeModel.load()                 # models/themes, default taxonomy
    vectors = embedder.embed(texts)           # the store caches these
    model.assign(texts, vectors)[0]
    # (ThemeScore(theme='children_in_care', score=0.98,
    #             reason="words: '...pathway plans for care leavers...'; keywords: 'care leavers';
    #                     classifier p=0.96"), ...)
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from reviewmine.artefacts import SOURCE_ROOT, model_dir
from reviewmine.embedding.embedders import Embedder
from reviewmine.errors import ConfigError, ModelError
from reviewmine.textnorm import CARE_WORDS, QUERY_STOP_WORDS, RECOMMENDATION_WORDS, content_words
from reviewmine.themes.taxonomy import (
    OTHER,
    LexiconTagger,
    Taxonomy,
    Theme,
    load_taxonomy,
    normalise_text,
    quote_list,
    theme_record,
    themes_from_records,
)
from reviewmine.types import ThemeScore

__all__ = [
    "LexiconTagger",
    "Taxonomy",
    "Theme",
    "ThemeModel",
    "default_model_path",
    "example_vectors_for",
    "load_taxonomy",
    "train_theme_model",
]

PROJECT_ROOT = SOURCE_ROOT
MODEL_FORMAT = "reviewmine-themes/2"
READABLE_FORMATS = ("reviewmine-themes/1", MODEL_FORMAT)  # 1: no lexicon features
LEXICON_FEATURE_WEIGHT = 0.5  # scale of the keyword indicators beside unit-length embeddings
WEIGHTS_FILE = "weights.npz"
CONFIG_FILE = "model.json"


def default_model_path() -> Path:
    """``$REVIEWMINE_THEME_MODEL`` or the project's ``models/themes`` folder."""
    env = os.environ.get("REVIEWMINE_THEME_MODEL")
    return Path(env) if env else model_dir("themes")


# --- the model ---------------------------------------------------------------------


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


@dataclass(eq=False)  # holds arrays: compare outputs, not models
class ThemeModel:
    """Trained theme assigner; weights in ``weights.npz``, settings in ``model.json``."""

    taxonomy: Taxonomy
    classifier_themes: tuple[str, ...]  # themes with a trained classifier, row order of coef
    coef: np.ndarray  # (len(classifier_themes), dim + len(lexicon_features)) float32
    intercept: np.ndarray  # (len(classifier_themes),) float32
    example_texts: tuple[str, ...]  # description + examples of each theme, embedded
    example_themes: tuple[str, ...]
    example_vectors: np.ndarray  # (len(example_texts), dim) float32
    embedder_id: str
    dim: int
    confirm_threshold: float = 0.3
    add_threshold: float = 0.8
    fallback_threshold: float = 0.5
    fallback_min_similarity: float = 0.35  # cosine to the nearest theme example: "is it on topic?"
    training: dict[str, Any] = field(default_factory=dict)  # what it was trained on, how
    trained_themes: tuple[dict[str, Any], ...] = ()  # taxonomy at training time, for the record
    # Themes whose keyword matches (with the training-time lexicon) are features beside
    # the embedding, in this order; empty for models without lexicon features.
    lexicon_features: tuple[str, ...] = ()
    # Long paragraphs mention many topics in passing: a keyword theme needs more
    # classifier support to be kept in an item of at least long_item_chars characters.
    confirm_threshold_long: float = 0.6
    long_item_chars: int = 200

    # ---- scoring
    def features(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Embeddings with the training-time lexicon's keyword indicators appended."""
        vectors = self._check_vectors(vectors).astype(np.float64)
        if not self.lexicon_features:
            return vectors
        return np.hstack(
            [vectors, lexicon_indicators(texts, self.lexicon_features, self._training_lexicon())]
        )

    def _training_lexicon(self) -> LexiconTagger:
        # The features mean what they meant in training, whatever the user's taxonomy says.
        if self.trained_themes:
            return LexiconTagger(themes_from_records(self.trained_themes))
        return LexiconTagger(self.taxonomy)

    def probabilities(self, vectors: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        """Classifier probabilities, shape (n, len(classifier_themes)); models with
        lexicon features need the ``texts``."""
        if self.lexicon_features and texts is None:
            raise ModelError("this theme model needs the item texts as well as their vectors")
        X = (
            self.features(texts or [], vectors)
            if self.lexicon_features
            else self._check_vectors(vectors).astype(np.float64)
        )
        return _sigmoid(X @ self.coef.T.astype(np.float64) + self.intercept)

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
        probs = self.probabilities(vectors, texts)
        lexicon = LexiconTagger(self.taxonomy)
        active = [t.id for t in self.taxonomy if t.id != OTHER]
        col = {t: i for i, t in enumerate(self.classifier_themes)}
        vectors32 = np.asarray(vectors, dtype=np.float32)
        # The classifiers never saw off-topic text and can be confident about it;
        # the fallback also needs the item to resemble some theme's examples.
        on_topic = (
            (vectors32 @ self.example_vectors.T).max(axis=1)
            if len(self.example_vectors)
            else np.ones(len(texts), dtype=np.float32)
        )
        out: list[tuple[ThemeScore, ...]] = []
        for i, text in enumerate(texts):
            hits = lexicon.matches(text)
            scores: list[ThemeScore] = []
            for theme in active:
                phrases = hits.get(theme, ())
                p = float(probs[i, col[theme]]) if theme in col else None
                confirm = (
                    self.confirm_threshold_long
                    if len(text) >= self.long_item_chars
                    else self.confirm_threshold
                )
                score = _combine(phrases, p, confirm, self.add_threshold)
                if score is not None:
                    scores.append(
                        ThemeScore(
                            theme,
                            score,
                            _reason(
                                phrases, p, carrying_words(text, self.taxonomy.get(theme), phrases)
                            ),
                        )
                    )
            if not scores:
                scores.append(self._fallback(text, i, probs, active, float(on_topic[i])))
            out.append(tuple(sorted(scores, key=lambda s: (-s.score, s.theme))))
        return out

    def _fallback(
        self,
        text: str,
        i: int,
        probs: np.ndarray,
        active: Sequence[str],
        similarity: float,
    ) -> ThemeScore:
        usable = [
            (float(probs[i, j]), t) for j, t in enumerate(self.classifier_themes) if t in active
        ]
        if usable:
            p, theme = max(usable, key=lambda pt: (pt[0], pt[1]))
            if similarity < self.fallback_min_similarity:
                return ThemeScore(
                    OTHER,
                    round(1.0 - similarity, 4),
                    f"no theme keywords; unlike every theme example (cosine {similarity:.2f})",
                )
            if p >= self.fallback_threshold:
                words = carrying_words(text, self.taxonomy.get(theme), ())
                return ThemeScore(
                    theme,
                    round(p, 4),
                    f"words: '{words}'; no keywords, best classifier guess p={p:.2f}",
                )
            return ThemeScore(
                OTHER,
                round(1.0 - p, 4),
                f"no theme keywords; best guess '{theme}' only p={p:.2f}",
            )
        return ThemeScore(OTHER, 1.0, "no theme keywords")

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
                "fallback_min_similarity": self.fallback_min_similarity,
            },
            "training": self.training,
            "taxonomy_at_training": list(self.trained_themes),
            "lexicon_features": list(self.lexicon_features),
            "lexicon_feature_weight": LEXICON_FEATURE_WEIGHT,
            "long_items": {"chars": self.long_item_chars, "confirm": self.confirm_threshold_long},
        }
        (folder / CONFIG_FILE).write_text(
            json.dumps(config, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8",
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
            raise ModelError(
                "theme model not found (model.json, weights.npz)", path=folder, hint=hint
            )
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
            with np.load(weights_path, allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in ("coef", "intercept", "example_vectors")}
        except (OSError, ValueError, KeyError) as err:
            raise ModelError(f"theme model is unreadable: {err}", path=folder, hint=hint) from err
        if config.get("format") not in READABLE_FORMATS:
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
            fallback_min_similarity=float(thresholds.get("fallback_min_similarity", 0.0)),
            training=config.get("training", {}),
            trained_themes=tuple(config.get("taxonomy_at_training", ())),
            lexicon_features=tuple(config.get("lexicon_features", ())),
            # Format 1 models had one confirm threshold for every item.
            confirm_threshold_long=float(
                config.get("long_items", {}).get("confirm", thresholds["confirm"])
            ),
            long_item_chars=int(config.get("long_items", {}).get("chars", 0)),
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


def _reason(phrases: Sequence[str], p: float | None, words: str) -> str:
    """The item's own words that carry the theme first, then the evidence behind it."""
    parts = [f"words: '{words}'"] if words else []
    if phrases:
        parts.append("keywords: " + quote_list(phrases))
    if p is not None:
        parts.append(f"classifier p={p:.2f}")
    return "; ".join(parts)


_SENTENCE = re.compile(r"(?<=[.;:!?])\s+")
# Words every item says (function words, "ensure"/"improve", "children"/"services") carry
# no theme; the shared list and stemmer of reviewmine.textnorm.
_REASON_STOP = QUERY_STOP_WORDS | RECOMMENDATION_WORDS | CARE_WORDS


def _stems(text: str) -> set[str]:
    return set(content_words(text, _REASON_STOP))


def carrying_words(text: str, theme: Theme, phrases: Sequence[str], max_words: int = 14) -> str:
    """The stretch of ``text`` (at most ``max_words`` words, as written) that carries ``theme``.

    Around the first matched keyword when there is one; otherwise the sentence or
    clause sharing most word stems with the theme's description, examples and
    keywords.  Shown as the reason, so an analyst can check the theme in the
    item's own words rather than in the taxonomy's.
    """
    words = text.split()
    if not words:
        return ""
    if phrases:
        norm = normalise_text(text).lower()
        at = norm.find(phrases[0])
        if at >= 0:  # word index of the match in the (whitespace-normalised) text
            start = len(norm[:at].split())
            span = max(len(phrases[0].split()), 1)
            lo = max(0, start - (max_words - span) // 2)
            return _clip(words, lo, lo + max_words)
    vocab = _stems(" ".join((theme.description, *theme.examples, *theme.keywords)))
    parts = [p for p in _SENTENCE.split(" ".join(words)) if p.strip()] or [" ".join(words)]
    best = max(parts, key=lambda part: (len(_stems(part) & vocab), -len(part)))
    best_words = best.split()
    if len(best_words) <= max_words:
        return best.strip()
    # The densest window of the best sentence.
    hits = [bool(_stems(w) & vocab) for w in best_words]
    lo = max(
        range(len(best_words) - max_words + 1), key=lambda k: (sum(hits[k : k + max_words]), -k)
    )
    return _clip(best_words, lo, lo + max_words)


def _clip(words: Sequence[str], lo: int, hi: int) -> str:
    hi = min(hi, len(words))
    shown = " ".join(words[lo:hi]).strip(" ,;")
    return ("..." if lo > 0 else "") + shown + ("..." if hi < len(words) else "")


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
    min_positives: int = 20,
    C: float = 4.0,
    confirm_threshold: float = 0.3,
    confirm_threshold_long: float = 0.6,
    long_item_chars: int = 200,
    add_threshold: float = 0.8,
    lexicon_features: bool = True,
    fallback_threshold: float = 0.5,
    fallback_min_similarity: float = 0.35,
    examples: tuple[tuple[str, ...], tuple[str, ...], np.ndarray] | None = None,
    training_info: Mapping[str, Any] | None = None,
    groups: Sequence[str] | None = None,
    tune_folds: int = 3,
) -> ThemeModel:
    """Fit one logistic regression per theme with at least ``min_positives`` items.

    ``vectors`` must come from ``embedder`` (its ``model_id`` is recorded).
    ``examples`` may pass precomputed :func:`example_vectors_for` output.
    With ``groups`` (the local authority of each item), the three decision
    thresholds (confirm, confirm_long, add) are not taken from the arguments
    but chosen by :func:`tune_thresholds`: a GroupKFold(``tune_folds``) inside
    these training items, so an evaluation that passes only its training
    fold's items never tunes on the items it scores.
    Deterministic: same inputs, same weights.
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    if len(texts) != len(labels) or len(texts) != len(vectors):
        raise ConfigError(
            f"training data: {len(texts)} texts, {len(labels)} label sets, {len(vectors)} vectors"
        )
    if vectors.ndim != 2 or vectors.shape[1] != embedder.dim:
        raise ModelError(f"vectors of shape {vectors.shape} do not match {embedder.model_id}")
    trainable = [t.id for t in taxonomy if t.id != OTHER]
    label_sets = [set(ls) for ls in labels]
    feature_themes = tuple(trainable) if lexicon_features else ()
    X = vectors.astype(np.float64)
    if feature_themes:
        X = np.hstack([X, lexicon_indicators(texts, feature_themes, LexiconTagger(taxonomy))])
    themes, coefs, intercepts = _fit_classifiers(X, label_sets, trainable, min_positives, C)
    ex_texts, ex_themes, ex_vectors = examples or example_vectors_for(taxonomy, embedder)
    dim = vectors.shape[1]
    tuning: dict[str, Any] = {}
    if groups is not None and tune_folds >= 2 and len(set(groups)) >= 2:
        chosen, tuning = tune_thresholds(
            texts,
            label_sets,
            X,
            list(groups),
            taxonomy,
            example_vectors=np.asarray(ex_vectors, dtype=np.float32).reshape(len(ex_texts), dim),
            n_splits=tune_folds,
            min_positives=min_positives,
            C=C,
            long_item_chars=long_item_chars,
            fallback_threshold=fallback_threshold,
            fallback_min_similarity=fallback_min_similarity,
        )
        confirm_threshold = chosen["confirm"]
        confirm_threshold_long = chosen["confirm_long"]
        add_threshold = chosen["add"]
        fallback_threshold = chosen.get("fallback", fallback_threshold)
        fallback_min_similarity = chosen.get("fallback_min_similarity", fallback_min_similarity)
    return ThemeModel(
        taxonomy=taxonomy,
        classifier_themes=tuple(themes),
        coef=np.array(coefs, dtype=np.float32).reshape(len(themes), X.shape[1]),
        intercept=np.array(intercepts, dtype=np.float32),
        example_texts=ex_texts,
        example_themes=ex_themes,
        example_vectors=np.asarray(ex_vectors, dtype=np.float32).reshape(len(ex_texts), dim),
        embedder_id=embedder.model_id,
        dim=dim,
        confirm_threshold=confirm_threshold,
        confirm_threshold_long=confirm_threshold_long,
        long_item_chars=long_item_chars,
        add_threshold=add_threshold,
        fallback_threshold=fallback_threshold,
        fallback_min_similarity=fallback_min_similarity,
        training={
            "n_items": len(texts),
            "min_positives": min_positives,
            "C": C,
            "positives": {t: int(sum(t in ls for ls in label_sets)) for t in trainable},
            **({"threshold_tuning": tuning} if tuning else {}),
            **dict(training_info or {}),
        },
        trained_themes=tuple(theme_record(t) for t in taxonomy),
        lexicon_features=feature_themes,
    )


def lexicon_indicators(
    texts: Sequence[str], themes: Sequence[str], lexicon: LexiconTagger
) -> np.ndarray:
    """(n, len(themes)) keyword indicators (``LEXICON_FEATURE_WEIGHT`` when a theme's
    keywords occur), the features appended to the embeddings."""
    out = np.zeros((len(texts), len(themes)), dtype=np.float64)
    col = {t: j for j, t in enumerate(themes)}
    for i, text in enumerate(texts):
        for theme in lexicon.matches(text):
            if theme in col:
                out[i, col[theme]] = LEXICON_FEATURE_WEIGHT
    return out


def _fit_classifiers(
    X: np.ndarray,
    label_sets: Sequence[set[str]],
    trainable: Sequence[str],
    min_positives: int,
    C: float,
) -> tuple[list[str], list[np.ndarray], list[float]]:
    """One balanced logistic regression per theme with at least ``min_positives`` items."""
    from sklearn.linear_model import LogisticRegression

    themes: list[str] = []
    coefs: list[np.ndarray] = []
    intercepts: list[float] = []
    for theme in trainable:
        y = np.array([theme in ls for ls in label_sets], dtype=int)
        if y.sum() < min_positives or y.sum() == len(y):
            continue
        # class_weight: most themes are rare; without it the classifier never says yes.
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        clf.fit(X, y)
        themes.append(theme)
        coefs.append(clf.coef_[0])
        intercepts.append(float(clf.intercept_[0]))
    return themes, coefs, intercepts


# The grid the decision thresholds are tuned over (inside the training items only).
THRESHOLD_GRID: dict[str, tuple[float, ...]] = {
    "confirm": (0.2, 0.3, 0.4, 0.5),
    "confirm_long": (0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
    "add": (0.6, 0.7, 0.8, 0.9),
}
# Optional further keys of the grid, "fallback" and "fallback_min_similarity" (the
# fallback rule's two thresholds); when absent they keep the values passed in.


def decide(
    hits: np.ndarray,
    probs: np.ndarray,
    long_items: np.ndarray,
    on_topic: np.ndarray,
    *,
    confirm: float,
    confirm_long: float,
    add: float,
    fallback: float,
) -> np.ndarray:
    """The decision rule of :meth:`ThemeModel.assign` on whole arrays, for tuning.

    ``hits`` (n, T) keyword matches; ``probs`` (n, T) classifier probabilities,
    NaN for themes without a classifier (the lexicon decides those); ``long_items``
    and ``on_topic`` (n,) booleans.  Returns (n, T) assigned themes; an all-False
    row means ``other``.
    """
    has = ~np.isnan(probs)
    p = np.nan_to_num(probs, nan=-1.0)
    need = np.where(long_items, confirm_long, confirm)[:, None]
    out = np.where(has, (hits & (p >= need)) | (p >= add), hits)
    empty = ~out.any(axis=1) & on_topic & has.any(axis=1)
    if empty.any():
        # The most probable theme (exact float ties, which do not occur in practice aside).
        best = p.shape[1] - 1 - np.argmax(p[:, ::-1], axis=1)
        fill = np.flatnonzero(empty & (p[np.arange(len(p)), best] >= fallback))
        out[fill, best[fill]] = True
    return out


def _objective(
    pred: np.ndarray, truth: np.ndarray, other_truth: np.ndarray, min_support: int = 3
) -> float:
    """Mean of micro-F1 over (item, theme) pairs and macro-F1 over themes with at least
    ``min_support`` gold items, ``other`` counted as a theme: the two figures the
    evaluation reports, so neither broad nor rare themes are given away for the other."""
    pred = np.hstack([pred, ~pred.any(axis=1, keepdims=True)])
    truth = np.hstack([truth, other_truth[:, None]])
    tp = (pred & truth).sum(axis=0)
    n_pred, n_true = pred.sum(axis=0), truth.sum(axis=0)
    micro = 2 * tp.sum() / (n_pred.sum() + n_true.sum()) if n_true.sum() else 0.0
    rated = n_true >= min_support
    macro = (
        float(np.mean(2 * tp[rated] / (n_pred[rated] + n_true[rated]))) if rated.any() else micro
    )
    return 0.5 * float(micro) + 0.5 * macro


def tune_thresholds(
    texts: Sequence[str],
    label_sets: Sequence[set[str]],
    X: np.ndarray,
    groups: Sequence[str],
    taxonomy: Taxonomy,
    *,
    example_vectors: np.ndarray,
    n_splits: int = 3,
    min_positives: int = 20,
    C: float = 4.0,
    long_item_chars: int = 200,
    fallback_threshold: float = 0.5,
    fallback_min_similarity: float = 0.35,
) -> tuple[dict[str, float], dict[str, Any]]:
    """Choose confirm / confirm_long / add thresholds by grouped cross-validation
    inside the given (training) items: classifiers are fitted on the inner
    training folds, every item gets out-of-fold probabilities, and the grid
    point with the best mean of micro-F1 over (item, theme) pairs and macro-F1
    over themes (``other`` included) wins.  Ties keep the earlier grid point.  Returns (thresholds, record)."""
    from sklearn.model_selection import GroupKFold

    active = [t.id for t in taxonomy if t.id != OTHER]
    col = {t: j for j, t in enumerate(active)}
    lexicon = LexiconTagger(taxonomy)
    hits = np.zeros((len(texts), len(active)), dtype=bool)
    for i, text in enumerate(texts):
        for theme in lexicon.matches(text):
            if theme in col:
                hits[i, col[theme]] = True
    truth = np.array([[t in ls for t in active] for ls in label_sets], dtype=bool)
    other_truth = np.array([OTHER in ls or not (ls & set(active)) for ls in label_sets])
    long_items = np.array([len(t) >= long_item_chars for t in texts])
    dim = example_vectors.shape[1]
    emb = np.asarray(X[:, :dim], dtype=np.float32)
    nearest = (
        (emb @ example_vectors.T).max(axis=1)
        if len(example_vectors)
        else np.full(len(texts), np.inf, dtype=np.float32)
    )
    probs = np.full((len(texts), len(active)), np.nan)
    folds = min(n_splits, len(set(groups)))
    for train, test in GroupKFold(n_splits=folds).split(X, groups=np.asarray(groups)):
        themes, coefs, intercepts = _fit_classifiers(
            X[train], [label_sets[i] for i in train], active, min_positives, C
        )
        if themes:
            scores = X[test] @ np.array(coefs).T + np.array(intercepts)
            probs[np.ix_(test, [col[t] for t in themes])] = _sigmoid(scores)
    grid = {
        "fallback": (fallback_threshold,),
        "fallback_min_similarity": (fallback_min_similarity,),
        **THRESHOLD_GRID,
    }
    best: tuple[float, dict[str, float]] | None = None
    for similarity in grid["fallback_min_similarity"]:
        on_topic = nearest >= similarity
        for fallback in grid["fallback"]:
            for confirm in grid["confirm"]:
                for confirm_long in grid["confirm_long"]:
                    for add in grid["add"]:
                        setting = {"confirm": confirm, "confirm_long": confirm_long, "add": add}
                        pred = decide(
                            hits, probs, long_items, on_topic, fallback=fallback, **setting
                        )
                        f1 = _objective(pred, truth, other_truth)
                        if best is None or f1 > best[0] + 1e-12:
                            tuned = {"fallback": fallback, "fallback_min_similarity": similarity}
                            best = (
                                f1,
                                {**setting, **{k: tuned[k] for k in tuned if k in THRESHOLD_GRID}},
                            )
    assert best is not None
    record = {
        "inner_folds": f"GroupKFold({folds}) on local authority",
        "grid": {k: list(v) for k, v in THRESHOLD_GRID.items()},
        "objective": "mean of micro-F1 and macro-F1 (themes with >= 3 items)",
        "chosen": best[1],
        "inner_objective": round(best[0], 4),
    }
    return best[1], record
