"""Helpers the CI reporters share: paths as CI systems want them, end positions, rule help."""

from __future__ import annotations

from ..paths import ci_path  # noqa: F401  (the reporters' name for it)


def end_line_column(doc, finding) -> tuple[int, int]:
    """1-based line and column of the last character of the finding (inclusive)."""
    if finding.end <= finding.start:
        return finding.line, finding.column
    try:
        return doc.document.line_column(finding.end - 1)
    except Exception:  # a finding built without its document
        return finding.line, finding.column


def rule_help(rule_id: str):
    """The rule object for an id, or None (e.g. litcheck's own suppression findings)."""
    from ..rulebook import load_rules

    return load_rules().get(rule_id)


def all_findings(report):
    for doc in report.documents:
        for f in doc.findings:
            yield doc, f


def message_with_suggestion(finding) -> str:
    """The finding's message and its first suggestion, as one line for an annotation."""
    if not finding.suggestions or not finding.suggestions[0]:
        return finding.message
    suggestion = finding.suggestions[0]
    if f"'{suggestion.lower()}'" in finding.message.lower():
        return finding.message  # the message already offers it ("Try 'start' or 'begin'")
    stop = "" if suggestion.rstrip().endswith((".", "!", "?")) else "."
    return f"{finding.message} Try: {suggestion}{stop}"


def about_whole_document(finding) -> bool:
    """A finding about the document as a whole (a missing detail), not about any words in it."""
    return finding.start == finding.end == 0 and not finding.text


def fails(finding, fail_on: str | None) -> bool:
    """Whether the finding fails the run at this --fail-on level (as the exit code decides)."""
    from ..findings import severity_rank

    level = fail_on or "error"
    return level != "never" and severity_rank(finding.severity) >= severity_rank(level)


#: the rule id under which CI formats report a file that could not be read
UNREADABLE_RULE = "litcheck.unreadable"
UNREADABLE_HELP = "litcheck could not read this file, so it was not checked (the message says why and what to do)."
