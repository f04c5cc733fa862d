"""Findings: what an analyser says about one place in a document. Findings are values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

#: Severities, most serious first.
SEVERITIES = ("error", "warning", "suggestion")
#: EAST categories (Behavioural Insights Team): Easy, Attractive, Social, Timely.
EAST_CATEGORIES = ("easy", "attractive", "social", "timely")

_SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES), start=1)}


def severity_rank(severity: str) -> int:
    """suggestion=1, warning=2, error=3; anything else 0."""
    return _SEVERITY_RANK.get(severity, 0)


@dataclass(frozen=True, init=False)
class Finding:
    """One problem at one place in a document."""

    rule: str  #: rule id, from its file's path: "jargon.medical"
    severity: str  #: "error", "warning" or "suggestion"
    east: str | None  #: "easy", "attractive", "social", "timely", or None
    message: str  #: one sentence for the writer
    text: str  #: the matched text, as it stands in the document
    start: int  #: 0-based offset of the match in Document.text
    end: int  #: 0-based offset one past the end of the match
    line: int  #: 1-based line of ``start``
    column: int  #: 1-based column of ``start``
    suggestions: tuple[str, ...] = ()  #: replacement strings, best first
    #: where the match is in the original file: {"page": 2}, {"paragraph": 4}, {"line": 7}
    location: Mapping[str, int] = field(default_factory=dict, compare=False)

    def __init__(self, rule: str, severity: str, east: str | None, message: str, text: str, start: int, end: int,
                 line: int, column: int, suggestions: tuple[str, ...] = (), location: Mapping[str, int] | None = None) -> None:
        # (A frozen dataclass's own __init__ sets each field through object.__setattr__: 5 us a
        # finding, a fifth of that filling the new instance's dict; a letter has dozens of
        # findings, issue 20. Still frozen: setting a field afterwards raises FrozenInstanceError.)
        d = self.__dict__
        d["rule"] = rule
        d["severity"] = severity
        d["east"] = east
        d["message"] = message
        d["text"] = text
        d["start"] = start
        d["end"] = end
        d["line"] = line
        d["column"] = column
        d["suggestions"] = suggestions
        d["location"] = {} if location is None else location

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "east": self.east,
            "message": self.message,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "suggestions": list(self.suggestions),
            "location": dict(self.location),
        }
