"""Leave one document family out: train on all other families, score on the one left out.

    .venv/bin/python scripts/leave_one_family_out.py [--data both] [--json out.json]

Families (from the gold): ilacs_sif (../shared/real/ofsted), focused_visit, jtai,
area_send (../shared/real/letters), corpus (corpus/gold.jsonl), summaries
(../shared/real/summaries, scored granularity-tolerant).

What is learned in extraction is the confidence model (reviewmine.extract.confidence):
the rules find candidate items, the model scores them.  For each left-out
family this script trains the model on the other families only, chooses its
filter threshold on those families too (out-of-fold scores, grouped by
document; at most 1% of their right candidates dropped), then scores the
left-out family twice: the rules' candidates as they are, and the candidates
the model keeps.  "block AUC" says how well the model, as a ranker, tells the
left-out family's learning blocks from its other blocks.  The model is trained
on three kinds of data, reported side
by side: every block of the gold documents, the rules' candidates, or both;
with words and form flags, or (--features form) the layout and form flags only.

The rules themselves were written while looking at every family; ``--rules``
measures them held out instead:

    .venv/bin/python scripts/leave_one_family_out.py --rules [--json out.json]

What the rules know of a family sits in their lexicons: the regular expressions
of extract/sections.py (which headings announce which kind), extract/running_text.py
(the cue families of running text) and extract/items.py (labels, sub-headings,
boxes, closings, intros, table headers, "not an item" lines).  Each alternative of
an alternation that holds a word is one lexicon entry ("single-agency" in a
heading pattern, "the panel" in a recommending sentence).  Kept whatever family is
held out: lookarounds; grammar, that is alternatives of at most four letters
("(is|are)", "(y|ies)") and alternatives made only of closed-class words (modals
such as "should" and "must", auxiliaries, determiners, pronouns, prepositions,
conjunctions: what any English text uses); and the names of the item kinds
themselves ("recommendations", "areas for improvement", "next steps") and the verbs
they are named after ("recommends", "found", "learned"), which come from the task,
not from a document.  ``--strict`` keeps only lookarounds and
alternatives of at most four letters, and drops the rest like any other entry.
Extraction runs once over every development document with each pattern replaced by
a recorder that notes which entries matched, so each entry gets the families whose
documents use it.  Then, for each family F, every entry used by F's documents and by
no other family's is made never to match, and F is extracted and scored again: the
lexicon as it would have been had F never been seen (entries no development document
uses stay; the confidence model, which never drops an item, is left as it is).  Rules
keyed to a document type that only F's documents have (``ofsted_inspection`` for the
ILACS/SIF reports) are withheld too: those documents are read as type ``other``.

Limits: an entry counts as used by a family only where extraction evaluates it on that
family's text (the finding cues of running text are evaluated on summaries and the
corpus only); layout rules that are not lexicon (indents, font sizes, thresholds) are
kept; and the rules were written while reading every family, so the form of a rule may
still carry what F taught.  The figure is an estimate of unseen families, not a
measurement on them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from reviewmine.evaluation.confidence import (
    LabelledDocument,
    choose_threshold,
    fit,
    labelled_documents,
    out_of_fold,
    training_matrix,
)
from reviewmine.evaluation.extraction import (
    FAMILIES,
    development_golds,
    evaluate_by_family,
    family_of,
    is_summary_format,
    load_gold,
)
from reviewmine.extract.confidence import ConfidenceModel
from reviewmine.types import Document, Item

DATA = ("blocks", "candidates", "both")
CAVEAT = (
    "NOTE: the extraction rules were developed on all of these families; this mode measures only "
    "the learned filter (confidence model and its threshold); --rules holds families out of the rules."
)


def score(
    golds: list[Path], docs: list[LabelledDocument], keep: dict[Path, list[Item]] | None = None
) -> dict[str, dict[str, object]]:
    """Per-family scores of the candidates (all of them, or those in *keep*), with the evaluation's matching."""
    by_path = {d.path.resolve(): list(d.items) for d in docs}
    if keep is not None:
        by_path.update({p.resolve(): v for p, v in keep.items()})

    def extractor(p: Path) -> tuple[str, list[Item]]:
        return "", by_path[p.resolve()]

    return {
        k: v.as_dict() for k, v in evaluate_by_family(golds, extractor=extractor).by_family.items()
    }


