"""Paths as reports show them: relative to the working folder, with forward slashes (CI
systems, baselines and annotations all want the same spelling of a file's path)."""

from __future__ import annotations

import os
from pathlib import PurePath


def ci_path(path: str) -> str:
    """The document's path relative to the working folder, with forward slashes."""
    if path in ("-", "<text>"):
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = path
    if rel.startswith(".."):
        rel = os.path.abspath(path)
    return PurePath(rel).as_posix()
