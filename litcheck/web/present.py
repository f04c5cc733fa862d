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
    """The document text as runs of str and Mark, marks nested as the findings are (each mark's
    categories: the EAST labels of its findings, once each)."""
    return _nest(text, in_text(findings), 0, _add_east_label)


def _add_east_label(mark, finding) -> None:
    label = east_label(finding.east)
    if label not in mark.categories:
        mark.categories.append(label)


def _nest(text: str, numbered, offset: int, categorise) -> list:
    """Runs of str and Mark for (number, finding) pairs on ``text`` (which starts at ``offset``
    in the document): marks nested as the findings are, a mark cut to the one around it, one
    mark for findings on the same words. ``categorise(mark, finding)`` records the finding's
    category on its mark."""
    root = Mark(0, len(text))
    stack = [root]
    spans: dict[tuple[int, int], Mark] = {}
    order = sorted(((n, f) for n, f in numbered if not is_whole_document(f)), key=lambda p: (p[1].start, -p[1].end, p[0]))
    for number, f in order:
        start, end = max(0, f.start - offset), min(len(text), f.end - offset)
        while len(stack) > 1 and stack[-1].end <= start:
            stack.pop()
        parent = stack[-1]
        end = min(end, parent.end)
        if end <= start:  # cut to nothing by the mark around it, or outside this text
            continue
        mark = spans.get((start, end))
        if mark is None:
            mark = Mark(start, end, nested=parent is not root)
            spans[(start, end)] = mark
            parent.children.append(mark)
            stack.append(mark)
        mark.numbers.append(number)
        categorise(mark, f)
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


# --- the report page's shapes (issue 16) -----------------------------------------------------

SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_WORDS = {"error": "Error", "warning": "Warning", "suggestion": "Suggestion"}


def _worst(severities) -> str:
    ranked = [s for s in SEVERITIES if s in set(severities)]
    return ranked[0] if ranked else "suggestion"


@dataclass
class Block:
    """One block of the document as the page shows it: its kind and its marked runs."""

    kind: str
    level: int
    runs: list
    location: dict


def numbered_marks(text: str, numbered, offset: int = 0) -> list:
    """Like marked_text, for (number, finding) pairs, on ``text`` that starts at ``offset``
    (each mark's categories: the severity of each of its findings)."""
    return _nest(text, numbered, offset, lambda mark, f: mark.categories.append(f.severity))


def mark_severity(mark: Mark) -> str:
    """The most serious severity of the findings on a mark (categories hold severities here)."""
    return _worst(mark.categories)


def structured_text(document, findings) -> list[dict]:
    """The document as the page shows it: headings, paragraphs, lists and tables, each
    with its marks. Items of one list form one group; cells of one table form its rows."""
    numbered = list(enumerate(findings, start=1))
    # the document's heading levels, in order, become h3, h4... under the page's own h2
    levels = sorted({b.level or 1 for b in document.blocks if b.kind == "heading"})
    tags = {level: f"h{min(6, 3 + rank)}" for rank, level in enumerate(levels)}
    out: list[dict] = []
    for block in document.blocks:
        text = document.text[block.start : block.end]
        if not text.strip():
            continue
        inside = [(n, f) for n, f in numbered if f.start < block.end and f.end > block.start]
        item = Block(block.kind, block.level, numbered_marks(text, inside, block.start), dict(block.location))
        if block.kind == "list_item":
            if out and out[-1]["kind"] == "list":
                out[-1]["items"].append(item)
            else:
                out.append({"kind": "list", "items": [item]})
        elif block.kind == "table_cell" and "table" in block.location:
            table, row = block.location.get("table"), block.location.get("row")
            if out and out[-1]["kind"] == "table" and out[-1]["table"] == table:
                rows = out[-1]["rows"]
                if rows[-1][0] == row:
                    rows[-1][1].append(item)
                else:
                    rows.append((row, [item]))
            else:
                out.append({"kind": "table", "table": table, "rows": [(row, [item])]})
        else:
            out.append({"kind": "block", "block": item, "tag": tags.get(block.level or 1, "h3") if block.kind == "heading" else "p"})
    return out


def places(document) -> list[tuple[int, str]]:
    """(offset, how a person finds that place) for each block: "paragraph 3 under 'Your
    appointment'", "the list under ...", "table 1, row 2", "the header" (never a line number)."""
    out = []
    heading, count = None, 0
    for block in document.blocks:
        text = document.text[block.start : block.end].strip()
        if block.kind == "heading":
            heading, count = text, 0
            out.append((block.start, f"the heading \u201c{_short(text)}\u201d"))
            continue
        if block.kind in ("header", "footer"):
            out.append((block.start, f"the page {block.kind}"))
            continue
        loc = block.location
        if block.kind == "table_cell" and "table" in loc:
            where = f"table {loc['table']}, row {loc.get('row', '?')}"
        else:
            count += 1
            where = f"{'list item' if block.kind == 'list_item' else 'paragraph'} {count}"
        if heading:
            where += f" under \u201c{_short(heading)}\u201d"
        if "page" in loc:
            where = f"page {loc['page']}, {where}"
        out.append((block.start, where))
    return out


def _short(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("\u2026" if len(parts) > words else "")


def where(finding, document, placed: list[tuple[int, str]] | None = None) -> str:
    """Where a finding is, in words a person can follow in the document."""
    if is_whole_document(finding):
        return "the whole letter"
    placed = places(document) if placed is None else placed
    found = ""
    for offset, label in placed:
        if offset > finding.start:
            break
        found = label
    return found or "the start"


def rule_groups(findings, rules: dict, document) -> list[dict]:
    """Findings grouped by rule, most serious and most frequent first; in each group one row
    per term (or sentence) with its count, suggestion and the places it stands."""
    placed = places(document)
    groups: dict[str, dict] = {}
    for n, f in enumerate(findings, start=1):
        if is_whole_document(f):
            continue
        g = groups.setdefault(f.rule, {"rule": f.rule, "rows": {}, "severities": [], "east": f.east})
        g["severities"].append(f.severity)
        key = " ".join(f.text.lower().split())
        row = g["rows"].setdefault(key, {"text": f.text, "numbers": [], "places": [], "suggestion": "",
                                          "message": f.message, "severity": f.severity})
        row["numbers"].append(n)
        row["places"].append((n, where(f, document, placed)))
        row["severity"] = _worst([row["severity"], f.severity])
        if f.suggestions and not row["suggestion"]:
            row["suggestion"] = f.suggestions[0]
    out = []
    for rule_id, g in groups.items():
        rule = rules.get(rule_id)
        severity = _worst(g["severities"])
        rows = sorted(g["rows"].values(), key=lambda r: (-len(r["numbers"]), r["numbers"][0]))
        out.append({
            "rule": rule_id, "title": getattr(rule, "description", "") or rule_id.replace(".", ": ").replace("_", " "),
            "severity": severity, "count": len(g["severities"]), "rows": rows, "east": east_label(g["east"]),
            "explanation": getattr(rule, "explanation", None),
        })
    out.sort(key=lambda g: (SEVERITIES.index(g["severity"]), -g["count"], g["rows"][0]["numbers"][0]))
    return out


def fix_first_targets(priorities, findings) -> list[dict]:
    """Each priority with the number of its first finding (for links into the text)."""
    numbers = {id(f): n for n, f in enumerate(findings, start=1)}
    return [{"p": p, "number": numbers.get(id(p.finding)), "numbers": [numbers.get(id(f)) for f in p.findings]} for p in priorities]
