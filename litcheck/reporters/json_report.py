"""JSON output: the versioned contract CI users and other tools rely on (see README)."""

from __future__ import annotations

import json


def render(report, **_options) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