def filtered(
    docs: list[LabelledDocument], model: ConfidenceModel, threshold: float
) -> dict[Path, list[Item]]:
    out: dict[Path, list[Item]] = {}
    for d in docs:
        probs = model.predict(d.cand_x) if d.items else np.zeros(0)
        out[d.path] = [
            replace(it, confidence=round(float(p), 3))
            for it, p in zip(d.items, probs)
            if it.kind == "good_practice" or round(float(p), 3) >= threshold
        ]
    return out


def block_auc(docs: list[LabelledDocument], model: ConfidenceModel) -> float | None:
    """ROC AUC of the model's scores on the left-out family's blocks (learning against the rest)."""
    from sklearn.metrics import roc_auc_score

    y = np.concatenate([d.block_y for d in docs])
    if len(set(y.tolist())) < 2:
        return None
    return round(
        float(roc_auc_score(y, np.concatenate([model.predict(d.block_x) for d in docs]))), 4
    )


# --- leave one family out of the rules' lexicons (--rules) ----------------------------------


@dataclass
class Group:
    """A group of a regular expression and its alternatives (the whole pattern: opener '')."""

    opener: str  # "(", "(?:", "(?P<x>", "(?=", "(?i:" ...
    alts: list[list[Any]]  # each alternative: str tokens and Groups
    look: bool = False  # a lookaround: a constraint, not lexicon
    ids: list[int] = field(default_factory=list)  # entry id per alternative, -1 when not an entry


_OPENER = re.compile(r"\((\?(?:P<\w+>|:|=|!|<=|<!|[a-zA-Z-]+:))?")
# An alternative is lexicon when it holds a word; "(s|es)", "(is|are)", "(y|ies)" are grammar.
_WORDISH = re.compile(r"(?<!\\)[A-Za-z]{3,}")
_MORPHOLOGY = re.compile(r"^[a-z’' ]{0,4}$", re.I)
_CLOSED_CLASS = frozenset(
    re.findall(
        r"[a-z]+",
        """
should must shall will would could can may might ought need needs have has had having to
is are was were be been being do does did not no also now therefore then
the a an this these those that some any all each every several most many
it its he she they we you his her their our them him
of for in on at by with from about as into than
and or but if when where while whether which who whom whose how what why
""",
    )
)
_KIND_NAMES = re.compile(
    r"^(recommendations?|findings?|learning|learning points?|lessons?|actions?|areas? for improvement|"
    r"improvements?|priority actions?|next steps?|good practice|strengths?|"
    # ... and the verbs they are named after
    r"recommend|recommends|recommended|recommending|find|finds|found|learn|learns|learned|learnt)$"
)


def _is_grammar(text: str) -> bool:
    """An alternative made only of closed-class words, or the name of an item kind."""
    plain = re.sub(r"\\[bBsSwWdD]|\[[^]]*\]|[()?:*+{},0-9|^$.\\-]", " ", text).lower()
    words = plain.split()
    return bool(words) and (
        all(w in _CLOSED_CLASS for w in words) or bool(_KIND_NAMES.match(" ".join(words)))
    )


def parse_pattern(src: str) -> Group:
    """*src* as a tree of groups and alternatives; ``render_pattern`` gives *src* back."""
    pos = 0

    def alternatives(top: bool) -> list[list[Any]]:
        nonlocal pos
        alts: list[list[Any]] = [[]]
        while pos < len(src):
            c = src[pos]
            if c == "\\":
                alts[-1].append(src[pos : pos + 2])
                pos += 2
            elif c == "[":  # a class: "]" first or escaped is a member
                j = pos + 1 + (src[pos + 1 : pos + 2] == "^")
                j += src[j : j + 1] == "]"
                while src[j] != "]":
                    j += 2 if src[j] == "\\" else 1
                alts[-1].append(src[pos : j + 1])
                pos = j + 1
            elif c == "(":
                m = _OPENER.match(src, pos)
                assert m is not None
                pos = m.end()
                alts[-1].append(
                    Group(
                        m.group(0),
                        alternatives(False),
                        m.group(0) in ("(?=", "(?!", "(?<=", "(?<!"),
                    )
                )
            elif c == ")":
                if top:
                    raise ValueError(f"unbalanced ')' in {src!r}")
                pos += 1
                return alts
            else:
                if c == "|":
                    alts.append([])
                else:
                    alts[-1].append(c)
                pos += 1
        if not top:
            raise ValueError(f"unbalanced '(' in {src!r}")
        return alts

    return Group("", alternatives(True))


