"""Where litcheck's data lives: rules/ and wordlists/.

In a source checkout (or an editable install) they sit at the top of the repository; a
built wheel carries them inside the package as litcheck/_data/ (see pyproject.toml).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """The folder holding litcheck's own ``rules`` or ``wordlists``."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"litcheck's {name}/ folder is missing: reinstall litcheck")
