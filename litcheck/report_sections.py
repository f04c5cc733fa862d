"""Report sections: whole-document results beside the findings (``details``, ``east``...).

Each entry names a function ``build(ctx, findings) -> section``; the section object has
``to_dict()`` (its JSON under the document, by the entry's name) and ``text_lines()`` (its
lines in the text report). Builders are imported only when a document is checked.
"""

from __future__ import annotations

import importlib

#: (JSON key, "module:function"), in the order they appear in reports
BUILDERS: list[tuple[str, str]] = [
    ("profile_confidence", "litcheck.details.section:build_confidence"),
    ("profile_reason", "litcheck.details.section:build_reason"),
    ("details", "litcheck.details.section:build"),
    ("east", "litcheck.east:build"),
]


def build_sections(ctx, findings) -> dict:
    sections = {}
    for name, target in BUILDERS:
        module, _, func = target.partition(":")
        sections[name] = getattr(importlib.import_module(module), func)(ctx, findings)
    return sections
