"""One line per finding (``--format concise``), as flake8 and ruff print them:

    path:line:col: severity rule message

Editors, pre-commit and ``grep`` understand the ``path:line:col:`` prefix (line and column
count from 1; a finding about the whole letter, such as a missing detail, is at 1:1). A
last line counts the findings, unless ``quiet``. Files that could not be read are not here:
the command line reports each on standard error.
"""

from __future__ import annotations

from collections import Counter

from ..findings import SEVERITIES
from ._ci import all_findings, ci_path, message_with_suggestion
from ._style import paint
from .text import visible


def line(doc, finding, colour: bool = False) -> str:
    message = visible(" ".join(message_with_suggestion(finding).split()), "")
    where = paint(f"{visible(ci_path(doc.path), '')}:{finding.line}:{finding.column}:", "path", colour)
    return f"{where} {paint(finding.severity, finding.severity, colour)} {paint(finding.rule, 'rule', colour)} {message}"


def render(report, *, quiet: bool = False, colour: bool = False, **_options) -> str:
    out = [line(doc, f, colour) for doc, f in all_findings(report)]
    if not quiet:
        total = Counter(f.severity for _, f in all_findings(report))
        counts = ", ".join(f"{total[s]} {s}{'s' if total[s] != 1 else ''}" for s in SEVERITIES if total[s])
        n = len(report.documents)
        summary = f"Found {counts} in {n} document{'s' if n != 1 else ''}." if counts else f"No findings in {n} document{'s' if n != 1 else ''}."
        if report.errors:
            summary += f" {len(report.errors)} could not be read."
        out.append(summary)
    return "\n".join(out) + ("\n" if out else "")
