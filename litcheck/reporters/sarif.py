"""SARIF 2.1.0 output, as GitHub code scanning reads it (``--format sarif``).

One run; ``tool.driver.rules`` lists every rule that has a result, with its help text from
``explain``, its default level and (with ``rule_docs_url``) ``helpUri``, the rule's page
under docs/rules/; each result points at the file and region (1-based) and carries
``partialFingerprints["litcheck/v1"]``, the baseline's fingerprint (rule, file, matched text
and its occurrence: stable when lines move). File URIs are relative to ``%SRCROOT%`` (the
working folder) and percent-encoded, so ``#`` or a space in a name stays part of the path.
A file that could not be read is a ``toolExecutionNotifications`` entry and a
``litcheck.unreadable`` result, so it shows in code scanning too.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import quote

from .. import jsonout
from ..version import __version__
from ._ci import UNREADABLE_HELP, UNREADABLE_RULE, ci_path, end_line_column, message_with_suggestion, rule_help

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: litcheck severity -> SARIF level
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


#: the fingerprint's name in partialFingerprints (a new scheme gets a new version)
FINGERPRINT = "litcheck/v1"


def artifact_location(path: str) -> dict:
    """A file's SARIF location: relative to %SRCROOT% when under the working folder, else a
    file: URI; percent-encoded either way."""
    shown = ci_path(path)
    if path in ("-", "<text>"):
        return {"uri": quote(shown, safe="")}
    if os.path.isabs(shown):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/"), "uriBaseId": "%SRCROOT%"}


def _rule(rule_id: str, severity: str, docs_url: str | None = None) -> dict:
    rule = rule_help(rule_id)
    if rule is None:
        text = UNREADABLE_HELP if rule_id == UNREADABLE_RULE else "litcheck's own check" if rule_id.startswith("litcheck.") else rule_id
        return {
            "id": rule_id,
            "shortDescription": {"text": text},
            "fullDescription": {"text": text},
            "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        }
    ex = rule.explanation
    help_text = f"{ex.why.strip()}\n\nInstead: {ex.instead.strip()}"
    help_md = f"{ex.why.strip()}\n\n**Instead:** {ex.instead.strip()}"
    if ex.sources:
        help_text += "\n\nSources: " + "; ".join(ex.sources)
        help_md += "\n\n**Sources:**\n" + "\n".join(f"- {s}" for s in ex.sources)
    out = {
        "id": rule.id,
        "name": "".join(part.title() for part in rule.id.replace(".", "_").split("_")),
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": ex.why.strip()},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["health-literacy"] + ([f"east:{rule.east}"] if rule.east else [])},
    }
    if docs_url:
        out["helpUri"] = help_uri(docs_url, rule.id)
    return out


def help_uri(docs_url: str, rule_id: str) -> str:
    """``docs_url`` with ``{rule}`` replaced (or the page name appended): docs/rules/RULE.md."""
    page = quote(rule_id, safe="")
    if "{rule}" in docs_url:
        return docs_url.replace("{rule}", page)
    return docs_url.rstrip("/") + f"/{page}.md"


def to_sarif(report, rule_docs_url: str | None = None) -> dict:
    from ..baseline import fingerprints

    rules: list[dict] = []
    index: dict[str, int] = {}
    results = []

    def rule_index(rule_id: str, severity: str) -> int:
        if rule_id not in index:
            index[rule_id] = len(rules)
            rules.append(_rule(rule_id, severity, rule_docs_url))
        return index[rule_id]

    for doc in report.documents:
        prints = fingerprints(doc.findings, ci_path(doc.path))
        for f, fingerprint in zip(doc.findings, prints):
            end_line, end_col = end_line_column(doc, f)
            results.append({
                "ruleId": f.rule,
                "ruleIndex": rule_index(f.rule, f.severity),
                "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": message_with_suggestion(f)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact_location(doc.path),
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": end_line,
                            "endColumn": end_col + 1,  # SARIF's endColumn is exclusive
                        },
                    }
                }],
                "partialFingerprints": {FINGERPRINT: fingerprint},
            })
    notifications = []
    for problem in report.errors:
        where = [{"physicalLocation": {"artifactLocation": artifact_location(problem.path), "region": {"startLine": 1}}}]
        results.append({
            "ruleId": UNREADABLE_RULE,
            "ruleIndex": rule_index(UNREADABLE_RULE, "error"),
            "level": "error",
            "message": {"text": problem.message},
            "locations": where,
            "partialFingerprints": {FINGERPRINT: _unreadable_print(problem.path)},
        })
        notifications.append({"level": "error", "message": {"text": problem.message}, "locations": where,
                              "descriptor": {"id": UNREADABLE_RULE}})
    run: dict = {
        "tool": {"driver": {
            "name": "litcheck",
            "version": __version__,
            "informationUri": "https://pypi.org/project/litcheck/",
            "rules": rules,
        }},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _unreadable_print(path: str) -> str:
    return hashlib.sha256(f"{UNREADABLE_RULE}\x1f{ci_path(path)}".encode("utf-8")).hexdigest()[:32]


def render(report, *, rule_docs_url: str | None = None, **_options) -> str:
    return jsonout.dumps(to_sarif(report, rule_docs_url), indent=2) + "\n"