def _plain(seq: list[Any]) -> str:
    return "".join(x if isinstance(x, str) else render_pattern(x) for x in seq)


def number_entries(
    g: Group, entries: list[str], inside_look: bool = False, strict: bool = False
) -> None:
    """Give each lexicon alternative of each alternation in *g* an entry id; *entries* gets its text."""
    look = inside_look or g.look
    grammar = all(_MORPHOLOGY.match(_plain(a)) for a in g.alts)
    g.ids = []
    for a in g.alts:
        text = _plain(a)
        lexical = (
            len(g.alts) > 1
            and not look
            and not grammar
            and bool(_WORDISH.search(re.sub(r"\[[^]]*\]", "", text)))
            and (strict or not _is_grammar(text))
        )
        g.ids.append(len(entries) if lexical else -1)
        if lexical:
            entries.append(text)
        for x in a:
            if isinstance(x, Group):
                number_entries(x, entries, look, strict)


def render_pattern(g: Group, drop: frozenset[int] = frozenset(), tag: str = "") -> str:
    """The pattern again; alternatives whose id is in *drop* never match; with *tag*, each
    entry is a named group ``<tag><id>`` (to see which entries a match went through)."""
    parts = []
    for a, i in zip(g.alts, g.ids or [-1] * len(g.alts)):
        body = "".join(x if isinstance(x, str) else render_pattern(x, drop, tag) for x in a)
        if i in drop:
            body = "(?!)"
        elif tag and i >= 0:
            body = f"(?P<{tag}{i}>{body})"
        parts.append(body)
    inner = "|".join(parts)
    return f"{g.opener}{inner})" if g.opener else inner


class LexiconPattern:
    """Stands in for one compiled pattern of the rules: matches as the original (or with some
    entries dropped) and, while recording, notes which entries each match went through."""

    def __init__(
        self,
        name: str,
        original: re.Pattern[str],
        first_id: int,
        entries: list[str],
        strict: bool = False,
    ) -> None:
        self.name = name
        self.original = original
        self.tree = parse_pattern(original.pattern)
        mine: list[str] = []
        number_entries(self.tree, mine, strict=strict)
        if render_pattern(self.tree) != original.pattern:
            raise ValueError(f"{name}: the pattern does not read back")
        self.first_id = first_id
        entries.extend(mine)
        self.n = len(mine)
        # entry ids in the tree are local; the tag names carry the global ones
        self.tagged = re.compile(
            render_pattern(_shift(self.tree, first_id), tag="e"), original.flags
        )
        self.active = original
        self.recording: set[int] | None = None
        self.pattern = original.pattern
        self.flags = original.flags

    def drop(self, ids: frozenset[int]) -> None:
        local = frozenset(
            i - self.first_id for i in ids if self.first_id <= i < self.first_id + self.n
        )
        self.active = (
            re.compile(render_pattern(self.tree, local), self.original.flags)
            if local
            else self.original
        )

    def _note(self, m: re.Match[str] | None) -> None:
        if m is not None and self.recording is not None:
            self.recording.update(
                int(k[1:])
                for k, v in m.groupdict().items()
                if v is not None and k[:1] == "e" and k[1:].isdigit()
            )

    def _call(self, method: str, *args: Any, **kw: Any) -> Any:
        out = getattr(self.active, method)(*args, **kw)
        if self.recording is not None and out is not None:
            if method in ("search", "match", "fullmatch"):
                self._note(getattr(self.tagged, method)(*args, **kw))
            else:  # finditer, sub, split, findall: every match in the string
                string = args[1] if method == "sub" else args[0]
                for m in self.tagged.finditer(string):
                    self._note(m)
        return out

    def search(self, *a: Any, **k: Any) -> Any:
        return self._call("search", *a, **k)

    def match(self, *a: Any, **k: Any) -> Any:
        return self._call("match", *a, **k)

    def fullmatch(self, *a: Any, **k: Any) -> Any:
        return self._call("fullmatch", *a, **k)

    def finditer(self, *a: Any, **k: Any) -> Any:
        return iter(list(self._call("finditer", *a, **k)))

    def sub(self, *a: Any, **k: Any) -> Any:
        return self._call("sub", *a, **k)

    def split(self, *a: Any, **k: Any) -> Any:
        return self._call("split", *a, **k)

    def findall(self, *a: Any, **k: Any) -> Any:
        return self._call("findall", *a, **k)


