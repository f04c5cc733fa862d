"""Reports: the findings and measurements for each document, as values.

``DocumentReport.to_dict`` is the JSON contract (schema version ``SCHEMA``). Later checks
add keys to a document's dict (``details``, ``east``...); the names here do not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .findings import Finding, severity_rank
from .readability import MeasuredReadability
from .version import __version__

#: version of the JSON output; raised only when a name changes meaning or goes away
SCHEMA = 1


@dataclass
class DocumentReport:
    path: str
    format: str
    profile: str
    #: the reading age and the two SHeLL-comparable measures (complex-language share, lexical
    #: density); None only from check_document(summary=False), which measures nothing
    readability: MeasuredReadability | None
    findings: list[Finding]
    document: Document = field(repr=False)
    notices: list[str] = field(default_factory=list)
    #: sections later checks add to the JSON (e.g. "details"), by name
    sections: dict[str, Any] = field(default_factory=dict)
    #: this report's JSON, encoded early by a --jobs worker: (text, path, findings count);
    #: the JSON reporter uses it only while path and count still match
    prerendered: tuple[str, str, int] | None = field(default=None, repr=False, compare=False)

    def worst(self) -> int:
        """Rank of the most serious finding (0 when there are none)."""
        return max((severity_rank(f.severity) for f in self.findings), default=0)

    def to_dict(self) -> dict:
        d = {
            "path": self.path,
            "format": self.format,
            "profile": self.profile,
            "readability": None if self.readability is None else self.readability.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "notices": list(self.notices),
        }
        for name, value in self.sections.items():
            d[name] = value.to_dict() if hasattr(value, "to_dict") else value
        return d


@dataclass
class InputProblem:
    """A document that could not be checked, and why (one line)."""

    path: str
    message: str

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message}


@dataclass
class Report:
    documents: list[DocumentReport] = field(default_factory=list)
    errors: list[InputProblem] = field(default_factory=list)
    #: with --baseline: the baseline applied (known findings and those fixed), else None
    baseline: Any = None

    def worst(self) -> int:
        return max((d.worst() for d in self.documents), default=0)

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "litcheck_version": __version__,
            "documents": [d.to_dict() for d in self.documents],
            "errors": [e.to_dict() for e in self.errors],
        }
