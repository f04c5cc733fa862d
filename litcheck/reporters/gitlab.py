"""GitLab Code Quality report (``--format gitlab``): a JSON list of issues.

Each issue has description, check_name, fingerprint (stable across line moves: see
litcheck.baseline), severity (info, minor, major, critical, blocker) and location.path /
location.lines.begin. A file that could not be read is a ``litcheck.unreadable`` issue
(critical) at its line 1, so the merge request shows it.
"""

from __future__ import annotations

import hashlib

from .. import jsonout
from ._ci import UNREADABLE_RULE, ci_path

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
    for problem in report.errors:
        path = ci_path(problem.path)
        issues.append({
            "type": "issue",
            "description": problem.message,
            "check_name": UNREADABLE_RULE,
            "categories": ["Bug Risk"],
            "fingerprint": hashlib.sha256(f"{UNREADABLE_RULE}\x1f{path}".encode("utf-8")).hexdigest()[:32],
            "severity": "critical",
            "location": {"path": path, "lines": {"begin": 1}},
        })
    return jsonout.dumps(issues, indent=2) + "\n"
