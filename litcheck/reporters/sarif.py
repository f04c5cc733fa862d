"""SARIF 2.1.0 output, as GitHub code scanning reads it (``--format sarif``).

One run; ``tool.driver.rules`` lists every rule that has a result, with its help text from
``explain`` and its default level; each result points at the file and region (1-based).
"""

from __future__ import annotations

import json

from ..version import __version__
from ._ci import all_findings, ci_path, end_line_column, message_with_suggestion, rule_help

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: litcheck severity -> SARIF level
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def _rule(rule_id: str, severity: str) -> dict:
    rule = rule_help(rule_id)
    if rule is None:
        text = "litcheck's own check" if rule_id.startswith("litcheck.") else rule_id
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
    return {
        "id": rule.id,
        "name": "".join(part.title() for part in rule.id.replace(".", "_").split("_")),
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": ex.why.strip()},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["health-literacy"] + ([f"east:{rule.east}"] if rule.east else [])},
    }


def to_sarif(report) -> dict:
    rules: list[dict] = []
    index: dict[str, int] = {}
    results = []
    for doc, f in all_findings(report):
        if f.rule not in index:
            index[f.rule] = len(rules)
            rules.append(_rule(f.rule, f.severity))
        end_line, end_col = end_line_column(doc, f)
        message = message_with_suggestion(f)
        results.append({
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS.get(f.severity, "warning"),
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": ci_path(doc.path)},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": end_line,
                        "endColumn": end_col + 1,  # SARIF's endColumn is exclusive
                    },
                }
            }],
        })
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "litcheck",
                "version": __version__,
                "informationUri": "https://pypi.org/project/litcheck/",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(report, **_options) -> str:
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False) + "\n"
