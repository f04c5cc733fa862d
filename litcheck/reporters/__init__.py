"""Reporters: turn a Report into output. Each is ``render(report, **options) -> str``.

The options a reporter may use (each ignores the rest): ``quiet`` (findings only),
``colour`` (ANSI colour, text and concise), ``fail_on`` (the --fail-on level: JUnit counts
failures by it), ``rule_docs_url`` (SARIF helpUri, ``{rule}`` replaced by the rule id).
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from typing import Unpack
    else:
        from typing_extensions import Unpack


class RenderOptions(TypedDict, total=False):
    quiet: bool
    colour: bool
    fail_on: str | None
    rule_docs_url: str | None

#: --format value -> module in this package (a new format is a module and one line here)
REPORTERS = {"text": "text", "concise": "concise", "json": "json_report", "sarif": "sarif", "github": "github", "gitlab": "gitlab", "junit": "junit"}

#: --format value -> what it is for, in --help
FORMAT_HELP = {
    "text": "",
    "concise": "one line per finding: path:line:col: severity rule message",
    "json": "",
    "sarif": "GitHub code scanning",
    "github": "workflow annotations",
    "gitlab": "Code Quality",
    "junit": "",
}


def render(report, fmt: str = "text", **options: Unpack[RenderOptions]) -> str:
    module = importlib.import_module(f"{__name__}.{REPORTERS[fmt]}")
    return module.render(report, **options)
