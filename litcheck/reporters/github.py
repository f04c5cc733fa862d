"""GitHub Actions workflow commands (``--format github``): findings as pull-request annotations.

``::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message``. Data is escaped as
the Actions runner expects: ``%`` ``\\r`` ``\\n`` in messages, and also ``:`` ``,`` in properties.
"""

from __future__ import annotations

from ._ci import about_whole_document, all_findings, ci_path, end_line_column, message_with_suggestion

#: litcheck severity -> workflow command
COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report, **_options) -> str:
    out = []
    for doc, f in all_findings(report):
        end_line, end_col = end_line_column(doc, f)
        props = {"file": ci_path(doc.path)}
        if not about_whole_document(f):  # a whole-letter finding is a file-level annotation
            props.update(line=str(f.line), col=str(f.column), endLine=str(end_line), endColumn=str(end_col + 1))
        props["title"] = f"litcheck {f.rule}"
        prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
        message = message_with_suggestion(f)
        out.append(f"::{COMMANDS.get(f.severity, 'warning')} {prop_text}::{escape_data(message)}")
    for problem in report.errors:
        out.append(f"::error file={escape_property(ci_path(problem.path))},title=litcheck::{escape_data(problem.message)}")
    return "\n".join(out) + ("\n" if out else "")
