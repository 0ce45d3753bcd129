"""Trained artefacts are found in the source tree and, after a wheel install, under share/."""

from __future__ import annotations

import tomllib

from paths import ROOT
from reviewmine import artefacts


def test_the_source_tree_models_come_first():
    assert artefacts.model_dir("themes") == ROOT / "models" / "themes"
    assert (artefacts.model_dir("confidence") / "model.json").is_file()


def test_an_installed_copy_is_used_when_the_source_tree_has_none(tmp_path, monkeypatch):
    monkeypatch.setattr(artefacts, "SOURCE_MODELS", tmp_path / "src" / "models")
    monkeypatch.setattr(artefacts, "INSTALLED_MODELS", tmp_path / "share" / "reviewmine" / "models")
    assert artefacts.model_dir("themes") == tmp_path / "src" / "models" / "themes"  # neither
    (tmp_path / "share" / "reviewmine" / "models" / "themes").mkdir(parents=True)
    assert artefacts.model_dir("themes") == tmp_path / "share" / "reviewmine" / "models" / "themes"


def test_the_wheel_carries_every_artefact_file():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data_files = conf["tool"]["setuptools"]["data-files"]
    for folder in sorted(p for p in (ROOT / "models").iterdir() if p.is_dir()):
        target = f"share/reviewmine/models/{folder.name}"
        assert target in data_files, f"{folder.name} is not shipped in the wheel"
        shipped = {f for pattern in data_files[target] for f in ROOT.glob(pattern)}
        assert shipped == {f for f in folder.iterdir() if f.is_file()}
