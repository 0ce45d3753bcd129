"""Train the theme model and write models/themes/ (weights, settings, model card).

    .venv/bin/python scripts/train_themes.py                 # default gold files
    .venv/bin/python scripts/train_themes.py --out /tmp/m    # elsewhere
    .venv/bin/python scripts/train_themes.py --gold a.jsonl --gold b.jsonl

Labelled data (read in place, never copied): ../shared/real/ofsted/gold.jsonl
and, when it exists, corpus/gold.jsonl.  Every file is evaluated on its own
and all together, with grouped cross-validation by local authority, before
the final model is fitted on all items.  Deterministic: the same gold files
and library versions give byte-identical weights.npz, model.json and
MODEL_CARD.md.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from reviewmine.embed import load_embedder
from reviewmine.taxonomy import load_taxonomy
from reviewmine.theme_eval import ThemeEval, default_gold_paths, evaluate_themes, load_gold
from reviewmine.themes import PROJECT_ROOT, ThemeModel, train_theme_model


def display_path(path: Path) -> str:
    """Path relative to the folder holding the project, so the record is machine-independent."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT.parent))
    except ValueError:
        return path.name


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", action="append", type=Path, help="gold JSONL (repeatable)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "models" / "themes")
    parser.add_argument("--embedder", default="minilm", help="minilm (default) or a folder")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    paths = args.gold or default_gold_paths()
    if not paths:
        print("no gold files found", file=sys.stderr)
        return 1
    taxonomy = load_taxonomy()
    embedder = load_embedder(args.embedder)
    items = load_gold(paths, taxonomy)
    vectors = embedder.embed([it.text for it in items], progress=True)
    t_embed = time.perf_counter() - started

    # Evaluate each file alone, then all together (grouped CV inside evaluate_themes).
    evals: list[tuple[str, ThemeEval]] = []
    offset = 0
    for path in paths:
        n = sum(1 for it in items if it.source == str(path))
        evals.append(
            (
                display_path(path),
                evaluate_themes([path], embedder, vectors=vectors[offset : offset + n]),
            )
        )
        offset += n
    if len(paths) > 1:
        evals.append(("all gold files together", evaluate_themes(paths, embedder, vectors=vectors)))
    t_eval = time.perf_counter() - started - t_embed

    files = []
    for path in paths:
        file_items = [it for it in items if it.source == str(path)]
        files.append(
            {
                "path": display_path(path),
                "sha256": sha256(path),
                "items": len(file_items),
                "documents": len({it.doc for it in file_items}),
                "groups": sorted({it.group for it in file_items}),
            }
        )
    import sklearn

    model = train_theme_model(
        [it.text for it in items],
        [it.themes for it in items],
        vectors,
        taxonomy,
        embedder=embedder,
        training_info={
            "gold_files": files,
            "scikit_learn": sklearn.__version__,
            "numpy": np.__version__,
            "method": "lexicon proposes, logistic regression confirms (p >= confirm) or adds (p >= add)",
        },
    )
    model.save(args.out)
    (args.out / "MODEL_CARD.md").write_text(model_card(model, evals, files), encoding="utf-8")
    t_total = time.perf_counter() - started

    for name, ev in evals:
        print(
            f"{name}: chosen micro-F1 {ev.chosen.micro_f1:.3f} macro-F1 {ev.chosen.macro_f1:.3f} | "
            f"lexicon {ev.baseline.micro_f1:.3f} / {ev.baseline.macro_f1:.3f} ({ev.grouping})"
        )
    print(
        f"wrote {args.out} ({len(items)} items; embed {t_embed:.1f} s, evaluate {t_eval:.1f} s, "
        f"total {t_total:.1f} s)"
    )
    return 0


