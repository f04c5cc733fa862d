"""Shape a DocumentReport for the templates: the text cut into plain runs and marks.

A finding with no span (start == end: a missing practical detail, a whole-letter EAST check)
is about the whole document: it is listed under "About the whole letter", never marked.

Findings may nest (a word inside a long sentence) or share a span (two rules on the same
words); each becomes a mark around its words, numbered as in the list of findings. A
finding that crosses the end of the one around it is cut at that end.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from urllib.parse import quote

EAST_LABELS = {"easy": "Easy", "attractive": "Attractive", "social": "Social", "timely": "Timely", None: "General"}

SECTION_TITLES = {"details": "Practical details checklist", "east": "EAST summary"}


@dataclass
class Mark:
    start: int
    end: int
    numbers: list[int] = field(default_factory=list)  #: findings here, 1-based as listed
    categories: list[str] = field(default_factory=list)
    children: list = field(default_factory=list)  #: str runs and Marks, in order
    nested: bool = False


def east_label(east: str | None) -> str:
    return EAST_LABELS.get(east, str(east).title())


def is_whole_document(finding) -> bool:
    return finding.end <= finding.start


def whole_document(findings) -> list[tuple[int, object]]:
    """(number, finding) for findings about the whole document, numbered as in the report."""
    return [(n, f) for n, f in enumerate(findings, start=1) if is_whole_document(f)]


def in_text(findings) -> list[tuple[int, object]]:
    """(number, finding) for findings that point at words in the text."""
    return [(n, f) for n, f in enumerate(findings, start=1) if not is_whole_document(f)]


def marked_text(text: str, findings) -> list:
    """The document text as runs of str and Mark, marks nested as the findings are."""
    root = Mark(0, len(text))
    stack = [root]
    spans: dict[tuple[int, int], Mark] = {}
    order = sorted(in_text(findings), key=lambda p: (p[1].start, -p[1].end, p[0]))
    for number, f in order:
        start, end = max(0, f.start), min(len(text), f.end)
        while len(stack) > 1 and stack[-1].end <= start:
            stack.pop()
        parent = stack[-1]
        end = min(end, parent.end)
        if end <= start:  # cut to nothing by the mark around it
            continue
        mark = spans.get((start, end))
        if mark is None:
            mark = Mark(start, end, nested=parent is not root)
            spans[(start, end)] = mark
            parent.children.append(mark)
            stack.append(mark)
        mark.numbers.append(number)
        label = east_label(f.east)
        if label not in mark.categories:
            mark.categories.append(label)
    return _fill(root, text).children


def _fill(mark: Mark, text: str) -> Mark:
    runs, pos = [], mark.start
    for child in mark.children:
        if child.start > pos:
            runs.append(text[pos : child.start])
        runs.append(_fill(child, text))
        pos = child.end
    if pos < mark.end:
        runs.append(text[pos : mark.end])
    mark.children = runs
    return mark


def json_download_url(report_json: str) -> str:
    """The JSON report as a data: URL, so the download needs no second request and no file."""
    return "data:application/json;charset=utf-8," + quote(report_json, safe="")


def download_url(data: bytes, media_type: str) -> str:
    """A file as a data: URL (base64), so it downloads from the page itself."""
    return f"data:{media_type};base64," + base64.b64encode(data).decode("ascii")


def _labels() -> dict:
    try:  # the checklist's own words for each detail, when litcheck has them
        from litcheck.details.section import LABELS
    except ImportError:
        return {}
    return dict(LABELS)


def _details_rows(data) -> list[dict] | None:
    if not isinstance(data, dict):
        return None
    labels = _labels()
    rows = [
        {"label": labels.get(key, key.replace("_", " ")), "present": bool(v.get("present")), "need": v.get("need") or "",
         "evidence": v.get("evidence"), "line": v.get("line")}
        for key, v in data.items() if isinstance(v, dict) and "present" in v
    ]
    return rows or None


def _east_cards(data) -> list[dict] | None:
    if not isinstance(data, dict):
        return None
    cards = [{"category": EAST_LABELS.get(key, key.title()), **value} for key, value in data.items()
             if key in EAST_LABELS and isinstance(value, dict)]
    return cards or None


def sections(report) -> list[dict]:
    """Each report section with a list of lines (details and east also in their own shape).

    A section that is a bare value (not an object with lines) is left out of the page; it is
    still in the JSON download.
    """
    out = []
    for name, section in report.sections.items():
        if not hasattr(section, "text_lines"):
            continue
        lines = [str(line).strip() for line in section.text_lines() if str(line).strip()]
        data = section.to_dict() if hasattr(section, "to_dict") else None
        out.append({
            "name": name,
            "title": SECTION_TITLES.get(name, name.replace("_", " ").capitalize()),
            "lines": lines,
            "rows": _details_rows(data) if name == "details" else None,
            "cards": _east_cards(data) if name == "east" else None,
        })
    return out