def _shift(g: Group, by: int) -> Group:
    return Group(
        g.opener,
        [[_shift(x, by) if isinstance(x, Group) else x for x in a] for a in g.alts],
        g.look,
        [i + by if i >= 0 else -1 for i in g.ids],
    )


@dataclass
class Lexicon:
    """Every lexicon pattern of the rules, installed in their modules while in use."""

    patterns: list[LexiconPattern]
    entries: list[str]
    where: list[str]  # the pattern each entry belongs to

    def drop(self, ids: frozenset[int]) -> None:
        for p in self.patterns:
            p.drop(ids)

    def record(self, into: set[int] | None) -> None:
        for p in self.patterns:
            p.recording = into


@contextmanager
def installed_lexicon(strict: bool = False) -> Iterator[Lexicon]:
    """Replace every module-level pattern of the rules (and each heading pattern) by a LexiconPattern."""
    from reviewmine.extract import items, running_text, sections

    entries: list[str] = []
    patterns: list[LexiconPattern] = []
    where: list[str] = []
    saved: list[tuple[Any, str, Any]] = []
    for mod in (items, running_text, sections):
        for name, value in list(vars(mod).items()):
            if isinstance(value, re.Pattern):
                lp = LexiconPattern(
                    f"{mod.__name__.rsplit('.', 1)[-1]}.{name}",
                    value,
                    len(entries),
                    entries,
                    strict,
                )
                where += [lp.name] * lp.n
                patterns.append(lp)
                saved.append((mod, name, value))
                setattr(mod, name, lp)
    for table, label in (("_SECTION_KINDS", "heading"), ("_KIND_NAMES", "kind_name")):
        kinds = []
        for n, (pat, kind) in enumerate(getattr(sections, table)):
            lp = LexiconPattern(f"sections.{label}[{n}:{kind}]", pat, len(entries), entries, strict)
            where += [lp.name] * lp.n
            patterns.append(lp)
            kinds.append((lp, kind))
        saved.append((sections, table, getattr(sections, table)))
        setattr(sections, table, tuple(kinds))  # duck-typed stand-ins
    try:
        yield Lexicon(patterns, entries, where)
    finally:
        for mod, name, value in saved:
            setattr(mod, name, value)


def gold_documents(golds: Sequence[Path]) -> dict[Path, str]:
    """Every gold document's path and family."""
    out: dict[Path, str] = {}
    for g in golds:
        if is_summary_format(g):
            rows = [
                json.loads(line)
                for line in g.read_text(encoding="utf-8").splitlines()
                if line.strip()
            ]
            out.update({(g.parent / str(r["file"])).resolve(): "summaries" for r in rows})
        else:
            out.update(
                {
                    (g.parent / str(r["file"])).resolve(): family_of(r, str(r["file"]))
                    for r in load_gold(g)
                }
            )
    return out


INDEPENDENT = sorted(
    (Path(__file__).resolve().parents[1] / "evaluation" / "extraction").glob("unseen*/gold.jsonl")
)


def independent_gold(tmp: Path) -> Path | None:
    """The independently written pages' gold as one family, ``independent``.

    Their pages were written, and their gold fixed, by someone who had not read the
    extractor; they are a family of running text besides the real summaries, so an
    entry both use is not one only the summaries taught.  The copy names each file by
    its absolute path and carries ``family``; the committed gold is not changed.
    """
    rows = []
    for g in INDEPENDENT:
        for line in g.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["file"] = str((g.parent / str(row["file"])).resolve())
                row["family"] = "independent"
                rows.append(row)
    if not rows:
        return None
    out = tmp / "independent_gold.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return out


