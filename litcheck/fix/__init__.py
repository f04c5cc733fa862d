"""``litcheck fix``: a revised copy with the safe plain-word swaps made, and a list of the rest.

- ``policy.py``: the safety policy each swap must pass (the guards, written down).
- ``revise.py``: the revised text and the list of changes (before, after, rule, reason).
- ``word.py``: the same edits made inside a Word document's runs, formatting kept.
- ``copies.py``: revised copies in memory (the upload page) and beside the input.
- ``review.py``: the reviewed Word copy, every finding a Word comment (``litcheck annotate``).

Only word-for-word swaps from rules with ``fix: swap`` are made; everything else (threats,
long sentences, missing details) needs a person and is listed with the reason.
"""

from __future__ import annotations

from .copies import MEDIA_TYPES, FixError, fix_file, output_path, revise_bytes, revise_data
from .review import annotate_docx, annotate_file, review_path
from .revise import TEXT_FORMATS, Change, Left, Revision, apply_edits, edit_groups, revise

__all__ = [
    "MEDIA_TYPES",
    "TEXT_FORMATS",
    "Change",
    "FixError",
    "Left",
    "Revision",
    "annotate_docx",
    "annotate_file",
    "apply_edits",
    "edit_groups",
    "fix_file",
    "output_path",
    "revise",
    "revise_bytes",
    "revise_data",
    "review_path",
]
