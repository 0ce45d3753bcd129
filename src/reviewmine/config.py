"""Configuration: one validated dataclass, loaded from TOML, overridable from the CLI.

Looked up in this order: ``--config FILE``, ``$REVIEWMINE_CONFIG``,
``./reviewmine.toml``; every key is optional.  Unknown keys and wrong types
are errors that name the key.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Config:
    timeout: float = 120.0  # seconds allowed to parse one file
    workers: int = 2  # parser processes
    embedder: str = "minilm"  # "minilm", "hashing" or a local sentence-transformers folder
    themes_file: str | None = None  # user theme overrides (rename, add, drop)
    theme_model: str | None = None  # folder of a trained theme model (default: the shipped one)
    min_docs: int = 2  # a theme recurs when it appears in at least this many documents
    tracker_columns: dict[str, str] = field(default_factory=dict)  # header -> field
    overrides_file: str | None = None  # confirmed / rejected tracker links
    glossary_file: str | None = None  # user search glossary (add, replace, drop terms)


_DEFAULT_PATH: list[str | Path | None] = [None]  # the CLI's global --config, if given


def set_default_config(path: str | Path | None) -> None:
    """The file :func:`load_config` reads when not given one (the CLI's global --config)."""
    _DEFAULT_PATH[0] = path


def load_config(path: str | Path | None = None) -> Config:
    """Load and validate the configuration.

    >>> load_config(None).min_docs
    2
    """
    candidate = path or _DEFAULT_PATH[0] or os.environ.get("REVIEWMINE_CONFIG")
    if candidate is None and Path("reviewmine.toml").is_file():
        candidate = "reviewmine.toml"
    if candidate is None:
        return Config()
    p = Path(candidate)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the configuration ({exc.strerror})", path=p) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML ({exc})", path=p) from exc
    section = data.get("reviewmine", data)
    return config_from_mapping(section, source=p)


def config_from_mapping(values: dict[str, object], source: Path | None = None) -> Config:
    known = {f.name: f for f in fields(Config)}
    cfg = Config()
    updates: dict[str, Any] = {}  # each value type-checked against the default below
    for key, value in values.items():
        if key not in known:
            raise ConfigError(
                f"unknown key '{key}'", path=source, hint=f"known keys: {', '.join(sorted(known))}"
            )
        default = getattr(cfg, key)
        ok = (
            isinstance(value, dict)
            if isinstance(default, dict)
            else isinstance(value, (int, float)) and not isinstance(value, bool)
            if isinstance(default, float)
            else isinstance(value, int) and not isinstance(value, bool)
            if isinstance(default, int)
            else isinstance(value, str)
        )
        if not ok:
            raise ConfigError(
                f"key '{key}' has the wrong type ({type(value).__name__})", path=source
            )
        updates[key] = (
            float(value) if isinstance(default, float) and isinstance(value, int | float) else value
        )
    out = replace(cfg, **updates)
    if out.min_docs < 1:
        raise ConfigError("key 'min_docs' must be at least 1", path=source)
    if out.timeout <= 0:
        raise ConfigError("key 'timeout' must be positive", path=source)
    return out


def read_data_toml(default: str, path: Path | str | None, what: str) -> tuple[dict[str, Any], str]:
    """Parse the shipped ``reviewmine/data/<default>`` (*path* None) or a user's TOML file.

    Returns the table and where it came from; errors are :class:`ConfigError`
    naming the file (*what* names the kind of file in the message).
    """
    if path is None:
        text = resources.files("reviewmine.data").joinpath(default).read_text(encoding="utf-8")
        source = f"reviewmine/data/{default}"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise ConfigError(f"cannot read {what} file: {err.strerror}", path=path) from err
        source = str(path)
    try:
        return tomllib.loads(text), source
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"invalid TOML: {err}", path=path or source) from err
