"""Where the project's trained artefacts (``models/<name>``) are found.

Looked up in order: the source tree's ``models/`` (a checkout or an editable
install), then ``<sys.prefix>/share/reviewmine/models`` (where a wheel install
puts them: see ``[tool.setuptools.data-files]`` in pyproject.toml).
"""

from __future__ import annotations

import sys
from pathlib import Path

# The one place that knows where this file sits: the checkout's root
# (src/reviewmine/artefacts.py -> ../..) and the package's data folder.
SOURCE_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(__file__).resolve().parent / "data"
SOURCE_MODELS = SOURCE_ROOT / "models"
INSTALLED_MODELS = Path(sys.prefix) / "share" / "reviewmine" / "models"


def model_dir(name: str) -> Path:
    """The folder of artefact *name*; the source tree's path when none exists (for messages)."""
    for root in (SOURCE_MODELS, INSTALLED_MODELS):
        if (root / name).is_dir():
            return root / name
    return SOURCE_MODELS / name