def rules_leave_one_out(
    json_out: Path | None, strict: bool = False, independent: bool = True
) -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        extra = independent_gold(Path(tmp)) if independent else None
        return _rules_leave_one_out(json_out, strict, [extra] if extra else [])


def _rules_leave_one_out(json_out: Path | None, strict: bool, extra: list[Path]) -> int:
    from reviewmine.errors import ReviewmineError
    from reviewmine.extract.items import extract_items
    from reviewmine.ingest import parse_file

    golds = development_golds() + extra
    family = gold_documents(golds)
    parsed: dict[Path, Document | None] = {}
    for path in family:
        try:
            parsed[path] = parse_file(path)[0]
        except ReviewmineError:
            parsed[path] = None  # refused: scored as all misses, as the evaluation does

    def extractor_for(unseen: frozenset[str]) -> Callable[[Path], tuple[str, list[Item]]]:
        def extractor(p: Path) -> tuple[str, list[Item]]:
            doc = parsed.get(p.resolve())
            if doc is None:
                raise ValueError("not parsed")
            if doc.doc_type in unseen:  # a type only the held-out family has: no rule knows it
                doc = replace(doc, doc_type="other")
            return doc.doc_type, extract_items(doc)

        return extractor

    def scores(unseen: frozenset[str] = frozenset()) -> dict[str, dict[str, object]]:
        return {
            k: v.as_dict()
            for k, v in evaluate_by_family(golds, extractor=extractor_for(unseen)).by_family.items()
        }

    base = scores()
    with installed_lexicon(strict) as lex:
        used: dict[int, set[str]] = defaultdict(set)
        for path, doc in parsed.items():
            if doc is None:
                continue
            seen: set[int] = set()
            lex.record(seen)
            extract_items(doc)
            lex.record(None)
            for e in seen:
                used[e].add(family[path])
        families = [f for f in FAMILIES if f in set(family.values())]
        types: dict[str, set[str]] = defaultdict(set)  # document type -> families that have it
        for path, doc in parsed.items():
            if doc is not None:
                types[doc.doc_type].add(family[path])
        print(
            f"{len(lex.entries)} lexicon entries in {len(lex.patterns)} patterns; "
            f"{len(used)} used by the development documents, {len(lex.entries) - len(used)} by none"
        )
        rows: list[dict[str, object]] = []
        print(
            f"{'left out':<14}{'docs':>5}{'own entries':>13}{'all P':>8}{'all R':>8}{'held-out P':>12}"
            f"{'held-out R':>12}"
        )
        for held in families:
            own = frozenset(e for e, fams in used.items() if fams == {held})
            lex.drop(own)
            unseen = frozenset(t for t, fams in types.items() if fams == {held})
            held_scores = scores(unseen)[held]
            lex.drop(frozenset())
            b = base[held]
            rows.append(
                {
                    "family": held,
                    "documents": b["documents"],
                    "own_entries": len(own),
                    "own_types": sorted(unseen),
                    "entries": sorted(f"{lex.where[e]}: {lex.entries[e]}" for e in own),
                    "development": {k: b[k] for k in ("precision", "recall", "f1")},
                    "held_out": {k: held_scores[k] for k in ("precision", "recall", "f1")},
                }
            )
            print(
                f"{held:<14}{b['documents']:>5}{len(own):>13}{b['precision']:>8.3f}{b['recall']:>8.3f}"
                f"{held_scores['precision']:>12.3f}{held_scores['recall']:>12.3f}"
            )
            sys.stdout.flush()
    print("\nentries only one family uses (dropped when it is held out):")
    for r in rows:
        print(
            f"  {r['family']} ({r['own_entries']}; types {', '.join(map(str, r['own_types'])) or 'none'}): "
            + "; ".join(str(e) for e in r["entries"])
        )
    if json_out:
        json_out.write_text(json.dumps({"rows": rows}, indent=2, ensure_ascii=False) + "\n")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--data", choices=DATA + ("all",), default="all", help="training data to compare"
    )
    ap.add_argument(
        "--features",
        choices=("words+form", "form"),
        default="words+form",
        help="form: layout and form flags only, no words",
    )
    ap.add_argument("--json", type=Path, help="also write the table as JSON")
    ap.add_argument(
        "--rules",
        action="store_true",
        help="hold each family out of the rules' lexicons instead of the confidence model",
    )
    ap.add_argument(
        "--strict",
        action="store_true",
        help="with --rules: closed-class words and item-kind names are entries like any other",
    )
    ap.add_argument(
        "--skip-set",
        action="append",
        default=[],
        metavar="NAME",
        help="with --rules: leave this independent set out (e.g. one whose first run is still to come)",
    )
    ap.add_argument(
        "--no-independent",
        action="store_true",
        help="with --rules: leave out the independently written pages (evaluation/extraction/unseen*)",
    )
    args = ap.parse_args()
    INDEPENDENT[:] = [g for g in INDEPENDENT if g.parent.name not in set(args.skip_set)]
    if args.rules:
        return rules_leave_one_out(args.json, args.strict, not args.no_independent)
    golds = development_golds()
    docs = labelled_documents(golds)
    families = [f for f in FAMILIES if any(d.family == f for d in docs)]
    variants = DATA if args.data == "all" else (args.data,)
    form_only = args.features == "form"
    rules = score(golds, docs)

    print(CAVEAT)
    print(f"{len(docs)} documents; families: {', '.join(families)}; features: {args.features}")
    rows: list[dict[str, object]] = []
    header = (
        f"{'left out':<14}{'docs':>5} {'training data':<12}{'thr':>6}"
        f"{'rules P':>9}{'rules R':>9}{'filter P':>10}{'filter R':>10}{'dropped right/wrong':>21}"
        f"{'block AUC':>11}"
    )
    print(header)
    for held in families:
        test = [d for d in docs if d.family == held]
        train = [d for d in docs if d.family != held]
        r = rules[held]
        for data in variants:
            x, y, _ = training_matrix(train, data)
            model = fit(x, y, form_only=form_only)
            prob, lab = out_of_fold(train, data, form_only=form_only)
            threshold = choose_threshold(prob, lab, sum(d.gold_unmatched for d in train))
            keep = filtered(test, model, threshold)
            f = score(golds, docs, keep)[held]
            gone = [
                (np.round(model.predict(d.cand_x), 3) < threshold) & d.cand_scored
                for d in test
                if d.items
            ]
            labels = [d.cand_y for d in test if d.items]
            right = sum(int((g & (y == 1)).sum()) for g, y in zip(gone, labels))
            wrong = sum(int((g & (y == 0)).sum()) for g, y in zip(gone, labels))
            auc = block_auc(test, model)
            rows.append(
                {
                    "family": held,
                    "documents": len(test),
                    "data": data,
                    "features": args.features,
                    "threshold": threshold,
                    "block_auc": auc,
                    "rules": {k: r[k] for k in ("precision", "recall", "f1")},
                    "filtered": {k: f[k] for k in ("precision", "recall", "f1")},
                    "dropped_right": right,
                    "dropped_wrong": wrong,
                }
            )
            print(
                f"{held:<14}{len(test):>5} {data:<12}{threshold:>6.2f}{r['precision']:>9.3f}{r['recall']:>9.3f}"
                f"{f['precision']:>10.3f}{f['recall']:>10.3f}{f'{right}/{wrong}':>21}"
                f"{'-' if auc is None else f'{auc:.3f}':>11}"
            )
        sys.stdout.flush()
    print("\nmean over left-out families (each family weighs the same):")
    for data in variants:
        sel = [x for x in rows if x["data"] == data]
        rp = np.mean([x["rules"]["precision"] for x in sel])
        rr = np.mean([x["rules"]["recall"] for x in sel])
        fp = np.mean([x["filtered"]["precision"] for x in sel])
        fr = np.mean([x["filtered"]["recall"] for x in sel])
        worse = [x["family"] for x in sel if x["filtered"]["recall"] < x["rules"]["recall"] - 1e-9]
        print(
            f"  {data:<12} rules P={rp:.3f} R={rr:.3f}  filter P={fp:.3f} R={fr:.3f}  "
            f"recall lower on: {', '.join(worse) or 'none'}"
        )
    print(CAVEAT)
    if args.json:
        args.json.write_text(json.dumps({"note": CAVEAT, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