def model_card(
    model: ThemeModel, evals: list[tuple[str, ThemeEval]], files: list[dict[str, Any]]
) -> str:
    positives = model.training["positives"]
    with_clf = ", ".join(f"{t} ({positives[t]})" for t in model.classifier_themes)
    lexicon_only = ", ".join(
        f"{t} ({positives.get(t, 0)})" for t in positives if t not in model.classifier_themes
    )
    data_rows = "\n".join(
        f"| `{f['path']}` | {f['items']} | {f['documents']} | {len(f['groups'])} | `{f['sha256'][:16]}` |"
        for f in files
    )
    first_name, first = evals[0]
    ab = {m.method: m.micro_f1 for m in first.ablations}
    sections = "\n".join(f"### {name}\n\n{ev.to_markdown()}" for name, ev in evals)
    return f"""# Theme model card (`models/themes`)

Assigns the taxonomy themes of `reviewmine/data/themes.toml` to recommendations, findings
and areas for improvement. Generated by `scripts/train_themes.py`; do not edit by hand.

## Files

* `weights.npz`: `coef` ({model.coef.shape[0]} x {model.coef.shape[1]}) and `intercept` of
  one logistic regression per theme, `example_vectors` (embedded theme descriptions and
  example phrases, used only for the "nearest example" in reasons). Load with
  `np.load(..., allow_pickle=False)`; no pickles anywhere.
* `model.json`: thresholds, theme ids, the embedder id (`{model.embedder_id}`), the
  taxonomy at training time and a description of the training data (files with sha256).

## Method

1. The **lexicon** (keywords and regex patterns per theme, written by hand from
   `spec/themes.md` and the annotation conventions) proposes themes.
2. A **one-vs-rest logistic regression** (C={model.training["C"]}, balanced class weights) on
   all-MiniLM-L6-v2 sentence embeddings gives each theme a probability. Only themes with at
   least {model.training["min_positives"]} labelled items get a classifier.
3. A keyword-proposed theme is kept when p >= {model.confirm_threshold} (a weak veto on keyword
   false alarms); a theme the keywords missed is added when p >= {model.add_threshold}.
   Themes without a classifier are decided by the lexicon alone.
4. An item left with nothing gets the classifier's best theme if p >= {model.fallback_threshold}
   and the item resembles some theme's description or examples (cosine >=
   {model.fallback_min_similarity}; the classifiers never saw off-topic text and can be confident
   about it), else `other`.

Scores: keyword themes 0.5 + 0.5 p (0.75+ for lexicon-only themes); classifier additions and
fallbacks p. Reasons list the matched keywords, p and the nearest example phrase.

Themes with a classifier (labelled items): {with_clf}.

Lexicon only: {lexicon_only}.

Why this combination: under the grouped cross-validation below ({first_name}), the
classifier alone (micro-F1 {ab["classifier only"]:.2f}) and cosine similarity to theme
descriptions/examples ({ab["embedding similarity"]:.2f}) are far below the lexicon
({first.baseline.micro_f1:.2f}); in development runs, feeding lexicon features into the classifier,
stacking, k-nearest-neighbour label transfer and per-theme thresholds tuned by inner grouped
CV all landed at or below the simple rule above (0.80-0.83). The gain over the lexicon comes
from the veto and the fallback; the result changes by less than 0.01 for confirm 0-0.2,
add 0.8-never, min items 5-15, C 1-16, fallback p 0-0.5. The off-topic check costs about
0.002 micro-F1 on the Ofsted gold and keeps text such as "pay the electricity bills on time"
out of the themes.

## Training data

| file | items | documents | local authorities | sha256 |
|---|---|---|---|---|
{data_rows}

The Ofsted file holds real, public inspection reports (Crown copyright, Open Government
Licence); `corpus/gold.jsonl`, when present, holds the project's fictional review documents.
Both are read in place; the model stores weights and the taxonomy's own example phrases,
no gold text.

## Evaluation

How measured: every labelled item is scored once, by a model trained without any item of the
same local authority (`GroupKFold` on `local_authority`, 5 folds or fewer if there are fewer
authorities). The lexicon baseline is scored on the same items in the same run. Micro scores
count (item, theme) pairs, `other` included; macro-F1 averages themes with at least 3 gold
items. "classifier only" and "embedding similarity" are components shown for comparison.

{sections}
## Limits

* Small training set (one annotator); secondary themes are the usual disagreements.
* The lexicon was written by someone who had read 143 of the 297 Ofsted gold items (not the
  corpus gold) and was not tuned on its evaluation errors. Measured when it was written (v1):
  lexicon micro-F1 0.828 on the 143 items read, 0.787 on the 154 not read. Scores on the
  Ofsted file are therefore somewhat optimistic for the lexicon and for the combination.
* Ofsted items are short noun phrases; review findings (SCR/LCSPR/Rapid Review) are narrative
  and the lexicon misses more of them (see the corpus scores above when present): themes
  expressed without their keywords (e.g. professional curiosity, hidden men) are often missed.
* Renamed or dropped themes in a user taxonomy are honoured at assignment time; added themes
  are assigned by their keywords only; changed keywords of existing themes take effect in
  the lexicon step, but the classifiers are not retrained.
* The model is tied to its embedder (`{model.embedder_id}`): vectors from another model are
  rejected when the caller passes `embedder_id`.
"""


if __name__ == "__main__":
    sys.exit(main())
