"""GitLab Code Quality report (``--format gitlab``): a JSON list of issues.

Each issue has description, check_name, fingerprint (stable across line moves: see
litcheck.baseline), severity (info, minor, major, critical, blocker) and location.path /
location.lines.begin.
"""

from __future__ import annotations

import json

from ._ci import all_findings, ci_path

#: litcheck severity -> Code Quality severity
SEVERITY = {"error": "critical", "warning": "major", "suggestion": "info"}


def render(report, **_options) -> str:
    from ..baseline import fingerprints

    issues = []
    for doc in report.documents:
        prints = fingerprints(doc.findings, ci_path(doc.path))
        for f, fp in zip(doc.findings, prints):
            issues.append({
                "type": "issue",
                "description": f.message,
                "check_name": f.rule,
                "categories": ["Clarity"],
                "fingerprint": fp,
                "severity": SEVERITY.get(f.severity, "minor"),
                "location": {"path": ci_path(doc.path), "lines": {"begin": f.line}},
            })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
