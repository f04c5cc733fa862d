"""JSON output: the versioned contract CI users and other tools rely on (see README)."""

from __future__ import annotations

import dataclasses
import json

from .. import jsonout

_MARK = "\x00litcheck-documents\x00"


def prerender(doc) -> None:
    """Encode a document's JSON now (in a worker, in parallel); render() uses it as it is.

    The report's sections (details, EAST...) become the plain data they are in the JSON: the
    same JSON if it is ever encoded again, and a fifth of the cost of sending the report back
    to the parent (each section object was rebuilt there, field by field)."""
    data = doc.to_dict()
    text = jsonout.dumps(data, indent=2).replace("\n", "\n    ")
    doc.prerendered = (text, doc.path, len(doc.findings))
    doc.sections = {name: data[name] for name in doc.sections}


def _fragment(doc) -> str | None:
    saved = doc.prerendered
    if saved and saved[1] == doc.path and saved[2] == len(doc.findings):
        return saved[0]
    return None


def render(report, **_options) -> str:
    fragments = [_fragment(d) for d in report.documents]
    if fragments and all(fragments) and report.baseline is None:
        # the same text json.dumps gives for the whole report, without encoding it twice
        data = dataclasses.replace(report, documents=[]).to_dict()
        data["documents"] = [_MARK]
        text = jsonout.dumps(data, indent=2)
        return text.replace(json.dumps(_MARK), ",\n    ".join(fragments), 1) + "\n"
    data = report.to_dict()
    if report.baseline is not None:  # --baseline: known count and fixed findings
        data["baseline"] = report.baseline.to_dict()
    return jsonout.dumps(data, indent=2) + "\n"
