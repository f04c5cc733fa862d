"""JSON output: the versioned contract CI users and other tools rely on (see README)."""

from __future__ import annotations

import json


def render(report, **_options) -> str:
    data = report.to_dict()
    if getattr(report, "baseline", None) is not None:  # --baseline: known count and fixed findings
        data["baseline"] = report.baseline.to_dict()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
