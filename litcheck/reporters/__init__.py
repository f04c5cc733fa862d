"""Reporters: turn a Report into output. Each is ``render(report, **options) -> str``."""

from __future__ import annotations

import importlib

#: --format value -> module in this package (a new format is a module and one line here)
REPORTERS = {"text": "text", "json": "json_report", "sarif": "sarif", "github": "github", "gitlab": "gitlab", "junit": "junit"}

#: --format value -> what it is for, in --help
FORMAT_HELP = {
    "text": "",
    "json": "",
    "sarif": "GitHub code scanning",
    "github": "workflow annotations",
    "gitlab": "Code Quality",
    "junit": "",
}


def render(report, fmt: str = "text", **options) -> str:
    module = importlib.import_module(f"{__name__}.{REPORTERS[fmt]}")
    return module.render(report, **options)
